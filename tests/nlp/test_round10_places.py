"""Round 10 (blind set 14): places and sides that were lost or misread, each as a class: the set's wording, others
of our own in other words, and the nearby readings that must not change.

Read end to end, as the bot reads them: the real pipeline, the dialogue state and the intake slots.
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
    """The places the message states as the pain's own, with their sides."""
    return [(m.value, m.side) for m in extract(text, knowledge) if m.kind == "region" and m.present]


def location(knowledge: Any, *turns: str) -> str | None:
    """The `pain_location` slot after a conversation of these user turns (as the facts policy reads them)."""
    events = [{"event": "user", "text": text, "parse_data": {"intent": {"name": "describe"}, MENTIONS_KEY: [
        m.to_dict() for m in extract(text, knowledge)]}} for text in turns]
    state = read_state(events)
    report = state.intake_report().refine(knowledge.vague_parts)
    return intake_slots(report, state.unknown_answers(), state.answers_in_words()).get("pain_location")


def regions(text: str, knowledge: Any) -> set[str]:
    return {region for region, _side in places(text, knowledge)}


# ------------------------------------------------------------------ a place named as where a child or a load sits

BABY_ON_HIP = "top of my right shoulder up by my neck is so tight from carrying the baby on my hip all day"


def test_the_seat_of_a_carried_child_is_no_place_of_pain(knowledge: Any) -> None:
    assert "hip_side" not in regions(BABY_ON_HIP, knowledge)
    assert location(knowledge, BABY_ON_HIP) == "shoulder_top:right"


def test_the_other_side_with_the_childs_seat_moves_the_whole_description(knowledge: Any) -> None:
    """The set's correction: the side is the shoulder's (and the neck's), the right hip is where she sits."""
    assert location(knowledge, BABY_ON_HIP, "sorry i meant the other side, left, she goes on my right hip so i lean 🙈"
                    ) == "shoulder_top:left"


@pytest.mark.parametrize(("text", "expected"), [
    ("my neck is stiff on the right from carrying my toddler on my left hip", "neck_back:right"),
    ("lower back aches, I hold the baby on my right hip most of the day", "low_back"),
    ("he rides on my shoulders on our walks and now my lower back is sore", "low_back"),
])
def test_a_seat_in_other_words_keeps_neither_place_nor_side(text: str, expected: str, knowledge: Any) -> None:
    assert location(knowledge, text) == expected
    assert not regions(text, knowledge) & {"hip_side", "shoulder_top"}


def test_the_other_side_said_with_a_seat_flips_the_place(knowledge: Any) -> None:
    assert location(knowledge, "my neck hurts on the right",
                    "no wait the other side, the baby sits on my left hip") == "neck_back:left"


@pytest.mark.parametrize(("text", "expected"), [
    ("my hip hurts from carrying the baby", "hip_side"),
    ("my left hip aches when I carry my toddler", "hip_side:left"),
    ("carrying the baby on my hip has made my hip sore", "hip_side"),
    ("carrying my toddler on my left hip and it's really sore now", "hip_side:left"),
])
def test_a_hip_that_hurts_after_carrying_stays_the_place(text: str, expected: str, knowledge: Any) -> None:
    assert location(knowledge, text) == expected


# ------------------------------------------------------------------ the hand that holds something

@pytest.mark.parametrize(("text", "expected"), [
    ("stiff neck, my right hand holds the phone all day", "neck_back"),
    ("my neck aches on the left, I hold the phone in my right hand at work", "neck_back:left"),
    ("sore neck from work, I grip the mouse in my right hand for hours", "neck_back"),
    ("I lean on my left elbow all day at the desk and now my neck hurts", "neck_back"),
])
def test_the_side_of_a_holding_hand_is_not_the_pains(text: str, expected: str, knowledge: Any) -> None:
    assert location(knowledge, text) == expected
    assert "hand_back" not in regions(text, knowledge)


@pytest.mark.parametrize(("text", "place"), [
    ("my right hand aches when I hold the phone", ("hand_back", "right")),
    ("I can't hold a cup in my right hand, my wrist is agony", ("wrist_back", "right")),
    ("I hold my pen in my right hand and the hand cramps", ("hand_back", "right")),
    ("I lean on my left elbow all day and the elbow is sore", ("elbow_outer", "left")),
    ("it hurts to lean on my right elbow", ("elbow_outer", "right")),
    ("now my neck hurts and my grip has gone weak in my right hand", ("hand_back", "right")),
])
def test_a_hand_that_hurts_holding_stays(text: str, place: tuple[str, str], knowledge: Any) -> None:
    assert place in places(text, knowledge)


# ------------------------------------------------------------------ where a fall landed

TAILBONE = ("Hello, I'm writing for my father, he's 88 and lives with us. Three weeks ago he slipped on the wet patio "
            "and landed on his bottom. We took him to A&E that evening, they X-rayed him and nothing was broken. Since "
            "then he's had a sore, bruised sort of ache right at his tailbone, he says 4 out of 10, and it's worse "
            "sitting on the hard kitchen chairs.")


@pytest.mark.parametrize(("text", "expected"), [
    (TAILBONE, "tailbone"),
    ("I slipped on the ice and fell on my left hip, now my lower back aches on the right", "low_back:right"),
    ("fell off my bike onto my right shoulder on Sunday, since then the side of my neck is sore", "neck_side"),
    ("she tripped and came down on her knees, now it's the front of her right thigh that hurts", "thigh_front:right"),
    ("landed on my bum at the ice rink, my tailbone is agony", "tailbone"),
])
def test_where_a_fall_landed_gives_way_to_where_it_hurts(text: str, expected: str, knowledge: Any) -> None:
    assert location(knowledge, text) == expected


def test_where_a_fall_landed_stays_a_place_after_the_one_that_hurts(knowledge: Any) -> None:
    """Said after the place that hurts, with its own side, so a rule about a fall onto the hip still sees the hip."""
    assert places("I slipped on the ice and fell on my left hip, now my lower back aches on the right",
                  knowledge) == [("low_back", "right"), ("hip_side", "left")]


@pytest.mark.parametrize(("text", "expected"), [
    ("I fell on my hip last week and it's sore", "hip_side"),
    ("fell on my left knee, it's swollen and sore", "knee_front:left"),
    ("fell on my left hip and now the front of my hip hurts", "hip_front:left"),
    ("I slipped on the ice and landed on my right hip. Now it hurts terribly to put any weight on it. My foot on that "
     "side seems to be turned outwards a bit.", "hip_side:right"),
])
def test_a_fall_on_the_place_that_hurts_keeps_it(text: str, expected: str, knowledge: Any) -> None:
    assert location(knowledge, text) == expected


# ------------------------------------------------------------------ a joint mended long ago, fine now

TEACHER = ("I'm 71, retired in 2015 after 34 years of teaching infants. I weigh 68 kilos, had my left hip replaced in "
           "2019 and that's been marvellous, no trouble since. The problem is my lower back on the right side, just "
           "above the belt line. It's a dull, nagging ache.")


@pytest.mark.parametrize(("text", "expected"), [
    (TEACHER, "low_back:right"),
    ("My right knee was replaced five years ago and it's been perfect. The trouble is my left calf, tight and achy.",
     "calf:left"),
    ("I had surgery on my left shoulder in 2018, no problems since, but now my neck is stiff", "neck_back"),
    ("broke my left wrist as a teenager, never bothered me since. Now my right elbow aches.", "elbow_outer:right"),
])
def test_a_mended_joint_that_is_fine_is_no_place_of_pain(text: str, expected: str, knowledge: Any) -> None:
    assert location(knowledge, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("had my left hip replaced in 2019 and it's ached ever since", "hip_side:left"),
    ("since my knee op the knee has been sore", "knee_front"),
    ("my right knee was operated on last year and it's still sore", "knee_front:right"),
    ("had my right knee replaced in june and it was doing great", "knee_front:right"),
])
def test_a_mended_joint_that_hurts_stays_the_place(text: str, expected: str, knowledge: Any) -> None:
    assert location(knowledge, text) == expected


# ------------------------------------------------------------------ the side compared with

CALF = ["right calf aching since i got off the plane sat", "like a 5. worse walking up stairs"]


@pytest.mark.parametrize("later", [
    "wait ive just looked properly and its all swollen n red and hot, way fatter than my left one",
    "Now I look at it properly, the right calf is noticeably fatter than the left, it's warm and a bit red",
    "it's much bigger compared to the left",
    "it looks puffier than the other one",
    "it's not as thin as the left one anymore",
    "it's fatter than my left calf and red",
])
def test_the_side_compared_with_is_not_the_pains(later: str, knowledge: Any) -> None:
    assert location(knowledge, *CALF, later) == "calf:right"


@pytest.mark.parametrize("text", ["my calf is swollen, it's bigger than the left one",
                                  "my calf is much fatter than my left calf"])
def test_a_comparison_alone_gives_no_side(text: str, knowledge: Any) -> None:
    assert location(knowledge, text) == "calf"


@pytest.mark.parametrize(("text", "expected"), [
    ("more on the right than the left, in my lower back", "low_back:right"),
    ("my right knee is worse than the left", "knee_front:right"),
])
def test_the_side_said_against_another_is_the_pains(text: str, expected: str, knowledge: Any) -> None:
    assert location(knowledge, text) == expected


@pytest.mark.parametrize("later", ["I googled it and scared myself. It's just muscular, right?",
                                   "probably just the bench right?"])
def test_a_question_tag_is_no_side(later: str, knowledge: Any) -> None:
    """"..., right?" asks for agreement; it must not move the places just described to the right."""
    assert location(knowledge, "Left side of my neck is stiff and sore, about a 6", later) == "neck_side:left"
    assert location(knowledge, "Left side of my neck is stiff and sore, worse turning to look over my shoulder",
                    later) == "neck_side:left"


@pytest.mark.parametrize(("turns", "expected"), [
    (["left calf hurts more than the right"], "calf:left"),
    (["sore calf", "it's the left one"], "calf:left"),
    (["right calf aching", "sorry, the other one"], "calf:left"),
])
def test_a_side_said_for_the_pain_still_counts(turns: list[str], expected: str, knowledge: Any) -> None:
    assert location(knowledge, *turns) == expected


# ------------------------------------------------------------------ a place said of another person

@pytest.mark.parametrize(("text", "expected"), [
    ("Hello, I'm typing this for my dad, he's 84. He's been raking leaves most mornings since the beginning of "
     "October, and he's had an ache across the top of his left shoulder going up into the side of his neck ever "
     "since.", "shoulder_top:left"),
    ("Hi, writing for my son Josh who is 16. He has pain between his shoulder blades, both sides, he calls it a dull "
     "ache", "upper_back:both"),
    ("my mum has pain at the back of her left knee", "knee_back:left"),
    ("writing for my husband, the side of his neck is stiff on the right", "neck_side:right"),
])
def test_a_carers_words_for_the_patients_body(text: str, expected: str, knowledge: Any) -> None:
    assert location(knowledge, text) == expected


def test_another_persons_place_and_its_side_are_not_the_writers(knowledge: Any) -> None:
    text = "my neck aches, my wife has the same in her left shoulder"
    assert location(knowledge, text) == "neck_back"
    assert any(m.kind == "region" and m.value == "shoulder_top" and m.other_person for m in extract(text, knowledge))


@pytest.mark.parametrize(("text", "expected"), [
    ("my dad has a stiff neck, right side", "neck_back:right"),
    ("my daughter's left knee hurts after netball", "knee_front:left"),
    ("the back of my left knee aches", "knee_back:left"),
])
def test_places_said_for_one_person_unchanged(text: str, expected: str, knowledge: Any) -> None:
    assert location(knowledge, text) == expected


# ------------------------------------------------------------------ places read too coarse or to the neighbour

@pytest.mark.parametrize(("text", "expected"), [
    ("Since Thursday I've had a sharp pain in the left side of my chest, just below the collarbone towards the "
     "shoulder. Maybe a 4 out of 10.", "chest:left"),
    ("pain on the right side of my chest near the collarbone", "chest:right"),
    ("left hand side of my chest is sore after press-ups", "chest:left"),
    ("the left-hand side of his chest hurts when he lifts", "chest:left"),
])
def test_a_side_of_the_chest_is_that_half_of_the_chest(text: str, expected: str, knowledge: Any) -> None:
    assert location(knowledge, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("pain in the side of my chest when I breathe in", "chest_side"),
    ("sharp pain on the left side of my ribs, near the bottom", "chest_side:left"),
    ("the left side of my neck is stiff", "neck_side:left"),
    ("left side of my lower back aches", "low_back:left"),
])
def test_the_side_of_other_places_unchanged(text: str, expected: str, knowledge: Any) -> None:
    assert location(knowledge, text) == expected


@pytest.mark.parametrize("text", [
    "back pain low down middle",
    "my back hurts, low down in the middle",
    "bad back, lower down, right in the centre",
])
def test_the_middle_said_with_how_low_is_the_spine_not_the_mid_back(text: str, knowledge: Any) -> None:
    assert location(knowledge, text) == "low_back"


@pytest.mark.parametrize("text", ["back pain in the middle", "my back, the middle bit"])
def test_the_middle_of_the_back_alone_stays_the_mid_back(text: str, knowledge: Any) -> None:
    assert location(knowledge, text) == "mid_back"


def test_across_the_top_of_the_shoulder_into_the_neck_is_the_top(knowledge: Any) -> None:
    assert location(knowledge, "I've had an ache across the top of my left shoulder going up into the side of my "
                               "neck") == "shoulder_top:left"


# ------------------------------------------------------------------ the usual place is not today's

NURSE = ("Hi. 45, staff nurse, 12.5-hour night shifts. I normally get tension headaches across my forehead maybe twice "
         "a month, 3 or 4 out of 10, and I'd usually just take 1 g of paracetamol and sleep it off. Today is different "
         "though. About 2 hours ago, at 7 this morning, I was putting the bins out and got a sudden explosion of pain "
         "at the back of my head, like being hit with a cricket bat, easily the worst headache of my life, 10/10.")


@pytest.mark.parametrize(("text", "expected"), [
    (NURSE, "occiput"),
    ("I usually get migraines behind my right eye but this time the pain is at the base of my skull", "skull_base"),
    ("I often get a stiff neck, but today it's my lower back that's killing me", "low_back"),
    ("my knees sometimes ache after football. This time it's the front of my left shin", "shin:left"),
])
def test_the_usual_place_gives_way_to_todays(text: str, expected: str, knowledge: Any) -> None:
    assert location(knowledge, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("I usually get headaches across my forehead, and I've got one now", "forehead"),
    ("my forehead aches most afternoons", "forehead"),
    ("my lower back often aches and today my neck is stiff too", "low_back"),
])
def test_a_usual_place_said_alone_or_with_today_stays(text: str, expected: str, knowledge: Any) -> None:
    assert location(knowledge, text) == expected
