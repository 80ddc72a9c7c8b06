"""ContextPolicy: reads an answer by the question it answers (bot/dialogue/decide.py), then waits.

After a user message it asks `decide` what the message means given what the bot asked (a safety
question, the coaching offer, the pressure loop, the check-in offer, an email, "anything else?") and
predicts that action; for commands, questions and new complaints it predicts nothing and the rules
and forms decide as usual. After one of its own actions it predicts listening, so an interrupted
form does not ask its question in the same turn as the answer (one question per bot turn).

Priority 8: below the safety policy (9), above RulePolicy (6). Its predictions are marked like
RulePolicy's form predictions (not depending on the user's words) so an active form cannot outrank
the reading of an answer.
"""

from __future__ import annotations

from typing import Any, Dict

from rasa.core.policies.policy import PolicyPrediction
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.constants import ACTION_DEACTIVATE_LOOP_NAME as ACTION_DEACTIVATE_LOOP
from rasa.shared.core.constants import IS_EXTERNAL
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ActionExecutionRejected, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.dialogue.decide import Situation, decide
from bot.dialogue.state import AWAITING_SLOT, MENTIONS_KEY, read_state
from bot.engine.coaching import target_band
from bot.engine.knowledge import knowledge
from bot.engine.screening import concern_question
from bot.rasa.policies.base import ACTION_LISTEN, ContentPolicy, after_user_message
from bot.rasa.tracker_store import DELETED_SLOT
from core.types import Mention

__all__ = ["ALWAYS_LISTEN_AFTER", "OWN_ACTIONS", "ContextPolicy"]

# After these the person must answer before anything else is said, even inside a form (they ask;
# action_screen only when it did ask: after a clarifying answer in the intake the form asks again).
ALWAYS_LISTEN_AFTER = frozenset({"action_screen", "action_rephrase"})
_SEE_DOCTOR = "utter_triage_see_doctor"
_ASKS_A_FORM_QUESTION = "action_ask_"  # a form's question (actions/intake.py), asked again in other words
# After these the person answers next, unless a form was interrupted: then the form asks again.
OWN_ACTIONS = frozenset({"action_coach_massage", "action_pressure_feedback", "action_stretch_only",
                         "action_schedule_checkin", "action_decline_checkins", "action_offer_checkin",
                         "action_save_email", "action_no_email", "utter_goodbye", "utter_ask_what_else",
                         "action_suggest_muscles", "action_explain_why", "action_next_candidate",
                         "action_explain_trigger_point", "action_refer_professional", "action_answer_caution",
                         "action_checkin_manage", "action_checkin_record", "action_delete_data",
                         "utter_triage_reminder_urgent", "utter_triage_reminder_urgent_again",
                         "utter_triage_reminder_see_doctor",
                         "utter_deleted_already", "utter_no_diagnosis", "utter_greet", "utter_thank",
                         "utter_bot_challenge", "utter_medicines", "utter_emergency_reminder",
                         "utter_emergency_reminder_again", "utter_emergency_goodbye", "action_show_the_spot",
                         "action_answer_how_often", "utter_out_of_scope", "utter_checkins_how"})


def _action_before_latest(tracker: DialogueStateTracker) -> str | None:
    """The bot's action before its latest one in this turn (listening aside)."""
    actions = [e.action_name for e in tracker.events
               if isinstance(e, ActionExecuted) and e.action_name != ACTION_LISTEN]
    return actions[-2] if len(actions) > 1 else None


def _previous_action(tracker: DialogueStateTracker) -> str | None:
    """The bot's last action before the latest user message (listening aside)."""
    seen_user = False
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            if seen_user:
                return None
            seen_user = True
        elif seen_user and isinstance(event, ActionExecuted) and event.action_name != ACTION_LISTEN:
            return event.action_name
    return None


def _after_see_doctor_advice(tracker: DialogueStateTracker) -> str | None:
    """What follows a see-a-doctor message outside a form: gentle advice goes on. A flag said instead of an answer
    gets the interrupted safety question again (so a later "right, I'll ring the surgery" cannot be read as its
    "yes"); a first message that told the pain and the flag at once gets the intake, safety questions and
    suggestions, as inside the form. Otherwise the rules (wait for the person)."""
    if tracker.active_loop_name:
        return None
    awaiting = tracker.get_slot(AWAITING_SLOT)
    if awaiting in ("screening", "age"):
        return "action_screen"
    return "intake_form" if awaiting is None and _intake_not_begun(tracker) else None


def _intake_not_begun(tracker: DialogueStateTracker) -> bool:
    """A place of pain was told and neither the intake, the safety questions nor the suggestions have run yet."""
    ran = {event.action_name for event in tracker.events if isinstance(event, ActionExecuted)}
    return not ran & {"intake_form", "action_screen", "action_suggest_muscles"} and bool(
        read_state(tracker.events).intake_report().regions)


def _rejected_since_user_message(tracker: DialogueStateTracker) -> bool:
    """Did the active form reject the latest message (rather than an earlier one)?"""
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            return False
        if isinstance(event, ActionExecutionRejected):
            return True
    return False


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True
)
class ContextPolicy(ContentPolicy):
    """Predicts the action that answers a reply in context; abstains otherwise."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """Below SafetyPolicy (9), above RulePolicy (6)."""
        return {"priority": 8}

    def _predict(self, action: str, domain: Domain) -> PolicyPrediction:
        probabilities = self._default_predictions(domain)
        probabilities[domain.index_for_action(action)] = 1.0
        return self._prediction(probabilities, is_no_user_prediction=True)

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: Dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        """The answer's action right after a user message; listening right after that action."""
        if not after_user_message(tracker):
            latest = tracker.latest_action_name
            after_the_advice = _after_see_doctor_advice(tracker) if latest == _SEE_DOCTOR else None
            if after_the_advice:
                return self._predict(after_the_advice, domain)
            if latest == "action_checkin_start" and not tracker.active_loop_name:
                return self._predict("checkin_form", domain)  # a check-in started in words: its questions follow
            if latest == "utter_goodbye" and tracker.active_loop_name:
                return self._predict(ACTION_DEACTIVATE_LOOP, domain)  # "I'll ring the surgery": no question after
            if latest == ACTION_DEACTIVATE_LOOP and _action_before_latest(tracker) == "utter_goodbye":
                return self._predict(ACTION_LISTEN, domain)
            asked = latest != "action_screen" or tracker.get_slot(AWAITING_SLOT) in ("screening", "age")
            listens = latest in ALWAYS_LISTEN_AFTER or str(latest or "").startswith(_ASKS_A_FORM_QUESTION)
            if (listens and asked) or (latest in OWN_ACTIONS and not tracker.active_loop_name):
                return self._predict(ACTION_LISTEN, domain)
            return self._prediction(self._default_predictions(domain))
        action = decide(self._situation(tracker))
        if action is None or action not in domain.action_names_or_texts:
            return self._prediction(self._default_predictions(domain))
        return self._predict(action, domain)

    @staticmethod
    def _situation(tracker: DialogueStateTracker) -> Situation:
        message = tracker.latest_message
        data = message.parse_data if message else {}
        intent = data.get("intent") or {}
        mentions = tuple(Mention.from_dict(m) for m in data.get(MENTIONS_KEY) or [])
        awaiting = tracker.get_slot(AWAITING_SLOT)
        concern_due = False
        state = read_state(tracker.events)
        if awaiting not in ("screening", "age") and tracker.active_loop_name != "checkin_form":
            kb = knowledge()
            report = state.safety_report()
            latest_concepts = {m.value for m in mentions if m.kind == "concept" and m.present}
            latest_wondered = {m.value for m in mentions if m.kind in {"concept", "finding"} and m.hypothetical
                               and not m.negated and not m.other_person}
            if latest_concepts or latest_wondered:
                report.concepts, report.wondered = latest_concepts, latest_wondered
                asked = list(tracker.get_slot("screening_done") or [])
                concern_due = concern_question(report, asked, kb.questions, kb.concern_of) is not None
        band = target_band(bool(tracker.get_slot("light_pressure")))
        rejected_now = _rejected_since_user_message(tracker)
        # trigger_intent (a check-in the scheduler starts) carries no confidence: it is as sure as a button
        external = bool(message and (message.metadata or {}).get(IS_EXTERNAL))
        confidence = 1.0 if external else float(intent.get("confidence") or 0.0)
        return Situation(
            text=str(message.text or "") if message else "",
            intent=intent.get("name"), confidence=confidence,
            entities=tuple(data.get("entities") or ()), mentions=mentions, awaiting=awaiting,
            active_loop=tracker.active_loop_name, loop_rejected=rejected_now,
            loop_stale=tracker.is_active_loop_rejected and not rejected_now,
            concern_due=concern_due, band=band, requested_slot=tracker.get_slot("requested_slot"),
            typed=not external and not str(message.text or "").startswith("/") if message else False,
            checkins_agreed=state.checkins_agreed, triage=tracker.get_slot("triage_level"),
            coaching_open=bool(tracker.get_slot("coaching_muscle")),
            coached=bool(state.latest and state.latest.coached),
            just_deleted=bool(tracker.get_slot(DELETED_SLOT)) and len(state.turns) <= 1,
            previous_action=_previous_action(tracker))
