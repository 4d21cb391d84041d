"""What changed in the rules, roles, programmes and responsibilities, said in words.

A revision from `history` holds two versions of a file; this module compares them field
by field and says what a reader would want to know ("Varighed ændret fra 12 til 24
måneder"), never a text diff. Names and dates are shown as the site shows them, and
each change knows which roles it concerns, so that a line manager can see what changed
for line managers. The sentences are plain text: templates escape them. How each field
is said is in `sentences`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import PurePosixPath
from typing import Any

from mentorsite.content import Content
from mentorsite.history.git import Commit, History, Revision, Unreadable
from mentorsite.history.moves import NO_MOVES, find_moves
from mentorsite.history.sentences import Describer, Said, fields_said
from mentorsite.history.values import list_of, mapping_of, strings
from mentorsite.i18n.strings import Strings


@dataclass(frozen=True)
class Change:
    """What one commit changed in one item, in sentences of the site's language.

    `concerns` holds, for each sentence, the roles it concerns; `roles` is their union.
    """

    commit: Commit
    kind: str  # "rule", "role", "programme" or "responsibilities"
    id: str
    title: str  # the item's name today, or the last one it had
    sentences: tuple[str, ...]
    roles: frozenset[str]
    concerns: tuple[frozenset[str], ...]

    def for_role(self, role: str) -> Change | None:
        """Only what concerns `role`, or None when nothing does."""
        kept = [(s, c) for s, c in zip(self.sentences, self.concerns, strict=True) if role in c]
        if not kept:
            return None
        return replace(
            self,
            sentences=tuple(s for s, _ in kept),
            concerns=tuple(c for _, c in kept),
            roles=frozenset().union(*(c for _, c in kept)),
        )


def list_changes(
    history: History, content: Content, strings: Strings, *, role: str | None = None
) -> list[Change]:
    """Every change of the history, newest first; with `role`, only what concerns it.

    Comments, whitespace, the order of keys and a role's `order` are not changes worth
    a sentence. An item that no longer exists keeps the last title it had.
    """
    describer = Describer(content, strings)
    last_titles: dict[tuple[str, str], str] = {}
    for revision in history.revisions:  # newest first: the first title met is the last one
        title = _title_in(revision.after) or _title_in(revision.before)
        if title:
            last_titles.setdefault((revision.kind, revision.id), title)
    moves = find_moves(
        history.revisions,
        lambda r: _title(describer, r, last_titles.get((r.kind, r.id))),
    )
    changes = []
    for revision in history.revisions:
        describer.moves = moves.get((revision.commit.sha, revision.kind, revision.id), NO_MOVES)
        change = _describe(describer, revision, last_titles.get((revision.kind, revision.id)))
        if change is not None and role is not None:
            change = change.for_role(role)
        if change is not None:
            changes.append(change)
    return changes


def by_commit(changes: Iterable[Change]) -> list[tuple[Commit, list[Change]]]:
    """Changes grouped under their commit, in the order given (newest first)."""
    groups: dict[Commit, list[Change]] = {}
    for change in changes:
        groups.setdefault(change.commit, []).append(change)
    return list(groups.items())


def _describe(d: Describer, revision: Revision, last_title: str | None) -> Change | None:
    """The change a revision made, in words; None when nothing a reader cares about changed."""
    said = _said(d, revision)
    if not said:
        return None
    roles = _roles_of(d.content, revision)
    if revision.kind == "responsibilities":
        roles |= frozenset().union(*(c for _, c in said if c is not None))
    concerns = tuple(roles if c is None else c for _, c in said)
    return Change(
        commit=revision.commit,
        kind=revision.kind,
        id=revision.id,
        title=_title(d, revision, last_title),
        sentences=tuple(_capitalised(s) for s, _ in said),
        roles=frozenset().union(*concerns),
        concerns=concerns,
    )


def _said(d: Describer, revision: Revision) -> list[Said]:
    before, after, kind = revision.before, revision.after, revision.kind
    if revision.cut_off:
        return [(d.t("changes.cut_off"), None)]
    if after is None:
        return [(d.t(f"changes.deleted.{kind}"), None)]
    said: list[Said] = []
    if before is None:
        said.append((d.t(f"changes.created.{kind}"), None))
    if revision.renamed_from:
        old, new = PurePosixPath(revision.renamed_from).name, PurePosixPath(revision.path)
        said.append((d.t("changes.renamed", old=old, new=new.name), None))
    if isinstance(after, Unreadable):
        said.append((d.t("changes.unreadable"), None))
    elif isinstance(before, Unreadable):
        said.append((d.t("changes.readable_again"), None))
    elif isinstance(before, dict) and isinstance(after, dict):
        said += d.fields(fields_said(kind), before, after)
    return said


# -- whom and what a change is about -----------------------------------------------------------


def _roles_of(content: Content, revision: Revision) -> frozenset[str]:
    versions = [v for v in (revision.before, revision.after) if isinstance(v, dict)]
    if revision.kind == "rule":
        return frozenset(r for v in versions for r in strings(v.get("applies_to")))
    if revision.kind == "role":
        return frozenset({revision.id})
    if revision.kind == "programme":
        return frozenset(content.roles)
    # The responsibilities as a whole concern every role that has a part in them.
    return frozenset(
        role
        for version in versions
        for activity in list_of(version.get("activities"))
        if isinstance(activity, dict)
        for role in mapping_of(activity.get("roles"))
    )


def _title(d: Describer, revision: Revision, last_title: str | None) -> str:
    kind, item_id = revision.kind, revision.id
    if kind == "responsibilities":
        return d.t("changes.kinds.responsibilities")
    current = {
        "rule": lambda: d.content.rules[item_id].title,
        "role": lambda: d.content.roles[item_id].name,
        "programme": lambda: d.content.programmes[item_id].name,
    }
    try:
        return current[kind]()
    except KeyError:
        return last_title or _title_in(revision.after) or _title_in(revision.before) or item_id


def _title_in(version: Any) -> str | None:
    if isinstance(version, dict):
        for key in ("title", "name"):
            if isinstance(version.get(key), str) and version[key].strip():
                return version[key].strip()
    return None


def _capitalised(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]
