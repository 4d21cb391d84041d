"""What changed, from git: /changes/ for everyone, and the same list for each role."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from mentorsite.history.changes import Change, by_commit
from mentorsite.site.page import Link, Page

if TYPE_CHECKING:
    from mentorsite.site.index import SiteIndex


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


def commit_views(index: SiteIndex, changes: list[Change]) -> list[CommitView]:
    """Changes under their commits, newest first, each item linked to where it is now."""
    return [
        CommitView(
            index.t.date(commit.day),
            commit.subject,
            commit.short,
            [changed_item(index, change) for change in group],
        )
        for commit, group in by_commit(changes)
    ]


def changed_item(index: SiteIndex, change: Change) -> ChangedItem:
    t = index.t
    folders = {"rule": "rules", "role": "roles", "programme": "programmes"}
    if change.kind in folders:
        exists = change.id in getattr(index.content, folders[change.kind])
        link = index.link(change.kind, change.id) if exists else None
    else:  # the responsibility matrix, on the roles overview
        link = Link(t("roles.matrix"), index.routes.page("roles").url)
    title = link.label if link else change.title
    return ChangedItem(t(f"changes.kinds.{change.kind}"), title, link, change.sentences)


def pages(index: SiteIndex) -> list[Page]:
    """/changes/, and the same list for each role: what changed for line managers."""
    if not index.lists_changes:
        return []
    routes, t = index.routes, index.t
    everything = routes.page("changes")
    filters = [Link(t("history.every_role"), everything.url)] + [
        Link(role.name, role.changes or "") for role in index.roles.values()
    ]
    common = {"filters": filters, "note": index.history_note()}
    found = [
        Page(
            everything,
            "changes.html.j2",
            t("nav.changes"),
            {"role": None, "commits": commit_views(index, index.changes), **common},
            depends_on=index.every_rule,
        )
    ]
    for role_id, role in index.roles.items():
        mine = [part for change in index.changes if (part := change.for_role(role_id))]
        found.append(
            Page(
                routes.page("role_changes", role=role_id),
                "changes.html.j2",
                t("history.title_for", role=role.name),
                {"role": role, "commits": commit_views(index, mine), **common},
                in_nav=False,
                depends_on=index.every_rule,
            )
        )
    return found
