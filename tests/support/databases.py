"""Database engines for tests: SQLite always, PostgreSQL where the local server is reachable."""

from __future__ import annotations

import os
import uuid
from pathlib import Path
from typing import Iterator

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine

from kb.database import make_engine

__all__ = ["POSTGRES_URL", "REDIS_URL", "engine", "postgres_engine", "redis_url", "sqlite_engine"]

POSTGRES_URL = os.environ.get("BOT_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")


def postgres_engine() -> Iterator[Engine]:
    """An engine on a fresh schema of the local PostgreSQL, dropped afterwards; skips if unreachable."""
    try:
        admin = make_engine(POSTGRES_URL)
        with admin.connect() as connection:
            connection.execute(text("select 1"))
    except Exception as error:
        pytest.skip(f"PostgreSQL not reachable at {POSTGRES_URL} ({type(error).__name__}); "
                    "start it or set BOT_TEST_POSTGRES_URL")
    schema = f"test_{uuid.uuid4().hex[:8]}"
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


def sqlite_engine(folder: Path) -> Iterator[Engine]:
    """An engine on a new SQLite file."""
    engine = make_engine(f"sqlite:///{folder / 'test.sqlite'}")
    yield engine
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """Each test using this runs on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        yield from sqlite_engine(tmp_path)
    else:
        yield from postgres_engine()


REDIS_URL = os.environ.get("BOT_TEST_REDIS_URL", "redis://127.0.0.1:6379/1")


@pytest.fixture()
def redis_url() -> str:
    """The local Redis for tests that share state between processes; skips where it is not running."""
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_timeout=2).ping()
    except Exception as error:
        pytest.skip(f"Redis not reachable at {REDIS_URL} ({type(error).__name__}); start it or set BOT_TEST_REDIS_URL")
    return REDIS_URL
