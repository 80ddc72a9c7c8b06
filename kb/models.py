"""Knowledge-base tables, written in SQLAlchemy 2.0 style on the 1.4 release that Rasa pins.

Each reviewed entry is stored whole as JSON (what clinicians reviewed is what the bot reads) plus
the columns that queries need: referral zones get their own table so "which muscles refer to the
temple" is a plain indexed query.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, Boolean, Column, ForeignKey, Integer, String, Text
from sqlalchemy.orm import registry
from sqlalchemy.orm.decl_api import DeclarativeMeta

__all__ = [
    "Base",
    "DocumentRow",
    "MuscleRow",
    "RedFlagRow",
    "ReferralZoneRow",
    "RegionRow",
    "SourceRow",
]

_registry = registry()


class Base(metaclass=DeclarativeMeta):
    """Declarative base spelled out so type checkers understand it (SQLAlchemy 1.4 pattern)."""

    __abstract__ = True
    registry = _registry
    metadata = _registry.metadata

    if TYPE_CHECKING:
        def __init__(self, **kwargs: Any) -> None: ...


class SourceRow(Base):
    """A citable source."""

    __tablename__ = "kb_sources"
    id = Column(String(80), primary_key=True)
    title = Column(Text, nullable=False)
    url = Column(Text)
    document = Column(JSON, nullable=False)


class RegionRow(Base):
    """A canonical body region with its lay phrases and outline shapes."""

    __tablename__ = "kb_regions"
    id = Column(String(60), primary_key=True)
    name = Column(String(120), nullable=False)
    group = Column("region_group", String(40), nullable=False, index=True)
    sided = Column(Boolean, nullable=False, default=True)
    document = Column(JSON, nullable=False)


class MuscleRow(Base):
    """One muscle's reviewed entry."""

    __tablename__ = "kb_muscles"
    id = Column(String(60), primary_key=True)
    version = Column(Integer, nullable=False)
    name = Column(String(120), nullable=False)
    document = Column(JSON, nullable=False)


class ReferralZoneRow(Base):
    """A region a muscle refers pain to: `primary` (essential) or `spillover`."""

    __tablename__ = "kb_referral_zones"
    muscle_id = Column(String(60), ForeignKey("kb_muscles.id", ondelete="CASCADE"), primary_key=True)
    region_id = Column(String(60), ForeignKey("kb_regions.id"), primary_key=True, index=True)
    kind = Column(String(12), nullable=False)


class RedFlagRow(Base):
    """A red-flag rule."""

    __tablename__ = "kb_red_flags"
    id = Column(String(80), primary_key=True)
    version = Column(Integer, nullable=False)
    level = Column(String(20), nullable=False)
    document = Column(JSON, nullable=False)


class DocumentRow(Base):
    """Other reviewed documents by key: vocabulary terms, guidance, the content hash."""

    __tablename__ = "kb_documents"
    key = Column(String(80), primary_key=True)
    document = Column(JSON, nullable=False)
