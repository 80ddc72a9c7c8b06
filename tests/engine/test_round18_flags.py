"""Red-flag classes of round 18, read through `python -m bot assess`'s path at the level of findings: a child's refusal
to walk is a limp and the writer's own tired legs are not; growth told as a size then and now; a knot's pain that
grows is no growing lump; the statin ache "like a workout I haven't done" keeps its statin when the next message
follows without a full stop; rest that eases is no rest pain across two joined messages; testicles said to be fine;
cutting a hedge is no cut on the head. The rules' levels are proved by tests/cases/red_flags/round18_classes.yml."""

from __future__ import annotations

import pytest

from tests.support.reading import judged


# --- a child who will not walk (NICE CKS childhood limp) ------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "my daughter 5 year, her knee hurt, she don't want walk since yesterday",
    "my son doesn't want to stand up on his right leg",
    "she's not wanting to walk since this morning",
    "the toddler has stopped walking and cries when we touch his hip",
])
def test_a_child_refusing_to_walk_is_a_limp(text: str) -> None:
    assert "limp" in judged(text)[2]


@pytest.mark.parametrize("text", [
    "after the long hike I didn't want to walk another step",
    "I don't want to walk far on this sore ankle",
])
def test_the_writers_own_reluctance_to_walk_is_no_limp(text: str) -> None:
    assert "limp" not in judged(text)[2]


# --- growth told as a size then and now (NICE NG12 sarcoma) ---------------------------------------------------------
@pytest.mark.parametrize("text", [
    "the lump was like a grape, now it's more like a plum",
    "a lump in my calf, it started the size of a pea and now it's bigger",
    "lump on my back, at first it was tiny, now it's twice the size",
])
def test_a_size_then_and_now_is_growth(text: str) -> None:
    _, flags, findings = judged(text)
    assert "growing_said" in findings and flags & {"lump_growing", "lump_knot_growing"}


@pytest.mark.parametrize("text", [
    "the knot in my neck hurts and the ache has been growing all week",
    "my 8 year old gets growing pains and has a knot in his calf after football",
    "he had a growth spurt, grown 6 cm, and his knees ache",
])
def test_pain_that_grows_and_growing_pains_are_no_growing_lump(text: str) -> None:
    _, flags, findings = judged(text)
    assert "lump_growing_said" not in findings and not flags & {"lump_growing", "lump_knot_growing"}


# --- a statin's unexplained ache (NICE CKS statins) -----------------------------------------------------------------
def test_a_workout_denied_at_the_end_of_a_message_does_not_deny_the_statin_that_follows() -> None:
    _, flags, findings = judged("my arms ache as if I've done a workout but I haven't "
                                    "the doctor put me on simvastatin last month")
    assert {"on_statin", "ache_without_exercise"} <= findings
    assert "statin_ache_without_exercise" in flags


@pytest.mark.parametrize("text", [
    "my calves ache as if I'd had a workout but I haven't been training, I take atorvastatin",
    "thighs sore like I've done a gym session and I did not, I'm on pravastatin",
])
def test_the_exercise_said_not_done_is_no_cause_of_a_statin_ache(text: str) -> None:
    _, flags, findings = judged(text)
    assert "physical_work_cause" not in findings and flags & {"statin_ache_without_exercise", "statin_muscle_pain"}


@pytest.mark.parametrize("text", [
    "it's harder to get up out of the armchair and my thighs ache, I'm on atorvastatin",
    "on rosuvastatin, struggling to climb the stairs and my legs ache",
])
def test_trouble_rising_from_a_chair_on_a_statin_is_weakness(text: str) -> None:
    level, flags, findings = judged(text)
    assert "muscle_weakness" in findings and level == "urgent" and "statin_muscle_weakness" in flags


# --- rest that eases is no rest pain --------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "massage doesn't help they go away with rest",
    "stretching does not help much, it settles with a rest",
])
def test_pain_eased_by_rest_is_no_night_pain(text: str) -> None:
    assert "night_pain_unrelieved" not in judged("my neck aches in the evenings, " + text)[2]


def test_claudication_still_eases_with_rest() -> None:
    _, flags, findings = judged("my calf aches when I walk and goes away with rest after a minute")
    assert "claudication_pattern" in findings and "claudication" in flags


# --- testicles said to be fine (NHS testicle pain) ------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "groin strain from five-a-side, my testicles are fine",
    "inner thigh hurts after the match, his balls are ok, no swelling",
])
def test_testicles_said_to_be_fine_are_no_testicle_pain(text: str) -> None:
    level, _, findings = judged(text)
    assert "testicle_pain" not in findings and level == "none"


@pytest.mark.parametrize("text", [
    "my right testicle aches since this morning",
    "pain in his balls after football, one looks swollen",
])
def test_a_testicle_that_hurts_still_flags(text: str) -> None:
    assert "testicle_pain" in judged(text)[2]


# --- cutting a hedge is no cut on the head --------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "spent the weekend cutting the hedge with shears above my head",
    "trimming the hedges over my head all afternoon, now my shoulder aches",
])
def test_cutting_a_hedge_is_no_head_wound(text: str) -> None:
    assert "head_knock_mark" not in judged(text)[2]


def test_a_cut_on_the_head_after_a_fall_is_still_one() -> None:
    assert "head_knock_mark" in judged("fell off the step and there's a cut on my head")[2]
