"""Pure parsers for the numeric facts people give: intensity 0-10 and age (durations: durations.py).

Kept apart from spaCy so they are trivially testable and shared by the bot and the CLI.
"""

from __future__ import annotations

import re

__all__ = ["NUMBER_PATTERN", "parse_age", "parse_intensity", "word_number"]

_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a": 1, "an": 1,
    "a couple of": 2, "couple of": 2, "a couple": 2, "couple": 2, "a few": 3, "few": 3,
    "several": 4, "a fortnight": 14, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
    "forty-five": 45, "fifty": 50, "sixty": 60, "ninety": 90,
}
_NUM = (r"(\d{1,3}(?:\.\d)?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
        r"twenty|thirty|forty-five|forty|fifty|sixty|ninety)")
NUMBER_PATTERN = _NUM  # a number in digits or words, shared with durations.py
_SEVERITY = {"mild": 3, "slight": 2, "moderate": 5, "medium": 5, "severe": 8, "excruciating": 9,
             "unbearable": 9, "agonising": 9, "agonizing": 9}


def word_number(token: str) -> float | None:
    """'six' -> 6, '7' -> 7, anything else -> None."""
    token = token.strip().lower()
    if token in _WORDS:
        return float(_WORDS[token])
    try:
        return float(token)
    except ValueError:
        return None


def parse_intensity(text: str, *, bare_number_ok: bool = False) -> tuple[int, str] | None:
    """The 0-10 intensity and the words that gave it, or None.

    `bare_number_ok` lets a lone "7" count when the bot has just asked for a number.
    """
    low = text.lower()
    patterns = [
        rf"{_NUM}\s*(?:/|out of|outta|of)\s*(?:10|ten)\b",
        rf"\b(?:about|around|like|maybe|roughly|a|an|at)\s+(?:a\s+|an\s+)?{_NUM}\s*(?:ish)?\b(?=\s*(?:$|[,.!]|\s+(?:on|i|and|but|today|now|at)\b))",
        rf"\b(?:rate|rated|rating|score|level)\s+(?:it\s+|of\s+|is\s+)?(?:a\s+|an\s+|at\s+)?{_NUM}\b",
    ]
    for pattern in patterns:
        match = re.search(pattern, low)
        if match:
            value = word_number(match.group(1))
            if value is not None and 0 <= value <= 10:
                return round(value), match.group(0).strip()
    if bare_number_ok:
        match = re.fullmatch(rf"\s*(?:a\s+|an\s+)?{_NUM}\s*[.!]?\s*", low) or re.match(
            rf"\s*(?:(?:abt|about|around|maybe|like|prob|probably)\s+)?(?:a\s+|an\s+)?{_NUM}"
            rf"(?:\s+(?:or|to|-)\s+{_NUM})?(?=\s*(?:$|[,.!?]|\s+(?:maybe|tbh|i think|probably|i guess|honestly)\b))",
            low)
        if match:
            value = word_number(match.group(1))
            if value is not None and 0 <= value <= 10:
                return round(value), match.group(0).strip()
    for word, value in _SEVERITY.items():
        if re.search(rf"\b{word}\b", low):
            return value, word
    return None


_DECADES = {"twenties": 25, "thirties": 35, "forties": 45, "fifties": 55, "sixties": 65, "seventies": 75,
            "eighties": 85, "nineties": 95, "20s": 25, "30s": 35, "40s": 45, "50s": 55, "60s": 65, "70s": 75,
            "80s": 85, "90s": 95}


def parse_age(text: str) -> tuple[int, str] | None:
    """The person's stated age ("I'm 74", "74 years old", "aged 74", "58, male", "in my seventies")."""
    low = text.lower()
    patterns = [
        r"\b(\d{1,3})\s*(?:years?|yrs?|y/?o)\s*old\b",
        r"\b(\d{1,3})\s*(?:yo|y/o|yrs? old)\b",
        r"\baged?\s*(\d{1,3})\b",
        r"\b(?:i'?m|i am|im)\s+(?:now\s+|nearly\s+|almost\s+)?(\d{1,3})\b(?!\s*(?:/|out of|%|kg|lbs?|cm|weeks?|days?|"
        r"months?|minutes?|hours?|stone|st\b|weeks? pregnant))",
        r"^\s*(\d{2})\s*(?:,|m\b|f\b|male\b|female\b|yr\b)",  # "58, diabetic, back pain since ..."
        r"\b(?:as an?|being an?)\s+(\d{2})\s*(?:year|yr)",
        r"\b(\d{2,3})\s+(?:at\s+|on\s+|as of\s+)?(?:my\s+)?last\s+birthday\b",  # "pensioner, 73 last birthday"
        r"\b(?:i|i've|ive|i have|just)\s+(?:just\s+)?turned\s+(\d{2,3})\b(?!\s*(?:degrees|°|%|minutes?|times?))",
    ]
    for pattern in patterns:
        match = re.search(pattern, low)
        if match:
            age = int(match.group(1))
            if 1 <= age <= 115:
                return age, match.group(0)
    decade = re.search(r"\b(?:in (?:my|her|his) |i'?m in my )(twenties|thirties|forties|fifties|sixties|seventies|"
                       r"eighties|nineties|[2-9]0s)\b", low)
    if decade:
        return _DECADES[decade.group(1)], decade.group(0)
    return None
