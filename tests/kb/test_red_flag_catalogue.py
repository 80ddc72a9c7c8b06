"""The red-flag catalogue has no gaps, every rule is proved by a case, and docs/red-flags.md is current.

A proving case (tests/cases/red_flags/*.yml) is a vignette plus the rules it must fire: the joined
turns go through the same path as `python -m bot assess`, and each listed rule must be among the
fired flags, at a level within the case's bounds. Benign look-alikes list no rule and must stay low.
"""

from __future__ import annotations

from typing import Any

import pytest

from core.settings import PROJECT_ROOT
from core.types import TriageLevel
from kb.content import load_content
from kb.redflags import coverage, coverage_problems, load_cases, markdown

CONTENT = load_content()
CASES = load_cases()


def test_every_guideline_item_has_a_rule_at_its_level_and_every_rule_a_case() -> None:
    problems = coverage_problems(coverage(CONTENT, CASES), CONTENT)
    assert not problems, "\n".join(problems)


def test_case_ids_are_unique_and_rules_exist() -> None:
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    unknown = {r for c in CASES for r in c.get("rules") or [] if r not in CONTENT.rules}
    assert not unknown, unknown


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case_fires_its_rules(case: dict[str, Any]) -> None:
    from bot.cli.assess import assess

    result = assess(" ".join(case["turns"]))
    fired = {flag["id"] for flag in result["red_flags"]}
    level = TriageLevel.parse(result["triage_level"])
    expect = case.get("expect") or {}
    missing = set(case.get("rules") or ()) - fired
    assert not missing, f"rules not fired: {sorted(missing)}; fired {sorted(fired)}; report {result['report']}"
    assert level >= TriageLevel.parse(expect.get("triage_at_least", "none")), result["red_flags"]
    assert level <= TriageLevel.parse(expect.get("triage_at_most", "emergency")), result["red_flags"]


def test_review_document_is_current() -> None:
    """docs/red-flags.md is generated; regenerate it with `python -m kb redflags --markdown`."""
    expected = markdown(coverage(CONTENT, CASES), CONTENT)
    current = (PROJECT_ROOT / "docs" / "red-flags.md").read_text(encoding="utf-8")
    assert current == expected, "docs/red-flags.md is out of date: run `python -m kb redflags --markdown`"
