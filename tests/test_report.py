"""HR's overview: planning, stale profiles, capacity against demand; on /hr/ and from check."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml

from conftest import REPO, build, copy_example, edit, empty_topics
from htmlpage import Page
from mentorsite.content import load_content
from mentorsite.model import PairsFile
from mentorsite.project import Paths
from mentorsite.report import hr_report

TODAY = date(2026, 11, 22)
DEMAND = REPO / "tests/fixtures/pairs-demand.yml"


def mentors() -> list[dict]:
    return [
        yaml.safe_load(p.read_text(encoding="utf-8"))
        for p in sorted((REPO / "content/mentors").glob("*.yml"))
    ]


def free_places(mentor: dict) -> int:
    later = mentor.get("available_from") and mentor["available_from"] > TODAY
    return 0 if later else max(mentor["capacity"] - mentor.get("mentees", 0), 0)


def expected(offers) -> tuple[int, int, int]:
    mine = [m for m in mentors() if offers(m)]
    return len(mine), sum(m["capacity"] for m in mine), sum(free_places(m) for m in mine)


@pytest.fixture(scope="module")
def planned(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example, with two planning topics of one programme still empty."""
    project = copy_example(tmp_path_factory.mktemp("planned") / "project")
    empty_topics(project, "nye-ledere-2027", "training", "evaluation")
    return project


@pytest.fixture(scope="module")
def report(planned: Path):
    content = load_content(Paths.at(planned)).content
    assert content is not None
    pairs = PairsFile.model_validate(yaml.safe_load(DEMAND.read_text(encoding="utf-8")))
    return hr_report(content, TODAY, pairs)


def test_supply_and_demand_per_qualification_unit_and_programme(report) -> None:
    delegation = next(row for row in report.qualifications if row.key == "delegation")
    assert (delegation.mentors, delegation.places, delegation.free) == expected(
        lambda m: "delegation" in m["qualifications"]
    )
    # Ea and Bo wait, both wishing delegation; Cia has her mentor and is not counted.
    assert report.waiting == 2
    assert delegation.demand == 2
    assert next(r for r in report.qualifications if r.key == "sparring").demand == 1
    assert next(r for r in report.qualifications if r.key == "career-planning").demand == 0
    service = next(row for row in report.units if row.key == "kundeservice")
    assert (service.mentors, service.places, service.free) == expected(
        lambda m: m["unit"] == "kundeservice"
    )
    assert service.demand == 2
    programmes = {row.key: row for row in report.programmes}
    assert programmes["nye-ledere-2027"].demand == 1
    assert (programmes["mentorkorps"].mentors, programmes["mentorkorps"].places) == expected(
        lambda m: "mentorkorps" in m.get("programmes", [])
    )[:2]


def test_planning_and_stale_profiles(report) -> None:
    planning = {row.programme: row for row in report.completeness}
    assert planning["nye-ledere-2027"].empty == ["training", "evaluation"]
    assert planning["lederudvikling-2026"].empty == []
    assert planning["lederudvikling-2026"].total == 17
    # Stale: not confirmed within 12 months, the longest unconfirmed first.
    assert report.stale == ["morten-joergensen", "peter-hansen"]


@pytest.fixture(scope="module")
def hr_with_demand(tmp_path_factory: pytest.TempPathFactory, planned: Path) -> Path:
    root = tmp_path_factory.mktemp("hr")
    project = planned
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1795305600")
        assert build(project, root / "site", "--edition", "hr", "--pairs", str(DEMAND)) == 0
    return root / "site"


def table_rows(html: str, heading_id: str) -> dict[str, list[str]]:
    part = html[html.index(f'id="{heading_id}"') :]
    table = part[part.index("<tbody>") : part.index("</tbody>")]
    rows = {}
    for row in re.findall(r"<tr>(.*?)</tr>", table, re.S):
        name = Page(row[: row.index("</th>")]).visible.strip()
        rows[name] = re.findall(r"<td[^>]*>(.*?)</td>", row)
    return rows


def test_the_hr_page_shows_the_numbers_in_tables_beside_accessible_charts(
    hr_with_demand: Path,
) -> None:
    html = (hr_with_demand / "hr/index.html").read_text(encoding="utf-8")
    mentors_, places, free = expected(lambda m: "delegation" in m["qualifications"])
    assert table_rows(html, "qualifications")["Uddelegering"] == [
        str(mentors_),
        str(places),
        str(free),
        "2",
    ]
    assert table_rows(html, "units")["Kundeservice"][-1] == "2"
    # Every chart is an image with a title, and its numbers stand in the table beside it.
    charts = re.findall(r'<svg role="img" aria-labelledby="([^"]+)"', html)
    assert len(charts) == 4
    for chart in charts:
        assert f'<title id="{chart}">' in html
    svg = html[html.index('aria-labelledby="ms-chart-qualifications"') :]
    svg = svg[: svg.index("</svg>")]
    assert "Uddelegering" in svg and ">2</text>" in svg
    text = Page.article(hr_with_demand, "hr/").visible
    assert "Efterspørgslen tæller de 2 mentees i HR's parfil" in text
    # A group programme without an introduction goes against the advice, and the row says so.
    assert (
        "Nye ledere 2027 – mentorgrupper 15 af 17 Introduktion og træning, Evaluering "
        "1 emne: Introduktion og træning"
    ) in text
    assert "Lederudvikling 2026–2028 17 af 17 Alt er udfyldt Ingen" in text
    assert "Morten Jørgensen 18. marts 2025" in text
    # The mentees are counted, never named.
    assert "Ea Moos" not in html and "ea-moos" not in html
    assert "hr/" in Page.at(hr_with_demand, "").values("a", "href")


def test_without_a_pairs_file_the_page_says_how_to_get_demand(hr_site: Path) -> None:
    text = Page.article(hr_site, "hr/").visible
    assert "Efterspørgslen vises, når HR bygger sitet med sin private parfil" in text
    html = (hr_site / "hr/index.html").read_text(encoding="utf-8")
    assert "Efterspørgsel</th>" not in html


def test_the_staff_edition_has_no_overview_and_never_reads_the_pairs_file(
    project: Path, tmp_path: Path
) -> None:
    broken = tmp_path / "broken-pairs.yml"
    broken.write_text("mentees: [not, a, mapping]\n", encoding="utf-8")
    assert build(project, tmp_path / "site", "--pairs", str(broken)) == 0
    assert not (tmp_path / "site/hr").exists()
    assert "hr/" not in Page.at(tmp_path / "site", "").values("a", "href")


def test_a_broken_pairs_file_stops_the_hr_build_and_says_where(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "pairs.yml"
    broken.write_text(DEMAND.read_text(encoding="utf-8").replace("odense", "odnse"), "utf-8")
    assert build(project, tmp_path / "site", "--edition", "hr", "--pairs", str(broken)) == 1
    err = capsys.readouterr().err
    assert "unknown location 'odnse'; did you mean 'odense'?" in err
    assert "1 error in the pairs file" in err
    assert not (tmp_path / "site").exists()


def test_check_sums_up_planning_and_profiles(project: Path) -> None:
    empty_topics(project, "nye-ledere-2027", "training", "evaluation")
    edit(
        project / "content/mentors/peter-hansen.yml",
        lambda s: s.replace("reviewed: 2025-06-12", "reviewed: 2026-06-12"),
    )
    result = subprocess.run(
        [sys.executable, "-m", "mentorsite", "check"],
        cwd=project,
        capture_output=True,
        text=True,
        env={"SOURCE_DATE_EPOCH": "1795305600", "PATH": "/usr/bin:/bin"},
    )
    lines = result.stderr.splitlines()
    assert (
        "mentorsite: planning: Lederudvikling 2026–2028 complete; Nordlys' mentorkorps "
        "complete; Nye ledere 2027 – mentorgrupper 15 of 17 topics (empty: training, evaluation), "
        "1 against the advice (training)"
    ) in lines
    assert (
        "mentorsite: profiles: 1 of 20 not confirmed within 12 months: "
        "Morten Jørgensen (2025-03-18)"
    ) in lines
    # The stale profile is news for HR, not a problem in its file: the warnings are the topics.
    assert "reviewed:" not in result.stdout
    assert re.search(r"^mentorsite: 0 errors, 2 warnings in \d+ files$", lines[-1])
