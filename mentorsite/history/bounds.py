"""Where a history begins and what it leaves out: `--since` and the plugin's `history_since`.

Each is a revision (its own commit and everything before it do not count) or a day
(YYYY-MM-DD, from which commits count). An organisation that migrated its content into git
sets `history_since` where its own history begins; a commit marked SKIP_MARK never counts.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date


class HistoryError(ValueError):
    """A request for history that cannot be answered, such as an unknown revision."""


SKIP_MARK = "[skip history]"
"""A commit whose message holds this is left out of the history: a tidy-up, a move of
files, or in a repository that also holds a tool's code, that tool's own development."""


def bounds(
    since: str | None,
    begins: str | None,
    resolve: Callable[[str], str | None],
    shallow: bool,
) -> tuple[list[str], date | None]:
    """The commits whose history does not count, and the first day that counts."""
    starts: list[str] = []
    days: list[date] = []
    for bound, name in ((since, ""), (begins, "history_since: ")):
        if bound is None:
            continue
        day = _day_or_none(bound)
        found = None if day else resolve(bound) if not bound.startswith("-") else None
        if day is not None:
            days.append(day)
        elif found is not None:
            starts.append(found)
        # A shallow clone may not reach back to where the history begins: it is cut off
        # later anyway, and says so.
        elif not (shallow and name):
            raise HistoryError(f"{name}unknown revision '{bound}'")
    return starts, max(days, default=None)


def skipped(
    revisions: list[str], resolve: Callable[[str], str | None], shallow: bool
) -> frozenset[str]:
    """The commits the plugin's `history_skip` leaves out: [skip history] for a commit whose
    message can no longer be changed (it is merged, or published)."""
    found = set()
    for revision in revisions:
        sha = resolve(revision) if not revision.startswith("-") else None
        if sha is not None:
            found.add(sha)
        elif not shallow:  # a shallow clone may not hold it; its history is cut anyway
            raise HistoryError(f"history_skip: unknown revision '{revision}'")
    return frozenset(found)


def _day_or_none(text: str | None) -> date | None:
    """A day written YYYY-MM-DD, or None for anything else (a revision)."""
    if text is None or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return None
