"""This assistant against the bare Rasa baseline (`rasa init`'s example bot), in one run, same machine.

Run: `.venv/bin/python -m tools.bench.servers` (`make bench`). Not a pytest test: it measures
and reports, it does not assert. Both bots are trained the same way (`rasa train`, with a fresh,
empty Rasa cache so neither reuses earlier work) and served the same way (`rasa run --enable-api`
with a token, on free loopback ports, each with its action server and its conversations in a SQLite
tracker store), one pair at a time. The baseline is also served as `rasa init` ships it
(conversations in memory, no action endpoint) and shown beside; the targets are judged against the
baseline served the same way. For each it
records training time, server start time (process start to HTTP up, plus the first parse that
loads the NLU pipeline), per-turn REST latency p50/p95 for sequential conversations and for 10
concurrent ones, NLU-only parse latency (to split a turn's cost between language and dialogue),
the action-server calls per turn, and the RSS (/proc) of every process. It also times
`python -m bot assess`. Results: results/bench/servers.json and servers.md; ratios are printed.

Differences that remain by design: the baseline's action server defines no action (it is measured
for memory), and the baseline answers its own example phrases, this assistant realistic pain
conversations with custom actions (suggestions, screening, coaching).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterator, Sequence

import requests

from core.settings import PROJECT_ROOT, Settings
from tools.bench import baseline
from tools.servers import free_port

__all__ = ["BotResult", "main"]

TARGETS = {"p50_ratio": 1.3, "p95_ratio": 2.0, "rasa_rss_mb": 1300.0, "actions_rss_mb": 300.0}
START_TIMEOUT = 600.0
REQUEST_TIMEOUT = 120.0
CONCURRENCY = 10
# The pressure buttons' payloads, as the widget sends them.
MORE, LESS, GOOD = (f'/pressure_feedback{{"direction":"{d}"}}' for d in ("more", "less", "good"))
OURS: tuple[tuple[str, ...], ...] = (
    ("I get a dull headache over my right temple most afternoons",
     "it's about a 5 out of 10, been going on for a couple of months",
     "worse on days I'm hunched over my laptop", "/deny", "/deny", "/deny", "/affirm", GOOD),
    ("my lower back aches on the left, about a 6", "for about three weeks",
     "sitting at my desk all day makes it worse", "/deny", "/deny", "/affirm", MORE,
     GOOD, "thanks, bye"),
    ("hi", "my neck and right shoulder feel tight and sore", "around a 4", "since last month",
     "carrying my bag on that side", "/deny", "/deny", "why those muscles?", "/affirm"),
    ("my neck aches on the right", "about a 4", "worst headache of my life, it came on suddenly",
     "what should I do?"),
    ("I get a cramping ache in my left calf when I run", "7 out of 10", "two weeks", "/deny", "/affirm",
     LESS, GOOD),
)
ASSESS_TEXT = "dull ache in my right buttock when I drive, about a 5, for two months"


@dataclass
class Proc:
    """A started server process and what it cost to start."""

    name: str
    process: subprocess.Popen[bytes]
    start_s: float


@dataclass
class BotResult:
    """Everything measured for one bot."""

    bot: str
    train_s: float | None = None
    start_s: dict[str, float] = field(default_factory=dict)
    first_parse_s: float | None = None
    latency_ms: dict[str, dict[str, float]] = field(default_factory=dict)
    rss_mb: dict[str, dict[str, float]] = field(default_factory=dict)
    action_calls_per_turn: float | None = None
    errors: int = 0


# --- measuring helpers ----------------------------------------------------------------------------
def _percentiles(samples: Sequence[float]) -> dict[str, float]:
    ordered = sorted(samples)
    if not ordered:
        return {"n": 0}
    def pick(q: float) -> float:
        return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] * 1000
    return {"n": len(ordered), "p50": round(pick(0.50), 1), "p95": round(pick(0.95), 1),
            "mean": round(statistics.fmean(ordered) * 1000, 1), "max": round(ordered[-1] * 1000, 1)}


def _status_kb(pid: int, key: str) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return float(line.split()[1])
    except OSError:
        pass
    return 0.0


def _group_pids(pgid: int) -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == pgid:
                pids.append(int(entry.name))
    return pids


def _rss(proc: Proc) -> dict[str, float]:
    """RSS now and at peak (VmHWM) of the server process, and RSS of its whole process group."""
    pid = proc.process.pid
    group = sum(_status_kb(p, "VmRSS") for p in _group_pids(pid))
    return {"rss": round(_status_kb(pid, "VmRSS") / 1024, 1), "peak": round(_status_kb(pid, "VmHWM") / 1024, 1),
            "group": round(group / 1024, 1)}


def _wait_up(url: str, proc: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"{url} exited while starting:\n{log.read_text(errors='replace')[-3000:]}")
        try:
            requests.get(url, timeout=2)
            return
        except requests.RequestException:
            time.sleep(0.2)
    raise SystemExit(f"{url} did not come up in {START_TIMEOUT:.0f} s")


def _start(name: str, command: list[str], cwd: Path, env: dict[str, str], url: str, logs: Path) -> Proc:
    log_path = logs / f"{name}.log"
    started = time.monotonic()
    with open(log_path, "wb") as log:
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    proc = Proc(name, process, 0.0)
    try:
        _wait_up(url, process, log_path)
    except BaseException:
        _stop([proc])
        raise
    proc.start_s = round(time.monotonic() - started, 2)
    return proc


def _stop(procs: Sequence[Proc]) -> None:
    for proc in procs:
        if proc.process.poll() is None:
            os.killpg(proc.process.pid, 15)
    for proc in procs:
        try:
            proc.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.process.pid, 9)
            proc.process.wait()


def _train(command: list[str], cwd: Path, cache: Path, env: dict[str, str]) -> float:
    cache.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    result = subprocess.run(command, cwd=cwd, env={**env, "RASA_CACHE_DIRECTORY": str(cache)},
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    if result.returncode != 0:
        raise SystemExit(f"training failed in {cwd}:\n{result.stderr.decode(errors='replace')[-3000:]}")
    return round(time.monotonic() - started, 1)


# --- conversations ------------------------------------------------------------------------------
class Client:
    """REST turns against one Rasa server, timing each."""

    def __init__(self, rasa_url: str, token: str) -> None:
        self.url = rasa_url
        self.token = token
        self.errors = 0
        self._lock = threading.Lock()

    def turn(self, session: requests.Session, sender: str, text: str) -> float:
        started = time.perf_counter()
        try:
            response = session.post(f"{self.url}/webhooks/rest/webhook", json={"sender": sender, "message": text},
                                    timeout=REQUEST_TIMEOUT)
            ok = response.status_code == 200 and isinstance(response.json(), list)
        except (requests.RequestException, ValueError):
            ok = False
        elapsed = time.perf_counter() - started
        if not ok:
            with self._lock:
                self.errors += 1
        return elapsed

    def conversations(self, scripts: Sequence[Sequence[str]], min_turns: int, offset: int = 0) -> list[float]:
        """Whole conversations, each with a new sender, until at least `min_turns` turns are timed."""
        samples: list[float] = []
        index = offset
        with requests.Session() as session:
            while len(samples) < min_turns:
                sender = f"bench-{uuid.uuid4().hex[:12]}"
                for text in scripts[index % len(scripts)]:
                    samples.append(self.turn(session, sender, text))
                index += 1
        return samples

    def parse_only(self, texts: Sequence[str], rounds: int) -> list[float]:
        """/model/parse: the NLU pipeline alone."""
        samples = []
        with requests.Session() as session:
            for _ in range(rounds):
                for text in texts:
                    started = time.perf_counter()
                    session.post(f"{self.url}/model/parse", params={"token": self.token}, json={"text": text},
                                 timeout=REQUEST_TIMEOUT)
                    samples.append(time.perf_counter() - started)
        return samples

    def action_calls_per_turn(self, script: Sequence[str]) -> float:
        """How many custom actions (action server round trips) one conversation makes per user turn."""
        sender = f"bench-count-{uuid.uuid4().hex[:8]}"
        with requests.Session() as session:
            for text in script:
                self.turn(session, sender, text)
        events = requests.get(f"{self.url}/conversations/{sender}/tracker", params={"token": self.token},
                              timeout=REQUEST_TIMEOUT).json()["events"]
        domain = requests.get(f"{self.url}/domain", params={"token": self.token},
                              headers={"Accept": "application/json"}, timeout=REQUEST_TIMEOUT).json()
        own = set(domain.get("actions", [])) - {"action_listen", "action_session_start"}
        own = {a for a in own if not a.startswith("utter_")}  # the domain's custom actions
        users = sum(e.get("event") == "user" for e in events)
        custom = sum(e.get("event") == "action" and e.get("name") in own for e in events)
        if "action_validate_slot_mappings" in own:  # Rasa calls it after every user message, unlogged
            custom += users  # (this assistant no longer defines it; kept so the count stays honest)
        return round(custom / max(users, 1), 2)


def measure(bot: BotResult, client: Client, scripts: Sequence[Sequence[str]], args: argparse.Namespace) -> None:
    """Latency (sequential, concurrent, NLU only) and action calls; one warm-up conversation first."""
    client.conversations(scripts, 1)
    bot.latency_ms["sequential"] = _percentiles(client.conversations(scripts, args.sequential_turns))
    with ThreadPoolExecutor(CONCURRENCY) as pool:
        runs = list(pool.map(lambda i: client.conversations(scripts, args.concurrent_turns, offset=i),
                             range(CONCURRENCY)))
    bot.latency_ms["concurrent"] = _percentiles([s for run in runs for s in run])
    texts = sorted({t for script in scripts for t in script if not t.startswith("/")})
    bot.latency_ms["parse"] = _percentiles(client.parse_only(texts, 2))
    bot.action_calls_per_turn = client.action_calls_per_turn(scripts[0])
    bot.errors = client.errors


# --- the two bots ---------------------------------------------------------------------------------
def run_baselines(work: Path, args: argparse.Namespace) -> tuple[BotResult, BotResult]:
    """Create and train the `rasa init` example bot once, then serve and measure it twice: the same
    way as this assistant (SQL tracker store, action endpoint), and as `rasa init` ships it (in memory)."""
    project = baseline.create(work / "baseline")
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2", "PYTHONUNBUFFERED": "1", "SANIC_HOST": "127.0.0.1"}
    print("==> baseline: training", flush=True)
    train_s = _train(baseline.train_command(project / "models", "baseline"), project, work / "cache-b", env)
    same, shipped = BotResult("rasa init, served the same way", train_s), BotResult("rasa init as shipped", train_s)
    for result, same_serving in ((same, True), (shipped, False)):
        token, rasa_port, action_port = uuid.uuid4().hex, free_port(), free_port()
        endpoints = "endpoints.yml"
        if same_serving:
            endpoints = str(baseline.same_serving_endpoints(project, action_port, work / "tracker-b.sqlite"))
        print(f"==> {result.bot}: serving", flush=True)
        procs: list[Proc] = []
        try:
            procs.append(_start("actions", baseline.action_command(action_port), project, env,
                                f"http://127.0.0.1:{action_port}/health", work))
            model = project / "models" / "baseline.tar.gz"
            procs.append(_start("rasa", baseline.rasa_command(model, rasa_port, token, endpoints),
                                project, env, f"http://127.0.0.1:{rasa_port}/", work))
            _after_start(result, procs, Client(f"http://127.0.0.1:{rasa_port}", token), baseline.CONVERSATIONS,
                         args)
        finally:
            _stop(procs)
    return same, shipped


def run_ours(work: Path, args: argparse.Namespace) -> BotResult:
    """Train (cold cache), serve and measure this assistant, started as `make run` starts it."""
    from bot.runtime.services import action_server, child_environment, rasa_server, service_env
    from bot.runtime.training import ensure_model

    result = BotResult("pain coach")
    models = work / "models-ours"
    if args.reuse_model:
        model = ensure_model()
    else:
        print("==> pain coach: training", flush=True)
        command = [sys.executable, "-m", "rasa", "train", "--fixed-model-name", "ours", "--out", str(models),
                   "--config", "config.yml", "--domain", "domain", "--data", "data", "--quiet"]
        result.train_s = _train(command, PROJECT_ROOT, work / "cache-o", dict(os.environ))
        model = models / "ours.tar.gz"
    token = uuid.uuid4().hex
    config = Settings(rasa_port=free_port(), action_port=free_port(), api_token=token,
                      database_url=f"sqlite:///{work / 'kb.sqlite'}", cors_origins=("http://127.0.0.1:8000",))
    env = service_env(config, tracker_db=work / "tracker.sqlite")
    env.update({"BOT_DATABASE_URL": config.database_url, "BOT_API_TOKEN": token,
                "BOT_RASA_PORT": str(config.rasa_port), "BOT_ACTION_PORT": str(config.action_port)})
    print("==> pain coach: serving", flush=True)
    procs: list[Proc] = []
    try:
        for service in (action_server(config), rasa_server(config, model)):
            assert service.health_url is not None
            procs.append(_start(service.name, service.command, PROJECT_ROOT, child_environment(env),
                                service.health_url, work))
        _after_start(result, procs, Client(f"http://127.0.0.1:{config.rasa_port}", token), OURS, args)
    finally:
        _stop(procs)
    return result


def _after_start(result: BotResult, procs: list[Proc], client: Client, scripts: Sequence[Sequence[str]],
                 args: argparse.Namespace) -> None:
    result.start_s = {p.name: p.start_s for p in procs}
    started = time.monotonic()
    requests.post(f"{client.url}/model/parse", params={"token": client.token}, json={"text": "hello"},
                  timeout=REQUEST_TIMEOUT)
    result.first_parse_s = round(time.monotonic() - started, 2)
    result.rss_mb["idle"] = {p.name: _rss(p)["rss"] for p in procs}
    print(f"    up: {result.start_s} s; measuring latency ...", flush=True)
    measure(result, client, scripts, args)
    result.rss_mb["after_load"] = {p.name: _rss(p)["rss"] for p in procs}
    result.rss_mb["peak"] = {p.name: _rss(p)["peak"] for p in procs}
    result.rss_mb["group"] = {p.name: _rss(p)["group"] for p in procs}


def time_assess(runs: int = 3) -> float:
    """Median wall time of `python -m bot assess TEXT` (a fresh process each time, as a person runs it)."""
    samples = []
    for _ in range(runs):
        started = time.monotonic()
        subprocess.run([sys.executable, "-m", "bot", "assess", ASSESS_TEXT], cwd=PROJECT_ROOT,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        samples.append(time.monotonic() - started)
    return round(statistics.median(samples), 2)


# --- report -------------------------------------------------------------------------------------
def _ratio(ours: float | None, base: float | None) -> float | None:
    return round(ours / base, 2) if ours is not None and base else None


def rows(ours: BotResult, base: BotResult) -> Iterator[tuple[str, Any, Any, float | None, str]]:
    """(metric, ours, baseline, ratio, target verdict) for the table."""
    for mode in ("sequential", "concurrent"):
        for q, limit in (("p50", TARGETS["p50_ratio"]), ("p95", TARGETS["p95_ratio"])):
            o, b = ours.latency_ms[mode].get(q), base.latency_ms[mode].get(q)
            r = _ratio(o, b)
            verdict = "" if r is None else f"{'met' if r <= limit else 'MISSED'} (<= {limit}x)"
            label = f"turn latency {q}, {mode}" + (f" ({CONCURRENCY} conversations)" if mode == "concurrent" else "")
            yield label + " (ms)", o, b, r, verdict
    for q in ("p50", "p95"):
        o, b = ours.latency_ms["parse"].get(q), base.latency_ms["parse"].get(q)
        yield f"NLU parse only {q} (ms)", o, b, _ratio(o, b), ""
    yield "action server calls per turn", ours.action_calls_per_turn, base.action_calls_per_turn, None, ""
    for name in ("rasa", "actions"):
        yield f"start, {name} server (s)", ours.start_s.get(name), base.start_s.get(name), _ratio(
            ours.start_s.get(name), base.start_s.get(name)), ""
    yield "first parse after start (s)", ours.first_parse_s, base.first_parse_s, _ratio(
        ours.first_parse_s, base.first_parse_s), ""
    for name, key in (("rasa", "rasa_rss_mb"), ("actions", "actions_rss_mb")):
        o, b = ours.rss_mb["after_load"].get(name), base.rss_mb["after_load"].get(name)
        verdict = "" if o is None else f"{'met' if o <= TARGETS[key] else 'MISSED'} (<= {TARGETS[key]:.0f} MB)"
        yield f"RSS {name} server after load (MB)", o, b, _ratio(o, b), verdict
        o, b = ours.rss_mb["peak"].get(name), base.rss_mb["peak"].get(name)
        yield f"peak RSS {name} server (MB)", o, b, _ratio(o, b), ""
    yield "training, cold cache (s)", ours.train_s, base.train_s, _ratio(ours.train_s, base.train_s), ""
    yield "errors during the runs", ours.errors, base.errors, None, ""


def markdown(ours: BotResult, base: BotResult, shipped: BotResult, assess_s: float, meta: dict[str, Any]) -> str:
    """The table: targets are judged against the baseline served the same way; the baseline as
    `rasa init` ships it (conversations in memory) is shown beside it."""
    lines = [f"Server benchmark, {meta['when']} on {meta['machine']} (one run; other work may share the CPU).",
             "", "| metric | pain coach | rasa init, served the same way | ratio | target "
             "| rasa init as shipped (in memory) | ratio |",
             "| --- | ---: | ---: | ---: | --- | ---: | ---: |"]
    for (label, o, b, r, verdict), (_label, _o, m, rm, _v) in zip(rows(ours, base),
                                                                  rows(ours, shipped), strict=True):
        lines.append(f"| {label} | {_cell(o)} | {_cell(b)} | {_cell(r, 'x')} | {verdict} | {_cell(m)} "
                     f"| {_cell(rm, 'x')} |")
    lines.append(f"| `python -m bot assess` (s, median of 3) | {assess_s} | n/a | | | | |")
    return "\n".join(lines) + "\n"


def _cell(value: Any, unit: str = "") -> str:
    return "" if value is None else f"{value}{unit}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=PROJECT_ROOT / "results" / "bench")
    parser.add_argument("--sequential-turns", type=int, default=150)
    parser.add_argument("--concurrent-turns", type=int, default=30, help="per conversation thread")
    parser.add_argument("--reuse-model", action="store_true", help="serve the cached model; skip timing our training")
    parser.add_argument("--keep", action="store_true", help="keep the work directory (logs) afterwards")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="bench-servers-"))
    try:
        base, shipped = run_baselines(work, args)
        ours = run_ours(work, args)
        print("==> timing `python -m bot assess`", flush=True)
        assess_s = time_assess()
    finally:
        if args.keep:
            print(f"work directory kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    meta = {"when": time.strftime("%Y-%m-%d %H:%M"), "machine": f"{os.cpu_count()} CPUs, {platform.machine()}",
            "python": platform.python_version(), "load_avg_1m": round(os.getloadavg()[0], 2),
            "sequential_turns": args.sequential_turns, "concurrent": CONCURRENCY,
            "concurrent_turns_each": args.concurrent_turns}
    args.out.mkdir(parents=True, exist_ok=True)
    table = markdown(ours, base, shipped, assess_s, meta)
    report = {"meta": meta, "targets": TARGETS, "ours": asdict(ours), "baseline": asdict(base),
              "baseline_as_shipped": asdict(shipped),
              "assess_s": assess_s,
              "ratios": {label: r for label, _o, _b, r, _v in rows(ours, base) if r is not None}}
    (args.out / "servers.json").write_text(json.dumps(report, indent=2) + "\n")
    (args.out / "servers.md").write_text(table)
    print("\n" + table)
    print("Ratios to the baseline served the same way (SQL tracker store, action endpoint):")
    for label, _o, _b, r, verdict in rows(ours, base):
        if r is not None:
            print(f"  {label}: {r}x {verdict}")
    print(f"Wrote {args.out / 'servers.json'} and {args.out / 'servers.md'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
