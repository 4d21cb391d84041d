"""What the pages of a site share, worked out once before any page is planned.

Pelican's first phase: the taxonomy's values with their catalogue pages, links to every
item, the mentors' views (the catalogue, the facets, the profiles, the programmes and
HR's overview all show them), the roles', rules' and programmes' views and the changes
from git. Each view is built complete by the module of its page family; nothing is
added to a view afterwards.
"""

from __future__ import annotations

from datetime import date
from functools import cached_property

from mentorsite.content import Content
from mentorsite.history.changes import Change, list_changes
from mentorsite.history.git import History
from mentorsite.i18n.strings import Strings
from mentorsite.model import FACET_FOLDERS, PairsFile
from mentorsite.site.markup import MarkdownFields
from mentorsite.site.page import Edition, Link, TermView
from mentorsite.site.routes import Routes
from mentorsite.site.views import profiles, programmes, roles, rules


class SiteIndex:
    """The shared first phase of a build: one per build, read by every page family."""

    def __init__(
        self,
        content: Content,
        strings: Strings,
        *,
        edition: Edition,
        today: date,
        routes: Routes,
        markdown: MarkdownFields,
        history: History | None = None,
        pairs: PairsFile | None = None,
        site_url: str | None = None,
        reused_mentors: dict[str, profiles.MentorView] | None = None,
    ) -> None:
        self.content = content
        self.t = strings
        self.edition = edition
        self.today = today
        self.routes = routes
        self.history = history
        self.pairs = pairs
        self.site_url = site_url
        self.markdown = markdown  # Markdown fields as safe HTML, in the site's dialect
        # Views of mentors whose files did not change since a preview's last build.
        self.reused_mentors = reused_mentors or {}
        # In the staff edition an HR-only field is never put into a view, so no template
        # can publish it.
        self.hidden = (
            frozenset() if edition is Edition.HR else frozenset(content.organisation.hr_only)
        )
        self.terms = {
            (kind, term.id): TermView(
                term.id,
                term.name,
                getattr(term, "description", None),
                routes.page("facet", folder=FACET_FOLDERS[kind], id=term.id).url,
            )
            for kind, terms in content.terms.items()
            if kind in FACET_FOLDERS
            for term in terms.values()
        }

    @cached_property
    def every_mentor(self) -> frozenset[tuple[str, str]]:
        """What a page that shows every mentor (the catalogue, a facet) depends on."""
        return frozenset(("mentor", mentor_id) for mentor_id in self.content.mentors)

    @cached_property
    def every_rule(self) -> frozenset[tuple[str, str]]:
        """What a page that shows or may cite any rule depends on."""
        return frozenset(("rule", rule_id) for rule_id in self.content.rules)

    def term(self, kind: str, term_id: str) -> TermView:
        return self.terms[(kind, term_id)]

    def link(self, kind: str, item_id: str) -> Link:
        """A link to a programme, mentor, role or rule, labelled with its name or title."""
        folder = {"programme": "programmes", "mentor": "mentors", "role": "roles", "rule": "rules"}
        item = getattr(self.content, folder[kind])[item_id]
        label = getattr(item, "name", None) or item.title
        return Link(label, self.routes.item(kind, item_id).url)

    @property
    def lists_changes(self) -> bool:
        """Whether the site has pages of changes: when git's history was asked for."""
        return self.history is not None

    def history_note(self) -> str | None:
        """Why the history is missing or cut short, in the site's language; None if whole."""
        if self.history is None or (self.history.available and not self.history.shallow):
            return None
        return self.t(f"history.status.{self.history.status}")

    @cached_property
    def changes(self) -> list[Change]:
        if self.history is None or not self.history.available:
            return []
        return list_changes(self.history, self.content, self.t)

    # The views several page families show, each built by its own family's module.

    @cached_property
    def mentors(self) -> list[profiles.MentorView]:
        """Every mentor, those with free places first, then by name."""
        return profiles.mentor_views(self)

    @cached_property
    def activities(self) -> dict[str, roles.ActivityView]:
        return roles.activity_views(self)

    @cached_property
    def rules(self) -> dict[str, rules.RuleView]:
        return rules.rule_views(self)

    @cached_property
    def roles(self) -> dict[str, roles.RoleView]:
        """The roles in their order, each with its checklists in every programme."""
        return roles.role_views(self)

    @cached_property
    def programmes(self) -> list[programmes.ProgrammeView]:
        return programmes.programme_views(self)
