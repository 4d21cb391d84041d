"""What `pip install` gives: a small install that builds the site, extras for the two commands
that need more, the dependencies the code imports, and one version everywhere."""

from __future__ import annotations

import ast
import importlib.metadata
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from openpyxl import Workbook

import mentorsite
from conftest import REPO, copy_example
from mentorsite.adapters.cli.console import OPTIONAL_MODULES

PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
MAX_INSTALL = 150 * 1024 * 1024  # bytes: the site-packages of a plain install, as du counts them

# Needed without being imported: the theme that mkdocs.yml names, which MkDocs loads by name.
NOT_IMPORTED = {"mkdocs-material"}
# Imported when the user has installed it, never required: the engine that replaces MkDocs.
CHOSEN_BY_THE_USER = {"properdocs"}


def distribution(requirement: str) -> str:
    """The normalised name a requirement such as 'mkdocs-material>=9.5,<10' is about."""
    name = re.match(r"[A-Za-z0-9._-]+", requirement)
    assert name, requirement
    return re.sub(r"[-_.]+", "-", name.group()).lower()


def declared(*extras: str) -> set[str]:
    project = PYPROJECT["project"]
    requirements = project["dependencies"] if not extras else []
    for extra in extras:
        requirements = requirements + project["optional-dependencies"][extra]
    return {distribution(r) for r in requirements}


def imported() -> set[str]:
    """The distributions whose modules the package imports, wherever in a module."""
    modules = set()
    for path in (REPO / "mentorsite").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                modules |= {alias.name.partition(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules.add(node.module.partition(".")[0])
    third_party = modules - set(sys.stdlib_module_names) - {"mentorsite"} - CHOSEN_BY_THE_USER
    providers = importlib.metadata.packages_distributions()
    return {distribution(providers[module][0]) for module in third_party}


def test_the_dependencies_are_what_the_code_imports() -> None:
    everything = declared() | declared("match", "xlsx")
    assert imported() == everything - NOT_IMPORTED
    # The extras bring exactly what the commands that need them say is missing.
    for module, (extra, _, _) in OPTIONAL_MODULES.items():
        assert distribution(module) in declared(extra) - declared(), module
    # The tests need every extra, so that one install runs them all.
    assert "mentorsite[match,xlsx]" in PYPROJECT["project"]["optional-dependencies"]["test"]


# -- without the extras -----------------------------------------------------------------------

WITHOUT_EXTRAS = """
import sys
sys.modules.update(dict.fromkeys(["scipy", "numpy", "openpyxl"]))  # as if never installed
from mentorsite.adapters.cli.main import main
sys.exit(main(sys.argv[1:]))
"""


def without_extras(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", WITHOUT_EXTRAS, *args],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_without_the_extras_every_other_command_works_and_two_say_what_to_install(
    project: Path,
) -> None:
    assert without_extras(project, "check").returncode == 0
    assert without_extras(project, "build", "-d", "site", "--edition", "hr").returncode == 0
    assert (project / "site/mentors/index.html").is_file()
    # A CSV needs nothing more: the HR edition's own mentors.csv reads back.
    done = without_extras(project, "import", "mentors", "site/mentors.csv", "--dry-run")
    assert done.returncode == 0, done.stderr
    assert "20 skipped (exists; use --update)" in done.stderr

    match = without_extras(project, "match", str(REPO / "examples/pairs.yml"))
    assert match.returncode == 1
    assert (match.stdout, match.stderr) == (
        "",
        "mentorsite: error: mentorsite match needs SciPy and NumPy, which is not installed: "
        "pip install 'mentorsite[match]'\n",
    )
    book = Workbook()
    book.active.append(["Fulde navn", "Afdeling"])
    book.save(project / "svar.xlsx")
    workbook = without_extras(project, "import", "mentors", "svar.xlsx")
    assert workbook.returncode == 1
    assert (workbook.stdout, workbook.stderr) == (
        "",
        "mentorsite: error: reading an Excel workbook needs openpyxl, which is not installed: "
        "pip install 'mentorsite[xlsx]', or save the sheet as CSV\n",
    )


# -- one version ------------------------------------------------------------------------------


def test_one_version_in_the_package_its_metadata_the_changelog_and_the_hook_docs() -> None:
    version = mentorsite.__version__
    done = subprocess.run(
        [sys.executable, "-m", "mentorsite", "--version"], capture_output=True, text=True
    )
    assert done.stdout == f"mentorsite {version}\n"
    assert importlib.metadata.version("mentorsite") == version
    assert "version" in PYPROJECT["project"]["dynamic"]  # read from mentorsite/__init__.py
    changelog = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.findall(r"^## (\S+)", changelog, re.M)[0] == version
    # The pre-commit configuration that the docs show names this release's tag.
    for doc in (REPO / "README.md", REPO / ".pre-commit-hooks.yaml"):
        revs = re.findall(r"^\W*rev: (\S+)", doc.read_text(encoding="utf-8"), re.M)
        assert revs == [f"v{version}"], doc.name


def test_the_license_is_the_one_pyproject_names() -> None:
    assert PYPROJECT["project"]["license"] == "MIT"
    assert (REPO / "LICENSE").read_text(encoding="utf-8").startswith("MIT License\n")


# -- a real install ---------------------------------------------------------------------------


def apparent_size(folder: Path) -> int:
    """Bytes, as `du -s --apparent-size --block-size=1` counts them: files, folders and
    links, each once."""
    seen, total = set(), 0
    for parent, folders, files in os.walk(folder):
        for name in [*folders, *files, ""]:
            stat = os.lstat(os.path.join(parent, name))
            if (stat.st_dev, stat.st_ino) not in seen:
                seen.add((stat.st_dev, stat.st_ino))
                total += stat.st_size
    return total


@pytest.fixture(scope="module")
def plain_install(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new virtual environment with `pip install .` in it, as the README says."""
    venv = tmp_path_factory.mktemp("install") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True)
    subprocess.run(
        [str(venv / "bin/pip"), "install", "--quiet", str(REPO)],
        check=True,
        capture_output=True,
        env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"},
        timeout=900,
    )
    return venv


def test_a_plain_install_is_small_and_builds_the_example(
    plain_install: Path, tmp_path: Path
) -> None:
    (site_packages,) = plain_install.glob("lib/python3*/site-packages")
    size = apparent_size(site_packages)
    print(f"site-packages of a plain install: {size / 1024 / 1024:.1f} MiB ({size} bytes)")
    assert size < MAX_INSTALL
    installed = {path.name.split("-")[0].lower() for path in site_packages.glob("*.dist-info")}
    assert not {"scipy", "numpy", "openpyxl"} & installed
    assert "py.typed" in os.listdir(site_packages / "mentorsite")

    mentorsite_command = str(plain_install / "bin/mentorsite")
    done = subprocess.run([mentorsite_command, "--version"], capture_output=True, text=True)
    assert done.stdout == f"mentorsite {mentorsite.__version__}\n"
    project = copy_example(tmp_path / "project")
    done = subprocess.run(
        [mentorsite_command, "build"], cwd=project, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert (project / "site/index.html").is_file() and (project / "site/mentors.csv").is_file()
    done = subprocess.run(
        [mentorsite_command, "match", str(REPO / "examples/pairs.yml")],
        cwd=project,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "mentorsite: error: mentorsite match needs SciPy and NumPy, which is not installed: "
        "pip install 'mentorsite[match]'"
    ]
