"""Round 11: ways of saying how long, how strong and what brings it on that blind conversation set 16 lost, each as a
class (the set's wording, others like it in our own words) with the nearby readings it must not take over."""

from __future__ import annotations

from typing import Any

import pytest

from bot.nlp.extract import mentions_from_text
from tests.support.reading import days, score, slots_after

# --- Durations: months and weeks as texts shorten them ---------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("top of my r shoulder n neck tight 6 since baby came 4 mo ago worse feeding her", 120),
    ("pain side of neck into my left shoulder blade from the phone wedged on my shoulder, 5, dull, 2 mths", 60),
    ("tight band, 4, wks", 21),
    # our own
    ("knee's been sore 3 mo now", 90), ("ankle sore for about 6 mths", 180), ("it started a few mo ago", 90),
    ("wrist 5/10, mths", 90), ("hip stiff, yrs", 730), ("for 2mths", 60), ("6 mos now", 180),
])
def test_a_length_shortened_in_a_text(text: str, expected: float) -> None:
    assert days(text) == expected


@pytest.mark.parametrize("text", ["hang on a mo", "give me a mo to find the ball",
                                  "my amo will bring me to the doctor"])
def test_a_moment_is_no_month(text: str) -> None:
    assert days(text) is None


# --- A score then how long, with a hedge between: the length stays the pain's, the score stays the score ------

@pytest.mark.parametrize(("text", "strength", "length"), [
    ("dull 4 about a month, worse after long nights shouting over the music", 4, 30),
    # our own
    ("achy 5 maybe a week or so", 5, 7), ("7/10 around a month", 7, 30), ("sore 6 roughly 3 weeks", 6, 21),
    ("dull 4 nearly a month", 4, 30), ("tight 6 a few weeks", 6, 21), ("stiff 4 approx 3 wks", 4, 21),
    ("sore 6 roughly a fortnight", 6, 14), ("achy 6 2 mths", 6, 60),
])
def test_a_hedged_length_after_a_score(text: str, strength: int, length: float) -> None:
    assert score(text) == strength and days(text) == length


@pytest.mark.parametrize("text", ["10,000 steps a day", "2 packs of gum a day",
                                  "5 nearly every day", "walk 5 nearly a mile"])
def test_a_count_then_how_often_is_neither(text: str) -> None:
    assert days(text) is None and score(text) is None


# --- A length of the job ("been at it 30 yrs") is no duration --------------------------------------------------

@pytest.mark.parametrize("text", ["been at it 30 yrs lol", "been at this 20 years", "been with the firm 15 yrs",
                                  "I've been in the trade 25 years"])
def test_a_length_at_the_job_is_no_duration(text: str) -> None:
    assert days(text) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("I've been in the trade 20 years, knee sore 3 weeks", 21), ("it's been at me for 3 weeks", 21),
    ("my shoulder has been sore for 3 wks", 21),
])
def test_a_length_said_of_the_pain_beside_a_job_stays(text: str, expected: float) -> None:
    assert days(text) == expected


# --- A length under a day said of something else (a shift, a journey, a session) is not the pain's -------------

@pytest.mark.parametrize("text", [
    "end of shift esp, headset on 8 hrs",
    "Oh yes please, that would be very kind of you. I've got one of the dog's tennis balls handy, he won't miss it "
    "for ten minutes.",
    "Bit worse to be honest. He's just got back from a coach trip to see my sister in Aberdeen, 9 hours each way, "
    "and he didn't get off at the services much.",
    # our own
    "I work 10 hrs a shift", "we drove 6 hours to the coast", "the massage helps for about an hour",
    "ok, I've got 20 mins before the school run",
])
def test_a_short_length_of_something_else_is_no_duration(text: str) -> None:
    assert days(text) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("neck pain for 3 hours now", 0.125), ("headache for 6 hours", 0.25), ("about 3 hours", 0.125),
    ("it came on about 2 hours ago", 2 / 24), ("2 hrs, getting worse", 2 / 24),
])
def test_a_short_length_of_the_pain_stays(text: str, expected: float) -> None:
    assert days(text) == pytest.approx(expected)


# --- The time of another illness is not the pain's, decimals and all ---------------------------------------------

@pytest.mark.parametrize("text", [
    "Nothing in particular makes it worse, it's just there. I've also been shivery with a temperature of 38.9 since "
    "last night and it stings when I pee.",
    # our own
    "I've had a bad cold since friday", "my temp was 38.2 since yesterday and I feel rough",
    "well, I've had the flu since tuesday",
])
def test_the_time_of_another_illness_is_no_duration(text: str) -> None:
    assert days(text) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("Hello, I had a nasty flu at the start of November (my wife had it first, then our neighbour's boy). The cough's "
     "mostly gone now but it's left the side of my ribs on the left sore, a sharp-ish ache when I twist or take a deep "
     "breath. About a 4, been about 2 weeks.", 14),
    ("had covid in october and got better, then the back started hurting 3 weeks ago", 21),
])
def test_the_pains_length_after_another_illness(text: str, expected: float) -> None:
    assert days(text) == expected


# --- A length said with a score is said of the pain, over the date of what came before ------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Hello. We moved to a third-floor flat in September (no lift!) and since then the front of my left thigh aches, "
     "just above the knee. About 6 weeks, maybe a 5, worst going up the stairs with the shopping.", 42),
    ("Ache in my shoulder, maybe a 5. Been about 3 weeks.", 21),
    ("went to the beach in August, and since then my knee hurts. About 4 weeks, a 3.", 28),
])
def test_a_length_said_with_a_score_wins_over_the_events_date(text: str, expected: float) -> None:
    assert days(text) == expected


# --- A weekday said with its date: the date; a date in brackets after the event the pain followed --------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Dear Sir or Madam, I am 80 years of age and a retired civil engineer (38 years with the same consultancy). "
     "Since painting the garden fence on Saturday 17 October I have had a dull ache on the outside of my right "
     "shoulder", 44),
    ("Hello. I danced all night at my niece's wedding (3rd of October, beautiful day, 140 guests) and ever since my "
     "right ankle has been achy on the outside.", 58),
    # our own
    ("knee sore since saturday the 14th", 16), ("hurt it on Friday 13th November", 17), ("hurt it on sat 14/11", 16),
    ("after the wedding (Sat 14th Nov) my back has been sore ever since", 16),
])
def test_a_date_said_with_its_weekday_or_in_brackets(text: str, expected: float) -> None:
    assert days(text) == expected


def test_a_weekday_then_a_length_is_still_the_length() -> None:
    assert days("pain since saturday 3 weeks ago") == 21


# --- The weekday that closes what "after" names, as texts shorten it ----------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("right calf tight af after my long run sun 🏃‍♀️ like a 4", 1),
    ("knee sore after footy sat, like a 4", 2), ("hip sore after parkrun sat", 2),
    ("calf tight after hockey wed, like a 5", 5),
])
def test_the_day_of_what_the_pain_came_after(text: str, expected: float) -> None:
    assert days(text) == expected


@pytest.mark.parametrize("text", ["burnt and sore after a day in the sun", "back sore after too much sun",
                                  "hip hurts after I sat down", "calf tight after sitting in the sun"])
def test_a_word_after_after_that_only_looks_like_a_day(text: str) -> None:
    assert days(text) is None


# --- What brings it on, in free words -----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("low back n into my l bum, achy 6, 2 wks, since plastering a ceiling", "plastering a ceiling"),
    ("stiff neck rt side 5 wks turning to reverse the car, dull, 4", "turning to reverse the car"),
    ("outside of my shoulder n top of arm, rollering ceilings", "rollering ceilings"),
    ("heel pain L foot worse 1st thing in morn and after a 12hr shift", "a 12hr shift"),
    # our own
    ("neck tight, 5, a month, since hanging wallpaper all weekend", "hanging wallpaper all weekend"),
    ("wrist sore, 4, since fitting a new kitchen", "fitting a new kitchen"),
    ("top of my forearm, sanding doors", "sanding doors"),
    ("shoulder blade ache 5 3 wks grouting the shower", "grouting the shower"),
    ("upper back sore 4 2 wks rewiring a loft", "rewiring a loft"),
    ("outer hip sore after a 6-hour shift", "a 6-hour shift"),
])
def test_what_brings_it_on_in_free_words(text: str, expected: str, knowledge: Any,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    assert slots_after([text], knowledge, monkeypatch).get("pain_trigger") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Nothing in particular makes it worse, it's just there.", "nothing in particular"),
    ("hip ache, nothing in particular seems to make it worse", "nothing in particular"),
    ("my jaw hurts, no particular trigger", "no particular trigger"),
    ("honestly nothing really makes it worse, my knee just aches", "nothing really"),
])
def test_nothing_in_particular_answers_what_makes_it_worse(text: str, expected: str, knowledge: Any,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    assert slots_after([text], knowledge, monkeypatch).get("pain_trigger") == expected


@pytest.mark.parametrize("text", [
    "shoulder, 6, 2 wks, shooting down my arm", "back aches 3 wks getting worse", "hip ache since wedding season",
    "knee sore since lambing started", "neck stiff 4 since getting up", "my back aches, nothing makes it better",
    "knee sore after 2hrs", "low back 5/10 2 weeks waiting for physio",
])
def test_what_the_pain_does_or_when_is_no_trigger(text: str, knowledge: Any) -> None:
    assert not [m for m in mentions_from_text(text, knowledge.sided_regions) if m.kind == "trigger_words"]


# --- End to end: what the intake keeps ----------------------------------------------------------------------------

def test_a_job_length_said_later_is_not_the_pains(knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    slots = slots_after(["outside of my shoulder n top of arm, rollering ceilings", ("pain_quality", "been at it 30 yrs"
                         " lol"), ("pain_quality", "left. dull 5. few months")], knowledge, monkeypatch)
    assert slots["pain_duration"] == "90" and slots["pain_trigger"] == "rollering ceilings"


def test_a_later_fever_since_last_night_keeps_the_pains_days(knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    slots = slots_after(["Hi there, I've had a pain on the right side of my low back for 4 days, sharp and throbbing, "
                         "around a 7.",
                         ("pain_trigger", "Nothing in particular makes it worse, it's just there. I've also been "
                          "shivery with a temperature of 38.9 since last night and it stings when I pee.")],
                        knowledge, monkeypatch)
    assert slots["pain_duration"] == "4" and slots["pain_trigger"] == "nothing in particular"


def test_a_later_session_length_keeps_the_pains_weeks(knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    slots = slots_after(["headache at base of skull both sides", ("pain_quality", "tight band, 4, wks"),
                         "I've got the ball, I can do it for ten minutes"], knowledge, monkeypatch)
    assert slots["pain_duration"] == "21" and slots["pain_intensity"] == "4"
