"""Round 16: facts as people text them: lengths with their units cut short ("last wk", "a cpl of wks"); a strength
said as a range ("3 or 4", "between a 5 and a 6"), read as its top as "5-6" always was; causes said as the work done
(packing, stacking, chopping, shifts and doubles) or as a new thing the pain began with ("since the new boots"); and
"pulling" said of how it feels. Each a class, in our own words, with nearby readings that must not change."""

from __future__ import annotations

from typing import Any

import pytest

from bot.nlp.extract import mentions_from_text
from tests.support.reading import days, first_facts, score, slots_after


def _all(text: str, knowledge: Any, kind: str) -> list[str]:
    return [str(m.value) for m in mentions_from_text(text, knowledge.sided_regions, bare_intensity=True)
            if m.kind == kind and m.present]


# --- 1. Units cut short: "wk", "mth", "yr"; "a couple" as "cpl", "cple" or "coupla" -----------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("the ache began last wk", 7), ("it came on last mth", 30), ("kicked off last yr sometime", 365),
    ("elbow's been sore about 2 wks", 14), ("3 mths of this now", 90), ("1 yr, on and off", 365),
    ("knee's hurt for a cpl of wks now", 14), ("cple days", 2), ("a coupla months i think", 60),
    ("for the last cpl of wks", 14), ("since last mth", 30), ("since the first wk of november", 26),
])
def test_lengths_with_their_units_cut_short(text: str, expected: float) -> None:
    assert days(text) == pytest.approx(expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("better than last wk", None), ("a couple of months, maybe 4", 120), ("few weeks, mibbe 3", 21),
    ("since new years my hip aches", 333),
])
def test_nearby_lengths_unchanged(text: str, expected: float | None) -> None:
    assert days(text) == (pytest.approx(expected) if expected is not None else None)


def test_a_short_unit_read_by_the_whole_reader(knowledge: Any) -> None:
    facts = first_facts("my wrist started aching last wk, a cpl of wks after I took up rowing", knowledge)
    assert facts["duration"] == "7"


# --- 2. A strength said as a range: its top, however the range is said ------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("3 or 4", 4), ("4 or 5 maybe", 5), ("a 6 or a 7", 7), ("5 or maybe 6", 6), ("between 6 and 7", 7),
    ("between a 4 and a 5", 5), ("somewhere between 5-6", 6), ("5-6", 6), ("probably 2 or 3 tbh", 3),
])
def test_a_range_given_as_the_answer_is_its_top(text: str, expected: int, knowledge: Any) -> None:
    assert first_facts(text, knowledge, bare=True)["intensity"] == str(expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("sharp, between a 5 and a 6 when I turn", 6), ("I'd put it between 3 and 4 out of 10", 4),
    ("dull ache, a 4 or a 5", 5),
    # a couple is never six: after "a couple of weeks" a 6-7 is the score, not the weeks
    ("knee sore for a cpl of wks, 6-7", 7), ("couple of weeks, 6", 6),
])
def test_a_range_said_in_a_sentence_is_its_top(text: str, expected: int) -> None:
    assert score(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("been like this 2 or 3 weeks", 21), ("between 2 and 3 weeks now", 21), ("knee sore for a cpl of wks, 6-7", 14),
])
def test_a_range_of_weeks_stays_a_length(text: str, expected: float) -> None:
    assert days(text) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["been like this 2 or 3 weeks", "between 2 and 3 weeks", "3 or 4 hours a day",
                                  "between 4 and 5 hours most days"])
def test_a_range_of_weeks_or_hours_is_no_score(text: str) -> None:
    assert score(text) is None


# --- 3. Causes said as the work: packing, stacking, kitchen knife work, shifts and doubles ----------------------------

@pytest.mark.parametrize(("text", "activity"), [
    ("my hands ache, I pack parcels all day at the depot", "lifting"),
    ("shoulder's sore, I'm stacking shelves every night", "lifting"),
    ("he stacks boxes in a warehouse and his back is sore", "lifting"),
    ("thumb aches from dicing veg in the kitchen", "gripping"),
    ("my wrist hurts, chopping carrots all day at work", "gripping"),
    ("sore forearm, I chop onions for hours in a cafe", "gripping"),
])
def test_work_done_is_the_doing(text: str, activity: str, knowledge: Any) -> None:
    assert activity in _all(text, knowledge, "activity")
    assert not _all(text, knowledge, "trigger_words")  # not "day in the kitchen" as well


@pytest.mark.parametrize(("text", "expected"), [
    ("my back is worse after my shifts", "my shifts"), ("feet killing me after long shifts", "long shifts"),
    ("worse after a shift on the wards", "a shift on the wards"),
])
def test_shifts_worked_are_what_brings_it_on(text: str, expected: str, knowledge: Any,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    assert slots_after([text], knowledge, monkeypatch)["pain_trigger"] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("been pulling doubles, now my back aches", "doubles"), ("hip sore since I started night shifts", "night shifts"),
    ("my knees ache since we went on to nights", "nights"),
])
def test_shift_patterns_are_the_cause(text: str, expected: str, knowledge: Any) -> None:
    found = _all(text, knowledge, "trigger_words")
    assert found and expected in found[0]
    assert "pulling" not in _all(text, knowledge, "activity") and "tight" not in _all(text, knowledge, "sensation")


@pytest.mark.parametrize(("text", "expected"), [
    ("neck worse at night", "night"), ("back worse after work", "evening"),
    ("knee worse at the end of the day", "evening"),
])
def test_a_time_of_day_alone_stays_the_answer(text: str, expected: str, knowledge: Any,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    assert slots_after([text], knowledge, monkeypatch)["pain_trigger"] == expected


# --- 4. "since" a new thing: the thing is the cause; "since" an occasion stays a time ---------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("my heels ache since the new work boots", "the new work boots"),
    ("since we got new chairs at the office my back aches", "new chairs"),
    ("arches sore since new trainers", "new trainers"),
    ("feet ache since I changed to barefoot shoes", "barefoot shoes"),
])
def test_a_new_thing_the_pain_began_with_is_the_cause(text: str, expected: str, knowledge: Any) -> None:
    assert _all(text, knowledge, "trigger_words") == [expected]


@pytest.mark.parametrize(("text", "activity"), [
    ("since the office gave us new computer chairs my back aches", "sitting"),
    ("hips ache since I switched to a standing desk", "standing"),
    ("wrist sore since we got the new desks", "computer_work"),
])
def test_a_new_thing_the_vocabulary_knows_is_its_doing(text: str, activity: str, knowledge: Any) -> None:
    assert activity in _all(text, knowledge, "activity")


@pytest.mark.parametrize("text", [
    "my knee has ached since the christening in october", "shoulder sore since the holidays",
    "since the new year my knee aches", "it's been sore since the new manager started",
    "sore since moving to a new flat",
])
def test_since_an_occasion_names_no_cause(text: str, knowledge: Any) -> None:
    assert not _all(text, knowledge, "trigger_words")


# --- 5. "pulling" said of how it feels is the tight feeling; pulling something stays the doing ------------------------

@pytest.mark.parametrize("text", [
    "my calf feels tight and pulling", "a pulling kind of pain behind my knee", "the hamstring is pulling",
    "pulling, stinging feeling in my groin", "my inner thigh feels sort of pulling", "achy and pulling in my calf",
])
def test_pulling_as_a_feeling(text: str, knowledge: Any) -> None:
    assert "tight" in _all(text, knowledge, "sensation")
    assert "pulling" not in _all(text, knowledge, "activity")


@pytest.mark.parametrize(("text", "activity"), [
    ("it hurts pulling the wheelie bin", "pulling"), ("my back's sore from pulling the pallet truck", "pulling"),
    ("sore after pulling weeds", "gardening"), ("I was pulling and my back went", "pulling"),
    ("my shoulder hurts when the dog is pulling", "pulling"),
])
def test_pulling_something_stays_the_doing(text: str, activity: str, knowledge: Any) -> None:
    assert activity in _all(text, knowledge, "activity")
