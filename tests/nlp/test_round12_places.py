"""Round 12 (blind set 15, conversations set 18): places misread, each as a class, in our own words, with the nearby
readings that must not change.

Read as the bot reads them: the real pipeline (mentions) and the report built over the turns.
"""

from __future__ import annotations

from typing import Any

import pytest

from bot.nlp.extract import mentions_from_text
from core.types import Mention, PainReport


def _mentions(text: str, knowledge: Any) -> list[Mention]:
    return mentions_from_text(text, knowledge.sided_regions, bare_intensity=True)


def places(text: str, knowledge: Any) -> list[str]:
    """The places the message states as the pain's own, in order."""
    return [m.value for m in _mentions(text, knowledge) if m.kind == "region" and m.present]


def doings(text: str, knowledge: Any) -> list[str]:
    """The doings the message says bring the pain on."""
    return [m.value for m in _mentions(text, knowledge) if m.kind == "activity" and m.present]


def report_places(knowledge: Any, *turns: str) -> list[str]:
    """The report's places after these turns, message by message."""
    return PainReport.from_messages(_mentions(turn, knowledge) for turn in turns).region_ids


# ------------------------------------------------------------------ a limb or the head named as what is moved

@pytest.mark.parametrize(("text", "place", "moved"), [
    ("my neck is stiff and it hurts when I turn my head", "neck_back", "temple"),
    ("The top of my shoulder is sore, worst when I lift arm up", "shoulder_top", "upper_arm_outer"),
    ("lower back is painful whenever I move my left leg", "low_back", "calf"),
    ("my shoulder aches when I reach above my head", "shoulder_top", "temple"),
])
def test_a_moved_limb_is_no_place_when_another_hurts(text: str, place: str, moved: str, knowledge: Any) -> None:
    found = places(text, knowledge)
    assert place in found and moved not in found


@pytest.mark.parametrize("text", ["it hurts when I lift my arm", "my arm hurts when I move it"])
def test_the_limb_said_alone_is_still_the_place(text: str, knowledge: Any) -> None:
    assert places(text, knowledge) == ["upper_arm_outer"]


def test_a_part_said_near_the_moved_limb_still_says_where(knowledge: Any) -> None:
    found = _mentions("my right shoulder aches, mainly at the back when I raise my arm", knowledge)
    assert [m.value for m in found if m.kind == "part"] == ["back"]


# ------------------------------------------------------------------ one spot made exact by its landmarks

@pytest.mark.parametrize(("text", "exact"), [
    ("My back of the shoulder hurts a lot since moving house. Left side, between the shoulder blade and the spine.",
     "upper_back"),
    ("Rear shoulder is very painful after painting. Next to the shoulder blade, right side.", "upper_back"),
])
def test_a_place_made_exact_by_landmarks_is_one_place(text: str, exact: str, knowledge: Any) -> None:
    assert places(text, knowledge) == [exact]


@pytest.mark.parametrize("text", [
    "My neck hurts. Also between my shoulder blades.",  # one more place
    "My back of shoulder hurts. Between my shoulder blades it burns too.",  # a second pain
])
def test_a_further_place_is_kept(text: str, knowledge: Any) -> None:
    assert len(places(text, knowledge)) == 2


# ------------------------------------------------------------------ a bare joint word after its part is said

def test_a_bare_joint_word_does_not_undo_the_part_said_before(knowledge: Any) -> None:
    held = report_places(knowledge, "the outside of my right elbow hurts when I carry the shopping",
                         "I knocked my elbow on the door, hit the funny bone")
    assert held[0] == "elbow_outer"


def test_a_bare_joint_word_is_still_refined_by_a_part(knowledge: Any) -> None:
    assert report_places(knowledge, "my knee hurts", "mostly on the inside of the knee") == ["knee_inner"]


# ------------------------------------------------------------------ a place of an episode that is over

@pytest.mark.parametrize(("text", "gone"), [
    ("last year I had a sore hip for a month, it cleared up with rest", "hip_side"),
    ("my thumb tingled for a few seconds this morning when I knelt on my hand, totally fine now", "thumb"),
    ("Three years ago I had pins and needles in my foot but it went away after physio", "sole"),
])
def test_the_place_of_an_episode_over_is_not_the_pain(text: str, gone: str, knowledge: Any) -> None:
    assert gone not in places(text, knowledge)


@pytest.mark.parametrize(("text", "kept"), [
    ("I hurt my knee last year and it cleared up but now it's come back", "knee_front"),
    ("my calf aches after running, a month ago it was fine", "calf"),
    ("I've got an ache in my left shoulder since last year, it's tender, otherwise I feel totally fine",
     "shoulder_top"),
    ("the outside of my elbow aches when I grip, yesterday my finger went numb for a second, fine now",
     "elbow_outer"),
])
def test_a_place_that_hurts_now_stays(text: str, kept: str, knowledge: Any) -> None:
    assert kept in places(text, knowledge)


# ------------------------------------------------------------------ rolling onto a side, a doing said to be fine

@pytest.mark.parametrize("text", [
    "my hip aches at night when I roll onto that side",
    "my left shoulder throbs if I turn over onto my left side in bed",
    "it hurts to lie on it",
])
def test_rolling_onto_the_side_is_lying_on_it(text: str, knowledge: Any) -> None:
    assert "sleeping_side" in doings(text, knowledge)


@pytest.mark.parametrize(("text", "fine"), [
    ("if I lie on my back it's fine but on my side it aches", "lying_down"),
    ("when I sit it's ok, standing makes my back ache", "sitting"),
])
def test_a_doing_said_to_be_fine_is_no_trigger(text: str, fine: str, knowledge: Any) -> None:
    assert fine not in doings(text, knowledge)


def test_fine_at_first_is_still_a_trigger(knowledge: Any) -> None:
    assert "walking" in doings("my hip aches when I walk, it's fine at first then gets worse", knowledge)


# ------------------------------------------------------------------ "lower" written as its sound

@pytest.mark.parametrize(("text", "place"), [
    ("lore back pain", "low_back"),
    ("my lour back is killing me", "low_back"),
    ("uppa back sore from the gym", "upper_back"),
])
def test_lower_and_upper_written_as_sounds(text: str, place: str, knowledge: Any) -> None:
    found = _mentions(text, knowledge)
    assert any(m.kind == "region" and m.value == place and not m.vague and m.present for m in found)


def test_lore_back_then_is_not_a_place(knowledge: Any) -> None:
    assert places("I read the lore back then", knowledge) == []


# ------------------------------------------------------------------ "just" ends a list of denials

@pytest.mark.parametrize(("text", "place"), [
    ("no fever no headache jus stiff where neck meets shoulder", "neck_side"),
    ("no numbness no tingling, just a dull ache in my calf", "calf"),
])
def test_just_what_is_felt_ends_the_denials(text: str, place: str, knowledge: Any) -> None:
    assert place in places(text, knowledge)
