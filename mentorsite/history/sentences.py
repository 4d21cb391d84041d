"""What changed in one field, in a sentence of the site's language.

Each function here says what changed in one kind of field ("Varighed ændret fra 12 til 24
måneder"); which one says each field is worked out from the model's fields (`fields_of`),
by the kind of value a field holds, except for the few fields that have sentences of their
own (`_OWN`). Old versions of a file may hold anything: an odd value is "the field changed".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from functools import cache, partial
from typing import Any

from pydantic import BaseModel

from mentorsite.content import Content
from mentorsite.history.moves import MATRIX, NO_MOVES, Moves
from mentorsite.history.values import (
    by_key,
    checklist,
    cited,
    difference,
    mapping_of,
    on_one_line,
    prose,
    strings,
    whole_number,
)
from mentorsite.i18n.strings import Strings
from mentorsite.model import Check
from mentorsite.model.fields import FieldSpec, fields_of
from mentorsite.model.kinds import FILE_KINDS
from mentorsite.pairing.rules import in_words

# A sentence, and the roles it concerns when these are not all the change's roles.
Said = tuple[str, frozenset[str] | None]
# Says what changed in one field: (describer, label, old value, new value) -> sentences.
_Field = Callable[["Describer", str, Any, Any], list[Said]]
# The fields of a file: key -> (the locale key of its label, what says its changes).
Table = Mapping[str, tuple[str, _Field]]


class Describer:
    """Values as the site shows them: names for ids, dates in words, choices in words."""

    def __init__(self, content: Content, strings: Strings) -> None:
        self.content = content
        self.t = strings
        self.keys = strings.keys()
        self.moves: Moves = NO_MOVES  # what the revision being said moved to other files

    def fields(
        self, fields: Mapping[str, tuple[str, _Field]], before: dict, after: dict
    ) -> list[Said]:
        said: list[Said] = []
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

    def label(self, key: str, fallback: str) -> str:
        return self.t(key) if key in self.keys else fallback

    def quoted(self, value: Any) -> str:
        return self.t("changes.quoted", text=on_one_line(value))

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

    def place(self, kind: str, title: str = "") -> str:
        """Where an item moved to or from: "rollen Mentor", "ansvarsfordelingen"."""
        return self.t(f"changes.places.{kind}", name=title)

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
            return self.t(f"changes.units.{unit}", count=whole_number(value))

        return words


def fields_said(kind: str) -> Table:
    """How each field of a file of `kind` (rule, role, programme...) is said."""
    return _table(FILE_KINDS[kind].model, kind)


# -- fields ---------------------------------------------------------------------------------
# Each function says what changed in one field; `_table` picks one for each field.


def _other(d: Describer, label: str, old: Any, new: Any) -> list[Said]:
    return [(d.t("changes.other", field=label), None)]


def _ignored(d: Describer, label: str, old: Any, new: Any) -> list[Said]:
    return []


def _scalar(
    words: Callable[[Describer], Callable[[Any], str]], *, bare_old: bool = False
) -> _Field:
    """A single value: set, removed, or changed from one to the other."""

    def field(d: Describer, label: str, old: Any, new: Any) -> list[Said]:
        say = words(d)
        if old is None:
            return [(d.t("changes.set", field=label, new=say(new)), None)]
        if new is None:
            return [(d.t("changes.unset", field=label), None)]
        # "from 12 to 24 months": the unit is said once, after the new value.
        before = str(whole_number(old)) if bare_old else say(old)
        return [(d.t("changes.changed", field=label, old=before, new=say(new)), None)]

    return field


_text = _scalar(lambda d: d.quoted)
_date = _scalar(lambda d: d.day)


def _choice(prefix: str) -> _Field:
    return _scalar(lambda d: d.choice(prefix))


def _quantity(unit: str) -> _Field:
    return _scalar(lambda d: d.quantity(unit), bare_old=True)


_every_weeks = _scalar(lambda d: lambda weeks: d.t.every_weeks(whole_number(weeks)))
_minutes = _scalar(lambda d: lambda minutes: d.t.duration(whole_number(minutes)))


def _markdown(d: Describer, label: str, old: Any, new: Any) -> list[Said]:
    """Long text is not quoted: it was written, rewritten or emptied."""
    old_text, new_text = prose(old), prose(new)
    if old_text == new_text:
        return []
    key = "rewritten" if old_text and new_text else "filled_in" if new_text else "emptied"
    return [(d.t(f"changes.{key}", field=label), None)]


def _topic(d: Describer, label: str, old: Any, new: Any) -> list[Said]:
    return _markdown(d, d.t("changes.section", name=d.quoted(label)), old, new)


def _ids(kind: str) -> _Field:
    """A list of ids of `kind`: which were added, which removed, by name."""

    def field(d: Describer, label: str, old: Any, new: Any) -> list[Said]:
        added, removed = difference(strings(old, strict=True), strings(new, strict=True))
        said: list[Said] = []
        if added:
            said.append((d.t("changes.added", field=label, item=d.names(kind, added)), None))
        if removed:
            said.append((d.t("changes.removed", field=label, item=d.names(kind, removed)), None))
        return said

    return field


def _applies_to(d: Describer, label: str, old: Any, new: Any) -> list[Said]:
    added, removed = difference(strings(old, strict=True), strings(new, strict=True))
    said: list[Said] = []
    if added:
        said.append((d.t("changes.binds_also", names=d.names("role", added)), None))
    if removed:
        said.append((d.t("changes.binds_no_longer", names=d.names("role", removed)), None))
    return said


def _programmes(d: Describer, label: str, old: Any, new: Any) -> list[Said]:
    # No programmes listed means every programme.
    old_ids, new_ids = strings(old, strict=True), strings(new, strict=True)
    if old_ids == new_ids:
        return []
    if not new_ids:
        return [(d.t("changes.binds_every_programme"), None)]
    if not old_ids:
        return [(d.t("changes.binds_only", names=d.names("programme", new_ids)), None)]
    added, removed = difference(old_ids, new_ids)
    said: list[Said] = []
    if added:
        said.append((d.t("changes.binds_also", names=d.names("programme", added)), None))
    if removed:
        said.append((d.t("changes.binds_no_longer", names=d.names("programme", removed)), None))
    return said


def _keyed(key: str, words: Callable[[Describer], Callable[[Any], str]]) -> _Field:
    """A list of mappings known by one of their fields (a material by its title)."""

    def field(d: Describer, label: str, old: Any, new: Any) -> list[Said]:
        old_items, new_items = by_key(old, key), by_key(new, key)
        say = words(d)
        said: list[Said] = []
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


def _items(d: Describer, label: str, old: Any, new: Any, *, boundaries: bool = False) -> list[Said]:
    """Checklist items, or a role's boundaries: text, and maybe the rule it cites. An item
    that moved to or from another file in the same commit is said to have moved."""
    old_items, new_items = checklist(old), checklist(new)
    said: list[Said] = []
    for text, rule in new_items.items():
        if text in d.moves.came_from and text not in old_items:
            where = d.place(*d.moves.came_from[text])
            sentence = d.t("changes.moved_from", field=label, item=d.quoted(text), place=where)
            said.append((sentence, None))
        elif text not in old_items:
            said.append((d.t("changes.added", field=label, item=d.quoted(text)), None))
        elif rule != old_items[text]:
            if rule:
                sentence = d.t(
                    "changes.cites", field=label, item=d.quoted(text), rule=d.name("rule", rule)
                )
            else:
                sentence = d.t("changes.no_longer_cites", field=label, item=d.quoted(text))
            said.append((sentence, None))
    for text in old_items:
        if text in new_items:
            continue
        place = d.moves.went_to.get(text)
        if place is None and boundaries and d.moves.boundaries_to_matrix:
            place = (MATRIX, "")
        if place is None:
            said.append((d.t("changes.removed", field=label, item=d.quoted(text)), None))
        else:
            sentence = d.t(
                "changes.moved_to", field=label, item=d.quoted(text), place=d.place(*place)
            )
            said.append((sentence, None))
    if not said and list(old_items) != list(new_items):
        said.append((d.t("changes.reordered", field=label), None))
    return said


def _does(d: Describer, label: str, old: Any, new: Any) -> list[Said]:
    """A role's checklist, phase by phase in the taxonomy's order."""
    old_phases, new_phases = mapping_of(old, strict=True), mapping_of(new, strict=True)
    known = [phase.id for phase in d.content.taxonomy.phases]
    said: list[Said] = []
    for phase in dict.fromkeys([*known, *new_phases, *old_phases]):
        if old_phases.get(phase) != new_phases.get(phase):
            phase_label = d.t("changes.fields.checklist", phase=d.name("phase", phase))
            said += _items(d, phase_label, old_phases.get(phase), new_phases.get(phase))
    return said


def _fields_of(fields: Mapping[str, tuple[str, _Field]]) -> _Field:
    """A mapping of its own (a programme's meetings): each of its fields in turn."""

    def field(d: Describer, label: str, old: Any, new: Any) -> list[Said]:
        old_fields, new_fields = mapping_of(old, strict=True), mapping_of(new, strict=True)
        return d.fields(fields, old_fields, new_fields)

    return field


# The parameters of a machine check that have a sentence of their own.
_CHECK_PARAMETERS: dict[tuple[str, str], tuple[str, str]] = {
    ("max-duration", "months"): ("changes.fields.duration_months", "months"),
    ("level-gap", "min"): ("changes.fields.min_levels", "levels"),
    ("level-gap", "max"): ("changes.fields.max_levels", "levels"),
    ("different-unit", "depth"): ("changes.fields.unit_depth", "steps"),
}


def _check_words(d: Describer, check: Check) -> str:
    return in_words(check, d.t).rstrip(".")  # inside a sentence of its own


def _check(d: Describer, label: str, old: Any, new: Any) -> list[Said]:
    if new is None:
        return [(d.t("changes.check_removed"), None)]
    new_check = Check.model_validate(new)  # a ValueError makes it "the check changed"
    if old is None:
        return [(d.t("changes.check_added", check=_check_words(d, new_check)), None)]
    old_check = Check.model_validate(old)
    if old_check.name != new_check.name:
        return [(d.t("changes.check_changed", check=_check_words(d, new_check)), None)]
    name = new_check.name
    old_values = old_check.parameters.model_dump()
    new_values = new_check.parameters.model_dump()
    said: list[Said] = []
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


def _activities(d: Describer, label: str, old: Any, new: Any) -> list[Said]:
    """The responsibility matrix: activities, and each role's part in each."""
    old_activities, new_activities = by_key(old, "id"), by_key(new, "id")

    def part(value: Any) -> str:
        key = "none" if value is None else str(value)
        return d.label(f"changes.responsibility.{key}", key)

    def name(activity: dict) -> str:
        return d.quoted(activity.get("name") or activity.get("id"))

    def cells(activity: dict) -> dict[str, Any]:
        return {str(k): v for k, v in mapping_of(activity.get("roles")).items()}

    said: list[Said] = []
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
        added, removed = difference(cited(previous), cited(activity))
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


def _plain(d: Describer) -> Callable[[Any], str]:
    return on_one_line


_number_of = _scalar(lambda d: lambda value: str(whole_number(value)))

# The fields whose changes have sentences of their own, by their place in the file; any
# other field is said by the kind of value it holds (see `_said_by_value`).
_OWN: dict[str, tuple[str | None, _Field]] = {
    "rule.kind": (None, _choice("rule.kinds")),
    "rule.applies_to": (None, _applies_to),
    "rule.programmes": (None, _programmes),
    "rule.check": (None, _check),
    "role.order": (None, _ignored),  # where a role stands among the roles: no rule changed
    "role.does": (None, _does),
    "programme.status": (None, _choice("programme.statuses")),
    "programme.mentor_source": (None, _choice("changes.mentor_sources")),
    "programme.duration_months": (None, _quantity("months")),
    "programme.meetings.every_weeks": (None, _every_weeks),
    "programme.meetings.minutes": (None, _minutes),
    "programme.apply.email": ("changes.fields.apply_email", _text),
    "programme.apply.url": ("changes.fields.apply_url", _text),
    "programme.apply.text": ("changes.fields.apply_text", _text),
    "programme.materials": (None, _keyed("title", lambda d: d.quoted)),
    "programme.support": (None, _keyed("name", _plain)),
    "responsibilities.activities": (None, _activities),
}
# Fields that moved out of the model (see `Role.MOVED`), still in older versions of files.
_MOVED: dict[str, dict[str, tuple[str, _Field]]] = {
    "role": {"does_not": ("changes.fields.does_not", partial(_items, boundaries=True))},
}


@cache
def _table(model: type[BaseModel], where: str) -> Table:
    table: dict[str, tuple[str, _Field]] = dict(_MOVED.get(where, {}))
    for spec in fields_of(model):
        label, said = _OWN.get(f"{where}.{spec.key}", (None, None))
        # A programme's Markdown texts are the sections of its handbook, named as it names them.
        topic = where == "programme" and spec.type == "markdown"
        default = f"programme.topics.{spec.key}" if topic else f"changes.fields.{spec.key}"
        table[spec.key] = (label or default, said or _said_by_value(spec, where, topic))
    return table


def _said_by_value(spec: FieldSpec, where: str, topic: bool) -> _Field:
    if spec.type == "markdown":
        return _topic if topic else _markdown
    if spec.value.kind == "group" and spec.nested is not None:
        return _fields_of(_table(spec.nested, f"{where}.{spec.key}"))
    if spec.type == "id" and spec.value.kind == "list" and spec.ref is not None:
        return _ids(spec.ref)
    if spec.type == "date":
        return _date
    if spec.type == "number":
        return _number_of
    if spec.type in ("text", "email", "url", "id", "choice") and spec.value.kind != "list":
        return _text
    return _other


def _uncapitalised(word: str) -> str:
    # A status or kind in the middle of a sentence: "fra under planlægning til åben".
    return word[:1].lower() + word[1:] if word[1:2].islower() else word
