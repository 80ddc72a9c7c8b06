"""Evaluation of vignettes (shared/CONTRACT.md section 4) over REST and through `assess`.

A case passes over REST when the triage level reaches `triage_at_least` no later than `flag_turn`,
never exceeds `triage_at_most`, and (when given) one of `muscles_in_top3` is among the first three
`candidate_muscles` at the end. After the scripted turns the runner answers the bot's remaining
questions: "no" to yes/no questions, "not sure" to others, a few times.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.files import load_yaml
from core.settings import PROJECT_ROOT
from core.types import TriageLevel

__all__ = ["OWN_TRIAGE_CASES", "PUBLIC_CASES", "Case", "Outcome", "load_cases", "run_assess", "run_rest"]

SHARED_CASES = PROJECT_ROOT.parent / "shared" / "eval" / "vignettes.yml"
PUBLIC_CASES = SHARED_CASES if SHARED_CASES.exists() else PROJECT_ROOT / "tests" / "cases" / "vignettes_public.yml"
OWN_TRIAGE_CASES = PROJECT_ROOT / "tests" / "cases" / "triage_cases.yml"
OWN_RANKING_CASES = PROJECT_ROOT / "tests" / "cases" / "ranking_cases.yml"
FOLLOW_UPS = 4


@dataclass(frozen=True)
class Case:
    """One vignette."""

    id: str
    turns: tuple[str, ...]
    flag_turn: int | None
    at_least: TriageLevel
    at_most: TriageLevel
    muscles: tuple[str, ...]

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Case:
        expect = raw.get("expect") or {}
        return cls(
            id=str(raw["id"]),
            turns=tuple(str(t) for t in raw["turns"]),
            flag_turn=raw.get("flag_turn"),
            at_least=TriageLevel.parse(expect.get("triage_at_least", "none")),
            at_most=TriageLevel.parse(expect.get("triage_at_most", "emergency")),
            muscles=tuple(expect.get("muscles_in_top3") or ()),
        )


@dataclass
class Outcome:
    """What happened to one case on one path."""

    case: Case
    path: str
    levels: list[TriageLevel] = field(default_factory=list)
    candidates: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.problems

    @property
    def final_level(self) -> TriageLevel:
        return max(self.levels, default=TriageLevel.NONE)

    @property
    def level_by_flag_turn(self) -> TriageLevel:
        """The highest level reached no later than the turn that states the flag."""
        horizon = self.case.flag_turn if self.case.flag_turn is not None else len(self.levels) - 1
        return max(self.levels[: horizon + 1], default=TriageLevel.NONE)

    def judge(self) -> Outcome:
        """Apply the contract's pass rules to what was observed."""
        case = self.case
        if case.at_least > TriageLevel.NONE:
            horizon = case.flag_turn if case.flag_turn is not None else len(self.levels) - 1
            reached = self.level_by_flag_turn
            if reached < case.at_least:
                self.problems.append(f"triage {reached.slug} by turn {horizon}, expected at least {case.at_least.slug}")
        if self.final_level > case.at_most:
            self.problems.append(f"triage reached {self.final_level.slug}, at most {case.at_most.slug} allowed")
        if case.muscles and not set(case.muscles) & set(self.candidates[:3]):
            self.problems.append(f"top 3 {self.candidates[:3]} has none of {list(case.muscles)}")
        return self


def load_cases(path: Path) -> list[Case]:
    """Cases from a vignette file."""
    return [Case.from_dict(raw) for raw in load_yaml(path.read_text(encoding="utf-8")) or []]


def _follow_up(messages: list[dict[str, Any]]) -> str | None:
    """The runner's answer to the bot's last question, or None when the bot asked nothing."""
    for message in reversed(messages):
        payloads = {b.get("payload") for b in message.get("buttons") or []}
        if "/deny" in payloads:
            return "no"
        if payloads:
            return None  # other buttons (pressure feedback) are not questions the runner answers
        if str(message.get("text") or "").rstrip().endswith("?"):
            return "not sure"
    return None


def run_rest(servers: Any, case: Case) -> Outcome:
    """Send the turns over REST, answer follow-ups, and judge."""
    outcome = Outcome(case, "rest")
    sender = servers.new_sender()
    messages: list[dict[str, Any]] = []
    for turn in case.turns:
        messages = servers.say(sender, turn)
        outcome.levels.append(TriageLevel.parse(servers.slot(sender, "triage_level")))
    for _ in range(FOLLOW_UPS):
        answer = _follow_up(messages)
        if answer is None:
            break
        messages = servers.say(sender, answer)
        outcome.levels.append(TriageLevel.parse(servers.slot(sender, "triage_level")))
    outcome.candidates = list(servers.slot(sender, "candidate_muscles") or [])
    return outcome.judge()


def run_assess(case: Case) -> Outcome:
    """The same case through `python -m bot assess` logic on the joined turns."""
    from bot.cli.assess import assess

    result = assess(" ".join(case.turns))
    level = TriageLevel.parse(result["triage_level"])
    outcome = Outcome(case, "assess", levels=[level] * len(case.turns),
                      candidates=[c["id"] for c in result["candidate_muscles"]])
    return outcome.judge()
