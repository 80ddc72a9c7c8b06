"""Scripted conversations (tests/conversations/*.yml): loading and the per-conversation verdict.

A script is what a person types, turn by turn, with the facts each message states and the moves a
competent coach could make in reply (tests/conversations/FORMAT.md). The runner plays it against the
real servers and records an Observation per bot turn; `judge` turns that record into the five
criteria of issue #14, so the scoring rules live in one reviewable place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.files import load_yaml
from core.types import TriageLevel
from tools.eval.moves import INTAKE_SLOTS, Observation

__all__ = ["Played", "Script", "Turn", "Verdict", "judge", "load_scripts"]

FACT_SLOTS = {"location": "pain_location", "quality": "pain_quality", "intensity": "pain_intensity",
              "duration_days": "pain_duration", "trigger": "pain_trigger", "side": "pain_location"}
FORM_QUESTIONS = frozenset({"ask_intake", "safety_question", "checkin_question"})
PRESSURE_MOVES = frozenset({"press_harder", "press_lighter", "hold", "stop_pressing"})
GOAL_MOVES = {
    "suggestions": {"suggest_muscles"},
    "coaching_done": {"hold"},
    "checkins_scheduled": {"checkins_scheduled"},
    "checkin_done": {"checkin_summary"},
    "checkins_managed": {"checkins_paused", "checkins_resumed", "checkins_stopped", "checkin_moved"},
    "referred": {"refer_professional", "see_doctor", "urgent", "emergency"},
    "emergency": {"emergency"},
    "deleted": {"deleted"},
}
# An automatic answer to an unscripted safety question may get any of these without counting
# against the conversation: the screening goes on, ends in suggestions, or finds a flag.
AUTO_ANSWER_OK = frozenset({"safety_question", "suggest_muscles", "see_doctor", "urgent", "emergency",
                            "ask_intake", "coach_start", "stretch_habits", "answer_caution", "clarify"})


@dataclass(frozen=True)
class Turn:
    """One scripted step: a typed message, a button press or an event (a check-in arrives)."""

    user: str | None = None
    button: str | None = None
    event: str | None = None
    facts: dict[str, Any] = field(default_factory=dict)
    expect: tuple[str, ...] = ()
    flag: TriageLevel | None = None
    free_text_pressure: bool = False

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Turn:
        flag = raw.get("flag")
        return cls(user=None if raw.get("user") is None else str(raw["user"]),
                   button=raw.get("button"), event=raw.get("event"), facts=dict(raw.get("facts") or {}),
                   expect=tuple(raw.get("expect") or ()),
                   flag=TriageLevel.parse(flag) if flag else None,
                   free_text_pressure=raw.get("pressure") == "free_text")


@dataclass(frozen=True)
class Script:
    """One conversation."""

    id: str
    persona: str
    style: tuple[str, ...]
    on_safety_question: str
    turns: tuple[Turn, ...]
    goal: str

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Script:
        return cls(id=str(raw["id"]), persona=str(raw.get("persona", "")), style=tuple(raw.get("style") or ()),
                   on_safety_question=str(raw.get("on_safety_question") or "no"),
                   turns=tuple(Turn.from_dict(t) for t in raw["turns"]), goal=str(raw.get("goal", "")))


def load_scripts(path: Path) -> list[Script]:
    """Every script in a file, or in every .yml file of a folder."""
    files = sorted(path.glob("*.yml")) if path.is_dir() else [path]
    return [Script.from_dict(raw) for f in files for raw in load_yaml(f.read_text(encoding="utf-8")) or []]


@dataclass
class Step:
    """What happened on one step: the scripted turn (None for an automatic answer) and the reply."""

    turn: Turn | None
    sent: str
    seen: Observation
    triage_after: TriageLevel


@dataclass
class Played:
    """A script as it was played."""

    script: Script
    steps: list[Step] = field(default_factory=list)
    final_slots: dict[str, Any] = field(default_factory=dict)
    error: str = ""


@dataclass
class Verdict:
    """The five criteria for one conversation, with the reasons for every failure."""

    facts_kept: bool
    pressure_turns: int
    pressure_understood: int
    no_stray: bool
    goal_no_loop: bool
    flags_total: int
    flags_caught: int
    problems: list[str]
    waived: list[str] = field(default_factory=list)  # facts gone because the person had them deleted

    @property
    def success(self) -> bool:
        return (self.facts_kept and self.pressure_understood == self.pressure_turns and self.no_stray
                and self.goal_no_loop and self.flags_caught == self.flags_total)


def _stated_facts(played: Played) -> tuple[dict[str, Any], dict[str, int]]:
    """The latest value of each fact, and the step index at which each was first stated."""
    facts: dict[str, Any] = {}
    first: dict[str, int] = {}
    for index, step in enumerate(played.steps):
        if step.turn is None:
            continue
        for key, value in step.turn.facts.items():
            facts[key] = value
            first.setdefault(FACT_SLOTS.get(key, key), index)
    return facts, first


def _location_ok(value: Any, facts: dict[str, Any]) -> list[str]:
    problems = []
    text = str(value or "")
    region, _, side = text.partition(":")
    if "location" in facts:
        allowed = facts["location"] if isinstance(facts["location"], list) else [facts["location"]]
        if region not in allowed:
            problems.append(f"pain_location is {text or None}, expected one of {allowed}")
    if "side" in facts and str(facts["side"]) != (side or None) and "location" in facts:
        problems.append(f"side is {side or None}, expected {facts['side']}")
    return problems


def _fact_problems(facts: dict[str, Any], slots: dict[str, Any]) -> list[str]:
    """Facts stated but not held in the intake slots at the end."""
    problems = _location_ok(slots.get("pain_location"), facts)
    if "intensity" in facts:
        try:
            same = float(str(slots.get("pain_intensity"))) == float(facts["intensity"])
        except (TypeError, ValueError):
            same = False
        if not same:
            problems.append(f"pain_intensity is {slots.get('pain_intensity')}, expected {facts['intensity']}")
    if "duration_days" in facts:
        try:
            days, want = float(str(slots.get("pain_duration"))), float(facts["duration_days"])
            same = want / 2 <= days <= want * 2 if want else days <= 1
        except (TypeError, ValueError):
            same = False
        if not same:
            problems.append(f"pain_duration is {slots.get('pain_duration')}, expected about {facts['duration_days']}")
    for key in ("quality", "trigger"):
        if key in facts and slots.get(FACT_SLOTS[key]) in (None, "", "unknown"):
            problems.append(f"{FACT_SLOTS[key]} lost (said {facts[key]!r})")
    return problems


def _asked_again(played: Played, first: dict[str, int]) -> list[str]:
    problems = []
    for index, step in enumerate(played.steps):
        for slot in step.seen.asked_slots:
            if slot in INTAKE_SLOTS and slot in first and first[slot] <= index:
                problems.append(f"step {index}: asked for {slot} again")
    return problems


def _stray(played: Played) -> list[str]:
    """More than one question in a turn, a form's question where the person did not expect one (outside
    that form's moment), or the same text twice running."""
    problems = []
    previous: list[str] = []
    for index, step in enumerate(played.steps):
        questions = step.seen.questions
        if len(questions) > 1:
            problems.append(f"step {index}: {len(questions)} questions in one turn {questions}")
        if step.turn is not None and step.turn.expect:
            unexpected = [q for q in questions if q in FORM_QUESTIONS and q not in step.turn.expect]
            if unexpected:
                problems.append(f"step {index}: unexpected prompt {unexpected}")
        if step.seen.texts and step.seen.texts == previous:
            problems.append(f"step {index}: repeated the previous turn word for word")
        previous = step.seen.texts
    return problems


def judge(played: Played) -> Verdict:
    """Score one played conversation on the five criteria."""
    problems: list[str] = [f"error: {played.error}"] if played.error else []
    facts, first = _stated_facts(played)
    # After a deletion the person asked for there are no facts left to keep: only "never asked again" counts.
    deleted = any("deleted" in step.seen.moves for step in played.steps)
    kept = _fact_problems(facts, played.final_slots)
    waived = kept if deleted else []  # reported apart, so runs judged before this rule compare like with like
    fact_problems = ([] if deleted else kept) + _asked_again(played, first)
    stray = _stray(played)
    pressure_turns = pressure_ok = flags_total = flags_caught = 0
    understood = True
    fallbacks_in_row = 0
    loop = False
    for index, step in enumerate(played.steps):
        moves = set(step.seen.moves)
        if "fallback" in moves:
            fallbacks_in_row += 1
            loop = loop or fallbacks_in_row >= 2
        else:
            fallbacks_in_row = 0
        if step.turn is None:
            if not moves & AUTO_ANSWER_OK:
                understood = False
                problems.append(f"step {index} (auto answer {step.sent!r}): got {sorted(moves)}")
            continue
        expected = set(step.turn.expect)
        ok = bool(moves & expected) and ("fallback" not in moves or "clarify" in expected)
        if step.turn.expect and not ok:
            understood = False
            got = sorted(moves) or "nothing"
            problems.append(f"step {index} {step.sent!r}: expected {sorted(expected)}, got {got}")
        if step.turn.free_text_pressure:
            pressure_turns += 1
            pressure_ok += ok
        if step.turn.flag is not None:
            flags_total += 1
            if step.triage_after >= step.turn.flag:
                flags_caught += 1
            else:
                problems.append(f"step {index}: red flag ({step.turn.flag.slug}) missed, "
                                f"triage {step.triage_after.slug}")
    reached = set().union(*(set(s.seen.moves) for s in played.steps)) if played.steps else set()
    goal_ok = bool(reached & GOAL_MOVES.get(played.script.goal, set()))
    if not goal_ok:
        problems.append(f"goal {played.script.goal} not reached")
    if loop:
        problems.append("fallback loop (two misunderstandings in a row)")
    return Verdict(facts_kept=not fact_problems and not played.error, pressure_turns=pressure_turns,
                   pressure_understood=pressure_ok, no_stray=not stray and not played.error,
                   goal_no_loop=goal_ok and not loop and understood and not played.error,
                   flags_total=flags_total, flags_caught=flags_caught,
                   problems=problems + fact_problems + stray, waived=waived)
