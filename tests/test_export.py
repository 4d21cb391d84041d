"""`mentorsite export`: what the exported project holds, what it leaves out, and where it
may be written. Its pages, built by each engine, are compared in test_engines.py."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import edit
from mentorsite.adapters.cli.main import main
from mentorsite.adapters.export import mkdocs_yml
from mentorsite.adapters.export.markdown import page_markdown
from mentorsite.adapters.mkdocs.engine import choose
from mentorsite.site.page import BuiltPage, Heading


def export(project: Path, target: Path, *args: str) -> int:
    return main(["export", "-f", str(project / "mkdocs.yml"), "-d", str(target), *args])


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def test_the_export_is_a_project_with_pages_files_and_a_configuration(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert export(project, tmp_path / "out") == 0
    assert "build it there with `zensical build`" in capsys.readouterr().err
    docs = tmp_path / "out/docs"
    config = yaml.safe_load((tmp_path / "out/mkdocs.yml").read_text(encoding="utf-8"))
    assert config["docs_dir"] == "docs"
    assert config["plugins"] == ["search"]  # the mentorsite plugin is not needed
    assert config["theme"]["language"] == "da"
    assert config["nav"][0] == {"Forside": "index.md"}
    assert "mentors/anna-jensen/index.md" not in str(config["nav"])  # profiles stay out
    assert config["nav"][-2:] == ["om-mentorordningen.md", "spoergsmaal-og-svar.md"]
    assert "assets/mentorsite/mentorsite.js" in config["extra_javascript"]

    profile = docs / "mentors/anna-jensen/index.md"
    assert front_matter(profile)["edit_url"].endswith("/content/mentors/anna-jensen.yml")
    assert "## Kontakt { #kontakt }" in profile.read_text(encoding="utf-8")
    assert front_matter(docs / "mentors/index.md")["search"] == {"exclude": True}
    assert front_matter(docs / "mentors/index.md")["edit_url"] == ""
    for path in ("om-mentorordningen.md", "mentors/anna-jensen/photo.jpg", "mentors.csv"):
        assert (docs / path).is_file(), path
    assert (tmp_path / "out/overrides/partials/actions.html").is_file()


def test_the_staff_export_holds_no_hr_only_value_and_the_hr_export_does(
    project: Path, tmp_path: Path
) -> None:
    phone = yaml.safe_load((project / "content/mentors/anna-jensen.yml").read_text())["phone"]
    assert export(project, tmp_path / "staff") == 0
    assert export(project, tmp_path / "hr", "--edition", "hr") == 0

    def holds(folder: Path) -> bool:
        files = (p for p in folder.rglob("*") if p.is_file() and p.suffix != ".jpg")
        return any(phone in p.read_text(encoding="utf-8", errors="replace") for p in files)

    assert not holds(tmp_path / "staff")
    assert holds(tmp_path / "hr")
    assert (tmp_path / "hr/docs/hr/index.md").is_file()
    assert not (tmp_path / "staff/docs/hr").exists()


def test_an_export_replaces_only_an_earlier_export(project: Path, tmp_path: Path) -> None:
    assert export(project, tmp_path / "out") == 0
    (tmp_path / "out/docs/stale.md").write_text("left over", encoding="utf-8")
    assert export(project, tmp_path / "out") == 0
    assert not (tmp_path / "out/docs/stale.md").exists()

    foreign = tmp_path / "someone"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("mine", encoding="utf-8")
    assert export(project, foreign) == 1
    assert (foreign / "notes.txt").is_file()
    assert export(project, foreign, "--force") == 0
    assert export(project, project / "content") == 1
    assert (project / "content/mentors/anna-jensen.yml").is_file()


def test_content_with_errors_is_not_exported(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert export(project, tmp_path / "out") == 0
    edit(project / "content/mentors/anna-jensen.yml", lambda s: s + "capacity: [\n")
    assert export(project, tmp_path / "out") == 1
    out = capsys.readouterr()
    assert "anna-jensen.yml:" in out.out
    assert "nothing was exported" in out.err
    assert (tmp_path / "out/docs/mentors/anna-jensen/index.md").is_file()  # the earlier one


def test_settings_the_engine_resolves_are_kept_and_inherit_is_merged(tmp_path: Path) -> None:
    (tmp_path / "base.yml").write_text("theme:\n  name: material\n  palette: {primary: red}\n")
    (tmp_path / "mkdocs.yml").write_text(
        "INHERIT: base.yml\n"
        "site_url: !ENV [SITE_URL, 'https://mentor.example/']\n"
        "theme:\n  features: [content.action.edit]\n"
        "markdown_extensions:\n"
        "  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "plugins:\n  - search\n  - mentorsite:\n      edition: hr\n"
    )
    config = mkdocs_yml.read(tmp_path / "mkdocs.yml")
    assert config["theme"] == {
        "name": "material",
        "palette": {"primary": "red"},
        "features": ["content.action.edit"],
    }
    assert mkdocs_yml.setting(config, "site_url") == "https://mentor.example/"
    assert mkdocs_yml.plugin_options(config) == {"edition": "hr"}
    assert mkdocs_yml.without_plugin(config["plugins"]) == ["search"]
    mkdocs_yml.write(config, tmp_path / "out.yml", header="")
    text = (tmp_path / "out.yml").read_text()
    assert "!ENV" in text
    assert "emoji_index: !!python/name:material.extensions.emoji.twemoji" in text


def test_a_heading_inside_another_element_is_left_to_the_page_and_named() -> None:
    heading = '<h2 id="{0}">{0}<a class="headerlink" href="#{0}">&para;</a></h2>'
    html = f"{heading.format('top')}\n\n<section>\n{heading.format('inner')}\n</section>\n"
    headings = (Heading(2, "top", "top"), Heading(2, "inner", "inner"))
    page = BuiltPage("a.md", "a/", "A", html, headings, None, True)
    text, nested = page_markdown(page, None)
    assert "## top { #top }" in text
    assert heading.format("inner") in text
    assert [h.id for h in nested] == ["inner"]


def test_a_heading_keeps_its_text_as_text_in_markdown() -> None:
    title = "Mentor &amp; mentee *sammen* #1"
    html = f'<h2 id="x">{title}<a class="headerlink" href="#x">&para;</a></h2>\n'
    page = BuiltPage("a.md", "a/", "A", html, (Heading(2, "x", title),), None, True)
    text, _ = page_markdown(page, None)
    assert "## Mentor &amp; mentee &#42;sammen&#42; &#35;1 { #x }" in text


def test_the_engine_is_the_one_running_else_properdocs_else_mkdocs() -> None:
    assert choose("mkdocs", lambda name: True) == "mkdocs"
    assert choose(None, lambda name: True) == "properdocs"
    assert choose(None, lambda name: name == "mkdocs") == "mkdocs"
    assert choose(None, lambda name: False) is None
