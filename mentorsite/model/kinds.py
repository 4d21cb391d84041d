"""Every kind of file HR keeps: where it lives, its model, and the ids it cannot have.

The one registry of kinds. Loading, the schemas, `new`, `import`, the guide's field
reference and the history read it, so that a kind, its folder or a reserved id is
declared once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from mentorsite.model.mentor import Mentor
from mentorsite.model.organisation import Organisation
from mentorsite.model.pairs import PairsFile
from mentorsite.model.programme import Programme
from mentorsite.model.role import RESPONSIBILITIES_FILE, Responsibilities, Role
from mentorsite.model.rule import Rule
from mentorsite.model.taxonomy import Taxonomy
from mentorsite.model.types import Model

# The catalogue's pages of each facet, /mentors/<folder>/<id>/, stand beside the
# profiles, /mentors/<id>/: these folder names cannot be mentor ids.
FACET_FOLDERS = {
    "qualification": "qualifications",
    "model": "models",
    "unit": "units",
    "location": "locations",
    "language": "languages",
}


@dataclass(frozen=True)
class FileKind:
    """One kind of file: its model, where HR keeps it, and what else is true of it."""

    name: str
    model: type[Model]
    where: str  # as HR finds it: "content/mentors/<id>.yml", "config/taxonomy.yml"
    folder: str | None = None  # for a kind kept one file per id: its folder under content/
    reserved: frozenset[str] = field(default_factory=frozenset)  # ids its files cannot have
    history: bool = False  # its changes are told in words (`mentorsite changes`)


_KINDS = (
    FileKind("organisation", Organisation, "config/organisation.yml"),
    FileKind("taxonomy", Taxonomy, "config/taxonomy.yml"),
    FileKind("programme", Programme, "content/programmes/<id>.yml", "programmes", history=True),
    FileKind(
        "mentor",
        Mentor,
        "content/mentors/<id>.yml",
        "mentors",
        reserved=frozenset(FACET_FOLDERS.values()),
    ),
    FileKind("rule", Rule, "content/rules/<id>.yml", "rules", history=True),
    FileKind("role", Role, "content/roles/<id>.yml", "roles", history=True),
    FileKind(
        "responsibilities", Responsibilities, f"content/{RESPONSIBILITIES_FILE}", history=True
    ),
    FileKind("pairs", PairsFile, "pairs.yml"),  # HR's private file, outside the project
)
FILE_KINDS: Mapping[str, FileKind] = {kind.name: kind for kind in _KINDS}

# The kinds kept one file per id under content/: folder, and the model of each file in it.
CONTENT_KINDS: dict[str, tuple[str, type[Model]]] = {
    kind.name: (kind.folder, kind.model) for kind in _KINDS if kind.folder is not None
}


def reserved(kind: str, item_id: str) -> str | None:
    """Why `item_id` cannot name a file of `kind`, or None when nothing keeps it."""
    if item_id in FILE_KINDS[kind].reserved:
        return f"the id '{item_id}' is kept for the catalogue's pages of {item_id}"
    return None


def defined_in(kind: str) -> tuple[str, str] | None:
    """Where the ids of a kind of reference are defined: ("taxonomy", "units") for the terms
    of a list in config/taxonomy.yml, ("files", "rules") for the files of a content folder;
    None for ids defined in the file itself (a pairs file's mentees)."""
    if kind in Taxonomy.KINDS:
        return "taxonomy", Taxonomy.KINDS[kind]
    if kind in CONTENT_KINDS:
        return "files", CONTENT_KINDS[kind][0]
    return None
