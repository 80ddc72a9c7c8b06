"""Bad input against the real servers: each kind gets a clean answer, and nothing is lost.

Every case starts a real conversation with a normal turn, sends one kind of bad input, then goes
on with a normal turn, and checks over the token-guarded tracker API that the conversation is
intact: both normal turns are stored once and in order, the place given in the first turn is still
known, and the bot did not loop. "Clean" means the expected status, a JSON body, and no stack trace
or exception text in the answer.
"""

from __future__ import annotations

import json
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import pytest
import requests

from bot.rasa.limits import RateLimit
from tools.servers import Servers

FIRST = "my lower back aches on the left"
NEXT = "it's about a 6 out of 10"
LEAKS = ("Traceback", 'File "/', "Exception", "sqlalchemy", "rasa.core", "line ")
TIMEOUT = 60


@dataclass(frozen=True)
class Case:
    """One kind of bad input: the raw request and the statuses a clean answer may have."""

    kind: str
    body: bytes | None = None  # None: built from `payload` with the case's sender
    payload: dict[str, Any] | None = None
    statuses: tuple[int, ...] = (200,)
    content_type: str = "application/json"
    method: str = "POST"
    turn: bool = False  # the bad input itself reaches Rasa as a user turn
    headers: dict[str, str] = field(default_factory=dict)


def _json(**fields: Any) -> dict[str, Any]:
    return fields


S = "{sender}"  # replaced by the conversation's sender id
CASES: list[Case] = [
    Case("empty message", payload=_json(sender=S, message="")),
    Case("whitespace only", payload=_json(sender=S, message=" \t\n  \n")),
    Case("20k characters", payload=_json(sender=S, message="my back hurts " * 1430), turn=True),
    Case("1 MB body", body=json.dumps({"sender": S, "message": "a" * 1_048_576}).encode(), statuses=(413,)),
    Case("binary bytes", body=bytes(range(256)) * 4, statuses=(400,)),
    Case("invalid UTF-8 in the text", body=b'{"sender": "{sender}", "message": "my back \xff\xfe\xc3 hurts"}',
         turn=True),
    Case("malformed JSON", body=b'{"sender": "{sender}", "message": "hi"', statuses=(400,)),
    Case("JSON array body", body=b'["{sender}", "my back hurts"]', statuses=(400,)),
    Case("JSON string body", body=b'"my back hurts"', statuses=(400,)),
    Case("JSON number body", body=b"42", statuses=(400,)),
    Case("JSON null body", body=b"null", statuses=(400,)),
    Case("empty body", body=b"", statuses=(400,)),
    Case("missing sender", payload=_json(message="my back hurts"), statuses=(400,)),
    Case("null sender", payload=_json(sender=None, message="my back hurts"), statuses=(400,)),
    Case("empty sender", payload=_json(sender="", message="my back hurts"), statuses=(400,)),
    Case("boolean sender", payload=_json(sender=True, message="my back hurts"), statuses=(400,)),
    Case("very long sender", payload=_json(sender="x" * 129, message="my back hurts"), statuses=(400,)),
    Case("sender with slashes", payload=_json(sender="../../conversations/x", message="hi"), statuses=(400,)),
    Case("sender with unicode", payload=_json(sender="josé-🙂", message="hi"), statuses=(400,)),
    Case("sender with a newline", payload=_json(sender="a\nSet-Cookie: x=1", message="hi"), statuses=(400,)),
    Case("message as list", payload=_json(sender=S, message=["my", "back"]), statuses=(400,)),
    Case("message as dict", payload=_json(sender=S, message={"text": "my back"}), statuses=(400,)),
    Case("message null", payload=_json(sender=S, message=None)),
    Case("message boolean", payload=_json(sender=S, message=True), statuses=(400,)),
    Case("message number", payload=_json(sender=S, message=6), statuses=(400,)),
    Case("message NaN", body=b'{"sender": "{sender}", "message": NaN}', statuses=(400,)),
    Case("HTML injection", payload=_json(sender=S, message="<b>my</b> <img src=x onerror=alert(1)> back"),
         turn=True),
    Case("script injection", payload=_json(sender=S, message="<script>alert('x')</script>"), turn=True),
    Case("SQL-looking text", payload=_json(sender=S, message="'; DROP TABLE events; --"), turn=True),
    Case("RTL override", payload=_json(sender=S, message="\u202emy back hurts\u202c"), turn=True),
    Case("zero-width characters", payload=_json(sender=S, message="lo\u200bwer ba\u200dck\ufeff"), turn=True),
    Case("combining marks", payload=_json(sender=S, message="ba" + "\u0301" * 200 + "ck"), turn=True),
    Case("emoji only", payload=_json(sender=S, message="😩😩🔥💀"), turn=True),
    Case("lone surrogate escape", body=b'{"sender": "{sender}", "message": "my back \\ud83d hurts \\udc00"}',
         turn=True),
    Case("NUL bytes", payload=_json(sender=S, message="my\x00back\x00"), turn=True),
    Case("control characters", payload=_json(sender=S, message="\x1b[31mred\x07\x08\x7f\x85"), turn=True),
    Case("unknown /intent", payload=_json(sender=S, message="/not_an_intent"), turn=True),
    Case("entities in a /payload", payload=_json(sender=S, message='/inform{"intensity": "99"}'), turn=True),
    Case("confidence in a /payload", payload=_json(sender=S, message="/affirm@0.99"), turn=True),
    Case("deep JSON nesting", body=b"[" * 100_000 + b"]" * 100_000, statuses=(400,)),
    Case("deep metadata", payload=_json(sender=S, message="hi", metadata=json.loads("[" * 50 + "]" * 50)),
         statuses=(400,)),
    Case("metadata not an object", payload=_json(sender=S, message="hi", metadata=[1, 2]), statuses=(400,)),
    Case("text/plain content type", payload=_json(sender=S, message="my back hurts"), content_type="text/plain",
         turn=True),
    Case("form-encoded body", body=b"sender={sender}&message=hi", content_type="application/x-www-form-urlencoded",
         statuses=(400,)),
    Case("GET on the webhook", body=b"", method="GET", statuses=(405,)),
    Case("PUT on the webhook", payload=_json(sender=S, message="hi"), method="PUT", statuses=(405,)),
    Case("extra unknown fields", payload=_json(sender=S, message="my back hurts", admin=True, slots={"x": 1}),
         turn=True),
    Case("one 2,000-character word", payload=_json(sender=S, message="a" * 2000), turn=True),
    Case("homoglyphs", payload=_json(sender=S, message="my bаck hurts"), turn=True),  # Cyrillic а
    Case("many newlines", payload=_json(sender=S, message="\n" * 3000 + "my back"), turn=True),
]


def _render(case: Case, sender: str) -> bytes:
    if case.body is not None:
        return case.body.replace(b"{sender}", sender.encode())
    payload = {k: (sender if v == S else v) for k, v in (case.payload or {}).items()}
    return json.dumps(payload).encode()


def assert_clean(response: requests.Response, statuses: tuple[int, ...]) -> Any:
    """Expected status, a JSON body, and nothing that looks like a stack trace."""
    assert response.status_code in statuses, (response.status_code, response.text[:300])
    for leak in LEAKS:
        assert leak not in response.text, f"{leak!r} in the answer: {response.text[:300]}"
    return response.json()


def assert_no_loop(messages: list[dict[str, Any]]) -> None:
    """A reply is a few messages, never the same text over and over (Rasa's circuit breaker)."""
    texts = [m.get("text") for m in messages if m.get("text")]
    assert texts, "the bot said nothing"
    assert len(texts) == len(set(texts)), f"the bot repeated itself: {texts}"
    assert len(messages) <= 6, f"{len(messages)} messages for one turn"


def user_texts(servers: Servers, sender: str) -> list[str]:
    return [e.get("text") or "" for e in servers.tracker(sender)["events"] if e.get("event") == "user"]


def assert_goes_on(servers: Servers, sender: str, *, extra_turns: int) -> None:
    """A normal turn still works and the tracker holds every turn once, in order."""
    assert_no_loop(servers.say(sender, NEXT))
    texts = user_texts(servers, sender)
    assert texts[0] == FIRST and texts[-1] == NEXT, texts
    assert len(texts) == 2 + extra_turns, texts
    assert servers.slot(sender, "pain_location"), "the first turn's place was lost"


@pytest.mark.parametrize("case", CASES, ids=[c.kind for c in CASES])
def test_bad_input_gets_a_clean_answer_and_nothing_is_lost(servers: Servers, case: Case) -> None:
    sender = servers.new_sender()
    assert_no_loop(servers.say(sender, FIRST))
    response = requests.request(case.method, f"{servers.rasa_url}/webhooks/rest/webhook",
                                data=_render(case, sender), headers={"Content-Type": case.content_type},
                                timeout=TIMEOUT)
    body = assert_clean(response, case.statuses)
    if response.status_code == 200:
        assert isinstance(body, list) and body, body
        assert "<script" not in json.dumps(body) and "<img" not in json.dumps(body)
        assert_no_loop(body)
    else:
        assert isinstance(body, dict) and body.get("error"), body
    assert_goes_on(servers, sender, extra_turns=1 if case.turn else 0)


def test_injected_entities_do_not_set_slots(servers: Servers) -> None:
    sender = servers.new_sender()
    servers.say(sender, FIRST)
    servers.say(sender, '/inform{"intensity": "99", "triage_level": "none"}')
    events = servers.tracker(sender)["events"]
    injected = [e for e in events if e.get("event") == "user" and "inform{" in (e.get("text") or "")]
    assert injected, "the turn was stored"
    assert all(e["text"].startswith("inform{") for e in injected), "the slash payload reached Rasa as a command"
    for event in injected:
        entities = event["parse_data"].get("entities") or []
        assert all(e.get("extractor") for e in entities), f"entities came from the payload: {entities}"
    assert servers.slot(sender, "triage_level") != "none" or servers.slot(sender, "pain_location")


def test_numeric_sender_is_a_conversation(servers: Servers) -> None:
    sender = int(uuid.uuid4().int % 10**12) + 10**12
    reply = requests.post(f"{servers.rasa_url}/webhooks/rest/webhook",
                          json={"sender": sender, "message": FIRST}, timeout=TIMEOUT)
    assert_no_loop(assert_clean(reply, (200,)))
    assert_goes_on(servers, str(sender), extra_turns=0)


def test_replayed_request_is_two_turns(servers: Servers) -> None:
    sender = servers.new_sender()
    servers.say(sender, FIRST)
    same = json.dumps({"sender": sender, "message": "sitting makes it worse"})
    for _ in range(2):
        response = requests.post(f"{servers.rasa_url}/webhooks/rest/webhook", data=same, timeout=TIMEOUT)
        assert_no_loop(assert_clean(response, (200,)))
    assert user_texts(servers, sender).count("sitting makes it worse") == 2
    assert_goes_on(servers, sender, extra_turns=2)


def test_concurrent_requests_for_one_sender_are_serialised(servers: Servers) -> None:
    sender = servers.new_sender()
    servers.say(sender, FIRST)
    turns = [f"it gets worse when I {verb}" for verb in ("sit", "drive", "lift", "bend", "run")]

    def send(text: str) -> int:
        return requests.post(f"{servers.rasa_url}/webhooks/rest/webhook",
                             json={"sender": sender, "message": text}, timeout=TIMEOUT).status_code

    with ThreadPoolExecutor(len(turns)) as pool:
        assert list(pool.map(send, turns)) == [200] * len(turns)
    stored = user_texts(servers, sender)
    assert sorted(t for t in stored if t in turns) == sorted(turns), stored
    events = servers.tracker(sender)["events"]
    stamps = [e["timestamp"] for e in events]
    assert stamps == sorted(stamps), "events out of order"
    assert_goes_on(servers, sender, extra_turns=len(turns))


@pytest.mark.parametrize("token", [None, "", "wrong-token"], ids=["no token", "empty token", "wrong token"])
def test_tracker_api_needs_the_token(servers: Servers, token: str | None) -> None:
    params = {} if token is None else {"token": token}
    calls = [("GET", "conversations/some-sender/tracker", None), ("GET", "conversations/some-sender/story", None),
             ("POST", "conversations/some-sender/messages", {"text": "hi", "sender": "user"}),
             ("POST", "conversations/some-sender/trigger_intent", {"name": "greet"}),
             ("DELETE", "conversations/some-sender/tracker", None), ("POST", "model/parse", {"text": "hi"}),
             ("GET", "status", None)]
    for method, path, payload in calls:
        response = requests.request(method, f"{servers.rasa_url}/{path}", params=params, json=payload,
                                    timeout=TIMEOUT)
        assert response.status_code in (401, 403, 405), (method, path, response.status_code)
        assert response.status_code != 405 or method == "DELETE", (method, path)
        assert "Traceback" not in response.text


def test_unknown_sender_on_the_tracker_api_is_empty_not_an_error(servers: Servers) -> None:
    sender = f"never-seen-{uuid.uuid4().hex[:8]}"
    tracker = servers.tracker(sender)
    assert tracker["sender_id"] == sender
    assert not [e for e in tracker["events"] if e.get("event") == "user"]
    assert_no_loop(servers.say(sender, FIRST))


def test_rate_limit_answers_429_then_recovers(servers: Servers) -> None:
    limit = RateLimit.from_env()
    if limit is None:
        pytest.skip("BOT_RATE_LIMIT is off in this environment")
    sender = servers.new_sender()
    servers.say(sender, FIRST)
    url = f"{servers.rasa_url}/webhooks/rest/webhook"
    empty = {"sender": sender, "message": ""}  # cheap: answered by the channel, still counted
    statuses = [requests.post(url, json=empty, timeout=TIMEOUT).status_code for _ in range(limit.capacity + 5)]
    assert statuses.count(429) >= 5 and 200 in statuses, statuses
    limited = requests.post(url, json=empty, timeout=TIMEOUT)
    body = assert_clean(limited, (429,))
    assert "Too many messages" in body["error"] and body["retry_after"] >= 1
    retry_after = int(limited.headers["Retry-After"])
    assert retry_after <= limit.window_s
    other = servers.new_sender()  # another person is not affected
    assert_no_loop(servers.say(other, FIRST))
    time.sleep(retry_after + 0.5)
    assert_goes_on(servers, sender, extra_turns=0)
