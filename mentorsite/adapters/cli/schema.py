"""`mentorsite schema`: the JSON Schemas editors check the YAML with, and keeping them current.

`new` and `import mentors` add ids; `refresh_schemas` takes them into the schemas'
enums wherever the project keeps schemas.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from mentorsite.adapters.cli.console import count, print_problems, say
from mentorsite.adapters.mkdocs.project import project_paths
from mentorsite.authoring.schema import (
    SCHEMA_FOLDER,
    build_schemas,
    read_vocabulary,
    vocabulary,
    write_schemas,
)
from mentorsite.content import load_content
from mentorsite.problems import display_path
from mentorsite.project import Paths


def run_schema(args: argparse.Namespace) -> int:
    paths = project_paths(Path(args.config_file).resolve())
    result = load_content(paths)
    if result.content is not None:
        language, ids = result.content.organisation.language, vocabulary(result.content)
    else:
        # The schemas help HR most while files are wrong: write them from what can be read.
        readable = read_vocabulary(paths)
        if isinstance(readable, list):
            print_problems(readable)
            say(
                "no schema was written: the organisation and the taxonomy must be valid "
                "first; run mentorsite check"
            )
            return 1
        language, ids = readable
    folder = Path(args.output).resolve() if args.output else paths.root / SCHEMA_FOLDER
    schemas = build_schemas(ids, language)
    written = write_schemas(schemas, folder)
    for path in written:
        print(f"wrote {display_path(path, Path.cwd())}")
    unchanged = len(schemas) - len(written)
    where = display_path(folder, Path.cwd())
    say(f"{count(len(written), 'schema')} written, {unchanged} unchanged in {where}/")
    if result.content is None:
        say(
            f"warning: the content has {count(len(result.errors), 'error')}; the schemas "
            "were written all the same, with each content file's name as its id; run "
            "mentorsite check to see what is wrong"
        )
    return 0


def refresh_schemas(paths: Paths) -> None:
    """A new file is a new id: where the project keeps schemas, their enums take it in."""
    folder = paths.root / SCHEMA_FOLDER
    readable = read_vocabulary(paths) if folder.is_dir() else None
    if readable is None or isinstance(readable, list):
        return
    language, ids = readable
    for path in write_schemas(build_schemas(ids, language), folder):
        say(f"updated {display_path(path, paths.root)}")
