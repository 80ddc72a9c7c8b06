"""`make run`: prepare (pipeline, knowledge base, model) and supervise every process in the foreground.

Each child's output is prefixed with its name; Ctrl-C (or any child dying) stops them all, whole
process groups included, so nothing is left listening on a port.
"""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
import threading
import time
from typing import IO

from bot.runtime.services import Service, action_server, child_environment, rasa_server, service_env, wait_until_up
from core.settings import PROJECT_ROOT, Settings, settings

__all__ = ["channels_line", "main", "prepare"]

_STARTUP_TIMEOUT = 300.0


def prepare() -> None:
    """Everything a server needs before it starts; each step is skipped when already current."""
    from bot.nlp.build import main as build_pipeline
    from bot.runtime.training import ensure_model
    from kb.database import engine_for
    from kb.seed import seed, stored_files

    config = settings()
    print(f"[setup] knowledge base ({config.knowledge_source})", flush=True)
    engine = engine_for(config.kb_url)
    if config.knowledge_source == "database" and stored_files(engine):
        print("  the database is the source: its content is kept as it is (reseed with `python -m kb seed`)")
    else:
        report = seed(engine, progress=lambda m: print(f"  {m}", flush=True))
        state = "updated" if report.changed else "up to date"
        print(f"  {report.muscles} muscles, {report.regions} regions, {report.red_flags} red-flag rules ({state})")
    print("[setup] spaCy pipeline", flush=True)
    build_pipeline([])
    print("[setup] Rasa model", flush=True)
    ensure_model()


def channels_line(config: Settings) -> str:
    """One line saying which messaging channels are on, and why the others are off."""
    status = config.messaging_channels()
    on = [name for name, why in status.items() if not why]
    off = [f"{name} ({why})" for name, why in status.items() if why]
    return "[setup] messaging channels: " + "; ".join(
        ([f"on: {', '.join(on)}"] if on else []) + ([f"off: {', '.join(off)}"] if off else []))


def _pump(name: str, stream: IO[bytes]) -> None:
    for raw in iter(stream.readline, b""):
        sys.stdout.write(f"[{name:7}] {raw.decode(errors='replace')}")
        sys.stdout.flush()


def _start(service: Service, env: dict[str, str]) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(service.command, cwd=PROJECT_ROOT, env=child_environment(env),
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    assert process.stdout is not None
    threading.Thread(target=_pump, args=(service.name, process.stdout), daemon=True).start()
    return process


def _stop(processes: list[subprocess.Popen[bytes]]) -> None:
    for process in processes:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
    deadline = time.monotonic() + 15
    for process in processes:
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def main() -> int:
    """Run the assistant until Ctrl-C."""
    from bot.runtime.services import checkin_scheduler, web_server
    from bot.runtime.training import model_path

    prepare()
    config = settings()
    if not config.api_token:
        token = secrets.token_urlsafe(24)
        os.environ["BOT_API_TOKEN"] = token
        settings.cache_clear()
        config = settings()
        print(f"[setup] BOT_API_TOKEN was not set; using a one-off token for this run: {token}")
    print(channels_line(config), flush=True)
    env = service_env(config)
    services = [action_server(config), rasa_server(config, model_path()), web_server(config),
                checkin_scheduler(config)]
    processes: list[subprocess.Popen[bytes]] = []
    # Ctrl-C and a plain `kill` both stop everything, even when started from a script where
    # SIGINT arrives ignored (background jobs inherit SIG_IGN, which Python then keeps).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        for service in services:
            print(f"[setup] starting {service.name} ...", flush=True)
            process = _start(service, env)
            processes.append(process)
            if not wait_until_up(service.health_url, _STARTUP_TIMEOUT, alive=lambda p=process: p.poll() is None):
                print(f"[setup] {service.name} did not start; see its log lines above.", flush=True)
                return 1
        print(f"\nReady. Open http://{config.host}:{config.web_port}/ and click the chat button.\n"
              f"REST: POST http://{config.host}:{config.rasa_port}/webhooks/rest/webhook  "
              "Stop with Ctrl-C.\n", flush=True)
        while all(p.poll() is None for p in processes):
            time.sleep(0.5)
        print("[setup] a process stopped unexpectedly; stopping the others.", flush=True)
        return 1
    except KeyboardInterrupt:
        print("\n[setup] stopping ...", flush=True)
        return 0
    finally:
        _stop(processes)
