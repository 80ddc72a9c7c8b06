"""FactsPolicy: keeps the conversation's facts in their slots after every user message, in the Rasa server.

The intake slots (place, feeling, strength, duration, trigger), the candidate muscles and the
check-in answers are derived from what the person said, read in context (bot/dialogue/state.py):
what is said in the pressure loop or a check-in never overwrites the intake, a bare number is a
score only when a score was asked for, and a correction replaces what it corrects. Deriving them
here, from the same state the safety policy reads, keeps the intake, the ranking and `python -m bot
assess` in agreement. The forms only ask for what is still missing.

Why a policy: Rasa asks every policy after every message and applies each policy's mandatory events
whether or not it wins, so the slots are current before any form or action runs, without a round
trip to the action server. The policy never predicts an action.
"""

from __future__ import annotations

from typing import Any, Dict, List

from rasa.core.policies.policy import PolicyPrediction
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import Event, SlotSet
from rasa.shared.core.trackers import DialogueStateTracker

from bot.dialogue.facts import UNKNOWN, checkin_slots, intake_slots
from bot.dialogue.state import ConversationState, read_state
from bot.engine.knowledge import knowledge
from bot.rasa.policies.base import ContentPolicy, after_user_message
from core.types import TriageLevel

__all__ = ["CANDIDATES_SLOT", "FactsPolicy"]

CANDIDATES_SLOT = "candidate_muscles"
INTAKE_SLOTS = ("pain_location", "pain_quality", "pain_intensity", "pain_duration", "pain_trigger")
CHECKIN_SLOTS = ("checkin_trend", "checkin_pain", "checkin_helped", "checkin_news")


def _flag_raised_now(tracker: DialogueStateTracker, state: ConversationState) -> bool:
    """A red flag (see a doctor or more) the person was not told about before this message."""
    result = knowledge().triage(state.safety_report())
    if result.level < TriageLevel.SEE_DOCTOR:
        return False
    told = set(tracker.get_slot("red_flags") or ())
    return result.level > TriageLevel.parse(tracker.get_slot("triage_level")) or any(
        flag.rule.id not in told for flag in result.flags if flag.rule.level >= TriageLevel.SEE_DOCTOR)


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True
)
class FactsPolicy(ContentPolicy):
    """Sets the fact slots from the conversation's state after each user message; predicts nothing."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """Lowest priority: it only ever contributes slot events, never an action."""
        return {"priority": 0}

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: Dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        """No action (all zeros), plus slot events for every fact that changed."""
        events: List[Event] = []
        if after_user_message(tracker):
            state = read_state(tracker.events)
            report = state.intake_report().refine(knowledge().vague_parts)
            values: Dict[str, Any] = dict(intake_slots(report, state.unknown_answers(), state.answers_in_words()))
            if state.new_complaint:  # "now the right calf too": what was said of the first one is not this one's
                values.update({slot: None for slot in INTAKE_SLOTS if slot not in values})
            if report.regions:
                values[CANDIDATES_SLOT] = [c.muscle.id for c in knowledge().rank(report)]
            if tracker.active_loop_name == "checkin_form":
                values.update(checkin_slots(state))
                if _flag_raised_now(tracker, state):
                    # "worse, and now my hand has gone weak": the check-in ends here with what it has, so its
                    # record recommends the professional, instead of going on with its questions
                    values.update({slot: UNKNOWN for slot in CHECKIN_SLOTS
                                   if slot not in values and tracker.get_slot(slot) is None})
            events = [SlotSet(name, value) for name, value in values.items() if tracker.get_slot(name) != value]
        return self._prediction(self._default_predictions(domain), events=events)
