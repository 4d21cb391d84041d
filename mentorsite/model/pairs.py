"""A private pairs file (kept outside content/, never published): mentees and their pairs."""

from __future__ import annotations

from datetime import date

from pydantic import model_validator

from mentorsite.model.types import (
    Day,
    LanguageId,
    LevelId,
    LocationId,
    MenteeId,
    MentorId,
    Model,
    ModelId,
    PlainText,
    ProgrammeId,
    QualificationId,
    Slug,
    UnitId,
    described,
)


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
    mentors: list[MentorId] = described(
        default_factory=list,
        en="The mentors the mentee picked, most wished first: match gives a pick points, "
        "more for the first, and never breaks a rule for it.",
        da="De mentorer, mentee selv har valgt, den mest ønskede først: match giver et valg "
        "point, flest for det første, og bryder aldrig en regel for det.",
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
