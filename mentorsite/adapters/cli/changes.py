"""`mentorsite changes`: what the git history changed in rules, roles and programmes, in words."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from mentorsite.adapters.cli.console import count, say, valid_content
from mentorsite.adapters.mkdocs.project import load_project
from mentorsite.history.changes import Change, by_commit, list_changes
from mentorsite.history.git import NO_COMMITS, Commit, HistoryError, read_history
from mentorsite.i18n.strings import Strings
from mentorsite.problems import did_you_mean
from mentorsite.project import theme_dirs


def run_changes(args: argparse.Namespace) -> int:
    config_file = Path(args.config_file).resolve()
    themes = load_project(config_file).themes if config_file.is_file() else theme_dirs()
    content = valid_content(args)
    if content is None:
        return 1
    if args.role is not None and args.role not in content.roles:
        roles = ", ".join(content.roles)
        hint = did_you_mean(args.role, content.roles) or f"; the roles are {roles}"
        say(f"error: unknown role '{args.role}'{hint}")
        return 1
    try:
        history = read_history(content.paths, since=args.since)
    except HistoryError as error:
        say(f"error: {error}")
        return 1
    if not history.available:
        # Nothing to list is the truth for a repository without commits; anywhere else
        # an empty list would pass for "nothing changed", so it is an error.
        if history.status == NO_COMMITS:
            say(f"no history yet: {history.reason}")
            return 0
        say(f"error: no history: {history.reason}")
        return 1
    if history.shallow:
        say(f"warning: {history.reason}")
    strings = Strings.load(content.organisation.language, themes)
    groups = by_commit(list_changes(history, content, strings, role=args.role))
    try:
        _print_changes(groups, strings)
    except BrokenPipeError:  # `mentorsite changes | head`: the reader has seen enough
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    changes = sum(len(changes) for _, changes in groups)
    concerning = f" concerning the role {args.role}" if args.role else ""
    say(f"{count(changes, 'change')} in {count(len(groups), 'commit')}{concerning}")
    return 0


def _print_changes(groups: list[tuple[Commit, list[Change]]], strings: Strings) -> None:
    for number, (commit, changes) in enumerate(groups):
        if number:
            print()
        print(f"{commit.day.isoformat()}  {commit.short}  {commit.subject}")
        for change in changes:
            kind = strings(f"changes.kinds.{change.kind}")
            print(f"  {kind}: {change.title}" if change.title != kind else f"  {kind}")
            for sentence in change.sentences:
                print(f"    {sentence}")
