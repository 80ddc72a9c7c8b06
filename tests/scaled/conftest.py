"""The scaled-out stack (2 Rasa servers, 2 action servers, nginx, PostgreSQL, Redis), started once.

It takes about 2 GB and a minute or two to start, so one session fixture serves every test here.
Each session gets its own PostgreSQL database (dropped afterwards) and its own Redis key prefix, so
runs never collide. Skips with the reason when PostgreSQL, Redis or nginx is not available.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine

from bot.runtime.scaled import ScaledConfig, Stack, nginx_binary, running_stack
from tests.support.databases import POSTGRES_URL
from tools.servers import free_port

REDIS_URL = os.environ.get("BOT_TEST_REDIS_URL", "redis://127.0.0.1:6379/1")


@dataclass
class Scaled:
    """Handles for the tests: the proxy, the token, the stack's members and the database."""

    stack: Stack
    proxy_url: str
    token: str
    engine: Engine
    redis_prefix: str


def _need_services() -> None:
    import redis
    from sqlalchemy import create_engine

    if nginx_binary() is None:
        pytest.skip("nginx is not installed (Debian: apt-get install nginx-light)")
    try:
        admin = create_engine(POSTGRES_URL)
        with admin.connect() as connection:
            connection.execute(text("select 1"))
        admin.dispose()
    except Exception as error:
        pytest.skip(f"PostgreSQL not reachable at {POSTGRES_URL} ({type(error).__name__}); "
                    "start it or set BOT_TEST_POSTGRES_URL")
    try:
        redis.Redis.from_url(REDIS_URL, socket_timeout=2).ping()
    except Exception as error:
        pytest.skip(f"Redis not reachable at {REDIS_URL} ({type(error).__name__}); start it or set BOT_TEST_REDIS_URL")


def _database_url(name: str) -> str:
    base = POSTGRES_URL.rsplit("/", 1)[0]
    return f"{base}/{name}"


@pytest.fixture(scope="session")
def scaled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Scaled]:
    """Start the stack on free ports against a fresh database; drop the database afterwards."""
    _need_services()
    import redis
    from sqlalchemy import create_engine

    from bot.runtime.training import ensure_model
    from kb.database import make_engine
    from kb.seed import seed

    name = f"paincoach_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT", pool_pre_ping=True)  # survives restarts
    with admin.connect() as connection:
        connection.execute(text(f"create database {name}"))
    url = _database_url(name)
    prefix = f"paincoach{uuid.uuid4().hex[:8]}"
    token = uuid.uuid4().hex
    engine = make_engine(url)
    seed(engine)
    config = ScaledConfig(database_url=url, redis_url=REDIS_URL, proxy_port=free_port(),
                          action_proxy_port=free_port(), rasa_ports=(free_port(), free_port()),
                          action_ports=(free_port(), free_port()), web_port=free_port(), api_token=token,
                          redis_prefix=prefix)
    log_dir: Path = tmp_path_factory.mktemp("scaled")
    try:
        with running_stack(config, ensure_model(), log_dir=log_dir) as stack:
            yield Scaled(stack, config.proxy_url, token, engine, prefix)
    except RuntimeError as error:
        pytest.fail(str(error))
    finally:
        engine.dispose()
        with admin.connect() as connection:
            connection.execute(text(f"drop database if exists {name} with (force)"))
        admin.dispose()
        client = redis.Redis.from_url(REDIS_URL)
        for key in client.scan_iter(f"{prefix}*"):
            client.delete(key)


_ORDER = ("test_scaled.py", "test_load.py", "test_faults.py")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Faults last: they stop and restart members of the shared stack."""
    def rank(item: pytest.Item) -> int:
        name = item.path.name
        return _ORDER.index(name) + 1 if item.path.parent == Path(__file__).parent and name in _ORDER else 0

    items.sort(key=rank)
