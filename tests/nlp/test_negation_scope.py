"""Where a denial stops (set 7): a new clause with its own subject and verb ends it, a reported one does not,
and words that only look like an onset or a worst-ever stay quiet."""

from __future__ import annotations

import pytest

from bot.nlp.extract import mentions_from_text
from core.types import Mention


def findings(text: str, knowledge) -> set[str]:  # type: ignore[no-untyped-def]
    mentions: list[Mention] = mentions_from_text(text, knowledge.sided_regions)
    return {m.value for m in mentions if m.kind == "finding" and m.present}


@pytest.mark.parametrize("text", [
    "he won't eat his dinner he's got a temperature",
    "she can't settle she's burning up",
    "I didn't sleep I'm feverish",
])
def test_a_new_clause_ends_the_denial(text: str, knowledge) -> None:  # type: ignore[no-untyped-def]
    assert "fever" in findings(text, knowledge)


@pytest.mark.parametrize("text", [
    "I don't think he's got a temperature",
    "I'm not sure I have a fever",
    "no fever that I've noticed",
])
def test_a_reported_clause_keeps_the_denial(text: str, knowledge) -> None:  # type: ignore[no-untyped-def]
    assert "fever" not in findings(text, knowledge)


@pytest.mark.parametrize("text", [
    "the stitch goes within a minute once I stop running",
    "banged my knee on the table",
    "a banging headache after a long day",
    "my head is exploding with stress",
])
def test_no_onset_in_relief_blows_or_pressure(text: str, knowledge) -> None:  # type: ignore[no-untyped-def]
    assert not findings(text, knowledge) & {"sudden_onset", "thunderclap_onset"}


def test_an_onset_within_a_minute_is_still_sudden(knowledge) -> None:  # type: ignore[no-untyped-def]
    assert "sudden_onset" in findings("the pain came on within a minute of lifting the box", knowledge)


def test_a_worst_bounded_in_time_is_not_the_worst_ever(knowledge) -> None:  # type: ignore[no-untyped-def]
    assert not findings("worst back pain I've had this year", knowledge) & {"worst_ever_pain", "worst_ever_headache"}
    assert "worst_ever_pain" in findings("the worst pain I have ever had", knowledge)


@pytest.mark.parametrize("text", ["nope, it's the left knee that hurts", "no - the right wrist, not the left"])
def test_an_answering_no_denies_nothing_after_it(text: str, knowledge) -> None:  # type: ignore[no-untyped-def]
    places = [m for m in mentions_from_text(text, knowledge.sided_regions) if m.kind == "region"]
    assert places and all(m.present for m in places), places


@pytest.mark.parametrize("text", ["no, no numbness at all", "nope, nothing in my legs"])
def test_a_denial_after_the_answering_no_still_denies(text: str, knowledge) -> None:  # type: ignore[no-untyped-def]
    mentions = mentions_from_text(text, knowledge.sided_regions)
    assert not any(m.present for m in mentions if m.kind in {"sensation", "region"}), mentions
