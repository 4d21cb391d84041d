"""What the content is: typed models of the organisation, its vocabularies and its content files.

Each field is declared once here, with its type, help text and role: whether it
refers to an id of another kind (`Ref`), whether it is a planning topic of a
programme, whether HR may keep it out of the staff edition. Validation, the
reference checks, warnings and the pages are all derived from these declarations.
"""

from __future__ import annotations

import calendar
import re
import types
from datetime import date
from typing import Annotated, Any, ClassVar, Literal, Union, get_args, get_origin

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_URL = re.compile(r"^https?://[^\s<>\"\x00-\x1f\x7f]+$")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # all but tab and line breaks

# Legal in some addresses, but each means something in a mailto: link (a second recipient,
# a subject) or in the site's HTML: no organisation's address needs them.
_NOT_IN_ADDRESSES = set("?&%#\"'<>()[]\\,;: ")

FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2199, 12, 31)
"""Dates outside these are typing mistakes (9999-12-31); inside, every sum of months works."""


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


def _item_from_text(value: Any) -> Any:
    return {"text": value} if isinstance(value, str) else value


# A validator that asks for one field or another is code that no schema generator can read:
# its model says the same in JSON Schema, beside it, for editors (see `schema`).


def _given(name: str) -> dict[str, Any]:
    return {"required": [name], "properties": {name: {"not": {"type": "null"}}}}


def exactly_one_of(*names: str) -> dict[str, Any]:
    """JSON Schema: exactly one of these fields has a value (an empty one counts as absent)."""
    return {"oneOf": [_given(name) for name in names]}


def _exactly_one_property(schema: dict[str, Any]) -> None:
    schema.update(exactly_one_of(*schema["properties"]))


Slug = Annotated[str, AfterValidator(_slug)]
PlainText = Annotated[str, AfterValidator(_plain_text)]


class _MarkdownText:
    """Marks a field whose text is Markdown; every other text field is plain text."""

    def __repr__(self) -> str:
        return "Markdown"


MARKDOWN = _MarkdownText()
Markdown = Annotated[str, MARKDOWN, AfterValidator(_no_control_characters)]
Email = Annotated[str, AfterValidator(_email)]
Url = Annotated[str, AfterValidator(_url)]
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


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    @classmethod
    def markdown_fields(cls) -> list[str]:
        return [
            name
            for name, info in cls.model_fields.items()
            if MARKDOWN in info.metadata or MARKDOWN in _metadata_of(info.annotation)
        ]


def _metadata_of(annotation: Any) -> list[Any]:
    """The Annotated metadata of a type and of its arguments: inside `X | None`, `list[X]`."""
    found = []
    for part in (annotation, *get_args(annotation)):
        if get_origin(part) is Annotated:
            found.extend(get_args(part)[1:])
    return found


def unwrap(annotation: Any) -> tuple[Any, list[Any]]:
    """A field's type without Annotated and `| None`, and the marks met on the way (Ref...).

    Whoever reads the models (validation, schemas, new files, the guide) starts here.
    """
    marks: list[Any] = []
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation, *more = get_args(annotation)
            marks.extend(more)
        elif origin in (Union, types.UnionType):
            annotation = next(a for a in get_args(annotation) if a is not type(None))
        else:
            return annotation, marks


def bare_type(annotation: Any) -> Any:
    return unwrap(annotation)[0]


# -- help for people -----------------------------------------------------------------------


def described(default: Any = PydanticUndefined, *, en: str, da: str, **kwargs: Any) -> Any:
    """A field with its help text in English and Danish, for the schema, `new` and the guide.

    Other marks of the field (`hr_only_allowed`, `planning_topic`) go in `extra`.
    """
    extra = {"help_da": da, **kwargs.pop("extra", {})}
    return Field(default, description=en, json_schema_extra=extra, **kwargs)


def help_text(info: FieldInfo, language: str) -> str:
    """A field's help text in `language` (da or en)."""
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    if language != "en" and isinstance(extra.get(f"help_{language}"), str):
        return str(extra[f"help_{language}"])
    return info.description or ""


def field_ref(info: FieldInfo) -> str | None:
    """The kind of id a field names (in a list, its items; in a mapping, its keys), if any.

    So that a message or a new file can say which ids there are to choose from.
    """
    for meta in (*info.metadata, *_metadata_of(info.annotation)):
        if isinstance(meta, Ref):
            return meta.kind
    return None


# -- config/organisation.yml ---------------------------------------------------------------


class Contact(Model):
    name: PlainText = described(en="Full name.", da="Fulde navn.")
    email: Email = described(en="E-mail address.", da="E-mailadresse.")
    phone: PlainText | None = described(None, en="Phone number, as written.", da="Telefonnummer.")
    role: PlainText | None = described(
        None, en="What the person helps with.", da="Hvad personen kan hjælpe med."
    )


class Interest(Model):
    """Where an employee expresses interest in a mentor: an e-mail address or a form."""

    model_config = ConfigDict(json_schema_extra=exactly_one_of("email", "url"))

    email: Email | None = described(
        None,
        en="The address that gets the e-mail when an employee is interested in a mentor.",
        da="Adressen, der får en e-mail, når en medarbejder er interesseret i en mentor.",
    )
    url: Url | None = described(
        None,
        en="Or a form that employees fill in instead.",
        da="Eller en formular, som medarbejderne udfylder i stedet.",
    )

    @model_validator(mode="after")
    def _one_way(self) -> Interest:
        if (self.email is None) == (self.url is None):
            raise ValueError("give either 'email' or 'url'")
        return self


class Organisation(Model):
    name: PlainText = described(en="The organisation's name.", da="Organisationens navn.")
    language: Literal["da", "en"] = described(
        "da", en="Language of the site: da or en.", da="Sitets sprog: da eller en."
    )
    coordinator: Contact = described(
        en="The programme coordinator, whom employees contact.",
        da="Programkoordinatoren, som medarbejderne kontakter.",
    )
    interest: Interest = described(
        en="Where an employee says they are interested in a mentor: email or url.",
        da="Hvor en medarbejder melder sin interesse for en mentor: email eller url.",
    )
    profile_review_months: int = described(
        12,
        ge=1,
        le=120,
        en="A mentor profile not confirmed for this many months is stale.",
        da="En mentorprofil, der ikke er bekræftet i så mange måneder, er forældet.",
    )
    hr_only: list[str] = described(
        default_factory=list,
        en="Mentor fields left out of the staff edition (location, level, email, phone, reviewed).",
        da="Mentorfelter, der kun står i HR-udgaven (location, level, email, phone, reviewed).",
    )


# -- config/taxonomy.yml -------------------------------------------------------------------


class Term(Model):
    id: Slug = described(
        en="The id that files refer to: a-z, 0-9 and '-'.",
        da="Det id, som filerne henviser til: a-z, 0-9 og '-'.",
    )
    name: PlainText = described(en="The name people read.", da="Navnet, som folk læser.")


class DescribedTerm(Term):
    description: PlainText | None = described(
        None, en="One sentence on what it means.", da="Én sætning om, hvad det betyder."
    )


class Unit(Term):
    parent: UnitId | None = described(
        None, en="The unit this one is part of.", da="Den enhed, som denne er en del af."
    )


class Level(Term):
    rank: int = described(
        ge=1,
        le=100,
        en="Place in the hierarchy: 1 is the top.",
        da="Placering i hierarkiet: 1 er øverst.",
    )


class Taxonomy(Model):
    units: list[Unit] = described(
        min_length=1, en="Organisational units, a tree.", da="Organisationens enheder, et træ."
    )
    locations: list[Term] = described(min_length=1, en="Places of work.", da="Arbejdssteder.")
    levels: list[Level] = described(
        min_length=1, en="Levels of the hierarchy.", da="Niveauerne i hierarkiet."
    )
    qualifications: list[DescribedTerm] = described(
        min_length=1, en="What mentors can offer.", da="Hvad mentorer kan tilbyde."
    )
    models: list[DescribedTerm] = described(
        min_length=1, en="Mentoring models.", da="Mentorformer."
    )
    languages: list[Term] = described(
        min_length=1, en="Languages one can be mentored in.", da="Sprog, man kan få mentoring på."
    )
    phases: list[Term] = described(
        min_length=1,
        en="The phases that checklists are grouped by.",
        da="De faser, som tjeklisterne er delt op i.",
    )

    # Which list holds the ids of each kind of reference.
    KINDS: ClassVar[dict[str, str]] = {
        "unit": "units",
        "location": "locations",
        "level": "levels",
        "qualification": "qualifications",
        "model": "models",
        "language": "languages",
        "phase": "phases",
    }


# -- content/mentors/<id>.yml --------------------------------------------------------------


def _may_be_hr_only(default: Any = PydanticUndefined, **kwargs: Any) -> Any:
    return described(default, extra={"hr_only_allowed": True}, **kwargs)


class Mentor(Model):
    name: PlainText = described(en="The mentor's full name.", da="Mentorens fulde navn.")
    title: PlainText = described(en="Job title.", da="Stillingsbetegnelse.")
    unit: UnitId = described(
        en="The unit the mentor works in (an id of units in config/taxonomy.yml).",
        da="Den enhed, mentoren arbejder i (et id fra units i config/taxonomy.yml).",
    )
    location: LocationId = _may_be_hr_only(
        en="Where the mentor works.", da="Hvor mentoren arbejder."
    )
    level: LevelId = _may_be_hr_only(
        en="The mentor's level in the hierarchy.", da="Mentorens niveau i hierarkiet."
    )
    languages: list[LanguageId] = described(
        min_length=1,
        en="Languages the mentor can mentor in.",
        da="Sprog, mentoren kan være mentor på.",
    )
    qualifications: list[QualificationId] = described(
        min_length=1, en="What the mentor can offer.", da="Hvad mentoren kan tilbyde."
    )
    models: list[ModelId] = described(
        min_length=1,
        en="Mentoring models the mentor offers.",
        da="De mentorformer, mentoren tilbyder.",
    )
    programmes: list[ProgrammeId] = described(
        default_factory=list,
        en="Programmes the mentor takes part in.",
        da="Programmer, mentoren deltager i.",
    )
    capacity: int = described(
        ge=0,
        le=100,
        en="Mentees the mentor takes at a time.",
        da="Antal mentees, mentoren kan have ad gangen.",
    )
    mentees: int = described(
        0, ge=0, le=100, en="Mentees the mentor has now.", da="Antal mentees, mentoren har nu."
    )
    available_from: Day | None = described(
        None,
        en="Not available before this date (YYYY-MM-DD).",
        da="Ikke ledig før denne dato (ÅÅÅÅ-MM-DD).",
    )
    photo: ContentPath | None = described(
        None,
        en="A photo (JPEG or PNG), relative to this file.",
        da="Et foto (JPEG eller PNG), angivet i forhold til denne fil.",
    )
    email: Email | None = _may_be_hr_only(None, en="E-mail address.", da="E-mailadresse.")
    phone: PlainText | None = _may_be_hr_only(None, en="Phone number.", da="Telefonnummer.")
    reviewed: Day = _may_be_hr_only(
        en="When the mentor last confirmed the profile (YYYY-MM-DD).",
        da="Hvornår mentoren sidst bekræftede profilen (ÅÅÅÅ-MM-DD).",
    )
    bio: Markdown = described(
        "",
        en="The mentor's own presentation, in Markdown.",
        da="Mentorens egen præsentation, i Markdown.",
    )

    def is_stale(self, review_months: int, today: date) -> bool:
        """Whether the profile was last confirmed more than `review_months` ago."""
        return today > add_months(self.reviewed, review_months)

    def is_available(self, today: date) -> bool:
        return self.available_from is None or self.available_from <= today

    def free_places(self, today: date) -> int:
        """Places a mentee could take now: none before `available_from`."""
        return max(self.capacity - self.mentees, 0) if self.is_available(today) else 0

    @classmethod
    def hr_only_allowed(cls) -> list[str]:
        return [
            name
            for name, info in cls.model_fields.items()
            if isinstance(info.json_schema_extra, dict)
            and info.json_schema_extra.get("hr_only_allowed")
        ]


# -- content/programmes/<id>.yml -----------------------------------------------------------


def _topic(**kwargs: Any) -> Any:
    """A planning topic: may be left empty while planning, and is then reported."""
    return described(None, extra={"planning_topic": True}, **kwargs)


class Material(Model):
    model_config = ConfigDict(json_schema_extra=exactly_one_of("url", "file"))

    title: PlainText = described(en="The title people see.", da="Titlen, folk ser.")
    url: Url | None = described(None, en="A web address.", da="En webadresse.")
    file: ContentPath | None = described(
        None,
        en="Or a file under content/, relative to this file.",
        da="Eller en fil under content/, angivet i forhold til denne fil.",
    )

    @model_validator(mode="after")
    def _one_source(self) -> Material:
        if (self.url is None) == (self.file is None):
            raise ValueError("give either 'url' or 'file'")
        return self


class Meetings(Model):
    every_weeks: int = described(
        ge=1, le=52, en="Pairs meet every this many weeks.", da="Parrene mødes hver så mange uger."
    )
    minutes: int = described(
        ge=5, le=480, en="Length of a meeting, in minutes.", da="Et mødes længde i minutter."
    )
    format: PlainText | None = described(
        None, en="Where and how pairs meet.", da="Hvor og hvordan parrene mødes."
    )


class Apply(Model):
    model_config = ConfigDict(
        json_schema_extra={"not": {"allOf": [_given("email"), _given("url")]}}
    )

    deadline: Day | None = described(None, en="Last day to apply.", da="Sidste ansøgningsdag.")
    email: Email | None = described(
        None, en="Where applications go by e-mail.", da="Hvor ansøgninger sendes hen på e-mail."
    )
    url: Url | None = described(
        None, en="Or the form to apply with.", da="Eller formularen, man søger med."
    )
    text: PlainText | None = described(
        None, en="One sentence on how to apply.", da="Én sætning om, hvordan man søger."
    )

    @model_validator(mode="after")
    def _one_way(self) -> Apply:
        if self.email is not None and self.url is not None:
            raise ValueError("give either 'email' or 'url', not both")
        return self


class Programme(Model):
    name: PlainText = described(en="The programme's name.", da="Programmets navn.")
    summary: PlainText = described(
        en="One sentence on what the programme is.", da="Én sætning om, hvad programmet er."
    )
    status: Literal["planning", "open", "running", "closed"] = described(
        en="planning, open (for applications), running or closed.",
        da="planning (under planlægning), open (åben for ansøgninger), running (i gang) "
        "eller closed (afsluttet).",
    )
    models: list[ModelId] = described(
        min_length=1, en="The mentoring models it uses.", da="De mentorformer, programmet bruger."
    )
    goal: Markdown | None = _topic(en="Goal and deadline.", da="Formål, mål og frist.")
    target_group: Markdown | None = _topic(
        en="Who the programme is for.", da="Hvem programmet er for."
    )
    size: Markdown | None = _topic(en="How many, and who.", da="Hvor mange, og hvem.")
    selection: Markdown | None = _topic(
        en="How mentees are nominated and chosen.", da="Hvordan mentees indstilles og udvælges."
    )
    matching: Markdown | None = _topic(
        en="How mentors and mentees are matched.", da="Hvordan mentor og mentee bliver matchet."
    )
    mentor_source: Literal["internal", "external", "mixed"] | None = _topic(
        en="Where mentors come from: internal, external or mixed.",
        da="Hvor mentorerne kommer fra: internal (internt), external (udefra) eller mixed.",
    )
    structure: Markdown | None = _topic(
        en="Structure and rules of play.", da="Struktur og spilleregler."
    )
    agreement: Markdown | None = _topic(
        en="The agreement between mentor and mentee.", da="Aftalen mellem mentor og mentee."
    )
    top_management: Markdown | None = _topic(
        en="The role of top management.", da="Topledelsens rolle."
    )
    training: Markdown | None = _topic(
        en="Introduction and training.", da="Introduktion og træning."
    )
    duration_months: int | None = _topic(
        ge=1,
        le=120,
        en="How long a relationship lasts, in months.",
        da="Forløbets længde i måneder.",
    )
    meetings: Meetings | None = _topic(
        en="How often and how long pairs meet.", da="Hvor tit og hvor længe parrene mødes."
    )
    start: Day | None = _topic(en="When the programme starts.", da="Hvornår programmet starter.")
    materials: list[Material] | None = _topic(
        en="Materials: each a title and a url or a file.",
        da="Materialer: hver med en titel og en url eller en fil.",
    )
    evaluation: Markdown | None = _topic(
        en="Ongoing and final evaluation.", da="Løbende evaluering og slutevaluering."
    )
    support: list[Contact] | None = _topic(
        en="Support contacts.", da="Kontaktpersoner, der kan hjælpe."
    )
    apply: Apply | None = _topic(en="How and by when to apply.", da="Hvordan og hvornår man søger.")
    networks: Markdown | None = described(
        None,
        en="How mentees and mentors meet their peers.",
        da="Hvordan mentees og mentorer mødes med andre i samme rolle.",
    )

    @classmethod
    def planning_topics(cls) -> list[str]:
        return [
            name
            for name, info in cls.model_fields.items()
            if isinstance(info.json_schema_extra, dict)
            and info.json_schema_extra.get("planning_topic")
        ]

    def empty_topics(self) -> list[str]:
        return [name for name in self.planning_topics() if getattr(self, name) in (None, "", [])]


# -- content/rules/<id>.yml ----------------------------------------------------------------


class DifferentUnit(Model):
    depth: int = described(
        1,
        ge=0,
        le=100,
        en="Units this many steps up or down the tree count as the same unit.",
        da="Enheder så mange trin op eller ned i træet tæller som samme enhed.",
    )


class LevelGap(Model):
    min: int = described(
        1,
        ge=0,
        le=100,
        en="Fewest levels the mentor ranks above the mentee.",
        da="Det mindste antal niveauer, mentor er over mentee.",
    )
    max: int = described(
        2,
        ge=0,
        le=100,
        en="Most levels the mentor ranks above the mentee.",
        da="Det største antal niveauer, mentor er over mentee.",
    )

    @model_validator(mode="after")
    def _ordered(self) -> LevelGap:
        if self.min > self.max:
            raise ValueError(f"min ({self.min}) is more than max ({self.max})")
        return self


class MaxDuration(Model):
    months: int | None = described(
        None,
        ge=1,
        le=240,
        en="At most this many months; default: the programme's duration.",
        da="Højst så mange måneder; uden tal: programmets varighed.",
    )


class NoParameters(Model):
    pass


class Check(Model):
    """A machine-checkable form of a rule: exactly one of these."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        populate_by_name=False,
        json_schema_extra=_exactly_one_property,
    )

    different_unit: DifferentUnit | None = described(
        None,
        alias="different-unit",
        en="Mentor and mentee are not in the same unit, nor close in the unit tree.",
        da="Mentor og mentee er ikke i samme enhed, og heller ikke tæt på hinanden i træet.",
    )
    level_gap: LevelGap | None = described(
        None,
        alias="level-gap",
        en="The mentor ranks min to max levels above the mentee.",
        da="Mentor er mellem min og max niveauer over mentee.",
    )
    different_location: NoParameters | None = described(
        None,
        alias="different-location",
        en="They do not work at the same location.",
        da="De har ikke samme arbejdssted.",
    )
    max_duration: MaxDuration | None = described(
        None,
        alias="max-duration",
        en="The pair runs no longer than months.",
        da="Parret varer ikke længere end months måneder.",
    )
    capacity: NoParameters | None = described(
        None,
        alias="capacity",
        en="The mentor has no more mentees than capacity.",
        da="Mentoren har ikke flere mentees end sin capacity.",
    )
    model_offered: NoParameters | None = described(
        None,
        alias="model-offered",
        en="The pair's model is one the mentor offers.",
        da="Parrets mentorform er en, mentoren tilbyder.",
    )
    shared_language: NoParameters | None = described(
        None,
        alias="shared-language",
        en="They share a language.",
        da="De har et fælles sprog.",
    )

    @model_validator(mode="after")
    def _exactly_one(self) -> Check:
        given = [name for name in type(self).model_fields if getattr(self, name) is not None]
        if len(given) != 1:
            names = ", ".join(f.alias or n for n, f in type(self).model_fields.items())
            raise ValueError(f"expected exactly one check of: {names}")
        return self

    @property
    def name(self) -> str:
        for name, info in type(self).model_fields.items():
            if getattr(self, name) is not None:
                return info.alias or name
        raise AssertionError("validated to hold one check")


class Rule(Model):
    title: PlainText = described(en="The rule in one sentence.", da="Reglen i én sætning.")
    kind: Literal["matching", "confidentiality", "boundary", "duration", "general"] = described(
        en="What the rule is about: matching, confidentiality, boundary, duration or general.",
        da="Hvad reglen handler om: matching (match), confidentiality (fortrolighed), "
        "boundary (rollegrænser), duration (varighed) eller general (generelt).",
    )
    applies_to: list[RoleId] = described(
        min_length=1, en="The roles the rule binds.", da="De roller, reglen gælder for."
    )
    programmes: list[ProgrammeId] = described(
        default_factory=list,
        en="The programmes it binds; empty means every programme.",
        da="De programmer, reglen gælder for; tom betyder alle programmer.",
    )
    effective: Day = described(
        en="The day the rule takes effect (YYYY-MM-DD).",
        da="Dagen, reglen træder i kraft (ÅÅÅÅ-MM-DD).",
    )
    text: Markdown = described(en="The rule in full, in Markdown.", da="Hele reglen, i Markdown.")
    check: Check | None = described(
        None,
        en="Optional: a form of the rule that mentorsite checks pairs against; give one.",
        da="Valgfri: en form af reglen, som mentorsite kontrollerer parrene efter; angiv én.",
    )


# -- content/roles/<id>.yml ----------------------------------------------------------------

RESPONSIBILITIES_FILE = "responsibilities.yml"  # in content/: the responsibility matrix


class Item(Model):
    """One line of a role's checklist, optionally citing a rule."""

    text: PlainText = described(
        en="What to do, in one sentence.", da="Hvad man skal gøre, i én sætning."
    )
    rule: RuleId | None = described(
        None, en="The rule it follows from.", da="Den regel, punktet bygger på."
    )


ItemOrText = Annotated[
    Item, BeforeValidator(_item_from_text, json_schema_input_type=PlainText | Item)
]


class Role(Model):
    name: PlainText = described(en="The role's name.", da="Rollens navn.")
    summary: PlainText = described(en="One sentence on the role.", da="Én sætning om rollen.")
    order: int = described(
        100,
        ge=-10_000,
        le=10_000,
        en="Where the role stands among the roles; lowest first.",
        da="Rollens plads blandt rollerne; laveste først.",
    )
    description: Markdown = described(
        "", en="The role in full, in Markdown.", da="Rollen beskrevet, i Markdown."
    )
    does: dict[PhaseId, list[ItemOrText]] = described(
        default_factory=dict,
        en="The role's checklist, by phase id: a sentence, or text and rule.",
        da="Rollens tjekliste, fase for fase: en sætning, eller text og rule.",
    )

    # Fields that moved elsewhere, with where to, for those who still write them.
    MOVED: ClassVar[dict[str, str]] = {
        "does_not": "a role's boundaries are the activities marked 'never' for it in "
        f"content/{RESPONSIBILITIES_FILE}; move each line there",
    }


# -- content/responsibilities.yml ----------------------------------------------------------

# A role's part in an activity. "never" is a boundary: what the role does not do.
Responsibility = Literal["owns", "takes-part", "informed", "never"]
RESPONSIBILITIES: tuple[str, ...] = get_args(Responsibility)


class Activity(Model):
    """One row of the responsibility matrix: something done in a programme, and who does it."""

    id: Slug = described(
        en="The activity's id: a-z, 0-9 and '-'.", da="Aktivitetens id: a-z, 0-9 og '-'."
    )
    name: PlainText = described(
        en="What is done, in a few words.", da="Hvad der gøres, med få ord."
    )
    rules: list[RuleId] = described(
        default_factory=list, en="The rules it rests on.", da="De regler, aktiviteten bygger på."
    )
    roles: dict[RoleId, Responsibility] = described(
        min_length=1,
        en="Each role's part: owns, takes-part, informed, or never (the role's "
        "boundary). A role left out has no part in it.",
        da="Hver rolles del: owns (har ansvaret), takes-part (deltager), informed "
        "(orienteres) eller never (aldrig: rollens grænse). En rolle, der ikke er nævnt, "
        "har ingen del i det.",
    )


class Responsibilities(Model):
    """Who does what: the one source of the roles overview and of every role's boundaries."""

    activities: list[Activity] = described(
        min_length=1,
        en="Who does what, an activity at a time.",
        da="Hvem gør hvad, en aktivitet ad gangen.",
    )


# -- a private pairs file (kept outside content/, never published) ---------------------------

MentorId = Annotated[Slug, Ref("mentor")]
MenteeId = Annotated[Slug, Ref("mentee")]


class Wishes(Model):
    qualifications: list[QualificationId] = described(
        default_factory=list,
        en="What the mentee hopes a mentor can offer.",
        da="Hvad mentee håber, en mentor kan tilbyde.",
    )
    models: list[ModelId] = described(
        default_factory=list, en="Mentoring models the mentee wishes.", da="Ønskede mentorformer."
    )
    programme: ProgrammeId | None = described(
        None, en="The programme the mentee applied to.", da="Det program, mentee har søgt."
    )


class Mentee(Model):
    name: PlainText = described(en="The mentee's full name.", da="Mentees fulde navn.")
    unit: UnitId = described(en="The mentee's unit.", da="Mentees enhed.")
    level: LevelId = described(en="The mentee's level.", da="Mentees niveau.")
    location: LocationId = described(en="Where the mentee works.", da="Hvor mentee arbejder.")
    languages: list[LanguageId] = described(
        min_length=1, en="Languages the mentee speaks.", da="Sprog, mentee taler."
    )
    wishes: Wishes = described(
        default_factory=Wishes, en="What the mentee wishes.", da="Hvad mentee ønsker."
    )


class Pair(Model):
    mentor: MentorId = described(en="The mentor's id.", da="Mentorens id.")
    mentee: MenteeId = described(en="The mentee's id in this file.", da="Mentees id i denne fil.")
    programme: ProgrammeId = described(en="The programme.", da="Programmet.")
    model: ModelId = described(
        en="The mentoring model the pair follows.", da="Den mentorform, parret følger."
    )
    started: Day = described(en="When the pair started.", da="Hvornår parret startede.")
    ended: Day | None = described(None, en="When it ended.", da="Hvornår det sluttede.")

    @model_validator(mode="after")
    def _in_order(self) -> Pair:
        if self.ended is not None and self.ended < self.started:
            raise ValueError(f"ended ({self.ended}) is before started ({self.started})")
        return self

    def active_on(self, day: date) -> bool:
        return self.started <= day and (self.ended is None or self.ended > day)


class PairsFile(Model):
    """Mentees and the pairs they are in: personal data, for HR's eyes only."""

    mentees: dict[Slug, Mentee] = described(
        default_factory=dict, en="The mentees, by id.", da="Mentees, efter id."
    )
    pairs: list[Pair] = described(
        default_factory=list, en="Mentor–mentee pairs.", da="Par af mentor og mentee."
    )

    def waiting(self, today: date) -> list[str]:
        """The mentees who have no active pair on `today`, by id."""
        taken = {pair.mentee for pair in self.pairs if pair.active_on(today)}
        return sorted(mentee for mentee in self.mentees if mentee not in taken)


# The catalogue's pages of each facet, /mentors/<folder>/<id>/, stand beside the
# profiles, /mentors/<id>/: these folder names cannot be mentor ids.
FACET_FOLDERS = {
    "qualification": "qualifications",
    "model": "models",
    "unit": "units",
    "location": "locations",
    "language": "languages",
}

# The content kinds: folder under content/, and the model of each file in it.
CONTENT_KINDS: dict[str, tuple[str, type[Model]]] = {
    "programme": ("programmes", Programme),
    "mentor": ("mentors", Mentor),
    "rule": ("rules", Rule),
    "role": ("roles", Role),
}
