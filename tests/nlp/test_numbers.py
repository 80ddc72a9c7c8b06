"""Numeric facts people state: intensity, duration, age."""

from __future__ import annotations

from datetime import date

import pytest

from bot.nlp.durations import find_duration, parse_duration_days
from bot.nlp.numbers import parse_age, parse_intensity


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
        ("lower back. both sides. achey. 5ish. since the baby", 5),
        ("idk its just like achey 4", 4),
        ("a stiff ache of about 5 which has been with me for two months", 5),
        ("like pinchy and achey 5 since half term", 5),
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
    ("text", "low", "high"),
    [
        ("since bonfire night", 24, 26),
        ("it's been going on since the clocks went back", 30, 40),
        ("since i started the new job in september", 80, 95),
        ("on and off since I got the new saddle in September", 80, 95),
        ("pinchy since october half term", 30, 40),
        ("For some weeks now I have suffered", 14, 35),
        # feasts whose date moves, counted back to the last one (Diwali 2026: 8 November)
        ("my hip has ached since deepavali", 20, 24),
        ("it started around eid", 180, 200),
        ("since chinese new year", 280, 290),
        # seasons and bracketed months as dates of an onset; month names mistyped
        ("it began in the autumn", 85, 95),
        ("since the half marathon (oct) my calf is tight", 55, 65),
        ("since I started the new job in Novmber", 25, 35),
        ("sore since Febuary", 295, 310),
        # a length said without its plural; a plural unit alone; a habit's length is not the pain's
        ("pain since 2 month when I work", 55, 65),
        ("tight shoulders. weeks. desk", 14, 30),
        ("been playing violin thirty years, but since last monday my neck hurts", 6, 8),
    ],
)
def test_duration_dated_by_a_named_day_or_an_event_in_a_month(text: str, low: float, high: float) -> None:
    """Onsets dated the way people date them, counted from a fixed today (30 November 2026)."""
    found = parse_duration_days(text, today=date(2026, 11, 30))
    assert found is not None
    assert low <= found[0] <= high


@pytest.mark.parametrize("text", ["some days are worse than others", "I'm away in january", "see you on bonfire night"])
def test_no_duration_in_a_plan_or_a_sometimes(text: str) -> None:
    assert parse_duration_days(text, today=date(2026, 11, 30)) is None



@pytest.mark.parametrize(
    ("text", "age"),
    [("I'm 74 and these headaches are new", 74), ("74 years old", 74), ("aged 52", 52), ("im 19", 19),
     ("pensioner, 73 last birthday", 73), ("I was 81 at my last birthday", 81), ("I just turned 66 in March", 66)],
)
def test_age(text: str, age: int) -> None:
    assert parse_age(text) == (age, parse_age(text)[1])  # type: ignore[index]


def test_intensity_is_not_an_age() -> None:
    assert parse_age("I'm 7/10 today") is None


# --- How long the pain has lasted: which time expressions are the pain's duration -------------------------

@pytest.mark.parametrize(
    ("text", "today", "days"),
    [
        ("sore since march", date(2026, 5, 11), 71),  # counted from today's date, not a flat 90 days
        ("since october it's been bad", date(2026, 2, 10), 132),  # a month later in the year: last year's
        ("ever since christmas", date(2027, 1, 6), 12),
        ("since easter", date(2026, 5, 1), 26),  # Easter Sunday 2026 is 5 April
        ("since the new year", date(2026, 1, 31), 30),
        ("since wednesday", date(2026, 11, 20), 2),  # a Friday
        ("since friday", date(2026, 11, 20), 7),  # said on a Friday: last Friday
        ("since the beginning of the month", date(2026, 11, 20), 19),
    ],
)
def test_since_a_date_counts_from_today(text: str, today: date, days: float) -> None:
    found = parse_duration_days(text, today=today)
    assert found is not None and found[0] == days


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("my hip has ached ever since I changed jobs", "since I changed jobs"),
        ("stiff since having the twins", "since having the twins"),
        ("it's been like this since my operation", "since my operation"),
        ("since the fall", "since the fall"),  # a fall, not autumn: an event
        ("since we got the puppy and it pulls", "since we got the puppy"),
        ("since I was a teenager", "since I was a teenager"),
    ],
)
def test_since_an_event_is_an_onset_of_unknown_length(text: str, words: str) -> None:
    found = find_duration(text)
    assert found is not None and found.days is None and found.text == words
    assert parse_duration_days(text) is None  # no number of days to give


def test_an_event_dated_by_its_own_words_is_counted() -> None:
    found = find_duration("since my skiing accident two years ago")
    assert found is not None and found.days == 730 and found.text == "since my skiing accident two years ago"


@pytest.mark.parametrize(
    "text",
    [
        "since it keeps aching, should I rest?",  # "since" meaning because
        "since you mention it",
        "much better since the physio session",  # a change since, not the onset
        "any update since last time",
    ],
)
def test_since_that_is_not_an_onset(text: str) -> None:
    assert find_duration(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "I'm at a screen eight hours a day",  # a rate
        "we train three times a week",
        "I walk 12,000 steps a day",
        "easier than last month",  # a comparison
        "it's a 4 today",  # when the score applies, not since when
        "worse this morning",
    ],
)
def test_times_that_are_not_how_long(text: str) -> None:
    assert find_duration(text) is None


@pytest.mark.parametrize(
    ("text", "days"),
    [("it flared up this morning", 0.3), ("today", 0.3), ("yesterday i think", 1), ("about a week and a half", 10.5)],
)
def test_day_words_with_an_onset_or_as_the_answer(text: str, days: float) -> None:
    found = find_duration(text)
    assert found is not None and found.days == days


def test_a_past_day_counts_only_in_a_message_about_pain() -> None:
    assert find_duration("what was on tv last night", about_pain=False) is None
    found = find_duration("my calf cramped last night", about_pain=True)
    assert found is not None and found.days == 1


def test_a_short_time_after_an_activity_is_the_activitys_length() -> None:
    text = "it hurts if I cycle for over an hour"
    cycle = (text.index("cycle"), text.index("cycle") + 5)
    assert find_duration(text, activities=[cycle]) is None
    assert find_duration(text) is not None  # without the activity it would be read as the pain's
    text = "sore from typing for three weeks"  # weeks are not an activity's scale: the pain's duration
    typing = (text.index("typing"), text.index("typing") + 6)
    found = find_duration(text, activities=[typing])
    assert found is not None and found.days == 21


# --- A score in the words around it; a count or a time is no score -------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("4 WHEN IT FLARES", 4), ("sorry. 3, maybe 4 when I lift", 3), ("it hurts when I type. I think is 6", 6),
    ("a dull pain, 5 on 10", 5), ("oh right, 7", 7), ("call it a 3.", 3), ("I'd say it's a 5 most nights", 5),
    ("strength I will say 4", 4), ("maybe 8 from 10", 8), ("burning ache 6", 6), ("a heavy ache. 4", 4),
    ("pressure feeling. 6. been there weeks", 6), ("2 on a good day", 2), ("I would put it at a 6, love", 6),
    ("about a three", 3), ("it's 6-7 when I bend", 7), ("the pain is 5 or 6 at night", 6),
])
def test_a_score_is_read_from_the_words_around_the_number(text: str, expected: int) -> None:
    found = parse_intensity(text)
    assert found is not None and found[0] == expected, text


@pytest.mark.parametrize("text", [
    "hurt it at 5-a-side", "I have 3 kids", "on and off for 4 munths", "about 8 weeks ago", "my son is 4 and heavy",
    "I wake at 6 in the morning", "up 2 flights of stairs", "10,000 steps a day", "a 10 minute walk", "7",
    "2 of my toes",
    "since 5 days", "after 3 hours of typing", "it's 2 kids now", "I'm 30 weeks pregnant",
])
def test_a_count_a_time_or_a_lone_number_is_no_score(text: str) -> None:
    assert parse_intensity(text) is None, text


@pytest.mark.parametrize(("text", "low", "high"), [
    ("for the past month or so it's been tight", 28, 32), ("since about the start of October", 55, 65),
    ("couple wks", 13, 15), ("since sept", 85, 95), ("since mid oct", 40, 50), ("tight. month or so", 28, 32),
    ("the last few weeks", 20, 22), ("since the end of august", 90, 98),
])
def test_durations_as_people_shorten_them(text: str, low: float, high: float) -> None:
    found = parse_duration_days(text, today=date(2026, 11, 30))
    assert found is not None and low <= found[0] <= high, (text, found)


@pytest.mark.parametrize("text", ["I am 80 years old and my knee hurts", "29 weeks pregnant and my hip aches",
                                  "my 6 year old kicked my shin"])
def test_an_age_or_a_pregnancy_is_not_how_long_it_has_hurt(text: str) -> None:
    assert parse_duration_days(text, today=date(2026, 11, 30)) is None, text


@pytest.mark.parametrize(("text", "low", "high"), [
    ("my neck has been tight since about the 3rd of November", 26, 28),
    ("since the 12th it aches", 17, 19),
    ("sore since 3rd nov", 26, 28),
    ("since Nov 3rd", 26, 28),
    ("since the 12/11, about a 5", 17, 19),
    ("it started on the 14th after gardening", 15, 17),
    ("hip pain 3/52, worse on stairs", 21, 21),
    ("2/7 of neck pain", 2, 2),
    ("aching since the bank holiday", 80, 100),
])
def test_dates_written_as_a_day_of_the_month_or_in_clinical_shorthand(text: str, low: float, high: float) -> None:
    found = parse_duration_days(text, today=date(2026, 11, 30))
    assert found is not None and low <= found[0] <= high, (text, found)


@pytest.mark.parametrize("text", ["see you on the 14th", "my appointment is on 3rd december",
                                  "I'm 26 weeks and the baby kicks my ribs", "pain 6/10"])
def test_a_date_ahead_a_pregnancy_or_a_score_is_not_how_long_it_has_hurt(text: str) -> None:
    assert parse_duration_days(text, today=date(2026, 11, 30)) is None, text


@pytest.mark.parametrize(("text", "low", "high"), [
    ("it's been like this since I got her, which was mid october", 40, 50),
    ("since the move, that was in september", 80, 95),
    ("since my fall, which was the 3rd", 26, 28),
])
def test_an_event_dated_later_in_its_sentence_is_counted(text: str, low: float, high: float) -> None:
    found = parse_duration_days(text, today=date(2026, 11, 30))
    assert found is not None and low <= found[0] <= high, (text, found)


@pytest.mark.parametrize(("text", "low", "high"), [
    ("R ankle ache since i rolled it playing netball 5 wks ago", 35, 35),
    ("deep ache 5 since lambing", 250, 300),
    ("4 and its been since the start of the season so august", 115, 125),
    ("its a deep ache. 5 or so. since labor day", 80, 90),
    ("Low back pain, dull ache 6/10, x 10 days, worse after boosting patients", 10, 10),
    ("it all started after the weekend digging, that would be the 14th and 15th of November", 15, 17),
])
def test_more_ways_of_saying_since_when(text: str, low: float, high: float) -> None:
    found = parse_duration_days(text, today=date(2026, 11, 30))
    assert found is not None and low <= found[0] <= high, (text, found)


@pytest.mark.parametrize(("text", "expected"), [("probably about six out of ten", 6), ("maybe seven", 7)])
def test_a_score_in_words(text: str, expected: int) -> None:
    found = parse_intensity(text)
    assert found is not None and found[0] == expected


@pytest.mark.parametrize("text", ["about six weeks", "I have two kids"])
def test_counts_in_words_are_no_score_or_duration(text: str) -> None:
    assert parse_intensity(text) is None


@pytest.mark.parametrize("text", [
    "I should say I had breast cancer five years ago, and I've lost nearly a stone since September without trying.",
])
def test_the_date_of_an_illness_or_a_weight_loss_is_not_how_long_it_has_hurt(text: str) -> None:
    assert parse_duration_days(text, today=date(2026, 11, 30)) is None


@pytest.mark.parametrize(("text", "days"), [("I had an operation on my knee 3 weeks ago and it's hurt since", 21),
                                             ("had a stroke 2 years ago and my shoulder has ached since", 730)])
def test_an_event_that_started_the_pain_still_dates_it(text: str, days: float) -> None:
    found = parse_duration_days(text, today=date(2026, 11, 30))
    assert found is not None and found[0] == days


@pytest.mark.parametrize("text", ["From when I start new job, is 2 month", "2 month now"])
def test_a_length_said_without_its_plural(text: str) -> None:
    assert parse_duration_days(text, today=date(2026, 11, 30)) == (60.0, "2 month")


@pytest.mark.parametrize(("text", "expected"), [("still 6", 6), ("now 4", 4), ("down to a 3", 3)])
def test_a_score_in_a_check_in_answer(text: str, expected: int) -> None:
    found = parse_intensity(text, bare_number_ok=True)
    assert found is not None and found[0] == expected


@pytest.mark.parametrize(("text", "days"), [
    ("my wrist has hurt since I started the new job, start of October", 60),
    ("neck pain from august", 121),
    ("sore since sundays match", 1),
    ("ache in my hip since last 3 weeks", 21),
    ("stiff knee after a long walk at the weekend", 2),
    ("hurts since all souls", 28),
    ("aching calf after a bike ride on Saturday", 2),
])
def test_onsets_said_other_ways(text: str, days: float) -> None:
    found = parse_duration_days(text, today=date(2026, 11, 30))
    assert found is not None and abs(found[0] - days) <= 2, (text, found)


@pytest.mark.parametrize("text", ["my grandson 9 years has sore shins", "our lad, 16, hurt his knee",
                                  "see you at the weekend"])
def test_an_age_or_a_plan_is_no_duration(text: str) -> None:
    assert parse_duration_days(text, today=date(2026, 11, 30)) is None


@pytest.mark.parametrize(("text", "score"), [
    ("about a 3, no wait, more like a 5", 5), ("a solid 7 most days", 7), ("easily a 6 after work", 6),
])
def test_scores_said_other_ways(text: str, score: int) -> None:
    found = parse_intensity(text)
    assert found is not None and found[0] == score
