"""Self-massage coaching on the pain/pleasure scale, explanations, and the next candidates.

The coaching loop: cautions first, then how to find the spot, then pressure guided by the
person's own feedback (More, Less, Good, Stop or free text) towards the "good hurt" band, then a
hold, the paired stretch and two or three habit changes. Nothing here coaches pressure when the
conversation's triage level says a clinician should look first.
"""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.assessment import SHOWN, candidate_lines
from actions.knowledge_access import candidates_for, report_from, repository, triage_level_of
from actions.safety import pending_questions
from bot.engine.coaching import PressureStep, next_pressure_step, target_band
from core.types import PainReport, TriageLevel

PRESSURE_BUTTONS = [
    {"title": "More", "payload": "/pressure_more"},
    {"title": "Less", "payload": "/pressure_less"},
    {"title": "Good", "payload": "/pressure_good"},
    {"title": "Stop", "payload": "/pressure_stop"},
]
Events = List[Dict[str, Any]]


def _not_now(dispatcher: CollectingDispatcher, level: TriageLevel) -> bool:
    """Refuse pressure coaching when a red flag says a clinician should look first."""
    if level >= TriageLevel.URGENT:
        dispatcher.utter_message(text="I can't coach self-massage now: please get medical help first, as I said.")
        return True
    if level == TriageLevel.SEE_DOCTOR:
        dispatcher.utter_message(
            text="Because of what you mentioned, please get checked by a doctor or physiotherapist "
            "before any deep self-massage. Gentle movement within comfort is fine meanwhile."
        )
        return True
    return False


def _coaching_target(tracker: Tracker) -> str | None:
    """The muscle being coached: the chosen one, else the best current candidate."""
    chosen = tracker.get_slot("coaching_muscle")
    if chosen:
        return str(chosen)
    muscles = tracker.get_slot("candidate_muscles") or []
    offset = int(tracker.get_slot("candidate_offset") or 0)
    return muscles[offset] if offset < len(muscles) else (muscles[0] if muscles else None)


def personal_cautions(report: PainReport) -> List[Dict[str, Any]]:
    """General cautions that apply to this person, from what they said (blood thinners, ...)."""
    cautions = repository().guidance.get("general_cautions") or []
    return [c for c in cautions if set(c.get("personal_findings") or ()) & report.findings]


class ActionCoachMassage(Action):
    """Start coaching: cautions, finding the spot, the tool and position, first pressure step."""

    def name(self) -> str:
        return "action_coach_massage"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> Events:
        if _not_now(dispatcher, triage_level_of(tracker)):
            return []
        report = report_from(tracker)
        if pending_questions(report, list(tracker.get_slot("screening_done") or [])):
            return [FollowupAction("action_screen")]
        muscle_id = _coaching_target(tracker)
        card = repository().muscle_card(muscle_id) if muscle_id else None
        if card is None:
            dispatcher.utter_message(text="Tell me first where it hurts, so I can pick the right muscle.")
            return []
        personal = personal_cautions(report)
        if any(c.get("effect") == "no_massage" for c in personal):
            blocking = next(c for c in personal if c.get("effect") == "no_massage")
            dispatcher.utter_message(text=f"**Please don't massage this area for now.** {blocking.get('text', '')}")
            return []
        light = bool(personal)
        low, high = target_band(light)
        lines = [f"- **{c.get('title')}:** {str(c.get('text', '')).strip()}" for c in personal]
        lines += [f"- {c['text']}" for c in card.cautions]
        if not personal:
            lines.append("- Use light pressure only, or ask a clinician first, if you take blood thinners, are "
                         "pregnant, have varicose veins, a recent injury, fever, cancer, osteoporosis, or "
                         "broken or inflamed skin.")
        dispatcher.utter_message(text=f"**Before you start ({card.name.lower()})**\n" + "\n".join(lines))
        technique = card.technique
        dispatcher.utter_message(
            text=f"**Finding the spot:** {technique.get('find', card.trigger_points)}\n\n"
            f"**Tool and position:** {technique.get('tool', 'fingers')}; {technique.get('position', '')}"
        )
        feel = "gentle and comfortable" if light else "a \"good hurt\": strong but relieving"
        dispatcher.utter_message(
            text=f"Now press slowly into the most tender spot. Aim for about {low} to {high} out of 10, "
            f"{feel}, never sharp. How does it feel?",
            buttons=PRESSURE_BUTTONS,
        )
        return [SlotSet("coaching_muscle", card.id), SlotSet("pressure_level", None),
                SlotSet("light_pressure", light)]


class ActionPressureFeedback(Action):
    """One step of the pressure loop, from the buttons or free text ("ouch that's sharp")."""

    def name(self) -> str:
        return "action_pressure_feedback"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> Events:
        if _not_now(dispatcher, triage_level_of(tracker)):
            return []
        muscle_id = _coaching_target(tracker)
        card = repository().muscle_card(muscle_id) if muscle_id else None
        if card is None:
            dispatcher.utter_message(text="We haven't picked a muscle yet. Tell me where it hurts first.")
            return []
        intent = (tracker.latest_message.get("intent") or {}).get("name", "")
        stated = next((e.get("value") for e in tracker.latest_message.get("entities", [])
                       if e.get("entity") == "intensity"), None)
        sensations = [e.get("value") for e in tracker.latest_message.get("entities", [])
                      if e.get("entity") == "sensation"]
        light = bool(tracker.get_slot("light_pressure"))
        step: PressureStep = next_pressure_step(intent, stated, sensations, light=light)
        if step.done:
            habits = "\n".join(f"- {h}" for h in card.habits[:3])
            dispatcher.utter_message(
                text=f"{step.message}\n\n**Then stretch:** {card.stretch}\n\n"
                f"**How often:** {card.technique.get('frequency', 'a few times a day')}.\n\n"
                f"**Habits that keep the {card.name.lower()} irritated:**\n{habits}"
            )
            return [SlotSet("pressure_level", step.level), SlotSet("coaching_muscle", None),
                    FollowupAction("action_offer_checkin")]
        buttons = [] if step.stop else PRESSURE_BUTTONS
        dispatcher.utter_message(text=step.message, buttons=buttons)
        events: Events = [SlotSet("pressure_level", step.level)]
        if step.stop:
            events.append(SlotSet("coaching_muscle", None))
        return events


class ActionExplainWhy(Action):
    """Why these muscles: the reason for each and where the referral maps come from."""

    def name(self) -> str:
        return "action_explain_why"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> Events:
        candidates = candidates_for(report_from(tracker))
        if not candidates:
            dispatcher.utter_message(text="Tell me where it hurts and I'll explain which muscles can send pain there.")
            return []
        shown = candidates[:SHOWN]
        sources = {s.label() for c in shown for s in c.muscle.sources}
        dispatcher.utter_message(
            text="Muscles can refer pain away from themselves: a tender spot in one place makes "
            "another place hurt. Each suggestion matches where that muscle typically sends pain:\n"
            + candidate_lines(shown) + "\n\nSources: " + "; ".join(sorted(sources))
        )
        return []


class ActionNextCandidate(Action):
    """"That's not it": show the next candidates."""

    def name(self) -> str:
        return "action_next_candidate"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> Events:
        candidates = candidates_for(report_from(tracker))
        offset = int(tracker.get_slot("candidate_offset") or 0) + SHOWN
        following = candidates[offset: offset + SHOWN]
        if not following:
            dispatcher.utter_message(
                text="Those are all the muscles I can match to that area. A physiotherapist can "
                "examine you properly; say \"see a professional\" for the booking link."
            )
            return []
        dispatcher.utter_message(text="Other muscles that can send pain there:\n" + candidate_lines(following))
        return [SlotSet("candidate_offset", offset), SlotSet("coaching_muscle", None)]


class ActionExplainTriggerPoint(Action):
    """What a trigger point is, from the knowledge base's sourced explainer."""

    def name(self) -> str:
        return "action_explain_trigger_point"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> Events:
        explainer = repository().guidance.get("trigger_point_explainer") or {}
        fallback = "A trigger point is a tender knot in a muscle that can refer pain elsewhere."
        dispatcher.utter_message(text=str(explainer.get("text") or fallback))
        return []
