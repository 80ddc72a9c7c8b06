"""One knowledge interface for both servers: the Rasa server's policies and the action server's
actions read the same `Knowledge`, from the same source, at the same version.

The source is chosen by configuration (`BOT_KNOWLEDGE_SOURCE`, in the spirit of rasa-sdk's
`KnowledgeBase`): `files` reads the reviewed content files under kb/content (the source of truth,
versioned with the code); `database` reads the same files as the last seed stored them in the
database (`python -m kb seed`), for deployments that change content without a new release. Either
way everything is validated and loaded once, when the process starts, so red-flag triage keeps
working if the database or the action server goes down later. `Knowledge.version` is the hash of
the content files, the same for both sources when they hold the same content.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Iterable, Protocol

from bot.engine.ranking import CANDIDATE_LIMIT, rank_muscles
from bot.engine.screening import Question
from bot.engine.triage import assess_triage
from core.settings import settings
from core.types import Candidate, Mention, MuscleCard, MuscleProfile, PainReport, RedFlagRule, TriageResult
from kb.content import CONTENT_DIR, Content, ScreeningQuestion, content_hash, load_content, muscle_card

__all__ = ["ContentFilesSource", "DatabaseSource", "Knowledge", "KnowledgeSource", "knowledge", "source_for"]


@dataclass(frozen=True)
class Knowledge:
    """Read-only view of the content that the engine needs, with name tables for explanations."""

    rules: tuple[RedFlagRule, ...]
    muscles: tuple[MuscleProfile, ...]
    region_groups: dict[str, str]
    region_names: dict[str, str]
    activity_names: dict[str, str]
    sided_regions: frozenset[str]
    region_shapes: dict[str, dict[str, Any]]
    screening: tuple[ScreeningQuestion, ...] = ()
    concern_of: dict[str, str] = field(default_factory=dict)
    cards: dict[str, MuscleCard] = field(default_factory=dict)
    guidance: dict[str, Any] = field(default_factory=dict)
    version: str = ""
    see_professional: dict[str, str] = field(default_factory=dict)
    content: Content | None = field(default=None, compare=False, repr=False)

    @classmethod
    def from_content(cls, content: Content, version: str = "") -> Knowledge:
        """Project the validated content onto what the engine uses."""
        return cls(
            rules=tuple(content.rules.values()),
            muscles=tuple(content.muscle_profiles()),
            region_groups={r.id: r.group for r in content.regions.values()},
            region_names={r.id: r.name for r in content.regions.values()},
            activity_names={t.id: t.name for t in content.terms.get("activity", {}).values()},
            sided_regions=frozenset(r.id for r in content.regions.values() if r.sided),
            region_shapes={r.id: r.shapes for r in content.regions.values()},
            screening=tuple(content.screening),
            concern_of={c.id: c.concern for c in content.concepts.values() if c.concern},
            cards={mid: muscle_card(doc, content.sources) for mid, doc in content.muscles.items()},
            guidance=dict(content.guidance),
            version=version,
            see_professional={r.id: r.see_professional for r in content.regions.values() if r.see_professional},
            content=content,
        )

    def muscle_card(self, muscle_id: str) -> MuscleCard | None:
        """The coaching card for a muscle, or None if unknown."""
        return self.cards.get(muscle_id)

    @cached_property
    def questions(self) -> tuple[Question, ...]:
        """The screening questions as the selection (bot.engine.screening) sees them."""
        return tuple(Question(id=q.id, finding=q.finding, complaint=q.complaint, priority=q.priority,
                              concern_only=q.concern_only, when_age_at_least=q.when_age_at_least,
                              when_findings=q.when_findings) for q in self.screening)

    def question(self, question_id: str) -> ScreeningQuestion | None:
        """A screening question by id."""
        return next((q for q in self.screening if q.id == question_id), None)

    def groups_of(self, report: PainReport) -> set[str]:
        """Body-area groups (low_back, head, ...) of the reported regions."""
        return {self.region_groups[r] for r in report.region_ids if r in self.region_groups}

    def triage(self, report: PainReport) -> TriageResult:
        """Red-flag triage of a report."""
        return assess_triage(report, self.rules, self.groups_of(report))

    def rank(self, report: PainReport, limit: int = CANDIDATE_LIMIT) -> list[Candidate]:
        """Candidate muscles for a report, best first, each with its reason.

        Only muscles that refer pain to a reported region can score, so only those are scored.
        """
        referring = {m for region in report.region_ids for m in self._muscles_by_region.get(region, ())}
        muscles = [m for m in self.muscles if m.id in referring]
        return rank_muscles(report, muscles, region_names=self.region_names,
                            activity_names=self.activity_names, limit=limit)

    @cached_property
    def _muscles_by_region(self) -> dict[str, tuple[str, ...]]:
        table: dict[str, list[str]] = {}
        for muscle in self.muscles:
            for region in (*muscle.primary, *muscle.spillover):
                table.setdefault(region, []).append(muscle.id)
        return {region: tuple(ids) for region, ids in table.items()}

    def report(self, mentions: Iterable[Mention]) -> PainReport:
        """A report from mentions in conversation order, vague places made precise where the words allow."""
        return PainReport.from_mentions(list(mentions)).refine(self.vague_parts)

    @cached_property
    def vague_parts(self) -> dict[str, dict[str, str]]:
        """Vague region -> {"where exactly" word: region} (vocabulary/vague_places.yml)."""
        return dict(self.content.vague_parts) if self.content is not None else {}


class KnowledgeSource(Protocol):
    """Where the knowledge comes from; `load` validates it and returns it whole."""

    name: str

    def load(self) -> Knowledge:
        """The validated knowledge (raises kb.content.ContentError listing every problem)."""
        ...


class ContentFilesSource:
    """The reviewed content files under kb/content: the source of truth."""

    name = "files"

    def __init__(self, root: Path = CONTENT_DIR):
        self.root = root

    def load(self) -> Knowledge:
        version = content_hash(self.root)
        return Knowledge.from_content(_validated_content(self.root, version), version)


# Validated content by version: reading and checking some forty YAML files takes most of a second,
# unpickling the result a few milliseconds. A build product, like the spaCy pipeline under models/.
CONTENT_CACHE_DIR = Path(__file__).resolve().parents[1] / "models" / "cache"


@lru_cache(maxsize=1)
def _loader_fingerprint() -> str:
    """Changes when the code that validates content or the types it builds change."""
    import core.types
    import kb.content

    digest = hashlib.sha256()
    for module in (kb.content, core.types):
        digest.update(Path(str(module.__file__)).read_bytes())
    return digest.hexdigest()[:8]


def _validated_content(root: Path, version: str) -> Content:
    """The content at this version: from the cache when it was validated before, else loaded and cached."""
    cached = CONTENT_CACHE_DIR / f"content-{version}-{_loader_fingerprint()}.pickle"
    try:
        content = pickle.loads(cached.read_bytes())
        if isinstance(content, Content):
            return content
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        pass
    content = load_content(root)
    try:
        CONTENT_CACHE_DIR.mkdir(parents=True, exist_ok=True)
        for old in CONTENT_CACHE_DIR.glob("content-*.pickle"):
            if old != cached:
                old.unlink(missing_ok=True)
        partial = cached.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(pickle.dumps(content, protocol=pickle.HIGHEST_PROTOCOL))
        partial.replace(cached)
    except OSError:  # a read-only install still works, only slower to start
        pass
    return content


class DatabaseSource:
    """The content files as `python -m kb seed` stored them in the database (BOT_DATABASE_URL)."""

    name = "database"

    def __init__(self, url: str):
        self.url = url

    def load(self) -> Knowledge:
        from kb.database import engine_for
        from kb.seed import stored_files

        files = stored_files(engine_for(self.url))
        if not files:
            raise SystemExit(f"No knowledge in the database at {self.url}: run `python -m kb seed` first, "
                             "or use BOT_KNOWLEDGE_SOURCE=files.")
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            for relative, text in files.items():
                target = root / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
            return Knowledge.from_content(load_content(root), content_hash(root))


def source_for(name: str, database_url: str) -> KnowledgeSource:
    """The configured source (`files` or `database`)."""
    return DatabaseSource(database_url) if name == "database" else ContentFilesSource()


@lru_cache(maxsize=1)
def knowledge() -> Knowledge:
    """The process-wide knowledge from the configured source, validated on first use."""
    config = settings()
    return source_for(config.knowledge_source, config.kb_url).load()
