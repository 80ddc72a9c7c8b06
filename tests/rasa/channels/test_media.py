"""The body map as PNG: real PNG bytes, labels drawn (a render without fonts has none), and the signed
short-lived URL served on a real Sanic server the way Rasa mounts channel blueprints (403 when
tampered, forged or expired)."""

from __future__ import annotations

import asyncio
import base64
import io
import time
from pathlib import Path

import aiohttp
import pytest

from bot.engine.bodymap import HEIGHT, render_body_map
from bot.rasa.channels.media import (
    MEDIA_PATH,
    MEDIA_TTL_S,
    PNG_MAGIC,
    ZOOM,
    InvalidMediaLink,
    MapFontMissing,
    MediaInput,
    body_map_of,
    map_font,
    media_blueprint,
    media_token,
    media_url,
    read_media_token,
    render_png,
)
from tests.support.sanic_serving import serving

SECRET = "test-channel-key"


@pytest.fixture(scope="module")
def font() -> Path:
    try:
        return map_font("")
    except MapFontMissing as error:
        pytest.skip(f"no font for the labels: {error} (install fonts-dejavu-core or matplotlib)")


@pytest.fixture(scope="module")
def svg() -> str:
    return render_body_map([("low_back", "left")], ("low_back",), ("buttock",), title="Body map: low back")


def _dark_pixels(png: bytes, top: float = 0.0) -> int:
    """Near-black pixels (the labels are black; outlines and zones are grey or coloured) below `top`."""
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("L")
    width, height = image.size
    strip = image.crop((0, int(top), width, height))
    return sum(1 for value in strip.getdata() if value < 60)


def test_png_has_the_magic_bytes_and_the_zoomed_size(svg: str, font: Path) -> None:
    from PIL import Image

    png = render_png(svg, font)
    assert png.startswith(PNG_MAGIC)
    assert Image.open(io.BytesIO(png)).size == (int(440 * ZOOM), int((HEIGHT + 44) * ZOOM))


def test_labels_are_drawn_where_a_render_without_fonts_has_none(svg: str, font: Path) -> None:
    import resvg_py

    labelled = render_png(svg, font)
    no_fonts = bytes(resvg_py.svg_to_bytes(svg_string=svg, skip_system_fonts=True, background="#ffffff", zoom=ZOOM))
    label_strip = HEIGHT * ZOOM  # "Front", "Back" and the legend sit below the figures
    assert _dark_pixels(no_fonts, label_strip) == 0  # what resvg does silently without a font
    assert _dark_pixels(labelled, label_strip) > 500


def test_a_configured_font_that_is_missing_is_an_error_not_a_silent_fallback(tmp_path: Path) -> None:
    with pytest.raises(MapFontMissing):
        map_font(str(tmp_path / "missing.ttf"))
    not_a_font = tmp_path / "fake.ttf"
    not_a_font.write_bytes(b"not a font")
    with pytest.raises(MapFontMissing):
        render_png("<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'/>", not_a_font)


def test_body_map_is_read_from_the_actions_payload(svg: str) -> None:
    payload = {"image": "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode(), "alt": "Body map: x"}
    found = body_map_of({"data": payload})
    assert found is not None and found.svg == svg and found.alt == "Body map: x"
    assert body_map_of({"image": "https://example.org/a.png"}) is None
    assert body_map_of({"image": "data:image/svg+xml;base64,not base64!"}) is None
    assert body_map_of("text") is None


def test_token_round_trip_tamper_and_expiry(svg: str) -> None:
    now = time.time()
    token = media_token(svg, SECRET, now=now)
    assert "low back" not in token and "<svg" not in token
    assert read_media_token(token, SECRET, now=now + 60) == svg
    tampered = token[:40] + ("A" if token[40] != "A" else "B") + token[41:]
    for bad, secret, at in ((tampered, SECRET, now), (token, "another secret", now),
                            (token, SECRET, now + MEDIA_TTL_S + 1), ("garbage", SECRET, now)):
        with pytest.raises(InvalidMediaLink):
            read_media_token(bad, secret, now=at)


async def _serve_and_fetch(paths: list[str]) -> list[tuple[int, str, bytes]]:
    """MediaInput's blueprint on a real Sanic server, mounted as Rasa mounts channels; GET each path."""
    results = []
    async with serving({MediaInput().name(): media_blueprint(SECRET)}) as base, aiohttp.ClientSession() as session:
        for path in paths:
            async with session.get(base + path) as answer:
                results.append((answer.status, answer.headers.get("Content-Type", ""), await answer.read()))
    return results


def test_route_serves_a_genuine_link_and_refuses_the_rest(svg: str, font: Path) -> None:
    url = media_url("https://clinic.example/", svg, SECRET)
    assert url.startswith("https://clinic.example" + MEDIA_PATH + "/") and url.endswith(".png")
    path = url.removeprefix("https://clinic.example")
    token = path.rsplit("/", 1)[1].removesuffix(".png")
    tampered = path.replace(token, token[:-3] + ("x" if token[-3] != "x" else "y") + token[-2:])
    expired = MEDIA_PATH + "/" + media_token(svg, SECRET, now=time.time() - MEDIA_TTL_S - 5) + ".png"
    forged = MEDIA_PATH + "/" + media_token(svg, "not the clinic's key") + ".png"
    good, bad, old, fake = asyncio.run(_serve_and_fetch([path, tampered, expired, forged]))
    assert good[0] == 200 and good[1] == "image/png" and good[2].startswith(PNG_MAGIC)
    for status, _kind, body in (bad, old, fake):
        assert status == 403 and not body.startswith(PNG_MAGIC)
