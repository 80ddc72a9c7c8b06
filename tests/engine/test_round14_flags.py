"""Red-flag classes of round 14 (fresh set 19 misses and false alarms, and four said in conversations), each in
wordings of our own, with the look-alikes that must stay as they were. Read through `python -m bot assess`'s path,
and the places through the extractor the dialogue uses."""

from __future__ import annotations

from typing import Any

import pytest

from bot.cli.assess import assess
from bot.engine.knowledge import knowledge
from bot.nlp.extract import mentions_from_text
from tests.support.reading import judged


def _places(text: str) -> list[tuple[str, str | None]]:
    return [(m.value, m.side) for m in mentions_from_text(text, knowledge().sided_regions)
            if m.kind == "region" and not m.negated]


# --- retention said in learner English ------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "my back hurts since I move the fridge. From yesterday I cannot make the pipi",
    "lower back pain after work, and today the wee is not coming out at all",
    "the back is very bad. I go to the toilet again and again but nothing is coming",
    "back pain one week, I try to make pee but nothing come",
])
def test_retention_in_learner_english_with_back_pain_is_an_emergency(text: str) -> None:
    level, flags, findings = judged(text)
    assert "bladder_dysfunction" in findings
    assert level == "emergency" and "cauda_equina_bladder" in flags


@pytest.mark.parametrize("text", [
    "my back aches after moving house, I make the pee normal",
    "my lower back hurts but the ache does not come when I sit on the loo",
    "my back hurts and I need the toilet a lot because I drink so much coffee",
])
def test_passing_urine_said_to_be_fine_is_no_bladder_trouble(text: str) -> None:
    _, _, findings = judged(text)
    assert "bladder_dysfunction" not in findings


# --- an onset counted in seconds -------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "the headache came on in about 2 seconds and it's the worst I've ever had",
    "my head pain hit me within like three seconds, worst of my life",
    "the pain in my head peaked in roughly five secs, worst ever",
])
def test_a_headache_peaking_within_counted_seconds_is_an_emergency(text: str) -> None:
    level, _, findings = judged(text)
    assert level == "emergency" and "sudden_onset" in findings


def test_a_misspelt_count_of_seconds_still_tells_the_onset() -> None:
    _, _, findings = judged("it came on in like 3 secnds with a headache")
    assert "sudden_onset" in findings


@pytest.mark.parametrize("text", [
    "I hold each stretch for 20 seconds and the headache started in the evening",
    "the ache eases in about 10 seconds once I stop typing",
    "my neck pain came on in about 10 minutes of gaming",
])
def test_seconds_that_time_something_else_are_no_sudden_onset(text: str) -> None:
    _, _, findings = judged(text)
    assert "sudden_onset" not in findings


# --- a knot that feels hot, and dull work called numbing ------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "there's a hot knot in my left shoulder after a day of typing",
    "there's a spot like a hot needle next to my shoulder blade when I turn my head",
    "by the evening it's like a hot coal in my shoulder muscle",
])
def test_a_knot_that_feels_hot_is_no_hot_joint(text: str) -> None:
    level, _, findings = judged(text)
    assert "hot_swollen_joint" not in findings
    assert level == "none"


@pytest.mark.parametrize("text", [
    "my elbow is hot and swollen and it hurts to bend",
    "my ankle has gone hot, red and puffy overnight",
])
def test_a_hot_swollen_joint_still_counts(text: str) -> None:
    _, _, findings = judged(text)
    assert "hot_swollen_joint" in findings


@pytest.mark.parametrize("text", [
    "sorting post all day is mind-numbing and my wrists ache",
    "it's numbingly boring work on the till and my lower back is stiff",
    "numbing boredom at my desk and a sore neck by four o'clock",
])
def test_dull_work_called_numbing_is_no_numbness(text: str) -> None:
    _, _, findings = judged(text)
    assert "numb_or_tingly_said" not in findings


def test_fingers_gone_numb_are_still_numb_beside_the_idiom() -> None:
    _, _, findings = judged("my fingers went numb during a mind-numbing meeting")
    assert "numb_or_tingly_said" in findings


# --- gym slang: a heavy day is no heavy chest -----------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "heavy chest and tris day on Monday, my left pec is tender and my left arm aches",
    "had a heavy session at the gym, my chest is sore to press and my arm is tired",
    "a heavy upper body session has left my chest stiff and my left shoulder aching",
])
def test_a_heavy_gym_day_is_no_heavy_chest(text: str) -> None:
    level, _, findings = judged(text)
    assert "chest_pressure" not in findings
    assert level == "none"


def test_a_heavy_chest_with_an_aching_arm_is_still_an_emergency() -> None:
    level, flags, _ = judged("my chest feels heavy and the ache goes down my left arm")
    assert level == "emergency" and "heart_pressure_with_arm_jaw" in flags


# --- "<x> fever" idioms --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "the town's got cup fever, I've been kicking a ball about with my son and my hamstring is tight",
    "cabin fever drove me out for a long run and now my knees ache",
    "the crowd was at fever pitch and I jumped so much my calves are sore",
])
def test_a_craze_called_a_fever_is_no_fever(text: str) -> None:
    level, _, findings = judged(text)
    assert "fever" not in findings
    assert level == "none"


@pytest.mark.parametrize("text", [
    "I've got a fever and my lower back aches",
    "had glandular fever and now my neck aches and I'm burning up",
])
def test_a_real_fever_still_counts(text: str) -> None:
    _, _, findings = judged(text)
    assert "fever" in findings


# --- the bottom of the foot ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "mi right foot bottom a hurt mi when mi stand up",
    "mi left foot bottom sore bad after di long shift",
    "di bottom a mi foot a pain mi",
    "it's sore under my foot by the heel",
])
def test_the_bottom_of_the_foot_is_the_sole(text: str) -> None:
    places = {value for value, _ in _places(text)}
    assert "sole" in places and "buttock" not in places


@pytest.mark.parametrize("text", [
    "mi foot bottom feel funny and tingly",
    "my foot bottom is numb when I wake up",
])
def test_an_odd_feeling_in_the_foot_bottom_is_no_saddle_numbness(text: str) -> None:
    level, _, findings = judged(text)
    assert not {"saddle_numbness", "saddle_feeling_lost"} & findings
    assert level != "emergency"


def test_a_numb_bottom_is_still_saddle_numbness() -> None:
    level, flags, _ = judged("my bum has gone numb and I can't feel the loo roll")
    assert level == "emergency" and "cauda_equina_saddle_numbness" in flags


# --- denials by a degree -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "this headache is nowhere near the worst I've had, it crept up over the morning",
    "honestly it's not even close to the worst headache of my life",
    "the headache is far from the worst ever, just a dull squeeze",
    "the headache was anything but sudden, it built slowly all afternoon",
])
def test_a_headache_denied_by_a_degree_is_no_thunderclap(text: str) -> None:
    level, flags, _ = judged(text)
    assert not {"headache_thunderclap", "headache_sudden_worst", "headache_worst_ever"} & flags
    assert level == "none"


def test_a_denied_sudden_onset_stays_denied_beside_a_degree() -> None:
    level, _, findings = judged("it didn't start suddenly and it is nowhere near the worst headache I've had")
    assert "sudden_onset" not in findings and level == "none"


def test_far_from_a_place_denies_nothing() -> None:
    level, flags, _ = judged("the pain has spread far from my back into both legs and I can't feel the loo roll")
    assert level == "emergency" and "cauda_equina_saddle_numbness" in flags


# --- the flank is the back -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "right loin pain when I bend over",
    "pain round my kidneys on the right",
    "my kidney area is sore on the left",
    "it aches under my ribs at the back",
])
def test_the_flank_said_as_the_side_of_the_back_is_the_back(text: str) -> None:
    places = {value for value, _ in _places(text)}
    assert "low_back" in places and "chest_side" not in places


def test_the_back_pain_said_with_its_article_is_the_back() -> None:
    assert ("low_back", None) in _places("I have the back pain since two weeks")


# --- a hot swollen knee keeps its place ----------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "I had my knee replaced last year and since this morning my right knee is hot and swollen and I feel rough",
    "my left knee's gone hot and swollen overnight, no injury, and I've got the chills",
    "right knee: hot, swollen, red",
])
def test_a_hot_swollen_knee_keeps_the_knee(text: str) -> None:
    assert any(value.startswith("knee") for value, _ in _places(text))


# --- weight lost on purpose beside neck pain (the hairdresser of set 22): no flag; without trying still one ----
def test_neck_pain_with_weight_lost_on_purpose_is_no_flag() -> None:
    text = ("top of my shoulder into my neck aches after work, a 5. I've lost a stone with weight watchers, "
            "on purpose, and it only wakes me when I lie on that side")
    assert judged(text)[0] == "none"


def test_neck_pain_with_weight_lost_without_trying_still_flags() -> None:
    assert judged("my neck has ached for two months and I've lost a stone without trying")[0] == "see_doctor"


def test_picking_up_a_phone_is_using_it_not_lifting() -> None:
    result: dict[str, Any] = assess("the base of my left thumb aches, worse every time I pick up my phone to text")
    assert "lifting" not in result["report"]["activities"]
    assert "thumb_muscles" in [c["id"] if isinstance(c, dict) else c for c in result["candidate_muscles"][:3]]


# --- a long journey said as what makes it worse, and "a bit off" a place (set 21 false alarms) -----------------
@pytest.mark.parametrize("text", ["sore at the front of my hip where the leg joins, 4 months, worse after a long drive",
                                  "back of my thigh is tight, been like it for months, stiff after a long journey"])
def test_a_journey_that_makes_it_worse_is_no_clot_risk(text: str) -> None:
    assert judged(text)[0] == "none"


@pytest.mark.parametrize("text", ["my right calf has ached since the long drive back from Scotland on friday",
                                  "calf pain since I flew home from Perth on saturday"])
def test_one_recent_journey_stays_a_clot_risk(text: str) -> None:
    assert judged(text)[0] == "urgent"


def test_a_bit_off_the_spot_is_no_feeling_off() -> None:
    assert judged("left forearm ache; I moved a bit off the spot and it's a 6 now")[0] == "none"
    assert judged("ache down my left arm and I've been a bit off all afternoon, clammy")[0] == "emergency"


# --- past cancer and a new limb pain worse at night or at rest; effort pain that goes off sitting on a bench --------
@pytest.mark.parametrize("text", [
    "my thigh bone has ached for a fortnight, worse at night in bed, and I had bowel cancer two years ago",
    "new ache in my upper arm that is there even at rest, I finished treatment for lung cancer last year",
])
def test_new_limb_pain_after_cancer_at_night_or_rest(text: str) -> None:
    assert judged(text)[0] == "see_doctor"


@pytest.mark.parametrize("text", ["my knee aches after running. I had a skin cancer removed years ago",
                                  "my shoulder aches when I reach up, and I had breast cancer ten years ago"])
def test_cancer_without_night_or_rest_pain_is_no_flag(text: str) -> None:
    assert judged(text)[0] == "none"


def test_jaw_ache_on_a_hill_that_goes_off_sitting_down() -> None:
    text = ("both sides of my jaw ache when I walk up the hill to the shops and it goes off after a few minutes "
            "sitting on a wall")
    assert judged(text)[0] == "urgent"
    assert judged("my low back aches after sitting on the bench at the match for hours")[0] == "none"


# --- a relative's illness after a comma is the relative's, and the calf said before it is the writer's -------------
@pytest.mark.parametrize("text", ["calf tight after football, my mum had cancer",
                                  "hamstring sore from sprinting, my dad had a clot once"])
def test_a_relatives_illness_after_a_comma_is_theirs(text: str) -> None:
    assert judged(text)[0] == "none"


def test_a_carer_naming_the_patient_first_still_speaks_for_them() -> None:
    assert judged("my wife's calf is swollen and hot since her operation last week, she had cancer")[0] in (
        "urgent", "emergency")
