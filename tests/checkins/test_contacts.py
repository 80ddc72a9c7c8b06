"""Messaging contacts on SQLite and PostgreSQL: keyed pseudonyms, encrypted addresses, STOP, deletion,
and the 0003 migration both ways."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import inspect, text
from sqlalchemy.engine import Engine

from bot.checkins.contacts import ChannelKeys, ContactBook, normalise_address, pseudonym
from bot.checkins.store import CheckinStore, utcnow
from kb.database import MIGRATIONS_DIR, migrate

KEYS = ChannelKeys.from_secret("test-channel-key")
NUMBER = "+447700900123"
SENDER_SAFE = re.compile(r"[A-Za-z0-9._~:@+=-]{1,128}")  # what the channels' screen_sender accepts


def book(engine: Engine) -> ContactBook:
    migrate(engine)
    return ContactBook(engine, KEYS)


def test_pseudonym_is_stable_keyed_and_reveals_nothing() -> None:
    sms = pseudonym("sms", NUMBER, KEYS)
    assert sms == pseudonym("sms", " +44 7700 900123 ", KEYS)
    assert SENDER_SAFE.fullmatch(sms) and sms.startswith("sms-")
    assert "7700900123" not in sms
    assert pseudonym("whatsapp", "whatsapp:" + NUMBER, KEYS) == pseudonym("whatsapp", NUMBER, KEYS)
    assert pseudonym("whatsapp", NUMBER, KEYS) != sms.replace("sms-", "whatsapp-")  # channel is in the MAC
    assert pseudonym("sms", NUMBER, ChannelKeys.from_secret("another key")) != sms
    assert pseudonym("telegram", "123456789", KEYS).startswith("telegram-")


def test_unknown_channel_or_empty_address_is_refused() -> None:
    with pytest.raises(ValueError):
        pseudonym("fax", NUMBER, KEYS)
    with pytest.raises(ValueError):
        normalise_address("whatsapp", "whatsapp:")


def test_address_is_stored_encrypted_and_read_back(engine: Engine) -> None:
    contacts = book(engine)
    sender, first = contacts.record_inbound("whatsapp", "whatsapp:" + NUMBER)
    assert first
    again, first_again = contacts.record_inbound("whatsapp", NUMBER)
    assert (again, first_again) == (sender, False)
    with engine.connect() as connection:
        stored = connection.execute(text("select address from channel_contacts")).scalar_one()
    assert "7700900123" not in stored
    contact = contacts.lookup(sender)
    assert contact is not None
    assert (contact.channel, contact.address, contact.twilio_address) == ("whatsapp", NUMBER, "whatsapp:" + NUMBER)
    assert not contact.opted_out
    assert contacts.lookup("widget-session") is None


def test_another_key_cannot_read_the_address(engine: Engine) -> None:
    sender, _ = book(engine).record_inbound("sms", NUMBER)
    assert ContactBook(engine, ChannelKeys.from_secret("rotated")).lookup(sender) is None


def test_whatsapp_window_follows_the_last_inbound_message(engine: Engine) -> None:
    contacts = book(engine)
    then = utcnow() - timedelta(hours=30)
    sender, _ = contacts.record_inbound("whatsapp", NUMBER, at=then)
    contact = contacts.lookup(sender)
    assert contact is not None and not contact.in_whatsapp_window(utcnow())
    assert contact.in_whatsapp_window(then + timedelta(hours=23))
    contacts.record_inbound("whatsapp", NUMBER)
    refreshed = contacts.lookup(sender)
    assert refreshed is not None and refreshed.in_whatsapp_window(utcnow())
    assert refreshed.first_seen_at == contact.first_seen_at


def test_stop_cancels_checkins_and_start_allows_messages_again(engine: Engine) -> None:
    contacts = book(engine)
    sender, _ = contacts.record_inbound("sms", NUMBER)
    checkins = CheckinStore(engine)
    checkins.schedule(sender, baseline_pain=5)
    assert contacts.opt_out(sender)
    contact = contacts.lookup(sender)
    assert contact is not None and contact.opted_out
    assert not checkins.has_schedule(sender)
    assert contacts.opt_in(sender)
    contact = contacts.lookup(sender)
    assert contact is not None and not contact.opted_out
    assert not contacts.opt_out("nobody")


def test_delete_my_data_removes_the_address(engine: Engine) -> None:
    contacts = book(engine)
    sender, _ = contacts.record_inbound("telegram", "987654321")
    checkins = CheckinStore(engine)
    checkins.schedule(sender)
    checkins.delete_person(sender)  # the path action_delete_data takes
    assert contacts.lookup(sender) is None and not contacts.exists(sender)
    with engine.connect() as connection:
        assert connection.execute(text("select count(*) from channel_contacts")).scalar_one() == 0


def _alembic(engine: Engine, action: str, revision: str) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        getattr(command, action)(config, revision)


def test_migration_0003_upgrades_and_downgrades(engine: Engine) -> None:
    _alembic(engine, "upgrade", "0002")
    assert "channel_contacts" not in inspect(engine).get_table_names()
    _alembic(engine, "upgrade", "0003")
    columns = {c["name"] for c in inspect(engine).get_columns("channel_contacts")}
    assert columns == {"sender_id", "channel", "address", "first_seen_at", "last_inbound_at", "opted_out"}
    _alembic(engine, "downgrade", "0002")
    tables = inspect(engine).get_table_names()
    assert "channel_contacts" not in tables and "checkin_contacts" in tables
    migrate(engine)  # and up again to head, as every process does at start
    assert "channel_contacts" in inspect(engine).get_table_names()
