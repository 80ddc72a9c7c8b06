"""The conversation runner's judge: what counts as keeping the facts."""

from __future__ import annotations

from core.types import TriageLevel
from tools.eval.moves import Observation
from tools.eval.scripts import Played, Script, Step, Turn, judge


def _played(*moves: list[str]) -> Played:
    told = Turn(user="lower back, left side, about a 5", facts={"location": ["low_back"], "side": "left",
                                                                 "intensity": 5}, expect=("ask_intake",))
    script = Script(id="t", persona="", style=(), on_safety_question="no", turns=(told,), goal="deleted")
    steps = [Step(told, told.user or "", Observation(moves=list(m)), TriageLevel.NONE) for m in moves]
    return Played(script, steps=steps, final_slots={})


def test_facts_are_not_expected_after_the_person_had_them_deleted() -> None:
    assert judge(_played(["ask_intake"], ["deleted"])).facts_kept


def test_facts_lost_without_a_deletion_are_lost() -> None:
    assert not judge(_played(["ask_intake"])).facts_kept
