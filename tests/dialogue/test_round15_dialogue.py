"""Dialogue classes found by blind conversation set 24 (round 15): an area named without a place in it is asked
about once (then the area stands for the place); a new place after the first pain is said to be fine is a new
complaint; a stop of the check-ins "for now" is a pause, "don't bother with them" a stop, "the ones I have are
enough" no change; a mail question answered in words; going to see the physio advised is a goodbye; a caution
asked indirectly ("he wants to know if..."); a question about something other than the self-care is out of
scope; an off-topic question names no cause. Wordings of our own, with what must stay as it was."""

from __future__ import annotations

from typing import Any

import pytest

from bot.dialogue.decide import decide
from bot.dialogue.facts import intake_slots
from bot.dialogue.state import MENTIONS_KEY, read_state
from bot.nlp.extract import mentions_from_text
from bot.nlp.replies import asks_if_massage_is_safe, is_closing, read_checkin_action
from tests.support.situations import said


def _user(text: str, knowledge: Any, intent: str = "describe") -> dict[str, Any]:
    mentions = mentions_from_text(text, knowledge.sided_regions, bare_intensity=True)
    return {"event": "user", "text": text,
            "parse_data": {"intent": {"name": intent}, MENTIONS_KEY: [m.to_dict() for m in mentions]}}


def _intake(messages: list[tuple[str | None, str]], knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    """The conversation state after these (question asked, answer) pairs of the intake form."""
    monkeypatch.setenv("BOT_TODAY", "2026-11-30")
    events: list[dict[str, Any]] = []
    for slot, text in messages:
        events += [{"event": "active_loop", "name": "intake_form" if slot else None},
                   {"event": "slot", "name": "requested_slot", "value": slot}, _user(text, knowledge)]
    return read_state(events)


def _location(state: Any, knowledge: Any) -> str | None:
    slots = intake_slots(state.intake_report().refine(knowledge.vague_parts), state.unknown_answers())
    return slots.get("pain_location")


# --- an area named, asked about once -------------------------------------------------------------------------------
@pytest.mark.parametrize("answer", ["kind of stiff and achy", "right foot", "dunno, just the foot really"])
def test_an_area_asked_about_once_then_stands_for_the_place(answer: str, knowledge: Any,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    state = _intake([(None, "my right foot is giving me grief"), ("pain_location", answer)], knowledge, monkeypatch)
    assert state.area_asked_about()
    assert _location(state, knowledge) == "sole:right"


def test_an_area_made_precise_takes_the_part(knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    state = _intake([(None, "my left shoulder is sore"), ("pain_location", "more at the front")], knowledge,
                    monkeypatch)
    assert _location(state, knowledge) == "shoulder_front:left"


def test_an_area_not_yet_asked_about_is_asked(knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    state = _intake([(None, "my shoulder aches")], knowledge, monkeypatch)
    assert not state.area_asked_about() and _location(state, knowledge) is None


def test_an_area_said_in_answer_to_where_is_asked_about_once(knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    state = _intake([(None, "hello, I need some help with a pain"), ("pain_location", "it's my back")], knowledge,
                    monkeypatch)
    assert not state.area_asked_about()  # where in the back has not been asked yet


# --- a new place once the first pain is fine ---------------------------------------------------------------------
def _after_coaching(later: str, knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv("BOT_TODAY", "2026-11-30")
    events = [_user("my right hamstring is tight, a 5, three weeks, from sprinting", knowledge),
              {"event": "action", "name": "action_coach_massage"},
              {"event": "slot", "name": "awaiting", "value": "pressure"}, _user("a good 6 now", knowledge),
              {"event": "slot", "name": "awaiting", "value": None}, _user(later, knowledge)]
    return read_state(events)


@pytest.mark.parametrize("later", ["hi again. the hamstring is much better now, but my left wrist aches when I type",
                                   "hello, the thigh's fine now but my lower back is sore"])
def test_a_new_place_after_the_first_is_fine_is_a_new_complaint(later: str, knowledge: Any,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    assert _after_coaching(later, knowledge, monkeypatch).new_complaint


def test_the_first_place_said_again_is_no_new_complaint(knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    state = _after_coaching("the back of my right thigh still aches and now my knee too", knowledge, monkeypatch)
    assert not state.new_complaint


# --- check-in commands --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["I'm off to Lagos for three weeks, stop the check-ins for now",
                                  "please stop them until I get back", "cancel the check ins, I'll tell you when"])
def test_a_stop_for_a_while_is_a_pause(text: str) -> None:
    assert read_checkin_action(text) == "pause"


@pytest.mark.parametrize("text", ["on second thoughts don't bother with the check-ins", "no need to bother with them",
                                  "stop the check-ins please", "cancel them, I'm all better"])
def test_a_stop_for_good_is_a_stop(text: str) -> None:
    assert read_checkin_action(text) == "stop"


@pytest.mark.parametrize("text", ["the check ins I already have are fine", "keep the check-ins as they are"])
def test_the_check_ins_left_as_they_are(text: str) -> None:
    assert read_checkin_action(text) == "keep"


@pytest.mark.parametrize("text", ["I don't have the computer mail", "my son does all that for me", "no e-mail thanks"])
def test_mail_declined_in_words(text: str) -> None:
    assert decide(said(text, "nlu_fallback", awaiting="email")) == "action_no_email"


def test_an_email_given_is_still_saved() -> None:
    assert decide(said("put it to my mail: ada@example.org", "give_email", awaiting="email")) == "action_save_email"


# --- closings, cautions and questions ----------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["ok I'll go and see the physio then, thanks", "I will go see my GP tomorrow",
                                  "tenki o"])
def test_going_to_be_seen_or_thanks_is_a_closing(text: str) -> None:
    assert is_closing(text)


def test_asking_to_see_someone_is_no_closing() -> None:
    assert not is_closing("could I go and see a physio instead?")


@pytest.mark.parametrize("text", ["my husband wants to know if it's safe to do this with his stent",
                                  "she's wondering whether the massage is ok on blood thinners"])
def test_a_caution_asked_indirectly(text: str) -> None:
    assert asks_if_massage_is_safe(text)


def test_a_question_about_errands_is_out_of_scope() -> None:
    situation = said("could you check whether my repeat prescription is ready at the pharmacy?", "ask_caution")
    assert decide(situation) == "utter_out_of_scope"


def test_a_caution_question_about_this_is_still_heard_as_one() -> None:
    # None: the rules answer the caution intent the classifier heard
    assert decide(said("is it safe to do this with my pacemaker?", "ask_caution", awaiting="coach_offer")) is None


def test_an_off_topic_question_names_no_cause(knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BOT_TODAY", "2026-11-30")
    events = [_user("my left temple throbs", knowledge), {"event": "active_loop", "name": "intake_form"},
              {"event": "slot", "name": "requested_slot", "value": "pain_intensity"},
              _user("by the way, which pillow would you recommend?", knowledge, intent="out_of_scope")]
    slots = intake_slots(read_state(events).intake_report())
    assert "pain_trigger" not in slots


# --- more of set 24's classes ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["will someone ring me for these?", "how will you check in with me?"])
def test_how_the_check_ins_come_is_explained(text: str) -> None:
    assert decide(said(text, "out_of_scope", awaiting="checkin_offer")) == "utter_checkins_how"


@pytest.mark.parametrize(("text", "helped"), [("a little bit", "yes"), ("somewhat", "yes"), ("not much", "no")])
def test_a_degree_alone_answers_did_it_help(text: str, helped: str) -> None:
    from bot.nlp.replies import Answer, helped_said_to_the_question
    assert helped_said_to_the_question(text) is {"yes": Answer.YES, "no": Answer.NO}[helped]


@pytest.mark.parametrize("text", ["ok I go today", "right, going straight away", "cnt feel it"])
def test_short_texting_forms(text: str) -> None:
    from bot.nlp.replies import read_pressure
    from core.types import Pressure
    if text.startswith("cnt"):
        assert read_pressure(text).direction is Pressure.MORE
    else:
        assert is_closing(text)


def test_a_relayed_going_to_be_seen_is_a_goodbye_not_a_request() -> None:
    assert decide(said("ok, we will go and see the GP today, thank you", "ask_professional")) == "utter_goodbye"
    assert decide(said("could we see a physio instead?", "ask_professional")) == "action_refer_professional"


@pytest.mark.parametrize("text", ["8 out of 10 when it's bad", "a 7 when it flares up", "worse on a bad day"])
def test_when_the_pain_is_bad_is_no_cause(text: str, knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BOT_TODAY", "2026-11-30")
    kinds = {m.kind for m in mentions_from_text(text, knowledge.sided_regions, bare_intensity=True)}
    assert not kinds & {"trigger_words", "activity"}


def test_a_pain_that_pulls_is_how_it_feels(knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BOT_TODAY", "2026-11-30")
    found = mentions_from_text("it's a pain that pulls, quite tight", knowledge.sided_regions, bare_intensity=True)
    assert any(m.kind == "sensation" for m in found) and not any(m.kind == "activity" for m in found)
    pulled = mentions_from_text("it hurts when I pull the pallet truck", knowledge.sided_regions)
    assert any(m.kind == "activity" and m.value == "pulling" for m in pulled)


@pytest.mark.parametrize("text", ["my thigh aches from riding the bike for deliveries all day",
                                  "my neck hurts from knitting for the new baby",
                                  "sore back from holding my daughter's new baby"])
def test_a_birth_that_is_not_ones_own(text: str, knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BOT_TODAY", "2026-11-30")
    found = mentions_from_text(text, knowledge.sided_regions, bare_intensity=True)
    assert not any(m.kind == "finding" and m.value == "postpartum" and m.present for m in found)


@pytest.mark.parametrize("text", ["my back has ached since my delivery in May",
                                  "we have a new baby and my wrist hurts"])
def test_ones_own_birth_is_still_heard(text: str, knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BOT_TODAY", "2026-11-30")
    found = mentions_from_text(text, knowledge.sided_regions, bare_intensity=True)
    assert any(m.kind == "finding" and m.value == "postpartum" and m.present for m in found)


def test_a_part_of_a_thing_is_no_part_of_the_body(knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BOT_TODAY", "2026-11-30")
    assert not any(m.kind == "part" for m in mentions_from_text("worst when I reach the top shelf",
                                                                knowledge.sided_regions))
    assert any(m.kind == "part" for m in mentions_from_text("at the top", knowledge.sided_regions))
