"""Check-in tables.

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "checkin_contacts",
        sa.Column("sender_id", sa.String(128), primary_key=True),
        sa.Column("consented_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("email", sa.Text),
        sa.Column("baseline_pain", sa.Integer),
        sa.Column("paused", sa.Boolean, nullable=False, server_default=sa.false()),
    )
    op.create_table(
        "checkin_schedules",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("sender_id", sa.String(128),
                  sa.ForeignKey("checkin_contacts.sender_id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False, index=True),
        sa.Column("status", sa.String(16), nullable=False, server_default="scheduled", index=True),
        sa.Column("claimed_by", sa.String(64)),
        sa.Column("claimed_at", sa.DateTime(timezone=True)),
        sa.Column("delivered_at", sa.DateTime(timezone=True)),
    )
    op.create_table(
        "checkin_outcomes",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("sender_id", sa.String(128),
                  sa.ForeignKey("checkin_contacts.sender_id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("trend", sa.String(8), nullable=False),
        sa.Column("pain_now", sa.Integer),
        sa.Column("helped", sa.Boolean),
        sa.Column("escalated", sa.Boolean, nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    for table in ("checkin_outcomes", "checkin_schedules", "checkin_contacts"):
        op.drop_table(table)
