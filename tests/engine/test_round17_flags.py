"""Red-flag classes of round 17 that needed the readers, not only the vocabulary: a carer's "me mam" (the person written
for, whose age and words are theirs), the Scots denials "didnae" and "nae" (read as the English ones, so a neck that was
not knocked and a headache that is denied stay denied), and a mother written of as "mama". Read through
`python -m bot assess`'s path; the vocabulary classes of the round are proved by
tests/cases/red_flags/round17_classes.yml."""

from __future__ import annotations

import pytest

from bot.nlp.typos import correct
from tests.support.reading import judged


# --- "me mam", "me nan": the person written for (NICE CKS giant cell arteritis) ------------------------------------
@pytest.mark.parametrize("text", [
    "me mam's 80 and her jaw aches when she chews, she has to stop and rest it",
    "me nan is 76 and her jaw gets tired chewing her dinner",
])
def test_a_carer_writing_me_mam_gives_the_patient_her_age_and_her_words(text: str) -> None:
    level, flags, findings = judged(text)
    assert "jaw_claudication" in findings
    assert level == "urgent" and flags & {"gca_jaw_over_50", "gca_jaw_chewing_over_50"}


def test_me_before_other_words_is_still_the_writer() -> None:
    level, _, _ = judged("give me a hand with mum's shopping, my back is sore from lifting")
    assert level == "none"


def test_a_mother_written_of_as_mama_has_her_age_read() -> None:
    _, flags, _ = judged("my mama is 72, her jaw aches after a few mouthfuls of food and she stops to rest it")
    assert flags & {"gca_jaw_over_50", "gca_jaw_chewing_over_50"}


# --- Scots denials --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("typed", "read"), [
    ("didnae bang it", "didn't bang it"),
    ("nae headache", "no headache"),
    ("it disnae hurt", "it doesn't hurt"),
])
def test_scots_denials_are_read_as_english_ones(typed: str, read: str) -> None:
    assert correct(typed, ["bang", "headache", "hurt"]).text.lower() == read


def test_cannae_stays_an_inability() -> None:
    assert correct("cannae turn my heid", ["turn", "head"]).text.startswith("cannae")


@pytest.mark.parametrize("text", [
    "woke wi ma neck locked, cannae turn it, pure agony nae fever, nae headache, didnae bang it",
    "my neck is agony, didnae bang it, slept funny",
])
def test_a_scots_crick_with_denials_is_no_red_flag(text: str) -> None:
    level, _, findings = judged(text)
    assert level == "none" and not findings & {"minor_trauma", "severe_headache", "thunderclap_onset"}


def test_a_scots_fall_at_an_older_age_still_flags_the_neck() -> None:
    level, flags, _ = judged("I'm 74 and I fell aff the step yesterday, ma neck's been sore since")
    assert level == "emergency" and "neck_minor_trauma_older" in flags
