"""Measure the NLU: the current model on the held-out set, then 5-fold cross-validation on data/nlu.

    .venv/bin/python -m tools.nlu.evaluate --out results/nlu [--skip-cv] [--folds 5]

Rasa does the scoring (`rasa test nlu`), so the numbers are the ones Rasa users know: intent
precision/recall/F1 per intent and a confusion matrix, and for entities Rasa's token-level scores
per entity type for our rule-based extractor (PainFindingsExtractor). This script runs both
commands with progress lines, keeps Rasa's own files (`heldout/`, `cross_validation/`) and writes
`summary.md` and `summary.json` with the two headline numbers on the held-out set:
intent macro-F1 and entity F1 (micro-averaged over entity types).

The held-out set (tests/nlu/heldout.yml) is never trained on; cross-validation says how stable the
training data is on its own. Cross-validation trains `folds` models: run it once, not in a loop.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from core.settings import PROJECT_ROOT

GOAL = 0.92
HELDOUT = Path("tests/nlu/heldout.yml")
EXTRACTOR = "PainFindingsExtractor"


def _say(message: str) -> None:
    print(message, flush=True)


def _run(command: list[str], log_path: Path, label: str) -> float:
    """Run a Rasa command with its output in a log file, printing a heartbeat while it works."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2", "PYTHONWARNINGS": "ignore"}
    started = time.monotonic()
    done = threading.Event()

    def heartbeat() -> None:
        while not done.wait(30):
            _say(f"    ... {label}: still running ({time.monotonic() - started:.0f} s)")

    thread = threading.Thread(target=heartbeat, daemon=True)
    thread.start()
    with log_path.open("w", encoding="utf-8") as log:
        result = subprocess.run(command, cwd=PROJECT_ROOT, stdout=log, stderr=subprocess.STDOUT, env=env,
                                check=False)
    done.set()
    elapsed = time.monotonic() - started
    if result.returncode != 0:
        tail = log_path.read_text(encoding="utf-8", errors="replace").splitlines()[-25:]
        raise SystemExit(f"{label} failed (exit {result.returncode}); last lines of {log_path}:\n" + "\n".join(tail))
    return elapsed


def _load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def _entity_report_path(folder: Path) -> Path | None:
    preferred = folder / f"{EXTRACTOR}_report.json"
    if preferred.exists():
        return preferred
    others = sorted(p for p in folder.glob("*_report.json")
                    if p.name not in {"intent_report.json", "response_selection_report.json"})
    return others[0] if others else None


def _per_label(report: dict[str, Any]) -> dict[str, dict[str, float]]:
    """The per-label rows of a sklearn-style report (skipping averages and accuracy)."""
    rows = {}
    for label, row in report.items():
        if label in {"accuracy", "micro avg", "macro avg", "weighted avg"} or not isinstance(row, dict):
            continue
        if "f1-score" in row:
            rows[label] = {key: float(row[key]) for key in ("precision", "recall", "f1-score", "support")}
    return rows


def _micro(rows: dict[str, dict[str, float]]) -> dict[str, float]:
    """Micro-average over labels from per-label precision, recall and support."""
    true_pos = predicted = support = 0.0
    for row in rows.values():
        tp = row["recall"] * row["support"]
        true_pos += tp
        support += row["support"]
        predicted += tp / row["precision"] if row["precision"] > 0 else 0.0
    precision = true_pos / predicted if predicted else 0.0
    recall = true_pos / support if support else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1-score": f1, "support": support}


def _confusion(report: dict[str, Any], errors: list[dict[str, Any]]) -> dict[str, dict[str, int]]:
    """Gold intent -> predicted intent -> count, from the report's supports and Rasa's error list."""
    matrix: dict[str, Counter[str]] = defaultdict(Counter)
    wrong: Counter[str] = Counter()
    for error in errors:
        gold = str(error.get("intent"))
        predicted = str((error.get("intent_prediction") or {}).get("name"))
        matrix[gold][predicted] += 1
        wrong[gold] += 1
    for label, row in _per_label(report).items():
        matrix[label][label] += int(row["support"]) - wrong[label]
    return {gold: dict(sorted(row.items())) for gold, row in sorted(matrix.items())}


def _summarise_folder(folder: Path) -> dict[str, Any]:
    intent_report = _load(folder / "intent_report.json") or {}
    intents = _per_label(intent_report)
    entity_path = _entity_report_path(folder)
    entity_report = _load(entity_path) if entity_path else {}
    entities = _per_label(entity_report or {})
    micro = ((entity_report or {}).get("micro avg") or _micro(entities)) if entities else {}
    intent_errors = _load(folder / "intent_errors.json") or []
    entity_errors = _load(folder / f"{EXTRACTOR}_errors.json") or []
    return {
        "intent_macro_f1": float((intent_report.get("macro avg") or {}).get("f1-score", 0.0)),
        "intent_accuracy": float(intent_report.get("accuracy", 0.0)) if intent_report else 0.0,
        # None when the test data has no entity annotations (data/nlu has none: the extractor is rule-based)
        "entity_micro_f1": float(micro["f1-score"]) if micro else None,
        "entity_micro_precision": float(micro["precision"]) if micro else None,
        "entity_micro_recall": float(micro["recall"]) if micro else None,
        "intents": intents,
        "entities": entities,
        "confusion_matrix": _confusion(intent_report, intent_errors) if intent_report else {},
        "intent_errors": [{"text": e.get("text"), "intent": e.get("intent"),
                           "predicted": (e.get("intent_prediction") or {}).get("name"),
                           "confidence": (e.get("intent_prediction") or {}).get("confidence")}
                          for e in intent_errors],
        "entity_error_count": len(entity_errors),
    }


def _number(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _table(rows: dict[str, dict[str, float]], head: str) -> list[str]:
    lines = [f"| {head} | precision | recall | F1 | support |", "| --- | ---: | ---: | ---: | ---: |"]
    for label, row in sorted(rows.items(), key=lambda item: (item[1]["f1-score"], item[0])):
        lines.append(f"| {label} | {row['precision']:.3f} | {row['recall']:.3f} | {row['f1-score']:.3f} "
                     f"| {int(row['support'])} |")
    return lines


def _confusions(matrix: dict[str, dict[str, int]]) -> list[str]:
    pairs = [(count, gold, predicted) for gold, row in matrix.items() for predicted, count in row.items()
             if predicted != gold and count]
    if not pairs:
        return ["No intent confusions."]
    lines = ["| gold intent | predicted as | count |", "| --- | --- | ---: |"]
    lines += [f"| {gold} | {predicted} | {count} |" for count, gold, predicted in sorted(pairs, reverse=True)]
    return lines


def _markdown(summary: dict[str, Any]) -> str:
    held = summary["heldout"]
    ok = {key: (held[key] or 0.0) >= GOAL for key in ("intent_macro_f1", "entity_micro_f1")}
    lines = [
        "# NLU evaluation", "",
        f"Model: `{summary['model']}`  ",
        f"Held-out set: `{HELDOUT}` ({summary['heldout_examples']} messages, never trained on)  ",
        f"Generated by `python -m tools.nlu.evaluate` in {summary['seconds']:.0f} s.", "",
        "## Headline (held-out set)", "",
        "| metric | value | goal |", "| --- | ---: | ---: |",
        f"| intent macro-F1 | {held['intent_macro_f1']:.3f} | {GOAL} {'met' if ok['intent_macro_f1'] else 'NOT met'} |",
        f"| intent accuracy | {held['intent_accuracy']:.3f} | |",
        f"| entity F1 (micro over types, token level) | {_number(held['entity_micro_f1'])} | {GOAL} "
        f"{'met' if ok['entity_micro_f1'] else 'NOT met'} |",
        f"| entity precision / recall | {_number(held['entity_micro_precision'])} / "
        f"{_number(held['entity_micro_recall'])} | |",
        "",
    ]
    cv = summary.get("cross_validation")
    if cv:
        lines += [f"Cross-validation ({summary['folds']} folds on data/nlu, test folds): intent macro-F1 "
                  f"{cv['intent_macro_f1']:.3f}, accuracy {cv['intent_accuracy']:.3f}, entity F1 "
                  f"{_number(cv['entity_micro_f1'])}.", ""]
    lines += ["## Intents (held-out)", "", *_table(held["intents"], "intent"), "",
              "## Intent confusions (held-out)", "", *_confusions(held["confusion_matrix"]), "",
              "Full matrix: `summary.json` (`heldout.confusion_matrix`) and "
              "`heldout/intent_confusion_matrix.png`.", "",
              "## Entities (held-out, PainFindingsExtractor, token level)", "",
              *_table(held["entities"], "entity"), "",
              f"Messages with an entity disagreement: {held['entity_error_count']} "
              f"(`heldout/{EXTRACTOR}_errors.json`).", ""]
    if held["intent_errors"]:
        lines += ["## Misclassified held-out messages", "", "| text | gold | predicted | confidence |",
                  "| --- | --- | --- | ---: |"]
        for error in held["intent_errors"]:
            text = str(error["text"]).replace("|", "\\|")
            confidence = float(error["confidence"] or 0)
            lines.append(f"| {text} | {error['intent']} | {error['predicted']} | {confidence:.2f} |")
        lines.append("")
    if cv:
        lines += ["## Cross-validation intents", "", *_table(cv["intents"], "intent"), ""]
        if cv["entities"]:
            lines += ["## Cross-validation entities", "", *_table(cv["entities"], "entity"), ""]
        else:
            lines += ["Cross-validation has no entity scores: data/nlu carries no entity annotations "
                      "(entities come from the rule-based extractor, scored on the held-out set).", ""]
    return "\n".join(lines)


def _model(out: Path, *, nlu_only: bool) -> Path:
    """The bot's current model (bot.runtime.training.ensure_model), or an NLU-only model of the same config and
    NLU data when asked or when the full model cannot be trained (e.g. stories being edited)."""
    if not nlu_only:
        from bot.runtime.training import ensure_model

        try:
            return ensure_model()
        except SystemExit as problem:
            _say(f"    the full model could not be trained ({problem}); falling back to an NLU-only model")
    target = out / "model"
    for old in target.glob("nlu-*.tar.gz"):
        old.unlink()
    _say("    training an NLU-only model (config.yml, data/nlu)")
    seconds = _run([sys.executable, "-m", "rasa", "train", "nlu", "--config", "config.yml", "--nlu", "data/nlu",
                    "--domain", "domain", "--out", str(target), "--fixed-model-name", "nlu-current"],
                   target / "train.log", "NLU training")
    _say(f"    trained in {seconds:.0f} s")
    return target / "nlu-current.tar.gz"


def _rewrite_summary(out: Path) -> int:
    """Re-summarise an earlier run (e.g. after changing this report's format)."""
    previous = _load(out / "summary.json")
    if not previous or not (out / "heldout" / "intent_report.json").exists():
        raise SystemExit(f"No earlier run in {out}: run without --summary-only first.")
    previous["heldout"] = _summarise_folder(out / "heldout")
    if (out / "cross_validation" / "intent_report.json").exists():
        previous["cross_validation"] = _summarise_folder(out / "cross_validation")
    (out / "summary.json").write_text(json.dumps(previous, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    (out / "summary.md").write_text(_markdown(previous), encoding="utf-8")
    _say(f"Rewrote {out / 'summary.md'}")
    return 0


def _count_examples(path: Path) -> int:
    from core.files import load_yaml

    data = load_yaml(path.read_text(encoding="utf-8")) or {}
    return sum(1 for block in data.get("nlu", []) for line in str(block.get("examples", "")).splitlines()
               if line.strip().startswith("- "))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="results/nlu", help="output folder (default results/nlu)")
    parser.add_argument("--folds", type=int, default=5, help="cross-validation folds (default 5)")
    parser.add_argument("--skip-cv", action="store_true", help="held-out set only (no cross-validation)")
    parser.add_argument("--summary-only", action="store_true",
                        help="rewrite summary.md/json from Rasa's files already in --out (no training, no testing)")
    parser.add_argument("--nlu-only", action="store_true",
                        help="train and test an NLU-only model (config.yml + data/nlu) instead of the bot's model")
    args = parser.parse_args(argv)

    out = (PROJECT_ROOT / args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    if args.summary_only:
        return _rewrite_summary(out)
    started = time.monotonic()
    steps = 2 if args.skip_cv else 3
    rasa = [sys.executable, "-m", "rasa", "test", "nlu"]

    _say(f"[1/{steps}] Finding the current model (trains it first if the inputs changed)")
    model = _model(out, nlu_only=args.nlu_only)

    _say(f"[2/{steps}] Held-out set: rasa test nlu --nlu {HELDOUT}")
    seconds = _run([*rasa, "--nlu", str(HELDOUT), "--model", str(model), "--out", str(out / "heldout")],
                   out / "heldout" / "rasa.log", "held-out test")
    heldout = _summarise_folder(out / "heldout")
    _say(f"    done in {seconds:.0f} s: intent macro-F1 {heldout['intent_macro_f1']:.3f}, "
         f"entity F1 {_number(heldout['entity_micro_f1'])}")

    summary: dict[str, Any] = {
        "model": os.path.relpath(Path(model).resolve(), PROJECT_ROOT), "goal": GOAL, "folds": args.folds,
        "heldout_examples": _count_examples(PROJECT_ROOT / HELDOUT), "heldout": heldout,
    }
    if not args.skip_cv:
        _say(f"[3/{steps}] {args.folds}-fold cross-validation on data/nlu (trains {args.folds} models; "
             "several minutes)")
        seconds = _run([*rasa, "--nlu", "data/nlu", "--cross-validation", "--folds", str(args.folds),
                        "--config", "config.yml", "--out", str(out / "cross_validation")],
                       out / "cross_validation" / "rasa.log", "cross-validation")
        summary["cross_validation"] = _summarise_folder(out / "cross_validation")
        cv = summary["cross_validation"]
        _say(f"    done in {seconds:.0f} s: intent macro-F1 {cv['intent_macro_f1']:.3f}, "
             f"entity F1 {_number(cv['entity_micro_f1'])}")
    summary["seconds"] = time.monotonic() - started

    (out / "summary.json").write_text(json.dumps(summary, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    (out / "summary.md").write_text(_markdown(summary), encoding="utf-8")
    verdict = all((heldout[key] or 0.0) >= GOAL for key in ("intent_macro_f1", "entity_micro_f1"))
    _say(f"Held-out: intent macro-F1 {heldout['intent_macro_f1']:.3f}, entity F1 {_number(heldout['entity_micro_f1'])} "
         f"(goal {GOAL}: {'met' if verdict else 'not met'}). Report: {out / 'summary.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
