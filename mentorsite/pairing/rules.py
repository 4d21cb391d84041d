"""The machine-checkable rules: what each `check` of a rule means for one mentor–mentee pair.

Each check is a small function from the facts of a pair to a sentence saying what
is wrong, or None when the pair keeps the rule. The set is the one `model.Check`
declares; `CHECKS` maps each of its names to its function.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from mentorsite.content import Content
from mentorsite.i18n.strings import Strings
from mentorsite.model import Check, Mentee, Mentor, Pair, Programme, add_months


@dataclass(frozen=True)
class PairFacts:
    """Everything a check may look at, as the organisation's data stands on `day`."""

    pair: Pair
    mentor: Mentor
    mentee: Mentee
    programme: Programme
    content: Content
    day: date
    mentor_load: int  # the mentor's active pairs on `day`, this one included


def _unit_name(facts: PairFacts, unit_id: str) -> str:
    return facts.content.term("unit", unit_id).name


def _ancestors(content: Content, unit_id: str) -> list[str]:
    """The units above `unit_id`, nearest first."""
    chain: list[str] = []
    parent = getattr(content.terms["unit"][unit_id], "parent", None)
    while parent is not None and parent not in chain:
        chain.append(parent)
        parent = getattr(content.terms["unit"][parent], "parent", None)
    return chain


def different_unit(parameters: Any, facts: PairFacts) -> str | None:
    mentor, mentee = facts.mentor, facts.mentee
    if mentor.unit == mentee.unit:
        return (
            f"{mentor.name} and {mentee.name} are both in {_unit_name(facts, mentor.unit)}; "
            "the relationship must end"
        )
    depth = parameters.depth
    for upper, lower, upper_person, lower_person in (
        (mentor.unit, mentee.unit, mentor.name, mentee.name),
        (mentee.unit, mentor.unit, mentee.name, mentor.name),
    ):
        ancestors = _ancestors(facts.content, lower)
        if upper in ancestors[:depth]:
            steps = ancestors.index(upper) + 1
            return (
                f"{lower_person}'s unit {_unit_name(facts, lower)} is part of "
                f"{upper_person}'s unit {_unit_name(facts, upper)} ({steps} step"
                f"{'s' * (steps != 1)} apart; the rule asks for more than {depth})"
            )
    return None


def level_gap(parameters: Any, facts: PairFacts) -> str | None:
    levels = facts.content.terms["level"]
    gap = levels[facts.mentee.level].rank - levels[facts.mentor.level].rank  # type: ignore[attr-defined]
    if parameters.min <= gap <= parameters.max:
        return None
    where = (
        f"{gap} level{'s' * (abs(gap) != 1)} above"
        if gap >= 0
        else f"{-gap} level{'s' * (gap != -1)} below"
    )
    return (
        f"{facts.mentor.name} ranks {where} {facts.mentee.name}; the rule asks for "
        f"{parameters.min} to {parameters.max} levels above"
    )


def different_location(parameters: Any, facts: PairFacts) -> str | None:
    if facts.mentor.location != facts.mentee.location:
        return None
    place = facts.content.term("location", facts.mentor.location).name
    return f"{facts.mentor.name} and {facts.mentee.name} both work in {place}"


def max_duration(parameters: Any, facts: PairFacts) -> str | None:
    months = parameters.months or facts.programme.duration_months
    if months is None:
        return None
    end = facts.pair.ended or facts.day
    if end <= add_months(facts.pair.started, months):
        return None
    running = "ran" if facts.pair.ended else "has run"
    return (
        f"the pair {running} from {facts.pair.started.isoformat()} to {end.isoformat()}, "
        f"longer than the {months} months allowed"
    )


def capacity(parameters: Any, facts: PairFacts) -> str | None:
    if facts.mentor_load <= facts.mentor.capacity:
        return None
    return (
        f"{facts.mentor.name} has {facts.mentor_load} mentees at once but room for "
        f"{facts.mentor.capacity}"
    )


def model_offered(parameters: Any, facts: PairFacts) -> str | None:
    if facts.pair.model in facts.mentor.models:
        return None
    name = facts.content.term("model", facts.pair.model).name
    return f"{facts.mentor.name} does not offer the model {name}"


def shared_language(parameters: Any, facts: PairFacts) -> str | None:
    if set(facts.mentor.languages) & set(facts.mentee.languages):
        return None

    def names(ids: list[str]) -> str:
        return ", ".join(facts.content.term("language", i).name for i in ids)

    return (
        f"{facts.mentor.name} ({names(facts.mentor.languages)}) and {facts.mentee.name} "
        f"({names(facts.mentee.languages)}) share no language"
    )


def meeting_rhythm(parameters: Any, facts: PairFacts) -> str | None:
    return None  # the pairs file keeps no meetings; it binds the programme (pairing.programmes)


CHECKS: dict[str, Callable[[Any, PairFacts], str | None]] = {
    "different-unit": different_unit,
    "level-gap": level_gap,
    "different-location": different_location,
    "max-duration": max_duration,
    "capacity": capacity,
    "model-offered": model_offered,
    "shared-language": shared_language,
    "meeting-rhythm": meeting_rhythm,
}

# Checks about the pair itself, which still mean something once it has ended; the others
# compare today's organisation, which says nothing about a relationship of the past.
CHECKS_OF_ENDED_PAIRS = {"max-duration", "model-offered"}


def in_words(check: Check, strings: Strings) -> str:
    """The check as a sentence of the site's language, as a rule's page and its history say it."""
    parameters = check.parameters.model_dump()
    given = {name: value for name, value in parameters.items() if value is not None}
    # A parameter left out takes its default from elsewhere (the programme), in words.
    key = check.name if len(given) == len(parameters) else f"{check.name}-default"
    return strings(f"rule.checks.{key}", **given)


def violation(check: Check, facts: PairFacts) -> str | None:
    """What is wrong with the pair under `check`, or None."""
    parameters = check.parameters
    return CHECKS[check.name](parameters, facts)
