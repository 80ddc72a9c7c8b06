"""One settings object, read from the environment, so every process agrees on its configuration.

Secrets (the API token, database passwords) come only from the environment, never from files in
the repository.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

__all__ = ["PROJECT_ROOT", "Settings", "settings"]

PROJECT_ROOT = Path(__file__).resolve().parents[1]


def _env(name: str, default: str) -> str:
    value = os.environ.get(name, "").strip()
    return value or default


DEFAULT_EMERGENCY_NUMBERS = {"GB": "999", "UK": "999", "IE": "112", "US": "911", "CA": "911",
                             "AU": "000", "NZ": "111"}


def emergency_number(configured: str = "", locale: str = "") -> str:
    """The clinic's number if set, else by locale (en_GB -> 999, en_US -> 911), else 112."""
    if configured:
        return configured
    country = locale.replace("-", "_").split("_")[-1].upper() if locale else ""
    return DEFAULT_EMERGENCY_NUMBERS.get(country, "112")


@dataclass(frozen=True)
class Settings:
    """Ports, URLs and clinic details; see the README's configuration table."""

    host: str = "127.0.0.1"
    rasa_port: int = 5005
    action_port: int = 5055
    web_port: int = 8000
    api_token: str = ""
    database_url: str = ""
    locale: str = "en_GB"
    emergency_number: str = "999"
    clinic_name: str = "Riverside Physio"
    booking_url: str = "https://example.org/book"
    cors_origins: tuple[str, ...] = field(default_factory=tuple)

    @property
    def kb_url(self) -> str:
        """SQLAlchemy URL of the knowledge base and check-in store (SQLite file by default)."""
        return self.database_url or f"sqlite:///{PROJECT_ROOT / 'data' / 'db' / 'paincoach.sqlite'}"

    @classmethod
    def from_env(cls) -> Settings:
        """Read every BOT_* variable; unset ones fall back to the documented defaults."""
        locale = _env("BOT_LOCALE", "en_GB")
        web_port = int(_env("BOT_WEB_PORT", "8000"))
        host = _env("BOT_HOST", "127.0.0.1")
        origins = _env("BOT_CORS_ORIGINS", f"http://{host}:{web_port},http://localhost:{web_port}")
        return cls(
            host=host,
            rasa_port=int(_env("BOT_RASA_PORT", "5005")),
            action_port=int(_env("BOT_ACTION_PORT", "5055")),
            web_port=web_port,
            api_token=os.environ.get("BOT_API_TOKEN", ""),
            database_url=os.environ.get("BOT_DATABASE_URL", ""),
            locale=locale,
            emergency_number=emergency_number(os.environ.get("BOT_EMERGENCY_NUMBER", ""), locale),
            clinic_name=_env("BOT_CLINIC_NAME", "Riverside Physio"),
            booking_url=_env("BOT_BOOKING_URL", "https://example.org/book"),
            cors_origins=tuple(o.strip() for o in origins.split(",") if o.strip()),
        )


@lru_cache(maxsize=1)
def settings() -> Settings:
    """The process's settings, read once."""
    return Settings.from_env()
