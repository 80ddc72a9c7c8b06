"""Round 15: facts as blind conversation set 24 said them: a length said with "this past" or as half a unit, a date
said with the named day it fell on, "since" before a length, years of a doing that are not the pain's; a score said
in Scots ("oot o ten"), closed by the Filipino "po", typed without spaces or before an uncounted length; places
typed short ("lwr back", "r side neck"), a foot's underside said as its "bottom" or "under"; and causes said as a
doing (writing on a board, playing an instrument, laying a floor). Each a class, in our own words, with nearby
readings that must not change."""

from __future__ import annotations

from typing import Any

import pytest

from bot.nlp.extract import load_language, mentions_from_text
from bot.nlp.typos import correct
from tests.support.reading import days, first_facts, score, slots_after


def _all(text: str, knowledge: Any, kind: str) -> list[str]:
    return [str(m.value) for m in mentions_from_text(text, knowledge.sided_regions) if m.kind == kind and m.present]


# --- 1. Lengths: "this past week", half a unit, "since" before a length --------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("the hip has been grumbling this past week", 7), ("stiff neck this last month or so", 30),
    ("these past few weeks my wrist aches", 21), ("elbow sore for past 4 days", 4),
    ("ankle aching, maybe half a year now", 182.5), ("it began half a month ago", 15),
    ("since spring I think, so about half a year", 182.5),  # the length said wins over the vague season
    ("heel pain since a couple of days", 2), ("my back hurts since a week", 7),
    ("sore shoulder since the last 3 weeks", 21),
])
def test_lengths_said_without_for(text: str, expected: float) -> None:
    assert days(text) == pytest.approx(expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("a year and a half", 547.5), ("since my holiday", None), ("since the last week of october", 36),
    ("better than last week", None),
])
def test_nearby_lengths_unchanged(text: str, expected: float | None) -> None:
    assert days(text) == (pytest.approx(expected) if expected is not None else None)


# --- 2. A date said with the named day it fell on wins over the day guessed for the name ------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("my calf has ached since independence day, the 1st of October", 60),  # not the 4th of July
    ("since labour day (1 may) my wrist is sore", 213),
    ("hip pain since the harvest festival, early October", 56),  # a month said, not the harvest guessed in September
    ("knee's been bad since easter, the 20th of april", 224),
    ("twisted it on independence day, 1st october", 60),
    # the month that holds the named day only confirms it; a month said further on is something else
    ("since freshers (mid sept)", 71), ("since christmas, in january it got worse", 340),
    ("since bonfire night", 25),
])
def test_a_date_said_with_a_named_day(text: str, expected: float) -> None:
    assert days(text) == expected


# --- 3. Years of a doing, said right after it with no pain in its clause, are not the pain's; the doing is the cause --

@pytest.mark.parametrize("text", [
    "Strummed the guitar 35 years, now my fingers throb",
    "played the piano for forty years and my forearms are aching",
])
def test_years_of_a_doing_are_not_the_pains(text: str, knowledge: Any) -> None:
    facts = first_facts(text, knowledge)
    assert "duration" not in facts and "activity" in facts


@pytest.mark.parametrize(("text", "expected"), [
    ("my wrist has been sore from typing for 2 years", 730), ("knee pain from cycling, 3 years", 1095),
    ("been swimming for 10 years, shoulder pain for 3 weeks", 21),
])
def test_years_said_of_the_pain_stay(text: str, expected: float, knowledge: Any) -> None:
    assert float(first_facts(text, knowledge)["duration"]) == expected


@pytest.mark.parametrize(("text", "activity"), [
    ("I'm a lecturer and write on the whiteboard all day, my right shoulder is killing me", "overhead_work"),
    ("I've been playing the organ every Sunday for decades and now my shoulders ache", "reaching"),
    ("my left fingertips hurt, I practise the violin every evening", "gripping"),
    ("laying laminate all week and both knees are sore", "kneeling"),
    ("my back kills when I'm bending doon", "bending"),
    ("I've driven a taxi for years and my low back aches", "driving"),
])
def test_a_doing_said_in_passing_is_a_cause(text: str, activity: str, knowledge: Any) -> None:
    assert activity in _all(text, knowledge, "activity")


def test_a_doing_all_day_is_the_trigger(knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    slots = slots_after(["I'm a lecturer, I write on the whiteboard all day and my shoulder aches"], knowledge,
                        monkeypatch)
    assert slots.get("pain_trigger") == "overhead_work"


@pytest.mark.parametrize(("typed", "read"), [
    ("sair when bendin doon", "sair when bending down"), ("on my feet aw day", "on my feet all day"),
    ("turnin roon hurts", "turning round hurts"),
])
def test_scots_small_words_are_read_as_the_word(typed: str, read: str, knowledge: Any) -> None:
    assert correct(typed, load_language().speller).text.lower() == read


@pytest.mark.parametrize("text", ["aw, that's a shame", "aw man"])
def test_aw_alone_is_left(text: str, knowledge: Any) -> None:
    assert correct(text, load_language().speller).text == text


# --- 4. Scores -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("aboot a 5 oot o ten", 5), ("mebbe 7 oot of 10", 7), ("a 3 outta 10", 3),
    ("knee sore, 6 po, since last week", 6), ("maybe 4 po", 4),
    ("tight,4,few days", 4), ("throbbing 7 couple of weeks", 7), ("achy 3 several days", 3),
    ("sharp 6 - few weeks now", 6),
])
def test_scores_said_in_other_ways(text: str, expected: int) -> None:
    assert score(text) == expected


@pytest.mark.parametrize("text", ["walked 1,500 steps", "5 - 10 minutes", "3 or 4 hours a day", "dull 3 - 4 weeks"])
def test_counts_stay_counts(text: str) -> None:
    assert score(text) is None


def test_scots_score_through_the_whole_reader(knowledge: Any) -> None:
    assert first_facts("och, aboot a 7 oot o ten", knowledge, bare=True).get("intensity") == "7"


# --- 5. Places -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "region", "side"), [
    ("lwr back ache l side", "low_back", "left"), ("upr back stiff, r side", "upper_back", "right"),
    ("pain in my upr back on the r side", "upper_back", "right"),
    ("r side lwr back is sore", "low_back", "right"), ("L side neck stiff", None, "left"),
    ("cramps lwr abdo", "lower_abdomen", None),
])
def test_places_typed_short(text: str, region: str | None, side: str | None, knowledge: Any) -> None:
    places = [m for m in mentions_from_text(text, knowledge.sided_regions) if m.kind == "region" and m.present]
    assert places
    if region:
        assert places[0].value == region
    assert places[0].side == side


@pytest.mark.parametrize(("messages", "expected"), [
    (["my feet hurt", ("pain_location", "on the bottoms of both feet")], "sole:both"),
    (["my foot hurts", ("pain_location", "right foot, under it, near the heel end")], "sole:right"),
    (["My feet ache on the bottom"], "sole:both"),
])
def test_the_underside_of_a_foot_is_the_sole(messages: list[Any], expected: str, knowledge: Any,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    assert slots_after(messages, knowledge, monkeypatch).get("pain_location") == expected


def test_a_bottom_said_alone_is_still_the_buttock(knowledge: Any) -> None:
    assert first_facts("my bottom hurts when I sit", knowledge).get("region") == "buttock"
