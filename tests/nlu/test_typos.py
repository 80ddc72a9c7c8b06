"""The spelling normaliser: slips become vocabulary words, real words and short tokens never change,
offsets map back to what was typed."""

from __future__ import annotations

import pytest

from bot.nlp.typos import Speller, correct, english_words, normalise, words_of

VOCABULARY = words_of([
    "shoulder", "shoulders", "numbness", "numb", "headache", "lower back", "back", "backs", "neck",
    "knee", "kneel", "heel", "calf", "forearm", "tingling", "stiffness", "typing", "driving",
    "behind {my|the|} eye", "back of {my|the|} thigh", "deck chair",
])


@pytest.mark.parametrize(("typed", "expected"), [
    ("sholder", "shoulder"),      # dropped letter
    ("shuolder", "shoulder"),     # swapped neighbours
    ("numbnes", "numbness"),
    ("headake", "headache"),      # two edits, allowed because "headache" has 8 letters
    ("lowr", "lower"),            # prefer the longer word: a dropped letter is the common slip
    ("backk", "back"),            # a key typed twice beats a substitution ("backs")
    ("kneee", "knee"),
    ("forarm", "forearm"),
    ("tinglng", "tingling"),
    ("typng", "typing"),
])
def test_slips_become_vocabulary_words(typed: str, expected: str) -> None:
    assert normalise(typed, VOCABULARY) == expected


@pytest.mark.parametrize("typed", [
    "nek",        # too short to guess
    "hed",
    "deck",       # a real word, one letter from "neck"
    "heal",       # a real word, one letter from "heel"
    "half",       # a real word, one letter from "calf"
    "knew",       # a real word, one letter from "knee"
    "shoulder",   # already right
    "7/10",
    "don't",
    "zzzzzzzz",   # nothing near
    "eeck",       # first letter differs from "neck": not a slip we guess
    "hell",       # 4 letters, one changed letter from "heel": too often a real word
    "logs",
    "moved",      # inflection of a known word
    "stepping",
    "tried",
])
def test_known_words_short_tokens_and_far_words_stay(typed: str) -> None:
    assert normalise(typed, VOCABULARY) == typed


def test_distance_two_needs_a_long_word() -> None:
    assert normalise("stifnes", VOCABULARY) == "stiffness"   # 9-letter target: two edits allowed
    assert normalise("nekc", VOCABULARY) == "neck"            # 4 letters: a swap is safe
    assert normalise("nekk", VOCABULARY) == "nekk"            # 4 letters: a changed letter is not
    assert normalise("nxkk", VOCABULARY) == "nxkk"            # two edits on a short word: no


def test_sentence_keeps_everything_else_and_case() -> None:
    text = "My SHOLDER and Lowr back hurt, 7/10, numbnes!"
    assert normalise(text, VOCABULARY) == "My SHOULDER and Lower back hurt, 7/10, numbness!"


def test_offsets_map_back_to_the_original() -> None:
    text = "sore lowr back and numbnes in my forarm"
    fixed = correct(text, VOCABULARY)
    assert fixed.text == "sore lower back and numbness in my forearm"
    for phrase, original in [("lower back", "lowr back"), ("numbness", "numbnes"), ("forearm", "forarm"),
                             ("sore", "sore"), ("in my", "in my")]:
        start = fixed.text.index(phrase)
        mapped = fixed.to_original(start, start + len(phrase))
        assert text[mapped[0]:mapped[1]] == original
    assert [c.original for c in fixed.corrections] == ["lowr", "numbnes", "forarm"]


def test_unchanged_text_is_returned_as_is() -> None:
    fixed = correct("my neck is stiff", VOCABULARY)
    assert fixed.text == "my neck is stiff"
    assert fixed.corrections == ()
    assert fixed.to_original(3, 7) == (3, 7)


def test_speller_is_deterministic_and_accepts_a_prebuilt_speller() -> None:
    speller = Speller(VOCABULARY)
    assert normalise("sholder", speller) == "shoulder"
    assert {normalise("backk", VOCABULARY) for _ in range(5)} == {"back"}


def test_real_english_words_are_never_corrected() -> None:
    """symspellpy's English dictionary knows the near misses ("choir" is not a slip for "chair")."""
    assert {"deck", "heal", "half", "knew", "feel", "hear", "choir", "pram"} <= english_words()
    chair = words_of(["chair", "pram"])
    assert normalise("long choir practice", chair) == "long choir practice"
    assert normalise("chiar", chair) == "chair"


def test_real_vocabulary() -> None:
    """Against the knowledge base's own vocabulary (no model, no server needed)."""
    from bot.nlp.typos import vocabulary_words
    from kb.content import load_content

    words = vocabulary_words(load_content())
    assert "shoulder" in words and "numbness" in words
    assert normalise("my shouldr and lowr back, numbnes in my forarm", words) == (
        "my shoulder and lower back, numbness in my forearm")
    for sentence in ["I think my back feels better today, thanks", "it hurts like hell", "touching skin",
                     "remove my chat logs", "since I moved house", "a long shift standing", "really sharp when it hits",
                     "I started playing padel", "gripping the steering wheel", "new trainers",
                     "long choir practice", "pushing the pram uphill"]:
        assert normalise(sentence, words) == sentence


def test_three_letter_slips_of_body_and_side_words_need_a_single_candidate() -> None:
    """"bak" can only be "back" among the body words; "hed" is "head" unless another body word fits."""
    speller = Speller(VOCABULARY | {"left", "head", "hand"}, short_targets={"back", "neck", "knee", "left", "head"})
    assert [speller.suggest(t) for t in ("bak", "nek", "kne", "lft", "hed")] == ["back", "neck", "knee", "left", "head"]
    assert speller.suggest("the") is None  # a real word
    assert Speller(VOCABULARY, short_targets={"back", "bark"}).suggest("bak") is None  # two ways: no guess


def test_a_swap_of_neighbours_wins_a_tie() -> None:
    """"wirst" is a swapped "wrist", not a changed "worst" (which would read as the worst headache)."""
    assert normalise("wirst", words_of(["worst", "wrist"])) == "wrist"


def test_a_silent_first_letter_left_out_is_mended() -> None:
    assert normalise("my rist hurts", words_of(["wrist", "rest"])) == "my wrist hurts"
    assert normalise("sore nuckle", words_of(["knuckle"])) == "sore knuckle"
