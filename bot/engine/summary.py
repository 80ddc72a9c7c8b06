"""The hand-over summary a person can take to a therapist: plain text, in the chat and as a file.

Pure: the facts in, the text out. It states what the person reported and what the assistant
suggested, says plainly that it is not a diagnosis, and carries the clinic's booking link.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Sequence

from core.types import PainReport

__all__ = ["HandoverSummary", "summary_text"]


@dataclass(frozen=True)
class HandoverSummary:
    """Everything the summary shows."""

    report: PainReport
    region_names: dict[str, str]
    triage_level: str
    red_flags: Sequence[str] = ()
    muscles: Sequence[str] = ()
    tried: Sequence[str] = field(default_factory=tuple)
    clinic_name: str = ""
    booking_url: str = ""
    written_at: datetime | None = None


def _duration(days: float | None) -> str:
    if days is None:
        return "not stated"
    if days < 1:
        return "less than a day"
    if days < 14:
        return f"about {days:.0f} day(s)"
    if days < 60:
        return f"about {days / 7:.0f} week(s)"
    return f"about {days / 30:.0f} month(s)"


def summary_text(summary: HandoverSummary) -> str:
    """The summary as plain text lines."""
    report = summary.report
    where = ", ".join(
        f"{side} {summary.region_names.get(region, region).lower()}" if side
        else summary.region_names.get(region, region).lower()
        for region, side in report.regions
    ) or "not stated"
    lines = [
        "Pain summary for your therapist or doctor",
        f"Written: {summary.written_at:%d %B %Y}" if summary.written_at else "",
        "",
        f"Where it hurts: {where}",
        f"What it feels like: {', '.join(report.sensations) or 'not stated'}",
        f"Intensity (0-10): {report.intensity if report.intensity is not None else 'not stated'}",
        f"How long: {_duration(report.duration_days)}",
        f"Makes it worse: {', '.join(a.replace('_', ' ') for a in report.activities + report.timings) or 'not stated'}",
        f"Safety check: {summary.triage_level.replace('_', ' ')}"
        + (f" (flags: {', '.join(summary.red_flags)})" if summary.red_flags else ""),
        f"Muscles suggested (trigger-point referral maps): {', '.join(summary.muscles) or 'none yet'}",
        f"Self-care tried: {', '.join(summary.tried) or 'none yet'}",
        "",
        "This is what the person reported to an automated self-care assistant. It is not a diagnosis.",
    ]
    if summary.booking_url:
        lines.append(f"Book with {summary.clinic_name or 'the clinic'}: {summary.booking_url}")
    return "\n".join(line for line in lines if line is not None)
