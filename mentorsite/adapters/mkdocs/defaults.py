"""What the plugin sets in mkdocs.yml's stead where its author chose nothing, so that a page
loads nothing from another host and speaks the site's language in Material's chrome too.

- `theme.font`: Material loads Roboto from Google's servers on every page unless told not
  to; left at Material's default, it is turned off and the pages use the system's fonts.
- the `toc` extension's `permalink_title`: the title of the free pages' heading anchors.
- Material's overrides in each theme folder (`overrides/`, after mkdocs.yml's own
  `custom_dir`): a 404 page and a footer whose words are the locale's, given to them as
  `config.extra.mentorsite` (where Zensical, too, hands them on).
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.theme import Theme

from mentorsite.i18n.strings import Strings, theme_words

_TOC = ("toc", "markdown.extensions.toc")


def apply_defaults(config: MkDocsConfig, language: str, themes: list[Path]) -> None:
    """mkdocs.yml's settings, completed where its author left them to Material's default."""
    strings = Strings.load(language, themes)
    theme = config.theme
    if theme.name and theme.get("font") == _default_font(theme.name):
        theme["font"] = False
    toc = next((name for name in _TOC if name in config.mdx_configs), "toc")
    config.mdx_configs.setdefault(toc, {}).setdefault("permalink_title", strings("ui.permalink"))
    config.extra["mentorsite"] = theme_words(strings)
    at = 1 if theme.custom_dir else 0  # mkdocs.yml's custom_dir stays first
    overrides = [folder / "overrides" for folder in themes]
    theme.dirs[at:at] = [str(folder) for folder in overrides if folder.is_dir()]


@functools.cache
def _default_font(theme: str) -> Any:
    """The font the theme comes with (Material: Roboto), read once: a preview rebuilds often."""
    return Theme(name=theme).get("font")
