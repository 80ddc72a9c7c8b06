"""Round 13: how long and how strong, as set 20 said them: a length in years with no count and no "for", a count said
after an onset of unknown date, a total worked out at the end, the count of a unit just named (no score), and a score
hedged after its number; each as a class in our own words, with the readings nearby that must not change."""

from __future__ import annotations

from typing import Any

import pytest

from bot.nlp.extract import mentions_from_text
from bot.nlp.numbers import parse_intensity
from tests.support.reading import days, score


def _facts(text: str, knowledge: Any, *, bare: bool = False) -> dict[str, str]:
    """The first value of each kind of fact the whole reader takes from one message."""
    found: dict[str, str] = {}
    for mention in mentions_from_text(text, knowledge.sided_regions, bare_intensity=bare):
        found.setdefault(mention.kind, str(mention.value))
    return found


# --- 1. An uncounted length of the pain said without "for" ------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("5, been going on years", 730), ("I've had it years to be honest", 730), ("had it years now", 730),
    ("years this has been going", 730),
    # our own
    ("years it's been like this", 730), ("months I've had it", 90), ("it's gone on years", 730),
    ("been hurting months now", 90), ("knee's been playing up years, worse on stairs", 730),
    ("had this pain yrs tbh", 730), ("been on and off years", 730), ("for years", 730),
])
def test_an_uncounted_length_said_of_the_pain(text: str, expected: float) -> None:
    assert days(text) == expected


@pytest.mark.parametrize("text", [
    "years ago I broke it", "had it years ago", "haven't had it in years", "I haven't had it years",
    "first time in years", "been running years", "the club's been going years", "had my hip done years ago",
])
def test_years_of_something_else_or_long_past(text: str) -> None:
    assert days(text) is None


def test_a_score_said_with_it_stays(knowledge: Any) -> None:
    found = _facts("5, been going on years", knowledge)
    assert (found.get("intensity"), found.get("duration")) == ("5", "730")


# --- 2. A count said after an onset whose date is unknown ----------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("since the tornament started like 3 wks", 21), ("since preseason so like 3 months", 90),
    ("ever since the move, about 2 months", 60),
    # our own
    ("since the tournament started, like 3 weeks", 21), ("since the season kicked off about 6 weeks", 42),
    ("since we moved house about 2 months now", 60), ("since the baby came, maybe 5 weeks", 35),
    ("like 3 wks since the tournament started", 21),
])
def test_the_count_wins_over_an_undated_onset(text: str, expected: float, knowledge: Any) -> None:
    assert days(text) == expected
    assert _facts(text, knowledge).get("duration") == f"{expected:g}"


@pytest.mark.parametrize("text", [
    "since I spent 3 weeks in bed", "since I did 3 weeks of physio", "since my 2 week holiday",
    "since I was off for 3 weeks", "since the marathon",
])
def test_a_count_inside_the_event_is_the_events(text: str, knowledge: Any) -> None:
    assert _facts(text, knowledge).get("duration") == "unknown"


# --- 3. A total worked out at the end ------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("started about 3 wks after she was born so 5 weeks", 35),
    ("it began a fortnight before Christmas, so 6 weeks or so", 42),
    # our own
    ("hurt it 2 weeks before the wedding, which makes it about 2 months", 60),
    ("came on 10 days after the op, that's 4 weeks now", 28),
    ("started a week after I got back, so about 3 weeks in total", 21),
])
def test_the_concluded_total_is_the_length(text: str, expected: float) -> None:
    assert days(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("sore for 2 weeks so I rested for a week", 14), ("3 weeks ago, so not long", 21),
    ("Since the spring, when I put the bulbs in. So some months now.", 274),
])
def test_no_conclusion_keeps_the_first(text: str, expected: float) -> None:
    assert days(text) == expected


# --- 4. The count of a unit just named is no score ----------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("few weeks, mibbe 3", 21), ("a couple of months, maybe 4", 120), ("some days, 5 or 6", 6),
    # our own
    ("a good few weeks, say 5", 35), ("several months, probably 8 or 9", 270), ("a few months, say 3", 90),
    ("couple of weeks, mebbe 3", 21), ("a few days, perhaps 4", 4),
    # a count hedged before its unit
    ("5 or so weeks", 35), ("5ish weeks", 35), ("6 odd weeks", 42), ("3 or more years", 1095),
])
def test_the_count_of_the_unit_just_named(text: str, expected: float, knowledge: Any) -> None:
    assert days(text) == expected
    assert score(text) is None
    assert "intensity" not in _facts(text, knowledge, bare=True)


@pytest.mark.parametrize(("text", "expected_days", "expected_score"), [
    ("a few weeks, 5/10", 21, 5), ("couple weeks, a 6", 14, 6), ("a 5, 3 or so weeks", 21, 5),
])
def test_a_score_after_a_vague_length_stays(text: str, expected_days: float, expected_score: int) -> None:
    assert days(text) == expected_days and score(text) == expected_score


@pytest.mark.parametrize("text", ["some days are worse", "some days 7, other days 3", "some days, 7, others 3",
                                  "had an odd week of it", "it's been bad weeks at work"])
def test_some_days_said_of_when_is_no_length(text: str) -> None:
    assert days(text) is None


def test_a_score_on_some_days_against_the_others_stays() -> None:
    assert score("some days, 7, others 3") == 7


# --- 5. A score hedged after its number or around it ---------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("6 perhaps", 6), ("It is a throbbing, 6 perhaps.", 6), ("Is 5 more or less", 5), ("more or less a 5", 5),
    ("5 or thereabouts", 5), ("round about 4", 4),
    # our own
    ("more or less 5", 5), ("roundabout a 6", 6), ("a 4 give or take", 4), ("possibly 6", 6),
    ("sharp, 7 possibly", 7), ("it's 3 roughly", 3), ("dull ache, 5 at a guess", 5),
])
def test_a_hedged_score(text: str, expected: int, knowledge: Any) -> None:
    assert score(text) == expected
    assert _facts(text, knowledge).get("intensity") == str(expected)
    assert _facts(text, knowledge, bare=True).get("intensity") == str(expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("5 weeks more or less", 35), ("roughly 5 weeks", 35), ("more or less 5 weeks", 35),
])
def test_a_hedged_length_stays_a_length(text: str, expected: float) -> None:
    assert days(text) == expected and score(text) is None


def test_a_hedged_answer_to_the_strength_question() -> None:
    assert (parse_intensity("7 or so", bare_number_ok=True) or (None,))[0] == 7
    assert (parse_intensity("6 more or less", bare_number_ok=True) or (None,))[0] == 6
    assert parse_intensity("5 or so weeks", bare_number_ok=True) is None


# --- Whole messages with several facts: none swallows another ------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("my lower back, dull ache, 6 perhaps, had it years, worse after gardening",
     {"region": "low_back", "sensation": "dull", "intensity": "6", "duration": "730", "activity": "gardening"}),
    ("sharp pain in my left knee, is 5 more or less, since the season kicked off about 6 weeks",
     {"sensation": "sharp", "intensity": "5", "duration": "42"}),
    ("burning in my right shoulder, round about 4, few weeks, mibbe 3, from painting the ceiling",
     {"sensation": "burning", "intensity": "4", "duration": "21", "activity": "overhead_work"}),
    ("tight calf, throbbing, a 7 or thereabouts, started 2 weeks before the race so 4 weeks now",
     {"region": "calf", "sensation": "tight", "intensity": "7", "duration": "28"}),
    ("my neck's been stiff months now, more or less a 5, worse at the desk",
     {"sensation": "stiff", "intensity": "5", "duration": "90", "activity": "computer_work"}),
    ("aching hip, 6 perhaps, a couple of months maybe 4, since I started running",
     {"sensation": "aching", "intensity": "6", "duration": "120", "activity": "running"}),
    ("left ankle throbbing, 6, since the tournament started like 3 wks, rolled it on a tackle",
     {"region": "ankle", "sensation": "throbbing", "intensity": "6", "duration": "21"}),
    ("5, been going on years, my lower back, worse lifting",
     {"region": "low_back", "intensity": "5", "duration": "730", "activity": "lifting"}),
    ("knee pain 5 or so weeks, about a 4", {"intensity": "4", "duration": "35"}),
    ("sore elbow for 3 or 4 weeks, 6 give or take, from the tennis",
     {"sensation": "sore", "intensity": "6", "duration": "28"}),
])
def test_several_facts_in_one_message(text: str, expected: dict[str, str], knowledge: Any) -> None:
    found = _facts(text, knowledge)
    assert {kind: found.get(kind) for kind in expected} == expected


@pytest.mark.parametrize(("text", "expected"), [("sharp when I lift her. ~5", 5), ("~6", 6), ("ache ~ 4", 4)])
def test_a_tilde_before_a_score_is_about(text: str, expected: int) -> None:
    found = parse_intensity(text, bare_number_ok=True)
    assert found is not None and found[0] == expected


@pytest.mark.parametrize("text", ["its ~3 weeks", "~10 years ago"])
def test_a_tilde_before_a_length_is_no_score(text: str) -> None:
    assert parse_intensity(text) is None


def test_a_score_said_with_anyway_is_the_score() -> None:
    found = parse_intensity("Fair enough. It's a nagging ache, a 4 anyway.")
    assert found is not None and found[0] == 4
    assert parse_intensity("4 weeks anyway") is None


@pytest.mark.parametrize("text", ["Neck is stiff since morning only.", "sore since I got up"])
def test_since_the_morning_without_its_article_is_today(text: str) -> None:
    assert days(text) == pytest.approx(0.3)
