"""Publishing: the pre-commit hook and the CI templates that organisations copy, run for real."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import REPO, edit

HOOKS = REPO / ".pre-commit-hooks.yaml"
GITHUB = REPO / "ci/github-actions.yml"
GITLAB = REPO / "ci/gitlab-ci.yml"


def run(command: str, project: Path) -> subprocess.CompletedProcess[str]:
    """A command as CI runs it, with mentorsite from this environment."""
    words = shlex.split(command)
    assert words[0] == "mentorsite", command
    return subprocess.run(
        [sys.executable, "-m", "mentorsite", *words[1:]],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_hook_manifest_is_valid_for_pre_commit() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-manifest", str(HOOKS)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_hook_runs_on_content_and_config_and_stops_a_broken_commit(project: Path) -> None:
    (hook,) = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    files = re.compile(hook["files"])
    for path in (
        "content/mentors/anna-jensen.yml",
        "content/responsibilities.yml",
        "config/taxonomy.yml",
        "mkdocs.yml",
        "handbook/content/rules/confidentiality.yaml",
    ):
        assert files.search(path), path
    for path in ("README.md", "content/pages/om-mentorordningen.md", "content/mentors/a.jpg"):
        assert not files.search(path), path
    assert hook["pass_filenames"] is False  # the whole project, whichever file changed
    assert run(hook["entry"], project).returncode == 0
    edit(project / "content/mentors/anna-jensen.yml", lambda s: s.replace("unit: it", "unit: itt"))
    refused = run(hook["entry"], project)
    assert refused.returncode == 1
    assert "unknown unit 'itt'; did you mean 'it'?" in refused.stdout


def github_steps() -> list[dict]:
    workflow = yaml.safe_load(GITHUB.read_text(encoding="utf-8"))
    return workflow["jobs"]["check"]["steps"]


def test_github_checks_every_pull_request_and_publishes_main_only() -> None:
    workflow = yaml.safe_load(GITHUB.read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    checkout = github_steps()[0]
    assert checkout["uses"].startswith("actions/checkout@")
    assert checkout["with"]["fetch-depth"] == 0  # the rules' history needs all of git
    publish = workflow["jobs"]["publish"]
    assert "refs/heads/main" in publish["if"] and "pull_request" in publish["if"]
    assert publish["permissions"] == {"pages": "write", "id-token": "write"}
    assert publish["steps"][0]["uses"].startswith("actions/deploy-pages@")
    upload = next(s for s in github_steps() if "upload-pages-artifact" in s.get("uses", ""))
    assert upload["with"]["path"] == "site" and "refs/heads/main" in upload["if"]


def test_gitlab_checks_every_merge_request_and_publishes_the_default_branch() -> None:
    pipeline = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))
    assert pipeline["variables"]["GIT_DEPTH"] == 0
    check, pages = pipeline["check"], pipeline["pages"]
    assert check["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}]
    assert pages["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert pages["artifacts"]["paths"] == ["public"]  # what GitLab Pages publishes
    assert any("-d public" in line for line in pages["script"])


@pytest.mark.parametrize(
    "commands",
    [
        pytest.param(
            [s["run"] for s in github_steps() if s.get("run", "").startswith("mentorsite")],
            id="github",
        ),
        pytest.param(
            yaml.safe_load(GITLAB.read_text(encoding="utf-8"))["pages"]["script"], id="gitlab"
        ),
    ],
)
def test_the_templates_commands_build_the_staff_edition(commands: list[str], project: Path) -> None:
    assert commands
    for command in commands:
        done = run(command, project)
        assert done.returncode == 0, (command, done.stdout, done.stderr)
    site = project / ("site" if any("-d site" in c for c in commands) else "public")
    assert (site / "index.html").is_file() and (site / "mentors.json").is_file()
    assert not (site / "hr").exists()  # the staff edition


def test_check_speaks_github_annotations(project: Path) -> None:
    edit(project / "content/mentors/anna-jensen.yml", lambda s: s.replace("unit: it", "unit: itt"))
    done = run("mentorsite check --format github", project)
    assert done.returncode == 1
    lines = (project / "content/mentors/anna-jensen.yml").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.startswith("unit: itt"))
    assert (
        f"::error file=content/mentors/anna-jensen.yml,line={line},col=7::unit: unknown unit "
        "'itt'; did you mean 'it'?"
    ) in done.stdout.splitlines()
