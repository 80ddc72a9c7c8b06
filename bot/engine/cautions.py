"""Which general cautions apply to this person, and what they mean for the pressure.

A caution (kb/content/guidance.yml `general_cautions`) applies when the person stated one of its
`personal_findings` (blood thinners, pregnancy, osteoporosis, ...), or is at least `age_at_least`
with pain in one of its `complaint` groups (no deep pressure near the navel over 50). Its `effect`
says what follows: `no_massage`, `ask_doctor_first`, `avoid_area` or `no_deep_pressure`, the last
three meaning light pressure only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from core.types import PainReport

__all__ = ["Caution", "personal_cautions"]


@dataclass(frozen=True)
class Caution:
    """A caution that applies, with its words (reviewed content) and its effect on the pressure."""

    id: str
    title: str
    text: str
    effect: str

    @property
    def blocks_massage(self) -> bool:
        return self.effect == "no_massage"

    @property
    def asks_for_light_pressure(self) -> bool:
        """Blood thinners, weak bones, numb skin ("no deep pressure") or a doctor's word still to come ("ask first"):
        the gentle band. A caution that only says where not to press (a fresh injury, broken skin) leaves the
        band as it is for the places that may be pressed."""
        return self.effect in ("no_deep_pressure", "ask_doctor_first")


def _applies(doc: dict[str, Any], report: PainReport, groups: set[str]) -> bool:
    findings = set(doc.get("personal_findings") or ())
    if findings & report.findings:
        return True
    age = doc.get("age_at_least")
    if age is None or report.age is None or report.age < int(age):
        return False
    complaint = set(doc.get("complaint") or ())
    return not complaint or bool(complaint & groups)


def personal_cautions(report: PainReport, guidance: dict[str, Any],
                      groups_of: Callable[[PainReport], set[str]]) -> list[Caution]:
    """The general cautions that apply to this person, in the order the content lists them."""
    groups = groups_of(report)
    return [Caution(id=str(doc.get("id")), title=str(doc.get("title") or ""), text=str(doc.get("text") or "").strip(),
                    effect=str(doc.get("effect") or "no_deep_pressure"))
            for doc in guidance.get("general_cautions") or [] if _applies(doc, report, groups)]
