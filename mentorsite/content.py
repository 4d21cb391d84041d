"""Load a project's configuration and content into one validated, cross-referenced whole.

discover (which files, under which ids) → read (each file into its model) → validate (the
checks across files) → assemble (one Content). `read_config` reads config/ for whoever
needs it alone: the schemas and `new` too.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import BaseModel

from mentorsite.load.cache import LastResult
from mentorsite.load.documents import Document, read_document, yaml_files
from mentorsite.model import (
    RESPONSIBILITIES_FILE,
    Activity,
    Mentor,
    Organisation,
    Programme,
    Responsibilities,
    Role,
    Rule,
    Taxonomy,
    Term,
)
from mentorsite.model.kinds import CONTENT_KINDS, FILE_KINDS, reserved
from mentorsite.problems import Problem, ProblemList, Severity, display_path
from mentorsite.project import Paths
from mentorsite.validate import (
    check_citations,
    check_id,
    check_mentor,
    check_organisation,
    check_programme,
    check_references,
    check_responsibilities,
    check_rules_against_programmes,
    check_taxonomy,
    validate_document,
)

Known = dict[str, set[str]]  # the ids of each kind


@dataclass
class Content:
    """Everything a site is built from, validated: ids map to models in file order."""

    paths: Paths
    organisation: Organisation
    taxonomy: Taxonomy
    programmes: dict[str, Programme]
    mentors: dict[str, Mentor]
    rules: dict[str, Rule]
    roles: dict[str, Role]
    activities: list[Activity] = field(default_factory=list)  # the responsibility matrix
    sources: dict[tuple[str, str], Path] = field(default_factory=dict)
    terms: dict[str, dict[str, Term]] = field(init=False)

    def __post_init__(self) -> None:
        self.terms = {
            kind: {term.id: term for term in getattr(self.taxonomy, list_name)}
            for kind, list_name in Taxonomy.KINDS.items()
        }

    def term(self, kind: str, term_id: str) -> Term:
        return self.terms[kind][term_id]

    def source(self, kind: str, item_id: str) -> Path:
        """The YAML file that `item_id` of `kind` comes from."""
        return self.sources[(kind, item_id)]


@dataclass
class LoadResult:
    content: Content | None
    problems: list[Problem]
    files: int

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]


def build_date() -> date:
    """Today, or the day SOURCE_DATE_EPOCH names, for builds that must be reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return date.today()


# -- config/ ----------------------------------------------------------------------------------

# The kinds of file kept in config/ (organisation.yml, taxonomy.yml), by file name.
CONFIG_FILES = {
    PurePosixPath(kind.where).name: kind
    for kind in FILE_KINDS.values()
    if kind.where.startswith("config/")
}


@dataclass
class Config:
    """config/ as it stands: each file as parsed, and its model where the file is valid."""

    organisation: Organisation | None
    taxonomy: Taxonomy | None
    documents: dict[str, Document]  # by kind, every file that could be parsed
    problems: list[Problem]  # why a file is missing, unreadable or not valid
    files: int  # the files read

    @property
    def valid(self) -> bool:
        return self.organisation is not None and self.taxonomy is not None


def read_config(paths: Paths) -> Config:
    """Read and validate config/: the organisation and the taxonomy. `check`, the schemas
    and `new` all read it here."""
    problems: list[Problem] = []
    documents: dict[str, Document] = {}
    models: dict[str, Any] = {}
    files = 0
    for name, kind in CONFIG_FILES.items():
        path = paths.config / name
        shown = display_path(path, paths.root)
        if not path.exists() and not path.is_symlink():
            problems.append(Problem(shown, 0, 0, Severity.ERROR, f"missing: create {shown}"))
            continue
        files += 1
        document = read_document(path, shown, paths.config)
        if isinstance(document, Problem):
            problems.append(document)
            continue
        documents[kind.name] = document
        models[kind.name], found = validate_document(document, kind.model)
        problems.extend(found)
    return Config(models.get("organisation"), models.get("taxonomy"), documents, problems, files)


# -- content/ ---------------------------------------------------------------------------------

LAST_LOAD: LastResult[LoadResult] = LastResult()
"""The project last loaded, kept while no file of it changes: `check` and the build it
precedes, or a preview server's rebuilds, load a project once."""


def load_content(paths: Paths, *, cache: LastResult[LoadResult] = LAST_LOAD) -> LoadResult:
    """Read, validate and cross-check a project; `content` is None when there are errors.

    The result does not depend on the day. While no file of the project changes, `cache`
    gives the same result again.
    """
    key = (paths, _stamps(paths.config), _stamps(paths.content))
    return cache.get(key) or cache.keep(key, _load(paths))


def _stamps(folder: Path) -> tuple[tuple[str, int, int], ...]:
    stamps = []
    for parent, folders, names in os.walk(folder):
        folders.sort()
        for name in sorted(names + folders):
            try:
                stat = os.stat(os.path.join(parent, name))
            except OSError:
                continue
            stamps.append((os.path.join(parent, name), stat.st_mtime_ns, stat.st_size))
    return tuple(stamps)


@dataclass
class _Files:
    """The content's files, found: each under its kind and id."""

    to_read: list[tuple[str, str, Path]] = field(default_factory=list)  # kind, id, path
    sources: dict[tuple[str, str], Path] = field(default_factory=dict)
    matrix: Path | None = None  # content/responsibilities.yml, if there is one


@dataclass
class _Read:
    """The content's files, read: each valid file's document and model."""

    items: dict[str, dict[str, tuple[Document, Any]]]  # kind → id → (document, model)
    matrix: tuple[Document | None, Responsibilities | None] = (None, None)
    files: int = 0


def _load(paths: Paths) -> LoadResult:
    problems = ProblemList()
    config = read_config(paths)
    problems.extend(config.problems)
    found = _discover(paths, problems)
    known = _known(found, config.taxonomy)
    read = _read(paths, found, known, problems)
    problems.extend(_validate(paths, config, read, known))
    result = LoadResult(None, problems.sorted(), config.files + read.files)
    if result.errors or config.organisation is None or config.taxonomy is None:
        return result
    result.content = _assemble(paths, config.organisation, config.taxonomy, read, found)
    return result


def _discover(paths: Paths, problems: ProblemList) -> _Files:
    """Which files hold content, each under the id its name gives; the names that are no
    id, a reserved one or one taken are errors, and the file is not read."""
    found = _Files()
    if not paths.content.is_dir():
        shown = display_path(paths.content, paths.root)
        problems.error(shown, 0, 0, "missing: the content folder is not there")
    for kind, (folder, _) in CONTENT_KINDS.items():
        for path in yaml_files(paths.content / folder):
            stem, shown = path.name.rsplit(".", 1)[0], display_path(path, paths.root)
            why = _not_an_id(kind, stem, shown, found.sources, paths)
            if why is not None:
                problems.extend([why])
                continue
            found.sources[(kind, stem)] = path
            found.to_read.append((kind, stem, path))
    matrix = paths.content / RESPONSIBILITIES_FILE
    if matrix.exists() or matrix.is_symlink():  # one file; a project may do without it
        found.sources[("responsibilities", "responsibilities")] = matrix
        found.matrix = matrix
    return found


def _not_an_id(
    kind: str, stem: str, shown: str, sources: dict[tuple[str, str], Path], paths: Paths
) -> Problem | None:
    bad_id = check_id(shown, stem)
    if bad_id:
        return bad_id
    why = reserved(kind, stem)
    if why:
        return Problem(
            shown, 0, 0, Severity.ERROR, f"{why}; rename the file, e.g. to '{stem}-1.yml'"
        )
    if (kind, stem) in sources:
        other = display_path(sources[(kind, stem)], paths.root)
        return Problem(
            shown, 0, 0, Severity.ERROR, f"the {kind} id '{stem}' is also used by {other}"
        )
    return None


def _known(found: _Files, taxonomy: Taxonomy | None) -> Known:
    """The ids that exist, by kind. Known before any content file is read, so that an id
    field left empty can list the ids to choose from; a kind is left out when its own file
    is broken, so that one mistake does not show as a hundred."""
    known: Known = {kind: {s for k, s in found.sources if k == kind} for kind in CONTENT_KINDS}
    if taxonomy is not None:
        for kind, list_name in Taxonomy.KINDS.items():
            known[kind] = {term.id for term in getattr(taxonomy, list_name)}
    return known


def _read(paths: Paths, found: _Files, known: Known, problems: ProblemList) -> _Read:
    """Each file found, parsed and validated against its kind's model."""
    read = _Read({kind: {} for kind in CONTENT_KINDS})

    def one(path: Path, model: type[BaseModel]) -> tuple[Document | None, Any]:
        read.files += 1
        document = read_document(path, display_path(path, paths.root), paths.content)
        if isinstance(document, Problem):
            problems.extend([document])
            return None, None
        instance, found_problems = validate_document(document, model, known)
        problems.extend(found_problems)
        return document, instance

    for kind, stem, path in found.to_read:
        document, instance = one(path, CONTENT_KINDS[kind][1])
        if document is not None and instance is not None:
            read.items[kind][stem] = (document, instance)
    if found.matrix is not None:
        read.matrix = one(found.matrix, Responsibilities)
    return read


def _validate(paths: Paths, config: Config, read: _Read, known: Known) -> list[Problem]:
    """The checks that need more than one field: references, the unit tree, citations."""
    problems: list[Problem] = []
    organisation_doc = config.documents.get("organisation")
    taxonomy_doc = config.documents.get("taxonomy")
    if config.organisation is not None and organisation_doc is not None:
        problems += check_organisation(organisation_doc, config.organisation)
    if config.taxonomy is not None and taxonomy_doc is not None:
        problems += check_taxonomy(taxonomy_doc, config.taxonomy)
        problems += check_references(taxonomy_doc, config.taxonomy, known)
    for entries in read.items.values():
        for document, instance in entries.values():
            problems += check_references(document, instance, known)
            if isinstance(instance, Mentor):
                problems += check_mentor(document, instance, paths.content)
            elif isinstance(instance, Programme):
                problems += check_programme(document, instance, paths.content)
    matrix_doc, responsibilities = read.matrix
    if matrix_doc is not None and responsibilities is not None:
        problems += check_references(matrix_doc, responsibilities, known)
        problems += check_responsibilities(matrix_doc, responsibilities)
    if matrix_doc is None or responsibilities is not None:  # a broken matrix cites nothing
        roles = _models(read.items["role"])
        problems += check_citations(read.items["rule"], roles, responsibilities)
    problems += check_rules_against_programmes(read.items["rule"], _models(read.items["programme"]))
    return problems


def _assemble(
    paths: Paths, organisation: Organisation, taxonomy: Taxonomy, read: _Read, found: _Files
) -> Content:
    _, responsibilities = read.matrix
    return Content(
        paths=paths,
        organisation=organisation,
        taxonomy=taxonomy,
        programmes=_models(read.items["programme"]),
        mentors=_models(read.items["mentor"]),
        rules=_models(read.items["rule"]),
        roles=_models(read.items["role"]),
        activities=list(responsibilities.activities) if responsibilities else [],
        sources=found.sources,
    )


def _models(entries: dict[str, tuple[Document, Any]]) -> dict[str, Any]:
    return {item_id: instance for item_id, (_, instance) in entries.items()}
