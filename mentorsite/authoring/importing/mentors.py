"""Turn the rows of HR's spreadsheet into mentor files: `mentorsite import mentors`.

Each column gives a field (see `columns`). Taxonomy values and programmes are found by
id or by name, whatever the case, the accents or the spelling of æ, ø and å. Each row
becomes a mentor only when the model accepts it as `mentorsite check` would; any other row is
reported, cell by cell, and left out.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

from mentorsite.authoring.importing.cells import (
    CellError,
    Vocabulary,
    a_date,
    cell_text,
    day_comes_first,
    whole_number,
)
from mentorsite.authoring.importing.columns import (
    FIELDS,
    FORM_HEADERS,
    HEADERS,
    ID,
    SUBMITTED,
    Column,
    map_columns,
    parse_map,
)
from mentorsite.authoring.importing.report import report
from mentorsite.authoring.importing.sheets import Cell, Row, Sheet, column_letter
from mentorsite.authoring.schema import schema_comment
from mentorsite.authoring.write import (
    RefusedPath,
    new_file,
    refusal,
    update_file,
    write_content_file,
)
from mentorsite.content import Content
from mentorsite.i18n.text import slug
from mentorsite.load.documents import Document, read_document
from mentorsite.model import SLUG, Mentor
from mentorsite.model.fields import FieldSpec
from mentorsite.model.kinds import CONTENT_KINDS, reserved
from mentorsite.problems import Problem, display_path, one_line
from mentorsite.validate import check_mentor, check_references, stale_profile, validate_document

__all__ = [  # what the command line and the tests use
    "FIELDS",
    "FORM_HEADERS",
    "HEADERS",
    "ImportPlan",
    "field_value",
    "parse_map",
    "plan_import",
    "report",
    "write_plan",
]

# -- the fields of a mentor -----------------------------------------------------------------


def vocabularies(content: Content) -> dict[str, Vocabulary]:
    """Every kind of id a mentor refers to, with the names people know them by."""
    found = {
        kind: Vocabulary(kind, {i: t.name for i, t in terms.items()})
        for kind, terms in content.terms.items()
    }
    found["programme"] = Vocabulary("programme", {i: p.name for i, p in content.programmes.items()})
    return found


def field_value(
    spec: FieldSpec, cell: Cell, vocabulary: Vocabulary | None, *, day_first: bool = True
) -> Any:
    """The value of a field from its cell; None when the cell is empty."""
    if cell is None:
        return None
    if spec.type == "number":
        return whole_number(cell)
    if spec.type == "date":
        return a_date(cell, day_first=day_first)
    text = cell_text(cell)
    if text is None:
        return None
    if spec.type == "markdown":
        return "\n".join(line.rstrip() for line in text.splitlines()).strip() + "\n"
    if vocabulary is None:
        return " ".join(text.split())  # one line of text, however the cell was typed
    if spec.many:
        ids, missing = vocabulary.find_all(text)
        if missing:
            raise CellError(*(vocabulary.unknown(part) for part in missing))
        return ids or None
    found = vocabulary.find(text)
    if found is None:
        raise CellError(vocabulary.unknown(text))
    return found


# -- rows -----------------------------------------------------------------------------------

Action = Literal["create", "update", "unchanged", "exists", "error"]


@dataclass(frozen=True)
class Message:
    row: int | None  # the spreadsheet's row number; None for the whole sheet
    severity: Literal["error", "warning"]
    text: str


@dataclass
class RowPlan:
    """What becomes of one row."""

    row: int
    mentor_id: str | None
    action: Action
    path: Path | None = None
    text: str | None = None  # the file's new text, to create or update
    changed: list[str] = field(default_factory=list)  # the fields an update changes
    messages: list[Message] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # required fields no column gives
    reviewed_today: bool = False  # no column nor form's timestamp said when it was confirmed


@dataclass
class ImportPlan:
    """What an import would do, row by row, before anything is written."""

    display: str  # the sheet's name as the user gave it
    root: Path
    content: Path  # the content folder: nothing is written outside it
    columns: list[Column]
    rows: list[RowPlan] = field(default_factory=list)
    messages: list[Message] = field(default_factory=list)  # about the whole sheet
    today: date | None = None  # `reviewed` given to new mentors whose row has no date

    @property
    def failed(self) -> bool:
        return any(m.severity == "error" for m in self.messages) or any(
            r.action == "error" for r in self.rows
        )

    def count(self, action: Action) -> int:
        return sum(r.action == action for r in self.rows)


@dataclass
class _Context:
    content: Content
    columns: dict[str, Column]
    vocabularies: dict[str, Vocabulary]
    day_first: dict[str, bool]
    update: bool
    today: date


def plan_import(
    sheet: Sheet,
    display: str,
    content: Content,
    *,
    mapping: Mapping[str, str] | None = None,
    update: bool = False,
    today: date,
) -> ImportPlan:
    """What importing `sheet` into `content` would do; nothing is written."""
    columns, problems = map_columns(sheet, mapping or {})
    plan = ImportPlan(display, content.paths.root, content.paths.content, columns)
    if sheet.limit is not None:  # the sheet is not all there: none of it is imported
        plan.messages.append(Message(sheet.limit.row, "error", _beyond_limit(sheet)))
        return plan
    plan.messages = [Message(None, "error", p) for p in problems]
    by_field = {c.field: c for c in columns if c.field is not None}
    if not sheet.rows:
        plan.messages.append(
            Message(None, "error", "no rows below the headers: no mentor to import")
        )
    elif ID not in by_field and "name" not in by_field:
        plan.messages.append(
            Message(
                None,
                "error",
                "no column gives the mentors' names; expected a header such as Navn, "
                "Fulde navn, Name or Full name, or map one with --map 'HEADER=name'",
            )
        )
    if plan.messages:
        return plan
    context = _Context(
        content,
        by_field,
        vocabularies(content),
        {
            name: day_comes_first([row.cell(column.index) for row in sheet.rows])
            for name, column in by_field.items()
            if name == SUBMITTED or (name in FIELDS and FIELDS[name].type == "date")
        },
        update,
        today,
    )
    plan.rows = [_plan_row(row, context) for row in sheet.rows]
    _refuse_shared_ids(plan.rows)
    if any(r.reviewed_today for r in plan.rows if r.action == "create"):
        plan.today = today
    return plan


def _plan_row(row: Row, context: _Context) -> RowPlan:
    messages: list[Message] = []

    def error(column: str | None, text: str) -> None:
        header = context.columns[column].header if column in context.columns else None
        messages.append(Message(row.number, "error", f"{header}: {text}" if header else text))

    mentor_id = _mentor_id(row, context, error)
    if mentor_id is None:
        return RowPlan(row.number, None, "error", messages=messages)
    existing = context.content.sources.get(("mentor", mentor_id))
    if existing is not None and not context.update:
        return RowPlan(row.number, mentor_id, "exists", existing)
    values = {}
    for name, column in context.columns.items():
        if name in (ID, SUBMITTED):
            continue
        try:
            values[name] = field_value(
                FIELDS[name],
                row.cell(column.index),
                context.vocabularies.get(FIELDS[name].ref or ""),
                day_first=context.day_first.get(name, True),
            )
        except CellError as why:
            for sentence in why.args:
                error(name, sentence)
    if "reviewed" not in context.columns and SUBMITTED in context.columns:
        try:
            cell = row.cell(context.columns[SUBMITTED].index)
            if cell is not None:
                values["reviewed"] = a_date(cell, day_first=context.day_first[SUBMITTED])
        except CellError as why:
            error(SUBMITTED, why.args[0])
    if messages:
        return RowPlan(row.number, mentor_id, "error", messages=messages)
    if existing is not None:
        plan = _planned_update(row, mentor_id, existing, values, context)
    else:
        plan = _planned_creation(row, mentor_id, values, context)
    if plan.text is not None and plan.path is not None:
        _refuse_unsafe_path(plan, context)
    return plan


def _refuse_unsafe_path(plan: RowPlan, context: _Context) -> None:
    """A file that is a symbolic link, or in a folder that leads out of content/, is not
    written: said now, so that a dry run tells it too."""
    assert plan.path is not None
    why = refusal(plan.path, context.content.paths.content)
    if why is not None:
        where = display_path(plan.path, context.content.paths.root)
        plan.action = "error"
        plan.text = None
        plan.messages.append(Message(plan.row, "error", f"refused to write {where}: {why}"))


def _beyond_limit(sheet: Sheet) -> str:
    """Why the sheet was not read to its end, with the column's header as for a cell."""
    assert sheet.limit is not None
    column = sheet.limit.column
    if column is None:
        return sheet.limit.text
    header = sheet.headers[column] if column < len(sheet.headers) else ""
    return f"{header or f'column {column_letter(column)}'}: {sheet.limit.text}"


def _mentor_id(row: Row, context: _Context, error: Callable[[str | None, str], None]) -> str | None:
    """The row's id: from the Id column, else made from the name."""
    given = cell_text(row.cell(context.columns[ID].index)) if ID in context.columns else None
    if given is not None:
        if not SLUG.match(given):
            hint = f"; did you mean '{slug(given)}'?" if slug(given) else ""
            rule = "use lowercase letters a-z, digits and '-'"
            error(ID, f"'{one_line(given)}' is not an id: {rule}{hint}")
            return None
        mentor_id = given
    else:
        name = (
            cell_text(row.cell(context.columns["name"].index))
            if "name" in context.columns
            else None
        )
        if name is None:
            where = "name or id" if ID in context.columns else "name"
            error(None, f"no {where}: a mentor's id is made from the name")
            return None
        mentor_id = slug(name)
        if not mentor_id:
            error(
                "name",
                f"cannot make an id from '{one_line(name)}'; give the row an id in a column Id",
            )
            return None
    why = reserved("mentor", mentor_id)
    if why:
        error(
            ID if given else "name",
            f"{why}; give the row another id in a column Id, e.g. '{mentor_id}-1'",
        )
        return None
    return mentor_id


def _refuse_shared_ids(rows: list[RowPlan]) -> None:
    """Two rows with one id are two people or one person twice: HR must say which."""
    counts = Counter(r.mentor_id for r in rows if r.mentor_id is not None)
    for plan in rows:
        if plan.mentor_id is None or counts[plan.mentor_id] < 2:
            continue
        others = [str(r.row) for r in rows if r.mentor_id == plan.mentor_id and r is not plan]
        plan.action = "error"
        plan.text = None
        plan.messages.append(
            Message(
                plan.row,
                "error",
                f"the id '{plan.mentor_id}' is also given by row {', '.join(others)}; give "
                "each person an id of their own in a column Id (e.g. "
                f"'{plan.mentor_id}-2'), or delete the row that repeats",
            )
        )


def _header(context: _Context, name: str) -> str:
    if name in context.columns:
        return context.columns[name].header
    if name == "reviewed" and SUBMITTED in context.columns:
        return context.columns[SUBMITTED].header
    return name


def _planned_creation(
    row: Row, mentor_id: str, values: dict[str, Any], context: _Context
) -> RowPlan:
    reviewed_today = values.get("reviewed") is None
    if reviewed_today:
        values["reviewed"] = context.today
    data = {name: values[name] for name in FIELDS if not _omitted(values.get(name))}
    missing = [
        name
        for name, spec in FIELDS.items()
        if spec.required and name not in data and name not in context.columns
    ]
    folder = context.content.paths.content / CONTENT_KINDS["mentor"][0]
    path = folder / f"{mentor_id}.yml"
    plan = RowPlan(row.number, mentor_id, "create", path, missing=missing)
    plan.reviewed_today = reviewed_today
    if missing:
        plan.action = "error"
        return plan
    mentor = _validated(plan, data, context)
    if mentor is not None:
        plan.text = new_file(data, schema_comment("mentor", path, context.content.paths.root))
    return plan


def _planned_update(
    row: Row, mentor_id: str, path: Path, values: dict[str, Any], context: _Context
) -> RowPlan:
    plan = RowPlan(row.number, mentor_id, "update", path)
    document = read_document(path, display_path(path, context.content.paths.root))
    if isinstance(document, Problem):
        plan.action = "error"
        plan.messages.append(Message(row.number, "error", str(document)))
        return plan
    data = dict(document.data)
    for name, value in values.items():  # what the sheet carries replaces what the file says
        data.pop(name, None)
        if not _omitted(value):
            data[name] = value
    data = {name: data[name] for name in FIELDS if name in data}
    mentor = _validated(plan, data, context)
    if mentor is None:
        return plan
    before = context.content.mentors[mentor_id]
    plan.changed = [n for n in FIELDS if getattr(before, n) != getattr(mentor, n)]
    if not plan.changed:  # and its warnings are those `check` gives already
        plan.action = "unchanged"
        plan.messages.clear()
        return plan
    changes = {name: data.get(name) for name in plan.changed}
    plan.text = update_file(path.read_text(encoding="utf-8-sig"), changes, list(FIELDS))
    return plan


def _omitted(value: Any) -> bool:
    """Nothing worth a line in the file: the model's default says the same."""
    return value is None or value == [] or value == ""


def _validated(plan: RowPlan, data: dict[str, Any], context: _Context) -> Mentor | None:
    """The mentor as `mentorsite check` would take it; None, and messages, if it would not."""
    assert plan.path is not None
    document = Document(plan.path, plan.path.name, data)
    mentor, problems = validate_document(document, Mentor)
    if mentor is not None:
        known = {kind: set(v.names) for kind, v in context.vocabularies.items()}
        problems = check_references(document, mentor, known)
        problems += check_mentor(document, mentor, context.content.paths.content)
        # A row read now that is already stale is worth saying, once, while HR has the sheet.
        review = context.content.organisation.profile_review_months
        stale = stale_profile(document, mentor, review, context.today)
        problems += [stale] if stale else []
    for problem in problems:
        severity: Literal["error", "warning"] = "error" if problem.is_error else "warning"
        plan.messages.append(Message(plan.row, severity, _of_column(problem.message, context)))
    if any(m.severity == "error" for m in plan.messages):
        plan.action = "error"
        return None
    return mentor


def _of_column(message: str, context: _Context) -> str:
    """A message of `check` about a field, as one about the column it came from."""
    where, _, why = message.partition(": ")
    name = re.split(r"[\[.]", where)[0]
    if name not in FIELDS or not why:
        return message
    if why == "required field is missing":
        why = "the cell is empty, but every mentor needs a value"
    return f"{_header(context, name)}: {why}"


# -- writing and telling --------------------------------------------------------------------


def write_plan(plan: ImportPlan) -> None:
    """Write the files the plan creates and updates, each whole or not at all, never
    outside the content folder nor through a symbolic link. A file is created only if it
    is not there: one made since the plan was made is left as it is, and counted as existing."""
    for row in plan.rows:
        if row.text is None or row.path is None or row.action not in ("create", "update"):
            continue
        where = display_path(row.path, plan.root)
        try:
            write_content_file(row.path, row.text, plan.content, replace=row.action == "update")
        except FileExistsError:
            row.action = "exists"
        except RefusedPath as why:
            row.action = "error"
            row.messages.append(Message(row.row, "error", f"refused to write {where}: {why}"))
        except OSError as error:
            row.action = "error"
            row.messages.append(
                Message(row.row, "error", f"cannot write {where}: {error.strerror}")
            )
