"""The mentor catalogue as downloads beside the site: /mentors.json and /mentors.csv.

Both are made from the mentor views alone, which already carry the edition. The
fields the edition keeps out are named explicitly in `hidden` and are left out
whole (a JSON key absent, a CSV column absent), so a consumer can tell "not
published" from "not given". The formats are documented for their consumers in
EXPORTS.md; a change here is a change there.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Collection, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from mentorsite.model import Mentor
from mentorsite.model.columns import CSV_DELIMITERS, CSV_HEADERS

if TYPE_CHECKING:  # pages makes the views and calls this module
    from mentorsite.site.views.profiles import MentorView

FORMAT = "mentorsite/mentors"
FORMAT_VERSION = 1


# A cell starting with one of these is a formula to a spreadsheet (OWASP, "CSV Injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def mentors_json(
    mentors: Sequence[MentorView],
    *,
    organisation: str,
    language: str,
    generated: date,
    hidden: Collection[str],
    site_url: str | None = None,
) -> bytes:
    """The catalogue as one compact JSON document in UTF-8; a hidden field's key is left out.

    Bytes rather than text: the site keeps it until it is written, and a big catalogue's
    text takes two to four times the memory."""
    hidden = _checked(hidden)
    document = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "organisation": organisation,
        "language": language,
        "generated": generated.isoformat(),
        "mentors": [_mentor_record(m, hidden, site_url) for m in mentors],
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()


def mentors_csv(mentors: Sequence[MentorView], *, language: str, hidden: Collection[str]) -> bytes:
    """The catalogue as a spreadsheet for Excel in `language`; a hidden field has no column."""
    hidden = _checked(hidden)
    if language not in CSV_HEADERS:
        raise ValueError(f"no CSV headers for the language '{language}'")
    headers = CSV_HEADERS[language]
    columns = [(key, value) for key, value in _CSV_COLUMNS if key not in hidden]
    buffer = io.StringIO()
    writer = csv.writer(
        buffer,
        delimiter=CSV_DELIMITERS[language],
        quoting=csv.QUOTE_MINIMAL,
        lineterminator="\r\n",
    )
    writer.writerow(headers[key] for key, _ in columns)
    for mentor in mentors:
        writer.writerow(_cell(value(mentor)) for _, value in columns)
    # The byte order mark is how Excel knows the file is UTF-8 and shows æ, ø and å.
    return buffer.getvalue().encode("utf-8-sig")


def _checked(hidden: Collection[str]) -> frozenset[str]:
    # A misspelt name must not quietly publish the field it meant to hide.
    allowed = Mentor.hr_only_allowed()
    unknown = sorted(set(hidden) - set(allowed))
    if unknown:
        raise ValueError(
            f"cannot leave out {', '.join(unknown)}; expected some of: {', '.join(allowed)}"
        )
    return frozenset(hidden)


def _mentor_record(m: MentorView, hidden: frozenset[str], site_url: str | None) -> dict[str, Any]:
    # Keys that are fields of a mentor file carry that field's name, so `hidden` names them.
    record: dict[str, Any] = {"id": m.id, "url": m.url}
    if site_url is not None:
        record["url_absolute"] = site_url.rstrip("/") + "/" + m.url
    record |= {
        "name": m.name,
        "title": m.title,
        "unit": {"id": m.unit.id, "name": m.unit.name, "path": [u.id for u in m.units]},
        "location": _term(m.location),
        "level": _term(m.level),
        "languages": [_term(t) for t in m.languages],
        "qualifications": [_term(t) for t in m.qualifications],
        "models": [_term(t) for t in m.models],
        "programmes": [
            {"id": programme_id, "name": link.label}
            for programme_id, link in zip(m.programme_ids, m.programmes, strict=True)
        ],
        "capacity": m.capacity,
        "mentees": m.mentees,
        "free_places": m.availability.free,
        "available_from": _iso(m.available_from),
        "availability": m.availability.state,
        "email": m.email,
        "phone": m.phone,
        "reviewed": _iso(m.reviewed_on),
        "photo": m.photo if m.has_photo else None,
        "bio": m.bio_source,
    }
    return {key: value for key, value in record.items() if key not in hidden}


def _term(term: Any) -> dict[str, str] | None:
    return None if term is None else {"id": term.id, "name": term.name}


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _names(terms: Sequence[Any]) -> str:
    return ", ".join(term.name for term in terms)


# Each column: its key (a mentor field's name where it is one), and its value.
_CSV_COLUMNS: list[tuple[str, Callable[[MentorView], str | int | None]]] = [
    ("id", lambda m: m.id),
    ("name", lambda m: m.name),
    ("title", lambda m: m.title),
    ("unit", lambda m: m.unit.name),
    ("location", lambda m: m.location.name if m.location else None),
    ("level", lambda m: m.level.name if m.level else None),
    ("languages", lambda m: _names(m.languages)),
    ("qualifications", lambda m: _names(m.qualifications)),
    ("models", lambda m: _names(m.models)),
    ("programmes", lambda m: ", ".join(link.label for link in m.programmes)),
    ("capacity", lambda m: m.capacity),
    ("mentees", lambda m: m.mentees),
    ("free_places", lambda m: m.availability.free),
    ("available_from", lambda m: _iso(m.available_from)),
    ("email", lambda m: m.email),
    ("phone", lambda m: m.phone),
    ("reviewed", lambda m: _iso(m.reviewed_on)),
    ("url", lambda m: m.url),
]


def _cell(value: str | int | None) -> str | int:
    """A value as a cell that a spreadsheet shows as text, never runs as a formula."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value
