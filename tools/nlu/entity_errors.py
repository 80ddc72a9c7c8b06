"""Fast offline entity scorer: the rule-based extractor against annotated NLU examples, no training.

    .venv/bin/python -m tools.nlu.entity_errors [--file tests/nlu/heldout.yml] [--save out.json]
    .venv/bin/python -m tools.nlu.entity_errors --file data/nlu --compare out.json

Entities come only from PainFindingsExtractor, so no Rasa model is needed: this loads the project's
spaCy pipeline the way SpacyNLP does (the path in config.yml), runs the component's own `process` on
each example and scores it the way `rasa test nlu` does: every token (the SpacyTokenizer's tokens of
the lower-cased text) gets the label of the entity that overlaps it most, and precision / recall / F1
per entity type are counted over tokens, with a micro average over types. It then lists the
disagreements per type: false positives, misses, boundary mismatches.

data/nlu carries no entity annotations (the extractor is rule-based), so there every extraction is
listed as a false positive; use `--save` before a change and `--compare` after it to see exactly
which extractions a change added or removed on data that is not the held-out set.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from core.settings import PROJECT_ROOT

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

NO_ENTITY = "no_entity"
Entity = dict[str, Any]


@dataclass
class Scores:
    """Token counts per entity type."""

    true_pos: Counter[str] = field(default_factory=Counter)
    false_pos: Counter[str] = field(default_factory=Counter)
    false_neg: Counter[str] = field(default_factory=Counter)

    def add(self, gold: list[str], predicted: list[str]) -> None:
        for want, got in zip(gold, predicted, strict=True):
            if want == got and want != NO_ENTITY:
                self.true_pos[want] += 1
                continue
            if got != NO_ENTITY:
                self.false_pos[got] += 1
            if want != NO_ENTITY:
                self.false_neg[want] += 1

    def row(self, label: str | None = None) -> tuple[float, float, float, int]:
        """Precision, recall, F1 and support (gold tokens) for one type, or micro over all types."""
        def total(counts: Counter[str]) -> int:
            return counts[label] if label else sum(counts.values())

        tp, fp, fn = total(self.true_pos), total(self.false_pos), total(self.false_neg)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1, tp + fn

    def labels(self) -> list[str]:
        return sorted(set(self.true_pos) | set(self.false_pos) | set(self.false_neg))


def _token_labels(tokens: list[tuple[int, int]], entities: list[Entity]) -> list[str]:
    """Rasa's rule: a token takes the type of the entity sharing most characters with it (first on ties)."""
    labels = []
    for start, end in tokens:
        best, best_overlap = NO_ENTITY, 0
        for entity in entities:
            overlap = min(end, entity["end"]) - max(start, entity["start"])
            if overlap > best_overlap:
                best, best_overlap = str(entity["entity"]), overlap
        labels.append(best)
    return labels


def _examples(paths: Iterable[Path]) -> list[tuple[str, list[Entity]]]:
    from rasa.shared.nlu.training_data.loading import load_data

    examples = []
    for path in paths:
        for message in load_data(str(path)).nlu_examples:
            text = message.get("text") or ""
            if text:
                examples.append((text, [dict(e) for e in message.get("entities") or []]))
    return examples


def _files(target: Path) -> list[Path]:
    return sorted(target.glob("*.yml")) if target.is_dir() else [target]


def _pipeline_path() -> Path:
    """The spaCy pipeline config.yml gives SpacyNLP."""
    from core.files import load_yaml

    config = load_yaml((PROJECT_ROOT / "config.yml").read_text(encoding="utf-8"))
    model = next(step["model"] for step in config["pipeline"] if step["name"] == "SpacyNLP")
    return PROJECT_ROOT / model


class Extractor:
    """PainFindingsExtractor fed the pipeline SpacyNLP would load; tokens as SpacyTokenizer makes them."""

    def __init__(self) -> None:
        import spacy
        from rasa.nlu.utils.spacy_utils import SpacyModel

        from bot.rasa.nlu import PainFindingsExtractor

        path = _pipeline_path()
        self.nlp = spacy.load(path)
        self.model = SpacyModel(model=self.nlp, model_name=str(path))
        self.component = PainFindingsExtractor({})

    def entities(self, text: str) -> list[Entity]:
        from rasa.shared.nlu.training_data.message import Message

        message = Message(data={"text": text})
        self.component.process([message], self.model)
        return [dict(e) for e in message.get("entities") or []]

    def tokens(self, text: str) -> list[tuple[int, int]]:
        return [(t.idx, t.idx + len(t.text)) for t in self.nlp.make_doc(text.lower()) if t.text.strip()]


def _show(text: str, entities: list[Entity]) -> str:
    """The text with entities marked like the training format: "my [neck](body_region) hurts"."""
    out, position = [], 0
    for entity in sorted(entities, key=lambda e: (e["start"], e["end"])):
        if entity["start"] < position:
            continue
        out += [text[position:entity["start"]], f"[{text[entity['start']:entity['end']]}]({entity['entity']})"]
        position = entity["end"]
    return "".join([*out, text[position:]])


def _disagreements(text: str, gold: list[Entity], predicted: list[Entity]) -> list[tuple[str, str, str]]:
    """(entity type, kind of error, description) for each entity span that is not matched exactly."""
    found = []
    for entity in predicted:
        label, span = entity["entity"], text[entity["start"]:entity["end"]]
        same = [g for g in gold if g["entity"] == label and g["start"] < entity["end"] and entity["start"] < g["end"]]
        if not same:
            found.append((label, "false positive", f"[{span}] ({entity.get('value')})"))
        elif not any(g["start"] == entity["start"] and g["end"] == entity["end"] for g in same):
            found.append((label, "boundary", f"[{span}] vs gold " + ", ".join(
                f"[{text[g['start']:g['end']]}]" for g in same)))
    for entity in gold:
        label = entity["entity"]
        if not any(p["entity"] == label and p["start"] < entity["end"] and entity["start"] < p["end"]
                   for p in predicted):
            found.append((label, "miss", f"[{text[entity['start']:entity['end']]}]"))
    return found


def _summary(examples: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    return {e["text"]: [{k: p[k] for k in ("entity", "value", "start", "end")} for p in e["predicted"]]
            for e in examples}


def _compare(saved: dict[str, list[dict[str, Any]]], now: dict[str, list[dict[str, Any]]]) -> None:
    def keyed(entities: list[dict[str, Any]]) -> set[str]:
        return {f"{e['entity']}={e['value']}@{e['start']}-{e['end']}" for e in entities}

    changed = 0
    for text, entities in now.items():
        before, after = keyed(saved.get(text, [])), keyed(entities)
        if before != after:
            changed += 1
            print(f"  {text}\n      - {sorted(before - after)}\n      + {sorted(after - before)}")
    print(f"{changed} message(s) changed against the saved extractions")


def _table(scores: Scores) -> None:
    print("\n| entity | precision | recall | F1 | support (tokens) |")
    for label in [*scores.labels(), None]:
        precision, recall, f1, support = scores.row(label)
        print(f"| {label or 'micro avg'} | {precision:.3f} | {recall:.3f} | {f1:.3f} | {support} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", action="append", type=Path,
                        help="NLU yml file or folder (repeatable; default tests/nlu/heldout.yml)")
    parser.add_argument("--save", type=Path, help="write the extractions to this JSON file")
    parser.add_argument("--compare", type=Path, help="list extractions that differ from this saved JSON file")
    parser.add_argument("--quiet", action="store_true", help="scores only, no list of disagreements")
    args = parser.parse_args(argv)

    paths = [p for target in (args.file or [Path("tests/nlu/heldout.yml")]) for p in _files(PROJECT_ROOT / target)]
    print(f"Loading examples from {len(paths)} file(s) ...", flush=True)
    examples = _examples(paths)
    print(f"  {len(examples)} examples, {sum(len(e) for _, e in examples)} annotated entities", flush=True)
    print("Loading the spaCy pipeline and the extractor ...", flush=True)
    extractor = Extractor()
    scores = Scores()
    errors: dict[str, list[tuple[str, str, str]]] = {}
    results: list[dict[str, Any]] = []
    for index, (text, gold) in enumerate(examples, start=1):
        predicted = extractor.entities(text)
        tokens = extractor.tokens(text)
        scores.add(_token_labels(tokens, gold), _token_labels(tokens, predicted))
        for label, kind, description in _disagreements(text, gold, predicted):
            errors.setdefault(label, []).append((kind, description, _show(text, gold)))
        results.append({"text": text, "predicted": predicted})
        if index % 100 == 0 or index == len(examples):
            print(f"  scored {index}/{len(examples)}", flush=True)

    if not args.quiet:
        for label in sorted(errors):
            print(f"\n== {label}: {len(errors[label])} disagreement(s)")
            for kind, description, shown in sorted(errors[label]):
                print(f"  {kind:14} {description:45}  in: {shown}")
    if not sum(scores.false_neg.values()) + sum(scores.true_pos.values()):
        counts = Counter(str(e["entity"]) for r in results for e in r["predicted"])
        print("\nNo entity annotations here: only extractions, per type: " + ", ".join(
            f"{label} {count}" for label, count in sorted(counts.items())))
    else:
        _table(scores)
    if args.save:
        args.save.write_text(json.dumps(_summary(results), indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"Saved the extractions to {args.save}")
    if args.compare:
        _compare(json.loads(args.compare.read_text(encoding="utf-8")), _summary(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
