"""The reviewed knowledge, loaded once per process from kb/content for the reasoning paths that must
not depend on a database: red-flag triage runs inside the Rasa server on every turn and must keep
working when the database or the action server is down.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any, Iterable

from bot.dialogue.screening import Question
from bot.engine.ranking import CANDIDATE_LIMIT, rank_muscles
from bot.engine.triage import assess_triage
from core.types import Candidate, Mention, MuscleCard, MuscleProfile, PainReport, RedFlagRule, TriageResult
from kb.content import Content, ScreeningQuestion, load_content, muscle_card

__all__ = ["Knowledge", "knowledge"]


@dataclass(frozen=True)
class Knowledge:
    """Read-only view of the content that the engine needs, with name tables for explanations."""

    rules: tuple[RedFlagRule, ...]
    muscles: tuple[MuscleProfile, ...]
    region_groups: dict[str, str]
    region_names: dict[str, str]
    activity_names: dict[str, str]
    sided_regions: frozenset[str]
    region_shapes: dict[str, dict[str, Any]]
    screening: tuple[ScreeningQuestion, ...] = ()
    concern_of: dict[str, str] = field(default_factory=dict)
    cards: dict[str, MuscleCard] = field(default_factory=dict)
    guidance: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_content(cls, content: Content) -> Knowledge:
        """Project the validated content onto what the engine uses."""
        return cls(
            rules=tuple(content.rules.values()),
            muscles=tuple(content.muscle_profiles()),
            region_groups={r.id: r.group for r in content.regions.values()},
            region_names={r.id: r.name for r in content.regions.values()},
            activity_names={t.id: t.name for t in content.terms.get("activity", {}).values()},
            sided_regions=frozenset(r.id for r in content.regions.values() if r.sided),
            region_shapes={r.id: r.shapes for r in content.regions.values()},
            screening=tuple(content.screening),
            concern_of={c.id: c.concern for c in content.concepts.values() if c.concern},
            cards={mid: muscle_card(doc, content.sources) for mid, doc in content.muscles.items()},
            guidance=dict(content.guidance),
        )

    def muscle_card(self, muscle_id: str) -> MuscleCard | None:
        """The coaching card for a muscle, or None if unknown."""
        return self.cards.get(muscle_id)

    @cached_property
    def questions(self) -> tuple[Question, ...]:
        """The screening questions as the selection (bot.dialogue.screening) sees them."""
        return tuple(Question(id=q.id, finding=q.finding, complaint=q.complaint, priority=q.priority,
                              concern_only=q.concern_only, when_age_at_least=q.when_age_at_least,
                              when_findings=q.when_findings) for q in self.screening)

    def question(self, question_id: str) -> ScreeningQuestion | None:
        """A screening question by id."""
        return next((q for q in self.screening if q.id == question_id), None)

    def groups_of(self, report: PainReport) -> set[str]:
        """Body-area groups (low_back, head, ...) of the reported regions."""
        return {self.region_groups[r] for r in report.region_ids if r in self.region_groups}

    def triage(self, report: PainReport) -> TriageResult:
        """Red-flag triage of a report."""
        return assess_triage(report, self.rules, self.groups_of(report))

    def rank(self, report: PainReport, limit: int = CANDIDATE_LIMIT) -> list[Candidate]:
        """Candidate muscles for a report, best first, each with its reason.

        Only muscles that refer pain to a reported region can score, so only those are scored.
        """
        referring = {m for region in report.region_ids for m in self._muscles_by_region.get(region, ())}
        muscles = [m for m in self.muscles if m.id in referring]
        return rank_muscles(report, muscles, region_names=self.region_names,
                            activity_names=self.activity_names, limit=limit)

    @cached_property
    def _muscles_by_region(self) -> dict[str, tuple[str, ...]]:
        table: dict[str, list[str]] = {}
        for muscle in self.muscles:
            for region in (*muscle.primary, *muscle.spillover):
                table.setdefault(region, []).append(muscle.id)
        return {region: tuple(ids) for region, ids in table.items()}

    def report(self, mentions: Iterable[Mention]) -> PainReport:
        """A report from mentions in conversation order."""
        return PainReport.from_mentions(list(mentions))


@lru_cache(maxsize=1)
def knowledge() -> Knowledge:
    """The process-wide knowledge, validated on first use."""
    return Knowledge.from_content(load_content())
