"""Problems found in content: what went wrong, where, and how to say it to a person."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One finding, located in a file (line and column are 1-based; 0 means unknown)."""

    path: str
    line: int
    column: int
    severity: Severity
    message: str

    def __str__(self) -> str:
        where = one_line(self.path)
        if self.line:
            where += f":{self.line}:{self.column or 1}"
        return f"{where}: {self.severity.value}: {one_line(self.message)}"

    def annotation(self) -> str:
        """The problem as a GitHub Actions workflow command, shown at its line in a review."""
        where = f"file={_escape(self.path, property=True)}"
        if self.line:
            where += f",line={self.line},col={self.column or 1}"
        return f"::{self.severity.value} {where}::{_escape(self.message)}"

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(text: str) -> str:
    """`text` on one line: a control character (a line break above all) is shown escaped,
    as `\\n`, so that no value can start a line of its own that a CI system would obey."""
    return _CONTROL.sub(_escaped, text)


def _escaped(match: re.Match[str]) -> str:
    char = match.group()
    return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(
        char, f"\\x{ord(char):02x}" if ord(char) < 256 else f"\\u{ord(char):04x}"
    )


def _escape(text: str, *, property: bool = False) -> str:
    """Text for a workflow command, escaped as GitHub's own toolkit does it."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property else text


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """A suggestion suffix for a misspelt id or field name, or '' when nothing is close."""
    matches = difflib.get_close_matches(str(word), list(candidates), n=1, cutoff=0.6)
    return f"; did you mean '{matches[0]}'?" if matches else ""


def display_path(path: Path, root: Path) -> str:
    """The path as a user typed it: relative to the project root where possible."""
    try:  # the usual case, without resolve(): it costs a system call per part of the path
        return path.relative_to(root).as_posix()
    except ValueError:
        pass
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


class ProblemList:
    """Collects every problem of a run, so that all are reported together."""

    def __init__(self) -> None:
        self._items: list[Problem] = []

    def error(self, path: str, line: int, column: int, message: str) -> None:
        self._items.append(Problem(path, line, column, Severity.ERROR, message))

    def warning(self, path: str, line: int, column: int, message: str) -> None:
        self._items.append(Problem(path, line, column, Severity.WARNING, message))

    def extend(self, problems: Iterable[Problem]) -> None:
        self._items.extend(problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.sorted() if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.sorted() if not p.is_error]

    def sorted(self) -> list[Problem]:
        return sorted(set(self._items))

    def __len__(self) -> int:
        return len(self._items)
