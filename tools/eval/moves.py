"""What the assistant did on one turn, read from the tracker's events, as "coach moves".

The scripted conversations (tests/conversations/) say, for every turn, which moves a competent human
coach could make next (the vocabulary is in tests/conversations/FORMAT.md). This module turns the
events Rasa recorded after a user message into the same vocabulary, from the names of the actions
and responses that ran, never from the wording, so rewording a response cannot change a score.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["INTAKE_SLOTS", "QUESTION_MOVES", "RESPONSE_MOVES", "Observation", "observe", "unscored_responses"]

INTAKE_SLOTS = ("pain_location", "pain_quality", "pain_intensity", "pain_duration", "pain_trigger")
CHECKIN_SLOTS = ("checkin_trend", "checkin_pain", "checkin_helped", "checkin_news")
# Moves that ask the person something; more than one in a bot turn is a stray prompt.
QUESTION_MOVES = frozenset({"ask_intake", "safety_question", "suggest_muscles", "offer_checkins",
                            "anything_else", "checkin_question", "clarify"})

# Every domain response (by name) and the move it makes; tests/tools check that each response in
# domain/*.yml is listed, so a new response cannot go unscored. None: part of a move made by another
# response of the same turn, or not a move the scripts speak of (the body map, input hygiene).
RESPONSE_MOVES: dict[str, str | tuple[str, ...] | None] = {
    "utter_greet": "greet", "utter_welcome_back": "greet", "utter_goodbye": "goodbye", "utter_thank": "acknowledge",
    "utter_no_problem": "acknowledge", "utter_anything_else": "anything_else", "utter_ask_what_else": "anything_else",
    "utter_bot_challenge": "bot_identity", "utter_out_of_scope": "out_of_scope", "utter_medicines": "out_of_scope",
    "utter_no_diagnosis": "out_of_scope", "utter_english_only": "english_only",
    "utter_default": "fallback", "utter_stuck": "fallback",
    "utter_triage_emergency": "emergency", "utter_triage_urgent": "urgent", "utter_triage_see_doctor": "see_doctor",
    "utter_emergency_reminder": "emergency_reminder", "utter_emergency_reminder_again": "emergency_reminder",
    "utter_emergency_goodbye": ("acknowledge", "goodbye"),
    "utter_triage_reminder_urgent": "urgent", "utter_triage_reminder_urgent_again": "urgent",
    "utter_triage_reminder_see_doctor": "see_doctor",
    "utter_screen_question": "safety_question", "utter_screen_first_question": "safety_question",
    "utter_screen_explain": "safety_question",
    "utter_screen_repeat": "safety_question", "utter_ask_age": "safety_question", "utter_screen_unsure": None,
    "utter_no_coaching_now": "refuse_coaching", "utter_see_doctor_before_massage": "refuse_coaching",
    "utter_suggestions": "suggest_muscles", "utter_offer_coaching": "suggest_muscles",
    "utter_offer_stretch": "suggest_muscles", "utter_rephrase_coach_offer": "clarify",
    "utter_suggest_see_doctor_first": "refer_professional", "utter_suggest_no_coaching": "refuse_coaching",
    "utter_no_muscle_match": "clarify", "utter_see_professional_here": "refer_professional",
    "utter_explain_why": "explain_why", "utter_explain_why_none": "clarify", "utter_next_candidates": "next_candidates",
    "utter_no_more_candidates": "refer_professional", "utter_trigger_point": "explain_trigger_point",
    "utter_refer": "refer_professional", "utter_caution_answer": "answer_caution",
    "utter_caution_general": "answer_caution", "utter_stretch_only": "stretch_habits",
    "utter_stretch_meanwhile": "stretch_habits", "utter_stretch_again": "stretch_habits",
    "utter_coach_cautions": None, "utter_coach_find": None, "utter_coach_press": "coach_start",
    "utter_coach_no_massage_here": "answer_caution", "utter_coach_professional_only": "refer_professional",
    "utter_coach_finish": None, "utter_no_muscle_chosen": "clarify",
    # how often and how long each time: the dose part of the stretch-and-habits advice
    "utter_how_often": "stretch_habits", "utter_how_often_pressing": "stretch_habits",
    "utter_pressure_more": "press_harder", "utter_pressure_more_again": "press_harder",
    "utter_pressure_more_light": "press_harder",
    "utter_pressure_more_level": "press_harder", "utter_pressure_less": "press_lighter",
    "utter_pressure_less_level": "press_lighter", "utter_pressure_less_tool_tired": "press_lighter",
    "utter_pressure_hold": "hold", "utter_pressure_hold_level": "hold", "utter_pressure_stop": "stop_pressing",
    "utter_pressure_ask": "clarify", "utter_pressure_ask_again": "clarify",
    "utter_offer_checkins": "offer_checkins", "utter_offer_checkins_again": "offer_checkins",
    "utter_rephrase_checkin_offer": "clarify", "utter_checkins_scheduled": "checkins_scheduled",
    "utter_checkins_declined": "acknowledge", "utter_email_saved": "email_saved", "utter_no_email": "acknowledge",
    "utter_ask_checkin_trend": "checkin_question", "utter_ask_checkin_trend_again": "checkin_question",
    "utter_ask_checkin_pain": "checkin_question",
    "utter_ask_checkin_helped": "checkin_question", "utter_ask_checkin_news": "checkin_question",
    "utter_ask_checkin_news_again": "checkin_question", "utter_ask_checkin_pain_again": "checkin_question",
    "utter_ask_checkin_helped_again": "checkin_question", "utter_ask_age_again": "safety_question",
    "utter_checkin_noted": "checkin_summary", "utter_checkin_trend": None,
    "utter_checkin_escalate": "refer_professional",
    "utter_checkin_keep_going": None, "utter_checkins_paused": "checkins_paused",
    "utter_checkins_unchanged": "acknowledge", "utter_checkins_how": "offer_checkins",
    "utter_checkins_resumed": "checkins_resumed", "utter_checkins_stopped": "checkins_stopped",
    "utter_checkin_moved": "checkin_moved",
    # planned and moved in one: "yes, but can the first one be after the 15th?"
    "utter_checkins_scheduled_as_asked": ("checkins_scheduled", "checkin_moved"),
    "utter_checkins_none_planned": "checkins_managed_none",
    "utter_checkin_manage_which": "clarify", "utter_deleted": "deleted", "utter_deleted_already": "deleted",
    "utter_input_empty": None, "utter_input_long": None, "utter_input_failed": None, "utter_input_rate_limited": None,
    # the messaging channels' own sentences (sent by the channel, never by the dialogue)
    **dict.fromkeys(("utter_channel_option", "utter_channel_options", "utter_channel_consent_twilio",
                     "utter_channel_consent_telegram", "utter_channel_help", "utter_channel_help_telegram",
                     "utter_channel_stopped", "utter_channel_stopped_telegram", "utter_channel_started",
                     "utter_channel_media_only", "utter_channel_picture_text")),
}
# Families of responses named by prefix (the intake's questions, their re-asks and repairs).
RESPONSE_PREFIX_MOVES: tuple[tuple[str, str], ...] = (
    ("utter_ask_pain_", "ask_intake"),
    ("utter_ask_which_part_", "ask_intake"),
    ("utter_rephrase_pain_", "clarify"),
    ("utter_rephrase_checkin_", "clarify"),
)
# Custom actions whose every run is one move (before their wording moved into responses).
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


def unscored_responses(names: set[str]) -> set[str]:
    """Domain responses the observer would not recognise (a test keeps this empty)."""
    return {n for n in names if n not in RESPONSE_MOVES and not any(n.startswith(p) for p, _ in RESPONSE_PREFIX_MOVES)}


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
            move = RESPONSE_MOVES[name] if name in RESPONSE_MOVES else next(
                (m for prefix, m in RESPONSE_PREFIX_MOVES if name.startswith(prefix)), None)
            for one in (move,) if isinstance(move, str) else move or ():
                seen.add(one)
        if action in ACTION_MOVES:
            seen.add(ACTION_MOVES[action])
        named = any(_response_name(e) for e in produced if e.get("event") == "bot")
        if not named:
            for move in _text_moves(action, texts):
                seen.add(move)
    return seen
