"""The catalogue's layout in a real Chromium, on a laptop and on a phone: the mentors come
first, the filters beside them or behind one button, the chosen filters as chips."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page
from test_browser import MENTORS, catalogue, having, serious_violations, shown

LAPTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


def open_at(browser: Browser, site_url: str, size: dict[str, int], query: str = "") -> Page:
    context = browser.new_context(viewport=size, locale="da-DK")
    page = context.new_page()
    catalogue(page, site_url, query)
    return page


@pytest.mark.parametrize("size", [LAPTOP, PHONE], ids=["laptop", "phone"])
def test_the_first_mentor_is_on_the_first_screen(
    browser: Browser, site_url: str, size: dict[str, int]
) -> None:
    page = open_at(browser, site_url, size)
    first = page.locator("[data-ms-cards] > li:not([hidden])").first
    box = first.bounding_box()
    assert box is not None
    assert box["y"] + 60 < size["height"], "the first card's name is on the first screen"
    # Nothing scrolls sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= size["width"]
    page.context.close()


def focused_description(page: Page) -> str:
    return page.evaluate(
        "(() => { const e = document.activeElement;"
        " return (e.closest('[data-ms-cards] h2') ? 'profile ' : '') + e.textContent.trim(); })()"
    )


@pytest.mark.parametrize("size", [LAPTOP, PHONE], ids=["laptop", "phone"])
def test_a_profile_is_reached_within_15_tab_presses(
    browser: Browser, site_url: str, size: dict[str, int]
) -> None:
    """From the top of the page, as a keyboard user goes: Tab, and Enter on a link that
    skips to the content or to the mentors."""
    page = open_at(browser, site_url, size)
    presses = 0
    while presses < 15:
        page.keyboard.press("Tab")
        presses += 1
        now = focused_description(page)
        if now.startswith("profile "):
            break
        if now in ("Gå til indholdet", "Spring til mentorerne"):
            page.keyboard.press("Enter")
    assert now.startswith("profile "), f"after {presses} presses of Tab: {now!r}"
    assert now.removeprefix("profile ") == page.inner_text("[data-ms-cards] > li h2")
    page.context.close()


def test_the_skip_link_is_seen_when_focused_and_leads_to_the_mentors(
    browser: Browser, site_url: str
) -> None:
    page = open_at(browser, site_url, LAPTOP)
    skip = page.get_by_role("link", name="Spring til mentorerne")
    assert not skip.is_visible() or skip.bounding_box()["x"] < 0
    skip.focus()
    assert skip.is_visible() and skip.bounding_box()["x"] >= 0
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "ms-results"
    page.keyboard.press("Tab")
    assert focused_description(page).startswith("profile ")
    page.context.close()


def test_on_a_laptop_the_filters_stand_beside_the_cards(browser: Browser, site_url: str) -> None:
    page = open_at(browser, site_url, LAPTOP)
    cards = page.locator("[data-ms-cards]").bounding_box()
    filters = page.locator("#ms-facets").bounding_box()
    assert cards and filters
    assert filters["x"] >= cards["x"] + cards["width"], "beside, not above"
    assert filters["y"] < cards["y"] + 100
    assert not page.get_by_role("button", name=re.compile("^Filtre")).is_visible()
    page.context.close()


def test_no_value_is_cut_off_and_every_group_shows_all_on_request(
    browser: Browser, site_url: str
) -> None:
    page = open_at(browser, site_url, LAPTOP)
    for button in page.locator("[data-ms-all]").all():
        button.click()
        assert button.get_attribute("aria-expanded") == "true"
    for group in page.locator("#ms-facets fieldset").all():
        clipped = group.evaluate("g => g.scrollHeight > g.clientHeight + 1")
        assert not clipped, group.inner_text()[:40]
        last = group.locator("label").last
        inner, outer = last.bounding_box(), group.bounding_box()
        assert inner and outer and inner["y"] + inner["height"] <= outer["y"] + outer["height"]
    page.context.close()


def test_on_a_phone_one_button_opens_the_filters_and_counts_them(
    browser: Browser, site_url: str
) -> None:
    page = open_at(browser, site_url, PHONE)
    button = page.get_by_role("button", name=re.compile("^Filtre"))
    assert not page.locator("#ms-facets").is_visible()
    assert button.get_attribute("aria-expanded") == "false"
    button.click()
    assert page.locator("#ms-facets").is_visible()
    page.locator("#ms-facets").get_by_label("Uddelegering").check()
    page.locator("[data-ms-facet=locations]").get_by_label("Aarhus").check()
    assert button.inner_text() == "Filtre (2)"
    button.click()
    assert not page.locator("#ms-facets").is_visible()
    assert shown(page) == having("qualifications", "delegation") & {
        m for m, d in MENTORS.items() if d["location"] == "aarhus"
    }
    serious = serious_violations(page)
    assert serious == [], "\n".join(map(str, serious))
    page.context.close()


def test_chosen_filters_are_chips_that_remove_themselves(page: Page, site_url: str) -> None:
    catalogue(page, site_url, "?qualifications=delegation&free=1&not-unit=administration")
    chips = page.locator("[data-ms-active-list] button")
    assert chips.all_inner_texts() == [
        "Uddelegering ×",
        "Har en ledig plads nu ×",
        "− Administration ×",
    ]
    page.get_by_role("button", name="Fjern filteret Uddelegering").click()
    assert "qualifications" not in page.url and "free=1" in page.url
    assert not page.locator("#ms-facets").get_by_label("Uddelegering").is_checked()
    assert chips.count() == 2
    page.get_by_role("button", name="Nulstil filtrene").click()
    assert shown(page) == set(MENTORS)
    assert not page.locator("[data-ms-active]").is_visible()


def test_a_value_that_would_leave_no_mentor_cannot_be_ticked(page: Page, site_url: str) -> None:
    catalogue(page, site_url)
    page.locator("[data-ms-facet=locations]").get_by_label("Odense").check()
    in_odense = {m for m, d in MENTORS.items() if d["location"] == "odense"}
    spoken = {lang for m in in_odense for lang in MENTORS[m]["languages"]}
    languages = page.locator("[data-ms-facet=languages] input")
    values = languages.evaluate_all("boxes => boxes.map(b => [b.value, b.disabled])")
    assert {value for value, disabled in values if not disabled} == spoken
    assert any(disabled for _, disabled in values), "the example has a language not in Odense"
    # The ticked value itself stays free to untick.
    page.locator("[data-ms-facet=locations]").get_by_label("Odense").uncheck()
    assert not any(languages.evaluate_all("boxes => boxes.map(b => b.disabled)"))


def test_units_are_a_tree_whose_counts_say_they_include_sub_units(
    page: Page, site_url: str
) -> None:
    catalogue(page, site_url)
    units = page.locator("[data-ms-facet=units]")
    assert "Mentorens enhed" in units.locator("legend").inner_text()
    assert "underenhederne med" in units.inner_text()
    top = units.locator("label.ms-depth-0").first
    assert "Direktionen" in top.inner_text() and f"({len(MENTORS)})" in top.inner_text()
    assert units.locator("label.ms-depth-1").count() > 0
    # "Not from my unit" is a group of its own, worded as what it hides.
    assert page.get_by_label("Skjul mentorer fra min enhed").is_visible()
