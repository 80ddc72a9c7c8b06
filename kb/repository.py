"""Read access to the knowledge base that returns plain typed values, never ORM rows.

The action server builds one repository lazily on first use (no I/O at import); tests can pass
their own engine.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from core.types import MuscleCard, MuscleProfile, SourceRef
from kb.content import ScreeningQuestion, muscle_card, muscle_profile, source_ref
from kb.models import DocumentRow, MuscleRow, RedFlagRow, ReferralZoneRow, RegionRow, SourceRow

__all__ = ["KnowledgeRepository"]


class KnowledgeRepository:
    """Queries over the seeded knowledge base; results are cached because content is static."""

    def __init__(self, engine: Engine):
        self._engine = engine

    def _session(self) -> Session:
        return Session(self._engine, future=True)

    @cached_property
    def _sources(self) -> dict[str, dict[str, Any]]:
        with self._session() as session:
            return {row.id: row.document for row in session.execute(select(SourceRow)).scalars()}

    def _refs(self, raw: list[dict[str, Any]] | None) -> tuple[SourceRef, ...]:
        return tuple(source_ref(item, self._sources) for item in raw or [])

    @cached_property
    def _muscles(self) -> dict[str, dict[str, Any]]:
        with self._session() as session:
            rows = session.execute(select(MuscleRow).order_by(MuscleRow.id)).scalars()
            return {row.id: row.document for row in rows}

    def muscle_profiles(self) -> list[MuscleProfile]:
        """The ranking's view of every muscle (built once: the action server ranks on every turn)."""
        return list(self._profiles)

    @cached_property
    def _profiles(self) -> tuple[MuscleProfile, ...]:
        return tuple(muscle_profile(doc, self._sources) for doc in self._muscles.values())

    def muscles_referring_to(self, region_id: str) -> list[tuple[str, str]]:
        """(muscle id, zone kind) for every muscle that refers pain to a region."""
        with self._session() as session:
            rows = session.execute(
                select(ReferralZoneRow.muscle_id, ReferralZoneRow.kind)
                .where(ReferralZoneRow.region_id == region_id)
                .order_by(ReferralZoneRow.kind, ReferralZoneRow.muscle_id)
            )
            return [(muscle, kind) for muscle, kind in rows]

    def muscle_card(self, muscle_id: str) -> MuscleCard | None:
        """The coaching card for a muscle, or None if unknown."""
        doc = self._muscles.get(muscle_id)
        return muscle_card(doc, self._sources) if doc is not None else None

    @cached_property
    def region_names(self) -> dict[str, str]:
        """Region id -> display name."""
        with self._session() as session:
            return {row.id: row.name for row in session.execute(select(RegionRow)).scalars()}

    @cached_property
    def region_groups(self) -> dict[str, str]:
        """Region id -> body-area group (low_back, head, ...)."""
        with self._session() as session:
            return {row.id: row.group for row in session.execute(select(RegionRow)).scalars()}

    def document(self, key: str) -> dict[str, Any]:
        """A stored document (guidance, terms:activity, ...) or {}."""
        with self._session() as session:
            row = session.get(DocumentRow, key)
            return dict(row.document) if row else {}

    @cached_property
    def guidance(self) -> dict[str, Any]:
        """General guidance: pressure scale, dosage, cautions, posture, breathing, movement."""
        return self.document("guidance")

    @cached_property
    def screening_questions(self) -> tuple[ScreeningQuestion, ...]:
        """Safety questions per complaint area, in review order."""
        return tuple(
            ScreeningQuestion(id=q["id"], complaint=tuple(q["complaint"]), finding=q["finding"], text=q["text"])
            for q in self.document("screening").get("questions", [])
        )

    @cached_property
    def activity_names(self) -> dict[str, str]:
        """Activity id -> display name."""
        return {k: v.get("name", k) for k, v in self.document("terms:activity").items()}

    def red_flag_ids(self) -> list[str]:
        """Ids of every red-flag rule, for review tools."""
        with self._session() as session:
            return list(session.execute(select(RedFlagRow.id).order_by(RedFlagRow.id)).scalars())
