"""Wires MkDocs' build events to mentorsite's core: load, plan, render, hand over the files."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from mentorsite.adapters.mkdocs.config import MentorsiteConfig
from mentorsite.content import Content, load_content
from mentorsite.history.git import read_history
from mentorsite.i18n.strings import Strings
from mentorsite.model import PairsFile
from mentorsite.output import mark, unsafe_target
from mentorsite.pairing.pairs import load_pairs
from mentorsite.photos import PhotoError, prepare_photo
from mentorsite.problems import display_path
from mentorsite.project import Paths, theme_dirs
from mentorsite.site.pages import Edition, Site, plan_site
from mentorsite.site.render import Renderer

log = get_plugin_logger(__name__)

CACHE_FOLDER = ".mentorsite-cache"  # beside mkdocs.yml: resized photos, kept between builds
_ASSETS = ("mentorsite.css", "mentorsite.js")


def _in_nav(level: InclusionLevel) -> bool:
    return level.is_in_nav()


class MentorsitePlugin(BasePlugin[MentorsiteConfig]):
    site: Site
    markdown: dict[str, str]
    themes: list[Path]

    # Runs before every other plugin's on_config, so that Material and its search plugin
    # see the organisation's language; and before MkDocs cleans site_dir, so that a
    # content error leaves the previous site as it was.
    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path or ".").resolve().parent
        edition = self._edition()
        paths = Paths.at(root, self.config.content_dir, self.config.config_dir)
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
        content = result.content
        custom = root / self.config.theme_dir if self.config.theme_dir else None
        if custom is not None and not custom.is_dir():
            raise PluginError(f"theme_dir: the folder '{self.config.theme_dir}' does not exist")
        self.themes = theme_dirs(custom)
        docs_dir = Path(config.docs_dir)
        sources = [paths.content, paths.config, docs_dir, *self.themes]
        unsafe = unsafe_target(Path(config.site_dir), root, sources)
        if unsafe:  # checked before MkDocs cleans site_dir
            raise PluginError(f"site_dir: {unsafe}; nothing was built")
        self.pairs_path = self._pairs_path(root, paths, docs_dir)
        strings = Strings.load(content.organisation.language, self.themes)
        config.theme["language"] = content.organisation.language

        # The rules' history comes from git; a build from a plain folder goes on without it.
        history = read_history(paths)
        if history.shallow:
            log.warning(f"rule history: {history.reason}")
        elif not history.available:
            log.info(f"no rule history in this build: {history.reason}")
        self.site = plan_site(
            content,
            strings,
            edition=edition,
            directory_urls=config.use_directory_urls,
            history=history,
            pairs=self._pairs(root, content) if edition is Edition.HR else None,
        )
        clashes = [page.path for page in self.site.pages if (docs_dir / page.path).exists()]
        if clashes:
            raise PluginError(
                f"{', '.join(clashes)} in {docs_dir.name}/ would replace pages that mentorsite "
                "generates; rename or remove them"
            )
        self.asset_files = self._prepare_assets(paths.root / CACHE_FOLDER)
        renderer = Renderer(self.themes, strings)
        try:
            self.markdown = {page.path: renderer.render(page) for page in self.site.pages}
        except Exception as error:  # a broken override template: say which, stop cleanly
            raise PluginError(f"a theme template failed: {error}") from error

        config.extra_css.append("assets/mentorsite/mentorsite.css")
        config.extra_javascript.append("assets/mentorsite/mentorsite.js")
        config.watch.extend(str(p) for p in (paths.content, paths.config, *self.themes))
        self._user_nav = config.nav
        return config

    def _prepare_assets(self, cache: Path) -> dict[str, Path]:
        """The file behind each asset; photos are resized here, before the site is cleaned."""
        files = {}
        for asset in self.site.assets:
            if asset.photo_size is not None and asset.source is not None:
                try:
                    files[asset.path] = prepare_photo(asset.source, cache / "photos")[
                        asset.photo_size
                    ]
                except PhotoError as error:
                    raise PluginError(f"{asset.source}: {error}") from error
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

    def _edition(self) -> Edition:
        return Edition(self.config.edition)  # validated by the option's choices

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        docs_dir = Path(config.docs_dir)
        free_pages = sorted(f.src_uri for f in files.documentation_pages(inclusion=_in_nav))
        for page in self.site.pages:
            inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
            file = File.generated(
                config, page.path, content=self.markdown[page.path], inclusion=inclusion
            )
            if page.source is not None:
                file.edit_uri = Path(os.path.relpath(page.source, docs_dir)).as_posix()
            files.append(file)
        for asset in self.site.assets:
            if asset.text is not None:
                file = File.generated(config, asset.path, content=asset.text)
            else:
                file = File.generated(
                    config,
                    asset.path,
                    abs_src_path=str(self.asset_files[asset.path]),
                    inclusion=InclusionLevel.NOT_IN_NAV,
                )
            files.append(file)
        for name in _ASSETS:
            source = next(
                t / "assets" / name for t in self.themes if (t / "assets" / name).is_file()
            )
            files.append(
                File.generated(config, f"assets/mentorsite/{name}", abs_src_path=str(source))
            )
        if self._user_nav is None:
            config.nav = [*self.site.nav, *free_pages]
        # Refused in docs_dir already; and never copied, whatever the way it came in.
        private = [
            file
            for file in files
            if file.abs_src_path and Path(file.abs_src_path).resolve() == self.pairs_path
        ]
        for file in private:
            files.remove(file)
        return files

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        mark(Path(config.site_dir))
