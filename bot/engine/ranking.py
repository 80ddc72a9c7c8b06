"""Rank muscles by how well their referral maps and perpetuating factors explain a pain report.

Scoring, in plain terms: a reported region inside a muscle's primary (essential) referral zone is
strong evidence, inside its spillover zone weaker evidence; a muscle that explains more of the
reported regions beats one that explains only part; matching sensations and aggravating
activities break ties. A place named only by a vague word ("my foot", "my arm", a bare "shoulder") stands
for the commonest part of that area (vocabulary/vague_places.yml): a guess, so when the person also
names a place exactly, the guess weighs less than what they pointed to and the first-named bonus goes to
the first exact place. Deterministic and pure: same report, same order.

Order: highest score first; at an equal score, the muscle that explains more of the reported
regions first (two spillover zones can add up to exactly one primary zone, and the promise above
must still hold then); then the muscle id, so the order never wobbles.
"""

from __future__ import annotations

from typing import Iterable, Sequence

from core.types import Candidate, MuscleProfile, PainReport

__all__ = ["CANDIDATE_LIMIT", "explain", "rank_muscles"]

PRIMARY_WEIGHT = 3.0
SPILLOVER_WEIGHT = 1.2
FIRST_REGION_BONUS = 0.5
# A vague word's stand-in region, next to places said exactly: half a region (see the module docstring).
VAGUE_REGION_WEIGHT = 0.5
ACTIVITY_WEIGHT = 0.6
SENSATION_WEIGHT = 0.2
MIN_SCORE = PRIMARY_WEIGHT * 0.5
# How many candidates the bot keeps (three are shown, the rest serve "that's not it"); the CLI and
# the bot use the same number so they never disagree.
CANDIDATE_LIMIT = 6


def _region_weights(report: PainReport) -> dict[str, float]:
    """The first region mentioned is usually the main complaint, so it weighs a little more.

    Regions that only stand in for a vague word ("my foot" read as the sole) weigh less when the person
    also names a place exactly; said on their own they are all there is and weigh as any other.
    """
    regions = report.region_ids
    vague = {r for r in regions if r in report.vague_regions}
    exact = [r for r in regions if r not in vague]
    if not exact:
        exact, vague = regions, set()
    weights: dict[str, float] = {}
    for region in regions:
        if region in vague:
            weights[region] = VAGUE_REGION_WEIGHT
        else:
            weights[region] = 1.0 + (FIRST_REGION_BONUS if region == exact[0] else 0.0)
    return weights


def _score(muscle: MuscleProfile, report: PainReport, weights: dict[str, float]) -> Candidate:
    primary = tuple(r for r in weights if r in muscle.primary)
    spillover = tuple(r for r in weights if r not in muscle.primary and r in muscle.spillover)
    activities = tuple(a for a in report.activities if a in muscle.perpetuating)
    sensations = [s for s in report.sensations if s in muscle.sensations]
    score = sum(PRIMARY_WEIGHT * weights[r] for r in primary)
    score += sum(SPILLOVER_WEIGHT * weights[r] for r in spillover)
    if score > 0:
        score += ACTIVITY_WEIGHT * len(activities) + SENSATION_WEIGHT * len(sensations)
    return Candidate(
        muscle=muscle,
        score=round(score, 4),
        reason="",
        matched_primary=primary,
        matched_spillover=spillover,
        matched_activities=activities,
    )


def explain(candidate: Candidate, region_names: dict[str, str], activity_names: dict[str, str]) -> str:
    """One plain sentence on why this muscle is a candidate."""

    def names(ids: Sequence[str], table: dict[str, str]) -> str:
        words = [table.get(i, i.replace("_", " ")).lower() for i in ids]
        return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]

    muscle = candidate.muscle.name.lower()
    if candidate.matched_primary:
        text = f"pain at your {names(candidate.matched_primary, region_names)} matches where the {muscle} refers pain"
    else:
        text = f"the {muscle} can spill pain into your {names(candidate.matched_spillover, region_names)}"
    if candidate.matched_primary and candidate.matched_spillover:
        text += f", and it can spill into your {names(candidate.matched_spillover, region_names)}"
    if candidate.matched_activities:
        text += f"; {names(candidate.matched_activities, activity_names)} tends to keep it tight"
    return text[0].upper() + text[1:] + "."


def _order(candidate: Candidate) -> tuple[float, int, str]:
    """Sort key: score, then how many reported regions the muscle explains, then its id."""
    explained = len(candidate.matched_primary) + len(candidate.matched_spillover)
    return (-candidate.score, -explained, candidate.muscle.id)


def rank_muscles(
    report: PainReport,
    muscles: Iterable[MuscleProfile],
    *,
    region_names: dict[str, str] | None = None,
    activity_names: dict[str, str] | None = None,
    limit: int = CANDIDATE_LIMIT,
) -> list[Candidate]:
    """Best candidates first; ties broken by regions explained, then by muscle id."""
    weights = _region_weights(report)
    if not weights:
        return []
    scored = [_score(m, report, weights) for m in muscles]
    kept = [c for c in scored if c.score >= MIN_SCORE]
    kept.sort(key=_order)
    regions = region_names or {}
    activities = activity_names or {}
    return [
        Candidate(
            muscle=c.muscle,
            score=c.score,
            reason=explain(c, regions, activities),
            matched_primary=c.matched_primary,
            matched_spillover=c.matched_spillover,
            matched_activities=c.matched_activities,
        )
        for c in kept[:limit]
    ]
