"""The mentee's own picks in `mentorsite match`: points for a pick, more for the first, never
a broken rule for one; every score explained in words; why a pick was not proposed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml
from test_match import TODAY, load, mentor

from conftest import REPO
from mentorsite.model import PairsFile
from mentorsite.pairing.match import PICK_POINTS, match


def mentee(**wishes: Any) -> dict[str, Any]:
    return {
        "name": "Lea",
        "unit": "kundeservice",
        "level": "team-lead",
        "location": "odense",
        "languages": ["da"],
        "wishes": {"programme": "lederudvikling-2026", **wishes},
    }


def two_equal_mentors(project: Path) -> None:
    """Mentors X and Y, alike in all but name, and Z in the mentee's own unit."""
    mentors = project / "content/mentors"
    for path in mentors.glob("*"):
        path.unlink()
    for name, unit in (("X", "salg"), ("Y", "hr"), ("Z", "kundeservice")):
        text = mentor(name, unit, ["delegation"])
        (mentors / f"{name.lower()}.yml").write_text(text, encoding="utf-8")


def test_a_pick_is_worth_points_and_the_first_pick_most(project: Path) -> None:
    two_equal_mentors(project)
    content = load(project)
    for picks, expected in ((["y"], "y"), (["y", "x"], "y"), (["x", "y"], "x")):
        pairs = PairsFile.model_validate(
            {"mentees": {"lea": mentee(qualifications=["delegation"], mentors=picks)}}
        )
        (proposal,) = match(pairs, content, TODAY).proposals
        assert (proposal.mentor, proposal.pick) == (expected, 1)
        assert proposal.score == PICK_POINTS[0] + 10
        assert proposal.reasons == [
            f"the mentee's 1st pick (+{PICK_POINTS[0]})",
            "offers Uddelegering (+10)",
            "1 level above",
        ]
        assert proposal.picks_passed == {}
    assert PICK_POINTS[0] > PICK_POINTS[1] > PICK_POINTS[2] > 0


def test_a_pick_never_breaks_a_rule_and_the_mentee_is_told_which(project: Path) -> None:
    two_equal_mentors(project)
    content = load(project)
    pairs = PairsFile.model_validate({"mentees": {"lea": mentee(mentors=["z", "y"])}})
    (proposal,) = match(pairs, content, TODAY).proposals
    # Z sits in Lea's own unit: the first pick is out, the second is proposed.
    assert (proposal.mentor, proposal.pick) == ("y", 2)
    assert proposal.reasons[0] == f"the mentee's 2nd pick (+{PICK_POINTS[1]})"
    assert list(proposal.picks_passed) == ["z"]
    assert proposal.picks_passed["z"].startswith("different-unit: Z and Lea are both in")


def test_picks_all_excluded_each_says_the_rule_that_excluded_it(project: Path) -> None:
    two_equal_mentors(project)
    (project / "content/mentors/x.yml").unlink()
    (project / "content/mentors/y.yml").unlink()
    content = load(project)
    pairs = PairsFile.model_validate({"mentees": {"lea": mentee(mentors=["z"])}})
    result = match(pairs, content, TODAY)
    assert result.proposals == []
    (unmatched,) = result.unmatched
    assert unmatched.picks_passed["z"].startswith("different-unit: Z and Lea are both in")


def test_a_proposal_that_honours_no_pick_says_so_and_a_score_of_zero_is_explained(
    project: Path,
) -> None:
    two_equal_mentors(project)
    content = load(project)
    pairs = PairsFile.model_validate(
        {"mentees": {"lea": mentee(qualifications=["sparring"], mentors=["z"])}}
    )
    (proposal,) = match(pairs, content, TODAY).proposals
    assert proposal.pick is None and proposal.score == 0
    assert proposal.reasons == [
        "not one of the mentee's 1 pick",
        "no wished qualification offered",
        "1 level above",
    ]
    assert "z" in proposal.picks_passed


def test_the_command_says_which_pick_each_proposal_honours(tmp_path: Path) -> None:
    out = tmp_path / "proposals.yml"
    done = subprocess.run(
        [sys.executable, "-m", "mentorsite", "match", "examples/pairs.yml", "-o", str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    lea = next(n for n, line in enumerate(lines) if line.startswith("Lea Vestergaard"))
    assert "Sofie Rasmussen" in lines[lea] and "the mentee's 2nd pick (+10)" in lines[lea]
    assert lines[lea + 1].startswith(
        "  1st pick Thomas Bøgh not proposed: different-unit: Thomas Bøgh and Lea Vestergaard"
    )
    # Every proposal explains its score, a score of 0 included.
    assert all(line.split("  ")[-1].strip() for line in lines[1:] if not line.startswith(" "))
    proposals = {p["mentee"]: p for p in yaml.safe_load(out.read_text("utf-8"))["pairs"]}
    assert proposals["lea-vestergaard"]["pick"] == 2
    assert list(proposals["lea-vestergaard"]["picks_not_proposed"]) == ["thomas-boegh"]
    assert "pick" not in proposals["mads-krogh"]  # no picks, nothing to honour


def test_an_unknown_pick_is_an_error_at_its_line(tmp_path: Path) -> None:
    text = (REPO / "examples/pairs.yml").read_text(encoding="utf-8")
    path = tmp_path / "pairs.yml"
    path.write_text(text.replace("[thomas-boegh, sofie", "[thomas-bogh, sofie"), "utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "mentorsite", "match", str(path)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    line = next(n for n, t in enumerate(text.splitlines(), 1) if "thomas-boegh, sofie" in t)
    assert f"pairs.yml:{line}:" in done.stdout
    assert "did you mean 'thomas-boegh'?" in done.stdout
    assert "Traceback" not in done.stdout + done.stderr
