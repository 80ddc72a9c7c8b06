"""Reading a conversation's accumulated facts out of tracker events.

Every user message's parse data carries its `pain_mentions` (with negation and context). The
conversation's report is all of them folded in order, so facts combine across turns ("back pain"
earlier plus "numb around my bottom" now). Works on Rasa's event objects (the policy) and on
rasa-sdk's event dicts (the action server).
"""

from __future__ import annotations

from typing import Any, Iterable, List

from bot.nlp.extract import mention_from_dict
from core.types import Mention, TriageResult

__all__ = [
    "MENTIONS_KEY",
    "mentions_in_events",
    "triage_slot_values",
]

MENTIONS_KEY = "pain_mentions"
SCREENING_SLOT = "screening_question"  # holds the finding id of the yes/no question just asked
_ANSWERS = {"affirm": False, "deny": True}  # intent -> negated


def _parse_data(event: Any) -> dict[str, Any] | None:
    if isinstance(event, dict):
        return event.get("parse_data") if event.get("event") == "user" else None
    return getattr(event, "parse_data", None) if type(event).__name__ == "UserUttered" else None


def _slot_set(event: Any) -> tuple[str, Any] | None:
    if isinstance(event, dict):
        return (str(event.get("name")), event.get("value")) if event.get("event") == "slot" else None
    if type(event).__name__ == "SlotSet":
        return event.key, event.value
    return None


def mentions_in_events(events: Iterable[Any]) -> List[Mention]:
    """All mentions from the user's messages, oldest first.

    A yes or no straight after a screening question counts as stating (or denying) that question's
    finding, so "yes" to "any numbness around your bottom?" is saddle numbness for the red-flag
    rules, exactly as if the person had typed it.
    """
    mentions: List[Mention] = []
    asked: str | None = None
    for event in events:
        slot = _slot_set(event)
        if slot is not None:
            if slot[0] == SCREENING_SLOT:
                asked = slot[1]
            continue
        data = _parse_data(event)
        if data is None:
            continue
        mentions += [mention_from_dict(m) for m in data.get(MENTIONS_KEY) or []]
        intent = (data.get("intent") or {}).get("name")
        if asked and intent in _ANSWERS:
            mentions.append(Mention(kind="finding", value=str(asked), text=f"/{intent}", negated=_ANSWERS[intent]))
        asked = None
    return mentions


def triage_slot_values(result: TriageResult) -> dict[str, Any]:
    """Slot values that describe a triage result for responses and the tracker."""
    top = result.top
    return {
        "triage_level": result.level.slug,
        "triage_reason": top.rule.message if top else None,
        "triage_tell_them": top.rule.tell_them if top else None,
        "red_flags": [flag.rule.id for flag in result.flags],
    }
