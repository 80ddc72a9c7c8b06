"""Dialogue classes found by blind conversation set 20 (round 13): advice acknowledged while a safety question was
still pending, a see-a-doctor flag said instead of an answer, check-ins moved rather than stopped, offers taken up
after a courtesy, a pressure called "not too much", a professional asked for in other words, a first message that
sounds like a check-in command, and one-word or long answers to "what makes it worse?". Wordings of our own, with
what must stay as it was."""

from __future__ import annotations

from typing import Any

import pytest

from bot.dialogue.decide import decide
from bot.dialogue.state import UserTurn, read_state
from bot.nlp.replies import Answer, read_checkin_action, read_offer_reply, read_pressure, wants_professional
from core.types import Mention, Pressure
from tests.dialogue.test_state import NECK, slot, user
from tests.support.situations import said


# --- advice acknowledged is no "yes" to the safety question asked before it ------------------------------------
@pytest.mark.parametrize("text", ["Right. I'll ring the surgery in the morning. Thanks.",
                                  "ok, I go to doctor. thank you",
                                  "alright I will book in with the GP tomorrow",
                                  "okay, I'm going to call them first thing"])
def test_acknowledging_advice_with_a_plan_to_be_seen_is_no_yes(text: str) -> None:
    assert UserTurn(text=text, intent="affirm", mentions=(), asked="chest_pressure").answer is None


@pytest.mark.parametrize("text", ["right, yes, it does feel tight in my chest", "ok yes I will say it is",
                                  "yes", "right, it is"])
def test_a_yes_after_an_acknowledgement_still_counts(text: str) -> None:
    assert UserTurn(text=text, intent="affirm", mentions=(), asked="chest_pressure").answer is Answer.YES


def test_unsure_of_how_long_is_not_unsure_of_the_safety_question() -> None:
    since = Mention("duration", "7", "since last week")
    turn = UserTurn(text="not sure, maybe since last week", intent="dont_know", mentions=(since,),
                    asked="saddle_numbness")
    assert turn.answer is None
    plain = UserTurn(text="not sure", intent="dont_know", mentions=(), asked="saddle_numbness")
    assert plain.answer is Answer.UNSURE


# --- check-ins moved, not stopped; taken up in few words ----------------------------------------------------
@pytest.mark.parametrize("text", ["Can't do this now, it's quarter-end. Move it to next week please.",
                                  "cant talk, postpone it to monday",
                                  "no time today, could you push it back a week"])
def test_asking_for_another_day_moves_the_checkin(text: str) -> None:
    assert read_checkin_action(text) == "reschedule"


@pytest.mark.parametrize("text", ["please end the check-ins", "stop them now"])
def test_ending_them_still_stops(text: str) -> None:
    assert read_checkin_action(text) == "stop"


@pytest.mark.parametrize("text", ["Fine, check in.", "alright, check in on me then"])
def test_a_checkin_command_answering_the_offer_schedules(text: str) -> None:
    assert decide(said(text, "checkin_start", 0.9, awaiting="checkin_offer")) == "action_schedule_checkin"


def test_a_refusal_with_checkin_words_still_declines() -> None:
    assert decide(said("no check in thanks", "checkin_manage", 0.9, awaiting="checkin_offer")) == \
        "action_decline_checkins"


# --- offers taken up after a courtesy; pressure "not too much" ------------------------------------------------
@pytest.mark.parametrize("text", ["Thank you. Then yes, I'd like to try it very gently.",
                                  "thanks for that. in that case yes please", "ta. then yes, go on"])
def test_a_yes_after_thanks_takes_up_the_offer(text: str) -> None:
    assert read_offer_reply(text) is Answer.YES
    assert decide(said(text, "thank", 0.9, awaiting="coach_offer")) == "action_coach_massage"


def test_then_no_is_still_a_no() -> None:
    assert read_offer_reply("thanks. then no, I'd rather not") is Answer.NO


@pytest.mark.parametrize("text", ["now yes, is good, not too much", "feels right, not too hard",
                                  "good, it isn't too sore"])
def test_too_much_denied_is_good(text: str) -> None:
    assert read_pressure(text).direction is Pressure.GOOD


def test_too_much_said_is_still_less() -> None:
    assert read_pressure("that's too much").direction is Pressure.LESS


# --- a professional asked for in other words -------------------------------------------------------------------
@pytest.mark.parametrize("text", ["Can I see someone who does this properly?", "can u just send me to a physio",
                                  "I'd want somebody who knows what they're doing"])
def test_asking_for_someone_who_knows_is_a_referral(text: str) -> None:
    assert wants_professional(text)


@pytest.mark.parametrize("text", ["send me the link to the stretches", "my physio showed me this one"])
def test_other_words_are_no_referral(text: str) -> None:
    assert not wants_professional(text)


# --- a first message heard as a check-in command ---------------------------------------------------------------
def test_a_pain_heard_as_a_checkin_command_starts_the_intake() -> None:
    shins = (Mention("region", "shin", "shins"),)
    assert decide(said("shins r killin me", "checkin_manage", 0.8, mentions=shins)) == "intake_form"


def test_a_pain_with_checkin_words_keeps_the_command() -> None:
    knee = (Mention("region", "knee_front", "knee"),)
    assert decide(said("knee still sore, pause the check-ins please", "checkin_manage", 0.9, mentions=knee,
                       checkins_agreed=True)) != "intake_form"


# --- answers to "what makes it worse?" in one word or many ----------------------------------------------------
def _asked_trigger() -> list[dict[str, Any]]:
    return [{"event": "active_loop", "name": "intake_form"}, slot("requested_slot", "pain_trigger")]


@pytest.mark.parametrize("text", ["bouldering", "ceilings", "tamping.",
                                  "tossing pans and gripping the knife all night, prep is the worst"])
def test_one_word_or_a_long_answer_answers_what_makes_it_worse(text: str) -> None:
    state = read_state([user("neck ache", NECK), *_asked_trigger(), user(text, intent="inform")])
    assert "pain_trigger" in state.answers_in_words()


@pytest.mark.parametrize("text", ["more", "sorry", "what", "ok", "Good"])
def test_a_reply_word_is_no_answer_to_what_makes_it_worse(text: str) -> None:
    state = read_state([user("neck ache", NECK), *_asked_trigger(), user(text, intent="inform")])
    assert state.answers_in_words() == {}


# --- a carer doing the massage; the email declined in words that sound like a check-in command ---------------
@pytest.mark.parametrize("text", ["Can I do the massage for him rather than him doing it himself?",
                                  "could I press on it for my husband? his hands are bad"])
def test_a_carer_asking_to_do_it_is_coached(text: str) -> None:
    assert decide(said(text, "ask_stretch", 0.8, awaiting="coach_offer")) == "action_coach_massage"


def test_massaging_one_place_rather_than_another_still_asks_why() -> None:
    assert decide(said("so I rub my forearm rather than my fingers?", "nlu_fallback", 0.5,
                       awaiting="coach_offer")) == "action_explain_why"


@pytest.mark.parametrize("text", ["No reminder email needed. That's all, thank you.", "no email for the reminders"])
def test_declining_the_email_in_checkin_words_answers_the_email_question(text: str) -> None:
    assert decide(said(text, "checkin_manage", 0.9, awaiting="email", checkins_agreed=True)) == "action_no_email"


# --- what it feels like told by a likeness before it was asked -------------------------------------------------
@pytest.mark.parametrize("text", ["both my shoulders are like concrete by Saturday",
                                  "my heel feels like stepping on a nail first thing",
                                  "the knee aches like a bad tooth"])
def test_a_likeness_said_unasked_is_what_it_feels_like(text: str) -> None:
    state = read_state([user(text, NECK)])
    assert "pain_quality" in state.answers_in_words()


@pytest.mark.parametrize("text", ["neck hurts, like a 4", "it feels like it's getting worse",
                                  "neck is like 3 weeks now", "my neck, like I said"])
def test_numbers_and_changes_are_no_likeness(text: str) -> None:
    state = read_state([user(text, NECK)])
    assert "pain_quality" not in state.answers_in_words()


# --- a message that opens with who it is about ------------------------------------------------------------------
def test_a_message_opening_with_the_relative_is_about_them(knowledge: Any) -> None:
    from bot.dialogue.patient import writes_for_someone_else
    from bot.nlp.extract import mentions_from_text

    def reading(text: str) -> bool:
        return writes_for_someone_else([(text, mentions_from_text(text, knowledge.sided_regions))])

    assert reading("Dad (87) fell in the garden and his hip is agony. He wants me to rub it with cream.")
    assert reading("Mum can't lift her arm above her shoulder since Sunday")
    assert not reading("Dad says my neck posture is bad and my neck aches")


def test_fingers_tingling_while_pressing_is_the_tool_on_a_nerve() -> None:
    from bot.dialogue.state import _pressed_nerve

    tingling = Mention("finding", "finger_numbness_recurring", "my fingers keep tingling")
    assert _pressed_nerve(tingling, "my fingers keep tingling when I press")
    assert not _pressed_nerve(Mention("finding", "finger_numbness_recurring", "my fingers keep going weak"))


# --- a question answered with other facts is asked once more ----------------------------------------------------
def _asked_strength() -> list[dict[str, Any]]:
    return [{"event": "active_loop", "name": "intake_form"}, slot("requested_slot", "pain_intensity")]


def test_a_question_answered_with_other_facts_is_asked_once_more() -> None:
    month = Mention("duration", "30", "about a month")
    laptop = Mention("activity", "computer_work", "laptop")
    events = [user("tight band across my forehead", NECK), *_asked_strength(),
              user("worse the longer I stare at my laptop", laptop), *_asked_strength(),
              user("about a month", month)]
    assert "pain_intensity" not in read_state(events).unknown_answers()
    third = [*events, *_asked_strength(), user("it comes in the afternoons", Mention("timing", "afternoon"))]
    assert "pain_intensity" in read_state(third).unknown_answers()


def test_a_question_answered_with_nothing_twice_is_given_up() -> None:
    events = [user("neck ache", NECK), *_asked_strength(), user("hmm"), *_asked_strength(), user("well")]
    assert "pain_intensity" in read_state(events).unknown_answers()


def test_talk_of_the_pressing_after_coaching_is_no_new_complaint() -> None:
    events = [user("right side of my neck is stiff, 5", NECK, Mention("sensation", "stiff"),
                   Mention("intensity", "5")),
              {"event": "action", "name": "action_coach_massage"},
              user("it's probably just from pressing on the neck isn't it", Mention("region", "neck_back"),
                   Mention("sensation", "pressure", "pressing"))]
    state = read_state(events)
    assert not state.new_complaint
    assert state.intake_report().intensity == 5


def test_a_pain_heard_as_a_checkin_command_keeps_its_place() -> None:
    shins = Mention("region", "shin", "shins")
    state = read_state([user("shins r killin me", shins, intent="checkin_manage")])
    assert state.intake_report().regions == [("shin", None)]
    command = read_state([user("pause the check-ins, my shins are fine now", shins, intent="checkin_manage")])
    assert command.intake_report().regions == []


def test_a_hello_again_that_asks_for_deletion_deletes() -> None:
    text = "Hello again. I finish my course and go home next week, please delete all my data"
    assert decide(said(text, "delete_data", 0.9, previous_action="utter_goodbye", awaiting="anything_else")) == \
        "action_delete_data"
    assert decide(said("hello again!", "greet", 0.9, previous_action="utter_goodbye", awaiting="anything_else")) == \
        "action_checkin_resume"


@pytest.mark.parametrize("text", ["just give me something to do without the massage bit",
                                  "what can I do without massaging it"])
def test_something_to_do_without_the_massage_is_the_stretch(text: str) -> None:
    assert decide(said(text, "ask_how_massage", 0.8, awaiting="coach_offer")) == "action_stretch_only"


@pytest.mark.parametrize("text", ["omg yes pls", "ooh yess", "wow yes", "deffo"])
def test_excited_or_slang_yes_is_yes(text: str) -> None:
    assert read_offer_reply(text) is Answer.YES


def test_excited_no_is_no() -> None:
    assert read_offer_reply("omg no way") is Answer.NO


def test_asking_to_try_after_a_see_a_doctor_advice_hears_why_not_yet() -> None:
    situation = said("Yes please, let's try the first one", "ask_why", 0.8, triage="see_doctor",
                     previous_action="action_suggest_muscles")
    assert decide(situation) == "action_coach_massage"


@pytest.mark.parametrize(("text", "fact"), [("month. forkin silage", Mention("duration", "30", "month")),
                                            ("5, lifting patients all shift", Mention("intensity", "5", "5"))])
def test_a_doing_said_beside_the_answer_is_what_makes_it_worse(text: str, fact: Mention) -> None:
    slot_asked = "pain_duration" if fact.kind == "duration" else "pain_intensity"
    events = [user("arm ache", NECK), {"event": "active_loop", "name": "intake_form"},
              slot("requested_slot", slot_asked), user(text, fact)]
    assert "pain_trigger" in read_state(events).answers_in_words()


@pytest.mark.parametrize("text", ["month. getting worse", "5, throbbing"])
def test_a_feeling_beside_the_answer_is_no_cause(text: str) -> None:
    events = [user("arm ache", NECK), {"event": "active_loop", "name": "intake_form"},
              slot("requested_slot", "pain_duration"), user(text, Mention("duration", "30", "month"))]
    assert "pain_trigger" not in read_state(events).answers_in_words()


# --- set 19 dialogue classes -------------------------------------------------------------------------------------
def test_why_these_and_not_another_asks_why() -> None:
    text = "Why this muscles and not the one in the leg directly?"
    assert decide(said(text, "nlu_fallback", 0.5, awaiting="coach_offer")) == "action_explain_why"
    assert decide(said(text, "ask_why", 0.9, awaiting="coach_offer")) is None  # the rules explain


def test_not_that_one_still_asks_for_another() -> None:
    assert decide(said("not that one, what else could it be", "deny", awaiting="coach_offer")) == \
        "action_next_candidate"


@pytest.mark.parametrize("text", ["hi again, sorry! can we continue with the massage?",
                                  "back now, can we carry on with the pressing"])
def test_coming_back_to_carry_on_the_massage_resumes_it(text: str) -> None:
    assert decide(said(text, "session_resumed", 0.9, coached=True, previous_action="utter_goodbye",
                       awaiting="pressure")) == "action_coach_massage"


@pytest.mark.parametrize("text", ["THIS IS TOO MANY QUESTIONS I'LL COME BACK LATER",
                                  "got to run, I'll finish this later"])
def test_coming_back_later_is_leaving(text: str) -> None:
    from bot.nlp.replies import is_closing

    assert is_closing(text)


def test_coming_back_later_asked_is_no_leaving() -> None:
    from bot.nlp.replies import is_closing

    assert not is_closing("can I come back later?")


def test_having_a_go_myself_later_is_no_yes() -> None:
    text = "ok ill have a go myself later, cheers for the info"
    assert decide(said(text, "affirm", 0.9, awaiting="coach_offer")) != "action_coach_massage"


def test_a_side_said_to_another_question_is_a_fact_noted() -> None:
    both = (Mention("side", "both", "both"),)
    assert decide(said("both", "describe", 0.9, mentions=both, active_loop="intake_form", loop_rejected=True,
                       requested_slot="pain_quality")) == "action_ask_pain_quality"


def test_a_feeling_said_as_a_doing_beside_the_answer_is_no_cause() -> None:
    text = "It is a deep, nagging ache, perhaps a 4 on a bad day."
    events = [user("hip ache", NECK), {"event": "active_loop", "name": "intake_form"},
              slot("requested_slot", "pain_intensity"),
              user(text, Mention("intensity", "4", "4"), Mention("sensation", "nagging", "nagging ache"))]
    assert "pain_trigger" not in read_state(events).answers_in_words()


@pytest.mark.parametrize("text", ["THIS IS TOO MANY QUESTIONS I'LL COME BACK LATER",
                                  "Sorry, I have a meeting now, I write later"])
def test_leaving_to_come_back_during_the_intake_gets_the_goodbye(text: str) -> None:
    assert decide(said(text, "nlu_fallback", 0.3, active_loop="intake_form", loop_rejected=True,
                       requested_slot="pain_intensity")) == "utter_goodbye"


def test_a_pressure_word_the_intake_form_could_not_read_is_answered() -> None:
    """ "Pressing little bit. Comfortable" during the intake: the form found nothing in it, so the form must not be
    run again (it would reject again and the person would get no answer at all)."""
    pressing = (Mention("sensation", "pressure", "Pressing"),)
    situation = said("Pressing little bit. Comfortable", "pressure_feedback", 0.9, mentions=pressing,
                     active_loop="intake_form", loop_rejected=True, requested_slot="pain_duration")
    assert decide(situation) in ("action_ask_pain_duration", "action_rephrase")


@pytest.mark.parametrize("text", ["i no dey feel am well", "it only tickling, I eh feel it", "ok. mild only"])
def test_not_feeling_it_in_other_englishes_is_press_harder(text: str) -> None:
    assert read_pressure(text).direction is Pressure.MORE


def test_a_number_still_wins_over_mild() -> None:
    assert read_pressure("mild 5").direction is Pressure.GOOD
