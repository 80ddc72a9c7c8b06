"""Round 11, more of blind set 16's lost facts, each as a class: what brings it on when a time of day is said with it,
the times of day as texts shorten them, activity words that name something else, a side said before any place, the
doings said to make it worse before those said in passing, feeling words in other names, a month said after a season,
and the nearby readings that must not change."""

from __future__ import annotations

from typing import Any

import pytest

from bot.nlp.extract import mentions_from_text
from core.types import Mention, PainReport
from tests.support.reading import days, score, slots_after


def trigger(knowledge: Any, monkeypatch: pytest.MonkeyPatch, *turns: str | tuple[str, str]) -> str | None:
    """The `pain_trigger` slot after these user turns."""
    return slots_after(list(turns), knowledge, monkeypatch).get("pain_trigger")


def said(text: str, kind: str, knowledge: Any) -> list[str]:
    """The values of one kind the message states as the person's own."""
    return [m.value for m in mentions_from_text(text, knowledge.sided_regions, bare_intensity=True)
            if m.kind == kind and m.present]


# --- A time of day inside what brings it on: the words, which say more than the time ---------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("dull 4 about a month, worse after long nights shouting over the music", "long nights shouting over the music"),
    # our own
    ("jaw aches, worse after long nights serving behind the bar", "long nights serving behind the bar"),
    ("neck sore, worse after early mornings loading the lorry", "early mornings loading the lorry"),
    ("heel pain L foot worse 1st thing in morn and after a 12hr shift", "a 12hr shift"),
    ("back aches in the evenings and after a 10 hour shift", "a 10 hour shift"),
])
def test_the_words_of_what_brings_it_on_over_the_time_said_with_them(
        text: str, expected: str, knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    assert trigger(knowledge, monkeypatch, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("neck worse at night", "night"), ("back worse after work", "evening"),
    ("hip worse in the evenings after dinner", "evening"), ("back worse at night when I'm trying to sleep", "night"),
    ("headache right temple, throbbing, 6, 3 weeks, worse end of work day", "evening"),
    ("knee worse of a morning", "morning"),
])
def test_a_time_of_day_alone_stays_the_answer(text: str, expected: str, knowledge: Any,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    assert trigger(knowledge, monkeypatch, text) == expected


def test_a_doing_named_still_wins(knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    assert trigger(knowledge, monkeypatch, "worse at night after long days driving the van") == "driving"


# --- The times of day as texts shorten them ----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("heel pain L foot worse 1st thing in morn and after a 12hr shift", "morning"),
    ("worse 1st thing", "morning"), ("stiff in the mornins, worse", "morning"), ("worse every mornin", "morning"),
    ("worse first thing in the morn", "morning"), ("neck's worse of a morning", "morning"),
    ("worse at nite", "night"), ("hurts more nites", "night"), ("worse in the evenin", "evening"),
    ("worse of an evening", "evening"),
])
def test_a_time_of_day_as_texts_shorten_it(text: str, expected: str, knowledge: Any) -> None:
    assert expected in said(text, "timing", knowledge)


@pytest.mark.parametrize("text", ["since this morn", "hurts since 1st of november", "first of all, my knee hurts"])
def test_what_only_looks_like_a_shortened_morning(text: str, knowledge: Any) -> None:
    assert "morning" not in said(text, "timing", knowledge)


# --- Activity words that, with the words next to them, name something else -----------------------------------

@pytest.mark.parametrize("text", [
    "hi writing for my dad his knee hurts", "hi writing for my son (15) he has pain at the front of his upper arm",
    "I'm writing on behalf of my grandson Callum, his neck hurts", "writing to ask about my shoulder",
    "my back aches since boxing day", "hurt my knee at sports day",
    "play 3 sets a nite fri n sat", "knee went on sat night", "sat and sun were bad",
    "since painting the garden fence my shoulder aches", "painted the garden wall last week, wrist aches",
    "had a bad cold last week and now my neck aches", "I've got a cold sore and my jaw aches",
    "knee aches, I've run out of ibuprofen", "my hip aches and I've run out of painkillers",
    "am I talking to a real person or one of these computer programmes",
])
def test_an_activity_word_naming_something_else_is_no_activity(text: str, knowledge: Any) -> None:
    assert said(text, "activity", knowledge) == []


@pytest.mark.parametrize(("text", "activity"), [
    ("my wrist hurts when writing for long", "gripping"), ("my back hurts when I sat on the floor", "sitting"),
    ("worse when sat, better standing", "sitting"), ("been sat all day, back aches", "sitting"),
    ("boxing at the gym hurts my shoulder", "exercise"), ("my back hurts from gardening", "gardening"),
    ("neck aches in a cold room", "cold"), ("worse with cold", "cold"), ("my hip hurts when I run", "running"),
    ("worse in the cold weather", "cold"), ("knee sore since I ran a 10k", "running"),
    ("wrist sore from writing all day", "gripping"), ("my neck hurts at the computer", "computer_work"),
])
def test_the_same_words_as_the_activity_stay(text: str, activity: str, knowledge: Any) -> None:
    assert activity in said(text, "activity", knowledge)


def test_the_activity_said_after_the_writer_answers(knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    assert trigger(knowledge, monkeypatch, "hi writing for my son (15) he has pain at the front of his upper arm, "
                   "right, after rowing training") == "pulling"
    assert trigger(knowledge, monkeypatch, "Hi, writing for my dad (77). He's got a tight, crampy pain in his right "
                   "calf, about a 4, for a week and a bit, worse going uphill.") == "walking"


# --- A side said before any place: the side of the next place named without one --------------------------------

@pytest.mark.parametrize(("turns", "expected"), [
    (["it hurts on the right", "the front of my knee"], "knee_front:right"),
    (["pain on the left side", ("pain_location", "my shoulder, the front bit")], "shoulder_front:left"),
    (["right side", ("pain_location", "my hip")], "hip_side:right"),
    (["it's mostly on the left", ("pain_location", "outside of my elbow")], "elbow_outer:left"),
])
def test_a_side_said_before_the_place(turns: list[Any], expected: str, knowledge: Any,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    assert slots_after(turns, knowledge, monkeypatch)["pain_location"] == expected


@pytest.mark.parametrize(("turns", "expected"), [
    (["it hurts on the right", "my tailbone"], "tailbone"),  # a place with no sides takes none
    (["it hurts on the right", "the front of my left knee"], "knee_front:left"),  # its own side wins
    (["hello", "the front of my knee"], "knee_front"),
])
def test_a_side_said_before_the_place_only_where_it_fits(turns: list[Any], expected: str, knowledge: Any,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    assert slots_after(turns, knowledge, monkeypatch)["pain_location"] == expected


def test_a_pending_side_goes_to_the_next_place_only() -> None:
    report = PainReport.from_messages([
        [Mention(kind="side", value="right")],
        [Mention(kind="region", value="knee_front", text="front of my knee")],
        [Mention(kind="region", value="calf", text="calf")],
    ])
    assert report.regions == [("knee_front", "right"), ("calf", None)]


def test_a_pending_side_skips_a_place_without_sides() -> None:
    report = PainReport.from_messages([
        [Mention(kind="side", value="left")],
        [Mention(kind="region", value="tailbone", text="tailbone", sided=False)],
    ])
    assert report.regions == [("tailbone", None)]


def test_a_mention_keeps_whether_its_place_has_sides() -> None:
    mention = Mention(kind="region", value="tailbone", sided=False)
    assert Mention.from_dict(mention.to_dict()) == mention
    assert Mention.from_dict({"kind": "region", "value": "knee_front"}).sided  # stored before the field


# --- The doings said to make it worse come before those said in passing --------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Good morning. I'm 83 and I still do my own garden. I've had an aching pain in my left buttock for about three "
     "weeks, about a 5, worse when I've been sat in the car a long time.", "sitting"),
    ("Hiya. 62, drove lorries 35 years. Got an ache by my left shoulder blade, 5 out of 10. Worse after I've been "
     "hoovering.", "bending"),
    ("The outside of my right elbow has been burning and aching for about six weeks, since I dug over the potato "
     "bed. Gripping the secateurs is the worst.", "gripping"),
    ("Since painting the garden fence I have had a dull ache on the outside of my right shoulder. It is aggravated by "
     "reaching behind me to put on my coat.", "reaching"),
    ("For my daughter (23), she ran the city half marathon, since then the back of her left thigh has a tight "
     "pulling pain, 5/10, worse when she bends to touch her toes.", "bending"),
    # our own
    ("I cycle to work every day. My knee hurts, worse going down stairs.", "stairs"),
    ("I play golf on Sundays but my wrist is worst when typing", "typing"),
    ("Used to run a lot. Lifting the kettle makes it worse.", "lifting"),
])
def test_the_doing_said_to_make_it_worse_first(text: str, expected: str, knowledge: Any,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    assert trigger(knowledge, monkeypatch, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("my knee hurts when I run, and I also sit at a desk all day", "running"),
    ("shoulder aches from swimming and gardening", "swimming"),
])
def test_doings_said_alike_keep_their_order(text: str, expected: str, knowledge: Any,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    assert trigger(knowledge, monkeypatch, text) == expected


# --- A doing-word said of how it feels is no doing --------------------------------------------------------------

@pytest.mark.parametrize("text", ["I've had a pulling ache in my left groin", "a sharp twisting pain in my knee",
                                  "this gripping pain in my chest", "a pulling sort of ache behind my knee"])
def test_a_doing_word_before_a_pain_word_is_how_it_feels(text: str, knowledge: Any) -> None:
    assert said(text, "activity", knowledge) == []


@pytest.mark.parametrize(("text", "activity"), [
    ("pulling weeds makes my back ache", "gardening"), ("it aches after lifting, pain all day", "lifting"),
    ("sore after pulling, pain at night", "pulling"),
])
def test_a_doing_before_a_pain_word_in_other_words_stays(text: str, activity: str, knowledge: Any) -> None:
    assert activity in said(text, "activity", knowledge)


# --- Feeling words in the name of something else ----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "he takes amlodipine for his blood pressure and his head hurts", "now he's burning up, 39.4",
    "I was burning up last night and my back ached", "bit of peer pressure at school, neck sore",
    "I've got a pressure sore on my heel", "she's on blood pressure tablets",
])
def test_a_feeling_word_in_another_name_is_no_feeling(text: str, knowledge: Any) -> None:
    assert not {"pressure", "burning"} & set(said(text, "sensation", knowledge))


@pytest.mark.parametrize(("text", "feeling"), [
    ("pressure behind my eyes", "pressure"), ("it's burning up my leg", "burning"), ("my neck is burning", "burning"),
    ("a burning pain up the back of my arm", "burning"), ("a pressure feeling in my head", "pressure"),
])
def test_the_feeling_words_stay_feelings(text: str, feeling: str, knowledge: Any) -> None:
    assert feeling in said(text, "sensation", knowledge)


# --- A month said after a season says when in it ----------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Since the summer maybe August", 121), ("Sorry! How long... since the summer, I think. August, maybe.", 121),
    ("since the summer, around july", 152), ("since the autumn. mid october probably", 46),
    ("since spring - april or so", 243), ("since winter, jan maybe", 333),
])
def test_a_month_after_a_season(text: str, expected: float) -> None:
    assert days(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("since the summer", 182), ("since the summer, in october it got worse", 182),
    ("since the autumn, maybe august", 90),  # August is no autumn month: the season stands
])
def test_a_season_alone_or_with_a_month_outside_it(text: str, expected: float) -> None:
    assert days(text) == expected


# --- The length of a past working life is no duration -----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Well, I'm 82 and I was a milkman for 37 years, up at 4 every morning, so my feet have done some miles.",
    "he was a postman for 40 years", "she used to be a cleaner for 20 years", "I was a chef for 15 years",
])
def test_a_past_job_length_is_no_duration(text: str) -> None:
    assert days(text) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("I was a nurse for 30 years and my back has ached for 3 weeks", 21), ("I was a bit sore for 3 weeks", 21),
    ("I was in agony for 3 days", 3),
])
def test_a_length_of_the_pain_beside_a_past_job_stays(text: str, expected: float) -> None:
    assert days(text) == expected


# --- A part word said of a place that is not the pain's ----------------------------------------------------------

def test_a_part_of_someone_elses_place_does_not_move_ours(knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    slots = slots_after(["It's my big toe on the left foot.", ("pain_intensity", "It's not gout, before you ask. My "
                         "wife had gout in 2015 and her toe went red and swollen. Mine's nothing like that.")],
                        knowledge, monkeypatch)
    assert slots["pain_location"] == "big_toe:left"


def test_a_part_word_with_our_own_place_still_counts(knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    assert slots_after(["my foot hurts", ("pain_location", "the toes")], knowledge,
                       monkeypatch)["pain_location"] == "toes"


# --- The words of what brings it on end where the pain, a place or the day is said ----------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("fingers on left hand ache after gigs n the inside of my forearm", "gigs"),
    ("since painting the garden fence my shoulder aches", "painting the garden fence"),
    ("since sanding the skirting boards my wrist hurts", "sanding the skirting boards"),
    ("back sore after bellringing sat, like a 4", "bellringing"),
    ("knee sore after choir practice on wed", "choir practice"),
])
def test_the_words_of_what_brings_it_on_end_where_something_else_starts(
        text: str, expected: str, knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    assert trigger(knowledge, monkeypatch, text) == expected


# --- Doings as people name them: sports, a headset, knitting, jars, bending, a golf swing ----------------------

@pytest.mark.parametrize(("text", "activity"), [
    ("knee sore after footy sat, like a 4", "exercise"), ("ankle hurts from netball", "exercise"),
    ("calf tight after hockey", "exercise"), ("hip aches after skiing", "exercise"),
    ("end of shift esp, headset on 8 hrs", "phone_use"), ("neck aches wearing a headset all day", "phone_use"),
    ("worse when I knit or open jars", "head_forward"), ("worse when I knit or open jars", "gripping"),
    ("worse when she bends to touch her toes", "bending"), ("worse when I swing the driver", "twisting"),
])
def test_doings_as_people_name_them(text: str, activity: str, knowledge: Any) -> None:
    assert activity in said(text, "activity", knowledge)


@pytest.mark.parametrize("text", [
    "my grandson Josh (19, home from university for the weekend) has a stiff neck",
    "just back from holiday and my knee aches", "neck sore since I flew back from Lisbon",
    "my daughter, home from college, says her wrist hurts",
])
def test_where_someone_came_back_from_is_no_cause(text: str, knowledge: Any) -> None:
    assert said(text, "trigger_words", knowledge) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("my wrist is sore from kneading dough", "kneading dough"), ("shoulder aches from sanding doors", "sanding doors"),
])
def test_what_it_comes_from_stays_a_cause(text: str, expected: str, knowledge: Any) -> None:
    assert said(text, "trigger_words", knowledge) == [expected]


@pytest.mark.parametrize("text", ["I carve at the bench, 3 or 4 hours a day since I retired",
                                  "I swim 2 or 3 times a week"])
def test_a_range_of_a_count_is_no_score(text: str) -> None:
    assert score(text) is None


def test_a_range_of_a_score_is_still_read() -> None:
    assert score("dull, about a 5 or 6 most of the time") == 6
