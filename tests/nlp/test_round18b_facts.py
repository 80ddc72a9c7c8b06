"""Round 18b: facts as people write them, each a class in our own words, with nearby readings that must not change.
Lengths: a day's number without its ending ("3 of October"), a day of one's own dated after it ("from my wedding, the
8th of November"), a doing's hours each day ("i sit at the desk 9 hours"), the length of another symptom (a foot
that slaps), the weekday of "after leg day" with chat after it. Scores: "I give 5". Places: the head turned (the
neck turns it), someone else's knee that struck, "low down in the middle of the back", the palm side of the wrist
said as "the part of the palm", the Scots "tap" for "top", "the back end of" a month. Sides: the way one turns is no
side, "either side of", "right across" a back. Causes: the weight borne, dozing off in a chair."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.reading import days, first_facts, score, slots_after

# --- 1. Lengths ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    # today is Monday 30 November 2026
    ("since 3 of November", 27), ("it began on 10 of october", 51), ("sore since 1 of september", 90),
])
def test_a_days_number_without_its_ending(text: str, expected: float) -> None:
    assert days(text) == pytest.approx(expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("From my wedding, the 8th of November", 22), ("since our anniversary (3rd of october)", 58),
    ("since her retirement party which was 10 of november", 20), ("from my birthday on the 2nd of november", 28),
])
def test_a_day_of_ones_own_dated_after_it(text: str, expected: float) -> None:
    assert days(text) == pytest.approx(expected)


def test_a_day_of_ones_own_alone_has_no_length() -> None:
    assert days("since my birthday") is None


@pytest.mark.parametrize("text", [
    "lower back aches after work, i sit at the desk 9 hours", "we drive the van like 10 hrs, my neck is stiff",
    "heels sore by home time, i stand on the shop floor 7 hours",
])
def test_the_hours_of_a_doing_each_day(text: str, knowledge: Any) -> None:
    assert "duration" not in first_facts(text, knowledge)


@pytest.mark.parametrize(("text", "expected"), [
    ("knee hurts, i noticed it 3 hours ago", 0.125), ("neck sore, i have had it 6 hours", 0.25),
])
def test_hours_of_the_pain_itself(text: str, expected: float) -> None:
    assert days(text) == pytest.approx(expected)


@pytest.mark.parametrize("text", [
    "Also, for two days my left foot slaps down when I walk", "since yesterday I can't lift my toes up",
    "for 3 days my arm has gone weak",
])
def test_the_length_of_another_symptom(text: str) -> None:
    assert days(text) is None


def test_a_length_said_with_the_pain_and_a_lift_it_stops() -> None:
    assert days("3 days, cant lift my arm for the pain") == pytest.approx(3)


def test_the_length_of_a_weakness_leaves_the_pains(knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    slots = slots_after(["my lower back hurts for 3 weeks from driving", ("pain_quality", "dull, 5"),
                         "and since two days my foot is slapping when i walk"], knowledge, monkeypatch)
    assert slots["pain_duration"] == "21"


@pytest.mark.parametrize(("text", "expected"), [
    ("sore after leg day friday lol", 3), ("quads wrecked after spin thursday tbh", 4),
    ("arms dead after push day sunday haha", 1),
])
def test_the_weekday_after_an_event_with_chat_after_it(text: str, expected: float) -> None:
    assert days(text) == pytest.approx(expected)


# --- 2. Scores -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("is like burning. I give 6", 6), ("i give 4", 4), ("I would give 7, more at night", 7),
])
def test_the_score_given(text: str, expected: int) -> None:
    assert score(text) == expected


@pytest.mark.parametrize("text", ["I give 5 stars to the app", "I give 2 classes a week"])
def test_other_things_given_are_no_score(text: str) -> None:
    assert score(text) is None


# --- 3. Places -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "it hurts to turn my head, slept badly", "can barely turn my head since yesterday",
])
def test_a_head_that_will_not_turn_is_the_neck(text: str, knowledge: Any) -> None:
    assert first_facts(text, knowledge).get("region") == "neck_back"


@pytest.mark.parametrize(("text", "expected"), [
    ("my shoulder is sore and I can't turn my head", "shoulder_top"), ("pain in my head when I cough", "temple"),
])
def test_a_place_named_stays(text: str, expected: str, knowledge: Any) -> None:
    assert first_facts(text, knowledge).get("region") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("caught a knee in the match 2 weeks ago, the outside of my left thigh still aches", "thigh_outer"),
    ("took an elbow to the ribs in training, my side is sore", "chest_side"),
    ("got a dead leg off someone's knee, the front of my thigh is tight", "thigh_front"),
])
def test_someone_elses_part_that_struck(text: str, expected: str, knowledge: Any) -> None:
    assert first_facts(text, knowledge).get("region") == expected


def test_ones_own_knee_injury_stays(knowledge: Any) -> None:
    assert first_facts("my knee hurts after a knock off a knee injury years ago", knowledge).get("region") == \
        "knee_front"


@pytest.mark.parametrize(("text", "expected"), [
    ("aches lower down, in the middle of my back", "low_back"), ("pain low in the middle of her back", "low_back"),
    ("pain in the middle of my back", "mid_back"), ("low grade pain in the middle of my back", "mid_back"),
])
def test_the_middle_of_the_back_said_low(text: str, expected: str, knowledge: Any,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    assert slots_after([text], knowledge, monkeypatch)["pain_location"] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("my right wrist hurts, the palm part", "wrist_front:right"),
    ("pain in my wrist on the side of the palm", "wrist_front"), ("my wrist hurts", "wrist_back"),
    ("my palm hurts", "palm"),
])
def test_the_palm_side_of_the_wrist(text: str, expected: str, knowledge: Any,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    assert slots_after([text], knowledge, monkeypatch)["pain_location"] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("ma left shoulder's sair at the tap", "shoulder_top:left"),
    ("my left shoulder, the tap o it", "shoulder_top:left"),
])
def test_the_scots_tap_of_a_place(text: str, expected: str, knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    assert slots_after([text], knowledge, monkeypatch)["pain_location"] == expected


def test_a_tap_of_water_is_no_top(knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    assert "pain_location" not in slots_after(["my shoulder hurts, the water tap is broken"], knowledge, monkeypatch)


def test_the_back_end_of_a_month_is_no_back_part(knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    slots = slots_after(["my left shoulder's sore, at the top", ("pain_duration", "since the back end of August")],
                        knowledge, monkeypatch)
    assert slots["pain_location"] == "shoulder_top:left"


# --- 4. Sides --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("messages", "expected"), [
    (["my neck hurts", ("pain_location", "the left side hurts when i look right")], "neck_back:left"),
    (["my neck is stiff", ("pain_location", "right side, it catches when I turn my head to the left")],
     "neck_back:right"),
])
def test_the_way_one_turns_is_no_side(messages: list[Any], expected: str, knowledge: Any,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    assert slots_after(messages, knowledge, monkeypatch)["pain_location"] == expected


def test_a_side_lain_on_when_turning_stays(knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    assert slots_after(["my hip hurts, the left one, when i turn over"], knowledge,
                       monkeypatch)["pain_location"] == "hip_side:left"


@pytest.mark.parametrize(("text", "expected"), [
    ("aching either side of my spine, low down", "low_back:both"), ("ache across my lower back", "low_back:both"),
    ("my low back hurts, a band right across it", "low_back:both"),
    # not a side said, nor "across" of something else
    ("pain across the left side of my low back", "low_back:left"),
    ("my low back hurts, I came across a stretch online", "low_back"),
])
def test_either_side_of_and_right_across_a_back(text: str, expected: str, knowledge: Any,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    assert slots_after([text], knowledge, monkeypatch)["pain_location"] == expected


# --- 5. Causes -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "my knee hurts, worse putting weight on it", "ankle sore, can't bear weight on that foot",
    "hip aches taking my weight on that leg",
])
def test_the_weight_borne(text: str, knowledge: Any) -> None:
    assert first_facts(text, knowledge).get("activity") == "standing"


@pytest.mark.parametrize("text", [
    "neck stiff since I dozed off on the sofa", "his neck's sore, he fell asleep awkwardly on the train",
    "stiff neck since he nodded off in the recliner",
])
def test_dozing_off_in_a_bad_position(text: str, knowledge: Any) -> None:
    assert first_facts(text, knowledge).get("activity") == "sleeping_side"


def test_falling_asleep_fine_is_no_cause(knowledge: Any) -> None:
    assert "activity" not in first_facts("I fell asleep fine but woke with pain", knowledge)
