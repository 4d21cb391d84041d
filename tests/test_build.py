"""Building: a failed build leaves the previous site as it was; themes and languages."""

from __future__ import annotations

import hashlib
import posixpath
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import build, edit
from htmlpage import Page
from mentorsite import model
from mentorsite.i18n.strings import LANGUAGES, Strings
from mentorsite.project import default_theme
from mentorsite.site.routes import relative_url

THEME = default_theme()


def fingerprint(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def break_content(project: Path) -> None:
    edit(
        project / "content/mentors/anna-jensen.yml",
        lambda s: s.replace("[delegation,", "[delegaton,"),
    )


def test_broken_content_leaves_the_previous_build_untouched(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site"
    assert build(project, site) == 0
    before = fingerprint(site)
    break_content(project)
    capsys.readouterr()
    assert build(project, site) == 1
    out, err = capsys.readouterr()
    assert "content/mentors/anna-jensen.yml:" in out and "did you mean 'delegation'?" in out
    assert "nothing was built; the previous site is as it was" in err
    assert fingerprint(site) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_plain_mkdocs_build_stops_before_cleaning_the_site(project: Path) -> None:
    run = [sys.executable, "-m", "mkdocs", "build", "-q"]
    assert subprocess.run(run, cwd=project).returncode == 0
    before = fingerprint(project / "site")
    break_content(project)
    result = subprocess.run(run, cwd=project, capture_output=True, text=True)
    assert result.returncode == 1
    assert "unknown qualification 'delegaton'; did you mean 'delegation'?" in result.stderr
    assert "Traceback" not in result.stderr
    assert fingerprint(project / "site") == before


def test_a_failing_template_fails_cleanly_and_keeps_the_site(project: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert build(project, site) == 0
    before = fingerprint(site)
    (project / "theme/templates").mkdir(parents=True)
    (project / "theme/templates/profile.html.j2").write_text("{{ mentor.no_such_field }}")
    edit(
        project / "mkdocs.yml",
        lambda s: s.replace("config_dir: config", "config_dir: config\n      theme_dir: theme"),
    )
    assert build(project, site) == 1
    assert fingerprint(site) == before


def test_plain_mkdocs_build_with_a_failing_template_keeps_the_site(project: Path) -> None:
    run = [sys.executable, "-m", "mkdocs", "build", "-q"]
    assert subprocess.run(run, cwd=project).returncode == 0
    before = fingerprint(project / "site")
    (project / "theme/templates").mkdir(parents=True)
    (project / "theme/templates/rule.html.j2").write_text("{{ rule.no_such_field }}")
    edit(
        project / "mkdocs.yml",
        lambda s: s.replace("config_dir: config", "config_dir: config\n      theme_dir: theme"),
    )
    result = subprocess.run(run, cwd=project, capture_output=True, text=True)
    assert result.returncode == 1
    assert "a theme template failed" in result.stderr and "no_such_field" in result.stderr
    assert fingerprint(project / "site") == before


def test_an_organisation_overrides_one_block_of_a_template(project: Path, tmp_path: Path) -> None:
    (project / "theme/templates").mkdir(parents=True)
    (project / "theme/templates/profile.html.j2").write_text(
        '{% extends "default/profile.html.j2" %}\n'
        "{% block contact %}\n<p>Kontakt HR for at høre mere om {{ mentor.name }}.</p>\n"
        "{% endblock %}\n",
        encoding="utf-8",
    )
    (project / "theme/locales").mkdir()
    (project / "theme/locales/da.yml").write_text(
        "mentor:\n  about: Lidt om mig\n", encoding="utf-8"
    )
    edit(
        project / "mkdocs.yml",
        lambda s: s.replace("config_dir: config", "config_dir: config\n      theme_dir: theme"),
    )
    assert build(project, tmp_path / "site") == 0
    profile = Page.article(tmp_path / "site", "mentors/anna-jensen/")
    assert "Kontakt HR for at høre mere om Anna Jensen." in profile.visible
    assert "Lidt om mig" in profile.visible  # one UI string overridden
    assert "Det kan jeg tilbyde" in profile.visible  # the rest of the default template
    assert "E-mail" not in profile.visible


def test_an_english_organisation_gets_an_english_site(project: Path, tmp_path: Path) -> None:
    edit(project / "config/organisation.yml", lambda s: s.replace("language: da", "language: en"))
    assert build(project, tmp_path / "site") == 0
    html = (tmp_path / "site/index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in html
    assert "Find a mentor among 20" in Page.at(tmp_path / "site", "").visible
    programme = Page.article(tmp_path / "site", "programmes/lederudvikling-2026/").visible
    assert "About one hour every fourth week for 24 months." in programme
    assert "The deadline was 15 January 2026" in programme
    assert 'placeholder="Search"' in html  # Material's own strings follow


def test_locales_are_complete_and_cover_every_key_the_templates_use() -> None:
    danish = Strings.load("da", [THEME])
    english = Strings.load("en", [THEME])
    assert danish.keys() == english.keys()
    used = set()
    for template in (THEME / "templates").glob("*.j2"):
        used |= set(re.findall(r"""t\(\s*["']([a-z_.-]+)["']\s*[,)]""", template.read_text()))
    assert used and used <= danish.keys()
    for key in danish.keys():  # noqa: SIM118 (a method of Strings, not a dict)
        assert english.raw(key) and danish.raw(key), key


@pytest.mark.parametrize(
    ("minutes", "weeks", "months", "expected"),
    [
        (60, 4, 24, "Cirka en time hver fjerde uge i 24 måneder"),
        (90, 2, 12, "Cirka halvanden time hver anden uge i 12 måneder"),
        (45, 1, 1, "Cirka 45 minutter hver uge i 1 måned"),
        (180, 10, None, "Cirka 3 timer hver 10. uge"),
    ],
)
def test_rhythm_in_words(minutes: int, weeks: int, months: int | None, expected: str) -> None:
    assert Strings.load("da", [THEME]).rhythm(weeks, minutes, months) == expected


def test_every_value_the_model_allows_has_its_words_in_every_language() -> None:
    from typing import get_args

    from mentorsite.model import Check, Programme, Rule

    for language in ("da", "en"):
        strings = Strings.load(language, [THEME])
        for topic in Programme.planning_topics() + Programme.markdown_fields():
            assert strings(f"programme.topics.{topic}")
        for status in get_args(Programme.model_fields["status"].annotation):
            assert strings(f"programme.statuses.{status}")
        for kind in get_args(Rule.model_fields["kind"].annotation):
            assert strings(f"rule.kinds.{kind}")
        for field in Check.model_fields.values():
            assert strings.raw(f"rule.checks.{field.alias}")


def test_published_photos_are_resized_without_metadata_and_made_once(
    project: Path, tmp_path: Path
) -> None:
    from PIL import Image

    photo = project / "content/mentors/anna-jensen.jpg"
    exif = Image.Exif()
    exif[0x010F] = "Kameramærke Hemmelig"  # camera make
    exif[0x8825] = {1: "N", 2: (56.0, 9.0, 0.0), 3: "E", 4: (10.0, 12.0, 0.0)}  # GPS
    Image.new("RGB", (900, 600), (200, 80, 40)).save(photo, exif=exif)
    assert b"Hemmelig" in photo.read_bytes()

    assert build(project, tmp_path / "site") == 0
    for name, size in (("photo.jpg", 320), ("card.jpg", 128)):
        published = tmp_path / "site/mentors/anna-jensen" / name
        assert b"Hemmelig" not in published.read_bytes()
        with Image.open(published) as image:
            assert image.size == (size, size)
            assert not image.getexif() and "exif" not in image.info

    cache = sorted((project / ".mentorsite-cache/photos").glob("*.jpg"))
    assert cache
    stamps = [p.stat().st_mtime_ns for p in cache]
    assert build(project, tmp_path / "site") == 0
    assert sorted((project / ".mentorsite-cache/photos").glob("*.jpg")) == cache
    assert [p.stat().st_mtime_ns for p in cache] == stamps, "an unchanged photo is not redone"


def test_an_unreadable_photo_is_a_content_error(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "content/mentors/anna-jensen.jpg").write_bytes(b"not a picture at all")
    assert build(project, tmp_path / "site") == 1
    out = capsys.readouterr().out
    assert (
        "content/mentors/anna-jensen.yml:" in out
        and "photo: 'anna-jensen.jpg' is not an image that can be read" in out
    )


def _relpath_url(base: str, target: str) -> str:
    """What a link should be, by the standard library's path arithmetic."""
    base_dir = base if base.endswith("/") or not base else posixpath.dirname(base) + "/"
    relative = posixpath.relpath("/" + target, "/" + base_dir)
    if target.endswith("/") or not target:
        relative = relative.rstrip("/") + "/" if relative != "." else "./"
    return relative


def test_links_between_pages_are_relative_and_right() -> None:
    urls = [
        "",
        "mentors/",
        "mentors/anna-jensen/",
        "mentors/anna-jensen/photo.jpg",
        "mentors/units/it/",
        "mentors.json",
        "roles/",
        "roles/#activity-matching",
        "programmes/mentorkorps/mentor/",
        "programmes/mentorkorps.html",
        "files/materials/guide.pdf",
        "mentors/anna-jensen.html",
    ]
    for base in urls:
        if "#" in base or base.endswith((".jpg", ".pdf", ".json")):
            continue
        for target in urls:
            assert relative_url(base, target) == _relpath_url(base, target), (base, target)
    assert relative_url("rules/x/", "roles/#activity-matching") == "../../roles/#activity-matching"
    assert relative_url("mentors/", "mentors/") == "./"


def test_every_field_of_the_content_has_help_in_every_language() -> None:
    """The schema, `mentorsite new` and the guide explain each field from these texts."""
    models, queue = [], [model.Model]
    while queue:
        models.append(queue.pop())
        queue.extend(models[-1].__subclasses__())
    assert model.Mentor in models and model.Activity in models
    for kind in models:
        for name, info in kind.model_fields.items():
            for language in LANGUAGES:
                text = model.help_text(info, language)
                assert text and text.endswith("."), (kind.__name__, name, language)
            assert model.help_text(info, "da") != model.help_text(info, "en"), (kind, name)
