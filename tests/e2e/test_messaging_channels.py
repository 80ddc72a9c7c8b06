"""SMS, WhatsApp and Telegram end to end: the real Rasa server and action server (the session's), with
the providers' APIs replaced by local stand-ins (tests/support/providers.py) that the server sends to.

Requests are shaped as Twilio and Telegram post them and signed as they sign them; what the person
would read is what the stand-ins received. Forged, tampered and replayed requests must be refused
with 403, leave no trace in the conversation and make no outbound call.
"""

from __future__ import annotations

import json
import random
import re
import time
from html import unescape
from typing import Any, Callable

import pytest
import requests

from bot.checkins.contacts import ChannelKeys, ContactBook
from bot.checkins.store import CheckinStore
from bot.rasa.channels.media import PNG_MAGIC
from kb.database import make_engine, migrate
from tests.support.providers import (
    Providers,
    Recorded,
    telegram_callback,
    telegram_message,
    twilio_form,
    twilio_signature,
)
from tools.servers import Servers

TWILIO_PATH = "/webhooks/twilio/webhook"
TELEGRAM_PATH = "/webhooks/telegram/webhook"
EMERGENCY = "This needs emergency care now"
LOW_BACK = "My lower back aches on the left, dull, 6/10, two weeks, worse when I bend"
_PROMPT = re.compile(r"Reply ((?:\d+ for [^,.]+(?:, )?)+)\.")


def _user_events(servers: Servers, sender: str) -> list[dict[str, Any]]:
    return [e for e in servers.tracker(sender)["events"] if e.get("event") == "user"]


def _settled(servers: Servers, sender: str, users_before: int) -> bool:
    events = servers.tracker(sender)["events"]
    users = sum(1 for e in events if e.get("event") == "user")
    return users > users_before and events[-1].get("event") == "action" and events[-1].get("name") == "action_listen"


def _wait_quiet(count: Any, timeout: float = 90.0, quiet: float = 0.8) -> None:
    """Wait until count() stops changing for `quiet` seconds."""
    deadline, last, since = time.monotonic() + timeout, count(), time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.2)
        now = count()
        if now != last:
            last, since = now, time.monotonic()
        elif time.monotonic() - since >= quiet:
            return
    raise AssertionError("the channel kept sending")


def numbered(text: str) -> dict[str, int]:
    """{"Yes": 1, "No": 2} from "... Reply 1 for Yes, 2 for No."."""
    match = _PROMPT.search(text)
    assert match, f"no numbered options in {text!r}"
    return {title: int(number) for number, title in re.findall(r"(\d+) for ([^,.]+)", match.group(1))}


def _one_turn(servers: Servers, sender: str, send: Callable[[], requests.Response], provider: Any,
              received: Callable[[], list[Any]], reaches_rasa: bool) -> list[Any]:
    """Send one update, wait until Rasa has stored the turn (or, for what the channel answers itself,
    until the provider's stand-in got a reply) and the replies have stopped coming; return them."""
    before = len(received())
    users = len(_user_events(servers, sender)) if reaches_rasa else 0
    assert send().status_code == 200
    if reaches_rasa:
        deadline = time.monotonic() + 90
        while not _settled(servers, sender, users):
            assert time.monotonic() < deadline, "the turn never finished"
            time.sleep(0.3)
    else:
        provider.wait_for(lambda _r: len(received()) > before)
    _wait_quiet(lambda: len(received()))
    return received()[before:]


class Phone:
    """A person texting the clinic's number (SMS) or its WhatsApp sender."""

    def __init__(self, servers: Servers, providers: Providers, kind: str = "sms") -> None:
        self.servers, self.providers, self.kind = servers, providers, kind
        self.number = f"+4477009{random.randrange(10**5):05d}"
        self.address = f"whatsapp:{self.number}" if kind == "whatsapp" else self.number
        self.to = f"whatsapp:{providers.whatsapp_from}" if kind == "whatsapp" else providers.sms_from
        self.sender = providers.sender(kind, self.number)
        self.transcript: list[str] = []  # printed by the conversation tests (pytest -rP): the README's examples

    def form(self, body: str, **extra: Any) -> dict[str, str]:
        return twilio_form(self.address, body, to=self.to, account_sid=self.providers.twilio.account_sid, **extra)

    def post(self, form: dict[str, str], signature: str | None = None) -> requests.Response:
        """Post as Twilio does: signed over the public URL Twilio was given, sent to our server."""
        if signature is None:
            signature = twilio_signature(self.providers.twilio.auth_token, self.providers.public_url + TWILIO_PATH,
                                         form)
        return requests.post(self.servers.rasa_url + TWILIO_PATH, data=form,
                             headers={"X-Twilio-Signature": signature}, timeout=30)

    def received(self) -> list[dict[str, Any]]:
        """Everything the clinic sent to this person, in order."""
        return [m for m in self.providers.twilio.messages if m["To"] == self.address]

    def text(self, message: dict[str, Any]) -> str:
        """What the person reads: the body, or the quick-reply content's body."""
        if message.get("ContentSid"):
            created = next(r for r in self.providers.twilio.requests
                           if r.method == "Content" and r.result["sid"] == message["ContentSid"])
            return str(created.fields["types"]["twilio/quick-reply"]["body"])
        return str(message.get("Body") or "")

    def say(self, body: str, *, reaches_rasa: bool = True, **extra: Any) -> list[dict[str, Any]]:
        """Send one message and return the messages sent back for it."""
        replies = _one_turn(self.servers, self.sender, lambda: self.post(self.form(body, **extra)),
                            self.providers.twilio, self.received, reaches_rasa)
        self.transcript.append(f"person: {extra['button'][0] + ' (tapped)' if extra.get('button') else body}")
        self.transcript += [f"clinic: {self.shown(m)}" for m in replies]
        return replies

    def shown(self, message: dict[str, Any]) -> str:
        """A sent message as the person sees it."""
        text = self.text(message)
        if message.get("ContentSid"):
            created = next(r for r in self.providers.twilio.requests
                           if r.method == "Content" and r.result["sid"] == message["ContentSid"])
            text += " " + " ".join(f"[{a['title']}]" for a in created.fields["types"]["twilio/quick-reply"]["actions"])
        if message.get("MediaUrl"):
            text = f"[picture: body map PNG] {text}"
        return text


class Chat:
    """A person in a private Telegram chat with the clinic's bot."""

    def __init__(self, servers: Servers, providers: Providers) -> None:
        self.servers, self.providers = servers, providers
        self.chat_id = random.randrange(10**8, 10**9)
        self.sender = providers.sender("telegram", str(self.chat_id))
        self.transcript: list[str] = []

    def post(self, update: dict[str, Any], secret: str | None = None) -> requests.Response:
        secret = self.providers.telegram_secret if secret is None else secret
        return requests.post(self.servers.rasa_url + TELEGRAM_PATH, json=update, timeout=30,
                             headers={"X-Telegram-Bot-Api-Secret-Token": secret})

    def received(self) -> list[Recorded]:
        return [r for r in list(self.providers.telegram.requests)
                if r.method in ("sendMessage", "sendPhoto") and str(r.fields.get("chat_id")) == str(self.chat_id)]

    def _exchange(self, update: dict[str, Any], reaches_rasa: bool) -> list[Recorded]:
        replies = _one_turn(self.servers, self.sender, lambda: self.post(update), self.providers.telegram,
                            self.received, reaches_rasa)
        for sent in replies:
            text = str(sent.fields.get("text") or sent.fields.get("caption") or "")
            if sent.fields.get("parse_mode") == "HTML":  # as the person sees it: bold shown as **bold**
                text = unescape(re.sub(r"</?b>", "**", text))
            if sent.method == "sendPhoto":
                text = f"[photo: body map PNG] {text}"
            markup = sent.fields.get("reply_markup") or {}
            buttons = [b["text"] for row in markup.get("inline_keyboard", []) for b in row]
            self.transcript.append("clinic: " + " ".join([text, *(f"[{b}]" for b in buttons)]))
        return replies

    def say(self, text: str, *, reaches_rasa: bool = True) -> list[Recorded]:
        self.transcript.append(f"person: {text}")
        return self._exchange(telegram_message(self.chat_id, text), reaches_rasa)

    def tap(self, sent: Recorded, title: str) -> tuple[list[Recorded], dict[str, Any]]:
        """Tap a button of a message the bot sent; returns the replies and the callback update."""
        buttons = [b for row in sent.fields["reply_markup"]["inline_keyboard"] for b in row]
        data = next(b["callback_data"] for b in buttons if b["text"] == title)
        update = telegram_callback(self.chat_id, data, message_id=sent.result["message_id"])
        self.transcript.append(f"person: (taps {title})")
        return self._exchange(update, True), update


def bodies(messages: list[dict[str, Any]]) -> str:
    return " ".join(str(m.get("Body") or "") for m in messages)


def captions(messages: list[Recorded]) -> str:
    return " ".join(str(m.fields.get("text") or m.fields.get("caption") or "") for m in messages)


def with_keyboard(messages: list[Recorded]) -> Recorded:
    return next(m for m in reversed(messages) if m.fields.get("reply_markup"))


# --- SMS -------------------------------------------------------------------------------------------

def test_sms_conversation_to_self_massage_with_numbered_replies(servers: Servers, providers: Providers) -> None:
    phone = Phone(servers, providers)
    reply = phone.say(LOW_BACK)
    assert "About your data" in reply[-1]["Body"], "the consent line follows the first reply"
    assert all(m["From"] == providers.sms_from and "MediaUrl" not in m for m in reply)
    for _ in range(8):
        if "not a diagnosis" in bodies(reply):
            break
        question = next(m["Body"] for m in reversed(reply) if "Reply 1 for" in m["Body"])
        assert numbered(question) == {"Yes": 1, "No": 2}
        reply = phone.say(str(numbered(question)["No"]))
    assert "not a diagnosis" in bodies(reply)
    assert "(Picture, shown here in words) Body map: you hurt at" in bodies(reply), "no MMS: the map in words"
    offered = servers.slot(phone.sender, "offered_muscle")
    coaching = phone.say("yes")  # a button's title
    assert "Before you start" in bodies(coaching)
    assert servers.slot(phone.sender, "coaching_muscle") == offered
    options = numbered(coaching[-1]["Body"])
    assert list(options) == ["More", "Less", "Good", "Stop"]
    phone.say("more")
    finished = phone.say(str(options["Good"]))
    assert "stretch" in bodies(finished).lower()
    tracker = servers.tracker(phone.sender)
    said = [e["text"] for e in tracker["events"] if e.get("event") == "user"]
    assert "/deny" in said and "/affirm" in said and said[-2:] == ['/pressure_feedback{"direction":"more"}',
                                                                    '/pressure_feedback{"direction":"good"}']
    assert phone.number[1:] not in json.dumps(tracker), "the phone number never enters the conversation"
    print("\n".join(phone.transcript))


def test_sms_red_flag_gets_the_emergency_message_first(servers: Servers, providers: Providers) -> None:
    phone = Phone(servers, providers)
    reply = phone.say("worst headache of my life, it came on suddenly")
    assert reply[0]["Body"].startswith(EMERGENCY)
    assert servers.slot(phone.sender, "triage_level") == "emergency"


def test_stop_start_and_help_behave_as_carriers_expect(servers: Servers, providers: Providers) -> None:
    phone = Phone(servers, providers)
    phone.say("my neck aches on the right, about a 5")
    engine = make_engine(f"sqlite:///{servers.log_dir / 'kb.sqlite'}")
    migrate(engine)
    store, book = CheckinStore(engine), ContactBook(engine, ChannelKeys.from_secret(providers.channel_key))
    store.schedule(phone.sender, baseline_pain=5)
    assert store.has_schedule(phone.sender)
    users = len(_user_events(servers, phone.sender))
    stopped = phone.say("STOP", reaches_rasa=False)
    assert [m["Body"] for m in stopped] == [
        "You're unsubscribed from Riverside Physio: you won't get any more messages or check-ins. "
        "Reply START to message again."]
    assert not store.has_schedule(phone.sender), "STOP also stops check-ins"
    contact = book.lookup(phone.sender)
    assert contact is not None and contact.opted_out and contact.address == phone.number
    before = len(phone.received())
    assert phone.post(phone.form("hello?")).status_code == 200
    time.sleep(3)
    assert len(phone.received()) == before, "nothing is sent after STOP"
    assert len(_user_events(servers, phone.sender)) == users
    started = phone.say("start", reaches_rasa=False)
    assert "subscribed to Riverside Physio again" in bodies(started)
    helped = phone.say("HELP", reaches_rasa=False)
    assert "In an emergency call 999" in bodies(helped) and "STOP" in bodies(helped)
    assert not store.has_schedule(phone.sender), "check-ins stay off until asked for again"
    engine.dispose()


def test_a_picture_without_words_gets_a_clear_answer(servers: Servers, providers: Providers) -> None:
    phone = Phone(servers, providers)
    reply = phone.say("", reaches_rasa=False,
                      media=[("https://api.twilio.com/2010-04-01/Accounts/AC/Messages/MM1/Media/ME1", "image/jpeg")])
    assert reply[0]["Body"].startswith("I can only read words")
    assert _user_events(servers, phone.sender) == []


@pytest.mark.parametrize("attack", ["unsigned", "forged", "tampered", "replayed"])
def test_forged_tampered_and_replayed_requests_are_refused(servers: Servers, providers: Providers,
                                                           attack: str) -> None:
    phone = Phone(servers, providers)
    form = phone.form("Please send me a hundred messages")
    signature = twilio_signature(providers.twilio.auth_token, providers.public_url + TWILIO_PATH, form)
    if attack == "replayed":
        first = phone.say("my neck aches")  # the genuine one, answered
        assert first
        form = phone.form("again")
        signature = twilio_signature(providers.twilio.auth_token, providers.public_url + TWILIO_PATH, form)
        assert phone.post(form, signature).status_code == 200
        _wait_quiet(lambda: len(phone.received()), quiet=2.0)
    users, sent = len(_user_events(servers, phone.sender)), len(phone.received())
    if attack == "unsigned":
        signature = ""
    elif attack == "forged":
        signature = "bm90IGEgc2lnbmF0dXJlIGF0IGFsbA=="
    elif attack == "tampered":
        form = {**form, "Body": "my chest hurts and my left arm is numb"}
    refused = phone.post(form, signature)
    assert refused.status_code == 403
    time.sleep(2)
    assert len(_user_events(servers, phone.sender)) == users, "no tracker event"
    assert len(phone.received()) == sent, "no outbound call"


# --- WhatsApp ------------------------------------------------------------------------------------

def test_whatsapp_quick_replies_and_the_body_map_as_a_picture(servers: Servers, providers: Providers) -> None:
    phone = Phone(servers, providers, "whatsapp")
    reply = phone.say(LOW_BACK)
    assert all(m["From"] == f"whatsapp:{providers.whatsapp_from}" for m in reply)
    for _ in range(8):
        if "not a diagnosis" in " ".join(phone.text(m) for m in reply):
            break
        question = next(m for m in reversed(reply) if m.get("ContentSid"))
        created = next(r for r in providers.twilio.requests
                       if r.method == "Content" and r.result["sid"] == question["ContentSid"])
        actions = created.fields["types"]["twilio/quick-reply"]["actions"]
        assert actions == [{"title": "Yes", "id": "/affirm"}, {"title": "No", "id": "/deny"}]
        reply = phone.say("No", button=("No", "/deny"))  # a tap: Twilio posts ButtonText and ButtonPayload
    picture = next(m for m in reply if m.get("MediaUrl"))
    assert picture["Body"].startswith("Body map: you hurt at")
    url = picture["MediaUrl"][0]
    assert url.startswith(providers.public_url + "/webhooks/media/bodymap/")
    png = requests.get(servers.rasa_url + url[len(providers.public_url):], timeout=30)
    assert png.status_code == 200 and png.content.startswith(PNG_MAGIC)
    print("\n".join(phone.transcript))


# --- Telegram ------------------------------------------------------------------------------------

def test_telegram_webhook_was_registered_with_its_secret(servers: Servers, providers: Providers) -> None:
    registered = providers.telegram.calls("setWebhook")
    assert registered and registered[-1]["url"] == providers.public_url + TELEGRAM_PATH
    assert registered[-1]["secret_token"] == providers.telegram_secret


def test_telegram_conversation_to_self_massage_with_inline_buttons(servers: Servers, providers: Providers) -> None:
    chat = Chat(servers, providers)
    hello = chat.say("/start")
    assert "Where does it hurt?" in captions(hello) and "About your data" in captions(hello)
    reply = chat.say(LOW_BACK)
    for _ in range(8):
        if "not a diagnosis" in captions(reply):
            break
        question = with_keyboard(reply)
        assert question.fields["reply_markup"] == {"inline_keyboard": [[
            {"text": "Yes", "callback_data": "/affirm"}, {"text": "No", "callback_data": "/deny"}]]}
        reply, update = chat.tap(question, "No")
        query = update["callback_query"]["id"]
        assert {"callback_query_id": query} in providers.telegram.calls("answerCallbackQuery")
        assert {"chat_id": chat.chat_id, "message_id": question.result["message_id"]} in \
            providers.telegram.calls("editMessageReplyMarkup")
    photo = next(m for m in reply if m.method == "sendPhoto")
    assert photo.files["photo"].startswith(PNG_MAGIC)
    assert photo.fields["caption"].startswith("Body map: you hurt at")
    offered = servers.slot(chat.sender, "offered_muscle")
    coaching, _ = chat.tap(with_keyboard(reply), "Yes")
    assert "Before you start" in captions(coaching)
    assert servers.slot(chat.sender, "coaching_muscle") == offered
    keyboard = with_keyboard(coaching)
    assert [b["text"] for row in keyboard.fields["reply_markup"]["inline_keyboard"] for b in row] == \
        ["More", "Less", "Good", "Stop"]
    more, _ = chat.tap(keyboard, "More")
    finished, _ = chat.tap(with_keyboard(more), "Good")
    assert "stretch" in captions(finished).lower()
    deleted = chat.say("/delete", reaches_rasa=False)
    assert "deleted" in captions(deleted)
    engine = make_engine(f"sqlite:///{servers.log_dir / 'kb.sqlite'}")
    assert ContactBook(engine, ChannelKeys.from_secret(providers.channel_key)).lookup(chat.sender) is None
    engine.dispose()
    assert _user_events(servers, chat.sender) == []
    print("\n".join(chat.transcript))


def test_telegram_red_flag_gets_the_emergency_message_first(servers: Servers, providers: Providers) -> None:
    chat = Chat(servers, providers)
    reply = chat.say("my back hurts and now I can't control my bladder and my bottom is numb")
    assert reply[0].fields["text"].startswith(EMERGENCY)


@pytest.mark.parametrize("secret", ["", "wrong", "test-telegram-secret_4"])
def test_telegram_updates_without_the_secret_are_refused(servers: Servers, providers: Providers,
                                                         secret: str) -> None:
    chat = Chat(servers, providers)
    refused = chat.post(telegram_message(chat.chat_id, "my neck hurts"), secret=secret)
    assert refused.status_code == 403
    time.sleep(2)
    assert _user_events(servers, chat.sender) == [] and chat.received() == []


def test_a_repeated_telegram_update_is_taken_once(servers: Servers, providers: Providers) -> None:
    chat = Chat(servers, providers)
    update = telegram_message(chat.chat_id, "my neck aches on the right")
    chat._exchange(update, True)
    users, sent = len(_user_events(servers, chat.sender)), len(chat.received())
    assert chat.post(update).status_code == 200  # 200: Telegram must not send it yet again
    time.sleep(2)
    assert (len(_user_events(servers, chat.sender)), len(chat.received())) == (users, sent)


def test_a_message_for_another_number_of_the_account_is_not_answered(servers: Servers, providers: Providers) -> None:
    phone = Phone(servers, providers)
    form = twilio_form(phone.address, "my neck hurts", to="+15005550999", account_sid=providers.twilio.account_sid)
    assert phone.post(form).status_code == 200  # genuine, so Twilio gets its 200, but not ours to answer
    time.sleep(2)
    assert phone.received() == [] and _user_events(servers, phone.sender) == []
