"""What a short reply means once we know what was asked: yes or no, a pressure level, a trend.

The intent classifier sees a message without its question, so "more like 6 now", "bit better I
think" and "no, my legs are fine" look alike to it. The dialogue knows what it just asked; these
readers turn the words into the answer to that question. Pure and deterministic: the context
policy, the actions and the safety layer all read the same answer from the same words.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import Iterable

from bot.nlp.numbers import word_number
from bot.nlp.when import requested_checkin_days
from core.types import Pressure, PressureReading

__all__ = [
    "QUIT_THE_CHECKINS",
    "SCRAP_THE_CHECKINS",
    "Answer",
    "asks_about_medicines",
    "asks_for_a_diagnosis",
    "asks_how_often",
    "asks_if_massage_is_safe",
    "asks_what_a_trigger_point_is",
    "asks_where_to_press",
    "asks_why_these",
    "delays_help",
    "find_email",
    "is_about_the_bot",
    "is_closing",
    "is_farewell",
    "only_acknowledges",
    "read_checkin_action",
    "read_helped",
    "read_offer_reply",
    "read_pressure",
    "read_trend",
    "read_yes_no",
    "says_nothing_new",
    "says_where_pressing_sends_it",
    "wants_other_muscle",
    "wants_professional",
    "wants_stretch_instead",
]


class Answer(Enum):
    """A reply to a yes/no question."""

    YES = "yes"
    NO = "no"
    UNSURE = "unsure"


# "y forearm?": text-speak "why" before a short question (a bare "y" stays a yes)
_Y_ASKING = r"y(?=(?: [a-z']+){1,4}\s*\?)"
# "scrap the check-ins", "ditch the check ins": a stop, read the same by the check-in commands and the dialogue
SCRAP_THE_CHECKINS = r"(?:scrap|ditch|bin|drop|skip|forget) (?:the |these |those |my |all the )?check[- ]?-?ins?"
# "you can quit these check-ins now", "don't bother with the check-ins": shared by both readers of a stop
QUIT_THE_CHECKINS = (r"(?:quit|end|drop|ditch|finish with) (?:the |these |those |my |all the )?check[- ]?ins?|"
                     r"(?:don'?t|do not|no need to|needn'?t) bother (?:with |doing )?(?:the |them|these|those|any |"
                     r"check)")

# Words read as the English the patterns know: courtesies people keep in their own language inside English
# replies ("sí!", "non, c'est tout, merci"), so a thanks, a goodbye or a yes/no is understood; and spellings
# ("fair enuf", "bk").
_COURTESIES = tuple((re.compile(rf"(?<![\w'])(?:{pattern})(?![\w'])"), english) for pattern, english in (
    (r"muchas gracias|gracias|merci(?: beaucoup)?|danke(?: sch[öo]n)?|obrigad[ao]|grazie(?: mille)?|dzi[eę]kuj[eę]|"
     r"shukran|asante(?: sana)?|dhanyavaa?d|spasibo|jazakallah(?: khair)?|jazak allah|mahalo|arigato|xie xie|köszönöm|"
     r"multumesc|hvala|salamat(?: po)?|maraming salamat|diolch(?: bach| yn fawr)?|go raibh maith agat|"
     r"tack(?: så mycket)?|dank je(?: wel)?|dankjewel|bedankt|kiitos|takk|tusen takk|efharisto|te[sş]ekk[üu]rler|"
     r"terima kasih|shukriya|nandri|tenki(?: ya| o| tenki)?|tenkyu|tank ?you|chur|cheers bro|much appreciated|"
     r"much obliged|appreciate it|god bless(?: you)?|"
     r"bless you|bless", "thanks"),
    (r"adi[oó]s|ciao|chao|chau|tsch[üu]ss?|tchau|au revoir|do widzenia|bonne (?:soir[ée]e|journ[ée]e|nuit)|hasta luego|"
     r"[àa] bient[ôo]t|auf wiedersehen|arrivederci|khuda hafiz|allah hafiz|doei|tot ziens|hej d[åa]|hej hej|"
     r"sl[áa]n(?: go f[óo]ill)?|hwyl(?: fawr)?|hooroo|ooroo|ingat(?: po)?|paalam|ma'?a ?salama|adeus|at[ée] logo|"
     r"kwaheri|sayonara|ta-ra|ta ra|tara|so long|peace out|peace|cya|see ya later|catch you later|gtg|g2g|"
     r"got to go|gotta go|have to go|must dash", "bye"),
    (r"s[iíì]|oui|ja|sim|haan|ndiyo|vale|d'accord|opo", "yes"), (r"non|nein|n[ãa]o|nie|hapana|nahi", "no"),
    (r"nada m[áa]s|c'est tout|das ist alles|[ée] s[óo] isso|to wszystko|basta", "that's all"),
    (r"fair enuf|fair enough", "fair enough"), (r"bk", "back"), (r"sweet as", "ok"),
    (r"thx|thnx|thanx|tnx|thank u|thankyou|thanku|tq", "thanks"),
    # text-speak that changes a reading: "y the cheek muscle tho" asks why, "still v little" is very little
    (r"y(?= (?:the|those|these|that|this|is|are|do|does|would|should|my|not|u|you)\b)", "why"),
    (_Y_ASKING, "why"),  # "y forearm?", "y my hip tho?"
    (r"v(?= (?:little|much|light|lightly|gentle|gently|soft|hard|strong|sore|tender|painful|good|nice|bad|tight)\b)",
     "very"),
    (r"rly|rlly", "really"),
    # "ow ow 2 much", "k thats gd": "2" for "too" before how much, and "good" in two letters
    (r"2(?= (?:much|hard|strong|deep|sore|painful|far|intense|sharp|heavy|light|soft|little)\b)", "too"),
    (r"gd|gud|gr8", "good"),
    # "carnt feel owt" (Northern English): can't feel anything
    (r"carnt|carn't|caint|cain't|cnt|cnat|cant't", "can't"), (r"owt", "anything"), (r"rly|rlly|realy", "really"),
    # Jamaican Patois: "mi will go to di doctor today. Tanks"
    (r"mi(?= will| a go| ago| go| gonna| ah go)", "i"), (r"di(?= doctor| gp| hospital| clinic| physio)", "the"),
    (r"tanks|tenks|tanks you|tank yuh", "thanks"),
    # check-in answers typed fast: "bit btr", "ye it helpd", "nah nothin new", "a lil wrse"
    (r"btr|bttr|betr|beter|betta|bettr|bettah", "better"), (r"wrse|worsr|wrs|worser", "worse"),
    (r"helpd|hlpd|helpt|hepled|helpded", "helped"), (r"nothin|nuthin|nuffin|nothink|nuttin|nutten", "nothing"),
    (r"abit|a lil|a little bit", "a bit"),
))


def _words(text: str) -> str:
    """Lower case, apostrophes straightened, punctuation to spaces, single-spaced; courtesies in other
    languages read as their English word."""
    low = text.lower().replace("\u2019", "'")
    for pattern, english in _COURTESIES:
        low = pattern.sub(english, low)
    low = re.sub(r"[^\w'/+\-\s\U0001F44D\U0001F44C\u2714\u2705]", " ", low)
    # a letter held down for feeling: "byeee", "nooo", "yesss", "okkk" (two kept: "good", "soon" stay whole)
    low = _BYE_HELD.sub("bye", re.sub(r"([a-z])\1{2,}", r"\1\1", low))
    low = _G_DROPPED.sub(r"\1ing", low)
    return " ".join(low.split())


# The g said away in everyday speech: "takin me to minor injuries", "ringin the docs", "goin now" (only verbs of
# going, calling and taking, where the shortened word cannot be another: "skin", "pin", "begin" stay)
_G_DROPPED = re.compile(r"\b(tak|driv|runn|ring|call|phon|book|go|head|gett|com|do|see|try|popp|lett|wait|"
                        r"leav|feel|ask)in'?(?=\s|$)")


_BYE_HELD = re.compile(r"\b(by|bai)ee+\b")


_YES_START = re.compile(
    r"^(?:y|ye|yes+|yeah+|yea|yeh+|yh|yus|yas+|yep|yup|ya|yah|aye|sure|ok|okay|k|okey|alright|"
    r"all right|right|please|definitely|ehen|ehn|grand so|grand|"
    r"absolutely|of course|course|certainly|go on|go ahead|go for it|do it|let'?s|lets|why not|sounds good|"
    r"deffo|defo|def|defs|deffinitely|definately|"
    r"i'?d like|i'?m in|correct|true|affirmative|"
    r"indeed|yess|yas|\U0001F44D|\U0001F44C|\u2714|\u2705)\b|^(?:\U0001F44D|\U0001F44C|\u2714|\u2705)")
# "I do", "I have", "it did" are a yes on their own or with a word or two, but start statements too:
# "I would put it at a 5" answers another question, "I have a pain in my knee" tells something new.
_WEAK_YES_START = re.compile(
    r"^(?:that would be|i would|i do|i have|i am|it did|they did|it does|it is|i did)\b"
    r"(?:\W*$|\s+(?:yes|yeah|yep|think so|say so|do|have|did|does|is|sometimes|a bit|a little|actually|now you "
    r"mention it|now that you mention it|i think)\b|(?=(?:\s+[a-z]+){0,2}\s*$))")
_NO_START = re.compile(
    r"^(?:n|no+|nope|na|naa+|nah+|naw|nay|not|none|never|nothing|nobody|don'?t|do not|dont|i don'?t|i do not|"
    r"i haven'?t|"
    r"didn'?t|didnt|did not|i didn'?t|i didnt|haven'?t tried|havent tried|not tried|never tried|"
    r"i have not|haven'?t|hasn'?t|it didn'?t|it did not|they didn'?t|no thanks|no thank you|negative|"
    r"i'?m good|i'?m fine|i'?m ok|i'?m okay|i'?ll pass|pass|maybe later|another time|not now|not today|"
    r"not right now|not really|not at all|thanks but no|thank you but|thanks but|no ta|but no|no need|"
    r"(?:but )?i (?:don'?t|do not|shan'?t|won'?t|will not) (?:need|want)|i'?ll be (?:fine|ok|okay|alright))\b")
_UNSURE_FIRST = re.compile(r"^(?:not sure|unsure|don'?t know|dont know|dunno|no idea|maybe|perhaps|possibly|"
                           r"i'?m not sure|hard to say|can'?t tell)\b")
_UNSURE = re.compile(
    r"\b(?:not sure|unsure|don'?t know|dont know|do not know|dunno|no idea|can'?t tell|cannot tell|hard to say|"
    r"difficult to say|not certain|i'?m not sure|maybe|perhaps|possibly|might have|might be|could be|"
    r"sort of|kind of|kinda|a little|a bit|slightly|i think so|i guess|not that i know|not that i'?ve noticed)\b")


_LEADING_FILLER = re.compile(r"^(?:(?:tbh|well|um+|erm+|er|uh+|o+h+|a+h+|hmm+|honestly|actually|so|haha|lol|ha|"
                             r"omg|omfg|oh my god|oh my gosh|wow|yay|woo+|ooo+|"
                             r"then|in that case|if so|"
                             # slang approval before the answer: "sick ok lets do it", "mint, go on then"
                             r"sick|mint|lush|ace|brill|dope|sweet|wicked|bet|"
                             r"to be honest|i mean|hi|hello|hey|sorry|thanks|thank you|ta|"
                             r"(?:that'?s|that is|how|you'?re|you are) (?:very |really |so )?(?:kind|nice|sweet)"
                             r"(?: of you)?(?: but)?)\b[\s,]*)+")
# "ok", "right", "i see" before the real answer acknowledge the explanation: "ah ok, no, nothing like that".
_ACKNOWLEDGEMENT = re.compile(r"^(?:(?:ok+|okay|okey|k|kk|right|alright|all right|i see|got it|understood|fair enough|"
                              r"makes sense|oh+|ah+)\b[\s,]*)+")


# "since two months, maybe little more": a hedge about a number or a time answers another question
_A_NUMBER_OR_TIME = re.compile(r"\d|\b(?:since|weeks?|months?|days?|years?|ago|out of|one|two|three|four|five|"
                               r"six|seven|eight|nine|ten)\b")


# "maybe 5?", "probably a 6": a score with a hedge, the answer to how strong it is, not "not sure"
_HEDGED_SCORE = re.compile(r"^(?:maybe|perhaps|possibly|probably)\s+(?:a\s+|an\s+|about\s+|around\s+)?"
                           r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\b"
                           r"(?!\s*(?:weeks?|days?|months?|years?|hours?|ago|times?))")


# "no worries." or "ok no problem," before the answer is a courtesy, not a no ("ok no problem. yes, I want the
# massage"); said alone or without a stop ("no problem with my bladder") it stays a no.
# ... and as other Englishes say it: "no wahala, check on me" (Nigerian), "nae bother", "no dramas", "no sweat"
_COURTESY_FIRST = re.compile(r"^\W*(?:(?:ok|okay|oh|ah)\W+)?(?:no (?:worries|problem|probs?|biggie|wahala|dramas|sweat|"
                             r"stress|bother|prob)|nae bother|not a problem)"
                             r"\s*[.,!;:-]+\s*(?=\w)", re.IGNORECASE)


def read_yes_no(text: str, intent: str | None = None) -> Answer | None:
    """Yes, no or unsure, from the opening words, else from the intent; None when it is neither.

    "Not sure" and hedges count as unsure even after a yes ("yes maybe") so the safety screening
    can treat them as the safer answer.
    """
    courtesy = _COURTESY_FIRST.match(text)
    if courtesy:
        text = text[courtesy.end():]
    words = _LEADING_FILLER.sub("", _words(text)) or _words(text)
    if not words:
        return None
    answer_after = _ACKNOWLEDGEMENT.sub("", words)
    if answer_after != words and (_NO_START.match(answer_after) or _UNSURE_FIRST.match(answer_after)):
        words = answer_after
    if _UNSURE_FIRST.match(words) and not _HEDGED_SCORE.match(words):
        return Answer.UNSURE
    if _NO_START.match(words):
        return Answer.NO
    if _YES_START.match(words) or _WEAK_YES_START.match(words):
        return Answer.UNSURE if re.search(r"\b(?:maybe|perhaps|not sure|i think|a little|a bit)\b", words) \
            and len(words.split()) <= 5 and not words.startswith(("yes please", "ok", "okay", "sure")) else Answer.YES
    if _UNSURE.search(words) and len(words.split()) <= 6 and not _A_NUMBER_OR_TIME.search(words):
        return Answer.UNSURE
    return {"affirm": Answer.YES, "deny": Answer.NO, "dont_know": Answer.UNSURE}.get(intent or "")


# An offer taken up in words other than a first "yes": "Lovely. Yes please, let's try the first one",
# "very well, I'll give it a go", "let's do the first one".
_NOT_LATER = r"(?![\w ]{0,25}\b(?:later|another|tomorrow|tonight|after|when|in a bit))"  # "I'll try later": not now
_TAKES_IT_UP = re.compile(rf"^(?:(?:fine|alright|all right|right|ok|okay|go on|fair enough|fair enuf|makes sense|"
                          rf"i see|got it)\s+(?:then\s+)?(?=let'?s|lets|i'?ll|go on|go ahead|yes|ok|sure|show me))?"
                          rf"(?:yes|yeah|yep|yup|ok|okay|sure|go on|please|very well|let'?s|lets|"
                          rf"i'?ll (?:try|give|have){_NOT_LATER}|i will (?:try|give|have){_NOT_LATER}|"
                          rf"show (?:me|us)|guide (?:me|us)|"
                          rf"(?:i'?ll|i will) (?:go|take it|do it) (?:gentle|gently|easy|slow|slowly|light|lightly)|"
                          rf"talk me through|happy to|i'?d love|"
                          rf"(?:that|it|they|those|these|check[- ]?ins?|the check[- ]?ins?) (?:sounds?|would be|"
                          rf"seems?) (?:good|great|lovely|helpful|fine|perfect|grand|ideal|useful))\b")


# a "no" that denies a symptom or a worry rather than refusing: "no sharp pain", "no swelling", "no one spot"
_NO_SYMPTOM_FIRST = re.compile(r"^no (?!thanks|thank|ta\b|cheers|way|need|ty\b|thx|please|pls|i\b|not\b|no\b|"
                               r"massage|pressing|rubbing|thats?|it\b|more|chance|sorry)[a-z]{3,}\b")
_PLAIN_NO = re.compile(r"^(?:no|nope|nah|no thanks|no thank you|not for me|i'?d rather not|rather not)\b")


# Putting an offer off or doing without it, wherever it is said: "I'll have a go on my own later, no need to
# guide me", "I think I'll skip the pressing", "he will think about it, not now".
_PUTS_OFF = re.compile(
    r"\b(?:no need (?:to|for)|(?:on|by) my own|by myself|skip|give (?:it|that) a miss|pass on|not now|not today|"
    r"not (?:right )?now|not yet|think about it|maybe later|another time|some other time|"
    r"(?:try|do) (?:it |that )?later|later on|leave it (?:for now|for today|there)|rather not|not for me|"
    r"(?:just |i'?ll |ill |i will |gonna |going to )leave it|(?:i'?ll|ill) pass(?! (?:them|it|these|those|that) on)|"
    r"(?:won'?t|not) bother|forget it|"
    r"give it a rest|nah i'?m good|i'?m ok thanks|"
    # "I'll leave the massage for now", "check-ins are not necessary"
    r"leave (?:the |that |this )?(?:massag\w*|press\w*|rubbing|coaching|self[- ]massage)|"
    r"(?:not|isn'?t|aren'?t) (?:really )?(?:necessary|needed|required)|unnecessary|"
    r"don'?t (?:want|need) (?:to|it|that|the|a)|"
    r"no thanks|no thank you)\b")


# "I'd be obliged if you'd take me through the first one", "could you guide me through the first muscle then?"
_COACH_ME = re.compile(r"\b(?:take|taking|walk|walking|talk|talking|guide|guiding|run|running|lead|leading|step|"
                       r"stepping) (?:me|us|him|her) (?:through|thru)\b|"
                       r"\bshow (?:me|us|him|her) (?:how|the (?:first|massage|way|one)|what to do)\b|"
                       # "Shall we try the first one?" (a muscle named otherwise may not be the one offered)
                       r"\b(?:shall|can|could|should) (?:we|i) (?:try|do|start)(?: with)? (?:the|that) "
                       r"(?:first|1st|top) (?:one|muscle)\b")
_NOT_NOW_OR_NOT = re.compile(r"\b(?:don'?t|dont|doesn'?t|not|no need|rather not|never|later|tomorrow|tonight)\b")


def asks_to_be_taken_through(text: str) -> bool:
    """ "could you walk me through it?": a request to be coached now, whatever question it is phrased as."""
    return bool(_COACH_ME.search(_words(text))) and not _NOT_NOW_OR_NOT.search(_words(text))


_CHANGE_OF_MIND = re.compile(r"\b(?:on second thoughts?|second thoughts|changed? my mind|change of heart|in fact|"
                             r"actually|scratch that|no wait|wait|or rather|thinking about it)\b")


def read_offer_reply(text: str, intent: str | None = None) -> Answer | None:
    """Yes or no to an offer (coaching, check-ins): the opening words, else a later sentence or clause
    that opens with a clear yes or no ("Lovely. Yes please", "Oh that makes sense. Yes, let's try it").
    Putting it off or doing without it, said anywhere, is a no: nothing starts unasked for. A mind changed
    in the message ("Non, I prefer not... hmm, in fact, yes, let us try it") is read by its last decision."""
    turns = list(_CHANGE_OF_MIND.finditer(text.lower()))
    if turns:
        decided = read_offer_reply(text[turns[-1].end():], None)
        if decided is not None:
            return decided
    if "?" not in text and _PUTS_OFF.search(_words(text)):
        return Answer.NO
    first = read_yes_no(text, None)
    if first is Answer.UNSURE and "?" not in text:
        # "I'm not sure about the check-ins... oh go on then, why not": decided after the doubt
        for clause in re.split(r"[.!,;:\n]+", text)[1:]:
            words = _LEADING_FILLER.sub("", _words(clause))
            if _PLAIN_NO.match(words) or _TAKES_IT_UP.match(words):
                return Answer.NO if _PLAIN_NO.match(words) else Answer.YES
    if first is Answer.NO and _NO_SYMPTOM_FIRST.match(_words(text)):
        # "No sharp pain when I breathe, and no tender spot on the bone. OK let's try": the "no" denied a worry
        # (the caution asked about); the last clause answers the offer
        clauses = [_LEADING_FILLER.sub("", _words(c)) for c in re.split(r"[.!,;:\n]+", text)[1:]]
        taken_up = [c for c in clauses if c and _TAKES_IT_UP.match(c)]
        if taken_up and not any(_PLAIN_NO.match(c) and not _NO_SYMPTOM_FIRST.match(c) for c in clauses):
            return Answer.YES
    if first is not None:
        return first
    if asks_to_be_taken_through(text):
        return Answer.YES  # asked to be taken through it, a question or not
    if "?" not in text:  # "Why those? None of them are in my head": still the question, whatever follows
        for clause in re.split(r"[.!,;:\n]+", text)[1:]:
            words = _LEADING_FILLER.sub("", _words(clause))
            if _PLAIN_NO.match(words):
                return Answer.NO
            if _TAKES_IT_UP.match(words):
                return Answer.YES
        if _TAKES_IT_UP.match(_LEADING_FILLER.sub("", _words(text))):
            return Answer.YES
    return read_yes_no(text, intent)


# "not that one", "that's not it", "what else could it be": another muscle, not a no to massage
_OTHER_MUSCLE = re.compile(
    r"\b(?:not (?:that|this|the first|the) (?:one|muscle|spot)|"
    r"(?:that'?s|thats|it'?s|its|this is|that is) not (?:it|the one|that one|the right one|where it is|"
    r"where i feel it|where it hurts|where the pain is|where i get it)|not convinced|"
    r"what else(?= could| might| have you| is there|\s*$)|(?:another|a different|the next|next) (?:one|muscle)|"
    r"any other (?:muscles?|ones?|options?|ideas?)|any others|other (?:muscles|options)|something other than|"
    r"(?:don'?t|dont|do not) think (?:that'?s|thats|that is|it'?s|its|it is|that one'?s|that one is|this one'?s|"
    r"this one is|that muscle'?s|that muscle is) (?:it|the one|right|that one|this one|that muscle|this muscle)|"
    r"(?:could|might|can|would) it (?:not )?be (?:something|anything|another|a different|some other) ?"
    r"(?:else|one|muscle)?|"
    r"already (?:tried|done|rolled|foam rolled|massaged|stretched) (?:that|this|it)|"
    r"not (?:those|these|them)(?: ones| muscles)?(?=\W|$)|"
    r"(?:that'?s|thats|it'?s|its|this is|that is) not (?:really|quite|exactly) (?:it|the one|that one|right)|"
    r"(?:doesn'?t|does not|don'?t) (?:sound|feel|seem) (?:like )?(?:it|the one|that one|right to me)(?=\W|$)|"
    r"(?:done|tried|rolled|foam rolled|massaged|stretched) (?:them|those|these)(?: ones| muscles)?(?: already| before)?"
    r"(?=\W|$)|(?:tried|done) (?:all )?(?:of )?(?:them|those) already|"
    # "hmm none of those sound right"
    r"none of (?:those|these|them|the (?:muscles|ones))(?: really| quite)? (?:sounds?|seems?|feels?|looks?|rings?|"
    r"is|are)(?: like)? (?:right|it|the one|familiar|a bell|true|likely|mine)|"
    # "I don't think it is these. Is there other possibility?", "... foam rolled a lot. Something else?"
    r"(?:don'?t|dont|do not) think (?:it'?s|its|it is) (?:these|those|them|that one|this one)|"
    r"(?:any |an |some )?other possibilit(?:y|ies)|something else\W*$|"
    # "I don't think it's any of those", "hmm I think is not this, ..."
    r"(?:don'?t|dont|do not) think (?:it'?s|its|it is) (?:any|either|one) of (?:those|these|them)|"
    r"(?:think )?(?:is|it'?s|its|it is) not (?:this|that)(?: one| muscle)?(?= i | because| as |$)|"
    # "I've rolled on a ball there and nothing changes": tried already, no use
    r"(?:massag\w*|roll\w*|rubb?\w*|press\w*) [^.?!]{0,40}\b(?:already|before)?[^.?!]{0,10}\b(?:and|but) "
    r"(?:nothing (?:chang\w*|happen\w*|help\w*|works?|work\w*)|no (?:change|difference)|"
    r"(?:it )?(?:didn'?t|doesn'?t|does not|did not) (?:help|change|do anything|make a difference)))\b")


def wants_other_muscle(text: str) -> bool:
    """True for a reply to the coaching offer that asks for another muscle ("Not that one, I've rolled my
    IT band for months. What else could it be?"), which no yes/no reading may take as a "no"."""
    return bool(_OTHER_MUSCLE.search(_words(text)))


_PROFESSIONAL = re.compile(
    r"\b(?:see|book|get|want|rather|prefer|find|point me to|recommend|refer me|speak to|talk to|"
    r"(?:i|we) (?:should |better |had better |ought to )?go to)\b[^.?!]{0,30}?"
    r"\b(?:physio|physiotherapist|osteo|osteopath|chiropractor|professional|specialist|therapist|clinician|"
    r"someone (?:at the clinic|in person|properly|qualified|(?:who|that) (?:does|do|knows|know|is trained|can do))|"
    r"somebody (?:who|that) (?:does|do|knows|know|is trained|can do))\b|"
    # "can u just send me to a physio", "refer me on to someone"
    r"\b(?:send|put) me (?:to|on to|onto|through to|in touch with)\b[^.?!]{0,12}?"
    r"\b(?:physio|physiotherapist|osteo|osteopath|chiropractor|professional|specialist|therapist|someone|somebody)\b|"
    # "could you tell me who I should see instead?"
    r"\bwho (?:should|shall|do|can|could|would|ought) (?:i|we|he|she) (?:to )?(?:see|go to|ask|contact|ring|call)\b|"
    r"\bwho (?:to|i should|i could) (?:see|go to|contact)\b|"
    # "just tell me where to go to get it looked at", "where should I go to have this checked"
    r"\bwhere (?:to|should i|do i|can i|could i) (?:go|turn)\b[^.?!]{0,25}\b(?:looked at|checked|seen|examined|"
    r"treated|sorted)\b")


def wants_professional(text: str) -> bool:
    """ "tbh I'd rather a physio looked at it properly", "ok might see a physio then": a request for a person,
    not an answer to what was asked. (Not "my physio said...": a verb of wanting or booking comes first.)"""
    return bool(_PROFESSIONAL.search(_words(text)))


_WHY_THESE = re.compile(r"^(?:(?:but|ok|okay|hmm|wait|and)\s+)*(?:(?:why|whys that|why'?s that|how come)"
                        r"(?:\s+(?:tho|though|is that|that|so|them|those|these))?|y\s+(?:tho|though))$|"  # "y tho"
                        r"\b(?:why|how come|fit wye|fit way|whit wye|whit wey|whit way)\b[^.!]{0,60}"
                        r"\b(?:those|these|them|that one|this one|muscles?|neck|"
                        r"shoulders?|back|talking about|on about)\b|"
                        r"\bhow (?:is|can|could|would) it (?:be )?(?:a|the|this|that|my|one) (?:\w+ )?muscles?\b|"
                        r"\bhow (?:can|could|does|do|would|will|is|are) (?:a|the|those|these|this|that|my|one) "
                        r"(?:\w+ )?muscles?\b|\bhow (?:a|the|this|that|one|these|those) muscles? (?:can|could|does|do|"
                        r"would|will|give|gives|cause|causes|make|makes|send|sends)\b|"
                        r"\bmuscles?\b[^.!?]{0,40}\b(?:not|isn'?t|aren'?t|arenae|nowhere near|"
                        r"far from|even) (?:where|near|in|at)\b[^.!?]{0,25}\b(?:hurts?|pain|sore)")


_WHAT_TRIGGER_POINT = re.compile(
    r"\bwhat(?:'?s| is| are| exactly is| actually is| even is| does| do)\b[^.?!]{0,25}\btrigger ?points?\b|"
    r"\btrigger ?points?\b[^.?!]{0,30}\b(?:mean|means|meaning|exactly|when it'?s at home)\b|"
    r"\b(?:explain|never heard of|don'?t know what)\b[^.?!]{0,25}\btrigger ?points?\b")


def asks_what_a_trigger_point_is(text: str) -> bool:
    """ "Sorry, what actually is a trigger point?", "what's a trigger point when it's at home?"."""
    return bool(_WHAT_TRIGGER_POINT.search(_words(text)))


# "why the calf? its my foot", "why would my calf make my foot cramp?": why a place other than the painful one
_WHY_THAT_PLACE = re.compile(r"\bwhy (?:(?:the|my|that|this|a) )?(?!not\b)[a-z]+(?: [a-z]+)?\s*\?|"
                             # "is it my calf? my mate said it could be": whether another place is the cause
                             r"\b(?:is it|could it be|might it be|can it be) (?:my|the|from my|from the) [a-z]+"
                             r"(?: muscles?)?\s*\?|"
                             r"\bwhy (?:would|does|do|can|could|should|is|are|will) (?:my|the|a|that|this) [a-z]+"
                             r"(?: [a-z]+)? (?:make|makes|cause|causes|give|gives|affect|affects|hurt|send|sends|be)\b|"
                             # "wait so i rub my forearm not my fingers?": the place treated is not the one that hurts
                             r"\b(?:rub|massage|press|work on|treat|roll)\b[^.!?]{0,30}"
                             # not "can I do the massage for him rather than him doing it?": who does it
                             r"\b(?:not|instead of|rather than)\b(?!\s+(?:him|her|them|me|he|she|they|i|myself|"
                             r"himself|herself|themselves|doing)\b)[^.!?]{0,30}\?")


def asks_why_these(text: str) -> bool:
    """ "Why those ones though? I'd have thought it was a neck thing": why these muscles, in the person's words."""
    low = re.sub(rf"(?<![\w']){_Y_ASKING}", "why", text.lower())  # "y forearm?" (the question mark kept)
    return bool(_WHY_THESE.search(_words(text)) or _WHY_THAT_PLACE.search(low))


# "I take clopidogrel since my stent, is massage alright?", "Is massage ok for kids his age though?"
# age itself asked about: "am I too old for this sort of thing?", "is she too old for massage", "at my age?"
_TOO_OLD = re.compile(r"\b(?:(?:am i|is (?:he|she|mum|dad|mom|gran\w*|grand\w*)|are (?:we|they)) (?:too|not too) old|"
                      r"too old (?:for|to)|at (?:my|his|her|our|their) age)\b")
_SAFE_WORDS = re.compile(r"\b(?:safe|ok|okay|alright|all right|fine|dangerous|harmful|risky|allowed|a problem|an issue|"
                         r"(?:is|it'?s|is it|any|no) problem|"  # a learner's "is problem for the massage?"
                         r"a good idea|bad for|harm|damage|an artery|a nerve|a vein|something i shouldn'?t)\b|"
                         r"\b(?:can|could|should) (?:i|he|she|we|they) (?:still|safely|even) "
                         r"(?:massage|press|rub|do)\b")
# "Dad asks, can he do this, he takes blood thinner tablets": "may he do it?" with a condition beside it (not "can I
# do the massage for him?", which asks to be coached)
_MAY_THEY_DO_IT = re.compile(r"\b(?:can|could|should|may) (?:i|he|she|we|they) (?:do|try|have) "
                             r"(?:this|it|that|the massage)\b")
_MASSAGE_OR_CONDITION = re.compile(
    r"\b(?:massag\w*|press\w*|rub\w*|pregnan\w*|blood thinners?|thinners|warfarin|clopidogrel|"
    r"apixaban|rivaroxaban|edoxaban|dabigatran|aspirin|anticoagul\w*|diabet\w*|osteopor\w*|cancer|chemo\w*|stent|"
    r"pacemaker|varicose|kids?|child|children|teens?|teenagers?|(?:his|her|my) age|steroids?|bruise\w*|"
    r"arthritis|arthritic|artery|nerve|(?:yrs?|years?) old|elderly|breastfeed\w*|nursing|"
    # "I have fibromyalgia is that okay": a named condition or its kind (-algia, -itis, -osis)
    r"fibromyalg\w*|\w+algia|\w+itis|\w+osis|lupus|epilep\w*|ha?emophil\w*|hypermobil\w*|ehlers|"
    r"multiple sclerosis|parkinson\w*|heart condition|(?:high )?blood pressure|implants?|metal work)\b")


_SAFETY_QUESTION_CLAUSE = re.compile(
    r"\b(?:is|are|will|would|could|can|should|does|do) (?:it|this|that|massage|massaging|pressing|rubbing|i|he|she|"
    r"we|they)\b[^.;!?]{0,40}\b(?:safe|ok|okay|alright|all right|fine|dangerous|harmful|risky|allowed|a problem)\b")


# a question opening a later clause, without its question mark: "Dad asks, can he do this, he takes ..."
_ASKED_IN_A_CLAUSE = re.compile(r"(?:^|[,.;:]\s*)(?:can|could|should|may) (?:i|he|she|we|they) (?:do|try|have|still)\b|"
                                # asked indirectly: "he wants to know if it's ok to do this", "wondering whether"
                                r"\b(?:know|wondering|wonder|wondered|asks|asking|asked|find out|checking)\s+"
                                r"(?:if|whether)\b")


def asks_if_massage_is_safe(text: str) -> bool:
    """A question whether self-massage is safe for this person, in any words: answered with the caution."""
    words = _words(text)
    # a question in any clause: "I take warfarin for my heart, is massage safe", "before we start is it safe"
    asks = "?" in text or bool(re.match(r"(?:is|are|will|would|could|can|should|does|do)\b(?! like\b)", words)) or bool(
        _SAFETY_QUESTION_CLAUSE.search(words)) or bool(_ASKED_IN_A_CLAUSE.search(text.lower()))
    too_old = _TOO_OLD.search(words)
    if asks and too_old and ("?" in text or too_old.group().startswith(("am", "is", "are"))):
        return True  # "I'm 80 next month - am I too old for this?": the caution for older people
    if asks and _MAY_THEY_DO_IT.search(words) and _MASSAGE_OR_CONDITION.search(
            re.sub(r"\b(?:massag\w*|press\w*|rub\w*)\b", " ", words)):
        return True
    return asks and bool(_SAFE_WORDS.search(words)) and bool(_MASSAGE_OR_CONDITION.search(words))


# After "please see a doctor within days": may I do something myself until then? ("Is there anything gentle
# I can do in the meantime?", "Shall I carry on pressing?", "is it ok to still do the massage meanwhile?")
_CARRY_ON = re.compile(
    r"\b(?:anything|something|what)\b[^.?!]{0,25}\b(?:gentle|i can do|can i do|to do|to try|i could do|i could try|"
    r"i can try|that helps?)\b[^.?!]{0,30}(?:meantime|meanwhile|until|till|before (?:then|i see|the)|for now|\?)|"
    r"\b(?:shall|should|can|could|may) i (?:still |just )?(?:carry on|keep (?:going|pressing|doing|at it)|continue|"
    r"go on|do the|try the|use the|massage|press|stretch)\b[^.?!]{0,30}(?:\?|meantime|meanwhile|until|for now)|"
    r"\bis it (?:ok|okay|alright|all right|fine|safe) to (?:still |keep |carry on |continue )?(?:do|doing|massage|"
    r"press|pressing|stretch|carry on|keep)\b")


def asks_to_carry_on(text: str) -> bool:
    """A question whether to do something for the pain oneself meanwhile (not about going to the doctor)."""
    return bool(_CARRY_ON.search(text.lower().replace("\u2019", "'")))


# "How many times in the day I must do this?", "how often should I do it?", "how long do I hold it for?": the dose
# of the self-care, not how long the pain will last ("how long will it take to go?")
_HOW_OFTEN = re.compile(
    r"\bhow (?:often|frequently|many (?:times|x|sessions|rounds|reps|goes))\b[^.!?]{0,40}"
    r"(?:\b(?:should|must|shall|can|do|need to|have to) (?:i|we|he|she|they|you)\b|"
    r"\b(?:massag\w*|press\w*|stretch\w*|repeat|a day|per day|in the day|daily|a week|per week|each day)\b)|"
    r"\bhow long (?:do|should|must|shall|can|to|for|am (?:i|ah)|are (?:we|you)|is (?:he|she))\b[^.!]{0,25}\b"
    r"(?:hold|keep|press|stay|stretch|massage|do)\b|"
    r"^\W*(?:and |so |ok |okay )?(?:how many times|how often)\s*\?")


def asks_how_often(text: str) -> bool:
    """A question about how often, or how long each time, to do the massage or the stretch."""
    low = text.lower().replace("\u2019", "'")
    return bool(_HOW_OFTEN.search(low)) and "better" not in low and "go away" not in low


# "Yes please, show me what to do", "wer am i meant to press exactly", "where do I put my fingers?": how to find the
# spot again, asked while pressing (not how it feels)
_WHERE_TO_PRESS = re.compile(
    r"\b(?:where|wer|whr|wher)\b[^.!?]{0,25}\b(?:press|push|put|find|spot|exactly|supposed|meant)\b|"
    r"\bshow me (?:what to do|how|where|again)\b|\bhow do i (?:find|do (?:it|this|that)|press|know where)\b|"
    r"\b(?:can'?t|cannot|couldn'?t) find (?:it|the spot|the muscle|the knot|where)\b|"
    r"\bwhat (?:do|should) i (?:do|press)(?: now| with)?\s*(?:\?|$)")


def asks_where_to_press(text: str) -> bool:
    """How and where to press, asked again during the pressing."""
    return bool(_WHERE_TO_PRESS.search(text.lower().replace("\u2019", "'")))


# "is it plantar fasciitis then?", "do I have a slipped disc?", "what do you think it is?"
_CONDITION_NAME = (r"\w+itis|\w+osis|\w+algia|sciatica|(?:slipped |bulging |herniated |prolapsed )?disc|hernia|"
                   r"tear|torn|fracture|broken|tendon\w*|tennis elbow|golfer'?s elbow|frozen shoulder|carpal tunnel|"
                   r"shin splints|plantar|rotator cuff|(?:pinched|trapped) nerve|sprain|strain|migraine|whiplash|"
                   r"arthritis|gout|rsi|repetitive strain|sinus\w*")
_DIAGNOSIS_QUESTION = re.compile(
    # (not "how is it a muscle that isn't even where it hurts?", which asks how referred pain works)
    r"(?<!how )(?<!why )\b(?:is|could|can|might) (?:it|this|that) (?:even |really |actually |definitely )?"
    r"(?:be )?(?:a )?"
    r"muscle(?:s| thing| problem| issue)?\b|"
    rf"\b(?:is|could|might|would|can) (?:it|this|that|he|she) (?:be |have |has )?(?:a |an |my |his |her |some )?"
    rf"(?:[\w']+ ){{0,2}}(?:{_CONDITION_NAME})\b|"
    rf"\b(?:do|does|did|have|has) (?:i|you think i|he|she|my \w+) (?:have|has|got|get) (?:a |an |some )?"
    rf"(?:[\w']+ ){{0,2}}(?:{_CONDITION_NAME})\b|"
    r"\bwhat (?:do you think it is|is it|could it be|is wrong|do i have|is causing it|is this)\b|\bdiagnos\w*")


def asks_for_a_diagnosis(text: str) -> bool:
    """A question what the condition is: the bot says plainly that it does not diagnose."""
    # "what is this trigger point? is like a knot?" asks about the word, not for a diagnosis
    return "?" in text and bool(_DIAGNOSIS_QUESTION.search(_words(text))) and not asks_what_a_trigger_point_is(text)


# "should I take my blood pressure tablets in the morning or the evening?", "how many ibuprofen can I take?"
_MEDICINE = (r"tablets?|pills?|meds|medicines?|medication|painkillers?|pain killers?|ibuprofen|paracetamol|"
             r"co-?codamol|codeine|naproxen|aspirin|inhaler|antibiotics?|prescription|dose|dosage|insulin|statins?")
_MEDICINE_QUESTION = re.compile(
    rf"\b(?:should|shall|can|could|do|must|when|how (?:much|many|often)|what time|which|is it ok to|"
    rf"is it alright to|safe to) (?:i |he |she |we )?(?:\w+ ){{0,4}}(?:take|have|use|stop|start|double|up|increase|"
    rf"reduce|swap|switch|mix)\b[^.!?]{{0,40}}\b(?:{_MEDICINE})\b|"
    rf"\b(?:{_MEDICINE})\b[^.!?]{{0,30}}\b(?:in the morning or|morning or (?:the )?(?:evening|night)|before or after|"
    rf"with or without (?:food|a meal)|how (?:much|many|often))|"
    rf"\bhow (?:much|many) (?:{_MEDICINE})\b")


def asks_about_medicines(text: str) -> bool:
    """A question about taking medicines: not the bot's to answer (a pharmacist or the GP is); a question
    whether massage is safe with a medicine (a blood thinner) is asks_if_massage_is_safe, asked first."""
    return "?" in text and bool(_MEDICINE_QUESTION.search(_words(text))) and not asks_if_massage_is_safe(text)


_ABOUT_THE_BOT = re.compile(r"\b(?:bot|robot|human|person|real|ai|machine|computer|automated|program|chatbot)\b")


_ASKS_IF_A_BOT = re.compile(
    r"\b(?:are|r) (?:you|u|ya) (?:a |an )?(?:real|human|bot|robot|computer|machine|ai|chatbot|person|automated|"
    r"program)\b|"
    r"\b(?:real )?(?:person|human|people) or (?:a |an )?(?:computer|bot|robot|machine|ai|chatbot|program)\b|"
    r"\b(?:computer|bot|robot|machine|ai|chatbot) or (?:a )?(?:real )?(?:person|human)\b|"
    r"\b(?:is this|is that|am i (?:talking|chatting|speaking|typing) (?:to|with)) (?:a |an )?(?:real (?:person|human)|"
    r"human|bot|robot|computer|machine|ai|chatbot|person)\b|"
    # said as a statement with a question mark: "you are a bot?", "u r robot?"
    r"^(?:[\w']+\s+){0,3}?(?:you|u|ya) (?:are|r|is) (?:a |an )?(?:real (?:person|human)|human|bot|robot|computer|"
    r"machine|ai|chatbot|program)\b[^?]*$")


def asks_if_a_bot(text: str) -> bool:
    """"you are real person or computer?", "is this a bot", "before I go on, you are a bot?": asked of the
    assistant, whatever the classifier heard."""
    # each question on its own too: the statement-with-a-question-mark form is anchored to its sentence
    return any(_ASKS_IF_A_BOT.search(_words(part)) for part in [text, *re.findall(r"[^.?!]*\?", text)])


def is_about_the_bot(text: str) -> bool:
    """Whether the words can be a question about the assistant itself; the classifier's "are you a bot?"
    for "Now we're talking, 6" or "will a hot water bottle help while I wait" is not, nor is "Ai! is sharp!"
    (an "ai" cried out, not the AI asked about)."""
    return bool(_ABOUT_THE_BOT.search(_words(_CRIED_OUT.sub(" ", text.lower()))))


# "ai!", "aii", "ai ai": a cry of pain in several languages, not artificial intelligence
_CRIED_OUT = re.compile(r"\bai+\b(?=\s*(?:!|ai\b|,\s*(?:is|it|that|es|é|this)\b))")


# --- the pressure loop -------------------------------------------------------------------------
# The stop signs: sharp, burning, tingling, numb or electric pain means the spot or the pressure is wrong.
# "no tingle", "tingling's gone" deny or pass one (_NEGATED_STOP); too much pain says so too (_STOP_WORDS).
_STOP_SIGN = (r"(?:stop|sharp|stabbing|stab|shooting|electric|zap\w*|zing\w*|sting|stings|stinging|tingl\w*|numb\w*|"
              r"pins and needles|burning|burns|pins|nerve)")
_STOP_WORDS = re.compile(rf"\b(?:{_STOP_SIGN}|too painful|can'?t bear|unbearable|agony)\b")
_LESS_WORDS = re.compile(
    r"\b(?:too much|too hard|too strong|too deep|too sore|too painful|a bit much|bit much|owe*|ouch+|ow+|yikes|"
    r"hurts? (?:too|a lot|loads)|lighter|softer|gentler|ease off|easing off|eased off|back off|backing off|"
    r"(?<!too )(?<!very )less|wince|wincing|tensing|holding my breath|can'?t relax|very sore|really sore|"
    r"too intense|overdoing|"
    r"(?:quite|very|really|pretty|rather|bit|a bit|so|super|well) intense|intense now|grimac\w*|flinch\w*|"
    r"pulling (?:a )?faces?|making (?:a )?faces?|screw\w* (?:up )?(?:his|her|my) face|squirm\w*|"
    # "whoa easy", "thats grim", "eek"
    r"wh?oa+h?|woah+|easy(?: now| tiger| does it)?|steady on|grim|nasty|eek+|yowch|owch|oof+)\b")
_MORE_WORDS = re.compile(
    r"\b(?:too less|very less|barely|barley|hardly|scarcely|"
    r"(?:can'?t|cant|cannot|don'?t|dont) (?:really |rly |quite |much )?feel|"
    r"(?:not|no) feel(?: it)? (?:much|anything|a lot|it)|"  # learner English: "not feel much"
    r"not feeling|feel nothing|nothing|nothin|nuthin|nutten|nuttin|nowt|hee haw|zilch|nada|sod all|bugger all|"
    r"(?:cyaan|canny|cannae|kyaan) (?:really )?feel|not a lot|feel (?:very |so |only )?little|"
    r"feel(?:ing|s)? (?:very|so|only) (?:a )?little|only (?:a )?(?:little|light|slight) (?:pressure|bit)|"
    # "I eh feel it" (Trinidad), "i no dey feel am" (Nigerian Pidgin), "only mild", "tickling"
    r"(?:i |me |mi )?(?:eh|doh|no dey|no) feel|tickling|(?:only )?mild(?: only)?|"
    r"feel\w* it (?:only )?small|small small|"
    r"feel (?:almost |hardly )?anything|(?:very|so) little|"
    # "I can only just feel it", "ngl thats not doing much", "It doesn't feel of much"
    r"(?:only|just) (?:just |barely )?feel(?:ing)? (?:it|that|anything)|"
    r"(?:not|\w+n'?t) (?:doing|do|feel|feeling|feels|making) (?:of |like |a )?(?:much|a lot|anything|a thing|"
    r"a difference|any difference)|"
    # "it doesn't hurt at all", "not tender at all": nothing found yet, so firmer or a finger's width on
    r"(?:doesn'?t|does not|don'?t|do not|not|isn'?t) (?:really |even )?(?:hurt\w*|tender|sore)(?: at all| much| a bit)|"
    r"not much|not really|harder|deeper|firmer|more pressure|press more|push more|a bit more|little more|more|meh|"
    r"too light|too soft|too gentle|too weak|very light|weak|gentle rub|tickles?|nothing happening|"
    r"(?:a )?(?:bit|little|touch|tad) (?:light|soft|gentle)|quite (?:light|soft|gentle)|could (?:go|take) (?:a bit )?"
    r"(?:harder|more|firmer|deeper))\b")
_GOOD_WORDS = re.compile(
    r"(?:\b(?:good|right|perfect|spot on|that'?s it|thats it|nice|great|lovely|sweet spot|good hurt|strong ache|"
    r"relieving|relief|bearable|fine|ok|okay|yep|yes|yeah|about right|just right|feels right|in the band|better|"
    r"guid|grand|champion|sound|mint|bang on|lush|correct|this one|that one|decent|solid|"
    r"hurts good|hurts so good|satisfying|working|release|releasing|(?:that'?s |thats )?the spot|right there|"
    r"the one|melting|melts|pleasant|comfortable|comfy)\b|\U0001F44D|\U0001F44C|\u2705)")
_DONE_WORDS = re.compile(
    # "No more pressing then", "not pressing any more": the pressing ends, whatever "more" says
    r"\b(?:no more (?:press\w*|push\w*|massag\w*|rubb\w*|of (?:that|this|it))|"
    r"(?:not|won'?t|don'?t want to) (?:press|push|massag|rubb)\w* (?:any ?more|again)|"
    r"done|finished|all done|that'?s enough|had enough|enough now|it'?s eased|eased off now|gone now|"
    r"melted|released|let go|it'?s gone|it went|softened|ninety seconds|90 seconds|held it|"
    r"leave it (?:there|for (?:now|today|tonight))|call it a day|stop (?:there|for (?:now|today)))\b")
_IN_A_GOOD_WAY = re.compile(r"\bin a (?:good|nice|satisfying|lovely) (?:way|kind of way|sort of way)\b|"
                            r"\bhurts so good\b")
_AND_A_HALF = re.compile(r"\b(\d|zero|one|two|three|four|five|six|seven|eight|nine)\s+(?:and|n|&|'n')\s+a\s+half\b")
# At the top of the band, "softer is nice, maybe 5" says what was done and "a nice 5, not too much" denies it:
# neither is a wince that asks to ease off further
# "is good, not too much": too much denied is no "too much"
_DENIED_LESS = re.compile(r"\b(?:not|isn'?t|no longer|never)\s+(?:too|a bit|that|very|really|so)\s+"
                          r"(?:much|hard|strong|deep|sore|painful|intense)\b")
_DONE_OR_DENIED_LESS = re.compile(r"\b(?:softer|lighter|gentler|eased off|backed off|less pressure)\b|"
                                  + _DENIED_LESS.pattern)
# "no tingle", "not sharp", "without any numbness", "tingling's gone": a stop sign denied or passed is none
# ... "nothing sharp", "no burning or tingling": each sign of a denied list
_NEGATED_STOP = re.compile(rf"\b(?:no|not|nor|without|nothing|isn'?t|wasn'?t|never|no more)\s+(?:any\s+|at all\s+|"
                           rf"really\s+)?{_STOP_SIGN}(?:\s*(?:,|or|nor|and|n)\s+(?:any\s+)?{_STOP_SIGN})*\b|"
                           rf"\b{_STOP_SIGN}(?:'s|\s+is|\s+has|\s+have|\s+went)?\s+"
                           rf"(?:gone|passed|stopped|eased|went|settled|disappeared|away|over)\b")
_TOOL_TIRED = re.compile(r"\b(?:thumb|thumbs|finger|fingers|hand|hands|wrist|knuckles?|arm)\b[^.!?]{0,25}"
                         r"\b(?:tired|aching|aches|sore|hurts|hurting|getting tired|worn out|cramp\w*|knackered|"
                         r"shattered|killing me|done in|dead|giving up|giving out)\b")
_LEVEL = re.compile(r"(?<![\d/\w])(\d{1,2}(?:\.\d)?|zero|one|two|three|four|five|six|seven|eight|nine|ten)"
                    r"(?:\s*(?:/|out of|of)\s*10|ish)?(?![\d/\w])")
# "a strong one", "that one", "the first one": "one" as a word for a thing, not a level
_ONE_AS_A_THING = re.compile(r"\b(?:a|an|the|that|this|which|good|strong|big|deep|nice|first|second|other|same|"
                             r"right|sore|tender|real|proper|[a-z]+er|[a-z]+est)\s+$")


# words of the pressing itself: "using a tennis ball on the wall, cant really feel it" said to the coaching offer
_PRESSING_NOW = re.compile(r"\b(?:press\w*|push\w*|ball|roller|rubb\w*|digg?\w*|thumb|knuckles?|lean\w* (?:on|into)|"
                           r"feel (?:it|that|nothing|nothin|much|anything)|can'?t (?:really |rly )?feel|only just feel|"
                           r"not doing (?:much|anything)|harder|deeper|firmer|lighter|softer|gentler)\b")


def reports_pressing_already(text: str) -> bool:
    """Said to the offer to guide the massage, a reply that tells how the pressing feels ("cant feel nothin, using
    the ball", "pressing now, about a 6"): they have started, so the coaching starts and answers it."""
    words = _words(text)
    if "?" in text or not _PRESSING_NOW.search(words):
        return False
    reading = read_pressure(text)
    return reading.direction in (Pressure.MORE, Pressure.LESS, Pressure.STOP) or reading.level is not None


# faces said alone or beside words in the pressure loop, read as the words they stand for
_FACES_AS_WORDS = (
    (re.compile("[\U0001F623\U0001F616\U0001F62B\U0001F629\U0001F630\U0001F631\U0001F62C\U0001F635\U0001F975"
                "\U0001F915\U0001F62D\U0001F622]"), " ouch "),
    (re.compile("[\U0001F60C\U0001F60A\U0001F642\U0001F60D\U0001F970\U0001F601\U0001F600\U0001F4AF]"), " nice "),
    (re.compile("[\U0001F610\U0001F611\U0001F971\U0001F90F]"), " meh "),
)


def _level_in(words: str, band: tuple[int, int] = (5, 7)) -> float | None:
    """The pressure level said; of several, the last ("was a 3, now a 6"), except that a range touching the
    band ("a gentle 4 or 5", "6-7") counts as in it."""
    levels = _levels_in(words)
    if len(levels) >= 2 and abs(levels[-1] - levels[-2]) <= 1:
        if max(levels[-2:]) > band[1]:
            return max(levels[-2:])  # "a 7 kinda? or 8": past the top of the band, so ease off
        in_band = [level for level in levels[-2:] if band[0] <= level <= band[1]]
        if in_band:
            return in_band[-1]
    return levels[-1] if levels else None


def _levels_in(words: str) -> list[float]:
    levels = []
    for match in _LEVEL.finditer(words):
        before = words[:match.start()]
        if re.search(r"(?:\d+\s*(?:seconds?|secs?|minutes?|mins?|times?)\b|\bfor\s+)$", before):
            continue
        if match.group(1) == "one" and _ONE_AS_A_THING.search(before):
            continue
        after = words[match.end():]
        if re.match(r"\s*(?:seconds?|secs?|minutes?|mins?|times?|days?|weeks?|hours?|years?|%)\b", after):
            continue
        value = word_number(match.group(1))
        if value == 10 and _OUT_OF.search(before):
            continue  # "five outta ten": the scale, not a second level
        if value is not None and 0 <= value <= 10:
            levels.append(value)
    return levels


_OUT_OF = re.compile(r"(?:\bout\s+of|\boutta|\bouta|\bof|/)\s*$")


# the wince taken back at the top of the band: "oof ok that's a solid 7 but good", "ow, 7, but a good ow"
_GOOD_AFTER_ALL = re.compile(r"\b(?:but|though|yet)\b(?: (?:it'?s|its|it is|that'?s|thats|a|still|really|so))*"
                             r" (?:good|fine|ok|okay|bearable|manageable|nice|right|alright|a good \w+)\b"
                             r"(?! (?:bit|lot))")


def read_pressure(text: str, *, direction: str | None = None, sensations: Iterable[str] = (),
                  band: tuple[int, int] = (5, 7)) -> PressureReading:
    """The coach's next step from a reply in the pressure loop.

    A button's direction wins; then stop signs (sharp, burning, tingling, numb, electric); then a
    number (above the band: ease off; below: press more; in it: good); then the words.
    """
    if direction:
        try:
            return PressureReading(Pressure(direction))
        except ValueError:
            pass
    # "maybe 7.5": a half level counts as the level above (the safer reading); the decimal point would
    # otherwise be lost with the punctuation
    text = re.sub(r"(?<![\d.])(\d)\.(\d)(?![\d.])", lambda m: str(int(m.group(1)) + (m.group(2) != "0")), text)
    text = _AND_A_HALF.sub(lambda m: str(int(word_number(m.group(1)) or 0) + 1), text.lower())  # "seven and a half"
    for faces, word in _FACES_AS_WORDS:
        text = faces.sub(word, text)  # "😣" while pressing winces, "😌" is relief, "😐" is meh
    words = _words(text)
    low, high = band
    level = _level_in(words, band)
    if set(sensations) & {"sharp", "stabbing", "burning", "tingling", "numb", "shooting", "electric"} or \
            _STOP_WORDS.search(_NEGATED_STOP.sub(" ", words)):
        return PressureReading(Pressure.STOP, level)
    if _TOOL_TIRED.search(words) and not _IN_A_GOOD_WAY.search(words):
        return PressureReading(Pressure.TOOL_TIRED, level)  # (not "that's killing me in a good way, like a 6")
    if level is not None:
        if level > high or (level == high and _LESS_WORDS.search(_DONE_OR_DENIED_LESS.sub(" ", words))
                            and not _GOOD_AFTER_ALL.search(words)):
            return PressureReading(Pressure.LESS, level)  # "ow ok thats like 7 maybe 8": at the top and wincing
        if level < low:
            return PressureReading(Pressure.MORE, level)
        return PressureReading(Pressure.GOOD, level)
    if _LESS_WORDS.search(_DENIED_LESS.sub(" ", words)):
        # "ok lighter. perfect": what they did, then how it feels now
        last_clause = re.split(r"\s*(?:[.!;,]|\bnow\b|\band\b)\s*", text.lower().strip(" .!"))[-1]
        if _GOOD_WORDS.search(_words(last_clause)) and not _LESS_WORDS.search(_words(last_clause)):
            return PressureReading(Pressure.GOOD)
        return PressureReading(Pressure.LESS)
    if _DONE_WORDS.search(words):
        return PressureReading(Pressure.DONE)
    if _MORE_WORDS.search(words):
        return PressureReading(Pressure.MORE)
    if _GOOD_WORDS.search(words):
        return PressureReading(Pressure.GOOD)
    return PressureReading(Pressure.UNCLEAR)


# --- check-ins -----------------------------------------------------------------------------------
_WORSE = re.compile(r"\b(?:worse|worsening|bad|awful|terrible|not good|not great|more pain|hurts more|"
                    r"deteriorat\w*|not as good|went backwards|gone backwards|flared|flare)\b")
_BETTER = re.compile(r"\b(?:better|improv\w*|easier|eased|easing|less pain|less sore|hurts less|good|great|"
                     r"loads better|much better|bit better|on the mend|settled|settling|going away|gone|healed|fine)\b")
_SAME = re.compile(r"\b(?:same|no change|not changed|hasn'?t changed|unchanged|similar|no different|not different|"
                   r"about the same|much the same|as before|still|steady|no better no worse|neither)\b")


def read_trend(text: str) -> str | None:
    """better, same or worse; None when the words say none of them.

    "no better" and "not better" are the same (or worse), never better.
    """
    words = _words(text)
    if re.search(r"\b(?:no|not|isn'?t|hasn'?t|any) (?:better|improv\w*|easier)\b", words):
        return "worse" if _WORSE.search(words.replace("no better", "")) else "same"
    if re.search(r"\b(?:no|not|isn'?t) worse\b", words):
        return "better" if _BETTER.search(words) else "same"
    if _WORSE.search(words):
        return "worse"
    if _SAME.search(words):
        return "same"
    if _BETTER.search(words):
        return "better"
    return None


_NOT_HELPED = re.compile(r"\b(?:(?:didn'?t|did not|doesn'?t|does not|hasn'?t|has not|haven'?t|not really|never) "
                         r"(?:really |actually |much |that much |seem to |seemed to )?"
                         r"(?:help|helped|work|worked|do (?:anything|much|a lot)|make (?:a|any|much) difference)|"
                         r"no help|no use|useless|"
                         r"made no difference|no difference|not much help|not helped|waste of time)\b")
_HELPED = re.compile(r"\b(?:helped|helps|helping|did help|does help|worked|works|working|made a difference|"
                     # "The stretches did, yes": the self-care named, then "did"
                     r"(?:stretch\w*|massag\w*|ball|exercises?|pressing|rolling) did(?!n| not| nothing| nowt)|"
                     # "the stretches yes", "massage no but stretches yes": the self-care named, then a yes
                     r"(?:stretch\w*|massag\w*|ball|exercises?|pressing|rolling)\W+(?:yes|yeah|yep|aye|definitely)|"
                     r"useful|did the trick|eased it|loosened|relief|helpful|"
                     # learners' "help" for "helped": "little bit help", "it help a little", "massage is help"
                     r"(?:bit|little|lil|small|it|is|was|they|this|that|massage|stretch\w*|ball|exercises?) help"
                     r"(?! you| with| please)(?!\w))")


_SELF_CARE_WORDS = r"stretch\w*|massag\w*|ball|exercises?|pressing|rolling|roller"
# "the ball against the wall has been brilliant": the self-care named, and praised
_SELF_CARE_PRAISED = re.compile(rf"\b(?:{_SELF_CARE_WORDS}|tips?|advice)\b"
                                r"[^.!?]{0,30}\b(?:brilliant|great|amazing|a godsend|a lifesaver|fab|fantastic|"
                                r"a (?:big |great |real )?help|magic|wonders|a treat|spot on)\b")
# "I had a week off for the wedding which probably helped too": something else helped, not the self-care
_SOMETHING_ELSE_HELPED = re.compile(r"\b(?:week off|weeks off|days? off|time off|holiday|break|rest|resting|tablets?|"
                                    r"painkillers?|pills|ibuprofen|paracetamol|weather|wedding|sun)\b[^.!?]{0,40}"
                                    r"\b(?:helped|helps|did the trick)\b")
_SELF_CARE = re.compile(rf"\b(?:{_SELF_CARE_WORDS}|self[- ]?care)\b")


# news of another pain: "now the right calf has started doing the same", "my knee is sore as well"
_NEW_COMPLAINT = re.compile(r"\b(?:now (?:my|the|it'?s|its)|started|starting|another|other (?:side|one)|different|"
                            r"new|as well|also|too)\b")


def tells_of_another_pain(text: str) -> bool:
    """Words that present a pain as news rather than more about the one already told."""
    return bool(_NEW_COMPLAINT.search(text.lower()))


# a degree alone, said to "did it help?": "little bit", "a bit", "somewhat" (yes, a little); "not much" (no)
_DEGREE_ONLY = re.compile(r"(?:yes,? )?(?:a )?(?:little|lil|small|tiny) (?:bit|bit only)|(?:a )?(?:bit|little)|"
                          r"(?:yes,? )?(?:somewhat|slightly|kind of|kinda|sort of|a tad|partly|some|a little only|"
                          r"small small|little little)")
_DEGREE_NONE = re.compile(r"not (?:much|a lot|really|very much|that much)|(?:hardly|barely|scarcely)(?: at all)?")


def helped_said_to_the_question(text: str) -> Answer | None:
    """The answer to "did it help?": in words (read_helped), or a degree alone ("little bit" is a small yes)."""
    helped = read_helped(text)
    if helped is not None:
        return helped
    bare = _words(text).strip(" .!")
    if _DEGREE_NONE.fullmatch(bare):
        return Answer.NO
    if _DEGREE_ONLY.fullmatch(bare):
        return Answer.YES
    # the degree first, then when or how it helped: "a bit, on the days I did it", "kinda? a lil"
    clauses = [_words(c).strip() for c in re.split(_DEGREE_THEN_WHEN, text) if _words(c).strip()]
    if clauses and not _BUT_NOT.search(_words(text)):
        if _DEGREE_NONE.fullmatch(clauses[0]):
            return Answer.NO
        if _DEGREE_ONLY.fullmatch(clauses[0]) or (len(clauses) > 1 and all(
                _DEGREE_ONLY.fullmatch(c) for c in clauses)):
            return Answer.YES
    return None


_DEGREE_THEN_WHEN = r"[,;?!.]+|\s+(?=(?:when|whenever|on the days|if|after|each time)\b)"
_BUT_NOT = re.compile(r"\b(?:but|though|not|didn'?t|don'?t|no)\b")


def read_helped(text: str) -> Answer | None:
    """Whether the self-care helped, in words: "Little bit it helped", "yes the golf ball thing helped",
    "the stretches didn't do much"; None when the message does not say."""
    words = _words(text)
    if _NOT_HELPED.search(words):
        return Answer.NO
    if _SOMETHING_ELSE_HELPED.search(words) and not _SELF_CARE.search(words):
        return None  # the question is still to ask: what helped was something else
    if _HELPED.search(words) or _SELF_CARE_PRAISED.search(words):
        return Answer.YES
    return None


_NOTHING_NEW = re.compile(r"\b(?:(?:nothing|nothin|nuthin|nowt|nout|naething|nada|zilch) "
                          r"(?:new|else|different|like that|of that|of the sort)|no new|no news|"
                          r"none of (?:that|those|them)|"
                          r"no (?:numbness|weakness|fever|tingling)(?:\W+(?:or|no|and|nor) (?:numbness|weakness|fever|"
                          r"tingling|new pain|pain elsewhere))*\W*$)")


def says_nothing_new(text: str) -> bool:
    """ "Nothing new. No numbness, no fever", "and nothing new": the check-in's last question answered."""
    return bool(_NOTHING_NEW.search(_words(text)))


_CHECKIN_ACTIONS = (
    ("stop", re.compile(r"\b(?:on the head|no need to keep|stop|stopping|cancel|unsubscribe|no more|"
                        rf"{SCRAP_THE_CHECKINS}|"
                        r"don'?t want (?:them|these|any|check)|quit|(?<!-)end(?!-)|"
                        rf"{QUIT_THE_CHECKINS}|"
                        r"opt out|leave me alone|stop messaging|stop texting|enough of|"
                        r"(?:don'?t|do not|shan'?t|won'?t|will not) (?:need|want)|no (?:need|thanks|thank you)|"
                        r"knock (?:the |them |it )?(?:check[- ]?ins? )?on the head|no need to keep|"
                        r"(?:can|could) stop (?:now|them|asking|checking)|no more (?:check|messages|asking)|"
                        # "nvm dont bother checkin in on me", "no need to bother with the check-ins"
                        r"(?:don'?t|dont|do not|no need to|needn'?t) bother (?:with )?(?:the |my |any )?"
                        r"(?:check|messag|remind|text)\w*)\b")),
    ("resume", re.compile(r"\b(?:resume|restart|start again(?! (?:after|from|on|in|next|when|once))|"
                          r"start (?:them|the check)|turn (?:them|it) back on|"
                          r"switch (?:them|it) back on|"
                          r"back on(?! (?:the |on )?\d| the \d| (?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b)|"
                          r"carry on (?:with|checking)|unpause|"
                          r"continue (?:the )?check|keep checking|"
                          r"keep (?:the |my |these |those )?check[- ]?ins? (?:going|coming|on)|"
                          r"(?:can|could) (?:start|carry on|continue)(?![\w ]{0,12}\b(?:after|from|next|when|once)\b)|"
                          r"(?<!until )(?<!till )(?<!til )(?<!when )(?<!once )(?<!before )i'?m back|"
                          r"(?<!until )(?<!till )(?<!when )(?<!once )back now|back home)\b")),
    ("pause", re.compile(r"\b(?:pause|hold off|on hold|put (?:them|it) on hold|"
                         r"hold (?:the|my|these|those|them|all|any) ?(?:check ?-?ins?|messages|texts|reminders)?\b"
                         r"(?=[\w ]{0,20}\b(?:until|till|til|untill|while|for)\b)|"
                         r"(?:take|make|have|need) a break|break from|away on|"
                         r"on holiday|holiday|(?<!bye )(?<!ra )(?<!all )(?<!it )for now|"
                         r"suspend|not for a while|while i'?m away|whilst i'?m away|"
                         r"(?:not|don'?t|do not) (?:bother|message|text) me|don'?t send|do not send|"
                         r"(?:until|till|til|untill) i (?:come|get) (?:back|home)|(?:until|till|til|untill) "
                         r"(?:i'?m|i am|we'?re|we are) (?:back|home)|while (?:i'?m|we'?re) (?:away|off)|on ice|"
                         r"no (?:messages|texts|reminders|check ?-?ins)(?! (?:yet|so far))|"
                         r"put (?:them|it|the check ?-?ins?) off)\b")),
    ("reschedule", re.compile(r"\b(?:move|push|postpone|delay|later|next (?:week|wk)|nxt (?:week|wk)|"
                              r"not this (?:week|wk)|"
                              r"another day|reschedule|ask me (?:another|later|next|tomorrow)|"
                              r"(?:can'?t|cant|cannot) do (?:this|it) "
                              r"(?:now|rn|right now|today)|"
                              r"put (?:it|them) back|different day|in a week|few days|tomorrow|"
                              # "I was here last Monday": a day gone by, not one asked for
                              r"(?<!last )(?<!since )(?<!past )(?:monday|tuesday|"
                              r"wednesday|thursday|friday|saturday|sunday))\b")),
)


def read_checkin_action(text: str) -> str | None:
    """pause, resume, stop or reschedule, for "can you pause these for now" and the like."""
    words = _words(text)
    if _MOVE_IT.search(words) and requested_checkin_days(text) is not None:
        return "reschedule"  # "can't do this now, move it to next week": a day asked for wins over a "can't"
    if _KEEP_THEM.search(words):
        return "keep"  # "no, the check-ins I have are enough": nothing to change
    for action, pattern in _CHECKIN_ACTIONS:
        if pattern.search(words):
            return "pause" if action == "stop" and _FOR_A_WHILE.search(words) else action
    if _ANOTHER_DAY.search(words) and requested_checkin_days(text) is not None:
        return "reschedule"  # "can u do it mon 14th instead", "make it the 10th"
    return None


# a stop that is for a while ("stop the check in for now, I tell you when I come back") is a pause
_FOR_A_WHILE = re.compile(r"\b(?:for now|for the moment|for a (?:bit|while|few (?:days|weeks))|for (?:the next )?"
                          r"(?:\d+|two|three|four|a couple of|a few) (?:days?|weeks?)|temporarily|"
                          r"(?:until|till|til|when) i(?:'m| am)? (?:come |get |am |'m )?(?:back|home)|"
                          r"i(?:'ll)? (?:tell|let) you (?:know )?when|"
                          # "stop the messages until January", "until after Christmas", "till I return"
                          r"(?:until|till|til|untill) (?:after )?(?:i (?:return|get back)|(?:the )?new year|january|"
                          r"february|march|april|may|june|july|august|september|october|november|december|christmas|"
                          r"xmas|easter|the holidays|next (?:week|month|year)))\b")
# the check-ins left as they are: "the check-ins I have are enough", "keep them as they are"
_KEEP_THEM = re.compile(r"\b(?:check[- ]?ins? (?:i |i'?ve |we |already |booked |planned |have |got ){1,3}(?:are|is) "
                        r"(?:enough|fine|plenty|ok)|"
                        r"(?:keep|leave) (?:them|the check[- ]?ins?|my check[- ]?ins?) (?:as (?:they are|it is)|"
                        r"like that|as is)|(?:already|got) (?:have )?(?:enough )?check[- ]?ins?(?: booked| planned)?"
                        r"(?:,| is| are)? (?:enough|fine|plenty))\b")


_MOVE_IT = re.compile(r"\b(?:move|moving|postpone|reschedule|push (?:it|them|that|this) (?:back|on)|put (?:it|them) "
                      r"back|(?:push|shift|bump) (?:my|the|our|next|this)(?: next)? check[- ]?ins?)\b")
_ANOTHER_DAY = re.compile(r"\b(?:instead|rather|make it|do it|make the first|have it|prefer)\b")


# --- closings and alternatives -------------------------------------------------------------------
# Where people go for the help the bot advised.
_HELP_PLACES = (r"999|111|911|112|000|gp|doctors?|doctor'?s|docs?|surgery|ambulance|nhs|clinic|physio|a e|"
                r"a and e|hospital|er|urgent care|urgencias|walk-in|walk in|"
                r"minor injuries|casualty|emergency|the emergency room|out of hours|appointment|midwife|nurse|dentist|"
                r"pharmacist|chemist|optician|111 online|oncologist|oncology (?:nurse|team|unit)|p(?:a)?ediatrician|"
                r"specialist|consultant|(?:my|the|her|his) (?:care )?team|district nurse|practice nurse|"
                r"health visitor|podiatrist|rheumatologist")
_CLOSING = re.compile(
    r"^(?:no|nope|na|nah|nothing|that'?s all|that'?s it|that is all|that'?s everything|that is everything|"
    r"all good|all done|i'?m good|i'?m fine|im good|ta-ra|tara|ta ra|cheerio|laters|ttyl|gg|take care|all the best|"
    r"(?:l8r|l8rs|l8ters|later|cya|c ya|peace out|sound(?: as| mate| bro)?)$|"  # alone: not "later in the day"
    r"(?:all |that'?s |thats )?sorted|"
    r"(?:na|naw|nah|no)\W+(?:ur|you'?re|ye'?re|yer|you are) (?:alright|all right|ok|okay|grand|fine)|"
    r"have a (?:good|great|nice|lovely) (?:one|day|evening|night|weekend)|"
    r"good (?:evening|night|day|afternoon) to (?:you|ye|ya|u)|good luck|all the best|bless(?: you| ya| ye| u)?|"
    r"no thanks|no thank you|not now|not right now|bye|goodbye|cheers|ta|thanks|thank you|thx|thnx|tnx|ty|thank u|"
    r"safe(?: bro| man| g| fam| mate| yeah)?\W*$|"  # London "safe": thanks, all good
    r"that'?ll do|back to (?:it|work|the grind|the office|my shift|the desk)|"
    # "right, back to the chops", "back to service": off to the work again, in a few words of their own
    r"back to (?!(?:the |my )?(?:pain|ache|hurt\w*|sore\w*|square|normal)\b)(?:the |my |me )?[a-z']+(?: [a-z']+)?$|"
    r"nothing else|nothin|nuthin|nowt|none|i'?m off|im off|i'?m done|done for now|see you|see ya|good night|night|"
    r"that'?s me|that will be all|that'?ll be all|will do|that was (?:all|it|everything)|that'?s the lot|thats the lot|"
    r"(?:i'?m |im )?(?:going|leaving|off|heading (?:off|there|in|out)|on my way)(?: now| right now| then)?$|"
    r"(?:i'?ll|ill|i will|i shall|will|a'll|ah'?ll) (?:ring|call|phone|book|contact|go|"
    # "ah'll gie the surgery a ring", "I'll give the GP a bell"
    r"(?:give|gie) (?:[\w']+ ){1,3}a (?:ring|call|bell|phone|buzz|shout)|"
    r"see (?:the|a|my|them|you|ya|someone|somebody)|try|do|"
    r"(?:speak|talk|have a word|check) (?:to|with)|(?:ask|tell|get) (?:the|my|her|his|them|our))|"
    # going to get the help the bot advised: "ok ringing 111 now", "calling 999", "booking the gp"
    # going to get the help advised, in a few words of one's own: "ok po I will go to the walk in clinic now"
    r"(?:[\w']+\W+){0,5}?(?:ringing|calling|phoning|booking|calling up|ring|call|phone|book|get|getting|"
    r"go (?:and |to )?see|going (?:to )?see|go|going|"
    r"head|heading|off|try|trying|contact|contacting|visit|pop|popping|make an appointment (?:with|at)|book in with|"
    r"booking in with|(?:take|taking|bring|bringing|carry|carrying|drive|driving) (?:him|her|them|me|us))"
    r"\W+(?:(?:the|my|an|a|them|up|down|to|down to|over to|into|in at|round to)\W+)*"
    rf"(?:{_HELP_PLACES}|them|now|today|tonight|straight away|right away|asap)\b|"
    r"(?:(?:k|ok|okay|fine|right|alright|will do)\W+)*(?:i'?ll|ill|i will|will|gonna|going to|i'?m gonna|i'?m going to|"
    r"we'?ll|we will|we shall|we'?re going to|we are going to|she'?ll|he'?ll|they'?ll)"
    r"(?: go| go and)? (?:(?:get it|have it|get this|get him|get her|get them|have her|have him) "
    r"(?:looked at|checked|seen to|seen)|"
    r"(?:get|be) (?:seen|checked|looked at))\b|"
    # someone else taking them: "my daughter says she'll take me to A&E this afternoon", "my son will drive me in"
    r"[\w' ]{0,40}\b(?:take|taking|drive|driving|run|running) (?:me|him|her|them|us) (?:in\b|(?:to|into|down to) "
    rf"(?:the |a )?(?:{_HELP_PLACES})\b|"
    # "I ask my neighbour to drive me today": the lift is the going
    r"(?:there|today|tonight|now|straight away|this (?:morning|afternoon|evening)|to be seen|"
    r"to get (?:seen|checked|looked at))\b)|"
    # "MY GRANDSON CAN DRIVE ME. THANK YOU": a lift, said alone
    r"[\w' ]{0,40}\b(?:drive|driving) (?:me|him|her|them|us)$|"
    # "I'll let you know when we're back": leaving, to come back
    r"(?:i'?ll|ill|i will|will|we'?ll|we will) (?:let (?:you|u) know|be in touch|get back to (?:you|u)|"
    r"message (?:you|u)|text (?:you|u))\b|"
    r"(?:(?:ok|okay|fine|fair enough|right|alright)\W+)?(?:i'?ll|ill|i will|will|i'?m going to|gonna) "
    r"make an appointment\b|"
    r"(?:ok|okay|alright|all right|right|great|perfect|brilliant|lovely|grand|fab|cool)\W+"
    r"(?:thanks|thank you|ta|cheers|bye|i'?ll)|but no|no need)\b")


_FAREWELL_WORDS = re.compile(r"\b(?:thanks|thank you|thx|ty|ta|cheers|bye|goodbye|that'?s all|that'?s everything|"
                             r"that is all|that is everything|ringing|calling|phoning|going to|heading|"
                             r"(?:i'?ll|ill|i will|we'?ll) (?:ring|call|phone|book))\b")


_QUESTION_START = re.compile(r"^(?:should|shall|can|could|would|will i|do i|does|is it|is this|what|why|how|when|"
                             r"where)\b")


_DELAYS_HELP = re.compile(
    r"\b(?:can'?t|cant|cannot|won'?t|wont|not going to|not gonna|no way i'?m) (?:go|get|make it|do)\b|"
    r"\bsee how (?:i|it|he|she|things|we) (?:feel|go|goes|am|is)|\bwait (?:and see|till|until|for|a bit|a while)\b|"
    r"\bsleep (?:on it|it off)\b|\bin the morning\b|\b(?:tomorrow|tomoz|tmrw|tmr)\b|\bgot work\b|\bno time\b|"
    r"\bit'?ll pass\b|\b(?:i'?ll|i will|he'?ll|she'?ll) be (?:fine|ok|okay|alright)\b|\bleave it\b|\bride it out\b|"
    r"\bprobably (?:just |)(?:nothing|fine|a strain|muscular)\b|"
    # self-care instead of the help advised: "nah im alright just want a stretch for it", "don't need an ambulance"
    r"\b(?:just|only) (?:want|need|after|give me|tell me|show me) (?:a |the |some )?"
    r"(?:stretch|massage|exercise|tip|advice)|"
    r"\b(?:don'?t|dont|do not) need (?:an? |the )?(?:ambulance|hospital|a e|doctor|999|111)\b|"
    # a day or a week off: "ah sure I'll ring the doctor monday", "I'll call them next week"
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|next week|the weekend|"
    r"in a (?:few|couple of) days|later (?:on|today|this week|in the week)|after (?:christmas|the weekend|work)|"
    r"when i (?:can|get a chance)|when (?:they|it|the surgery|the doctor'?s|the practice|the clinic) opens?)\b")


# going for the help now: "Alright, I'll ring 111 now. Thank you", "my son's driving me in"
_GOING_NOW = re.compile(r"\b(?:now|straight away|right away|immediately|on (?:my|our|the) way|ringing|calling|phoning|"
                        r"heading|driving (?:me|him|her|us)|taking (?:me|him|her|us))\b")


def goes_for_help_now(text: str) -> bool:
    """Closing with the help advised being sought at once, not later: nothing is left to remind them of."""
    return is_closing(text) and bool(_GOING_NOW.search(_words(text))) and not delays_help(text)


def delays_help(text: str) -> bool:
    """After advice to get help now, "I'll see how I feel in the morning" or "can't go, got work tomorrow":
    a reason to say it again, never a goodbye."""
    return bool(_DELAYS_HELP.search(_words(text)))


def is_farewell(text: str) -> bool:
    """A closing that cannot be an answer to a question in a form ("nope thats all, thx!!", "ok ringing the
    midwife now"): unlike a bare "no", which may answer "anything that makes it worse?"."""
    return is_closing(text) and len(_words(text).split()) > 1 and bool(_FAREWELL_WORDS.search(_words(text)))


# a whole clause that only says goodbye, at the end of a longer message
_FAREWELL_CLAUSE = re.compile(r"(?:(?:ok|okay|so|well|anyway|right)\s+)*(?:good ?bye|bye(?: bye| for now| now)?|"
                              r"good ?night|night night|good day(?: to (?:you|ye|ya))?|take care|cheerio|ta-? ?ra|"
                              r"see (?:you|ya|u)(?: later| soon| again)?|god bless(?: you)?|bless you|all the best|"
                              r"many thanks again|thanks again|thank you again)(?:\s+(?:x+|all|dear|love|mate|pal))?")
# a first clause that says there is nothing more: "That is all.", "No more question.", "Is all."
_ALL_SAID_FIRST = re.compile(r"^(?:(?:no|nope|nah|ok|okay|right)\s+)*(?:that'?s all|that is all|thats all|is all|"
                             r"that'?s everything|that is everything|nothing (?:else|more)|no more(?: questions?)?|"
                             r"that will be all|that'?ll be all|that was all|that'?s the lot|all done)$")
_NO_MORE_QUESTIONS = re.compile(r"\bno (?:more|other|further) questions?\b")
# what would make a goodbye something else: a place or a symptom said between the thanks
_NEWS_OF_THE_BODY = re.compile(r"\b(?:pain\w*|hurt\w*|ach(?:e|es|ing|y)|sore\w*|numb\w*|tingl\w*|swol\w*|swell\w*|"
                               r"bleed\w*|worse|weak\w*|dizz\w*|sick|vomit\w*|fever|sharp|burn\w*|another|"
                               r"one more|also|still|question)\b")


_NO_FIRST = re.compile(r"^(?:no|nope|nah|naw|nothing|none|not)\b")
# Words that only acknowledge or address the reader: "very well", "oh dear", "ok po", "thanks bud".
_ACKNOWLEDGING_ONLY = re.compile(
    r"^(?:(?:k|kk|ok+|okay|okey|right|alright|all right|fine|very well|well|oh dear|oh|ah|sure|great|perfect|"
    r"brilliant|lovely|grand|fab|cool|fair enough|understood|got it|noted|yes|yeah|yep|no worries|po|then|so|"
    r"good day|dear|my dear|me dear|mate|bud|buddy|pal|love|hun|bro|sir|doc|it'?s fine|it is fine|all fine|"
    r"all good|that'?s fine|that is fine|no problem|now|"
    r"that'?s (?:grand|great|lovely|perfect|brilliant|good|champion|class|smashing|fab|cool|ace))\b\s*)+$")


# Words that tell something about the pain: a clause with one of them is no small talk
_PAIN_NEWS = re.compile(r"\b(?:pain\w*|hurt\w*|ach\w*|sore\w*|numb\w*|tingl\w*|swol\w*|swell\w*|bleed\w*|blood|worse|"
                        r"weak\w*|dizz\w*|sick|vomit\w*|fever|sharp|burn\w*|stiff\w*|tight\w*|back|neck|knee|shoulder|"
                        r"head|leg|arm|hip|chest|foot|feet|hand|wrist|elbow|ankle|jaw|"
                        # or that asks for something: "ok thanks, let's try", "thanks, one more thing"
                        r"let'?s|lets|try|show|guide|yes|please|more|thing|question|what|how|why|can|could|want)\b|\d")


def _is_small_talk(clause: str) -> bool:
    """Small talk after a goodbye ("shes asleep finally", "I shall manage", "good day to you"), or praise of the help
    ("you've been more use than the club physio")."""
    if _PRAISE.match(clause) and not _PAIN_NEWS.search(_MORE_USE.sub(" ", clause)):
        return True
    return len(clause.split()) <= 6 and not _PAIN_NEWS.search(clause)


_MORE_USE = re.compile(r"\bmore (?:use|help|helpful|useful)\b")  # praise, not "one more thing"


_PRAISE = re.compile(r"(?:you'?ve been|you have been|you'?re|you are|that was|this was|this has been|that'?s been)\b.*"
                     r"\b(?:help\w*|use|useful|star|brilliant|great|legend|amazing|life ?saver|kind|lovely|gem)\b")


# while pressing, where the feeling travels is the referral the coaching looks for, not a new pain:
# "more like a five now and it kind of spreads to my top teeth", "it sends it up into my temple"
_SENT_THERE = re.compile(r"\b(?:spread(?:s|ing)?|sends? (?:it|the pain)?|send(?:ing)? (?:it|the pain)|radiat\w*|"
                         r"shoot(?:s|ing)?|travel(?:s|ling)?|goes|going|went|feel (?:it|that) (?:in|going|up|down))"
                         r"\s+(?:\w+\s+){0,2}(?:to|into|in|up|down|through)\b")


def says_where_pressing_sends_it(text: str) -> bool:
    """ "a 5, and it's spreading up towards my temple": the referral the pressing looks for, no new pain."""
    return bool(_SENT_THERE.search(text.lower()))


def only_acknowledges(text: str) -> bool:
    """ "ok", "right you are", "👍", "🙏": an acknowledgement and nothing else, no answer to any question."""
    if "?" in text:
        return False
    if not re.search(r"[a-z0-9]", text.lower()):
        return bool(text.strip())
    words = _words(text)
    return bool(_ACKNOWLEDGING_ONLY.match(words)) and not re.search(r"\b(?:yes|yeah|yep|sure)\b", words)


# "she's waking up gtg x": a goodbye at the end of a few words of small talk
_BYE_AT_THE_END = re.compile(r"\b(?:bye|goodbye|cheers|thanks)(?: x+)?$")


_COMING_BACK_LATER = re.compile(r"\b(?:i'?ll|ill|i will|i shall|will|i) (?:come back|try again|be back|pop back|"
                                r"return|write|message|text|chat|talk|continue|finish (?:this|it))"
                                r"(?: (?:to|with) (?:it|this|you))?"
                                r" (?:later|another time|another day|tomorrow|when [a-z' ]{3,30}|in a bit|after)\W*$")


# words a check-in command needs: "shins r killin me" heard as one is still the pain, "pause them" is a command
_CHECKIN_TALK = re.compile(r"\bcheck|\bremind|\bmessag|\btext|\bpause|\bstop|\bresume|\bmove|\bcancel|\bunsubscribe|"
                           r"\bholiday|\baway\b|\bemail|\bdelet|\bforget|\bfollow[- ]?up|\bin touch\b")


def talks_of_checkins(text: str) -> bool:
    """Whether a message heard as a check-in command says anything of the check-ins (or of the person's data)."""
    return bool(_CHECKIN_TALK.search(text.lower()))


def comes_back_later(text: str) -> bool:
    """ "THIS IS TOO MANY QUESTIONS I'LL COME BACK LATER", "Sorry, I have a meeting now, I write later": leaving for
    now, meant to come back; not a question ("can I come back later?")."""
    return "?" not in text and bool(_COMING_BACK_LATER.search(_words(text)))


def is_closing(text: str) -> bool:
    """"nothing else, ta", "cheers, I'm off", "Very well, I shall ring the surgery. Thank you dear": the person
    is finished for now. Every part of the message must close or acknowledge: "ciao, I got this pain..." starts."""
    words = _words(text)
    if "?" in text or _QUESTION_START.match(words):
        return False  # "should I take him to A&E or the GP?" asks; it does not leave
    clauses = [c for c in (_words(part) for part in re.split(r"[.!;,\n]+", text)) if c]
    bye_last = bool(_FAREWELL_CLAUSE.fullmatch(clauses[-1])) if clauses else False
    if len(clauses) > 1 and (bye_last or _ALL_SAID_FIRST.match(clauses[0])) and not any(
            _NEWS_OF_THE_BODY.search(_NO_MORE_QUESTIONS.sub(" ", c)) for c in (clauses[:-1] if bye_last else clauses)):
        # "That is all. Thank you, you have been very patient with an old lady. Goodbye.": whatever the
        # thanks say in between, a goodbye at the end (or "that's all" first) leaves, unless a new pain comes
        return True
    if re.search(r"\b(?:but|also|another (?:thing|question|pain|place|area|problem|spot|issue)|else hurts|question)\b",
                 _NO_MORE_QUESTIONS.sub(" ", words)):
        return False
    if comes_back_later(text):
        return True  # "THIS IS TOO MANY QUESTIONS I'LL COME BACK LATER": leaving for now, whatever came before
    closing = [bool(_CLOSING.match(_ACKNOWLEDGEMENT.sub("", c.replace("shall ", "will ")) or c)) for c in clauses]
    settled = [ok or bool(_ACKNOWLEDGING_ONLY.match(c)) or _is_small_talk(c)
               for ok, c in zip(closing, clauses, strict=True)]
    if any(closing) and all(settled):
        return True
    if (tail := _BYE_AT_THE_END.search(words)) and _is_small_talk(words[:tail.start()]):
        return True
    # a "no" may come with a reason ("no, my legs are fine"); anything else must close in every part:
    # "ciao, I got this pain..." greets, "ok thanks, let's try" takes an offer up
    return (len(clauses) <= 1 and bool(_CLOSING.match(words))) or bool(_NO_FIRST.match(words) and _CLOSING.match(words))


_STRETCH = re.compile(r"\b(?:stretch\w*|exercise\w*|"
                      r"(?:without|no|not|skip|rather not (?:risk|do|have|try)) (?:the |any |a )?massag\w*|instead|"
                      r"something (?:gentle|else|other|simple) (?:to do|i can do|i could do)|"
                      r"don'?t (?:want|like) (?:to )?massag\w*|rather not (?:massage|press)|"
                      # "she doesn't really want massage, something gentle she could do in her chair?"
                      r"(?:doesn'?t|does not|don'?t|do not|didn'?t) (?:really |much )?(?:want|like|fancy) "
                      r"(?:to |the |any )?massag\w*|"
                      r"something (?:gentle|easy|simple|light) (?:she|he|they|i|we) (?:can|could) do|"
                      # "idk if i want to press on it, what else can i do"
                      r"(?:what|anything) else (?:can|could|should) i do|(?:other|rather) than (?:massag\w*|press\w*)|"
                      # "I'd rather not do the pressing ... is there anything else I can do?"
                      r"(?:what|anything|something) else (?:i|we|she|he) (?:can|could|might|should) do|"
                      r"rather not (?:do |try )?(?:the |any )?(?:pressing|massag\w*)|"
                      r"(?:don'?t|not sure (?:if )?i|idk if i|dunno if i) (?:really )?(?:want|wanna|fancy) (?:to )?"
                      r"(?:press|massag\w*|dig|push))\b")


# "can I use a foam roller instead of my hands?" asks about a tool, not for something other than massage
_TOOL_INSTEAD = re.compile(r"\b(?:roller|ball|gun|stick|massager|device|hands?|thumbs?|fingers?|knuckles?|elbow|"
                           r"tool|peanut|cane|hook)\b[^.!?]{0,25}\binstead\b|\binstead of (?:my |the |a )?(?:hands?|"
                           r"thumbs?|fingers?|ball|roller)\b")


def wants_stretch_instead(text: str) -> bool:
    """"no massage for me, is there a stretch?"."""
    words = _words(text)
    if _TOOL_INSTEAD.search(words) and not re.search(r"\bstretch|\bexercis|\bno massag|\bnot massag", words):
        return False
    return bool(_STRETCH.search(words))


_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")


# "priya underscore runs at yahoo dot co dot uk": an address said aloud to a phone's dictation
_SPOKEN_EMAIL = re.compile(r"\b([a-z0-9]+(?:\s+(?:underscore|dot|dash|hyphen)\s+[a-z0-9]+)*)\s+at\s+"
                           r"([a-z0-9]+(?:\s+(?:dot|dash|hyphen)\s+[a-z0-9]+)*\s+dot\s+"
                           r"(?:com|uk|org|net|ie|io|co|de|fr|es|it|nl|au|ca|in|ng|pl|info|edu|gov|me|biz|eu|nz|za))\b")
_SPOKEN_SIGNS = (("underscore", "_"), ("dot", "."), ("dash", "-"), ("hyphen", "-"))


def _spoken_email(text: str) -> str | None:
    match = _SPOKEN_EMAIL.search(text.lower())
    if not match:
        return None
    address = f"{match.group(1)} @ {match.group(2)}"
    for word, sign in _SPOKEN_SIGNS:
        address = re.sub(rf"\s+{word}\s+", sign, address)
    address = address.replace(" @ ", "@")
    return address if _EMAIL.fullmatch(address) else None


def find_email(text: str) -> str | None:
    """An email address in the message, typed or dictated ("jo dot bloggs at gmail dot com"), if any."""
    match = _EMAIL.search(text)
    return match.group(0) if match else _spoken_email(text)


# --- deleting the person's data --------------------------------------------------------------------
_DELETE_VERB = (r"(?:delete|erase|wipe|remove|get rid of|bin|scrub|clear|purge|destroy|deleting|erasing|wiping|"
                r"removing|expunge|expunging|yeet|nuke|shred)")
_DELETE_VERB_NOW = r"(?:delete|erase|wipe|remove|get rid of|bin|scrub|clear|purge|destroy|expunge|yeet|nuke|shred)"
# words that can only mean what the bot stores, and words that do when asked for ("wipe everything I typed")
_DATA_WORDS = (r"(?:(?:my|all|the|this|that|any|our|these|those|personal|every|each)(?:\s+\w+)?\s+"
               r"(?:data|details|info|information|records?|history|conversations?|chats?|convo|messages|notes|exchange|"
               r"stuff)|whatever (?:you'?ve|you have|you|i'?ve|i have|i) (?:got|wrote|written|typed|said|saved|stored|"
               r"noted|kept)|"
               r"(?:what|everything|all|anything) (?:i|i've|ive|i have) (?:just |already )?"
               r"(?:typed|said|wrote|written|told you|sent|given you|shared)|about me|anything (?:about|on) me|"
               r"records? of me|my health (?:stuff|info|details)|"
               # "wipe everything you have on me", "bin whatever you've got about me"
               r"(?:everything|all|anything|whatever|what) (?:you'?ve|you have|you'?ve got|you got|u have|u got|"
               r"you hold|you keep|you know) (?:on|about) me)")
_ANYTHING = r"(?:everything|all of (?:it|this)|all this|the lot|it all)"
_ASKING = (r"(?:^|[.!?,]\s*|\b(?:can|could|would|will) you\s+|\bplease\s+|\bpls\s+|\bplz\s+|\bwant you to\s+|"
           r"\bi (?:want|would like|'?d like|need) (?:you to\s+|to\s+)?|\blike you to\s+|\byes\W+|\bjust\s+|"
           r"\b(?:actually|also|and|oh and|then)\s+)")
_DELETION = re.compile(
    rf"\b{_DELETE_VERB}\b[^.!?]{{0,40}}\b{_DATA_WORDS}\b|"
    rf"{_ASKING}{_DELETE_VERB_NOW}\b[^.!?]{{0,25}}\b{_ANYTHING}|"
    r"\bmake (?:you|u|ya) forget\b|"
    # "i'd rather you wiped everything i've told you"
    rf"\b(?:rather|prefer (?:it )?if) (?:you|u) (?:wiped|deleted|erased|removed|cleared|binned|scrubbed|got rid of|"
    rf"forgot)\b[^.!?]{{0,25}}\b(?:{_ANYTHING}|{_DATA_WORDS})|"
    r"\btake (?:my|our|his|her) (?:name|details|info|data|things|stuff|number)\b[^.!?]{0,25}\boff\b|"
    r"\bforget (?:me|everything|all about me|about me|my details|all (?:of )?(?:this|my \w+)|who i am|"
    r"(?:this|the|our|that) (?:whole |entire )?(?:chat|convo|conversation|exchange))\b|"
    r"\b(?:don'?t|do not|dont) want you (?:to )?(?:keep|keeping|store|storing|hold|holding|have|having|remember\w*)"
    r" (?:any of )?(?:this|that|my|it|anything|everything)\b|\bright to be forgotten\b|"
    # "I'd rather you didn't keep anything I've typed", "please don't keep any of this"
    r"\b(?:rather you (?:didn'?t|did not|don'?t|wouldn'?t)|(?:please |pls )?(?:don'?t|do not|dont)) "
    r"(?:keep|store|save|hold on to|hang on to) (?:any of (?:this|it|that|my \w+)|anything|everything|my \w+)\b|"
    r"\b(?:don'?t|do not|dont) want (?:my|any of my|any) (?:info|data|details|information|stuff) "
    r"(?:kept|stored|saved|held|anywhere)\b")
_NOT_DELETION = re.compile(r"\bforget (?:what i said|that) about\b|\bclear (?:up|out) (?:by|on) its own\b|"
                           r"\b(?:clear|wipe) (?:my|the) (?:throat|nose|eyes?|sweat)\b")


def wants_deletion(text: str) -> bool:
    """"Can you get rid of all my details?", "wipe everything I typed", "I don't want you keeping any of
    this": a request to delete the person's data, however it is worded (never "forget what I said
    about the knee", a correction)."""
    low = text.lower().replace("\u2019", "'")
    return bool(_DELETION.search(low)) and not _NOT_DELETION.search(_words(text))
