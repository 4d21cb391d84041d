"""Which pages the site has, and the ready-made data each page's template receives.

Templates only present: every name is looked up, every date is in words and
every Markdown field is rendered and sanitised here. The edition is applied here
too, in one place: in the staff edition an HR-only field is never put into a view,
so no template can publish it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

from markupsafe import Markup

from mentorsite.content import Content, build_date
from mentorsite.history.changes import Change, by_commit, list_changes
from mentorsite.history.git import History
from mentorsite.i18n.strings import Strings
from mentorsite.model import (
    FACET_FOLDERS,
    RESPONSIBILITIES,
    Activity,
    Contact,
    Mentor,
    PairsFile,
    Programme,
    Role,
    Rule,
    Term,
)
from mentorsite.model.reference import FILES, FieldDoc, field_reference
from mentorsite.pairing.rules import in_words
from mentorsite.photos import AVATAR_COLOURS, initials_avatar
from mentorsite.report import Supply, hr_report
from mentorsite.site.exports import mentors_csv, mentors_json
from mentorsite.site.markup import mailto, render_markdown

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


class Edition(StrEnum):
    STAFF = "staff"
    HR = "hr"


@dataclass(frozen=True)
class Link:
    label: str
    url: str  # from the site's root, e.g. "mentors/anna-jensen/"


@dataclass(frozen=True)
class Page:
    """One generated page: where it goes, which template renders it, with what."""

    path: str  # the Markdown source path MkDocs sees, e.g. "mentors/anna-jensen.md"
    url: str
    template: str
    title: str
    context: dict[str, Any]
    source: Path | None = None  # the YAML file behind the page, for its edit link
    in_nav: bool = True
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Asset:
    """A file published with the site: a material, a size of a photo, a drawn avatar."""

    path: str
    source: Path | None = None
    photo_size: str | None = None  # a key of photos.SIZES: the photo is resized, not copied
    text: str | bytes | None = None  # made here rather than read from a file


@dataclass
class Site:
    pages: list[Page]
    assets: list[Asset]
    nav: list[Any]  # in the form of mkdocs.yml's `nav:`


def page_url(path: str, directory_urls: bool = True) -> str:
    """The URL MkDocs gives a Markdown source path, from the site's root."""
    stem = path[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return f"{stem}/" if directory_urls else f"{stem}.html"


def relative_url(base: str, target: str) -> str:
    """A link from the page at URL `base` to `target`, both from the site's root.

    Called for every link of every page, so it compares path segments directly rather
    than through posixpath.relpath, which is several times slower.
    """
    folders = base.split("/")[:-1]  # "a/b/" and "a/b.html" both lie in a/b/ and a/
    parts = target.split("/")
    common = 0
    while common < len(folders) and common < len(parts) - 1 and folders[common] == parts[common]:
        common += 1
    return "../" * (len(folders) - common) + "/".join(parts[common:]) or "./"


# -- views ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class TermView:
    """A value of the taxonomy, with the catalogue page that lists its mentors."""

    id: str
    name: str
    description: str | None
    url: str


@dataclass
class Facet:
    """One way to narrow the catalogue: its values, each with how many mentors have it."""

    key: str  # the name of the URL parameter and of the form's field
    attribute: str  # the cards' data attribute: short, as it stands on every card
    label: str
    values: list[tuple[TermView, int]]


@dataclass(frozen=True)
class ItemView:
    text: str
    rule: Link | None
    key: str  # stable while the item's phase and text are: where its tick is kept


@dataclass(frozen=True)
class ActivityView:
    """A row of the responsibility matrix."""

    id: str
    name: str
    rules: list[Link]
    anchor: str  # its row on the roles overview, from the site's root

    @property
    def row_id(self) -> str:
        return self.anchor.rpartition("#")[2]


@dataclass(frozen=True)
class MatrixRow:
    activity: ActivityView
    cells: list[tuple[str, str]]  # per role, in the roles' order: (responsibility, words)


@dataclass(frozen=True)
class PhaseView:
    phase: Term
    items: list[ItemView]


@dataclass(frozen=True)
class Availability:
    state: str  # "free", "later" or "full"
    free: int
    text: str


@dataclass
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
    bio: Markup
    bio_source: str  # the Markdown as written
    interest: str
    filters: dict[str, str]


@dataclass(frozen=True)
class ChangedItem:
    """One item as one commit changed it: what it is, where it is now, what changed."""

    kind: str  # in words
    title: str
    link: Link | None  # None once the item is gone
    sentences: tuple[str, ...]


@dataclass(frozen=True)
class CommitView:
    day: str  # in words
    subject: str
    short: str  # the commit's abbreviated id
    items: list[ChangedItem]


@dataclass
class RuleView:
    id: str
    url: str
    title: str
    kind: str
    kind_name: str
    effective: str
    in_force: bool
    roles: list[Link]
    programmes: list[Link]  # empty: every programme
    text: Markup
    check: str | None
    cited_by: list[tuple[Link, str]]
    history: list[CommitView] = field(default_factory=list)  # newest first


@dataclass
class RoleView:
    id: str
    url: str
    name: str
    summary: str
    description: Markup
    phases: list[PhaseView]
    # What the role owns, takes part in, is informed of: (heading, activities), in that order.
    responsibilities: list[tuple[str, list[ActivityView]]]
    boundaries: list[ActivityView]  # what the role never does
    checklists: list[Link] = field(default_factory=list)  # its checklist in each programme
    changes: str | None = None  # what changed for the role, when the site lists changes


@dataclass(frozen=True)
class ChecklistView:
    """A role's checklist in one programme: the page to tick off and print."""

    programme: Link
    role: RoleView
    phases: list[PhaseView]
    key: str  # where the ticks are kept in the browser: "<programme>/<role>"
    url: str

    @property
    def count(self) -> int:
        return sum(len(phase.items) for phase in self.phases)


@dataclass(frozen=True)
class Chart:
    """A bar chart drawn at build time; its numbers also stand in a table beside it."""

    id: str
    title: str
    series: list[str]  # what each bar of a row shows
    rows: list[tuple[str, list[int]]]

    @property
    def maximum(self) -> int:
        return max([value for _, values in self.rows for value in values] + [1])


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
    rows: list[SupplyRow]
    chart: Chart


@dataclass(frozen=True)
class PlanningRow:
    programme: Link
    filled: int
    total: int
    empty: list[str]  # the topics still empty, in words


@dataclass(frozen=True)
class FieldView:
    """A field of a kind of file, as HR's guide explains it."""

    name: str
    depth: int
    required: bool
    value: str  # the values it takes, in words
    help: str


@dataclass(frozen=True)
class FileReference:
    kind: str
    title: str
    where: str
    fields: list[FieldView]


@dataclass
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


@dataclass
class ProgrammeView:
    id: str
    url: str
    name: str
    summary: str
    status: str
    status_name: str
    models: list[Term]
    topics: dict[str, Markup]
    mentor_source: str | None
    rhythm: str | None
    meeting_format: str | None
    start: str | None
    materials: list[Link]
    support: list[ContactView]
    apply_deadline: str | None
    apply_url: str | None
    apply_text: str | None
    rules: list[RuleView]
    checklists: list[ChecklistView]
    mentors: list[Link]
    empty_topics: list[str]


# -- planning -------------------------------------------------------------------------------


class _Planner:
    def __init__(
        self,
        content: Content,
        strings: Strings,
        edition: Edition,
        today: date,
        directory_urls: bool,
        history: History | None,
        pairs: PairsFile | None,
    ) -> None:
        self.content = content
        self.history = history
        self.pairs = pairs
        self.t = strings
        self.edition = edition
        self.today = today
        self.directory_urls = directory_urls
        self.hidden = set() if edition is Edition.HR else set(content.organisation.hr_only)
        self.assets: list[Asset] = []
        self._terms: dict[tuple[str, str], TermView] = {}
        self.activities: dict[str, ActivityView] = {}

    def url(self, path: str) -> str:
        return page_url(path, self.directory_urls)

    def link(self, kind: str, item_id: str) -> Link:
        folder = {"programme": "programmes", "mentor": "mentors", "role": "roles", "rule": "rules"}[
            kind
        ]
        item = getattr(self.content, folder)[item_id]
        label = getattr(item, "name", None) or item.title
        return Link(label, self.url(f"{folder}/{item_id}.md"))

    # -- mentors

    def mentor(self, mentor_id: str, mentor: Mentor) -> MentorView:
        c = self.content
        shown = {name: name not in self.hidden for name in Mentor.model_fields}
        units = self.unit_chain(mentor.unit)
        free = mentor.free_places(self.today)
        if not mentor.is_available(self.today):
            assert mentor.available_from is not None
            availability = Availability(
                "later", 0, self.t("mentor.available_from", date=self.t.date(mentor.available_from))
            )
        elif free:
            availability = Availability("free", free, self.t("mentor.free_places", count=free))
        else:
            availability = Availability("full", 0, self.t("mentor.full"))
        # Images stand in the profile's own folder: short links, and no name to reserve.
        if mentor.photo:
            source = (c.source("mentor", mentor_id).parent / mentor.photo).resolve()
            photo = f"mentors/{mentor_id}/photo.jpg"
            thumbnail = f"mentors/{mentor_id}/card.jpg"
            self.assets.append(Asset(photo, source, photo_size="profile"))
            self.assets.append(Asset(thumbnail, source, photo_size="card"))
        else:
            photo = thumbnail = f"mentors/{mentor_id}/initials.svg"
            hue = int(hashlib.sha1(mentor_id.encode()).hexdigest(), 16) % len(AVATAR_COLOURS)
            self.assets.append(Asset(photo, text=initials_avatar(initials(mentor.name), hue)))
        programmes = [self.link("programme", p) for p in mentor.programmes]
        stale = shown["reviewed"] and mentor.is_stale(
            c.organisation.profile_review_months, self.today
        )
        view = MentorView(
            id=mentor_id,
            url=self.url(f"mentors/{mentor_id}.md"),
            name=mentor.name,
            title=mentor.title,
            photo=photo,
            thumbnail=thumbnail,
            has_photo=bool(mentor.photo),
            unit=units[-1],
            units=units,
            location=self.term("location", mentor.location) if shown["location"] else None,
            level=c.term("level", mentor.level) if shown["level"] else None,
            languages=[self.term("language", x) for x in mentor.languages],
            qualifications=[self.term("qualification", x) for x in mentor.qualifications],
            models=[self.term("model", x) for x in mentor.models],
            programmes=programmes,
            programme_ids=list(mentor.programmes),
            availability=availability,
            capacity=mentor.capacity,
            mentees=mentor.mentees,
            available_from=mentor.available_from,
            email=mentor.email if shown["email"] else None,
            email_url=mailto(mentor.email) if shown["email"] and mentor.email else None,
            phone=mentor.phone if shown["phone"] else None,
            reviewed=self.t.date(mentor.reviewed) if shown["reviewed"] else None,
            reviewed_on=mentor.reviewed if shown["reviewed"] else None,
            stale=stale,
            bio=render_markdown(mentor.bio),
            bio_source=mentor.bio,
            interest=self.interest_url(mentor.name),
            filters={},
        )
        view.filters = {
            "qualifications": " ".join(mentor.qualifications),
            "models": " ".join(mentor.models),
            "units": " ".join(u.id for u in units),
            "locations": view.location.id if view.location else "",
            "languages": " ".join(mentor.languages),
            "programmes": " ".join(mentor.programmes),
        }
        return view

    def term(self, kind: str, term_id: str) -> TermView:
        """A taxonomy value with the URL of its catalogue page; made once per value."""
        key = (kind, term_id)
        if key not in self._terms:
            term = self.content.term(kind, term_id)
            folder = FACET_FOLDERS[kind]
            self._terms[key] = TermView(
                term.id,
                term.name,
                getattr(term, "description", None),
                self.url(f"mentors/{folder}/{term.id}.md"),
            )
        return self._terms[key]

    def unit_chain(self, unit_id: str) -> list[TermView]:
        chain: list[TermView] = []
        current: str | None = unit_id
        while current is not None and current not in [u.id for u in chain]:
            chain.insert(0, self.term("unit", current))
            current = self.content.terms["unit"][current].parent  # type: ignore[attr-defined]
        return chain

    def interest_url(self, mentor_name: str) -> str:
        interest = self.content.organisation.interest
        if interest.url:
            return interest.url
        subject = self.t("mentor.interest_subject", name=mentor_name)
        return mailto(interest.email or "", subject)

    # -- rules and roles

    def rule(self, rule_id: str, rule: Rule) -> RuleView:
        in_force = rule.effective <= self.today
        effective = self.t.date(rule.effective)
        cited_by = [
            (self.link("role", role_id), item.text)
            for role_id, role in self.content.roles.items()
            for items in role.does.values()
            for item in items
            if item.rule == rule_id
        ]
        cited_by += [
            (Link(self.t("roles.matrix"), self.activities[activity.id].anchor), activity.name)
            for activity in self.content.activities
            if rule_id in activity.rules
        ]
        return RuleView(
            id=rule_id,
            url=self.url(f"rules/{rule_id}.md"),
            title=rule.title,
            kind=rule.kind,
            kind_name=self.t(f"rule.kinds.{rule.kind}"),
            effective=self.t(
                "rule.in_force_since" if in_force else "rule.takes_effect", date=effective
            ),
            in_force=in_force,
            roles=[self.link("role", r) for r in rule.applies_to],
            programmes=[self.link("programme", p) for p in rule.programmes],
            text=render_markdown(rule.text),
            check=in_words(rule.check, self.t) if rule.check else None,
            cited_by=cited_by,
        )

    def phases(self, role: Role, programme_id: str | None = None) -> list[PhaseView]:
        """The role's checklist by phase, in the taxonomy's order of phases.

        Each item's key comes from its phase and text, so that a tick stays on its item
        when others are added, removed or moved; and goes when the item itself changes.
        """
        phases = []
        keys: set[str] = set()
        for phase in self.content.taxonomy.phases:
            items = []
            for item in role.does.get(phase.id, []):
                key = hashlib.sha1(f"{phase.id}\n{item.text}".encode()).hexdigest()[:10]
                while key in keys:  # the same line twice in a phase
                    key += "x"
                keys.add(key)
                if programme_id is None or self.rule_binds(item.rule, programme_id):
                    rule = self.link("rule", item.rule) if item.rule else None
                    items.append(ItemView(item.text, rule, key))
            if items:
                phases.append(PhaseView(phase, items))
        return phases

    def rule_binds(self, rule_id: str | None, programme_id: str) -> bool:
        if rule_id is None:
            return True
        programmes = self.content.rules[rule_id].programmes
        return not programmes or programme_id in programmes

    def activity(self, activity: Activity) -> ActivityView:
        return ActivityView(
            activity.id,
            activity.name,
            [self.link("rule", r) for r in activity.rules],
            f"{self.url('roles/index.md')}#activity-{activity.id}",
        )

    def role(self, role_id: str, role: Role) -> RoleView:
        parts: dict[str, list[ActivityView]] = {part: [] for part in RESPONSIBILITIES}
        for activity in self.content.activities:
            part = activity.roles.get(role_id)
            if part is not None:
                parts[part].append(self.activities[activity.id])
        return RoleView(
            id=role_id,
            url=self.url(f"roles/{role_id}.md"),
            name=role.name,
            summary=role.summary,
            description=render_markdown(role.description),
            phases=self.phases(role),
            responsibilities=[
                (self.t(f"role.parts.{part}"), parts[part])
                for part in RESPONSIBILITIES
                if part != "never" and parts[part]
            ],
            boundaries=parts["never"],
        )

    def matrix(self, roles: dict[str, RoleView]) -> list[MatrixRow]:
        """Who does what: an activity a row, a role a column, each cell a part or empty."""
        return [
            MatrixRow(
                self.activities[activity.id],
                [
                    (
                        activity.roles.get(role_id, ""),
                        self.t(f"responsibility.{activity.roles[role_id]}")
                        if role_id in activity.roles
                        else "",
                    )
                    for role_id in roles
                ],
            )
            for activity in self.content.activities
        ]

    def checklists(self, programme_id: str, roles: dict[str, RoleView]) -> list[ChecklistView]:
        """Each role's checklist in a programme, with the items whose rules bind it."""
        programme = self.link("programme", programme_id)
        checklists = []
        for role_id, role in roles.items():
            phases = self.phases(self.content.roles[role_id], programme_id)
            if phases:
                path = f"programmes/{programme_id}/{role_id}.md"
                checklists.append(
                    ChecklistView(
                        programme, role, phases, f"{programme_id}/{role_id}", self.url(path)
                    )
                )
                role.checklists.append(Link(programme.label, self.url(path)))
        return checklists

    # -- history

    def history_note(self) -> str | None:
        """Why the history is missing or cut short, in the site's language; None if whole."""
        if self.history is None or (self.history.available and not self.history.shallow):
            return None
        return self.t(f"history.status.{self.history.status}")

    def commits(self, changes: list[Change]) -> list[CommitView]:
        """Changes under their commits, newest first, each item linked to where it is now."""
        return [
            CommitView(
                self.t.date(commit.day),
                commit.subject,
                commit.short,
                [self.changed_item(change) for change in group],
            )
            for commit, group in by_commit(changes)
        ]

    def changed_item(self, change: Change) -> ChangedItem:
        folders = {"rule": "rules", "role": "roles", "programme": "programmes"}
        if change.kind in folders:
            exists = change.id in getattr(self.content, folders[change.kind])
            link = self.link(change.kind, change.id) if exists else None
        else:  # the responsibility matrix, on the roles overview
            link = Link(self.t("roles.matrix"), self.url("roles/index.md"))
        title = link.label if link else change.title
        return ChangedItem(self.t(f"changes.kinds.{change.kind}"), title, link, change.sentences)

    def change_pages(self, roles: dict[str, RoleView], changes: list[Change]) -> list[Page]:
        """/changes/, and the same list for each role: what changed for line managers."""
        filters = [Link(self.t("history.every_role"), self.url("changes/index.md"))] + [
            Link(role.name, self.url(f"changes/{role_id}.md")) for role_id, role in roles.items()
        ]
        common = {"filters": filters, "note": self.history_note()}
        pages = [
            self.page(
                "changes/index.md",
                "changes.md.j2",
                self.t("nav.changes"),
                role=None,
                commits=self.commits(changes),
                **common,
            )
        ]
        for role_id, role in roles.items():
            mine = [part for change in changes if (part := change.for_role(role_id))]
            pages.append(
                self.page(
                    f"changes/{role_id}.md",
                    "changes.md.j2",
                    self.t("history.title_for", role=role.name),
                    in_nav=False,
                    role=role,
                    commits=self.commits(mine),
                    **common,
                )
            )
        return pages

    def page(
        self,
        path: str,
        template: str,
        title: str,
        source: Path | None = None,
        in_nav: bool = True,
        meta: dict[str, Any] | None = None,
        **context: Any,
    ) -> Page:
        """A generated page; every template also gets the organisation and the edition."""
        common = {"organisation": self.content.organisation, "edition": self.edition.value}
        return Page(
            path, self.url(path), template, title, common | context, source, in_nav, meta or {}
        )

    # -- programmes

    def programme(
        self,
        programme_id: str,
        programme: Programme,
        rules: dict[str, RuleView],
        roles: dict[str, RoleView],
        mentors: list[MentorView],
    ) -> ProgrammeView:
        c, t = self.content, self.t
        topics = {
            name: render_markdown(getattr(programme, name) or "")
            for name in Programme.markdown_fields()
        }
        meetings = programme.meetings
        rhythm = None
        if meetings or programme.duration_months:
            rhythm = t.rhythm(
                meetings.every_weeks if meetings else None,
                meetings.minutes if meetings else None,
                programme.duration_months,
            )
        materials = []
        for material in programme.materials or []:
            if material.url:
                materials.append(Link(material.title, material.url))
            else:
                assert material.file is not None
                source = (c.source("programme", programme_id).parent / material.file).resolve()
                path = "files/" + source.relative_to(c.paths.content).as_posix()
                self.assets.append(Asset(path, source))
                # A Markdown file is published as a page of its own, outside the navigation.
                url = self.url(path) if path.endswith(".md") else path
                materials.append(Link(material.title, url))
        apply = programme.apply
        apply_url = None
        if apply and apply.url:
            apply_url = apply.url
        elif apply and apply.email:
            subject = t("programme.apply_subject", name=programme.name)
            apply_url = mailto(apply.email, subject)
        return ProgrammeView(
            id=programme_id,
            url=self.url(f"programmes/{programme_id}.md"),
            name=programme.name,
            summary=programme.summary,
            status=programme.status,
            status_name=t(f"programme.statuses.{programme.status}"),
            models=[c.term("model", m) for m in programme.models],
            topics=topics,
            mentor_source=(
                t(f"programme.mentor_sources.{programme.mentor_source}")
                if programme.mentor_source
                else None
            ),
            rhythm=rhythm,
            meeting_format=meetings.format if meetings else None,
            start=t.date(programme.start) if programme.start else None,
            materials=materials,
            support=[ContactView.of(person) for person in programme.support or []],
            apply_deadline=t.date(apply.deadline) if apply and apply.deadline else None,
            apply_url=apply_url,
            apply_text=apply.text if apply else None,
            rules=[
                view for rule_id, view in rules.items() if self.rule_binds(rule_id, programme_id)
            ],
            checklists=self.checklists(programme_id, roles),
            mentors=[
                Link(m.name, m.url) for m in mentors if programme_id in c.mentors[m.id].programmes
            ],
            empty_topics=[t(f"programme.topics.{name}") for name in programme.empty_topics()],
        )

    # -- the site

    def plan(self) -> Site:
        c, t = self.content, self.t
        mentors = [self.mentor(i, m) for i, m in c.mentors.items()]
        mentors.sort(
            key=lambda m: (
                {"free": 0, "later": 1, "full": 2}[m.availability.state],
                sort_key(m.name),
            )
        )
        facets = self.facets(mentors, programmes=[self.link("programme", p) for p in c.programmes])
        self.activities = {a.id: self.activity(a) for a in c.activities}
        rules = {i: self.rule(i, r) for i, r in c.rules.items()}
        roles = {
            i: self.role(i, r)
            for i, r in sorted(
                c.roles.items(), key=lambda item: (item[1].order, sort_key(item[1].name))
            )
        }
        if self.history is not None:
            for role_id, view in roles.items():
                view.changes = self.url(f"changes/{role_id}.md")
        programmes = [self.programme(i, p, rules, roles, mentors) for i, p in c.programmes.items()]
        changes = []
        if self.history is not None and self.history.available:
            changes = list_changes(self.history, c, t)
        of_rule: dict[str, list[Change]] = {}
        for change in changes:
            if change.kind == "rule":
                of_rule.setdefault(change.id, []).append(change)
        for rule_id, view in rules.items():
            view.history = self.commits(of_rule.get(rule_id, []))
        page = self.page
        note = self.history_note()
        pages = [
            page(
                "index.md",
                "home.md.j2",
                c.organisation.name,
                programmes=programmes,
                roles=list(roles.values()),
                mentor_count=len(mentors),
                meta={"hide": ["toc"]},
            ),
            page(
                "programmes/index.md",
                "programmes.md.j2",
                t("nav.programmes"),
                programmes=programmes,
            ),
            *(
                page(
                    f"programmes/{p.id}.md",
                    "programme.md.j2",
                    p.name,
                    c.source("programme", p.id),
                    programme=p,
                )
                for p in programmes
            ),
            *(
                page(
                    f"programmes/{p.id}/{checklist.role.id}.md",
                    "checklist.md.j2",
                    t("checklist.title", role=checklist.role.name, programme=p.name),
                    c.source("role", checklist.role.id),
                    in_nav=False,
                    checklist=checklist,
                )
                for p in programmes
                for checklist in p.checklists
            ),
            page(
                "mentors/index.md",
                "catalogue.md.j2",
                t("nav.mentors"),
                mentors=mentors,
                facets=facets,
                units=self.unit_tree(),
                # The shortlist's JavaScript adds the subject and the body to this link.
                interest_mailto=mailto(c.organisation.interest.email)
                if c.organisation.interest.email
                else None,
                interest_form=c.organisation.interest.url,
                coordinator=c.organisation.coordinator,
                meta={"hide": ["toc"]},
            ),
            *(
                page(
                    f"mentors/{FACET_FOLDERS[kind]}/{term.id}.md",
                    "facet.md.j2",
                    term.name,
                    in_nav=False,
                    kind=kind,
                    term=term,
                    facet=facet,
                    mentors=members,
                )
                for kind, facet, term, members in self.facet_pages(facets, mentors)
            ),
            *(
                page(
                    f"mentors/{m.id}.md",
                    "profile.md.j2",
                    m.name,
                    c.source("mentor", m.id),
                    in_nav=False,
                    mentor=m,
                )
                for m in mentors
            ),
            page(
                "roles/index.md",
                "roles.md.j2",
                t("nav.roles"),
                c.sources.get(("responsibilities", "responsibilities")),
                roles=list(roles.values()),
                matrix=self.matrix(roles),
                meta={"hide": ["toc"]},
            ),
            *(
                page(f"roles/{r.id}.md", "role.md.j2", r.name, c.source("role", r.id), role=r)
                for r in roles.values()
            ),
            page(
                "rules/index.md",
                "rules.md.j2",
                t("nav.rules"),
                kinds=self.rules_by_kind(list(rules.values())),
            ),
            *(
                page(
                    f"rules/{r.id}.md",
                    "rule.md.j2",
                    r.title,
                    c.source("rule", r.id),
                    rule=r,
                    history_note=note,
                    history_read=self.history is not None,
                )
                for r in rules.values()
            ),
        ]
        if self.history is not None:
            pages += self.change_pages(roles, changes)
        nav = [
            {t("nav.home"): "index.md"},
            {
                t("nav.programmes"): [
                    "programmes/index.md",
                    *(f"programmes/{p.id}.md" for p in programmes),
                ]
            },
            {t("nav.mentors"): "mentors/index.md"},
            {t("nav.roles"): ["roles/index.md", *(f"roles/{r}.md" for r in roles)]},
            {t("nav.rules"): ["rules/index.md", *(f"rules/{r}.md" for r in rules)]},
        ]
        if self.history is not None:
            nav.append({t("nav.changes"): "changes/index.md"})
        pages += self.guide_pages()
        nav.append({t("nav.guide"): ["guide/index.md", "guide/fields.md"]})
        if self.edition is Edition.HR:
            pages.append(self.hr_page())
            nav.append({t("nav.hr"): "hr/index.md"})
        hidden = self.hidden
        self.assets.append(
            Asset(
                "mentors.json",
                text=mentors_json(
                    mentors,
                    organisation=c.organisation.name,
                    language=c.organisation.language,
                    generated=self.today,
                    hidden=hidden,
                ),
            )
        )
        self.assets.append(
            Asset(
                "mentors.csv",
                text=mentors_csv(mentors, language=c.organisation.language, hidden=hidden),
            )
        )
        return Site(pages, _unique(self.assets), nav)

    # -- HR's guide, and the fields of every file

    def guide_pages(self) -> list[Page]:
        language = self.content.organisation.language
        files = [
            FileReference(
                kind,
                self.t(f"reference.files.{kind}"),
                where,
                [self.field(doc) for doc in field_reference(model, language)],
            )
            for kind, where, model in FILES
        ]
        return [
            self.page(
                "guide/index.md",
                "guide.md.j2",
                self.t("guide.title"),
                review_months=self.content.organisation.profile_review_months,
            ),
            self.page("guide/fields.md", "fields.md.j2", self.t("guide.fields_title"), files=files),
        ]

    def field(self, doc: FieldDoc) -> FieldView:
        t = self.t
        if doc.type == "id":
            value = t("reference.id", what=t(f"reference.refs.{doc.ref}"))
        elif doc.choices:
            value = t("reference.types.choice", choices=", ".join(doc.choices))
        else:
            value = t(f"reference.types.{'group' if doc.type == 'mapping' else doc.type}")
        if doc.many:
            value = t("reference.list", what=value)
        if doc.type == "mapping":
            keys = t(f"reference.refs.{doc.ref}") if doc.ref else t("reference.new_id")
            value = t("reference.mapping", keys=keys, entries=value)
        return FieldView(doc.name, doc.depth, doc.required, value, doc.help)

    # -- HR's overview, in the HR edition

    def hr_page(self) -> Page:
        c, t = self.content, self.t
        report = hr_report(c, self.today, self.pairs)
        planning = [
            PlanningRow(
                self.link("programme", row.programme),
                len(row.filled),
                row.total,
                [t(f"programme.topics.{topic}") for topic in row.empty],
            )
            for row in report.completeness
        ]
        planning_chart = Chart(
            "ms-chart-planning",
            t("hr.planning_chart"),
            [t("hr.filled")],
            [(row.programme.label, [row.filled]) for row in planning],
        )
        review = c.organisation.profile_review_months
        stale = [(self.link("mentor", m), self.t.date(c.mentors[m].reviewed)) for m in report.stale]
        tables = [
            self.supply_table("qualifications", report.qualifications, "qualification"),
            self.supply_table("units", report.units, "unit"),
            self.supply_table("programmes", report.programmes, "programme"),
        ]
        return self.page(
            "hr/index.md",
            "hr.md.j2",
            t("nav.hr"),
            planning=planning,
            planning_chart=planning_chart,
            stale=stale,
            review_months=review,
            tables=tables,
            waiting=report.waiting,
            built=self.t.date(self.today),
        )

    def supply_table(self, key: str, supply: list[Supply], kind: str) -> SupplyTable:
        """Rows with a mentor or a mentee asking, and their chart: free places against demand."""
        t = self.t
        rows = []
        for row in supply:
            if not row.mentors and not row.demand:
                continue
            if kind == "programme":
                link = self.link("programme", row.key)
                label, url = link.label, link.url
            else:
                term = self.term(kind, row.key)
                label, url = term.name, term.url
            rows.append(SupplyRow(label, url, row.mentors, row.places, row.free, row.demand))
        with_demand = self.pairs is not None
        series = [t("hr.free"), t("hr.demand") if with_demand else t("hr.places")]
        title = t(f"hr.by.{key}")
        chart = Chart(
            f"ms-chart-{key}",
            t("hr.chart", subject=title, first=series[0], second=series[1]),
            series,
            [(r.label, [r.free, (r.demand or 0) if with_demand else r.places]) for r in rows],
        )
        return SupplyTable(key, title, rows, chart)

    # -- the catalogue's facets

    def facets(self, mentors: list[MentorView], programmes: list[Link]) -> list[Facet]:
        """Each facet with the values some mentor has, in the taxonomy's order, and counts."""
        facets = []
        for kind, key in FACET_FOLDERS.items():
            counts: dict[str, int] = {}
            for mentor in mentors:
                for value in mentor.filters[key].split():
                    counts[value] = counts.get(value, 0) + 1
            values = [
                (self.term(kind, term.id), counts[term.id])
                for term in getattr(self.content.taxonomy, key)
                if term.id in counts
            ]
            facets.append(
                Facet(key, CARD_ATTRIBUTES[key], self.t(f"catalogue.facets.{key}"), values)
            )
        counts = {}
        for mentor in mentors:
            for value in mentor.programme_ids:
                counts[value] = counts.get(value, 0) + 1
        facets.append(
            Facet(
                "programmes",
                CARD_ATTRIBUTES["programmes"],
                self.t("catalogue.facets.programmes"),
                [
                    (TermView(pid, link.label, None, link.url), counts[pid])
                    for pid, link in zip(self.content.programmes, programmes, strict=True)
                    if pid in counts
                ],
            )
        )
        return facets

    def facet_pages(
        self, facets: list[Facet], mentors: list[MentorView]
    ) -> Iterator[tuple[str, Facet, TermView, list[MentorView]]]:
        """A page for each value of each taxonomy facet, listing the mentors who have it."""
        by_key = {facet.key: facet for facet in facets}
        for kind, key in FACET_FOLDERS.items():
            facet = by_key[key]
            for term, _ in facet.values:
                members = [m for m in mentors if term.id in m.filters[key].split()]
                yield kind, facet, term, members

    def unit_tree(self) -> list[tuple[TermView, int]]:
        """The units in tree order, each with its depth, for choosing one's own unit."""
        units = self.content.taxonomy.units
        children: dict[str | None, list[str]] = {}
        for unit in units:
            parent = unit.parent if unit.parent in self.content.terms["unit"] else None
            children.setdefault(parent, []).append(unit.id)
        tree: list[tuple[TermView, int]] = []

        def walk(parent: str | None, depth: int) -> None:
            for unit_id in children.get(parent, []):
                tree.append((self.term("unit", unit_id), depth))
                walk(unit_id, depth + 1)

        walk(None, 0)
        return tree

    def rules_by_kind(self, rules: list[RuleView]) -> list[tuple[str, list[RuleView]]]:
        kinds = ["matching", "confidentiality", "boundary", "duration", "general"]
        return [
            (self.t(f"rule.kinds.{kind}"), [r for r in rules if r.kind == kind])
            for kind in kinds
            if any(r.kind == kind for r in rules)
        ]


def plan_site(
    content: Content,
    strings: Strings,
    *,
    edition: Edition = Edition.STAFF,
    today: date | None = None,
    directory_urls: bool = True,
    history: History | None = None,
    pairs: PairsFile | None = None,
) -> Site:
    """Every generated page of the site, and the files copied with them.

    With a `history` (read from git, or why it could not be), rule pages show theirs and
    the site lists the changes at /changes/; without one, neither is there. The HR
    edition has HR's overview at /hr/; given HR's private `pairs`, it counts the mentees
    waiting for a mentor there (and nowhere else).
    """
    return _Planner(
        content, strings, edition, today or build_date(), directory_urls, history, pairs
    ).plan()


def _unique(assets: list[Asset]) -> list[Asset]:
    return list({asset.path: asset for asset in assets}.values())


def initials(name: str) -> str:
    words = [w for w in name.replace("-", " ").split() if w[:1].isalpha()]
    if not words:
        return "?"
    letters = words[0][0] + (words[-1][0] if len(words) > 1 else "")
    return letters.upper()


_DANISH_ORDER = str.maketrans({"æ": "z{", "ø": "z|", "å": "z}", "ä": "z{", "ö": "z|"})


def sort_key(name: str) -> str:
    """Names in Danish alphabetical order (æ, ø, å after z), which also suits English."""
    return name.casefold().translate(_DANISH_ORDER)
