"""What a rule's check means for a programme as a whole: where the programme's own fields
contradict it (its meetings, its length).

A rule binds every programme it names, or every programme when it names none; a programme
whose fields say otherwise leaves its readers with two answers. Each function takes the
check's parameters and the programme, and says what contradicts the rule, or None.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from mentorsite.model import Check, Programme

# "About" an interval or a length: within a quarter of it either way.
ABOUT = 0.25


def _about(value: int, target: int) -> bool:
    return abs(value - target) <= ABOUT * target


def meeting_rhythm(parameters: Any, programme: Programme) -> str | None:
    meetings = programme.meetings
    if meetings is None:
        return None
    if _about(meetings.every_weeks, parameters.every_weeks) and _about(
        meetings.minutes, parameters.minutes
    ):
        return None
    return (
        f"meets every {meetings.every_weeks} weeks for {meetings.minutes} minutes, not about "
        f"every {parameters.every_weeks} weeks for {parameters.minutes} minutes"
    )


def max_duration(parameters: Any, programme: Programme) -> str | None:
    months, planned = parameters.months, programme.duration_months
    if months is None or planned is None or planned <= months:
        return None
    return f"runs {planned} months, longer than the {months} months the rule allows"


PROGRAMME_CHECKS: dict[str, Callable[[Any, Programme], str | None]] = {
    "meeting-rhythm": meeting_rhythm,
    "max-duration": max_duration,
}


def contradiction(check: Check, programme: Programme) -> str | None:
    """How the programme's own fields contradict `check`, or None (also for a check that
    says nothing about a programme as a whole, such as one about a pair's units)."""
    found = PROGRAMME_CHECKS.get(check.name)
    return found(check.parameters, programme) if found else None
