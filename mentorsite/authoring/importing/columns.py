"""Which field of a mentor each column of HR's sheet gives.

A column is read by its header, in Danish or English, as the site's own `mentors.csv`
names it or as a form or a hand-made sheet typically does; `--map` says what the table
below does not know. Headers are compared by `fold`: case, accents, spaces and
punctuation do not matter.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from mentorsite.authoring.importing.sheets import Sheet
from mentorsite.i18n.text import fold
from mentorsite.model import Mentor
from mentorsite.model.columns import CSV_HEADERS
from mentorsite.model.fields import FieldSpec, fields_of
from mentorsite.problems import did_you_mean, one_line

# The fields of a mentor file, as `fields` works them out: how a cell becomes each value.
FIELDS: dict[str, FieldSpec] = {spec.name: spec for spec in fields_of(Mentor)}

# -- the headers ----------------------------------------------------------------------------

ID = "id"  # not a field of the file: its name
SUBMITTED = "submitted"  # a form's timestamp: when the mentor confirmed, if nothing else says

# Columns of the site's own mentors.csv that the site works out: nothing to import from them.
COMPUTED = tuple(key for key in CSV_HEADERS["en"] if key != ID and key not in FIELDS)

# Headers that forms and hand-made sheets use, besides the site's own CSV headers (taken
# from model.columns.CSV_HEADERS in both languages). Compared by `fold`: case, accents, spaces
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
MAPPABLE = (ID, *FIELDS)


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
