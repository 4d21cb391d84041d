"""Publishing: the pre-commit hook and the CI templates that organisations copy, run for real."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import REPO, copy_example, edit

HOOKS = REPO / ".pre-commit-hooks.yaml"
GITHUB = REPO / "ci/github-actions.yml"
GITLAB = REPO / "ci/gitlab-ci.yml"
BIN = Path(sys.executable).parent  # this environment's `mentorsite` and `mkdocs`
FAR_AHEAD = "4102444800"  # 2100-01-01: every profile of the example is stale by then


def run(command: str, project: Path, **variables: str | None) -> subprocess.CompletedProcess[str]:
    """A command or a script as CI runs it: in a shell that stops at the first failure, with
    this environment's mentorsite first on the PATH and the template's variables set (a
    variable given as None is taken away)."""
    environment = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
    for name, value in variables.items():
        if value is None:
            environment.pop(name, None)
        else:
            environment[name] = value
    return subprocess.run(
        ["bash", "-e", "-o", "pipefail", "-c", command],
        cwd=project,
        env=environment,
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


def github() -> dict:
    return yaml.safe_load(GITHUB.read_text(encoding="utf-8"))


def gitlab() -> dict:
    return yaml.safe_load(GITLAB.read_text(encoding="utf-8"))


def github_steps() -> list[dict]:
    return github()["jobs"]["check"]["steps"]


def test_github_checks_every_pull_request_and_publishes_main_only() -> None:
    workflow = github()
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
    pipeline = gitlab()
    assert pipeline["variables"]["GIT_DEPTH"] == 0
    check, changes, pages = pipeline["check"], pipeline["changes"], pipeline["pages"]
    merge_requests = [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}]
    assert check["rules"] == changes["rules"] == merge_requests
    assert pages["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert pages["artifacts"]["paths"] == ["public"]  # what GitLab Pages publishes
    assert any("-d public" in line for line in pages["script"])
    # The merge request links to what changed, in words.
    assert changes["artifacts"] == {"expose_as": "changes in words", "paths": ["changes.txt"]}


def build_commands(template: str) -> tuple[list[str], dict[str, str]]:
    """The commands that check and build the site, and the template's own variables."""
    if template == "github":
        steps = [s["run"] for s in github_steps() if s.get("run", "").startswith("mentorsite")]
        commands, variables = [c for c in steps if "mentorsite changes" not in c], github()["env"]
    else:
        commands, variables = gitlab()["pages"]["script"], gitlab()["variables"]
    return commands, {name: str(value) for name, value in variables.items()}


@pytest.mark.parametrize(
    ("template", "day"), [("github", None), ("gitlab", FAR_AHEAD)], ids=["github", "gitlab"]
)
def test_the_templates_build_the_example_in_strict_mode_on_any_day(
    template: str, day: str | None, project: Path
) -> None:
    commands, variables = build_commands(template)
    # Strict mode is one variable away: off by default, on in every check and build.
    assert variables["MENTORSITE_STRICT"] == ""
    assert len(commands) == 2 and all(c.endswith(" $MENTORSITE_STRICT") for c in commands)
    variables["MENTORSITE_STRICT"] = "--strict"
    # None: the day the test runs, whatever it is; or decades on, when every profile is stale.
    for command in commands:
        done = run(command, project, **variables, SOURCE_DATE_EPOCH=day)
        assert done.returncode == 0, (command, done.stdout, done.stderr)
    site = project / ("site" if template == "github" else "public")
    assert (site / "index.html").is_file() and (site / "mentors.json").is_file()
    assert not (site / "hr").exists()  # the staff edition


def test_mkdocs_build_strict_passes_on_the_example_decades_on(project: Path) -> None:
    done = run(
        "mkdocs build --strict -d site",
        project,
        SOURCE_DATE_EPOCH=FAR_AHEAD,
        NO_MKDOCS_2_WARNING="1",
    )
    assert done.returncode == 0, done.stderr
    assert "WARNING -" not in done.stderr
    assert (project / "site/index.html").is_file()


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


# -- what a pull or merge request changes, in words ---------------------------------------------


def git(where: Path, *args: str) -> None:
    """git as a scripted author, untouched by the user's own configuration."""
    environment = {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Mette Holm",
        "GIT_AUTHOR_EMAIL": "mette.holm@nordlys.example",
        "GIT_COMMITTER_NAME": "Mette Holm",
        "GIT_COMMITTER_EMAIL": "mette.holm@nordlys.example",
        "GIT_AUTHOR_DATE": "2026-12-01T12:00:00+01:00",
        "GIT_COMMITTER_DATE": "2026-12-01T12:00:00+01:00",
    }
    subprocess.run(["git", *args], cwd=where, env=environment, check=True, capture_output=True)


@pytest.fixture
def pull_request(tmp_path: Path) -> Path:
    """A clone of the content's repository, on a branch that shortens relationships, as CI
    checks it out: the target branch is origin/main."""
    upstream = copy_example(tmp_path / "upstream")
    git(upstream, "init", "--quiet", "--initial-branch", "main")
    git(upstream, "add", "--all")
    git(upstream, "commit", "--quiet", "--message", "Håndbogen")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "--quiet", str(upstream), str(clone))
    git(clone, "switch", "--quiet", "--create", "kortere-forloeb")
    edit(clone / "content/rules/duration-two-years.yml", lambda s: s.replace("24}", "18}"))
    git(clone, "commit", "--quiet", "--all", "--message", "Kortere forløb *fra nu* <b>")
    return clone


def said_for_each_role(markdown: str) -> dict[str, str]:
    return {s.splitlines()[0].removeprefix("## "): s for s in markdown.split("\n## ")}


def assert_in_words(markdown: str) -> None:
    """What a reviewer of the example's shorter relationships reads, role by role."""
    sections = said_for_each_role(markdown)
    assert list(sections) == [
        f"Ændringer for {role}"
        for role in ("Mentee", "Mentor", "Daglig leder", "Programgruppen", "HR")
    ]
    mentor = sections["Ændringer for Mentor"]
    assert "· Kortere forløb \\*fra nu\\* \\<b\\>" in mentor  # the subject, as written
    assert (
        "- **Regel: Et forløb varer højst to år**\n  - Varighed ændret fra 24 til 18 måneder"
        in mentor
    )
    # The rule does not bind line managers: their section says so.
    assert sections["Ændringer for Daglig leder"].splitlines()[2] == (
        "Der er ingen ændringer, der vedrører daglige ledere."
    )


def test_github_writes_what_changes_for_each_role_to_the_summary(pull_request: Path) -> None:
    (step,) = [s for s in github_steps() if "mentorsite changes" in s.get("run", "")]
    assert step["if"] == "github.event_name == 'pull_request'"
    summary = pull_request.parent / "summary.md"
    done = run(step["run"], pull_request, GITHUB_BASE_REF="main", GITHUB_STEP_SUMMARY=str(summary))
    assert done.returncode == 0, done.stderr
    assert done.stderr == "mentorsite: 1 change in 1 commit\n"
    assert_in_words(summary.read_text(encoding="utf-8"))


def test_gitlab_shows_what_changes_for_each_role_and_can_comment(pull_request: Path) -> None:
    script = "\n".join(gitlab()["changes"]["script"])
    variables = {"CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "main", "MENTORSITE_NOTE_TOKEN": ""}
    done = run(script, pull_request, **variables)
    assert done.returncode == 0, done.stderr
    written = (pull_request / "changes.txt").read_text(encoding="utf-8")
    assert_in_words(written)
    assert written in done.stdout  # in the job's log too
    # With a token, the same words go to the merge request as a comment, through its API.
    tools = pull_request.parent / "tools"
    tools.mkdir()
    (tools / "curl").write_text('#!/bin/sh\nprintf "%s\\n" "$@" > "$CALLED"\n', encoding="utf-8")
    (tools / "curl").chmod(0o755)
    called = pull_request.parent / "called"
    variables |= {
        "MENTORSITE_NOTE_TOKEN": "glpat-example",
        "CI_API_V4_URL": "https://gitlab.nordlys.example/api/v4",
        "CI_PROJECT_ID": "7",
        "CI_MERGE_REQUEST_IID": "12",
        "CALLED": str(called),
    }
    done = run(f'PATH="{tools}:$PATH"\n{script}', pull_request, **variables)
    assert done.returncode == 0, done.stderr
    arguments = called.read_text(encoding="utf-8").splitlines()
    assert "PRIVATE-TOKEN: glpat-example" in arguments and "body@changes.txt" in arguments
    assert (
        arguments[-1] == "https://gitlab.nordlys.example/api/v4/projects/7/merge_requests/12/notes"
    )
