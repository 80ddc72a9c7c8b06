"""Check-in rules: timing, trend text and escalation."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta, timezone

from bot.checkins.plan import Outcome, escalation_reason, schedule_times, trend_text

START = datetime(2026, 1, 5, 9, tzinfo=timezone.utc)


def at(days: int, trend: str, pain: int | None = None) -> Outcome:
    return Outcome(START + timedelta(days=days), trend, pain)


def test_first_after_two_days_then_weekly_up_to_six_weeks() -> None:
    times = schedule_times(START)
    assert times[0] - START == timedelta(days=2)
    assert times[-1] - START == timedelta(days=42)
    assert all(b - a <= timedelta(days=7) for a, b in itertools.pairwise(times))


def test_worse_escalates_at_once() -> None:
    assert escalation_reason([at(2, "worse", 7)], baseline_pain=6, started_at=START, red_flag=False)


def test_red_flag_escalates() -> None:
    assert escalation_reason([at(2, "better", 2)], baseline_pain=6, started_at=START, red_flag=True)


def test_early_same_does_not_escalate() -> None:
    assert escalation_reason([at(2, "same", 6)], baseline_pain=6, started_at=START, red_flag=False) is None


def test_no_meaningful_improvement_after_two_weeks_escalates() -> None:
    history = [at(2, "same", 6), at(7, "better", 5), at(14, "better", 5)]
    assert escalation_reason(history, baseline_pain=6, started_at=START, red_flag=False)


def test_meaningful_improvement_after_two_weeks_continues() -> None:
    history = [at(2, "better", 5), at(14, "better", 3)]
    assert escalation_reason(history, baseline_pain=6, started_at=START, red_flag=False) is None


def test_trend_text() -> None:
    assert trend_text([at(2, "better", 5), at(7, "better", 3)], 6) == "Pain over time (0-10): 6 -> 5 -> 3"
