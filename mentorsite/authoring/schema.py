"""JSON Schemas of the content's files, for editors that complete and check YAML as HR types.

Each file of the content names its schema in a first line that the YAML language server
reads: `# yaml-language-server: $schema=../../schemas/mentor.schema.json`. The schemas
live in `schemas/` beside mkdocs.yml and are written by `mentorsite schema`.

A schema is pydantic's JSON Schema of the file's model, completed with what the model
declares beyond types: the help text of each field in the organisation's language, the ids
that exist where a field refers to one (`Ref`), the shape of slugs and one-line text. The
ids come from the project, so the schemas are written again when the taxonomy or the set of
programmes, mentors, rules or roles changes; `mentorsite check` says when they are stale.

The schemas keep to keywords that mean the same in draft 2020-12 and in draft-07, which the
YAML language server of VS Code reads.
"""

from __future__ import annotations

import json
import os
import re
import types
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import PydanticUndefined, core_schema

from mentorsite.content import Content
from mentorsite.i18n.strings import Strings
from mentorsite.load.documents import read_document, yaml_files
from mentorsite.model import (
    CONTENT_KINDS,
    FACET_FOLDERS,
    SLUG,
    DescribedTerm,
    Email,
    Mentor,
    Model,
    Organisation,
    PairsFile,
    PlainText,
    Ref,
    Responsibilities,
    Slug,
    Taxonomy,
    Url,
    help_text,
)
from mentorsite.problems import Problem, display_path
from mentorsite.project import Paths, theme_dirs
from mentorsite.validate import validate_document

SCHEMA_FOLDER = "schemas"  # beside mkdocs.yml
DIALECT = "https://json-schema.org/draft/2020-12/schema"

# Every kind of file, and its model.
SCHEMA_KINDS: dict[str, type[BaseModel]] = {
    "organisation": Organisation,
    "taxonomy": Taxonomy,
    **{kind: model for kind, (_, model) in CONTENT_KINDS.items()},
    "responsibilities": Responsibilities,
    "pairs": PairsFile,
}

# The ids that exist, by kind of reference (unit, programme, ...), each with what people
# call it: the enums of the schemas, and the names an editor shows beside them.
Vocabulary = Mapping[str, Mapping[str, str]]


def _hr_only_fields(language: str) -> dict[str, str]:
    fields = Mentor.model_fields
    return {name: help_text(fields[name], language) for name in Mentor.hr_only_allowed()}


# Values that `validate` limits beyond the field's type, each with what it means.
_CHOICES: dict[tuple[type[BaseModel], str], Callable[[str], dict[str, str]]] = {
    (Organisation, "hr_only"): _hr_only_fields,
}


def schema_path(root: Path, kind: str) -> Path:
    """Where the schema of `kind` is kept in the project at `root`."""
    return root / SCHEMA_FOLDER / f"{kind}.schema.json"


def schema_comment(kind: str, file: Path, root: Path) -> str:
    """The first line of a file of `kind` at `file`: where the editor finds its schema."""
    target = os.path.relpath(schema_path(root, kind), file.parent)
    return f"# yaml-language-server: $schema={Path(target).as_posix()}"


# -- the ids that exist ----------------------------------------------------------------------


def vocabulary(content: Content) -> dict[str, dict[str, str]]:
    """The ids of a valid project, each with what people call it."""
    items = {
        "programme": content.programmes,
        "mentor": content.mentors,
        "rule": content.rules,
        "role": content.roles,
    }
    return _vocabulary(content.taxonomy, items)


def read_vocabulary(paths: Paths) -> tuple[str, dict[str, dict[str, str]]] | list[Problem]:
    """The language and the ids of a project whose content has errors; or why not.

    Schemas help most while files are wrong, so they are written from what can be read:
    config/ must be valid (the language, the taxonomy's ids), while a content file's id is
    its name, whatever is wrong inside it.
    """
    problems: list[Problem] = []
    config: dict[str, Any] = {}
    for name, model in (("organisation", Organisation), ("taxonomy", Taxonomy)):
        path = paths.config / f"{name}.yml"
        document = read_document(path, display_path(path, paths.root))
        if isinstance(document, Problem):
            problems.append(document)
            continue
        config[name], found = validate_document(document, model)
        problems.extend(found)
    if problems:
        return problems
    items = {
        kind: _items_by_file_name(paths, kind, folder, model)
        for kind, (folder, model) in CONTENT_KINDS.items()
    }
    return config["organisation"].language, _vocabulary(config["taxonomy"], items)


def _items_by_file_name(
    paths: Paths, kind: str, folder: str, model: type[BaseModel]
) -> dict[str, BaseModel | None]:
    """The files of a content folder by id, each with its model if the file is valid."""
    items: dict[str, BaseModel | None] = {}
    for path in yaml_files(paths.content / folder):
        item_id = path.name.rsplit(".", 1)[0]
        if not SLUG.match(item_id) or item_id in items:
            continue
        if kind == "mentor" and item_id in FACET_FOLDERS.values():
            continue
        document = read_document(path, display_path(path, paths.root))
        readable = not isinstance(document, Problem)
        items[item_id] = validate_document(document, model)[0] if readable else None
    return items


def _vocabulary(
    taxonomy: Taxonomy, items: Mapping[str, Mapping[str, BaseModel | None]]
) -> dict[str, dict[str, str]]:
    known: dict[str, dict[str, str]] = {}
    for kind, list_name in Taxonomy.KINDS.items():
        known[kind] = {}
        for term in getattr(taxonomy, list_name):
            described = isinstance(term, DescribedTerm) and term.description
            known[kind].setdefault(term.id, f"{term.name}: {described}" if described else term.name)
    for kind, by_id in items.items():
        known[kind] = {item_id: _name(item) for item_id, item in by_id.items()}
    return known


def _name(item: BaseModel | None) -> str:
    """What people call a programme, mentor, rule or role."""
    name = getattr(item, "name", None) or getattr(item, "title", None) or ""
    if isinstance(item, Mentor):
        return f"{name}, {item.title}"
    return str(name)


# -- the schemas -----------------------------------------------------------------------------


def build_schemas(ids: Content | Vocabulary, language: str) -> dict[str, dict[str, Any]]:
    """A JSON Schema for each kind of file, in `language` (da or en), naming the ids in `ids`."""
    known = vocabulary(ids) if isinstance(ids, Content) else ids
    words = Strings.load(language, theme_dirs())  # read once for every kind
    return {
        kind: _schema_of(kind, model, known, language, words)
        for kind, model in SCHEMA_KINDS.items()
    }


def _schema_of(
    kind: str, model: type[BaseModel], known: Vocabulary, language: str, words: Strings
) -> dict[str, Any]:
    schema = _SchemaWriter(known, language, words).generate(model.__pydantic_core_schema__)
    return {
        "$schema": DIALECT,
        "$comment": f"The {kind} files of mentorsite. Written by `mentorsite schema` from the "
        "models and the project's ids: run it again instead of editing this file.",
        **schema,
    }


# What each text type of the model accepts, said as a pattern, and which words explain a
# mismatch. Keyed by the validator that the type carries; the validators give `check` its
# messages, the patterns let the editor catch the same mistakes while HR types.
_TEXT_TYPES: dict[Any, tuple[str, str]] = {
    get_args(Slug)[1]: (SLUG.pattern, "slug"),
    # After stripping: some text, and no line break.
    # After stripping: some text, no line break and no control character.
    get_args(PlainText)[1]: (
        r"^\s*[^\s\x00-\x1f\x7f-\x9f](?:[^\n\r\x00-\x08\x0b-\x1f\x7f-\x9f]*"
        r"[^\s\x00-\x1f\x7f-\x9f])?\s*$",
        "plain",
    ),
    # What email-validator accepts, without the characters that mean something in a link.
    get_args(Email)[1]: (
        r"^[^@\s\"'?&%#<>()\[\]\\,;:]+@(?:[^@\s\"'?&%#<>()\[\]\\,;:!$*+/=^`{|}~._-]"
        r"[^@\s\"'?&%#<>()\[\]\\,;:!$*+/=^`{|}~._]*\.)+[^\W\d_]{2,}$",
        "email",
    ),
    get_args(Url)[1]: (r'^\s*https?://[^\s<>"\x00-\x1f\x7f]+\s*$', "url"),
}


class _SchemaWriter(GenerateJsonSchema):
    """pydantic's JSON Schema of a model, completed with what the model declares beyond types."""

    def __init__(self, known: Vocabulary, language: str, words: Strings) -> None:
        super().__init__(by_alias=True)
        self.known = known
        self.language = language
        self.words = words

    def model_schema(self, schema: core_schema.ModelSchema) -> JsonSchemaValue:
        json_schema = super().model_schema(schema)
        json_schema.pop("description", None)  # a model's docstring is for developers
        model = schema["cls"]
        properties = json_schema.get("properties", {})
        for name, info in model.model_fields.items():
            self._describe(properties[info.alias or name], model, name, info)
        return json_schema

    def _describe(
        self, field: JsonSchemaValue, model: type[BaseModel], name: str, info: FieldInfo
    ) -> None:
        for mark in info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}:
            field.pop(mark, None)  # help_da and the field's roles, said in words below
        text = help_text(info, self.language)
        if issubclass(model, Model) and name in model.markdown_fields():
            said = "" if "Markdown" in text else f" {self.words('in_files.markdown')}"
            text = f"{text}{said} {self.words('in_files.lines')}"
        field["title"] = _title(text)
        field["description"] = text
        annotation = (
            Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
        )
        self._complete(annotation, field)
        choices = _CHOICES.get((model, name))
        if choices:
            _enum(field.get("items", field), choices(self.language))

    def _complete(self, annotation: Any, schema: JsonSchemaValue) -> None:
        """Walk a field's type beside its schema, adding what its marks say."""
        origin = get_origin(annotation)
        if origin is Annotated:
            base, *metadata = get_args(annotation)
            for mark in metadata:
                self._apply(mark, schema)
                accepts = getattr(mark, "json_schema_input_type", PydanticUndefined)
                if accepts is not PydanticUndefined:
                    base = accepts  # what a before-validator takes is what the file holds
            self._complete(base, schema)
            if "enum" in schema:  # the ids say more than the shape of an id
                schema.pop("pattern", None)
                schema.pop("patternErrorMessage", None)
        elif origin in (Union, types.UnionType):
            options = [option for option in get_args(annotation) if option is not type(None)]
            branches = [b for b in schema.get("anyOf", [schema]) if b.get("type") != "null"]
            for option, branch in zip(options, branches, strict=True):
                self._complete(option, branch)
        elif origin is list:
            self._complete(get_args(annotation)[0], schema["items"])
        elif origin is dict:
            key_type, value_type = get_args(annotation)
            keys = schema.get("propertyNames", {})
            self._complete(key_type, keys)
            if keys:
                schema["propertyNames"] = keys
            self._complete(value_type, schema["additionalProperties"])

    def _apply(self, mark: Any, schema: JsonSchemaValue) -> None:
        if isinstance(mark, Ref):
            if mark.kind in self.known:
                _enum(schema, self.known[mark.kind])
            return
        try:
            text_type = _TEXT_TYPES.get(mark)
        except TypeError:  # an unhashable mark is not one of the text types
            return
        if text_type:
            pattern, words = text_type
            schema["pattern"] = pattern
            schema["patternErrorMessage"] = self.words(f"in_files.{words}")


def _enum(schema: JsonSchemaValue, names: Mapping[str, str]) -> None:
    schema["enum"] = list(names)
    schema["enumDescriptions"] = list(names.values())


def _title(text: str) -> str:
    """A short title from a field's help: its first clause, or its first sentence.

    A clause of one word, or one that begins with a value such as `planning`, says too
    little on its own.
    """
    clause = re.split(r":\s|;\s|\s\(|\.\s|\.$", text, maxsplit=1)[0]
    if len(clause.split()) > 1 and not clause[:1].islower():
        return clause
    return re.split(r";\s|\.\s|\.$", text, maxsplit=1)[0]


# -- the files -------------------------------------------------------------------------------


def schema_text(schema: Mapping[str, Any]) -> str:
    """A schema as written to its file: stable key order, so that a change is a small diff."""
    return json.dumps(_ordered(schema), indent=2, ensure_ascii=False) + "\n"


def _ordered(value: Any, *, keep_order: bool = False) -> Any:
    """Keys sorted, except a model's properties: those stay in the model's order."""
    if isinstance(value, dict):
        keys = value if keep_order else sorted(value)
        return {key: _ordered(value[key], keep_order=key == "properties") for key in keys}
    if isinstance(value, list):
        return [_ordered(item) for item in value]
    return value


def write_schemas(schemas: Mapping[str, Mapping[str, Any]], folder: Path) -> list[Path]:
    """Write `<kind>.schema.json` for each schema; only the files whose text changes."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind, schema in schemas.items():
        path = folder / f"{kind}.schema.json"
        text = schema_text(schema)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_bytes(text.encode("utf-8"))
            written.append(path)
    return written


_last: tuple[Any, dict[str, str]] | None = None


def stale_schemas(content: Content) -> list[Path]:
    """The schemas of a project's `schemas/` that differ from what `mentorsite schema` writes.

    A project without that folder does not use them: nothing is stale. The texts are kept
    while the ids and language stay the same, so that `check` pays for them once.
    """
    global _last
    folder = content.paths.root / SCHEMA_FOLDER
    if not folder.is_dir():
        return []
    key = (json.dumps(vocabulary(content)), content.organisation.language)
    if _last is None or _last[0] != key:
        schemas = build_schemas(content, content.organisation.language)
        _last = (key, {kind: schema_text(schema) for kind, schema in schemas.items()})
    stale = []
    for kind, text in _last[1].items():
        path = schema_path(content.paths.root, kind)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            stale.append(path)
    return stale
