"""Dialogue classes found by blind conversation set 18 (round 12): offers taken up in roundabout words, the
coaching declined for a person, check-ins stopped or moved in other words, the pressure at the top of a caution
band, leaving for help after an emergency. Each with wordings of our own and what must stay as it was."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.decide import decide
from bot.nlp.replies import (
    Answer,
    asks_if_massage_is_safe,
    find_email,
    goes_for_help_now,
    read_checkin_action,
    read_helped,
    read_offer_reply,
    read_pressure,
    wants_other_muscle,
    wants_professional,
)
from bot.nlp.when import requested_checkin_days
from core.types import Mention, Pressure
from tests.support.situations import said

MONDAY = date(2026, 11, 30)


# --- the coaching offer taken up, or turned down, in other words --------------------------------------------
@pytest.mark.parametrize("text", ["would you mind taking me through that first one please",
                                  "could you walk me thru it?", "go on, talk me through the neck one",
                                  "right, show me how then"])
def test_being_taken_through_it_is_a_yes(text: str) -> None:
    assert read_offer_reply(text) is Answer.YES
    assert decide(said(text, "ask_why", 0.7, awaiting="coach_offer")) == "action_coach_massage"


@pytest.mark.parametrize("text", ["don't take me through it, I'll read it myself",
                                  "walk me through it tomorrow maybe"])
def test_being_taken_through_it_later_or_not_is_no_yes(text: str) -> None:
    assert read_offer_reply(text) is not Answer.YES


@pytest.mark.parametrize("text", ["none of them ring a bell to be honest", "hmm none of those seem right"])
def test_none_of_the_suggestions_is_another_muscle(text: str) -> None:
    assert wants_other_muscle(text)
    assert decide(said(text, "deny", awaiting="coach_offer")) == "action_next_candidate"


def test_none_of_those_massages_is_no_other_muscle() -> None:
    assert not wants_other_muscle("none of those for me thanks")


def test_declining_and_asking_who_to_see_is_a_referral() -> None:
    text = "I'd sooner not press on it myself. Who ought I to see about it?"
    assert wants_professional(text)
    assert decide(said(text, "deny", awaiting="coach_offer")) == "action_refer_professional"


def test_a_carer_declining_the_massage_for_someone_gets_the_stretch() -> None:
    assert decide(said("she doesnt want massage, only stretches", "deny", awaiting="coach_offer")) == \
        "action_stretch_only"
    assert decide(said("she wants the massage", "affirm", awaiting="coach_offer")) == "action_coach_massage"


def test_asking_for_the_first_one_after_declining_starts_coaching() -> None:
    assert decide(said("oh go on then, show me the first one after all", "ask_why", 0.6,
                       awaiting="checkin_offer")) == "action_coach_massage"


@pytest.mark.parametrize("text", ["I've got lupus, is massage alright?", "is that okay with my tendinitis?"])
def test_a_condition_named_in_a_safety_question(text: str) -> None:
    assert asks_if_massage_is_safe(text)


# --- pressure at the top of a caution band ----------------------------------------------------------------
@pytest.mark.parametrize("text", ["went gentler, maybe a 5 now, nice", "a good 5, not too hard"])
def test_the_top_of_a_light_band_said_with_what_was_done_holds(text: str) -> None:
    assert read_pressure(text, band=(3, 5)).direction is Pressure.GOOD


def test_the_top_of_the_band_with_a_wince_still_eases_off() -> None:
    assert read_pressure("a 5 but ouch", band=(3, 5)).direction is Pressure.LESS


@pytest.mark.parametrize(("text", "level"), [("six and a half", 7.0), ("a 7, maybe seven and a half", 8.0)])
def test_a_half_level_counts_as_the_one_above(text: str, level: float) -> None:
    assert read_pressure(text).level == level


def test_seven_and_a_half_is_past_the_band() -> None:
    assert read_pressure("ooh tender, seven and a half").direction is Pressure.LESS


# --- check-ins stopped, moved or left alone ----------------------------------------------------------------
@pytest.mark.parametrize("text", ["could u stop them now please, all good", "just stop them all, it's gone",
                                  "would you mind stopping the reminders? I'm fine now"])
def test_stopping_the_checkins_in_other_words(text: str) -> None:
    assert decide(said(text, "nlu_fallback", 0.3, checkins_agreed=True, awaiting="anything_else")) == \
        "action_checkin_manage"
    assert decide(said(text, "checkin_answer", 0.5, checkins_agreed=True, active_loop="checkin_form",
                       requested_slot="checkin_trend")) == "action_checkin_manage"


@pytest.mark.parametrize("text", ["thanks so much, bye for now", "lovely, ta-ra for now"])
def test_bye_for_now_is_no_pause(text: str) -> None:
    assert read_checkin_action(text) != "pause"
    assert decide(said(text, "checkin_manage", 0.8, checkins_agreed=True, awaiting="anything_else")) == \
        "utter_goodbye"


def test_pausing_for_now_is_still_a_pause() -> None:
    assert read_checkin_action("can you pause them for now") == "pause"


def test_a_day_gone_by_is_no_day_asked_for() -> None:
    assert requested_checkin_days("I came here last Tuesday, it's loads better", MONDAY) is None
    assert read_checkin_action("I came here last Tuesday, it's loads better") is None
    assert requested_checkin_days("could you do it Tuesday instead", MONDAY) == 1.0


def test_yes_to_the_checkins_on_a_later_week() -> None:
    text = "not this week as I'm away, could you check in the week after instead?"
    assert requested_checkin_days(text, MONDAY) == 7.0
    assert decide(said(text, "checkin_manage", 0.8, awaiting="checkin_offer")) == "action_schedule_checkin"
    assert requested_checkin_days("check in in a fortnight please", MONDAY) == 14.0


def test_no_to_the_checkins_stays_a_no() -> None:
    assert decide(said("no check ins for me thanks", "checkin_manage", 0.8, awaiting="checkin_offer")) == \
        "action_decline_checkins"


def test_the_self_care_praised_helped() -> None:
    assert read_helped("the stretches have been a godsend") is Answer.YES


def test_something_else_that_helped_leaves_the_question_open() -> None:
    assert read_helped("a bit better, we had a holiday which helped I think") is None
    assert read_helped("the holiday helped and the stretches helped too") is Answer.YES


# --- closings ----------------------------------------------------------------------------------------------
def test_an_ok_after_a_deletion_is_no_second_deletion() -> None:
    assert decide(said("ok", "affirm", just_deleted=True, previous_action="action_delete_data")) == "utter_goodbye"
    assert decide(said("yes wipe all of it", "affirm", just_deleted=True,
                       previous_action="action_delete_data")) == "utter_deleted_already"


def test_a_filler_word_after_the_greeting_asks_where() -> None:
    assert decide(said("so", "affirm", previous_action="utter_greet")) == "intake_form"
    assert decide(said("ok", "affirm")) == "utter_greet"  # the first word of a conversation is a hello
    assert decide(said("k", "affirm", just_deleted=True)) == "utter_goodbye"  # not a hello after a deletion


def test_progress_reported_with_checkins_agreed_is_no_new_intake() -> None:
    said_with = said("hi it's me with the sore neck, loads better this week", "checkin_answer", checkins_agreed=True,
                     awaiting="anything_else", mentions=(Mention("region", "neck_back"), Mention("sensation", "sore")))
    assert decide(said_with) is None  # the check-in rule starts the check-in


@pytest.mark.parametrize("text", ["could you stop sending the reminders please", "would you mind stopping them now"])
def test_stopping_is_a_stop(text: str) -> None:
    assert read_checkin_action(text) == "stop"


def test_good_evening_to_you_is_a_goodbye() -> None:
    assert decide(said("Very kind. Good evening to you.", "greet", awaiting="anything_else")) == "utter_goodbye"


@pytest.mark.parametrize(("text", "now"), [("ok I'll phone them right away, thanks", True),
                                           ("fine, I'll ring the surgery when they open", False),
                                           ("thanks, I'll call tomorrow", False)])
def test_going_for_help_now_or_later(text: str, now: bool) -> None:
    assert goes_for_help_now(text) is now
    expected = "utter_emergency_goodbye" if now else "utter_emergency_reminder"
    assert decide(said(text, "thank", triage="emergency")) == expected


# --- an email address said to the phone's dictation ------------------------------------------------------
@pytest.mark.parametrize(("text", "address"), [("sam underscore lee at outlook dot com", "sam_lee@outlook.com"),
                                               ("it's ann dot marie at btinternet dot co dot uk please",
                                                "ann.marie@btinternet.co.uk")])
def test_a_dictated_email_address(text: str, address: str) -> None:
    assert find_email(text) == address
    assert decide(said(text, "nlu_fallback", 0.3, awaiting="email")) == "action_save_email"


@pytest.mark.parametrize("text", ["I was at work dot dot dot", "meet at the gym at six"])
def test_at_and_dot_in_other_words_are_no_address(text: str) -> None:
    assert find_email(text) is None


@pytest.mark.parametrize("text", ["ok I will go today", "right, I will go to the walk-in centre this afternoon"])
def test_going_today_after_urgent_advice_is_a_goodbye(text: str) -> None:
    assert decide(said(text, "out_of_scope", 0.6, triage="urgent")) == "utter_goodbye"


def test_news_naming_a_day_is_no_move() -> None:
    text = "hiya me again, back's grand, but now it's my left hip since the match on Saturday"
    assert decide(said(text, "checkin_answer", 0.6, checkins_agreed=True, awaiting="anything_else")) != \
        "action_checkin_manage"
    assert decide(said("could you leave it till Saturday", "checkin_manage", 0.9, checkins_agreed=True,
                       awaiting="anything_else")) == "action_checkin_manage"


def test_keeping_the_checkins_going_is_a_resume() -> None:
    assert read_checkin_action("please keep the check-ins going") == "resume"


@pytest.mark.parametrize("text", ["ok, shall we try the first one?", "can I do the top one"])
def test_trying_another_suggested_muscle_is_a_yes(text: str) -> None:
    assert decide(said(text, "ask_why", 0.7, awaiting="coach_offer")) == "action_coach_massage"


def test_what_else_after_a_stop_sign_is_the_stretch() -> None:
    assert decide(said("ok stopped, what else can I do?", "next_candidate", 0.7, awaiting="anything_else",
                       coached=True, coaching_open=True)) == "action_stretch_only"


def test_coming_back_to_say_thanks_is_thanked() -> None:
    text = "Hello, me again! Did the stretches all week and played 18 holes pain free. Just wanted to say thanks!"
    assert decide(said(text, "greet", 0.7, previous_action="utter_goodbye", awaiting="anything_else")) == \
        "utter_thank"
    assert decide(said("hello, me again", "greet", 0.9, previous_action="utter_goodbye",
                       awaiting="anything_else")) == "action_checkin_resume"
