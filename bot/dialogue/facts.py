"""The values of the fact slots, from a conversation's state (shared by the facts policy and the CLI).

`pain_location` is `region` or `region:side` (shared/CONTRACT.md), the first place of the latest
description; `pain_duration` is in days. A slot the person said they don't know is `unknown`, so
the intake does not ask it again. Check-in answers come only from the latest check-in's turns.
"""

from __future__ import annotations

import re
from typing import Any, Iterable, Mapping

from bot.dialogue.state import ConversationState
from bot.nlp.numbers import COUNTED_AFTER
from bot.nlp.replies import Answer, helped_said_to_the_question, read_helped, read_trend, says_nothing_new
from core.types import PainReport

__all__ = ["checkin_slots", "intake_slots"]

UNKNOWN = "unknown"


def intake_slots(report: PainReport, unknown: Iterable[str] = (),
                 in_words: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The five intake slots (only those with a value); `in_words` are answers no vocabulary named."""
    values: dict[str, Any] = {slot: UNKNOWN for slot in unknown}
    values.update(in_words or {})
    precise = [(region, side) for region, side in report.regions if region not in report.vague_regions]
    if not precise and values.get("pain_location") == UNKNOWN:
        precise = report.regions[:1]  # asked twice: the area named ("my shoulder") stands for the place
    if precise:
        region, side = precise[0]
        values["pain_location"] = f"{region}:{side}" if side else region
    if report.sensations:
        values["pain_quality"] = report.sensations[0]
    if report.intensity is not None:
        values["pain_intensity"] = str(report.intensity)
    if report.duration_days is not None:
        values["pain_duration"] = f"{report.duration_days:g}"
    if report.activities or report.timings or report.trigger_words:
        # a doing named, then one in the person's words ("after a 12hr shift"), then a time of day ("mornings")
        values["pain_trigger"] = (report.activities or report.trigger_words or report.timings)[0]
    return values


def checkin_slots(state: ConversationState) -> dict[str, Any]:
    """The latest check-in's answers: trend, pain now, whether the self-care helped, anything new."""
    values: dict[str, Any] = {}
    for turn in state.checkin_turns():
        trend = read_trend(turn.text)
        if trend and "checkin_trend" not in values:
            values["checkin_trend"] = trend
        score = next((m.value for m in turn.mentions if m.kind == "intensity" and m.present), None)
        if score is None and trend and turn.requested_slot in ("checkin_trend", "checkin_pain"):
            score = _number_with_the_trend(turn.text)  # "bit better 4", "worse, 7 today"
        if score is not None and turn.requested_slot in ("checkin_pain", "checkin_trend", None):
            values.setdefault("checkin_pain", score)
        answer = turn.answer
        if turn.requested_slot == "checkin_pain" and score is None and answer in (Answer.UNSURE, Answer.NO):
            values.setdefault("checkin_pain", UNKNOWN)
        # "Little bit it helped", or said early with the other answers ("better, 3, the ball helped")
        helped = helped_said_to_the_question(turn.text) if turn.requested_slot == "checkin_helped" else (
            read_helped(turn.text))
        if turn.requested_slot == "checkin_helped" and answer is not None and helped is None:
            helped = answer
        if helped is not None:
            values.setdefault("checkin_helped", {Answer.YES: "yes", Answer.NO: "no"}.get(helped, UNKNOWN))
        news = [m for m in turn.mentions if m.present and m.kind in ("finding", "region", "sensation")]
        if turn.requested_slot == "checkin_news" and helped is not None and not news and (
                not says_nothing_new(turn.text)):
            continue  # "Yes, I think the stretching did help" to "anything new?" answers the question before it
        if turn.requested_slot == "checkin_news":
            values.setdefault("checkin_news", "none" if answer in (Answer.NO, Answer.UNSURE) or
                              "nothing" in turn.text.lower() else turn.text[:300])
        elif says_nothing_new(turn.text):
            values.setdefault("checkin_news", "none")
    return values


_ONE_NUMBER = re.compile(r"^\D*?(?<![\d.])(\d{1,2})(?:\s*/\s*10)?(?![\d.:a-z])\D*$", re.IGNORECASE)


def _number_with_the_trend(text: str) -> str | None:
    """The one number in a short check-in answer that also says better/same/worse: how strong it is now."""
    match = _ONE_NUMBER.match(text.strip())
    if not match or len(text.split()) > 8 or int(match.group(1)) > 10 or COUNTED_AFTER.match(
            text.strip()[match.end(1):].lower()):
        return None  # "better 12 hours a day" counts hours
    return match.group(1)
