"""Turn a message into mentions: regions with side, sensations, activities, red-flag findings,
intensity, duration and age, each with whether it is negated, hypothetical or about someone else.

The project's spaCy pipeline finds the phrases; medspaCy's ConText (run here in code, because its
components do not serialise into the saved pipeline) decides their clinical context. The Rasa NLU
component and `python -m bot assess` both call `extract_mentions`, so they never disagree.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from bot.engine.types import Mention
from bot.nlp.build import SPANS_KEY, pipeline_path
from bot.nlp.numbers import parse_age, parse_duration_days, parse_intensity
from bot.nlp.typos import Corrected, Speller, words_of
from bot.nlp.typos import correct as correct_typos

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

__all__ = ["MAX_CHARS", "TYPOS_KEY", "Analyser", "extract_mentions", "load_language", "mentions_from_text"]

TYPOS_KEY = "typo_corrections"  # doc.user_data key: the Corrected record (offsets back to what was typed)
MAX_CHARS = 2000  # longer messages are cut here: no real description of pain needs more
_KIND_BY_LABEL = {"REGION": "region", "SENSATION": "sensation", "ACTIVITY": "activity", "FINDING": "finding"}
_SIDE_WORDS = {"left": "left", "right": "right", "lft": "left", "rt": "right", "both": "both",
               "either": "both"}
_SIDE_PHRASE = re.compile(
    r"\b(?:on|in|down)\s+(?:the|my)\s+(left|right)\b|\b(left|right)[- ]?(?:hand\s+)?side\b|\bboth sides\b"
)

# Project additions to ConText's default rules: how people deny symptoms in chat.
_EXTRA_CONTEXT_RULES = [
    ("are normal", "NEGATED_EXISTENCE", "BACKWARD"),
    ("is normal", "NEGATED_EXISTENCE", "BACKWARD"),
    ("are fine", "NEGATED_EXISTENCE", "BACKWARD"),
    ("is fine", "NEGATED_EXISTENCE", "BACKWARD"),
    ("are ok", "NEGATED_EXISTENCE", "BACKWARD"),
    ("is ok", "NEGATED_EXISTENCE", "BACKWARD"),
    ("nothing like", "NEGATED_EXISTENCE", "FORWARD"),
    ("nothing", "NEGATED_EXISTENCE", "FORWARD"),
    ("never had", "NEGATED_EXISTENCE", "FORWARD"),
    ("never", "NEGATED_EXISTENCE", "FORWARD"),
    ("don't have", "NEGATED_EXISTENCE", "FORWARD"),
    ("dont have", "NEGATED_EXISTENCE", "FORWARD"),
    ("haven't got", "NEGATED_EXISTENCE", "FORWARD"),
    ("havent got", "NEGATED_EXISTENCE", "FORWARD"),
    ("haven't had", "NEGATED_EXISTENCE", "FORWARD"),
    ("havent had", "NEGATED_EXISTENCE", "FORWARD"),
    ("no sign of", "NEGATED_EXISTENCE", "FORWARD"),
    ("not", "NEGATED_EXISTENCE", "FORWARD"),
    ("nope", "NEGATED_EXISTENCE", "FORWARD"),
    ("in case", "HYPOTHETICAL", "FORWARD"),
    ("what if", "HYPOTHETICAL", "FORWARD"),
    ("worried about", "HYPOTHETICAL", "FORWARD"),
    ("my dad", "FAMILY", "FORWARD"),
    ("my mum", "FAMILY", "FORWARD"),
    ("my mom", "FAMILY", "FORWARD"),
    ("my wife", "FAMILY", "FORWARD"),
    ("my husband", "FAMILY", "FORWARD"),
    ("my partner", "FAMILY", "FORWARD"),
    ("my friend", "FAMILY", "FORWARD"),
    ("my son", "FAMILY", "FORWARD"),
    ("my daughter", "FAMILY", "FORWARD"),
]


class Analyser:
    """A loaded pipeline plus a ConText instance bound to it (built once per process)."""

    def __init__(self, nlp: Language):
        logging.getLogger("PyRuSH").setLevel(logging.WARNING)
        from medspacy.context import ConText, ConTextRule

        self.nlp = nlp
        self.context = ConText(nlp, input_span_type="group", span_group_name=SPANS_KEY)
        self.context.add([ConTextRule(literal, category, direction=direction)
                          for literal, category, direction in _EXTRA_CONTEXT_RULES])
        self.speller = Speller(_pattern_words(nlp))

    def analyse(self, text: str) -> Doc:
        """Correct slipped words ("sholder"), then find phrases and their context.

        The doc is of the corrected text; `doc.user_data[TYPOS_KEY]` maps offsets back to the original.
        """
        fixed = correct_typos(text, self.speller)
        doc = self.nlp(fixed.text)
        doc.user_data[TYPOS_KEY] = fixed
        return self.context(doc)


def _pattern_words(nlp: Language) -> frozenset[str]:
    """Every word of the span ruler's phrases: the vocabulary the spelling normaliser corrects to."""
    if "span_ruler" not in nlp.pipe_names:
        return frozenset()
    ruler: Any = nlp.get_pipe("span_ruler")
    return words_of(p["pattern"] for p in ruler.patterns if isinstance(p.get("pattern"), str))


def original_offsets(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Offsets in the corrected doc text mapped back onto what the person typed."""
    fixed = doc.user_data.get(TYPOS_KEY)
    return fixed.to_original(start, end) if isinstance(fixed, Corrected) else (start, end)


@lru_cache(maxsize=4)
def load_language(path: str | None = None) -> Analyser:
    """Load the project's pipeline once; build it first if it is missing."""
    target = Path(path) if path else pipeline_path()
    if not (target / "meta.json").exists():
        from bot.nlp.build import main as build_main

        build_main([])
    import spacy

    return Analyser(spacy.load(target))


def _context_flags(span: Span) -> tuple[bool, bool, bool]:
    """Negated / hypothetical / other person, ignoring modifiers inside the phrase itself.

    A finding such as "lying down doesn't help" carries its own "doesn't"; that word is part of
    the symptom, not a denial of it.
    """
    negated = hypothetical = other = False
    for modifier in getattr(span._, "modifiers", ()) or ():
        start, end = modifier.modifier_span
        if start < span.end and end > span.start:
            continue
        category = modifier.category.upper()
        if category.startswith("NEGATED"):
            negated = True
        elif category in {"HYPOTHETICAL", "POSSIBLE_EXISTENCE"}:
            hypothetical = True
        elif category == "FAMILY":
            other = True
    return negated, hypothetical, other


def _side_for(span: Span, doc: Doc) -> str | None:
    """Side words inside the phrase ("back of my right knee"), right before a region ("right
    temple") or shortly after ("neck, left side")."""
    for token in span:
        if token.lower_ in {"left", "right"}:
            return token.lower_
    for token in doc[max(span.start - 3, span.sent.start): span.start]:
        if token.lower_ in _SIDE_WORDS:
            return _SIDE_WORDS[token.lower_]
    after = doc[span.end: min(span.end + 6, span.sent.end)].text.lower()
    match = _SIDE_PHRASE.search(after)
    if match:
        return "both" if "both" in match.group(0) else (match.group(1) or match.group(2))
    for token in doc[span.end: min(span.end + 2, span.sent.end)]:
        if token.lower_ in {"left", "right"}:
            return token.lower_
    return None


def _longest_per_label(spans: Iterable[Span]) -> list[Span]:
    """Within one label the longest phrase wins ("back of my knee" is not also "knee" and
    "back"); across labels overlaps stay ("numb around my bottom" is a finding and a region), except
    that a sensation word inside a longer activity phrase is part of it ("carrying heavy bags")."""
    from spacy.util import filter_spans

    by_label: dict[str, list[Span]] = {}
    for span in spans:
        by_label.setdefault(span.label_, []).append(span)
    kept = [span for group in by_label.values() for span in filter_spans(group)]
    activities = [span for span in kept if span.label_ == "ACTIVITY"]
    kept = [span for span in kept if span.label_ != "SENSATION" or not any(
        a.start <= span.start and span.end <= a.end and len(a) > len(span) for a in activities)]
    return sorted(kept, key=lambda span: (span.start, span.end))


def _span_mentions(doc: Doc, sided_regions: set[str]) -> list[Mention]:
    mentions = []
    seen: set[tuple[str, str, int]] = set()
    for span in _longest_per_label(doc.spans.get(SPANS_KEY, [])):
        kind = _KIND_BY_LABEL.get(span.label_)
        if kind is None:
            continue
        key = (kind, span.id_, span.start)
        if key in seen:
            continue
        seen.add(key)
        negated, hypothetical, other = _context_flags(span)
        side = _side_for(span, doc) if kind == "region" and span.id_ in sided_regions else None
        mentions.append(Mention(kind=kind, value=span.id_, text=span.text, side=side,
                                negated=negated, hypothetical=hypothetical, other_person=other))
    return mentions


def _number_mentions(text: str, *, bare_intensity: bool) -> list[Mention]:
    mentions = []
    intensity = parse_intensity(text, bare_number_ok=bare_intensity)
    if intensity:
        mentions.append(Mention(kind="intensity", value=str(intensity[0]), text=intensity[1]))
    duration = parse_duration_days(text)
    if duration:
        mentions.append(Mention(kind="duration", value=f"{duration[0]:g}", text=duration[1]))
    age = parse_age(text)
    if age:
        mentions.append(Mention(kind="age", value=str(age[0]), text=age[1]))
    return mentions


def extract_mentions(doc: Doc, sided_regions: Iterable[str], *, bare_intensity: bool = False) -> list[Mention]:
    """Every mention in an analysed doc, spans first then numbers, in reading order."""
    return _span_mentions(doc, set(sided_regions)) + _number_mentions(doc.text, bare_intensity=bare_intensity)


def mentions_from_text(text: str, sided_regions: Iterable[str], *, bare_intensity: bool = False) -> list[Mention]:
    """Analyse raw text (cut to MAX_CHARS) and extract its mentions."""
    analyser = load_language()
    doc = analyser.analyse(text[:MAX_CHARS])
    return extract_mentions(doc, sided_regions, bare_intensity=bare_intensity)


def mention_to_dict(mention: Mention) -> dict[str, Any]:
    """JSON-safe form stored in the tracker's parse data."""
    return {
        "kind": mention.kind, "value": mention.value, "text": mention.text, "side": mention.side,
        "negated": mention.negated, "hypothetical": mention.hypothetical,
        "other_person": mention.other_person,
    }


def mention_from_dict(data: dict[str, Any]) -> Mention:
    """Inverse of mention_to_dict, tolerant of missing keys."""
    return Mention(
        kind=str(data.get("kind", "")), value=str(data.get("value", "")),
        text=str(data.get("text", "")), side=data.get("side"),
        negated=bool(data.get("negated")), hypothetical=bool(data.get("hypothetical")),
        other_person=bool(data.get("other_person")),
    )
