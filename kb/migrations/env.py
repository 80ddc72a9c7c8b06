"""Alembic environment: runs on the connection handed over by kb.database.migrate."""

from __future__ import annotations

from alembic import context

from kb.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only when someone runs the alembic CLI directly
    raise SystemExit("Run migrations through `python -m kb migrate` (it supplies the database URL).")
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
