"""Rasa's SQL tracker store, plus the "delete my data" guarantee.

When a turn ran `action_delete_data`, the store removes every stored event of that conversation
instead of appending the turn, so nothing the person said survives (Rasa itself has no delete).
Everything else is Rasa's own SQLTrackerStore: SQLite by default, PostgreSQL when scaled out.

Rasa wraps every tracker store in a fail-safe that, on any error, silently falls back to memory:
the person gets an answer but the turn is never stored. So reads and writes here retry through a
short database outage (a restart takes seconds) before giving up.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Awaitable, Callable, TypeVar

import sqlalchemy as sa
import sqlalchemy.orm.session
from rasa.core.tracker_store import SQLTrackerStore, create_engine_kwargs
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

__all__ = ["DELETED_SLOT", "DELETE_ACTION", "PrivacySQLTrackerStore"]

logger = logging.getLogger(__name__)
DELETE_ACTION = "action_delete_data"
DELETED_SLOT = "data_deleted"  # the only thing kept after a deletion (see _mark_deleted)
RETRY_DELAYS = (0.25, 0.5, 1.0, 2.0, 4.0, 8.0)  # about 16 s in all: longer than a database restart
T = TypeVar("T")


async def with_retries(operation: Callable[[], Awaitable[T]], what: str) -> T:
    """Run a database operation, retrying transient connection errors with back-off."""
    for delay in RETRY_DELAYS:
        try:
            return await operation()
        except (sa.exc.OperationalError, sa.exc.InterfaceError) as error:  # transient by SQLAlchemy's taxonomy
            logger.warning("Tracker store %s failed (%s); retrying in %.2f s.", what, type(error).__name__, delay)
            await asyncio.sleep(delay)
    return await operation()


def deletion_requested(tracker: DialogueStateTracker) -> bool:
    """True when the latest user turn ended in the delete-my-data action."""
    for event in reversed(tracker.events):
        if isinstance(event, ActionExecuted) and event.action_name == DELETE_ACTION:
            return True
        if isinstance(event, UserUttered):
            return False
    return False


class PrivacySQLTrackerStore(SQLTrackerStore):
    """SQLTrackerStore that honours a person's request to delete their conversation."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        engine: sa.engine.Engine = self.engine  # type: ignore[has-type]
        if engine.dialect.name == "postgresql":
            # Rasa builds its engine without a liveness check, so after a database restart the
            # pooled connections fail on first use; pre-ping replaces dead ones transparently.
            url = engine.url
            engine.dispose()
            self.engine = sa.create_engine(url, pool_pre_ping=True, **create_engine_kwargs(url))
            self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        """Rasa's retrieve, through a short database outage."""
        return await with_retries(lambda: super(PrivacySQLTrackerStore, self).retrieve(sender_id), "read")

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Append the turn's events, or purge the whole conversation after a deletion request."""
        if not deletion_requested(tracker):
            await with_retries(lambda: super(PrivacySQLTrackerStore, self).save(tracker), "write")
            return
        await with_retries(lambda: self._purge(tracker), "delete")
        await with_retries(lambda: self._mark_deleted(tracker.sender_id), "write")

    async def _purge(self, tracker: DialogueStateTracker) -> None:
        with self.session_scope() as session:
            removed = (
                session.query(self.SQLEvent)
                .filter(self.SQLEvent.sender_id == tracker.sender_id)
                .delete(synchronize_session=False)
            )
            session.commit()
        logger.info("Deleted a conversation on request (%d events).", removed)

    async def _mark_deleted(self, sender_id: str) -> None:
        """Keep only that a deletion happened (no words, no health data): "yes, all of it" straight after is
        then answered as the confirmation it is. The marker ends with a listen, as every stored turn does."""
        marker = DialogueStateTracker.from_events(sender_id, [SlotSet(DELETED_SLOT, True),
                                                              ActionExecuted(ACTION_LISTEN_NAME)])
        await super().save(marker)
