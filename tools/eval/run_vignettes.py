"""`make eval`: score the public vignettes and the project's own cases, over REST and through assess.

Prints a score table and writes results/eval/scores.json.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from core.types import TriageLevel
from tools.eval.vignettes import (
    OWN_RANKING_CASES,
    OWN_TRIAGE_CASES,
    PUBLIC_CASES,
    Outcome,
    load_cases,
    run_assess,
    run_rest,
)
from tools.servers import running_servers


def summarise(name: str, outcomes: list[Outcome]) -> dict[str, object]:
    """Pass rate, recall per triage level, over-triage rate and top-1/top-3 muscle hits."""
    summary: dict[str, object] = {"set": name, "cases": len(outcomes),
                                  "passed": sum(o.passed for o in outcomes)}
    for level in (TriageLevel.SEE_DOCTOR, TriageLevel.URGENT, TriageLevel.EMERGENCY):
        flagged = [o for o in outcomes if o.case.at_least == level]
        if flagged:
            hit = sum(o.level_by_flag_turn >= level for o in flagged)
            summary[f"recall_{level.slug}"] = f"{hit}/{len(flagged)}"
    benign = [o for o in outcomes if o.case.at_most == TriageLevel.NONE]
    if benign:
        summary["over_triage"] = f"{sum(o.final_level > TriageLevel.NONE for o in benign)}/{len(benign)}"
    ranked = [o for o in outcomes if o.case.muscles]
    if ranked:
        summary["muscle_top1"] = round(sum(bool(o.candidates[:1] and o.candidates[0] in o.case.muscles)
                                           for o in ranked) / len(ranked), 3)
        summary["muscle_top3"] = round(sum(bool(set(o.candidates[:3]) & set(o.case.muscles))
                                           for o in ranked) / len(ranked), 3)
    return summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="results/eval")
    parser.add_argument("--no-rest", action="store_true", help="only the assess path (no servers)")
    parser.add_argument("--cases", nargs="*", type=Path, default=[],
                        help="score these case files instead of the public and own sets")
    args = parser.parse_args()
    sets = {path.stem: load_cases(path) for path in args.cases}
    if not sets:
        sets["public"] = load_cases(PUBLIC_CASES)
        for name, path in (("own-triage", OWN_TRIAGE_CASES), ("own-ranking", OWN_RANKING_CASES)):
            if path.exists():
                sets[name] = load_cases(path)
    results: list[dict[str, object]] = []
    failures: list[str] = []

    def record(name: str, path: str, outcomes: list[Outcome]) -> None:
        results.append({**summarise(name, outcomes), "path": path})
        failures.extend(f"{path}/{name}/{o.case.id}: {'; '.join(o.problems)}" for o in outcomes if not o.passed)

    for name, cases in sets.items():
        print(f"assess: {name} ({len(cases)} cases) ...", flush=True)
        record(name, "assess", [run_assess(c) for c in cases])
    if not args.no_rest:
        with tempfile.TemporaryDirectory() as work, running_servers(Path(work)) as servers:
            for name, cases in sets.items():
                outcomes = []
                for index, case in enumerate(cases, 1):
                    print(f"\rrest: {name} {index}/{len(cases)}", end="", flush=True)
                    outcomes.append(run_rest(servers, case))
                print(flush=True)
                record(name, "rest", outcomes)
    keys = ["path", "set", "cases", "passed", "recall_see_doctor", "recall_urgent", "recall_emergency",
            "over_triage", "muscle_top1", "muscle_top3"]
    print("\n| " + " | ".join(keys) + " |\n|" + "---|" * len(keys))
    for row in results:
        print("| " + " | ".join(str(row.get(k, "")) for k in keys) + " |")
    if failures:
        print("\nFailures:\n  " + "\n  ".join(failures))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "scores.json").write_text(json.dumps({"results": results, "failures": failures}, indent=2))
    print(f"\nWrote {out / 'scores.json'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
