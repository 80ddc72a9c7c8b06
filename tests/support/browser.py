"""Driving the clinic page and its chat widget in a real Chromium, for the browser end-to-end tests.

The page is served by the project's own `bot.runtime.webserver` (as `make run` serves it) and talks to the
real Rasa server over socket.io; nothing is mocked. Waits are on what a person sees: the widget's
bot messages (`.pc-msg.pc-bot`), never on sleeps.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import re
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.settings import PROJECT_ROOT

if TYPE_CHECKING:
    from playwright.sync_api import Page

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
SCREENSHOTS = PROJECT_ROOT / "results" / "screenshots"
CLINIC_PORT = 8000  # the session servers allow CORS for http://127.0.0.1:8000 (tests/support/servers.py)
_SPEAKER = re.compile(r"^\s*(Assistant|You):\s*")  # the screen-reader-only prefix of each message
REPLY_TIMEOUT_MS = 60_000  # a turn on a busy 2-core machine (NLU + policies + action server)


def browser_missing_reason() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if importlib.util.find_spec("playwright") is None:
        return "the Python package playwright is not installed (pip install playwright)"
    if not (CHROMIUM.exists() and os.access(CHROMIUM, os.X_OK)):
        return f"Chromium is not installed at {CHROMIUM} (Debian: apt-get install chromium)"
    return None


def port_is_free(port: int, host: str = "127.0.0.1") -> bool:
    """True when nothing listens on host:port."""
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError:
            return False
        return True


@contextlib.contextmanager
def clinic_web_server(rasa_url: str, port: int, log_path: Path) -> Iterator[str]:
    """`python -m bot.runtime.webserver` on the given port, pointing the widget at `rasa_url`; yields the page URL."""
    import requests

    from bot.runtime.services import wait_until_up

    url = f"http://127.0.0.1:{port}/"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot.runtime.webserver", "--host", "127.0.0.1", "--port", str(port),
             "--rasa-url", rasa_url],
            cwd=PROJECT_ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        if not wait_until_up(url, 30, alive=lambda: process.poll() is None):
            raise RuntimeError(f"the clinic web server did not start:\n{log_path.read_text(errors='replace')[-2000:]}")
        requests.get(url, timeout=5).raise_for_status()
        yield url
    finally:
        if process.poll() is None:
            os.killpg(process.pid, 15)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)
            process.wait(timeout=10)


def screenshot(page: Page, name: str) -> Path:
    """Save a screenshot of the viewport under results/screenshots/ and return its path."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path


class Widget:
    """What a visitor does with the chat widget, and what they see in it."""

    def __init__(self, page: Page) -> None:
        self.page = page

    # --- acting --------------------------------------------------------------------------------
    def open(self) -> None:
        """Click the launcher and wait until the socket.io session is confirmed."""
        self.page.click("#pc-launcher")
        self.page.wait_for_selector("#pc-panel", state="visible")
        self.wait_for_session()

    def wait_for_session(self) -> str:
        """The session id the server confirmed (stored in localStorage by the widget)."""
        self.page.wait_for_function("() => window.PainCoach && window.PainCoach.connected()",
                                    timeout=REPLY_TIMEOUT_MS)
        return self.session_id()

    def say(self, text: str, expect: str | None = None) -> list[str]:
        """Type a message and press Enter; wait for the bot's reply (containing `expect`, if given)."""
        before = self.bot_count()
        self.page.fill("#pc-input", text)
        self.page.press("#pc-input", "Enter")
        return self.wait_for_reply(before, expect)

    def click_quick_reply(self, title: str, expect: str | None = None) -> list[str]:
        """Click a suggested-reply button by its visible title; wait for the reply."""
        before = self.bot_count()
        self.page.locator(".pc-button", has_text=title).last.click()
        return self.wait_for_reply(before, expect)

    def wait_for_reply(self, before: int, expect: str | None = None, timeout: int = REPLY_TIMEOUT_MS) -> list[str]:
        """Wait until bot messages after the first `before` ones appear (and one contains `expect`)."""
        self.page.wait_for_function(
            """([before, expect]) => {
                const texts = Array.from(document.querySelectorAll('#pc-log .pc-msg.pc-bot'))
                    .slice(before).map((m) => m.innerText);
                if (!texts.length) return false;
                return expect === null || texts.some((t) => t.includes(expect));
            }""",
            arg=[before, expect], timeout=timeout)
        if expect is None:  # the rest of a multi-part reply: wait until the typing dots are gone
            self.page.wait_for_selector("#pc-typing", state="hidden", timeout=timeout)
        return self.bot_texts()[before:]

    # --- seeing --------------------------------------------------------------------------------
    def bot_texts(self) -> list[str]:
        """The text of every bot message shown, in order (screen-reader prefix removed)."""
        return [_SPEAKER.sub("", t).strip() for t in self.page.locator("#pc-log .pc-msg.pc-bot").all_inner_texts()]

    def user_texts(self) -> list[str]:
        """The person's own messages shown, in order."""
        return [_SPEAKER.sub("", t).strip() for t in self.page.locator("#pc-log .pc-msg.pc-user").all_inner_texts()]

    def bot_count(self) -> int:
        return int(self.page.locator("#pc-log .pc-msg.pc-bot").count())

    def quick_replies(self) -> list[str]:
        """Titles of the suggested-reply buttons on screen."""
        return [t.strip() for t in self.page.locator(".pc-button").all_inner_texts()]

    def stored(self) -> dict[str, Any]:
        """The widget's localStorage record (session id, transcript)."""
        value = self.page.evaluate(
            "() => JSON.parse(localStorage.getItem(window.PainCoach.storageKey()) || 'null')")
        return dict(value or {})

    def session_id(self) -> str:
        return str(self.page.evaluate("() => window.PainCoach.sessionId()"))


def user_texts_in_tracker(tracker: dict[str, Any]) -> list[str]:
    """What the person said, according to Rasa's tracker."""
    return [str(e.get("text")) for e in tracker.get("events", []) if e.get("event") == "user"]

