"""Which of the site's Markdown extensions a Markdown field is written in.

A field (a bio, a rule's text, a programme's planning topic) is read with the same
extensions as the site's free pages, so that the same text looks the same in both: a list
nested by two spaces is flat in both, a `!!! note` is a note in both. But a field is
untrusted text, which anyone who edits the YAML or fills in an imported workbook writes,
so only the extensions named here are used; any other extension the site enables is
left out of fields. Each is left out for one of these reasons:

- it reads files or runs code: `pymdownx.snippets` (`--8<-- "/etc/passwd"`), `pymdownx.b64`
  (embeds local images), and any extension not known here (`markdown-include`, ...);
- it makes ids and links to them, which would clash with the page's own ids or between
  the fields of one page: `toc` (and its `[TOC]`), `footnotes`, `pymdownx.tabbed`;
- what it makes means nothing once sanitised, or to a field: `md_in_html` (raw HTML is
  sanitised anyway), `meta` (it would swallow a first line like `Erfaring: 20 år`),
  `pymdownx.arithmatex` (its output is for a maths script), `pymdownx.emoji` (images),
  `pymdownx.blocks.*`, `pymdownx.progressbar`, `pymdownx.pathconverter`, `legacy_attrs`.

Attributes written with `attr_list` (`{: #id .class onclick=... }`) are allowed as syntax,
so that the braces vanish as they do on a page; the sanitiser then keeps no id, style or
event attribute, and no class but a note's (site/markup.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

Extensions = Mapping[str, Mapping[str, Any]]  # extension name -> its options, in order

# What a free page gets in a MkDocs project whose mkdocs.yml names no extensions: MkDocs'
# own three. A build that is given no extensions (no mkdocs.yml) uses these.
DEFAULT_EXTENSIONS: Extensions = MappingProxyType({"toc": {}, "tables": {}, "fenced_code": {}})

FIELD_SAFE = frozenset(
    {
        # Python-Markdown's own
        "abbr",
        "admonition",
        "attr_list",
        "codehilite",
        "def_list",
        "fenced_code",
        "legacy_em",
        "nl2br",
        "sane_lists",
        "smarty",
        "tables",
        "wikilinks",
        # PyMdown Extensions, which Material's users enable
        "pymdownx.betterem",
        "pymdownx.caret",
        "pymdownx.details",
        "pymdownx.escapeall",
        "pymdownx.fancylists",
        "pymdownx.highlight",
        "pymdownx.inlinehilite",
        "pymdownx.keys",
        "pymdownx.magiclink",
        "pymdownx.mark",
        "pymdownx.saneheaders",
        "pymdownx.smartsymbols",
        "pymdownx.striphtml",
        "pymdownx.superfences",
        "pymdownx.tasklist",
        "pymdownx.tilde",
    }
)

# Extensions that only load others: a field gets the safe ones among them.
_BUNDLES = {
    "extra": (
        "fenced_code",
        "footnotes",
        "attr_list",
        "def_list",
        "tables",
        "abbr",
        "md_in_html",
    ),
    "pymdownx.extra": (
        "pymdownx.betterem",
        "pymdownx.superfences",
        "footnotes",
        "attr_list",
        "def_list",
        "tables",
        "abbr",
        "md_in_html",
    ),
}


def short_name(name: str) -> str:
    """An extension's name as this module knows it: `markdown.extensions.tables:TableExtension`
    is `tables`."""
    name = name.split(":", 1)[0]
    return name.removeprefix("markdown.extensions.")


def field_extensions(site: Extensions) -> dict[str, dict[str, Any]]:
    """The site's extensions that Markdown fields are rendered with, with their options."""
    found: dict[str, dict[str, Any]] = {}
    for name, options in site.items():
        if not isinstance(name, str):
            continue
        short = short_name(name)
        if short in _BUNDLES:
            parts = {short_name(key): value for key, value in (options or {}).items()}
            for part in _BUNDLES[short]:
                if part in FIELD_SAFE and part not in found:
                    found[part] = dict(parts.get(part, {}))
        elif short in FIELD_SAFE:
            found.pop(short, None)  # named on its own: its own options count
            found[short] = dict(options or {})
    return found
