"""Round 6 reading classes (issue #14), each proved in words none of the blind sets used."""

from __future__ import annotations

import pytest

from bot.nlp.replies import (
    Answer,
    asks_for_a_diagnosis,
    asks_if_massage_is_safe,
    asks_why_these,
    delays_help,
    is_closing,
    read_checkin_action,
    read_helped,
    read_offer_reply,
    read_pressure,
    says_nothing_new,
    wants_deletion,
    wants_stretch_instead,
)
from core.types import Pressure


@pytest.mark.parametrize("text", [
    "Right you are, I'll phone the surgery straight away. Cheers love",
    "ok po, going to the walk-in now, salamat",
    "my husband will take me in, thank you",
    "gotta go, thanks",
    "tot ziens!",
    "diolch yn fawr",
    "That's everything. Much obliged.",
    "thats all, the kettle's boiled",
])
def test_closings_in_more_words(text: str) -> None:
    assert is_closing(text)


@pytest.mark.parametrize("text", [
    "hola, my knee has been sore for a week",
    "thanks, my shoulder still aches at night",
    "ok thanks, show me",
    "cheers, one more question",
])
def test_a_courtesy_before_something_else_is_no_closing(text: str) -> None:
    assert not is_closing(text)


@pytest.mark.parametrize("text", ["I'd rather do it by myself later", "maybe another time, ta",
                                  "no need to walk me through it"])
def test_putting_an_offer_off_is_a_no(text: str) -> None:
    assert read_offer_reply(text) is Answer.NO


@pytest.mark.parametrize(("text", "safe_question"), [
    ("I'm on rivaroxaban, can I still press on it?", True),
    ("is it alright for a teenager to do this massage?", True),
    ("is it ok if I sit down first?", False),
])
def test_a_safety_question_about_massage(text: str, safe_question: bool) -> None:
    assert asks_if_massage_is_safe(text) is safe_question


@pytest.mark.parametrize(("text", "diagnosis"), [
    ("could it be tennis elbow?", True),
    ("do you think I have a trapped nerve?", True),
    ("is it ok to carry on running?", False),
])
def test_a_diagnosis_question(text: str, diagnosis: bool) -> None:
    assert asks_for_a_diagnosis(text) is diagnosis


@pytest.mark.parametrize("text", ["how come you're on about a neck muscle when it's my head that hurts",
                                  "how does a muscle in my back make my hip ache?"])
def test_why_these_muscles_in_other_words(text: str) -> None:
    assert asks_why_these(text)


@pytest.mark.parametrize(("text", "helped"), [
    ("the stretches made a difference", Answer.YES),
    ("it didn't do much tbh", Answer.NO),
    ("about the same", None),
])
def test_whether_the_self_care_helped(text: str, helped: Answer | None) -> None:
    assert read_helped(text) is helped


@pytest.mark.parametrize("text", ["nothing new to report", "no numbness or weakness"])
def test_nothing_new(text: str) -> None:
    assert says_nothing_new(text)


@pytest.mark.parametrize("text", ["we're away till we're home on the 20th, hold off please",
                                  "put the check-ins on ice while we're away"])
def test_pausing_in_words(text: str) -> None:
    assert read_checkin_action(text) == "pause"


@pytest.mark.parametrize("text", ["wipe this whole convo please", "how do I make ya forget all this"])
def test_deletion_in_other_words(text: str) -> None:
    assert wants_deletion(text)


@pytest.mark.parametrize("text", ["I'll get it seen to on Friday", "I'll ring them after the weekend"])
def test_a_day_off_delays_help(text: str) -> None:
    assert delays_help(text)


def test_a_tool_instead_of_hands_is_no_stretch_request() -> None:
    assert not wants_stretch_instead("could I use a massage ball instead of my thumb?")
    assert wants_stretch_instead("I'd rather stretch instead")


@pytest.mark.parametrize(("text", "direction"), [
    ("pressing but I feel very little", Pressure.MORE),
    ("think I'll leave it there for today", Pressure.DONE),
])
def test_pressure_words(text: str, direction: Pressure) -> None:
    assert read_pressure(text).direction is direction


def test_a_doing_word_as_the_last_sentence_is_what_makes_it_worse(knowledge) -> None:  # type: ignore[no-untyped-def]
    from bot.nlp.extract import mentions_from_text

    mentions = mentions_from_text("Ache down the front of my right shin. Skipping.", knowledge.sided_regions)
    assert any(m.kind == "trigger_words" and m.value == "skipping" for m in mentions)


@pytest.mark.parametrize(("text", "direction"), [
    ("I dey feel am small small", Pressure.MORE),
    ("feeling it only small", Pressure.MORE),
    ("hmm a 7, maybe 7.5 even", Pressure.LESS),
])
def test_pressure_in_world_englishes_and_halves(text: str, direction: Pressure) -> None:
    assert read_pressure(text).direction is direction


@pytest.mark.parametrize("text", ["Ehen", "grand so", "ehn, let us do it"])
def test_yes_in_world_englishes(text: str) -> None:
    assert read_offer_reply(text) is Answer.YES


def test_more_classes_from_set_eleven() -> None:
    from bot.nlp.replies import wants_other_muscle

    assert wants_other_muscle("nah, I dont think its that muscle to be honest")
    assert is_closing("I'll phone her paediatrician first thing. Thanks so much")
    assert asks_if_massage_is_safe("could I damage a nerve pressing there?")
    assert asks_if_massage_is_safe("is it bad for my arthritis?")
    assert asks_for_a_diagnosis("is it my sinuses?")
    assert wants_deletion("please take my details off your system")


def test_going_easy_is_no_farewell() -> None:
    from bot.nlp.replies import is_farewell

    assert not is_farewell("Alright, I'll go gently then. Show me.")
    assert is_farewell("ok, I'll phone the practice nurse, thanks")
