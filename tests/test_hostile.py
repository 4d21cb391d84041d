"""Hostile and careless input: nothing lost, nothing leaked, nothing hangs.

Each test stands for something a careless user or a careful attacker did: built the site
into the sources, linked a content file to one outside, left a FIFO where a file was,
wrote an impossible date or an address with a `?bcc=` in it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, SOURCE_DATE_EPOCH, build, edit
from htmlpage import Page
from mentorsite.adapters.cli.main import main
from mentorsite.load.documents import MAX_FILE_BYTES, MAX_LIST_ITEMS
from mentorsite.output import MARKER
from mentorsite.site.markup import mailto


def plugin_option(project: Path, line: str) -> None:
    """Add an option of the mentorsite plugin to the project's mkdocs.yml."""
    edit(
        project / "mkdocs.yml",
        lambda text: text.replace("  - mentorsite:\n", f"  - mentorsite:\n      {line}\n", 1),
    )


def fingerprint(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def sources(project: Path) -> dict[str, bytes]:
    return {
        name: content
        for name, content in fingerprint(project).items()
        if name.split("/")[0] in ("content", "config", "theme") or name == "mkdocs.yml"
    }


def run_check(project: Path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    """`mentorsite check` in its own process, so that a hang is a failure, not a stuck run."""
    return subprocess.run(
        [sys.executable, "-m", "mentorsite", "check", *args],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "SOURCE_DATE_EPOCH": str(SOURCE_DATE_EPOCH)},
    )


# -- 1. nothing is ever lost ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "said"),
    [
        ("content", "is a folder the site is built from"),
        (".", "is the project's folder"),
        ("config", "is a folder the site is built from"),
        ("content/pages", "is a folder the site is built from"),
        ("content/mentors/site", "lies inside"),
        ("theme", "is a folder the site is built from"),
        ("..", "holds the project"),
    ],
)
def test_a_build_into_the_sources_is_refused_before_anything_is_written(
    project: Path, target: str, said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "theme").mkdir()
    plugin_option(project, "theme_dir: theme")
    before = sources(project)
    assert build(project, project / target) == 1
    err = capsys.readouterr().err
    assert said in err and "nothing was built" in err
    assert sources(project) == before
    assert not list(project.parent.glob(".*-building-*"))


def test_plain_mkdocs_refuses_a_site_dir_that_is_a_source_folder(project: Path) -> None:
    before = sources(project)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", "config"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "site_dir: " in result.stderr and "is a folder the site is built from" in result.stderr
    assert sources(project) == before


def test_a_folder_mentorsite_did_not_build_is_replaced_only_with_force(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = tmp_path / "my-documents"
    mine.mkdir()
    (mine / "thesis.txt").write_text("three years of work", encoding="utf-8")
    assert build(project, mine) == 1
    err = capsys.readouterr().err
    assert "did not build" in err and "--force" in err
    assert (mine / "thesis.txt").read_text(encoding="utf-8") == "three years of work"

    a_file = tmp_path / "notes.txt"
    a_file.write_text("notes", encoding="utf-8")
    assert build(project, a_file) == 1
    assert a_file.read_text(encoding="utf-8") == "notes"

    assert build(project, mine, "--force") == 0
    assert (mine / "index.html").is_file() and (mine / MARKER).is_file()
    assert not (mine / "thesis.txt").exists()


def test_a_site_mentorsite_built_and_an_empty_folder_are_replaced(
    project: Path, tmp_path: Path
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert build(project, empty) == 0
    (empty / "stale.html").write_text("old", encoding="utf-8")
    assert build(project, empty) == 0  # the marker says mentorsite built it
    assert not (empty / "stale.html").exists()
    assert (empty / MARKER).is_file()


# -- 2. only what lies inside content/ is read and published --------------------------------


def test_a_content_file_linked_to_a_file_outside_content_is_an_error(
    project: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "someone-else.yml"
    outside.write_text(
        (project / "content/mentors/anna-jensen.yml")
        .read_text(encoding="utf-8")
        .replace("Anna Jensen", "Hemmelig Person"),
        encoding="utf-8",
    )
    (project / "content/mentors/secret.yml").symlink_to(outside)
    # A link that stays inside content/ is fine.
    (project / "content/mentors/anna-again.yml").symlink_to("anna-jensen.yml")
    result = run_check(project)
    assert result.returncode == 1
    errors = [line for line in result.stdout.splitlines() if ": error: " in line]
    assert len(errors) == 1, result.stdout
    assert errors[0].startswith("content/mentors/secret.yml: error: is a link to ")
    assert "outside content/" in errors[0]


def test_a_config_file_linked_to_a_file_outside_config_is_an_error(
    project: Path, tmp_path: Path
) -> None:
    moved = tmp_path / "organisation.yml"
    (project / "config/organisation.yml").rename(moved)
    (project / "config/organisation.yml").symlink_to(moved)
    result = run_check(project)
    assert result.returncode == 1
    assert "config/organisation.yml: error: is a link to " in result.stdout


@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_only_regular_files_are_read(project: Path, kind: str) -> None:
    path = project / "content/rules/odd.yml"
    if kind == "fifo":
        os.mkfifo(path)
        expected = "content/rules/odd.yml: error: is not a regular file"
    else:
        path.symlink_to("/dev/zero")
        expected = "content/rules/odd.yml: error: is a link to /dev/zero, outside content/"
    result = run_check(project, timeout=60)  # a hang fails here, with TimeoutExpired
    assert result.returncode == 1
    assert expected in result.stdout


def test_a_photo_in_a_symlink_loop_is_an_error_at_its_line_among_the_others(
    project: Path,
) -> None:
    (project / "content/mentors/loop.jpg").symlink_to("loop.jpg")
    path = project / "content/mentors/anna-jensen.yml"
    edit(path, lambda text: text.replace("photo: anna-jensen.jpg", "photo: loop.jpg"))
    other = project / "content/mentors/peter-hansen.yml"
    edit(other, lambda text: text.replace("reviewed: 20", "reviewed: 2026-02-30 #", 1))
    line = 1 + path.read_text(encoding="utf-8").splitlines().index("photo: loop.jpg")
    result = run_check(project)
    assert result.returncode == 1
    assert (
        f"content/mentors/anna-jensen.yml:{line}:8: error: photo: 'loop.jpg' cannot be "
        "followed: a symlink loop"
    ) in result.stdout
    assert "reviewed: 2026-02-30 is not a day of the calendar" in result.stdout


def test_a_pairs_file_inside_docs_dir_is_refused_and_never_published(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    private = project / "content/pages/hr/pairs.yml"
    private.parent.mkdir()
    private.write_bytes((REPO / "examples/pairs.yml").read_bytes())
    plugin_option(project, "pairs_file: content/pages/hr/pairs.yml")
    for edition in ("staff", "hr"):
        site = tmp_path / f"site-{edition}"
        assert build(project, site, "--edition", edition) == 1
        assert "pairs_file: 'content/pages/hr/pairs.yml' lies inside content/pages/" in (
            capsys.readouterr().err
        )
        assert not site.exists()


def test_pairs_check_refuses_a_pairs_file_inside_content(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    private = project / "content/pairs.yml"
    private.write_bytes((REPO / "examples/pairs.yml").read_bytes())
    assert main(["pairs", "check", "-f", str(project / "mkdocs.yml"), str(private)]) == 1
    assert "lies inside content/, where it would be published" in capsys.readouterr().out


# -- 3. bounded work for any input -----------------------------------------------------------


# The peak of this process alone: VmHWM starts anew at exec, whereas getrusage's maxrss
# carries over the RSS of the test process that started it.
_MEASURED = (
    "import re, sys\n"
    "from mentorsite.adapters.cli.main import main\n"
    "status = main(['check'])\n"
    "status_text = open('/proc/self/status').read()\n"
    "print('peak:', re.search(r'VmHWM:\\s*(\\d+)', status_text).group(1), file=sys.stderr)\n"
    "sys.exit(status)\n"
)


def check_with_peak_memory(project: Path) -> tuple[subprocess.CompletedProcess, float]:
    """`mentorsite check` in a process of its own, and its peak memory in MB."""
    result = subprocess.run(
        [sys.executable, "-c", _MEASURED],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "SOURCE_DATE_EPOCH": str(SOURCE_DATE_EPOCH)},
    )
    peak = next(line for line in result.stderr.splitlines() if line.startswith("peak: "))
    return result, int(peak.removeprefix("peak: ")) / 1024


def test_a_file_over_the_size_limit_is_refused_without_reading_it(project: Path) -> None:
    path = project / "content/mentors/huge.yml"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("name: Stor\nqualifications: [")
        handle.write("delegation," * 2_000_000)  # 22 MB
        handle.write("]\n")
    result, peak = check_with_peak_memory(project)
    assert result.returncode == 1
    assert (
        f"content/mentors/huge.yml: error: is {path.stat().st_size:,} bytes; "
        f"the limit is {MAX_FILE_BYTES:,} bytes"
    ) in result.stdout
    assert peak < 400  # a 22 MB file took 3.3 GB before the limit


def test_a_list_over_the_length_limit_is_an_error_at_its_line(project: Path) -> None:
    path = project / "content/mentors/long.yml"
    items = (MAX_FILE_BYTES - 100) // 2
    path.write_text("name: Lang\nqualifications: [" + "a," * items + "a]\n", encoding="utf-8")
    assert path.stat().st_size <= MAX_FILE_BYTES
    result, peak = check_with_peak_memory(project)
    assert result.returncode == 1
    assert (
        f"content/mentors/long.yml:2:17: error: a list of {items + 1:,} entries; "
        f"the limit is {MAX_LIST_ITEMS:,}"
    ) in result.stdout
    assert peak < 400  # bounded by the 1 MB limit: under 200 MB measured


@pytest.mark.parametrize(
    ("relative", "field", "value"),
    [
        ("content/mentors/anna-jensen.yml", "reviewed", "2026-02-30"),
        ("content/mentors/anna-jensen.yml", "available_from", "2027-13-01"),
        ("content/rules/shared-language.yml", "effective", "2026-02-30"),
        ("content/programmes/nye-ledere-2027.yml", "start", "2027-04-31"),
        ("content/mentors/anna-jensen.yml", "reviewed", "0000-00-00"),
    ],
)
def test_an_impossible_date_is_an_error_at_its_field_with_the_others(
    project: Path, relative: str, field: str, value: str
) -> None:
    path = project / relative
    lines = path.read_text(encoding="utf-8").splitlines()
    if not any(line.startswith(f"{field}:") for line in lines):
        lines.append(f"{field}: 2027-01-01")
    index = next(i for i, line in enumerate(lines) if line.startswith(f"{field}:"))
    lines[index] = f"{field}: {value}"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    # Another mistake elsewhere is still reported in the same run.
    edit(
        project / "content/mentors/peter-hansen.yml",
        lambda text: text.replace("capacity: ", "capacity: -", 1),
    )
    result = run_check(project)
    assert result.returncode == 1
    assert (
        f"{relative}:{index + 1}:{len(field) + 3}: error: {field}: {value} is not a day of "
        "the calendar"
    ) in result.stdout
    assert "content/mentors/peter-hansen.yml:" in result.stdout


def test_an_impossible_date_in_the_pairs_file_is_an_error_at_its_field(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pairs = project / "pairs.yml"
    text = (REPO / "examples/pairs.yml").read_text(encoding="utf-8")
    pairs.write_text(text.replace("started: 2026-03-01", "started: 2026-02-30", 1), "utf-8")
    line = next(
        number
        for number, content in enumerate(pairs.read_text("utf-8").splitlines(), 1)
        if "2026-02-30" in content
    )
    assert main(["pairs", "check", "-f", str(project / "mkdocs.yml"), str(pairs)]) == 1
    out = capsys.readouterr().out
    assert f"pairs.yml:{line}:" in out
    assert "pairs[0].started: 2026-02-30 is not a day of the calendar" in out


# -- 4. links and output that cannot be bent -------------------------------------------------


@pytest.mark.parametrize(
    "address",
    [
        "anna@nordlys.example?bcc=spion%40evil.example",
        "anna?bcc=spion@evil.example",
        '"anna jensen"@nordlys.example',
        "anna@nordlys.example&subject=x",
        "anna@nordlys.example>",
    ],
)
def test_an_address_that_would_bend_a_mailto_link_is_refused(project: Path, address: str) -> None:
    path = project / "content/mentors/anna-jensen.yml"
    escaped = address.replace('"', '\\"')
    edit(
        path,
        lambda text: (
            "\n".join(
                f'email: "{escaped}"' if line.startswith("email:") else line
                for line in text.splitlines()
            )
            + "\n"
        ),
    )
    result = run_check(project)
    assert result.returncode == 1
    assert "content/mentors/anna-jensen.yml:14:8: error: email: expected an e-mail address" in (
        result.stdout
    )


def test_mailto_links_are_percent_encoded_as_rfc_6068_says() -> None:
    assert mailto("anna@nordlys.example") == "mailto:anna@nordlys.example"
    assert (
        mailto("a+b@nordlys.example", subject="Hej & farvel?", body="Linje 1\nLinje 2")
        == "mailto:a%2Bb@nordlys.example?subject=Hej%20%26%20farvel%3F&body=Linje%201%0ALinje%202"
    )
    assert mailto("søren@nordlys.example") == "mailto:s%C3%B8ren@nordlys.example"


def test_mailto_links_in_the_built_site_carry_one_recipient(project: Path, tmp_path: Path) -> None:
    edit(
        project / "content/mentors/anna-jensen.yml",
        lambda text: text.replace("anna.jensen@nordlys.example", "anna+mentor@nordlys.example"),
    )
    site = tmp_path / "site"
    assert build(project, site, "--edition", "hr") == 0
    page = Page((site / "mentors/anna-jensen/index.html").read_text(encoding="utf-8"))
    links = [href for href in page.values("a", "href") if href.startswith("mailto:")]
    assert "mailto:anna%2Bmentor@nordlys.example" in links
    for href in links:
        address, _, query = href.removeprefix("mailto:").partition("?")
        assert address.count("@") == 1 and "%40" not in address
        assert all(part.split("=")[0] in ("subject", "body") for part in query.split("&") if part)


@pytest.mark.parametrize("style", ["text", "github"])
def test_a_value_with_a_line_break_cannot_forge_a_line_of_output(project: Path, style: str) -> None:
    forged = "delegaton\\n::error file=x,line=1::forged\\r::warning::x"
    edit(
        project / "content/mentors/anna-jensen.yml",
        lambda text: text.replace("qualifications: [", f'qualifications: ["{forged}", ', 1),
    )
    result = run_check(project, "--format", style)
    assert result.returncode == 1
    lines = (result.stdout + result.stderr).splitlines()
    assert lines and not any(line.startswith(("::error file=x", "::warning::x")) for line in lines)
    assert any("anna-jensen.yml" in line and "delegaton" in line for line in lines)
