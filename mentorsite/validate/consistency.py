"""Checks that span a file or several: duplicate ids, the unit tree, rules cited where a role
reads them, HR-only fields, capacity, empty planning topics, and paths that must stay inside
content/.

None of them depends on the day: a project that passes `check --strict` today passes it
tomorrow. A stale profile is news for HR (check's summary, the HR overview), not a problem
in the file; only an import says so of a row it reads (`stale_profile`).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from mentorsite.load.documents import Document, Loc, outside
from mentorsite.model import (
    CONTENT_KINDS,
    RESPONSIBILITIES_FILE,
    SLUG,
    Mentor,
    Organisation,
    Programme,
    Responsibilities,
    Role,
    Rule,
    Taxonomy,
)
from mentorsite.photos import check_photo
from mentorsite.problems import Problem, Severity, did_you_mean, one_line
from mentorsite.validate.fields import field_name
from mentorsite.validate.planning import against_advice, check_advice


def check_taxonomy(document: Document, taxonomy: Taxonomy) -> list[Problem]:
    """Duplicate ids within each vocabulary, and a unit tree without cycles."""
    problems = []
    for field in Taxonomy.KINDS.values():
        seen: set[str] = set()
        for index, term in enumerate(getattr(taxonomy, field)):
            if term.id in seen:
                problems.append(
                    document.problem(
                        (field, index, "id"), f"{field}[{index}].id: '{term.id}' is defined twice"
                    )
                )
            seen.add(term.id)
    parents = {unit.id: unit.parent for unit in taxonomy.units}
    for index, unit in enumerate(taxonomy.units):
        chain, current = [unit.id], unit.parent
        while current is not None and current in parents:
            if current == unit.id:
                path = " → ".join([*chain, current])
                problems.append(
                    document.problem(
                        ("units", index, "parent"),
                        f"units[{index}].parent: the unit tree has a cycle: {path}",
                    )
                )
                break
            if current in chain:
                break  # a cycle further up, reported at its own units
            chain.append(current)
            current = parents[current]
    return problems


def check_responsibilities(document: Document, responsibilities: Responsibilities) -> list[Problem]:
    """Each activity once: its id is how its history and its links find it."""
    problems = []
    seen: set[str] = set()
    for index, activity in enumerate(responsibilities.activities):
        if activity.id in seen:
            problems.append(
                document.problem(
                    ("activities", index, "id"),
                    f"activities[{index}].id: '{activity.id}' is defined twice",
                )
            )
        seen.add(activity.id)
    return problems


def cited_rules(role_id: str, role: Role, responsibilities: Responsibilities | None) -> set[str]:
    """The rules a role's page cites: in its checklist, and in the activities it has a part in."""
    cited = {item.rule for items in role.does.values() for item in items if item.rule}
    for activity in responsibilities.activities if responsibilities else []:
        if role_id in activity.roles:
            cited.update(activity.rules)
    return cited


def check_citations(
    rules: dict[str, tuple[Document, Rule]],
    roles: dict[str, Role],
    responsibilities: Responsibilities | None,
) -> list[Problem]:
    """A rule that binds a role should be cited where that role reads what it must do."""
    cited = {
        role_id: cited_rules(role_id, role, responsibilities) for role_id, role in roles.items()
    }
    problems = []
    for rule_id, (document, rule) in rules.items():
        for index, role_id in enumerate(rule.applies_to):
            if role_id in cited and rule_id not in cited[role_id]:
                problems.append(
                    document.problem(
                        ("applies_to", index),
                        f"applies_to[{index}]: the rule binds the role '{role_id}', but that "
                        "role's page does not mention it; cite it in a checklist item of "
                        f"content/{CONTENT_KINDS['role'][0]}/{role_id}.yml or in an activity of "
                        f"content/{RESPONSIBILITIES_FILE}",
                        severity=Severity.WARNING,
                    )
                )
    return problems


def check_organisation(document: Document, organisation: Organisation) -> list[Problem]:
    allowed = Mentor.hr_only_allowed()
    problems = []
    for index, name in enumerate(organisation.hr_only):
        if name not in allowed:
            problems.append(
                document.problem(
                    ("hr_only", index),
                    f"hr_only[{index}]: '{name}' cannot be kept HR-only; expected one of: "
                    f"{', '.join(allowed)}{did_you_mean(name, allowed)}",
                )
            )
    return problems


def check_mentor(document: Document, mentor: Mentor, content_dir: Path) -> list[Problem]:
    problems = []
    if mentor.mentees > mentor.capacity:
        problems.append(
            document.problem(
                ("mentees",),
                f"mentees: {mentor.mentees} current mentees is more than the "
                f"capacity of {mentor.capacity}; raise capacity or lower mentees",
            )
        )
    if mentor.photo is not None:
        problem = check_path(document, ("photo",), mentor.photo, content_dir)
        source = content_file(document, mentor.photo, content_dir)
        why = check_photo(source) if isinstance(source, Path) else None
        if why:
            problem = document.problem(("photo",), f"photo: '{mentor.photo}' {why}")
        if problem:
            problems.append(problem)
    return problems


def stale_profile(
    document: Document, mentor: Mentor, review_months: int, today: date
) -> Problem | None:
    """A warning when the profile was last confirmed more than `review_months` ago."""
    if not mentor.is_stale(review_months, today):
        return None
    return document.problem(
        ("reviewed",),
        f"reviewed: the profile was last confirmed on {mentor.reviewed.isoformat()}, more "
        f"than {review_months} months ago; ask the mentor to review it",
        severity=Severity.WARNING,
    )


def check_programme(document: Document, programme: Programme, content_dir: Path) -> list[Problem]:
    problems = []
    for index, material in enumerate(programme.materials or []):
        if material.file is not None:
            problem = check_path(document, ("materials", index, "file"), material.file, content_dir)
            if problem:
                problems.append(problem)
    advised = check_advice(document, programme)
    said = set(against_advice(programme))
    for topic in programme.empty_topics():
        if topic in said:
            continue  # the advice says why it matters
        problems.append(
            document.problem(
                (topic,) if topic in document.data else (),
                f"{topic}: the planning topic is empty",
                severity=Severity.WARNING,
            )
        )
    return problems + advised


def content_file(document: Document, relative: str, content_dir: Path) -> Path | str:
    """The regular file a content path names, or why it cannot be published.

    The path must stay inside content/ once symlinks are followed; a loop, a NUL byte or
    a FIFO is a reason like any other, never an exception.
    """
    if not relative or Path(relative).is_absolute() or "\\" in relative:
        return "must be a path inside content/, relative to this file"
    candidate = document.path.parent / relative
    why = outside(candidate, content_dir)
    if why:
        inside = "must be a path inside content/, relative to this file"
        return why if why.startswith("cannot") else inside
    try:
        target = candidate.resolve()
        if not target.exists():
            return "no such file"
        if not target.is_file():
            return "is not a regular file"
    except OSError as error:  # a name too long for the file system, say
        return f"cannot be read: {one_line(error.strerror or str(error)).lower()}"
    return target


def check_path(document: Document, loc: Loc, relative: str, content_dir: Path) -> Problem | None:
    found = content_file(document, relative, content_dir)
    if isinstance(found, Path):
        return None
    return document.problem(loc, f"{field_name(loc)}: '{one_line(relative)}' {found}")


def check_id(display: str, stem: str) -> Problem | None:
    if SLUG.match(stem):
        return None
    return Problem(
        display,
        0,
        0,
        Severity.ERROR,
        f"the file name '{stem}' is not a valid id: use lowercase letters a-z, "
        "digits and '-', for example 'anna-jensen.yml'",
    )
