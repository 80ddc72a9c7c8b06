"""Handing over to a professional: the clinic's booking link and a summary to take along, shown in
the chat and offered as a file."""

from __future__ import annotations

import base64
from typing import Any, Dict

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.knowledge_access import Events, intake_report, knowledge, safety_report
from bot.engine.summary import HandoverSummary, summary_text
from core.settings import settings


def _tried(tracker: Tracker) -> list[str]:
    """What self-care the person went through in this conversation, and how it went."""
    tried = []
    for event in tracker.events:
        if event.get("event") == "action" and event.get("name") == "action_coach_massage":
            tried.append("guided self-massage")
        if event.get("event") == "slot" and event.get("name") == "pressure_level" and event.get("value"):
            tried.append(f"pressure reached {event['value']:g}/10")
    return list(dict.fromkeys(tried))


class ActionReferProfessional(Action):
    """Booking link plus a summary of what the person has told the bot."""

    def name(self) -> str:
        return "action_refer_professional"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> Events:
        config = settings()
        report = intake_report(tracker)
        report.findings = safety_report(tracker).findings
        text = summary_text(HandoverSummary(
            report=report, region_names=knowledge().region_names,
            triage_level=str(tracker.get_slot("triage_level") or "none"),
            red_flags=tracker.get_slot("red_flags") or [], muscles=tracker.get_slot("candidate_muscles") or [],
            tried=_tried(tracker), clinic_name=config.clinic_name, booking_url=config.booking_url,
        ))
        dispatcher.utter_message(response="utter_refer", clinic=config.clinic_name, booking_url=config.booking_url,
                                 summary=text)
        href = "data:text/plain;charset=utf-8;base64," + base64.b64encode(text.encode()).decode()
        dispatcher.utter_message(json_message={"data": {"download": {
            "href": href, "filename": "pain-summary.txt", "label": "Download the summary"}}})
        return []
