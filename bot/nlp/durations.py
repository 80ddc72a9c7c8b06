"""How long the pain has lasted, from what people write: "three weeks", "since January" (counted from
today's date), "since I moved house" (an onset of unknown length), but not "drive for an hour" (the
activity's length) or "8 hours a day" (a rate).

Kept apart from spaCy so the rules are trivially testable and shared by the bot and the CLI.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterable

from bot.nlp.numbers import (
    COUPLE,
    KIN_WORDS,
    OTHER_TIMES_AFTER,
    RESTATED_COUNT_LEAD,
    parse_intensity,
    restates_the_count,
    word_number,
)
from bot.nlp.numbers import NUMBER_PATTERN as _NUM

__all__ = ["Duration", "find_duration", "parse_duration_days"]

_UNIT_DAYS = {"minute": 1 / 1440, "min": 1 / 1440, "hour": 1 / 24, "hr": 1 / 24, "day": 1.0,
              "night": 1.0, "week": 7.0, "wk": 7.0, "fortnight": 14.0, "month": 30.0, "mth": 30.0, "mnth": 30.0,
              "mo": 30.0, "year": 365.0, "yr": 365.0}
_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Weekdays as people shorten them ("since gym thurs") or voice-to-text writes them down ("on Chews day")
_WEEKDAY_SAID = {"chews day": "tuesday", "choose day": "tuesday", "tue": "tuesday", "tues": "tuesday",
                 "weds": "wednesday", "thu": "thursday", "thur": "thursday", "thurs": "thursday"}
_WEEKDAYS = "|".join(sorted({*_WEEKDAY_NAMES, *_WEEKDAY_SAID, "mon", "wed", "fri", "sat", "sun"}, key=len,
                            reverse=True))


@dataclass(frozen=True)
class Duration:
    """A stated time: how many days (None for an onset that cannot be counted, "since I moved house"),
    the words that said it and where they are in the text."""

    days: float | None
    text: str
    start: int
    end: int


# Kinds of time expression, each with its own rule for when it is the pain's duration:
#   length  a counted length ("three weeks", "for ages"): unless it is an activity's length or a rate;
#   ago     a point counted back ("three days ago"): always an onset;
#   since   "since <date>" ("since monday", "since january"): always an onset, counted from today;
#   past    a past day on its own ("yesterday", "last week"): an onset in a message about pain, with an
#           onset word ("started"), or as the whole answer; never after "than" ("better than last week");
#   present the current day ("today", "this morning"): only with an onset word or as the whole answer,
#           because "it's a 7 today" / "worse this morning" say when, not since when.
def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
# Month names as people shorten them ("since sept", "mid oct"); "may" and "mar" only in full or after "since".
_MONTH_SHORT = {"jan": "january", "feb": "february", "apr": "april", "jun": "june", "jul": "july",
                "aug": "august", "sep": "september", "sept": "september", "oct": "october", "nov": "november",
                "dec": "december", "mar": "march"}
# Where in a month or season it began: "since the start of October", "since mid oct", "end of the summer".
_PART_DAY = {"start": 1, "beginning": 1, "begin": 1, "early": 5, "mid": 15, "middle": 15, "late": 25, "end": 28}
_WEEK_OF_MONTH = {"first": 4, "1st": 4, "second": 11, "2nd": 11, "third": 18, "3rd": 18, "fourth": 25, "4th": 25,
                  "last": 25, "final": 25}  # the middle day of that week of the month
_PART_WEEKDAY = {"start": 0, "beginning": 0, "begin": 0, "early": 0, "mid": 2, "middle": 2, "late": 4, "end": 4}
_PART_MONTH = {"start": 1, "beginning": 1, "begin": 1, "early": 2, "mid": 7, "middle": 7, "late": 10, "end": 12}
_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
# "2 mths", "4 mo ago": months as texts shorten them ("mo" only after a count: "hang on a mo" is no month)
_LENGTH_UNITS = "minute|min|hour|hr|day|night|week|wk|fortnight|month|mnth|mth|mo|year|yr"
# Days of the year people date an onset by (month, day; approximate where the date moves).
_NAMED_DAYS = {
    "bonfire night": (11, 5), "guy fawkes": (11, 5), "fireworks night": (11, 5), "halloween": (10, 31),
    "half term": (10, 26), "half-term": (10, 26), "the start of term": (9, 5), "start of term": (9, 5),
    "the beginning of term": (9, 5), "back to school": (9, 5), "the school holidays": (7, 25),
    "the summer holidays": (7, 25), "summer holidays": (7, 25), "valentine's": (2, 14), "valentines": (2, 14),
    "the clocks went back": (10, 26), "the clocks changed": (10, 26), "the clocks went forward": (3, 29),
    "bank holiday monday": (8, 25), "boxing day": (12, 26), "new year's eve": (12, 31),
    "the bank holiday": (8, 28), "the august bank holiday": (8, 28), "the may bank holiday": (5, 28),
    "harvest": (9, 25), "the harvest": (9, 25), "harvest festival": (9, 25), "lambing": (3, 1),
    # the old quarter days and feasts a churchgoer or a farmer dates by ("since about Michaelmas")
    "michaelmas": (9, 29), "lady day": (3, 25), "midsummer": (6, 24), "midsummer's day": (6, 24),
    "lammas": (8, 1), "candlemas": (2, 2), "st andrew's day": (11, 30), "burns night": (1, 25),
    "armistice day": (11, 11),
    "labor day": (9, 7), "labour day": (9, 7), "thanksgiving": (11, 26), "memorial day": (5, 25),
    "the fourth of july": (7, 4), "the 4th of july": (7, 4), "independence day": (7, 4), "canada day": (7, 1),
    # ... and the rest of the US year, as Americans date things by it ("since 'round the Fourth", "since Juneteenth")
    "fourth of july": (7, 4), "4th of july": (7, 4), "july fourth": (7, 4), "july 4th": (7, 4),
    "juneteenth": (6, 19), "veterans day": (11, 11), "veterans' day": (11, 11),
    "columbus day": (10, 12), "presidents day": (2, 16), "presidents' day": (2, 16), "mlk day": (1, 19),
    "martin luther king day": (1, 19), "cinco de mayo": (5, 5), "super bowl": (2, 8), "the super bowl": (2, 8),
    "spring break": (3, 15),
    "st patrick's day": (3, 17), "paddy's day": (3, 17), "anzac day": (4, 25), "australia day": (1, 26),
    "mother's day": (3, 15), "mothers day": (3, 15), "father's day": (6, 21), "fathers day": (6, 21),
    "remembrance sunday": (11, 8), "remembrance day": (11, 11), "all saints": (11, 1), "all saints day": (11, 1),
    "all saints' day": (11, 1), "all souls": (11, 2), "all souls day": (11, 2), "day of the dead": (11, 2),
    "the rentrée": (9, 2), "the rentree": (9, 2), "rentrée": (9, 2), "rentree": (9, 2), "la rentrée": (9, 2),
    # a UK university's first week, a little after the schools go back
    "freshers": (9, 20), "freshers week": (9, 20), "freshers' week": (9, 20), "fresher's week": (9, 20),
    "fresher week": (9, 20), "freshers fortnight": (9, 20),
}


def _slips_of(word: str) -> set[str]:
    """A long word typed with one letter dropped or two neighbours swapped ("septmber", "febuary")."""
    dropped = {word[:i] + word[i + 1:] for i in range(1, len(word))}
    swapped = {word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(1, len(word) - 1)}
    return (dropped | swapped) - {word}


# "yesterday" as people shorten it in a text ("since yday") or mistype it ("yesteday"), or as Caribbean and Irish
# speakers write it ("from yessideh", "since yestiddy")
_YESTERDAY = "|".join(sorted({"yesterday", "yday", "y'day", "yest", "yessideh", "yesideh", "yessiday", "yestiddy",
                              "yistiddy", "yestidday", "yisterday", "yistaday", "yestaday", *_slips_of("yesterday")},
                             key=len, reverse=True))
# Long month names as they are mistyped, read as the month everywhere a month is ("since Septmber").
_MONTH_SHORT.update({slip: month for month in _MONTHS if len(month) >= 6 for slip in _slips_of(month)})
# Feasts whose date moves from year to year (month, day per year; approximate where calendars differ), so
# "since Diwali" counts back to the last one before today.
_MOVABLE_DAYS: dict[str, dict[int, tuple[int, int]]] = {
    "diwali": {2024: (11, 1), 2025: (10, 21), 2026: (11, 8), 2027: (10, 29), 2028: (10, 17), 2029: (11, 5),
               2030: (10, 26)},
    "eid al-fitr": {2024: (4, 10), 2025: (3, 30), 2026: (3, 20), 2027: (3, 10), 2028: (2, 27), 2029: (2, 15),
                    2030: (2, 5)},
    "eid al-adha": {2024: (6, 16), 2025: (6, 6), 2026: (5, 27), 2027: (5, 17), 2028: (5, 5), 2029: (4, 24),
                    2030: (4, 14)},
    "ramadan": {2024: (3, 11), 2025: (3, 1), 2026: (2, 18), 2027: (2, 8), 2028: (1, 28), 2029: (1, 16),
                2030: (1, 6)},
    "ganesh chaturthi": {2024: (9, 7), 2025: (8, 27), 2026: (9, 14), 2027: (9, 4), 2028: (8, 23), 2029: (9, 11),
                         2030: (9, 1)},
    "holi": {2024: (3, 25), 2025: (3, 14), 2026: (3, 4), 2027: (3, 22), 2028: (3, 11), 2029: (3, 1), 2030: (3, 20)},
    "navratri": {2024: (10, 3), 2025: (9, 22), 2026: (10, 11), 2027: (9, 30), 2028: (9, 19), 2029: (10, 8),
                 2030: (9, 28)},
    "dussehra": {2024: (10, 12), 2025: (10, 2), 2026: (10, 20), 2027: (10, 9), 2028: (9, 27), 2029: (10, 16),
                 2030: (10, 6)},
    "onam": {2024: (9, 15), 2025: (9, 5), 2026: (8, 26), 2027: (9, 12), 2028: (9, 1), 2029: (8, 22), 2030: (9, 9)},
    "chinese new year": {2024: (2, 10), 2025: (1, 29), 2026: (2, 17), 2027: (2, 6), 2028: (1, 26), 2029: (2, 13),
                         2030: (2, 3)},
    "rosh hashanah": {2024: (10, 3), 2025: (9, 23), 2026: (9, 12), 2027: (10, 2), 2028: (9, 21), 2029: (9, 10),
                      2030: (9, 28)},
    "yom kippur": {2024: (10, 12), 2025: (10, 2), 2026: (9, 21), 2027: (10, 11), 2028: (9, 30), 2029: (9, 19),
                   2030: (10, 7)},
    "passover": {2024: (4, 23), 2025: (4, 13), 2026: (4, 2), 2027: (4, 22), 2028: (4, 11), 2029: (3, 31),
                 2030: (4, 18)},
    "hanukkah": {2024: (12, 25), 2025: (12, 15), 2026: (12, 5), 2027: (12, 25), 2028: (12, 13), 2029: (12, 2),
                 2030: (12, 21)},
    # the Christian days that move with Easter ("since good friday" is no Friday of this week)
    "lent": {2024: (2, 14), 2025: (3, 5), 2026: (2, 18), 2027: (2, 10), 2028: (3, 1), 2029: (2, 14), 2030: (3, 6)},
    "good friday": {2024: (3, 29), 2025: (4, 18), 2026: (4, 3), 2027: (3, 26), 2028: (4, 14), 2029: (3, 30),
                    2030: (4, 19)},
    "pancake day": {2024: (2, 13), 2025: (3, 4), 2026: (2, 17), 2027: (2, 9), 2028: (2, 29), 2029: (2, 13),
                    2030: (3, 5)},
}
_MOVABLE_NAMES = {"eid": ("eid al-fitr", "eid al-adha"), "eid ul fitr": ("eid al-fitr",),
                  "eid al fitr": ("eid al-fitr",), "eid ul adha": ("eid al-adha",), "eid al adha": ("eid al-adha",),
                  "bakri eid": ("eid al-adha",),
                  "ganesh": ("ganesh chaturthi",), "ganesh festival": ("ganesh chaturthi",),
                  "ganpati": ("ganesh chaturthi",), "deepavali": ("diwali",), "durga puja": ("dussehra",),
                  "dasara": ("dussehra",), "pesach": ("passover",), "chanukah": ("hanukkah",),
                  "spring festival": ("chinese new year",), "lunar new year": ("chinese new year",),
                  "tet": ("chinese new year",),
                  # Ramadan as it is spelt in other languages and other Englishes ("since Ramzan", "Ramazan")
                  "ramzan": ("ramadan",), "ramazan": ("ramadan",), "ramadhan": ("ramadan",), "ramadaan": ("ramadan",),
                  "ramathan": ("ramadan",), "ramdan": ("ramadan",), "ramadam": ("ramadan",), "ramzaan": ("ramadan",),
                  "ash wednesday": ("lent",), "shrove tuesday": ("pancake day",),
                  # the carnival before Lent, as Brazil, the Caribbean and New Orleans keep it ("since Carnival"):
                  # its last day is Shrove Tuesday
                  "carnival": ("pancake day",), "carnaval": ("pancake day",), "mardi gras": ("pancake day",),
                  "fat tuesday": ("pancake day",),
                  # which Eid, said by what it follows or as South Asian Muslims name them ("Eid after Ramzan",
                  # "meethi Eid" the sweet one that ends the fast; "bakra Eid" the Eid of the sacrifice)
                  "small eid": ("eid al-fitr",), "choti eid": ("eid al-fitr",), "chhoti eid": ("eid al-fitr",),
                  "meethi eid": ("eid al-fitr",), "meethi id": ("eid al-fitr",), "eid ul-fitr": ("eid al-fitr",),
                  "big eid": ("eid al-adha",), "bari eid": ("eid al-adha",), "bakra eid": ("eid al-adha",),
                  "bakrid": ("eid al-adha",), "eid ul-adha": ("eid al-adha",), "qurbani eid": ("eid al-adha",)}
_MOVABLE_NAMES.update({name: (name,) for name in _MOVABLE_DAYS})
_MOVABLE_NAMES.update({f"eid {link} {fast}": ("eid al-fitr",) for link in ("after", "at the end of", "after the")
                       for fast, feast in list(_MOVABLE_NAMES.items()) if feast == ("ramadan",)})
# Alternations built once (the month list holds every slip): months in full, shortened or mistyped; named days.
_MONTH_NAMES = "|".join(_MONTHS) + "|" + "|".join(_MONTH_SHORT)
# A weekday said with the date it names ("on Saturday 17 October", "Sat the 3rd"): the date says when
_DAY_OF_DATE = rf"(?:(?:{_WEEKDAYS})\.?,?\s+)?"
# (not "friday. 5/10": after a full stop, or over 10, a number written with a slash is the score)
_DATE_FOLLOWS = re.compile(rf"\.?,?\s+(?:the\s+)?[0-3]?\d(?:(?:st|nd|rd|th)\b|\s+(?:of\s+)?(?:{_MONTH_NAMES})\b)|"
                           r",?\s+[0-3]?\d/(?!10\b)\d")
_NAMED = "|".join(re.escape(n) for n in sorted(set(_NAMED_DAYS) | set(_MOVABLE_NAMES), key=len, reverse=True))


def _last_movable(name: str, today: date) -> date | None:
    """The last day of a movable feast on or before today (any of its kinds: "eid" is either Eid)."""
    days = [date(year, *_MOVABLE_DAYS[feast][year]) for feast in _MOVABLE_NAMES[name]
            for year in (today.year, today.year - 1) if year in _MOVABLE_DAYS[feast]]
    past = [day for day in days if day <= today]
    return max(past) if past else None


def _days_since_named(name: str, today: date) -> float:
    """Days since a named day of the year, fixed ("bonfire night") or movable ("diwali")."""
    if name in _MOVABLE_NAMES:
        began = _last_movable(name, today)
        return float(max((today - began).days, 1)) if began else 180.0
    return _days_since_date(*_NAMED_DAYS[name], today)


# Numbers of an ordinal day ("the 3rd", "12th") and a date as the UK writes it ("12/11", "3.11.26").
_ORDINAL = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)"
_NUMERIC_DATE = r"(?P<nday>[0-3]?\d)[/.](?P<nmonth>[01]?\d)(?:[/.](?:20)?\d\d)?"
# Clinical shorthand: "3/52" weeks, "2/7" days, "6/12" months (never after a word that makes it a date).
_CLINICAL = re.compile(r"(?<![/.\d])(?<!since )(?<!on )(?<!from )(?<!the )\b(\d{1,2})/(52|7|12)\b(?![/.]\d)")
_CLINICAL_DAYS = {"52": 7.0, "7": 1.0, "12": 30.0}
# Lengths said without a count: their rough value and the range of days they can mean
_UNCOUNTED = {"weeks": 21.0, "months": 90.0, "years": 730.0}
# ... as texts shorten them: "tight band, 4, wks"
_UNCOUNTED_SHORT = {"wks": "weeks", "mths": "months", "mnths": "months", "mos": "months", "yrs": "years"}
_UNCOUNTED_WORDS = "weeks|months|years|" + "|".join(_UNCOUNTED_SHORT)
_UNCOUNTED_RANGE = {"days": (2.0, 14.0), "weeks": (7.0, 70.0), "months": (28.0, 400.0), "years": (365.0, 36500.0),
                    "ages": (60.0, 36500.0), "a long time": (60.0, 36500.0)}
_UNCOUNTED_SAID = re.compile(r"(?:(?:it'?s\s+|its\s+)?been\s+|for\s+|many\s+|some\s+)*(days|weeks|months|years|ages|"
                             rf"a long time|{_UNCOUNTED_WORDS})(?:\s+now)?")
# "it's been years now", "been months" (or "bin months", as it is typed by ear): not "been years since I last ran"
# (the time since something else)
_BEEN_UNCOUNTED = re.compile(rf"\b(?:been|bin|bn)\s+(?:many\s+|some\s+)?({_UNCOUNTED_WORDS})\b"
                             r"(?!\s+(?:old|ago|since\s+(?:i|we|he|she)\s+(?:last|saw|went|did|was|were|had|played|ran)\b))")
# ... and said of the pain without "for": "I've had it years", "been going on years", "been hurting months now",
# "years this has been going", "months it's been like this" (not "had it years ago", "haven't had it in years")
_UNCOUNTED_AFTER_IT = (r"(?=\s*(?:$|[^\w\s']|(?:now|to|tbh|honestly|really|i|if|and|but|so|on|off|already|"
                       r"at\s+least|easily|probably|maybe|or)\b))")
_HAD_IT_UNCOUNTED = re.compile(
    r"(?<!n't )(?<!nt )(?<!not )(?<!never )\b(?:had|got|suffered(?:\s+with)?|lived\s+with|put\s+up\s+with)\s+"
    r"(?:it|this|that|them|these|(?:the|this|my)\s+(?:pain|ache|problem|trouble|niggle|one|thing))\s+"
    rf"(?:for\s+)?(?:many\s+|some\s+)?(?P<said>(?:{_UNCOUNTED_WORDS})(?:\s+now)?)\b{_UNCOUNTED_AFTER_IT}|"
    r"\b(?:been\s+|(?:it'?s|its|it\s+has)\s+)?(?:(?:going|gone|went|dragged|dragging|carried|carrying)\s+on|"
    r"been\s+(?:hurting|aching|sore|bad|painful|stiff|niggling|nagging|playing\s+up|like\s+(?:this|that)|"
    r"(?:bothering|troubling|bugging)\s+me|on\s+(?:and|an|n)\s+off|off\s+(?:and|an|n)\s+on))\s+"
    rf"(?:for\s+)?(?:many\s+|some\s+)?(?P<said_been>(?:{_UNCOUNTED_WORDS})(?:\s+now)?)\b{_UNCOUNTED_AFTER_IT}|"
    rf"(?:^|[.,;!?]\s*)(?:for\s+)?(?:many\s+|some\s+)?(?P<said_first>(?:{_UNCOUNTED_WORDS})(?:\s+now)?)\s+"
    r"(?:(?:this|it|that)\s*(?:has|'s|s)\s+been|(?:i'?ve|i\s+have)\s+(?:had|been\s+(?:suffering|putting\s+up))|"
    r"(?:it|this)\s+(?:has\s+)?(?:gone|went|dragged|carried)\s+on)\b")
_UNCOUNTED_ANSWER = re.compile(
    r"^\s*(?:(?:oh|ooh|um+|erm+|er|well|gosh|honestly|ah|hmm+|ugh|god|blimey|crikey)\b[\s,.!]*)*"
    rf"((?:for\s+|many\s+|some\s+)?({_UNCOUNTED_WORDS})(?:\s+now)?)"
    r"(?=(?:[\s,]+(?:i'?m\s+afraid|i\s+think|i\s+guess|i'?d\s+say|probably|maybe|at\s+least|or\s+so|or\s+more|"
    r"really|now|honestly|tbh|sadly|unfortunately))*\s*(?:$|[.,;!?]|(?:since|now|already)\b))")
# (with the units as texts shorten them: "started last wk", "since last mth", "last yr")
_FIXED: tuple[tuple[str, str, float], ...] = (
    (r"\bfor (?:ages|years)\b|\bfor a long time\b", "length", 730.0),
    (r"\bsince (?:last|this|the) (?:week|wk)(?:end)?\b", "since", 7.0),
    (r"\blast (?:week|wk)\b(?!\s+(?:of|in)\s)", "past", 7.0),  # not "since the last week of october"
    (r"\bsince last (?:month|mnth|mth)\b", "since", 30.0),
    (r"\blast (?:month|mnth|mth)\b", "past", 30.0),
    (r"\bsince last (?:year|yr)\b", "since", 365.0),
    (r"\blast (?:year|yr)\b", "past", 365.0),
    (rf"\bsince (?:{_YESTERDAY})\b", "since", 1.0),
    (rf"\b(?:{_YESTERDAY})\b|\blast night\b", "past", 1.0),
    (r"\bthe other day\b", "past", 3.0),
    # "since morning only": the article left out, as many speakers of other Englishes say it
    # ... and a meal said for the time of day: "since about breakfast time", "since teatime"
    (r"\bsince (?:about |around |roughly |just after |just before )?(?:this morning|morning|today|tonight|"
     r"this afternoon|afternoon|lunch(?:time)?|breakfast(?: ?time)?|brekkie|elevenses|tea ?time|"
     r"(?:i|we) woke(?: up)?|waking(?: up)?|(?:i|we) got up|getting up)\b",
     "since", 0.3),
    (r"\bthis morning\b|\btoday\b|\btonight\b|\bjust now\b|\bthis afternoon\b", "present", 0.3),
    (r"\bfor months\b", "length", 120.0),
    (r"\bfor weeks\b", "length", 21.0),
    (r"\bfor days\b", "length", 4.0),
)
_ONSET_WORDS = re.compile(
    r"\b(?:since|start(?:ed|s|ing)?|began|begun|begin|came on|come on|comes on|kicked in|woke|wake up with|"
    r"happened|flared|appeared|noticed|hurt (?:my|it|me)|tweaked|pulled|strained|twisted|injured|cricked|ricked|"
    r"jarred|put (?:my|it) \w+ out|fell|slipped|ago|out of nowhere|"
    # the injury said bluntly: "I wrecked my lower back carrying a chest of drawers ... on Thanksgiving"
    r"(?:wrecked|knackered|buggered|messed up|did|done|hurt|injured|tore|ripped) (?:my|her|his|it|me)|"
    # an injury by its verb: "I went over on my left ankle ... on the 15th of August", "rolled it on saturday"
    r"(?:went|go|gone|going) over on|rolled|sprained|turned (?:my|it|on)|knocked|banged|bashed|whacked|crashed|"
    # "I must have slept funny on Saturday night": the night it began
    r"slept (?:on (?:it|my \w+) )?(?:funny|funnily|wrong|wrongly|awkward|awkwardly|badly|weird|weirdly|odd|oddly))\b"
)
_FILLER = _set("""i think maybe or so about around roughly probably honestly tbh now really just only since
started it it's its been like approx from hmm um erm well ok oh yeah guess say""")
# "8 hours a day", "5 days in the week" (as some say it in a second language)
_RATE_AFTER = re.compile(r"^\s*(?:a|an|per|each|every|in\s+(?:the|a))\s+(?:day|night|week|month|year|shift|session)\b|"
                         r"^\s*/\s*day|"
                         # "6 days out of 7", "4 days on 3 off", "4 on 4 off": how often, a working pattern
                         rf"^\s*(?:out\s+of|in)\s+(?:\d+|seven|five|six|ten|fourteen|every)\b(?!\s*(?:{_LENGTH_UNITS}))|"
                         r"^\s*on\s*,?\s*(?:\d+|one|two|three|four|five|six|seven)\s+(?:days?\s+|nights?\s+)?off\b")
_FREQUENCY_BEFORE = re.compile(rf"(?:\b(?:times|twice|once|thrice|(?:{_LENGTH_UNITS})s?)|\d\s*x)\s+$")
# "10,000 steps a day", "250km a week", "12.5-hour shifts a week", "2 packs of gum a day": a count of something,
# then how often
# (not "dull 4 about a month", "7/10 for a week": a score, then how long, with a hedge or a preposition between)
_COUNTED_BEFORE = re.compile(rf"(?:\b\d(?:[\d,.]*\d)?\s*-?\s*|\b{_NUM}\s+)(?!(?:about|abt|bout|around|roughly|approx|"
                             r"maybe|like|nearly|almost|over|just|for|since|now|and|but|then|been|its|it's|probably|"
                             r"prob|only|under|at|least|or|so|well|going|getting|on)\b)"
                             r"[a-z]+(?:[\s-]+(?:of\s+)?[a-z]+)?\s+$")
# "12 hour shifts", "an 8 hour day", "a 2 week holiday": a count above one with a singular unit describes
# the thing after it, not how long the pain has lasted.
_ATTRIBUTIVE = re.compile(rf"^(?:\d+(?:\.\d+)?|{_NUM})\s*-?\s*(?:{_LENGTH_UNITS})(?!s)\b")
_LENGTH_ENDS = re.compile(r"\s*(?:$|[.,;!?)]|(?:now|ago|or so|already|and|but|since|maybe|i think|about|approx|"
                          r"more or less|roughly|or more|at least|i guess|tops|max)\b|"
                          # "been 3 month on and off", "4 month an it getting worse", "6 week mi a suffer", "2 month
                          # noo": a length without its plural, then how it went on or the next clause's subject (the
                          # noun a count describes, "12 hour shifts", is never a pronoun or one of these)
                          r"\s(?:on\s+(?:and|an|n|'n')\s+off|off\s+(?:and|an|n)\s+on|noo|nou|so|mon|straight|running|"
                          r"solid|in\s+a\s+row|an|n|it|it's|its|i|i've|ive|i'm|im|mi|me|my|ma|mah|she|he|dis|this|"
                          r"de|the|wid|with)\b(?!-))")
# "since 3 week", "for 2 month": a length said without its plural by someone writing in a second language
_LENGTH_LEAD = re.compile(r"\b(?:since|for|from|past|last)\s+(?:about\s+|around\s+|almost\s+|nearly\s+)?$")
# Doing-words that say what the pain does (or how it goes on), not something else the person did
_PAIN_DOINGS = (r"hurting|aching|killing|bothering|playing\s+up|giving|getting|suffering|throbbing|burning|going|"
                r"happening|coming|niggling|nagging|flaring|like|paining|troubling|bugging|acting\s+up|limping|hobbling|"
                # ... as dialects say it: "ma elbow's been louping for a fortnight" (Scots: throbbing), "been
                # nipping", "been stounding", "been gyping"; and as anyone may: "been pounding", "been cramping"
                r"louping|lowping|loupin|gowping|stounding|nipping|nippin|gyping|jipping|stinging|pounding|pulsing|"
                r"cramping|twinging|twingeing|spasming|murdering|"
                # how it has come on: "been building for about 3 weeks", "been creeping up on me for a month" (not
                # "been building houses 30 years")
                r"(?:building|creeping|growing|developing|brewing|worsening|lingering|dragging|persisting|grumbling|"
                r"simmering|stiffening|tightening)(?:\s+up|\s+on)?(?=\s*$|\s+(?:for|over|since|now|steadily|slowly|"
                r"gradually|on\s+me|about|around|nearly|almost|the\s+(?:last|past))\b)")
# "been riding horses forty years", "been doing this job 20 years": the length of a habit in its clause
# ... and "been at it 30 yrs", "been in the trade 20 years", "been with the firm 11 years": at a job, not hurting
_HISTORY_BEFORE = re.compile(rf"\bbeen\s+(?:(?!(?:{_PAIN_DOINGS})\b)[a-z]+ing\b|at\s+(?:it|this|that)\b|"
                             r"(?:at|in|on|with|doing)\s+(?:the|this|that|my|our)\s+(?:job|trade|game|work|business|"
                             r"company|firm|industry|tools|role|post|line\s+of\s+work)\b)[^.,;!?]{0,30}?(?:for\s+)?$")
# A length said of the person's life, not of the pain: a role held ("I've been a picker at the depot for 6 years",
# "I'm a nurse for 20 years"), a state of life ("widowed 4 years", "retired 10 years")...
_LIFE_BEFORE = re.compile(
    r"\b(?:(?:(?:i'?ve|i have|he'?s|she'?s|he has|she has|we'?ve|they'?ve)\s+been|i'?m|i am|he is|she is|"
    r"(?:i|he|she|we|they)\s+(?:was|were|used\s+to\s+be)|"
    r"(?:i|he|she|we|they)\s+(?:work|works|worked|working)\s+as)\s+an?\s+"
    r"(?!(?:bit|lot|little|few|couple|nightmare|pain|problem|struggle|real|long|good|bad|week|month|year)\b)[a-z'-]+"
    r"(?:\s+(?!(?:and|but|so|my|it|its|it's|with|this|since|for)\b)[a-z'-]+){0,5}(?:\s+(?:for|since))?|"
    r"widowed|married|divorced|separated|retired|qualified|sober)\s+"
    r"(?:for\s+)?(?:about\s+|around\s+|nearly\s+|almost\s+|over\s+|well\s+over\s+)?$")
# ... the place or trade of a working life, counted in years ("22 years on the tools", "11 years in this job",
# "40 years down the pit", "30 years as a plasterer"; not "for 3 weeks as a result of")
_LIFE_AFTER = re.compile(r"^\s*(?:now\s+)?(?:(?:in|on|at|down|with)\s+(?:the|this|that|my|our)\s+(?:job|trade|tools|"
                         r"pit|mines?|industry|army|navy|forces?|police|business|company|firm|role|profession|"
                         r"railways?)\b|as\s+an?\s+)")
# ... or something else done for years, said with its doer and its verb: "I taught infants for 38 years", "my dentist,
# who I've seen every six months for 20 years", "we've lived in this house 41 years" (not "I've had it for 2 years",
# "I've lived with this for years", "I've played with a sore knee for 3 years": the pain's)
_DONE_BEFORE = re.compile(
    r"\b(?:i|we|he|she|they|who|you)(?:'ve|’ve|\s+have|\s+has|'d|\s+had)?\s+(?:always\s+|also\s+|just\s+)?"
    r"(?!(?:had|have|has|got|get|suffered|suffer|felt|feel|noticed|struggled|dealt|coped|known|been|hurt|ached|"
    r"put|needed|taken|took|used|lived\s+with|gone|went|carried\s+on|kept|managed|limped|hobbled|ignored)\b)"
    r"(?P<verb>[a-z]+(?:ed|t)|taught|seen|saw|done|did|run|ran|swum|swam|ridden|rode|driven|drove|sung|sang|"
    r"played|worked|lived|known)\b(?P<rest>[^.,;!?]{0,40}?)\s+(?:for\s+)?"
    r"(?:about\s+|around\s+|nearly\s+|almost\s+|over\s+|well\s+over\s+|the\s+(?:last|past)\s+)?$")
_PRONOUN_OBJECT = re.compile(r"\b(?:it|them)\b|\b(?:this|that|these|those)\s*$")


def _done_for_years(before: str, head: str) -> bool:
    """A length in years said of something else the person did or does ("I taught infants for 38 years")."""
    done = _DONE_BEFORE.search(before)
    return bool(done and re.search(r"(?:year|yr)s?$", head) and not _PRONOUN_OBJECT.search(done.group("rest"))
                and not _PAIN_IN.search(done.group("rest")))


# ... or how old the person is, as many languages say it ("I have 34 years, I work ...")
_AGE_BEFORE = re.compile(r"\bi\s+have\s+$|"
                         # ... and "I am Maria, 72 year, from Portugal", "I'm 72 years, retired": the writer's age,
                         # said after their name or straight after "I am" as learners of English say it
                         r"\b(?:i\s+am|i'?m|im|my\s+name\s+is|name'?s|this\s+is)\s+(?:[a-z]+\s*,\s*)?$")
# ... or how long something was well: "thats been fine for years", "pain free for 10 years", "no bother for months"
_WELL_BEFORE = re.compile(r"\b(?:fine|ok|okay|alright|all\s+right|grand|good\s+as\s+gold|no\s+bother|no\s+trouble|"
                          r"no\s+problems?|no\s+issues?|(?:pain|symptom|trouble)[\s-]?free|clear|perfect|normal)"
                          r"\s+(?:(?:ever\s+)?since\s+)?(?:for\s+)?(?:about\s+|around\s+|nearly\s+|almost\s+|over\s+|"
                          r"well\s+over\s+|the\s+(?:last|past)\s+)?$")
# "34 years of teaching", "back from 3 weeks visiting my son", "about 6 hours, digging": how long something else
# was done (not "achy 4 2 weeks painting ceilings", a terse list; after a comma only on the scale of an activity:
# "sore for 3 weeks, lifting makes it worse" is the pain's)
_DOING_AFTER = re.compile(rf"^\s+(of\s+)?(?!(?:{_PAIN_DOINGS}|running|straight|during|nothing|something|"
                          r"morning|evening)\b)[a-z]{2,}ing\b")
_DOING_LEAD = re.compile(r"\b(?:from|spent|spend|spending|did|done|doing|took|take)\s+"
                         r"(?:about\s+|around\s+|nearly\s+|almost\s+|over\s+|a\s+good\s+)?$")
_DOING_AFTER_COMMA = re.compile(rf"^\s*,\s*(?!(?:{_PAIN_DOINGS}|during|nothing|something|morning|evening)\b)"
                                r"[a-z]{2,}ing\b")
# "my daughter 15 years", "my lad is 14 years": how old someone is, not how long it has hurt
_KIN_BEFORE = re.compile(rf"\b(?:my|our)\s+{KIN_WORDS}\W{{1,3}}(?:is\s+|who is\s+|aged\s+)?$")
# A person named just before a count of years set off by commas: their age ("One of our residents, Mrs A, 88 years,
# is complaining of her hip", "my father, 74 years, has ...")
_PERSON_BEFORE_AGE = re.compile(rf"\b(?:mrs|mr|ms|miss|dr|sir|madam|resident|patient|client|lady|gentleman|man|woman|"
                                rf"boy|girl|{KIN_WORDS})\b[^.!?;,]{{0,20}},\s*(?:aged\s+|age\s+)?$")
_AGE_AFTER = re.compile(r"^\s*(?:old|young|of age|pregnant|into (?:my|the|her) pregnancy|gestation)\b")
# ... and how far along a pregnancy is, said after the word ("my wife is pregnant 7 months", "pregnant with twins,
# 30 weeks", "expecting, 6 months"), or a baby's age said without "old" ("the baby is 3 months", "our little one's
# 9 weeks"): not how long it has hurt
_GESTATION_BEFORE = re.compile(r"\b(?:pregnant|pregnancy|expecting)(?:\s+(?:with|for)(?:\s+(?:a|the|my|our|her|twins|"
                               r"baby|boy|girl|number\s+\w+))*)?\s*[,:-]?\s+(?:(?:is|now|already|about|around|nearly|"
                               r"almost|over|just|only|like|maybe)\s+)*$")
_BABY_AGE_BEFORE = re.compile(r"\b(?:baby|babies|newborn|little\s+one|twins|son|daughter|boy|girl|bubba|bub)"
                              r"(?:\s+is|'s|’s|\s+who\s+is|\s+aged|\s+turned|\s+just\s+turned)?\s+(?:(?:only|just|now|"
                              r"about|around|nearly|almost|over)\s+)*$")
# A pause that eases it, which a length under a day then measures: "it goes off if I stand still a minute", "once I
# sit down for ten minutes"
_IF_DONE_BEFORE = re.compile(r"\b(?:if|when|whenever|once|until|till|unless|as\s+soon\s+as)\s+"
                             r"(?:i|you|we|he|she|they)\s+"
                             r"(?:\w+\s+)?(?:stand|stop|rest|sit|lie|pause|wait|slow|keep|stay|take|have|breathe|"
                             r"stood|stopped|rested|sat|lay|paused|waited|slowed|kept|stayed|took|had)\b[^.,;!?]*$")
# How the pain came on, at what pace: "it crept up over a few days", "came on over a couple of hours"
_CAME_ON_OVER = re.compile(r"\b(?:crept|creeping|creeps|came|come|comes|coming|built|builds|building|developed|"
                           r"developing|grew|growing|worsened|ramped|got\s+(?:worse|bad))\s+(?:on\s+|up\s+)?"
                           r"(?:on\s+me\s+)?(?:gradually\s+|slowly\s+|steadily\s+|bit\s+by\s+bit\s+)?over\s+"
                           r"(?:about\s+|around\s+|roughly\s+|maybe\s+)?$")
# Someone's doing in the present, opening the clause a length under a day closes: "i stand at the till 8 hours", "we
# sit in meetings like 6 hrs" (not "i've had it 3 hours", "i woke with it 5 hours", a time of the pain's)
_DAILY_DOING_BEFORE = re.compile(r"(?:^|[.!?;,\n]\s*|\b(?:and|but|so|cos|cause|because)\s+)(?:i|we|he|she|they)\s+"
                                 r"(?:(?:usually|normally|always|often|just|still)\s+)?"
                                 r"(?!(?:have|has|had|'ve|ve|am|'m|m|was|were|been|woke|wake|noticed|felt|feel|got|get|"
                                 r"did|do|does|hurt|think|guess|reckon|would|'d|will|'ll|can|could)\b)"
                                 r"[a-z]{2,}(?<!ed)\b[^.!?;,\n]*$")
_COMPARISON_BEFORE = re.compile(r"\b(?:than|compared (?:to|with)|as)\s+$")
_ACTIVITY_GAP = re.compile(
    r"^\s*(?:for\s+)?(?:(?:more|longer|less)\s+than\s+|over\s+|about\s+|around\s+|at\s+least\s+|up\s+to\s+|"
    r"a\s+good\s+|nearly\s+|almost\s+|roughly\s+|maybe\s+|like\s+)?$"
)
# "since" + an event ("since I moved house", "since the marathon", "since my daughter was born"): an onset
# whose length is unknown unless the clause dates itself ("since my car accident last year").
_CLAUSE_STOP = _set("""and but so because cos cause when whenever while which who though although or
if now then is are has hurts feels keeps gets""")
_CHANGE_BEFORE = re.compile(r"\b(?:better|worse|improved|improving|improvement|easier|eased|changed|different|"
                            r"update|progress)\b[^.!?;]*$")
_SESSION = re.compile(
    r"(?:the\s+)?last\s+(?:time|session|chat|check[- ]?in)\b|we\s+(?:last\s+)?(?:spoke|talked|chatted)"
)
_SCHEDULE = re.compile(r"\b(?:check[- ]?ins?|follow[- ]?ups?|reminders?|emails?|appointments?)\b")
# The school or university year beginning (early September; universities later in the month): "since uni
# started", "since term began", "since the kids went back to school", "since I started college"
_SCHOOL = r"(?:(?P<{0}>uni|university|college|freshers?)|school|term|semester|(?:the\s+)?(?:school|academic)\s+year)"
_KIDS = r"(?:the\s+|my\s+|our\s+)?(?:kids|children|boys|girls|son|daughter|twins|little\s+ones|lads?)"
_TERM_BEGAN = re.compile(
    rf"\bsince\s+(?:(?:the|my|our)\s+)?(?:new\s+|autumn\s+|fall\s+)?{_SCHOOL.format('uni')}\s+(?:started|began|"
    r"begun|restarted|went\s+back|came\s+back|resumed|kicked\s+off|opened|reopened|(?:got\s+)?going)\b|"
    rf"\bsince\s+(?:(?:i|we|he|she|they)\s+(?:started|began|went\s+back\s+to|got\s+back\s+to|returned\s+to|"
    rf"started\s+back\s+at)|{_KIDS}\s+(?:went|got|go|started)\s+back\s+to|starting|going\s+back\s+to|"
    rf"returning\s+to|(?:the\s+)?(?:start|beginning)\s+of)\s+(?:the\s+)?{_SCHOOL.format('uni_too')}|"
    rf"\bsince\s+{_KIDS}\s+(?:went|got|go|started)\s+back\b")
# Words that end what "since" names before a weekday ("since the op and monday", "since then, next monday")
_NOT_BETWEEN_SINCE_AND_DAY = _set("""and but so because cos cause when whenever while which who though although or
if now then than till until next before after this coming see seeing appointment""")
_NEW_SUBJECT = _set("i i'm im it it's its i've ive i'd you he she they we there there's")
_DETERMINERS = _set("the my a an that our his her their last new")  # "since new boots at work": an onset
_SUBJECTS = _set("i we he she they it i've ive we've i'd")
_NOT_VERBS = _set("'ve have just first finally recently")
_IRREGULAR_PAST = _set("""was were had got been began fell went came did took broke ran sat slept woke gave
left became made put caught hit hurt lost found bought brought built drove rode swam wore tore threw stood
spent split quit grew knew felt kept lay""")
_EVENT_NOUNS = _set("""surgery covid lockdown pregnancy childbirth childhood birth school university uni
retirement then""")


# A past illness or treatment dated in the same breath ("had breast cancer five years ago")
_ANOTHER_EVENT = re.compile(r"\b(?:cancer|stroke|heart attack|chemo\w*|radiotherapy|diagnosed|tumou?r|leuka?emia|"
                            r"lymphoma|mastectomy|"
                            # an everyday illness had for a while: "a stinking cold for 3 weeks"
                            r"cold|flu|cough|covid|virus|bug|infection|temperature|temp|fever|sinusitis|tonsillitis|"
                            r"bronchitis|pneumonia|shingles|"
                            # a long-standing condition: "I've had arthritis in my knees for years but this feels
                            # different"
                            r"arthritis|osteoarthritis|rheumatoid|gout|psoriasis|eczema|fibromyalgia)\b(?:[^.!?;]|\.\d)*$")
_WEIGHT_BEFORE = re.compile(r"\b(?:lost|losing|dropped|weight|stone|kilos?|pounds|lbs)\b[^.!?;,]*$")
_PAIN_IN = re.compile(r"\b(?:pain\w*|hurt\w*|sore\w*|\w*ache\w*|migraine\w*|aching|achy|started|began|came on|"
                      r"niggl\w*|twing\w*|"
                      r"stiff\w*)\b")


# Another symptom than pain, dated in a sentence that says nothing of the pain: "theres sumthin else, since last nite i
# cant really feel it when i wipe n i wet myself a bit", "pins and needles in my toes for 2 days"
_ANOTHER_SYMPTOM = re.compile(r"\b(?:numb\w*|can'?t\s+(?:really\s+|properly\s+)?feel|cannot\s+(?:really\s+)?feel|"
                              r"no\s+feeling|lost\s+(?:the\s+)?feeling|tingl\w*|pins\s+and\s+needles|"
                              r"wet\s+(?:myself|himself|herself|the\s+bed)|leak\w*|incontinen\w*|dizz\w*|"
                              r"rash|vomit\w*|diarrh?o?e?a|bleed\w*|blood|"
                              # a weakness: "since two days my foot is slapping the ground, I cannot lift it"
                              r"slap\w*|can'?t\s+(?:really\s+|properly\s+)?lift|cannot\s+(?:really\s+|properly\s+)?lift|"
                              r"unable\s+to\s+lift|foot\s+drop|drop\s*foot|(?:gone|going|getting|got)\s+weak|"
                              r"weakness)\b")


def _of_another_illness(low: str, start: int, end: int) -> bool:
    """A time said of another illness in a sentence that says nothing of the pain: "a stinking cold for 3 weeks",
    "shivery with a temperature of 38.9 since last night", "I had a nasty flu at the start of November"; or of another
    symptom (see _ANOTHER_SYMPTOM)."""
    sentence = _sentence_around(low, start, end)
    if _ANOTHER_SYMPTOM.search(sentence) and not _PAIN_IN.search(sentence):
        return True
    since = re.search(r"\bsince\b", sentence[:max(sentence.find(low[start:end]), 0)])
    if since and _ANOTHER_EVENT.search(sentence[since.end():max(sentence.find(low[start:end]), 0)]):
        return False  # "Since I had a coughing fit with the flu about ten days ago": the illness the pain began with
    return bool(_ANOTHER_EVENT.search(low[max(start - 60, 0):start])) and not _PAIN_IN.search(sentence)


def _whole_answer(low: str, start: int, end: int) -> bool:
    """True when the time expression is all the message says, give or take hedges ("yesterday i think")."""
    rest = re.findall(r"[a-z']+", low[:start] + " " + low[end:])
    return all(word in _FILLER for word in rest)


def _sentence_around(low: str, start: int, end: int) -> str:
    """The sentence holding [start, end) (a decimal point, "38.9", ends none)."""
    left = max((mark.end() for mark in _SENTENCE_END.finditer(low, 0, start)), default=0)
    right = next((mark.start() for mark in _SENTENCE_END.finditer(low, end)), len(low))
    return low[left:right]


_SENTENCE_END = re.compile(r"[!?;\n]|\.(?!\d)")


_CalendarDate = tuple[int | None, int, int, int]  # month (None: the last such day), day, start, end


# Where "from" stands for "since": opening a sentence or a clause, or after the pain or its having
_FROM_FOR_SINCE = r"(?:^|[.,;!]\s*|\b(?:pain|hurts?|hurting|aching|sore|had\s+(?:it|this)|been|started)\s+)"


def _since_date(low: str, today: date, dates: list[_CalendarDate]) -> list[tuple[float, int, int]]:
    """'since <weekday / month / holiday / season>' counted back from today's date."""
    found = []
    # ("since 'round the fourth of july", "since maybe around easter": "round" for "around", two hedges in a row)
    hedge = (r"(?:(?:about|around|round|['’]round|roughly|approximately|approx|abt|like|maybe|probably|just after|"
             r"just before)\s+){0,2}")
    for month, day, start, end in dates:  # first: "since nov 3rd" is more than "since nov"
        lead = re.search(rf"\bsince\s+{hedge}{_DAY_OF_DATE}(?:the\s+)?$", low[:start])
        if lead:
            found.append((_days_since_day(month, day, today), lead.start(), end))
    # ... and the date said right after a day of one's own it began from: "from my birthday, 2 of November", "since
    # our anniversary (the 3rd of october)", "since her wedding which was 8th november"
    for match in re.finditer(rf"(?:\bsince|{_FROM_FOR_SINCE}from)\s+(?:my|our|his|her|their|the)\s+"
                             r"(?:[a-z'-]+\s+){0,2}?(?:birthday|bday|b-day|anniversary|wedding|party|holiday|"
                             r"retirement|op|operation|move|flight|trip|race|match|game|fall|crash|accident)\b", low):
        said = _date_said_after(low, match.end(), today, dates, None)
        if said and said[1] > match.end():
            found.append((said[0], match.start(), said[1]))
    # ... and "since the saturday before last" (the week before, added below)
    for match in re.finditer(rf"\bsince (?:the (?=(?:{_WEEKDAYS})\s+before\s+last\b))?(last )?({_WEEKDAYS})(?:'?s)?\b",
                             low):  # "since saturdays game"
        if _DATE_FOLLOWS.match(low, match.end()):
            continue  # "since Saturday 17 October": the date, found above
        found.append((_days_since_weekday(match.group(2), today, last=bool(match.group(1))), match.start(),
                      match.end()))
    for match in _TERM_BEGAN.finditer(low):  # "since uni started": the school or university year's start
        month, day = (9, 20) if match.group("uni") or match.group("uni_too") else (9, 5)
        found.append((_days_since_date(month, day, today), match.start(), match.end()))
    # ... and the named day of something done on it: "since my halloween marathon stream", "since our xmas do"
    # (its own date said with it wins over the date guessed for the name: "since independence day, 1st October")
    # ... and its start, middle or end: "since the start of ramadan", "since the end of ramadan" (the Eid after it)
    # ... and "from" for "since", which many say ("From Eid he has it", "had it from Ramzan")
    for match in re.finditer(rf"(?:\bsince|{_FROM_FOR_SINCE}from) {hedge}(?:(?:the )?(?:start|beginning|middle|end)"
                             rf"\s+of\s+)?(?:(?:{_MONTH_NAMES}) )?(?:the |my |our |his |her |their |that )?"
                             rf"({_NAMED})\b", low):
        found.append(_named_day(low, match, today, dates))
    # ("since the simmer": the summer as Scots write it)
    names = (_MONTH_NAMES + "|christmas|xmas|new year(?:'s|s)?|easter|spring|summer|autumn|fall|winter|"
             "(?<=the )simmer")
    part = "|".join(_PART_DAY)
    for match in re.finditer(rf"\bsince {hedge}(?:(?:the )?({part})(?:-|\s+)(?:of\s+)?)?(?!the fall\b)"
                             rf"(?:last |the |(?:my|our|his|her|their|that) (?=(?:christmas|xmas|easter|new year)))?"
                             rf"({names})\b", low):
        day = _PART_DAY.get(match.group(1) or "start", 1)
        within = _month_in_the_season(low, match.end(), match.group(2))
        if within:  # "since the summer, I think. August, maybe": the month says when in the summer
            found.append((_days_since(within[0], today, within[1]), match.start(), within[2]))
            continue
        said = None if match.group(1) or match.group(2) not in _FEASTS else _date_said_after(
            low, match.end(), today, dates, _days_since(match.group(2), today))
        if said:  # "since easter, the 12th of april": the date said with the feast
            found.append((said[0], match.start(), said[1]))
            continue
        found.append((_days_since(_MONTH_SHORT.get(match.group(2), match.group(2)), today, day),
                      match.start(), match.end()))
    dated = rf"(?:({part})(?:-|\s+)(?:of\s+)?)?({names})\b"
    # "since I got the new boots, end of October" (an event, then its date after a comma), and "from
    # september", which many say for "since"
    for opening in (r"\bsince\b[^.!?;,]{3,60},\s*(?:around |about |in |at |from )?(?:the )?",
                    # ... "from about September", "had it from September"
                    rf"{_FROM_FOR_SINCE}from\s+"
                    r"(?:about\s+|around\s+|roughly\s+|maybe\s+|like\s+|approx\s+)?(?:the\s+)?"):
        for match in re.finditer(opening + dated, low):
            day = _PART_DAY.get(match.group(1) or "start", 1)
            found.append((_days_since(_MONTH_SHORT.get(match.group(2), match.group(2)), today, day),
                          match.start(), match.end()))
    # "since the first week of November", "from the last week of october": the middle of that week
    for match in re.finditer(rf"(?:\bsince|(?:^|[.,;!]\s*|\b(?:pain|hurts?|hurting|aching|sore)\s+)from)\s+{hedge}"
                             rf"(?:the\s+)?({'|'.join(_WEEK_OF_MONTH)})\s+(?:week|wk)\s+(?:of|in)\s+(?:last\s+)?"
                             rf"({_MONTH_NAMES})\b", low):
        found.append((_days_since(_MONTH_SHORT.get(match.group(2), match.group(2)), today,
                                  _WEEK_OF_MONTH[match.group(1)]), match.start(), match.end()))
    # "since about the start of the month", "since the middle of this week", "since early this year"
    for match in re.finditer(rf"\bsince {hedge}(?:the )?({part})(?:-|\s+)(?:of\s+)?(?:the |this )(week|month|year)\b",
                             low):
        found.append((_days_since_part(match.group(1), match.group(2), today), match.start(), match.end()))
    # "since chest day wednesday", "since leg day on monday": the weekday of what is named in between (not a
    # named day that ends in one, "since Remembrance Sunday", found above)
    # ... and the weekday that closes what "since" names: "since i got off the plane sat" (not "since i sat
    # down" or "since the sun came out": a verb or a noun, by the word before it)
    for match in re.finditer(rf"\bsince\s+((?:[a-z'-]+\s+){{1,3}}?|(?:[a-z'-]+\s+){{4,6}}?(?=(?:{_WEEKDAYS})"
                             rf"\s*(?:$|[.,;!?\n]|(?:and|but|so|before\s+last)\b)))(?:on\s+|last\s+)?({_WEEKDAYS})\b",
                             low):
        before_day = match.group(1).split()[-1]
        if before_day in _SUBJECTS or (before_day in _DETERMINERS - {"last"} and not (
                before_day == "the" and _BEFORE_LAST.match(low, match.end()))):
            continue  # (but "since hurling training the saturday before last": that day, a week further back)
        if not set(match.group(1).split()) & _NOT_BETWEEN_SINCE_AND_DAY and not any(
                start < match.end() and match.start() < end for _, start, end in found):
            found.append((_days_since_weekday(match.group(2), today), match.start(), match.end()))
    return found


# Words before a weekday word that make it no day: "after a day in the sun", "after too much sun", "after I sat"
_NOT_BEFORE_A_DAY = _set("""in on at of to by much too some hot the a an this that all every each next till until
under bright strong midday""")


# A date said right after a named day, as its own date: "independence day, 1st October", "harvest festival (early
# Oct)", "easter, which was the 20th of april"
_FEASTS = frozenset({"christmas", "xmas", "easter", "new year", "new year's", "new years"})
_DATE_APPOSED = re.compile(r"\s*(?:[,(:]|-|–)?\s*(?:(?:which|that)\s+(?:was|is|'s|were)\s+|i\.?e\.?,?\s+|so\s+|on\s+|"
                           r"in\s+|around\s+|about\s+|roughly\s+|approx\.?\s+|like\s+|maybe\s+|the\s+)*")


_DATE_CLOSES = re.compile(r"\s*(?:$|[.,;!?)\n]|(?:i\s+think|i'?d\s+say|i\s+guess|maybe|or\s+so|ish|roughly|approx|"
                          r"time|and|but)\b)")


def _named_day(low: str, match: re.Match[str], today: date, dates: list[_CalendarDate]) -> tuple[float, int, int]:
    """Days since the named day in `match` (group 1) and the span read: its own date said right after it wins
    over the date guessed for the name ("since independence day, 1st October")."""
    guessed = _days_since_named(match.group(1), today)
    if _MOVABLE_NAMES.get(match.group(1)) == ("ramadan",) and re.search(r"\b(?:end|middle)\s+of\b", match.group(0)):
        # "since the end of ramadan": the month of the fast is over, or half over, by then
        guessed = max(guessed - (29.0 if "end" in match.group(0) else 15.0), 1.0)
    said = _date_said_after(low, match.end(), today, dates, guessed)
    return (said[0], match.start(), said[1]) if said else (guessed, match.start(), match.end())


def _date_said_after(low: str, at: int, today: date, dates: list[_CalendarDate],
                     guessed: float | None) -> tuple[float, int] | None:
    """The days since a date said right after a named day (at `at`), with where it ends; None when none is. A month
    alone that holds the day the name is taken for (`guessed` days ago) only confirms it ("since freshers (mid
    sept)": freshers' week is the more exact); with no guess, the month alone dates it."""
    lead = _DATE_APPOSED.match(low, at)
    where = lead.end() if lead else at
    for month, day, start, end in dates:
        if at <= start <= where and month is not None and _DATE_CLOSES.match(low, end):
            return _days_since_day(month, day, today), end
    part = "|".join(_PART_DAY)
    month_said = re.compile(rf"(?:({part})(?:-|\s+)(?:of\s+)?)?({_MONTH_NAMES})\b(?!\s*\d)").match(low, where)
    # (a month alone only where it closes the clause: not "since christmas, in january it got worse")
    if month_said and where > at and _DATE_CLOSES.match(low, month_said.end()) and not re.match(
            r"\s*(?:and|but)\b", low[month_said.end():]):
        name = _MONTH_SHORT.get(month_said.group(2), month_said.group(2))
        if guessed is not None and (today - timedelta(days=guessed)).month == _MONTHS.index(name) + 1:
            return None
        return _days_since(name, today, _PART_DAY.get(month_said.group(1) or "start", 1)), month_said.end()
    return None


_SEASON_MONTHS = {"spring": (3, 4, 5), "summer": (6, 7, 8), "autumn": (9, 10, 11), "fall": (9, 10, 11),
                  "winter": (12, 1, 2)}
# "since the summer, maybe August", "since the summer I think. August, maybe.", "since spring - april or so"
_MONTH_AFTER_A_SEASON = re.compile(
    r"[\s,.;:!?()-]*(?:(?:i\s+think|i'd\s+say|id\s+say|i\s+guess|maybe|probably|prob|perhaps|possibly|around|about|"
    r"roughly|like|more\s+like|say|well|so|or|actually|early|in)[\s,.;:!?()-]+)*"
    rf"(?:the\s+)?(?:(start|beginning|early|mid|middle|late|end)(?:-|\s+)(?:of\s+)?)?({_MONTH_NAMES})\b(?!\s*\d)")


def _month_in_the_season(low: str, at: int, season: str) -> tuple[str, int, int] | None:
    """A month named right after "since <season>" that falls in that season: (the month, its day, where it ends)."""
    months = _SEASON_MONTHS.get(season)
    match = _MONTH_AFTER_A_SEASON.match(low, at) if months else None
    if match is None or months is None:
        return None
    name = _MONTH_SHORT.get(match.group(2), match.group(2))
    if _MONTHS.index(name) + 1 not in months:
        return None
    return name, _PART_DAY.get(match.group(1) or "start", 1), match.end()


def _after_event_on_a_weekday(low: str, today: date) -> list[tuple[str, float, int, int]]:
    """The weekday that closes what "after" names, as texts shorten it: "calf tight after my long run sun",
    "knee's sore after footy sat, like a 4" (the weekday alone; the event before it dates the pain)."""
    found = []
    for match in re.finditer(rf"\bafter\s+((?:[a-z'-]+\s+){{1,8}}?)({_WEEKDAYS})\b(?=\s*(?:$|[^\w\s']|(?:and|but|so|"
                             rf"like|it|its|it's|now|i|im|i'm|morning|night|afternoon|evening|"
                             # ... and the chat after it: "after chest day saturday lol"
                             rf"lol|lmao|haha\w*|tbh|tbf|innit|bro|mate|m8|fr|ngl)\b))", low):
        words = match.group(1).split()
        if words[-1] in _SUBJECTS | _DETERMINERS | _NOT_BEFORE_A_DAY or set(words) & _NOT_BETWEEN_SINCE_AND_DAY:
            continue
        found.append(("dating", _days_since_weekday(match.group(2), today), match.start(2), match.end(2)))
    return found


# What the pain began with, said in the past: "started monday gone", "pulled at 5 a side tues", "did it sat"
_ONSET_DONE = (r"started|began|begun|kicked\s+in|came\s+on|flared(?:\s+up)?|happened|"
               r"(?:hurt|did|done|put|ricked|cricked|tweaked|pulled|strained|twisted|jarred|knackered|wrenched)\s+"
               r"(?:it|my\s+\w+|me\s+\w+)(?:\s+in)?|"
               r"(?:pulled|tore|strained|tweaked|twisted)\s+a\s+\w+|"
               r"pulled|tweaked|strained|twisted|injured|cricked|ricked|jarred|popped|tore|torn|fell|slipped|went\s+over|"
               # the body part that gave: "my back went friday lifting boxes", "knee gave way sat"
               r"(?:back|neck|knee|hip|shoulder|ankle|calf|hamstring|groin)\s+(?:went|gave\s+(?:out|way)|"
               r"locked(?:\s+up)?|seized(?:\s+up)?)")
# ... and what, between it and a weekday, makes the weekday another start's: "started physio monday"
_NOT_THE_PAINS_START = _set("""physio physiotherapy treatment tablets pills meds medication ibuprofen naproxen massage
massages stretches stretching exercises antibiotics course appointment job""")


def _onset_on_a_weekday(low: str, today: date) -> list[tuple[str, float, int, int]]:
    """The weekday said right after the pain's start, as texts shorten it: "it started monday", "left groin pulled
    at 5 a side tues", "hurt it the saturday before last" (not "I start physio monday", ahead)."""
    found = []
    for match in re.finditer(rf"\b(?:{_ONSET_DONE})\b((?:\s+[a-z0-9'-]+){{0,4}}?)\s+(?:on\s+|last\s+|the\s+)?"
                             rf"({_WEEKDAYS})\b(?=\s*(?:$|[^\w\s']|(?:and|but|so|like|it|its|it's|now|i|im|i'm|"
                             rf"morning|night|nite|afternoon|evening|gone|just|past|before|when|while|whilst|after|"
                             rf"during|at|in|with|[a-z]{{2,}}ing)\b))",
                             low):
        words = match.group(1).split()
        if words and re.match(r"(?:started|began|begun)\b", match.group(0)) and (
                words[0].endswith("ing") or words[0] == "to"):
            continue  # "I've started going to the gym on monday": a new habit, not the pain's start
        if words and (words[-1] in _SUBJECTS | _DETERMINERS | _NOT_BEFORE_A_DAY
                      or set(words) & (_NOT_BETWEEN_SINCE_AND_DAY | _NOT_THE_PAINS_START)):
            continue
        found.append(("since", _days_since_weekday(match.group(2), today), match.start(), match.end()))
    return found


def _days_since_part(part: str, unit: str, today: date) -> float:
    """Days since a part of the current week, month or year ("the start of the month": the 1st; "the middle
    of the week": Wednesday), or of the last one when that part is still ahead."""
    if unit == "week":
        began = today - timedelta(days=today.weekday()) + timedelta(days=_PART_WEEKDAY[part])
        began = began if began <= today else began - timedelta(days=7)
    elif unit == "month":
        day = _PART_DAY[part]
        began = today.replace(day=day) if day <= today.day else (today.replace(day=1) - timedelta(days=1)).replace(
            day=min(day, 28))
    else:
        month = _PART_MONTH[part]
        began = date(today.year if month <= today.month else today.year - 1, month, 1)
    return float(max((today - began).days, 1))


def _calendar_dates(low: str) -> list[_CalendarDate]:
    """Dates written as a day of the month: "the 3rd of November", "3rd nov", "nov 3rd", "12/11", "the 12th"
    (month None: the last such day). Returns (month, day, start, end)."""
    found: list[_CalendarDate] = []
    patterns = (rf"\b(?:the\s+)?{_ORDINAL}(?:\s+(?:of\s+)?(?P<month>{_MONTH_NAMES})\b)?",
                # ("2 of November": the day's number without its ending, as many learners of English write it)
                rf"\b(?P<day>[0-3]?\d)\s+(?:of\s+)?(?P<month>{_MONTH_NAMES})\b",
                rf"\b(?P<month>{_MONTH_NAMES})\.?\s+(?:the\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b",
                rf"\b{_NUMERIC_DATE}\b")
    for pattern in patterns:
        for match in re.finditer(pattern, low):
            if any(start <= match.start() < end for _, _, start, end in found):
                continue
            groups = match.groupdict()
            day = int(groups.get("day") or groups.get("nday") or 0)
            if groups.get("nmonth"):
                month: int | None = int(groups["nmonth"])
            elif groups.get("month"):
                name = _MONTH_SHORT.get(groups["month"], groups["month"])
                month = _MONTHS.index(name) + 1
            else:
                month = None
            if groups.get("nmonth") and month == 10 and day <= 10 and match.group(0).count("/") == 1:
                continue  # "since friday. 5/10": a score out of 10, not the 5th of October
            if 1 <= day <= 31 and (month is None or 1 <= month <= 12):
                found.append((month, day, match.start(), match.end()))
    return found


def _days_since_day(month: int | None, day: int, today: date) -> float:
    """Days since a day of the month (the last such day when no month is given)."""
    if month is None:
        month, year = today.month, today.year
        if day > today.day:
            month, year = (month - 1, year) if month > 1 else (12, year - 1)
        try:
            return float(max((today - date(year, month, day)).days, 1))
        except ValueError:  # "the 31st" in a 30-day month
            return float(max(today.day, 1))
    try:
        return _days_since_date(month, day, today)
    except ValueError:
        return 30.0


def _days_since_weekday(name: str, today: date, *, last: bool = False) -> float:
    """Days back to the last such weekday (a week when it is today: "since monday" said on a Monday). "Last
    sunday" said on a Monday is the Sunday of the week before: yesterday would have been called "yesterday"."""
    name = _WEEKDAY_SAID.get(name, name)
    weekday = next(i for i, day in enumerate(_WEEKDAY_NAMES) if day.startswith(name[:3]))
    days = float((today.weekday() - weekday) % 7 or 7)
    return days + 7 if last and days == 1 else days


def _days_since_last_weekend(today: date) -> float:
    """"Last weekend": the weekend just gone, but the one before it when that one has only just ended (on a
    Sunday or a Monday "last weekend" is not the one still being talked of as "the weekend")."""
    days = _days_since_weekday("saturday", today)
    return days + 7 if days <= 2 else days


def _days_since_date(month: int, day: int, today: date) -> float:
    """Days from the last such date up to today."""
    began = date(today.year, month, day)
    if began > today:
        began = date(today.year - 1, month, day)
    return float(max((today - began).days, 1))


def _dating(low: str, today: date, dates: list[_CalendarDate]) -> list[tuple[float, int, int]]:
    """'in september', 'at the end of october', 'on bonfire night': when something happened. Only an
    onset inside a 'since <event>' clause ("since I started the new job in september")."""
    found = []
    part = "|".join(_PART_DAY)
    for match in re.finditer(rf"\b(?:in|at|around|from|during|by|on|was|were|so)\s+"
                             rf"(?:(?:the )?({part})(?:-|\s+)(?:of\s+)?)?(?:last |the |this )?"
                             rf"({_MONTH_NAMES}|christmas|xmas|easter|spring|summer|autumn|winter|"
                             rf"(?<=the )fall)\b", low):
        day = _PART_DAY.get(match.group(1) or "start", 1)
        name = _MONTH_SHORT.get(match.group(2), match.group(2))
        found.append((_days_since(name, today, day), match.start(), match.end()))
    for match in re.finditer(rf"(?:\b(?:on|at|around|round|after|before|over|during|in)|['’]round)\s+(?:the\s+)?"
                             rf"({_NAMED})\b", low):
        found.append(_named_day(low, match, today, dates))  # "on independence day (1st october)"
    # a month in brackets after the event it dates: "since the Berlin marathon (Sept)", "since freshers (mid sept)"
    for match in re.finditer(rf"\(\s*(?:in\s+|around\s+|about\s+|approx\.?\s+|~\s*)?(?:(?:the\s+)?({part})(?:-|\s+)"
                             rf"(?:of\s+)?)?({_MONTH_NAMES})\.?\s*\)", low):
        name = _MONTH_SHORT.get(match.group(2), match.group(2))
        found.append((_days_since(name, today, _PART_DAY.get(match.group(1) or "start", 1)), match.start(),
                      match.end()))
    # ... and a part of a month said bare, closing what "since" names: "since i started conservatoire mid september"
    for match in re.finditer(rf"(?<!\bin )(?<!\bat )(?<!\bthe )\b({part})(?:-|\s+)(?:of\s+)?(?:last\s+)?"
                             rf"({_MONTH_NAMES})\b", low):
        name = _MONTH_SHORT.get(match.group(2), match.group(2))
        found.append((_days_since(name, today, _PART_DAY[match.group(1)]), match.start(), match.end()))
    # ... and a date, on a weekday or not, or opening the brackets after the event: "at my niece's wedding (3rd
    # of October, beautiful day)"
    for month, day, start, end in dates:
        lead = re.search(rf"(?:\b(?:on|from|around|about|after|before|by|was|were|be)\s+|\(\s*(?:on\s+)?)"
                         rf"{_DAY_OF_DATE}(?:the\s+)?$", low[:start])
        if lead and not re.search(r"\bsince\s+(?:about\s+|around\s+)?$", low[:start]):
            found.append((_days_since_day(month, day, today), lead.start(), end))
    return found


def _days_since(name: str, today: date, day_of_month: int = 1) -> float:
    """Days from the last time `name` (a month, a holiday or a season) began, up to today; a month
    or season counted from `day_of_month` ("mid October": the 15th)."""
    name = {"simmer": "summer"}.get(name.removeprefix("the "), name.removeprefix("the "))
    if name in _MONTHS:
        month, day = _MONTHS.index(name) + 1, day_of_month
    elif name in _SEASON_START:
        month, day = _SEASON_START[name], day_of_month
    elif name in {"christmas", "xmas"}:
        month, day = 12, 25
    elif name.startswith("new year"):
        month, day = 1, 1
    else:  # easter
        began = _easter(today.year) if _easter(today.year) <= today else _easter(today.year - 1)
        return float(max((today - began).days, 1))
    began = date(today.year, month, day)
    if began > today:
        began = date(today.year - 1, month, day)
    return float(max((today - began).days, 1))


def _easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    n = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * n) // 451
    month = (h + n - 7 * m + 114) // 31
    return date(year, month, (h + n - 7 * m + 114) % 31 + 1)


def _event_clauses(low: str) -> list[tuple[int, int]]:
    """Spans of 'since <event>' onsets. Not events: 'since it hurts' or 'since you asked' (because), and a
    change since something ('better since the massage', 'update since last time'), which is not the onset."""
    spans = []
    for match in re.finditer(r"\bsince\s+", low):
        sentence_start = max(low.rfind(mark, 0, match.start()) for mark in ".!?;\n") + 1
        if _CHANGE_BEFORE.search(low[sentence_start:match.start()]) or _SESSION.match(low[match.end():]):
            continue
        words = list(re.finditer(r"[a-z0-9'’-]+|[^\sa-z0-9'’-]", low[match.end():]))[:8]
        kept: list[re.Match[str]] = []
        for word in words:
            text = word.group(0)
            if not re.match(r"[a-z0-9]", text) or text in _CLAUSE_STOP or (kept and text in _NEW_SUBJECT):
                break
            kept.append(word)
        if not kept or not _is_event(" ".join(w.group(0) for w in kept).split()):
            continue
        if _A_LENGTH.fullmatch(" ".join(w.group(0) for w in kept)):
            continue  # "since a couple of days", "since the last 3 weeks": a length, as some Englishes say "for"
        spans.append((match.start(), match.end() + kept[-1].end()))
    return spans


_A_LENGTH = re.compile(rf"(?:the\s+)?(?:(?:past|last)\s+)?(?:(?:a|an)\s+)?(?:{_NUM}\s+|{COUPLE}(?:\s+of)?\s+|few\s+|"
                       rf"several\s+|half\s+(?:a\s+|an\s+)?)?(?:{_LENGTH_UNITS})s?(?:\s+now)?")


_BEGAN = _set("started began begun kicked opened resumed")


def _is_event(words: list[str]) -> bool:
    first = words[0]
    if first in _DETERMINERS or first in _EVENT_NOUNS:
        return len(words) > 1 or first in _EVENT_NOUNS
    if first.endswith("ing") and len(first) > 4:
        return True
    if len(words) > 1 and words[1] in _BEGAN and first not in _SUBJECTS and first not in _CLAUSE_STOP:
        return True  # "since season started", "since term began": the article left out, as texts leave it
    if first in _SUBJECTS and len(words) > 1:
        verb = next((w for w in words[1:] if w not in _NOT_VERBS), "")
        return verb in _IRREGULAR_PAST or (verb.endswith("ed") and len(verb) > 3)
    return False


# A hedge between a count and its unit: "5ish weeks", "3 or so months", "6 odd weeks", "2 or more years"
_COUNT_HEDGE = r"(?P<hedge>\s*-?\s*ish|\s+or\s+so|\s*-?\s*odd|\s+or\s+more|\s*\+)?"


# A vague length, then the count that says it: "few weeks, mibbe 3", "a couple of months, maybe 4", "some days, 5 or 6"
# (not "a few weeks, 5/10", a score, nor "a few weeks, maybe 3 days", a count of its own unit)
_RESTATED_COUNT = re.compile(rf"(?P<lead>{RESTATED_COUNT_LEAD})(?P<count>{_NUM})(?:\s*(?:-|–|to|or)\s*(?P<top>{_NUM}))?"
                             r"(?=\s*(?:$|[.,;!?)\n]|(?:now|or\s+so|ish|tops|max|at\s+(?:least|most)|i\s+think|"
                             r"i'?d\s+say|i\s+guess|probably|maybe|and|but)\b))")


def _restated_counts(low: str) -> list[tuple[str, float, int, int]]:
    """Vague lengths made exact by the count said after them: "few weeks, mibbe 3" is 3 weeks (the top of a range:
    "some days, 5 or 6" is 6 days)."""
    found = []
    for match in _RESTATED_COUNT.finditer(low):
        if OTHER_TIMES_AFTER.match(low, match.end()):
            continue  # "some days 7, other days 3": scores on some days and on others
        unit = re.search(rf"\b({_LENGTH_UNITS})s?\b", match.group("lead"))
        count = word_number(match.group("top") or match.group("count"))
        if not restates_the_count(match.group("lead"), word_number(match.group("count")) or 0.0):
            continue  # "a couple of weeks, 6-7": a couple is never six, so the number is a score
        if unit and count is not None and 2 <= count <= 30:
            found.append(("length", count * _UNIT_DAYS[unit.group(1)], match.start(), match.end()))
    return found


# The spell of a doing the pain came after, said with the pain: "sore after a week of long days cutting", "elbow's
# been aching after a few days of hammering" (not "better after a week of rest": a treatment or a rest, no onset)
_SPELL_OF_DOING = re.compile(
    r"\b(?:pain\w*|hurt\w*|sore\w*|\w*ache\w*|aching|achy|stiff\w*|tight\w*|niggl\w*|twing\w*|killing|wrecked|"
    r"knackered|grief)\b[^.!?;,\n]{0,30}?\bafter\s+(?P<said>(?:the\s+(?:last|past)\s+)?"
    rf"(?P<amount>{_NUM}|a {COUPLE} of|{COUPLE} of|a coupla|coupla|a few|few|several|a|an)\s+"
    r"(?:(?:long|hard|busy|full|solid|heavy|tough|mad|crazy)\s+)?(?P<unit>day|week|wk|fortnight|month)s?)\s+of\s+"
    r"(?!(?:rest|resting|physio|physiotherapy|treatment|tablets|painkillers|ibuprofen|antibiotics|stretch\w*|"
    r"exercises|nothing|doing\s+nothing|sitting\s+still|taking\s+it\s+easy|ice|icing)\b)[a-z]")
_HABIT = re.compile(r"\b(?:always|every|usually|whenever|tends?\s+to|normally|typically|each)\b")


def _candidates(low: str, today: date) -> list[tuple[str, float, int, int]]:
    """Every time expression as (kind, days, start, end), most specific kinds first."""
    # ("a cpl of wks", "coupla days": a couple as texts shorten it)
    # ("a good month now", "a good few weeks", "a solid fortnight": the length said as no less than it)
    quantity = (rf"(?P<amount>{_NUM}|a {COUPLE} of|{COUPLE} of|a {COUPLE}|{COUPLE}|a good few|a few|few|several|a|an)"
                r"(?:\s+(?:good|solid|whole)(?=\s+(?:week|wk|fortnight|month|mth|mnth|year|yr)))?")
    found: list[tuple[str, float, int, int]] = _restated_counts(low)
    restated = [(start, end) for _, _, start, end in found]
    for match in _SPELL_OF_DOING.finditer(low):  # "sore after a week of long days cutting": the week it built over
        if match.group("unit").startswith("day") and (word_number(match.group("amount")) or 3.0) < 2:
            continue  # "aches after a day of typing": how each day goes, not when it began
        if _HABIT.search(_sentence_around(low, match.start("said"), match.end("said"))):
            continue  # "it always aches after a week of nights"
        amount = word_number(match.group("amount")) or {"a couple of": 2.0, "couple of": 2.0, "a few": 3.0,
                                                         "few": 3.0, "several": 4.0}.get(match.group("amount"), 1.0)
        found.append(("spell", amount * _UNIT_DAYS[match.group("unit")], match.start("said"), match.end("said")))
    for match in re.finditer(
        rf"(?<!\bafter )(?<!\bin )(?<!\bper )(?<!\ball )(?<!\beach )(?<!\bevery )(?<!\ba )(?<!\bhalf )"
        # "one and a half months", "one and half month" (a second language's way), "a month and a half"
        rf"\b{quantity}(?P<half_before>\s+and\s+(?:a\s+)?half)?{_COUNT_HEDGE}\s*(?:more\s+)?(?P<unit>{_LENGTH_UNITS})s?\b"
        rf"(?P<half_after>\s+and\s+(?:a\s+)?half\b)?(?:\s+ago\b)?",
        low,
    ):
        head = match.group(0)
        if match.group("amount") in ("a", "an") and match.group("hedge"):
            continue  # "had an odd week": no count to hedge
        if match.group("unit") == "mo" and re.match(r"an?\s*mos?\b", head):
            continue  # "hang on a mo", "my amo": a moment or a word, not a month
        if any(start <= match.start() and match.end() <= end for start, end in restated):
            continue  # "few weeks" in "few weeks, mibbe 3": the count said after it is the length
        amount = word_number(match.group("amount")) or {"a good few": 4.0}.get(match.group("amount"), 1.0)
        half = 0.5 if match.group("half_before") or match.group("half_after") else 0.0
        days = (amount + half) * _UNIT_DAYS[match.group("unit")]
        found.append(("ago" if head.endswith(" ago") else "length", days, match.start(), match.end()))
    # "half a year", "half a month ago": half the unit; "since maybe half year", the article left out as many speakers
    # of other languages leave it, or "a half year" (not "a half day", "half day Friday": work, not the pain's length)
    for match in re.finditer(rf"\b(?:(?:a|an|one)\s+)?half\s+(?:(?:a|an)\s+(?P<unit>{_LENGTH_UNITS})|"
                             r"(?P<long_unit>week|wk|month|mth|mnth|year|yr))\b(?:\s+ago\b)?", low):
        unit = match.group("unit") or match.group("long_unit")
        found.append(("ago" if match.group(0).endswith(" ago") else "length", 0.5 * _UNIT_DAYS[unit],
                      match.start(), match.end()))
    # "for some weeks now", "some months ago": vague, so a low count (never "some days are worse")
    vague = rf"\b(?:for\s+some\s+({_LENGTH_UNITS})s\b|some\s+({_LENGTH_UNITS})s\s+(?:ago|now)\b)"
    for match in re.finditer(vague, low):
        unit = match.group(1) or match.group(2)
        found.append(("ago" if low[match.start():match.end()].endswith("ago") else "length",
                      3 * _UNIT_DAYS[unit], match.start(), match.end()))
    # "for the past month or so", "the last few weeks": a length without a count
    # ... and "this past week", "these last few months", "for past 3 days" (the article left out)
    for match in re.finditer(rf"\b(?:(?:for|since)\s+)?(?:the\s+|this\s+|these\s+|since\s+|for\s+)(?:past|last)\s+"
                             rf"(?:(?P<amount>{_NUM}|few|{COUPLE}(?:\s+of)?)\s+)?(?P<unit>{_LENGTH_UNITS})s?\b"
                             # not "the last week of may"
                             rf"(?!\s+(?:of|in)\s+(?:last\s+)?(?:{_MONTH_NAMES})\b)", low):
        said = match.group("amount") or "1"
        amount = {"few": 3.0}.get(said) or word_number(said) or 1.0
        found.append(("length", amount * _UNIT_DAYS[match.group("unit")], match.start(), match.end()))
    # a unit alone as its own clause: "bout 6. month or so", "couple of weeks? week or so"
    # ... and as texts shorten it: "wk or so", "a mth"
    # ... and "4. year or more", "month or longer", "a year plus": one unit at the least
    for match in re.finditer(r"(?:^|[.,;!?]\s*)((?:a\s+)?(week|wk|fortnight|month|mth|mnth|year|yr)"
                             r"(?:\s+or\s+so|\s*ish|\s+or\s+(?:more|longer|over)|\s+plus|\s*\+|\s+at\s+least)?)"
                             r"\s*(?=$|[.,;!?])", low):
        found.append(("length", _UNIT_DAYS[match.group(2)], match.start(1), match.end(1)))
    # ... and in the plural, an uncounted few: "6/10. months. desk job" (weeks 3, months 3, years 2)
    alone = rf"(?:^|[.,;!?]\s*)((?:for\s+|many\s+|some\s+)?({_UNCOUNTED_WORDS})(?:\s+now)?)\s*(?=$|[.,;!?])"
    for match in re.finditer(alone, low):
        found.append(("length", _uncounted(match.group(2)), match.start(1), match.end(1)))
    # ... and opening an answer, with a sigh before it and a hedge after: "oh years I'm afraid since I retired",
    # "months i think", "erm weeks probably"
    for match in _UNCOUNTED_ANSWER.finditer(low):
        found.append(("length", _uncounted(match.group(2)), match.start(1), match.end(1)))
    # ... and after "been", wherever it stands: "it's been years now boyo", "been months"
    found += [("length", _uncounted(m.group(1)), m.start(), m.end()) for m in _BEEN_UNCOUNTED.finditer(low)]
    for match in _HAD_IT_UNCOUNTED.finditer(low):  # "I've had it years", "been going on years", "years this has been"
        group = next(name for name in ("said", "said_been", "said_first") if match.group(name))
        found.append(("length", _uncounted(match.group(group).split()[0]), match.start(group), match.end(group)))
    found += [("length", int(m.group(1)) * _CLINICAL_DAYS[m.group(2)], m.start(), m.end())
              for m in _CLINICAL.finditer(low)]
    dates = _calendar_dates(low)
    found += [("since", days, start, end) for days, start, end in _since_date(low, today, dates)]
    found += [("past", _days_since_weekday(m.group(1), today, last=True), m.start(), m.end())
              for m in re.finditer(rf"(?<!since )\blast ({_WEEKDAYS})\b", low) if not _DATE_FOLLOWS.match(low, m.end())]
    # "on saturday" dates an onset ("since my run on saturday") but alone may be ahead ("see you on monday");
    # so do "I spent all of Saturday digging" and "spent sunday in the garden"
    found += [("dating", _days_since_weekday(m.group(1), today), m.start(), m.end())
              for m in re.finditer(rf"\b(?:on|all(?:\s+day)?(?:\s+of)?|spent)\s+({_WEEKDAYS})\b", low)
              if not _DATE_FOLLOWS.match(low, m.end())]
    found += _after_event_on_a_weekday(low, today) + _onset_on_a_weekday(low, today)
    # "hiking on the weekend", "since the weekend", "over the weekend": the last Saturday before today
    found += [("since" if m.group(0).startswith("since") else "dating", _days_since_weekday("saturday", today),
               m.start(), m.end())
              for m in re.finditer(r"\b(?:since|on|at|over|during)\s+(?:the\s+)?weekend\b(?!s)", low)]
    found += [("since" if m.group(0).startswith("since") else "past", _days_since_last_weekend(today), m.start(),
               m.end()) for m in re.finditer(r"\b(?:since\s+)?last\s+weekend\b", low)]
    found += [("dating", days, start, end) for days, start, end in _dating(low, today, dates)]
    # "started monday gone", "monday just gone", "friday past": the last such weekday, as the UK and Ireland say it
    found += [("past", _days_since_weekday(m.group(1), today), m.start(), m.end()) for m in re.finditer(
        rf"\b(?:the\s+)?({_WEEKDAYS})\s+(?:just\s+)?(?:gone|past)\b(?!\s+(?:the|a|an|my|your|it|\d)\b)", low)]
    # "three weekends ago", "a couple of weekends back": counted back from the last Saturday
    found += [("ago", _days_since_weekday("saturday", today) + 7 * ((word_number(m.group(1)) or 1.0) - 1),
               m.start(), m.end()) for m in re.finditer(
        rf"\b({_NUM}|a couple of|couple of|a few|few|a)\s+weekends?\s+(?:ago|back)\b", low)]
    for pattern, kind, days in _FIXED:
        found += [(kind, days, m.start(), m.end()) for m in re.finditer(pattern, low)]
    # "since the match sunday before last", "the week before last": a week further back
    for index, (kind, days, start, end) in enumerate(found):
        before_last = _BEFORE_LAST.match(low, end)
        if before_last and re.search(rf"(?:{_WEEKDAYS}|week|weekend)$", low[start:end]):
            found[index] = (kind, days + 7, start, before_last.end())
    found += [("past", 14.0, m.start(), m.end()) for m in re.finditer(r"\b(?<!since )(?:the\s+)?week\s+before\s+last\b",
                                                                      low)]
    return found


_BEFORE_LAST = re.compile(r"\s+before\s+last\b")


def _accepted(kind: str, days: float, low: str, start: int, end: int, *, about_pain: bool,
              activities: Iterable[tuple[int, int]]) -> bool:
    """Whether this time expression says how long the pain has lasted (see the kinds above)."""
    before, after = low[:start], low[end:]
    if _of_another_illness(low, start, end):
        return False  # "I had breast cancer five years ago", "a stinking cold for 3 weeks": another illness's
    if kind == "length":
        head = low[start:end]
        attributive = _ATTRIBUTIVE.match(head)
        count = re.match(r"\d+(?:\.\d+)?", head)  # "12.5hr night": the count glued to its unit
        if attributive and (word_number(count.group(0) if count else re.split(r"[\s-]", head)[0]) or 0) > 1 \
                and not head.endswith("ago") \
                and not _LENGTH_ENDS.match(after) and not _LENGTH_LEAD.search(before):
            return False  # "12 hour shifts", but not "is 2 month" or "since 3 week" (a length, no plural)
        if _CAME_ON_OVER.search(before) and days <= 7 and not head.startswith("the "):
            return False  # "it crept up over a few days": how fast it came on (not "over the last month")
        if re.search(r"\bthe\s+same\s+(?:for\s+)?(?:about\s+|around\s+|over\s+)?$", before) and not _PAIN_IN.search(
                _sentence_around(low, start, end)):
            return False  # "nothing new then, it's been the same for years": something else, unchanged that long
        if _WELL_BEFORE.search(before):
            return False  # "the other knee's been fine for years", "pain free for 10 years": the time it was well
        if _HISTORY_BEFORE.search(before):
            return False  # "been riding horses forty years": how long they have done it, not the pain
        if _AGE_AFTER.match(after) or _gestation(low, before, head) or _KIN_BEFORE.search(before) or (
                _GESTATION_BEFORE.search(before) and re.search(r"(?:week|wk|month|mth|mnth|mo)s?$", head)) or (
                _BABY_AGE_BEFORE.search(before) and re.search(r"(?:day|week|wk|month|mth|mnth|mo)s?$", head)
                and not _ONSET_WORDS.search(before[-30:])) or (
                _AGE_BEFORE.search(before) and re.search(r"(?:year|yr)s?$", head)
                and re.match(r"\s*(?:$|[,.;!]|and\b)", after) and days >= 12 * 365) or (
                _PERSON_BEFORE_AGE.search(before) and re.search(r"(?:year|yr)s?$", head)
                and re.match(r"\s*(?:old\b|,|$)", after)):
            return False  # "80 years old", "29 weeks pregnant", "I have 34 years": an age, not how long it has hurt
        if _LIFE_BEFORE.search(before) or (_LIFE_AFTER.match(after) and re.search(r"(?:year|yr)s?$", head)) or (
                _done_for_years(before, head)):
            return False  # "widowed 4 years", "22 years on the tools": the person's life, not the pain
        doing = _DOING_AFTER.match(after)
        if (doing and (doing.group(1) or _DOING_LEAD.search(before))) or (days < 1 and _DOING_AFTER_COMMA.match(after)):
            return False  # "back from 3 weeks visiting my son": how long something else was done
        if _RATE_AFTER.search(after) or _FREQUENCY_BEFORE.search(before) or (
                low[start:end].startswith(("a ", "an ")) and _COUNTED_BEFORE.search(before)):
            return False  # "10 hours a day", "twice a week", "10,000 steps a day": how often, not how long
        if any(a_start < end and start < a_end for a_start, a_end in activities):
            return False  # inside an activity phrase ("sitting all day")
        if days >= 365 and any(a_end <= start and _ACTIVITY_GAP.match(low[a_end:start]) and not _PAIN_IN.search(
                low[max((m.end() for m in _CLAUSE_MARK.finditer(low, 0, a_start)), default=0):start])
                               for a_start, a_end in activities):
            return False  # "played violin 40 years, now my neck is stiff": years of the doing, no pain in its clause
        if days < 1 and re.match(r"\s+(?:straight|solid|non[- ]?stop|in\s+a\s+row|at\s+a\s+time|on\s+end|"
                                 r"at\s+a\s+stretch|without\s+a\s+break)\b", after):
            return False  # "after streaming, like 8 hrs straight": how long the doing lasts, not the pain
        if days < 1 and _DAILY_DOING_BEFORE.search(before) and not _PAIN_SAID.search(
                _around(low, start, end, _CLAUSE_MARK)) and not _LENGTH_LEAD.search(before):
            return False  # "soles ache by the end of my shift, i stand at the till 8 hours": the doing's day
        if days < 1 and _IF_DONE_BEFORE.search(before):
            return False  # "it goes off if I stand still a minute": how long the pause that eases it lasts
        if days < 1 and not _said_of_pain(low, start, end) and not re.search(
                r"\b(?:worse|worst|better|bad|getting|going on|on and off)\b", _sentence_around(low, start, end)) \
                and not _ONSET_WORDS.search(_sentence_around(low, start, end)):
            return False  # "headset on 8 hrs", "9 hours each way", "won't miss it for ten minutes": not the pain's
        # "drive for more than an hour", "sitting for a long time", "two hours of typing": the activity's length.
        # Only on an activity's scale (under a day, "ages"): "sore from typing for three weeks" is the pain's.
        if days >= 1 and not re.match(r"for (?:ages|a long time)", low[start:end]):
            return True
        return not any((a_end <= start and _ACTIVITY_GAP.match(low[a_end:start]))
                       or (a_start >= end and re.fullmatch(r"\s+of\s+(?:the\s+|my\s+)?", low[end:a_start]))
                       for a_start, a_end in activities)
    if kind == "since" and _WEIGHT_BEFORE.search(before):
        return False  # "lost nearly a stone since September": since when the weight went, not the pain
    if kind == "past":
        if _COMPARISON_BEFORE.search(before) or re.match(r"[^.!?;,]{0,20}\bwithout\s+(?:it|any|the|my)\b", after):
            return False  # "better than last week"; "ran 18k yesterday without it cramping once": a day it did not
        return about_pain or bool(_ONSET_WORDS.search(_sentence_around(low, start, end))) or _whole_answer(
            low, start, end)
    if kind == "present":
        return bool(_ONSET_WORDS.search(_sentence_around(low, start, end))) or _whole_answer(low, start, end)
    if kind == "dating":  # "it started on the 14th", "hurt it on saturday": dated by an onset in its sentence
        # or by the event the pain came after: "an aching calf after a long day digging on Saturday", "calves tight
        # after the thanksgiving turkey trot"
        return bool(_ONSET_WORDS.search(_sentence_around(low, start, end))) or (
            about_pain and bool(re.search(r"\bafter\b[^.!?;,\n]{0,60}$", before))) or (
            low.startswith("after", start) and bool(_PAIN_JUST_BEFORE.search(before))
            and not _AHEAD.search(_sentence_around(low, start, end)))
    return True


# The pain said just before "after <a day>": "calves tight after the turkey trot on thanksgiving"; not a day ahead
_PAIN_JUST_BEFORE = re.compile(r"\b(?:pain\w*|hurt\w*|sore\w*|\w*ache\w*|aching|achy|stiff\w*|tight\w*|niggl\w*|"
                               r"twing\w*|killing)\b(?:\s+[a-z']+){0,3}\s*$")
_AHEAD = re.compile(r"\b(?:will|'ll|should|shall|going\s+to|gonna|hope|hoping|next|until|till|see\s+(?:you|the|my))\b")


def _same_sentence(low: str, start: int, end: int) -> bool:
    return not re.search(r"[.!?;\n]", low[start:end])


def _gestation(low: str, before: str, head: str) -> bool:
    """ "I'm 26 weeks" in a message about a pregnancy: how far along, not how long it has hurt."""
    if not re.search(r"\b(?:i'?m|i am|she'?s|she is|we'?re)\s+(?:about\s+|nearly\s+|almost\s+)?$", before):
        return False
    return bool(re.search(r"week|month|mth", head)) and bool(re.search(r"pregnan|\bbaby\b|\bbump\b|midwife|expecting|"
                                                                  r"\b(?:weeks|months) along", low))


def calendar_today() -> date:
    """Today's date for counting "since monday"; BOT_TODAY (YYYY-MM-DD) pins it, so scripted conversations
    written for one day are read on any day as their authors meant them (the evaluation sets it)."""
    pinned = os.environ.get("BOT_TODAY")
    if pinned:
        try:
            return date.fromisoformat(pinned)
        except ValueError:
            pass
    return date.today()


def find_duration(text: str, *, about_pain: bool = True, activities: Iterable[tuple[int, int]] = (),
                  today: date | None = None) -> Duration | None:
    """How long the pain has lasted, in days, with the words that said so, or None.

    `activities` are the character spans of activity phrases in `text` (their lengths are not the
    pain's); `about_pain` says whether the message talks about pain at all (a lone "yesterday" in
    "did liverpool win yesterday" is not an onset); `today` fixes the calendar ("since january").
    """
    low = text.lower()
    if not about_pain and _SCHEDULE.search(low):
        return None  # "push my check-in back a few days": when to talk again, not how long it has hurt
    today = today or calendar_today()
    spans = list(activities)
    events = _event_clauses(low)
    accepted: list[tuple[int, Duration]] = []  # with how plainly each is said of the pain
    followed: list[Duration] = []  # dated events the pain has lasted since ("... and ever since")
    for kind, days, start, end in _candidates(low, today):
        if _of_another_illness(low, start, end):
            continue  # "had a nasty flu at the start of November ... and now": the flu's date, not the pain's
        event = next(((s, e) for s, e in events if s <= start and end <= e), None)
        if event and kind != "length" and event[0] < start:  # "since my car accident last year": the whole
            return Duration(days, text[event[0]:event[1]], *event)  # onset, dated by its own words
        if event and event[0] < start and not _counted_since_the_event(low, event[0], start, end):
            continue
        said = Duration(days, text[start:end], start, end)
        if kind == "dating" and any(e_end <= start and _same_sentence(low, e_end, start) for _, e_end in events):
            # "since I got her, which was mid october": the event's own date, said after it
            accepted.append((_said_of_pain(low, start, end), said))
        elif _accepted(kind, days, low, start, end, about_pain=about_pain, activities=spans):
            accepted.append((_said_of_pain(low, start, end), said))
        elif kind == "dating" and about_pain and _dates_what_the_pain_followed(low, start, end):
            accepted.append((max(_said_of_pain(low, start, end), 1), said))
        if kind == "dating" and about_pain and _dates_what_the_pain_followed(low, start, end):
            followed.append(said)
    # "I did the Three Peaks in the middle of October, 24 hours, 42 km, and ever since ...": a day's length said in
    # the sentence of a dated event the pain has lasted since is the event's, and the date is the pain's onset
    for event_day in followed:
        sentence = _sentence_around(low, event_day.start, event_day.end)
        at = low.find(sentence)
        accepted = [(rank, said) for rank, said in accepted
                    if not (said.days is not None and said.days <= 1 and at <= said.start < at + len(sentence)
                            and said is not event_day)]
    concluded = [said for rank, said in accepted if rank and _concludes(low, said)]
    if concluded and len(accepted) > 1:  # "started 3 wks after she was born so 5 weeks": the total said last
        return concluded[-1]
    if accepted:
        # "22 years on the tools. ... a burning ache since about Easter": the time said of the pain wins over the
        # times said of the person's life, another illness or another event
        plainest = max(rank for rank, _ in accepted)
        return _refined([said for rank, said in accepted if rank == plainest], [said for _, said in accepted])
    events = [(start, end) for start, end in events if not _of_another_illness(low, start, end)]
    if events:
        start, end = events[0]
        age = _BIRTH.search(low[start:end]) and _BABY_AGE.search(low)
        if age:  # "baby is 6 weeks old ... since she was born": the baby's age
            amount = word_number(age.group("count")) or 1.0
            return Duration(amount * _UNIT_DAYS[age.group("unit")], text[start:end], start, end)
        month = _MONTH_OF_THE_EVENT.match(low, end)
        if month:  # "since season started, like august": the month the event began in dates it
            name = _MONTH_SHORT.get(month.group("month"), month.group("month"))
            day = _PART_DAY.get(month.group("part") or "", 1)
            return Duration(_days_since(name, today, day), text[start:month.end()], start, month.end())
        return Duration(None, text[start:end], start, end)
    return None


# Words between an onset event and the count that says how long ago it was: "since the tournament started like 3 wks"
_HEDGE_BEFORE_A_COUNT = (r"(?:\s*,?\s*(?:so|like|about|around|roughly|approx|maybe|probably|prob|nearly|almost|over|"
                         r"just\s+over|a\s+good|i\s+think|i'?d\s+say|i\s+guess|now|mibbe|mebbe|aboot|bout|abt))*\s*$")
# ... and the words that make the count part of the event: "since I did 3 weeks", "since my 2 week holiday",
# "since I was off for 3 weeks"
_COUNT_OF_THE_EVENT = _set("""the my a an our his her their this that of for in on at off after during over than
did done spent had took taken was were lasted been did doing spending""")


def _counted_since_the_event(low: str, since: int, start: int, end: int) -> bool:
    """A count closing a "since <event>" clause says how long ago the event was: "since the tournament started like
    3 wks", "since preseason, like 3 months" (not "since I spent 3 weeks in bed", the event's own length)."""
    lead = re.search(_HEDGE_BEFORE_A_COUNT, low[since:start])
    words = re.findall(r"[a-z0-9']+", low[since:start][:lead.start()] if lead else low[since:start])
    closes = re.match(r"\s*(?:now|or\s+so|ish|ago|roughly|approx|at\s+least|i\s+think|i'?d\s+say)?\s*(?:$|[.,;!?\n]|"
                      r"(?:and|but|so)\b)", low[end:])
    of_the_event = words[-1] in _COUNT_OF_THE_EVENT and words[-2:] != ["kicked", "off"]
    return len(words) >= 2 and not of_the_event and bool(closes)


# Words that conclude a total: "... so 5 weeks", "that's 6 weeks", "which makes it about 2 months", "3 weeks in all"
_CONCLUDING_BEFORE = re.compile(
    r"(?:\bso|\bthat'?s|\bthats|\bthat\s+is|\bwhich\s+(?:makes?|made|is|would\s+be|means)(?:\s+it)?|\bmaking\s+it|"
    r"\bso\s+(?:it'?s|its|that'?s|thats|about|around)|\ball\s+in\s+all|\bin\s+total|\baltogether|\bmakes\s+it)"
    r"(?:\s+(?:been|now|about|around|roughly|like|maybe|probably|nearly|almost|just\s+over|over|a\s+good|"
    r"all\s+in\s+all|in\s+total|altogether))*\s*$")
_CONCLUDED_ENDS = re.compile(r"\s*(?:now|or\s+so|ish|roughly|in\s+total|altogether|all\s+in\s+all|i\s+think|"
                             r"i'?d\s+say|i\s+guess|give\s+or\s+take|more\s+or\s+less|then)?\s*(?:$|[.,;!?)\n]|"
                             r"(?:and|but)\b)")


def _concludes(low: str, said: Duration) -> bool:
    """A counted length said as the total the person works out: "started about 3 wks after she was born so 5 weeks",
    "it began a fortnight before Christmas, so 6 weeks or so", "which makes it 2 months"."""
    counted = _uncounted_range(said.text) is None and not re.match(r"(?:for\s+)?(?:some|a\s+few|few|several|many)\b",
                                                                   said.text.lower())
    return (counted and said.days is not None and bool(_CONCLUDING_BEFORE.search(low[:said.start]))
            and bool(_CONCLUDED_ENDS.match(low, said.end)))


# The month an onset event began in, said after it: "since season started, like august", "since uni started so
# mid september", "since the new job, back in march"
_MONTH_OF_THE_EVENT = re.compile(
    r"\s*,?\s*(?:(?:so|like|about|around|roughly|maybe|probably|i\s+think|which\s+was|that\s+was|in|back\s+in|"
    r"since|from|approx|abt|bout)\s+)*(?:(?P<part>early|mid|late|start|end)(?:\s*-\s*|\s+of\s+|\s+))?"
    rf"(?P<month>{_MONTH_NAMES})\b(?=\s*(?:$|[.,;!?)\n]|(?:i\s+think|or\s+so|ish|and|but|time)\b))")


# A birth as the onset ("since she was born", "since having the baby") and the baby's age said with it
_BIRTH = re.compile(r"\b(?:born|birth|arrived|came\s+along|"
                    # "since she came", "since the baby came home" (not "since she came to stay", "came back")
                    r"(?:she|he|they|baby|bubba|twins|(?:the|my|our)\s+(?:baby|twins|little\s+one|son|daughter))\s+"
                    r"(?:came|come)(?:\s+home)?\b(?!\s+(?:to|back|over|round|around|in|out|up|down|for|with|by|and)\b)|"
                    r"had\s+(?:her|him|them|the\s+(?:baby|twins))|"
                    r"having\s+(?:her|him|them|the\s+(?:baby|twins)|my\s+(?:son|daughter|baby|little\s+one)))\b")
_BABY_AGE = re.compile(rf"\b(?P<count>{_NUM}|a)\s*(?P<unit>day|week|wk|month|mth|mo)s?\s+old\b")


# Words that make a time the pain's: the pain, how it feels, its onset ("had it", "started", "felt my back go")
_PAIN_SAID = re.compile(
    r"\b(?:pain\w*|hurt\w*|sore\w*|\w*ache\w*|migraine\w*|aching|achy|agony|stiff\w*|niggl\w*|twing\w*|tight\w*|"
    r"burning|throbb\w*|"
    r"sharp|tender|cramp\w*|killing|bothering|playing up|giving me|flared|flaring|start|started|began|came on|comes on|"
    r"come on|had it|had this|ever since|since then|on and off)\b|"
    r"\bfelt\s+(?:my|it|something|a)\b[^.,;!?]{0,20}\b(?:go|went|give|gave|pop|popped|click|clicked|twinge|pull|"
    r"tweak|snap|tear|twang)\b")
# Words that leave a clause "only the time": "it's been about a week", "for the last 2 months", "From 1 month."
_TIME_WORDS = _FILLER | _set("for the last past now ago over nearly almost just under more less or so at least a an "
                             "good few already")
_CLAUSE_MARK = re.compile(r"[.!?;,\n()](?!\d)")  # not "12.5-hour" or "20,000"
_SENTENCE_MARK = re.compile(r"[!?;\n]|\.(?!\d)")


def _around(low: str, start: int, end: int, marks: re.Pattern[str]) -> str:
    """The words either side of a time, out to the nearest marks, without the time itself."""
    left = max((mark.end() for mark in marks.finditer(low, 0, start)), default=0)
    right = next((mark.start() for mark in marks.finditer(low, end)), len(low))
    return low[left:start] + " " + low[end:right]


def _said_of_pain(low: str, start: int, end: int) -> int:
    """How plainly a time is said of the pain: 2 when its clause speaks of the pain, or is only the time in a
    sentence that does ("pain between shoulder blades, 6/10, about a month"), or its sentence is only the time
    ("Three months now."); 1 when its sentence speaks of the pain; 0 when neither ("plasterer 30 yrs, 55.")."""
    clause, sentence = _around(low, start, end, _CLAUSE_MARK), _around(low, start, end, _SENTENCE_MARK)

    def only_the_time(words: str) -> bool:
        return all(word in _TIME_WORDS for word in re.findall(r"[a-z0-9']+", words))

    # a score says the sentence is about the pain: "About a 4, been about 2 weeks."
    of_pain = bool(_PAIN_SAID.search(sentence)) or parse_intensity(sentence) is not None
    if _PAIN_SAID.search(clause) or (of_pain and only_the_time(clause)) or only_the_time(sentence):
        return 2
    return 1 if of_pain else 0


# "ever since", "and now": the pain has gone on since what was said before; a past verb says it happened
_EVER_SINCE = re.compile(r"\b(?:ever since|since then|and now|now)\b")
_PAST_DONE = re.compile(r"\b(?:was|were|did|had|went|spent|got|ran|rode|swam|[a-z]{3,}ed)\b")
_CHANGED = re.compile(r"\b(?:better|easier|eased|worse|improv\w*)\b")


def _dates_what_the_pain_followed(low: str, start: int, end: int) -> bool:
    """A day on which something was done that the pain has lasted since: "did a sportive on the 22nd ... ever since",
    "first session on Saturday was hill repeats ... and now both my calves are killing me" (not "see you on
    Monday", which is ahead, nor "had physio on Monday and now it's easier", a change in a pain already there)."""
    since = _EVER_SINCE.search(low, end)
    if not since or not _PAST_DONE.search(_sentence_around(low, start, end)):
        return False
    around = _around(low, since.start(), since.end(), _CLAUSE_MARK)
    return not _CHANGED.search(around)


def _refined(accepted: list[Duration], alongside: list[Duration]) -> Duration:
    """The pain's duration among the accepted times. "Stiff for an hour each morning, for 6 months now": hours
    describe an episode, days the pain's age. "6. months. maybe since march": an uncounted length is a rough
    guess that a precise one in its range, said with it (`alongside`: wherever in the message), refines (not
    "for years, but worse since march")."""
    first = next((d for d in accepted if d.days is not None and d.days >= 1), accepted[0])
    scale = _uncounted_range(first.text)
    if scale is None:
        return first
    return next((d for d in alongside if d.days is not None and _uncounted_range(d.text) is None
                 and scale[0] <= d.days <= scale[1]), first)


def _uncounted_range(said: str) -> tuple[float, float] | None:
    """The days an uncounted length can mean ("months": one to about a year), None for a counted or dated one."""
    match = _UNCOUNTED_SAID.fullmatch(said.lower().strip())
    return _UNCOUNTED_RANGE[_UNCOUNTED_SHORT.get(match.group(1), match.group(1))] if match else None


def _uncounted(unit: str) -> float:
    """The rough days of a length said without a count ("weeks", "mths")."""
    return _UNCOUNTED[_UNCOUNTED_SHORT.get(unit, unit)]


def parse_duration_days(text: str, *, today: date | None = None) -> tuple[float, str] | None:
    """How long the pain has lasted, in days, and the words that said so (None when not countable)."""
    found = find_duration(text, today=today)
    return (found.days, found.text.lower()) if found and found.days is not None else None
