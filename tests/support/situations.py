"""A dialogue situation for tests of `bot.dialogue.decide`: the words, the intent heard and the state."""

from __future__ import annotations

from bot.dialogue.decide import Situation


def said(text: str, intent: str = "describe", confidence: float = 0.9, **state: object) -> Situation:
    """What the person said, as the classifier heard it, in the given dialogue state."""
    return Situation(text=text, intent=intent, confidence=confidence, **state)  # type: ignore[arg-type]
