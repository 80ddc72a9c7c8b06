"""Round 19 (issue #14): dialogue classes found in conversation set 31, each tested in words of our own."""

from __future__ import annotations

import pytest

from bot.dialogue.decide import decide
from bot.nlp.replies import (
    Answer,
    asks_if_massage_is_safe,
    helped_said_to_the_question,
    read_checkin_action,
    read_offer_reply,
    read_pressure,
)
from core.types import Mention, Pressure
from tests.support.situations import said


@pytest.mark.parametrize("text", ["no more pressing for me today", "No more massaging then", "not pressing any more"])
def test_no_more_pressing_ends_the_pressing_rather_than_asking_for_more(text: str) -> None:
    assert read_pressure(text).direction is Pressure.DONE


@pytest.mark.parametrize("text", ["a bit more please", "more", "could take a bit more"])
def test_more_still_asks_for_more(text: str) -> None:
    assert read_pressure(text).direction is Pressure.MORE


def test_a_stretch_asked_for_after_the_pressing_stopped_gets_the_stretch() -> None:
    text = "ok, no more pushing on it. any stretch I could do instead?"
    assert decide(said(text, "ask_stretch", awaiting="anything_else", coaching_open=True,
                       coached=True)) == "action_stretch_only"


@pytest.mark.parametrize("text", ["a little, on the days I remembered", "a bit, when I kept at it", "kinda? a tad"])
def test_a_degree_then_when_answers_did_it_help(text: str) -> None:
    assert helped_said_to_the_question(text) is Answer.YES


@pytest.mark.parametrize("text", ["a bit, but not really", "dunno, the weather changed"])
def test_a_degree_taken_back_or_no_degree_is_not_a_yes(text: str) -> None:
    assert helped_said_to_the_question(text) is not Answer.YES


@pytest.mark.parametrize("text", [
    "back home now - could you shift my check-in to the week after?",
    "I'm back, can you bump the next check-in to next week please",
])
def test_moving_a_named_checkin_is_a_move_even_after_being_back(text: str) -> None:
    assert read_checkin_action(text) == "reschedule"


@pytest.mark.parametrize("text", ["I'm back now, you can start the check-ins again", "back home, resume please"])
def test_being_back_alone_still_resumes(text: str) -> None:
    assert read_checkin_action(text) == "resume"


@pytest.mark.parametrize("text", [
    "I turn 85 in spring. Am I too old for this kind of thing?",
    "is mum too old for massage at 91?",
    "at my age is pressing like this sensible?",
])
def test_asking_about_age_gets_the_caution(text: str) -> None:
    assert asks_if_massage_is_safe(text)


@pytest.mark.parametrize("text", ["I'm too old to be sitting on the floor all day", "my car is too old for that"])
def test_age_said_without_asking_is_no_caution_question(text: str) -> None:
    assert not asks_if_massage_is_safe(text)


@pytest.mark.parametrize("text", [
    "No clicking in the joint and no swelling either. Fine, let's give it a go",
    "No pain in the bone itself, no bruising. yes please",
])
def test_symptoms_denied_then_an_offer_taken_up_is_a_yes(text: str) -> None:
    assert read_offer_reply(text, None) is Answer.YES


@pytest.mark.parametrize("text", ["no thanks, ok", "No, I'd rather not. ok bye", "no massage please. ok"])
def test_a_refusal_first_stays_a_no(text: str) -> None:
    assert read_offer_reply(text, None) is Answer.NO


@pytest.mark.parametrize("text", ["We'll try it, slowly", "Right then, we'll try, carefully."])
def test_trying_gently_after_the_caution_starts_the_coaching(text: str) -> None:
    assert decide(said(text, "nlu_fallback", awaiting="coach_offer")) == "action_coach_massage"


@pytest.mark.parametrize("text", ["great stuff. no reminders thanks", "ok cool, don't check in on me, ta",
                                  "no need for check-ins, I'm fine"])
def test_the_checkins_refused_by_name_are_declined(text: str) -> None:
    assert decide(said(text, "checkin_manage", awaiting="checkin_offer")) == "action_decline_checkins"


def test_a_yes_to_checkins_is_still_scheduled() -> None:
    assert decide(said("yes please check in on me", "checkin_manage",
                       awaiting="checkin_offer")) == "action_schedule_checkin"


def test_a_refusal_that_asks_who_to_see_gets_the_referral() -> None:
    assert decide(said("nah. just tell me where to go to get it looked at", "ask_professional",
                       awaiting="coach_offer")) == "action_refer_professional"


@pytest.mark.parametrize("text", ["btw, which running shoes should I buy?",
                                  "random question - what's the best protein powder?"])
def test_an_aside_question_about_something_else_is_out_of_scope(text: str) -> None:
    assert decide(said(text, "ask_meaning", awaiting="coach_offer")) == "utter_out_of_scope"


@pytest.mark.parametrize("text", ["btw how long do I hold it for?", "by the way is it safe on blood thinners?"])
def test_an_aside_about_the_self_care_is_not_out_of_scope(text: str) -> None:
    assert decide(said(text, "ask_meaning", awaiting="coach_offer")) != "utter_out_of_scope"


def test_a_first_message_about_a_pain_heard_as_why_starts_the_intake() -> None:
    chest = Mention(kind="region", value="chest")
    assert decide(said("sore left pec since doing dips", "ask_why", mentions=(chest,),
                       previous_action="action_session_start")) == "intake_form"


@pytest.mark.parametrize("text", ["hmm, it doesn't really hurt at all there", "not tender at all where I'm pushing"])
def test_no_tenderness_while_pressing_asks_for_more(text: str) -> None:
    assert read_pressure(text).direction is Pressure.MORE


@pytest.mark.parametrize("text", ["not sore at all now, a nice 6", "it hurts at all hours"])
def test_no_tenderness_with_a_level_or_hurting_always_is_not_more(text: str) -> None:
    assert read_pressure(text).direction is not Pressure.MORE
