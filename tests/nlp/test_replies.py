"""Short replies read by what was asked: yes or no, a pressure level, a check-in trend, a closing."""

from __future__ import annotations

import pytest

from bot.nlp.replies import (
    Answer,
    find_email,
    is_closing,
    read_checkin_action,
    read_offer_reply,
    read_pressure,
    read_trend,
    read_yes_no,
    wants_stretch_instead,
)
from core.types import Pressure


@pytest.mark.parametrize(("text", "answer"), [
    ("yes", Answer.YES), ("Yep 👍", Answer.YES), ("👍", Answer.YES), ("sure, go on", Answer.YES),
    ("yes!! anything that helps, nothing else has worked", Answer.YES), ("tbh yeah now you mention it", Answer.YES),
    ("no", Answer.NO), ("no, my legs are fine", Answer.NO), ("nope none of that", Answer.NO),
    ("not right now, perhaps another time", Answer.NO), ("No massage for me, is there a stretch?", Answer.NO),
    ("nothing like that", Answer.NO), ("not sure", Answer.UNSURE), ("dunno", Answer.UNSURE),
    ("maybe a little", Answer.UNSURE), ("I think so", Answer.UNSURE),
])
def test_yes_no(text: str, answer: Answer) -> None:
    assert read_yes_no(text) is answer


def test_yes_no_falls_back_to_the_intent_and_else_says_nothing() -> None:
    assert read_yes_no("that is not it at all", "deny") is Answer.NO
    assert read_yes_no("what do you mean?") is None


@pytest.mark.parametrize(("text", "direction", "level"), [
    ("it's about a 3", Pressure.MORE, 3), ("more like 6 now", Pressure.GOOD, 6), ("ok good", Pressure.GOOD, None),
    ("done", Pressure.DONE, None), ("can barely feel it", Pressure.MORE, None),
    ("too much, that's more like an 8", Pressure.LESS, 8), ("ow", Pressure.LESS, None),
    ("that's sharp", Pressure.STOP, None), ("nice strong ache", Pressure.GOOD, None),
    ("pressing lighter, maybe a 6 now", Pressure.GOOD, 6), ("yep 👍", Pressure.GOOD, None),
    ("my thumb is getting tired", Pressure.TOOL_TIRED, None), ("tingling now", Pressure.STOP, None),
    ("held it for 60 seconds", Pressure.DONE, None), ("its 5/10", Pressure.GOOD, 5), ("hmm", Pressure.UNCLEAR, None),
])
def test_pressure(text: str, direction: Pressure, level: float | None) -> None:
    reading = read_pressure(text)
    assert (reading.direction, reading.level) == (direction, level)


def test_pressure_band_is_light_after_a_caution() -> None:
    assert read_pressure("about a 5", band=(3, 4)).direction is Pressure.LESS
    assert read_pressure("", direction="stop").direction is Pressure.STOP


@pytest.mark.parametrize(("text", "trend"), [
    ("bit better I think", "better"), ("worse tbh", "worse"), ("about the same", "same"),
    ("still about a 5", "same"), ("no better", "same"), ("the neck is a little easier this week", "better"),
    ("hello", None),
])
def test_trend(text: str, trend: str | None) -> None:
    assert read_trend(text) == trend


@pytest.mark.parametrize(("text", "action"), [
    ("can you pause these for now", "pause"), ("move it to next week", "reschedule"),
    ("stop the reminders", "stop"), ("resume them please", "resume"), ("push it back a week", "reschedule"),
    ("stop messaging me", "stop"), ("Back now! You can carry on checking in with me.", "resume"),
])
def test_checkin_action(text: str, action: str) -> None:
    assert read_checkin_action(text) == action


def test_closings_stretch_and_email() -> None:
    assert all(is_closing(t) for t in ("no", "nothing else, ta", "cheers, I'm off", "thats all ta"))
    assert not is_closing("no but my knee hurts too")
    assert wants_stretch_instead("no massage for me, is there a stretch?")
    assert find_email("sure: jo.bloggs@example.org thanks") == "jo.bloggs@example.org"


@pytest.mark.parametrize("text, expected", [
    ("Ah ok, no, nothing of this, only the pain", Answer.NO),  # "ok" acknowledges the explanation
    ("oh right, no, nothing like that", Answer.NO),
    ("ok yes", Answer.YES),
    ("ok", Answer.YES),
    ("yeh go on", Answer.YES),
    ("That is very kind of you, but no, thank you", Answer.NO),
    ("Thank you, but I shan't need any check-ins.", Answer.NO),
    ("ah right maybe", Answer.UNSURE),
])
def test_an_acknowledgement_or_politeness_before_the_answer_does_not_decide_it(text: str, expected: Answer) -> None:
    assert read_yes_no(text) is expected


@pytest.mark.parametrize("text", ["nothin else cheers", "that's me, ta", "No, that's all. Thank you for being careful",
                                  "All right. I'll ring the surgery now. Thank you.", "great, thanks!",
                                  "ok ringing 111 now", "calling 999", "right, booking the gp"])
def test_closings_in_more_words(text: str) -> None:
    assert is_closing(text)


@pytest.mark.parametrize("text", ["ringing in my ears", "calling it a day at work hurts", "no but my knee hurts too"])
def test_a_symptom_or_more_to_say_is_no_closing(text: str) -> None:
    assert not is_closing(text)


@pytest.mark.parametrize("text", ["barley feel it lol", "can't really feel much tbh", "cant rly feel it",
                                  "still nothin fr", "I can scarcely feel anything at all"])
def test_hardly_feeling_it_asks_for_more_pressure(text: str) -> None:
    assert read_pressure(text).direction is Pressure.MORE


@pytest.mark.parametrize("text", ["I would put it at a 5, dear.", "I have a pain in my knee as well", "I am 67"])
def test_a_statement_that_starts_like_a_yes_is_no_answer(text: str) -> None:
    """"I would put it at a 5" to "any chest pressure?" answers another question: never a yes (a false
    emergency), the safety question is asked again after noting it."""
    assert read_yes_no(text) is None


@pytest.mark.parametrize("text", ["I do", "I have, yes", "it did actually", "I would think so", "that would be lovely"])
def test_short_yes_starters_are_still_a_yes(text: str) -> None:
    assert read_yes_no(text) is Answer.YES


@pytest.mark.parametrize(("text", "direction"), [
    ("thats the spot", "good"), ("Now feels like it's melting", "good"), ("ok lighter. perfect", "good"),
    ("ok gentler, perfect", "good"), ("Lighter now, just a dull ache maybe 5, no tingle", "good"),
    ("ok eased off its like a 5 now n achy not sharp", "good"), ("ow ok thats like 7 maybe 8", "less"),
    ("7 maybe 8", "less"),  # a range that reaches past the top of the band eases off (anything above 7 does)
    ("Ooh, that's a strong one, about an 8", "less"), ("5ish", "good"), ("was a 3, now a 6", "good"),
    ("its tingling, not sharp", "stop"), ("not sharp but too much", "less"), ("lighter please", "less"),
])
def test_pressure_replies_in_peoples_words(text: str, direction: str) -> None:
    assert read_pressure(text).direction.value == direction


@pytest.mark.parametrize(("text", "action"), [
    ("Actually I'm away on holiday for two weeks from Friday, can you pause them until I'm back?", "pause"),
    ("I'm off to Lanzarote tomorrow for 2 weeks, can you hold off on the check-ins till I'm back?", "pause"),
    ("could you not bother me with the check-ins while I'm away", "pause"),
    ("I'm back, start them again", "resume"),
])
def test_away_until_back_is_a_pause_not_a_resume(text: str, action: str) -> None:
    assert read_checkin_action(text) == action


@pytest.mark.parametrize("text", [
    "ok will ring 111 now. thanks for flagging it", "fair enough, I'll get down the GP this arvo",
    "Alright. My daughter says she'll take me to A&E this afternoon. Thank you for your help.", "heading to a&e",
])
def test_going_for_the_help_advised_closes_the_conversation(text: str) -> None:
    assert is_closing(text)


@pytest.mark.parametrize("text", ["get me a doctor", "go on then", "I go to the gym", "call me later"])
def test_requests_are_not_closings(text: str) -> None:
    assert not is_closing(text)


def test_a_range_touching_a_gentle_band_is_in_it() -> None:
    assert read_pressure("That's nicer, a gentle 2 or 3", band=(3, 5)).direction.value == "good"
    assert read_pressure("That's nicer, a gentle 4 or 5", band=(3, 5)).direction.value == "good"
    assert read_pressure("a 5 or 6", band=(3, 5)).direction.value == "less"  # past the top: ease off
    assert read_pressure("a 6", band=(3, 4)).direction.value == "less"
    assert read_pressure("maybe 7.5", band=(5, 7)).direction.value == "less"  # a half level above the band


@pytest.mark.parametrize(("text", "answer"), [
    ("Why those? None of them are in my head.", None), ("thanks ill try later baby's crying", "no"),
    ("Thank you. I'll have a go on my own later, no need to guide me.", "no"),
    ("he will think about it, not now", "no"),
    ("Hmm. I'll give it a go", "yes"), ("Thanks for explaining. No, I'd rather not massage it", "no"),
])
def test_an_offer_answered_after_other_words(text: str, answer: str | None) -> None:
    found = read_offer_reply(text)
    assert (found.value if found else None) == answer


@pytest.mark.parametrize("text", ["Ah sorry. Since two months, maybe little more", "maybe 5? it's been about a month",
                                  "perhaps a six"])
def test_a_hedged_number_answers_another_question_not_a_safety_one(text: str) -> None:
    """Taken as "not sure" (so as a yes, to be safe) these raised a heart-attack emergency in a conversation."""
    assert read_yes_no(text) is None


@pytest.mark.parametrize("text", ["Fine, I'll call the surgery. Thanks.", "ok will try 111",
                                  "ok taking him to the out of hours now thanks",
                                  "fair enough, I'll make an appointment this week. ta"])
def test_more_ways_of_going_for_help(text: str) -> None:
    assert is_closing(text)


@pytest.mark.parametrize("text", ["should I take him to A&E or the GP?", "Should I ring my GP then?"])
def test_a_question_about_going_is_not_leaving(text: str) -> None:
    assert not is_closing(text)


@pytest.mark.parametrize("text", ["Didnt do it", "didn't help", "haven't tried it yet"])
def test_did_not_is_a_no(text: str) -> None:
    assert read_yes_no(text) is Answer.NO


@pytest.mark.parametrize(("text", "closing", "delay"), [
    ("Right so. Cheers, I'll head to the GP", True, False),
    ("ok gracias, I call the doctor now", True, False),
    ("fair enuf, ill ring the docs", True, False),
    ("I'll see how I feel in the morning", False, True),
    ("can't go to a&e, got work tomoz", False, True),
    ("ok I'll see the GP tomorrow", True, True),
])
def test_going_for_help_and_putting_it_off(text: str, closing: bool, delay: bool) -> None:
    from bot.nlp.replies import delays_help

    assert (is_closing(text), delays_help(text)) == (closing, delay)


@pytest.mark.parametrize(("text", "answer"), [("sí!", "yes"), ("oui merci", "yes"), ("nein danke", "no"),
                                             ("perhaps a six", None)])
def test_yes_and_no_in_another_language(text: str, answer: str | None) -> None:
    found = read_yes_no(text)
    assert (found.value if found else None) == answer


@pytest.mark.parametrize("text", ["please expunge every record of this exchange", "yeet it all",
                                  "dont want my info kept anywhere", "scrub whatever you've wrote"])
def test_deleting_in_unusual_words(text: str) -> None:
    from bot.nlp.replies import wants_deletion

    assert wants_deletion(text)


def test_a_bit_light_asks_for_more() -> None:
    assert read_pressure("bit light").direction is Pressure.MORE


@pytest.mark.parametrize("text", ["na ur alright", "naw ye're alright", "all sorted ta"])
def test_closings_in_dialect(text: str) -> None:
    assert is_closing(text)
