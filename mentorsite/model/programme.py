"""content/programmes/<id>.yml: a programme's handbook, topic by topic."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import ConfigDict, model_validator

from mentorsite.model.fields import fields_of
from mentorsite.model.organisation import Contact
from mentorsite.model.types import (
    ContentPath,
    Day,
    Email,
    Markdown,
    Model,
    ModelId,
    PlainText,
    Url,
    described,
    exactly_one_of,
    given,
)


def _topic(**kwargs: Any) -> Any:
    """A planning topic: may be left empty while planning, and is then reported."""
    return described(None, planning_topic=True, **kwargs)


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
    model_config = ConfigDict(json_schema_extra={"not": {"allOf": [given("email"), given("url")]}})

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
    """A programme's handbook. Its fields stand in the order a reader of the handbook needs
    them: the order of its topics wherever they are listed."""

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
    meetings: Meetings | None = _topic(
        en="How often and how long pairs meet.", da="Hvor tit og hvor længe parrene mødes."
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
    def topics(cls) -> list[str]:
        """What the handbook tells, in its order: every planning topic and Markdown text."""
        return [
            spec.name for spec in fields_of(cls) if spec.planning_topic or spec.type == "markdown"
        ]

    @classmethod
    def planning_topics(cls) -> list[str]:
        """The topics a programme is planned by, in the handbook's order."""
        return [spec.name for spec in fields_of(cls) if spec.planning_topic]

    def empty_topics(self) -> list[str]:
        return [name for name in self.planning_topics() if getattr(self, name) in (None, "", [])]
