"""Actions that turn the intake into likely source muscles (thin adapters over bot.engine)."""

from __future__ import annotations

import base64
from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.knowledge_access import candidates_for, report_from, repository, triage_level_of
from bot.engine.bodymap import render_body_map
from core.types import Candidate, PainReport, TriageLevel

YES_NO = [{"title": "Yes", "payload": "/affirm"}, {"title": "No", "payload": "/deny"}]
SHOWN = 3


def candidate_lines(candidates: List[Candidate]) -> str:
    """Numbered lines: the muscle and its one-line reason."""
    return "\n".join(f"{i}. **{c.muscle.name}**: {c.reason}" for i, c in enumerate(candidates, 1))


def body_map_payload(report: PainReport, top: Candidate) -> Dict[str, Any]:
    """The body map for the widget: where it hurts, and where the top muscle refers pain."""
    names = repository().region_names
    where = ", ".join(names.get(r, r).lower() for r in report.region_ids)
    alt = (f"Body map: you hurt at {where}. Dark blue: where the {top.muscle.name.lower()} mainly refers "
           f"pain; light blue: where it can spill over.")
    svg = render_body_map(report.regions, top.muscle.primary, top.muscle.spillover, title=alt)
    return {"image": "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode(), "alt": alt}


class ActionSuggestMuscles(Action):
    """After the intake: the likely source muscles with a reason each, and an offer to coach."""

    def name(self) -> str:
        return "action_suggest_muscles"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        report = report_from(tracker)
        candidates = candidates_for(report)
        level = triage_level_of(tracker)
        events: List[Dict[str, Any]] = [SlotSet("candidate_muscles", [c.muscle.id for c in candidates]),
                                         SlotSet("candidate_offset", 0)]
        if not candidates:
            dispatcher.utter_message(
                text="I couldn't match that place to a muscle in my knowledge base. Could you "
                "describe where it hurts in other words, for example \"side of my neck\"?"
            )
            return events
        dispatcher.utter_message(
            text="These muscles most often send pain to the places you describe. This is not a "
            "diagnosis, just a place to start:\n" + candidate_lines(candidates[:SHOWN])
        )
        dispatcher.utter_message(json_message={"data": body_map_payload(report, candidates[0])})
        if level >= TriageLevel.URGENT:
            dispatcher.utter_message(text="Please get checked first, as I said; I won't suggest "
                                     "self-massage until a clinician has seen you.")
        elif level == TriageLevel.SEE_DOCTOR:
            dispatcher.utter_message(
                text="Because of what you mentioned, please let a doctor or physiotherapist check "
                "you before any deep massage. Gentle movement and easing the habits that strain "
                "these muscles are fine meanwhile. Ask me \"why?\" to see where these come from."
            )
        else:
            dispatcher.utter_message(
                text=f"Would you like me to guide you through self-massage for the "
                f"{candidates[0].muscle.name.lower()}?",
                buttons=YES_NO,
            )
        return events
