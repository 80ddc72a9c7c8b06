"""The tiny phrase syntax used in the vocabulary files.

`{a|b|}` stands for each alternative in turn, the empty one meaning "nothing", so
"behind {my|the|} eye" covers "behind my eye", "behind the eye" and "behind eye". Content editors
write one line instead of a dozen, and every variant is still an exact, reviewable phrase.
"""

from __future__ import annotations

import itertools
import re

__all__ = ["MAX_VARIANTS", "expand", "variant_count"]

MAX_VARIANTS = 2048  # a phrase with more is an error in `python -m kb check`: split it, never cut it
_GROUP = re.compile(r"\{([^{}]*)\}")


def variant_count(phrase: str) -> int:
    """How many combinations a phrase's groups make (before duplicates are dropped)."""
    count = 1
    for body in _GROUP.findall(phrase):
        count *= len(body.split("|"))
    return count


def expand(phrase: str) -> list[str]:
    """All variants of a phrase, lower case, single-spaced, in a stable order."""
    parts = _GROUP.split(phrase.lower())
    # split() alternates literal text and group bodies: literal, group, literal, group, ...
    choices = [[part] if index % 2 == 0 else part.split("|") for index, part in enumerate(parts)]
    variants: list[str] = []
    for combo in itertools.islice(itertools.product(*choices), MAX_VARIANTS):
        text = " ".join("".join(combo).split())
        if text and text not in variants:
            variants.append(text)
    return variants
