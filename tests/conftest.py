"""Shared fixtures. The real servers start once per test session, on free ports, with their own
SQLite files, and every test that claims them talks to them over REST."""

from __future__ import annotations

import os
import sys
from typing import Iterator

import pytest

from core.settings import PROJECT_ROOT
from tests.support.providers import Providers, running_providers
from tools.servers import Servers, ServerStartError, free_port, running_servers

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
pytest_plugins = ["tests.support.databases"]  # the `engine` fixture: SQLite and PostgreSQL


@pytest.fixture(scope="session")
def knowledge():  # type: ignore[no-untyped-def]
    """The validated knowledge (content files), loaded once."""
    from bot.engine.knowledge import knowledge as load

    return load()


@pytest.fixture(scope="session")
def clinic_origin() -> str:
    """Origin the browser tests serve the clinic page from; the Rasa server allows it (CORS)."""
    return f"http://127.0.0.1:{free_port()}"


@pytest.fixture(scope="session")
def providers() -> Iterator[Providers]:
    """Local stand-ins for the Twilio and Telegram APIs, which the session's Rasa server sends to."""
    yield from running_providers()


@pytest.fixture(scope="session")
def servers(tmp_path_factory: pytest.TempPathFactory, clinic_origin: str, providers: Providers) -> Iterator[Servers]:
    """The real action server and Rasa server, started once for the whole session, with the messaging
    channels on against the providers' stand-ins."""
    try:
        with running_servers(tmp_path_factory.mktemp("servers"), extra_env=providers.env,
                             cors_origins=("http://127.0.0.1:8000", clinic_origin)) as handles:
            yield handles
    except ServerStartError as error:
        pytest.fail(str(error))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests that use the `servers` fixture are marked `servers` automatically."""
    for item in items:
        if "servers" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.servers)


def pytest_report_header(config: pytest.Config) -> str:
    return f"python {sys.version.split()[0]}; project {PROJECT_ROOT}"
