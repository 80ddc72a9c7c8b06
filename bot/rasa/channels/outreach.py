"""Check-ins sent on the person's messaging channel, from the Rasa server.

The scheduler (bot.checkins.scheduler) claims a due check-in and, for a person who talks to the clinic
over SMS, WhatsApp or Telegram, asks this route to send it: `POST /webhooks/outreach/checkin?token=`
with `{"sender": id}`, guarded by the Rasa API token. It runs here because the providers' clients, the
channels' output (numbered options, quick replies, inline keyboards, pictures) and the conversation
lock live in this process. The channel's rules come from bot.checkins.delivery.channel_route:

- a normal check-in: Rasa's own `trigger_intent` for `checkin_start`, with the output channel of the
  person's latest input channel, exactly as `POST /conversations/<id>/trigger_intent?output_channel=
  latest` would do, but with the provider's answer in hand: a Telegram 403 or a Twilio 21610 is
  reported as `unreachable` (the scheduler pauses the series) instead of a 500 with text in it;
- WhatsApp outside the 24-hour window: the approved template (BOT_TWILIO_CHECKIN_CONTENT_SID, Twilio
  Content API) with the clinic's name as its variable; its quick-reply button's id is
  `/checkin_start`, so a tap starts the check-in like any button.

The answer is always JSON `{"outcome": ..., "reason": ...}` (bot.checkins.delivery.Outreach), with
nothing personal in it.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
from datetime import datetime, timezone
from typing import Any, Awaitable, Callable

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.checkins.contacts import ChannelContact, ContactBook, contact_book
from bot.checkins.delivery import CHECKIN_INTENT, OUTREACH_PATH, Outreach, Route, channel_route
from bot.rasa.channels.provider import ProviderError
from bot.rasa.channels.twilio_api import TwilioClient
from core.settings import Settings, settings

__all__ = ["OutreachInput", "outreach_blueprint", "send_template"]

logger = logging.getLogger(__name__)


def _answer(outcome: Outreach, reason: str = "", status: int = 200) -> HTTPResponse:
    return response.json({"outcome": outcome.value, "reason": reason}, status=status)


def _authorised(request: Request, token: str) -> bool:
    given = request.args.get("token") or ""
    return bool(token) and hmac.compare_digest(given.encode(), token.encode())


async def send_template(contact: ChannelContact, config: Settings, client: TwilioClient | None = None) -> None:
    """The approved WhatsApp template that invites the person to their check-in."""
    client = client or TwilioClient(config.twilio_account_sid, config.twilio_auth_token,
                                    base_url=config.twilio_api_url)
    await client.send_message(contact.twilio_address, from_=f"whatsapp:{config.twilio_whatsapp_from}",
                              content_sid=config.twilio_checkin_content_sid,
                              content_variables={"1": config.clinic_name})


def _output_channel(request: Request, latest: str | None) -> OutputChannel | None:
    """The output channel of the conversation's latest input channel, as Rasa's trigger_intent finds it."""
    for channel in getattr(request.app.ctx, "input_channels", None) or []:
        if latest and channel.name() == latest:
            output = channel.get_output_channel()
            if output is not None:
                return output
    return None


async def _checkin_in_conversation(request: Request, sender: str) -> HTTPResponse:
    """Start the check-in in the conversation and send it on the person's channel."""
    agent = request.app.ctx.agent
    async with agent.lock_store.lock(sender):
        tracker = await agent.processor.fetch_tracker_and_update_session(sender)
        output = _output_channel(request, tracker.get_latest_input_channel())
        if output is None:
            return _answer(Outreach.FAILED, "the conversation's channel is off")
        # Rasa saves the tracker only after every message went out: when the provider refuses, the
        # conversation keeps no check-in the person never saw, and a later try starts afresh.
        await agent.trigger_intent(CHECKIN_INTENT, [], output, tracker)
    return _answer(Outreach.SENT)


async def _deliver(request: Request, sender: str, book: ContactBook, config: Settings) -> HTTPResponse:
    contact = await asyncio.to_thread(book.lookup, sender)  # a database read: off the event loop
    if contact is None:
        return _answer(Outreach.NO_CONTACT)
    route = channel_route(contact, datetime.now(timezone.utc),
                          template_configured=bool(config.twilio_checkin_content_sid))
    try:
        if route is Route.OPTED_OUT:
            return _answer(Outreach.OPTED_OUT)
        if route is Route.WAIT:
            return _answer(Outreach.WAIT, "outside the WhatsApp window and BOT_TWILIO_CHECKIN_CONTENT_SID not set")
        if route is Route.TEMPLATE:
            await send_template(contact, config)
            return _answer(Outreach.TEMPLATE_SENT)
        return await _checkin_in_conversation(request, sender)
    except ProviderError as error:
        if error.recipient_gone:
            return _answer(Outreach.UNREACHABLE, f"{error.provider} {error.code or error.status}")
        logger.warning("Check-in for %s not sent: %s %s.", contact.channel, error.provider, error.code or error.status)
        return _answer(Outreach.FAILED, f"{error.provider} {error.code or error.status}")


def outreach_blueprint(token: str, *, book: Callable[[], ContactBook] = contact_book,
                       config: Callable[[], Settings] = settings) -> Blueprint:
    """POST /checkin (mounted at /webhooks/outreach): send one check-in on the person's channel.
    The contact book and settings are read on each call (tests inject their own)."""
    hook = Blueprint("checkin_outreach", url_prefix="")
    route = OUTREACH_PATH.removeprefix("/webhooks/outreach")

    @hook.route(route, methods=["POST"])
    async def checkin(request: Request) -> HTTPResponse:
        if not _authorised(request, token):
            return _answer(Outreach.FAILED, "not authorised", status=403)
        try:
            body = json.loads(request.body or b"{}")
        except ValueError:
            body = None
        sender = body.get("sender") if isinstance(body, dict) else None
        if not isinstance(sender, str) or not sender:
            return _answer(Outreach.FAILED, 'the body must be {"sender": "an-id"}', status=400)
        try:
            return await _deliver(request, sender, book(), config())
        except Exception as error:  # the scheduler retries later; the turn was not saved
            logger.error("Check-in outreach failed (%s).", type(error).__name__)
            return _answer(Outreach.FAILED, type(error).__name__, status=503)

    return hook


class OutreachInput(InputChannel):
    """Not a conversation channel: how the outreach route gets onto the Rasa server's app (Rasa mounts
    every channel's blueprint under /webhooks/<name>). Listed in credentials.yml."""

    @classmethod
    def name(cls) -> str:
        return "outreach"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        return cls()

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """The route, guarded by the Rasa API token (BOT_API_TOKEN)."""
        return outreach_blueprint(settings().api_token)
