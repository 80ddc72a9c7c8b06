"""The pressure loop of self-massage coaching, on the pain/pleasure scale.

Target: a "good hurt" of about 5-7 out of 10 (practitioner consensus; no trial fixes the number).
Sharp, stabbing, burning, tingling, shooting or electric feelings, or numbness, mean stop. Pure:
feedback in, next step out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

__all__ = ["STOP_SENSATIONS", "TARGET_HIGH", "TARGET_LOW", "PressureStep", "next_pressure_step"]

TARGET_LOW, TARGET_HIGH = 5, 7
LIGHT_LOW, LIGHT_HIGH = 3, 4  # when a personal caution rules out deep pressure
STOP_SENSATIONS = frozenset({"sharp", "stabbing", "burning", "tingling", "numb", "shooting", "electric"})

_HOLD = ("Hold that pressure for 30 to 90 seconds, breathing slowly, or make 6 to 12 slow short "
         "strokes across the spot. It often eases as you hold; follow it a little deeper if so, "
         "staying at 5-7.")


@dataclass(frozen=True)
class PressureStep:
    """What to say next, the level it assumes, and whether the loop ends (done or stop)."""

    message: str
    level: float | None = None
    done: bool = False
    stop: bool = False


def target_band(light: bool) -> tuple[int, int]:
    """The pressure band to aim for: the usual good hurt, or light pressure after a caution."""
    return (LIGHT_LOW, LIGHT_HIGH) if light else (TARGET_LOW, TARGET_HIGH)


def next_pressure_step(intent: str, stated: str | None = None,
                       sensations: Iterable[str] = (), *, light: bool = False) -> PressureStep:
    """Map feedback onto the scale: stop signs first, then a stated number, then the intent."""
    low, high = target_band(light)
    band = f"{low} to {high}"
    if STOP_SENSATIONS & set(sensations) or intent == "pressure_stop":
        return PressureStep(
            "Stop pressing. Sharp, burning or tingling pain, or numbness, means this spot or this "
            "pressure is not right for self-massage. Let it settle; you can try lighter pressure "
            "a little away from that spot later. If it keeps happening, ask a physiotherapist to "
            "check it.", stop=True)
    if stated is not None:
        try:
            value = float(stated)
        except ValueError:
            value = -1
        if value > high:
            return PressureStep(f"{value:g} is more than you need. Ease off until it feels like a "
                                f"{band}, a good hurt rather than a wince.", level=value)
        if 0 <= value < low:
            return PressureStep(f"At {value:g} you can press a little deeper, slowly, until it "
                                f"reaches about {band}.", level=value)
        if low <= value <= high:
            return PressureStep(f"{value:g} out of 10 is right in the band to aim for. "
                                + _HOLD.replace("5-7", band), level=value, done=True)
    if intent == "pressure_more":
        if light:
            return PressureStep(f"Because of your caution, stay light: about {band} out of 10 is enough. "
                                "If you can't find a tender spot, move a finger's width around.")
        return PressureStep("Lean in a little more, slowly, until it feels like a strong but "
                            f"relieving {band}. If you can't find a tender spot, move a finger's "
                            "width around and try again.")
    if intent == "pressure_less":
        return PressureStep("Ease off a little. You should be able to breathe slowly and stay "
                            "relaxed; if you tense up or hold your breath, it is too much.")
    if intent == "pressure_good":
        return PressureStep("Good, that's the right level. " + _HOLD.replace("5-7", band),
                            level=(low + high) / 2, done=True)
    return PressureStep("Tell me how it feels: more, less, good, or stop.")
