"""A conversation's state, read from the tracker's events: every user turn with what the bot had just
asked, and the facts that follow from them.

Every user message's parse data carries its `pain_mentions` (with negation and context). What a
message means depends on the question before it, so each turn keeps what was awaited: a "yes" to a
safety question states that question's finding; a bare number after "how old are you?" is an age;
what is said inside the pressure loop or a check-in ("about a 6", "ow, sharp", "my thumb") never
becomes the pain's intake, though it still counts for safety. The safety policy, the facts policy
and the actions all read the same state from the same events, on Rasa's event objects and on
rasa-sdk's event dicts alike, so they can never disagree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any, Iterable

from bot.dialogue.decide import COMMAND_INTENTS, QUESTION_INTENTS, asks_off_topic
from bot.dialogue.patient import as_the_patient
from bot.nlp.numbers import parse_intensity
from bot.nlp.replies import (
    Answer,
    asks_why_these,
    read_yes_no,
    says_where_pressing_sends_it,
    talks_of_checkins,
    tells_of_another_pain,
    wants_other_muscle,
)
from core.types import BARE_JOINT_WORDS, Mention, PainReport

__all__ = [
    "AGE_QUESTION",
    "AWAITING_SLOT",
    "MENTIONS_KEY",
    "SCREENING_SLOT",
    "ConversationState",
    "UserTurn",
    "read_state",
]

MENTIONS_KEY = "pain_mentions"
SCREENING_SLOT = "screening_question"  # the finding id of the yes/no question just asked, or AGE_QUESTION
AWAITING_SLOT = "awaiting"  # what the bot's last question was about (see bot/dialogue/decide.py)
AGE_QUESTION = "__age__"
INTAKE_KINDS = frozenset({"region", "sensation", "activity", "timing", "trigger_words", "intensity", "duration",
                          "age", "side", "correction", "part"})
# States in which what the person says is about the self-massage or a check-in, not about the pain's intake.
NOT_INTAKE_AWAITING = frozenset({"pressure"})
# "other one?" after the suggestions: the next muscle (not "the other side", which names the side)
_ANOTHER_MUSCLE = re.compile(r"\b(?:other|another|different) (?:one|ones|muscle|muscles)\b(?![^.?!]*\bside)")
# questions asked once the intake is done: a bare number said to them is no new strength of the pain
_AFTER_THE_INTAKE = frozenset({"coach_offer", "checkin_offer", "email", "anything_else"})
CHECKIN_LOOP = "checkin_form"
_BARE_SCORE = re.compile(r"^\s*(?:(?:about|around|maybe|like|prob|probably|abt|bout|dunno|idk|not sure|no idea|hmm|um)"
                         r"[\s,]+)?\d{1,2}\s*[.!?]?\s*$")  # "dunno 6?" to "how long?" is no score either
_WORSE_CUE = re.compile(r"\b(?:worse|worst|bad|badly|flares?|flaring|aggravat\w*|more painful|hurts? more|agony|"
                        r"agonising|stiff(?:er)?|kills?|peaks?|builds? up|by the end of|by (?:the )?(?:evening|night|"
                        r"midnight|home ?time|bedtime))\b")
_BARE_NUMBER = re.compile(r"^\s*(?:(?:a|an|about|around|maybe|like|prob|probably|abt)\s+)*(\d{1,3})\s*[.!]?\s*$")


@dataclass(frozen=True)
class UserTurn:
    """One user message and the state of the dialogue when it arrived."""

    text: str
    intent: str | None
    mentions: tuple[Mention, ...]
    entities: tuple[dict[str, Any], ...] = ()
    awaiting: str | None = None
    requested_slot: str | None = None
    active_loop: str | None = None
    asked: str | None = None  # SCREENING_SLOT's value: the finding asked about, or AGE_QUESTION
    checkin: int = 0  # how many check-ins had started before this turn
    coached: bool = False  # self-massage coaching had started before this turn: numbers are pressure levels
    coachings: int = 0  # how many times coaching had started before this turn (a new complaint starts afresh)

    @property
    def answer(self) -> Answer | None:
        """The yes/no reading of this message (None when it is neither). To a safety question, "not sure how
        strong to be honest" is unsure of another question (how strong), not of this one: no answer yet."""
        if self.asked and _UNSURE_OF_ANOTHER_QUESTION.search(self.text.lower()):
            return None
        answer = read_yes_no(self.text, self.intent)
        if answer is Answer.YES and self.asked and self.asked != AGE_QUESTION and _ACKNOWLEDGES_ADVICE.match(
                self.text.lower()) and ("?" in self.text or _PLANS_TO_BE_SEEN.search(self.text.lower())):
            # "ok I'll get it checked. can I still do the calf stuff?", "Right. I'll ring the surgery in the
            # morning": the advice heard, no "yes" to a question asked before it
            return None
        if answer is Answer.UNSURE and self.asked and self.asked != AGE_QUESTION and any(
                m.present and m.kind in _FACTS_OF_ANOTHER_QUESTION for m in self.mentions):
            return None  # "not sure, maybe since last week": unsure of how long, the safety question still open
        if answer is Answer.UNSURE and self.asked != AGE_QUESTION and _gives_a_score(self.text):
            return None  # "Hard to say. Maybe 4, maybe 5?": unsure how strong it is, the safety question still open
        return answer

    @property
    def in_pressure_loop(self) -> bool:
        # just after the hold, "lighter now, a 5, it spreads up to my temple" still tells how the pressing feels
        return self.awaiting in NOT_INTAKE_AWAITING or (
            self.awaiting == "checkin_offer" and self.coached and says_where_pressing_sends_it(self.text))

    @property
    def in_checkin(self) -> bool:
        return self.active_loop == CHECKIN_LOOP


# Findings that pressing on a nerve produces for as long as the pressure lasts (a weakness is never one).
_PARAESTHESIA_FINDINGS = frozenset({"bilateral_hand_tingling", "limb_numbness", "limb_numb_weak", "limb_numb_or_weak",
                                    "posture_related_tingling", "finger_numbness_recurring"})
_PARAESTHESIA_WORDS = re.compile(r"numb|tingl|pins and needles|fizz|dead|asleep|buzz|prickl")


# A zing or a shock down the limb while pressing is the tool on a nerve too, unless it comes with what a heart
# attack brings (sweat, sickness, breathlessness, chest pressure): then it is read as said.
_SPREAD_FINDINGS = frozenset({"pain_spreading_arm_jaw", "radicular_pain"})
_NERVE_JOLT = re.compile(r"zing|electric|zap|shock|shoot|tingl|buzz|fizz|pins and needles|nerve")
_HEART_COMPANIONS = re.compile(r"sweat|clammy|sick|nause|vomit|breath|pressure|crush|squeez|"
                               r"tight(?:ness)? in (?:my|the) chest|chest (?:pain|tight)|faint|dizzy|grey|gray")


_UNSURE_OF_ANOTHER_QUESTION = re.compile(
    r"\b(?:not sure|unsure|no idea|dunno|don'?t know|hard to say)\b[^.?!]{0,12}\b"
    r"(?:how (?:strong|bad|long|much|painful|severe)|what (?:it feels|number|score|to rate)|"
    r"the (?:number|score|rating|scale)|(?:out )?of 10|on a scale|(?:put|give|pick) (?:a )?(?:number|score))")


# an acknowledgement of advice that goes on to ask something: no answer to a yes/no safety question
_ACKNOWLEDGES_ADVICE = re.compile(r"^\W*(?:ok|okay|k|right|alright|all right|fair enough|got it|understood|will do)\b"
                                  r"(?!\W*(?:yes|yeah|yep|it is|it does|i have|i do)\b)")


# going to be seen, said after "ok"/"right": "I'll ring the surgery in the morning", "ok, I go to doctor"
_PLANS_TO_BE_SEEN = re.compile(r"\b(?:i'?ll|ill|i will|i'?m going to|im going to|gonna|i go to|i'?m off to|will)\s+"
                               r"(?:\w+\s+){0,2}?(?:ring|call|phone|see|book|go|get|speak|contact|make|doctor|gp|"
                               r"surgery)\b")
# facts of the intake questions: an unsure answer that gives one is unsure of that question, not the safety one
_FACTS_OF_ANOTHER_QUESTION = frozenset({"duration", "activity", "trigger_words", "timing"})


def _gives_a_score(text: str) -> bool:
    """Whether a reply gives a pain score (0-10): a hedge in it is about how strong, not about a safety question."""
    return parse_intensity(text) is not None


def _pressed_nerve(mention: Mention, text: str = "") -> bool:
    low = text.lower()
    if mention.kind == "finding" and mention.value in _SPREAD_FINDINGS and _NERVE_JOLT.search(low) \
            and not _HEART_COMPANIONS.search(low):
        return True
    return (mention.kind == "finding" and mention.value in _PARAESTHESIA_FINDINGS
            and _PARAESTHESIA_WORDS.search(mention.text.lower()) is not None)


def _answer_mentions(turn: UserTurn) -> list[Mention]:
    """What an answer to a safety question or to the age question states."""
    if turn.asked == AGE_QUESTION:
        age = stated_age(turn.text)
        return [Mention(kind="age", value=str(age), text=turn.text)] if age is not None else []
    if not turn.asked:
        return []
    answer = turn.answer
    if answer is Answer.YES:
        return [Mention(kind="finding", value=turn.asked, text="/affirm")]
    if answer is Answer.UNSURE:  # the safer answer, said so by the bot (see action_screen)
        return [Mention(kind="finding", value=turn.asked, text="/unsure")]
    if answer is Answer.NO:
        return [Mention(kind="finding", value=turn.asked, text="/deny", negated=True)]
    return []


def stated_age(text: str) -> int | None:
    """An age given as an answer: "67", "I'm 67", "67 years old"."""
    from bot.nlp.numbers import parse_age

    found = parse_age(text)
    if found:
        return found[0]
    match = _BARE_NUMBER.match(text.lower())
    if match and 1 <= int(match.group(1)) <= 115:
        return int(match.group(1))
    return None


def _times_when_worse(turn: UserTurn) -> bool:
    """A time of day is what makes it worse when it answers that question or says so ("worse in the
    mornings", "mostly when she takes the first steps in the morning"); "a headache most afternoons" only
    says when it comes, so the question is still asked."""
    return turn.requested_slot == "pain_trigger" or bool(_WORSE_CUE.search(turn.text.lower())) or bool(
        _GETTING_UP.search(turn.text.lower()))


# The first steps of the day bring it on: what makes it worse, not only when it comes
_GETTING_UP = re.compile(r"\b(?:(?:first|1st) (?:few )?steps?|(?:first|1st) thing|getting (?:up|out of bed)|out of bed|"
                         r"on waking|"
                         r"when (?:i|she|he) (?:wake|get up|gets up|wakes))\b")


def _is_bare_intensity(mention: Mention, turn: UserTurn) -> bool:
    """A message that is only "6" (or "about 6"): a score unless it answers "how long?" or "what makes
    it worse?" ("5" to "where does it hurt?" is the strength said early); "6/10" or "sore, 6" always is."""
    return mention.kind == "intensity" and bool(_BARE_SCORE.match(turn.text.lower()))


# "for two weeks", "since", "ago": words that make a time the pain's age, even in an answer about what makes it worse
_ONSET_CUE = re.compile(r"\b(?:since|ago|started|began|for (?:about |around |roughly |over |nearly |almost |like |"
                        r"maybe |probably |prob |just |at least |more than |a good )?"
                        r"(?:a|an|\d+|one|two|three|four|five|six|several|a few|a couple of|some) "
                        r"(?:day|week|month|year)s?)\b")


def _activity_length(mention: Mention, turn: UserTurn) -> bool:
    """A time in the answer to "what makes it worse?" ("practice more than 3 hours") is the activity's."""
    return (mention.kind == "duration" and turn.requested_slot == "pain_trigger"
            and not _ONSET_CUE.search(turn.text.lower()))


_OF_THE_PAIN = re.compile(r"\b(?:pain\w*|hurt\w*|sore\w*|ache\w*|aching|agony|it|its|it's|this|that|started|began|"
                          r"since|had it|been)\b")


# A new symptom a time can be said of instead of the pain: "since yesterday it's gone numb round my backside"
_NEW_SYMPTOM = re.compile(r"\b(?:numb\w*|tingl\w*|pins and needles|weak\w*|swell\w*|swollen|bruis\w*|rash|fever\w*|"
                          r"temperature|dizz\w*|faint\w*|blurr\w*|leak\w*|wet (?:myself|the bed)|accident|"
                          r"can'?t feel|cannot feel|lost (?:the )?feeling|no feeling|"
                          r"gone (?:dead|cold|blue|white|floppy)|dropping things|keep dropping|vomit\w*|sick)\b")
_PAIN_WORD = re.compile(r"\b(?:pain\w*|hurt\w*|sore\w*|ache\w*|aching|achy|agony|stiff\w*|throb\w*|twing\w*|"
                        r"niggl\w*)\b")


def _of_a_new_symptom(said: str, text: str) -> bool:
    """Whether the sentence holding this time speaks of a new symptom and not of the pain at all."""
    sentence = next((s for s in re.split(r"[.!?;\n]", text.lower()) if said in s), "")
    return bool(_NEW_SYMPTOM.search(sentence)) and not _PAIN_WORD.search(sentence)


def _said_of_the_pain(mention: Mention, text: str) -> bool:
    """Whether the clause holding this time speaks of the pain ("it's been 3 weeks now, not 2"), or is
    little more than the time itself ("no wait, 3 weeks"); not when it dates a new symptom instead."""
    said = (mention.text or "").lower()
    if not said:
        return True
    if _of_a_new_symptom(said, text):
        return False
    clause = next((c for c in re.split(r"[.!?;,\n]", text.lower()) if said in c), None)
    if clause is None:
        return True
    rest = clause.replace(said, " ")
    return len(rest.split()) <= 2 or bool(_OF_THE_PAIN.search(rest))


@dataclass
class ConversationState:
    """The user turns of a conversation (since its last restart) and what follows from them."""

    turns: list[UserTurn] = field(default_factory=list)
    checkins_agreed: bool = False  # the person agreed to check-ins at some point in this conversation
    # (turns read, index of the turn that began the latest complaint): read once per message, asked often
    _complaint_start: tuple[int, int] | None = field(default=None, repr=False, compare=False)

    def safety_report(self) -> PainReport:
        """Everything said, with the answers to safety questions: what the red-flag rules read."""
        return PainReport.from_messages([*self._safety_mentions(turn), *_answer_mentions(turn)] for turn in self.turns)

    @staticmethod
    def _safety_mentions(turn: UserTurn) -> list[Mention]:
        """Everything said counts, except a pressure level ("that's an 8" while massaging is no pain score)
        and tingling or numbness felt while pressing ("whoa my fingers are tingling"): that is the tool on a
        nerve, a stop sign the coaching answers; said outside the loop it counts as any finding."""
        if turn.in_pressure_loop:
            return [m for m in turn.mentions if m.kind != "intensity" and not _pressed_nerve(m, turn.text)]
        if _about_the_advice(turn):
            # "Why the calf? It's my foot that hurts": the calf is the suggestion's, not a place with its own
            # safety questions; what is said of it ("and it's swollen") still counts
            return [m for m in turn.mentions if m.kind != "region" and not str(m.value).endswith("_named")]
        return list(turn.mentions)

    def intake_mentions(self, turn: UserTurn, coached: bool | None = None,
                        strength_known: bool = True) -> list[Mention]:
        """The mentions of one turn that describe the pain (its place, feeling, strength, ...); `coached` says
        whether coaching had started for the complaint this turn belongs to (by default: in the conversation);
        with the strength not known yet, a bare "idk 5?" to "how long?" answers the strength asked before."""
        coached = turn.coached if coached is None else coached
        if turn.in_pressure_loop or turn.in_checkin or _not_about_the_pain(turn) or (
                _about_the_advice(turn)):
            return [m for m in turn.mentions if m.kind not in INTAKE_KINDS]
        kept = []
        for mention in turn.mentions:
            if mention.kind == "side" and mention.value == "other" and turn.awaiting in _AFTER_THE_INTAKE and (
                    wants_other_muscle(turn.text) or _ANOTHER_MUSCLE.search(turn.text.lower())):
                continue  # "not this muscle. Other one?" to the coaching offer: another muscle, not the other side
            if mention.kind == "intensity" and coached:
                continue  # "ok that's better, a 6" after easing off is a pressure level, not the pain's strength
            if mention.kind == "intensity" and turn.awaiting in _AFTER_THE_INTAKE and not any(
                    m.kind in ("region", "sensation") and m.present for m in turn.mentions):
                continue  # "ow too much like 8" to the coaching offer: how pressing feels, not the pain's strength
            if _is_bare_intensity(mention, turn) and turn.requested_slot in ("pain_duration", "pain_trigger") and (
                    strength_known):
                continue
            if _activity_length(mention, turn):
                continue
            if mention.kind == "age" and turn.asked == AGE_QUESTION:
                continue
            if mention.kind == "timing" and not _times_when_worse(turn):
                continue
            kept.append(mention)
        return kept + [m for m in _answer_mentions(turn) if m.kind == "age"]

    def intake_report(self) -> PainReport:
        """The pain as the person described it, for the intake slots and the ranking.

        Once the pain's age is known, a later time said of something else ("had a little accident
        yesterday", "since this morning his face looks droopy") does not replace it: only one said of
        the pain, or in answer to "how long?", does. A new complaint once the intake is done ("now the
        right calf has started doing the same") starts the report afresh: its own place, feeling,
        strength, time and trigger, asked for again where not said."""
        return self._intake(self.turns)[0]

    @property
    def new_complaint(self) -> bool:
        """A complaint after the first one was told and answered: the intake asks about it afresh."""
        return self._start() > 0

    def _start(self) -> int:
        """The index of the turn that began the latest complaint."""
        if self._complaint_start is None or self._complaint_start[0] != len(self.turns):
            self._complaint_start = (len(self.turns), self._intake(self.turns)[1])
        return self._complaint_start[1]

    def _intake(self, turns: list[UserTurn]) -> tuple[PainReport, int]:
        """The report of the latest complaint, and the index of the turn that began it."""
        messages: list[list[Mention]] = []
        report = PainReport()
        dated = False
        start, coached_before = 0, 0
        strength_asked = False
        for index, turn in enumerate(turns):
            coached = turn.coachings > coached_before
            # "idk 5?" to "how long?" when "how strong?" was asked and went unanswered: the strength, a question late
            waiting = strength_asked and report.intensity is None
            mentions = self.intake_mentions(turn, coached, strength_known=not waiting)
            if index and _starts_a_new_complaint(turn, mentions, report):
                messages, report, dated, start, coached_before = [], PainReport(), False, index, turn.coachings
                strength_asked = False
                mentions = self.intake_mentions(turn, coached=False)
            if dated and turn.requested_slot != "pain_duration":
                mentions = [m for m in mentions if m.kind != "duration" or _said_of_the_pain(m, turn.text)]
            # "since I bought new boots" dates nothing: a length said later ("ten days more or less") still counts
            dated = dated or any(m.kind == "duration" and m.present and m.value != "unknown" for m in mentions)
            strength_asked = strength_asked or turn.requested_slot == "pain_intensity"
            corrected = _same_joint_corrected(mentions, messages)
            messages.append(corrected)
            report.add_message(corrected)
        return report, start

    def _intake_answers(self) -> list[tuple[UserTurn, str, bool]]:
        """Each answer to an intake question: the turn, the slot asked, and whether it gave that fact."""
        answers = []
        for turn in self.turns[self._start():]:
            slot = turn.requested_slot
            if not slot or turn.awaiting or turn.asked or slot not in _KINDS_FOR_SLOT:
                continue
            said = {m.kind for m in self.intake_mentions(turn) if m.present}
            answers.append((turn, slot, bool(said & _KINDS_FOR_SLOT[slot])))
        return answers

    def unknown_answers(self) -> set[str]:
        """Intake slots the person does not know ("not sure" to "how long?") or could not answer.

        A question asked twice in a row without its answer, or with nothing else told either, is not asked a
        third time: the intake moves on. One answered with other facts instead ("it builds up over the
        afternoon" to "how strong?") is asked once more, as a person would, but never a fourth time. Where it
        hurts is needed to help at all, so that one is given up only when an area was named ("my shoulder"):
        the area then stands for the place.
        """
        vague = self.intake_report().vague_regions
        unknown = set()
        previous_slot: str | None = None
        misses = quiet_misses = 0  # unanswered asks of the same question in a row; those that told nothing else
        in_words = self.answers_in_words()
        for turn, slot, gave_it in self._intake_answers():
            unanswered = not gave_it and slot not in in_words
            told = [m for m in self.intake_mentions(turn) if m.present and m.kind in INTAKE_KINDS]
            # "no idea", "not sure": but not "wait no, it's the right one" (a correction, with facts)
            # ... or "not sure how to describe it. It comes when I do night duty": unsure of this one, another told
            said_unknown = turn.answer in (Answer.UNSURE, Answer.NO) and (
                not told or bool(_CANNOT_SAY_IT.search(turn.text.lower())))
            if slot != previous_slot:
                misses = quiet_misses = 0
            if unanswered:
                misses += 1
                quiet_misses += not told
            else:
                misses = quiet_misses = 0
            may_give_up = slot != "pain_location" or bool(vague)
            if unanswered and (said_unknown or (may_give_up and (quiet_misses >= 2 or misses >= 3))):
                unknown.add(slot)
            previous_slot = slot
        if vague and self.area_asked_about():
            unknown.add("pain_location")  # "my foot" then "where on the foot?" once: the area stands for the place
        return unknown

    def area_asked_about(self) -> bool:
        """Was the person asked where in an area after naming only the area ("my left shoulder kills")?

        A coach asks once which part of the shoulder; an answer that does not say ("achey n stiff", "left
        foot") leaves the area standing for the place rather than asking again and again."""
        named = False
        for turn in self.turns[self._start():]:
            if named and turn.requested_slot == "pain_location" and not turn.awaiting and not turn.asked:
                return True
            named = named or any(m.kind == "region" and m.vague and m.present for m in self.intake_mentions(turn))
        return False

    def answers_in_words(self) -> dict[str, str]:
        """What makes it worse (or what it feels like), in the person's own words when the bot knows no
        word for it.

        "after my climbing sessions" or "when I play the cello" answers the question even though
        no vocabulary names it; the intake keeps the words (for the person's summary and the
        therapist) instead of asking again. Only a short statement counts: not a yes/no, not a
        question, and not a message that describes the pain itself.
        """
        found: dict[str, str] = {}
        unasked = self._likeness_said_unasked()
        if unasked:
            found["pain_quality"] = unasked
        for turn, slot, gave_it in self._intake_answers():
            said = [m.text.lower() for m in turn.mentions if m.present and m.text and m.kind in _SAYS_HOW_IT_IS]
            extra = _doing_said_beside(turn.text, said) if gave_it and slot != "pain_trigger" else None
            if extra and not any(m.present and m.kind in ("activity", "trigger_words") for m in turn.mentions):
                found.setdefault("pain_trigger", extra)  # "month. forkin silage" to "how long?": both told
            if gave_it or turn.answer is not None or _IS_A_QUESTION.search(turn.text) or turn.intent in _NOT_AN_ANSWER:
                continue
            if slot == "pain_quality":  # "like someone's sat on it", "weird, like a band round it"
                likeness = _LIKENESS.search(turn.text)
                if likeness:
                    found[slot] = likeness.group(0).strip(" .!")[:80]
                continue
            if slot != "pain_trigger":
                continue
            words = turn.text.split()
            # a description of the pain is no answer to this question; a body part or a time in an activity
            # is ("writing on the whiteboard, arm up all day", "practice more than 3 hours")
            described = {m.kind for m in turn.mentions if m.present} & {"sensation", "intensity", "finding"}
            only_a_place = any(m.kind == "region" and m.present for m in turn.mentions) and len(words) <= 3
            one_thing = len(words) == 1 and bool(_A_DOING_OR_THING.fullmatch(turn.text.strip(" .!").lower()))
            if (len(words) > 1 or one_thing) and len(words) <= _MAX_WORDS_IN_ANSWER and not described and (
                    not only_a_place):
                found[slot] = " ".join(words).strip(" .!")[:80]
        return found

    def _likeness_said_unasked(self) -> str | None:
        """What it feels like told by a likeness before being asked ("both my shoulders are like concrete",
        "feels like stepping on a nail"): kept in the person's words, so the question is not asked."""
        for turn in self.turns[self._start():]:
            if turn.requested_slot or turn.awaiting or turn.in_checkin or turn.intent in _NOT_AN_ANSWER:
                continue
            likeness = _LIKENESS_UNASKED.search(turn.text)
            if likeness:
                return likeness.group("like").strip(" .!")[:80]
        return None

    def unsure_findings(self) -> set[str]:
        """Findings the person was not sure about when asked (treated as present, to be safe)."""
        return {turn.asked for turn in self.turns
                if turn.asked and turn.asked != AGE_QUESTION and turn.answer is Answer.UNSURE}

    def checkin_turns(self) -> list[UserTurn]:
        """The turns of the latest check-in."""
        latest = max((t.checkin for t in self.turns), default=0)
        return [t for t in self.turns if t.in_checkin and t.checkin == latest and latest > 0]

    @property
    def latest(self) -> UserTurn | None:
        return self.turns[-1] if self.turns else None


_DOING_CLAUSE = re.compile(r"(?!(?:aching|burning|throbbing|stabbing|shooting|tingling|pulsing|pounding|getting|going|"
                           r"coming|killing|hurting|morning|evening|nothing|something|anything|everything|feeling|"
                           r"increasing|worsening|improving|starting|lasting|being|having|thinking|wondering)\b)"
                           r"[a-z]{3,}(?:ing|in'?)(?:\s+[a-z][a-z'\-]*){0,4}")


_SAYS_HOW_IT_IS = frozenset({"sensation", "region", "intensity", "duration", "finding"})


def _doing_said_beside(text: str, said: list[str]) -> str | None:
    """A doing said as its own item beside the fact asked for ("month. forkin silage", "5, lifting patients"): what
    makes it worse, told before it was asked; not an item that says how it hurts ("nagging ache")."""
    items = [item.strip().lower() for item in re.split(r"[.,;!\n]+", text) if item.strip()]
    if len(items) < 2:
        return None
    return next((item for item in items[1:] if _DOING_CLAUSE.fullmatch(item) and not any(
        words in item for words in said)), None)


_MAX_WORDS_IN_ANSWER = 16
# one word that can name what makes it worse ("bouldering", "ceilings", "tamping"), not a reply word or a button
_A_DOING_OR_THING = re.compile(r"(?!(?:more|less|good|stop|done|what|huh|pardon|sorry|help|hello|thanks|cheers|fine|"
                               r"same|better|worse|nothing|dunno|none|unsure|maybe|perhaps|again|sharp|ouch)$)"
                               r"[a-z][a-z'\-]{3,24}")
# A feeling described by a likeness: "like someone's sat on it", "as if it's bruised", "like a band round my head"
_LIKENESS = re.compile(r"\b(?:like|as if|as though)\s+(?:a|an|someone|somebody|something|i|it|my|there|the|\w+ing)\b"
                       r"[^.,;!?]{2,40}", re.IGNORECASE)
# the same said unasked, after a word that makes it the pain's ("are like concrete", "feels like a nail in it"); not a
# number or a time ("like a 4", "like 3 weeks") nor a change ("feels like it's getting worse")
_LIKENESS_UNASKED = re.compile(
    r"\b(?:feels?|felt|feeling|is|are|it'?s|its|they'?re|hurts?|aches?)\s+(?:just\s+|a\s+bit\s+|kind\s+of\s+)?"
    r"(?P<like>(?:like|as if|as though)\s+(?!(?:a|an)?\s*\d|\d|i said|it'?s getting|it is getting|it gets|"
    r"(?:a|an|the)\s+(?:while|bit|week|month|year|day|few)\b)[a-z][^.,;!?]{2,40})", re.IGNORECASE)
# "can I see a physio please" to "what makes it worse?" asks something; it answers nothing
_IS_A_QUESTION = re.compile(r"\?|^\s*(?:can|could|would|will|should|do|does|did|is|are|what|why|how|when|where|who|"
                            r"which)\b", re.IGNORECASE)
_NOT_AN_ANSWER = QUESTION_INTENTS | COMMAND_INTENTS | {"greet", "goodbye", "thank"}
# Requests about the service, whose times and places are not the pain's ("pause them, I'm away for 2 weeks").
_NOT_ABOUT_THE_PAIN = frozenset({"checkin_manage", "give_email", "delete_data"})
def _not_about_the_pain(turn: UserTurn) -> bool:
    """An email, a deletion or a check-in command: its places and numbers are no facts of the pain ("shins r killin
    me" heard as a check-in command is the pain: the same reading as the dialogue's, bot/dialogue/decide.py)."""
    if asks_off_topic(turn.intent, turn.text, turn.mentions):
        return True  # "while I have you, can you recommend a good mattress?": a question, its bed no cause
    return turn.intent in _NOT_ABOUT_THE_PAIN and (turn.intent != "checkin_manage" or talks_of_checkins(turn.text))


# So are questions about the advice once it is given ("why those? the first one is on my shoulder blade"):
# the places they name are the muscles', not new places that hurt.
_ABOUT_THE_ADVICE = frozenset({"ask_why", "ask_trigger_point", "ask_how_massage", "ask_stretch"})


# the same pain moving on ("it goes down into my foot now"): no new complaint
_SPREADING = re.compile(r"\b(?:spread\w*|radiat\w*|goes (?:down|up|into|to)|going (?:down|up|into)|travels?|"
                        r"shoots? (?:down|up|into))\b")


def _starts_a_new_complaint(turn: UserTurn, mentions: list[Mention], report: PainReport) -> bool:
    """Once the intake is done and answered, a place not held before, said with how it hurts or as news ("and
    now my right knee is sore too"): a new complaint, not more about the first one."""
    if turn.requested_slot or turn.asked or turn.in_pressure_loop or turn.in_checkin or _about_the_advice(turn):
        return False
    if _not_about_the_pain(turn) or not report.regions or _TALKS_OF_THE_PRESSING.search(turn.text.lower()):
        return False  # "it's probably just from pressing on the neck isn't it": the self-massage, not a new pain
    if not (turn.coached or turn.awaiting in _AFTER_THE_INTAKE):
        return False
    if any(m.present and (m.kind == "correction" or (
            m.kind == "finding" and not m.value.endswith("_named") and m.value not in _NO_SYMPTOM)) for m in mentions):
        return False  # a correction of the place, or a new symptom of this pain (numb, weak): not a new complaint
    held = dict(report.regions)
    places = [m for m in mentions if m.kind == "region" and m.present]
    # the first pain said to be over: "the neck is fine now, but my heel...", "the hamstring is much better, but..."
    settled = _OLD_PAIN_SETTLED.search(turn.text.lower()) is not None or any(
        m.kind == "region" and m.negated and m.value in held for m in mentions)
    known = [m for m in places if m.value in held and (not m.side or m.side == held[m.value])]
    if not places or (known and (len(known) == len(places) or not settled)):
        return False  # more about the first pain
    told = any(m.kind in ("sensation", "intensity") and m.present for m in mentions) or tells_of_another_pain(
        turn.text) or settled
    return told and not _SPREADING.search(turn.text.lower())


_NO_SYMPTOM = frozenset({"injury_settling"})  # findings that tell of no new symptom ("much better")


# unsure of the question asked itself, whatever else follows: "not sure how to describe it", "hard to say really"
_CANNOT_SAY_IT = re.compile(r"\b(?:how to (?:describe|explain|say|put)|hard to (?:describe|explain|say|put)|"
                            r"(?:can'?t|cannot|don'?t know how to) (?:describe|explain|put it))\b")


# the first pain said to be over, beside a new place: "the neck is fine now, but my heel hurts"
_OLD_PAIN_SETTLED = re.compile(r"\b(?:is|are|'s|feels?|feeling|got|been)\s+(?:\w+\s+)?(?:fine|better|good|ok|okay|gone|"
                               r"sorted|settled|healed|cured|much easier|all right|alright)\b")


_TALKS_OF_THE_PRESSING = re.compile(r"\b(?:pressing|pressed|the press|massag\w*|rubbing|the ball|the roller|"
                                    r"foam roll\w*|leaning on)\b")


def _about_the_advice(turn: UserTurn) -> bool:
    """A question about the suggestions once given, heard by the classifier or in the words ("why the calf?")."""
    return bool(turn.awaiting) and (turn.intent in _ABOUT_THE_ADVICE or asks_why_these(turn.text))


_KINDS_FOR_SLOT = {"pain_location": {"region"}, "pain_quality": {"sensation"}, "pain_intensity": {"intensity"},
                   "pain_duration": {"duration"}, "pain_trigger": {"activity", "timing", "trigger_words"}}


def _same_joint_corrected(mentions: list[Mention], earlier: list[list[Mention]]) -> list[Mention]:
    """"Left knee, inner side" then "Apologies, it is the RIGHT knee": a correction that names the same joint
    by its bare word changes the side, not the part said before (the inside of the right knee)."""
    if not any(m.kind == "correction" and m.present for m in mentions):
        return mentions
    said = [m.value for message in earlier for m in message
            if m.kind == "region" and m.present and (m.text or "").lower().strip() not in BARE_JOINT_WORDS]
    fixed = []
    for mention in mentions:
        if mention.kind == "region" and mention.present and (mention.text or "").lower().strip() in BARE_JOINT_WORDS:
            family = mention.value.split("_")[0]
            part = next((region for region in reversed(said) if region.split("_")[0] == family), None)
            if part:
                mention = replace(mention, value=part)
        fixed.append(mention)
    return fixed


def _event_kind(event: Any) -> str:
    if isinstance(event, dict):
        return str(event.get("event"))
    return {"UserUttered": "user", "SlotSet": "slot", "ActiveLoop": "active_loop", "ActionExecuted": "action",
            "Restarted": "restart", "SessionStarted": "session_started", "BotUttered": "bot",
            "UserUtteranceReverted": "rewind"}.get(type(event).__name__, "")


# The coaching action's answers that start no coaching: a clinician should look first
_COACHING_REFUSED = frozenset({"utter_see_doctor_before_massage", "utter_no_coaching_now"})


def _field(event: Any, name: str) -> Any:
    return event.get(name) if isinstance(event, dict) else getattr(event, name, None)


def _action_name(event: Any) -> Any:
    """An executed action's name: "name" in rasa-sdk's event dicts, `action_name` on Rasa's objects."""
    return event.get("name") if isinstance(event, dict) else getattr(event, "action_name", None)


def read_state(events: Iterable[Any]) -> ConversationState:
    """Walk the events in order, keeping the slots that give each user message its meaning.

    Pass every event (`tracker.events`), not Rasa's `applied_events()`: for featurisation that
    folds a form's happy path into one step and drops the user messages in between, and with them
    the facts and findings they stated. A rewound message is dropped here as Rasa would.
    """
    state = ConversationState()
    slots: dict[str, Any] = {}
    loop: str | None = None
    checkins = 0
    coachings = 0
    last_action: Any = None
    unanswered: int | None = None  # the user turn the bot is still answering (none once it listens again)
    for event in events:
        kind = _event_kind(event)
        if kind == "action":
            last_action = _action_name(event)
            if last_action == "action_listen":
                unanswered = None
        if kind == "restart":
            state, slots, loop, checkins, coachings = ConversationState(), {}, None, 0, 0
            unanswered = None
        elif kind == "rewind" and state.turns:
            state.turns.pop()
            unanswered = None
        elif kind == "slot":
            name = _field(event, "name") if isinstance(event, dict) else _field(event, "key")
            slots[str(name)] = _field(event, "value")
        elif kind == "active_loop":
            if _field(event, "name") == CHECKIN_LOOP and loop != CHECKIN_LOOP and unanswered is not None and (
                    state.turns[unanswered].active_loop is None):
                # "hello again, it's a lot better, a 2 now, the stretching helped" opened this check-in: it
                # answers the check-in, and it is no new strength for the first complaint
                state.turns[unanswered] = replace(state.turns[unanswered], active_loop=CHECKIN_LOOP, checkin=checkins)
            loop = _field(event, "name")
        elif kind == "action" and _action_name(event) == "action_checkin_start":
            checkins += 1
        elif kind == "action" and _action_name(event) == "action_schedule_checkin":
            state.checkins_agreed = True
        elif kind == "action" and _action_name(event) == "action_coach_massage":
            coachings += 1
        elif kind == "bot" and last_action == "action_coach_massage" and (
                _field(event, "metadata") or {}).get("utter_action") in _COACHING_REFUSED:
            coachings = max(0, coachings - 1)  # "please get checked before any deep self-massage": none started
        elif kind == "user":
            data = _field(event, "parse_data") or {}
            state.turns.append(UserTurn(
                text=str(_field(event, "text") or ""),
                intent=(data.get("intent") or {}).get("name"),
                mentions=tuple(Mention.from_dict(m) for m in data.get(MENTIONS_KEY) or []),
                entities=tuple(data.get("entities") or ()),
                awaiting=slots.get(AWAITING_SLOT), requested_slot=slots.get("requested_slot") if loop else None,
                active_loop=loop, asked=slots.get(SCREENING_SLOT), checkin=checkins, coached=coachings > 0,
                coachings=coachings))
            unanswered = len(state.turns) - 1
    return _about_the_patient(state)


def _about_the_patient(state: ConversationState) -> ConversationState:
    """When a carer writes for the patient, what they say of the patient is the patient's own."""
    mentions = as_the_patient([(turn.text, turn.mentions) for turn in state.turns])
    state.turns = [replace(turn, mentions=tuple(said)) for turn, said in zip(state.turns, mentions, strict=True)]
    return state
