"""JSON Schemas of the content's files, for editors that complete and check YAML as HR types.

Each file of the content names its schema in a first line that the YAML language server
reads: `# yaml-language-server: $schema=../../schemas/mentor.schema.json`. The schemas
live in `schemas/` beside mkdocs.yml and are written by `mentorsite schema`.
"""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import BaseModel

from .model import CONTENT_KINDS, Organisation, PairsFile, Responsibilities, Taxonomy

SCHEMA_FOLDER = "schemas"  # beside mkdocs.yml

# Every kind of file, and its model.
SCHEMA_KINDS: dict[str, type[BaseModel]] = {
    "organisation": Organisation,
    "taxonomy": Taxonomy,
    **{kind: model for kind, (_, model) in CONTENT_KINDS.items()},
    "responsibilities": Responsibilities,
    "pairs": PairsFile,
}


def schema_path(root: Path, kind: str) -> Path:
    """Where the schema of `kind` is kept in the project at `root`."""
    return root / SCHEMA_FOLDER / f"{kind}.schema.json"


def schema_comment(kind: str, file: Path, root: Path) -> str:
    """The first line of a file of `kind` at `file`: where the editor finds its schema."""
    target = os.path.relpath(schema_path(root, kind), file.parent)
    return f"# yaml-language-server: $schema={Path(target).as_posix()}"
