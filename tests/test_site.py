"""End-to-end: the example site as a person sees it, page by page."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from conftest import REPO, build
from htmlpage import Page

MENTORS = sorted(p.stem for p in (REPO / "content/mentors").glob("*.yml"))
PROGRAMMES = sorted(p.stem for p in (REPO / "content/programmes").glob("*.yml"))
ROLES = sorted(p.stem for p in (REPO / "content/roles").glob("*.yml"))
MONTHS = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
]
RULES = sorted(p.stem for p in (REPO / "content/rules").glob("*.yml"))


def source(kind: str, item: str) -> dict:
    return yaml.safe_load((REPO / "content" / kind / f"{item}.yml").read_text(encoding="utf-8"))


def test_every_page_exists(staff_site: Path) -> None:
    urls = [
        "",
        "programmes/",
        "mentors/",
        "roles/",
        "rules/",
        "om-mentorordningen/",
        "spoergsmaal-og-svar/",
    ]
    urls += [f"programmes/{p}/" for p in PROGRAMMES] + [f"mentors/{m}/" for m in MENTORS]
    urls += [f"roles/{r}/" for r in ROLES] + [f"rules/{r}/" for r in RULES]
    missing = [url for url in urls if not (staff_site / url / "index.html").is_file()]
    assert missing == []


def test_home_leads_to_the_programmes_and_to_each_role(staff_site: Path) -> None:
    home = Page.at(staff_site, "")
    links = home.values("a", "href")
    for programme in PROGRAMMES:
        assert source("programmes", programme)["name"] in home.visible
        assert f"programmes/{programme}/" in links
    for role in ROLES:
        assert source("roles", role)["name"] in home.visible
        assert f"roles/{role}/" in links
    assert "Find en mentor blandt 20" in home.visible
    assert '<html lang="da"' in (staff_site / "index.html").read_text()


def test_programme_handbook_reads_in_order_with_rhythm_rules_checklists_and_how_to_apply(
    staff_site: Path,
) -> None:
    page = Page.article(staff_site, "programmes/lederudvikling-2026/")
    text = page.visible
    headings = [
        "Formål og mål",
        "Målgruppe",
        "Omfang",
        "Udvælgelse af mentees",
        "Sådan bliver mentor og mentee matchet",
        "Struktur og spilleregler",
        "Møder og varighed",
        "Aftalen mellem mentor og mentee",
        "Topledelsens rolle",
        "Introduktion og træning",
        "Materialer",
        "Evaluering",
        "Regler for programmet",
        "Tjeklister for rollerne",
        "Sådan søger du",
        "Hvem kan hjælpe",
    ]
    positions = [text.index(h) for h in headings]
    assert positions == sorted(positions)
    assert "Cirka en time hver fjerde uge i 24 måneder." in text
    assert "Ansøgningsfristen var 15. januar 2026" in text
    assert "Mette Holm , Programkoordinator" in text
    links = page.values("a", "href")
    # Rules that bind this programme, and not the one that binds only another programme.
    assert "../../rules/different-unit/" in links
    assert "../../rules/group-size/" not in links
    # Each role is linked to its checklist for this programme.
    for role in ROLES:
        assert f"{role}/" in links
        assert (staff_site / "programmes/lederudvikling-2026" / role / "index.html").is_file()
    # A material kept as a file in content/ is published with the site.
    material = next(url for url in links if "files/materials/mentoraftale" in url)
    assert (staff_site / "programmes/lederudvikling-2026" / material / "index.html").is_file()


def test_a_programme_past_its_deadline_invites_no_application_but_says_where_to_hear_more(
    staff_site: Path,
) -> None:
    # The example builds as on 2026-11-22: Lederudvikling 2026 closed its intake on
    # 2026-01-15, Nye ledere 2027 takes applications until 2027-01-15.
    past = Page.article(staff_site, "programmes/lederudvikling-2026/")
    assert "Søg om at komme med" not in past.visible
    assert not [url for url in past.values("a", "href") if "subject=" in url]
    assert "Ansøgningsfristen var 15. januar 2026" in past.visible
    assert "Vil du høre om næste hold, så skriv til Mette Holm: mentor@nordlys.example" in (
        past.visible
    )
    assert "mailto:mentor@nordlys.example" in past.values("a", "href")
    open_now = Page.article(staff_site, "programmes/nye-ledere-2027/")
    assert "Søg om at komme med" in open_now.visible
    assert [url for url in open_now.values("a", "href") if "subject=" in url]
    assert "Ansøgningsfrist: 15. januar 2027" in open_now.visible
    home = Page.article(staff_site, "")
    assert "Ansøgningsfrist: 15. januar 2026" not in home.visible
    assert "Ansøgningsfristen var 15. januar 2026" in home.visible


def test_a_closed_programme_says_it_has_ended(project: Path, tmp_path: Path) -> None:
    source_file = project / "content/programmes/nye-ledere-2027.yml"
    text = source_file.read_text(encoding="utf-8")
    source_file.write_text(text.replace("status: open", "status: closed"), encoding="utf-8")
    assert build(project, tmp_path / "site") == 0
    page = Page.article(tmp_path / "site", "programmes/nye-ledere-2027/")
    assert "Programmet er afsluttet og tager ikke imod ansøgninger." in page.visible
    assert "Søg om at komme med" not in page.visible


def test_catalogue_has_a_complete_card_for_every_mentor(staff_site: Path) -> None:
    html = (staff_site / "mentors/index.html").read_text(encoding="utf-8")
    cards = re.findall(r'<li data-mentor="([a-z0-9-]+)"([^>]*)>(.*?)</li>\n', html, re.S)
    assert sorted(card[0] for card in cards) == MENTORS
    states = []
    for mentor, attributes, body in cards:
        data = source("mentors", mentor)
        card = Page(body)
        assert data["name"] in card.visible and data["title"] in card.visible
        assert f"{mentor}/" in card.values("a", "href")
        # What the filters need: each facet's values, and the free places.
        expected = {
            "q": " ".join(data["qualifications"]),
            "m": " ".join(data["models"]),
            "l": data["location"],
            "lang": " ".join(data["languages"]),
            "p": " ".join(data.get("programmes", [])),
            "free": str(data["capacity"] - data.get("mentees", 0))
            if str(data.get("available_from", "")) <= "2026-11-22"
            else "0",
        }
        for attribute, value in expected.items():
            assert f'data-{attribute}="{value}"' in attributes, (mentor, attribute)
        (src,) = card.values("img", "src")
        assert (staff_site / "mentors" / src).is_file()
        if "photo" in data:
            assert src == f"{mentor}/card.jpg"
        else:  # the initials, drawn
            svg = (staff_site / "mentors" / src).read_text(encoding="utf-8")
            initials = "".join(
                word[0] for word in data["name"].split()[:: len(data["name"].split()) - 1]
            )
            assert src.endswith(".svg") and f">{initials}<" in svg
        free = data["capacity"] - data.get("mentees", 0)
        if str(data.get("available_from", "")) > "2026-11-22":
            date = data["available_from"]
            month = MONTHS[date.month - 1]
            assert f"Ledig fra {date.day}. {month} {date.year}" in card.visible
            states.append(1)
        elif free:
            assert f"{free} ledig" in card.visible
            states.append(0)
        else:
            assert "Ingen ledige pladser" in card.visible
            states.append(2)
    assert states == sorted(states), "mentors with free places first, full ones last"


def test_profile_shows_the_mentor_and_a_way_to_express_interest(staff_site: Path) -> None:
    page = Page.at(staff_site, "mentors/anna-jensen/")
    data = source("mentors", "anna-jensen")
    assert data["name"] in page.visible and "IT og Digitalisering" in page.visible
    assert "Uddelegering" in page.visible and "Dansk , Engelsk" in page.visible
    assert "Lederudvikling 2026–2028" in page.visible
    mailto = next(h for h in page.values("a", "href") if h.startswith("mailto:mentor@"))
    assert (
        mailto == "mailto:mentor@nordlys.example?subject=Interesse%20for%20mentor%3A%20"
        "Anna%20Jensen"
    )
    edit = [h for h in page.values("a", "href") if "/-/edit/" in h]
    assert edit == [
        "https://git.nordlys.example/hr/mentorordning/-/edit/main/content/mentors/anna-jensen.yml"
    ]


def test_stale_profile_says_when_it_was_last_confirmed(hr_site: Path) -> None:
    page = Page.at(hr_site, "mentors/peter-hansen/")
    assert (
        "Profilen blev sidst bekræftet 12. juni 2025. Oplysningerne kan være forældede."
        in page.visible
    )


def test_profiles_are_not_in_the_navigation(staff_site: Path) -> None:
    for url, role in (("", "roles/"), ("mentors/", "../roles/"), ("roles/", "mentee/")):
        nav = (staff_site / url / "index.html").read_text(encoding="utf-8")
        start = nav.index('<nav class="md-nav md-nav--primary"')
        nav = nav[start : nav.index('<div class="md-sidebar md-sidebar--secondary"', start)]
        assert f'href="{role}"' in nav
        assert not any(f"mentors/{m}/" in nav for m in MENTORS)


def matrix() -> list[dict]:
    path = REPO / "content/responsibilities.yml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))["activities"]


PARTS = {
    "owns": "Har ansvaret",
    "takes-part": "Deltager",
    "informed": "Orienteres",
    "never": "Aldrig",
}


def test_roles_overview_is_the_responsibility_matrix(staff_site: Path) -> None:
    html = (staff_site / "roles/index.html").read_text(encoding="utf-8")
    order = [r for _, r in sorted((source("roles", r)["order"], r) for r in ROLES)]
    table = html[html.index('<table class="ms-matrix"') : html.index("</table>")]
    header = Page(table[: table.index("</thead>")])
    assert header.values("a", "href") == [f"{role}/" for role in order]
    rows = table[table.index("<tbody>") :].split("<tr ")[1:]
    assert len(rows) == len(matrix())
    for row, activity in zip(rows, matrix(), strict=True):
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row)
        assert cells == [PARTS.get(activity["roles"].get(role), "") for role in order], activity
        assert activity["name"] in Page(row).visible
        for rule in activity.get("rules", []):
            assert f"../rules/{rule}/" in Page(row).values("a", "href")
    # Each role's boundaries side by side, under the matrix.
    cards = Page(html[html.index("</table>") :]).visible
    for activity in matrix():
        if "never" in activity["roles"].values():
            assert activity["name"] in cards


def test_role_page_shows_its_part_of_the_matrix_and_its_checklist_by_phase(
    staff_site: Path,
) -> None:
    data = source("roles", "line-manager")
    html = (staff_site / "roles/line-manager/index.html").read_text(encoding="utf-8")
    page = Page(html)
    count = sum(len(items) for items in data["does"].values())
    boxes = [
        v for t, n, v in page.attributes if t == "input" and n == "id" and not v.startswith("__")
    ]  # Material's own
    assert len(boxes) == len(set(boxes)) == count
    labels = [v for v in page.values("label", "for") if not v.startswith("__")]
    assert sorted(labels) == sorted(boxes)
    phases = ["Før start", "Opstart", "Undervejs", "Afslutning"]
    positions = [page.visible.index(p) for p in phases]
    assert positions == sorted(positions)
    # The boundaries are the matrix's "never" for the role, in the matrix's order.
    never = [a["name"] for a in matrix() if a["roles"].get("line-manager") == "never"]
    boundaries = html[html.index('<ul class="ms-does-not">') :]
    boundaries = Page(boundaries[: boundaries.index("</ul>")]).visible
    assert [boundaries.index(name) for name in never] == sorted(
        boundaries.index(name) for name in never
    )
    owned = [a["name"] for a in matrix() if a["roles"].get("line-manager") == "owns"]
    assert all(name in page.visible for name in owned)
    assert "Har ansvaret for" in page.visible and "Gør ikke" in page.visible
    css = (staff_site / "assets/mentorsite/mentorsite.css").read_text()
    assert "@media print" in css and "size: A4" in css


def test_rules_are_grouped_by_kind_and_each_says_when_and_whom_it_binds(staff_site: Path) -> None:
    index = Page.at(staff_site, "rules/").visible
    for kind in ("Match", "Fortrolighed", "Rollegrænser", "Varighed"):
        assert kind in index
    rule = Page.at(staff_site, "rules/group-size/")
    assert "Nye ledere 2027" in rule.visible
    assert "../../roles/" in " ".join(rule.values("a", "href"))
    future = Page.at(staff_site, "rules/mentor-training-required/")
    assert "træder i kraft 1. januar 2027" in future.visible
    general = Page.at(staff_site, "rules/confidentiality/")
    assert "Alle programmer" in general.visible and "fra 1. januar 2026" in general.visible


def test_free_pages_are_built_as_they_are(staff_site: Path) -> None:
    page = Page.at(staff_site, "spoergsmaal-og-svar/")
    first = (REPO / "content/pages/spoergsmaal-og-svar.md").read_text().splitlines()[0]
    assert first.lstrip("# ") in page.visible


def test_each_qualification_has_a_page_linked_from_the_catalogue_and_profiles(
    staff_site: Path,
) -> None:
    import json

    index = json.loads((staff_site / "search/search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"] for doc in index["docs"]}
    offered = {
        q for data in map(lambda m: source("mentors", m), MENTORS) for q in data["qualifications"]
    }
    for qualification in offered:
        url = f"mentors/qualifications/{qualification}/"
        page = Page.article(staff_site, url)
        listed = {
            href.split("/")[-2]
            for href in page.values("a", "href")
            if href.startswith("../../") and href.count("/") == 3
        }
        holders = {m for m in MENTORS if qualification in source("mentors", m)["qualifications"]}
        assert holders <= listed, qualification
        # Search finds the mentors' profiles, and not their lines again on this page.
        assert url not in locations
        assert {f"mentors/{m}/" for m in holders} <= locations
    assert "mentors/" not in locations, "the catalogue's cards say what the profiles say"
    card_links = Page.at(staff_site, "mentors/").values("a", "href")
    assert "qualifications/delegation/" in card_links
    profile = Page.article(staff_site, "mentors/anna-jensen/").values("a", "href")
    assert {
        "../qualifications/delegation/",
        "../units/it/",
        "../locations/aarhus/",
        "../languages/en/",
        "../models/one-to-one/",
    } <= set(profile)
    for folder in ("units", "locations", "languages", "models"):
        assert (staff_site / "mentors" / folder).is_dir()


def test_the_catalogue_can_be_downloaded(staff_site: Path) -> None:
    import csv
    import io
    import json

    links = Page.at(staff_site, "mentors/").values("a", "href")
    assert "../mentors.csv" in links and "../mentors.json" in links
    data = json.loads((staff_site / "mentors.json").read_text(encoding="utf-8"))
    assert data["format"] == "mentorsite/mentors" and data["version"] == 1
    assert sorted(m["id"] for m in data["mentors"]) == MENTORS
    raw = (staff_site / "mentors.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == len(MENTORS) + 1
    assert any("Søren Søgaard" in row for row in rows)


def test_search_finds_a_profile_by_its_words_not_its_buttons(staff_site: Path) -> None:
    import json

    index = json.loads((staff_site / "search/search_index.json").read_text(encoding="utf-8"))
    anna = {d["location"]: d for d in index["docs"] if d["location"].startswith("mentors/anna-")}
    words = " ".join(d["title"] + " " + d["text"] for d in anna.values())
    assert "Anna Jensen" in words and "Uddelegering" in words and "IT-udvikling" in words
    assert "interesseret" not in words  # the button's words are not what people search
    # Each section is found under the heading the profile shows it under.
    page = (staff_site / "mentors/anna-jensen/index.html").read_text(encoding="utf-8")
    for location in anna:
        if "#" in location:
            assert f'id="{location.split("#")[1]}"' in page
