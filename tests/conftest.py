"""Shared fixtures. The real servers start once per test session, on free ports, with their own
SQLite files, and every test that claims them talks to them over REST."""

from __future__ import annotations

import os
import sys
from typing import Iterator

import pytest

from bot.settings import PROJECT_ROOT
from tests.support.servers import Servers, ServerStartError, running_servers

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")


@pytest.fixture(scope="session")
def knowledge():  # type: ignore[no-untyped-def]
    """The validated knowledge (content files), loaded once."""
    from bot.knowledge import knowledge as load

    return load()


@pytest.fixture(scope="session")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Servers]:
    """The real action server and Rasa server, started once for the whole session."""
    try:
        with running_servers(tmp_path_factory.mktemp("servers")) as handles:
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
