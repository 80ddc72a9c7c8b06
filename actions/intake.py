"""The intake's questions, and what to say when an answer could not be read.

The intake form asks only for what is still missing (FactsPolicy fills the slots from everything
said). Asking the same question twice in a row in the same words reads like a loop, so a question
asked again after an answer to another question says "Thanks, noted" and is worded differently (a
third time, the first wording again). After an aside answered in the same turn the question is asked
plainly (nothing was noted). A message the bot cannot read, in any state, gets the question again
with an example and the buttons that fit; a second misunderstanding in a row offers to start again
or to talk to the clinic, and a third goes back to the question (the offer is never repeated word
for word).
"""

from __future__ import annotations

from typing import Any, Dict

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.knowledge_access import Events, bot_turns, intake_report, knowledge
from bot.dialogue.state import AWAITING_SLOT

INTAKE_SLOTS = ("pain_location", "pain_quality", "pain_intensity", "pain_duration", "pain_trigger")
_REPHRASE_BY_AWAITING = {"coach_offer": "utter_rephrase_coach_offer", "checkin_offer": "utter_rephrase_checkin_offer",
                         "pressure": "utter_pressure_ask"}


def misunderstood_in_a_row(tracker: Tracker) -> int:
    """How many of the bot's latest turns, back to back, said it had not understood."""
    count = 0
    for used in reversed(bot_turns(tracker)[:-1]):
        if any(name.startswith(("utter_rephrase_", "utter_default", "utter_pressure_ask", "utter_stuck"))
               for name in used):
            count += 1
        else:
            break
    return count


class AskOnceInTheseWords(Action):
    """Ask for one fact of a form; worded differently when the same question was just asked."""

    slot = ""

    def name(self) -> str:
        return f"action_ask_{self.slot}"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> Events:
        turns = bot_turns(tracker)
        previous = turns[-2] if len(turns) > 1 else []
        # after an aside answered in this turn ("is this a real person?"), the question plainly: nothing was noted
        answered_aside = bool(turns and turns[-1])
        # asked plainly just now: the other wording; asked in the other wording just now (a third time): plainly
        again = f"utter_ask_{self.slot}" in previous and not answered_aside
        dispatcher.utter_message(response=f"utter_ask_{self.slot}_again" if again else f"utter_ask_{self.slot}")
        return []


class ActionAskPainLocation(AskOnceInTheseWords):
    """Where it hurts; after an area named without a place in it ("my foot"), which part of that area."""

    slot = "pain_location"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> Events:
        report = intake_report(tracker)
        areas = [region for region, _side in report.regions if region in report.vague_regions]
        response = f"utter_ask_which_part_{areas[0]}" if areas else ""
        if response in domain.get("responses", {}) and len(areas) == len(report.regions):
            dispatcher.utter_message(response=response)
            return []
        return super().run(dispatcher, tracker, domain)


class ActionAskPainQuality(AskOnceInTheseWords):
    slot = "pain_quality"


class ActionAskPainIntensity(AskOnceInTheseWords):
    slot = "pain_intensity"


class ActionAskPainDuration(AskOnceInTheseWords):
    slot = "pain_duration"


class ActionAskPainTrigger(AskOnceInTheseWords):
    slot = "pain_trigger"


class ActionAskCheckinPain(AskOnceInTheseWords):
    slot = "checkin_pain"


class ActionAskCheckinHelped(AskOnceInTheseWords):
    slot = "checkin_helped"


class ActionAskCheckinNews(AskOnceInTheseWords):
    """The check-in's last question; asked again when the answer was to the one before it."""

    slot = "checkin_news"


class ActionAskCheckinTrend(AskOnceInTheseWords):
    """The check-in's first question; asked again after a score or a story, without "Hello again"."""

    slot = "checkin_trend"


class ActionRephrase(Action):
    """A message the bot could not read: the pending question again with an example; never a loop."""

    def name(self) -> str:
        return "action_rephrase"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> Events:
        turns = bot_turns(tracker)
        just_said_stuck = len(turns) > 1 and "utter_stuck" in turns[-2]
        if misunderstood_in_a_row(tracker) >= 1 and not just_said_stuck:
            dispatcher.utter_message(response="utter_stuck")
            return []
        requested = tracker.get_slot("requested_slot") if tracker.active_loop else None
        if requested:
            dispatcher.utter_message(response=f"utter_rephrase_{requested}")
            return []
        response = _REPHRASE_BY_AWAITING.get(str(tracker.get_slot(AWAITING_SLOT)), "utter_default")
        values: Dict[str, Any] = {}
        if response == "utter_rephrase_coach_offer":
            card = knowledge().muscle_card(str(tracker.get_slot("offered_muscle") or ""))
            values["muscle"] = card.name.lower() if card else "that muscle"
        dispatcher.utter_message(response=response, **values)
        return []
