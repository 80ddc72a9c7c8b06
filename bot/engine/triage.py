"""Red-flag triage: which reviewed rules a pain report meets, and how urgent that makes it.

Pure and deterministic. The same function serves the dialogue policy (every user turn), the action
server and `python -m bot assess`, so the three can never disagree.
"""

from __future__ import annotations

from typing import Iterable

from core.types import FiredFlag, PainReport, RedFlagRule, TriageLevel, TriageResult

__all__ = ["assess_triage", "rule_matches"]

_DAYS_PER_WEEK = 7.0


def _complaint_fits(rule: RedFlagRule, region_groups: set[str], regions: set[str]) -> bool:
    """A rule scoped to body areas applies when the person reports pain in one of them.

    When no region is known yet the rule still applies: an unplaced complaint with, say, saddle
    numbness must not slip through because the person has not said "back" yet.
    """
    if not (rule.complaint or rule.complaint_regions) or not regions:
        return True
    return bool(region_groups & set(rule.complaint)) or bool(regions & set(rule.complaint_regions))


# Guideline items that only apply from an age on (NICE CKS giant cell arteritis: over 50). A rule citing only such
# items fires while the age is unknown (it may be over 50), and is silent once the person says they are younger:
# a tender temple at 35 is a tension headache's trigger point, not an inflamed artery.
_GUIDELINE_AGE_FLOOR = {"gca_scalp": 50, "gca_jaw": 50, "gca_new_headache": 50, "gca_new_headache_features": 50}


def _age_fits(rule: RedFlagRule, age: int | None) -> bool:
    if rule.age_at_least is not None and (age is None or age < rule.age_at_least):
        return False
    floors = [_GUIDELINE_AGE_FLOOR.get(item) for item in rule.guideline]
    if age is not None and floors and all(floors) and age < min(f for f in floors if f is not None):
        return False
    return not (rule.age_below is not None and (age is None or age >= rule.age_below))


# Findings that many harmless states share and that mean a red flag only beside the complaint a rule names ("neck
# pain with dizziness": IFOMPT 2023, NICE CKS neck pain). While no place is known they do not stand in for that
# complaint: dizzy at the end of a hard spin class is not neck pain with dizziness. Said with a place, or with any
# defining finding of the rule, the rule fires as before.
_NEEDS_THE_PLACE = frozenset({"dizziness"})


def rule_matches(
    rule: RedFlagRule, report: PainReport, region_groups: set[str]
) -> FiredFlag | None:
    """Return the fired flag when every condition of the rule holds, else None."""
    present = report.findings
    because: list[str] = []
    for group in rule.groups:
        hits = [f for f in group if f in present]
        if not hits:
            return None
        because += [h for h in hits if h not in because]
    if any(f in present for f in rule.none_of):
        return None
    if not _complaint_fits(rule, region_groups, set(report.region_ids)):
        return None
    if (rule.complaint or rule.complaint_regions) and not (report.region_ids or region_groups) and because \
            and set(because) <= _NEEDS_THE_PLACE:
        return None
    if not _age_fits(rule, report.age):
        return None
    if rule.duration_weeks_at_least is not None:
        weeks = (report.duration_days or 0.0) / _DAYS_PER_WEEK
        if weeks < rule.duration_weeks_at_least:
            return None
    highest = report.highest_intensity if report.highest_intensity is not None else report.intensity
    if rule.intensity_at_least is not None and (highest is None or highest < rule.intensity_at_least):
        return None
    if not (rule.groups or rule.age_at_least or rule.age_below or rule.duration_weeks_at_least):
        return None  # a rule with no condition would flag everyone
    return FiredFlag(rule=rule, because=tuple(because))


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
