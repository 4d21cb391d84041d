"""HR-only fields never reach the staff edition, anywhere in its files; the HR edition has them."""

from __future__ import annotations

from pathlib import Path

import yaml

from conftest import build, edit
from htmlpage import Page


def all_text(site: Path) -> str:
    return "\n".join(
        p.read_text(encoding="utf-8", errors="replace")
        for p in site.rglob("*")
        if p.is_file() and p.suffix != ".jpg"
    )


def test_hr_only_values_are_absent_from_every_file_of_the_staff_site(
    project: Path, tmp_path: Path
) -> None:
    # Give each level a name found nowhere else, so that its absence means something.
    taxonomy = yaml.safe_load((project / "config/taxonomy.yml").read_text(encoding="utf-8"))
    for index, level in enumerate(taxonomy["levels"]):
        edit(
            project / "config/taxonomy.yml",
            lambda s, level=level, index=index: s.replace(
                f"name: {level['name']},", f"name: Rangtrin-{index}-hemmelig,"
            ),
        )
    phones = []
    for path in sorted((project / "content/mentors").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if "phone" in data:
            phones.append(data["phone"])
    assert len(phones) >= 10
    levels = [f"Rangtrin-{i}-hemmelig" for i in range(len(taxonomy["levels"]))]

    assert build(project, tmp_path / "staff") == 0
    staff = all_text(tmp_path / "staff")
    assert "search_index.json" in {p.name for p in (tmp_path / "staff").rglob("*")}
    for secret in phones + levels:
        assert secret not in staff

    assert build(project, tmp_path / "hr", "--edition", "hr") == 0
    hr = all_text(tmp_path / "hr")
    for secret in phones:
        assert secret in hr
    assert any(level in hr for level in levels)
    profile = Page.at(tmp_path / "hr", "mentors/anna-jensen/")
    assert "Niveau" in profile.visible and "Telefon" in profile.visible


def test_the_edition_can_be_chosen_in_mkdocs_yml(project: Path, tmp_path: Path) -> None:
    edit(
        project / "mkdocs.yml",
        lambda s: s.replace("config_dir: config", "config_dir: config\n      edition: hr"),
    )
    assert build(project, tmp_path / "site") == 0
    assert "Telefon" in Page.at(tmp_path / "site", "mentors/anna-jensen/").visible


def test_a_field_kept_hr_only_disappears_from_pages_and_filters(
    project: Path, tmp_path: Path
) -> None:
    edit(
        project / "config/organisation.yml",
        lambda s: s.replace("[level, phone]", "[level, phone, location, email]"),
    )
    assert build(project, tmp_path / "site") == 0
    catalogue = (tmp_path / "site/mentors/index.html").read_text(encoding="utf-8")
    assert 'data-l=""' in catalogue and "anna.jensen" not in all_text(tmp_path / "site")
    assert "Arbejdssted" not in Page.at(tmp_path / "site", "mentors/anna-jensen/").visible
