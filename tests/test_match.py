"""`mentorsite match`: an optimal assignment that never breaks a rule, and says why."""

from __future__ import annotations

import random
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml

from conftest import REPO
from mentorsite.content import Content, load_content
from mentorsite.model import PairsFile
from mentorsite.pairing.match import match
from mentorsite.pairing.pairs import check_pairs
from mentorsite.project import Paths

TODAY = date(2026, 11, 22)


def load(project: Path) -> Content:
    result = load_content(Paths.at(project))
    assert result.content is not None, result.errors
    return result.content


def mentor(name: str, unit: str, qualifications: list[str]) -> str:
    return yaml.safe_dump(
        {
            "name": name,
            "title": "Leder",
            "unit": unit,
            "location": "aarhus",
            "level": "manager",
            "languages": ["da"],
            "qualifications": qualifications,
            "models": ["one-to-one"],
            "programmes": ["lederudvikling-2026"],
            "capacity": 1,
            "mentees": 0,
            "email": "x@nordlys.example",
            "reviewed": "2026-09-01",
        },
        allow_unicode=True,
    )


def test_the_optimum_is_found_where_a_greedy_choice_fails(project: Path) -> None:
    for path in (project / "content/mentors").glob("*"):
        path.unlink()
    mentors = project / "content/mentors"
    (mentors / "x.yml").write_text(
        mentor("X", "salg", ["delegation", "sparring", "career-planning"]), encoding="utf-8"
    )
    (mentors / "y.yml").write_text(mentor("Y", "hr", ["delegation", "sparring"]), encoding="utf-8")
    content = load(project)
    mentee = {
        "unit": "kundeservice",
        "level": "team-lead",
        "location": "odense",
        "languages": ["da"],
    }
    pairs = PairsFile.model_validate(
        {
            "mentees": {
                # Taken first in any order by id, a greedy loop gives "a" the richer mentor X.
                "a": {
                    "name": "A",
                    **mentee,
                    "wishes": {
                        "qualifications": ["delegation", "sparring"],
                        "programme": "lederudvikling-2026",
                    },
                },
                "b": {
                    "name": "B",
                    **mentee,
                    "wishes": {
                        "qualifications": ["delegation", "sparring", "career-planning"],
                        "programme": "lederudvikling-2026",
                    },
                },
            }
        }
    )
    result = match(pairs, content, TODAY)
    assert [(p.mentee, p.mentor, p.score) for p in result.proposals] == [
        ("a", "y", 20),
        ("b", "x", 30),
    ]
    assert result.unmatched == []


def test_a_mentee_no_mentor_may_take_is_told_which_rules_excluded_whom() -> None:
    content = load(REPO)
    pairs = PairsFile.model_validate(
        {
            "mentees": {
                "solo": {
                    "name": "Solo",
                    "unit": "it",
                    "level": "director",
                    "location": "aarhus",
                    "languages": ["da"],
                    "wishes": {"programme": "lederudvikling-2026"},
                }
            }
        }
    )
    result = match(pairs, content, TODAY)
    assert result.proposals == []
    (unmatched,) = result.unmatched
    assert unmatched.why == "no mentor of the programme keeps every rule"
    assert any(reason.startswith("level-gap: ") for reason in unmatched.excluded["anna-jensen"])
    assert any(
        reason.startswith("different-unit: Anna Jensen and Solo are both in")
        for reason in unmatched.excluded["anna-jensen"]
    )


@pytest.mark.parametrize("seed", range(6))
def test_random_mentees_never_get_a_pair_that_breaks_a_rule(seed: int, tmp_path: Path) -> None:
    content = load(REPO)
    rng = random.Random(seed)
    taxonomy = content.taxonomy
    mentees = {}
    for number in range(rng.randint(5, 25)):
        mentees[f"m{number}"] = {
            "name": f"Mentee {number}",
            "unit": rng.choice(taxonomy.units).id,
            "level": rng.choice(taxonomy.levels).id,
            "location": rng.choice(taxonomy.locations).id,
            "languages": rng.sample([t.id for t in taxonomy.languages], rng.randint(1, 2)),
            "wishes": {
                "qualifications": rng.sample([t.id for t in taxonomy.qualifications], 2),
                "programme": rng.choice(list(content.programmes)),
                # Picks count for points, but never for a pair that breaks a rule.
                "mentors": rng.sample(list(content.mentors), rng.randint(0, 3)),
            },
        }
    result = match(PairsFile.model_validate({"mentees": mentees}), content, TODAY)
    assert result.proposals, "some mentee can always be matched in the example"
    # The proposals, written as a pairs file, pass every rule.
    proposed = {
        "mentees": mentees,
        "pairs": [
            {
                "mentor": p.mentor,
                "mentee": p.mentee,
                "programme": p.programme,
                "model": p.model,
                "started": TODAY.isoformat(),
            }
            for p in result.proposals
        ],
    }
    path = tmp_path / "proposed.yml"
    path.write_text(yaml.safe_dump(proposed), encoding="utf-8")
    report = check_pairs(path, "proposed.yml", content, TODAY)
    assert report.problems == [] and report.violations == []
    for mentor_id, mentor in content.mentors.items():
        assert (
            sum(p.mentor == mentor_id for p in result.proposals) <= mentor.capacity - mentor.mentees
        )
    assert {p.mentee for p in result.proposals}.isdisjoint(u.mentee for u in result.unmatched)
    assert len(result.proposals) + len(result.unmatched) == len(mentees)
    # The same input gives the same answer.
    again = match(PairsFile.model_validate({"mentees": mentees}), content, TODAY)
    assert again == result


def test_the_command_prints_a_table_and_writes_yaml(tmp_path: Path) -> None:
    out = tmp_path / "proposals.yml"
    result = subprocess.run(
        [sys.executable, "-m", "mentorsite", "match", "examples/pairs.yml", "-o", str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["mentee", "mentor", "score", "why"]
    assert any(line.startswith("Lea Vestergaard") and "Uddelegering" in line for line in lines)
    proposals = yaml.safe_load(out.read_text(encoding="utf-8"))
    mentees = yaml.safe_load((REPO / "examples/pairs.yml").read_text(encoding="utf-8"))
    assert {p["mentee"] for p in proposals["pairs"]} | {
        u["mentee"] for u in proposals["unmatched"]
    } == {"kim-dahl", "lea-vestergaard", "mads-krogh", "signe-bak", "johan-friis"}
    assert set(mentees["mentees"]) >= {p["mentee"] for p in proposals["pairs"]}
    assert all({"score", "reasons", "programme", "model"} <= set(p) for p in proposals["pairs"])
