"""The catalogue and the shortlist in a real headless Chromium, driven by Playwright."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, Response

from conftest import REPO, build, edit
from localsite import serve

MENTORS = {
    p.stem: yaml.safe_load(p.read_text(encoding="utf-8"))
    for p in sorted((REPO / "content/mentors").glob("*.yml"))
}
UNITS = {
    u["id"]: u.get("parent")
    for u in yaml.safe_load((REPO / "config/taxonomy.yml").read_text(encoding="utf-8"))["units"]
}


def unit_chain(unit: str) -> list[str]:
    chain = [unit]
    while UNITS.get(chain[-1]):
        chain.append(UNITS[chain[-1]])
    return chain


def catalogue(page: Page, site_url: str, query: str = "") -> None:
    page.goto(f"{site_url}mentors/{query}")
    page.wait_for_selector("[data-ms-filters]:not([hidden])")


def shown(page: Page) -> set[str]:
    return set(
        page.eval_on_selector_all(
            "[data-ms-cards] > li:not([hidden])", "cards => cards.map(c => c.dataset.mentor)"
        )
    )


def result_text(page: Page) -> str:
    return page.inner_text("[data-ms-result]")


def having(field: str, value: str) -> set[str]:
    return {m for m, data in MENTORS.items() if value in data.get(field, [])}


def test_filter_by_a_qualification(page: Page, site_url: str) -> None:
    catalogue(page, site_url)
    assert shown(page) == set(MENTORS)
    assert result_text(page) == f"Viser {len(MENTORS)} mentorer"
    page.get_by_label("Uddelegering").check()
    expected = having("qualifications", "delegation")
    assert 0 < len(expected) < len(MENTORS)
    assert shown(page) == expected
    assert result_text(page) == f"Viser {len(expected)} mentorer"
    assert page.get_attribute("[data-ms-result]", "aria-live") == "polite"
    # Focus stays where the employee is.
    assert page.evaluate("document.activeElement.value") == "delegation"


def test_values_combine_with_or_and_facets_with_and(page: Page, site_url: str) -> None:
    catalogue(page, site_url)
    page.get_by_label("Uddelegering").check()
    # The group shows its first values; the rest behind "show all".
    qualifications = page.locator("[data-ms-facet=qualifications]")
    assert not qualifications.get_by_label("Sparringsrollen").is_visible()
    qualifications.get_by_role("button", name=re.compile("^Vis alle")).click()
    page.get_by_label("Sparringsrollen").check()
    either = having("qualifications", "delegation") | having("qualifications", "sparring")
    assert shown(page) == either
    page.locator("[data-ms-facet=locations]").get_by_label("Aarhus").check()
    in_aarhus = {m for m, d in MENTORS.items() if d["location"] == "aarhus"}
    assert shown(page) == either & in_aarhus
    # Each value says how many mentors it would leave, the other filters as they are.
    count = page.inner_text("[data-ms-count='locations:odense']")
    in_odense = {m for m, d in MENTORS.items() if d["location"] == "odense"}
    assert count == f"({len(either & in_odense)})"


def test_not_from_my_unit_hides_my_unit_and_its_sub_units(page: Page, site_url: str) -> None:
    catalogue(page, site_url)
    page.select_option("#ms-not-unit", "administration")
    expected = {m for m, d in MENTORS.items() if "administration" not in unit_chain(d["unit"])}
    assert "anna-jensen" not in expected  # IT is part of Administration
    assert shown(page) == expected


@pytest.mark.parametrize("query", ["sogaard", "Søgaard", "SOEGAARD", "søren søgaard"])
def test_search_ignores_accents_and_case(page: Page, site_url: str, query: str) -> None:
    catalogue(page, site_url)
    page.fill("#ms-q", query)
    assert shown(page) == {"soeren-soegaard"}


def test_search_finds_words_of_the_bio(page: Page, site_url: str) -> None:
    word = "Flensborg"
    holders = {m for m, d in MENTORS.items() if word.lower() in d["bio"].lower()}
    assert holders, "the example has a bio with this word"
    catalogue(page, site_url)
    page.wait_for_function("window.fetch && document.readyState === 'complete'")
    page.fill("#ms-q", word.lower())
    page.wait_for_function(
        f"document.querySelectorAll('[data-ms-cards] > li:not([hidden])').length === {len(holders)}"
    )
    assert shown(page) == holders


def test_state_lives_in_the_url_and_the_back_button_works(page: Page, site_url: str) -> None:
    catalogue(page, site_url)
    page.get_by_label("Uddelegering").check()
    page.get_by_label("Har en ledig plads nu").check()
    page.select_option("#ms-sort", "name")
    url = page.url
    assert "qualifications=delegation" in url and "free=1" in url and "sort=name" in url
    expected = shown(page)
    names = page.eval_on_selector_all(
        "[data-ms-cards] > li:not([hidden]) h2", "hs => hs.map(h => h.textContent.trim())"
    )
    assert names == sorted(names, key=lambda n: n.replace("Æ", "{").replace("Ø", "|"))

    other = page.context.new_page()
    other.goto(url)
    other.wait_for_selector("[data-ms-filters]:not([hidden])")
    assert shown(other) == expected
    assert other.locator("#ms-facets").get_by_label("Uddelegering").is_checked()
    other.close()

    page.go_back()  # undo the sorting
    page.go_back()  # undo "free place"
    assert not page.locator("#ms-facets").get_by_label("Har en ledig plads nu").is_checked()
    assert shown(page) == having("qualifications", "delegation")


def test_shortlist_survives_a_reload_and_goes_to_the_coordinator(page: Page, site_url: str) -> None:
    catalogue(page, site_url)
    page.get_by_role("button", name="Føj Anna Jensen til kortlisten").click()
    page.get_by_role("button", name="Føj Karen Ærø til kortlisten").click()
    page.reload()
    page.wait_for_selector("[data-ms-filters]:not([hidden])")
    items = page.locator("[data-ms-shortlist-items] li > a")
    assert items.all_inner_texts() == ["Anna Jensen", "Karen Ærø"]
    assert (
        page.get_by_role("button", name="Fjern Anna Jensen fra kortlisten").get_attribute(
            "aria-pressed"
        )
        == "true"
    )
    send = page.get_attribute("[data-ms-shortlist-send]", "href")
    assert send.startswith("mailto:mentor@nordlys.example?subject=")
    assert "Karen%20%C3%86r%C3%B8" in send and "mentors%2Fanna-jensen%2F" in send
    # The profile shares the same list.
    page.goto(f"{site_url}mentors/anna-jensen/")
    star = page.get_by_role("button", name="Fjern Anna Jensen fra kortlisten")
    star.click()
    page.goto(f"{site_url}mentors/")
    assert page.locator("[data-ms-shortlist-items] li > a").all_inner_texts() == ["Karen Ærø"]


def test_the_shortlist_keeps_the_mentees_order_and_sends_it(page: Page, site_url: str) -> None:
    catalogue(page, site_url)
    for name in ("Anna Jensen", "Karen Ærø", "Ole Bæk"):
        page.get_by_role("button", name=f"Føj {name} til kortlisten").click()
    picks = page.locator("[data-ms-shortlist-items] li > a")
    assert page.get_by_text("Den første på listen er den, du helst vil have.").is_visible()
    # The first cannot go up, the last cannot go down.
    assert page.get_by_role("button", name="Flyt Anna Jensen op").is_disabled()
    assert page.get_by_role("button", name="Flyt Ole Bæk ned").is_disabled()
    page.get_by_role("button", name="Flyt Ole Bæk op").click()
    # The keyboard stays on the pick that moved: press again, it moves again.
    page.keyboard.press("Enter")
    assert picks.all_inner_texts() == ["Ole Bæk", "Anna Jensen", "Karen Ærø"]
    page.get_by_role("button", name="Flyt Anna Jensen ned").click()
    assert picks.all_inner_texts() == ["Ole Bæk", "Karen Ærø", "Anna Jensen"]
    page.reload()
    page.wait_for_selector("[data-ms-filters]:not([hidden])")
    assert picks.all_inner_texts() == ["Ole Bæk", "Karen Ærø", "Anna Jensen"]
    # The message lists the picks in that order, numbered, and their ids for the pairs file.
    send = page.get_attribute("[data-ms-shortlist-send]", "href")
    body = unquote(send.split("&body=", 1)[1])
    lines = body.splitlines()
    assert [line.split(":")[0] for line in lines if re.match(r"\d\. ", line)] == [
        "1. Ole Bæk",
        "2. Karen Ærø",
        "3. Anna Jensen",
    ]
    ole, karen, anna = (
        next(i for i, m in MENTORS.items() if m["name"] == name)
        for name in ("Ole Bæk", "Karen Ærø", "Anna Jensen")
    )
    assert lines[-1].endswith(f"mentors: [{ole}, {karen}, {anna}]")
    # The arrows pass axe, and on a phone the list does not make the page scroll sideways.
    panel = page.locator("[data-ms-shortlist]")
    assert serious_violations(page) == []
    page.set_viewport_size({"width": 390, "height": 844})
    panel.scroll_into_view_if_needed()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    box = page.get_by_role("button", name="Flyt Anna Jensen op").bounding_box()
    assert box is not None and box["x"] + box["width"] <= 390 and box["height"] >= 44


def test_without_javascript_every_mentor_is_listed(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}mentors/")
    assert len(page.locator("[data-ms-cards] > li").all()) == len(MENTORS)
    assert all(card.is_visible() for card in page.locator("[data-ms-cards] > li").all())
    assert not page.locator("[data-ms-filters]").is_visible()
    # Browsing by facet works without script.
    page.locator(".ms-browse").get_by_role("link", name="Uddelegering").click()
    listed = page.locator(".ms-mentor-list li").count()
    assert listed == len(having("qualifications", "delegation"))
    context.close()


@pytest.mark.parametrize(
    "url",
    [
        "",
        "mentors/",
        "mentors/anna-jensen/",
        "roles/",
        "roles/line-manager/",
        "programmes/lederudvikling-2026/",
        "programmes/lederudvikling-2026/line-manager/",
        "rules/duration-two-years/",
        "changes/line-manager/",
        "no/such/page/",  # the 404 page
    ],
)
def test_no_serious_accessibility_violation(page: Page, site_url: str, url: str) -> None:
    page.goto(site_url + url)
    page.wait_for_load_state("load")
    serious = serious_violations(page)
    assert serious == [], "\n".join(map(str, serious))


def serious_violations(page: Page) -> list[tuple[str, str, list[str]]]:
    """What axe-core finds serious or critical on the page as it stands."""
    results = Axe().run(page)
    return [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_hr_overview_has_no_serious_accessibility_violation(page: Page, hr_site: Path) -> None:
    with serve(hr_site) as url:
        page.goto(url + "hr/")
        page.wait_for_load_state("load")
        serious = serious_violations(page)
    assert serious == [], "\n".join(map(str, serious))
    assert page.get_by_role("img", name="Udfyldte planlægningsemner pr. program").is_visible()


def test_a_long_catalogue_shows_a_page_of_cards_at_a_time(
    browser: Browser, project: Path, tmp_path: Path
) -> None:
    anna = (project / "content/mentors/anna-jensen.yml").read_text(encoding="utf-8")
    for number in range(150):
        (project / f"content/mentors/extra-{number:03d}.yml").write_text(
            anna.replace("Anna Jensen", f"Ekstra Mentor {number:03d}"), encoding="utf-8"
        )
    assert build(project, tmp_path / "site") == 0
    total = len(MENTORS) + 150
    with serve(tmp_path / "site") as url:
        page = browser.new_page()
        page.goto(f"{url}mentors/")
        page.wait_for_selector("[data-ms-filters]:not([hidden])")
        assert result_text(page) == f"Viser 60 af {total} mentorer"
        assert len(shown(page)) == 60
        more = page.get_by_role("button", name="Vis flere mentorer")
        more.click()
        assert len(shown(page)) == 120
        # The keyboard goes on at the first of the new cards.
        focused = page.evaluate("document.activeElement.closest('li').dataset.mentor")
        order = page.eval_on_selector_all(
            "[data-ms-cards] > li:not([hidden])", "cards => cards.map(c => c.dataset.mentor)"
        )
        assert focused == order[60]
        more.click()
        assert len(shown(page)) == total and result_text(page) == f"Viser {total} mentorer"
        assert not more.is_visible()
        # A filter starts again from the first page.
        page.get_by_label("Uddelegering").check()
        assert len(shown(page)) == 60
        page.close()


# -- checklists -----------------------------------------------------------------------------


def checklist(page: Page, site_url: str, programme: str, role: str) -> None:
    page.goto(f"{site_url}programmes/{programme}/{role}/")
    page.wait_for_selector("[data-ms-checklist-tools]:not([hidden])")


def ticked(page: Page) -> list[str]:
    return page.eval_on_selector_all(
        "input[data-ms-item]:checked", "boxes => boxes.map(b => b.labels[0].innerText)"
    )


def test_ticks_are_kept_per_programme_and_role_and_can_be_reset(page: Page, site_url: str) -> None:
    checklist(page, site_url, "lederudvikling-2026", "mentor")
    page.get_by_label("Læs menteens ansøgning og samtaleguiden før første møde.").check()
    page.get_by_label("Besvar slutevalueringen.").check()
    page.reload()
    page.wait_for_selector("[data-ms-checklist-tools]:not([hidden])")
    assert ticked(page) == [
        "Læs menteens ansøgning og samtaleguiden før første møde.",
        "Besvar slutevalueringen.",
    ]
    # The same role in another programme, and another role in this one, start empty.
    checklist(page, site_url, "mentorkorps", "mentor")
    assert ticked(page) == []
    page.get_by_label("Besvar slutevalueringen.").check()
    checklist(page, site_url, "lederudvikling-2026", "mentee")
    assert ticked(page) == []
    # A reset clears this checklist only, and says so.
    checklist(page, site_url, "lederudvikling-2026", "mentor")
    assert len(ticked(page)) == 2
    page.get_by_role("button", name="Fjern alle krydser").click()
    assert ticked(page) == []
    assert page.get_by_role("status").inner_text() == "Alle krydser er fjernet."
    page.reload()
    page.wait_for_selector("[data-ms-checklist-tools]:not([hidden])")
    assert ticked(page) == []
    checklist(page, site_url, "mentorkorps", "mentor")
    assert ticked(page) == ["Besvar slutevalueringen."]


def test_a_checklist_prints_on_a4_with_boxes_and_without_the_sites_chrome(
    page: Page, site_url: str
) -> None:
    checklist(page, site_url, "lederudvikling-2026", "line-manager")
    page.get_by_label("Indstil medarbejderen til programmet.").check()
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", "[data-ms-checklist-tools]"):
        assert not page.locator(chrome).first.is_visible(), chrome
    boxes = page.locator("input[data-ms-item]")
    role = yaml.safe_load((REPO / "content/roles/line-manager.yml").read_text(encoding="utf-8"))
    assert boxes.count() == sum(len(items) for items in role["does"].values())
    assert all(box.is_visible() for box in boxes.all())
    border = page.eval_on_selector(
        "input[data-ms-item]", "box => getComputedStyle(box).borderTopStyle"
    )
    assert border == "solid"  # a box drawn in ink, not a form control that may print blank
    pdf = page.pdf(prefer_css_page_size=True)
    sizes = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf)
    assert sizes and len(sizes) <= 2  # one page, two at most
    assert all(abs(float(w) - 595) < 2 and abs(float(h) - 842) < 2 for w, h in sizes)  # A4


def test_without_javascript_a_checklist_still_has_its_boxes(
    browser: Browser, site_url: str
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}programmes/lederudvikling-2026/mentee/")
    assert page.locator("input[data-ms-item]").count() > 10
    assert not page.get_by_role("button", name="Fjern alle krydser").is_visible()
    context.close()


@pytest.mark.parametrize(
    "url", ["", "mentors/", "mentors/anna-jensen/", "spoergsmaal-og-svar/", "no/such/page/"]
)
def test_a_page_requests_nothing_from_another_host(page: Page, site_url: str, url: str) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_url + url)
    page.wait_for_load_state("networkidle")
    assert any(address.endswith(".css") for address in requested)
    # Script included: Material's search loads its worker and index from the site too.
    assert any("search_index.json" in address for address in requested)
    assert [a for a in requested if urlsplit(a).netloc and not a.startswith(site_url)] == []
    assert "Roboto" not in page.evaluate("getComputedStyle(document.body).fontFamily")


@pytest.mark.parametrize("site_url", ["", "https://example.org/mentor/"])
def test_the_404_page_is_whole_at_any_missing_address(
    browser: Browser, project: Path, tmp_path: Path, site_url: str
) -> None:
    """Published at the host's root, or under a path given by site_url, as a static host
    does: its 404.html answers every address where there is nothing."""
    if site_url:
        edit(project / "mkdocs.yml", lambda text: text + f"site_url: {site_url}\n")
    assert build(project, tmp_path / "site") == 0
    context = browser.new_context(locale="da-DK")
    page = context.new_page()
    failed: list[str] = []
    page.on("pageerror", lambda error: failed.append(str(error)))
    page.on("requestfailed", lambda request: failed.append(request.url))

    def note(response: Response) -> None:
        if response.status >= 400 and not response.request.is_navigation_request():
            failed.append(f"{response.status} {response.url}")

    page.on("response", note)
    with serve(tmp_path / "site", urlsplit(site_url or "/").path) as url:
        for missing in ("nothing-here", "mentors/nobody/", "a/b/c/d/e.html"):
            assert page.goto(url + missing).status == 404
            page.wait_for_load_state("networkidle")
            assert page.get_by_role("heading", level=1).inner_text() == "Siden findes ikke"
            # Material's stylesheet is there: the header stays at the top of the window.
            assert page.eval_on_selector(".md-header", "h => getComputedStyle(h).position") == (
                "sticky"
            )
        page.get_by_role("link", name="Gå til forsiden").click()
        page.wait_for_load_state("networkidle")
        assert page.url == url
        assert page.get_by_role("link", name=re.compile("Find en mentor")).is_visible()
    context.close()
    assert failed == []
