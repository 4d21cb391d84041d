"""Render planned pages to HTML through the theme's Jinja templates.

The HTML goes to the engine as it is: no Markdown parser reads it again. The headings a
template marks for the table of contents get their ids and permalinks here, and are
handed on with the page. A mentor's card and list line are rendered once and reused on
every page that shows them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import unescape
from pathlib import Path
from typing import Any

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PrefixLoader,
    StrictUndefined,
    pass_context,
)
from jinja2.runtime import Context
from markupsafe import Markup, escape

from mentorsite.i18n.strings import Strings
from mentorsite.i18n.text import slug
from mentorsite.project import default_theme
from mentorsite.site.page import BuiltPage, Heading, Page
from mentorsite.site.routes import relative_url

# Links in a fragment rendered once for many pages are marked with their target from the
# site's root; the page that shows the fragment makes each one relative to itself.
_ROOT = "\x00/"
_FROM_ROOT = re.compile('\x00/([^"]*)')
_MARKED = re.compile(r"<h([1-6]) data-ms-toc>(.*?)</h\1>", re.S)
_TAGS = re.compile(r"<[^>]+>")


def _finalize(value: Any) -> Any:
    return "" if value is None else value


@pass_context
def _url(context: Context, target: str) -> str:
    """A link from the page being rendered to `target`; absolute URLs pass unchanged."""
    if "://" in target or target.startswith(("mailto:", "#")):
        return target
    if context.get("from_root"):
        return _ROOT + target
    return relative_url(context["page"].url, target)


class Renderer:
    """The Jinja environment of a theme, with the UI strings of one language."""

    def __init__(self, themes: Sequence[Path], strings: Strings) -> None:
        default = default_theme()
        loader = ChoiceLoader(
            [
                *(FileSystemLoader(folder / "templates") for folder in themes),
                # `{% extends "default/profile.html.j2" %}` reaches the template overridden.
                PrefixLoader({"default": FileSystemLoader(default / "templates")}),
            ]
        )
        self.env = Environment(
            loader=loader,
            autoescape=True,
            undefined=StrictUndefined,
            finalize=_finalize,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.strings = strings
        self.env.globals.update(t=strings, date=strings.date, once=self._once)
        self.env.filters["url"] = _url
        self._fragments: dict[tuple[str, str], Markup] = {}

    def _once(self, template: str, item: Any) -> Markup:
        """A fragment about one item (a mentor's card), rendered once for every page."""
        key = (template, item.id)
        if key not in self._fragments:
            body = self.env.get_template(template).render(item=item, from_root=True)
            self._fragments[key] = Markup(body)
        return self._fragments[key]

    def forget(self, items: set[str]) -> None:
        """Drop the fragments of these items: they changed, and are rendered anew."""
        for key in [key for key in self._fragments if key[1] in items]:
            del self._fragments[key]

    def render(self, page: Page) -> BuiltPage:
        html = self.env.get_template(page.template).render(page=page, **page.context)
        if _ROOT in html:
            html = _FROM_ROOT.sub(lambda m: relative_url(page.url, m.group(1)), html)
        html, headings = self._headings(html)
        search = None
        if page.search_template and page.searchable:
            text = self.env.get_template(page.search_template).render(page=page, **page.context)
            search, _ = self._headings(text)
        return BuiltPage(
            page.path,
            page.url,
            page.title,
            html,
            headings,
            page.source,
            page.in_nav,
            page.meta,
            search,
        )

    def _headings(self, html: str) -> tuple[str, tuple[Heading, ...]]:
        """Ids and permalinks for the headings marked `data-ms-toc`, in the page's order."""
        headings: list[Heading] = []
        used: set[str] = set(re.findall(r'\sid="([^"]+)"', html))
        title = escape(self.strings("ui.permalink"))

        def anchor(match: re.Match[str]) -> str:
            level, inner = int(match.group(1)), match.group(2)
            base = slug(unescape(_TAGS.sub("", inner))) or "section"
            found, number = base, 0
            while found in used:
                number += 1
                found = f"{base}_{number}"
            used.add(found)
            headings.append(Heading(level, found, inner))
            link = f'<a class="headerlink" href="#{found}" title="{title}">&para;</a>'
            return f'<h{level} id="{found}">{inner}{link}</h{level}>'

        return _MARKED.sub(anchor, html), tuple(headings)
