"""Assessments per second of the muscle ranking, the triage + ranking engine path and full `assess`.

Run: `.venv/bin/python -m tools.bench.ranking [--iterations N] [--full-iterations N]`.
Not a pytest test and no timed assertions: timings depend on the machine and on whoever else is
using it, so this measures and reports (markdown table on stdout, JSON in results/bench/ranking.json)
and leaves the judgement to a person. Each real path runs beside a naive baseline that scores only
exact primary-zone matches, in the same process and run, so the table shows what the engine's
extra rules cost relative to the simplest ranking possible, and what they buy in top-1/top-3 hits.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import statistics
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence, TypeVar

from core.settings import PROJECT_ROOT
from core.types import MuscleProfile, PainReport
from tools.eval.vignettes import OWN_RANKING_CASES, OWN_TRIAGE_CASES, PUBLIC_CASES, Case, load_cases

__all__ = ["Timing", "main", "naive_rank", "time_calls"]

TARGET_PER_SECOND = 1000  # issue 6: the engine path should manage at least this many assessments/s
T = TypeVar("T")


@dataclass(frozen=True)
class Timing:
    """Per-call statistics of one path: wall clock (what a caller waits) and process CPU time."""

    path: str
    ranking: str
    calls: int
    mean_us: float
    p50_us: float
    p95_us: float
    per_second: float
    cpu_mean_us: float
    cpu_per_second: float


def naive_rank(report: PainReport, muscles: Iterable[MuscleProfile], limit: int = 5) -> list[str]:
    """The simplest ranking: how many reported regions lie in a muscle's primary zone, ties by id."""
    regions = report.region_ids
    scored = [(sum(r in m.primary for r in regions), m.id) for m in muscles]
    return [muscle_id for score, muscle_id in sorted((-s, i) for s, i in scored if s > 0)][:limit]


def _stats(path: str, ranking: str, wall: list[int], cpu: list[int]) -> Timing:
    wall = sorted(wall)
    mean_ns = statistics.fmean(wall)
    cpu_ns = statistics.fmean(cpu)
    return Timing(
        path=path,
        ranking=ranking,
        calls=len(wall),
        mean_us=round(mean_ns / 1000, 2),
        p50_us=round(wall[len(wall) // 2] / 1000, 2),
        p95_us=round(wall[min(len(wall) - 1, int(len(wall) * 0.95))] / 1000, 2),
        per_second=round(1e9 / mean_ns, 1),
        cpu_mean_us=round(cpu_ns / 1000, 2),
        cpu_per_second=round(1e9 / cpu_ns, 1) if cpu_ns else float("inf"),
    )


def time_calls(path: str, calls: dict[str, Callable[[T], object]], items: Sequence[T], *, iterations: int,
               warmup: int) -> list[Timing]:
    """Warm up, then time every call of `iterations` passes over `items`, one call at a time.

    The rankings being compared run interleaved on the same item (their order alternating per
    pass), so a neighbour's load on this shared machine falls on both alike.
    """
    names = list(calls)
    for _ in range(warmup):
        for item in items:
            for name in names:
                calls[name](item)
    wall: dict[str, list[int]] = {name: [] for name in names}
    cpu: dict[str, list[int]] = {name: [] for name in names}
    clock, cpu_clock = time.perf_counter_ns, time.process_time_ns
    gc.collect()
    for index in range(iterations):
        order = names if index % 2 == 0 else names[::-1]
        for item in items:
            for name in order:
                call = calls[name]
                cpu_start, start = cpu_clock(), clock()
                call(item)
                end, cpu_end = clock(), cpu_clock()
                wall[name].append(end - start)
                cpu[name].append(cpu_end - cpu_start)
    return [_stats(path, name, wall[name], cpu[name]) for name in names]


def _hit_rates(cases: Sequence[Case], ranked: Sequence[Sequence[str]]) -> dict[str, float]:
    """Top-1 / top-3 hits over the cases that name acceptable muscles."""
    pairs = [(c, r) for c, r in zip(cases, ranked, strict=True) if c.muscles]
    if not pairs:
        return {}
    top1 = sum(bool(r[:1]) and r[0] in c.muscles for c, r in pairs)
    top3 = sum(bool(set(r[:3]) & set(c.muscles)) for c, r in pairs)
    return {"cases": len(pairs), "top1": round(top1 / len(pairs), 3), "top3": round(top3 / len(pairs), 3)}


def _table(rows: list[dict[str, Any]]) -> str:
    keys = ["path", "ranking", "calls", "mean_us", "p50_us", "p95_us", "per_second", "cpu_mean_us",
            "cpu_per_second", "x_baseline_time"]
    lines = ["| " + " | ".join(keys) + " |", "|" + "---|" * len(keys)]
    lines += ["| " + " | ".join(str(row.get(k, "")) for k in keys) + " |" for row in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iterations", type=int, default=200, help="passes over all cases, engine paths")
    parser.add_argument("--full-iterations", type=int, default=5, help="passes over all cases, full assess")
    parser.add_argument("--warmup", type=int, default=2, help="untimed passes before each measurement")
    parser.add_argument("--out", type=Path, default=PROJECT_ROOT / "results" / "bench" / "ranking.json")
    args = parser.parse_args(argv)

    from bot.cli.assess import assess
    from bot.engine.knowledge import knowledge
    from bot.nlp.extract import mentions_from_text

    kb = knowledge()
    sets = {"public": PUBLIC_CASES, "own-triage": OWN_TRIAGE_CASES, "own-ranking": OWN_RANKING_CASES}
    cases_by_set = {name: load_cases(path) for name, path in sets.items() if path.exists()}
    cases = [c for group in cases_by_set.values() for c in group]
    texts = [" ".join(c.turns) for c in cases]
    print(f"{len(cases)} cases ({', '.join(f'{k} {len(v)}' for k, v in cases_by_set.items())}); "
          f"{len(kb.muscles)} muscles; extracting reports ...", flush=True)
    reports = [kb.report(mentions_from_text(t, kb.sided_regions)) for t in texts]

    def engine(report: PainReport) -> object:
        kb.triage(report)
        return kb.rank(report)

    def engine_naive(report: PainReport) -> object:
        kb.triage(report)
        return naive_rank(report, kb.muscles)

    def full_naive(text: str) -> object:
        report = kb.report(mentions_from_text(text, kb.sided_regions))
        kb.triage(report)
        return naive_rank(report, kb.muscles)

    plan: list[tuple[str, dict[str, Callable[[Any], object]], Sequence[Any], int]] = [
        ("rank only", {"engine": kb.rank, "naive": lambda r: naive_rank(r, kb.muscles)},
         reports, args.iterations),
        ("triage + rank (engine path)", {"engine": engine, "naive": engine_naive}, reports, args.iterations),
        ("full assess (spaCy + ConText)", {"engine": assess, "naive": full_naive}, texts, args.full_iterations),
    ]
    rows: list[dict[str, Any]] = []
    for path, calls, items, iterations in plan:
        print(f"timing {path}: engine and naive interleaved, {iterations} x {len(items)} ...", flush=True)
        timings = time_calls(path, calls, items, iterations=iterations, warmup=args.warmup)
        baseline = next(t for t in timings if t.ranking == "naive")
        for timing in timings:
            rows.append({**asdict(timing),
                         "x_baseline_time": round(timing.cpu_mean_us / baseline.cpu_mean_us, 2)})

    quality = {}
    offset = 0
    for name, group in cases_by_set.items():
        group_reports = reports[offset: offset + len(group)]
        offset += len(group)
        quality[name] = {
            "engine": _hit_rates(group, [[c.muscle.id for c in kb.rank(r)] for r in group_reports]),
            "naive": _hit_rates(group, [naive_rank(r, kb.muscles) for r in group_reports]),
        }

    engine_row = next(r for r in rows if r["path"].startswith("triage") and r["ranking"] == "engine")
    engine_rate, engine_cpu_rate = engine_row["per_second"], engine_row["cpu_per_second"]
    print("\n" + _table(rows))
    print("\nTop-1 / top-3 hits on pre-extracted reports (cases naming muscles):\n")
    print("| set | ranking | cases | top1 | top3 |\n|---|---|---|---|---|")
    for name, by_ranking in quality.items():
        for ranking, hits in by_ranking.items():
            if hits:
                print(f"| {name} | {ranking} | {hits['cases']} | {hits['top1']} | {hits['top3']} |")
    verdict = "meets" if engine_rate >= TARGET_PER_SECOND else "is BELOW"
    print(f"\nEngine path (triage + rank): {engine_rate:,.0f} assessments/s by wall clock, which {verdict} "
          f"the target of {TARGET_PER_SECOND:,}/s; {engine_cpu_rate:,.0f}/s per CPU-second of this process "
          f"(one process; 1-minute load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs).")

    result = {
        "target_per_second": TARGET_PER_SECOND,
        "engine_path_per_second": engine_rate,
        "engine_path_cpu_per_second": engine_cpu_rate,
        "meets_target": engine_rate >= TARGET_PER_SECOND,
        "timings": rows,
        "quality": quality,
        "cases": {k: len(v) for k, v in cases_by_set.items()},
        "muscles": len(kb.muscles),
        "settings": {"iterations": args.iterations, "full_iterations": args.full_iterations, "warmup": args.warmup},
        "machine": {"python": sys.version.split()[0], "platform": platform.platform(), "cpus": os.cpu_count(),
                    "loadavg_1m": round(os.getloadavg()[0], 2)},
        "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"Wrote {args.out.relative_to(PROJECT_ROOT) if args.out.is_relative_to(PROJECT_ROOT) else args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
