"""Every link of the built site leads somewhere, with directory URLs and without them."""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import build, edit

HREF = re.compile(r'(?:href|src)="([^"#?]*)[^"]*"')


def broken_links(site: Path) -> list[str]:
    """Links from each page of the site to a file of the site that is not there."""
    broken = []
    # 404.html is Material's own page, with links from the host's root: not this table's.
    for page in (p for p in site.rglob("*.html") if p.name != "404.html"):
        folder = page.parent.relative_to(site).as_posix()
        for target in HREF.findall(page.read_text(encoding="utf-8")):
            if not target or urlsplit(target).scheme or target.startswith("//"):
                continue
            path = posixpath.normpath(posixpath.join(folder, unquote(target)))
            file = site / path
            if not (file.is_file() or (file / "index.html").is_file()):
                broken.append(f"{page.relative_to(site)} → {target}")
    return broken


@pytest.mark.parametrize("directory_urls", [True, False])
def test_no_link_is_broken(project: Path, tmp_path: Path, directory_urls: bool) -> None:
    if not directory_urls:
        edit(project / "mkdocs.yml", lambda text: text + "use_directory_urls: false\n")
    site = tmp_path / "site"
    assert build(project, site, "--edition", "hr") == 0
    assert (site / ("guide/fields/index.html" if directory_urls else "guide/fields.html")).is_file()
    assert broken_links(site) == []


def test_the_catalogue_data_names_each_profile_in_full_with_a_site_url(
    project: Path, tmp_path: Path
) -> None:
    edit(
        project / "mkdocs.yml",
        lambda text: text + "site_url: https://mentor.nordlys.example/intra/\n",
    )
    site = tmp_path / "site"
    assert build(project, site) == 0
    mentors = json.loads((site / "mentors.json").read_text(encoding="utf-8"))["mentors"]
    anna = next(m for m in mentors if m["id"] == "anna-jensen")
    assert anna["url_absolute"] == "https://mentor.nordlys.example/intra/mentors/anna-jensen/"
