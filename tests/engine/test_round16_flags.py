"""Red-flag classes of round 16 (a slow start or weak stream with back pain, neck pain after a fall at 65 or over as an
emergency, "my back has gone", a strained chest wall, a back locked on the floor, a buttock ache travelling into the
thigh after a journey, a rolled ankle that is no fall, and set 18/20 leftovers), each in wordings of our own, with the
look-alikes that must stay as they were. Read through `python -m bot assess`'s path, the places through the extractor
the dialogue uses, and the clarifying question through the intake state."""

from __future__ import annotations

from typing import Any

import pytest

from bot.cli.assess import assess
from bot.dialogue.state import MENTIONS_KEY, read_state
from bot.engine.knowledge import knowledge
from bot.engine.screening import concern_question
from bot.nlp.extract import mentions_from_text
from tests.support.reading import judged


def _places(text: str) -> list[tuple[str, bool]]:
    return [(m.value, m.negated) for m in mentions_from_text(text, knowledge().sided_regions) if m.kind == "region"]


def _clarifying_question(text: str) -> str | None:
    """The clarifying question the intake asks first about a worrying word in one message, if any."""
    kb = knowledge()
    mentions = [m.to_dict() for m in mentions_from_text(text, kb.sided_regions, bare_intensity=True)]
    events: list[dict[str, Any]] = [{"event": "user", "text": text,
                                     "parse_data": {"intent": {"name": "describe"}, MENTIONS_KEY: mentions}}]
    question = concern_question(read_state(events).intake_report(), [], kb.questions, kb.concern_of)
    return question.id if question else None


# --- a slow start or a weak stream with back pain or sciatica (NICE CKS sciatica) -------------------------------------
@pytest.mark.parametrize("text", [
    "trapped nerve down my left leg, and since Sunday I can't get the stream going when I pee",
    "lower back agony and my wee stream has gone really weak",
    "bad back for a fortnight and now the flow is slow whenever I have a wee",
    "sciatica again, and it takes ages before the pee starts",
    "low back pain, and weeing has been difficult since this morning",
    "my back hurts and my stream stops and starts",
])
def test_a_slow_start_or_weak_stream_with_back_pain_is_an_emergency(text: str) -> None:
    level, flags, findings = judged(text)
    assert "urine_flow_poor" in findings  # (h5: split from bladder_dysfunction, its own rule)
    assert level == "emergency" and flags & {"cauda_equina_urine_flow", "cauda_equina_urine_flow_new"}


@pytest.mark.parametrize("text", [
    "my back is so bad I have difficulty getting to the toilet, no problems with my waterworks",
    "lower back stiff from streaming games, the stream was laggy and slow all night",
    "back ache, no weak stream, no trouble passing water",
    "my back aches and it takes ages to get to the loo because I shuffle",
])
def test_getting_to_the_toilet_a_broadcast_or_a_denied_stream_is_no_bladder_trouble(text: str) -> None:
    level, _, findings = judged(text)
    assert not findings & {"bladder_dysfunction", "urine_flow_poor"} and level == "none"


# --- neck pain after a fall or a knock at 65 or over (Canadian C-spine rule) ------------------------------------------
@pytest.mark.parametrize("text", [
    "I'm 71 and tripped on the rug yesterday, my neck has ached ever since",
    "my nan is 88, she bumped her head and neck on the car door and her neck is sore",
    "I'm 66, slipped off the kerb and landed on my side, now the back of my neck hurts",
])
def test_neck_pain_after_a_fall_at_65_or_over_is_an_emergency(text: str) -> None:
    level, flags, _ = judged(text)
    assert level == "emergency" and flags & {"neck_minor_trauma_older", "neck_minor_trauma_older_words"}


def test_a_fall_at_65_or_over_before_a_place_is_said_is_urgent() -> None:
    level, flags, _ = judged("I am 82 and had a fall on the stairs at home this morning")
    assert level == "urgent" and "neck_minor_trauma_older_unplaced" in flags


def test_a_fall_at_65_or_over_that_hurt_a_knee_is_not_sent_to_a_and_e_for_the_neck() -> None:
    level, flags, _ = judged("I'm 70, fell in the garden, my knee is grazed and sore")
    assert level != "emergency" and not any(flag.startswith("neck_minor_trauma_older") for flag in flags)


def test_neck_pain_after_a_fall_under_65_stays_below_an_emergency() -> None:
    level, _, _ = judged("I'm 40, slipped on the stairs last night and my neck is stiff")
    assert level in {"see_doctor", "urgent"}


# --- "my back has gone" is a back that gave out -----------------------------------------------------------------------
@pytest.mark.parametrize("text, region", [
    ("my back's gone again, bending over the sink", "low_back"),
    ("my lower back has gone after lifting the mower", "low_back"),
    ("woke up and my neck's gone, can't look left", "neck_back"),
])
def test_a_back_or_neck_that_has_gone_is_still_the_place(text: str, region: str) -> None:
    assert (region, False) in _places(text)


@pytest.mark.parametrize("text, region", [
    ("the ache in my back has gone", "low_back"),
    ("the stiffness in my neck's gone", "neck_back"),
    ("my back has gone back to normal", "low_back"),
])
def test_pain_said_to_have_gone_is_still_resolved(text: str, region: str) -> None:
    assert (region, False) not in _places(text)


def test_a_back_that_has_gone_again_ranks_the_back_muscles() -> None:
    result = assess("I'm 72 and my lower back has gone again digging the veg patch, waterworks fine, no numbness")
    assert result["triage_level"] == "none"
    top = [m["id"] for m in result["candidate_muscles"][:3]]
    assert set(top) & {"quadratus_lumborum", "iliocostalis_lumborum", "multifidi", "gluteus_medius"}


# --- a strained chest wall with the heart's signs denied --------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "sore right side of my chest after dips at the gym, hurts to press, no pain into my arm, not breathless",
    "my chest wall aches since heavy push-ups, tender to touch, no pain into my jaw, no sweating",
])
def test_a_chest_wall_strained_by_pressing_is_self_care(text: str) -> None:
    level, _, findings = judged(text)
    assert "pain_spreading_arm_jaw" not in findings and level == "none"


def test_a_denial_of_other_pain_leaves_chest_pain_into_the_arm_an_emergency() -> None:
    level, flags, _ = judged("heavy chest with pain going into my left arm, no pain in my back")
    assert level == "emergency" and "chest_pain_spreading" in flags


def test_pain_gone_on_stopping_is_still_read_for_claudication() -> None:
    _, _, findings = judged("my calf aches after walking to the shops, I stand still and then there is no pain")
    assert "eases_on_stopping" in findings


# --- a back locked on the floor ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "my back locked up as I lifted the laundry basket and I ended up on the floor, couldn't get up for a while",
    "bent for the dog's bowl and my lower back went into spasm, I crawled to the sofa and couldn't get up",
])
def test_a_back_that_locked_and_put_someone_on_the_floor_is_no_limb_injury(text: str) -> None:
    level, flags, _ = judged(text)
    assert "injury_cannot_bear_weight" not in flags and level == "none"


def test_a_fall_onto_the_floor_without_getting_up_is_still_urgent() -> None:
    level, flags, _ = judged("tripped over the cat and fell on the floor, couldn't get up, my hip hurts")
    assert level in {"urgent", "emergency"} and "injury_cannot_bear_weight" in flags


# --- a buttock ache travelling into the thigh after a journey ---------------------------------------------------------
@pytest.mark.parametrize("text", [
    "I'm 70, home after a ten hour bus ride, my right buttock aches and it goes part way down my thigh when I sit",
    "long flight yesterday, my bum aches and radiates down the back of my thigh",
])
def test_pain_travelling_into_the_thigh_after_a_journey_is_no_clot_pain(text: str) -> None:
    _, flags, _ = judged(text)
    assert "calf_pain_clot_risk" not in flags


@pytest.mark.parametrize("text", [
    "after a ten hour coach trip the back of my thigh is sore and tender",
    "long flight yesterday, and now the calf is aching and the pain goes down into my ankle",
])
def test_a_thigh_or_calf_that_hurts_itself_after_a_journey_still_counts(text: str) -> None:
    level, flags, _ = judged(text)
    assert level in {"urgent", "emergency"} and flags & {"calf_pain_clot_risk", "calf_swelling_dvt"}


# --- a rolled ankle is no fall or knock for "did you hit your head?" --------------------------------------------------
@pytest.mark.parametrize("text", [
    "went over on my ankle stepping off the bus, it's sore",
    "I rolled my ankle on a pothole this morning",
    "my ankle hurts, I rolled it on the kerb",
])
def test_a_rolled_ankle_asks_no_head_question(text: str) -> None:
    assert _clarifying_question(text) != "clarify_fall"
    _, _, findings = judged(text)
    assert "minor_trauma" in findings  # still an injury for the weight-bearing rules


@pytest.mark.parametrize("text", [
    "I fell down in the car park and rolled my ankle",
    "went over on the ice and my wrist is sore",
])
def test_a_real_fall_still_asks_about_the_head(text: str) -> None:
    assert _clarifying_question(text) == "clarify_fall"


# --- set 18 and 20 leftovers ------------------------------------------------------------------------------------------
def test_a_childs_back_pain_for_weeks_needs_a_doctor() -> None:
    level, flags, _ = judged("my 12 year old daughter plays netball and her low back has hurt for five weeks")
    assert level == "see_doctor" and "young_back_pain_four_weeks" in flags


def test_a_low_speed_crash_said_with_not_denies_nothing_after_it() -> None:
    level, flags, _ = judged("car bumped into the back of mine, not fast, neck sore and both arms gone tingly")
    assert level == "emergency" and "neck_injury_with_arm_symptoms" in flags


def test_months_counted_in_any_number_are_long_standing() -> None:
    _, _, findings = judged("my back has been stiff every morning for seven months, better once I get moving")
    assert "long_standing" in findings


# --- h5: a weak stream or slow start that is long-standing or explained is not new (NICE CKS: NEW urinary symptoms) ---
@pytest.mark.parametrize("text", [
    "my lower back is sore from the garden, my urine flow has been weak for many years",
    "backache after hoovering, I've always had a slow stream, it's my prostate",
    "low back twinge, and for a long time now the wee has taken ages to start",
    "stiff lower back, I see the urologist for BPH and peeing is a bit of a struggle",
    "my back aches, I'm on tamsulosin because the stream is feeble",
    "sore lower back, hesitancy with my waterworks ever since my prostate operation",
])
def test_a_weak_stream_long_standing_or_from_a_known_prostate_is_no_emergency(text: str) -> None:
    level, flags, findings = judged(text)
    assert "urine_flow_poor" in findings and "bladder_trouble_long_known" in findings
    assert "bladder_dysfunction" not in findings
    assert level == "none" and not flags & {"cauda_equina_urine_flow", "cauda_equina_bladder"}


@pytest.mark.parametrize("text", [
    "lower back pain and since this morning I can hardly get a stream going",
    "known enlarged prostate, but since yesterday my stream has gone weak and my back is in agony",
    "bad back after a fall, I have BPH and suddenly it's really hard to pee",
    "sciatica down my left leg, I take finasteride, and my stream got slow since the pain started",
])
def test_a_weak_stream_said_to_be_new_is_an_emergency_with_or_without_a_prostate(text: str) -> None:
    level, flags, findings = judged(text)
    assert "urine_flow_new" in findings
    assert level == "emergency" and "cauda_equina_urine_flow_new" in flags


@pytest.mark.parametrize("text", [
    "enlarged prostate for ages, and now my lower back hurts and I can't pee at all",
    "I have BPH and my back is agony, I wet myself this morning without noticing",
    "my usual prostate trouble, back pain, and I can't tell when I need to wee any more",
])
def test_retention_or_leaking_is_an_emergency_even_with_a_known_prostate(text: str) -> None:
    level, flags, findings = judged(text)
    assert "bladder_dysfunction" in findings
    assert level == "emergency" and "cauda_equina_bladder" in flags


def test_numbness_down_below_is_an_emergency_even_with_a_known_prostate() -> None:
    level, flags, _ = judged("lower back pain, enlarged prostate for years, and my bottom has gone numb")
    assert level == "emergency" and flags & {"cauda_equina_saddle_numbness", "cauda_equina_saddle_feeling_lost"}


@pytest.mark.parametrize("text", [
    "my back hurts and I had prostate cancer, now my stream is weak",
    "lower back pain, my dad has an enlarged prostate, and my own stream is slow",
    "back pain, I don't have any prostate trouble, but my wee stream has gone weak",
])
def test_prostate_cancer_anothers_prostate_or_a_denied_one_explains_no_weak_stream(text: str) -> None:
    level, flags, findings = judged(text)
    assert "bladder_trouble_long_known" not in findings
    assert level == "emergency" and "cauda_equina_urine_flow" in flags


def test_a_weak_stream_makes_no_weak_muscle_and_a_big_prostate_no_swelling() -> None:
    _, _, findings = judged("my back aches, the stream is weak, I have an enlarged prostate")
    assert not findings & {"muscle_weakness", "swelling_noted"}


def test_neck_pain_after_a_fall_at_65_is_an_emergency_item_of_the_catalogue() -> None:
    from core.types import TriageLevel
    from kb.content import load_content

    item = load_content().guidelines["ccr_age_65"]
    assert item.level == TriageLevel.EMERGENCY
