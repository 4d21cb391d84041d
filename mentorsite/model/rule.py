"""content/rules/<id>.yml: a rule, and the form of it that mentorsite can check pairs against."""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, model_validator

from mentorsite.model.fields import fields_of
from mentorsite.model.types import (
    Day,
    Markdown,
    Model,
    PlainText,
    ProgrammeId,
    RoleId,
    described,
    exactly_one_property,
)


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


class MeetingRhythm(Model):
    every_weeks: int = described(
        ge=1,
        le=52,
        en="Pairs meet about every this many weeks.",
        da="Parrene mødes cirka hver så mange uger.",
    )
    minutes: int = described(
        ge=5,
        le=480,
        en="A meeting lasts about this many minutes.",
        da="Et møde varer cirka så mange minutter.",
    )


class NoParameters(Model):
    pass


class Check(Model):
    """A machine-checkable form of a rule: exactly one of these."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        populate_by_name=False,
        json_schema_extra=exactly_one_property,
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
    meeting_rhythm: MeetingRhythm | None = described(
        None,
        alias="meeting-rhythm",
        en="The programmes it binds meet about every every_weeks weeks for about minutes "
        "minutes; a programme whose meetings differ by more than a quarter contradicts it.",
        da="De programmer, reglen gælder for, mødes cirka hver every_weeks uge i cirka minutes "
        "minutter; et program, hvis møder afviger med mere end en fjerdedel, strider mod den.",
    )
    shared_language: NoParameters | None = described(
        None,
        alias="shared-language",
        en="They share a language.",
        da="De har et fælles sprog.",
    )

    @model_validator(mode="after")
    def _exactly_one(self) -> Check:
        given = [spec for spec in fields_of(type(self)) if getattr(self, spec.name) is not None]
        if len(given) != 1:
            names = ", ".join(spec.key for spec in fields_of(type(self)))
            raise ValueError(f"expected exactly one check of: {names}")
        return self

    @property
    def name(self) -> str:
        """The check's name as the file writes it: `level-gap`."""
        for spec in fields_of(type(self)):
            if getattr(self, spec.name) is not None:
                return spec.key
        raise AssertionError("validated to hold one check")

    @property
    def parameters(self) -> Model:
        """The check's parameters (`min` and `max` of a level gap); empty for most."""
        return getattr(self, self.name.replace("-", "_"))


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
