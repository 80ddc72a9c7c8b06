"""Check-ins end to end: agreed in a conversation, survive a restart of every process, delivered
exactly once by two racing schedulers, announced by email at a real local SMTP server, picked up by
a returning visitor over socket.io, and escalated when the pain is worse or a red flag appears."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import datetime, timezone
from email import message_from_bytes
from pathlib import Path
from typing import Any, Iterator

import pytest
import requests
from sqlalchemy import update

from bot.checkins.links import read_token
from bot.checkins.models import ScheduleRow
from core.settings import PROJECT_ROOT
from kb.database import make_engine, migrate
from tools.servers import Servers, free_port, running_servers

LINK_SECRET = "test-link-secret"


class Mailbox:
    """A real SMTP server (aiosmtpd) on loopback that keeps what it receives."""

    def __init__(self) -> None:
        self.messages: list[Any] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(message_from_bytes(envelope.content))
        return "250 OK"


@pytest.fixture(scope="module")
def mailbox() -> Iterator[tuple[Mailbox, int]]:
    from aiosmtpd.controller import Controller

    box, port = Mailbox(), free_port()
    controller = Controller(box, hostname="127.0.0.1", port=port)
    controller.start()
    yield box, port
    controller.stop()


def _say_until(servers: Servers, sender: str, first: str, needle: str, answer: str = "/deny") -> list[dict]:
    reply = servers.say(sender, first)
    for _ in range(6):
        if needle in " ".join(str(m.get("text") or "") for m in reply):
            return reply
        reply = servers.say(sender, answer)
    raise AssertionError(f"never saw {needle!r}: {reply}")


def _schedulers(work: Path, servers: Servers, smtp_port: int, count: int) -> list[subprocess.Popen[bytes]]:
    env = dict(os.environ, BOT_DATABASE_URL=f"sqlite:///{work / 'kb.sqlite'}", BOT_RASA_URL=servers.rasa_url,
               BOT_API_TOKEN=servers.token, BOT_SMTP_HOST="127.0.0.1", BOT_SMTP_PORT=str(smtp_port),
               BOT_LINK_SECRET=LINK_SECRET, BOT_PUBLIC_URL="http://clinic.example")
    return [subprocess.Popen([sys.executable, "-m", "bot.checkins.scheduler", "--once", "--worker", f"w{i}"],
                             cwd=PROJECT_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            for i in range(count)]


def _deliveries(servers: Servers, sender: str) -> int:
    """Check-ins started by the scheduler (Rasa marks trigger_intent messages as EXTERNAL)."""
    events = servers.tracker(sender)["events"]
    return sum(1 for e in events
               if e.get("event") == "user" and str(e.get("text")).startswith("EXTERNAL: checkin_start"))


@pytest.mark.slow
def test_checkin_survives_restart_and_is_delivered_once(tmp_path: Path, mailbox: tuple[Mailbox, int]) -> None:
    box, smtp_port = mailbox
    work = tmp_path
    with running_servers(work) as first:
        sender = first.new_sender()
        _say_until(first, sender, "My lower back aches on the left, dull, 6/10, two weeks, worse when I bend",
                   "not a diagnosis")
        offer = first.say(sender, "/deny")  # no coaching today
        assert offer[-1]["buttons"][0]["payload"] == "/affirm", offer
        scheduled = " ".join(m.get("text", "") for m in first.say(sender, "/affirm"))
        assert "check in on" in scheduled
        first.say(sender, "my email is sam@example.com")
    # every process is stopped now; make the first check-in due
    engine = make_engine(f"sqlite:///{work / 'kb.sqlite'}")
    with engine.begin() as connection:
        first_id = connection.execute(ScheduleRow.__table__.select().where(ScheduleRow.sender_id == sender)
                                      .order_by(ScheduleRow.due_at)).first().id
        connection.execute(update(ScheduleRow).where(ScheduleRow.id == first_id)
                           .values(due_at=datetime(2000, 1, 1, tzinfo=timezone.utc)))
    engine.dispose()
    with running_servers(work) as second:
        racing = _schedulers(work, second, smtp_port, 2)
        for process in racing:
            assert process.wait(timeout=120) == 0, process.stderr.read().decode() if process.stderr else ""
        assert _deliveries(second, sender) == 1
        deadline = time.monotonic() + 10
        while not box.messages and time.monotonic() < deadline:
            time.sleep(0.2)
        assert len(box.messages) == 1
        mail = box.messages[0]
        assert mail["To"] == "sam@example.com"
        body = mail.get_payload(decode=True).decode()
        link = next(word for word in body.split() if word.startswith("http://clinic.example/?resume="))
        token = requests.utils.unquote(link.split("resume=", 1)[1])
        assert read_token(LINK_SECRET, token) == sender
        # a third scheduler later finds nothing left to deliver
        assert _schedulers(work, second, smtp_port, 1)[0].wait(timeout=120) == 0
        assert _deliveries(second, sender) == 1
        _returning_visitor_over_socketio(second, sender)


def _returning_visitor_over_socketio(servers: Servers, sender: str) -> None:
    """The widget's path: same session id, '/session_resumed', the check-in question arrives."""
    import socketio

    received: list[dict[str, Any]] = []
    client = socketio.Client(reconnection=False)
    client.on("bot_uttered", lambda data: received.append(data))
    client.connect(servers.rasa_url, transports=["polling"], socketio_path="/socket.io",
                   headers={"Origin": "http://127.0.0.1:8000"})
    try:
        client.emit("session_request", {"session_id": sender})
        time.sleep(1)
        client.emit("user_uttered", {"message": "/session_resumed", "session_id": sender})
        deadline = time.monotonic() + 30
        while not any("better, the same, or worse" in str(m.get("text")) for m in received):
            assert time.monotonic() < deadline, f"no check-in question over socket.io: {received}"
            time.sleep(0.2)
    finally:
        client.disconnect()


def test_checkin_worse_escalates_with_booking_link(servers: Servers) -> None:
    sender = servers.new_sender()
    servers.say(sender, "my neck aches on the right, about a 5")
    reply = servers.say(sender, "/checkin_start")
    assert "better, the same, or worse" in reply[-1]["text"]
    servers.say(sender, '/checkin_answer{"trend":"worse"}')
    servers.say(sender, "7")
    servers.say(sender, "/deny")
    final = " ".join(m.get("text") or "" for m in servers.say(sender, "no"))
    assert "please see a physiotherapist or doctor" in final


def test_red_flag_during_a_checkin(servers: Servers) -> None:
    sender = servers.new_sender()
    servers.say(sender, "my lower back aches")
    servers.say(sender, "/checkin_start")
    servers.say(sender, '/checkin_answer{"trend":"same"}')
    servers.say(sender, "5")
    servers.say(sender, "/affirm")
    reply = servers.say(sender, "yes, I've got numbness around my bottom and I can't control my bladder")
    assert servers.slot(sender, "triage_level") == "emergency"
    assert reply[0]["text"].startswith("This needs emergency care now")


def test_delete_my_data_removes_checkins_and_contact(servers: Servers) -> None:
    from bot.checkins.store import CheckinStore

    sender = servers.new_sender()
    servers.say(sender, "my neck aches on the right, about a 5")
    engine = make_engine(f"sqlite:///{servers.log_dir / 'kb.sqlite'}")
    migrate(engine)
    store = CheckinStore(engine)
    store.schedule(sender, baseline_pain=5)
    assert store.set_email(sender, "kim@example.com")
    servers.say(sender, "/delete_data")
    assert not store.has_schedule(sender)
    assert store.baseline(sender) == (None, None)
    engine.dispose()
