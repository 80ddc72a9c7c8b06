"""The check-in store on SQLite and PostgreSQL: exactly-once claims, pause/stop, deletion."""

from __future__ import annotations

import threading
from datetime import timedelta

from sqlalchemy.engine import Engine

from bot.checkins.plan import Outcome
from bot.checkins.store import CheckinStore, utcnow
from kb.database import migrate


def make_store(engine: Engine) -> CheckinStore:
    migrate(engine)
    return CheckinStore(engine)


def test_due_checkins_are_claimed_exactly_once_by_racing_workers(engine: Engine) -> None:
    store = make_store(engine)
    now = utcnow()
    for index in range(5):
        store.schedule(f"person-{index}", times=[now - timedelta(minutes=1)])
    claims: list[tuple[str, int]] = []
    lock = threading.Lock()

    def worker(name: str) -> None:
        for checkin in store.due():
            if store.claim(checkin.id, name):
                with lock:
                    claims.append((name, checkin.id))

    threads = [threading.Thread(target=worker, args=(f"w{i}",)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    ids = [checkin_id for _name, checkin_id in claims]
    assert len(ids) == 5 and len(set(ids)) == 5


def test_failed_delivery_is_released_and_retried(engine: Engine) -> None:
    store = make_store(engine)
    store.schedule("p", times=[utcnow() - timedelta(minutes=1)])
    first = store.due()[0]
    assert store.claim(first.id, "a")
    assert store.due() == []
    store.release(first.id)
    assert store.claim(store.due()[0].id, "b")


def test_paused_people_get_nothing_until_resumed(engine: Engine) -> None:
    store = make_store(engine)
    store.schedule("p", times=[utcnow() - timedelta(minutes=1)])
    store.pause("p")
    assert store.due() == []
    store.pause("p", False)
    assert len(store.due()) == 1


def test_stop_and_reschedule(engine: Engine) -> None:
    store = make_store(engine)
    store.schedule("p", start=utcnow())
    moved = store.reschedule("p", 5)
    assert moved is not None and moved > utcnow() + timedelta(days=4)
    assert store.stop("p") == 7
    assert not store.has_schedule("p")


def test_a_check_in_moved_weeks_on_keeps_the_later_ones_after_it(engine: Engine) -> None:
    store = make_store(engine)
    store.schedule("p", start=utcnow())
    moved = store.reschedule("p", 21)
    due = [checkin.due_at for checkin in store.due(now=utcnow() + timedelta(days=400))]
    assert moved is not None and len(due) == 7 and due[0] == moved and all(later > moved for later in due[1:])


def test_delete_person_removes_everything(engine: Engine) -> None:
    store = make_store(engine)
    store.schedule("p", baseline_pain=6)
    store.set_email("p", "p@example.com")
    store.record_outcome("p", Outcome(utcnow(), "better", 4), escalated=False)
    store.delete_person("p")
    assert store.outcomes("p") == [] and not store.has_schedule("p")
    assert store.baseline("p") == (None, None)


def test_email_needs_consent_first(engine: Engine) -> None:
    store = make_store(engine)
    assert not store.set_email("stranger", "x@example.com")


def test_a_live_claim_is_not_taken_back_however_old_the_due_time(engine: Engine) -> None:
    store = make_store(engine)
    store.schedule("p", times=[utcnow() - timedelta(days=30)])
    checkin = store.due()[0]
    assert store.claim(checkin.id, "a")
    assert store.recover_stale() == 0
    assert store.due() == []
