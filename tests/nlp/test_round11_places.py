"""Round 11 (blind set 16): places and sides that were lost or misread, each as a class: the set's wording, others
of our own in other words, and the nearby readings that must not change.

Read end to end, as the bot reads them: the real pipeline, the dialogue state and the intake slots.
"""

from __future__ import annotations

from typing import Any

import pytest

from bot.nlp.extract import mentions_from_text
from tests.support.reading import slots_after


def location(knowledge: Any, monkeypatch: pytest.MonkeyPatch, *turns: str) -> str | None:
    """The `pain_location` slot (region, ":side" when one is known) after these user turns."""
    return slots_after(list(turns), knowledge, monkeypatch).get("pain_location")


def places(text: str, knowledge: Any) -> list[tuple[str, str | None]]:
    """The places the message states as the pain's own, with their sides."""
    return [(m.value, m.side) for m in mentions_from_text(text, knowledge.sided_regions, bare_intensity=True)
            if m.kind == "region" and m.present]


# ------------------------------------------------------------------ a side letter or abbreviation said with the place

@pytest.mark.parametrize(("text", "expected"), [
    ("outer elbow R, burning ache when i grip the racket or pick up the kettle. 5/10. 3 wks", "elbow_outer:right"),
    ("big toe joint + top of foot L, achy 4 after hiking in new boots, 10 days", "big_toe:left"),
    ("inner knee L. sharp on stairs", "knee_inner:left"),
    ("hip (L) aching when i sleep on it", "hip_side:left"),
    ("wrist (rt) sore from typing", "wrist_back:right"),
    ("L-knee swollen n stiff", "knee_front:left"),
    ("R/ankle rolled it at netball", "ankle:right"),
    ("pain in my hip on the r, 2 wks", "hip_side:right"),
    ("achy knee rhs since the weekend", "knee_front:right"),
    ("lhs neck tight after sleeping funny", "neck_back:left"),
])
def test_a_side_letter_set_off_beside_the_place_is_its_side(text: str, expected: str, knowledge: Any,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    assert location(knowledge, monkeypatch, text) == expected


@pytest.mark.parametrize("text", [
    "my knees r sore after the run",  # "r" is "are"
    "knees r killing me",
    "is my shoulder the problem? r u sure",
])
def test_a_letter_that_is_a_word_is_no_side(text: str, knowledge: Any) -> None:
    assert all(side in (None, "both") for _, side in places(text, knowledge))  # "knees" in the plural are both


# ------------------------------------------------------------------ a side word between commas after the place

@pytest.mark.parametrize(("text", "expected"), [
    ("hi writing for my son (15) he has pain at the front of his upper arm, right, after rowing training",
     "upper_arm_front:right"),
    ("pain at the back of my knee, left, when I run", "knee_back:left"),
    ("she's sore on the outside of her hip, right, since the fall", "hip_side:right"),
])
def test_a_side_set_off_by_commas_after_the_place_is_its_side(text: str, expected: str, knowledge: Any,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    assert location(knowledge, monkeypatch, text) == expected


@pytest.mark.parametrize("text", [
    "my knee hurts right after running",
    "my shoulder, right? it's probably just a strain",
    "my neck hurts, right after work mostly",
])
def test_right_as_a_word_of_conversation_is_still_no_side(text: str, knowledge: Any) -> None:
    assert all(side is None for _, side in places(text, knowledge))


# ------------------------------------------------------------------ dictation slips of the place or the side word

@pytest.mark.parametrize(("text", "expected"), [
    ("Hello my right need has been hurting when I go down the stairs", "knee_front:right"),
    ("my left heal is sore first thing in the morning", "heel:left"),
    ("my right angle is swollen after I went over on it", "ankle:right"),
    ("my left calve cramps at night", "calf:left"),
    ("my write knee clicks on the stairs", "knee_front:right"),
])
def test_a_dictated_sound_alike_after_my_left_or_right_is_the_place(text: str, expected: str, knowledge: Any,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    assert location(knowledge, monkeypatch, text) == expected


def test_the_slip_keeps_its_side_through_the_correction(knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    first, then = ("Hello my right need has been hurting when I go down the stairs",
                   "Sorry that should say knee. The front of my knee. It's a dull ache about four")
    assert location(knowledge, monkeypatch, first, then) == "knee_front:right"


@pytest.mark.parametrize("text", [
    "I need to sort out my appointments",
    "hold the ball at the right angle against the wall",
    "it needs time to heal",
    "I write a lot for work",
])
def test_the_same_words_used_as_words_name_no_place(text: str, knowledge: Any) -> None:
    assert places(text, knowledge) == []


def test_a_writer_is_no_right_side(knowledge: Any) -> None:
    assert places("I write a lot and my wrist hurts", knowledge) == [("wrist_back", None)]


# ------------------------------------------------------------------ the cheek of the bottom, not the face

@pytest.mark.parametrize(("text", "expected"), [
    ("pain in my left but cheek going down the back of my thigh when I drive for long", "buttock:left"),
    ("right bum cheeks ache after the long drive", "buttock:right"),
    ("sharp pain in the cheek of my bum on the left", "buttock:left"),
    ("left cheek and lower back sore after gardening", "buttock:left"),
    ("pain in my left cheek going down my leg", "buttock:left"),
    ("right cheek hurts when I sit for long", "buttock:right"),
])
def test_a_cheek_said_with_the_lower_body_is_the_buttock(text: str, expected: str, knowledge: Any,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    assert location(knowledge, monkeypatch, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("my cheek hurts when I chew", "cheek"),
    ("my left cheek and jaw ache", "cheek:left"),
    ("sore left cheek, jaw and lower back", "cheek:left"),
    ("my cheek and knee hurt", "cheek"),
    ("pressure in my cheeks and forehead with this cold", "cheek"),
])
def test_the_face_cheek_stays_the_face(text: str, expected: str, knowledge: Any,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    assert location(knowledge, monkeypatch, text) == expected


# ------------------------------------------------------------------ back teeth are teeth, not the back

@pytest.mark.parametrize(("text", "expected"), [
    ("Hello. I've had an aching in my upper right back teeth for about 3 weeks, a 3 or so. My dentist took X-rays on "
     "the 20th and said there's nothing wrong with the teeth and that it might be a muscle.", "teeth:right"),
    ("lower left back tooth throbs when I bite", "teeth:left"),
    ("my lower back teeth ache on the right", "teeth:right"),
    ("top back teeth on the left feel bruised", "teeth:left"),
])
def test_back_teeth_are_teeth(text: str, expected: str, knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    assert location(knowledge, monkeypatch, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("upper right back is sore after rowing", "upper_back:right"),
    ("lower left back pain when I bend", "low_back:left"),
    ("my lower back aches", "low_back"),
])
def test_the_back_itself_stays_the_back(text: str, expected: str, knowledge: Any,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    assert location(knowledge, monkeypatch, text) == expected


# ------------------------------------------------------------------ a body word inside what the person does

@pytest.mark.parametrize(("text", "expected"), [
    ("Hello. My dentist (I saw her on 12 November, and again on the 19th for a filling) says I'm clenching my teeth "
     "at night. The left side of my jaw aches, about a 4, and it's worse first thing in the morning.", "jaw:left"),
    ("Good afternoon. I taught year 4 for 31 years so I'm used to being on my feet, but for the last fortnight I've "
     "had an aching pain on the outside of my left hip.", "hip_side:left"),
    ("I keep grinding my teeth and my temples throb", "temple:both"),
    ("I'm on my feet all day, and now my right knee aches", "knee_front:right"),
    ("sharp twinge when I turn my head, the left side of my neck", "neck_side:left"),
])
def test_a_body_word_in_a_doing_gives_way_to_the_place_that_hurts(text: str, expected: str, knowledge: Any,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    assert location(knowledge, monkeypatch, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("my teeth ache from grinding them", "teeth"),
    ("I grind my teeth at night and my teeth are sore", "teeth"),
    ("my neck and shoulder ache when I sleep on my shoulder", "neck_back"),
])
def test_a_body_word_said_to_hurt_stays_a_place(text: str, expected: str, knowledge: Any,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    assert location(knowledge, monkeypatch, text) == expected


# ------------------------------------------------------------------ where an operation was, said in passing

@pytest.mark.parametrize(("text", "expected"), [
    ("Afternoon. Retired solicitor, 67, handicap 14 (it was 9 before my knee operation). I've had a pulling ache in "
     "my left groin for about 3 weeks, since a long round on the 7th, worse when I swing the driver.", "groin:left"),
    ("Since my knee surgery in March, my calf has been tight", "calf"),
    ("had my right shoulder scoped in 2019, now my neck is stiff on the left", "neck_back:left"),
    ("Hello, I had my left hip replaced on the 9th and since I came home the outside of my thigh and my bottom on "
     "that side ache terribly.", "thigh_outer:left"),
])
def test_an_operated_place_said_in_passing_gives_way(text: str, expected: str, knowledge: Any,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    assert location(knowledge, monkeypatch, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("my knee operation was in May and my knee still aches", "knee_front"),
    ("I had my hip replaced last year and it aches", "hip_side"),
    ("my wrist surgery was in June and my wrist is sore again", "wrist_back"),
])
def test_an_operated_place_that_hurts_stays(text: str, expected: str, knowledge: Any,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    assert location(knowledge, monkeypatch, text) == expected


# ------------------------------------------------------------------ a body word that names what was done

@pytest.mark.parametrize(("text", "expected"), [
    ("absolutely smashed leg day on monday, now my quads are killing me", "thigh_front:both"),
    ("did heavy back squat on friday and now my left knee is sore", "knee_front:left"),
    ("shoulder press at the gym and my right elbow aches since", "elbow_outer:right"),
    ("teeth grinding every night and my jaw aches on the left", "jaw:left"),
])
def test_a_body_word_that_begins_a_doings_name_is_no_place(text: str, expected: str, knowledge: Any,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    assert location(knowledge, monkeypatch, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("sore after leg day", "calf"),  # nothing else said: the legs are what is sore
    ("jaw clenching makes my jaw ache", "jaw"),
    ("my shoulder hurts when I do the shoulder press", "shoulder_top"),
])
def test_the_body_word_of_a_doing_stays_when_it_is_the_place(text: str, expected: str, knowledge: Any) -> None:
    assert [place for place, _ in places(text, knowledge)][:1] == [expected]


# ------------------------------------------------------------------ a vague area gives way to a place singled out in it

@pytest.mark.parametrize(("text", "expected"), [
    ("legs are really sore two days after leg day, front of my thighs mostly", "thigh_front:both"),
    ("my legs are killing me after the hike, the hamstrings mostly", "thigh_back:both"),
    ("both legs ache after the half marathon, especially my shins", "shin:both"),
    ("My left leg has been sore for a week. Mostly the front of the thigh.", "thigh_front:left"),
    ("can't feel my legs haha, just the front of my thighs are sore on the stairs", "thigh_front:both"),
    ("Well, I'm 82 and I was a milkman for 37 years, up at 4 every morning, so my feet have done some miles. It's my "
     "big toe on the left foot, it aches underneath.", "big_toe:left"),
    ("my feet have taken a beating over the years, it's my heel on the right that hurts now", "heel:right"),
    ("my arms are sore after painting all weekend, my forearms mostly", "forearm_back:both"),
    ("headaches in the evenings, mostly across the back of my head", "occiput"),
])
def test_a_vague_area_gives_way_to_a_place_singled_out_in_it(text: str, expected: str, knowledge: Any,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    assert location(knowledge, monkeypatch, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("my left arm aches from the shoulder down to the elbow", [("upper_arm_outer", "left"), ("shoulder_top", "left"),
                                                               ("elbow_outer", "left")]),
    ("my legs ache and my knees are stiff", [("calf", "both"), ("knee_front", "both")]),  # both of each pair
    ("my right leg aches after football and my left thigh is a bit stiff too", [("calf", "right"),
                                                                                ("thigh_front", "left")]),
    ("I've had a headache since Tuesday that comes and goes, and my forehead feels tight", [("temple", None),
                                                                                           ("forehead", None)]),
])
def test_an_area_said_with_places_in_it_but_none_singled_out_stays(text: str, expected: list[tuple[str, str | None]],
                                                                   knowledge: Any) -> None:
    assert places(text, knowledge) == expected


# ------------------------------------------------------------------ dictation slips of body words

@pytest.mark.parametrize(("text", "expected"), [
    ("pain under my should a blade on the left when I reach back for the seat belt", "shoulder_blade:left"),
    ("my right shoulder plate aches when I row", "shoulder_blade:right"),
    ("sharp pain on the should a blade when i breathe in, right side", "shoulder_blade:right"),
    ("the soul of my left foot burns first thing", "sole:left"),
    ("the heal of my right foot is sore when I get up", "heel:right"),
    ("my big tow on the right is throbbing", "big_toe:right"),
    ("I twisted my angle at netball and it's swollen", "ankle"),
    ("pulled something in my groan playing football", "groin"),
    ("my left four arm aches when I grip the bar", "forearm_back:left"),
    ("my should is killing me, the front of it, since I painted the ceiling", "shoulder_front"),
    ("my left soldier is sore at the back when I lift it", "shoulder_back:left"),
])
def test_a_dictated_sound_alike_of_a_body_word_is_the_place(text: str, expected: str, knowledge: Any,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    assert location(knowledge, monkeypatch, text) == expected


@pytest.mark.parametrize("text", [
    "I should have rested more",
    "Should a blade of the fan snap, switch it off",
    "time will heal it, the doctor said",
    "does massage heal pain?",
    "from this angle it looks fine",
    "it made me groan out loud",
    "I heard his groan from the other room",
    "a big tow truck blocked the road",
    "my soldier son is home on leave",
    "his soul is at peace",
])
def test_the_same_sounds_used_as_words_name_no_place(text: str, knowledge: Any) -> None:
    assert places(text, knowledge) == []


def test_a_dictation_slip_maps_back_onto_the_words_typed() -> None:
    from bot.nlp.extract import load_language
    from bot.nlp.typos import correct

    text = "pain under my should a blade, and the soul of my foot"
    fixed = correct(text, load_language().speller)
    assert fixed.text == "pain under my shoulder blade, and the sole of my foot"
    start = fixed.text.index("shoulder blade")
    assert text[slice(*fixed.to_original(start, start + len("shoulder blade")))] == "should a blade"
    start = fixed.text.index("sole")
    assert text[slice(*fixed.to_original(start, start + 4))] == "soul"
