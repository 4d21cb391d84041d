"""A programme held against advice: its own planning advice (one-to-one and group
programmes run long enough, introduce their people, and have a rhythm), and the rules with
a machine-checkable meaning that bind it (`pairing.programmes`).
"""

from __future__ import annotations

from mentorsite.load.documents import Document
from mentorsite.model import Programme, Rule
from mentorsite.pairing.programmes import contradiction
from mentorsite.problems import Problem, Severity

# The models whose pairs or groups meet over a long time, and so need the advice.
ADVISED_MODELS = frozenset({"one-to-one", "group"})
SHORTEST_MONTHS = 12

# Why each piece of advice matters, a sentence each; the topic it is about is the key.
WHY = {
    "duration_months": (
        "{months} months is under a year, and one year is too short for trust to grow and "
        "for the mentee to try out what is talked about; two years is appropriate"
    ),
    "training": (
        "the programme has no introduction or training, so mentors and mentees start without "
        "knowing their roles, the boundaries and what stays confidential"
    ),
    "meetings": (
        "the programme has no meeting rhythm, so pairs drift apart between meetings; "
        "about an hour a month is advised"
    ),
}


def against_advice(programme: Programme) -> dict[str, str]:
    """The topics of a one-to-one or group programme that go against the advice, and why."""
    if not ADVISED_MODELS & set(programme.models):
        return {}
    found = {}
    months = programme.duration_months
    if months is not None and months < SHORTEST_MONTHS:
        found["duration_months"] = WHY["duration_months"].format(months=months)
    for topic in ("training", "meetings"):
        if getattr(programme, topic) in (None, ""):
            found[topic] = WHY[topic]
    return found


def check_advice(document: Document, programme: Programme) -> list[Problem]:
    """A warning at each topic that goes against the advice, saying why."""
    return [
        document.problem(
            (topic,) if topic in document.data else (),
            f"{topic}: {why}",
            severity=Severity.WARNING,
        )
        for topic, why in against_advice(programme).items()
    ]


def check_rules_against_programmes(
    rules: dict[str, tuple[Document, Rule]], programmes: dict[str, Programme]
) -> list[Problem]:
    """A warning at a rule's check for each programme it binds whose own fields say otherwise."""
    problems = []
    for document, rule in rules.values():
        if rule.check is None:
            continue
        for programme_id in rule.programmes or list(programmes):
            programme = programmes.get(programme_id)
            why = contradiction(rule.check, programme) if programme else None
            if why:
                problems.append(
                    document.problem(
                        ("check",),
                        f"check: the rule binds '{programme.name}', which {why}; name the "
                        "programmes it binds in 'programmes', or change the programme",
                        severity=Severity.WARNING,
                    )
                )
    return problems
