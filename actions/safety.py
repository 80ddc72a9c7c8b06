"""Complaint-specific screening questions, asked once before any self-massage advice.

Each question is a yes/no question with /affirm and /deny buttons (CONTRACT.md). The answer is read
by the safety policy as the question's finding (bot.engine.conversation), so a "yes" raises the
triage level on that very turn, before this action runs again.
"""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.knowledge_access import report_from, repository, triage_level_of
from bot.engine.conversation import SCREENING_SLOT
from core.types import PainReport, TriageLevel
from kb.content import ScreeningQuestion

YES_NO = [{"title": "Yes", "payload": "/affirm"}, {"title": "No", "payload": "/deny"}]
SUGGEST = "action_suggest_muscles"


def pending_questions(report: PainReport, done: List[str]) -> List[ScreeningQuestion]:
    """Questions for the reported body areas not yet asked and not already answered in words."""
    repo = repository()
    groups = {repo.region_groups.get(region) for region in report.region_ids}
    known = report.findings | report.negated_findings
    return [q for q in repo.screening_questions
            if q.id not in done and q.finding not in known and groups & set(q.complaint)]


class ActionScreen(Action):
    """Ask the next screening question, or hand over to the suggestions when none is left."""

    def name(self) -> str:
        return "action_screen"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[Dict[str, Any]]:
        if triage_level_of(tracker) >= TriageLevel.URGENT:
            return [SlotSet(SCREENING_SLOT, None)]
        done = list(tracker.get_slot("screening_done") or [])
        pending = pending_questions(report_from(tracker), done)
        if not pending:
            return [SlotSet(SCREENING_SLOT, None), FollowupAction(SUGGEST)]
        question = pending[0]
        dispatcher.utter_message(text=question.text, buttons=YES_NO)
        return [SlotSet(SCREENING_SLOT, question.finding), SlotSet("screening_done", [*done, question.id])]
