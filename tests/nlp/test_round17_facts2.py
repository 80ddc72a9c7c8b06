"""Round 17, second part: facts as people write them, each a class in our own words, with nearby readings that must not
change. Causes: a clause that only dates the pain ("from Diwali she has it") is no cause; work and its place said as the
cause ("I'm working in the boiler room", ladders); a part named for what it does or how it reacts ("eyes streaming",
"hands not what they were") is no place of the pain. Also: "pulling" said as its own item with a score, "maybe" as
Scots write it after a score, the bottom of a foot said without "the", a plucked banjo, shoulder presses."""

from __future__ import annotations

from typing import Any

import pytest

from bot.nlp.extract import mentions_from_text
from tests.support.reading import first_facts, score, slots_after


def _places(text: str, knowledge: Any) -> set[str]:
    return {m.value for m in mentions_from_text(text, knowledge.sided_regions) if m.kind == "region" and m.present}


# --- 1. A clause that only dates the pain is no cause ---------------------------------------------------------------


@pytest.mark.parametrize("text", ["my knee aches, from Diwali she has it", "back is stiff. Since Christmas I've had it",
                                  "He says it is a dull ache, maybe 5. From Ramzan he has had this"])
def test_a_date_with_who_has_it_is_no_cause(text: str, knowledge: Any) -> None:
    facts = first_facts(text, knowledge)
    assert "trigger_words" not in facts and "duration" in facts


def test_the_dated_pain_keeps_its_length_in_the_intake(knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    slots = slots_after(["my mum's right knee hurts at the front",
                         "Sorry. She says it is a deep ache, about 5. From Eid after Ramadan she has it"], knowledge,
                        monkeypatch)
    assert "pain_trigger" not in slots and float(slots["pain_duration"]) == pytest.approx(255)


@pytest.mark.parametrize(("text", "expected"), [
    # the cause itself stays, without the one who has it
    ("after my fall he has it", "my fall"), ("after the wedding she has it", "the wedding"),
])
def test_a_cause_said_with_who_has_it_loses_only_those_words(text: str, expected: str, knowledge: Any) -> None:
    assert first_facts(text, knowledge).get("trigger_words") == expected


# --- 2. Work, and the place of work, said as the cause ---------------------------------------------------------------


@pytest.mark.parametrize("text", ["left calf sore since monday. up and down ladders at work",
                                  "my shins ache from climbing the ladder all shift",
                                  "I fix roofs, always on a stepladder, and my calves are tight"])
def test_ladders_are_climbed(text: str, knowledge: Any) -> None:
    assert first_facts(text, knowledge).get("activity") == "stairs"


def test_a_fall_off_a_ladder_is_no_doing(knowledge: Any) -> None:
    assert "activity" not in first_facts("my uncle fell off a ladder and his wrist is sore", knowledge)


@pytest.mark.parametrize(("messages", "expected"), [
    (["my left hip aches at the front", ("pain_quality", "I'm working in the boiler room all week")],
     "in the boiler room"),
    (["my lower back aches", ("pain_trigger", "he works at the fish market")], "works at the fish market"),
    (["my right shoulder hurts at the back", ("pain_quality", "I am working on a building site")],
     "working on a building site"),
    (["my lower back aches", ("pain_quality", "I work in office 8 hours, bad chair")], "computer_work"),
    (["my front shoulder hurts", ("pain_trigger", "when I put plates on the top shelf")], "overhead_work"),
])
def test_work_said_as_the_cause(messages: list[Any], expected: str, knowledge: Any,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    assert slots_after(messages, knowledge, monkeypatch)["pain_trigger"] == expected


@pytest.mark.parametrize("text", ["my neck is stiff, I work in healthcare so I know a little",
                                  "my knee hurts, I'm working on my posture"])
def test_work_that_says_no_place_or_cause(text: str, knowledge: Any) -> None:
    assert "trigger_words" not in first_facts(text, knowledge)


# --- 3. A part named for what it does or how it reacts is no place of the pain ----------------------------------------


@pytest.mark.parametrize(("text", "gone"), [
    ("ok now that's a good 7, my eyes are streaming", "eye"), ("crikey, 8, eyes watering", "eye"),
    ("Could I do the pressing for her? Her hands are not as strong these days.", "hand_back"),
    ("my hands are a bit shaky, I'll use the ball", "hand_back"),
])
def test_a_part_at_work_is_no_place(text: str, gone: str, knowledge: Any) -> None:
    assert gone not in _places(text, knowledge)


@pytest.mark.parametrize(("text", "kept"), [
    ("my left eye aches", "eye"), ("both my hands hurt when I grip", "hand_back"),
    ("my eye is watering and it hurts", "eye"), ("my eyes are watering and sore", "eye"),
])
def test_a_part_said_to_hurt_stays_a_place(text: str, kept: str, knowledge: Any) -> None:
    assert kept in _places(text, knowledge)


def test_another_part_at_work_leaves_the_place_and_its_side(knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    slots = slots_after(["my left heel hurts", "phew that's an 8 now, my right eye is streaming"], knowledge,
                        monkeypatch)
    assert slots["pain_location"] == "heel:left" and slots["pain_intensity"] == "8"


def test_a_part_at_work_keeps_its_findings(knowledge: Any) -> None:
    assert first_facts("my hands are shaky", knowledge).get("finding") == "limb_named"


# --- 5. Other facts: pulling said with its score, Scots "maybe", the bottom of a foot, a banjo, presses ---------------


@pytest.mark.parametrize("text", ["Since a month. Pulling, 5 on 10.", "pulling 6/10", "hamstring, pulling 4"])
def test_pulling_said_with_its_score_is_how_it_feels(text: str, knowledge: Any) -> None:
    facts = first_facts(text, knowledge)
    assert facts.get("sensation") == "tight" and "activity" not in facts


@pytest.mark.parametrize("text", ["pulling 2 trolleys at work", "Pulling."])
def test_pulling_without_a_score_stays_a_doing(text: str, knowledge: Any) -> None:
    assert first_facts(text, knowledge).get("activity") == "pulling"


@pytest.mark.parametrize(("text", "expected"), [("a dull ache, 3 mebbe", 3), ("6 mibbe", 6), ("4 prolly", 4)])
def test_a_score_with_maybe_as_scots_write_it(text: str, expected: int) -> None:
    assert score(text) == expected


def test_the_bottom_of_a_foot_said_without_the(knowledge: Any) -> None:
    places = _places("my left foot hurt on bottom, near the heel", knowledge)
    assert "buttock" not in places


@pytest.mark.parametrize("text", ["my bottom hurts", "my back hurts, my bottom hurts too"])
def test_the_bottom_said_as_itself_stays(text: str, knowledge: Any) -> None:
    assert "buttock" in _places(text, knowledge)


@pytest.mark.parametrize(("text", "expected"), [
    ("I pick the banjo every evening and my wrist aches", "gripping"),
    ("sore since I started doing overhead presses", "overhead_work"),
    ("my wrist aches, I work from home", "computer_work"),
])
def test_more_doings(text: str, expected: str, knowledge: Any) -> None:
    assert first_facts(text, knowledge).get("activity") == expected
