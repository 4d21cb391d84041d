"""The engine-neutral build: validated content in, a site out (pages as HTML, files, nav).

The MkDocs plugin hands the result to MkDocs or ProperDocs; an export writes it for any
other engine. Nothing here imports an engine.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from mentorsite.content import Content, build_date
from mentorsite.history.git import History
from mentorsite.i18n.strings import Strings
from mentorsite.model import PairsFile
from mentorsite.site.assets import assets
from mentorsite.site.dialect import DEFAULT_EXTENSIONS, Extensions
from mentorsite.site.index import SiteIndex
from mentorsite.site.markup import MarkdownFields
from mentorsite.site.page import PARTIAL_KINDS, Asset, BuiltPage, Edition, Page, Site
from mentorsite.site.render import Renderer
from mentorsite.site.routes import Routes
from mentorsite.site.views import (
    catalogue,
    changes,
    guide,
    home,
    hr,
    profiles,
    programmes,
    roles,
    rules,
)
from mentorsite.site.views.profiles import MentorView


@dataclass(frozen=True)
class BuildOptions:
    """What a build needs besides the content: all of it given, none read from elsewhere."""

    themes: Sequence[Path]
    edition: Edition = Edition.STAFF
    directory_urls: bool = True
    site_url: str | None = None
    history: History | None = None  # None: the site has no history and no /changes/
    pairs: PairsFile | None = None  # HR's private pairs file; the HR edition only
    today: date | None = None
    # The site's Markdown extensions with their options (mkdocs.yml's markdown_extensions):
    # Markdown fields are written in the same dialect as the free pages (site/dialect.py).
    markdown_extensions: Extensions = field(default_factory=lambda: DEFAULT_EXTENSIONS)


def plan(content: Content, strings: Strings, options: BuildOptions) -> list[Page]:
    """Every generated page of the site, each view complete, in the navigation's order."""
    index = _index(content, strings, options, MarkdownFields(options.markdown_extensions))
    return _pages(index)


def build_site(content: Content, options: BuildOptions) -> Site:
    """The whole site: every page rendered to HTML, the files to publish, the navigation."""
    return Builds().build(content, options)


@dataclass
class PlannedSite:
    """Every page's view, the files and the navigation, with the pages rendered one at a
    time when asked: a build that writes each page as it goes holds one page's HTML at
    once rather than the whole site's."""

    pages: list[Page]
    assets: list[Asset]
    nav: list[Any]
    renderer: Renderer
    _rehearsed: dict[str, BuiltPage] = field(default_factory=dict)

    def render(self, page: Page) -> BuiltPage:
        return self._rehearsed.pop(page.path, None) or self.renderer.render(page)

    def rehearse(self) -> None:
        """Render the first page of each template, so that a broken template stops the
        build before the engine empties the site's folder, not halfway through; the pages
        are kept until they are asked for."""
        tried: set[str] = set()
        for page in self.pages:
            if page.template not in tried:
                tried.add(page.template)
                self._rehearsed[page.path] = self.renderer.render(page)


def plan_site(content: Content, options: BuildOptions) -> PlannedSite:
    """The site as views, none rendered yet."""
    options, strings = _prepared(content, options)
    index = _index(content, strings, options, MarkdownFields(options.markdown_extensions))
    return PlannedSite(
        _pages(index), assets(index), navigation(index), Renderer(options.themes, strings)
    )


def _prepared(content: Content, options: BuildOptions) -> tuple[BuildOptions, Strings]:
    # The day is part of what a page shows (who is available, which rule is in force).
    options = replace(options, today=options.today or build_date())
    return options, Strings.load(content.organisation.language, options.themes)


class Builds:
    """Successive builds of one project, as a live preview makes them.

    A page that shows only items whose files have not changed since the last build (the
    profile of a mentor whose file was not touched) is taken from that build as it was:
    the same HTML a new rendering would give. Any other change renders every page anew.
    """

    def __init__(self) -> None:
        self._site: Site | None = None
        self._renderer: Renderer | None = None
        self._stamps: dict[tuple[str, str], tuple[int, int]] = {}
        self._options: BuildOptions | None = None
        self._mentors: list[MentorView] = []
        self._markdown: tuple[Extensions, MarkdownFields] | None = None

    def forget(self) -> None:
        """Render every page anew next time: something outside the content changed."""
        self._site = None

    def build(self, content: Content, options: BuildOptions) -> Site:
        options, strings = _prepared(content, options)
        stamps = _stamps(content)
        changed = self._changed(stamps, options)
        if changed is None or self._renderer is None or self._site is None:
            renderer, kept, reused = Renderer(options.themes, strings), {}, {}
        else:
            renderer = self._renderer
            renderer.forget({item_id for _, item_id in changed})
            kept = {page.path: page for page in self._site.pages}
            reused = {
                mentor.id: mentor
                for mentor in self._mentors
                if ("mentor", mentor.id) not in changed
            }
        index = _index(content, strings, options, self._fields(options), reused)
        pages = [
            kept[page.path]
            if page.path in kept and page.depends_on is not None and not page.depends_on & changed
            else renderer.render(page)
            for page in _pages(index)
        ]
        site = Site(pages, assets(index), navigation(index))
        self._site, self._renderer, self._stamps, self._options = site, renderer, stamps, options
        self._mentors = index.mentors
        return site

    def _fields(self, options: BuildOptions) -> MarkdownFields:
        """The renderer of Markdown fields, kept while the dialect is the same: it holds
        the texts it rendered."""
        if self._markdown is None or self._markdown[0] != options.markdown_extensions:
            extensions = options.markdown_extensions
            self._markdown = (extensions, MarkdownFields(extensions))
        return self._markdown[1]

    def _changed(
        self, stamps: dict[tuple[str, str], tuple[int, int]], options: BuildOptions
    ) -> set[tuple[str, str]] | None:
        """The mentors whose files changed since the last build; None when anything else
        did, or there was none."""
        if self._site is None or options != self._options:
            return None
        changed = {
            item
            for item in stamps.keys() | self._stamps.keys()
            if stamps.get(item) != self._stamps.get(item)
        }
        return changed if all(kind in PARTIAL_KINDS for kind, _ in changed) else None


def _stamps(content: Content) -> dict[tuple[str, str], tuple[int, int]]:
    """Every file the content was read from, by item, with its stamp."""
    found = {}
    config = content.paths.config
    sources = {**content.sources, ("config", "organisation"): config / "organisation.yml"}
    sources[("config", "taxonomy")] = config / "taxonomy.yml"
    for item, path in sources.items():
        try:
            stat = path.stat()
            found[item] = (stat.st_mtime_ns, stat.st_size)
        except OSError:
            found[item] = (0, 0)
    return found


def _index(
    content: Content,
    strings: Strings,
    options: BuildOptions,
    markdown: MarkdownFields,
    reused: dict[str, MentorView] | None = None,
) -> SiteIndex:
    return SiteIndex(
        content,
        strings,
        edition=options.edition,
        today=options.today or build_date(),
        routes=Routes(options.directory_urls),
        history=options.history,
        pairs=options.pairs if options.edition is Edition.HR else None,
        site_url=options.site_url,
        markdown=markdown,
        reused_mentors=reused or {},
    )


def _pages(index: SiteIndex) -> list[Page]:
    families = (home, programmes, catalogue, profiles, roles, rules, changes, guide, hr)
    found = [page for family in families for page in family.pages(index)]
    return found + roles.checklist_pages(index)


def navigation(index: SiteIndex) -> list[Any]:
    """The navigation in the form of mkdocs.yml's `nav:`: profiles, facets, checklists and
    each role's changes are left out (their index pages list them)."""
    routes, t = index.routes, index.t

    def section(title: str, overview: str, kind: str, ids: Sequence[str]) -> dict[str, Any]:
        items = [routes.page(overview).path, *(routes.item(kind, i).path for i in ids)]
        return {title: items}

    nav: list[Any] = [
        {t("nav.home"): routes.page("home").path},
        section(t("nav.programmes"), "programmes", "programme", [p.id for p in index.programmes]),
        {t("nav.mentors"): routes.page("catalogue").path},
        section(t("nav.roles"), "roles", "role", list(index.roles)),
        section(t("nav.rules"), "rules", "rule", list(index.rules)),
    ]
    if index.lists_changes:
        nav.append({t("nav.changes"): routes.page("changes").path})
    if index.edition is Edition.HR:
        nav.append({t("nav.guide"): [routes.page("guide").path, routes.page("fields").path]})
        nav.append({t("nav.hr"): routes.page("hr").path})
    return nav
