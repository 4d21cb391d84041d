"""The catalogue's cards and the pages of its units, as built: what a reader sees without
script."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from conftest import REPO
from htmlpage import Page

MENTORS = {
    p.stem: yaml.safe_load(p.read_text(encoding="utf-8"))
    for p in sorted((REPO / "content/mentors").glob("*.yml"))
}


def cards(site: Path) -> dict[str, Page]:
    html = (site / "mentors/index.html").read_text(encoding="utf-8")
    found = re.findall(r'<li data-mentor="([a-z0-9-]+)"[^>]*>(.*?)</li>\n', html, re.S)
    return {mentor: Page(body) for mentor, body in found}


def test_a_card_names_the_unit_once_and_labels_its_lines(staff_site: Path) -> None:
    found = cards(staff_site)
    louise = found["louise-andersen"].visible
    assert MENTORS["louise-andersen"]["title"] == "Teamleder, Kundeservice"
    assert "Teamleder, Kundeservice" in louise and "Kundeservice, Kundeservice" not in louise
    # A unit the title does not name is still said.
    anna = found["anna-jensen"].visible
    assert "IT og Digitalisering" in anna
    for mentor, card in found.items():
        text = card.visible
        assert "Kan tilbyde:" in text and "Mentorform:" in text and "Sprog:" in text, mentor


def test_a_units_page_says_that_it_counts_the_units_below(staff_site: Path) -> None:
    everyone = len(MENTORS)
    in_direktion = sum(1 for data in MENTORS.values() if data["unit"] == "direktion")
    top = Page.article(staff_site, "mentors/units/direktion/").visible
    assert f"{everyone} mentorer kommer fra Direktionen eller enhederne under den" in top
    assert f"{in_direktion} af dem sidder i selve Direktionen" in top
    # A unit with no sub-units says it plainly.
    leaf = Page.article(staff_site, "mentors/units/kundeservice/").visible
    in_kundeservice = sum(1 for data in MENTORS.values() if data["unit"] == "kundeservice")
    assert f"{in_kundeservice} mentorer kommer fra Kundeservice." in leaf


def test_the_catalogue_lists_the_units_as_a_tree(staff_site: Path) -> None:
    html = (staff_site / "mentors/index.html").read_text(encoding="utf-8")
    depths = re.findall(r'<li class="ms-depth-(\d)"><a href="units/([a-z]+)/"', html)
    assert depths[0] == ("0", "direktion")
    assert ("1", "administration") in depths and ("2", "it") in depths
    assert "Tallet tæller underenhederne med" in html
