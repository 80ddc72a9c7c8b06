"""The body map as a PNG for messaging channels, and the signed short-lived URL that serves it.

Messaging apps show no SVG, so the body map the actions send (a `data:image/svg+xml` URL in a custom
payload) is rendered to PNG in process with resvg. resvg resolves `font-family="sans-serif"` to a
font that is usually not installed and then draws no text at all, silently: so system fonts are
skipped and one explicit font file is always given (BOT_MAP_FONT, else DejaVu Sans from matplotlib,
which the lock pins, else the system's DejaVu Sans), with its family name read from the file itself.
No font file means an error, never a picture without its labels.

Twilio and Telegram fetch the picture by URL. The URL carries the picture itself in a Fernet token
(AES-encrypted, HMAC-SHA256-signed, time-stamped; key derived from BOT_CHANNEL_KEY), so it reveals
nothing of where the person hurts, works on any Rasa server behind a load balancer and after a
restart, and is refused with 403 once tampered with or older than its lifetime.
"""

from __future__ import annotations

import base64
import binascii
import importlib.util
import logging
import time
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Awaitable, Callable

from cryptography.fernet import Fernet, InvalidToken
from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.checkins.contacts import derived_key

__all__ = ["MEDIA_PATH", "MEDIA_TTL_S", "PNG_MAGIC", "ZOOM", "BodyMap", "InvalidMediaLink", "MapFontMissing",
           "MediaInput", "body_map_of", "font_family", "map_font", "media_blueprint", "media_token", "media_url",
           "read_media_token", "render_png"]

logger = logging.getLogger(__name__)

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
MEDIA_TTL_S = 15 * 60  # Twilio and Telegram fetch within seconds; a forwarded link dies soon after
MEDIA_PATH = "/webhooks/media/bodymap"  # Rasa mounts MediaInput's blueprint at /webhooks/media
ZOOM = 2.0  # legible on a phone
BACKGROUND = "#ffffff"  # a transparent PNG shows black under dark themes
_SYSTEM_DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
_SVG_DATA_URL = "data:image/svg+xml;base64,"
MAX_SVG_BYTES = 200_000


class MapFontMissing(RuntimeError):
    """No font file to draw the labels with; the channel sends the text description instead."""


class InvalidMediaLink(ValueError):
    """A media token that was forged, tampered with, or is past its lifetime."""


def _matplotlib_dejavu() -> Path | None:
    """matplotlib's bundled DejaVu Sans (found without importing matplotlib, which is slow)."""
    spec = importlib.util.find_spec("matplotlib")
    locations = list(spec.submodule_search_locations or []) if spec else []
    for location in locations:
        candidate = Path(location) / "mpl-data" / "fonts" / "ttf" / "DejaVuSans.ttf"
        if candidate.is_file():
            return candidate
    return None


def map_font(configured: str | None = None) -> Path:
    """The font file for the labels: the configured one (which must exist), else DejaVu Sans."""
    if configured is None:
        from core.settings import settings

        configured = settings().map_font
    if configured:
        path = Path(configured)
        if not path.is_file():
            raise MapFontMissing(f"BOT_MAP_FONT={configured} is not a font file")
        return path
    for candidate in (_matplotlib_dejavu(), _SYSTEM_DEJAVU):
        if candidate is not None and candidate.is_file():
            return candidate
    raise MapFontMissing("no DejaVu Sans found (matplotlib's or fonts-dejavu-core); set BOT_MAP_FONT to a .ttf")


@lru_cache(maxsize=8)
def font_family(path: Path) -> str:
    """The family name inside the font file: what resvg must be told `sans-serif` means."""
    from fontTools.ttLib import TTFont, TTLibError

    try:
        with TTFont(str(path), lazy=True) as font:
            name = font["name"].getBestFamilyName()
    except (OSError, TTLibError, KeyError) as error:
        raise MapFontMissing(f"{path} is not a readable font ({type(error).__name__})") from None
    if not name:
        raise MapFontMissing(f"{path} names no font family")
    return str(name)


def render_png(svg: str, font: Path | None = None) -> bytes:
    """The SVG as PNG bytes, every text drawn with `font` (about 40 ms for the body map)."""
    import resvg_py

    font = font or map_font()
    family = font_family(font)
    try:
        png = resvg_py.svg_to_bytes(svg_string=svg, skip_system_fonts=True, font_files=[str(font)],
                                    font_family=family, sans_serif_family=family, serif_family=family,
                                    background=BACKGROUND, zoom=ZOOM)
    except ValueError as error:
        raise ValueError(f"the SVG could not be rendered ({error})") from None
    return bytes(png)


@lru_cache(maxsize=64)
def _cached_png(svg: str) -> bytes:
    """Twilio may fetch the same picture more than once (and WhatsApp re-fetches on retries)."""
    return render_png(svg)


@dataclass(frozen=True)
class BodyMap:
    """A body map from an action's custom payload: the SVG and its one-line text alternative."""

    svg: str
    alt: str


def body_map_of(custom: Any) -> BodyMap | None:
    """The body map in a custom payload ({"image": "data:image/svg+xml;base64,...", "alt": ...}), else
    None. Accepts Rasa's shapes: the payload itself or wrapped in "data" / "custom"."""
    if not isinstance(custom, dict):
        return None
    for key in ("data", "custom"):
        if isinstance(custom.get(key), dict):
            return body_map_of(custom[key])
    image, alt = custom.get("image"), custom.get("alt")
    if not (isinstance(image, str) and image.startswith(_SVG_DATA_URL)):
        return None
    try:
        svg = base64.b64decode(image[len(_SVG_DATA_URL):], validate=True).decode("utf-8")
    except (binascii.Error, ValueError):
        return None
    if len(svg) > MAX_SVG_BYTES or "<svg" not in svg:
        return None
    return BodyMap(svg, alt if isinstance(alt, str) else "")


def _cipher(secret: str) -> Fernet:
    return Fernet(base64.urlsafe_b64encode(derived_key(secret, "media-link")))


def media_token(svg: str, secret: str, *, now: float | None = None) -> str:
    """A URL-safe token holding the compressed SVG, encrypted and signed, stamped with `now`."""
    token = _cipher(secret).encrypt_at_time(zlib.compress(svg.encode("utf-8"), 9), int(now or time.time()))
    return token.decode("ascii").rstrip("=")


def read_media_token(token: str, secret: str, *, ttl_s: int = MEDIA_TTL_S, now: float | None = None) -> str:
    """The SVG in a genuine token younger than `ttl_s`; InvalidMediaLink otherwise."""
    padded = token + "=" * (-len(token) % 4)
    try:
        data = _cipher(secret).decrypt_at_time(padded.encode("ascii"), ttl_s, int(now or time.time()))
        svg = zlib.decompressobj().decompress(data, MAX_SVG_BYTES).decode("utf-8")
    except (InvalidToken, UnicodeError, zlib.error, ValueError):
        raise InvalidMediaLink("not a valid or current media link") from None
    return svg


def media_url(public_url: str, svg: str, secret: str | None = None, *, now: float | None = None) -> str:
    """The picture's address under the Rasa server's public URL (BOT_CHANNEL_PUBLIC_URL)."""
    if secret is None:
        from core.settings import settings

        secret = settings().channel_secret
    return f"{public_url.rstrip('/')}{MEDIA_PATH}/{media_token(svg, secret, now=now)}.png"


def media_blueprint(secret: str, *, ttl_s: int = MEDIA_TTL_S) -> Blueprint:
    """GET /bodymap/<token>.png: the PNG for a genuine, current token; 403 for anything else."""
    hook = Blueprint("bodymap_media", url_prefix="")

    @hook.route("/bodymap/<token>", methods=["GET", "HEAD"])
    async def bodymap(request: Request, token: str) -> HTTPResponse:
        try:
            svg = read_media_token(token.removesuffix(".png"), secret, ttl_s=ttl_s)
        except InvalidMediaLink:
            return response.json({"error": "This picture link is not valid or has expired."}, status=403)
        try:
            png = _cached_png(svg)
        except (MapFontMissing, ValueError) as error:
            logger.error("Body map PNG not rendered: %s", error)
            return response.json({"error": "The picture cannot be drawn right now."}, status=503)
        headers = {"Cache-Control": f"private, max-age={ttl_s}", "X-Content-Type-Options": "nosniff"}
        if request.method == "HEAD":
            return response.raw(b"", content_type="image/png", headers={**headers, "Content-Length": str(len(png))})
        return response.raw(png, content_type="image/png", headers=headers)

    return hook


class MediaInput(InputChannel):
    """Not a conversation channel: how the picture route gets onto the Rasa server's app (Rasa mounts
    every channel's blueprint under /webhooks/<name>), so Twilio and Telegram, on or off, share one
    route: GET /webhooks/media/bodymap/<token>.png. Listed in credentials.yml."""

    @classmethod
    def name(cls) -> str:
        return "media"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        return cls()

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """The picture route, keyed by the channel secret (BOT_CHANNEL_KEY)."""
        from core.settings import settings

        return media_blueprint(settings().channel_secret)
