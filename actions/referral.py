"""Handing over to a professional: the clinic's booking link and a short summary to take along."""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.knowledge_access import report_from
from bot.settings import settings


class ActionReferProfessional(Action):
    """Booking link plus what the person has told the bot so far."""

    def name(self) -> str:
        return "action_refer_professional"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[Dict[str, Any]]:
        report = report_from(tracker)
        where = ", ".join(f"{side} {region}" if side else region for region, side in report.regions) or "not stated"
        muscles = ", ".join(tracker.get_slot("candidate_muscles") or []) or "none yet"
        dispatcher.utter_message(
            text=f"You can book with {settings().clinic_name} here: {settings().booking_url}\n\n"
            f"**To tell them:**\n- Where: {where}\n- Feels: {', '.join(report.sensations) or 'not stated'}\n"
            f"- Intensity: {report.intensity if report.intensity is not None else 'not stated'}/10\n"
            f"- Triage: {tracker.get_slot('triage_level') or 'none'}\n- Muscles suggested: {muscles}"
        )
        return []
