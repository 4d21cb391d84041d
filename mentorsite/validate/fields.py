"""A document becomes a model, or sentences for people that say precisely what is wrong.

pydantic checks each field; its errors are translated here into sentences at the field's
line and column, with the choices and the help the model declares (read from `fields`).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from pydantic import BaseModel, ValidationError

from mentorsite.load.documents import Document, Loc, NotADate
from mentorsite.model.fields import FieldSpec, field_at, fields_of, value_at
from mentorsite.model.kinds import defined_in
from mentorsite.problems import Problem, did_you_mean

MAX_CHOICES = 12  # more ids than this are not listed, but where they are defined

Known = dict[str, set[str]]  # the ids of each kind


def validate_document(
    document: Document, model: type[BaseModel], known: Known | None = None
) -> tuple[Any, list[Problem]]:
    """The model built from a document, or None and the problems that prevent it.

    `known` holds the ids of each kind, so that an id field left empty can list them.
    A valid document is validated once while its file is unchanged (a preview's
    rebuilds read the same cached document again).
    """
    valid = document.memo.get(("valid", model))
    if valid is not None:
        return valid, []
    blank = dict(_blank_texts(document, model, document.data, (), known))
    try:
        instance = model.model_validate(document.data)
    except ValidationError as error:
        details = error.errors()
        problems = [_translate(document, model, detail, known) for detail in details]
        failed = {tuple(detail["loc"]) for detail in details}
        return None, problems + [p for loc, p in blank.items() if loc not in failed]
    if blank:
        return None, list(blank.values())
    document.memo[("valid", model)] = instance
    return instance, []


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
_BOUNDS = ("greater_than_equal", "less_than_equal", "greater_than", "less_than")


def _translate(
    document: Document, model: type[BaseModel], detail: Any, known: Known | None = None
) -> Problem:
    loc: Loc = tuple(detail["loc"])
    kind = detail["type"]
    value = detail.get("input")
    where = field_name(loc)
    if kind == "missing":
        return document.problem(loc[:-1], f"{where}: required field is missing", key=True)
    spec = field_at(model, loc)
    required = spec if spec is not None and spec.required else None
    if required is not None and (value is None or (kind == "too_short" and not value)):
        return _not_filled_in(document, loc, required, known)
    if kind == "extra_forbidden":
        return _unknown_field(document, model, loc)
    message = _expected(model, loc, detail)
    return document.problem(loc, f"{where}: {message}" if where else message)


def _expected(model: type[BaseModel], loc: Loc, detail: Any) -> str:
    """What was expected at `loc`, and what was found."""
    kind, value = detail["type"], detail.get("input")
    if kind == "literal_error":
        found = value_at(model, loc)
        choices = list(found.choices) if found is not None else []
        message = f"expected one of {', '.join(choices)}, found {_found(value)}"
        return message + did_you_mean(str(value), choices)
    if kind == "value_error":
        message = str(detail["ctx"]["error"])
        if not isinstance(value, dict) and "found" not in message:
            message += f", found {_found(value)}"
        return message
    if isinstance(value, NotADate):
        return f"{value} is not a day of the calendar ({value.reason}); expected YYYY-MM-DD"
    if kind in _EXPECTED:
        return f"{_EXPECTED[kind]}, found {_found(value)}"
    if kind == "too_short":
        return "expected at least one entry, found none"
    if kind in _BOUNDS:
        return detail["msg"].replace("Input should be", "expected a number") + (
            f", found {_found(value)}"
        )
    return detail["msg"].replace("Input should be", "expected")


def _unknown_field(document: Document, model: type[BaseModel], loc: Loc) -> Problem:
    """A field the model does not have: where it moved, a close name, or the names there are."""
    owner = value_at(model, loc[:-1])
    owner_model = owner.model if owner is not None and owner.kind == "group" else None
    moved = getattr(owner_model, "MOVED", {}).get(loc[-1])
    if moved:
        return document.problem(loc, f"{field_name(loc)}: {moved}", key=True)
    keys = [spec.key for spec in fields_of(owner_model)] if owner_model is not None else []
    hint = did_you_mean(str(loc[-1]), keys)
    if not hint and keys:
        hint = f"; expected one of: {', '.join(keys)}"
    return document.problem(loc, f"unknown field '{loc[-1]}'{hint}", key=True)


# -- fields written but not filled in (as `mentorsite new` leaves them) ----------------------


def _blank_texts(
    document: Document, model: type[BaseModel], data: Any, at: Loc, known: Known | None
) -> Iterator[tuple[Loc, Problem]]:
    """Required text left blank, as `text: |` with nothing under it: nothing to publish."""
    if not isinstance(data, dict):
        return
    for spec in fields_of(model):
        value, loc = data.get(spec.key), (*at, spec.key)
        group, item = spec.value, spec.value.item
        if spec.required and isinstance(value, str) and not value.strip():
            yield loc, _not_filled_in(document, loc, spec, known)
        elif group.kind == "group" and group.model is not None:
            yield from _blank_texts(document, group.model, value, loc, known)
        elif item is not None and item.model is not None and isinstance(value, list):
            for index, entry in enumerate(value):
                yield from _blank_texts(document, item.model, entry, (*loc, index), known)


def _not_filled_in(document: Document, loc: Loc, spec: FieldSpec, known: Known | None) -> Problem:
    """`unit: not filled in yet: the unit the mentor works in; one of: it, hr`."""
    help_ = spec.help_in("en").rstrip(".")
    if help_[:1].isupper() and not help_[1:2].isupper():
        help_ = help_[0].lower() + help_[1:]
    message = f"{field_name(loc)}: not filled in yet"
    if help_:
        message += f": {help_}"
    return document.problem(loc, message + _choices(spec, known))


def _choices(spec: FieldSpec, known: Known | None) -> str:
    if spec.ref is None:
        return ""
    ids = sorted((known or {}).get(spec.ref, ()))
    if 0 < len(ids) <= MAX_CHOICES:
        many = spec.value.kind == "list"
        return f"; {'one or more of' if many else 'one of'}: {', '.join(ids)}"
    where = ids_location(spec.ref)
    return f"; see {where}" if where else ""


def ids_location(kind: str) -> str | None:
    """Where the ids of `kind` are defined, as a person would look for them."""
    source = defined_in(kind)
    if source is None:
        return None
    where, name = source
    return (
        f"{name} in config/taxonomy.yml" if where == "taxonomy" else f"the files in content/{name}/"
    )
