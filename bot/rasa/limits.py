"""Per-sender rate limiting and request size limits for the input channels.

Why per sender id: one person (or one script) hammering the assistant must not starve everybody
else, yet a person who types a burst of short messages should not be blocked. The counting is the
`limits` library's moving window: at most `capacity` messages in any `window` seconds. In one
process the counts live in memory; in the scaled-out mode every Rasa server counts in the same
Redis (`BOT_RATE_LIMIT_STORAGE=redis://...`), so a sender gets the limit once across all servers,
not once per server. Configure with `BOT_RATE_LIMIT` ("20/60s" by default, "off" to disable); the
body size limit with `BOT_MAX_BODY_BYTES`.
"""

from __future__ import annotations

import math
import re
import time
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from core.settings import settings

__all__ = ["DEFAULT_RATE_LIMIT", "MAX_BODY_BYTES", "RateLimit", "SenderRateLimiter", "max_body_bytes",
           "shared_limiter"]

DEFAULT_RATE_LIMIT = "20/60s"
MAX_BODY_BYTES = 256 * 1024  # a 2,000-character message is at most ~24 KB even fully \u-escaped
_SPEC = re.compile(r"^\s*(\d+)\s*/\s*(?:(\d+(?:\.\d+)?)\s*(ms|s|m|h)?|(ms|s|m|h))\s*$")
_UNIT_SECONDS = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0, None: 1.0}


@dataclass(frozen=True)
class RateLimit:
    """At most `capacity` messages in a burst, refilled evenly over `window_s` seconds."""

    capacity: int
    window_s: float

    @property
    def per_second(self) -> float:
        """Refill rate in tokens per second."""
        return self.capacity / self.window_s

    def describe(self) -> str:
        """Human wording for error messages, e.g. "20 messages every 60 s"."""
        return f"{self.capacity} messages every {self.window_s:g} s"

    @classmethod
    def parse(cls, spec: str) -> RateLimit | None:
        """"20/60s", "20/1m", "5/s" or "off" (None: no limit); anything else is a clear error."""
        text = spec.strip().lower()
        if text in {"off", "none", "0", "unlimited"}:
            return None
        match = _SPEC.match(text)
        if not match:
            raise ValueError(f'BOT_RATE_LIMIT must look like "20/60s" (messages/window) or "off", not {spec!r}')
        capacity = int(match.group(1))
        window = float(match.group(2) or 1) * _UNIT_SECONDS[match.group(3) or match.group(4)]
        if capacity <= 0 or window <= 0:
            raise ValueError(f"BOT_RATE_LIMIT needs a positive count and window, not {spec!r}")
        return cls(capacity, window)

    @classmethod
    def from_env(cls) -> RateLimit | None:
        """The limit configured for this process (BOT_RATE_LIMIT, default 20/60s)."""
        return cls.parse(settings().rate_limit or DEFAULT_RATE_LIMIT)

    def item(self) -> Any:
        """The `limits` item: `capacity` per whole seconds (a window under a second counts as one)."""
        from limits import RateLimitItemPerSecond

        return RateLimitItemPerSecond(self.capacity, max(1, math.ceil(self.window_s)))


class SenderRateLimiter:
    """A moving-window limit per sender id, counted in memory or in Redis (`limits` storage URI)."""

    def __init__(self, limit: RateLimit | None, storage_uri: str = "memory://") -> None:
        from limits.storage import storage_from_string
        from limits.strategies import MovingWindowRateLimiter

        self.limit = limit
        self._item = limit.item() if limit else None
        self._storage = storage_from_string(storage_uri)  # the strategy keeps only a weak reference
        self._limiter = MovingWindowRateLimiter(self._storage)

    def acquire(self, sender: str) -> float:
        """Count one message for `sender`: 0.0 when allowed, else the seconds until one is free."""
        if self._item is None:
            return 0.0
        if self._limiter.hit(self._item, "sender", sender):
            return 0.0
        reset, _remaining = self._limiter.get_window_stats(self._item, "sender", sender)
        # The reset time is whole seconds: round the wait up, but never past one window (a moving
        # window frees its oldest message within one window at the latest).
        window = float(math.ceil(self.limit.window_s)) if self.limit else 1.0
        return min(window, max(1.0, reset + 1 - time.time()))

    @staticmethod
    def retry_after(wait: float) -> int:
        """Whole seconds for the Retry-After header (at least 1)."""
        return max(1, math.ceil(wait))


@lru_cache(maxsize=1)
def shared_limiter() -> SenderRateLimiter:
    """One limiter per process, shared by every channel (same sender, same count)."""
    return SenderRateLimiter(RateLimit.from_env(), settings().rate_limit_storage)


def max_body_bytes() -> int:
    """Largest request body the REST channel accepts (BOT_MAX_BODY_BYTES, default 256 KiB)."""
    return settings().max_body_bytes
