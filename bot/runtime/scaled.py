"""`python -m bot.runtime.scaled` (`make run-scaled`): the scaled-out assistant on one machine.

Two Rasa servers and two action servers behind nginx, conversations in PostgreSQL (Rasa's SQL
tracker store), conversation locks in Redis (Rasa's RedisLockStore), the knowledge base and the
check-ins in PostgreSQL, plus the clinic page and the check-in scheduler. It is the production
layout in miniature, so the tests in tests/scaled/ exercise what a clinic would run: the process
definitions come from bot/runtime/services.py and the endpoints from endpoints.scaled.yml.

Configuration (environment): BOT_DATABASE_URL (PostgreSQL, required), BOT_REDIS_URL
(default redis://127.0.0.1:6379/1), BOT_PROXY_PORT (default 8080), BOT_TRACKER_DB (default: the
database of BOT_DATABASE_URL), plus the usual BOT_* variables of `make run`.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Iterator
from urllib.parse import urlsplit

from bot.runtime.services import (
    Service,
    action_server,
    checkin_scheduler,
    child_environment,
    rasa_server,
    service_env,
    wait_until_up,
    web_server,
)
from core.settings import PROJECT_ROOT, Settings, settings

__all__ = ["ScaledConfig", "Stack", "main", "nginx_config", "running_stack", "scaled_env", "scaled_services"]

NGINX_TEMPLATE = PROJECT_ROOT / "deploy" / "nginx.conf.template"
ENDPOINTS = "endpoints.scaled.yml"
STARTUP_TIMEOUT = 420.0
# A crashed Rasa server leaves its Redis ticket behind; the conversation waits this long at most.
LOCK_LIFETIME_SECONDS = 30
# What nginx answers for absent action servers (no apostrophes: it sits in a quoted nginx string).
UNAVAILABLE = ("Sorry, I cannot fetch self-care guidance just now. Please send your message again in a few "
               "minutes. If the pain is severe or getting worse, or you feel unwell, call {number} or see a doctor.")


@dataclass(frozen=True)
class ScaledConfig:
    """Ports and stores of one scaled-out stack."""

    database_url: str
    redis_url: str = "redis://127.0.0.1:6379/1"
    host: str = "127.0.0.1"
    proxy_port: int = 8080
    action_proxy_port: int = 5056
    rasa_ports: tuple[int, ...] = (5005, 5006)
    action_ports: tuple[int, ...] = (5055, 5057)
    web_port: int = 8000
    api_token: str = ""
    tracker_db: str = ""
    redis_prefix: str = "paincoach"
    max_body: str = "64k"
    cors_origins: tuple[str, ...] = field(default_factory=tuple)

    @property
    def proxy_url(self) -> str:
        """Where clients talk to the assistant (REST, API, socket.io)."""
        return f"http://{self.host}:{self.proxy_port}"

    def settings(self, *, rasa_port: int | None = None, action_port: int | None = None) -> Settings:
        """The single-process Settings of one member of the stack."""
        origins = self.cors_origins or (f"http://{self.host}:{self.web_port}",
                                        f"http://localhost:{self.web_port}")
        return Settings(host=self.host, rasa_port=rasa_port or self.rasa_ports[0],
                        action_port=action_port or self.action_ports[0], web_port=self.web_port,
                        api_token=self.api_token, database_url=self.database_url, cors_origins=origins)

    def settings_emergency_number(self) -> str:
        """The clinic's emergency number (BOT_EMERGENCY_NUMBER or the locale's)."""
        return settings().emergency_number

    @classmethod
    def from_env(cls) -> ScaledConfig:
        """From the settings; BOT_DATABASE_URL must name a PostgreSQL database."""
        config = settings()
        if not config.database_url.startswith("postgresql"):
            raise SystemExit("make run-scaled needs BOT_DATABASE_URL=postgresql://USER@HOST:PORT/DB")
        return cls(database_url=config.database_url, redis_url=config.redis_url, host=config.host,
                   proxy_port=config.proxy_port, web_port=config.web_port, api_token=config.api_token,
                   tracker_db=config.tracker_db, cors_origins=config.cors_origins)


def scaled_env(config: ScaledConfig) -> dict[str, str]:
    """Environment for every child: the variables endpoints.scaled.yml expands, plus `make run`'s."""
    database = urlsplit(config.database_url)
    redis = urlsplit(config.redis_url)
    db_name = config.tracker_db or database.path.lstrip("/")
    env = service_env(config.settings())
    env.update({
        "BOT_ACTION_URL": f"http://127.0.0.1:{config.action_proxy_port}/webhook",
        "BOT_DATABASE_URL": config.database_url,
        "BOT_API_TOKEN": config.api_token,
        "BOT_PG_HOST": database.hostname or "127.0.0.1",
        "BOT_PG_PORT": str(database.port or 5432),
        "BOT_PG_USER": database.username or "postgres",
        "BOT_PG_PASSWORD": settings().pg_password or database.password or "",
        "BOT_TRACKER_DB": db_name,
        "BOT_PG_LOGIN_DB": settings().pg_login_db or db_name,
        "BOT_REDIS_HOST": redis.hostname or "127.0.0.1",
        "BOT_REDIS_PORT": str(redis.port or 6379),
        "BOT_REDIS_DB": redis.path.lstrip("/") or "1",
        "BOT_REDIS_PREFIX": config.redis_prefix,
        "BOT_RASA_URL": config.proxy_url,  # the check-in scheduler goes through the proxy too
        "BOT_RATE_LIMIT_STORAGE": config.redis_url,  # one limit per sender across every Rasa server
        "TICKET_LOCK_LIFETIME": os.environ.get("TICKET_LOCK_LIFETIME", str(LOCK_LIFETIME_SECONDS)),
    })
    return env


def nginx_config(config: ScaledConfig, run_dir: Path) -> str:
    """deploy/nginx.conf.template with this stack's ports and run directory."""
    def servers(ports: tuple[int, ...]) -> str:
        return "\n".join(f"        server 127.0.0.1:{port} max_fails=1 fail_timeout=5s;" for port in ports)

    values = {"run_dir": str(run_dir), "host": config.host, "proxy_port": str(config.proxy_port),
              "action_proxy_port": str(config.action_proxy_port), "max_body": config.max_body,
              "rasa_servers": servers(config.rasa_ports), "action_servers": servers(config.action_ports),
              "unavailable_json": json.dumps(UNAVAILABLE.format(number=config.settings_emergency_number()))}
    text = NGINX_TEMPLATE.read_text()
    for key, value in values.items():
        text = text.replace("{{" + key + "}}", value)
    return text


def nginx_binary() -> str | None:
    """Debian's nginx (not always on a non-root PATH)."""
    return shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if os.access(p, os.X_OK)), None)


def scaled_services(config: ScaledConfig, model: Path, run_dir: Path) -> list[Service]:
    """Every process of the stack, in start order; names are unique (actions-1, rasa-2, ...)."""
    services: list[Service] = []
    for number, port in enumerate(config.action_ports, 1):
        base = action_server(config.settings(action_port=port))
        services.append(dataclasses.replace(base, name=f"actions-{number}"))
    for number, port in enumerate(config.rasa_ports, 1):
        base = rasa_server(config.settings(rasa_port=port), model, endpoints=ENDPOINTS)
        services.append(dataclasses.replace(base, name=f"rasa-{number}"))
    nginx = nginx_binary() or "nginx"
    conf = run_dir / "nginx.conf"
    services.append(Service("proxy", [nginx, "-c", str(conf), "-p", str(run_dir), "-e", str(run_dir / "error.log")],
                            f"{config.proxy_url}/proxy-health"))
    web = web_server(config.settings())
    services.append(dataclasses.replace(web, command=[*web.command[:-1], config.proxy_url]))  # page -> proxy
    services.append(checkin_scheduler(config.settings()))
    return services


@dataclass
class Stack:
    """The running processes of one stack; tests stop and restart members to inject faults."""

    config: ScaledConfig
    services: dict[str, Service]
    env: dict[str, str]
    log_dir: Path | None
    run_dir: Path
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)

    def start(self, name: str) -> subprocess.Popen[bytes]:
        """Start one member (its whole process group is its own)."""
        service = self.services[name]
        env = child_environment({**self.env, **service.env})
        if self.log_dir is None:
            process = subprocess.Popen(service.command, cwd=PROJECT_ROOT, env=env, stdout=subprocess.PIPE,
                                       stderr=subprocess.STDOUT, start_new_session=True)
            assert process.stdout is not None
            threading.Thread(target=_pump, args=(name, process.stdout), daemon=True).start()
        else:
            with open(self.log_dir / f"{name}.log", "ab") as log:
                process = subprocess.Popen(service.command, cwd=PROJECT_ROOT, env=env, stdout=log,
                                           stderr=subprocess.STDOUT, start_new_session=True)
        self.processes[name] = process
        return process

    def wait_up(self, names: list[str], timeout: float = STARTUP_TIMEOUT) -> None:
        """Block until each named member answers its health URL; raise with its log tail if not."""
        for name in names:
            process = self.processes[name]
            if not wait_until_up(self.services[name].health_url, timeout, alive=lambda p=process: p.poll() is None):
                raise RuntimeError(f"{name} did not start.\n{self.log_tail(name)}")

    def stop(self, name: str, sig: int = signal.SIGTERM, timeout: float = 20.0) -> None:
        """Stop one member (SIGKILL simulates a crash)."""
        process = self.processes.get(name)
        if process is None or process.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)

    def alive(self, name: str) -> bool:
        """Is this member still running?"""
        process = self.processes.get(name)
        return process is not None and process.poll() is None

    def stop_all(self) -> None:
        """Stop every member: SIGTERM to all at once, then SIGKILL what lingers."""
        for process in self.processes.values():
            if process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGTERM)
        for name in list(self.processes):
            self.stop(name, timeout=15.0)

    def log_tail(self, name: str, size: int = 3000) -> str:
        """The end of a member's log (tests print it on failure)."""
        if self.log_dir is None:
            return ""
        path = self.log_dir / f"{name}.log"
        return path.read_text(errors="replace")[-size:] if path.exists() else ""


def _pump(name: str, stream: IO[bytes]) -> None:
    for raw in iter(stream.readline, b""):
        sys.stdout.write(f"[{name:9}] {raw.decode(errors='replace')}")
        sys.stdout.flush()


def _warm_up(config: ScaledConfig) -> None:
    """The first parse loads the spaCy pipeline and ConText: do it on each Rasa server directly."""
    for port in config.rasa_ports:
        request = urllib.request.Request(
            f"http://{config.host}:{port}/model/parse?token={config.api_token}",
            data=b'{"text": "warm up"}', headers={"Content-Type": "application/json"}, method="POST")
        with contextlib.suppress(OSError), urllib.request.urlopen(request, timeout=120):
            pass


@contextlib.contextmanager
def running_stack(config: ScaledConfig, model: Path, *, log_dir: Path | None = None) -> Iterator[Stack]:
    """Start the whole stack (members that are independent start together) and stop it afterwards."""
    run_dir = Path(tempfile.mkdtemp(prefix="paincoach-nginx-"))
    run_dir.chmod(0o755)  # nginx's workers drop root privileges and still need their temp folders
    (run_dir / "nginx.conf").write_text(nginx_config(config, run_dir))
    services = scaled_services(config, model, run_dir)
    stack = Stack(config, {s.name: s for s in services}, scaled_env(config), log_dir, run_dir)
    try:
        groups = [[n for n in stack.services if n.startswith("actions-")],
                  [n for n in stack.services if n.startswith("rasa-")], ["proxy", "web", "checkins"]]
        for group in groups:
            for name in group:
                print(f"[setup] starting {name} ...", flush=True)
                stack.start(name)
            stack.wait_up(group)
        _warm_up(config)
        yield stack
    finally:
        stack.stop_all()
        shutil.rmtree(run_dir, ignore_errors=True)


def main() -> int:
    """Prepare (against PostgreSQL) and run the scaled stack until Ctrl-C."""
    from bot.runtime.run import prepare
    from bot.runtime.training import model_path
    from core.settings import settings

    config = ScaledConfig.from_env()
    if not config.api_token:
        config = dataclasses.replace(config, api_token=secrets.token_urlsafe(24))
        print(f"[setup] BOT_API_TOKEN was not set; using a one-off token for this run: {config.api_token}")
    if nginx_binary() is None:
        print("[setup] nginx is not installed (Debian: apt-get install nginx-light).", flush=True)
        return 1
    os.environ["BOT_API_TOKEN"] = config.api_token
    settings.cache_clear()
    prepare()  # seeds the knowledge base into BOT_DATABASE_URL (PostgreSQL)
    # Ctrl-C and a plain `kill` both stop everything, even when started from a script where
    # SIGINT arrives ignored (background jobs inherit SIG_IGN, which Python then keeps).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        with running_stack(config, model_path()) as stack:
            print(f"\nReady. Clinic page http://{config.host}:{config.web_port}/ ; everything else through "
                  f"the proxy {config.proxy_url} (REST: {config.proxy_url}/webhooks/rest/webhook). "
                  "Stop with Ctrl-C.\n", flush=True)
            while all(stack.alive(name) for name in stack.services):
                time.sleep(0.5)
            print("[setup] a process stopped unexpectedly; stopping the others.", flush=True)
            return 1
    except KeyboardInterrupt:
        print("\n[setup] stopping ...", flush=True)
        return 0
    except RuntimeError as error:
        print(f"[setup] {error}", flush=True)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
