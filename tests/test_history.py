"""The history of rules, roles, programmes and responsibilities, read from a real git
repository with scripted commits, and said in words."""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from conftest import SOURCE_DATE_EPOCH, build, copy_example, edit
from htmlpage import Page
from mentorsite.adapters.cli.main import main
from mentorsite.content import Content, load_content
from mentorsite.history import git as history_module
from mentorsite.history.changes import Change, by_commit, list_changes
from mentorsite.history.git import (
    Commit,
    History,
    HistoryError,
    Revision,
    Unreadable,
    read_history,
)
from mentorsite.i18n.strings import Strings
from mentorsite.project import Paths, theme_dirs

RESPONSIBILITIES = """\
activities:
  - id: development-reviews
    name: Udviklingssamtaler og opgavestyring for mentee
    rules: [manager-keeps-development-reviews]
    roles: {line-manager: owns, mentee: takes-part, mentor: takes-part, hr: never}
  - id: conversation-content
    name: Indholdet af mentorsamtalerne
    rules: [confidentiality]
    roles: {mentee: owns, mentor: takes-part, line-manager: never, hr: never}
"""

_FOREIGN = ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_CONFIG", "GIT_CONFIG_PARAMETERS")


def git(repo: Path, *args: str, day: str = "2026-01-01") -> str:
    """Run git as a scripted author on `day`, untouched by the user's own configuration."""
    environment = {k: v for k, v in os.environ.items() if k not in _FOREIGN}
    stamp = f"{day}T12:00:00+01:00"
    environment.update(
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_CONFIG_NOSYSTEM="1",
        GIT_AUTHOR_NAME="Mette Holm",
        GIT_AUTHOR_EMAIL="mette.holm@nordlys.example",
        GIT_COMMITTER_NAME="Mette Holm",
        GIT_COMMITTER_EMAIL="mette.holm@nordlys.example",
        GIT_AUTHOR_DATE=stamp,
        GIT_COMMITTER_DATE=stamp,
    )
    done = subprocess.run(
        ["git", *args], cwd=repo, env=environment, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def commit(repo: Path, subject: str, day: str) -> str:
    git(repo, "add", "--all")
    git(repo, "commit", "--quiet", "--message", subject, day=day)
    return git(repo, "rev-parse", "HEAD")


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@dataclass
class Scenario:
    repo: Path
    project: Path  # a folder inside the repository: the content need not be at the top
    shas: dict[str, str]  # subject -> sha

    @property
    def paths(self) -> Paths:
        return Paths.at(self.project)


@pytest.fixture(autouse=True)
def _no_user_git_config(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    history_module.LAST_READ.clear()


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> Scenario:
    """A year of HR's edits to the example handbook, one commit at a time."""
    repo = tmp_path_factory.mktemp("history") / "repo"
    project = copy_example(repo / "handbook")
    content = project / "content"
    rules = content / "rules"
    git(repo, "init", "--quiet")
    shas = {}

    # The first version: the duration rule under an older name, a shorter relationship,
    # a meeting rule without the line manager, and the mentor in development reviews.
    (rules / "duration-two-years.yml").rename(rules / "duration.yml")
    replace(rules / "duration.yml", "{months: 24}", "{months: 12}")
    replace(rules / "meeting-rhythm.yml", "[mentor, mentee, line-manager]", "[mentor, mentee]")
    replace(rules / "level-gap.yml", "effective: 2026-01-01", "effective: 2025-06-01")
    programme = content / "programmes/nye-ledere-2027.yml"
    replace(programme, "duration_months: 24", "duration_months: 12")
    replace(programme, "every_weeks: 6", "every_weeks: 4")
    (content / "responsibilities.yml").write_text(RESPONSIBILITIES, encoding="utf-8")
    shas["first"] = commit(repo, "Første udgave af håndbogen", "2026-01-05")
    git(repo, "tag", "v1")

    git(
        repo,
        "mv",
        "handbook/content/rules/duration.yml",
        "handbook/content/rules/duration-two-years.yml",
    )
    shas["rename"] = commit(repo, "Varighedsreglen får et sigende navn", "2026-02-02")

    replace(rules / "duration-two-years.yml", "{months: 12}", "{months: 24}")
    shas["months"] = commit(repo, "Et forløb må vare to år", "2026-02-10")

    replace(rules / "meeting-rhythm.yml", "[mentor, mentee]", "[mentor, mentee, line-manager]")
    replace(rules / "level-gap.yml", "effective: 2025-06-01", "effective: 2026-01-01")
    shas["binds"] = commit(repo, "Daglig leder følger mødereglen", "2026-03-01")

    group_size = (rules / "group-size.yml").read_text(encoding="utf-8")
    (rules / "group-size.yml").write_text("title: [ikke afsluttet\n", encoding="utf-8")
    shas["broken"] = commit(repo, "Halvfærdig regel", "2026-03-15")
    (rules / "group-size.yml").write_text(group_size, encoding="utf-8")
    shas["fixed"] = commit(repo, "Reglen om mentorgrupper rettet", "2026-03-16")

    # Comments, blank lines, key order, re-wrapped text and a role's order: no change.
    edit(
        rules / "confidentiality.yml",
        lambda text: "# Gennemset af HR\n\n" + text.replace("\n", "\n\n", 1),
    )
    edit(content / "roles/mentor.yml", lambda text: text.replace("order: ", "order: 1", 1))
    shas["cosmetic"] = commit(repo, "Kommentarer og opstilling", "2026-04-01")

    replace(programme, "duration_months: 12", "duration_months: 24")
    replace(programme, "every_weeks: 4", "every_weeks: 6")
    shas["programme"] = commit(repo, "Nye ledere: to år, møder hver sjette uge", "2026-05-01")

    replace(
        content / "responsibilities.yml",
        "mentee: takes-part, mentor: takes-part, hr: never",
        "mentee: takes-part, mentor: never, hr: never",
    )
    shas["cell"] = commit(repo, "Mentor holder sig fra udviklingssamtaler", "2026-06-01")

    # Not committed, so not history.
    replace(rules / "shared-language.yml", "effective: 2026-01-01", "effective: 2026-02-01")
    return Scenario(repo, project, shas)


@pytest.fixture(scope="module")
def content(scenario: Scenario) -> Content:
    result = load_content(scenario.paths)
    assert result.content is not None, [str(p) for p in result.errors]
    return result.content


@pytest.fixture(scope="module")
def danish() -> Strings:
    return Strings.load("da", theme_dirs())


@pytest.fixture(scope="module")
def english() -> Strings:
    return Strings.load("en", theme_dirs())


def said(changes: list[Any]) -> list[tuple[str, str, list[str]]]:
    return [(c.commit.subject, c.title, list(c.sentences)) for c in changes]


def revisions_of(history: History, kind: str, item_id: str) -> list[Revision]:
    """The revisions of one item, newest first."""
    return [r for r in history.revisions if (r.kind, r.id) == (kind, item_id)]


def describe(revision: Revision, content: Content, strings: Strings) -> Change | None:
    """The change one revision made, in words, as `list_changes` says it; None for none."""
    found = list_changes(History(available=True, revisions=(revision,)), content, strings)
    return found[0] if found else None


# -- reading the history ----------------------------------------------------------------------


def test_a_rule_page_gets_its_history_in_words(
    scenario: Scenario, content: Content, danish: Strings
) -> None:
    revisions = revisions_of(read_history(scenario.paths), "rule", "duration-two-years")
    assert [r.commit.sha for r in revisions] == [
        scenario.shas["months"],
        scenario.shas["rename"],
        scenario.shas["first"],
    ]
    changes = [describe(r, content, danish) for r in revisions]
    newest = changes[0]
    assert newest is not None
    assert newest.commit.day == date(2026, 2, 10)
    assert newest.commit.subject == "Et forløb må vare to år"
    assert newest.commit.short == scenario.shas["months"][:7]
    assert newest.title == "Et forløb varer højst to år"
    assert newest.sentences == ("Varighed ændret fra 12 til 24 måneder",)
    # The rename keeps the older history, and says so.
    assert [c.sentences for c in changes[1:] if c] == [
        ("Filen er omdøbt fra duration.yml til duration-two-years.yml",),
        ("Reglen er oprettet",),
    ]
    assert revisions[-1].path == "rules/duration.yml"


def test_the_change_list_since_a_tag_says_what_changed(
    scenario: Scenario, content: Content, danish: Strings
) -> None:
    history = read_history(scenario.paths, since="v1")
    assert history.available and not history.shallow and history.reason is None
    assert said(list_changes(history, content, danish)) == [
        (
            "Mentor holder sig fra udviklingssamtaler",
            "Ansvarsfordeling",
            ["Mentor: deltager → aldrig i »Udviklingssamtaler og opgavestyring for mentee«"],
        ),
        (
            "Nye ledere: to år, møder hver sjette uge",
            "Nye ledere 2027 – mentorgrupper",
            [
                "Varighed ændret fra 12 til 24 måneder",
                "Mødehyppighed ændret fra hver fjerde uge til hver sjette uge",
            ],
        ),
        ("Reglen om mentorgrupper rettet", _GROUP_SIZE, ["Filen kan læses igen"]),
        ("Halvfærdig regel", _GROUP_SIZE, ["Denne version af filen kunne ikke læses"]),
        (
            "Daglig leder følger mødereglen",
            "Mentor er et eller to niveauer over mentee",
            ["Ikrafttræden ændret fra 1. juni 2025 til 1. januar 2026"],
        ),
        (
            "Daglig leder følger mødereglen",
            "Mentor og mentee mødes cirka en time om måneden",
            ["Gælder nu også for Daglig leder"],
        ),
        ("Et forløb må vare to år", _DURATION, ["Varighed ændret fra 12 til 24 måneder"]),
        (
            "Varighedsreglen får et sigende navn",
            _DURATION,
            ["Filen er omdøbt fra duration.yml til duration-two-years.yml"],
        ),
    ]


_GROUP_SIZE = "En mentorgruppe har tre til fire mentees fra mindst to enheder"
_DURATION = "Et forløb varer højst to år"


def test_what_changed_for_one_role(scenario: Scenario, content: Content, danish: Strings) -> None:
    history = read_history(scenario.paths, since="v1")
    for_managers = list_changes(history, content, danish, role="line-manager")
    # A programme concerns everyone in it; the meeting rule now binds line managers;
    # the mentor's part in development reviews is the mentor's business only.
    assert [(c.commit.subject, c.title) for c in for_managers] == [
        ("Nye ledere: to år, møder hver sjette uge", "Nye ledere 2027 – mentorgrupper"),
        ("Daglig leder følger mødereglen", "Mentor og mentee mødes cirka en time om måneden"),
    ]
    for_mentors = list_changes(history, content, danish, role="mentor")
    assert for_mentors[0].sentences == (
        "Mentor: deltager → aldrig i »Udviklingssamtaler og opgavestyring for mentee«",
    )
    assert for_mentors[0].roles == {"mentor"}
    programme = next(c for c in list_changes(history, content, danish) if c.kind == "programme")
    assert programme.roles == set(content.roles)


def test_cosmetic_edits_and_uncommitted_ones_are_no_change(
    scenario: Scenario, content: Content, danish: Strings
) -> None:
    history = read_history(scenario.paths)
    cosmetic = [r for r in history.revisions if r.commit.sha == scenario.shas["cosmetic"]]
    assert {r.id for r in cosmetic} == {"confidentiality", "mentor"}  # git saw two files
    assert [describe(r, content, danish) for r in cosmetic] == [None, None]
    shared_language = revisions_of(history, "rule", "shared-language")
    assert [r.commit.sha for r in shared_language] == [scenario.shas["first"]]
    assert history.head == scenario.shas["cell"]
    assert history.commits[0] == Commit(
        scenario.shas["cell"],
        scenario.shas["cell"][:7],
        date(2026, 6, 1),
        "Mentor holder sig fra udviklingssamtaler",
    )


def test_an_old_version_that_is_not_yaml_is_said_so(scenario: Scenario) -> None:
    broken = revisions_of(read_history(scenario.paths), "rule", "group-size")[1]
    assert broken.commit.sha == scenario.shas["broken"]
    assert isinstance(broken.after, Unreadable) and isinstance(broken.before, dict)


def test_sentences_follow_the_language_of_the_site(
    scenario: Scenario, content: Content, english: Strings
) -> None:
    history = read_history(scenario.paths, since="v1")
    sentences = [s for c in list_changes(history, content, english) for s in c.sentences]
    assert "Duration changed from 12 to 24 months" in sentences
    assert "Effective date changed from 1 June 2025 to 1 January 2026" in sentences
    assert "Now also binds Daglig leder" in sentences
    assert "Mentor: takes part → never in “Udviklingssamtaler og opgavestyring for mentee”" in (
        sentences
    )


def test_since_an_unknown_revision_is_an_error(scenario: Scenario) -> None:
    with pytest.raises(HistoryError, match="unknown revision 'v9'"):
        read_history(scenario.paths, since="v9")
    with pytest.raises(HistoryError, match="unknown revision '--all'"):
        read_history(scenario.paths, since="--all")


def test_no_user_git_configuration_changes_what_is_read(
    scenario: Scenario, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = read_history(scenario.paths).revisions
    hostile = tmp_path / "gitconfig"
    hostile.write_text(
        "[diff]\n\trenames = false\n\trelative = true\n\tnoprefix = true\n"
        "[log]\n\tdate = relative\n\tdecorate = full\n\tshowRoot = false\n"
        "[core]\n\tabbrev = 4\n\tquotepath = true\n"
        "[format]\n\tpretty = oneline\n[color]\n\tui = always\n"
        "[i18n]\n\tlogOutputEncoding = ISO-8859-1\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(hostile))
    monkeypatch.setenv("GIT_DIR", str(tmp_path))  # as inside a git hook of another repository
    history_module.LAST_READ.clear()
    assert read_history(scenario.paths).revisions == expected


def test_git_processes_do_not_grow_with_the_history(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = tmp_path / "repo"
    project = copy_example(repo)
    git(repo, "init", "--quiet")
    commit(repo, "Første udgave", "2026-01-01")
    calls: list[list[str]] = []
    run = history_module._run

    def counting(command: list[str], **options: Any) -> Any:
        calls.append(command)
        return run(command, **options)

    monkeypatch.setattr(history_module, "_run", counting)

    def processes(since: str | None) -> int:
        calls.clear()
        history_module.LAST_READ.clear()
        read_history(Paths.at(project), since=since)
        return len(calls)

    few = processes(since=None)
    rule = project / "content/rules/level-gap.yml"
    for month in range(2, 12):
        edit(
            rule, lambda text, m=month: re.sub(r"effective: .*", f"effective: 2026-{m:02}-01", text)
        )
        commit(repo, f"Ændring {month}", f"2026-{month:02}-01")
    many = processes(since="HEAD~5")
    assert few == 4  # where the repository is, HEAD, the log, the file versions
    assert many == 5  # and where --since is
    history = read_history(Paths.at(project))
    assert len(revisions_of(history, "rule", "level-gap")) == 11

    # While HEAD stays, a preview server's rebuild asks git only where HEAD is.
    calls.clear()
    assert read_history(Paths.at(project)) is history
    assert len(calls) == 2 and all("rev-parse" in command for command in calls)


# -- without (all of) the history ---------------------------------------------------------------


def test_outside_a_git_checkout_there_is_no_history_and_it_says_why(tmp_path: Path) -> None:
    history = read_history(Paths.at(copy_example(tmp_path / "project")))
    assert not history.available
    assert history.reason == "not a git checkout"
    assert history.status == "not_a_checkout"
    assert history.revisions == () and revisions_of(history, "rule", "level-gap") == []


def test_a_repository_without_commits_has_no_history(tmp_path: Path) -> None:
    project = copy_example(tmp_path / "project")
    git(project, "init", "--quiet")
    history = read_history(Paths.at(project))
    assert not history.available
    assert history.reason == "the repository has no commits yet"


def test_without_git_there_is_no_history(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    history = read_history(Paths.at(copy_example(tmp_path / "project")))
    assert not history.available and history.reason == "git is not installed"


def test_a_shallow_clone_is_flagged_and_claims_no_creation(
    scenario: Scenario, content: Content, danish: Strings, tmp_path: Path
) -> None:
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "--quiet", "--depth", "1", scenario.repo.as_uri(), str(clone))
    history = read_history(Paths.at(clone / "handbook"))
    assert history.available and history.shallow and history.status == "shallow"
    assert history.reason is not None
    assert "fetch-depth: 0" in history.reason and "GIT_DEPTH: 0" in history.reason
    assert {r.commit.sha for r in history.revisions} == {scenario.shas["cell"]}
    assert all(r.cut_off for r in history.revisions)
    rule = describe(revisions_of(history, "rule", "level-gap")[0], content, danish)
    assert rule is not None
    assert rule.sentences == ("Ældre ændringer er ikke med, fordi historikken er afkortet",)


# -- describing single revisions ------------------------------------------------------------------

_COMMIT = Commit("0" * 40, "0000000", date(2026, 1, 1), "Test")


def _revision(kind: str, before: Any, after: Any, item_id: str = "x", **marks: Any) -> Revision:
    return Revision(_COMMIT, kind, item_id, f"{kind}s/{item_id}.yml", before, after, **marks)


_RULE = {
    "title": "Mentor og mentee har et fælles sprog",
    "kind": "matching",
    "applies_to": ["mentor", "mentee"],
    "effective": date(2026, 1, 1),
    "text": "Mentor og mentee skal\nkunne tale sammen.\n",
    "check": {"level-gap": {"min": 1, "max": 2}},
}
_ROLE = {
    "name": "Mentor",
    "summary": "En erfaren kollega.",
    "order": 2,
    "does": {"before": ["Læs mentees ansøgning.", {"text": "Tal med lederen.", "rule": None}]},
}
_PROGRAMME = {
    "name": "Nye ledere",
    "status": "planning",
    "models": ["one-to-one"],
    "goal": "Et mål.",
    "training": None,
    "meetings": {"every_weeks": 4, "minutes": 60},
    "start": date(2027, 2, 1),
    "apply": {"deadline": date(2027, 1, 15)},
    "materials": [{"title": "Mentoraftale", "file": "a.md"}],
    "support": [{"name": "Mette Holm", "email": "m@n.example"}],
}


def _with(base: dict[str, Any], **fields: Any) -> dict[str, Any]:
    changed = {**base, **fields}
    return {k: v for k, v in changed.items() if v is not ...}


@pytest.mark.parametrize(
    ("kind", "before", "after", "sentences"),
    [
        (
            "rule",
            _RULE,
            _with(_RULE, title="Fælles sprog"),
            ["Titel ændret fra »Mentor og mentee har et fælles sprog« til »Fælles sprog«"],
        ),
        ("rule", _RULE, _with(_RULE, kind="boundary"), ["Emne ændret fra match til rollegrænser"]),
        (
            "rule",
            _RULE,
            _with(_RULE, applies_to=["mentee", "hr"]),
            ["Gælder nu også for HR", "Gælder ikke længere for Mentor"],
        ),
        (
            "rule",
            _RULE,
            _with(_RULE, programmes=["mentorkorps"]),
            ["Gælder nu kun for Nordlys' mentorkorps"],
        ),
        (
            "rule",
            _with(_RULE, programmes=["mentorkorps"]),
            _RULE,
            ["Gælder nu for alle programmer"],
        ),
        ("rule", _RULE, _with(_RULE, text="Mentor og mentee skal kunne\ntale sammen."), []),
        ("rule", _RULE, _with(_RULE, text="Noget andet."), ["Teksten er omskrevet"]),
        (
            "rule",
            _RULE,
            _with(_RULE, check={"level-gap": {"min": 1, "max": 3}}),
            ["Største niveauforskel ændret fra 2 til 3 niveauer"],
        ),
        (
            "rule",
            _RULE,
            _with(_RULE, check={"different-unit": {"depth": 2}}),
            [
                "Kontrollen er ændret: Mentor og mentee må ikke høre til samme enhed, og "
                "heller ikke til enheder op til 2 trin over eller under hinanden"
            ],
        ),
        (
            "rule",
            _with(_RULE, check=...),
            _RULE,
            ["Kontrolleres nu automatisk: Mentor skal være mellem 1 og 2 niveauer over mentee"],
        ),
        ("rule", _RULE, _with(_RULE, check=...), ["Kontrolleres ikke længere automatisk"]),
        ("rule", _RULE, _with(_RULE, check={"level-gap": {"min": "many"}}), ["Kontrollen ændret"]),
        ("rule", _RULE, _with(_RULE, applies_to="mentor"), ["Gælder for ændret"]),
        ("rule", _RULE, _with(_RULE, colour="blå"), ["Colour ændret"]),
        ("role", _ROLE, _with(_ROLE, order=7), []),
        (
            "role",
            _ROLE,
            _with(_ROLE, does={"before": ["Læs mentees ansøgning."]}),
            ["Tjekliste, Før start: fjernet »Tal med lederen.«"],
        ),
        (
            "role",
            _ROLE,
            _with(
                _ROLE,
                does={
                    "before": [
                        "Læs mentees ansøgning.",
                        {"text": "Tal med lederen.", "rule": "confidentiality"},
                    ],
                    "end": ["Sig farvel."],
                },
            ),
            [
                "Tjekliste, Før start: »Tal med lederen.« henviser nu til reglen "
                "»Samtalerne er fortrolige«",
                "Tjekliste, Afslutning: tilføjet »Sig farvel.«",
            ],
        ),
        (
            "role",
            _ROLE,
            _with(_ROLE, does_not=["Giver ikke råd om løn."]),
            ["Gør ikke: tilføjet »Giver ikke råd om løn.«"],
        ),
        (
            "role",
            _ROLE,
            _with(_ROLE, name="Mentorer", description="Ny tekst."),
            ["Navn ændret fra »Mentor« til »Mentorer«", "Beskrivelsen er udfyldt"],
        ),
        (
            "programme",
            _PROGRAMME,
            _with(
                _PROGRAMME, status="open", models=["one-to-one", "group"], start=date(2027, 3, 1)
            ),
            [
                "Status ændret fra under planlægning til åben for ansøgninger",
                "Mentorformer: tilføjet Mentorgrupper",
                "Start ændret fra 1. februar 2027 til 1. marts 2027",
            ],
        ),
        (
            "programme",
            _PROGRAMME,
            _with(_PROGRAMME, goal=..., training="Et kursus.", evaluation="Spørgeskema."),
            [
                "Afsnittet »Introduktion og træning« er udfyldt",
                "Afsnittet »Evaluering« er udfyldt",
                "Afsnittet »Formål og mål« er tømt",
            ],
        ),
        (
            "programme",
            _PROGRAMME,
            _with(
                _PROGRAMME,
                meetings={"every_weeks": 4, "minutes": 90},
                apply={"deadline": date(2027, 1, 20)},
                duration_months=24,
            ),
            [
                "Mødelængde ændret fra en time til halvanden time",
                "Ansøgningsfrist ændret fra 15. januar 2027 til 20. januar 2027",
                "Varighed sat til 24 måneder",
            ],
        ),
        (
            "programme",
            _PROGRAMME,
            _with(
                _PROGRAMME,
                materials=[
                    {"title": "Mentoraftale", "url": "https://a.example"},
                    {"title": "Samtaleguide", "file": "b.md"},
                ],
                support=[{"name": "Nanna Dalsgaard", "email": "n@n.example"}],
            ),
            [
                "Materialer: ændret »Mentoraftale«",
                "Materialer: tilføjet »Samtaleguide«",
                "Hvem kan hjælpe: tilføjet Nanna Dalsgaard",
                "Hvem kan hjælpe: fjernet Mette Holm",
            ],
        ),
        ("programme", _PROGRAMME, _with(_PROGRAMME, materials="alt"), ["Materialer ændret"]),
    ],
)
def test_what_changed_in_words(
    content: Content,
    danish: Strings,
    kind: str,
    before: dict[str, Any],
    after: dict[str, Any],
    sentences: list[str],
) -> None:
    change = describe(_revision(kind, before, after), content, danish)
    assert (list(change.sentences) if change else []) == sentences


def test_responsibilities_in_words_concern_the_roles_whose_part_changed(
    content: Content, danish: Strings
) -> None:
    before = {
        "activities": [
            {"id": "reviews", "name": "Udviklingssamtaler", "roles": {"mentor": "informed"}},
            {
                "id": "pay",
                "name": "Løn",
                "rules": ["confidentiality"],
                "roles": {"hr": "owns", "line-manager": "takes-part"},
            },
        ]
    }
    after = {
        "activities": [
            {
                "id": "reviews",
                "name": "Udviklingssamtalerne",
                "rules": ["confidentiality"],
                "roles": {"mentee": "owns"},
            },
            {"id": "notes", "name": "Læringsnoter", "roles": {"mentee": "owns"}},
        ]
    }
    change = describe(
        _revision("responsibilities", before, after, "responsibilities"), content, danish
    )
    assert change is not None and change.title == "Ansvarsfordeling"
    assert list(zip(change.sentences, map(sorted, change.concerns), strict=True)) == [
        ("Aktiviteten »Udviklingssamtaler« hedder nu »Udviklingssamtalerne«", ["mentee", "mentor"]),
        (
            "Aktiviteter: »Udviklingssamtalerne« henviser nu til reglen »Samtalerne er fortrolige«",
            ["mentee", "mentor"],
        ),
        ("Mentor: orienteres → ingen rolle i »Udviklingssamtalerne«", ["mentor"]),
        ("Mentee: ingen rolle → ejer i »Udviklingssamtalerne«", ["mentee"]),
        ("Aktiviteter: tilføjet »Læringsnoter«", ["mentee"]),
        ("Aktiviteter: fjernet »Løn«", ["hr", "line-manager"]),
    ]
    narrowed = change.for_role("hr")
    assert narrowed is not None and narrowed.sentences == ("Aktiviteter: fjernet »Løn«",)


def test_a_file_is_created_deleted_or_unreadable(content: Content, danish: Strings) -> None:
    def sentences(before: Any, after: Any) -> tuple[str, ...]:
        change = describe(_revision("rule", before, after, "gone"), content, danish)
        assert change is not None
        return change.sentences

    assert sentences(None, _RULE) == ("Reglen er oprettet",)
    assert sentences(_RULE, None) == ("Reglen er slettet",)
    assert sentences(_RULE, Unreadable("not valid YAML")) == (
        "Denne version af filen kunne ikke læses",
    )
    # A rule that no longer exists keeps the last title it had.
    gone = describe(_revision("rule", _RULE, None, "gone"), content, danish)
    assert gone is not None and gone.title == "Mentor og mentee har et fælles sprog"


def test_changes_are_grouped_by_commit(
    scenario: Scenario, content: Content, danish: Strings
) -> None:
    groups = by_commit(list_changes(read_history(scenario.paths, since="v1"), content, danish))
    assert [commit.subject for commit, _ in groups][:3] == [
        "Mentor holder sig fra udviklingssamtaler",
        "Nye ledere: to år, møder hver sjette uge",
        "Reglen om mentorgrupper rettet",
    ]
    assert [len(changes) for _, changes in groups] == [1, 1, 1, 1, 2, 1, 1]


# -- mentorsite changes ---------------------------------------------------------------------------


def changes(project: Path, *args: str) -> list[str]:
    return ["changes", "-f", str(project / "mkdocs.yml"), *args]


def test_changes_for_line_managers_in_the_terminal(
    scenario: Scenario, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(changes(scenario.project, "--since", "v1", "--role", "line-manager"))
    out, err = capsys.readouterr()
    programme, binds = scenario.shas["programme"][:7], scenario.shas["binds"][:7]
    assert status == 0
    assert out.splitlines() == [
        f"2026-05-01  {programme}  Nye ledere: to år, møder hver sjette uge",
        "  Program: Nye ledere 2027 – mentorgrupper",
        "    Varighed ændret fra 12 til 24 måneder",
        "    Mødehyppighed ændret fra hver fjerde uge til hver sjette uge",
        "",
        f"2026-03-01  {binds}  Daglig leder følger mødereglen",
        "  Regel: Mentor og mentee mødes cirka en time om måneden",
        "    Gælder nu også for Daglig leder",
    ]
    assert err == "mentorsite: 2 changes in 2 commits concerning the role line-manager\n"


def test_changes_for_each_role_in_markdown_for_a_pull_request(
    scenario: Scenario, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(changes(scenario.project, "--since", "v1", "--format", "markdown")) == 0
    out, err = capsys.readouterr()
    sections = {s.splitlines()[0]: s for s in out.split("\n## ")}
    # A section for each role, in the site's order (the history has moved the mentor last).
    assert list(sections) == [
        "## Ændringer for Mentee",
        "Ændringer for Daglig leder",
        "Ændringer for Programgruppen",
        "Ændringer for HR",
        "Ændringer for Mentor",
    ]
    programme, binds = scenario.shas["programme"][:7], scenario.shas["binds"][:7]
    line_manager = [
        "Ændringer for Daglig leder",
        "",
        f"**1. maj 2026** · `{programme}` · Nye ledere: to år, møder hver sjette uge",
        "",
        "- **Program: Nye ledere 2027 – mentorgrupper**",
        "  - Varighed ændret fra 12 til 24 måneder",
        "  - Mødehyppighed ændret fra hver fjerde uge til hver sjette uge",
        "",
        f"**1. marts 2026** · `{binds}` · Daglig leder følger mødereglen",
        "",
        "- **Regel: Mentor og mentee mødes cirka en time om måneden**",
        "  - Gælder nu også for Daglig leder",
    ]
    assert sections["Ændringer for Daglig leder"].splitlines() == line_manager
    assert err == "mentorsite: 8 changes in 7 commits\n"
    # One role alone, as --role gives it.
    one_role = ["--since", "v1", "--format", "markdown", "--role", "line-manager"]
    assert main(changes(scenario.project, *one_role)) == 0
    assert capsys.readouterr().out.splitlines() == ["## " + line_manager[0], *line_manager[1:]]


def test_changes_of_the_whole_history(
    scenario: Scenario, content: Content, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(changes(scenario.project)) == 0
    out, err = capsys.readouterr()
    assert "  Ansvarsfordeling\n    Ansvarsfordelingen er oprettet\n" in out
    assert out.count("Reglen er oprettet") == len(content.rules)
    created = len(content.rules) + len(content.roles) + len(content.programmes) + 1
    # Eight changes since the first commit; the cosmetic commit lists nothing.
    assert err == f"mentorsite: {created + 8} changes in 8 commits\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--role", "line-manger"], "unknown role 'line-manger'; did you mean 'line-manager'?"),
        (["--role", "boss"], "unknown role 'boss'; the roles are "),
        (["--since", "v9"], "unknown revision 'v9'"),
    ],
)
def test_changes_refuses_what_it_cannot_answer_in_one_line(
    scenario: Scenario, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert main(changes(scenario.project, *args)) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert len(err.splitlines()) == 1 and err.startswith(f"mentorsite: error: {message}")


def test_changes_outside_git_fails_and_says_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_example(tmp_path / "project")
    assert main(changes(project)) == 1
    out, err = capsys.readouterr()
    assert out == "" and err == "mentorsite: error: no history: not a git checkout\n"


def test_changes_in_a_shallow_clone_warns_and_lists_what_there_is(
    scenario: Scenario, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "--quiet", "--depth", "1", scenario.repo.as_uri(), str(clone))
    assert main(changes(clone / "handbook", "--role", "mentor")) == 0
    out, err = capsys.readouterr()
    assert "Reglen er oprettet" not in out
    assert "    Ældre ændringer er ikke med, fordi historikken er afkortet" in out
    assert err.startswith("mentorsite: warning: the history is cut off")


def test_changes_needs_valid_content(
    scenario: Scenario, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_example(tmp_path / "project")
    replace(project / "content/rules/level-gap.yml", "kind: matching", "kind: matchmaking")
    assert main(changes(project)) == 1
    assert "run mentorsite check" in capsys.readouterr().err


def test_changes_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["changes", "--help"])
    out = capsys.readouterr().out
    assert stop.value.code == 0 and "usage: mentorsite changes" in out
    assert "--since REV" in out and "--role ROLE" in out


# -- on the site --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def history_site(scenario: Scenario, tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("history-site") / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
        patch.setenv("SOURCE_DATE_EPOCH", str(SOURCE_DATE_EPOCH))
        assert build(scenario.project, site) == 0
    return site


def entries(site: Path, url: str) -> list[str]:
    """The history on a page, an entry a line: day, subject, what changed."""
    html = (site / url / "index.html").read_text(encoding="utf-8")
    part = html[html.index('<ul class="ms-history">') :]
    part = part[: part.index("</ul>\n</li>\n</ul>") + len("</ul>\n</li>\n</ul>")]
    items = re.split(r'<li><p class="ms-history__head">', part)[1:]
    return [Page(item).visible.strip() for item in items]


def test_a_rule_page_shows_its_history_newest_first(history_site: Path, scenario: Scenario) -> None:
    short = {name: sha[:7] for name, sha in scenario.shas.items()}
    assert entries(history_site, "rules/duration-two-years/") == [
        f"10. februar 2026 · Et forløb må vare to år ({short['months']}) "
        "Varighed ændret fra 12 til 24 måneder",
        f"2. februar 2026 · Varighedsreglen får et sigende navn ({short['rename']}) "
        "Filen er omdøbt fra duration.yml til duration-two-years.yml",
        f"5. januar 2026 · Første udgave af håndbogen ({short['first']}) Reglen er oprettet",
    ]


def test_changes_list_every_commit_and_each_role_sees_what_concerns_it(
    history_site: Path,
) -> None:
    everything = Page.article(history_site, "changes/").visible
    subjects = [
        "Mentor holder sig fra udviklingssamtaler",
        "Nye ledere: to år, møder hver sjette uge",
        "Daglig leder følger mødereglen",
        "Et forløb må vare to år",
        "Første udgave af håndbogen",
    ]
    assert [everything.index(s) for s in subjects] == sorted(everything.index(s) for s in subjects)
    assert "Kommentarer og opstilling" not in everything  # nothing a reader would notice
    # What changed for line managers: their rule, every programme; not the mentor's cell.
    managers = Page.article(history_site, "changes/line-manager/")
    assert "Ændringer for Daglig leder" in managers.visible
    assert "Gælder nu også for Daglig leder" in managers.visible
    assert "Varighed ændret fra 12 til 24 måneder" in managers.visible  # the programme's
    assert "Mentor holder sig fra udviklingssamtaler" not in managers.visible
    mentors = Page.article(history_site, "changes/mentor/").visible
    assert "Mentor: deltager → aldrig" in mentors
    # The filter is a row of links, the current one marked; each item links to its page.
    html = (history_site / "changes/line-manager/index.html").read_text(encoding="utf-8")
    assert '<a href="./" aria-current="page">Daglig leder</a>' in html
    assert "../../rules/meeting-rhythm/" in managers.values("a", "href")
    nav = Page.at(history_site, "").values("a", "href")
    assert "changes/" in nav
    # A line manager finds it from the role's own page.
    role = Page.article(history_site, "roles/line-manager/")
    assert "Hvad er ændret for daglige ledere" in role.visible
    assert "../../changes/line-manager/" in role.values("a", "href")


def test_a_site_built_outside_git_says_there_is_no_history(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert build(project, tmp_path / "site") == 0
    assert "no rule history in this build: not a git checkout" in capsys.readouterr().err
    note = "Historikken vises ikke: sitet er bygget fra en mappe, der ikke er et git-arkiv."
    assert note in Page.article(tmp_path / "site", "rules/duration-two-years/").visible
    assert note in Page.article(tmp_path / "site", "changes/").visible
