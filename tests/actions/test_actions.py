"""Actions with real rasa-sdk Tracker and CollectingDispatcher objects, the project's content and a
check-in store on a temporary SQLite file. Every message an action sends is a domain response."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any, Iterator

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import FollowupAction
from rasa_sdk.executor import CollectingDispatcher

from actions.checkins import ActionCheckinManage, ActionOfferCheckin, ActionScheduleCheckin, use_store
from actions.coaching import ActionCoachMassage, ActionPressureFeedback
from actions.guidance import ActionAnswerCaution, ActionSuggestMuscles
from actions.intake import ActionAskPainIntensity, ActionRephrase
from actions.safety import ActionScreen
from bot.checkins.store import CheckinStore
from bot.nlp.extract import mentions_from_text
from core.settings import PROJECT_ROOT
from kb.database import make_engine, migrate


@pytest.fixture(scope="module", autouse=True)
def checkin_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CheckinStore]:
    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('kb') / 'kb.sqlite'}")
    migrate(engine)
    store = CheckinStore(engine)
    use_store(store)
    yield store
    use_store(None)
    engine.dispose()


def user_event(text: str, intent: str, knowledge, entities: list[dict[str, Any]] | None = None) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    mentions = mentions_from_text(text, knowledge.sided_regions)
    return {"event": "user", "text": text,
            "parse_data": {"intent": {"name": intent, "confidence": 1.0}, "entities": entities or [],
                           "text": text, "pain_mentions": [m.to_dict() for m in mentions]}}


def _all_questions() -> list[str]:
    from bot.engine.knowledge import knowledge

    return [q.id for q in knowledge().screening] + ["__age__"]


ALL_ASKED = _all_questions()


def slot(name: str, value: Any) -> dict[str, Any]:
    return {"event": "slot", "name": name, "value": value}


def tracker(events: list[dict[str, Any]], slots: dict[str, Any] | None = None, sender: str = "tester",
            active_loop: dict[str, Any] | None = None) -> Tracker:
    last = next((e["parse_data"] for e in reversed(events) if e["event"] == "user"), {})
    values = {"triage_level": "none", **{e["name"]: e["value"] for e in events if e["event"] == "slot"},
              **(slots or {})}
    return Tracker(sender, values, last, events, False, None, active_loop or {}, "action_listen")


def responses(dispatcher: CollectingDispatcher) -> list[str]:
    return [str(m.get("response")) for m in dispatcher.messages if m.get("response")]


def values_of(result: list[dict[str, Any]]) -> dict[str, Any]:
    return {e["name"]: e["value"] for e in result if e.get("event") == "slot"}


def test_no_action_sends_literal_text() -> None:
    """Every sentence is a domain response: `utter_message(text=...)` is never used by an action."""
    found = []
    for path in sorted((PROJECT_ROOT / "actions").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            is_utter = isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "utter_message"
            if is_utter and (any(k.arg == "text" for k in node.keywords) or node.args):
                found.append(f"{path.name}:{node.lineno}")
    assert not found, found


def test_suggestions_name_muscles_with_reasons_and_offer_the_first(knowledge) -> None:  # type: ignore[no-untyped-def]
    events = [user_event("I get a dull headache over my right temple, worse when hunched over my laptop",
                         "describe", knowledge),
              slot("candidate_muscles", ["upper_trapezius", "temporalis", "sternocleidomastoid"])]
    dispatcher = CollectingDispatcher()
    result = ActionSuggestMuscles().run(dispatcher, tracker(events), {})
    assert responses(dispatcher) == ["utter_suggestions", "utter_offer_coaching"]
    assert "Upper trapezius" in dispatcher.messages[0]["candidates"]
    assert values_of(result)["offered_muscle"] == "upper_trapezius"
    assert values_of(result)["awaiting"] == "coach_offer"
    body_map = next(m["custom"]["data"] for m in dispatcher.messages if m.get("custom"))
    assert body_map["image"].startswith("data:image/svg+xml;base64,") and "temple" in body_map["alt"]


def test_no_coaching_offer_after_a_red_flag(knowledge) -> None:  # type: ignore[no-untyped-def]
    events = [user_event("my lower back aches", "describe", knowledge),
              slot("candidate_muscles", ["quadratus_lumborum"])]
    dispatcher = CollectingDispatcher()
    result = ActionSuggestMuscles().run(dispatcher, tracker(events, {"triage_level": "see_doctor"}), {})
    assert "utter_offer_coaching" not in responses(dispatcher)
    assert "utter_suggest_see_doctor_first" in responses(dispatcher)
    assert FollowupAction("action_offer_checkin") not in result  # one question a turn: a "yes" next is answered


def test_coaching_coaches_the_muscle_that_was_offered(knowledge) -> None:  # type: ignore[no-untyped-def]
    events = [user_event("top of my left shoulder aches near my neck", "describe", knowledge),
              slot("candidate_muscles", ["lower_trapezius", "upper_trapezius"]),
              slot("offered_muscle", "upper_trapezius"),
              slot("screening_done", ALL_ASKED), slot("awaiting", "coach_offer"),
              user_event("yes!! anything that helps", "affirm", knowledge)]
    dispatcher = CollectingDispatcher()
    result = ActionCoachMassage().run(dispatcher, tracker(events), {})
    assert values_of(result)["coaching_muscle"] == "upper_trapezius"
    assert responses(dispatcher) == ["utter_coach_cautions", "utter_coach_find", "utter_coach_press"]
    assert values_of(result)["awaiting"] == "pressure"


def test_blood_thinners_make_the_pressure_light(knowledge) -> None:  # type: ignore[no-untyped-def]
    events = [user_event("neck ache, I take warfarin", "describe", knowledge),
              slot("candidate_muscles", ["upper_trapezius"]), slot("offered_muscle", "upper_trapezius"),
              slot("screening_done", ALL_ASKED)]
    dispatcher = CollectingDispatcher()
    result = ActionCoachMassage().run(dispatcher, tracker(events), {})
    press = dispatcher.messages[-1]
    assert (press["low"], press["high"]) == (3, 5) and values_of(result)["light_pressure"] is True
    assert "Blood thinners" in dispatcher.messages[0]["cautions"]


@pytest.mark.parametrize(("reply", "expected"), [
    ("it's about a 3", "utter_pressure_more_level"),
    ("more like 6 now", "utter_pressure_hold_level"),
    ("pressing lighter, maybe a 6 now", "utter_pressure_hold_level"),
    ("ow that's sharp", "utter_pressure_stop"),
    ("too much, that's an 8", "utter_pressure_less_level"),
    ("can barely feel it", "utter_pressure_more"),
    ("nice strong ache", "utter_pressure_hold"),
    ("yep 👍", "utter_pressure_hold"),
    ("my thumb is getting tired", "utter_pressure_less_tool_tired"),
    ("hmm", "utter_pressure_ask"),
])
def test_free_text_in_the_pressure_loop(knowledge, reply: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    events = [slot("coaching_muscle", "upper_trapezius"), slot("awaiting", "pressure"),
              user_event(reply, "describe", knowledge)]
    dispatcher = CollectingDispatcher()
    result = ActionPressureFeedback().run(dispatcher, tracker(events), {})
    assert responses(dispatcher)[0] == expected
    if expected.startswith("utter_pressure_hold"):
        assert "utter_coach_finish" in responses(dispatcher)
        assert any(e.get("name") == "action_offer_checkin" for e in result if e.get("event") == "followup")


def test_buttons_carry_the_direction(knowledge) -> None:  # type: ignore[no-untyped-def]
    events = [slot("coaching_muscle", "upper_trapezius"), slot("awaiting", "pressure"),
              user_event("/pressure_feedback", "pressure_feedback", knowledge,
                         [{"entity": "direction", "value": "less"}])]
    dispatcher = CollectingDispatcher()
    ActionPressureFeedback().run(dispatcher, tracker(events), {})
    assert responses(dispatcher) == ["utter_pressure_less"]


def test_a_safety_question_is_explained_then_asked_again(knowledge) -> None:  # type: ignore[no-untyped-def]
    events = [user_event("low back pain", "describe", knowledge), slot("screening_question", "saddle_numbness"),
              slot("screening_done", ["screen_saddle_numbness"]), slot("awaiting", "screening"),
              user_event("what do you mean?", "ask_meaning", knowledge)]
    dispatcher = CollectingDispatcher()
    ActionScreen().run(dispatcher, tracker(events), {})
    assert responses(dispatcher) == ["utter_screen_explain"]
    assert "saddle" in dispatcher.messages[0]["question"]


def test_an_answer_to_something_else_keeps_the_question(knowledge) -> None:  # type: ignore[no-untyped-def]
    events = [user_event("low back pain", "describe", knowledge), slot("screening_question", "saddle_numbness"),
              slot("screening_done", ["screen_saddle_numbness"]), slot("awaiting", "screening"),
              user_event("it's about a 6 today", "describe", knowledge)]
    dispatcher = CollectingDispatcher()
    ActionScreen().run(dispatcher, tracker(events), {})
    assert responses(dispatcher) == ["utter_screen_repeat"]


def test_a_no_moves_on_to_the_next_question(knowledge) -> None:  # type: ignore[no-untyped-def]
    events = [user_event("low back pain", "describe", knowledge), slot("screening_question", "saddle_numbness"),
              slot("screening_done", ["screen_saddle_numbness"]), slot("awaiting", "screening"),
              user_event("no, nothing like that", "deny", knowledge)]
    dispatcher = CollectingDispatcher()
    result = ActionScreen().run(dispatcher, tracker(events), {})
    assert responses(dispatcher) in (["utter_screen_question"], ["utter_ask_age"])
    assert len(values_of(result)["screening_done"]) == 2


def test_a_question_asked_again_is_worded_differently(knowledge) -> None:  # type: ignore[no-untyped-def]
    events = [user_event("neck ache", "describe", knowledge),
              {"event": "bot", "text": "...", "metadata": {"utter_action": "utter_ask_pain_intensity"}},
              user_event("for 3 weeks", "describe", knowledge)]
    dispatcher = CollectingDispatcher()
    ActionAskPainIntensity().run(dispatcher, tracker(events), {})
    assert responses(dispatcher) == ["utter_ask_pain_intensity_again"]


def test_a_third_ask_goes_back_to_the_first_wording(knowledge) -> None:  # type: ignore[no-untyped-def]
    events = [user_event("neck ache", "describe", knowledge),
              {"event": "bot", "text": "...", "metadata": {"utter_action": "utter_ask_pain_intensity_again"}},
              user_event("worse on the laptop", "describe", knowledge)]
    dispatcher = CollectingDispatcher()
    ActionAskPainIntensity().run(dispatcher, tracker(events), {})
    assert responses(dispatcher) == ["utter_ask_pain_intensity"]


def test_after_an_aside_the_question_is_asked_plainly(knowledge) -> None:  # type: ignore[no-untyped-def]
    """"is this a real person?" answered in the turn: "Thanks, noted" would thank for nothing."""
    events = [user_event("neck ache", "describe", knowledge),
              {"event": "bot", "text": "...", "metadata": {"utter_action": "utter_ask_pain_intensity"}},
              user_event("hang on, am I talking to a computer?", "bot_challenge", knowledge),
              {"event": "bot", "text": "...", "metadata": {"utter_action": "utter_bot_challenge"}}]
    dispatcher = CollectingDispatcher()
    ActionAskPainIntensity().run(dispatcher, tracker(events), {})
    assert responses(dispatcher) == ["utter_ask_pain_intensity"]


def test_a_second_misunderstanding_offers_a_way_out(knowledge) -> None:  # type: ignore[no-untyped-def]
    events = [user_event("asdf", "nlu_fallback", knowledge),
              {"event": "bot", "text": "...", "metadata": {"utter_action": "utter_default"}},
              user_event("qwer", "nlu_fallback", knowledge)]
    dispatcher = CollectingDispatcher()
    ActionRephrase().run(dispatcher, tracker(events), {})
    assert responses(dispatcher) == ["utter_stuck"]


def test_is_it_safe_with_blood_thinners(knowledge) -> None:  # type: ignore[no-untyped-def]
    events = [user_event("is it safe with my blood thinners?", "ask_caution", knowledge)]
    dispatcher = CollectingDispatcher()
    result = ActionAnswerCaution().run(dispatcher, tracker(events), {})
    assert responses(dispatcher) == ["utter_caution_answer"] and values_of(result)["light_pressure"] is True


def test_checkins_offered_scheduled_and_managed_in_words(knowledge, checkin_store: CheckinStore) -> None:  # type: ignore[no-untyped-def]
    sender = "checkin-words"
    dispatcher = CollectingDispatcher()
    ActionOfferCheckin().run(dispatcher, tracker([], sender=sender), {})
    assert responses(dispatcher) == ["utter_offer_checkins"]
    dispatcher = CollectingDispatcher()
    result = ActionScheduleCheckin().run(dispatcher, tracker([user_event("yes please, me@example.org", "affirm",
                                                                        knowledge)], sender=sender), {})
    assert responses(dispatcher) == ["utter_checkins_scheduled", "utter_email_saved", "utter_anything_else"]
    assert values_of(result)["awaiting"] == "anything_else"
    dispatcher = CollectingDispatcher()
    ActionCheckinManage().run(dispatcher, tracker([user_event("can you pause these for now", "checkin_manage",
                                                              knowledge)], sender=sender), {})
    assert responses(dispatcher) == ["utter_checkins_paused"]


def test_every_response_an_action_names_exists() -> None:
    from tools.validate import _domain_responses, action_response_names

    names, prefixes = action_response_names()
    defined = _domain_responses()
    assert not (names - defined - {"utter_action"}), names - defined
    assert all(any(r.startswith(p) for r in defined) for p in prefixes), prefixes


def test_domain_folder_is_split_by_feature() -> None:
    files = {p.stem for p in (PROJECT_ROOT / "domain").glob("*.yml")}
    assert {"intake", "safety", "guidance", "coaching", "checkins", "privacy", "channels"} <= files
    assert not Path(PROJECT_ROOT / "domain.yml").exists()


def test_the_review_document_lists_every_response() -> None:
    """docs/what-the-assistant-says.md is generated; regenerate it with `python -m tools.responses`."""
    from tools.responses import DOC_PATH, render

    assert DOC_PATH.read_text(encoding="utf-8") == render(), "run `python -m tools.responses`"


def test_the_conversation_evaluation_scores_every_response() -> None:
    """tools/eval/moves.py maps each domain response to a coach move; a new response must be added there."""
    from tools.eval.moves import unscored_responses
    from tools.validate import _domain_responses

    assert not unscored_responses(_domain_responses())


def test_a_stop_inside_a_check_in_keeps_the_answer_first(knowledge, checkin_store: CheckinStore) -> None:  # type: ignore[no-untyped-def]
    sender = "checkin-stop-with-answer"
    ActionScheduleCheckin().run(CollectingDispatcher(), tracker([user_event("yes", "affirm", knowledge)],
                                                                sender=sender), {})
    dispatcher = CollectingDispatcher()
    said = user_event("loads better now, you can quit these check-ins", "checkin_manage", knowledge)
    result = ActionCheckinManage().run(dispatcher, tracker([said], sender=sender,
                                                           active_loop={"name": "checkin_form"}), {})
    assert responses(dispatcher)[0] == "utter_checkin_noted" and responses(dispatcher)[-1] == "utter_checkins_stopped"
    assert checkin_store.outcomes(sender)[-1].trend == "better"
    assert any(e.get("event") == "active_loop" for e in result)


def test_a_stop_outside_a_check_in_records_nothing(knowledge, checkin_store: CheckinStore) -> None:  # type: ignore[no-untyped-def]
    sender = "checkin-stop-plain"
    ActionScheduleCheckin().run(CollectingDispatcher(), tracker([user_event("yes", "affirm", knowledge)],
                                                                sender=sender), {})
    dispatcher = CollectingDispatcher()
    ActionCheckinManage().run(dispatcher, tracker([user_event("it's better, stop the check-ins", "checkin_manage",
                                                              knowledge)], sender=sender), {})
    assert responses(dispatcher) == ["utter_checkins_stopped"] and not checkin_store.outcomes(sender)
