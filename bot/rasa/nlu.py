"""Rasa NLU component: the project's pain-language extractor, run on every parsed message.

It adds entities that fill the intake slots (only present, first-person facts: "no numbness" fills
nothing) and stores every mention with its ConText flags under `pain_mentions` in the parse data,
where the safety policy reads the whole conversation's findings on every turn.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Dict, List

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.nlu.utils.spacy_utils import SpacyModel, SpacyNLP
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.engine.knowledge import knowledge
from bot.nlp.build import PROJECT_ROOT
from bot.nlp.extract import MAX_CHARS, Analyser, analyser_for, extract_mentions, original_offsets
from core.types import Mention

MENTIONS_KEY = "pain_mentions"
_ENTITY_BY_KIND = {
    "region": "body_region",
    "sensation": "sensation",
    "activity": "activity",
    "intensity": "intensity",
    "duration": "duration",
    "age": "age",
}


# Words at the edges of a matched phrase that belong to the sentence, not to the entity (see the
# conventions in tests/nlu/heldout.yml): "at the [computer]", "about a [6]", "for [ages]",
# "[sharp] pain", "[tender] to touch", "down my [arm]", "[deep] in my left [ear]" (a sensation, a
# preposition and a side word), "[typing] all day" (how long, not what). The value is unchanged; only the span.
_LEADING = {
    "body_region": ("my", "the", "down", "up", "along", "into", "through", "across", "deep", "in", "on", "left",
                    "right", "both"),
    "activity": ("at", "on", "in", "the", "my", "a", "an", "when", "while", "whilst", "i", "i'm", "im", "with"),
    "intensity": ("about", "around", "roughly", "maybe", "like", "at", "abt", "bout", "approx", "approximately",
                  "probably", "a", "an"),
    "duration": ("for", "about", "around", "roughly", "maybe", "over", "abt", "bout"),
    "sensation": ("feels", "feel", "feeling", "like", "a", "an"),
}
_TRAILING = {
    "sensation": ("pain", "pains", "sensation", "feeling", "to touch", "to the touch"),
    "activity": ("all day", "all afternoon", "all morning", "all evening", "all night", "for long", "for hours",
                 "a lot"),
}
# Rasa entities do not overlap: a phrase inside a longer one of another type belongs to it. An activity
# inside an onset is the event that dates it ("[since the marathon]"), and a body part inside an activity
# is the part that moves ("[turning my head]"), not where it hurts. Both stay in `pain_mentions`.
_NESTED_IN = {"activity": "duration", "body_region": "activity"}


def _trim(entity: str, text: str, start: int, end: int) -> tuple[int, int]:
    """Drop edge words that are not part of the entity; never trim it to nothing."""
    changed = True
    while changed:
        changed = False
        piece = text[start:end].lower()
        for word in _LEADING.get(entity, ()):
            if piece.startswith(word + " ") and len(piece) > len(word) + 1:
                start, changed = start + len(word) + 1, True
                break
        piece = text[start:end].lower()
        for word in _TRAILING.get(entity, ()):
            if piece.endswith(" " + word) and len(piece) > len(word) + 1:
                end, changed = end - len(word) - 1, True
                break
    return start, end


def entity_for(mention: Mention, text: str) -> Dict[str, Any] | None:
    """Slot-filling entity for a present mention; regions carry their side as `id:side`.

    The span is found as a whole word ("ache" is not the end of "headache") and trimmed to the entity.
    """
    entity = _ENTITY_BY_KIND.get(mention.kind)
    if entity is None or not mention.present:
        return None
    value = f"{mention.value}:{mention.side}" if mention.side else mention.value
    found = re.search(rf"(?<!\w){re.escape(mention.text)}(?!\w)", text, re.IGNORECASE) if mention.text else None
    start, end = (found.start(), found.end()) if found else (0, len(mention.text))
    start, end = _trim(entity, text, start, end)
    return {"entity": entity, "value": value, "start": start, "end": end, "confidence": 1.0}


def _without_nested(entities: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """Drop an entity lying inside a longer entity of the type it belongs to (see _NESTED_IN)."""
    def inside(inner: Dict[str, Any], outer: Dict[str, Any]) -> bool:
        return (outer["entity"] == _NESTED_IN.get(inner["entity"]) and outer["start"] <= inner["start"]
                and inner["end"] <= outer["end"] and outer["end"] - outer["start"] > inner["end"] - inner["start"])

    return [e for e in entities if not any(inside(e, other) for other in entities)]


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
            folder = Path(model.model_name)
            self._analyser = analyser_for(model.model, folder if folder.is_absolute() else PROJECT_ROOT / folder)
        return self._analyser

    def process(self, messages: List[Message], model: SpacyModel) -> List[Message]:
        """Annotate each message; a failure here must never lose the message."""
        analyser = self._analyser_for(model)
        sided = knowledge().sided_regions
        for message in messages:
            text = (message.get(TEXT) or "")[:MAX_CHARS]
            doc = analyser.analyse(text)
            mentions = extract_mentions(doc, sided, bare_intensity=True)
            entities = _without_nested([e for m in mentions if (e := entity_for(m, doc.text)) is not None])
            for found in entities:  # spans point at what the person typed, before spelling fixes
                found["start"], found["end"] = original_offsets(doc, found["start"], found["end"])
            message.set(
                ENTITIES,
                message.get(ENTITIES, []) + self.add_extractor_name(entities),
                add_to_output=True,
            )
            message.set(MENTIONS_KEY, [m.to_dict() for m in mentions], add_to_output=True)
        return messages

    def process_training_data(self, training_data: Any) -> Any:
        """Training data passes through untouched."""
        return training_data


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class EnglishOnlyGuard(GraphComponent):
    """Marks clearly non-English messages with the intent `non_english` (after the classifiers), so
    the bot says it only speaks English for now instead of misreading the message. Red flags cannot
    be detected in other languages, so the reply also names the emergency number."""

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> GraphComponent:
        """Stateless; nothing to train."""
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        """Override the intent only when the language heuristic is confident."""
        from bot.nlp.language import is_probably_not_english

        for message in messages:
            if is_probably_not_english(message.get(TEXT) or ""):
                intent = {"name": "non_english", "confidence": 1.0}
                message.set("intent", intent, add_to_output=True)
                message.set("intent_ranking", [intent], add_to_output=True)
        return messages

    def process_training_data(self, training_data: Any) -> Any:
        """Training data passes through untouched."""
        return training_data
