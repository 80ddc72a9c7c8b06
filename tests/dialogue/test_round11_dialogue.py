"""Dialogue classes found by blind conversation set 16 (round 11): check-in answers and requests in text-speak
or inside a check-in, acknowledgements with nothing asked, answers decided after a doubt. Each with wordings of
our own and what must stay as it was."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.decide import decide
from bot.nlp.replies import (
    Answer,
    asks_about_medicines,
    asks_why_these,
    is_closing,
    only_acknowledges,
    read_checkin_action,
    read_helped,
    read_offer_reply,
    read_trend,
    says_nothing_new,
    wants_other_muscle,
    wants_stretch_instead,
)
from bot.nlp.when import requested_checkin_days
from tests.support.situations import said

MONDAY = date(2026, 11, 30)


# --- check-in answers typed fast ---------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "trend"), [("bit btr", "better"), ("loads betta ta", "better"),
                                              ("a lil wrse tbh", "worse"), ("bit beter i think", "better")])
def test_the_trend_in_text_speak(text: str, trend: str) -> None:
    assert read_trend(text) == trend


@pytest.mark.parametrize("text", ["ye it helpd", "the ball thing hlpd a bit"])
def test_helped_in_text_speak(text: str) -> None:
    assert read_helped(text) is Answer.YES


@pytest.mark.parametrize("text", ["nah nothin new", "nuthin new mate", "no nothink new"])
def test_nothing_new_in_text_speak(text: str) -> None:
    assert says_nothing_new(text)


# --- managing the check-ins inside one ------------------------------------------------------------------
@pytest.mark.parametrize("text", ["pls stop these messages, my physio has it in hand now",
                                  "You can stop them now thanks, the GP has referred me"])
def test_a_stop_inside_a_check_in_wins_over_what_else_the_classifier_heard(text: str) -> None:
    assert decide(said(text, "ask_professional", 0.95, active_loop="checkin_form", checkins_agreed=True)) == \
        "action_checkin_manage"


@pytest.mark.parametrize(("text", "days"), [("could u do it tues 8th instead", 8.0),
                                            ("make it Friday the 11th please", 11.0),
                                            ("away from wednesday, home on the 20th", 20.0),
                                            ("pause till the 15th, we leave on saturday", 15.0)])
def test_the_day_asked_for_with_its_weekday_or_a_return(text: str, days: float) -> None:
    assert requested_checkin_days(text, MONDAY) == days


def test_a_weekday_alone_is_still_read() -> None:
    assert requested_checkin_days("next monday please", MONDAY) == 7.0
    assert requested_checkin_days("saturday at 10am", MONDAY) == 5.0


@pytest.mark.parametrize(("text", "action"), [
    ("could u do it tues 8th instead, im on earlies", "reschedule"),
    ("can you put them on hold? off to my sister's, back on the 19th", "pause"),
    ("turn them back on please", "resume"),
])
def test_check_in_requests(text: str, action: str) -> None:
    assert read_checkin_action(text) == action


def test_a_move_asked_inside_a_check_in_is_done() -> None:
    assert decide(said("can u do it wed 9th instead im working", "nlu_fallback", 0.3, active_loop="checkin_form",
                       checkins_agreed=True)) == "action_checkin_manage"


def test_no_email_but_another_day_moves_the_first_check_in() -> None:
    assert decide(said("No email thanks. Could you make the first one Friday the 11th instead?", "deny",
                       awaiting="email", checkins_agreed=True)) == "action_checkin_manage"


# --- answers decided after a doubt, and answers that are no answer --------------------------------------
def test_a_yes_after_a_doubt() -> None:
    assert read_offer_reply("Not sure I need them... ah go on then, why not.") is Answer.YES
    assert decide(said("Hmm, not sure about check-ins... oh go on then.", "checkin_manage",
                       awaiting="checkin_offer", coached=True)) == "action_schedule_checkin"


def test_passing_the_messages_on_is_no_refusal() -> None:
    assert decide(said("Yes please, she'd like them. I'll pass them on to her.", "checkin_manage",
                       awaiting="checkin_offer", coached=True)) == "action_schedule_checkin"
    assert read_offer_reply("no thanks, I'll pass") is Answer.NO


def test_a_no_to_the_offer_heard_as_asking_for_a_professional_declines() -> None:
    assert decide(said("Not right now thanks, I've enough appointments as it is.", "ask_professional",
                       awaiting="checkin_offer", coached=True)) == "action_decline_checkins"
    assert decide(said("I'd rather see a physio about it", "ask_professional", awaiting="checkin_offer",
                       coached=True)) == "action_refer_professional"  # a real request


def test_massage_tomorrow_is_no_massage_now() -> None:
    assert decide(said("Thanks, that's clear. I'll leave it for today and try the massage tomorrow.",
                       awaiting="checkin_offer", coached=False)) == "action_decline_checkins"
    assert read_offer_reply("I'll try the massage tomorrow when I have time") is not Answer.YES


def test_thinking_it_over_at_the_coaching_offer_is_no_coaching() -> None:
    assert decide(said("I'll sleep on it and come back to it, thanks.", "deny",
                       awaiting="coach_offer")) == "action_offer_checkin"


@pytest.mark.parametrize("text", ["Fine let's do the first one", "alright then let's try it"])
def test_taking_up_the_offer_after_a_word_of_assent(text: str) -> None:
    assert decide(said(text, "ask_why", awaiting="coach_offer")) == "action_coach_massage"


@pytest.mark.parametrize("text", ["I don't think that one's it. Might it be another muscle?",
                                  "could it be something else?"])
def test_not_that_one_in_other_words(text: str) -> None:
    assert wants_other_muscle(text)


@pytest.mark.parametrize("text", ["y calf? it's my heel", "y my neck tho?"])
def test_why_that_place_in_text_speak(text: str) -> None:
    assert asks_why_these(text)
    assert decide(said(text, "affirm", awaiting="coach_offer")) == "action_explain_why"


def test_a_bare_y_still_says_yes() -> None:
    assert decide(said("y", "affirm", awaiting="coach_offer")) == "action_coach_massage"
    assert not asks_why_these("why not?")


@pytest.mark.parametrize("text", ["dunno if i wanna press on it, anything else i can do?",
                                  "what else could I do other than massaging it"])
def test_something_other_than_pressing(text: str) -> None:
    assert wants_stretch_instead(text)


# --- acknowledgements and goodbyes ----------------------------------------------------------------------
@pytest.mark.parametrize("text", ["👍", "🙏🙏", "ok", "right"])
def test_an_acknowledgement_with_nothing_asked(text: str) -> None:
    assert only_acknowledges(text)
    assert decide(said(text, "affirm", previous_action="utter_checkins_resumed")) in ("utter_thank", "utter_goodbye")


@pytest.mark.parametrize("text", ["ok?", "yes", "👍 but it hurts", "my neck"])
def test_no_acknowledgement_only(text: str) -> None:
    assert not only_acknowledges(text)


def test_an_acknowledgement_after_urgent_advice_hears_it_again() -> None:
    assert decide(said("ok", "affirm", triage="urgent")) == "utter_triage_reminder_urgent"
    assert decide(said("👍", "affirm", triage="emergency")) == "utter_emergency_reminder"


@pytest.mark.parametrize("text", ["Thanks. I'll have a word with the practice nurse instead.",
                                  "kids up gotta go x", "he's calling me, bye"])
def test_leaving_in_other_words(text: str) -> None:
    assert is_closing(text)


def test_small_talk_with_pain_news_is_no_goodbye() -> None:
    assert not is_closing("my knee is worse bye")


# --- questions about medicines ------------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["Quick one: should I take my water tablets before or after breakfast?",
                                  "how much paracetamol can she have in a day?",
                                  "can I take co-codamol as well?"])
def test_a_medicine_question_goes_to_the_pharmacist(text: str) -> None:
    assert asks_about_medicines(text)
    assert decide(said(text, "nlu_fallback", 0.3, awaiting="coach_offer")) == "utter_medicines"


@pytest.mark.parametrize("text", ["I'm on apixaban, can I still do the massage?", "been taking ibuprofen, helps a bit",
                                  "I take tablets for my blood pressure."])
def test_no_medicine_question(text: str) -> None:
    assert not asks_about_medicines(text)


# --- a number said after the intake -------------------------------------------------------------------------
def _score_after(messages: list[tuple[str | None, str]]) -> str | None:
    from bot.dialogue.facts import intake_slots
    from bot.dialogue.state import MENTIONS_KEY, read_state
    from bot.engine.knowledge import knowledge
    from bot.nlp.extract import mentions_from_text

    events: list[dict[str, object]] = []
    for awaiting, text in messages:
        events.append({"event": "slot", "name": "awaiting", "value": awaiting})
        events.append({"event": "user", "text": text, "parse_data": {"intent": {"name": "describe"}, MENTIONS_KEY: [
            m.to_dict() for m in mentions_from_text(text, knowledge().sided_regions, bare_intensity=True)]}})
    return intake_slots(read_state(events).intake_report()).get("pain_intensity")


def test_a_pressure_number_at_the_coaching_offer_keeps_the_pains_score() -> None:
    assert _score_after([(None, "left calf, tight, about a 4, two weeks, after running"),
                         ("coach_offer", "ooh that's an 8, too much")]) == "4"


def test_a_new_description_after_the_suggestions_still_counts() -> None:
    assert _score_after([(None, "left calf, tight, about a 4, two weeks, after running"),
                         ("anything_else", "my right knee aches too, about a 6")]) == "6"


# --- an intent the words cannot mean is never acted on ----------------------------------------------------
def test_a_question_heard_as_a_deletion_deletes_nothing() -> None:
    action = decide(said("is it my shin? my sister said it might be my shin", "delete_data", 0.52,
                         awaiting="coach_offer"))
    assert action not in (None, "action_delete_data")
    assert decide(said("is it my shin?", "delete_data", 0.52, awaiting="coach_offer")) == "action_explain_why"


def test_a_distrusted_intent_with_nothing_else_to_do_is_met_as_unclear() -> None:
    assert decide(said("the blue one on the left", "delete_data", 0.5)) == "action_rephrase"
    assert decide(said("wipe everything you have on me", "delete_data", 0.9)) == "action_delete_data"


def test_leaving_for_help_after_an_emergency_hears_go_now() -> None:
    # going now is acknowledged (round 12: "Good, please do that straight away"); later is reminded
    assert decide(said("ok, my daughter is ringing 999 now", "goodbye", triage="emergency")) == \
        "utter_emergency_goodbye"
    assert decide(said("thanks, I'll call them in the morning", "thank", triage="emergency",
                       previous_action="utter_emergency_reminder")) == "utter_emergency_reminder_again"
    assert decide(said("thanks, calling the gp now", "thank", triage="see_doctor")) == "utter_goodbye"


def test_a_pause_until_told_stays_a_pause() -> None:
    from bot.nlp.when import return_day_days

    assert return_day_days("pause them till I tell you, I have my operation on Friday", MONDAY) is None
    assert return_day_days("put them on hold, we're back on the 19th", MONDAY) == 19.0
    assert return_day_days("off for 2 weeks, pause til im back", MONDAY) is None


@pytest.mark.parametrize(("text", "expected"), [("7 8", 7), ("about 5 6", 5)])
def test_a_range_typed_without_its_dash(text: str, expected: int) -> None:
    from bot.nlp.numbers import parse_intensity

    found = parse_intensity(text, bare_number_ok=True)
    assert found is not None and found[0] == expected


def test_fair_enough_then_a_yes() -> None:
    assert decide(said("fair enough, go on", "affirm", awaiting="coach_offer")) == "action_coach_massage"
    assert decide(said("fair enough go on then", "affirm", awaiting="coach_offer")) == "action_coach_massage"


def test_where_the_pressing_sends_the_feeling_asks_no_safety_question() -> None:
    text = "easier now, a 6, and it kind of spreads up into my ear, not unpleasant"
    assert decide(said(text, "pressure_feedback", awaiting="pressure", coaching_open=True, coached=True,
                       concern_due=True)) == "action_pressure_feedback"
    assert decide(said("my arm has gone numb and heavy", "describe", awaiting="pressure", coaching_open=True,
                       coached=True, concern_due=True)) == "action_screen"


@pytest.mark.parametrize(("text", "expected"), [("bit better 4", "4"), ("worse, 7 today", "7"), ("same", None),
                                                ("better since the 3rd", None), ("better 12 hours a day", None)])
def test_a_number_with_the_trend_is_the_pain_now(text: str, expected: str | None) -> None:
    from bot.dialogue.facts import _number_with_the_trend

    assert _number_with_the_trend(text) == expected


def test_where_the_pressing_sends_the_feeling_just_after_the_hold_is_pressure_talk() -> None:
    text = "lighter now, a 5, and it spreads up towards my ear, nice"
    assert decide(said(text, "checkin_answer", awaiting="checkin_offer", coached=True)) == "action_pressure_feedback"


@pytest.mark.parametrize("text", ["I'm on apixaban since my stroke, is pressing ok",
                                  "is it ok for a 14 yr old to do this", "she's 90, would massage be alright"])
def test_a_caution_question_in_a_later_clause_or_about_age(text: str) -> None:
    from bot.nlp.replies import asks_if_massage_is_safe

    assert asks_if_massage_is_safe(text)


def test_a_statement_about_a_medicine_asks_nothing() -> None:
    from bot.nlp.replies import asks_if_massage_is_safe

    assert not asks_if_massage_is_safe("I take warfarin and my INR is fine")


def test_an_answer_to_the_check_in_question_before_is_noted_and_the_question_asked_again() -> None:
    assert decide(said("Yes, the stretch helped I think", "ask_stretch", 0.9, active_loop="checkin_form",
                       requested_slot="checkin_news", loop_rejected=True, checkins_agreed=True)) == \
        "action_ask_checkin_news"


def test_a_pause_asked_while_the_email_is_asked_is_done() -> None:
    text = "Oh wait, I'm in hospital next week. Can you pause them until I let you know?"
    assert decide(said(text, "checkin_manage", awaiting="email", checkins_agreed=True)) == "action_checkin_manage"
    assert decide(said("no email thanks", "deny", awaiting="email", checkins_agreed=True)) == "action_no_email"


def test_what_this_trigger_point_is_is_no_diagnosis_question() -> None:
    from bot.nlp.replies import asks_for_a_diagnosis

    assert not asks_for_a_diagnosis("what is this trigger point? is it like a knot?")
    assert asks_for_a_diagnosis("what is it then, arthritis?")


def test_keeping_nothing_is_a_deletion() -> None:
    from bot.nlp.replies import wants_deletion

    assert wants_deletion("actually I'd rather you didn't keep any of this")
    assert wants_deletion("please don't store my details")
    assert not wants_deletion("don't keep pressing if it's sharp?")


@pytest.mark.parametrize("text", ["scrap the check-ins, I'll come back if I need to", "ditch the check ins pls"])
def test_scrapping_the_check_ins_stops_them(text: str) -> None:
    assert decide(said(text, "checkin_manage", checkins_agreed=True, awaiting="anything_else")) == \
        "action_checkin_manage"


def test_skipping_the_offered_check_ins_declines_them() -> None:
    assert decide(said("I'll skip the check-ins, work is mad", "checkin_manage", awaiting="checkin_offer",
                       coached=True)) == "action_decline_checkins"


def test_a_first_alright_is_a_hello() -> None:
    assert decide(said("alright", "greet")) == "utter_greet"
    assert decide(said("alright", "affirm", previous_action="utter_checkins_resumed")) == "utter_goodbye"


def test_getting_seen_closes() -> None:
    assert is_closing("right, will get seen today then")
    assert is_closing("ok I'll be seen at the walk in")


def test_trying_the_advice_is_no_yes_to_check_ins() -> None:
    assert decide(said("ok I'll give that a go", "affirm", awaiting="checkin_offer")) == "action_offer_checkin"
    assert decide(said("ok I'll try it, and yes check in on me", "affirm", awaiting="checkin_offer")) == \
        "action_schedule_checkin"


def test_a_massage_question_after_urgent_advice_hears_the_advice() -> None:
    assert decide(said("but can I rub it tonight? I've got work", "ask_caution", 0.5, triage="urgent")) == \
        "utter_triage_reminder_urgent"


def test_self_care_named_then_did_is_helped() -> None:
    assert read_helped("the ball rolling did, a bit") is Answer.YES
    assert read_helped("the stretches didn't") is not Answer.YES


def test_going_to_a_physio_is_asking_for_one() -> None:
    from bot.nlp.replies import wants_professional

    assert wants_professional("maybe I should go to a physio instead?")
    assert read_checkin_action("not this week, the one after") == "reschedule"


@pytest.mark.parametrize(("text", "direction"), [("decent now", "good"), ("whoa easy", "less"), ("thats grim", "less"),
                                                 ("meh", "more")])
def test_pressure_in_a_word(text: str, direction: str) -> None:
    from bot.nlp.replies import read_pressure

    assert read_pressure(text).direction.value == direction


def test_scrapping_check_ins_is_a_stop_command() -> None:
    assert read_checkin_action("actually no, scrap the check-ins") == "stop"


def test_asking_what_to_do_meanwhile_after_see_a_doctor_suggestions_gets_the_stretch() -> None:
    assert decide(said("ok will ring them tomorrow. anything i can do meantime", "ask_caution", triage="see_doctor",
                       previous_action="action_suggest_muscles")) == "action_stretch_only"


def test_caution_asked_mid_sentence_and_a_non_native_statement() -> None:
    from bot.nlp.replies import asks_if_massage_is_safe

    assert asks_if_massage_is_safe("before we begin is it safe, I'm on rivaroxaban")
    assert not asks_if_massage_is_safe("Is like tight, 5 of 10. The click is since I am teenager, dentist say is ok.")


def test_is_it_even_a_muscle_thing_is_answered_plainly() -> None:
    from bot.nlp.replies import asks_for_a_diagnosis

    assert asks_for_a_diagnosis("is this even a muscle thing??")


# --- set 17, after its score -------------------------------------------------------------------------------
def test_a_later_restart_is_no_resume_now() -> None:
    assert read_checkin_action("please don't message me for now. You can start again after 15 December") == "pause"
    assert read_checkin_action("you can start again now, I'm back") == "resume"


def test_you_can_stop_these_inside_a_check_in() -> None:
    assert decide(said("all fine now, you can stop these", "checkin_answer", active_loop="checkin_form",
                       checkins_agreed=True)) == "action_checkin_manage"


def test_a_hello_again_that_stops_the_messages_is_no_fresh_start() -> None:
    text = "Hello again. My shoulder is fine now. No need for you to keep messaging me, if that is okay"
    assert decide(said(text, "greet", previous_action="utter_goodbye", awaiting="anything_else",
                       checkins_agreed=True)) == "action_checkin_manage"


def test_a_hello_again_with_a_new_place_is_news_not_a_fresh_start() -> None:
    from core.types import Mention

    thigh = (Mention(kind="region", value="thigh_front", text="thigh", side="right"),)
    action = decide(said("Hiya, me again. Back is grand now but it's the front of me right thigh that's at me",
                         "greet", previous_action="utter_goodbye", awaiting="anything_else", mentions=thigh))
    assert action != "action_checkin_resume"
