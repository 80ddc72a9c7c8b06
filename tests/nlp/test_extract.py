"""Extraction with clinical context: the facts the vignettes need, negation, hypotheticals, others."""

from __future__ import annotations

import pytest

from bot.engine.types import Mention
from bot.nlp.extract import mentions_from_text


def extract(text: str, knowledge) -> list[Mention]:  # type: ignore[no-untyped-def]
    return mentions_from_text(text, knowledge.sided_regions)


def present(mentions: list[Mention], kind: str) -> set[str]:
    return {m.value for m in mentions if m.kind == kind and m.present}


def test_region_with_side_sensation_and_activity(knowledge) -> None:  # type: ignore[no-untyped-def]
    mentions = extract("I get a dull headache over my right temple most afternoons", knowledge)
    regions = [(m.value, m.side) for m in mentions if m.kind == "region"]
    assert ("temple", "right") in regions
    assert "dull" in present(mentions, "sensation")


def test_several_facts_in_one_message(knowledge) -> None:  # type: ignore[no-untyped-def]
    mentions = extract("my shoulder and neck are killing me, like 7/10 since monday, worse at the pc", knowledge)
    assert {"shoulder_top", "neck_back"} <= present(mentions, "region")
    assert present(mentions, "intensity") == {"7"}
    assert present(mentions, "duration")
    assert present(mentions, "activity")


@pytest.mark.parametrize(
    "text",
    [
        "No, no numbness anywhere, bladder and bowels are normal and I don't have a temperature",
        "I don't have a fever",
        "no numbness around my bottom",
    ],
)
def test_negated_findings_are_not_present(text: str, knowledge) -> None:  # type: ignore[no-untyped-def]
    mentions = extract(text, knowledge)
    assert not present(mentions, "finding"), [m for m in mentions if m.kind == "finding"]


def test_someone_elses_history_is_not_the_persons(knowledge) -> None:  # type: ignore[no-untyped-def]
    mentions = extract("my dad had cancer", knowledge)
    assert "cancer_history" not in present(mentions, "finding")


def test_hypothetical_is_not_present(knowledge) -> None:  # type: ignore[no-untyped-def]
    mentions = extract("what if I get numbness around my bottom", knowledge)
    assert "saddle_numbness" not in present(mentions, "finding")


def test_stated_finding_is_present(knowledge) -> None:  # type: ignore[no-untyped-def]
    mentions = extract("now I've got numbness around my bottom and I can't feel when I need to pee", knowledge)
    assert {"saddle_numbness", "bladder_dysfunction"} <= present(mentions, "finding")


def test_longest_phrase_wins_within_a_kind(knowledge) -> None:  # type: ignore[no-untyped-def]
    mentions = extract("the back of my knee aches", knowledge)
    assert present(mentions, "region") == {"knee_back"}
