"""CandidatesPolicy keeps `candidate_muscles` current in the Rasa process: real Rasa trackers, domain and
policy objects, the project's content; no servers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, Event, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.knowledge import knowledge
from bot.nlp.extract import mention_to_dict
from bot.rasa.policies.candidates import CANDIDATES_SLOT, CandidatesPolicy
from core.settings import PROJECT_ROOT
from core.types import Mention


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(PROJECT_ROOT / "domain.yml"))


@pytest.fixture()
def policy(tmp_path: Path) -> CandidatesPolicy:
    context = ExecutionContext(GraphSchema({}), "test")
    return CandidatesPolicy({**CandidatesPolicy.get_default_config()}, LocalModelStorage(tmp_path),
                            Resource("candidates"), context)


def said(*mentions: Mention, intent: str = "describe_pain") -> list[Event]:
    parse = {"intent": {"name": intent, "confidence": 1.0}, "entities": [],
             "pain_mentions": [mention_to_dict(m) for m in mentions]}
    return [UserUttered("...", parse_data=parse)]


def tracker(domain: Domain, *turns: list[Event], slots: dict[str, Any] | None = None) -> DialogueStateTracker:
    events: list[Event] = [ActionExecuted("action_listen")]
    for name, value in (slots or {}).items():
        events.insert(0, SlotSet(name, value))
    for index, turn in enumerate(turns):
        if index:
            events += [ActionExecuted("utter_ask_pain_quality"), ActionExecuted("action_listen")]
        events += turn
    return DialogueStateTracker.from_events("test", events, slots=domain.slots)


def slot_events(prediction: Any) -> dict[str, Any]:
    return {e.key: e.value for e in prediction.events if isinstance(e, SlotSet)}


def test_the_slot_follows_the_place_and_matches_the_engine(policy: CandidatesPolicy, domain: Domain) -> None:
    region = Mention(kind="region", value="temple", side="right")
    prediction = policy.predict_action_probabilities(tracker(domain, said(region)), domain)
    expected = [c.muscle.id for c in knowledge().rank(knowledge().report([region]))]
    assert expected, "the temple must have referring muscles in the content"
    assert slot_events(prediction) == {CANDIDATES_SLOT: expected}
    assert max(prediction.probabilities) == 0.0, "the policy never predicts an action"


def test_a_second_area_in_a_later_turn_changes_the_ranking(policy: CandidatesPolicy, domain: Domain) -> None:
    neck, low_back = Mention(kind="region", value="temple"), Mention(kind="region", value="low_back")
    first = slot_events(policy.predict_action_probabilities(tracker(domain, said(neck)), domain))
    both = slot_events(policy.predict_action_probabilities(tracker(domain, said(neck), said(low_back)), domain))
    assert both[CANDIDATES_SLOT] != first[CANDIDATES_SLOT]
    assert both[CANDIDATES_SLOT] == [c.muscle.id for c in knowledge().rank(knowledge().report([neck, low_back]))]


def test_no_event_without_a_place_a_negated_place_or_an_unchanged_ranking(
    policy: CandidatesPolicy, domain: Domain
) -> None:
    nothing = policy.predict_action_probabilities(tracker(domain, said(intent="greet")), domain)
    negated = policy.predict_action_probabilities(
        tracker(domain, said(Mention(kind="region", value="temple", negated=True))), domain)
    region = Mention(kind="region", value="temple")
    current = [c.muscle.id for c in knowledge().rank(knowledge().report([region]))]
    unchanged = policy.predict_action_probabilities(
        tracker(domain, said(region), slots={CANDIDATES_SLOT: current}), domain)
    assert nothing.events == [] and negated.events == [] and unchanged.events == []


def test_only_right_after_a_user_message(policy: CandidatesPolicy, domain: Domain) -> None:
    events = [ActionExecuted("action_listen"), *said(Mention(kind="region", value="temple")),
              ActionExecuted("utter_ask_pain_quality")]
    prediction = policy.predict_action_probabilities(
        DialogueStateTracker.from_events("test", events, slots=domain.slots), domain)
    assert prediction.events == []
