"""Faults in the scaled stack: a Rasa server dies, PostgreSQL or Redis restarts, the actions stop.

Traffic runs in threads while the fault happens. Clients see clear temporary errors (HTTP 5xx, never
a hang or a wrong answer); a failed turn is re-sent only if it did not land (checked through the
API), and afterwards the database holds every conversation complete, in order, each turn once.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from tests.scaled.conftest import Scaled
from tests.scaled.conversations import SCRIPTS, Conversation, run_conversation, verify

pytestmark = [pytest.mark.postgres, pytest.mark.servers, pytest.mark.slow]

EMERGENCY = "This needs emergency care now"


def traffic_during(scaled: Scaled, fault: Callable[[], None], *, people: int = 6, seconds: float = 45.0,
                   fault_after: float = 8.0) -> list[Conversation]:
    """Several people chat continuously; the fault is injected while they do."""
    stop = threading.Event()
    done: list[Conversation] = []
    lock = threading.Lock()

    def person(index: int) -> None:
        number = 0
        while not stop.is_set():
            script = SCRIPTS[(index + number) % len(SCRIPTS)]
            conversation = Conversation(f"fault-{uuid.uuid4().hex[:10]}", "fault", list(script))
            run_conversation(scaled.proxy_url, scaled.token, conversation)
            with lock:
                done.append(conversation)
            number += 1

    with ThreadPoolExecutor(people) as pool:
        futures = [pool.submit(person, i) for i in range(people)]
        time.sleep(fault_after)
        fault()
        time.sleep(max(0.0, seconds - fault_after))
        stop.set()
        for future in futures:
            future.result(timeout=600)
    return done


def assert_intact(scaled: Scaled, conversations: list[Conversation]) -> None:
    verdict = verify(scaled.engine, conversations)
    assert verdict.problems == [], "\n".join(verdict.problems[:30])
    failed = [(c.sender, t.turn, t.status) for c in conversations for t in c.turns if t.status != 200]
    assert failed == [], f"turns that never landed: {failed}"


def say(scaled: Scaled, sender: str, text: str) -> requests.Response:
    return requests.post(f"{scaled.proxy_url}/webhooks/rest/webhook", json={"sender": sender, "message": text},
                         timeout=90)


def texts(reply: requests.Response) -> str:
    return " ".join(str(m.get("text") or "") for m in reply.json())


def wait_for_service(scaled: Scaled, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if say(scaled, f"probe-{uuid.uuid4().hex[:6]}", "hello").status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(1)
    pytest.fail("the stack did not recover on its own")


def test_action_servers_down_the_bot_says_so_and_emergencies_still_work(scaled: Scaled) -> None:
    for name in ("actions-1", "actions-2"):
        scaled.stack.stop(name)
    try:
        # nginx answers for them, in the action-server protocol (independent of the domain)
        actions = f"http://127.0.0.1:{scaled.stack.config.action_proxy_port}/webhook"
        answer = requests.post(actions, json={"next_action": "action_screen", "tracker": {}}, timeout=30)
        assert answer.status_code == 200
        assert "just now" in answer.json()["responses"][0]["text"]
        sender = f"noactions-{uuid.uuid4().hex[:8]}"
        reply = say(scaled, sender, "My lower back aches on the left, dull, 5/10, two weeks, worse when I bend")
        assert reply.status_code == 200
        assert "just now" in texts(reply), texts(reply)
        emergency = say(scaled, f"noactions-{uuid.uuid4().hex[:8]}", "worst headache of my life, it came on suddenly")
        assert emergency.status_code == 200
        assert emergency.json()[0]["text"].startswith(EMERGENCY), texts(emergency)
    finally:
        for name in ("actions-1", "actions-2"):
            scaled.stack.start(name)
        scaled.stack.wait_up(["actions-1", "actions-2"])
    conversation = Conversation(f"actions-back-{uuid.uuid4().hex[:8]}", "fault", list(SCRIPTS[1]))
    run_conversation(scaled.proxy_url, scaled.token, conversation)
    assert_intact(scaled, [conversation])


def _restart(command: list[str]) -> Callable[[], None]:
    def fault() -> None:
        subprocess.run(command, check=True, capture_output=True, timeout=120)
    return fault


def test_postgresql_restart_gives_temporary_errors_then_recovers_with_nothing_lost(scaled: Scaled) -> None:
    clusters = sorted(os.listdir("/etc/postgresql")) if os.path.isdir("/etc/postgresql") else []
    if not shutil.which("pg_ctlcluster") or not clusters or os.geteuid() != 0:
        pytest.skip("restarting PostgreSQL needs Debian's pg_ctlcluster and root")
    command = ["pg_ctlcluster", "--skip-systemctl-redirect", clusters[-1], "main", "restart"]
    conversations = traffic_during(scaled, _restart(command))
    wait_for_service(scaled)
    assert_intact(scaled, conversations)


def test_redis_restart_gives_temporary_errors_then_recovers_with_nothing_lost(scaled: Scaled) -> None:
    if not os.path.exists("/etc/init.d/redis-server") or os.geteuid() != 0:
        pytest.skip("restarting Redis needs /etc/init.d/redis-server and root")
    conversations = traffic_during(scaled, _restart(["/etc/init.d/redis-server", "restart"]))
    wait_for_service(scaled)
    assert_intact(scaled, conversations)


def test_killing_one_rasa_server_during_traffic_loses_nothing(scaled: Scaled) -> None:
    conversations = traffic_during(scaled, lambda: scaled.stack.stop("rasa-1", sig=signal.SIGKILL))
    assert not scaled.stack.alive("rasa-1")
    assert_intact(scaled, conversations)
    assert sum(len(c.turns) for c in conversations) > 20, "the other Rasa server must have served on"
