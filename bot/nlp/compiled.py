"""The vocabulary compiled once, at build time, so a cold start reads it back instead of redoing it.

Matching needs every lay phrase as the tokenizer splits it (27,000 phrases), every concept phrase as
stems (9,000) and a spelling index of the vocabulary's words. Building these takes seconds, and
spaCy's span ruler rebuilds its phrase matcher each time a pipeline is loaded, so `python -m bot
assess` spent most of its start there. `python -m bot.nlp.build` now compiles them once and stores
them beside the pipeline (`compiled.pickle`, a build product like the pipeline itself); the phrase
table does what the span ruler did (every phrase at every position, overlaps kept, spans in spaCy's
order), without a spaCy component to rebuild.
"""

from __future__ import annotations

import pickle
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from bot.nlp.concepts import ConceptMatcher
from bot.nlp.typos import Speller, words_of

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

__all__ = ["COMPILED_FILE", "Compiled", "Lexicon", "PhraseTable", "compile_lexicon", "default_lexicon", "load_compiled",
           "save_compiled"]

COMPILED_FILE = "compiled.pickle"
FORMAT = 5  # bump when the stored classes change shape
# Sides and "where in the area" words people misspell as often as the places ("rigth", "lefft", "frnt").
SIDE_WORDS = frozenset({"left", "right", "both", "front", "back", "inside", "outside", "middle", "lower", "upper",
                        "bottom", "side", "sides"})


class Lexicon:
    """The concepts and the findings composed of them (kb/content/vocabulary), ready for matching."""

    def __init__(self, concept_phrases: Iterable[tuple[str, str]], patterns: Iterable[tuple[str, tuple[str, ...], int]],
                 exact_phrases: Iterable[tuple[str, str]] = (), masks: Iterable[str] = (),
                 finding_masks: Iterable[str] = (), mask_keeps: dict[str, tuple[str, ...]] | None = None,
                 vague: dict[str, str] | None = None, parts: Iterable[str] = ()):
        self.vague = dict(vague or {})
        self.parts = tuple(sorted(set(parts), key=lambda p: (-len(p), p)))  # "where exactly" words, longest first
        self.concept_phrases = tuple(concept_phrases)
        self.masks = frozenset(masks)
        self.finding_masks = frozenset(finding_masks)  # masks that also hide phrase findings
        self.mask_keeps = dict(mask_keeps or {})  # per mask, the concepts it leaves readable
        self.exact_phrases = tuple(exact_phrases)
        self.patterns = tuple(patterns)

    @classmethod
    def from_content(cls, content: Any) -> Lexicon:
        """From validated content (kb.content.Content)."""
        from bot.nlp.concepts import DEFAULT_WINDOW
        from core.phrases import expand

        phrases = [(c.id, variant) for c in content.concepts.values() for p in c.phrases for variant in expand(p)]
        exact = [(c.id, variant) for c in content.concepts.values() for p in c.exact for variant in expand(p)]
        patterns = [(t.id, pattern, t.window or DEFAULT_WINDOW)
                    for t in content.terms.get("finding", {}).values() for pattern in t.compose]
        return cls(phrases, patterns, exact, masks=[c.id for c in content.concepts.values() if c.mask],
                   finding_masks=[c.id for c in content.concepts.values() if c.mask_findings],
                   mask_keeps={c.id: c.keeps for c in content.concepts.values() if c.mask and c.keeps},
                   vague=content.vague,
                   parts={word for parts in content.vague_parts.values() for word in parts})


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The lexicon of the configured knowledge (the same the policies and actions read)."""
    from bot.engine.knowledge import knowledge

    content = knowledge().content
    assert content is not None
    return Lexicon.from_content(content)


@dataclass(frozen=True)
class PhraseTable:
    """Lay phrases by their lower-case tokens, each with its labels and canonical ids."""

    entries: dict[tuple[str, ...], tuple[tuple[str, str], ...]]
    lengths: tuple[int, ...]
    words: frozenset[str]  # every alphabetic word of the phrases: what the spelling normaliser corrects to

    @classmethod
    def build(cls, nlp: Language, patterns: Iterable[dict[str, str]]) -> PhraseTable:
        """Tokenise every pattern ({label, pattern, id}) with the pipeline's own tokenizer."""
        found: dict[tuple[str, ...], dict[tuple[str, str], None]] = {}
        patterns = list(patterns)
        for pattern in patterns:
            key = tuple(token.lower_ for token in nlp.tokenizer(pattern["pattern"]))
            if key:
                found.setdefault(key, {})[(pattern["label"], pattern["id"])] = None
        entries = {key: tuple(labels) for key, labels in found.items()}
        return cls(entries, tuple(sorted({len(key) for key in entries}, reverse=True)),
                   words_of(pattern["pattern"] for pattern in patterns))

    def spans(self, doc: Doc) -> list[Span]:
        """Every phrase found in the doc, overlaps included, sorted as spaCy sorts spans."""
        from spacy.tokens import Span

        lowered = [token.lower_ for token in doc]
        found = set()
        for start in range(len(lowered)):
            for length in self.lengths:
                labels = self.entries.get(tuple(lowered[start:start + length])) if start + length <= len(
                    lowered) else None
                for label, span_id in labels or ():
                    found.add(Span(doc, start, start + length, label=label, span_id=span_id))
        return sorted(found)  # type: ignore[type-var]  # spaCy spans order by offsets, then label and id


@dataclass(frozen=True)
class Compiled:
    """Everything the analyser needs besides the spaCy pipeline, for one knowledge version."""

    version: str
    lexicon: Lexicon
    phrases: PhraseTable
    concepts: ConceptMatcher
    speller: Speller
    format: int = FORMAT


def compile_lexicon(nlp: Language, lexicon: Lexicon, patterns: Iterable[dict[str, str]], version: str) -> Compiled:
    """Tokenise and index the vocabulary (seconds; done by the build, not at every start)."""
    patterns = list(patterns)
    tokenizer = nlp.tokenizer
    phrases = PhraseTable.build(nlp, patterns)
    concepts = ConceptMatcher(
        ((concept, [t.text for t in tokenizer(phrase)]) for concept, phrase in lexicon.concept_phrases),
        ((concept, [t.text for t in tokenizer(phrase)]) for concept, phrase in lexicon.exact_phrases),
        masks=lexicon.masks, keeps=lexicon.mask_keeps)
    concept_words = words_of(phrase for _, phrase in (*lexicon.concept_phrases, *lexicon.exact_phrases))
    region_words = words_of(p["pattern"] for p in patterns if p.get("label") == "REGION")
    short_targets = {w for w in region_words | SIDE_WORDS if len(w) == 4}
    return Compiled(version, lexicon, phrases, concepts, Speller(phrases.words | concept_words | SIDE_WORDS,
                                                                 short_targets=short_targets))


def save_compiled(compiled: Compiled, folder: Path) -> None:
    """Write next to the pipeline, atomically (a half-written file is never read)."""
    tmp = folder / (COMPILED_FILE + ".tmp")
    tmp.write_bytes(pickle.dumps(compiled, protocol=pickle.HIGHEST_PROTOCOL))
    tmp.replace(folder / COMPILED_FILE)


def load_compiled(folder: Path, version: str) -> Compiled | None:
    """The stored compilation for this knowledge version, or None (missing, stale or unreadable)."""
    path = folder / COMPILED_FILE
    if not path.exists():
        return None
    try:
        compiled = pickle.loads(path.read_bytes())
    except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        return None
    if not isinstance(compiled, Compiled) or compiled.format != FORMAT or compiled.version != version:
        return None
    return compiled
