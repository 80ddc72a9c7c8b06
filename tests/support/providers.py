"""Local stand-ins for the messaging providers' APIs, and the webhook payloads they send us.

`TwilioStandIn` answers Twilio's Messages API (`POST /2010-04-01/Accounts/{sid}/Messages.json`,
HTTP Basic auth, form fields) and Content API (`POST /v1/Content`); `TelegramStandIn` answers the
Bot API (`POST /bot{token}/{method}`, JSON or multipart). Each is a real HTTP server on loopback
(the clients are pointed at it by their base URL), checks the credentials, records every request,
and answers with bodies shaped as in the providers' documentation, errors included (Twilio 21610
for an unsubscribed number, Telegram 403 for a chat that blocked the bot).

The webhook builders produce what Twilio and Telegram post to our channels, as documented
(Twilio's form parameters with an `X-Twilio-Signature` computed by the twilio library's
`RequestValidator`; Telegram `Update` objects).
"""

from __future__ import annotations

import base64
import itertools
import json
import re
import threading
import time
import uuid
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import HTTP
from html.parser import HTMLParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Iterator, TypeVar
from urllib.parse import parse_qs

__all__ = ["Providers", "Recorded", "TelegramStandIn", "TwilioStandIn", "running_providers", "telegram_callback",
           "telegram_message", "twilio_form", "twilio_signature"]


@dataclass
class Recorded:
    """One request a stand-in received."""

    method: str  # Bot API method, or "Messages" / "Content" for Twilio
    fields: dict[str, Any]
    files: dict[str, bytes] = field(default_factory=dict)
    at: float = field(default_factory=time.monotonic)
    result: dict[str, Any] = field(default_factory=dict)  # what the stand-in answered (message_id, sid)


_Self = TypeVar("_Self", bound="_StandIn")


class _StandIn:
    """A threaded HTTP server on 127.0.0.1 with a free port; use as a context manager."""

    def __init__(self) -> None:
        self.requests: list[Recorded] = []
        self._lock = threading.Lock()
        handler = self._handler_class()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        """Base URL the clients are configured with."""
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self: _Self) -> _Self:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def record(self, item: Recorded) -> None:
        with self._lock:
            self.requests.append(item)

    def clear(self) -> None:
        """Forget what was recorded so far."""
        with self._lock:
            self.requests.clear()

    def wait_for(self, predicate: Callable[[list[Recorded]], bool], timeout: float = 30.0) -> list[Recorded]:
        """Poll until the recorded requests satisfy `predicate`; returns them (fails on timeout)."""
        deadline = time.monotonic() + timeout
        while True:
            with self._lock:
                snapshot = list(self.requests)
            if predicate(snapshot):
                return snapshot
            if time.monotonic() > deadline:
                raise AssertionError(f"the stand-in did not see what was expected; it saw: {snapshot}")
            time.sleep(0.1)

    def answer(self, path: str, headers: Any, body: bytes) -> tuple[int, dict[str, Any]]:
        raise NotImplementedError

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                status, payload = stand_in.answer(self.path, self.headers, body)
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *_args: Any) -> None:
                return

        return Handler


def _form(headers: Any, body: bytes) -> tuple[dict[str, Any], dict[str, bytes]]:
    """Fields (and uploaded files) of a urlencoded, JSON or multipart body."""
    kind = str(headers.get("Content-Type") or "")
    if kind.startswith("application/json"):
        return dict(json.loads(body or b"{}")), {}
    if kind.startswith("multipart/form-data"):
        message = BytesParser(policy=HTTP).parsebytes(b"Content-Type: " + kind.encode() + b"\r\n\r\n" + body)
        fields: dict[str, Any] = {}
        files: dict[str, bytes] = {}
        for part in message.iter_parts():
            name = str(part.get_param("name", header="content-disposition"))
            content = part.get_payload(decode=True) or b""
            if part.get_filename():
                files[name] = content
            else:
                fields[name] = content.decode()
        return fields, files
    parsed = parse_qs(body.decode(), keep_blank_values=True)
    return {k: v if k == "MediaUrl" else v[0] for k, v in parsed.items()}, {}


class TwilioStandIn(_StandIn):
    """Twilio's Messages and Content APIs for one account."""

    def __init__(self, account_sid: str = "AC" + "0" * 32, auth_token: str = "test-auth-token") -> None:
        self.account_sid = account_sid
        self.auth_token = auth_token
        self.unsubscribed: set[str] = set()  # numbers that replied STOP: Twilio refuses with 21610
        self._sids = itertools.count(1)
        super().__init__()

    @property
    def messages(self) -> list[dict[str, Any]]:
        """The messages sent, in order (form fields as Twilio received them)."""
        return [r.fields for r in list(self.requests) if r.method == "Messages"]

    def answer(self, path: str, headers: Any, body: bytes) -> tuple[int, dict[str, Any]]:
        expected = "Basic " + base64.b64encode(f"{self.account_sid}:{self.auth_token}".encode()).decode()
        if headers.get("Authorization") != expected:
            return 401, {"code": 20003, "message": "Authenticate", "more_info": "https://www.twilio.com/docs/errors/20003",
                         "status": 401}
        fields, _files = _form(headers, body)
        if path == "/v1/Content":
            sid = f"HX{next(self._sids):032x}"
            self.record(Recorded("Content", fields, result={"sid": sid}))
            return 201, {"sid": sid, "account_sid": self.account_sid, "friendly_name": fields.get("friendly_name"),
                         "language": fields.get("language"), "types": fields.get("types"), "variables": {}}
        if path != f"/2010-04-01/Accounts/{self.account_sid}/Messages.json":
            return 404, {"code": 20404, "message": "The requested resource was not found", "status": 404}
        to = str(fields.get("To") or "")
        if to.removeprefix("whatsapp:") in self.unsubscribed:
            return 400, {"code": 21610, "message": "Attempt to send to unsubscribed recipient",
                         "more_info": "https://www.twilio.com/docs/errors/21610", "status": 400}
        if not (fields.get("Body") or fields.get("MediaUrl") or fields.get("ContentSid")):
            return 400, {"code": 21602, "message": "Message body is required.", "status": 400}
        sid = f"SM{next(self._sids):032x}"
        self.record(Recorded("Messages", fields, result={"sid": sid}))
        return 201, {"sid": sid, "account_sid": self.account_sid, "to": to,
                     "from": fields.get("From"), "body": fields.get("Body", ""), "status": "queued",
                     "num_media": str(len(fields.get("MediaUrl") or [])), "api_version": "2010-04-01"}


class TelegramStandIn(_StandIn):
    """The Telegram Bot API for one bot."""

    def __init__(self, token: str = "123456:TEST-token") -> None:
        self.token = token
        self.blocked: set[int] = set()  # chats whose person blocked the bot: 403
        self._message_ids = itertools.count(100)
        super().__init__()

    def calls(self, method: str) -> list[dict[str, Any]]:
        """The fields of every call of one method, in order."""
        return [r.fields for r in list(self.requests) if r.method == method]

    def answer(self, path: str, headers: Any, body: bytes) -> tuple[int, dict[str, Any]]:
        prefix = f"/bot{self.token}/"
        if not path.startswith(prefix):
            return 401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
        method = path[len(prefix):]
        fields, files = _form(headers, body)
        if isinstance(fields.get("reply_markup"), str):
            fields["reply_markup"] = json.loads(fields["reply_markup"])
        chat = fields.get("chat_id")
        if chat is not None and int(chat) in self.blocked:
            return 403, {"ok": False, "error_code": 403, "description": "Forbidden: bot was blocked by the user"}
        if fields.get("parse_mode") == "HTML" and not _telegram_html_ok(str(fields.get("text") or "")):
            return 400, {"ok": False, "error_code": 400,
                         "description": "Bad Request: can't parse entities: unsupported start tag"}
        if method in ("sendMessage", "sendPhoto"):
            message: dict[str, Any] = {"message_id": next(self._message_ids), "date": int(time.time()),
                                       "chat": {"id": int(chat or 0), "type": "private"}}
            self.record(Recorded(method, fields, files, result={"message_id": message["message_id"]}))
            if method == "sendMessage":
                message["text"] = fields.get("text", "")
            else:
                message["photo"] = [{"file_id": uuid.uuid4().hex, "file_unique_id": uuid.uuid4().hex[:8],
                                     "width": 320, "height": 320}]
                if fields.get("caption"):
                    message["caption"] = fields["caption"]
            return 200, {"ok": True, "result": message}
        self.record(Recorded(method, fields, files))
        if method in ("answerCallbackQuery", "setWebhook", "editMessageReplyMarkup"):
            return 200, {"ok": True, "result": True}
        return 404, {"ok": False, "error_code": 404, "description": "Not Found: method not found"}


class _TelegramHTML(HTMLParser):
    """Telegram's HTML parse mode: a few tags, balanced; every other '<' or '&' must be escaped."""

    ALLOWED = frozenset({"b", "strong", "i", "em", "u", "s", "a", "code", "pre"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.ok = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ok &= tag in self.ALLOWED
        self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        self.ok &= bool(self.open) and self.open.pop() == tag


def _telegram_html_ok(text: str) -> bool:
    parser = _TelegramHTML()
    parser.feed(text)
    parser.close()
    bare_amp = re.search(r"&(?!(amp|lt|gt|quot);)", text)
    untagged = re.sub(r"</?(b|strong|i|em|u|s|a|code|pre)(\s[^<>]*)?>", "", text)
    return parser.ok and not parser.open and bare_amp is None and not re.search(r"[<>]", untagged)


# --- what the providers post to our webhooks ---------------------------------------------------

def twilio_form(from_: str, body: str, to: str = "+15005550006", *, message_sid: str | None = None,
                account_sid: str = "AC" + "0" * 32, media: list[tuple[str, str]] | None = None,
                button: tuple[str, str] | None = None) -> dict[str, str]:
    """An incoming message as Twilio posts it (form parameters); WhatsApp when `from_` starts "whatsapp:"."""
    sid = message_sid or "SM" + uuid.uuid4().hex
    form = {"ToCountry": "US", "ToState": "CA", "SmsMessageSid": sid, "NumMedia": str(len(media or [])),
            "ToCity": "", "FromZip": "", "SmsSid": sid, "FromState": "", "SmsStatus": "received", "FromCity": "",
            "Body": body, "FromCountry": "GB", "To": to, "NumSegments": "1", "ReferralNumMedia": "0",
            "MessageSid": sid, "AccountSid": account_sid, "From": from_, "ApiVersion": "2010-04-01"}
    if from_.startswith("whatsapp:"):
        form.update({"ProfileName": "Sam", "WaId": from_.removeprefix("whatsapp:+"), "MessageType": "text"})
        for key in ("ToCountry", "ToState", "ToCity", "FromZip", "FromState", "FromCity", "FromCountry"):
            form.pop(key)
    for index, (url, kind) in enumerate(media or []):
        form[f"MediaUrl{index}"] = url
        form[f"MediaContentType{index}"] = kind
    if button:
        form.update({"ButtonText": button[0], "ButtonPayload": button[1], "MessageType": "button"})
    return form


def twilio_signature(auth_token: str, url: str, form: dict[str, str]) -> str:
    """X-Twilio-Signature for a form posted to `url`, computed as Twilio does."""
    from twilio.request_validator import RequestValidator

    return str(RequestValidator(auth_token).compute_signature(url, form))


_update_ids = itertools.count(int(time.time()) % 100000 * 1000)


def _person(chat_id: int) -> dict[str, Any]:
    return {"id": chat_id, "is_bot": False, "first_name": "Sam", "language_code": "en"}


def telegram_message(chat_id: int, text: str, *, update_id: int | None = None) -> dict[str, Any]:
    """An Update with a private text message (a leading /command is marked as a bot_command entity)."""
    message: dict[str, Any] = {"message_id": next(_update_ids) % 100000, "from": _person(chat_id),
                               "chat": {"id": chat_id, "first_name": "Sam", "type": "private"},
                               "date": int(time.time()), "text": text}
    if text.startswith("/"):
        message["entities"] = [{"offset": 0, "length": len(text.split()[0]), "type": "bot_command"}]
    return {"update_id": update_id if update_id is not None else next(_update_ids), "message": message}


def telegram_callback(chat_id: int, data: str, *, message_id: int = 100, text: str = "") -> dict[str, Any]:
    """An Update for a tap on an inline keyboard button whose callback_data is `data`."""
    return {"update_id": next(_update_ids), "callback_query": {
        "id": str(uuid.uuid4().int)[:19], "from": _person(chat_id), "chat_instance": "-4242",
        "message": {"message_id": message_id, "from": {"id": 1, "is_bot": True, "first_name": "Coach"},
                    "chat": {"id": chat_id, "first_name": "Sam", "type": "private"}, "date": int(time.time()),
                    "text": text},
        "data": data}}


# --- the session's stand-ins, and the settings that point the Rasa server at them ---------------

@dataclass
class Providers:
    """Both stand-ins, and the environment that turns the messaging channels on against them."""

    twilio: TwilioStandIn
    telegram: TelegramStandIn
    public_url: str = "https://chat.clinic.example"  # what Twilio was given: signatures are over this URL
    channel_key: str = "test-channel-key"
    sms_from: str = "+15005550006"
    whatsapp_from: str = "+14155238886"
    telegram_secret: str = "test-telegram-secret_42"

    @property
    def env(self) -> dict[str, str]:
        """BOT_* variables for the Rasa server."""
        return {"BOT_CHANNEL_PUBLIC_URL": self.public_url, "BOT_CHANNEL_KEY": self.channel_key,
                "BOT_TWILIO_ACCOUNT_SID": self.twilio.account_sid, "BOT_TWILIO_AUTH_TOKEN": self.twilio.auth_token,
                "BOT_TWILIO_SMS_FROM": self.sms_from, "BOT_TWILIO_WHATSAPP_FROM": self.whatsapp_from,
                "BOT_TWILIO_API_URL": self.twilio.url, "BOT_TELEGRAM_TOKEN": self.telegram.token,
                "BOT_TELEGRAM_SECRET": self.telegram_secret, "BOT_TELEGRAM_API_URL": self.telegram.url}

    def sender(self, channel: str, address: str) -> str:
        """The pseudonymous sender id the server gives this address."""
        from bot.checkins.contacts import ChannelKeys, pseudonym

        return pseudonym(channel, address, ChannelKeys.from_secret(self.channel_key))


def running_providers() -> Iterator[Providers]:
    """Start both stand-ins; stop them afterwards."""
    with TwilioStandIn() as twilio, TelegramStandIn() as telegram:
        yield Providers(twilio, telegram)
