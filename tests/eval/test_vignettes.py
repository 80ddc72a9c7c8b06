"""Every public vignette and the project's own cases, over REST and through `assess`."""

from __future__ import annotations

import pytest

from tools.eval.vignettes import OWN_TRIAGE_CASES, PUBLIC_CASES, load_cases, run_assess, run_rest
from tools.servers import Servers

PUBLIC = load_cases(PUBLIC_CASES)
OWN = load_cases(OWN_TRIAGE_CASES) if OWN_TRIAGE_CASES.exists() else []


@pytest.mark.parametrize("case", PUBLIC, ids=[c.id for c in PUBLIC])
def test_public_vignette_through_assess(case) -> None:  # type: ignore[no-untyped-def]
    outcome = run_assess(case)
    assert outcome.passed, outcome.problems


@pytest.mark.parametrize("case", PUBLIC, ids=[c.id for c in PUBLIC])
def test_public_vignette_over_rest(servers: Servers, case) -> None:  # type: ignore[no-untyped-def]
    outcome = run_rest(servers, case)
    assert outcome.passed, outcome.problems


def test_public_copy_matches_shared() -> None:
    from core.settings import PROJECT_ROOT

    shared = PROJECT_ROOT.parent / "shared" / "eval" / "vignettes.yml"
    if not shared.exists():
        pytest.skip("shared/eval/vignettes.yml is not beside this checkout")
    assert load_cases(shared) == load_cases(PROJECT_ROOT / "tests" / "cases" / "vignettes_public.yml")
