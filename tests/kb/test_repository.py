"""Seeding and repository queries on SQLite and, where reachable, PostgreSQL."""

from __future__ import annotations

import os
import uuid
from typing import Iterator

import pytest
from sqlalchemy import func, inspect, select, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from kb.database import make_engine, migrate
from kb.models import MuscleRow, ReferralZoneRow
from kb.repository import KnowledgeRepository
from kb.seed import is_seeded, seed

POSTGRES_URL = os.environ.get("BOT_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")


def _postgres_engine() -> Iterator[Engine]:
    try:
        admin = make_engine(POSTGRES_URL)
        with admin.connect() as connection:
            connection.execute(text("select 1"))
    except Exception as error:
        pytest.skip(f"PostgreSQL not reachable at {POSTGRES_URL} ({type(error).__name__}); "
                    "start it or set BOT_TEST_POSTGRES_URL")
    schema = f"kbtest_{uuid.uuid4().hex[:8]}"
    with admin.begin() as connection:
        connection.execute(text(f"create schema {schema}"))
    engine = make_engine(POSTGRES_URL + f"?options=-csearch_path%3D{schema}")
    try:
        yield engine
    finally:
        engine.dispose()
        with admin.begin() as connection:
            connection.execute(text(f"drop schema {schema} cascade"))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def engine(request: pytest.FixtureRequest, tmp_path) -> Iterator[Engine]:  # type: ignore[no-untyped-def]
    if request.param == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path / 'kb.sqlite'}")
        yield engine
        engine.dispose()
    else:
        yield from _postgres_engine()


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
