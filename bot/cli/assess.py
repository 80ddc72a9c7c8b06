"""`python -m bot assess "free text"`: the bot's judgement on a text, for people and scripts.

Same extraction, same triage rules, same ranking as the live bot (bot.engine.knowledge), so the command
line and the conversation never disagree.
"""

from __future__ import annotations

import json
from typing import Any

from bot.dialogue.patient import as_the_patient
from bot.engine.knowledge import knowledge
from bot.nlp.extract import MAX_CHARS, mentions_from_text
from core.settings import settings
from core.types import Candidate, TriageResult

__all__ = ["assess", "format_text"]


def assess(text: str) -> dict[str, Any]:
    """Triage and ranked candidates for a text, as a JSON-ready dict."""
    kb = knowledge()
    mentions = as_the_patient([(text, mentions_from_text(text, kb.sided_regions))])[0]
    report = kb.report(mentions)
    triage: TriageResult = kb.triage(report)
    candidates: list[Candidate] = kb.rank(report)
    return {
        "triage_level": triage.level.slug,
        "red_flags": [
            {"id": f.rule.id, "level": f.rule.level.slug, "title": f.rule.title,
             "message": f.rule.message_for(settings().emergency_number),
             "because": list(f.because), "sources": [s.label() for s in f.rule.sources]}
            for f in triage.flags
        ],
        "ignored_findings": sorted((report.negated_findings | (report.wondered - report.concepts)) - report.findings),
        "report": {
            "regions": [{"id": r, "side": s} for r, s in report.regions],
            "sensations": report.sensations,
            "activities": report.activities,
            "intensity": report.intensity,
            "duration_days": report.duration_days,
            "age": report.age,
            "findings": sorted(report.findings),
        },
        "candidate_muscles": [
            {"id": c.muscle.id, "name": c.muscle.name, "score": c.score, "reason": c.reason,
             "sources": [s.label() for s in c.muscle.sources]}
            for c in candidates
        ],
        "truncated": len(text) > MAX_CHARS,
        "disclaimer": "Not a diagnosis. In an emergency call your local emergency number.",
    }


def format_text(result: dict[str, Any]) -> str:
    """A readable summary of `assess`'s result."""
    lines = [f"Triage level: {result['triage_level']}"]
    for flag in result["red_flags"]:
        lines.append(f"  ! {flag['level']}: {flag['title']} ({', '.join(flag['because'])})")
        lines.append(f"    {flag['message']}  [{'; '.join(flag['sources'])}]")
    if result["ignored_findings"]:
        lines.append("  negated or hypothetical (ignored): " + ", ".join(result["ignored_findings"]))
    report = result["report"]
    where = ", ".join(f"{r['side']} {r['id']}" if r["side"] else r["id"] for r in report["regions"])
    lines.append(f"Where: {where or 'not stated'}")
    lines.append("Candidate muscles:" if result["candidate_muscles"] else "Candidate muscles: none matched")
    for index, c in enumerate(result["candidate_muscles"], 1):
        lines.append(f"  {index}. {c['name']} ({c['id']}): {c['reason']}")
        lines.append(f"     sources: {'; '.join(c['sources'])}")
    lines.append(result["disclaimer"])
    return "\n".join(lines)


def to_json(result: dict[str, Any]) -> str:
    """Stable JSON output."""
    return json.dumps(result, indent=2, ensure_ascii=False)
