"""The kinds of value a field can hold, and the marks a field carries besides its type.

Each text type is declared once here: the validator that gives `check` its message, and
the pattern that lets an editor catch the same mistake while HR types (see `TextType`).
A field's help in each language and its roles (may HR keep it out of the staff edition,
is it a planning topic) are given with `described`; `fields` reads all of it.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from mentorsite.i18n.strings import LANGUAGES

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_URL_ADDRESS = r'https?://[^\s<>"\x00-\x1f\x7f]+'
_URL = re.compile(f"^{_URL_ADDRESS}$")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # all but tab and line breaks

# Legal in some addresses, but each means something in a mailto: link (a second recipient,
# a subject) or in the site's HTML: no organisation's address needs them.
_NOT_IN_ADDRESSES = set("?&%#\"'<>()[]\\,;: ")

FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2199, 12, 31)
"""Dates outside these are typing mistakes (9999-12-31); inside, every sum of months works."""


@dataclass(frozen=True)
class TextType:
    """A kind of text: what its validator accepts, said as a pattern for editors.

    `name` is also the key of the sentence that explains a mismatch, in the locale files
    (`in_files.<name>`).
    """

    name: str
    pattern: str


SLUG_TEXT = TextType("slug", SLUG.pattern)
# After stripping: some text, no line break and no control character.
PLAIN_TEXT = TextType(
    "plain",
    r"^\s*[^\s\x00-\x1f\x7f-\x9f](?:[^\n\r\x00-\x08\x0b-\x1f\x7f-\x9f]*"
    r"[^\s\x00-\x1f\x7f-\x9f])?\s*$",
)
# What email-validator accepts, without the characters that mean something in a link.
EMAIL_TEXT = TextType(
    "email",
    r"^[^@\s\"'?&%#<>()\[\]\\,;:]+@(?:[^@\s\"'?&%#<>()\[\]\\,;:!$*+/=^`{|}~._-]"
    r"[^@\s\"'?&%#<>()\[\]\\,;:!$*+/=^`{|}~._]*\.)+[^\W\d_]{2,}$",
)
URL_TEXT = TextType("url", rf"^\s*{_URL_ADDRESS}\s*$")  # the address, after stripping


def _slug(value: str) -> str:
    if not SLUG.match(value):
        raise ValueError("expected an id of lowercase letters a-z, digits and '-'")
    return value


def _plain_text(value: str) -> str:
    value = value.strip()
    if not value:
        raise ValueError("expected text, found nothing")
    if "\n" in value or "\r" in value:
        raise ValueError("expected one line of text; Markdown is not allowed in this field")
    return _no_control_characters(value)


def _no_control_characters(value: str) -> str:
    if _CONTROL.search(value.replace("\t", " ")):
        raise ValueError("a control character (such as \\x07 or \\x1b) is not allowed in text")
    return value


# Python-Markdown's time grows with the square of a block's length (hundreds of headings or
# rules with no blank line between them) and with the number of `[` and `<` times the
# length (each may open a link or a tag, looked for to the end of the text): these bounds
# keep the rendering of any one field under a second or two.
MAX_MARKDOWN_CHARS = 10_000
MAX_MARKDOWN_OPENINGS = 4_000_000  # `[` and `<` together, times the text's length


def _markdown(value: str) -> str:
    if len(value) > MAX_MARKDOWN_CHARS:
        raise ValueError(
            f"expected at most {MAX_MARKDOWN_CHARS:,} characters of Markdown, found "
            f"{len(value):,}; a longer text belongs on a free page (content/pages/)"
        )
    openings = value.count("[") + value.count("<")
    most = MAX_MARKDOWN_OPENINGS // max(len(value), 1)
    if openings > most:
        raise ValueError(
            f"expected at most {most:,} '[' and '<' together in Markdown of {len(value):,} "
            f"characters, found {openings:,}"
        )
    return _no_control_characters(value)


def _email(value: str) -> str:
    """An address as an address: no `?bcc=`, quotes or spaces that a mailto: link would obey.

    email-validator knows RFC 5321's rules; deliverability is not checked (no network).
    """
    from email_validator import EmailNotValidError, validate_email

    unsafe = sorted(set(value) & _NOT_IN_ADDRESSES)
    if unsafe:
        raise ValueError(
            f"expected an e-mail address such as name@example.org, found '{value}': "
            f"{', '.join(repr(char) for char in unsafe)} cannot be part of an address "
            "published as a link"
        )
    try:
        validate_email(value, check_deliverability=False, allow_quoted_local=False)
    except EmailNotValidError as error:
        why = str(error).rstrip(".")
        why = why[:1].lower() + why[1:]
        raise ValueError(
            f"expected an e-mail address such as name@example.org, found '{value}': {why}"
        ) from None
    return value


def _day(value: date) -> date:
    if not FIRST_DAY <= value <= LAST_DAY:
        raise ValueError(
            f"expected a date between {FIRST_DAY.isoformat()} and {LAST_DAY.isoformat()}"
        )
    return value


def _content_path(value: str) -> str:
    if not value.strip():
        raise ValueError("expected a path, found nothing")
    if "\x00" in value or _CONTROL.search(value):
        raise ValueError("a control character is not allowed in a path")
    return value


def _url(value: str) -> str:
    if not _URL.match(value.strip()):
        raise ValueError("expected a web address starting with https:// or http://")
    return value


def add_months(day: date, months: int) -> date:
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


class _MarkdownText:
    """Marks a field whose text is Markdown; every other text field is plain text."""

    def __repr__(self) -> str:
        return "Markdown"


MARKDOWN = _MarkdownText()

Slug = Annotated[str, AfterValidator(_slug), SLUG_TEXT]
PlainText = Annotated[str, AfterValidator(_plain_text), PLAIN_TEXT]
Markdown = Annotated[str, MARKDOWN, AfterValidator(_markdown)]
Email = Annotated[str, AfterValidator(_email), EMAIL_TEXT]
Url = Annotated[str, AfterValidator(_url), URL_TEXT]
Day = Annotated[date, AfterValidator(_day)]
ContentPath = Annotated[str, AfterValidator(_content_path)]


class Ref:
    """Marks a field whose value is the id of something defined elsewhere."""

    def __init__(self, kind: str) -> None:
        self.kind = kind

    def __repr__(self) -> str:
        return f"Ref({self.kind!r})"


UnitId = Annotated[Slug, Ref("unit")]
LocationId = Annotated[Slug, Ref("location")]
LevelId = Annotated[Slug, Ref("level")]
QualificationId = Annotated[Slug, Ref("qualification")]
ModelId = Annotated[Slug, Ref("model")]
LanguageId = Annotated[Slug, Ref("language")]
PhaseId = Annotated[Slug, Ref("phase")]
ProgrammeId = Annotated[Slug, Ref("programme")]
RoleId = Annotated[Slug, Ref("role")]
RuleId = Annotated[Slug, Ref("rule")]
MentorId = Annotated[Slug, Ref("mentor")]
MenteeId = Annotated[Slug, Ref("mentee")]


# -- JSON Schema that a validator's code says ------------------------------------------------
# A validator that asks for one field or another is code that no schema generator can read:
# its model says the same in JSON Schema, beside it, for editors (see `schema`).


def given(name: str) -> dict[str, Any]:
    """JSON Schema: the field has a value."""
    return {"required": [name], "properties": {name: {"not": {"type": "null"}}}}


def exactly_one_of(*names: str) -> dict[str, Any]:
    """JSON Schema: exactly one of these fields has a value (an empty one counts as absent)."""
    return {"oneOf": [given(name) for name in names]}


def exactly_one_property(schema: dict[str, Any]) -> None:
    schema.update(exactly_one_of(*schema["properties"]))


# -- help for people -------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Described:
    """What a field says of itself beyond its type: its help in each language, its roles.

    pydantic hands it a field's JSON Schema, to which it adds nothing: the schemas say the
    help in the organisation's language, and the roles in words.
    """

    help: dict[str, str]
    hr_only_allowed: bool = False  # HR may keep the field out of the staff edition
    planning_topic: bool = False  # a programme may leave it empty while it is planned

    def __call__(self, schema: dict[str, Any]) -> None:
        return None


def described(
    default: Any = PydanticUndefined,
    *,
    en: str,
    da: str,
    hr_only_allowed: bool = False,
    planning_topic: bool = False,
    **kwargs: Any,
) -> Any:
    """A field with its help text in English and Danish, for the schema, `new` and the guide.

    Every language a site can be in needs the help in it: a new one fails here, at once.
    """
    given = {"en": en, "da": da}
    help_ = {language: given[language] for language in LANGUAGES}
    marks = Described(help_, hr_only_allowed, planning_topic)
    return Field(default, description=en, json_schema_extra=marks, **kwargs)


def marks_of(info: FieldInfo) -> Described:
    """What a field declares besides its type; nothing for a field not made by `described`."""
    extra = info.json_schema_extra
    return extra if isinstance(extra, Described) else Described({"en": info.description or ""})


def help_text(info: FieldInfo, language: str) -> str:
    """A field's help text in `language` (da or en)."""
    help_ = marks_of(info).help
    return help_.get(language) or help_.get("en", "")


# -- the base of every model -----------------------------------------------------------------


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    @classmethod
    def markdown_fields(cls) -> list[str]:
        """The fields whose text is Markdown, by name."""
        from mentorsite.model.fields import fields_of  # which reads the types of this module

        return [spec.name for spec in fields_of(cls) if spec.type == "markdown"]
