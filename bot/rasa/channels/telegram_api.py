"""A small async client for the Telegram Bot API, on aiohttp.

Only what the channel and check-in delivery use: sendMessage, sendPhoto (a URL or PNG bytes),
answerCallbackQuery, editMessageReplyMarkup and setWebhook. aiogram 2.15 (the release Rasa 3.6
pins) predates setWebhook's `secret_token`, so the raw call is made here. Every method is
`POST {base_url}/bot{token}/{method}`; an answer with `"ok": false` becomes a `ProviderError`
carrying `error_code` (403: the person blocked the bot) and, for 429, `retry_after`. The base URL
and the HTTP session are injectable, so tests talk to a stand-in on loopback.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Mapping, Sequence
from typing import Any

import aiohttp

from bot.rasa.channels.provider import DEFAULT_TIMEOUT_S, ProviderError, open_session, read_json

__all__ = ["DEFAULT_TELEGRAM_API_URL", "ProviderError", "TelegramClient"]

DEFAULT_TELEGRAM_API_URL = "https://api.telegram.org"
PROVIDER = "telegram"


class TelegramClient:
    """Call the Bot API as one bot."""

    def __init__(self, token: str, *, base_url: str = DEFAULT_TELEGRAM_API_URL,
                 session: aiohttp.ClientSession | None = None, timeout_s: float = DEFAULT_TIMEOUT_S) -> None:
        self._token = token
        self.base_url = (base_url or DEFAULT_TELEGRAM_API_URL).rstrip("/")
        self._session = session
        self._timeout_s = timeout_s

    async def send_message(self, chat_id: int | str, text: str, reply_markup: Mapping[str, Any] | None = None,
                           parse_mode: str | None = None) -> dict[str, Any]:
        """Send a text (at most 4,096 characters; `parse_mode="HTML"` for <b> and <a>); returns the sent Message."""
        payload: dict[str, Any] = {"chat_id": chat_id, "text": text}
        if parse_mode:
            payload["parse_mode"] = parse_mode
        if reply_markup:
            payload["reply_markup"] = dict(reply_markup)
        return dict(await self.call("sendMessage", payload))

    async def send_photo(self, chat_id: int | str, photo: str | bytes, caption: str | None = None,
                         reply_markup: Mapping[str, Any] | None = None,
                         filename: str = "image.png") -> dict[str, Any]:
        """Send a photo by URL, or upload PNG bytes (multipart); the caption is at most 1,024 characters."""
        fields: dict[str, Any] = {"chat_id": chat_id}
        if caption:
            fields["caption"] = caption
        if reply_markup:
            fields["reply_markup"] = dict(reply_markup)
        if isinstance(photo, str):
            return dict(await self.call("sendPhoto", {**fields, "photo": photo}))
        form = aiohttp.FormData()
        for name, value in fields.items():
            form.add_field(name, json.dumps(value) if isinstance(value, dict) else str(value))
        form.add_field("photo", photo, filename=filename, content_type="image/png")
        return dict(await self.call("sendPhoto", form))

    async def answer_callback_query(self, callback_query_id: str, text: str | None = None) -> bool:
        """Stop the tapped button's spinner (Telegram expects an answer to every callback query)."""
        payload: dict[str, Any] = {"callback_query_id": callback_query_id}
        if text:
            payload["text"] = text
        return bool(await self.call("answerCallbackQuery", payload))

    async def edit_message_reply_markup(self, chat_id: int | str, message_id: int,
                                        reply_markup: Mapping[str, Any] | None = None) -> Any:
        """Replace (or, with None, remove) the inline keyboard under a message already sent."""
        payload: dict[str, Any] = {"chat_id": chat_id, "message_id": message_id}
        if reply_markup is not None:
            payload["reply_markup"] = dict(reply_markup)
        return await self.call("editMessageReplyMarkup", payload)

    async def set_webhook(self, url: str, secret_token: str,
                          allowed_updates: Sequence[str] = ("message", "callback_query")) -> bool:
        """Point Telegram at our webhook; every update will then carry X-Telegram-Bot-Api-Secret-Token."""
        return bool(await self.call("setWebhook", {"url": url, "secret_token": secret_token,
                                                   "allowed_updates": list(allowed_updates)}))

    async def call(self, method: str, payload: Mapping[str, Any] | aiohttp.FormData) -> Any:
        """One Bot API method; returns its `result`."""
        url = f"{self.base_url}/bot{self._token}/{method}"
        body: dict[str, Any] = {"data": payload} if isinstance(payload, aiohttp.FormData) else {"json": dict(payload)}
        try:
            async with open_session(self._session, self._timeout_s) as session, \
                    session.post(url, **body) as response:
                answer = await read_json(PROVIDER, response)
        except aiohttp.ClientError as error:
            raise ProviderError(PROVIDER, 0, description=type(error).__name__) from None
        except asyncio.TimeoutError:
            raise ProviderError(PROVIDER, 0, description="timed out") from None
        if not isinstance(answer, dict) or not answer.get("ok"):
            detail = answer if isinstance(answer, dict) else {}
            code = detail.get("error_code")
            retry = (detail.get("parameters") or {}).get("retry_after")
            raise ProviderError(PROVIDER, response.status, int(code) if isinstance(code, int) else None,
                                str(detail.get("description") or ""),
                                float(retry) if isinstance(retry, (int, float)) else None)
        return answer.get("result")
