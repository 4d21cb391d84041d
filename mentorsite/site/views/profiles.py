"""Mentors: the view of each mentor, and the profile pages."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from markupsafe import Markup

from mentorsite.i18n.text import sort_key
from mentorsite.model import Mentor, Term
from mentorsite.site.markup import MarkdownFields, mailto
from mentorsite.site.page import Link, Page, TermView

if TYPE_CHECKING:
    from mentorsite.site.index import SiteIndex

# Each facet's data attribute on the catalogue's cards. Short, because with thousands of
# cards every byte counts; the form's fieldsets say which attribute belongs to which facet.
CARD_ATTRIBUTES = {
    "qualifications": "q",
    "models": "m",
    "units": "u",
    "locations": "l",
    "languages": "lang",
    "programmes": "p",
}


@dataclass(frozen=True)
class Availability:
    state: str  # "free", "later" or "full"
    free: int
    text: str


@dataclass(frozen=True)
class MentorView:
    id: str
    url: str
    name: str
    title: str
    photo: str  # the profile's image: the photo, or the initials drawn
    thumbnail: str  # the card's
    has_photo: bool
    unit: TermView
    units: list[TermView]  # the unit and the units above it, top first
    location: TermView | None
    level: Term | None
    languages: list[TermView]
    qualifications: list[TermView]
    models: list[TermView]
    programmes: list[Link]
    programme_ids: list[str]
    availability: Availability
    capacity: int
    mentees: int
    available_from: date | None
    email: str | None
    email_url: str | None
    phone: str | None
    reviewed: str | None  # in words
    reviewed_on: date | None
    stale: bool
    bio_source: str  # the Markdown as written
    markdown: MarkdownFields = field(repr=False, compare=False)  # the site's dialect
    interest: str
    filters: dict[str, str]  # each facet's values, by the facet's key

    @property
    def bio(self) -> Markup:
        """The bio as sanitised HTML, made when a page shows it: a build of thousands of
        mentors need not hold every bio's HTML while it writes the pages one by one."""
        return self.markdown(self.bio_source)

    @property
    def position(self) -> str:
        """The title and the unit, the unit left out where the title already names it
        ("Teamleder, Kundeservice" in Kundeservice)."""
        if self.unit.name.casefold() in self.title.casefold():
            return self.title
        return f"{self.title}, {self.unit.name}"

    @property
    def card_data(self) -> list[tuple[str, str]]:
        """The card's data attributes: each facet's short name and the mentor's values."""
        return [(CARD_ATTRIBUTES[key], values) for key, values in self.filters.items()]


def mentor_views(index: SiteIndex) -> list[MentorView]:
    """Every mentor, those with free places first, then by name."""
    reused = index.reused_mentors
    views = [reused.get(i) or mentor_view(index, i, m) for i, m in index.content.mentors.items()]
    order = {"free": 0, "later": 1, "full": 2}
    return sorted(views, key=lambda m: (order[m.availability.state], sort_key(m.name)))


def mentor_view(index: SiteIndex, mentor_id: str, mentor: Mentor) -> MentorView:
    content, t, routes = index.content, index.t, index.routes
    shown = {name: name not in index.hidden for name in Mentor.model_fields}
    units = unit_chain(index, mentor.unit)
    location = index.term("location", mentor.location) if shown["location"] else None
    if mentor.photo:
        photo = routes.asset("photo", id=mentor_id)
        thumbnail = routes.asset("card_photo", id=mentor_id)
    else:
        photo = thumbnail = routes.asset("initials", id=mentor_id)
    stale = shown["reviewed"] and mentor.is_stale(
        content.organisation.profile_review_months, index.today
    )
    return MentorView(
        id=mentor_id,
        url=routes.item("mentor", mentor_id).url,
        name=mentor.name,
        title=mentor.title,
        photo=photo,
        thumbnail=thumbnail,
        has_photo=bool(mentor.photo),
        unit=units[-1],
        units=units,
        location=location,
        level=content.term("level", mentor.level) if shown["level"] else None,
        languages=[index.term("language", x) for x in mentor.languages],
        qualifications=[index.term("qualification", x) for x in mentor.qualifications],
        models=[index.term("model", x) for x in mentor.models],
        programmes=[index.link("programme", p) for p in mentor.programmes],
        programme_ids=list(mentor.programmes),
        availability=availability(index, mentor),
        capacity=mentor.capacity,
        mentees=mentor.mentees,
        available_from=mentor.available_from,
        email=mentor.email if shown["email"] else None,
        email_url=mailto(mentor.email) if shown["email"] and mentor.email else None,
        phone=mentor.phone if shown["phone"] else None,
        reviewed=t.date(mentor.reviewed) if shown["reviewed"] else None,
        reviewed_on=mentor.reviewed if shown["reviewed"] else None,
        stale=stale,
        markdown=index.markdown,
        bio_source=mentor.bio,
        interest=interest_url(index, mentor.name),
        filters={
            "qualifications": " ".join(mentor.qualifications),
            "models": " ".join(mentor.models),
            "units": " ".join(u.id for u in units),
            "locations": location.id if location else "",
            "languages": " ".join(mentor.languages),
            "programmes": " ".join(mentor.programmes),
        },
    )


def availability(index: SiteIndex, mentor: Mentor) -> Availability:
    t = index.t
    if not mentor.is_available(index.today):
        assert mentor.available_from is not None
        return Availability(
            "later", 0, t("mentor.available_from", date=t.date(mentor.available_from))
        )
    free = mentor.free_places(index.today)
    if free:
        return Availability("free", free, t("mentor.free_places", count=free))
    return Availability("full", 0, t("mentor.full"))


def unit_chain(index: SiteIndex, unit_id: str) -> list[TermView]:
    """The unit and the units above it, top first."""
    chain: list[TermView] = []
    current: str | None = unit_id
    while current is not None and current not in [u.id for u in chain]:
        chain.insert(0, index.term("unit", current))
        current = index.content.terms["unit"][current].parent  # type: ignore[attr-defined]
    return chain


def interest_url(index: SiteIndex, mentor_name: str) -> str:
    interest = index.content.organisation.interest
    if interest.url:
        return interest.url
    subject = index.t("mentor.interest_subject", name=mentor_name)
    return mailto(interest.email or "", subject)


def pages(index: SiteIndex) -> list[Page]:
    """A profile page for each mentor, outside the navigation: the catalogue is its index."""
    content = index.content
    return [
        Page(
            index.routes.item("mentor", mentor.id),
            "profile.html.j2",
            mentor.name,
            {"mentor": mentor},
            source=content.source("mentor", mentor.id),
            in_nav=False,
            depends_on=frozenset({("mentor", mentor.id)}),
            search_template="profile_search.html.j2",
        )
        for mentor in index.mentors
    ]


def initials(name: str) -> str:
    words = [w for w in name.replace("-", " ").split() if w[:1].isalpha()]
    if not words:
        return "?"
    letters = words[0][0] + (words[-1][0] if len(words) > 1 else "")
    return letters.upper()
