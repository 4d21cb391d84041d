"""A project as MkDocs (or ProperDocs) sees it: mkdocs.yml, with the plugin's options.

The command line asks here for where the content is, which theme folders to search, and
how to build or serve; it never reads the plugin's options itself. The edition and the
pairs file are set on the plugin's own options, so that MkDocs' build hands them on.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mentorsite.adapters.mkdocs.engine import EngineMissing, logger_name, require
from mentorsite.project import Paths, theme_dirs

PLUGIN = "mentorsite"
_log = logging.getLogger(f"{logger_name()}.commands.serve")


class ProjectError(Exception):
    """mkdocs.yml cannot be used: a sentence for the user."""


@dataclass
class MkDocsProject:
    config_file: Path
    config: Any  # MkDocsConfig; typed loosely so that importing this costs nothing
    paths: Paths
    themes: list[Path]

    @property
    def edition(self) -> str:
        plugin = self.config.plugins.get(PLUGIN)
        return plugin.config.edition if plugin is not None else "staff"

    @property
    def history_since(self) -> str | None:
        """Where the organisation's history begins (the plugin's `history_since`)."""
        plugin = self.config.plugins.get(PLUGIN)
        return plugin.config.history_since if plugin is not None else None

    @property
    def history_skip(self) -> list[str]:
        """The commits left out of the history (the plugin's `history_skip`)."""
        plugin = self.config.plugins.get(PLUGIN)
        return list(plugin.config.history_skip) if plugin is not None else []

    @property
    def sources(self) -> list[Path]:
        """The folders a site is built from: no build may write into them."""
        return [self.paths.content, self.paths.config, Path(self.config.docs_dir), *self.themes]


def project_paths(config_file: Path) -> Paths:
    """Where content/ and config/ are, without loading MkDocs when there is no mkdocs.yml."""
    if not config_file.is_file():
        return Paths.at(config_file.parent)
    return load_project(config_file).paths


def load_project(
    config_file: Path,
    *,
    edition: str | None = None,
    pairs: Path | None = None,
    strict: bool = False,
    site_dir: Path | None = None,
    dev_addr: str | None = None,
) -> MkDocsProject:
    """mkdocs.yml loaded, with `edition` and `pairs` set as the plugin's options."""
    try:
        require()
    except EngineMissing as error:
        raise ProjectError(str(error)) from None
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    overrides: dict[str, Any] = {"site_dir": str(site_dir)} if site_dir else {}
    if dev_addr:
        overrides["dev_addr"] = dev_addr
    try:
        config = load_config(str(config_file), strict=strict, **overrides)
    except ConfigurationError as error:
        raise ProjectError(f"{config_file.name}: {error}") from None
    plugin = config.plugins.get(PLUGIN)
    root = config_file.parent
    if plugin is None:
        if edition or pairs:
            raise ProjectError(f"{config_file.name} does not use the mentorsite plugin")
        return MkDocsProject(config_file, config, Paths.at(root), theme_dirs())
    if edition:
        plugin.config.edition = edition
    if pairs:
        plugin.config.pairs_file = str(pairs.resolve())
    options = plugin.config
    custom = root / options.theme_dir if options.theme_dir else None
    paths = Paths.at(root, options.content_dir, options.config_dir)
    return MkDocsProject(config_file, config, paths, theme_dirs(custom))


def build(project: MkDocsProject, site_dir: Path) -> None:
    """MkDocs' build of the project into `site_dir`; raises what MkDocs raises."""
    from mkdocs.commands.build import build as mkdocs_build

    project.config.site_dir = str(site_dir)
    mkdocs_build(project.config)


def serve(
    config_file: Path, *, edition: str | None, pairs: Path | None, dev_addr: str | None
) -> None:
    """A live preview: MkDocs' development server, with the plugin's options set.

    MkDocs' own `serve` loads mkdocs.yml by itself on every rebuild, so it could not be
    given the edition; this is the same loop with `load_project` in its place. Raises
    ProjectError when the first build fails.
    """
    from mkdocs.exceptions import MkDocsException
    from mkdocs.livereload import LiveReloadServer, _serve_url

    site_dir = Path(tempfile.mkdtemp(prefix="mentorsite-serve-"))

    def load() -> Any:
        return load_project(
            config_file, edition=edition, pairs=pairs, site_dir=site_dir, dev_addr=dev_addr
        ).config

    try:
        config = load()
        # Dirty rebuilds: MkDocs skips the pages whose files did not change, and the
        # plugin changes a page's file exactly when the page does (or all, with the nav).
        config.plugins.on_startup(command="serve", dirty=True)
        host, port = config.dev_addr
        mount_path = urlsplit(config.site_url or "/").path
        builder = _builder(load, _serve_url(host, port, mount_path))
        server = LiveReloadServer(
            builder=builder,
            host=host,
            port=port,
            root=str(site_dir),
            mount_path=mount_path,
            polling_interval=0.25,  # a saved file is seen sooner (MkDocs: 0.5 s)
        )
        server.error_handler = lambda code: _error_page(site_dir, code)
        builder(config)
        _watch(server, config, config_file, builder)
        _run(server)
    except MkDocsException as error:
        raise ProjectError(str(error)) from None
    finally:
        if "config" in locals():
            config.plugins.on_shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)


def _builder(load: Any, serve_url: str) -> Any:
    """What the server calls to rebuild: the first build whole, the later ones dirty."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.exceptions import Abort

    logging.getLogger(f"{logger_name()}.commands.build").addFilter(_WithoutDirtyWarning())

    def builder(config: Any = None) -> None:
        _log.info("Building the site...")
        first = config is not None
        config = config or load()
        config.site_url = serve_url
        try:
            mkdocs_build(config, serve_url=serve_url, dirty=not first)
        except Abort:
            if first:
                raise
            # The errors are in the log already. Returning, rather than raising, lets the
            # server go on serving the last good site instead of stalling every request.
            _log.error("The site was not rebuilt; the last good one is still served.")

    return builder


def _error_page(site_dir: Path, code: int) -> bytes | None:
    page = site_dir / f"{code}.html"
    return page.read_bytes() if code in (404, 500) and page.is_file() else None


def _watch(server: Any, config: Any, config_file: Path, builder: Any) -> None:
    server.watch(config.docs_dir)
    server.watch(str(config_file))
    server = config.plugins.on_serve(server, config=config, builder=builder)
    for item in config.watch:
        server.watch(item)


def _run(server: Any) -> None:
    try:
        server.serve()
    except KeyboardInterrupt:
        _log.info("Shutting down...")
    finally:
        server.shutdown()


class _WithoutDirtyWarning(logging.Filter):
    """MkDocs warns that a dirty build may leave the navigation inaccurate; the plugin
    makes every page anew when the navigation changes, so the warning would mislead."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "A 'dirty' build" not in record.getMessage()
