"""Round 17 (issue #14): classes found in conversation set 28, each tested in words of our own."""

from __future__ import annotations

from typing import Any

import pytest

from bot.dialogue.decide import decide
from bot.dialogue.facts import checkin_slots
from bot.dialogue.state import Mention, read_state
from bot.nlp.replies import is_closing
from tests.support.situations import said


def _user(text: str, *mentions: Mention, intent: str = "checkin_answer") -> dict[str, Any]:
    return {"event": "user", "text": text, "parse_data": {"intent": {"name": intent},
                                                          "pain_mentions": [m.to_dict() for m in mentions]}}


def _returning_with_answers(text: str, *mentions: Mention) -> list[dict[str, Any]]:
    """An intake with a strength, then a return days later whose first message opens the check-in."""
    return [{"event": "action", "name": "action_listen"},
            _user("my heel aches, about a 4", Mention("region", "heel"), Mention("intensity", "4", "about a 4"),
                  intent="describe"),
            {"event": "action", "name": "action_listen"},
            _user(text, *mentions),
            {"event": "action", "name": "action_checkin_start"}, {"event": "action", "name": "checkin_form"},
            {"event": "active_loop", "name": "checkin_form"}]


def test_a_return_that_answers_the_checkin_is_its_first_answer_and_not_a_new_strength() -> None:
    events = _returning_with_answers("back again - loads better, maybe a 1 now, the rolling really helped",
                                     Mention("intensity", "1", "a 1"))
    state = read_state(events)
    assert checkin_slots(state) == {"checkin_trend": "better", "checkin_pain": "1", "checkin_helped": "yes"}
    assert state.intake_report().intensity == 4  # the first complaint's strength stays what it was


def test_a_return_inside_a_form_answer_is_not_taken_for_the_checkin() -> None:
    events = [{"event": "action", "name": "action_listen"},
              _user("two weeks", Mention("duration", "14", "two weeks"), intent="describe"),
              {"event": "active_loop", "name": "intake_form"},
              {"event": "action", "name": "action_listen"},
              {"event": "active_loop", "name": "intake_form"}]
    events[1]["parse_data"]["intent"]["name"] = "describe"
    assert read_state(events).intake_report().duration_days == 14


@pytest.mark.parametrize("text", [
    "fine my dad's takin me to the walk in centre",
    "ok ill ring the docs now ta",
    "ok will phone the surgery now",
    "alright I will tell the carer to ring 111 now, thank you",
    "my brother's drivin me to minor injuries",
])
def test_going_to_be_seen_in_everyday_spelling_is_a_goodbye(text: str) -> None:
    assert is_closing(text)
    assert decide(said(text, "out_of_scope", triage="urgent", previous_action="utter_triage_urgent")) == \
        "utter_goodbye"


def test_putting_urgent_help_off_twice_gets_the_advice_in_other_words() -> None:
    first = decide(said("will it keep till tomorrow?", "nlu_fallback", triage="urgent",
                        previous_action="utter_triage_urgent"))
    again = decide(said("ok ill book the doctor tmrw", "nlu_fallback", triage="urgent",
                        previous_action="utter_triage_reminder_urgent"))
    assert (first, again) == ("utter_triage_reminder_urgent", "utter_triage_reminder_urgent_again")


def test_a_correction_of_the_side_in_learner_english_is_no_confusion() -> None:
    from tests.support.reading import judged

    level, flags, _ = judged("my left knee hurts. no sorry, is the right knee, i confuse")
    assert level == "none" and not flags


@pytest.mark.parametrize("text, expected", [
    ("eased off a bit, six outta ten now", "good"),
    ("hmm 4 out of 10", "more"),
    ("nearly nothing, two n a half maybe", "more"),
    ("ok ok that's eight outta ten, bit much", "less"),
])
def test_the_scale_said_after_the_level_is_no_second_level(text: str, expected: str) -> None:
    from bot.nlp.replies import read_pressure

    assert read_pressure(text).direction.value == expected


@pytest.mark.parametrize("text", [
    "no more check-ins thanks. and actually wipe everything you have on me",
    "nah to the reminders, also delete whatever you've got about me",
])
def test_a_deletion_asked_beside_another_answer_is_never_lost(text: str) -> None:
    assert decide(said(text, "checkin_manage", awaiting="checkin_offer")) == "action_delete_data"


@pytest.mark.parametrize("text", [
    "can you bump the first one to next week? I'm away",
    "could you shift the first check-in to next week",
])
def test_moving_the_first_checkin_in_other_words(text: str) -> None:
    assert decide(said(text, "checkin_manage", awaiting="email", checkins_agreed=True,
                       previous_action="action_schedule_checkin")) == "action_checkin_manage"


def test_all_said_after_thanks_for_the_booking_link_is_a_goodbye_not_a_refusal() -> None:
    assert decide(said("nah that's all", "next_candidate", awaiting="coach_offer",
                       previous_action="utter_thank")) == "utter_goodbye"
    assert decide(said("no", "deny", awaiting="coach_offer", previous_action="utter_thank")) == "action_stretch_only"


def test_doubting_emergency_advice_gets_the_advice_again() -> None:
    assert decide(said("do I honestly need to go now", "nlu_fallback", triage="emergency",
                       previous_action="utter_triage_emergency")) == "utter_emergency_reminder"


@pytest.mark.parametrize("text", ["MY DAUGHTER CAN DRIVE ME. THANKS", "ok my neighbour is driving me"])
def test_a_lift_to_be_seen_said_alone_is_a_goodbye(text: str) -> None:
    assert decide(said(text, "out_of_scope", triage="urgent", previous_action="utter_triage_urgent")) == \
        "utter_goodbye"


@pytest.mark.parametrize("intent", ["ask_caution", "pressure_feedback"])
def test_a_caution_asked_while_pressing_is_answered_not_read_as_a_level(intent: str) -> None:
    text = "hang on, is this alright to do while I'm pregnant?"
    assert decide(said(text, intent, awaiting="pressure", coached=True,
                       previous_action="action_coach_massage")) == "action_answer_caution"


@pytest.mark.parametrize("text, answer", [("sick ok lets do it", "yes"), ("mint, go on then", "yes"),
                                          ("sweet, nah not today", "no")])
def test_slang_approval_before_the_answer_leaves_the_answer(text: str, answer: str) -> None:
    from bot.nlp.replies import read_offer_reply

    reply = read_offer_reply(text, None)
    assert reply is not None and reply.value == answer


@pytest.mark.parametrize("text", ["nah dont bother checking in on me, it's sorted",
                                  "no need to bother with the reminders after all"])
def test_dont_bother_checking_in_stops_the_checkins(text: str) -> None:
    from bot.nlp.replies import read_checkin_action

    assert read_checkin_action(text) == "stop"


def test_a_why_in_the_first_message_with_a_place_starts_the_intake() -> None:
    from bot.dialogue.state import Mention

    text = "hello, am I in the right place? my hip hurts but I think it's only a muscle"
    assert decide(said(text, "ask_why", mentions=(Mention("region", "hip_side"),))) == "intake_form"


def test_a_learners_is_problem_asks_the_caution() -> None:
    from bot.nlp.replies import asks_if_massage_is_safe

    assert asks_if_massage_is_safe("I am on blood thinners, is problem for massage?")


def test_can_the_first_one_be_next_week_moves_it() -> None:
    assert decide(said("could the first check-in be next week instead", "checkin_manage", awaiting="email",
                       checkins_agreed=True, previous_action="action_schedule_checkin")) == "action_checkin_manage"


@pytest.mark.parametrize("text", ["check-ins sound great", "the check ins would be useful"])
def test_the_checkins_sounding_good_takes_them_up(text: str) -> None:
    from bot.nlp.replies import Answer, read_offer_reply

    assert read_offer_reply(text) is Answer.YES


def test_going_to_be_seen_while_the_intake_asks_after_urgent_advice_is_a_goodbye() -> None:
    text = "fair enough, I'll head down to A&E now. thanks"
    assert decide(said(text, "nlu_fallback", triage="urgent", active_loop="intake_form", requested_slot="pain_location",
                       previous_action="utter_triage_reminder_urgent")) == "utter_goodbye"
