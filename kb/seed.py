"""Seed the database from validated content: upsert by stable id, all in one transaction.

Reseeding is idempotent and updates in place; entries removed from the content files are removed
from the database too, so the database always mirrors what was reviewed. When any file is invalid
nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from sqlalchemy import delete, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from kb.content import CONTENT_DIR, Content, content_hash, load_content
from kb.database import migrate
from kb.models import DocumentRow, MuscleRow, RedFlagRow, ReferralZoneRow, RegionRow, SourceRow

__all__ = ["FILE_PREFIX", "SeedReport", "is_seeded", "seed", "stored_files"]

HASH_KEY = "content_hash"
FILE_PREFIX = "file:"  # kb_documents rows holding each reviewed content file as it is, for the database source


@dataclass(frozen=True)
class SeedReport:
    """What a seed did, for the progress line."""

    sources: int
    regions: int
    muscles: int
    red_flags: int
    changed: bool


def _sync(session: Session, model: Any, key: str, wanted: dict[str, dict[str, Any]]) -> None:
    """Upsert every wanted row by id and delete rows that are no longer in the content."""
    column = getattr(model, key)
    existing = set(session.execute(select(column)).scalars())
    for stale in existing - set(wanted):
        session.execute(delete(model).where(column == stale))
    for values in wanted.values():
        session.merge(model(**values))


def _write(session: Session, content: Content, digest: str) -> None:
    _sync(session, SourceRow, "id", {
        s["id"]: {"id": s["id"], "title": s["title"], "url": s.get("url"), "document": s}
        for s in content.sources.values()
    })
    _sync(session, RegionRow, "id", {
        r.id: {"id": r.id, "name": r.name, "group": r.group, "sided": r.sided,
               "document": {"phrases": list(r.phrases), "shapes": r.shapes}}
        for r in content.regions.values()
    })
    session.flush()
    session.execute(delete(ReferralZoneRow))
    _sync(session, MuscleRow, "id", {
        m["id"]: {"id": m["id"], "version": m["version"], "name": m["name"], "document": m}
        for m in content.muscles.values()
    })
    session.flush()
    for muscle in content.muscles.values():
        referral = muscle.get("referral") or {}
        zones = {r: "spillover" for r in referral.get("spillover") or []}
        zones.update({r: "primary" for r in referral.get("primary") or []})
        session.add_all(ReferralZoneRow(muscle_id=muscle["id"], region_id=region, kind=kind)
                        for region, kind in zones.items())
    _sync(session, RedFlagRow, "id", {
        rid: {"id": rid, "version": doc.get("version", 1), "level": doc["level"], "document": doc}
        for rid, doc in content.rule_docs.items()
    })
    documents = {
        "guidance": content.guidance,
        "screening": {"questions": [q.__dict__ for q in content.screening]},
        **{f"terms:{kind}": {t.id: {"name": t.name, "phrases": list(t.phrases)} for t in terms.values()}
           for kind, terms in content.terms.items()},
        HASH_KEY: {"hash": digest},
        **{FILE_PREFIX + str(path.relative_to(CONTENT_DIR)): {"text": path.read_text(encoding="utf-8")}
           for path in sorted(CONTENT_DIR.rglob("*.yml"))},
    }
    _sync(session, DocumentRow, "key", {k: {"key": k, "document": v} for k, v in documents.items()})


def stored_files(engine: Engine) -> dict[str, str]:
    """The content files as the last seed stored them (relative path -> text); none before a seed."""
    try:
        with Session(engine, future=True) as session:
            rows = session.execute(select(DocumentRow).where(DocumentRow.key.startswith(FILE_PREFIX))).scalars()
            return {row.key[len(FILE_PREFIX):]: str(row.document.get("text", "")) for row in rows}
    except SQLAlchemyError:  # no schema yet: nothing was ever seeded
        return {}


def is_seeded(engine: Engine) -> bool:
    """True when the database holds exactly the current content."""
    try:
        with Session(engine, future=True) as session:
            row = session.get(DocumentRow, HASH_KEY)
            return bool(row and row.document.get("hash") == content_hash())
    except Exception:
        return False


def seed(engine: Engine, *, progress: Callable[[str], None] = lambda _m: None) -> SeedReport:
    """Validate all content, migrate the schema, then upsert everything in one transaction."""
    progress("validating kb/content ...")
    content = load_content()
    digest = content_hash()
    progress("migrating the database schema ...")
    migrate(engine)
    changed = not is_seeded(engine)
    if changed:
        progress("writing the knowledge base ...")
        with Session(engine, future=True) as session, session.begin():
            _write(session, content, digest)
    return SeedReport(len(content.sources), len(content.regions), len(content.muscles),
                      len(content.rules), changed)
