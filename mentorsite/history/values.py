"""Values of old versions of files, read as they were written: raw YAML, tolerated.

A version from git was never validated: a list may be a text, an id a number. Each reader
here gives what it can; `strict` ones raise TypeError, which makes a change "the field
changed" rather than a wrong sentence.
"""

from __future__ import annotations

import re
from typing import Any


def list_of(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def mapping_of(value: Any, *, strict: bool = False) -> dict[Any, Any]:
    """A mapping, or {} for nothing; with `strict`, anything else is a TypeError."""
    if isinstance(value, dict):
        return value
    if strict and value is not None:
        raise TypeError("not a mapping")
    return {}


def strings(value: Any, *, strict: bool = False) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return value
    if strict:
        raise TypeError("not a list of ids")
    return []


def difference(old: list[str], new: list[str]) -> tuple[list[str], list[str]]:
    return [i for i in new if i not in old], [i for i in old if i not in new]


def by_key(value: Any, key: str) -> dict[str, dict[Any, Any]]:
    if value is None:
        return {}
    if not isinstance(value, list) or not all(
        isinstance(item, dict) and key in item for item in value
    ):
        raise TypeError(f"not a list of mappings with '{key}'")
    return {str(item[key]): item for item in value}


def checklist(value: Any) -> dict[str, str | None]:
    """Checklist items as text → the rule cited; an item may be text or {text, rule}."""
    items: dict[str, str | None] = {}
    for item in value or []:
        if isinstance(item, str):
            items[on_one_line(item)] = None
        elif isinstance(item, dict) and isinstance(item.get("text"), str):
            items[on_one_line(item["text"])] = item.get("rule")
        else:
            raise TypeError("not a checklist item")
    return items


def cited(activity: dict) -> list[str]:
    """The rules an activity rests on."""
    return strings(activity.get("rules"))


def whole_number(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("not a whole number")
    return value


def on_one_line(value: Any) -> str:
    return " ".join(str(value).split())


def prose(value: Any) -> str:
    """Markdown with its line wrapping undone: re-wrapping a paragraph changes nothing."""
    if value is None:
        return ""
    paragraphs = re.split(r"\n\s*\n", str(value).strip())
    return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())
