"""Check-in persistence. Delivery is claimed with one conditional UPDATE, so two scheduler processes
(or a scheduler restarted mid-run) can never deliver the same check-in twice, on SQLite and
PostgreSQL alike, without database-specific locking."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy import delete, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.checkins.models import ChannelContactRow, ContactRow, OutcomeRow, ScheduleRow
from bot.checkins.plan import Outcome, schedule_times

__all__ = ["CheckinStore", "DueCheckin", "utcnow"]


def utcnow() -> datetime:
    """Aware UTC now (one place, so tests can reason about time)."""
    return datetime.now(timezone.utc)


def _aware(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; everything here is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


@dataclass(frozen=True)
class DueCheckin:
    """A check-in ready for delivery; `channel` is the messaging channel the person uses (sms,
    whatsapp, telegram), None for the web chat and REST."""

    id: int
    sender_id: str
    due_at: datetime
    email: str | None
    channel: str | None = None


class CheckinStore:
    """Schedules, consent, outcomes; returns plain values."""

    def __init__(self, engine: Engine):
        self._engine = engine

    def _session(self) -> Session:
        return Session(self._engine, future=True)

    def schedule(self, sender_id: str, *, baseline_pain: int | None = None,
                 start: datetime | None = None, times: list[datetime] | None = None) -> list[datetime]:
        """Record consent and plan a series of check-ins (replacing any unsent ones)."""
        start = start or utcnow()
        due = times or schedule_times(start)
        with self._session() as session, session.begin():
            contact = session.get(ContactRow, sender_id)
            if contact is None:
                session.add(ContactRow(sender_id=sender_id, consented_at=start, baseline_pain=baseline_pain))
            else:
                contact.paused = False
                if baseline_pain is not None and contact.baseline_pain is None:
                    contact.baseline_pain = baseline_pain
            session.flush()
            session.execute(delete(ScheduleRow).where(ScheduleRow.sender_id == sender_id,
                                                      ScheduleRow.status == "scheduled"))
            session.add_all(ScheduleRow(sender_id=sender_id, due_at=moment, status="scheduled") for moment in due)
        return due

    def set_email(self, sender_id: str, email: str | None) -> bool:
        """Store (or clear) the email for reminders; only for people who agreed to check-ins."""
        with self._session() as session, session.begin():
            contact = session.get(ContactRow, sender_id)
            if contact is None:
                return False
            contact.email = email
            return True

    def has_schedule(self, sender_id: str) -> bool:
        """True when check-ins are planned and not stopped."""
        with self._session() as session:
            row = session.execute(select(ScheduleRow.id).where(
                ScheduleRow.sender_id == sender_id, ScheduleRow.status == "scheduled").limit(1)).first()
            return row is not None

    def due(self, now: datetime | None = None, limit: int = 50) -> list[DueCheckin]:
        """Check-ins whose time has come, oldest first (paused people excluded)."""
        now = now or utcnow()
        with self._session() as session:
            rows = session.execute(
                select(ScheduleRow, ContactRow.email, ChannelContactRow.channel)
                .join(ContactRow, ContactRow.sender_id == ScheduleRow.sender_id)
                .outerjoin(ChannelContactRow, ChannelContactRow.sender_id == ScheduleRow.sender_id)
                .where(ScheduleRow.status == "scheduled", ScheduleRow.due_at <= now,
                       ContactRow.paused.is_(False))
                .order_by(ScheduleRow.due_at).limit(limit)
            ).all()
            return [DueCheckin(row.id, row.sender_id, _aware(row.due_at), email, channel)
                    for row, email, channel in rows]

    def claim(self, checkin_id: int, worker: str) -> bool:
        """Atomically take a due check-in for delivery; exactly one caller ever gets True."""
        with self._session() as session, session.begin():
            result = session.execute(
                update(ScheduleRow)
                .where(ScheduleRow.id == checkin_id, ScheduleRow.status == "scheduled")
                .values(status="delivering", claimed_by=worker, claimed_at=utcnow())
            )
            return bool(result.rowcount == 1)

    def mark_delivered(self, checkin_id: int) -> None:
        """The check-in reached the conversation."""
        with self._session() as session, session.begin():
            session.execute(update(ScheduleRow).where(ScheduleRow.id == checkin_id)
                            .values(status="delivered", delivered_at=utcnow()))

    def release(self, checkin_id: int) -> None:
        """Delivery failed (server down): give the check-in back for a later try."""
        with self._session() as session, session.begin():
            session.execute(update(ScheduleRow).where(ScheduleRow.id == checkin_id,
                                                      ScheduleRow.status == "delivering")
                            .values(status="scheduled", claimed_by=None, claimed_at=None))

    def postpone(self, checkin_id: int, delay: timedelta) -> None:
        """Give a claimed check-in back, due again after `delay` (the person cannot be reached yet, e.g.
        outside WhatsApp's 24-hour window), so it does not hold a place in every round meanwhile."""
        with self._session() as session, session.begin():
            session.execute(update(ScheduleRow).where(ScheduleRow.id == checkin_id,
                                                      ScheduleRow.status == "delivering")
                            .values(status="scheduled", claimed_by=None, claimed_at=None,
                                    due_at=utcnow() + delay))

    def recover_stale(self, older_than: timedelta = timedelta(minutes=10)) -> int:
        """Claims left by a crashed scheduler go back to the queue, judged by when they were claimed
        (a live scheduler finishes a delivery in seconds)."""
        with self._session() as session, session.begin():
            result = session.execute(update(ScheduleRow).where(
                ScheduleRow.status == "delivering", ScheduleRow.claimed_at <= utcnow() - older_than)
                .values(status="scheduled", claimed_by=None, claimed_at=None))
            return int(result.rowcount or 0)

    def open_checkin(self, sender_id: str) -> int | None:
        """The delivered check-in still waiting for the person's answer, if any."""
        with self._session() as session:
            return session.execute(select(ScheduleRow.id).where(
                ScheduleRow.sender_id == sender_id, ScheduleRow.status == "delivered")
                .order_by(ScheduleRow.due_at.desc()).limit(1)).scalar()

    def record_outcome(self, sender_id: str, outcome: Outcome, *, escalated: bool) -> None:
        """Store an answer and close the open check-in(s)."""
        with self._session() as session, session.begin():
            if session.get(ContactRow, sender_id) is None:
                session.add(ContactRow(sender_id=sender_id, consented_at=outcome.answered_at))
                session.flush()
            session.add(OutcomeRow(sender_id=sender_id, answered_at=outcome.answered_at, trend=outcome.trend,
                                   pain_now=outcome.pain_now, helped=outcome.helped, escalated=escalated))
            session.execute(update(ScheduleRow).where(ScheduleRow.sender_id == sender_id,
                                                      ScheduleRow.status == "delivered")
                            .values(status="answered"))

    def outcomes(self, sender_id: str) -> list[Outcome]:
        """Answered check-ins, oldest first."""
        with self._session() as session:
            rows = session.execute(select(OutcomeRow).where(OutcomeRow.sender_id == sender_id)
                                   .order_by(OutcomeRow.answered_at)).scalars()
            return [Outcome(_aware(r.answered_at), r.trend, r.pain_now, r.helped) for r in rows]

    def baseline(self, sender_id: str) -> tuple[int | None, datetime | None]:
        """The pain score and time when check-ins were agreed."""
        with self._session() as session:
            contact = session.get(ContactRow, sender_id)
            if contact is None:
                return None, None
            return contact.baseline_pain, _aware(contact.consented_at)

    def pause(self, sender_id: str, paused: bool = True) -> None:
        """Pause or resume without losing the plan."""
        with self._session() as session, session.begin():
            contact = session.get(ContactRow, sender_id)
            if contact is not None:
                contact.paused = paused

    def stop(self, sender_id: str) -> int:
        """Cancel every planned check-in."""
        with self._session() as session, session.begin():
            result = session.execute(update(ScheduleRow).where(
                ScheduleRow.sender_id == sender_id, ScheduleRow.status == "scheduled").values(status="cancelled"))
            return int(result.rowcount or 0)

    def reschedule(self, sender_id: str, days: float) -> datetime | None:
        """Move the next planned check-in to `days` from now, and the later ones with it, so a check-in
        moved three weeks on is not overtaken by the weekly ones planned after it."""
        with self._session() as session, session.begin():
            rows = list(session.execute(select(ScheduleRow).where(
                ScheduleRow.sender_id == sender_id, ScheduleRow.status == "scheduled")
                .order_by(ScheduleRow.due_at)).scalars())
            if not rows:
                return None
            shift = utcnow() + timedelta(days=days) - _aware(rows[0].due_at)
            for row in rows:
                row.due_at = _aware(row.due_at) + shift
            return _aware(rows[0].due_at)

    def delete_person(self, sender_id: str) -> None:
        """Remove schedules, outcomes, contact details and the messaging address (delete my data)."""
        with self._session() as session, session.begin():
            for model in (OutcomeRow, ScheduleRow, ContactRow, ChannelContactRow):
                session.execute(delete(model).where(model.sender_id == sender_id))
