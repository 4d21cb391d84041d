"""HR's guide in the site: the steps it gives work, and the field reference covers every field."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from conftest import build, edit
from htmlpage import Page
from mentorsite.adapters.cli.main import argument_parser
from mentorsite.model.reference import FILES


def reference_rows(site: Path) -> dict[str, dict[str, list[str]]]:
    """The field reference: per kind of file, each field's cells (required, value, meaning)."""
    html = (site / "guide/fields/index.html").read_text(encoding="utf-8")
    html = html[html.index("<article") : html.index("</article>")]
    sections = re.split(r"<h2 id=", html)[1:]
    files = {}
    for section in sections:
        title = Page("<h2 id=" + section[: section.index("</h2>")]).visible.strip(" ¶")
        rows = {}
        for name, cells in re.findall(
            r"<th scope=\"row\"[^>]*><code>(.*?)</code></th>(.*?)</tr>", section, re.S
        ):
            rows[Page(name).visible] = [
                Page(cell).visible.strip() for cell in re.findall(r"<td>(.*?)</td>", cells)
            ]
        files[title] = rows
    return files


def test_the_reference_has_every_field_of_every_file(hr_site: Path) -> None:
    files = reference_rows(hr_site)
    titles = {
        "mentor": "Mentorer",
        "programme": "Programmer",
        "rule": "Regler",
        "role": "Roller",
        "responsibilities": "Ansvarsfordelingen",
        "organisation": "Organisationen",
        "taxonomy": "Ordlister",
        "pairs": "Par og mentees",
    }
    assert list(files) == [titles[kind] for kind, _, _ in FILES]
    for kind, _, model in FILES:
        rows = files[titles[kind]]
        for name, info in model.model_fields.items():
            field = info.alias or name
            assert field in rows, (kind, field)
            assert rows[field][0] == ("Ja" if info.is_required() else ""), (kind, field)
    mentor = files["Mentorer"]
    assert mentor["unit"] == [
        "Ja",
        "id på en enhed (units i config/taxonomy.yml)",
        "Den enhed, mentoren arbejder i (et id fra units i config/taxonomy.yml).",
    ]
    assert mentor["qualifications"][1].startswith("en liste af: id på noget, mentorer kan")
    programme = files["Programmer"]
    assert programme["status"][1] == "én af: planning, open, running, closed"
    assert programme["meetings.every_weeks"][0] == "Ja"  # once there are meetings
    assert programme["materials[].title"][2] == "Titlen, folk ser."
    assert files["Roller"]["does.<phase>[].rule"][1] == (
        "id på en regel (filnavnet i content/rules/)"
    )
    assert files["Ansvarsfordelingen"]["activities[].roles"][1] == (
        "nøgler: en rolle (filnavnet i content/roles/); værdier: én af: owns, takes-part, "
        "informed, never"
    )
    assert files["Regler"]["check.max-duration.months"][2].startswith("Højst så mange måneder")


def test_an_english_organisation_gets_the_guide_in_english(project: Path, tmp_path: Path) -> None:
    edit(project / "config/organisation.yml", lambda s: s.replace("language: da", "language: en"))
    assert build(project, tmp_path / "site", "--edition", "hr") == 0
    files = reference_rows(tmp_path / "site")
    assert files["Mentors"]["unit"] == [
        "Yes",
        "the id of a unit (units in config/taxonomy.yml)",
        "The unit the mentor works in (an id of units in config/taxonomy.yml).",
    ]
    assert "How to add a mentor" in Page.article(tmp_path / "site", "guide/").visible


def commands_in_guide(site: Path) -> list[list[str]]:
    html = (site / "guide/index.html").read_text(encoding="utf-8")
    return [
        shlex.split(Page(code).visible)
        for code in re.findall(r'<pre class="ms-command"><code>(.*?)</code></pre>', html, re.S)
    ]


def test_every_command_the_guide_gives_is_one_mentorsite_takes(hr_site: Path) -> None:
    commands = commands_in_guide(hr_site)
    assert {tuple(c[:2]) for c in commands} >= {
        ("mentorsite", "new"),
        ("mentorsite", "check"),
        ("mentorsite", "build"),
        ("mentorsite", "import"),
        ("mentorsite", "changes"),
        ("mentorsite", "schema"),
    }
    parser = argument_parser()
    for command in commands:
        assert command[0] == "mentorsite"
        try:
            parser.parse_args(command[1:])
        except SystemExit as error:  # argparse refuses what it does not know
            pytest.fail(f"the guide gives a command mentorsite refuses: {command} ({error})")


def test_the_guide_is_in_the_hr_edition_only(staff_site: Path, hr_site: Path) -> None:
    assert "guide/" in Page.at(hr_site, "").values("a", "href")
    # The sidebar shows the open section's pages (navigation.prune).
    assert "fields/" in Page.at(hr_site, "guide/").values("a", "href")
    assert "Sådan tilføjer du en mentor" in Page.article(hr_site, "guide/").visible
    # Staff have no use for editors, YAML, commands or the private pairs file.
    assert not (staff_site / "guide").exists()
    for html in staff_site.rglob("*.html"):
        links = Page(html.read_text(encoding="utf-8")).values("a", "href")
        assert not [url for url in links if re.search(r"(^|/)guide/", url)], html
    search = (staff_site / "search/search_index.json").read_text(encoding="utf-8")
    assert not re.search(r'"location":"guide/', search)
    for words in ("VS Code", "mentorsite new", "parfil"):
        assert words not in search
