"""Pages that do not mislead on a phone or on paper: no page scrolls sideways at 390 px, a
role's checklist prints on one A4 page with a line for name and date, and a printed profile
has no buttons. In a real headless Chromium, driven by Playwright."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

from localsite import serve

PHONE = {"width": 390, "height": 844}

# One page of every kind, in each edition.
STAFF_PAGES = [
    "",
    "programmes/",
    "programmes/lederudvikling-2026/",
    "programmes/nye-ledere-2027/",
    "programmes/lederudvikling-2026/line-manager/",
    "mentors/",
    "mentors/anna-jensen/",
    "roles/",
    "roles/line-manager/",
    "rules/",
    "rules/duration-two-years/",
    "changes/",
    "changes/line-manager/",
    "om-mentorordningen/",
    "no/such/page/",
]
HR_PAGES = ["", "hr/", "roles/", "mentors/anna-jensen/", "guide/", "guide/fields/"]


@pytest.fixture(scope="module")
def staff_url(staff_site: Path) -> Iterator[str]:
    with serve(staff_site) as url:
        yield url


@pytest.fixture(scope="module")
def hr_url(hr_site: Path) -> Iterator[str]:
    with serve(hr_site) as url:
        yield url


@pytest.fixture(scope="module")
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(locale="da-DK", viewport=PHONE, device_scale_factor=2)
    yield context.new_page()
    context.close()


def sideways(page: Page, url: str) -> dict[str, object]:
    """How wide the page is, and the elements that reach past the screen's right edge without
    a box of their own that scrolls them (Material's `overflow-x: hidden` on the root would
    hide such an element's overflow from `scrollWidth` alone, not from a reader)."""
    page.goto(url)
    page.wait_for_load_state("load")
    return page.evaluate(
        """() => {
          const width = window.innerWidth;
          const boxed = e => {
            for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
              if (getComputedStyle(a).overflowX !== 'visible'
                  && a.getBoundingClientRect().right <= width + 0.5) return true;
            }
            return false;
          };
          const wide = [...document.querySelectorAll('.md-main *, .md-header *, .md-footer *')]
            .filter(e => e.getClientRects().length && e.getBoundingClientRect().right > width + 0.5)
            .filter(e => !boxed(e))
            .slice(0, 5).map(e => e.tagName + '.' + [...e.classList].join('.'));
          return {scroll: document.documentElement.scrollWidth, width, wide};
        }"""
    )


def assert_fits(found: dict[str, object]) -> None:
    assert found["scroll"] <= found["width"], found
    assert found["wide"] == [], found


@pytest.mark.parametrize("path", STAFF_PAGES)
def test_no_staff_page_scrolls_sideways_on_a_phone(phone: Page, staff_url: str, path: str) -> None:
    assert_fits(sideways(phone, staff_url + path))


@pytest.mark.parametrize("path", HR_PAGES)
def test_no_hr_page_scrolls_sideways_on_a_phone(phone: Page, hr_url: str, path: str) -> None:
    assert_fits(sideways(phone, hr_url + path))


def test_wide_tables_scroll_in_their_own_box_and_keep_their_first_column(
    phone: Page, staff_url: str
) -> None:
    phone.goto(staff_url + "roles/")
    box = phone.locator(".ms-matrix-scroll")
    assert box.evaluate("e => e.scrollWidth > e.clientWidth")  # six roles do not fit on a phone
    first = phone.locator(".ms-matrix tbody tr").first.locator("th")
    before = first.bounding_box()
    box.evaluate("e => { e.scrollLeft = e.scrollWidth; }")
    phone.wait_for_timeout(50)
    assert first.bounding_box() == before  # the activity stays in view beside the roles


def test_hr_charts_keep_readable_labels_on_a_phone(phone: Page, hr_url: str) -> None:
    phone.goto(hr_url + "hr/")
    sizes = phone.locator(".ms-chart__label").evaluate_all(
        "labels => labels.map(l => l.getBoundingClientRect().height)"
    )
    assert sizes and min(sizes) >= 11, sizes
    # Words in the tables break between words, not inside them.
    broken = phone.locator(".ms-report__table th, .ms-report__table td").evaluate_all(
        "cells => cells.filter(c => c.scrollWidth > c.clientWidth + 1).length"
    )
    assert broken == 0


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


@pytest.mark.parametrize(
    "path",
    [
        "programmes/lederudvikling-2026/line-manager/",
        "programmes/lederudvikling-2026/hr/",  # 11 items, and five boundaries under them
        "programmes/nye-ledere-2027/line-manager/",
    ],
)
def test_a_role_checklist_prints_on_one_a4_page_with_a_line_for_name_and_date(
    browser: Browser, staff_url: str, path: str
) -> None:
    page = browser.new_page()
    page.goto(staff_url + path)
    page.emulate_media(media="print")
    items = page.locator(".ms-checklist li").count()
    assert 0 < items <= 12
    assert page.locator(".ms-signature").is_visible()
    assert "Navn" in page.locator(".ms-signature").inner_text()
    assert "Dato" in page.locator(".ms-signature").inner_text()
    assert pdf_pages(page.pdf(format="A4")) == 1
    page.close()


def test_the_signature_line_is_for_paper_only(browser: Browser, staff_url: str) -> None:
    page = browser.new_page()
    page.goto(staff_url + "programmes/lederudvikling-2026/line-manager/")
    assert not page.locator(".ms-signature").is_visible()
    page.close()


def test_a_printed_profile_has_no_buttons(browser: Browser, staff_url: str) -> None:
    page = browser.new_page()
    page.goto(staff_url + "mentors/anna-jensen/")
    page.wait_for_load_state("load")
    assert page.locator(".md-button, button").filter(visible=True).count() > 0  # on screen
    page.emulate_media(media="print")
    assert page.locator(".md-button, button").filter(visible=True).count() == 0
    assert page.get_by_role("heading", name="Anna Jensen").is_visible()
    page.close()


@pytest.mark.parametrize("path", ["guide/", "guide/fields/", "hr/", "roles/"])
def test_hr_pages_on_a_phone_have_no_serious_accessibility_violation(
    phone: Page, hr_url: str, path: str
) -> None:
    phone.goto(hr_url + path)
    phone.wait_for_load_state("load")
    results = Axe().run(phone)
    serious = [
        (v["id"], [n["target"] for n in v["nodes"]][:3])
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []
