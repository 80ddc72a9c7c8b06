"""The base of the project's in-process policies, which reason from reviewed content, not training.

Rasa asks every policy for a prediction after every message and applies each policy's mandatory
`events` whether or not it wins. The project uses that to keep conversation state (the triage level,
the candidate muscles) current inside the Rasa server, on every turn, without a round trip to the
action server.
"""

from __future__ import annotations

from typing import Any, Dict, List

from rasa.core.policies.policy import Policy
from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker

from bot.engine.knowledge import knowledge

__all__ = ["ACTION_LISTEN", "ContentPolicy", "after_user_message"]

ACTION_LISTEN = "action_listen"


def after_user_message(tracker: DialogueStateTracker) -> bool:
    """True for the prediction that directly follows a user message (once per user turn)."""
    return tracker.latest_action_name == ACTION_LISTEN and isinstance(tracker.latest_message, UserUttered)


class ContentPolicy(Policy):
    """A policy with nothing to learn: training only persists an empty resource."""

    def __init__(
        self,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        featurizer: Any = None,
    ) -> None:
        super().__init__(config, model_storage, resource, execution_context, featurizer)
        knowledge()  # validate and load the content (about 1 s) when the server starts, not on a first message

    def train(
        self, training_trackers: List[TrackerWithCachedStates], domain: Domain, **kwargs: Any
    ) -> Resource:
        """The rules are reviewed content, so there is nothing to fit."""
        with self._model_storage.write_to(self._resource):
            pass
        return self._resource
