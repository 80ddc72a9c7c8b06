"""Delivering a due check-in: into the conversation through Rasa's `trigger_intent`, and by email
when the person opted in and gave an address."""

from __future__ import annotations

import logging
import smtplib
from dataclasses import dataclass
from email.message import EmailMessage

import requests

from bot.checkins.links import resume_link
from bot.checkins.store import DueCheckin

__all__ = ["CHECKIN_INTENT", "DeliveryConfig", "deliver"]

logger = logging.getLogger(__name__)
CHECKIN_INTENT = "checkin_start"


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


def _trigger(config: DeliveryConfig, sender_id: str) -> None:
    """Start the check-in in the conversation; connected widgets receive it over socket.io."""
    response = requests.post(
        f"{config.rasa_url}/conversations/{sender_id}/trigger_intent",
        params={"token": config.api_token, "output_channel": "latest"},
        json={"name": CHECKIN_INTENT, "entities": {}},
        timeout=30,
    )
    response.raise_for_status()


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


def deliver(config: DeliveryConfig, checkin: DueCheckin) -> str | None:
    """Deliver one check-in; returns None on success, else a short reason (nothing personal)."""
    try:
        _trigger(config, checkin.sender_id)
    except requests.RequestException as error:
        return f"Rasa unreachable ({type(error).__name__})"
    try:
        _email(config, checkin)
    except (OSError, smtplib.SMTPException) as error:
        logger.warning("Check-in %s: email failed (%s); delivered in the conversation only.",
                       checkin.id, type(error).__name__)
    return None
