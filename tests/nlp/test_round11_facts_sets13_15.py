"""Round 11, second pass: the facts that blind conversation sets 13 to 15 lost (now development material), each as
a class: the set's wording, others like it in our own words, and the nearby readings that must not change (ages,
the length of a job, other people's numbers, times of day)."""

from __future__ import annotations

from typing import Any

import pytest

from bot.nlp.extract import mentions_from_text
from tests.support.reading import days, score, slots_after


def location(knowledge: Any, monkeypatch: pytest.MonkeyPatch, *turns: str) -> str | None:
    """The `pain_location` slot (region, ":side" when one is known) after these user turns."""
    return slots_after(list(turns), knowledge, monkeypatch).get("pain_location")


# --- Durations: a weekday "gone" or "before last", weekends counted back ----------------------------------------
# (today is Monday 30 November 2026)

@pytest.mark.parametrize(("text", "expected"), [
    ("lower back is in bits been laying blocks all week its a dull ache about a 7 started monday gone", 7),
    ("since the match sunday before last", 8),
    ("Hello. My lower back has been stiff and sore since I double-dug the allotment beds three weekends ago.", 16),
    # our own
    ("it started friday just gone", 3), ("hurt it saturday past", 2), ("since tuesday gone", 6),
    ("hurt it the saturday before last", 9), ("since the week before last", 14), ("the week before last", 14),
    ("a couple of weekends back my back went", 9), ("since the wedding two weekends ago", 9),
])
def test_a_weekday_gone_or_before_last(text: str, expected: float) -> None:
    assert days(text) == expected


@pytest.mark.parametrize("text", ["I'm away monday past the usual time", "see you the week after next",
                                  "my knee hurts, see you monday"])
def test_a_weekday_ahead_is_no_onset(text: str) -> None:
    assert days(text) is None


# --- Durations: a weekday right after the pain's start, without "on" ----------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("left groin pulled at 5 a side tues", 6),
    # our own
    ("it started monday", 7), ("did my back in sat lifting the sofa", 2), ("pulled my hamstring sunday sprinting", 1),
    ("tweaked it at the gym thurs, 6/10", 4), ("came on wednesday night", 5),
])
def test_a_weekday_after_the_start(text: str, expected: float) -> None:
    assert days(text) == expected


@pytest.mark.parametrize("text", ["I start physio monday", "it started when I sat down", "started physio monday",
                                  "I've started going to the gym every monday"])
def test_a_weekday_of_another_start_is_no_onset(text: str) -> None:
    assert days(text) is None


# --- Durations: a part of a month said bare or in brackets; a named day with what was done on it ------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("between my shoulder blades hurts, like 5, been since freshers (mid sept)", 71),  # freshers' week, a 20th
    ("since the open day (mid sept)", 76),
    ("3/10 mostly, since i started conservatoire mid september", 76),
    ("lower back ache, dull, 5, since my halloween marathon stream", 30),
    # our own
    ("since the wedding (end of october)", 33), ("since I moved in end of october", 33),
    ("since the new job, early oct", 56), ("since freshers", 71), ("since our bonfire night party", 25),
    ("since the halloween party", 30), ("since my christmas do", 340),
])
def test_a_part_of_a_month_or_a_named_day(text: str, expected: float) -> None:
    assert days(text) == expected


@pytest.mark.parametrize("text", ["I'll see the physio mid december", "my back hurts, I'm going away end of january",
                                  "my sister's birthday is mid march"])
def test_a_part_of_a_month_ahead_is_no_onset(text: str) -> None:
    assert days(text) is None


# --- Durations: the night it began ("slept funny on Saturday night"), a baby's age as the onset -------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Hi, I must have slept funny on Saturday night. Left side of my neck is stiff and sore, about a 6", 2),
    ("hiya, baby is 6 weeks old and weighs about 5kg now. got a tight knot between my shoulder blades, more on the "
     "left. 5/10. since she was born basically", 42),
    # our own
    ("slept on it wrong on sunday, neck sore", 1), ("slept awkwardly on thursday and my neck's locked", 4),
    ("since having the baby, she's 4 months old now", 120), ("since the twins arrived (they're 3 months old)", 90),
])
def test_the_night_it_began_and_a_babys_age(text: str, expected: float) -> None:
    assert days(text) == expected


@pytest.mark.parametrize("text", ["since my son was born", "my son is 6 years old, back sore since I moved house",
                                  "slept well on saturday"])
def test_no_length_from_an_age_or_a_good_night(text: str) -> None:
    assert days(text) is None


# --- Durations: a working pattern is how often; the time it was well is not the pain's -----------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Left heel, stabbing. I walk about 15 miles a day on my round, 6 days out of 7. About a 5 overall, for 2 months "
     "now.", 60),
    ("mid back ache, right side. 4 on 4 off, 12s, lots of lifting carry chairs. dull, 5/10, about 6 weeks", 42),
    ("sitting on the forklift 10 hrs, 4 days on 3 off. sharp, 5, about 3 weeks", 21),
    ("outside of my left knee hurts, started after the Bristol half on 4 Oct. the left is the one i did my ACL in "
     "back in 2015 but thats been fine for years", 57),
    # our own
    ("no bother for months and now it's back, 2 weeks", 14), ("knee fine for 3 weeks then it flared up 2 days ago", 2),
    ("sore for 6 weeks out of action", 42),
])
def test_the_pains_length_beside_a_rota_or_a_time_it_was_well(text: str, expected: float) -> None:
    assert days(text) == expected


@pytest.mark.parametrize("text", ["I work 5 days out of 7", "it's been fine for years", "I was pain free for 10 years",
                                  "it's been ok for a week", "4 on 4 off, 12 hour nights"])
def test_a_rota_or_a_time_it_was_well_is_no_duration(text: str) -> None:
    assert days(text) is None


# --- Durations: how the pain came on ("been building for about 3 weeks"), a count glued to its unit ---------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Hi, just finished my 3rd 12.5hr night in a row (7pm-7:30am) and my lower back on the right is killing me. it's "
     "a deep dull ache, I'd say 6/10, been building for about 3 weeks now", 21),
    # our own
    ("been building for 2 weeks", 14), ("it's been creeping up on me for a month", 30),
    ("after an 8hr shift my back is sore, been like this 10 days", 10),
])
def test_a_pain_building_up_and_a_glued_count(text: str, expected: float) -> None:
    assert days(text) == expected


@pytest.mark.parametrize("text", ["after an 8hr cod session my head hurts", "an 8hr shift and my back is sore",
                                  "been doing this job 20 years", "been building houses 30 years"])
def test_a_shift_or_a_trade_is_no_duration(text: str) -> None:
    assert days(text) is None


# --- Scores: after an article, then a doing or the onset; "overall"; a correction; a vague count restated -------

@pytest.mark.parametrize(("text", "expected"), [
    ("lower back is in bits been laying blocks all week its a dull ache about a 7 started monday gone", 7),
    ("like a 6 going down stairs", 6),
    ("About a 5 overall, for 2 months now.", 5),
    ("4/10. A few months, say 3.", 4),
    ("back of my right shoulder, deep ache, 6/10... no more like a 5 really. worse reaching", 5),
    # our own
    ("it's a six going downhill", 6), ("about a 4 walking, worse on hills", 4), ("a 3 since tuesday", 3),
    ("a 5 on average", 5), ("7/10, nah more like 6", 6), ("a couple of weeks, maybe 3. it's a 4", 4),
    ("sore for 3 weeks, about a 5", 5),
])
def test_a_score_said_with_a_doing_a_correction_or_overall(text: str, expected: int) -> None:
    assert score(text) == expected


@pytest.mark.parametrize("text", ["a couple of weeks, maybe 3", "a few months, say 4", "I did a 10 minute walk",
                                  "we play 5 a side", "I've got a 3 year old", "I run with a 10 kg pack",
                                  "my son is 6 going on 16", "meet at 5 going into town", "a 5 running club"])
def test_a_count_said_like_a_score_is_none(text: str) -> None:
    assert score(text) is None


# --- Sides: "both" set off, a plural pair, a sentence that opens with the side ------------------------------------

@pytest.mark.parametrize(("turns", "expected"), [
    (["shins are on fire after running, both"], "shin:both"),
    (["head pounding after an 8hr cod session 😵 forehead n temples"], "temple:both"),
    (["Hello, my lower back has been bad since we moved house two weeks ago. Across both sides, sharp when I bend, "
      "around a 7."], "low_back:both"),
    (["forearms r fried. right one mostly, the fleshy inside bit"], "forearm_back:right"),
    (["Hello. My lower back has been stiff and sore since I double-dug the allotment beds three weekends ago. Both "
      "sides across the bottom. About a 4."], "low_back:both"),
    # our own
    (["my calves are tight after the hike"], "calf:both"), (["my knees ache on the stairs"], "knee_front:both"),
    (["my heels are sore first thing, left one worse"], "heel:left"),
    (["my neck is stiff. Left side mostly, worse at night"], "neck_back:left"),
    (["I get headaches at my temples, mostly the left"], "temple:left"),
    (["pain between my shoulder blades"], "upper_back"),
    (["Hi, I'm 34 weeks pregnant and my neck and shoulders are so tight", "Both sides, maybe a 5"], "neck_back:both"),
])
def test_a_side_said_as_both_or_by_a_plural(turns: list[str], expected: str, knowledge: Any,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    assert location(knowledge, monkeypatch, *turns) == expected


@pytest.mark.parametrize("text", ["my knee hurts. Left it a week and it's no better", "nothing tbh is this even the "
                                  "right spot?", "am I pressing the right point on my shoulder"])
def test_left_and_right_that_are_no_side(text: str, knowledge: Any) -> None:
    assert all(m.side is None for m in mentions_from_text(text, knowledge.sided_regions) if m.kind == "region") and \
        not [m for m in mentions_from_text(text, knowledge.sided_regions) if m.kind == "side"]


# --- Places: a correction that says only the side again keeps the place; a choice among the places said ----------

@pytest.mark.parametrize(("turns", "expected"), [
    (["Hello, I've got an ache down the outside of my right thigh after long walks.",
      "Sorry, I said right, I meant the LEFT thigh! Too early in the morning."], "thigh_outer:left"),
    (["ache on the outside of my right upper arm, can't sleep on it", "sorry, I mean my LEFT arm, I'm so tired lol"],
     "upper_arm_outer:left"),
    (["Hello, I'm not sure how to describe it. I've got a pain that moves around, sometimes it's in my neck and "
      "sometimes it's down by my shoulder blade.", "Mostly the shoulder blade I suppose. The right one."],
     "shoulder_blade:right"),
    # our own
    (["ache in my left calf", "sorry i meant my right leg"], "calf:right"),
    (["front of my left thigh", "sorry I meant the back of my thigh"], "thigh_back:left"),
    (["outside of my right thigh hurts", "sorry, I meant my knee"], "knee_front:right"),
    (["my lower back and my hip ache", "mainly the hip, the left one"], "hip_side:left"),
])
def test_a_correction_or_a_choice_among_the_places(turns: list[str], expected: str, knowledge: Any,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    assert location(knowledge, monkeypatch, *turns) == expected


# --- Places: a landmark beside the place, a part further on, the crease of the hip, a dictated "rest" -------------

@pytest.mark.parametrize(("turns", "expected"), [
    (["pain right at my tailbone, sharp when I sit down, 5, about 3 weeks",
      "actually it's more to the left of the tailbone, top of the bum cheek"], "buttock:left"),
    (["Good afternoon. My left shoulder has been aching terribly since the summer, right on the top where my handbag "
      "strap sits."], "shoulder_top:left"),
    (["Hello, my hip has been hurting since yesterday", "It is the right one, at the front where the leg joins on."],
     "hip_front:right"),
    (["the palm side of my right rest hurts from tamping coffee all day",
      "sorry rest I mean wrist lol voice typing. it's a tight pulling feeling"], "wrist_front:right"),
    # our own
    (["ache beside my kneecap, on the inside of the knee"], "knee_inner"),
    (["my left shoulder is killing me since the fall, mostly at the front when I lift my arm"], "shoulder_front:left"),
    (["sore where my thigh meets the body, right side"], "hip_front:right"),
    (["back of my left rest aches"], "wrist_back:left"),
])
def test_where_said_by_a_landmark_a_part_or_a_slip(turns: list[str], expected: str, knowledge: Any,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    assert location(knowledge, monkeypatch, *turns) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("my shoulder hurts when I reach for things on the top shelf", None),
    ("I need my rest", None),
    ("my rest day is sunday and my knee hurts", "knee_front"),
])
def test_a_part_or_a_slip_that_is_not_one(text: str, expected: str | None, knowledge: Any,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    assert location(knowledge, monkeypatch, text) == expected


# --- A long-standing condition named at another place: neither the pain's place nor its length ------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Good morning. I've osteoarthritis in my hands, the doctor says, but this feels different. It's a pain at the "
     "base of my right thumb, going into the palm and the front of the wrist.", "thumb:right"),
    # our own
    ("I've got gout in my big toe but it's my left heel that hurts", "heel:left"),
    ("arthritis in both knees, but this is a new ache in my right calf", "calf:right"),
])
def test_a_condition_named_at_another_place_is_not_where_it_hurts(text: str, expected: str, knowledge: Any,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    assert location(knowledge, monkeypatch, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("I have arthritis in my knee and it aches when I walk", "knee_front"),
    ("arthritis in my left knee, sore for 3 weeks", "knee_front:left"),
])
def test_a_condition_at_the_place_that_hurts_stays(text: str, expected: str, knowledge: Any,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    assert location(knowledge, monkeypatch, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Good morning. I have an aching in the back of my right hand and up into the fingers. I've had arthritis in my "
     "knees for years but this feels different, more muscular.", None),
    ("arthritis in my left knee, sore for 3 weeks", 21), ("I've had arthritis for years and my knee has ached for 2 "
                                                          "weeks", 14),
])
def test_the_length_of_a_condition_is_not_the_pains(text: str, expected: float | None) -> None:
    assert days(text) == expected


# --- How it feels and what brings it on -------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "slot", "expected"), [
    ("Hello, I have since 3 weeks pain behind the right knee. It is pulling, not sharp.", "pain_quality", "tight"),
    ("left groin pulled at 5 a side tues", "pain_quality", "tight"),
    ("right shoulder. front bit. doing ceilings all week", "pain_trigger", "overhead_work"),
    ("Both my shoulders are tight. I help my husband in and out of bed and his chair, which I think is what does it.",
     "pain_trigger", "lifting"),
    ("top of my right foot aches, dull, 3/10, for a week, since I started wearing new work boots", "pain_trigger",
     "wearing new work boots"),
    # our own
    ("pulled my hamstring at football", "pain_quality", "tight"), ("its pulling at the back of my knee",
                                                                     "pain_quality", "tight"),
    ("neck aches from plastering ceilings", "pain_trigger", "overhead_work"),
    ("my back goes when I'm helping mum out of the bath", "pain_trigger", "lifting"),
    ("care assistant, low back sore from hoisting residents", "pain_trigger", "lifting"),
    ("heel sore since I started wearing flat work shoes", "pain_trigger", "wearing flat work shoes"),
])
def test_how_it_feels_and_what_brings_it_on(text: str, slot: str, expected: str, knowledge: Any,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    assert slots_after([text], knowledge, monkeypatch).get(slot) == expected


@pytest.mark.parametrize("text", ["pulled my hamstring at football", "sorry, voice typing", "I'm using voice to text",
                                  "left groin pulled at 5 a side tues"])
def test_a_pulled_muscle_or_dictation_is_no_doing(text: str, knowledge: Any) -> None:
    assert not [m for m in mentions_from_text(text, knowledge.sided_regions)
                if m.kind == "activity" and m.value in {"pulling", "typing"}]


# --- End to end: the set's conversations, as the intake keeps them ------------------------------------------------

def test_a_brickie_in_one_run_on_line(knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    slots = slots_after(["lower back is in bits been laying blocks all week its a dull ache about a 7 started monday "
                         "gone"], knowledge, monkeypatch)
    assert slots["pain_intensity"] == "7" and slots["pain_duration"] == "7"


def test_a_postwoman_with_her_round_and_her_score(knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    slots = slots_after(["Left heel, the first steps in the morning are stabbing, then it eases off. I walk about 15 "
                         "miles a day on my round, 6 days out of 7. About a 5 overall, for 2 months now."],
                        knowledge, monkeypatch)
    assert slots["pain_intensity"] == "5" and slots["pain_duration"] == "60"


def test_the_other_knee_fine_for_years_keeps_the_date(knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    slots = slots_after(["outside of my left knee hurts after about 8k into a run, sharp-ish burning, started after "
                         "the Bristol half on 4 Oct",
                         "sorry RIGHT knee, the left is the one i did my ACL in back in 2015 but thats been fine for "
                         "years", "5 out of 10 when it kicks in"], knowledge, monkeypatch)
    assert slots["pain_duration"] == "57" and slots["pain_location"] == "knee_outer:right"
