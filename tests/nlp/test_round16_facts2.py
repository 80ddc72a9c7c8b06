"""Round 16, a second pass on first messages: places put in another language's word order ("the knee, the left one, in
the part of inside", "elbow left, near the bone"), a side corrected later in the same message, and "I confused" said of
the sides; times dated by "the Sunday before last", US holidays and Ramadan, "half year" without its article, and a
pregnancy's or a baby's months that are not the pain's; "ache" spelt as it sounds ("akeing") and "like a pulling"; and
barista work as the cause. Each a class, in our own words, with the nearby readings that must not change."""

from __future__ import annotations

from typing import Any

import pytest

from bot.nlp.extract import mentions_from_text
from tests.support.reading import days, judged, slots_after


def _present(text: str, knowledge: Any, kind: str) -> list[str]:
    return [str(m.value) for m in mentions_from_text(text, knowledge.sided_regions, bare_intensity=True)
            if m.kind == kind and m.present]


def location(knowledge: Any, monkeypatch: pytest.MonkeyPatch, *turns: str) -> str | None:
    return slots_after(list(turns), knowledge, monkeypatch).get("pain_location")


# --- 1. A part said noun first, further from its place: "in the part of outside" --------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("my knee is hurting, the left one, in the part of inside", "knee_inner:left"),
    ("ache in the elbow, the right one, on the part of outside", "elbow_outer:right"),
    ("sore knee, the right one, in part of the outside", "knee_outer:right"),
])
def test_a_part_said_noun_first_makes_the_place_exact(text: str, expected: str, knowledge: Any,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    assert location(knowledge, monkeypatch, text) == expected


def test_a_part_of_a_thing_further_on_stays_out(knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    assert location(knowledge, monkeypatch, "my knee is sore, in the part of the kitchen floor") == "knee_front"


@pytest.mark.parametrize(("text", "expected"), [
    ("ache in my left leg back side, bottom part", "calf:left"),
    ("the back of my leg hurts, lower part", "calf"),
    ("back of my right leg, below the knee", "calf:right"),
])
def test_the_lower_part_of_the_back_of_the_leg_is_the_calf(text: str, expected: str, knowledge: Any,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    assert location(knowledge, monkeypatch, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("ache in my left leg back side, upper part", "thigh_back:left"), ("the back of my leg hurts", "thigh_back"),
    ("back of my upper leg, lower part", "thigh_back"),
])
def test_the_back_of_the_leg_or_its_top_stays_the_thigh(text: str, expected: str, knowledge: Any,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    assert location(knowledge, monkeypatch, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("ache between shoulder and neck on the right", "neck_side:right"),
    ("it hurts between the shoulder and the neck", "neck_side"),
    ("sore between my left shoulder and neck", "neck_side:left"),
])
def test_between_the_shoulder_and_the_neck_either_way_round(text: str, expected: str, knowledge: Any,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    assert location(knowledge, monkeypatch, text) == expected


# --- 2. The side said straight after the place, then a comma ----------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("ache inside of elbow left, close to the bone", "elbow_inner:left"),
    ("pain outside of knee right, when I go running", "knee_outer:right"),
    ("my wrist left, it hurts to grip", "wrist_back:left"),
])
def test_a_side_straight_after_the_place_is_its_side(text: str, expected: str, knowledge: Any,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    assert location(knowledge, monkeypatch, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("i hope i'm doing it right, my knee aches", "knee_front"),
    ("my elbow hurts right in the crease", "elbow_outer"),
])
def test_right_as_no_side_stays_out(text: str, expected: str, knowledge: Any,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    assert location(knowledge, monkeypatch, text) == expected


# --- 3. A side corrected later in the same message --------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("my left heel aches. sorry, not left. Is the right", "heel:right"),
    ("pain in my right knee, sorry not right, is left", "knee_front:left"),
    ("right wrist sore... no wait, sorry, is the left side, I confused", "wrist_back:left"),
    ("left knee. sorry, I meant my right knee", "knee_front:right"),
])
def test_a_side_corrected_in_the_same_message_wins(text: str, expected: str, knowledge: Any,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    assert location(knowledge, monkeypatch, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("my left knee hurts, sorry for my english", "knee_front:left"),
    ("my left knee hurts sorry, the right one is fine", "knee_front:left"),
    ("my left knee hurts, sorry, my right knee hurts too", "knee_front:left"),
    ("Sorry to bother you. My right ankle is sore", "ankle:right"),
])
def test_an_apology_or_another_side_is_no_correction(text: str, expected: str, knowledge: Any,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    assert location(knowledge, monkeypatch, text) == expected


@pytest.mark.parametrize(("turns", "expected"), [
    (["my left elbow aches", "sorry, not left. Is right side"], "elbow_outer:right"),
    (["my right hip is sore", "No wait, sorry, is the left one, I confused"], "hip_side:left"),
])
def test_a_correction_in_the_next_message(turns: list[str], expected: str, knowledge: Any,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    assert location(knowledge, monkeypatch, *turns) == expected


@pytest.mark.parametrize("text", ["no wait sorry, it's the right side, I confused",
                                  "sorry i got confused, it is the left ankle"])
def test_sides_mixed_up_are_no_confusion(text: str) -> None:
    _, flags, findings = judged(text)
    assert "confusion" not in findings and not flags


@pytest.mark.parametrize("text", ["I have a fever. No wait, sorry, is the left side, I confused",
                                  "sorry, I am confused, my left arm feels weak",
                                  "bad headache and I confused, left side of my head"])
def test_confusion_said_with_its_signs_or_as_a_state_stays(text: str) -> None:
    assert "confusion" in judged(text)[2]


# --- 4. Times: the weekday before last, US holidays, Ramadan, half a year without its article -------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("sore since football training the Sunday before last", 8),
    ("since the saturday before last", 9), ("since my match on the saturday before last", 9),
    ("my back went friday carrying boxes", 3), ("it started thursday at work, lifting crates", 4),
])
def test_a_weekday_said_after_the_event(text: str, expected: float) -> None:
    assert days(text) == pytest.approx(expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("knee's been bad since 'round the 4th of July", 149), ("since round Thanksgiving", 4),
    ("it started around Labor Day", 84), ("since juneteenth", 164), ("since maybe around memorial day", 189),
    ("since spring break my ankle is sore", 260),
])
def test_us_holidays_date_the_onset(text: str, expected: float) -> None:
    assert days(text) == pytest.approx(expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("since Ramzan my shoulder hurts", 285), ("since ramadhan", 285), ("it started in Ramadan", 285),
    ("since the start of Ramadan", 285), ("since the end of ramadan", 256), ("since good friday my knee aches", 241),
])
def test_ramadan_and_the_feasts_that_move(text: str, expected: float) -> None:
    assert days(text) == pytest.approx(expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("since maybe half year", 182.5), ("for half year now", 182.5), ("about half a year", 182.5),
    ("one and half year my hip hurts", 547.5),
])
def test_half_a_year_with_or_without_its_article(text: str, expected: float) -> None:
    assert days(text) == pytest.approx(expected)


def test_a_half_day_worked_is_no_length() -> None:
    assert days("I worked a half day friday and my back hurts") is None


# --- 5. A pregnancy's or a baby's months are not the pain's -----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "my partner is pregnant 8 months and her low back is sore", "she's pregnant for 6 months now, back pain",
    "expecting, 30 weeks, my hips ache", "I am 7 months and my pelvis hurts, I'm pregnant",
    "our baby is 4 months and my wrists hurt", "the baby's 10 weeks, my thumb aches",
])
def test_how_far_along_or_how_old_is_no_duration(text: str) -> None:
    assert days(text) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("pregnant with twins, 30 weeks, and my back has ached for 2 weeks", 14),
    ("our baby is 4 months and my wrist hurts for 3 weeks", 21),
    ("wrist sore since my son was born 3 months ago", 90),
])
def test_the_pains_own_length_said_with_them_stays(text: str, expected: float) -> None:
    assert days(text) == pytest.approx(expected)


def test_a_pregnancy_reaches_no_duration_slot(knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    slots = slots_after(["my wife is pregnant 8 months and has pain in her lower back"], knowledge, monkeypatch)
    assert "pain_duration" not in slots


# --- 6. "ache" spelt as it sounds; "like a pulling" -------------------------------------------------------------------

@pytest.mark.parametrize("text", ["my hip its akeing", "back akes when i stand", "shoulder aking all day",
                                  "a dull ake in my knee", "legs feel akey", "its acheing"])
def test_ache_spelt_as_it_sounds(text: str, knowledge: Any) -> None:
    assert {"aching", "dull"} & set(_present(text, knowledge, "sensation"))


@pytest.mark.parametrize("text", ["my calf, is like a pulling", "feels like a pulling behind my knee",
                                  "it's a pulling at the back of my thigh"])
def test_like_a_pulling_is_the_feeling(text: str, knowledge: Any) -> None:
    assert "tight" in _present(text, knowledge, "sensation")
    assert "pulling" not in _present(text, knowledge, "activity")


@pytest.mark.parametrize("text", ["I was pulling a trolley", "sore from pulling the pallet truck"])
def test_pulling_a_thing_stays_the_doing(text: str, knowledge: Any) -> None:
    assert "pulling" in _present(text, knowledge, "activity")


# --- 7. Barista work is gripping; the hours driven and the floor lived on are no length and no score ------------------

@pytest.mark.parametrize("text", [
    "my wrist is killing me, frothing milk jugs all shift", "I'm a barista and my thumb aches",
    "forearm sore from pulling shots all day", "elbow hurts, making lattes nonstop at the cafe",
])
def test_barista_work_is_gripping(text: str, knowledge: Any) -> None:
    assert "gripping" in _present(text, knowledge, "activity")


@pytest.mark.parametrize("text", ["wrist aches, it's the tamping that does it",
                                  "elbow is sharp when I do the tamping"])
def test_tamping_stays_in_the_persons_words(text: str, knowledge: Any) -> None:
    assert any("tamping" in words for words in _present(text, knowledge, "trigger_words"))


def test_hours_driven_a_day_and_a_floor_are_neither_length_nor_score(knowledge: Any,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    slots = slots_after(["I drive 11 hours a day mate and my back aches"], knowledge, monkeypatch)
    assert slots.get("pain_trigger") == "driving" and "pain_duration" not in slots
    slots = slots_after(["knees hurt on the stairs to our flat, we live on the 3rd floor, no lift"], knowledge,
                        monkeypatch)
    assert slots.get("pain_trigger") == "stairs" and "pain_intensity" not in slots
