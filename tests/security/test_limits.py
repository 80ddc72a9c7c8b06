"""The rate limiter and the channel's screening, without servers."""

from __future__ import annotations

import time

import pytest

from bot.rasa.channels import Rejected, clean_text, screen, screen_sender
from bot.rasa.limits import RateLimit, SenderRateLimiter


@pytest.mark.parametrize(("spec", "expected"), [
    ("20/60s", RateLimit(20, 60.0)), ("5/s", RateLimit(5, 1.0)), ("10/1m", RateLimit(10, 60.0)),
    ("100/2h", RateLimit(100, 7200.0)), ("3/500ms", RateLimit(3, 0.5)), ("off", None), ("0", None)])
def test_rate_limit_spec(spec: str, expected: RateLimit | None) -> None:
    assert RateLimit.parse(spec) == expected


@pytest.mark.parametrize("spec", ["twenty", "20", "20/", "-1/60s", "0/60s", "20/0s", "20/60d"])
def test_bad_rate_limit_spec_is_a_clear_error(spec: str) -> None:
    with pytest.raises(ValueError, match="BOT_RATE_LIMIT"):
        RateLimit.parse(spec)


def test_a_burst_is_allowed_then_the_sender_waits_and_others_do_not() -> None:
    limiter = SenderRateLimiter(RateLimit(3, 2.0))
    assert [limiter.acquire("a") for _ in range(3)] == [0.0, 0.0, 0.0]
    wait = limiter.acquire("a")
    assert 0 < wait <= 3.0
    assert limiter.acquire("b") == 0.0  # another sender has its own count
    time.sleep(2.2)
    assert limiter.acquire("a") == 0.0


def test_servers_sharing_redis_share_the_limit(redis_url: str) -> None:
    """Two limiters (two Rasa servers) on one Redis: the sender gets the limit once, not twice."""
    sender = f"shared-{time.time_ns()}"
    first, second = (SenderRateLimiter(RateLimit(2, 30.0), redis_url) for _ in range(2))
    assert [first.acquire(sender), second.acquire(sender)] == [0.0, 0.0]
    assert first.acquire(sender) > 0 and second.acquire(sender) > 0


def test_no_limit_never_waits() -> None:
    limiter = SenderRateLimiter(None)
    assert all(limiter.acquire("a") == 0.0 for _ in range(1000))


def test_clean_text_removes_what_breaks_tokens_or_storage() -> None:
    assert clean_text("lo\u200bwer \u202eba\u200dck\ud800 \x00x e\u0301") == ("lower back   x é", False)
    assert clean_text("👩\u200d💻") == ("👩\u200d💻", False)  # an emoji sequence keeps its joiner
    assert clean_text("a" * 2500) == ("a" * 2000, True)


@pytest.mark.parametrize("sender", ["", " ", "a/b", "a b", "josé", "x" * 129, True, 1.5, None, ["a"]])
def test_bad_senders_are_rejected(sender: object) -> None:
    with pytest.raises(Rejected):
        screen_sender(sender)


@pytest.mark.parametrize("sender", ["abc", "test-0123", "a@b.example", "+441234", "x" * 128])
def test_good_senders_pass(sender: str) -> None:
    assert screen_sender(sender) == sender
    assert screen_sender(12345) == "12345"


@pytest.mark.parametrize(("text", "expected"), [
    ("/affirm", "/affirm"), ("/deny", "/deny"), ("/not_an_intent", "not_an_intent"),
    ('/inform{"intensity": "99"}', 'inform{"intensity": "99"}'), ("/affirm@0.99", "affirm@0.99"), ("//", "")])
def test_slash_commands_only_for_domain_buttons(text: str, expected: str) -> None:
    assert screen("s", {"message": text}).text == expected
