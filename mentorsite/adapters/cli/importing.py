"""`mentorsite import mentors FILE`: a mentor file for each row of a CSV or XLSX sheet."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mentorsite.adapters.cli.console import say, valid_content
from mentorsite.adapters.cli.schema import refresh_schemas
from mentorsite.content import build_date


def run_import_mentors(args: argparse.Namespace) -> int:
    # The spreadsheet readers are for this command alone: the others need not load them.
    from mentorsite.authoring.importing.mentors import parse_map, plan_import, report, write_plan
    from mentorsite.authoring.importing.sheets import SheetError, read_sheet

    try:
        mapping = parse_map(args.map)
    except ValueError as error:
        say(f"error: {error}")
        return 1
    try:
        sheet = read_sheet(Path(args.file))
    except SheetError as error:
        print(f"{args.file}: error: {error}", file=sys.stderr)
        return 1
    content = valid_content(args)
    if content is None:
        return 1
    plan = plan_import(
        sheet, args.file, content, mapping=mapping, update=args.update, today=build_date()
    )
    if sheet.name:
        say(f"reading the sheet '{sheet.name}' of {args.file}")
    if not args.dry_run:
        write_plan(plan)
    lines, summary_lines = report(plan, dry_run=args.dry_run)
    for line in lines:
        print(line)
    for line in summary_lines:
        print(line, file=sys.stderr)
    if not args.dry_run:
        refresh_schemas(content.paths)
    return 1 if plan.failed else 0
