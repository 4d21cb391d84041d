"""Where an organisation's history begins, which commits it leaves out, and items that
moved from one file to another said as moved: a history a line manager can trust."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_history import commit, entries, git, replace

from conftest import REPO, build, copy_example, edit
from mentorsite.adapters.cli.main import main
from mentorsite.content import load_content
from mentorsite.history.changes import by_commit, list_changes
from mentorsite.history.git import read_history
from mentorsite.i18n.strings import Strings
from mentorsite.project import Paths, theme_dirs

MEETINGS = (
    '    - {text: "Aftal faste mødetidspunkter for de næste måneder.", rule: meeting-rhythm}\n'
)
LINE_MANAGER_LIMITS = """\
does_not:
  - {text: "Spørger ikke mentor om indholdet af samtalerne.", rule: confidentiality}
  - Bruger ikke mentor som mægler i en konflikt med medarbejderen.
"""
MENTOR_LIMITS = "does_not:\n  - Tager ikke parti i konflikter.\n"
NEVER = "line-manager: never, hr: never, programme-group: never}"


@pytest.fixture(scope="module")
def handbook(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """Content migrated into git by a developer's commit, a tidy-up marked [skip history],
    then HR's own commits: a rule, limits taken into the matrix, a checklist item moved."""
    repo = tmp_path_factory.mktemp("origin") / "repo"
    project = copy_example(repo / "handbook")
    content = project / "content"
    roles = content / "roles"
    git(repo, "init", "--quiet")
    shas = {}

    # The migration: role limits still in each role's does_not, and the mentor, not the
    # mentee, agrees the meeting times.
    replace(roles / "mentee.yml", MEETINGS, "")
    replace(roles / "mentor.yml", "  start:\n", "  start:\n" + MEETINGS)
    edit(roles / "line-manager.yml", lambda text: text + LINE_MANAGER_LIMITS)
    edit(roles / "mentor.yml", lambda text: text + MENTOR_LIMITS)
    matrix = content / "responsibilities.yml"
    replace(matrix, NEVER, "hr: never, programme-group: never}")
    rhythm = content / "rules/meeting-rhythm.yml"
    replace(rhythm, "[mentor, mentee, line-manager]", "[mentor, mentee]")
    shas["migration"] = commit(repo, "Import the handbook from the old intranet", "2026-01-05")

    replace(content / "rules/level-gap.yml", "effective: 2026-01-01", "effective: 2026-01-02")
    shas["tidy"] = commit(repo, "Tidy the example\n\n[skip history]", "2026-01-10")

    replace(rhythm, "[mentor, mentee]", "[mentor, mentee, line-manager]")
    shas["rule"] = commit(repo, "Daglig leder følger mødereglen", "2026-02-01")

    replace(roles / "line-manager.yml", LINE_MANAGER_LIMITS, "")
    replace(roles / "mentor.yml", MENTOR_LIMITS, "")
    replace(matrix, "hr: never, programme-group: never}", NEVER)
    shas["limits"] = commit(repo, "Rollernes grænser står nu i ansvarsfordelingen", "2026-03-01")

    replace(roles / "mentor.yml", "  start:\n" + MEETINGS, "  start:\n")
    replace(
        roles / "mentee.yml",
        "    - Formulér to eller tre konkrete mål for forløbet.\n",
        "    - Formulér to eller tre konkrete mål for forløbet.\n" + MEETINGS,
    )
    shas["moved"] = commit(repo, "Mentee aftaler mødetidspunkterne", "2026-04-01")
    return project, shas


def begin_at(project: Path, since: str) -> None:
    """Set the plugin's `history_since` in the project's mkdocs.yml."""
    edit(
        project / "mkdocs.yml",
        lambda text: text.replace(
            "      config_dir: config\n",
            f"      config_dir: config\n      history_since: {since}\n",
        ),
    )


def changes_out(project: Path, capsys: pytest.CaptureFixture[str], *args: str) -> list[str]:
    assert main(["changes", "-f", str(project / "mkdocs.yml"), *args]) == 0
    return capsys.readouterr().out.splitlines()


def subjects(lines: list[str]) -> list[str]:
    return [line.split("  ", 2)[2] for line in lines if re.match(r"\d{4}-\d\d-\d\d  ", line)]


HR_SUBJECTS = [
    "Mentee aftaler mødetidspunkterne",
    "Rollernes grænser står nu i ansvarsfordelingen",
    "Daglig leder følger mødereglen",
]


@pytest.mark.parametrize("since", ["migration", "2026-01-06"])
def test_history_begins_where_the_plugin_says_and_skips_marked_commits(
    handbook: tuple[Path, dict[str, str]],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    since: str,
) -> None:
    project, shas = handbook
    original = (project / "mkdocs.yml").read_text(encoding="utf-8")
    try:
        begin_at(project, shas.get(since, since))
        assert subjects(changes_out(project, capsys)) == HR_SUBJECTS
        # The site says the same: no "Reglen er oprettet" from the migration, no tidy-up.
        site = tmp_path / "site"
        assert build(project, site) == 0
        listed = entries(site, "changes")
        days = ["1. april 2026", "1. marts 2026", "1. februar 2026"]
        heads = [f"{day} · {subject} (" for day, subject in zip(days, HR_SUBJECTS, strict=True)]
        assert [entry[: len(head)] for entry, head in zip(listed, heads, strict=False)] == heads
        assert len(listed) == 3
        rule_page = " ".join(entries(site, "rules/meeting-rhythm"))
        assert "Daglig leder følger mødereglen" in rule_page
        assert rule_page.startswith("1. februar 2026 · Daglig leder følger mødereglen")
        assert "Import the handbook" not in rule_page and "oprettet" not in rule_page
    finally:
        (project / "mkdocs.yml").write_text(original, encoding="utf-8")


def test_without_a_beginning_the_whole_history_counts_but_a_marked_commit_never(
    handbook: tuple[Path, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    project, _ = handbook
    listed = subjects(changes_out(project, capsys))
    assert listed == [*HR_SUBJECTS, "Import the handbook from the old intranet"]


def test_changes_since_a_day(
    handbook: tuple[Path, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    project, _ = handbook
    assert subjects(changes_out(project, capsys, "--since", "2026-03-01")) == HR_SUBJECTS[:2]


def test_an_unknown_beginning_is_one_line_not_a_traceback(
    handbook: tuple[Path, dict[str, str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project, _ = handbook
    original = (project / "mkdocs.yml").read_text(encoding="utf-8")
    try:
        begin_at(project, "v7")
        assert main(["changes", "-f", str(project / "mkdocs.yml")]) == 1
        assert capsys.readouterr().err == (
            "mentorsite: error: history_since: unknown revision 'v7'\n"
        )
        assert build(project, tmp_path / "site") == 1
        err = capsys.readouterr().err
        assert "history_since: unknown revision 'v7'" in err and "Traceback" not in err
    finally:
        (project / "mkdocs.yml").write_text(original, encoding="utf-8")


def test_a_commit_listed_in_history_skip_is_left_out(
    handbook: tuple[Path, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    """A merged commit's message can no longer say [skip history]: history_skip names it."""
    project, shas = handbook
    original = (project / "mkdocs.yml").read_text(encoding="utf-8")
    try:
        edit(
            project / "mkdocs.yml",
            lambda text: text.replace(
                "      config_dir: config\n",
                f"      config_dir: config\n      history_skip: [{shas['limits'][:10]}]\n",
            ),
        )
        assert subjects(changes_out(project, capsys, "--since", "2026-01-06")) == [
            HR_SUBJECTS[0],
            HR_SUBJECTS[2],
        ]
        begin_at(project, "2026-01-06")
        edit(project / "mkdocs.yml", lambda text: text.replace(shas["limits"][:10], "v9"))
        assert main(["changes", "-f", str(project / "mkdocs.yml")]) == 1
        assert capsys.readouterr().err == "mentorsite: error: history_skip: unknown revision 'v9'\n"
    finally:
        (project / "mkdocs.yml").write_text(original, encoding="utf-8")


def test_limits_taken_into_the_matrix_and_an_item_given_to_another_role_are_moves(
    handbook: tuple[Path, dict[str, str]],
) -> None:
    project, shas = handbook
    paths = Paths.at(project)
    content = load_content(paths).content
    assert content is not None
    history = read_history(paths, since=shas["rule"])
    found = {
        (change.title, sentence)
        for _, group in by_commit(list_changes(history, content, Strings.load("da", theme_dirs())))
        for change in group
        for sentence in change.sentences
    }
    assert {
        # The line manager's limits are in the matrix now: moved, not dropped.
        (
            "Daglig leder",
            "Gør ikke: »Spørger ikke mentor om indholdet af samtalerne.« er flyttet til "
            "ansvarsfordelingen",
        ),
        (
            "Daglig leder",
            "Gør ikke: »Bruger ikke mentor som mægler i en konflikt med medarbejderen.« er "
            "flyttet til ansvarsfordelingen",
        ),
        # The matrix gave the mentor no new "never": that limit was dropped, and says so.
        ("Mentor", "Gør ikke: fjernet »Tager ikke parti i konflikter.«"),
        (
            "Mentor",
            "Tjekliste, Opstart: »Aftal faste mødetidspunkter for de næste måneder.« er "
            "flyttet til rollen Mentee",
        ),
        (
            "Mentee",
            "Tjekliste, Opstart: »Aftal faste mødetidspunkter for de næste måneder.« er "
            "flyttet hertil fra rollen Mentor",
        ),
    } <= found
    assert not any("fjernet »Spørger ikke mentor" in sentence for _, sentence in found)


def test_the_example_history_is_the_organisations_not_the_tools(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The example's /changes/ reads like HR's: from where its mkdocs.yml says the history
    begins, every commit that changed content/ has a Danish subject. A developer's commit
    to content/ after that says [skip history] in its message, or is listed in
    history_skip once merged."""
    assert main(["changes", "-f", str(REPO / "mkdocs.yml")]) == 0
    listed = subjects(capsys.readouterr().out.splitlines())
    assert listed, "the example's history lists no commit at all"
    english = re.compile(r"\b(the|and|of|with|is|are|from|into|when|which|an)\b", re.I)
    developers = [subject for subject in listed if english.search(subject)]
    assert developers == [], (
        "development commits in the example's history: list them under history_skip in "
        "mkdocs.yml, or say [skip history] in the message of a commit not yet merged"
    )
