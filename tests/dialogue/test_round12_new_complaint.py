"""A new complaint once the first was told and answered (set 18, round 12): "now the right calf has started
doing the same" after coaching the left is a complaint of its own, asked about afresh; more said of the first
pain (it spreads, a new symptom, a correction) is not."""

from __future__ import annotations

from typing import Any

import pytest

from bot.dialogue.facts import intake_slots
from bot.dialogue.state import MENTIONS_KEY, read_state
from bot.nlp.extract import mentions_from_text

FIRST = "My left shoulder blade has been a dull ache for about 3 weeks, a 5 out of 10, from gardening"


def _user(text: str, knowledge: Any, intent: str = "describe") -> dict[str, Any]:
    mentions = mentions_from_text(text, knowledge.sided_regions, bare_intensity=True)
    return {"event": "user", "text": text,
            "parse_data": {"intent": {"name": intent}, MENTIONS_KEY: [m.to_dict() for m in mentions]}}


def _after_coaching(later: list[str], knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """The state after coaching the first pain, then `later` (the second and later messages answer the intake
    form's question for the strength, as the form would ask)."""
    monkeypatch.setenv("BOT_TODAY", "2026-11-30")
    events = [_user(FIRST, knowledge), {"event": "action", "name": "action_coach_massage"},
              {"event": "slot", "name": "awaiting", "value": "pressure"}, _user("a good 6 now", knowledge),
              {"event": "slot", "name": "awaiting", "value": "anything_else"}]
    for index, text in enumerate(later):
        if index:
            events += [{"event": "slot", "name": "awaiting", "value": None},
                       {"event": "active_loop", "name": "intake_form"},
                       {"event": "slot", "name": "requested_slot", "value": "pain_intensity"}]
        events.append(_user(text, knowledge))
    state = read_state(events)
    return {"slots": intake_slots(state.intake_report().refine(knowledge.vague_parts)), "new": state.new_complaint}


def test_a_new_place_after_coaching_starts_its_own_intake(knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    after = _after_coaching(["and now my right knee has started aching too"], knowledge, monkeypatch)
    assert after["new"] and after["slots"]["pain_location"].startswith("knee")
    assert "pain_intensity" not in after["slots"] and "pain_duration" not in after["slots"]


def test_the_new_complaints_own_strength_is_kept(knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    after = _after_coaching(["now my right knee is sore as well", "about a 3, since Saturday's walk"],
                            knowledge, monkeypatch)
    assert after["slots"]["pain_intensity"] == "3"


@pytest.mark.parametrize("later", ["thanks, the shoulder blade feels better already",
                                   "it goes down into my arm a bit when I press",
                                   "my left hand has gone numb and weak"])
def test_more_about_the_first_pain_is_no_new_complaint(later: str, knowledge: Any,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    after = _after_coaching([later], knowledge, monkeypatch)
    assert not after["new"] and after["slots"]["pain_intensity"] == "5"


def test_a_bare_score_a_question_late_is_the_strength(knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """"idk 5?" to "how long?" when the strength was asked and not given: the strength, a question late."""
    from tests.support.reading import slots_after
    slots = slots_after(["my neck", ("pain_quality", "stiff"), ("pain_intensity", "back of it, both sides"),
                         ("pain_duration", "dunno 5?")], knowledge, monkeypatch)
    assert slots["pain_intensity"] == "5" and "pain_duration" not in slots
    known = slots_after(["my neck, stiff, a 6", ("pain_duration", "5")], knowledge, monkeypatch)
    assert known["pain_intensity"] == "6"
