"""Build the project's own spaCy pipeline from the knowledge base's vocabulary.

No English pipeline for spaCy 3.4 can be installed here and nothing may be downloaded at run time,
so the pipeline is a blank English tokenizer and a sentencizer (ConText scopes stop at sentence
ends). Beside it the build stores every lay phrase of kb/content/vocabulary compiled for matching
(bot/nlp/compiled.py): spans may overlap ("numb around my bottom" is both a finding and a region),
and each phrase carries its canonical id, so "shoulder blade" arrives as `shoulder_blade`. Rasa
loads the folder by path (config.yml); the folder name carries the version.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

from bot import __version__
from kb.content import Content, content_hash

__all__ = ["LABELS", "PIPELINE_DIR", "SPANS_KEY", "build_pipeline", "main", "pipeline_path"]

PROJECT_ROOT = Path(__file__).resolve().parents[2]
PIPELINE_DIR = PROJECT_ROOT / "models" / "spacy"
PIPELINE_NAME = "pain_en"
SPANS_KEY = "pain"
LABELS = {"region": "REGION", "sensation": "SENSATION", "activity": "ACTIVITY", "finding": "FINDING",
          "timing": "TIMING"}


def pipeline_path() -> Path:
    """Where config.yml expects the pipeline: models/spacy/pain_en-<version>."""
    return PIPELINE_DIR / f"{PIPELINE_NAME}-{__version__}"


# How vocabulary phrases become patterns (bump it when `pipeline_patterns` changes, so built pipelines rebuild).
PATTERN_FORMAT = 2


def _with_side_slot(phrase: str) -> str:
    """Let a side word sit after the possessive: "back of my LEFT knee" must stay one phrase, or it
    splits into "back" (low back) and "knee" (front of the knee), the wrong places; and "both" stand for
    the possessive."""
    if "{left|right|}" in phrase or "{right|left|}" in phrase:
        return phrase
    # "back of both thighs": "both" in the possessive's place, or "back" (low back) is all that is found
    return phrase.replace("{my|the|} ", "{my|the|both|} {left|right|} ")


def pipeline_patterns(content: Content) -> list[dict[str, str]]:
    """Every lay phrase of the vocabulary as {label, pattern, id}, alternatives expanded."""
    from core.phrases import expand

    patterns = []
    for region in content.regions.values():
        for phrase in region.phrases:
            phrase = _with_side_slot(phrase) if region.sided else phrase
            patterns += [{"label": LABELS["region"], "pattern": v, "id": region.id} for v in expand(phrase)]
    for kind, terms in content.terms.items():
        for term in terms.values():
            for phrase in term.phrases:
                patterns += [{"label": LABELS[kind], "pattern": v, "id": term.id} for v in expand(phrase)]
    return patterns


def build_pipeline(content: Content, target: Path, version: str = "") -> int:
    """Write the pipeline to `target`; returns the number of patterns."""
    import spacy

    from bot.nlp.compiled import Lexicon, compile_lexicon, save_compiled

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    patterns = pipeline_patterns(content)
    nlp.meta.update(
        {
            "name": PIPELINE_NAME,
            "version": __version__,
            "description": "Pain-coach vocabulary: body regions, sensations, activities, red-flag findings",
            "spacy_version": f">={spacy.__version__},<3.5.0",
            "kb_content_hash": version or content_hash(),
            "pattern_format": PATTERN_FORMAT,
        }
    )
    tmp = target.with_name(target.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    nlp.to_disk(tmp)
    save_compiled(compile_lexicon(nlp, Lexicon.from_content(content), patterns, version or content_hash()), tmp)
    shutil.rmtree(target, ignore_errors=True)
    tmp.rename(target)
    return len(patterns)


def is_current(target: Path, version: str) -> bool:
    """True when the pipeline on disk was built from the knowledge at this version, the current way."""
    meta = target / "meta.json"
    if not meta.exists():
        return False
    built = json.loads(meta.read_text())
    return bool(built.get("kb_content_hash") == version and built.get("pattern_format") == PATTERN_FORMAT)


def main(argv: list[str] | None = None) -> int:
    """`python -m bot.nlp.build [--force]`: rebuild when the vocabulary changed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="rebuild even if up to date")
    args = parser.parse_args(argv)
    from bot.engine.knowledge import knowledge

    target = pipeline_path()
    kb = knowledge()
    if not args.force and is_current(target, kb.version):
        print(f"spaCy pipeline {target.relative_to(PROJECT_ROOT)} is up to date")
        return 0
    print("Building the spaCy pipeline from the knowledge's vocabulary ...", flush=True)
    assert kb.content is not None
    target.parent.mkdir(parents=True, exist_ok=True)
    count = build_pipeline(kb.content, target, kb.version)
    print(f"  {count} phrase patterns -> {target.relative_to(PROJECT_ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
