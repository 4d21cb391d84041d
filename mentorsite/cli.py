"""The command line: `mentorsite check`, `build` and `serve`.

`check` needs only the core. `build` and `serve` drive MkDocs with the project's own
mkdocs.yml, so that `mkdocs build` and `mentorsite build` make the same site.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import __version__
from .changes import Change, by_commit, list_changes
from .content import Content, LoadResult, Paths, build_date, load_content
from .history import NO_COMMITS, Commit, HistoryError, read_history
from .locale import Strings
from .pairs import check_pairs, load_pairs
from .problems import did_you_mean
from .render import theme_dirs

EDITION_VARIABLE = "MENTORSITE_EDITION"
DEFAULT_CONFIG = "mkdocs.yml"


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    # Material's notice about the future of MkDocs is for site authors, not for each build.
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return 130
    except Exception as error:
        if os.environ.get("MENTORSITE_DEBUG"):
            raise
        print(f"mentorsite: error: {error}", file=sys.stderr)
        print("(set MENTORSITE_DEBUG=1 to see where it happened)", file=sys.stderr)
        return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mentorsite",
        description="Validate a mentoring programme kept as YAML, and publish it as a static "
        "site with MkDocs and Material for MkDocs.",
    )
    parser.add_argument("--version", action="version", version=f"mentorsite {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", dest="command")

    def config_option(command: argparse.ArgumentParser) -> None:
        command.add_argument(
            "-f",
            "--config-file",
            metavar="FILE",
            default=DEFAULT_CONFIG,
            help="the project's MkDocs configuration (default: %(default)s); content/ and "
            "config/ are found beside it",
        )

    check = commands.add_parser(
        "check",
        help="validate the configuration and all content",
        description="Validate config/ and content/. Prints one line per problem as "
        "PATH:LINE:COL: error|warning: MESSAGE. Exit status 0 when there is no "
        "error, 1 otherwise.",
    )
    config_option(check)
    check.add_argument(
        "--strict",
        action="store_true",
        help="treat warnings (empty planning topics, stale profiles) as errors",
    )
    check.set_defaults(run=run_check)

    build = commands.add_parser(
        "build",
        help="check, then build the site",
        description="Check the content, then build the site. The site is built in a "
        "temporary folder and replaces the previous one only when the build "
        "succeeds.",
    )
    config_option(build)
    build.add_argument(
        "-d",
        "--site-dir",
        metavar="DIR",
        help="where to write the site (default: site_dir of mkdocs.yml)",
    )
    build.add_argument(
        "--edition",
        choices=("staff", "hr"),
        help="staff (the default) leaves out HR-only fields; hr includes them",
    )
    build.add_argument("--strict", action="store_true", help="treat warnings as errors")
    build.set_defaults(run=run_build)

    pairs = commands.add_parser(
        "pairs",
        help="work with a private file of mentees and pairs",
        description="Commands on a private YAML file of mentees and mentor–mentee pairs. "
        "Keep that file outside content/: it is never published.",
    )
    pair_commands = pairs.add_subparsers(title="commands", metavar="COMMAND", dest="pairs_command")
    pairs_check = pair_commands.add_parser(
        "check",
        help="check every pair against the rules in force",
        description="Apply every machine-checkable rule in force for each pair's programme on "
        "the pair's dates. Prints FILE:LINE: RULE: SENTENCE for each violation; exit status 1 "
        "if there is any.",
    )
    config_option(pairs_check)
    pairs_check.add_argument("file", metavar="FILE", help="the private pairs file")
    pairs_check.set_defaults(run=run_pairs_check)
    pairs.set_defaults(run=lambda args: (pairs.print_help(), 2)[1])

    match = commands.add_parser(
        "match",
        help="propose mentors for the mentees who have none",
        description="Propose mentors for the mentees of a private pairs file who have no active "
        "pair. Rules in force and capacity are never broken; among the pairs left, the "
        "assignment with the best total fit is chosen. Prints a table, then the proposed pairs "
        "as YAML (or writes the YAML to -o FILE).",
    )
    config_option(match)
    match.add_argument("file", metavar="FILE", help="the private pairs file")
    match.add_argument("-o", "--output", metavar="FILE", help="write the proposals as YAML here")
    match.set_defaults(run=run_match)

    changes = commands.add_parser(
        "changes",
        help="list what changed in the rules, roles and programmes, in words",
        description="List the changes to rules, roles, programmes and responsibilities "
        "from the git history, newest first: each commit with its date, id and subject, "
        "then what it changed, in the site's language. Only committed changes count.",
    )
    config_option(changes)
    changes.add_argument(
        "--since",
        metavar="REV",
        help="only changes made after REV (a tag, branch or commit), as in git's REV..HEAD",
    )
    changes.add_argument(
        "--role",
        metavar="ROLE",
        help="only what concerns the role with this id, e.g. line-manager",
    )
    changes.set_defaults(run=run_changes)

    serve = commands.add_parser(
        "serve",
        help="preview the site, rebuilding when content, config or themes change",
        description="Serve a live preview. It rebuilds whenever a file in content/, config/ "
        "or a theme folder changes.",
    )
    config_option(serve)
    serve.add_argument(
        "-a", "--dev-addr", metavar="IP:PORT", help="address to serve on (default: 127.0.0.1:8000)"
    )
    serve.add_argument("--edition", choices=("staff", "hr"), help="which edition to preview")
    serve.set_defaults(run=run_serve)
    return parser


# -- check ----------------------------------------------------------------------------------


def _project_paths(config_file: Path, config: Any = None) -> Paths:
    """Where content/ and config/ are: from the plugin's options when mkdocs.yml has them."""
    if not config_file.is_file():
        return Paths.at(config_file.parent)
    config = config or _load_mkdocs_config(config_file)
    plugin = config.plugins.get("mentorsite")
    if plugin is None:
        return Paths.at(config_file.parent)
    return Paths.at(config_file.parent, plugin.config.content_dir, plugin.config.config_dir)


def check(paths: Paths, *, strict: bool = False) -> tuple[int, LoadResult]:
    """Print every problem, then a summary; the exit status, and what was loaded."""
    result = load_content(paths)
    for problem in result.problems:
        print(problem)
    errors, warnings = len(result.errors), len(result.warnings)
    failed = errors or (strict and warnings)
    summary = (
        f"{_count(errors, 'error')}, {_count(warnings, 'warning')} "
        f"in {_count(result.files, 'file')}"
    )
    if strict and warnings and not errors:
        summary += " (--strict: warnings count as errors)"
    print(f"mentorsite: {summary}", file=sys.stderr)
    return (1 if failed else 0), result


def run_check(args: argparse.Namespace) -> int:
    paths = _project_paths(Path(args.config_file).resolve())
    return check(paths, strict=args.strict)[0]


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _valid_content(args: argparse.Namespace, config: Any = None) -> Content | None:
    result = load_content(_project_paths(Path(args.config_file).resolve(), config))
    if result.content is None:
        for problem in result.errors:
            print(problem)
        print("mentorsite: the content has errors; run mentorsite check", file=sys.stderr)
    return result.content


def run_match(args: argparse.Namespace) -> int:
    # SciPy takes a third of a second to import: only the command that solves needs it.
    from .match import match, result_table, result_yaml

    content = _valid_content(args)
    if content is None:
        return 1
    _, pairs, problems = load_pairs(Path(args.file), args.file, content)
    if pairs is None:
        for problem in problems:
            print(problem)
        print(f"mentorsite: {_count(len(problems), 'error')} in {args.file}", file=sys.stderr)
        return 1
    result = match(pairs, content, build_date())
    print(result_table(result, pairs, content), end="")
    proposals = result_yaml(result, pairs, content)
    if args.output:
        Path(args.output).write_text(proposals, encoding="utf-8")
        print(f"mentorsite: wrote the proposals to {args.output}", file=sys.stderr)
    else:
        print("\n# Proposed pairs\n" + proposals, end="")
    print(
        f"mentorsite: {_count(len(result.proposals), 'proposal')}, "
        f"{len(result.unmatched)} unmatched",
        file=sys.stderr,
    )
    return 0


def run_pairs_check(args: argparse.Namespace) -> int:
    content = _valid_content(args)
    if content is None:
        return 1
    path = Path(args.file)
    report = check_pairs(path, args.file, content, build_date())
    for line in [*report.problems, *report.violations]:
        print(line)
    if report.problems:
        print(
            f"mentorsite: {_count(len(report.problems), 'error')} in {args.file}; "
            "no pair was checked",
            file=sys.stderr,
        )
        return 1
    print(
        f"mentorsite: {_count(len(report.violations), 'violation')} in "
        f"{_count(report.pairs, 'pair')}",
        file=sys.stderr,
    )
    return 1 if report.violations else 0


def run_changes(args: argparse.Namespace) -> int:
    config_file = Path(args.config_file).resolve()
    config = _load_mkdocs_config(config_file) if config_file.is_file() else None
    content = _valid_content(args, config)
    if content is None:
        return 1
    if args.role is not None and args.role not in content.roles:
        roles = ", ".join(content.roles)
        hint = did_you_mean(args.role, content.roles) or f"; the roles are {roles}"
        print(f"mentorsite: error: unknown role '{args.role}'{hint}", file=sys.stderr)
        return 1
    try:
        history = read_history(content.paths, since=args.since)
    except HistoryError as error:
        print(f"mentorsite: error: {error}", file=sys.stderr)
        return 1
    if not history.available:
        # Nothing to list is the truth for a repository without commits; anywhere else
        # an empty list would pass for "nothing changed", so it is an error.
        if history.status == NO_COMMITS:
            print(f"mentorsite: no history yet: {history.reason}", file=sys.stderr)
            return 0
        print(f"mentorsite: error: no history: {history.reason}", file=sys.stderr)
        return 1
    if history.shallow:
        print(f"mentorsite: warning: {history.reason}", file=sys.stderr)
    strings = Strings.load(content.organisation.language, _theme_dirs(config_file, config))
    groups = by_commit(list_changes(history, content, strings, role=args.role))
    try:
        _print_changes(groups, strings)
    except BrokenPipeError:  # `mentorsite changes | head`: the reader has seen enough
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    count = sum(len(changes) for _, changes in groups)
    print(
        f"mentorsite: {_count(count, 'change')} in {_count(len(groups), 'commit')}"
        + (f" concerning the role {args.role}" if args.role else ""),
        file=sys.stderr,
    )
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


def _theme_dirs(config_file: Path, config: Any) -> list[Path]:
    """The theme folders of the project, its own first: its UI strings win."""
    plugin = config.plugins.get("mentorsite") if config is not None else None
    custom = plugin.config.theme_dir if plugin is not None else None
    return theme_dirs(config_file.parent / custom if custom else None)


# -- build and serve ------------------------------------------------------------------------


def run_build(args: argparse.Namespace) -> int:
    config_file = Path(args.config_file).resolve()
    if not config_file.is_file():
        print(
            f"mentorsite: error: {args.config_file} not found; run mentorsite in the "
            "project's folder or give -f FILE",
            file=sys.stderr,
        )
        return 1
    if args.edition:
        os.environ[EDITION_VARIABLE] = args.edition
    config = _load_mkdocs_config(config_file, strict=args.strict)
    status, result = check(_project_paths(config_file, config), strict=args.strict)
    if status:
        print("mentorsite: nothing was built; the previous site is as it was", file=sys.stderr)
        return status
    _show_mkdocs_log(already_said={str(p) for p in result.problems})

    from mkdocs.commands.build import build
    from mkdocs.exceptions import MkDocsException

    target = Path(args.site_dir).resolve() if args.site_dir else Path(config.site_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    workdir = Path(tempfile.mkdtemp(prefix=f".{target.name}-building-", dir=target.parent))
    config.site_dir = str(workdir)
    try:
        build(config)
    except (MkDocsException, SystemExit, Exception) as error:
        shutil.rmtree(workdir, ignore_errors=True)
        message = str(error) or type(error).__name__
        print(f"mentorsite: error: {message}", file=sys.stderr)
        print("mentorsite: the build failed; the previous site is as it was", file=sys.stderr)
        return 1
    _swap_in(workdir, target)
    print(
        f"mentorsite: built the {os.environ.get(EDITION_VARIABLE, 'staff')} edition in {target}",
        file=sys.stderr,
    )
    return 0


def _swap_in(built: Path, target: Path) -> None:
    """Replace `target` by `built` with renames, so that no half-written site is ever seen."""
    built.chmod(0o755)
    previous = None
    if target.exists():
        previous = target.with_name(f".{target.name}-previous-{os.getpid()}")
        target.rename(previous)
    built.rename(target)
    if previous is not None:
        shutil.rmtree(previous, ignore_errors=True)


def run_serve(args: argparse.Namespace) -> int:
    config_file = Path(args.config_file).resolve()
    if not config_file.is_file():
        print(f"mentorsite: error: {args.config_file} not found", file=sys.stderr)
        return 1
    if args.edition:
        os.environ[EDITION_VARIABLE] = args.edition
    _show_mkdocs_log()
    from mkdocs.commands.serve import serve
    from mkdocs.exceptions import MkDocsException

    options = {"dev_addr": args.dev_addr} if args.dev_addr else {}
    try:
        serve(str(config_file), livereload=True, **options)
    except MkDocsException as error:
        print(f"mentorsite: error: {error}", file=sys.stderr)
        return 1
    return 0


def _load_mkdocs_config(config_file: Path, strict: bool = False):
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    try:
        return load_config(str(config_file), strict=strict)
    except ConfigurationError as error:
        raise RuntimeError(f"{config_file.name}: {error}") from None


class _Said(logging.Filter):
    """Drops the plugin's repeat of problems that `check` has printed already."""

    def __init__(self, said: set[str]) -> None:
        super().__init__()
        self.said = said

    def filter(self, record: logging.LogRecord) -> bool:
        return record.getMessage().removeprefix("mentorsite: ") not in self.said


def _show_mkdocs_log(already_said: set[str] | None = None) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    if already_said:
        handler.addFilter(_Said(already_said))
    logger = logging.getLogger("mkdocs")
    logger.handlers[:] = [handler]
    logger.setLevel(logging.INFO)
    logger.propagate = False
