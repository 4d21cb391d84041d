"""Render planned pages to Markdown through the theme's Jinja templates."""

from __future__ import annotations

import json
from collections.abc import Sequence
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
from markupsafe import Markup

from mentorsite.i18n.strings import Strings
from mentorsite.project import default_theme
from mentorsite.site.markup import escape_text
from mentorsite.site.pages import Page, relative_url


def _finalize(value: Any) -> Any:
    # Every value that reaches the output is escaped for HTML and for Markdown alike,
    # unless it is already markup (sanitised Markdown fields).
    if value is None:
        return ""
    return escape_text(value)


@pass_context
def _url(context: Context, target: str) -> str:
    """A link from the page being rendered to `target`; absolute URLs pass unchanged."""
    if "://" in target or target.startswith(("mailto:", "#")):
        return target
    return relative_url(context["page"].url, target)


def _join(values: Any, separator: str = "", attribute: str | None = None) -> Markup:
    """Jinja's join, escaping each item for Markdown as well as for HTML."""
    items = (getattr(v, attribute) if attribute else v for v in values)
    return Markup(escape_text(separator).join(escape_text(item) for item in items))


class Renderer:
    """The Jinja environment of a theme, with the UI strings of one language."""

    def __init__(self, themes: Sequence[Path], strings: Strings) -> None:
        default = default_theme()
        loader = ChoiceLoader(
            [
                *(FileSystemLoader(folder / "templates") for folder in themes),
                # `{% extends "default/profile.md.j2" %}` reaches the template being overridden.
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
        self.env.globals.update(t=strings, date=strings.date)
        self.env.filters["url"] = _url
        self.env.filters["join"] = _join

    def render(self, page: Page) -> str:
        """The page's Markdown, front matter first."""
        front = {"title": str(escape_text(page.title)), **page.meta}
        body = self.env.get_template(page.template).render(page=page, **page.context)
        # JSON is YAML, and much quicker to write for thousands of pages.
        header = "".join(
            f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in front.items()
        )
        return f"---\n{header}---\n\n{body}"
