"""Check-in delivery on the person's channel, through the real scheduler and store (SQLite and
PostgreSQL) against a stand-in of the Rasa server's routes: which channel may be reached how, exactly
once even with racing schedulers, the series paused when the person blocked the bot or unsubscribed,
and the web chat's path unchanged."""

from __future__ import annotations

import threading
from datetime import timedelta
from typing import Iterator

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine

from bot.checkins.contacts import ChannelContact, ChannelKeys, ContactBook
from bot.checkins.delivery import DeliveryConfig, Route, channel_route
from bot.checkins.models import ScheduleRow
from bot.checkins.scheduler import WAIT_BEFORE_RETRY, run_once
from bot.checkins.store import CheckinStore, utcnow
from kb.database import migrate
from tests.support.rasa_standin import RasaStandIn

KEYS = ChannelKeys.from_secret("test-channel-key")


def contact(channel: str, *, hours_ago: float = 1, opted_out: bool = False) -> ChannelContact:
    now = utcnow()
    return ChannelContact("s", channel, "+447700900123", now - timedelta(days=3), now - timedelta(hours=hours_ago),
                          opted_out)


@pytest.mark.parametrize(("channel", "hours_ago", "opted_out", "template", "expected"), [
    ("telegram", 24 * 30, False, False, Route.CONVERSATION),  # Telegram: any time
    ("sms", 24 * 30, False, False, Route.CONVERSATION),  # SMS: any time ...
    ("sms", 1, True, True, Route.OPTED_OUT),  # ... unless they sent STOP
    ("whatsapp", 23.5, False, False, Route.CONVERSATION),  # WhatsApp inside 24 h: a normal message
    ("whatsapp", 24.5, False, True, Route.TEMPLATE),  # outside: only the approved template
    ("whatsapp", 24.5, False, False, Route.WAIT),  # outside and no template: wait for them
])
def test_each_channel_is_reached_by_its_own_rules(channel: str, hours_ago: float, opted_out: bool, template: bool,
                                                  expected: Route) -> None:
    assert channel_route(contact(channel, hours_ago=hours_ago, opted_out=opted_out), utcnow(),
                         template_configured=template) is expected


@pytest.fixture()
def rasa() -> Iterator[RasaStandIn]:
    with RasaStandIn() as stand_in:
        yield stand_in  # type: ignore[misc]


def config_for(rasa: RasaStandIn) -> DeliveryConfig:
    return DeliveryConfig(rasa_url=rasa.url, api_token=rasa.token, public_url="http://clinic.example",
                          link_secret="test")


def stores(engine: Engine) -> tuple[CheckinStore, ContactBook]:
    migrate(engine)
    return CheckinStore(engine), ContactBook(engine, KEYS)


def due_now(store: CheckinStore, sender: str) -> None:
    store.schedule(sender, times=[utcnow() - timedelta(minutes=1), utcnow() + timedelta(days=7)])


def test_channel_checkins_go_through_the_outreach_route_once(engine: Engine, rasa: RasaStandIn) -> None:
    store, contacts = stores(engine)
    people = [contacts.record_inbound(channel, address)[0]
              for channel, address in (("telegram", "4242"), ("sms", "+447700900001"), ("whatsapp", "+447700900002"))]
    widget = "widget-session-1"
    for sender in [*people, widget]:
        due_now(store, sender)
    assert run_once(store, config_for(rasa), "w1") == 4
    assert sorted(rasa.senders("outreach")) == sorted(people)
    assert rasa.senders("trigger_intent") == [widget]  # the web chat's path is unchanged
    assert run_once(store, config_for(rasa), "w2") == 0  # nothing is delivered twice
    assert len(rasa.requests) == 4
    for sender in people:
        assert store.open_checkin(sender) is not None


def test_racing_schedulers_deliver_each_channel_checkin_exactly_once(engine: Engine, rasa: RasaStandIn) -> None:
    store, contacts = stores(engine)
    people = [contacts.record_inbound("sms", f"+4477009000{i:02d}")[0] for i in range(6)]
    for sender in people:
        due_now(store, sender)
    counts: list[int] = []
    lock = threading.Lock()

    def scheduler(name: str) -> None:
        delivered = run_once(store, config_for(rasa), name)
        with lock:
            counts.append(delivered)

    threads = [threading.Thread(target=scheduler, args=(f"w{i}",)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(counts) == 6
    assert sorted(rasa.senders("outreach")) == sorted(people)


@pytest.mark.parametrize("outcome", ["unreachable", "opted_out"])
def test_blocked_or_unsubscribed_pauses_the_series(engine: Engine, rasa: RasaStandIn, outcome: str) -> None:
    store, contacts = stores(engine)
    sender, _ = contacts.record_inbound("telegram", "777")
    due_now(store, sender)
    rasa.outcomes[sender] = outcome  # the route saw Telegram's 403 / Twilio's 21610, or an earlier STOP
    assert run_once(store, config_for(rasa), "w1") == 0
    assert store.due() == [] and store.open_checkin(sender) is None
    assert store.has_schedule(sender)  # paused, not lost: the plan is kept
    assert run_once(store, config_for(rasa), "w1") == 0
    assert rasa.senders("outreach") == [sender]  # a paused person is not tried again
    store.pause(sender, False)  # they resume (e.g. unblocked the bot and asked again)
    rasa.outcomes.pop(sender)
    assert run_once(store, config_for(rasa), "w1") == 1


def test_outside_the_whatsapp_window_without_template_it_waits(engine: Engine, rasa: RasaStandIn) -> None:
    store, contacts = stores(engine)
    sender, _ = contacts.record_inbound("whatsapp", "+447700900003")
    due_now(store, sender)
    rasa.outcomes[sender] = "wait"
    assert run_once(store, config_for(rasa), "w1") == 0
    with store._session() as session:
        due_at = session.execute(select(ScheduleRow.due_at).where(ScheduleRow.sender_id == sender,
                                 ScheduleRow.status == "scheduled").order_by(ScheduleRow.due_at)).scalars().first()
    assert due_at is not None
    waited = due_at.replace(tzinfo=due_at.tzinfo or utcnow().tzinfo) - utcnow()
    assert WAIT_BEFORE_RETRY - timedelta(minutes=1) < waited <= WAIT_BEFORE_RETRY
    assert store.due() == [] and store.has_schedule(sender)


def test_a_passing_failure_is_retried_next_round(engine: Engine, rasa: RasaStandIn) -> None:
    store, contacts = stores(engine)
    sender, _ = contacts.record_inbound("sms", "+447700900004")
    due_now(store, sender)
    rasa.outcomes[sender] = "failed"
    assert run_once(store, config_for(rasa), "w1") == 0
    assert len(store.due()) == 1
    rasa.outcomes.pop(sender)
    assert run_once(store, config_for(rasa), "w1") == 1
    assert rasa.senders("outreach") == [sender, sender]


def test_a_template_sid_that_cannot_be_one_is_refused_at_start() -> None:
    from pydantic import ValidationError

    from core.settings import Settings

    assert Settings(twilio_checkin_content_sid=" HX" + "0" * 32 + " ").twilio_checkin_content_sid == "HX" + "0" * 32
    with pytest.raises(ValidationError, match="Content SID"):
        Settings(twilio_checkin_content_sid="MG" + "0" * 32)  # a messaging service, not a template
