"""Read YAML files into plain data, remembering where each value stood.

Only this module knows YAML. It reads regular files only, and only those that lie
where they are expected (a symlink that leads out of content/ is refused), up to a
size limit; it uses a safe loader, refuses aliases (they can expand exponentially
when a structure is walked), duplicate keys, explicit tags other than the core
ones and very long lists, and keeps a cache keyed on each file's stamp so that a
rebuild re-reads only what changed.
"""

from __future__ import annotations

import functools
import os
import re
import stat as stat_module
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from mentorsite.problems import Problem, Severity, one_line

MAX_FILE_BYTES = 1_000_000
"""The largest content or config file read: far above any real one (a long bio is 5 kB)."""

MAX_LIST_ITEMS = 5_000
"""The longest list in one file: more than the units of any organisation."""

Loc = tuple[str | int, ...]

_CORE = "tag:yaml.org,2002:"
_Base: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class NotADate(str):
    """A value written as a date that no calendar has (2026-02-30): reported at its field."""

    reason: str = ""


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """The safe loader, except that an impossible date is kept as text, to be reported
    at its field with every other problem instead of stopping the whole file."""

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError) as error:
            value = NotADate(node.value)
            value.reason = str(error)
            return value


_Loader.add_constructor(f"{_CORE}timestamp", _Loader.construct_yaml_timestamp)


@dataclass
class Document:
    """One parsed file: its data, and the line and column of every key and value.

    The positions are worked out again from the text when a problem asks for one: held
    for every file of a big project, they would take more memory than the content.
    """

    path: Path
    display: str
    data: Any
    text: str = ""
    _positions: _Positions | None = field(default=None, repr=False)
    # What later steps worked out from the document, kept with it while the file is
    # unchanged (it is cached by the file's stamp).
    memo: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def values(self) -> dict[Loc, tuple[int, int]]:
        return self._positions_of().values

    @property
    def keys(self) -> dict[Loc, tuple[int, int]]:
        return self._positions_of().keys

    def _positions_of(self) -> _Positions:
        if self._positions is None:
            self._positions = _Positions()
            loader = _Loader(self.text)
            try:
                node = loader.get_single_node()
                if node is not None:
                    _index(node, (), self._positions, set(), loader)
            finally:
                loader.dispose()
        return self._positions

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


_cache: dict[Path, tuple[tuple[int, int, int], Document | Problem]] = {}


def forget_documents() -> None:
    """Let go of every parsed file: a one-off build needs them no more once the content
    is validated, and a big project's files take much memory."""
    _cache.clear()


def read_document(path: Path, display: str, within: Path | None = None) -> Document | Problem:
    """Parse one YAML file that must hold a mapping; a Problem says why it could not.

    With `within`, the file must lie inside that folder once symlinks are followed.
    """
    cached = _cache.get(path)
    data = read_file(path, display, within, unless=cached[0] if cached else None)
    if isinstance(data, Problem):
        return data
    stamp, raw = data
    if cached and cached[0] == stamp:
        return cached[1]
    result = parse_document(raw, path, display)
    _cache[path] = (stamp, result)
    return result


def read_file(
    path: Path,
    display: str,
    within: Path | None = None,
    limit: int = MAX_FILE_BYTES,
    unless: tuple[int, int, int] | None = None,
) -> tuple[tuple[int, int, int], bytes] | Problem:
    """The bytes of a regular file of at most `limit` bytes, with its stamp; or why not.

    A FIFO, a device or a folder is refused before it is opened (reading one would hang
    or never end), and so is a symlink that leads out of `within`. When the file's stamp
    is `unless` (what a cache holds), it is not read again: the bytes are empty.
    """

    def refuse(message: str) -> Problem:
        return Problem(display, 0, 0, Severity.ERROR, message)

    why = outside(path, within) if within is not None else None
    if why:
        return refuse(f"{why}; only files inside {within.name}/ are read")
    try:
        info = path.stat()
    except (OSError, ValueError) as error:
        return refuse(f"cannot read the file: {_reason(error)}")
    if stat_module.S_ISDIR(info.st_mode):
        return refuse("is a folder, but a file was expected here")
    if not stat_module.S_ISREG(info.st_mode):
        return refuse("is not a regular file (a pipe, a device or a socket); only files are read")
    if info.st_size > limit:
        return refuse(f"is {info.st_size:,} bytes; the limit is {limit:,} bytes")
    if (info.st_ino, info.st_mtime_ns, info.st_size) == unless:
        return unless, b""
    try:
        # O_NONBLOCK: a FIFO put in the file's place since the check cannot block the read.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(descriptor, "rb") as handle:
            if not stat_module.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return refuse("is not a regular file; only files are read")
            raw = handle.read(limit + 1)
    except OSError as error:
        return refuse(f"cannot read the file: {_reason(error)}")
    if len(raw) > limit:
        return refuse(f"is larger than the limit of {limit:,} bytes")
    return (info.st_ino, info.st_mtime_ns, info.st_size), raw


def outside(path: Path, folder: Path) -> str | None:
    """Why `path` does not lie inside `folder` once symlinks are followed, or None."""
    try:
        target = _real(path)
        inside = target.is_relative_to(_real(folder))
    except (OSError, RuntimeError, ValueError) as error:  # a symlink loop, a NUL byte
        return f"cannot be followed: {_reason(error)}"
    if inside:
        return None
    return f"is a link to {one_line(str(target))}, outside {folder.name}/"


def _real(path: Path) -> Path:
    """`path` with every symlink followed: a file that is no link lies where its folder
    really is, and a folder's real place is worked out once while it stays the same
    (a project of thousands of files lies in a handful of folders)."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return path.resolve(strict=False)
    if stat_module.S_ISLNK(info.st_mode):
        return path.resolve(strict=False)
    if stat_module.S_ISDIR(info.st_mode):
        return _real_folder(str(path), info.st_dev, info.st_ino)
    parent = path.parent
    here = os.lstat(parent)
    if stat_module.S_ISLNK(here.st_mode):
        return path.resolve(strict=False)
    return _real_folder(str(parent), here.st_dev, here.st_ino) / path.name


@functools.lru_cache(maxsize=1024)
def _real_folder(path: str, device: int, inode: int) -> Path:
    # Keyed by the folder's own identity: a folder replaced by a link is looked up anew.
    return Path(path).resolve(strict=False)


def _reason(error: Exception) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower() if error.strerror[:1].isupper() else error.strerror
    if isinstance(error, RuntimeError):  # Python 3.11's resolve(): "Symlink loop from ..."
        return "a symlink loop"
    return one_line(str(error))


def parse_document(raw: bytes, path: Path, display: str) -> Document | Problem:
    """The Document of a file's bytes, which must hold a YAML mapping."""

    def problem(line: int, column: int, message: str) -> Problem:
        return Problem(display, line, column, Severity.ERROR, message)

    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return problem(0, 0, f"is not UTF-8 text (byte {error.start}); save it as UTF-8")
    document = Document(path, display, None, text)
    try:
        document.data = _construct(text)
    except _LoadError as error:
        return problem(error.line, error.column, str(error))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        what = error.problem or error.context or "is not valid YAML"
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        return problem(line, column, f"invalid YAML: {one_line(what)}")
    except yaml.reader.ReaderError as error:
        line, column = _line_and_column(text, error.position)
        field = _KEY.match(text.splitlines()[line - 1] if text else "")
        prefix = f"{field.group(1)}: " if field else ""
        reason = f"{one_line(error.reason)} ({_char(error)})"
        return problem(line, column, f"{prefix}invalid YAML: {reason}")
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as error:
        return problem(1, 1, f"invalid YAML: {one_line(str(error))}")
    if not isinstance(document.data, dict):
        kind = type(document.data).__name__
        found = {"list": "a list", "str": "a single text", "int": "a number"}.get(kind, kind)
        return problem(1, 1, f"expected a mapping of fields (name: value), found {found}")
    return document


def parse_mapping(raw: bytes) -> dict[str, Any] | str:
    """The fields of a file's bytes, or a short reason why there are none (for history)."""
    if len(raw) > MAX_FILE_BYTES:
        return "larger than the size limit"
    result = parse_document(raw, Path(), "")
    return result.message if isinstance(result, Problem) else result.data


@dataclass
class _Positions:
    values: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Loc, tuple[int, int]] = field(default_factory=dict)


def _construct(text: str) -> Any:
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise _LoadError("the file is empty; expected fields such as 'name: ...'", 1, 1)
        _index(node, (), _Positions(), set(), loader)  # its checks; positions come later
        return loader.construct_document(node)
    finally:
        loader.dispose()


def _position(node: yaml.Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _line_and_column(text: str, position: int) -> tuple[int, int]:
    before = text[:position]
    return before.count("\n") + 1, position - (before.rfind("\n") + 1) + 1


_KEY = re.compile(r"^[\s-]*([A-Za-z_][\w-]*)\s*:")  # the field a line of YAML sets


def _char(error: yaml.reader.ReaderError) -> str:
    return f"U+{error.character:04X}" if isinstance(error.character, int) else "a byte"


def _index(node: yaml.Node, loc: Loc, document: _Positions, seen: set[int], loader: Any) -> None:
    """Record positions under `node`, refusing aliases, duplicate keys, tags and long lists."""
    line, column = _position(node)
    if id(node) in seen:
        raise _LoadError(
            "YAML aliases (*name) are not supported; write the value out", line, column
        )
    seen.add(id(node))
    _check_tag(node, loc, loader)
    document.values[loc] = (line, column)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _LoadError("a field name must be plain text", *_position(key_node))
            key = key_node.value
            if key == "<<":
                raise _LoadError("YAML merge keys (<<) are not supported", *_position(key_node))
            child = (*loc, key)
            if child in document.keys:
                raise _LoadError(f"field '{one_line(key)}' is given twice", *_position(key_node))
            document.keys[child] = _position(key_node)
            _index(value_node, child, document, seen, loader)
    elif isinstance(node, yaml.SequenceNode):
        if len(node.value) > MAX_LIST_ITEMS:
            raise _LoadError(
                f"a list of {len(node.value):,} entries; the limit is {MAX_LIST_ITEMS:,}",
                line,
                column,
            )
        for index, item in enumerate(node.value):
            _index(item, (*loc, index), document, seen, loader)


def _check_tag(node: yaml.Node, loc: Loc, loader: Any) -> None:
    """Only the tags YAML would infer itself (and `!!str`): `!!binary`, `!!set`, `!!bool
    maybe` or a local `!tag` mean something this format has no use for."""
    if isinstance(node, yaml.ScalarNode):
        plain = not node.style  # None in the Python parser, "" in the C one
        implied = loader.resolve(yaml.ScalarNode, node.value, (plain, not plain))
    elif isinstance(node, yaml.SequenceNode):
        implied = f"{_CORE}seq"
    else:
        implied = f"{_CORE}map"
    if node.tag == implied or (isinstance(node, yaml.ScalarNode) and node.tag == f"{_CORE}str"):
        return
    tag = node.tag.replace(_CORE, "!!")
    where = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in loc)
    raise _LoadError(
        f"{where.lstrip('.')}: " * bool(loc)
        + f"the YAML tag {one_line(tag)} is not supported here; write the value without it",
        *_position(node),
    )


def yaml_files(folder: Path) -> list[Path]:
    """The .yml and .yaml entries of a folder, sorted; folders of those names included."""
    if not folder.is_dir():
        return []
    return sorted(
        folder / name
        for name in os.listdir(folder)
        if name.endswith((".yml", ".yaml")) and not name.startswith(".")
    )
