"""content/mentors/<id>.yml: a mentor's profile."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic_core import PydanticUndefined

from mentorsite.model.fields import fields_of
from mentorsite.model.types import (
    ContentPath,
    Day,
    Email,
    LanguageId,
    LevelId,
    LocationId,
    Markdown,
    Model,
    ModelId,
    PlainText,
    ProgrammeId,
    QualificationId,
    UnitId,
    add_months,
    described,
)


def _may_be_hr_only(default: Any = PydanticUndefined, **kwargs: Any) -> Any:
    return described(default, hr_only_allowed=True, **kwargs)


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
        """The fields HR may keep out of the staff edition (`hr_only` in organisation.yml)."""
        return [spec.name for spec in fields_of(cls) if spec.hr_only_allowed]
