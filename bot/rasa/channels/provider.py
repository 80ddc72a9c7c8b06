"""What the Twilio and Telegram clients share: one typed error and one way to make an HTTP call.

Callers need to tell a message that could not go out for a reason the person chose (Telegram 403:
the bot was blocked; Twilio 21610: the number replied STOP) from a passing failure, so every failure
becomes a `ProviderError` with the HTTP status and the provider's own error code. Its text never
contains the request URL (Telegram's carries the bot token) nor what was sent.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import aiohttp

__all__ = ["DEFAULT_TIMEOUT_S", "TWILIO_UNREACHABLE_CODES", "ProviderError", "open_session", "read_json"]

DEFAULT_TIMEOUT_S = 20.0


class ProviderError(Exception):
    """A provider refused or could not be reached.

    `status` is the HTTP status (0 when no answer came), `code` the provider's error code when it
    gave one (Twilio: 21610 opted out, 21614 not a mobile number ...; Telegram: its `error_code`,
    which repeats the HTTP status), `retry_after` the seconds a 429 asks to wait.
    """

    def __init__(self, provider: str, status: int, code: int | None = None, description: str = "",
                 retry_after: float | None = None) -> None:
        code_text = f" (code {code})" if code is not None else ""
        super().__init__(f"{provider} answered {status or 'nothing'}{code_text}"
                         + (f": {description}" if description else ""))
        self.provider = provider
        self.status = status
        self.code = code
        self.description = description
        self.retry_after = retry_after

    @property
    def recipient_gone(self) -> bool:
        """The person cannot be messaged until they write again (blocked the bot, or STOP)."""
        if self.provider == "telegram":
            return self.status == 403 or self.code == 403
        return self.code in TWILIO_UNREACHABLE_CODES


# Twilio error codes that mean "do not try this number again until they write": 21610 the number
# replied STOP (unsubscribed), 21614 not a mobile number (cannot take SMS).
TWILIO_UNREACHABLE_CODES = frozenset({21610, 21614})


@asynccontextmanager
async def open_session(session: aiohttp.ClientSession | None, timeout_s: float) -> AsyncIterator[aiohttp.ClientSession]:
    """The injected session (left open), or a fresh one for this call (closed afterwards).

    A session per call keeps the clients usable from any event loop (the Rasa server's, or a
    scheduler's `asyncio.run`); a long-lived process injects one to reuse connections.
    """
    if session is not None:
        yield session
        return
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=timeout_s)) as fresh:
        yield fresh


async def read_json(provider: str, response: aiohttp.ClientResponse) -> Any:
    """The response body as JSON; a body that is not JSON becomes a ProviderError."""
    raw = await response.read()
    try:
        return json.loads(raw.decode("utf-8")) if raw else {}
    except (UnicodeDecodeError, ValueError):
        raise ProviderError(provider, response.status, description="the answer was not JSON") from None
