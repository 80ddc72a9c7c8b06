"""Dialogue classes found by blind conversation set 22 (round 14): how often to do it, asked during or after the
coaching; where to press, asked while pressing; a stretch asked for instead while pressing; a yes to the suggestions
after an answer to a question about them when a doctor should look first; the offer taken up as "I'll try gently";
declining in words ("leave the massage for now", "not necessary"); "na" and letters held down ("byeee"); the
self-care named with a yes at the check-in; a hello with small talk about the phone; a goodbye after the booking
link during the intake. Wordings of our own, with what must stay as it was."""

from __future__ import annotations

from typing import Any

import pytest

from bot.dialogue.decide import decide
from bot.nlp.extract import mentions_from_text
from bot.nlp.replies import (
    Answer,
    asks_how_often,
    asks_where_to_press,
    is_closing,
    read_helped,
    read_offer_reply,
    read_pressure,
    read_yes_no,
)
from core.types import Mention, Pressure
from tests.support.situations import said


# --- how often, and where to press ---------------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["how many times a day do I do this?", "How often should I massage it",
                                  "how many sessions a week?", "how long do I hold each spot?", "how often?"])
def test_how_often_is_asked(text: str) -> None:
    assert asks_how_often(text)


@pytest.mark.parametrize("text", ["how long will it take to get better?", "how much does a physio cost",
                                  "it happens how often? every day", "how long have I had it, about a month"])
def test_other_hows_are_not_the_dose(text: str) -> None:
    assert not asks_how_often(text)


@pytest.mark.parametrize("awaiting", ["pressure", "checkin_offer", "anything_else"])
def test_how_often_during_or_after_coaching_is_answered(awaiting: str) -> None:
    situation = said("how many times in a day should I be doing it?", "ask_how_massage", awaiting=awaiting,
                     coached=True, coaching_open=awaiting == "pressure")
    assert decide(situation) == "action_answer_how_often"


def test_how_often_before_any_coaching_is_not_this_answer() -> None:
    assert decide(said("how often should I do it?", "ask_how_massage", awaiting="coach_offer")) != \
        "action_answer_how_often"


@pytest.mark.parametrize("text", ["ok show me what to do", "where exactly am I supposed to press?",
                                  "can't find the spot", "wer do i put my thumb exactly"])
def test_where_to_press_while_pressing_shows_the_spot(text: str) -> None:
    assert asks_where_to_press(text)
    assert decide(said(text, "ask_how_massage", awaiting="pressure", coached=True, coaching_open=True)) == \
        "action_show_the_spot"


@pytest.mark.parametrize("text", ["found it, about a 4", "good, that's the spot", "where it hurts is a 6 now"])
def test_feedback_while_pressing_is_still_feedback(text: str) -> None:
    situation = said(text, "pressure_feedback", awaiting="pressure", coached=True, coaching_open=True)
    assert decide(situation) == "action_pressure_feedback"


def test_a_stretch_instead_while_pressing() -> None:
    situation = said("sorry I'm on the bus, can't do this now. can you just give me a stretch?", "ask_stretch",
                     awaiting="pressure", coached=True, coaching_open=True)
    assert decide(situation) == "action_stretch_only"


# --- a doctor should look first: a yes after an answer about the suggestions ------------------------------------
@pytest.mark.parametrize("previous", ["action_answer_caution", "action_explain_trigger_point", "utter_no_diagnosis"])
def test_a_yes_after_an_aside_hears_why_not_deep_massage(previous: str) -> None:
    situation = said("ok great let's do it", "affirm", triage="see_doctor", previous_action=previous)
    assert decide(situation) == "action_coach_massage"


# --- the offer taken up, or declined, in the person's words -----------------------------------------------------
@pytest.mark.parametrize("text", ["OK, thank you, I'll try it gently then", "right, let me give it a go"])
def test_trying_it_now_takes_the_offer_up(text: str) -> None:
    assert decide(said(text, "thank", awaiting="coach_offer")) == "action_coach_massage"


@pytest.mark.parametrize("text", ["thanks, I'll try it myself tonight", "ok I'll give it a go at home later"])
def test_trying_it_alone_later_starts_nothing(text: str) -> None:
    assert decide(said(text, "thank", awaiting="coach_offer")) != "action_coach_massage"


@pytest.mark.parametrize("text", ["I'll leave the massaging for today, just wanted to understand it",
                                  "Check-ins aren't needed, thank you", "reminders not necessary"])
def test_declining_in_words(text: str) -> None:
    assert read_offer_reply(text) is Answer.NO


@pytest.mark.parametrize(("text", "answer"), [("na", Answer.NO), ("naa thanks", Answer.NO), ("nooo", Answer.NO),
                                              ("yesss", Answer.YES), ("nah", Answer.NO)])
def test_short_and_held_answers(text: str, answer: Answer) -> None:
    assert read_yes_no(text) is answer


@pytest.mark.parametrize("text", ["ok byeee", "thanks, byeeee", "na ta"])
def test_held_goodbyes_close(text: str) -> None:
    assert is_closing(text)


@pytest.mark.parametrize("text", ["sooo good", "goood"])
def test_held_letters_are_no_answer(text: str) -> None:
    assert read_yes_no(text) is None


# --- check-ins: the self-care named with a yes -------------------------------------------------------------------
@pytest.mark.parametrize(("text", "answer"), [("the stretching yes", Answer.YES), ("massage yeah", Answer.YES),
                                              ("the massage no", None)])
def test_self_care_named_with_a_yes(text: str, answer: Answer | None) -> None:
    assert read_helped(text) is answer


def test_a_self_care_yes_answers_the_checkin_question_whatever_was_heard() -> None:
    situation = said("the stretching yes", "ask_stretch", active_loop="checkin_form",
                     requested_slot="checkin_helped", checkins_agreed=True)
    assert decide(situation) == "checkin_form"


# --- a hello with small talk; a goodbye after the booking link --------------------------------------------------
def test_a_hello_about_the_phone_is_a_hello() -> None:
    phone = Mention("activity", "phone_use", "on my phone")
    situation = said("Good morning, my son set this up on my phone for me", "nlu_fallback", 0.4, mentions=(phone,))
    assert decide(situation) == "utter_greet"


def test_a_hello_with_pain_and_the_phone_starts_the_intake() -> None:
    phone = Mention("activity", "phone_use", "on my phone")
    situation = said("Hello, my thumb hurts on my phone", "describe", mentions=(phone,))
    assert decide(situation) != "utter_greet"


def test_a_goodbye_after_the_booking_link_during_the_intake() -> None:
    situation = said("thanks, booked it. bye", "goodbye", active_loop="intake_form", requested_slot="pain_duration",
                     previous_action="action_refer_professional")
    assert decide(situation) == "utter_goodbye"


# --- text-speak in the pressure loop; a stretch asked for by number; leaving during the intake --------------------
@pytest.mark.parametrize(("text", "direction"), [("ow ow 2 much", Pressure.LESS), ("2 hard!!", Pressure.LESS),
                                                 ("k thats gd", Pressure.GOOD)])
def test_text_speak_pressure(text: str, direction: Pressure) -> None:
    assert read_pressure(text).direction is direction


def test_one_stretch_is_no_pressure_of_one() -> None:
    situation = said("I can't do it now, just tell me one stretch please", "ask_stretch", awaiting="pressure",
                     coached=True, coaching_open=True)
    assert decide(situation) == "action_stretch_only"


@pytest.mark.parametrize("text", ["nothing really, ta", "no thanks"])
def test_a_no_thanks_to_an_intake_question_is_no_goodbye(text: str) -> None:
    situation = said(text, "deny", active_loop="intake_form", requested_slot="pain_trigger")
    assert decide(situation) != "utter_goodbye"


def test_pressure_words_with_nothing_pressed_answer_the_checkin_offer() -> None:
    situation = said("Less", "pressure_feedback", awaiting="checkin_offer", triage="see_doctor")
    assert decide(situation) not in (None, "action_pressure_feedback")
    assert decide(said("good", "pressure_feedback", awaiting="checkin_offer")) != "action_pressure_feedback"


def test_right_as_correctly_is_no_side(knowledge: Any) -> None:
    found = mentions_from_text("Hi, I hope I'm doing it right, my nephew set this up", knowledge.sided_regions)
    assert not [m for m in found if m.kind == "side"]


def test_trying_it_somewhere_later_starts_nothing() -> None:
    assert decide(said("right, I'll try that at the next stop. Ta", "thank", awaiting="coach_offer")) != \
        "action_coach_massage"


def test_a_refused_coaching_is_no_coaching_started() -> None:
    from bot.dialogue.state import read_state
    events = [{"event": "user", "text": "neck ache", "parse_data": {"intent": {"name": "describe"}}},
              {"event": "action", "name": "action_coach_massage"},
              {"event": "bot", "text": "please get checked first",
               "metadata": {"utter_action": "utter_see_doctor_before_massage"}},
              {"event": "user", "text": "Less", "parse_data": {"intent": {"name": "pressure_feedback"}}}]
    assert read_state(events).latest is not None and not read_state(events).latest.coached
    started = [*events[:2], {"event": "bot", "text": "press", "metadata": {"utter_action": "utter_coach_press"}},
               events[3]]
    assert read_state(started).latest is not None and read_state(started).latest.coached


@pytest.mark.parametrize("text", ["no wahala, check on me", "no dramas, go ahead", "nae bother, aye"])
def test_a_courtesy_of_other_englishes_is_no_no(text: str) -> None:
    assert read_offer_reply(text) is not Answer.NO


def test_thats_all_during_the_intake_is_a_goodbye() -> None:
    situation = said("no that's all, ta", "deny", active_loop="intake_form", requested_slot="pain_intensity")
    assert decide(situation) == "utter_goodbye"


def test_carnt_feel_owt_is_press_harder() -> None:
    assert read_pressure("carnt feel owt").direction is Pressure.MORE


@pytest.mark.parametrize("text", ["it is a comfortable five, nothing sharp", "a good 6, no burning or tingling"])
def test_stop_signs_denied_in_a_list(text: str) -> None:
    assert read_pressure(text).direction is Pressure.GOOD


def test_a_stop_sign_after_a_denied_one_still_stops() -> None:
    assert read_pressure("no tingling, but it's sharp now").direction is Pressure.STOP


@pytest.mark.parametrize("text", ["Dad asks, can he do this, he takes blood thinner tablets",
                                  "my wife wants to know, can she do it, she's on warfarin"])
def test_a_relayed_safety_question(text: str) -> None:
    from bot.nlp.replies import asks_if_massage_is_safe
    assert asks_if_massage_is_safe(text)


def test_a_stretch_felt_while_pressing_is_feedback() -> None:
    situation = said("ooh that feels like a good stretch", "pressure_feedback", awaiting="pressure", coached=True,
                     coaching_open=True)
    assert decide(situation) == "action_pressure_feedback"
