"""Each field of a model worked out once: what a person writes there, and what it means.

Lektor's field types are the example: one description of each field, which everything
that needs to know about fields asks: the messages of `check` (validate), the JSON
Schemas, `mentorsite new`, the field reference of HR's guide, `import` and the history
in words. None of them reads the annotations; pydantic parses and validates, and this
module is the only one that reads its declarations, once per model (`fields_of`).
"""

from __future__ import annotations

import types
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from mentorsite.model.types import MARKDOWN, Ref, TextType, marks_of

Loc = tuple[str | int, ...]

NO_DEFAULT: Any = PydanticUndefined
"""The default of a field the file must give."""


@dataclass(frozen=True)
class Value:
    """What a value is, as the person writing it sees it, level by level.

    `kind` is one of text, markdown, email, url, date, number, choice, id, list, mapping
    and group (a mapping of fields of its own).
    """

    kind: str
    optional: bool = False  # null is allowed (and is what an absent field holds)
    ref: str | None = None  # an id: the kind of id
    choices: tuple[str, ...] = ()  # a choice: the values allowed
    text: TextType | None = None  # text: which kind of text, with its pattern
    item: Value | None = None  # a list: what each item is
    keys: Value | None = None  # a mapping: what its keys are...
    entries: Value | None = None  # ...and what each value is
    model: type[BaseModel] | None = None  # a group: its model
    written: tuple[Value, ...] = ()  # what a file may hold instead: a sentence for an Item


@dataclass(frozen=True)
class FieldSpec:
    """One field of a model, as a person writes it in YAML."""

    name: str  # the model's attribute
    key: str  # what the file calls it (the alias: "different-unit")
    value: Value
    required: bool
    default: Any  # NO_DEFAULT when the file must give it; a default_factory's value otherwise
    help: Mapping[str, str]  # by language
    hr_only_allowed: bool  # HR may keep it out of the staff edition
    planning_topic: bool  # a programme may leave it empty while it is planned
    # How the guide tells it, worked out from `value`: a list of ids is type "id" and many;
    # a mapping of lists of checklist items has its keys' ref, and its entries' many and
    # model (`nested`). `ref` is the kind of id (in a list, its items'; in a mapping, its
    # keys').
    type: str = field(init=False)
    ref: str | None = field(init=False)
    choices: tuple[str, ...] = field(init=False)
    many: bool = field(init=False)
    nested: type[BaseModel] | None = field(init=False)  # the model of its fields, if any

    def __post_init__(self) -> None:
        told = _told(self.value)
        for name, found in zip(("type", "ref", "choices", "many", "nested"), told, strict=True):
            object.__setattr__(self, name, found)

    def help_in(self, language: str) -> str:
        """The help text in `language`; in English for a language it is not given in."""
        return self.help.get(language) or self.help.get("en", "")

    @property
    def fields(self) -> tuple[FieldSpec, ...]:
        """The fields of its group (or of each item or entry), in the model's order."""
        return fields_of(self.nested) if self.nested is not None else ()


@cache
def fields_of(model: type[BaseModel]) -> tuple[FieldSpec, ...]:
    """Every field of `model`, in the model's order; worked out once per model."""
    return tuple(_spec(name, info) for name, info in model.model_fields.items())


def field_by_key(model: type[BaseModel], key: str) -> FieldSpec | None:
    """The field that a file calls `key`, or None."""
    return _by_key(model).get(key)


@cache
def _by_key(model: type[BaseModel]) -> dict[str, FieldSpec]:
    return {spec.key: spec for spec in fields_of(model)}


def value_at(model: type[BaseModel], loc: Loc) -> Value | None:
    """What the value at `loc` in a file of `model` is, or None where the model has none."""
    found: Value | None = Value("group", model=model)
    for part in loc:
        found = _step(found, part) if found is not None else None
    return found


def field_at(model: type[BaseModel], loc: Loc) -> FieldSpec | None:
    """The field that `loc` ends in (`meetings.minutes`, `materials[2].title`), or None."""
    if not loc:
        return None
    owner = value_at(model, loc[:-1])
    if owner is None or owner.kind != "group" or owner.model is None:
        return None
    return field_by_key(owner.model, str(loc[-1]))


def _step(value: Value, part: str | int) -> Value | None:
    if value.kind == "group" and value.model is not None:
        spec = field_by_key(value.model, str(part))
        return spec.value if spec is not None else None
    if value.kind == "list":
        return value.item
    if value.kind == "mapping":
        return value.entries
    return None


def references(value: Value, data: Any, loc: Loc) -> Iterator[tuple[Loc, str, Any, bool]]:
    """Every id in `data`, a value of this kind: (location, kind of id, id, whether it is a
    mapping's key). `data` is a model's value: a group is a model instance."""
    if data is None:
        return
    if value.ref is not None:
        yield loc, value.ref, data, False
    elif value.kind == "list" and value.item is not None:
        for index, item in enumerate(data):
            yield from references(value.item, item, (*loc, index))
    elif value.kind == "mapping" and value.keys is not None and value.entries is not None:
        for key, entry in data.items():
            if value.keys.ref is not None:
                yield (*loc, key), value.keys.ref, key, True
            yield from references(value.entries, entry, (*loc, key))
    elif value.kind == "group" and isinstance(data, BaseModel):
        for spec in fields_of(type(data)):
            yield from references(spec.value, getattr(data, spec.name), (*loc, spec.key))


# -- reading a field's declaration ------------------------------------------------------------


def _spec(name: str, info: FieldInfo) -> FieldSpec:
    annotation = Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
    marks = marks_of(info)
    factory = info.default_factory
    default = factory() if factory is not None else info.default  # type: ignore[call-arg]
    return FieldSpec(
        name=name,
        key=info.alias or name,
        value=_value_of(annotation),
        required=info.is_required(),
        default=default,
        help=marks.help,
        hr_only_allowed=marks.hr_only_allowed,
        planning_topic=marks.planning_topic,
    )


def _value_of(annotation: Any) -> Value:
    """The Value of a type: Annotated marks and `| None` taken off, then its shape."""
    marks: list[Any] = []
    optional = False
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation, *more = get_args(annotation)
            marks.extend(more)
        elif origin in (Union, types.UnionType):
            options = [option for option in get_args(annotation) if option is not type(None)]
            if len(options) != 1:
                raise TypeError(f"a field holds one type, or nothing: {annotation}")
            annotation, optional = options[0], True
        else:
            break
    common: dict[str, Any] = {"optional": optional, "written": _written(marks)}
    ref = next((mark.kind for mark in marks if isinstance(mark, Ref)), None)
    text = next((mark for mark in marks if isinstance(mark, TextType)), None)
    if origin is list:
        return Value("list", item=_value_of(get_args(annotation)[0]), **common)
    if origin is dict:
        keys, entries = get_args(annotation)
        return Value("mapping", keys=_value_of(keys), entries=_value_of(entries), **common)
    if origin is Literal:
        return Value("choice", choices=tuple(str(a) for a in get_args(annotation)), **common)
    if ref is not None:
        return Value("id", ref=ref, text=text, **common)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return Value("group", model=annotation, **common)
    return Value(_scalar(annotation, marks, text), text=text, **common)


def _scalar(annotation: Any, marks: list[Any], text: TextType | None) -> str:
    if any(mark is MARKDOWN for mark in marks):
        return "markdown"
    if text is not None and text.name in ("email", "url"):
        return text.name
    if annotation is date:
        return "date"
    if annotation is int:
        return "number"
    return "text"


def _written(marks: list[Any]) -> tuple[Value, ...]:
    """What a before-validator takes is what the file may hold (a sentence for an Item)."""
    for mark in marks:
        accepts = getattr(mark, "json_schema_input_type", PydanticUndefined)
        if accepts is not PydanticUndefined:
            union = get_origin(accepts) in (Union, types.UnionType)
            return tuple(
                _value_of(option) for option in (get_args(accepts) if union else [accepts])
            )
    return ()


def _told(value: Value) -> tuple[str, str | None, tuple[str, ...], bool, type[BaseModel] | None]:
    """type, ref, choices, many and nested, as the guide tells a field."""
    if value.kind == "list" and value.item is not None:
        kind, ref, choices, _, nested = _told(value.item)
        return kind, ref, choices, True, nested
    if value.kind == "mapping" and value.keys is not None and value.entries is not None:
        _, choices, many, nested = _told(value.entries)[1:]
        return "mapping", value.keys.ref, choices, many, nested
    if value.kind == "group":
        sentence = any(option.kind == "text" for option in value.written)
        return ("text" if sentence else "group"), None, (), False, value.model
    return value.kind, value.ref, value.choices, False, None
