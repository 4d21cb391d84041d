"""Role boundaries from one matrix, citations of rules, and each role's checklist per programme."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from conftest import build, edit
from htmlpage import Page
from mentorsite.content import load_content
from mentorsite.project import Paths

MATRIX = "content/responsibilities.yml"
PARTS = {
    "owns": "Har ansvaret",
    "takes-part": "Deltager",
    "informed": "Orienteres",
    "never": "Aldrig",
}


def problems(project: Path) -> list[str]:
    return [str(p) for p in load_content(Paths.at(project)).problems]


def line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


def boundaries(site: Path, role: str) -> list[str]:
    """The role page's "does not" list, as its lines read."""
    html = (site / "roles" / role / "index.html").read_text(encoding="utf-8")
    part = html[html.index('<ul class="ms-does-not">') :]
    items = re.findall(r"<li>(.*?)</li>", part[: part.index("</ul>")], re.S)
    return [Page(item).visible.split(" (se:")[0].strip() for item in items]


def matrix_cell(site: Path, activity: str, role: str) -> str:
    html = (site / "roles/index.html").read_text(encoding="utf-8")
    header = html[html.index("<thead>") : html.index("</thead>")]
    column = re.findall(r'<th scope="col"><a href="([^"]+)/"', header).index(role)
    row = html[html.index(f'<tr id="activity-{activity}">') :]
    return re.findall(r"<td[^>]*>(.*?)</td>", row[: row.index("</tr>")])[column]


# -- one source for boundaries -----------------------------------------------------------------


def test_a_boundary_written_once_shows_on_the_overview_and_on_the_role_page(
    project: Path, tmp_path: Path
) -> None:
    # The mentor may now take part in the line manager's development reviews: one cell changes.
    edit(
        project / MATRIX,
        lambda s: s.replace(
            "roles: {line-manager: owns, mentee: takes-part, mentor: never}",
            "roles: {line-manager: owns, mentee: takes-part, mentor: takes-part}",
        ),
    )
    site = tmp_path / "site"
    assert build(project, site) == 0
    name = "Udviklingssamtaler, opgavestyring og daglig faglig vejledning af mentee"
    assert name not in boundaries(site, "mentor")
    assert matrix_cell(site, "development-reviews", "mentor") == "Deltager"
    mentor = Page.article(site, "roles/mentor/").visible
    assert mentor.index("Deltager i") < mentor.index(name) < mentor.index("Gør ikke")
    # Nothing else moved: the other boundaries of the mentor stand as they did.
    data = yaml.safe_load((project / MATRIX).read_text(encoding="utf-8"))["activities"]
    never = [a["name"] for a in data if a["roles"].get("mentor") == "never"]
    assert boundaries(site, "mentor") == never


def test_every_role_page_shows_exactly_its_never_cells(staff_site: Path, project: Path) -> None:
    data = yaml.safe_load((project / MATRIX).read_text(encoding="utf-8"))["activities"]
    for role in ("mentee", "mentor", "line-manager", "hr", "programme-group"):
        never = [a["name"] for a in data if a["roles"].get(role) == "never"]
        assert boundaries(staff_site, role) == never, role
        for activity in data:
            part = activity["roles"].get(role)
            assert matrix_cell(staff_site, activity["id"], role) == PARTS.get(part, "")


def test_a_rule_cited_in_the_matrix_lists_where_it_is_cited(staff_site: Path) -> None:
    rule = Page.article(staff_site, "rules/confidentiality/")
    assert "Kende indholdet af samtalerne mellem mentor og mentee" in rule.visible
    assert "../../roles/#activity-conversation-content" in rule.values("a", "href")


# -- what check says about the matrix and about citations ----------------------------------------


def test_a_misspelt_part_in_the_matrix_is_located_with_a_suggestion(project: Path) -> None:
    path = project / MATRIX
    edit(
        path,
        lambda s: s.replace(
            "line-manager: owns, mentee: takes-part, programme-group",
            "line-manager: owns, mentee: take-part, programme-group",
        ),
    )
    assert (
        f"{MATRIX}:{line_of(path, 'take-part')}:41: error: activities[0].roles.mentee: expected "
        "one of owns, takes-part, informed, never, found 'take-part'; did you mean 'takes-part'?"
    ) in problems(project)


def test_unknown_roles_and_rules_and_twice_defined_activities_are_errors(project: Path) -> None:
    path = project / MATRIX
    edit(
        path,
        lambda s: (
            s.replace("programme-group: informed}", "programme-grup: informed}", 1)
            .replace("rules: [mentor-capacity]", "rules: [mentor-capasity]")
            .replace("id: follow-up", "id: closing")
        ),
    )
    found = [p for p in problems(project) if p.startswith(MATRIX)]
    lines = path.read_text(encoding="utf-8").splitlines()
    closing = max(number for number, line in enumerate(lines, 1) if "id: closing" in line)
    assert found == [
        f"{MATRIX}:{line_of(path, 'programme-grup')}:53: error: activities[0].roles."
        "programme-grup: unknown role 'programme-grup'; did you mean 'programme-group'?",
        f"{MATRIX}:{line_of(path, 'mentor-capasity')}:13: error: activities[6].rules[0]: "
        "unknown rule 'mentor-capasity'; did you mean 'mentor-capacity'?",
        f"{MATRIX}:{closing}:9: error: activities[20].id: 'closing' is defined twice",
    ]


def test_a_checklist_item_citing_an_unknown_rule_is_an_error(project: Path) -> None:
    path = project / "content/roles/mentor.yml"
    edit(path, lambda s: s.replace("rule: planned-closing}", "rule: planed-closing}"))
    line = line_of(path, "planed-closing")
    assert any(
        p.startswith(f"content/roles/mentor.yml:{line}:")
        and ": error: " in p
        and "unknown rule 'planed-closing'; did you mean 'planned-closing'?" in p
        for p in problems(project)
    )


def test_a_rule_that_binds_a_role_but_is_not_on_its_page_is_a_warning(project: Path) -> None:
    # The example cites every rule where it binds.
    assert not [p for p in problems(project) if "does not mention it" in p]
    # Bind the line manager to the rule of group size, which nothing of theirs cites.
    rule = project / "content/rules/group-size.yml"
    edit(rule, lambda s: s.replace("[mentor, mentee, programme-group]", "[mentor, line-manager]"))
    found = [p for p in problems(project) if "does not mention it" in p]
    assert found == [
        f"content/rules/group-size.yml:{line_of(rule, 'applies_to')}:22: warning: "
        "applies_to[1]: the rule binds the role 'line-manager', but that role's page does not "
        "mention it; cite it in a checklist item of content/roles/line-manager.yml or in an "
        "activity of content/responsibilities.yml"
    ]
    # A citation in a checklist item is enough.
    edit(
        project / "content/roles/line-manager.yml",
        lambda s: s.replace(
            "    - Indstil medarbejderen til programmet.\n",
            "    - {text: Hjælp med at finde en mentorgruppe., rule: group-size}\n",
        ),
    )
    assert not [p for p in problems(project) if "does not mention it" in p]


def test_without_a_matrix_the_uncited_rules_are_warnings_and_the_site_builds(
    project: Path, tmp_path: Path
) -> None:
    (project / MATRIX).unlink()
    found = [p for p in problems(project) if "does not mention it" in p]
    assert any("content/rules/confidentiality.yml" in p and "'hr'" in p for p in found)
    assert not [p for p in problems(project) if ": error: " in p]
    site = tmp_path / "site"
    assert build(project, site) == 0
    assert '<table class="ms-matrix"' not in (site / "roles/index.html").read_text()
    assert 'class="ms-does-not"' not in (site / "roles/mentor/index.html").read_text()


def test_the_old_does_not_field_says_where_boundaries_went(project: Path) -> None:
    path = project / "content/roles/hr.yml"
    edit(path, lambda s: s + "does_not:\n  - Matcher ikke par.\n")
    assert (
        f"content/roles/hr.yml:{line_of(path, 'does_not')}:1: error: does_not: a role's "
        "boundaries are the activities marked 'never' for it in content/responsibilities.yml; "
        "move each line there"
    ) in problems(project)


# -- checklists per programme and role ----------------------------------------------------------


def test_each_programme_links_each_role_to_its_own_checklist(staff_site: Path) -> None:
    for programme in ("lederudvikling-2026", "mentorkorps", "nye-ledere-2027"):
        page = Page.article(staff_site, f"programmes/{programme}/")
        for role in ("mentee", "mentor", "line-manager", "hr", "programme-group"):
            assert f"{role}/" in page.values("a", "href")
            checklist = Page.article(staff_site, f"programmes/{programme}/{role}/")
            # Back to the programme and to the role; a box for each item, for this pair only.
            assert "../" in checklist.values("a", "href")
            assert "../../../roles/" + role + "/" in checklist.values("a", "href")
            assert checklist.values("div", "data-ms-checklist") == [f"{programme}/{role}"]


def test_a_checklist_leaves_out_items_whose_rule_binds_another_programme(
    project: Path, tmp_path: Path
) -> None:
    edit(
        project / "content/roles/mentor.yml",
        lambda s: s.replace(
            "  start:\n",
            "  start:\n    - {text: Mød din mentorgruppe., rule: group-size}\n",
        ),
    )
    site = tmp_path / "site"
    assert build(project, site) == 0
    assert (
        "Mød din mentorgruppe." in Page.article(site, "programmes/nye-ledere-2027/mentor/").visible
    )
    assert (
        "Mød din mentorgruppe."
        not in Page.article(site, "programmes/lederudvikling-2026/mentor/").visible
    )
    # The role page, which is for every programme, has it.
    assert "Mød din mentorgruppe." in Page.article(site, "roles/mentor/").visible


def test_a_tick_stays_on_its_item_when_other_items_are_added(project: Path, tmp_path: Path) -> None:
    def keys(site: Path) -> dict[str, str]:
        html = (site / "programmes/mentorkorps/mentee/index.html").read_text(encoding="utf-8")
        found = re.findall(r'data-ms-item="([^"]+)"><label for="[^"]+">(.*?)</label>', html)
        return {Page(label).visible.split(" (se:")[0]: key for key, label in found}

    first = tmp_path / "first"
    assert build(project, first) == 0
    edit(
        project / "content/roles/mentee.yml",
        lambda s: s.replace("  before:\n", "  before:\n    - Læs håndbogen.\n"),
    )
    second = tmp_path / "second"
    assert build(project, second) == 0
    before, after = keys(first), keys(second)
    assert set(after) == set(before) | {"Læs håndbogen."}
    assert all(after[text] == key for text, key in before.items())
    assert len(set(after.values())) == len(after)
