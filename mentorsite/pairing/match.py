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
# A mentor the mentee picked: the first pick is worth more than one wished qualification,
# since mentees who choose get more from the relationship; a later pick less. A pick never
# outweighs a rule: a pair that breaks one is out before any points are given.
PICK_POINTS = (15, 10, 5)  # the 1st, the 2nd, the 3rd and any later pick


@dataclass
class Proposal:
    mentee: str
    mentor: str
    programme: str
    model: str
    score: int
    reasons: list[str]  # what the score is made of, in words, with the points of each
    pick: int | None = None  # which of the mentee's picks this mentor is (1 = the first)
    picks_passed: dict[str, str] = field(default_factory=dict)  # pick → why not proposed


@dataclass
class Unmatched:
    mentee: str
    excluded: dict[str, list[str]] = field(default_factory=dict)  # mentor → "rule: sentence"
    why: str = ""
    picks_passed: dict[str, str] = field(default_factory=dict)  # pick → why not proposed


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
    pick: int | None = None


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
    passed: dict[str, dict[str, str]] = {}  # mentee → pick → why it cannot be proposed
    for mentee_id in pairs.waiting(today):
        mentee = pairs.mentees[mentee_id]
        if mentee.wishes.programme is None:
            unmatched[mentee_id] = Unmatched(mentee_id, why="no programme is wished")
            continue
        found, excluded = _candidates(mentee_id, mentee, places, load, content, today)
        passed[mentee_id] = _picks_passed(mentee, excluded, places, content)
        if found:
            candidates[mentee_id] = found
        else:
            why = "no mentor of the programme keeps every rule"
            unmatched[mentee_id] = Unmatched(mentee_id, excluded, why, passed[mentee_id])
    proposals = _assign(candidates, places, pairs, content)
    for proposal in proposals:
        proposal.picks_passed = _not_proposed(pairs.mentees[proposal.mentee], proposal, passed)
    matched = {proposal.mentee for proposal in proposals}
    for mentee_id in candidates:
        if mentee_id not in matched:
            why = "every suitable mentor's places went to a better fit"
            unmatched[mentee_id] = Unmatched(mentee_id, why=why, picks_passed=passed[mentee_id])
    return MatchResult(proposals, [unmatched[m] for m in sorted(unmatched)])


def _candidates(
    mentee_id: str,
    mentee: Mentee,
    places: dict[str, int],
    load: dict[str, int],
    content: Content,
    today: date,
) -> tuple[list[_Candidate], dict[str, list[str]]]:
    """The mentors who could take a mentee, each with the fit; and why the others cannot."""
    programme = mentee.wishes.programme
    assert programme is not None
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
        score, reasons = fit(facts, content)
        found.append(_Candidate(mentor_id, model, score, reasons, _pick(mentee, mentor_id)))
    return found, excluded


def _pick(mentee: Mentee, mentor_id: str) -> int | None:
    """Which of the mentee's picks a mentor is, 1 for the first; None for no pick."""
    picks = list(dict.fromkeys(mentee.wishes.mentors))
    return picks.index(mentor_id) + 1 if mentor_id in picks else None


def _picks_passed(
    mentee: Mentee, excluded: dict[str, list[str]], places: dict[str, int], content: Content
) -> dict[str, str]:
    """Why each pick that cannot be proposed cannot: the rule that excludes it, or else."""
    programme = mentee.wishes.programme
    passed = {}
    for mentor_id in dict.fromkeys(mentee.wishes.mentors):
        mentor = content.mentors[mentor_id]
        if mentor_id not in places:
            day = mentor.available_from
            passed[mentor_id] = f"not available before {day}" if day else "not available"
        elif programme not in mentor.programmes:
            passed[mentor_id] = f"not a mentor in {content.programmes[programme].name}"
        elif mentor_id in excluded:
            passed[mentor_id] = "; ".join(excluded[mentor_id])
    return passed


def _not_proposed(
    mentee: Mentee, proposal: Proposal, passed: dict[str, dict[str, str]]
) -> dict[str, str]:
    """The picks ranked above the proposed mentor, or every pick when none is proposed,
    with why each is not: a rule, or a place that went to a better total fit."""
    why = passed.get(proposal.mentee, {})
    picks = list(dict.fromkeys(mentee.wishes.mentors))
    above = picks[: proposal.pick - 1] if proposal.pick else picks
    better = "could take the mentee, but the best total fit gives their place to another"
    return {mentor: why.get(mentor, better) for mentor in above}


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


def fit(facts: PairFacts, content: Content) -> tuple[int, list[str]]:
    """A pair's score and what it is made of, in words with the points of each part: every
    part is said, a part worth nothing too ("no wished qualification offered")."""
    parts = [
        *_pick_part(facts),
        *_qualification_parts(facts, content),
        *_model_parts(facts, content),
        *_language_parts(facts, content),
        _level_part(facts, content),
    ]
    return sum(points for points, _ in parts), [_said(points, words) for points, words in parts]


def _said(points: int, words: str) -> str:
    return f"{words} ({points:+d})" if points else words


def _ordinal(number: int) -> str:
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(number if number < 20 else number % 10, "th")
    return f"{number}{suffix}"


def _pick_part(facts: PairFacts) -> list[tuple[int, str]]:
    picks = list(dict.fromkeys(facts.mentee.wishes.mentors))
    if not picks:
        return []
    if facts.pair.mentor not in picks:
        return [(0, f"not one of the mentee's {len(picks)} pick{'s' * (len(picks) != 1)}")]
    rank = picks.index(facts.pair.mentor) + 1
    return [(PICK_POINTS[min(rank, len(PICK_POINTS)) - 1], f"the mentee's {_ordinal(rank)} pick")]


def _qualification_parts(facts: PairFacts, content: Content) -> list[tuple[int, str]]:
    wished = facts.mentee.wishes.qualifications
    offered = [q for q in wished if q in facts.mentor.qualifications]
    if not wished:
        return [(0, "no qualification wished")]
    if not offered:
        return [(0, "no wished qualification offered")]
    return [
        (QUALIFICATION_POINTS, f"offers {content.term('qualification', q).name}") for q in offered
    ]


def _model_parts(facts: PairFacts, content: Content) -> list[tuple[int, str]]:
    wished, model = facts.mentee.wishes.models, facts.pair.model
    if not wished:
        return []
    if model in wished:
        return [(MODEL_POINTS, f"offers the wished model {content.term('model', model).name}")]
    return [(0, "offers no wished model")]


def _language_parts(facts: PairFacts, content: Content) -> list[tuple[int, str]]:
    shared = [x for x in facts.mentor.languages if x in facts.mentee.languages]
    if len(shared) <= 1:
        return []
    names = ", ".join(content.term("language", x).name for x in shared)
    return [(LANGUAGE_POINTS * (len(shared) - 1), f"shares {names}")]


def _level_part(facts: PairFacts, content: Content) -> tuple[int, str]:
    levels = content.terms["level"]
    rank = levels[facts.mentee.level].rank  # type: ignore[attr-defined]
    gap = rank - levels[facts.mentor.level].rank  # type: ignore[attr-defined]
    steps = abs(gap)
    words = f"{steps} level{'s' * (steps != 1)} {'above' if gap >= 0 else 'below'}"
    if gap == 0:
        words = "the same level"
    distance = abs(gap - IDEAL_LEVEL_GAP)
    return -LEVEL_DISTANCE_PENALTY * distance, words


def result_yaml(result: MatchResult, pairs: PairsFile, content: Content) -> str:
    """The proposals as YAML: pairs ready to copy into the pairs file, with score and reasons,
    which of the mentee's picks each honours, and why a pick ranked higher is not proposed."""

    def proposal(p: Proposal) -> dict:
        data = {
            "mentor": p.mentor,
            "mentee": p.mentee,
            "programme": p.programme,
            "model": p.model,
            "score": p.score,
            "reasons": p.reasons,
        }
        if pairs.mentees[p.mentee].wishes.mentors:
            data["pick"] = p.pick  # None: the proposal honours none of the picks
        if p.picks_passed:
            data["picks_not_proposed"] = p.picks_passed
        return data

    def unmatched(u: Unmatched) -> dict:
        data: dict = {"mentee": u.mentee, "why": u.why}
        if u.excluded:
            data["excluded"] = u.excluded
        if u.picks_passed:
            data["picks_not_proposed"] = u.picks_passed
        return data

    data = {
        "pairs": [proposal(p) for p in result.proposals],
        "unmatched": [unmatched(u) for u in result.unmatched],
    }
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def result_table(result: MatchResult, pairs: PairsFile, content: Content) -> str:
    """The proposals as a table to read in a terminal; under a proposal or a mentee left
    over, each pick that is not proposed and why."""
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

    def line(row: tuple[str, ...]) -> str:
        cells = zip(row[:3], widths, strict=True)
        return "  ".join(cell.ljust(width) for cell, width in cells) + "  " + row[3]

    lines = [line(rows[0])]
    for row, p in zip(rows[1:], result.proposals, strict=True):
        lines += [line(row), *_picks_lines(p.mentee, p.picks_passed, pairs, content)]
    for u in result.unmatched:
        lines.append(f"{pairs.mentees[u.mentee].name}: not matched, {u.why}")
        for mentor, reasons in u.excluded.items():
            lines.append(f"  {content.mentors[mentor].name}: {'; '.join(reasons)}")
        lines += _picks_lines(u.mentee, u.picks_passed, pairs, content)
    return "\n".join(lines) + "\n"


def _picks_lines(
    mentee: str, passed: dict[str, str], pairs: PairsFile, content: Content
) -> list[str]:
    picks = list(dict.fromkeys(pairs.mentees[mentee].wishes.mentors))
    return [
        f"  {_ordinal(picks.index(m) + 1)} pick {content.mentors[m].name} not proposed: {why}"
        for m, why in passed.items()
    ]


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
            Proposal(
                mentee,
                mentor,
                programme,
                candidate.model,
                candidate.score,
                candidate.reasons,
                candidate.pick,
            )
        )
    return sorted(proposals, key=lambda p: p.mentee)
