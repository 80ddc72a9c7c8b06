"""Per-sender rate limiting and request size limits for the input channels.

Why a token bucket per sender id, in memory per process: one person (or one script) hammering the
assistant must not starve everybody else, yet a person who types a burst of short messages should
not be blocked. A bucket holds `capacity` tokens and refills at `capacity / window` tokens per
second; each message takes one token. It is kept in memory because a Rasa process already handles
a given conversation (sticky sessions behind the proxy, the lock store for the rest); with N Rasa
processes a sender gets at most N times the limit, which is still a bound. Configure with
`BOT_RATE_LIMIT` ("20/60s" by default, "off" to disable); the body size limit with
`BOT_MAX_BODY_BYTES`.
"""

from __future__ import annotations

import math
import os
import re
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

__all__ = ["DEFAULT_RATE_LIMIT", "MAX_BODY_BYTES", "RateLimit", "SenderRateLimiter", "max_body_bytes",
           "shared_limiter"]

DEFAULT_RATE_LIMIT = "20/60s"
MAX_BODY_BYTES = 256 * 1024  # a 2,000-character message is at most ~24 KB even fully \u-escaped
_MAX_SENDERS = 50_000  # buckets kept; the least recently seen sender is forgotten first
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
        return cls.parse(os.environ.get("BOT_RATE_LIMIT", "").strip() or DEFAULT_RATE_LIMIT)


class SenderRateLimiter:
    """Token buckets keyed by sender id; thread-safe, bounded in memory."""

    def __init__(self, limit: RateLimit | None, *, clock: Callable[[], float] = time.monotonic,
                 max_senders: int = _MAX_SENDERS) -> None:
        self.limit = limit
        self._clock = clock
        self._max = max_senders
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()  # sender -> (tokens, at)
        self._lock = threading.Lock()

    def acquire(self, sender: str) -> float:
        """Take one token for `sender`: 0.0 when allowed, else the seconds until one is free."""
        if self.limit is None:
            return 0.0
        now = self._clock()
        with self._lock:
            tokens, at = self._buckets.pop(sender, (float(self.limit.capacity), now))
            tokens = min(float(self.limit.capacity), tokens + (now - at) * self.limit.per_second)
            wait = 0.0
            if tokens >= 1.0:
                tokens -= 1.0
            else:
                wait = (1.0 - tokens) / self.limit.per_second
            self._buckets[sender] = (tokens, now)
            while len(self._buckets) > self._max:
                self._buckets.popitem(last=False)
        return wait

    @staticmethod
    def retry_after(wait: float) -> int:
        """Whole seconds for the Retry-After header (at least 1)."""
        return max(1, math.ceil(wait))


@lru_cache(maxsize=1)
def shared_limiter() -> SenderRateLimiter:
    """One limiter per process, shared by the REST and socket.io channels (same sender, same bucket)."""
    return SenderRateLimiter(RateLimit.from_env())


def max_body_bytes() -> int:
    """Largest request body the REST channel accepts (BOT_MAX_BODY_BYTES, default 256 KiB)."""
    value = os.environ.get("BOT_MAX_BODY_BYTES", "").strip()
    return int(value) if value.isdigit() and int(value) > 0 else MAX_BODY_BYTES
