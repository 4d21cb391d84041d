"""The field reference of HR's guide: every field of every kind of file, read off the models.

Each field is described by what the model declares (its type, whether it is required, the
values it allows, the ids it refers to, its help text), as `fields` works it out, so that
the guide cannot say anything the code does not do.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from mentorsite.model.fields import fields_of
from mentorsite.model.kinds import FILE_KINDS

# The kinds of file in the order HR meets them: where each is kept, and its model.
_GUIDE_ORDER = (
    "mentor",
    "programme",
    "rule",
    "role",
    "responsibilities",
    "organisation",
    "taxonomy",
    "pairs",
)
FILES: list[tuple[str, str, type[BaseModel]]] = [
    (kind, FILE_KINDS[kind].where, FILE_KINDS[kind].model) for kind in _GUIDE_ORDER
]

NEW_ID = "id"  # the placeholder for the key of a mapping whose keys are new ids (mentees)


@dataclass(frozen=True)
class FieldDoc:
    """One field as a person writes it in YAML."""

    name: str  # with its parents: "meetings.every_weeks", "materials[].title", "mentees.<id>.name"
    depth: int  # 0 for a field of the file itself
    required: bool
    type: str  # text, markdown, email, url, date, number, choice, id, mapping, list, group
    ref: str | None  # the kind of id it takes, for type "id" (or a list of ids)
    choices: tuple[str, ...]  # the values allowed, for type "choice"
    many: bool  # a list of them
    help: str


def field_reference(kind: type[BaseModel], language: str) -> list[FieldDoc]:
    """Every field of a model, nested ones after their parent, with help in `language`."""
    return list(_fields(kind, language, prefix="", depth=0))


def _fields(kind: type[BaseModel], language: str, prefix: str, depth: int) -> Iterator[FieldDoc]:
    for spec in fields_of(kind):
        key = prefix + spec.key
        yield FieldDoc(
            key,
            depth,
            spec.required,
            spec.type,
            spec.ref,
            spec.choices,
            spec.many,
            spec.help_in(language),
        )
        if spec.nested is not None:
            inner = f"{key}.<{spec.ref or NEW_ID}>" if spec.type == "mapping" else key
            inner += "[]." if spec.many else "."
            yield from _fields(spec.nested, language, inner, depth + 1)
