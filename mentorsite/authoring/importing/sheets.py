"""Read a spreadsheet (CSV or XLSX) into headers and rows, as HR's tools write them.

HR's sheets come from Microsoft Forms, Google Forms and Excel. Those write CSV in
UTF-8 (with or without a byte order mark), in Windows' cp1252 (Danish Excel's
"CSV (semikolonsepareret)"), or in UTF-16 (Excel's "Unicode text"), separated by
`;`, `,` or a tab; or they write an XLSX workbook. This module only reads: it
knows nothing of mentors. Each row keeps the number the spreadsheet shows for it,
so that a message can point at it.

A file is read within the limits below, stopping at the first it goes beyond: a sheet of
mentors is far inside them, and a damaged or hostile file cannot take the machine's memory
or time. A workbook is checked before it is opened, then read row by row.
"""

from __future__ import annotations

import csv
import io
import os
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from mentorsite.problems import one_line

Cell = str | int | float | date | datetime | time | None

# -- limits ----------------------------------------------------------------------------------

MAX_FILE_SIZE = 20_000_000  # bytes of a CSV file or an XLSX workbook
# Bytes of a workbook's parts once unpacked. Text packs 10 to 100 times, so a small file can
# hold gigabytes of XML; openpyxl reads the shared strings whole, so the parts are measured
# before the workbook is opened.
MAX_UNPACKED_SIZE = 100_000_000
MAX_ROWS = 10_000  # rows below the headers that hold anything: an organisation's mentors
MAX_CELL_LENGTH = 32_767  # characters in a cell: Excel's own limit
# Columns up to the last that holds anything. A row is as wide as its last cell, so one
# value in column XFD would make every row 16,384 cells long.
MAX_COLUMNS = 256

# What a file starts with tells its format better than its name does: a download
# from a form is often named by the form, and a renamed file keeps its bytes.
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old binary .xls (and .doc)
_SEPARATORS = (";", "\t", ",")  # in order of preference when counts tie


class SheetError(Exception):
    """The file cannot be read as a spreadsheet; the message says why, for a person.

    The message is kept on one line: it may quote the file (a sheet's name, a value a
    library could not read).
    """

    def __init__(self, message: str) -> None:
        super().__init__(one_line(message))


@dataclass(frozen=True)
class LimitReached:
    """Where reading stopped because the sheet goes beyond one of the limits, and why."""

    row: int  # as the spreadsheet shows it
    column: int | None  # the index of the cell's column; None when the row as a whole is meant
    text: str


class _Stop(Exception):
    def __init__(self, limit: LimitReached) -> None:
        super().__init__(limit.text)
        self.limit = limit


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
    name: str | None = None  # the worksheet read, when the workbook has more than one; one line
    # Where the sheet goes beyond a limit; then no row is kept, as the sheet is not all there.
    limit: LimitReached | None = None


def read_sheet(path: Path) -> Sheet:
    """The sheet in the CSV or XLSX file at `path`; SheetError when it cannot be read."""
    data = _read_file(path)
    if data.startswith(_OLE):
        raise SheetError(
            "is in the old Excel format (.xls), which cannot be read; "
            "open it in Excel and save it as .xlsx or CSV"
        )
    if data.startswith(_ZIP):
        return _read_xlsx(data)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        raise SheetError("is not an Excel workbook, although its name ends in " + path.suffix)
    return _read_csv(data)


def _read_file(path: Path) -> bytes:
    try:
        with path.open("rb") as file:
            # A larger file is refused before it is read; a pipe tells no size, so it is
            # read up to the limit.
            size = os.fstat(file.fileno()).st_size
            data = b"" if size > MAX_FILE_SIZE else _read_up_to(file, MAX_FILE_SIZE + 1)
    except FileNotFoundError:
        raise SheetError("no such file") from None
    except IsADirectoryError:
        raise SheetError("is a folder, not a spreadsheet") from None
    except OSError as error:
        raise SheetError(f"cannot read the file: {error.strerror}") from None
    size = max(size, len(data))
    if size > MAX_FILE_SIZE:
        raise SheetError(
            f"is {_megabytes(size)}, more than the {_megabytes(MAX_FILE_SIZE)} a spreadsheet "
            "of mentors may be; save only the mentors' sheet, as .xlsx or CSV"
        )
    return data


def _read_up_to(file: io.BufferedIOBase, limit: int) -> bytes:
    """The file's bytes, but no more than `limit` (read(limit) would take as much memory)."""
    chunks: list[bytes] = []
    read = 0
    while read < limit and (chunk := file.read(min(1 << 20, limit - read))):
        chunks.append(chunk)
        read += len(chunk)
    return b"".join(chunks)


def column_letter(index: int) -> str:
    """The letters a spreadsheet names a column by: 0 is A, 26 is AA."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:,.1f}".removesuffix(".0") + " MB"


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
    return _sheet(_csv_records(text))


def _csv_records(text: str) -> Iterator[Sequence[str]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator(text))
    number = 0
    while True:
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            # The csv module's own limit on a cell, which is above Excel's: one cell of the
            # next row holds more, but the module does not say which.
            if str(error).startswith("field larger than field limit"):
                longer = f"more than {csv.field_size_limit():,}"
                raise _Stop(LimitReached(number + 1, None, _too_long("a cell", longer))) from None
            raise SheetError(f"is not a readable CSV file: {error}") from None
        number += 1
        yield record if any(record) else ()  # blank lines cost no more than reading them


# -- XLSX ------------------------------------------------------------------------------------


def _read_xlsx(data: bytes) -> Sheet:
    # openpyxl is imported here: only an import of a workbook needs it, and it is an extra
    # (mentorsite[xlsx]).
    from openpyxl import load_workbook

    try:
        _check_unpacked_size(data)
        # read_only streams the rows; data_only gives a formula's last value, not its text.
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise SheetError(
            f"is not an Excel workbook (.xlsx) that can be read ({error}); "
            "save it again from Excel as .xlsx or CSV"
        ) from None
    try:
        try:
            worksheet = workbook.active or workbook.worksheets[0]
            name = worksheet.title if len(workbook.sheetnames) > 1 else None
            # The size a sheet states is not trusted: "A1:XFD1048576" would make every row
            # 16,384 cells long, down to row 1,048,576. A row is as long as its last cell.
            worksheet.reset_dimensions()
        except Exception as error:
            raise SheetError(f"is a damaged Excel workbook: {error}") from None
        sheet = _sheet(_xlsx_records(worksheet))
    finally:
        workbook.close()
    return replace(sheet, name=None if name is None else one_line(name))


def _check_unpacked_size(data: bytes) -> None:
    """Refuse a workbook whose parts unpack to more than the limit. The sizes are those the
    zip file states; zipfile never unpacks a part to more than its stated size."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = archive.infolist()
    total = sum(part.file_size for part in parts)
    if total > MAX_UNPACKED_SIZE:
        largest = max(parts, key=lambda part: part.file_size)
        raise SheetError(
            f"unpacks to {_megabytes(total)} ({largest.filename} alone is "
            f"{_megabytes(largest.file_size)}), more than the {_megabytes(MAX_UNPACKED_SIZE)} "
            "a workbook of mentors may; save only the mentors' sheet, as .xlsx or CSV"
        )


def _xlsx_records(worksheet: Any) -> Iterator[tuple[Cell, ...]]:
    rows = worksheet.iter_rows(values_only=True)
    while True:
        try:
            values = next(rows)
        except StopIteration:
            return
        except Exception as error:  # a damaged part of the workbook shows only as rows are read
            raise SheetError(f"is a damaged Excel workbook: {error}") from None
        yield values


# -- both ------------------------------------------------------------------------------------


def _sheet(records: Iterable[Sequence[Cell]]) -> Sheet:
    """Headers from the first row that holds anything; rows after it that hold anything.

    Reading stops at the first limit the records go beyond: the sheet then has no rows and
    says where (`limit`); a SheetError when that is before the headers.
    """
    headers: tuple[str, ...] | None = None
    rows: list[Row] = []
    try:
        for number, record in enumerate(records, start=1):
            if not record:
                continue
            cells = _cells(number, record)
            if not any(c is not None for c in cells):
                continue
            if headers is None:
                headers = _named(tuple("" if c is None else str(c).strip() for c in cells))
                continue
            if len(rows) == MAX_ROWS:
                raise _Stop(LimitReached(number, None, _too_many_rows()))
            rows.append(Row(number, cells[: len(headers)]))  # a column without header is no field
    except _Stop as stop:
        if headers is None:
            column = stop.limit.column
            where = "" if column is None else f", column {column_letter(column)}"
            raise SheetError(f"row {stop.limit.row}{where}: {stop.limit.text}") from None
        return Sheet(headers, (), limit=stop.limit)
    if headers is None:
        raise SheetError("is empty: expected a row of headers, then a row for each mentor")
    return Sheet(headers, tuple(rows))


def _named(headers: tuple[str, ...]) -> tuple[str, ...]:
    """The headers up to the last that is not empty."""
    return headers[: max(i + 1 for i, h in enumerate(headers) if h)]


def _cells(number: int, record: Sequence[Cell]) -> tuple[Cell, ...]:
    """A record's cells, an empty one as None; _Stop at one beyond the limits."""
    cells = tuple(None if _empty(c) else c for c in record)
    last = next((i for i in range(len(cells) - 1, -1, -1) if cells[i] is not None), -1)
    if last >= MAX_COLUMNS:
        raise _Stop(
            LimitReached(
                number,
                last,
                f"a value beyond the {MAX_COLUMNS} columns a sheet of mentors may have; "
                "delete it, or move it to a column further left",
            )
        )
    for index, cell in enumerate(cells):
        if isinstance(cell, str) and len(cell) > MAX_CELL_LENGTH:
            raise _Stop(LimitReached(number, index, _too_long("the cell", f"{len(cell):,}")))
    return cells


def _too_long(cell: str, length: str) -> str:
    return (
        f"{cell} holds {length} characters; a cell may hold at most {MAX_CELL_LENGTH:,} "
        "(Excel's own limit): shorten it"
    )


def _too_many_rows() -> str:
    return (
        f"the sheet has more than {MAX_ROWS:,} rows below its headers, the most an import "
        "reads: far more than an organisation has mentors; delete the rows that are not "
        "mentors, or import the sheet in parts"
    )


def _empty(cell: Cell) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())
