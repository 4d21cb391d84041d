"""Every id a file names must be defined: in the taxonomy, or as a file of its kind."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from mentorsite.load.documents import Document, Loc
from mentorsite.model.fields import Value
from mentorsite.model.fields import references as references_in
from mentorsite.problems import Problem, did_you_mean
from mentorsite.validate.fields import field_name


def references(instance: BaseModel) -> Iterator[tuple[Loc, str, str, bool]]:
    """Every id that `instance` refers to: (location, kind, id, whether it is a mapping key)."""
    yield from references_in(Value("group", model=type(instance)), instance, ())


def check_references(
    document: Document, instance: BaseModel, known: dict[str, set[str]]
) -> list[Problem]:
    """Unknown ids, each with a did-you-mean where one is close."""
    problems = []
    for loc, kind, ref, is_key in references(instance):
        if kind not in known or ref in known[kind]:
            continue
        hint = did_you_mean(ref, known[kind])
        if not hint and not known[kind]:
            hint = f"; no {kind} is defined"
        problems.append(
            document.problem(loc, f"{field_name(loc)}: unknown {kind} '{ref}'{hint}", key=is_key)
        )
    return problems
