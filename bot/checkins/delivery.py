"""Delivering a due check-in where the person is: the web chat, email, SMS, WhatsApp or Telegram.

- Web chat and REST conversations: the check-in starts in the conversation through Rasa's
  `trigger_intent` (a connected widget receives it over socket.io), and an email goes out when the
  person opted in and gave an address.
- Messaging conversations (the sender has a channel contact, bot.checkins.contacts): the Rasa
  server sends it (its outreach route, bot.rasa.channels.outreach), because the providers' clients
  and the channels' rendering of buttons and pictures live there. What may be sent is decided here,
  in `channel_route`: Telegram at any time; SMS at any time unless the person sent STOP; WhatsApp as
  a normal message only within 24 hours of the person's last message, outside that window only as
  the clinic's approved template (BOT_TWILIO_CHECKIN_CONTENT_SID) whose button starts the check-in.
  A person who blocked the bot (Telegram 403) or unsubscribed (Twilio 21610) pauses the series.

Each check-in is claimed before delivery (bot.checkins.store), so whatever happens here it is
delivered at most once; `DeliveryResult` tells the scheduler to mark it delivered, give it back for
a later try, or pause the series.
"""

from __future__ import annotations

import logging
import smtplib
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from enum import Enum

import requests

from bot.checkins.contacts import ChannelContact
from bot.checkins.links import resume_link
from bot.checkins.store import DueCheckin

__all__ = ["CHECKIN_INTENT", "OUTREACH_PATH", "DeliveryConfig", "DeliveryResult", "Outreach", "Route", "Status",
           "channel_route", "deliver"]

logger = logging.getLogger(__name__)
CHECKIN_INTENT = "checkin_start"
OUTREACH_PATH = "/webhooks/outreach/checkin"  # on the Rasa server, guarded by the API token
OUTREACH_TIMEOUT_S = 120  # the turn runs the action server and calls the provider: allow for both


@dataclass(frozen=True)
class DeliveryConfig:
    """Where Rasa and the mail server are, and how links back are made."""

    rasa_url: str
    api_token: str
    public_url: str
    link_secret: str
    smtp_host: str = ""
    smtp_port: int = 25
    mail_from: str = "checkins@localhost"
    clinic_name: str = "your clinic"


class Route(str, Enum):
    """How a check-in may reach someone on a messaging channel right now."""

    CONVERSATION = "conversation"  # the check-in question itself, as any bot message
    TEMPLATE = "template"  # WhatsApp outside 24 h: the approved template; its button starts the check-in
    OPTED_OUT = "opted_out"  # they sent STOP: nothing may be sent
    WAIT = "wait"  # WhatsApp outside 24 h and no template configured: wait until they write again


def channel_route(contact: ChannelContact, now: datetime, *, template_configured: bool) -> Route:
    """The rules of each channel for a message the person did not just ask for."""
    if contact.opted_out:
        return Route.OPTED_OUT
    if contact.channel == "whatsapp" and not contact.in_whatsapp_window(now):
        return Route.TEMPLATE if template_configured else Route.WAIT
    return Route.CONVERSATION


class Outreach(str, Enum):
    """What the Rasa server's outreach route reports (JSON `{"outcome": ...}`)."""

    SENT = "sent"  # the check-in question went out on the channel
    TEMPLATE_SENT = "template_sent"  # the WhatsApp template went out
    UNREACHABLE = "unreachable"  # Telegram 403 (blocked) or Twilio 21610 (unsubscribed)
    OPTED_OUT = "opted_out"  # STOP was sent earlier; nothing went out
    WAIT = "wait"  # outside the WhatsApp window and no template configured; nothing went out
    NO_CONTACT = "no_contact"  # the address is gone (deleted) or unreadable (key changed)
    FAILED = "failed"  # the provider or the conversation failed for now


class Status(str, Enum):
    """What the scheduler does with the claimed check-in."""

    DELIVERED = "delivered"  # mark it delivered
    RETRY = "retry"  # give it back; try again next round
    WAITING = "waiting"  # give it back quietly; it goes out once the person can be reached
    PAUSED = "paused"  # give it back and pause the series: the person cannot or does not want to be reached


@dataclass(frozen=True)
class DeliveryResult:
    """The outcome of one delivery; `reason` is short and never personal."""

    status: Status
    reason: str = ""


_OUTREACH_RESULTS = {
    Outreach.SENT: Status.DELIVERED,
    Outreach.TEMPLATE_SENT: Status.DELIVERED,
    Outreach.UNREACHABLE: Status.PAUSED,
    Outreach.OPTED_OUT: Status.PAUSED,
    Outreach.WAIT: Status.WAITING,
    Outreach.NO_CONTACT: Status.RETRY,
    Outreach.FAILED: Status.RETRY,
}


def _trigger(config: DeliveryConfig, sender_id: str) -> None:
    """Start the check-in in the conversation; connected widgets receive it over socket.io."""
    response = requests.post(
        f"{config.rasa_url}/conversations/{sender_id}/trigger_intent",
        params={"token": config.api_token, "output_channel": "latest"},
        json={"name": CHECKIN_INTENT, "entities": {}},
        timeout=30,
    )
    response.raise_for_status()


def _outreach(config: DeliveryConfig, sender_id: str) -> DeliveryResult:
    """Ask the Rasa server to send the check-in on the person's messaging channel."""
    try:
        response = requests.post(f"{config.rasa_url}{OUTREACH_PATH}", params={"token": config.api_token},
                                 json={"sender": sender_id}, timeout=OUTREACH_TIMEOUT_S)
        answer = response.json() if response.headers.get("Content-Type", "").startswith("application/json") else {}
    except (requests.RequestException, ValueError) as error:
        return DeliveryResult(Status.RETRY, f"Rasa unreachable ({type(error).__name__})")
    try:
        outcome = Outreach(str(answer.get("outcome")))
    except ValueError:
        return DeliveryResult(Status.RETRY, f"outreach answered {response.status_code}")
    return DeliveryResult(_OUTREACH_RESULTS[outcome], f"{outcome.value}: {answer.get('reason') or ''}".rstrip(": "))


def _email(config: DeliveryConfig, checkin: DueCheckin) -> None:
    if not (config.smtp_host and checkin.email):
        return
    message = EmailMessage()
    message["From"] = config.mail_from
    message["To"] = checkin.email
    message["Subject"] = f"{config.clinic_name}: how is your pain today?"
    link = resume_link(config.public_url, config.link_secret, checkin.sender_id)
    message.set_content(
        "Hello,\n\nYou asked us to check in on how your pain is going. It takes a minute:\n\n"
        f"{link}\n\nIf anything new or severe has come up, call your emergency number or see a doctor.\n"
        "You can pause or stop these check-ins in the chat at any time.\n"
    )
    with smtplib.SMTP(config.smtp_host, config.smtp_port, timeout=30) as smtp:
        smtp.send_message(message)


def deliver(config: DeliveryConfig, checkin: DueCheckin) -> DeliveryResult:
    """Deliver one claimed check-in on the person's channel (and by email when they opted in)."""
    if checkin.channel:
        result = _outreach(config, checkin.sender_id)
        if result.status is not Status.DELIVERED:
            return result
    else:
        try:
            _trigger(config, checkin.sender_id)
        except requests.RequestException as error:
            return DeliveryResult(Status.RETRY, f"Rasa unreachable ({type(error).__name__})")
    try:
        _email(config, checkin)
    except (OSError, smtplib.SMTPException) as error:
        logger.warning("Check-in %s: email failed (%s); delivered in the conversation only.",
                       checkin.id, type(error).__name__)
    return DeliveryResult(Status.DELIVERED)
