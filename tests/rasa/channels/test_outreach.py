"""The Rasa server's check-in outreach route on a real Sanic server, with the real contact book
(SQLite), the real Twilio and Telegram clients and the providers' loopback stand-ins: the WhatsApp
template outside the 24-hour window (Content API sid and variables), nothing sent after STOP or
without a template, a 21610 or a 403 reported as unreachable, and the API token required.

The project's Twilio and Telegram channels send the check-in (their output for messages Rasa sends
on its own); only Rasa's agent is a small stand-in here. tests/e2e/test_channel_checkins.py runs the
same route in the real Rasa server."""

from __future__ import annotations

import asyncio
import json
from datetime import timedelta
from pathlib import Path
from typing import Any, Iterator

import aiohttp
import pytest
from rasa.core.channels.channel import OutputChannel
from rasa.core.lock_store import InMemoryLockStore
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.checkins.contacts import ChannelKeys, ContactBook
from bot.checkins.store import utcnow
from bot.rasa.channels.outreach import OutreachInput, outreach_blueprint
from bot.rasa.channels.telegram import TelegramInput
from bot.rasa.channels.twilio import TwilioInput
from core.settings import Settings
from kb.database import make_engine, migrate
from tests.support.providers import TelegramStandIn, TwilioStandIn
from tests.support.sanic_serving import serving

TOKEN = "api-token"
TEMPLATE = "HX" + "a" * 32
NUMBER = "+447700900123"
QUESTION = "Since we last spoke, is the pain better, the same, or worse?"
BUTTONS = [{"title": t, "payload": f'/checkin_answer{{"trend":"{t.lower()}"}}'} for t in ("Better", "Same", "Worse")]


@pytest.fixture()
def twilio() -> Iterator[TwilioStandIn]:
    with TwilioStandIn() as stand_in:
        yield stand_in  # type: ignore[misc]


@pytest.fixture()
def book(tmp_path: Path) -> ContactBook:
    engine = make_engine(f"sqlite:///{tmp_path / 'kb.sqlite'}")
    migrate(engine)
    return ContactBook(engine, ChannelKeys.from_secret("test-channel-key"))


def settings_for(twilio: TwilioStandIn, template: str = TEMPLATE) -> Settings:
    return Settings(api_token=TOKEN, twilio_account_sid=twilio.account_sid, twilio_auth_token=twilio.auth_token,
                    twilio_api_url=twilio.url, twilio_whatsapp_from="+15005550006", twilio_sms_from="+15005550006",
                    twilio_checkin_content_sid=template, clinic_name="Riverside Physio")


class StandInAgent:
    """What the route uses of Rasa's Agent: the lock store, the tracker, and trigger_intent, which sends
    the check-in question through the output channel as Rasa's processor does (`send_response`)."""

    def __init__(self, channel: str) -> None:
        self.lock_store = InMemoryLockStore()
        self.processor = self
        self.channel = channel
        self.triggered: list[str] = []

    async def fetch_tracker_and_update_session(self, sender_id: str) -> DialogueStateTracker:
        return DialogueStateTracker.from_events(sender_id, [UserUttered("hello", input_channel=self.channel)])

    async def trigger_intent(self, intent_name: str, entities: list[Any], output_channel: OutputChannel,
                             tracker: DialogueStateTracker) -> None:
        self.triggered.append(intent_name)
        await output_channel.send_response(tracker.sender_id, {"text": QUESTION, "buttons": BUTTONS})


async def _post(config: Settings, book: ContactBook, body: dict[str, Any], *, token: str = TOKEN,
                **context: Any) -> tuple[int, dict[str, Any]]:
    blueprint = outreach_blueprint(TOKEN, book=lambda: book, config=lambda: config)
    async with serving({OutreachInput.name(): blueprint}, **context) as base, aiohttp.ClientSession() as session, \
            session.post(f"{base}/webhooks/outreach/checkin", params={"token": token}, json=body) as answer:
        return answer.status, await answer.json()


def post(config: Settings, book: ContactBook, body: dict[str, Any], **kwargs: Any) -> tuple[int, dict[str, Any]]:
    return asyncio.run(_post(config, book, body, **kwargs))


def test_outside_the_whatsapp_window_only_the_template_goes(twilio: TwilioStandIn, book: ContactBook) -> None:
    sender, _ = book.record_inbound("whatsapp", "whatsapp:" + NUMBER, at=utcnow() - timedelta(hours=25))
    status, answer = post(settings_for(twilio), book, {"sender": sender})
    assert (status, answer["outcome"]) == (200, "template_sent")
    [sent] = twilio.messages
    assert sent["To"] == "whatsapp:" + NUMBER and sent["From"] == "whatsapp:+15005550006"
    assert sent["ContentSid"] == TEMPLATE and json.loads(sent["ContentVariables"]) == {"1": "Riverside Physio"}
    assert "Body" not in sent  # a free-form body would be refused outside the window


def test_without_a_template_nothing_goes_outside_the_window(twilio: TwilioStandIn, book: ContactBook) -> None:
    sender, _ = book.record_inbound("whatsapp", NUMBER, at=utcnow() - timedelta(hours=25))
    status, answer = post(settings_for(twilio, template=""), book, {"sender": sender})
    assert (status, answer["outcome"]) == (200, "wait")
    assert twilio.requests == []


def test_an_unsubscribed_number_is_unreachable(twilio: TwilioStandIn, book: ContactBook) -> None:
    sender, _ = book.record_inbound("whatsapp", NUMBER, at=utcnow() - timedelta(hours=25))
    twilio.unsubscribed.add(NUMBER)  # Twilio answers 21610
    status, answer = post(settings_for(twilio), book, {"sender": sender})
    assert (status, answer) == (200, {"outcome": "unreachable", "reason": "twilio 21610"})


def test_after_stop_nothing_is_sent(twilio: TwilioStandIn, book: ContactBook) -> None:
    sender, _ = book.record_inbound("sms", NUMBER)
    book.opt_out(sender)
    status, answer = post(settings_for(twilio), book, {"sender": sender})
    assert (status, answer["outcome"]) == (200, "opted_out")
    assert twilio.requests == []


def test_the_api_token_is_required_and_the_body_checked(twilio: TwilioStandIn, book: ContactBook) -> None:
    sender, _ = book.record_inbound("whatsapp", NUMBER, at=utcnow() - timedelta(hours=25))
    assert post(settings_for(twilio), book, {"sender": sender}, token="wrong")[0] == 403
    assert post(settings_for(twilio), book, {"who": sender})[0] == 400
    assert post(settings_for(twilio), book, {"sender": "widget-session"})[1]["outcome"] == "no_contact"
    assert twilio.requests == []


@pytest.mark.parametrize(("blocked", "outcome"), [(False, "sent"), (True, "unreachable")])
def test_telegram_checkin_goes_through_the_conversation(twilio: TwilioStandIn, book: ContactBook,
                                                        blocked: bool, outcome: str) -> None:
    sender, _ = book.record_inbound("telegram", "4242", at=utcnow() - timedelta(days=40))  # any time on Telegram
    with TelegramStandIn() as telegram:
        if blocked:
            telegram.blocked.add(4242)  # the person blocked the bot: 403
        config = Settings(**{**settings_for(twilio).dict(), "telegram_token": telegram.token,
                             "telegram_api_url": telegram.url, "channel_public_url": "https://chat.clinic.example"})
        agent = StandInAgent("telegram")
        status, answer = post(config, book, {"sender": sender}, agent=agent,
                              input_channels=[TelegramInput(config, book=book)])
        assert (status, answer["outcome"]) == (200, outcome)
        assert agent.triggered == ["checkin_start"]
        sent = telegram.calls("sendMessage")
        assert [c["text"] for c in sent] == ([] if blocked else [QUESTION])
        if not blocked:
            assert [b["text"] for row in sent[0]["reply_markup"]["inline_keyboard"] for b in row] == \
                ["Better", "Same", "Worse"]


@pytest.mark.parametrize(("unsubscribed", "outcome"), [(False, "sent"), (True, "unreachable")])
def test_sms_checkin_goes_through_the_conversation(twilio: TwilioStandIn, book: ContactBook,
                                                   unsubscribed: bool, outcome: str) -> None:
    sender, _ = book.record_inbound("sms", NUMBER, at=utcnow() - timedelta(days=40))  # any time on SMS
    if unsubscribed:
        twilio.unsubscribed.add(NUMBER)  # STOP reached Twilio: 21610
    config = Settings(**{**settings_for(twilio).dict(), "channel_public_url": "https://chat.clinic.example"})
    agent = StandInAgent("twilio")
    status, answer = post(config, book, {"sender": sender}, agent=agent,
                          input_channels=[TwilioInput(config, book=book)])
    assert (status, answer["outcome"]) == (200, outcome)
    bodies = [m["Body"] for m in twilio.messages]
    assert bodies == ([] if unsubscribed else [f"{QUESTION}\n\nReply 1 for Better, 2 for Same, 3 for Worse."])
