"""Dialogue classes found by blind conversation set 14 (round 10): each with the wording that failed, others of
the same kind in our own words, and what must stay as it was."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from bot.dialogue.decide import Situation, decide
from bot.engine.coaching import Step, next_pressure_step
from bot.nlp.extract import mentions_from_text
from bot.nlp.replies import (
    Answer,
    asks_to_carry_on,
    asks_why_these,
    read_checkin_action,
    read_pressure,
    read_yes_no,
    wants_other_muscle,
)
from bot.nlp.when import requested_checkin_days
from bot.rasa.policies.safety import _new_flag_at_the_same_level
from core.types import FiredFlag, RedFlagRule, TriageLevel, TriageResult
from tests.support.situations import said

MONDAY = date(2026, 11, 30)


def heard(text: str, knowledge: Any, intent: str = "describe", **state: object) -> Situation:
    """A situation with the mentions the extractor really finds in the words."""
    mentions = tuple(mentions_from_text(text, knowledge.sided_regions, bare_intensity=True))
    return said(text, intent, mentions=mentions, **state)


# --- the coaching offer ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["that's not really it tbh", "it's not quite right", "doesn't sound like it",
                                  "that's not really it, what else?"])
def test_not_really_it_asks_for_other_muscles(text: str) -> None:
    assert wants_other_muscle(text)
    assert decide(said(text, "pressure_feedback", awaiting="coach_offer")) == "action_next_candidate"


def test_a_pressure_reading_before_any_pressing_is_no_pressure_step() -> None:
    """Nothing is being pressed at the offer: "pressure feedback" the words do not make clear is asked again."""
    assert decide(said("hmm whatever you think", "pressure_feedback", awaiting="coach_offer")) == "action_rephrase"
    assert decide(said("yes", "pressure_feedback", awaiting="coach_offer")) == "action_coach_massage"


@pytest.mark.parametrize("text", ["y the cheek muscle tho", "wait so i rub my forearm not my fingers?",
                                  "so I massage the calf instead of the foot?", "y those ones"])
def test_why_this_place_in_text_speak_is_explained(text: str) -> None:
    assert asks_why_these(text)
    assert decide(said(text, "affirm", awaiting="coach_offer")) == "action_explain_why"


@pytest.mark.parametrize(("text", "answer"), [
    ("ok no problem. yes, I want the massage", Answer.YES),
    ("No worries, yes please", Answer.YES),
    ("no problem", Answer.NO),  # alone, and without a stop, it stays a no
    ("no problem with my bladder", Answer.NO),
    ("y not", Answer.YES),
])
def test_a_courtesy_first_is_no_refusal(text: str, answer: Answer) -> None:
    assert read_yes_no(text) is answer


def test_thats_all_after_a_courtesy_closes() -> None:
    assert decide(said("No worries. That's all, thanks.", "deny", awaiting="coach_offer")) == "utter_goodbye"
    assert decide(said("ok no problem. yes, I want the massage", "ask_caution", 0.5,
                       awaiting="coach_offer")) == "action_coach_massage"


def test_thanks_for_the_booking_link_is_no_answer_to_the_offer() -> None:
    after_referral = {"awaiting": "coach_offer", "previous_action": "action_refer_professional"}
    assert decide(said("thank you 🙏", "thank", **after_referral)) == "utter_thank"
    assert decide(said("ok thx", "thank", awaiting="coach_offer")) == "action_offer_checkin"  # unchanged


# --- after a see-a-doctor message --------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "OK, I'll book in with the GP. Is there anything gentle I can do in the meantime?",
    "Shall I carry on pressing?", "is it ok to still do the massage meanwhile?",
    "what can I do for now", "anything I could try until my appointment?",
])
def test_asking_to_carry_on_meanwhile(text: str) -> None:
    assert asks_to_carry_on(text)


@pytest.mark.parametrize("text", ["can it wait till tomorrow?", "should I be worried?", "should I go to A&E?"])
def test_doubts_about_going_are_not_carrying_on(text: str) -> None:
    assert not asks_to_carry_on(text)
    assert decide(said(text, "ask_professional", 0.5, triage="see_doctor")) == "utter_triage_reminder_see_doctor"


def test_gentle_self_care_goes_on_after_see_a_doctor() -> None:
    text = "Is there anything gentle I can do in the meantime?"
    assert decide(said(text, "pressure_feedback", triage="see_doctor")) == "intake_form"
    assert decide(said(text, "ask_professional", triage="see_doctor", coached=True,
                       awaiting="pressure")) == "action_answer_caution"
    assert decide(said(text, "ask_caution", 0.4, triage="see_doctor", awaiting="coach_offer")) == "action_stretch_only"


def test_a_massage_safety_question_amid_the_safety_questions_is_answered() -> None:
    assert decide(said("is it ok to still do the massage meanwhile?", "checkin_answer",
                       awaiting="screening")) == "action_answer_caution"
    assert decide(said("no", "deny", awaiting="screening")) == "action_screen"


# --- check-ins ---------------------------------------------------------------------------------------------

def test_something_new_said_with_a_day_is_no_request_to_move(knowledge: Any) -> None:
    text = "Actually yes. Since Saturday my left foot slaps down when I walk and I can't lift my toes up properly"
    situation = heard(text, knowledge, active_loop="checkin_form", checkins_agreed=True)
    assert decide(situation) != "action_checkin_manage"
    assert decide(heard("later, I'm driving, ask me on Saturday", knowledge, active_loop="checkin_form",
                        checkins_agreed=True)) == "action_checkin_manage"


@pytest.mark.parametrize("text", ["Can we make a break with the check-ins?", "I need a break from these messages"])
def test_a_break_is_a_pause(text: str) -> None:
    assert read_checkin_action(text) == "pause"


@pytest.mark.parametrize(("text", "days"), [
    ("Yes, but can the first one be after the 15th of December?", 16),
    ("can you leave the first one till next Monday? We're away till Sunday", 7),
    ("I fly to Gdansk for 3 weeks", 21), ("in a couple of weeks please", 14), ("next week", 7),
    ("December 3rd", 3), ("tomorrow", 1), ("after the 5th", 6),
])
def test_the_day_asked_for(text: str, days: float) -> None:
    assert requested_checkin_days(text, MONDAY) == days


@pytest.mark.parametrize("text", ["no email thanks", "I am 44 and work 8 hours", "may I ask something"])
def test_no_day_asked_for(text: str) -> None:
    assert requested_checkin_days(text, MONDAY) is None


def test_moving_the_first_check_in_while_the_email_is_asked() -> None:
    text = "Actually can you leave the first one till next Monday? We're at my sister's till Sunday."
    assert decide(said(text, "nlu_fallback", 0.3, awaiting="email", checkins_agreed=True)) == "action_checkin_manage"
    assert decide(said("no email thanks", "deny", awaiting="email", checkins_agreed=True)) == "action_no_email"


# --- the pressure loop -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["ok thats a 7 bit too much", "7 and I'm wincing", "ow 7"])
def test_at_the_top_of_the_band_and_wincing_eases_off(text: str) -> None:
    assert next_pressure_step(read_pressure(text)).step is Step.LESS


@pytest.mark.parametrize("text", ["thats a 7, lovely", "6 bit much", "still v little"])
def test_other_levels_keep_their_step(text: str) -> None:
    step = next_pressure_step(read_pressure(text)).step
    assert step is {"thats a 7, lovely": Step.HOLD_LEVEL, "6 bit much": Step.HOLD_LEVEL,
                    "still v little": Step.MORE}[text]


# --- a new red flag at the level already reached ------------------------------------------------------------

def _flag(rule_id: str, level: TriageLevel) -> FiredFlag:
    return FiredFlag(RedFlagRule(id=rule_id, title=rule_id, level=level, message="m", tell_them="t"), ())


def test_a_new_flag_at_the_same_level_is_told() -> None:
    calf, foot_drop = _flag("calf_clot", TriageLevel.URGENT), _flag("foot_drop", TriageLevel.URGENT)
    result = TriageResult(TriageLevel.URGENT, (calf, foot_drop))
    fresh = _new_flag_at_the_same_level(result, TriageLevel.URGENT, ["calf_clot"])
    assert fresh is not None and fresh.top is foot_drop and len(fresh.flags) == 2
    assert _new_flag_at_the_same_level(result, TriageLevel.URGENT, ["calf_clot", "foot_drop"]) is None
    assert _new_flag_at_the_same_level(result, TriageLevel.NONE, []) is None  # a rise is told as a rise
    emergency = TriageResult(TriageLevel.EMERGENCY, (_flag("stroke", TriageLevel.EMERGENCY),))
    assert _new_flag_at_the_same_level(emergency, TriageLevel.EMERGENCY, []) is None  # the reminder covers it


# --- where the pressing sends the feeling; a hello after a goodbye ---------------------------------------

@pytest.mark.parametrize("text", [
    "OK went lighter and it's more like a five now and it kind of spreads to my top teeth",
    "ahh 6, and that sends it up into my temple", "ok 5, I feel it going down my arm"])
def test_where_the_pressing_sends_the_feeling_is_no_new_pain(text: str, knowledge: Any) -> None:
    situation = heard(text, knowledge, awaiting="anything_else", coaching_open=True, coached=True)
    assert not situation.new_pain_place
    assert decide(situation) == "action_pressure_feedback"


def test_a_new_pain_said_while_coaching_is_still_one(knowledge: Any) -> None:
    assert heard("now my knee hurts too, a sharp 6", knowledge, awaiting="anything_else", coaching_open=True,
                 coached=True).new_pain_place


def test_a_hello_after_the_goodbye_starts_afresh() -> None:
    back = said("hello it's me again the neck lady", "session_resumed", 0.4, awaiting="pressure",
                previous_action="utter_goodbye", coached=True, coaching_open=True)
    assert decide(back) == "action_checkin_resume"
    assert decide(said("ow 8", "pressure_feedback", awaiting="pressure", coached=True,
                       previous_action="utter_goodbye")) == "action_pressure_feedback"


def test_a_yes_after_see_a_doctor_suggestions_is_answered_with_the_check_in_offer() -> None:
    after = {"triage": "see_doctor", "previous_action": "action_suggest_muscles"}
    assert decide(said("sure", "affirm", **after)) == "action_offer_checkin"
    assert decide(said("ok ill book the gp. thx", "affirm", **after)) == "utter_goodbye"


def test_an_email_while_the_email_is_asked_is_saved_whatever_was_heard() -> None:
    text = "Please send the reminders to me: anne.price@example.org"
    assert decide(said(text, "checkin_manage", awaiting="email", checkins_agreed=True)) == "action_save_email"


def test_a_massage_wanted_is_no_caution_question() -> None:
    assert decide(said("ok no problem. yes, I want the massage", "ask_caution", awaiting="coach_offer")) == \
        "action_coach_massage"
    assert decide(said("is it safe with my warfarin?", "ask_caution", awaiting="coach_offer")) is None  # the rule


def test_a_pause_asked_with_a_hello_after_the_goodbye_is_the_pause() -> None:
    back = said("hey im off to a conference this wk can u pause the checkins", "checkin_manage", 0.9,
                awaiting="anything_else", previous_action="utter_goodbye", checkins_agreed=True)
    assert decide(back) != "action_checkin_resume"


@pytest.mark.parametrize("text", ["ok gonna go get it looked at today thx", "gonna get it seen to",
                                  "I'm going to get it checked"])
def test_going_to_get_it_looked_at_closes(text: str) -> None:
    from bot.nlp.replies import is_closing

    assert is_closing(text)


@pytest.mark.parametrize("text", ["nah im alright just want a stretch for it",
                                  "im fine honestly, just tell me a stretch", "nah i dont need an ambulance"])
def test_self_care_instead_of_the_help_advised_hears_the_advice_again(text: str) -> None:
    from bot.nlp.replies import delays_help

    assert delays_help(text)
    assert decide(said(text, "deny", triage="urgent")) == "utter_triage_reminder_urgent"


@pytest.mark.parametrize("text", ["ok ringing 999 now", "thanks, bye", "just want to say thanks"])
def test_going_for_help_or_thanks_is_no_delay(text: str) -> None:
    from bot.nlp.replies import delays_help

    assert not delays_help(text)


def test_an_unclear_message_after_urgent_advice_hears_the_advice_again() -> None:
    assert decide(said("Hmm, worse actually", "nlu_fallback", 0.3, triage="urgent")) == "action_screen"
    assert decide(said("Hmm, worse actually", "nlu_fallback", 0.3)) == "action_rephrase"
