"""UI strings of the site, in the organisation's language, read from the theme's locale files.

The locale files are YAML, read by `load` as every other file is.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any, Literal, get_args

from mentorsite.load.documents import read_document
from mentorsite.problems import Problem

Language = Literal["da", "en"]
LANGUAGES: tuple[str, ...] = get_args(Language)  # a site's languages, and those of all help


class Strings:
    """The UI strings of one language: `t("catalogue.title")`, with plurals and dates."""

    def __init__(self, language: str, entries: dict[str, Any]) -> None:
        self.language = language
        self._entries = entries

    @classmethod
    def load(cls, language: str, theme_dirs: Sequence[Path]) -> Strings:
        """Strings for `language`; a theme folder listed first overrides single keys."""
        entries: dict[str, Any] = {}
        for folder in reversed(theme_dirs):
            path = folder / "locales" / f"{language}.yml"
            if path.is_file():
                document = read_document(path, path.as_posix())
                if isinstance(document, Problem):
                    raise ValueError(f"the UI strings cannot be read: {document}")
                entries.update(flatten(document.data))
        if not entries:
            raise LookupError(f"no UI strings for the language '{language}'")
        return cls(language, entries)

    def keys(self) -> set[str]:
        return set(self._entries)

    def raw(self, key: str) -> Any:
        try:
            return self._entries[key]
        except KeyError:
            raise KeyError(
                f"UI string '{key}' is missing from locales/{self.language}.yml"
            ) from None

    def __call__(self, key: str, count: int | None = None, **values: Any) -> str:
        entry = self.raw(key)
        if isinstance(entry, dict):
            if count is None:
                raise KeyError(f"UI string '{key}' has plural forms; give a count")
            entry = entry["one"] if count == 1 else entry["other"]
        if count is not None:
            values["count"] = count
        return str(entry).format(**values) if values else str(entry)

    def date(self, day: date) -> str:
        """A date in words: '1. januar 2027', '1 January 2027'."""
        months = self.raw("dates.months")
        return self("dates.format", day=day.day, month=months[day.month - 1], year=day.year)

    def duration(self, minutes: int) -> str:
        """A meeting's length in words: 'en time', 'halvanden time', '45 minutter'."""
        named = self.raw("rhythm.named_minutes")
        if minutes in named:
            return str(named[minutes])
        if minutes % 60 == 0:
            return self("rhythm.hours", count=minutes // 60)
        return self("rhythm.minutes", count=minutes)

    def every_weeks(self, weeks: int) -> str:
        named = self.raw("rhythm.every_named_weeks")
        if weeks in named:
            return str(named[weeks])
        return self("rhythm.every_weeks", weeks=weeks)

    def rhythm(
        self, every_weeks: int | None, minutes: int | None, duration_months: int | None
    ) -> str:
        """'cirka en time hver fjerde uge i 24 måneder', from whichever parts are known."""
        parts = []
        if minutes:
            parts.append(self("rhythm.about", length=self.duration(minutes)))
        if every_weeks:
            parts.append(self.every_weeks(every_weeks))
        if duration_months:
            parts.append(self("rhythm.for_months", count=duration_months))
        sentence = " ".join(parts)
        return sentence[:1].upper() + sentence[1:]


# The words of Material's own templates that a theme folder's `overrides/` (its 404 page,
# its footer) read from `config.extra.mentorsite`, in the site's language.
THEME_WORDS = ("not_found", "not_found_text", "not_found_home", "made_with")


def theme_words(strings: Strings) -> dict[str, str]:
    """What Material's overrides find as `config.extra.mentorsite`."""
    return {word: strings(f"ui.{word}") for word in THEME_WORDS}


def flatten(tree: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested locale keys as dotted keys; a mapping of plural forms or numbers stays whole."""
    flat: dict[str, Any] = {}
    for key, value in tree.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict) and not _is_leaf(value):
            flat.update(flatten(value, f"{name}."))
        else:
            flat[name] = value
    return flat


def _is_leaf(mapping: dict[Any, Any]) -> bool:
    return set(mapping) <= {"one", "other"} or all(isinstance(k, int) for k in mapping)
