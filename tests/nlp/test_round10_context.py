"""Round 10 context (set 11): weakness put down to pain is no nerve weakness, "otherwise" denies nothing before it, and
"as soon as" tells when something happened, not a time still to come."""

from __future__ import annotations

import pytest

from bot.engine.knowledge import Knowledge
from bot.nlp.extract import mentions_from_text
from core.types import Mention


def findings(text: str, knowledge: Knowledge) -> set[str]:
    mentions: list[Mention] = mentions_from_text(text, knowledge.sided_regions)
    return {m.value for m in mentions if m.kind == "finding" and m.present}


@pytest.mark.parametrize("text", [
    "my grip feels weak because it hurts to squeeze the jar",
    "my arm is weak as it's too painful to hold the kettle",
    "my hand feels weak from the pain in my wrist",
    "I can't grip the handle, it hurts too much",
])
def test_weakness_put_down_to_pain_is_denied(text: str, knowledge: Knowledge) -> None:
    assert not findings(text, knowledge) & {"arm_weakness", "limb_weakness", "muscle_weakness", "one_arm_power_lost"}


def test_weakness_said_as_well_as_pain_stays(knowledge: Knowledge) -> None:
    assert "arm_weakness" in findings("my grip is weak as well as sore", knowledge)
    assert "arm_weakness" in findings("my grip has gone weak and my fingers are numb", knowledge)


def test_pain_does_not_explain_away_numbness_or_weight_bearing(knowledge: Knowledge) -> None:
    assert "limb_numbness" in findings("my hand is numb because it hurts so much", knowledge)
    assert "cannot_bear_weight" in findings("I can't put weight on my ankle because it hurts", knowledge)


@pytest.mark.parametrize("text", [
    "my calf is swollen and red, otherwise I feel fine",
    "my calf is swollen and red, apart from that I feel ok",
])
def test_otherwise_denies_nothing_said_before_it(text: str, knowledge: Knowledge) -> None:
    assert "calf_swelling" in findings(text, knowledge)


def test_as_soon_as_is_not_a_time_to_come(knowledge: Knowledge) -> None:
    said = findings("my backside went numb, but it came back as soon as I stood up", knowledge)
    assert "numbness_passed" in said
