"""Actions with real rasa-sdk Tracker and CollectingDispatcher objects and a seeded SQLite KB."""

from __future__ import annotations

from typing import Any, Iterator

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.assessment import ActionSuggestMuscles
from actions.guidance import ActionCoachMassage, ActionPressureFeedback
from actions.knowledge_access import use_repository
from bot.nlp.extract import mention_to_dict, mentions_from_text
from kb.database import make_engine
from kb.repository import KnowledgeRepository
from kb.seed import seed


@pytest.fixture(scope="module", autouse=True)
def repository(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeRepository]:
    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('kb') / 'kb.sqlite'}")
    seed(engine)
    repo = KnowledgeRepository(engine)
    use_repository(repo)
    yield repo
    use_repository(None)
    engine.dispose()


def user_event(text: str, intent: str, knowledge) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    mentions = mentions_from_text(text, knowledge.sided_regions)
    return {"event": "user", "text": text,
            "parse_data": {"intent": {"name": intent, "confidence": 1.0}, "entities": [],
                           "pain_mentions": [mention_to_dict(m) for m in mentions]}}


def tracker(events: list[dict[str, Any]], slots: dict[str, Any] | None = None,
            latest: dict[str, Any] | None = None) -> Tracker:
    last = latest or next((e["parse_data"] for e in reversed(events) if e["event"] == "user"), {})
    return Tracker("tester", {"triage_level": "none", **(slots or {})}, last, events, False, None, {}, "action_listen")


def test_suggestions_name_muscles_with_reasons_and_offer_coaching(knowledge) -> None:  # type: ignore[no-untyped-def]
    events = [user_event("I get a dull headache over my right temple, worse when hunched over my laptop",
                         "describe_pain", knowledge)]
    dispatcher = CollectingDispatcher()
    result = ActionSuggestMuscles().run(dispatcher, tracker(events), {})
    muscles = next(e["value"] for e in result if e.get("name") == "candidate_muscles")
    assert {"upper_trapezius", "temporalis", "sternocleidomastoid"} & set(muscles[:3])
    text = " ".join(m.get("text") or "" for m in dispatcher.messages)
    assert "matches where" in text or "spill" in text
    assert dispatcher.messages[-1]["buttons"] == [{"title": "Yes", "payload": "/affirm"},
                                                  {"title": "No", "payload": "/deny"}]
    body_map = next(m["custom"]["data"] for m in dispatcher.messages if m.get("custom"))
    assert body_map["image"].startswith("data:image/svg+xml;base64,") and "temple" in body_map["alt"]


def test_no_coaching_offer_after_a_red_flag(knowledge) -> None:  # type: ignore[no-untyped-def]
    events = [user_event("my lower back aches", "describe_pain", knowledge)]
    dispatcher = CollectingDispatcher()
    ActionSuggestMuscles().run(dispatcher, tracker(events, {"triage_level": "urgent"}), {})
    assert not any(m.get("buttons") for m in dispatcher.messages)


def test_coaching_gives_cautions_before_pressure(knowledge) -> None:  # type: ignore[no-untyped-def]
    events = [user_event("pain at the side of my neck", "describe_pain", knowledge)]
    dispatcher = CollectingDispatcher()
    slots = {"candidate_muscles": ["sternocleidomastoid"], "screening_done": ["screen_neuro"]}
    result = ActionCoachMassage().run(dispatcher, tracker(events, slots), {})
    assert dispatcher.messages[0]["text"].startswith("**Before you start")
    assert "pulse" in dispatcher.messages[0]["text"].lower()
    assert [b["payload"] for b in dispatcher.messages[-1]["buttons"]] == [
        "/pressure_more", "/pressure_less", "/pressure_good", "/pressure_stop"]
    assert {"event": "slot", "name": "coaching_muscle", "value": "sternocleidomastoid", "timestamp": None} in result


def test_coaching_refused_when_a_doctor_should_look_first(knowledge) -> None:  # type: ignore[no-untyped-def]
    dispatcher = CollectingDispatcher()
    result = ActionCoachMassage().run(dispatcher, tracker([], {"triage_level": "see_doctor",
                                                               "candidate_muscles": ["quadratus_lumborum"]}), {})
    assert result == [] and "before any deep self-massage" in dispatcher.messages[0]["text"]


@pytest.mark.parametrize(
    ("intent", "text", "ends"),
    [("pressure_good", "that's the spot", True), ("pressure_stop", "ouch that's sharp", False),
     ("pressure_more", "I can't feel anything", False)],
)
def test_pressure_feedback(intent: str, text: str, ends: bool, knowledge) -> None:  # type: ignore[no-untyped-def]
    event = user_event(text, intent, knowledge)
    dispatcher = CollectingDispatcher()
    ActionPressureFeedback().run(dispatcher, tracker([event], {"coaching_muscle": "upper_trapezius"}), {})
    message = dispatcher.messages[-1]["text"]
    if intent == "pressure_stop":
        assert message.startswith("Stop pressing")
    if ends:
        assert "stretch" in message.lower()


def test_coaching_screens_first(knowledge) -> None:  # type: ignore[no-untyped-def]
    events = [user_event("my lower back aches", "describe_pain", knowledge)]
    dispatcher = CollectingDispatcher()
    result = ActionCoachMassage().run(dispatcher, tracker(events, {"candidate_muscles": ["quadratus_lumborum"]}), {})
    assert result == [{"event": "followup", "name": "action_screen", "timestamp": None}]


def test_personal_caution_changes_guidance_rather_than_blocking(knowledge) -> None:  # type: ignore[no-untyped-def]
    events = [user_event("my neck aches at the side and I take warfarin", "describe_pain", knowledge)]
    dispatcher = CollectingDispatcher()
    slots = {"candidate_muscles": ["upper_trapezius"], "screening_done": ["screen_neuro"]}
    result = ActionCoachMassage().run(dispatcher, tracker(events, slots), {})
    assert "Blood thinners" in dispatcher.messages[0]["text"]
    assert "3 to 4 out of 10" in dispatcher.messages[-1]["text"]
    assert {"event": "slot", "name": "light_pressure", "value": True, "timestamp": None} in result


def test_screening_asks_each_question_once(knowledge) -> None:  # type: ignore[no-untyped-def]
    from actions.safety import ActionScreen

    events = [user_event("my lower back aches", "describe_pain", knowledge)]
    asked: list[str] = []
    done: list[str] = []
    for _ in range(5):
        dispatcher = CollectingDispatcher()
        result = ActionScreen().run(dispatcher, tracker(events, {"screening_done": done}), {})
        if any(e.get("event") == "followup" for e in result):
            break
        assert dispatcher.messages[0]["buttons"][0]["payload"] == "/affirm"
        asked.append(dispatcher.messages[0]["text"])
        done = next(e["value"] for e in result if e.get("name") == "screening_done")
    assert len(asked) == 3 and len(set(asked)) == 3
