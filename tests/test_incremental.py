"""A preview's rebuild reuses what did not change, and gives what a full build gives."""

from __future__ import annotations

from pathlib import Path

from conftest import edit
from mentorsite.build import BuildOptions, Builds, build_site
from mentorsite.content import load_content
from mentorsite.project import Paths, theme_dirs
from mentorsite.site.page import Site


def pages_of(site: Site) -> dict[str, str]:
    return {page.path: page.html for page in site.pages}


def built(project: Path, builds: Builds | None = None) -> Site:
    """The project built by `builds`, which may reuse its last build; or from nothing."""
    content = load_content(Paths.at(project)).content
    assert content is not None
    options = BuildOptions(themes=theme_dirs())
    return builds.build(content, options) if builds else build_site(content, options)


def test_an_edited_mentor_renders_its_pages_anew_and_reuses_the_others(project: Path) -> None:
    builds = Builds()
    first = built(project, builds)
    edit(
        project / "content/mentors/anna-jensen.yml",
        lambda text: text.replace("name: Anna Jensen", "name: Anna Jensen-Holm", 1),
    )
    second = built(project, builds)
    before = {page.path: page for page in first.pages}
    after = {page.path: page for page in second.pages}
    assert "Anna Jensen-Holm" in after["mentors/anna-jensen.md"].html
    assert "Anna Jensen-Holm" in after["mentors/index.md"].html
    assert after["mentors/peter-hansen.md"] is before["mentors/peter-hansen.md"]  # reused
    assert pages_of(second) == pages_of(built(project))


def test_any_other_change_renders_every_page_anew(project: Path) -> None:
    builds = Builds()
    first = built(project, builds)
    edit(
        project / "config/taxonomy.yml",
        lambda text: text.replace("name: Uddelegering", "name: Uddelegering af opgaver", 1),
    )
    second = built(project, builds)
    before = {page.path: page for page in first.pages}
    after = {page.path: page for page in second.pages}
    assert all(after[path] is not before[path] for path in after if path in before)
    assert pages_of(second) == pages_of(built(project))


def test_an_edited_rule_renders_the_pages_that_cite_rules_and_reuses_the_mentors(
    project: Path,
) -> None:
    builds = Builds()
    first = built(project, builds)
    edit(
        project / "content/rules/confidentiality.yml",
        lambda text: "".join(
            "title: Fortrolighed, ny titel\n" if line.startswith("title:") else line
            for line in text.splitlines(keepends=True)
        ),
    )
    second = built(project, builds)
    before = {page.path: page for page in first.pages}
    after = {page.path: page for page in second.pages}
    assert "Fortrolighed, ny titel" in after["rules/confidentiality.md"].html
    assert "Fortrolighed, ny titel" in after["rules/index.md"].html
    assert after["mentors/anna-jensen.md"] is before["mentors/anna-jensen.md"]
    assert after["mentors/index.md"] is before["mentors/index.md"]
    assert pages_of(second) == pages_of(built(project))
