"""config/taxonomy.yml: the organisation's vocabularies, whose ids the content refers to."""

from __future__ import annotations

from typing import ClassVar

from mentorsite.model.types import Model, PlainText, Slug, UnitId, described


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
