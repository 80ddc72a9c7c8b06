"""Command line for content editors: `python -m kb check|export|show|seed|redflags`."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from kb.content import ContentError, load_content


def _check() -> int:
    try:
        content = load_content()
    except ContentError as error:
        print(f"{len(error.problems)} problem(s):")
        for problem in error.problems:
            print(f"  - {problem}")
        return 1
    sourced = sum(1 for m in content.muscles.values() if (m.get("referral") or {}).get("sources"))
    print("kb/content is valid:")
    print(f"  {len(content.muscles)} muscles ({sourced} with sourced referral maps)")
    print(f"  {len(content.regions)} body regions, "
          f"{sum(len(r.phrases) for r in content.regions.values())} lay phrases")
    for kind, terms in content.terms.items():
        print(f"  {len(terms)} {kind} terms, {sum(len(t.phrases) for t in terms.values())} phrases")
    print(f"  {len(content.concepts)} concepts, {len(content.guidelines)} guideline items")
    print(f"  {len(content.rules)} red-flag rules, {len(content.sources)} sources")
    return 0


def _export() -> int:
    content = load_content()
    muscles: list[dict[str, Any]] = []
    for doc in content.muscles.values():
        referral = doc.get("referral") or {}
        refs = [s for block in doc.values() if isinstance(block, dict) for s in block.get("sources") or []]
        muscles.append({
            "id": doc["id"], "version": doc["version"], "name": doc["name"],
            "primary_zones": referral.get("primary") or [], "spillover_zones": referral.get("spillover") or [],
            "technique": {k: v for k, v in (doc.get("technique") or {}).items() if k != "sources"},
            "stretch": (doc.get("stretch") or {}).get("text"),
            "cautions": [c.get("text") for c in doc.get("cautions") or []],
            "sources": sorted({content.source_ref(s).label() for s in refs}),
        })
    print(json.dumps({"muscles": muscles}, indent=2, ensure_ascii=False))
    return 0


def _show(muscle_id: str) -> int:
    content = load_content()
    doc = content.muscles.get(muscle_id)
    if doc is None:
        print(f"Unknown muscle '{muscle_id}'. Known: {', '.join(sorted(content.muscles))}", file=sys.stderr)
        return 1
    names = {r.id: r.name for r in content.regions.values()}
    referral = doc.get("referral") or {}
    technique = doc.get("technique") or {}
    lines = [f"{doc['name']} ({doc['id']}, v{doc['version']})", "", str(doc.get("summary") or ""), "",
             "Trigger points: " + str((doc.get("trigger_points") or {}).get("text", "")),
             "Refers pain to: " + ", ".join(names.get(r, r) for r in referral.get("primary") or []),
             "Spills over to: " + (", ".join(names.get(r, r) for r in referral.get("spillover") or []) or "-"),
             "", "Self-massage:"]
    lines += [f"  {key}: {technique[key]}" for key in ("tool", "position", "find", "pressure", "duration", "frequency")
              if technique.get(key)]
    lines += ["", "Stretch: " + str((doc.get("stretch") or {}).get("text", "")), "", "Cautions:"]
    lines += [f"  - {c.get('text')}" for c in doc.get("cautions") or []] or ["  - none specific"]
    refs = {content.source_ref(s).label() for block in doc.values() if isinstance(block, dict)
            for s in block.get("sources") or []}
    lines += ["", "Sources:"] + [f"  - {r}" for r in sorted(refs)]
    print("\n".join(lines))
    return 0


def _seed(url: str | None) -> int:
    from core.settings import settings
    from kb.database import engine_for
    from kb.seed import seed

    target = url or settings().kb_url
    try:
        report = seed(engine_for(target), progress=lambda m: print(f"  {m}", flush=True))
    except ContentError as error:
        print(error, file=sys.stderr)
        return 1
    state = "updated" if report.changed else "already up to date"
    print(f"Seeded {report.muscles} muscles, {report.regions} regions, {report.red_flags} rules ({state}).")
    return 0


def _redflags(markdown_out: str | None, markdown: bool) -> int:
    from pathlib import Path

    from kb.redflags import coverage, coverage_problems, load_cases
    from kb.redflags import markdown as render

    content = load_content()
    report = coverage(content, load_cases())
    problems = coverage_problems(report, content)
    if markdown:
        text = render(report, content)
        if markdown_out:
            Path(markdown_out).write_text(text, encoding="utf-8")
            print(f"Wrote {markdown_out} ({len(report.rows)} guideline items)")
        else:
            print(text)
    else:
        print(f"{len(report.rows)} guideline items, {len(content.rules)} rules")
    for problem in problems:
        print(f"  - {problem}", file=sys.stderr)
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    """Dispatch the subcommands."""
    parser = argparse.ArgumentParser(prog="python -m kb", description="Knowledge-base tools")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="validate every content file; print counts and problems")
    export = sub.add_parser("export", help="print every muscle with zones, technique, cautions, sources")
    export.add_argument("--json", action="store_true", help="JSON output (the only format)")
    show = sub.add_parser("show", help="a readable card for one muscle")
    show.add_argument("muscle_id")
    seed = sub.add_parser("seed", help="validate, migrate and upsert into the database")
    seed.add_argument("--url", help="database URL (default: BOT_DATABASE_URL or the SQLite file)")
    redflags = sub.add_parser("redflags", help="the red-flag catalogue: guideline items, rules, questions, tests")
    redflags.add_argument("--markdown", action="store_true", help="render the review document")
    redflags.add_argument("--out", default="docs/red-flags.md", help="where to write it (with --markdown)")
    args = parser.parse_args(argv)
    if args.command == "redflags":
        return _redflags(args.out, args.markdown)
    if args.command == "check":
        return _check()
    if args.command == "export":
        return _export()
    if args.command == "show":
        return _show(args.muscle_id)
    return _seed(args.url)


if __name__ == "__main__":
    sys.exit(main())
