"""Load a project's configuration and content into one validated, cross-referenced whole."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from mentorsite.load.documents import Document, read_document, yaml_files
from mentorsite.model import (
    CONTENT_KINDS,
    FACET_FOLDERS,
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
from mentorsite.problems import Problem, ProblemList, display_path
from mentorsite.project import Paths
from mentorsite.validate import (
    check_citations,
    check_id,
    check_mentor,
    check_organisation,
    check_programme,
    check_references,
    check_responsibilities,
    check_taxonomy,
    validate_document,
)


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


_last: tuple[tuple[Any, ...], LoadResult] | None = None


def load_content(paths: Paths, today: date | None = None) -> LoadResult:
    """Read, validate and cross-check a project; `content` is None when there are errors.

    While no file of the project changes, the same result is returned again: `check`
    and the build it precedes, or a preview server's rebuilds, load the project once.
    """
    global _last
    today = today or build_date()
    key = (paths, today, _stamps(paths.config), _stamps(paths.content))
    if _last is not None and _last[0] == key:
        return _last[1]
    result = _load(paths, today)
    _last = (key, result)
    return result


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


def _load(paths: Paths, today: date) -> LoadResult:
    problems = ProblemList()
    files = 0

    def display(path: Path) -> str:
        return display_path(path, paths.root)

    def read(
        path: Path,
        model: type[BaseModel],
        known: dict[str, set[str]] | None = None,
        within: Path = paths.content,
    ) -> tuple[Document | None, Any]:
        nonlocal files
        files += 1
        document = read_document(path, display(path), within)
        if isinstance(document, Problem):
            problems.extend([document])
            return None, None
        instance, found = validate_document(document, model, known)
        problems.extend(found)
        return document, instance

    config: dict[str, tuple[Document | None, Any]] = {}
    for name, model in (("organisation", Organisation), ("taxonomy", Taxonomy)):
        path = paths.config / f"{name}.yml"
        if not path.exists() and not path.is_symlink():
            problems.error(display(path), 0, 0, f"missing: create {display(path)}")
            config[name] = (None, None)
        else:
            config[name] = read(path, model, within=paths.config)
    if not paths.content.is_dir():
        problems.error(display(paths.content), 0, 0, "missing: the content folder is not there")

    items: dict[str, dict[str, tuple[Document, Any]]] = {}
    sources: dict[tuple[str, str], Path] = {}
    to_read: list[tuple[str, str, Path, type[BaseModel]]] = []
    for kind, (folder, model) in CONTENT_KINDS.items():
        items[kind] = {}
        for path in yaml_files(paths.content / folder):
            stem = path.name.rsplit(".", 1)[0]
            bad_id = check_id(display(path), stem)
            if bad_id:
                problems.extend([bad_id])
                continue
            if kind == "mentor" and stem in FACET_FOLDERS.values():
                problems.error(
                    display(path),
                    0,
                    0,
                    f"the id '{stem}' is kept for the catalogue's "
                    f"pages of {stem}; rename the file, e.g. to '{stem}-1.yml'",
                )
                continue
            if (kind, stem) in sources:
                problems.error(
                    display(path),
                    0,
                    0,
                    f"the {kind} id '{stem}' is also used by {display(sources[(kind, stem)])}",
                )
                continue
            sources[(kind, stem)] = path
            to_read.append((kind, stem, path, model))

    organisation_doc, organisation = config["organisation"]
    taxonomy_doc, taxonomy = config["taxonomy"]

    # Ids are checked against what exists; a kind is left out when its own file is broken,
    # so that one mistake does not show as a hundred. Known before any content file is
    # read, so that an id field left empty can list the ids to choose from.
    known: dict[str, set[str]] = {
        kind: {s for k, s in sources if k == kind} for kind in CONTENT_KINDS
    }
    if taxonomy is not None:
        for kind, list_name in Taxonomy.KINDS.items():
            known[kind] = {term.id for term in getattr(taxonomy, list_name)}

    for kind, stem, path, model in to_read:
        document, instance = read(path, model, known)
        if document is not None and instance is not None:
            items[kind][stem] = (document, instance)

    # The responsibility matrix is one file; a project may do without it.
    matrix: tuple[Document | None, Any] = (None, None)
    matrix_path = paths.content / RESPONSIBILITIES_FILE
    if matrix_path.exists() or matrix_path.is_symlink():
        sources[("responsibilities", "responsibilities")] = matrix_path
        matrix = read(matrix_path, Responsibilities, known)

    if organisation is not None:
        problems.extend(check_organisation(organisation_doc, organisation))
    if taxonomy is not None:
        problems.extend(check_taxonomy(taxonomy_doc, taxonomy))
        problems.extend(check_references(taxonomy_doc, taxonomy, known))

    review_months = organisation.profile_review_months if organisation else 12
    for entries in items.values():
        for document, instance in entries.values():
            problems.extend(check_references(document, instance, known))
            if isinstance(instance, Mentor):
                problems.extend(
                    check_mentor(document, instance, paths.content, review_months, today)
                )
            elif isinstance(instance, Programme):
                problems.extend(check_programme(document, instance, paths.content))
    matrix_doc, responsibilities = matrix
    if responsibilities is not None:
        problems.extend(check_references(matrix_doc, responsibilities, known))
        problems.extend(check_responsibilities(matrix_doc, responsibilities))
    if matrix_doc is None or responsibilities is not None:  # a broken matrix cites nothing
        problems.extend(check_citations(items["rule"], _models(items["role"]), responsibilities))

    result = LoadResult(None, problems.sorted(), files)
    if result.errors or organisation is None or taxonomy is None:
        return result
    result.content = Content(
        paths=paths,
        organisation=organisation,
        taxonomy=taxonomy,
        programmes=_models(items["programme"]),
        mentors=_models(items["mentor"]),
        rules=_models(items["rule"]),
        roles=_models(items["role"]),
        activities=list(responsibilities.activities) if responsibilities else [],
        sources=sources,
    )
    return result


def _models(entries: dict[str, tuple[Document, Any]]) -> dict[str, Any]:
    return {item_id: instance for item_id, (_, instance) in entries.items()}
