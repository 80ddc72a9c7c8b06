"""Round 18 (issue #14): classes found in conversation set 30, each tested in words of our own."""

from __future__ import annotations

import pytest

from bot.dialogue.decide import decide
from bot.dialogue.state import Mention
from bot.nlp.replies import is_closing, read_pressure, reports_pressing_already
from core.types import Pressure
from tests.support.situations import said


@pytest.mark.parametrize("text", [
    "can you help me with my geography homework",
    "what data do you keep about people",
    "I want to see my medical records",
])
def test_a_deletion_heard_without_a_verb_of_deleting_deletes_nothing(text: str) -> None:
    assert decide(said(text, "delete_data")) != "action_delete_data"


@pytest.mark.parametrize("text", ["please erase my history", "wipe my records", "get rid of my details"])
def test_a_deletion_with_its_verb_still_deletes(text: str) -> None:
    assert decide(said(text, "delete_data")) == "action_delete_data"


@pytest.mark.parametrize("text", [
    "That is everything. Many thanks, you were ever so patient with me. Goodbye",
    "No, that's all. Thanks for taking the time with an old fellow, I'll do the stretch after tea. Good night",
    "Nothing more. You have been a great help and I will keep the breaks going. Bye bye",
    "ok brilliant, this was better than any website I tried at 2am, I'll tell you how it goes. Bye!",
    "No more questions, thanks so much, I'll practise slowly. See you",
    "right, back to the shop floor. ta",
    "back to the kitchen. cheers",
    "Understood, we'll get him seen right away. Thanks.",
])
def test_a_long_goodbye_closes(text: str) -> None:
    assert is_closing(text)


@pytest.mark.parametrize("text", [
    "thanks. my shoulder still hurts though. bye",
    "that's all, but my left knee aches now too",
    "thanks, one more question. bye",
    "back to the pain in my neck",
])
def test_a_goodbye_with_news_of_the_body_or_a_question_does_not_close(text: str) -> None:
    assert not is_closing(text)


def test_a_long_goodbye_to_anything_else_is_a_goodbye() -> None:
    text = "That's all. Thank you, you have been most kind to an old woman. Good day to you."
    assert decide(said(text, "nlu_fallback", awaiting="anything_else")) == "utter_goodbye"


@pytest.mark.parametrize("text", [
    "I can only just feel it",
    "it doesn't do much to be honest",
    "tbh that's not doing much",
    "pressing with two fingers, it does not feel like much",
])
def test_pressing_that_barely_registers_asks_for_more(text: str) -> None:
    assert read_pressure(text).direction is Pressure.MORE


@pytest.mark.parametrize("text", [
    "got the ball against the wall already, can barely feel it",
    "I'm pressing with my thumb now, about a 3",
    "leaning on the roller, it's too much, like an 8",
])
def test_pressing_reported_to_the_coaching_offer_starts_the_coaching(text: str) -> None:
    assert reports_pressing_already(text)
    assert decide(said(text, "pressure_feedback", awaiting="coach_offer")) == "action_coach_massage"


@pytest.mark.parametrize("text", ["yes please", "yes, I've got a ball ready", "how hard should I press?", "no thanks"])
def test_a_plain_answer_to_the_coaching_offer_is_no_pressing(text: str) -> None:
    assert not reports_pressing_already(text)


def test_a_pain_told_without_a_question_is_no_request_for_the_massage() -> None:
    situation = said("My husband has a sore spot under his left shoulder blade", "ask_how_massage",
                     mentions=(Mention("region", "shoulder_blade"),))
    assert decide(situation) == "intake_form"


def test_a_request_for_the_massage_stays_one() -> None:
    situation = said("show me how to massage the sore spot under my shoulder blade", "ask_how_massage",
                     mentions=(Mention("region", "shoulder_blade"),))
    assert decide(situation) != "intake_form"


def test_help_with_something_else_heard_as_a_deletion_is_off_topic() -> None:
    assert decide(said("could you help me with my maths homework", "delete_data")) == "utter_out_of_scope"


@pytest.mark.parametrize("text", ["how is it a muscle when the pain is nowhere near it?",
                                  "why is it a muscle in my neck if my head hurts?"])
def test_how_a_muscle_elsewhere_can_hurt_here_is_explained_not_a_diagnosis(text: str) -> None:
    assert decide(said(text, "nlu_fallback", confidence=0.3, awaiting="coach_offer")) == "action_explain_why"


@pytest.mark.parametrize("text", ["l8r", "cya", "sound 👊", "we'll take her to urgent care now. thanks",
                                  "Right, I'm taking him to the walk-in centre. Cheers"])
def test_short_and_carried_goodbyes_close(text: str) -> None:
    assert is_closing(text)


def test_i_will_go_gently_takes_the_coaching_up() -> None:
    assert decide(said("no bother, I'll take it slow. show me", "deny", awaiting="coach_offer")) == \
        "action_coach_massage"


@pytest.mark.parametrize("text", ["feeling very little to be honest", "only a light pressure there"])
def test_very_little_felt_while_pressing_asks_for_more(text: str) -> None:
    assert read_pressure(text).direction is Pressure.MORE


@pytest.mark.parametrize("text", ["but y tho", "how come", "why's that"])
def test_a_bare_why_to_the_suggestions_is_explained(text: str) -> None:
    assert decide(said(text, "affirm", confidence=0.4, awaiting="coach_offer")) == "action_explain_why"


def test_stop_sending_these_inside_a_checkin_stops_them() -> None:
    situation = said("mate stop texting me these, all sorted now", "checkin_answer", active_loop="checkin_form",
                     checkins_agreed=True)
    assert decide(situation) == "action_checkin_manage"


@pytest.mark.parametrize("text", ["a lot better, a 3 now, nowt new mind", "bit easier, nothin new to report",
                                  "same really, no news"])
def test_nothing_new_in_dialect_answers_the_last_checkin_question(text: str) -> None:
    from bot.nlp.replies import says_nothing_new
    assert says_nothing_new(text)


@pytest.mark.parametrize("text", ["whit wye wid a muscle in ma neck gie me a sair heid?",
                                  "fit way would them muscles mak ma jaw sair?"])
def test_why_these_muscles_in_scots_is_explained(text: str) -> None:
    from bot.nlp.replies import asks_why_these
    assert asks_why_these(text)


@pytest.mark.parametrize(("text", "direction"), [
    ("😫", Pressure.LESS), ("😩 ow", Pressure.LESS), ("😊", Pressure.GOOD), ("ahh 🥰", Pressure.GOOD),
    ("😑", Pressure.MORE), ("🤏", Pressure.MORE),
])
def test_faces_while_pressing_read_as_the_words_they_stand_for(text: str, direction: Pressure) -> None:
    assert read_pressure(text).direction is direction


@pytest.mark.parametrize("intent", ["checkin_answer", "nlu_fallback", None])
def test_a_goodbye_after_emergency_advice_is_never_a_plain_goodbye_whatever_was_heard(intent: str | None) -> None:
    situation = said("fine, I'll get down the walk-in later", intent, confidence=0.3, triage="emergency")
    assert decide(situation) in ("utter_emergency_reminder", "utter_emergency_reminder_again")


@pytest.mark.parametrize("text", ["later in the day", "later on at night", "sound sleep helps"])
def test_a_time_said_with_later_is_no_goodbye(text: str) -> None:
    assert not is_closing(text)
