"""Secrets come only from the environment: no configuration file in the repository holds one."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any, Iterator

import yaml

from core.settings import PROJECT_ROOT

SECRET_KEY = re.compile(r"(password|passwd|secret|token|api_key|private_key)", re.IGNORECASE)
ENV_REF = re.compile(r"^\$\{[A-Z0-9_]+\}$")
CONFIG_FILES = ["credentials.yml", "endpoints.yml", "endpoints.scaled.yml", "config.yml"]


def _items(node: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _items(value, f"{path}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _items(value, f"{path}[{index}]")
    else:
        yield path, node


def test_config_files_take_secrets_from_the_environment() -> None:
    checked = 0
    for name in CONFIG_FILES:
        path = PROJECT_ROOT / name
        if not path.exists():
            continue
        for key, value in _items(yaml.safe_load(path.read_text()) or {}):
            if SECRET_KEY.search(key.rsplit(".", 1)[-1]) and value not in (None, ""):
                assert ENV_REF.match(str(value)), f"{name}{key} is not an ${{ENV}} reference"
            if isinstance(value, str) and re.search(r"://[^/\s:@]+:[^/\s@$]+@", value):
                raise AssertionError(f"{name}{key} has a password in a URL")
        checked += 1
    assert checked >= 2


def test_no_env_or_key_files_in_the_repository() -> None:
    skip = {".venv", "node_modules", ".git", "models", "results", ".mypy_cache", ".ruff_cache"}
    found: list[Path] = []
    for root, dirs, files in os.walk(PROJECT_ROOT):
        dirs[:] = [d for d in dirs if d not in skip]
        found += [Path(root, f) for f in files if f == ".env" or Path(f).suffix in {".pem", ".key", ".p12"}]
    assert not found, f"secret-looking files: {found}"
