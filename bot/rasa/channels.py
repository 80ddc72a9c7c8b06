"""Input channels with input hygiene: every message gets a clean answer and nothing is lost.

`GuardedRestInput` keeps the URL and payload of Rasa's own REST channel (`POST
/webhooks/rest/webhook` with `{"sender", "message"}`); `GuardedSocketIOInput` keeps Rasa's socket.io
protocol for the chat widget. Both put the same front door before Rasa: oversized bodies, malformed
JSON, wrong types, invalid UTF-8, lone surrogates, control and invisible formatting characters,
empty and very long messages are answered plainly instead of surfacing a stack trace; each sender
is rate-limited (bot.rasa.limits); and a typed "/intent{...}" cannot inject intents or entities past
the language pipeline and the red-flag check (only the plain "/intent" payloads of the domain's
buttons pass). No message text is ever logged.
"""

from __future__ import annotations

import json
import logging
import re
import unicodedata
from asyncio import CancelledError
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Awaitable, Callable

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from rasa.core.channels.socketio import SocketIOInput, SocketIOOutput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.rasa.limits import SenderRateLimiter, max_body_bytes, shared_limiter
from core.files import YAMLError, read_yaml
from core.settings import PROJECT_ROOT

__all__ = ["MAX_MESSAGE_CHARS", "MAX_SENDER_CHARS", "GuardedRestInput", "GuardedSocketIOInput", "Rejected",
           "clean_text", "screen"]

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


def _error(message: str, status: int = 400, headers: dict[str, str] | None = None,
           **extra: Any) -> HTTPResponse:
    return response.json({"error": message, **extra}, status=status, headers=headers)


def _parse_body(request: Request) -> dict[str, Any]:
    if len(request.body or b"") > max_body_bytes():
        raise Rejected(f"The request body is larger than {max_body_bytes():,} bytes.", 413)
    try:
        payload = json.loads((request.body or b"").decode("utf-8", errors="replace"))
    except (ValueError, RecursionError):
        raise Rejected('The body must be JSON like {"sender": "an-id", "message": "text"}.') from None
    if not isinstance(payload, dict):
        raise Rejected('The body must be a JSON object with "sender" and "message".')
    return payload


def _rate_limited(limiter: SenderRateLimiter, sender: str) -> int:
    """Seconds the sender must wait (0 if this message may go through); takes a token."""
    wait = limiter.acquire(sender)
    return SenderRateLimiter.retry_after(wait) if wait > 0 else 0


class GuardedRestInput(RestInput):
    """Rasa's REST input behind a validating, rate-limiting front door."""

    @classmethod
    def name(cls) -> str:
        """Keeps the contract's URL: /webhooks/rest/webhook."""
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """Health check plus the guarded webhook."""
        hook = Blueprint("guarded_rest_webhook", __name__)
        limiter = shared_limiter()

        @hook.route("/", methods=["GET"])
        async def health(_request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @hook.route("/webhook", methods=["GET", "PUT", "DELETE", "PATCH"])
        async def wrong_method(_request: Request) -> HTTPResponse:
            return _error('Send messages with POST and a JSON body {"sender": "an-id", "message": "text"}.', 405,
                          headers={"Allow": "POST"})

        @hook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            try:
                payload = _parse_body(request)
                sender = screen_sender(payload.get("sender"))
                wait = _rate_limited(limiter, sender)
                if wait:
                    assert limiter.limit is not None
                    return _error(f"Too many messages from this sender (at most {limiter.limit.describe()}). "
                                  f"Try again in {wait} s.", 429, headers={"Retry-After": str(wait)},
                                  retry_after=wait)
                incoming = screen(sender, payload)
                return response.json(await self._handle(incoming, on_new_message))
            except Rejected as problem:
                return _error(problem.message, problem.status)

        return hook

    async def _handle(self, incoming: Incoming,
                      on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> list[dict[str, Any]]:
        sender = incoming.sender
        if not incoming.text:
            return [{"recipient_id": sender, "text": say(EMPTY_REPLY)}]
        collector = CollectingOutputChannel()
        try:
            await on_new_message(UserMessage(incoming.text, collector, sender, input_channel=self.name(),
                                             metadata=incoming.metadata))
        except CancelledError:
            logger.error("A REST message timed out (sender hidden, text not logged).")
        except Exception as error:
            # e.g. the database restarting: the turn may not have been stored, so say so plainly
            # (503) and let the client send it again, rather than answering 200 and losing it.
            logger.error("Handling a REST message failed (%s; text not logged).", type(error).__name__)
            raise Rejected("Temporarily unavailable, please send your message again in a moment.", 503) from error
        messages = list(collector.messages)
        if incoming.truncated:
            messages.insert(0, {"recipient_id": sender, "text": say(LONG_NOTE, limit=f"{MAX_MESSAGE_CHARS:,}")})
        return messages


class GuardedSocketIOInput(SocketIOInput):
    """Rasa's socket.io input with the same front door as REST, for the chat widget.

    Rasa's own handler trusts the event's data (a non-dict, a non-string message or bad metadata
    raise inside the socket.io task); this one replaces only the user-message handler and keeps
    Rasa's connect/session handling and output channel.
    """

    @classmethod
    def name(cls) -> str:
        """Same channel name as Rasa's, so the widget and the output channel are unchanged."""
        return "socketio"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """Rasa's socket.io blueprint with a guarded user-message handler."""
        hook = super().blueprint(on_new_message)
        sio = self.sio
        assert sio is not None
        limiter = shared_limiter()

        async def tell(sid: str, text: str) -> None:
            await sio.emit(self.bot_message_evt, {"text": text}, room=sid)

        async def handle_message(sid: str, data: Any) -> None:
            try:
                if not isinstance(data, dict):
                    raise Rejected('Send {"message": "text", "session_id": "an-id"}.')
                sender = screen_sender(data.get("session_id"), "session_id") if self.session_persistence else sid
                wait = _rate_limited(limiter, sender)
                if wait:
                    await tell(sid, say(SLOW_DOWN, seconds=wait))
                    return
                incoming = screen(sender, data, metadata_key=self.metadata_key or "metadata")
            except Rejected as problem:
                await tell(sid, problem.message)
                return
            if not incoming.text:
                await tell(sid, say(EMPTY_REPLY))
                return
            if incoming.truncated:
                await tell(sid, say(LONG_NOTE, limit=f"{MAX_MESSAGE_CHARS:,}"))
            output = SocketIOOutput(sio, self.bot_message_evt)
            try:
                await on_new_message(UserMessage(incoming.text, output, sender, input_channel=self.name(),
                                                 metadata=incoming.metadata))
            except Exception:
                logger.exception("Handling a socket.io message failed (text not logged).")
                await tell(sid, say(SORRY))

        sio.on(self.user_message_evt, handle_message, namespace=self.namespace)
        return hook
