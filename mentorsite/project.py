"""Where a project keeps its files: content/, config/, and the theme folders searched."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# Beside mkdocs.yml: resized photos, and the plugin's page stubs.
CACHE_FOLDER = ".mentorsite-cache"


@dataclass(frozen=True)
class Paths:
    """Where a project keeps its files."""

    root: Path
    content: Path
    config: Path

    @classmethod
    def at(
        cls, root: Path, content: str | Path = "content", config: str | Path = "config"
    ) -> Paths:
        root = root.resolve()
        return cls(root, (root / content).resolve(), (root / config).resolve())


def default_theme() -> Path:
    """The theme shipped with mentorsite: inside the package once installed, else the repo's."""
    package = Path(__file__).resolve().parent
    for folder in (package / "themes" / "default", package.parent / "themes" / "default"):
        if (folder / "templates").is_dir():
            return folder
    raise FileNotFoundError("the default theme of mentorsite is missing from the installation")


def theme_dirs(custom: Path | None = None) -> list[Path]:
    """Theme folders in search order: the organisation's own first, then the default."""
    return [custom, default_theme()] if custom else [default_theme()]
