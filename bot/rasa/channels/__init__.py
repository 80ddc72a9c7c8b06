"""The project's input channels, one module each, all behind the same input hygiene (hygiene.py).

credentials.yml names them by this package (`bot.rasa.channels.GuardedRestInput`, ...), so the
channel classes and the screening helpers are re-exported here. REST and socket.io are always on;
Twilio (SMS, WhatsApp) and Telegram are on only when their credentials are configured.
"""

from __future__ import annotations

from bot.rasa.channels.hygiene import (
                                       EMPTY_REPLY,
                                       LONG_NOTE,
                                       MAX_MESSAGE_CHARS,
                                       MAX_SENDER_CHARS,
                                       SLOW_DOWN,
                                       SORRY,
                                       Incoming,
                                       Rejected,
                                       clean_text,
                                       declared_commands,
                                       say,
                                       screen,
                                       screen_sender,
)
from bot.rasa.channels.rest import GuardedRestInput
from bot.rasa.channels.socketio import GuardedSocketIOInput

__all__ = ["EMPTY_REPLY", "LONG_NOTE", "MAX_MESSAGE_CHARS", "MAX_SENDER_CHARS", "SLOW_DOWN", "SORRY",
           "GuardedRestInput", "GuardedSocketIOInput", "Incoming", "Rejected", "clean_text", "declared_commands",
           "say", "screen", "screen_sender"]
