"""The pressure loop of self-massage coaching, on the pain/pleasure scale.

Target: a "good hurt" of about 5-7 out of 10 (practitioner consensus; no trial fixes the number),
3-5 after a personal caution (a moderate 5 at most: gentle, never deep). Sharp, stabbing, burning, tingling,
shooting or electric feelings, or numbness, mean stop. Pure: the reading of the person's reply in, the next step
(a kind and the numbers it needs) out; the words are domain responses (domain/coaching.yml).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from core.types import Pressure, PressureReading

__all__ = ["LIGHT_HIGH", "LIGHT_LOW", "STOP_SENSATIONS", "TARGET_HIGH", "TARGET_LOW", "PressureStep", "Step",
           "next_pressure_step", "target_band"]

TARGET_LOW, TARGET_HIGH = 5, 7
LIGHT_LOW, LIGHT_HIGH = 3, 5  # when a personal caution rules out deep pressure: up to a moderate 5
STOP_SENSATIONS = frozenset({"sharp", "stabbing", "burning", "tingling", "numb", "shooting", "electric"})


class Step(Enum):
    """The coach's next move; `utter_pressure_<value>` is its response."""

    MORE = "more"
    MORE_LIGHT = "more_light"
    MORE_LEVEL = "more_level"
    LESS = "less"
    LESS_LEVEL = "less_level"
    TOOL_TIRED = "less_tool_tired"
    HOLD = "hold"
    HOLD_LEVEL = "hold_level"
    STOP = "stop"
    ASK = "ask"

    @property
    def done(self) -> bool:
        """The right level was found: hold, then stretch and habits."""
        return self in (Step.HOLD, Step.HOLD_LEVEL)

    @property
    def ends_loop(self) -> bool:
        return self.done or self is Step.STOP


@dataclass(frozen=True)
class PressureStep:
    """What to do next and the pressure level it assumes."""

    step: Step
    level: float | None = None

    @property
    def response(self) -> str:
        return f"utter_pressure_{self.step.value}"


def target_band(light: bool) -> tuple[int, int]:
    """The pressure band to aim for: the usual good hurt, or light pressure after a caution."""
    return (LIGHT_LOW, LIGHT_HIGH) if light else (TARGET_LOW, TARGET_HIGH)


def next_pressure_step(reading: PressureReading, *, light: bool = False) -> PressureStep:
    """Map the person's reply onto the scale: stop signs, then a stated level, then the direction."""
    low, high = target_band(light)
    direction, level = reading.direction, reading.level
    if direction is Pressure.STOP:
        return PressureStep(Step.STOP, level)
    if direction is Pressure.TOOL_TIRED:
        return PressureStep(Step.TOOL_TIRED, level)
    if level is not None:
        if level > high:
            return PressureStep(Step.LESS_LEVEL, level)
        if level < low:
            return PressureStep(Step.MORE_LEVEL, level)
        if direction is Pressure.LESS:
            return PressureStep(Step.LESS, level)  # "ok thats a 7 bit too much": at the top and wincing, ease off
        return PressureStep(Step.HOLD_LEVEL, level)
    if direction is Pressure.MORE:
        return PressureStep(Step.MORE_LIGHT if light else Step.MORE)
    if direction is Pressure.LESS:
        return PressureStep(Step.LESS)
    if direction in (Pressure.GOOD, Pressure.DONE):
        return PressureStep(Step.HOLD, (low + high) / 2)
    return PressureStep(Step.ASK)
