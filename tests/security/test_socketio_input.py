"""The chat widget's socket.io channel has the same front door as REST (real Rasa server).

Needs `bot.rasa.channels.GuardedSocketIOInput` registered in credentials.yml: Rasa's own handler
raises inside the socket.io task on such input and never answers.
"""

from __future__ import annotations

import queue
from typing import Any, Iterator

import pytest
import requests
import socketio

from bot.rasa.channels import EMPTY_REPLY, say
from bot.rasa.limits import RateLimit
from tools.servers import Servers

WAIT = 20.0
FIRST = "my lower back aches on the left"
NOT_GUARDED = ("no answer: is bot.rasa.channels.GuardedSocketIOInput registered as the socket.io channel "
               "in credentials.yml?")


class Widget:
    """A socket.io client that speaks like the chat widget (session persistence)."""

    def __init__(self, url: str, session_id: str) -> None:
        self.session_id = session_id
        self.replies: queue.Queue[dict[str, Any]] = queue.Queue()
        self.client = socketio.Client(reconnection=False)
        confirmed: queue.Queue[Any] = queue.Queue()
        self.client.on("bot_uttered", self.replies.put)
        self.client.on("session_confirm", confirmed.put)
        self.client.connect(url, transports=["polling"], socketio_path="/socket.io", wait_timeout=WAIT)
        self.client.emit("session_request", {"session_id": session_id})
        assert confirmed.get(timeout=WAIT) == session_id

    def send(self, data: Any) -> list[str]:
        """Emit one user event; return the texts that come back (waits for the first, then drains)."""
        self.client.emit("user_uttered", data)
        try:
            texts = [str(self.replies.get(timeout=WAIT).get("text"))]
        except queue.Empty:
            pytest.fail(NOT_GUARDED)
        while True:
            try:
                texts.append(str(self.replies.get(timeout=1.5).get("text")))
            except queue.Empty:
                return texts


@pytest.fixture
def widget(servers: Servers) -> Iterator[Widget]:
    client = Widget(servers.rasa_url, servers.new_sender())
    yield client
    client.client.disconnect()


BAD_EVENTS: list[tuple[str, Any, str]] = [
    ("data is a string", "my back hurts", "session_id"),
    ("data is a list", ["my back hurts"], "session_id"),
    ("message is a number", {"message": 6}, "must be a string"),
    ("message is a dict", {"message": {"text": "x"}}, "must be a string"),
    ("metadata is not JSON", {"message": "hi", "metadata": "{not json"}, "metadata"),
    ("session id with slashes", {"message": "hi", "session_id": "../x"}, "session_id"),
    ("missing session id", {"message": "hi", "session_id": None}, "session_id"),
    ("empty message", {"message": "  "}, say(EMPTY_REPLY)[:20]),
]


@pytest.mark.parametrize(("kind", "data", "expected"), BAD_EVENTS, ids=[b[0] for b in BAD_EVENTS])
def test_bad_socketio_event_gets_a_clean_answer(servers: Servers, widget: Widget, kind: str, data: Any,
                                                expected: str) -> None:
    assert widget.send({"message": FIRST, "session_id": widget.session_id})
    if isinstance(data, dict) and "session_id" not in data:
        data = {**data, "session_id": widget.session_id}
    answer = widget.send(data)
    assert any(expected in text for text in answer), answer
    assert not any("Traceback" in text for text in answer)
    assert widget.send({"message": "about a 6 out of 10", "session_id": widget.session_id})
    users = [e["text"] for e in servers.tracker(widget.session_id)["events"] if e.get("event") == "user"]
    assert users == [FIRST, "about a 6 out of 10"], users


def test_socketio_text_is_cleaned_like_rest(servers: Servers, widget: Widget) -> None:
    widget.send({"message": "my\x00 lo\u200bwer back\ud83d aches", "session_id": widget.session_id})
    users = [e["text"] for e in servers.tracker(widget.session_id)["events"] if e.get("event") == "user"]
    assert users == ["my  lower back  aches"], users


def test_rest_and_socketio_share_the_rate_limit(servers: Servers, widget: Widget) -> None:
    limit = RateLimit.from_env()
    if limit is None:
        pytest.skip("BOT_RATE_LIMIT is off in this environment")
    for _ in range(limit.capacity + 2):
        requests.post(f"{servers.rasa_url}/webhooks/rest/webhook",
                      json={"sender": widget.session_id, "message": ""}, timeout=30)
    answer = widget.send({"message": FIRST, "session_id": widget.session_id})
    assert any("faster than I can read" in text for text in answer), answer
