"""How the bot reads facts, for tests: the real readers and the real intake state, on a fixed Monday."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from bot.dialogue.facts import intake_slots
from bot.dialogue.state import MENTIONS_KEY, read_state
from bot.nlp.durations import parse_duration_days
from bot.nlp.extract import mentions_from_text
from bot.nlp.numbers import parse_intensity

TODAY = date(2026, 11, 30)  # a Monday, the day the blind scripts were written for


def days(text: str) -> float | None:
    """The pain's duration in days read from one message."""
    found = parse_duration_days(text, today=TODAY)
    return found[0] if found else None


def score(text: str) -> int | None:
    """The 0-10 score read from one message."""
    found = parse_intensity(text)
    return found[0] if found else None


def slots_after(messages: list[str | tuple[str, str]], knowledge: Any,
                monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """The intake slots after these messages, read by the real pipeline as the bot reads them; a message given
    as (slot, text) answers the intake question for that slot."""
    monkeypatch.setenv("BOT_TODAY", TODAY.isoformat())
    events: list[dict[str, Any]] = []
    for message in messages:
        slot, text = message if isinstance(message, tuple) else (None, message)
        events += [{"event": "active_loop", "name": "intake_form" if slot else None},
                   {"event": "slot", "name": "requested_slot", "value": slot}]
        events.append({"event": "user", "text": text, "parse_data": {"intent": {"name": "describe"}, MENTIONS_KEY: [
            m.to_dict() for m in mentions_from_text(text, knowledge.sided_regions, bare_intensity=True)]}})
    state = read_state(events)
    return intake_slots(state.intake_report().refine(knowledge.vague_parts))


def first_facts(text: str, knowledge: Any, *, bare: bool = False) -> dict[str, str]:
    """The first value of each kind of fact the whole reader takes from one message (said, not denied)."""
    found: dict[str, str] = {}
    for mention in mentions_from_text(text, knowledge.sided_regions, bare_intensity=bare):
        if mention.present:
            found.setdefault(mention.kind, str(mention.value))
    return found


def judged(text: str) -> tuple[str, set[str], set[str]]:
    """The triage level, the red flags and the findings `assess` gives one message."""
    from bot.cli.assess import assess

    result: dict[str, Any] = assess(text)
    return result["triage_level"], {f["id"] for f in result["red_flags"]}, set(result["report"]["findings"])
