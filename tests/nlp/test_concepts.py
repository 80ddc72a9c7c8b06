"""Concepts and the findings composed of them: stems, exact words, masks, clauses and windows."""

from __future__ import annotations

import pytest

from bot.nlp.concepts import ConceptMatcher, clause_ids, compose, normalise


def matcher(**concepts: list[str]) -> ConceptMatcher:
    return ConceptMatcher((cid, phrase.split()) for cid, phrases in concepts.items() for phrase in phrases)


def test_stems_contractions_and_intensifiers() -> None:
    assert normalise("numbness") == ("numb",) and normalise("cant") == ("can", "not")
    found = matcher(numb=["numb", "can not feel"]).find("I ca n't really feel my bum , numbness".split())
    assert [(h.concept, h.start, h.end) for h in found] == [("numb", 1, 5), ("numb", 8, 9)]
    # Scots negations read like any other: "cannae lift it" is "can not lift it"
    assert normalise("cannae") == ("can", "not") and normalise("didnae") == ("did", "not")


def test_exact_phrases_keep_the_plural_and_masks_hide_look_alikes() -> None:
    both = ConceptMatcher([], exact=[("both_legs", ["legs"])])
    assert [h.concept for h in both.find("my legs are weak".split())] == ["both_legs"]
    assert not both.find("my leg is weak".split())
    masked = ConceptMatcher([("worse", ["get", "worse"]), ("worse_when", ["get", "worse", "when"])],
                            masks=["worse_when"])
    assert not masked.find("gets worse when I sit".split())
    assert [h.concept for h in masked.find("it keeps getting worse".split())] == ["worse"]


def test_a_mask_keeps_what_its_words_truly_say() -> None:
    # "bench press" is no pressing chest pain, and still the workout that strained the chest
    phrases = [("pressure", ["press"]), ("strain", ["bench", "press"]), ("gym_press", ["bench", "press"])]
    hiding = ConceptMatcher(phrases, masks=["gym_press"])
    assert not hiding.find("tight after bench press".split())
    keeping = ConceptMatcher(phrases, masks=["gym_press"], keeps={"gym_press": ["strain"]})
    assert [h.concept for h in keeping.find("tight after bench press".split())] == ["strain"]


def test_composition_needs_one_clause_and_the_window() -> None:
    m = matcher(numb=["numb"], saddle=["bum"])
    words = "my bum is numb but my legs are fine".split()
    hits = m.find(words)
    found = compose(hits, clause_ids(words, [0]), [("saddle_numbness", ("numb", "saddle"), 12)])
    assert [(f.finding, f.start, f.end) for f in found] == [("saddle_numbness", 1, 4)]
    split = "numb toes , but my bum hurts".split()
    assert not compose(m.find(split), clause_ids(split, [0]), [("saddle_numbness", ("numb", "saddle"), 12)])
    far = ("numb " + "x " * 20 + "bum").split()
    assert not compose(m.find(far), clause_ids(far, [0]), [("saddle_numbness", ("numb", "saddle"), 12)])


def test_text_is_matched_with_and_without_its_intensifiers() -> None:
    m = matcher(numb=["can not feel"], unrelieved=["even lying down"])
    assert [h.concept for h in m.find("I ca n't even feel it".split())] == ["numb"]
    assert [h.concept for h in m.find("it hurts even lying down".split())] == ["unrelieved"]


@pytest.mark.parametrize(("text", "finding"), [
    ("when i wipe i cant really feel the loo roll", "saddle_numbness"),
    ("my waterworks have gone funny, I have to strain to get it going", "bladder_dysfunction"),
    ("both my legs feel like jelly", "bilateral_leg_symptoms"),
    ("had an accident in my pants, didnt feel it coming", "bowel_dysfunction"),
])
def test_lay_wordings_compose_their_finding(text: str, finding: str) -> None:
    from bot.cli.assess import assess

    assert finding in assess(text)["report"]["findings"]


@pytest.mark.parametrize("text", ["no numbness down there and my bladder is fine", "my bum isn't numb",
                                  "what if my bum goes numb?",
                                  "my dad can't feel his legs some mornings, but my own back is what aches"])
def test_denied_hypothetical_and_other_peoples_findings_do_not_count(text: str) -> None:
    from bot.cli.assess import assess

    assert not {"saddle_numbness", "bilateral_leg_symptoms"} & set(assess(text)["report"]["findings"])


def test_a_carer_writing_for_the_patient_describes_the_patient() -> None:
    """With no pain of the writer's own, "my dad ... his back" is about the patient they write for."""
    from bot.cli.assess import assess

    result = assess("my dad's back is bad and now he can't feel his legs, he's 81")
    assert result["triage_level"] == "emergency" and result["report"]["age"] == 81
