"""Signed links back into a conversation, for check-in emails.

The link carries the conversation id and an HMAC, so only links the clinic sent open a conversation;
the secret comes from the environment (BOT_LINK_SECRET).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from urllib.parse import quote

__all__ = ["make_token", "read_token", "resume_link"]


def _sign(secret: str, sender_id: str) -> str:
    return hmac.new(secret.encode(), sender_id.encode(), hashlib.sha256).hexdigest()[:32]


def make_token(secret: str, sender_id: str) -> str:
    """Opaque token: the id, base64url-encoded, and its signature."""
    encoded = base64.urlsafe_b64encode(sender_id.encode()).decode().rstrip("=")
    return f"{encoded}.{_sign(secret, sender_id)}"


def read_token(secret: str, token: str) -> str | None:
    """The conversation id in a genuine token, else None."""
    try:
        encoded, signature = token.split(".", 1)
        sender_id = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)).decode()
    except (ValueError, UnicodeDecodeError):
        return None
    return sender_id if hmac.compare_digest(signature, _sign(secret, sender_id)) else None


def resume_link(public_url: str, secret: str, sender_id: str) -> str:
    """The clinic page URL that reopens this conversation at its check-in."""
    return f"{public_url.rstrip('/')}/?resume={quote(make_token(secret, sender_id))}"
