"""Who the conversation is about: a carer writing for the patient ("my husband has a stiff neck, left
side, 4/10", "mum is 77 and can't lift her arm") describes the patient, whose words ConText marks as
someone else's. Shared by the dialogue state and `python -m bot assess`, so both read a carer alike.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Sequence

from core.types import Mention

__all__ = ["as_the_patient", "writes_for_someone_else"]

_RELATIVE = (r"(?:mum|mom|mam|mama|mammy|mother|dad|father|husband|wife|partner|nan|nana|nanna|gran|granny|grandma|"
             r"grandmother|"
             r"grandad|granddad|grandpa|grandfather|aunt|auntie|uncle|son|daughter|boy|girl|child|kid|friend|"
             r"neighbour|brother|sister|client|patient|lad|lass|teen|teenager|wee one|little one|toddler|"
             r"\d{1,2} ?(?:yo|y/o|yr old|year old))s?(?:'s)?")
# "my dad", "I'm typing this for my mum": words that name the patient, not the writer's own pain
_NAMING_THE_PATIENT = re.compile(
    rf"\bmy\s+(?:[\w-]+\s+){{0,3}}{_RELATIVE}\b|"
    # "me mam's 79", "me da can't lift his arm": "me" for "my" right before the relative (North of England, Ireland)
    rf"\bme\s+{_RELATIVE}\b|^\W*(?:our\s+)?{_RELATIVE}\b(?=\s*(?:\(|,|\d|is|was|has|had|fell|"
    rf"can|can'?t|says|keeps|won'?t))|"  # "Dad (87) fell...": the message opens with who it is about
    rf"\b(?:i'?m|i am|im)\s+(?:writing|typing|asking|messaging|texting|"
    rf"here)\s+(?:this\s+)?(?:for|on behalf of|about)\b")
_FIRST_PERSON = re.compile(r"\b(?:my|mine|i|i'm|im|i've|ive|i'd|me|myself)\b")
# the writer's "I" as the one who acts or sees ("screams when I move her hip", "no fall that I saw", "I think"):
# not a word of the writer's own pain
_WRITER_ACTS = re.compile(r"\b(?:i|i'?ve|i have|i'?d|we)\s+"
                          r"(?:(?:just|can|could|did|didn'?t|don'?t|tried to|have to|had to)\s+)?"
                          r"(?:move|moved|moving|touch|touched|lift|lifted|pick|picked|carry|carried|change|changed|"
                          r"saw|see|seen|noticed|notice|think|thought|guess|reckon|know|knew|checked|check|took|take|"
                          r"gave|give|put|found|was told|asked|tried)\b|\bthat i (?:saw|know|noticed|could see)\b|"
                          # "he wants me to rub it", "she asked me to write": the writer doing it for them
                          r"\b(?:wants?|wanted|asked|asks|told|tells|needs?) me to\b")


def writes_for_someone_else(messages: Sequence[tuple[str, Sequence[Mention]]]) -> bool:
    """The first place said is someone else's, and the writer says nothing of their own in that message
    ("my dad's back ... his legs": ConText reads the legs as his own, the back as the father's)."""
    for text, mentions in messages:
        places = [m for m in mentions if m.kind == "region" and not m.negated and not m.hypothetical]
        if places:
            low = text.lower().replace("\u2019", "'")
            own_words = _FIRST_PERSON.search(_WRITER_ACTS.sub(" ", _NAMING_THE_PATIENT.sub(" ", low)))
            # ConText does not always reach the place ("my husband has had a stiff neck all week"): a
            # message that names the patient and has no word of the writer's own is about the patient
            # ... named before that place: "calf tight after football, my mum had cancer" is the writer's calf
            at = low.find((places[0].text or "").lower())
            before_the_place = low if at < 0 else low[:at + len(places[0].text or "")]
            named = places[0].other_person or _NAMING_THE_PATIENT.search(before_the_place) is not None
            return named and own_words is None
    return False


def as_the_patient(messages: Sequence[tuple[str, Sequence[Mention]]]) -> list[list[Mention]]:
    """The messages' mentions with what is said of the patient counted as the patient's own when a carer
    writes; unchanged otherwise ("my neck hurts, and my dad had a stroke": the stroke stays his)."""
    if not writes_for_someone_else(messages):
        return [list(mentions) for _, mentions in messages]
    return [[replace(m, other_person=False) for m in mentions] for _, mentions in messages]
