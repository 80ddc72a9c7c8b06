"""A stand-in for the two Rasa server routes the check-in scheduler calls, for scheduler tests that
need no model: `POST /conversations/<id>/trigger_intent` and `POST /webhooks/outreach/checkin`.

A real HTTP server on loopback (the providers' stand-in base class, tests.support.providers): it
records each call and answers the outreach route with the outcome scripted per sender (JSON as
bot.rasa.channels.outreach answers), "sent" by default.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qs, urlsplit

from tests.support.providers import Recorded, _StandIn

__all__ = ["RasaStandIn"]


class RasaStandIn(_StandIn):
    """Records trigger_intent and outreach calls; `outcomes[sender]` scripts the outreach answer."""

    def __init__(self, token: str = "test-token") -> None:
        self.token = token
        self.outcomes: dict[str, str] = {}
        super().__init__()

    def senders(self, method: str) -> list[str]:
        """The senders of every call of one kind ("outreach" or "trigger_intent"), in order."""
        return [str(r.fields["sender"]) for r in list(self.requests) if r.method == method]

    def answer(self, path: str, headers: Any, body: bytes) -> tuple[int, dict[str, Any]]:
        parts = urlsplit(path)
        if parse_qs(parts.query).get("token") != [self.token]:
            return 401, {"status": "failure", "reason": "NotAuthenticated"}
        payload = json.loads(body or b"{}")
        if parts.path == "/webhooks/outreach/checkin":
            sender = str(payload.get("sender"))
            self.record(Recorded("outreach", {"sender": sender}))
            outcome = self.outcomes.get(sender, "sent")
            return (503 if outcome == "failed" else 200), {"outcome": outcome, "reason": ""}
        if parts.path.startswith("/conversations/") and parts.path.endswith("/trigger_intent"):
            sender = parts.path.split("/")[2]
            self.record(Recorded("trigger_intent", {"sender": sender, "name": payload.get("name")}))
            return 200, {"tracker": {"sender_id": sender}, "messages": []}
        return 404, {"status": "failure", "reason": "NotFound"}
