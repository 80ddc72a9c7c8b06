"""`make stories`: Rasa's test stories, strict, with dependencies' deprecation warnings kept out of the output.

`rasa test` resets Python's warning filters when it starts, so the Makefile's
`PYTHONWARNINGS=ignore::DeprecationWarning` does not reach it and every run printed some forty lines of
TensorFlow, pkg_resources, SQLAlchemy and pyparsing deprecations. Showing a warning goes through
`warnings.showwarning`, which a reset leaves alone: this drops the deprecations there and shows the rest.
"""

from __future__ import annotations

import sys
import warnings
from typing import Any, TextIO

__all__ = ["main"]

_SHOW = warnings.showwarning


def _is_deprecation(category: type[Warning]) -> bool:
    """DeprecationWarning and its relatives, including libraries' own kinds (PyparsingDeprecationWarning,
    SQLAlchemy's MovedIn20Warning)."""
    return issubclass(category, (DeprecationWarning, PendingDeprecationWarning)) or \
        category.__name__.endswith("DeprecationWarning") or category.__name__.startswith("MovedIn")


def _show_unless_deprecation(message: Warning | str, category: type[Warning], filename: str, lineno: int,
                             file: TextIO | None = None, line: str | None = None) -> None:
    if not _is_deprecation(category):
        _SHOW(message, category, filename, lineno, file, line)


def main(argv: list[str] | None = None) -> Any:
    """Run `rasa test core` with the given arguments."""
    warnings.showwarning = _show_unless_deprecation
    from rasa.__main__ import main as rasa_main

    sys.argv = ["rasa", "test", "core", *(sys.argv[1:] if argv is None else argv)]
    return rasa_main()


if __name__ == "__main__":
    sys.exit(main())
