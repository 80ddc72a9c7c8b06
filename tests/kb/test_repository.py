"""Seeding and repository queries on SQLite and, where reachable, PostgreSQL."""

from __future__ import annotations

from sqlalchemy import func, inspect, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from kb.database import migrate
from kb.models import MuscleRow, ReferralZoneRow
from kb.repository import KnowledgeRepository
from kb.seed import is_seeded, seed


def test_migrations_from_empty_database(engine: Engine) -> None:
    migrate(engine)
    tables = set(inspect(engine).get_table_names())
    assert {"kb_muscles", "kb_regions", "kb_referral_zones", "kb_red_flags", "kb_sources"} <= tables
    migrate(engine)  # idempotent


def test_seed_is_idempotent(engine: Engine) -> None:
    first = seed(engine)
    assert first.changed and is_seeded(engine)
    with Session(engine, future=True) as session:
        muscles = session.execute(select(func.count()).select_from(MuscleRow)).scalar_one()
        zones = session.execute(select(func.count()).select_from(ReferralZoneRow)).scalar_one()
    second = seed(engine)
    assert not second.changed
    with Session(engine, future=True) as session:
        assert session.execute(select(func.count()).select_from(MuscleRow)).scalar_one() == muscles
        assert session.execute(select(func.count()).select_from(ReferralZoneRow)).scalar_one() == zones


def test_repository_returns_typed_values(engine: Engine) -> None:
    seed(engine)
    repo = KnowledgeRepository(engine)
    profiles = repo.muscle_profiles()
    assert len(profiles) >= 46
    trapezius = next(p for p in profiles if p.id == "upper_trapezius")
    assert "temple" in trapezius.primary + trapezius.spillover
    card = repo.muscle_card("sternocleidomastoid")
    assert card is not None and card.technique.get("find") and card.cautions
    assert any(muscle == "upper_trapezius" for muscle, _kind in repo.muscles_referring_to("temple"))
    assert repo.guidance.get("pressure_scale")
