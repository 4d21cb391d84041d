"""Turn parsed documents into models, and say precisely what is wrong with them.

Field checks come from pydantic and are translated into sentences for people;
the checks that need more than one file (references, the unit tree, paths that
must stay in content/) are derived from the declarations in `model`.
"""

from __future__ import annotations

import types
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from mentorsite.load.documents import Document, Loc, NotADate, outside
from mentorsite.model import (
    CONTENT_KINDS,
    RESPONSIBILITIES_FILE,
    SLUG,
    Mentor,
    Organisation,
    Programme,
    Ref,
    Responsibilities,
    Role,
    Rule,
    Taxonomy,
    bare_type,
    field_ref,
    help_text,
)
from mentorsite.photos import check_photo
from mentorsite.problems import Problem, Severity, did_you_mean, one_line

# -- field checks ---------------------------------------------------------------------------


def validate_document(
    document: Document, model: type[BaseModel], known: dict[str, set[str]] | None = None
) -> tuple[Any, list[Problem]]:
    """The model built from a document, or None and the problems that prevent it.

    `known` holds the ids of each kind, so that an id field left empty can list them.
    """
    blank = dict(_blank_texts(document, model, document.data, (), known))
    try:
        instance = model.model_validate(document.data)
    except ValidationError as error:
        details = error.errors()
        problems = [_translate(document, model, detail, known) for detail in details]
        failed = {tuple(detail["loc"]) for detail in details}
        return None, problems + [p for loc, p in blank.items() if loc not in failed]
    return (None, list(blank.values())) if blank else (instance, [])


def field_name(loc: Loc) -> str:
    """`qualifications[1]`, `meetings.every_weeks`: a location as a person reads it."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _found(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"'{str(value).lower()}'"
    if isinstance(value, date):
        return f"the date {value.isoformat()}"
    text = str(value)
    return f"'{text[:60]}…'" if len(text) > 60 else f"'{text}'"


_EXPECTED = {
    "int_type": "expected a whole number",
    "int_parsing": "expected a whole number",
    "int_from_float": "expected a whole number",
    "string_type": "expected text",
    "list_type": "expected a list, such as [a, b]",
    "dict_type": "expected a mapping of fields",
    "model_type": "expected a mapping of fields",
    "model_attributes_type": "expected a mapping of fields",
    "date_type": "expected a date as YYYY-MM-DD",
    "date_parsing": "expected a date as YYYY-MM-DD",
    "date_from_datetime_parsing": "expected a date as YYYY-MM-DD",
    "date_from_datetime_inexact": "expected a date as YYYY-MM-DD, without a time",
    "bool_type": "expected true or false",
}


def _translate(
    document: Document,
    model: type[BaseModel],
    detail: Any,
    known: dict[str, set[str]] | None = None,
) -> Problem:
    loc: Loc = tuple(detail["loc"])
    kind = detail["type"]
    value = detail.get("input")
    where = field_name(loc)
    if kind == "missing":
        return document.problem(loc[:-1], f"{where}: required field is missing", key=True)
    required = _required_field(model, loc)
    if required is not None and (value is None or (kind == "too_short" and not value)):
        return _not_filled_in(document, loc, required, known)
    if kind == "extra_forbidden":
        owner = _model_at(model, loc[:-1])
        moved = getattr(owner, "MOVED", {}).get(loc[-1])
        if moved:
            return document.problem(loc, f"{field_name(loc)}: {moved}", key=True)
        fields = _fields_of(owner)
        hint = did_you_mean(str(loc[-1]), fields)
        if not hint and fields:
            hint = f"; expected one of: {', '.join(fields)}"
        return document.problem(loc, f"unknown field '{loc[-1]}'{hint}", key=True)
    if kind == "literal_error":
        choices = _literal_choices(model, loc)
        message = f"expected one of {', '.join(choices)}, found {_found(value)}"
        message += did_you_mean(str(value), choices)
    elif kind == "value_error":
        message = str(detail["ctx"]["error"])
        if not isinstance(value, dict) and "found" not in message:
            message += f", found {_found(value)}"
    elif isinstance(value, NotADate):
        message = f"{value} is not a day of the calendar ({value.reason}); expected YYYY-MM-DD"
    elif kind in _EXPECTED:
        message = f"{_EXPECTED[kind]}, found {_found(value)}"
    elif kind == "too_short":
        message = "expected at least one entry, found none"
    elif kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        message = (
            detail["msg"].replace("Input should be", "expected a number")
            + f", found {_found(value)}"
        )
    else:
        message = detail["msg"].replace("Input should be", "expected")
    return document.problem(loc, f"{where}: {message}" if where else message)


# -- fields written but not filled in (as `mentorsite new` leaves them) ----------------------


def _required_field(model: type[BaseModel], loc: Loc) -> FieldInfo | None:
    """The field at `loc` if it is one that must be given, else None."""
    owner = _model_at(model, loc[:-1]) if loc else None
    if not (isinstance(owner, type) and issubclass(owner, BaseModel)):
        return None
    info = _field_by_key(owner, str(loc[-1]))
    return info if info is not None and info.is_required() else None


def _blank_texts(
    document: Document,
    model: type[BaseModel],
    data: Any,
    at: Loc,
    known: dict[str, set[str]] | None,
) -> Iterator[tuple[Loc, Problem]]:
    """Required text left blank, as `text: |` with nothing under it: nothing to publish."""
    if not isinstance(data, dict):
        return
    for name, info in model.model_fields.items():
        key = info.alias or name
        value, loc, bare = data.get(key), (*at, key), bare_type(info.annotation)
        if info.is_required() and isinstance(value, str) and not value.strip():
            yield loc, _not_filled_in(document, loc, info, known)
        elif isinstance(bare, type) and issubclass(bare, BaseModel):
            yield from _blank_texts(document, bare, value, loc, known)
        elif get_origin(bare) is list and isinstance(value, list):
            item = bare_type(get_args(bare)[0])
            if isinstance(item, type) and issubclass(item, BaseModel):
                for index, entry in enumerate(value):
                    yield from _blank_texts(document, item, entry, (*loc, index), known)


def _not_filled_in(
    document: Document, loc: Loc, info: FieldInfo, known: dict[str, set[str]] | None
) -> Problem:
    """`unit: not filled in yet: the unit the mentor works in; one of: it, hr`."""
    help_ = help_text(info, "en").rstrip(".")
    if help_[:1].isupper() and not help_[1:2].isupper():
        help_ = help_[0].lower() + help_[1:]
    message = f"{field_name(loc)}: not filled in yet"
    if help_:
        message += f": {help_}"
    return document.problem(loc, message + _choices(info, known))


MAX_CHOICES = 12  # more ids than this are not listed, but where they are defined


def _choices(info: FieldInfo, known: dict[str, set[str]] | None) -> str:
    kind = field_ref(info)
    if kind is None:
        return ""
    ids = sorted((known or {}).get(kind, ()))
    if 0 < len(ids) <= MAX_CHOICES:
        many = get_origin(bare_type(info.annotation)) is list
        return f"; {'one or more of' if many else 'one of'}: {', '.join(ids)}"
    where = _ids_location(kind)
    return f"; see {where}" if where else ""


def _ids_location(kind: str) -> str | None:
    """Where the ids of `kind` are defined, as a person would look for them."""
    if kind in Taxonomy.KINDS:
        return f"{Taxonomy.KINDS[kind]} in config/taxonomy.yml"
    if kind in CONTENT_KINDS:
        return f"the files in content/{CONTENT_KINDS[kind][0]}/"
    return None


def _model_at(model: type[BaseModel], loc: Loc) -> Any:
    annotation: Any = model
    for part in loc:
        annotation = bare_type(annotation)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            info = _field_by_key(annotation, str(part))
            if info is None:
                return None
            annotation = info.annotation
        elif get_origin(annotation) is list:
            annotation = get_args(annotation)[0]
        elif get_origin(annotation) is dict:
            annotation = get_args(annotation)[1]
        else:
            return None
    return bare_type(annotation)


def _field_by_key(model: type[BaseModel], key: str) -> Any:
    for name, info in model.model_fields.items():
        if (info.alias or name) == key:
            return info
    return None


def _fields_of(model: Any) -> list[str]:
    if isinstance(model, type) and issubclass(model, BaseModel):
        return [info.alias or name for name, info in model.model_fields.items()]
    return []


def _literal_choices(model: type[BaseModel], loc: Loc) -> list[str]:
    annotation = _model_at(model, loc)
    return [str(a) for a in get_args(annotation)] if get_origin(annotation) is Literal else []


# -- references -----------------------------------------------------------------------------


def references(instance: BaseModel) -> Iterator[tuple[Loc, str, str, bool]]:
    """Every id that `instance` refers to: (location, kind, id, whether it is a mapping key)."""
    for name, info in type(instance).model_fields.items():
        value = getattr(instance, name)
        loc = (info.alias or name,)
        for meta in info.metadata:
            if isinstance(meta, Ref) and value is not None:
                yield loc, meta.kind, value, False
        yield from _references_in(info.annotation, value, loc)


def _references_in(annotation: Any, value: Any, loc: Loc) -> Iterator[tuple[Loc, str, str, bool]]:
    if value is None:
        return
    origin = get_origin(annotation)
    if origin is Annotated:
        base, *metadata = get_args(annotation)
        for meta in metadata:
            if isinstance(meta, Ref):
                yield loc, meta.kind, value, False
        yield from _references_in(base, value, loc)
    elif origin in (Union, types.UnionType):
        for option in get_args(annotation):
            if option is not type(None):
                yield from _references_in(option, value, loc)
                return
    elif origin is list:
        for index, item in enumerate(value):
            yield from _references_in(get_args(annotation)[0], item, (*loc, index))
    elif origin is dict:
        key_type, value_type = get_args(annotation)
        for key, item in value.items():
            for ref_loc, kind, ref, _ in _references_in(key_type, key, (*loc, key)):
                yield ref_loc, kind, ref, True
            yield from _references_in(value_type, item, (*loc, key))
    elif isinstance(value, BaseModel):
        for ref_loc, kind, ref, is_key in references(value):
            yield (*loc, *ref_loc), kind, ref, is_key


def check_references(
    document: Document, instance: BaseModel, known: dict[str, set[str]]
) -> list[Problem]:
    """Unknown ids, each with a did-you-mean where one is close."""
    problems = []
    for loc, kind, ref, is_key in references(instance):
        if kind not in known or ref in known[kind]:
            continue
        hint = did_you_mean(ref, known[kind])
        if not hint and not known[kind]:
            hint = f"; no {kind} is defined"
        problems.append(
            document.problem(loc, f"{field_name(loc)}: unknown {kind} '{ref}'{hint}", key=is_key)
        )
    return problems


# -- checks that span a file ------------------------------------------------------------------


def check_taxonomy(document: Document, taxonomy: Taxonomy) -> list[Problem]:
    """Duplicate ids within each vocabulary, and a unit tree without cycles."""
    problems = []
    for field in Taxonomy.KINDS.values():
        seen: set[str] = set()
        for index, term in enumerate(getattr(taxonomy, field)):
            if term.id in seen:
                problems.append(
                    document.problem(
                        (field, index, "id"), f"{field}[{index}].id: '{term.id}' is defined twice"
                    )
                )
            seen.add(term.id)
    parents = {unit.id: unit.parent for unit in taxonomy.units}
    for index, unit in enumerate(taxonomy.units):
        chain, current = [unit.id], unit.parent
        while current is not None and current in parents:
            if current == unit.id:
                path = " → ".join([*chain, current])
                problems.append(
                    document.problem(
                        ("units", index, "parent"),
                        f"units[{index}].parent: the unit tree has a cycle: {path}",
                    )
                )
                break
            if current in chain:
                break  # a cycle further up, reported at its own units
            chain.append(current)
            current = parents[current]
    return problems


def check_responsibilities(document: Document, responsibilities: Responsibilities) -> list[Problem]:
    """Each activity once: its id is how its history and its links find it."""
    problems = []
    seen: set[str] = set()
    for index, activity in enumerate(responsibilities.activities):
        if activity.id in seen:
            problems.append(
                document.problem(
                    ("activities", index, "id"),
                    f"activities[{index}].id: '{activity.id}' is defined twice",
                )
            )
        seen.add(activity.id)
    return problems


def cited_rules(role_id: str, role: Role, responsibilities: Responsibilities | None) -> set[str]:
    """The rules a role's page cites: in its checklist, and in the activities it has a part in."""
    cited = {item.rule for items in role.does.values() for item in items if item.rule}
    for activity in responsibilities.activities if responsibilities else []:
        if role_id in activity.roles:
            cited.update(activity.rules)
    return cited


def check_citations(
    rules: dict[str, tuple[Document, Rule]],
    roles: dict[str, Role],
    responsibilities: Responsibilities | None,
) -> list[Problem]:
    """A rule that binds a role should be cited where that role reads what it must do."""
    cited = {
        role_id: cited_rules(role_id, role, responsibilities) for role_id, role in roles.items()
    }
    problems = []
    for rule_id, (document, rule) in rules.items():
        for index, role_id in enumerate(rule.applies_to):
            if role_id in cited and rule_id not in cited[role_id]:
                problems.append(
                    document.problem(
                        ("applies_to", index),
                        f"applies_to[{index}]: the rule binds the role '{role_id}', but that "
                        "role's page does not mention it; cite it in a checklist item of "
                        f"content/roles/{role_id}.yml or in an activity of "
                        f"content/{RESPONSIBILITIES_FILE}",
                        severity=Severity.WARNING,
                    )
                )
    return problems


def check_organisation(document: Document, organisation: Organisation) -> list[Problem]:
    allowed = Mentor.hr_only_allowed()
    problems = []
    for index, name in enumerate(organisation.hr_only):
        if name not in allowed:
            problems.append(
                document.problem(
                    ("hr_only", index),
                    f"hr_only[{index}]: '{name}' cannot be kept HR-only; expected one of: "
                    f"{', '.join(allowed)}{did_you_mean(name, allowed)}",
                )
            )
    return problems


def check_mentor(
    document: Document, mentor: Mentor, content_dir: Path, review_months: int, today: date
) -> list[Problem]:
    problems = []
    if mentor.mentees > mentor.capacity:
        problems.append(
            document.problem(
                ("mentees",),
                f"mentees: {mentor.mentees} current mentees is more than the "
                f"capacity of {mentor.capacity}; raise capacity or lower mentees",
            )
        )
    if mentor.photo is not None:
        problem = check_path(document, ("photo",), mentor.photo, content_dir)
        source = content_file(document, mentor.photo, content_dir)
        why = check_photo(source) if isinstance(source, Path) else None
        if why:
            problem = document.problem(("photo",), f"photo: '{mentor.photo}' {why}")
        if problem:
            problems.append(problem)
    if mentor.is_stale(review_months, today):
        problems.append(
            document.problem(
                ("reviewed",),
                f"reviewed: the profile was last confirmed on {mentor.reviewed.isoformat()}, more "
                f"than {review_months} months ago; ask the mentor to review it",
                severity=Severity.WARNING,
            )
        )
    return problems


def check_programme(document: Document, programme: Programme, content_dir: Path) -> list[Problem]:
    problems = []
    for index, material in enumerate(programme.materials or []):
        if material.file is not None:
            problem = check_path(document, ("materials", index, "file"), material.file, content_dir)
            if problem:
                problems.append(problem)
    for topic in programme.empty_topics():
        problems.append(
            document.problem(
                (topic,) if topic in document.data else (),
                f"{topic}: the planning topic is empty",
                severity=Severity.WARNING,
            )
        )
    return problems


def content_file(document: Document, relative: str, content_dir: Path) -> Path | str:
    """The regular file a content path names, or why it cannot be published.

    The path must stay inside content/ once symlinks are followed; a loop, a NUL byte or
    a FIFO is a reason like any other, never an exception.
    """
    if not relative or Path(relative).is_absolute() or "\\" in relative:
        return "must be a path inside content/, relative to this file"
    candidate = document.path.parent / relative
    why = outside(candidate, content_dir)
    if why:
        inside = "must be a path inside content/, relative to this file"
        return why if why.startswith("cannot") else inside
    try:
        target = candidate.resolve()
        if not target.exists():
            return "no such file"
        if not target.is_file():
            return "is not a regular file"
    except OSError as error:  # a name too long for the file system, say
        return f"cannot be read: {one_line(error.strerror or str(error)).lower()}"
    return target


def check_path(document: Document, loc: Loc, relative: str, content_dir: Path) -> Problem | None:
    found = content_file(document, relative, content_dir)
    if isinstance(found, Path):
        return None
    return document.problem(loc, f"{field_name(loc)}: '{one_line(relative)}' {found}")


def check_id(display: str, stem: str) -> Problem | None:
    if SLUG.match(stem):
        return None
    return Problem(
        display,
        0,
        0,
        Severity.ERROR,
        f"the file name '{stem}' is not a valid id: use lowercase letters a-z, "
        "digits and '-', for example 'anna-jensen.yml'",
    )
