"""SMS and WhatsApp through Twilio: `POST /webhooks/twilio/webhook`.

Unlike Rasa's own Twilio channel, every request must carry a valid `X-Twilio-Signature`, checked
with the twilio library's `RequestValidator` against the public URL Twilio was given
(BOT_CHANNEL_PUBLIC_URL + path: behind a proxy the server sees another URL), and a forged, tampered
or replayed request (a `MessageSid` already received) is answered 403 before anything reaches a
conversation. The phone number never becomes the sender id: the id is a keyed pseudonym, and the
number is stored once, encrypted (bot.checkins.contacts). Replies are sent with the async client
(bot.rasa.channels.twilio_api), never blocking the server.

Buttons: SMS gets "Reply 1 for Yes, 2 for No."; WhatsApp gets quick-reply buttons when there are at
most three with short titles, the numbered list otherwise. The body map goes as a PNG (signed,
short-lived URL, bot.rasa.channels.media) on WhatsApp and on MMS-capable numbers
(BOT_TWILIO_SMS_MMS), as a line of text otherwise. STOP, START and HELP work as carriers expect;
STOP also cancels the check-ins.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any
from urllib.parse import parse_qs

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request, RequestParameters
from sanic.response import HTTPResponse

from bot.checkins.contacts import ChannelContact, ContactBook, contact_book, pseudonym
from bot.rasa.channels.conversation import MessagingOutput, Turns, converse
from bot.rasa.channels.hygiene import SLOW_DOWN, rate_limited, say, seen_ids
from bot.rasa.channels.media import MapFontMissing, media_url
from bot.rasa.channels.messaging import (
    Keyword,
    Option,
    Reply,
    formatted,
    keyword,
    numbered_prompt,
    sentence,
    split_text,
)
from bot.rasa.channels.provider import ProviderError
from bot.rasa.channels.twilio_api import TwilioClient
from bot.rasa.limits import max_body_bytes, shared_limiter
from core.settings import Settings, settings

__all__ = ["TwilioInput", "TwilioOutput"]

logger = logging.getLogger(__name__)

WEBHOOK_PATH = "/webhooks/twilio/webhook"
BODY_LIMIT = 1600  # Twilio's limit for one message body (it splits SMS into segments itself)
QUICK_REPLY_MAX = 3  # WhatsApp shows at most three quick-reply buttons
QUICK_REPLY_TITLE_MAX = 20  # ... each with at most 20 characters
QUICK_REPLY_BODY_MAX = 1024
EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>'


@dataclass(frozen=True)
class Target:
    """Where a reply goes: the channel kind and Twilio's `To` ("+44..." or "whatsapp:+44...")."""

    kind: str
    to: str


class TwilioOutput(MessagingOutput):
    """Sends a conversation's replies by SMS or WhatsApp.

    Inside a turn the person's address is known; for messages Rasa sends on its own (a check-in
    started with `trigger_intent`) it is looked up in the contact book, and nothing is sent to a
    number that replied STOP, nor free-form on WhatsApp outside the 24-hour window (check-in delivery
    sends the approved template there).
    """

    _quick_replies: OrderedDict[str, str] = OrderedDict()  # content SIDs by text and buttons, per process

    @classmethod
    def name(cls) -> str:
        """The input channel's name, so `output_channel=latest` finds this one."""
        return "twilio"

    def __init__(self, client: TwilioClient, config: Settings, target: Target | None = None,
                 book: ContactBook | None = None, *, strict: bool = False) -> None:
        self.strict = strict
        self.client = client
        self.config = config
        self.target = target
        self._book = book

    def _sender_number(self, kind: str) -> str:
        return f"whatsapp:{self.config.twilio_whatsapp_from}" if kind == "whatsapp" else self.config.twilio_sms_from

    async def _resolve(self, recipient_id: str) -> Target | None:
        if self.target is not None:
            return self.target
        book = self._book or contact_book()
        contact: ChannelContact | None = await asyncio.to_thread(book.lookup, recipient_id)
        if contact is None or contact.channel not in ("sms", "whatsapp") or contact.opted_out:
            logger.info("No Twilio address to send to for this conversation (none, other channel or STOP).")
            return None
        if contact.channel == "whatsapp" and not contact.in_whatsapp_window(datetime.now(timezone.utc)):
            logger.info("WhatsApp message not sent: outside the 24-hour window (templates only).")
            return None
        return Target(contact.channel, contact.twilio_address)

    async def deliver(self, recipient_id: str, reply: Reply) -> None:
        """Text with options, then any picture; a refusal is logged (without the number) and dropped."""
        target = await self._resolve(recipient_id)
        if target is None:
            return
        try:
            if reply.text or reply.options:
                await self._send_text(target, reply.text, reply.options)
            if reply.picture is not None:
                await self._send_picture(target, reply)
        except ProviderError as error:
            self.refused(error, target.kind)

    async def _send_text(self, target: Target, text: str, options: list[Option]) -> None:
        from_ = self._sender_number(target.kind)
        text = formatted(text, target.kind)
        if target.kind == "whatsapp" and _fits_quick_reply(text, options):
            try:
                content = await self._quick_reply(text, options)
            except ProviderError as error:
                logger.warning("WhatsApp quick replies unavailable (%s); sending a numbered list.", error)
            else:
                await self.client.send_message(target.to, from_=from_, content_sid=content)
                return
        body = f"{text}\n\n{numbered_prompt(options)}".strip() if options else text
        for piece in split_text(body, BODY_LIMIT):
            await self.client.send_message(target.to, piece, from_=from_)

    async def _quick_reply(self, text: str, options: list[Option]) -> str:
        """The quick-reply content for this text and these buttons, created once per process."""
        key = hashlib.sha256(repr((text, [(o.title, o.payload) for o in options])).encode()).hexdigest()
        cache = TwilioOutput._quick_replies
        if key not in cache:
            cache[key] = await self.client.create_quick_reply(f"pain-coach-{key[:20]}", text,
                                                              [(o.title, o.payload) for o in options])
            while len(cache) > 512:
                cache.popitem(last=False)
        return cache[key]

    async def _send_picture(self, target: Target, reply: Reply) -> None:
        picture = reply.picture
        assert picture is not None
        pictures_ok = target.kind == "whatsapp" or self.config.twilio_sms_mms
        url = picture.url
        if pictures_ok and url is None and picture.svg and self.config.channel_public_url:
            try:
                url = media_url(self.config.channel_public_url, picture.svg)
            except (MapFontMissing, ValueError) as error:
                logger.warning("Picture link not made (%s); sending its text instead.", error)
        from_ = self._sender_number(target.kind)
        if pictures_ok and url:
            await self.client.send_message(target.to, picture.alt[:BODY_LIMIT] or None, from_=from_, media_url=url)
        elif picture.alt:
            await self.client.send_message(target.to, sentence("utter_channel_picture_text", alt=picture.alt),
                                           from_=from_)


def form_fields(body: bytes) -> RequestParameters:
    """The posted form, blank fields included: Twilio signs every field it sends ("FromZip": "" too),
    while Sanic's `request.form` drops blank ones, which would fail every genuine SMS signature."""
    parsed = parse_qs(body.decode("utf-8", errors="replace"), keep_blank_values=True)
    return RequestParameters(parsed)


def _count(value: str | None) -> int:
    try:
        return max(0, int(value or 0))
    except ValueError:
        return 0


def _fits_quick_reply(text: str, options: list[Option]) -> bool:
    return (0 < len(options) <= QUICK_REPLY_MAX and 0 < len(text) <= QUICK_REPLY_BODY_MAX
            and all(len(o.title) <= QUICK_REPLY_TITLE_MAX for o in options))


def _twiml() -> HTTPResponse:
    return response.text(EMPTY_TWIML, content_type="text/xml")


class TwilioInput(InputChannel):
    """Twilio's webhook for SMS and WhatsApp; on when BOT_TWILIO_* and BOT_CHANNEL_PUBLIC_URL are set."""

    @classmethod
    def name(cls) -> str:
        """Mounted at /webhooks/twilio."""
        return "twilio"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        """Configured from the environment (core.settings), not from credentials.yml: no secret in files."""
        return cls(settings())

    def __init__(self, config: Settings, *, client: TwilioClient | None = None,
                 book: ContactBook | None = None) -> None:
        self.config = config
        status = config.messaging_channels()
        self.kinds = {kind: not status[label] for kind, label in (("sms", "SMS"), ("whatsapp", "WhatsApp"))}
        self.off_reason = status["SMS"] if not any(self.kinds.values()) else ""
        self.client = client or TwilioClient(config.twilio_account_sid, config.twilio_auth_token,
                                             base_url=config.twilio_api_url)
        self._book = book
        self.turns = Turns()

    @property
    def book(self) -> ContactBook:
        """The contact book (the configured database unless one was given)."""
        return self._book or contact_book()

    def get_output_channel(self) -> TwilioOutput | None:
        """For messages Rasa sends on its own (check-ins): the address comes from the contact book, and
        a refusal (21610 after STOP) is raised to the caller."""
        if not any(self.kinds.values()):
            return None
        return TwilioOutput(self.client, self.config, book=self._book, strict=True)

    def _genuine(self, request: Request, form: RequestParameters) -> bool:
        """The signature Twilio computed over our public URL and every form field matches (constant time)."""
        from twilio.request_validator import RequestValidator

        signature = request.headers.get("X-Twilio-Signature", "")
        if not signature:
            return False
        url = self.config.channel_public_url + request.path
        if request.query_string:
            url += "?" + request.query_string
        return bool(RequestValidator(self.config.twilio_auth_token).validate(url, form, signature)) \
            and form.get("AccountSid") == self.config.twilio_account_sid

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """Health and the webhook; while the channel is off, the webhook says so (404)."""
        hook = Blueprint("twilio_messaging", __name__)
        limiter = shared_limiter()

        @hook.route("/", methods=["GET"])
        async def health(_request: Request) -> HTTPResponse:
            return response.json({"status": "ok" if not self.off_reason else "off", **self.kinds})

        @hook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if self.off_reason:
                return response.json({"error": f"The Twilio channel is off ({self.off_reason})."}, status=404)
            if len(request.body or b"") > max_body_bytes():
                return response.json({"error": "Request too large."}, status=413)
            form = form_fields(request.body or b"")
            if not self._genuine(request, form):
                logger.warning("Twilio webhook: request refused (signature missing or invalid).")
                return response.text("Forbidden", status=403)
            message_sid = form.get("MessageSid") or ""
            if not message_sid or not seen_ids().first_time("twilio", message_sid):
                logger.warning("Twilio webhook: repeated MessageSid refused.")
                return response.text("Forbidden", status=403)
            address = form.get("From") or ""
            kind = "whatsapp" if address.startswith("whatsapp:") else "sms"
            ours = self.config.twilio_whatsapp_from if kind == "whatsapp" else self.config.twilio_sms_from
            if not self.kinds[kind] or not address.removeprefix("whatsapp:").strip() \
                    or (form.get("To") or "").removeprefix("whatsapp:") != ours:
                logger.warning("Twilio webhook: a %s message for a number this channel does not serve.", kind)
                return _twiml()
            sender = pseudonym(kind, address)
            body, media = form.get("Body") or "", _count(form.get("NumMedia"))
            chosen = form.get("ButtonPayload") or None
            output = TwilioOutput(self.client, self.config, Target(kind, address))
            # STOP, START and HELP are always honoured, however fast they come
            wait = 0 if not chosen and keyword(body) else rate_limited(limiter, sender)
            if wait:
                self.turns.start(sender, lambda: output.tell(sender, say(SLOW_DOWN, seconds=wait)))
                return _twiml()
            agent = getattr(request.app.ctx, "agent", None)

            async def turn() -> None:
                await self._turn(kind, address, body, media, chosen, output, on_new_message, agent)

            self.turns.start(sender, turn)
            return _twiml()

        return hook

    async def _turn(self, kind: str, address: str, body: str, media: int, chosen: str | None,
                    output: TwilioOutput, on_new_message: Callable[[UserMessage], Awaitable[Any]],
                    agent: Any) -> None:
        book = self.book
        sender, first = await asyncio.to_thread(book.record_inbound, kind, address)
        contact = await asyncio.to_thread(book.lookup, sender)
        opted_out = bool(contact and contact.opted_out)
        word = None if chosen else keyword(body, opted_out=opted_out)
        if word is Keyword.STOP:
            await asyncio.to_thread(book.opt_out, sender)
            await output.tell(sender, sentence("utter_channel_stopped"))  # refused if Twilio already did: fine
            return
        if word is Keyword.START:
            await asyncio.to_thread(book.opt_in, sender)
            await output.tell(sender, sentence("utter_channel_started"))
            return
        if word is Keyword.HELP:
            await output.tell(sender, sentence("utter_channel_help"))
            return
        if opted_out:
            return  # they said STOP: nothing is sent until START
        if not body.strip() and not chosen and media:
            await output.tell(sender, sentence("utter_channel_media_only"))
        else:
            await converse(text=body, chosen=chosen, sender=sender, output=output, on_new_message=on_new_message,
                           channel=self.name(), agent=agent, metadata={"channel": kind})
        if first:
            await output.tell(sender, sentence("utter_channel_consent_twilio"))
