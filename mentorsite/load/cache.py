"""The last result of a costly reading, kept while what it was read from stays the same.

A preview server rebuilds the site on every save, and `check` loads the project before
the build it precedes. Whoever reads the content or git's log owns one of these: a call
whose key (the files' stamps, where HEAD is) is the last one's gets the last result again.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Generic, TypeVar

T = TypeVar("T")


class LastResult(Generic[T]):
    """One result and the key it was read for."""

    def __init__(self) -> None:
        self._key: Hashable = None
        self._value: T | None = None

    def get(self, key: Hashable) -> T | None:
        """The result kept for `key`; None when the last one was read for another key."""
        return self._value if self._value is not None and self._key == key else None

    def keep(self, key: Hashable, value: T) -> T:
        self._key, self._value = key, value
        return value

    def clear(self) -> None:
        self._key, self._value = None, None
