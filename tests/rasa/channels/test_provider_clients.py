"""The Twilio and Telegram clients against the local stand-ins: what goes over the wire, and the typed
error for the refusals check-in delivery acts on (Twilio 21610 opted out, Telegram 403 blocked)."""

from __future__ import annotations

import asyncio
import json

import pytest

from bot.rasa.channels.provider import ProviderError
from bot.rasa.channels.telegram_api import TelegramClient
from bot.rasa.channels.twilio_api import TwilioClient
from tests.support.providers import TelegramStandIn, TwilioStandIn


def test_twilio_sends_the_documented_form_with_basic_auth() -> None:
    with TwilioStandIn() as twilio:
        client = TwilioClient(twilio.account_sid, twilio.auth_token, base_url=twilio.url)
        sid = asyncio.run(client.send_message("+447700900123", "Hello", from_="+15005550006",
                                              media_url="https://clinic.example/m/1.png"))
        template = asyncio.run(client.send_message("whatsapp:+447700900123", from_="whatsapp:+15005550006",
                                                   content_sid="HX123", content_variables={"1": "Riverside"}))
    assert sid.startswith("SM") and template.startswith("SM") and sid != template
    first, second = twilio.messages
    assert first == {"To": "+447700900123", "From": "+15005550006", "Body": "Hello",
                     "MediaUrl": ["https://clinic.example/m/1.png"]}
    assert second["ContentSid"] == "HX123" and json.loads(second["ContentVariables"]) == {"1": "Riverside"}
    assert "Body" not in second


def test_twilio_refusal_is_a_typed_error_with_code() -> None:
    with TwilioStandIn() as twilio:
        twilio.unsubscribed.add("+447700900123")
        client = TwilioClient(twilio.account_sid, twilio.auth_token, base_url=twilio.url)
        with pytest.raises(ProviderError) as refused:
            asyncio.run(client.send_message("+447700900123", "Hi", from_="+15005550006"))
        wrong = TwilioClient(twilio.account_sid, "wrong-token", base_url=twilio.url)
        with pytest.raises(ProviderError) as unauthorised:
            asyncio.run(wrong.send_message("+447700900124", "Hi", from_="+15005550006"))
    assert (refused.value.status, refused.value.code, refused.value.recipient_gone) == (400, 21610, True)
    wrong_token = unauthorised.value
    assert (wrong_token.status, wrong_token.code, wrong_token.recipient_gone) == (401, 20003, False)
    assert twilio.messages == []


def test_unreachable_provider_is_status_zero_and_hides_the_url() -> None:
    client = TelegramClient("123:SECRET-TOKEN", base_url="http://127.0.0.1:9", timeout_s=2)
    with pytest.raises(ProviderError) as failed:
        asyncio.run(client.send_message(1, "hi"))
    assert failed.value.status == 0 and "SECRET-TOKEN" not in str(failed.value)


def test_telegram_methods_and_blocked_chat() -> None:
    keyboard = {"inline_keyboard": [[{"text": "Yes", "callback_data": "/affirm"}]]}
    with TelegramStandIn() as telegram:
        client = TelegramClient(telegram.token, base_url=telegram.url)
        sent = asyncio.run(client.send_message(42, "Does it hurt?", reply_markup=keyboard))
        asyncio.run(client.send_photo(42, b"\x89PNG\r\n\x1a\nrest", caption="Body map: neck"))
        asyncio.run(client.send_photo(42, "https://clinic.example/m/1.png", caption="by URL"))
        assert asyncio.run(client.answer_callback_query("777")) is True
        assert asyncio.run(client.set_webhook("https://clinic.example/webhooks/telegram/webhook", "s3cret")) is True
        telegram.blocked.add(43)
        with pytest.raises(ProviderError) as blocked:
            asyncio.run(client.send_message(43, "hello?"))
        bad = TelegramClient("999:wrong", base_url=telegram.url)
        with pytest.raises(ProviderError) as unauthorised:
            asyncio.run(bad.send_message(42, "hi"))
    assert sent["chat"]["id"] == 42 and sent["text"] == "Does it hurt?"
    assert telegram.calls("sendMessage") == [{"chat_id": 42, "text": "Does it hurt?", "reply_markup": keyboard}]
    upload, by_url = telegram.requests[1], telegram.requests[2]
    assert upload.files["photo"].startswith(b"\x89PNG") and upload.fields == {"chat_id": "42",
                                                                              "caption": "Body map: neck"}
    assert by_url.fields["photo"] == "https://clinic.example/m/1.png"
    assert telegram.calls("answerCallbackQuery") == [{"callback_query_id": "777"}]
    assert telegram.calls("setWebhook")[0]["secret_token"] == "s3cret"
    assert (blocked.value.status, blocked.value.code, blocked.value.recipient_gone) == (403, 403, True)
    assert unauthorised.value.status == 401 and not unauthorised.value.recipient_gone


def test_twilio_quick_reply_content_for_whatsapp() -> None:
    with TwilioStandIn() as twilio:
        client = TwilioClient(twilio.account_sid, twilio.auth_token, base_url=twilio.url)
        sid = asyncio.run(client.create_quick_reply("pc-1", "Does it hurt?", [("Yes", "/affirm"), ("No", "/deny")]))
    assert sid.startswith("HX")
    (created,) = [r.fields for r in twilio.requests if r.method == "Content"]
    assert created["types"]["twilio/quick-reply"] == {
        "body": "Does it hurt?", "actions": [{"title": "Yes", "id": "/affirm"}, {"title": "No", "id": "/deny"}]}


def test_telegram_stand_in_refuses_html_telegram_would_refuse() -> None:
    with TelegramStandIn() as telegram:
        client = TelegramClient(telegram.token, base_url=telegram.url)
        asyncio.run(client.send_message(42, "<b>Bold</b> &amp; fine", parse_mode="HTML"))
        for bad in ("a < b", "<script>x</script>", "<b>open", "Tom & Jerry"):
            with pytest.raises(ProviderError) as refused:
                asyncio.run(client.send_message(42, bad, parse_mode="HTML"))
            assert refused.value.status == 400
    assert [c["text"] for c in telegram.calls("sendMessage")] == ["<b>Bold</b> &amp; fine"]
