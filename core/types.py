"""Plain, typed values that flow between the language layer, the knowledge base and the reasoning.

Nothing here knows about Rasa, spaCy or SQL: the engine takes these in and gives these out, so it
can be unit-tested and reused by the CLI, the action server and the dialogue policy alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from enum import Enum, IntEnum
from typing import Any, Iterable

__all__ = [
    "BARE_JOINT_WORDS",
    "Candidate",
    "FiredFlag",
    "Mention",
    "MuscleCard",
    "MuscleProfile",
    "PainReport",
    "Pressure",
    "PressureReading",
    "RedFlagRule",
    "SourceRef",
    "TriageLevel",
    "TriageResult",
]


class TriageLevel(IntEnum):
    """Triage levels ordered by severity, so `max()` gives the most serious one."""

    NONE = 0
    SEE_DOCTOR = 1
    URGENT = 2
    EMERGENCY = 3

    @property
    def slug(self) -> str:
        """The contract's spelling (`none`, `see_doctor`, `urgent`, `emergency`)."""
        return self.name.lower()

    @classmethod
    def parse(cls, value: object) -> TriageLevel:
        """Read a slot or file value; anything unknown counts as `none`."""
        if isinstance(value, str) and value.upper() in cls.__members__:
            return cls[value.upper()]
        return cls.NONE


@dataclass(frozen=True)
class SourceRef:
    """A citation: a source id from the catalogue plus where in it (chapter, section)."""

    ref: str
    where: str = ""
    title: str = ""
    url: str = ""

    def label(self) -> str:
        """Short human-readable citation."""
        text = self.title or self.ref
        return f"{text}, {self.where}" if self.where else text


@dataclass(frozen=True)
class Mention:
    """One thing the person said, with the clinical context of how they said it.

    `kind` is region, sensation, activity, timing, trigger_words, finding, intensity, duration, age or part (a word that
    says where in a vaguely named area: "the front", "outside bit"); `value` is the
    canonical id (or number as text). A mention only counts as a present finding when it is not
    negated, not hypothetical and about the person themselves.
    """

    kind: str
    value: str
    text: str = ""
    side: str | None = None
    negated: bool = False
    hypothetical: bool = False
    other_person: bool = False
    vague: bool = False  # a region named only by its area ("headache", "my back"): where exactly is not known
    sided: bool = True  # a region that has a left and a right (not the tailbone or the crown of the head)

    @property
    def present(self) -> bool:
        """True when the person states this as their own current experience."""
        return not (self.negated or self.hypothetical or self.other_person)

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form (stored with each message in the tracker's parse data)."""
        return {"kind": self.kind, "value": self.value, "text": self.text, "side": self.side,
                "negated": self.negated, "hypothetical": self.hypothetical, "other_person": self.other_person,
                "vague": self.vague, "sided": self.sided}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Mention:
        """Inverse of `to_dict`, tolerant of missing keys."""
        return cls(kind=str(data.get("kind", "")), value=str(data.get("value", "")), text=str(data.get("text", "")),
                   side=data.get("side"), negated=bool(data.get("negated")),
                   hypothetical=bool(data.get("hypothetical")), other_person=bool(data.get("other_person")),
                   vague=bool(data.get("vague")), sided=bool(data.get("sided", True)))


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


# Joints whose parts send pain from different muscles; the bare word names the commonest part. The forearm and the
# neck are read the same way: "forearm, palm side" is its front (the flexors), "neck ... the side bit" its side.
_JOINTS = frozenset({"knee", "elbow", "wrist", "hip", "forearm", "neck"})
BARE_JOINT_WORDS = frozenset({"knee", "knees", "elbow", "elbows", "wrist", "wrists", "hip", "hips",
                              "forearm", "forearms", "fore arm", "neck"})


def _family(region: str) -> str:
    """The place a region is a part of: "thigh_outer" and "thigh_front" are the thigh, "upper_arm_outer" the upper
    arm (not the upper back)."""
    return re.sub(r"_(?:front|back|outer|inner|side|top)$", "", region)


def _part_names(word: str) -> tuple[str, ...]:
    """A part as said and its head word: "outside bit" is the outside, "back part" the back, "front of it" the front."""
    head = re.sub(r"\s+(?:bit|bits|part|parts|area|side|one|of it|of that)$", "", word)
    return (word, head) if head != word else (word,)


@dataclass
class PainReport:
    """Everything known about the complaint so far, accumulated over the conversation."""

    regions: list[tuple[str, str | None]] = field(default_factory=list)
    sensations: list[str] = field(default_factory=list)
    activities: list[str] = field(default_factory=list)
    timings: list[str] = field(default_factory=list)  # when it is worse ("mornings"): not used for ranking
    trigger_words: list[str] = field(default_factory=list)  # what makes it worse, in words no vocabulary has
    findings: set[str] = field(default_factory=set)
    negated_findings: set[str] = field(default_factory=set)
    wondered: set[str] = field(default_factory=set)  # findings and concepts said as a worry or a question
    concepts: set[str] = field(default_factory=set)
    vague_regions: set[str] = field(default_factory=set)
    parts: list[str] = field(default_factory=list)  # "where exactly" words, in the order said
    generic_regions: set[str] = field(default_factory=set)  # named by the bare joint word ("knee"), so refinable
    intensity: int | None = None  # the latest score: how strong it is now
    highest_intensity: int | None = None  # the highest score said: what the red-flag rules read
    duration_days: float | None = None
    age: int | None = None
    # the places of the latest message that named any: a side said on its own later is theirs
    latest_places: set[str] = field(default_factory=set, repr=False, compare=False)
    # a side said before any place ("it hurts on the right"): the side of the next place named without one
    pending_side: str | None = field(default=None, repr=False, compare=False)
    # places that have no left or right (the crown of the head): an area's side is never theirs
    unsided_regions: set[str] = field(default_factory=set, repr=False, compare=False)

    def add(self, mention: Mention) -> None:
        """Fold one mention in; negated or hypothetical ones are remembered but never count.

        A finding or concept said as a worry or a question ("should I worry about numbness down
        there?") is `wondered`, not denied: the safety questions then ask about it rather than skip it.
        """
        if not mention.present:
            if mention.kind == "finding" and mention.negated:
                self.negated_findings.add(mention.value)
            elif mention.kind in {"finding", "concept"} and mention.hypothetical and not mention.other_person:
                self.wondered.add(mention.value)
            return
        if mention.kind == "region":
            mention = self._other_side_resolved(mention)
            if mention.vague and mention.value not in self.region_ids:
                self.vague_regions.add(mention.value)
            elif not mention.vague:
                self.vague_regions.discard(mention.value)
            side = mention.side
            if side is None and mention.sided and self.pending_side:
                side = self.pending_side  # "it hurts on the right" then "the front of my knee"
                mention = replace(mention, side=side)
            self.pending_side = None
            if not mention.sided:
                self.unsided_regions.add(mention.value)
            # "the outside of my elbow aches" then "I leaned on my elbow": the bare word names the joint already
            # held by its part, which stays exact (a later "funny bone" must not take its place)
            held_exactly = mention.value in self.region_ids and mention.value not in self.generic_regions
            if not self._refines_a_bare_joint(mention):
                self._add_region(mention.value, side)
            if (mention.text or "").lower().strip() in BARE_JOINT_WORDS and mention.value in self.region_ids \
                    and not held_exactly:
                self.generic_regions.add(mention.value)
        elif mention.kind == "sensation" and mention.value not in self.sensations:
            self.sensations.append(mention.value)
        elif mention.kind == "activity" and mention.value not in self.activities:
            self.activities.append(mention.value)
        elif mention.kind == "timing" and mention.value not in self.timings:
            self.timings.append(mention.value)
        elif mention.kind == "trigger_words" and mention.value not in self.trigger_words:
            self.trigger_words.append(mention.value)
        elif mention.kind == "part":
            self.parts.append(mention.value)
        elif mention.kind == "finding":
            self.findings.add(mention.value)
        elif mention.kind == "intensity":
            self.intensity = int(float(mention.value))
            self.highest_intensity = max(self.intensity, self.highest_intensity or 0)
        elif mention.kind == "duration" and _is_number(mention.value):
            # "unknown": an onset with no countable length ("since I moved house") leaves the days as they were
            self.duration_days = float(mention.value)
        elif mention.kind == "age":
            self.age = int(float(mention.value))
        elif mention.kind == "concept":
            self.concepts.add(mention.value)
        elif mention.kind == "side":
            self._set_side(mention.value)

    def add_message(self, mentions: Iterable[Mention]) -> None:
        """Fold in one message. A correction ("sorry, I meant my knee") replaces the places said before."""
        mentions = [self._other_side_resolved(m) for m in mentions]  # against the places held before a correction
        correcting = any(m.kind == "correction" and m.present for m in mentions)
        kept_side: str | None = None
        restated: dict[str, str] = {}
        if correcting and any(m.kind == "region" and m.present for m in mentions):
            sides = {side for _region, side in self.regions}
            kept_side = sides.pop() if len(sides) == 1 else None
            restated = self._places_said_again(mentions)
            self.regions.clear()
        for mention in mentions:
            self.add(mention)
        if restated:  # "I said right, I meant the LEFT thigh": the outside of the left thigh, as said before
            for region in restated:
                self.vague_regions.discard(region)
                self.generic_regions.discard(region)
            moved = [(restated.get(region, region), side) for region, side in self.regions]
            self.regions = [place for index, place in enumerate(moved) if place not in moved[:index]]
        named = {m.value for m in mentions if m.kind == "region" and m.present}
        if named:
            self.latest_places = named
        if kept_side and not any(m.side or m.kind == "side" for m in mentions if m.present):
            # "Actually it's more the knee cap itself, not the thigh": the place moved, the side did not
            self.regions = [(region, side or kept_side) for region, side in self.regions]

    def _other_side_resolved(self, mention: Mention) -> Mention:
        """"Sorry, it's the other shoulder" (a place said with the side "other"): the side opposite the one held for the
        same place, or for the places held when they share one; no side when none is known."""
        if mention.kind != "region" or mention.side != "other":
            return mention
        same_place = [side for region, side in self.regions if _family(region) == _family(mention.value)]
        sides = same_place or [side for _region, side in self.regions]
        held = sides[-1] if sides and (same_place or len(set(sides)) == 1) else None
        return replace(mention, side={"left": "right", "right": "left"}.get(held or ""))

    def _places_said_again(self, mentions: list[Mention]) -> dict[str, str]:
        """A correction that names a place held before by its bare word ("sorry, I mean my LEFT arm" after "the
        outside of my right upper arm"): the place held, by the region the bare word reads as (only the side
        changed)."""
        restated: dict[str, str] = {}
        for mention in mentions:
            word = (mention.text or "").lower().strip()
            if mention.kind != "region" or not mention.present or not (mention.vague or " " not in word):
                continue
            family = _family(mention.value)
            held = next((region for region, _side in self.regions if (region != mention.value or mention.vague)
                         and region not in self.vague_regions and _family(region) == family), None)
            if held and held not in {m.value for m in mentions if m.kind == "region" and m.present and m != mention}:
                restated[mention.value] = held
        return restated

    def _refines_a_bare_joint(self, mention: Mention) -> bool:
        """"My left knee" then "mostly on the inside of the knee": the inside of the left knee, not two places.
        A joint named by its bare word stands for its commonest part until a part of it is named."""
        family = mention.value.split("_")[0]
        if (mention.text or "").lower().strip() in BARE_JOINT_WORDS or family not in _JOINTS:
            return False
        for index, (region, side) in enumerate(self.regions):
            if region in self.generic_regions and region != mention.value and region.split("_")[0] == family:
                self.regions[index] = (mention.value, mention.side or side)
                self.generic_regions.discard(region)
                return True
        return False

    def _set_side(self, side: str) -> None:
        """A side said on its own ("the left one", "the other side") applies to the latest place, and to the places
        described with it that had the same side: "top of my right shoulder up by my neck" then "sorry, the other
        side" moves both to the left, the shoulder first."""
        if not self.regions:
            if side in {"left", "right", "both"}:
                self.pending_side = side  # for the next place named without a side
            return
        last = len(self.regions) - 1
        current = self.regions[last][1]
        if side == "other":
            side = {"left": "right", "right": "left"}.get(current or "", current or "")
        if side in {"left", "right", "both"}:  # "my neck and shoulders" then "Both sides": the neck too
            self.regions = [(region, side) if index == last or (
                region in self.latest_places and said in (current, None)) else (region, said)
                for index, (region, said) in enumerate(self.regions)]

    def _add_region(self, region: str, side: str | None) -> None:
        """One entry per region and side; a sided mention refines an earlier unsided one."""
        if (region, side) in self.regions:
            return
        if side is None and any(r == region for r, _s in self.regions):
            return
        if side is not None and (region, None) in self.regions:
            self.regions[self.regions.index((region, None))] = (region, side)
            return
        self.regions.append((region, side))

    def refine(self, vague_parts: dict[str, dict[str, str]]) -> PainReport:
        """Vague places made precise by the words said for them: "shoulder" then "at the front" is the
        front of the shoulder (vague_parts: vague region -> {part word: region}); the latest word wins."""
        refined: list[tuple[str, str | None]] = []
        for region, side in self.regions:
            refinable = region in self.vague_regions or region in self.generic_regions
            parts = vague_parts.get(region, {}) if refinable else {}
            target = next((parts[name] for word in reversed(self.parts) for name in _part_names(word) if name in parts),
                          None)
            if target is None:
                refined.append((region, side))
                continue
            self.vague_regions.discard(region)
            self.generic_regions.discard(region)
            if all(r != target for r, _s in refined):  # "top of both shoulders": the top is the vague place itself
                refined.append((target, side))
        self.regions = [place for index, place in enumerate(refined)
                        if all(place[0] != earlier for earlier, _s in refined[:index])]
        self._sides_from_areas(vague_parts)
        return self

    def _sides_from_areas(self, vague_parts: dict[str, dict[str, str]]) -> None:
        """"My heel hurts" then "right foot": an area named with a side, with nothing to say where in it, gives that
        side to the places held inside it that have none (the heel is part of the foot), so the side is not lost."""
        for area, side in list(self.regions):
            if side is None or area not in self.vague_regions:
                continue
            inside = set(vague_parts.get(area, {}).values()) - {area}
            self.regions = [(region, side) if held is None and region in inside and region not in self.vague_regions
                            and region not in self.unsided_regions else (region, held)
                            for region, held in self.regions]

    @classmethod
    def from_mentions(cls, mentions: Iterable[Mention]) -> PainReport:
        """Build a report from mentions in the order they were said."""
        report = cls()
        for mention in mentions:
            report.add(mention)
        return report

    @classmethod
    def from_messages(cls, messages: Iterable[Iterable[Mention]]) -> PainReport:
        """Build a report message by message, so corrections replace what they correct."""
        report = cls()
        for mentions in messages:
            report.add_message(mentions)
        return report

    @property
    def place_known(self) -> bool:
        """True when some region was named precisely, not only by its area ("headache")."""
        return any(region not in self.vague_regions for region, _side in self.regions)

    @property
    def region_ids(self) -> list[str]:
        """Canonical region ids without sides, in the order first mentioned."""
        seen: list[str] = []
        for region, _side in self.regions:
            if region not in seen:
                seen.append(region)
        return seen


@dataclass(frozen=True)
class RedFlagRule:
    """A reviewed red-flag rule from the knowledge base.

    It fires when every group in `groups` has at least one present finding (a group of one is a
    required finding; a larger group is a choice), none of `none_of` is present, the complaint is in
    one of the `complaint` region groups or `complaint_regions` (either list empty: any complaint),
    and the age, duration and intensity conditions hold (an unknown number never satisfies one).
    """

    id: str
    title: str
    level: TriageLevel
    message: str
    tell_them: str
    groups: tuple[tuple[str, ...], ...] = ()
    none_of: tuple[str, ...] = ()
    complaint: tuple[str, ...] = ()
    complaint_regions: tuple[str, ...] = ()
    age_at_least: int | None = None
    age_below: int | None = None
    duration_weeks_at_least: float | None = None
    intensity_at_least: int | None = None  # the 0-10 score said, e.g. a sudden headache scored 8
    guideline: tuple[str, ...] = ()
    sources: tuple[SourceRef, ...] = ()

    @property
    def findings(self) -> frozenset[str]:
        """Every finding the rule can use."""
        return frozenset(f for group in self.groups for f in group)

    def message_for(self, emergency_number: str) -> str:
        """The message with the clinic's emergency number: rules write `{emergency_number}`, never 999."""
        return self.message.replace("{emergency_number}", emergency_number)


@dataclass(frozen=True)
class FiredFlag:
    """A rule that matched, with the findings that made it fire."""

    rule: RedFlagRule
    because: tuple[str, ...]


@dataclass(frozen=True)
class TriageResult:
    """The triage decision: the level and every rule behind it, most serious first."""

    level: TriageLevel
    flags: tuple[FiredFlag, ...] = ()

    @property
    def top(self) -> FiredFlag | None:
        """The most serious fired rule, if any."""
        return self.flags[0] if self.flags else None


@dataclass(frozen=True)
class MuscleProfile:
    """What the ranking needs to know about a muscle, read from the knowledge base."""

    id: str
    name: str
    primary: tuple[str, ...]
    spillover: tuple[str, ...] = ()
    sensations: tuple[str, ...] = ()
    perpetuating: tuple[str, ...] = ()
    sources: tuple[SourceRef, ...] = ()


@dataclass(frozen=True)
class MuscleCard:
    """Everything the coaching needs about one muscle, with resolved citations."""

    id: str
    name: str
    summary: str
    trigger_points: str
    technique: dict[str, str]
    stretch: str
    habits: tuple[str, ...]
    cautions: tuple[dict[str, str], ...]
    primary: tuple[str, ...]
    spillover: tuple[str, ...]
    sources: tuple[SourceRef, ...] = field(default_factory=tuple)
    self_massage: bool = True  # False: information and referral only (deep, or beside vessels or nerves)


@dataclass(frozen=True)
class Candidate:
    """A ranked candidate muscle with the plain-language reason it was chosen."""

    muscle: MuscleProfile
    score: float
    reason: str
    matched_primary: tuple[str, ...] = ()
    matched_spillover: tuple[str, ...] = ()
    matched_activities: tuple[str, ...] = ()


class Pressure(Enum):
    """What a reply in the pressure loop asks the coach to do."""

    MORE = "more"
    LESS = "less"
    GOOD = "good"
    STOP = "stop"
    DONE = "done"
    TOOL_TIRED = "tool_tired"
    UNCLEAR = "unclear"


@dataclass(frozen=True)
class PressureReading:
    """The direction, and the 0-10 level when one was given."""

    direction: Pressure
    level: float | None = None
