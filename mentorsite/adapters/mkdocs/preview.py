"""What a preview's dirty rebuild needs to know of the theme and the search plugin: which
pages show a retitled page's title, and the search index merged as a full build makes it."""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page as MkDocsPage


def merge_search_index(config: MkDocsConfig, pages: frozenset[str]) -> None:
    """The search index of a preview's dirty rebuild: the entries of the pages it made
    anew, and the last index's entries of every other page that is still there.

    Material's search plugin merges as if one page had been rebuilt, so a rebuild of a
    profile and the pages that list the mentor would leave the others' entries twice."""
    search = config.plugins.get("material/search") or config.plugins.get("search")
    index = getattr(search, "search_index", None)
    last = getattr(search, "search_index_prev", None)
    if index is None or last is None:
        return
    made = {entry["location"].split("#")[0] for entry in index.entries}
    kept = [
        entry
        for entry in last.entries
        if (page := entry["location"].split("#")[0]) not in made and page in pages
    ]
    index.entries = kept + index.entries
    search.search_index_prev = None  # merged already


def prunes(config: MkDocsConfig) -> bool:
    """Whether Material shows only the open section's pages in each sidebar, so that a
    page's title stands only on the pages of its own section (and its neighbours')."""
    features = set(config.theme.get("features") or ())
    return "navigation.prune" in features and not features & {
        "navigation.expand",
        "navigation.sections",
        "navigation.tabs",
    }


def showing_titles(nav: Navigation, paths: frozenset[str]) -> list[MkDocsPage] | None:
    """With a pruned navigation, the pages that show the title of a page in `paths`: the
    pages of its section, in their sidebars, and the pages before and after it, in their
    footers. None: every page, for a page outside any section, which every sidebar shows."""
    found: list[MkDocsPage] = []
    for page in nav.pages:
        if page.file.src_uri not in paths:
            continue
        if page.parent is None:
            return None
        found += [p for p in nav.pages if page.parent in _sections_of(p)]
        found += [p for p in (page.previous_page, page.next_page) if p is not None]
    return found


def _sections_of(page: MkDocsPage) -> list[Any]:
    sections, parent = [], page.parent
    while parent is not None:
        sections.append(parent)
        parent = parent.parent
    return sections
