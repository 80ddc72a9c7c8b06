"""The compiled vocabulary: the phrase table finds exactly what spaCy's span ruler found, and a stored
compilation is used only for the knowledge version it was built from."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.nlp.build import SPANS_KEY, pipeline_patterns
from bot.nlp.compiled import Compiled, PhraseTable, compile_lexicon, load_compiled, save_compiled

TEXTS = [
    "sharp pain in the back of my left knee when I climb stairs",
    "numb around my bottom and I can't feel the loo roll",
    "My neck. Left side. Worse at the end of the day, about a 6/10",
    "headache over my right temple, throbbing, since monday; worse at the computer",
    "the pain goes down my arm into my fingers and my hand feels weak",
    "no numbness, no fever, just a dull ache between my shoulder blades",
]


@pytest.fixture(scope="module")
def nlp_and_patterns(knowledge):  # type: ignore[no-untyped-def]
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    patterns = pipeline_patterns(knowledge.content)
    wanted = {word for text in TEXTS for word in re.findall(r"[\w'/]+", text.lower())}
    # the patterns that could match these texts, plus a few hundred others: enough to compare, quick to build
    subset = [p for p in patterns if set(p["pattern"].split()) <= wanted] + patterns[:300]
    return nlp, subset


def test_the_phrase_table_finds_what_the_span_ruler_found(nlp_and_patterns) -> None:  # type: ignore[no-untyped-def]
    nlp, patterns = nlp_and_patterns
    ruler_nlp = __import__("spacy").blank("en")
    ruler_nlp.add_pipe("sentencizer")
    ruler = ruler_nlp.add_pipe("span_ruler", config={"spans_key": SPANS_KEY, "phrase_matcher_attr": "LOWER",
                                                     "spans_filter": None})
    ruler.add_patterns(patterns)
    table = PhraseTable.build(nlp, patterns)
    for text in TEXTS:
        ruled, doc = ruler_nlp(text), nlp(text)
        expected = [(s.start, s.end, s.label_, s.id_) for s in ruled.spans[SPANS_KEY]]
        found = [(s.start, s.end, s.label_, s.id_) for s in table.spans(doc)]
        assert found == expected, text
        assert expected, f"the comparison needs matches: {text}"


def test_a_stored_compilation_is_used_only_for_its_knowledge_version(
        nlp_and_patterns, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from bot.nlp.compiled import default_lexicon

    nlp, patterns = nlp_and_patterns
    compiled = compile_lexicon(nlp, default_lexicon(), patterns[:50], version="v1")
    save_compiled(compiled, tmp_path)
    loaded = load_compiled(tmp_path, "v1")
    assert isinstance(loaded, Compiled) and loaded.phrases == compiled.phrases
    assert load_compiled(tmp_path, "v2") is None
    (tmp_path / "compiled.pickle").write_bytes(b"not a pickle")
    assert load_compiled(tmp_path, "v1") is None
