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

from .locale import Strings
from .markup import escape_text
from .pages import Page, relative_url


def default_theme() -> Path:
    """The theme shipped with mentorsite: inside the package once installed, else the repo's."""
    here = Path(__file__).resolve().parent
    for folder in (here / "themes" / "default", here.parent / "themes" / "default"):
        if (folder / "templates").is_dir():
            return folder
    raise FileNotFoundError("the default theme of mentorsite is missing from the installation")


def theme_dirs(custom: Path | None = None) -> list[Path]:
    """Theme folders in search order: the organisation's own first, then the default."""
    return [custom, default_theme()] if custom else [default_theme()]


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
