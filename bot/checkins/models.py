"""Check-in tables: who agreed to be contacted, when, and what they answered."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, DateTime, ForeignKey, Integer, String, Text

from kb.models import Base

__all__ = ["ChannelContactRow", "ContactRow", "OutcomeRow", "ScheduleRow"]


class ContactRow(Base):
    """A person's consent to check-ins, and an email address only if they gave one."""

    __tablename__ = "checkin_contacts"
    sender_id = Column(String(128), primary_key=True)
    consented_at = Column(DateTime(timezone=True), nullable=False)
    email = Column(Text)
    baseline_pain = Column(Integer)
    paused = Column(Boolean, nullable=False, default=False)


class ScheduleRow(Base):
    """One planned check-in. `status` moves scheduled -> delivered -> answered (or cancelled)."""

    __tablename__ = "checkin_schedules"
    id = Column(Integer, primary_key=True, autoincrement=True)
    sender_id = Column(String(128), ForeignKey("checkin_contacts.sender_id", ondelete="CASCADE"),
                       nullable=False, index=True)
    due_at = Column(DateTime(timezone=True), nullable=False, index=True)
    status = Column(String(16), nullable=False, default="scheduled", index=True)
    claimed_by = Column(String(64))
    claimed_at = Column(DateTime(timezone=True))
    delivered_at = Column(DateTime(timezone=True))


class OutcomeRow(Base):
    """An answered check-in."""

    __tablename__ = "checkin_outcomes"
    id = Column(Integer, primary_key=True, autoincrement=True)
    sender_id = Column(String(128), ForeignKey("checkin_contacts.sender_id", ondelete="CASCADE"),
                       nullable=False, index=True)
    answered_at = Column(DateTime(timezone=True), nullable=False)
    trend = Column(String(8), nullable=False)
    pain_now = Column(Integer)
    helped = Column(Boolean)
    escalated = Column(Boolean, nullable=False, default=False)


class ChannelContactRow(Base):
    """Where a messaging conversation lives: the channel and its address (phone number or Telegram
    chat id), encrypted, keyed by the conversation's pseudonymous sender id. Kept apart from
    check-in consent: anyone who writes on a channel has one, whether or not they agreed to check-ins.
    """

    __tablename__ = "channel_contacts"
    sender_id = Column(String(128), primary_key=True)
    channel = Column(String(16), nullable=False)
    address = Column(Text, nullable=False)  # Fernet token, never the plain address
    first_seen_at = Column(DateTime(timezone=True), nullable=False)
    last_inbound_at = Column(DateTime(timezone=True), nullable=False)
    opted_out = Column(Boolean, nullable=False, default=False)
