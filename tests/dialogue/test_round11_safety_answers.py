"""Safety answers found by blind conversation set 16 (round 11): a hedge that comes with a pain score is unsure how
strong the pain is, not unsure of the safety question just asked, so it is no "yes" to it. Wordings of our own."""

from __future__ import annotations

import pytest

from bot.dialogue.state import AGE_QUESTION, UserTurn
from bot.nlp.replies import Answer


@pytest.mark.parametrize("text", ["Difficult to say. Perhaps a 3, perhaps a 6? Some mornings it's hardly there.",
                                  "not sure really, about a 5 I'd guess",
                                  "dunno, 7 on a bad day"])
def test_a_hedged_score_leaves_the_safety_question_open(text: str) -> None:
    assert UserTurn(text=text, intent="describe", mentions=(), asked="chest_pressure").answer is None


@pytest.mark.parametrize("text", ["not sure", "hard to say, maybe", "dunno, it started 2 weeks ago maybe",
                                  "no idea, 3 toes feel a bit odd"])
def test_a_hedge_without_a_score_is_still_the_safer_answer(text: str) -> None:
    assert UserTurn(text=text, intent="dont_know", mentions=(), asked="saddle_numbness").answer is Answer.UNSURE


def test_the_age_question_keeps_its_own_reading() -> None:
    turn = UserTurn(text="not sure, about 6 I think", intent="dont_know", mentions=(), asked=AGE_QUESTION)
    assert turn.answer is Answer.UNSURE


def test_an_acknowledgement_that_asks_on_is_no_yes_to_a_safety_question() -> None:
    from bot.dialogue.state import UserTurn

    turn = UserTurn(text="ok I'll get it looked at. can I still stretch it meanwhile?", intent="affirm", mentions=(),
                    asked="dvt_signs")
    assert turn.answer is None
    swollen = UserTurn(text="ok yes it is a bit swollen", intent="affirm", mentions=(), asked="dvt_signs")
    assert swollen.answer is not None
