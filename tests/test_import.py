"""`mentorsite import mentors`: HR's spreadsheets and forms become mentor files."""

from __future__ import annotations

import csv
import io
import shutil
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest
import yaml
from openpyxl import Workbook

from conftest import edit
from mentorsite.cells import CellError, Vocabulary, a_date, fold, slug_of, whole_number
from mentorsite.cli import main
from mentorsite.content import Paths, load_content
from mentorsite.exports import CSV_HEADERS
from mentorsite.importing import FIELDS, FORM_HEADERS, HEADERS, field_value
from mentorsite.spreadsheet import decode, read_sheet, separator
from mentorsite.write import update_file

FIXTURES = Path(__file__).parent / "fixtures" / "import"
MENTORS = Path("content/mentors")
UNITS = (
    "Direktionen, Administration, IT og Digitalisering, HR og Personale, Økonomi og Finans, "
    "Kundeservice, Salg og Marked, Produktion, Logistik og Lager, Kvalitet og Miljø"
)

Run = Callable[..., tuple[int, list[str], list[str]]]


@pytest.fixture
def run(project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Run:
    """`mentorsite import mentors ARGS` in the project's folder: status, stdout, stderr."""
    monkeypatch.chdir(project)

    def run(*args: str) -> tuple[int, list[str], list[str]]:
        capsys.readouterr()
        status = main(["import", "mentors", *args])
        out, err = capsys.readouterr()
        return status, out.splitlines(), err.splitlines()

    return run


def mentor_file(project: Path, mentor_id: str) -> str:
    return (project / MENTORS / f"{mentor_id}.yml").read_text(encoding="utf-8")


def mentors(project: Path) -> dict:
    result = load_content(Paths.at(project))
    assert result.content is not None, [str(p) for p in result.errors]
    return result.content.mentors


# -- sheets as HR has them ------------------------------------------------------------------


def test_a_danish_excel_sheet_with_messy_and_unknown_values(project: Path, run: Run) -> None:
    # cp1252 and ";", as Danish Excel saves "CSV (semikolonsepareret)"; a bio over three
    # lines in row 2, so row 3 starts on line 5 of the file.
    shutil.copy(FIXTURES / "mentorer-excel.csv", project)

    status, out, err = run("mentorer-excel.csv")

    assert status == 1
    assert out == [
        "mentorer-excel.csv:2: content/mentors/soeren-oestergaard.yml created",
        "mentorer-excel.csv:3: content/mentors/aase-aeroe.yml created",
        "mentorer-excel.csv:4: error: Hvad kan du tilbyde?: unknown qualification "
        "'Ledelsesværktøj'; did you mean 'Ledelsesværktøjer'?",
        "mentorer-excel.csv:5: error: Afdeling: unknown unit 'Marketing'; expected one of: "
        + UNITS,
        "mentorer-excel.csv:5: error: Antal mentees: expected a whole number, found 'to'",
    ]
    assert err == [
        "mentorsite: columns read: Fulde navn=name, Jobtitel=title, Afdeling=unit, "
        "Arbejdssted=location, Niveau=level, Sprog=languages, Hvad kan du tilbyde?=qualifications, "
        "Mentorform=models, Antal mentees=capacity, Ledig fra=available_from, E-mail=email, "
        "Telefon=phone, Præsentation=bio",
        "mentorsite: columns ignored: Bemærkninger",
        "mentorsite: no column says when a profile was confirmed (reviewed): new mentors get "
        "today, 2026-11-22",
        "mentorsite: 2 mentors created, 0 updated, 0 unchanged, 0 skipped (exists; use "
        "--update), 2 rows with errors left out (rows 4-5)",
    ]
    # "  IT og digitalisering ", "TEAMLEDER", "dansk, ENGELSK", "uddelegering; SPARRINGSROLLEN",
    # "En til en", "2,0", "01-09-2026" and "'+45 …" (the formula guard) all read as meant.
    assert mentor_file(project, "soeren-oestergaard") == (
        "# yaml-language-server: $schema=../../schemas/mentor.schema.json\n"
        "name: Søren Østergaard\n"
        "title: Lagerchef\n"
        "unit: it\n"
        "location: aarhus\n"
        "level: team-lead\n"
        "languages: [da, en]\n"
        "qualifications: [delegation, sparring]\n"
        "models: [one-to-one]\n"
        "capacity: 2\n"
        "available_from: 2026-09-01\n"
        "email: soeren.oestergaard@nordlys.example\n"
        'phone: "+45 8612 0001"\n'
        "reviewed: 2026-11-22\n"
        "bio: |\n"
        "  Jeg har ledet lageret i otte år.\n"
        "\n"
        "  Spørg mig om vagtplaner.\n"
    )
    aase = mentors(project)["aase-aeroe"]
    assert (aase.name, aase.unit, aase.models, aase.capacity) == (
        "Åse Ærø",
        "kvalitet",
        ["mentor-corps"],
        1,
    )
    assert not (project / MENTORS / "lars-holm.yml").exists()
    assert not (project / MENTORS / "mads-krog.yml").exists()
    assert main(["check"]) == 0


def test_an_english_form_with_a_column_mapped_by_hand(project: Path, run: Run) -> None:
    # Google Forms: "," and UTF-8, American timestamps, a question no table can know.
    shutil.copy(FIXTURES / "forms-english.csv", project)

    status, out, err = run(
        "forms-english.csv", "--map", "Which programmes would you join?=programmes"
    )

    assert status == 1
    assert out == [
        "forms-english.csv:2: content/mentors/emma-berg.yml created",
        "forms-english.csv:3: error: Languages: unknown language 'Danish'; did you mean 'Dansk'?",
    ]
    assert err == [
        "mentorsite: columns read: Timestamp=reviewed (the form's timestamp), "
        "Email Address=email, Full name=name, Job title=title, Department=unit, "
        "Location=location, Level=level, Languages=languages, "
        "What can you offer?=qualifications, Mentoring model=models, Capacity=capacity, "
        "Which programmes would you join?=programmes",
        "mentorsite: columns ignored: How did you hear about us?",
        "mentorsite: 1 mentor created, 0 updated, 0 unchanged, 0 skipped (exists; use "
        "--update), 1 row with errors left out (row 3)",
    ]
    emma = mentors(project)["emma-berg"]
    # 9/14/2026 is month first: a day 14 says so for the whole column.
    assert emma.reviewed == date(2026, 9, 14)
    assert emma.programmes == ["mentorkorps", "lederudvikling-2026"]  # "2026-2028", no en dash
    assert emma.qualifications == ["career-planning", "delegation"]
    assert (emma.unit, emma.level, emma.languages) == (
        "oekonomi",
        "head-of-department",
        ["da", "en"],
    )


def test_an_excel_workbook_from_microsoft_forms(project: Path, run: Run) -> None:
    workbook = Workbook()
    answers = workbook.active
    answers.title = "Svar"
    columns = [  # a column a line: its header, then the two answers
        ("Id", 1, 2),
        ("Starttidspunkt", datetime(2026, 10, 1, 9), datetime(2026, 10, 2, 9)),
        ("Tidspunkt for fuldførelse", datetime(2026, 10, 1, 9, 12), datetime(2026, 10, 2, 9, 5)),
        ("Mail", "ida.holm@nordlys.example", "bo@nordlys.example"),
        ("Navn", "Ida Holm", "Bo Ærenfeldt"),
        ("Stilling", "Økonomichef", "Teamleder"),
        ("Enhed", "økonomi og finans", "Kundeservice"),
        ("Arbejdssted", "ÅRHUS", "Aalborg"),
        ("Niveau", "Afdelingschef", "Chef"),
        ("Sprog", "Dansk\nTysk", "Dansk"),
        ("Kompetencer", "Uddelegering;Forandringsprocesser", "Sparringsrollen"),
        ("Mentorformer", "En-til-en", "Mentorgrupper"),
        ("Antal mentees", 2.0, 1),
        ("Ledig fra", datetime(2027, 1, 15), 46402),
        ("Telefon", 4586120002, "+45 9812 0003"),
    ]
    for row in zip(*columns, strict=True):
        answers.append(row)
    answers.cell(3, 14).number_format = "dd-mm-yyyy"  # a date Excel keeps as a number
    workbook.create_sheet("Noter")
    workbook.save(project / "svar.xlsx")

    status, out, err = run("svar.xlsx")

    assert status == 1
    assert out == [
        "svar.xlsx:2: content/mentors/ida-holm.yml created",
        "svar.xlsx:3: error: Niveau: unknown level 'Chef'; expected one of: Direktør, "
        "Afdelingschef, Leder, Teamleder, Specialist, Medarbejder",
    ]
    assert err[:3] == [
        "mentorsite: reading the sheet 'Svar' of svar.xlsx",
        "mentorsite: columns read: Tidspunkt for fuldførelse=reviewed (the form's timestamp), "
        "Mail=email, Navn=name, Stilling=title, Enhed=unit, Arbejdssted=location, "
        "Niveau=level, Sprog=languages, Kompetencer=qualifications, Mentorformer=models, "
        "Antal mentees=capacity, Ledig fra=available_from, Telefon=phone",
        # Forms numbers its responses in "Id": those are no ids for mentors.
        "mentorsite: columns ignored: Id (numbers a form gave the responses), Starttidspunkt",
    ]
    ida = mentors(project)["ida-holm"]
    assert (ida.available_from, ida.reviewed) == (date(2027, 1, 15), date(2026, 10, 1))
    assert (ida.unit, ida.location, ida.level) == ("oekonomi", "aarhus", "head-of-department")
    assert (ida.languages, ida.qualifications) == (["da", "de"], ["delegation", "change-processes"])
    assert (ida.capacity, ida.phone) == (2, "4586120002")

    # The same row, corrected, as an Excel serial date in a cell without a date format.
    answers.cell(3, 9).value = "Teamleder"
    answers.cell(3, 14).number_format = "General"
    workbook.save(project / "svar.xlsx")
    status, out, _ = run("svar.xlsx")
    assert (status, out) == (0, ["svar.xlsx:3: content/mentors/bo-aerenfeldt.yml created"])
    assert mentors(project)["bo-aerenfeldt"].available_from == date(2027, 1, 15)


# -- files that exist -----------------------------------------------------------------------

SHEET = "Navn;Stilling;Pladser i alt;Ledig fra;Telefon\r\nAnna Jensen;IT-chef;3;1/2/2027;\r\n"


def test_an_existing_file_is_never_overwritten_without_update(project: Path, run: Run) -> None:
    (project / "ændringer.csv").write_text(SHEET, encoding="utf-8-sig")
    before = mentor_file(project, "anna-jensen")

    status, out, err = run("ændringer.csv")

    assert (status, out) == (0, [])
    assert err[-2:] == [
        "mentorsite: skipped, as their files exist (use --update): anna-jensen",
        "mentorsite: 0 mentors created, 0 updated, 0 unchanged, 1 skipped (exists; use "
        "--update), 0 rows with errors",
    ]
    assert mentor_file(project, "anna-jensen") == before


def test_update_changes_the_fields_the_sheet_has_and_keeps_the_rest(
    project: Path, run: Run
) -> None:
    (project / "ændringer.csv").write_text(SHEET, encoding="utf-8-sig")
    path = project / MENTORS / "anna-jensen.yml"
    edit(path, lambda text: "# Kontaktperson for IT-mentorerne.\n" + text)
    edit(path, lambda text: text.replace("capacity: 2\n", "capacity: 2  # aftalt med HR\n"))
    before = path.read_text(encoding="utf-8")

    status, out, err = run("ændringer.csv", "--update", "--dry-run")
    assert (status, path.read_text(encoding="utf-8")) == (0, before)
    assert out == [
        "ændringer.csv:2: content/mentors/anna-jensen.yml would be updated "
        "(title, capacity, available_from, phone)"
    ]
    assert err[-1] == (
        "mentorsite: 0 mentors to create, 1 to update, 0 unchanged, 0 skipped (exists; use "
        "--update), 0 rows with errors; dry run: nothing was written"
    )

    status, out, _ = run("ændringer.csv", "--update")
    assert out == [
        "ændringer.csv:2: content/mentors/anna-jensen.yml updated "
        "(title, capacity, available_from, phone)"
    ]
    # The changed lines and nothing else: comments, bio and photo stay; the empty phone
    # cell removes the phone; the new date goes where the model has it.
    expected = (
        before.replace("title: Afdelingschef, IT-udvikling\n", "title: IT-chef\n")
        .replace(
            "capacity: 2  # aftalt med HR\nmentees: 1\n",
            "capacity: 3  # aftalt med HR\nmentees: 1\navailable_from: 2027-02-01\n",
        )
        .replace('phone: "+45 8612 3456"\n', "")
    )
    assert path.read_text(encoding="utf-8") == expected
    assert main(["check"]) == 0

    status, out, err = run("ændringer.csv", "--update")
    assert (status, out) == (0, [])
    assert "1 unchanged" in err[-1]


# -- the site's own mentors.csv --------------------------------------------------------------


def test_the_hr_editions_csv_gives_the_same_mentors_again(
    project: Path, run: Run, hr_site: Path
) -> None:
    originals = mentors(project)
    for path in (project / MENTORS).glob("*.yml"):
        path.unlink()

    status, out, err = run(str(hr_site / "mentors.csv"))

    assert status == 0, out
    assert len([line for line in out if line.endswith(" created")]) == len(originals)
    assert (
        "columns ignored: Ledige pladser (worked out by the site), Profilside (worked out "
        "by the site)" in err[1]
    )
    imported = mentors(project)
    assert list(imported) == sorted(originals)
    not_in_csv = {"bio", "photo"}
    for mentor_id, original in originals.items():
        assert imported[mentor_id].model_dump(exclude=not_in_csv) == original.model_dump(
            exclude=not_in_csv
        )


def test_the_staff_csv_changes_nothing_and_cannot_make_new_mentors(
    project: Path, run: Run, staff_site: Path
) -> None:
    files = {p.name: p.read_bytes() for p in (project / MENTORS).iterdir()}

    status, out, err = run(str(staff_site / "mentors.csv"), "--update")

    assert (status, out) == (0, [])
    assert err[-1] == (
        "mentorsite: 0 mentors created, 0 updated, 20 unchanged, 0 skipped (exists; use "
        "--update), 0 rows with errors"
    )
    assert {p.name: p.read_bytes() for p in (project / MENTORS).iterdir()} == files

    # The staff edition has no level column (hr_only): said once, not once a row.
    for path in (project / MENTORS).glob("*.yml"):
        path.unlink()
    status, out, err = run(str(staff_site / "mentors.csv"))
    assert status == 1
    assert out == [
        f"{staff_site / 'mentors.csv'}: error: no column gives level, which a new mentor needs "
        "(rows 2-21); add a column 'Niveau' or 'Level', or map one with --map 'HEADER=level'"
    ]
    assert err[-1].endswith("20 rows with errors left out (rows 2-21)")
    assert not list((project / MENTORS).glob("*.yml"))


# -- rows that cannot be mentors -------------------------------------------------------------


def test_ids_are_one_per_person_and_never_a_catalogue_folder(project: Path, run: Run) -> None:
    (project / "ark.csv").write_text(
        "Id,Name,Job title,Unit,Location,Level,Languages,Can offer,Mentoring models,"
        "Places in all\n"
        ",Nina Ravn,Leder,it,aarhus,manager,da,sparring,one-to-one,1\n"
        ",Nina Ravn,Leder,hr,aarhus,manager,da,sparring,one-to-one,1\n"
        ",Models,Leder,hr,aarhus,manager,da,sparring,one-to-one,1\n"
        "Ole B,Ole B,Leder,hr,aarhus,manager,da,sparring,one-to-one,1\n"
        "ole-b,,Leder,hr,aarhus,manager,da,sparring,one-to-one,1\n",
        encoding="utf-8",
    )

    status, out, _ = run("ark.csv")

    assert status == 1
    assert out == [
        "ark.csv:2: error: the id 'nina-ravn' is also given by row 3; give each person an id "
        "of their own in a column Id (e.g. 'nina-ravn-2'), or delete the row that repeats",
        "ark.csv:3: error: the id 'nina-ravn' is also given by row 2; give each person an id "
        "of their own in a column Id (e.g. 'nina-ravn-2'), or delete the row that repeats",
        "ark.csv:4: error: Name: the id 'models' is kept for the catalogue's pages of models; "
        "give the row another id in a column Id, e.g. 'models-1'",
        "ark.csv:5: error: Id: 'Ole B' is not an id: use lowercase letters a-z, digits and "
        "'-'; did you mean 'ole-b'?",
        "ark.csv:6: error: Name: the cell is empty, but every mentor needs a value",
    ]
    assert not list((project / MENTORS).glob("n*.yml"))


def test_each_mentor_is_checked_as_check_would_and_told_by_column(project: Path, run: Run) -> None:
    (project / "ark.csv").write_text(
        "Navn;Stilling;Enhed;Arbejdssted;Niveau;Sprog;Kan tilbyde;Mentorformer;Pladser i alt;"
        "Mentees nu;E-mail;Profil bekræftet\r\n"
        "Nina Ravn;Leder;it;aarhus;manager;da;sparring;one-to-one;1;2;nina@nordlys.example;\r\n"
        "Ole Berg;Leder;hr;aarhus;manager;da;sparring;one-to-one;1;0;ole.nordlys.example;\r\n"
        "Per Holm;Leder;hr;aarhus;manager;da;sparring;one-to-one;1;0;;2024-01-31\r\n",
        encoding="utf-8",
    )

    status, out, _ = run("ark.csv")

    assert status == 1
    assert out == [
        "ark.csv:2: error: Mentees nu: 2 current mentees is more than the capacity of 1; "
        "raise capacity or lower mentees",
        "ark.csv:3: error: E-mail: expected an e-mail address such as name@example.org, "
        "found 'ole.nordlys.example'",
        "ark.csv:4: warning: Profil bekræftet: the profile was last confirmed on 2024-01-31, "
        "more than 12 months ago; ask the mentor to review it",
        "ark.csv:4: content/mentors/per-holm.yml created",
    ]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("ingen.csv", None, "ingen.csv: error: no such file"),
        ("gammel.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "old Excel format"),
        ("falsk.xlsx", b"PK\x03\x04 not really a zip", "is not an Excel workbook (.xlsx)"),
        ("tekst.xlsx", b"Navn;Stilling\n", "is not an Excel workbook, although its name"),
        ("tom.csv", b"", "tom.csv: error: is empty: expected a row of headers"),
        ("tom.csv", b";;\r\n;;\r\n", "tom.csv: error: is empty"),
        ("kun.csv", b"Navn;Stilling\r\n", "kun.csv: error: no rows below the headers"),
        ("navnlos.csv", b"Starttidspunkt;Afdeling\r\n1;it\r\n", "no column gives the mentors'"),
        ("binaer.csv", bytes(range(256)) * 4, "is neither a CSV text file nor an Excel"),
    ],
)
def test_no_traceback_whatever_the_file(
    project: Path, run: Run, name: str, data: bytes | None, message: str
) -> None:
    if data is not None:
        (project / name).write_bytes(data)
    status, out, err = run(name)
    assert status == 1
    assert any(message in line for line in out + err), out + err
    assert not any("Traceback" in line for line in out + err)
    assert len(list((project / MENTORS).glob("*.yml"))) == 20


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (
            "Navn=nmae",
            "mentorsite: error: --map 'Navn=nmae': unknown field 'nmae'; did you mean 'name'?",
        ),
        ("Navn", "mentorsite: error: --map 'Navn': expected HEADER=FIELD, e.g. 'Afdeling=unit'"),
        (
            "Afdelingen=unit",
            "ark.csv: error: --map 'Afdelingen=unit': the sheet has no column "
            "'Afdelingen'; its columns are Navn, Afdeling",
        ),
    ],
)
def test_a_wrong_map_option_says_why(project: Path, run: Run, option: str, message: str) -> None:
    (project / "ark.csv").write_text("Navn;Afdeling\r\nNina Ravn;it\r\n", encoding="utf-8")
    status, out, err = run("ark.csv", "--map", option)
    assert status == 1
    assert message in out + err


def test_map_can_ignore_a_column(project: Path, run: Run) -> None:
    (project / "ark.csv").write_text(
        "Navn;Stilling;Enhed;Arbejdssted;Niveau;Sprog;Kan tilbyde;Mentorformer;Pladser i alt;"
        "Telefon\r\nNina Ravn;Leder;it;aarhus;manager;da;sparring;one-to-one;1;privat\r\n",
        encoding="utf-8",
    )
    status, _, err = run("ark.csv", "--map", "telefon=")
    assert status == 0
    assert "mentorsite: columns ignored: Telefon (--map)" in err
    assert mentors(project)["nina-ravn"].phone is None


# -- the pieces ------------------------------------------------------------------------------


def test_the_site_csv_headers_in_both_languages_read_as_their_fields() -> None:
    for headers in CSV_HEADERS.values():
        for key, header in headers.items():
            expected = None if key in ("free_places", "url") else key
            assert HEADERS[fold(header)] == expected, header
    # A form's header never contradicts the site's own.
    for name, headers in FORM_HEADERS.items():
        for header in headers:
            assert HEADERS[fold(header)] in (name, None) or fold(header) in {
                fold(h) for hs in CSV_HEADERS.values() for h in hs.values()
            }


@pytest.mark.parametrize(
    ("text", "folded", "slug"),
    [
        ("Søren Søgaard", "soerensoegaard", "soeren-soegaard"),
        ("Karen Ærø", "karenaeroe", "karen-aeroe"),
        ("  Åse  O'Brien-Müller ", "aaseobrienmuller", "aase-o-brien-muller"),
        ("E-mail adresse", "emailadresse", "e-mail-adresse"),
    ],
)
def test_text_is_compared_and_made_an_id_as_danes_spell_it(
    text: str, folded: str, slug: str
) -> None:
    assert (fold(text), slug_of(text)) == (folded, slug)


@pytest.mark.parametrize(
    ("cell", "day"),
    [
        ("2026-09-01", date(2026, 9, 1)),
        ("01-09-2026", date(2026, 9, 1)),
        ("1.9.2026", date(2026, 9, 1)),
        ("1/9/2026", date(2026, 9, 1)),
        ("14/9/2026 10:15:00", date(2026, 9, 14)),
        ("2026-09-01T10:15:00", date(2026, 9, 1)),
        (datetime(2026, 9, 1, 23, 59), date(2026, 9, 1)),
        (46266, date(2026, 9, 1)),
    ],
)
def test_dates_as_people_and_excel_write_them(cell: object, day: date) -> None:
    assert a_date(cell) == day  # type: ignore[arg-type]


def test_list_values_are_found_by_id_or_name_and_each_unknown_one_is_named() -> None:
    languages = Vocabulary("language", {"da": "Dansk", "en": "Engelsk", "fo": "Færøsk"})
    kind = FIELDS["languages"]
    assert field_value(kind, "EN;\nfaeroesk, dansk,, Dansk", languages) == ["en", "fo", "da"]
    with pytest.raises(CellError) as error:
        field_value(kind, "Dansk, Engelsk, Klingon; Engelsk, Danish", languages)
    assert error.value.args == (
        "unknown language 'Klingon'; expected one of: Dansk, Engelsk, Færøsk",
        "unknown language 'Danish'; did you mean 'Dansk'?",
    )
    # A name with a comma in it is still one name.
    models = Vocabulary("model", {"group": "Grupper, små", "one-to-one": "En-til-en"})
    assert field_value(FIELDS["models"], "grupper, små, en til en", models) == [
        "group",
        "one-to-one",
    ]


def test_numbers_and_dates_that_are_not() -> None:
    assert [whole_number(c) for c in ("2", " 2 ", "2,0", "2.0", 2.0, 3)] == [2, 2, 2, 2, 2, 3]
    for bad in ("2,5", "to", 2.5):
        with pytest.raises(CellError):
            whole_number(bad)
    with pytest.raises(CellError, match="'31-02-2026' is not a date in the calendar"):
        a_date("31-02-2026")
    for bad in ("næste år", 2026):  # a year alone is no Excel date
        with pytest.raises(CellError, match="expected a date such as 2026-09-01"):
            a_date(bad)


def test_csv_text_and_separator_are_found() -> None:
    assert decode("Søren;Ærø".encode("cp1252")) == "Søren;Ærø"
    assert decode("\ufeffSøren".encode()) == "Søren"
    assert decode("Navn\tSprog".encode("utf-16")) == "Navn\tSprog"
    assert separator('"Navn, fulde";Sprog;Enhed\n') == ";"
    assert separator("Name,Languages\n") == ","
    assert separator("Name\tLanguages,x\tUnit\n") == "\t"


def test_a_sheet_keeps_the_row_numbers_the_spreadsheet_shows(tmp_path: Path) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerows([["Navn", "Bio"], ["A", "to\nlinjer"], [], ["B", ""]])
    (tmp_path / "ark.csv").write_text(buffer.getvalue(), encoding="utf-8")
    sheet = read_sheet(tmp_path / "ark.csv")
    assert sheet.headers == ("Navn", "Bio")
    assert [(row.number, row.cells) for row in sheet.rows] == [
        (2, ("A", "to\nlinjer")),
        (4, ("B", None)),
    ]


def test_an_update_rewrites_only_the_fields_that_change() -> None:
    text = (
        "# Om Anna.\n"
        "name: Anna\n"
        "capacity: 2  # aftalt\n"
        "\n"
        "# Bio følger.\n"
        "bio: |\n"
        "  Første linje.\n"
        "\n"
        "  Anden linje.\n"
        "\n"
        "email: a@b.example\n"
    )
    order = ["name", "title", "capacity", "mentees", "email", "phone", "bio"]
    changed = update_file(
        text,
        {"title": "Chef", "capacity": 3, "mentees": 1, "phone": "+45 1", "email": None},
        order,
    )
    assert changed == (
        "# Om Anna.\n"
        "name: Anna\n"
        "title: Chef\n"
        "capacity: 3  # aftalt\n"
        "mentees: 1\n"
        "\n"
        "# Bio følger.\n"
        "bio: |\n"
        "  Første linje.\n"
        "\n"
        "  Anden linje.\n"
        "\n"
        'phone: "+45 1"\n'  # after email, where the model has it; email is gone
    )
    assert yaml.safe_load(changed)["bio"] == "Første linje.\n\nAnden linje.\n"


def test_the_command_explains_itself(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["import", "mentors", "--help"])
    shown = " ".join(capsys.readouterr().out.split())
    assert exit_.value.code == 0
    assert "usage: mentorsite import mentors [-h] [-f FILE] [--update]" in shown
    for option in ("--update", "--map HEADER=FIELD", "--dry-run", "-f FILE, --config-file FILE"):
        assert f"{option} " in shown
    assert main(["import"]) == 2  # the sub-commands, and no traceback
