"""Round 17: facts as people write them, each a class in our own words, with nearby readings that must not change.
Lengths: an onset said with "from" for "since" before a feast ("From Ramzan"), which Eid ("the Eid after Ramadan"),
the carnival before Lent, "a good month", an injury dated "on <holiday>", the summer as Scots write it; a count of
years set off after a person is their age; a time said of another symptom is not the pain's. Scores: "I said 3 but
it's more like a 6". Causes: more of a doing ("since I upped my laps"), a games controller, scissors, "lyin oan it".
Feelings: "pulling" after "like" in another language ("parang pulling"). Places and sides: "it's a tight ache on the
left" in the next sentence, "both sides, left is just worse", "lower abs", "a chest of drawers", "neck and top of
shoulder", and "that leg" pointing back to the place already named."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.reading import days, first_facts, score, slots_after

# --- 1. Lengths: feasts said with "from", which Eid, Carnival; "a good month"; an injury on a holiday ---------------


@pytest.mark.parametrize(("text", "expected"), [
    # Ramadan 2026 began on 18 February; Eid al-Fitr, the Eid after it, fell on 20 March; Eid al-Adha on 27 May
    ("from Ramadan my knee hurts", 285), ("had it from the Eid after Ramadan", 255), ("since meethi Eid", 255),
    ("since bakra Eid", 187), ("From Diwali the ache is there", 22),
    # the carnival before Lent ends on Shrove Tuesday, 17 February 2026
    ("since Mardi Gras", 286), ("sore since carnaval, when I danced for three days", 286),
])
def test_an_onset_dated_by_a_feast(text: str, expected: float) -> None:
    assert days(text) == pytest.approx(expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("it's been a solid fortnight", 14), ("a good few weeks", 28), ("a good month now, on and off", 30),
    ("hip's been sore a good two months", 60),
])
def test_a_length_said_as_no_less_than_it(text: str, expected: float) -> None:
    assert days(text) == pytest.approx(expected)


@pytest.mark.parametrize(("text", "expected"), [
    # Thanksgiving 2026 was Thursday 26 November; Boxing Day last was 26 December 2025
    ("I tweaked my neck lifting the turkey on Thanksgiving", 4),
    ("did my back in shifting the tree on Boxing Day", 339),
    ("wrecked my knee dancing on Bonfire Night", 25),
])
def test_an_injury_dated_on_a_holiday(text: str, expected: float) -> None:
    assert days(text) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["I'm seeing family on Thanksgiving", "we always go walking on Boxing Day"])
def test_a_holiday_with_no_onset_is_no_length(text: str) -> None:
    assert days(text) is None


@pytest.mark.parametrize(("text", "expected"), [("a wee bit sair since the simmer", 182), ("since the summer", 182)])
def test_the_summer_as_scots_write_it(text: str, expected: float) -> None:
    assert days(text) == pytest.approx(expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("Mrs B, 90 years, complains of her knee", None), ("My dad, 81 years, has a sore shoulder for 2 weeks", 14),
    ("one of our clients, Mr K, 79 years, has a stiff neck", None),
    # no person before it: the years are the pain's
    ("back pain, 20 years", 7300),
])
def test_years_set_off_after_a_person_are_an_age(text: str, expected: float | None) -> None:
    assert days(text) == (pytest.approx(expected) if expected is not None else None)


@pytest.mark.parametrize(("text", "expected"), [
    ("since yesterday i have pins and needles in my toes", None),
    ("oh and since last night I can't really feel my bum when I wipe", None),
    # said with the pain, the time is the pain's
    ("sore and numb since yesterday", 1), ("ankle swollen since friday", 3),
])
def test_a_time_said_of_another_symptom_is_not_the_pains(text: str, expected: float | None) -> None:
    assert days(text) == (pytest.approx(expected) if expected is not None else None)


def test_a_later_symptom_keeps_the_pains_length(knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    slots = slots_after(["my lower back aches on both sides", ("pain_duration", "about 2 weeks"),
                         "also since last night I can't feel my inner thighs properly"], knowledge, monkeypatch)
    assert slots["pain_duration"] == "14"


def test_a_feast_said_with_from_as_the_answer(knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    slots = slots_after(["side of my neck hurts, right side", ("pain_duration", "From Ramzan")], knowledge,
                        monkeypatch)
    assert float(slots["pain_duration"]) == pytest.approx(285)


# --- 2. A score taken back with "but" ----------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("I said 4 but really it's more like a 7", 7), ("i put 2 earlier but when i bend its a 5", 5),
    ("oops I said 3 but tbh at work it's more like a 6", 6),
    # nothing said after "but" is a score: the one said stands
    ("I said 4 but it hurts more at night", 4),
])
def test_a_score_taken_back_with_but(text: str, expected: int) -> None:
    assert score(text) == expected


# --- 3. Causes: more of a doing, a games controller, scissors, lying on it as Scots say it ------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("ever since I increased my mileage my shins ache", "running"),
    ("my shoulder's been sore since I doubled my lengths", "swimming"),
    ("knees achy since upping me kms for the marathon", "running"),
    ("wrist aches from the ps5 controller", "computer_work"), ("rite thumb. from controller lol", "computer_work"),
    ("my fingers ache when I cut hair all day", "gripping"), ("hand is stiff from the scissors", "gripping"),
    ("it's sair when I'm lyin oan it", "sleeping_side"),
])
def test_causes_said_in_other_words(text: str, expected: str, knowledge: Any) -> None:
    assert first_facts(text, knowledge)["activity"] == expected


def test_more_of_a_doing_no_vocabulary_names(knowledge: Any) -> None:
    facts = first_facts("my calves have been tight since I upped the hill reps", knowledge)
    assert facts.get("trigger_words") == "upped the hill reps"


def test_a_bigger_dose_is_no_cause(knowledge: Any) -> None:
    facts = first_facts("since we increased the dose my knee hurts", knowledge)
    assert "trigger_words" not in facts and "activity" not in facts


# --- 4. "Pulling" after "like" in the speaker's other language ------------------------------------------------------


@pytest.mark.parametrize("text", ["Parang pulling, 5", "tipo pulling, maybe 4", "since June. Like pulling, 5"])
def test_pulling_said_after_like_is_how_it_feels(text: str, knowledge: Any) -> None:
    facts = first_facts(text, knowledge)
    assert facts.get("sensation") == "tight" and "activity" not in facts


def test_pulling_something_is_still_a_doing(knowledge: Any) -> None:
    assert first_facts("my back hurts from pulling the pallet truck", knowledge).get("activity") == "pulling"


# --- 5. Sides: in the next sentence about how "it" feels; both, one worse ------------------------------------------


@pytest.mark.parametrize(("messages", "expected"), [
    (["Hurt my neck at work yesterday. It's a sharp pain on the right when I turn my head"], "right"),
    (["I wrenched my lower back moving a sofa on Saturday. the pain is mostly on the left, about a 6"], "left"),
    (["my back teeth ache on the left", "oh wait its both sides, left is just worse"], "both"),
    (["my knee hurts", "both sides, worse on the right"], "both"),
    (["my knee hurts", "the right one, the left is fine"], "right"),
])
def test_the_side_said_of_the_pain(messages: list[str], expected: str, knowledge: Any,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    assert slots_after(messages, knowledge, monkeypatch)["pain_location"].endswith(":" + expected)


# --- 6. Places: the lower abs, furniture named after the chest, the neck with the top of the shoulder ---------------


@pytest.mark.parametrize(("text", "expected"), [
    ("my lower abs on the left are sore", "lower_abdomen"), ("bottom of my six pack aches", "lower_abdomen"),
    ("upper abs sore after crunches", "upper_abdomen"), ("my abs are sore", "upper_abdomen"),
    ("pulled my lower back lifting a chest of drawers", "low_back"),
    ("neck and top of shoulder ache on the right", "neck_side"),
    ("pain from my neck to the top of my shoulder", "neck_side"),
    ("my neck hurts at the back", "neck_back"),
])
def test_places_said_in_other_words(text: str, expected: str, knowledge: Any) -> None:
    assert first_facts(text, knowledge)["region"] == expected


@pytest.mark.parametrize("text", ["pulled my lower back lifting a chest of drawers",
                                  "carried the chest freezer upstairs", "my knee hurts since I moved the tool chest"])
def test_a_chest_that_is_a_thing_is_no_place(text: str, knowledge: Any) -> None:
    from bot.nlp.extract import mentions_from_text

    assert not any(m.kind == "region" and m.value == "chest"
                   for m in mentions_from_text(text, knowledge.sided_regions))


def test_that_leg_points_back_to_the_place_named(knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    slots = slots_after(["my grandad's right hip hurts, the side of it",
                         "Sorry. He said it is sore, like 7. He tripped on the step yesterday and can't stand on that "
                         "leg now"], knowledge, monkeypatch)
    assert slots["pain_location"] == "hip_side:right"


def test_a_correction_naming_the_leg_still_corrects(knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    slots = slots_after(["my left knee hurts", "sorry, not the knee, it's my calf"], knowledge, monkeypatch)
    assert slots["pain_location"] == "calf:left"
