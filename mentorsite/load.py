"""Read YAML files into plain data, remembering where each value stood.

Only this module knows YAML. It uses a safe loader, refuses aliases (they can
expand exponentially when a structure is walked) and duplicate keys, and keeps
a cache keyed on each file's stamp so that a rebuild re-reads only what changed.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem, Severity

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Loc = tuple[str | int, ...]


@dataclass
class Document:
    """One parsed file: its data and the line and column of every key and value."""

    path: Path
    display: str
    data: Any
    values: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    def where(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        """The position of `loc`, or of its nearest enclosing value that has one."""
        if key and loc in self.keys:
            return self.keys[loc]
        for end in range(len(loc), -1, -1):
            position = self.values.get(loc[:end])
            if position:
                return position
        return (1, 1)

    def problem(
        self, loc: Loc, message: str, *, key: bool = False, severity: Severity = Severity.ERROR
    ) -> Problem:
        line, column = self.where(loc, key=key)
        return Problem(self.display, line, column, severity, message)


class _LoadError(Exception):
    def __init__(self, message: str, line: int = 0, column: int = 0) -> None:
        super().__init__(message)
        self.line, self.column = line, column


_cache: dict[Path, tuple[tuple[int, int], Document | Problem]] = {}


def read_document(path: Path, display: str) -> Document | Problem:
    """Parse one YAML file that must hold a mapping; a Problem says why it could not."""
    try:
        stat = path.stat()
    except OSError as error:
        return Problem(display, 0, 0, Severity.ERROR, f"cannot read the file: {error.strerror}")
    if path.is_dir():
        return Problem(
            display, 0, 0, Severity.ERROR, "is a folder, but a YAML file was expected here"
        )
    stamp = (stat.st_mtime_ns, stat.st_size)
    cached = _cache.get(path)
    if cached and cached[0] == stamp:
        return cached[1]
    result = _parse(path, display)
    _cache[path] = (stamp, result)
    return result


def _parse(path: Path, display: str) -> Document | Problem:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return Problem(
            display,
            0,
            0,
            Severity.ERROR,
            f"is not UTF-8 text (byte {error.start}); save it as UTF-8",
        )
    except OSError as error:
        return Problem(display, 0, 0, Severity.ERROR, f"cannot read the file: {error.strerror}")
    document = Document(path, display, None)
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            if node is None:
                raise _LoadError("the file is empty; expected fields such as 'name: ...'", 1, 1)
            _index(node, (), document, set())
            document.data = loader.construct_document(node)
        finally:
            loader.dispose()
    except _LoadError as error:
        return Problem(display, error.line, error.column, Severity.ERROR, str(error))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        what = error.problem or error.context or "is not valid YAML"
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        return Problem(display, line, column, Severity.ERROR, f"invalid YAML: {what}")
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as error:
        return Problem(display, 0, 0, Severity.ERROR, f"invalid YAML: {error}")
    if not isinstance(document.data, dict):
        kind = type(document.data).__name__
        found = {"list": "a list", "str": "a single text", "int": "a number"}.get(kind, kind)
        return Problem(
            display,
            1,
            1,
            Severity.ERROR,
            f"expected a mapping of fields (name: value), found {found}",
        )
    return document


def _position(node: yaml.Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _index(node: yaml.Node, loc: Loc, document: Document, seen: set[int]) -> None:
    """Record positions under `node`, refusing aliases and duplicate keys."""
    if id(node) in seen:
        line, column = _position(node)
        raise _LoadError(
            "YAML aliases (*name) are not supported; write the value out", line, column
        )
    seen.add(id(node))
    document.values[loc] = _position(node)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                line, column = _position(key_node)
                raise _LoadError("a field name must be plain text", line, column)
            key = key_node.value
            if key == "<<":
                line, column = _position(key_node)
                raise _LoadError("YAML merge keys (<<) are not supported", line, column)
            child = (*loc, key)
            if child in document.keys:
                line, column = _position(key_node)
                raise _LoadError(f"field '{key}' is given twice", line, column)
            document.keys[child] = _position(key_node)
            _index(value_node, child, document, seen)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _index(item, (*loc, index), document, seen)


def yaml_files(folder: Path) -> list[Path]:
    """The .yml and .yaml entries of a folder, sorted; folders of those names included."""
    if not folder.is_dir():
        return []
    return sorted(
        folder / name
        for name in os.listdir(folder)
        if name.endswith((".yml", ".yaml")) and not name.startswith(".")
    )
