"""The command line as a user runs it: output, exit status, help, and never a traceback."""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import edit, empty_topics
from mentorsite.adapters.cli.main import argument_parser


def run(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mentorsite", *args],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_on_the_example_prints_no_problem_even_in_strict_mode(project: Path) -> None:
    result = run(project, "check", "--strict")
    assert result.returncode == 0, result.stdout
    assert result.stdout == ""
    # Every YAML file is read: the two of config/, each content file and the matrix.
    files = len(list(project.glob("config/*.yml"))) + len(list(project.glob("content/**/*.yml")))
    assert f"mentorsite: 0 errors, 0 warnings in {files} files" in result.stderr.splitlines()


def test_check_reports_a_misspelt_id_where_editors_can_find_it(project: Path) -> None:
    path = project / "content/mentors/karen-aeroe.yml"
    edit(path, lambda s: s.replace("qualifications: [", "qualifications: [sparing, ", 1))
    lines = path.read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, 1) if "sparing," in text)
    column = lines[line - 1].index("sparing") + 1
    result = run(project, "check")
    assert result.returncode == 1
    assert (
        f"content/mentors/karen-aeroe.yml:{line}:{column}: error: qualifications[0]: "
        "unknown qualification 'sparing'; did you mean 'sparring'?" in result.stdout.splitlines()
    )
    assert "mentorsite: 1 error, 0 warnings" in result.stderr


def test_strict_turns_warnings_into_errors(project: Path) -> None:
    empty_topics(project, "nye-ledere-2027", "evaluation")
    assert run(project, "check").returncode == 0
    result = run(project, "check", "--strict")
    assert result.returncode == 1
    assert "evaluation: the planning topic is empty" in result.stdout
    assert "(--strict: warnings count as errors)" in result.stderr


def commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> list[tuple]:
    """Every command and sub-command of the parser, with its parser."""
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help for choice in action._choices_actions}
            for name, sub in action.choices.items():
                found.append(((*path, name), sub, helps.get(name)))
                found += commands(sub, (*path, name))
    return found


def test_every_command_and_option_has_help() -> None:
    found = commands(argument_parser())
    names = {" ".join(path) for path, _, _ in found}
    assert names >= {"check", "build", "serve", "schema", "new", "import mentors", "changes"}
    for path, parser, summary in found:
        assert summary, f"mentorsite {' '.join(path)} has no line in the list of commands"
        assert parser.description, f"mentorsite {' '.join(path)} has no description"
        for action in parser._actions:
            if not isinstance(action, (argparse._HelpAction, argparse._SubParsersAction)):
                assert action.help, (path, action.dest)


@pytest.mark.parametrize("command", ["check", "build", "serve", "pairs", "new", "schema"])
def test_help_runs_as_a_user_types_it(project: Path, command: str) -> None:
    result = run(project, command, "--help")
    assert result.returncode == 0 and f"usage: mentorsite {command}" in result.stdout


def test_the_console_script_and_the_module_agree(project: Path) -> None:
    script = Path(sys.executable).with_name("mentorsite")
    result = subprocess.run([str(script), "--version"], capture_output=True, text=True)
    assert result.stdout.strip() == run(project, "--version").stdout.strip() != ""


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda p: (p / "mkdocs.yml").write_text("site_name: [\n"), "mkdocs.yml"),
        (lambda p: (p / "mkdocs.yml").unlink(), "mkdocs.yml not found"),
        (
            lambda p: (p / "content/mentors/anna-jensen.yml").write_bytes(b"\x00\xff" * 50),
            "is not UTF-8 text",
        ),
    ],
)
def test_no_traceback_whatever_the_input(project: Path, damage, message: str) -> None:
    damage(project)
    result = run(project, "build")
    assert result.returncode == 1
    assert message in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_build_writes_the_site_and_says_where(project: Path) -> None:
    result = run(project, "build", "-d", "out", "--edition", "hr")
    assert result.returncode == 0, result.stderr
    assert f"built the hr edition in {project / 'out'}" in result.stderr
    assert (project / "out/mentors/anna-jensen/index.html").is_file()
    assert oct((project / "out").stat().st_mode)[-3:] == "755"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def _wait_for(condition, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if condition():
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


@pytest.mark.parametrize(
    ("changed", "old", "new"),
    [
        ("content/mentors/anna-jensen.yml", "Afdelingschef", "Direktør for alt"),
        ("config/taxonomy.yml", "Uddelegering", "Kunsten at uddelegere"),
        ("theme/locales/da.yml", "Om mig som mentor", "Hvem er jeg"),
    ],
)
def test_serve_rebuilds_when_content_config_or_theme_change(
    project: Path, changed: str, old: str, new: str
) -> None:
    (project / "theme/locales").mkdir(parents=True)
    (project / "theme/locales/da.yml").write_text(
        "mentor:\n  about: Om mig som mentor\n", encoding="utf-8"
    )
    edit(
        project / "mkdocs.yml",
        lambda s: s.replace("config_dir: config", "config_dir: config\n      theme_dir: theme"),
    )
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mentorsite", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        page = f"http://127.0.0.1:{port}/mentors/anna-jensen/"
        assert _wait_for(lambda: "Anna Jensen" in _fetch(page)), "the server did not start"
        assert new not in _fetch(page)
        time.sleep(1)
        edit(project / changed, lambda s: s.replace(old, new))
        assert _wait_for(lambda: new in _fetch(page)), "the page was not rebuilt"
    finally:
        server.terminate()
        server.wait(timeout=20)
