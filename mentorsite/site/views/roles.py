"""Roles: who does what side by side, each role's page, and its checklist in each programme."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from markupsafe import Markup

from mentorsite.i18n.text import sort_key
from mentorsite.model import RESPONSIBILITIES, Activity, Role, Term
from mentorsite.site.page import Link, Page
from mentorsite.site.views.rules import binds

if TYPE_CHECKING:
    from mentorsite.i18n.strings import Strings
    from mentorsite.site.index import SiteIndex


@dataclass(frozen=True)
class ActivityView:
    """A row of the responsibility matrix."""

    id: str
    name: str
    rules: list[Link]
    anchor: str  # its row on the roles overview, from the site's root
    row_id: str


@dataclass(frozen=True)
class MatrixRow:
    activity: ActivityView
    cells: list[tuple[str, str]]  # per role, in the roles' order: (responsibility, words)


@dataclass(frozen=True)
class ItemView:
    text: str
    rule: Link | None
    key: str  # stable while the item's phase and text are: where its tick is kept


@dataclass(frozen=True)
class PhaseView:
    phase: Term
    items: list[ItemView]


@dataclass(frozen=True)
class RoleView:
    id: str
    url: str
    name: str
    people: str  # the role's people as a sentence names them: "daglige ledere"
    summary: str
    description: Markup
    phases: list[PhaseView]
    # What the role owns, takes part in, is informed of: (heading, activities), in that order.
    responsibilities: list[tuple[str, list[ActivityView]]]
    boundaries: list[ActivityView]  # what the role never does
    checklists: list[Link]  # its checklist in each programme
    changes: str | None  # what changed for the role, when the site lists changes


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


def activity_views(index: SiteIndex) -> dict[str, ActivityView]:
    return {activity.id: activity_view(index, activity) for activity in index.content.activities}


def activity_view(index: SiteIndex, activity: Activity) -> ActivityView:
    row_id = f"activity-{activity.id}"
    return ActivityView(
        activity.id,
        activity.name,
        [index.link("rule", r) for r in activity.rules],
        index.routes.anchor("roles", row_id),
        row_id,
    )


def ordered_roles(index: SiteIndex) -> list[tuple[str, Role]]:
    return sorted(
        index.content.roles.items(), key=lambda item: (item[1].order, sort_key(item[1].name))
    )


def role_views(index: SiteIndex) -> dict[str, RoleView]:
    """The roles in their order, each with its checklists in every programme."""
    return {role_id: role_view(index, role_id, role) for role_id, role in ordered_roles(index)}


def role_view(index: SiteIndex, role_id: str, role: Role) -> RoleView:
    parts: dict[str, list[ActivityView]] = {part: [] for part in RESPONSIBILITIES}
    for activity in index.content.activities:
        part = activity.roles.get(role_id)
        if part is not None:
            parts[part].append(index.activities[activity.id])
    routes = index.routes
    checklists = [
        Link(
            index.link("programme", programme_id).label, checklist_url(index, programme_id, role_id)
        )
        for programme_id in index.content.programmes
        if phases(index, role, programme_id)
    ]
    return RoleView(
        id=role_id,
        url=routes.item("role", role_id).url,
        name=role.name,
        people=role.people or role.name,
        summary=role.summary,
        description=index.markdown(role.description),
        phases=phases(index, role),
        responsibilities=[
            (index.t(f"role.parts.{part}"), parts[part])
            for part in RESPONSIBILITIES
            if part != "never" and parts[part]
        ],
        boundaries=parts["never"],
        checklists=checklists,
        changes=routes.page("role_changes", role=role_id).url if index.lists_changes else None,
    )


def checklist_url(index: SiteIndex, programme_id: str, role_id: str) -> str:
    return index.routes.page("checklist", programme=programme_id, role=role_id).url


def phases(index: SiteIndex, role: Role, programme_id: str | None = None) -> list[PhaseView]:
    """The role's checklist by phase, in the taxonomy's order of phases; in a programme,
    only the items whose rules bind it.

    Each item's key comes from its phase and text, so that a tick stays on its item when
    others are added, removed or moved; and goes when the item itself changes.
    """
    found = []
    keys: set[str] = set()
    for phase in index.content.taxonomy.phases:
        items = []
        for item in role.does.get(phase.id, []):
            key = hashlib.sha1(f"{phase.id}\n{item.text}".encode()).hexdigest()[:10]
            while key in keys:  # the same line twice in a phase
                key += "x"
            keys.add(key)
            if programme_id is None or binds(index, item.rule, programme_id):
                rule = index.link("rule", item.rule) if item.rule else None
                items.append(ItemView(item.text, rule, key))
        if items:
            found.append(PhaseView(phase, items))
    return found


def checklists(index: SiteIndex, programme_id: str) -> list[ChecklistView]:
    """Each role's checklist in a programme, with the items whose rules bind it."""
    programme = index.link("programme", programme_id)
    found = []
    for role_id, role in index.roles.items():
        role_phases = phases(index, index.content.roles[role_id], programme_id)
        if role_phases:
            url = checklist_url(index, programme_id, role_id)
            key = f"{programme_id}/{role_id}"
            found.append(ChecklistView(programme, role, role_phases, key, url))
    return found


def matrix(index: SiteIndex) -> list[MatrixRow]:
    """Who does what: an activity a row, a role a column, each cell a part or empty."""
    t = index.t
    return [
        MatrixRow(
            index.activities[activity.id],
            [_cell(t, activity.roles.get(role_id, "")) for role_id in index.roles],
        )
        for activity in index.content.activities
    ]


def _cell(t: Strings, part: str) -> tuple[str, str]:
    return part, t(f"responsibility.{part}") if part else ""


def pages(index: SiteIndex) -> list[Page]:
    routes, t, content = index.routes, index.t, index.content
    roles = list(index.roles.values())
    overview = Page(
        routes.page("roles"),
        "roles.html.j2",
        t("nav.roles"),
        {"roles": roles, "matrix": matrix(index)},
        source=content.sources.get(("responsibilities", "responsibilities")),
        hide=("toc",),
        depends_on=index.every_rule,
    )
    each = [
        Page(
            routes.item("role", r.id),
            "role.html.j2",
            r.name,
            {"role": r, "roles_url": overview.url},
            source=content.source("role", r.id),
            depends_on=index.every_rule,
        )
        for r in roles
    ]
    return [overview, *each]


def checklist_pages(index: SiteIndex) -> list[Page]:
    """Each role's checklist in each programme, outside the navigation."""
    t = index.t
    return [
        Page(
            index.routes.page("checklist", programme=programme.id, role=checklist.role.id),
            "checklist.html.j2",
            t("checklist.title", role=checklist.role.name, programme=programme.name),
            {"checklist": checklist},
            source=index.content.source("role", checklist.role.id),
            in_nav=False,
            depends_on=index.every_rule,
        )
        for programme in index.programmes
        for checklist in programme.checklists
    ]
