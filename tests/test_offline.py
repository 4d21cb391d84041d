"""No request leaves the reader's browser, and a Danish site speaks Danish everywhere:
in Material's chrome, Python-Markdown's anchors and the 404 page too."""

from __future__ import annotations

import html.parser
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import build, edit
from htmlpage import Page

# The attributes by which an element makes the browser fetch something. A link in
# <a href> is the reader's to follow: navigation, not a load.
LOADS = {
    "link": ("href",),
    "script": ("src",),
    "img": ("src", "srcset"),
    "iframe": ("src",),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "input": ("src",),
    "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"),
}
CSS_URL = re.compile(r"""url\(\s*(?:'([^']*)'|"([^"]*)"|([^'")\s]+))\s*\)""")
CSS_IMPORT = re.compile(r"""@import\s+(?:'([^']*)'|"([^"]*)")""")


class _Loads(html.parser.HTMLParser):
    """Every address a page makes the browser fetch: elements' sources and styles' urls."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.urls: list[str] = []
        self._in_style = False
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_style = tag == "style"
        for name, value in attrs:
            if name in LOADS.get(tag, ()) and value:
                self.urls += _srcset(value) if name == "srcset" else [value]
            elif name == "style" and value:
                self.urls += css_urls(value)

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.urls += css_urls(data)


def _srcset(value: str) -> list[str]:
    return [candidate.split()[0] for candidate in value.split(",") if candidate.strip()]


def css_urls(css: str) -> list[str]:
    found = CSS_URL.findall(css) + CSS_IMPORT.findall(css)
    return ["".join(groups) for groups in found]


def outside_loads(site: Path, own_host: str | None = None) -> list[str]:
    """What the site's HTML and CSS files load from a host other than `own_host`."""
    outside = []
    for file in sorted(site.rglob("*")):
        if file.suffix == ".html":
            urls = _Loads(file.read_text(encoding="utf-8")).urls
        elif file.suffix == ".css":
            urls = css_urls(file.read_text(encoding="utf-8"))
        else:
            continue
        for url in urls:
            host = urlsplit(url.strip()).netloc  # http(s)://host/… and //host/… alike
            if host and host != own_host:
                outside.append(f"{file.relative_to(site)}: {url}")
    return outside


@pytest.mark.parametrize("edition", ["staff", "hr"])
def test_no_page_loads_anything_from_another_host(
    built_sites: dict[str, Path], edition: str
) -> None:
    site = built_sites[edition]
    assert outside_loads(site) == []
    assert (site / "404.html").is_file()
    assert any(site.rglob("*.css"))


def test_the_crawl_sees_what_a_page_would_load() -> None:
    page = """
        <link rel="stylesheet" href="https://fonts.example/css">
        <script src="//cdn.example/x.js"></script>
        <img src="photo.png" srcset="a.png 1x, https://img.example/b.png 2x">
        <a href="https://elsewhere.example/">a link is navigation</a>
        <style>@import "https://css.example/a.css"; p { background: url(//bg.example/p) }</style>
        <div style="background-image: url('https://inline.example/i.png')"></div>"""
    hosts = {urlsplit(url).netloc for url in _Loads(page).urls} - {""}
    assert hosts == {
        "fonts.example",
        "cdn.example",
        "img.example",
        "css.example",
        "bg.example",
        "inline.example",
    }


def test_without_font_in_mkdocs_yml_there_are_no_web_fonts(project: Path, tmp_path: Path) -> None:
    """An organisation's own mkdocs.yml, which says nothing about fonts, published on its
    intranet under a path: nothing loads from another host, the site's own host is fine."""
    edit(
        project / "mkdocs.yml",
        lambda text: (
            text.replace("  font: false\n", "")
            + "site_url: https://mentor.nordlys.example/intra/\n"
        ),
    )
    assert "font:" not in (project / "mkdocs.yml").read_text(encoding="utf-8")
    site = tmp_path / "site"
    assert build(project, site) == 0
    assert outside_loads(site, own_host="mentor.nordlys.example") == []
    home = (site / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://mentor.nordlys.example/intra/">' in home
    assert "fonts.googleapis.com" not in home


def test_what_mkdocs_yml_chooses_stands(project: Path, tmp_path: Path) -> None:
    (project / "overrides").mkdir()
    (project / "overrides/404.html").write_text(
        '{% extends "main.html" %}{% block content %}<h1>Her er intet</h1>{% endblock %}'
    )
    edit(
        project / "mkdocs.yml",
        lambda text: (
            text.replace(
                "  font: false\n", "  font: {text: Inter}\n  custom_dir: overrides\n"
            ).replace("permalink: true", "permalink: true\n      permalink_title: Link hertil")
            + "extra:\n  generator: false\n"
        ),
    )
    site = tmp_path / "site"
    assert build(project, site) == 0
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "https://fonts.googleapis.com/css?family=Inter" in home
    assert "Lavet med" not in home and "Material for MkDocs" not in home
    questions = Page.at(site, "spoergsmaal-og-svar/")
    assert "Link hertil" in questions.values("a", "title")
    assert "Direkte link til dette afsnit" not in questions.values("a", "title")
    assert "Her er intet" in Page.at(site, "404.html").visible  # custom_dir's own 404 page


def test_a_theme_folder_overrides_materials_pages_and_words(project: Path, tmp_path: Path) -> None:
    (project / "theme/overrides").mkdir(parents=True)
    (project / "theme/overrides/404.html").write_text(
        '{% extends "main.html" %}{% block content %}<h1>Fra temaet</h1>{% endblock %}'
    )
    (project / "theme/locales").mkdir()
    (project / "theme/locales/da.yml").write_text("ui:\n  made_with: Bygget med\n")
    edit(
        project / "mkdocs.yml",
        lambda text: text.replace(
            "config_dir: config\n", "config_dir: config\n      theme_dir: theme\n"
        ),
    )
    site = tmp_path / "site"
    assert build(project, site) == 0
    missing = Page.at(site, "404.html")
    assert "Fra temaet" in missing.visible and "Siden findes ikke" not in missing.visible
    assert "Bygget med Material for MkDocs" in Page.at(site, "").visible


# What Material (partials/languages/en.html and its templates) and Python-Markdown would
# write in English on this site's pages, had they not been told the site's language.
# Material's Danish file translates all but the blog's "Authors"; "404 - Not found", the
# footer's "Made with" and the toc extension's "Permanent link" are not in it at all.
ENGLISH = [
    "Permanent link",
    "Not found",
    "Made with",
    "Skip to content",
    "Edit this page",
    "View source of this page",
    "Copy to clipboard",
    "Copied to clipboard",
    "Previous",
    "Next",
    "Header",
    "Footer",
    "Search",
    "Clear",
    "Share",
    "Initializing search",
    "Type to start searching",
    "No matching documents",
    "matching document",
    "more on this page",
    "Table of contents",
    "Back to top",
    "Go to repository",
    "Select language",
    "Last update",
]
SHOWN = ("title", "aria-label", "placeholder", "alt", "value")


def english_on(file: Path) -> list[str]:
    """The English UI strings a reader sees or hears on a built page, and those Material's
    script would show (its translations in the page's configuration)."""
    page = Page(file.read_text(encoding="utf-8"))
    said = [page.visible] + [value for _, name, value in page.attributes if name in SHOWN]
    for script in page.scripts:
        if '"translations"' in script:
            said += json.loads(script)["translations"].values()
    text = "\n".join(said)
    return [s for s in ENGLISH if re.search(rf"\b{re.escape(s)}\b", text)]


def test_a_danish_site_has_no_english_ui_string(built_sites: dict[str, Path]) -> None:
    leaks = {
        f"{edition}: {file.relative_to(site)}": found
        for edition, site in built_sites.items()
        for file in sorted(site.rglob("*.html"))
        if (found := english_on(file))
    }
    assert leaks == {}
    questions = Page.at(built_sites["staff"], "spoergsmaal-og-svar/")
    assert "Direkte link til dette afsnit" in questions.values("a", "title")
    missing = Page.at(built_sites["staff"], "404.html")
    assert "Siden findes ikke" in missing.visible
    assert "Lavet med Material for MkDocs" in missing.visible


def test_an_english_site_gets_the_same_words_in_english(project: Path, tmp_path: Path) -> None:
    edit(project / "config/organisation.yml", lambda s: s.replace("language: da", "language: en"))
    site = tmp_path / "site"
    assert build(project, site) == 0
    questions = Page.at(site, "spoergsmaal-og-svar/")
    assert "Permanent link" in questions.values("a", "title")
    missing = Page.at(site, "404.html")
    assert "Page not found" in missing.visible
    assert "Made with Material for MkDocs" in missing.visible
    assert "Siden findes ikke" not in missing.visible


@pytest.mark.parametrize("site_url", ["", "https://example.org/mentor/"])
def test_the_404_page_links_from_the_sites_root(
    project: Path, tmp_path: Path, site_url: str
) -> None:
    """The 404 page is shown at whatever address was missing: its links cannot be relative
    to where it lies, so they start at the site's path (site_url's, else the host's root)."""
    if site_url:
        edit(project / "mkdocs.yml", lambda text: text + f"site_url: {site_url}\n")
    site = tmp_path / "site"
    assert build(project, site) == 0
    root = urlsplit(site_url or "/").path
    page = Page.at(site, "404.html")
    loads = _Loads((site / "404.html").read_text(encoding="utf-8")).urls
    assert loads and all(url.startswith(root) for url in loads), loads
    assert root in page.values("a", "href")  # "Gå til forsiden"
    assert f"{root}mentors/" in page.values("a", "href")
