"""`mentorsite export`: the site as a plain project that any MkDocs-compatible engine builds.

The engine-neutral build makes the pages; they are written as Markdown files beside the
free pages, the photos, the materials and the theme's CSS and JavaScript, under a
mkdocs.yml that holds what the plugin would have told the engine: the navigation, the
site's language, the stylesheet and script, and where each page's edit link leads.
`zensical build`, `mkdocs build` or `properdocs build` in the folder then makes the site
with no mentorsite plugin (nor mentorsite) installed.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mentorsite.adapters.export import mkdocs_yml
from mentorsite.adapters.export.markdown import (
    MARKDOWN,
    file_path,
    page_markdown,
    without_edit_link,
)
from mentorsite.adapters.export.settings import configuration, edit_urls, free_pages
from mentorsite.build import BuildOptions, build_site
from mentorsite.content import Content
from mentorsite.history.git import read_history
from mentorsite.model import PairsFile
from mentorsite.pairing.pairs import load_pairs
from mentorsite.photos import PhotoError, prepare_photo
from mentorsite.problems import display_path
from mentorsite.project import CACHE_FOLDER, Paths, theme_dirs
from mentorsite.site.page import Edition, Site

DOCS = "docs"
OVERRIDES = "overrides"
THEME_ASSETS = ("mentorsite.css", "mentorsite.js")  # published under assets/mentorsite/
_PARTIALS = Path(__file__).resolve().parent / "overrides"


class ExportError(Exception):
    """The project cannot be exported: a sentence for the user."""


@dataclass
class Source:
    """A project as the export reads it: mkdocs.yml as written, and the plugin's options."""

    config_file: Path
    config: dict[str, Any]
    paths: Paths
    themes: list[Path]
    docs_dir: Path
    edition: Edition
    pairs_file: Path | None

    @property
    def sources(self) -> list[Path]:
        """The folders the site is made from: no export may write into them."""
        return [self.paths.content, self.paths.config, self.docs_dir, *self.themes]


@dataclass
class Exported:
    pages: int
    files: int
    notes: list[str] = field(default_factory=list)  # what the user should know


def read_source(config_file: Path, *, edition: str | None, pairs: Path | None) -> Source:
    """The project of `config_file`, with `edition` and `pairs` given on the command line
    in place of the plugin's options."""
    try:
        config = mkdocs_yml.read(config_file)
        options = mkdocs_yml.plugin_options(config)
        docs = mkdocs_yml.setting(config, "docs_dir", "docs")
    except mkdocs_yml.ConfigError as error:
        raise ExportError(str(error)) from None
    if options is None:
        raise ExportError(f"{config_file.name} does not use the mentorsite plugin")
    root = config_file.parent
    custom = root / options["theme_dir"] if options.get("theme_dir") else None
    if custom is not None and not custom.is_dir():
        raise ExportError(f"theme_dir: the folder '{options['theme_dir']}' does not exist")
    named = pairs or (root / options["pairs_file"] if options.get("pairs_file") else None)
    chosen = edition or options.get("edition", "staff")
    if chosen not in {e.value for e in Edition}:
        raise ExportError(f"edition: expected staff or hr, found '{chosen}'")
    return Source(
        config_file,
        config,
        Paths.at(root, options.get("content_dir", "content"), options.get("config_dir", "config")),
        theme_dirs(custom),
        (root / docs).resolve(),
        Edition(chosen),
        named.resolve() if named else None,
    )


def export(source: Source, content: Content, target: Path) -> Exported:
    """Write the exported project into `target`, an empty folder."""
    try:
        return _export(source, content, target)
    except mkdocs_yml.ConfigError as error:  # a setting read only now (edit_uri, site_url)
        raise ExportError(str(error)) from None


def _export(source: Source, content: Content, target: Path) -> Exported:
    notes: list[str] = []
    options = _options(source, content, notes)
    site = build_site(content, options)
    files = {
        page.path: file_path(page.path, directory_urls=options.directory_urls)
        for page in site.pages
    }
    _refuse_clashes(source, files)
    docs = target / DOCS
    _copy_free_files(source, docs)
    urls = edit_urls(source.config, site.pages, source.docs_dir)
    for page in site.pages:
        text, nested = page_markdown(page, urls.get(page.path))
        _write(docs / files[page.path], text.encode())
        notes += [
            f"{page.path}: the heading '{heading.id}' lies inside another element, so the "
            "engine's table of contents leaves it out"
            for heading in nested
        ]
    written = _write_assets(source, site, docs, no_edit_link=bool(urls))
    _write_overrides(source, target / OVERRIDES)
    nav = [*site.nav, *free_pages(source.config, source.docs_dir)]
    config = configuration(source, content, nav, files, docs=DOCS, overrides=OVERRIDES)
    header = (
        f"# Written by `mentorsite export` from {source.config_file.name} "
        f"({source.edition.value} edition).\n"
        "# Build it with `zensical build`, `mkdocs build` or `properdocs build`. Edit the YAML\n"
        "# sources and export again rather than editing this folder.\n"
    )
    mkdocs_yml.write(config, target / "mkdocs.yml", header=header)
    return Exported(len(site.pages), written, notes)


def _options(source: Source, content: Content, notes: list[str]) -> BuildOptions:
    history = read_history(source.paths)
    if history.shallow or not history.available:
        notes.append(f"rule history: {history.reason}")
    return BuildOptions(
        themes=source.themes,
        edition=source.edition,
        directory_urls=bool(mkdocs_yml.setting(source.config, "use_directory_urls", True)),
        site_url=mkdocs_yml.setting(source.config, "site_url") or None,
        history=history,
        pairs=_pairs(source, content) if source.edition is Edition.HR else None,
    )


def _pairs(source: Source, content: Content) -> PairsFile | None:
    """HR's private pairs file, when one is given: only the HR edition reads it."""
    path, root = source.pairs_file, source.paths.root
    if path is None:
        return None
    name = display_path(path, root)
    if not path.is_file():
        raise ExportError(f"pairs file: there is no file '{name}'")
    _, pairs, problems = load_pairs(path, name, content)
    if pairs is None:
        lines = "\n".join(str(problem) for problem in problems)
        raise ExportError(f"{lines}\n{len(problems)} error(s) in the pairs file {name}")
    return pairs


def _refuse_clashes(source: Source, files: dict[str, str]) -> None:
    clashes = sorted(
        {path for page in files.items() for path in page if (source.docs_dir / path).exists()}
    )
    if clashes:
        raise ExportError(
            f"{', '.join(clashes)} in {source.docs_dir.name}/ would replace pages that "
            "mentorsite generates; rename or remove them"
        )


def _copy_free_files(source: Source, docs: Path) -> None:
    """docs_dir as it is: the free pages and their images. HR's pairs file is refused there,
    as the plugin refuses it, since everything in docs_dir is published."""
    private = source.pairs_file
    if private is not None and private.is_relative_to(source.docs_dir):
        raise ExportError(
            f"the pairs file {display_path(private, source.paths.root)} lies inside "
            f"{source.docs_dir.name}/, where it would be published; keep it outside"
        )
    if source.docs_dir.is_dir():
        shutil.copytree(source.docs_dir, docs, dirs_exist_ok=True)
    else:
        docs.mkdir(parents=True, exist_ok=True)


def _write_assets(source: Source, site: Site, docs: Path, *, no_edit_link: bool) -> int:
    """The photos (resized), drawn initials, materials, the catalogue's data, and the
    theme's CSS and JavaScript; how many files. A material written in Markdown is a page
    with no edit link in mentorsite's build, and is given none here (`no_edit_link`)."""
    cache = source.paths.root / CACHE_FOLDER / "photos"
    for asset in site.assets:
        if no_edit_link and asset.source is not None and asset.path.endswith(MARKDOWN):
            _write(docs / asset.path, without_edit_link(asset.source.read_text(encoding="utf-8")))
        elif asset.text is not None:
            data = asset.text.encode() if isinstance(asset.text, str) else asset.text
            _write(docs / asset.path, data)
        elif asset.photo_size is not None and asset.source is not None:
            try:
                sizes = prepare_photo(asset.source, cache)
            except PhotoError as error:
                raise ExportError(f"{asset.source}: {error}") from error
            _copy(sizes[asset.photo_size], docs / asset.path)
        elif asset.source is not None:
            _copy(asset.source, docs / asset.path)
    for name in THEME_ASSETS:
        found = next(t / "assets" / name for t in source.themes if (t / "assets" / name).is_file())
        _copy(found, docs / "assets" / "mentorsite" / name)
    return len(site.assets) + len(THEME_ASSETS)


def _write_overrides(source: Source, overrides: Path) -> None:
    """The theme's own overrides (custom_dir); then, where it has no file of the name, the
    theme folders' `overrides/` (Material's 404 page and footer in the site's language)
    and the partial that takes a generated page's edit link from its front matter."""
    theme = source.config.get("theme")
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    if custom:
        shutil.copytree(source.config_file.parent / custom, overrides, dirs_exist_ok=True)
    for folder in [*(t / "overrides" for t in source.themes), _PARTIALS]:
        for partial in folder.rglob("*.html"):
            target = overrides / partial.relative_to(folder)
            if not target.exists():
                _copy(partial, target)


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
