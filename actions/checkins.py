"""Check-in actions: offer and schedule (with consent), run the check-in, record it, show the trend,
escalate, and let the person pause, reschedule or stop. Thin adapters over bot.checkins."""

from __future__ import annotations

import base64
import re
from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.knowledge_access import report_from, triage_level_of
from bot.checkins.charts import trend_chart_svg
from bot.checkins.plan import Outcome, escalation_reason, trend_text
from bot.checkins.store import CheckinStore, utcnow
from core.settings import settings
from core.types import TriageLevel

YES_NO = [{"title": "Yes", "payload": "/affirm"}, {"title": "No", "payload": "/deny"}]
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
_store: CheckinStore | None = None
Events = List[Dict[str, Any]]


def store() -> CheckinStore:
    """The check-in store, created on first use (no I/O at import)."""
    global _store
    if _store is None:
        from kb.database import engine_for, migrate

        engine = engine_for(settings().kb_url)
        migrate(engine)
        _store = CheckinStore(engine)
    return _store


def use_store(replacement: CheckinStore | None) -> None:
    """Tests inject their own store."""
    global _store
    _store = replacement


class ActionOfferCheckin(Action):
    """At the end of a self-care conversation: offer follow-up check-ins, with consent."""

    def name(self) -> str:
        return "action_offer_checkin"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> Events:
        if triage_level_of(tracker) >= TriageLevel.URGENT or store().has_schedule(tracker.sender_id):
            return []
        dispatcher.utter_message(
            text="Would you like me to check in with you in 2 days to see how it's going, and then weekly "
            "for up to 6 weeks? You can pause or stop at any time.", buttons=YES_NO)
        return [SlotSet("checkin_offered", True)]


class ActionScheduleCheckin(Action):
    """The person agreed: plan the check-ins and offer email reminders."""

    def name(self) -> str:
        return "action_schedule_checkin"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> Events:
        report = report_from(tracker)
        times = store().schedule(tracker.sender_id, baseline_pain=report.intensity)
        dispatcher.utter_message(
            text=f"Done: I'll check in on {times[0]:%A %d %B}. If you'd also like an email reminder, type "
            "your email address; otherwise there's nothing more to do. Say \"stop check-ins\" any time.")
        return [SlotSet("checkin_offered", False)]


class ActionSaveEmail(Action):
    """Store an email address typed after agreeing to check-ins (only then: no consent, no address)."""

    def name(self) -> str:
        return "action_save_email"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> Events:
        match = EMAIL.search(tracker.latest_message.get("text") or "")
        if match and store().set_email(tracker.sender_id, match.group(0)):
            dispatcher.utter_message(text="Thanks, I'll send the check-in reminders there. Delete my data removes it.")
        return []


CHECKIN_SLOTS = ("checkin_trend", "checkin_pain", "checkin_helped", "checkin_news")


def _reset_checkin_slots(tracker: Tracker) -> Events:
    """Clear last time's answers, keeping a trend the person has just given ("it's better")."""
    intent = (tracker.latest_message.get("intent") or {}).get("name", "")
    keep = {"checkin_trend"} if intent in {"checkin_better", "checkin_same", "checkin_worse"} else set()
    return [SlotSet(slot, None) for slot in CHECKIN_SLOTS if slot not in keep] + [SlotSet("checkin_escalated", False)]


class ActionCheckinStart(Action):
    """Prepare a fresh check-in; the check-in form then asks its questions."""

    def name(self) -> str:
        return "action_checkin_start"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> Events:
        return _reset_checkin_slots(tracker)


class ActionCheckinResume(Action):
    """A returning visitor: re-open a check-in that was delivered while they were away."""

    def name(self) -> str:
        return "action_checkin_resume"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> Events:
        if store().open_checkin(tracker.sender_id) is None:
            return []  # nothing waiting: a returning visitor just carries on
        return [*_reset_checkin_slots(tracker), FollowupAction("checkin_form")]


def _chart_message(dispatcher: CollectingDispatcher, outcomes: List[Outcome], baseline: int | None) -> None:
    text = trend_text(outcomes, baseline)
    if not text:
        return
    svg = trend_chart_svg(outcomes, baseline)
    data_url = "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
    dispatcher.utter_message(text=text)
    dispatcher.utter_message(json_message={"data": {"image": data_url, "alt": text}})


class ActionCheckinRecord(Action):
    """Record the answers, show the trend, and escalate when self-care is not enough."""

    def name(self) -> str:
        return "action_checkin_record"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> Events:
        trend = str(tracker.get_slot("checkin_trend") or "same")
        pain = tracker.get_slot("checkin_pain")
        helped = tracker.get_slot("checkin_helped")
        outcome = Outcome(utcnow(), trend, int(float(pain)) if _is_number(pain) else None,
                          None if helped in (None, "unknown") else helped == "yes")
        baseline, started = store().baseline(tracker.sender_id)
        history = [*store().outcomes(tracker.sender_id), outcome]
        reason = escalation_reason(history, baseline_pain=baseline, started_at=started or outcome.answered_at,
                                   red_flag=triage_level_of(tracker) >= TriageLevel.SEE_DOCTOR)
        store().record_outcome(tracker.sender_id, outcome, escalated=reason is not None)
        dispatcher.utter_message(text="Thank you, I've noted that.")
        _chart_message(dispatcher, history, baseline)
        if reason:
            dispatcher.utter_message(
                text=f"Because {reason}, please see a physiotherapist or doctor rather than carrying on alone. "
                f"You can book with {settings().clinic_name} here: {settings().booking_url}")
            return [ActiveLoop(None), SlotSet("requested_slot", None), SlotSet("checkin_escalated", True)]
        dispatcher.utter_message(text="Keep going with the short massage sessions, the stretch and moving regularly. "
                                 "I'll check in again next week.")
        return []


def _is_number(value: object) -> bool:
    try:
        float(str(value))
    except ValueError:
        return False
    return value is not None


class ActionCheckinManage(Action):
    """Pause, resume, reschedule or stop the check-ins, on request."""

    def name(self) -> str:
        return "action_checkin_manage"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> Events:
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        sender = tracker.sender_id
        if intent == "checkin_stop":
            count = store().stop(sender)
            dispatcher.utter_message(text=f"Stopped: {count} planned check-in(s) cancelled." if count
                                     else "There are no planned check-ins to stop.")
        elif intent == "checkin_pause":
            store().pause(sender, True)
            dispatcher.utter_message(text="Check-ins paused. Say \"resume check-ins\" when you want them back.")
        elif intent == "checkin_resume":
            store().pause(sender, False)
            dispatcher.utter_message(text="Check-ins resumed.")
        else:
            days = next((float(e["value"]) for e in tracker.latest_message.get("entities", [])
                         if e.get("entity") == "duration" and _is_number(e.get("value"))), 2.0)
            moved = store().reschedule(sender, max(days, 1.0))
            dispatcher.utter_message(text=f"Moved: the next check-in is on {moved:%A %d %B}." if moved
                                     else "There are no planned check-ins to move.")
        return []
