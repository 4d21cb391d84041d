"""The JSON Schemas that HR's editor checks the YAML with, as `mentorsite schema` writes them.

An editor that refuses what `mentorsite check` accepts would teach HR to ignore it, and one
that accepts what `check` refuses would be of little help: each bad file here is refused by
both, and each good one accepted by both.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

from conftest import REPO, copy_example, edit
from mentorsite.adapters.cli.main import main
from mentorsite.authoring.schema import SCHEMA_KINDS, build_schemas, read_vocabulary, schema_comment
from mentorsite.content import load_content
from mentorsite.i18n.strings import LANGUAGES
from mentorsite.model import (
    CONTENT_KINDS,
    RESPONSIBILITIES,
    Activity,
    Check,
    Email,
    Item,
    Mentor,
    PlainText,
    Role,
    Slug,
    Url,
)
from mentorsite.model.fields import field_by_key, fields_of
from mentorsite.model.kinds import FILE_KINDS
from mentorsite.model.reference import FILES, field_reference
from mentorsite.project import Paths

SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")


class _AsEditorsRead(yaml.SafeLoader):
    """YAML as the editor's language server reads it (YAML 1.2): a date is text."""


_AsEditorsRead.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def kind_of(path: Path, root: Path) -> str:
    """The kind of a YAML file of the example project, by where it is."""
    relative = path.relative_to(root).as_posix()
    if relative.startswith("config/"):
        return path.stem
    if relative == "content/responsibilities.yml":
        return "responsibilities"
    if relative.startswith("content/"):
        folder = relative.split("/")[1]
        return next(kind for kind, (name, _) in CONTENT_KINDS.items() if name == folder)
    return "pairs"  # HR's private pairs files: the example and the tests' own


def example_files(root: Path = REPO) -> list[Path]:
    return sorted(
        [
            *root.glob("config/*.yml"),
            *root.glob("content/**/*.yml"),
            root / "examples/pairs.yml",
            root / "tests/fixtures/pairs-violations.yml",
        ]
    )


def schema_errors(schema: dict[str, Any], path: Path) -> list[str]:
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    data = yaml.load(path.read_text(encoding="utf-8"), _AsEditorsRead)
    return [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in validator.iter_errors(data)
    ]


def check_errors(project: Path, path: Path) -> list[str]:
    result = load_content(Paths.at(project))
    display = path.relative_to(project).as_posix()
    return [str(problem) for problem in result.errors if problem.path == display]


def schemas_of(project: Path) -> dict[str, dict[str, Any]]:
    """The schemas `mentorsite schema` would write for the project as it is now."""
    readable = read_vocabulary(Paths.at(project))
    assert not isinstance(readable, list), readable
    language, ids = readable
    return build_schemas(ids, language)


def run_schema(project: Path, *args: str) -> int:
    return main(["schema", "-f", str(project / "mkdocs.yml"), *args])


@pytest.fixture(scope="module")
def committed() -> dict[str, dict[str, Any]]:
    return {
        kind: json.loads((REPO / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8"))
        for kind in SCHEMA_KINDS
    }


# -- the schemas accept the example --------------------------------------------------------


def test_the_schemas_are_valid_json_schemas(committed: dict[str, dict[str, Any]]) -> None:
    for schema in committed.values():
        Draft202012Validator.check_schema(schema)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


@pytest.mark.parametrize(
    "path", example_files(), ids=lambda path: path.relative_to(REPO).as_posix()
)
def test_every_example_file_is_valid_and_names_its_schema(
    path: Path, committed: dict[str, dict[str, Any]]
) -> None:
    kind = kind_of(path, REPO)
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == schema_comment(kind, path, REPO)
    target = (path.parent / SCHEMA_LINE.match(first_line).group(1)).resolve()
    assert target == REPO / "schemas" / f"{kind}.schema.json" and target.is_file()
    assert schema_errors(committed[kind], path) == []


def test_the_committed_schemas_are_what_mentorsite_schema_writes(tmp_path: Path) -> None:
    assert run_schema(REPO, "-o", str(tmp_path)) == 0
    written = {path.name: path.read_text(encoding="utf-8") for path in tmp_path.iterdir()}
    kept = {path.name: path.read_text(encoding="utf-8") for path in (REPO / "schemas").iterdir()}
    assert written == kept, "run mentorsite schema, and commit schemas/"


# -- the schemas and check agree -----------------------------------------------------------

Change = Callable[[str], str]


def replace(old: str, new: str) -> Change:
    def change(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, 1)

    return change


REFUSED = {
    "an unknown qualification": (
        "content/mentors/anna-jensen.yml",
        replace("[delegation, change", "[delegaton, change"),
        "unknown qualification 'delegaton'; did you mean 'delegation'?",
    ),
    "a misspelt field": (
        "content/mentors/anna-jensen.yml",
        replace("languages:", "langauges:"),
        "unknown field 'langauges'; did you mean 'languages'?",
    ),
    "a wrong type": (
        "content/mentors/anna-jensen.yml",
        replace("capacity: 2", "capacity: two"),
        "capacity: expected a whole number, found 'two'",
    ),
    "an empty list": (
        "content/mentors/anna-jensen.yml",
        replace("languages: [da, en]", "languages: []"),
        "languages: ",
    ),
    "a title of two lines": (
        "content/mentors/anna-jensen.yml",
        replace("title: Afdelingschef, IT-udvikling", "title: |\n  Afdelingschef\n  IT"),
        "title: expected one line of text",
    ),
    "a missing required field": (
        "content/rules/confidentiality.yml",
        lambda text: re.sub(r"(?m)^effective: .*\n", "", text),
        "effective: required field is missing",
    ),
    "a bad date": (
        "content/rules/confidentiality.yml",
        lambda text: re.sub(r"(?m)^effective: .*$", "effective: 2026-13-01", text),
        "effective: 2026-13-01 is not a day of the calendar (month must be in 1..12)",
    ),
    "a date in words": (
        "content/rules/confidentiality.yml",
        lambda text: re.sub(r"(?m)^effective: .*$", "effective: 1. januar 2026", text),
        "effective: expected a date as YYYY-MM-DD",
    ),
    "an unknown check": (
        "content/rules/level-gap.yml",
        replace("{level-gap: {", "{level-gaps: {"),
        "unknown field 'level-gaps'; did you mean 'level-gap'?",
    ),
    "two checks in one rule": (
        "content/rules/level-gap.yml",
        replace("{level-gap: {min: 1, max: 2}}", "{level-gap: {min: 1, max: 2}, capacity: {}}"),
        "expected exactly one check",
    ),
    "a check without its parameters": (
        "content/rules/level-gap.yml",
        replace("{level-gap: {min: 1, max: 2}}", "{level-gap: }"),
        "expected exactly one check",
    ),
    "a bad responsibility": (
        "content/responsibilities.yml",
        replace("mentee: takes-part", "mentee: take-part"),
        "expected one of owns, takes-part, informed, never, found 'take-part'",
    ),
    "an unknown role in the matrix": (
        "content/responsibilities.yml",
        replace("programme-group: informed", "programme-grup: informed"),
        "unknown role 'programme-grup'",
    ),
    "an unknown phase": (
        "content/roles/mentor.yml",
        replace("  before:", "  befor:"),
        "unknown phase 'befor'",
    ),
    "a checklist item citing an unknown rule": (
        "content/roles/mentor.yml",
        replace("rule: mentor-training-required}", "rule: mentor-training}"),
        "unknown rule 'mentor-training'",
    ),
    "a material without url or file": (
        "content/programmes/nye-ledere-2027.yml",
        replace(
            "{title: Skabelon til mentoraftale, file: ../materials/mentoraftale.md}",
            "{title: Skabelon til mentoraftale}",
        ),
        "give either 'url' or 'file'",
    ),
    "a number out of bounds": (
        "content/programmes/nye-ledere-2027.yml",
        replace("every_weeks: 6", "every_weeks: 0"),
        "meetings.every_weeks: expected a number greater than or equal to 1",
    ),
    "interest by e-mail and by form": (
        "config/organisation.yml",
        replace(
            "interest: {email: mentor@nordlys.example}",
            "interest: {email: mentor@nordlys.example, url: https://forms.example/mentor}",
        ),
        "give either 'email' or 'url'",
    ),
    "a field that cannot be HR-only": (
        "config/organisation.yml",
        replace("hr_only: [level, phone]", "hr_only: [level, name]"),
        "'name' cannot be kept HR-only",
    ),
    "an id that is not a slug": (
        "config/taxonomy.yml",
        replace("- {id: hr, name:", "- {id: HR, name:"),
        "expected an id of lowercase letters a-z, digits and '-'",
    ),
}


@pytest.mark.parametrize("case", REFUSED)
def test_a_bad_file_is_refused_by_the_schema_and_by_check(tmp_path: Path, case: str) -> None:
    project = copy_example(tmp_path / "project")
    schemas = schemas_of(project)  # as written before the mistake was made
    relative, change, message = REFUSED[case]
    path = project / relative
    edit(path, change)
    assert schema_errors(schemas[kind_of(path, project)], path) != []
    assert any(message in error for error in check_errors(project, path)), check_errors(
        project, path
    )


ACCEPTED = {
    "interest by form": (
        "config/organisation.yml",
        replace(
            "interest: {email: mentor@nordlys.example}",
            "interest: {url: https://forms.example/mentor}",
        ),
    ),
    "interest by e-mail, with an empty url": (
        "config/organisation.yml",
        replace("interest: {email: mentor@nordlys.example}", "interest: {email: a@b.dk, url: }"),
    ),
    "an empty planning topic": (
        "content/programmes/nye-ledere-2027.yml",
        replace("mentor_source: internal", "mentor_source:"),
    ),
    "applying by form, with a deadline": (
        "content/programmes/nye-ledere-2027.yml",
        replace("email: mentor@nordlys.example\n", "url: https://forms.example/apply\n"),
    ),
    "a check without parameters, and a rule for some programmes": (
        "content/rules/level-gap.yml",
        replace(
            "check: {level-gap: {min: 1, max: 2}}",
            "check: {capacity: {}}\nprogrammes: [mentorkorps]",
        ),
    ),
    "checklist items as text and as text with a rule": (
        "content/roles/hr.yml",
        replace(
            "  end:\n",
            "  end:\n    - Luk forløbet.\n    - {text: Luk det., rule: planned-closing}\n",
        ),
    ),
    "one line of text written over two": (
        "content/mentors/anna-jensen.yml",
        replace("title: Afdelingschef, IT-udvikling", "title: >\n  Afdelingschef,\n  IT"),
    ),
}


@pytest.mark.parametrize("case", ACCEPTED)
def test_a_good_file_is_accepted_by_the_schema_and_by_check(tmp_path: Path, case: str) -> None:
    project = copy_example(tmp_path / "project")
    relative, change = ACCEPTED[case]
    path = project / relative
    before = path.read_text(encoding="utf-8")
    edit(path, change)
    assert path.read_text(encoding="utf-8") != before
    assert check_errors(project, path) == []
    assert schema_errors(schemas_of(project)[kind_of(path, project)], path) == []


def test_the_pairs_schema_and_pairs_check_agree_on_an_unknown_mentor(tmp_path: Path) -> None:
    project = copy_example(tmp_path / "project")
    pairs = project / "pairs.yml"
    pairs.write_text(
        (REPO / "examples/pairs.yml")
        .read_text(encoding="utf-8")
        .replace("mentor: anna-jensen", "mentor: anna-jensn", 1),
        encoding="utf-8",
    )
    assert schema_errors(schemas_of(project)["pairs"], pairs) != []
    assert main(["pairs", "check", "-f", str(project / "mkdocs.yml"), str(pairs)]) == 1


@pytest.mark.parametrize(
    ("text_type", "good", "bad"),
    [
        (Slug, ["it", "head-of-department", "lederudvikling-2026"], ["IT", "a_b", "-a", "a-", ""]),
        (
            PlainText,
            ["Anna", " Anna Jensen ", "Anna\n", "a\tb", "Søren"],
            ["", "  ", "Anna\nJensen", "a\rb", "a\x07b", "a\x1b[31mb"],
        ),
        (
            Email,
            ["anna@nordlys.example", "a.b@c.dk", "søren@nordlys.dk", "a+b@c.dk"],
            [
                "anna",
                "anna@nordlys",
                "a b@c.dk",
                "anna@nordlys.example?bcc=spion%40evil.example",
                "anna?bcc=spion@evil.example",
                '"anna jensen"@nordlys.example',
                "anna@nordlys.example&subject=x",
                "a@b..dk",
            ],
        ),
        (Url, ["https://forms.example/x?a=1", "http://a.dk"], ["ftp://a.dk", "https://a b.dk"]),
    ],
)
def test_the_text_patterns_say_what_the_models_validators_say(
    text_type: Any, good: list[str], bad: list[str]
) -> None:
    from pydantic import TypeAdapter, ValidationError

    def valid(text: str) -> bool:
        try:
            TypeAdapter(text_type).validate_python(text)
        except ValidationError:
            return False
        return True

    # The pattern each schema gives the type, where a field of that type stands.
    mentor = schemas_of(REPO)["mentor"]["properties"]
    taxonomy = schemas_of(REPO)["taxonomy"]["$defs"]
    organisation = schemas_of(REPO)["organisation"]["$defs"]
    pattern = {
        Slug: taxonomy["Term"]["properties"]["id"]["pattern"],
        PlainText: mentor["name"]["pattern"],
        Email: mentor["email"]["anyOf"][0]["pattern"],
        Url: organisation["Interest"]["properties"]["url"]["anyOf"][0]["pattern"],
    }[text_type]
    for text in good + bad:
        assert (re.search(pattern, text) is not None) == valid(text) == (text in good), text


# -- what the schemas say ------------------------------------------------------------------


def test_the_enums_follow_the_taxonomy(tmp_path: Path) -> None:
    project = copy_example(tmp_path / "project")
    assert run_schema(project) == 0
    edit(
        project / "config/taxonomy.yml",
        replace("qualifications:\n", "qualifications:\n  - {id: coaching, name: Coaching}\n"),
    )
    mentor = project / "content/mentors/anna-jensen.yml"
    edit(mentor, replace("qualifications: [", "qualifications: [coaching, "))
    assert check_errors(project, mentor) == []
    before = json.loads((project / "schemas/mentor.schema.json").read_text(encoding="utf-8"))
    assert schema_errors(before, mentor) != []

    assert run_schema(project) == 0
    after = json.loads((project / "schemas/mentor.schema.json").read_text(encoding="utf-8"))
    assert schema_errors(after, mentor) == []
    qualifications = after["properties"]["qualifications"]["items"]
    assert qualifications["enum"][0] == "coaching"
    assert qualifications["enumDescriptions"][0] == "Coaching"


def test_ids_and_names_of_the_content_are_the_values_to_choose_from() -> None:
    schemas = schemas_of(REPO)
    programmes = schemas["mentor"]["properties"]["programmes"]["items"]
    assert programmes["enum"] == sorted(p.stem for p in REPO.glob("content/programmes/*.yml"))
    assert "Nye ledere 2027 – mentorgrupper" in programmes["enumDescriptions"]
    pair = schemas["pairs"]["$defs"]["Pair"]["properties"]
    assert "anna-jensen" in pair["mentor"]["enum"]
    assert "Anna Jensen, Afdelingschef, IT-udvikling" in pair["mentor"]["enumDescriptions"]
    roles = schemas["responsibilities"]["$defs"]["Activity"]["properties"]["roles"]
    assert roles["propertyNames"]["enum"] == sorted(p.stem for p in REPO.glob("content/roles/*"))
    assert roles["additionalProperties"]["enum"] == ["owns", "takes-part", "informed", "never"]
    does = schemas["role"]["properties"]["does"]
    assert does["propertyNames"]["enum"] == ["before", "start", "during", "end"]
    item = does["additionalProperties"]["items"]["anyOf"]  # a sentence, or text and rule
    assert [branch.get("type") or branch["$ref"] for branch in item] == ["string", "#/$defs/Item"]
    hr_only = schemas["organisation"]["properties"]["hr_only"]["items"]["enum"]
    assert hr_only == ["location", "level", "email", "phone", "reviewed"]


def properties(schema: Any) -> list[tuple[str, dict[str, Any]]]:
    """Every property of a schema and its definitions, with its name."""
    found = []
    if isinstance(schema, dict):
        for name, value in schema.get("properties", {}).items():
            if "description" in value or "title" in value or "type" in value or "$ref" in value:
                found.append((name, value))
        for key, value in schema.items():
            if key != "oneOf":  # "exactly one of": the fields again, already described
                found.extend(properties(value))
    elif isinstance(schema, list):
        for item in schema:
            found.extend(properties(item))
    return found


@pytest.mark.parametrize(
    ("language", "mentor_name", "markdown"),
    [("da", "Mentorens fulde navn.", "skriv |"), ("en", "The mentor's full name.", "write |")],
)
def test_help_in_the_organisations_language(
    tmp_path: Path, language: str, mentor_name: str, markdown: str
) -> None:
    project = copy_example(tmp_path / "project")
    edit(project / "config/organisation.yml", replace("language: da", f"language: {language}"))
    assert run_schema(project) == 0
    text = (project / "schemas/mentor.schema.json").read_text(encoding="utf-8")
    mentor = json.loads(text)["properties"]
    assert mentor["name"]["description"] == mentor_name
    assert mentor["name"]["title"] == mentor_name.rstrip(".")
    assert markdown in mentor["bio"]["description"]  # a Markdown field says so
    for path in (project / "schemas").iterdir():
        schema = json.loads(path.read_text(encoding="utf-8"))
        for name, field in properties(schema):
            assert field.get("title") and field.get("description"), (path.name, name)
        # The models' own marks are said in words, not passed on raw.
        assert not {"help_da", "hr_only_allowed", "planning_topic"} & set(path.read_text())


# -- the command ---------------------------------------------------------------------------


def test_the_command_writes_each_schema_once_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_example(tmp_path / "project")
    monkeypatch.chdir(project)
    assert main(["schema"]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines() == [f"wrote schemas/{kind}.schema.json" for kind in SCHEMA_KINDS]
    assert err == "mentorsite: 8 schemas written, 0 unchanged in schemas/\n"
    stamps = {path: path.stat().st_mtime_ns for path in (project / "schemas").iterdir()}

    assert main(["schema"]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert err == "mentorsite: 0 schemas written, 8 unchanged in schemas/\n"
    assert {path: path.stat().st_mtime_ns for path in stamps} == stamps

    assert main(["schema", "-o", "elsewhere"]) == 0
    assert sorted(p.name for p in (project / "elsewhere").iterdir()) == sorted(
        p.name for p in stamps
    )


def test_content_errors_do_not_stop_the_schemas(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_example(tmp_path / "project")
    (project / "content/mentors/ny-mentor.yml").write_text("name: [\n", encoding="utf-8")
    assert run_schema(project) == 0
    err = capsys.readouterr().err
    assert "mentorsite: warning: the content has 1 error;" in err
    assert "run mentorsite check" in err
    pairs = json.loads((project / "schemas/pairs.schema.json").read_text(encoding="utf-8"))
    assert "ny-mentor" in pairs["$defs"]["Pair"]["properties"]["mentor"]["enum"]


def test_a_broken_taxonomy_writes_nothing_and_says_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_example(tmp_path / "project")
    edit(project / "config/taxonomy.yml", replace("units:", "units: ["))
    assert run_schema(project) == 1
    out, err = capsys.readouterr()
    assert out.startswith("config/taxonomy.yml:") and ": error: invalid YAML" in out
    assert err == (
        "mentorsite: no schema was written: the organisation and the taxonomy must be valid "
        "first; run mentorsite check\n"
    )
    assert not (project / "schemas").exists()


def test_check_says_which_schemas_are_out_of_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_example(tmp_path / "project")
    check = ["check", "-f", str(project / "mkdocs.yml")]
    assert main(check) == 0
    assert "schema" not in capsys.readouterr().err  # a project without schemas/ is not told

    assert run_schema(project) == 0
    capsys.readouterr()
    assert main(check) == 0
    assert "schema" not in capsys.readouterr().err

    edit(
        project / "config/taxonomy.yml",
        replace("qualifications:\n", "qualifications:\n  - {id: coaching, name: Coaching}\n"),
    )
    (project / "schemas/rule.schema.json").unlink()
    assert main(check) == 0  # the content is fine: stale schemas are no error
    lines = [line for line in capsys.readouterr().err.splitlines() if "schema" in line]
    assert lines == [
        "mentorsite: schemas/mentor.schema.json is out of date: run mentorsite schema",
        "mentorsite: schemas/rule.schema.json is missing: run mentorsite schema",
        "mentorsite: schemas/pairs.schema.json is out of date: run mentorsite schema",
    ]


def test_a_new_file_brings_its_id_into_the_schemas(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_example(tmp_path / "project")
    assert run_schema(project) == 0
    capsys.readouterr()

    def mentor_ids() -> list[str]:
        pairs = json.loads((project / "schemas/pairs.schema.json").read_text(encoding="utf-8"))
        found = re.findall(r'"enum": \[([^\]]*)\]', json.dumps(pairs["$defs"]["Pair"]))
        return [i for enum in found for i in json.loads(f"[{enum}]")]

    assert "sara-holm" not in mentor_ids()
    assert main(["new", "mentor", "sara-holm", "-f", str(project / "mkdocs.yml")]) == 0
    assert "mentorsite: updated schemas/pairs.schema.json" in capsys.readouterr().err
    assert "sara-holm" in mentor_ids()


def test_the_command_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["schema", "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert "-o DIR, --output DIR" in out and "-f FILE, --config-file FILE" in out


# -- the field spec that the schemas, check, new, import and the guide all read --------------


def test_each_field_is_worked_out_once_as_a_person_writes_it() -> None:
    does = field_by_key(Role, "does")
    assert does is not None
    assert (does.type, does.ref, does.many, does.nested) == ("mapping", "phase", True, Item)
    roles = field_by_key(Activity, "roles")
    assert roles is not None and (roles.type, roles.ref) == ("mapping", "role")
    assert roles.choices == RESPONSIBILITIES
    languages = field_by_key(Mentor, "languages")
    assert languages is not None and languages.required
    assert (languages.type, languages.ref, languages.many) == ("id", "language", True)
    level_gap = field_by_key(Check, "level-gap")
    assert level_gap is not None and level_gap.name == "level_gap"
    order = field_by_key(Role, "order")
    assert order is not None and (order.required, order.default) == (False, 100)
    assert [spec.name for spec in fields_of(Mentor) if spec.hr_only_allowed] == (
        Mentor.hr_only_allowed()
    )
    assert fields_of(Mentor) is fields_of(Mentor)  # worked out once


def test_every_field_has_its_help_in_every_language_a_site_can_be_in() -> None:
    def every_field(model: Any) -> list[Any]:
        return [x for spec in fields_of(model) for x in (spec, *every_field_of(spec.nested))]

    def every_field_of(model: Any) -> list[Any]:
        return every_field(model) if model is not None else []

    for kind in FILE_KINDS.values():
        for spec in every_field(kind.model):
            assert sorted(spec.help) == sorted(LANGUAGES), (kind.name, spec.key)
            assert all(spec.help.values()), (kind.name, spec.key)


def test_the_guide_names_the_keys_of_a_mapping_of_new_ids_by_a_placeholder() -> None:
    names = [doc.name for _, _, model in FILES for doc in field_reference(model, "en")]
    assert [name for name in names if "None" in name] == []
    assert "mentees.<id>.wishes.programme" in names
    assert "does.<phase>[].rule" in names


def test_a_reserved_id_is_one_rule_for_check_and_the_schemas(tmp_path: Path) -> None:
    project = copy_example(tmp_path / "project")
    mentors = project / "content/mentors"
    (mentors / "units.yml").write_bytes((mentors / "anna-jensen.yml").read_bytes())
    assert [str(p) for p in load_content(Paths.at(project)).errors] == [
        "content/mentors/units.yml: error: the id 'units' is kept for the catalogue's pages of "
        "units; rename the file, e.g. to 'units-1.yml'"
    ]
    mentor_ids = schemas_of(project)["pairs"]["$defs"]["Pair"]["properties"]["mentor"]["enum"]
    assert "anna-jensen" in mentor_ids and "units" not in mentor_ids


def test_config_is_read_alike_by_check_and_schema(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_example(tmp_path / "project")
    (project / "config/taxonomy.yml").unlink()
    said = "config/taxonomy.yml: error: missing: create config/taxonomy.yml"
    assert said in [str(p) for p in load_content(Paths.at(project)).errors]
    capsys.readouterr()
    assert run_schema(project) == 1
    assert said in capsys.readouterr().out.splitlines()
