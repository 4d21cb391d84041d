"""Write content files as a person would: YAML in the model's field order, easy to review.

`load` reads what people write; this module writes what they would have written:
block style, lists of ids on one line, `bio: |` for text of several lines, dates as
YYYY-MM-DD, letters such as æ, ø and å as they are. An existing file is changed field
by field, so that its comments, its other fields and their layout stay as they were
and the change reads in git as what it is.

A file is written whole or not at all, only inside the content folder, and never
through a symbolic link: a link committed to the project cannot make mentorsite
write a file elsewhere on the machine.

Besides `load`, this is the one module that uses the YAML library: to write YAML, and to
find where each field of a file to update stands (`yaml.compose`, for its lines only;
the content itself is read by `load`).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml


class _Dumper(yaml.SafeDumper):
    """Safe (no `!!python` tags), with text of several lines as a literal block."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    if value.startswith("+"):  # a phone number, in quotes so that nobody takes it for a sum
        style = '"'
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _list(dumper: yaml.SafeDumper, value: list[Any]) -> yaml.SequenceNode:
    # A list of ids reads best on one line, as `languages: [da, en]`.
    flow = all(isinstance(item, str | int | float) and "\n" not in str(item) for item in value)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flow)


_Dumper.add_representer(str, _text)
_Dumper.add_representer(list, _list)


def dump_fields(fields: Mapping[str, Any]) -> str:
    """The fields as YAML lines, in the order given."""
    if not fields:
        return ""
    return yaml.dump(
        dict(fields),
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=4096,  # a long title stays on its line
    )


def dump_value(value: Any) -> str:
    """A value as YAML on one line, as a new file shows a default: `[]`, `100`, `{}`."""
    dumped = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=1000)
    return dumped.removesuffix("\n").removesuffix("\n...").strip()


def new_file(fields: Mapping[str, Any], first_line: str = "") -> str:
    """The text of a new file holding `fields`, after `first_line` (a comment) if given."""
    return (f"{first_line}\n" if first_line else "") + dump_fields(fields)


def update_file(text: str, changes: Mapping[str, Any], order: Sequence[str]) -> str:
    """`text` with each top-level field of `changes` set to its value (None removes it).

    Only the lines of the fields that change are rewritten; a field new to the file goes
    after the nearest field before it in `order` (the model's order), or first.
    """
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    spans = _spans(text)
    edits: list[tuple[int, int, int, list[str]]] = []
    for number, (key, value) in enumerate(changes.items()):
        new_lines = [] if value is None else dump_fields({key: value}).splitlines(keepends=True)
        if key in spans:
            start, end, comment = spans[key]
            if comment and len(new_lines) == 1:  # `capacity: 2  # agreed with HR` keeps it
                new_lines = [f"{new_lines[0].rstrip()}  {comment}\n"]
            edits.append((start, end, number, new_lines))
        elif new_lines:
            at = _insertion_line(key, spans, order, lines)
            edits.append((at, at, number, new_lines))
    # Bottom up, so that the lines above an edit keep their numbers; fields inserted at
    # the same place go in the order given.
    for start, end, _, new_lines in sorted(edits, key=lambda e: e[:3], reverse=True):
        lines[start:end] = new_lines
    return "".join(lines)


def _spans(text: str) -> dict[str, tuple[int, int, str]]:
    """Each top-level field's lines [start, end), from its key to its value's last line,
    and the comment at the end of that line when the field is on one line.

    Blank lines and comments after a value are not part of it: they stay where they are.
    """
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    if not isinstance(node, yaml.MappingNode):
        return {}
    lines = text.splitlines()
    spans = {}
    for key_node, value_node in node.value:
        start = key_node.start_mark.line
        mark = value_node.end_mark
        end = mark.line + (1 if mark.column > 0 else 0)
        while end > start + 1 and not lines[end - 1].strip():
            end -= 1
        rest = lines[start][mark.column :].strip() if mark.line == start else ""
        spans[str(key_node.value)] = (start, end, rest if rest.startswith("#") else "")
    return spans


def _insertion_line(
    key: str, spans: Mapping[str, tuple[int, int, str]], order: Sequence[str], lines: list[str]
) -> int:
    before = order[: order.index(key)] if key in order else order
    present = [spans[name][1] for name in before if name in spans]
    if present:
        return max(present)
    if spans:
        return min(start for start, _, _ in spans.values())
    return len(lines)


# -- onto the disk ---------------------------------------------------------------------------


class RefusedPath(Exception):
    """A path that mentorsite does not write to; the message says why, after "refused to
    write FILE: "."""


def refusal(path: Path, content: Path) -> str | None:
    """Why `path` may not be written as a file of the content folder `content`, or None.

    Its folder, links followed, must be inside the content folder; `path` itself must not
    be a link, wherever it leads.
    """
    if not path.parent.resolve().is_relative_to(content.resolve()):
        return "its folder leads outside the content folder (through a symbolic link)"
    if path.is_symlink():
        return (
            "it is a symbolic link, and files are never written through one; "
            "put the file itself in its place"
        )
    return None


def write_content_file(path: Path, text: str, content: Path, *, replace: bool = False) -> None:
    """Write `text` to `path`, a file of the content folder `content`, whole or not at all.

    The text goes to a new file in the same folder first, which then takes the place of
    `path`: a crash leaves the old file or the new one, never half of one. Raises
    RefusedPath (see `refusal`), FileExistsError when `path` exists and `replace` is false,
    or the OSError of a failed write.
    """
    why = refusal(path, content)
    if why is None:
        path.parent.mkdir(parents=True, exist_ok=True)
        why = refusal(path, content)  # again, now that the folder exists
    if why is not None:
        raise RefusedPath(why)
    try:
        mode: int | None = stat.S_IMODE(os.lstat(path).st_mode)  # a replaced file keeps it
    except FileNotFoundError:
        mode = None
    data = text.encode("utf-8")
    temporary = _temporary_file(path, data, mode)
    try:
        if not replace:
            _link_new(temporary, path, data)
        elif os.path.islink(path):  # a link made since the check is refused, not replaced
            raise RefusedPath(refusal(path, content) or "it is a symbolic link")
        else:
            os.replace(temporary, path)  # replaces the name itself, never what it links to
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)


def _temporary_file(path: Path, data: bytes, mode: int | None) -> Path:
    """A new file beside `path` holding `data`, on the disk; hidden, and not a YAML file."""
    while True:
        temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            descriptor = os.open(temporary, _NEW_FILE | getattr(os, "O_BINARY", 0), 0o666)
            break
        except FileExistsError:
            continue
    try:
        with open(descriptor, "wb") as file:
            if mode is not None and hasattr(os, "fchmod"):
                os.fchmod(file.fileno(), mode)
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
    except BaseException:
        os.unlink(temporary)
        raise
    return temporary


def _link_new(temporary: Path, path: Path, data: bytes) -> None:
    """`temporary` under the name `path` too, which must not exist, not even as a link."""
    try:
        os.link(temporary, path)  # fails when `path` exists; never follows a link there
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links: write it in place, as exclusively
        descriptor = os.open(path, _NEW_FILE | getattr(os, "O_BINARY", 0), 0o666)
        with open(descriptor, "wb") as file:
            file.write(data)
