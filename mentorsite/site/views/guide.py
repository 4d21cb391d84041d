"""HR's guide, in the HR edition only: how to add a mentor, change a rule, check and
publish; and every field of every kind of file, read off the models."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from mentorsite.model.reference import FILES, FieldDoc, field_reference
from mentorsite.site.page import NO_ITEM, Page

if TYPE_CHECKING:
    from mentorsite.i18n.strings import Strings
    from mentorsite.site.index import SiteIndex


@dataclass(frozen=True)
class FieldView:
    """A field of a kind of file, as HR's guide explains it."""

    name: str
    depth: int
    required: bool
    value: str  # the values it takes, in words
    help: str


@dataclass(frozen=True)
class FileReference:
    kind: str
    title: str
    where: str
    note: str | None  # e.g. that the pairs file is private
    fields: list[FieldView]


def pages(index: SiteIndex) -> list[Page]:
    """The guide and its field reference: HR's, so only in the HR edition. Staff have no use
    for an editor, YAML, commands or the private pairs file."""
    if index.edition != "hr":
        return []
    routes, t = index.routes, index.t
    language = index.content.organisation.language
    files = [
        FileReference(
            kind,
            t(f"reference.files.{kind}"),
            where,
            t("reference.private") if kind == "pairs" else None,
            [field_view(t, doc) for doc in field_reference(model, language)],
        )
        for kind, where, model in FILES
    ]
    fields = routes.page("fields")
    guide = {
        "review_months": index.content.organisation.profile_review_months,
        "fields_url": fields.url,
    }
    return [
        Page(routes.page("guide"), "guide.html.j2", t("guide.title"), guide, depends_on=NO_ITEM),
        Page(
            fields,
            "fields.html.j2",
            t("guide.fields_title"),
            {"files": files},
            depends_on=NO_ITEM,
        ),
    ]


def field_view(t: Strings, doc: FieldDoc) -> FieldView:
    if doc.type == "id":
        value = t("reference.id", what=t(f"reference.refs.{doc.ref}"))
    elif doc.choices:
        value = t("reference.types.choice", choices=", ".join(doc.choices))
    else:
        value = t(f"reference.types.{'group' if doc.type == 'mapping' else doc.type}")
    if doc.many:
        value = t("reference.list", what=value)
    if doc.type == "mapping":
        keys = t(f"reference.refs.{doc.ref}") if doc.ref else t("reference.new_id")
        value = t("reference.mapping", keys=keys, entries=value)
    return FieldView(doc.name, doc.depth, doc.required, value, doc.help)
