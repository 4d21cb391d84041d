"""`pip install` alone gives a working generator: the wheel carries the default theme."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import REPO


def test_the_wheel_ships_the_default_theme_and_uses_it(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path / "dist"),
            str(REPO),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = (tmp_path / "dist").glob("mentorsite-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    theme = {
        p.relative_to(REPO).as_posix() for p in (REPO / "themes/default").rglob("*") if p.is_file()
    }
    assert theme and {f"mentorsite/{name}" for name in theme} <= names
    assert any(n.endswith("entry_points.txt") for n in names)
    # Type checkers read the package's hints; the license travels with it.
    assert "mentorsite/py.typed" in names
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)

    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(tmp_path / "installed"),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    found = subprocess.run(
        [
            sys.executable,
            "-c",
            "from mentorsite.project import default_theme; print(default_theme())",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(tmp_path / "installed")},
    )
    assert found.stdout.strip() == str(tmp_path / "installed/mentorsite/themes/default")
