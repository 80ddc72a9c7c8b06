"""What the bot does next when the person answers something it asked: the dialogue state decides.

A reply means what it means to the question before it: "yes" to the coaching offer starts coaching,
"more like 6 now" in the pressure loop is a pressure level, "not right now, perhaps another time" to
the check-in offer declines it. The intent classifier alone cannot know that; this module maps the
state plus the words to the next action, or to None when the message is not an answer (a command, a
new question, a new complaint) and the rules and forms decide as usual. Pure: the context policy
(bot/rasa/policies/context.py) is a thin adapter around `decide`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any, Iterable

from bot.nlp.replies import (
    QUIT_THE_CHECKINS,
    SCRAP_THE_CHECKINS,
    Answer,
    asks_about_medicines,
    asks_for_a_diagnosis,
    asks_how_often,
    asks_if_a_bot,
    asks_if_massage_is_safe,
    asks_to_be_taken_through,
    asks_to_carry_on,
    asks_what_a_trigger_point_is,
    asks_where_to_press,
    asks_why_these,
    comes_back_later,
    delays_help,
    find_email,
    goes_for_help_now,
    helped_said_to_the_question,
    is_about_the_bot,
    is_closing,
    is_farewell,
    only_acknowledges,
    read_checkin_action,
    read_helped,
    read_offer_reply,
    read_pressure,
    read_trend,
    read_yes_no,
    reports_pressing_already,
    says_where_pressing_sends_it,
    talks_of_checkins,
    tells_of_another_pain,
    wants_deletion,
    wants_other_muscle,
    wants_professional,
    wants_stretch_instead,
)
from bot.nlp.when import requested_checkin_days
from core.types import Mention, Pressure

__all__ = ["AWAITING", "COMMAND_INTENTS", "QUESTION_INTENTS", "Situation", "decide"]

# What the bot's last question was about (the `awaiting` slot); forms use `requested_slot` instead.
AWAITING = ("screening", "age", "coach_offer", "pressure", "checkin_offer", "email", "anything_else")
# Requests that mean the same at any moment: the rules answer them, whatever was asked.
COMMAND_INTENTS = frozenset({"delete_data", "checkin_manage", "ask_professional", "bot_challenge", "non_english",
                             "restart", "checkin_start", "session_resumed"})
# Questions the person may ask instead of answering; the rules answer, and the pending question stays.
QUESTION_INTENTS = frozenset({"ask_why", "ask_trigger_point", "ask_how_massage", "next_candidate", "ask_caution",
                              "ask_stretch", "ask_professional"})
SURE = 0.6  # intent confidence above which a command or question wins over a context reading
_CHECKIN_COMMANDS = frozenset({"checkin_start", "checkin_manage", "session_resumed"})
_TOOL_WORDS = frozenset({"thumb", "fingers", "hand_back", "palm", "wrist_back", "wrist_front", "elbow_back"})


_INTAKE_FACTS = frozenset({"region", "sensation", "intensity", "duration", "activity", "timing", "trigger_words",
                           "side"})
_WHY_NOT = re.compile(r"\bwhy not\b|\bwhy the hell not\b|\bnot a bad idea\b")  # a yes with a "not" in it
_REFUSAL = re.compile(r"\b(?:no|nah|nope|not|don'?t|dont|never|without)\b")
_MASSAGE_PLEASE = re.compile(r"\b(?:show (?:me|us)|guide (?:me|us)|talk (?:me|us) through|do the|try the|"
                             r"go on with the)\b.*\bmassag|"
                             r"\bmassag\w*\b.*\b(?:please|then|after all|go on)\b|"
                             # "actually wait go on show me the first one" after saying no to the massage
                             r"\b(?:show|take|walk|talk|guide) (?:me|us) (?:through )?"
                             r"(?:the first|that first|the massage|how)\b")
_STOPS_CHECKINS = re.compile(r"\bno need to keep|\bon the head\b|"
                             r"\b(?:can|could|would|will|please)(?: (?:you|u|ya|ye))?(?: please| pls| just)? stop "
                             r"(?:now|them|these|those|the messages|asking|checking|the check|the remind|all)|"
                             # "actually no just stop them all", "would you mind stopping the reminders now?"
                             r"\b(?:just|please|pls) stop (?:them|these|those)\b|\bmind stopping\b|"
                             r"\bstop(?:ping)? (?:all )?(?:the |these |my |of the )?remind|"
                             rf"\b{SCRAP_THE_CHECKINS}|"
                             rf"\b(?:{QUIT_THE_CHECKINS})|"
                             r"\bstop (?:the |these |my )?(?:check|messag|asking|texting)|"
                             # "bro stop sending these im fine now", "stop pinging me"
                             r"\bstop (?:sending|texting|messaging|pinging|bugging|bothering|hassling) (?:me |us )?"
                             r"(?:these|them|those|the|messages|texts|me|us)\b|"
                             r"\bno more (?:check|messag|asking)|\bunsubscribe\b|\bcancel (?:the |these |my )?check|"
                             r"\b(?:don'?t|do not|no longer) need (?:the |those |these |any |your |them )?(?:wee )?"
                             r"(?:messages|check[- ]?ins|reminders)|"
                             # "you don't need to keep checking on me", "no need to dey check on me again"
                             r"\b(?:no|don'?t|dont|do not) need (?:for you )?to (?:keep |dey |be |go on )?"
                             r"(?:check\w*|messag\w*|text\w*|remind\w*)|"
                             r"\b(?:don'?t|dont|do not) (?:bother )?(?:check\w*|messag\w*|text\w*) "
                             r"(?:on |in on |up on )?me")
# a deletion the classifier heard must say so in some word: deleting cannot be undone
# (a verb: "help with my history essay" or "what data do you keep?" names the thing, not the deleting)
_DELETION_WORD = re.compile(r"\b(?:delet\w*|eras\w*|wip\w*|forget|forgotten|remov\w*|scrub\w*|bin|binned|purg\w*|"
                            r"get rid|destroy\w*|nuke\w*|shred\w*|expung\w*)\b")
_CONFIRM_DELETE = re.compile(r"\b(?:confirm|delete|erase|wipe|remove|all of it|everything|the lot|forget)\b")
_FINE_THANKS = re.compile(r"(?:good|great|perfect|lovely|brilliant|grand|fab|super|sound|ace|gg|thank you|"
                          r"thanks|ty|thx|ta|ok|okay|k|kk|cool|right|alright|fine|nice|noted|got it|👍|👌|"
                          r"(?:ok|okay|cool|right|alright) (?:then|cool|great|good))(?: thanks| thank you| ta)?")
_THANKS_ONLY = re.compile(r"^(?:(?:ok|okay|k|cool|great|nice|right|sound|ah|oh)\W+)?(?:thx|ty|thanks|thank you|ta|"
                          r"cheers|thank u|tnx)\W*$")
_SAYS_THANKS = re.compile(r"\b(?:thanks|thank you|thank u|ta|cheers|thx|grateful)\b")
_ASKED_FIRST = frozenset({"ask_trigger_point", "ask_why", "ask_caution"})
# a carer asking to do it for the person: "Can I do the massage for him rather than him doing it himself?"
_MASSAGES_FOR_THEM = re.compile(r"\b(?:can|could|should|may|shall) (?:i|we) (?:do|give|try|press|rub|massage)\b"
                                r"[^.!?]{0,25}\b(?:for|on) (?:him|her|them|my (?:husband|wife|partner|son|daughter|"
                                r"mum|mom|dad|mother|father|child|kid|boy|girl|gran|grandma|grandad|grandpa))\b")
_TRY_IT = re.compile(r"\b(?:try|show|start|first one|guide|coach|massage|have a go|give it a go|"
                     r"(?:let'?s|lets) (?:do|go)|do it)\b")
# "I'll try gently then", "let me give it a go": the coaching offer taken up in the person's words ...
_WILL_TRY_NOW = re.compile(r"\b(?:i'?ll|ill|i will|let me|let'?s|lets|we'?ll) (?:try|give it a (?:go|try|whirl)|"
                           r"have a go)(?: it| that| this)?"
                           r"(?:\W+(?:gently|carefully|lightly|softly|slowly|now|then|please|with you))*\W*$")
# ... unless it is for later or alone ("I'll try it myself at home tonight")
_ON_MY_OWN = re.compile(r"\b(?:myself|on my own|by myself|at home|later|tomorrow|tonight|another time|some time|"
                        r"when i|next time|stretch\w*)\b")
# Words of leaving, not of answering: "bye", "gotta go", "I'm off" (a "no thanks" may answer a form's question)
_LEAVES = re.compile(r"\b(?:bye+|goodbye|cya|see ya|see you|gtg|g2g|got to go|gotta go|i'?m off|ta-ra|tara|cheerio|"
                     r"laters|ttyl|that'?s all|that is all|that'?s everything|that'?s me)\b")
# Everything said: "that's it", "that's all", "nothing else"
_ALL_SAID = re.compile(r"\b(?:that'?s it|thats it|that'?s all|thats all|that is all|nothing else|that'?s everything|"
                       r"that'?s me|all good|all done)\b")
# The bot's turns after the suggestions that leave them standing: an answer to a question about them
_AFTER_THE_SUGGESTIONS = ("action_suggest_muscles", "action_explain_why", "action_answer_caution",
                          "action_explain_trigger_point", "utter_no_diagnosis", "action_next_candidate")
_THEN_YES = re.compile(r"\b(?:then|in that case|if so)\W+(?:yes|yeah|yep|ok|okay|sure|go on)\b")  # "ta. then yes"
_BACK_TO_THE_MASSAGE = re.compile(r"\b(?:continue|carry on|go on|resume|get back to|back to|pick up|finish)\b"
                               r"(?: \w+){0,2} (?:massag\w*|pressing|the coaching|where we (?:left|were|stopped))")
_WHY_FIRST = re.compile(r"^\W*(?:but |and |so |ok |okay )?(?:why|how come)\b")
_LATER = re.compile(r"\b(?:maybe later|later maybe|try (?:it |that |this )?later|(?:do|give) it a go later|"
                    r"(?:have a go|have a try|give it a go|do it|try it)(?: \w+){0,2} later|"
                    r"later on|another time|tomorrow|tonight|when (?:he'?s|she'?s|i'?m|i get|the baby)|after work|"
                    r"sleep on it|think (?:about it|it over)|have a think|come back (?:to it|later|if|when|another))\b")
_GETTING_CHECKED = re.compile(
    r"\?|\b(?:wait|tomorrow|next week|monday|bother|fuss|waste|really need|worried|worry|serious|a ?& ?e|a and e|"
    r"gp|doctor|surgery|minor injuries|walk-?in|111|urgent care|hospital|instead|meantime|meanwhile|in the mean ?time|"
    r"just (?:rest|stretch|take|put|rub|ice|leave)|paracetamol|ibuprofen|calpol|frozen peas|ice|hot water bottle|"
    r"sleep it off|see how it goes|only (?:a|an|the)|just (?:a|an|the)|probably (?:just|nothing)|nothing serious|"
    r"flu|a bug|a virus|overreact\w*|necessary)\b")
# going to be seen, in a goodbye: "I'll book in", "ringing the GP", "my son will drive me there"
_GOES_TO_BE_SEEN = re.compile(r"\b(?:book\w*|ring\w*|call\w*|phon\w*|appointment|see (?:the|a|my) \w+|drive me|"
                              r"take me|gp|doctor\w*|surgery|physio\w*|clinic|hospital|a ?& ?e|111|999)\b")
# a doubt about being checked, said while a form asks its question: "do I really need to?"
_DOUBTS_GOING = re.compile(r"\b(?:(?:really|actually|honestly) (?:need|have|got) to|is (?:it|that|this) (?:really )?"
                           r"(?:necessary|needed|serious)|(?:that|so) serious|overreact\w*|waste (?:of )?(?:their|the|"
                           r"a|his|her) (?:time|doctor)|can'?t i just|must i|do i have to|"
                           r"should i (?:really|bother))\b")
# how the pressing feels, said after the loop has moved on ("omg yes that's it 6", "ahh right there")
_PRESSURE_CUES = re.compile(
    r"\b(?:right there|that'?s it|thats it|the spot|good ache|good hurt|nice ache|aches? nicely|pressure|pressing|"
    r"press|feels? (?:good|nice|right|great|lovely|better)|doing (?:some |me )?good|lighter|harder|bit much|"
    r"too much|ow+|ouch)\b")
_ABOUT_CHECKINS = re.compile(
    r"\b(?:check|checking|in touch|remind\w*|message|text|email|days?|weeks?|contact|follow)\b")


@dataclass(frozen=True)
class Situation:
    """Everything `decide` looks at, taken from the tracker after a user message."""

    text: str
    intent: str | None = None
    confidence: float = 1.0
    entities: tuple[dict[str, Any], ...] = ()
    mentions: tuple[Mention, ...] = ()
    awaiting: str | None = None
    active_loop: str | None = None
    loop_rejected: bool = False  # the active form found nothing it needs in this message
    loop_stale: bool = False  # the form found nothing in an earlier message and has not run since
    concern_due: bool = False
    band: tuple[int, int] = (5, 7)
    requested_slot: str | None = None  # the form's pending question
    typed: bool = True  # words the person typed (not a button payload, not the scheduler's trigger)
    checkins_agreed: bool = False  # check-ins were scheduled in this conversation
    coaching_open: bool = False  # a muscle is being coached (kept after a stop sign, cleared once held)
    coached: bool = False  # self-massage coaching started earlier in this conversation
    triage: str | None = None  # the conversation's triage level so far ("urgent", "see_doctor", ...)
    just_deleted: bool = False  # the conversation was deleted and this is the first message since
    previous_action: str | None = None  # the bot's last action before this message ("utter_goodbye")

    def entity(self, name: str) -> str | None:
        return next((str(e.get("value")) for e in self.entities if e.get("entity") == name), None)

    @property
    def may_ask_aside(self) -> bool:
        """Typed, and no safety question, age question or check-in is waiting for its answer: a question or
        request said now is answered for itself."""
        return self.typed and self.awaiting not in ("screening", "age") and self.active_loop != "checkin_form"

    @property
    def sure(self) -> bool:
        return self.confidence >= SURE and self.intent not in (None, "nlu_fallback")

    @property
    def describes_pain(self) -> bool:
        """A message about the pain itself (a place or a feeling) whose intent the classifier missed.

        "hi, my neck's been killing me" read as a greeting, or a long story read as nothing at all, is
        still a description: the intake starts (and keeps its facts) instead of a greeting or a
        "sorry, I didn't catch that". Questions and commands keep their own answers; after the
        intake, only a place said with how it hurts is a new complaint.
        """
        if _rules_answer_it(self):
            return False
        tools = _TOOL_WORDS if self.coached or self.coaching_open else frozenset()  # before coaching a thumb is a place
        place = any(m.kind == "region" and m.present and m.value not in tools for m in self.mentions)
        feeling = any(m.kind in {"sensation", "intensity"} and m.present for m in self.mentions)
        if self.awaiting:  # later on, "thanks, my neck feels better" is not a new complaint
            return place and feeling
        return place or feeling

    @property
    def pressing(self) -> bool:
        """A muscle is being pressed, or was just held and the check-in offer came after it."""
        return self.coaching_open or (self.coached and self.awaiting == "checkin_offer")

    @property
    def new_pain_place(self) -> bool:
        """A place that is not the massaging hand, said together with how it hurts; while coaching, not
        where the tool was moved to ("moved a bit up the arm, a good 6")."""
        places = [m for m in self.mentions if m.kind == "region" and m.present and m.value not in _TOOL_WORDS]
        feeling = any(m.kind in {"sensation", "intensity"} and m.present for m in self.mentions)
        if self.pressing and (_MOVED_THE_TOOL.search(self.text.lower()) or says_where_pressing_sends_it(self.text)):
            return False
        return bool(places) and feeling


_MOVED_THE_TOOL = re.compile(r"\b(?:moved?|moving|shifted|shift(?:ing)?|slid|sliding|rolled|rolling|went|gone|"
                             r"tried) (?:(?:it|the ball|my thumb|a bit|a little|a touch|slightly)\s+){0,3}"
                             r"(?:up|down|along|higher|lower|over|across|further|closer|in|out)\b")
_BAD_TIME = re.compile(r"\b(?:not a good time|bad time|busy (?:right )?now|ask me (?:again )?(?:tomorrow|later|another|"
                       r"next)|can'?t (?:talk|chat|do this) (?:now|right now)|another time|some other time)\b")


def _puts_off_the_checkin(s: Situation) -> bool:
    """Inside a check-in, a request to pause, move or stop it rather than an answer to its question."""
    if _STOPS_CHECKINS.search(s.text.lower()):
        return True  # "much better now, so there's no need to keep asking after me": said plainly, whatever else
    if _BAD_TIME.search(s.text.lower()):
        return True  # "sorry not a good time, can you ask me tomorrow instead?"
    if read_trend(s.text) is not None or any(m.kind in ("intensity", "finding") and m.present for m in s.mentions):
        return False  # "Since Saturday my foot slaps down when I walk" tells something new, whatever day it names
    # not "stop": "no more pain" or "no thanks" answer the question; a real stop is a check-in command
    return read_checkin_action(s.text) in ("reschedule", "pause")


# words that put a pause or a resume in words about the check-ins, not "that's all for now"
_PAUSE_WORD = re.compile(r"\b(?:pause|hold off|on hold|put (?:them|it|these) off)")
_ABOUT_BEING_AWAY = re.compile(r"\bcheck|\bmessag|\btext|\bremind|\baway\b|\bholiday|\buntil\b|\btill?\b|\bback\b|"
                               r"\btravel|\bon ice\b|\bon hold\b|\bpause|\bresume")
# words about being checked in on; not a medical "check-up" or "checked by the GP"
# (not "I'll go get it check today": to be checked by a doctor)
_CHECKIN_WORDS = re.compile(r"(?<!get it )(?<!got it )(?<!have it )(?<!get him )(?<!get her )"
                            r"\bcheck(?![- ]?ups?\b|ed\b|ing (?:it|my|the|with)\b)|\bin touch\b|\bremind|"
                            r"\bfollow[- ]?up|\bmessag\w* me\b|\btext\w* me\b|\bcontact\w* me\b")



# a goodbye until the next check-in: "talk next week so", "speak to you then", "see you next week"
_SEE_YOU_THEN = re.compile(r"\b(?:talk|speak|chat|see you|catch you|hear from you)\b[^.?!]{0,15}\b"
                           r"(?:next week|then|soon|next time)\b")
# come to give the check-in: "I am due to tell you how it's getting on", "here for my check-in", "time for my update"
_COMES_FOR_THE_CHECKIN = re.compile(r"\b(?:due to (?:tell|update|report)|(?:here|back|time) for (?:my|the|our) "
                                    r"(?:check[- ]?in|update|follow[- ]?up)|"
                                    r"(?:my|the) check[- ]?in (?:is )?(?:due|today)|"
                                    r"how (?:my|the|it|things|they) \w*\s*(?:is|are|'s|has been|have been) "
                                    r"(?:getting on|going|doing)|(?:to )?(?:give|tell) you (?:an |my |the )?update)\b")


def _reports_progress(s: Situation) -> bool:
    """With check-ins agreed and none under way, how the pain is going ("I wanted to tell you it's ever so much
    better") heard as a check-in answer: the check-in starts, keeping the trend, rather than a new intake."""
    return s.typed and s.intent == "checkin_answer" and s.checkins_agreed and not s.active_loop and (
        s.awaiting in (None, "anything_else")) and read_trend(s.text) is not None and (
        not tells_of_another_pain(s.text))


# asking to move something: "leave it till Monday", "could you do it Tuesday instead"; not "since Saturday"
_MOVE_WORDS = re.compile(r"\b(?:move|moving|push|postpone|delay|instead|leave|hold off|till|until|rather|another day|"
                         r"bump|shift|put (?:it|that|the \w+ one|them) back|"
                         r"(?:can|could) (?:the|my) (?:first |next )?(?:one|check[- ]?in) be|"
                         r"different day|make it|(?:can|could|would) (?:you|u) do|reschedule|later|"
                         r"not (?:this|that))\b")
# the check-ins named as such: "check in on me", "check-ins", "remind me"; not "the dentist already check"
_PLAIN_CHECKIN_WORDS = re.compile(r"\bcheck[- ]?ins?\b|\bcheck (?:in|on|up on) (?:me|with me|him|her)\b|\bremind|"
                                  r"\bfollow[- ]?up|\bin touch\b")


def _asks_for_checkins(s: Situation) -> bool:
    """A check-in command that, with none planned, can only mean "please do check in on me"."""
    if s.intent != "checkin_manage" or read_yes_no(s.text, None) is Answer.NO or _REFUSAL.search(s.text.lower()):
        return False
    return read_yes_no(s.text, None) is Answer.YES or read_checkin_action(s.text) in (None, "reschedule", "resume")


def _rules_answer_it(s: Situation) -> bool:
    """Intents that the rules answer from the words alone: a description, a question or a command."""
    if s.intent == "describe":
        return True
    return s.sure and (s.intent in QUESTION_INTENTS or s.intent in COMMAND_INTENTS or s.intent == "goodbye")


def _offer_answer(s: Situation) -> Answer | None:
    """Yes or no to an offer, also said after other words ("Lovely. Yes please"); a question keeps its
    answer (read_offer_reply), and so does "move on" to the coaching offer, which the rules answer."""
    if s.sure and s.intent == "next_candidate" and read_yes_no(s.text, None) is None:
        return None
    return read_offer_reply(s.text, s.intent)


def _corrects_the_place(s: Situation) -> bool:
    """"sorry I meant the left, no idea why I typed right": a correction of where it hurts, whose "no" is no refusal."""
    if "?" in s.text or (s.sure and s.intent in QUESTION_INTENTS):
        return False  # "Sorry, how can a muscle somewhere else cause a headache on the top of her head?" asks
    kinds = {m.kind for m in s.mentions if m.present}
    return "correction" in kinds and bool(kinds & {"side", "region"})


def _coach_offer(s: Situation) -> str | None:
    if s.previous_action == "action_refer_professional" and (
            _THANKS_ONLY.match(s.text.lower().strip()) or only_acknowledges(s.text)):
        # "thank you 🙏", "ok" for the booking link: no answer to the offer still shown above it
        return "utter_thank"
    if _corrects_the_place(s):
        return "action_suggest_muscles"  # the place changed: the suggestions (and the body map) follow it
    if wants_other_muscle(s.text) and not _WHY_FIRST.match(s.text.lower()):
        return "action_next_candidate"
    if asks_why_these(s.text):  # "why those ones though?", "Please explain why you propose these muscles."
        return None if s.intent == "ask_why" and s.sure else "action_explain_why"
    if _WHY_FIRST.match(s.text.lower()) and "?" in s.text and s.intent != "ask_why":
        return "action_explain_why"  # "Why this muscles and not the one in the leg directly?" asks why, not for more
    if _MASSAGES_FOR_THEM.search(s.text.lower()) and not wants_stretch_instead(s.text):
        return "action_coach_massage"  # "can I do the massage for him?": yes, the same steps, with their hands
    if s.intent == "ask_stretch" or wants_stretch_instead(s.text):
        return "action_stretch_only"  # "I'd rather not risk the massage, is there a gentle stretch instead?"
    if asks_to_be_taken_through(s.text) and not (s.intent == "ask_caution" and s.sure):
        return "action_coach_massage"  # "could you walk me through the first one?" asks for it, now
    if s.sure and (s.intent == "ask_caution" or ("?" in s.text and s.intent in _ASKED_FIRST)):
        return None  # "ok but is it safe if I'm pregnant?": the caution (or the question) before any massage
    if _LATER.search(s.text.lower()) or _THANKS_ONLY.match(s.text.lower().strip()):
        return "action_offer_checkin"  # "ill try later", "ok thx": fine, no coaching now; offer to check in
    if _WILL_TRY_NOW.search(s.text.lower()) and not _ON_MY_OWN.search(s.text.lower()):
        return "action_coach_massage"  # "OK thanks, I'll try gently then" after the caution: taken up, now
    if is_farewell(s.text) and read_yes_no(s.text, None) is not Answer.NO and not _THEN_YES.search(s.text.lower()):
        return "utter_goodbye"  # "ok thanks, bye", "Merci beaucoup, bonne soirée": the offer can wait
    if s.previous_action == "utter_thank" and is_closing(s.text) and _ALL_SAID.search(s.text.lower()):
        return "utter_goodbye"  # "nope thats it" after thanks for the booking link: done, not "no massage"
    if s.typed and reports_pressing_already(s.text) and not s.new_pain_place:
        return "action_coach_massage"  # "using a tennis ball on the wall, cant really feel it": started already
    answer = _offer_answer(s)
    if answer is Answer.YES:
        return "action_coach_massage"
    if answer is Answer.NO:
        return "action_stretch_only"
    if s.sure and s.intent in QUESTION_INTENTS:
        return None
    if s.intent == "describe" and not any(m.present and m.kind in _INTAKE_FACTS for m in s.mentions):
        return "action_rephrase"  # nothing new about the pain: ask again, don't repeat the suggestions
    # nothing is being pressed yet, so "pressure feedback" heard here is a reply the words did not make clear
    return "action_rephrase" if s.intent in ("nlu_fallback", "pressure_feedback") and not s.coached else None


def _pressure(s: Situation) -> str | None:
    reading = read_pressure(s.text, direction=s.entity("direction"),
                            sensations=[m.value for m in s.mentions if m.kind == "sensation" and m.present],
                            band=s.band)
    if s.typed and reading.level is None and asks_where_to_press(s.text):
        return "action_show_the_spot"  # "Yes please, show me what to do", "wer am i meant to press exactly"
    if s.typed and ("?" in s.text or (s.sure and s.intent == "ask_stretch")) and wants_stretch_instead(s.text) and (
            not wants_other_muscle(s.text)) and not re.search(r"\d", s.text):
        # "I am in the library, cannot do it. Can you just tell me one stretch?" (not "feels like a good stretch")
        return "action_stretch_only"
    if s.typed and reading.level is None and is_closing(s.text) and _GOES_TO_BE_SEEN.search(s.text.lower()):
        return "utter_goodbye"  # "right you are, I'll book in. Thanks" after advice to be checked: no pressure word
    if reading.direction is Pressure.UNCLEAR:
        if is_closing(s.text) and len(s.text.split()) > 1:
            return "utter_goodbye"  # "cheers, I'm off" mid-massage: let them go, kindly
        if s.sure and (s.intent in QUESTION_INTENTS or s.intent in {"goodbye", "describe", "thank"}):
            return None
        if s.new_pain_place:
            return None
    return "action_pressure_feedback"


def _talks_pressure(s: Situation) -> bool:
    """How the pressing feels ("ahh yes right there", "that's about a 5 now"), not about check-ins or a new place."""
    low = s.text.lower()
    if _ABOUT_CHECKINS.search(low) or s.new_pain_place or is_closing(s.text):
        return False
    reading = read_pressure(s.text, band=s.band)
    return (reading.level is not None and reading.direction is not Pressure.UNCLEAR) or bool(_PRESSURE_CUES.search(low))


_TRIES_THE_ADVICE = re.compile(r"^\W*(?:(?:ok|okay|cool|great|thanks|ta|right|alright)\W+)*(?:i'?ll|ill|i will|will)"
                               r" (?:try|give|do) (?:that|it|this|those|them|the stretch\w*)(?: a go| out)?\W*$")
_YES_SOMEWHERE = re.compile(r"\b(?:yes|yeah|yep|aye|sure|ok|okay|please|go on|go ahead|grand|great|lovely|perfect|"
                            r"fine|alright|all right|do that|do it|"
                            r"(?:would be|sounds|that'?s) (?:good|handy|helpful|useful|nice)|why not|go for it)\b")


_ANOTHER_DAY_PLEASE = re.compile(r"\b(?:instead|could you|can you|would you|please|how about|what about|make it|"
                                 r"rather)\b")


def _asks_for_another_day(s: Situation) -> bool:
    """ "Not this week, I'm away. Could you check in the week after instead?": yes to the check-ins, on a day
    of their own; the "not" is about the first date, not about being checked on."""
    low = s.text.lower()
    return s.awaiting == "checkin_offer" and bool(_CHECKIN_WORDS.search(low)) and bool(
        _ANOTHER_DAY_PLEASE.search(low)) and requested_checkin_days(s.text) is not None


def _checkin_offer(s: Situation) -> str | None:
    if _asks_for_another_day(s):
        return "action_schedule_checkin"
    if "?" in s.text and _HOW_CHECKINS_COME.search(s.text.lower()):
        return "utter_checkins_how"  # "will somebody telephone me then?": how they come, and the offer again
    if (s.intent == "ask_how_massage" or _MASSAGE_PLEASE.search(s.text.lower())) and not _LATER.search(s.text.lower()):
        return "action_coach_massage"  # "actually go on, show me the massage": changed their mind (but not "tomorrow")
    if s.coached and _talks_pressure(s):
        return "action_pressure_feedback"  # still pressing after the hold: answer that, the offer stands
    if find_email(s.text):
        return "action_schedule_checkin"
    if _TRIES_THE_ADVICE.match(s.text.lower()) and not _CHECKIN_WORDS.search(s.text.lower()):
        return "action_offer_checkin"  # "ok ill try that": the stretch, not a yes to being contacted; ask again
    if _THANKS_ONLY.match(s.text.lower().strip()):
        return "action_decline_checkins"  # "ok ty": thanks for the advice, not a yes to being contacted
    if _NO_CHECKINS.search(s.text.lower()):
        return "action_decline_checkins"  # "ok phew. no check-ins thanks": the check-ins refused by name
    answer = _offer_answer(s)
    if answer is None and _CHECKIN_WORDS.search(s.text.lower()) and _YES_SOMEWHERE.search(s.text.lower()) and \
            not _REFUSAL.search(s.text.lower()):
        answer = Answer.YES  # "check ins sure", "Check in? Aye go on"
    if answer is Answer.YES:
        return "action_schedule_checkin"
    if answer is Answer.NO or is_closing(s.text):
        return "action_decline_checkins"
    if read_pressure(s.text).direction in (Pressure.DONE, Pressure.GOOD) and not s.new_pain_place:
        return "action_offer_checkin"
    return "action_rephrase" if s.intent == "nlu_fallback" else None


# the check-ins refused by name, whatever came before: "ok phew. no check-ins thanks", "don't check in on me"
_NO_CHECKINS = re.compile(r"\b(?:no|not|don'?t|dont|do not|no need (?:for|to)|without) (?:any |the |more )?"
                          r"(?:check[- ]?ins?|check (?:in|up) on me|reminders?|follow[- ]?ups?|messages)\b"
                          r"(?! (?:yet|so far|till|until|before))")


# a question how the check-ins would reach them: "will somebody phone me?", "how will you check in?"
_HOW_CHECKINS_COME = re.compile(r"\b(?:will|would|do|does|is|are|should)\b[^?]{0,30}\b(?:phone|telephone|ring|call|"
                                r"text|visit|email|contact|message)\w*\s+(?:me|us|him|her)\b|"
                                r"\bhow (?:will|would|do|does) (?:you|the check|it|this)\b")


def _email(s: Situation) -> str | None:
    if find_email(s.text):
        return "action_save_email"
    answer = read_yes_no(s.text, s.intent)
    if answer is Answer.NO or is_closing(s.text) or _SPEAKS_OF_MAIL.search(s.text.lower()):
        return "action_no_email"  # "no email", "I have no computer mail", "my granddaughter does all that"
    return None


# an answer to "would you like an email reminder?" that speaks of mail or of someone else doing the computer
_SPEAKS_OF_MAIL = re.compile(r"e-?mail|\bmail\b|\binbox\b|\bcomputer\b|\b(?:does|do|handles?|sorts?) (?:all )?"
                             r"(?:that|those|the (?:computer|internet|online))\b")


# after a stop sign, the sign has passed: "yeah I've stopped. it's gone now", "the tingling's settled"
_STOP_SIGN_GONE = re.compile(r"\b(?:it'?s|its|it is|it has|that'?s|thats|the \w+(?:'s| is| has))\s+(?:all\s+)?"
                             r"(?:gone|stopped|settled|passed|eased|calmed)\b")


def _anything_else(s: Situation) -> str | None:
    bare = s.text.lower().strip(" .!👍👌🙂😊🎹🙏")
    if (s.coached or s.coaching_open) and "?" in s.text and wants_stretch_instead(s.text) and (
            not wants_other_muscle(s.text)) and not re.search(r"\d", s.text):
        return "action_stretch_only"  # "No more pressing then. Is there a stretch I can do instead?"
    if is_closing(s.text) or (read_yes_no(s.text, s.intent) is Answer.NO and not s.mentions) or \
            _FINE_THANKS.fullmatch(bare) or (not bare and s.text.strip()) or only_acknowledges(s.text):
        return "utter_goodbye"  # "cool", "ok then", "👍" to "anything else?": that was all
    # after a stop sign the muscle stays chosen: "ok that's better, a 6", "moved a bit, now a good ache, 6"
    # go on with it; once it was held, "maybe a 2 now" is how the pain is, not a pressure
    if s.coaching_open and _talks_pressure(s):
        return "action_pressure_feedback"
    if read_yes_no(s.text, s.intent) is Answer.YES and len(s.text.split()) <= 3:
        return "utter_ask_what_else"
    if s.coaching_open and _STOP_SIGN_GONE.search(s.text.lower()) and not s.new_pain_place:
        return "action_stretch_only"  # "ok I've stopped, it's gone now" after a stop sign: the gentler way on
    if (s.coached or s.coaching_open) and wants_stretch_instead(s.text) and not wants_other_muscle(s.text):
        return "action_stretch_only"  # "ok I've let go, what else can I do" after a stop sign: the stretch
    return None


def _finished(s: Situation) -> bool:
    """"No, that's all, thank you" or "all right, I'll ring the surgery now" with nothing pending:
    the person is closing the conversation, whatever the classifier made of the words."""
    if s.awaiting or s.active_loop or not is_closing(s.text):
        return False
    return len(s.text.split()) > 1 or s.intent in {"goodbye", "thank", "deny"}


def _asks_about_getting_checked(s: Situation) -> bool:
    """After an urgent or see-a-doctor message, a question or a doubt about going ("can it wait till
    tomorrow?", "should I be worried?", "I'd rather not waste the GP's time")."""
    if s.triage in ("urgent", "see_doctor") and s.typed and s.active_loop == "intake_form" and "?" in s.text and (
            _DOUBTS_GOING.search(s.text.lower())):
        return True  # "I haven't been to a doctor in years. Do I really need to?" while the intake asks on
    if s.triage not in ("urgent", "see_doctor") or s.active_loop or s.awaiting or not s.typed:
        return False
    if s.triage == "urgent" and delays_help(s.text):
        return True  # "ok, I'll see the GP tomorrow" to "be seen today"
    if is_closing(s.text) or (s.sure and s.intent in COMMAND_INTENTS - {"ask_professional"}):
        return False
    if s.triage == "see_doctor" and s.sure and s.intent in QUESTION_INTENTS - {"ask_professional"}:
        return False  # gentle advice goes on after a see-a-doctor message: "what's a trigger point?" is answered
    return bool(_GETTING_CHECKED.search(s.text.lower()))


def _triage_reminder(s: Situation) -> str:
    """The advice to be seen, said again: in other words when the last turn said it ("ok ill book the gp tmrw" after
    "wait is it serious??"), so the person never reads the same paragraph twice running."""
    reminder = "utter_emergency_reminder" if s.triage == "emergency" else f"utter_triage_reminder_{s.triage}"
    has_other_words = s.triage in ("emergency", "urgent")
    return f"{reminder}_again" if has_other_words and s.previous_action == reminder else reminder


def _confirms_the_deletion(s: Situation) -> bool:
    """"yes, all of it", "yeah delete it", "Yes, I confirm." straight after a deletion: no new complaint."""
    if any(m.present and m.kind in _INTAKE_FACTS for m in s.mentions):
        return False
    if is_closing(s.text) or (only_acknowledges(s.text) and len(s.text.split()) == 1):
        return False  # "thanks, bye", "k": a goodbye or an acknowledgement, answered as one
    return read_yes_no(s.text, s.intent) is Answer.YES or bool(_CONFIRM_DELETE.search(s.text.lower()))


_GREETING = re.compile(r"^\W*(?:hi|hii+|hello+|hey+|hiya|howdy|greetings|good (?:morning|afternoon|evening|day)|"
                       r"morning|afternoon|evening|g'?day|hola|bonjour|namaste|salaam|salam|assalamu? ?alaikum|"
                       r"ciao|hallo|buenos dias|buenas)\b", re.IGNORECASE)


_WANTS_THE_MASSAGE = re.compile(r"\b(?:want|wanna|like|try|do|show me|guide me|start|go ahead with)\b[^.!?]{0,20}"
                                r"\bmassag\w*\b")


def _asks_for_the_massage(s: Situation) -> bool:
    """Asking to be coached through the massage after the suggestions, in words the classifier missed."""
    if not s.typed or s.active_loop or s.awaiting not in (None, "anything_else", "coach_offer") or s.coached:
        return False
    if s.triage not in (None, "none") or "?" in s.text or s.describes_pain or _LATER.search(s.text.lower()):
        return False  # "I'll try the massage tomorrow" asks for nothing now
    low = s.text.lower()
    return bool(_WANTS_THE_MASSAGE.search(low)) and not wants_professional(s.text) and \
        read_yes_no(s.text, None) is not Answer.NO and not wants_stretch_instead(s.text) and not re.search(
            r"\b(?:don'?t|dont|doesn'?t|doesnt|won'?t|wont|didn'?t|not|no|rather not|never|without)\b", low)


def _only_greets(s: Situation) -> bool:
    """A hello with small talk and nothing about the pain, before anything is under way: greet and ask."""
    if not s.typed or s.awaiting or s.active_loop or s.triage not in (None, "none") or s.coached or \
            s.checkins_agreed:
        return False
    if s.sure and s.intent not in ("out_of_scope", "non_english", "greet", "chitchat"):
        return False
    # "My granddaughter put this on my phone for me": a doing said with no pain is no fact about one
    facts = _INTAKE_FACTS if _PAIN_TALK.search(s.text.lower()) else _INTAKE_FACTS - {"activity", "timing",
                                                                                      "trigger_words"}
    return bool(_GREETING.match(s.text)) and "?" not in s.text and not any(
        m.present and m.kind in facts for m in s.mentions)


_PAIN_TALK = re.compile(r"\b(?:pain\w*|hurt\w*|ach\w*|sore\w*|stiff\w*|tight\w*|agony|killing|throb\w*|niggl\w*)")


def _trusted(s: Situation) -> Situation:
    """The classifier's intent, unless the words cannot mean it: "Now we're talking, 6" is no question
    about the bot."""
    if s.intent == "bot_challenge" and s.typed and not is_about_the_bot(s.text):
        return replace(s, intent=None, confidence=0.0)
    if s.intent in _CHECKIN_COMMANDS and s.typed and not _PLAIN_CHECKIN_WORDS.search(s.text.lower()) and (
            s.awaiting in ("coach_offer", "pressure", "screening", "age", "email")
            or (s.active_loop == "checkin_form" and s.intent != "checkin_manage")):
        # "any others? already been rolling those" to the coaching offer, "please, later, I am driving now"
        # inside a check-in: an answer to what was asked, not a request to start a check-in
        return replace(s, intent=None, confidence=0.0)
    if s.intent in _CHECKIN_COMMANDS and s.typed and not s.checkins_agreed and not s.active_loop and (
            not talks_of_checkins(s.text)) and s.awaiting is None and any(
            m.present and m.kind in ("region", "sensation") for m in s.mentions):
        # "shins r killin me" as a first message: a pain described, not a check-in to pause or move
        return replace(s, intent=None, confidence=0.0)
    if s.intent in _CHECKIN_COMMANDS and s.typed and s.active_loop == "intake_form" and not s.checkins_agreed and (
            not _PLAIN_CHECKIN_WORDS.search(s.text.lower())):
        # "Dentist already check, he say teeth no problem" during the intake asks for no check-in
        return replace(s, intent=None, confidence=0.0)
    if s.intent in _CHECKIN_COMMANDS and s.typed and is_closing(s.text) and (
            not _CHECKIN_WORDS.search(s.text.lower())) and not _PAUSE_WORD.search(s.text.lower()):
        return replace(s, intent=None, confidence=0.0)  # "No, that's everything. Thanks a million" starts nothing
    if s.intent in _CHECKIN_COMMANDS and s.typed and _SEE_YOU_THEN.search(s.text.lower()) and (
            not _MOVE_WORDS.search(s.text.lower())) and "?" not in s.text:
        return replace(s, intent="goodbye")  # "lovely, talk next week so" after "I'll check in next week": agreed
    if s.intent == "delete_data" and s.typed and not (wants_deletion(s.text) or _DELETION_WORD.search(s.text.lower())):
        if not s.awaiting and not s.active_loop and not s.mentions and _ASKS_HOW.search(s.text.lower()):
            return replace(s, intent="out_of_scope")  # "can u help w my history essay": another kind of help
        return replace(s, intent=None, confidence=0.0)  # "nope, all clear" to a safety question deletes nothing
    if s.intent == "ask_professional" and s.typed and s.awaiting in ("checkin_offer", "coach_offer") and (
            not wants_professional(s.text)) and read_offer_reply(s.text, None) is not None:
        # "Not just now, thank you, I've got enough appointments to keep track of": an answer to the offer
        return replace(s, intent=None, confidence=0.0)
    if s.intent == "ask_professional" and s.typed and wants_other_muscle(s.text) and not wants_professional(s.text):
        return replace(s, intent=None, confidence=0.0)  # "I've already worked on those with my physio, that's not it"
    if s.intent == "ask_caution" and s.typed and "?" not in s.text and not asks_if_massage_is_safe(s.text):
        return replace(s, intent=None, confidence=0.0)  # "ok no problem. yes, I want the massage" asks nothing
    if s.intent == "ask_caution" and s.typed and not asks_if_massage_is_safe(s.text) and (
            not _SELF_CARE_WORDS.search(s.text.lower())):
        return replace(s, intent="out_of_scope")  # "are my blood pressure tablets ready at the chemist?": no self-care
    if s.intent == "ask_professional" and _going_to_be_seen(s):
        return replace(s, intent=None, confidence=0.0)  # "ok I'll go and see the physio, thanks": going, not asking
    if s.intent in QUESTION_INTENTS and s.typed and "?" not in s.text and is_closing(s.text):
        return replace(s, intent=None, confidence=0.0)  # "fine. off to minor injuries then" asks nothing
    if s.intent == "ask_how_massage" and s.typed and "?" not in s.text and not _ASKS_HOW.search(s.text.lower()) and (
            not s.awaiting) and any(m.present and m.kind in ("region", "sensation") for m in s.mentions):
        return replace(s, intent=None, confidence=0.0)  # "My wife has a sore spot under her shoulder blade" asks not
    if s.intent == "non_english" and (is_closing(s.text) or read_yes_no(s.text, None) is not None):
        return replace(s, intent=None, confidence=0.0)  # "sí!", "non, c'est tout, merci": understood anyway
    return s


def asks_off_topic(intent: str | None, text: str, mentions: Iterable[Mention]) -> bool:
    """An out-of-scope question that tells nothing of the pain ("can you recommend a good mattress?"): answered as
    such, and its doings ("mattress" as lying down) are no facts of the pain."""
    return intent == "out_of_scope" and ("?" in text or bool(_ASKED_WITHOUT_THE_MARK.match(text.lower()))) and not any(
        m.present and m.kind in ("region", "sensation", "intensity", "duration") for m in mentions)


# a question typed without its question mark: "can u recommend a mattress", "what pillow is best"
_ASKED_WITHOUT_THE_MARK = re.compile(
    r"^\W*(?:(?:and|also|oh|btw|by the way|one more thing|while i have you|ok|okay|thanks|ta)\W+)*"
    r"(?:(?:can|could|would|will) (?:you|u|ya)|what|which|where|who|do you|does|is there|are there|any (?:good )?"
    r"(?:recommendations?|tips?|ideas?))\b")


# a question announced as an aside: "while I've got you", "btw", "random question", "off topic"
_ASIDE = re.compile(r"^\W*(?:(?:oh|ok|okay|and|also|hey)\W+)*(?:while i'?ve got you|while i have you|"
                    r"while you'?re here|btw|by the way|random (?:question|q)|off[- ]topic|unrelated|"
                    r"slightly unrelated|not related|different question|separate question)\b")


def _asks_an_aside(s: Situation) -> bool:
    """A question announced as an aside that names nothing of the pain or the self-care: out of scope."""
    low = s.text.lower()
    return "?" in s.text and bool(_ASIDE.match(low)) and not _SELF_CARE_WORDS.search(low) and not any(
        m.present and m.kind in ("region", "sensation", "intensity", "duration", "finding") for m in s.mentions) and (
        not asks_if_massage_is_safe(s.text)) and not asks_about_medicines(s.text) and not wants_professional(s.text)


def _going_to_be_seen(s: Situation) -> bool:
    """A goodbye that says they will go and be seen ("ok I will go and see the physio, thanks"): no request."""
    return s.typed and "?" not in s.text and is_closing(s.text) and not _ASKS_FOR.search(s.text.lower())


# what a request for the massage says in some word: "show me", "how do I", "can you help", "what should I do"
_ASKS_HOW = re.compile(r"\b(?:how|show|teach|guide|walk|massag\w*|press\w*|rub\w*|what|tell|help|can|could|should|"
                       r"would|want|wanna|need|where|please|pls|do i|technique|release|work on|treat\w*|fix|get rid)\b")
_ASKS_FOR = re.compile(r"\b(?:can|could|would|want|wanna|need|prefer|rather|please|like|send|refer|tell me|"
                       r"who (?:to|should|do|can)|where (?:to|should|do|can))\b")
# words of the self-care or of doing it: a caution question names one ("can he do this with a pacemaker?")
_SELF_CARE_WORDS = re.compile(r"\b(?:massag\w*|(?<!blood )press\w*|rub\w*|ball|roller|foam|stretch\w*|exercis\w*|"
                              r"this|that|it|these|them|self[- ]care|trigger|knead\w*|tool|heat|ice)\b")


def decide(s: Situation) -> str | None:
    """The next action for an answer in context, or None to let the rules and forms decide.

    When the words cannot mean the intent the classifier heard ("is it my calf?" heard as a deletion), the
    rules must not act on that intent: with nothing else to do in context, the message is met as unclear."""
    trusted = _trusted(s)
    action = _decide(trusted)
    if action is None and trusted.intent != s.intent and not trusted.active_loop:  # a form reads its answer itself
        if trusted.intent == "out_of_scope":
            return "utter_out_of_scope"
        if trusted.intent == "goodbye" or (is_closing(s.text) and not trusted.describes_pain):
            return "utter_goodbye"  # "ok I will go and see the physio. Thank you" heard as a request
        return "intake_form" if trusted.describes_pain and not trusted.awaiting else "action_rephrase"
    return action


def _decide(s: Situation) -> str | None:
    if s.typed and s.intent == "ask_why" and s.previous_action in (
            None, "action_listen", "action_session_start", "utter_greet") and (
            not s.awaiting and not s.active_loop and not s.coached) and any(
            m.kind == "region" and m.present for m in s.mentions):
        return "intake_form"  # "is this the right place? I have a pain in my chest": nothing suggested to explain yet
    if s.typed and s.checkins_agreed and not s.active_loop and s.awaiting in (None, "anything_else") and (
            _COMES_FOR_THE_CHECKIN.search(s.text.lower())) and not s.describes_pain:
        return "action_checkin_start"  # "it's Margaret, I believe I am due to tell you how my shoulders are getting on"
    if s.typed and s.previous_action == "utter_goodbye" and is_closing(s.text) and not s.describes_pain:
        return "utter_thank"  # "no ta" after the goodbye: a short "you're welcome", not the goodbye again
    if s.typed and s.coached and not s.active_loop and s.triage in (None, "none") and _BACK_TO_THE_MASSAGE.search(
            s.text.lower()):
        return "action_coach_massage"  # "hi again, sorry! can we continue with the massage?": where we left off
    if s.typed and s.previous_action == "utter_goodbye" and s.awaiting and _GREETING.match(s.text) and (
            not s.describes_pain) and not _CHECKIN_WORDS.search(s.text.lower()) and not wants_deletion(s.text) and (
            not (s.sure and s.intent in COMMAND_INTENTS - {"session_resumed"})) and not any(
            m.kind == "region" and m.present for m in s.mentions):  # "hiya, me again, now it's my thigh" is news
        if _SAYS_THANKS.search(s.text.lower()) and "?" not in s.text:
            return "utter_thank"  # "hiya, me again, walked up the moor with no bother, just wanted to say ta!"
        return "action_checkin_resume"  # "hello it's me again": the goodbye closed what was asked before it
    if s.typed and s.triage == "see_doctor" and s.awaiting is None and not s.active_loop and (
            s.previous_action == "action_suggest_muscles") and read_yes_no(s.text, None) is Answer.YES and (
            len(s.text.split()) <= 4):
        return "action_offer_checkin"  # "sure" after the suggestions and the advice to be checked: nothing to start
    if s.typed and s.triage == "see_doctor" and s.awaiting is None and not s.active_loop and (
            s.previous_action in _AFTER_THE_SUGGESTIONS) and "?" not in s.text and (
            (read_offer_reply(s.text, None) is Answer.YES and _TRY_IT.search(s.text.lower()))
            or asks_to_be_taken_through(s.text)) and not asks_to_carry_on(s.text) and not is_closing(s.text):
        return "action_coach_massage"  # "Yes please, let's try the first one": told why not deep massage yet
    if s.just_deleted and s.typed and _confirms_the_deletion(s):
        return "utter_deleted_already"
    if s.typed and (s.intent == "delete_data" or wants_deletion(s.text)):
        # "can you get rid of all my details?" the classifier missed, in any state; and one it heard, said
        # before any other reading of the turn ("nah no check ins. actually ... forget me") can take it
        return "action_delete_data"
    if s.may_ask_aside and wants_professional(s.text) and not _going_to_be_seen(s):
        return "action_refer_professional"  # "tbh I'd rather a physio looked at it properly"
    if s.may_ask_aside and (s.coached or s.coaching_open) and asks_how_often(s.text) and not s.new_pain_place and not (
            s.awaiting == "pressure" and read_pressure(s.text, band=s.band).level is not None):
        # (with a level said too, "now about 6, how long do I hold it?", the pressure's answer says how long)
        return "action_answer_how_often"  # "How many times in the day I must do this?"
    if _asks_for_the_massage(s):
        return "action_coach_massage"  # "until the appointment I want to try the massage, yes", whatever was heard
    if s.typed and s.intent != "ask_trigger_point" and s.awaiting not in ("screening", "age") and (
            asks_what_a_trigger_point_is(s.text)):
        return "action_explain_trigger_point"  # "sorry, what actually is a trigger point?" read as something else
    # (a caution heard as such is the rules' to answer, except in the pressure loop, where "is it ok to do this while
    # I'm breastfeeding?" would otherwise read its "ok" as how the pressing feels)
    if s.may_ask_aside and (s.intent != "ask_caution" or s.awaiting == "pressure") and (
            s.triage not in ("emergency", "urgent")) and (
            asks_if_massage_is_safe(s.text)) \
            and not (s.awaiting == "coach_offer" and wants_stretch_instead(s.text)) and not (
                # "I can't press very hard, is that alright? it's about a 4": the level answers it
                s.awaiting == "pressure" and read_pressure(s.text, band=s.band).level is not None):
        return "action_answer_caution"  # "I take clopidogrel since my stent, is massage alright?" heard as another ask
    if s.may_ask_aside and asks_about_medicines(s.text) and not s.new_pain_place:
        return "utter_medicines"  # "should I take my tablets in the morning or the evening?": the pharmacist's
    if s.may_ask_aside and s.triage != "emergency" and asks_for_a_diagnosis(s.text) and not s.new_pain_place:
        return "utter_no_diagnosis"  # "is it plantar fasciitis then?": said plainly, then the question pending
    if s.may_ask_aside and asks_if_a_bot(s.text):
        return "utter_bot_challenge"  # "you are real person or computer?" read as something else
    if s.may_ask_aside and s.intent not in ("out_of_scope",) and _asks_an_aside(s):
        return "utter_out_of_scope"  # "while I've got you, what saddle height should I be running?"
    if _only_greets(s):
        return "utter_greet"  # "HELLO DEAR MY GRANDSON SET THIS UP FOR ME": a hello, answered as one
    if s.typed and s.triage == "see_doctor" and not s.active_loop and asks_to_carry_on(s.text):
        # gentle self-care goes on after a see-a-doctor message: "anything gentle I can do meanwhile?" is answered
        if s.coached or s.coaching_open or s.awaiting in ("screening", "age", "pressure"):
            return "action_answer_caution"
        suggested = s.awaiting == "coach_offer" or s.previous_action in (
            "action_suggest_muscles", "action_explain_why", "action_next_candidate")
        return "action_stretch_only" if suggested else "intake_form"  # not the suggestions word for word again
    if _asks_about_getting_checked(s):
        return _triage_reminder(s)
    if s.intent == "pressure_feedback" and s.typed and not (s.coached or s.coaching_open) and s.awaiting is None and (
            s.active_loop in (None, "intake_form")) and not s.loop_rejected:  # a form that found nothing: see below
        # "thumb hurts" as a first message: nothing is being pressed yet, so it is a description (or unclear)
        return "intake_form" if s.describes_pain else decide(replace(s, intent="nlu_fallback", confidence=0.0))
    if s.intent == "pressure_feedback" and s.typed and not (s.coached or s.coaching_open) and not s.active_loop and (
            s.awaiting in ("checkin_offer", "email", "anything_else")):
        # "Less" after the stretch that is fine meanwhile (no massage was ever coached): nothing is being pressed,
        # so read it as the answer it is to what was asked, or ask again
        return decide(replace(s, intent="nlu_fallback", confidence=0.0))
    if s.intent == "checkin_answer" and s.typed and not s.checkins_agreed and not s.active_loop:
        # "ok that's better, a 6" with no check-ins ever agreed is not a check-in: read it in context,
        # and never let the check-in rule start one
        in_context = decide(replace(s, intent=None, confidence=0.0))
        says_how_it_hurts = any(m.present and m.kind in ("region", "sensation", "intensity") for m in s.mentions)
        if in_context is None and says_how_it_hurts and not is_closing(s.text):
            return "intake_form"  # "now the right calf has started doing the same, tight, a 3": a new complaint
        return in_context or ("utter_goodbye" if s.awaiting == "anything_else" else "action_rephrase")
    if s.typed and s.checkins_agreed and s.awaiting in ("email", "anything_else") and not find_email(s.text) and (
            (read_checkin_action(s.text) == "reschedule" and requested_checkin_days(s.text) is not None
             and (_MOVE_WORDS.search(s.text.lower()) or _PLAIN_CHECKIN_WORDS.search(s.text.lower())))
            or (read_checkin_action(s.text) == "pause" and _PAUSE_WORD.search(s.text.lower()))
            or _STOPS_CHECKINS.search(s.text.lower())):
        # "actually can you leave the first one till next Monday?", "can you pause them until I tell you?"
        return "action_checkin_manage"
    if s.typed and s.checkins_agreed and s.active_loop != "checkin_form" and _STOPS_CHECKINS.search(s.text.lower()):
        return "action_checkin_manage"  # "hiya, it's me again, can you knock the check-ins on the head"
    if s.typed and s.checkins_agreed and not s.active_loop and s.awaiting in (None, "anything_else") and (
            not s.describes_pain) and not is_closing(s.text) and _ABOUT_BEING_AWAY.search(s.text.lower()) and (
            read_yes_no(s.text, None) is not Answer.NO) and read_checkin_action(s.text) in ("pause", "resume"):
        return "action_checkin_manage"  # "I go to Spain for christmas, please no messages until I am back"
    if s.typed and not s.checkins_agreed and not s.active_loop and s.intent in _CHECKIN_COMMANDS and (
            s.awaiting in (None, "anything_else", "checkin_offer", "pressure", "coach_offer")) and (
            _CHECKIN_WORDS.search(s.text.lower())) and not _asks_for_another_day(s) and (
            read_yes_no(s.text, None) is Answer.NO or read_offer_reply(s.text, None) is Answer.NO or (
                _REFUSAL.search(_WHY_NOT.sub(" ", s.text.lower())) and read_yes_no(s.text, None) is not Answer.YES
                and read_offer_reply(s.text, None) is not Answer.YES)):
        return "action_decline_checkins"  # "nah no check ins ty" with none planned: fine, none then
    if s.intent in _CHECKIN_COMMANDS and s.typed and not s.checkins_agreed and not s.active_loop and (
            s.awaiting not in ("checkin_offer", "screening", "age")) and _CHECKIN_WORDS.search(s.text.lower()) and (
            s.intent == "checkin_start" or _asks_for_checkins(s)):
        # "would you check in on me?", "yes, check-ins would be good", "could you check on me in a few days?"
        # before any were agreed ask for them: schedule, don't quiz or offer to change what does not exist
        return "action_schedule_checkin"
    if s.active_loop == "checkin_form" and s.typed and _STOPS_CHECKINS.search(s.text.lower()):
        return "action_checkin_manage"  # "it's completely gone, you don't need to keep checking on me",
        # and "please stop these messages, saw a physio" whatever intent the physio made the classifier hear
    if s.active_loop == "checkin_form" and _puts_off_the_checkin(s):
        return "action_checkin_manage"  # "later, I'm driving, ask me another day": move it, don't quiz
    if s.active_loop == "checkin_form" and s.typed and s.requested_slot == "checkin_helped" and (
            helped_said_to_the_question(s.text) is not None) and "?" not in s.text:
        return "checkin_form"  # "the stretches yes" to "did it help?" answers it, whatever question was heard
    if s.intent in COMMAND_INTENTS and s.sure:
        command_in_pressure_loop = (s.awaiting == "pressure" and s.intent == "checkin_manage"
                                    and "check" not in s.text.lower())
        # "Sure, check in with me" to the check-in offer sounds like a check-in command but answers it.
        # "Check in? Aye go on", "check ins sure": the check-in command answers the offer
        answers_checkin_offer = s.awaiting == "checkin_offer" and s.intent in _CHECKIN_COMMANDS and (
            read_yes_no(s.text, None) is not None or bool(_YES_SOMEWHERE.search(s.text.lower()))
            or _asks_for_another_day(s))
        # "No, nothing like that, my heart is fine, I had a check-up in spring" answers the safety question
        answers_a_question = (s.awaiting in ("screening", "age") and s.intent in _CHECKIN_COMMANDS
                              and not _CHECKIN_WORDS.search(s.text.lower()))
        # "Please send the reminders to me: anne@example.org" while the email is asked gives it, whatever was heard
        gives_the_email = s.awaiting == "email" and bool(find_email(s.text))
        # "No reminder email needed. That's all, thank you." answers the email question, whatever was heard
        declines_the_email = s.awaiting == "email" and "email" in s.text.lower() and (
            not _STOPS_CHECKINS.search(s.text.lower()))
        if not (command_in_pressure_loop or answers_checkin_offer or answers_a_question or gives_the_email
                or declines_the_email):
            return None
    if s.awaiting in ("screening", "age"):
        if s.typed and s.intent != "ask_trigger_point" and asks_what_a_trigger_point_is(s.text) and (
                read_yes_no(s.text, None) is None):
            return "action_explain_trigger_point"  # "wait whats a trigger point": explained, then the question again
        if s.typed and s.intent != "ask_caution" and asks_if_massage_is_safe(s.text) and (
                read_yes_no(s.text, None) is None):
            return "action_answer_caution"  # "is it ok to still do the massage meanwhile?": answered, then the question
        if s.sure and s.intent in QUESTION_INTENTS and read_yes_no(s.text, s.intent) is None:
            return None
        return "action_screen"
    sent_there = s.pressing and says_where_pressing_sends_it(s.text)  # the referral the pressing looks for
    if s.concern_due and not is_closing(s.text) and s.triage not in ("urgent", "emergency") and not sent_there:
        return "action_screen"  # a worrying word gets its question, but not in a goodbye or after urgent advice
    if s.active_loop == "intake_form" and s.typed and is_closing(s.text) and (
            _LEAVES.search(s.text.lower()) or (
                s.triage in ("urgent", "see_doctor") and _GOES_TO_BE_SEEN.search(s.text.lower())
                and not delays_help(s.text))) and not s.describes_pain:
        # "cheers, booked. bye" to an intake question, "fair enough, I'll head up to the hospital" after advice to be
        # seen today: they are going (not "nothing, ta")
        return "utter_goodbye"
    if s.active_loop:
        if s.loop_rejected:
            if is_farewell(s.text) or comes_back_later(s.text):
                return "utter_goodbye"  # "nope thats all, thx!!", "I'll come back later" to a form's question
            if s.active_loop == "checkin_form" and s.requested_slot and s.typed and (
                    read_helped(s.text) is not None or read_trend(s.text) is not None):
                # "Yes, I think the stretching did help" to "anything new?": noted, and the question again
                return f"action_ask_{s.requested_slot}"
            if s.sure and s.intent in QUESTION_INTENTS:
                return None
            if s.sure and asks_off_topic(s.intent, s.text, s.mentions):
                return None  # "while I have you, can you recommend a mattress?": answered as out of scope, then asked
            # an answer to another question ("worse after a 12-hour shift" to "how long?") is kept by the
            # facts policy; the question is asked again, saying the answer was noted (not "didn't catch that")
            said_a_fact = any(m.present and m.kind in _INTAKE_FACTS for m in s.mentions)
            if said_a_fact and s.active_loop == "intake_form" and s.requested_slot:
                return f"action_ask_{s.requested_slot}"
            return "action_rephrase"
        # Rasa keeps a form "rejected" until it runs again, and a rejected form is not run for the
        # next message by itself: without this, one unreadable answer would make every later one
        # unreadable too. The next answer goes to the form, unless it is a question or a command.
        if s.loop_stale and not (s.sure and (s.intent in QUESTION_INTENTS or s.intent in COMMAND_INTENTS)):
            return s.active_loop
        return None
    handler = {"coach_offer": _coach_offer, "pressure": _pressure, "checkin_offer": _checkin_offer,
               "email": _email, "anything_else": _anything_else}.get(s.awaiting or "")
    if handler is not None:
        action = handler(s)
        if action is not None and not (action == "action_rephrase" and s.describes_pain):
            return action
    if s.typed and not s.sure and not s.awaiting and is_closing(s.text) and not s.describes_pain and (
            s.triage != "emergency"):  # after emergency advice a goodbye is met below: go now, or take care
        return "utter_goodbye"  # "diolch" after the check-ins were paused: a thanks the classifier did not know
    if _reports_progress(s):
        return None  # "hello again, the neck is ever so much better": the check-in rule starts one, not an intake
    if s.describes_pain:
        return "intake_form"
    if s.typed and s.previous_action in (None, "utter_greet") and not s.awaiting and not s.active_loop and (
            s.triage in (None, "none")) and not s.just_deleted and only_acknowledges(s.text):
        # "alright", "hiya" as the first word of a conversation: a hello; "so", "ok" after the hello: where?
        return "intake_form" if s.previous_action == "utter_greet" else "utter_greet"
    if s.triage == "emergency" and s.typed and not s.active_loop and _DOUBTS_GOING.search(s.text.lower()):
        return _triage_reminder(s)  # "do i really have to go now": yes; the advice again
    if _finished(s) and s.triage == "emergency":
        if goes_for_help_now(s.text):
            return "utter_emergency_goodbye"  # "Alright, I'll ring 111 now. Thank you": yes, do, and take care
        return _triage_reminder(s)  # "ok I'll phone the doctor's when they open": the one thing to say is to go now
    if _finished(s):
        return "utter_goodbye"
    if s.typed and not s.awaiting and not s.active_loop and only_acknowledges(s.text):
        # "ok", "👍", "🙏" with nothing asked: acknowledged; after urgent or emergency advice, the advice again
        if s.triage == "emergency":
            return "utter_emergency_reminder"
        if s.triage == "urgent":
            return _triage_reminder(s)
        plain = s.previous_action == "utter_goodbye" or not re.search(r"[a-z]", s.text.lower())
        return "utter_thank" if plain else "utter_goodbye"
    if s.triage == "urgent" and s.typed and s.intent in (None, "nlu_fallback"):
        return "action_screen"  # "Hmm, worse actually" after urgent advice: the advice again, never "sorry?"
    if s.intent == "nlu_fallback" or (s.intent == "ask_meaning"):
        return "action_rephrase"
    return None
