"""Provider-neutral messaging: options offered and the answers that choose them, carrier keywords,
the channels' sentences and long texts, without servers."""

from __future__ import annotations

import base64

import pytest

from bot.rasa.channels.messaging import (
    Keyword,
    Option,
    formatted,
    keyword,
    latest_options,
    numbered_prompt,
    options_from,
    pick,
    read_reply,
    split_text,
)
from bot.rasa.channels.telegram import keyboard

PRESSURE = options_from([
    {"title": "More", "payload": '/pressure_feedback{"direction":"more"}'},
    {"title": "Less", "payload": '/pressure_feedback{"direction":"less"}'},
    {"title": "Good", "payload": '/pressure_feedback{"direction":"good"}'},
    {"title": "Stop", "payload": '/pressure_feedback{"direction":"stop"}'},
])
MANAGE = options_from([{"title": "Move a week", "payload": "/move"}, {"title": "Pause", "payload": "/pause"}])


def test_sms_prompt_numbers_the_options_in_order() -> None:
    assert numbered_prompt(PRESSURE) == "Reply 1 for More, 2 for Less, 3 for Good, 4 for Stop."


@pytest.mark.parametrize(("answer", "direction"), [
    ("1", "more"), (" 2 ", "less"), ("3.", "good"), ("#4", "stop"), ("more", "more"), ("LESS!", "less"),
    ("Good", "good")])
def test_a_number_or_a_title_maps_back_to_the_payload_offered(answer: str, direction: str) -> None:
    assert pick(answer, PRESSURE) == f'/pressure_feedback{{"direction":"{direction}"}}'


@pytest.mark.parametrize("answer", ["5", "0", "a bit more", "more please", "", "7/10"])
def test_anything_else_is_read_as_words(answer: str) -> None:
    assert pick(answer, PRESSURE) is None


def test_titles_with_spaces_and_no_options() -> None:
    assert pick("move a week", MANAGE) == "/move"
    assert pick("1", []) is None  # nothing on offer: "1" is a pain score, not a choice


def test_options_on_offer_are_those_of_the_bot_since_the_last_message() -> None:
    buttons = [{"title": "Yes", "payload": "/affirm"}, {"title": "No", "payload": "/deny"}]
    asked = [{"event": "user", "text": "my back"}, {"event": "bot", "text": "Any numbness?",
                                                   "data": {"buttons": buttons}},
             {"event": "bot", "text": "Take your time.", "data": {}}]
    assert [o.payload for o in latest_options(asked)] == ["/affirm", "/deny"]
    answered = [*asked, {"event": "user", "text": "2"}, {"event": "bot", "text": "Thanks.", "data": {}}]
    assert latest_options(answered) == []


@pytest.mark.parametrize(("text", "opted_out", "expected"), [
    ("STOP", False, Keyword.STOP), ("stop.", False, Keyword.STOP), ("Unsubscribe", False, Keyword.STOP),
    ("START", True, Keyword.START), ("yes", True, Keyword.START), ("yes", False, None),
    ("HELP", False, Keyword.HELP), ("please stop the massage", False, None), ("stopped", False, None)])
def test_carrier_keywords_are_single_words(text: str, opted_out: bool, expected: Keyword | None) -> None:
    assert keyword(text, opted_out=opted_out) is expected


def test_a_body_map_payload_becomes_a_picture_with_its_text() -> None:
    svg = '<svg xmlns="http://www.w3.org/2000/svg"><title>Body map</title></svg>'
    message = {"text": None, "custom": {"data": {
        "image": "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode(), "alt": "Body map: neck"}}}
    reply = read_reply(message)
    assert reply is not None and reply.picture is not None
    assert (reply.picture.svg, reply.picture.alt, reply.text) == (svg, "Body map: neck", "")
    assert read_reply({"text": None, "custom": {"data": {"event": "data_deleted"}}}) is None


def test_long_text_is_cut_at_breaks() -> None:
    text = ("word " * 500).strip()
    pieces = split_text(text, 1600)
    assert all(len(p) <= 1600 for p in pieces) and " ".join(pieces) == text
    assert split_text("short", 1600) == ["short"]


def test_telegram_keyboard_keeps_payloads_and_numbers_long_ones() -> None:
    short = keyboard([Option(1, "Yes", "/affirm"), Option(2, "No", "/deny")])
    assert short == {"inline_keyboard": [[{"text": "Yes", "callback_data": "/affirm"},
                                          {"text": "No", "callback_data": "/deny"}]]}
    long = keyboard([Option(1, "Talk to the clinic", "/ask_professional"), Option(2, "X", "/x{" + "a" * 70 + "}")])
    assert long["inline_keyboard"] == [[{"text": "Talk to the clinic", "callback_data": "/ask_professional"}],
                                       [{"text": "X", "callback_data": "#2"}]]


def test_the_widgets_markup_is_shown_each_channels_way() -> None:
    text = "**Finding the spot:** press <gently> & [book here](https://clinic.example/book?a=1&b=2)"
    assert formatted(text, "sms") == "Finding the spot: press <gently> & book here (https://clinic.example/book?a=1&b=2)"
    assert formatted(text, "whatsapp") == (
        "*Finding the spot:* press <gently> & book here (https://clinic.example/book?a=1&b=2)")
    assert formatted(text, "telegram") == ("<b>Finding the spot:</b> press &lt;gently&gt; &amp; "
                                           '<a href="https://clinic.example/book?a=1&amp;b=2">book here</a>')
    assert formatted("[x](javascript:alert(1))", "telegram") == "[x](javascript:alert(1))"
