"""`mentorsite new`: a file with every field explained, then `check` naming what is still empty."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any, get_args, get_origin

import pytest
from pydantic import BaseModel

from conftest import copy_example, edit
from mentorsite.adapters.cli.main import main
from mentorsite.content import load_content
from mentorsite.model import CONTENT_KINDS, help_text
from mentorsite.project import Paths

# What HR writes into each new file; the keys must be the fields that need a value.
FILLED_IN = {
    "mentor": {
        "name": "Sara Holm",
        "title": "Teamleder, Løn",
        "unit": "hr",
        "location": "odense",
        "level": "team-lead",
        "languages": "[da, en]",
        "qualifications": "[sparring, career-planning]",
        "models": "[one-to-one]",
        "capacity": "1",
        "reviewed": "2026-11-01",
    },
    "programme": {
        "name": "Nye specialister 2028",
        "summary": "Et etårigt forløb for nye specialister.",
        "status": "planning",
        "models": "[one-to-one]",
    },
    "rule": {
        "title": "Mentor kender reglerne for fortrolighed",
        "kind": "confidentiality",
        "applies_to": "[hr]",
        "effective": "2027-01-01",
        "text": "|\n  HR gennemgår reglerne med hver ny mentor.",
    },
    "role": {"name": "Sponsor", "summary": "Sponsoren står bag forløbet i ledelsen."},
}
NEW_ID = {"mentor": "sara-holm", "programme": "nye-specialister-2028", "rule": "ny-regel"}


def new(project: Path, *args: str) -> int:
    return main(["new", "-f", str(project / "mkdocs.yml"), *args])


def check(project: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    capsys.readouterr()
    status = main(["check", "-f", str(project / "mkdocs.yml")])
    return status, capsys.readouterr().out.splitlines()


def required(model: type[BaseModel]) -> list[str]:
    return [info.alias or name for name, info in model.model_fields.items() if info.is_required()]


def nested_fields(model: type[BaseModel]) -> list[str]:
    """The fields of the structures of a model, alone or in a list (a programme's meetings and
    materials, a rule's check); not a mapping's values (a role's checklist items)."""
    return [
        info.alias or name
        for field in model.model_fields.values()
        for inner in structures(field.annotation)
        for name, info in inner.model_fields.items()
    ]


def structures(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    if get_origin(annotation) is dict:
        return []
    return [found for arg in get_args(annotation) for found in structures(arg)]


def comment_above(lines: list[str], key: str) -> str:
    """The comment above a top-level field, its lines joined as one text (line 1 is the
    schema's)."""
    index = next(i for i, line in enumerate(lines) if line.startswith(f"{key}:"))
    comment: list[str] = []
    while index - 1 - len(comment) > 0 and lines[index - 1 - len(comment)].startswith("# "):
        comment.insert(0, lines[index - 1 - len(comment)][2:])
    return " ".join(comment)


def value_position(lines: list[str], key: str) -> tuple[int, int]:
    """Where `check` locates an empty value: just after `key:`, or at its `[]` or `|`."""
    number, line = next((n, x) for n, x in enumerate(lines, 1) if x.startswith(f"{key}:"))
    return number, len(line) + 1 if line.endswith(":") else len(key) + 3


def fill_in(path: Path, values: dict[str, str]) -> None:
    def change(text: str) -> str:
        for key, value in values.items():
            text = re.sub(rf"^{key}:.*$", f"{key}: {value}", text, count=1, flags=re.M)
        return text

    edit(path, change)


@pytest.mark.parametrize("kind", ["mentor", "programme", "rule", "role"])
def test_new_then_check_names_each_field_to_fill_in_then_is_clean(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    project = copy_example(tmp_path / "project")
    folder, model = CONTENT_KINDS[kind]
    item_id = NEW_ID.get(kind, "sponsor")
    shown = f"content/{folder}/{item_id}.yml"
    _, before = check(project, capsys)

    assert new(project, kind, item_id) == 0
    said = capsys.readouterr().err
    assert f"mentorsite: wrote {shown}" in said
    assert "then run mentorsite check" in said

    path = project / shown
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == f"# yaml-language-server: $schema=../../schemas/{kind}.schema.json"
    for name, info in model.model_fields.items():
        key = info.alias or name
        assert comment_above(lines, key).startswith(help_text(info, "da")), key
    text = "\n".join(lines)
    for key in nested_fields(model):
        assert re.search(rf"^ +# +(- )?{key}:", text, re.M), key

    status, after = check(project, capsys)
    assert status == 1
    assert [line for line in after if not line.startswith(shown)] == before
    expected = []
    for key in required(model):
        line, column = value_position(lines, key)
        expected.append(f"{shown}:{line}:{column}: error: {key}: not filled in yet: ")
    errors = [line for line in after if line.startswith(shown) and ": error: " in line]
    assert len(errors) == len(expected)
    assert all(e.startswith(x) for e, x in zip(errors, expected, strict=True)), errors

    assert len(after) == len(before) + len(expected)  # no warning until the errors are gone

    assert sorted(FILLED_IN[kind]) == sorted(required(model))
    fill_in(path, FILLED_IN[kind])
    if kind == "rule":  # a rule that binds a role is cited on the role's page
        edit(
            project / "content/roles/hr.yml",
            lambda s: s.replace(
                "  start:\n", f"    - {{text: Kend reglen., rule: {item_id}}}\n  start:\n"
            ),
        )
    status, filled = check(project, capsys)
    assert status == 0
    assert [line for line in filled if not line.startswith(shown)] == before
    # A new programme is one being planned: its empty planning topics are reported, as always;
    # those the programme advice is about (introduction, a rhythm) say why they matter.
    topics = model.planning_topics() if hasattr(model, "planning_topics") else []
    warned = sorted(line.split(": warning: ")[1] for line in filled if line.startswith(shown))
    assert [w.split(": ")[0] for w in warned] == sorted(topics)
    advised = {"training", "meetings"} if kind == "programme" else set()
    for warning in warned:
        topic = warning.split(": ")[0]
        if topic in advised:
            assert warning.startswith(f"{topic}: the programme has no "), warning
        else:
            assert warning == f"{topic}: the planning topic is empty"


def test_the_message_names_the_field_its_help_and_the_ids(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_example(tmp_path / "project")
    assert new(project, "mentor", "sara-holm") == 0
    _, found = check(project, capsys)
    assert (
        "content/mentors/sara-holm.yml:3:6: error: name: not filled in yet: the mentor's full name"
        in found
    )
    assert (
        "content/mentors/sara-holm.yml:14:10: error: location: not filled in yet: where the "
        "mentor works; one of: aalborg, aarhus, koebenhavn, odense" in found
    )
    assert (
        "content/mentors/sara-holm.yml:21:12: error: languages: not filled in yet: languages the "
        "mentor can mentor in; one or more of: da, de, en, sv" in found
    )


def test_a_danish_organisation_gets_the_choices_in_danish(tmp_path: Path) -> None:
    project = copy_example(tmp_path / "project")
    assert new(project, "mentor", "sara-holm") == 0
    lines = (project / "content/mentors/sara-holm.yml").read_text(encoding="utf-8").splitlines()
    assert comment_above(lines, "location") == (
        "Hvor mentoren arbejder. Vælg én: aarhus, koebenhavn, odense, aalborg."
    )
    assert comment_above(lines, "level").endswith("Kommer kun med i HR-udgaven.")
    assert "mentees: 0" in lines and "programmes: []" in lines and "bio: |" in lines


def test_an_english_organisation_gets_english_comments(tmp_path: Path) -> None:
    project = copy_example(tmp_path / "project")
    edit(project / "config/organisation.yml", lambda s: s.replace("language: da", "language: en"))
    assert new(project, "programme", "new-leaders-2028") == 0
    lines = (project / "content/programmes/new-leaders-2028.yml").read_text().splitlines()
    model = CONTENT_KINDS["programme"][1]
    for name, info in model.model_fields.items():
        assert comment_above(lines, name).startswith(help_text(info, "en")), name
    assert comment_above(lines, "models").endswith(
        "One or more of: one-to-one, mentor-corps, integrated, group."
    )
    assert "  # every_weeks:  # Pairs meet every this many weeks." in lines


def test_a_role_has_a_key_for_each_phase_of_the_taxonomy(tmp_path: Path) -> None:
    project = copy_example(tmp_path / "project")
    assert new(project, "role", "sponsor") == 0
    text = (project / "content/roles/sponsor.yml").read_text(encoding="utf-8")
    assert "does:\n  before: []  # Før start\n  start: []   # Opstart\n" in text
    assert "order: 100\n" in text


def test_it_never_overwrites(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = copy_example(tmp_path / "project")
    path = project / "content/mentors/anna-jensen.yml"
    original = path.read_bytes()
    assert new(project, "mentor", "anna-jensen") == 1
    assert path.read_bytes() == original
    assert capsys.readouterr().err == (
        "mentorsite: error: content/mentors/anna-jensen.yml already exists; it was left as it is\n"
    )
    (project / "content/rules/ny-regel.yaml").write_text("title: x\n")
    assert new(project, "rule", "ny-regel") == 1
    assert not (project / "content/rules/ny-regel.yml").exists()
    assert "the rule id 'ny-regel' is already used by content/rules/ny-regel.yaml" in (
        capsys.readouterr().err
    )


def test_it_never_writes_through_a_link_out_of_content(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_example(tmp_path / "project")
    outside = tmp_path / "elsewhere"
    shutil.move(project / "content/rules", outside)
    (project / "content/rules").symlink_to(outside)
    before = sorted(outside.iterdir())

    assert new(project, "rule", "ny-regel") == 1
    assert capsys.readouterr().err == (
        "mentorsite: error: refused to write content/rules/ny-regel.yml: its folder leads "
        "outside the content folder (through a symbolic link)\n"
    )
    assert sorted(outside.iterdir()) == before

    # A file that is a link, even to nowhere, is never written through.
    (project / "content/mentors/sara-holm.yml").symlink_to(outside / "sara-holm.yml")
    assert new(project, "mentor", "sara-holm") == 1
    assert sorted(outside.iterdir()) == before

    # A folder that is a link within content is as good as the folder it leads to.
    shutil.move(project / "content/roles", project / "content/roller")
    (project / "content/roles").symlink_to("roller")
    assert new(project, "role", "sponsor") == 0
    assert (project / "content/roller/sponsor.yml").is_file()


@pytest.mark.parametrize(
    ("item_id", "message"),
    [
        (
            "Sara Holm",
            "'Sara Holm' is not a valid id: use lowercase letters a-z, digits and '-'; "
            "for example 'sara-holm'",
        ),
        (
            "units",
            "the id 'units' is kept for the catalogue's pages of units; choose another, "
            "e.g. 'units-1'",
        ),
    ],
)
def test_a_bad_or_reserved_id_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], item_id: str, message: str
) -> None:
    project = copy_example(tmp_path / "project")
    files = sorted((project / "content/mentors").iterdir())
    assert new(project, "mentor", item_id) == 1
    assert capsys.readouterr().err == f"mentorsite: error: {message}\n"
    assert sorted((project / "content/mentors").iterdir()) == files


def test_an_id_is_suggested_as_the_example_content_and_import_spell_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_example(tmp_path / "project")
    for name, suggested in (
        ("Søren Bæk-Ærø", "soeren-baek-aeroe"),
        ("  Åse  Müller ", "aase-muller"),
        ("Søren Strauß", "soeren-strauss"),  # as `mentorsite import` makes it from the name
    ):
        assert new(project, "mentor", name) == 1
        assert capsys.readouterr().err.endswith(f"; for example '{suggested}'\n")
    assert new(project, "mentor", "!!!") == 1
    assert capsys.readouterr().err.endswith("use lowercase letters a-z, digits and '-'\n")


def test_an_unknown_kind_is_refused_by_the_parser(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        new(tmp_path, "mentr", "sara-holm")
    assert exit_.value.code == 2
    assert "argument KIND: invalid choice: 'mentr'" in capsys.readouterr().err


def test_it_works_while_the_content_has_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_example(tmp_path / "project")
    edit(project / "content/mentors/anna-jensen.yml", lambda s: s.replace("unit: it", "unit: ["))
    assert new(project, "mentor", "sara-holm") == 0
    text = (project / "content/mentors/sara-holm.yml").read_text(encoding="utf-8")
    assert "Vælg én: aarhus, koebenhavn, odense, aalborg." in text


def test_a_broken_config_still_gives_a_file_without_ids(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_example(tmp_path / "project")
    edit(project / "config/taxonomy.yml", lambda s: s.replace("\nunits:", "\nunitz:"))
    edit(project / "config/organisation.yml", lambda s: s.replace("language: da", "language: en"))
    assert new(project, "mentor", "sara-holm") == 0
    captured = capsys.readouterr()
    assert "config/taxonomy.yml:" in captured.out
    assert "the comments do not list the ids" in captured.err
    lines = (project / "content/mentors/sara-holm.yml").read_text(encoding="utf-8").splitlines()
    assert comment_above(lines, "location") == (
        "Where the mentor works. The ids are under locations in config/taxonomy.yml."
    )


# -- the message for a field written but left empty, in any file -----------------------------


@pytest.mark.parametrize(
    ("path", "line", "blank", "message"),
    [
        (
            "content/mentors/anna-jensen.yml",
            "unit: it",
            "unit:",
            "unit: not filled in yet: the unit the mentor works in (an id of units in "
            "config/taxonomy.yml); one of: administration, direktion, hr, it, kundeservice, "
            "kvalitet, logistik, oekonomi, produktion, salg",
        ),
        (
            "content/mentors/anna-jensen.yml",
            "capacity: 2",
            "capacity:",
            "capacity: not filled in yet: mentees the mentor takes at a time",
        ),
        (
            "content/rules/different-unit.yml",
            "applies_to: [mentor, mentee, programme-group]",
            "applies_to: []",
            "applies_to: not filled in yet: the roles the rule binds; one or more of: hr, "
            "line-manager, mentee, mentor, programme-group",
        ),
        (
            "content/programmes/mentorkorps.yml",
            "status: ",
            "status:",
            "status: not filled in yet: planning, open (for applications), running or closed",
        ),
    ],
)
def test_an_empty_required_field_says_it_is_not_filled_in_yet(
    tmp_path: Path, path: str, line: str, blank: str, message: str
) -> None:
    project = copy_example(tmp_path / "project")
    source = project / path
    lines = source.read_text(encoding="utf-8").splitlines()
    number = next(n for n, x in enumerate(lines, 1) if x.startswith(line))
    lines[number - 1] = blank
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    errors = [p for p in load_content(Paths.at(project)).errors]
    column = len(blank) + (1 if blank.endswith(":") else -1)
    assert [str(p) for p in errors] == [f"{path}:{number}:{column}: error: {message}"]


def test_a_rule_without_text_is_not_filled_in(tmp_path: Path) -> None:
    project = copy_example(tmp_path / "project")
    source = project / "content/rules/different-unit.yml"
    edit(source, lambda s: re.sub(r"text: \|\n(  .*\n)+", "text: |\n", s))
    number = source.read_text().splitlines().index("text: |") + 1
    assert [str(p) for p in load_content(Paths.at(project)).errors] == [
        f"content/rules/different-unit.yml:{number}:7: error: text: not filled in yet: the rule "
        "in full, in Markdown"
    ]


def test_new_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["new", "--help"])
    assert exit_.value.code == 0
    assert "usage: mentorsite new [-h] [-f FILE] KIND ID" in capsys.readouterr().out
