"""REST input with input hygiene: Rasa's URL and payload (`POST /webhooks/rest/webhook` with
`{"sender", "message"}`) behind the shared front door (bot.rasa.channels.hygiene)."""

from __future__ import annotations

import logging
from asyncio import CancelledError
from typing import Any, Awaitable, Callable

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.rasa.channels.hygiene import (
    EMPTY_REPLY,
    LONG_NOTE,
    MAX_MESSAGE_CHARS,
    Incoming,
    Rejected,
    error_response,
    parse_body,
    rate_limited,
    say,
    screen,
    screen_sender,
)
from bot.rasa.limits import shared_limiter

__all__ = ["GuardedRestInput"]

logger = logging.getLogger(__name__)


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
            return error_response('Send messages with POST and a JSON body {"sender": "an-id", "message": "text"}.',
                                  405, headers={"Allow": "POST"})

        @hook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            try:
                payload = parse_body(request)
                sender = screen_sender(payload.get("sender"))
                wait = rate_limited(limiter, sender)
                if wait:
                    assert limiter.limit is not None
                    return error_response(f"Too many messages from this sender (at most {limiter.limit.describe()}). "
                                          f"Try again in {wait} s.", 429, headers={"Retry-After": str(wait)},
                                          retry_after=wait)
                incoming = screen(sender, payload)
                return response.json(await self._handle(incoming, on_new_message))
            except Rejected as problem:
                return error_response(problem.message, problem.status)

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
