"""Round 12: ways of saying how long, how strong, where and what brings it on that blind conversation set 18 lost,
each as a class (the set's wording, others like it in our own words) with the nearby readings it must not take over."""

from __future__ import annotations

from typing import Any

import pytest

from bot.nlp.extract import mentions_from_text
from tests.support.reading import days, score, slots_after

# --- Durations: a unit shortened and said alone, a length said without a count --------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("wk or so", 7), ("a wk", 7), ("mth or so", 30), ("knee, 5. wk or so", 7), ("yr ish", 365),
])
def test_a_shortened_unit_alone_is_one_of_it(text: str, expected: float) -> None:
    assert days(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("oh years I'm afraid since I retired", 730),
    # our own
    ("months i think", 90), ("erm weeks probably", 21), ("Oh, years, since the op", 730), ("ugh months now", 90),
])
def test_an_uncounted_length_opening_the_answer(text: str, expected: float) -> None:
    assert days(text) == expected


@pytest.mark.parametrize("text", ["years ago I broke it", "years of pain in my family", "weeks and weeks of rain"])
def test_an_uncounted_word_that_is_no_answer(text: str) -> None:
    assert days(text) is None


# --- Numbers heard as words by voice-to-text ("too weeks", "I would say for") -------------------------------------

def _said_days(text: str, knowledge: Any) -> str | None:
    """The duration read from one message by the whole reader (the dictation slips are mended before it)."""
    return next((str(m.value) for m in mentions_from_text(text, knowledge.sided_regions) if m.kind == "duration"),
                None)


@pytest.mark.parametrize(("text", "expected"), [
    ("hey so my write shoulder the top bit near my neck has been really tight and achy for about too weeks now its "
     "like a 6 out of ten", "14"),
    # our own
    ("it's been sore for too days", "2"), ("about too months now", "60"), ("aching for the past too weeks", "14"),
])
def test_too_before_a_unit_is_two(text: str, expected: str, knowledge: Any) -> None:
    assert _said_days(text, knowledge) == expected


@pytest.mark.parametrize("text", ["it was too hot for days", "way too many weeks of this", "I went to the gym"])
def test_too_elsewhere_stays(text: str, knowledge: Any) -> None:
    assert _said_days(text, knowledge) not in ("2", "14")


def test_a_number_heard_as_for_after_say(knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    slots = slots_after(["both knees at the front, an ache", ("pain_intensity", "how bad I would say for")],
                        knowledge, monkeypatch)
    assert slots["pain_intensity"] == "4"
    assert "pain_intensity" not in slots_after(["knee ache", ("pain_intensity", "what would you say for?")],
                                               knowledge, monkeypatch)


# --- How the pain's verb is said in dialect ("been louping for a fortnight") ------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("awright, ma right elbow's been louping for a fortnight, ootside bit", 14),
    # our own
    ("my knee has been pounding for 3 days", 3), ("been nipping for a week", 7), ("heel's been stinging 2 weeks", 14),
])
def test_a_dialect_pain_verb_keeps_the_length(text: str, expected: float) -> None:
    assert days(text) == expected


def test_a_habit_length_stays_no_duration() -> None:
    assert days("been building houses 30 years") is None


# --- A length of years said of something else done ("I taught infants for 38 years") -----------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Good morning. I hope you don't mind me asking about this. I'm 74 and I taught infants for 38 years, so I'm used "
     "to headaches, but for the last three weeks or so I've had a dull, pressing ache at my right temple.", 21),
    ("My dentist, who I've seen every six months for 20 years, says I grind my teeth at night. Now the right side of "
     "my jaw aches. Not sharp, more of a dull thing, maybe a 4. It's been about six weeks and it's worse first thing "
     "in the morning.", 42),
    ("Good morning. I'm 76, and since the first week of November the front of my left knee aches when I come down the "
     "stairs. I'd put it at 4. We've lived in this house 41 years and it's 14 steps.", 26),
    # our own
    ("I've played the cello for 30 years and my wrist has ached for 2 weeks", 14),
    ("we farmed that land 40 years, my hip's been sore a month", 30),
])
def test_years_of_something_else_lose_to_the_pains_length(text: str, expected: float) -> None:
    assert days(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("I've had it for 2 years", 730), ("I've lived with this for years", 730), ("I've noticed it for 2 years", 730),
    ("I've played on a sore knee for 3 years", 1095),
])
def test_years_said_of_the_pain_stay(text: str, expected: float) -> None:
    assert days(text) == expected


# --- A week of a month ("since the first week of November") ------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("sore since the first week of nov", 26), ("since the last week of october", 36),
    ("knee aches since the second week of sept", 80),
])
def test_since_a_week_of_a_month(text: str, expected: float) -> None:
    assert days(text) == expected


def test_the_last_week_alone_stays_a_week() -> None:
    assert days("for the last week") == 7 and days("last week") == 7


# --- Times said of something other than the pain in a long message ------------------------------------------------

@pytest.mark.parametrize("text", [
    "Not pressure as such. I do get puffed out on the hill up to the paper shop, and now you mention it that's when "
    "the jaw comes on, and it goes off if I stand still a minute.",
    # our own
    "it eases off once I sit down for ten minutes", "the ache goes if I rest a few minutes",
])
def test_a_pause_that_eases_it_is_no_duration(text: str) -> None:
    assert days(text) is None


@pytest.mark.parametrize("text", [
    "It didn't come on suddenly, it crept up over a few days. But what do you mean by weakness exactly?",
    # our own
    "no, it came on gradually over a couple of hours", "it built up slowly over a few days",
])
def test_how_fast_it_came_on_is_no_duration(text: str) -> None:
    assert days(text) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("it came on over the last few weeks", 21), ("came on gradually over 3 weeks", 21),
])
def test_a_length_it_came_on_over_from_now_stays(text: str, expected: float) -> None:
    assert days(text) == expected


def test_unchanged_for_years_of_something_else_is_no_duration() -> None:
    assert days("Ah, right. No, nothing new then, it's been the same for years. No chest tightness, no sweats.") is None
    assert days("the pain has been the same for 3 weeks") == 21


def test_a_day_it_did_not_hurt_is_no_onset() -> None:
    assert days("I did the massage every night and ran 18k yesterday without it cramping once, so thank you!") is None


@pytest.mark.parametrize(("text", "expected"), [
    ("I did the Three Peaks in the middle of October, 24 hours, 42 km, and ever since the outside of my right knee has "
     "been niggling. It's a sharp twinge, 5, when I go downhill.", 46),
    # our own
    ("did a 12 hour hike on the 1st of November, 30 km, and ever since my calf aches", 29),
])
def test_the_day_of_the_event_it_followed_beats_the_events_own_length(text: str, expected: float) -> None:
    assert days(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Same as the other one was, tight and crampy, about a 3, since last Sunday's long run, and the hills set it off.",
     8),
    # our own: said on a Monday, "last sunday" is not yesterday
    ("calf sore since last sunday", 8), ("hurt it last sunday", 8), ("sore since sunday", 1),
    ("since last saturday", 2),
])
def test_last_weekday_that_was_yesterday_is_the_week_before(text: str, expected: float) -> None:
    assert days(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("I went over on my left ankle dancing at my cousin's wedding on the 15th of August, in heels, I know. The "
     "swelling's long gone but the outside of the ankle still aches, a 3.", 107),
    # our own
    ("rolled my ankle on the 2nd of November playing netball", 28),
])
def test_an_injury_by_its_verb_dates_the_pain(text: str, expected: float) -> None:
    assert days(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("I'm sure this is just a muscle. Left side of my chest, along the ribs under the armpit. Sore, a 4. Since I had a "
     "coughing fit with the flu about ten days ago. Hurts more when I cough or twist.", 10),
    # our own
    ("ribs sore. since a bad cold about 2 weeks ago", 14),
])
def test_an_illness_the_pain_began_with_dates_it(text: str, expected: float) -> None:
    assert days(text) == expected


# --- How strong: a carer's report, a score then what brings it on ------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("she reckons 6", 6), ("he thinks about a 5", 5), ("mum reckons 7", 7), ("she guesses 4", 4),
    ("7 goin down stairs", 7), ("8 walking uphill", 8), ("6 getting out of the car", 6),
])
def test_a_score_reported_or_followed_by_a_doing(text: str, expected: int) -> None:
    assert score(text) == expected


@pytest.mark.parametrize("text", ["5 running shoes", "3 walking sessions a week", "10 minutes walking"])
def test_a_count_before_a_doing_is_no_score(text: str) -> None:
    assert score(text) is None


def test_a_carers_score_at_the_strength_question(knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    slots = slots_after(["hi its about my mum not me", ("pain_location", "her shoulder"),
                         ("pain_location", "left. front of it mostly"), ("pain_quality", "she says its a deep ache"),
                         ("pain_intensity", "she reckons 6")], knowledge, monkeypatch)
    assert slots["pain_intensity"] == "6" and slots["pain_location"] == "shoulder_front:left"


# --- Where: dictated and split words, a part word inside a doing's name ---------------------------------------------

@pytest.mark.parametrize(("messages", "expected"), [
    (["pain at the bass of my skull", ("pain_location", "both sides")], "skull_base:both"),
    (["my ham string is tight", ("pain_location", "the left one. like 4. worse on long drives")], "thigh_back:left"),
    (["Outer part of my left shoulder aches when I swim front crawl. Dull, 5 out of 10."], "shoulder_outer:left"),
    # our own
    (["right ham strings sore after football"], "thigh_back:right"),
    (["ache at the bass of the skull, right side"], "skull_base:right"),
])
def test_the_place_said_in_other_words(messages: list[Any], expected: str, knowledge: Any,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    assert slots_after(messages, knowledge, monkeypatch)["pain_location"] == expected


def test_a_bass_guitar_is_no_place(knowledge: Any) -> None:
    assert not [m for m in mentions_from_text("I play bass in a band", knowledge.sided_regions) if m.kind == "region"]


# --- What brings it on: a gym day, a programme's name, work shifts --------------------------------------------------

@pytest.mark.parametrize("text", [
    "right pec sore after bench day 🏋️", "I think I've got shin spins on my right leg from the couch to 5K",
    # our own
    "left shoulder sore after chest day", "knees ache since starting c25k", "calf tight after a 10K",
])
def test_a_gym_day_or_a_running_programme_brings_it_on(text: str, knowledge: Any,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    assert slots_after([text], knowledge, monkeypatch).get("pain_trigger")


@pytest.mark.parametrize(("text", "expected"), [
    ("long shifts on the coffee machine tbh", "long shifts on the coffee machine"),
    ("night shifts", "night shifts"), ("12 hour shifts at the hospital", "12 hour shifts at the hospital"),
])
def test_work_shifts_as_the_answer(text: str, expected: str, knowledge: Any) -> None:
    said = [m.value for m in mentions_from_text(text, knowledge.sided_regions) if m.kind == "trigger_words"]
    assert said == [expected]


def test_shifts_said_while_the_length_is_asked_are_kept(knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    slots = slots_after(["temples both sides, pressing, 5", ("pain_duration", "wk or so"),
                         ("pain_duration", "long shifts on the coffee machine tbh")], knowledge, monkeypatch)
    assert slots["pain_duration"] == "7" and slots["pain_trigger"] == "long shifts on the coffee machine"


def test_a_part_named_with_a_place_and_no_list_trigger(knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    slots = slots_after(["awright, ma right elbow's been louping for a fortnight, ootside bit"], knowledge,
                        monkeypatch)
    assert slots["pain_duration"] == "14" and slots["pain_location"] == "elbow_outer:right"
    assert "pain_trigger" not in slots  # "ootside bit" says where, not what brings it on


@pytest.mark.parametrize("text", ["I sew two or three hours a night, I'd give it a 5",
                                  "five or six hours at the desk, sore, 5"])
def test_a_range_of_hours_in_words_is_no_score(text: str) -> None:
    """"two or three hours every evening": a count in words, like "2 or 3 hours"; the score is the one said."""
    assert score(text) == 5
