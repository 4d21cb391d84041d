"""`mentorsite changes`: what the git history changed in rules, roles and programmes, in words.

As text, every change under its commit, newest first. As Markdown (`--format markdown`),
what the changes mean for each role, a section a role: the words a pull or merge request
shows its reviewers, so that HR and line managers review a rule as a sentence, not a diff.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

from mentorsite.adapters.cli.console import count, say, valid_content
from mentorsite.adapters.mkdocs.project import load_project
from mentorsite.content import Content
from mentorsite.history.changes import Change, by_commit, list_changes
from mentorsite.history.git import NO_COMMITS, Commit, HistoryError, read_history
from mentorsite.i18n.strings import Strings
from mentorsite.i18n.text import sort_key
from mentorsite.problems import did_you_mean
from mentorsite.project import theme_dirs


def run_changes(args: argparse.Namespace) -> int:
    config_file = Path(args.config_file).resolve()
    project = load_project(config_file) if config_file.is_file() else None
    themes = project.themes if project is not None else theme_dirs()
    begins = project.history_since if project is not None else None
    skip = project.history_skip if project is not None else []
    content = valid_content(args)
    if content is None:
        return 1
    if args.role is not None and args.role not in content.roles:
        roles = ", ".join(content.roles)
        hint = did_you_mean(args.role, content.roles) or f"; the roles are {roles}"
        say(f"error: unknown role '{args.role}'{hint}")
        return 1
    try:
        history = read_history(content.paths, since=args.since, begins=begins, skip=skip)
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
    listed = list_changes(history, content, strings, role=args.role)
    groups = by_commit(listed)
    try:
        if args.format == "markdown":
            roles = [args.role] if args.role else _roles(content, listed)
            print(changes_markdown(listed, roles, content, strings), end="")
        else:
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


def changes_markdown(
    changes: list[Change], roles: list[str], content: Content, strings: Strings
) -> str:
    """A section for each of `roles`: what the changes mean for it, commit by commit, or
    that nothing changed for it."""
    sections = []
    for role_id in roles:
        role = content.roles.get(role_id)
        name = role.name if role else role_id  # a role that is gone: its id
        lines = [f"## {_escaped(strings('history.title_for', role=name))}", ""]
        mine = [part for change in changes if (part := change.for_role(role_id))]
        for commit, group in by_commit(mine):
            day, subject = strings.date(commit.day), _escaped(commit.subject)
            lines += [f"**{day}** · `{commit.short}` · {subject}", ""]
            for change in group:
                kind = strings(f"changes.kinds.{change.kind}")
                title = f"{kind}: {change.title}" if change.title != kind else kind
                lines.append(f"- **{_escaped(title)}**")
                lines += [f"  - {_escaped(sentence)}" for sentence in change.sentences]
            lines.append("")
        if not mine:
            people = (role.people or role.name) if role else role_id
            lines += [_escaped(strings("history.none_for", role=people)), ""]
        sections.append("\n".join(lines))
    return "\n".join(sections)


def _roles(content: Content, changes: list[Change]) -> list[str]:
    """Every role in the site's order, then any role that is gone but was changed."""
    ordered = sorted(
        content.roles, key=lambda i: (content.roles[i].order, sort_key(content.roles[i].name))
    )
    gone = sorted({r for change in changes for r in change.roles} - set(content.roles))
    return ordered + gone


# What Markdown would read as syntax, anywhere in a line or at its start (a heading, a list);
# escaped, a title or a sentence shows as the text it is.
_MARKDOWN_INLINE = re.compile(r"([\\`*_\[\]<>|~&])")
_MARKDOWN_MARK = re.compile(r"^([#+-])")
_MARKDOWN_NUMBER = re.compile(r"^(\d+)([.)])")


def _escaped(text: str) -> str:
    text = _MARKDOWN_INLINE.sub(r"\\\1", text)
    return _MARKDOWN_NUMBER.sub(r"\1\\\2", _MARKDOWN_MARK.sub(r"\\\1", text))
