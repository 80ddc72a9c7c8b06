"""Red-flag triage: which reviewed rules a pain report meets, and how urgent that makes it.

Pure and deterministic. The same function serves the dialogue policy (every user turn), the action
server and `python -m bot assess`, so the three can never disagree.
"""

from __future__ import annotations

from typing import Iterable

from bot.engine.types import FiredFlag, PainReport, RedFlagRule, TriageLevel, TriageResult

__all__ = ["assess_triage", "rule_matches"]

_DAYS_PER_WEEK = 7.0


def _complaint_fits(rule: RedFlagRule, region_groups: set[str]) -> bool:
    """A rule scoped to body areas applies when the person reports pain in one of them.

    When no region is known yet the rule still applies: an unplaced complaint with, say, saddle
    numbness must not slip through because the person has not said "back" yet.
    """
    return not rule.complaint or not region_groups or bool(region_groups & set(rule.complaint))


def rule_matches(
    rule: RedFlagRule, report: PainReport, region_groups: set[str]
) -> FiredFlag | None:
    """Return the fired flag when every condition of the rule holds, else None."""
    present = report.findings
    if not all(finding in present for finding in rule.all_of):
        return None
    hits = tuple(f for f in rule.any_of if f in present)
    if rule.any_of and not hits:
        return None
    if not _complaint_fits(rule, region_groups):
        return None
    if rule.age_at_least is not None and (report.age is None or report.age < rule.age_at_least):
        return None
    if rule.age_below is not None and (report.age is None or report.age >= rule.age_below):
        return None
    if rule.duration_weeks_at_least is not None:
        weeks = (report.duration_days or 0.0) / _DAYS_PER_WEEK
        if weeks < rule.duration_weeks_at_least:
            return None
    if not (rule.all_of or rule.any_of or rule.age_at_least or rule.age_below
            or rule.duration_weeks_at_least):
        return None  # a rule with no condition would flag everyone
    return FiredFlag(rule=rule, because=tuple(rule.all_of) + hits)


def assess_triage(
    report: PainReport,
    rules: Iterable[RedFlagRule],
    region_groups: Iterable[str] = (),
) -> TriageResult:
    """Apply every rule; the level is the most serious fired rule (or none)."""
    groups = set(region_groups)
    fired = [flag for rule in rules if (flag := rule_matches(rule, report, groups)) is not None]
    fired.sort(key=lambda flag: (-flag.rule.level, flag.rule.id))
    level = fired[0].rule.level if fired else TriageLevel.NONE
    return TriageResult(level=level, flags=tuple(fired))
