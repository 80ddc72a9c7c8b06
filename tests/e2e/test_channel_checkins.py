"""Check-ins on the channel the person used, end to end: the real Rasa and action servers with the
messaging channels on against loopback stand-ins of the Twilio and Telegram APIs, and the real
scheduler processes (two racing) delivering from the shared database.

A check-in is delivered once over Telegram and once over SMS; on WhatsApp outside the 24-hour window
only the approved template goes out, and its button starts the check-in; a person who blocked the
bot pauses the series; STOP stops check-ins; "delete my data" removes the phone number."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from typing import Iterator

import pytest
import requests
from sqlalchemy import text, update
from sqlalchemy.engine import Engine

from bot.checkins.contacts import ChannelKeys, ContactBook
from bot.checkins.models import ChannelContactRow
from bot.checkins.store import CheckinStore, utcnow
from core.settings import PROJECT_ROOT
from kb.database import make_engine
from tests.support.providers import (
    Providers,
    Recorded,
    running_providers,
    telegram_message,
    twilio_form,
    twilio_signature,
)
from tools.servers import Servers, running_servers

pytestmark = pytest.mark.servers  # its own servers: the template must be configured when Rasa starts

TEMPLATE = "HX" + "c" * 32  # the clinic's approved check-in template (Content API)
QUESTION = "better, the same, or worse"
CONSENT = "About your data"  # the last message of a first contact on every channel


class World:
    """The servers, the providers' stand-ins and the database they share."""

    def __init__(self, servers: Servers, providers: Providers) -> None:
        self.servers, self.providers = servers, providers
        self.engine: Engine = make_engine(f"sqlite:///{servers.log_dir / 'kb.sqlite'}")
        self.checkins = CheckinStore(self.engine)
        self.contacts = ContactBook(self.engine, ChannelKeys.from_secret(providers.channel_key))

    def telegram(self, chat_id: int, words: str) -> None:
        """A message as Telegram posts it to the webhook, with the secret token."""
        answer = requests.post(f"{self.servers.rasa_url}/webhooks/telegram/webhook",
                               json=telegram_message(chat_id, words),
                               headers={"X-Telegram-Bot-Api-Secret-Token": self.providers.telegram_secret}, timeout=30)
        assert answer.status_code == 200, answer.text

    def twilio(self, from_: str, words: str, *, button: tuple[str, str] | None = None) -> None:
        """A message as Twilio posts it, signed over the public URL Twilio was given."""
        to = ("whatsapp:" + self.providers.whatsapp_from) if from_.startswith("whatsapp:") else self.providers.sms_from
        form = twilio_form(from_, words, to=to, account_sid=self.providers.twilio.account_sid, button=button)
        path = "/webhooks/twilio/webhook"
        signature = twilio_signature(self.providers.twilio.auth_token, self.providers.public_url + path, form)
        answer = requests.post(self.servers.rasa_url + path, data=form, headers={"X-Twilio-Signature": signature},
                               timeout=30)
        assert answer.status_code == 200, answer.text

    def to_number(self, to: str, *, after: int = 0, containing: str = "", timeout: float = 90) -> list[Recorded]:
        """Wait for a Twilio message to `to` (after the first `after` of them) whose text has `containing`."""
        def mine(requests_: list[Recorded]) -> list[Recorded]:
            return [r for r in requests_ if r.method == "Messages" and r.fields.get("To") == to][after:]

        found = self.providers.twilio.wait_for(
            lambda seen: any(containing in _said(r, seen) for r in mine(seen)), timeout=timeout)
        return mine(found)

    def to_chat(self, chat_id: int, *, after: int = 0, containing: str = "", timeout: float = 90) -> list[Recorded]:
        """Wait for a Telegram message to the chat whose text has `containing`."""
        def mine(requests_: list[Recorded]) -> list[Recorded]:
            return [r for r in requests_ if r.method in ("sendMessage", "sendPhoto")
                    and str(r.fields.get("chat_id")) == str(chat_id)][after:]

        found = self.providers.telegram.wait_for(
            lambda seen: any(containing in str(r.fields.get("text") or r.fields.get("caption") or "")
                             for r in mine(seen)), timeout=timeout)
        return mine(found)

    def first_contact_twilio(self, from_: str) -> int:
        """They write for the first time; returns how many messages they got (the consent line last)."""
        self.twilio(from_, "hello")
        return len(self.to_number(from_, containing=CONSENT))

    def first_contact_telegram(self, chat_id: int) -> int:
        self.telegram(chat_id, "hello")
        return len(self.to_chat(chat_id, containing=CONSENT))

    def due_now(self, sender: str) -> None:
        """Agreed check-ins, the first of them due now (as if two days had passed)."""
        self.checkins.schedule(sender, baseline_pain=5,
                               times=[utcnow() - timedelta(minutes=1), utcnow() + timedelta(days=7)])

    def schedulers(self, count: int = 2) -> None:
        """`python -m bot.checkins.scheduler --once`, `count` of them racing, as `make run` starts it."""
        env = dict(os.environ, BOT_DATABASE_URL=str(self.engine.url), BOT_RASA_URL=self.servers.rasa_url,
                   BOT_API_TOKEN=self.servers.token, BOT_CHANNEL_KEY=self.providers.channel_key)
        processes = [subprocess.Popen([sys.executable, "-m", "bot.checkins.scheduler", "--once", "--worker", f"w{i}"],
                                      cwd=PROJECT_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
                     for i in range(count)]
        for process in processes:
            assert process.wait(timeout=180) == 0, process.stderr.read().decode() if process.stderr else ""

    def checkins_started(self, sender: str) -> int:
        """Check-ins the scheduler started in the conversation (Rasa marks them EXTERNAL)."""
        return sum(1 for e in self.servers.tracker(sender)["events"]
                   if e.get("event") == "user" and str(e.get("text")).startswith("EXTERNAL: checkin_start"))

    def paused(self, sender: str) -> bool:
        with self.engine.connect() as connection:
            return bool(connection.execute(text("select paused from checkin_contacts where sender_id = :s"),
                                           {"s": sender}).scalar())


def _said(request: Recorded, seen: list[Recorded]) -> str:
    """What a Twilio message says: its body, or the body of the quick-reply content it names."""
    sid = request.fields.get("ContentSid")
    if not sid:
        return str(request.fields.get("Body") or "")
    created = [r for r in seen if r.method == "Content"]
    return json.dumps([r.fields for r in created]) if sid != TEMPLATE else f"template {sid}"


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    with contextlib.contextmanager(running_providers)() as providers:
        env = {**providers.env, "BOT_TWILIO_CHECKIN_CONTENT_SID": TEMPLATE, "BOT_CLINIC_NAME": "Riverside Physio"}
        with running_servers(tmp_path_factory.mktemp("channel-checkins"), extra_env=env) as servers:
            here = World(servers, providers)
            yield here
            here.engine.dispose()


def test_a_checkin_is_delivered_once_over_telegram(world: World) -> None:
    chat = 510001
    before = world.first_contact_telegram(chat)
    sender = world.providers.sender("telegram", str(chat))
    world.due_now(sender)
    world.schedulers(2)
    sent = world.to_chat(chat, after=before, containing=QUESTION)
    [question] = [r for r in sent if QUESTION in str(r.fields.get("text"))]
    assert [b["text"] for row in question.fields["reply_markup"]["inline_keyboard"] for b in row] == \
        ["Better", "Same", "Worse"]
    world.schedulers(1)  # a later round finds nothing left to deliver
    assert world.to_chat(chat, after=before) == sent
    assert world.checkins_started(sender) == 1


def test_a_checkin_is_delivered_once_over_sms(world: World) -> None:
    number = "+447700900111"
    before = world.first_contact_twilio(number)
    sender = world.providers.sender("sms", number)
    world.due_now(sender)
    world.schedulers(2)
    sent = world.to_number(number, after=before, containing=QUESTION)
    [question] = [r for r in sent if QUESTION in str(r.fields.get("Body"))]
    assert question.fields["From"] == world.providers.sms_from
    assert "1 for Better" in question.fields["Body"]  # numbered options on SMS
    world.schedulers(1)
    assert world.to_number(number, after=before) == sent
    assert world.checkins_started(sender) == 1


def test_outside_the_whatsapp_window_the_template_goes_and_its_button_starts_the_checkin(world: World) -> None:
    number = "+447700900222"
    to = "whatsapp:" + number
    before = world.first_contact_twilio(to)
    sender = world.providers.sender("whatsapp", number)
    with world.engine.begin() as connection:  # their last message was 25 hours ago
        connection.execute(update(ChannelContactRow).where(ChannelContactRow.sender_id == sender)
                           .values(last_inbound_at=utcnow() - timedelta(hours=25)))
    world.due_now(sender)
    world.schedulers(2)
    [invitation] = world.to_number(to, after=before, containing="template")
    assert invitation.fields["ContentSid"] == TEMPLATE and invitation.fields["From"] == "whatsapp:" + \
        world.providers.whatsapp_from
    assert json.loads(invitation.fields["ContentVariables"]) == {"1": "Riverside Physio"}
    assert "Body" not in invitation.fields
    assert world.checkins_started(sender) == 0  # nothing in the conversation until they answer
    world.schedulers(1)
    assert len(world.to_number(to, after=before)) == 1
    world.twilio(to, "Begin check-in", button=("Begin check-in", "/checkin_start"))  # they tap the button
    world.to_number(to, after=before + 1, containing=QUESTION)


def test_a_person_who_blocked_the_bot_pauses_the_series(world: World) -> None:
    chat = 510002
    world.first_contact_telegram(chat)
    sender = world.providers.sender("telegram", str(chat))
    world.due_now(sender)
    world.providers.telegram.blocked.add(chat)  # Telegram now answers 403
    world.schedulers(2)
    assert world.paused(sender)
    assert world.checkins_started(sender) == 0  # no turn stored that nobody received
    assert world.checkins.has_schedule(sender)  # the plan is kept for when they come back


def test_stop_stops_checkins(world: World) -> None:
    number = "+447700900333"
    before = world.first_contact_twilio(number)
    sender = world.providers.sender("sms", number)
    world.due_now(sender)
    world.twilio(number, "STOP")
    after_stop = world.to_number(number, after=before, containing="unsubscribed")
    assert len(after_stop) == 1
    contact = world.contacts.lookup(sender)
    assert contact is not None and contact.opted_out
    assert not world.checkins.has_schedule(sender)
    world.schedulers(1)
    assert world.to_number(number, after=before) == after_stop  # nothing more was sent
    assert world.checkins_started(sender) == 0


def test_delete_my_data_removes_the_phone_number(world: World) -> None:
    number = "+447700900444"
    before = world.first_contact_twilio(number)
    sender = world.providers.sender("sms", number)
    world.due_now(sender)
    assert world.contacts.exists(sender)
    world.twilio(number, "please delete my data")
    world.to_number(number, after=before, containing="deleted")
    assert not world.contacts.exists(sender) and world.contacts.lookup(sender) is None
    assert not world.checkins.has_schedule(sender)
    with world.engine.connect() as connection:
        rows = connection.execute(text("select count(*) from channel_contacts where sender_id = :s"),
                                  {"s": sender}).scalar()
    assert rows == 0
    kb_bytes = Path(str(world.engine.url.database)).read_bytes()
    assert number.encode() not in kb_bytes and number[1:].encode() not in kb_bytes  # never stored in clear
