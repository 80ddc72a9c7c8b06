"""Round 18: facts as people write them, each a class in our own words, with nearby readings that must not change.
Lengths: an onset at a birth whose age is said ("since she came"), a lone unit at the least ("year or more"), "been"
typed by ear ("bin months"), an onset event dated by the month after it ("since season started, like august"), the
writer's age after their name ("I am Maria, 72 year"). Scores: "normaly 5". Causes in words no list holds: a doing
with "all day" in a learner's or a dialect's words, "since I started <anything>", a doing dated by when it was done,
"... are murder", "by the end of my round", the last item after the length; "from <a place name>" is no cause, nor is
typing a message for someone. Places and sides: "heel pain R", "the inside of the right one", the middle of the
upper back; an apology that brings news is no correction of the place."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.reading import days, first_facts, score, slots_after

# --- 1. Lengths ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("my son is 3 months old and I've been sore since he came home", 90),
    ("twins are 6 weeks old, back's been bad since they came", 42),
    ("little one is 8 weeks old. wrists have ached since the baby came", 56),
])
def test_an_onset_at_a_birth_whose_age_is_said(text: str, expected: float) -> None:
    assert days(text) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["since she came to stay with us my back hurts", "since he came back from uni"])
def test_someone_coming_to_stay_is_no_birth(text: str) -> None:
    assert days(text) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("6, month or longer", 30), ("about a 3. week or more", 7), ("7, a year plus", 365),
])
def test_a_lone_unit_at_the_least_is_one_unit(text: str, expected: float) -> None:
    assert days(text) == pytest.approx(expected)


@pytest.mark.parametrize(("text", "expected"), [("bin weeks now", 21), ("bn years tbh", 730)])
def test_been_typed_by_ear(text: str, expected: float) -> None:
    assert days(text) == pytest.approx(expected)


@pytest.mark.parametrize(("text", "expected"), [
    # today is 30 November 2026: the month's first day, as "since august" counts it
    ("since term started, so september", 90), ("since training began, like july", 152),
    ("since the new job, back in march", 274),
])
def test_an_onset_event_dated_by_the_month_after_it(text: str, expected: float) -> None:
    assert days(text) == pytest.approx(expected)


@pytest.mark.parametrize("text", [
    "Hello, I am Joao, 65 years, and my knee hurts", "im 58 years, the shoulder is sore",
    "my name is Ana, 70 years. The hip is sore",
])
def test_the_writers_age_after_their_name(text: str) -> None:
    assert days(text) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("I am 3 years with this pain", 1095), ("im 2 years, maybe more", 730),
])
def test_a_short_count_after_i_am_is_still_the_length(text: str, expected: float) -> None:
    assert days(text) == pytest.approx(expected)


# --- 2. Scores -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("usualy 4, after the shift more", 4), ("5 normally, more after work", 5), ("normaly 6 but worse at night", 6),
])
def test_a_usual_score_mistyped_or_said_after(text: str, expected: int) -> None:
    assert score(text) == expected


# --- 3. Causes in words no list holds ------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("pain in my wrists, both. I sort parcels all day", "sort parcels"),
    ("hi, my shoulder is sore, polish cars all day", "polish cars"),
    ("3 weeks. climbin the scaffold aw day", "climbing the scaffold"),
])
def test_a_doing_said_with_all_day(text: str, expected: str, knowledge: Any) -> None:
    assert first_facts(text, knowledge).get("trigger_words") == expected


@pytest.mark.parametrize("text", [
    "my knee hurts all day", "I feel it all day, 5", "stiff all day, 4, 2 weeks", "back of hand all day, 3 weeks",
])
def test_the_pain_all_day_is_no_cause(text: str, knowledge: Any) -> None:
    assert "trigger_words" not in first_facts(text, knowledge)


@pytest.mark.parametrize(("text", "expected"), [
    ("3 wks since i started hyrox", "hyrox"), ("sore since I started the choir", "the choir"),
    ("knee is sore since starting the new rota", "the new rota"),
])
def test_since_i_started_anything(text: str, expected: str, knowledge: Any) -> None:
    assert first_facts(text, knowledge).get("trigger_words") == expected


@pytest.mark.parametrize("text", ["2 weeks since i started physio", "sore since I started to walk again"])
def test_since_i_started_a_treatment_or_a_listed_doing(text: str, knowledge: Any) -> None:
    assert first_facts(text, knowledge).get("trigger_words") is None


@pytest.mark.parametrize(("text", "expected"), [
    ("my right quad is wrecked since hyrox 2 days ago", "hyrox"), ("calf tight since spin on tuesday", "spin"),
])
def test_a_doing_dated_by_when_it_was_done(text: str, expected: str, knowledge: Any) -> None:
    assert first_facts(text, knowledge).get("trigger_words") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("my lower back is killing me, the long commutes are torture", "the long commutes"),
    ("neck aches, night feeds are a killer", "night feeds"),
])
def test_a_cause_said_with_what_it_does_to_the_person(text: str, expected: str, knowledge: Any) -> None:
    assert first_facts(text, knowledge).get("trigger_words") == expected


def test_a_place_said_to_be_murder_is_no_cause(knowledge: Any) -> None:
    assert "trigger_words" not in first_facts("my back is murder today", knowledge)


@pytest.mark.parametrize(("text", "expected"), [
    ("heel sore by the end of my route", "my route"), ("knee aches at the end of my paper round", "my paper round"),
])
def test_what_was_done_by_the_end_of_which_it_hurts(text: str, expected: str, knowledge: Any) -> None:
    assert first_facts(text, knowledge).get("trigger_words") == expected


def test_the_end_of_the_day_is_a_time_not_a_cause(knowledge: Any) -> None:
    assert "trigger_words" not in first_facts("knee aches by the end of the day", knowledge)


@pytest.mark.parametrize(("text", "expected"), [
    ("upper back, ache, 5/10, 2 weeks. long hauls", "long hauls"),
    ("low back. dull. 6/10. a month. long haul flights", "long haul flights"),
])
def test_the_last_item_after_the_length_even_when_it_warns_of_something(text: str, expected: str,
                                                                        knowledge: Any) -> None:
    assert first_facts(text, knowledge).get("trigger_words") == expected


@pytest.mark.parametrize("text", ["Hi, I'm Tomasz from Poland, my knee hurts", "I come from Lagos, my back hurts",
                                  "Hello, I am Ana, 70 years, from Brazil. My wrist hurts"])
def test_where_someone_comes_from_is_no_cause(text: str, knowledge: Any) -> None:
    assert "trigger_words" not in first_facts(text, knowledge)


def test_typing_for_someone_is_no_doing(knowledge: Any) -> None:
    assert "activity" not in first_facts("typing this for my husband, his wrist is sore", knowledge)
    assert first_facts("my wrist hurts from typing for hours", knowledge).get("activity") == "typing"


# --- 4. Places and sides ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("knee ache L.", "knee_front:left"), ("hip pain (rt), 5/10", "hip_side:right"), ("ankle sore R", "ankle:right"),
])
def test_a_side_letter_after_the_pain_named_after_the_place(text: str, expected: str, knowledge: Any,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    assert slots_after([text], knowledge, monkeypatch)["pain_location"] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("My hip hurts. The outside of the left one, mostly.", "hip_side:left"),
    ("My elbow is playing up. The outside of the right one.", "elbow_outer:right"),
])
def test_a_part_of_the_one_on_a_side_in_the_next_sentence(text: str, expected: str, knowledge: Any,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    assert slots_after([text], knowledge, monkeypatch)["pain_location"] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("pain in the middle of my upper back", "upper_back:both"),
    ("ache between my shoulder blades, dead centre", "upper_back:both"),
    # not the middle of the night, nor one side said, nor a joint's middle, nor the place alone
    ("woke in the middle of the night with pain between my shoulder blades", "upper_back"),
    ("pain in the middle of my left upper back", "upper_back:left"), ("pain in the middle of my knee", "knee_front"),
    ("pain between my shoulder blades", "upper_back"),
])
def test_the_middle_of_the_upper_back_is_both_sides(text: str, expected: str, knowledge: Any,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    assert slots_after([text], knowledge, monkeypatch)["pain_location"] == expected


def test_an_apology_that_brings_news_is_no_correction(knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    slots = slots_after(["My dad's lower back hurts on the right", ("pain_quality", "a dull ache, 5, about a week"),
                         "sorry, something is wrong, his left arm has gone weak and his face looks odd"],
                        knowledge, monkeypatch)
    assert slots["pain_location"] == "low_back:right"


def test_a_correction_with_sorry_still_corrects(knowledge: Any) -> None:
    assert first_facts("sorry, i meant the right knee", knowledge).get("correction") == "correction"


# --- 5. Whole conversations in other words -------------------------------------------------------------------------


def test_a_learner_says_the_work_and_the_length(knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    slots = slots_after(["hello. pain in my wrists, both. I sort letters all day.",
                         ("pain_quality", "Is like burning. Maybe 5."), ("pain_duration", "From 3 month.")],
                        knowledge, monkeypatch)
    assert slots["pain_trigger"] == "sort letters" and slots["pain_duration"] == "90"


def test_a_score_then_a_lone_unit(knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    slots = slots_after(["base of my right big toe aches, on my feet all day",
                         ("pain_intensity", "5. month or more")], knowledge, monkeypatch)
    assert slots["pain_intensity"] == "5" and slots["pain_duration"] == "30"


@pytest.mark.parametrize("text", ["stabby 1st thing in morn", "worst 1st thing when i get up",
                                  "sore 1st thing in the morning"])
def test_the_first_thing_in_the_morning_typed_short_is_what_makes_it_worse(
        text: str, knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    slots = slots_after(["heel pain R", ("pain_quality", text)], knowledge, monkeypatch)
    assert slots["pain_trigger"] not in (None, "", "unknown")
