"""Reading built pages the way a person sees them."""

from __future__ import annotations

import html.parser
import re
from pathlib import Path


class Page(html.parser.HTMLParser):
    """What a browser would act on: attributes, script bodies, link targets, and the text."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.attributes: list[tuple[str, str, str]] = []
        self.scripts: list[str] = []
        self.text: list[str] = []
        self._in_script = False
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_script = tag == "script"
        self.attributes += [(tag, name, value or "") for name, value in attrs]

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        (self.scripts if self._in_script else self.text).append(data)

    @property
    def visible(self) -> str:
        """The page's text, with white space folded."""
        return re.sub(r"\s+", " ", " ".join(self.text))

    def values(self, tag: str, attribute: str) -> list[str]:
        return [value for t, name, value in self.attributes if t == tag and name == attribute]

    @classmethod
    def article(cls, site: Path, url: str) -> Page:
        """Only the page's own content: without header, navigation and footer."""
        text = (site / url / "index.html").read_text(encoding="utf-8")
        return cls(text[text.index("<article") : text.index("</article>")])

    @classmethod
    def at(cls, site: Path, url: str) -> Page:
        """The page a browser shows at `url` (from the site's root) of a built site."""
        path = site / url / "index.html" if url.endswith("/") or not url else site / url
        return cls(path.read_text(encoding="utf-8"))
