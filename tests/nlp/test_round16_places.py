"""Round 16 (conversations set 26): whose place it is, the back of a limb's part said in the plural, the side said of
something that is fine, and an electric current felt; each as a class, in our own words, with the nearby readings that
must not change.

Read as the bot reads them: the real pipeline (mentions), and end to end through the dialogue state and the intake
slots (`location`).
"""

from __future__ import annotations

from typing import Any

import pytest

from bot.nlp.extract import mentions_from_text
from bot.nlp.replies import read_pressure
from core.types import Mention, Pressure
from tests.support.reading import slots_after


def _mentions(text: str, knowledge: Any) -> list[Mention]:
    return mentions_from_text(text, knowledge.sided_regions, bare_intensity=True)


def places(text: str, knowledge: Any) -> list[tuple[str, str | None]]:
    """The places (with their sides) the message states as the pain's own, in order."""
    return [(m.value, m.side) for m in _mentions(text, knowledge) if m.kind == "region" and m.present]


def theirs(text: str, knowledge: Any) -> list[str]:
    """The places the message gives to someone else."""
    return [m.value for m in _mentions(text, knowledge) if m.kind == "region" and m.other_person]


def sides(text: str, knowledge: Any) -> list[str]:
    """The sides said on their own (no place named)."""
    return [str(m.value) for m in _mentions(text, knowledge) if m.kind == "side"]


def location(knowledge: Any, monkeypatch: pytest.MonkeyPatch, *turns: str) -> str | None:
    """The `pain_location` slot (region, ":side" when one is known) after these user turns."""
    return slots_after(list(turns), knowledge, monkeypatch).get("pain_location")


# ------------------------------------------------------------ a relative spoken to, or owning a thing, owns no place

@pytest.mark.parametrize(("text", "expected"), [
    ("Sister my left wrist is aching since Monday", [("wrist_back", "left")]),
    ("hello doctor brother my neck is very stiff", [("neck_back", None)]),
    ("Mum my tummy and my knee hurt", [("lower_abdomen", None), ("knee_front", None)]),
    ("Sir, the heel of my left foot is sore in the mornings", [("heel", "left")]),
    ("Boss my upper back has been stiff all week", [("upper_back", None)]),
    ("I've been doing squats with my granddaughter's exercise video and my knees ache", [("knee_front", "both")]),
    ("since I started using my nephew's old gaming chair my lower back is sore", [("low_back", None)]),
    ("took my grandson's football boots for a kickabout and now the top of my foot hurts", [("foot_top", None)]),
    ("new mum here, my wrist is sore from lifting the baby", [("wrist_back", None)]),
    ("I'm a dad of twins and my right shoulder aches", [("shoulder_top", "right")]),
])
def test_a_relative_addressed_or_owning_a_thing_leaves_the_writers_place(text: str, expected: list[Any],
                                                                          knowledge: Any) -> None:
    assert places(text, knowledge) == expected
    assert theirs(text, knowledge) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("my daughter's ankle is swollen", ["ankle"]),
    ("my husband has a bad shoulder", ["shoulder_top"]),
    ("my little brother's knee hurts after rugby", ["knee_front"]),
    ("my mum's hip is sore and my knee aches too", ["hip_side"]),  # the knee is the writer's
])
def test_someone_elses_place_stays_theirs(text: str, expected: list[str], knowledge: Any) -> None:
    assert theirs(text, knowledge) == expected


def test_the_writers_own_eye_said_after_what_a_relative_says(knowledge: Any) -> None:
    # "my wife says my eyelid droops": what the relative sees is the writer's
    found = _mentions("my partner says my right eyelid looks droopy", knowledge)
    assert all(not m.other_person for m in found if m.kind in {"region", "finding"})


@pytest.mark.parametrize(("turns", "expected"), [
    (["Brother my left hip is paining for one week"], "hip_side:left"),
    (["Aunty, my right knee is sore when I climb stairs"], "knee_front:right"),
    (["writing for my dad, his left calf is tight"], "calf:left"),  # a carer: the patient's place is used
])
def test_the_place_reaches_the_intake(turns: list[str], expected: str, knowledge: Any,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    assert location(knowledge, monkeypatch, *turns) == expected


# ------------------------------------------------------------ the backs of a limb's parts, said in the plural

@pytest.mark.parametrize(("text", "expected"), [
    ("the backs of both my hands are sore from the cold", [("hand_back", "both")]),
    ("backs of both of my upper arms ache after press-ups", [("upper_arm_back", "both")]),
    ("the backs of both my knees feel tight", [("knee_back", "both")]),
    ("backs of my thighs are stiff after the hike", [("thigh_back", "both")]),
    ("the back sides of my calves are sore", [("calf", "both")]),
    ("pain at the back side of my left knee", [("knee_back", "left")]),
    ("the back part of his right thigh is tight", [("thigh_back", "right")]),
    ("the tops of both my feet ache", [("foot_top", "both")]),
])
def test_the_back_of_a_part_said_in_the_plural_is_that_parts_back(text: str, expected: list[Any],
                                                                   knowledge: Any) -> None:
    assert places(text, knowledge) == expected


@pytest.mark.parametrize("text", ["my neck back side is stiff", "neck, back side, sore 4/10",
                                  "stiff at the back side of my neck"])
def test_the_necks_back_side_is_no_low_back(text: str, knowledge: Any) -> None:
    assert [place for place, _ in places(text, knowledge)] == ["neck_back"]


@pytest.mark.parametrize(("text", "expected"), [
    ("left knee back part is sore", [("knee_back", "left")]),
    ("my wrist back side hurts", [("wrist_back", None)]),
    ("my shoulder back side aches", [("shoulder_back", None)]),
])
def test_a_parts_back_said_after_it(text: str, expected: list[Any], knowledge: Any) -> None:
    assert places(text, knowledge) == expected


@pytest.mark.parametrize("text", ["I had the op a few years back and my knee aches",
                                  "it started a week or two back, my knee aches"])
def test_back_as_a_time_ago_is_no_place(text: str, knowledge: Any) -> None:
    assert [place for place, _ in places(text, knowledge)] == ["knee_front"]


def test_the_low_back_and_both_knees_stay(knowledge: Any) -> None:
    assert [place for place, _ in places("my back and both my knees ache", knowledge)] == ["low_back", "knee_front"]


# ------------------------------------------------------------ a side that is fine, denied or mended is not the pain's

@pytest.mark.parametrize(("text", "expected"), [
    ("oh sorry it is the left side, the right is ok", ["left"]),
    ("hang on no, it's the left one, right one's grand", ["left"]),
    ("Left this time. I had the right one done years ago and it's been great", ["left"]),
    ("left side, the right one was replaced in 2018 and no trouble since", ["left"]),
    ("right. hmm no actually he's showing me the left one, sorry. left", ["left"]),
    ("the left, no sorry, the right. my fault", ["right"]),
    ("sorry, the right. I'm left handed so I typed left", ["right"]),  # the side said of something else stays out
])
def test_the_side_meant_wins_over_one_said_to_be_fine_or_corrected(text: str, expected: list[str],
                                                                   knowledge: Any) -> None:
    assert sides(text, knowledge) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("my left ankle hurts, right is fine", [("ankle", "left")]),
    ("it's my right elbow, the left one feels normal", [("elbow_outer", "right")]),
    ("my shoulder hurts, not the right, the left", [("shoulder_top", "left")]),
    ("my calf is tight and sore, the left leg is fine", [("calf", None)]),
])
def test_a_place_is_not_denied_by_the_other_side_being_fine(text: str, expected: list[Any], knowledge: Any) -> None:
    assert places(text, knowledge) == expected


def test_a_place_said_to_be_fine_is_still_denied(knowledge: Any) -> None:
    assert places("my left knee is fine now", knowledge) == []


@pytest.mark.parametrize(("turns", "expected"), [
    (["my hip aches", "oh wait no it's the left, right is fine"], "hip_side:left"),
    (["my right knee hurts", "sorry, the left one. right is ok"], "knee_front:left"),
    (["my ankle is sore", "left", "no wait, he says the right one, sorry. right"], "ankle:right"),
    (["the side of my hip aches", "Right side... I had the left one replaced years ago and that's been fine"],
     "hip_side:right"),
])
def test_the_side_reaches_the_intake(turns: list[str], expected: str, knowledge: Any,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    assert location(knowledge, monkeypatch, *turns) == expected


# ------------------------------------------------------------ an electric current felt is the electric feeling

@pytest.mark.parametrize("text", [
    "it's like a current going into my thumb when I press",
    "feels like electricity down to my little finger",
    "current passing down my arm to my hand",
    "kind of like an electric current in my fingertips",
])
def test_an_electric_current_felt_is_the_electric_feeling(text: str, knowledge: Any) -> None:
    felt = [m for m in _mentions(text, knowledge) if m.kind == "sensation" and m.value == "electric"]
    assert felt and felt[0].present
    # the pressure loop reads the feeling as a stop sign
    assert read_pressure(text, sensations=[str(m.value) for m in felt]).direction is Pressure.STOP


@pytest.mark.parametrize("text", ["my current pain is about 5", "the current exercises help my knee",
                                  "is this my current job's fault, my wrist aches"])
def test_current_as_now_is_no_feeling(text: str, knowledge: Any) -> None:
    assert not any(m.kind == "sensation" and m.value == "electric" for m in _mentions(text, knowledge))
