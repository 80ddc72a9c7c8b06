"""The conversation's state from tracker events: answers in context, the intake kept apart."""

from __future__ import annotations

from typing import Any

from bot.dialogue.facts import checkin_slots, intake_slots
from bot.dialogue.state import AGE_QUESTION, read_state
from bot.engine.screening import AGE, Question, next_question
from core.types import Mention, TriageLevel


def user(text: str, *mentions: Mention, intent: str = "describe") -> dict[str, Any]:
    return {"event": "user", "text": text, "parse_data": {"intent": {"name": intent, "confidence": 1.0},
                                                       "pain_mentions": [m.to_dict() for m in mentions]}}


def slot(name: str, value: Any) -> dict[str, Any]:
    return {"event": "slot", "name": name, "value": value}


NECK = Mention("region", "neck_side", side="left")


def test_what_is_said_in_the_pressure_loop_never_becomes_the_intake() -> None:
    events = [user("left side of my neck, about a 4", NECK, Mention("intensity", "4", "about a 4")),
              slot("awaiting", "pressure"),
              user("ow, sharp, like an 8", Mention("sensation", "sharp"), Mention("intensity", "8", "like an 8")),
              user("my thumb is getting tired", Mention("region", "thumb"))]
    state = read_state(events)
    slots = intake_slots(state.intake_report())
    assert slots["pain_intensity"] == "4" and slots["pain_location"] == "neck_side:left"
    assert "pain_quality" not in slots
    assert "sharp" in state.safety_report().sensations


def test_a_yes_to_a_safety_question_states_its_finding_and_not_sure_is_the_safer_answer() -> None:
    events = [user("low back pain", Mention("region", "low_back")), slot("screening_question", "saddle_numbness"),
              user("not sure", intent="dont_know")]
    state = read_state(events)
    assert "saddle_numbness" in state.safety_report().findings
    assert state.unsure_findings() == {"saddle_numbness"}
    no = read_state([*events[:2], user("no, nothing like that", intent="deny")])
    assert "saddle_numbness" in no.safety_report().negated_findings


def test_a_bare_number_is_an_age_after_the_age_question_and_a_score_only_when_asked() -> None:
    events = [user("neck ache", NECK), slot("screening_question", AGE_QUESTION),
              user("67", Mention("intensity", "67", "67"))]
    assert read_state(events).safety_report().age == 67
    asked_duration = [user("neck ache", NECK), {"event": "active_loop", "name": "intake_form"},
                      slot("requested_slot", "pain_duration"), user("3", Mention("intensity", "3", "3"))]
    assert read_state(asked_duration).intake_report().intensity is None


def test_corrections_and_sides_said_alone() -> None:
    events = [user("right knee hurts", Mention("region", "knee_front", side="right")),
              user("sorry, I meant the other side", Mention("side", "other"))]
    assert read_state(events).intake_report().regions == [("knee_front", "left")]
    corrected = [user("my neck hurts", NECK),
                 user("actually it's more my shoulder", Mention("correction", "correction"),
                      Mention("region", "shoulder_top"))]
    # the place moved, the side was not taken back: the left side of the neck becomes the left shoulder
    assert read_state(corrected).intake_report().regions == [("shoulder_top", "left")]


def test_not_sure_to_an_intake_question_is_unknown_and_not_asked_again() -> None:
    events = [user("neck ache", NECK), {"event": "active_loop", "name": "intake_form"},
              slot("requested_slot", "pain_duration"), user("no idea really", intent="dont_know")]
    assert read_state(events).unknown_answers() == {"pain_duration"}


def test_checkin_answers_come_from_the_latest_checkin() -> None:
    events = [{"event": "action", "name": "action_checkin_start"}, {"event": "active_loop", "name": "checkin_form"},
              slot("requested_slot", "checkin_trend"), user("bit better, about a 3", Mention("intensity", "3", "a 3")),
              slot("requested_slot", "checkin_helped"), user("yeah the stretches helped", intent="affirm"),
              slot("requested_slot", "checkin_news"), user("nothing new", intent="deny")]
    assert checkin_slots(read_state(events)) == {"checkin_trend": "better", "checkin_pain": "3",
                                                 "checkin_helped": "yes", "checkin_news": "none"}


def test_screening_is_chosen_by_area_capped_and_asks_the_age_when_it_matters() -> None:
    from core.types import PainReport, RedFlagRule

    questions = [Question(f"q{i}", f"f{i}", ("low_back",), priority=i) for i in range(8)]
    report = PainReport(regions=[("low_back", None)])
    first = next_question(report, [], questions, [], {"low_back"}, TriageLevel.NONE)
    assert first is not None and first.id == "q0"
    assert next_question(report, [f"q{i}" for i in range(4)], questions, [], {"low_back"}, TriageLevel.NONE) is None
    age_rule = RedFlagRule("new_back_over_55", "t", TriageLevel.SEE_DOCTOR, "m", "t", complaint=("low_back",),
                           age_at_least=55)
    assert next_question(report, [], [], [age_rule], {"low_back"}, TriageLevel.NONE).id == AGE  # type: ignore[union-attr]
    assert next_question(report, [], questions, [], {"low_back"}, TriageLevel.URGENT) is None


def _asked(slot_name: str) -> list[dict[str, Any]]:
    return [{"event": "active_loop", "name": "intake_form"}, slot("requested_slot", slot_name)]


def test_what_makes_it_worse_in_words_no_vocabulary_knows_answers_the_question() -> None:
    events = [user("neck ache", NECK), *_asked("pain_trigger"), user("after my bouldering sessions", intent="inform")]
    state = read_state(events)
    assert state.answers_in_words() == {"pain_trigger": "after my bouldering sessions"}
    assert intake_slots(state.intake_report(), state.unknown_answers(), state.answers_in_words())[
        "pain_trigger"] == "after my bouldering sessions"
    for not_an_answer in ("yes", "why do you ask?", "it's sharp", "ok", "can I see a physio please"):
        mentions = (Mention("sensation", "sharp"),) if "sharp" in not_an_answer else ()
        other = read_state([user("neck ache", NECK), *_asked("pain_trigger"), user(not_an_answer, *mentions)])
        assert other.answers_in_words() == {}, not_an_answer


def test_an_answer_to_a_different_intake_question_is_kept() -> None:
    """"5" to "where does it hurt?" is the strength said early; "practice more than 3 hours, orchestra
    rehearsal" to "what makes it worse?" is the trigger, and its hours are the practice's, not the pain's."""
    early_score = read_state([user("ache", Mention("sensation", "aching")), *_asked("pain_location"),
                              user("5", Mention("intensity", "5", "5"))])
    assert early_score.intake_report().intensity == 5
    rehearsal = read_state([user("neck ache", NECK), *_asked("pain_trigger"),
                            user("Practice more than 3 hours, especially orchestra rehearsal",
                                 Mention("duration", "0.125", "3 hours"), intent="inform")])
    assert rehearsal.intake_report().duration_days is None
    assert rehearsal.answers_in_words()["pain_trigger"].startswith("Practice more than 3 hours")
    whiteboard = read_state([user("neck ache", NECK), *_asked("pain_trigger"),
                             user("Writing on the whiteboard, arm up all day", Mention("region", "upper_arm_outer"))])
    assert "pain_trigger" in whiteboard.answers_in_words()


def test_check_ins_agreed_are_remembered() -> None:
    events = [user("neck ache", NECK), {"event": "action", "name": "action_schedule_checkin"}]
    assert read_state(events).checkins_agreed and not read_state(events[:1]).checkins_agreed


def test_a_question_unanswered_twice_in_a_row_is_not_asked_a_third_time_except_where_it_hurts() -> None:
    twice = [user("neck ache", NECK), *_asked("pain_duration"), user("yes"), user("ok")]
    assert read_state(twice).unknown_answers() == {"pain_duration"}
    once = [user("neck ache", NECK), *_asked("pain_duration"), user("yes")]
    assert read_state(once).unknown_answers() == set()
    answered = [user("neck ache", NECK), *_asked("pain_duration"), user("yes"),
                user("3 days", Mention("duration", "3", "3 days"))]
    assert read_state(answered).unknown_answers() == set()
    where = [user("it hurts"), *_asked("pain_location"), user("hmm"), user("idk really, everywhere?")]
    assert "pain_location" not in read_state(where).unknown_answers()


def test_the_red_flag_rules_read_the_highest_pain_score_but_never_a_pressure_level() -> None:
    head = Mention("region", "occiput")
    events = [user("sudden headache, 9/10", head, Mention("intensity", "9", "9/10")),
              user("now it's more like a 4", Mention("intensity", "4", "a 4"))]
    report = read_state(events).safety_report()
    assert report.intensity == 4 and report.highest_intensity == 9
    pressing = [user("neck ache, 3/10", NECK, Mention("intensity", "3", "3/10")), slot("awaiting", "pressure"),
                user("ow that's an 8", Mention("intensity", "8", "an 8"))]
    assert read_state(pressing).safety_report().highest_intensity == 3


def test_a_red_flag_said_as_a_worry_gets_its_safety_question_not_a_silent_no() -> None:
    from bot.engine.screening import concern_question

    worry = Mention("finding", "saddle_numbness", "numbness around my bottom", hypothetical=True)
    report = read_state([user("back pain, worried about numbness around my bottom", worry)]).safety_report()
    assert "saddle_numbness" in report.wondered and "saddle_numbness" not in report.negated_findings
    questions = [Question("q_saddle", "saddle_numbness", complaint=("low_back",))]
    asked = concern_question(report, [], questions, {})
    assert asked is not None and asked.finding == "saddle_numbness" and asked.concern


def test_where_in_a_vague_place_is_said_later_and_the_area_stands_in_after_two_asks() -> None:
    shoulder = Mention("region", "shoulder_top", "shoulder", side="left", vague=True)
    parts = {"shoulder_top": {"front": "shoulder_front", "top": "shoulder_top"}}
    state = read_state([user("my left shoulder hurts", shoulder), user("at the front", Mention("part", "front"))])
    assert intake_slots(state.intake_report().refine(parts))["pain_location"] == "shoulder_front:left"
    asked = [user("my left shoulder hurts", shoulder), *_asked("pain_location"), user("it just aches"), user("hmm")]
    stuck = read_state(asked)
    assert intake_slots(stuck.intake_report(), stuck.unknown_answers())["pain_location"] == "shoulder_top:left"


def _rasa_objects(events: list[dict[str, Any]]) -> list[Any]:
    from rasa.shared.core.events import Event

    return [Event.from_parameters(event) for event in events]


def test_the_rasa_server_reads_the_same_state_from_its_event_objects_as_the_actions_from_dicts() -> None:
    """The policies get Rasa's Event objects, the actions rasa-sdk's dicts: both must mean the same.
    A check-in started by an action counts on both (an object's action name is `action_name`), and
    the answers inside a form's happy path are all kept."""
    events = [{"event": "action", "name": "action_listen"},
              user("left side of my neck, about a 4", NECK, Mention("intensity", "4", "about a 4")),
              {"event": "action", "name": "intake_form"}, {"event": "active_loop", "name": "intake_form"},
              slot("requested_slot", "pain_quality"), {"event": "action", "name": "action_listen"},
              user("tight", Mention("sensation", "tight")),
              {"event": "action", "name": "intake_form"}, slot("requested_slot", "pain_duration"),
              {"event": "action", "name": "action_listen"},
              user("two weeks", Mention("duration", "14", "two weeks")),
              {"event": "action", "name": "intake_form"}, {"event": "active_loop", "name": None},
              {"event": "action", "name": "action_checkin_start"}, {"event": "action", "name": "checkin_form"},
              {"event": "active_loop", "name": "checkin_form"}, slot("requested_slot", "checkin_trend"),
              {"event": "action", "name": "action_listen"}, user("same really", intent="checkin_answer")]
    from_dicts, from_objects = read_state(events), read_state(_rasa_objects(events))
    assert [t.text for t in from_objects.turns] == [t.text for t in from_dicts.turns]
    assert from_objects.turns[-1].checkin == from_dicts.turns[-1].checkin == 1
    assert checkin_slots(from_objects) == checkin_slots(from_dicts) == {"checkin_trend": "same"}
    assert intake_slots(from_objects.intake_report()) == intake_slots(from_dicts.intake_report())
    assert intake_slots(from_objects.intake_report())["pain_quality"] == "tight"


def test_a_carer_writing_for_the_patient_describes_the_patient() -> None:
    """"My husband has a stiff neck, left side, 4/10": the conversation is about him; a family history
    beside the writer's own pain stays someone else's."""
    his_neck = Mention("region", "neck_side", side="left", other_person=True)
    carer = read_state([user("my husband has a stiff neck left side, 4/10", his_neck,
                             Mention("intensity", "4", "4/10", other_person=True))])
    assert intake_slots(carer.intake_report())["pain_location"] == "neck_side:left"
    assert carer.intake_report().intensity == 4
    history = read_state([user("my neck hurts, and my dad had a stroke", NECK,
                               Mention("finding", "stroke_history", other_person=True))])
    assert "stroke_history" not in history.safety_report().findings


def test_a_number_after_coaching_began_is_a_pressure_level_not_the_pains_strength() -> None:
    events = [user("left side of my neck, about a 4", NECK, Mention("intensity", "4", "about a 4")),
              {"event": "action", "name": "action_coach_massage"}, slot("awaiting", "anything_else"),
              user("ok thats better, a 6", Mention("intensity", "6", "a 6"))]
    assert read_state(events).intake_report().intensity == 4


def test_a_place_named_in_a_question_about_the_advice_is_the_muscles_not_the_pain() -> None:
    events = [user("right shoulder ache", Mention("region", "shoulder_top", side="right")),
              slot("awaiting", "coach_offer"),
              user("why those? the first one is on my shoulder blade", Mention("region", "shoulder_blade"),
                   intent="ask_why")]
    assert read_state(events).intake_report().region_ids == ["shoulder_top"]


def test_what_it_feels_like_said_as_a_likeness_answers_the_question() -> None:
    events = [user("neck ache", NECK), *_asked("pain_quality"),
              user("hard to describe, like someone's sat on it", intent="inform")]
    assert read_state(events).answers_in_words() == {"pain_quality": "like someone's sat on it"}


def test_tingling_felt_while_pressing_is_a_stop_sign_not_a_finding_but_a_weak_arm_still_counts() -> None:
    tingle = Mention("finding", "bilateral_hand_tingling", "fingers are tingling")
    numb_leg = Mention("finding", "limb_numbness", "my leg has gone numb")
    weak = Mention("finding", "limb_numb_weak", "can't lift my arm")
    pressing = [user("tight neck on the right", NECK), slot("awaiting", "pressure"),
                user("whoa my fingers are tingling now", tingle), user("leg gone numb", numb_leg),
                user("suddenly I can't lift my arm", weak)]
    findings = read_state(pressing).safety_report().findings
    assert "bilateral_hand_tingling" not in findings and "limb_numbness" not in findings
    assert "limb_numb_weak" in findings
    outside = [user("tight neck, and my fingers are tingling", NECK, tingle)]
    assert "bilateral_hand_tingling" in read_state(outside).safety_report().findings


def test_a_time_said_of_something_else_keeps_the_pains_age() -> None:
    events = [user("sore hip for about three weeks", Mention("region", "hip_side"),
                   Mention("duration", "21", "about three weeks")),
              user("oh and I fainted at the bus stop yesterday", Mention("duration", "1", "yesterday")),
              user("sorry, it's been more like a month", Mention("duration", "30", "a month"))]
    assert read_state(events[:2]).intake_report().duration_days == 21
    assert read_state(events).intake_report().duration_days == 30


def test_a_zing_while_pressing_is_the_tool_on_a_nerve_unless_the_heart_speaks() -> None:
    spread = Mention("finding", "pain_spreading_arm_jaw", "down my arm")
    pressing = [user("side of my chest, a 4", Mention("region", "chest_side")), slot("awaiting", "pressure")]
    jolt = read_state([*pressing, user("whoa a zap went down my arm", spread)])
    assert "pain_spreading_arm_jaw" not in jolt.safety_report().findings
    heart = read_state([*pressing, user("it's spreading down my arm and I'm all clammy", spread)])
    assert "pain_spreading_arm_jaw" in heart.safety_report().findings
