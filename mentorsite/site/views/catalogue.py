"""The mentor catalogue: one page with every card, filters and search, and a page for each
value of each facet, for browsing without JavaScript."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from mentorsite.model import FACET_FOLDERS
from mentorsite.site.markup import mailto
from mentorsite.site.page import Page, TermView
from mentorsite.site.views.profiles import CARD_ATTRIBUTES, MentorView

if TYPE_CHECKING:
    from mentorsite.site.index import SiteIndex


# Values a facet's group shows before its "show all".
FIRST_VALUES = 5


@dataclass(frozen=True)
class FacetValue:
    """A value of a facet as the filters show it: its count, and its depth in a tree."""

    term: TermView
    count: int  # mentors with it; for a unit, those of its sub-units included
    depth: int = 0
    own: int = 0  # for a unit: the mentors of the unit itself


@dataclass(frozen=True)
class Facet:
    """One way to narrow the catalogue: its values, each with how many mentors have it."""

    key: str  # the name of the URL parameter and of the form's field
    attribute: str  # the cards' data attribute: short, as it stands on every card
    label: str
    values: list[tuple[TermView, int]]
    browsable: bool  # whether its values have pages of their own
    hint: str = ""  # what a count means, where it is not plain
    shown: list[FacetValue] = field(default_factory=list)  # the values, as the filters list them

    @property
    def first(self) -> list[FacetValue]:
        """The values shown before "show all"; all of them if only one or two more."""
        if len(self.shown) <= FIRST_VALUES + 2:
            return self.shown
        return self.shown[:FIRST_VALUES]

    @property
    def rest(self) -> list[FacetValue]:
        return self.shown[len(self.first) :]


def facets(index: SiteIndex) -> list[Facet]:
    """Each facet with the values some mentor has, in the taxonomy's order, and counts."""
    mentors = index.mentors
    found = []
    for kind, key in FACET_FOLDERS.items():
        counts = _counts(m.filters[key].split() for m in mentors)
        values = [
            (index.term(kind, term.id), counts[term.id])
            for term in getattr(index.content.taxonomy, key)
            if term.id in counts
        ]
        if key == "units":
            found.append(_unit_facet(index, values))
        else:
            found.append(_facet(index, key, values, browsable=True))
    counts = _counts(m.programme_ids for m in mentors)
    links = {pid: index.link("programme", pid) for pid in index.content.programmes}
    programmes = [
        (TermView(pid, link.label, None, link.url), counts[pid])
        for pid, link in links.items()
        if pid in counts
    ]
    found.append(_facet(index, "programmes", programmes, browsable=False))
    return found


def _facet(
    index: SiteIndex, key: str, values: list[tuple[TermView, int]], *, browsable: bool
) -> Facet:
    label = index.t(f"catalogue.facets.{key}")
    shown = [FacetValue(term, count) for term, count in values]
    return Facet(key, CARD_ATTRIBUTES[key], label, values, browsable, shown=shown)


def _unit_facet(index: SiteIndex, values: list[tuple[TermView, int]]) -> Facet:
    """The units as a tree: each unit's count takes in its sub-units, as its filter does,
    and the count of the unit itself stands beside it where the two differ."""
    counts = {term.id: count for term, count in values}
    own = _counts([m.unit.id] for m in index.mentors)
    shown = [
        FacetValue(term, counts[term.id], depth, own.get(term.id, 0))
        for term, depth in unit_tree(index)
        if term.id in counts
    ]
    return Facet(
        "units",
        CARD_ATTRIBUTES["units"],
        index.t("finder.units"),
        values,
        True,
        hint=index.t("finder.units_hint"),
        shown=shown,
    )


def _counts(groups: Iterable[Iterable[str]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for values in groups:
        for value in values:
            counts[value] = counts.get(value, 0) + 1
    return counts


def unit_tree(index: SiteIndex) -> list[tuple[TermView, int]]:
    """The units in tree order, each with its depth, for choosing one's own unit."""
    units = index.content.taxonomy.units
    known = index.content.terms["unit"]
    children: dict[str | None, list[str]] = {}
    for unit in units:
        children.setdefault(unit.parent if unit.parent in known else None, []).append(unit.id)
    tree: list[tuple[TermView, int]] = []

    def walk(parent: str | None, depth: int) -> None:
        for unit_id in children.get(parent, []):
            tree.append((index.term("unit", unit_id), depth))
            walk(unit_id, depth + 1)

    walk(None, 0)
    return tree


def pages(index: SiteIndex) -> list[Page]:
    """The catalogue, and a page for each value of each taxonomy facet.

    Neither is searched: the profiles are, and a card's words would only stand in the
    index a second time.
    """
    routes, t = index.routes, index.t
    all_facets = facets(index)
    interest = index.content.organisation.interest
    catalogue = Page(
        routes.page("catalogue"),
        "catalogue.html.j2",
        t("nav.mentors"),
        {
            "mentors": index.mentors,
            "facets": all_facets,
            "browse": [facet for facet in all_facets if facet.browsable],
            "units": unit_tree(index),
            # The shortlist's script adds the subject and the body to this link.
            "interest_mailto": mailto(interest.email) if interest.email else None,
            "interest_form": interest.url,
            "coordinator": index.content.organisation.coordinator,
            "csv_url": routes.asset("mentors_csv"),
            "json_url": routes.asset("mentors_json"),
        },
        searchable=False,
        hide=("toc",),
        depends_on=index.every_mentor,
    )
    return [catalogue, *facet_pages(index, all_facets)]


def facet_pages(index: SiteIndex, all_facets: list[Facet]) -> list[Page]:
    """A page for each value of each taxonomy facet, listing the mentors who have it."""
    routes = index.routes
    catalogue_url = routes.page("catalogue").url
    members: dict[tuple[str, str], list[MentorView]] = {}
    for mentor in index.mentors:
        for key, values in mentor.filters.items():
            for value in values.split():
                members.setdefault((key, value), []).append(mentor)
    found = []
    for facet in all_facets:
        if not facet.browsable:
            continue
        for value in facet.shown:
            term = value.term
            listed = members.get((facet.key, term.id), [])
            context = {
                "facet": facet,
                "term": term,
                "intro": _facet_intro(index, facet, value, len(listed)),
                "mentors": listed,
                "others": [(other, n) for other, n in facet.values if other.id != term.id],
                "filter_url": f"{catalogue_url}?{facet.key}={term.id}",
                "catalogue_url": catalogue_url,
            }
            found.append(
                Page(
                    routes.page("facet", folder=facet.key, id=term.id),
                    "facet.html.j2",
                    term.name,
                    context,
                    in_nav=False,
                    searchable=False,
                    depends_on=index.every_mentor,
                )
            )
    return found


def _facet_intro(index: SiteIndex, facet: Facet, value: FacetValue, count: int) -> str:
    """What the page of a value lists; a unit's says whether its sub-units are counted."""
    t, name = index.t, value.term.name
    if facet.key == "units" and value.own != count:
        if value.own == 0:
            return t("finder.unit_intro_below", name=name, count=count)
        return t("finder.unit_intro_with_below", name=name, count=count, own=value.own)
    return t(f"facet.intro.{facet.key}", name=name, count=count)
