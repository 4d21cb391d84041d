"""content/roles/<id>.yml and content/responsibilities.yml: what each role does, and who
does what."""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal, get_args

from pydantic import BeforeValidator

from mentorsite.model.types import (
    Markdown,
    Model,
    PhaseId,
    PlainText,
    RoleId,
    RuleId,
    Slug,
    described,
)

# content/responsibilities.yml: the responsibility matrix, one file whose kind and id are
# both "responsibilities".
RESPONSIBILITIES_FILE = "responsibilities.yml"


def _item_from_text(value: Any) -> Any:
    return {"text": value} if isinstance(value, str) else value


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
    people: PlainText | None = described(
        None,
        en="The people in the role as a sentence names them, in the plural: "
        "'line managers'; default: the name.",
        da="Dem, der har rollen, som en sætning nævner dem, i flertal: "
        "»daglige ledere«; uden: navnet.",
    )
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
