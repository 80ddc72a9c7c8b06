"""What every action reads: the knowledge (the same content and engine as the Rasa server's policies)
and the conversation's state from the tracker's events.

rasa-sdk imports every module and builds every action with no arguments, so nothing here loads
content at import time: `knowledge()` is loaded on first use and cached.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk.events import SlotSet

from bot.dialogue.state import AWAITING_SLOT, ConversationState, read_state
from bot.engine.knowledge import knowledge
from core.types import PainReport, TriageLevel

__all__ = ["Events", "awaiting", "bot_turns", "intake_report", "knowledge", "safety_report", "state_of",
           "triage_level_of"]

Events = list[dict[str, Any]]


def bot_turns(tracker: Any) -> list[list[str]]:
    """The responses the bot used after each user message, oldest first (names from metadata)."""
    turns: list[list[str]] = []
    for event in tracker.events:
        if event.get("event") == "user":
            turns.append([])
        elif event.get("event") == "bot" and turns:
            name = (event.get("metadata") or {}).get("utter_action")
            if name:
                turns[-1].append(str(name))
    return turns


def state_of(tracker: Any) -> ConversationState:
    """The conversation's state (rasa-sdk trackers carry the events as dicts)."""
    return read_state(tracker.events)


def intake_report(tracker: Any) -> PainReport:
    """The pain as the person described it (what the ranking and the intake slots use)."""
    return state_of(tracker).intake_report()


def safety_report(tracker: Any) -> PainReport:
    """Everything said, with the answers to safety questions (what the red-flag rules read)."""
    return state_of(tracker).safety_report()


def triage_level_of(tracker: Any) -> TriageLevel:
    """The conversation's triage level as the safety policy set it."""
    return TriageLevel.parse(tracker.get_slot("triage_level"))


def awaiting(value: str | None) -> dict[str, Any]:
    """The slot event that says what the bot's last question was about (bot/dialogue/decide.py)."""
    return SlotSet(AWAITING_SLOT, value)


