"""Round 9 (blind set 12): the ways people name a place, a feeling or a cause that were lost or misread.

Each class has the set's wording and at least one of our own, and the negative cases that must not change.
"""

from __future__ import annotations

from typing import Any

import pytest

from bot.dialogue.facts import intake_slots
from bot.dialogue.state import MENTIONS_KEY, read_state
from bot.nlp.extract import mentions_from_text
from core.types import Mention


def extract(text: str, knowledge: Any) -> list[Mention]:
    return mentions_from_text(text, knowledge.sided_regions, bare_intensity=True)


def places(text: str, knowledge: Any) -> list[tuple[str, str | None]]:
    return [(m.value, m.side) for m in extract(text, knowledge) if m.kind == "region" and m.present]


def present(text: str, kind: str, knowledge: Any) -> set[str]:
    return {m.value for m in extract(text, knowledge) if m.kind == kind and m.present}


def slots(knowledge: Any, *turns: str) -> dict[str, Any]:
    """The intake slots after a conversation of these user turns (as the facts policy reads them)."""
    events = [{"event": "user", "text": text, "parse_data": {"intent": {"name": "describe"}, MENTIONS_KEY: [
        m.to_dict() for m in extract(text, knowledge)]}} for text in turns]
    state = read_state(events)
    report = state.intake_report().refine(knowledge.vague_parts)
    return intake_slots(report, state.unknown_answers(), state.answers_in_words())


# ------------------------------------------------------------------ places: part and side in any order

@pytest.mark.parametrize(("text", "region", "side"), [
    ("Outer right thigh down to the outside of the knee", "thigh_outer", "right"),
    ("inner left thigh is sore after riding", "thigh_inner", "left"),
    ("right thigh outer side, aching", "thigh_outer", "right"),
    ("pain in my knee inner side", "knee_inner", None),
    ("my left shoulder front hurts", "shoulder_front", "left"),
    ("lower left back has been stiff", "low_back", "left"),
    ("bicep pain l arm front", "upper_arm_front", "left"),
])
def test_part_and_side_in_any_order(text: str, region: str, side: str | None, knowledge) -> None:  # type: ignore[no-untyped-def]
    assert places(text, knowledge)[0] == (region, side)


@pytest.mark.parametrize(("text", "region"), [
    ("front of my right thigh", "thigh_front"),
    ("the outside of my right thigh", "thigh_outer"),
    ("my right thigh", "thigh_front"),
])
def test_usual_orders_unchanged(text: str, region: str, knowledge) -> None:  # type: ignore[no-untyped-def]
    assert places(text, knowledge)[0] == (region, "right")


def test_outer_thigh_is_the_main_place_of_the_message(knowledge) -> None:  # type: ignore[no-untyped-def]
    assert slots(knowledge, "Evening. Outer right thigh down to the outside of the knee. It's a tight burning strip, "
                            "worse on climbs. I'd rate it 4.")["pain_location"] == "thigh_outer:right"


# ------------------------------------------------------------------ places: the first place named is the main one

@pytest.mark.parametrize(("text", "first"), [
    ("hello, my head pain at forehead and around eye, left side", "forehead:left"),
    ("headache in my temple and behind the eye", "temple"),
    ("my head hurts around the eye and the forehead, right side", "eye:right"),
])
def test_a_vague_place_gives_way_to_the_places_named_in_it(text: str, first: str, knowledge) -> None:  # type: ignore[no-untyped-def]
    assert slots(knowledge, text)["pain_location"] == first


def test_a_part_word_that_is_no_place_still_refines(knowledge) -> None:  # type: ignore[no-untyped-def]
    said = places("headache behind my eyes and at the back", knowledge)
    assert ("eye", None) in said and ("temple", None) in said  # the back still refines the head (to occiput)
    assert "back" in present("headache behind my eyes and at the back", "part", knowledge)


def test_a_side_said_with_the_vague_place_stays(knowledge) -> None:  # type: ignore[no-untyped-def]
    assert places("arch of r foot sore", knowledge) == [("sole", "right")]


# ------------------------------------------------------------------ places: "hand" that is no hand

@pytest.mark.parametrize("text", [
    "by 7am when I hand over it's grumpier",
    "I have to hand in my report by friday and my neck is stiff",
    "hands-on job all day, my neck aches",
    "on the other hand my neck is fine",
    "bought a second hand chair and my back aches",
    "my shoulder aches after kneading dough by hand",
    "could you give me a hand with my shoulder",
])
def test_hand_in_a_saying_or_as_a_verb_is_no_hand(text: str, knowledge) -> None:  # type: ignore[no-untyped-def]
    mentions = extract(text, knowledge)
    assert not [m for m in mentions if m.kind == "region" and m.value in {"hand_back", "palm"}], mentions
    assert not [m for m in mentions if m.kind == "side" and m.value == "other"]


@pytest.mark.parametrize(("text", "region"), [
    ("pain in the back of my hand", "hand_back"),
    ("my hand hurts", "hand_back"),
    ("my right hand over the keyboard aches", "hand_back"),
    ("hand in the morning is stiff", "hand_back"),
    ("sore hand after typing", "hand_back"),
])
def test_the_hand_itself_is_still_the_hand(text: str, region: str, knowledge) -> None:  # type: ignore[no-untyped-def]
    assert region in present(text, "region", knowledge)


# ------------------------------------------------------------------ places: corrections

@pytest.mark.parametrize("correction", [
    "actually no its more round the kneecap itself than the thigh",
    "it's more the kneecap than the thigh really",
    "rather the kneecap than the thigh, sorry",
])
def test_more_here_than_there_moves_the_place(correction: str, knowledge) -> None:  # type: ignore[no-untyped-def]
    assert slots(knowledge, "front of right thigh above knee, aching, 5, 3 weeks",
                 correction)["pain_location"] == "knee_front:right"


def test_a_place_after_than_is_not_where_it_hurts(knowledge) -> None:  # type: ignore[no-untyped-def]
    mentions = extract("more in my calf than my shin", knowledge)
    assert present("more in my calf than my shin", "region", knowledge) == {"calf"}
    assert any(m.kind == "region" and m.value == "shin" and m.negated for m in mentions)


@pytest.mark.parametrize(("first", "correction", "expected"), [
    ("Left knee, inner side. Aching, 5/10, about six weeks, worse on the stairs.",
     "Apologies, I have misled you. It is the RIGHT knee. The left one is my replacement from 2015 and that one "
     "is fine.",
     "knee_inner:right"),
    ("left knee aches", "I got it wrong, it's my right knee", "knee_front:right"),
    ("outside of my left elbow, sore", "wrong side, it's the right elbow", "elbow_outer:right"),
])
def test_a_side_correction_of_the_same_joint(first: str, correction: str, expected: str,
                                            knowledge) -> None:  # type: ignore[no-untyped-def]
    assert slots(knowledge, first, correction)["pain_location"] == expected


def test_a_year_is_no_cause(knowledge) -> None:  # type: ignore[no-untyped-def]
    text = "The left one is my replacement from 2015 and that one is fine."
    assert not present(text, "trigger_words", knowledge)


@pytest.mark.parametrize(("answer", "side"), [("r", "right"), ("l", "left"), ("R.", "right"), ("lt", "left")])
def test_one_letter_side_answer(answer: str, side: str, knowledge) -> None:  # type: ignore[no-untyped-def]
    assert slots(knowledge, "thumb hurts", answer)["pain_location"] == f"thumb:{side}"
    assert slots(knowledge, "my knee hurts", answer)["pain_location"] == f"knee_front:{side}"


@pytest.mark.parametrize("text", ["r u a robot", "l o l", "r we done"])
def test_a_letter_inside_a_sentence_is_no_side(text: str, knowledge) -> None:  # type: ignore[no-untyped-def]
    assert not present(text, "side", knowledge)


# ------------------------------------------------------------------ feelings

@pytest.mark.parametrize(("text", "feeling"), [
    ("it is catching type of pain", "sharp"),
    ("a catching feeling in my neck when I turn", "sharp"),
    ("my head, like squeeze", "pressure"),
    ("it squeezes my temples", "pressure"),
    ("squeezing pain at the back of my head", "pressure"),
    ("he say is like knife when he stand up", "stabbing"),
    ("like a blade in my side when I twist", "stabbing"),
    ("e dey do me like dull heavy pain", "dull"),
    ("dull heavy feeling in my hips", "dull"),
])
def test_feelings_in_other_words(text: str, feeling: str, knowledge) -> None:  # type: ignore[no-untyped-def]
    assert feeling in present(text, "sensation", knowledge)


@pytest.mark.parametrize("text", [
    "my foot keeps catching on the step",
    "catching the bus in the morning",
    "squeeze the ball gently",
    "should I be squeezing my shoulder harder",
])
def test_feeling_words_used_as_doings_are_no_feeling(text: str, knowledge) -> None:  # type: ignore[no-untyped-def]
    assert not present(text, "sensation", knowledge) & {"sharp", "pressure"}


# ------------------------------------------------------------------ what makes it worse

@pytest.mark.parametrize("text", [
    "headache right temple, throbbing, 6, 3 weeks, worse end of work day",
    "my feet are burning by the end of service",
    "my feet hurt by the end of my shift",
    "worse at the end of the working day",
    "worse after my shift",
])
def test_end_of_the_working_day(text: str, knowledge) -> None:  # type: ignore[no-untyped-def]
    assert "evening" in present(text, "timing", knowledge)


def test_end_of_work_day_answers_what_makes_it_worse(knowledge) -> None:  # type: ignore[no-untyped-def]
    assert slots(knowledge, "headache right temple, throbbing, 6, 3 weeks, worse end of work day")[
        "pain_trigger"] == "evening"


@pytest.mark.parametrize(("text", "activity"), [
    ("with my arms up blow drying all day", "overhead_work"),
    ("my shoulder burns after blow-drying hair", "overhead_work"),
    ("neck aches working with my arms raised", "overhead_work"),
    ("10 hour days in the van, in and out constantly", "driving"),
    ("my back hurts getting in and out of the car all day", "driving"),
    ("I'm a delivery driver and my back aches", "driving"),
    ("14-hour shifts on a tiled kitchen floor", "standing"),
    ("heels sore from working on concrete floors", "standing"),
    ("my thumb hurts from txting", "phone_use"),
    ("neck sore from texting", "phone_use"),
])
def test_causes_in_other_words(text: str, activity: str, knowledge) -> None:  # type: ignore[no-untyped-def]
    assert activity in present(text, "activity", knowledge)


@pytest.mark.parametrize(("text", "words"), [
    ("burning knot. I'm up at 3am every day kneading 40kg of dough by hand. about 6 weeks. 5/10",
     "kneading 40kg of dough by hand"),
    ("wrist pain, all day rolling out pastry for the bakery", "rolling out pastry"),
    ("my forearm aches after kneading bread", "kneading bread"),
])
def test_hand_work_in_own_words(text: str, words: str, knowledge) -> None:  # type: ignore[no-untyped-def]
    assert words in present(text, "trigger_words", knowledge)


def test_hairdresser_and_chef_whole_messages(knowledge) -> None:  # type: ignore[no-untyped-def]
    hair = slots(knowledge, "Hiya, the top of my right shoulder is so tight, like a rock. I'm a hairdresser, 10 hour "
                            "days on Fridays and Saturdays with my arms up blow drying all day. 6.")
    assert hair["pain_trigger"] == "overhead_work" and hair["pain_location"] == "shoulder_top:right"
    chef = slots(knowledge, "Chef here, 14-hour shifts on a tiled kitchen floor, 6 days a week. Both my feet, the "
                            "arches, are burning by the end of service. 6/10 by midnight.")
    assert chef["pain_trigger"] == "standing"


@pytest.mark.parametrize(("text", "region"), [
    ("me back is killing me, bottom of it on the left, proper tight, 7", "low_back:left"),
    ("my bottom hurts on the left when I sit", "buttock:left"),
])
def test_a_part_of_the_place_just_named_is_no_new_place(knowledge: Any, text: str, region: str) -> None:
    assert slots(knowledge, text)["pain_location"] == region


@pytest.mark.parametrize(("text", "trigger"), [
    ("Both my feet, the arches, are burning by the end of service. maybe 6 weeks. 6/10", "evening"),
])
def test_by_the_end_of_the_day_says_what_makes_it_worse(knowledge: Any, text: str, trigger: str) -> None:
    assert slots(knowledge, text)["pain_trigger"] == trigger
