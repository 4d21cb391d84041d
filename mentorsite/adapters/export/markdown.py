"""A generated page as a Markdown file that any MkDocs-compatible engine turns back into it.

The page's HTML goes in as raw HTML blocks, which Python-Markdown passes through as they
are (its text is written so that Markdown reads it as text: see site/markup.py). Only
the headings of the table of contents are written as Markdown headings, with their ids
(`## Kontakt { #kontakt }`), so that the engine's `toc` extension lists them and gives
them their permalinks, as mentorsite's own build does. The front matter carries what the
plugin tells the engine: the title, what the theme hides, whether search leaves the page
out, and the YAML file its edit link leads to.
"""

from __future__ import annotations

import html.parser
import json
import re
from collections.abc import Iterator
from typing import Any

from mentorsite.site.markup import escape_text
from mentorsite.site.page import BuiltPage, Heading

# The files MkDocs and Zensical read as pages.
MARKDOWN = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")
# Elements that have no end tag: they open no level of nesting.
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
_VOID |= {"track", "wbr", "param"}
# In a heading's text, what Markdown would read as syntax becomes a character reference;
# references already there (`&#39;`, `&amp;`) and tags are left as they are.
_TEXT = re.compile(r"(<[^>]*>|&#?\w+;)|([\\`*_{}\[\]()#+!|~^=:$@%<>\"'-])")


def file_path(path: str, *, directory_urls: bool) -> str:
    """Where a generated page is written: with directory URLs, `mentors/anna-jensen/index.md`
    rather than `mentors/anna-jensen.md`. Both give the same URL, but Zensical reads the
    links in raw HTML as relative to the Markdown file, MkDocs as relative to the page: the
    page's own folder makes the two the same."""
    if not directory_urls or path == "index.md" or path.endswith("/index.md"):
        return path
    return f"{path.removesuffix('.md')}/index.md"


def page_markdown(page: BuiltPage, edit_url: str | None) -> tuple[str, list[Heading]]:
    """The page as Markdown; and the headings of its table of contents that sit inside
    another element, which Markdown cannot make headings of (they keep their place on
    the page, but the engine's table of contents leaves them out)."""
    front: dict[str, Any] = {"title": str(escape_text(page.title)), **page.meta}
    if edit_url is not None:
        front["edit_url"] = edit_url  # "" for a page made from no file: no edit link
    # JSON is YAML, and much quicker to write for thousands of pages.
    header = "".join(
        f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in front.items()
    )
    body, nested = _body(page)
    return f"---\n{header}---\n\n{body}", nested


def without_edit_link(text: str) -> bytes:
    """A Markdown page given an empty `edit_url` in its front matter: no edit link."""
    if text.startswith("---\n") and "\n---\n" in text[3:]:
        return f"---\nedit_url: ''\n{text[4:]}".encode()
    return f"---\nedit_url: ''\n---\n\n{text}".encode()


def _body(page: BuiltPage) -> tuple[str, list[Heading]]:
    html = page.html
    wanted = {heading.id: heading for heading in page.headings}
    parts, start, found = [], 0, set()
    for begin, end, heading_id in _top_level_headings(html, set(wanted)):
        heading = wanted[heading_id]
        parts += [html[start:begin].strip("\n"), _markdown_heading(heading)]
        start, found = end, found | {heading_id}
    parts.append(html[start:].strip("\n"))
    text = "\n\n".join(part for part in parts if part.strip())
    return f"{text}\n", [h for h in page.headings if h.id not in found]


def _markdown_heading(heading: Heading) -> str:
    title = " ".join(heading.title.split())
    text = _TEXT.sub(lambda m: m.group(1) or f"&#{ord(m.group(2))};", title)
    return f"{'#' * heading.level} {text} {{ #{heading.id} }}"


def _top_level_headings(html: str, ids: set[str]) -> Iterator[tuple[int, int, str]]:
    """Where each heading of the table of contents begins and ends, when it stands at the
    top level of the page (inside no other element)."""
    finder = _Headings(ids)
    finder.feed(html)
    finder.close()
    offsets = [0]
    for line in html.splitlines(keepends=True):
        offsets.append(offsets[-1] + len(line))
    for (line, column), level, heading_id in finder.found:
        begin = offsets[line - 1] + column
        end = html.index(f"</h{level}>", begin) + len(f"</h{level}>")
        yield begin, end, heading_id


class _Headings(html.parser.HTMLParser):
    def __init__(self, ids: set[str]) -> None:
        super().__init__(convert_charrefs=False)
        self.ids = ids
        self.depth = 0
        self.found: list[tuple[tuple[int, int], int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        heading_id = dict(attrs).get("id")
        if self.depth == 0 and re.fullmatch(r"h[1-6]", tag) and heading_id in self.ids:
            self.found.append((self.getpos(), int(tag[1]), heading_id))  # type: ignore[arg-type]
        self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag not in _VOID:
            self.depth = max(0, self.depth - 1)
