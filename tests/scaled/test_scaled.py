"""The scaled-out stack end to end: REST and socket.io through nginx, conversations in PostgreSQL."""

from __future__ import annotations

import time
import uuid

import pytest
import requests

from tests.scaled.conftest import Scaled
from tests.scaled.conversations import SCRIPTS, Conversation, run_conversation, verify

pytestmark = [pytest.mark.postgres, pytest.mark.servers]


def test_rest_conversations_through_the_proxy_land_in_postgresql_complete_and_in_order(scaled: Scaled) -> None:
    conversations = [Conversation(f"rest-{uuid.uuid4().hex[:8]}", "rest", script) for script in SCRIPTS]
    for conversation in conversations:
        run_conversation(scaled.proxy_url, scaled.token, conversation)
        assert all(turn.status == 200 for turn in conversation.turns)
    verdict = verify(scaled.engine, conversations)
    assert verdict.problems == [], "\n".join(verdict.problems)
    assert verdict.turns >= sum(len(s) for s in SCRIPTS)


def test_requests_are_spread_over_both_rasa_servers(scaled: Scaled) -> None:
    """least_conn for REST: with overlapping requests both Rasa servers serve (the access log says which)."""
    from concurrent.futures import ThreadPoolExecutor

    def one(_: int) -> int:
        return requests.post(f"{scaled.proxy_url}/webhooks/rest/webhook",
                             json={"sender": f"spread-{uuid.uuid4().hex[:8]}", "message": "my neck aches"},
                             timeout=90).status_code

    with ThreadPoolExecutor(6) as pool:
        assert set(pool.map(one, range(12))) == {200}
    log = (scaled.stack.run_dir / "access.log").read_text()
    used = {f"127.0.0.1:{port}" for port in scaled.stack.config.rasa_ports if f"127.0.0.1:{port}" in log}
    assert len(used) == 2, log[-2000:]


def test_socketio_long_polling_through_the_proxy_needs_and_gets_sticky_sessions(scaled: Scaled) -> None:
    """engine.io polling keeps its session in one server's memory: without stickiness it would fail."""
    socketio = pytest.importorskip("socketio")
    client = socketio.Client(reconnection=False)
    replies: list[dict] = []
    session: dict[str, str] = {}
    client.on("bot_uttered", lambda data: replies.append(data))
    client.on("session_confirm", lambda data: session.update(id=str(data)))
    client.connect(scaled.proxy_url, transports=["polling"], wait_timeout=30)
    try:
        sender = f"sio-{uuid.uuid4().hex[:8]}"
        client.emit("session_request", {"session_id": sender})
        deadline = time.monotonic() + 30
        while "id" not in session and time.monotonic() < deadline:
            time.sleep(0.2)
        for message in ("my lower back aches on the left", "dull, about a 5"):
            before = len(replies)
            client.emit("user_uttered", {"message": message, "session_id": sender})
            deadline = time.monotonic() + 60
            while len(replies) == before and time.monotonic() < deadline:
                time.sleep(0.2)
            assert len(replies) > before, "no bot reply over socket.io polling through the proxy"
        assert client.transport() == "polling"
    finally:
        client.disconnect()
    tracker = requests.get(f"{scaled.proxy_url}/conversations/{sender}/tracker",
                           params={"token": scaled.token}, timeout=30).json()
    assert [e["text"] for e in tracker["events"] if e["event"] == "user"] == [
        "my lower back aches on the left", "dull, about a 5"]


def test_request_body_size_is_limited_at_the_proxy(scaled: Scaled) -> None:
    reply = requests.post(f"{scaled.proxy_url}/webhooks/rest/webhook",
                          json={"sender": "big", "message": "x" * 200_000}, timeout=30)
    assert reply.status_code == 413


def test_action_servers_are_not_on_the_public_port(scaled: Scaled) -> None:
    reply = requests.post(f"{scaled.proxy_url}/webhook", json={"next_action": "action_delete_data"}, timeout=30)
    assert reply.status_code in (404, 405)
