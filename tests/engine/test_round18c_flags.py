"""Red-flag classes of round 18c, read through `python -m bot assess`'s path: the spinal cord pressed in the upper or
middle back (both legs weak, numb or clumsy, walking changed); nerve-root pain with a numb patch lasting weeks; a
headache that builds through a run or a ride; and false alarms narrowed: cancer named as a workplace or a fear,
"passed out" meaning fell asleep, "paralysed" as a figure of speech, the short after-ache of a manipulation, unsteady
walking read as dizziness too, a hangover read as a systemic illness, the same old headache only more often. The
rules' levels are proved by tests/cases/red_flags/round18c_classes.yml."""

from __future__ import annotations

import pytest

from tests.support.reading import judged


# --- thoracic cord compression (NICE CKS low back pain / neck pain) -------------------------------------------------
@pytest.mark.parametrize("text", [
    "pain in my mid back going round to my chest like a belt, and now both legs have gone weak and I keep tripping",
    "upper back pain between the shoulder blades for weeks, this week both my legs went numb and weak",
    "my back hurts between my shoulder blades and both legs feel heavy, I can't walk properly since yesterday",
])
def test_upper_back_pain_with_both_legs_failing_is_an_emergency(text: str) -> None:
    level, flags, _ = judged(text)
    assert level == "emergency" and "thoracic_cord_compression" in flags, flags


@pytest.mark.parametrize("text", [
    "upper back stiff from the desk, and my legs are sore from the marathon on Sunday",
    "ache between my shoulder blades after painting the ceiling",
])
def test_upper_back_ache_without_leg_signs_is_no_cord_compression(text: str) -> None:
    assert "thoracic_cord_compression" not in judged(text)[1]


# --- nerve-root pain with numbness for weeks (NHS sciatica, NICE CKS sciatica and neck pain) ----------------------
@pytest.mark.parametrize("text", [
    "my sciatica started 6 weeks ago and my little toe has been numb ever since",
    "I've had pain shooting down my right arm from my neck for 4 weeks and my thumb is numb",
    "nerve pain down the back of my leg for a month and a numb patch on my shin",
])
def test_radicular_pain_with_a_numb_patch_for_weeks_sees_a_doctor(text: str) -> None:
    level, flags, _ = judged(text)
    assert "radicular_numbness_persisting" in flags and level != "none", flags


@pytest.mark.parametrize("text", [
    "sciatica down my leg since yesterday, a bit numb in my foot",
    "sciatica for 6 weeks, no numbness at all, just the ache",
])
def test_short_or_numbness_free_sciatica_is_no_persisting_deficit(text: str) -> None:
    assert "radicular_numbness_persisting" not in judged(text)[1]


# --- a headache brought on by exercise (NICE CG150 1.1.1) -----------------------------------------------------------
@pytest.mark.parametrize("text", [
    "the last few times I've been out jogging I get a headache that builds up and lasts for hours",
    "when I go out for a run a throbbing headache builds through the run, that's new for me",
    "a pounding headache builds through the ride every time now",
])
def test_headache_building_through_exercise_is_flagged(text: str) -> None:
    assert "valsalva_trigger" in judged(text)[2]


# --- false alarms narrowed -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "I work in a cancer research lab and my neck aches from the microscope",
    "I volunteer at a cancer charity shop, lots of lifting boxes, my lower back is sore",
    "I read a story about back pain turning out to be cancer and now I'm worried, my back aches after gardening",
    "I'm terrified it's cancer but it's just my neck aching from the laptop",
])
def test_cancer_named_but_not_had_is_no_history(text: str) -> None:
    assert "cancer_history" not in judged(text)[2]


@pytest.mark.parametrize("text", [
    "I had chemo for lymphoma last year and now my back hurts",
    "I was diagnosed with prostate cancer in 2020, my lower back has started aching",
])
def test_a_real_cancer_history_is_still_read(text: str) -> None:
    assert "cancer_history" in judged(text)[2]


@pytest.mark.parametrize("text", [
    "passed out on the couch after the late shift and woke up with a stiff neck",
    "I conked out asleep in the armchair and now my neck is sore turning left",
    "passed out on the settee, I mean fell asleep, and my neck is stiff",
])
def test_passed_out_meaning_asleep_is_no_blackout(text: str) -> None:
    assert "loss_of_consciousness" not in judged(text)[2]


@pytest.mark.parametrize("text", [
    "I passed out at work and my neck hurts",
    "she fainted in the shower this morning",
])
def test_a_real_blackout_is_still_read(text: str) -> None:
    assert "loss_of_consciousness" in judged(text)[2]


@pytest.mark.parametrize("text", [
    "basically paralysed after leg day lol, my thighs are so stiff",
    "I'm literally paralysed with this crick in my neck",
    "pretty much paralysed from the gym, everything aches",
])
def test_paralysed_as_a_figure_of_speech_is_no_deficit(text: str) -> None:
    _, flags, findings = judged(text)
    assert "neuro_deficit" not in findings and "stroke_signs" not in flags


@pytest.mark.parametrize("text", [
    "my left side is literally paralysed",
    "his arm has gone completely paralysed",
    "my right leg is basically paralysed and won't move",
])
def test_a_paralysed_limb_or_side_is_still_a_deficit(text: str) -> None:
    assert "stroke_signs" in judged(text)[1]


@pytest.mark.parametrize("text", [
    "the chiropractor adjusted my neck last month, sore for a day afterwards, now it's just my usual stiffness",
    "had my neck cracked by an osteopath two weeks ago, achy for a couple of days after, back to my normal niggle now",
])
def test_an_after_ache_that_passed_is_no_new_pain_after_manipulation(text: str) -> None:
    assert "neck_after_manipulation" not in judged(text)[1]


def test_new_pain_since_a_manipulation_still_fires() -> None:
    assert "neck_after_manipulation" in judged(
        "the chiropractor cracked my neck on Tuesday and since then there's a new sharp pain up into my head")[1]


@pytest.mark.parametrize("text", [
    "my neck aches and my walking has got a bit unsteady over the months",
    "I've been unsteady on my feet lately and my neck is stiff",
])
def test_unsteady_walking_is_a_gait_change_not_dizziness(text: str) -> None:
    findings = judged(text)[2]
    assert "gait_change" in findings or "walking_difficulty" in findings
    assert "dizziness" not in findings


def test_dizzy_and_unsteady_still_reads_both() -> None:
    findings = judged("suddenly dizzy, the room is spinning and I can't walk straight")[2]
    assert "dizziness" in findings


@pytest.mark.parametrize("text", [
    "hungover from a work do, feel rough and my head is banging",
    "too much wine last night, feeling awful with a headache and a stiff neck",
])
def test_a_hangover_is_no_systemic_illness(text: str) -> None:
    _, flags, _ = judged(text)
    assert not flags & {"headache_systemic", "neck_unexplained", "spine_unwell"}, flags


def test_feeling_unwell_without_drinking_still_fires() -> None:
    assert "headache_systemic" in judged("headache for a week and I feel really unwell, off my food")[1]


@pytest.mark.parametrize("text", [
    "it's the same old headache I always get, only more often since the baby came",
    "same headaches as always but more frequent with the new job",
])
def test_the_same_headache_more_often_is_no_pattern_change(text: str) -> None:
    assert "pattern_change" not in judged(text)[2]
