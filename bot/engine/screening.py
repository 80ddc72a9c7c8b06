"""Which safety question to ask next, if any: chosen by body area and person, a few at most.

Before any self-massage advice the assistant asks the questions that matter for where it hurts
(screening/*.yml), one at a time, most important first, and stops after MAX_ROUTINE of them. A
worrying word that led to no finding ("some bladder issues") gets its clarifying question first,
even in the middle of the intake. When a rule that depends on age could change the answer and the
age is unknown, the age is asked.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from core.types import PainReport, RedFlagRule, TriageLevel

__all__ = ["AGE", "MAX_ROUTINE", "NextQuestion", "Question", "concern_question", "next_question"]

# Three routine questions, most important first: people read a fourth and fifth as a wall before any help,
# and every message is checked for red flags anyway. The age is asked on top only when it could decide.
MAX_ROUTINE = 3
AGE = "__age__"


@dataclass(frozen=True)
class Question:
    """What the selection needs of a screening question (kb.content.ScreeningQuestion has it all)."""

    id: str
    finding: str
    complaint: tuple[str, ...] = ()
    priority: int = 50
    concern_only: bool = False
    when_age_at_least: int | None = None
    when_findings: tuple[str, ...] = ()


@dataclass(frozen=True)
class NextQuestion:
    """The question to ask (`id` is AGE for the age), and whether it clarifies a worrying word."""

    id: str
    finding: str
    concern: bool = False


def _known(report: PainReport, finding: str) -> bool:
    return finding in report.findings or finding in report.negated_findings


def concern_question(report: PainReport, asked: Iterable[str], questions: Iterable[Question],
                     concern_of: dict[str, str]) -> NextQuestion | None:
    """The clarifying question for a worrying word said without any finding coming of it, or for a
    red flag said as a worry or a question ("could this be a clot?", "worried about the numbness"):
    asked about, never taken as a no."""
    done = set(asked)
    by_id = {q.id: q for q in questions}
    for concept in sorted(report.concepts | report.wondered):
        qid = concern_of.get(concept)
        question = by_id.get(qid or "")
        if question and question.id not in done and not _known(report, question.finding):
            return NextQuestion(question.id, question.finding, concern=True)
    for finding in sorted(report.wondered - report.findings):
        question = next((q for q in questions if q.finding == finding and q.id not in done), None)
        if question and not _known(report, finding):
            return NextQuestion(question.id, finding, concern=True)
    return None


def _age_could_decide(report: PainReport, rules: Iterable[RedFlagRule], groups: set[str]) -> bool:
    """True when some age-dependent rule has everything else it needs already."""
    if report.age is not None:
        return False
    for rule in rules:
        if rule.age_at_least is None and rule.age_below is None:
            continue
        if (rule.complaint or rule.complaint_regions) and not (
                groups & set(rule.complaint) or set(report.region_ids) & set(rule.complaint_regions)):
            continue
        if all(any(f in report.findings for f in group) for group in rule.groups) and \
                not any(f in report.findings for f in rule.none_of):
            return True
    return False


def next_question(report: PainReport, asked: Iterable[str], questions: Iterable[Question],
                  rules: Iterable[RedFlagRule], groups: set[str], level: TriageLevel) -> NextQuestion | None:
    """The next routine screening question for this person, the age, or None when screening is done."""
    if level >= TriageLevel.URGENT:
        return None
    done = list(asked)
    questions = list(questions)
    routine_asked = [q for q in questions if q.id in done and not q.concern_only]
    if len(routine_asked) >= MAX_ROUTINE:
        return None
    candidates = []
    needs_age = False
    for question in questions:
        if question.concern_only or question.id in done or _known(report, question.finding):
            continue
        if not groups & set(question.complaint):
            continue
        if question.when_findings and not any(f in report.findings for f in question.when_findings):
            continue
        if question.when_age_at_least is not None:
            if report.age is None:
                needs_age = True
                continue
            if report.age < question.when_age_at_least:
                continue
        candidates.append(question)
    candidates.sort(key=lambda q: (q.priority, q.id))
    age_matters = needs_age or _age_could_decide(report, rules, groups)
    if age_matters and AGE not in done and report.age is None and (not candidates or candidates[0].priority > 15):
        return NextQuestion(AGE, AGE)
    if candidates:
        return NextQuestion(candidates[0].id, candidates[0].finding)
    return None
