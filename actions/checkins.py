"""Check-in actions: offer and schedule (with consent), run the check-in, record it, show the trend,
escalate, and let the person pause, move, resume or stop them. Thin adapters over bot.checkins."""

from __future__ import annotations

import base64
from dataclasses import replace
from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.knowledge_access import Events, awaiting, intake_report, triage_level_of
from bot.checkins.charts import trend_chart_svg
from bot.checkins.plan import Outcome, escalation_reason, trend_text
from bot.checkins.store import CheckinStore, utcnow
from bot.dialogue.facts import checkin_slots
from bot.dialogue.state import CHECKIN_LOOP, ConversationState, read_state
from bot.nlp.replies import find_email, is_closing, read_checkin_action, read_trend
from bot.nlp.when import requested_checkin_days, return_day_days
from core.settings import settings
from core.types import TriageLevel

_store: CheckinStore | None = None
CHECKIN_SLOTS = ("checkin_trend", "checkin_pain", "checkin_helped", "checkin_news")


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


def _latest_text(tracker: Tracker) -> str:
    return str(tracker.latest_message.get("text") or "")


class ActionOfferCheckin(Action):
    """At the end of a self-care conversation: offer follow-up check-ins, with consent."""

    def name(self) -> str:
        return "action_offer_checkin"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> Events:
        if triage_level_of(tracker) >= TriageLevel.URGENT:
            return [awaiting(None)]
        if store().has_schedule(tracker.sender_id):
            dispatcher.utter_message(response="utter_anything_else")
            return [awaiting("anything_else")]
        again = tracker.get_slot("awaiting") == "checkin_offer"
        dispatcher.utter_message(response="utter_offer_checkins_again" if again else "utter_offer_checkins")
        return [SlotSet("checkin_offered", True), awaiting("checkin_offer")]


class ActionScheduleCheckin(Action):
    """The person agreed: plan the check-ins, keep an email address if they typed one."""

    def name(self) -> str:
        return "action_schedule_checkin"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> Events:
        times = store().schedule(tracker.sender_id, baseline_pain=intake_report(tracker).intensity)
        asked_for = requested_checkin_days(_latest_text(tracker))  # "yes, but after the 15th of December?"
        moved = store().reschedule(tracker.sender_id, max(asked_for, 1.0)) if asked_for else None
        dispatcher.utter_message(response="utter_checkins_scheduled_as_asked" if moved else "utter_checkins_scheduled",
                                 date=f"{moved or times[0]:%A %d %B}")
        email = find_email(_latest_text(tracker))
        if email and store().set_email(tracker.sender_id, email):
            dispatcher.utter_message(response="utter_email_saved")
            dispatcher.utter_message(response="utter_anything_else")
            return [SlotSet("checkin_offered", False), awaiting("anything_else")]
        return [SlotSet("checkin_offered", False), awaiting("email")]


class ActionDeclineCheckins(Action):
    """The person said no to check-ins: nothing is planned."""

    def name(self) -> str:
        return "action_decline_checkins"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> Events:
        dispatcher.utter_message(response="utter_checkins_declined")
        dispatcher.utter_message(response="utter_anything_else")
        return [SlotSet("checkin_offered", False), awaiting("anything_else")]


class ActionSaveEmail(Action):
    """Store an email address typed after agreeing to check-ins (only then: no consent, no address)."""

    def name(self) -> str:
        return "action_save_email"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> Events:
        email = find_email(_latest_text(tracker))
        if email and store().set_email(tracker.sender_id, email):
            dispatcher.utter_message(response="utter_email_saved")
        else:
            dispatcher.utter_message(response="utter_no_email")
        dispatcher.utter_message(response="utter_anything_else")
        return [awaiting("anything_else")]


class ActionNoEmail(Action):
    """No email reminder, thanks."""

    def name(self) -> str:
        return "action_no_email"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> Events:
        dispatcher.utter_message(response="utter_no_email")
        dispatcher.utter_message(response="utter_anything_else")
        return [awaiting("anything_else")]


def _fresh_checkin(tracker: Tracker) -> Events:
    """Clear last time's answers, keeping what the message that started this check-in already answered ("hello,
    back again, the neck is a little easier this week"; "it's a lot better, a 2 now, the stretching helped")."""
    entities = tracker.latest_message.get("entities") or []
    trend = next((str(e.get("value")) for e in entities if e.get("entity") == "trend"), None)
    said = _answered_on_return(tracker)
    if trend or said.get("checkin_trend"):
        said["checkin_trend"] = trend or said["checkin_trend"]
    events: Events = [SlotSet(slot, None) for slot in CHECKIN_SLOTS]
    if said and (tracker.latest_message.get("intent") or {}).get("name") != "checkin_start":
        events += [SlotSet(slot, value) for slot, value in said.items() if slot in CHECKIN_SLOTS]
    return [*events, SlotSet("checkin_escalated", False), awaiting(None)]


def _answered_on_return(tracker: Tracker) -> Dict[str, Any]:
    """The check-in answers in the latest message, read as if the check-in had already begun."""
    state = read_state(tracker.events)
    if not state.turns or _latest_text(tracker).startswith("/"):
        return {}
    opening = replace(state.turns[-1], active_loop=CHECKIN_LOOP, requested_slot=None, checkin=1)
    return checkin_slots(ConversationState(turns=[opening]))


class ActionCheckinStart(Action):
    """Prepare a fresh check-in; the check-in form then asks its questions."""

    def name(self) -> str:
        return "action_checkin_start"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> Events:
        return _fresh_checkin(tracker)


class ActionCheckinResume(Action):
    """A returning visitor: re-open a check-in that was delivered while they were away."""

    def name(self) -> str:
        return "action_checkin_resume"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> Events:
        if store().open_checkin(tracker.sender_id) is None:
            text = str(tracker.latest_message.get("text") or "")
            if text.startswith("/"):
                return []  # the widget's silent hello on return, with nothing waiting: it just carries on
            # typed ("back again", "back to it. thx"): answered, never met with silence
            dispatcher.utter_message(response="utter_goodbye" if is_closing(text) else "utter_welcome_back")
            return []
        return [*_fresh_checkin(tracker), FollowupAction("checkin_form")]


def _chart_message(dispatcher: CollectingDispatcher, outcomes: List[Outcome], baseline: int | None) -> None:
    text = trend_text(outcomes, baseline)
    if not text:
        return
    svg = trend_chart_svg(outcomes, baseline)
    data_url = "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
    dispatcher.utter_message(response="utter_checkin_trend", trend=text)
    dispatcher.utter_message(json_message={"data": {"image": data_url, "alt": text}})


def _is_number(value: object) -> bool:
    try:
        float(str(value))
    except ValueError:
        return False
    return value is not None


class ActionCheckinRecord(Action):
    """Record the answers, show the trend, and escalate when self-care is not enough."""

    def name(self) -> str:
        return "action_checkin_record"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> Events:
        if record_checkin(dispatcher, tracker, str(tracker.get_slot("checkin_trend") or "same")):
            return [ActiveLoop(None), SlotSet("requested_slot", None), SlotSet("checkin_escalated", True),
                    awaiting(None)]
        dispatcher.utter_message(response="utter_checkin_keep_going")
        return [awaiting(None)]


def record_checkin(dispatcher: CollectingDispatcher, tracker: Tracker, trend: str) -> bool:
    """Store this check-in's answers, show the trend and escalate when self-care is not enough (True then)."""
    pain = tracker.get_slot("checkin_pain")
    helped = tracker.get_slot("checkin_helped")
    outcome = Outcome(utcnow(), trend, int(float(pain)) if _is_number(pain) else None,
                      None if helped in (None, "unknown") else helped == "yes")
    baseline, started = store().baseline(tracker.sender_id)
    history = [*store().outcomes(tracker.sender_id), outcome]
    reason = escalation_reason(history, baseline_pain=baseline, started_at=started or outcome.answered_at,
                               red_flag=triage_level_of(tracker) >= TriageLevel.SEE_DOCTOR)
    store().record_outcome(tracker.sender_id, outcome, escalated=reason is not None)
    dispatcher.utter_message(response="utter_checkin_noted")
    _chart_message(dispatcher, history, baseline)
    if reason:
        config = settings()
        dispatcher.utter_message(response="utter_checkin_escalate", reason=reason, clinic=config.clinic_name,
                                 booking_url=config.booking_url)
    return reason is not None


class ActionCheckinManage(Action):
    """Pause, resume, move or stop the check-ins, on request, in buttons or in words."""

    def name(self) -> str:
        return "action_checkin_manage"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> Events:
        entities = tracker.latest_message.get("entities") or []
        action = next((str(e.get("value")) for e in entities if e.get("entity") == "checkin_action"), None)
        said = read_checkin_action(_latest_text(tracker))
        # a stop "for now" is a pause, and "the ones I have are enough" changes nothing, whatever the classifier heard
        action = said if said in ("pause", "keep") and action in ("stop", None) else (action or said)
        if said == "reschedule" and requested_checkin_days(_latest_text(tracker)) is not None:
            action = "reschedule"  # "I'm back. can you push my check-in to next week?": the day asked for wins
        if action == "pause" and return_day_days(_latest_text(tracker)) is not None:
            action = "reschedule"  # "put these on hold, back on the 17th": the next one on the day they are back
        sender = tracker.sender_id
        # "Move it to next week" or "stop these" during a check-in ends that check-in's questions too.
        in_checkin = tracker.active_loop.get("name") == "checkin_form"
        ends_checkin: Events = [ActiveLoop(None), SlotSet("requested_slot", None)] \
            if action in ("stop", "pause", "reschedule") and in_checkin else []
        # "Lots better, hardly notice it. You can quit these check-ins now": the answer kept, then the stop
        trend = tracker.get_slot("checkin_trend") or read_trend(_latest_text(tracker))
        if action == "stop" and in_checkin and trend and store().has_schedule(sender):
            record_checkin(dispatcher, tracker, str(trend))
        self._answer(dispatcher, sender, action, entities, _latest_text(tracker))
        return ends_checkin

    @staticmethod
    def _answer(dispatcher: CollectingDispatcher, sender: str, action: str | None,
                entities: List[Dict[str, Any]], text: str) -> None:
        if action is None:
            dispatcher.utter_message(response="utter_checkin_manage_which")
        elif action == "keep":
            dispatcher.utter_message(response="utter_checkins_unchanged")
        elif not store().has_schedule(sender) and action == "stop":
            dispatcher.utter_message(response="utter_checkins_declined")  # "I don't need check-ins"
        elif not store().has_schedule(sender) and action != "resume":
            dispatcher.utter_message(response="utter_checkins_none_planned")
        elif action == "stop":
            dispatcher.utter_message(response="utter_checkins_stopped", count=store().stop(sender))
        elif action == "pause":
            store().pause(sender, True)
            dispatcher.utter_message(response="utter_checkins_paused")
        elif action == "resume":
            store().pause(sender, False)
            dispatcher.utter_message(response="utter_checkins_resumed")
        else:
            days = next((float(e["value"]) for e in entities
                         if e.get("entity") == "duration" and _is_number(e.get("value"))), None)
            days = days or requested_checkin_days(text) or 7.0  # "leave it till next Monday": that Monday
            moved = store().reschedule(sender, max(days, 1.0))
            if moved:
                dispatcher.utter_message(response="utter_checkin_moved", date=f"{moved:%A %d %B}")
            else:
                dispatcher.utter_message(response="utter_checkins_none_planned")
