"""The real servers, started the way `make run` starts them, on free ports with their own SQLite files.

Used by the pytest session fixture and by `make eval`, so both talk to exactly what a clinic runs.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import requests

from core.settings import PROJECT_ROOT, Settings

SERVER_START_TIMEOUT = 420.0


class ServerStartError(RuntimeError):
    """A server did not come up; the message carries the end of its log."""


def free_port() -> int:
    """A port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Servers:
    """Handles for the running Rasa and action servers."""

    rasa_url: str
    action_url: str
    token: str
    log_dir: Path

    def say(self, sender: str, text: str) -> list[dict[str, Any]]:
        """One user turn over REST; returns the bot's messages."""
        response = requests.post(f"{self.rasa_url}/webhooks/rest/webhook",
                                 json={"sender": sender, "message": text}, timeout=60)
        response.raise_for_status()
        return list(response.json())

    def tracker(self, sender: str) -> dict[str, Any]:
        """The conversation's tracker through the token-guarded HTTP API."""
        response = requests.get(f"{self.rasa_url}/conversations/{sender}/tracker",
                                params={"token": self.token}, timeout=30)
        response.raise_for_status()
        return dict(response.json())

    def slot(self, sender: str, name: str) -> Any:
        """One slot's value."""
        return self.tracker(sender)["slots"].get(name)

    @staticmethod
    def new_sender() -> str:
        """A fresh conversation id."""
        return f"test-{uuid.uuid4().hex[:12]}"


@contextlib.contextmanager
def running_servers(
    work: Path,
    *,
    extra_env: dict[str, str] | None = None,
    cors_origins: tuple[str, ...] = ("http://127.0.0.1:8000",),
) -> Iterator[Servers]:
    """Start the action server and the Rasa server; stop both (whole process groups) afterwards."""
    from bot.runtime.services import action_server, child_environment, rasa_server, service_env, wait_until_up
    from bot.runtime.training import ensure_model

    model = ensure_model()
    token = uuid.uuid4().hex
    config = Settings(rasa_port=free_port(), action_port=free_port(), api_token=token,
                      database_url=f"sqlite:///{work / 'kb.sqlite'}", cors_origins=cors_origins)
    env = service_env(config, tracker_db=work / "tracker.sqlite")
    env.update({"BOT_DATABASE_URL": config.database_url, "BOT_API_TOKEN": token,
                "BOT_RASA_PORT": str(config.rasa_port), "BOT_ACTION_PORT": str(config.action_port)})
    env.update(extra_env or {})
    processes: list[subprocess.Popen[bytes]] = []
    try:
        for service in (action_server(config), rasa_server(config, model)):
            log_path = work / f"{service.name}.log"
            with open(log_path, "wb") as log:
                process = subprocess.Popen(service.command, cwd=PROJECT_ROOT, env=child_environment(env),
                                           stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
            processes.append(process)
            if not wait_until_up(service.health_url, SERVER_START_TIMEOUT,
                                 alive=lambda p=process: p.poll() is None):
                tail = log_path.read_text(errors="replace")[-3000:]
                raise ServerStartError(f"{service.name} server did not start:\n{tail}")
        # the first parse loads the spaCy pipeline and ConText: do it before any test. The server
        # answers HTTP even when its model failed to load, so a failed parse is a failed start.
        warm_up = requests.post(f"http://127.0.0.1:{config.rasa_port}/model/parse", params={"token": token},
                                json={"text": "warm up"}, timeout=120)
        if warm_up.status_code != 200:
            tail = (work / "rasa.log").read_text(errors="replace")[-3000:]
            raise ServerStartError(f"the Rasa server is up but has no model ({warm_up.status_code}):\n{tail}")
        yield Servers(f"http://127.0.0.1:{config.rasa_port}", f"http://127.0.0.1:{config.action_port}",
                      token, work)
    finally:
        for process in processes:
            if process.poll() is None:
                os.killpg(process.pid, 15)
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, 9)
