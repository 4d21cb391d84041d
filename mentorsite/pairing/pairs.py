"""Check a private file of mentor–mentee pairs against the rules in force."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from mentorsite.content import Content
from mentorsite.load.documents import Document, outside, read_document
from mentorsite.model import PairsFile
from mentorsite.pairing.rules import CHECKS_OF_ENDED_PAIRS, PairFacts, violation
from mentorsite.problems import Problem, Severity
from mentorsite.validate import check_references, validate_document


@dataclass(frozen=True, order=True)
class Violation:
    """A pair that breaks a rule: where it stands in the file, which rule, and how."""

    path: str
    line: int
    rule: str
    sentence: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.rule}: {self.sentence}"


@dataclass
class PairsReport:
    problems: list[Problem]  # the file itself is wrong: nothing was checked
    violations: list[Violation]
    pairs: int


def load_pairs(
    path: Path, display: str, content: Content
) -> tuple[Document | None, PairsFile | None, list[Problem]]:
    """The pairs file, validated and its ids checked against the content.

    It is private: one kept inside content/ or config/ is refused, as it would be
    published or committed beside what is.
    """
    for folder in (content.paths.content, content.paths.config):
        if not outside(path, folder):
            problem = Problem(
                display,
                0,
                0,
                Severity.ERROR,
                f"lies inside {folder.name}/, where it would be published; keep HR's private "
                "pairs file outside the project's content",
            )
            return None, None, [problem]
    document = read_document(path, display)
    if isinstance(document, Problem):
        return None, None, [document]
    pairs, problems = validate_document(document, PairsFile)
    if pairs is None:
        return document, None, problems
    known = {kind: set(ids) for kind, ids in content.terms.items()}
    known |= {
        "mentor": set(content.mentors),
        "programme": set(content.programmes),
        "role": set(content.roles),
        "rule": set(content.rules),
        "mentee": set(pairs.mentees),
    }
    problems = check_references(document, pairs, known)
    return document, (None if problems else pairs), problems


def check_pairs(path: Path, display: str, content: Content, today: date) -> PairsReport:
    """Apply every rule in force for each pair's programme on the pair's dates."""
    document, pairs, problems = load_pairs(path, display, content)
    if pairs is None or document is None:
        return PairsReport(sorted(problems), [], 0)
    violations = []
    for index, pair in enumerate(pairs.pairs):
        day = min(pair.ended, today) if pair.ended else today
        facts = PairFacts(
            pair=pair,
            mentor=content.mentors[pair.mentor],
            mentee=pairs.mentees[pair.mentee],
            programme=content.programmes[pair.programme],
            content=content,
            day=day,
            mentor_load=_mentor_load(pairs, index, day),
        )
        line = document.where(("pairs", index))[0]
        for rule_id, rule in content.rules.items():
            if rule.check is None or rule.effective > day:
                continue
            if rule.programmes and pair.programme not in rule.programmes:
                continue
            if pair.ended and pair.ended <= today and rule.check.name not in CHECKS_OF_ENDED_PAIRS:
                continue
            sentence = violation(rule.check, facts)
            if sentence:
                violations.append(Violation(display, line, rule_id, sentence))
    return PairsReport([], sorted(violations), len(pairs.pairs))


def _mentor_load(pairs: PairsFile, index: int, day: date) -> int:
    """The mentor's mentees on `day`, counting this pair and those begun before it.

    So the pairs that take a mentor over capacity are the ones reported, not the first.
    """
    pair = pairs.pairs[index]
    if not pair.active_on(day):
        return 0
    return sum(
        1
        for position, other in enumerate(pairs.pairs)
        if other.mentor == pair.mentor
        and other.active_on(day)
        and (other.started, position) <= (pair.started, index)
    )
