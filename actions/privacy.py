"""Deleting a person's data on request.

The conversation's events are purged by the tracker store (bot.rasa.tracker_store) when this action
has run; the widget clears its local copy when it receives the `data_deleted` event.
"""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import Restarted
from rasa_sdk.executor import CollectingDispatcher

from actions.checkins import store


class ActionDeleteData(Action):
    """Delete check-in schedules, outcomes and contact details now; confirm and restart, after which
    the tracker store removes the stored conversation."""

    def name(self) -> str:
        return "action_delete_data"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[Dict[str, Any]]:
        store().delete_person(tracker.sender_id)
        dispatcher.utter_message(response="utter_deleted")
        dispatcher.utter_message(json_message={"data": {"event": "data_deleted"}})
        return [Restarted()]
