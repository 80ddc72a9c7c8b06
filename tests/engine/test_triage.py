"""Every red-flag rule fires when its findings are stated, and never when they are negated."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.engine.knowledge import knowledge
from bot.engine.triage import assess_triage
from core.types import Mention, PainReport, TriageLevel

RULES = knowledge().rules


def _report_for(rule, negated: bool = False) -> PainReport:  # type: ignore[no-untyped-def]
    findings = [group[0] for group in rule.groups]
    mentions = [Mention("finding", f, negated=negated) for f in findings]
    report = PainReport.from_mentions(mentions)
    if rule.age_at_least is not None:
        report.age = rule.age_at_least + 1
    if rule.age_below is not None:
        report.age = max(rule.age_below - 1, 1)
    if rule.duration_weeks_at_least is not None:
        report.duration_days = rule.duration_weeks_at_least * 7 + 1
    if rule.intensity_at_least is not None:
        report.intensity = rule.intensity_at_least
    return report


def _groups(rule) -> set[str]:  # type: ignore[no-untyped-def]
    return {rule.complaint[0]} if rule.complaint else set()


def _with_complaint(rule, report: PainReport) -> PainReport:  # type: ignore[no-untyped-def]
    if rule.complaint_regions and not rule.complaint:
        report.regions.append((rule.complaint_regions[0], None))
    return report


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_fires_when_stated(rule) -> None:  # type: ignore[no-untyped-def]
    result = assess_triage(_with_complaint(rule, _report_for(rule)), [rule], _groups(rule))
    assert result.level == rule.level
    assert result.flags[0].rule.id == rule.id


@pytest.mark.parametrize("rule", [r for r in RULES if r.groups], ids=lambda r: r.id)
def test_rule_silent_when_negated(rule) -> None:  # type: ignore[no-untyped-def]
    result = assess_triage(_report_for(rule, negated=True), [rule], _groups(rule))
    assert result.level == TriageLevel.NONE


def test_every_rule_is_sourced_and_has_a_message() -> None:
    for rule in RULES:
        assert rule.sources and rule.message, rule.id


def test_a_rule_message_says_the_clinics_emergency_number() -> None:
    """A clinic in the US sets 911: no message may still tell the person to call 999."""
    naming = [r for r in RULES if "{emergency_number}" in r.message]
    assert naming
    for rule in naming:
        message = rule.message_for("911")
        assert "911" in message and "{" not in message and "999" not in message, rule.id


def test_nothing_flags_an_empty_report() -> None:
    assert assess_triage(PainReport(), RULES).level == TriageLevel.NONE


FINDINGS = sorted({f for r in RULES for f in r.findings})


@settings(max_examples=200, deadline=None)
@given(stated=st.sets(st.sampled_from(FINDINGS), max_size=5), negated=st.sets(st.sampled_from(FINDINGS), max_size=5),
       age=st.one_of(st.none(), st.integers(min_value=5, max_value=95)))
def test_adding_a_negated_finding_never_raises_the_level(stated: set[str], negated: set[str], age: int | None) -> None:
    base = [Mention("finding", f) for f in sorted(stated)]
    before = PainReport.from_mentions(base)
    after = PainReport.from_mentions(base + [Mention("finding", f, negated=True) for f in sorted(negated)])
    before.age = after.age = age
    assert assess_triage(after, RULES).level <= assess_triage(before, RULES).level
