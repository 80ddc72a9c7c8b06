"""The REST channel with input hygiene: every request gets a clean answer and nothing is lost.

Same URL and payload as Rasa's own REST channel (`POST /webhooks/rest/webhook` with
`{"sender", "message"}`), but malformed JSON, wrong types, invalid UTF-8, control characters,
empty and very long messages are answered plainly instead of surfacing a stack trace, and no
message text is ever logged.
"""

from __future__ import annotations

import json
import logging
import re
import unicodedata
from asyncio import CancelledError
from typing import Any, Awaitable, Callable

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

__all__ = ["MAX_MESSAGE_CHARS", "MAX_SENDER_CHARS", "GuardedRestInput", "clean_text"]

logger = logging.getLogger(__name__)

MAX_MESSAGE_CHARS = 2000
MAX_SENDER_CHARS = 128
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
EMPTY_REPLY = ("I didn't get any text. Tell me where it hurts, for example "
               "\"my lower back aches on the left\".")
LONG_NOTE = ("That was a long message, so I've read only the first {limit:,} characters. "
             "Short messages work best.")


def clean_text(raw: str) -> tuple[str, bool]:
    """Normalise what a person typed; returns the text and whether it was cut short."""
    text = unicodedata.normalize("NFC", _CONTROL.sub(" ", raw.replace("\ufffd", " "))).strip()
    truncated = len(text) > MAX_MESSAGE_CHARS
    return text[:MAX_MESSAGE_CHARS], truncated


def _error(message: str, status: int = 400) -> HTTPResponse:
    return response.json({"error": message}, status=status)


def _parse_body(request: Request) -> tuple[dict[str, Any] | None, HTTPResponse | None]:
    body = request.body.decode("utf-8", errors="replace")
    try:
        payload = json.loads(body)
    except ValueError:
        return None, _error('The body must be JSON like {"sender": "an-id", "message": "text"}.')
    if not isinstance(payload, dict):
        return None, _error('The body must be a JSON object with "sender" and "message".')
    return payload, None


class GuardedRestInput(RestInput):
    """Rasa's REST input behind a validating front door."""

    @classmethod
    def name(cls) -> str:
        """Keeps the contract's URL: /webhooks/rest/webhook."""
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """Health check plus the guarded webhook."""
        hook = Blueprint("guarded_rest_webhook", __name__)

        @hook.route("/", methods=["GET"])
        async def health(_request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @hook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            payload, problem = _parse_body(request)
            if problem is not None or payload is None:
                return problem or _error("Bad request.")
            sender, message = payload.get("sender"), payload.get("message")
            if not isinstance(sender, str) or not sender.strip() or len(sender) > MAX_SENDER_CHARS:
                return _error(f'"sender" must be a non-empty string of at most {MAX_SENDER_CHARS} characters.')
            if message is None:
                message = ""
            if not isinstance(message, str):
                return _error('"message" must be a string.')
            text, truncated = clean_text(message)
            if not text:
                return response.json([{"recipient_id": sender, "text": EMPTY_REPLY}])
            collector = CollectingOutputChannel()
            try:
                await on_new_message(UserMessage(text, collector, sender, input_channel=self.name(),
                                                 metadata=payload.get("metadata") if isinstance(
                                                     payload.get("metadata"), dict) else None))
            except CancelledError:
                logger.error("A REST message timed out (sender hidden, text not logged).")
            except Exception:
                logger.exception("Handling a REST message failed (text not logged).")
                return response.json([{"recipient_id": sender, "text":
                                       "Sorry, something went wrong on my side. Please try again in a moment."}])
            messages = list(collector.messages)
            if truncated:
                messages.insert(0, {"recipient_id": sender, "text": LONG_NOTE.format(limit=MAX_MESSAGE_CHARS)})
            return response.json(messages)

        return hook
