"""Body-map pictures (SVG): where the person hurts, and where a suggested muscle refers pain.

Drawn from the knowledge base's region shapes on a simple front and back outline (each 200 x 440,
side by side). Painful regions are outlined in red; the muscle's primary zones are solid and its
spillover zones lighter, the way referral maps are usually read. Pure string building: no
drawing library, safe to call from the CLI and the action server.
"""

from __future__ import annotations

from html import escape
from typing import Any, Iterable

from bot.engine.knowledge import knowledge

__all__ = ["render_assessment_svg", "render_body_map"]

WIDTH, HEIGHT, GAP = 200, 440, 40
PAIN = "#c62828"
PRIMARY = "#1565c0"
SPILLOVER = "#90caf9"

# A plain silhouette, the same for both views (front on the left, back on the right).
_OUTLINE = (
    '<circle cx="100" cy="42" r="30"/>'
    '<rect x="88" y="70" width="24" height="18" rx="6"/>'
    '<path d="M52 92 Q100 80 148 92 L152 230 Q100 246 48 230 Z"/>'
    '<path d="M52 94 L30 190 L22 262 L34 264 L46 192 L62 120 Z"/>'
    '<path d="M148 94 L170 190 L178 262 L166 264 L154 192 L138 120 Z"/>'
    '<path d="M52 228 L58 330 L62 420 L86 424 L92 330 L98 240 Z"/>'
    '<path d="M148 228 L142 330 L138 420 L114 424 L108 330 L102 240 Z"/>'
)


def _shape(region_id: str, view: str, side: str | None, sided: bool) -> list[tuple[float, float, float, float]]:
    """Ellipses for one region in one view; shapes are stored for the person's right side."""
    shape = (knowledge().region_shapes.get(region_id) or {}).get(view)
    if not shape:
        return []
    cx, cy, rx, ry = float(shape["cx"]), float(shape["cy"]), float(shape["rx"]), float(shape["ry"])
    mirrored = (WIDTH - cx, cy, rx, ry)
    if not sided or abs(cx - WIDTH / 2) < 1:
        return [(cx, cy, rx, ry)]
    if side == "right":
        return [(cx, cy, rx, ry)]
    if side == "left":
        return [mirrored]
    return [(cx, cy, rx, ry), mirrored]


def _ellipses(regions: Iterable[tuple[str, str | None]], style: str) -> str:
    sided = knowledge().sided_regions
    regions = list(regions)  # read once per view: a generator would be empty for the back view
    parts = []
    for offset, view in ((0, "front"), (WIDTH + GAP, "back")):
        for region, side in regions:
            for cx, cy, rx, ry in _shape(region, view, side, region in sided):
                parts.append(f'<ellipse cx="{cx + offset:.0f}" cy="{cy:.0f}" rx="{rx:.0f}" ry="{ry:.0f}" {style}/>')
    return "".join(parts)


def render_body_map(
    pain: Iterable[tuple[str, str | None]],
    primary: Iterable[str] = (),
    spillover: Iterable[str] = (),
    *,
    title: str = "Body map",
) -> str:
    """An accessible SVG: the title doubles as the text alternative."""
    pain = list(pain)
    total = 2 * WIDTH + GAP
    back = f'translate({WIDTH + GAP} 0)'
    outline = (f'<g fill="#f4f1ec" stroke="#8d8478" stroke-width="2">{_OUTLINE}</g>'
               f'<g transform="{back}" fill="#ece8e1" stroke="#8d8478" stroke-width="2">{_OUTLINE}</g>')
    zones = (_ellipses(((r, None) for r in spillover), f'fill="{SPILLOVER}" fill-opacity="0.55"')
             + _ellipses(((r, None) for r in primary), f'fill="{PRIMARY}" fill-opacity="0.75"'))
    hurts = _ellipses(pain, f'fill="none" stroke="{PAIN}" stroke-width="3" stroke-dasharray="5 3"')
    labels = (f'<text x="{WIDTH / 2}" y="{HEIGHT + 14}" text-anchor="middle">Front</text>'
              f'<text x="{WIDTH * 1.5 + GAP}" y="{HEIGHT + 14}" text-anchor="middle">Back</text>')
    legend = (f'<g font-size="11"><rect x="4" y="{HEIGHT + 24}" width="12" height="12" fill="none" stroke="{PAIN}" '
              f'stroke-width="2"/><text x="20" y="{HEIGHT + 34}">where it hurts</text>'
              f'<rect x="120" y="{HEIGHT + 24}" width="12" height="12" fill="{PRIMARY}"/>'
              f'<text x="136" y="{HEIGHT + 34}">main referral zone</text>'
              f'<rect x="260" y="{HEIGHT + 24}" width="12" height="12" fill="{SPILLOVER}"/>'
              f'<text x="276" y="{HEIGHT + 34}">spillover</text></g>')
    safe_title = escape(title)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{total}" height="{HEIGHT + 44}" '
            f'viewBox="0 0 {total} {HEIGHT + 44}" role="img" '
            f'aria-label="{safe_title}" font-family="sans-serif" font-size="12"><title>{safe_title}</title>'
            f'{outline}{zones}{hurts}{labels}{legend}</svg>')


def render_assessment_svg(result: dict[str, Any]) -> str:
    """The picture for `python -m bot assess --svg`: pain plus the top candidate's zones."""
    pain = [(r["id"], r["side"]) for r in result["report"]["regions"]]
    top = result["candidate_muscles"][0] if result["candidate_muscles"] else None
    profile = next((m for m in knowledge().muscles if top and m.id == top["id"]), None)
    names = knowledge().region_names
    where = ", ".join(names.get(r, r) for r, _s in pain) or "no region stated"
    title = f"Pain at: {where}" + (f". Referral pattern of the {profile.name.lower()}" if profile else "")
    return render_body_map(pain, profile.primary if profile else (), profile.spillover if profile else (),
                           title=title)
