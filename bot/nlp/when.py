"""When a person wants the next check-in: "after the 15th of December", "till next Monday", "in 3 weeks".

Durations (bot/nlp/durations.py) look back at how long a pain has lasted; this looks forward, so a
request to move or start the check-ins later lands on the day asked for instead of a week from now.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from bot.nlp.durations import calendar_today

__all__ = ["requested_checkin_days", "return_day_days"]

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "couple of": 2,
                 "a couple of": 2, "few": 3, "a few": 3}
_UNIT_DAYS = {"day": 1, "week": 7, "wk": 7, "month": 30}

_MONTH = r"(?P<month>" + "|".join(m[:3] + r"[a-z]*" for m in _MONTHS) + r")"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_CALENDAR = (re.compile(rf"\b(?P<after>after|past|from)?\s*(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}\b"),
             re.compile(rf"\b(?P<after>after|past|from)?\s*{_MONTH}\s+(?:the\s+)?{_DAY}\b"))
_ORDINAL_ONLY = re.compile(r"\b(?P<after>after|past|from)?\s*the\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)\b")
_WEEKDAY = re.compile(r"\b(?P<name>" + "|".join(_WEEKDAYS) + r")\b")
# "mon 14th", "Thursday the 10th": the day of the month says the date, the weekday only describes it
_WEEKDAY_WORD = r"(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)[a-z]*"
_WEEKDAY_AND_DAY = re.compile(rf"\b(?P<after>after|past|from)?\s*{_WEEKDAY_WORD}\.?\s+(?:the\s+)?{_DAY}"
                              r"(?!\s*(?:am|pm|:))\b")
# the day someone is back ("away Thursday for two weeks, back on the 17th"): when to check in again
_RETURN_BEFORE = re.compile(r"\b(?:back|return\w*|home|until|till|til|untill)(?:\s+(?:on|from|by))?(?:\s+next)?$")
_SPAN = re.compile(r"\b(?:in|for|after|another|away|gone|back in)\s+(?P<count>\d{1,2}|a couple of|couple of|a few|few|"
                   r"an?|one|two|three|four|five|six)\s+(?P<unit>days?|weeks?|wks?|months?)\b")
# "not this week, could you check in the week after instead?": the week after this one
_NEXT_WEEK = re.compile(r"\bnext (?:week|wk)\b(?! after)|\bin a week\b|\bthe (?:week|wk) after\b(?! next)")
_FORTNIGHT = re.compile(r"\b(?:in a|a) fortnight\b|\bthe (?:week|wk) after next\b")
_TOMORROW = re.compile(r"\btomorrow\b|\btmrw\b|\btmr\b")


def requested_checkin_days(text: str, today: date | None = None) -> float | None:
    """Days from today until the check-in the person asks for, or None when no day is named.

    The first day named is the request ("leave the first one till next Monday? we're away till Sunday"),
    unless another is the day they are back ("we fly Thursday, back on the 17th"); "after the 15th" means
    the day after it.
    """
    found, back = _days_named(text, today or calendar_today())
    return min(back or found)[1] if found else None


def return_day_days(text: str, today: date | None = None) -> float | None:
    """Days until the day the person says they are back ("pause them, home on the 12th"), or None: a pause
    "until I tell you" or "for my operation on Wednesday" names no day to come back to."""
    _found, back = _days_named(text, today or calendar_today())
    return min(back)[1] if back else None


def _days_named(text: str, today: date) -> tuple[list[tuple[int, float]], list[tuple[int, float]]]:
    """Every day named (where in the text, days from today), and those said as the day of return."""
    low = text.lower().replace("\u2019", "'")
    found: list[tuple[int, float]] = []
    for match in (m for pattern in _CALENDAR for m in pattern.finditer(low)):
        month = next(i for i, name in enumerate(_MONTHS, 1) if match.group("month").startswith(name[:3]))
        days = _days_until_date(today, month, int(match.group("day")), bool(match.group("after")))
        if days is not None:
            found.append((match.start(), days))
    for match in _WEEKDAY_AND_DAY.finditer(low):
        days = _days_until_day_of_month(today, int(match.group("day")), bool(match.group("after")))
        if days is not None:
            found.append((match.start(), days))
    if not found:
        for match in _ORDINAL_ONLY.finditer(low):
            days = _days_until_day_of_month(today, int(match.group("day")), bool(match.group("after")))
            if days is not None:
                found.append((match.start(), days))
    for match in _WEEKDAY.finditer(low):
        if any(start <= match.start() < start + 12 for start, _ in found):
            continue  # the weekday of "Thursday the 10th", already read with its date
        if re.search(r"\b(?:last|since|past)\s+$", low[:match.start()]):
            continue  # "I was here last Monday": a day gone by
        ahead = (_WEEKDAYS.index(match.group("name")) - today.weekday()) % 7 or 7
        found.append((match.start(), float(ahead)))
    for match in _SPAN.finditer(low):
        count = match.group("count")
        number = int(count) if count.isdigit() else _NUMBER_WORDS[count]
        found.append((match.start(), float(number * _UNIT_DAYS[match.group("unit").rstrip("s")])))
    for pattern, days in ((_NEXT_WEEK, 7.0), (_FORTNIGHT, 14.0), (_TOMORROW, 1.0)):
        found += [(match.start(), days) for match in pattern.finditer(low)]
    return found, [(start, days) for start, days in found if _RETURN_BEFORE.search(low[:start].rstrip())]


def _days_until_date(today: date, month: int, day: int, after: bool) -> float | None:
    """The next such date, this year or next."""
    return _days_until(today, [(today.year, month), (today.year + 1, month)], day, after)


def _days_until_day_of_month(today: date, day: int, after: bool) -> float | None:
    """The next such day of a month, this month or next ("after the 5th")."""
    following = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
    return _days_until(today, [(today.year, today.month), following], day, after)


def _days_until(today: date, months: list[tuple[int, int]], day: int, after: bool) -> float | None:
    """Days to the first of these (year, month)s' `day` still ahead (the day after it, `after`)."""
    for year, month in months:
        try:
            wanted = date(year, month, day) + timedelta(days=1 if after else 0)
        except ValueError:
            return None
        if wanted > today:
            return float((wanted - today).days)
    return None
