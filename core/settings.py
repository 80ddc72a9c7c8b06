"""One settings object, read from the environment (`BOT_*`), so every process agrees on its configuration.

A pydantic `BaseSettings`: each field is one variable (`rasa_port` is `BOT_RASA_PORT`), typed and
checked when the process starts, with the defaults of the README's configuration table. Secrets (the
API token, database passwords) come only from the environment, never from files in the repository.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Tuple

from pydantic import BaseSettings, ValidationError, root_validator, validator

__all__ = ["PROJECT_ROOT", "Settings", "SettingsError", "emergency_number", "settings"]

PROJECT_ROOT = Path(__file__).resolve().parents[1]

DEFAULT_EMERGENCY_NUMBERS = {"GB": "999", "UK": "999", "IE": "112", "US": "911", "CA": "911",
                             "AU": "000", "NZ": "111"}


def emergency_number(configured: str = "", locale: str = "") -> str:
    """The clinic's number if set, else by locale (en_GB -> 999, en_US -> 911), else 112."""
    if configured:
        return configured
    country = locale.replace("-", "_").split("_")[-1].upper() if locale else ""
    return DEFAULT_EMERGENCY_NUMBERS.get(country, "112")


class SettingsError(SystemExit):
    """A configuration value that cannot be used; the message names the variable and the fix."""


class Settings(BaseSettings):
    """Ports, URLs, clinic details, limits and delivery; see the README's configuration table."""

    host: str = "127.0.0.1"
    rasa_port: int = 5005
    action_port: int = 5055
    web_port: int = 8000
    proxy_port: int = 8080
    api_token: str = ""
    database_url: str = ""
    redis_url: str = "redis://127.0.0.1:6379/0"
    tracker_db: str = ""
    knowledge_source: str = "files"
    locale: str = "en_GB"
    emergency_number: str = ""
    clinic_name: str = "Riverside Physio"
    booking_url: str = "https://example.org/book"
    cors_origins: Tuple[str, ...] = ()
    rate_limit: str = ""
    rate_limit_storage: str = "memory://"
    max_body_bytes: int = 262144
    rasa_url: str = ""
    public_url: str = ""
    link_secret: str = ""
    smtp_host: str = ""
    smtp_port: int = 25
    mail_from: str = "checkins@localhost"
    channel_key: str = ""  # pseudonyms and encrypted addresses of messaging contacts, signed media URLs
    twilio_checkin_content_sid: str = ""  # approved WhatsApp template that opens a check-in (HX...)
    map_font: str = ""  # TTF/OTF for body-map labels in PNGs; default DejaVu Sans (system or matplotlib)
    pg_password: str = ""
    pg_login_db: str = ""
    # Messaging channels (bot/rasa/channels): each is on only when its credentials are set.
    channel_public_url: str = ""  # https URL the providers reach this server at (webhooks, signatures, media)
    twilio_account_sid: str = ""
    twilio_auth_token: str = ""
    twilio_sms_from: str = ""  # E.164 number for SMS, e.g. +15005550006
    twilio_sms_mms: bool = False  # the SMS number can send MMS (US/Canada): the body map goes as a picture
    twilio_whatsapp_from: str = ""  # E.164 WhatsApp sender (without "whatsapp:")
    twilio_api_url: str = "https://api.twilio.com"
    telegram_token: str = ""
    telegram_secret: str = ""  # webhook secret_token; derived from the bot token when empty
    telegram_api_url: str = "https://api.telegram.org"

    class Config:
        env_prefix = "BOT_"
        frozen = True

        @classmethod
        def parse_env_var(cls, field_name: str, raw_val: str) -> Any:
            """Lists are comma-separated in the environment ("http://a,http://b")."""
            if field_name == "cors_origins":
                return tuple(part.strip() for part in raw_val.split(",") if part.strip())
            return raw_val

    @validator("rasa_port", "action_port", "web_port", "proxy_port", "smtp_port")
    def _port(cls, value: int) -> int:
        if not 1 <= value <= 65535:
            raise ValueError("must be a port number from 1 to 65535")
        return value

    @validator("max_body_bytes")
    def _body(cls, value: int) -> int:
        if value < 1024:
            raise ValueError("must be at least 1024 bytes")
        return value

    @validator("channel_public_url")
    def _public(cls, value: str) -> str:
        if value and not value.startswith(("https://", "http://")):
            raise ValueError("must be the full URL providers reach this server at, e.g. https://chat.clinic.example")
        return value.rstrip("/")

    @validator("twilio_sms_from", "twilio_whatsapp_from")
    def _number(cls, value: str) -> str:
        value = value.strip().removeprefix("whatsapp:")
        if value and not (value.startswith("+") and value[1:].isdigit() and 8 <= len(value) <= 16):
            raise ValueError("must be an E.164 phone number such as +447700900123")
        return value

    @validator("telegram_secret")
    def _telegram_secret(cls, value: str) -> str:
        if value and not (len(value) <= 256 and all(c.isascii() and (c.isalnum() or c in "_-") for c in value)):
            raise ValueError("must be 1-256 characters from A-Z a-z 0-9 _ - (Telegram's rule for secret_token)")
        return value

    @validator("twilio_checkin_content_sid")
    def _content_sid(cls, value: str) -> str:
        value = value.strip()
        if value and not (value.startswith("HX") and len(value) == 34 and value[2:].isalnum()):
            raise ValueError("must be the approved template's Content SID, HX followed by 32 characters")
        return value

    @validator("knowledge_source")
    def _source(cls, value: str) -> str:
        if value not in ("files", "database"):
            raise ValueError("must be 'files' (the reviewed content files) or 'database' (the seeded tables)")
        return value

    @root_validator(skip_on_failure=True)
    def _derived(cls, values: Dict[str, Any]) -> Dict[str, Any]:
        """Defaults that depend on other values: the emergency number, origins, URLs."""
        values["emergency_number"] = emergency_number(values.get("emergency_number") or "", values.get("locale", ""))
        host, web = values["host"], values["web_port"]
        if not values.get("cors_origins"):
            values["cors_origins"] = (f"http://{host}:{web}", f"http://localhost:{web}")
        values["rasa_url"] = values.get("rasa_url") or f"http://{host}:{values['rasa_port']}"
        values["public_url"] = values.get("public_url") or f"http://{host}:{web}"
        return values

    @property
    def kb_url(self) -> str:
        """SQLAlchemy URL of the knowledge base and check-in store (SQLite file by default)."""
        return self.database_url or f"sqlite:///{PROJECT_ROOT / 'data' / 'db' / 'paincoach.sqlite'}"

    @property
    def signing_secret(self) -> str:
        """What signs the links in check-in emails: BOT_LINK_SECRET, else the API token."""
        return self.link_secret or self.api_token or "change-me"

    def messaging_channels(self) -> dict[str, str]:
        """Each messaging channel with why it is off ("" when it is on), for the channels and `make run`."""
        twilio = "" if self.twilio_account_sid and self.twilio_auth_token else \
            "BOT_TWILIO_ACCOUNT_SID and BOT_TWILIO_AUTH_TOKEN not set"
        public = "" if self.channel_public_url else "BOT_CHANNEL_PUBLIC_URL not set"
        return {
            "SMS": twilio or ("" if self.twilio_sms_from else "BOT_TWILIO_SMS_FROM not set") or public,
            "WhatsApp": twilio or ("" if self.twilio_whatsapp_from else "BOT_TWILIO_WHATSAPP_FROM not set") or public,
            "Telegram": ("" if self.telegram_token else "BOT_TELEGRAM_TOKEN not set") or public,
        }

    @property
    def channel_secret(self) -> str:
        """What keys messaging pseudonyms, address encryption and media URLs: BOT_CHANNEL_KEY, else the
        link secret. Changing it orphans stored addresses (they cannot be decrypted any more)."""
        return self.channel_key or self.signing_secret


@lru_cache(maxsize=1)
def settings() -> Settings:
    """The process's settings, read once; a bad value stops the process with a clear message."""
    try:
        return Settings()
    except ValidationError as error:
        problems = "; ".join(f"BOT_{str(e['loc'][0]).upper()}: {e['msg']}" for e in error.errors())
        raise SettingsError(f"Configuration problem: {problems}. Fix the environment variable and start again.") \
            from None
