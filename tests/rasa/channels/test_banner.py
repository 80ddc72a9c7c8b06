"""`make run` says in one line which messaging channels are on, and what is missing for the others."""

from __future__ import annotations

from bot.runtime.run import channels_line
from core.settings import Settings


def test_without_credentials_every_channel_is_off_in_one_line() -> None:
    line = channels_line(Settings())
    assert "\n" not in line and "on:" not in line
    assert "SMS (BOT_TWILIO_ACCOUNT_SID" in line and "Telegram (BOT_TELEGRAM_TOKEN not set)" in line


def test_configured_channels_are_on_and_the_missing_piece_is_named() -> None:
    line = channels_line(Settings(channel_public_url="https://chat.clinic.example", twilio_account_sid="AC1",
                                  twilio_auth_token="t", twilio_sms_from="+15005550006", telegram_token="1:a"))
    assert line == ("[setup] messaging channels: on: SMS, Telegram; "
                    "off: WhatsApp (BOT_TWILIO_WHATSAPP_FROM not set)")
    no_url = channels_line(Settings(telegram_token="1:a"))
    assert "Telegram (BOT_CHANNEL_PUBLIC_URL not set)" in no_url
