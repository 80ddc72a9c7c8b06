"""Round 15, second pass: every fact of a message kept. A length said with hedges after an undated onset; an onset
said as the time of a doing (a weekday after a long doing, a spell of days or weeks of it, a named day's race); what
makes it worse said with an intensifier ("way worse"), as when the pain comes, as a place the work keeps one in or as
shift work; -ing words with the g dropped ("achin'"); terse lists typed without commas ("wrist back L 5/10 ache 1wk
scanner gun"). Each a class, in our own words, with nearby readings that must not change."""

from __future__ import annotations

from typing import Any

import pytest

from bot.nlp.extract import load_language, mentions_from_text
from bot.nlp.typos import correct
from tests.support.reading import days, slots_after


def _all(text: str, knowledge: Any, kind: str) -> list[str]:
    return [str(m.value) for m in mentions_from_text(text, knowledge.sided_regions, bare_intensity=True)
            if m.kind == kind and m.present]


def _places(text: str, knowledge: Any) -> list[tuple[str, str | None]]:
    return [(str(m.value), m.side) for m in mentions_from_text(text, knowledge.sided_regions)
            if m.kind == "region" and m.present]


# --- 1. A length said after an undated onset, with hedges around it, is the pain's --------------------------------

@pytest.mark.parametrize("answer", ["sharp, 6, twelve days more or less", "stinging and sore, 3, about a week or so",
                                    "achy, 5, a fortnight give or take"])
def test_a_hedged_length_after_an_undated_onset(answer: str, knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    slots = slots_after(["my left heel has been sore since I changed to a standing desk", ("pain_quality", answer)],
                        knowledge, monkeypatch)
    assert slots.get("pain_duration") in {"12", "7", "14"}
    assert slots.get("pain_intensity") in {"6", "3", "5"}


def test_the_hedges_are_part_of_the_length(knowledge: Any) -> None:
    said = [m.text for m in mentions_from_text("tight, 4, nine days more or less", knowledge.sided_regions)
            if m.kind == "duration"]
    assert said == ["nine days more or less"]


# --- 2. An onset said as the time of a doing ------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("shoulder sore after going all out on the rowing machine saturday", 2),  # Saturday, from Monday 30 November
    ("forearms aching after a week of long shifts stacking shelves", 7),
    ("knees are stiff after a few days of laying patio slabs", 3),
    ("my back's been sore after 2 weeks of decorating", 14),
    ("hamstrings tight after the thanksgiving fun run", 4),  # US Thanksgiving 2026: Thursday 26 November
])
def test_an_onset_said_as_the_time_of_a_doing(text: str, expected: float) -> None:
    assert days(text) == expected


@pytest.mark.parametrize("text", [
    "it got better after a week of rest", "my wrist hurts after a day of typing",
    "it always aches after a week of nights", "the knee should settle after christmas", "sore after a week",
])
def test_no_onset_in_a_rest_a_habit_or_a_day_ahead(text: str) -> None:
    assert days(text) is None


# --- 3. What makes it worse, with an intensifier, as when it comes, as a place or as shift work ---------------------

@pytest.mark.parametrize(("text", "words"), [
    ("hill repeats make it way worse", "hill repeats"), ("long rehearsals make it so much worse", "long rehearsals"),
    ("band practice makes it a lot worse", "band practice"),
    ("it comes when I do the late rota", "late rota"), ("it only starts after long gigs", "long gigs"),
    ("neck aches, been under cars all week", "under cars"), ("been up scaffolding all day and my back is sore",
                                                             "up scaffolding"),
    ("been workin' nights and my shoulders ache", "working nights"),
])
def test_what_makes_it_worse_in_the_persons_words(text: str, words: str, knowledge: Any) -> None:
    assert _all(text, knowledge, "trigger_words") == [words]


@pytest.mark.parametrize(("text", "activity"), [
    ("interval sprints make it much worse", "running"), ("speed work makes it way worse", "running"),
    ("carrying the shopping makes it loads worse", "carrying"),
])
def test_a_known_doing_with_an_intensifier(text: str, activity: str, knowledge: Any) -> None:
    assert activity in _all(text, knowledge, "activity")


@pytest.mark.parametrize("text", ["it comes and goes", "it started when I was on holiday",
                                  "been in bed all week with my back", "been on painkillers all week, back still sore"])
def test_no_cause_in_how_it_comes_a_rest_or_a_treatment(text: str, knowledge: Any) -> None:
    assert not _all(text, knowledge, "trigger_words")


def test_the_doing_said_unasked_is_kept(knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    slots = slots_after(["both calves really tight since the turkey trot on thanksgiving. Tempo runs make it way worse",
                         ("pain_intensity", "maybe a 5 out of 10")], knowledge, monkeypatch)
    assert slots.get("pain_trigger") == "running"
    assert slots.get("pain_intensity") == "5"


def test_when_it_comes_answers_what_it_feels_like(knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    slots = slots_after(["my neck hurts", ("pain_quality", "It comes when I do the night rota and get no sleep")],
                        knowledge, monkeypatch)
    assert slots.get("pain_trigger") == "night rota"


def test_a_place_the_work_keeps_one_in_and_a_later_length(knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    slots = slots_after(["right shoulder blade and neck giving me bother. been under floorboards all week",
                         ("pain_quality", "dull ache, 4, couple of days")], knowledge, monkeypatch)
    assert slots.get("pain_trigger") == "under floorboards"
    assert slots.get("pain_duration") == "2"


# --- 4. -ing words with the g dropped -----------------------------------------------------------------------------

@pytest.mark.parametrize(("typed", "read"), [
    ("my hip's achin'", "my hip's aching"), ("liftin' boxes", "lifting boxes"), ("nothin' helps", "nothing helps"),
    ("been drivin' all day", "been driving all day"),
])
def test_a_dropped_g_is_read_as_the_ing_word(typed: str, read: str) -> None:
    assert correct(typed, load_language().speller).text == read


@pytest.mark.parametrize("text", ["rock'n'roll", "the cousin' house", "Martin's knee"])
def test_other_apostrophes_are_left(text: str) -> None:
    assert correct(text, load_language().speller).text == text


def test_a_dropped_g_through_the_whole_reader(knowledge: Any) -> None:
    assert "carrying" in _all("my back's been achin' from carryin' the twins", knowledge, "activity")
    assert "aching" in _all("my back's been achin' from carryin' the twins", knowledge, "sensation")


# --- 5. Terse lists without commas -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "region", "side"), [
    ("wrist back R 6/10 sore 3 days", "wrist_back", "right"), ("knee back L 4/10 ache", "knee_back", "left"),
    ("elbow back R 3/10", "elbow_back", "right"), ("hand back, stiff", "hand_back", None),
])
def test_a_part_said_after_its_place(text: str, region: str, side: str | None, knowledge: Any,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    slots = slots_after([text], knowledge, monkeypatch)
    assert slots.get("pain_location") == (f"{region}:{side}" if side else region)


@pytest.mark.parametrize(("text", "places"), [
    ("my knee and back hurt", ["knee_front", "low_back"]), ("back L 5/10", ["low_back"]),
])
def test_the_back_said_as_a_place_stays(text: str, places: list[str], knowledge: Any) -> None:
    assert [region for region, _ in _places(text, knowledge)] == places


@pytest.mark.parametrize(("text", "words"), [
    ("wrist back R 6/10 sore 3 days pallet truck", "pallet truck"),
    ("knee back L 4/10 ache 2 wks pallet truck", "pallet truck"),
])
def test_the_last_words_of_a_terse_list_are_the_cause(text: str, words: str, knowledge: Any) -> None:
    assert _all(text, knowledge, "trigger_words") == [words]


@pytest.mark.parametrize("text", ["neck stiff 5/10 2 weeks now", "back ache 6/10 3 days getting worse",
                                  "hip ache 3/10 1 wk thanks", "shoulder sore 4/10 2 weeks left side"])
def test_closing_words_that_name_no_cause(text: str, knowledge: Any) -> None:
    assert not _all(text, knowledge, "trigger_words")
