"""`mentorsite pairs check` and `mentorsite match`: the rules applied to HR's private pairs file.

`pairs check` finds the pairs that break a rule in force; `match` proposes mentors for
the mentees who have none, within the rules and the mentors' capacity.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from mentorsite.adapters.cli.console import count, print_problems, say, valid_content
from mentorsite.content import build_date
from mentorsite.pairing.pairs import check_pairs, load_pairs


def run_pairs_check(args: argparse.Namespace) -> int:
    content = valid_content(args)
    if content is None:
        return 1
    report = check_pairs(Path(args.file), args.file, content, build_date())
    print_problems(report.problems)
    if report.problems:
        say(f"{count(len(report.problems), 'error')} in {args.file}; no pair was checked")
        return 1
    for violation in report.violations:
        print(violation)
    say(f"{count(len(report.violations), 'violation')} in {count(report.pairs, 'pair')}")
    return 1 if report.violations else 0


def run_match(args: argparse.Namespace) -> int:
    # SciPy takes a third of a second to import, and is an extra (mentorsite[match]): only
    # the command that solves needs it.
    from mentorsite.pairing.match import match, result_table, result_yaml

    content = valid_content(args)
    if content is None:
        return 1
    _, pairs, problems = load_pairs(Path(args.file), args.file, content)
    if pairs is None:
        print_problems(problems)
        say(f"{count(len(problems), 'error')} in {args.file}")
        return 1
    result = match(pairs, content, build_date())
    print(result_table(result, pairs, content), end="")
    proposals = result_yaml(result, pairs, content)
    if args.output:
        Path(args.output).write_text(proposals, encoding="utf-8")
        say(f"wrote the proposals to {args.output}")
    else:
        print("\n# Proposed pairs\n" + proposals, end="")
    say(f"{count(len(result.proposals), 'proposal')}, {len(result.unmatched)} unmatched")
    return 0
