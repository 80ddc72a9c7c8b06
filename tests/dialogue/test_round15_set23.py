"""Dialogue classes found replaying conversation set 23 (round 15, after it was scored once): "please explain why"
is a question, not a yes; "other possibility?" and "something else?" ask for another muscle; "show us the
massage" after declining it; "how long am I meant to hold it?"; a thanks the classifier did not know after a
command; announcing one's check-in; "talk next week" after the check-in; "I'd rather you wiped everything";
learner and Pidgin readings ("not feel much", "the pain now na 4", "mi will go to di doctor. Tanks", "safe").
Wordings of our own."""

from __future__ import annotations

from typing import Any

import pytest

from bot.dialogue.decide import decide
from bot.nlp.extract import mentions_from_text
from bot.nlp.replies import asks_how_often, is_closing, read_pressure, wants_deletion, wants_other_muscle
from core.types import Pressure
from tests.support.situations import said


@pytest.mark.parametrize("intent", ["ask_why", "describe", "affirm"])
def test_please_explain_why_is_a_question_not_a_yes(intent: str) -> None:
    situation = said("Please explain why you suggest these. It hurts in my knee, not the thigh.", intent,
                     awaiting="coach_offer")
    assert decide(situation) in (None, "action_explain_why")
    assert decide(situation) != "action_coach_massage"


@pytest.mark.parametrize("text", ["I don't think it's these ones. Any other possibility?",
                                  "I've rolled that area loads already. Something else?"])
def test_another_possibility_is_another_muscle(text: str) -> None:
    assert wants_other_muscle(text)
    assert decide(said(text, "deny", awaiting="coach_offer")) == "action_next_candidate"


def test_something_else_to_do_is_not_another_muscle() -> None:
    assert not wants_other_muscle("is there something else I can do for it at home?")


def test_show_us_the_massage_after_declining_it() -> None:
    assert decide(said("hang on, go on then, show us the massage", "bot_challenge", awaiting="checkin_offer")) == \
        "action_coach_massage"


def test_how_long_am_i_meant_to_hold_it() -> None:
    assert asks_how_often("how long am I meant to hold it for?")


def test_a_thanks_the_classifier_missed_is_a_goodbye() -> None:
    assert decide(said("diolch yn fawr", "nlu_fallback", confidence=0.2)) == "utter_goodbye"


@pytest.mark.parametrize("text", ["Hi, it's Dev. I'm due to tell you how my back is getting on.",
                                  "morning, back for my check-in"])
def test_announcing_the_check_in_starts_it(text: str) -> None:
    assert decide(said(text, "greet", checkins_agreed=True)) == "action_checkin_start"


def test_announcing_without_check_ins_agreed_starts_nothing() -> None:
    assert decide(said("morning, back for my check-in", "greet")) != "action_checkin_start"


@pytest.mark.parametrize("text", ["great, speak to you next week then", "cheers, talk then"])
def test_see_you_next_week_is_no_move(text: str) -> None:
    assert decide(said(text, "checkin_manage", checkins_agreed=True)) != "action_checkin_manage"


def test_a_real_move_still_moves() -> None:
    assert decide(said("can we move it to next week instead?", "checkin_manage", checkins_agreed=True,
                       awaiting="anything_else")) in (None, "action_checkin_manage")


def test_rather_you_wiped_it_is_a_deletion() -> None:
    assert wants_deletion("to be honest I'd rather you deleted everything I've said")


def test_not_feel_much_asks_for_more() -> None:
    assert read_pressure("not feel much still").direction is Pressure.MORE


def test_pidgin_na_before_a_score(knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BOT_TODAY", "2026-11-30")
    found = mentions_from_text("the pain now na 3", knowledge.sided_regions, bare_intensity=True)
    assert any(m.kind == "intensity" and m.value == "3" for m in found)


@pytest.mark.parametrize("text", ["ok mi will go to di clinic later. Tanks", "safe", "safe bro"])
def test_closings_of_other_englishes(text: str) -> None:
    assert is_closing(text)


def test_is_it_safe_is_no_closing() -> None:
    assert not is_closing("safe to keep pressing here?")


@pytest.mark.parametrize("text", ["Much better, barely notice it. You can quit these check-ins now.",
                                  "all good now, don't bother with the check-ins any more"])
def test_a_stop_said_inside_a_check_in_answer(text: str) -> None:
    situation = said(text, "checkin_answer", checkins_agreed=True, active_loop="checkin_form",
                     requested_slot="checkin_trend")
    assert decide(situation) == "action_checkin_manage"


def test_a_level_with_the_how_long_question_gets_the_hold() -> None:
    situation = said("about a 6 now. how long do I hold it?", "ask_how_massage", awaiting="pressure",
                     coached=True, coaching_open=True)
    assert decide(situation) == "action_pressure_feedback"


def test_praise_after_thanks_is_a_closing() -> None:
    assert is_closing("That's all, thanks, you've been more help than the leaflet!")
    assert not is_closing("thanks, you've been great, but my other knee hurts too")


def test_killing_me_in_a_good_way_is_a_good_level() -> None:
    assert read_pressure("with my knuckles, it's killing me in a good way, about a 6").direction is Pressure.GOOD


def test_didnt_really_help() -> None:
    from bot.nlp.replies import Answer, read_helped
    assert read_helped("the stretching didn't really help") is Answer.NO


def test_a_length_after_an_undated_since_is_kept(knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.support.reading import slots_after
    said = ["my left heel has hurt since I started the new job", ("pain_quality", "sharp, 5, well over a week by now")]
    slots = slots_after(said, knowledge, monkeypatch)
    assert slots.get("pain_duration") not in (None, "unknown")


def test_unsure_how_to_describe_it_with_a_cause_is_unknown(knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.dialogue.facts import intake_slots
    from bot.dialogue.state import MENTIONS_KEY, read_state
    monkeypatch.setenv("BOT_TODAY", "2026-11-30")
    events: list[dict[str, Any]] = []
    for slot, text in [(None, "pain across my forehead"),
                       ("pain_quality", "not sure how to describe it, it comes when I work late shifts")]:
        events += [{"event": "active_loop", "name": "intake_form" if slot else None},
                   {"event": "slot", "name": "requested_slot", "value": slot},
                   {"event": "user", "text": text, "parse_data": {"intent": {"name": "dont_know"}, MENTIONS_KEY: [
                       m.to_dict() for m in mentions_from_text(text, knowledge.sided_regions, bare_intensity=True)]}}]
    state = read_state(events)
    assert "pain_quality" in state.unknown_answers()
    assert intake_slots(state.intake_report(), state.unknown_answers()).get("pain_trigger")


def test_the_bottom_part_of_the_feet_is_the_sole(knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.support.reading import slots_after
    slots = slots_after(["my feet are aching, the bottom part mostly, both of them"], knowledge, monkeypatch)
    assert str(slots.get("pain_location", "")).startswith("sole")


def test_get_it_checked_is_no_check_in_command() -> None:
    situation = said("ok, I will go get it check today. Thanks", "checkin_start", awaiting="anything_else")
    assert decide(situation) != "action_schedule_checkin"


@pytest.mark.parametrize("text", ["Hmm, not convinced.", "that's not where I feel it though"])
def test_doubting_the_muscle_asks_for_another(text: str) -> None:
    assert wants_other_muscle(text)


def test_comfortable_pressure_is_a_good_level() -> None:
    assert read_pressure("leaning on it gently, comfortable").direction is Pressure.GOOD
    assert read_pressure("not comfortable at all, too much").direction is Pressure.LESS
