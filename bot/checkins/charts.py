"""A small SVG line chart of pain over time for the widget (text trend elsewhere)."""

from __future__ import annotations

from html import escape
from typing import Sequence

from bot.checkins.plan import Outcome

__all__ = ["trend_chart_svg"]

W, H, PAD = 320, 160, 28


def trend_chart_svg(outcomes: Sequence[Outcome], baseline: int | None) -> str:
    """Pain 0-10 per check-in, starting from the score when check-ins were agreed."""
    values = ([baseline] if baseline is not None else []) + [o.pain_now for o in outcomes if o.pain_now is not None]
    labels = (["start"] if baseline is not None else []) + [
        f"{o.answered_at:%d %b}" for o in outcomes if o.pain_now is not None]
    step = (W - 2 * PAD) / max(len(values) - 1, 1)
    points = [(PAD + i * step, H - PAD - (v / 10) * (H - 2 * PAD)) for i, v in enumerate(values)]
    path = " ".join(f"{x:.0f},{y:.0f}" for x, y in points)
    dots = "".join(f'<circle cx="{x:.0f}" cy="{y:.0f}" r="4"/><text x="{x:.0f}" y="{H - 8}" '
                   f'text-anchor="middle" font-size="10">{escape(label)}</text>'
                   f'<text x="{x:.0f}" y="{y - 8:.0f}" text-anchor="middle" font-size="11">{v}</text>'
                   for (x, y), v, label in zip(points, values, labels, strict=True))
    title = "Pain over time: " + ", ".join(str(v) for v in values)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" '
            f'role="img" aria-label="{escape(title)}" '
            f'font-family="sans-serif"><title>{escape(title)}</title>'
            f'<line x1="{PAD}" y1="{H - PAD}" x2="{W - PAD}" y2="{H - PAD}" stroke="#999"/>'
            f'<line x1="{PAD}" y1="{PAD}" x2="{PAD}" y2="{H - PAD}" stroke="#999"/>'
            f'<text x="4" y="{PAD + 4}" font-size="10">10</text><text x="8" y="{H - PAD + 4}" font-size="10">0</text>'
            f'<polyline points="{path}" fill="none" stroke="#0b6e4f" stroke-width="2"/>'
            f'<g fill="#0b6e4f">{dots}</g></svg>')
