"""Self-massage coaching on the pain/pleasure scale: cautions first, then finding the spot, then the
pressure loop guided by the person's own feedback (buttons or their own words), then a hold, the
paired stretch and the habits. Nothing here coaches pressure when a red flag says a clinician should
look first, or when a personal caution rules massage out.
"""

from __future__ import annotations

from typing import Any, Dict

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.knowledge_access import (
    Events,
    awaiting,
    bot_turns,
    intake_report,
    knowledge,
    safety_report,
    triage_level_of,
)
from bot.engine.cautions import personal_cautions
from bot.engine.coaching import Step, next_pressure_step, target_band
from bot.engine.screening import next_question
from bot.nlp.replies import read_pressure, reports_pressing_already
from core.types import MuscleCard, TriageLevel


def not_now(dispatcher: CollectingDispatcher, level: TriageLevel) -> bool:
    """Refuse pressure coaching when a red flag says a clinician should look first."""
    if level >= TriageLevel.URGENT:
        dispatcher.utter_message(response="utter_no_coaching_now")
        return True
    if level == TriageLevel.SEE_DOCTOR:
        dispatcher.utter_message(response="utter_see_doctor_before_massage")
        return True
    return False


def gentle_instead(tracker: Tracker) -> Events:
    """After a see-a-doctor refusal, what is fine meanwhile: the stretch and habits of the muscle offered (then the
    check-in offer), so a "yes" or "ok" that follows has something to answer; nothing after urgent advice."""
    if triage_level_of(tracker) != TriageLevel.SEE_DOCTOR or not (
            tracker.get_slot("offered_muscle") or tracker.get_slot("candidate_muscles")):
        return [awaiting(None)]
    return [awaiting(None), FollowupAction("action_stretch_only")]


def show_the_spot(dispatcher: CollectingDispatcher, card: MuscleCard, light: bool) -> None:
    """How to find the spot, the tool and position, then the first press in the band: said when coaching starts
    and again when the person asks where to press."""
    low, high = target_band(light)
    technique = card.technique
    dispatcher.utter_message(response="utter_coach_find", find=technique.get("find", card.trigger_points),
                             tool=technique.get("tool", "fingers"), position=technique.get("position", ""))
    feel = "gentle and comfortable" if light else "a \"good hurt\": strong but relieving"
    dispatcher.utter_message(response="utter_coach_press", low=low, high=high, feel=feel)


def how_often(card: MuscleCard) -> str:
    """The muscle's own frequency, as the end of a sentence."""
    return str(card.technique.get("frequency", "a few times a day")).rstrip(".")


def screening_pending(tracker: Tracker) -> bool:
    """True while safety questions for this person's pain are still to be asked."""
    kb = knowledge()
    report = safety_report(tracker)
    done = list(tracker.get_slot("screening_done") or [])
    return next_question(report, done, kb.questions, kb.rules, kb.groups_of(report),
                         triage_level_of(tracker)) is not None


def coached_muscle(tracker: Tracker) -> MuscleCard | None:
    """The muscle being coached, else the one offered, else the best candidate."""
    for slot in ("coaching_muscle", "offered_muscle"):
        chosen = tracker.get_slot(slot)
        if chosen and knowledge().muscle_card(str(chosen)):
            return knowledge().muscle_card(str(chosen))
    first = next(iter(tracker.get_slot("candidate_muscles") or []), None)
    return knowledge().muscle_card(str(first)) if first else None


class ActionCoachMassage(Action):
    """Start coaching: cautions, finding the spot, the tool and position, the first pressure step."""

    def name(self) -> str:
        return "action_coach_massage"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> Events:
        if not_now(dispatcher, triage_level_of(tracker)):
            return gentle_instead(tracker)
        if not intake_report(tracker).regions:
            dispatcher.utter_message(response="utter_ask_pain_location")
            return [awaiting(None)]
        if screening_pending(tracker):
            return [FollowupAction("action_screen")]
        card = coached_muscle(tracker)
        if card is None:
            dispatcher.utter_message(response="utter_no_muscle_chosen")
            return [awaiting(None)]
        if not card.self_massage:
            dispatcher.utter_message(response="utter_coach_professional_only", muscle=card.name.lower(),
                                     find=card.technique.get("find", card.trigger_points))
            return [awaiting(None), FollowupAction("action_stretch_only")]
        kb = knowledge()
        cautions = personal_cautions(safety_report(tracker), kb.guidance, kb.groups_of)
        blocking = next((c for c in cautions if c.blocks_massage), None)
        if blocking is not None:
            dispatcher.utter_message(response="utter_coach_no_massage_here", reason=blocking.text)
            return [awaiting(None), FollowupAction("action_stretch_only")]
        light = any(c.asks_for_light_pressure for c in cautions) or bool(tracker.get_slot("light_pressure"))
        lines = [f"- **{c.title}:** {c.text}" for c in cautions] + [f"- {c['text']}" for c in card.cautions]
        dispatcher.utter_message(response="utter_coach_cautions", muscle=card.name.lower(), cautions="\n".join(lines))
        show_the_spot(dispatcher, card, light)
        events: Events = [SlotSet("coaching_muscle", card.id), SlotSet("pressure_level", None),
                          SlotSet("light_pressure", light), awaiting("pressure")]
        if reports_pressing_already(str(tracker.latest_message.get("text") or "")):
            return [*events, FollowupAction("action_pressure_feedback")]  # already pressing: answer how it feels
        return events


class ActionPressureFeedback(Action):
    """One step of the pressure loop, from a button or the person's own words ("more like 6 now")."""

    def name(self) -> str:
        return "action_pressure_feedback"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> Events:
        if not_now(dispatcher, triage_level_of(tracker)):
            return [awaiting(None), SlotSet("coaching_muscle", None)]
        card = coached_muscle(tracker)
        if card is None or not card.self_massage:
            dispatcher.utter_message(response="utter_no_muscle_chosen")
            return [awaiting(None), SlotSet("coaching_muscle", None)]
        message = tracker.latest_message
        entities = message.get("entities") or []
        direction = next((str(e.get("value")) for e in entities if e.get("entity") == "direction"), None)
        sensations = [str(e.get("value")) for e in entities if e.get("entity") == "sensation"]
        light = bool(tracker.get_slot("light_pressure"))
        low, high = target_band(light)
        reading = read_pressure(str(message.get("text") or ""), direction=direction, sensations=sensations,
                                band=(low, high))
        step = next_pressure_step(reading, light=light)
        level = f"{step.level:g}" if step.level is not None else ""
        response = step.response
        said_before = [name for turn in bot_turns(tracker) for name in turn]
        if response in ("utter_pressure_more", "utter_pressure_ask") and said_before[-1:] == [response]:
            response = f"{response}_again"  # "still nothin mate", a second unclear reply: not the same words twice
        dispatcher.utter_message(response=response, low=low, high=high, level=level)
        events: Events = [SlotSet("pressure_level", step.level)]
        if step.step.done and tracker.get_slot("awaiting") == "checkin_offer":
            # "omg yes that's it, 6" after the stretch and the offer: good, keep holding; the offer stands
            return [*events, awaiting(None), FollowupAction("action_offer_checkin")]
        if step.step.done:
            habits = "\n".join(f"- {h}" for h in card.habits[:3])
            dispatcher.utter_message(response="utter_coach_finish", stretch=card.stretch, muscle=card.name.lower(),
                                     frequency=how_often(card), habits=habits)
            return [*events, SlotSet("coaching_muscle", None), awaiting(None), FollowupAction("action_offer_checkin")]
        if step.step is Step.STOP:
            # the muscle stays chosen: "ok moved a bit, now a good ache, 6" goes on with the same one
            dispatcher.utter_message(response="utter_anything_else")
            return [*events, awaiting("anything_else")]
        return [*events, awaiting("pressure")]


class ActionShowTheSpot(Action):
    """"Where am I meant to press exactly?" while pressing: how to find the spot again, then how it feels."""

    def name(self) -> str:
        return "action_show_the_spot"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> Events:
        card = coached_muscle(tracker)
        if card is None or not card.self_massage:
            dispatcher.utter_message(response="utter_no_muscle_chosen")
            return [awaiting(None)]
        show_the_spot(dispatcher, card, bool(tracker.get_slot("light_pressure")))
        return [awaiting("pressure")]


class ActionAnswerHowOften(Action):
    """"How many times a day should I do this?": the muscle's own frequency and the hold, from the knowledge base.

    While pressing, it goes back to how the pressure feels; otherwise whatever was asked last still stands.
    """

    def name(self) -> str:
        return "action_answer_how_often"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> Events:
        card = coached_muscle(tracker)
        if card is None:
            dispatcher.utter_message(response="utter_no_muscle_chosen")
            return []
        pressing = tracker.get_slot("awaiting") == "pressure"
        dispatcher.utter_message(response="utter_how_often_pressing" if pressing else "utter_how_often",
                                 muscle=card.name.lower(), frequency=how_often(card))
        return []
