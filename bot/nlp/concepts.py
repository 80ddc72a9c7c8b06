"""Concepts and the findings composed from them: how the red-flag layer reads words it was never shown.

People describe one finding a hundred ways ("can't feel the loo roll", "numb down there", "my bum has
gone dead"). Listing every sentence does not generalise, so the vocabulary names *concepts* (a loss of
feeling; the saddle area; the bladder; a failure to work) with their words, and a finding is a
combination of concepts in one clause (loss of feeling + saddle area = saddle numbness), whatever
the order and whatever else sits between them. Words are compared by their Snowball stem after
contractions are spelled out and filler adverbs are dropped, so "numbness", "numbed" and "can't
really feel" meet "numb" and "can't feel".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable, Mapping, Sequence

__all__ = ["CLAUSE_BREAKS", "ComposedFinding", "ConceptHit", "ConceptMatcher", "compose", "normalise"]

# Contractions as spaCy splits them ("can't" -> "ca" + "n't") and as people type them ("cant").
_SPELLED_OUT = {"n't": "not", "nt": "not", "ca": "can", "wo": "will", "'m": "am", "'re": "are", "'ve": "have",
                "'ll": "will", "'d": "would", "cannot": "can not", "cant": "can not", "dont": "do not",
                "didnt": "did not", "doesnt": "does not", "wont": "will not", "isnt": "is not", "im": "i am",
                "ive": "i have", "wasnt": "was not", "couldnt": "could not", "havent": "have not",
                "aint": "is not", "u": "you", "ur": "your", "n": "and",
                # Scots "-nae" forms ("cannae lift it", "dinnae ken")
                "cannae": "can not", "dinnae": "do not", "didnae": "did not", "couldnae": "could not",
                "wouldnae": "would not", "willnae": "will not", "wasnae": "was not", "isnae": "is not",
                "havnae": "have not",
                # Scots spellings of the small words a finding's phrase is made of ("aboot twenty minutes",
                # "gaun doon ma left airm", "roon ma chest"): read as the words they spell, for the concepts only
                "aboot": "about", "oot": "out", "doon": "down", "roon": "round", "airm": "arm", "airms": "arms",
                "heid": "head", "ma": "my", "wis": "was", "gaun": "going", "fur": "for",
                # round 15: "like bein hit wi a bat" (Scots "wi" is "with"; only the concepts read it so, the readers of
                # numbers keep "a wi say 6" as "I would say")
                "wi": "with", "bein": "being", "hame": "home", "heidache": "headache"}
# Intensifiers that sit inside a phrase without changing it ("can't REALLY feel", "PROPERLY numb"); the text
# is matched with and without them.
FILLERS = frozenset({"really", "properly", "quite", "very", "just", "even", "totally", "fully", "completely",
                     "kinda", "sorta", "actually", "literally", "slightly", "somewhat",
                     "jist", "awfy", "gey", "pure"})  # Scots: "jist sittin", "awfy tight", "gey sore", "pure agony"
# Two-word intensifiers, skipped in what people write ("feeling A BIT off", "A LITTLE numb").
FILLER_PAIRS = frozenset({("a", "bit"), ("a", "little"), ("bit", "of"), ("kind", "of"), ("sort", "of")})


def _in_filler_pair(words: Sequence[str], index: int) -> bool:
    pair_after = tuple(words[index:index + 2])
    pair_before = tuple(words[index - 1:index + 1]) if index else ()
    return pair_after in FILLER_PAIRS or pair_before in FILLER_PAIRS


# A comma followed by one of these starts a new clause ("my teeth at the bottom ache, and my jaw feels tight").
NEW_SUBJECT = frozenset({"and", "but", "then", "so", "i", "i'm", "im", "it", "it's", "its", "my", "me", "she", "he",
                         "they", "there", "this", "that", "now", "also", "plus", "which", "when", "today",
                         "yesterday",
                         # a clause whose "I" is left out ("it's gone numb, can't wiggle my toes"): its "not" is its
                         # own, and denies nothing composed across the comma
                         "ca", "can", "cannot", "cant", "could", "couldnt", "wo", "wont", "do", "dont", "did", "didnt"})
# Words that end a clause for composition: facts on either side are about different things.
CLAUSE_BREAKS = frozenset({"but", "however", "though", "although", "whereas", "except", "yet", ";",
                           "otherwise", "apart", "besides", "?"})
# "do you mean ...", "did you mean ...": the person asks what the bot meant; a clause of its own
_ASKED_BACK = frozenset({"do", "did", "does"})
DEFAULT_WINDOW = 12  # tokens from the first to the last concept of a composed finding


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    import snowballstemmer

    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=8192)
def normalise(word: str) -> tuple[str, ...]:
    """One typed token as the stems it stands for ("cant" -> ("can", "not"); "numbness" -> ("numb",))."""
    low = word.lower().replace("\u2019", "'")
    spelled = _SPELLED_OUT.get(low, low)
    parts = spelled.split()
    out = []
    for part in parts:
        part = part.strip("'")
        if not part:
            continue
        out.append(_stemmer().stemWord(part) if re.fullmatch(r"[a-z]+", part) else part)
    return tuple(out)


def _stream(words: Sequence[str], *, drop_fillers: bool = True) -> list[tuple[str, int]]:
    """(stem, index of the typed token) for every stem, fillers dropped from what people write."""
    stream = []
    lowered = [w.lower() for w in words]
    for index, word in enumerate(words):
        if drop_fillers and (lowered[index] in FILLERS or _in_filler_pair(lowered, index)):
            continue
        for stem in normalise(word):
            stream.append((stem, index))
    return stream


@dataclass(frozen=True)
class ConceptHit:
    """A concept found at tokens [start, end) of the doc."""

    concept: str
    start: int
    end: int


@dataclass(frozen=True)
class ComposedFinding:
    """A finding made of concepts in one clause, at tokens [start, end), with the hits that made it."""

    finding: str
    start: int
    end: int
    hits: tuple[ConceptHit, ...]


class ConceptMatcher:
    """Finds concepts in a token sequence by their stemmed phrases (longest phrase first).

    Exact phrases are compared word for word instead, where a stem would lose the meaning: "legs"
    (both legs) and "leg" (one) share the stem "leg".
    """

    def __init__(self, phrases: Iterable[tuple[str, Sequence[str]]],
                 exact: Iterable[tuple[str, Sequence[str]]] = (), masks: Iterable[str] = (),
                 keeps: Mapping[str, Iterable[str]] | None = None):
        """`phrases`, `exact`: (concept id, the phrase's tokens as the pipeline's tokenizer splits them).

        `masks`: concepts that only exist to hide others: a hit inside a mask's hit is dropped ("worse
        when I sit" is when it hurts more, not a pain that keeps getting worse).
        `keeps`: for a mask, the concepts it leaves readable because they are what its words truly say
        ("bench press" is no pressing chest pain, and still a workout that strains the chest wall).
        """
        self._masks = frozenset(masks)
        self._keeps = {mask: frozenset(kept) for mask, kept in (keeps or {}).items()}
        self._table: dict[tuple[str, ...], set[str]] = {}
        for concept, tokens in phrases:
            key = tuple(stem for stem, _ in _stream(tokens, drop_fillers=False))
            if key:
                self._table.setdefault(key, set()).add(concept)
        self._exact: dict[tuple[str, ...], set[str]] = {}
        for concept, tokens in exact:
            self._exact.setdefault(tuple(t.lower() for t in tokens), set()).add(concept)
        self._longest = max((len(k) for k in self._table), default=0)
        self._longest_exact = max((len(k) for k in self._exact), default=0)

    @property
    def words(self) -> frozenset[str]:
        """Every stem the matcher knows (for diagnostics)."""
        return frozenset(stem for key in self._table for stem in key)

    def find(self, words: Sequence[str]) -> list[ConceptHit]:
        """All concept hits; at each position the longest phrase of each concept wins."""
        return self.find_with_masks(words)[0]

    def find_with_masks(self, words: Sequence[str]) -> tuple[list[ConceptHit], list[ConceptHit]]:
        """The concept hits, and the mask hits that hid others ("hay fever" hides "fever").

        The text is read twice, without and with its intensifiers, so "can't even feel" meets "can't
        feel" and "even lying down" still meets a phrase that needs its "even". The masks are returned
        too, so the phrase findings found elsewhere can be hidden by them as well.
        """
        hits: dict[tuple[str, int], ConceptHit] = {}
        for stream in (_stream(words), _stream(words, drop_fillers=False)):
            self._match(stream, hits)
        lowered = [w.lower() for w in words]
        for i in range(len(lowered)):
            for length in range(min(self._longest_exact, len(lowered) - i), 0, -1):
                for concept in self._exact.get(tuple(lowered[i:i + length]), ()):
                    key = (concept, i)
                    if key not in hits or hits[key].end < i + length:
                        hits[key] = ConceptHit(concept, i, i + length)
        kept = sorted(hits.values(), key=lambda h: (h.start, -h.end, h.concept))
        masks = [h for h in kept if h.concept in self._masks]
        kept = [h for h in kept if h.concept not in self._masks
                and not any(m.start <= h.start and h.end <= m.end and h.concept not in self._keeps.get(m.concept, ())
                            for m in masks)]
        # a hit inside a longer hit of the same concept adds nothing ("can't feel" inside "can't feel anything")
        return [h for h in kept if not any(o.concept == h.concept and o is not h and o.start <= h.start
                                           and h.end <= o.end and (o.end - o.start) > (h.end - h.start)
                                           for o in kept)], masks

    def _match(self, stream: list[tuple[str, int]], hits: dict[tuple[str, int], ConceptHit]) -> None:
        stems = [s for s, _ in stream]
        for i in range(len(stream)):
            for length in range(min(self._longest, len(stream) - i), 0, -1):
                concepts = self._table.get(tuple(stems[i:i + length]))
                if not concepts:
                    continue
                start, end = stream[i][1], stream[i + length - 1][1] + 1
                for concept in concepts:
                    key = (concept, start)
                    if key not in hits or hits[key].end < end:
                        hits[key] = ConceptHit(concept, start, end)


# A clause fronted by one of these ("only when I've been sitting a while, I get a funny feeling") says when the next
# one holds: the comma after it opens no new fact, so the two are one clause ("when" is the scope of "I get ...").
_FRONTED = frozenset({"when", "whenever", "once", "while"})
_FRONTED_AFTER = frozenset({"only", "but", "and", "just"})


def _fronted_clause(words: Sequence[str], first: int, comma: int) -> bool:
    """Whether the clause from `first` to the comma at `comma` opens with "(only) when/whenever/once/while"."""
    head = [w.lower() for w in words[first:comma] if w not in {",", ";", "-"}][:2]
    return bool(head) and (head[0] in _FRONTED or (len(head) > 1 and head[0] in _FRONTED_AFTER and head[1] in _FRONTED))


def clause_ids(words: Sequence[str], sentence_starts: Iterable[int]) -> list[int]:
    """A clause number for every token: a new clause at each sentence and at each clause break word."""
    starts = set(sentence_starts)
    ids, current, first = [], 0, 0
    for index, word in enumerate(words):
        low = word.lower()
        if index in starts and index:
            current += 1
            first = index
        after_comma = low in NEW_SUBJECT and index and words[index - 1] in {",", ";", "-"}
        if after_comma and low not in CLAUSE_BREAKS and _fronted_clause(words, first, index - 1):
            first = index  # the main clause the fronted one scopes: same clause, and only this once
        elif low in CLAUSE_BREAKS or after_comma:
            current += 1
            first = index
        elif low in _ASKED_BACK and [w.lower() for w in words[index + 1:index + 3]] == ["you", "mean"]:
            current += 1  # "numb how, or do you mean the waterworks?": the word asked back stands apart
            first = index
        ids.append(current)
    return ids


def _best_combination(groups: list[list[ConceptHit]], window: int) -> tuple[ConceptHit, ...] | None:
    """The tightest choice of one hit per concept, if it fits in the window."""
    best: tuple[ConceptHit, ...] | None = None
    best_width = window + 1
    for anchor in groups[0]:
        chosen = [anchor]
        for group in groups[1:]:
            # the nearest hit on words of its own: "red, hot" is two signs even though "hot" is also red-ish
            own = [h for h in group if all((h.start, h.end) != (c.start, c.end) for c in chosen)] or group
            nearest = min(own, key=lambda h: abs(h.start - anchor.start))
            chosen.append(nearest)
        width = max(h.end for h in chosen) - min(h.start for h in chosen)
        distinct = len({(h.start, h.end) for h in chosen}) == len(chosen) or len(chosen) == 1
        if width <= window and width < best_width and distinct:
            best, best_width = tuple(chosen), width
    return best


def compose(
    hits: Sequence[ConceptHit],
    clauses: Sequence[int],
    patterns: Iterable[tuple[str, Sequence[str], int]],
) -> list[ComposedFinding]:
    """Findings whose concepts all appear in one clause within the pattern's window.

    `patterns`: (finding id, the concepts it needs, window in tokens).
    """
    found: list[ComposedFinding] = []
    by_clause: dict[int, list[ConceptHit]] = {}
    for hit in hits:
        by_clause.setdefault(clauses[hit.start], []).append(hit)
    for finding, needed, window in patterns:
        for clause_hits in by_clause.values():
            groups = [[h for h in clause_hits if h.concept == concept] for concept in needed]
            if not all(groups):
                continue
            chosen = _best_combination(groups, window)
            if chosen is None:
                continue
            start, end = min(h.start for h in chosen), max(h.end for h in chosen)
            if not any(f.finding == finding and f.start == start for f in found):
                found.append(ComposedFinding(finding, start, end, chosen))
    return found
