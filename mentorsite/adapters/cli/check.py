"""`mentorsite check`: every problem in config/ and content/, one per line, then a summary."""

from __future__ import annotations

import argparse
from pathlib import Path

from mentorsite.adapters.cli.console import count, print_problems, say
from mentorsite.adapters.mkdocs.project import project_paths
from mentorsite.authoring.schema import stale_schemas
from mentorsite.content import LoadResult, build_date, load_content
from mentorsite.problems import display_path
from mentorsite.project import Paths
from mentorsite.report import hr_report, summary


def check(paths: Paths, *, strict: bool = False, style: str = "text") -> tuple[int, LoadResult]:
    """Print every problem, then a summary; the exit status, and what was loaded."""
    result = load_content(paths)
    print_problems(result.problems, style=style)
    if result.content is not None:
        for line in summary(hr_report(result.content, build_date()), result.content):
            say(line)
    errors, warnings = len(result.errors), len(result.warnings)
    failed = errors or (strict and warnings)
    counts = (
        f"{count(errors, 'error')}, {count(warnings, 'warning')} in {count(result.files, 'file')}"
    )
    if strict and warnings and not errors:
        counts += " (--strict: warnings count as errors)"
    say(counts)
    return (1 if failed else 0), result


def run_check(args: argparse.Namespace) -> int:
    paths = project_paths(Path(args.config_file).resolve())
    status, result = check(paths, strict=args.strict, style=args.format)
    # Stale schemas mislead the editor (an id missing from an enum), but the content is fine.
    for path in stale_schemas(result.content) if result.content is not None else []:
        state = "is out of date" if path.is_file() else "is missing"
        say(f"{display_path(path, paths.root)} {state}: run mentorsite schema")
    return status
