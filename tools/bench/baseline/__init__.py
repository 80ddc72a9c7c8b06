"""The bare Rasa baseline: the `rasa init` example bot, created at run time, never committed.

`create()` calls the function `rasa init --no-prompt` itself uses to copy the example project
(rasa.cli.scaffold.create_initial_project), but without the training `rasa init` would start, so
the benchmark can time training for both bots the same way (`rasa train`, cold cache). Its phrases
come from the example's own NLU data, so the baseline is measured on what it was built for.
"""

from __future__ import annotations

import sys
from pathlib import Path

__all__ = ["CONVERSATIONS", "action_command", "create", "rasa_command", "same_serving_endpoints", "train_command"]

# Turns the example bot understands (its data/nlu.yml: greet, mood_great/unhappy, affirm, deny,
# bot_challenge, goodbye): the happy path, the sad path with both answers, and a bot challenge.
CONVERSATIONS: tuple[tuple[str, ...], ...] = (
    ("hello there", "I am feeling very good", "bye"),
    ("hi", "my day was horrible", "yes", "goodbye"),
    ("hey", "I am sad", "no", "see you later"),
    ("good morning", "are you a bot?", "I am great", "bye bye"),
)


def create(directory: Path) -> Path:
    """Copy Rasa's example project (the `rasa init` template) into `directory`."""
    from rasa.cli.scaffold import create_initial_project

    directory.mkdir(parents=True, exist_ok=True)
    create_initial_project(str(directory))
    return directory


def train_command(out: Path, name: str) -> list[str]:
    """`rasa train` exactly as the project trains its own model (run with the project as cwd)."""
    return [sys.executable, "-m", "rasa", "train", "--fixed-model-name", name, "--out", str(out),
            "--config", "config.yml", "--domain", "domain.yml", "--data", "data", "--quiet"]


def same_serving_endpoints(project: Path, action_port: int, tracker_db: Path) -> Path:
    """An endpoints file that serves the example the way this assistant is served: conversations in
    a SQLite tracker store (Rasa's own SQLTrackerStore) and the action server configured."""
    path = project / "endpoints.same.yml"
    path.write_text(f"action_endpoint:\n  url: http://127.0.0.1:{action_port}/webhook\n"
                    f"tracker_store:\n  type: SQL\n  dialect: sqlite\n  db: {tracker_db}\n", encoding="utf-8")
    return path


def rasa_command(model: Path, port: int, token: str, endpoints: str = "endpoints.yml") -> list[str]:
    """`rasa run --enable-api` with the example's own credentials and the given endpoints (its own
    by default: conversations in memory, no action endpoint)."""
    return [sys.executable, "-m", "rasa", "run", "--model", str(model), "--enable-api", "--auth-token", token,
            "--interface", "127.0.0.1", "--port", str(port), "--credentials", "credentials.yml",
            "--endpoints", endpoints]


def action_command(port: int) -> list[str]:
    """The example's action server (its actions.py defines no action; measured for memory only)."""
    return [sys.executable, "-m", "rasa_sdk", "--actions", "actions", "--port", str(port)]
