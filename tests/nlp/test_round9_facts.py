"""Round 9: ways of saying how long and how strong that a blind conversation set lost, each as a class
(the set's wording, others like it, one of our own) with the readings it must not take over."""

from __future__ import annotations

from typing import Any

import pytest

from bot.nlp.numbers import parse_age
from tests.support.reading import days, score, slots_after

# --- Durations ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("stiff aching pain in my neck since about the start of the month", 29),
    ("sore since around the beginning of this month", 29),
    ("it's ached since the middle of the month", 15),  # our own
    ("since early this year", 302), ("stiff since the start of the week", 1),
])
def test_since_a_part_of_this_month_or_year(text: str, expected: float) -> None:
    assert days(text) == expected


@pytest.mark.parametrize(("text", "low", "high"), [
    ("since term started", 80, 90), ("maybe since uni started", 60, 90),
    ("since the kids went back to school", 80, 90), ("sore since I started college", 60, 90),  # our own
    ("hurting since the new school year began", 80, 90),
])
def test_since_the_school_or_university_year_began(text: str, low: float, high: float) -> None:
    found = days(text)
    assert found is not None and low <= found <= high, (text, found)


@pytest.mark.parametrize("messages", [["my wrist hurts when I use the mouse", "since sumer holidays"],
                                      ["knee pain on and off since the sumer"]])  # our own
def test_a_season_mistyped_as_another_word_still_dates_the_onset(
        messages: list[str], knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    assert 90 <= float(slots_after(messages, knowledge, monkeypatch)["pain_duration"]) <= 190


@pytest.mark.parametrize(("text", "expected"), [
    ("My waist has been paining me for like one month, on both sides", 30), ("for like 2 weeks", 14),
    ("it's been troubling me for maybe 3 days", 3),  # our own
])
def test_a_hedge_before_the_amount_keeps_the_length(text: str, expected: float) -> None:
    assert days(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("well it's been years now boyo, since i finished in the pit really", 730), ("knee pain been years", 730),
    ("been months now honestly", 90),  # our own
])
def test_been_and_an_uncounted_length(text: str, expected: float) -> None:
    assert days(text) == expected


def test_been_years_since_something_else_is_not_the_pain() -> None:
    assert days("my knee aches, it's been years since I last ran") != 730


@pytest.mark.parametrize(("text", "expected"), [
    ("6. months. maybe since march", 274), ("months. since october", 60),
    ("weeks now, since the 2nd of november", 28),  # our own
])
def test_a_precise_start_refines_an_uncounted_length(text: str, expected: float) -> None:
    assert days(text) == expected


def test_a_start_outside_the_uncounted_range_says_something_else() -> None:
    assert days("months now, worse since yesterday") == 90


@pytest.mark.parametrize(("text", "expected"), [
    ("left pec is sore af since chest day wednesday, benched 80kg for a new PR", 5),
    ("quads aching since leg day on monday", 7), ("sore since the match saturday", 2),  # our own
    ("aching since Remembrance Sunday", 22),  # a named day that ends in a weekday stays that day
])
def test_a_weekday_a_few_words_after_since(text: str, expected: float) -> None:
    assert days(text) == expected


def test_a_weekday_after_since_and_another_clause_is_no_onset() -> None:
    assert days("sore since the op and physio next monday") != 7


def test_a_start_date_after_started_and_a_rate_that_is_no_duration() -> None:
    text = ("Started after the 120km sportive on 15 Sept. It's a tight burning strip. I'm 56, ride about 250km a "
            "week, weigh 75kg. I'd rate it 4.")
    assert days(text) == 76
    assert score(text) == 4 and parse_age(text) == (56, "i'm 56")


@pytest.mark.parametrize("text", [
    "I ride about 250km a week", "I swim 3 times a week", "I work 6 days a week", "I put in 120 drops a day",
    "I walk 10k a day",  # our own
    "sore 3 12 hour shifts a week",
])
def test_a_rate_stays_a_rate(text: str) -> None:
    assert days(text) is None, text


@pytest.mark.parametrize("later", [
    "Actually yes, now you ask, this is embarrassing but since yesterday it's gone numb round my backside",
    "since this morning my left foot has gone weak and tingly",  # our own
])
def test_a_time_said_of_a_new_symptom_does_not_replace_the_pains(
        later: str, knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    first = "Lower back aching since I lifted a pallet last Tuesday, so 6 days. I'd put it at 7."
    assert slots_after([first, later], knowledge, monkeypatch)["pain_duration"] == "6"


def test_a_time_said_again_of_the_pain_still_replaces_it(
        knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    slots = slots_after(["Lower back aching for 2 weeks", "sorry, it's been hurting since yesterday only"],
                        knowledge, monkeypatch)
    assert slots["pain_duration"] == "1"


# --- Scores -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("outside of left upper arm achy 4 2 weeks painting ceilings", 4), ("stiff 6 3 days gardening", 6),  # our own
])
def test_a_score_right_before_a_length_in_a_terse_list(text: str, expected: int) -> None:
    assert score(text) == expected
    assert days(text) is not None


@pytest.mark.parametrize("text", ["sore 3 12 hour shifts a week", "I have 2 3 year olds"])
def test_a_count_before_a_length_is_no_score(text: str) -> None:
    assert score(text) is None, text


@pytest.mark.parametrize(("text", "expected"), [
    ("He have pain in low back left side, is strong 8, from when he pray", 8), ("neck ache strength 7", 7),
    ("back pain level 6", 6), ("pain lvl 5 today", 5),  # our own
])
def test_a_score_after_a_word_for_strength(text: str, expected: int) -> None:
    assert score(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("oh 7 when it grabs, 2 after", 7), ("2 when resting, 6 when I lift", 6),  # our own
    ("sorry. 3, maybe 4 when I lift", 3),  # one moment only: the first score said still stands
])
def test_scores_for_different_moments_give_the_worst(text: str, expected: int) -> None:
    assert score(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("hmm, 3 on a good day, 5 on a bad day? so 4?", 4), ("about a 5, call it 4", 4),
    ("4 or 5 on most days, let's say 5", 5),  # our own
])
def test_the_persons_own_conclusion_wins(text: str, expected: int) -> None:
    assert score(text) == expected


def test_a_conclusion_without_a_score_before_it_is_no_score() -> None:
    assert score("it's sore so 2 weeks off work") is None


@pytest.mark.parametrize(("text", "expected"), [
    ("sorry I meant a 6 not a 3, typo!", 6), ("I meant 7", 7), ("not a 3, more like a 6", 6),  # our own
])
def test_a_corrected_score(text: str, expected: int) -> None:
    assert score(text) == expected


def test_a_corrected_score_replaces_the_earlier_one(
        knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    slots = slots_after(["pain down the side of my ribs on the right, sharp when I cough, about a 3",
                         "sorry I meant a 6 not a 3, typo!"], knowledge, monkeypatch)
    assert slots["pain_intensity"] == "6"


@pytest.mark.parametrize("text", ["I'm 45 and my back hurts", "I weigh 75kg", "oh 3 weeks now", "um 2 kids"])
def test_an_age_a_weight_or_a_count_is_no_score(text: str) -> None:
    assert score(text) is None, text
    assert text != "I'm 45 and my back hurts" or parse_age(text) == (45, "i'm 45")


@pytest.mark.parametrize(("text", "expected"), [
    ("about one month. 5 score", 5), ("my knee hurts, 6 points out of ten", 6),
    ("my neck hurts, 4 points of contact with the bar", None),
])
def test_a_number_named_a_score_or_points(text: str, expected: int | None) -> None:
    assert score(text) == expected
