"""Bounded load through the proxy with locust (loopback only), then the database check.

50 simulated people for 60 seconds; the report (throughput, p50/p95/p99, errors) goes to
results/load/ as JSON and markdown. Afterwards every conversation's events in PostgreSQL must be
complete and in order: no lost or duplicated turns.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from core.settings import PROJECT_ROOT
from tests.scaled.conftest import Scaled
from tests.scaled.conversations import Conversation, Turn, verify

pytestmark = [pytest.mark.postgres, pytest.mark.servers, pytest.mark.slow]

USERS = int(os.environ.get("LOAD_USERS", "50"))
SECONDS = int(os.environ.get("LOAD_SECONDS", "60"))
OUT = PROJECT_ROOT / "results" / "load"


def conversations_from(record: Path) -> list[Conversation]:
    """Rebuild what each simulated person sent and got back from locust's per-turn record."""
    found: dict[str, Conversation] = {}
    for line in record.read_text().splitlines():
        row = json.loads(line)
        conversation = found.setdefault(row["sender"], Conversation(row["sender"], row["run"], []))
        conversation.turns.append(Turn(row["turn"], row["status"], row["bot_messages"], 0.0))
    return list(found.values())


def test_fifty_people_for_a_minute_then_every_conversation_is_complete(scaled: Scaled, tmp_path: Path) -> None:
    if shutil.which("locust", path=str(Path(sys.executable).parent)) is None:
        pytest.skip("locust is not installed (pip install -e '.[dev]')")
    assert scaled.proxy_url.startswith("http://127.0.0.1:"), "the load test aims at loopback only"
    record = tmp_path / "turns.jsonl"
    env = dict(os.environ, LOAD_RECORD=str(record), LOAD_OUT=str(OUT), LOAD_RUN=uuid.uuid4().hex[:8],
               PYTHONPATH=str(PROJECT_ROOT))
    command = [str(Path(sys.executable).parent / "locust"), "-f", "tools/bench/locustfile.py", "--headless",
               "-u", str(USERS), "-r", "10", "-t", f"{SECONDS}s", "--stop-timeout", "150",
               "--host", scaled.proxy_url, "--only-summary", "--loglevel", "WARNING"]
    finished = subprocess.run(command, cwd=PROJECT_ROOT, env=env, capture_output=True, text=True,
                              timeout=SECONDS + 400)
    report = json.loads((OUT / "load.json").read_text())
    print(json.dumps(report, indent=2))
    print((OUT / "load.md").read_text())
    assert report["requests"] > USERS, finished.stdout[-3000:] + finished.stderr[-3000:]
    assert report["failures"] == 0, report["errors"]
    conversations = conversations_from(record)
    assert len(conversations) >= USERS
    verdict = verify(scaled.engine, conversations)
    assert verdict.problems == [], "\n".join(verdict.problems[:30])
    assert verdict.turns == report["requests"]
