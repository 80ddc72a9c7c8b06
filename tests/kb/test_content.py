"""The reviewed content is complete, sourced and consistent, and bad content is reported precisely."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from kb.content import CANONICAL_MUSCLES_FILE, CONTENT_DIR, ContentError, load_content

SHARED_MUSCLES = Path(__file__).resolve().parents[3] / "shared" / "kb" / "muscles.yml"


@pytest.fixture(scope="module")
def content():  # type: ignore[no-untyped-def]
    return load_content()


def test_canonical_copy_matches_shared() -> None:
    if not SHARED_MUSCLES.exists():
        pytest.skip("shared/kb/muscles.yml is not beside this checkout")
    assert yaml.safe_load(CANONICAL_MUSCLES_FILE.read_text()) == yaml.safe_load(SHARED_MUSCLES.read_text())


def test_every_canonical_muscle_is_covered(content) -> None:  # type: ignore[no-untyped-def]
    canonical = {m["id"] for m in yaml.safe_load(CANONICAL_MUSCLES_FILE.read_text())["muscles"]}
    assert canonical <= set(content.muscles)


def test_vocabulary_has_enough_lay_phrases(content) -> None:  # type: ignore[no-untyped-def]
    phrases = sum(len(r.phrases) for r in content.regions.values())
    assert phrases / len(content.regions) >= 5


def test_every_region_group_is_covered(content) -> None:  # type: ignore[no-untyped-def]
    from kb.content import REGION_GROUPS

    assert {r.group for r in content.regions.values()} == set(REGION_GROUPS)


def _copy_content(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, target)
    return target


def test_unknown_region_is_reported_with_file_entry_and_field(tmp_path: Path) -> None:
    root = _copy_content(tmp_path)
    path = root / "muscles" / "head_neck.yml"
    data = yaml.safe_load(path.read_text())
    data["muscles"][0]["referral"]["primary"].append("elbow_of_the_head")
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    with pytest.raises(ContentError) as error:
        load_content(root)
    messages = [str(p) for p in error.value.problems]
    first = data["muscles"][0]["id"]
    assert any("muscles/head_neck.yml" in m and first in m and "referral.primary" in m
               and "elbow_of_the_head" in m for m in messages), messages


def test_unsourced_fact_is_reported(tmp_path: Path) -> None:
    root = _copy_content(tmp_path)
    path = root / "red_flags" / "back.yml"
    data = yaml.safe_load(path.read_text())
    data["rules"][0]["sources"] = []
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    with pytest.raises(ContentError) as error:
        load_content(root)
    assert any("sources" in p.field and p.entry == data["rules"][0]["id"] for p in error.value.problems)


def test_an_emergency_number_written_into_a_rule_message_is_reported(tmp_path: Path) -> None:
    """The number is the clinic's (911 in the US): the triage response says it, a rule must not."""
    root = _copy_content(tmp_path)
    path = root / "red_flags" / "back.yml"
    data = yaml.safe_load(path.read_text())
    data["rules"][0]["message"] += " Call 999 now."
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    with pytest.raises(ContentError) as error:
        load_content(root)
    assert any(p.field == "message" and p.entry == data["rules"][0]["id"] for p in error.value.problems)


def test_duplicate_id_is_reported(tmp_path: Path) -> None:
    root = _copy_content(tmp_path)
    path = root / "muscles" / "shoulder_arm.yml"
    data = yaml.safe_load(path.read_text())
    data["muscles"].append(dict(data["muscles"][0]))
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    with pytest.raises(ContentError) as error:
        load_content(root)
    assert any("duplicate" in p.message for p in error.value.problems)


def test_a_phrase_too_big_to_expand_is_reported_not_cut(tmp_path: Path) -> None:
    root = _copy_content(tmp_path)
    path = root / "vocabulary" / "timings.yml"
    data = yaml.safe_load(path.read_text())
    data["timings"][0]["phrases"].append(" ".join("{a|b|c|d}" for _ in range(6)) + " morning")  # 4096 variants
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    with pytest.raises(ContentError) as error:
        load_content(root)
    assert any("4096 variants" in p.message and p.entry == data["timings"][0]["id"] for p in error.value.problems)
