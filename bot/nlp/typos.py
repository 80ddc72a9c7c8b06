"""Spelling normaliser run before phrase matching, so "sholder" and "numbnes" still find their region
and sensation.

People type on phones in pain; the span ruler matches exact phrases, so one slipped key loses the
whole mention. This maps an unknown token to the closest word of the vocabulary (every word in the
knowledge base's lay phrases) when it is close enough to be an unambiguous slip:

- tokens shorter than 4 letters are never touched ("nek" could be too many things);
- edit distance 1 (insert, delete, substitute, swap two neighbours) when both words have 5+ letters,
  distance 2 when the longer of the two has 8+ letters ("headake" -> "headache"); with a 4-letter
  word only a swap, a doubled key or a dropped letter ("nekc", "backk", "lowr"), because a changed
  letter there too often makes another real word ("skin"/"shin", "hell"/"heel", "logs"/"legs");
- the first letter must agree (first-letter slips are rare; this keeps "deck" from becoming "neck");
- a token that is a known word (vocabulary, or the built-in common-English list, or a regular
  inflection of either: "moved", "tried", "stepping") is never changed, nor is anything with digits
  or an apostrophe;
- ties go to the smaller distance, then a key typed twice ("backk" -> "back", not "backs"), then the
  longer candidate (dropped letters are the commonest slip: "lowr" -> "lower", not "low"), then
  alphabetical order, so the result is deterministic.

It is pure Python with no model or download, and fast: candidates are only compared within the
allowed length window and first letter, and each token's answer is cached.

`normalise` returns the corrected text; `correct` also returns the corrections with their original
offsets and maps offsets in the corrected text back to the original, so entity spans can point at
what the person actually typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    from kb.content import Content

__all__ = ["COMMON_WORDS", "Corrected", "Correction", "Speller", "correct", "edit_distance", "normalise",
           "vocabulary_words", "words_of"]

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’]*")
_MIN_LENGTH = 4
_SHORT_WORD = 5
_LONG_WORD = 8
_SUFFIXES = ("s", "es", "ed", "d", "ing", "ly", "er", "ers", "est")

def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Ordinary English words a pain description or chat may contain that sit one slip away from a
# vocabulary word ("heal"/"heel", "half"/"calf", "knew"/"knee") or are simply common. Any word here
# is never "corrected". Lower case, whitespace separated; kept short and reviewable on purpose.
COMMON_WORDS: frozenset[str] = _word_set("""
a about above across actually after again against ago all almost alone along already also although always
am among an and another any anybody anyone anything anyway anywhere are area around as ask asked at away
back bad badly bake baked band bank bar bare barely bark barn base based basically be bear beat became
because become bed been beep before began begin being believe bell below belt bend bent best better
between big bike bit bite black blade bland blank blind block blood blow blue board boat body bold bolt
bond bone book boot bore bored born both bother bottle bottom bought bound bowl box boy brain brand bread
break breath bring broke brought brown bull bump burst bus busy but buy by call called calm came camp
can can't cannot car card care carry case cat catch caught cause certain chair chance change chap charge
cheap check chef chest child chip choice choose church city clamp class clean clear clock close cloth
coat cold come comes coming common cook cool core corner cost could couldn't count couple course cover
cram crew crowd cry cup cut dad damp dance dark date day dead deal dear deck deer desk did didn't die
diet different difficult dinner dive do doctor does doesn't dog doing doll don't done door down draw
dream dress drink drip drop drove dry dumb during each early earn easy eat edge eight either else
end enough even evening ever every everyone everything exactly except eye face fact fair fall family far
farm fast fat father fear feed feel feeling feels fell felt fend few field fight fill film final find
fine finish fire first fit fitting five flat flew floor flow fly flying food fool for forget form found
four free friend from front full fun funny game gave get gets getting gift girl give given glad go goes
going gone good got great green grew grid grin ground group grow guess guy had half hall hang happen
happy hard has hasn't hat hate have haven't having he head heal health hear heard heart heat heave held
hello help her here hers hide high hill him his hit hitting hold hole home hope hop hops horse hose hot
hour house how however hull hurt husband i idea if ill i'm important in inside instead into is isn't it
its it's jack job join joke just keep keeps kept kid kind king knew know known lace lack lady land lane
large last late later lead learn least leave led lend less let letter level lie life light like likely
line lining lint lip list listen little live lives living long look looked lose lost lot loud love low
luck lunch made mail main make man many mark market matter may maybe me mean meant meet mend met might
mind mine minute miss mom more morning most mostly mother move much mum must my myself name near
nearly need needs never new news next nice night nine no none normal not note nothing now number of off
offer office often oh ok okay old on once one only open or order other our out over own pace pack page
paid pain paint pair paper part party pass past path pay peach peak peck peep people perhaps person
phone pick piece place plan plane play please point poor post pound pour pull put race rack rain ran
rather reach read ready real really reason red rest ride right ring rise road rock role room rose round
rule run rush sack sad safe said same sand sat save saw say says school score sea seat second see seem
seen seep sell send sense sent set setting seven several shall she sheep ship ships shop short should
show shut sick sign since sing sir sit site six size sky sleet slow small smile snore so some someone
something sometimes son soon sort sound space speak spend spent spot stage staff stair stank star start
stay steep step still stop store story street strong stuff such suit sun supper sure sweep table take
taken talk tall taping tea teach team tell ten tend test than thank thanks that the their them then
there these they thin thing things think third this those though thought three threw through throw
throws time tip tips tired to today together told tomorrow too took top torn total touch toward town
toy toys track train tramp tree trip trouble true try trying turn turned twice twit two tying type
under until up upon us use used usual very visit wait wake walk wall walt want war warm was wash wasn't
watch water way we wear week weekend well went were what when where whether which while white who whole
why wide wife will win window wish with without woman wonder won't word wore work world worry worse
worst would wouldn't write wrong yeah year yes yesterday yet you young your yours
""" + """able accept accident account act add address admit advice afraid afternoon age agree air allow alright amazing
angry animal answer anymore appear apply appointment argue arrive art article attack attempt aunt avoid awful
baby bag ball basket bath battery beach beats beautiful beer begun behave belief belong bench beside bill bird
birthday bits blame blank bless board boil bound bout brave brief bright brother budget build building bunch
burden butter button cake camera cancel cancer career careful carpet cats ceiling cell centre center cheer
cheers chicken choose class clever client climb clinic clothes cloud club clue coach code coffee coin college
colour color complete completely computer concern confirm contact continue control copy correct cough
country cousin crazy cream credit cross culture curious customer cycle daily damage danger daughter deliver
depend describe design detail develop diagnose dinner direct dirty discuss disease doubt drama dream drive
driver dust duty eager earth east economy effect effort egg election email empty enjoy enter entire erase
escape evenings event exam example excellent excited excuse exercises expect expensive experience explain
extra fail faith false famous fancy fault favourite fee fees fellow fever file firm fish fix flag flight
flower folk follow force forest forever forward fresh fridge fruit funny future garden gas gather gentle
glass gold golf government gradual grand grass guest guitar habit hair happen happy harm hat heavy hell
hero hey hidden hire history hobby holiday honest horrible hospital hotel huge human humour hungry hunt
image imagine improve include increase info inform injury insurance interest internet invite iron island
item jacket joint juice jump junk kick kind kindly kitchen knows label lady language laptop laugh law
lawyer lazy leader leaf league lesson library licence link liquid listen load local lock logs lonely loose
lovely lucky machine magic manage manager marry match mate meal measure meat media medicine meeting member
memory mention menu message metal method middle milk million minor mistake mix mobile model modern moment
money monkey mood moon moved moves movie music nation nature nearby neat nerve nervous network noise
nope north nose novel nurse object ocean odd offer oil online opinion orange others owner package palm
pants parent park partner pattern peace pen pencil pepper perfect permit personal pet photo picture pills
pilot pink pipe pity planet plant plastic plate player playing plenty pocket poem police polite pool
popular position positive potato power practice pray prepare present press pretty price pride print
prison private prize problem process produce product profit program promise proper protect proud prove
public purge purple purpose push quality quarter queen question quick quiet quite radio raise range rate
reach react record reduce refuse region relax relevant release releasing remain remember remind remove
rent repair repeat reply report request reset result return rich risk river roller rome rope rough route
rubbish rude ruin safety sail salad salt sample sauce scale scene science screen search season secret
section secure seed select self sense serious serve service settle shade shame shape share sharp shift
shine shirt shock shoe shoot shopping shot shout sight signal signing silent silly silver simple sing
sink sister skill skin sleep slice slide slight smart smell smoke snack snow soft soil solid soleus
solve song sorry soul sounds source south spare special speed spell spirit split spoon sport spread
spring square steady steal steering stepping stick stone straight straighten strange stranger stress
strike student study style subject success sugar summer supply support surgery surprise survey swap
sweet swim switch system tail talent target task taste taxes taxi teacher tear technology teeth telly
temporalis tennis term terrible text theory thanx thick thief throat ticket tidy tie tight tiny title
toast toilet tone tongue tool tooth topic touch tour towel tower toxic trade traffic trainers trainer
travel treat trial tried trust truth tune twin uncle unit upset urgent useful valley value van video
view village voice vote wages wallet wash waste wave weak wealth weather wedding weigh weird west wet
wheel whilst whisper whole wild wine wing winter wire wise witch wood wool worker worth wound wrap
yard yellow yesterday youth zero zone locate wince crunch paris london
""")


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


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    """Optimal-string-alignment distance (a swap of neighbours counts 1), or limit + 1 when larger."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, start=1):
            cost = 0 if char_a == char_b else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return min(previous[-1], limit + 1)


def _allowed_distance(token: str, candidate: str) -> int:
    if min(len(token), len(candidate)) < _MIN_LENGTH:
        return 0
    return 2 if max(len(token), len(candidate)) >= _LONG_WORD else 1


class Speller:
    """Corrects tokens against a fixed vocabulary; build once per vocabulary and reuse."""

    def __init__(self, vocabulary: Iterable[str], common_words: Iterable[str] = COMMON_WORDS):
        words = {w.lower() for w in vocabulary if w.isalpha()}
        self.vocabulary = frozenset(words)
        self.known = self.vocabulary | {w.lower() for w in common_words}
        self._by_initial: dict[str, list[str]] = {}
        for word in sorted(words):
            if len(word) >= _MIN_LENGTH:
                self._by_initial.setdefault(word[0], []).append(word)
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
        """A vocabulary or common word, or a regular inflection of one ("moved", "tried", "stepping")."""
        return low in self.known or any(stem in self.known for stem in _stems(low))

    def _suggest(self, low: str) -> str | None:
        if len(low) < _MIN_LENGTH or not low.isalpha() or self.is_known(low):
            return None
        best: tuple[int, int, int, str] | None = None
        for candidate in self._by_initial.get(low[0], ()):
            allowed = _allowed_distance(low, candidate)
            if allowed == 0 or abs(len(candidate) - len(low)) > allowed:
                continue
            distance = edit_distance(low, candidate, allowed)
            if distance > allowed:
                continue
            if min(len(low), len(candidate)) < _SHORT_WORD and not _is_safe_short_slip(low, candidate):
                continue
            key = (distance, 0 if _is_doubled_key(low, candidate) else 1, -len(candidate), candidate)
            if best is None or key < best:
                best = key
        return best[3] if best else None


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
            stems += [base, base + "e"]
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
    pieces: list[str] = []
    fixes: list[Correction] = []
    position = 0
    for match in _TOKEN.finditer(text):
        token = match.group(0)
        if "'" in token or "’" in token:
            continue
        suggestion = speller.suggest(token)
        if suggestion is None:
            continue
        replacement = _match_case(token, suggestion)
        pieces.append(text[position: match.start()])
        pieces.append(replacement)
        position = match.end()
        fixes.append(Correction(match.start(), match.end(), token, replacement))
    if not fixes:
        return Corrected(text, ())
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
