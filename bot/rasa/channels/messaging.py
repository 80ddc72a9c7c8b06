"""What every messaging channel does the same way, whatever the provider.

A bot message from Rasa (`text`, `buttons`, `image`, `custom`) is read into a `Reply`: its text, the
options it offers and any picture. Each channel then shows the options its own way (numbered on
SMS, quick replies on WhatsApp, an inline keyboard on Telegram), and a person's answer ("1",
"more", the button's title) is mapped back to the payload that was offered. Which options were
offered is read from the conversation itself (the buttons of the bot's latest turn in the tracker),
so the mapping survives a restart and works when several Rasa servers share one tracker store.

It also knows the carrier keywords (STOP, START, HELP) and the channels' own sentences, which live
in domain/channels.yml like every other sentence a person reads.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from bot.rasa.channels.hygiene import say
from bot.rasa.channels.media import body_map_of
from core.settings import settings

__all__ = ["Keyword", "Option", "Picture", "Reply", "formatted", "keyword", "latest_options", "numbered_prompt",
           "pick", "read_reply", "sentence", "split_text"]

_PUNCTUATION = re.compile(r"[^\w\s]+")
# The widget's inline markup in responses (bot/web/widget.js): **bold** and [label](url).
_INLINE = re.compile(r"\*\*([^*\n]+?)\*\*|\[([^\]\n]+)\]\(((?:https?://|mailto:|tel:)[^)\s]+)\)")


@dataclass(frozen=True)
class Option:
    """One button as offered: its number on a numbered list, its title and its payload."""

    number: int
    title: str
    payload: str


@dataclass(frozen=True)
class Picture:
    """A picture to send: an SVG drawn by the bot (body map, trend chart) or an image URL, and its
    text alternative, which stands in for it where pictures cannot be sent."""

    alt: str
    svg: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Reply:
    """One bot message as the channels see it."""

    text: str
    options: list[Option] = field(default_factory=list)
    picture: Picture | None = None


def options_from(buttons: Iterable[Mapping[str, Any]] | None) -> list[Option]:
    """Buttons (Rasa's `{"title", "payload"}`) as numbered options; buttons without a payload are skipped."""
    usable = [b for b in buttons or () if isinstance(b, Mapping) and b.get("payload")]
    return [Option(n, str(b.get("title") or b["payload"]), str(b["payload"])) for n, b in enumerate(usable, 1)]


def _picture(message: Mapping[str, Any]) -> Picture | None:
    """The picture in a message: a body map or chart the actions drew (an SVG data URL with its text
    alternative, bot.rasa.channels.media) or Rasa's plain `image` URL. Other custom payloads (widget
    events, downloads) are for the web chat only."""
    drawn = body_map_of(message.get("custom"))
    if drawn is not None:
        return Picture(drawn.alt, svg=drawn.svg)
    image = message.get("image")
    if isinstance(image, str) and image.startswith("https://"):
        return Picture("", url=image)
    return None


def read_reply(message: Mapping[str, Any]) -> Reply | None:
    """A Rasa bot message as text, options and picture; None when there is nothing a channel can show."""
    text = str(message.get("text") or "").strip()
    options = options_from(message.get("buttons") or message.get("quick_replies"))
    picture = _picture(message)
    if not (text or options or picture):
        return None
    return Reply(text, options, picture)


def latest_options(events: Sequence[Mapping[str, Any]]) -> list[Option]:
    """The options on offer: the buttons of the last bot message that had any since the person's last
    message (a remark after a question does not withdraw the question; a new message of theirs does)."""
    for event in reversed(events):
        kind = event.get("event")
        if kind == "user":
            return []
        if kind == "bot":
            data = event.get("data") or {}
            options = options_from(data.get("buttons") or data.get("quick_replies"))
            if options:
                return options
    return []


def _plain(text: str) -> str:
    return " ".join(_PUNCTUATION.sub(" ", text.casefold()).split())


def pick(answer: str, options: Sequence[Option]) -> str | None:
    """The payload an answer chooses: its number ("2", "2.", "#2"), a button's title ("more",
    "Move a week") or the payload itself; None when it chooses none of them (then it is read as words)."""
    if not options:
        return None
    wanted = answer.strip()
    if any(wanted == o.payload for o in options):
        return wanted
    plain = _plain(wanted)
    if plain.isdigit():
        number = int(plain)
        return next((o.payload for o in options if o.number == number), None)
    return next((o.payload for o in options if plain and _plain(o.title) == plain), None)


def numbered_prompt(options: Sequence[Option]) -> str:
    """ "Reply 1 for More, 2 for Less, 3 for Good." from domain/channels.yml."""
    listed = ", ".join(say("utter_channel_option", number=o.number, title=o.title) for o in options)
    return say("utter_channel_options", options=listed)


class Keyword(Enum):
    """Carrier keywords, answered by the channel itself (SMS and WhatsApp)."""

    STOP = "stop"
    START = "start"
    HELP = "help"


# The words US/UK carriers and Twilio's opt-out handling treat as these keywords, alone in a message.
_KEYWORDS = {
    **dict.fromkeys(("stop", "stopall", "unsubscribe", "cancel", "end", "quit", "optout", "revoke"), Keyword.STOP),
    **dict.fromkeys(("start", "unstop", "subscribe"), Keyword.START),
    **dict.fromkeys(("help", "info"), Keyword.HELP),
}


def keyword(text: str, *, opted_out: bool = False) -> Keyword | None:
    """The keyword a message is, if it is one word and one of them; "yes" also restarts messages
    for someone who had stopped them (carriers accept it), but is an ordinary answer otherwise."""
    word = _plain(text)
    if opted_out and word == "yes":
        return Keyword.START
    return _KEYWORDS.get(word)


def sentence(response: str, **values: Any) -> str:
    """A channel sentence with the clinic's details filled in."""
    config = settings()
    return say(response, clinic=config.clinic_name, emergency_number=config.emergency_number, **values)


def formatted(text: str, style: str) -> str:
    """A response's **bold** and [label](url) the way a channel shows them: plain on SMS ("label
    (url)"), *bold* on WhatsApp, HTML for Telegram's parse_mode="HTML" (everything else escaped)."""
    def bold(inner: str) -> str:
        return {"whatsapp": f"*{inner}*", "telegram": f"<b>{inner}</b>"}.get(style, inner)

    def link(label: str, url: str) -> str:
        return f'<a href="{url}">{label}</a>' if style == "telegram" else f"{label} ({url})"

    parts, last = [], 0
    for match in _INLINE.finditer(text):
        parts.append(_escape(text[last:match.start()], style))
        if match.group(1) is not None:
            parts.append(bold(_escape(match.group(1), style)))
        else:
            parts.append(link(_escape(match.group(2), style), _escape(match.group(3), style)))
        last = match.end()
    parts.append(_escape(text[last:], style))
    return "".join(parts)


def _escape(text: str, style: str) -> str:
    if style != "telegram":
        return text
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def split_text(text: str, limit: int) -> list[str]:
    """Text cut into pieces of at most `limit` characters, at paragraph, line or word breaks."""
    pieces: list[str] = []
    rest = text.strip()
    while len(rest) > limit:
        window = rest[:limit]
        cut = max(window.rfind("\n\n"), window.rfind("\n"), window.rfind(" "))
        cut = cut if cut > limit // 2 else limit
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        pieces.append(rest)
    return pieces
