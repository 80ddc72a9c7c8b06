"""Round 16: turns of set 26 at first contact, as classes, in our own words.

Going to be seen said in other words, a doubt about being checked, a bot question without "are you", a cry of
pain that is not "AI", another muscle asked for after trying it, the top of the band taken back, pauses until a
month, farewells in other languages."""

from __future__ import annotations

import pytest

from bot.dialogue.decide import decide
from bot.nlp.replies import (
    asks_if_a_bot,
    is_about_the_bot,
    is_closing,
    only_acknowledges,
    read_checkin_action,
    read_pressure,
    wants_other_muscle,
)
from tests.support.situations import said


# --- going to be seen, and plain acknowledgements -------------------------------------------------------------------
@pytest.mark.parametrize("text", ["ok my brother will drive me there now", "fine, I get my son to take me today",
                                  "We'll let you know how it goes. Thanks", "I will be in touch, cheers"])
def test_a_lift_to_be_seen_or_a_promise_to_report_back_closes(text: str) -> None:
    assert is_closing(text)


@pytest.mark.parametrize("text", ["my husband will drive me to work today and my hip hurts", "will you let me know?"])
def test_a_drive_with_pain_news_or_a_question_does_not_close(text: str) -> None:
    assert not is_closing(text)


@pytest.mark.parametrize("text", ["that's lovely", "thats great", "That's champion"])
def test_praise_of_the_plan_only_acknowledges(text: str) -> None:
    assert only_acknowledges(text)
    assert decide(said(text, "nlu_fallback", confidence=0.2, awaiting="anything_else")) == "utter_goodbye"


def test_booking_in_while_pressing_after_advice_to_be_checked_is_a_goodbye() -> None:
    situation = said("Okey doke, I'll ring the surgery. Ta", "nlu_fallback", confidence=0.3, awaiting="pressure",
                     triage="see_doctor", coaching_open=True, coached=True)
    assert decide(situation) == "utter_goodbye"


def test_an_ok_to_the_booking_link_is_no_yes_to_the_massage_offer() -> None:
    assert decide(said("alright", "affirm", awaiting="coach_offer",
                       previous_action="action_refer_professional")) == "utter_thank"


# --- doubts about being checked -------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["My son reckons it's just a virus", "surely it's only the flu"])
def test_a_doubt_after_urgent_advice_gets_the_advice_again(text: str) -> None:
    situation = said(text, "out_of_scope", triage="urgent", previous_action="utter_triage_urgent")
    assert decide(situation) == "utter_triage_reminder_urgent"


def test_a_doubt_asked_while_the_intake_goes_on_is_answered() -> None:
    situation = said("Never liked doctors. Must I really go?", "ask_professional", active_loop="intake_form",
                     requested_slot="pain_trigger", triage="see_doctor")
    assert decide(situation) == "utter_triage_reminder_see_doctor"


# --- the assistant asked about, and cries that are not ------------------------------------------------------------
@pytest.mark.parametrize("text", ["Quick one first, u r a robot?", "you are AI? what do you keep of mine"])
def test_a_bot_question_said_as_a_statement(text: str) -> None:
    assert asks_if_a_bot(text)


@pytest.mark.parametrize("text", ["Aii! that's sharp", "ai, is too strong"])
def test_a_cry_of_pain_is_not_about_the_bot(text: str) -> None:
    assert not is_about_the_bot(text)


def test_a_cry_while_pressing_is_pressure_feedback() -> None:
    situation = said("Ai! is burning!", "bot_challenge", awaiting="pressure", coaching_open=True, coached=True)
    assert decide(situation) == "action_pressure_feedback"


# --- another muscle -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["I don't think it is any of these, to be honest",
                                  "I think is not this one, I rub my thigh already and nothing change",
                                  "I've foam rolled there for weeks but it didn't help"])
def test_tried_already_or_none_of_them_asks_for_another_muscle(text: str) -> None:
    assert wants_other_muscle(text)


@pytest.mark.parametrize("text", ["it is not this bad today", "yes please"])
def test_plain_answers_do_not_ask_for_another_muscle(text: str) -> None:
    assert not wants_other_muscle(text)


# --- the pressure loop ----------------------------------------------------------------------------------------------
def test_the_top_of_the_band_with_a_wince_taken_back_is_good() -> None:
    assert read_pressure("ooh, a 7, but a good one", band=(5, 7)).direction.value == "good"
    assert read_pressure("ouch that's 7", band=(5, 7)).direction.value == "less"


def test_a_level_said_with_a_question_about_pressing_answers_the_pressure() -> None:
    situation = said("my grip is weak, is that ok? feels like a 3", "pressure_feedback", awaiting="pressure",
                     coaching_open=True, coached=True)
    assert decide(situation) == "action_pressure_feedback"


# --- check-ins and farewells ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["no more messages till February please, stop them",
                                  "hold the reminders while we're away", "stop the check ins until after Easter"])
def test_a_stop_until_a_time_is_a_pause(text: str) -> None:
    assert read_checkin_action(text) == "pause"


def test_a_plain_stop_stays_a_stop() -> None:
    assert read_checkin_action("stop the check ins now please") == "stop"


def test_chao_is_a_goodbye() -> None:
    assert decide(said("chao chao", "greet", awaiting="anything_else", coached=True)) == "utter_goodbye"


def test_taking_someone_to_be_seen_is_going_now() -> None:
    from bot.nlp.replies import goes_for_help_now

    assert goes_for_help_now("right, we're taking him to get checked now")


def test_the_stop_sign_passed_goes_on_the_gentler_way() -> None:
    situation = said("ok I let go and the tingling has settled", "describe", awaiting="anything_else",
                     coaching_open=True, coached=True, previous_action="action_pressure_feedback")
    assert decide(situation) == "action_stretch_only"


@pytest.mark.parametrize(("text", "turned"), [("my ankle aches since I went over on it at the park", True),
                                              ("sore ankle, rolled it on the cobbles last month", True),
                                              ("I went over on the ice", False)])
def test_an_ankle_gone_over_on_is_a_turned_joint_not_a_fall(text: str, turned: bool, knowledge: object) -> None:
    from bot.nlp.extract import mentions_from_text

    concepts = {m.value for m in mentions_from_text(text, knowledge.sided_regions) if m.kind == "concept"}  # type: ignore[attr-defined]
    assert ("joint_turned" in concepts) is turned


@pytest.mark.parametrize("text", ["small bit help", "the stretch help me", "it help, a little"])
def test_a_learners_help_answers_did_it_help(text: str) -> None:
    from bot.nlp.replies import read_helped

    assert read_helped(text) is not None and read_helped(text).value == "yes"  # type: ignore[union-attr]


@pytest.mark.parametrize("text", ["from two weeks more or less", "from 1 month already"])
def test_a_learners_from_a_length_is_a_time_and_no_cause(text: str, knowledge: object) -> None:
    from bot.nlp.extract import mentions_from_text

    kinds = {m.kind for m in mentions_from_text(text, knowledge.sided_regions)}  # type: ignore[attr-defined]
    assert "duration" in kinds and "trigger_words" not in kinds


def test_football_in_other_languages_is_the_sport(knowledge: object) -> None:
    from bot.nlp.extract import mentions_from_text

    found = mentions_from_text("my knee hurts after futebol on sundays", knowledge.sided_regions)  # type: ignore[attr-defined]
    assert any(m.kind == "activity" and m.value == "exercise" for m in found)


@pytest.mark.parametrize(("text", "days"), [("been like this since Michaelmas", 62), ("since Lammas or so", 121)])
def test_old_feast_days_date_an_onset(text: str, days: int, knowledge: object,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.nlp.extract import mentions_from_text

    monkeypatch.setenv("BOT_TODAY", "2026-11-30")
    found = [m for m in mentions_from_text(text, knowledge.sided_regions) if m.kind == "duration"]  # type: ignore[attr-defined]
    assert found and abs(float(found[0].value) - days) <= 1


def test_a_carer_passing_the_score_on_gives_the_score() -> None:
    from bot.nlp.numbers import parse_intensity

    assert parse_intensity("she is saying 7, dull type", bare_number_ok=False) == (7, "7")


def _offer_then(text: str, knowledge: object) -> str | None:
    from bot.dialogue.facts import intake_slots
    from bot.dialogue.state import MENTIONS_KEY, read_state
    from bot.nlp.extract import mentions_from_text

    def user(words: str) -> dict[str, object]:
        found = mentions_from_text(words, knowledge.sided_regions, bare_intensity=True)  # type: ignore[attr-defined]
        return {"event": "user", "text": words,
                "parse_data": {"intent": {"name": "describe"}, MENTIONS_KEY: [m.to_dict() for m in found]}}

    events = [user("my right wrist aches on the thumb side, 4, two weeks, from typing"),
              {"event": "slot", "name": "awaiting", "value": "coach_offer"}, user(text)]
    return intake_slots(read_state(events).intake_report()).get("pain_location")  # type: ignore[no-any-return]


def test_other_one_to_the_offer_is_another_muscle_not_the_other_side(knowledge: object) -> None:
    assert str(_offer_then("hmm no, not that. Other one?", knowledge)).endswith(":right")
    assert str(_offer_then("sorry, it's the other side", knowledge)).endswith(":left")


@pytest.mark.parametrize("text", ["I'd rather not do any massaging, is there something else we could do?",
                                  "not the pressing for me. what else I can do"])
def test_no_pressing_and_what_else_is_the_stretch(text: str) -> None:
    from bot.nlp.replies import wants_stretch_instead

    assert wants_stretch_instead(text)
