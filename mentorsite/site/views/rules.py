"""The rules in force: the list by kind, and a page for each rule with its history."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from markupsafe import Markup

from mentorsite.history.changes import Change
from mentorsite.model import Rule
from mentorsite.pairing.rules import in_words
from mentorsite.site.page import Link, Page
from mentorsite.site.views.changes import CommitView, commit_views

if TYPE_CHECKING:
    from mentorsite.site.index import SiteIndex

KINDS = ("matching", "confidentiality", "boundary", "duration", "general")  # the list's order


@dataclass(frozen=True)
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
    history: list[CommitView]  # newest first


def rule_views(index: SiteIndex) -> dict[str, RuleView]:
    by_rule: dict[str, list[Change]] = {}
    for change in index.changes:
        if change.kind == "rule":
            by_rule.setdefault(change.id, []).append(change)
    return {
        rule_id: rule_view(index, rule_id, rule, by_rule.get(rule_id, []))
        for rule_id, rule in index.content.rules.items()
    }


def rule_view(index: SiteIndex, rule_id: str, rule: Rule, changes: list[Change]) -> RuleView:
    t = index.t
    in_force = rule.effective <= index.today
    effective = t(
        "rule.in_force_since" if in_force else "rule.takes_effect", date=t.date(rule.effective)
    )
    return RuleView(
        id=rule_id,
        url=index.routes.item("rule", rule_id).url,
        title=rule.title,
        kind=rule.kind,
        kind_name=t(f"rule.kinds.{rule.kind}"),
        effective=effective,
        in_force=in_force,
        roles=[index.link("role", r) for r in rule.applies_to],
        programmes=[index.link("programme", p) for p in rule.programmes],
        text=index.markdown(rule.text),
        check=in_words(rule.check, t) if rule.check else None,
        cited_by=cited_by(index, rule_id),
        history=commit_views(index, changes),
    )


def cited_by(index: SiteIndex, rule_id: str) -> list[tuple[Link, str]]:
    """Where the rule is cited: checklist items of roles, rows of the matrix."""
    found = [
        (index.link("role", role_id), item.text)
        for role_id, role in index.content.roles.items()
        for items in role.does.values()
        for item in items
        if item.rule == rule_id
    ]
    matrix = index.t("roles.matrix")
    found += [
        (Link(matrix, index.activities[activity.id].anchor), activity.name)
        for activity in index.content.activities
        if rule_id in activity.rules
    ]
    return found


def binds(index: SiteIndex, rule_id: str | None, programme_id: str) -> bool:
    """Whether a rule (or no rule) holds in a programme: a rule names its programmes, or
    binds them all."""
    if rule_id is None:
        return True
    programmes = index.content.rules[rule_id].programmes
    return not programmes or programme_id in programmes


def pages(index: SiteIndex) -> list[Page]:
    routes, t = index.routes, index.t
    rules = list(index.rules.values())
    kinds = [
        (t(f"rule.kinds.{kind}"), [r for r in rules if r.kind == kind])
        for kind in KINDS
        if any(r.kind == kind for r in rules)
    ]
    note = index.history_note()
    overview = {"kinds": kinds}
    found = [
        Page(
            routes.page("rules"),
            "rules.html.j2",
            t("nav.rules"),
            overview,
            depends_on=index.every_rule,
        )
    ]
    for rule in rules:
        context = {"rule": rule, "history_note": note, "history_read": index.lists_changes}
        found.append(
            Page(
                routes.item("rule", rule.id),
                "rule.html.j2",
                rule.title,
                context,
                source=index.content.source("rule", rule.id),
                depends_on=index.every_rule,
            )
        )
    return found
