"""Red-flag classes of round 15 (a false heart emergency from back pain travelling to the buttock, fresh set 21
over-triage, set 20 leftovers, weight bearing after a fall, the carpal tunnel pattern), each in wordings of our own,
with the look-alikes that must stay as they were. Read through `python -m bot assess`'s path, and the places through
the extractor the dialogue uses."""

from __future__ import annotations

import pytest

from bot.engine.knowledge import knowledge
from bot.nlp.concepts import normalise
from bot.nlp.extract import mentions_from_text
from tests.support.reading import judged


def _places(text: str) -> list[tuple[str, str | None]]:
    return [(m.value, m.side) for m in mentions_from_text(text, knowledge().sided_regions)
            if m.kind == "region" and not m.negated]


# --- pain travelling to the buttock, hip or a leg is no heart pain spreading ------------------------------------------
@pytest.mark.parametrize("text", [
    "I have pain in back, low, right side, going to the bum",
    "ache in my lower back on the left, it spreads into my hip",
    "sore low back, left side, shooting down the back of my leg",
    "pain in back, going to the groin on the right",
])
def test_back_pain_travelling_down_to_the_hip_or_leg_is_no_heart_spread(text: str) -> None:
    level, flags, findings = judged(text)
    assert "pain_spreading_arm_jaw" not in findings
    assert "chest_pain_spreading" not in flags and level != "emergency"


def test_pain_in_back_without_an_article_is_the_low_back_and_its_side() -> None:
    places = _places("I have pain in back, low, left side, going to the buttock")
    assert ("low_back", "left") in places and ("buttock", "left") in places


def test_going_to_a_place_is_not_the_future() -> None:
    places = _places("my hip aches and it is going to the knee")
    assert any(place == "knee_front" or place.startswith("knee") for place, _ in places)


@pytest.mark.parametrize("text", [
    "chest pain going down my left arm",
    "a heavy pain in my chest that spreads to my jaw",
    "pain behind my breastbone going into my left arm and up to my neck",
])
def test_chest_pain_spreading_to_the_arm_or_jaw_is_still_an_emergency(text: str) -> None:
    level, _, findings = judged(text)
    assert level == "emergency" and "pain_spreading_arm_jaw" in findings


def test_the_armpit_alone_is_not_the_chest_for_heart_spread() -> None:
    level, flags, _ = judged("since doing pull ups, an ache behind my armpit that goes down the back of my arm")
    assert "chest_pain_spreading" not in flags and level == "none"


# --- legs said to be strong or fine --------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "ache deep in my left buttock, sometimes down the back of my thigh legs are fine",
    "sciatica-type ache in one buttock only, both legs feel normal, no numbness",
])
def test_legs_said_to_be_fine_are_no_leg_symptoms(text: str) -> None:
    level, _, findings = judged(text)
    assert "bilateral_leg_symptoms" not in findings and level == "none"


# --- not bearing weight after a fall --------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "took a tumble off the step, my hip hurts and I cant put my wait on it",
    "fell in the car park and my knee won't take my weight",
    "slipped on the ice, my leg won't support me",
    "tripped at work, now I can't weight bear on the right foot",
    "fell down the last step, I cannot put any pressure on my ankle",
])
def test_not_bearing_weight_after_a_fall_is_urgent(text: str) -> None:
    level, flags, findings = judged(text)
    assert "cannot_bear_weight" in findings
    assert level in {"urgent", "emergency"} and "injury_cannot_bear_weight" in flags


def test_cannot_wait_is_no_weight_bearing() -> None:
    _, _, findings = judged("I can't wait for my holiday, my neck is stiff from the laptop")
    assert "cannot_bear_weight" not in findings


# --- the person spoken to is not the one with the symptom -----------------------------------------------------------
def test_speech_trouble_while_telling_a_colleague_is_the_speakers() -> None:
    level, flags, findings = judged(
        "my left hand went numb at lunch and when I was telling my colleague about it my words came out jumbled")
    assert "slurred_speech" in findings and level == "emergency" and "stroke_signs" in flags


# --- Scots words ----------------------------------------------------------------------------------------------------
def test_scots_wi_and_bein_read_as_with_and_being_for_the_concepts() -> None:
    assert normalise("wi") == ("with",) and normalise("bein") == normalise("being")


def test_a_scots_thunderclap_is_an_emergency() -> None:
    level, _, findings = judged("ma heid, it wis like bein hit wi a brick, worst ever")
    assert "sudden_onset" in findings and level == "emergency"


# --- the thumb base after a fall onto the hand ----------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "fell off my bike onto my outstretched hand, the base of my thumb really hurts",
    "slipped in the shower and caught myself on my hand, now the snuff box is tender when I press",
])
def test_thumb_base_pain_after_a_fall_onto_the_hand_is_urgent(text: str) -> None:
    level, flags, findings = judged(text)
    assert "snuffbox_pain" in findings and level == "urgent" and "scaphoid_after_fall" in flags


def test_thumb_base_pain_without_a_fall_is_not_the_scaphoid_rule() -> None:
    _, flags, _ = judged("the base of my thumb aches after knitting all evening")
    assert "scaphoid_after_fall" not in flags


# --- Cancer the star sign -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "typical Cancer here, always anxious, and my jaw aches from clenching",
    "my horoscope is cancer and I get tension headaches after work",
])
def test_cancer_the_star_sign_is_no_cancer_history(text: str) -> None:
    _, _, findings = judged(text)
    assert "cancer_history" not in findings


def test_a_real_cancer_history_is_still_read() -> None:
    _, _, findings = judged("I had prostate cancer treated last year and now my hip aches")
    assert "cancer_history" in findings


# --- the carpal tunnel pattern --------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "most nights I wake with my hand asleep and have to shake it to get the feeling back",
    "I keep waking in the night with my thumb and index finger tingling",
    "numb thumb, index and middle fingers and I keep dropping my pen",
])
def test_carpal_tunnel_pattern_that_wakes_stays_or_weakens_needs_a_doctor(text: str) -> None:
    level, flags, _ = judged(text)
    assert level == "see_doctor" and "median_nerve_pattern" in flags


@pytest.mark.parametrize("text", [
    "my thumb and first two fingers tingle now and then at night, I shake my hand and it goes",
    "pins and needles in my fingers after lying on my arm, I had to shake it out and it was fine",
])
def test_carpal_tunnel_pattern_that_comes_and_goes_is_self_care(text: str) -> None:
    level, flags, _ = judged(text)
    assert "median_nerve_pattern" not in flags and level == "none"
