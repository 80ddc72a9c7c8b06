"""Knowledge-base tables.

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "kb_sources",
        sa.Column("id", sa.String(80), primary_key=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("document", sa.JSON, nullable=False),
    )
    op.create_table(
        "kb_regions",
        sa.Column("id", sa.String(60), primary_key=True),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("region_group", sa.String(40), nullable=False, index=True),
        sa.Column("sided", sa.Boolean, nullable=False),
        sa.Column("document", sa.JSON, nullable=False),
    )
    op.create_table(
        "kb_muscles",
        sa.Column("id", sa.String(60), primary_key=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("document", sa.JSON, nullable=False),
    )
    op.create_table(
        "kb_referral_zones",
        sa.Column("muscle_id", sa.String(60), sa.ForeignKey("kb_muscles.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("region_id", sa.String(60), sa.ForeignKey("kb_regions.id"), primary_key=True,
                  index=True),
        sa.Column("kind", sa.String(12), nullable=False),
    )
    op.create_table(
        "kb_red_flags",
        sa.Column("id", sa.String(80), primary_key=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("level", sa.String(20), nullable=False),
        sa.Column("document", sa.JSON, nullable=False),
    )
    op.create_table(
        "kb_documents",
        sa.Column("key", sa.String(80), primary_key=True),
        sa.Column("document", sa.JSON, nullable=False),
    )


def downgrade() -> None:
    for table in ("kb_documents", "kb_red_flags", "kb_referral_zones", "kb_muscles", "kb_regions",
                  "kb_sources"):
        op.drop_table(table)
