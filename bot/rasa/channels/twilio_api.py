"""A small async client for Twilio's Messages API (SMS, MMS and WhatsApp), on aiohttp.

Rasa's Twilio channel sends with the twilio library's blocking client inside the server's event
loop, so one slow call stalls every conversation. This one awaits the same REST call
(`POST /2010-04-01/Accounts/{sid}/Messages.json`, HTTP Basic auth, form fields `To`, `From`,
`Body`, `MediaUrl`, `ContentSid`, `ContentVariables`) and turns Twilio's error body
(`{"code": 21610, "message": ..., "status": 400}`) into a `ProviderError`. The base URL and the
HTTP session are injectable, so tests talk to a stand-in on loopback.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Mapping, Sequence
from typing import Any

import aiohttp

from bot.rasa.channels.provider import DEFAULT_TIMEOUT_S, ProviderError, open_session, read_json

__all__ = ["DEFAULT_TWILIO_API_URL", "DEFAULT_TWILIO_CONTENT_URL", "ProviderError", "TwilioClient"]

DEFAULT_TWILIO_API_URL = "https://api.twilio.com"
DEFAULT_TWILIO_CONTENT_URL = "https://content.twilio.com"
PROVIDER = "twilio"


class TwilioClient:
    """Send messages from one Twilio account.

    The Content API lives on its own host; when `base_url` points elsewhere (a stand-in) and no
    `content_url` is given, both APIs are reached at `base_url`.
    """

    def __init__(self, account_sid: str, auth_token: str, *, base_url: str = DEFAULT_TWILIO_API_URL,
                 content_url: str | None = None, session: aiohttp.ClientSession | None = None,
                 timeout_s: float = DEFAULT_TIMEOUT_S) -> None:
        self.account_sid = account_sid
        self._auth = aiohttp.BasicAuth(account_sid, auth_token)
        self.base_url = (base_url or DEFAULT_TWILIO_API_URL).rstrip("/")
        default_content = DEFAULT_TWILIO_CONTENT_URL if self.base_url == DEFAULT_TWILIO_API_URL else self.base_url
        self.content_url = (content_url or default_content).rstrip("/")
        self._session = session
        self._timeout_s = timeout_s

    @property
    def messages_url(self) -> str:
        """Where messages are created for this account."""
        return f"{self.base_url}/2010-04-01/Accounts/{self.account_sid}/Messages.json"

    async def send_message(self, to: str, body: str | None = None, *, from_: str,
                           media_url: str | Sequence[str] | None = None, content_sid: str | None = None,
                           content_variables: Mapping[str, str] | None = None) -> str:
        """Send one message; returns Twilio's message SID (SM...).

        `to` and `from_` are E.164 numbers, prefixed "whatsapp:" for WhatsApp. A WhatsApp message
        outside the 24-hour window must name an approved template (`content_sid`, with its
        `content_variables`) instead of a body.
        """
        form: list[tuple[str, str]] = [("To", to), ("From", from_)]
        if body:
            form.append(("Body", body))
        for url in [media_url] if isinstance(media_url, str) else list(media_url or ()):
            form.append(("MediaUrl", url))
        if content_sid:
            form.append(("ContentSid", content_sid))
            if content_variables:
                form.append(("ContentVariables", json.dumps(dict(content_variables))))
        if not (body or media_url or content_sid):
            raise ValueError("a Twilio message needs a body, a media URL or a content SID")
        result = await self._post(self.messages_url, data=form)
        return str(result.get("sid") or "")

    async def create_quick_reply(self, friendly_name: str, body: str, actions: Sequence[tuple[str, str]],
                                 language: str = "en") -> str:
        """A `twilio/quick-reply` content (WhatsApp buttons, at most 3: (title, id) pairs); returns its
        content SID (HX...) for `send_message(content_sid=...)`. Inside the 24-hour window such a
        session message needs no WhatsApp approval; a tap comes back with `ButtonPayload` = the id."""
        payload = {"friendly_name": friendly_name, "language": language, "variables": {},
                   "types": {"twilio/quick-reply": {"body": body,
                                                    "actions": [{"title": t, "id": i} for t, i in actions]},
                             "twilio/text": {"body": body}}}
        result = await self._post(f"{self.content_url}/v1/Content", json=payload)
        return str(result.get("sid") or "")

    async def _post(self, url: str, **body: Any) -> dict[str, object]:
        try:
            async with open_session(self._session, self._timeout_s) as session, \
                    session.post(url, auth=self._auth, **body) as response:
                payload = await read_json(PROVIDER, response)
                if response.status >= 400 or not isinstance(payload, dict):
                    detail = payload if isinstance(payload, dict) else {}
                    code = detail.get("code")
                    raise ProviderError(PROVIDER, response.status, int(code) if isinstance(code, int) else None,
                                        str(detail.get("message") or ""),
                                        _retry_after(response.headers.get("Retry-After")))
                return payload
        except aiohttp.ClientError as error:
            raise ProviderError(PROVIDER, 0, description=type(error).__name__) from None
        except asyncio.TimeoutError:
            raise ProviderError(PROVIDER, 0, description="timed out") from None


def _retry_after(value: str | None) -> float | None:
    try:
        return float(value) if value else None
    except ValueError:
        return None
