"""Lazy access to the knowledge base for the actions.

rasa-sdk imports every module and builds every action with no arguments, so nothing here touches
the database at import time: the repository is created on first use from the settings, seeded if
the database is empty or out of date, and tests can inject their own with `use_repository`.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from bot.engine.conversation import mentions_in_events
from bot.engine.ranking import CANDIDATE_LIMIT, rank_muscles
from core.settings import settings
from core.types import Candidate, PainReport, TriageLevel
from kb.repository import KnowledgeRepository

__all__ = ["candidates_for", "report_from", "repository", "triage_level_of", "use_repository"]

logger = logging.getLogger(__name__)
_lock = threading.Lock()
_repository: KnowledgeRepository | None = None


def use_repository(repo: KnowledgeRepository | None) -> None:
    """Inject a repository (tests) or reset to lazy creation (None)."""
    global _repository
    _repository = repo


def repository() -> KnowledgeRepository:
    """The process's repository, created (and the database seeded) on first use."""
    global _repository
    with _lock:
        if _repository is None:
            from kb.database import engine_for
            from kb.seed import is_seeded, seed

            engine = engine_for(settings().kb_url)
            if not is_seeded(engine):
                report = seed(engine, progress=lambda message: logger.info("kb seed: %s", message))
                logger.info("kb seeded: %d muscles, %d red-flag rules", report.muscles, report.red_flags)
            _repository = KnowledgeRepository(engine)
        return _repository


def report_from(tracker: Any) -> PainReport:
    """The conversation's accumulated pain report, from every user message's mentions."""
    return PainReport.from_mentions(mentions_in_events(tracker.events))


def candidates_for(report: PainReport, limit: int = CANDIDATE_LIMIT) -> list[Candidate]:
    """Ranked candidate muscles with reasons, from the database's referral maps."""
    repo = repository()
    return rank_muscles(report, repo.muscle_profiles(), region_names=repo.region_names,
                        activity_names=repo.activity_names, limit=limit)


def triage_level_of(tracker: Any) -> TriageLevel:
    """The conversation's triage level as the safety policy set it."""
    return TriageLevel.parse(tracker.get_slot("triage_level"))
