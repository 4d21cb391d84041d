"""The field reference of HR's guide: every field of every kind of file, read off the models.

Each field is described by what the model declares (its type, whether it is required, the
values it allows, the ids it refers to, its help text), so that the guide cannot say
anything the code does not do.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel

from mentorsite import model
from mentorsite.model import MARKDOWN, RESPONSIBILITIES_FILE, Ref, help_text, unwrap

# The kinds of file, where each is kept, and its model; in the order HR meets them.
FILES: list[tuple[str, str, type[BaseModel]]] = [
    ("mentor", "content/mentors/<id>.yml", model.Mentor),
    ("programme", "content/programmes/<id>.yml", model.Programme),
    ("rule", "content/rules/<id>.yml", model.Rule),
    ("role", "content/roles/<id>.yml", model.Role),
    ("responsibilities", f"content/{RESPONSIBILITIES_FILE}", model.Responsibilities),
    ("organisation", "config/organisation.yml", model.Organisation),
    ("taxonomy", "config/taxonomy.yml", model.Taxonomy),
    ("pairs", "pairs.yml", model.PairsFile),
]


@dataclass(frozen=True)
class FieldDoc:
    """One field as a person writes it in YAML."""

    name: str  # with its parents: "meetings.every_weeks", "materials[].title"
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


def _fields(kind: type[BaseModel], language: str, prefix: str, depth: int) -> Any:
    for name, info in kind.model_fields.items():
        key = prefix + (info.alias or name)
        shape = _shape(info.annotation, info.metadata)
        yield FieldDoc(
            key,
            depth,
            info.is_required(),
            shape.type,
            shape.ref,
            shape.choices,
            shape.many,
            help_text(info, language),
        )
        if shape.nested is not None:
            inner = f"{key}.<{shape.ref}>" if shape.type == "mapping" else key
            inner += "[]." if shape.many else "."
            yield from _fields(shape.nested, language, inner, depth + 1)


@dataclass(frozen=True)
class _Shape:
    type: str
    ref: str | None = None
    choices: tuple[str, ...] = ()
    many: bool = False
    nested: type[BaseModel] | None = None


def _shape(annotation: Any, metadata: list[Any]) -> _Shape:
    """What a value of this type looks like to the person writing it."""
    annotation, found = unwrap(annotation)
    found += metadata
    origin = get_origin(annotation)
    ref = next((m.kind for m in found if isinstance(m, Ref)), None)
    if origin is list:
        inner = _shape(get_args(annotation)[0], [])
        return _Shape(inner.type, inner.ref, inner.choices, True, inner.nested)
    if origin is dict:
        key, value = (_shape(a, []) for a in get_args(annotation))
        return _Shape("mapping", key.ref, value.choices, value.many, value.nested)
    if origin is Literal:
        return _Shape("choice", choices=tuple(str(a) for a in get_args(annotation)))
    if ref is not None:
        return _Shape("id", ref)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if annotation is model.Item:  # a line of a checklist: a sentence, or text and rule
            return _Shape("text", nested=annotation)
        return _Shape("group", nested=annotation)
    if MARKDOWN in found:
        return _Shape("markdown")
    for kind, alias in (("email", model.Email), ("url", model.Url)):
        if any(mark in found for mark in get_args(alias)[1:]):
            return _Shape(kind)
    if annotation is date:
        return _Shape("date")
    if annotation is int:
        return _Shape("number")
    return _Shape("text")
