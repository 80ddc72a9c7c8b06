"""Command line: `python -m bot assess|run|prepare|train|build-nlp`."""

from __future__ import annotations

import argparse
import os
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")


def _without_tensorflow() -> None:
    """The command line's language layer needs no TensorFlow, but thinc (under spaCy) imports it when
    it is installed, as it is for Rasa: seconds of a cold `assess`. Marking it absent in this process
    only makes thinc skip it; the Rasa servers are other processes and import it as usual."""
    sys.modules.setdefault("tensorflow", None)  # type: ignore[arg-type]


def _assess(args: argparse.Namespace) -> int:
    _without_tensorflow()
    from bot.cli.assess import assess, format_text, to_json

    text = " ".join(args.text) if args.text else sys.stdin.read()
    if not text.strip():
        print("Nothing to assess: give the text as an argument or on standard input.", file=sys.stderr)
        return 2
    result = assess(text)
    if args.svg:
        from bot.engine.bodymap import render_assessment_svg

        with open(args.svg, "w", encoding="utf-8") as handle:
            handle.write(render_assessment_svg(result))
    print(to_json(result) if args.json else format_text(result))
    return 0


def main(argv: list[str] | None = None) -> int:
    """Dispatch the subcommands."""
    parser = argparse.ArgumentParser(prog="python -m bot", description="Pain coach assistant (not a diagnosis)")
    sub = parser.add_subparsers(dest="command", required=True)
    assess = sub.add_parser("assess", help="triage and likely source muscles for a text")
    assess.add_argument("text", nargs="*", help="what the person says (or pass it on stdin)")
    assess.add_argument("--json", action="store_true", help="print JSON")
    assess.add_argument("--svg", metavar="FILE", help="also write a body map picture")
    sub.add_parser("run", help="prepare and run every process in the foreground (make run)")
    sub.add_parser("prepare", help="build the pipeline, seed the knowledge base, train if needed")
    train = sub.add_parser("train", help="train the Rasa model if its inputs changed")
    train.add_argument("--force", action="store_true")
    sub.add_parser("build-nlp", help="build the project's spaCy pipeline from the vocabulary")
    args = parser.parse_args(argv)
    from kb.content import ContentError

    try:
        return _dispatch(args)
    except ContentError as error:  # reviewed content with a mistake: say where, not a traceback
        print(f"{error}\nFix the entries named above, then check them with `python -m kb check`.", file=sys.stderr)
        return 2


def _dispatch(args: argparse.Namespace) -> int:
    """Run one subcommand."""
    if args.command == "assess":
        return _assess(args)
    if args.command == "run":
        from bot.runtime.run import main as run_main

        return run_main()
    if args.command == "prepare":
        from bot.runtime.run import prepare

        prepare()
        return 0
    if args.command == "train":
        from bot.runtime.training import ensure_model

        ensure_model(force=args.force)
        return 0
    from bot.nlp.build import main as build_main

    return build_main([])


if __name__ == "__main__":
    sys.exit(main())
