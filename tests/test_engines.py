"""Three engines, one site: `mentorsite build` on MkDocs or on ProperDocs, and
`mentorsite export` built by plain MkDocs, by ProperDocs and by Zensical, all give the
pages that `mentorsite build` gives.

Zensical is in the `test` extra. ProperDocs is tested where a user who has moved to it
has it: `tests/setup.sh` makes `.venv-engines/`, with mentorsite, Material for MkDocs and
ProperDocs installed and MkDocs removed (Material pulls it in; the user uninstalls it).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser

from conftest import REPO, SOURCE_DATE_EPOCH, build, copy_example
from htmlpage import Page
from localsite import serve
from mentorsite.adapters.cli.main import main
from samepages import differences
from test_preview import fetch, free_port, wait_for

MAIN = Path(sys.executable).parent
ENGINES = REPO / ".venv-engines" / "bin"
EDIT = "https://git.nordlys.example/hr/mentorordning/-/edit/main/content/"


def run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """A command as a user types it, in the test's environment; it must succeed."""
    env = {
        **os.environ,
        "SOURCE_DATE_EPOCH": str(SOURCE_DATE_EPOCH),
        "NO_MKDOCS_2_WARNING": "1",
        "DISABLE_MKDOCS_2_WARNING": "true",
    }
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"{' '.join(command)}:\n{done.stdout}\n{done.stderr}"
    return done


@pytest.fixture(scope="session")
def engines() -> Path:
    """The environment with ProperDocs and without MkDocs, as tests/setup.sh made it."""
    assert (ENGINES / "properdocs").is_file(), "run bash tests/setup.sh: .venv-engines is missing"
    probe = "import importlib.util as u; print(u.find_spec('mkdocs'), u.find_spec('properdocs'))"
    found = run([str(ENGINES / "python"), "-c", probe], REPO).stdout.split()
    assert found[0] == "None" and found[1] != "None", "MkDocs is installed in .venv-engines"
    return ENGINES


@pytest.fixture(scope="session")
def example(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The example project; `mentorsite build` of it (on MkDocs), and `mentorsite export`."""
    root = tmp_path_factory.mktemp("engines")
    project = copy_example(root / "project")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", str(SOURCE_DATE_EPOCH))
        assert build(project, root / "built") == 0
        assert main(["export", "-f", str(project / "mkdocs.yml"), "-d", str(root / "export")]) == 0
    return {"project": project, "built": root / "built", "export": root / "export"}


@pytest.fixture(scope="session")
def zensical_site(example: dict[str, Path]) -> Path:
    run([str(MAIN / "zensical"), "build"], example["export"])
    return example["export"] / "site"


def test_properdocs_builds_the_project_as_mentorsite_build_does(
    engines: Path, example: dict[str, Path], tmp_path: Path
) -> None:
    run([str(engines / "properdocs"), "build", "-d", str(tmp_path / "site")], example["project"])
    assert len(list((tmp_path / "site").rglob("*.html"))) > 100
    assert differences(example["built"], tmp_path / "site") == []


def test_mentorsite_builds_and_checks_where_only_properdocs_is_installed(
    engines: Path, example: dict[str, Path], tmp_path: Path
) -> None:
    checked = run([str(engines / "mentorsite"), "check"], example["project"])
    assert "mentorsite: 0 errors," in checked.stderr
    built = run(
        [str(engines / "mentorsite"), "build", "-d", str(tmp_path / "site")], example["project"]
    )
    assert "built the staff edition" in built.stderr
    assert "Documentation built" in built.stderr  # the engine's own log is shown
    assert differences(example["built"], tmp_path / "site") == []


def test_mentorsite_serves_where_only_properdocs_is_installed(engines: Path, project: Path) -> None:
    port = free_port()
    server = subprocess.Popen(
        [str(engines / "mentorsite"), "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        page = f"http://127.0.0.1:{port}/mentors/anna-jensen/"
        wait_for(lambda: "Anna Jensen" in fetch(page))
        mentor = project / "content/mentors/anna-jensen.yml"
        mentor.write_text(
            mentor.read_text(encoding="utf-8").replace("name: Anna Jensen", "name: Anna Holm", 1),
            encoding="utf-8",
        )
        wait_for(lambda: "Anna Holm" in fetch(page))
    finally:
        server.terminate()
        server.wait(timeout=20)


@pytest.mark.parametrize(
    "engine", ["mkdocs", "zensical", "properdocs"], ids=["mkdocs", "zensical", "properdocs"]
)
def test_the_export_builds_to_the_same_pages_with_each_engine(
    engine: str,
    engines: Path,
    example: dict[str, Path],
    zensical_site: Path,
    tmp_path: Path,
) -> None:
    if engine == "zensical":
        site = zensical_site
    else:
        folder = MAIN if engine == "mkdocs" else engines
        run([str(folder / engine), "build", "-d", str(tmp_path / "site")], example["export"])
        site = tmp_path / "site"
    assert len(list(site.rglob("*.html"))) > 100
    assert differences(example["built"], site) == []


def test_edit_links_of_the_zensical_site_lead_to_the_yaml_files(zensical_site: Path) -> None:
    def edit_links(url: str) -> list[str]:
        links = Page.article(zensical_site, url).values("a", "href")
        return [link for link in links if "/-/edit/" in link]

    assert edit_links("mentors/anna-jensen") == [f"{EDIT}mentors/anna-jensen.yml"]
    assert edit_links("programmes/mentorkorps") == [f"{EDIT}programmes/mentorkorps.yml"]
    assert edit_links("om-mentorordningen") == [f"{EDIT}pages/om-mentorordningen.md"]
    assert edit_links("mentors") == []  # the catalogue is made from no one file


def test_zensical_search_finds_profiles_and_leaves_out_the_catalogue(zensical_site: Path) -> None:
    index = json.loads((zensical_site / "search.json").read_text(encoding="utf-8"))
    pages = {item["location"].split("#")[0] for item in index["items"]}
    assert {"mentors/anna-jensen/", "programmes/mentorkorps/", "om-mentorordningen/"} <= pages
    assert not {"mentors/", "mentors/units/it/", "mentors/qualifications/sparring/"} & pages
    assert index["config"]["lang"] == ["da"]


def test_the_zensical_site_has_the_catalogue_and_loads_no_more_hosts(
    example: dict[str, Path], zensical_site: Path
) -> None:
    catalogue = Page.at(zensical_site, "mentors/")
    assert "assets/mentorsite/mentorsite.js" in " ".join(catalogue.values("script", "src"))
    assert (zensical_site / "assets/mentorsite/mentorsite.css").is_file()
    assert (zensical_site / "mentors/anna-jensen/photo.jpg").is_file()
    assert (zensical_site / "mentors.json").is_file()

    def hosts(site: Path) -> set[str]:
        page = Page.at(site, "")
        urls = page.values("link", "href") + page.values("script", "src")
        return {url.split("/")[2] for url in urls if "://" in url}

    assert hosts(zensical_site) <= hosts(example["built"])


def test_the_hr_export_builds_to_the_pages_of_the_hr_site(
    example: dict[str, Path], hr_site: Path, tmp_path: Path
) -> None:
    config = example["project"] / "mkdocs.yml"
    export = ["export", "-f", str(config), "-d", str(tmp_path / "hr"), "--edition", "hr"]
    assert main(export) == 0
    run([str(MAIN / "mkdocs"), "build", "-d", str(tmp_path / "site")], tmp_path / "hr")
    assert (tmp_path / "site/hr/index.html").is_file()
    assert differences(hr_site, tmp_path / "site") == []


def test_the_catalogue_of_the_zensical_site_filters_in_a_browser(
    zensical_site: Path, browser: Browser
) -> None:
    """The catalogue's script runs on Zensical's bundle of Material's JavaScript."""
    mentors = [
        yaml.safe_load(path.read_text(encoding="utf-8"))
        for path in sorted((REPO / "content/mentors").glob("*.yml"))
    ]
    delegation = sum("delegation" in mentor["qualifications"] for mentor in mentors)
    assert 0 < delegation < len(mentors)
    page = browser.new_page(locale="da-DK")
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    with serve(zensical_site) as url:
        page.goto(f"{url}mentors/")
        page.wait_for_selector("[data-ms-filters]:not([hidden])")
        page.get_by_label("Uddelegering").check()
        shown = page.locator("[data-ms-cards] > li:not([hidden])").count()
        result = page.inner_text("[data-ms-result]")
    page.close()
    assert shown == delegation
    assert result == f"Viser {delegation} mentorer"
    assert errors == []
