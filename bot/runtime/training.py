"""Train the Rasa model only when its inputs changed.

The model is named by a hash of config.yml, the domain and data/ (plus the project's own NLU
component and policy code), so a second `make run` or `make test` with nothing changed trains
nothing, and a change anywhere in those files always trains.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import time
from pathlib import Path

from core.settings import PROJECT_ROOT

__all__ = ["MODEL_DIR", "ensure_model", "fingerprint", "model_path"]

MODEL_DIR = PROJECT_ROOT / "models" / "rasa"
# What training reads. The project's NLU component and policies learn nothing (they read reviewed
# content at run time), so changing their code needs no retraining.
_INPUTS = ("config.yml", "domain", "data")
_KEEP = 3


def _files() -> list[Path]:
    found: list[Path] = []
    for name in _INPUTS:
        path = PROJECT_ROOT / name
        if path.is_file():
            found.append(path)
        elif path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in {".yml", ".yaml", ".py"})
    return found


def fingerprint() -> str:
    """Hash of every training input (names and contents)."""
    digest = hashlib.sha256()
    for path in _files():
        digest.update(str(path.relative_to(PROJECT_ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def model_path() -> Path:
    """Where the model for the current inputs lives (whether or not it exists yet)."""
    return MODEL_DIR / f"model-{fingerprint()}.tar.gz"


def _prune() -> None:
    models = sorted(MODEL_DIR.glob("model-*.tar.gz"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in models[_KEEP:]:
        old.unlink(missing_ok=True)


def ensure_model(*, force: bool = False) -> Path:
    """Return the current model, training it first if it does not exist yet."""
    target = model_path()
    if target.exists() and not force:
        print(f"Rasa model is up to date: {target.relative_to(PROJECT_ROOT)}", flush=True)
        return target
    MODEL_DIR.mkdir(parents=True, exist_ok=True)
    print(f"Training the Rasa model (inputs changed) -> {target.relative_to(PROJECT_ROOT)} ...", flush=True)
    started = time.monotonic()
    command = [sys.executable, "-m", "rasa", "train", "--fixed-model-name", target.name[: -len(".tar.gz")],
               "--out", str(MODEL_DIR), "--config", "config.yml", "--domain", "domain",
               "--data", "data", "--quiet"]
    result = subprocess.run(command, cwd=PROJECT_ROOT, check=False)
    if result.returncode != 0 or not target.exists():
        raise SystemExit(
            "Training failed (see the output above). Check data/, domain/ and config.yml with "
            "`.venv/bin/rasa data validate`, then run again."
        )
    print(f"Trained in {time.monotonic() - started:.0f} s", flush=True)
    _prune()
    return target
