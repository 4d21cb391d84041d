"""Two built sites compared page by page, as a reader would compare them.

For every HTML page: the same path, the same `<html lang>`, the same title, and the same
content (the text, the links and images with their targets, the ids that links point
at) and table of contents. Links are compared by where they lead, so `./` and `` on the
same page are one. The theme's frame (header, sidebar, footer, its own anchors such as
Zensical's `__skip`) is not compared: it is the engine's.
"""

from __future__ import annotations

import html.parser
import re
from html import unescape
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

_HIDDEN = {"script", "style", "svg"}


class _Part(html.parser.HTMLParser):
    def __init__(self, text: str, url: str) -> None:
        super().__init__()
        self.url = url
        self.text: list[str] = []
        self.links: list[str] = []
        self.ids: list[str] = []
        self._hidden = 0
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self._hidden += tag in _HIDDEN
        if tag == "a" and found.get("href") is not None:
            self.links.append(target(self.url, found["href"] or ""))
        if tag == "img":
            self.links.append("image " + target(self.url, found.get("src") or ""))
        if found.get("id") and not found["id"].startswith("__"):
            self.ids.append(found["id"])

    def handle_endtag(self, tag: str) -> None:
        self._hidden -= tag in _HIDDEN

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.text.append(data)

    def summary(self) -> tuple[str, list[str], list[str]]:
        return re.sub(r"\s+", " ", " ".join(self.text)).strip(), self.links, self.ids


def target(page_url: str, href: str) -> str:
    """Where a link leads, from the site's root: `../units/it/` on `mentors/anna-jensen/`
    is `/mentors/units/it/`."""
    if "://" in href or href.startswith(("mailto:", "tel:")):
        return href
    parts = urlsplit(urljoin(f"http://site/{page_url}", href))
    last = parts.path.rsplit("/", 1)[-1]
    path = parts.path if not last or "." in last else f"{parts.path}/"
    return (
        path
        + (f"?{parts.query}" if parts.query else "")
        + (f"#{parts.fragment}" if parts.fragment else "")
    )


def page_summary(site: Path, path: str) -> dict[str, Any]:
    """What a reader compares of one page."""
    text = (site / path).read_text(encoding="utf-8")
    url = path.removesuffix("index.html")
    lang = re.search(r'<html[^>]*\slang="([^"]*)"', text)
    title = re.search(r"<title>(.*?)</title>", text, re.S)
    start, end = text.find("<article"), text.find("</article>")
    sidebar = text.find("md-sidebar--secondary")
    toc = text[sidebar : text.find("</nav>", sidebar)] if sidebar >= 0 else ""
    return {
        "lang": lang and lang.group(1),
        "title": title and unescape(title.group(1).strip()),
        "content": _Part(text[start:end] if start >= 0 else "", url).summary(),
        "toc": _Part(toc, url).summary()[:2],
    }


def html_pages(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("*.html")}


def differences(expected: Path, found: Path) -> list[str]:
    """How the site `found` differs from `expected`, one line per page and part; [] when a
    reader could not tell them apart."""
    ours, theirs = html_pages(expected), html_pages(found)
    lines = [f"missing: {path}" for path in sorted(ours - theirs)]
    lines += [f"extra: {path}" for path in sorted(theirs - ours)]
    for path in sorted(ours & theirs):
        a, b = page_summary(expected, path), page_summary(found, path)
        lines += [f"{path}: {part}: {_where(a[part], b[part])}" for part in a if a[part] != b[part]]
    return lines


def _where(expected: Any, found: Any) -> str:
    """The two values around where they first differ, short enough to read."""
    a, b = repr(expected), repr(found)
    at = next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )
    start = max(0, at - 80)
    return f"…{a[start : at + 80]}… != …{b[start : at + 80]}…"
