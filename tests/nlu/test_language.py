"""Non-English detection: clear foreign messages are named, English (however misspelt) never is."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from bot.nlp.language import is_probably_not_english

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("text", "language"), [
    ("me duele la espalda desde hace una semana", "Spanish"),
    ("j'ai mal au dos depuis lundi", "French"),
    ("ich habe seit Tagen Rückenschmerzen", "German"),
    ("Mi fa male la schiena da una settimana", "Italian"),
    ("estou com dor nas costas há três dias", "Portuguese"),
    ("ik heb al een week pijn in mijn rug", "Dutch"),
    ("boli mnie kręgosłup od tygodnia", "Polish"),
    ("Tengo dolor de cabeza todos los días", "Spanish"),
    ("J'ai une douleur à l'épaule gauche", "French"),
    ("Mein Nacken tut weh", "German"),
])
def test_clear_foreign_messages_are_flagged(text: str, language: str) -> None:
    assert is_probably_not_english(text) == language


@pytest.mark.parametrize("text", [
    "me back hurts",
    "my nek is sore",
    "lwr back pain 6/10 for 3 days",
    "hed ache evry day behind my eyes",
    "my sholder is aching when i sleep on it",
    "no numbness or tingling at all",
    "de quervain's in my wrist",
    "I drove to Los Angeles and my back hurts",
    "pain in my arm, been a week",
    "come on, what is it",
    "hola",            # one word is not enough evidence
    "ciao",
    "",
    "😭😭",
    "7/10",
    "I'm a 45 year old male with a sore knee",
    "ok",
])
def test_english_and_too_little_evidence_are_not_flagged(text: str) -> None:
    assert is_probably_not_english(text) is None


NLU_FILES = [*sorted((ROOT / "data" / "nlu").glob("*.yml")), ROOT / "tests" / "nlu" / "heldout.yml"]


def _examples(paths: list[Path], *, non_english: bool) -> list[str]:
    """Plain texts of the examples of the non_english intent, or of every other intent."""
    texts = []
    for path in paths:
        for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []):
            if (block.get("intent") == "non_english") != non_english:
                continue
            for line in str(block.get("examples", "")).splitlines():
                line = line.strip()
                if line.startswith("- "):
                    texts.append(re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line[2:]))
    return texts


def test_no_english_training_or_heldout_message_is_flagged() -> None:
    texts = _examples(NLU_FILES, non_english=False)
    assert len(texts) > 500
    flagged = [(text, lang) for text in texts if (lang := is_probably_not_english(text))]
    assert flagged == []


def test_every_non_english_training_and_heldout_example_is_flagged() -> None:
    texts = _examples(NLU_FILES, non_english=True)
    assert len(texts) >= 30
    assert texts and all(is_probably_not_english(text) for text in texts), [
        t for t in texts if not is_probably_not_english(t)]


def _normalised(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def test_no_heldout_message_is_in_the_training_data() -> None:
    training = {_normalised(t) for nl in (False, True) for t in _examples(sorted((ROOT / "data" / "nlu").glob("*.yml")),
                                                                          non_english=nl)}
    heldout = [ROOT / "tests" / "nlu" / "heldout.yml", ROOT / "tests" / "nlu" / "heldout_fresh.yml"]
    leaked = [t for nl in (False, True) for t in _examples(heldout, non_english=nl) if _normalised(t) in training]
    assert leaked == []
