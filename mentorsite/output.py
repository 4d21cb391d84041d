"""Where a site may be written, and how it replaces the previous one without loss.

A build's target is checked before anything is written: it may not be, hold or lie in
the project's sources, and a folder that is there already is replaced only if
mentorsite built it (it holds the marker file) or the user says `--force`.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from pathlib import Path

from mentorsite import __version__

MARKER = ".mentorsite-site"
EXPORT_MARKER = ".mentorsite-export"  # in a folder that `mentorsite export` wrote
# A site built before the marker existed is recognised by mentorsite's own script.
_LEGACY_MARK = Path("assets/mentorsite/mentorsite.js")


def unsafe_target(target: Path, root: Path, sources: Iterable[Path]) -> str | None:
    """Why building into `target` would destroy sources, or None when it would not.

    `root` (the folder of mkdocs.yml) may hold the site, but not be it or lie in it; the
    `sources` (content/, config/, docs_dir, theme folders) may not be, hold or hold it.
    """
    target = target.resolve()
    root = root.resolve()
    if target == root:
        return f"{_shown(target)} is the project's folder; building there would delete it"
    if root.is_relative_to(target):
        return (
            f"{_shown(target)} holds the project ({_shown(root)}); building there would delete it"
        )
    folders = [source.resolve() for source in sources]
    if target in folders:
        return f"{_shown(target)} is a folder the site is built from"
    for source in folders:
        if source.is_relative_to(target):
            return f"{_shown(target)} holds {_shown(source)}, which the site is built from"
    for source in folders:
        if target.is_relative_to(source):
            return f"{_shown(target)} lies inside {_shown(source)}, which the site is built from"
    return None


def not_ours(target: Path, marker: str = MARKER) -> str | None:
    """Why `target` should not be replaced without `--force`, or None when it may be.

    A folder that mentorsite built may be replaced, and so may an empty folder; anything
    else may hold someone's files.
    """
    if not target.exists() and not target.is_symlink():
        return None
    if not target.is_dir():
        return f"{_shown(target)} is a file, not a site that mentorsite built"
    if (target / marker).is_file() or (target / _LEGACY_MARK).is_file():
        return None
    if not any(target.iterdir()):
        return None
    return (
        f"{_shown(target)} already holds files that mentorsite did not build "
        f"(there is no {marker} in it)"
    )


def mark(site_dir: Path) -> None:
    """Say in the built site that mentorsite built it, so that a later build may replace it."""
    (site_dir / MARKER).write_text(
        f"Built by mentorsite {__version__}: `mentorsite build` replaces this folder.\n",
        encoding="utf-8",
    )


def swap_in(built: Path, target: Path) -> None:
    """Replace `target` by `built` with renames, so that no half-written site is ever seen."""
    built.chmod(0o755)
    previous = None
    if target.exists() or target.is_symlink():
        previous = target.with_name(f".{target.name}-previous-{os.getpid()}")
        target.rename(previous)
    built.rename(target)
    if previous is None:
        return
    if previous.is_dir() and not previous.is_symlink():
        shutil.rmtree(previous, ignore_errors=True)
    else:
        previous.unlink()


def _shown(path: Path) -> str:
    try:
        relative = path.relative_to(Path.cwd().resolve())
    except ValueError:
        return str(path)
    return f"{relative.as_posix()}/" if str(relative) != "." else "the current folder"
