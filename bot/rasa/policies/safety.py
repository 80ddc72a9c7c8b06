"""SafetyPolicy: red-flag triage on every user turn, which no other part of the dialogue can skip.

Why a policy: Rasa asks every policy for a prediction after every user message, inside forms,
during coaching and in check-ins alike, and a policy's mandatory `events` are applied whether or not
it wins. So `triage_level` is set on the very turn the flag is stated, and with the highest priority
the emergency message comes first. The policy runs inside the Rasa server from the reviewed content
files and response templates, so emergency advice still works when the action server or the
database is down.
"""

from __future__ import annotations

from typing import Any, Dict, List

from rasa.core.policies.policy import PolicyPrediction
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActiveLoop, Event, SlotSet
from rasa.shared.core.trackers import DialogueStateTracker

from bot.dialogue.state import AWAITING_SLOT, SCREENING_SLOT, read_state
from bot.engine.knowledge import knowledge
from bot.nlp.replies import delays_help, is_about_the_bot, is_closing
from bot.rasa.policies.base import ACTION_LISTEN, ContentPolicy, after_user_message
from core.settings import emergency_number, settings
from core.types import TriageLevel, TriageResult

TRIAGE_RESPONSE = "utter_triage_{level}"
EMERGENCY_REMINDER = "utter_emergency_reminder"
EMERGENCY_REMINDER_AGAIN = "utter_emergency_reminder_again"  # said in turn with the first, never twice running
# After an emergency these intents still get their ordinary answer; everything else a reminder.
_ALLOWED_AFTER_EMERGENCY = {"delete_data", "goodbye", "thank", "bot_challenge"}
_STOPS_THE_INTAKE = {TriageLevel.URGENT, TriageLevel.EMERGENCY}


UNSURE_NOTE = "You weren't sure, so to be safe I'm treating that as a yes. "


def triage_slot_values(result: TriageResult, number: str, unsure: bool = False) -> Dict[str, Any]:
    """Slot values that describe a triage result for responses and the tracker.

    When the flag rests on a "not sure" to a safety question, the reason says so (issue #13: the
    safer answer is taken, and the person is told why).
    """
    top = result.top
    reason = top.rule.message_for(emergency_number(number)) if top else None
    if reason and unsure:
        reason = UNSURE_NOTE + reason
    return {
        "triage_level": result.level.slug,
        "triage_reason": reason,
        "triage_tell_them": top.rule.tell_them if top else None,
        "red_flags": [flag.rule.id for flag in result.flags],
    }


def triage_slot_events(result: TriageResult, current: TriageLevel, number: str, unsure: bool = False) -> List[Event]:
    """SlotSet events when the level rises; the level never goes down within a conversation."""
    events: List[Event] = []
    if result.level > current:
        events += [SlotSet(name, value) for name, value in triage_slot_values(result, number, unsure).items()]
        events.append(SlotSet("emergency_number", emergency_number(number)))
    return events


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True
)
class SafetyPolicy(ContentPolicy):
    """Predicts the triage response when a conversation's red flags raise its level."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """Highest priority (the context policy is 8, RulePolicy 6), so safety wins every tie."""
        return {"priority": 9}

    def _predict(self, action: str, domain: Domain, **kwargs: Any) -> PolicyPrediction:
        """A certain prediction. Marked as not depending on the user's words, like RulePolicy's
        form "happy path" predictions, because the ensemble lets those overrule every other kind:
        without the mark, an active form would win against the emergency message."""
        probabilities = self._default_predictions(domain)
        probabilities[domain.index_for_action(action)] = 1.0
        return self._prediction(probabilities, is_no_user_prediction=True, **kwargs)

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: Dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        """Set the triage slots after each user turn; predict the triage message when it rises."""
        latest_action = tracker.latest_action_name
        if latest_action in (EMERGENCY_REMINDER, EMERGENCY_REMINDER_AGAIN) or (
            latest_action and latest_action.startswith("utter_triage_")
            and TriageLevel.parse(tracker.get_slot("triage_level")) in _STOPS_THE_INTAKE
        ):
            return self._predict(ACTION_LISTEN, domain)
        if not after_user_message(tracker):
            return self._prediction(self._default_predictions(domain))
        return self._after_user_turn(tracker, domain)

    def _after_user_turn(self, tracker: DialogueStateTracker, domain: Domain) -> PolicyPrediction:
        current = TriageLevel.parse(tracker.get_slot("triage_level"))
        state = read_state(tracker.events)
        result = knowledge().triage(state.safety_report())
        number = settings().emergency_number
        top = result.top
        unsure = bool(top and set(top.because) & state.unsure_findings())
        # "anything new?" - "my foot slaps down now", after urgent advice for a calf: told again, with its reason
        newly_fired = _new_flag_at_the_same_level(result, current, tracker.get_slot("red_flags"))
        if newly_fired is not None:
            events: List[Event] = [SlotSet(name, value)
                                   for name, value in triage_slot_values(newly_fired, number, unsure).items()]
        else:
            events = triage_slot_events(result, current, number, unsure)
            if tracker.get_slot("emergency_number") is None and not events:
                events.append(SlotSet("emergency_number", number))  # for every response
        if result.level > current or newly_fired is not None:
            optional: List[Event] = []
            if result.level in _STOPS_THE_INTAKE:
                optional = [SlotSet(SCREENING_SLOT, None), SlotSet(AWAITING_SLOT, None)]
                if tracker.active_loop_name:
                    optional += [ActiveLoop(None), SlotSet("requested_slot", None)]
            action = TRIAGE_RESPONSE.format(level=result.level.slug)
            return self._predict(action, domain, events=events, optional_events=optional)
        if current == TriageLevel.EMERGENCY and not _answered_as_usual_after_emergency(tracker):
            return self._predict(_next_reminder(tracker), domain, events=events)
        return self._prediction(self._default_predictions(domain), events=events)


def _new_flag_at_the_same_level(result: TriageResult, current: TriageLevel, told: Any) -> TriageResult | None:
    """A red flag the person was not told about yet, at the level the conversation already has: the same
    advice again, with the new reason first. (A higher level is a rise; after an emergency every message
    is answered with the emergency reminder anyway.)"""
    if result.level != current or current not in (TriageLevel.SEE_DOCTOR, TriageLevel.URGENT):
        return None
    already = set(told or ())
    fresh = [flag for flag in result.flags if flag.rule.level == current and flag.rule.id not in already]
    if not fresh:
        return None
    rest = tuple(flag for flag in result.flags if flag is not fresh[0])
    return TriageResult(result.level, (fresh[0], *rest))


def _answered_as_usual_after_emergency(tracker: DialogueStateTracker) -> bool:
    """Deleting, thanking, leaving ("ok ringing 999 now") and asking whether this is a bot keep their answer."""
    message = tracker.latest_message
    intent = (message.intent or {}).get("name") if message else None
    text = str(message.text or "") if message else ""
    if intent == "bot_challenge":
        return is_about_the_bot(text)
    if intent == "delete_data":
        return True
    if delays_help(text):
        return False  # "can't go to A&E, got work tomorrow", "I'll see how I feel in the morning": say it again
    return intent in _ALLOWED_AFTER_EMERGENCY or is_closing(text)


def _next_reminder(tracker: DialogueStateTracker) -> str:
    """The reminder not said last, so the advice is repeated in other words rather than copied."""
    for event in reversed(tracker.events):
        name = getattr(event, "action_name", None)
        if name in (EMERGENCY_REMINDER, EMERGENCY_REMINDER_AGAIN):
            return EMERGENCY_REMINDER_AGAIN if name == EMERGENCY_REMINDER else EMERGENCY_REMINDER
    return EMERGENCY_REMINDER
