"""Load: simulated people chatting with the assistant over REST through the proxy (locust).

Each simulated person runs realistic conversations one turn per task (intake, screening answers,
suggestions, coaching), thinking 2-5 seconds between messages. Every turn is appended to
LOAD_RECORD (JSON lines: sender, turn, status, number of bot messages), so the test can check the
database afterwards; at the end, throughput, p50/p95/p99 latency and errors go to LOAD_OUT as JSON
and markdown. Run through tests/scaled/test_load.py, which aims it at loopback only:

    locust -f tools/bench/locustfile.py --headless -u 50 -r 10 -t 60s --host http://127.0.0.1:PORT
"""

from __future__ import annotations

import json
import os
import random
import uuid
from pathlib import Path
from typing import Any

from locust import between, events, task
from locust.contrib.fasthttp import FastHttpUser
from locust.env import Environment

from tests.scaled.conversations import Conversation, new_conversation, next_message, payload

RUN = os.environ.get("LOAD_RUN", uuid.uuid4().hex[:8])
RECORD = Path(os.environ.get("LOAD_RECORD", "results/load/turns.jsonl"))
OUT = Path(os.environ.get("LOAD_OUT", "results/load"))


class Person(FastHttpUser):
    """One person at a time: a conversation, turn by turn, then the next conversation."""

    wait_time = between(2, 5)
    network_timeout = 120.0
    connection_timeout = 10.0

    def on_start(self) -> None:
        self.rng = random.Random()
        self._new()

    def _new(self) -> None:
        self.conversation: Conversation = new_conversation(RUN, self.rng)
        self.step = self.turn = 0
        self.reply: list[dict[str, Any]] = []

    @task
    def say(self) -> None:
        """Send the next turn of the current conversation and record what came back."""
        message, self.step = next_message(self.conversation.script, self.step, self.reply)
        if message is None:
            self._new()
            message, self.step = next_message(self.conversation.script, self.step, self.reply)
            assert message is not None
        turn = self.turn
        with self.client.post("/webhooks/rest/webhook", json=payload(self.conversation, turn, message),
                              name=f"turn {min(turn, 5)}{'+' if turn >= 5 else ''}", catch_response=True) as reply:
            messages: Any = None
            if reply.status_code == 200:
                try:
                    messages = reply.json()
                except ValueError:
                    messages = None
            if isinstance(messages, list) and messages:
                reply.success()
            else:
                reply.failure(f"status {reply.status_code}, {'no reply' if messages == [] else 'bad body'}")
        record = {"sender": self.conversation.sender, "run": RUN, "turn": turn, "status": reply.status_code,
                  "bot_messages": len(messages) if isinstance(messages, list) else 0}
        with RECORD.open("a") as handle:
            handle.write(json.dumps(record) + "\n")
        self.turn += 1
        self.reply = messages if isinstance(messages, list) else []
        if reply.status_code != 200:
            self._new()  # a person whose message failed starts over rather than guess what was stored


@events.quitting.add_listener
def _report(environment: Environment, **_: Any) -> None:
    """Throughput, latency percentiles and errors, as JSON and a markdown table."""
    stats = environment.stats
    total = stats.total
    last = total.last_request_timestamp or total.start_time
    duration = max(last - total.start_time, 1e-9) if total.num_requests else 0.0
    latency: dict[str, float] = {f"p{int(q * 100)}": total.get_response_time_percentile(q) for q in (0.5, 0.95, 0.99)}
    latency |= {"mean": round(total.avg_response_time, 1), "max": total.max_response_time}
    result: dict[str, Any] = {
        "run": RUN,
        "users": environment.runner.target_user_count if environment.runner else None,
        "requests": total.num_requests,
        "failures": total.num_failures,
        "error_rate": total.num_failures / total.num_requests if total.num_requests else 0.0,
        "duration_s": round(duration, 1),
        "throughput_rps": round(total.num_requests / duration, 2) if duration else 0.0,
        "latency_ms": latency,
        "errors": [{"name": e.name, "error": str(e.error), "count": e.occurrences} for e in stats.errors.values()],
    }
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "load.json").write_text(json.dumps(result, indent=2) + "\n")
    (OUT / "load.md").write_text(
        "| users | duration (s) | turns | throughput (turns/s) | p50 (ms) | p95 (ms) | p99 (ms) | errors |\n"
        "| --- | --- | --- | --- | --- | --- | --- | --- |\n"
        f"| {result['users']} | {result['duration_s']} | {total.num_requests} | {result['throughput_rps']} | "
        f"{latency['p50']} | {latency['p95']} | {latency['p99']} | {total.num_failures} |\n")
