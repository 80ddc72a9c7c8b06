"""Red-flag classes of round 13 (fresh set 17 misses, set 16 injuries, a check-in miss, two false alarms), each in
wordings of our own, with the look-alikes that must stay as they were. Read through `python -m bot assess`'s path."""

from __future__ import annotations

import pytest

from tests.support.reading import judged


# --- a limb in plaster: numb, tingly, pale or cold, or pain climbing through the painkillers, told apart ----------
@pytest.mark.parametrize("text", [
    "her arm's been in a cast since Monday. Tonight she says her fingers feel tingly",
    "in plaster since yesterday, now my toes have gone pale",
    "leg in a cast after the op. The pain is getting worse despite the codeine",
    "my boy's wrist is in plaster, calpol is making no difference and he's sobbing",
])
def test_signs_under_a_cast_said_apart_are_an_emergency(text: str) -> None:
    level, flags, _ = judged(text)
    assert level == "emergency" and "cast_numb_or_rising_pain" in flags


@pytest.mark.parametrize("text", [
    "got my cast off last week and my fingers still tingle a bit",
    "out of plaster now, ankle's a bit swollen by the evening",
])
def test_a_cast_that_has_come_off_is_no_limb_in_plaster(text: str) -> None:
    _, flags, findings = judged(text)
    assert "limb_in_plaster" not in findings
    assert not {"cast_numb_or_rising_pain", "compartment_cast"} & flags


# --- a twisted ankle, and steps that cannot be taken ----------------------------------------------------------
@pytest.mark.parametrize("text", [
    "went over on my ankle on the stairs, could barely walk on it after",
    "rolled my ankle jumping off a wall, can only hobble a couple of steps",
    "twisted my knee skiing and couldn't take a single step",
    "sprained my ankle, I can't stand on my left foot",
])
def test_a_twist_with_no_steps_is_urgent(text: str) -> None:
    level, flags, _ = judged(text)
    assert level in ("urgent", "emergency") and "injury_cannot_bear_weight" in flags


@pytest.mark.parametrize("text", [
    "I roll my foot over a frozen bottle every evening for my heel",
    "turning my wrist when I open jars makes it ache",
    "twisting to look over my shoulder while reversing hurts my neck",
])
def test_rolling_or_turning_as_a_movement_is_no_injury(text: str) -> None:
    _, _, findings = judged(text)
    assert "minor_trauma" not in findings


# --- out of shape, told as a shape ------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "came off my scooter and my forearm looks bent halfway down",
    "fell down two steps and my wrist is a funny shape",
    "jammed my finger catching a netball and it's bent a weird way now",
])
def test_a_limb_out_of_shape_after_a_fall_is_an_emergency(text: str) -> None:
    level, flags, _ = judged(text)
    assert level == "emergency" and "injury_deformity" in flags


@pytest.mark.parametrize("text", [
    "my knee aches when it's bent for a long time in the car",
    "I bent over to pick up the washing basket and my back twinged",
])
def test_bending_is_no_deformity(text: str) -> None:
    _, _, findings = judged(text)
    assert "limb_deformity" not in findings


# --- a limb gone hard and tense ---------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "got kicked in the calf, it's tense and hard and really painful",
    "dropped a kettlebell on my foot, it's hard and tight and hurts like mad",
])
def test_a_tense_painful_limb_after_a_blow_is_an_emergency(text: str) -> None:
    level, flags, _ = judged(text)
    assert level == "emergency" and "compartment_after_injury" in flags


def test_a_tense_limb_after_a_knock_alone_is_urgent() -> None:
    level, flags, _ = judged("bumped my shin on a step and it's gone tight and hard")
    assert level == "urgent" and "tense_limb_after_injury" in flags


@pytest.mark.parametrize("text", [
    "my calves are rock hard after leg day, sore going down stairs",
    "my shoulders are rock hard and the pain is unbearable, my fingers tingle when I press the knot",
])
def test_hard_muscles_without_the_other_signs_stay_none(text: str) -> None:
    level, _, _ = judged(text)
    assert level == "none"


# --- fingers that keep going numb -------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "my middle and index fingers keep going numb when I'm driving, it's been a week",
    "pins and needles in my thumb every night and first thing, for days now",
    "my fingertips are still tingly since Sunday",
])
def test_fingers_that_keep_going_numb_need_a_doctor(text: str) -> None:
    level, flags, _ = judged(text)
    assert level != "none" and "finger_numbness_persisting" in flags


@pytest.mark.parametrize("text", [
    "my foot went dead sitting cross-legged on the floor, fine once I stood up",
    "when I dig the ball into my pec my fingers tingle",
    "my hand went numb leaning on my elbow but it wore off",
])
def test_pins_and_needles_from_a_posture_or_a_press_stay_none(text: str) -> None:
    level, _, _ = judged(text)
    assert level == "none"


# --- striking a ball is no snap and no blow ---------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "my groin pulls when I ping a long diagonal",
    "hip flexor sore after pinging crosses in all session",
    "adductor twinges when I whack a clearance upfield",
    "my knee aches after cracking a few shots at goal",
])
def test_striking_a_ball_is_no_injury(text: str) -> None:
    _, flags, findings = judged(text)
    assert not {"heard_snap", "minor_trauma", "blow_to_limb"} & findings
    assert "tendon_snap" not in flags


def test_a_pinged_muscle_is_still_a_snap() -> None:
    _, flags, _ = judged("something pinged at the back of my thigh as I sprinted")
    assert "tendon_snap" in flags


# --- blood thinners ---------------------------------------------------------------------------------------------
def test_a_growing_bleed_on_a_blood_thinner_is_an_emergency() -> None:
    level, flags, _ = judged("on rivaroxaban, knocked my shin and the swelling is getting bigger by the hour")
    assert level == "emergency" and "anticoagulant_bleed_growing_or_faint" in flags


def test_a_bruise_on_a_blood_thinner_without_more_stays_urgent() -> None:
    level, _, _ = judged("on warfarin, there's a bruise on my arm from the door")
    assert level == "urgent"


def test_a_massage_gun_on_a_blood_thinner_needs_a_doctor() -> None:
    level, flags, _ = judged("I'm on edoxaban, can I use a massage gun on my back?")
    assert level == "see_doctor" and "anticoagulant_deep_pressure" in flags


# --- a shoulder ache spreading onto the chest weeks after hard work ----------------------------------------------
STRAIN = ("my right shoulder aches and it spreads over the top of my chest, it started four weeks ago after pruning "
          "the roses")


def test_a_strain_weeks_old_is_no_emergency_and_a_doctor_check_when_older() -> None:
    assert judged(f"I'm 74, {STRAIN}")[0] == "see_doctor"
    assert judged(f"I'm 31, {STRAIN}")[0] == "none"


@pytest.mark.parametrize("extra", [
    "and I'm breathless and sweaty with it today",
    "and now it's a pressure in the centre of my chest",
    "and I feel sick",
])
def test_any_sign_of_the_heart_keeps_the_emergency(extra: str) -> None:
    level, _, _ = judged(f"I'm 74, {STRAIN}, {extra}")
    assert level == "emergency"


def test_a_spreading_pain_begun_today_stays_an_emergency() -> None:
    level, flags, _ = judged("I'm 74, my shoulder aches and it spreads over my chest, started this afternoon")
    assert level == "emergency" and "chest_pain_spreading" in flags
