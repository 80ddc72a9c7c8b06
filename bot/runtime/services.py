"""How each process of the assistant is started: one definition for `make run` and the tests.

Keeping the command lines in one place means the test suite exercises exactly what a clinic runs.
"""

from __future__ import annotations

import os
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from core.settings import PROJECT_ROOT, Settings

__all__ = ["Service", "action_server", "rasa_server", "service_env", "wait_until_up", "web_server"]


@dataclass(frozen=True)
class Service:
    """A named child process: its command, extra environment and the URL that says it is up."""

    name: str
    command: list[str]
    health_url: str | None
    env: dict[str, str] = field(default_factory=dict)


def service_env(config: Settings, *, tracker_db: Path | None = None) -> dict[str, str]:
    """Environment shared by the children: where the actions and the tracker store live."""
    db = tracker_db or PROJECT_ROOT / "data" / "db" / "tracker.sqlite"
    db.parent.mkdir(parents=True, exist_ok=True)
    return {
        "BOT_ACTION_URL": f"http://{config.host}:{config.action_port}/webhook",
        "BOT_TRACKER_DB": str(db),
        "SANIC_HOST": config.host,  # rasa-sdk listens on 0.0.0.0 unless told otherwise
        # Sanic's cap on any request body for Rasa and the action server; the REST webhook answers
        # 413 above BOT_MAX_BODY_BYTES (256 KiB) itself. Trackers stay far below 8 MB.
        "SANIC_REQUEST_MAX_SIZE": os.environ.get("SANIC_REQUEST_MAX_SIZE", "8000000"),
        "TF_CPP_MIN_LOG_LEVEL": "2",
        "PYTHONUNBUFFERED": "1",
    }


def action_server(config: Settings) -> Service:
    """The rasa-sdk action server with the project's actions package."""
    return Service(
        "actions",
        [sys.executable, "-m", "rasa_sdk", "--actions", "actions", "--port", str(config.action_port),
         "--cors", config.cors_origins[0] if config.cors_origins else ""],
        f"http://{config.host}:{config.action_port}/health",
    )


def rasa_server(config: Settings, model: Path, *, endpoints: str = "endpoints.yml") -> Service:
    """The Rasa server: REST + socket.io channels and the token-guarded HTTP API (Rasa's own `rasa run`,
    through bot.rasa.server for its measured fix)."""
    command = [sys.executable, "-m", "bot.rasa.server", "run", "--model", str(model), "--enable-api",
               "--auth-token", config.api_token, "--interface", config.host,
               "--port", str(config.rasa_port), "--credentials", "credentials.yml",
               "--endpoints", endpoints]
    if config.cors_origins:
        command += ["--cors", *config.cors_origins]  # one flag: a repeated --cors keeps only the last
    return Service("rasa", command, f"http://{config.host}:{config.rasa_port}/")


def web_server(config: Settings) -> Service:
    """The demo clinic page with the embedded chat widget."""
    return Service(
        "web",
        [sys.executable, "-m", "bot.runtime.webserver", "--host", config.host, "--port", str(config.web_port),
         "--rasa-url", f"http://{config.host}:{config.rasa_port}"],
        f"http://{config.host}:{config.web_port}/",
    )


def checkin_scheduler(config: Settings) -> Service:
    """Delivers due check-ins; several may run, each check-in is still delivered once."""
    return Service("checkins", [sys.executable, "-m", "bot.checkins.scheduler", "--interval", "30"], None)


def wait_until_up(url: str | None, timeout: float, *, alive: callable[[], bool] | None = None) -> bool:  # type: ignore[valid-type]
    """Poll a URL until it answers (any HTTP status) or the timeout passes; no URL means up."""
    if url is None:
        return alive() if alive is not None else True
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if alive is not None and not alive():
            return False
        try:
            with urllib.request.urlopen(url, timeout=2):
                return True
        except urllib.error.HTTPError:
            return True
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            time.sleep(0.5)
    return False


def child_environment(extra: dict[str, str]) -> dict[str, str]:
    """The current environment plus the services' variables."""
    env = dict(os.environ)
    env.update(extra)
    return env
