"""Realistic conversations and the check that each one landed in PostgreSQL complete and in order.

Shared by the locust load test and the fault tests. Every user turn carries REST metadata
{"run": ..., "turn": n}; Rasa stores it on the `user` event, so the database can be compared turn
by turn with what the client sent and received, without reading message text.
"""

from __future__ import annotations

import json
import random
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

import requests
from sqlalchemy import text
from sqlalchemy.engine import Engine

# The pressure buttons' payloads, as the widget sends them.
MORE, LESS, GOOD = (f'/pressure_feedback{{"direction":"{d}"}}' for d in ("more", "less", "good"))
SCREEN = "<screening>"  # answer "/deny" to each screening question, as many as the bot asks

# Intake, screening answers, suggestions and coaching, as people type them (an emergency one too).
SCRIPTS: list[list[str]] = [
    ["I get a dull headache over my right temple most afternoons", "about a 5 out of 10, a couple of months",
     "worse when I'm hunched over my laptop", SCREEN, "/affirm", GOOD],
    ["My lower back aches on the left, dull, 5/10, two weeks, worse when I bend", SCREEN,
     "/affirm", MORE, GOOD],
    ["hi", "my neck is stiff on the right side", "tight, about a 4", "since last week",
     "sitting at my desk", SCREEN, "/affirm", LESS, GOOD],
    ["my neck aches on the right", "about a 4", "worst headache of my life, it came on suddenly"],
]


def is_screening(reply: list[dict[str, Any]]) -> bool:
    """Does the bot's last reply ask a yes/no screening question (before any suggestion)?"""
    if not reply or "not a diagnosis" in " ".join(str(m.get("text") or "") for m in reply):
        return False
    return [b.get("payload") for b in reply[-1].get("buttons") or []] == ["/affirm", "/deny"]


def next_message(script: list[str], step: int, reply: list[dict[str, Any]]) -> tuple[str | None, int]:
    """The next message and the next step: SCREEN repeats "/deny" while screening questions come."""
    while step < len(script):
        if script[step] != SCREEN:
            return script[step], step + 1
        if is_screening(reply):
            return "/deny", step
        step += 1
    return None, step


def expected_messages(event_data: dict[str, Any]) -> int:
    """REST messages one stored bot event becomes (Rasa's OutputChannel.send_response splits text)."""
    count = 0
    text = event_data.get("text")
    data = event_data.get("data") or {}
    if text:
        count += 1 if data.get("buttons") or data.get("quick_replies") else len(text.strip().split("\n\n"))
    count += sum(1 for key in ("custom", "image", "attachment", "elements") if data.get(key))
    return count


@dataclass
class Turn:
    """What the client sent and got back for one turn."""

    turn: int
    status: int
    bot_messages: int
    seconds: float


@dataclass
class Conversation:
    """One simulated person's conversation."""

    sender: str
    run: str
    script: list[str]
    turns: list[Turn] = field(default_factory=list)


def new_conversation(run: str, rng: random.Random | None = None) -> Conversation:
    """A fresh sender with one of the scripts."""
    chooser = rng or random
    return Conversation(f"load-{run}-{uuid.uuid4().hex[:10]}", run, list(chooser.choice(SCRIPTS)))


def payload(conversation: Conversation, turn: int, message: str) -> dict[str, Any]:
    """The REST body of one turn, with the metadata that identifies it in the database."""
    return {"sender": conversation.sender, "message": message, "metadata": {"run": conversation.run, "turn": turn}}


def stored_turns(proxy_url: str, token: str, sender: str) -> list[int]:
    """Turn numbers the tracker holds (through the API), to retry a failed turn only if it is missing."""
    reply = requests.get(f"{proxy_url}/conversations/{sender}/tracker", params={"token": token}, timeout=90)
    reply.raise_for_status()
    return [int((e.get("metadata") or {}).get("turn", -1)) for e in reply.json().get("events", [])
            if e.get("event") == "user"]


def say_exactly_once(proxy_url: str, token: str, conversation: Conversation, turn: int, message: str,
                     *, attempts: int = 6) -> tuple[Turn, list[dict[str, Any]]]:
    """Send one turn; on a temporary error (5xx, connection) re-send only if it did not land."""
    started = time.monotonic()
    status = 0
    for attempt in range(attempts):
        try:
            reply = requests.post(f"{proxy_url}/webhooks/rest/webhook", json=payload(conversation, turn, message),
                                  timeout=90)
            status = reply.status_code
            if status == 200:
                messages = list(reply.json())
                result = Turn(turn, 200, len(messages), time.monotonic() - started)
                conversation.turns.append(result)
                return result, messages
        except requests.RequestException:
            status = -1
        time.sleep(min(2.0 * (attempt + 1), 8.0))
        try:
            if turn in stored_turns(proxy_url, token, conversation.sender):
                result = Turn(turn, 200, -1, time.monotonic() - started)  # landed; the reply was lost
                conversation.turns.append(result)
                return result, []
        except requests.RequestException:
            continue
    result = Turn(turn, status, 0, time.monotonic() - started)
    conversation.turns.append(result)
    return result, []


UNAVAILABLE = "just now"  # in utter_guidance_unavailable: "... can't fetch guidance just now ..."


def run_conversation(proxy_url: str, token: str, conversation: Conversation, *, resends: int = 5) -> Conversation:
    """Play the whole script, adapting to the screening questions; stop at the first failed turn.

    When the bot says it cannot fetch guidance just now, the person waits and sends the same
    message again, as that answer asks them to.
    """
    reply: list[dict[str, Any]] = []
    step = turn = 0
    while True:
        message, next_step = next_message(conversation.script, step, reply)
        if message is None:
            return conversation
        for _ in range(resends + 1):
            result, reply = say_exactly_once(proxy_url, token, conversation, turn, message)
            turn += 1
            if result.status != 200 or UNAVAILABLE not in " ".join(str(m.get("text") or "") for m in reply):
                break
            time.sleep(3)
        if result.status != 200:
            return conversation
        step = next_step


@dataclass
class Verdict:
    """What the database says about a set of conversations."""

    conversations: int = 0
    turns: int = 0
    problems: list[str] = field(default_factory=list)


def verify(engine: Engine, conversations: list[Conversation]) -> Verdict:
    """Every answered turn is stored once, in order, and finished (bot replies, then action_listen)."""
    verdict = Verdict()
    with engine.connect() as connection:
        for conversation in conversations:
            rows = connection.execute(
                text("select id, type_name, timestamp, action_name, data from events "
                     "where sender_id = :s order by id"), {"s": conversation.sender}).all()
            verdict.conversations += 1
            verdict.problems += _check(conversation, rows)
            verdict.turns += sum(1 for t in conversation.turns if t.status == 200)
    return verdict


def _check(conversation: Conversation, rows: list[Any]) -> list[str]:
    problems: list[str] = []
    who = conversation.sender
    timestamps = [row.timestamp for row in rows]
    if timestamps != sorted(timestamps):
        problems.append(f"{who}: event timestamps out of order")
    # split the events into turns: a `user` event opens a turn
    turns: list[tuple[int, list[Any]]] = []
    for row in rows:
        if row.type_name == "user":
            metadata = json.loads(row.data).get("metadata") or {}
            turns.append((int(metadata.get("turn", -1)), []))
        elif turns:
            turns[-1][1].append(row)
    stored = [number for number, _ in turns]
    answered = [t.turn for t in conversation.turns if t.status == 200]
    if stored != answered:
        problems.append(f"{who}: stored turns {stored} != answered turns {answered}")
        return problems
    for (number, events), sent in zip(turns, [t for t in conversation.turns if t.status == 200], strict=True):
        bots = sum(expected_messages(json.loads(e.data)) for e in events if e.type_name == "bot")
        if not events or events[-1].type_name != "action" or events[-1].action_name != "action_listen":
            problems.append(f"{who} turn {number}: does not end in action_listen")
        if sent.bot_messages >= 0 and bots != sent.bot_messages:
            kinds = [e.action_name or e.type_name for e in events]
            problems.append(f"{who} turn {number}: {bots} bot messages stored, {sent.bot_messages} received: {kinds}")
    return problems
