"""One knowledge interface, two sources: the content files and the database hold the same knowledge
at the same version, and a change made in the database is what a database-sourced server reads."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.engine.knowledge import ContentFilesSource, DatabaseSource, source_for
from kb.models import DocumentRow
from kb.seed import FILE_PREFIX, seed


def _url(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def test_both_sources_give_the_same_knowledge(engine: Engine) -> None:
    seed(engine)
    files, database = ContentFilesSource().load(), DatabaseSource(_url(engine)).load()
    assert files.version and files.version == database.version
    assert [r.id for r in files.rules] == [r.id for r in database.rules]
    assert set(files.cards) == set(database.cards)
    assert files.questions == database.questions


def test_a_change_in_the_database_is_what_the_database_source_reads(engine: Engine) -> None:
    seed(engine)
    key = FILE_PREFIX + "guidance.yml"
    with Session(engine, future=True) as session, session.begin():
        row = session.execute(select(DocumentRow).where(DocumentRow.key == key)).scalar_one()
        text = row.document["text"].replace("Blood thinners or a bleeding disorder", "Anticoagulant medicines")
        session.execute(update(DocumentRow).where(DocumentRow.key == key).values(document={"text": text}))
    changed = DatabaseSource(_url(engine)).load()
    titles = {c["title"] for c in changed.guidance["general_cautions"]}
    assert "Anticoagulant medicines" in titles
    assert changed.version != ContentFilesSource().load().version


def test_an_empty_database_says_what_to_do(engine: Engine) -> None:
    with pytest.raises(SystemExit, match="kb seed"):
        DatabaseSource(_url(engine)).load()


def test_the_source_is_chosen_by_configuration() -> None:
    assert source_for("files", "sqlite://").name == "files"
    assert source_for("database", "sqlite:///x.sqlite").name == "database"
