"""Pure parsers for the numeric facts people give: intensity 0-10 and age (durations: durations.py).

Kept apart from spaCy so they are trivially testable and shared by the bot and the CLI.
"""

from __future__ import annotations

import re

__all__ = ["COUPLE", "KIN_WORDS", "NUMBER_PATTERN", "OTHER_TIMES_AFTER", "RESTATED_COUNT_LEAD", "parse_age",
           "parse_intensity", "parse_someone_elses_age", "restates_the_count", "word_number"]

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
# "couple" as texts shorten it ("a cpl of wks", "cple days", "coupla months"), shared with durations.py
COUPLE = r"(?:couple|cpl|cple|coupla)"
_COUPLE_SHORT = re.compile(r"\b(?:cpl|cple)\b")
_COUPLA = re.compile(r"\bcoupla(?:\s+of)?\b")  # "coupla" is "couple of" already
_SEVERITY = {"mild": 3, "slight": 2, "moderate": 5, "medium": 5, "severe": 8, "excruciating": 9,
             "unbearable": 9, "agonising": 9, "agonizing": 9}


def word_number(token: str) -> float | None:
    """'six' -> 6, '7' -> 7, 'a cpl of' -> 2, anything else -> None."""
    token = _COUPLA.sub("couple of", _COUPLE_SHORT.sub("couple", re.sub(r"\s+", " ", token.strip().lower())))
    if token in _WORDS:
        return float(_WORDS[token])
    try:
        return float(token)
    except ValueError:
        return None


# A 0-10 score said in words people use: "4/10", "4 out of 10", "4 on 10", "7 from 10", "4 of 10".
# ... as Scots and texts say "out of": "6 oot o ten", "oot of 10", "6 outta 10"
_SCALE_AFTER = re.compile(r"^\s*(?:(?:/|(?:out|oot|owt)\s*(?:of|o'?|a)|outta|outa|ootae|oota|of|on|from|over)\s*"
                          r"(?:10|ten)\b|"
                          r"(?:score|points?|marks?)\b(?! (?:of|in|for)\b))")  # "5 score", "6 points"
# "about", "maybe" and "I'd say" as Scots, Northern English, Irish and Caribbean speakers write them: a score said
# inside them is still the score ("aboot a 6 a'd say", "bout 5 mi seh", "mebbe a 4 like")
_DIALECT_HEDGE = r"aboot|aboots|'bout|'boot|roon aboot|roond aboot|aroon|aroond|mibbe|mebbe|mibbes|mebbes|prolly|probs"
_DIALECT_SAY = (r"(?:i|a|ah|mi|me|ai)(?:'d|'ll|d|\s+wid|\s+wud|\s+would|\s+woulda|\s+wi|\s+go)?\s+(?:say|seh|sey|sae|"
                r"gie\s+it|gi'\s+it|give\s+it|call\s+it)")
# Words that close a clause in dialect after a score, said for emphasis or as a tag: "a 3 so" (Irish, Caribbean),
# "a 6 easy", "a good 6 noo", "5 mon", "it's a 7 o" (Nigerian)
_DIALECT_CLOSE = (r"(?:so|easy|easy\s+enough|noo|nou|eh|ya|yah|yuh|mon|man|innit|init|sha|sef|o|la|lah|leh|lor|tho|doe|"
                  r"fi\s+true|fi\s+sure|for\s+sure|defo|deffo|like|"
                  # ... and the Filipino English particle of respect: "4 po", "maybe 6 po, since last week"
                  r"po)(?=\s*(?:$|[.,;:!?)]))")
# Words right before a number that make it a score: "about a 5", "call it a 4", "I'd say 6", "it's a 7",
# "strength I will say 6", "dull ache 5". Not "for", "since" or "at" (durations and clock times).
_LEAD_IN = re.compile(
    r"(?:^|[\s(])(?:about|abt|bout|around|roughly|approx|approximately|like|maybe|perhaps|prob|probably|say|says|"
    # a carer passing the score on: "he is saying 6", "papa telling 5"
    r"saying|telling|tells|said|"
    r"think|thinks|guess|guesses|reckon|reckons|reckoned|figures|"
    r"call it|put it at|rate it|rate it at|rated|rating|score|level|intensity|strength|severity|"
    # "I give 5", "I would give 6": the score given, as learners of English say it
    r"i give|i gives|i would give|i'd give|id give|i will give|i'll give|i gave|"
    r"number|is|it's|its|was|a|an|reaching|reaches|hits|gets to|goes to|goes up to|up to|ache|aches|aching|pain|"
    r"sore|hurts|tight|sharp|dull|burning|throbbing|achy|achey|achie|stiff|cramp|cramping|feeling|sorry|painful|"
    r"hurting|pinchy|burny|stingy|niggly|nagging|pulling|pressing|stabbing|shooting|tender|throbby|heavy|"
    # the pain named by a noun, then its score: "like a sharp pull 6", "a twinge 4", "dull throb maybe 5"
    r"pull|tug|twinge|niggle|throb|knot|burn|sting|stab|pang|cramps|soreness|tightness|stiffness|discomfort|"
    # "is strong 8", "pain lvl 6", "oh 7 when it grabs", "I meant 7"
    r"strong|stronger|strenght|lvl|oh|ooh|ohh|hmm|hm|um|umm|erm|uh|meant|mean|ment|"
    # "usually 5, sometimes 6": how strong it usually is (the usual-score reading picks which)
    r"usually|normally|generally|typically|sometimes|mostly|often|"
    # ... as they are mistyped: "normaly 5, after the work more", "usualy 4"
    r"normaly|normly|usualy|usally|usuall|genrally|generaly|"
    r"of about|of around|of maybe|of roughly|still|now|currently|down to|back to|"
    # Nigerian Pidgin "na" is "is": "the pain now na 4", "e na like 6"
    r"(?:pain|it|e|now|dey) na|"
    # "dunno 6?", "not sure, 5?": a score said with doubt is still the score
    r"dunno|donno|idk|not sure|no idea|unsure|"
    # "a solid 6", "easily a 7", "a good 5": a score said with a word for how sure
    r"(?:a|an) (?:solid|good|strong|hard|firm|decent|steady|definite|clear|high|low|proper)|easily|at least|"
    r"at most|"
    # "more or less 5", "round about 4", "give or take 6", "somewhere around 5": a hedge of more than one word
    r"more or less|round about|roundabout|give or take|somewhere around|somewhere about|in the region of|"
    r"possibly|could be|might be|"
    # ... and as dialects say the hedge: "aboot a 6" (Scots), "'bout 5", "mibbe 4", "a'd say 6", "mi seh 5" (Patois)
    rf"{_DIALECT_HEDGE}|{_DIALECT_SAY})\s*$")
# A number that starts its own clause: "sharp when I bend. 7", "oh sorry, 5".
_CLAUSE_START = re.compile(r"(?:^|[.,;:!?(\n]|\band|\bbut|\bso)\s*$")
_TIME_UNITS = "minute|min|hour|hr|day|night|week|wk|fortnight|month|mnth|mth|mo|year|yr"
# Words that open the next clause of a run-on message, so a number before them ends its own: "prob a 5 had it
# about a week", "like 6 worse bending over", "about a six it's sort of stiff", "like 4 been abt 3 wks"
_NEXT_CLAUSE = r"worse|better|had|been|it|it's|its|hurts|hurting"
# ... but "around 5 it gets worse", "by 6 it's killing me": a time of day, unless an article makes it a score
_CLOCK_BEFORE = re.compile(r"\b(?:about|abt|bout|around|roughly|approx|by|at|after|till|until|from)\s+$")
# (not "about 4 it is", a score said as learners of English end it)
_CLOCK_NEXT_CLAUSE = re.compile(r"^\s+(?:it(?!\s+is\s*(?:$|[.,;!?]|since\b|for\b|now\b))|it's|its|had|been)\b")
# What may follow a score: the end of the clause, or words that do not make it a count of something.
_SCORE_TAIL = re.compile(
    # (a dash set off by spaces closes the clause too: "dull 5 - couple of days")
    r"^(?:\s*$|\s*[.,;:!?)]|\s+[-–—]\s+(?!\d)|\s*(?:/|-|–)?\s*ish\b|"
    r"\s+(?:now|today|tonight|atm|rn|at|on|when|whenever|most|mostly|"
    r"maybe|or|to|i|i'd|id|and|but|by|tbh|probably|prob|sometimes|usually|max|tops|though|these|in|if|during|after|"
    r"while|really|honestly|dear|mate|lol|haha|x+(?!\s*\d)|even|still|then|first|if|right|depending|worst|best|"
    # "about a 5 overall", "a 6 on average"
    r"overall|generally|typically|normally|normaly|usualy|average|on\s+average|in\s+general|all\s+round|"
    r"perhaps|possibly|anyway|anyhow|regardless|"  # "6 perhaps", like "6 maybe"; "a 4 anyway"
    r"mebbe|mibbe|mebbes|mibbes|prolly|probs|"  # "4 mebbe": "maybe" as Scots and Geordies write it
    rf"out|most|which|that|since|for|like|about|bout|abt|around|{_NEXT_CLAUSE})\b|"
    # "aboot a 6 a'd say", "bout 5 mi seh", "it eh so bad, a 3 so": the speaker's hedge or a closing word in dialect
    rf"\s*,?\s+(?:{_DIALECT_SAY})\b|\s+{_DIALECT_CLOSE}|"
    # "sore 6 roughly 3 weeks", "tight 6 a few weeks": the score, then how long with a hedge
    r"\s+(?:roughly|approx|approximately|nearly|almost|over|past|(?:the\s+)?(?:last|past)|(?:a\s+)?few|several|"
    rf"(?:a\s+)?{COUPLE}(?:\s+of)?)\s+(?:{_NUM}\s*)?(?:a\s+|an\s+)?(?:{_TIME_UNITS})s?\b|"
    # "is 5 more or less", "5 or thereabouts", "a 4 give or take": a hedge closing the score's clause (not "5 weeks
    # more or less", whose number counts the weeks)
    r"\s+(?:more\s+or\s+less|(?:or\s+)?thereabouts|give\s+or\s+take(?:\s+(?:a|one)\s+(?:point|bit))?|roughly|"
    r"approx(?:imately)?|at\s+a\s+guess|if\s+i\s+had\s+to\s+(?:say|guess))(?=\s*(?:$|[.,;:!?)]|(?:i\s+think|i'?d\s+say|"
    rf"i\s+guess|now|today|tbh|and|but|{_NEXT_CLAUSE})\b))|"
    # "a 6 not a 3": the score kept over the one taken back
    rf"\s*,?\s+not\s+(?:a\s+|an\s+)?{_NUM}\b|"
    # "achy 4 2 weeks": a terse list, the score then how long
    rf"\s+{_NUM}\s*(?:{_TIME_UNITS})(?:s\b|\b(?=\s*(?:$|[.,;:!?]|(?:ago|now|or)\b))))")
# "5-6", "7 or 8", "two or three", "a 4 or a 5", "4 or maybe 5": a range, whose top and whose tail say what it counts
_RANGE_TOP = r"(?:a\s+|an\s+)?(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\b"
_RANGE = re.compile(rf"^\s*(?:-|–|to|or(?:\s+(?:maybe|possibly|perhaps|probably|prob|even))?)\s*{_RANGE_TOP}")
# ... and "between 6 and 7", "between a 4 and a 5", "somewhere between 5-6"
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+(?:a\s+|an\s+)?$")
_BETWEEN_TOP = re.compile(rf"^\s*(?:and|&|n|-|–|to)\s*{_RANGE_TOP}")
# Someone else's number: "my son is 5", "she's 6".
_OTHER_PERSON = re.compile(r"\b(?:son|daughter|kid|kids|child|baby|boy|girl|toddler|grandson|granddaughter|he|she|"
                           r"he's|she's|they're|dog)\s+(?:is|was|'s|are)?\s*(?:only\s+|nearly\s+|almost\s+)?$")
_TAKEN_BACK = re.compile(r"\bnot\s+(?:a\s+|an\s+)?$")  # "not a 3, more like a 6": the 3 is no score
# (a comma typed without its space before a score is still a comma: "dull ache,5,couple of days"; not "1,5")
_DIGITS = re.compile(r"(?<![\d.:/£$€])(?<!\d,)(\d{1,2}(?:\.\d)?)(?![\d%]|[.,:]\d|(?!ish\b)[a-z])")  # "5ish" is a 5
_WORD_SCORE = re.compile(r"\b(?:an?)\s+(zero|two|three|four|five|six|seven|eight|nine|ten)\b")
_NUMBER_WORD = re.compile(r"\b(zero|two|three|four|five|six|seven|eight|nine|ten)\b")
# A number word as voice-to-text writes it down, after a hedge and an article: "about a for" (four), "like an ate"
_HEARD_AS = {"for": 4, "fore": 4, "ate": 8}
_HEARD_SCORE = re.compile(r"\b(?:about|around|roughly|like|maybe|prob|probably|say|it's|its|is|was)\s+an?\s+"
                          rf"({'|'.join(_HEARD_AS)})\b")
# When a score is said of: usually ("I normally get headaches, 3 or 4 out of 10") or now ("today ... 10/10"). The
# last of these said before a score in its sentence gives its time; a score for now wins over a usual one.
_USUALLY = re.compile(r"\b(?:usually|normally|typically|generally|ordinarily|most days|most of the time|as a rule|"
                      r"tend to|used to)\b")
_NOW = re.compile(r"\b(?:today|now|tonight|this morning|this time|at the moment|currently|at present|different)\b")


_AN_AGE_BEFORE = re.compile(r"\b(?:since|when|ever since|from when|till|until|as|back when|before) "
                            r"(?:i|he|she|we|they|you|u|my \w+|our \w+)\s+(?:was|were|am|is|turned)\s+(?:about\s+)?$")


def _score_at(low: str, start: int, end: int, *, word: bool) -> tuple[float, int] | None:
    """The score a number at [start, end) states, with where its words end; None for a count or a time."""
    value = word_number(low[start:end])
    if value is None or not 0 <= value <= 10:
        return None
    before, after = low[:start], low[end:]
    if _TAKEN_BACK.search(before):
        return None
    scale = _SCALE_AFTER.match(after)
    if scale:
        return value, end + scale.end()
    if word:  # "a four": the article already makes it a score; "two weeks" never got here
        return (value, end) if _SCORE_TAIL.match(after) or _ARTICLE_TAIL.match(after) else None
    if _OTHER_PERSON.search(before) or (_CLOCK_BEFORE.search(before) and _CLOCK_NEXT_CLAUSE.match(after)):
        return None
    if _AN_AGE_BEFORE.search(before):
        return None  # "bruised easily since I was 10", "when he was 6": an age, not a score
    uncounted = _UNCOUNTED_LENGTH_BEFORE.search(before)
    if uncounted and restates_the_count(uncounted.group(0), value) and not OTHER_TIMES_AFTER.match(after):
        return None  # "a few months, say 3": the count of the months, not a score (but "some days 7, others 3")
    if _HEDGED_COUNT_AFTER.match(after):
        return None  # "5 or so weeks", "5ish weeks", "3 or more years": a count of the weeks, hedged
    between = _BETWEEN_TOP.match(after) if _BETWEEN_BEFORE.search(before) else None
    if between:  # "between 6 and 7": the higher, as for "6-7"; "between 2 and 3 weeks" counts the weeks
        return _range_top(low, value, end, between)
    alone = not before.strip() and not after.strip(" .!?")  # just "7": a score only when one was asked for
    if alone or not (_LEAD_IN.search(before) or _CLAUSE_START.search(before)):
        return None
    upper = _RANGE.match(after)
    if upper:  # "5-6", "7 or 8": the higher, which is the safer reading for the red-flag rules
        top = word_number(upper.group(1))
        tail = after[upper.end():]
        if top is not None and value < top <= 10 and _SCORE_TAIL.match(tail):
            return top, end + upper.end()
        if COUNTED_AFTER.match(tail):
            return None  # "3 or 4 hours a day", "2 or 3 times a week": a range of a count
    if not before.strip() and _OPENING_TAIL.match(after):
        return value, end  # "7 goin down stairs" to "how strong?": the score, then what brings it there
    return (value, end) if _SCORE_TAIL.match(after) or _after_an_article(before, after) else None


def _range_top(low: str, value: float, end: int, top_said: re.Match[str]) -> tuple[float, int] | None:
    """The score of a range said "between 6 and 7": its higher number, when what follows makes it a score."""
    top = word_number(top_said.group(1))
    tail = low[end + top_said.end():]
    if top is None or top > 10 or COUNTED_AFTER.match(tail):
        return None  # "between 2 and 3 weeks", "between 4 and 5 hours a day"
    scale = _SCALE_AFTER.match(tail)
    if scale or _SCORE_TAIL.match(tail):
        return max(value, top), end + top_said.end() + (scale.end() if scale else 0)
    return None


# A doing after a number that opens the message: "7 going down stairs", "8 walkin uphill" (not "5 running shoes")
_OPENING_TAIL = re.compile(r"^\s+(?:[a-z]{2,}ing|[a-z]{2,}in'?)(?!\s+(?:club|shoes|session|sessions|machine|track|"
                           r"group|"
                           r"partner|buddy|team|boots|bag|app|plan|programme|program|pool|lane|times|days|weeks)\b)\b")


# "about a 7 started monday", "like a 6 going down stairs": after an article, a number then a doing or the onset is
# still the score (not "a 10 minute walk", "a 5 a side")
_ARTICLE_BEFORE = re.compile(r"(?:^|\s)an?\s+$")
_ARTICLE_TAIL = re.compile(r"^\s+(?:[a-z]{2,}ing(?!\s+(?:club|shoes|session|sessions|machine|track|group|partner|"
                           r"buddy|team|boots|bag|app|plan|programme|program|pool|lane)\b)|started|began|begun|"
                           r"kicked\s+in|came\s+on|flared|since)\b")
# A length counted vaguely, then a number said to count it: "a few months, say 3", "a couple of weeks, maybe 3", "few
# weeks, mibbe 3", "some days, 5 or 6" (shared with durations.py, which reads the count as the length)
_COUNT_HEDGES = (r"say|maybe|about|around|roughly|like|probably|prob|or|so|i'?d\s+say|i\s+think|i\s+guess|perhaps|"
                 r"possibly|more\s+like|nearer|closer\s+to|could\s+be|might\s+be|at\s+least|actually|well|"
                 rf"{_DIALECT_HEDGE}")
RESTATED_COUNT_LEAD = (rf"\b(?:good\s+)?(?:few|{COUPLE}(?:\s+of)?|several|some|number\s+of|handful\s+of|many)\s+"
                       rf"(?:{_TIME_UNITS})s?\s*[,.]?\s*(?:(?:{_COUNT_HEDGES})\W*\s*)*")
_UNCOUNTED_LENGTH_BEFORE = re.compile(rf"{RESTATED_COUNT_LEAD}$")
_COUPLE_SAID = re.compile(rf"\b{COUPLE}\b")
_FEW_SAID = re.compile(r"(?<!\bgood\s)\bfew\b")


def restates_the_count(lead: str, count: float) -> bool:
    """Whether a number said after a vague length can be its count: "a couple of months, maybe 4", "few weeks, mibbe 3"
    (not "a couple of weeks, 6" nor "a cpl of wks, 6-7": a couple is never six, so that is a score)."""
    if _COUPLE_SAID.search(lead):
        return count <= 4
    return count <= 5 if _FEW_SAID.search(lead) else True


# "some days 7, other days 3", "some weeks a 5, others worse": "some days" is when, set against the other days
OTHER_TIMES_AFTER = re.compile(r"[^.!?;\n]*\b(?:others?|other\s+(?:days|times|weeks|nights)|most\s+(?:days|times)|"
                               r"rest\s+of\s+the\s+time|(?:good|bad)\s+days?)\b")


# A hedge between a count and its unit: "5 or so weeks", "5-ish weeks", "6 odd months", "3 or more years"
_HEDGED_COUNT_AFTER = re.compile(rf"^(?:\s*-?\s*ish|\s+or\s+so|\s*-?\s*odd|\s+or\s+more|\s*\+)\s*(?:{_TIME_UNITS})s?\b")


def _after_an_article(before: str, after: str) -> bool:
    return bool(_ARTICLE_BEFORE.search(before) and _ARTICLE_TAIL.match(after))


COUNTED_AFTER = re.compile(r"\s*(?:hours?|hrs?|mins?|minutes?|days?|weeks?|wks?|months?|years?|yrs?|times|x|goes|"
                            r"sessions|shifts|kg|kilos?|km|miles?|laps|clients|people|kids|pints|cups)\b")


def _stated_score(low: str) -> tuple[int, str] | None:
    """The first score said in a sentence ("dull ache, about a 5, since monday"); explicit "/10" first."""
    found: list[tuple[bool, int, float, int]] = []
    for match in _DIGITS.finditer(low):
        score = _score_at(low, match.start(1), match.end(1), word=False)
        if score:
            found.append((not _SCALE_AFTER.match(low[match.end(1):]), match.start(1), *score))
    for match in _WORD_SCORE.finditer(low):
        score = _score_at(low, match.start(1), match.end(1), word=True)
        if score:
            found.append((not _SCALE_AFTER.match(low[match.end(1):]), match.start(1), *score))
    for match in _NUMBER_WORD.finditer(low):  # "probably about six out of ten", "maybe seven"
        score = _score_at(low, match.start(1), match.end(1), word=False)
        if score and not any(start == match.start(1) for _, start, _, _ in found):
            found.append((not _SCALE_AFTER.match(low[match.end(1):]), match.start(1), *score))
    for match in _HEARD_SCORE.finditer(low):  # "about a for worse when I sprint"
        if _SCORE_TAIL.match(low[match.end(1):]):
            found.append((True, match.start(1), float(_HEARD_AS[match.group(1)]), match.end(1)))
    if not found:
        return None
    now = [item for item in found if not _said_of_usually(low, item[1])]
    found = now or found  # "usually 3 or 4 out of 10 ... today ... 10/10": today's
    moments = [item for item in found if _MOMENT_AFTER.match(low[item[3]:])]
    if len({value for _, _, value, _ in moments}) > 1:  # "7 when it grabs, 2 after": the worst moment's
        _, start, value, end = max(moments, key=lambda item: item[2])
        return round(value), low[start:end].strip()
    _, start, value, end = min(found)
    return round(value), low[start:end].strip()


def _said_of_usually(low: str, at: int) -> bool:
    """Whether the score at `at` is said of how the pain usually is, by the last word for a time said before it
    in its sentence ("I normally get headaches, 3 or 4 out of 10", not "usually a 3, today it's 7")."""
    sentence = low[max(low.rfind(mark, 0, at) for mark in ".!?;\n") + 1:at]
    usual = [m.end() for m in _USUALLY.finditer(sentence)]
    return bool(usual) and not any(m.start() >= usual[-1] for m in _NOW.finditer(sentence))


# The moment a score is said of: "7 when it grabs, 2 after", "3 on a good day, 5 on a bad day"
_MOMENT_AFTER = re.compile(
    r"\s*(?:when|whenever|while|after|afterwards|before|during|at\s+(?:night|rest|worst|best|times|its\s+(?:worst|best))|"
    r"on\s+(?:a\s+)?(?:good|bad|better|worse|quiet)\s+days?|in\s+the\s+(?:morning|evening|night)s?|first\s+thing|"
    r"resting|moving|sitting|standing|walking|lying)\b")
# The person's own conclusion after scores for different moments: "3 on a good day, 5 on a bad day? so 4?"
_CONCLUSION = re.compile(
    r"\b(?:so|call\s+it|let'?s\s+(?:say|call\s+it)|say|i'?d\s+say|i'?ll\s+say|go\s+with|overall|on\s+average|"
    r"average|in\s+between)\s+(?:about\s+|maybe\s+|like\s+|around\s+|roughly\s+)?(?:a\s+|an\s+)?"
    rf"{_NUM}(?=\s*(?:$|[.,;!?)]|(?:overall|then|maybe|i\s+guess|i\s+think|on\s+average|average)\b))")


def _concluded_score(low: str) -> tuple[int, str] | None:
    """The score the person settles on after giving others ("so 4?", "call it 4", "let's say 5")."""
    for match in reversed(list(_CONCLUSION.finditer(low))):
        value = word_number(match.group(1))
        if value is not None and 0 <= value <= 10 and _stated_score(low[:match.start()]) and not (
                _UNCOUNTED_LENGTH_BEFORE.search(low[:match.start(1)])):
            return round(value), match.group(0).strip()
    return None


# A score taken back: "4/10 - no wait, more like 6", "a 5, actually make that a 6"
_SCORE_CORRECTION = re.compile(r"\b(?:no wait|wait no|actually|make (?:that|it)|scratch that|or rather|i mean|sorry|"
                               # "6/10... no more like a 5 really"
                               r"(?:no|nah|nope|well|or|hmm)\W+(?:more|nearer|closer)\s+(?:like|to)|"
                               r"i meant|meant to (?:say|put|type)|i ment|typo)\b"
                               rf"(?=[^.!?]{{0,20}}\b(?:more like|like|a|an|about|maybe|nearer|closer to)?\s*{_NUM}\b)")


# A score said before, taken back with "but": "I said 3 but honestly in class it's more like a 6", "I put 4 earlier
# but it's a 7 really" (the score after "but" is the one meant)
_SAID_BUT = re.compile(rf"\bi\s+(?:said|put|gave\s+(?:it\s+)?|wrote|told\s+you|rated\s+it)\s+(?:it\s+was\s+)?"
                       rf"(?:a\s+|an\s+)?{_NUM}(?:\s*/\s*10|\s+out\s+of\s+10)?\b[^.!?]{{0,20}}?\bbut\b")


def parse_intensity(text: str, *, bare_number_ok: bool = False) -> tuple[int, str] | None:
    """The 0-10 intensity and the words that gave it, or None.

    A number is a score when the words around it say so ("4/10", "4 on 10", "about a 4", "call it a
    4", "sore. 4", "4 on a bad day") and not when it counts something ("2 kids", "6 weeks", "12 hour
    shifts", "5-a-side", "at 5 in the morning"). A message that is only a number ("7") is a score
    only when the bot has just asked for one (`bare_number_ok`).
    """
    low = re.sub(r"~\s*(?=\d)", "about ", text.lower().replace("\u2019", "'"))  # "~5": a typed "about 5"
    concluded = _concluded_score(low)
    if concluded:
        return concluded
    taken_back = _SAID_BUT.search(low)
    if taken_back:  # "I said 3 but it's more like a 6": the score after "but"
        again = parse_intensity(low[taken_back.end():])
        if again:
            return again
    corrected = _SCORE_CORRECTION.search(low)
    if corrected:  # "4/10 - no wait, more like 6": the score said last, after the correction
        again = parse_intensity(low[corrected.end():], bare_number_ok=True)
        if again:
            return again
    if bare_number_ok:
        match = re.fullmatch(rf"\s*(?:a\s+|an\s+)?{_NUM}\s*[.!]?\s*", low) or re.match(
            rf"\s*(?:(?:abt|about|around|maybe|like|prob|probably)\s+)?(?:a\s+|an\s+)?{_NUM}"
            # "4 or 5", "a 4 or a 5": its top, as for "5-6" said anywhere; "7 8" (typed without its dash) is still read
            # as its first number (tests/dialogue/test_round11_dialogue.py holds it so)
            rf"(?:\s+(?:or(?:\s+(?:maybe|possibly|perhaps|probably|even))?|to)\s+(?:a\s+|an\s+)?{_NUM}|"
            rf"\s*[-–]\s*{_NUM}|\s+(?=\d{{1,2}}\s*$)\d{{1,2}})?"
            rf"(?=\s*(?:$|[,.!?]|\s+(?:maybe|perhaps|possibly|tbh|i think|probably|i guess|honestly)\b|"
            rf"\s+{_DIALECT_CLOSE}|"  # "maybe 7 sef", "6 lah": a closing word of the speaker's English
            # "6 more or less", "5 or thereabouts" (not "5 or so weeks")
            r"\s+(?:more or less|or so|(?:or )?thereabouts|give or take|roughly|approx|approximately|at a guess)"
            r"\s*(?:$|[,.!?])))",
            low)
        if match:
            first, *tops = [word_number(number) for number in match.groups() if number]
            value = max([first, *(top for top in tops if top is not None and top <= 10)]) if first is not None \
                else None
            if value is not None and 0 <= value <= 10:
                return round(value), match.group(0).strip()
    stated = _stated_score(low)
    if stated:
        return stated
    rated = re.search(rf"\b(?:rate|rated|rating|score|level)\s+(?:it\s+|of\s+|is\s+)?(?:a\s+|an\s+|at\s+)?{_NUM}\b",
                      low)
    if rated:
        value = word_number(rated.group(1))
        if value is not None and 0 <= value <= 10:
            return round(value), rated.group(0).strip()
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
        r"\b(\d{1,3})\s*(?:years?|yrs?|y/?o)\s*(?:old|young)\b",  # "80 years young"
        # "I have 34 years": an age as many languages say it, ending its clause (not "I have 3 years of pain")
        r"\bi\s+have\s+(\d{2,3})\s+(?:years?|yrs?)(?=\s*(?:$|[,.;!]|and\b|old\b))",
        r"\b(\d{1,3})\s*(?:yo|y/o|yrs? old)\b",
        r"\baged?\s*(\d{1,3})\b",
        r"\b(?:i'?m|i am|im)\s+(?:now\s+|nearly\s+|almost\s+)?(\d{1,3})\b(?!\s*(?:/|out of|%|kg|lbs?|cm|weeks?|wks?|"
        r"days?|months?|mths?|minutes?|mins?|hours?|hrs?|stone|st\b|weeks? pregnant))",
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


_RELATIVE = (r"(?:mum|mom|mother|mam|mama|mammy|dad|father|husband|wife|partner|nan|nana|nanna|gran|granny|grandma|"
             r"grandmother|"
             r"grandad|granddad|grandpa|grandfather|aunt|auntie|uncle|son|daughter|he|she|who)")
# People one writes for, by the words that need "my" or "our" before them to be a person
KIN_WORDS = (r"(?:mum|mom|mother|mam|dad|father|husband|wife|partner|nan|nana|nanna|gran|granny|grandma|grandmother|"
              r"grandad|granddad|grandpa|grandfather|aunt|auntie|uncle|son|daughter|lad|boy|girl|kid|child|grandson|"
              r"granddaughter|teenager|teen)")
_NOT_AN_AGE_AFTER = (r"(?!\s*(?:/|out of|%|kg|lbs?|cm|weeks?|days?|months?|minutes?|hours?|stone|st\b|times?|miles?|"
                     r"steps?|degrees|°))")


def parse_someone_elses_age(text: str) -> tuple[int, str] | None:
    """The age of the person someone writes about ("mum is 77", "my nan (84)", "Edna who is 86", "he's 74").

    Only an age: whether that person is the patient is for the conversation to decide (a carer writing
    for them), so the bot never takes "my son is 5" for the writer's own age.
    """
    low = text.lower().replace("\u2019", "'")
    for pattern in (rf"\b{_RELATIVE}(?:'s|\s+is|\s+was|\s+has just turned|\s+just turned|\s+turned)\s+"
                    rf"(?:now\s+|nearly\s+|almost\s+|aged\s+|only\s+)?(\d{{1,3}})\b{_NOT_AN_AGE_AFTER}",
                    rf"\b{_RELATIVE}\s*\((\d{{1,3}})\)",
                    # "my daughter 15 years", "our lad, 14": a relative and a number of years straight after
                    rf"\b(?:my|our)\s+{KIN_WORDS}\W{{1,3}}(\d{{1,3}})\s*(?:years?|yrs?|y/?o)?\b{_NOT_AN_AGE_AFTER}"):
        match = re.search(pattern, low)
        if match and 1 <= int(match.group(1)) <= 115:
            return int(match.group(1)), match.group(0)
    return None

