"""What one commit moved from one file to another, so that a move is said as a move.

A checklist item or a boundary that leaves one file and appears in another in the same
commit was moved, not dropped: a line manager who reads "Gør ikke: fjernet ..." would
think a limit on their role was lifted. The same holds for a role's boundaries (the old
`does_not`) taken out in the commit that gives the role a `never` in the responsibility
matrix: they moved into the matrix.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from mentorsite.history.git import Revision
from mentorsite.history.values import by_key, checklist, mapping_of

MATRIX = "responsibilities"  # the place a boundary moved to when it went into the matrix


@dataclass(frozen=True)
class Moves:
    """For one revision: where each item it lost went, where each item it gained came from.

    A place is a (kind, title) pair: the kind of the other file and its item's title.
    """

    went_to: dict[str, tuple[str, str]] = field(default_factory=dict)
    came_from: dict[str, tuple[str, str]] = field(default_factory=dict)
    boundaries_to_matrix: bool = False


NO_MOVES = Moves()
_Key = tuple[str, str, str]  # (commit sha, kind, id)


def find_moves(
    revisions: Iterable[Revision], title: Callable[[Revision], str]
) -> dict[_Key, Moves]:
    """The moves of each revision that has any, by (commit, kind, id)."""
    by_commit: dict[str, list[Revision]] = {}
    for revision in revisions:
        by_commit.setdefault(revision.commit.sha, []).append(revision)
    found: dict[_Key, Moves] = {}
    for group in by_commit.values():
        found.update(_moves_in(group, title))
    return found


def _moves_in(group: list[Revision], title: Callable[[Revision], str]) -> dict[_Key, Moves]:
    lost: dict[_Key, set[str]] = {}
    gained: dict[_Key, set[str]] = {}
    places: dict[_Key, tuple[str, str]] = {}
    for revision in group:
        if revision.kind != "role":
            continue
        key = (revision.commit.sha, revision.kind, revision.id)
        old, new = _items(revision.before), _items(revision.after)
        lost[key], gained[key] = old - new, new - old
        places[key] = (revision.kind, title(revision))
    never = _never_gained(group)
    moves: dict[_Key, Moves] = {}
    for key in places:
        went_to = {
            text: places[other]
            for text in sorted(lost[key])
            for other in places
            if other != key and text in gained[other]
        }
        came_from = {
            text: places[other]
            for text in sorted(gained[key])
            for other in places
            if other != key and text in lost[other]
        }
        to_matrix = key[2] in never and _lost_boundaries(group, key)
        if went_to or came_from or to_matrix:
            moves[key] = Moves(went_to, came_from, to_matrix)
    return moves


def _items(version: Any) -> set[str]:
    """The texts of a role's checklist items and boundaries, in any phase."""
    if not isinstance(version, dict):
        return set()
    try:
        texts = set(checklist(version.get("does_not")))
        for items in mapping_of(version.get("does"), strict=True).values():
            texts |= set(checklist(items))
    except TypeError:  # an odd old version: nothing is said to have moved
        return set()
    return texts


def _never_gained(group: list[Revision]) -> set[str]:
    """The roles that the matrix's revision in this commit gave a `never` they lacked."""
    roles: set[str] = set()
    for revision in group:
        if revision.kind != MATRIX:
            continue
        try:
            old = _nevers(revision.before)
            new = _nevers(revision.after)
        except TypeError:
            continue
        roles |= {role for role, activity in new - old}
    return roles


def _nevers(version: Any) -> set[tuple[str, str]]:
    if not isinstance(version, dict):
        return set()
    return {
        (str(role), activity_id)
        for activity_id, activity in by_key(version.get("activities"), "id").items()
        for role, part in mapping_of(activity.get("roles")).items()
        if part == "never"
    }


def _lost_boundaries(group: list[Revision], key: _Key) -> bool:
    for revision in group:
        if (revision.commit.sha, revision.kind, revision.id) == key:
            before = revision.before if isinstance(revision.before, dict) else {}
            after = revision.after if isinstance(revision.after, dict) else {}
            try:
                return bool(
                    set(checklist(before.get("does_not"))) - set(checklist(after.get("does_not")))
                )
            except TypeError:
                return False
    return False
