"""Turn content text into HTML that is safe to publish.

Plain-text fields are escaped so that neither HTML nor Markdown gets through:
every character that either language treats as syntax becomes a character
reference, which reads the same in a browser, in raw HTML and in Markdown, and
which `attr_list` and the other Markdown extensions cannot act on. Markdown fields
are rendered without any extension that writes attributes, then sanitised with an
allow-list.
"""

from __future__ import annotations

import functools

import markdown
import nh3
from markupsafe import Markup

_SYNTAX = "&<>\"'\\`*_{}[]()#!|~^=:$+@%"
_ESCAPES = str.maketrans(
    {char: f"&#{ord(char)};" for char in _SYNTAX}
    | {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\n": " ", "\r": " "}
)


def escape_text(value: object) -> Markup:
    """Plain text as HTML that neither a browser nor Markdown reads as markup."""
    if hasattr(value, "__html__"):
        return Markup(value.__html__())
    return Markup(str(value).translate(_ESCAPES))


# Markdown preprocessors (code fences, critic marks) act on raw HTML blocks too: the
# characters they start with are turned into references in sanitised HTML as well.
# None of them occurs in the syntax of the tags that nh3 writes.
_PREPROCESSOR_SYNTAX = str.maketrans({char: f"&#{ord(char)};" for char in "`~{}"})

_ALLOWED_TAGS = {
    "p", "br", "hr", "strong", "em", "b", "i", "code", "pre", "blockquote",
    "ul", "ol", "li", "a", "h3", "h4", "h5", "h6", "del", "sup", "sub",
    "table", "thead", "tbody", "tr", "th", "td",
}
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}}
_URL_SCHEMES = {"http", "https", "mailto"}

# No attr_list, md_in_html or raw-HTML passing extension: nothing a user writes becomes
# an attribute. `toc` only moves headings down, below the page's own.
_markdown = markdown.Markdown(
    extensions=["sane_lists", "tables", "fenced_code", "toc"],
    extension_configs={"toc": {"baselevel": 3, "anchorlink": False, "permalink": False}},
    output_format="html",
)


@functools.lru_cache(maxsize=8192)
def render_markdown(text: str) -> Markup:
    """A Markdown field as sanitised HTML."""
    if not text or not text.strip():
        return Markup("")
    html = _markdown.reset().convert(text)
    clean = nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes=_URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    return Markup(clean.translate(_PREPROCESSOR_SYNTAX))
