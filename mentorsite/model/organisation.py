"""config/organisation.yml: who the organisation is, its coordinator, and its choices."""

from __future__ import annotations

from pydantic import ConfigDict, model_validator

from mentorsite.i18n.strings import Language
from mentorsite.model.types import Email, Model, PlainText, Url, described, exactly_one_of


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
    language: Language = described(
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
