"""What every command says on the terminal: problems, counts, and MkDocs' own log.

Problems and results go to stdout, one per line, so that they can be piped; everything
said about them goes to stderr, each line starting with `mentorsite: `.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Iterable
from pathlib import Path

from mentorsite.adapters.mkdocs.engine import logger_name
from mentorsite.adapters.mkdocs.project import project_paths
from mentorsite.content import Content, load_content
from mentorsite.problems import Problem

# What a plain install leaves out, by the module a command found missing: the extra of
# pyproject.toml that brings it, what needs it, and what to do instead, if anything.
OPTIONAL_MODULES = {
    "scipy": ("match", "mentorsite match needs SciPy and NumPy", ""),
    "numpy": ("match", "mentorsite match needs SciPy and NumPy", ""),
    "openpyxl": ("xlsx", "reading an Excel workbook needs openpyxl", ", or save the sheet as CSV"),
}


def existing_config_file(args: argparse.Namespace) -> Path | None:
    """The project's mkdocs.yml that `-f` names; None, once said, when there is none."""
    config_file = Path(args.config_file).resolve()
    if not config_file.is_file():
        say(
            f"error: {args.config_file} not found; run mentorsite in the project's folder "
            "or give -f FILE"
        )
        return None
    return config_file


def missing_extra(error: BaseException) -> str | None:
    """What to install, in one line, when `error` is a module of an extra not installed."""
    if not isinstance(error, ModuleNotFoundError) or not error.name:
        return None
    found = OPTIONAL_MODULES.get(error.name.partition(".")[0])
    if found is None:
        return None
    extra, needs, instead = found
    return f"{needs}, which is not installed: pip install 'mentorsite[{extra}]'{instead}"


def say(message: str) -> None:
    """One line on stderr, as mentorsite's own."""
    print(f"mentorsite: {message}", file=sys.stderr)


def print_problems(problems: Iterable[Problem], *, style: str = "text") -> None:
    """Each problem on a line of stdout: PATH:LINE:COL: error: MESSAGE, or as a GitHub
    Actions annotation when `style` is "github"."""
    for problem in problems:
        print(problem.annotation() if style == "github" else problem)


def count(number: int, noun: str) -> str:
    """`number` with `noun`, plural unless it is one: "1 error", "2 errors"."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def valid_content(args: argparse.Namespace) -> Content | None:
    """The project's content for the commands that need all of it valid; or, printing its
    errors, None."""
    result = load_content(project_paths(Path(args.config_file).resolve()))
    if result.content is None:
        print_problems(result.errors)
        say("the content has errors; run mentorsite check")
    return result.content


class _Said(logging.Filter):
    """Drops the plugin's repeat of problems that `check` has printed already."""

    def __init__(self, said: set[str]) -> None:
        super().__init__()
        self.said = said

    def filter(self, record: logging.LogRecord) -> bool:
        return record.getMessage().removeprefix("mentorsite: ") not in self.said


def show_mkdocs_log(already_said: set[str] | None = None) -> None:
    """The engine's log (MkDocs' or ProperDocs') on stderr, as `mkdocs build` shows it, less
    what was said already."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    if already_said:
        handler.addFilter(_Said(already_said))
    logger = logging.getLogger(logger_name())
    logger.handlers[:] = [handler]
    logger.setLevel(logging.INFO)
    logger.propagate = False
