"""The exported project's mkdocs.yml: the project's own, plus what the plugin would have set.

The plugin gives MkDocs, at build time, the site's language, the navigation, mentorsite's
stylesheet and script and each generated page's edit link; the export writes them down.
Edit links are worked out here as MkDocs works them out (repo_url, edit_uri or
edit_uri_template, and the page's file relative to docs_dir), for the YAML file a page
is made from.
"""

from __future__ import annotations

import os
import posixpath
import string
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urljoin, urlsplit

import pathspec

from mentorsite.adapters.export.mkdocs_yml import setting, without_plugin
from mentorsite.content import Content
from mentorsite.i18n.strings import Strings, theme_words
from mentorsite.site.page import BuiltPage

if TYPE_CHECKING:
    from mentorsite.adapters.export.project import Source

STYLESHEET = "assets/mentorsite/mentorsite.css"
SCRIPT = "assets/mentorsite/mentorsite.js"
# What MkDocs leaves out of docs_dir by default, before the project's own `exclude_docs`.
_DEFAULT_EXCLUDED = (".*", "/templates/")
_EDIT_URI_DEFAULTS = {
    "github.com": "edit/master/docs/",
    "gitlab.com": "edit/master/docs/",
    "bitbucket.org": "src/default/docs/",
}


def configuration(
    source: Source,
    content: Content,
    nav: list[Any],
    files: dict[str, str],
    *,
    docs: str,
    overrides: str,
) -> dict[str, Any]:
    """The exported mkdocs.yml, as a mapping to write: `nav` unless the project has its
    own; in either, each generated page under the name `files` gives it in the export."""
    config = dict(source.config)
    config.pop("site_dir", None)  # the export builds into its own site/
    config["docs_dir"] = docs
    if "plugins" in config:
        config["plugins"] = without_plugin(config["plugins"])
    theme = config.get("theme") or {}
    theme = {"name": theme} if isinstance(theme, str) else dict(theme)
    strings = Strings.load(content.organisation.language, source.themes)
    theme["language"] = content.organisation.language
    theme["custom_dir"] = overrides
    # As the plugin does: no web fonts from Google's servers unless the project names one,
    # and Material's 404 page and footer in the site's language.
    theme.setdefault("font", False)
    config["theme"] = theme
    config["extra"] = {**(config.get("extra") or {}), "mentorsite": theme_words(strings)}
    config["extra_css"] = _added(config.get("extra_css"), STYLESHEET)
    config["extra_javascript"] = _added(config.get("extra_javascript"), SCRIPT)
    config["markdown_extensions"] = _extensions(
        config.get("markdown_extensions"), permalink_title=strings("ui.permalink")
    )
    config["nav"] = _renamed(config.get("nav") or nav, files)
    return config


def _renamed(nav: Any, files: dict[str, str]) -> Any:
    """The navigation with each generated page's path as the export writes it."""
    if isinstance(nav, str):
        return files.get(nav, nav)
    if isinstance(nav, dict):
        return {title: _renamed(entry, files) for title, entry in nav.items()}
    return [_renamed(entry, files) for entry in nav]


def _added(items: Any, item: str) -> list[Any]:
    items = list(items or [])
    return items if item in items else [*items, item]


def _extensions(extensions: Any, *, permalink_title: str) -> list[Any]:
    """The project's Markdown extensions, with the two that generated pages need: attr_list
    (a heading's id) and toc with permalinks (the table of contents, a heading's link)."""
    if isinstance(extensions, dict):
        extensions = [{name: options} for name, options in extensions.items()]
    found: list[Any] = []
    names = set()
    for entry in extensions or []:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        short = str(name).removeprefix("markdown.extensions.")
        names.add(short)
        if short == "toc":
            options = {"permalink": True, "permalink_title": permalink_title, **(options or {})}
            entry = {name: options}
        found.append(entry)
    if "attr_list" not in names:
        found.append("attr_list")
    if "toc" not in names:
        found.append({"toc": {"permalink": True, "permalink_title": permalink_title}})
    return found


def free_pages(config: dict[str, Any], docs_dir: Path) -> list[str]:
    """The free pages in the navigation, in the order the plugin lists them: every Markdown
    file of docs_dir that is not excluded, left out of the navigation, or a draft."""
    left_out = [*_DEFAULT_EXCLUDED]
    for key in ("exclude_docs", "not_in_nav", "draft_docs"):
        left_out += str(setting(config, key, "")).splitlines()
    spec = pathspec.GitIgnoreSpec.from_lines(left_out)
    if not docs_dir.is_dir():
        return []
    pages = [path.relative_to(docs_dir).as_posix() for path in docs_dir.rglob("*.md")]
    return sorted(page for page in pages if not spec.match_file(page))


def edit_urls(config: dict[str, Any], pages: Sequence[BuiltPage], docs_dir: Path) -> dict[str, str]:
    """Each generated page's edit link: its YAML file, or "" for a page made from none. An
    empty mapping when the project has no edit links."""
    repo_url = setting(config, "repo_url")
    edit_uri = setting(config, "edit_uri")
    template = setting(config, "edit_uri_template")
    if edit_uri is None and repo_url:
        edit_uri = _EDIT_URI_DEFAULTS.get(urlsplit(repo_url).netloc.lower())
    if edit_uri and not edit_uri.endswith("/"):
        edit_uri += "/"
    if not template and not edit_uri:
        return {}
    urls = {}
    for page in pages:
        if page.source is None:
            urls[page.path] = ""
            continue
        path = Path(os.path.relpath(page.source, docs_dir)).as_posix()
        if template:
            noext = posixpath.splitext(path)[0]
            relative = _Template().format(template, path=path, path_noext=noext)
        else:
            relative = f"{edit_uri}{path}"
        base = repo_url or ""
        if base and not relative.startswith(("?", "#")) and not base.endswith("/"):
            base += "/"
        urls[page.path] = urljoin(base, relative)
    return urls


class _Template(string.Formatter):
    """edit_uri_template's form: `{path}`, `{path_noext}`, and `!q` to quote one."""

    def convert_field(self, value: Any, conversion: str | None) -> Any:
        if conversion == "q":
            return quote(value, safe="")
        return super().convert_field(value, conversion)
