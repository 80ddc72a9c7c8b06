"""Round 12: short intake answers in dialect or non-native English that blind conversation set 17 lost (Scots,
Irish, Caribbean, Nigerian and Northern English wordings of how strong, how long, where and which side), each as a
class (the set's wording, others like it in our own words) with the nearby readings it must not take over; and a
side said with the wider area after the place itself ("my heal hurts" then "right foot", set 18)."""

from __future__ import annotations

from typing import Any

import pytest

from bot.nlp.extract import mentions_from_text
from tests.support.reading import TODAY, days, score, slots_after

# --- Strength: a number wrapped in dialect words, answering "how strong, from 0 to 10?" -------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("aboot a 6 a'd say", 6), ("it eh so bad, a 3 so", 3), ("a 6 easy", 6), ("bout 5 mi seh", 5),
    # our own
    ("mibbe a 4 like", 4), ("'bout 7 I'd seh", 7), ("roon aboot 5", 5), ("ah'd say a 7", 7), ("a wid say a 5", 5),
    ("a good 6 noo", 6), ("it a 7 o", 7), ("mebbe 3, a'd gie it", 3), ("a 8 easy enough", 8), ("probs a 4 tho", 4),
])
def test_a_score_inside_dialect_words(text: str, expected: int, knowledge: Any,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    assert score(text) == expected
    slots = slots_after(["my neck's stiff", ("pain_intensity", text)], knowledge, monkeypatch)
    assert slots["pain_intensity"] == str(expected)


@pytest.mark.parametrize("text", [
    "I have 5 so", "had 2 kids so", "about 5 so far", "bout 6 easy days", "about 3 so I left", "aboot 10 year ago",
    "we were about 5 so we went", "aboot 3 weeks", "a 5 a side, so",
])
def test_a_count_in_dialect_is_no_score(text: str) -> None:
    assert score(text) is None


# --- Duration: a count with its unit left singular, in a dialect clause ------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("bout a 6, dull achy, been 3 month on and off", 90), ("3 month", 90),
    # our own
    ("2 week on an off", 14), ("about 4 month noo", 120), ("6 week mi a suffer wid it", 42),
    ("it's 3 year I have this", 1095), ("3 month it hurts", 90), ("4 month an it getting worse", 120),
    ("2 month straight", 60), ("5 day so", 5),
])
def test_a_singular_unit_after_a_count_is_the_length(text: str, expected: float) -> None:
    assert days(text) == expected


@pytest.mark.parametrize("text", [
    "i'm on 12 hour shifts", "done 3 hour drive", "it's been 12 hour days all week", "booked a 2 week holiday",
    "my knee hurts after a 5 mile run",
])
def test_a_count_describing_a_thing_stays_no_length(text: str) -> None:
    assert days(text) is None


def _said_days(text: str, knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> str | None:
    """The duration read from one message by the whole reader (dialect spellings are mended before it), on the
    Monday the blind scripts were written for."""
    monkeypatch.setenv("BOT_TODAY", TODAY.isoformat())
    return next((str(m.value) for m in mentions_from_text(text, knowledge.sided_regions) if m.kind == "duration"),
                None)


@pytest.mark.parametrize(("text", "expected"), [
    ("Mawnin. Mi lef knee a hurt mi from las week", "7"), ("since las Tuesday", "6"),
    # our own
    ("mi back a hurt from las month", "30"), ("it start las night, mi shoulder", "1"),
    ("hip sore since las weekend", "9"), ("the ankle a swell from las Friday", "3"),
])
def test_last_with_its_t_dropped(text: str, expected: str, knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _said_days(text, knowledge, monkeypatch) == expected


@pytest.mark.parametrize("text", ["we went to Las Vegas", "las chicas", "a las cinco"])
def test_las_elsewhere_is_no_time(text: str, knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _said_days(text, knowledge, monkeypatch) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("a fortnight noo", 14), ("dis two week", 14),
    # our own
    ("knee hurt since yestiddy", 1), ("mi foot a hurt mi from yessideh", 1), ("been a fortnight noo, ma back", 14),
    ("dese three week mi hip a bodda mi", 21),
])
def test_dialect_lengths_and_days(text: str, expected: float) -> None:
    assert days(text) == expected


# --- Place and side: sides and "my" in dialect spelling ----------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("Mi lef knee a hurt mi from las week", "knee_front:left"),
    # our own
    ("mi rite knee a swell", "knee_front:right"), ("my rigt knee aches going downstairs", "knee_front:right"),
    ("pain in mi lef ankle", "ankle:left"), ("mi heal a hurt mi in de mawnin", "heel"),
])
def test_a_side_and_my_in_dialect_spelling(text: str, expected: str, knowledge: Any,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    assert slots_after([text], knowledge, monkeypatch)["pain_location"] == expected


def test_mi_elsewhere_stays() -> None:
    """"mi" is read as "my" only before a body word: the rest of the message is left as typed."""
    from bot.nlp.extract import load_language

    assert load_language().analyse("mi tell dem mi back a hurt mi").text == "mi tell dem my back a hurt mi"


# --- "shin spins": shin splints heard short, not the room spinning ------------------------------------------------


@pytest.mark.parametrize("text", [
    "I think I've got shin spins on my right leg from the couch to 5K",
    # our own
    "shin splits from running", "pretty sure it's shin spines again", "shin-spins after netball",
])
def test_shin_splints_heard_short(text: str, knowledge: Any) -> None:
    found = mentions_from_text(text, knowledge.sided_regions)
    assert any(m.kind == "region" and m.value == "shin" for m in found)
    assert not any(m.value in ("dizzy", "dizziness") for m in found)


def test_a_spinning_room_stays_dizziness(knowledge: Any) -> None:
    found = mentions_from_text("my head spins when I stand up", knowledge.sided_regions)
    assert any(m.value in ("dizzy", "dizziness") for m in found)


# --- A side said with the wider area after the place itself ("my heal hurts" then "right foot") ----------------


@pytest.mark.parametrize(("messages", "expected"), [
    (["my heal hurts first steps in the morning", ("pain_location", "right foot")], "heel:right"),
    (["my heal hurts first steps in the morning", "right foot"], "heel:right"),
    # our own
    (["heel pain when I get up", ("pain_location", "left foot")], "heel:left"),
    (["sore heel", ("pain_location", "both feet")], "heel:both"),
    (["my thumb aches when I text", ("pain_location", "left hand")], "thumb:left"),
    (["my shin is sore after runs", ("pain_location", "on my right leg")], "shin:right"),
])
def test_an_area_with_a_side_gives_it_to_the_place_inside(messages: list[str | tuple[str, str]], expected: str,
                                                          knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    assert slots_after(messages, knowledge, monkeypatch)["pain_location"] == expected


@pytest.mark.parametrize(("messages", "expected"), [
    (["my left heel hurts", ("pain_location", "right foot")], "heel:left"),  # its own side stays
    (["my heel hurts", ("pain_location", "right calf")], "heel"),  # the calf is no area the heel is in
    (["ache on the crown of my head", ("pain_location", "head, left")], "vertex"),  # the crown has no side
])
def test_an_area_with_a_side_leaves_other_places(messages: list[str | tuple[str, str]], expected: str,
                                                 knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    assert slots_after(messages, knowledge, monkeypatch)["pain_location"] == expected


def test_louping_is_throbbing(knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Scots "louping" (leaping, throbbing) is how it feels."""
    assert slots_after(["my left wrist has been louping since Friday"], knowledge, monkeypatch)["pain_quality"] == \
        "throbbing"
