"""Propose mentors for the mentees who have none: rules never broken, fit made as good as can be.

Every candidate pair is first tested against the machine-checkable rules in force for the
mentee's programme; a pair that breaks one is out, and the reason is kept. The pairs left
are scored for fit, and the assignment of mentees to the mentors' free places with the
highest total score is found exactly (the Hungarian method, through SciPy), not greedily.
The proposals are written as YAML for HR's pairs file (`result_yaml`): written, never read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import numpy as np
import yaml
from scipy.optimize import linear_sum_assignment

from mentorsite.content import Content
from mentorsite.model import Mentee, Pair, PairsFile
from mentorsite.pairing.rules import PairFacts, violation

# What a good fit is worth. A wished qualification counts most: it is why people ask.
QUALIFICATION_POINTS = 10
MODEL_POINTS = 5
LANGUAGE_POINTS = 2
LEVEL_DISTANCE_PENALTY = 3
IDEAL_LEVEL_GAP = 1  # one level above, as the programmes advise, when no rule says otherwise


@dataclass
class Proposal:
    mentee: str
    mentor: str
    programme: str
    model: str
    score: int
    reasons: list[str]


@dataclass
class Unmatched:
    mentee: str
    excluded: dict[str, list[str]] = field(default_factory=dict)  # mentor → "rule: sentence"
    why: str = ""


@dataclass
class MatchResult:
    proposals: list[Proposal]
    unmatched: list[Unmatched]


@dataclass
class _Candidate:
    mentor: str
    model: str
    score: int
    reasons: list[str]


def match(pairs: PairsFile, content: Content, today: date) -> MatchResult:
    """The best assignment of mentors to the mentees of `pairs` who have no active pair."""
    active = [pair for pair in pairs.pairs if pair.active_on(today)]
    # A mentor's mentees: those in the file, or more if the profile says so (pairs of
    # programmes kept elsewhere).
    load = {
        mentor_id: max(mentor.mentees, sum(pair.mentor == mentor_id for pair in active))
        for mentor_id, mentor in content.mentors.items()
    }
    places = {
        mentor_id: max(mentor.capacity - load[mentor_id], 0)
        for mentor_id, mentor in sorted(content.mentors.items())
        if mentor.is_available(today)
    }
    candidates: dict[str, list[_Candidate]] = {}
    unmatched: dict[str, Unmatched] = {}
    for mentee_id in pairs.waiting(today):
        found = _candidates(mentee_id, pairs.mentees[mentee_id], places, load, content, today)
        if isinstance(found, Unmatched):
            unmatched[mentee_id] = found
        else:
            candidates[mentee_id] = found
    proposals = _assign(candidates, places, pairs, content)
    matched = {proposal.mentee for proposal in proposals}
    for mentee_id in candidates:
        if mentee_id not in matched:
            unmatched[mentee_id] = Unmatched(
                mentee_id, why="every suitable mentor's places went to a better fit"
            )
    return MatchResult(proposals, [unmatched[m] for m in sorted(unmatched)])


def _candidates(
    mentee_id: str,
    mentee: Mentee,
    places: dict[str, int],
    load: dict[str, int],
    content: Content,
    today: date,
) -> list[_Candidate] | Unmatched:
    """The mentors who could take a mentee, each with the fit; or why there are none."""
    programme = mentee.wishes.programme
    if programme is None:
        return Unmatched(mentee_id, why="no programme is wished")
    excluded: dict[str, list[str]] = {}
    found = []
    for mentor_id, free in places.items():
        mentor = content.mentors[mentor_id]
        if programme not in mentor.programmes:
            continue
        if free == 0:
            excluded[mentor_id] = ["capacity: no free place"]
            continue
        model = _model(mentee, mentor.models, content.programmes[programme].models)
        if model is None:
            excluded[mentor_id] = ["model: offers none of the programme's models"]
            continue
        pair = Pair(
            mentor=mentor_id, mentee=mentee_id, programme=programme, model=model, started=today
        )
        facts = PairFacts(
            pair, mentor, mentee, content.programmes[programme], content, today, load[mentor_id] + 1
        )
        broken = _broken_rules(facts, content, today)
        if broken:
            excluded[mentor_id] = broken
            continue
        score, reasons = _fit(facts, content)
        found.append(_Candidate(mentor_id, model, score, reasons))
    return found or Unmatched(mentee_id, excluded, "no mentor of the programme keeps every rule")


def _model(mentee: Mentee, offered: list[str], allowed: list[str]) -> str | None:
    """The model the pair would follow: a wished one if possible, else the first that fits."""
    usable = [m for m in offered if m in allowed]
    wished = [m for m in mentee.wishes.models if m in usable]
    return (wished or usable or [None])[0]


def _broken_rules(facts: PairFacts, content: Content, today: date) -> list[str]:
    broken = []
    for rule_id, rule in content.rules.items():
        if rule.check is None or rule.effective > today:
            continue
        if rule.programmes and facts.pair.programme not in rule.programmes:
            continue
        sentence = violation(rule.check, facts)
        if sentence:
            broken.append(f"{rule_id}: {sentence}")
    return broken


def _fit(facts: PairFacts, content: Content) -> tuple[int, list[str]]:
    mentor, mentee = facts.mentor, facts.mentee
    score, reasons = 0, []
    for qualification in mentee.wishes.qualifications:
        if qualification in mentor.qualifications:
            score += QUALIFICATION_POINTS
            reasons.append(f"offers {content.term('qualification', qualification).name}")
    if facts.pair.model in mentee.wishes.models:
        score += MODEL_POINTS
        reasons.append(f"offers the wished model {content.term('model', facts.pair.model).name}")
    shared = [x for x in mentor.languages if x in mentee.languages]
    if len(shared) > 1:
        score += LANGUAGE_POINTS * (len(shared) - 1)
        names = ", ".join(content.term("language", x).name for x in shared)
        reasons.append(f"shares {names}")
    levels = content.terms["level"]
    gap = levels[mentee.level].rank - levels[mentor.level].rank  # type: ignore[attr-defined]
    distance = abs(gap - IDEAL_LEVEL_GAP)
    score -= LEVEL_DISTANCE_PENALTY * distance
    reasons.append(
        f"{gap} level{'s' * (gap != 1)} above"
        if gap >= 0
        else f"{-gap} level{'s' * (gap != -1)} below"
    )
    return score, reasons


def result_yaml(result: MatchResult, pairs: PairsFile, content: Content) -> str:
    """The proposals as YAML: pairs ready to copy into the pairs file, with score and reasons."""
    data = {
        "pairs": [
            {
                "mentor": p.mentor,
                "mentee": p.mentee,
                "programme": p.programme,
                "model": p.model,
                "score": p.score,
                "reasons": p.reasons,
            }
            for p in result.proposals
        ],
        "unmatched": [
            {"mentee": u.mentee, "why": u.why, **({"excluded": u.excluded} if u.excluded else {})}
            for u in result.unmatched
        ],
    }
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def result_table(result: MatchResult, pairs: PairsFile, content: Content) -> str:
    """The proposals as a table to read in a terminal."""
    rows = [("mentee", "mentor", "score", "why")]
    for p in result.proposals:
        rows.append(
            (
                pairs.mentees[p.mentee].name,
                content.mentors[p.mentor].name,
                str(p.score),
                "; ".join(p.reasons),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row[:3], widths, strict=True))
        + "  "
        + row[3]
        for row in rows
    ]
    for u in result.unmatched:
        lines.append(f"{pairs.mentees[u.mentee].name}: not matched, {u.why}")
        for mentor, reasons in u.excluded.items():
            lines.append(f"  {content.mentors[mentor].name}: {'; '.join(reasons)}")
    return "\n".join(lines) + "\n"


def _assign(
    candidates: dict[str, list[_Candidate]],
    places: dict[str, int],
    pairs: PairsFile,
    content: Content,
) -> list[Proposal]:
    """The assignment of mentees to mentor places with the highest total score."""
    if not candidates:
        return []
    mentees = sorted(candidates)
    slots = [mentor for mentor, free in places.items() for _ in range(free)]
    if not slots:
        return []
    # Scores are shifted to be positive, so that matching someone always beats leaving
    # them out; impossible pairs cost more than any possible assignment can gain.
    lowest = min(c.score for found in candidates.values() for c in found)
    shift = 1 - lowest
    gain = np.zeros((len(mentees), len(slots)))
    by_pair = {}
    for row, mentee in enumerate(mentees):
        for candidate in candidates[mentee]:
            by_pair[(mentee, candidate.mentor)] = candidate
            for column, mentor in enumerate(slots):
                if mentor == candidate.mentor:
                    gain[row, column] = candidate.score + shift
    rows, columns = linear_sum_assignment(gain, maximize=True)
    proposals = []
    for row, column in zip(rows, columns, strict=True):
        if gain[row, column] <= 0:
            continue
        mentee, mentor = mentees[row], slots[column]
        candidate = by_pair[(mentee, mentor)]
        programme = pairs.mentees[mentee].wishes.programme
        assert programme is not None
        proposals.append(
            Proposal(mentee, mentor, programme, candidate.model, candidate.score, candidate.reasons)
        )
    return sorted(proposals, key=lambda p: p.mentee)
