"""What a reply means by the question it answers (bot/dialogue/decide.py), without Rasa."""

from __future__ import annotations

import pytest

from bot.dialogue.decide import decide
from core.types import Mention
from tests.support.situations import said


@pytest.mark.parametrize(("text", "intent", "action"), [
    ("yes!! anything that helps, nothing else has worked", "affirm", "action_coach_massage"),
    ("ok", "describe", "action_coach_massage"),
    ("no massage for me, is there a stretch?", "deny", "action_stretch_only"),
    ("no thanks", "deny", "action_stretch_only"),
    ("why those muscles?", "ask_why", None),
])
def test_the_coaching_offer(text: str, intent: str, action: str | None) -> None:
    assert decide(said(text, intent, awaiting="coach_offer")) == action


@pytest.mark.parametrize("text", ["it's about a 3", "more like 6 now", "ok good", "done", "ow, sharp",
                                  "my thumb is getting tired", "yep 👍", "hmm"])
def test_every_reply_in_the_pressure_loop_is_pressure_feedback(text: str) -> None:
    assert decide(said(text, "checkin_answer", awaiting="pressure")) == "action_pressure_feedback"


def test_in_the_pressure_loop_a_question_or_a_new_pain_is_not_pressure() -> None:
    assert decide(said("what is a trigger point?", "ask_trigger_point", awaiting="pressure")) is None
    knee = (Mention("region", "knee_front"), Mention("sensation", "aching"))
    assert decide(said("my knee aches too", "describe", awaiting="pressure", mentions=knee)) is None
    assert decide(said("stop", "checkin_manage", awaiting="pressure")) == "action_pressure_feedback"


@pytest.mark.parametrize(("text", "intent", "action"), [
    ("yes", "affirm", "action_schedule_checkin"),
    ("not right now, perhaps another time", "deny", "action_decline_checkins"),
    ("sure, jo@example.org", "affirm", "action_schedule_checkin"),
    ("done", "describe", "action_offer_checkin"),
])
def test_the_checkin_offer(text: str, intent: str, action: str) -> None:
    assert decide(said(text, intent, awaiting="checkin_offer")) == action


def test_email_and_anything_else() -> None:
    assert decide(said("jo@example.org", "give_email", awaiting="email")) == "action_save_email"
    assert decide(said("No email.", "deny", awaiting="email")) == "action_no_email"
    assert decide(said("nothing else, ta", "thank", awaiting="anything_else")) == "utter_goodbye"
    assert decide(said("no", "deny", awaiting="anything_else")) == "utter_goodbye"
    assert decide(said("yes", "affirm", awaiting="anything_else")) == "utter_ask_what_else"


def test_safety_questions_are_always_answered_by_the_screening() -> None:
    for text, intent in [("no, my legs are fine", "describe"), ("what do you mean?", "ask_meaning"),
                         ("about a 6", "describe"), ("yes", "affirm")]:
        assert decide(said(text, intent, awaiting="screening")) == "action_screen"
    assert decide(said("what's a trigger point?", "ask_trigger_point", awaiting="screening")) is None


def test_commands_win_and_forms_repair() -> None:
    assert decide(said("please forget everything I told you", "delete_data", awaiting="pressure")) == \
        "action_delete_data"
    assert decide(said("qwerty", "nlu_fallback", 0.2, active_loop="intake_form", loop_rejected=True)) == \
        "action_rephrase"
    assert decide(said("why do you need that?", "ask_why", active_loop="intake_form", loop_rejected=True)) is None
    assert decide(said("neck", active_loop="intake_form")) is None
    assert decide(said("I've had some bladder issues", concern_due=True)) == "action_screen"
    assert decide(said("asdf", "nlu_fallback", 0.1)) == "action_rephrase"


NECK_ACHE = (Mention("region", "neck_back"), Mention("sensation", "aching"))


@pytest.mark.parametrize(("intent", "confidence"), [("greet", 0.95), ("nlu_fallback", 0.2), ("thank", 0.4),
                                                    ("out_of_scope", 0.7)])
def test_a_description_the_classifier_missed_still_starts_the_intake(intent: str, confidence: float) -> None:
    assert decide(said("hi, my neck has been aching for days", intent, confidence, mentions=NECK_ACHE)) == \
        "intake_form"
    assert decide(said("my neck", intent, confidence, mentions=NECK_ACHE[:1])) == "intake_form"


def test_after_the_intake_only_a_place_with_a_feeling_is_a_new_complaint() -> None:
    neck = NECK_ACHE[:1]
    assert decide(said("thanks, my neck feels better", "thank", awaiting="anything_else", mentions=neck)) != \
        "intake_form"
    assert decide(said("my knee aches now too", "nlu_fallback", 0.3, awaiting="coach_offer",
                       mentions=NECK_ACHE)) == "intake_form"
    assert decide(said("why my neck?", "ask_why", awaiting="coach_offer", mentions=neck)) is None
    assert decide(said("my neck aches", "describe", mentions=NECK_ACHE)) is None  # the rules start it


def test_a_yes_to_the_checkin_offer_in_checkin_words_is_an_answer() -> None:
    assert decide(said("Sure, check in with me.", "checkin_start", awaiting="checkin_offer")) == \
        "action_schedule_checkin"
    assert decide(said("check in please", "checkin_start", checkins_agreed=True)) is None  # the rules start one


def test_asking_to_be_checked_in_on_before_any_were_agreed_schedules_them() -> None:
    """Typed "would you check in on me?" asks for check-ins; only the scheduler (or a returning person who
    agreed to them) starts a check-in's questions."""
    assert decide(said("would you check in on me next week", "checkin_start")) == "action_schedule_checkin"
    assert decide(said("/checkin_start", "checkin_start", typed=False)) is None
    for text in ("Could you check on me in a few days?", "Yes, check-ins would be good."):
        assert decide(said(text, "checkin_manage")) == "action_schedule_checkin", text
        assert decide(said(text, "checkin_manage", checkins_agreed=True)) is None, text
    assert decide(said("stop the check-ins", "checkin_manage")) is None  # nothing to stop: the rules say so
    # with none planned, "nah no check ins" declines them: acknowledged, not "there are none to change"
    assert decide(said("nah no check ins", "checkin_manage")) == "action_decline_checkins"
    assert decide(said("nah no check ins", "checkin_manage", awaiting="checkin_offer")) == "action_decline_checkins"


def test_after_an_unreadable_answer_the_next_answer_goes_to_the_form_again() -> None:
    assert decide(said("6 on a bad day", "describe", active_loop="intake_form", loop_stale=True)) == "intake_form"
    assert decide(said("6 on a bad day", "describe", active_loop="intake_form")) is None
    assert decide(said("why do you ask?", "ask_why", active_loop="intake_form", loop_stale=True)) is None
    assert decide(said("qwerty", "nlu_fallback", 0.2, active_loop="intake_form", loop_rejected=True)) == \
        "action_rephrase"


def test_how_it_is_going_before_any_check_in_was_agreed_is_read_in_context() -> None:
    """"ok that's better, a 6" after easing off is a pressure level, not a check-in nobody agreed to;
    "actually go on, show me the massage" to the check-in offer changes their mind about coaching."""
    assert decide(said("ok thats better, a 6", "checkin_answer", awaiting="anything_else", coaching_open=True)) == \
        "action_pressure_feedback"
    assert decide(said("better thanks", "checkin_answer", awaiting="anything_else")) == "utter_goodbye"
    assert decide(said("bit better", "checkin_answer", checkins_agreed=True)) is None  # the check-in rule
    assert decide(said("actually go on, show me the massage", "ask_how_massage", awaiting="checkin_offer")) == \
        "action_coach_massage"


@pytest.mark.parametrize("text", ["Arm's much better now thanks. Can you get rid of all my details?",
                                  "me again. wipe everything i typed in here last time pls",
                                  "actually never mind, I don't want you keeping any of this"])
def test_deleting_my_data_in_other_words_works_whatever_was_asked(text: str) -> None:
    for awaiting in (None, "pressure", "checkin_offer", "screening"):
        assert decide(said(text, "nlu_fallback", 0.2, awaiting=awaiting)) == "action_delete_data"


@pytest.mark.parametrize("text", ["forget what I said about the knee, its the hip", "I remove data errors all day",
                                  "removing everything from the loft and my back hurts"])
def test_words_near_deleting_are_not_a_deletion(text: str) -> None:
    assert decide(said(text, "describe")) != "action_delete_data"


def test_an_answer_to_another_intake_question_is_noted_and_the_question_asked_again() -> None:
    """"Worse after a 12-hour shift on the ward" to "how long?": kept, then "Thanks, noted. And how long...",
    not "Sorry, I didn't catch that"; a message with no fact at all gets the rephrased question."""
    shift = (Mention("trigger_words", "a 12-hour shift", "after a 12-hour shift"),)
    assert decide(said("Worse after a 12-hour shift on the ward", "describe", mentions=shift, active_loop="intake_form",
                       loop_rejected=True, requested_slot="pain_duration")) == "action_ask_pain_duration"
    assert decide(said("hmm", "nlu_fallback", 0.3, active_loop="intake_form", loop_rejected=True,
                       requested_slot="pain_duration")) == "action_rephrase"


def test_putting_off_a_check_in_inside_it_moves_it() -> None:
    """"please, later, I am driving now, ask me another day" to "better, same or worse?" moves the check-in."""
    inside = {"active_loop": "checkin_form", "requested_slot": "checkin_trend"}
    assert decide(said("please, later, I am driving now. ask me another day", "nlu_fallback", 0.3, **inside)) == \
        "action_checkin_manage"
    for answer in ("worse since monday", "no more pain", "same as last time"):
        assert decide(said(answer, "nlu_fallback", 0.3, **inside)) != "action_checkin_manage", answer


@pytest.mark.parametrize(("text", "intent", "action"), [
    ("Lovely. Yes please, let's try the first one you mentioned.", "ask_why", "action_coach_massage"),
    ("Very well, yes please, I shall be very gentle.", "pressure_feedback", "action_coach_massage"),
    ("Oh, that makes more sense. Yes, let's try that one.", "nlu_fallback", "action_coach_massage"),
    ("Thanks for explaining. No, I'd rather not massage it", "thank", "action_stretch_only"),
    ("That's not it, no", "next_candidate", "action_next_candidate"),
    ("why those muscles? yes I'd like to know", "ask_why", None),
])
def test_an_offer_taken_up_or_declined_after_other_words(text: str, intent: str, action: str | None) -> None:
    assert decide(said(text, intent, awaiting="coach_offer")) == action


@pytest.mark.parametrize("text", ["not that one", "nah thats not it i dont think",
                                  "Not that one, I've rolled my IT band for months. What else could it be?"])
def test_not_that_muscle_is_another_muscle_not_a_no_to_massage(text: str) -> None:
    assert decide(said(text, "deny", awaiting="coach_offer")) == "action_next_candidate"


@pytest.mark.parametrize("text", ["nope thats all, thx!!", "ok ringing the midwife now thx",
                                  "That's everything, thank you."])
def test_leaving_in_the_middle_of_a_form_is_let_go(text: str) -> None:
    assert decide(said(text, "goodbye", active_loop="intake_form", loop_rejected=True)) == "utter_goodbye"


def test_a_bare_no_to_a_forms_question_is_not_leaving() -> None:
    assert decide(said("no", "deny", active_loop="intake_form", loop_rejected=True,
                       requested_slot="pain_trigger")) != "utter_goodbye"


def test_trying_later_is_fine_and_check_ins_are_offered() -> None:
    assert decide(said("hm ok maybe that one. ill try later", "affirm", awaiting="coach_offer")) == \
        "action_offer_checkin"


@pytest.mark.parametrize(("text", "level"), [
    ("Should I be worried?", "urgent"),
    ("I thought it was just my shoes rubbing. Do I really need to go today?", "urgent"),
    ("I'd rather not waste the GP's time", "see_doctor"), ("cant get a gp appt til next wk", "urgent"),
])
def test_a_doubt_about_getting_checked_hears_the_advice_again(text: str, level: str) -> None:
    assert decide(said(text, "nlu_fallback", triage=level)) == f"utter_triage_reminder_{level}"


def test_leaving_after_a_flag_is_not_a_doubt() -> None:
    assert decide(said("Right, I'll ring the surgery. Thanks.", "thank", triage="urgent")) != \
        "utter_triage_reminder_urgent"


@pytest.mark.parametrize("text", [
    "Good morning. The legs are much better now, so there's no need to keep asking after me. Thank you.",
    "Knee's sorted, good as new. You can knock the check-ins on the head now, ta.",
    "cant do this rn, on nights all wk. can u do it next wk instead",
    "Actually I go home to Romania for Christmas from Friday, please don't send nothing until I come back in January",
])
def test_managing_check_ins_inside_one_in_lay_words(text: str) -> None:
    assert decide(said(text, "checkin_answer", active_loop="checkin_form", checkins_agreed=True)) == \
        "action_checkin_manage"


@pytest.mark.parametrize("text", ["yes, all of it", "yeah delete it", "Yes, I confirm."])
def test_a_confirmation_straight_after_a_deletion_is_one(text: str) -> None:
    assert decide(said(text, "affirm", just_deleted=True)) == "utter_deleted_already"


def test_a_new_complaint_after_a_deletion_starts_the_intake() -> None:
    assert decide(said("yes my knee hurts now", "describe", just_deleted=True,
                       mentions=(Mention("region", "knee_front"),))) != "utter_deleted_already"


@pytest.mark.parametrize(("text", "intent", "action"), [
    ("Can you show me something other than those?", "nlu_fallback", "action_next_candidate"),
    ("Hmm, I don't think that's it, I already massage my neck a lot. Any others?", "deny", "action_next_candidate"),
    ("Oh interesting. Why those ones though? I'd have thought it was a neck thing", "nlu_fallback",
     "action_explain_why"),
    ("ok but is it safe if I'm pregnant? 24 wks", "ask_caution", None),
    ("Yes but what is trigger point? I don't understand this", "ask_trigger_point", None),
    ("ok maybe later, no for now", "deny", "action_offer_checkin"),
])
def test_replies_to_the_coaching_offer_in_other_words(text: str, intent: str, action: str | None) -> None:
    assert decide(said(text, intent, awaiting="coach_offer")) == action


@pytest.mark.parametrize("text", ["tbh I'd rather a physio looked at it properly", "ok might see a physio then"])
def test_asking_for_a_person_in_other_words(text: str) -> None:
    assert decide(said(text, "inform", awaiting="coach_offer")) == "action_refer_professional"


def test_words_that_cannot_be_about_the_bot_are_not_a_question_about_it() -> None:
    assert decide(said("Now we're talking, 6", "bot_challenge", awaiting="pressure")) == "action_pressure_feedback"


@pytest.mark.parametrize("text", ["good", "Thank you 🎹", "gg", "Ta-ra", "Nope, that's it. Have a good one"])
def test_short_thanks_to_anything_else_close(text: str) -> None:
    assert decide(said(text, "nlu_fallback", awaiting="anything_else")) == "utter_goodbye"


def test_thanks_alone_to_an_offer_is_no_yes() -> None:
    assert decide(said("ok thx", "thank", awaiting="coach_offer")) == "action_offer_checkin"
    assert decide(said("ok ty", "thank", awaiting="checkin_offer")) == "action_decline_checkins"
    assert decide(said("yes please, thanks", "affirm", awaiting="coach_offer")) == "action_coach_massage"


def test_a_question_about_the_advice_after_a_see_a_doctor_message_is_answered() -> None:
    assert decide(said("what's a trigger point?", "ask_trigger_point", triage="see_doctor")) is None


@pytest.mark.parametrize("text", ["omg yes thats it 6", "ahh right there", "That is about 5 now and it feels good"])
def test_pressing_talk_after_the_hold_is_answered_before_the_checkin_offer(text: str) -> None:
    after_hold = said(text, "affirm", awaiting="checkin_offer", coached=True)
    assert decide(after_hold) == "action_pressure_feedback"
    assert decide(said("yes please, check in on me", "affirm", awaiting="checkin_offer", coached=True)) == (
        "action_schedule_checkin")


def test_after_a_stop_sign_going_on_with_the_same_muscle_is_still_pressure() -> None:
    moved = said("ok moved a bit, now just a good ache, 6", "describe", awaiting="anything_else",
                 coaching_open=True)
    assert decide(moved) == "action_pressure_feedback"
    done = said("no thanks, that's all", "deny", awaiting="anything_else", coaching_open=True)
    assert decide(done) == "utter_goodbye"


def test_a_delay_after_being_told_to_get_help_today_hears_it_again() -> None:
    later = said("ok, I'll see the GP tomorrow", "goodbye", triage="urgent")
    assert decide(later) == "utter_triage_reminder_urgent"
    going = said("right, cheers, I'll head to the GP", "thank", triage="urgent")
    assert decide(going) != "utter_triage_reminder_urgent"


def test_stopping_the_checkins_in_an_idiom_on_return_stops_them() -> None:
    back = said("hiya its me again, can u knock the check in thingys on the head", "session_resumed",
                checkins_agreed=True)
    assert decide(back) == "action_checkin_manage"


@pytest.mark.parametrize(("text", "awaiting", "action"), [
    ("sí!", "checkin_offer", "action_schedule_checkin"),
    ("non, c'est tout, merci!", "anything_else", "utter_goodbye"),
])
def test_courtesies_in_another_language_are_understood(text: str, awaiting: str, action: str) -> None:
    assert decide(said(text, "non_english", awaiting=awaiting)) == action


def test_a_stop_sign_that_has_passed_is_no_stop_sign() -> None:
    from bot.nlp.replies import read_pressure
    from core.types import Pressure

    assert read_pressure("let go, tingling's gone. moved up a bit and it's a solid 5").direction is Pressure.GOOD
    assert read_pressure("the numbness went away, now about a 6").direction is Pressure.GOOD
    assert read_pressure("ow, tingling down my arm").direction is Pressure.STOP


def test_a_farewell_to_a_pending_offer_and_another_muscle_despite_a_physio() -> None:
    assert decide(said("Merci beaucoup, bonne soirée", "nlu_fallback", awaiting="coach_offer")) == "utter_goodbye"
    assert decide(said("no thanks", "deny", awaiting="coach_offer")) == "action_stretch_only"
    physio = said("I've already worked on those with my physio, that's not it", "ask_professional",
                  awaiting="coach_offer")
    assert decide(physio) == "action_next_candidate"


def test_round_six_answers_in_context() -> None:
    # a second closing after the goodbye: a short "you're welcome", not the goodbye again
    assert decide(said("ta, bye now", "goodbye", previous_action="utter_goodbye")) == "utter_thank"
    # a hello with small talk and nothing about the pain
    assert decide(said("Good morning! My daughter put this app on my phone", "out_of_scope")) == "utter_greet"
    assert decide(said("Good morning, my neck is stiff", "describe",
                       mentions=(Mention("region", "neck_back"),))) != "utter_greet"
    # a diagnosis question and a safety question, whatever the classifier heard
    assert decide(said("could it be a trapped nerve?", "ask_why", awaiting="coach_offer")) == "utter_no_diagnosis"
    assert decide(said("I'm on warfarin, is massage ok?", "ask_how_massage")) == "action_answer_caution"
    # putting the check-in off inside it
    assert decide(said("bad time sorry, ask me later", "checkin_answer", active_loop="checkin_form")) == \
        "action_checkin_manage"


def test_where_the_tool_was_moved_is_no_new_pain() -> None:
    moved = said("slid it a little higher up the forearm, a nice 5 now", "describe", awaiting="anything_else",
                 coaching_open=True, coached=True,
                 mentions=(Mention("region", "forearm_back"), Mention("intensity", "5")))
    assert decide(moved) == "action_pressure_feedback"
    assert said("my shin hurts too now, a 6", mentions=(Mention("region", "shin"), Mention("intensity", "6")),
                coaching_open=True).new_pain_place


def test_asking_for_the_massage_after_a_referral() -> None:
    wants = said("fine, but while I wait for the physio I'd like to do the massage", "ask_professional")
    assert decide(wants) == "action_coach_massage"
    assert decide(said("I don't want to massage it, I'll wait for the physio", "ask_professional")) != \
        "action_coach_massage"


def test_a_check_up_said_to_a_safety_question_is_its_answer() -> None:
    answer = said("no, none of that, the GP gave me a full check-up last month", "checkin_start", awaiting="screening")
    assert decide(answer) == "action_screen"
    assert decide(said("can you check in on me next week?", "checkin_start")) == "action_schedule_checkin"


def test_check_ins_answered_and_declined_in_words() -> None:
    offer = {"awaiting": "checkin_offer", "coached": True}
    assert decide(said("check ins, sure", "checkin_start", **offer)) == "action_schedule_checkin"
    assert decide(said("no check-ins, I'll come back if I need to", "checkin_manage", awaiting="anything_else",
                       checkins_agreed=True)) != "action_checkin_manage"
    assert decide(said("much easier now, I don't need the reminders any more", "checkin_answer",
                       checkins_agreed=True)) == "action_checkin_manage"
