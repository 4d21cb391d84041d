"""Start a new content file: every field of its model, with its help, ready to be filled in.

`mentorsite new` writes what this module makes. The file is derived from the model, so a
field declared there appears here, in the model's order, with its help text in the
organisation's language. A value only HR can know is left empty, and `mentorsite check`
names it until it is filled in; a field with a default in the model shows that default.
An optional structure (a programme's meetings, a rule's check) is written empty, with its
shape commented out below it, ready to be uncommented.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pydantic import BaseModel

from mentorsite.authoring.schema import read_vocabulary, schema_comment
from mentorsite.authoring.write import RefusedPath, dump_value, write_content_file
from mentorsite.content import read_config
from mentorsite.i18n.strings import LANGUAGES, Strings
from mentorsite.i18n.text import slug
from mentorsite.load.documents import yaml_files
from mentorsite.model import SLUG, Mentor, Organisation
from mentorsite.model.fields import NO_DEFAULT, FieldSpec, Value, field_by_key, fields_of
from mentorsite.model.kinds import CONTENT_KINDS, defined_in, reserved
from mentorsite.problems import display_path
from mentorsite.project import Paths, theme_dirs
from mentorsite.validate import MAX_CHOICES

WIDTH = 88  # where a comment above a field wraps


# The few words a new file adds to the model's help texts, in each site language.
class NewFileError(ValueError):
    """A new file cannot be made; the message says why, to a person."""


@dataclass(frozen=True)
class Known:
    """What a new file's comments can say of the project: its language and the ids there are."""

    language: str = str(field_by_key(Organisation, "language").default)  # type: ignore[union-attr]
    ids: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # kind → id → name
    hr_only: tuple[str, ...] = ()  # the mentor fields kept out of the staff edition
    unread: tuple[str, ...] = ()  # why config/ could not be read, when it could not


def read_known(paths: Paths) -> Known:
    """The organisation's language and the ids there are, for the comments of a new file.

    The ids are read as `mentorsite schema` reads them: config/ must be valid, while the
    content may have errors (HR may be in the middle of an edit). When config/ is not
    valid, the file is still written, without ids; in the organisation's language if
    organisation.yml says it.
    """
    config = read_config(paths)
    organisation = config.documents.get("organisation")
    given = organisation.data if organisation is not None else {}
    readable = read_vocabulary(paths, config)
    if isinstance(readable, list):
        language = given.get("language")
        return Known(
            language=language if language in LANGUAGES else Known.language,
            unread=tuple(str(problem) for problem in readable),
        )
    hr_only = given.get("hr_only")
    return Known(
        language=readable[0],
        ids=readable[1],
        hr_only=tuple(map(str, hr_only)) if isinstance(hr_only, list) else (),
    )


# -- ids ------------------------------------------------------------------------------------


def new_file_path(kind: str, item_id: str, paths: Paths) -> Path:
    """Where a new file of `kind` named `item_id` goes."""
    return paths.content / CONTENT_KINDS[kind][0] / f"{item_id}.yml"


def id_problem(kind: str, item_id: str, paths: Paths) -> str | None:
    """Why `item_id` cannot name a new file of `kind`, or None when it can."""
    if not SLUG.match(item_id):
        suggestion = slug(item_id)
        example = f"; for example '{suggestion}'" if suggestion else ""
        return f"'{item_id}' is not a valid id: use lowercase letters a-z, digits and '-'{example}"
    why = reserved(kind, item_id)
    if why:
        return f"{why}; choose another, e.g. '{item_id}-1'"
    target = new_file_path(kind, item_id, paths)
    for path in yaml_files(target.parent):
        if path.name.rsplit(".", 1)[0] != item_id:
            continue
        shown = display_path(path, paths.root)
        if path.name == target.name:
            return f"{shown} already exists; it was left as it is"
        return f"the {kind} id '{item_id}' is already used by {shown}"
    return None


def to_fill_in(kind: str) -> list[str]:
    """The fields of a new file of `kind` that need a value before `check` is clean."""
    return [spec.key for spec in fields_of(CONTENT_KINDS[kind][1]) if spec.required]


# -- the file -------------------------------------------------------------------------------


def create(kind: str, item_id: str, paths: Paths, known: Known | None = None) -> Path:
    """Write a new file of `kind` for `item_id`; never over an existing one, never through a
    symbolic link, never outside the content folder."""
    problem = id_problem(kind, item_id, paths)
    if problem:
        raise NewFileError(problem)
    if not paths.content.is_dir():
        raise NewFileError(
            f"there is no content folder at {display_path(paths.content, paths.root)}; run "
            "mentorsite in the project's folder or give -f FILE"
        )
    target = new_file_path(kind, item_id, paths)
    text = new_file(kind, item_id, paths, known)
    shown = display_path(target, paths.root)
    try:
        write_content_file(target, text, paths.content)
    except FileExistsError:
        raise NewFileError(f"{shown} already exists; it was left as it is") from None
    except RefusedPath as why:
        raise NewFileError(f"refused to write {shown}: {why}") from None
    except OSError as error:
        raise NewFileError(f"cannot write {shown}: {error.strerror}") from None
    return target


def new_file(kind: str, item_id: str, paths: Paths, known: Known | None = None) -> str:
    """The text of a new file of `kind`: the schema line, then every field with its help."""
    model = CONTENT_KINDS[kind][1]
    target = new_file_path(kind, item_id, paths)
    writer = _Writer(known or read_known(paths), hr_fields=model is Mentor)
    lines = [schema_comment(kind, target, paths.root)]
    for number, spec in enumerate(fields_of(model)):
        if number:
            lines.append("")
        lines.extend(writer.top_level(spec))
    return "\n".join(lines) + "\n"


@dataclass
class _Line:
    code: str
    note: str = ""


class _Writer:
    """Writes fields: help above a top-level field, beside a nested one."""

    def __init__(self, known: Known, hr_fields: bool) -> None:
        self.known = known
        self.words = Strings.load(known.language, theme_dirs())
        self.hr_fields = hr_fields

    def top_level(self, spec: FieldSpec) -> list[str]:
        help_ = self.help(spec)
        if self.hr_fields and spec.key in self.known.hr_only:
            help_ = f"{help_} {self.words('in_files.hr_only')}"
        comments = [f"# {line}" for line in _wrap(help_)]
        first, *shape = self.entry(spec, 0)
        if shape and not spec.required and spec.default is None:
            # Optional and structured: empty for now, its shape ready to uncomment.
            shape = _commented(shape, 2)
        return [*comments, first.code, *_aligned(shape)]

    def entry(self, spec: FieldSpec, indent: int) -> list[_Line]:
        """The field's line, then the lines of its shape (its fields, or a mapping's keys)."""
        head = f"{' ' * indent}{spec.key}:"
        note = self.help(spec)
        value, item = spec.value, spec.value.item
        if spec.type == "markdown":
            return [_Line(f"{head} |", note)]
        if value.kind == "group" and value.model is not None:
            children = self.fields(value.model, indent + 2)
            return [_Line(head, note), *children] if children else [_Line(f"{head} {{}}", note)]
        if item is not None and item.kind == "group" and item.model is not None:
            children = self.fields(item.model, indent + 4)
            if children:
                start = indent + 2
                first = children[0]
                first.code = f"{first.code[:start]}- {first.code[start + 2 :]}"
                return [_Line(head, note), *children]
        if value.entries is not None and spec.ref is not None:
            keys = self.keyed(spec.ref, value.entries, indent + 2)
            if keys:
                return [_Line(head, note), *keys]
        return [_Line(f"{head} {_value(spec)}".rstrip(), note)]

    def fields(self, model: type[BaseModel], indent: int) -> list[_Line]:
        return [line for spec in fields_of(model) for line in self.entry(spec, indent)]

    def keyed(self, kind: str, entries: Value, indent: int) -> list[_Line]:
        """A mapping by id, one key for each id there is (a role's checklist, by phase)."""
        empty = "[]" if entries.kind == "list" else ""
        return [
            _Line(f"{' ' * indent}{term}: {empty}".rstrip(), name)
            for term, name in self.known.ids.get(kind, {}).items()
        ]

    def help(self, spec: FieldSpec) -> str:
        """The field's help in the organisation's language, and what there is to choose."""
        text = spec.help_in(self.known.language)
        if spec.value.kind == "choice":
            choices = spec.value.choices
            if not all(choice in text for choice in choices):
                text += " " + self.words("in_files.one", ids=", ".join(choices))
        elif spec.ref is not None and spec.value.kind != "mapping":
            text += " " + self.choices(spec.ref, many=spec.value.kind == "list")
        return text.strip()

    def choices(self, kind: str, *, many: bool) -> str:
        ids = list(self.known.ids.get(kind, {}))
        if 0 < len(ids) <= MAX_CHOICES:
            return self.words(f"in_files.{'many' if many else 'one'}", ids=", ".join(ids))
        source = defined_in(kind)
        if source is None:
            return ""
        where, name = source
        return self.words(
            "in_files.taxonomy" if where == "taxonomy" else "in_files.files", name=name
        )


def _value(spec: FieldSpec) -> str:
    """A field's default, written as YAML; empty when HR must give the value."""
    if spec.default is NO_DEFAULT:
        # A list that must have entries is shown as one, still empty.
        return "[]" if spec.value.kind == "list" else ""
    if spec.default is None:
        return ""
    if isinstance(spec.default, date):
        return spec.default.isoformat()
    return dump_value(spec.default)


def _wrap(text: str) -> list[str]:
    # Ids hold hyphens: never break a line inside one.
    return textwrap.wrap(text, width=WIDTH - 2, break_on_hyphens=False, break_long_words=False) or [
        ""
    ]


def _commented(lines: list[_Line], column: int) -> list[_Line]:
    """The lines commented out at `column`, so that an editor's toggle restores them."""
    return [_Line(f"{line.code[:column]}# {line.code[column:]}", line.note) for line in lines]


def _aligned(lines: list[_Line]) -> list[str]:
    """Lines with their notes as comments, lined up in one column."""
    width = max((len(line.code) for line in lines if line.note), default=0)
    return [
        f"{line.code.ljust(width)}  # {line.note}" if line.note else line.code for line in lines
    ]
