"""Round 10: ways of saying how long and how strong that blind conversation set 14 lost, each as a class (the
set's wording, others like it in our own words) with the nearby readings it must not take over."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from bot.dialogue.state import stated_age
from bot.nlp.durations import find_duration, parse_duration_days
from bot.nlp.numbers import parse_age
from tests.support.reading import TODAY, days, score, slots_after

# --- Durations: a number said of the person's life, another illness or another event is not the pain's ------

@pytest.mark.parametrize(("text", "expected"), [
    ("Carpenter, 48, 22 years on the tools, mostly first fix on new-build sites, 7 till 4. Outside of my right elbow "
     "has had a burning ache since about Easter. Gets to a 5 out of 10.", 239),
    ("plasterer 30 yrs, 55. pain between shoulder blades right side, tight burning, 6/10, about a month, worse doing "
     "ceilings", 30),
    ("Hi mate, I'm 39, been a picker at the distribution centre for 6 years, 10-hour shifts, lifting boxes up to "
     "25 kg, about 20,000 steps a shift. Last Wednesday I bent to lift a crate of bottled water and felt my back go. "
     "Also, and this is embarrassing, since yesterday it's gone kind of numb between my legs", 5),
    ("Hello. I am lorry driver, 35 years old, I drive 9 hours per day, 5 days, 44 tonne truck, 11 years in this job. "
     "Pain in front of right hip. Is like pulling, 4 from 10. Three months now.", 90),
    ("Hello, I'm 59, I run a newsagent's, up at 5 am for the papers 7 days a week, 26 years now. I've got an ache in "
     "the middle of my back, about 5 out of 10, for the last 2 months.", 60),
    ("Hello, sorry for my english. I have 34 years, I work 10 hours every day in a call center with headset, 5 days "
     "in the week. I have pain in the jaw. Start 2 months ago more or less.", 60),
    ("Hello, I'm 69, widowed 4 years now, and I play indoor bowls 3 afternoons a week at the club, been a member since "
     "1998. I've got an ache behind my right knee, about a 3 out of 10, for about 3 weeks.", 21),
    ("I am 80 years young and I have been knitting since I was 6. Since about the middle of September the base of my "
     "right thumb has been aching", 76),
    ("Hello, I'm 63 and I've been a seamstress for 41 years, I do alterations about 6 hours a day, 5 days a week. The "
     "front of my right forearm has a tight ache, 4 out of 10, for about 6 weeks.", 42),
    ("Now then. I'm 66, 40 years down the pit till it shut, smoked 20 a day till 2010. I've had an ache in the left "
     "side of my jaw for about 3 weeks, 5 out of 10, dull.", 21),
    ("Ciao, I am barista since 8 years, I make maybe 300 coffee in a day. My left forearm is hurting, like sore and "
     "tight, 5 on 10. From 1 month.", 30),
    # our own
    ("I've been a nurse for 20 years and my back has hurt for 3 weeks", 21),
    ("married 30 years, my knee has ached for about a fortnight", 14),
    ("30 years as a postman. My knee has ached for 2 months", 60),
    ("Bus driver 25 yrs, 61. Low back ache, 5/10, about 3 weeks", 21),
    ("I have 52 years, pain in my back from 3 weeks", 21),
    ("about 3 weeks, I've been a plasterer 30 years", 21),
])
def test_a_length_of_the_persons_life_gives_way_to_the_pains(text: str, expected: float) -> None:
    assert days(text) == expected


@pytest.mark.parametrize("text", ["I'm a nurse working nights for 10 years", "retired 5 years now and loving it",
                                  "I've been a postie for 30 years, my knee hurts"])
def test_a_length_of_the_persons_life_alone_is_no_duration(text: str) -> None:
    assert days(text) is None


@pytest.mark.parametrize(("text", "expected"), [  # nearby readings that stay the pain's
    ("I have 3 weeks of pain in my back", 21), ("I'm a bit stiff for 2 days now", 2),
    ("it's been a nightmare for 3 weeks", 21), ("my back has hurt for 3 weeks as a result of lifting", 21),
    ("I'm a teacher, back sore for 2 weeks", 14), ("I've had this pain 3 years and", 1095),
    ("Since the spring, when I put the bulbs in. So some months now.", 274),
])
def test_a_length_said_of_the_pain_stays(text: str, expected: float) -> None:
    assert days(text) == expected


def test_an_age_said_as_years_one_has() -> None:
    assert parse_age("Hello, sorry for my english. I have 34 years, I work 10 hours every day") == (
        34, "i have 34 years")
    assert stated_age("I have 71 years") == 71 and parse_age("I am 80 years young") == (80, "80 years young")
    assert parse_age("I have 15 years of pain in my back") is None


@pytest.mark.parametrize(("text", "expected"), [
    ("Hi, I'm 40, I've had a stinking cold for 3 weeks with a hacking cough (it's finally clearing, no temperature "
     "for over a week now). Now I've got a sharp pain on the left side of my ribs. It started about 10 days ago when "
     "the cough was at its worst.", 10),
    ("had flu for a week, and my back has ached for 3 days", 3),  # our own
    ("I've had a chest infection for 2 weeks. My shoulder blade aches, since Thursday", 4),
    ("I've had a cough for 2 weeks and my ribs hurt", 14),  # the pain said with it: the same length
    ("I had covid 2 weeks ago and since then my legs ache", 14),
])
def test_another_illness_has_its_own_length(text: str, expected: float) -> None:
    assert days(text) == expected


def test_another_illness_alone_is_no_duration() -> None:
    assert days("I've had a chest infection for 2 weeks. Now my shoulder blade aches.") is None


@pytest.mark.parametrize(("text", "expected"), [
    ("Hello! I'm 57 and I signed up for a charity walking challenge in November, 15,000 steps a day for 30 days. I'm "
     "on day 29! But the front of both my shins has started aching, 4/10. It's been about a week.", 7),
    ("Afternoon. Just got back on Thursday from 3 weeks visiting my son and the grandchildren in Perth, 17 hours in "
     "the air via Dubai. Since Friday my right calf has had a tight, cramping ache, I'd call it a 6 out of 10.", 3),
    ("Hello. I spent all of Saturday, about 6 hours, digging over the vegetable beds at the allotment. Now I've got a "
     "tight ache between my shoulder blades, around 5 out of 10.", 2),
    ("just back from 2 weeks skiing, knee sore since Saturday", 2),  # our own
    ("Retired teacher, 34 years of teaching, and my neck has ached for a month", 30),
    ("achy 4 2 weeks painting ceilings", 14),  # a terse list: the length, then what brings it on
    ("sore for 3 weeks, lifting makes it worse", 21), ("been aching for 3 weeks, getting worse", 21),
])
def test_the_length_of_another_doing_is_not_the_pains(text: str, expected: float) -> None:
    assert days(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Hi! 31, just joined a running club, first session on Saturday was hill repeats, 8 x 200 m, and now both my "
     "calves are killing me, aching, about a 4/10.", 2),
    ("Hi, I'm 47, did the Santa Dash charity 5k with my two kids on the 21st (28 minutes 40, not bad for an old man!) "
     "and went for a sprint finish. Felt a pull in the back of my left thigh and it's been aching ever since", 9),
    ("42, cycle about 250 km a week, did a 160 km sportive on the 22nd. The front of my right thigh feels tight and "
     "achy, 5/10, ever since the sportive.", 8),
    ("played squash on Thursday and now my elbow is killing me", 4),  # our own
    ("Did the three peaks on the 7th, 9 hours of walking, and my knees have hurt ever since", 23),
    ("I'm seeing the physio on Monday, my back has hurt for a week", 7),  # a day ahead dates nothing
])
def test_the_day_of_the_event_the_pain_has_lasted_since(text: str, expected: float) -> None:
    assert days(text) == expected


@pytest.mark.parametrize("text", [
    "see you on Monday, now my back hurts", "my physio is on Friday and now I wait",  # ahead
    "my back hurts, I had physio on Monday and now it's easier",  # a change in a pain already there
    "knee pain, did a long run on Saturday and now it's worse",
])
def test_a_day_ahead_or_of_a_change_is_no_onset(text: str) -> None:
    assert days(text) is None


@pytest.mark.parametrize("text", [
    "hiya, 24, receptionist at a GP surgery, 8 till 6, and I get through about 2 packs of gum a day lol.",
    "Hello, I'm a ward sister, 52, doing three 12.5-hour shifts a week, and my watch says about 14,000 steps a shift.",
    "I work 10 hours every day in a call center with headset, 5 days in the week.",
    "I smoke 10 roll-ups a day", "I do three 8-hour shifts a week",  # our own
])
def test_a_rate_of_counted_things_is_no_duration(text: str) -> None:
    assert days(text) is None


def test_a_length_after_a_rate_still_counts() -> None:
    assert days("I did 3 sessions and been sore a week") == 7


# --- Durations: days shortened, said in slang or heard by voice-to-text ------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("chest muscle left side sore since gym thurs benching heavy", 4),
    ("right calf aching since i got off the plane sat", 2), ("since yday, a 5, hurts to turn my head right", 1),
    ("back of my left thigh the ham string is tight since football on Chews day", 6),
    ("since tue", 6), ("sore since weds", 5), ("pain since yest", 1), ("knee sore since choose day", 6),  # our own
    ("it's ached since yesteday", 1), ("stiff since the match on thu", 4),
    ("shoulder sore since we got back from the coast sun", 1),
])
def test_a_day_shortened_or_misheard(text: str, expected: float) -> None:
    assert days(text) == expected


@pytest.mark.parametrize("text", ["sore since I sat down at my desk", "my knee has hurt since the sun came out"])
def test_a_word_that_only_looks_like_a_day(text: str) -> None:
    found = find_duration(text, today=TODAY)
    assert found is not None and found.days is None  # an onset of unknown length, not a Saturday or a Sunday


@pytest.mark.parametrize(("text", "low", "high"), [
    ("right side of my neck is stiff, about 4, since last weekend, worse looking down at my phone", 7, 10),
    ("hurt it last weekend", 7, 10),  # our own
])
def test_last_weekend_on_a_monday_is_the_one_before(text: str, low: float, high: float) -> None:
    found = days(text)
    assert found is not None and low <= found <= high


def test_the_weekend_on_a_monday_is_the_one_just_gone() -> None:
    assert days("sore since the weekend") == 2
    assert days("hurt it last weekend", ) != days("hurt it at the weekend")
    assert parse_duration_days("hurt it last weekend", today=date(2026, 12, 4)) == (6.0, "last weekend")  # a Friday


# --- Scores ------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("hey so my neck is killing me left side its like tight n stiff prob a 5 had it about a week since i started "
     "doing doubles at work", 5),
    ("4 worse when i push anything", 4), ("about a six it's sort of stiff and achy", 6),
    ("low back both sides been bad since friday lifting boxes at work its a tight ache like 6 worse bending over", 6),
    ("burning sort of ache I'd say a seven worse when I've been driving for hours", 7),
    ("achey like 4 been abt 3 wks", 4),
    ("headache behind my left eye after long streams, dull, like a 5, last 2 wks", 5),
    ("maybe 7 worse after work", 7), ("a solid 6 had it since monday", 6), ("its like a 3 hurts more at night", 3),
])
def test_a_score_ends_its_clause_in_a_run_on_message(text: str, expected: int) -> None:
    assert score(text) == expected


@pytest.mark.parametrize(("text", "expected"), [("achey like 4 been abt 3 wks", 21),
                                                 ("headache behind my left eye, like a 5, last 2 wks", 14)])
def test_the_length_after_a_score_is_still_the_length(text: str, expected: float) -> None:
    assert days(text) == expected


@pytest.mark.parametrize("text", ["around 5 it gets worse", "by about 6 it's killing me", "about 5 had a cup of tea",
                                  "I have 2 kids been up all night"])
def test_a_time_of_day_or_a_count_before_a_new_clause_is_no_score(text: str) -> None:
    assert score(text) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("dunno 6?", 6), ("idk 5? is that high", 5), ("not sure, 7?", 7), ("no idea 4", 4),  # our own
])
def test_a_score_said_with_doubt(text: str, expected: int) -> None:
    assert score(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("about a for worse when I sprint or bend down to tie my laces", 4),
    ("like a for i guess", 4), ("I'd say an ate", 8),  # our own
])
def test_a_number_word_as_voice_to_text_writes_it(text: str, expected: int) -> None:
    assert score(text) == expected


@pytest.mark.parametrize("text", ["about a for loop", "it's a for sale sign"])
def test_a_word_that_only_sounds_like_a_number(text: str) -> None:
    assert score(text) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("Ciao, I am barista since 8 years, I make maybe 300 coffee in a day. My left forearm is hurting, like sore and "
     "tight, 5 on 10. From 1 month.", 5),
    ("Pain in front of right hip. Is like pulling, 4 from 10. Three months now.", 4),
    ("Hi! 31, just joined a running club, first session on Saturday was hill repeats, 8 x 200 m, and now both my "
     "calves are killing me, aching, about a 4/10.", 4),
    ("Delivery driver, 46, about 120 drops a day in the van. Left buttock has a deep ache, 5 out of 10", 5),
    ("my knee, 6 on 10 i think", 6),  # our own
])
def test_a_score_on_ten_and_counts_that_are_no_score(text: str, expected: int) -> None:
    assert score(text) == expected


@pytest.mark.parametrize("text", ["first session was hill repeats, 8 x 200 m", "I make maybe 300 coffee in a day",
                                  "about 120 drops a day", "intervals, 6 x 400 m"])
def test_a_count_times_a_distance_is_no_score(text: str) -> None:
    assert score(text) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("Hi. 45, staff nurse, 12.5-hour night shifts, 3 on 4 off, been doing it 19 years. I normally get tension "
     "headaches across my forehead maybe twice a month, 3 or 4 out of 10. Today is different though. About 2 hours "
     "ago I got a sudden explosion of pain at the back of my head, easily the worst headache of my life, 10/10", 10),
    ("usually a 3 but today it's 7", 7), ("it used to be a 3, now it's a 7", 7),  # our own
    ("normally 2 or 3 out of 10, this morning 8/10", 8),
    ("usually 4/10", 4), ("about a 5 today, usually 3", 5), ("3 on a good day, 5 on a bad day", 5),
])
def test_todays_score_wins_over_the_usual_one(text: str, expected: int) -> None:
    assert score(text) == expected


def test_a_score_after_a_length_of_months() -> None:
    text = "since she was born so like 5 months, and its a 6 by bedtime"
    assert score(text) == 6 and days(text) == 150


# --- End to end: what the intake keeps -------------------------------------------------------------------------

def test_a_score_said_with_what_makes_it_worse_answers_how_strong(
        knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    slots = slots_after(["chest muscle left side sore since gym thurs benching heavy",
                         ("pain_intensity", "4 worse when i push anything")], knowledge, monkeypatch)
    assert slots["pain_intensity"] == "4" and slots["pain_duration"] == "4"


def test_a_misheard_day_and_score(knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    slots = slots_after(["back of my left thigh the ham string is tight since football on Chews day",
                         ("pain_intensity", "about a for worse when I sprint or bend down to tie my laces")],
                        knowledge, monkeypatch)
    assert slots["pain_intensity"] == "4" and slots["pain_duration"] == "6"


def test_the_event_date_then_the_score(knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    slots = slots_after([
        "Hi, I'm 47, did the Santa Dash charity 5k with my two kids on the 21st (28 minutes 40, not bad for an old "
        "man!) and went for a sprint finish to beat my 12-year-old. Felt a pull in the back of my left thigh and it's "
        "been aching ever since, worse when I bend to put my socks on.",
        ("pain_intensity", "About a 5. Actually now I prod around, it's more up at the top, in the crease under my "
                           "bum, than the middle of the thigh.")], knowledge, monkeypatch)
    assert slots["pain_duration"] == "9" and slots["pain_intensity"] == "5"


def test_a_length_of_working_life_said_later_does_not_replace_the_pains(
        knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    slots = slots_after(["my knee has been aching for 3 weeks", "I've been a postman for 30 years if that matters"],
                        knowledge, monkeypatch)
    assert slots["pain_duration"] == "21"


def test_a_doubtful_number_to_how_long_is_no_score(
        knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    slots = slots_after(["neck. right side, stiff", ("pain_duration", "dunno 6?")], knowledge, monkeypatch)
    assert "pain_intensity" not in slots
    slots = slots_after(["neck. right side, stiff", ("pain_intensity", "dunno 6?")], knowledge, monkeypatch)
    assert slots["pain_intensity"] == "6"


@pytest.mark.parametrize("text", ["im 14 wks pregnant", "I'm 30 weeks", "im 5 mths pp"])
def test_weeks_of_pregnancy_are_no_age(text: str) -> None:
    assert parse_age(text) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("I have bruised easily since I was 10", None), ("when he was 6 he broke it, now its a 5", 5),
    ("it was 10 at its worst", 10), ("since I was 10 my back aches, about a 4", 4),
])
def test_an_age_said_with_since_or_when_is_no_score(text: str, expected: int | None) -> None:
    assert score(text) == expected
