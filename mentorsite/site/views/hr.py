"""HR's overview, in the HR edition: planning, stale profiles, capacity against demand.

Charts are drawn here, as numbers for an SVG: the template only places them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from mentorsite.report import Supply, hr_report
from mentorsite.site.page import Link, Page

if TYPE_CHECKING:
    from mentorsite.site.index import SiteIndex

# The chart's geometry, in SVG units: its width, a bar's height, a label's line, the gap
# between rows, and the room the numbers take beside the longest bar.
WIDTH, BAR, LABEL, GAP, ROOM, LEGEND = 520, 16, 18, 12, 60, 24


@dataclass(frozen=True)
class Bar:
    series: int  # 1-based, for its colour
    y: int
    length: float
    value: int

    height = BAR - 3

    @property
    def number_x(self) -> float:  # where its number stands, after its end
        return self.length + 6

    @property
    def number_y(self) -> int:
        return self.y + 11


@dataclass(frozen=True)
class ChartRow:
    label: str
    y: int  # of its label's baseline
    bars: list[Bar]


@dataclass(frozen=True)
class Chart:
    """A bar chart drawn at build time; its numbers also stand in a table beside it."""

    id: str
    title: str
    width: int
    height: int
    rows: list[ChartRow]
    legend: list[tuple[int, str]]  # (x, series name), when there is more than one series

    @property
    def legend_y(self) -> int:
        return self.height - 16


def chart(
    chart_id: str,
    title: str,
    series: list[str],
    rows: list[tuple[str, list[int]]],
    maximum: int | None = None,
) -> Chart:
    """Rows of bars, one per series, scaled so that `maximum` (or the largest) fills it."""
    top = maximum or max([value for _, values in rows for value in values] + [1])
    group = LABEL + len(series) * BAR + GAP
    legend = LEGEND if len(series) > 1 else 0
    drawn = [
        ChartRow(
            label,
            number * group + 13,
            [
                Bar(i + 1, number * group + LABEL + i * BAR, round(v / top * (WIDTH - ROOM), 1), v)
                for i, v in enumerate(values)
            ],
        )
        for number, (label, values) in enumerate(rows)
    ]
    height = len(rows) * group + legend
    names = [(i * 200, name) for i, name in enumerate(series)] if legend else []
    return Chart(chart_id, title, WIDTH, height, drawn, names)


@dataclass(frozen=True)
class SupplyRow:
    """Mentors of a qualification, unit or programme against the mentees who ask for it."""

    label: str
    url: str | None
    mentors: int
    places: int
    free: int
    demand: int | None


@dataclass(frozen=True)
class SupplyTable:
    id: str
    title: str
    note: str | None
    rows: list[SupplyRow]
    chart: Chart


@dataclass(frozen=True)
class PlanningRow:
    programme: Link
    filled: int
    total: int
    empty: list[str]  # the topics still empty, in words
    against_advice: list[str]  # the topics that go against the programme advice, in words


def pages(index: SiteIndex) -> list[Page]:
    if index.edition != "hr":
        return []
    content, t = index.content, index.t
    report = hr_report(content, index.today, index.pairs)
    planning = [
        PlanningRow(
            index.link("programme", row.programme),
            len(row.filled),
            row.total,
            [t(f"programme.topics.{topic}") for topic in row.empty],
            [t(f"programme.topics.{topic}") for topic in row.against_advice],
        )
        for row in report.completeness
    ]
    planning_chart = chart(
        "ms-chart-planning",
        t("hr.planning_chart"),
        [t("hr.filled")],
        [(row.programme.label, [row.filled]) for row in planning],
        maximum=planning[0].total if planning else 1,
    )
    stale = [(index.link("mentor", m), t.date(content.mentors[m].reviewed)) for m in report.stale]
    tables = [
        supply_table(index, "qualifications", report.qualifications, "qualification"),
        supply_table(index, "units", report.units, "unit"),
        supply_table(index, "programmes", report.programmes, "programme"),
    ]
    context = {
        "planning": planning,
        "planning_chart": planning_chart,
        "stale": stale,
        "review_months": content.organisation.profile_review_months,
        "tables": tables,
        "waiting": report.waiting,
        "built": t.date(index.today),
    }
    return [Page(index.routes.page("hr"), "hr.html.j2", t("nav.hr"), context)]


def supply_table(index: SiteIndex, key: str, supply: list[Supply], kind: str) -> SupplyTable:
    """Rows with a mentor or a mentee asking, and their chart: free places against demand."""
    t = index.t
    rows = []
    for row in supply:
        if not row.mentors and not row.demand:
            continue
        if kind == "programme":
            link = index.link("programme", row.key)
            label, url = link.label, link.url
        else:
            term = index.term(kind, row.key)
            label, url = term.name, term.url
        rows.append(SupplyRow(label, url, row.mentors, row.places, row.free, row.demand))
    with_demand = index.pairs is not None
    series = [t("hr.free"), t("hr.demand") if with_demand else t("hr.places")]
    title = t(f"hr.by.{key}")
    drawn = chart(
        f"ms-chart-{key}",
        t("hr.chart", subject=title, first=series[0], second=series[1]),
        series,
        [(r.label, [r.free, (r.demand or 0) if with_demand else r.places]) for r in rows],
    )
    note = t("hr.unit_note") if key == "units" and with_demand else None
    return SupplyTable(key, title, note, rows, drawn)
