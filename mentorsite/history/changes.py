"""What changed in the rules, roles, programmes and responsibilities, said in words.

A revision from `history` holds two versions of a file; this module compares them field
by field and says what a reader would want to know ("Varighed ændret fra 12 til 24
måneder"), never a text diff. Names and dates are shown as the site shows them, and
each change knows which roles it concerns, so that a line manager can see what changed
for line managers. The sentences are plain text: templates escape them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from pathlib import PurePosixPath
from typing import Any

from mentorsite.content import Content
from mentorsite.history.git import RESPONSIBILITIES, Commit, History, Revision, Unreadable
from mentorsite.i18n.strings import Strings
from mentorsite.model import Check
from mentorsite.pairing.rules import in_words


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


def describe(
    revision: Revision, content: Content, strings: Strings, *, last_title: str | None = None
) -> Change | None:
    """The change a revision made, in words; None when nothing a reader cares about changed.

    Comments, whitespace, the order of keys and a role's `order` are not changes worth
    a sentence. `last_title` names an item that no longer exists (see `list_changes`).
    """
    return _Describer(content, strings).describe(revision, last_title)


def list_changes(
    history: History, content: Content, strings: Strings, *, role: str | None = None
) -> list[Change]:
    """Every change of the history, newest first; with `role`, only what concerns it."""
    describer = _Describer(content, strings)
    last_titles: dict[tuple[str, str], str] = {}
    for revision in history.revisions:  # newest first: the first title met is the last one
        title = _title_in(revision.after) or _title_in(revision.before)
        if title:
            last_titles.setdefault((revision.kind, revision.id), title)
    changes = []
    for revision in history.revisions:
        change = describer.describe(revision, last_titles.get((revision.kind, revision.id)))
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


def _title_in(version: Any) -> str | None:
    if isinstance(version, dict):
        for key in ("title", "name"):
            if isinstance(version.get(key), str) and version[key].strip():
                return version[key].strip()
    return None


# -- describing ------------------------------------------------------------------------------

# A sentence, and the roles it concerns when these are not all the change's roles.
_Said = tuple[str, frozenset[str] | None]
# Says what changed in one field: (describer, label, old value, new value) -> sentences.
_Field = Callable[["_Describer", str, Any, Any], list[_Said]]


class _Describer:
    def __init__(self, content: Content, strings: Strings) -> None:
        self.content = content
        self.t = strings
        self.keys = strings.keys()

    def describe(self, revision: Revision, last_title: str | None) -> Change | None:
        before, after = revision.before, revision.after
        kind = revision.kind
        said: list[_Said] = []
        if revision.cut_off:
            said.append((self.t("changes.cut_off"), None))
        elif after is None:
            said.append((self.t(f"changes.deleted.{kind}"), None))
        else:
            if before is None:
                said.append((self.t(f"changes.created.{kind}"), None))
            if revision.renamed_from:
                old, new = PurePosixPath(revision.renamed_from).name, PurePosixPath(revision.path)
                said.append((self.t("changes.renamed", old=old, new=new.name), None))
            if isinstance(after, Unreadable):
                said.append((self.t("changes.unreadable"), None))
            elif isinstance(before, Unreadable):
                said.append((self.t("changes.readable_again"), None))
            elif isinstance(before, dict) and isinstance(after, dict):
                said += self.fields(_FIELDS.get(kind, {}), before, after)
        if not said:
            return None
        roles = self.roles_of(revision)
        if kind == RESPONSIBILITIES:
            roles |= frozenset().union(*(c for _, c in said if c is not None))
        concerns = tuple(roles if c is None else c for _, c in said)
        return Change(
            commit=revision.commit,
            kind=kind,
            id=revision.id,
            title=self.title(revision, last_title),
            sentences=tuple(_capitalised(s) for s, _ in said),
            roles=frozenset().union(*concerns),
            concerns=concerns,
        )

    def fields(
        self, fields: Mapping[str, tuple[str, _Field]], before: dict, after: dict
    ) -> list[_Said]:
        said: list[_Said] = []
        for key in dict.fromkeys([*after, *before]):
            old, new = before.get(key), after.get(key)
            if old == new:
                continue
            label_key, field = fields.get(key, (f"changes.fields.{key}", _other))
            label = self.label(label_key, key)
            try:
                said += field(self, label, old, new)
            except (TypeError, ValueError, AttributeError):  # an odd value in an old version
                said += _other(self, label, old, new)
        return said

    # -- whom and what a change is about

    def roles_of(self, revision: Revision) -> frozenset[str]:
        versions = [v for v in (revision.before, revision.after) if isinstance(v, dict)]
        if revision.kind == "rule":
            return frozenset(r for v in versions for r in _strings(v.get("applies_to")))
        if revision.kind == "role":
            return frozenset({revision.id})
        if revision.kind == "programme":
            return frozenset(self.content.roles)
        # The responsibilities as a whole concern every role that has a part in them.
        return frozenset(
            role
            for version in versions
            for activity in _list(version.get("activities"))
            if isinstance(activity, dict)
            for role in _mapping(activity.get("roles"))
        )

    def title(self, revision: Revision, last_title: str | None) -> str:
        kind, item_id = revision.kind, revision.id
        if kind == RESPONSIBILITIES:
            return self.t("changes.kinds.responsibilities")
        current = {
            "rule": lambda: self.content.rules[item_id].title,
            "role": lambda: self.content.roles[item_id].name,
            "programme": lambda: self.content.programmes[item_id].name,
        }
        try:
            return current[kind]()
        except KeyError:
            return last_title or _title_in(revision.after) or _title_in(revision.before) or item_id

    # -- values in words

    def label(self, key: str, fallback: str) -> str:
        return self.t(key) if key in self.keys else fallback

    def quoted(self, value: Any) -> str:
        return self.t("changes.quoted", text=_one_line(value))

    def name(self, kind: str, item_id: Any) -> str:
        """The name of an id of `kind` as the site shows it; the id when it is gone."""
        item_id = str(item_id)
        found: Any
        if kind == "role":
            found = self.content.roles.get(item_id)
        elif kind == "programme":
            found = self.content.programmes.get(item_id)
        elif kind == "rule":
            rule = self.content.rules.get(item_id)
            return self.quoted(rule.title) if rule else item_id
        else:
            found = self.content.terms.get(kind, {}).get(item_id)
        return found.name if found is not None else item_id

    def names(self, kind: str, ids: Iterable[Any]) -> str:
        return self.join([self.name(kind, i) for i in ids])

    def join(self, words: list[str]) -> str:
        if len(words) <= 1:
            return "".join(words)
        return f"{', '.join(words[:-1])} {self.t('changes.and')} {words[-1]}"

    def day(self, value: Any) -> str:
        if isinstance(value, str):
            value = date.fromisoformat(value.strip())
        if not isinstance(value, date):
            raise TypeError("not a date")
        return self.t.date(value)

    def choice(self, prefix: str) -> Callable[[Any], str]:
        def words(value: Any) -> str:
            key = f"{prefix}.{value}"
            return _uncapitalised(self.t(key)) if key in self.keys else str(value)

        return words

    def quantity(self, unit: str) -> Callable[[Any], str]:
        def words(value: Any) -> str:
            return self.t(f"changes.units.{unit}", count=_number(value))

        return words


# -- fields ---------------------------------------------------------------------------------
# Each function says what changed in one field; the tables below pick one for each field.


def _other(d: _Describer, label: str, old: Any, new: Any) -> list[_Said]:
    return [(d.t("changes.other", field=label), None)]


def _ignored(d: _Describer, label: str, old: Any, new: Any) -> list[_Said]:
    return []


def _scalar(
    words: Callable[[_Describer], Callable[[Any], str]], *, bare_old: bool = False
) -> _Field:
    """A single value: set, removed, or changed from one to the other."""

    def field(d: _Describer, label: str, old: Any, new: Any) -> list[_Said]:
        say = words(d)
        if old is None:
            return [(d.t("changes.set", field=label, new=say(new)), None)]
        if new is None:
            return [(d.t("changes.unset", field=label), None)]
        # "from 12 to 24 months": the unit is said once, after the new value.
        before = str(_number(old)) if bare_old else say(old)
        return [(d.t("changes.changed", field=label, old=before, new=say(new)), None)]

    return field


_text = _scalar(lambda d: d.quoted)
_date = _scalar(lambda d: d.day)


def _choice(prefix: str) -> _Field:
    return _scalar(lambda d: d.choice(prefix))


def _quantity(unit: str) -> _Field:
    return _scalar(lambda d: d.quantity(unit), bare_old=True)


_every_weeks = _scalar(lambda d: lambda weeks: d.t.every_weeks(_number(weeks)))
_minutes = _scalar(lambda d: lambda minutes: d.t.duration(_number(minutes)))


def _markdown(d: _Describer, label: str, old: Any, new: Any) -> list[_Said]:
    """Long text is not quoted: it was written, rewritten or emptied."""
    old_text, new_text = _prose(old), _prose(new)
    if old_text == new_text:
        return []
    key = "rewritten" if old_text and new_text else "filled_in" if new_text else "emptied"
    return [(d.t(f"changes.{key}", field=label), None)]


def _topic(d: _Describer, label: str, old: Any, new: Any) -> list[_Said]:
    return _markdown(d, d.t("changes.section", name=d.quoted(label)), old, new)


def _ids(kind: str) -> _Field:
    """A list of ids of `kind`: which were added, which removed, by name."""

    def field(d: _Describer, label: str, old: Any, new: Any) -> list[_Said]:
        added, removed = _difference(_strings(old, strict=True), _strings(new, strict=True))
        said: list[_Said] = []
        if added:
            said.append((d.t("changes.added", field=label, item=d.names(kind, added)), None))
        if removed:
            said.append((d.t("changes.removed", field=label, item=d.names(kind, removed)), None))
        return said

    return field


def _applies_to(d: _Describer, label: str, old: Any, new: Any) -> list[_Said]:
    added, removed = _difference(_strings(old, strict=True), _strings(new, strict=True))
    said: list[_Said] = []
    if added:
        said.append((d.t("changes.binds_also", names=d.names("role", added)), None))
    if removed:
        said.append((d.t("changes.binds_no_longer", names=d.names("role", removed)), None))
    return said


def _programmes(d: _Describer, label: str, old: Any, new: Any) -> list[_Said]:
    # No programmes listed means every programme.
    old_ids, new_ids = _strings(old, strict=True), _strings(new, strict=True)
    if old_ids == new_ids:
        return []
    if not new_ids:
        return [(d.t("changes.binds_every_programme"), None)]
    if not old_ids:
        return [(d.t("changes.binds_only", names=d.names("programme", new_ids)), None)]
    added, removed = _difference(old_ids, new_ids)
    said: list[_Said] = []
    if added:
        said.append((d.t("changes.binds_also", names=d.names("programme", added)), None))
    if removed:
        said.append((d.t("changes.binds_no_longer", names=d.names("programme", removed)), None))
    return said


def _keyed(key: str, words: Callable[[_Describer], Callable[[Any], str]]) -> _Field:
    """A list of mappings known by one of their fields (a material by its title)."""

    def field(d: _Describer, label: str, old: Any, new: Any) -> list[_Said]:
        old_items, new_items = _by_key(old, key), _by_key(new, key)
        say = words(d)
        said: list[_Said] = []
        for name, item in new_items.items():
            if name not in old_items:
                said.append((d.t("changes.added", field=label, item=say(name)), None))
            elif item != old_items[name]:
                said.append((d.t("changes.edited", field=label, item=say(name)), None))
        said += [
            (d.t("changes.removed", field=label, item=say(name)), None)
            for name in old_items
            if name not in new_items
        ]
        return said

    return field


def _items(d: _Describer, label: str, old: Any, new: Any) -> list[_Said]:
    """Checklist items, or a role's boundaries: text, and maybe the rule it cites."""
    old_items, new_items = _checklist(old), _checklist(new)
    said: list[_Said] = []
    for text, rule in new_items.items():
        if text not in old_items:
            said.append((d.t("changes.added", field=label, item=d.quoted(text)), None))
        elif rule != old_items[text]:
            if rule:
                sentence = d.t(
                    "changes.cites", field=label, item=d.quoted(text), rule=d.name("rule", rule)
                )
            else:
                sentence = d.t("changes.no_longer_cites", field=label, item=d.quoted(text))
            said.append((sentence, None))
    said += [
        (d.t("changes.removed", field=label, item=d.quoted(text)), None)
        for text in old_items
        if text not in new_items
    ]
    if not said and list(old_items) != list(new_items):
        said.append((d.t("changes.reordered", field=label), None))
    return said


def _does(d: _Describer, label: str, old: Any, new: Any) -> list[_Said]:
    """A role's checklist, phase by phase in the taxonomy's order."""
    old_phases, new_phases = _mapping(old, strict=True), _mapping(new, strict=True)
    known = [phase.id for phase in d.content.taxonomy.phases]
    said: list[_Said] = []
    for phase in dict.fromkeys([*known, *new_phases, *old_phases]):
        if old_phases.get(phase) != new_phases.get(phase):
            phase_label = d.t("changes.fields.checklist", phase=d.name("phase", phase))
            said += _items(d, phase_label, old_phases.get(phase), new_phases.get(phase))
    return said


def _fields_of(fields: Mapping[str, tuple[str, _Field]]) -> _Field:
    """A mapping of its own (a programme's meetings): each of its fields in turn."""

    def field(d: _Describer, label: str, old: Any, new: Any) -> list[_Said]:
        old_fields, new_fields = _mapping(old, strict=True), _mapping(new, strict=True)
        return d.fields(fields, old_fields, new_fields)

    return field


# The parameters of a machine check that have a sentence of their own.
_CHECK_PARAMETERS: dict[tuple[str, str], tuple[str, str]] = {
    ("max-duration", "months"): ("changes.fields.duration_months", "months"),
    ("level-gap", "min"): ("changes.fields.min_levels", "levels"),
    ("level-gap", "max"): ("changes.fields.max_levels", "levels"),
    ("different-unit", "depth"): ("changes.fields.unit_depth", "steps"),
}


def _check_words(d: _Describer, check: Check) -> str:
    return in_words(check, d.t).rstrip(".")  # inside a sentence of its own


def _check(d: _Describer, label: str, old: Any, new: Any) -> list[_Said]:
    if new is None:
        return [(d.t("changes.check_removed"), None)]
    new_check = Check.model_validate(new)  # a ValueError makes it "the check changed"
    if old is None:
        return [(d.t("changes.check_added", check=_check_words(d, new_check)), None)]
    old_check = Check.model_validate(old)
    if old_check.name != new_check.name:
        return [(d.t("changes.check_changed", check=_check_words(d, new_check)), None)]
    name = new_check.name
    old_values = getattr(old_check, name.replace("-", "_")).model_dump()
    new_values = getattr(new_check, name.replace("-", "_")).model_dump()
    said: list[_Said] = []
    for parameter, value in new_values.items():
        previous = old_values.get(parameter)
        if value == previous:
            continue
        known = _CHECK_PARAMETERS.get((name, parameter))
        if known is None or value is None or previous is None:
            # A default that now comes from elsewhere, or back: the whole check in words.
            return [(d.t("changes.check_changed", check=_check_words(d, new_check)), None)]
        label_key, unit = known
        said += _quantity(unit)(d, d.t(label_key), previous, value)
    return said


def _activities(d: _Describer, label: str, old: Any, new: Any) -> list[_Said]:
    """The responsibility matrix: activities, and each role's part in each."""
    old_activities, new_activities = _by_key(old, "id"), _by_key(new, "id")

    def part(value: Any) -> str:
        key = "none" if value is None else str(value)
        return d.label(f"changes.responsibility.{key}", key)

    def name(activity: dict) -> str:
        return d.quoted(activity.get("name") or activity.get("id"))

    def cells(activity: dict) -> dict[str, Any]:
        return {str(k): v for k, v in _mapping(activity.get("roles")).items()}

    said: list[_Said] = []
    for activity_id, activity in new_activities.items():
        previous = old_activities.get(activity_id)
        roles = frozenset(cells(activity))
        if previous is None:
            said.append((d.t("changes.added", field=label, item=name(activity)), roles))
            continue
        roles |= frozenset(cells(previous))
        if previous.get("name") != activity.get("name"):
            sentence = d.t("changes.activity_renamed", old=name(previous), new=name(activity))
            said.append((sentence, roles))
        added, removed = _difference(_cited(previous), _cited(activity))
        for verb, rules in (("cites", added), ("no_longer_cites_rule", removed)):
            for rule in rules:
                sentence = d.t(
                    f"changes.{verb}", field=label, item=name(activity), rule=d.name("rule", rule)
                )
                said.append((sentence, roles))
        old_cells, new_cells = cells(previous), cells(activity)
        for role in dict.fromkeys([*old_cells, *new_cells]):
            if old_cells.get(role) != new_cells.get(role):
                sentence = d.t(
                    "changes.cell",
                    role=d.name("role", role),
                    old=part(old_cells.get(role)),
                    new=part(new_cells.get(role)),
                    activity=name(activity),
                )
                said.append((sentence, frozenset({role})))
    for activity_id, activity in old_activities.items():
        if activity_id not in new_activities:
            roles = frozenset(cells(activity))
            said.append((d.t("changes.removed", field=label, item=name(activity)), roles))
    return said


def _topics() -> dict[str, tuple[str, _Field]]:
    # The Markdown planning topics of a programme, named as the handbook names them.
    names = (
        "goal target_group size selection matching structure agreement top_management "
        "training evaluation networks"
    )
    return {name: (f"programme.topics.{name}", _topic) for name in names.split()}


_FIELDS: dict[str, dict[str, tuple[str, _Field]]] = {
    "rule": {
        "title": ("changes.fields.title", _text),
        "kind": ("changes.fields.kind", _choice("rule.kinds")),
        "applies_to": ("changes.fields.applies_to", _applies_to),
        "programmes": ("changes.fields.programmes", _programmes),
        "effective": ("changes.fields.effective", _date),
        "text": ("changes.fields.text", _markdown),
        "check": ("changes.fields.check", _check),
    },
    "role": {
        "name": ("changes.fields.name", _text),
        "summary": ("changes.fields.summary", _text),
        "order": ("changes.fields.order", _ignored),
        "description": ("changes.fields.description", _markdown),
        "does": ("changes.fields.does", _does),
        "does_not": ("changes.fields.does_not", _items),
    },
    "programme": {
        "name": ("changes.fields.name", _text),
        "summary": ("changes.fields.summary", _text),
        "status": ("changes.fields.status", _choice("programme.statuses")),
        "models": ("changes.fields.models", _ids("model")),
        **_topics(),
        "mentor_source": ("changes.fields.mentor_source", _choice("changes.mentor_sources")),
        "duration_months": ("changes.fields.duration_months", _quantity("months")),
        "meetings": (
            "changes.fields.meetings",
            _fields_of(
                {
                    "every_weeks": ("changes.fields.every_weeks", _every_weeks),
                    "minutes": ("changes.fields.minutes", _minutes),
                    "format": ("changes.fields.format", _text),
                }
            ),
        ),
        "start": ("changes.fields.start", _date),
        "apply": (
            "changes.fields.apply",
            _fields_of(
                {
                    "deadline": ("changes.fields.deadline", _date),
                    "email": ("changes.fields.apply_email", _text),
                    "url": ("changes.fields.apply_url", _text),
                    "text": ("changes.fields.apply_text", _text),
                }
            ),
        ),
        "materials": ("changes.fields.materials", _keyed("title", lambda d: d.quoted)),
        "support": ("changes.fields.support", _keyed("name", lambda d: _one_line)),
    },
    RESPONSIBILITIES: {
        "activities": ("changes.fields.activities", _activities),
    },
}


# -- raw YAML, tolerated ------------------------------------------------------------------------


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _mapping(value: Any, *, strict: bool = False) -> dict[Any, Any]:
    """A mapping, or {} for nothing; with `strict`, anything else is a TypeError."""
    if isinstance(value, dict):
        return value
    if strict and value is not None:
        raise TypeError("not a mapping")
    return {}


def _strings(value: Any, *, strict: bool = False) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return value
    if strict:
        raise TypeError("not a list of ids")
    return []


def _difference(old: list[str], new: list[str]) -> tuple[list[str], list[str]]:
    return [i for i in new if i not in old], [i for i in old if i not in new]


def _by_key(value: Any, key: str) -> dict[str, dict[Any, Any]]:
    if value is None:
        return {}
    if not isinstance(value, list) or not all(
        isinstance(item, dict) and key in item for item in value
    ):
        raise TypeError(f"not a list of mappings with '{key}'")
    return {str(item[key]): item for item in value}


def _checklist(value: Any) -> dict[str, str | None]:
    """Checklist items as text → the rule cited; an item may be text or {text, rule}."""
    items: dict[str, str | None] = {}
    for item in value or []:
        if isinstance(item, str):
            items[_one_line(item)] = None
        elif isinstance(item, dict) and isinstance(item.get("text"), str):
            items[_one_line(item["text"])] = item.get("rule")
        else:
            raise TypeError("not a checklist item")
    return items


def _cited(activity: dict) -> list[str]:
    """The rules an activity rests on."""
    return _strings(activity.get("rules"))


def _number(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("not a whole number")
    return value


def _one_line(value: Any) -> str:
    return " ".join(str(value).split())


def _prose(value: Any) -> str:
    """Markdown with its line wrapping undone: re-wrapping a paragraph changes nothing."""
    if value is None:
        return ""
    paragraphs = re.split(r"\n\s*\n", str(value).strip())
    return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())


def _capitalised(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def _uncapitalised(word: str) -> str:
    # A status or kind in the middle of a sentence: "fra under planlægning til åben".
    return word[:1].lower() + word[1:] if word[1:2].islower() else word
