"""Spelling normaliser run before phrase matching, so "sholder" and "numbnes" still find their region
and sensation.

People type on phones in pain; the span ruler matches exact phrases, so one slipped key loses the
whole mention. Candidates come from symspellpy (a SymSpell index of the knowledge base's lay words,
Damerau distance: a swap of neighbours counts 1); a word is left alone when it is a real English word
(symspellpy's bundled frequency dictionary of 82,765 words, plus the vocabulary), so "choir" is never
turned into "chair" and "deck" never into "neck". On top of the library, the project's rules for when
a slip is unambiguous:

- tokens shorter than 4 letters are left alone, except a 3-letter token that is one of the 4-letter body
  or side words with a letter dropped and can be no other ("bak" -> "back", "kne" -> "knee"), and texting
  shorthand from a short list ("bk" -> "back", "nite" -> "night");
- edit distance 1 when both words have 5+ letters, distance 2 when the longer of the two has 8+
  letters ("headake" -> "headache"); with a 4-letter word only a swap, a doubled key or a dropped
  letter ("nekc", "backk", "lowr"), because a changed letter there too often makes another real word;
- the first letter must agree (first-letter slips are rare; this keeps "deck" from becoming "neck");
- anything with digits or an apostrophe is never changed;
- ties go to the smaller distance, then a key typed twice ("backk" -> "back", not "backs"), then a swap
  of neighbours ("wirst" -> "wrist", not "worst"), then the
  longer candidate (dropped letters are the commonest slip), then alphabetical order.

`correct` also returns the corrections with their original offsets and maps offsets in the
corrected text back to the original, so entity spans point at what the person actually typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    from kb.content import Content

__all__ = ["Corrected", "Correction", "Speller", "correct", "english_words", "normalise", "vocabulary_words",
           "words_of"]

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’]*")
_MIN_LENGTH = 4
_SHORT_WORD = 5
_LONG_WORD = 8
_SUFFIXES = ("s", "es", "ed", "d", "ing", "ly", "er", "ers", "est")
# Texting shorthand that no edit distance reaches ("bk", "nite"): read as the word, when that word is one the
# vocabulary knows.
_SHORTHAND = {"bk": "back", "bck": "back", "shldr": "shoulder", "shldrs": "shoulders", "sholdr": "shoulder",
              "nite": "night", "nites": "nights", "tonite": "tonight", "nee": "knee", "nees": "knees",
              "tite": "tight", "tyte": "tight"}
# Everyday words of Scots, Northern English, Caribbean and West African English that no dictionary here holds:
# words, not slips, so "gaun" (going) never becomes "gaunt" and "nutten" (nothing) never "nutted"
_DIALECT = frozenset({
    "gaun", "gaunny", "gonnae", "cannae", "canny", "dinnae", "wouldnae", "couldnae", "isnae", "wisnae", "aboot",
    "oot", "hoose", "heid", "sair", "guid", "awfy", "wean", "bairn", "greetin", "ken", "och", "naw", "nae", "aye",
    "wee", "yer", "youse", "haw", "nowt", "owt", "summat", "mardy", "mither", "lass", "lad", "ginnel",
    "nutten", "nuttin", "nuff", "cyaan", "cyan", "dat", "dis", "deh", "dem", "wah", "mek", "likkle", "pickney",
    "nah", "dey", "don", "abeg", "ehen", "wahala", "oya", "sha", "sef", "pikin", "oyinbo", "jare", "kuku",
    "innit", "bruv", "mandem", "peng", "peak", "wagwan", "ting", "fam", "deffo", "proper", "reyt",
})
# Small words of other Englishes and of texting that the readers of durations, scores and causes need as the standard
# word ("couple o weeks noo", "since di summer", "hurts wen i kick", "throbbin lyk 6", "worse efter a lang shift",
# "started tuesday arvo"): always read as that word, whatever the vocabulary holds. Only words that can be no other
# ("wi" and "wid" stay: "a wid say 6" is "I would say"); "o" only before a word (a closing "it's a 7 o" stays).
_SPOKEN_FORMS = {"o": "of", "di": "the", "wen": "when", "wenever": "whenever", "lik": "like", "lyk": "like",
                 "lk": "like", "efter": "after", "lang": "long", "noo": "now", "tae": "to", "frae": "from",
                 "fae": "from", "wiv": "with", "arvo": "afternoon", "arvos": "afternoons",
                 "coz": "because", "cos": "because", "cuz": "because", "bcoz": "because",
                 "thru": "through", "bout": "about", "abt": "about", "pon": "on", "inna": "in the",
                 "monts": "months", "mont": "month", "becuz": "because", "heid": "head", "nane": "none",
                 # Scots "down" and "round": "bendin doon", "turnin roon"
                 "doon": "down", "roon": "round", "roond": "round",
                 # Scots "like bein hit wi a bat": "being", never the slip "begin"
                 "bein": "being",
                 # "ache" spelt as it sounds, "k" for "ch" ("its akeing", "my hip akes", "an ake in my knee"), too far
                 # from the word for the speller: read as the ache it is
                 "ake": "ache", "akes": "aches", "aking": "aching", "akeing": "aching", "akey": "achy", "akie": "achy",
                 "aky": "achy", "akeyness": "achiness", "akiness": "achiness",
                 # round 17: the Scots "no" and "-nae" denials read as the English ones, so every reader (ConText's
                 # denials, the composed findings) sees "didnae bang it" as "didn't bang it", "nae headache" as "no
                 # headache"; "cannae" stays ("cannae turn my heid" is an inability, read by the concepts)
                 "nae": "no", "didnae": "didn't", "dinnae": "don't", "disnae": "doesn't", "doesnae": "doesn't",
                 "isnae": "isn't", "wisnae": "wasn't", "wasnae": "wasn't", "hasnae": "hasn't", "havnae": "haven't",
                 "havenae": "haven't", "werenae": "weren't"}
# "me back", "on me feet all day": "me" for "my" before a body word, as said in Ireland and much of Britain
# ... and "mi" (Jamaican Patois, Nigerian Pidgin): "Mi lef knee a hurt mi", "hurt mi back"
_ME_AS_MY = re.compile(r"(?:(?:left|right|lft|lef|rite|rigt|rt|bad|good|poor|sore|old) )?"
                       r"(?:back|neck|necks|feet|foot|legs?|knees?|shoulders?|arms?|head|heid|hips?|hands?|wrists?|elbows?|ankles?|calf|calves|jaw|chest|side|bum|arse|thighs?|shins?|toes?|heels?|fingers?|"
                       r"thumbs?|ribs|belly|tummy|stomach|eyes?|ears?|teeth|groin|spine)\b")
# Words people date an onset by, whose slips can be other (rare) words ("sumer" is Sumer, "eater"): read as the
# time word where only a time word fits, after "since" or "last", or before "holidays" ("since sumer holidays").
_CALENDAR_WORDS = ("summer", "winter", "spring", "autumn", "easter", "christmas", "holidays", "holiday")
_CALENDAR_BEFORE = re.compile(r"\b(?:since|last|this|over|during|before|after|until|till|summer|winter|spring|"
                              r"easter|christmas|school|(?:since|in|over|during|before|after|until|till|through|all)"
                              r"\s+the)\s+$", re.IGNORECASE)
_CALENDAR_AFTER = re.compile(r"\s+(?:holidays?|hols|break|term|half[- ]term|vacation)\b", re.IGNORECASE)


# Dictation slips of body words: voice-to-text writes a real word, or several, that sounds like the body word
# ("pain under my should a blade", "the soul of my foot", "my big tow"), which no spelling distance mends. Each is
# read as the body word only where the words around it leave no other reading: after "my" (and a side), before the
# rest of the body word's phrase ("blade", "of my foot") or a word of pain or injury.
_MY = r"\b(?:my|mi|your|his)\s+(?:(?:left|right|lft|lef|rite|rigt|rt|bad|sore|good|other|inner|outer|upper)\s+)?$"
_MY_OR_WHERE = (r"\b(?:my|me|the|his|her|their|your|left|right|lft|rite|rt|both|under|of|on|between|behind|below|"
                r"beneath|near|by|in|into|to|round|around|inner|outer|upper|lower)\s+$")
_OF_THE_FOOT = r"(?=\s+of\s+(?:(?:my|me|the|his|her|your|their|both)\s+)?(?:(?:left|right)\s+)?(?:foot|feet)\b)"
_HURT = (r"hurts?|hurting|aches?|aching|achy|sore|swollen|swelling|pain|painful|sprain|sprained|strain|strained|"
         r"pull|pulled|injury|bone|joint|area|muscle|muscles|is\s+(?:sore|swollen|killing|hurting|aching|painful)")
_INJURED_MY = (r"\b(?:sprained|sprain|twisted|twist|rolled|roll|turned|turn|went\s+over\s+on|go\s+over\s+on|"
               r"gone\s+over\s+on|hurt|injured|broke|broken|bruised|strained|pulled|tweaked)\s+"
               r"(?:my|me|his|her|your)\s+(?:(?:left|right)\s+)?$")
_WEEKDAY_WORDS = (r"mon|monday|tue|tues|tuesday|wed|weds|wednesday|thu|thur|thurs|thursday|fri|friday|sat|saturday|"
                  r"sun|sunday")
_NOT_A_TOE_AFTER = r"(?!\s+(?:truck|trucks|truk|rope|ropes|bar|bars|lorry|van|hitch|car|cars|boat|path|company))"
_DICTATED: tuple[tuple[re.Pattern[str], str, re.Pattern[str] | None], ...] = tuple(
    (re.compile(slip, re.IGNORECASE), said, re.compile(before, re.IGNORECASE) if before else None)
    for slip, said, before in (
        # "under my should a blade", "between my should of blades": the shoulder blade
        (r"\bshould(?:[\s-]+(?:a|uh|ah|er|her|of|the))?[\s-]+(?:blade|plate)(s?)\b", r"shoulder blade\1", _MY_OR_WHERE),
        (r"\bshoulder[\s-]+plate(s?)\b", r"shoulder blade\1", None),  # "my left shoulder plate"
        (r"\bshould(?:[\s-]+(?:er|her))?\b(?![\s-]+(?:a|uh|ah|of|the)?[\s-]*(?:blade|plate)s?\b)", "shoulder", _MY),
        (r"\bsoldier(s?)\b", r"shoulder\1", r"\b(?:my|your|his|her)\s+(?:left|right|lft|rite|rt|both)\s+$"),
        (r"\bsoul(s?)\b" + _OF_THE_FOOT, r"sole\1", None),  # "the soul of my foot"
        (r"\bheal(s?)\b" + _OF_THE_FOOT, r"heel\1", None),  # "the heal of my foot"
        (r"\bheal(s?)\b(?=\s+(?:bone|bones|spur|spurs|pad|pads|cup)\b)", r"heel\1", None),
        (r"\bheal(s?)\b", r"heel\1", _MY),  # "my heal", "your left heal"
        (r"\b(big|little|baby|second|middle|pinky|small|4th|fourth|third|3rd|2nd)[\s-]+tow(s?)\b" + _NOT_A_TOE_AFTER,
         r"\1 toe\2", None),  # "my big tow"
        (r"\btow(s?)\b" + _NOT_A_TOE_AFTER, r"toe\1", _MY),
        # "a pull in my groan" (not "his groan", "made me groan": a groan heard)
        (r"\bgroan(s?)\b", r"groin\1", r"\b(?:my\s+(?:(?:left|right|lft|rite|rt|inner)\s+)?|in\s+the\s+)$"),
        (r"\bgroan\b(?=\s+(?:area|strain|strains|pull|injury|muscle|muscles|region)\b)", "groin", None),
        (r"\b(?:four|for|fore)[\s-]+arm(s?)\b", r"forearm\1", _MY),  # "my four arm"
        (r"\bangle(s?)\b(?=\s+(?:" + _HURT + r")\b)", r"ankle\1", _MY),  # "my angle is swollen"
        (r"\bangle(s?)\b", r"ankle\1", _INJURED_MY),  # "twisted my angle"
        # "the palm side of my right rest", "my rest hurts": a wrist, after a side or before a word of pain (not "my
        # rest day", "need my rest")
        (r"\brest(s?)\b", r"wrist\1", r"\b(?:my|your|his|her)\s+(?:left|right|lft|rite|rt|both)\s+$"),
        (r"\brest(s?)\b(?=\s+(?:" + _HURT + r")\b)", r"wrist\1", _MY),
        (r"\brest(s?)\b", r"wrist\1", r"\b(?:palm|thumb|back|top|front|inside|outside|underside)\s+(?:side\s+)?of\s+"
                                      r"(?:my|your|his|her|the)\s+(?:(?:left|right)\s+)?$"),
        # "the bass of my skull": the base of the skull
        (r"\bbass\b(?=\s+of\s+(?:my|me|the|his|her|your)\s+(?:skull|head|neck|spine|thumb|tongue)\b)", "base", None),
        # "lore back pain", "my lour back", "lowa back": "lower" as voice-to-text or a speller writes its sound, before
        # a place it says the height of (not "back then", "back home": the adverb)
        # ... and as texts shorten it: "lwr back pain r side", "upr arm"
        (r"\b(?:lore|lour|lowa|lowah|lowwer|lowar|lwr|lowr|lwer)\b(?=[\s-]+(?:back|spine|belly|tummy|abdomen|abdo|abs|"
         r"stomach|legs?|ribs?|jaw|lip|lumbar|body|half|calf|calves|shins?)\b(?![\s-]+(?:then|home|again|to|"
         r"in\s+the\s+day|when|from|later|soon)\b))", "lower", None),
        (r"\b(?:uppa|upa|uppah|uppar|upr|uppr|upp|uper)\b(?=[\s-]+(?:back|arm|arms|spine|body|chest|thigh|thighs|"
         r"neck|abdomen|abdo|belly|tummy|stomach|lip|jaw|lumbar)\b(?![\s-]+"
         r"(?:then|home|again|to|in\s+the\s+day|when|from|later|soon)\b))", "upper", None),
        # the Scots "tap" for "top", said of a place: "ma shoulder's giein me gyp at the tap, near ma neck", "the tap o
        # ma shoulder" (not "a dripping tap", "the cold tap": no place before it, nor "of" a place after it)
        (r"\btap\b(?=\s+(?:o|of)\s+(?:it\b|(?:(?:ma|my|me|the|his|her|ra)\s+)?(?:(?:left|right)\s+)?(?:shoulders?|"
         r"shooders?|heid|head|arm|arms|back|foot|feet|leg|legs|thigh)\b))", "top", None),
        (r"\btap\b", "top", r"\b(?:shoulders?|shoulder's|shooders?|shooder's)\b[^.!?;]{0,40}\b(?:at|on|in|across|along|"
                              r"ower|over)\s+(?:the|ma|my|me|ra)\s+$"),
        # "my ham string", "ham strings": the hamstring
        (r"\bham[\s-]+string(s?)\b", r"hamstring\1", None),
        # numbers heard as other words: "for about too weeks" (two), "how bad I would say for" (four, at the end)
        (r"\b(?:too|to)\b(?=\s+(?:days|weeks|wks|months|mths|years|yrs|hours|hrs)\b)", "two",
         r"\b(?:for|about|around|roughly|nearly|almost|past|last|like|maybe|over|been|just)\s+$"),
        (r"\bfor\b(?=\s*[.!]*\s*$)", "four", r"\b(?:say|said|reckon|guess|about|around|maybe|probably|like)\s+$"),
        # "I think I've got shin spins", "shin splits": shin splints, heard or typed short (a "spin" read alone would
        # be the room spinning, a dizziness)
        (r"\bshin[\s-]+(?:spins?|spines?|splits?|splint|splince|splence|splins|splinters?)\b", "shin splints", None),
        # "aw day", "aw the time" (Scots "all"), before a time it spans (not "aw, that's a shame")
        (r"\baw\b(?=\s+(?:day|night|nicht|week|weekend|morning|mornin|afternoon|evening|shift|year|the\s+time|"
         r"ma\s+life|my\s+life)\b)", "all", None),
        # "from las week", "since las Tuesday" (Caribbean, Irish): the final t dropped before a time word
        (r"\blas\b(?=\s+(?:week|weekend|wk|month|mth|year|yr|night|time|summer|winter|spring|autumn|christmas|"
         r"easter|" + _WEEKDAY_WORDS + r")\b)", "last", None),
    ))


def _dictation_slips(text: str) -> list[Correction]:
    """The body words voice-to-text wrote as other words (see _DICTATED), as corrections in reading order."""
    found: list[Correction] = []
    for slip, said, before in _DICTATED:
        for match in slip.finditer(text):
            if any(fix.start < match.end() and match.start() < fix.end for fix in found):
                continue
            if before is not None and not before.search(text[max(0, match.start() - 40):match.start()]):
                continue
            found.append(Correction(match.start(), match.end(), match.group(0),
                                    _match_case(match.group(0), match.expand(said))))
    # "couch to 5K", "a 10K": a race distance written in capitals, which the vocabulary has as "5k"
    found += [Correction(match.start(), match.end(), match.group(0), match.group(0).lower())
              for match in _DISTANCE_IN_CAPITALS.finditer(text)
              if not any(fix.start < match.end() and match.start() < fix.end for fix in found)]
    return sorted(found, key=lambda fix: fix.start)


_DISTANCE_IN_CAPITALS = re.compile(r"\b\d{1,3}K\b")
# An -ing word with its g dropped and written as an apostrophe: "achin'", "carryin'", "workin'"
_DROPPED_G = re.compile(r"([A-Za-z]{2,}[iI][nN])['’]")


def _calendar_slip(text: str, start: int, end: int) -> str | None:
    """The time word a token slipped from ("sumer" -> "summer") when the words around it ask for a time."""
    low = text[start:end].lower()
    if len(low) < _SHORT_WORD or not (_CALENDAR_BEFORE.search(text, 0, start) or _CALENDAR_AFTER.match(text, end)):
        return None
    slips = [word for word in _CALENDAR_WORDS if word != low and _is_safe_short_slip(low, word)]
    return slips[0] if len(slips) == 1 else None


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """The words of symspellpy's bundled English frequency dictionary: real words are never corrected."""
    from importlib.resources import files

    text = (files("symspellpy") / "frequency_dictionary_en_82_765.txt").read_text(encoding="utf-8")
    return frozenset(line.split(" ", 1)[0] for line in text.splitlines() if line)


@dataclass(frozen=True)
class Correction:
    """One replaced token: where it was in the original text and what it became."""

    start: int
    end: int
    original: str
    replacement: str


@dataclass(frozen=True)
class Corrected:
    """Corrected text plus the corrections, in reading order."""

    text: str
    corrections: tuple[Correction, ...]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the corrected text back onto the original text.

        A span boundary inside a replaced token maps to that token's boundary in the original.
        """
        return self._map(start, is_end=False), self._map(end, is_end=True)

    def _map(self, offset: int, *, is_end: bool) -> int:
        shift = 0
        for fix in self.corrections:
            new_start = fix.start + shift
            new_end = new_start + len(fix.replacement)
            if offset <= new_start:
                break
            if offset < new_end:
                return fix.end if is_end else fix.start
            if offset == new_end:
                return fix.end
            shift += len(fix.replacement) - len(fix.original)
        return offset - shift


def _allowed_distance(token: str, candidate: str) -> int:
    if min(len(token), len(candidate)) < _MIN_LENGTH:
        return 0
    return 2 if max(len(token), len(candidate)) >= _LONG_WORD else 1


class Speller:
    """Corrects tokens against a fixed vocabulary; build once per vocabulary and reuse."""

    def __init__(self, vocabulary: Iterable[str], known_words: Iterable[str] | None = None,
                 short_targets: Iterable[str] = ()):
        from symspellpy import SymSpell

        words = {w.lower() for w in vocabulary if w.isalpha()}
        self.vocabulary = frozenset(words)
        # 4-letter body and side words ("back", "neck", "knee", "left"): a 3-letter token missing one of
        # their letters ("bak", "nek", "kne") is corrected when it can only be one of them.
        self.short_targets = frozenset(w.lower() for w in short_targets if len(w) == _MIN_LENGTH and w.isalpha())
        self.known = self.vocabulary | (frozenset(known_words) if known_words is not None else english_words())
        self._index = SymSpell(max_dictionary_edit_distance=2, prefix_length=7)
        for word in sorted(words):
            if len(word) >= _MIN_LENGTH:
                self._index.create_dictionary_entry(word, 1)
        self._cache: dict[str, str | None] = {}

    def suggest(self, token: str) -> str | None:
        """The vocabulary word this token is a slip for, or None (known, too short or too far)."""
        low = token.lower()
        if low in self._cache:
            return self._cache[low]
        answer = self._suggest(low)
        if len(self._cache) < 50_000:
            self._cache[low] = answer
        return answer

    def is_known(self, low: str) -> bool:
        """A real word, or a regular inflection of one ("moved", "tried", "stepping")."""
        return low in self.known or any(stem in self.known for stem in _stems(low))

    def _vocabulary_slip(self, low: str) -> str | None:
        """A vocabulary word one slip away that shares the token's first three letters, else None."""
        from symspellpy import Verbosity

        if len(low) < _SHORT_WORD:
            return None
        near = [item.term for item in self._index.lookup(low, Verbosity.CLOSEST, max_edit_distance=1)
                if item.distance == 1 and item.term[:3] == low[:3]]
        return near[0] if len(near) == 1 else None

    def _suggest(self, low: str) -> str | None:
        from symspellpy import Verbosity

        if low in _SHORTHAND and _SHORTHAND[low] in self.vocabulary:
            return _SHORTHAND[low]
        if not low.isalpha() or low in self.known or low in _DIALECT:  # _DIALECT read here: no rebuild needed
            return None
        if self.is_known(low):
            # "knoted" looks like knot + ed, but is a slip of "knotted": only a vocabulary word one slip away
            return self._vocabulary_slip(low)
        if len(low) == _MIN_LENGTH - 1:
            slips = [w for w in self.short_targets if w[0] == low[0] and _is_safe_short_slip(low, w)]
            return slips[0] if len(slips) == 1 else None
        if len(low) < _MIN_LENGTH:
            return None
        best: tuple[int, int, int, int, str] | None = None
        for item in self._index.lookup(low, Verbosity.ALL, max_edit_distance=2):
            candidate, distance = item.term, item.distance
            # a slip keeps the first letter, except a silent one left out ("rist" for "wrist", "nuckle")
            silent = candidate[:2] in ("wr", "kn") and candidate[1:] == low
            if (candidate[0] != low[0] and not silent) or distance > _allowed_distance(low, candidate):
                continue
            if min(len(low), len(candidate)) < _SHORT_WORD and not _is_safe_short_slip(low, candidate):
                continue
            # a swap of neighbours ("wirst") is the commonest slip: "wrist", never "worst"
            swapped = len(low) == len(candidate) and sorted(low) == sorted(candidate)
            key = (distance, 0 if _is_doubled_key(low, candidate) else 1, 0 if swapped else 1, -len(candidate),
                   candidate)
            if best is None or key < best:
                best = key
        return best[-1] if best else None


def _is_doubled_key(token: str, candidate: str) -> bool:
    """True when the token is the candidate with one letter typed twice ("backk" -> "back")."""
    return len(token) == len(candidate) + 1 and any(
        token[i] == token[i - 1] and token[:i] + token[i + 1:] == candidate for i in range(1, len(token))
    )


def _is_safe_short_slip(token: str, candidate: str) -> bool:
    """For 4-letter words only the slips that rarely make another real word: a swap of neighbours
    ("nekc"), a key typed twice, or one dropped letter ("lowr"); never a changed letter ("skin"/"shin")."""
    if len(token) == len(candidate):
        return sorted(token) == sorted(candidate) and sum(a != b for a, b in zip(token, candidate, strict=True)) == 2
    if len(token) == len(candidate) + 1:
        return _is_doubled_key(token, candidate)
    return len(candidate) == len(token) + 1 and any(
        candidate[:i] + candidate[i + 1:] == token for i in range(len(candidate)))


def _stems(word: str) -> list[str]:
    """Possible bases of a regularly inflected word, so "moved", "tried" and "stepping" count as known."""
    stems = []
    for suffix in _SUFFIXES:
        base = word[: -len(suffix)]
        if word.endswith(suffix) and len(base) >= 3:
            stems += [base, base + "e"] if suffix[0] in "aeiou" else [base]  # "moved"-"move", never "blads"
            if base[-1] == base[-2]:
                stems.append(base[:-1])
            if base.endswith("i"):
                stems.append(base[:-1] + "y")
    return stems


def _match_case(original: str, replacement: str) -> str:
    if original.isupper() and len(original) > 1:
        return replacement.upper()
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


@lru_cache(maxsize=8)
def _speller_for(vocabulary: frozenset[str]) -> Speller:
    return Speller(vocabulary)


def correct(text: str, vocabulary_words: Iterable[str] | Speller) -> Corrected:
    """Correct every slipped token; keep everything else (spacing, punctuation, case) as typed."""
    if isinstance(vocabulary_words, Speller):
        speller = vocabulary_words
    else:
        vocabulary = vocabulary_words if isinstance(vocabulary_words, frozenset) else frozenset(vocabulary_words)
        speller = _speller_for(vocabulary)
    fixes = _dictation_slips(text)
    dictated = [(fix.start, fix.end) for fix in fixes]
    for match in _TOKEN.finditer(text):
        token = match.group(0)
        if any(start <= match.start() < end for start, end in dictated):
            continue
        dropped_g = _DROPPED_G.fullmatch(token)
        if dropped_g and speller.is_known(dropped_g.group(1).lower() + "g"):
            # "achin'", "carryin' the baby", "been workin' nights": the -ing word, its g written as an apostrophe
            fixes.append(Correction(match.start(), match.end(), token,
                                    dropped_g.group(1) + ("G" if token[-2:-1].isupper() else "g")))
            continue
        if "'" in token or "’" in token:
            continue
        spoken = _SPOKEN_FORMS.get(token.lower())
        if spoken and token.lower() == "o" and not re.match(r" [a-z]", text[match.end():match.end() + 2].lower()):
            spoken = None
        if spoken and match.start() and (text[match.start() - 1].isalnum() or text[match.start() - 1] in "'’"):
            spoken = None  # part of a longer token ("3o", "'bout"): only a whole word
        suggestion = spoken or speller.suggest(token)
        if token.lower() in ("me", "mi", "ma") and text[match.end():match.end() + 1] == " " and \
                _ME_AS_MY.match(text, match.end() + 1):
            suggestion = "my"  # "on me feet", "mi lef knee", "ma back": checked only for these, every token passes here
        if suggestion is None and token.lower() not in _CALENDAR_WORDS:
            suggestion = _calendar_slip(text, match.start(), match.end())
        if suggestion is None:
            continue
        fixes.append(Correction(match.start(), match.end(), token, _match_case(token, suggestion)))
    if not fixes:
        return Corrected(text, ())
    fixes.sort(key=lambda fix: fix.start)
    pieces: list[str] = []
    position = 0
    for fix in fixes:
        pieces += [text[position:fix.start], fix.replacement]
        position = fix.end
    pieces.append(text[position:])
    return Corrected("".join(pieces), tuple(fixes))


def normalise(text: str, vocabulary_words: Iterable[str] | Speller) -> str:
    """The text with slipped words replaced by vocabulary words (see `correct` for offsets)."""
    return correct(text, vocabulary_words).text


def words_of(phrases: Iterable[str]) -> frozenset[str]:
    """Every alphabetic word of the given phrases (their `{a|b}` alternatives expanded)."""
    from core.phrases import expand

    words: set[str] = set()
    for phrase in phrases:
        for variant in expand(phrase):
            words.update(w for w in re.split(r"[^a-z]+", variant) if w)
    return frozenset(words)


def vocabulary_words(content: Content) -> frozenset[str]:
    """Every word of every lay phrase in the knowledge base's vocabulary (regions and terms)."""
    phrases = [p for region in content.regions.values() for p in region.phrases]
    phrases += [p for terms in content.terms.values() for term in terms.values() for p in term.phrases]
    return words_of(phrases)
