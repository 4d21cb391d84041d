"""Turn content text into HTML that is safe to publish.

Plain-text fields are escaped so that neither HTML nor Markdown gets through:
every character that either language treats as syntax becomes a character
reference, which reads the same in a browser, in raw HTML and in Markdown, and
which `attr_list` and the other Markdown extensions cannot act on. Markdown fields
are rendered by Python-Markdown with the site's own extensions, as far as they are safe
on a field (`dialect.py`), then sanitised with an allow-list.
"""

from __future__ import annotations

import functools
import re
from urllib.parse import quote

import markdown
import nh3
from markupsafe import Markup, escape

from mentorsite.site.dialect import DEFAULT_EXTENSIONS, FIELD_SAFE, Extensions, field_extensions

_SYNTAX = "&<>\"'\\`*_{}[]()#!|~^=:$+@%"
_ESCAPES = str.maketrans(
    {char: f"&#{ord(char)};" for char in _SYNTAX}
    | {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\n": " ", "\r": " "}
)


def escape_text(value: object) -> Markup:
    """Plain text as HTML that neither a browser nor Markdown reads as markup."""
    if type(value) is str:
        return Markup(value.translate(_ESCAPES))
    if hasattr(value, "__html__"):
        return Markup(value.__html__())
    return Markup(str(value).translate(_ESCAPES))


# Markdown preprocessors (code fences, critic marks) act on raw HTML blocks too: the
# characters they start with are turned into references in sanitised HTML as well.
# None of them occurs in the syntax of the tags that nh3 writes.
_PREPROCESSOR_SYNTAX = str.maketrans({char: f"&#{ord(char)};" for char in "`~{}"})

_ALLOWED_TAGS = {
    "p",
    "br",
    "hr",
    "strong",
    "em",
    "b",
    "i",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "h3",
    "h4",
    "h5",
    "h6",
    "del",
    "sup",
    "sub",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    # what the extensions a field may use write (dialect.py): inert text formatting
    "dl",
    "dt",
    "dd",
    "abbr",
    "ins",
    "mark",
    "kbd",
    "div",
    "details",
    "summary",
}
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}, "abbr": {"title"}}
# A note (`!!! note`, `??? tip`) keeps the classes Material styles it by, and no other.
_NOTE_KINDS = {
    *("note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important"),
    *("success", "check", "done", "question", "help", "faq", "warning", "caution"),
    *("attention", "failure", "fail", "missing", "danger", "error", "bug", "example"),
    *("quote", "cite"),
}
_ALLOWED_CLASSES = {
    "div": {"admonition", *_NOTE_KINDS},
    "p": {"admonition-title"},
    "details": _NOTE_KINDS,
}
_URL_SCHEMES = {"http", "https", "mailto"}
_SANITISER = nh3.Cleaner(
    tags=_ALLOWED_TAGS,
    attributes=_ALLOWED_ATTRIBUTES,
    allowed_classes=_ALLOWED_CLASSES,
    url_schemes=_URL_SCHEMES,
    link_rel="noopener noreferrer",
    strip_comments=True,
)

_HEADING = re.compile(r"<(/?)h([1-6])\b")


def _below_page_headings(match: re.Match[str]) -> str:
    return f"<{match[1]}h{min(int(match[2]) + 2, 6)}"


class MarkdownFields:
    """Markdown fields as sanitised HTML, in the site's dialect.

    One Python-Markdown instance serves every field of a build, and each text is
    rendered once. Raw HTML and every attribute go through the sanitiser's allow-list;
    headings move below the page's own.
    """

    def __init__(self, extensions: Extensions = DEFAULT_EXTENSIONS) -> None:
        allowed = field_extensions(extensions)
        self._markdown = markdown.Markdown(extensions=list(allowed), extension_configs=allowed)
        self._plain = plain_path_holds(allowed)
        self._rendered = functools.lru_cache(maxsize=4096)(self._render)

    def __call__(self, text: str | None) -> Markup:
        if not text or not text.strip():
            return Markup("")
        return self._rendered(text)

    def html(self, text: str) -> str:
        """What Python-Markdown makes of `text`, before sanitising."""
        quick = plain_html(text) if self._plain else None
        if quick is not None:
            return quick
        self._markdown.reset()  # nothing of one field (its link references) reaches the next
        try:
            return self._markdown.convert(text)
        except RecursionError:  # blocks nested or chained hundreds deep: shown as typed
            return "\n".join(f"<p>{escape(part)}</p>" for part in _PARAGRAPHS.split(text.strip()))

    def _render(self, text: str) -> Markup:
        clean = _SANITISER.clean(_HEADING.sub(_below_page_headings, self.html(text)))
        if any(char in clean for char in "`~{}"):
            clean = clean.translate(_PREPROCESSOR_SYNTAX)
        return Markup(clean)


# -- the quick path -------------------------------------------------------------------------
# Most fields are paragraphs of words with at most some **bold** or *italic* in them, and
# Python-Markdown spends most of its time on such a text trying its many patterns on it.
# A text of exactly that form is written here as Python-Markdown would write it (a property
# test compares the two on generated texts); any other text goes to Python-Markdown.

# Extensions that change nothing in such a text (they need characters that it lacks, or
# act on blocks it cannot hold); with any other, every text goes to Python-Markdown.
_PLAIN_NEUTRAL = FIELD_SAFE - {
    "nl2br",  # line breaks
    "smarty",  # quotes, dashes, ellipses
    "pymdownx.smartsymbols",  # (c), 1st, 1/2, -->
    "pymdownx.magiclink",  # www.example.org, name@example.org
    "pymdownx.fancylists",  # a. and I. lists
}

# Letters, digits, and punctuation that none of those extensions acts on mid-line. `\w`
# holds `_` too: a text with `_` in it is not taken here.
_CHARS = r"[\w ,.;:?!()'\"/%-]"
_WORD = r"[^\W_]"
_LINE = r"(?:[^\W\d_]|\*)[\w ,.;:?!()'\"/%*-]*(?<! )"  # from a letter, to no space
_PLAIN = re.compile(rf"{_LINE}(?:\n+{_LINE})*")
# A span opens after a space, a bracket or the start of a line, and closes before a space,
# a punctuation mark or the end (the lookbehind follows the marks, so that the search for
# them is quick).
_SPAN = rf"({_WORD}(?:{_CHARS}*?{_WORD})?)"
_AFTER = r"(?=[ ,.;:?!)\n]|$)"
_STRONG = re.compile(rf"\*\*(?<![^ (\n]\*\*){_SPAN}\*\*{_AFTER}")
_EMPHASIS = re.compile(rf"\*(?<![^ (\n]\*){_SPAN}\*{_AFTER}")
_PARAGRAPHS = re.compile(r"\n\n+")


def plain_path_holds(extensions: Extensions) -> bool:
    """Whether `plain_html` writes what Python-Markdown with these extensions would."""
    return all(
        name in _PLAIN_NEUTRAL and not (name == "abbr" and options.get("glossary"))
        for name, options in extensions.items()
    )


def plain_html(text: str) -> str | None:
    """Paragraphs of words, with **bold** and *italic*, as Python-Markdown writes them;
    None for any other text."""
    body = text.rstrip("\n")
    if "_" in body or not _PLAIN.fullmatch(body):
        return None
    paragraphs = []
    for paragraph in _PARAGRAPHS.split(body):
        if "*" in paragraph:
            paragraph = _STRONG.sub(r"<strong>\1</strong>", paragraph)
            paragraph = _EMPHASIS.sub(r"<em>\1</em>", paragraph)
            if "*" in paragraph:
                return None
        paragraphs.append(f"<p>{paragraph}</p>")
    return "\n".join(paragraphs)


def mailto(address: str, subject: str = "", body: str = "") -> str:
    """A mailto: URL as RFC 6068 writes it: the address and each header percent-encoded,
    so that no value can add a recipient (`?bcc=`) or a header of its own."""
    url = "mailto:" + quote(address, safe="@")
    headers = [(name, value) for name, value in (("subject", subject), ("body", body)) if value]
    if headers:
        url += "?" + "&".join(f"{name}={quote(value, safe='')}" for name, value in headers)
    return url
