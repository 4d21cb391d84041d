"""`mentorsite build` and `mentorsite serve`: MkDocs driven with the project's own mkdocs.yml.

Both go through the MkDocs adapter's project, so that `mkdocs build` and `mentorsite build`
make the same site. A build is checked first, made in a temporary folder, and swapped in
only when it succeeded.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from mentorsite.adapters.cli.check import check
from mentorsite.adapters.cli.console import existing_config_file, say, show_mkdocs_log
from mentorsite.adapters.mkdocs.project import MkDocsProject, ProjectError, load_project
from mentorsite.adapters.mkdocs.project import build as build_with_mkdocs
from mentorsite.adapters.mkdocs.project import serve as serve_with_mkdocs
from mentorsite.output import not_ours, swap_in, unsafe_target


def run_build(args: argparse.Namespace) -> int:
    config_file = existing_config_file(args)
    if config_file is None:
        return 1
    _warn_of_unused_pairs(args)
    project = load_project(
        config_file, edition=args.edition, pairs=_pairs_file(args), strict=args.strict
    )
    target = Path(args.site_dir or project.config.site_dir).resolve()
    refused = _refused_target(target, project, force=args.force)
    if refused:
        say(f"error: {refused}")
        return 1
    status, result = check(project.paths, strict=args.strict)
    if status:
        say("nothing was built; the previous site is as it was")
        return status
    show_mkdocs_log(already_said={str(problem) for problem in result.problems})

    target.parent.mkdir(parents=True, exist_ok=True)
    workdir = Path(tempfile.mkdtemp(prefix=f".{target.name}-building-", dir=target.parent))
    try:
        build_with_mkdocs(project, workdir)
    except (SystemExit, Exception) as error:
        shutil.rmtree(workdir, ignore_errors=True)
        say(f"error: {str(error) or type(error).__name__}")
        say("the build failed; the previous site is as it was")
        return 1
    swap_in(workdir, target)
    say(f"built the {project.edition} edition in {target}")
    return 0


def run_serve(args: argparse.Namespace) -> int:
    config_file = Path(args.config_file).resolve()
    if not config_file.is_file():
        say(f"error: {args.config_file} not found")
        return 1
    _warn_of_unused_pairs(args)
    show_mkdocs_log()
    try:
        serve_with_mkdocs(
            config_file, edition=args.edition, pairs=_pairs_file(args), dev_addr=args.dev_addr
        )
    except ProjectError as error:
        say(f"error: {error}")
        return 1
    return 0


def _pairs_file(args: argparse.Namespace) -> Path | None:
    return Path(args.pairs) if args.pairs else None


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
        say("the pairs file is read by the HR edition only (--edition hr)")
