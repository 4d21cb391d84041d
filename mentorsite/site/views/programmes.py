"""Programmes: the list, and each programme's handbook with every planning topic."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from markupsafe import Markup

from mentorsite.model import Contact, Programme, Term
from mentorsite.site.markup import mailto
from mentorsite.site.page import Link, Page
from mentorsite.site.views.roles import ChecklistView, checklists
from mentorsite.site.views.rules import RuleView, binds

if TYPE_CHECKING:
    from mentorsite.site.index import SiteIndex

# The handbook's sections, in the order a reader needs them. Each is a Markdown topic of
# the programme, or one of the sections the template draws from other fields.
SECTIONS = (
    "goal",
    "target_group",
    "size",
    "selection",
    "matching",
    "mentor_source",
    "structure",
    "meetings",
    "agreement",
    "top_management",
    "training",
    "materials",
    "evaluation",
    "networks",
)
_DRAWN = {"mentor_source", "meetings", "materials"}


@dataclass(frozen=True)
class ContactView:
    """A support contact of a programme, with the link that writes to them."""

    name: str
    role: str | None
    email: str
    email_url: str
    phone: str | None

    @classmethod
    def of(cls, contact: Contact) -> ContactView:
        return cls(contact.name, contact.role, contact.email, mailto(contact.email), contact.phone)


@dataclass(frozen=True)
class Section:
    """A section of the handbook: a topic's text, or `kind` names what the template draws."""

    kind: str  # "topic", "mentor_source", "meetings" or "materials"
    title: str
    text: Markup | None = None


@dataclass(frozen=True)
class ProgrammeView:
    id: str
    url: str
    name: str
    summary: str
    status: str
    status_name: str
    models: list[Term]
    sections: list[Section]
    mentor_source: str | None
    rhythm: str | None
    meeting_format: str | None
    start: str | None
    materials: list[Link]
    support: list[ContactView]
    apply_deadline: str | None
    apply_url: str | None
    apply_text: str | None
    closed: str | None  # why the programme takes no applications, in words; None while open
    next_round: ContactView | None  # whom to ask about the next round, once closed
    rules: list[RuleView]
    checklists: list[ChecklistView]
    mentors: list[Link]
    incomplete: list[str]  # the planning topics still empty, in words; HR's edition only


def programme_views(index: SiteIndex) -> list[ProgrammeView]:
    return [programme_view(index, i, p) for i, p in index.content.programmes.items()]


def programme_view(index: SiteIndex, programme_id: str, programme: Programme) -> ProgrammeView:
    content, t = index.content, index.t
    meetings = programme.meetings
    rhythm = None
    if meetings or programme.duration_months:
        rhythm = t.rhythm(
            meetings.every_weeks if meetings else None,
            meetings.minutes if meetings else None,
            programme.duration_months,
        )
    apply = programme.apply
    source = (
        t(f"programme.mentor_sources.{programme.mentor_source}")
        if programme.mentor_source
        else None
    )
    meeting_format = meetings.format if meetings else None
    closed = closed_for_applications(index, programme)
    links = materials(index, programme_id, programme)
    drawn = {"mentor_source": source, "meetings": rhythm or meeting_format, "materials": links}
    return ProgrammeView(
        id=programme_id,
        url=index.routes.item("programme", programme_id).url,
        name=programme.name,
        summary=programme.summary,
        status=programme.status,
        status_name=t(f"programme.statuses.{programme.status}"),
        models=[content.term("model", m) for m in programme.models],
        sections=sections(index, programme, drawn),
        mentor_source=source,
        rhythm=rhythm,
        meeting_format=meeting_format,
        start=t.date(programme.start) if programme.start else None,
        materials=links,
        support=[ContactView.of(person) for person in programme.support or []],
        apply_deadline=t.date(apply.deadline) if apply and apply.deadline else None,
        apply_url=None if closed else apply_url(index, programme),
        apply_text=apply.text if apply else None,
        closed=closed,
        next_round=ContactView.of(index.content.organisation.coordinator) if closed else None,
        rules=[view for i, view in index.rules.items() if binds(index, i, programme_id)],
        checklists=checklists(index, programme_id),
        mentors=[Link(m.name, m.url) for m in index.mentors if programme_id in m.programme_ids],
        incomplete=(
            [t(f"programme.topics.{name}") for name in programme.empty_topics()]
            if index.edition == "hr"
            else []
        ),
    )


def sections(index: SiteIndex, programme: Programme, drawn: dict[str, object]) -> list[Section]:
    """The sections with something to show, in the handbook's order."""
    found = []
    for name in SECTIONS:
        title = index.t(f"programme.topics.{name}") if name != "mentor_source" else ""
        if name in _DRAWN:
            if drawn[name]:
                found.append(Section(name, title))
        elif getattr(programme, name):
            found.append(Section("topic", title, index.markdown(getattr(programme, name))))
    return found


def materials(index: SiteIndex, programme_id: str, programme: Programme) -> list[Link]:
    """Each material: a web address, or a file under content/ published with the site."""
    from mentorsite.site.assets import material_path

    found = []
    for material in programme.materials or []:
        if material.url:
            found.append(Link(material.title, material.url))
        else:
            path = material_path(index, programme_id, material.file or "")
            found.append(Link(material.title, index.routes.file_url(path)))
    return found


def closed_for_applications(index: SiteIndex, programme: Programme) -> str | None:
    """Why the programme invites no application (closed, or its deadline has passed), or None."""
    if programme.status == "closed":
        return index.t("programme.applications.closed")
    deadline = programme.apply.deadline if programme.apply else None
    if deadline is not None and deadline < index.today:
        return index.t("programme.applications.deadline_passed", date=index.t.date(deadline))
    return None


def apply_url(index: SiteIndex, programme: Programme) -> str | None:
    apply = programme.apply
    if apply and apply.url:
        return apply.url
    if apply and apply.email:
        return mailto(apply.email, index.t("programme.apply_subject", name=programme.name))
    return None


def pages(index: SiteIndex) -> list[Page]:
    routes, t = index.routes, index.t
    programmes = index.programmes
    found = [
        Page(
            routes.page("programmes"),
            "programmes.html.j2",
            t("nav.programmes"),
            {"programmes": programmes},
        )
    ]
    found += [
        Page(
            routes.item("programme", p.id),
            "programme.html.j2",
            p.name,
            {"programme": p},
            source=index.content.source("programme", p.id),
        )
        for p in programmes
    ]
    return found
