"""Red-flag classes of round 18b, read through `python -m bot assess`'s path: "at worst", "the worst it gets" and a
peak score are this pain's peak, not the worst pain ever; a young child's age said after the child ("my son is 4");
steady worsening said in other words ("daily it is becoming more worse"); morning stiffness that takes over an hour
to loosen and arms that will not go up (polymyalgia); a hot joint with a fever in someone very unwell or diabetic; a
headache with raised-pressure features and a clumsy or weak hand; a neck-arm weakness that is getting worse. The
rules' levels are proved by tests/cases/red_flags/round18b_classes.yml."""

from __future__ import annotations

import pytest

from tests.support.reading import judged

WORST_EVER_FLAGS = {"headache_worst_ever", "headache_thunderclap", "headache_sudden_worst"}


# --- the peak of this pain is not the worst pain ever (SNNOOP10 O / NICE CG150 keep the real "worst ever") ----------
@pytest.mark.parametrize("text", [
    "I get a headache above my right eyebrow by the end of the day, about a 6 at worst",
    "my headaches sit at a 4 most days, a 7 at the worst",
    "the worst it gets is a 6 out of 10, a dull band across my forehead in the evenings",
    "at worst a 7, mostly in the afternoons when I'm at the screen, pressure at my temples",
    "on my worst days the headache behind my eyes is an 8, usually it's a 3",
    "tension headache at the back of my head, worst is about a 5",
    "my lower back is a 5 at worst, stiff in the mornings",
])
def test_the_peak_of_this_pain_is_not_the_worst_ever(text: str) -> None:
    _, flags, findings = judged(text)
    assert "worst_ever_pain" not in findings and "worst_ever_headache" not in findings
    assert not flags & WORST_EVER_FLAGS, flags


@pytest.mark.parametrize("text", [
    "worst headache of my life came on this morning",
    "this is the worst pain I've ever had in my head",
    "the worst ever headache, it won't stop",
    "at its worst it's the worst pain of my life, right across my head",
])
def test_the_worst_ever_still_fires(text: str) -> None:
    _, flags, findings = judged(text)
    assert "worst_ever_pain" in findings or "worst_ever_headache" in findings
    assert "headache_worst_ever" in flags


# --- a young child's age said after the child (NICE CKS childhood limp) ---------------------------------------------
@pytest.mark.parametrize("text", [
    "my son is 4 and won't walk on his left leg",
    "our daughter's only 3, she keeps crying when she stands",
    "my grandson who is 2 is limping today",
])
def test_a_childs_age_after_the_child_is_a_young_child(text: str) -> None:
    assert "young_child" in judged(text)[2]


@pytest.mark.parametrize("text", [
    "my son is 14 and his knee aches after football",
    "my daughter is 25 and has a stiff neck from her desk",
])
def test_an_older_child_is_no_young_child(text: str) -> None:
    assert "young_child" not in judged(text)[2]


# --- steady worsening in other words ---------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "my neck pain, daily it is becoming more worse",
    "the ache in my arm gets worse day by day",
    "every day it is getting more worse in my shoulder",
])
def test_worsening_in_other_words(text: str) -> None:
    assert "worsening" in judged(text)[2]


# --- polymyalgia: long morning stiffness, arms that will not go up (NICE CKS PMR) ------------------------------------
@pytest.mark.parametrize("text", [
    "I'm 72, both shoulders are stiff every morning and it takes me well over an hour to loosen up",
    "I'm 70, my hips and shoulders are stiff when I wake, it takes me a good hour to get going, "
    "can't get my arms up to brush my hair",
])
def test_long_girdle_stiffness_over_50_is_flagged(text: str) -> None:
    _, flags, _ = judged(text)
    assert flags & {"pmr_girdle_over_50", "pmr_over_50", "pmr_older_words"}, flags


def test_a_short_morning_stiffness_is_no_polymyalgia() -> None:
    _, flags, _ = judged("I'm 68, my shoulders are a bit stiff in the morning for 5 minutes, then fine")
    assert not flags & {"pmr_girdle_over_50", "pmr_over_50", "pmr_older_words"}


# --- a hot joint with a fever while very unwell, or in diabetes (NICE CKS septic arthritis) ---------------------------
@pytest.mark.parametrize("text", [
    "my ankle is hot, red and swollen and I have a fever of 38.5, I'm type 1 diabetic",
    "hot swollen elbow, temperature 38.4, feel absolutely awful",
    "my wrist went red hot and puffy overnight, temperature of 38.7 and I feel really ill",
])
def test_a_hot_joint_with_fever_while_very_unwell_is_an_emergency(text: str) -> None:
    level, flags, _ = judged(text)
    assert level == "emergency" and "hot_joint_fever_high_risk" in flags


@pytest.mark.parametrize("text", [
    "gout in my big toe again, red and hot, no fever, feel fine",
    "my knee is swollen after a tackle at rugby, and I have a cold with a temperature",
])
def test_a_hot_joint_without_fever_or_unwell_is_not_this_emergency(text: str) -> None:
    assert "hot_joint_fever_high_risk" not in judged(text)[1]


# --- a headache with raised-pressure features and a clumsy or weak hand (SNNOOP10 N, NICE CKS headache) ---------------
@pytest.mark.parametrize("text", [
    "for a month my headaches have got worse week on week, I've been throwing up most mornings and my right hand has "
    "gone clumsy, I keep dropping cups",
    "headache every day for weeks that wakes me at night, and now my left arm feels weak",
])
def test_a_pressure_headache_with_a_clumsy_or_weak_arm_is_urgent(text: str) -> None:
    level, flags, _ = judged(text)
    assert level in {"urgent", "emergency"} and "headache_pressure_with_arm_deficit" in flags


@pytest.mark.parametrize("text", [
    "headache and vomiting since yesterday after a dodgy curry, no weakness anywhere",
    "tension headache from work, and my arm feels weak after the gym yesterday",
])
def test_a_headache_without_the_pair_is_not_this_flag(text: str) -> None:
    assert "headache_pressure_with_arm_deficit" not in judged(text)[1]


# --- neck-arm weakness that is getting worse (NICE CKS neck pain, cervical radiculopathy) -----------------------------
@pytest.mark.parametrize("text", [
    "pain from my neck down into my right arm for three weeks, my grip is getting weaker and weaker and I drop things",
    "neck pain into my arm, the hand is weak and it is worse every day",
])
def test_a_worsening_neck_arm_weakness_is_urgent(text: str) -> None:
    level, flags, _ = judged(text)
    assert level in {"urgent", "emergency"} and "neck_arm_weakness_worsening" in flags


def test_a_stable_easing_neck_arm_weakness_is_not_urgent() -> None:
    assert "neck_arm_weakness_worsening" not in judged(
        "neck pain and my arm is a bit weak, it's been the same for a month, slowly easing")[1]


@pytest.mark.parametrize("text", [
    "the back of my head, it's the worst one I've ever had",
    "this headache is honestly the worst one ive ever had",
    "pounding head, worst one of my life",
])
def test_the_worst_one_ever_had_is_still_the_worst_ever(text: str) -> None:
    _, _, findings = judged(text)
    assert "worst_ever_pain" in findings or "worst_ever_headache" in findings
