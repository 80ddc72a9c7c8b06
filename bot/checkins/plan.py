"""Pure check-in rules: when to check in, how the pain is trending, and when to escalate."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Sequence

__all__ = ["OFFSETS_DAYS", "Outcome", "escalation_reason", "schedule_times", "trend_text"]

# First check-in after 2 days, then weekly up to 6 weeks.
OFFSETS_DAYS = (2, 7, 14, 21, 28, 35, 42)
MEANINGFUL_DROP = 2  # points on the 0-10 scale; smaller changes are within day-to-day variation
REVIEW_AFTER_DAYS = 14


@dataclass(frozen=True)
class Outcome:
    """One answered check-in."""

    answered_at: datetime
    trend: str  # better | same | worse
    pain_now: int | None = None
    helped: bool | None = None


def schedule_times(start: datetime) -> list[datetime]:
    """Due times for a new series of check-ins."""
    return [start + timedelta(days=days) for days in OFFSETS_DAYS]


def escalation_reason(
    outcomes: Sequence[Outcome], *, baseline_pain: int | None, started_at: datetime, red_flag: bool
) -> str | None:
    """Why the person should now see a professional, or None while self-care is on track.

    Worse, any red flag, or no meaningful improvement after two weeks of self-care.
    """
    if red_flag:
        return "you mentioned something that needs a clinician to look at it"
    if not outcomes:
        return None
    latest = outcomes[-1]
    if latest.trend == "worse":
        return "the pain is getting worse"
    if (latest.answered_at - started_at).days < REVIEW_AFTER_DAYS:
        return None
    if baseline_pain is not None and latest.pain_now is not None:
        improved = baseline_pain - latest.pain_now >= MEANINGFUL_DROP
    else:
        improved = latest.trend == "better"
    return None if improved else "there has been no real improvement after two weeks of self-care"


def trend_text(outcomes: Sequence[Outcome], baseline_pain: int | None) -> str:
    """A one-line text trend for channels without pictures: 'start 6 -> 5 -> 3'."""
    points = [str(baseline_pain)] if baseline_pain is not None else []
    points += [str(o.pain_now) for o in outcomes if o.pain_now is not None]
    if len(points) < 2:
        return ""
    return "Pain over time (0-10): " + " -> ".join(points)
