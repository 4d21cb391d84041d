"""Machine-checkable rules, and `mentorsite pairs check` on a private pairs file."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from conftest import REPO, edit
from mentorsite.content import Content, load_content
from mentorsite.model import Check, Mentee, Pair
from mentorsite.pairing.pairs import check_pairs
from mentorsite.pairing.rules import CHECKS, PairFacts, violation
from mentorsite.project import Paths

TODAY = date(2026, 11, 22)
FIXTURE = REPO / "tests/fixtures/pairs-violations.yml"


@pytest.fixture(scope="module")
def content() -> Content:
    result = load_content(Paths.at(REPO))
    assert result.content is not None
    return result.content


def facts(
    content: Content,
    mentor: str = "anna-jensen",
    *,
    load: int = 1,
    started: date = date(2026, 3, 1),
    ended: date | None = None,
    model: str = "one-to-one",
    **mentee: object,
) -> PairFacts:
    fields = {
        "name": "Sara Holm",
        "unit": "kundeservice",
        "level": "team-lead",
        "location": "odense",
        "languages": ["da"],
        **mentee,
    }
    pair = Pair(
        mentor=mentor,
        mentee="sara-holm",
        programme="lederudvikling-2026",
        model=model,
        started=started,
        ended=ended,
    )
    return PairFacts(
        pair,
        content.mentors[mentor],
        Mentee.model_validate(fields),
        content.programmes["lederudvikling-2026"],
        content,
        TODAY,
        load,
    )


def check(name: str, **parameters: object) -> Check:
    return Check.model_validate({name: parameters})


def test_every_declared_check_has_a_meaning() -> None:
    assert set(CHECKS) == {info.alias for info in Check.model_fields.values()}


@pytest.mark.parametrize(
    ("rule", "mentee", "expected"),
    [
        (check("different-unit", depth=1), {}, None),
        (
            check("different-unit", depth=1),
            {"unit": "it"},
            "Anna Jensen and Sara Holm are both in IT og Digitalisering; the relationship must end",
        ),
        # Anna's unit IT is part of Administration: one step up.
        (
            check("different-unit", depth=1),
            {"unit": "administration"},
            "Anna Jensen's unit IT og Digitalisering is part of Sara Holm's unit Administration "
            "(1 step apart; the rule asks for more than 1)",
        ),
        (check("different-unit", depth=1), {"unit": "direktion"}, None),  # two steps up
        (
            check("different-unit", depth=2),
            {"unit": "direktion"},
            "Anna Jensen's unit IT og Digitalisering is part of Sara Holm's unit Direktionen "
            "(2 steps apart; the rule asks for more than 2)",
        ),
        (check("different-unit", depth=0), {"unit": "administration"}, None),
        (check("level-gap", min=1, max=2), {"level": "team-lead"}, None),
        (
            check("level-gap", min=1, max=2),
            {"level": "employee"},
            "Anna Jensen ranks 4 levels above Sara Holm; the rule asks for 1 to 2 levels above",
        ),
        (
            check("level-gap", min=1, max=2),
            {"level": "head-of-department"},
            "Anna Jensen ranks 0 levels above Sara Holm; the rule asks for 1 to 2 levels above",
        ),
        (check("different-location"), {}, None),
        (
            check("different-location"),
            {"location": "aarhus"},
            "Anna Jensen and Sara Holm both work in Aarhus",
        ),
        (check("shared-language"), {"languages": ["en", "de"]}, None),
        (
            check("shared-language"),
            {"languages": ["de", "sv"]},
            "Anna Jensen (Dansk, Engelsk) and Sara Holm (Tysk, Svensk) share no language",
        ),
    ],
)
def test_checks_about_the_two_people(
    content: Content, rule: Check, mentee: dict, expected: str | None
) -> None:
    assert violation(rule, facts(content, **mentee)) == expected


def test_max_duration_counts_from_start_to_end_or_today(content: Content) -> None:
    rule = check("max-duration", months=24)
    assert violation(rule, facts(content, started=date(2025, 1, 1))) is None
    assert violation(rule, facts(content, started=date(2024, 11, 22))) is None  # exactly 24
    assert violation(rule, facts(content, started=date(2024, 11, 21))) == (
        "the pair has run from 2024-11-21 to 2026-11-22, longer than the 24 months allowed"
    )
    ended = facts(content, started=date(2022, 1, 1), ended=date(2025, 1, 1))
    assert violation(rule, ended) == (
        "the pair ran from 2022-01-01 to 2025-01-01, longer than the 24 months allowed"
    )
    # Without months, the programme's own duration (24 months) is the limit.
    assert violation(check("max-duration"), facts(content, started=date(2024, 1, 1))) == (
        "the pair has run from 2024-01-01 to 2026-11-22, longer than the 24 months allowed"
    )


def test_capacity_and_model_offered(content: Content) -> None:
    assert violation(check("capacity"), facts(content, load=2)) is None  # capacity 2
    assert violation(check("capacity"), facts(content, load=3)) == (
        "Anna Jensen has 3 mentees at once but room for 2"
    )
    assert violation(check("model-offered"), facts(content, model="group")) is None
    assert violation(check("model-offered"), facts(content, model="mentor-corps")) == (
        "Anna Jensen does not offer the model Mentorkorps"
    )


def test_pairs_check_finds_exactly_the_known_violations(content: Content) -> None:
    report = check_pairs(FIXTURE, "pairs.yml", content, TODAY)
    assert report.problems == [] and report.pairs == 10
    assert [(v.line, v.rule) for v in report.violations] == [
        (15, "different-unit"),  # the same unit
        (16, "different-unit"),  # a unit and the one above it: a reorganisation's doing
        (17, "level-gap"),
        (18, "level-gap"),
        (19, "shared-language"),
        (21, "duration-two-years"),  # running past 24 months
        (25, "mentor-capacity"),  # the second of two pairs for a mentor with room for one
    ]


def test_a_rule_binds_only_its_programmes_and_from_its_effective_date(
    project: Path, content: Content
) -> None:
    rule = project / "content/rules/level-gap.yml"
    edit(rule, lambda s: s.replace("effective: 2026-01-01", "effective: 2027-01-01"))
    edit(
        project / "content/rules/shared-language.yml",
        lambda s: s + "programmes: [nye-ledere-2027]\n",
    )
    changed = load_content(Paths.at(project)).content
    assert changed is not None
    rules = {v.rule for v in check_pairs(FIXTURE, "p.yml", changed, TODAY).violations}
    assert "level-gap" not in rules and "shared-language" not in rules
    assert "different-unit" in rules


def run(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mentorsite", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_command_prints_file_line_rule_and_sentence() -> None:
    result = run("pairs", "check", "examples/pairs.yml")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "examples/pairs.yml:86: different-unit: Jonas Lund's unit Logistik og Lager is part of "
        "Søren Søgaard's unit Produktion (1 step apart; the rule asks for more than 1)",
        "examples/pairs.yml:87: level-gap: Thomas Bøgh ranks 3 levels above Emma Berg; the "
        "rule asks for 1 to 2 levels above",
        "examples/pairs.yml:89: duration-two-years: the pair has run from 2024-06-01 to "
        "2026-11-22, longer than the 24 months allowed",
    ]
    assert "mentorsite: 3 violations in 6 pairs" in result.stderr


def test_a_clean_file_passes(tmp_path: Path) -> None:
    text = (REPO / "examples/pairs.yml").read_text(encoding="utf-8")
    clean = "\n".join(
        line
        for line in text.splitlines()
        if not any(who in line for who in ("jonas-lund", "emma-berg", "nadia-olsen"))
        or "name" in line
        or (line.startswith("  ") and not line.startswith("  -"))
    )
    path = tmp_path / "pairs.yml"
    path.write_text(clean, encoding="utf-8")
    result = run("pairs", "check", str(path))
    assert result.returncode == 0, result.stdout
    assert "mentorsite: 0 violations in 3 pairs" in result.stderr


def test_mistakes_in_the_pairs_file_are_located(tmp_path: Path) -> None:
    path = tmp_path / "pairs.yml"
    path.write_text(
        "mentees:\n  sara: {name: Sara, unit: itt, level: team-lead, location: aarhus,"
        " languages: [da]}\npairs:\n  - {mentor: anna-jensn, mentee: sara, programme:"
        " lederudvikling-2026, model: one-to-one, started: 2026-03-01}\n",
        encoding="utf-8",
    )
    result = run("pairs", "check", str(path))
    assert result.returncode == 1
    assert (
        f"{path}:2:28: error: mentees.sara.unit: unknown unit 'itt'; did you mean 'it'?"
        in result.stdout
    )
    assert (
        f"{path}:4:14: error: pairs[0].mentor: unknown mentor 'anna-jensn'; did you mean "
        "'anna-jensen'?" in result.stdout
    )
    assert "no pair was checked" in result.stderr
    missing = run("pairs", "check", str(tmp_path / "nothing.yml"))
    assert missing.returncode == 1 and "cannot read the file" in missing.stdout
    assert "Traceback" not in missing.stderr


def test_bad_check_parameters_are_content_errors(project: Path) -> None:
    edit(
        project / "content/rules/level-gap.yml",
        lambda s: s.replace("{min: 1, max: 2}", "{min: 3, max: 2}"),
    )
    edit(
        project / "content/rules/different-unit.yml", lambda s: s.replace("{depth: 1}", "{dept: 1}")
    )
    errors = [str(p) for p in load_content(Paths.at(project)).errors]
    assert (
        "content/rules/level-gap.yml:11:20: error: check.level-gap: min (3) is more than "
        "max (2)" in errors
    )
    assert any(
        e.startswith("content/rules/different-unit.yml:11:")
        and "unknown field 'dept'; did you mean 'depth'?" in e
        for e in errors
    )
