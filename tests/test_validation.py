"""Loading and validation: every kind of bad input gives a located, readable message."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import edit, empty_topics
from mentorsite.content import load_content
from mentorsite.project import Paths


def problems(project: Path) -> list[str]:
    return [str(p) for p in load_content(Paths.at(project)).problems]


def errors(project: Path) -> list[str]:
    return [line for line in problems(project) if ": error: " in line]


def line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


def test_the_example_content_has_no_error(project: Path) -> None:
    result = load_content(Paths.at(project))
    assert result.errors == []
    assert result.content is not None
    assert len(result.content.mentors) >= 16
    assert len(result.content.programmes) == 3
    assert len(result.content.rules) >= 8
    assert set(result.content.roles) == {
        "mentee",
        "mentor",
        "line-manager",
        "hr",
        "programme-group",
    }


def test_misspelt_qualification_is_located_with_a_suggestion(project: Path) -> None:
    path = project / "content/mentors/anna-jensen.yml"
    edit(path, lambda s: s.replace("[delegation,", "[delegaton,"))
    line = line_of(path, "delegaton")
    column = path.read_text().splitlines()[line - 1].index("delegaton") + 1
    assert errors(project) == [
        f"content/mentors/anna-jensen.yml:{line}:{column}: error: qualifications[0]: "
        "unknown qualification 'delegaton'; did you mean 'delegation'?"
    ]


def test_misspelt_field_name_is_an_error_with_a_suggestion(project: Path) -> None:
    path = project / "content/mentors/anna-jensen.yml"
    edit(path, lambda s: s.replace("\nlanguages:", "\nlangauges:"))
    line = line_of(path, "langauges:")
    found = errors(project)
    assert (
        f"content/mentors/anna-jensen.yml:{line}:1: error: unknown field 'langauges'; "
        "did you mean 'languages'?" in found
    )
    # The real field is now missing, and that is said too.
    assert any("languages: required field is missing" in e for e in found)


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("capacity", "two", "capacity: expected a whole number, found 'two'"),
        ("reviewed", "'1/9 2026'", "reviewed: expected a date as YYYY-MM-DD, found '1/9 2026'"),
        ("languages", "da", "languages: expected a list, such as [a, b], found 'da'"),
        (
            "email",
            "anna.nordlys.example",
            "email: expected an e-mail address such as name@example.org, found "
            "'anna.nordlys.example': an email address must have an @-sign",
        ),
        ("name", "''", "name: expected text, found nothing"),
    ],
)
def test_wrong_values_say_what_was_expected_and_found(
    project: Path, field: str, value: str, expected: str
) -> None:
    path = project / "content/mentors/anna-jensen.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    index = next(i for i, line in enumerate(lines) if line.startswith(f"{field}:"))
    lines[index] = f"{field}: {value}"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    column = len(field) + 3
    assert errors(project) == [
        f"content/mentors/anna-jensen.yml:{index + 1}:{column}: error: {expected}"
    ]


def test_a_misspelt_status_suggests_the_choice(project: Path) -> None:
    path = project / "content/programmes/lederudvikling-2026.yml"
    edit(path, lambda s: s.replace("status: running", "status: runing"))
    line = line_of(path, "status: runing")
    assert errors(project) == [
        f"content/programmes/lederudvikling-2026.yml:{line}:9: error: status: expected one "
        "of planning, open, running, closed, found 'runing'; did you mean 'running'?"
    ]


def test_missing_required_field(project: Path) -> None:
    path = project / "content/rules/confidentiality.yml"
    edit(path, lambda s: "\n".join(x for x in s.splitlines() if not x.startswith("effective:")))
    assert errors(project) == [
        "content/rules/confidentiality.yml:2:1: error: effective: required field is missing"
    ]


def test_every_kind_of_reference_is_checked(project: Path) -> None:
    edit(
        project / "config/taxonomy.yml",
        lambda s: s.replace("parent: produktion}", "parent: produktoin}", 1),
    )
    edit(
        project / "content/mentors/anna-jensen.yml",
        lambda s: s.replace("unit: it", "unit: itt").replace("location: aarhus", "location: arhus"),
    )
    edit(
        project / "content/rules/different-unit.yml",
        lambda s: s.replace("applies_to: [", "applies_to: [mentorr, ", 1),
    )
    edit(
        project / "content/roles/line-manager.yml",
        lambda s: s.replace(
            "rule: manager-mentor-alignment", "rule: manager-mentor-alignmnt", 1
        ).replace("\n  before:", "\n  befor:"),
    )
    found = "\n".join(errors(project))
    assert (
        "config/taxonomy.yml:" in found
        and "unknown unit 'produktoin'; did you mean 'produktion'?" in found
    )
    assert "unit: unknown unit 'itt'; did you mean 'it'?" in found
    assert "location: unknown location 'arhus'; did you mean 'aarhus'?" in found
    assert "applies_to[0]: unknown role 'mentorr'; did you mean 'mentor'?" in found
    assert (
        "unknown rule 'manager-mentor-alignmnt'; did you mean 'manager-mentor-alignment'?" in found
    )
    assert "does.befor: unknown phase 'befor'; did you mean 'before'?" in found


def test_unit_tree_cycle_and_duplicate_ids(project: Path) -> None:
    edit(
        project / "config/taxonomy.yml",
        lambda s: s.replace(
            "{id: direktion, name: Direktionen}",
            "{id: direktion, name: Direktionen, parent: logistik}",
        ).replace(
            "  - {id: odense, name: Odense}",
            "  - {id: odense, name: Odense}\n  - {id: odense, name: Odense C}",
        ),
    )
    found = "\n".join(errors(project))
    assert (
        "units[0].parent: the unit tree has a cycle: direktion → logistik → produktion → "
        "direktion" in found
    )
    assert "locations[3].id: 'odense' is defined twice" in found


def test_file_names_must_be_ids_and_unique(project: Path) -> None:
    source = project / "content/mentors/anna-jensen.yml"
    (project / "content/mentors/Anna Jensen.yml").write_text(source.read_text())
    (project / "content/mentors/anna-jensen.yaml").write_text(source.read_text())
    found = errors(project)
    assert (
        "content/mentors/Anna Jensen.yml: error: the file name 'Anna Jensen' is not a "
        "valid id: use lowercase letters a-z, digits and '-', for example "
        "'anna-jensen.yml'" in found
    )
    assert (
        "content/mentors/anna-jensen.yml: error: the mentor id 'anna-jensen' is also used "
        "by content/mentors/anna-jensen.yaml" in found
    )


def test_more_mentees_than_capacity_is_an_error(project: Path) -> None:
    path = project / "content/mentors/anna-jensen.yml"
    edit(path, lambda s: s.replace("mentees: 1", "mentees: 3"))
    assert errors(project) == [
        f"content/mentors/anna-jensen.yml:{line_of(path, 'mentees:')}:10: error: mentees: 3 "
        "current mentees is more than the capacity of 2; raise capacity or lower mentees"
    ]


@pytest.mark.parametrize(
    ("photo", "why"),
    [
        ("../../config/taxonomy.yml", "must be a path inside content/, relative to this file"),
        ("/etc/passwd", "must be a path inside content/, relative to this file"),
        ("nobody.jpg", "no such file"),
    ],
)
def test_photo_paths_cannot_leave_content(project: Path, photo: str, why: str) -> None:
    path = project / "content/mentors/anna-jensen.yml"
    edit(path, lambda s: s.replace("photo: anna-jensen.jpg", f"photo: {photo}"))
    assert errors(project) == [
        f"content/mentors/anna-jensen.yml:{line_of(path, 'photo:')}:8: error: photo: "
        f"'{photo}' {why}"
    ]


def test_a_symlink_out_of_content_is_refused(project: Path, tmp_path: Path) -> None:
    outside = tmp_path / "secret.jpg"
    outside.write_bytes(b"x")
    (project / "content/mentors/anna-jensen.jpg").unlink()
    (project / "content/mentors/anna-jensen.jpg").symlink_to(outside)
    assert any(
        "photo: 'anna-jensen.jpg' must be a path inside content/" in e for e in errors(project)
    )


def test_checks_and_hr_only_fields_are_validated(project: Path) -> None:
    edit(
        project / "content/rules/different-unit.yml",
        lambda s: s.replace("different-unit:", "diferent-unit:", 1) if "check:" in s else s,
    )
    edit(
        project / "config/organisation.yml", lambda s: s.replace("[level, phone]", "[level, phnoe]")
    )
    found = "\n".join(errors(project))
    assert "unknown field 'diferent-unit'; did you mean 'different-unit'?" in found
    assert (
        "hr_only[1]: 'phnoe' cannot be kept HR-only; expected one of: location, level, "
        "email, phone, reviewed; did you mean 'phone'?" in found
    )


def test_all_problems_are_reported_together_sorted_by_file_and_line(project: Path) -> None:
    edit(
        project / "content/mentors/peter-hansen.yml",
        lambda s: s.replace("capacity:", "capacity: x\nold_capacity:"),
    )
    edit(
        project / "content/mentors/anna-jensen.yml",
        lambda s: s.replace("unit: it", "unit: itt").replace("[da,", "[dk,"),
    )
    found = errors(project)
    assert [e.split(":")[0] for e in found] == [
        "content/mentors/anna-jensen.yml",
        "content/mentors/anna-jensen.yml",
        "content/mentors/peter-hansen.yml",
        "content/mentors/peter-hansen.yml",
    ]
    anna_lines = [int(e.split(":")[1]) for e in found[:2]]
    assert anna_lines == sorted(anna_lines)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("name: [unclosed\n", "invalid YAML: "),
        ("", "the file is empty; expected fields such as 'name: ...'"),
        ("- a\n- b\n", "expected a mapping of fields (name: value), found a list"),
        ("name: A\nname: B\n", "field 'name' is given twice"),
        ("a: &x [1]\nb: *x\n", "YAML aliases (*name) are not supported; write the value out"),
        ("name: a\n---\nname: b\n", "invalid YAML: "),
        ("name: !!python/object:os.system echo\n", "the YAML tag !!python/object:os.system"),
        ("name: !!binary aGVq\n", "the YAML tag !!binary is not supported here"),
        ("capacity: !!int abc\n", "the YAML tag !!int is not supported here"),
    ],
)
def test_malformed_files_never_raise(project: Path, text: str, expected: str) -> None:
    (project / "content/mentors/anna-jensen.yml").write_text(text, encoding="utf-8")
    found = [e for e in errors(project) if e.startswith("content/mentors/anna-jensen.yml")]
    assert len(found) == 1 and expected in found[0], found


def test_malformed_yaml_points_at_the_line(project: Path) -> None:
    path = project / "content/mentors/anna-jensen.yml"
    edit(path, lambda s: s.replace("title: ", "title: [", 1))
    assert errors(project)[0].startswith("content/mentors/anna-jensen.yml:4:")


def test_binary_file_and_folder_in_place_of_a_file(project: Path) -> None:
    (project / "content/mentors/anna-jensen.yml").write_bytes(b"name: \xff\xfe\x00")
    (project / "content/rules/odd.yml").mkdir()
    found = errors(project)
    assert (
        "content/mentors/anna-jensen.yml: error: is not UTF-8 text (byte 6); save it as "
        "UTF-8" in found
    )
    assert "content/rules/odd.yml: error: is a folder, but a file was expected here" in found


def test_missing_config_is_an_error(project: Path) -> None:
    (project / "config/taxonomy.yml").unlink()
    found = errors(project)
    assert "config/taxonomy.yml: error: missing: create config/taxonomy.yml" in found
    # Without a taxonomy, references to it are not reported one by one.
    assert not any("unknown qualification" in e for e in found)


def test_warnings_for_empty_planning_topics_but_not_for_stale_profiles(project: Path) -> None:
    empty_topics(project, "nye-ledere-2027", "evaluation")
    line = line_of(project / "content/programmes/nye-ledere-2027.yml", "evaluation:")
    found = [p for p in problems(project) if ": warning: " in p]
    assert found == [
        f"content/programmes/nye-ledere-2027.yml:{line}:12: warning: evaluation: the planning "
        "topic is empty"
    ]
    # Two profiles are stale on the tests' day, and no warning says so: a warning that came
    # with the calendar would fail `check --strict` on a day when nothing was changed.


def warnings(project: Path) -> list[str]:
    return [p for p in problems(project) if ": warning: " in p]


def test_the_example_content_keeps_its_own_advice_and_rules() -> None:
    from conftest import REPO

    assert warnings(REPO) == []


def test_a_programme_against_its_own_advice_is_warned_at_its_line_with_the_reason(
    project: Path,
) -> None:
    path = project / "content/programmes/nye-ledere-2027.yml"
    empty_topics(project, "nye-ledere-2027", "training")
    edit(path, lambda s: s.replace("duration_months: 24", "duration_months: 10"))
    edit(path, lambda s: re.sub(r"^meetings:\n(?:  .*\n)*", "", s, flags=re.M))
    where = "content/programmes/nye-ledere-2027.yml"
    found = warnings(project)
    assert (
        f"{where}:{line_of(path, 'duration_months:')}:18: warning: duration_months: 10 months "
        "is under a year, and one year is too short for trust to grow and for the mentee to "
        "try out what is talked about; two years is appropriate"
    ) in found
    assert (
        f"{where}:{line_of(path, 'training:')}:10: warning: training: the programme has no "
        "introduction or training, so mentors and mentees start without knowing their roles, "
        "the boundaries and what stays confidential"
    ) in found
    assert any(
        w.startswith(f"{where}:") and "meetings: the programme has no meeting rhythm" in w
        for w in found
    )
    # Said once, with the reason, not also as a bare empty topic.
    assert not any("the planning topic is empty" in w for w in found)
    assert len(found) == 3


def test_the_advice_is_for_programmes_where_pairs_or_groups_meet_over_time(
    project: Path,
) -> None:
    path = project / "content/programmes/nye-ledere-2027.yml"
    edit(path, lambda s: s.replace("models: [group]", "models: [integrated]"))
    edit(path, lambda s: s.replace("duration_months: 24", "duration_months: 6"))
    assert not any("under a year" in w for w in warnings(project))


def test_a_rule_that_contradicts_a_programme_it_binds_is_warned_at_the_rule(
    project: Path,
) -> None:
    rule = project / "content/rules/meeting-rhythm.yml"
    edit(rule, lambda s: s.replace("programmes: [lederudvikling-2026, mentorkorps]\n", ""))
    found = warnings(project)
    assert found == [
        f"content/rules/meeting-rhythm.yml:{line_of(rule, 'check:')}:8: warning: check: the "
        "rule binds 'Nye ledere 2027 – mentorgrupper', which meets every 6 weeks for 120 "
        "minutes, not about every 4 weeks for 60 minutes; name the programmes it binds in "
        "'programmes', or change the programme"
    ]
    # Within a quarter is "about": groups meeting every fifth week for 70 minutes keep it.
    edit(
        project / "content/programmes/nye-ledere-2027.yml",
        lambda s: s.replace("every_weeks: 6\n  minutes: 120", "every_weeks: 5\n  minutes: 70"),
    )
    assert warnings(project) == []


def test_a_programme_longer_than_a_rule_allows_is_warned_at_the_rule(project: Path) -> None:
    programme = project / "content/programmes/mentorkorps.yml"
    edit(programme, lambda s: s.replace("duration_months: 24", "duration_months: 36"))
    rule = project / "content/rules/duration-two-years.yml"
    assert warnings(project) == [
        f"content/rules/duration-two-years.yml:{line_of(rule, 'check:')}:8: warning: check: "
        "the rule binds 'Nordlys' mentorkorps', which runs 36 months, longer than the 24 "
        "months the rule allows; name the programmes it binds in 'programmes', or change the "
        "programme"
    ]
