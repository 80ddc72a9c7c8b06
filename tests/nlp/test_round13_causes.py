"""Round 13: what makes the pain worse said in a first long message, in the person's own words, so the intake does
not ask "what makes it worse?" again: a cause named as the person's guess, a work or hobby with the time it takes, a
doing after "on", a list of doings, a time of day said without its article; each as a class in our own words, with
the nearby readings it must not take over."""

from __future__ import annotations

from typing import Any

import pytest

from bot.nlp.extract import mentions_from_text
from tests.support.reading import slots_after

_CAUSE_KINDS = frozenset({"activity", "timing", "trigger_words"})


def _causes(text: str, knowledge: Any) -> list[tuple[str, str]]:
    """What the reader says makes it worse in one message: (kind, value) of each such mention."""
    return [(m.kind, str(m.value)) for m in mentions_from_text(text, knowledge.sided_regions)
            if m.kind in _CAUSE_KINDS and m.present]


def _words(text: str, knowledge: Any) -> list[str]:
    """The trigger in the person's words read from one message."""
    return [value for kind, value in _causes(text, knowledge) if kind == "trigger_words"]


# --- A cause the person names: a guess before it, or what it does to the pain after it ---------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("my heels are killing me, i think its my new boots lol", "my new boots"),
    ("knee pain, pretty sure it's the new trainers", "the new trainers"),
    ("lower back sore, probably the new sofa", "the new sofa"),
    ("hip hurts because of the hard seats at work", "the hard seats"),
    ("right wrist sore for 3 weeks, it's tamping that does it, and knocking the portafilter out", "tamping"),
    ("shoulder pain, it's the bar work that sets it off", "the bar work"),
    ("wrist sore, kneading sets it off", "kneading"),
    ("neck ache, the long meetings bring it on", "the long meetings"),
])
def test_a_cause_the_person_names(text: str, expected: str, knowledge: Any) -> None:
    assert _words(text, knowledge) == [expected]


@pytest.mark.parametrize(("text", "activity"), [
    ("shoulder aches because of the baby carrier", "carrying"),
    ("elbow pain due to all the hammering", "gripping"),
    ("my wrist aches, I reckon it's my new mouse", "mouse_use"),
])
def test_a_named_cause_the_vocabulary_knows(text: str, activity: str, knowledge: Any) -> None:
    assert ("activity", activity) in _causes(text, knowledge)


@pytest.mark.parametrize("text", [
    "i think it's my knee", "i think it's the tendon", "probably arthritis", "i think its a 6",
    "maybe the last 3 weeks", "I don't know what makes it worse", "why does it hurt so much",
    "does it matter which side", "I think it's getting worse", "i think it's the same as before",
    "ok thanks, that does it for me", "my calf is tight, must be a strain", "must be old age, knees ache all the time",
    "Left shoulder blade aching, I think it's a knot", "I think these exercises help", "the massage made it worse",
    "probably my own fault, shoulder sore", "i guess the doctor was right, my knee is sore",
])
def test_no_cause_in_a_guess_about_something_else(text: str, knowledge: Any) -> None:
    assert _words(text, knowledge) == []


def test_nothing_said_to_set_it_off_stays_nothing(knowledge: Any) -> None:
    assert _words("honestly nothing really sets it off", knowledge) == ["nothing really"]


# --- A work or hobby context: the work with the time it takes, or the time spent and where ------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("I'm on the tills all day and my wrist hurts", "the tills"),
    ("my thumb hurts, I do sanding in the workshop all day", "sanding in the workshop"),
    ("back aches after a long day on the building site", "a long day on the building site"),
    ("thumb sore after a shift behind the bar", "a shift behind the bar"),
    ("shoulder pain after sessions on the climbing wall", "sessions on the climbing wall"),
    ("feet sore after a long shift on the tills", "a long shift on the tills"),
    ("forearm aches after a day on the drill press", "a day on the drill press"),
])
def test_the_work_said_with_the_time_it_takes(text: str, expected: str, knowledge: Any) -> None:
    assert _words(text, knowledge) == [expected]


@pytest.mark.parametrize(("text", "activity"), [
    ("my thumb hurts, I do pipette in lab all day", "gripping"),
    ("forearm aches after a day on the pipe wrench", "gripping"),
    ("finger pain, hours on the fingerboard", "gripping"),
])
def test_the_tools_of_a_trade_the_vocabulary_knows(text: str, activity: str, knowledge: Any) -> None:
    assert ("activity", activity) in _causes(text, knowledge)


@pytest.mark.parametrize("text", [
    "I'm in pain all day", "I'm fine most days", "I'm on painkillers every day", "I'm on aspirin every day",
    "hurts for 3 days in a row", "been 2 days on ibuprofen", "I'm doing my physio exercises every day",
    "hours on the foam roller and my back still aches", "I'm at home all day with the kids, back hurts",
])
def test_no_work_in_a_time_said_of_something_else(text: str, knowledge: Any) -> None:
    assert _words(text, knowledge) == []


# --- A doing after "on" -------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("knee aches on long rides, especially climbing out of the saddle", "long rides"),
    ("knee hurts on hills", "hills"),
    ("knee hurts mostly on descents", "descents"),
    ("calf is tight, worse on road", "road"),
    ("shin sore on the treadmill incline", None),  # a treadmill is running: the vocabulary says it
])
def test_a_doing_after_on(text: str, expected: str | None, knowledge: Any) -> None:
    if expected is None:
        assert any(kind == "activity" for kind, _ in _causes(text, knowledge))
    else:
        assert _words(text, knowledge) == [expected]


def test_the_rowing_machine_is_pulling(knowledge: Any) -> None:
    assert ("activity", "pulling") in _causes("back pain only on the erg, at the catch", knowledge)


@pytest.mark.parametrize("text", [
    "my knee hurts on and off for a month", "pain on the left", "pain on my shoulder", "pain on the outside of my knee",
    "pain on the ball of my foot", "sore on one side only", "hurts on a scale of about 6", "pain on my right side",
    "pain mostly on the top of my foot", "knee aches on bad days", "pain on the inside of my elbow",
    "my knee hurts on the inner side", "pain on both knees", "it hurts on the bone at the front of my shin",
    "ache on my left side under the ribs", "tight on the right", "pain on the back of my thigh, comes and goes",
])
def test_no_doing_in_where_on_the_place(text: str, knowledge: Any) -> None:
    assert _words(text, knowledge) == []


# --- A list of doings after the facts -----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("wrist sore 6/10, 2 wks, whisking eggs and piping cream", "whisking eggs and piping cream"),
    ("elbow sore, 4, a month, sanding doors and painting window frames", "sanding doors and painting window frames"),
])
def test_two_doings_as_the_last_item(text: str, expected: str, knowledge: Any) -> None:
    assert _words(text, knowledge) == [expected]


def test_a_list_of_climbing_doings(knowledge: Any) -> None:
    causes = _causes("finger pain 5/10, 3 weeks, crimping on small holds and hanging on the fingerboard", knowledge)
    assert ("activity", "gripping") in causes


def test_a_feeling_as_the_last_item_is_no_doing(knowledge: Any) -> None:
    assert _words("shoulder ache 5/10, 2 weeks, shooting down my arm", knowledge) == []


# --- A time of day said without its article -----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "timing"), [
    ("heel pain first steps in morning", "morning"), ("neck stiff in mornings", "morning"),
    ("back is worse in evening", "evening"), ("stiff in evening", "evening"), ("worse in afternoons", "evening"),
    ("calf cramps at nights", "night"), ("worse at weekend", "weekend"),
])
def test_a_time_without_its_article(text: str, timing: str, knowledge: Any) -> None:
    assert ("timing", timing) in _causes(text, knowledge)


@pytest.mark.parametrize("text", ["it's been sore for 3 weeks", "shoulder sore since Monday",
                                  "when I was 12 I broke it", "pain from my neck down to my hand", "hi there",
                                  "thanks so much", "what should I do?"])
def test_no_cause_in_plain_facts_or_chat(text: str, knowledge: Any) -> None:
    assert _causes(text, knowledge) == []


# --- End to end: said once in the first message, the question is not needed --------------------------------------

@pytest.mark.parametrize("text", [
    "left heel sore for 2 weeks, i think its my new work boots",
    "right thumb aching 5/10, it's the tamping that does it",
    "forearm aches after a day on the pipe wrench, about a 4",
    "knee aches on long rides, 3 weeks now, 6/10",
    "elbow sore, 4, a month, sanding doors and painting window frames",
    "back is stiff and worse in evening, 5/10",
])
def test_the_cause_fills_the_trigger(text: str, knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    assert slots_after([text], knowledge, monkeypatch).get("pain_trigger")


def test_a_knee_sore_on_and_off_leaves_the_trigger_to_ask(knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    assert not slots_after(["my knee hurts on and off for a month, on the outside"], knowledge,
                           monkeypatch).get("pain_trigger")


# --- a spaced dash ends what makes it worse; "gets me on" says what it does to the pain ---------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("deep ache about 5/10 for 10 days, worse on butterfly - we did 3k of fly drills", "butterfly"),
    ("front of my hip, gets me on the climbs, especially out of the saddle", "the climbs"),
    ("shoulder aches, worse on the tills \u2013 every single shift", "the tills"),
])
def test_a_cause_ended_by_a_dash_or_said_with_gets_me(text: str, expected: str, knowledge: Any) -> None:
    assert expected in _words(text, knowledge)


@pytest.mark.parametrize("text", ["it gets me on the left side", "neck ache, it gets me on and off"])
def test_gets_me_on_a_side_or_on_and_off_is_no_cause(text: str, knowledge: Any) -> None:
    assert _words(text, knowledge) == []
