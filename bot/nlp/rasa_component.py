"""Rasa NLU component: the project's pain-language extractor, run on every parsed message.

It adds entities that fill the intake slots (only present, first-person facts: "no numbness" fills
nothing) and stores every mention with its ConText flags under `pain_mentions` in the parse data,
where the safety policy reads the whole conversation's findings on every turn.
"""

from __future__ import annotations

from typing import Any, Dict, List

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.nlu.utils.spacy_utils import SpacyModel, SpacyNLP
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.engine.types import Mention
from bot.knowledge import knowledge
from bot.nlp.extract import MAX_CHARS, Analyser, extract_mentions, mention_to_dict

MENTIONS_KEY = "pain_mentions"
_ENTITY_BY_KIND = {
    "region": "body_region",
    "sensation": "sensation",
    "activity": "activity",
    "intensity": "intensity",
    "duration": "duration",
    "age": "age",
}


def entity_for(mention: Mention, text: str) -> Dict[str, Any] | None:
    """Slot-filling entity for a present mention; regions carry their side as `id:side`."""
    entity = _ENTITY_BY_KIND.get(mention.kind)
    if entity is None or not mention.present:
        return None
    value = f"{mention.value}:{mention.side}" if mention.side else mention.value
    start = text.lower().find(mention.text.lower()) if mention.text else -1
    return {
        "entity": entity,
        "value": value,
        "start": max(start, 0),
        "end": max(start, 0) + len(mention.text),
        "confidence": 1.0,
    }


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False, model_from="SpacyNLP"
)
class PainFindingsExtractor(GraphComponent, EntityExtractorMixin):
    """Regions, sensations, activities, findings and numbers with clinical context."""

    @classmethod
    def required_components(cls) -> List[type]:
        """Needs the project's spaCy pipeline loaded by SpacyNLP."""
        return [SpacyNLP]

    def __init__(self, config: Dict[str, Any]) -> None:
        self._config = config
        self._analyser: Analyser | None = None

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> GraphComponent:
        """No training: the vocabulary comes from the knowledge base."""
        return cls(config)

    def _analyser_for(self, model: SpacyModel) -> Analyser:
        """Reuse SpacyNLP's loaded pipeline rather than loading it a second time."""
        if self._analyser is None:
            self._analyser = Analyser(model.model)
        return self._analyser

    def process(self, messages: List[Message], model: SpacyModel) -> List[Message]:
        """Annotate each message; a failure here must never lose the message."""
        analyser = self._analyser_for(model)
        sided = knowledge().sided_regions
        for message in messages:
            text = (message.get(TEXT) or "")[:MAX_CHARS]
            mentions = extract_mentions(analyser.analyse(text), sided, bare_intensity=True)
            entities = [e for m in mentions if (e := entity_for(m, text)) is not None]
            message.set(
                ENTITIES,
                message.get(ENTITIES, []) + self.add_extractor_name(entities),
                add_to_output=True,
            )
            message.set(MENTIONS_KEY, [mention_to_dict(m) for m in mentions], add_to_output=True)
        return messages

    def process_training_data(self, training_data: Any) -> Any:
        """Training data passes through untouched."""
        return training_data
