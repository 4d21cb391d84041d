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
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from mentorsite.content import Config, Content, read_config
from mentorsite.i18n.strings import Strings
from mentorsite.load.cache import LastResult
from mentorsite.load.documents import read_document, yaml_files
from mentorsite.model import SLUG, DescribedTerm, Mentor, Organisation, Taxonomy
from mentorsite.model.fields import FieldSpec, Value, fields_of
from mentorsite.model.kinds import CONTENT_KINDS, FILE_KINDS, reserved
from mentorsite.problems import Problem, display_path
from mentorsite.project import Paths, theme_dirs
from mentorsite.validate import validate_document

SCHEMA_FOLDER = "schemas"  # beside mkdocs.yml
DIALECT = "https://json-schema.org/draft/2020-12/schema"

# Every kind of file, and its model.
SCHEMA_KINDS: dict[str, type[BaseModel]] = {kind: f.model for kind, f in FILE_KINDS.items()}

# The ids that exist, by kind of reference (unit, programme, ...), each with what people
# call it: the enums of the schemas, and the names an editor shows beside them.
Vocabulary = Mapping[str, Mapping[str, str]]


def _hr_only_fields(language: str) -> dict[str, str]:
    return {spec.name: spec.help_in(language) for spec in fields_of(Mentor) if spec.hr_only_allowed}


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


def read_vocabulary(
    paths: Paths, config: Config | None = None
) -> tuple[str, dict[str, dict[str, str]]] | list[Problem]:
    """The language and the ids of a project whose content has errors; or why not.

    Schemas help most while files are wrong, so they are written from what can be read:
    config/ must be valid (the language, the taxonomy's ids), while a content file's id is
    its name, whatever is wrong inside it. `config` is config/ if it was read already.
    """
    config = config or read_config(paths)
    if config.problems or config.organisation is None or config.taxonomy is None:
        return config.problems
    items = {
        kind: _items_by_file_name(paths, kind, folder, model)
        for kind, (folder, model) in CONTENT_KINDS.items()
    }
    return config.organisation.language, _vocabulary(config.taxonomy, items)


def _items_by_file_name(
    paths: Paths, kind: str, folder: str, model: type[BaseModel]
) -> dict[str, BaseModel | None]:
    """The files of a content folder by id, each with its model if the file is valid."""
    items: dict[str, BaseModel | None] = {}
    for path in yaml_files(paths.content / folder):
        item_id = path.name.rsplit(".", 1)[0]
        if not SLUG.match(item_id) or item_id in items or reserved(kind, item_id):
            continue
        document = read_document(path, display_path(path, paths.root), paths.content)
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


class _SchemaWriter(GenerateJsonSchema):
    """pydantic's JSON Schema of a model, completed with what the model declares beyond types:
    each field's help, the ids it may name, the pattern of its kind of text."""

    def __init__(self, known: Vocabulary, language: str, words: Strings) -> None:
        super().__init__(by_alias=True)
        self.known = known
        self.language = language
        self.words = words

    def model_schema(self, schema: core_schema.ModelSchema) -> JsonSchemaValue:
        json_schema = super().model_schema(schema)
        json_schema.pop("description", None)  # a model's docstring is for developers
        properties = json_schema.get("properties", {})
        for spec in fields_of(schema["cls"]):
            self._describe(properties[spec.key], schema["cls"], spec)
        return json_schema

    def _describe(self, field: JsonSchemaValue, model: type[BaseModel], spec: FieldSpec) -> None:
        text = spec.help_in(self.language)
        if spec.type == "markdown":
            said = "" if "Markdown" in text else f" {self.words('in_files.markdown')}"
            text = f"{text}{said} {self.words('in_files.lines')}"
        field["title"] = _title(text)
        field["description"] = text
        self._complete(spec.value, field)
        choices = _CHOICES.get((model, spec.name))
        if choices:
            _enum(field.get("items", field), choices(self.language))

    def _complete(self, value: Value, schema: JsonSchemaValue) -> None:
        """Walk a field's value beside its schema, adding the ids and the text patterns."""
        if value.optional:
            (schema,) = [b for b in schema.get("anyOf", [schema]) if b.get("type") != "null"]
        if value.written:  # what a file may hold instead: pydantic's union of those
            for option, branch in zip(value.written, schema["anyOf"], strict=True):
                self._complete(option, branch)
        elif value.item is not None:
            self._complete(value.item, schema["items"])
        elif value.keys is not None and value.entries is not None:
            keys = schema.get("propertyNames", {})
            self._complete(value.keys, keys)
            if keys:
                schema["propertyNames"] = keys
            self._complete(value.entries, schema["additionalProperties"])
        elif value.ref is not None and value.ref in self.known:
            _enum(schema, self.known[value.ref])  # the ids say more than the shape of an id
        elif value.text is not None:
            schema["pattern"] = value.text.pattern
            schema["patternErrorMessage"] = self.words(f"in_files.{value.text.name}")


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


LAST_WRITTEN: LastResult[dict[str, str]] = LastResult()
"""The schemas' texts last worked out, kept while the ids and the language stay the same."""


def stale_schemas(
    content: Content, *, cache: LastResult[dict[str, str]] = LAST_WRITTEN
) -> list[Path]:
    """The schemas of a project's `schemas/` that differ from what `mentorsite schema` writes.

    A project without that folder does not use them: nothing is stale. The texts are kept
    in `cache` while the ids and language stay the same, so that `check` pays for them once.
    """
    folder = content.paths.root / SCHEMA_FOLDER
    if not folder.is_dir():
        return []
    key = (json.dumps(vocabulary(content)), content.organisation.language)
    texts = cache.get(key)
    if texts is None:
        schemas = build_schemas(content, content.organisation.language)
        texts = cache.keep(key, {kind: schema_text(schema) for kind, schema in schemas.items()})
    stale = []
    for kind, text in texts.items():
        path = schema_path(content.paths.root, kind)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            stale.append(path)
    return stale
