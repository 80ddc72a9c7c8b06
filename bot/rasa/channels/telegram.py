"""Telegram: `POST /webhooks/telegram/webhook`, registered with Telegram on start-up.

Unlike Rasa's own Telegram channel: the webhook is registered with a `secret_token` and an update
whose `X-Telegram-Bot-Api-Secret-Token` does not match (constant-time compare) is refused with 403;
a repeated `update_id` is dropped; every update with the right secret gets 200 once it has been
taken, whatever happens next, so Telegram never sends it again in a loop. Buttons are an inline
keyboard; every callback query is answered (the button stops spinning) and its keyboard removed, so
an old question cannot be answered twice. The body map goes as a PNG photo with its text
alternative as the caption. /start greets, /help explains, /stop stops check-ins, /delete deletes
the person's data. Only private chats are served: a health conversation does not belong in a group.
The chat id never becomes the sender id (a keyed pseudonym, bot.checkins.contacts).
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.checkins.contacts import ChannelContact, ContactBook, contact_book, pseudonym
from bot.rasa.channels.conversation import MessagingOutput, Turns, converse
from bot.rasa.channels.hygiene import SLOW_DOWN, rate_limited, say, seen_ids
from bot.rasa.channels.media import MapFontMissing, render_png
from bot.rasa.channels.messaging import Option, Reply, formatted, sentence, split_text
from bot.rasa.channels.provider import ProviderError
from bot.rasa.channels.telegram_api import TelegramClient
from bot.rasa.limits import max_body_bytes, shared_limiter
from core.settings import Settings, settings

__all__ = ["TelegramInput", "TelegramOutput", "webhook_secret"]

logger = logging.getLogger(__name__)

WEBHOOK_PATH = "/webhooks/telegram/webhook"
TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024
CALLBACK_DATA_MAX = 64  # bytes Telegram keeps of a button's callback_data
# Commands the bot answers; the others are read as words (the slash-command filter).
COMMANDS = {"/start": "/greet", "/delete": "/delete_data"}


def webhook_secret(config: Settings) -> str:
    """BOT_TELEGRAM_SECRET, else one derived from the bot token (only the token's holder can know it)."""
    if config.telegram_secret:
        return config.telegram_secret
    return hmac.new(config.telegram_token.encode(), b"pain-coach telegram webhook", hashlib.sha256).hexdigest()


def keyboard(options: list[Option]) -> dict[str, Any]:
    """An inline keyboard: short titles side by side, long ones one per row. A payload too long for
    callback_data is sent as "#<number>" and mapped back through the options on offer."""
    buttons = [{"text": o.title, "callback_data": o.payload if len(o.payload.encode()) <= CALLBACK_DATA_MAX
                else f"#{o.number}"} for o in options]
    if len(buttons) <= 4 and all(len(o.title) <= 12 for o in options):
        return {"inline_keyboard": [buttons]}
    return {"inline_keyboard": [[b] for b in buttons]}


class TelegramOutput(MessagingOutput):
    """Sends a conversation's replies to one Telegram chat (looked up for messages Rasa sends on its own)."""

    @classmethod
    def name(cls) -> str:
        """The input channel's name, so `output_channel=latest` finds this one."""
        return "telegram"

    def __init__(self, client: TelegramClient, chat_id: int | None = None, book: ContactBook | None = None, *,
                 strict: bool = False) -> None:
        self.strict = strict
        self.client = client
        self.chat_id = chat_id
        self._book = book

    async def _resolve(self, recipient_id: str) -> int | None:
        if self.chat_id is not None:
            return self.chat_id
        contact: ChannelContact | None = await asyncio.to_thread((self._book or contact_book()).lookup, recipient_id)
        if contact is None or contact.channel != "telegram":
            logger.info("No Telegram chat to send to for this conversation.")
            return None
        return int(contact.address)

    async def deliver(self, recipient_id: str, reply: Reply) -> None:
        """Text with its keyboard, then any picture; a refusal is logged (without the chat) and dropped."""
        chat = await self._resolve(recipient_id)
        if chat is None:
            return
        try:
            if reply.text or reply.options:
                pieces = [formatted(p, "telegram") for p in split_text(reply.text, TEXT_LIMIT - 200)] or ["…"]
                for piece in pieces[:-1]:
                    await self.client.send_message(chat, piece, parse_mode="HTML")
                await self.client.send_message(chat, pieces[-1], parse_mode="HTML",
                                               reply_markup=keyboard(reply.options) if reply.options else None)
            if reply.picture is not None:
                await self._send_picture(chat, reply)
        except ProviderError as error:
            self.refused(error, "chat")

    async def _send_picture(self, chat: int, reply: Reply) -> None:
        picture = reply.picture
        assert picture is not None
        photo: str | bytes | None = picture.url
        if photo is None and picture.svg:
            try:
                photo = await asyncio.to_thread(render_png, picture.svg)
            except (MapFontMissing, ValueError) as error:
                logger.warning("Picture not drawn (%s); sending its text instead.", error)
        caption = picture.alt if len(picture.alt) <= CAPTION_LIMIT else ""
        if photo is not None:
            await self.client.send_photo(chat, photo, caption=caption or None)
            if caption or not picture.alt:
                return
        if picture.alt:
            for piece in split_text(sentence("utter_channel_picture_text", alt=picture.alt), TEXT_LIMIT):
                await self.client.send_message(chat, piece)


class TelegramInput(InputChannel):
    """Telegram's webhook; on when BOT_TELEGRAM_TOKEN and BOT_CHANNEL_PUBLIC_URL are set."""

    @classmethod
    def name(cls) -> str:
        """Mounted at /webhooks/telegram."""
        return "telegram"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        """Configured from the environment (core.settings), not from credentials.yml: no secret in files."""
        return cls(settings())

    def __init__(self, config: Settings, *, client: TelegramClient | None = None,
                 book: ContactBook | None = None) -> None:
        self.config = config
        self.off_reason = config.messaging_channels()["Telegram"]
        self.secret = webhook_secret(config) if config.telegram_token else ""
        self.client = client or TelegramClient(config.telegram_token, base_url=config.telegram_api_url)
        self._book = book
        self.turns = Turns()

    @property
    def book(self) -> ContactBook:
        """The contact book (the configured database unless one was given)."""
        return self._book or contact_book()

    def get_output_channel(self) -> TelegramOutput | None:
        """For messages Rasa sends on its own (check-ins): the chat comes from the contact book, and a
        refusal (403: the person blocked the bot) is raised to the caller."""
        return None if self.off_reason else TelegramOutput(self.client, book=self._book, strict=True)

    async def register_webhook(self) -> None:
        """Tell Telegram where to post updates, with the secret it must send back."""
        try:
            await self.client.set_webhook(self.config.channel_public_url + WEBHOOK_PATH, self.secret)
            logger.info("Telegram webhook registered.")
        except ProviderError as error:
            logger.error("Telegram webhook not registered: %s", error)

    def _genuine(self, request: Request) -> bool:
        given = request.headers.get("X-Telegram-Bot-Api-Secret-Token", "")
        return bool(self.secret) and hmac.compare_digest(given.encode(), self.secret.encode())

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """Health and the webhook; while the channel is off, the webhook says so (404)."""
        hook = Blueprint("telegram_messaging", __name__)
        limiter = shared_limiter()

        if not self.off_reason:
            @hook.listener("after_server_start")
            async def register(_app: Any, _loop: Any) -> None:
                await self.register_webhook()

        @hook.route("/", methods=["GET"])
        async def health(_request: Request) -> HTTPResponse:
            return response.json({"status": "ok" if not self.off_reason else "off"})

        @hook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if self.off_reason:
                return response.json({"error": f"The Telegram channel is off ({self.off_reason})."}, status=404)
            if not self._genuine(request):
                logger.warning("Telegram webhook: update refused (secret token missing or wrong).")
                return response.text("Forbidden", status=403)
            if len(request.body or b"") > max_body_bytes():
                return response.text("")  # not something Telegram sends; 200 so it is not sent again
            try:
                update = json.loads(request.body or b"{}")
            except ValueError:
                return response.text("")
            if not isinstance(update, dict) or not seen_ids().first_time("telegram", str(update.get("update_id"))):
                return response.text("")
            self._take(update, on_new_message, getattr(request.app.ctx, "agent", None), limiter)
            return response.text("")

        return hook

    def _take(self, update: dict[str, Any], on_new_message: Callable[[UserMessage], Awaitable[Any]],
              agent: Any, limiter: Any) -> None:
        """Queue the update's turn; updates the bot does not serve are dropped here."""
        callback = update.get("callback_query")
        message = update.get("message") if callback is None else (callback or {}).get("message")
        chat = (message if isinstance(message, dict) else {}).get("chat") or {}
        if not isinstance(chat.get("id"), int) or chat.get("type") != "private":
            if isinstance(callback, dict):  # every callback query is answered, even one we do not serve
                self.turns.start(f"callback:{callback.get('id')}", lambda: self._answer(callback))
            return
        chat_id = int(chat["id"])
        sender = pseudonym("telegram", str(chat_id))
        output = TelegramOutput(self.client, chat_id)
        text = str((message or {}).get("text") or "") if callback is None else ""
        # /stop and /delete are always honoured, however fast they come
        wait = 0 if _command(text) in ("/stop", "/delete") else rate_limited(limiter, sender)

        if isinstance(callback, dict):  # the tap is acknowledged at once, not after the person's earlier turns
            self.turns.start(f"callback:{callback.get('id')}", lambda: self._answer(callback))

        async def turn() -> None:
            if isinstance(callback, dict):
                await self._unmark(chat_id, message)
            if wait:
                await output.tell(sender, say(SLOW_DOWN, seconds=wait))
                return
            await self._turn(chat_id, sender, update, output, on_new_message, agent)

        self.turns.start(sender, turn)

    async def _answer(self, callback: dict[str, Any]) -> None:
        try:
            await self.client.answer_callback_query(str(callback.get("id")))
        except ProviderError as error:
            logger.warning("Callback query not answered: %s", error)

    async def _unmark(self, chat_id: int, message: Any) -> None:
        """Take the keyboard off the message whose button was tapped."""
        if isinstance(message, dict) and isinstance(message.get("message_id"), int):
            try:
                await self.client.edit_message_reply_markup(chat_id, message["message_id"])
            except ProviderError as error:
                logger.info("Keyboard not removed: %s", error)

    async def _turn(self, chat_id: int, sender: str, update: dict[str, Any], output: TelegramOutput,
                    on_new_message: Callable[[UserMessage], Awaitable[Any]], agent: Any) -> None:
        book = self.book
        _sender, first = await asyncio.to_thread(book.record_inbound, "telegram", str(chat_id))
        callback = update.get("callback_query")
        text, chosen = "", None
        if isinstance(callback, dict):  # "#2" is a long payload's number: read against the options on offer
            text = str(callback.get("data") or "")
            chosen = None if text.startswith("#") else text
        else:
            message = update.get("message") or {}
            text = str(message.get("text") or "")
            if not text:
                await output.tell(sender, sentence("utter_channel_media_only"))
                if first:
                    await output.tell(sender, sentence("utter_channel_consent_telegram"))
                return
            command = _command(text)
            if command == "/help":
                await output.tell(sender, sentence("utter_channel_help_telegram"))
                return
            if command == "/stop":
                await asyncio.to_thread(_stop_checkins, sender)
                await output.tell(sender, sentence("utter_channel_stopped_telegram"))
                return
            if command in COMMANDS:
                chosen = COMMANDS[command]
        await converse(text=text, chosen=chosen, sender=sender, output=output, on_new_message=on_new_message,
                       channel=self.name(), agent=agent, metadata={"channel": "telegram"})
        if first and chosen != "/delete_data":
            await output.tell(sender, sentence("utter_channel_consent_telegram"))


def _command(text: str) -> str:
    """"/start" from "/start", "/START@clinic_bot" or "/start payload"; "" for anything else."""
    return text.split()[0].split("@")[0].lower() if text.startswith("/") and text.strip() else ""


def _stop_checkins(sender: str) -> int:
    """/stop: cancel the planned check-ins (the conversation itself goes on)."""
    from bot.checkins.store import CheckinStore
    from kb.database import engine_for

    return CheckinStore(engine_for(settings().kb_url)).stop(sender)
