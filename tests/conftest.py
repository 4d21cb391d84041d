"""Shared fixtures: copies of the example project, and sites built from them."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from localsite import CHROMIUM_FLAGS, serve
from mentorsite.adapters.cli.main import main

REPO = Path(__file__).resolve().parent.parent


SOURCE_DATE_EPOCH = 1795305600  # 2026-11-22


def copy_example(target: Path) -> Path:
    """A private copy of the example project (content, config, mkdocs.yml)."""
    for name in ("content", "config"):
        shutil.copytree(REPO / name, target / name)
    # The example's history begins at a commit of this repository and leaves some of its
    # commits out; a copy has a history of its own, or none.
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"(?m)^ *history_(since|skip):.*\n", "", config)
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    return target


def build(project: Path, site: Path, *args: str) -> int:
    """Run `mentorsite build` on a project, as a user would."""
    return main(["build", "-f", str(project / "mkdocs.yml"), "-d", str(site), *args])


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    # The command line passes the edition and the pairs file on in the environment: setting
    # them here first makes the monkeypatch take them away again after each test.
    # Availability and stale profiles depend on the day: build as on 2026-11-22.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(SOURCE_DATE_EPOCH))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_example(tmp_path / "project")


@pytest.fixture(scope="session")
def built_sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The example project built once in each edition."""
    root = tmp_path_factory.mktemp("example")
    project = copy_example(root / "project")
    sites = {}
    with pytest.MonkeyPatch.context() as patch:
        for edition in ("staff", "hr"):
            patch.setenv("SOURCE_DATE_EPOCH", str(SOURCE_DATE_EPOCH))
            site = root / f"site-{edition}"
            assert build(project, site, "--edition", edition) == 0
            sites[edition] = site
    return sites


@pytest.fixture(scope="session")
def staff_site(built_sites: dict[str, Path]) -> Path:
    return built_sites["staff"]


@pytest.fixture(scope="session")
def hr_site(built_sites: dict[str, Path]) -> Path:
    return built_sites["hr"]


def edit(path: Path, change: Callable[[str], str]) -> None:
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")


def empty_topics(project: Path, programme: str, *topics: str) -> None:
    """Leave planning topics of a programme empty, as a programme still being planned has
    them: the example's programmes have every topic filled in."""

    def emptied(text: str) -> str:
        for topic in topics:
            text, found = re.subn(
                rf"^{topic}: \|\n(?:  .*\n|\n)*", f"{topic}:\n\n", text, flags=re.M
            )
            assert found == 1, topic
        return text

    edit(project / f"content/programmes/{programme}.yml", emptied)


# -- the browser tests' (tests/test_browser*.py): one Chromium for the whole session ----------


@pytest.fixture(scope="session")
def site_url(staff_site: Path) -> Iterator[str]:
    with serve(staff_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    chromium = shutil.which("chromium")
    assert chromium, "Debian's chromium is missing: run tests/setup.sh, as the README says"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(locale="da-DK")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == [], "the page's script failed"
