"""Read and validate the reviewed content files under kb/content/.

Validation names the file, the entry and the field of every problem, so a content editor can fix
all of them in one pass; nothing is seeded while any problem remains.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from core.files import YAMLError, read_yaml
from core.types import MuscleCard, MuscleProfile, RedFlagRule, SourceRef, TriageLevel

# The emergency number belongs to the clinic's settings, never to a rule's message.
_EMERGENCY_NUMBER_WRITTEN = re.compile(r"\b(?:999|911|112|000)\b")

__all__ = [
    "CANONICAL_MUSCLES_FILE",
    "CONTENT_DIR",
    "Content",
    "ContentError",
    "Problem",
    "Region",
    "ScreeningQuestion",
    "Term",
    "content_hash",
    "load_content",
    "muscle_card",
    "muscle_profile",
    "source_ref",
]

CONTENT_DIR = Path(__file__).resolve().parent / "content"
# A copy of shared/kb/muscles.yml (tests check the two agree): the ids the contract speaks in.
CANONICAL_MUSCLES_FILE = Path(__file__).resolve().parent / "canonical_muscles.yml"

REGION_GROUPS = [
    "head", "face", "jaw", "neck", "shoulder", "arm", "hand", "chest", "upper_back", "mid_back",
    "low_back", "abdomen", "hip", "buttock", "thigh", "knee", "leg", "foot",
]
TRIAGE_LEVELS = ("see_doctor", "urgent", "emergency")
MUSCLE_TEXT_FIELDS = {
    "trigger_points": ("text",),
    "technique": ("tool", "position", "find", "pressure", "duration", "frequency"),
    "stretch": ("text",),
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the content, located precisely."""

    file: str
    entry: str
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.entry}" + (f".{self.field}" if self.field else "")
        return f"{where}: {self.message}"


class ContentError(Exception):
    """Raised when content fails validation; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s) in kb/content:\n" + "\n".join(map(str, problems)))


@dataclass(frozen=True)
class Region:
    """A canonical body region with its lay phrases and outline shapes."""

    id: str
    name: str
    group: str
    sided: bool
    phrases: tuple[str, ...]
    shapes: dict[str, dict[str, float] | None]
    see_professional: str = ""  # what to say where no muscle refers pain here (armpit)


@dataclass(frozen=True)
class Term:
    """A vocabulary entry (sensation, activity or finding) and the phrases that name it.

    A finding may also be composed of concepts said in one clause (`compose`: alternatives, each a
    list of concept ids that must all be present within `window` tokens), see bot/nlp/concepts.py.
    """

    kind: str
    id: str
    name: str
    phrases: tuple[str, ...]
    compose: tuple[tuple[str, ...], ...] = ()
    window: int | None = None


@dataclass(frozen=True)
class Concept:
    """A unit of meaning for composing findings (a loss of feeling, the saddle area, ...).

    `concern` names a clarifying question (screening.yml) asked when the concept is said but no
    finding comes of it ("I've had some bladder issues"), so a worrying word is never let pass.
    """

    id: str
    name: str
    phrases: tuple[str, ...]
    concern: str | None = None
    exact: tuple[str, ...] = ()
    mask: bool = False
    mask_findings: bool = False  # `mask: findings`: also hides the phrase findings inside it ("hay fever")
    keeps: tuple[str, ...] = ()  # a mask's `keeps`: concepts inside it that stay readable ("bench press" is a workout)


@dataclass(frozen=True)
class GuidelineItem:
    """One red-flag item of a clinical guideline, which at least one rule must cover."""

    id: str
    guideline: str
    text: str
    level: TriageLevel
    source: SourceRef


@dataclass(frozen=True)
class ScreeningQuestion:
    """A yes/no safety question asked once before self-massage advice for a complaint area."""

    id: str
    complaint: tuple[str, ...]
    finding: str
    text: str
    explain: str = ""
    priority: int = 50
    concern_only: bool = False
    when_age_at_least: int | None = None
    when_findings: tuple[str, ...] = ()


@dataclass
class Content:
    """Everything under kb/content/, validated."""

    sources: dict[str, dict[str, Any]] = field(default_factory=dict)
    regions: dict[str, Region] = field(default_factory=dict)
    terms: dict[str, dict[str, Term]] = field(default_factory=dict)
    muscles: dict[str, dict[str, Any]] = field(default_factory=dict)
    rules: dict[str, RedFlagRule] = field(default_factory=dict)
    rule_docs: dict[str, dict[str, Any]] = field(default_factory=dict)
    concepts: dict[str, Concept] = field(default_factory=dict)
    guidelines: dict[str, GuidelineItem] = field(default_factory=dict)
    vague: dict[str, str] = field(default_factory=dict)  # phrase -> region it stands in for
    vague_parts: dict[str, dict[str, str]] = field(default_factory=dict)  # vague region -> {part word: region}
    guidance: dict[str, Any] = field(default_factory=dict)
    screening: list[ScreeningQuestion] = field(default_factory=list)
    files: dict[str, str] = field(default_factory=dict)

    def source_ref(self, raw: dict[str, Any]) -> SourceRef:
        """A citation with the catalogue's title and URL filled in."""
        return source_ref(raw, self.sources)

    def muscle_profiles(self) -> list[MuscleProfile]:
        """The ranking's view of every muscle."""
        return [muscle_profile(doc, self.sources) for doc in self.muscles.values()]


def source_ref(raw: dict[str, Any], catalogue: dict[str, dict[str, Any]]) -> SourceRef:
    """A citation `{ref, where}` with the catalogue's title and URL filled in."""
    src = catalogue.get(str(raw.get("ref")), {})
    return SourceRef(ref=str(raw.get("ref")), where=str(raw.get("where") or ""),
                     title=str(src.get("title") or ""), url=str(src.get("url") or ""))


def muscle_profile(doc: dict[str, Any], catalogue: dict[str, dict[str, Any]]) -> MuscleProfile:
    """Turn one muscle document into the engine's MuscleProfile (content files and database alike)."""
    referral = doc.get("referral") or {}
    return MuscleProfile(
        id=doc["id"],
        name=doc["name"],
        primary=tuple(referral.get("primary") or ()),
        spillover=tuple(referral.get("spillover") or ()),
        sensations=tuple((doc.get("sensations") or {}).get("ids") or ()),
        perpetuating=tuple((doc.get("perpetuating") or {}).get("ids") or ()),
        sources=tuple(source_ref(s, catalogue) for s in referral.get("sources") or ()),
    )


def muscle_card(doc: dict[str, Any], catalogue: dict[str, dict[str, Any]]) -> MuscleCard:
    """Turn one muscle document into the coaching card (content files and database alike)."""
    technique = doc.get("technique") or {}
    referral = doc.get("referral") or {}
    sources = [source_ref(s, catalogue) for s in (*(referral.get("sources") or ()), *(technique.get("sources") or ()))]
    return MuscleCard(
        id=doc["id"], name=doc["name"], summary=str(doc.get("summary") or ""),
        trigger_points=str((doc.get("trigger_points") or {}).get("text") or ""),
        technique={k: str(v) for k, v in technique.items() if k != "sources"},
        stretch=str((doc.get("stretch") or {}).get("text") or ""),
        habits=tuple(str(h.get("text")) for h in doc.get("habits") or [] if h.get("text")),
        cautions=tuple({"id": str(c.get("id")), "text": str(c.get("text"))} for c in doc.get("cautions") or []),
        primary=tuple(referral.get("primary") or ()),
        spillover=tuple(referral.get("spillover") or ()),
        sources=tuple(dict.fromkeys(sources)),
        self_massage=doc.get("self_massage", True) is not False,
    )


def _read_yaml(path: Path, problems: list[Problem]) -> Any:
    try:
        return read_yaml(path)
    except (YAMLError, UnicodeDecodeError) as error:
        problems.append(Problem(path.name, "(file)", "", f"not valid YAML: {error}"))
        return {}


def _entries(data: Any, key: str, rel: str, problems: list[Problem]) -> list[dict[str, Any]]:
    items = data.get(key) if isinstance(data, dict) else None
    if not isinstance(items, list):
        problems.append(Problem(rel, "(file)", key, f"expected a list under '{key}'"))
        return []
    good = []
    for index, item in enumerate(items):
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            problems.append(Problem(rel, f"#{index}", "id", "entry must be a mapping with a string id"))
        else:
            good.append(item)
    return good


class _Validator:
    """Collects problems while content is read; one instance per load."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.content = Content()

    def add(self, rel: str, entry: str, field_name: str, message: str) -> None:
        self.problems.append(Problem(rel, entry, field_name, message))

    def check_sources(self, rel: str, entry: str, field_name: str, block: Any) -> None:
        refs = block.get("sources") if isinstance(block, dict) else None
        if not isinstance(refs, list) or not refs:
            self.add(rel, entry, f"{field_name}.sources", "every fact needs at least one source")
            return
        for ref in refs:
            if not isinstance(ref, dict) or ref.get("ref") not in self.content.sources:
                shown = ref.get("ref") if isinstance(ref, dict) else ref
                self.add(rel, entry, f"{field_name}.sources", f"unknown source '{shown}'")

    def unique(self, table: dict[str, Any], rel: str, entry_id: str, what: str) -> bool:
        if entry_id in table:
            self.add(rel, entry_id, "id", f"duplicate {what} id")
            return False
        return True


def _load_sources(v: _Validator, root: Path) -> None:
    for path in sorted((root / "sources").glob("*.yml")):
        rel = str(path.relative_to(root))
        for item in _entries(_read_yaml(path, v.problems), "sources", rel, v.problems):
            if v.unique(v.content.sources, rel, item["id"], "source"):
                if not item.get("title"):
                    v.add(rel, item["id"], "title", "a source needs a title")
                if not (item.get("url") or item.get("publisher")):
                    v.add(rel, item["id"], "url", "a source needs a URL or a publisher")
                v.content.sources[item["id"]] = item


def _load_regions(v: _Validator, root: Path) -> None:
    path = root / "vocabulary" / "regions.yml"
    rel = str(path.relative_to(root))
    for item in _entries(_read_yaml(path, v.problems), "regions", rel, v.problems):
        rid = item["id"]
        if not v.unique(v.content.regions, rel, rid, "region"):
            continue
        if item.get("group") not in REGION_GROUPS:
            v.add(rel, rid, "group", f"unknown group '{item.get('group')}'")
        phrases = item.get("phrases") or []
        if not phrases:
            v.add(rel, rid, "phrases", "a region needs at least one lay phrase")
        shapes = item.get("shapes") or {}
        if not any(shapes.get(view) for view in ("front", "back")):
            v.add(rel, rid, "shapes", "a region needs a shape on the front or back outline")
        v.content.regions[rid] = Region(
            id=rid,
            name=str(item.get("name") or rid),
            group=str(item.get("group")),
            sided=bool(item.get("sided", True)),
            phrases=tuple(str(p).lower() for p in phrases),
            shapes={view: shapes.get(view) for view in ("front", "back")},
            see_professional=" ".join(str((item.get("see_professional") or {}).get("text") or "").split()),
        )


def _term_files(root: Path, file_name: str) -> list[Path]:
    """A vocabulary kind lives in one file (`sensations.yml`) or a folder of them (`findings/*.yml`)."""
    single = root / "vocabulary" / file_name
    folder = root / "vocabulary" / file_name.removesuffix(".yml")
    return [single] if single.exists() else sorted(folder.glob("*.yml"))


def _compose_of(v: _Validator, rel: str, item: dict[str, Any]) -> tuple[tuple[str, ...], ...]:
    raw = item.get("compose") or []
    if not isinstance(raw, list) or not all(isinstance(p, list) and p for p in raw):
        v.add(rel, item["id"], "compose", "compose must be a list of lists of concept ids")
        return ()
    return tuple(tuple(str(c) for c in pattern) for pattern in raw)


def _load_terms(v: _Validator, root: Path) -> None:
    for kind, file_name, key in (
        ("sensation", "sensations.yml", "sensations"),
        ("activity", "activities.yml", "activities"),
        ("timing", "timings.yml", "timings"),
        ("finding", "findings.yml", "findings"),
    ):
        table: dict[str, Term] = {}
        for path in _term_files(root, file_name):
            rel = str(path.relative_to(root))
            for item in _entries(_read_yaml(path, v.problems), key, rel, v.problems):
                if not v.unique(table, rel, item["id"], kind):
                    continue
                phrases = item.get("phrases") or []
                compose = _compose_of(v, rel, item) if kind == "finding" else ()
                if not phrases and not compose:
                    v.add(rel, item["id"], "phrases", f"a {kind} needs at least one phrase or composition")
                table[item["id"]] = Term(
                    kind=kind,
                    id=item["id"],
                    name=str(item.get("name") or item["id"]),
                    phrases=tuple(str(p).lower() for p in phrases),
                    compose=compose,
                    window=item.get("window"),
                )
        v.content.terms[kind] = table


def _load_vague(v: _Validator, root: Path) -> None:
    """Phrases that name an area without a place in it (vocabulary/vague_places.yml)."""
    from core.phrases import expand

    path = root / "vocabulary" / "vague_places.yml"
    if not path.exists():
        return
    rel = str(path.relative_to(root))
    data = _read_yaml(path, v.problems)
    for index, item in enumerate(data.get("vague") or [] if isinstance(data, dict) else []):
        region = item.get("region") if isinstance(item, dict) else None
        if region not in v.content.regions:
            v.add(rel, f"#{index}", "region", f"unknown region '{region}'")
            continue
        for phrase in item.get("phrases") or []:
            for variant in expand(str(phrase)):
                v.content.vague[variant] = region
        parts = item.get("parts") or {}
        for words, target in parts.items() if isinstance(parts, dict) else []:
            if target not in v.content.regions:
                v.add(rel, f"#{index} ({region})", "parts", f"unknown region '{target}' for '{words}'")
                continue
            for word in str(words).lower().split("|"):
                v.content.vague_parts.setdefault(region, {})[" ".join(word.split())] = target


def _load_concepts(v: _Validator, root: Path) -> None:
    for path in sorted((root / "vocabulary" / "concepts").glob("*.yml")):
        rel = str(path.relative_to(root))
        for item in _entries(_read_yaml(path, v.problems), "concepts", rel, v.problems):
            if not v.unique(v.content.concepts, rel, item["id"], "concept"):
                continue
            phrases = item.get("phrases") or []
            exact = item.get("exact") or []
            if not phrases and not exact:
                v.add(rel, item["id"], "phrases", "a concept needs at least one phrase")
            v.content.concepts[item["id"]] = Concept(
                id=item["id"], name=str(item.get("name") or item["id"]),
                phrases=tuple(str(p).lower() for p in phrases), concern=item.get("concern"),
                exact=tuple(str(p).lower() for p in exact), mask=bool(item.get("mask")),
                mask_findings=item.get("mask") == "findings", keeps=tuple(str(k) for k in item.get("keeps") or ()))
            if item.get("keeps") and not item.get("mask"):
                v.add(rel, item["id"], "keeps", "only a mask keeps concepts readable")
    for masking in v.content.concepts.values():
        for kept in masking.keeps:
            if kept not in v.content.concepts:
                v.add("vocabulary/concepts", masking.id, "keeps", f"unknown concept '{kept}'")
    for term in v.content.terms.get("finding", {}).values():
        for pattern in term.compose:
            for concept in pattern:
                if concept not in v.content.concepts:
                    v.add("vocabulary/findings", term.id, "compose", f"unknown concept '{concept}'")


def _load_guidelines(v: _Validator, root: Path) -> None:
    """The red-flag catalogue: guideline items (guidelines/*.yml) that rules must cover."""
    for path in sorted((root / "guidelines").glob("*.yml")):
        rel = str(path.relative_to(root))
        for item in _entries(_read_yaml(path, v.problems), "items", rel, v.problems):
            if not v.unique(v.content.guidelines, rel, item["id"], "guideline item"):
                continue
            if item.get("level") not in TRIAGE_LEVELS:
                v.add(rel, item["id"], "level", f"level must be one of {', '.join(TRIAGE_LEVELS)}")
            if not item.get("text"):
                v.add(rel, item["id"], "text", "say in plain words what the guideline item is")
            source = item.get("source")
            if not isinstance(source, dict) or source.get("ref") not in v.content.sources:
                shown = source.get("ref") if isinstance(source, dict) else source
                v.add(rel, item["id"], "source", f"a guideline item needs a known source {{ref, where}}, not '{shown}'")
                source = {"ref": str(shown)}
            v.content.guidelines[item["id"]] = GuidelineItem(
                id=item["id"], guideline=str(item.get("guideline") or ""), text=str(item.get("text") or ""),
                level=TriageLevel.parse(item.get("level")), source=v.content.source_ref(source))


def _canonical_muscle_ids() -> set[str]:
    if not CANONICAL_MUSCLES_FILE.exists():
        return set()
    data = read_yaml(CANONICAL_MUSCLES_FILE)
    return {m["id"] for m in data.get("muscles", [])}


def _check_muscle(v: _Validator, rel: str, doc: dict[str, Any]) -> None:
    mid = doc["id"]
    if not isinstance(doc.get("version"), int):
        v.add(rel, mid, "version", "an integer version is required")
    if not doc.get("name"):
        v.add(rel, mid, "name", "a display name is required")
    for block_name, fields in MUSCLE_TEXT_FIELDS.items():
        block = doc.get(block_name)
        if not isinstance(block, dict):
            v.add(rel, mid, block_name, "missing")
            continue
        for name in fields:
            if not block.get(name):
                v.add(rel, mid, f"{block_name}.{name}", "missing")
        v.check_sources(rel, mid, block_name, block)
    referral = doc.get("referral") or {}
    if not referral.get("primary"):
        v.add(rel, mid, "referral.primary", "at least one primary referral zone is required")
    for zone_kind in ("primary", "spillover"):
        for region in referral.get(zone_kind) or []:
            if region not in v.content.regions:
                v.add(rel, mid, f"referral.{zone_kind}", f"unknown region '{region}'")
    v.check_sources(rel, mid, "referral", referral)
    for block_name, kind in (("sensations", "sensation"), ("perpetuating", "activity")):
        block = doc.get(block_name) or {}
        for term in block.get("ids") or []:
            if term not in v.content.terms.get(kind, {}):
                v.add(rel, mid, f"{block_name}.ids", f"unknown {kind} '{term}'")
        v.check_sources(rel, mid, block_name, block)
    for index, item in enumerate(doc.get("habits") or []):
        v.check_sources(rel, mid, f"habits[{index}]", item)
    for index, item in enumerate(doc.get("cautions") or []):
        v.check_sources(rel, mid, f"cautions[{index}]", item)


def _load_muscles(v: _Validator, root: Path) -> None:
    for path in sorted((root / "muscles").glob("*.yml")):
        rel = str(path.relative_to(root))
        for doc in _entries(_read_yaml(path, v.problems), "muscles", rel, v.problems):
            if v.unique(v.content.muscles, rel, doc["id"], "muscle"):
                _check_muscle(v, rel, doc)
                v.content.muscles[doc["id"]] = doc
    missing = sorted(_canonical_muscle_ids() - set(v.content.muscles))
    for mid in missing:
        v.add("muscles/", mid, "", "canonical muscle from shared/kb/muscles.yml has no entry")


def _finding_groups(v: _Validator, rel: str, rid: str, doc: dict[str, Any]) -> tuple[tuple[str, ...], ...]:
    """`all_of` entries are findings or lists of alternatives; `any_of` is one list of alternatives."""
    findings = v.content.terms.get("finding", {})
    groups: list[tuple[str, ...]] = []
    for entry in doc.get("all_of") or []:
        groups.append(tuple(entry) if isinstance(entry, list) else (entry,))
    if doc.get("any_of"):
        groups.append(tuple(doc["any_of"]))
    for key in ("none_of",):
        for finding in doc.get(key) or []:
            if finding not in findings:
                v.add(rel, rid, key, f"unknown finding '{finding}'")
    for group in groups:
        for finding in group:
            if finding not in findings:
                v.add(rel, rid, "all_of/any_of", f"unknown finding '{finding}'")
    return tuple(groups)


def _load_rules(v: _Validator, root: Path) -> None:
    for path in sorted((root / "red_flags").glob("*.yml")):
        _load_rule_file(v, root, path)


def _load_rule_file(v: _Validator, root: Path, path: Path) -> None:
    rel = str(path.relative_to(root))
    for doc in _entries(_read_yaml(path, v.problems), "rules", rel, v.problems):
        rid = doc["id"]
        if not v.unique(v.content.rules, rel, rid, "rule"):
            continue
        if doc.get("level") not in TRIAGE_LEVELS:
            v.add(rel, rid, "level", f"level must be one of {', '.join(TRIAGE_LEVELS)}")
        groups = _finding_groups(v, rel, rid, doc)
        for group in doc.get("complaint") or []:
            if group not in REGION_GROUPS:
                v.add(rel, rid, "complaint", f"unknown region group '{group}'")
        for region in doc.get("complaint_regions") or []:
            if region not in v.content.regions:
                v.add(rel, rid, "complaint_regions", f"unknown region '{region}'")
        for item in doc.get("guideline") or []:
            if item not in v.content.guidelines:
                v.add(rel, rid, "guideline", f"unknown guideline item '{item}'")
        if not doc.get("message"):
            v.add(rel, rid, "message", "a rule needs a message for the person")
        elif _EMERGENCY_NUMBER_WRITTEN.search(str(doc["message"])):
            v.add(rel, rid, "message", "write {emergency_number} for the clinic's emergency number "
                                       "(BOT_EMERGENCY_NUMBER): 999 is wrong outside the UK")
        v.check_sources(rel, rid, "", doc)
        v.content.rule_docs[rid] = doc
        v.content.rules[rid] = RedFlagRule(
            id=rid,
            title=str(doc.get("title") or rid),
            level=TriageLevel.parse(doc.get("level")),
            message=str(doc.get("message") or ""),
            tell_them=str(doc.get("tell_them") or ""),
            groups=groups,
            none_of=tuple(doc.get("none_of") or ()),
            complaint=tuple(doc.get("complaint") or ()),
            complaint_regions=tuple(doc.get("complaint_regions") or ()),
            age_at_least=doc.get("age_at_least"),
            age_below=doc.get("age_below"),
            duration_weeks_at_least=doc.get("duration_weeks_at_least"),
            intensity_at_least=doc.get("intensity_at_least"),
            guideline=tuple(doc.get("guideline") or ()),
            sources=tuple(v.content.source_ref(s) for s in doc.get("sources") or ()),
        )


def _load_guidance(v: _Validator, root: Path) -> None:
    path = root / "guidance.yml"
    rel = str(path.relative_to(root))
    data = _read_yaml(path, v.problems) if path.exists() else {}
    v.content.guidance = data if isinstance(data, dict) else {}
    findings = v.content.terms.get("finding", {})
    for caution in v.content.guidance.get("general_cautions") or []:
        v.check_sources(rel, str(caution.get("id")), "", caution)
        for finding in caution.get("personal_findings") or []:
            if finding not in findings:
                v.add(rel, str(caution.get("id")), "personal_findings", f"unknown finding '{finding}'")


def _load_screening(v: _Validator, root: Path) -> None:
    """Safety questions (screening/*.yml): yes/no questions whose "yes" is a finding."""
    findings = v.content.terms.get("finding", {})
    seen: dict[str, Any] = {}
    for path in sorted((root / "screening").glob("*.yml")):
        rel = str(path.relative_to(root))
        for doc in _entries(_read_yaml(path, v.problems), "questions", rel, v.problems):
            qid = doc["id"]
            if not v.unique(seen, rel, qid, "screening question"):
                continue
            seen[qid] = doc
            if doc.get("finding") not in findings:
                v.add(rel, qid, "finding", f"unknown finding '{doc.get('finding')}'")
            for group in doc.get("complaint") or []:
                if group not in REGION_GROUPS:
                    v.add(rel, qid, "complaint", f"unknown region group '{group}'")
            for finding in doc.get("when_findings") or []:
                if finding not in findings:
                    v.add(rel, qid, "when_findings", f"unknown finding '{finding}'")
            if not str(doc.get("text") or "").rstrip().endswith("?"):
                v.add(rel, qid, "text", "a screening question must be a yes/no question ending in '?'")
            if not doc.get("explain"):
                v.add(rel, qid, "explain", "say in plain words what the question means, for \"what do you mean?\"")
            if not doc.get("complaint") and not doc.get("concern_only"):
                v.add(rel, qid, "complaint", "a question needs the body areas it is asked for (or concern_only)")
            v.check_sources(rel, qid, "", doc)
            v.content.screening.append(ScreeningQuestion(
                id=qid, complaint=tuple(doc.get("complaint") or ()), finding=str(doc.get("finding")),
                text=str(doc.get("text") or ""), explain=str(doc.get("explain") or ""),
                priority=int(doc.get("priority", 50)), concern_only=bool(doc.get("concern_only")),
                when_age_at_least=doc.get("when_age_at_least"),
                when_findings=tuple(doc.get("when_findings") or ())))
    for concept in v.content.concepts.values():
        if concept.concern and concept.concern not in seen:
            v.add("vocabulary/concepts", concept.id, "concern", f"unknown screening question '{concept.concern}'")


def _check_variant_limits(v: _Validator) -> None:
    """A phrase that expands to more than MAX_VARIANTS would be cut short, silently losing words."""
    from core.phrases import MAX_VARIANTS, variant_count

    tables: list[tuple[str, Iterable[Any]]] = [("region", v.content.regions.values())]
    tables += [(kind, terms.values()) for kind, terms in v.content.terms.items()]
    tables += [("concept", v.content.concepts.values())]
    for kind, entries in tables:
        for entry in entries:
            for phrase in (*entry.phrases, *getattr(entry, "exact", ())):
                if variant_count(phrase) > MAX_VARIANTS:
                    v.add(f"vocabulary/{kind}", entry.id, "phrases",
                          f"'{phrase[:60]}...' makes {variant_count(phrase)} variants (at most {MAX_VARIANTS}): "
                          "split it into several phrases")


def _check_phrase_clashes(v: _Validator) -> None:
    """Each phrase must name one thing only, or the bot cannot know what was meant."""
    from core.phrases import expand

    owner: dict[str, str] = {}
    tables: list[tuple[str, Iterable[Any]]] = [("region", v.content.regions.values())]
    tables += [(kind, terms.values()) for kind, terms in v.content.terms.items()]
    for kind, entries in tables:
        for entry in entries:
            for phrase in entry.phrases:
                for variant in expand(phrase):
                    key = variant
                    label = f"{kind}:{entry.id}"
                    if key in owner and owner[key] != label:
                        v.add(f"vocabulary/{kind}", entry.id, "phrases",
                              f"phrase '{variant}' also belongs to {owner[key]}")
                    owner.setdefault(key, label)


def load_content(root: Path = CONTENT_DIR) -> Content:
    """Load and validate everything; raise ContentError listing every problem."""
    v = _Validator()
    _load_sources(v, root)
    _load_regions(v, root)
    _load_terms(v, root)
    _load_vague(v, root)
    _load_concepts(v, root)
    _load_muscles(v, root)
    _load_guidelines(v, root)
    _load_rules(v, root)
    _load_guidance(v, root)
    _load_screening(v, root)
    _check_phrase_clashes(v)
    _check_variant_limits(v)
    v.content.files = {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*.yml"))
    }
    if v.problems:
        raise ContentError(v.problems)
    return v.content


def content_hash(root: Path = CONTENT_DIR) -> str:
    """A short hash of every content file: changes whenever any fact changes."""
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.yml")):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
