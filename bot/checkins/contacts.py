"""Messaging contacts: who a pseudonymous conversation belongs to, and how to reach them again.

A phone number or Telegram chat id never becomes a Rasa sender id: the channels call `pseudonym()`
(a keyed HMAC, so the id reveals nothing and cannot be recomputed without the key) and store the
address once here, Fernet-encrypted, with the channel kind, when the person last wrote (WhatsApp's
24-hour window) and whether they opted out (SMS STOP). Check-in delivery reads it to send on the
person's channel; "delete my data" removes it (bot.checkins.store.CheckinStore.delete_person).

Both keys derive from one secret (BOT_CHANNEL_KEY, see core.settings.Settings.channel_secret) with
HKDF, each for its own purpose, so the pseudonym key never doubles as the encryption key.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import delete, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.checkins.models import ChannelContactRow, ScheduleRow

__all__ = ["CHANNELS", "WHATSAPP_WINDOW", "ChannelContact", "ChannelKeys", "ContactBook", "contact_book",
           "derived_key", "normalise_address", "pseudonym"]

logger = logging.getLogger(__name__)

CHANNELS = ("sms", "whatsapp", "telegram")
WHATSAPP_WINDOW = timedelta(hours=24)  # WhatsApp's customer-service window after the person's last message
_WHATSAPP_PREFIX = "whatsapp:"


def derived_key(secret: str, purpose: str) -> bytes:
    """32 bytes for one purpose from the channel secret (HKDF-SHA256; `purpose` is the info string)."""
    if not secret:
        raise ValueError("no channel secret: set BOT_CHANNEL_KEY")
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                info=f"pain-coach/{purpose}".encode()).derive(secret.encode())


@dataclass(frozen=True)
class ChannelKeys:
    """The pseudonym key and the address cipher, both derived from the channel secret."""

    pseudonym_key: bytes
    cipher: Fernet

    @classmethod
    def from_secret(cls, secret: str) -> ChannelKeys:
        fernet_key = base64.urlsafe_b64encode(derived_key(secret, "address-encryption"))
        return cls(derived_key(secret, "sender-pseudonym"), Fernet(fernet_key))


@lru_cache(maxsize=4)
def _keys_for(secret: str) -> ChannelKeys:
    return ChannelKeys.from_secret(secret)


def _settings_keys() -> ChannelKeys:
    from core.settings import settings

    return _keys_for(settings().channel_secret)


def _check_channel(channel: str) -> str:
    if channel not in CHANNELS:
        raise ValueError(f"unknown channel {channel!r}; one of {', '.join(CHANNELS)}")
    return channel


def normalise_address(channel: str, address: str) -> str:
    """One spelling per address: a WhatsApp number without Twilio's 'whatsapp:' prefix, no spaces."""
    _check_channel(channel)
    value = "".join(str(address).split())
    if channel == "whatsapp" and value.lower().startswith(_WHATSAPP_PREFIX):
        value = value[len(_WHATSAPP_PREFIX):]
    if not value:
        raise ValueError("empty address")
    return value


def pseudonym(channel: str, address: str, keys: ChannelKeys | None = None) -> str:
    """The Rasa sender id for a channel address, e.g. 'sms-3f1c...' (40 hex digits, URL-safe).

    Stable for the same number on the same channel, so a conversation continues; the same number on
    SMS and on WhatsApp is two conversations, because each channel has its own rules for reaching it.
    """
    keys = keys or _settings_keys()
    value = normalise_address(channel, address)
    digest = hmac.new(keys.pseudonym_key, f"{channel}\x00{value}".encode(), hashlib.sha256).hexdigest()
    return f"{channel}-{digest[:40]}"


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


@dataclass(frozen=True)
class ChannelContact:
    """A decrypted contact, as delivery needs it."""

    sender_id: str
    channel: str
    address: str  # '+447700900123' or a Telegram chat id; without the 'whatsapp:' prefix
    first_seen_at: datetime
    last_inbound_at: datetime
    opted_out: bool

    def in_whatsapp_window(self, now: datetime) -> bool:
        """True while a free-form WhatsApp message may be sent (within 24 h of their last message)."""
        return now - self.last_inbound_at < WHATSAPP_WINDOW

    @property
    def twilio_address(self) -> str:
        """The address as Twilio's `To` takes it ('whatsapp:+44...' on WhatsApp)."""
        return _WHATSAPP_PREFIX + self.address if self.channel == "whatsapp" else self.address


class ContactBook:
    """Channel contacts in the project's database; returns plain values, never rows."""

    def __init__(self, engine: Engine, keys: ChannelKeys | None = None) -> None:
        self._engine = engine
        self._keys = keys

    @property
    def keys(self) -> ChannelKeys:
        return self._keys or _settings_keys()

    def _session(self) -> Session:
        return Session(self._engine, future=True)

    def record_inbound(self, channel: str, address: str, at: datetime | None = None) -> tuple[str, bool]:
        """A message arrived: store or refresh the contact. Returns (sender id, first contact?) so the
        channel can show its consent line once."""
        at = at or datetime.now(timezone.utc)
        sender_id = pseudonym(channel, address, self.keys)
        token = self.keys.cipher.encrypt(normalise_address(channel, address).encode()).decode()
        for _attempt in range(2):  # a concurrent first message may insert the row between our read and write
            try:
                with self._session() as session, session.begin():
                    row = session.get(ChannelContactRow, sender_id)
                    if row is not None:
                        row.last_inbound_at, row.address = at, token
                        return sender_id, False
                    session.add(ChannelContactRow(sender_id=sender_id, channel=channel, address=token,
                                                  first_seen_at=at, last_inbound_at=at, opted_out=False))
                return sender_id, True
            except IntegrityError:
                continue
        return sender_id, False

    def lookup(self, sender_id: str) -> ChannelContact | None:
        """The contact behind a sender id; None when there is none (a widget or REST conversation) or
        it can no longer be decrypted (the channel key changed)."""
        with self._session() as session:
            row = session.get(ChannelContactRow, sender_id)
            if row is None:
                return None
            try:
                address = self.keys.cipher.decrypt(str(row.address).encode()).decode()
            except InvalidToken:
                logger.warning("Channel contact %s cannot be decrypted (was BOT_CHANNEL_KEY changed?).", sender_id)
                return None
            return ChannelContact(str(row.sender_id), str(row.channel), address, _aware(row.first_seen_at),
                                  _aware(row.last_inbound_at), bool(row.opted_out))

    def opt_out(self, sender_id: str) -> bool:
        """STOP: send nothing more on this channel and cancel the planned check-ins (one transaction).
        Returns False when the sender has no channel contact."""
        with self._session() as session, session.begin():
            row = session.get(ChannelContactRow, sender_id)
            if row is None:
                return False
            row.opted_out = True
            session.execute(update(ScheduleRow).where(ScheduleRow.sender_id == sender_id,
                                                      ScheduleRow.status == "scheduled").values(status="cancelled"))
            return True

    def opt_in(self, sender_id: str) -> bool:
        """START: messages may be sent again (check-ins stay cancelled until the person asks again)."""
        with self._session() as session, session.begin():
            row = session.get(ChannelContactRow, sender_id)
            if row is None:
                return False
            row.opted_out = False
            return True

    def delete(self, sender_id: str) -> bool:
        """Forget the address (delete my data); True when there was one."""
        with self._session() as session, session.begin():
            result = session.execute(delete(ChannelContactRow).where(ChannelContactRow.sender_id == sender_id))
            return bool(result.rowcount)

    def exists(self, sender_id: str) -> bool:
        """True when a channel contact is stored for this sender (without decrypting anything)."""
        with self._session() as session:
            return session.execute(select(ChannelContactRow.sender_id)
                                   .where(ChannelContactRow.sender_id == sender_id)).first() is not None


@lru_cache(maxsize=1)
def contact_book() -> ContactBook:
    """The process's contact book on the configured database (migrated on first use, no I/O at import)."""
    from core.settings import settings
    from kb.database import engine_for, migrate

    config = settings()
    if not config.channel_key:
        logger.warning("BOT_CHANNEL_KEY is not set: messaging pseudonyms and stored numbers are keyed by the link "
                       "secret or API token instead; if that changes, conversations restart and stored numbers "
                       "can no longer be read. Set a long random BOT_CHANNEL_KEY and keep it.")
    engine = engine_for(config.kb_url)
    migrate(engine)
    return ContactBook(engine)
