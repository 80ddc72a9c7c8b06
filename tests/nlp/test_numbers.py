"""Numeric facts people state: intensity, duration, age."""

from __future__ import annotations

import pytest

from bot.nlp.numbers import parse_age, parse_duration_days, parse_intensity


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("it's about a 5 out of 10", 5),
        ("like 7/10 since monday", 7),
        ("maybe 6/10", 6),
        ("about a six", 6),
        ("I'd rate it an 8", 8),
        ("pretty severe", 8),
        ("mild really", 3),
        ("moderate", 5),
    ],
)
def test_intensity_in_sentences(text: str, expected: int) -> None:
    assert parse_intensity(text) is not None
    assert parse_intensity(text)[0] == expected  # type: ignore[index]


def test_bare_number_only_when_asked() -> None:
    assert parse_intensity("7") is None
    assert parse_intensity("7", bare_number_ok=True) == (7, "7")
    assert parse_intensity("42", bare_number_ok=True) is None


def test_no_intensity_in_plain_description() -> None:
    assert parse_intensity("my neck hurts when I drive") is None


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("been going on for a couple of months", 50, 70),
        ("about two weeks since I moved house", 13, 15),
        ("for three weeks", 20, 22),
        ("since monday", 1, 7),
        ("for years", 365, 5000),
        ("about twenty minutes ago", 0, 0.1),
        ("I've had mid back pain for a few days", 2, 4),
        ("six weeks", 41, 43),
    ],
)
def test_duration_in_days(text: str, low: float, high: float) -> None:
    found = parse_duration_days(text)
    assert found is not None
    assert low <= found[0] <= high


@pytest.mark.parametrize(
    ("text", "age"),
    [("I'm 74 and these headaches are new", 74), ("74 years old", 74), ("aged 52", 52), ("im 19", 19)],
)
def test_age(text: str, age: int) -> None:
    assert parse_age(text) == (age, parse_age(text)[1])  # type: ignore[index]


def test_intensity_is_not_an_age() -> None:
    assert parse_age("I'm 7/10 today") is None
