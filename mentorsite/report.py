"""HR's overview: how far each programme is planned, which profiles are stale, and whether
the mentors' free places meet what mentees ask for.

The same figures feed the HR edition's `/hr/` page and the summary `mentorsite check`
prints. Demand comes from HR's private pairs file when one is given: counted, never named.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from mentorsite.content import Content
from mentorsite.model import Mentee, Mentor, PairsFile, Programme
from mentorsite.validate import against_advice


@dataclass(frozen=True)
class Completeness:
    """A programme's planning topics, filled in or still empty."""

    programme: str
    filled: list[str]
    empty: list[str]
    against_advice: list[str]  # topics that go against the programme advice (check warns)

    @property
    def total(self) -> int:
        return len(self.filled) + len(self.empty)


@dataclass(frozen=True)
class Supply:
    """The mentors of one qualification, unit or programme, against the mentees asking."""

    key: str  # the id of the qualification, unit or programme
    mentors: int
    places: int  # the mentors' capacity, added up
    free: int  # places a mentee could take now
    demand: int | None  # mentees waiting who ask for it; None without a pairs file


@dataclass(frozen=True)
class Report:
    completeness: list[Completeness]
    stale: list[str]  # mentor ids, the longest unconfirmed first
    qualifications: list[Supply]
    units: list[Supply]
    programmes: list[Supply]
    waiting: int | None  # mentees without a pair; None without a pairs file


def hr_report(content: Content, today: date, pairs: PairsFile | None = None) -> Report:
    """The overview of `content` on `today`; with `pairs`, demand beside the supply."""
    mentors = list(content.mentors.values())
    waiting = [pairs.mentees[m] for m in pairs.waiting(today)] if pairs is not None else None
    review = content.organisation.profile_review_months
    stale = sorted(
        (i for i, m in content.mentors.items() if m.is_stale(review, today)),
        key=lambda i: content.mentors[i].reviewed,
    )

    def supply(
        keys: Iterable[str],
        offers: Callable[[Mentor, str], bool],
        asks: Callable[[Mentee, str], bool],
    ) -> list[Supply]:
        rows = []
        for key in keys:
            mine = [m for m in mentors if offers(m, key)]
            rows.append(
                Supply(
                    key,
                    len(mine),
                    sum(m.capacity for m in mine),
                    sum(m.free_places(today) for m in mine),
                    None if waiting is None else sum(asks(mentee, key) for mentee in waiting),
                )
            )
        return rows

    return Report(
        completeness=[_completeness(i, p) for i, p in content.programmes.items()],
        stale=stale,
        qualifications=supply(
            (q.id for q in content.taxonomy.qualifications),
            lambda mentor, key: key in mentor.qualifications,
            lambda mentee, key: key in mentee.wishes.qualifications,
        ),
        units=supply(
            (u.id for u in content.taxonomy.units),
            lambda mentor, key: mentor.unit == key,
            lambda mentee, key: mentee.unit == key,
        ),
        programmes=supply(
            content.programmes,
            lambda mentor, key: key in mentor.programmes,
            lambda mentee, key: mentee.wishes.programme == key,
        ),
        waiting=None if waiting is None else len(waiting),
    )


def _completeness(programme_id: str, programme: Programme) -> Completeness:
    empty = programme.empty_topics()
    filled = [topic for topic in Programme.planning_topics() if topic not in empty]
    return Completeness(programme_id, filled, empty, list(against_advice(programme)))


def summary(report: Report, content: Content) -> list[str]:
    """What `mentorsite check` says of planning and profiles, a line each."""
    plans = []
    for row in report.completeness:
        name = content.programmes[row.programme].name
        if row.empty:
            plan = f"{name} {len(row.filled)} of {row.total} topics (empty: {', '.join(row.empty)})"
        else:
            plan = f"{name} complete"
        if row.against_advice:
            topics = ", ".join(row.against_advice)
            plan += f", {len(row.against_advice)} against the advice ({topics})"
        plans.append(plan)
    lines = [f"planning: {'; '.join(plans)}"] if plans else []
    review = content.organisation.profile_review_months
    if report.stale:
        names = ", ".join(
            f"{content.mentors[m].name} ({content.mentors[m].reviewed.isoformat()})"
            for m in report.stale
        )
        lines.append(
            f"profiles: {len(report.stale)} of {len(content.mentors)} not confirmed within "
            f"{review} months: {names}"
        )
    elif content.mentors:
        lines.append(f"profiles: all {len(content.mentors)} confirmed within {review} months")
    return lines
