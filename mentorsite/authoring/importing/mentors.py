"""Turn the rows of HR's spreadsheet into mentor files: `mentorsite import mentors`.

A column is read by its header, in Danish or English, as the site's own `mentors.csv`
names it or as a form or a hand-made sheet typically does; `--map` says what the
table below does not know. Taxonomy values and programmes are found by id or by name,
whatever the case, the accents or the spelling of æ, ø and å. Each row becomes a
mentor only when the model accepts it as `mentorsite check` would; any other row is
reported, cell by cell, and left out.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

from mentorsite.authoring.importing.cells import (
    CellError,
    Vocabulary,
    a_date,
    cell_text,
    day_comes_first,
    whole_number,
)
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
from mentorsite.i18n.text import fold, slug
from mentorsite.load.documents import Document, read_document
from mentorsite.model import FACET_FOLDERS, SLUG, Mentor, Ref, unwrap
from mentorsite.problems import Problem, did_you_mean, display_path, one_line
from mentorsite.site.exports import CSV_HEADERS
from mentorsite.validate import check_mentor, check_references, validate_document

# -- the headers ----------------------------------------------------------------------------

ID = "id"  # not a field of the file: its name
SUBMITTED = "submitted"  # a form's timestamp: when the mentor confirmed, if nothing else says

# Columns of the site's own mentors.csv that the site works out: nothing to import from them.
COMPUTED = tuple(key for key in CSV_HEADERS["en"] if key != ID and key not in Mentor.model_fields)

# Headers that forms and hand-made sheets use, besides the site's own CSV headers (taken
# from exports.CSV_HEADERS in both languages). Compared by `fold`: case, accents, spaces
# and punctuation do not matter, so "E-mail adresse" is "E-mailadresse".
FORM_HEADERS: dict[str, tuple[str, ...]] = {
    "name": ("Fulde navn", "Dit navn", "Mentorens navn", "Full name", "Your name"),
    "title": ("Jobtitel", "Titel", "Stillingsbetegnelse", "Title", "Position"),
    "unit": ("Afdeling", "Organisatorisk enhed", "Department", "Division"),
    "location": ("Lokation", "Kontor", "Arbejdsplads", "Office", "Workplace"),
    "level": ("Ledelsesniveau", "Stillingsniveau", "Management level"),
    "languages": ("Sprog du kan være mentor på", "Language", "Mentoring languages"),
    "qualifications": (
        "Kompetencer",
        "Kvalifikationer",
        "Hvad kan du tilbyde?",
        "Hvad kan du tilbyde en mentee?",
        "Qualifications",
        "Skills",
        "What can you offer?",
    ),
    "models": ("Mentorform", "Mentoring model", "Models"),
    "programmes": ("Program", "Programme", "Programs", "Program(s)"),
    "capacity": ("Antal mentees", "Kapacitet", "Pladser", "Capacity", "Number of mentees"),
    "mentees": ("Nuværende mentees", "Antal mentees nu", "Mentees"),
    "available_from": ("Tilgængelig fra", "Ledig fra dato", "Available from date"),
    "photo": ("Foto", "Billede", "Photo", "Picture"),
    "email": ("E-mailadresse", "Mail", "Email address", "E-mail address"),
    "phone": ("Telefonnummer", "Tlf", "Mobil", "Mobilnummer", "Phone number", "Mobile"),
    "reviewed": ("Bekræftet", "Senest bekræftet", "Reviewed", "Last reviewed"),
    "bio": (
        "Bio",
        "Præsentation",
        "Kort præsentation",
        "Om mig",
        "Om dig",
        "Profiltekst",
        "Presentation",
        "About me",
        "About you",
    ),
    SUBMITTED: ("Tidspunkt for fuldførelse", "Tidsstempel", "Completion time", "Timestamp"),
}


def _header_table() -> dict[str, str | None]:
    table: dict[str, str | None] = {}
    for headers in CSV_HEADERS.values():
        for key, header in headers.items():
            table[fold(header)] = None if key in COMPUTED else key
    for name, headers in FORM_HEADERS.items():
        for header in headers:
            table.setdefault(fold(header), name)
    return table


HEADERS: dict[str, str | None] = _header_table()  # folded header → field (None: computed)

# What --map may name: the fields of a mentor file, and its id.
MAPPABLE = (ID, *Mentor.model_fields)


@dataclass(frozen=True)
class Column:
    """A column of the sheet, and the field it gives (None: the column is not imported)."""

    header: str
    index: int
    field: str | None
    note: str = ""  # why it is not imported, when it is not


def parse_map(options: Sequence[str]) -> dict[str, str]:
    """`--map` options ("Header=field", "Header=" to ignore) as a header → field mapping."""
    mapping = {}
    for option in options:
        header, equals, name = option.partition("=")
        if not equals or not header.strip():
            raise ValueError(
                f"--map '{one_line(option)}': expected HEADER=FIELD, e.g. 'Afdeling=unit'"
            )
        name = name.strip()
        if name and name not in MAPPABLE:
            hint = did_you_mean(name, MAPPABLE) or f"; the fields are {', '.join(MAPPABLE)}"
            raise ValueError(f"--map '{one_line(option)}': unknown field '{one_line(name)}'{hint}")
        mapping[header.strip()] = name
    return mapping


def map_columns(sheet: Sheet, mapping: Mapping[str, str]) -> tuple[list[Column], list[str]]:
    """Which field each column gives: `mapping` first, then the header table.

    A field that two columns give is read from the one that is filled in most often
    (a form's login name is empty when it is anonymous); the other is ignored, and said so.
    """
    wanted = {fold(header): name for header, name in mapping.items()}
    problems = [
        f"--map '{header}={name}': the sheet has no column '{header}'; its columns are "
        + ", ".join(h for h in sheet.headers if h)
        for header, name in mapping.items()
        if fold(header) not in {fold(h) for h in sheet.headers}
    ]
    columns = []
    for index, header in enumerate(sheet.headers):
        key = fold(header)
        if not header:
            continue
        if key in wanted:
            name = wanted[key] or None
            columns.append(Column(header, index, name, "" if name else "--map"))
        elif key in HEADERS:
            name = HEADERS[key]
            columns.append(Column(header, index, name, "" if name else "worked out by the site"))
        else:
            columns.append(Column(header, index, None))
    columns = _numbered_ids_ignored(columns, sheet, explicit=set(wanted))
    return _one_column_per_field(columns, sheet), problems


def _numbered_ids_ignored(columns: list[Column], sheet: Sheet, explicit: set[str]) -> list[Column]:
    # Microsoft Forms numbers its responses in a column "Id": no id a person would choose.
    def numbered(column: Column) -> bool:
        values = [row.cell(column.index) for row in sheet.rows]
        return any(v is not None for v in values) and all(
            v is None or isinstance(v, int | float) or str(v).strip().isdigit() for v in values
        )

    return [
        Column(c.header, c.index, None, "numbers a form gave the responses")
        if c.field == ID and fold(c.header) not in explicit and numbered(c)
        else c
        for c in columns
    ]


def _one_column_per_field(columns: list[Column], sheet: Sheet) -> list[Column]:
    def filled(column: Column) -> int:
        return sum(row.cell(column.index) is not None for row in sheet.rows)

    chosen: dict[str, Column] = {}
    for column in columns:
        if column.field is not None:
            best = chosen.get(column.field)
            if best is None or filled(column) > filled(best):
                chosen[column.field] = column
    # An explicit reviewed column says more than the time a form was sent.
    if "reviewed" in chosen and SUBMITTED in chosen:
        del chosen[SUBMITTED]
    result = []
    for column in columns:
        if column.field is None or chosen.get(column.field) is column:
            result.append(column)
        else:
            given_by = chosen.get(column.field) or chosen["reviewed"]
            what = "reviewed" if column.field == SUBMITTED else column.field
            result.append(
                Column(
                    column.header, column.index, None, f"{what} is read from '{given_by.header}'"
                )
            )
    return result


# -- the fields of a mentor -----------------------------------------------------------------


@dataclass(frozen=True)
class FieldKind:
    """How a cell becomes a field's value, derived from the model's declaration."""

    name: str
    type: type  # str, int or date
    many: bool  # a list
    ref: str | None  # the kind of id it holds
    markdown: bool
    required: bool


def _kind_of(name: str) -> FieldKind:
    info = Mentor.model_fields[name]
    annotation, metadata = unwrap(info.annotation)
    metadata += info.metadata
    many = get_origin(annotation) is list
    if many:
        annotation, more = unwrap(get_args(annotation)[0])
        metadata += more
    ref = next((m.kind for m in metadata if isinstance(m, Ref)), None)
    markdown = name in Mentor.markdown_fields()
    return FieldKind(name, annotation, many, ref, markdown, info.is_required())


FIELDS: dict[str, FieldKind] = {name: _kind_of(name) for name in Mentor.model_fields}


def vocabularies(content: Content) -> dict[str, Vocabulary]:
    """Every kind of id a mentor refers to, with the names people know them by."""
    found = {
        kind: Vocabulary(kind, {i: t.name for i, t in terms.items()})
        for kind, terms in content.terms.items()
    }
    found["programme"] = Vocabulary("programme", {i: p.name for i, p in content.programmes.items()})
    return found


def field_value(
    kind: FieldKind, cell: Cell, vocabulary: Vocabulary | None, *, day_first: bool = True
) -> Any:
    """The value of a field from its cell; None when the cell is empty."""
    if cell is None:
        return None
    if kind.type is int:
        return whole_number(cell)
    if kind.type is date:
        return a_date(cell, day_first=day_first)
    text = cell_text(cell)
    if text is None:
        return None
    if kind.markdown:
        return "\n".join(line.rstrip() for line in text.splitlines()).strip() + "\n"
    if vocabulary is None:
        return " ".join(text.split())  # one line of text, however the cell was typed
    if kind.many:
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
            if name == SUBMITTED or (name in FIELDS and FIELDS[name].type is date)
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
    if mentor_id in FACET_FOLDERS.values():
        error(
            ID if given else "name",
            f"the id '{mentor_id}' is kept for the catalogue's pages of {mentor_id}; "
            f"give the row another id in a column Id, e.g. '{mentor_id}-1'",
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
    data = {name: values[name] for name in Mentor.model_fields if not _omitted(values.get(name))}
    missing = [
        name
        for name, kind in FIELDS.items()
        if kind.required and name not in data and name not in context.columns
    ]
    folder = context.content.paths.content / "mentors"
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
    data = {name: data[name] for name in Mentor.model_fields if name in data}
    mentor = _validated(plan, data, context)
    if mentor is None:
        return plan
    before = context.content.mentors[mentor_id]
    plan.changed = [n for n in Mentor.model_fields if getattr(before, n) != getattr(mentor, n)]
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
        problems = check_references(document, mentor, known) + check_mentor(
            document,
            mentor,
            context.content.paths.content,
            context.content.organisation.profile_review_months,
            context.today,
        )
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


def report(plan: ImportPlan, *, dry_run: bool = False) -> tuple[list[str], list[str]]:
    """What to tell the user: a line for each problem and each file, row by row, and the
    summary: which column gave which field, and what was done."""
    lines = [_line(plan.display, m) for m in plan.messages]
    for row in plan.rows:
        lines += [_line(plan.display, m) for m in row.messages]
        if row.path is not None and row.action in ("create", "update"):
            did = {"create": "created", "update": "updated"}[row.action]
            changed = f" ({', '.join(row.changed)})" if row.changed else ""
            where = display_path(row.path, plan.root)
            lines.append(
                f"{plan.display}:{row.row}: {where} {'would be ' if dry_run else ''}{did}{changed}"
            )
    return lines + _missing_lines(plan), _summary(plan, dry_run)


def _line(display: str, message: Message) -> str:
    # A message may quote cells and headers; each ends on its own line, whatever they hold.
    where = display if message.row is None else f"{display}:{message.row}"
    return f"{where}: {message.severity}: {one_line(message.text)}"


def _missing_lines(plan: ImportPlan) -> list[str]:
    """Once for the sheet, not once a row: a column that new mentors need is missing."""
    rows_by_field: dict[str, list[int]] = {}
    for row in plan.rows:
        for name in row.missing:
            rows_by_field.setdefault(name, []).append(row.row)
    lines = []
    for name, rows in rows_by_field.items():
        headers = " or ".join(f"'{h[name]}'" for h in CSV_HEADERS.values() if name in h)
        lines.append(
            f"{plan.display}: error: no column gives {name}, which a new mentor needs "
            f"(rows {_ranges(rows)}); add a column {headers or name}, or map one with "
            f"--map 'HEADER={name}'"
        )
    return lines


def _ranges(numbers: list[int]) -> str:
    """2, 3, 4, 7 as "2-4, 7"."""
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return ", ".join(f"{r[0]}-{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)


def _summary(plan: ImportPlan, dry_run: bool) -> list[str]:
    lines = []
    read = [f"{c.header}={_field_label(c.field)}" for c in plan.columns if c.field is not None]
    ignored = [
        f"{c.header} ({c.note})" if c.note else c.header for c in plan.columns if c.field is None
    ]
    if read:
        lines.append(f"columns read: {', '.join(read)}")
    if ignored:
        lines.append(f"columns ignored: {', '.join(ignored)}")
    if plan.today is not None:
        lines.append(
            "no column says when a profile was confirmed (reviewed): new mentors get "
            f"today, {plan.today.isoformat()}"
        )
    if any(m.severity == "error" for m in plan.messages):
        lines.append("nothing was imported")
        return [f"mentorsite: {one_line(line)}" for line in lines]
    skipped = [r.mentor_id for r in plan.rows if r.action == "exists" and r.mentor_id]
    if skipped:
        lines.append(f"skipped, as their files exist (use --update): {', '.join(skipped)}")
    failed = [r.row for r in plan.rows if r.action == "error"]
    parts = [
        f"{_count(plan.count('create'), 'mentor')} {'to create' if dry_run else 'created'}",
        f"{plan.count('update')} {'to update' if dry_run else 'updated'}",
        f"{plan.count('unchanged')} unchanged",
        f"{plan.count('exists')} skipped (exists; use --update)",
        f"{_count(len(failed), 'row')} with errors"
        + (f" left out (row{'s' if len(failed) > 1 else ''} {_ranges(failed)})" if failed else ""),
    ]
    lines.append(", ".join(parts) + ("; dry run: nothing was written" if dry_run else ""))
    return [f"mentorsite: {one_line(line)}" for line in lines]


def _field_label(name: str) -> str:
    return "reviewed (the form's timestamp)" if name == SUBMITTED else name


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
