"""What the assistant did on one turn, read from the tracker's events, as "coach moves".

The scripted conversations (tests/conversations/) say, for every turn, which moves a competent human
coach could make next (the vocabulary is in tests/conversations/FORMAT.md). This module turns the
events Rasa recorded after a user message into the same vocabulary, from the names of the actions
and responses that ran, never from the wording, so rewording a response cannot change a score.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["INTAKE_SLOTS", "QUESTION_MOVES", "Observation", "observe"]

INTAKE_SLOTS = ("pain_location", "pain_quality", "pain_intensity", "pain_duration", "pain_trigger")
CHECKIN_SLOTS = ("checkin_trend", "checkin_pain", "checkin_helped", "checkin_news")
# Moves that ask the person something; more than one in a bot turn is a stray prompt.
QUESTION_MOVES = frozenset({"ask_intake", "safety_question", "suggest_muscles", "offer_checkins",
                            "anything_else", "checkin_question", "clarify"})

# Responses (domain `utter_*`, by name) and the move each one makes.
RESPONSE_MOVES: dict[str, str] = {
    "utter_greet": "greet",
    "utter_default": "fallback",
    "utter_goodbye": "goodbye",
    "utter_thank": "acknowledge",
    "utter_no_problem": "acknowledge",
    "utter_bot_challenge": "bot_identity",
    "utter_out_of_scope": "out_of_scope",
    "utter_english_only": "english_only",
    "utter_anything_else": "anything_else",
    "utter_triage_emergency": "emergency",
    "utter_triage_urgent": "urgent",
    "utter_triage_see_doctor": "see_doctor",
    "utter_emergency_reminder": "emergency_reminder",
}
# Custom actions whose every run is one move.
ACTION_MOVES: dict[str, str] = {
    "action_explain_why": "explain_why",
    "action_explain_trigger_point": "explain_trigger_point",
    "action_next_candidate": "next_candidates",
    "action_refer_professional": "refer_professional",
    "action_schedule_checkin": "checkins_scheduled",
    "action_checkin_record": "checkin_summary",
    "action_delete_data": "deleted",
    "action_default_fallback": "fallback",
}
# Prefixes of response names that belong to a move (responses split by feature, see domain/).
RESPONSE_PREFIX_MOVES: tuple[tuple[str, str], ...] = (
    ("utter_ask_pain_", "ask_intake"),
    ("utter_ask_checkin_", "checkin_question"),
    ("utter_screen_", "safety_question"),
    ("utter_clarify_", "clarify"),
    ("utter_rephrase", "clarify"),
    ("utter_pressure_more", "press_harder"),
    ("utter_pressure_less", "press_lighter"),
    ("utter_pressure_hold", "hold"),
    ("utter_pressure_stop", "stop_pressing"),
    ("utter_pressure_ask", "clarify"),
    ("utter_coach_start", "coach_start"),
    ("utter_stretch_only", "stretch_habits"),
    ("utter_caution", "answer_caution"),
    ("utter_suggest", "suggest_muscles"),
    ("utter_offer_checkins", "offer_checkins"),
    ("utter_checkins_scheduled", "checkins_scheduled"),
    ("utter_email_saved", "email_saved"),
    ("utter_checkins_paused", "checkins_paused"),
    ("utter_checkins_resumed", "checkins_resumed"),
    ("utter_checkins_stopped", "checkins_stopped"),
    ("utter_checkin_moved", "checkin_moved"),
    ("utter_checkin_summary", "checkin_summary"),
    ("utter_refer", "refer_professional"),
    ("utter_deleted", "deleted"),
    ("utter_anything_else", "anything_else"),
    ("utter_acknowledge", "acknowledge"),
    ("utter_goodbye", "goodbye"),
)
# Before the wording moved into domain responses, some actions only sent text: the pressure step is
# then told apart by the engine's fixed opening words (bot/engine/coaching.py at that time).
_LEGACY_PRESSURE_TEXT = (
    ("Stop pressing", "stop_pressing"),
    ("is more than you need", "press_lighter"),
    ("Ease off", "press_lighter"),
    ("press a little deeper", "press_harder"),
    ("Lean in a little more", "press_harder"),
    ("Because of your caution, stay light", "press_harder"),
    ("is right in the band", "hold"),
    ("Good, that's the right level", "hold"),
    ("Tell me how it feels", "clarify"),
)
_CHECKIN_MANAGE_TEXT = (("Stopped", "checkins_stopped"), ("There are no planned check-ins to stop", "checkins_stopped"),
                        ("paused", "checkins_paused"), ("resumed", "checkins_resumed"), ("Moved", "checkin_moved"),
                        ("no planned check-ins to move", "checkin_moved"))


@dataclass
class Observation:
    """One bot turn: the moves made, the texts said, the buttons offered and the slots afterwards."""

    moves: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    buttons: list[dict[str, str]] = field(default_factory=list)
    asked_slots: list[str] = field(default_factory=list)
    intent: str | None = None
    slots: dict[str, Any] = field(default_factory=dict)

    def add(self, move: str) -> None:
        if move not in self.moves:
            self.moves.append(move)

    @property
    def questions(self) -> list[str]:
        """Question moves, in order (a triage message or a summary is not a question)."""
        return [m for m in self.moves if m in QUESTION_MOVES]


def _bot_events_after(events: list[dict[str, Any]], index: int) -> list[dict[str, Any]]:
    """Events after a given action, up to the next action (the bot events it produced)."""
    produced = []
    for event in events[index + 1:]:
        if event.get("event") in {"action", "user"}:
            break
        produced.append(event)
    return produced


def _response_name(event: dict[str, Any]) -> str | None:
    metadata = event.get("metadata") or {}
    name = metadata.get("utter_action")
    return str(name) if name else None


def _text_moves(action: str, texts: list[str]) -> list[str]:
    """Legacy: moves of actions that sent free text instead of a named response."""
    joined = " ".join(texts)
    if action == "action_pressure_feedback":
        return [move for snippet, move in _LEGACY_PRESSURE_TEXT if snippet in joined][:1] or (
            ["refuse_coaching"] if joined else [])
    if action == "action_checkin_manage":
        return [move for snippet, move in _CHECKIN_MANAGE_TEXT if snippet in joined][:1]
    if action == "action_coach_massage":
        if "Now press slowly" in joined:
            return ["coach_start"]
        if "don't massage" in joined:
            return ["answer_caution"]
        return ["refuse_coaching"] if joined else []
    if action == "action_suggest_muscles":
        if "most often send pain" in joined:
            return ["suggest_muscles"]
        return ["clarify"] if joined else []
    if action == "action_offer_checkin" and joined:
        return ["offer_checkins"]
    if action == "action_save_email" and joined:
        return ["email_saved"]
    if action == "action_screen" and joined:
        return ["safety_question"]
    return []


def observe(events: list[dict[str, Any]], start: int) -> Observation:
    """Moves made by the bot in `events[start:]` (everything after the user's message)."""
    seen = Observation()
    for index in range(start, len(events)):
        event = events[index]
        kind = event.get("event")
        if kind == "user" and seen.intent is None:
            seen.intent = ((event.get("parse_data") or {}).get("intent") or {}).get("name")
        if kind == "slot":
            seen.slots[str(event.get("name"))] = event.get("value")
            if event.get("name") == "requested_slot" and event.get("value"):
                slot = str(event["value"])
                seen.asked_slots.append(slot)
                seen.add("ask_intake" if slot in INTAKE_SLOTS else "checkin_question")
            if event.get("name") == "screening_question" and event.get("value"):
                seen.add("safety_question")
        if kind != "action":
            continue
        action = str(event.get("name"))
        produced = _bot_events_after(events, index)
        texts = [str(e.get("text") or "") for e in produced if e.get("event") == "bot"]
        seen.texts += [t for t in texts if t]
        for bot in (e for e in produced if e.get("event") == "bot"):
            seen.buttons += list((bot.get("data") or {}).get("buttons") or [])
            name = _response_name(bot) or (action if action.startswith("utter_") else None)
            if name is None:
                continue
            move = RESPONSE_MOVES.get(name) or next(
                (m for prefix, m in RESPONSE_PREFIX_MOVES if name.startswith(prefix)), None)
            if move:
                seen.add(move)
        if action in ACTION_MOVES:
            seen.add(ACTION_MOVES[action])
        named = any(_response_name(e) for e in produced if e.get("event") == "bot")
        if not named:
            for move in _text_moves(action, texts):
                seen.add(move)
    return seen
