"""Wires MkDocs' build events to mentorsite's engine-neutral build.

`on_config` loads and builds (before MkDocs cleans site_dir, so a content error leaves the
previous site alone); `on_files` hands MkDocs the pages and files; `on_page_content` puts
each generated page's HTML in place of what Python-Markdown made of its short stub, with
the table of contents from the headings the build found. A page's stub is a file that
changes only when the page's HTML does, so that a dirty rebuild skips the others.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.structure.toc import get_toc

from mentorsite.adapters.mkdocs.config import MentorsiteConfig
from mentorsite.adapters.mkdocs.defaults import apply_defaults
from mentorsite.adapters.mkdocs.preview import merge_search_index, prunes, showing_titles
from mentorsite.build import BuildOptions, Builds, PlannedSite, plan_site
from mentorsite.content import Content, load_content
from mentorsite.history.git import HistoryError, read_history
from mentorsite.load.documents import forget_documents
from mentorsite.model import PairsFile
from mentorsite.output import mark, unsafe_target
from mentorsite.pairing.pairs import load_pairs
from mentorsite.photos import PhotoError, prepare_photo
from mentorsite.problems import display_path
from mentorsite.project import CACHE_FOLDER, Paths, theme_dirs
from mentorsite.site.markup import escape_text
from mentorsite.site.page import BuiltPage, Edition, Heading, Page, Site

log = get_plugin_logger(__name__)

_ASSETS = ("mentorsite.css", "mentorsite.js")


class MentorsitePlugin(BasePlugin[MentorsiteConfig]):
    site: Site | PlannedSite
    pages: dict[str, BuiltPage | Page]
    _rendered: tuple[str, BuiltPage] | None = None  # in a build, the page being written
    themes: list[Path]
    pairs_path: Path | None
    # Kept across the rebuilds of a preview (MkDocs keeps one plugin when on_startup is
    # defined): the last build, to reuse its pages; what the whole site looked like.
    builds: Builds | None = None
    _serving = False
    _compiled: _Compiled | None = None  # Material's templates, compiled once per preview
    _outline: tuple | None = None
    _nav: str | None = None
    _titles: dict[str, str] | None = None  # each page's title in the navigation
    _retitled: frozenset[str] = frozenset()  # the pages whose title changed
    _pages_now: frozenset[str] = frozenset()  # every page's URL, as search locates it
    _free_pages: str | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Defined so that MkDocs keeps one plugin across the rebuilds of `serve`."""
        self._serving = command == "serve"
        if self._serving:
            self._compiled = _Compiled()

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        # MkDocs makes the theme's Jinja environment anew for every build, which compiles
        # every template of Material again; a preview keeps what it compiled.
        if self._compiled is not None:
            env.bytecode_cache = self._compiled
        return env

    # Runs before every other plugin's on_config, so that Material and its search plugin
    # see the organisation's language; and before MkDocs cleans site_dir.
    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path or ".").resolve().parent
        paths = Paths.at(root, self.config.content_dir, self.config.config_dir)
        content = self._content(paths)
        custom = root / self.config.theme_dir if self.config.theme_dir else None
        if custom is not None and not custom.is_dir():
            raise PluginError(f"theme_dir: the folder '{self.config.theme_dir}' does not exist")
        self.themes = theme_dirs(custom)
        docs_dir = Path(config.docs_dir)
        unsafe = unsafe_target(
            Path(config.site_dir), root, [paths.content, paths.config, docs_dir, *self.themes]
        )
        if unsafe:  # checked before MkDocs cleans site_dir
            raise PluginError(f"site_dir: {unsafe}; nothing was built")
        self.pairs_path = self._pairs_path(root, paths, docs_dir)
        config.theme["language"] = content.organisation.language
        edition = Edition(self.config.edition)
        options = BuildOptions(
            themes=self.themes,
            edition=edition,
            directory_urls=config.use_directory_urls,
            site_url=config.site_url or None,
            history=self._history(paths),
            pairs=self._pairs(root, content) if edition is Edition.HR else None,
            markdown_extensions=_markdown_extensions(config),
        )
        try:
            self.site = self._build(content, options, config)
        except Exception as error:  # a broken override template: say which, stop cleanly
            raise PluginError(f"a theme template failed: {error}") from error
        apply_defaults(config, content.organisation.language, self.themes)
        clashes = [page.path for page in self.site.pages if (docs_dir / page.path).exists()]
        if clashes:
            raise PluginError(
                f"{', '.join(clashes)} in {docs_dir.name}/ would replace pages that mentorsite "
                "generates; rename or remove them"
            )
        cache = paths.root / CACHE_FOLDER
        self.asset_files = self._prepare_assets(cache)
        self.stubs = {
            page.path: self._stub(page, cache / "pages" / edition) for page in self.site.pages
        }
        self.made_files = cache / "files" / edition  # drawn initials, the catalogue's data
        self.pages = {page.path: page for page in self.site.pages}
        config.extra_css.append("assets/mentorsite/mentorsite.css")
        config.extra_javascript.append("assets/mentorsite/mentorsite.js")
        config.watch.extend(str(p) for p in (paths.content, paths.config, *self.themes))
        self._user_nav = config.nav
        return config

    def _build(
        self, content: Content, options: BuildOptions, config: MkDocsConfig
    ) -> Site | PlannedSite:
        """A preview renders every page now, to skip those whose HTML did not change; a
        build only plans them, and renders each when MkDocs writes it."""
        if not self._serving:
            site = plan_site(content, options)
            forget_documents()  # only a preview's next build reuses them
            site.rehearse()
            return site
        self.builds = self.builds or Builds()
        outline = _outline(config, self.themes)
        if outline != self._outline:  # mkdocs.yml or a theme changed: every page anew
            self.builds.forget()
        site = self.builds.build(content, options)
        # A dirty rebuild may skip the pages whose stubs did not change only while every
        # page around them is the same: the navigation's entries, mkdocs.yml, the themes;
        # and the titles in the navigation, which the sidebars and footers show.
        titles = {page.path: page.title for page in site.pages if page.in_nav}
        nav = repr((site.nav, list(titles)))
        before = self._titles or {}
        retitled = frozenset(path for path, title in titles.items() if before.get(path) != title)
        self._everything_changed = (outline, nav) != (self._outline, self._nav) or (
            bool(retitled) and not prunes(config)
        )
        self._retitled = frozenset() if self._everything_changed else retitled
        self._outline, self._nav, self._titles = outline, nav, titles
        return site

    def _stub(self, page: BuiltPage | Page, folder: Path) -> Path | str:
        """What MkDocs reads for a generated page: in a preview a file that changes exactly
        when the page does, so that a dirty rebuild skips the others; else its text."""
        if isinstance(page, BuiltPage):
            digest = page.digest
            return _kept(folder / page.path, f"{_front_matter(page)}\n<!-- {digest} -->\n".encode())
        return _front_matter(page)

    def _content(self, paths: Paths) -> Content:
        result = load_content(paths)
        for problem in result.warnings:
            log.warning(str(problem))
        for problem in result.errors:
            log.error(str(problem))
        if result.content is None:
            count = len(result.errors)
            raise PluginError(
                f"{count} error{'s' * (count != 1)} in the content; nothing was built and the "
                "previous site is as it was."
            )
        return result.content

    def _history(self, paths: Paths):
        """The rules' history from git; a build from a plain folder goes on without it."""
        begins, skip = self.config.history_since, self.config.history_skip
        try:
            history = read_history(paths, begins=begins, skip=skip)
        except HistoryError as error:
            raise PluginError(f"{error}; nothing was built") from None
        if history.shallow:
            log.warning(f"rule history: {history.reason}")
        elif not history.available:
            log.info(f"no rule history in this build: {history.reason}")
        return history

    def _prepare_assets(self, cache: Path) -> dict[str, Path]:
        """The file behind each asset; photos are resized here, before the site is cleaned."""
        files = {}
        for asset in self.site.assets:
            if asset.photo_size is not None and asset.source is not None:
                try:
                    sizes = prepare_photo(asset.source, cache / "photos")
                except PhotoError as error:
                    raise PluginError(f"{asset.source}: {error}") from error
                files[asset.path] = sizes[asset.photo_size]
            elif asset.source is not None:
                files[asset.path] = asset.source
        return files

    def _pairs_path(self, root: Path, paths: Paths, docs_dir: Path) -> Path | None:
        """HR's private pairs file, if one is named; refused where a build would publish it.

        Checked in every edition: a file in docs_dir is copied into the site by MkDocs.
        """
        name = self.config.pairs_file
        if not name:
            return None
        path = (root / name).resolve()
        for folder in (docs_dir, paths.content, paths.config):
            if path.is_relative_to(folder.resolve()):
                raise PluginError(
                    f"pairs_file: '{name}' lies inside {display_path(folder, root)}/, "
                    "where it would be published; keep HR's private pairs file outside "
                    "the content and the docs folder"
                )
        return path

    def _pairs(self, root: Path, content: Content) -> PairsFile | None:
        """HR's private pairs file, when one is given: only the HR edition asks for it."""
        path = self.pairs_path
        if path is None:
            return None
        name = display_path(path, root)
        if not path.is_file():
            raise PluginError(f"pairs_file: there is no file '{name}'")
        _, pairs, problems = load_pairs(path, name, content)
        for problem in problems:
            log.error(str(problem))
        if pairs is None:
            raise PluginError(
                f"{len(problems)} error{'s' * (len(problems) != 1)} in the pairs file {name}; "
                "nothing was built"
            )
        return pairs

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        docs_dir = Path(config.docs_dir)
        free_pages = sorted(
            f.src_uri for f in files.documentation_pages(inclusion=InclusionLevel.is_in_nav)
        )
        for page in self.site.pages:
            inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
            stub = self.stubs[page.path]
            file = (
                File.generated(config, page.path, content=stub, inclusion=inclusion)
                if isinstance(stub, str)
                else File.generated(config, page.path, abs_src_path=str(stub), inclusion=inclusion)
            )
            if page.source is not None:
                file.edit_uri = Path(os.path.relpath(page.source, docs_dir)).as_posix()
            files.append(file)
        for asset in self.site.assets:
            if asset.text is not None:
                data = asset.text.encode() if isinstance(asset.text, str) else asset.text
                source = str(_kept(self.made_files / asset.path, data))
            else:
                source = str(self.asset_files[asset.path])
            files.append(
                File.generated(
                    config, asset.path, abs_src_path=source, inclusion=InclusionLevel.NOT_IN_NAV
                )
            )
        for name in _ASSETS:
            source = next(
                t / "assets" / name for t in self.themes if (t / "assets" / name).is_file()
            )
            files.append(
                File.generated(config, f"assets/mentorsite/{name}", abs_src_path=str(source))
            )
        if isinstance(self.site, PlannedSite):
            self.site.assets = []  # written to files: a build need not hold them
        if self._user_nav is None:
            config.nav = [*self.site.nav, *free_pages]
        # Refused in docs_dir already; and never copied, whatever the way it came in.
        name = self.pairs_path.name if self.pairs_path else None
        private = [
            file
            for file in files
            if file.abs_src_path
            and Path(file.abs_src_path).name == name
            and Path(file.abs_src_path).resolve() == self.pairs_path
        ]
        for file in private:
            files.remove(file)
        if self._serving:
            self._mark_everything_changed(files)
            urls = (file.url for file in files.documentation_pages())
            self._pages_now = frozenset("" if url == "./" else url for url in urls)
        return files

    def _mark_everything_changed(self, files: Files) -> None:
        """In a preview's dirty rebuild, every page is made anew when what every page shows
        changed: the navigation, or a free page, whose title stands in every sidebar."""
        free = repr(
            [
                (f.src_uri, Path(f.abs_src_path or "").stat().st_mtime_ns)
                for f in files.documentation_pages()
                if f.generated_by is None
            ]
        )
        if self._everything_changed or free != self._free_pages:
            for file in files:
                file.is_modified = _always  # type: ignore[method-assign]
        self._free_pages = free

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        # A page retitled in a preview: the sidebars and footers that show its title are
        # made anew with it (found only now, in the navigation MkDocs made).
        if not self._retitled:
            return nav
        showing = showing_titles(nav, self._retitled)
        for file in files if showing is None else [page.file for page in showing]:
            file.is_modified = _always  # type: ignore[method-assign]
        return nav

    def on_page_content(
        self, html: str, *, page: MkDocsPage, config: MkDocsConfig, files: Files
    ) -> str | None:
        built = self.pages.get(page.file.src_uri)
        if not isinstance(built, BuiltPage) or page.file.generated_by is None:
            return html  # a free page, or one rendered only when it is written
        page.toc = get_toc(_toc_tokens(built.headings))
        return built.html

    # Search reads what the build says it should keep of a page (a profile's words, not
    # its facts and buttons): handed to it just before it reads, the page after.
    @event_priority(50)
    def _before_search(
        self, context: dict, *, page: MkDocsPage, config: MkDocsConfig, nav: Any
    ) -> dict:
        built = self._built(page)
        if built is not None:
            page.content = built.search_html if built.search_html is not None else built.html
        return context

    @event_priority(-50)
    def _after_search(
        self, context: dict, *, page: MkDocsPage, config: MkDocsConfig, nav: Any
    ) -> dict:
        built = self._built(page)
        if built is not None:
            page.content = built.html
        return context

    def _built(self, page: MkDocsPage) -> BuiltPage | None:
        """The generated page's HTML; in a build rendered now, just before MkDocs writes it."""
        uri = page.file.src_uri
        found = self.pages.get(uri) if page.file.generated_by is not None else None
        if found is None or isinstance(found, BuiltPage):
            return found
        if self._rendered is None or self._rendered[0] != uri:
            built = self.site.render(found)
            page.toc = get_toc(_toc_tokens(built.headings))
            self._rendered = (uri, built)
        return self._rendered[1]

    on_page_context = CombinedEvent(_before_search, _after_search)

    def on_post_page(self, output: str, *, page: MkDocsPage, config: MkDocsConfig) -> str:
        if self._rendered is not None and self._rendered[0] == page.file.src_uri:
            page.content, self._rendered = "", None  # written: its HTML is not needed again
        return output

    # Before the search plugin writes its index.
    @event_priority(100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self._serving:
            merge_search_index(config, self._pages_now)
        mark(Path(config.site_dir))


class _Compiled(BytecodeCache):
    """Compiled templates, kept in memory across a preview's builds."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


def _always() -> bool:
    return True


def _markdown_extensions(config: MkDocsConfig) -> dict[str, Any]:
    """The site's Markdown extensions with their options: Markdown fields are written in
    the same dialect as the free pages, as far as it is safe (site/dialect.py)."""
    return {name: config.mdx_configs.get(name, {}) for name in config.markdown_extensions}


def _outline(config: MkDocsConfig, themes: list[Path]) -> tuple:
    """What every page depends on beside its own content: mkdocs.yml and the themes."""
    files = [Path(config.config_file_path or "mkdocs.yml")]
    files += [path for folder in themes for path in folder.rglob("*") if path.is_file()]
    return tuple((str(path), path.stat().st_mtime_ns) for path in files if path.exists())


def _front_matter(page: BuiltPage | Page) -> str:
    front = {"title": str(escape_text(page.title)), **page.meta}
    # JSON is YAML, and much quicker to write for thousands of pages.
    header = "".join(
        f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in front.items()
    )
    return f"---\n{header}---\n"


def _kept(path: Path, data: bytes) -> Path:
    """`path` holding `data`, written only when it holds something else: an unchanged
    file keeps its time, and a dirty rebuild skips it."""
    written = _written.get(path)
    try:
        info = path.stat()
        same = (info.st_mtime_ns, hash(data)) == written
        if same or (info.st_size == len(data) and path.read_bytes() == data):
            _written[path] = (info.st_mtime_ns, hash(data))
            return path
    except OSError:
        path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    _written[path] = (path.stat().st_mtime_ns, hash(data))
    return path


# What this process wrote, so that a rebuild need not read a file to know it is the same.
_written: dict[Path, tuple[int, int]] = {}


def _toc_tokens(headings: tuple[Heading, ...]) -> list[dict]:
    """The headings as Python-Markdown's toc extension gives them: nested by level."""
    root: list[dict] = []
    stack: list[tuple[int, list[dict]]] = [(0, root)]
    for heading in headings:
        token = {"level": heading.level, "id": heading.id, "name": heading.title, "children": []}
        while stack[-1][0] >= heading.level:
            stack.pop()
        stack[-1][1].append(token)
        stack.append((heading.level, token["children"]))
    return root
