"""The command line: `mentorsite check`, `build`, `serve`, and HR's tools beside them.

`check` needs only the core. `build` and `serve` drive MkDocs with the project's own
mkdocs.yml, so that `mkdocs build` and `mentorsite build` make the same site. The others
work on the files themselves: `new` and `import mentors` write them, `schema` writes what
editors check them with, `changes` reads their history, and `pairs check` and `match`
apply the rules to HR's private pairs file.
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

from mentorsite import __version__
from mentorsite.adapters.mkdocs.project import (
    MkDocsProject,
    load_project,
    project_paths,
)
from mentorsite.adapters.mkdocs.project import build as build_with_mkdocs
from mentorsite.adapters.mkdocs.project import serve as serve_with_mkdocs
from mentorsite.authoring.new import NewFileError, create, read_known, to_fill_in
from mentorsite.authoring.schema import (
    SCHEMA_FOLDER,
    build_schemas,
    read_vocabulary,
    stale_schemas,
    vocabulary,
    write_schemas,
)
from mentorsite.content import Content, LoadResult, build_date, load_content
from mentorsite.history.changes import Change, by_commit, list_changes
from mentorsite.history.git import NO_COMMITS, Commit, HistoryError, read_history
from mentorsite.i18n.strings import Strings
from mentorsite.model import CONTENT_KINDS
from mentorsite.output import not_ours, swap_in, unsafe_target
from mentorsite.pairing.pairs import check_pairs, load_pairs
from mentorsite.problems import did_you_mean, display_path
from mentorsite.project import Paths, theme_dirs
from mentorsite.report import hr_report, summary

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

    def pairs_option(command: argparse.ArgumentParser) -> None:
        command.add_argument(
            "--pairs",
            metavar="FILE",
            help="HR's private pairs file: the HR edition's overview (/hr/) counts the mentees "
            "waiting for a mentor in it; the staff edition never reads it",
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
    check.add_argument(
        "--format",
        choices=("text", "github"),
        default="text",
        help="text (the default): PATH:LINE:COL: error: MESSAGE; github: as GitHub Actions "
        "annotations, so that each problem shows at its line in the pull request",
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
    pairs_option(build)
    build.add_argument("--strict", action="store_true", help="treat warnings as errors")
    build.add_argument(
        "--force",
        action="store_true",
        help="replace DIR even if it holds files that mentorsite did not build",
    )
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

    import_ = commands.add_parser(
        "import",
        help="import content from a spreadsheet",
        description="Import content from the CSV and XLSX files that Microsoft Forms, Google "
        "Forms and Excel save.",
    )
    import_commands = import_.add_subparsers(
        title="commands", metavar="COMMAND", dest="import_command"
    )
    import_mentors = import_commands.add_parser(
        "mentors",
        help="write a mentor file for each row of a spreadsheet",
        description="Write content/mentors/<id>.yml for each row of a CSV or XLSX file. Columns "
        "are read by their headers, in Danish or English; taxonomy values and programmes by id "
        "or by name, whatever the case and the accents. A row with a value that cannot be read "
        "is reported and left out; the other rows are written. An existing file is never "
        "overwritten without --update. Exit status 1 if any row was left out.",
    )
    config_option(import_mentors)
    import_mentors.add_argument("file", metavar="FILE", help="the spreadsheet: .csv or .xlsx")
    import_mentors.add_argument(
        "--update",
        action="store_true",
        help="update the mentors whose files exist: the fields the sheet has columns for are "
        "replaced, the others (bio, photo…) are kept",
    )
    import_mentors.add_argument(
        "--map",
        metavar="HEADER=FIELD",
        action="append",
        default=[],
        help="read the column HEADER as the mentor field FIELD (e.g. 'Hvilke sprog taler "
        "du?=languages'), or ignore it with 'HEADER='; may be given more than once",
    )
    import_mentors.add_argument(
        "--dry-run",
        action="store_true",
        help="say what would be created and updated, and write nothing",
    )
    import_mentors.set_defaults(run=run_import_mentors)
    import_.set_defaults(run=lambda args: (import_.print_help(), 2)[1])

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
    pairs_option(serve)
    serve.set_defaults(run=run_serve)

    new = commands.add_parser(
        "new",
        help="start a new mentor, programme, rule or role file, with every field explained",
        description="Write content/<kind folder>/ID.yml with every field of its kind, each with "
        "a comment in the organisation's language, and the schema line for editors. Values "
        "only HR can know are left empty: mentorsite check names them until they are filled "
        "in. An existing file is never overwritten.",
    )
    config_option(new)
    new.add_argument("kind", metavar="KIND", choices=tuple(CONTENT_KINDS), help="%(choices)s")
    new.add_argument(
        "id",
        metavar="ID",
        help="the new file's id, which is also its name: lowercase a-z, 0-9 and '-', "
        "e.g. sara-holm",
    )
    new.set_defaults(run=run_new)

    schema = commands.add_parser(
        "schema",
        help="write JSON Schemas for editors that check the YAML as you type",
        description="Write a JSON Schema for each kind of file (organisation, taxonomy, "
        "programme, mentor, rule, role, responsibilities, pairs) from the models, the "
        "taxonomy's ids and the content's ids, in the organisation's language. VS Code's YAML "
        "extension reads them. Run it again after changing the taxonomy or adding programmes, "
        "mentors, rules or roles. Only files whose text changes are written.",
    )
    config_option(schema)
    schema.add_argument(
        "-o",
        "--output",
        metavar="DIR",
        help=f"where to write them (default: {SCHEMA_FOLDER}/ beside the MkDocs configuration)",
    )
    schema.set_defaults(run=run_schema)
    return parser


# -- check ----------------------------------------------------------------------------------


def check(paths: Paths, *, strict: bool = False, style: str = "text") -> tuple[int, LoadResult]:
    """Print every problem, then a summary; the exit status, and what was loaded."""
    result = load_content(paths)
    for problem in result.problems:
        print(problem.annotation() if style == "github" else problem)
    if result.content is not None:
        for line in summary(hr_report(result.content, build_date()), result.content):
            print(f"mentorsite: {line}", file=sys.stderr)
    errors, warnings = len(result.errors), len(result.warnings)
    failed = errors or (strict and warnings)
    counts = (
        f"{_count(errors, 'error')}, {_count(warnings, 'warning')} "
        f"in {_count(result.files, 'file')}"
    )
    if strict and warnings and not errors:
        counts += " (--strict: warnings count as errors)"
    print(f"mentorsite: {counts}", file=sys.stderr)
    return (1 if failed else 0), result


def run_check(args: argparse.Namespace) -> int:
    paths = project_paths(Path(args.config_file).resolve())
    status, result = check(paths, strict=args.strict, style=args.format)
    # Stale schemas mislead the editor (an id missing from an enum), but the content is fine.
    for path in stale_schemas(result.content) if result.content is not None else []:
        state = "is out of date" if path.is_file() else "is missing"
        print(
            f"mentorsite: {display_path(path, paths.root)} {state}: run mentorsite schema",
            file=sys.stderr,
        )
    return status


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _valid_content(args: argparse.Namespace) -> Content | None:
    result = load_content(project_paths(Path(args.config_file).resolve()))
    if result.content is None:
        for problem in result.errors:
            print(problem)
        print("mentorsite: the content has errors; run mentorsite check", file=sys.stderr)
    return result.content


def run_match(args: argparse.Namespace) -> int:
    # SciPy takes a third of a second to import: only the command that solves needs it.
    from mentorsite.pairing.match import match, result_table, result_yaml

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


def run_import_mentors(args: argparse.Namespace) -> int:
    from mentorsite.authoring.importing.mentors import parse_map, plan_import, report, write_plan
    from mentorsite.authoring.importing.sheets import SheetError, read_sheet

    try:
        mapping = parse_map(args.map)
    except ValueError as error:
        print(f"mentorsite: error: {error}", file=sys.stderr)
        return 1
    try:
        sheet = read_sheet(Path(args.file))
    except SheetError as error:
        print(f"{args.file}: error: {error}", file=sys.stderr)
        return 1
    content = _valid_content(args)
    if content is None:
        return 1
    plan = plan_import(
        sheet, args.file, content, mapping=mapping, update=args.update, today=build_date()
    )
    if sheet.name:
        print(f"mentorsite: reading the sheet '{sheet.name}' of {args.file}", file=sys.stderr)
    if not args.dry_run:
        write_plan(plan)
    lines, summary_lines = report(plan, dry_run=args.dry_run)
    for line in lines:
        print(line)
    for line in summary_lines:
        print(line, file=sys.stderr)
    if not args.dry_run:
        _refresh_schemas(content.paths)
    return 1 if plan.failed else 0


def run_changes(args: argparse.Namespace) -> int:
    config_file = Path(args.config_file).resolve()
    themes = load_project(config_file).themes if config_file.is_file() else theme_dirs()
    content = _valid_content(args)
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
    strings = Strings.load(content.organisation.language, themes)
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


# -- schema ---------------------------------------------------------------------------------


def run_schema(args: argparse.Namespace) -> int:
    paths = project_paths(Path(args.config_file).resolve())
    result = load_content(paths)
    if result.content is not None:
        language, ids = result.content.organisation.language, vocabulary(result.content)
    else:
        # The schemas help HR most while files are wrong: write them from what can be read.
        readable = read_vocabulary(paths)
        if isinstance(readable, list):
            for problem in readable:
                print(problem)
            print(
                "mentorsite: no schema was written: the organisation and the taxonomy must be "
                "valid first; run mentorsite check",
                file=sys.stderr,
            )
            return 1
        language, ids = readable
    folder = Path(args.output).resolve() if args.output else paths.root / SCHEMA_FOLDER
    schemas = build_schemas(ids, language)
    written = write_schemas(schemas, folder)
    where = display_path(folder, Path.cwd())
    for path in written:
        print(f"wrote {display_path(path, Path.cwd())}")
    unchanged = len(schemas) - len(written)
    print(
        f"mentorsite: {_count(len(written), 'schema')} written, {unchanged} unchanged in {where}/",
        file=sys.stderr,
    )
    if result.content is None:
        print(
            f"mentorsite: warning: the content has {_count(len(result.errors), 'error')}; the "
            "schemas were written all the same, with each content file's name as its id; run "
            "mentorsite check to see what is wrong",
            file=sys.stderr,
        )
    return 0


# -- new ------------------------------------------------------------------------------------


def run_new(args: argparse.Namespace) -> int:
    paths = project_paths(Path(args.config_file).resolve())
    known = read_known(paths)
    try:
        target = create(args.kind, args.id, paths, known)
    except NewFileError as error:
        print(f"mentorsite: error: {error}", file=sys.stderr)
        return 1
    for problem in known.unread:
        print(problem)
    if known.unread:
        print(
            "mentorsite: warning: config/ has errors, so the comments do not list the ids "
            "to choose from",
            file=sys.stderr,
        )
    print(f"mentorsite: wrote {display_path(target, paths.root)}", file=sys.stderr)
    _refresh_schemas(paths)
    print(
        f"mentorsite: fill in the fields ({', '.join(to_fill_in(args.kind))} need a value), "
        "then run mentorsite check",
        file=sys.stderr,
    )
    return 0


def _refresh_schemas(paths: Paths) -> None:
    """A new file is a new id: where the project keeps schemas, their enums take it in."""
    folder = paths.root / SCHEMA_FOLDER
    readable = read_vocabulary(paths) if folder.is_dir() else None
    if readable is None or isinstance(readable, list):
        return
    for path in write_schemas(build_schemas(readable[1], readable[0]), folder):
        print(f"mentorsite: updated {display_path(path, paths.root)}", file=sys.stderr)


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
    _warn_of_unused_pairs(args)
    project = load_project(
        config_file,
        edition=args.edition,
        pairs=Path(args.pairs) if args.pairs else None,
        strict=args.strict,
    )
    target = Path(args.site_dir or project.config.site_dir).resolve()
    refused = _refused_target(target, project, force=args.force)
    if refused:
        print(f"mentorsite: error: {refused}", file=sys.stderr)
        return 1
    status, result = check(project.paths, strict=args.strict)
    if status:
        print("mentorsite: nothing was built; the previous site is as it was", file=sys.stderr)
        return status
    _show_mkdocs_log(already_said={str(p) for p in result.problems})

    target.parent.mkdir(parents=True, exist_ok=True)
    workdir = Path(tempfile.mkdtemp(prefix=f".{target.name}-building-", dir=target.parent))
    try:
        build_with_mkdocs(project, workdir)
    except (SystemExit, Exception) as error:
        shutil.rmtree(workdir, ignore_errors=True)
        message = str(error) or type(error).__name__
        print(f"mentorsite: error: {message}", file=sys.stderr)
        print("mentorsite: the build failed; the previous site is as it was", file=sys.stderr)
        return 1
    swap_in(workdir, target)
    print(f"mentorsite: built the {project.edition} edition in {target}", file=sys.stderr)
    return 0


def _refused_target(target: Path, project: MkDocsProject, *, force: bool) -> str | None:
    """Why the site may not be written to `target`, in one sentence; None when it may."""
    why = unsafe_target(target, project.config_file.parent, project.sources)
    if why:
        return f"{why}; nothing was built"
    why = None if force else not_ours(target)
    if why:
        return f"{why}; nothing was built (add --force to replace it)"
    return None


def _warn_of_unused_pairs(args: argparse.Namespace) -> None:
    if args.pairs and args.edition != "hr":
        print(
            "mentorsite: the pairs file is read by the HR edition only (--edition hr)",
            file=sys.stderr,
        )


def run_serve(args: argparse.Namespace) -> int:
    config_file = Path(args.config_file).resolve()
    if not config_file.is_file():
        print(f"mentorsite: error: {args.config_file} not found", file=sys.stderr)
        return 1
    _warn_of_unused_pairs(args)
    _show_mkdocs_log()
    from mkdocs.exceptions import MkDocsException

    try:
        serve_with_mkdocs(
            config_file,
            edition=args.edition,
            pairs=Path(args.pairs) if args.pairs else None,
            dev_addr=args.dev_addr,
        )
    except MkDocsException as error:
        print(f"mentorsite: error: {error}", file=sys.stderr)
        return 1
    return 0


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
