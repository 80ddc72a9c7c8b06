"""Who may post into a conversation: Twilio's signature over the public URL, a MessageSid or update_id
seen once, and Telegram's secret token. The same checks end to end, with the real Rasa server, are in
tests/e2e/test_messaging_channels.py."""

from __future__ import annotations

import time
from types import SimpleNamespace
from typing import Any
from urllib.parse import urlencode

import pytest

from bot.rasa.channels.hygiene import SeenIds
from bot.rasa.channels.telegram import TelegramInput, webhook_secret
from bot.rasa.channels.twilio import TwilioInput, form_fields
from core.settings import Settings
from tests.support.providers import twilio_form, twilio_signature

PUBLIC = "https://chat.clinic.example"
PATH = "/webhooks/twilio/webhook"
CONFIG = Settings(channel_public_url=PUBLIC, twilio_account_sid="AC" + "0" * 32, twilio_auth_token="tok",
                  twilio_sms_from="+15005550006", telegram_token="123:abc", telegram_secret="s3cret-token")


def _check(channel: TwilioInput, form: dict[str, str], signature: str | None) -> bool:
    """What the webhook decides for a body posted as Twilio posts it (urlencoded, blank fields kept)."""
    headers = {"X-Twilio-Signature": signature} if signature is not None else {}
    request: Any = SimpleNamespace(headers=headers, path=PATH, query_string="")
    return channel._genuine(request, form_fields(urlencode(form).encode()))


@pytest.fixture
def channel() -> TwilioInput:
    return TwilioInput(CONFIG)


def test_twilio_signature_over_the_public_url_is_accepted(channel: TwilioInput) -> None:
    form = twilio_form("+447700900123", "my neck hurts")
    assert "" in form.values(), "Twilio's SMS form has blank fields (FromZip ...), and signs them too"
    assert _check(channel, form, twilio_signature("tok", PUBLIC + PATH, form))


@pytest.mark.parametrize("attack", ["missing", "forged", "tampered", "other-url", "other-token", "other-account"])
def test_twilio_requests_not_signed_for_us_are_refused(channel: TwilioInput, attack: str) -> None:
    form = twilio_form("+447700900123", "my neck hurts")
    signature = twilio_signature("tok", PUBLIC + PATH, form)
    if attack == "missing":
        signature = None
    elif attack == "forged":
        signature = "bm90IGEgc2lnbmF0dXJlIGF0IGFsbA=="
    elif attack == "tampered":
        form = {**form, "Body": "send me 500 messages"}
    elif attack == "other-url":  # what the server sees behind a proxy is not what Twilio signed
        signature = twilio_signature("tok", "http://127.0.0.1:5005" + PATH, form)
    elif attack == "other-token":
        signature = twilio_signature("someone-elses-token", PUBLIC + PATH, form)
    elif attack == "other-account":
        form = {**form, "AccountSid": "AC" + "1" * 32}
        signature = twilio_signature("tok", PUBLIC + PATH, form)
    assert not _check(channel, form, signature)


def test_a_message_sid_is_taken_once() -> None:
    seen = SeenIds(ttl_s=0.2, max_ids=3)
    assert seen.first_time("twilio", "SM1") and not seen.first_time("twilio", "SM1")
    assert seen.first_time("telegram", "SM1")  # kinds are apart
    time.sleep(0.25)
    assert seen.first_time("twilio", "SM1")  # forgotten after its time
    for sid in ("SM2", "SM3", "SM4", "SM5"):
        assert seen.first_time("twilio", sid)
    assert len(seen._seen) <= 3  # bounded memory


def test_telegram_secret_is_compared_exactly() -> None:
    channel = TelegramInput(CONFIG)
    assert channel._genuine(SimpleNamespace(headers={"X-Telegram-Bot-Api-Secret-Token": "s3cret-token"}))
    for wrong in ("", "s3cret-toke", "s3cret-token ", "S3CRET-TOKEN"):
        assert not channel._genuine(SimpleNamespace(headers={"X-Telegram-Bot-Api-Secret-Token": wrong}))
    assert not channel._genuine(SimpleNamespace(headers={}))


def test_telegram_secret_without_configuration_comes_from_the_token() -> None:
    derived = webhook_secret(Settings(telegram_token="123:abc"))
    other = webhook_secret(Settings(telegram_token="9:x"))
    assert derived == webhook_secret(Settings(telegram_token="123:abc")) != other
    assert len(derived) == 64 and derived.isalnum()


def test_channels_without_credentials_are_off_and_say_why() -> None:
    status = Settings().messaging_channels()
    assert all(status.values())
    assert "BOT_TELEGRAM_TOKEN" in status["Telegram"] and "BOT_TWILIO_ACCOUNT_SID" in status["SMS"]
    assert TwilioInput(Settings()).get_output_channel() is None
    assert TelegramInput(Settings()).get_output_channel() is None
    on = CONFIG.messaging_channels()
    assert on["SMS"] == "" and on["Telegram"] == "" and "BOT_TWILIO_WHATSAPP_FROM" in on["WhatsApp"]


def test_telegram_commands_are_read_as_telegram_sends_them() -> None:
    from bot.rasa.channels.telegram import _command

    assert [_command(t) for t in ("/start", "/DELETE@clinic_bot", "/start ref42", "start", "/", "")] == \
        ["/start", "/delete", "/start", "", "/", ""]
