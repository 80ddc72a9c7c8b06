"""Pure parsers for the numeric facts people give: intensity 0-10, how long, and age.

Kept apart from spaCy so they are trivially testable and shared by the bot and the CLI.
"""

from __future__ import annotations

import re

__all__ = ["parse_age", "parse_duration_days", "parse_intensity", "word_number"]

_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a": 1, "an": 1,
    "a couple of": 2, "couple of": 2, "a couple": 2, "couple": 2, "a few": 3, "few": 3,
    "several": 4, "a fortnight": 14, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
    "forty-five": 45, "fifty": 50, "sixty": 60, "ninety": 90,
}
_NUM = (r"(\d{1,3}(?:\.\d)?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
        r"twenty|thirty|forty-five|forty|fifty|sixty|ninety)")
_UNIT_DAYS = {"minute": 1 / 1440, "min": 1 / 1440, "hour": 1 / 24, "hr": 1 / 24, "day": 1.0,
              "night": 1.0, "week": 7.0, "wk": 7.0, "fortnight": 14.0, "month": 30.0,
              "year": 365.0, "yr": 365.0}
_WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|wed|thurs|fri|sat|sun"
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


def parse_duration_days(text: str) -> tuple[float, str] | None:
    """How long the pain has lasted, in days, and the words that said so."""
    low = text.lower()
    quantity = rf"(?:{_NUM}|a couple of|couple of|a couple|a few|few|several|a|an)"
    match = re.search(
        rf"(?<!after )(?<!in )(?<!per )(?<!all )(?<!each )(?<!every )(?<!a )"
        rf"\b{quantity}\s*(?:more\s+)?(minute|min|hour|hr|day|night|week|wk|fortnight|month|year|yr)s?\b(?:\s+ago\b)?",
        low,
    )
    if match:
        head = match.group(0)
        amount_text = head[: head.rfind(match.group(2))].strip()
        amount = word_number(amount_text) or 1.0
        return amount * _UNIT_DAYS[match.group(2)], head
    fixed = [
        (r"\bfor (?:ages|years)\b|\bfor a long time\b", 730.0),
        (r"\bsince (?:last )?(?:" + _WEEKDAYS + r")\b", 4.0),
        (r"\bsince (?:last|this|the) week(?:end)?\b|\blast week\b", 7.0),
        (r"\bsince (?:january|february|march|april|may|june|july|august|september|october|november|december"
         r"|christmas|new year|easter|the summer|the spring|the autumn|the fall|the winter)\b", 90.0),
        (r"\bsince last month\b|\blast month\b", 30.0),
        (r"\bsince last year\b|\blast year\b", 365.0),
        (r"\bsince yesterday\b|\byesterday\b|\blast night\b", 1.0),
        (r"\bthis morning\b|\btoday\b|\btonight\b|\bjust now\b", 0.3),
        (r"\bfor months\b", 120.0),
        (r"\bfor weeks\b", 21.0),
        (r"\bfor days\b", 4.0),
    ]
    for pattern, days in fixed:
        found = re.search(pattern, low)
        if found:
            return days, found.group(0)
    return None


def parse_age(text: str) -> tuple[int, str] | None:
    """The person's stated age ("I'm 74", "74 years old", "aged 74")."""
    low = text.lower()
    patterns = [
        r"\b(\d{1,3})\s*(?:years?|yrs?|y/?o)\s*old\b",
        r"\b(\d{1,3})\s*(?:yo|y/o|yrs? old)\b",
        r"\baged?\s*(\d{1,3})\b",
        r"\b(?:i'?m|i am|im)\s+(\d{1,3})\b(?!\s*(?:/|out of|%|kg|lbs?|cm|weeks?|days?|months?|minutes?|hours?))",
    ]
    for pattern in patterns:
        match = re.search(pattern, low)
        if match:
            age = int(match.group(1))
            if 1 <= age <= 115:
                return age, match.group(0)
    return None
