"""Round 18 (issue #14): actions met with replies in words of our own."""

from __future__ import annotations

from typing import Any

from rasa_sdk.events import FollowupAction
from rasa_sdk.executor import CollectingDispatcher

from actions.coaching import ActionCoachMassage
from actions.guidance import ActionStretchOnly
from tests.actions.test_actions import ALL_ASKED, responses, slot, tracker, user_event, values_of


def _bot(name: str) -> dict[str, Any]:
    return {"event": "bot", "text": "...", "metadata": {"utter_action": name}}


def test_pressing_told_to_the_offer_starts_the_coaching_and_answers_it(knowledge) -> None:  # type: ignore[no-untyped-def]
    events = [user_event("ache on top of my right shoulder", "describe", knowledge),
              slot("candidate_muscles", ["upper_trapezius"]), slot("offered_muscle", "upper_trapezius"),
              slot("screening_done", ALL_ASKED), slot("awaiting", "coach_offer"),
              user_event("already leaning on a ball against the door, can hardly feel it", "pressure_feedback",
                         knowledge)]
    result = ActionCoachMassage().run(CollectingDispatcher(), tracker(events), {})
    assert values_of(result)["coaching_muscle"] == "upper_trapezius"
    assert FollowupAction("action_pressure_feedback") in result


def test_a_plain_yes_to_the_offer_waits_for_the_first_pressing(knowledge) -> None:  # type: ignore[no-untyped-def]
    events = [user_event("ache on top of my right shoulder", "describe", knowledge),
              slot("candidate_muscles", ["upper_trapezius"]), slot("offered_muscle", "upper_trapezius"),
              slot("screening_done", ALL_ASKED), slot("awaiting", "coach_offer"),
              user_event("yes go on", "affirm", knowledge)]
    result = ActionCoachMassage().run(CollectingDispatcher(), tracker(events), {})
    assert FollowupAction("action_pressure_feedback") not in result


def test_a_stretch_asked_for_right_after_it_was_given_is_not_given_word_for_word(knowledge) -> None:  # type: ignore[no-untyped-def]
    events = [user_event("front of my left hip aches", "describe", knowledge),
              slot("candidate_muscles", ["iliopsoas"]), slot("offered_muscle", "iliopsoas"),
              user_event("no", "deny", knowledge), _bot("utter_stretch_only"), _bot("utter_offer_checkins"),
              user_event("any stretch i could do sat in the car?", "ask_stretch", knowledge)]
    dispatcher = CollectingDispatcher()
    result = ActionStretchOnly().run(dispatcher, tracker(events), {})
    assert responses(dispatcher) == ["utter_stretch_again"]
    assert values_of(result)["awaiting"] == "checkin_offer"


def test_the_first_stretch_request_gives_the_stretch(knowledge) -> None:  # type: ignore[no-untyped-def]
    events = [user_event("front of my left hip aches", "describe", knowledge),
              slot("candidate_muscles", ["iliopsoas"]), slot("offered_muscle", "iliopsoas"),
              _bot("utter_suggest"), user_event("is there a stretch instead?", "ask_stretch", knowledge)]
    dispatcher = CollectingDispatcher()
    ActionStretchOnly().run(dispatcher, tracker(events), {})
    assert responses(dispatcher) == ["utter_stretch_only"]
