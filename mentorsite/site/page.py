"""What a build produces, whatever engine publishes it: pages, files and a navigation."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from pathlib import Path
from typing import Any

from mentorsite.site.routes import Route


class Edition(StrEnum):
    STAFF = "staff"
    HR = "hr"


@dataclass(frozen=True)
class Link:
    label: str
    url: str  # from the site's root, e.g. "mentors/anna-jensen/"


@dataclass(frozen=True)
class TermView:
    """A value of the taxonomy, with the catalogue page that lists its mentors."""

    id: str
    name: str
    description: str | None
    url: str


# The kinds of item a preview re-renders in part when only their files changed.
PARTIAL_KINDS = frozenset({"mentor", "rule"})
NO_ITEM: frozenset[tuple[str, str]] = frozenset()


@dataclass(frozen=True)
class Page:
    """A page planned by a view: where it goes, which template renders it, with what."""

    route: Route
    template: str
    title: str
    context: dict[str, Any]
    source: Path | None = None  # the YAML file behind the page, for its edit link
    in_nav: bool = True
    searchable: bool = True  # False for pages that only list what other pages say
    hide: tuple[str, ...] = ()  # parts of the theme's page left out, e.g. "toc"
    # The mentors and rules (PARTIAL_KINDS) the page shows: a rebuild after a change to
    # other mentors' or rules' files only reuses the page as it was. None: any change
    # renders it anew (the programmes show mentors and rules); NO_ITEM: it shows none.
    depends_on: frozenset[tuple[str, str]] | None = None
    # A template that renders what search should keep of the page, when that is less
    # than the page (a profile's facts and buttons are not what people search for).
    search_template: str | None = None

    @property
    def path(self) -> str:
        return self.route.path

    @property
    def url(self) -> str:
        return self.route.url

    @property
    def meta(self) -> dict[str, Any]:
        """The page's front matter for the engine: what of the theme's page it hides, and
        whether search leaves it out."""
        meta: dict[str, Any] = {}
        if self.hide:
            meta["hide"] = list(self.hide)
        if not self.searchable:
            meta["search"] = {"exclude": True}
        return meta


@dataclass(frozen=True)
class Heading:
    level: int
    id: str
    title: str  # as HTML


@dataclass(frozen=True)
class BuiltPage:
    """A page rendered to HTML, with the headings its table of contents lists."""

    path: str
    url: str
    title: str
    html: str
    headings: tuple[Heading, ...]
    source: Path | None
    in_nav: bool
    meta: dict[str, Any] = field(default_factory=dict)
    search_html: str | None = None  # what search keeps of it, when not the whole page

    @cached_property
    def digest(self) -> str:
        """A mark of the HTML that changes when it does; a preview that reuses the page
        reuses the mark."""
        return hashlib.sha1(self.html.encode()).hexdigest()


@dataclass(frozen=True)
class Asset:
    """A file published with the site: a material, a size of a photo, a drawn avatar."""

    path: str
    source: Path | None = None
    photo_size: str | None = None  # a key of photos.SIZES: the photo is resized, not copied
    text: str | bytes | None = None  # made by the build rather than read from a file


@dataclass
class Site:
    pages: list[BuiltPage]
    assets: list[Asset]
    nav: list[Any]  # in the form of mkdocs.yml's `nav:`
