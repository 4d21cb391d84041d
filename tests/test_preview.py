"""`mentorsite serve`: an edit is served after a rebuild of what it changed, and a content
error leaves the last good site served."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import edit


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=20) as response:  # a stalled server fails here
        return response.read().decode("utf-8")


def wait_for(condition, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError("the preview did not get there in time")


@pytest.fixture
def preview(project: Path) -> Iterator[tuple[str, Path]]:
    port = free_port()
    log = project / "serve.log"
    with log.open("w") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "mentorsite", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=project,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        try:
            base = f"http://127.0.0.1:{port}/"
            wait_for(lambda: "Anna Jensen" in fetch(base + "mentors/anna-jensen/"))
            yield base, log
        finally:
            server.terminate()
            server.wait(timeout=20)


def test_an_edit_is_served_and_an_error_keeps_the_last_good_site(
    preview: tuple[str, Path], project: Path
) -> None:
    base, log = preview
    mentor = project / "content/mentors/anna-jensen.yml"
    edit(mentor, lambda text: text.replace("name: Anna Jensen", "name: Anna Jensen-Holm", 1))
    wait_for(lambda: "Anna Jensen-Holm" in fetch(base + "mentors/anna-jensen/"))
    assert "Anna Jensen-Holm" in fetch(base + "mentors/")

    edit(mentor, lambda text: text + "capacity: [\n")
    wait_for(lambda: "the last good one is still served" in log.read_text())
    assert "anna-jensen.yml:" in log.read_text()  # the error, at its line, in the terminal
    assert "Anna Jensen-Holm" in fetch(base + "mentors/anna-jensen/")


def test_a_title_in_the_navigation_is_new_on_every_page_that_shows_it(
    preview: tuple[str, Path], project: Path
) -> None:
    base, _ = preview
    before = fetch(base + "rules/shared-language/")
    # The last rule: the page after it in the navigation lies outside the rules' section.
    after_it = re.search(r'href="([^"]+)"[^>]*class="md-footer__link md-footer__link--next', before)
    assert after_it is not None
    neighbour = base + "rules/shared-language/" + after_it.group(1)
    edit(
        project / "content/rules/shared-language.yml",
        lambda text: (
            "\n".join(
                "title: Et fælles sprog, ny titel" if line.startswith("title:") else line
                for line in text.splitlines()
            )
            + "\n"
        ),
    )
    wait_for(lambda: "Et fælles sprog, ny titel" in fetch(base + "rules/shared-language/"))
    # Another rule's page did not change, but its sidebar lists this rule; the next page's
    # footer links back to it.
    assert "Et fælles sprog, ny titel" in fetch(base + "rules/group-size/")
    assert "Et fælles sprog, ny titel" in footer(fetch(neighbour))
    # A page of another section shows the rules' section folded: no rule's title in it.
    assert "Et fælles sprog" not in fetch(base + "om-mentorordningen/")


def footer(html: str) -> str:
    return html[html.index('<footer class="md-footer">') :]


def test_search_finds_every_page_once_after_an_edit(
    preview: tuple[str, Path], project: Path
) -> None:
    base, _ = preview

    def located() -> list[str]:
        return sorted(doc["location"] for doc in json.loads(fetch(base + INDEX))["docs"])

    first = located()
    edit(
        project / "content/mentors/anna-jensen.yml",
        lambda text: text.replace("name: Anna Jensen", "name: Anna Jensen-Holm", 1),
    )
    # The rebuild made her profile and the pages that list her anew; search has her new
    # name, and still every page of the site, each once.
    wait_for(lambda: "Anna Jensen-Holm" in fetch(base + INDEX))
    assert located() == first


INDEX = "search/search_index.json"
