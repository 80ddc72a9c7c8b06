"""CandidatesPolicy: keeps `candidate_muscles` current after every user message, in the Rasa server.

Why a policy and not an action: the slot must follow what the person says on every turn (a second
painful area, a correction), and an action-server call per message cost a round trip carrying the
whole tracker (measured: it was most of the per-turn latency over a bare Rasa bot). The ranking is
the same engine and content the action server uses, so both always agree. The policy never predicts
an action; its slot event rides along with whichever policy wins.
"""

from __future__ import annotations

from typing import Any, Dict, List

from rasa.core.policies.policy import PolicyPrediction
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import Event, SlotSet
from rasa.shared.core.trackers import DialogueStateTracker

from bot.engine.conversation import mentions_in_events
from bot.knowledge import knowledge
from bot.rasa.policies.base import ContentPolicy, after_user_message

__all__ = ["CANDIDATES_SLOT", "CandidatesPolicy"]

CANDIDATES_SLOT = "candidate_muscles"


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True
)
class CandidatesPolicy(ContentPolicy):
    """Ranks the muscles for the conversation's report after each user message; predicts nothing."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """Lowest priority: it only ever contributes a slot event, never an action."""
        return {"priority": 0}

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: Dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        """No action (all zeros), plus a `candidate_muscles` update when the ranking changed."""
        events: List[Event] = []
        if after_user_message(tracker):
            report = knowledge().report(mentions_in_events(tracker.applied_events()))
            if report.regions:
                ids = [c.muscle.id for c in knowledge().rank(report)]
                if ids != tracker.get_slot(CANDIDATES_SLOT):
                    events.append(SlotSet(CANDIDATES_SLOT, ids))
        return self._prediction(self._default_predictions(domain), events=events)
