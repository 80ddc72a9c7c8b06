"""The layout by role holds: packages import each other in one direction only, and the pure layers
(core, kb, the engine and the language layer) never import Rasa or TensorFlow, so the command line
and the knowledge tools start in a second instead of loading a dialogue framework.

Imports are read from the source (every `import` statement, including ones inside functions), so a
lazy import cannot slip past.
"""

from __future__ import annotations

import ast
import subprocess
import sys
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
PURE = ["core", "kb", "bot/engine", "bot/nlp", "bot/dialogue", "bot/checkins", "bot/cli"]
# Inside `bot`, lower layers first: a sub-package may import itself and those before it, never after.
BOT_LAYERS = ["bot.engine", "bot.nlp", "bot.dialogue", "bot.checkins", "bot.cli", "bot.rasa", "bot.runtime"]
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


def _bot_layer(module: str) -> str | None:
    return next((layer for layer in BOT_LAYERS if module == layer or module.startswith(layer + ".")), None)


def test_bot_sub_packages_import_only_downwards() -> None:
    """No cycle inside `bot` either: the engine (with the knowledge interface) knows nothing of the
    language layer, the language layer nothing of the dialogue, and none of them of Rasa's plug-ins."""
    wrong = []
    for path in _modules("bot"):
        module = ".".join(path.relative_to(PROJECT_ROOT).with_suffix("").parts).removesuffix(".__init__")
        layer = _bot_layer(module)
        for name in _imports(path):
            target = _bot_layer(name)
            if layer and target and BOT_LAYERS.index(target) > BOT_LAYERS.index(layer):
                wrong.append(f"{module} imports {name} ({target} is above {layer})")
    assert not wrong, "\n".join(wrong)


def test_assess_runs_without_rasa_or_tensorflow_in_the_process() -> None:
    """What `python -m bot assess` loads at run time, not only what its files name."""
    probe = ("import sys; from bot.__main__ import _without_tensorflow; _without_tensorflow(); "
             "from bot.cli.assess import assess; assess('dull ache in my neck, about a 4'); "
             "print(sorted({m.split('.')[0] for m in sys.modules if sys.modules[m] is not None} & "
             "{'rasa', 'rasa_sdk', 'tensorflow', 'sanic'}))")
    done = subprocess.run([sys.executable, "-c", probe], cwd=PROJECT_ROOT, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "[]"
