"""Read a spreadsheet (CSV or XLSX) into headers and rows, as HR's tools write them.

HR's sheets come from Microsoft Forms, Google Forms and Excel. Those write CSV in
UTF-8 (with or without a byte order mark), in Windows' cp1252 (Danish Excel's
"CSV (semikolonsepareret)"), or in UTF-16 (Excel's "Unicode text"), separated by
`;`, `,` or a tab; or they write an XLSX workbook. This module only reads: it
knows nothing of mentors. Each row keeps the number the spreadsheet shows for it,
so that a message can point at it.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

Cell = str | int | float | date | datetime | time | None

# What a file starts with tells its format better than its name does: a download
# from a form is often named by the form, and a renamed file keeps its bytes.
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old binary .xls (and .doc)
_SEPARATORS = (";", "\t", ",")  # in order of preference when counts tie


class SheetError(Exception):
    """The file cannot be read as a spreadsheet; the message says why, for a person."""


@dataclass(frozen=True)
class Row:
    number: int  # as the spreadsheet shows it: the header is row 1
    cells: tuple[Cell, ...]

    def cell(self, index: int) -> Cell:
        return self.cells[index] if index < len(self.cells) else None


@dataclass(frozen=True)
class Sheet:
    """The first row's headers and the rows below it that hold anything."""

    headers: tuple[str, ...]
    rows: tuple[Row, ...]
    name: str | None = None  # the worksheet read, when the workbook has more than one


def read_sheet(path: Path) -> Sheet:
    """The sheet in the CSV or XLSX file at `path`; SheetError when it cannot be read."""
    try:
        with path.open("rb") as file:
            start = file.read(8)
    except FileNotFoundError:
        raise SheetError("no such file") from None
    except IsADirectoryError:
        raise SheetError("is a folder, not a spreadsheet") from None
    except OSError as error:
        raise SheetError(f"cannot read the file: {error.strerror}") from None
    if start.startswith(_OLE):
        raise SheetError(
            "is in the old Excel format (.xls), which cannot be read; "
            "open it in Excel and save it as .xlsx or CSV"
        )
    if start.startswith(_ZIP):
        return _read_xlsx(path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        raise SheetError("is not an Excel workbook, although its name ends in " + path.suffix)
    return _read_csv(path.read_bytes())


# -- CSV -------------------------------------------------------------------------------------


def decode(data: bytes) -> str:
    """The text of a CSV file: UTF-16 or UTF-8 by their byte order marks, else UTF-8 if
    the bytes are UTF-8, else cp1252 (what Windows and Danish Excel write)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined
        return data.decode("latin-1")


def separator(text: str) -> str:
    """The separator of a CSV text: whichever of `;`, tab and `,` the header line has
    most of, outside quotes. (csv.Sniffer guesses from a sample and is easily misled by
    the commas inside Danish text.)"""
    counts = dict.fromkeys(_SEPARATORS, 0)
    quoted = False
    for char in text:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in "\r\n":
            break
        elif not quoted and char in counts:
            counts[char] += 1
    return max(_SEPARATORS, key=lambda s: counts[s])  # max keeps the first of a tie


def _read_csv(data: bytes) -> Sheet:
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SheetError("is neither a CSV text file nor an Excel workbook (.xlsx)")
    text = decode(data)
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator(text)))
    except csv.Error as error:
        raise SheetError(f"is not a readable CSV file: {error}") from None
    return _sheet(records)


# -- XLSX ------------------------------------------------------------------------------------


def _read_xlsx(path: Path) -> Sheet:
    # openpyxl is imported here: only an import of a workbook needs it.
    from openpyxl import load_workbook

    try:
        # read_only streams the rows; data_only gives a formula's last value, not its text.
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise SheetError(
            f"is not an Excel workbook (.xlsx) that can be read ({error}); "
            "save it again from Excel as .xlsx or CSV"
        ) from None
    try:
        worksheet = workbook.active or workbook.worksheets[0]
        records = [list(values) for values in worksheet.iter_rows(values_only=True)]
        name = worksheet.title if len(workbook.sheetnames) > 1 else None
    except Exception as error:  # a damaged part of the workbook shows only as rows are read
        raise SheetError(f"is a damaged Excel workbook: {error}") from None
    finally:
        workbook.close()
    sheet = _sheet(records)
    return Sheet(sheet.headers, sheet.rows, name)


# -- both ------------------------------------------------------------------------------------


def _sheet(records: Iterable[list[Cell]]) -> Sheet:
    """Headers from the first row that holds anything; rows after it that hold anything."""
    headers: tuple[str, ...] | None = None
    rows = []
    for number, record in enumerate(records, start=1):
        cells = tuple(None if _empty(c) else c for c in record)
        if not any(c is not None for c in cells):
            continue
        if headers is None:
            headers = tuple("" if c is None else str(c).strip() for c in cells)
            continue
        rows.append(Row(number, cells))
    if headers is None:
        raise SheetError("is empty: expected a row of headers, then a row for each mentor")
    width = max(i + 1 for i, h in enumerate(headers) if h)
    return Sheet(headers[:width], tuple(Row(r.number, r.cells[:width]) for r in rows))


def _empty(cell: Cell) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())
