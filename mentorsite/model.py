"""What the content is: typed models of the organisation, its vocabularies and its content files.

Each field is declared once here, with its type, help text and role: whether it
refers to an id of another kind (`Ref`), whether it is a planning topic of a
programme, whether HR may keep it out of the staff edition. Validation, the
reference checks, warnings and the pages are all derived from these declarations.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Annotated, Any, ClassVar, Literal, get_args, get_origin

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_URL = re.compile(r"^https?://[^\s<>\"]+$")


def _slug(value: str) -> str:
    if not SLUG.match(value):
        raise ValueError("expected an id of lowercase letters a-z, digits and '-'")
    return value


def _plain_text(value: str) -> str:
    value = value.strip()
    if not value:
        raise ValueError("expected text, found nothing")
    if "\n" in value:
        raise ValueError("expected one line of text; Markdown is not allowed in this field")
    return value


def _email(value: str) -> str:
    if not _EMAIL.match(value):
        raise ValueError("expected an e-mail address such as name@example.org")
    return value


def _url(value: str) -> str:
    if not _URL.match(value):
        raise ValueError("expected a web address starting with https:// or http://")
    return value


def add_months(day: date, months: int) -> date:
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _item_from_text(value: Any) -> Any:
    return {"text": value} if isinstance(value, str) else value


Slug = Annotated[str, AfterValidator(_slug)]
PlainText = Annotated[str, AfterValidator(_plain_text)]


class _MarkdownText:
    """Marks a field whose text is Markdown; every other text field is plain text."""

    def __repr__(self) -> str:
        return "Markdown"


MARKDOWN = _MarkdownText()
Markdown = Annotated[str, MARKDOWN]
Email = Annotated[str, AfterValidator(_email)]
Url = Annotated[str, AfterValidator(_url)]


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
    """The Annotated metadata of a type, also inside `X | None`."""
    found = []
    for part in (annotation, *get_args(annotation)):
        if get_origin(part) is Annotated:
            found.extend(get_args(part)[1:])
    return found


# -- config/organisation.yml ---------------------------------------------------------------


class Contact(Model):
    name: PlainText
    email: Email
    phone: PlainText | None = None
    role: PlainText | None = Field(None, description="What the person helps with.")


class Interest(Model):
    """Where an employee expresses interest in a mentor: an e-mail address or a form."""

    email: Email | None = None
    url: Url | None = None

    @model_validator(mode="after")
    def _one_way(self) -> Interest:
        if (self.email is None) == (self.url is None):
            raise ValueError("give either 'email' or 'url'")
        return self


class Organisation(Model):
    name: PlainText
    language: Literal["da", "en"] = Field("da", description="UI language of the site.")
    coordinator: Contact
    interest: Interest
    profile_review_months: int = Field(
        12, ge=1, description="A mentor profile not reviewed for this many months is stale."
    )
    hr_only: list[str] = Field(
        default_factory=list, description="Mentor fields left out of the staff edition."
    )


# -- config/taxonomy.yml -------------------------------------------------------------------


class Term(Model):
    id: Slug
    name: PlainText


class DescribedTerm(Term):
    description: PlainText | None = None


class Unit(Term):
    parent: UnitId | None = Field(None, description="The unit this one is part of.")


class Level(Term):
    rank: int = Field(ge=1, description="1 is the top of the hierarchy.")


class Taxonomy(Model):
    units: list[Unit] = Field(min_length=1)
    locations: list[Term] = Field(min_length=1)
    levels: list[Level] = Field(min_length=1)
    qualifications: list[DescribedTerm] = Field(min_length=1)
    models: list[DescribedTerm] = Field(min_length=1)
    languages: list[Term] = Field(min_length=1)
    phases: list[Term] = Field(min_length=1)

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


def _may_be_hr_only(**kwargs: Any) -> Any:
    return Field(json_schema_extra={"hr_only_allowed": True}, **kwargs)


class Mentor(Model):
    name: PlainText
    title: PlainText = Field(description="Job title.")
    unit: UnitId
    location: LocationId = _may_be_hr_only()
    level: LevelId = _may_be_hr_only()
    languages: list[LanguageId] = Field(min_length=1)
    qualifications: list[QualificationId] = Field(
        min_length=1, description="What the mentor can offer."
    )
    models: list[ModelId] = Field(min_length=1, description="Mentoring models the mentor offers.")
    programmes: list[ProgrammeId] = Field(default_factory=list)
    capacity: int = Field(ge=0, description="Mentees at a time.")
    mentees: int = Field(0, ge=0, description="Current mentees.")
    available_from: date | None = Field(None, description="Not available before this date.")
    photo: str | None = Field(None, description="A photo, relative to this file.")
    email: Email | None = _may_be_hr_only(default=None)
    phone: PlainText | None = _may_be_hr_only(default=None)
    reviewed: date = _may_be_hr_only(description="When the mentor last confirmed the profile.")
    bio: Markdown = ""

    def is_stale(self, review_months: int, today: date) -> bool:
        """Whether the profile was last confirmed more than `review_months` ago."""
        return today > add_months(self.reviewed, review_months)

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
    return Field(None, json_schema_extra={"planning_topic": True}, **kwargs)


class Material(Model):
    title: PlainText
    url: Url | None = None
    file: str | None = Field(None, description="A file under content/, relative to this file.")

    @model_validator(mode="after")
    def _one_source(self) -> Material:
        if (self.url is None) == (self.file is None):
            raise ValueError("give either 'url' or 'file'")
        return self


class Meetings(Model):
    every_weeks: int = Field(ge=1, le=52, description="Pairs meet every this many weeks.")
    minutes: int = Field(ge=5, le=480, description="Length of a meeting.")
    format: PlainText | None = Field(None, description="Where and how pairs meet.")


class Apply(Model):
    deadline: date | None = None
    email: Email | None = None
    url: Url | None = None
    text: PlainText | None = None

    @model_validator(mode="after")
    def _one_way(self) -> Apply:
        if self.email is not None and self.url is not None:
            raise ValueError("give either 'email' or 'url', not both")
        return self


class Programme(Model):
    name: PlainText
    summary: PlainText
    status: Literal["planning", "open", "running", "closed"]
    models: list[ModelId] = Field(min_length=1)
    goal: Markdown | None = _topic(description="Goal and deadline.")
    target_group: Markdown | None = _topic()
    size: Markdown | None = _topic(description="How many, and who.")
    selection: Markdown | None = _topic(description="How mentees are nominated and chosen.")
    matching: Markdown | None = _topic()
    mentor_source: Literal["internal", "external", "mixed"] | None = _topic()
    structure: Markdown | None = _topic(description="Structure and rules of play.")
    agreement: Markdown | None = _topic(description="The agreement between mentor and mentee.")
    top_management: Markdown | None = _topic(description="The role of top management.")
    training: Markdown | None = _topic(description="Introduction and training.")
    duration_months: int | None = _topic(ge=1, le=120)
    meetings: Meetings | None = _topic()
    start: date | None = _topic()
    materials: list[Material] | None = _topic()
    evaluation: Markdown | None = _topic(description="Ongoing and final evaluation.")
    support: list[Contact] | None = _topic(description="Support contacts.")
    apply: Apply | None = _topic(description="How and by when to apply.")
    networks: Markdown | None = Field(None, description="How mentees and mentors meet peers.")

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
    depth: int = Field(
        1, ge=0, description="Units this many steps up or down the tree count as the same unit."
    )


class LevelGap(Model):
    min: int = Field(1, ge=0, description="Fewest levels the mentor ranks above the mentee.")
    max: int = Field(2, ge=0, description="Most levels the mentor ranks above the mentee.")

    @model_validator(mode="after")
    def _ordered(self) -> LevelGap:
        if self.min > self.max:
            raise ValueError(f"min ({self.min}) is more than max ({self.max})")
        return self


class MaxDuration(Model):
    months: int | None = Field(
        None, ge=1, description="At most this many months; default: the programme's duration."
    )


class NoParameters(Model):
    pass


class Check(Model):
    """A machine-checkable form of a rule: exactly one of these."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=False)

    different_unit: DifferentUnit | None = Field(None, alias="different-unit")
    level_gap: LevelGap | None = Field(None, alias="level-gap")
    different_location: NoParameters | None = Field(None, alias="different-location")
    max_duration: MaxDuration | None = Field(None, alias="max-duration")
    capacity: NoParameters | None = Field(None, alias="capacity")
    model_offered: NoParameters | None = Field(None, alias="model-offered")
    shared_language: NoParameters | None = Field(None, alias="shared-language")

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
    title: PlainText
    kind: Literal["matching", "confidentiality", "boundary", "duration", "general"]
    applies_to: list[RoleId] = Field(min_length=1, description="The roles the rule binds.")
    programmes: list[ProgrammeId] = Field(
        default_factory=list, description="The programmes it binds; empty means every programme."
    )
    effective: date
    text: Markdown
    check: Check | None = None


# -- content/roles/<id>.yml ----------------------------------------------------------------

RESPONSIBILITIES_FILE = "responsibilities.yml"  # in content/: the responsibility matrix


class Item(Model):
    """One line of a role's checklist, optionally citing a rule."""

    text: PlainText
    rule: RuleId | None = None


ItemOrText = Annotated[Item, BeforeValidator(_item_from_text)]


class Role(Model):
    name: PlainText
    summary: PlainText
    order: int = Field(100, description="Where the role stands among the roles; lowest first.")
    description: Markdown = ""
    does: dict[PhaseId, list[ItemOrText]] = Field(
        default_factory=dict, description="The role's checklist, by phase id."
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

    id: Slug
    name: PlainText
    rules: list[RuleId] = Field(default_factory=list, description="The rules it rests on.")
    roles: dict[RoleId, Responsibility] = Field(
        min_length=1,
        description="Each role's part: owns, takes-part, informed, or never (the role's "
        "boundary). A role left out has no part in it.",
    )


class Responsibilities(Model):
    """Who does what: the one source of the roles overview and of every role's boundaries."""

    activities: list[Activity] = Field(min_length=1)


# -- a private pairs file (kept outside content/, never published) ---------------------------

MentorId = Annotated[Slug, Ref("mentor")]
MenteeId = Annotated[Slug, Ref("mentee")]


class Wishes(Model):
    qualifications: list[QualificationId] = Field(default_factory=list)
    models: list[ModelId] = Field(default_factory=list)
    programme: ProgrammeId | None = None


class Mentee(Model):
    name: PlainText
    unit: UnitId
    level: LevelId
    location: LocationId
    languages: list[LanguageId] = Field(min_length=1)
    wishes: Wishes = Field(default_factory=Wishes)


class Pair(Model):
    mentor: MentorId
    mentee: MenteeId
    programme: ProgrammeId
    model: ModelId = Field(description="The mentoring model the pair follows.")
    started: date
    ended: date | None = None

    @model_validator(mode="after")
    def _in_order(self) -> Pair:
        if self.ended is not None and self.ended < self.started:
            raise ValueError(f"ended ({self.ended}) is before started ({self.started})")
        return self

    def active_on(self, day: date) -> bool:
        return self.started <= day and (self.ended is None or self.ended > day)


class PairsFile(Model):
    """Mentees and the pairs they are in: personal data, for HR's eyes only."""

    mentees: dict[Slug, Mentee] = Field(default_factory=dict)
    pairs: list[Pair] = Field(default_factory=list)


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
