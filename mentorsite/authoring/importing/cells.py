"""What a cell of HR's spreadsheet means: text, whole numbers, dates and names, as people type them.

A sheet made by hand or by a form holds "  IT og digitalisering ", "2,0", "01-09-2026",
"9/14/2026 10:15:00", Excel's dates and the apostrophe a CSV puts before "+45 …". Each
function here reads one kind of value and says, in a CellError, why a cell is not one,
quoting the cell on one line. Nothing here knows of mentors.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime, time, timedelta

from mentorsite.authoring.importing.sheets import Cell
from mentorsite.i18n.text import fold, spellings
from mentorsite.problems import one_line


class CellError(ValueError):
    """A cell that cannot become its field's value: a sentence for a person for each thing
    wrong in it (each value of a list that is not found, say)."""


# -- names of ids ---------------------------------------------------------------------------


class Vocabulary:
    """The ids of one kind (units, qualifications, programmes…), found by id or by name."""

    def __init__(self, kind: str, names: Mapping[str, str]) -> None:
        self.kind = kind
        self.names = dict(names)  # id → name
        self._ids: dict[str, str] = {}
        for term_id, name in names.items():  # a name never hides an id
            for key in spellings(name):
                self._ids.setdefault(key, term_id)
        for term_id in names:
            for key in spellings(term_id):
                self._ids[key] = term_id

    def find(self, text: str) -> str | None:
        return next((self._ids[k] for k in spellings(text) if k in self._ids), None)

    def unknown(self, text: str) -> str:
        """Why `text` is not found: a close name, or the choices when they are few."""
        names = list(self.names.values())
        keys = {fold(name): name for name in names}
        close = difflib.get_close_matches(fold(text), list(keys), n=1, cutoff=0.6)
        if close:
            hint = f"; did you mean '{keys[close[0]]}'?"
        elif not names:
            hint = f"; no {self.kind} is defined"
        elif len(names) <= 12:
            hint = f"; expected one of: {', '.join(names)}"
        else:
            hint = ""
        return f"unknown {self.kind} '{one_line(text)}'{hint}"

    def find_all(self, text: str) -> tuple[list[str], list[str]]:
        """The ids in a list cell, and the parts not found.

        Parts are split at `,`, `;` and line breaks, then the longest run of parts that
        is a name is taken, so a name with a comma in it is still found.
        """
        parts = [p.strip() for p in re.split(r"[,;\n]", text)]
        parts = [p for p in parts if p]
        ids: list[str] = []
        missing: list[str] = []
        start = 0
        while start < len(parts):
            for end in range(len(parts), start, -1):
                found = self.find(", ".join(parts[start:end]))
                if found:
                    if found not in ids:
                        ids.append(found)
                    start = end
                    break
            else:
                missing.append(parts[start])
                start += 1
        return ids, missing


# -- numbers and dates ----------------------------------------------------------------------

# OWASP's guard against formulas in a CSV, which the site's own mentors.csv applies.
_FORMULA_GUARD = re.compile(r"^'(?=[=+\-@\t\r])")
_WHOLE = re.compile(r"^[+]?\d+(?:[.,]0*)?$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$")
_DAY_MONTH = re.compile(r"^(\d{1,2})([-./])(\d{1,2})\2(\d{4})(?:[ ,T].*)?$")
_EXCEL_EPOCH = date(1899, 12, 30)  # day 0 of Excel's count of days
_EXCEL_DAYS = range(18264, 91311)  # 1950 to 2149: a number out of these is no date


def cell_text(cell: Cell) -> str | None:
    """A cell as text, without the formula guard; None when empty."""
    if cell is None:
        return None
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    if isinstance(cell, datetime):
        cell = cell.date() if cell.time() == time() else cell
    text = cell.isoformat() if isinstance(cell, date | time) else str(cell)
    text = _FORMULA_GUARD.sub("", text.replace("\r\n", "\n").strip())
    return text or None


def whole_number(cell: Cell) -> int:
    """2, " 2 ", "2,0" and 2.0 are 2."""
    if isinstance(cell, bool):
        raise CellError(f"expected a whole number, found '{cell}'")
    if isinstance(cell, int):
        return cell
    if isinstance(cell, float) and cell.is_integer():
        return int(cell)
    text = cell_text(cell) or ""
    if not _WHOLE.match(text):
        raise CellError(f"expected a whole number, found '{one_line(text)}'")
    return int(re.split(r"[.,]", text)[0])


def day_comes_first(cells: Sequence[Cell]) -> bool:
    """Whether the dates with `/` in a column are D/M/YYYY (Danish and British) rather
    than M/D/YYYY (an American form's timestamps): D/M unless a day shows in second place."""
    second_is_day = first_is_day = False
    for cell in cells:
        match = _DAY_MONTH.match(cell.strip()) if isinstance(cell, str) else None
        if match and match[2] == "/":
            first_is_day |= int(match[1]) > 12
            second_is_day |= int(match[3]) > 12
    return not (second_is_day and not first_is_day)


def a_date(cell: Cell, *, day_first: bool = True) -> date:
    """YYYY-MM-DD, DD-MM-YYYY, DD.MM.YYYY, D/M/YYYY (a time after it is dropped), a date
    cell of Excel, or the number Excel keeps a date as."""
    if isinstance(cell, datetime):
        return cell.date()
    if isinstance(cell, date):
        return cell
    if isinstance(cell, int | float) and not isinstance(cell, bool) and int(cell) in _EXCEL_DAYS:
        return _EXCEL_EPOCH + timedelta(days=int(cell))
    text = cell_text(cell) or ""
    try:
        if match := _ISO_DATE.match(text):
            return date(int(match[1]), int(match[2]), int(match[3]))
        if match := _DAY_MONTH.match(text):
            day, month = int(match[1]), int(match[3])
            if match[2] == "/" and not day_first:
                day, month = month, day
            return date(int(match[4]), month, day)
    except ValueError:
        raise CellError(f"'{one_line(text)}' is not a date in the calendar") from None
    raise CellError(f"expected a date such as 2026-09-01 or 01-09-2026, found '{one_line(text)}'")
