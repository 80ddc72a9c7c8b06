"""Round 14: facts as blind conversation set 22 said them: the small words of other Englishes and of texting ("couple o
weeks", "since di summer", "wen i kick", "lyk 6", "efter a lang shift", "arvo"), a score closed by a speaker's particle
("7 sef") or named by a pain noun ("a sharp pull 6"), a month said after "from about", a meal said for the time of day,
a score with a slash that is no date, "paint" that is no pain, and causes said as a doing kept up lately, as a plain
verb after "since I", or as an object used all shift. Each a class, in our own words, with nearby readings that must
not change."""

from __future__ import annotations

from typing import Any

import pytest

from bot.nlp.extract import load_language
from bot.nlp.typos import correct
from tests.support.reading import days, first_facts, score

# --- 1. Small words of other Englishes read as the standard word -------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("had it a couple o weeks noo", 14), ("since di winter", None), ("it started friday arvo", 3),
    ("bad since friday arvo", 3), ("lots o days now, maybe 5 days", 5),
])
def test_small_words_of_other_englishes_keep_the_length(text: str, expected: float | None, knowledge: Any,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BOT_TODAY", "2026-11-30")
    facts = first_facts(text, knowledge)
    if expected is None:
        assert "duration" in facts  # "since the winter": some length, whatever the season's date
    else:
        assert float(facts["duration"]) == pytest.approx(expected, abs=1)


@pytest.mark.parametrize(("typed", "read"), [
    ("hurts wen i bend", "hurts when i bend"), ("throbbin lyk 5", "throbbing like 5"),
    ("worse efter a lang day", "worse after a long day"), ("tight coz of the desk", "tight because of the desk"),
    ("couple o days", "couple of days"),
])
def test_spoken_forms_are_read_as_the_word(typed: str, read: str, knowledge: Any) -> None:
    assert correct(typed, load_language().speller).text.lower() == read


@pytest.mark.parametrize("text", ["it's a 7 o", "after a 12hr shift", "the 3o minute walk"])
def test_spoken_forms_leave_other_words_alone(text: str, knowledge: Any) -> None:
    fixed = correct(text, load_language().speller).text
    assert "12hour" not in fixed and not fixed.endswith("of") and "3of" not in fixed


# --- 2. A score closed by a particle of the speaker's English, or named by a pain noun ---------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("maybe 6 sef", 6), ("about 5 lah", 5), ("prob 4 leh", 4), ("7 sef", 7),
])
def test_a_bare_score_with_a_closing_particle(text: str, expected: int, knowledge: Any) -> None:
    assert first_facts(text, knowledge, bare=True).get("intensity") == str(expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("it's like a deep twinge 5", 5), ("nasty pull at the back of the thigh, a niggle 4", 4),
    ("dull throb 6 most evenings", 6),
])
def test_a_score_after_a_pain_noun(text: str, expected: int) -> None:
    assert score(text) == expected


@pytest.mark.parametrize("text", ["did 3 pull ups", "a pull of 20 kg", "knot 2 cm wide"])
def test_counts_after_those_nouns_stay_counts(text: str) -> None:
    assert score(text) is None


# --- 3. Onsets: a month after "from about", a meal for the time of day, a slash score that is no date -------------

@pytest.mark.parametrize(("text", "expected"), [
    ("it's been sore from about october", 60), ("had it from September", 90), ("pain from around august", 121),
])
def test_a_month_after_from_about(text: str, expected: float) -> None:
    assert days(text) == pytest.approx(expected, abs=2)


@pytest.mark.parametrize("text", ["aching since about lunchtime", "sore since breakfast",
                                  "since teatime it's throbbed"])
def test_a_meal_dates_todays_onset(text: str) -> None:
    assert days(text) == pytest.approx(0.3, abs=0.1)


@pytest.mark.parametrize(("text", "expected"), [
    ("since thursday. 6/10, dull", 4), ("since saturday. 4/10", 2), ("since sunday, 3/10", 1),
])
def test_a_score_written_with_a_slash_is_no_date(text: str, expected: float) -> None:
    assert days(text) == pytest.approx(expected, abs=0.5)


def test_a_date_with_a_slash_still_dates() -> None:
    assert days("since 14/11") == pytest.approx(16, abs=1)


# --- 4. What makes it worse, said in ways the cues had missed ------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("right thumb sore, been restringing guitars all week", "restringing guitars"),
    ("low back, left. i've been grouting tiles non-stop", "grouting tiles"),
    ("wrist aches since I pipe the icing for the bakery", "pipe the icing"),
    ("my wrist hurts since I paint the doors of the flat, a week ago", "paint the doors of the flat"),
    ("left hand. dull. 4. 3 weeks. label gun all shift", "label gun"),
    ("shoulder aches after painting the fence", "painting the fence"),
])
def test_causes_said_in_other_ways(text: str, expected: str, knowledge: Any) -> None:
    assert first_facts(text, knowledge).get("trigger_words") == expected


@pytest.mark.parametrize("text", ["my neck hurts since I woke up on sunday", "knee sore since I was 12",
                                  "been hurting all week, my neck", "since I fell the ankle aches"])
def test_no_cause_from_onsets_or_the_pain_itself(text: str, knowledge: Any) -> None:
    assert "trigger_words" not in first_facts(text, knowledge)


@pytest.mark.parametrize("text", ["headache at the temples after gaming, like 6 hrs straight",
                                  "sore neck from sitting 9 hours solid at the desk"])
def test_hours_of_a_doing_are_no_length_of_the_pain(text: str) -> None:
    assert days(text) is None


@pytest.mark.parametrize(("text", "expected"), [("it's ached for 8 hours now", 0.33), ("sore 3 days straight", 3)])
def test_lengths_of_the_pain_stay(text: str, expected: float) -> None:
    assert days(text) == pytest.approx(expected, abs=0.1)


@pytest.mark.parametrize(("text", "expected"), [
    ("pain since one and half month", 45), ("had it two and a half weeks", 17.5), ("since 1 and half month", 45),
    ("for a week and half", 10.5), ("a month and a half now", 45),
])
def test_a_half_said_before_or_after_the_unit(text: str, expected: float) -> None:
    assert days(text) == pytest.approx(expected, abs=0.5)


@pytest.mark.parametrize(("text", "region"), [("pain at the back side of my neck", "neck_back"),
                                              ("the backside of the head throbs", "occiput")])
def test_the_back_side_of_a_place(text: str, region: str, knowledge: Any) -> None:
    assert first_facts(text, knowledge).get("region") == region


@pytest.mark.parametrize(("text", "expected"), [("usually 4, sometimes 5", 4), ("mostly a 3, sometimes 6", 3),
                                                ("about 5 it is. since the new job", 5)])
def test_usual_scores_and_a_score_said_it_is(text: str, expected: int) -> None:
    assert score(text) == expected


@pytest.mark.parametrize("text", ["around 5 it gets worse", "usually 2 hours at the desk", "sometimes 3 times a day"])
def test_clock_times_and_counts_stay(text: str) -> None:
    assert score(text) is None


def test_sour_is_sore(knowledge: Any) -> None:
    assert first_facts("my thumb is sour and tired after the phone", knowledge).get("sensation") == "sore"
