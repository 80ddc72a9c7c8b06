"""Dialogue classes found by blind conversation set 12 (round 9): each with the wording that failed and others
of the same kind, and what must stay as it was."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.checkins import ActionCheckinResume, use_store
from actions.guidance import ActionExplainTriggerPoint
from actions.safety import ActionScreen
from bot.checkins.store import CheckinStore
from bot.dialogue.decide import Situation, decide
from bot.dialogue.patient import writes_for_someone_else
from bot.dialogue.state import UserTurn, read_state
from bot.engine.cautions import Caution
from bot.nlp.extract import mentions_from_text
from bot.nlp.replies import (
    Answer,
    Pressure,
    asks_if_a_bot,
    is_closing,
    read_offer_reply,
    read_pressure,
    wants_other_muscle,
    wants_stretch_instead,
)
from bot.nlp.typos import Speller
from kb.database import make_engine, migrate
from tests.support.situations import said


def heard(text: str, knowledge: Any, intent: str = "describe", **state: object) -> Situation:
    """A situation with the mentions the extractor really finds in the words."""
    mentions = tuple(mentions_from_text(text, knowledge.sided_regions, bare_intensity=True))
    return said(text, intent, mentions=mentions, **state)


@pytest.mark.parametrize(("text", "direction"), [
    ("mi cyaan feel nutten", Pressure.MORE),
    ("canny feel hee haw", Pressure.MORE),
    ("Too less, I am not feeling anything", Pressure.MORE),
    ("he says that's quite intense now, he's pulling a face", Pressure.LESS),
    ("she's grimacing a bit", Pressure.LESS),
    ("aye that's the spot, that's a guid sair", Pressure.GOOD),
    ("Ehen, this one is correct", Pressure.GOOD),
    ("bit zingy", Pressure.STOP),
    ("it stings when I press", Pressure.STOP),
    ("no sting now, nice", Pressure.GOOD),
    ("less", Pressure.LESS),
])
def test_pressure_replies_in_dialect_and_other_words(text: str, direction: Pressure) -> None:
    assert read_pressure(text).direction is direction


def test_the_pressure_intent_before_any_coaching_is_a_description(knowledge: Any) -> None:
    assert decide(heard("thumb hurts", knowledge, "pressure_feedback")) == "intake_form"
    assert decide(heard("more", knowledge, "pressure_feedback")) == "action_rephrase"
    # still pressure in the loop, and a safety question still gets its answer read
    assert decide(heard("thumb hurts", knowledge, "pressure_feedback", awaiting="pressure", coached=True,
                        coaching_open=True)) == "action_pressure_feedback"
    assert decide(heard("I can hardly feel anything", knowledge, "pressure_feedback",
                        awaiting="screening")) == "action_screen"


def test_a_corrected_place_at_the_coaching_offer_is_no_refusal(knowledge: Any) -> None:
    text = "sorry I meant the left, I'm left footed, no idea why I typed right"
    assert decide(heard(text, knowledge, awaiting="coach_offer")) == "action_suggest_muscles"
    question = "Sorry, how can a muscle somewhere else cause a headache on the top of her head?"
    assert decide(heard(question, knowledge, "ask_why", awaiting="coach_offer")) != "action_suggest_muscles"


@pytest.mark.parametrize("text", ["you are real person or computer?", "are you a bot", "r u a robot lol",
                                  "Am I talking to a real person?", "is this AI"])
def test_asking_if_it_is_a_bot_in_any_state(text: str) -> None:
    assert asks_if_a_bot(text)
    assert decide(said(text, "describe", active_loop="intake_form", requested_slot="pain_quality")) == \
        "utter_bot_challenge"


@pytest.mark.parametrize("text", ["my real pain is the person I care for", "the computer work makes it worse",
                                  "you are a star"])
def test_words_about_people_or_computers_are_no_bot_question(text: str) -> None:
    assert not asks_if_a_bot(text)


def test_a_trigger_point_question_amid_the_safety_questions(knowledge: Any) -> None:
    assert decide(said("wait whats a trigger point", "describe", awaiting="screening")) == \
        "action_explain_trigger_point"
    assert decide(said("no, what's that got to do with trigger points", "deny", awaiting="screening")) == \
        "action_screen"
    events = [{"event": "slot", "name": "awaiting", "value": "screening"}]
    result = ActionExplainTriggerPoint().run(CollectingDispatcher(), Tracker(
        "t", {"awaiting": "screening"}, {}, events, False, None, {}, "action_listen"), {})
    assert [e.get("name") for e in result] == ["action_screen"]


@pytest.mark.parametrize("text", ["honestly it's completely gone, you don't need to keep checking on me",
                                  "Thank you, no need to dey check on me again",
                                  "please don't check on me any more"])
def test_stopping_the_checkins_in_the_middle_of_one(text: str) -> None:
    assert decide(said(text, "checkin_answer", active_loop="checkin_form", requested_slot="checkin_pain",
                       checkins_agreed=True)) == "action_checkin_manage"


def test_a_stretch_asked_for_after_the_caution() -> None:
    for text in ["OK I'd rather not risk the massage, is there a gentle stretch I could do instead?",
                 "Could you give me something gentle to do in the meantime without the massage?"]:
        assert wants_stretch_instead(text)
        assert decide(said(text, "ask_caution", awaiting="coach_offer")) == "action_stretch_only"
    assert decide(said("is it safe to massage while on warfarin?", "ask_caution", awaiting="coach_offer")) is None


def test_checkins_wanted_in_other_words() -> None:
    assert decide(said("weekly check-ins would be good actually", "checkin_manage", awaiting="checkin_offer",
                       coached=True)) == "action_schedule_checkin"


@pytest.mark.parametrize(("text", "answer"), [
    ("Non, I prefer not to be massaged... hmm, in fact, yes, let us try it.", Answer.YES),
    ("yes actually", Answer.YES),
    ("no, actually I would rather just the stretch", Answer.NO),
    ("Yes please", Answer.YES),
])
def test_a_mind_changed_in_the_message_counts_by_its_last_decision(text: str, answer: Answer) -> None:
    assert read_offer_reply(text) is answer


@pytest.mark.parametrize(("text", "other"), [("nah not those, done them", True), ("I've tried those already", True),
                                             ("no not now", False)])
def test_not_those_asks_for_other_muscles(text: str, other: bool) -> None:
    assert wants_other_muscle(text) is other


@pytest.mark.parametrize(("text", "closing"), [("k bye", True), ("back to it. thx", True),
                                               ("back to work now, cheers", True), ("k", False),
                                               ("back to the knee, it hurts more", False)])
def test_closings_in_few_words(text: str, closing: bool) -> None:
    assert is_closing(text) is closing


@pytest.mark.parametrize(("text", "answer"), [("not sure how strong to be honest", None),
                                              ("no idea what number", None),
                                              ("not sure", Answer.UNSURE), ("no", Answer.NO)])
def test_unsure_of_another_question_is_no_answer_to_a_safety_question(text: str, answer: Answer | None) -> None:
    assert UserTurn(text=text, intent="dont_know", mentions=(), asked="calf_swelling").answer is answer


def test_dialect_words_are_not_slips_for_red_flag_words() -> None:
    speller = Speller(["gaunt", "nutted", "shoulder"])
    assert speller.suggest("gaun") is None
    assert speller.suggest("nutten") is None
    assert speller.suggest("shoulderr") == "shoulder"


def test_the_writer_acting_on_the_patient_still_writes_for_them(knowledge: Any) -> None:
    def reading(text: str) -> bool:
        return writes_for_someone_else([(text, mentions_from_text(text, knowledge.sided_regions))])

    assert reading("My toddler won't walk on her right leg and screams when I move her hip")
    assert reading("my dad's back is bad, I think he lifted something heavy")
    assert not reading("I'm 28 weeks pregnant and my low back hurts when I've been lifting my toddler")


def _screen_tracker(level: str, said_this_turn: list[str], said_before: tuple[str, ...] = ()) -> Tracker:
    events: list[dict[str, Any]] = [{"event": "user", "text": "hmm, worse actually", "parse_data": {}}]
    events += [{"event": "bot", "text": "", "metadata": {"utter_action": name}} for name in said_before]
    events += [{"event": "user", "text": "worse, and now it's swollen", "parse_data": {}}]
    events += [{"event": "bot", "text": "", "metadata": {"utter_action": name}} for name in said_this_turn]
    return Tracker("t", {"triage_level": level}, {"intent": {"name": "describe"}}, events, False, None, {},
                   "action_listen")


def test_after_urgent_advice_a_message_is_never_met_with_silence() -> None:
    dispatcher = CollectingDispatcher()
    ActionScreen().run(dispatcher, _screen_tracker("urgent", []), {})
    assert [m.get("response") for m in dispatcher.messages] == ["utter_triage_reminder_urgent"]
    dispatcher = CollectingDispatcher()
    ActionScreen().run(dispatcher, _screen_tracker("urgent", ["utter_triage_urgent"]), {})
    assert dispatcher.messages == []  # said on this very turn: not twice
    dispatcher = CollectingDispatcher()
    ActionScreen().run(dispatcher, _screen_tracker("urgent", [], ("utter_triage_reminder_urgent",)), {})
    assert [m.get("response") for m in dispatcher.messages] == ["utter_triage_reminder_urgent_again"]


def test_a_typed_hello_on_return_is_answered(tmp_path: Any) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'kb.sqlite'}")
    migrate(engine)
    use_store(CheckinStore(engine))
    try:
        for text, expected in [("back again", ["utter_welcome_back"]), ("back to it. thx", ["utter_goodbye"]),
                               ("/session_resumed", [])]:
            dispatcher = CollectingDispatcher()
            ActionCheckinResume().run(dispatcher, Tracker("new-person", {}, {"text": text}, [], False, None, {},
                                                          "action_listen"), {})
            assert [m.get("response") for m in dispatcher.messages] == expected
    finally:
        use_store(None)
        engine.dispose()


def test_kicking_a_ball_is_no_blow(knowledge: Any) -> None:
    found = {m.value for m in mentions_from_text("pain in my right groin, sharp when i kick the ball",
                                                 knowledge.sided_regions) if m.kind == "finding"}
    assert not found & {"blow_to_limb", "minor_trauma"}
    kicked = {m.value for m in mentions_from_text("I got kicked in the shin at football", knowledge.sided_regions)}
    assert "blow_to_limb" in kicked


@pytest.mark.parametrize(("effect", "light"), [("no_deep_pressure", True), ("ask_doctor_first", True),
                                               ("avoid_area", False)])
def test_only_cautions_about_pressure_make_the_band_gentle(effect: str, light: bool) -> None:
    assert Caution(id="c", title="t", text="x", effect=effect).asks_for_light_pressure is light


def test_a_place_named_in_a_question_about_the_suggestions_gets_no_safety_questions(knowledge: Any) -> None:
    def user(text: str, intent: str) -> dict[str, Any]:
        mentions = mentions_from_text(text, knowledge.sided_regions, bare_intensity=True)
        return {"event": "user", "text": text,
                "parse_data": {"intent": {"name": intent}, "pain_mentions": [m.to_dict() for m in mentions]}}

    events = [user("bottom of my left foot, the arch, worst first thing", "describe"),
              {"event": "slot", "name": "awaiting", "value": "coach_offer"},
              user("Why the calf? It's my foot that hurts.", "ask_why")]
    regions = {region for region, _ in read_state(events).safety_report().regions}
    assert "calf" not in regions
    events[-1] = user("Why the calf? my calf is swollen and hot too", "ask_why")
    assert "calf_swelling" in read_state(events).safety_report().findings


@pytest.mark.parametrize("text", ["ok cool ill just leave it then", "i'll pass thanks", "nah won't bother"])
def test_leaving_the_massage_is_a_no_to_the_offer(text: str) -> None:
    assert read_offer_reply(text) is Answer.NO


def test_no_checkins_said_in_the_pressure_loop_declines_them() -> None:
    assert decide(said("nah no check ins ty", "checkin_manage", awaiting="pressure", coached=True,
                       coaching_open=True)) == "action_decline_checkins"


def test_a_yes_with_why_not_schedules_the_checkins() -> None:
    assert decide(said("Yes, why not. Check on me.", "checkin_start", awaiting="checkin_offer", coached=True)) == \
        "action_schedule_checkin"


def test_a_delete_intent_without_a_word_of_deleting_deletes_nothing() -> None:
    assert decide(said("nope, all clear", "delete_data", awaiting="screening")) == "action_screen"
    # said in words, it deletes, even in the middle of the safety questions or the check-in offer
    assert decide(said("please delete everything", "delete_data", awaiting="screening")) == "action_delete_data"
    assert decide(said("nah no check ins. actually I want you to forget me, delete whatever you saved", "delete_data",
                       awaiting="checkin_offer", coached=True)) == "action_delete_data"


def test_a_closing_heard_as_a_return_or_a_checkin_request_closes() -> None:
    for intent in ("checkin_start", "session_resumed"):
        assert decide(said("No, that's everything. Thanks a million, you've been very helpful. Mind yourself!",
                           intent, awaiting="anything_else", checkins_agreed=True)) == "utter_goodbye"


@pytest.mark.parametrize("text", ["why the calf? its my foot", "fair enough. why would my calf make my foot cramp?"])
def test_why_a_place_other_than_the_painful_one_asks_why(text: str) -> None:
    assert decide(said(text, "describe", awaiting="coach_offer")) == "action_explain_why"


def test_a_checkin_intent_answering_something_else_is_that_answer() -> None:
    for intent in ("checkin_start", "session_resumed"):
        assert decide(said("any others? already been rolling those", intent, awaiting="coach_offer")) == \
            "action_next_candidate"
        assert decide(said("ye lets do it", intent, awaiting="coach_offer")) == "action_coach_massage"
    assert decide(said("please, later, I am driving now. ask me another day", "checkin_start",
                       active_loop="checkin_form", requested_slot="checkin_trend", checkins_agreed=True)) == \
        "action_checkin_manage"
