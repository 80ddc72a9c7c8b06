"""Turn a message into mentions: regions with side, sensations, activities, red-flag findings,
intensity, duration and age, each with whether it is negated, hypothetical or about someone else.

The project's spaCy pipeline finds the phrases; medspaCy's ConText (run here in code, because its
components do not serialise into the saved pipeline) decides their clinical context. The Rasa NLU
component and `python -m bot assess` both call `extract_mentions`, so they never disagree.
"""

from __future__ import annotations

import itertools
import logging
import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, AbstractSet, Any, Iterable

from bot.nlp.build import SPANS_KEY, pipeline_path, pipeline_patterns
from bot.nlp.compiled import Compiled, Lexicon, compile_lexicon, default_lexicon, load_compiled, save_compiled
from bot.nlp.concepts import clause_ids, compose
from bot.nlp.durations import Duration, find_duration
from bot.nlp.numbers import KIN_WORDS, parse_age, parse_intensity, parse_someone_elses_age
from bot.nlp.typos import Corrected
from bot.nlp.typos import correct as correct_typos
from core.types import BARE_JOINT_WORDS, Mention

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

__all__ = ["MAX_CHARS", "TYPOS_KEY", "Analyser", "Lexicon", "extract_mentions", "load_language",
           "mentions_from_text"]

COMPOSED_KEY = "composed_findings"  # doc.user_data key: composed finding -> the tokens of its concepts
TYPOS_KEY = "typo_corrections"  # doc.user_data key: the Corrected record (offsets back to what was typed)
VAGUE_KEY = "vague_places"  # doc.user_data key: phrase -> region it stands in for ("headache" -> temple)
_PART_REACH = 28  # characters around a vague place within which a part word starts to be about it
PARTS_KEY = "place_parts"  # doc.user_data key: the words that say where in a vague place ("front", "outside")
MAX_CHARS = 2000  # longer messages are cut here: no real description of pain needs more
PHRASE_TOKENS_KEY = "phrase_spans"  # doc.user_data key: (start, end) of every vocabulary phrase and concept
_KIND_BY_LABEL = {"REGION": "region", "SENSATION": "sensation", "ACTIVITY": "activity", "FINDING": "finding",
                  "TIMING": "timing", "CONCEPT": "concept"}
_NEGATION_WORDS = frozenset({"not", "n't", "nt", "no", "never", "without", "none", "nothing", "neither", "nor"})
logger = logging.getLogger(__name__)
# medspaCy's default cues that misread how people describe their own pain: a bare "if" makes "my
# calf cramps if I walk 200 yards" and "if I cough I wet myself" hypothetical, when they are what
# happens every time. The real hypotheticals ("what if", "if it spreads", "if I ever") are in our rules.
_DROPPED_DEFAULT_CUES = frozenset({"if"})
_CONTEXT_RULES_FILE = Path(__file__).with_name("context_rules.json")
_SIDE_WORDS = {"left": "left", "right": "right", "lft": "left", "rt": "right", "rite": "right", "rght": "right",
               "rigth": "right", "rhs": "right", "lhs": "left", "both": "both", "either": "both"}
_SHORT_SENTENCE = 6  # tokens: "Left side.", "It's on the right."
_SIDE_SPELLINGS = "|".join(word for word, side in _SIDE_WORDS.items() if side != "both" and len(word) > 2)
_SIDE_PHRASE = re.compile(
    rf"\b(?:on|in|down|mainly|mostly|more|especially|esp|just|only)\s+(?:on\s+)?(?:the|my)\s+({_SIDE_SPELLINGS})\b|"
    rf"\b({_SIDE_SPELLINGS}|r|l|rt|lt)[- ]?(?:hand\s+)?side\b|"
    r"\b(?:both|the two|two|each) sides?\b|\bon both\b|\bboth of (?:them|em|'em)\b|"
    # "the back side of legs, left and right": both
    r"\b(?:left|right)\s+(?:and|&|n|\+)\s+(?:right|left)\b|"
    # "shins are on fire after running, both": "both" set off on its own
    r"(?:^|(?<=[,;:(\-]))\s*both\s*(?=$|[,.;:!?)])|"
    # "my hip on the r", "pain in the lt.": a side letter after "on the", where the sentence or the clause ends
    r"\b(?:on|in|down)\s+(?:the|my)\s+(r|l|rt|lt)\b(?=\s*(?:$|[,.;:!)]))"
)
# "R forearm", "l arm front": a single letter for the side, right before the place
_SIDE_LETTERS = {"r": "right", "l": "left", "lt": "left", "rt": "right"}
# "outer elbow R,", "top of foot L", "hip (L)": a side letter right after the place, set off by punctuation or the
# sentence's end (not "my knees r sore", where the r is "are")
_SET_OFF = frozenset({",", ".", ";", ":", "!", ")", "-", "/", "+", "&"})
# "L-knee", "R/knee": a side letter joined to the place
_LETTER_JOINERS = frozenset({"-", "/"})
# "my write knee": a dictated "right" spelt as its sound, after a possessive
_SIDE_SOUNDS = frozenset({"write", "wright"})
# "the left side of my lower back": the side named before the place, further back than a side word
_SIDE_OF_BEFORE = re.compile(r"\b(left|right)(?:[- ]hand)?\s+side\s+of\s+(?:my|the|his|her|your)?\s*(?:\w+\s+)?$")

# "outer right thigh": a side said between a place's modifier and its noun; "thigh outer side": the part after it
_INNER_SIDES = frozenset({"left", "right", "both"})
_PLACE_MODIFIERS = frozenset({"outer", "inner", "outside", "inside", "front", "back", "upper", "lower", "low", "mid",
                              "middle", "top", "bottom", "lateral", "medial"})
_PARTS_AFTER = frozenset({"outer", "inner", "outside", "inside", "front", "lateral", "medial"})
_PART_NOUNS = frozenset({"side", "part", "bit", "aspect", "edge"})
# "his", "her", "their": a carer naming the patient's body where the vocabulary says "my"
_OTHER_POSSESSIVES = frozenset({"his", "her", "their", "your"})
# "backs of my thighs", "back side of my knee", "backside of my hand": the back of the place, as the vocabulary says it
_BACKS = frozenset({"backs", "backside", "backsides"})
# "the tops of both my feet", "fronts of my shins": a part of each place, as the vocabulary says it of one
_PARTS_IN_THE_PLURAL = {"tops": "top", "fronts": "front", "bottoms": "bottom", "insides": "inside",
                        "outsides": "outside", "balls": "ball", "tips": "tip"}
_BACK_PART_NOUNS = frozenset({"side", "sides", "part", "parts"})
_POSSESSIVE_AFTER_BOTH = frozenset({"my", "the", "his", "her", "their", "your"})
# a limb's part in the plural, read in the singular where a plural was said in other words ("backs of both my hands")
_SINGULAR_PLACES = {"hands": "hand", "knees": "knee", "thighs": "thigh", "legs": "leg", "arms": "arm", "calves": "calf",
                    "forearms": "forearm", "wrists": "wrist", "elbows": "elbow", "heels": "heel", "ankles": "ankle",
                    "shoulders": "shoulder", "feet": "foot", "hips": "hip", "shins": "shin", "hamstrings": "hamstring"}


def _in_the_vocabulary_s_words(words: list[str]) -> list[tuple[str, int, bool]]:
    """The words as the vocabulary writes its places, each with the index of the word it stands for and whether it was
    reworded (see Analyser._places_said_in_other_words): "his" is "my", "backs of"/"back side of" is "back of",
    "tops of" is "top of", "of both my" is "of my"; a plural place is singular, which alone is no rewording (the
    vocabulary has both)."""
    said: list[tuple[str, int, bool]] = []
    dropped = False
    skip = 0
    for i, word in enumerate(words):
        if skip:
            skip -= 1
            continue
        after = words[i + 1:i + 3]
        if word in _OTHER_POSSESSIVES:
            said.append(("my", i, True))
        elif (word in _BACKS or word == "back") and after[:1] and after[0] in _BACK_PART_NOUNS and after[1:] == ["of"]:
            said.append(("back", i, True))  # "back side of", "backs part of": the side word goes
            skip = 1
        elif word in _BACKS and after[:1] == ["of"]:
            said.append(("back", i, True))
        elif word in _PARTS_IN_THE_PLURAL and after[:1] == ["of"]:
            said.append((_PARTS_IN_THE_PLURAL[word], i, True))
        elif word == "both" and said and said[-1][0] == "of" and after[-1:] and (
                after[0] in _POSSESSIVE_AFTER_BOTH or (after[0] == "of" and after[-1] in _POSSESSIVE_AFTER_BOTH)):
            dropped = True  # "of both my hands", "of both of my knees": "both" is the side, inside the span
            skip = 1 if after[0] == "of" else 0
            continue
        elif word in _SINGULAR_PLACES:
            said.append((_SINGULAR_PLACES[word], i, dropped))
        else:
            said.append((word, i, dropped))
        dropped = False
    return said


def _spans_overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two token spans share a token, containment included.

    medspaCy 1.3.1's `tuple_overlaps` misses a span that contains the other, so a terminator ("but",
    "I") whose scope is the whole sentence never ends a negation or a "my dad" scope limited by
    `max_scope`; the ConText modules use this instead (see `_use_correct_overlaps`).
    """
    return a[0] < b[1] and b[0] < a[1]


def _context_classes() -> tuple[Any, Any]:
    """medspaCy's ConText, imported without QuickUMLS.

    `medspacy.util` imports QuickUMLS at the top (and with it NLTK and SciPy: about 2 s of a cold
    start) for a UMLS matcher this project never loads. An empty `quickumls.spacy_component` module
    stands in for it when QuickUMLS has not been imported already, so ConText, the only medspaCy
    part used here, loads alone. Loading a QuickUMLS pipeline in this process would then fail loudly.
    """
    import sys
    import types

    if "quickumls" not in sys.modules:
        package = types.ModuleType("quickumls")
        package.__path__ = []
        component = types.ModuleType("quickumls.spacy_component")
        package.spacy_component = component  # type: ignore[attr-defined]
        sys.modules["quickumls"], sys.modules["quickumls.spacy_component"] = package, component
    from medspacy.context import ConText, ConTextRule

    return ConText, ConTextRule


def _use_correct_overlaps() -> None:
    _context_classes()
    from medspacy.context import context_graph, context_modifier

    context_modifier.tuple_overlaps = _spans_overlap
    context_graph.tuple_overlaps = _spans_overlap


# "no fever no headache jus stiff where neck meets shoulder", "no numbness, just a dull ache in my calf": "just" before
# what is felt ends a list of denials, as "only" and "but" do (a bare "just" stays: "not just yet")
_FELT_AFTER_JUST = ["stiff", "stiffness", "sore", "soreness", "tight", "tightness", "ache", "aches", "aching", "achy",
                    "pain", "painful", "tender", "a", "an", "the", "my", "me", "some", "that", "this", "really", "very",
                    "bit", "proper", "mild", "dull", "sharp", "pulling", "throbbing", "burning", "tingling", "hurts"]


def _just_ends_the_denials(rule_class: Any) -> Any:
    """The ConText rule for "just" before what is felt (see above), a terminator of denials."""
    return rule_class("just felt", "NEGATED_EXISTENCE", direction="TERMINATE",
                      pattern=[{"LOWER": {"IN": ["just", "jus", "juss", "jst", "merely", "simply"]}},
                               {"LOWER": {"IN": _FELT_AFTER_JUST}}])


class Analyser:
    """A loaded pipeline, the compiled vocabulary and a ConText instance bound to them (once per process)."""

    def __init__(self, nlp: Language, compiled: Compiled):
        logging.getLogger("PyRuSH").setLevel(logging.WARNING)
        ConText, ConTextRule = _context_classes()
        _use_correct_overlaps()
        self.nlp = nlp
        self.lexicon = compiled.lexicon
        self.phrases = compiled.phrases
        self.concepts = compiled.concepts
        self.speller = compiled.speller
        self.context = ConText(nlp, rules=None, input_span_type="group", span_group_name=SPANS_KEY)
        defaults = ConTextRule.from_json(self.context.DEFAULT_RULES_FILEPATH)
        own = ConTextRule.from_json(str(_CONTEXT_RULES_FILE))
        # where our rules read a default cue differently ("worried about": a worry, not a hedge), ours decide
        ours = {rule.literal.lower(): rule.category for rule in own}
        self.context.add([rule for rule in defaults if rule.literal.lower() not in _DROPPED_DEFAULT_CUES
                          and ours.get(rule.literal.lower(), rule.category) == rule.category])
        self.context.add(own)
        self.context.add([_just_ends_the_denials(ConTextRule)])

    def analyse(self, text: str) -> Doc:
        """Correct slipped words ("sholder"), find phrases and concepts, compose findings, then their
        clinical context (negated, hypothetical, someone else's).

        The doc is of the corrected text; `doc.user_data[TYPOS_KEY]` maps offsets back to the original.
        """
        fixed = correct_typos(text, self.speller)
        doc = self.nlp(fixed.text)
        doc.spans[SPANS_KEY] = (self.phrases.spans(doc) + self._reordered_places(doc)
                                + self._places_said_in_other_words(doc))
        doc.user_data[TYPOS_KEY] = fixed
        doc.user_data[VAGUE_KEY] = self.lexicon.vague
        doc.user_data[PARTS_KEY] = self.lexicon.parts
        self._add_concepts(doc)
        return self.context(doc)

    def _reordered_places(self, doc: Doc) -> list[Span]:
        """Places said in another order than the vocabulary's phrase: a side inside the phrase ("outer
        right thigh", "upper left arm") and the part word after the place ("thigh outer side", "right
        knee, inner bit", "shoulder front", "neck back side"). Each is read as the phrase it rearranges ("outer thigh",
        "inner knee", "front of the shoulder"), spanning all its words so the side inside counts."""
        from spacy.tokens import Span

        words = [token.lower_ for token in doc]
        entries, longest = self.phrases.entries, max(self.phrases.lengths, default=0)

        def region_of(key: tuple[str, ...]) -> str | None:
            return next((span_id for label, span_id in entries.get(key, ()) if label == "REGION"), None)

        found = []
        for i, word in enumerate(words):
            if word in _INNER_SIDES and i > 0 and words[i - 1] in _PLACE_MODIFIERS:
                for end in range(min(len(words), i + longest), i + 1, -1):
                    region = region_of((words[i - 1], *words[i + 1:end]))
                    if region and not any(region_of(tuple(words[start:stop])) for start in range(i + 1, end)
                                          for stop in range(end + 1, min(len(words), start + longest) + 1)):
                        found.append(Span(doc, i - 1, end, label="REGION", span_id=region))
                        break
            # "neck back side", "knee back part": the back said after the place, with a part noun (a bare "back"
            # after a place is too often the adverb: "hurt my knee back in May")
            back_part = word == "back" and i + 1 < len(words) and words[i + 1] in _PART_NOUNS
            if word not in _PARTS_AFTER and not back_part:
                continue
            at = i - 1 if i > 1 and words[i - 1] == "," else i
            for start in range(max(0, at - longest), at):
                place = tuple(words[start:at])
                if region_of(place) is None or words[start] in _PLACE_MODIFIERS:
                    continue
                region = next((r for key in ((word, *place), (word, "of", "the", *place), (word, "of", *place))
                               if (r := region_of(key))), None)
                if region and (region != region_of(place) or back_part):
                    end = i + 2 if i + 1 < len(words) and words[i + 1] in _PART_NOUNS else i + 1
                    found.append(Span(doc, start, end, label="REGION", span_id=region))
                    break
        return found

    def _places_said_in_other_words(self, doc: Doc) -> list[Span]:
        """Places said in other words than the vocabulary's phrases, which are written with "my" and "the", "back of"
        and one place: a carer's words for the patient's body ("top of his left shoulder", "between her shoulder
        blades", "back of their knee"), and the back of a limb's part said in the plural, with "both" before the
        possessive or with "side" after "back" ("the backs of both my hands", "back sides of my calves", "back side of
        her knee"). Without this only the bare words match: "backs" (the low back) beside "hands", "side of my knee"
        (its outside)."""
        from spacy.tokens import Span

        said = _in_the_vocabulary_s_words([token.lower_ for token in doc])
        if not any(reworded for _, _, reworded in said):
            return []
        found = []
        for start in range(len(said)):
            for length in self.phrases.lengths:
                end = start + length
                if end > len(said) or not any(reworded for _, _, reworded in said[start:end]):
                    continue
                labels = self.phrases.entries.get(tuple(word for word, _, _ in said[start:end]), ())
                found += [Span(doc, said[start][1], said[end - 1][1] + 1, label=label, span_id=span_id)
                          for label, span_id in labels if label == "REGION"]
        return found

    def _add_concepts(self, doc: Doc) -> None:
        """Concept spans and the findings composed of them join the phrase spans ConText will read."""
        from spacy.tokens import Span

        words = [t.text for t in doc]
        hits, masks = self.concepts.find_with_masks(words)
        clauses = clause_ids(words, (sent.start for sent in doc.sents))
        composed = compose(hits, clauses, self.lexicon.patterns)
        # a `mask: findings` concept hides phrase findings too: "hay fever" is no fever
        masks = [m for m in masks if m.concept in self.lexicon.finding_masks]
        spans = [span for span in doc.spans.get(SPANS_KEY, []) if span.label_ != "FINDING" or not any(
            m.start <= span.start and span.end <= m.end for m in masks)]
        # A negation word inside a phrase belongs to that phrase ("can't feel", "can't lie flat"), but
        # only a phrase with a word of its own owns it: "'ve not been" (a retention word) is all
        # auxiliaries, so "I've not been dieting" stays a denial.
        phrases = {(start, end) for start, end in {(span.start, span.end) for span in spans} |
                   {(hit.start, hit.end) for hit in hits} if _has_content_word(doc[start:end])}
        doc.user_data[PHRASE_TOKENS_KEY] = frozenset(phrases)
        phrase_findings = [(s.id_, s.start, s.end) for s in spans if s.label_ == "FINDING"]
        for hit in hits:
            spans.append(Span(doc, hit.start, hit.end, label="CONCEPT", span_id=hit.concept))
        for finding in composed:
            if any(fid == finding.finding and start < finding.end and finding.start < end
                   for fid, start, end in phrase_findings):
                continue
            span = Span(doc, finding.start, finding.end, label="FINDING", span_id=finding.finding)
            inner = {i for hit in finding.hits for i in range(hit.start, hit.end)}
            doc.user_data.setdefault(COMPOSED_KEY, {})[(finding.start, finding.end, finding.finding)] = frozenset(inner)
            spans.append(span)
        doc.spans[SPANS_KEY] = spans


# Words that say nothing on their own: the project's pipeline has no tagger, so a list decides.
_FUNCTION_WORDS = frozenset({
    "'ve", "ve", "have", "has", "had", "'s", "s", "is", "am", "'m", "are", "'re", "was", "were", "be", "been", "being",
    "do", "does", "did", "done", "go", "gone", "went", "get", "got", "will", "'ll", "would", "'d", "can", "ca", "could",
    "should", "wo", "i", "you", "he", "she", "it", "we", "they", "to", "the", "a", "an", "any", "my"})


def _has_content_word(span: Span) -> bool:
    """Whether a phrase says something beyond auxiliaries and negation words."""
    return any(t.lower_ not in _NEGATION_WORDS and t.lower_ not in _FUNCTION_WORDS and not t.is_punct for t in span)


def original_offsets(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Offsets in the corrected doc text mapped back onto what the person typed."""
    fixed = doc.user_data.get(TYPOS_KEY)
    return fixed.to_original(start, end) if isinstance(fixed, Corrected) else (start, end)


@lru_cache(maxsize=4)
def load_language(path: str | None = None) -> Analyser:
    """Load the project's pipeline once; build it first if it is missing or older than the knowledge."""
    from bot.engine.knowledge import knowledge

    target = Path(path) if path else pipeline_path()
    if path is None:
        from bot.nlp.build import is_current

        if not is_current(target, knowledge().version):
            from bot.nlp.build import main as build_main

            build_main([])
    import spacy

    return analyser_for(spacy.load(target), target)


def analyser_for(nlp: Language, folder: Path) -> Analyser:
    """The analyser for a loaded pipeline, with the vocabulary compiled beside it (compiled now when
    it is missing or from another knowledge version, and stored for the next start)."""
    from bot.engine.knowledge import knowledge

    version = knowledge().version
    compiled = load_compiled(folder, version)
    if compiled is None:
        content = knowledge().content
        assert content is not None
        compiled = compile_lexicon(nlp, default_lexicon(), pipeline_patterns(content), version)
        try:
            save_compiled(compiled, folder)
        except OSError as error:  # a read-only install still works, only slower to start
            logger.warning("Could not store the compiled vocabulary in %s (%s)", folder, error)
    return Analyser(nlp, compiled)


# What a childhood injury said as such ("when I was 12", "as a kid") no longer is; a childhood illness such as
# cancer stays part of the history, so CHILDHOOD_INJURY denies only these
_INJURY_IDS = frozenset({"dangerous_mechanism", "crush_injury", "blow_to_limb", "trauma", "whiplash", "minor_trauma",
                         "head_injury", "neck_injury_event", "fall_verb", "blow", "major_injury", "injury"})
# Weakness the person puts down to pain ("my grip feels weak because it hurts to squeeze", "can't lift it, it hurts too
# much") is the pain holding the muscle back, not a nerve losing its power: PAIN_EXPLAINED denies only these. A numb
# limb, or a leg that cannot bear weight (a fracture sign whatever stops it), stays what it is.
_WEAKNESS_IDS = frozenset({"arm_weakness", "limb_weakness", "leg_weakness", "muscle_weakness", "one_arm_power_lost"})
_ANSWER_NO = frozenset({"no", "nope", "nah", "naw", "non", "nein"})


def _context_flags(span: Span) -> tuple[bool, bool, bool]:
    """Negated / hypothetical / other person.

    A cue that is part of a vocabulary phrase is not a cue: "can't feel" and "lying down doesn't
    help" carry their own "not", which denies nothing. Inside a finding composed of concepts, a
    negation word between the concepts does deny it ("my bum isn't numb").
    """
    doc = span.doc
    phrases: frozenset[tuple[int, int]] = doc.user_data.get(PHRASE_TOKENS_KEY, frozenset())
    negated = hypothetical = other = False
    for modifier in getattr(span._, "modifiers", ()) or ():
        start, end = modifier.modifier_span
        if start < span.end and end > span.start:
            continue
        category = modifier.category.upper()
        if category.startswith("NEGATED") and any(p_start <= start and end <= p_end and p_end - p_start > end - start
                                                   for p_start, p_end in phrases):
            continue  # "can't feel": the "not" is part of a longer phrase
        if category.startswith("NEGATED") and doc[start:end].text.lower() in _ANSWER_NO and end < len(doc) \
                and doc[end].text in {",", "-", "!", "."} and start < span.start:
            continue  # "no, it's the right ankle": the "no" answers; it denies nothing that follows
        if category.startswith("NEGATED") and start >= span.end and _a_side_before(doc, span.end, start):
            continue  # "right knee hurts, left is grand": the other side is fine, not the knee
        if category.startswith("NEGATED") or (category == "CHILDHOOD_INJURY" and span.id_ in _INJURY_IDS):
            negated = True  # "I broke that wrist falling off a pony when I was 12": not an injury now
        elif category == "PAIN_EXPLAINED" and span.id_ in _WEAKNESS_IDS:
            negated = True  # "my grip is weak because it hurts": pain, not a weakness of the nerve
        elif category == "HYPOTHETICAL":
            hypothetical = True
        # POSSIBLE_EXISTENCE ("probably", "possibly", "likely") is a hedge, not a doubt: "I should
        # probably mention my sight went dark" still says it happened, and a red flag said with a
        # hedge is still said. Worries and questions ("could it be", "worried about") are HYPOTHETICAL.
        elif category == "FAMILY" and not (end <= span.start and _own_word_between(doc, end, span.end)):
            other = True
    inner = doc.user_data.get(COMPOSED_KEY, {}).get((span.start, span.end, span.id_))
    if span.label_ in {"FINDING", "CONCEPT"} and _denied_right_before(doc, span.start):
        negated = True
    if inner is not None and any(
            doc[i].lower_ in _NEGATION_WORDS and i not in inner for i in range(span.start, span.end)):
        negated = True
    return negated, hypothetical, other


# A relative named before a place owns it only until the writer's own "my" comes between them: "Brother my right arm
# is paining" (the relative spoken to), "since press-ups on my grandson's app, the front of my chest is sore" (the
# relative's thing); "my son's knee hurts", "my wife has a sore neck" stay theirs, and "my little sister's knee" names
# the relative again
_KIN_AFTER_MY = re.compile(rf"{KIN_WORDS}s?|brothers?|sisters?|bro|sis|siblings?|cousins?|nephews?|nieces?|grandsons?|"
                           r"granddaughters?|grandkids|grandchild(?:ren)?|children|kids|baby|babies|toddler|family|"
                           r"parents?|grandparents?|friends?|neighbou?rs?|colleagues?|boss|boyfriend|girlfriend|"
                           r"fianc[eé]e?|missus|missis|hubby|aunty|auntie|stepdad|stepmum|mate|flatmate|housemate|"
                           r"[a-z]+-in-law")


def _own_word_between(doc: Doc, start: int, end: int) -> bool:
    """Whether the writer's own "my" (not "my <relative>") is said in tokens [start, end) (see above)."""
    return any(doc[i].lower_ == "my" and not any(_KIN_AFTER_MY.fullmatch(t.lower_) for t in doc[i + 1:min(i + 3, end)])
               for i in range(start, end))


_SIDE_SUBJECT = frozenset({"left", "right", "lft", "rite", "rt", "other"})
_SIDE_SUBJECT_NOUNS = frozenset({"one", "ones", "side", "sides", "hand"})


def _a_side_before(doc: Doc, start: int, end: int) -> bool:
    """Whether what a denial said after a place is said of ends in a side word after the place ("..., left is fine",
    "..., the left one's ok", "..., other side feels normal"): that side is fine, not the place."""
    index = end - 1
    while index >= start and doc[index].lower_ in _SIDE_SUBJECT_NOUNS:
        index -= 1
    return index >= start and doc[index].lower_ in _SIDE_SUBJECT


_DETERMINERS = frozenset({"any", "a", "an", "the", "my", "real", "new", "other", "more", "of", "such"})


def _denied_right_before(doc: Doc, start: int) -> bool:
    """"no problems peeing", "not any numbness": a negation word just before, past determiners only."""
    index = start - 1
    while index >= 0 and doc[index].lower_ in _DETERMINERS:
        index -= 1
    return index >= 0 and doc[index].lower_ in _NEGATION_WORDS


def _side_in_next_sentence(span: Span, doc: Doc, region_tokens: AbstractSet[int]) -> str | None:
    """"My neck. Left side." or "Bad back. Low down. Right side." - a short sentence that only names a side
    belongs to the place before it, across other short sentences that name no place."""
    end = span.sent.end
    for _ in range(3):
        if end >= len(doc):
            return None
        following = doc[end].sent
        if any(token.i in region_tokens for token in following):
            return None
        if len(following) > _SHORT_SENTENCE:  # "Across both sides, sharp when I bend": a longer one that opens so
            said = _without_discourse_rights(_text_of(doc, following.start, following.end))
            opening = _SIDE_OPENS.match(said)
            if opening:
                return _SIDE_WORDS[opening.group(1)]
            # ... or one that says how "it" feels and where, once: "it's a tight ache on the left, like a 5"
            phrases = list(_SIDE_PHRASE.finditer(said))
            if len(phrases) == 1 and _IT_FEELS_OPENS.match(said):
                return _side_of(phrases[0])
            return None
        match = _SIDE_PHRASE.search(_text_of(doc, following.start, following.end))
        if match:
            return _side_of(match)
        sides = [_SIDE_WORDS[token.lower_] for token in following
                 if _SIDE_WORDS.get(token.lower_) in {"left", "right"} and not _is_foreign(token)]  # "rite", "lft" too
        if len(sides) == 1:
            return sides[0]
        end = following.end
    return None


# A sentence that opens by saying how the pain is: "it's a tight ache on the left", "the pain is more on the right"
_IT_FEELS_OPENS = re.compile(r"^\W*(?:(?:and|but|so|oh|also)\s+)?(?:it'?s|its|it\s+is|it\s+feels|feels|the\s+pain'?s?|"
                             r"pain'?s?|the\s+ache'?s?|the\s+soreness)\b")
# A sentence that opens with the side: "Across both sides, sharp when I bend", "right one mostly, the fleshy bit",
# "Left side mostly, worse at night" (not "Left it a week", "Right after I ran")
_SIDE_OPENS = re.compile(
    r"^\W*(?:(?:it'?s|its|it\s+is|on|in|down|across|along|mostly|mainly|more|especially|esp|just|only|worse|worst)\s+)*"
    # ... or with the part of the place before it: "The inside of the right one."
    r"(?:(?:the\s+)?(?:inside|outside|inner|outer|front|back|top|bottom|side|middle)\s+(?:bit\s+|part\s+)?of\s+"
    r"(?=(?:the|my)\s+(?:left|right)\s+one\b))?"
    r"(?:(?:the|my)\s+)?(left|right|both)(?=\s*(?:$|[,.;:!?]|(?:one|ones|side|sides|hand|mostly|mainly|more|worse|"
    r"worst|only|too|as\s+well|of\s+(?:them|em))\b))")


def _sides_named(low: str) -> set[str]:
    """The sides a piece of text names, typos included ("rite", "lft"); "both" when it says so."""
    sides = {_SIDE_WORDS[w] for w in re.findall(r"[a-z]+", low) if _SIDE_WORDS.get(w) in ("left", "right")}
    return sides | ({"both"} if re.search(r"\bboth\b", low) else set())


def _side_in_sentence_before(span: Span, doc: Doc, region_tokens: AbstractSet[int]) -> str | None:
    """"The right one. It is the inside of the knee", "left. round the back in the bum cheek": a short
    sentence that only names a side, right before the place's own sentence."""
    if span.sent.start == 0:
        return None
    before = doc[span.sent.start - 1].sent
    if len(before) > _SHORT_SENTENCE or any(token.i in region_tokens for token in before):
        return None
    sides = _sides_named(_without_discourse_rights(_text_of(doc, before.start, before.end)))
    return sides.pop() if len(sides) == 1 else None


def _text_of(doc: Doc, start: int, end: int) -> str:
    """The lower-cased text of tokens [start, end), its side words that are not the pain's blanked."""
    return _without_foreign_sides(doc[start:end].text.lower(), _foreign(doc), doc[start].idx) if start < end else ""


def _is_foreign(token: Token) -> bool:
    """A side word said of something other than the pain ("on my right hip", "than the left one")."""
    return any(start <= token.idx < end for start, end in _foreign(token.doc))


def _side_for(span: Span, doc: Doc, region_tokens: AbstractSet[int] = frozenset()) -> str | None:
    """Side words inside the phrase ("back of my right knee"), right before a region ("right
    temple"), shortly after ("neck, left side") or in a short sentence of their own ("Neck. Left side."). A side word
    said with another place named for something else is not this one's, but a place's own side word always is."""
    own = set(_side_words_of(span, doc))
    not_its_own = [side for side in _foreign(doc) if side not in own]
    chatter = _discourse_rights(doc.text.lower()) + not_its_own

    def said_as_side(token: Token) -> bool:
        return not any(start <= token.idx < end for start, end in chatter)

    def set_off(token: Token) -> bool:
        """"front of his upper arm, right, after rowing": a side word between commas after the place is its side,
        whatever words follow (not a "right after")."""
        closed = token.i + 1 >= len(doc) or doc[token.i + 1].text in {",", ";", ")", ".", "!"}
        # ... or straight after it, as other languages put it: "pain inside of elbow right, near the bone"
        return closed and token.i >= span.end and not any(start <= token.idx < end for start, end in not_its_own)

    for token in span:
        if token.lower_ in {"left", "right"} and said_as_side(token):
            return token.lower_
    if any(token.lower_ == "both" for token in span):
        return "both"
    for token in doc[max(span.start - 3, span.sent.start): span.start]:
        if token.lower_ in _SIDE_WORDS and said_as_side(token):
            return _SIDE_WORDS[token.lower_]
    if span.start > span.sent.start and doc[span.start - 1].lower_ in _SIDE_LETTERS:
        return _SIDE_LETTERS[doc[span.start - 1].lower_]
    if span.start > span.sent.start + 1 and doc[span.start - 1].text in _LETTER_JOINERS and \
            doc[span.start - 2].lower_ in _SIDE_LETTERS:
        return _SIDE_LETTERS[doc[span.start - 2].lower_]  # "L-knee", "R/knee"
    if span.start > span.sent.start + 1 and doc[span.start - 1].lower_ in {"side", "sided"} and \
            doc[span.start - 2].lower_ in _SIDE_LETTERS and not _is_foreign(doc[span.start - 2]):
        return _SIDE_LETTERS[doc[span.start - 2].lower_]  # "r side lwr back", "L side neck stiff"
    if span.start > span.sent.start + 1 and doc[span.start - 1].lower_ in _SIDE_SOUNDS and \
            doc[span.start - 2].lower_ in {"my", "his", "her", "their", "your", "the"}:
        return "right"  # "my write knee"
    letter = _side_letter_after(span, doc)
    if letter:
        return letter
    before = _SIDE_OF_BEFORE.search(_text_of(doc, span.sent.start, span.start))
    if before:
        return before.group(1)
    after = _without_discourse_rights(_text_of(doc, span.end, min(span.end + 6, span.sent.end)))
    match = _SIDE_PHRASE.search(after)
    if match:
        return _side_of(match)
    for token in doc[span.end: min(span.end + 3, span.sent.end)]:
        if token.lower_ in {"left", "right", "rhs", "lhs"} and (said_as_side(token) or set_off(token)) and all(
                t.is_punct or t.lower_ == "the" for t in doc[span.end: token.i]):
            return _SIDE_WORDS[token.lower_]  # "my shoulder right", "in the shoulder, the right, in the back part"
    next_place = next((i for i in range(span.end, span.sent.end) if i in region_tokens), None)
    if next_place is None:  # "between the shoulder blades for a few days, left side mostly"
        rest = _SIDE_PHRASE.findall(_text_of(doc, span.end, span.sent.end))
        if len(rest) == 1:
            return _side_of(_SIDE_PHRASE.search(_text_of(doc, span.end, span.sent.end)))
        return _side_in_next_sentence(span, doc, region_tokens) or _side_in_sentence_before(span, doc, region_tokens)
    return None


# The part of a place said straight after it in a terse list: "wrist back", "knee front", "elbow outer"
_PART_AFTER_THE_PLACE = frozenset({"back", "front", "top", "bottom", "side", "outer", "inner", "outside", "inside",
                                   "underside", "base", "tip", "palm"})


_PAIN_AFTER_THE_PLACE = frozenset({"pain", "pains", "ache", "aches", "aching", "achy", "sore", "soreness", "hurts",
                                   "stiff", "stiffness", "tight", "niggle", "twinge", "issue", "problem"})


def _side_letter_after(span: Span, doc: Doc) -> str | None:
    """"outer elbow R, burning", "top of foot L", "wrist (rt)": a side letter right after the place, set off."""
    i = span.end + 1 if span.end < span.sent.end and doc[span.end].text == "(" else span.end
    if i + 1 < span.sent.end and doc[i].lower_ in _PART_AFTER_THE_PLACE:
        i += 1  # "wrist back L", "knee front R": the part of the place said after it, then the side
    if i + 1 < span.sent.end and doc[i].lower_ in _PAIN_AFTER_THE_PLACE:
        i += 1  # "heel pain R", "knee ache L.", "hip pain (rt)": the pain named after the place, then the side
        if i + 1 < span.sent.end and doc[i].text == "(":
            i += 1
    if i >= span.sent.end or _is_foreign(doc[i]):
        return None
    letter, stop = doc[i].lower_, doc[i].lower_.endswith(".")  # "knee L." is one token
    # set off by a mark, or by the score after it in a terse list ("wrist back L 5/10 ache")
    if letter.rstrip(".") not in _SIDE_LETTERS or (
            not stop and i + 1 < span.sent.end and doc[i + 1].text not in _SET_OFF
            and not doc[i + 1].text[:1].isdigit()):
        return None
    return _SIDE_LETTERS[letter.rstrip(".")]


def _side_of(match: re.Match[str] | None) -> str | None:
    if match is None:
        return None
    said = next((group for group in match.groups() if group), None)
    return (_SIDE_WORDS.get(said) or _SIDE_LETTERS.get(said, said)) if said else "both"


def _longest_per_label(spans: Iterable[Span]) -> list[Span]:
    """Within one label the longest phrase wins ("back of my knee" is not also "knee" and "back");
    findings and concepts compete only with themselves (one message can state several overlapping
    findings: "sudden worst headache" is both a sudden onset and the worst ever); across labels overlaps
    stay ("numb around my bottom" is a finding and a region), except that a sensation word inside a
    longer activity phrase is part of it ("carrying heavy bags"), and an activity word inside a longer
    feeling ("a pulling feeling")."""
    from spacy.util import filter_spans

    by_label: dict[str, list[Span]] = {}
    for span in spans:
        key = f"{span.label_}:{span.id_}" if span.label_ in {"FINDING", "CONCEPT"} else span.label_
        by_label.setdefault(key, []).append(span)
    kept = [span for group in by_label.values() for span in filter_spans(group)]
    activities = [span for span in kept if span.label_ == "ACTIVITY"]
    kept = [span for span in kept if span.label_ != "SENSATION" or not any(
        a.start <= span.start and span.end <= a.end and len(a) > len(span) for a in activities)]
    # and the other way round: an activity word inside a longer feeling is part of it ("a pulling feeling")
    feelings = [span for span in kept if span.label_ == "SENSATION"]
    kept = [span for span in kept if span.label_ != "ACTIVITY" or not any(
        f.start <= span.start and span.end <= f.end and len(f) > len(span) for f in feelings)]
    return sorted(kept, key=lambda span: (span.start, span.end))


# Activity words that, in context, are not something the person does that brings the pain on:
# talking to / reading this chat ("is this a bot I'm talking to"), a posture verb giving a score ("it's
# sitting at a 7"), and "dig" as a massage verb ("dig my thumb in"), not digging the garden.
_CHAT_TALK = re.compile(
    r"^\s+(?:to\s*(?:$|[?.!,])|later\b|(?:to|with)\s+(?:you\b|u\b|ya\b|me\b|someone|somebody|anyone|anybody|"
    r"artificial|ai\b|(?:a|an|the|some|any)\s+(?:real\s+|actual\s+|live\s+)?(?:bot|robot|machine|computer|program|"
    r"human|person|people|therapist|physio|physiotherapist|doctor|gp|nurse|clinic|someone|chatbot|ai)\b))"
)
_CHAT_READ = re.compile(r"^\s+(?:this|these|your|what\s+i)\b")
_SCORE_AFTER = re.compile(
    r"^\s+(?:at|around|on)\s+(?:(?:a|an|about|around|roughly|maybe|like)\s+)*"
    r"(?:\d|zero|one|two|three|four|five|six|seven|eight|nine|ten)\b"
)
_DIG_VERBS = r"(?:dig|digs|digging|dug|sink|sinking|sank)"
_MASSAGE_DIG = re.compile(rf"^{_DIG_VERBS}$")
_MASSAGE_OBJECT = re.compile(
    r"^\s+(?:in\s*(?:$|[?.!,]|with\b|harder\b|deeper\b|more\b|there\b|hard\b)|into\s+(?:it|there|my|the\s+"
    r"(?:muscle|knot|spot|point|trigger))\b|it\s+in\b|(?:my|your|a|the)\s+(?:thumbs?|fingers?|fingertips|"
    r"knuckles?|elbow|fist|(?:tennis\s+|lacrosse\s+|massage\s+)?ball)\b)"
)
_MASSAGE_TOOL_BEFORE = re.compile(rf"\b{_DIG_VERBS}\s+(?:my|your|a|the)\s+$")
# "Pressure" as what the person applies during self-massage ("hold the pressure", "too much pressure",
# "where should I be pressing") is not the pressing sensation ("pressure behind my eyes", "a pressing ache").
_APPLIED_PRESSURE_BEFORE = re.compile(
    r"\b(?:too much|more|less|enough|firm|firmer|light|lighter|gentle|gentler|harder|softer|deeper|the right|"
    r"bit of|little|hold|holding|held|apply|applying|put|putting|use|using|keep|keeping|increase|increasing|"
    r"reduce|reducing|ease|easing|release|releasing|add|adding)\s+(?:the\s+|some\s+|more\s+)?$"
)
_PRESSING_VERB_BEFORE = re.compile(r"\b(?:i|i'm|im|be|am|keep|stop|start|you|we|been|should|was|were)\s+$")
_LOCATED_AFTER = re.compile(r"^\s+(?:in|behind|on|at|around|over|across|inside|under)\s+(?:my|the|your)\b")
_PAIN_WORDS = re.compile(r"\b(?:pain\w*|hurt\w*|sore\w*|ache\w*|aching|agony|killing me)\b")


# "back" the adverb ("I'm back", "back again", "switch them back on", "push it back a week") is not the
# back. A possessive or a modifier before it ("my back", "lower back") or a pain word after it ("back
# pain", "back hurts") keeps it a region; so does "back" as a whole answer ("where?" "back").
_BACK_REGION_BEFORE = re.compile(
    r"\b(?:my|the|your|his|her|their|our|a|sore|bad|stiff|achy|aching|painful|tight|lower|upper|low|mid|middle|"
    r"whole|entire|left|right|of|across|along|"
    # "I have pain in back, low, left side": a pain word and "in" before a bare "back" (no article) is the back
    r"(?:pain|pains|ache|aches|aching|hurts?|hurting|sore|soreness|stiff|stiffness|twinges?|spasms?)\s+(?:in|on|across))\s+$")
_BACK_REGION_AFTER = re.compile(
    r"^\s*(?:pain|pains|ache|aches|aching|achy|hurts|hurting|hurt|is|was|spasms?|muscles?|problems?|issues?|"
    r"injury|twinges?|feels|keeps|gives|went|'s|has|and)\b")
_BACK_ADVERB_BEFORE = re.compile(
    r"\b(?:i'm|im|i am|am|be|been|being|are|its|it's|it is|is|was|they're|theyre|come|came|coming|comes|get|got|"
    r"getting|go|going|went|call|ring|write|"
    r"text|push|pushed|put|move|moved|switch|turn|bring|brought|welcome|look|looking|looked|step|stepped|hold|"
    r"pull|pulled|up|on|it|them|ins?|ups?|reminders?)\s+$")
# "had the right one replaced years back", "a week or two back", "a while back and": a time ago (not "3 weeks back
# pain")
_BACK_AGO_BEFORE = re.compile(r"\b(?:years|yrs|months|mths|weeks|wks|days|while|time|ages|decades?|"
                              r"or\s+(?:two|so))\s+$")
_BACK_PAIN_AFTER = re.compile(r"^\s*(?:pain|pains|ache|aches|aching|achy|hurts|hurting|spasms?|muscles?|problems?|"
                              r"issues?|injury|twinges?|is|was|'s|has|feels|went|gone|gave|keeps)\b")
_BACK_ADVERB_AFTER = re.compile(
    r"^\s+(?:again|on|off|for|to|home|then|later|soon|in|up|with|from|here|now|a|by|after|like)\b")
_BACK_OF_IT = re.compile(r"^\s+of\s+(?:it|that|them|this|those)\b")
# A limb's part said after it, in a terse list: "wrist back L", "knee back, sore", "hand back 4/10"
_PLACE_WITH_A_BACK_BEFORE = re.compile(r"\b(?:wrists?|hands?|knees?|thighs?|legs?|arms?|forearms?|elbows?|ankles?|"
                                       r"heels?|calf|calves|head|fingers?|thumbs?)\s+$")
_PART_SET_OFF_AFTER = re.compile(r"^\s*(?:$|[,.;:!?/()-]|\d|(?:l|r|lt|rt|left|right|both)\b)")
# Conversation and scheduling, not a posture or a task: "carry on", "reach me at ...", "we were talking",
# "push my follow-up back".
_CARRY_ON = re.compile(r"^\s+on\b(?!\s+(?:my|the|one|a|your|his|her)\b)")
_REACH_PERSON = re.compile(r"^\s+(?:me|you|us|them|him|her)\b")
_WE_TALKED_BEFORE = re.compile(r"\b(?:we|we're|we've|we'd)\s+(?:were\s+|was\s+|have\s+|had\s+)?$")
_SCHEDULE_OBJECT = re.compile(r"^\s+(?:(?:my|the|our|this|that|your|next)\s+)*(?:check[- ]?ins?|follow[- ]?ups?|"
                              r"reminders?|appointments?|sessions?|emails?|it|them)\b")
# Activity words that, next to these words, name something else: a day ("since boxing day", "sports day", "fri n
# sat", "after footy sat"), a letter written for someone ("writing for my dad", "I'm writing on behalf of my mum"), a
# thing of the garden ("painting the garden fence"), an illness ("had a bad cold", "a cold sore"), running out or
# feeling run down, and this chat ("one of these computer programmes")
_A_DAY_AFTER = re.compile(r"^\s+day\b")
_WEEKDAY_WORDS = r"(?:mon|monday|tue|tues|tuesday|wed|weds|wednesday|thu|thur|thurs|thursday|fri|friday|sun|sunday)"
_SATURDAY_BEFORE = re.compile(rf"(?:\b(?:on|last|this|next|every|since|from|till|until|by|before)|"
                              rf"\b{_WEEKDAY_WORDS}\s*(?:n|and|&|or|,|/|-|to|till|thru|through)?)\s*$")
_SATURDAY_AFTER = re.compile(rf"^\s*(?:(?:n|and|&|or|/|-|,)\s*{_WEEKDAY_WORDS}\b|(?:night|nite|morning|morn|"
                             r"afternoon|arvo|eve|evening|am|pm|just\s+gone)\b|\d|[,.;!?)]|$)")
_SITTER_BEFORE = re.compile(r"\b(?:i|i've|ive|i'd|id|you|he|she|we|they|who|been|have|has|had|just|was|were|being|"
                            r"get|got|is|are|am|it|that|when|whenever|while|whilst|if|once|stay|stayed|staying|keep|"
                            r"kept|long|too)\s*$")
_WRITTEN_FOR = re.compile(
    r"^\s+(?:(?:this|in|to\s+you)\s+)?(?:for|on\s+behalf\s+of|about|as)\s+(?:(?:my|our|his|her|their)\s+(?:\w+\s+)?"
    rf"(?:{KIN_WORDS}|friend|neighbour|neighbor|patient|client|relative|carer|family|mate|brother|sister|niece|"
    r"nephew|cousin)\b|(?:a|an)\s+(?:friend|neighbour|neighbor|relative|family\s+member|patient|client)\b|"
    r"someone|somebody)|"
    r"^\s+(?:to\s+(?:you|ask|say|tell|let|see|check|find|get|enquire|inquire)|in\s+(?:to|on)|back)\b")
_GARDEN_THINGS_AFTER = re.compile(r"^\s+(?:fence|fences|fencing|gate|wall|walls|shed|chair|chairs|furniture|"
                                  r"party|path|table|bench|door|centre|center|room|flat)\b")
_AN_ILLNESS_BEFORE = re.compile(r"(?:\b(?:caught|catch|catching|had|have|has|got|getting|fighting|fought)\s+(?:a\s+)?|"
                                r"\ba\s+)(?:bad\s+|nasty\s+|heavy\s+|stinking\s+|horrible\s+|streaming\s+|"
                                r"chesty\s+|head\s+|chest\s+)?$")
_NOT_COLD_WEATHER_AFTER = re.compile(r"^\s+(?:wind|winds|day|days|night|nights|room|office|house|snap|morning|"
                                     r"mornings|spell|weather|air|water|floor|draught|draft|winter|shower|showers|"
                                     r"drink|drinks|swim|swims|store|storage|warehouse|job)\b")
_COLD_SORE_AFTER = re.compile(r"^\s+sores?\b")
_RUN_OUT_AFTER = re.compile(r"^\s*(?:out\s+of|out\b(?!\s+(?:on|for|with|to)\b)|down\b(?!\s+(?:the|a|my|hill|"
                            r"stairs|steps)\b)|-down|late\b|low\s+on)")
# A doing-word used for how the pain feels: "a pulling ache", "this gripping pain", "a dragging, pulling feeling"
_FEELING_NOUN_AFTER = re.compile(r"^\s+(?:(?:sort|kind|type)\s+of\s+)?(?:ache|aches|aching|pain|pains|feeling|"
                                 r"sensation|soreness|twinge|twinges|discomfort)\b")
_FEELING_ADJECTIVE_BEFORE = re.compile(r"(?:\b(?:a|an|the|this|that|some|sharp|dull|deep|nagging|tight|constant|"
                                       r"strong|slight|sudden|horrible|awful|weird|strange|funny|and|or)\s+|,\s*|^\s*)$")
_CHAT_PROGRAM_AFTER = re.compile(r"^\s+(?:program|programs|programme|programmes|bot|bots|generated|voice)\b")
# "pulling" said of how it feels, with nothing pulled after it: "it's tight and pulling", "feels pulling", "my hamstring
# is pulling", "a pulling sort of ache" (not "pulling the pallet truck", "pulling on the rope", "I was pulling")
_PULL_WORDS = frozenset({"pulling", "pullin", "pullin'"})
_NOTHING_PULLED_AFTER = re.compile(
    r"^\s*(?:$|[,.;:!?)/]|[-–—]\s|(?:and|but|or|n|&|when|whenever|if|while|sometimes|too|as\s+well|a\s+bit|at\s+times|"
    r"now|constantly|all\s+the\s+time|especially|mostly|really|badly|a\s+lot|like\s+(?:crazy|mad|hell)|not)\b|"
    # where it pulls: "pulling in my calf", "pulling at the back of my knee", "pulling down my leg"
    r"(?:in|at|on|across|down|up|behind|around|round|through|into|along|under|over|near|towards?|from|by)\s+"
    r"(?:the\s+)?(?:(?:back|front|side|top|bottom|inside|outside|middle|base|left|right)\s+(?:of\s+)?)?"
    r"(?:my|me|his|her|your|their)\b)")
_FELT_BEFORE = re.compile(
    r"(?:\bfe(?:el|els|eling|elin|lt)|\b(?:is|was|are|gets|getting|got|goes|went|starts|started|keeps|kept)|"
    # "like" in the speaker's other language, before how it feels: "Parang pulling, 5" (Tagalog), "tipo pulling"
    r"\b(?:parang|tipo|como|jaise|jaisa)|(?:^|[.,;:!?]\s*)like|"
    r"(?<![\w'])(?:it'?s|its|that'?s|thats))"
    r"(?:\s+(?:a\s+bit|a\s+little|a\s+wee\s+bit|kind\s+of|sort\s+of|kinda|sorta|quite|very|really|more|all|just|"
    r"sometimes|always|constantly|still|also|slightly|so|like))*"
    # "is like a pulling", "feels like a pulling in my calf": the feeling as a noun, after its article
    r"(?:\s+(?:a|an)(?:\s+(?:kind|sort|type)\s+of(?:\s+a)?)?)?\s+$")
_SOMEONE_DOING_BEFORE = re.compile(r"(?<![\w'])(?:i|i'm|im|i've|ive|we|we're|you|you're|he|he's|she|she's|they|"
                                   rf"they're|who|dog|dogs|horse|pony|{KIN_WORDS}|kids|children)\s+(?:\w+\s+)?$")
_FEELINGS_JOINED = re.compile(r"^\s*(?:,|/|&|and|n|or|but\s+also|,\s*(?:and|or))?\s*$")


# A pull said as a sentence of its own with its score: "Pulling, 4 on 10", "pulling 5/10"
_SENTENCE_OPENS = re.compile(r"(?:^|[.!?;,\n])\s*$")
_SCORED_AFTER = re.compile(r"^\s*[,:-]?\s*(?:(?:about|maybe|like|around|prob|probably)\s+)?(?:an?\s+)?\d{1,2}"
                           r"(?:\s*(?:/|out\s+of|on|of)\s*10)?\s*(?:$|[.,;!?])")


def _a_pull_felt(span: Span, doc: Doc, feelings: list[Span]) -> bool:
    """Whether "pulling" is said of how the pain feels, not as what is pulled (see _PULL_WORDS): before a word for the
    pain ("a pulling sort of ache"), after "feels" or "is" with nothing pulled after it ("feels pulling"), or listed
    with another feeling ("tight and pulling", "pulling, burning")."""
    if span.id_ != "pulling" or span.text.lower() not in _PULL_WORDS:
        return False
    before, after = doc.text[:span.start_char].lower(), doc.text[span.end_char:].lower()
    if _FEELING_NOUN_AFTER.match(after) and _FEELING_ADJECTIVE_BEFORE.search(before):
        return True
    if _SENTENCE_OPENS.search(before) and _SCORED_AFTER.match(after):
        return True  # "It is since 3 weeks. Pulling, 4 on 10.": how it feels, then how strong
    if not _NOTHING_PULLED_AFTER.match(after):
        return False
    if _FELT_BEFORE.search(before) and not _SOMEONE_DOING_BEFORE.search(before):
        return True
    low = doc.text.lower()
    return any((f.end_char <= span.start_char and _FEELINGS_JOINED.match(low[f.end_char:span.start_char]))
               or (f.start_char >= span.end_char and _FEELINGS_JOINED.match(low[span.end_char:f.start_char]))
               for f in feelings)


# Shift work said with a pull or a tug: "pulling doubles", "pulling a 12 hour shift", "been pulling all-nighters" is
# the work, neither the pulling doing nor a pulling feeling
_SHIFTS_PULLED_AFTER = re.compile(
    r"^\s+(?:a\s+|some\s+|lots\s+of\s+|loads\s+of\s+|extra\s+|long\s+|back[- ]to[- ]back\s+)?(?:doubles?|"
    r"double\s+shifts?|(?:\d+\s*-?\s*(?:hour|hr)\s+)?(?:night\s+|late\s+|early\s+|extra\s+)?shifts?|"
    r"all[- ]?nighters?|overtime|nights|lates|earlies|twelves|long\s+(?:days|hours))\b")


# "a dull ache, rather like toothache", "feels like a headache": a likeness says how it feels, not where
_LIKENESS_BEFORE = re.compile(r"\b(?:like|as if|as though|similar to|reminds me of|sort of like|kind of like)\s+"
                              r"(?:a |an |having |bad |mild |)$")
_ACHE_WORDS = frozenset({"toothache", "toothaches", "headache", "headaches", "migraine", "earache", "stomach ache",
                         "tummy ache", "period pain", "period pains"})


# "breast cancer", "bowel screening": an illness or a check named after a body part (not "knee surgery", which
# is often where it hurts)
_ILLNESS_AFTER = re.compile(r"^\s*(?:cancer|tumou?r|screening|reconstruction|implants?|feeding)\b")
# a word that can name a place ("bottom", "top", "side") used for a part of the place just named
_PART_WORDS = frozenset({"bottom", "top", "side", "base", "front", "back", "middle", "end", "tip"})
_OF_IT = re.compile(r"\s+of (?:it|that|this|them|those)\b")
# "I have pain in the back": the place itself, not where in one already named
_PAIN_IN_THE = re.compile(r"\b(?:pain|pains|ache|aches|aching|hurts?|hurting|sore|soreness|stiff|stiffness|problems?|"
                          r"trouble|twinges?|niggle)\s+(?:in|on|at|across)\s+the\s*$")


# "hand" that is no hand: the verb ("when I hand over", "to hand in my notice"), and sayings ("on the other hand",
# "second hand", "hands-on", "by hand", "give me a hand"). A possessive or a side before it keeps the hand.
_HAND_VERB_BEFORE = re.compile(r"\b(?:i|we|you|they|he|she|to|will|'ll|ll|must|then|and|can|can't|cant|could|would|"
                               r"should|usually|always|often|just|before|after|when|once)\s+$")
_HAND_VERB_AFTER = re.compile(r"^[\s-]*(?:over|in|out|back|off|it|them|things|stuff|"
                              r"the\s+(?:baton|reins|keys|patients?|ward|shift))\b")
_HAND_SAYING_BEFORE = re.compile(r"(?:\bon\s+the\s+(?:other|one)|\bsecond|\bfirst|\bby|\bat|\bhand\s+in|\bupper|"
                                 r"\b(?:give|gives|gave|giving|lend|lends|lent|lending|need|needs|needed|want|wanted|"
                                 r"get|got|big)\s+(?:(?:me|you|him|her|us|them)\s+)?a)[\s-]*$")
_HAND_SAYING_AFTER = re.compile(r"^(?:\s*-\s*(?:on|free|me|made|held|written|picked)\b|\s+(?:in\s+hand|down|free)\b)")
_HAND_KEPT_BEFORE = re.compile(r"\b(?:my|the|his|her|your|their|our|both|left|right|each|either|one|sore|bad|painful|"
                               r"stiff|swollen|dominant|writing|mouse)\s+$")


def _is_a_hand(span: Span, doc: Doc) -> bool:
    """False for "hand" in a saying or as a verb (see above)."""
    before, after = doc.text[:span.start_char].lower(), doc.text[span.end_char:].lower()
    if _HAND_SAYING_BEFORE.search(before) or _HAND_SAYING_AFTER.match(after):
        return False
    if span.text.lower() == "hand" and _HAND_VERB_AFTER.match(after) and not _HAND_KEPT_BEFORE.search(before):
        return not _HAND_VERB_BEFORE.search(before)
    return True


# "my right foot hurt on bottom, under heel": a learner's "on the bottom" of the place just named, not the buttock
_HURTS_ON_BEFORE = re.compile(r"\b(?:hurts?|hurting|pains?|paining|aches?|aching|sore)\s+(?:on|at|in)\s+$")
_ALONG_THE = re.compile(r"\b(?:across|along|at|on|near|towards|round|around|over|by)\s+the\s+(?:very\s+)?$")
# "left forearm, palm side", "on the knuckle side": a part of the hand naming the side of a place that faces its way,
# not the part itself, where the place comes before ("the thumb side of my wrist" keeps the thumb: pain there is often
# the thumb's own tendons)
_FACING_SIDE_WORDS = frozenset({"palm", "palms", "knuckle", "knuckles", "thumb", "little finger", "pinky", "pinkie"})
_SIDE_NAMED_AFTER = re.compile(r"^[\s-]*(?:side|sides|sided|edge)\b(?!\s+of\b)")


_A_PART_OF_IT = re.compile(r"^\s*(?:part|parts|bit|bits|half|side|sides|of it|of them|of each)\b")


# A chest that is a thing carried or kept: "a chest of drawers", "the chest freezer", "my tool chest"
_A_CHEST_OF_THINGS_AFTER = re.compile(r"^\s+(?:of\s+drawers|freezers?)\b")
_A_CHEST_OF_THINGS_BEFORE = re.compile(r"\b(?:tool|toy|ice|treasure|blanket|storage|linen|war|tea)\s+$")


# A part named with what it does or how it reacts, not with pain: "eyes waterin" (said while pressing a heel), "his
# hands aren't what they were", "legs like jelly after the run", "my hands are shaky" (the findings read stand)
_PART_AT_WORK_AFTER = re.compile(
    r"^\s+(?:(?:are|is|were|was|r|keep|keeps|kept|started|starting|start|get|getting|got|went|going|feel|feels|felt|"
    r"have\s+gone|'?ve\s+gone|gone)\s+)?(?:(?:all|a\s+bit|a\s+little|so|really|very|proper|pure|just|too|bit)\s+)?"
    r"(?:watering|waterin'?|watered|streaming|tearing\s+up|welling\s+up|shaky|shaking|shakin'?|trembling|trembly|"
    r"wobbly|(?:like\s+)?jelly|not\s+(?:what\s+they\s+(?:were|used\s+to\s+be)|(?:as\s+|so\s+|very\s+)?(?:strong|steady))|"
    r"(?:aren'?t|arent|isn'?t|isnt)\s+(?:what\s+(?:they|it)\s+(?:were|was|used\s+to\s+be)|(?:as\s+|so\s+|very\s+)?"
    r"(?:strong|steady)))(?![\w'])")
_PART_CLAUSE_ENDS = re.compile(r"[.!?;,]|\bbut\b|\b(?:and|&|n)\s+(?:my|the|his|her|their|your|me|i|i'm|im)\b")


def _at_work(span: Span, doc: Doc) -> bool:
    """A part named with what it does or how it reacts, and no pain said of it in its clause (see above)."""
    after = doc.text[span.end_char:].lower()
    return bool(_PART_AT_WORK_AFTER.match(after)) and not _PAIN_WORDS.search(_PART_CLAUSE_ENDS.split(after, 1)[0])


def _is_region_here(span: Span, doc: Doc) -> bool:
    """False for "back" used as an adverb (see above), for an ache named as a likeness ("rather like
    toothache") and for an illness named after a body part ("breast cancer"); every other region stands."""
    before, after = doc.text[:span.start_char].lower(), doc.text[span.end_char:].lower()
    if span.text.lower() in _ACHE_WORDS and _LIKENESS_BEFORE.search(before):
        return False
    if _ILLNESS_AFTER.match(after):
        return False  # "I had breast cancer": an illness's name, not where it hurts
    if span.text.lower() in {"chest", "chests"} and (_A_CHEST_OF_THINGS_AFTER.match(after)
                                                      or _A_CHEST_OF_THINGS_BEFORE.search(before)):
        return False  # "carrying a chest of drawers up three flights": furniture, not the chest
    if span.text.lower() in {"hand", "hands"} and not _is_a_hand(span, doc):
        return False
    if span.text.lower() in _FACING_SIDE_WORDS and _SIDE_NAMED_AFTER.match(after):
        return False  # "forearm pump, palm side": the front of the forearm, not the palm
    if span.text.lower() == "bottom" and (_ALONG_THE.search(before) or _HURTS_ON_BEFORE.search(before)) and any(
            other.label_ == "REGION" and other.end <= span.start and other.id_ != "buttock"
            for other in doc.spans.get(SPANS_KEY, [])):
        return False  # "My lower back ... Both sides across the bottom": the bottom of the place already named
    if span.text.lower() == "bottom" and _A_PART_OF_IT.match(after) and any(
            other.label_ == "REGION" and other.end <= span.start and other.id_ != "buttock"
            for other in doc.spans.get(SPANS_KEY, [])):
        return False  # "my feet are killing me, the bottom part": the underside of the place already named
    if span.text.lower() in _HEAD_WORDS and _HEAD_MOVED_BEFORE.search(before):
        return False  # "couldn't turn my head to the left": the head the neck turns, not where it hurts
    if span.text.lower() in _STRIKING_PARTS and not _STRIKING_PART_OF_ONES_OWN_AFTER.match(after) and (
            _STRUCK_OFF_BEFORE.search(before) or (
            _STRUCK_TOOK_BEFORE.search(before) and _STRUCK_INTO_AFTER.match(after))):
        return False  # "a dead leg off a knee in a ruck", "took an elbow to the ribs": someone else's, what hit them
    if span.text.lower() != "back":
        return True
    if _BACK_OF_IT.match(after):
        return False  # "R forearm, back of it": the back side of the place just named
    if _PLACE_WITH_A_BACK_BEFORE.search(before) and _PART_SET_OFF_AFTER.match(after):
        return False  # "wrist back L 5/10": the back of the wrist, in a terse list
    if _BACK_AGO_BEFORE.search(before) and not _BACK_PAIN_AFTER.match(after):
        return False  # "my hip was done years back and ...": a time ago
    if _BACK_REGION_BEFORE.search(before) or _BACK_REGION_AFTER.match(after):
        return True
    return not (_BACK_ADVERB_BEFORE.search(before) or _BACK_ADVERB_AFTER.match(after))


# The head moved, the neck doing it: "couldn't turn my head to the left", "when I tilt my head back"
_HEAD_WORDS = frozenset({"head", "heid"})
_HEAD_MOVED_BEFORE = re.compile(r"\b(?:turn|turns|turning|turned|tilt|tilts|tilting|tilted|rotate|rotating|rotated|"
                                r"twist|twisting|twisted|nod|nodding|shake|shaking|move|moving|moved|swivel\w*|"
                                r"look\s+(?:over|round|around))\s+(?:my|his|her|the|me|their|your)\s+$")
# Someone else's part that struck the person: "got a dead leg off a knee", "took an elbow to the face"
_STRIKING_PARTS = frozenset({"knee", "knees", "elbow", "elbows", "shoulder", "head", "fist", "foot", "boot", "hip"})
_STRUCK_OFF_BEFORE = re.compile(r"\boff\s+(?:a|an|some\s*(?:one|body)'?s|(?:another|other|the\s+other)\s+\w+'?s|"
                                r"his|her|their|a\s+stray|a\s+flying)\s+$")
_STRUCK_TOOK_BEFORE = re.compile(r"\b(?:caught|catch|took|take|taken|got|get|had|copped|shipped)\s+(?:a|an)\s+"
                                 r"(?:stray\s+|flying\s+|nasty\s+|hard\s+)?$")
_STRUCK_INTO_AFTER = re.compile(r"^\s+(?:to|in|into|on|off)\s+(?:the|my|his|her|me)\b")
_STRIKING_PART_OF_ONES_OWN_AFTER = re.compile(r"^\s+(?:injury|injuries|problems?|op|operation|surgery|replacement|"
                                              r"issues?|pain|ache|joint)\b")
_FELL_FROM = re.compile(r"\b(?:fell|fall|falls|falling|fallen|slipped|slipping|slips|tumbled|tumbling|came|knocked)\s+"
                        r"(?:off|down|from|of)\s+(?:(?:the|a|my|his|her|our|their)\s+)?"
                        r"(?:step\s?ladders?|ladders?)$")


def _a_doing_in_this_use(word: str, before: str, after: str) -> bool:
    """False for an activity word that, with the words next to it, names a day, a letter, a thing of the garden, an
    illness, running out or this chat (see above)."""
    last = word.split()[-1]
    if last in {"boxing", "sports", "sport", "training"} and _A_DAY_AFTER.match(after):
        return False  # "since boxing day", "at sports day"
    if word == "sat" and (_SATURDAY_BEFORE.search(before) or (
            _SATURDAY_AFTER.match(after) and not _SITTER_BEFORE.search(before))):
        return False  # "fri n sat", "after footy sat", "on sat"; not "I sat", "been sat"
    if word in {"writing", "write", "writes", "wrote", "written", "typing", "type", "types", "typed", "texting",
                "messaging"} and _WRITTEN_FOR.match(after):
        return False  # "I'm typing for my mum", "writing on behalf of my dad": this message, written for someone
    if last == "garden" and _GARDEN_THINGS_AFTER.match(after):
        return False
    if word == "cold" and (_COLD_SORE_AFTER.match(after) or (
            _AN_ILLNESS_BEFORE.search(before) and not _NOT_COLD_WEATHER_AFTER.match(after))):
        return False
    if word in {"run", "runs", "ran", "running"} and _RUN_OUT_AFTER.match(after):
        return False
    if _FELL_FROM.search(before + word):
        return False  # "fell off a ladder": the fall is the injury, not a doing
    if word in {"typing", "typed", "text"} and re.search(r"\b(?:voice|speech|talk)[\s-]*(?:to[\s-]*)?$", before):
        return False  # "sorry, voice typing", "voice to text": how the message was written, not a doing
    return not (word in {"computer", "computers"} and _CHAT_PROGRAM_AFTER.match(after))


def _is_activity_here(span: Span, doc: Doc) -> bool:
    """False for activity words that, here, are about this chat, a score or a massage (see above)."""
    after, before = doc.text[span.end_char:], doc.text[:span.start_char].lower()
    if span.id_ == "talking" and (_CHAT_TALK.match(after) or _WE_TALKED_BEFORE.search(before)):
        return False
    if span.text.lower() in {"carry", "carrying"} and _CARRY_ON.match(after.lower()):
        return False
    if span.text.lower() in {"reach", "reached"} and _REACH_PERSON.match(after.lower()):
        return False
    if span.text.lower() in {"push", "pushed", "move", "put"} and _SCHEDULE_OBJECT.match(after.lower()):
        return False
    if span.id_ == "reading" and _CHAT_READ.match(after):
        return False
    if span.id_ in {"sitting", "standing"} and _SCORE_AFTER.match(after):
        return False
    if not _a_doing_in_this_use(span.text.lower(), before, after.lower()):
        return False
    if span.text.lower().endswith("ing") and _FEELING_NOUN_AFTER.match(after.lower()) and \
            _FEELING_ADJECTIVE_BEFORE.search(before):
        return False  # "a pulling ache", "sharp twisting pain": how it feels, not what is done
    return not (_MASSAGE_DIG.match(span.text.lower()) and _MASSAGE_OBJECT.match(after))


# Feeling words that are also doings: "catching the bus", "foot catching on the step", "squeeze the ball",
# "squeezing my shoulder" (the massage).
_DOING_OBJECT = re.compile(r"^\s+(?:the|a|an|my|your|his|her|their|it|them|him|up|on|onto|into|some|any|gently|harder|"
                           r"lightly|firmly|softly|slowly)\b")
_SQUEEZER_BEFORE = re.compile(r"(?:\b(?:i|you|we|to|be|been|should|can|could|will|would|just|then|and|keep|try|"
                              r"please|i'm|im|am|you're|gently|firmly)|[.!?,])\s+$")


def _is_a_doing(span: Span, doc: Doc) -> bool:
    """True for a feeling word used as a doing with its object (see above)."""
    word, after, before = span.text.lower(), doc.text[span.end_char:].lower(), doc.text[:span.start_char].lower()
    if word in {"squeeze", "squeezes", "squeezing"}:  # "it squeezes my temples" is the feeling; "I squeeze it" is not
        return bool(_DOING_OBJECT.match(after)) and (not before.strip() or bool(_SQUEEZER_BEFORE.search(before)))
    return word in {"catching", "catchy"} and bool(_DOING_OBJECT.match(after))


# Feeling words in the name of something else: "his blood pressure", "peer pressure", "a pressure washer", "a
# pressure sore", and a fever ("now he's burning up, 39.4"), not a burning pain ("burning up my leg")
_NOT_FELT_PRESSURE_BEFORE = re.compile(r"\b(?:blood|bp|peer|tyre|tire|water|cabin|barometric|atmospheric|air)\s+$")
_NOT_FELT_PRESSURE_AFTER = re.compile(r"^\s*(?:cooker|cookers|washer|washers|washing|sores?|ulcers?|tablets?|pills?|"
                                      r"meds|medication|monitor|cuff|readings?)\b")
_FEVER_AFTER = re.compile(r"^\s+up\b(?!\s+(?:my|the|his|her|their|your|into|in|to|through|along|towards?|from|and\s+"
                          r"down|the\s+back|the\s+side)\b)")


def _names_something_else(span: Span, doc: Doc) -> bool:
    """A feeling word in the name of something else, or a fever (see above)."""
    word, before, after = span.text.lower(), doc.text[:span.start_char].lower(), doc.text[span.end_char:].lower()
    if word == "pressure":
        return bool(_NOT_FELT_PRESSURE_BEFORE.search(before) or _NOT_FELT_PRESSURE_AFTER.match(after))
    return word == "burning" and bool(_FEVER_AFTER.match(after))


def _is_applied_pressure(span: Span, doc: Doc) -> bool:
    """True for "pressure"/"pressing" that is the massage being applied (see above), not a sensation."""
    word = span.text.lower()
    before, after = doc.text[:span.start_char].lower(), doc.text[span.end_char:]
    if word == "pressure":
        return bool(_APPLIED_PRESSURE_BEFORE.search(before)) and not _LOCATED_AFTER.match(after)
    return word == "pressing" and bool(_PRESSING_VERB_BEFORE.search(before))


# A hand, a thumb, a knuckle, an elbow or a forearm used to press, not where it hurts: "I've got my thumb on the spot",
# "pressing with my fingers", "using my elbow on it", "with the heel of my hand"; and the one arm or hand a task is
# done with ("hauling it in and out of the car with one arm")
_TOOL_PLACES = frozenset({"thumb", "fingers", "palm", "hand_back", "elbow_outer", "elbow_inner", "elbow_back",
                          "forearm_back", "forearm_front"})
_TOOL_OWNER = r"(?:my|his|her|your|their|the|both|one|a|two)\s+(?:(?:left|right|other|two|index|middle)\s+)?"
_TOOL_HELD_BEFORE = re.compile(r"\b(?:got|get|getting|have|has|had|'ve|put|puts|putting|place|places|placed|placing|"
                               rf"keep|keeps|kept|rest|rests|resting|rested)\s+{_TOOL_OWNER}$")
_TOOL_HELD_AFTER = re.compile(
    r"^\s+(?:on|onto|against|over|into|in)\s+(?:it|that|this|there|him|her|them|(?:the|that|this|his|her|their|a|your)"
    r"\s+(?:exact\s+|very\s+|same\s+|sore\s+|tender\s+|tight\s+)?(?:spot|spots|point|points|place|area|bit|knot|"
    r"knots|muscle|lump|one|trigger\s+point|mark))\b")
_TOOL_WITH_BEFORE = re.compile(
    r"\b(?:press|presses|pressing|pressed|push|pushes|pushing|pushed|rub|rubs|rubbing|rubbed|massage|massages|"
    r"massaging|massaged|knead|kneads|kneading|kneaded|work|works|working|worked|dig|digs|digging|dug|squeeze|"
    r"squeezes|squeezing|squeezed|poke|poking|poked|prod|prodding|prodded|find|finding|found|feel|feeling|felt|"
    r"do|doing|did|done|hold|holding|held|pressure)\b(?P<between>(?:\s+[\w'-]+){0,4}?)\s+"
    rf"(?:with|using)\s+{_TOOL_OWNER}$")
# what is pressed, said between the doing and the tool: "pressing on it with", "rub the knot with"
_PRESSED_THING = re.compile(r"\b(?:it|them|there|spot|spots|knot|knots|muscle|muscles|point|points|lump|ball)\b")
_TOOL_USED_BEFORE = re.compile(rf"\b(?:use|uses|using|used)\s+{_TOOL_OWNER}$")
_TOOL_USED_AFTER = re.compile(r"^\s+(?:(?:on|against|into|in)\s+(?:it|that|this|there|them|(?:the|that|this)\s+"
                              r"(?:spot|knot|muscle|point|area|place|bit))\b|instead\b|to\s+(?:press|push|dig|rub|"
                              r"massage|find)\b)")
_ONE_LIMB_BEFORE = re.compile(r"\bwith\s+(?:just\s+|only\s+)?(?:one|a\s+single|either)\s+$")


def _is_massage_tool(span: Span, doc: Doc) -> bool:
    """A thumb or elbow being dug into a muscle ("dig my thumb in") is the tool, not where it hurts; so is a hand part
    pressing on the spot ("got my thumb on the spot", "pushing on it with the heel of my hand", "using my elbow on
    it") and the one arm a task is done with. Said only as what does something ("pressing with my thumb", "I work with
    my hands") it is the tool unless the sentence says something hurts and names no other place ("I press buttons with
    my thumb all day and it aches")."""
    before, after = doc.text[:span.start_char].lower(), doc.text[span.end_char:].lower()
    if _MASSAGE_TOOL_BEFORE.search(before) and re.match(r"^\s+(?:in|into|on|against)\b", after):
        return True
    if span.id_ in {"upper_arm_outer", "hand_back"} and span.text.lower() in {"arm", "hand"} and \
            _ONE_LIMB_BEFORE.search(before):
        return True
    if span.id_ not in _TOOL_PLACES:
        return False
    if (_TOOL_HELD_BEFORE.search(before) and _TOOL_HELD_AFTER.match(after)) or (
            _TOOL_USED_BEFORE.search(before) and _TOOL_USED_AFTER.match(after)):
        return True
    pressing = _TOOL_WITH_BEFORE.search(before)
    if pressing is None:
        return False
    if _PRESSED_THING.search(pressing.group("between")):
        return True
    sentence = doc.text[span.sent.start_char:span.sent.end_char].lower()
    return not _PAIN_SAID.search(sentence) or _another_place_named(span, doc)


def _another_place_named(span: Span, doc: Doc) -> bool:
    """Whether the message names a place other than this one (and not inside it)."""
    return any(other.label_ == "REGION" and (other.end <= span.start or other.start >= span.end)
               for other in doc.spans.get(SPANS_KEY, []))


def _kept_spans(doc: Doc) -> list[Span]:
    from spacy.tokens import Span

    spans = []
    longest = _longest_per_label(doc.spans.get(SPANS_KEY, []))
    feelings = [span for span in longest if span.label_ == "SENSATION"]
    for span in longest:
        if span.label_ in {"ACTIVITY", "SENSATION"} and "pull" in span.text.lower() and _SHIFTS_PULLED_AFTER.match(
                doc.text[span.end_char:].lower()):
            continue  # "been pulling doubles": the shifts worked (a cause read with the triggers)
        if span.label_ == "ACTIVITY" and _a_pull_felt(span, doc, feelings):
            if not any(f.id_ == "tight" for f in feelings):  # "it's tight and pulling": the tightness said once
                spans.append(Span(doc, span.start, span.end, label="SENSATION", span_id="tight"))
            continue
        if span.label_ == "ACTIVITY" and not _is_activity_here(span, doc):
            continue
        if span.label_ == "REGION" and (_is_massage_tool(span, doc) or not _is_region_here(span, doc)):
            continue
        if span.label_ == "SENSATION" and span.id_ == "pressure" and _is_applied_pressure(span, doc):
            continue
        if span.label_ == "SENSATION" and (_is_a_doing(span, doc) or _names_something_else(span, doc)):
            continue
        spans.append(span)
    return spans


# A place set against the one meant: "more the kneecap than the thigh", "my calf rather than my shin", and the place
# compared with: "more big than right leg", "swollen compared to my left calf"
_NOT_THIS_PLACE = re.compile(r"(?:\bmore\b[^.!?;]*\bthan|\brather\s+than|\binstead\s+of|\bnot\s+so\s+much|"
                             r"\b(?:\w+er|worse|less)\s+than|\bcompared\s+(?:to|with)|\bversus|\bvs\.?)\s+"
                             r"(?:(?:in|on|at|round|around|near)\s+)?(?:(?:the|my)\s+)?(?:(?:left|right|other)\s+)?$")


# A place named as a landmark beside the one that hurts: "to the left of the tailbone", "just next to my spine"
_BESIDE_A_PLACE = re.compile(r"\b(?:to\s+the\s+(?:left|right|side)\s+of|(?:just\s+)?(?:next\s+to|beside|alongside)|"
                             r"either\s+side\s+of|off\s+to\s+(?:one|the)\s+side\s+of)\s+(?:the\s+|my\s+)?$")


# ---------------------------------------------------------------- places named for something else
# A body part can be named as where something else is, not where it hurts: the seat of a child or a load ("carrying
# the baby on my hip", "she goes on my right hip"), the hand that holds something ("my right hand holds the phone"),
# where a fall landed ("landed on his bottom"), a joint mended long ago that is fine now ("had my left hip replaced,
# no trouble since"), the place of the usual pain when today's is elsewhere ("I normally get headaches across my
# forehead ... today ... the back of my head"), and another person's ("my wife has the same in her left shoulder").
# None is where this pain is (a fall's landing place stays, after it, for the safety rules), and a side word said with
# one is that place's side, not the pain's.
FOREIGN_SIDES_KEY = "foreign_sides"  # doc.user_data key: character spans of side words that are not the pain's
_THEIRS, _NOT_HERE, _SECONDARY = "theirs", "not_here", "secondary"  # how a place named for something else counts
# where an operation was: no place of this pain, but its side often is the pain's ("had my left hip replaced on the
# 9th and the outside of my thigh aches on that side")
_OPERATED = "operated"
# a limb or the head named as what is moved when it hurts: no place at all, said of nothing (a part word near it is
# still the pain's: "mostly at the front when I lift my arm")
_MOVED = "moved"
SECONDARY_KEY = "secondary_places"  # doc.user_data key: the mentions of places where a fall landed
_POSSESSIVE = r"(?:my|his|her|their|your|the|one|that|this)"
_SIDE_BEFORE_PLACE = r"(?:(?:left|right|other|lft|rite|rt)\s+)?"
_NOT_AN_OBJECT = r"(?!(?:pain|pains|ache|aches|hurts?|sore|and|but|when|now|since|then|is|was|has|have|had|gone|been|" \
                 r"feels?|felt|got|goes)\b)"
# what a child or a load sits on: after carrying something, or with the child or the bag as the one sitting there
_SEAT_BEFORE = re.compile(
    r"(?:\b(?:carry|carries|carrying|carried|hold|holds|holding|held|balanc(?:e|es|ed|ing)|perch(?:es|ed|ing)?|"
    r"prop(?:s|ped|ping)?|hoist(?:s|ed|ing)?|lug(?:s|ged|ging)?|hitch(?:es|ed|ing)?|bounc(?:e|es|ed|ing))\s+"
    rf"(?:{_NOT_AN_OBJECT}[\w'-]+\s+){{1,4}}"
    r"|\b(?:she|he|they|baby|toddler|child|kid|son|daughter|bag|rucksack|backpack|handbag|satchel)\s+(?:\w+\s+)?"
    r"(?:goes|go|went|sits|sit|sat|rides|ride|rode|perches|perched|stays|sleeps|slept|lies|lay|hangs|hung)\s+)"
    rf"(?:on|onto|upon|over|across|against)\s+{_POSSESSIVE}\s+{_SIDE_BEFORE_PLACE}$")
# the hand something is held in or rests on ("hold the phone in my right hand", "rest my chin on my hand"), or a hand
# holding it ("my right hand holds the phone"); not when holding is what hurts ("I can't hold a cup in my right hand")
_HOLDER_BEFORE = re.compile(
    r"(?<!\bmy )(?<!\bthe )(?<!\ba )(?<!\bhis )(?<!\bher )(?<!\bweak )"  # "my grip has gone weak": a noun
    r"\b(?:hold|holds|holding|held|grip|grips|gripping|gripped|clutch(?:es|ed|ing)?|carry|carries|carrying|carried|"
    r"rest|rests|resting|rested|lean|leans|leaning|leant|leaned)\s+"
    rf"(?:{_NOT_AN_OBJECT}[\w'-]+\s+){{0,3}}(?:in|with|on|against)\s+{_POSSESSIVE}\s+{_SIDE_BEFORE_PLACE}$")
_HOLDER_AFTER = re.compile(r"^\s+(?:holds|held|grips|gripped|clutches|clutched|carries|carried|takes|took)\s+"
                           r"(?:the|a|an|my|his|her|all)\b")
_HOLDING_HURTS = re.compile(r"\b(?:can'?t|cannot|can not|couldn'?t|unable to|struggl\w* to|hard to|hurts? to|"
                            r"painful to|difficult to|when|whenever|if|while)\s+(?:i\s+)?$")
# where a fall landed
_LANDING_BEFORE = re.compile(
    r"\b(?:land|lands|landed|landing|fell|fall|falls|falling|fallen|slipped|slip|tripped|trip|thrown|dropped|"
    rf"came down|went down|come down)\b(?:\s+{_NOT_AN_OBJECT}[\w'-]+){{0,5}}?\s+(?:on|onto|upon|on to|against|"
    rf"into|down on)\s+{_POSSESSIVE}\s+{_SIDE_BEFORE_PLACE}$")
# a joint replaced, operated on or broken ("had my left hip replaced", "broke that arm", "surgery on my shoulder")...
_REPAIRED_AFTER = re.compile(r"^\s+(?:(?:was|were|has been|had been|got|being)\s+)?(?:replaced|replacement|done|"
                             r"operated|op|operation|surgery|pinned|plated|fused|reconstructed|rebuilt|repaired|"
                             r"scoped|resurfaced|broken|fractured|broke)\b")
_REPAIRED_BEFORE = re.compile(rf"\b(?:broke|broken|fractured|dislocated|snapped|shattered|busted|injured|(?:surgery|"
                              rf"operation|op|operated|replacement|keyhole|arthroscopy)\s+(?:on|to|of|in)|new)\s+"
                              rf"(?:{_POSSESSIVE}\s+)?{_SIDE_BEFORE_PLACE}$")
# where an operation was, said in passing ("it was 9 before my knee operation"): no place of the pain when another
# place is said to hurt and the operated one is not ("had my hip done in 2019, now my knee aches" keeps the knee)
_OPERATED_AFTER = re.compile(r"^\s+(?:(?:was|were|has been|had been|got|being)\s+)?(?:replaced|replacement|"
                             r"operation|op|surgery|scope|scoped|arthroscopy|reconstruction|reconstructed|pinned|plated|"
                             r"fused|resurfaced|rebuilt)\b")
_OPERATED_BEFORE = re.compile(rf"\b(?:(?:surgery|operation|op|operated|replacement|keyhole|arthroscopy)\s+"
                              rf"(?:on|to|of|in)|new)\s+(?:{_POSSESSIVE}\s+)?{_SIDE_BEFORE_PLACE}$")
# ... said to be fine now in the same sentence ("no trouble since", "it's been perfect", "never bothered me since")
_WELL_SINCE = re.compile(
    r"\b(?:no|not any|not a|never any|never a|without any)\s+(?:\w+\s+)?(?:trouble|troubles|problems?|issues?|bother|"
    r"pain|complaints?)\b|\bnever\s+(?:\w+\s+)?(?:bothered|troubled|given|caused|hurt|ached)\b|"
    r"\b(?:hasn'?t|haven'?t|has not|have not)\s+(?:\w+\s+)?(?:bothered|troubled|hurt|ached|given)\b|"
    r"\b(?:been|is|are|healed|works?|working|feels?)\s+(?:\w+\s+)?(?:fine|great|good|perfect|"
    r"marvell?ous|brilliant|excellent|fantastic|wonderful|grand|spot on|no bother|a success|a dream)\b|"
    r"\bgood as new\b|\b(?:fine|ok|okay|good) (?:since|now|ever since)\b")
# a long-standing condition the person names at a place ("I've osteoarthritis in my hands, the doctor says, but this
# feels different"): when another place is said to hurt, that one is the pain's
_CONDITION_BEFORE = re.compile(r"\b(?:osteo\s*arthritis|osteoarthritis|arthritis|rheumatoid|gout|psoriasis|eczema|"
                               r"wear and tear|bunions?|a bunion|varicose veins)\s+(?:in|on|of)\s+(?:both\s+)?"
                               rf"(?:{_POSSESSIVE}\s+)?{_SIDE_BEFORE_PLACE}$")
# the usual pain, when the message sets today's against it ("I normally get ... Today is different")
_USUALLY = re.compile(r"\b(?:normally|usually|typically|generally|often|regularly|occasionally|sometimes|used to|"
                      r"tend to|prone to|from time to time|every so often|now and (?:then|again)|"
                      r"(?:once|twice|\d+ times|a few times|a couple of times) (?:a|per|every) "
                      r"(?:day|week|fortnight|month|year))\b")
_TODAY_INSTEAD = re.compile(r"\b(?:today|tonight|this (?:time|morning|afternoon|evening|week|one)|right now|different|"
                            r"unlike|instead|but now|now it'?s)\b")
_SEGMENT_ENDS = re.compile(r"[.!?;\n]+|\b(?:but|however|though|whereas|although|except)\b")
# a limb or the head named as what is moved when it hurts ("pain when I move arm", "hurts to lift my arm", "sore if
# I turn my head"): the movement, not where it hurts, when another place is said to hurt
_MOVED_BEFORE = re.compile(
    r"\b(?:when|whenever|if|while|as|once|every\s+time|each\s+time|to|can'?t|cannot|can\s+not|unable\s+to)\s+"
    r"(?:i\s+|you\s+)?(?:try\s+(?:to\s+)?|go\s+to\s+|want\s+to\s+)?"
    r"(?:move|moves|moving|moved|lift|lifts|lifting|lifted|raise|raises|raising|raised|turn|turns|turning|turned|"
    r"rotate|rotates|rotating|rotated|swing|swings|swinging|straighten|straightening|stretch|stretches|stretching|"
    r"use|uses|using|put|putting)\s+(?:up\s+|out\s+)?(?:(?:my|me|the|his|her|your|mi)\s+)?"
    r"(?:(?:left|right|lft|rite|rt|bad|sore|other)\s+)?$")
_MOVED_WORDS = frozenset({"arm", "arms", "leg", "legs", "head", "hand", "hands"})
_WHEN_CLAUSE = re.compile(r"\b(?:when|whenever|if|while|every\s+time|each\s+time)\b[^,.;!?]*$")
# an episode said to be over: a place of a symptom that lasted moments ("my pinky went numb for a few seconds ...
# totally fine now") or of one long ago that cleared ("two years ago I had numbness in my foot, it sorted itself out")
_OVER = re.compile(
    r"\b(?:sorted\s+(?:itself|it|themselves)\s+out|cleared\s+(?:itself\s+)?up|cleared|(?:went|gone|goes)\s+away|"
    r"resolved|wore\s+off|worn\s+off|passed|got\s+better|recovered|healed(?:\s+up)?|back\s+to\s+normal|"
    r"(?:totally|completely|perfectly|absolutely|all|fully|right\s+as\s+rain|quite)\s+(?:fine|ok|okay|normal|better|"
    r"gone|settled|recovered|healed)|(?:fine|ok|okay|normal)\s+(?:now|since|again|ever\s+since|after(?:wards)?))\b")
_EPISODE_AGO = re.compile(
    r"\b(?:(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|few|couple\s+of|several|many)\s+"
    r"(?:years?|yrs?|months?)\s+(?:ago|back)|years\s+(?:ago|back)|last\s+(?:year|summer|winter|spring|autumn)|"
    r"back\s+in\s+(?:19|20)?\d\d|in\s+(?:19|20)\d\d|when\s+i\s+was\s+(?:\d+|a\s+(?:kid|child|teenager|student))|"
    r"for\s+(?:a\s+|about\s+a\s+|just\s+a\s+)?(?:few\s+|couple\s+of\s+|split\s+|brief\s+|\d+\s+)?"
    r"(?:seconds?|secs?|moments?|minutes?|mins?)|briefly|momentarily|for\s+a\s+(?:sec|second|moment|minute|bit))\b")
# ... not when "fine" is said of the rest ("it's tender to press, otherwise I feel totally fine")
_OVER_OF_THE_REST = re.compile(r"\b(?:otherwise|apart\s+from\s+(?:that|this|it)|other\s+than\s+(?:that|this|it)|"
                               r"in\s+myself|in\s+general|generally|overall|besides\s+(?:that|this))\b[^.!?;]{0,25}$")
# ... nor when the place is said to hurt now, after it ("the outside of my elbow aches ... totally fine now")
_HURTS_NOW = re.compile(r"\b(?:aches|hurts|throbs|stings|burns|is\s+(?:sore|painful|killing|stiff|tight|tender)|"
                        r"are\s+(?:sore|painful|killing|stiff|tight|tender)|(?:it'?s|it\s+is)\s+(?:sore|painful|"
                        r"tender|stiff|tight|killing|aching|hurting|agony)|i'?ve\s+got|i\s+have|i\s+get)\b")
# ... unless it is said to be back, or to be going on still
_NOT_OVER = re.compile(r"\b(?:again|came\s+back|come\s+back|coming\s+back|comes\s+back|returned|back\s+now|is\s+back|"
                       r"'s\s+back|flared|flares|recurr\w*|still|keeps?|kept|but\s+now|until\s+now|till\s+now|"
                       r"never\s+(?:really\s+)?(?:cleared|went|resolved|settled))\b")
_ALSO = re.compile(r"\b(?:also|too|as well|both)\b")
_CLAUSE_ENDS = re.compile(r"[.!?;,\n]+|\b(?:and|but|so|however|though|whereas|although|except)\b")
# "pain" and its forms, not "paint" ("since I paint the ceilings" names the cause)
_PAIN_SAID = re.compile(r"\b(?:pain(?!t)\w*|hurt\w*|sore\w*|ache\w*|aching|achy|agony|killing|stiff\w*|tight\w*|"
                        r"throb\w*)\b")
# "fatter than my left one", "swollen compared to the other one": the side compared with, not the pain's
_COMPARED_SIDE = re.compile(r"\b(?:than|compared (?:to|with)|comparing (?:it )?(?:to|with)|versus|vs\.?|unlike|"
                            r"as (?:\w+ )?as)\s+(?:(?:the|my|his|her|your|their)\s+)?(left|right|lft|rite|rt|other)\b")
_PLACE_SIDE_WORDS = frozenset({"left", "right", "both", "other", "lft", "rite", "rt"})
_POSSESSIVE_WORDS = frozenset({"my", "his", "her", "their", "your", "the", "that", "this", "one"})


def _said_of_it(span: Span, doc: Doc, regions: list[Span]) -> bool:
    """A pain word after the place in its sentence, before the next place: "on my hip, which is sore now"."""
    following = [r.start_char for r in regions if r.start > span.start]
    end = min([span.sent.end_char, *following])  # only for a seat: rarely read
    return bool(_PAIN_SAID.search(doc.text[span.end_char:end].lower()))


def _possessive_of(span: Span, doc: Doc) -> str | None:
    """Whose place it is said to be: "my", "his", "her" inside the phrase or right before it, past side words."""
    inside = next((t.lower_ for t in span if t.lower_ in {"my", "his", "her", "their", "your"}), None)
    if inside:
        return inside
    index = span.start - 1
    while index >= 0 and doc[index].lower_ in _PLACE_SIDE_WORDS:
        index -= 1
    return doc[index].lower_ if index >= 0 and doc[index].lower_ in {"my", "his", "her", "their", "your"} else None


def _side_words_of(span: Span, doc: Doc) -> list[tuple[int, int]]:
    """Character spans of the side words said with a place: inside it, or right before it ("on my right hip")."""
    tokens = [t for t in span if t.lower_ in _PLACE_SIDE_WORDS]
    index = span.start - 1
    while index >= 0 and doc[index].lower_ in _PLACE_SIDE_WORDS | _POSSESSIVE_WORDS:
        if doc[index].lower_ in _PLACE_SIDE_WORDS:
            tokens.append(doc[index])
        index -= 1
    return [(t.idx, t.idx + len(t.text)) for t in tokens]


def _is_mended(span: Span, before: str, sentence: str) -> bool:
    """A joint replaced, operated on or broken, and said in the same sentence to be fine now."""
    after = span.doc.text[span.end_char:].lower()
    return bool(_REPAIRED_AFTER.match(after) or _REPAIRED_BEFORE.search(before)) and bool(_WELL_SINCE.search(sentence))


def _is_operated(span: Span, before: str) -> bool:
    """Where an operation was ("before my knee operation", "since the surgery on my hip"), said in passing."""
    after = span.doc.text[span.end_char:].lower()
    return bool(_OPERATED_AFTER.match(after) or _OPERATED_BEFORE.search(before))


def _inside_a_doing(span: Span, doings: list[Span]) -> bool:
    """A body word that is part of a doing's phrase ("clenching my teeth", "on my feet all day", "crossing my legs")."""
    return any(d.start <= span.start and span.end <= d.end and len(d) > len(span) for d in doings)


def _names_a_doing(span: Span, doings: list[Span]) -> bool:
    """A body word that begins a doing's name ("leg day", "back squats", "shoulder press", "teeth grinding"): a word
    of what was done, not where it hurts, even in a clause that says something hurts ("crushed leg day, now my quads
    are sore")."""
    return any(d.start == span.start and span.end < d.end for d in doings)


def _is_a_holder(span: Span, before: str) -> bool:
    """The hand something is held in or that holds it, unless holding is what hurts ("I can't hold a cup in ...")."""
    after = span.doc.text[span.end_char:].lower()
    holding = _HOLDER_BEFORE.search(before)
    return bool(_HOLDER_AFTER.match(after)) or (holding is not None and not _HOLDING_HURTS.search(
        before[:holding.start()]))


def _of_an_episode_over(span: Span, doc: Doc) -> bool:
    """A place named in a sentence that says, after it, that the episode there is over, and dates it long ago or
    makes it last moments (see _OVER): where something was, not where it hurts now."""
    sent = span.sent
    low = doc.text[sent.start_char:sent.end_char].lower()
    at = span.start_char - sent.start_char
    over = next((m for m in _OVER.finditer(low) if m.start() >= at + len(span.text)), None)
    if over is None or _NOT_OVER.search(low) or _OVER_OF_THE_REST.search(low[:over.start()]):
        return False
    return bool(_EPISODE_AGO.search(low[:over.start()])) and not _HURTS_NOW.search(low[at:over.start()])


def _segments(text: str, ends: re.Pattern[str]) -> list[tuple[int, int]]:
    """The pieces of the text between the `ends` (sentence ends, "but", ...), as character spans."""
    cuts = [0, *(m.end() for m in ends.finditer(text)), len(text)]
    return [(a, b) for a, b in itertools.pairwise(cuts) if b > a]


def _places_of_something_else(doc: Doc, regions: list[Span],
                              doings: Iterable[Span] = ()) -> dict[tuple[int, int, str], str]:
    """The places named for something else (see above), each with how it counts: _THEIRS (another person's), _NOT_HERE
    (no place of this pain) or _SECONDARY (where a fall landed: said after the place that hurts, and still a place
    for the safety rules, a fracture or a head injury). The hand that holds, where a fall landed and the usual place
    give way only to another place named in the message; said alone they may well be where it hurts ("I fell on my
    hip, it's sore")."""
    def key(span: Span) -> tuple[int, int, str]:
        return span.start, span.end, span.id_

    def part(span: Span) -> str:
        return span.id_.split("_")[0]  # "hip" for hip_side and hip_front

    said = [r for r in regions if not any(_context_flags(r)[:2])]  # someone else's still counts, for a carer
    low = doc.text.lower()
    clauses, segments = _segments(low, _CLAUSE_ENDS), _segments(low, _SEGMENT_ENDS)
    found: dict[tuple[int, int, str], str] = {}

    # what names a place for something else is said in its sentence, before it
    sentences = {key(r): (low[sent.start_char:r.start_char], low[sent.start_char:sent.end_char])
                 for r in said for sent in (r.sent,)}

    def clause_of(span: Span, pieces: list[tuple[int, int]]) -> str:
        return next((low[a:b] for a, b in pieces if a <= span.start_char < b), "")

    def elsewhere(span: Span, *, hurting: bool = False, instead: bool = False) -> bool:
        """Another body part is named (`hurting`: in a clause that says it hurts, not "my foot looks turned out";
        `instead`: not said as one more place, "today my shoulder is sore too")."""
        return any(part(r) != part(span) and key(r) not in found and (
            not hurting or _PAIN_SAID.search(clause_of(r, clauses))) and (
            not instead or not (_USUALLY.search(clause_of(r, segments)) or _ALSO.search(clause_of(r, segments))))
            for r in said)

    for span in said:
        # "carrying the baby on my hip has made my hip sore": the seat is the place when it is named again as hurting
        again = any(part(r) == part(span) and key(r) != key(span) for r in said)
        before, sentence = sentences[key(span)]
        if (_SEAT_BEFORE.search(before) and not again and not _said_of_it(span, doc, regions)) \
                or _is_mended(span, before, sentence) or _of_an_episode_over(span, doc) or _at_work(span, doc):
            found[key(span)] = _NOT_HERE
    doings = list(doings)
    for span in said:
        if key(span) in found or not elsewhere(span, hurting=True):
            continue
        if _is_a_holder(span, sentences[key(span)][0]):
            found[key(span)] = _NOT_HERE
        elif _LANDING_BEFORE.search(sentences[key(span)][0]):
            found[key(span)] = _SECONDARY
        elif not _PAIN_SAID.search(clause_of(span, clauses)) and _is_operated(span, sentences[key(span)][0]):
            found[key(span)] = _OPERATED
        elif _CONDITION_BEFORE.search(sentences[key(span)][0]) and not _PAIN_SAID.search(clause_of(span, clauses)):
            found[key(span)] = _NOT_HERE  # "osteoarthritis in my hands ... but this is a pain at the base of my thumb"
        elif span.text.lower() in _MOVED_WORDS and _MOVED_BEFORE.search(sentences[key(span)][0]):
            found[key(span)] = _MOVED  # "My back of shoulder is very pain ... just pain when I move arm"
        elif _inside_a_doing(span, doings) and _WHEN_CLAUSE.search(sentences[key(span)][0]):
            found[key(span)] = _NOT_HERE  # "my shoulder aches when I reach above my head", "if I lie on my back"
        elif _inside_a_doing(span, doings) and (_names_a_doing(span, doings) or
                                                not _PAIN_SAID.search(clause_of(span, clauses))):
            found[key(span)] = _NOT_HERE
    if _TODAY_INSTEAD.search(low):
        for span in said:
            usual = clause_of(span, segments)
            if key(span) not in found and _USUALLY.search(usual) and not _TODAY_INSTEAD.search(usual) \
                    and elsewhere(span, instead=True):
                found[key(span)] = _NOT_HERE
    if any(_possessive_of(r, doc) == "my" for r in said if key(r) not in found):
        for span in said:
            if key(span) not in found and _possessive_of(span, doc) in {"his", "her", "their"}:
                found[key(span)] = _THEIRS
    return found


# A side said of something else than the pain: what is carried or held on it ("I carry the seat on the left"), the
# side slept or lain on, the hand used ("I write with my right"), being left- or right-handed
_SIDE_OF_SOMETHING_ELSE = re.compile(
    r"\b(?:carry|carries|carrying|carried|hold|holds|holding|held|wear|wears|wearing|wore|sling|slings|slung|hitch\w*|"
    r"perch\w*|balanc\w*|hoist\w*|lug|lugs|lugging|lugged|sleep|sleeps|sleeping|slept|lie|lies|lying|lay|laying|"
    r"drive|drives|driving|drove|use|uses|using|used|write|writes|writing|wrote|throw|throws|throwing|threw|kick|kicks|"
    r"kicking|kicked|bat|bats|batting|mouse|mousing)\b(?:\s+(?!(?:and|but|so|because|pain|hurts?|aches?)\b)[\w'-]+){0,4}?"
    r"\s+(?:on|in|over|with|at|from)\s+(?:my|the|his|her|their)\s+(left|right|lft|rite|rt)\b(?!\s*(?:-|\s)\s*"
    r"(?:shoulder|hip|arm|leg|knee|side\s+of|foot|hand|wrist|elbow|thigh|calf|ankle|neck|back|buttock|glute)\b)|"
    r"\b(left|right)[\s-]*handed\b|\b(?:the|a|my)\s+(?:bag|seat|car\s+seat|baby|toddler|child|kid|rucksack|backpack|"
    r"handbag|strap)\s+(?:\w+\s+)?(?:goes|go|went|sits|sit|sat|rides|ride|is|was|stays|hangs|hung)\s+on\s+(?:my|the)\s+"
    r"(left|right)\b")
_OTHER_PLACE = (r"other\s+(?:side|one|shoulder|knee|leg|arm|hip|foot|hand|wrist|elbow|ankle|calf|thigh|heel|shin|"
                r"forearm|buttock|cheek|temple|eye|ear)")
_SIDE_SAID = re.compile(rf"\b(?:left|right|lft|rite|rt|{_OTHER_PLACE})\b")


def _sides_of_something_else(low: str) -> list[tuple[int, int]]:
    """Character spans of side words said of something else (see above), when the message says another side for the
    pain ("sorry, the other side. it's my right. I carry the seat on the left" is the right) or says nothing of a pain
    ("I write with my left"). Said with the pain and no other side ("it hurts when I lie on my left side"), that
    side is likely the pain's own, and stays."""
    talk = _without_discourse_rights(low)
    spans = [match.span(group) for match in _SIDE_OF_SOMETHING_ELSE.finditer(talk)
             for group in range(1, 4) if match.group(group)]
    said = [match.span() for match in _SIDE_SAID.finditer(talk)
            if not any(a <= match.start() < b for a, b in spans)]
    return spans if said or not _PAIN_SAID.search(talk) else []


# A side said to be fine or denied: "wait no it's the right side, left is fine", "the left one's grand", "not the left",
# "doesn't hurt on the right" (not "left is fine when I sit", fine only at times)
_FINE_SAID = (r"(?:fine|ok|okay|alright|all\s+right|grand|good|great|normal|perfect|unaffected|no\s+(?:problem|bother|"
              r"trouble|pain)|not\s+(?:sore|painful|affected|bad|hurting|too\s+bad))")
_SIDE_SAID_FINE = re.compile(
    r"\b(left|right|lft|rite|rt)(?:\s+hand)?(?:\s+(?!(?:is|are|was|were|feels?|seems?|looks?|has|been|still)\b)[a-z]+)?"
    r"\s*(?:'s|\u2019s|is|are|was|were|feels?|seems?|looks?|has\s+been|'s\s+been|been|is\s+still|still)\s+"
    rf"(?:(?:totally|completely|perfectly|absolutely|all|quite|pretty\s+much|still|been|always|actually)\s+)*{_FINE_SAID}\b"
    r"(?!\s*(?:when|if|while|whilst|until|till|unless|as\s+long|at\s+(?:first|rest)|to\s+start|sitting|lying|resting|"
    r"mostly|most\s+of))|"
    r"\b(?:not|n't|nothing|no\s+pain)\s+(?:(?:on|in|at|down)\s+)?(?:the\s+|my\s+)?(left|right|lft|rite|rt)\b|"
    r"\b(?:doesn'?t|does\s+not|don'?t|do\s+not|isn'?t|is\s+not|never)\s+(?:hurt|hurting|ache|aching|sore|bother\s+me)\s+"
    r"(?:on|in|at|down)\s+(?:the\s+|my\s+)?(left|right|lft|rite|rt)\b")
# A side that was mended and is fine since: "I had the right one replaced years ago and that's been fine", "a hip
# replacement on the left in 2015, no trouble since" (the mended place said by its name is read in _is_mended)
_SIDE_MENDED = re.compile(r"\b(left|right|lft|rite|rt)(?:\s+(?:one|side|[a-z]+))?(?=\s+(?:(?:was|were|has been|"
                          r"had been|got|being)\s+)?(?:replaced|replacement|done|operated|op|operation|surgery|pinned|"
                          r"plated|fused|reconstructed|rebuilt|repaired|scoped|resurfaced)\b)|"
                          r"\b(?:replaced|replacement|operated|operation|op|surgery|done|fixed)\s+(?:on|to|of|in)\s+"
                          r"(?:the|my)\s+(left|right|lft|rite|rt)\b")


def _sides_said_fine(low: str) -> list[tuple[int, int]]:
    """Character spans of the side words said of a side that is fine, denied or mended and fine since (see above)."""
    fine = [match.span(group) for match in _SIDE_SAID_FINE.finditer(low) for group in range(1, 4) if match.group(group)]
    for start, end in _segments(low, re.compile(r"[.!?;\n]+")):
        sentence = low[start:end]
        if _WELL_SINCE.search(sentence):
            fine += [(start + a, start + b) for match in _SIDE_MENDED.finditer(sentence) for group in (1, 2)
                     if match.group(group) for a, b in (match.span(group),)]
    return fine


def _foreign_sides(doc: Doc, aside: Iterable[Span]) -> list[tuple[int, int]]:
    """Character spans of the side words that are not the pain's: those said with a place named for something else,
    the side compared with ("fatter than my left one"), a side said to be fine or denied ("left is fine", "not the
    left") and a side said of something else when the pain's own is said too."""
    low = doc.text.lower()
    compared = [match.span(1) for match in _COMPARED_SIDE.finditer(low)]
    return compared + [side for span in aside for side in _side_words_of(span, doc)] + _sides_said_fine(low) + \
        _sides_of_something_else(low)


def _foreign(doc: Doc) -> list[tuple[int, int]]:
    """The side words of the doc that are not the pain's (set by `_span_mentions`)."""
    return list(doc.user_data.get(FOREIGN_SIDES_KEY, ()))


def _without_foreign_sides(low: str, foreign: Iterable[tuple[int, int]], start: int = 0) -> str:
    """`low` (the doc's text from character `start` on) with the side words that are not the pain's blanked."""
    for a, b in foreign:
        a, b = max(a - start, 0), min(b - start, len(low))
        if a < b:
            low = low[:a] + " " * (b - a) + low[b:]
    return low


# A place made exact in the next words, by its landmarks, with nothing more said of it: "My back of shoulder is very
# pain ... Right side, between shoulder blade and spine." is one spot, the second the exact one (not "also between
# my shoulder blades", and not a second pain: "... Between my shoulder blades it burns")
_LANDMARK_PLACE = re.compile(r"^(?:between|next\s+to|beside|alongside|just\s+(?:above|below|under|beside|by|inside)|"
                             r"(?:inner|inside|outer|outside)?\s*edge\s+of|along)\b")
_LANDMARK_BEFORE = re.compile(r"\b(?:between|next\s+to|beside|alongside|just\s+(?:above|below|under|beside|by|inside)|"
                              r"edge\s+of|along)\s+(?:(?:my|the|me)\s+)?(?:(?:left|right)\s+)?$")
_MORE_SAID = re.compile(r"\b(?:also|too|as\s+well|plus|and\s+(?:my|the|in|on)|another|other|spreads?|spreading|"
                        r"goes|going|travels?|runs?|radiat\w*|shoots?|down\s+(?:my|the|to|into)|into|up\s+to)\b")
_NEAR = 50.0  # units of the 200 x 440 body outline: places whose drawn centres are this close are neighbours


def _neighbours(first: str, second: str) -> bool:
    """Whether two places are drawn next to each other in some view of the body map (vocabulary/regions.yml)."""
    from bot.engine.knowledge import knowledge

    shapes = knowledge().region_shapes
    one, two = shapes.get(first) or {}, shapes.get(second) or {}
    return any(((one[view]["cx"] - two[view]["cx"]) ** 2 + (one[view]["cy"] - two[view]["cy"]) ** 2) ** 0.5 <= _NEAR
               for view in set(one) & set(two) if isinstance(one[view], dict) and isinstance(two[view], dict)
               and {"cx", "cy"} <= set(one[view]) and {"cx", "cy"} <= set(two[view]))


def _made_exact(doc: Doc, regions: list[Span], aside: AbstractSet[tuple[int, int, str]]) -> dict[tuple[int, int, str],
                                                                                                   Span]:
    """The one place said to hurt, made exact by its landmarks in a later sentence that says nothing more of it (see
    above): that place's key -> the exact place's span."""
    said = [r for r in regions if (r.start, r.end, r.id_) not in aside and not any(_context_flags(r)[:2])]
    for exact in said:
        sent = exact.sent
        before = doc.text[sent.start_char:exact.start_char].lower()
        if not (_LANDMARK_PLACE.match(exact.text.lower()) or _LANDMARK_BEFORE.search(before)):
            continue
        sentence = (before + " " + doc.text[exact.end_char:sent.end_char]).lower()  # without the place's own "and"
        if _PAIN_SAID.search(sentence) or _MORE_SAID.search(sentence) or len(sent) > _SHORT_SENTENCE * 2:
            continue
        earlier = [r for r in said if r.end <= sent.start]
        if len({r.id_ for r in earlier}) != 1 or earlier[0].id_ == exact.id_ or not _neighbours(earlier[0].id_,
                                                                                                 exact.id_):
            continue
        if not _PAIN_SAID.search(doc.text[earlier[0].sent.start_char:earlier[0].sent.end_char].lower()):
            continue
        return {(r.start, r.end, r.id_): exact for r in earlier}
    return {}


# A doing said, in its own clause, to leave it fine: "if I lie on my back it's fine", "when I sit it's ok" (not "when I
# walk it's fine at first", which hurts later)
_DOING_IF_BEFORE = re.compile(r"\b(?:if|when|whenever|while|as\s+long\s+as)\s+(?:i\s+|i'?m\s+|im\s+)?(?:\w+\s+){0,2}$")
_FINE_AFTER = re.compile(r"^(?:\s+\w+){0,3}?\s*,?\s+(?:it'?s|it’s|its|it\s+is|it\s+feels|that'?s|i'?m|im|i\s+am)\s+"
                         r"(?:(?:totally|completely|perfectly|absolutely|all|quite|pretty\s+much)\s+)?"
                         r"(?:fine|ok|okay|alright|all\s+right|grand|no\s+problem|comfortable|painless)\b"
                         r"(?!\s+(?:at\s+first|to\s+start|until|till|for\s+a|then|initially))")


def _doing_said_to_be_fine(span: Span, doc: Doc) -> bool:
    """A doing in an "if"/"when" clause whose next words say it is fine then (see above): no trigger of the pain."""
    sent = span.sent
    before = doc.text[sent.start_char:span.start_char].lower()
    clause = re.split(r"[,;:]|\bbut\b|\band\b", before)[-1]
    return bool(_DOING_IF_BEFORE.search(clause) and _FINE_AFTER.match(doc.text[span.end_char:sent.end_char].lower()))


def _span_mentions(doc: Doc, spans: list[Span], sided_regions: set[str]) -> list[Mention]:
    mentions: list[Mention] = []
    seen: set[tuple[str, str, int]] = set()
    regions = [span for span in spans if span.label_ == "REGION"]
    aside = _places_of_something_else(doc, regions, [span for span in spans if span.label_ == "ACTIVITY"])
    exact = _made_exact(doc, regions, aside.keys())
    doc.user_data[FOREIGN_SIDES_KEY] = _foreign_sides(doc, [r for r in regions if aside.get((r.start, r.end, r.id_))
                                                            not in {None, _OPERATED, _MOVED}])
    region_tokens = {index for span in regions if (span.start, span.end, span.id_) not in aside
                     for index in range(span.start, span.end)}
    secondary: list[Mention] = []
    for span in spans:
        kind = _KIND_BY_LABEL.get(span.label_)
        if kind is None:
            continue
        key = (kind, span.id_, span.start)
        if key in seen:
            continue
        seen.add(key)
        negated, hypothetical, other = _context_flags(span)
        if kind == "region" and _NOT_THIS_PLACE.search(doc.text[:span.start_char].lower()):
            negated = True  # "more round the kneecap than the thigh": the thigh is where it is not
        if kind == "region" and len({r.id_ for r in regions}) > 1 and _BESIDE_A_PLACE.search(
                doc.text[:span.start_char].lower()):
            negated = True  # "more to the left of the tailbone, top of the bum cheek": the tailbone says where beside
        if kind == "activity" and _doing_said_to_be_fine(span, doc):
            negated = True  # "only when I roll onto that side, if I lie on my back it's fine"
        named_for = aside.get((span.start, span.end, span.id_)) if kind == "region" else None
        other = other or named_for == _THEIRS
        negated = negated or named_for in {_NOT_HERE, _OPERATED}
        if kind == "region" and ((span.start, span.end, span.id_) in exact
                                 or aside.get((span.start, span.end, span.id_)) == _MOVED):
            continue  # "... Right side, between shoulder blade and spine", "just pain when I move arm"
        side = _side_for(span, doc, region_tokens) if kind == "region" and span.id_ in sided_regions else None
        if side is None and kind == "region" and span in exact.values() and span.id_ in sided_regions:
            side = next((_side_for(place, doc, region_tokens) for place in regions
                         if exact.get((place.start, place.end, place.id_)) == span), None)  # the first one's side
        vague = kind == "region" and doc.user_data.get(VAGUE_KEY, {}).get(span.text.lower()) == span.id_
        if vague and span.text.lower() in doc.user_data.get(PARTS_KEY, ()) and span.start > 0 and \
                doc[span.start - 1].lower_ == "the" and not _PAIN_IN_THE.search(doc[:span.start].text.lower()):
            continue  # "at the back", "the back bit": where in the place already named, not "my back"
        if kind == "region" and span.text.lower() in _PART_WORDS and _OF_IT.match(doc.text[span.end_char:].lower()):
            continue  # "me back is killing me, bottom of it on the left": the lower part of the back, not the bottom
        mention = Mention(kind=kind, value=span.id_, text=span.text, side=side, negated=negated,
                          hypothetical=hypothetical, other_person=other, vague=vague,
                          sided=kind != "region" or span.id_ in sided_regions)
        (secondary if named_for == _SECONDARY else mentions).append(mention)
    doc.user_data[SECONDARY_KEY] = frozenset(secondary)
    return mentions + secondary  # where a fall landed comes after the place that hurts


# A whole limb pointed back to ("cannot stand on that leg", "can't lift the same arm"): the one whose place was named
_LIMB_POINTED_BACK = re.compile(r"\b(?:that|the\s+same|the\s+affected|the\s+injured)\s+(leg|arm|foot|hand)\b")


def _limb_pointed_back_no_correction(text: str, found: list[Mention], said: list[Mention]) -> list[Mention]:
    """"Sorry. She said it is aching, like 8. She slipped ... and she cannot stand on that leg": no correction of the
    place when the only places said are limbs pointed back to (the limb of the place already named)."""
    places = [m for m in found if m.kind == "region" and m.present]
    back = {match.group(1) for match in _LIMB_POINTED_BACK.finditer(text.lower())}
    if not places or not back or any((m.text or "").lower() not in back for m in places):
        return said
    return [m for m in said if m.kind != "correction"]


# "actually" and "rather" correct only when a place follows ("actually it's the left", "rather my neck"); "Actually,
# I should mention I had cancer" tells something new
_CORRECTION = re.compile(r"\b(?:sorry(?!\W+(?:something'?s?|somethings|something\s+(?:is|has|happened)|"
                         # "Sorry, something's wrong. Her speech has gone slurred": an apology that brings news, no
                         # correction of the place
                         r"to\s+(?:bother|interrupt|say|tell|ask)|for\s+(?:the|my|bothering|asking)|about\s+that|"
                         r"(?:i|we)\s+(?:have|need|forgot|can'?t|cannot)|(?:she|he|they)\s+(?:is|has|can'?t|cannot|just)|"
                         r"(?:her|his)\s+(?:speech|face|arm|leg)|(?:please|pls)\s+(?:help|hurry)|quick\s+question)\b)|"
                         r"i meant|i mean|i ment|meant to say|no wait|correction|my mistake|perd[oó]n|"
                         r"pardon|not the (?:left|right|other)(?: one| side)?\b|"
                         r"(?:no|nope),? (?:it'?s|its|is|it is) (?:the|my)|"
                         r"(?:actually|rather),? (?:it'?s|its|it is|the|my|on the|more|not)|"
                         r"not (?:the|my) \w+(?: \w+)?,? (?:it'?s|but|the|my)|more (?:my|the|like my)|"
                         # "actually no its more round the kneecap", "Apologies, I have misled you", "wrong knee"
                         r"(?:actually|rather),? (?:no|nah|nope)\b,? (?:it'?s|its|it is|the|my|more|not)|"
                         r"misled|mislead|misspoke|mis-spoke|i was wrong|scratch that|let me correct|"
                         r"(?:got|had|said|put) (?:it|that|them|those|the \w+) "
                         r"(?:wrong|mixed up|muddled|the wrong way round)|"
                         r"(?:the )?wrong (?:side|one|knee|leg|arm|shoulder|hip|foot|hand|elbow|wrist|ankle|"
                         r"way round))\b")
# A message that opens by choosing among the places said before: "Mostly the shoulder blade I suppose. The right one."
_CHOSEN_PLACE = re.compile(r"^\W*(?:(?:well|hmm|um|erm|ok|okay|i\s+think|i'?d\s+say)\W+)?(?:(?:it'?s|its|it\s+is)\s+)?"
                           r"(?:mostly|mainly|more\s+so|more\s+like|largely|chiefly)\s+(?:(?:in|at|on)\s+)?(?:the|my)\s")
_SIDE_LETTER_ALONE = re.compile(r"^\s*(r|l|rt|lt)\s*(?:side|one|hand side)?\s*[.!]?\s*$")
_SIDE_ALONE = re.compile(r"\b(?:the )?(other) (?:side|one|leg|knee|arm|shoulder|hand|foot|hip)\b|"
                         rf"\b({_SIDE_SPELLINGS})(?: (?:side|one|1|hand side))?\b|"  # "rite 1": the right one
                         r"\b(both|two) (?:sides?|of them|of em|ones)\b")


# "right" that is no side: "right ok", "oh right", "feels right", "right in the dimple", "right, I'll ring"
_NOT_A_SIDE_AFTER = (r"in|into|at|on|there|here|now|away|through|across|up|down|over|under|behind|after|before|next|"
                     r"above|below|beneath|underneath|between|beside|by|near|inside|"
                     r"along|round|around|where|when|then|enough|ok|okay|so|thanks|thank|cheers|ta|i'll|ill|i|we|"
                     r"going|that's|thats|you|bye|lets|let's|will|got|gotcha|yeah|yes|no|sure|fine|brilliant|good")
_NOT_A_SIDE = re.compile(
    rf"\b(?:all|al|oh|ah|ok|okay|feels|feel|feeling|felt|that's|thats|that|is that|yeah|yes|sounds|quite|just|"
    rf"not|doing|done|get|got|spot|exactly|bang|smack|sleeping|sleep|slept|walking|walk|sitting|sat|standing|"
    rf"eating|working|going|gone|went|been|looks|look|looked|seem|seems|seemed|did|do|put|set|treated|heard)\s+right\b|"
    rf"(?<!\bthe )(?<!\bmy )\bright\W{{0,2}}\s+(?:{_NOT_A_SIDE_AFTER})\b|^\s*right\s*[,.!]\s+(?=\S+\s+\S+)|\balright\b|"
    r"(?<!\bthe )(?<!\bmy )(?<!\bor )\bright\s*\?|"  # "it's just muscular, right?": a question tag
    # "I hope I'm doing this right", "did I get that right": right as correctly
    r"\b(?:doing|do|did|done|get|got|getting|typed|spelt|spelled|set|put|heard|understood|read)\s+"
    r"(?:it|this|that|things|everything|all\s+this)\s+right\b|"
    # "is this even the right spot?", "am I doing it the right way": right as correct
    r"\bright\s+(?:spot|spots|place|point|points|muscle|muscles|thing|things|way|track|idea|answer|amount|pressure|"
    r"time|direction|technique|position|stretch|stretches|exercise|exercises|bit\s*\?)\b")


def _discourse_rights(low: str) -> list[tuple[int, int]]:
    """Character spans of "right" used as a word of conversation, not a side."""
    return [(m.start(), m.end()) for m in _NOT_A_SIDE.finditer(low)]


def _without_discourse_rights(low: str) -> str:
    """The text with each "right" said as a word of conversation blanked, and each side said as the way the head or
    body turns ("it's the right side that hurts when i turn left"): no side of the pain."""
    for start, end in _discourse_rights(low):
        low = low[:start] + re.sub(r"right", "     ", low[start:end]) + low[end:]
    return _TURNED_TO_A_SIDE.sub(lambda m: m.group(0)[:m.start(1) - m.start()] + " " * len(m.group(1)), low)


# The way one turns or looks: "when i turn left", "couldn't turn my head to the left", "looking right" (not "turn onto
# my left side", where one lies)
_TURNED_TO_A_SIDE = re.compile(r"\b(?:turn|turns|turning|turned|look|looks|looking|looked|rotate|rotates|rotating|"
                               r"rotated|twist|twists|twisting|twisted|tilt|tilts|tilting|tilted|glance|glancing)\s+"
                               r"(?:(?:my|his|her|the|your)\s+(?:head|heid|neck|body|chin)\s+)?(?:(?:to|towards)\s+"
                               r"(?:the\s+|my\s+)?)?(left|right|lft|rt)\b(?!\s*(?:-|\s)?\s*(?:side|hand|one|arm|leg|knee|hip|shoulder))")


# Both sides said to hurt, one of them the worse: "both sides, left is just worse", "on both, worse on the right"
_BOTH_ONE_WORSE = re.compile(
    r"\b(?:both\s+sides?|on\s+both|each\s+side|both\s+of\s+(?:them|em))\b[^.!?]{0,40}?(?:"
    r"\b(?:left|right)(?:\s+(?:one|side))?(?:\s+is|'s|s)?\s+(?:just\s+|a\s+bit\s+|a\s+little\s+|slightly\s+|much\s+|"
    r"a\s+lot\s+)?(?:worse|worst|more\s+sore|sorer|bad|the\s+worst|the\s+worse)\b|"
    r"\b(?:worse|worst|more)\s+(?:on\s+)?the\s+(?:left|right)\b)")


def _context_mentions(text: str, span_mentions: list[Mention],
                      foreign: Iterable[tuple[int, int]] = ()) -> list[Mention]:
    """A correction ("sorry, I meant my knee") and a side said on its own ("the other side, the left"); not a side
    said of something else (`foreign`: "she goes on my right hip", "fatter than my left one")."""
    low = _without_foreign_sides(_without_discourse_rights(text.lower()), foreign)
    low = re.sub(r"\bon the (?:other|one) hand\b", "on the saying", low)  # a saying, not "the other hand"
    mentions = []
    chosen = _CHOSEN_PLACE.match(low) and any(m.kind == "region" and m.present for m in span_mentions)
    if _CORRECTION.search(low) or chosen:
        mentions.append(Mention(kind="correction", value="correction", text=text[:40]))
    letter = _SIDE_LETTER_ALONE.match(low)
    if letter:  # "r" or "l" as the whole answer to "which side?"
        return [*mentions, Mention(kind="side", value=_SIDE_LETTERS[letter.group(1)], text=letter.group(0).strip())]
    if not any(m.kind == "region" and m.present for m in span_mentions):
        match = _SIDE_ALONE.search(low)
        if match and any(m.kind == "region" and not m.present and m.text and m.text.lower() in match.group(0)
                         for m in span_mentions):
            match = None  # "and the other knee is fine": a place that is not the pain's, not its side
        if match:
            named = _sides_named(low)
            side = "left" if "left" in named else "right" if "right" in named else (match.group(1) or "both")
            if "both" in named and _BOTH_ONE_WORSE.search(low):
                side = "both"  # "its both sides, left is just worse": both, one of them the worse
            said = match.group(0)
            cue = _CORRECTION.search(low)
            if cue and {"left", "right"} <= named:  # "left. no wait, she's pointing at the right one, sorry. right"
                after = [w for w in re.findall(r"[a-z]+", low[cue.end():]) if _SIDE_WORDS.get(w) in ("left", "right")]
                if after:  # the side corrected to is the first said after the correction ("... so I said right")
                    side, said = _SIDE_WORDS[after[0]], after[0]
            mentions.append(Mention(kind="side", value=side, text=said))
    return mentions


_SIDE_BEFORE_PART = re.compile(r"\b(?:both|each|either|one|left|right|other|the two|two)\s+$")
# A part word said further on in the place's sentence, as where it is: "My left shoulder has been aching since the
# summer, right on the top where my handbag strap sits" (not "the top shelf", "the front of the queue")
_LOCATED_PART_BEFORE = re.compile(r"\b(?:(?:on|at|in|round|around|across|along|over|towards)|(?:mostly|mainly|more|"
                                  r"especially|particularly|just|only)(?:\s+(?:on|at|in|round|around|down))?)"
                                  r"\s+the\s+(?:very\s+)?$|"
                                  # "the knee, the right one, in the part of outside": the part as another language
                                  # puts it, its noun first
                                  r"\b(?:on|at|in)\s+(?:the\s+)?(?:part|bit|area|zone|side)\s+of\s+(?:the\s+)?$")
_LOCATED_PART_AFTER = re.compile(r"\s*(?:$|[,.;:!?)]|(?:bit|part|where|of\s+it|mostly|mainly|near|by|and|but|more|"
                                 r"towards|when|going|goes|running|runs|down|up|into)\b)")
# "point" that says no place: "what is a trigger point?", "at one point", "the point is"
_NOT_A_POINT_BEFORE = re.compile(r"(?:\b(?:trigger|pressure|acupressure|tender|focal|starting|turning|sticking|high|"
                                 r"low)[\s-]+|\b(?:at|to|from)\s+(?:this|that|one|some|what|which|any|the\s+same|a)\s+)$")
_NOT_A_POINT_AFTER = re.compile(r"^\s+(?:of\s+view|is|was)\b")


def _a_point_of_nothing(low: str, part: re.Match[str]) -> bool:
    """Whether a "point" part word names no place (see above)."""
    return part.group(1).startswith("point") and bool(
        _NOT_A_POINT_BEFORE.search(low[:part.start()]) or _NOT_A_POINT_AFTER.match(low[part.end():]))


def _placed_further_on(low: str, place: Mention, part: re.Match[str]) -> bool:
    """Whether a part word said after the one place named, in its sentence, says where in it (see above)."""
    at = low.rfind(place.text.lower(), 0, part.start()) if place.text else -1
    return at >= 0 and not re.search(r"[.!?;\n]", low[at:part.start()]) and bool(
        _LOCATED_PART_BEFORE.search(low[:part.start()]) and _LOCATED_PART_AFTER.match(low, part.end()))


# a part word said of a thing: "the top shelf", "the front door", "the back garden", "the side table"
_PART_OF_A_THING = re.compile(r"\s+(?:shelf|shelves|cupboards?|door|doors|garden|seat|seats|step|steps|stairs|floor|"
                              r"drawers?|bunk|deck|row|room|table|window|pocket|yard|gate|lane|road|street|car|page|burner|"
                              r"line|desk|office|bedroom|porch|tooth|teeth)\b")


_BACK_END_OF_A_TIME = re.compile(r"\s+end\s+(?:o|of|o'|of\s+the|o\s+the)\b")


def _part_mentions(text: str, parts: Iterable[str], places: list[Mention]) -> list[Mention]:
    """The words that say where in a vaguely named place ("at the front and side", "outside bit"),
    longest first and without overlaps; vocabulary/vague_places.yml says what each one means where.

    In a message that names places, only words next to a vaguely named one count ("my shoulder, the
    front bit"), not "the top cupboard" further on.
    """
    low = text.lower()
    near: list[tuple[int, int]] = []
    for place in places:
        for match in re.finditer(re.escape(place.text.lower()), low):
            near.append((match.start() - _PART_REACH, match.end() + _PART_REACH))
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, Mention]] = []
    for part in parts:
        for match in re.finditer(rf"(?<![\w'])({re.escape(part)})(?![\w'])", low):
            if any(start < match.end() and match.start() < end for start, end in taken):
                continue
            if places and not any(start <= match.start() <= end for start, end in near) and not (
                    len(places) == 1 and _placed_further_on(low, places[0], match)):
                continue
            if _SIDE_BEFORE_PART.search(low[:match.start()]) and part.split()[0] in ("side", "sides"):
                continue  # "both side", "on one side": which side, not the side of a place
            if _a_point_of_nothing(low, match):
                continue  # "what is a trigger point?": no point of the elbow
            if part == "back" and _BACK_END_OF_A_TIME.match(low, match.end()):
                continue  # "since the back end o September": the end of a month or a year, no back part
            if _PART_OF_A_THING.match(low, match.end()):
                continue  # "reaching up to the top shelf", "the back garden": a thing's part, not the body's
            taken.append(match.span())
            found.append((match.start(), Mention(kind="part", value=part, text=match.group(1))))
    return [mention for _, mention in sorted(found, key=lambda item: item[0])]


# What a cue is followed by: the words of what makes it worse, up to where the clause goes on to something else
_WHAT_IT_IS = r"(?P<what>[a-z0-9][a-z0-9'\-]*(?:\s+(?:[a-z][a-z'\-]*|\d+(?:-?[a-z]+)?(?=\s+[a-z]))){0,7}?)"
_WHAT_ENDS = (r"(?=\s*(?:$|[^\w\s'\-]|\s[-\u2013\u2014]\s|"  # a spaced dash ends it too
              r"\s(?:and|but|or|so|because|it|which|then|for|at|on|is|was|makes|i|where|when|"
              r"with|in|into|under|as|till|until|before|again|every|most|the\s+pain)\b))")
# "aches after kneading dough", "sharp when I do the tamping", "worse after choir practice": what makes
# it worse in words no vocabulary lists. Kept as said, for the intake and the therapist (not for ranking).
_TRIGGER_CUE = re.compile(
    r"\b(?:after|when|whenever|while|whilst|during|from|(?:worse|worst)(?=\s+(?:doing|by|with)\b)|"
    r"(?:worse|worst)\s+(?:on|in|at)(?=\s)|"
    # "up at 3am every day kneading 40kg of dough": a doing-word after how often it is done
    r"(?:every\s+(?:day|night|morning|shift)|all\s+(?:day|night|week)|each\s+day|daily|for\s+hours)(?=\s+[a-z]{3,}ing\b)|"
    # "worse plastering ceilings", "worse crawlin under sinks": a doing-word straight after "worse"
    r"(?:worse|worst)(?=\s+(?!(?:thing|things|nothing|something|everything|anything|feeling|morning|evening|spring|"
    r"ceiling|during|being|king|ring)\b)[a-z]{2,}(?:ing\b|in\b|in'))|"
    r"(?:hurts?|hurting|aches?|aching|sore|painful|kills(?:\s+me)?|twinges?)(?=\s+doing\b)|"
    # "achy 6, 2 wks, since plastering a ceiling": the doing the pain began with (not "since getting up")
    # ... and "since I started wearing new work boots", "since I've been carrying her in a sling"
    r"(?:ever\s+)?since(?:\s+(?:i|we|i've|ive|we've)\s+(?:started|began|been))?"
    r"(?=\s+(?!(?:getting|waking|being|having|starting|moving|coming|going|doing|morning|evening|"
    r"nothing|something|then|spring|wedding|thanksgiving|lambing|christening|building|ceiling|boxing|pudding)\b)"
    r"[a-z]{3,}ing\s+(?!(?:season|day|time|week|weekend|lol|haha|and|or|but|so|started|began|finished|ended|now|"
    r"is|was|it|its|it's|i|i'm|im)\b)[a-z]))"
    r"\s+(?:i\s+|i'm\s+|im\s+|i've\s+been\s+|i\s+am\s+)?"
    r"(?:do\s+(?:the\s+|a\s+|my\s+)?|doing\s+(?:the\s+|a\s+|my\s+)?)?" + _WHAT_IT_IS + _WHAT_ENDS)
_NOT_A_TRIGGER = re.compile(
    r"^(?:a\s+while|a\s+bit|that|this|then|it|them|that|a\s+few|the\s+(?:morning|evening|night|day|weekend)|"
    # "a few days", "2 weeks" (not "bench day", "chest day": a gym day by what is trained)
    r"(?!(?:bench|chest|arm|arms|leg|legs|back|push|pull|shoulder|shoulders|race|match|game|sports|gym|training|"
    r"moving)\s+days?$)"
    r"(?:\w+\s+)?(?:\d+\s*-?)?(?:minutes?|mins?|hours?|hrs?|days?|weeks?|wks?|months?|mths?|years?|yrs?|ages)$|"
    r"last|yesterday|today|now|lunch|dinner|"
    r"breakfast|waking|wake|i\s+wake|sleep|i\s+sleep|(?:trying|going|getting)\s+(?:to\s+)?sleep|the\s+pain|pain|my\s+(?:mum|dad|wife|husband|doctor|gp|physio)|"
    r"(?:the|my|that|this)\s+(?:left|right|other)(?:\s+side)?|(?:both|either)\s+sides?|the\s+(?:end|start|evenings?|"
    r"mornings?|nights?)|(?:the\s+)?(?:winter|summer|cold|heat)|times|first|january|february|march|april|may|june|"
    r"july|august|september|october|november|december|christmas|easter|"
    r"(?:i\s+)?(?:was|were)\s+(?:\d+|a\s+(?:kid|child|baby|teenager)|little|young|younger)|"  # "when I was 12"
    # "7 outta 10 when its bad", "when it flares up": when the pain is at its worst, no cause of it
    r"(?:it'?s|its|it\s+is|it\s+gets|it'?s\s+at\s+its|at\s+its)\s+(?:bad|worst|really\s+bad|very\s+bad|at\s+its\s+worst|"
    r"worse|bad\s+day|flaring|flared)$|(?:it\s+)?flares?(?:\s+up)?$|(?:a\s+)?bad\s+days?$|"
    r"\d[\d,.]*$)"  # "my replacement from 2015": a year or a number alone says no cause
    r"(?![a-z])")  # whole words: "paint ceilings" is no "pain"


# Last items of a list that are no trigger: a side, a feeling word, filler or a courtesy.
_NOT_A_LIST_TRIGGER = re.compile(r"\b(?:left|right|both|side|sides|one|thanks|thank|please|pls|cheers|ta|lol|x+|"
                                 r"help|hi|hello|sorry|maybe|ish|mostly|only|now|ago|days?|weeks?|months?|years?|"
                                 r"no|not|none|nothing|yes|ok|okay|pain|ache|sore|hurts?|"
                                 # "..., ootside bit": where in the place, not what brings it on
                                 r"bit|part|outside|inside|outer|inner)\b")


# Doing-words that say what the pain does, or when, not what brings it on: "3 weeks getting worse", ", shooting down
# my leg", "6/10 throbbing"
_NOT_A_DOING = (r"aching|burning|throbbing|stabbing|shooting|tingling|pulsing|pounding|pinching|nagging|niggling|"
                r"gnawing|cramping|radiating|spreading|going|getting|coming|keeping|waking|stopping|making|killing|"
                r"hurting|bothering|playing|flaring|easing|improving|worsening|lingering|lasting|continuing|"
                r"increasing|starting|swelling|clicking|popping|locking|catching|giving|buckling|grinding|"
                r"tightening|stinging|feeling|morning|evening|nothing|something|anything|everything|ceiling|during|"
                r"wedding|pudding|spring|string|waiting|seeing|thinking|wondering|hoping|asking|wanting|needing|"
                r"being|having|including|according|travelling|traveling|moving|spasming|seizing")
_ONE_DOING = rf"(?!(?:{_NOT_A_DOING})\b)[a-z]{{3,}}(?:ing|in')(?:\s+[a-z][a-z'\-]*){{0,5}}"
# ... or two of them: "crimping on small holds and hanging on the fingerboard"
_DOING_ITEM = re.compile(rf"{_ONE_DOING}(?:\s+(?:and|&|n|or|then|plus)\s+{_ONE_DOING})?")
# "stiff neck rt side 5 wks turning to reverse the car, dull, 4": a doing said straight after a number (how strong
# or how long), to the end of its clause
_DOING_AFTER_A_NUMBER = re.compile(
    r"(?:\b\d+(?:\s*/\s*10|\s+out\s+of\s+10)?|\b(?:wks?|weeks?|days?|months?|mths?|mos?|yrs?|years?|hrs?|hours?))"
    r"\s+(?P<what>[a-z]{3,}(?:ing|in')(?:\s+[a-z][a-z'\-]*){0,5})(?=\s*(?:$|[,.;!?]))")
# "Nothing in particular makes it worse, it's just there": what makes it worse, said to be nothing, kept as said
_NOTHING_MAKES_IT_WORSE = re.compile(
    r"\b((?:nothing|not\s+anything)\s*(?:in\s+particular|specific(?:ally)?|special|really|much|"
    r"that\s+i\s+(?:know|can\s+think)\s+of|i\s+can\s+(?:think\s+of|pin\s*point))?)\s+(?:\w+\s+){0,2}?"
    r"(?:makes?|make|brings?|sets?|triggers?)\s+(?:it|the\s+pain|this)\s+(?:any\s+|much\s+)?(?:worse|on|off)\b|"
    r"\b(no\s+(?:particular|specific|obvious)\s+(?:trigger|cause|reason))\b")
# "probably the new boots", "I blame the new desk", "because of the baby carrier", "must be all the driving": a
# cause the person names for it (a guess only before what it names: not "I think it's a 6", "maybe it's easing")
_CAUSE_NAMED = re.compile(
    r"\b(?:(?:because|cos|coz|cuz|cause)\s+of|due\s+to|caused\s+by|(?:i\s+)?blame|"
    r"(?:(?:i\s+)?(?:think|reckon|guess|bet|suspect)|probably|prob|prolly|maybe|must\s+be|could\s+be|might\s+be|"
    r"defo|definitely|def|pretty\s+sure|i'?m\s+sure)"
    r"(?:\s+(?:it'?s|its|it\s+is|it\s+was|that'?s|thats|it'?s\s+been))?(?:\s+(?:from|down\s+to|because\s+of))?"
    rf"(?=\s+(?:my|the|all\s+(?:the|that|this|those|these|my)|those|these|this|that|our|"
    rf"(?!(?:{_NOT_A_DOING})\b)[a-z]{{3,}}ing)\s))"
    r"\s+" + _WHAT_IT_IS + _WHAT_ENDS)
# "it's tamping that does it", "kneading sets it off", "the long drives bring it on": the cause said before what it
# does to the pain
# How much worse: "makes it way worse", "a lot worse", "so much worse", "10x worse"
_MORE_SO = (r"(?:(?:way|much|so\s+much|a\s+lot|lots|loads|heaps|far|even|a\s+(?:bit|little|wee\s+bit|fair\s+bit)|"
            r"really|definitely|defo|def|deffo|always|massively|significantly|noticeably|ten\s+times|\d+\s*x|"
            r"twice\s+as|that\s+much)\s+)*")
_CAUSE_BEFORE_IT = re.compile(
    r"(?:^|[,.;:!?(]\s*|\b(?:it'?s|its|it\s+is|it\s+was|i\s+think|probably|mainly|mostly|especially|definitely|def|"
    r"defo|and|but)\s+)"
    r"(?!(?:it'?s|its|it\s+is|it\s+was|i\s+think|probably|mainly|mostly|especially|definitely|def|defo|and|but)\s)"
    r"(?P<what>[a-z0-9][a-z0-9'\-]*(?:\s+[a-z0-9][a-z0-9'\-]*){0,6}?)\s+(?:(?:that|which|what)\s+)?"
    r"(?:really\s+|always\s+|usually\s+|just\s+)?"
    r"(?:(?:does|did)\s+it(?=\s*(?:$|[^\w\s]|\s+(?:for\s+me|every\s+time|each\s+time|too|again|and|but|though|"
    r"mostly|most|the\s+most|worst|lol|tbh)\b))|(?:sets?|set)\s+it\s+off|(?:brings?|brought)\s+it\s+on|"
    r"triggers?\s+it|(?:makes?|made)\s+it\s+(?:" + _MORE_SO + r")?(?:worse|hurt|flare|ache)|flares?\s+it|"
    r"aggravates?\s+it)")
# "I do pipette in lab all day", "I'm on the tills all day", "I spend hours at the wheel", "after a day on the pipe
# wrench", "hours on the fingerboard": the work or the hobby said with the time it takes (not "days in a row")
_WORK_SAID = re.compile(
    r"\b(?:i|i'm|im|i\s+am)\s+(?:do|doing|work|working|(?:on|at)(?=\s+(?:the|a|my)\s))\s+"
    r"(?P<what>[a-z][a-z'\-]*(?:\s+[a-z][a-z'\-]*){0,5}?)"
    r"(?=\s+(?:all\s+(?:day|night|week|shift)|for\s+hours|every\s+(?:day|shift)|daily|hours\s+a\s+day|most\s+days|"
    r"constantly|non[- ]?stop|for\s+a\s+living)\b)")
_TIME_SPENT_ON = re.compile(
    r"(?:\bspend(?:s|ing)?\s+(?:all\s+day|hours|all\s+my\s+time|my\s+(?:whole\s+)?days?|the\s+(?:whole\s+)?day|"
    r"most\s+of\s+(?:the|my)\s+(?:day|time)|long\s+hours|(?:\d+|several|many)\s+hours(?:\s+a\s+day)?)\s+|"
    r"(?<![\w'])(?=(?:(?:a|one|a\s+long|long|a\s+full|full|all|many|\d+\s*-?\s*(?:hr|hour)|\d+)\s+)?"
    r"(?:day|days|shift|shifts|session|sessions|stint|stints|hours|hrs)\s+(?:on|at|behind|with|in|doing)\s+"
    r"(?!(?:a\s+row|the\s+(?:trot|past|last|mend|end)|end|pain|agony|painkillers|ibuprofen|meds|medication|tablets|"
    r"pills|holiday|leave|hospital|bed|a\s+week|the\s+week|total|all)\b)))"
    r"(?P<what>(?:(?:on|at|behind|with|in|doing)\s+)?[a-z0-9][a-z0-9'\-]*(?:\s+[a-z][a-z'\-]*){0,3}?"
    r"(?:\s+(?:on|at|behind|with|in|doing)\s+(?:the\s+|a\s+|my\s+)?[a-z][a-z'\-]*(?:\s+[a-z][a-z'\-]*){0,3}?)?)"
    + _WHAT_ENDS)
# "aches on long rides", "only on the erg", "hurts on hills": a doing after "on" (not "on and off", "on the left",
# "on the outside of my knee": see _NOT_ON_A_DOING and the places cut from it)
_ON_A_DOING = re.compile(
    r"\b(?:hurts?|hurting|aches?|aching|achy|sore|painful|pain|twinges?|twinging|stiff|tight|niggles?|"
    r"flares?(?:\s+up)?|kills?(?:\s+me)?|agony|only|mostly|mainly|especially|esp|particularly|"
    r"(?:gets|get|got|catches|catch|grabs)\s+(?:me|him|her))"  # "gets me on the climbs"
    r"(?:\s+(?:really|mainly|mostly|only|just|especially|esp|usually|always|more))?\s+on\s+" + _WHAT_IT_IS + _WHAT_ENDS)
_NOT_ON_A_DOING = re.compile(
    r"^(?:and\s+off|off|a\s+scale|scale|average|top|purpose|the\s+whole|whole|the\s+mend|its\s+own|my\s+own|"
    r"(?:a\s+|the\s+)?(?:good|bad|some|most|other|worst|best)\s+days?|the\s+same|(?:painkillers|ibuprofen|meds|"
    r"medication|tablets|pills|holiday|leave)|"
    # where on the place: "on the outside (of my knee)", "on the ball of my foot", "on one side"
    r"(?:the|my|its|one|each|either|both|that|this|his|her|your)\s+(?:(?:very|outer|inner|upper|lower|left|right|"
    r"other|same|front|back)\s+)?(?:outside|inside|outer|inner|top|bottom|front|back|side|sides|edge|tip|middle|base|"
    r"ball|underside|surface|left|right|other|palm|sole|heel|bit|part|area|spot))(?![a-z])")
# What a named cause is not: a tissue, a diagnosis or an age ("I think it's the tendon", "probably my arthritis"),
# a subject or a question word ("I don't know what makes it worse"), nothing in particular
_NOT_A_CAUSE = re.compile(
    r"^(?:(?:the|my|a|an|this|that)\s+)?(?:own\s+)?(?:muscles?|tendons?|nerves?|ligaments?|joints?|bones?|discs?|"
    r"disks?|skin|cartilage|[a-z]*itis|arthritis|sciatica|rsi|strain|sprain|tear|injury|age|old\s+age|fault|same|"
    r"worst|best|other|one|first|last|main|only|doctor|gp|physio|nurse|mum|dad|wife|husband|partner)(?![a-z])|"
    r"^(?:i|i'm|im|you|we|he|she|they|it|its|it's|idk|dunno|not|no|nothing|anything|everything|something|what|how|why|"
    r"where|when|which|who|this|that|so|yes|ok|okay|myself|yourself|both|either|each|all|some|one|another)(?![\w'])|"
    r"\b(?:nothing|none|not\s+anything|not\s+much)\b|"  # "honestly nothing really sets it off": _NOTHING_MAKES_IT_WORSE
    # "maybe the last 3 weeks", "I think these exercises help"
    r"\b(?:it|i|minutes?|mins?|hours?|hrs?|days?|weeks?|wks?|months?|mths?|years?|yrs?|ages|helps?|helped|helping|"
    r"works|worked)$")
# What is done for the pain, not what brings it on: "I do my exercises every day", "hours on the foam roller"
_TREATMENT = re.compile(r"\b(?:exercises?|stretches|stretching|physio|rehab|icing|ice|heat|massag\w*|foam\s+roll\w*|"
                        r"painkillers|ibuprofen|paracetamol|aspirin|naproxen|codeine|co-?codamol|tramadol|tablets|meds|"
                        r"medication|pills?|treatment)\b")
# The coaching's own doings, whose effect the coaching reads: "the massage made it worse", "the pressing sets it off"
_COACHING_SAID = re.compile(r"\b(?:massag\w*|pressing|the\s+pressure|foam\s+roll\w*|the\s+(?:ball|tool|stretch|"
                            r"stretches|exercises?))\b")
# Chatty words at the end of what was said: "my new boots lol", "long shifts on the coffee machine tbh"
_TRAILING_FILLER = re.compile(r"(?:\s+(?:lol|haha+|tbh|tbf|honestly|really|i\s+think|probably|x+|though|either))+$")


def _doing_after_the_facts(text: str, found: list[Mention]) -> list[Mention]:
    """A doing with no cue, said where a terse message puts its facts: right after how strong or how long ("5 wks
    turning to reverse the car, dull, 4"), or as the last item after the place ("outside of my shoulder n top of arm,
    rollering ceilings")."""
    if not {m.kind for m in found if m.present} & {"region", "sensation"}:
        return []
    low = text.lower()
    # the facts' own words (not the concepts read under them: "small holds" is no pupil; nor a finding that names a
    # cause: "sanding doors and painting window frames" is the cause said)
    said = " ".join(m.text.lower() for m in found if m.text and m.kind not in {"duration", "concept"} and not (
        m.kind == "finding" and m.value.endswith("_cause")))
    for match in _DOING_AFTER_A_NUMBER.finditer(low):
        what = match.group("what")
        if _DOING_ITEM.fullmatch(what) and what.split()[0] not in said and not (
                what == "running" and re.search(r"(?:days?|weeks?|wks?)\s+$", low[:match.start("what")])):
            return [Mention(kind="trigger_words", value=what, text=match.group(0))]
    items = [item.strip() for item in re.split(r"[,.;!?]", low) if item.strip()]
    last = re.sub(rf"{_ALL_THE_TIME}|\s+(?:lol|haha|x+)$", "", items[-1]) if items else ""
    if len(items) >= 2 and _DOING_ITEM.fullmatch(last) and not _NOT_A_LIST_TRIGGER.search(last) and not any(
            word in said for word in last.split() if len(word) > 3):
        return [Mention(kind="trigger_words", value=last, text=items[-1])]
    return []


# Words that close a terse list without naming a cause: "..., 2 wks now", "3 days getting worse", "1wk on and off"
_NOT_WORDS_OF_A_CAUSE = re.compile(r"\b(?:and|but|or|so|it|its|it's|i|i'm|im|my|me|is|was|be|been|getting|worse|better|"
                                   r"same|constant|constantly|always|on|off|ish|or\s+so|roughly|about|approx|already|"
                                   r"tops|max|plus|still|again|worst|bad|really|very|now|ago|since|started|ongoing|"
                                   r"then|just|also|too|thx|thanks|ty|help|please|pls|x+)\b")


def _words_after_the_facts(text: str, found: list[Mention]) -> list[Mention]:
    """A terse list typed without commas, whose last words after how strong and how long name nothing else: what
    brings it on, in the person's words ("wrist back L 5/10 ache 1wk scanner gun")."""
    kinds = {m.kind for m in found if m.present}
    duration = next((m for m in found if m.kind == "duration" and m.present and m.text), None)
    if not kinds & {"region", "sensation"} or "intensity" not in kinds or duration is None:
        return []
    low = text.lower().rstrip(" .!?")
    at = low.rfind(duration.text.lower())
    last = low[at + len(duration.text):].strip(" .,;:!?") if at >= 0 else ""  # "couple weeks. long hauls"
    # the facts' own words (not the concepts read under them, nor a finding that names a cause or a risk: "long hauls"
    # is the driving said, whatever it also warns of)
    said = " ".join(m.text.lower() for m in found if m.text and m.kind != "concept" and not (
        m.kind == "finding" and m.value.endswith(("_cause", "_risk_factor"))))
    if not re.fullmatch(r"[a-z][a-z'\-]*(?: [a-z][a-z'\-]*){0,2}", last) or len(last) < 3 or last in said or any(
            word in said for word in last.split() if len(word) > 3) or _NOT_A_LIST_TRIGGER.search(last) or \
            _NOT_WORDS_OF_A_CAUSE.search(last) or _NOT_A_TRIGGER.match(last) or _PAIN_SAID.search(last) or \
            _TREATMENT.search(last) or re.match(rf"(?:{_NOT_A_DOING})\b", last):
        return []
    return [Mention(kind="trigger_words", value=last, text=last)]


def _trigger_words(text: str, found: list[Mention]) -> list[Mention]:
    """What makes it worse in the person's words, when no activity in the vocabulary said it: after a cue
    ("worse on hill reps", "when I practise long") in a message about pain or one that is only that, or
    as the one unexplained item of a terse list of facts ("right shoulder blade, knotty ache 6/10, 3 wks,
    drumming").

    A time of day said too ("worse 1st thing in morn and after a 12hr shift", "worse after long nights shouting over
    the music") leaves the words that say more than the time: a cue's words apart from it, or with a doing beside it.
    """
    if any(m.kind == "activity" and m.present for m in found):
        return []
    low = text.lower()
    times = [(at.start(), at.end()) for m in found if m.kind == "timing" and m.present and m.text
             for at in re.finditer(re.escape(m.text.lower()), low)]
    about_pain = bool(_PAIN_WORDS.search(low)) or any(m.kind in {"region", "sensation", "intensity"} for m in found)
    places = [m.text.lower() for m in found if m.kind == "region" and m.text]
    for cue in _TRIGGER_CUES:
        for match in cue.finditer(low):
            what = _HAS_IT_AFTER.sub("", _TRAILING_FILLER.sub("", _TRAILING_DAY.sub("", _cut_at_a_place(
                _cut_at_the_pain(match.group("what").strip()), places))))
            said_as_aggravation = low[match.start():].startswith(("worse", "worst")) or not \
                low[:match.start()].strip() or bool(_WORSE_JUST_BEFORE.search(low[:match.start()]))
            if times and not _more_than_the_time(low, match.start("what"), match.start("what") + len(what), times):
                continue
            if low.startswith("from", match.start()) and _CAME_BACK_BEFORE.search(low[:match.start()]):
                continue  # "home from university for the weekend": where someone came from, not a cause
            if low.startswith("from", match.start()) and _FROM_A_PLACE_NAME.match(text, match.start("what")) and \
                    not said_as_aggravation:
                continue  # "I am Maria, 72 year, from Portugal": where someone comes from, a name, not a cause
            if cue in (_CAUSE_IS_MURDER, _DOING_ALL_DAY) and any(
                    re.search(rf"(?<![\w']){re.escape(place)}(?![\w'])", what) for place in places):
                continue  # "my back is murder", "back of hand all day": the place, no cause
            if _only_the_time(what, found):
                continue  # "from one month maybe": a learner's "for a month", a time and no cause
            if cue is not _TRIGGER_CUE and (_NOT_A_CAUSE.search(what) or _PAIN_SAID.search(what) or (
                    cue is _ON_A_DOING and _NOT_ON_A_DOING.match(what)) or (
                    cue in (_WORK_SAID, _TIME_SPENT_ON, _BEEN_THERE, _DOING_ALL_DAY, _SINCE_I_STARTED,
                            _SINCE_A_SESSION) and _TREATMENT.search(what)) or (
                    _COACHING_SAID.search(what))):
                continue
            # "2 wks since i started hill reps", "2 month. hangin in the harness aw day": an answer of facts that says
            # the doing the pain began with, or keeps up, with how long it has lasted
            of_the_facts = cue in (_SINCE_I_STARTED, _DOING_ALL_DAY, _SINCE_A_SESSION) and any(
                m.kind in {"duration", "intensity"} and m.present for m in found)
            if len(what) >= 4 and not _NOT_A_TRIGGER.match(what) and (
                    about_pain or said_as_aggravation or of_the_facts):
                return [Mention(kind="trigger_words", value=what, text=match.group(0))]
    if times:
        return []
    shifts = _WORK_SHIFTS.match(low)
    if shifts:  # "long shifts on the coffee machine tbh": the work said as the whole answer
        return [Mention(kind="trigger_words", value=shifts.group(1), text=shifts.group(1))]
    nothing = _NOTHING_MAKES_IT_WORSE.search(low)
    if nothing:
        return [Mention(kind="trigger_words", value=re.sub(r"\s+", " ", nothing.group(1) or nothing.group(2)),
                        text=nothing.group(0))]
    return (_last_item_of_a_list(text, found) or _doing_after_the_facts(text, found)
            or _words_after_the_facts(text, found))


# "From Eid after Ramazan he has it", "after the op she's had this": who has the pain, said after the date it began
# from; the date is the onset (a length), and the one who has it no part of a cause
_HAS_IT_AFTER = re.compile(r"(?<=[a-z0-9])\s+(?:(?:he|she|i|we|they|you|abbu|ammi|mum|dad)\s+"
                           r"(?:has|have|had|is\s+having|has\s+(?:had|got)|have\s+(?:had|got)|'?s\s+(?:had|got))|(?:he's|hes|she's|shes|i've|ive|"
                           r"we've|they've)\s+(?:had|got))(?:\s+(?:this|that|the\s+pain|this\s+pain|that\s+pain))?$")


def _only_the_time(what: str, found: list[Mention]) -> bool:
    """The words after a cue are a length already read ("from one month maybe", "from 3 weeks or so")."""
    rest = what
    for mention in found:
        said = (mention.text or "").lower()
        if mention.kind == "duration" and _A_LENGTH.search(said) and (said in rest or rest.strip() in said):
            rest = rest.replace(said, " ") if said in rest else " "
        elif mention.kind == "duration" and said and mention.value != "unknown" and \
                _ONSET_SAID.sub("", said).strip(" .,;:!?") == rest.strip():
            rest = " "  # "From Eid after Ramazan (he has it)": the date it began from, read as its length
    left = _HEDGE_BEFORE_A_LENGTH.sub(" ", _HEDGE_AFTER_A_LENGTH.sub(" ", rest) + " ")
    return rest != what and not re.sub(r"[^\w\s]", " ", left).strip()


_ONSET_SAID = re.compile(r"^\W*(?:ever\s+)?(?:from|since|after)\s+")
_A_LENGTH = re.compile(r"^\W*(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|few|couple|half|several|"
                       r"a few|a couple)\b[\w\s-]{0,20}\b(?:days?|weeks?|wks?|months?|mths?|years?|yrs?)\b")


# "under cars all day", "scanner gun all shift": how long the doing takes, at the end of the item that says it
_ALL_THE_TIME = r"\s+all\s+(?:day|night|week|shift|morning|afternoon|evening|weekend|the\s+time)$"
# "been laying pavers all week", "I've been sanding floors non-stop": a doing kept up lately, said as the news
_BEEN_DOING = re.compile(
    rf"\b(?:i'?ve\s+|ive\s+|i\s+have\s+|have\s+|i\s+)?been\s+(?P<what>(?!(?:{_NOT_A_DOING})\b)[a-z]{{3,}}(?:ing|in')"
    r"(?:\s+[a-z][a-z'\-]*){0,4}?)"
    r"(?=\s+(?:all\s+(?:day|night|week|weekend|shift|morning|afternoon|evening|month)|for\s+(?:hours|days|weeks)|"
    r"non[- ]?stop|a\s+lot|loads|lately|recently|every\s+day|day\s+in\s+day\s+out)\b)")
# ... and a place the work keeps the person in: "been under sinks all week", "been up ladders all day" (not "been in bed
# all week", "been on painkillers for days": a rest or a treatment)
_BEEN_THERE = re.compile(
    r"\b(?:i'?ve\s+|ive\s+|i\s+have\s+|have\s+|i\s+)?been\s+(?P<what>(?:under|on|up|in|inside|behind|over|down)\s+"
    r"(?!(?:pain|agony|bed|my\s+bed|home|holiday|leave|hospital|the\s+(?:sofa|couch|mend)|(?:the\s+|my\s+)?sick|"
    r"nights?|days|lates|earlies|it|that|this|them|and|off|a\s+(?:bit|lot))\b)"
    r"[a-z][a-z'\-]*(?:\s+[a-z][a-z'\-]*){0,3}?)"
    r"(?=\s+(?:all\s+(?:day|night|week|weekend|shift|morning|afternoon|evening|month)|for\s+(?:hours|days|weeks)|"
    r"non[- ]?stop|day\s+in\s+day\s+out)\b)")
# Shift work said as what the person has been doing: "been working nights", "doing night shifts", "on lates this week",
# "since I started night shifts", "pulling doubles", "went on to nights"
_SHIFTS = (r"(?:nights|night\s+shifts?|nightshifts?|night\s+duty|lates|late\s+shifts|earlies|early\s+shifts|doubles|"
           r"double(?:\s+shifts?)?|overtime|long\s+shifts|12[- ]?(?:hour|hr)\s+shifts|twelves|all[- ]?nighters)")
_SHIFT_WORK = re.compile(
    r"\b(?:been\s+|i'?m\s+|im\s+|i\s+am\s+|i\s+|after\s+|from\s+|since\s+|when\s+)"
    r"(?:(?:i|we|i've|ive|we've|i'd)\s+(?:been\s+|just\s+)?)?"
    r"(?P<what>(?:working|doing|on|work|do|did|pulling|pulled|pull|covering|started|starting|start|began|"
    r"(?:went|go|going|gone|was\s+put|got\s+put|put)\s+(?:on|onto|on\s+to)|(?:switched|moved|changed|switching|"
    r"moving|changing)\s+(?:over\s+)?to|picking\s+up|picked\s+up)\s+"
    rf"(?:(?:the|a|my|some|lots\s+of|a\s+lot\s+of|loads\s+of|extra|back[- ]to[- ]back)\s+)?{_SHIFTS})\b")
# The shifts worked, said after a cue with the words of a time ("worse after my shifts", "after a long shift"): the work
# is more than when it hurts
_SHIFTS_SAID = re.compile(rf"\b(?:shifts?|{_SHIFTS})\b")
# "since new safety shoes at work", "since we got the new office chairs", "since I changed to a standing desk": a new
# thing the pain began with is what brings it on (not "since the new year", "since the wedding": a time)
_EVENT_VERBS = (r"(?:started|starts|arrived|arrives|came|comes|joined|joins|took|began|begun|was|were|got|went|opened|"
                r"moved|happened|left)")
_SINCE_A_NEW_THING = re.compile(
    r"\b(?:ever\s+)?since\s+(?:(?:i|we|they|he|she|work|the\s+(?:company|firm|boss|office|school))\s+"
    r"(?:'ve\s+|have\s+|has\s+|had\s+|just\s+)?(?:got|get|bought|was\s+given|were\s+given|gave\s+(?:me|us)|"
    r"started\s+(?:using|wearing)|began\s+(?:using|wearing)|put\s+in|brought\s+in|installed|fitted)\s+|"
    r"(?:getting|buying|wearing|using)\s+)?"
    r"(?P<what>(?:(?:the|a|an|my|our|some|these|those|his|her|their)\s+)?(?:brand\s+)?(?:new|newer)\s+"
    r"(?!(?:year|years|year's|years'|term|semester|season|school\s+year|month|week|decade)\b)"
    # (not "since the new boss started": an event, dated by its verb)
    rf"[a-z][a-z'\-]*(?:\s+(?!{_EVENT_VERBS}\b)[a-z][a-z'\-]*){{0,5}}?)" + _WHAT_ENDS)
_SINCE_A_CHANGE = re.compile(
    r"\b(?:ever\s+)?since\s+(?:(?:i|we|they|he|she|work)\s+(?:'ve\s+|have\s+|has\s+|had\s+|just\s+)?"
    r"(?:changed|switched|swapped|moved|upgraded|went)|changing|switching|swapping|moving|upgrading|going)\s+"
    r"(?:over\s+)?to\s+(?!(?:(?:a|an|the|my|our)\s+)?(?:new\s+|different\s+|bigger\s+|smaller\s+)?(?:house|home|flat|"
    r"school|uni|university|college|job|area|city|town|country|place|year|term)\b)"
    r"(?P<what>(?:(?:a|an|the|my|our|some|these|those)\s+)?[a-z][a-z'\-]*(?:\s+[a-z][a-z'\-]*){0,3}?)" + _WHAT_ENDS)
# "since I paint the ceilings of a big house", "since I carry my son": the cause as learners of English say it, a
# plain verb after "since I" and before what it is done to (not "since I woke up", "since I was 12", "since I fell")
_SINCE_I_DO = re.compile(
    r"\b(?:ever\s+)?since\s+i\s+(?!(?:am|was|were|have|had|got|get|woke|wake|start|came|come|went|go|saw|see|fell|"
    r"left|did|do|took|take|hurt|think|thought|know|knew|feel|felt|remember|can|could|will|would|should|must|need|"
    r"became|become|lost|gave|began|begin|sleep|slept|sat|sit|stood|stand|wear|wore|put|let|made|make|use|said|say|"
    r"told|tell|heard|hear|found|find|read|ran|run|lay|lie|lied|woken|bought|buy)\b)"
    r"(?P<what>[a-z]{3,}(?<!ed)\s+(?:the|a|an|my|our|his|her|this|these|those|some|heavy|big|lots?\s+of)\s+"
    r"[a-z][a-z'\-]*(?:\s+[a-z][a-z'\-]*){0,4}?)" + _WHAT_ENDS)
# "since I upped my laps", "ever since I bumped up me k's for the season", "since upping my mileage": more of something
# done is what brought the pain on (the doing said as its increase)
_SINCE_MORE_OF = re.compile(
    r"\b(?:ever\s+)?since\s+(?:(?:i|we|i've|ive|we've|my\s+coach|the\s+coach|coach|they|he|she)\s+"
    r"(?:'ve\s+|have\s+|has\s+|had\s+|just\s+)?)?"
    r"(?P<what>(?:upped|increased|doubled|tripled|added|upping|increasing|doubling|adding|"
    r"(?:bumped|ramped|stepped|cranked|bumping|ramping|stepping|cranking)\s+up)\s+"
    r"(?!(?:(?:my|me|the|our|his|her|their|some|more|extra)\s+)?(?:dose|doses|dosage|meds|medication|tablets|pills|"
    r"insulin)\b)"
    r"(?:(?:my|me|the|our|his|her|their|some|more|extra|a\s+lot\s+of|loads\s+of)\s+)?"
    r"[a-z][a-z'\-]*(?:\s+[a-z][a-z'\-]*){0,3}?)" + _WHAT_ENDS)
# "worse after a shift at the bar": the cue's words said to make it worse
# ... and "it comes when I do night duty", "it only starts after long shifts": when the pain comes is what brings it on
_WORSE_JUST_BEFORE = re.compile(r"\b(?:worse|worst)(?:\s+(?:after|when|whenever|from|during|with|by|doing))?\s*$|"
                                r"\b(?:it|it\s+only|pain|the\s+pain|this|that)\s+(?:only\s+|usually\s+|mostly\s+|"
                                r"mainly\s+|always\s+|just\s+)?(?:comes?|starts?|kicks?\s+in|flares?|"
                                r"gets?\s+(?:bad|sore|really\s+bad)|is\s+(?:bad|sore|at\s+its\s+worst))"
                                r"(?:\s+(?:on|up|back))?(?:\s+(?:mostly|mainly|usually|only|always|just))?\s*$")
# "I am working in the engine room", "he works at the docks", "I work on a building site": the place of work said as
# what keeps the pain going (not "working on my posture": what is done for it; not a past job, "worked", "used to work")
_WORKPLACE_SAID = re.compile(
    r"\b(?:i|i'm|im|i\s+am|he|she|he's|she's|he\s+is|she\s+is|we|we're|they|they're)\s+(?:also\s+|still\s+|now\s+)?"
    r"(?P<what>(?:work|works|working)\s+(?:in|at|on)\s+"
    r"(?!(?:(?:the|a|an|my|our|his|her|their)\s+)?(?:it|this|that|them|home|moment|weekends?|nights?|shifts?|progress|"
    r"posture|core|form|technique|strength|fitness|flexibility|mobility|myself|himself|herself|exercises?|stretch\w*|"
    r"rehab|physio|healthcare|health|finance|insurance|marketing|law|research|education|academia|tech|government|"
    r"management|hr|it\s+support)\b)(?:(?:the|a|an|my|our|his|her|their)\s+)?"
    r"[a-z][a-z'\-]*(?:\s+(?!(?:and|but|so|or|because|it|which|where|when|with|is|was|for|since|as|all|every)\b)"
    r"[a-z][a-z'\-]*){0,3}?)" + _WHAT_ENDS)
# "I wash pots all day", "look down all day", "hangin in the harness aw day": a doing said with how long it goes on, in
# a learner's plain verb or a dialect's doing-word, opening its clause (not "it hurts all day", "I feel it all day",
# "I'm fine all day", "stiff all day": the pain or the person, no doing)
_DOING_ALL_DAY = re.compile(
    r"(?:^|[,.;:!?]\s*|\b(?:and|then|i|we|i\s+just|i\s+always)\s+)"
    r"(?!(?:i|i'm|im|it|it's|its|is|am|are|was|be|been|have|has|had|feel|feels|felt|get|gets|got|the|my|a|an|this|"
    r"that|there|pain|sore|stiff|tight|fine|ok|okay|good|bad|worse|better|same|constant|there|like|on|off|in|at|"
    r"sleep|sleeping|rest|resting|stay|lie|lying|lay|laying|sit|sat|stand|notice|think|need|want|can|cant|can't|"
    r"just|always|almost|nearly|hurt|hurts|ache|aches|throb|throbs|burn|burns|and|or|but|so|not|no|nothing|still|"
    r"work|works|working|busy|home|off|up|down|awake|tired)\b)"
    r"(?P<what>[a-z]{3,}(?:\s+[a-z][a-z'\-]*){0,4}?)"
    r"(?=\s+(?:all|aw|a')\s+(?:day|night|shift|week)\b|\s+(?:the\s+)?whole\s+(?:day|shift)\b|\s+for\s+hours\b|"
    r"\s+non[- ]?stop\b|\s+every\s+(?:single\s+)?day\b)")
# "since I started hill reps", "when I started the new job", "after I took up padel", "since starting boxing": the doing
# the pain began with, whatever its words (not "since I started physio", "when I started to feel it")
_SINCE_I_STARTED = re.compile(
    r"\b(?:ever\s+since|since|when|after|from\s+when|from)\s+"
    r"(?:(?:i|we|i've|ive|i\s+have|we've)\s+(?:just\s+|first\s+)?(?:started|began|begun|took\s+up|taken\s+up|"
    r"got\s+into|joined|switched\s+to|went\s+back\s+to)|starting|beginning|taking\s+up|joining|getting\s+into)\s+"
    r"(?!(?:to|on|with|feeling|getting|having|taking|physio|rehab|treatment|tablets|meds|medication|painkillers|"
    r"exercises|stretching|stretches|it|this|that|then|again|out|off|up)\b)" + _WHAT_IT_IS + _WHAT_ENDS)
# "since bench 3 days ago", "sore since footy on saturday": a doing named alone, dated by when it was done
_SINCE_A_SESSION = re.compile(
    r"\b(?:ever\s+)?since\s+(?P<what>(?!(?:the|my|a|an|then|it|that|this|last|yesterday|today|covid|surgery|op|"
    r"operation|birth|flu|cold|fall|accident|injury|christmas|xmas|easter|school|work|lunch|dinner|breakfast|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|about|around|like|maybe|over|nearly|almost|"
    r"i|we|he|she|they)\b)[a-z]{3,}(?:\s+[a-z]{3,})?)"
    r"(?=\s+(?:(?:\d+|a|an|one|two|three|four|five|six|a\s+few|few|a\s+couple\s+of|couple\s+of)\s+"
    r"(?:days?|weeks?|wks?)\s+ago|(?:on\s+)?(?:last\s+)?" + _WEEKDAY_WORDS
    + r"|sat|saturday|yesterday|last\s+night)\b)")
# "3 hour lectures on plastic chairs are murder", "long drives are a killer": the cause said with what it does to the
# person (a place said so is the pain, not a cause: "my back is murder")
_CAUSE_IS_MURDER = re.compile(
    r"(?:^|[,.;:!?(]\s*|\b(?:and|but|the)\s+)(?P<what>[a-z0-9][a-z0-9'\-]*(?:\s+[a-z0-9][a-z0-9'\-]*){0,6}?)\s+"
    r"(?:are|is|were|was|'re|'s)\s+(?:(?:absolute|absolutely|pure|just|such|a\s+total|total|proper|literal|"
    r"literally)\s+)?(?:murder|torture|a\s+killer|killers|brutal|hell|a\s+nightmare|evil)\b")
# "just aches by the end of my round", "sore at the end of my run": what was done, by the end of which it hurts (not the
# end of the day, a week or a shift: a time of day)
_BY_THE_END_OF = re.compile(
    r"\b(?:by|at|towards|near)\s+the\s+end\s+of\s+(?P<what>(?:my|the|a|his|her)\s+(?!(?:day|days|week|night|evening|"
    r"month|year|shift|shifts|working|work|school|term|season)\b)[a-z][a-z'\-]*(?:\s+[a-z][a-z'\-]*){0,2}?)"
    + _WHAT_ENDS)
# The cues in the order they are tried: the first one that names something is what makes it worse
# (the time spent and where before the plain cues: "after a long day on the building site" is more than "a long day")
_TRIGGER_CUES = (_TIME_SPENT_ON, _TRIGGER_CUE, _CAUSE_NAMED, _CAUSE_BEFORE_IT, _WORK_SAID, _BEEN_DOING, _BEEN_THERE,
                 _SHIFT_WORK, _SINCE_I_DO, _SINCE_A_NEW_THING, _SINCE_A_CHANGE, _SINCE_MORE_OF, _ON_A_DOING,
                 _WORKPLACE_SAID, _SINCE_I_STARTED, _DOING_ALL_DAY, _SINCE_A_SESSION, _CAUSE_IS_MURDER, _BY_THE_END_OF)


# Work shifts named as the whole message: "long shifts on the coffee machine tbh", "night shifts at the depot"
_WORK_SHIFTS = re.compile(r"^\s*(?:(?:probably|prob|maybe|i\s+think|prolly|def|defo|just)\s+)?"
                          r"((?:(?:the|my)\s+)?(?:long|night|late|early|double|split|back[- ]to[- ]back|"
                          r"\d{1,2}[- ]?(?:hour|hr)s?)"
                          r"\s+shifts?(?:\s+(?:on|at|in|behind|with)\s+[a-z' ]{2,40}?)?)"
                          r"(?:\s+(?:tbh|lol|really|honestly|mostly|i\s+think|probably))*\s*[.!]*\s*$")


# "since painting the garden fence my shoulder aches": the cause ends where the pain is said
_PAIN_SAID_AFTER_CAUSE = re.compile(r"\s+(?:(?:my|his|her|their|the|me)\s+(?:[a-z]+\s+){0,2}?)?(?:pain|pains|painful|"
                                    r"hurt|hurts|hurting|sore|soreness|ache|aches|aching|achy|agony|kills|killing|"
                                    r"stiff|stiffness|throbs|throbbing)\b.*$")
_A_DOING_WORD = re.compile(rf"\b(?!(?:{_NOT_A_DOING})\b)[a-z]{{3,}}(?:ing|in')(?![\w'])")


def _cut_at_the_pain(what: str) -> str:
    """The cause without the pain said after it: "painting the garden fence my shoulder aches" is the painting."""
    return _PAIN_SAID_AFTER_CAUSE.sub("", what).strip()


# A name said after "from": a country, a town or a person's name, capitalised and no doing ("from Portugal", "from
# New York"), which is where someone is from
_FROM_A_PLACE_NAME = re.compile(r"(?:[A-Z][a-zà-ÿ'\-]+)(?:\s+[A-Z][a-zà-ÿ'\-]+)*(?![\w'])(?!\s+[a-z]+ing\b)")
_CAME_BACK_BEFORE = re.compile(r"\b(?:home|back|away|came|come|comes|coming|returned|returning|flew|flown|flying|"
                               r"moved|travelled|traveled|arrived|fresh|straight|visiting|visitor)\s+$")
# "after footy sat": the day it was done, not part of what was done
_TRAILING_DAY = re.compile(rf"(?<=[a-z])\s+(?:on\s+|last\s+)?(?:{_WEEKDAY_WORDS}|sat|saturday)$")
_LEFT_HANGING = re.compile(r"(?:\s+(?:n|and|&|or|the|my|his|her|their|of|in|on|at|to|into|down|up|round|around))+$")


def _cut_at_a_place(what: str, places: list[str]) -> str:
    """The cause without a place said after it: "after gigs n the inside of my forearm" is the gigs."""
    cuts = [at.start() for place in places for at in re.finditer(rf"(?<![\w']){re.escape(place)}(?![\w'])", what)
            if at.start() > 0]
    return _LEFT_HANGING.sub("", what[:min(cuts)].rstrip()) if cuts else what


def _more_than_the_time(low: str, start: int, end: int, times: list[tuple[int, int]]) -> bool:
    """Whether the words low[start:end] say more than a time of day said with them: apart from it ("after a 12hr
    shift" beside "1st thing in morn"), with a doing beside the time ("long nights shouting over the music") or where
    the time is spent ("after a long shift on the tills"); not the time's own words ("after work", "worse at night",
    "the evenings")."""
    inside = [(a, b) for a, b in times if a < end and start < b]
    if not inside or _SHIFTS_SAID.search(low[start:end]):
        return True  # "worse after my shifts": the shifts worked, not only the end of the day
    rest = low[start:end]
    for a, b in sorted(inside, reverse=True):
        a, b = max(a, start) - start, min(b, end) - start
        rest = rest[:a] + " " + rest[b:]
    return bool(_A_DOING_WORD.search(rest) or _WHERE_THE_TIME_IS_SPENT.search(rest))


_WHERE_THE_TIME_IS_SPENT = re.compile(r"^\s*(?:on|at|behind|with)\s+(?:the|a|my)\s+[a-z]{3,}")


def _last_item_of_a_list(text: str, found: list[Mention]) -> list[Mention]:
    """In a comma list that already gave the place or the feeling, and a strength or a duration, a last short
    item that nothing else explains is what brings the pain on ("..., 3 wks, drumming", "stiff, 5, 3 wks,
    under cars all day")."""
    kinds = {m.kind for m in found if m.present}
    if not kinds & {"region", "sensation"}:
        return []
    # "Pain at the back of the left shoulder and down the arm. Milking.": a doing-word as the last sentence
    last_sentence = re.split(r"[.!?]\s+", text.strip().rstrip(".!? "))[-1].strip().lower()
    said = " ".join(m.text.lower() for m in found if m.text)
    if re.fullmatch(r"[a-z]{3,}ing(?: [a-z]+)?", last_sentence) and not _NOT_A_LIST_TRIGGER.search(last_sentence) \
            and last_sentence not in said and last_sentence.split()[0] not in said.split() \
            and len(text) > len(last_sentence) + 5:  # ("6. Aching type": the feeling read already, no doing)
        return [Mention(kind="trigger_words", value=last_sentence, text=last_sentence)]
    if not kinds & {"intensity", "duration"}:
        return []
    items = [item.strip() for item in re.split(r"[,.;]", text) if item.strip()]
    if len(items) < 3:
        return []
    last = re.sub(_ALL_THE_TIME, "", items[-1].lower())  # "under cars all day", "scanner gun all shift"
    if not re.fullmatch(r"[a-z][a-z' ]{2,25}", last) or len(last.split()) > 3 or last in said or any(
            word in said for word in last.split() if len(word) > 3) or _NOT_A_LIST_TRIGGER.search(last):
        return []
    return [Mention(kind="trigger_words", value=last, text=items[-1])]


# The hedges said around a length are part of it: "ten days more or less", "about 2 weeks or so", "a week give or take"
_HEDGE_BEFORE_A_LENGTH = re.compile(r"(?:\b(?:about|around|roughly|approx\.?|approximately|maybe|probably|like|nearly|"
                                    r"almost|just\s+over|over|a\s+good|give\s+or\s+take)\s+)+$")
_HEDGE_AFTER_A_LENGTH = re.compile(r"(?:\s*,?\s*(?:more\s+or\s+less|give\s+or\s+take|or\s+so|or\s+thereabouts|"
                                   r"roughly|approx\w*|[-\s]?ish|i\s+think|i'?d\s+say|i\s+guess|maybe|probably|tops|"
                                   r"at\s+(?:least|most)|now|already|so\s+far)\b)+")


def _with_its_hedges(text: str, duration: Duration) -> str:
    """The words that said a length with the hedges around it, so what is left of its clause is what else was said
    ("burning, 4, ten days more or less": the clause is only the length)."""
    low = text.lower()
    if low[duration.start:duration.end] != duration.text.lower():
        return duration.text
    before = _HEDGE_BEFORE_A_LENGTH.search(low[:duration.start])
    after = _HEDGE_AFTER_A_LENGTH.match(low, duration.end)
    return text[before.start() if before else duration.start:after.end() if after else duration.end]


def _number_mentions(text: str, spans: list[Span], *, bare_intensity: bool) -> list[Mention]:
    """Intensity, duration and age. A time right after an activity is the activity's length ("drive for
    an hour"), and a lone day word counts as an onset only in a message about pain (see durations.py)."""
    mentions = []
    intensity = parse_intensity(text, bare_number_ok=bare_intensity)
    if intensity:
        mentions.append(Mention(kind="intensity", value=str(intensity[0]), text=intensity[1]))
    about_pain = bool(intensity) or any(span.label_ not in {"ACTIVITY", "CONCEPT"} for span in spans) or bool(
        _PAIN_WORDS.search(text.lower()))
    activities = [(span.start_char, span.end_char) for span in spans if span.label_ == "ACTIVITY"]
    duration = find_duration(text, about_pain=about_pain, activities=activities)
    if duration:
        # An onset that cannot be counted ("since I moved house") is stated but of unknown length.
        value = "unknown" if duration.days is None else f"{duration.days:g}"
        mentions.append(Mention(kind="duration", value=value, text=_with_its_hedges(text, duration)))
    age = parse_age(text)
    if age:
        mentions.append(Mention(kind="age", value=str(age[0]), text=age[1]))
    elif (their_age := parse_someone_elses_age(text)) is not None:
        # someone else's until the conversation shows the writer is writing for them (bot.dialogue.state)
        mentions.append(Mention(kind="age", value=str(their_age[0]), text=their_age[1], other_person=True))
    return mentions


# What is said to make it worse, before the doing ("worse when I lie on that side", "aggravated by reaching behind me",
# "a sharp catch when she turns over in bed") or after it ("gripping the secateurs is the worst")
_WORSE_BEFORE = re.compile(
    r"(?:\b(?:worse|worst|aggravat\w*|flares?|flaring|makes?\s+it\s+(?:worse|hurt)|jumps\s+up|goes\s+up)\b|"
    r"\b(?:hurts?|hurting|aches?|aching|sore|painful|sharp|catch(?:es)?|twinges?|kills?|agony)\s+(?:\w+\s+){0,2}?"
    r"(?:when|whenever|while|if|after|doing)\b)[^.!?;]*$")
_WORSE_AFTER = re.compile(r"^(?:(?!\b(?:but|and|or|so|my|i|it|though|although|while|when|because)\b)[^.!?;,]){0,40}?"
                          r"\b(?:(?:is|are|was|'s)\s+(?:the\s+|what\s+)?(?:worst|worse)|"
                          r"makes?\s+it\s+" + _MORE_SO + r"(?:worse|hurt|flare)|sets?\s+it\s+off|brings?\s+it\s+on|"
                          r"aggravates?)\b")


def _said_to_make_it_worse(span: Span, doc: Doc) -> bool:
    """Whether a doing is said as what makes the pain worse, not in passing ("I still do my own garden")."""
    before = doc.text[span.sent.start_char:span.start_char].lower()
    after = doc.text[span.end_char:span.sent.end_char].lower()
    return bool(_WORSE_BEFORE.search(before) or _WORSE_AFTER.match(after))


def _worse_doings_first(mentions: list[Mention], spans: list[Span]) -> list[Mention]:
    """The doings said to make it worse before those said in passing ("I'm 83 and still do my own garden ... worse
    when I've been sat in the car"), the other mentions where they were."""
    worse = {span.id_ for span in spans if span.label_ == "ACTIVITY" and _said_to_make_it_worse(span, span.doc)}
    doings = [m for m in mentions if m.kind == "activity"]
    if not worse or all(m.value in worse for m in doings):
        return mentions
    ordered = iter(sorted(doings, key=lambda m: m.value not in worse))
    return [next(ordered) if m.kind == "activity" else m for m in mentions]


def _parts_outside_doings(text: str, parts: list[Mention], spans: list[Span]) -> list[Mention]:
    """Parts not said inside a doing's name: "swim front crawl", "side planks", "back squats" name a stroke or an
    exercise, not the front, side or back of the place ("outer part of my left shoulder ... front crawl")."""
    doings = [(span.start_char, span.end_char) for span in spans if span.label_ == "ACTIVITY"]
    if not doings:
        return parts
    low = text.lower()

    def inside_a_doing(part: Mention) -> bool:
        word = re.escape((part.text or "").lower())
        said = [match.span() for match in re.finditer(rf"(?<![\w']){word}(?![\w'])", low)]
        return bool(said) and all(any(a <= start and end <= b for a, b in doings) for start, end in said)

    return [part for part in parts if not inside_a_doing(part)]


def _parts_outside_tools(doc: Doc, parts: list[Mention]) -> list[Mention]:
    """Parts not said as the hand part pressing ("pressing with my thumb", "doing it with my knuckles"): the tool's
    name says nothing of where the pain is."""
    tools = [(span.start_char, span.end_char) for span in doc.spans.get(SPANS_KEY, [])
             if span.label_ == "REGION" and _is_massage_tool(span, doc)]
    if not tools:
        return parts
    low = doc.text.lower()

    def said_as_a_tool(part: Mention) -> bool:
        said = [m.span() for m in re.finditer(rf"(?<![\w']){re.escape((part.text or '').lower())}(?![\w'])", low)]
        return bool(said) and all(any(a <= start and end <= b for a, b in tools) for start, end in said)

    return [part for part in parts if not said_as_a_tool(part)]


def extract_mentions(doc: Doc, sided_regions: Iterable[str], *, bare_intensity: bool = False) -> list[Mention]:
    """Every mention in an analysed doc, spans first then numbers, in reading order (the doings said to make it worse
    first among the doings)."""
    spans = _kept_spans(doc)
    found = _worse_doings_first(_cheek_of_the_bottom(_span_mentions(doc, spans, set(sided_regions))), spans)
    found = _electric_said_as_a_current(doc.text, _tailbone_in_lay_words(doc.text, found))
    found = _areas_said_precisely(doc.text, found, doc.user_data.get(SECONDARY_KEY, frozenset()))
    found = _neck_beside_the_shoulder_top(doc.text, _lower_back_of_the_leg(doc.text, found))
    found = _neck_of_a_head_that_will_not_turn(doc.text, _the_middle_said_low(doc.text, found))
    places = [m for m in found if m.kind == "region" and m.present]
    # parts are read next to a vaguely named place ("shoulder") or a bare joint ("knee, the inside bit")
    refinable = [m for m in places if m.vague or (m.text or "").lower().strip() in BARE_JOINT_WORDS]
    parts = _part_mentions(doc.text, doc.user_data.get(PARTS_KEY, ()), refinable if places else [])
    if places and not refinable:
        parts = []
    parts = _not_parts_of_places_not_the_pains(doc.text, parts, [m for m in found if m.kind == "region"
                                                                  and not m.present])
    parts = _centre_beside_a_level(_parts_outside_tools(doc, _parts_outside_doings(doc.text, parts, spans)))
    parts = _back_said_after_its_place(doc.text, parts)
    numbers = _number_mentions(doc.text, spans, bare_intensity=bare_intensity)
    found = _side_corrected_in_the_message(doc, _other_side_corrected(doc, _one_side_for_all(doc, found,
                                                                                            set(sided_regions))))
    found, parts = _places_named_as_parts(doc.text, found, parts)  # after the sides: "arch of r foot" keeps the r
    found = _sides_mixed_up(doc.text, found)
    said = _limb_pointed_back_no_correction(doc.text, found, _context_mentions(doc.text, found, _foreign(doc)))
    return found + said + parts + _trigger_words(doc.text, found + numbers) + numbers


# "feeling like current going in my fingers", "like electricity down to my hand", "current passing into my thumb": an
# electric current felt is the electric feeling (a nerve pressed, that stops the pressing), not "my current job"
_CURRENT_FELT = re.compile(
    r"\b(?:like|as\s+if|as\s+though|kind\s+of|sort\s+of|similar\s+to)\s+(?:(?:a|an|some|bit\s+of|of|having|getting)\s+)*"
    r"(?:electric(?:al)?\s+)?(?:current|currents|electricity|voltage)\b|"
    r"\b(?:current|electricity)\s+(?:(?:is|was|keeps|kept)\s+)?(?:going|goes|went|passing|passes|passed|running|runs|ran|"
    r"shooting|shoots|shot|flowing|flows|coming|comes|travelling|traveling|travels|rushing|rushes|zipping)\b|"
    r"\belectricity\b(?!\s+(?:bills?|supply|company|meters?|prices?|cuts?|board))")
_DENIED_IN_THE_CLAUSE = re.compile(r"\b(?:no|not|never|without|nothing|isn'?t|wasn'?t|don'?t|doesn'?t)\b[^,.;:!?]*$")


def _electric_said_as_a_current(text: str, found: list[Mention]) -> list[Mention]:
    """An electric current said as felt (see above) is the electric feeling, when no word of the vocabulary said it."""
    low = text.lower()
    felt = _CURRENT_FELT.search(low)
    if felt is None or any(m.kind == "sensation" and m.value == "electric" for m in found):
        return found
    denied = bool(_DENIED_IN_THE_CLAUSE.search(low[:felt.start()]))
    return [*found, Mention(kind="sensation", value="electric", text=text[felt.start():felt.end()], negated=denied)]


# A place singled out among those said: "front of my thighs mostly", "just the front of my thighs", "only my
# hamstrings", "it's my big toe" (not "not just my thigh")
_SINGLED_BEFORE = re.compile(
    r"(?:(?<!\bnot\s)\b(?:mostly|mainly|especially|esp|particularly|largely|primarily|predominantly|chiefly|just|only|"
    r"specifically|in\s+particular|more\s+so|worst|worse)\s+(?:(?:in|at|on|round|around|across|down|through|into)\s+)?|"
    r"\b(?:it'?s|it’s|its|it\s+is|it\s+was|that'?s|that’s|thats)\s+)"
    r"(?:(?:the|my|me|his|her|their|your|both)\s+)?(?:(?:achy|aching|sore|tight|stiff|painful|tender)\s+)?$")
_SINGLED_AFTER = re.compile(r"^\s*,?\s*(?:mostly|mainly|especially|esp|particularly|largely|primarily|predominantly|"
                            r"chiefly|in\s+particular|most\s+of\s+all|the\s+most|more\s+than\s+anything)\b")


@lru_cache(maxsize=1)
def _areas() -> dict[str, frozenset[str]]:
    """Each vaguely named area's typical place -> the places inside the area (vocabulary/vague_places.yml)."""
    from bot.engine.knowledge import knowledge

    return {region: frozenset(parts.values()) - {region} for region, parts in knowledge().vague_parts.items()}


def _singled_out(low: str, said: str) -> bool:
    """Whether a place's words are said with a word that singles them out (see _SINGLED_BEFORE)."""
    return any(_SINGLED_BEFORE.search(low[:at.start()]) or _SINGLED_AFTER.match(low[at.end():])
               for at in re.finditer(rf"(?<![\w']){re.escape(said)}(?![\w'])", low))


# The lower half of the back of the leg said after it: "my right leg back side, lower part", "back of my leg, the
# bottom bit", "back of the leg, below the knee" (the back of the leg alone, or its top part, is the back of the thigh)
_LOWER_PART_AFTER = re.compile(r"(?:\s+(?:hurts?|hurting|aches?|aching|is\s+(?:sore|painful|killing\s+me)))?"
                               r"[\s,]*(?:(?:in|on|at|the|more|mostly|mainly|just)\s+)*(?:(?:lower|bottom)\s+"
                               r"(?:part|half|bit|side|end)|(?:below|under)\s+(?:the|my)\s+knee|low\s+down|lower\s+down)\b")


def _lower_back_of_the_leg(text: str, found: list[Mention]) -> list[Mention]:
    """The back of the leg with its lower part said after it is the calf (see above)."""
    low = text.lower()

    def lower(mention: Mention) -> bool:
        said = (mention.text or "").lower()
        if mention.kind != "region" or mention.value != "thigh_back" or not re.search(r"\blegs?\b", said) or \
                re.search(r"\bupper\b", said):
            return False
        return any(_LOWER_PART_AFTER.match(low, at.end()) for at in re.finditer(re.escape(said), low))

    return [replace(m, value="calf") if lower(m) else m for m in found]


def _areas_said_precisely(text: str, found: list[Mention], secondary: AbstractSet[Mention]) -> list[Mention]:
    """"Legs are really sore after leg day, front of my thighs mostly", "my feet have done some miles. It's my big
    toe": a vaguely named area ("legs", "feet") gives way to a place inside it that the message singles out, which
    takes the area's side when it has none of its own. Said without such a word both stay ("my left arm aches from
    the shoulder down to the elbow": the arm between them too)."""
    places = [m for m in found if m.kind == "region" and m.present and m.text and m not in secondary]
    vague = [m for m in places if m.vague and _areas().get(m.value)]
    if not vague:
        return found
    low = text.lower()
    singled = [m for m in places if not m.vague and not m.other_person and _singled_out(low, (m.text or "").lower())]
    given_way = {index for index, m in enumerate(found) if m in vague and any(
        p.value in _areas()[m.value] and (p.side is None or m.side is None or p.side == m.side) for p in singled)}
    if not given_way:
        return found
    sides = {found[index].side for index in given_way} - {None}
    side = sides.pop() if len(sides) == 1 else None
    return [replace(m, side=side) if m in singled and m.side is None and side and m.sided else m
            for index, m in enumerate(found) if index not in given_way]


# "left cheek going down the back of my thigh", "right cheek when I sit": a bare "cheek" said with a place next to
# the buttock (the low back, the hip, the thigh, the leg as a whole), or with sitting on it, and nothing else is the
# buttock's cheek, not the face's ("my cheek and knee hurt" stays as said)
_CHEEK_WORDS = frozenset({"cheek", "cheeks"})
_BESIDE_THE_BUTTOCK = frozenset({"low_back", "sacroiliac", "sacrum", "tailbone", "groin", "hip_side", "hip_front",
                                 "buttock", "thigh_front", "thigh_back", "thigh_outer", "thigh_inner"})
_SAT_ON = frozenset({"sitting", "driving", "cycling"})
_FACE_DOINGS = frozenset({"chewing", "teeth_grinding", "talking", "cold"})


def _cheek_of_the_bottom(found: list[Mention]) -> list[Mention]:
    """A bare "cheek" said with the lower body and nothing of the head or face is the buttock (see above)."""
    places = [m for m in found if m.kind == "region" and m.present]
    cheeks = [m for m in places if m.value == "cheek" and (m.text or "").lower() in _CHEEK_WORDS]
    if not cheeks:
        return found
    # the leg as a whole ("down my leg") is read as the calf: it counts as next to the buttock, a named calf does not
    others = {"thigh_back" if m.vague and m.value == "calf" else m.value for m in places if m not in cheeks}
    doings = {m.value for m in found if m.kind == "activity" and m.present}
    below = others & _BESIDE_THE_BUTTOCK or doings & _SAT_ON
    if not below or others - _BESIDE_THE_BUTTOCK or doings & _FACE_DOINGS:
        return found
    return [replace(m, value="buttock") if m in cheeks else m for m in found]


# "pain in bottom of back, in the bone when I sit", "the base of my spine, the bone I sit on": the bottom of the back
# said with a bone, or as what is sat on, is the tailbone (not "my lower back aches when I sit", nor "my hip bone")
_BOTTOM_OF_THE_BACK = re.compile(r"\b(?:bottom|base|end)\s+of\b")
_TAILBONE_CUE = re.compile(
    r"\b(?:the|a|that|this|one|in|on)\s+(?:little\s+|small\s+|last\s+|very\s+)?(?:bone|bony\s+(?:bit|part|point))\b"
    r"(?!\s+(?:of|in|on)\s+(?:my|the)\s+(?:hip|hips|leg|thigh|pelvis|bum|butt|bottom)\b)|"
    r"\bwhere\s+(?:i|you|we)\s+(?:sit|sat)\b|\b(?:i|you|we)\s+(?:sit|sat)\s+on\b")


def _tailbone_in_lay_words(text: str, found: list[Mention]) -> list[Mention]:
    """The bottom of the back or the base of the spine said with a bone, or as what is sat on, is the tailbone (see
    above)."""
    low = text.lower()
    if not _TAILBONE_CUE.search(low):
        return found
    return [replace(m, value="tailbone", side=None, sided=False, vague=False)
            if m.kind == "region" and m.present and m.value in {"low_back", "sacrum"}
            and _BOTTOM_OF_THE_BACK.search((m.text or "").lower()) else m for m in found]


def _not_parts_of_places_not_the_pains(text: str, parts: list[Mention], elsewhere: list[Mention]) -> list[Mention]:
    """"My wife had gout and her toe went red": a part word that is, or is said next to, a place that is not the
    pain's (someone else's, denied) says nothing of where the pain is."""
    low = text.lower()
    near = [(at.start() - _PART_REACH, at.end() + _PART_REACH) for m in elsewhere if m.text
            for at in re.finditer(re.escape(m.text.lower()), low)]
    if not near:
        return parts
    return [part for part in parts if not any(
        start <= at.start() <= end for at in re.finditer(rf"(?<![\w']){re.escape(part.text.lower())}(?![\w'])", low)
        for start, end in near)]


# Words that say how far across a place ("in the middle") and how high in it ("low down", "top")
_CENTRE_PARTS = frozenset({"middle", "mid", "centre", "center", "central"})
_LEVEL_PARTS = frozenset({"low", "lower", "low down", "down low", "lower down", "bottom", "down", "belt", "upper",
                          "top", "high", "higher", "up"})


# The neck said with the top of the shoulder, as one stretch: "neck and top of shoulder ache on the left", "pain from my
# neck to the top of my shoulder" (the upper trapezius, from the side of the neck over the shoulder's top)
_NECK_TO_THE_SHOULDER_TOP = re.compile(
    r"\bneck\s+(?:and|&|n|\+|into|in\s+to|to|down\s+to|across\s+to|going\s+(?:in)?to|over\s+to)\s+(?:the\s+|my\s+|me\s+)?"
    r"(?:top\s+of\s+(?:the\s+|my\s+|me\s+)?shoulders?|shoulders?\s+tops?|tops?\s+of\s+(?:the\s+|my\s+)?shoulders?|"
    r"upper\s+traps?|traps?)\b")


def _neck_beside_the_shoulder_top(text: str, found: list[Mention]) -> list[Mention]:
    """The bare neck said together with the top of the shoulder is the side of the neck, where the one runs into the
    other (not its back, which the bare word otherwise stands for)."""
    if not _NECK_TO_THE_SHOULDER_TOP.search(text.lower()):
        return found
    return [replace(m, value="neck_side", vague=False)
            if m.kind == "region" and m.value == "neck_back" and (m.text or "").lower() == "neck" else m
            for m in found]


# How low, said just before "the middle of my back": "low down in the middle of his back", "lower down, in the middle
# of the back", "right at the bottom, in the middle of my back": the middle across, at the bottom of the back
_LOW_BEFORE_THE_MIDDLE = re.compile(r"\b(?:low\s+down|down\s+low|lower\s+down|low|lower|right\s+at\s+the\s+bottom|"
                                    r"at\s+the\s+bottom|down\s+at\s+the\s+bottom)\s*,?\s+(?:(?:right|just|bang|slap\s+bang)\s+)?"
                                    r"(?:in|at|down|across)\s+$")


def _the_middle_said_low(text: str, found: list[Mention]) -> list[Mention]:
    """"a dull ache low down in the middle of his back": the middle of the back said with how low is the low back, in
    the middle (not the mid back, which "in the middle of my back" alone stands for)."""
    low = text.lower()
    kept = []
    for mention in found:
        said = (mention.text or "").lower()
        at = low.find(said) if said else -1
        if mention.kind == "region" and mention.value == "mid_back" and said.startswith("middle") and at >= 0 and \
                _LOW_BEFORE_THE_MIDDLE.search(low[:at].removesuffix("the ")):
            mention = replace(mention, value="low_back")
        kept.append(mention)
    return kept


# The head that will not turn: "couldn't turn my head to the left", "can barely turn my head", "hurts to turn my head"
_HEAD_WILL_NOT_TURN = re.compile(
    r"\b(?:can'?t|cannot|can\s+not|couldn'?t|could\s+not|cant|couldnt|unable\s+to|hard\s+to|struggl\w*\s+to|"
    r"hurts?\s+to|painful\s+to|agony\s+to|barely|hardly)\s+(?:even\s+|really\s+|properly\s+|fully\s+)?"
    r"(?:turn|twist|rotate|tilt|move)\s+(?:my|his|her|me|their)\s+(?:head|heid)\b")


def _neck_of_a_head_that_will_not_turn(text: str, found: list[Mention]) -> list[Mention]:
    """A head said not to turn, no place named: the neck that turns it is where it hurts ("woke up and couldn't turn my
    head to the left, slept funny"); the bare neck, so where in it is still asked."""
    said = _HEAD_WILL_NOT_TURN.search(text.lower())
    if said is None or any(m.kind == "region" and m.present for m in found):
        return found
    return [*found, Mention(kind="region", value="neck_back", text=text[said.start():said.end()], vague=True)]


def _centre_beside_a_level(parts: list[Mention]) -> list[Mention]:
    """"back pain low down middle", "low down in the middle of my back": a centre word said with how high says where
    across (on the spine, not to one side); the level says which part, so the middle of the back is not meant."""
    if any(part.value in _LEVEL_PARTS for part in parts):
        return [part for part in parts if part.value not in _CENTRE_PARTS]
    return parts


def _places_named_as_parts(text: str, found: list[Mention],
                           parts: list[Mention]) -> tuple[list[Mention], list[Mention]]:
    """"my head pain at forehead and around eye": a part word that is itself a place named in the message is
    that place, not a part of the vague one; and a vague place ("head") said with the precise places that
    say where in it gives way to them, so the first one named stays the main one (the forehead)."""
    low = text.lower()
    precise = [m.text.lower() for m in found if m.kind == "region" and m.present and not m.vague and m.text]
    named = [p for p in parts if any(re.search(rf"(?<![\w']){re.escape(p.text.lower())}(?![\w'])", t) for t in precise)]
    if not named:
        return found, parts

    def at(said: str) -> list[int]:
        return [match.start() for match in re.finditer(rf"(?<![\w']){re.escape(said.lower())}(?![\w'])", low)]

    rest = [p for p in parts if p not in named]
    if rest:  # "behind my eyes and at the back": the back still says where in the head
        return found, rest
    near = [start for part in named for start in at(part.text)]
    kept = [m for m in found if not (m.kind == "region" and m.vague and m.present and any(
        abs(start - where) <= _PART_REACH + len(m.text) for start in at(m.text) for where in near))]
    return kept, rest


_BACK_AFTER_ITS_PLACE = re.compile(_PLACE_WITH_A_BACK_BEFORE.pattern.removesuffix(r"\s+$") + r"\s+back\b(?=" +
                                   _PART_SET_OFF_AFTER.pattern.removeprefix("^") + ")")


def _back_said_after_its_place(text: str, parts: list[Mention]) -> list[Mention]:
    """"knee back R 4/10": the back of the knee, said as a terse list says it (the back bit, as the places read it:
    not the back, see _is_region_here)."""
    if not _BACK_AFTER_ITS_PLACE.search(text.lower()):
        return parts
    return [replace(part, value="back bit") if part.value == "back" else part for part in parts]


def _one_side_for_all(doc: Doc, mentions: list[Mention], sided_regions: set[str]) -> list[Mention]:
    """One side said in a sentence is the side of each place in that sentence that has none: "thumb side of
    my right wrist", "pain in the right forearm, on the palm side", "my wrist hurts, right one"."""
    text = doc.text.lower()
    sentences = [(sent.start_char, sent.end_char) for sent in doc.sents]

    def side_said(start: int, end: int) -> str | None:
        low = _without_foreign_sides(_without_discourse_rights(text[start:end]), _foreign(doc), start)
        said = {word for word in ("left", "right") if re.search(rf"\b{word}\b", low)}
        if re.search(r"\bboth (?:sides?|of them)\b|\bon both\b|\beither side\b|\bon each side\b", low):
            said.add("both")  # ("either side of my voice box": both sides of it)
        return said.pop() if len(said) == 1 else None

    def sentence_of(mention: Mention) -> tuple[int, int] | None:
        at = text.find(mention.text.lower()) if mention.text else -1
        return next(((a, b) for a, b in sentences if a <= at < b), None) if at >= 0 else None

    # "bicep pain l arm front": the side found for one place ("l arm") is the side of its sentence too
    sided_in: dict[tuple[int, int] | None, set[str]] = {}
    for mention in mentions:
        if mention.kind == "region" and mention.side and mention.present and \
                mention not in doc.user_data.get(SECONDARY_KEY, ()):  # "fell onto my right shoulder": not the neck's
            sided_in.setdefault(sentence_of(mention), set()).add(mention.side)

    kept = []
    for mention in mentions:
        if mention.kind == "region" and mention.side is None and mention.value in sided_regions and mention.text:
            sentence = sentence_of(mention)
            side = side_said(*sentence) if sentence else None
            others = sided_in.get(sentence, set()) if sentence else set()
            if side is None and len(others) == 1:
                side = next(iter(others))
            if side is None and _PAIRED_PLURAL.search(mention.text.lower()):
                side = "both"  # "my shins are sore", "forehead n temples": both of a pair, when no side is said
            if side is None and mention.value in _MIDLINE_PLACES and sentence and _CENTRAL.search(
                    text[sentence[0]:sentence[1]]):
                side = "both"  # "between shoulder blades, in the middle": the middle of both sides
            if side is None and mention.value in _BACK_PLACES and sentence and _ACROSS_IT.search(
                    text[sentence[0]:sentence[1]]):
                side = "both"  # "the low back, right across the bottom of it": from one side to the other
            if side:
                mention = replace(mention, side=side)
        kept.append(mention)
    return kept


# "sorry, it's the other shoulder", "wrong knee, it's the other one": a correction to the other side of the place
_OTHER_ONE = re.compile(rf"\b{_OTHER_PLACE}\b")


def _other_side_corrected(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """In a correction that says "the other one" and no side of the pain, the places named are on the other side
    ("other": the report turns it into the side opposite the one held)."""
    low = _without_foreign_sides(_without_discourse_rights(doc.text.lower()), _foreign(doc))
    if not (_CORRECTION.search(low) and _OTHER_ONE.search(low)) or _sides_named(low) - {"both"}:
        return mentions
    return [replace(m, side="other") if m.kind == "region" and m.present and m.side is None and m.sided else m
            for m in mentions]


# A side denied in a correction: "sorry, not left", "it isn't the left", "no the left"
_NOT_THIS_SIDE = re.compile(r"\b(?:not|no|isn'?t|wasn'?t|never)\s+(?:(?:the|my|on\s+the|in\s+the)\s+)?$")
_ALSO_SAID = re.compile(r"\b(?:also|too|as\s+well|plus|both|another|other|spreads?|spreading|goes|going)\b")


def _side_corrected_in_the_message(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """A correction later in the same message that names the other side and no place: "my left ankle aches. sorry,
    not left. Is right side", "left wrist hurts... no wait, is the right side": the places said before it are on
    the side it names (a side said to be fine, or of something else, is no correction: see _foreign)."""
    low = _without_foreign_sides(_without_discourse_rights(doc.text.lower()), _foreign(doc))
    cue = next(reversed(list(_CORRECTION.finditer(low))), None)
    if cue is None:
        return mentions

    places = [m for m in mentions if m.kind == "region" and m.present and m.text]
    where: dict[int, int] = {}  # each place's offset: the n-th place said in the same words is their n-th occurrence
    for index, place in enumerate(places):
        said = place.text.lower()
        earlier = sum(1 for other in places[:index] if (other.text or "").lower() == said)
        found = [m.start() for m in re.finditer(re.escape(said), low)]
        where[index] = found[min(earlier, len(found) - 1)] if found else -1
    before = [m for i, m in enumerate(places) if 0 <= where[i] < cue.start() and m.side in ("left", "right")]
    later = [m for i, m in enumerate(places) if where[i] >= cue.start()]
    after = low[cue.start():]
    if _ALSO_SAID.search(after):
        return mentions  # "sorry, I forgot, the right one hurts too": another side, not a corrected one
    if later:  # "left knee. sorry, I meant my right knee": the place said again, on the side it is said with now
        again = {m.value: m.side for m in later if m.side in ("left", "right")}
        return [replace(m, side=again[m.value]) if any(m is b for b in before) and m.value in again else m
                for m in mentions]
    if not before or len({m.side for m in before}) > 1:
        return mentions
    meant = {_SIDE_WORDS[word.group(0)] for word in re.finditer(r"[a-z]+", after)
             if _SIDE_WORDS.get(word.group(0)) in ("left", "right") and not _NOT_THIS_SIDE.search(after[:word.start()])}
    if len(meant) != 1 or meant == {before[0].side}:
        return mentions
    side = meant.pop()
    return [replace(m, side=side) if any(m is b for b in before) else m for m in mentions]


# "I confused", "I got confused", "i confuse", said in a message that corrects a side ("No wait, sorry, is the left
# side, I confused"): the writer mixed the sides up, as other languages say it, which is no confusion of the mind
# (not "I'm confused" or "I was confused", and never with another sign of it, a fever or a knock to the head said
# alongside)
_SIDES_MIXED_UP = re.compile(r"\bi\s+(?:got\s+|get\s+|was\s+getting\s+)?(?:a\s+bit\s+|a\s+little\s+|little\s+|so\s+)?"
                             r"confus(?:ed|e)\b(?!\s+(?:and|&)\s)")
_OTHER_SIGNS_OF_CONFUSION = re.compile(r"\b(?:confus\w*|drows\w*|sleepy|disorient\w*|muddled|delirious|not\s+making\s+"
                                       r"sense|fever\w*|temperature|temp|hot\s+and\s+cold|shiver\w*|hit\s+my\s+head|"
                                       r"banged\s+my\s+head|head\s+injury|knocked\s+out|passed\s+out|fainted|stiff\s+neck)\b")


def _sides_mixed_up(text: str, found: list[Mention]) -> list[Mention]:
    """The confusion read from "I confused" in a correction of the side is dropped (see above)."""
    low = _without_discourse_rights(text.lower())
    said = _SIDES_MIXED_UP.search(low)
    if not said or not _CORRECTION.search(low) or not _sides_named(low) - {"both"}:
        return found
    if len(_OTHER_SIGNS_OF_CONFUSION.findall(low[:said.start()] + low[said.end():])):
        return found
    return [m for m in found
            if not (m.kind in ("concept", "finding") and (m.text or "").lower() in ("confused", "confuse"))]


# A pair of places named in the plural (not "between my shoulder blades", one place between them)
_PAIRED_PLURAL = re.compile(r"(?<!between )(?<!between my )(?<!between the )\b(?:shins|calves|thighs|knees|hips|"
                            r"shoulders|elbows|wrists|forearms|arms|legs|ankles|heels|feet|soles|arches|hamstrings|"
                            r"hammies|quads|hands|palms|temples|glutes|buttocks|bum cheeks|butt cheeks)$")
# The upper back said to be in the middle ("between shoulder blades, in the middle", "dead centre between my shoulder
# blades"): the pain is on both sides of the spine. (Not other midline places: "back pain in the middle", "across my
# forehead" stay without a side, as before.)
_MIDLINE_PLACES = frozenset({"upper_back"})
# A back said to hurt across it: "right across the bottom of it", "a band across my lower back" (not "across the road")
_BACK_PLACES = frozenset({"low_back", "mid_back", "upper_back"})
_ACROSS_IT = re.compile(r"\b(?:right|all|straight|band|ache|pain|aches|pains|aching|sore|stiff)?\s*across\s+"
                        r"(?:the\s+|my\s+|his\s+|her\s+|me\s+)?(?:whole\s+|entire\s+)?(?:bottom|base|top|middle|width|lower|low|small|"
                        r"upper|back|it|both)\b")
_CENTRAL = re.compile(r"\b(?:in|down|at|right\s+in|bang\s+in|slap\s+bang\s+in)\s+the\s+(?:middle|centre|center)\b"
                      r"(?!\s+of\s+(?:the\s+|a\s+|my\s+)?(?:night|day|week|month|afternoon|morning|evening|shift|"
                      r"match|game|run|session|workout|it|that|this|class|meeting)\b)|\bdead\s+(?:centre|center|middle)\b|"
                      r"\bcentral(?:ly)?\b|\bmidline\b")


def mentions_from_text(text: str, sided_regions: Iterable[str], *, bare_intensity: bool = False) -> list[Mention]:
    """Analyse raw text (cut to MAX_CHARS) and extract its mentions."""
    analyser = load_language()
    doc = analyser.analyse(text[:MAX_CHARS])
    return extract_mentions(doc, sided_regions, bare_intensity=bare_intensity)
