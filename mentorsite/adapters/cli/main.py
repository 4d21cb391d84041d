"""The command line: `mentorsite check`, `build`, `serve`, and HR's tools beside them.

Every command is one entry of `COMMANDS`: its name, its line in the list of commands, its
description, its arguments and the function that runs it, which lives in a module of its
own beside this one. `argument_parser` turns the table into argparse; `main` runs the
command and turns any failure into one line on stderr.

`check` needs only the core. `build` and `serve` drive MkDocs with the project's own
mkdocs.yml, so that `mkdocs build` and `mentorsite build` make the same site. The others
work on the files themselves: `new` and `import mentors` write them, `schema` writes what
editors check them with, `changes` reads their history, and `pairs check` and `match`
apply the rules to HR's private pairs file.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from mentorsite import __version__
from mentorsite.adapters.cli.build import run_build, run_serve
from mentorsite.adapters.cli.changes import run_changes
from mentorsite.adapters.cli.check import run_check
from mentorsite.adapters.cli.console import missing_extra, say
from mentorsite.adapters.cli.export import run_export
from mentorsite.adapters.cli.importing import run_import_mentors
from mentorsite.adapters.cli.new import run_new
from mentorsite.adapters.cli.pairs import run_match, run_pairs_check
from mentorsite.adapters.cli.schema import run_schema
from mentorsite.authoring.schema import SCHEMA_FOLDER
from mentorsite.model import CONTENT_KINDS

DEFAULT_CONFIG = "mkdocs.yml"


@dataclass(frozen=True)
class Argument:
    """One argument, as `ArgumentParser.add_argument` takes it: flags, then options."""

    flags: tuple[str, ...]
    options: Mapping[str, Any]


def argument(*flags: str, **options: Any) -> Argument:
    """An entry of a command's `arguments`, written as `add_argument` is called."""
    return Argument(flags, options)


@dataclass(frozen=True)
class Command:
    """A command of the table; one with `commands` is a group, such as `pairs`."""

    name: str
    help: str  # its line in the list of commands
    description: str  # what `--help` says about it
    arguments: tuple[Argument, ...] = ()
    run: Callable[[argparse.Namespace], int] | None = None
    commands: tuple[Command, ...] = ()

    def __post_init__(self) -> None:
        if (self.run is None) == (not self.commands):
            raise ValueError(f"command {self.name}: give it either a function or commands")


CONFIG_FILE = argument(
    "-f",
    "--config-file",
    metavar="FILE",
    default=DEFAULT_CONFIG,
    help="the project's MkDocs configuration (default: %(default)s); content/ and "
    "config/ are found beside it",
)
PAIRS = argument(
    "--pairs",
    metavar="FILE",
    help="HR's private pairs file: the HR edition's overview (/hr/) counts the mentees "
    "waiting for a mentor in it; the staff edition never reads it",
)
PAIRS_FILE = argument("file", metavar="FILE", help="the private pairs file")
EDITION = argument(
    "--edition",
    choices=("staff", "hr"),
    help="staff (the default) leaves out HR-only fields; hr includes them",
)
STRICT = argument("--strict", action="store_true", help="treat warnings as errors")

# Every command, in the order `mentorsite --help` lists them.
COMMANDS = (
    Command(
        "check",
        help="validate the configuration and all content",
        description="Validate config/ and content/. Prints one line per problem as "
        "PATH:LINE:COL: error|warning: MESSAGE. Exit status 0 when there is no "
        "error, 1 otherwise.",
        arguments=(
            CONFIG_FILE,
            argument(
                "--strict",
                action="store_true",
                help="treat warnings (an empty planning topic, a rule its role's page never "
                "cites) as errors",
            ),
            argument(
                "--format",
                choices=("text", "github"),
                default="text",
                help="text (the default): PATH:LINE:COL: error: MESSAGE; github: as GitHub "
                "Actions annotations, so that each problem shows at its line in the pull request",
            ),
        ),
        run=run_check,
    ),
    Command(
        "build",
        help="check, then build the site",
        description="Check the content, then build the site. The site is built in a "
        "temporary folder and replaces the previous one only when the build "
        "succeeds.",
        arguments=(
            CONFIG_FILE,
            argument(
                "-d",
                "--site-dir",
                metavar="DIR",
                help="where to write the site (default: site_dir of mkdocs.yml)",
            ),
            EDITION,
            PAIRS,
            STRICT,
            argument(
                "--force",
                action="store_true",
                help="replace DIR even if it holds files that mentorsite did not build",
            ),
        ),
        run=run_build,
    ),
    Command(
        "export",
        help="write the site as a plain project for Zensical, MkDocs or ProperDocs",
        description="Check the content, then write the site as a project that any "
        "MkDocs-compatible engine builds without the mentorsite plugin: the generated pages "
        "as Markdown, the free pages, photos, materials, the catalogue's data, mentorsite's "
        "CSS and JavaScript, and a mkdocs.yml with the navigation, the language and the theme. "
        "Build it with `zensical build` (or `mkdocs build`, `properdocs build`) in DIR. Edit "
        "links still lead to the YAML files; export again after changing them.",
        arguments=(
            CONFIG_FILE,
            argument(
                "-d",
                "--output",
                metavar="DIR",
                required=True,
                help="the folder to write the project to; replaced when it holds an earlier export",
            ),
            EDITION,
            PAIRS,
            STRICT,
            argument(
                "--force",
                action="store_true",
                help="replace DIR even if it holds files that mentorsite did not export",
            ),
        ),
        run=run_export,
    ),
    Command(
        "pairs",
        help="work with a private file of mentees and pairs",
        description="Commands on a private YAML file of mentees and mentor–mentee pairs. "
        "Keep that file outside content/: it is never published.",
        commands=(
            Command(
                "check",
                help="check every pair against the rules in force",
                description="Apply every machine-checkable rule in force for each pair's "
                "programme on the pair's dates. Prints FILE:LINE: RULE: SENTENCE for each "
                "violation; exit status 1 if there is any.",
                arguments=(CONFIG_FILE, PAIRS_FILE),
                run=run_pairs_check,
            ),
        ),
    ),
    Command(
        "import",
        help="import content from a spreadsheet",
        description="Import content from the CSV and XLSX files that Microsoft Forms, "
        "Google Forms and Excel save.",
        commands=(
            Command(
                "mentors",
                help="write a mentor file for each row of a spreadsheet",
                description="Write content/mentors/<id>.yml for each row of a CSV or XLSX "
                "file. Columns are read by their headers, in Danish or English; taxonomy values "
                "and programmes by id or by name, whatever the case and the accents. A row with "
                "a value that cannot be read is reported and left out; the other rows are "
                "written. An existing file is never overwritten without --update. Exit status 1 "
                "if any row was left out.",
                arguments=(
                    CONFIG_FILE,
                    argument("file", metavar="FILE", help="the spreadsheet: .csv or .xlsx"),
                    argument(
                        "--update",
                        action="store_true",
                        help="update the mentors whose files exist: the fields the sheet has "
                        "columns for are replaced, the others (bio, photo…) are kept",
                    ),
                    argument(
                        "--map",
                        metavar="HEADER=FIELD",
                        action="append",
                        default=[],
                        help="read the column HEADER as the mentor field FIELD (e.g. 'Hvilke "
                        "sprog taler du?=languages'), or ignore it with 'HEADER='; may be given "
                        "more than once",
                    ),
                    argument(
                        "--dry-run",
                        action="store_true",
                        help="say what would be created and updated, and write nothing",
                    ),
                ),
                run=run_import_mentors,
            ),
        ),
    ),
    Command(
        "match",
        help="propose mentors for the mentees who have none",
        description="Propose mentors for the mentees of a private pairs file who have no active "
        "pair. Rules in force and capacity are never broken; among the pairs left, the "
        "assignment with the best total fit is chosen: 15 points for the mentee's first pick "
        "(wishes.mentors), 10 for the second, 5 for a later one, 10 for each wished "
        "qualification offered, 5 for the wished model, 2 for each shared language beyond the "
        "first, less 3 for each level away from one level above. Prints a table, each score "
        "explained and each pick not proposed with why, then the proposed pairs as YAML (or "
        "writes the YAML to -o FILE).",
        arguments=(
            CONFIG_FILE,
            PAIRS_FILE,
            argument("-o", "--output", metavar="FILE", help="write the proposals as YAML here"),
        ),
        run=run_match,
    ),
    Command(
        "changes",
        help="list what changed in the rules, roles and programmes, in words",
        description="List the changes to rules, roles, programmes and responsibilities "
        "from the git history, newest first: each commit with its date, id and subject, "
        "then what it changed, in the site's language. Only committed changes count.",
        arguments=(
            CONFIG_FILE,
            argument(
                "--since",
                metavar="REV",
                help="only changes made after REV (a tag, branch or commit), as in git's "
                "REV..HEAD, or on or after a day (YYYY-MM-DD)",
            ),
            argument(
                "--role",
                metavar="ROLE",
                help="only what concerns the role with this id, e.g. line-manager",
            ),
            argument(
                "--format",
                choices=("text", "markdown"),
                default="text",
                help="text (the default): each commit, then what it changed; markdown: what "
                "the changes mean for each role, a section a role, for a pull or merge request",
            ),
        ),
        run=run_changes,
    ),
    Command(
        "serve",
        help="preview the site, rebuilding when content, config or themes change",
        description="Serve a live preview. It rebuilds whenever a file in content/, config/ "
        "or a theme folder changes.",
        arguments=(
            CONFIG_FILE,
            argument(
                "-a",
                "--dev-addr",
                metavar="IP:PORT",
                help="address to serve on (default: 127.0.0.1:8000)",
            ),
            argument("--edition", choices=("staff", "hr"), help="which edition to preview"),
            PAIRS,
        ),
        run=run_serve,
    ),
    Command(
        "new",
        help="start a new mentor, programme, rule or role file, with every field explained",
        description="Write content/<kind folder>/ID.yml with every field of its kind, each with "
        "a comment in the organisation's language, and the schema line for editors. Values "
        "only HR can know are left empty: mentorsite check names them until they are filled "
        "in. An existing file is never overwritten.",
        arguments=(
            CONFIG_FILE,
            argument("kind", metavar="KIND", choices=tuple(CONTENT_KINDS), help="%(choices)s"),
            argument(
                "id",
                metavar="ID",
                help="the new file's id, which is also its name: lowercase a-z, 0-9 and '-', "
                "e.g. sara-holm",
            ),
        ),
        run=run_new,
    ),
    Command(
        "schema",
        help="write JSON Schemas for editors that check the YAML as you type",
        description="Write a JSON Schema for each kind of file (organisation, taxonomy, "
        "programme, mentor, rule, role, responsibilities, pairs) from the models, the "
        "taxonomy's ids and the content's ids, in the organisation's language. VS Code's YAML "
        "extension reads them. Run it again after changing the taxonomy or adding programmes, "
        "mentors, rules or roles. Only files whose text changes are written.",
        arguments=(
            CONFIG_FILE,
            argument(
                "-o",
                "--output",
                metavar="DIR",
                help=f"where to write them (default: {SCHEMA_FOLDER}/ beside the MkDocs "
                "configuration)",
            ),
        ),
        run=run_schema,
    ),
)


def argument_parser() -> argparse.ArgumentParser:
    """The whole command line, built from `COMMANDS`."""
    parser = argparse.ArgumentParser(
        prog="mentorsite",
        description="Validate a mentoring programme kept as YAML, and publish it as a static "
        "site with MkDocs and Material for MkDocs.",
    )
    parser.add_argument("--version", action="version", version=f"mentorsite {__version__}")
    _add_commands(parser, COMMANDS, dest="command")
    return parser


def _add_commands(
    parser: argparse.ArgumentParser, commands: Sequence[Command], *, dest: str
) -> None:
    # A group given no command of its own (`mentorsite`, `mentorsite pairs`) shows its help.
    parser.set_defaults(run=partial(_show_help, parser))
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND", dest=dest)
    for command in commands:
        subparser = subparsers.add_parser(
            command.name, help=command.help, description=command.description
        )
        for each in command.arguments:
            subparser.add_argument(*each.flags, **each.options)
        if command.commands:
            _add_commands(subparser, command.commands, dest=f"{command.name}_command")
        else:
            subparser.set_defaults(run=command.run)


def _show_help(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    parser.print_help()
    return 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command `argv` gives; its exit status. An error is one line on stderr, with
    its traceback only when MENTORSITE_DEBUG is set."""
    args = argument_parser().parse_args(argv)
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
        missing = missing_extra(error)
        if missing:
            say(f"error: {missing}")
            return 1
        print(f"mentorsite: error: {error}", file=sys.stderr)
        print("(set MENTORSITE_DEBUG=1 to see where it happened)", file=sys.stderr)
        return 1
