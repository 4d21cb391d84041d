"""What an import tells the user: a line for each problem and each file, then a summary."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mentorsite.authoring.importing.columns import SUBMITTED
from mentorsite.model.columns import CSV_HEADERS
from mentorsite.problems import display_path, one_line

if TYPE_CHECKING:
    from mentorsite.authoring.importing.mentors import ImportPlan, Message


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
