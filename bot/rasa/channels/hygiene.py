"""Input hygiene shared by every channel: each message gets a clean answer and nothing is lost.

The same front door stands before Rasa on REST, socket.io, Twilio and Telegram: oversized bodies,
malformed JSON, wrong types, invalid UTF-8, lone surrogates, control and invisible formatting
characters, empty and very long messages are answered plainly instead of surfacing a stack trace;
each sender is rate-limited (bot.rasa.limits); and a typed "/intent{...}" cannot inject intents or
entities past the language pipeline and the red-flag check (only the plain "/intent" payloads of the
domain's buttons pass). No message text is ever logged.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import time
import unicodedata
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sanic import response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.rasa.limits import SenderRateLimiter, max_body_bytes
from core.files import YAMLError, read_yaml
from core.settings import PROJECT_ROOT

__all__ = ["EMPTY_REPLY", "LONG_NOTE", "MAX_MESSAGE_CHARS", "MAX_SENDER_CHARS", "SLOW_DOWN", "SORRY", "Incoming",
           "Rejected", "SeenIds", "clean_text", "declared_commands", "error_response", "parse_body", "rate_limited",
           "say", "screen", "screen_sender", "seen_ids"]

logger = logging.getLogger(__name__)

MAX_MESSAGE_CHARS = 2000
MAX_SENDER_CHARS = 128
MAX_METADATA_BYTES = 8 * 1024
MAX_METADATA_DEPTH = 8
# C0/C1 controls (not tab/newline), lone surrogates, bidi overrides/isolates and invisible
# zero-width characters: they break tokens ("lo\u200bwer back"), spoof text, or cannot be stored.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffd]")
_INVISIBLE = re.compile(r"[\u200b\u200c\u2060\ufeff\u202a-\u202e\u2066-\u2069]|(?<=\w)\u200d|\u200d(?=\w)")
# Sender ids must be usable in the HTTP API's URLs as they are (/conversations/<id>/tracker,
# trigger_intent for check-ins, delete-my-data): Rasa's routes do not percent-decode, so an id with
# slashes, spaces or non-ASCII letters would be stored but never reachable again.
_SENDER = re.compile(r"[A-Za-z0-9._~:@+=-]+")
_BUTTON_PAYLOAD = re.compile(r"/([A-Za-z_][A-Za-z0-9_]*)")


@lru_cache(maxsize=1)
def _channel_responses() -> dict[str, str]:
    """The channels' own sentences, from domain/channels.yml (reviewed with every other response)."""
    doc = read_yaml(PROJECT_ROOT / "domain" / "channels.yml")
    return {name: str(variants[0]["text"]) for name, variants in (doc.get("responses") or {}).items()}


def say(response: str, **values: Any) -> str:
    """A channel sentence with its values filled in."""
    return _channel_responses()[response].format(**values)


EMPTY_REPLY = "utter_input_empty"
LONG_NOTE = "utter_input_long"
SORRY = "utter_input_failed"
SLOW_DOWN = "utter_input_rate_limited"


class Rejected(Exception):
    """A request the front door answers itself: a clear message and an HTTP status."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


@dataclass(frozen=True)
class Incoming:
    """A screened message, safe to hand to Rasa."""

    sender: str
    text: str
    truncated: bool
    metadata: dict[str, Any] | None


def clean_text(raw: str) -> tuple[str, bool]:
    """Normalise what a person typed; returns the text and whether it was cut short."""
    text = unicodedata.normalize("NFC", _CONTROL.sub(" ", _INVISIBLE.sub("", raw))).strip()
    truncated = len(text) > MAX_MESSAGE_CHARS
    return text[:MAX_MESSAGE_CHARS], truncated


DOMAIN_DIR = PROJECT_ROOT / "domain"


@lru_cache(maxsize=1)
def declared_commands() -> frozenset[str] | None:
    """What a message may say after a slash: each button payload the domain declares, exactly, and each
    intent on its own ("/delete_data"). None when the domain cannot be read (then only plain intents pass).

    Rasa reads "/intent{...}" as an intent with entities set directly, skipping the language pipeline
    (and with it the red-flag findings); only payloads the domain offers may do that.
    """
    allowed: set[str] = set()
    try:
        for path in sorted(DOMAIN_DIR.glob("*.yml")):
            doc = read_yaml(path)
            allowed |= {"/" + (next(iter(i)) if isinstance(i, dict) else str(i)) for i in doc.get("intents", [])}
            for variants in (doc.get("responses") or {}).values():
                for variant in variants or []:
                    # Rasa formats a response's text, buttons included: "{{" in the domain is sent as "{"
                    allowed |= {str(b.get("payload")).replace("{{", "{").replace("}}", "}")
                                for b in variant.get("buttons") or [] if b.get("payload")}
    except (OSError, YAMLError, AttributeError, StopIteration):
        return None
    return frozenset(allowed)


def _defuse_command(text: str) -> str:
    """Keep the domain's button payloads and plain "/intent" commands; read anything else as language."""
    if not text.startswith("/"):
        return text
    allowed = declared_commands()
    if allowed is not None and text in allowed:
        return text
    if allowed is None and _BUTTON_PAYLOAD.fullmatch(text):
        return text
    return text.lstrip("/").strip()


def _depth(value: Any, level: int = 0) -> int:
    if level > MAX_METADATA_DEPTH:
        return level
    if isinstance(value, dict):
        return max((_depth(v, level + 1) for v in value.values()), default=level + 1)
    if isinstance(value, list):
        return max((_depth(v, level + 1) for v in value), default=level + 1)
    return level


def _metadata(raw: Any) -> dict[str, Any] | None:
    """Metadata must be a small, shallow JSON object that can be stored as UTF-8."""
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except (ValueError, RecursionError):
            raise Rejected('"metadata" must be a JSON object.') from None
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise Rejected('"metadata" must be a JSON object.')
    try:
        size = len(json.dumps(raw, ensure_ascii=False).encode("utf-8"))
    except (ValueError, TypeError, RecursionError, UnicodeEncodeError):
        raise Rejected('"metadata" must be plain JSON text.') from None
    if size > MAX_METADATA_BYTES or _depth(raw) > MAX_METADATA_DEPTH:
        raise Rejected(f'"metadata" must be at most {MAX_METADATA_BYTES} bytes and {MAX_METADATA_DEPTH} levels deep.')
    return raw


def screen_sender(raw: Any, field: str = "sender") -> str:
    """A sender id: a string (or integer) of 1-128 URL-safe characters (letters, digits, ._~:@+=-)."""
    if isinstance(raw, int) and not isinstance(raw, bool):
        raw = str(raw)
    if not isinstance(raw, str) or len(raw) > MAX_SENDER_CHARS or not _SENDER.fullmatch(raw):
        raise Rejected(f'"{field}" must be 1-{MAX_SENDER_CHARS} characters from A-Z a-z 0-9 and . _ ~ : @ + = -')
    return raw


def screen(sender: str, payload: dict[str, Any], *, metadata_key: str = "metadata") -> Incoming:
    """Check a message's fields; raises Rejected with a clear message for the sender."""
    message = payload.get("message")
    if message is None:
        message = ""
    if not isinstance(message, str):
        raise Rejected('"message" must be a string.')
    text, truncated = clean_text(message)
    return Incoming(sender, _defuse_command(text), truncated, _metadata(payload.get(metadata_key)))


def error_response(message: str, status: int = 400, headers: dict[str, str] | None = None,
                   **extra: Any) -> HTTPResponse:
    """A JSON error answer: `{"error": message, ...}` with its status."""
    return response.json({"error": message, **extra}, status=status, headers=headers)


def parse_body(request: Request) -> dict[str, Any]:
    """The JSON object of a request body, within the size limit; raises Rejected otherwise."""
    if len(request.body or b"") > max_body_bytes():
        raise Rejected(f"The request body is larger than {max_body_bytes():,} bytes.", 413)
    try:
        payload = json.loads((request.body or b"").decode("utf-8", errors="replace"))
    except (ValueError, RecursionError):
        raise Rejected('The body must be JSON like {"sender": "an-id", "message": "text"}.') from None
    if not isinstance(payload, dict):
        raise Rejected('The body must be a JSON object with "sender" and "message".')
    return payload


def rate_limited(limiter: SenderRateLimiter, sender: str) -> int:
    """Seconds the sender must wait (0 if this message may go through); takes a token."""
    wait = limiter.acquire(sender)
    return SenderRateLimiter.retry_after(wait) if wait > 0 else 0


class SeenIds:
    """Ids already received (Twilio MessageSid, Telegram update_id), so a repeated request is dropped.

    A signed provider request stays valid for ever, so a captured one could be replayed; and a
    provider may deliver one message twice. In one process the ids live here, in memory, for
    `ttl_s` seconds and at most `max_ids` of them (the oldest go first). In the scaled-out mode,
    where several Rasa servers share the rate limit's Redis (BOT_RATE_LIMIT_STORAGE=redis://...),
    the ids are kept there instead (`SET key NX EX ttl`): whichever server a repeat reaches, it is
    seen once.
    """

    def __init__(self, ttl_s: float = 7 * 24 * 3600, max_ids: int = 100_000, redis_url: str | None = None) -> None:
        self.ttl_s = ttl_s
        self.max_ids = max_ids
        self._seen: OrderedDict[str, float] = OrderedDict()
        self._lock = threading.Lock()
        self._redis: Any = None
        if redis_url:
            import redis

            self._redis = redis.Redis.from_url(redis_url)

    def first_time(self, kind: str, value: str) -> bool:
        """Record the id; True the first time it is seen, False for a repeat."""
        key = f"seen:{kind}:{value}"
        if self._redis is not None:
            return bool(self._redis.set(key, 1, nx=True, ex=int(self.ttl_s)))
        now = time.monotonic()
        with self._lock:
            while self._seen and (len(self._seen) >= self.max_ids or next(iter(self._seen.values())) < now):
                self._seen.popitem(last=False)
            if key in self._seen:
                return False
            self._seen[key] = now + self.ttl_s
            return True


@lru_cache(maxsize=1)
def seen_ids() -> SeenIds:
    """The process's record of received ids (in Redis when the rate limit is counted there)."""
    from core.settings import settings

    storage = settings().rate_limit_storage
    return SeenIds(redis_url=storage if storage.startswith(("redis://", "rediss://")) else None)
