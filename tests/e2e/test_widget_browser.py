"""The chat widget in a real Chromium against the real Rasa server's socket.io channel.

Proves what REST tests cannot: that the page's widget connects, gets its session confirmed, that
replies actually arrive over socket.io (python-socketio is pinned because newer releases silently
drop them, RasaHQ/rasa#13027), that quick replies, persistence, deletion, a phone-sized screen,
keyboard-only use and a dropped connection all work. Each test saves a screenshot under
results/screenshots/ for a human to look at.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

from bot.engine.screening import MAX_ROUTINE
from tests.support.browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    CLINIC_PORT,
    SCREENSHOTS,
    Widget,
    browser_missing_reason,
    clinic_web_server,
    port_is_free,
    screenshot,
    user_texts_in_tracker,
)
from tools.servers import Servers

if TYPE_CHECKING:
    from playwright.sync_api import Browser, FloatRect, Page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(browser_missing_reason() is not None, reason=browser_missing_reason() or ""),
]

HEADACHE = "I get a dull headache over my right temple most afternoons"
EMERGENCY = "This needs emergency care now"
SUGGESTION = "not a diagnosis"


# --- fixtures ------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def clinic_url(servers: Servers, request: pytest.FixtureRequest) -> Iterator[str]:
    """The demo clinic page, served by bot.runtime.webserver, with the widget pointed at the real Rasa server.

    The Rasa server only answers cross-origin requests from the clinic origin it was started with,
    so the page must be served from exactly that origin: the session's `clinic_origin` fixture if the
    suite provides one, else http://127.0.0.1:8000 (tests/support/servers.py's default).
    """
    try:
        port = int(str(request.getfixturevalue("clinic_origin")).rsplit(":", 1)[1])
    except pytest.FixtureLookupError:
        port = CLINIC_PORT
    if not port_is_free(port):
        pytest.skip(f"port {port} is in use (is `make run` running?); the Rasa server under test accepts "
                    f"the widget only from http://127.0.0.1:{port}")
    with clinic_web_server(servers.rasa_url, port, servers.log_dir / "web.log") as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """One headless Chromium for the module; every test gets its own context (fresh storage)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


def _new_page(browser: Browser, width: int = 1280, height: int = 800, **options: Any) -> Page:
    context = browser.new_context(viewport={"width": width, "height": height}, **options)
    context.set_default_timeout(30_000)
    page = context.new_page()
    page.on("pageerror", lambda error: _page_errors.append(str(error)))
    return page


_page_errors: list[str] = []


@pytest.fixture()
def page(browser: Browser) -> Iterator[Page]:
    """A desktop-sized page in a fresh browser context; fails the test on any uncaught page error."""
    _page_errors.clear()
    page = _new_page(browser)
    try:
        yield page
    finally:
        page.context.close()
    assert not _page_errors, f"JavaScript errors on the page: {_page_errors}"


def _start(page: Page, clinic_url: str) -> Widget:
    page.goto(clinic_url)
    widget = Widget(page)
    widget.open()
    return widget


def _box(page: Page, selector: str) -> FloatRect:
    """Where a visible element is on screen."""
    target = page.locator(selector)
    assert target.is_visible(), f"{selector} is not visible"
    box = target.bounding_box()
    assert box is not None, f"{selector} has no box"
    return box


def _asks_age(widget: Widget) -> bool:
    texts = widget.bot_texts()
    return bool(texts) and "how old are you" in texts[-1].lower()


def _wait_for_question(widget: Widget) -> None:
    """Yes/no questions and the suggestions end in buttons; the age question is answered in words."""
    widget.page.wait_for_function(
        """() => document.querySelector('.pc-button') !== null
                 || [...document.querySelectorAll('#pc-log .pc-msg.pc-bot')].slice(-1)
                        .some((m) => m.innerText.toLowerCase().includes('how old are you'))""",
        timeout=60000)
    widget.page.wait_for_selector("#pc-typing", state="hidden", timeout=60000)


def _intake_to_suggestions(widget: Widget) -> None:
    """Describe the headache and answer the intake questions until the muscle suggestions come."""
    assert any("0 (no pain) to 10" in t for t in widget.say(HEADACHE, expect="0 (no pain) to 10"))
    widget.say("about a 5 out of 10", expect="How long")
    widget.say("a couple of months", expect="makes it worse")
    before = widget.bot_count()
    widget.say("worse when I'm hunched over my laptop")
    for _ in range(MAX_ROUTINE + 2):  # the safety screening comes before any suggestion
        _wait_for_question(widget)
        if any(SUGGESTION in t for t in widget.bot_texts()[before:]):
            return
        if _asks_age(widget):
            before = widget.bot_count()
            widget.say("I'm 34")
            continue
        assert widget.quick_replies() == ["Yes", "No"], widget.bot_texts()[before:]
        before = widget.bot_count()
        widget.click_quick_reply("No")
    pytest.fail(f"no suggestions after the screening questions: {widget.bot_texts()}")


# --- tests ---------------------------------------------------------------------------------------
def test_whole_conversation_from_greeting_to_massage_coaching(page: Page, clinic_url: str, servers: Servers) -> None:
    widget = _start(page, clinic_url)
    assert widget.page.is_visible(".pc-intro")
    # the panel's title is drawn in the header's text colour, whatever the host page does to headings
    colours = page.evaluate("""() => [getComputedStyle(document.querySelector('#pc-title')).color,
                                      getComputedStyle(document.querySelector('.pc-header')).color]""")
    assert colours[0] == colours[1], colours
    greeting = widget.say("hi", expect="Where does it hurt")
    assert any("can't diagnose" in t for t in greeting)

    _intake_to_suggestions(widget)
    shown = "\n".join(widget.bot_texts())
    assert SUGGESTION in shown
    assert any(m in shown.lower() for m in ("temporalis", "trapezius", "sternocleidomastoid"))
    assert widget.quick_replies() == ["Yes", "No"]
    page.mouse.move(10, 790)  # no hover effect on the buttons in the picture
    body_map = page.locator("#pc-log .pc-img").last
    body_map.wait_for(state="visible")
    assert (body_map.get_attribute("alt") or "").startswith("Body map")
    page.wait_for_function("() => [...document.querySelectorAll('#pc-log .pc-img')].every((i) => i.complete)")
    # the picture shows the body map's upper half: where the headache is and where the muscle refers
    page.evaluate("""() => { const log = document.querySelector('#pc-log');
        const img = [...log.querySelectorAll('.pc-img')].pop();
        log.scrollTop = img.offsetTop - log.offsetTop - 8; }""")
    readme = SCREENSHOTS / "readme-conversation.png"
    readme.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(readme))

    coaching = widget.click_quick_reply("Yes", expect="How does it feel?")
    assert any("Before you start" in t for t in coaching)
    assert widget.user_texts()[-1] == "Yes"
    assert widget.quick_replies() == ["More", "Less", "Good", "Stop"]
    screenshot(page, "widget-coaching")

    # the finished coaching ends with the check-in offer: its Yes/No, no more pressure buttons (waiting for
    # the offer, the last message of the turn, so the buttons are read once they have all arrived)
    done = widget.click_quick_reply("Good", expect="check in with you")
    assert any("stretch" in t.lower() for t in done)
    assert widget.quick_replies() == ["Yes", "No"]
    screenshot(page, "widget-conversation-done")

    said = user_texts_in_tracker(servers.tracker(widget.session_id()))
    assert said[0] == "hi" and HEADACHE in said and said[-2:] == ["/affirm", '/pressure_feedback{"direction":"good"}']


def test_emergency_interrupts_the_intake_and_comes_first(page: Page, clinic_url: str, servers: Servers) -> None:
    widget = _start(page, clinic_url)
    widget.say(HEADACHE, expect="0 (no pain) to 10")
    reply = widget.say("worst headache of my life, it came on suddenly", expect="Tell them")
    assert reply[0].startswith(EMERGENCY), reply
    screenshot(page, "widget-emergency")
    assert servers.slot(widget.session_id(), "triage_level") == "emergency"
    after = widget.say("about a 5 out of 10")
    assert not any("massage" in t.lower() and "can't" not in t.lower() for t in after), after


def test_conversation_survives_a_reload(page: Page, clinic_url: str, servers: Servers) -> None:
    widget = _start(page, clinic_url)
    widget.say(HEADACHE, expect="0 (no pain) to 10")
    session = widget.session_id()
    before_bot, before_user = widget.bot_texts(), widget.user_texts()

    page.reload()
    widget.page.wait_for_selector("#pc-panel", state="visible")  # it was open: it reopens
    assert widget.bot_texts() == before_bot and widget.user_texts() == before_user
    assert widget.wait_for_session() == session
    assert widget.stored()["sessionId"] == session

    reply = widget.say("about a 5 out of 10", expect="How long")  # the intake goes on, no fresh start
    assert not any("Where does it hurt" in t for t in reply)
    screenshot(page, "widget-after-reload")
    said = user_texts_in_tracker(servers.tracker(session))
    assert said == [HEADACHE, "about a 5 out of 10"]


def test_phone_width_fills_the_screen_and_stays_usable(browser: Browser, clinic_url: str) -> None:
    _page_errors.clear()
    page = _new_page(browser, 360, 740, is_mobile=True, has_touch=True, device_scale_factor=2)
    try:
        widget = _start(page, clinic_url)
        panel = _box(page, "#pc-panel")
        assert panel["x"] <= 1 and panel["y"] <= 1 and panel["width"] >= 358 and panel["height"] >= 735, panel
        for selector in ("#pc-input", "#pc-send", "#pc-close", "#pc-disclaimer", "#pc-delete"):
            item = _box(page, selector)
            assert item["x"] >= 0 and item["x"] + item["width"] <= 360, (selector, item)
            assert item["y"] >= 0 and item["y"] + item["height"] <= 740, (selector, item)
        send = _box(page, "#pc-send")
        assert send["width"] >= 44 and send["height"] >= 44, send  # a finger-sized target
        page.fill("#pc-input", HEADACHE)
        before = widget.bot_count()
        page.tap("#pc-send")
        widget.wait_for_reply(before, "0 (no pain) to 10")
        width = page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= 360, f"the page scrolls sideways ({width}px)"
        screenshot(page, "widget-phone")
    finally:
        page.context.close()
    assert not _page_errors, f"JavaScript errors on the page: {_page_errors}"


def _tab_to(page: Page, script: str, what: str, limit: int = 40) -> None:
    """Press Tab until `script` (a JS predicate on the focused element `e`) holds."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const e = document.activeElement; return Boolean(e && ({script})); }}"):
            return
    pytest.fail(f"Tab never reached {what}")


def _focused(page: Page) -> str:
    return str(page.evaluate("() => document.activeElement ? (document.activeElement.id || "
                             "document.activeElement.textContent) : ''"))


def test_keyboard_only(page: Page, clinic_url: str) -> None:
    page.goto(clinic_url)
    page.wait_for_selector("#pc-launcher")
    _tab_to(page, "e.id === 'pc-launcher'", "the chat launcher")
    page.keyboard.press("Enter")
    page.wait_for_selector("#pc-panel", state="visible")
    assert _focused(page) == "pc-input"
    log = page.locator("#pc-log")
    assert log.get_attribute("role") == "log" and log.get_attribute("aria-live") == "polite"

    widget = Widget(page)
    widget.wait_for_session()
    for text, expect in [(HEADACHE, "0 (no pain) to 10"), ("about a 5 out of 10", "How long"),
                         ("a couple of months", "makes it worse"), ("worse when I'm hunched over my laptop", None)]:
        before = widget.bot_count()
        page.keyboard.type(text)
        page.keyboard.press("Enter")
        widget.wait_for_reply(before, expect)

    # the safety questions, then the suggestions, all answered with Tab and Enter (the age typed)
    for _ in range(MAX_ROUTINE + 2):
        _wait_for_question(widget)
        if _asks_age(widget) and not page.query_selector(".pc-button"):
            before = widget.bot_count()
            page.keyboard.type("I'm 34")
            page.keyboard.press("Enter")
            widget.wait_for_reply(before)
            continue
        suggested = any(SUGGESTION in t for t in widget.bot_texts())
        answer = "Yes" if suggested else "No"
        _tab_to(page, "e.classList.contains('pc-button')", "the quick-reply buttons")
        assert _focused(page) == "Yes"  # the first button comes first
        if answer == "No":
            page.keyboard.press("Tab")
            assert _focused(page) == "No"
        screenshot(page, "widget-keyboard-focus")
        before = widget.bot_count()
        page.keyboard.press("Enter")
        assert widget.user_texts()[-1] == answer
        assert _focused(page) == "pc-input"  # the buttons are gone: focus is not lost
        if suggested:
            widget.wait_for_reply(before, "How does it feel?")
            break
        widget.wait_for_reply(before)
    else:
        pytest.fail(f"no suggestions reached by keyboard: {widget.bot_texts()}")
    page.keyboard.press("Escape")
    page.wait_for_selector("#pc-panel", state="hidden")
    assert _focused(page) == "pc-launcher"


def test_disclaimer_and_delete_my_data(page: Page, clinic_url: str, servers: Servers) -> None:
    widget = _start(page, clinic_url)
    disclaimer = page.locator("#pc-disclaimer")
    assert disclaimer.is_visible()
    assert "Not a diagnosis" in disclaimer.inner_text()
    assert page.locator("#pc-disclaimer a[href^='tel:']").count() == 1
    widget.say(HEADACHE, expect="0 (no pain) to 10")
    old_session = widget.session_id()
    assert user_texts_in_tracker(servers.tracker(old_session)) == [HEADACHE]

    before = widget.bot_count()
    page.click("#pc-delete")
    page.wait_for_selector(".pc-note", timeout=60_000)
    shown = widget.bot_texts()
    assert any("deleted this conversation" in t for t in shown), shown
    assert widget.user_texts() == [], "the transcript on screen must be cleared"
    assert HEADACHE not in page.inner_text("#pc-log")
    assert before >= 1
    new_session = widget.wait_for_session()
    assert new_session != old_session
    stored = widget.stored()
    assert stored.get("messages") == [] and stored.get("sessionId") == new_session
    assert user_texts_in_tracker(servers.tracker(old_session)) == []
    screenshot(page, "widget-data-deleted")

    widget.say("hi", expect="Where does it hurt")  # a fresh conversation works
    assert user_texts_in_tracker(servers.tracker(new_session)) == ["hi"]
    page.reload()
    page.wait_for_selector("#pc-panel", state="visible")
    assert HEADACHE not in page.inner_text("#pc-log")


def test_reconnects_after_the_network_drops(page: Page, clinic_url: str, servers: Servers) -> None:
    widget = _start(page, clinic_url)
    widget.say(HEADACHE, expect="0 (no pain) to 10")
    session = widget.session_id()
    replies = widget.bot_count()

    page.context.set_offline(True)  # Chromium's network emulation: the open WebSocket drops too
    page.wait_for_function("() => !window.PainCoach.connected()")
    page.wait_for_selector("#pc-status", state="visible")
    assert re.search(r"Reconnecting|Retrying", page.inner_text("#pc-status"))
    page.fill("#pc-input", "about a 5 out of 10")  # typed while offline: kept, and sent on reconnection
    page.press("#pc-input", "Enter")
    assert widget.user_texts()[-1] == "about a 5 out of 10"
    page.wait_for_timeout(2000)
    assert widget.bot_count() == replies, "nothing can arrive while offline"
    screenshot(page, "widget-offline")

    page.context.set_offline(False)
    started = time.monotonic()
    widget.wait_for_session()
    reconnected = time.monotonic() - started
    widget.wait_for_reply(replies, "How long")
    print(f"reconnected {reconnected:.2f}s after the network came back; "
          f"reply after {time.monotonic() - started:.2f}s")
    assert page.locator("#pc-status").is_hidden()
    assert widget.session_id() == session
    assert user_texts_in_tracker(servers.tracker(session)) == [HEADACHE, "about a 5 out of 10"]
    screenshot(page, "widget-reconnected")


def test_checkin_from_an_email_link_opens_in_the_widget(page: Page, clinic_url: str, servers: Servers) -> None:
    """Issue 7's browser path: a check-in delivered while the person was away, reopened by the
    signed link from the email, is asked in the widget."""
    import subprocess
    import sys
    from datetime import datetime, timezone

    from bot.checkins.links import make_token
    from bot.checkins.scheduler import delivery_config
    from bot.checkins.store import CheckinStore
    from core.settings import PROJECT_ROOT
    from kb.database import make_engine, migrate

    sender = servers.new_sender()
    servers.say(sender, "my neck aches on the right, about a 5")
    database = f"sqlite:///{servers.log_dir / 'kb.sqlite'}"
    engine = make_engine(database)
    migrate(engine)
    CheckinStore(engine).schedule(sender, baseline_pain=5, times=[datetime(2000, 1, 1, tzinfo=timezone.utc)])
    engine.dispose()
    env = {**os.environ, "BOT_DATABASE_URL": database, "BOT_RASA_URL": servers.rasa_url,
           "BOT_API_TOKEN": servers.token}
    subprocess.run([sys.executable, "-m", "bot.checkins.scheduler", "--once"], cwd=PROJECT_ROOT, env=env,
                   check=True, timeout=120, capture_output=True)

    page.goto(f"{clinic_url}?resume={make_token(delivery_config().link_secret, sender)}")
    widget = Widget(page)
    page.wait_for_selector("#pc-panel", state="visible")  # the link opens the chat by itself
    deadline = time.monotonic() + 60
    while not any("better, the same, or worse" in t for t in widget.bot_texts()):
        assert time.monotonic() < deadline, widget.bot_texts()
        time.sleep(0.3)
    assert widget.session_id() == sender
    assert widget.quick_replies() == ["Better", "Same", "Worse"]
    widget.click_quick_reply("Better", expect="0 (no pain) to 10")
    screenshot(page, "widget-checkin")
