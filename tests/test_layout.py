"""The layout by role holds: packages import each other in one direction only, and the pure layers
(core, kb, the engine and the language layer) never import Rasa or TensorFlow, so the command line
and the knowledge tools start in a second instead of loading a dialogue framework.

Imports are read from the source (every `import` statement, including ones inside functions), so a
lazy import cannot slip past.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from core.settings import PROJECT_ROOT

# package -> the project packages it may import
ALLOWED = {
    "core": set(),
    "kb": {"core"},
    "bot": {"core", "kb"},
    "actions": {"bot", "core", "kb"},
    "tools": {"bot", "core", "kb", "tests", "actions"},
}
PURE = ["core", "kb", "bot/engine", "bot/nlp", "bot/cli"]
HEAVY = {"rasa", "rasa_sdk", "tensorflow", "sanic"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _modules(folder: str) -> list[Path]:
    return sorted(p for p in (PROJECT_ROOT / folder).rglob("*.py") if "migrations" not in p.parts)


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_package_imports_only_the_layers_below_it(package: str) -> None:
    wrong = []
    for path in _modules(package):
        for name in _imports(path):
            top = name.split(".")[0]
            if top in ALLOWED and top != package and top not in ALLOWED[package]:
                wrong.append(f"{path.relative_to(PROJECT_ROOT)} imports {name}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("folder", PURE)
def test_pure_layers_import_no_dialogue_framework(folder: str) -> None:
    wrong = [f"{path.relative_to(PROJECT_ROOT)} imports {name}"
             for path in _modules(folder) for name in _imports(path) if name.split(".")[0] in HEAVY]
    assert not wrong, "\n".join(wrong)
