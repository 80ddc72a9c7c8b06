"""Round 13 (conversations set 20): where it hurts and which side, each as a class, in our own words, with the nearby
readings that must not change.

Read as the bot reads them: the real pipeline (mentions), and end to end through the dialogue state and the intake
slots (`location`).
"""

from __future__ import annotations

from typing import Any

import pytest

from bot.nlp.extract import mentions_from_text
from core.types import Mention, PainReport
from tests.support.reading import slots_after


def _mentions(text: str, knowledge: Any) -> list[Mention]:
    return mentions_from_text(text, knowledge.sided_regions, bare_intensity=True)


def places(text: str, knowledge: Any) -> list[str]:
    """The places the message states as the pain's own, in order."""
    return [m.value for m in _mentions(text, knowledge) if m.kind == "region" and m.present]


def location(knowledge: Any, monkeypatch: pytest.MonkeyPatch, *turns: str) -> str | None:
    """The `pain_location` slot (region, ":side" when one is known) after these user turns."""
    return slots_after(list(turns), knowledge, monkeypatch).get("pain_location")


def report(knowledge: Any, *turns: str) -> list[tuple[str, str | None]]:
    """The report's places and sides after these turns, message by message, made precise by the parts said."""
    return PainReport.from_messages(_mentions(turn, knowledge) for turn in turns).refine(knowledge.vague_parts).regions


# ------------------------------------------------------------ the side of the forearm named by what faces that way

@pytest.mark.parametrize(("turns", "expected"), [
    (["right forearm, palm side, pumped and achy after climbing"], "forearm_front:right"),
    (["forearm ache on the palm side, left, 3 weeks"], "forearm_front:left"),
    (["my forearm is tight, more on the inside"], "forearm_front"),
    (["my left forearm hurts", "the palm side"], "forearm_front:left"),
    (["the little finger side of my right forearm aches"], "forearm_front:right"),
    (["my right forearm aches, knuckle side"], "forearm_back:right"),
    (["sore on the back of my forearm"], "forearm_back"),
    (["pain on the thumb side of my left forearm"], "forearm_back:left"),
    (["forearm pain from gripping"], "forearm_back"),  # the bare word stays as it was
])
def test_a_forearm_side_named_by_the_hand(turns: list[str], expected: str, knowledge: Any,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    assert location(knowledge, monkeypatch, *turns) == expected


@pytest.mark.parametrize("text", ["left forearm, palm side", "forearm pump, on the knuckle side",
                                  "pain in my forearm, thumb side"])
def test_the_hand_part_naming_a_side_is_no_place_of_its_own(text: str, knowledge: Any) -> None:
    assert places(text, knowledge) == ["forearm_back"]


@pytest.mark.parametrize(("text", "expected"), [
    ("my palm hurts when I grip", ["palm"]),
    ("pain in the palm of my hand", ["palm"]),
    ("my thumb is sore", ["thumb"]),
    ("the palm side of my wrist", ["wrist_front"]),
    ("knuckle side of my hand aches", ["hand_back"]),
])
def test_the_hand_parts_themselves_stay(text: str, expected: list[str], knowledge: Any) -> None:
    assert places(text, knowledge) == expected


# ------------------------------------------------------------------ outer and inner in formal or translated words

@pytest.mark.parametrize(("text", "expected"), [
    ("I have pain in the external part of my right elbow", "elbow_outer"),
    ("lateral side of my left elbow burns", "elbow_outer"),
    ("the interior of my elbow is sore", "elbow_inner"),
    ("pain in the internal part of the knee", "knee_inner"),
    ("ache on the medial side of my knee", "knee_inner"),
    ("exterior side of the thigh aches", "thigh_outer"),
    ("the external part of my thigh burns", "thigh_outer"),
    ("internal side of my thigh pulls", "thigh_inner"),
    ("pain in the external part of the shoulder", "shoulder_outer"),
    ("lateral part of my hip hurts", "hip_side"),
    ("the internal side of my wrist", "wrist_front"),
])
def test_outer_and_inner_said_formally(text: str, expected: str, knowledge: Any) -> None:
    assert places(text, knowledge) == [expected]


@pytest.mark.parametrize(("turns", "expected"), [
    (["my right knee hurts", "the internal part"], [("knee_inner", "right")]),
    (["my elbow aches", "on the external side"], [("elbow_outer", None)]),
    (["my left hip is sore", "more the lateral part"], [("hip_side", "left")]),
])
def test_outer_and_inner_said_formally_as_the_part(turns: list[str], expected: list[tuple[str, str | None]],
                                                     knowledge: Any) -> None:
    assert report(knowledge, *turns) == expected


def test_a_question_about_trigger_points_is_no_point_of_the_elbow(knowledge: Any) -> None:
    turns = ["pain in the external part of my right elbow", "sorry, what exactly is a trigger point?"]
    assert report(knowledge, *turns) == [("elbow_outer", "right")]
    assert report(knowledge, "my right elbow hurts", "what's a trigger point then?") == [("elbow_outer", "right")]
    assert report(knowledge, "my right elbow hurts", "at the point of it") == [("elbow_back", "right")]


# ------------------------------------------------------------------ a hand part used to press is no place

@pytest.mark.parametrize("text", [
    "Alright, I've got my thumb on the spot you described, he says it's a 5",
    "pressing with my fingers now, about a 6",
    "I'm using my elbow on it, feels like a 7",
    "pushing on it with the heel of my hand, it's a good ache",
    "doing it with my knuckles now, 5/10",
    "I put my hand on the sore spot and held it",
    "rubbing it with my left thumb",
])
def test_the_hand_that_presses_is_no_place(text: str, knowledge: Any) -> None:
    found = _mentions(text, knowledge)
    assert not [m for m in found if m.kind in ("region", "part")]


def test_a_pressing_thumb_does_not_take_the_place_said_before(knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    turns = ["He keeps rubbing his left shoulder blade and says it aches",
             "I've got my thumb on the spot you described, he says it's a 5"]
    assert location(knowledge, monkeypatch, *turns) == "shoulder_blade:left"


@pytest.mark.parametrize(("text", "expected"), [
    ("it hurts when I press with my thumb", ["thumb"]),  # what hurts when used
    ("my thumb hurts when I grip", ["thumb"]),
    ("I lean on my elbow at the desk all day and it aches", ["elbow_outer"]),
    ("my wrist hurts when I press with my thumb", ["wrist_back"]),  # another place: the thumb presses
    ("I press buttons with my thumb all day and it aches", ["thumb"]),
    ("I work with my hands and they ache by the evening", ["hand_back"]),
    ("massaging my calf with my hands helps a bit but it's still sore", ["calf"]),
])
def test_a_hand_part_that_hurts_stays(text: str, expected: list[str], knowledge: Any) -> None:
    assert places(text, knowledge) == expected


def test_the_one_arm_a_task_is_done_with_is_no_place(knowledge: Any) -> None:
    assert places("it's the car seat, hauling it in and out of the car with one arm", knowledge) == []
    assert places("my arm hurts when I lift the car seat", knowledge) == ["upper_arm_outer"]


# ------------------------------------------------------------ the pain's side over one said of something else

@pytest.mark.parametrize(("turns", "expected"), [
    (["my neck's been stiff on the left side, mostly the side bit going down to the top of the shoulder",
      "it's the car seat, hauling it in and out of the car with one arm",
      "sorry, the other side. it's my right. I carry the seat on the left so I got muddled"], "neck_side:right"),
    (["my left knee hurts", "oops, wrong side, it's the right. I sleep on my left so I mixed them up"],
     "knee_front:right"),
    (["my left shoulder is sore at the top", "no, the other one. the right. I hold the baby on my left"],
     "shoulder_top:right"),
    (["my hip hurts on the right", "sorry it's my left. I'm right handed so I said right"], "hip_side:left"),
    (["my neck is stiff on the left", "sorry, I meant right. the bag goes on my left"], "neck_back:right"),
    (["the top of my left shoulder is sore", "sorry, it's the other shoulder"], "shoulder_top:right"),
    (["my left knee hurts", "wrong knee, it's the other one"], "knee_front:right"),
    (["my right knee hurts", "sorry, the other knee. I sleep on my right so I mixed them up"], "knee_front:left"),
    (["my left hip aches", "sorry, it's the right hip. I carry my son on my left hip"], "hip_side:right"),
])
def test_the_pains_side_wins_over_a_side_said_of_something_else(turns: list[str], expected: str, knowledge: Any,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    assert location(knowledge, monkeypatch, *turns) == expected


@pytest.mark.parametrize(("turns", "expected"), [
    (["my right wrist aches", "I write with my left, so it's not the writing"], "wrist_back:right"),
    (["my neck hurts on the right", "I use the mouse with my right"], "neck_back:right"),
    (["the top of my shoulder hurts, I carry my bag on the right"], "shoulder_top:right"),  # no other side: its own
    (["my hip aches", "it hurts when I lie on my left side"], "hip_side:left"),
])
def test_a_side_of_something_else_said_alone(turns: list[str], expected: str, knowledge: Any,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    assert location(knowledge, monkeypatch, *turns) == expected


# ------------------------------------------------------------------ the side of the neck said as a part

@pytest.mark.parametrize(("turns", "expected"), [
    (["my neck's stiff on the right, mostly the side bit"], [("neck_side", "right")]),
    (["my neck hurts", "the side of it, on the left"], [("neck_side", "left")]),
    (["my neck hurts, at the back"], [("neck_back", None)]),
    (["my neck hurts on the left side"], [("neck_back", "left")]),  # the side word is which side, not the part
    (["sore neck, both sides"], [("neck_back", "both")]),
    (["my neck hurts", "the side of my neck"], [("neck_side", None)]),  # one place, made exact
])
def test_the_side_of_the_neck_said_as_a_part(turns: list[str], expected: list[tuple[str, str | None]],
                                              knowledge: Any) -> None:
    assert report(knowledge, *turns) == expected


# ------------------------------------------------------------------ the tailbone in lay and translated words

@pytest.mark.parametrize("text", [
    "pain in bottom of back, in the bone when I sit",
    "the bone at the bottom of my spine hurts",
    "the very bottom of my back where I sit is sore",
    "my tail bone aches after the drive",
    "pain in the coccix since I fell",
    "the base of my spine, the bone I sit on, is sore",
    "the little bone at the bottom of my spine",
])
def test_the_tailbone_in_lay_words(text: str, knowledge: Any) -> None:
    assert places(text, knowledge) == ["tailbone"]


@pytest.mark.parametrize(("text", "expected"), [
    ("my lower back aches when I sit", ["low_back"]),
    ("the bottom of my back hurts when I sit for long", ["low_back"]),
    ("pain at the bottom of my back and my hip bone", ["low_back", "hip_side"]),
    ("my sit bones ache on the bike", ["buttock"]),
    ("pain at the base of my spine", ["sacrum"]),
])
def test_the_low_back_and_its_neighbours_stay(text: str, expected: list[str], knowledge: Any) -> None:
    assert places(text, knowledge) == expected


@pytest.mark.parametrize(("turns", "expected"), [
    (["my left knee hurts", "and the other knee is fine"], "knee_front:left"),  # no correction: nothing moves
    (["my left knee hurts", "the other day it was worse"], "knee_front:left"),
])
def test_the_other_one_said_without_a_correction_moves_nothing(turns: list[str], expected: str, knowledge: Any,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    assert location(knowledge, monkeypatch, *turns) == expected


def test_the_tops_of_the_shoulders(knowledge: Any) -> None:
    from bot.nlp.extract import mentions_from_text as read

    regions = [m.value for m in read("tops of my shoulders both sides r rock hard", knowledge.sided_regions)
               if m.kind == "region"]
    assert regions == ["shoulder_top"]
