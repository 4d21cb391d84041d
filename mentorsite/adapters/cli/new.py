"""`mentorsite new KIND ID`: a new content file with every field of its kind explained."""

from __future__ import annotations

import argparse
from pathlib import Path

from mentorsite.adapters.cli.console import say
from mentorsite.adapters.cli.schema import refresh_schemas
from mentorsite.adapters.mkdocs.project import project_paths
from mentorsite.authoring.new import NewFileError, create, read_known, to_fill_in
from mentorsite.problems import display_path


def run_new(args: argparse.Namespace) -> int:
    paths = project_paths(Path(args.config_file).resolve())
    known = read_known(paths)
    try:
        target = create(args.kind, args.id, paths, known)
    except NewFileError as error:
        say(f"error: {error}")
        return 1
    for problem in known.unread:
        print(problem)
    if known.unread:
        say("warning: config/ has errors, so the comments do not list the ids to choose from")
    say(f"wrote {display_path(target, paths.root)}")
    refresh_schemas(paths)
    say(
        f"fill in the fields ({', '.join(to_fill_in(args.kind))} need a value), "
        "then run mentorsite check"
    )
    return 0
