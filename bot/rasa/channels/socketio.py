"""socket.io input for the chat widget: Rasa's protocol behind the shared front door
(bot.rasa.channels.hygiene)."""

from __future__ import annotations

import logging
from typing import Any, Awaitable, Callable

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput, SocketIOOutput
from sanic import Blueprint

from bot.rasa.channels.hygiene import (
    EMPTY_REPLY,
    LONG_NOTE,
    MAX_MESSAGE_CHARS,
    SLOW_DOWN,
    SORRY,
    Rejected,
    rate_limited,
    say,
    screen,
    screen_sender,
)
from bot.rasa.limits import shared_limiter

__all__ = ["GuardedSocketIOInput"]

logger = logging.getLogger(__name__)


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
                wait = rate_limited(limiter, sender)
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
