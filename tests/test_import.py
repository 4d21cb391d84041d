"""`mentorsite import mentors`: HR's spreadsheets and forms become mentor files."""

from __future__ import annotations

import csv
import io
import os
import shutil
import tracemalloc
import zipfile
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime
from pathlib import Path

import pytest
import yaml
from openpyxl import Workbook

from conftest import edit
from mentorsite.adapters.cli.main import main
from mentorsite.authoring import write
from mentorsite.authoring.importing import sheets as spreadsheet
from mentorsite.authoring.importing.cells import (
    CellError,
    Vocabulary,
    a_date,
    whole_number,
)
from mentorsite.authoring.importing.mentors import FIELDS, FORM_HEADERS, HEADERS, field_value
from mentorsite.authoring.importing.sheets import (
    MAX_ROWS,
    MAX_UNPACKED_SIZE,
    SheetError,
    decode,
    read_sheet,
    separator,
)
from mentorsite.authoring.write import RefusedPath, update_file, write_content_file
from mentorsite.content import load_content
from mentorsite.i18n.text import fold, slug, sort_key, spellings
from mentorsite.model.columns import CSV_HEADERS
from mentorsite.problems import one_line
from mentorsite.project import Paths

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
        "found 'ole.nordlys.example': an email address must have an @-sign",
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


# -- files beyond the limits ----------------------------------------------------------------

LONG = "x" * 40_000  # more than the 32,767 characters a cell of Excel holds
FORGED = "x\n::error file=a,line=1::forged"  # a workflow command, if it started a line


def workbook(path: Path, rows: list[list[object]], title: str = "Svar") -> Path:
    """A workbook as openpyxl writes one row at a time, with a second sheet."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title)
    for row in rows:
        sheet.append(row)
    book.create_sheet("Noter")
    book.save(path)
    return path


def rewritten(path: Path, sheet: Callable[[bytes], Iterator[bytes]]) -> Path:
    """The workbook at `path` with its first sheet's XML written anew, piece by piece, as
    `sheet` makes it from the XML openpyxl wrote (which cuts a long text to 32,767)."""
    source = path.rename(path.with_suffix(".openpyxl.xlsx"))
    with zipfile.ZipFile(source) as before, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for part in before.infolist():
            if part.filename != "xl/worksheets/sheet1.xml":
                out.writestr(part, before.read(part))
                continue
            with out.open(part.filename, "w") as written:
                for piece in sheet(before.read(part)):
                    written.write(piece)
    return path


def bomb(path: Path, unpacked: int) -> Path:
    """A small workbook whose sheet unpacks to more than `unpacked` bytes of rows alike."""
    row = b'<row r="3"><c r="A3" t="inlineStr"><is><t>' + b"x" * 1000 + b"</t></is></c></row>"

    def rows(xml: bytes) -> Iterator[bytes]:
        head, _, tail = xml.partition(b"</sheetData>")
        yield head
        for _ in range(unpacked // (1000 * len(row)) + 1):
            yield row * 1000
        yield b"</sheetData>" + tail

    return rewritten(workbook(path, [["Navn", "Bio"], ["Ida", "Holm"]]), rows)


@pytest.fixture(scope="session")
def large_sheets(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Workbooks beyond each limit, made once: they take a second to write."""
    folder = tmp_path_factory.mktemp("large")
    rewritten(
        workbook(folder / "lang.xlsx", [["Navn", "Bio"], ["Ida Holm", "Kort."], ["Bo Ærø", "?"]]),
        lambda xml: iter([xml.replace(b"<t>?</t>", f"<t>{LONG}</t>".encode())]),
    )
    rows = [["Navn", "Stilling"]] + [[f"Mentor {n}", "Leder"] for n in range(MAX_ROWS + 1)]
    workbook(folder / "mange.xlsx", rows)
    workbook(folder / "bred.xlsx", [["Navn", "Bio"], ["Ida Holm", *[None] * 255, "?"]])
    bomb(folder / "bombe.xlsx", MAX_UNPACKED_SIZE)
    return folder


def mentor_files(project: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in (project / MENTORS).iterdir()}


@pytest.mark.parametrize(
    ("name", "line"),
    [
        (
            "lang.xlsx",
            "lang.xlsx:3: error: Bio: the cell holds 40,000 characters; a cell may hold at most "
            "32,767 (Excel's own limit): shorten it",
        ),
        (
            "mange.xlsx",
            "mange.xlsx:10002: error: the sheet has more than 10,000 rows below its headers, the "
            "most an import reads: far more than an organisation has mentors; delete the rows "
            "that are not mentors, or import the sheet in parts",
        ),
        (
            "bred.xlsx",
            "bred.xlsx:2: error: column IW: a value beyond the 256 columns a sheet of mentors "
            "may have; delete it, or move it to a column further left",
        ),
    ],
)
def test_a_workbook_is_read_up_to_the_first_limit_and_nothing_is_imported(
    project: Path, run: Run, large_sheets: Path, name: str, line: str
) -> None:
    shutil.copy(large_sheets / name, project)
    before = mentor_files(project)

    status, out, err = run(name)

    assert (status, out) == (1, [line])
    assert err[-1] == "mentorsite: nothing was imported"
    assert mentor_files(project) == before


def test_a_workbook_that_unpacks_beyond_the_limit_is_refused_before_it_is_read(
    project: Path, run: Run, large_sheets: Path
) -> None:
    path = Path(shutil.copy(large_sheets / "bombe.xlsx", project))
    with zipfile.ZipFile(path) as archive:
        unpacked = sum(part.file_size for part in archive.infolist())
        sheet = archive.getinfo("xl/worksheets/sheet1.xml").file_size
    assert os.path.getsize(path) < 1_000_000 < MAX_UNPACKED_SIZE < unpacked
    before = mentor_files(project)

    status, out, err = run("bombe.xlsx")

    assert (status, out) == (1, [])
    assert err == [
        f"bombe.xlsx: error: unpacks to {unpacked / 1e6:.1f} MB (xl/worksheets/sheet1.xml "
        f"alone is {sheet / 1e6:.1f} MB), more than the 100 MB a workbook of "
        "mentors may; save only the mentors' sheet, as .xlsx or CSV"
    ]
    assert mentor_files(project) == before
    tracemalloc.start()
    try:
        with pytest.raises(SheetError, match="unpacks to"):
            read_sheet(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < unpacked / 50


def test_a_csv_file_is_read_within_the_same_limits(project: Path, run: Run) -> None:
    sheets = {
        "lang.csv": f"Navn;Bio\r\nIda Holm;Kort.\r\nBo Ærø;{LONG}\r\n",
        # Longer than the csv module's own limit, which does not say which cell.
        "laengere.csv": f"Navn;Bio\r\nIda Holm;Kort.\r\nBo Ærø;{LONG * 5}\r\n",
        "mange.csv": "Navn\r\n" + "Mentor\r\n" * (MAX_ROWS + 1),
        "navn.csv": f"Navn;{LONG}\r\nIda Holm;Kort.\r\n",
    }
    for name, text in sheets.items():
        (project / name).write_text(text, encoding="utf-8")
    (project / "stor.csv").write_bytes(b"Navn;Bio\r\n" + b"Ida Holm;" * 2_300_000)
    before = mentor_files(project)

    assert run("lang.csv")[:2] == (
        1,
        [
            "lang.csv:3: error: Bio: the cell holds 40,000 characters; a cell may hold at most "
            "32,767 (Excel's own limit): shorten it"
        ],
    )
    assert run("laengere.csv")[:2] == (
        1,
        [
            "laengere.csv:3: error: a cell holds more than 131,072 characters; a cell may hold "
            "at most 32,767 (Excel's own limit): shorten it"
        ],
    )
    assert run("mange.csv")[1] == [
        "mange.csv:10002: error: the sheet has more than 10,000 rows below its headers, the "
        "most an import reads: far more than an organisation has mentors; delete the rows "
        "that are not mentors, or import the sheet in parts"
    ]
    # Before the headers are known, the file as a whole is refused, at the row and column.
    assert run("navn.csv")[::2] == (
        1,
        [
            "navn.csv: error: row 1, column B: the cell holds 40,000 characters; a cell may "
            "hold at most 32,767 (Excel's own limit): shorten it"
        ],
    )
    tracemalloc.start()
    try:
        assert run("stor.csv")[::2] == (
            1,
            [
                "stor.csv: error: is 20.7 MB, more than the 20 MB a spreadsheet of mentors may "
                "be; save only the mentors' sheet, as .xlsx or CSV"
            ],
        )
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 2_000_000  # refused before it is read
    assert mentor_files(project) == before


def test_the_size_a_workbook_states_is_not_trusted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Column XFD in the stated size would make every row 16,384 cells long, to be looked
    # through one by one (and row 1,048,576 as its end, a million of them).
    path = rewritten(
        workbook(tmp_path / "svar.xlsx", [["Navn", "Bio"], ["Ida Holm", "Kort."]]),
        lambda xml: iter([xml.replace(b"<sheetPr>", b'<dimension ref="A1:XFD200"/><sheetPr>')]),
    )
    widths: list[int] = []
    cells = spreadsheet._cells

    def measured(number: int, record: Sequence[object]) -> tuple[object, ...]:
        widths.append(len(record))
        return cells(number, record)  # type: ignore[arg-type]

    monkeypatch.setattr(spreadsheet, "_cells", measured)
    sheet = read_sheet(path)
    assert (sheet.headers, sheet.rows[0].cells) == (("Navn", "Bio"), ("Ida Holm", "Kort."))
    assert widths == [2, 2]


def test_up_to_the_row_limit_every_row_is_read(tmp_path: Path) -> None:
    path = tmp_path / "ark.csv"
    path.write_text("Navn\r\n\r\n" + "Mentor\r\n" * MAX_ROWS + "\r\n" * 3, encoding="utf-8")
    sheet = read_sheet(path)
    assert (len(sheet.rows), sheet.rows[-1].number, sheet.limit) == (MAX_ROWS, MAX_ROWS + 2, None)
    path.write_text("Navn\r\n\r\n" + "Mentor\r\n" * (MAX_ROWS + 1), encoding="utf-8")
    sheet = read_sheet(path)
    assert (sheet.rows, sheet.limit and sheet.limit.row) == ((), MAX_ROWS + 3)


# -- what is written, and where --------------------------------------------------------------


def test_update_never_writes_through_a_symbolic_link(
    project: Path, run: Run, tmp_path: Path
) -> None:
    # A link in the project, to a file elsewhere: an update would change that file.
    (project / "ændringer.csv").write_text(SHEET, encoding="utf-8-sig")
    link = project / MENTORS / "anna-jensen.yml"
    archived = project / "content/archive/anna-jensen.yml"
    archived.parent.mkdir()
    shutil.move(link, archived)
    link.symlink_to("../archive/anna-jensen.yml")
    original = archived.read_bytes()
    refused = (
        "ændringer.csv:2: error: refused to write content/mentors/anna-jensen.yml: it is a "
        "symbolic link, and files are never written through one; put the file itself in its place"
    )

    for dry_run in (["--dry-run"], []):
        status, out, err = run("ændringer.csv", "--update", *dry_run)
        assert (status, out) == (1, [refused])
        assert err[-1].startswith("mentorsite: 0 mentors ")
        assert "1 row with errors left out (row 2)" in err[-1]
    assert archived.read_bytes() == original
    assert link.is_symlink()

    # Out of the project: refused, whether by the import or before, by reading the content.
    outside = tmp_path / "outside.yml"
    shutil.move(archived, outside)
    link.unlink()
    link.symlink_to(outside)
    status, out, err = run("ændringer.csv", "--update")
    assert status == 1
    assert any("content/mentors/anna-jensen.yml" in line for line in out + err)
    assert outside.read_bytes() == original


def test_write_plan_refuses_what_the_plan_did_not_foresee(project: Path, tmp_path: Path) -> None:
    # The mechanism itself, for a link made after the plan: write_plan checks again.
    from mentorsite.authoring.importing.mentors import plan_import, report, write_plan
    from mentorsite.authoring.importing.sheets import Row, Sheet

    content = load_content(Paths.at(project)).content
    assert content is not None
    sheet = Sheet(("Navn", "Stilling"), (Row(2, ("Anna Jensen", "IT-chef")),))
    plan = plan_import(sheet, "ark.csv", content, update=True, today=date(2026, 11, 22))
    assert [row.action for row in plan.rows] == ["update"]
    outside = tmp_path / "outside.yml"
    outside.write_text("name: x\n", encoding="utf-8")
    (project / MENTORS / "anna-jensen.yml").unlink()
    (project / MENTORS / "anna-jensen.yml").symlink_to(outside)

    write_plan(plan)

    assert report(plan)[0] == [
        "ark.csv:2: error: refused to write content/mentors/anna-jensen.yml: it is a symbolic "
        "link, and files are never written through one; put the file itself in its place"
    ]
    assert outside.read_text(encoding="utf-8") == "name: x\n"


def test_a_file_is_written_whole_inside_content_and_never_through_a_link(tmp_path: Path) -> None:
    content = tmp_path / "content"
    (content / "mentors").mkdir(parents=True)
    outside = tmp_path / "outside"
    outside.mkdir()
    path = content / "mentors" / "anna.yml"

    write_content_file(path, "name: Anna\n", content)
    path.chmod(0o640)
    with pytest.raises(FileExistsError):
        write_content_file(path, "name: Other\n", content)
    write_content_file(path, "name: Anna Jensen\n", content, replace=True)
    assert path.read_text(encoding="utf-8") == "name: Anna Jensen\n"
    assert oct(path.stat().st_mode & 0o777) == oct(0o640)  # a replaced file keeps its mode

    # A write that fails leaves the file as it was, and no temporary file behind.
    def fail(source: object, target: object) -> None:
        raise OSError(28, "No space left on device")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(write.os, "replace", fail)
        with pytest.raises(OSError, match="No space"):
            write_content_file(path, "name: Half\n", content, replace=True)
    assert path.read_text(encoding="utf-8") == "name: Anna Jensen\n"
    assert [p.name for p in (content / "mentors").iterdir()] == ["anna.yml"]

    # A link, wherever it leads; a folder that leads outside content.
    (content / "mentors" / "bo.yml").symlink_to(outside / "bo.yml")
    (content / "mentors" / "ida.yml").symlink_to(path)
    (content / "roles").symlink_to(outside)
    for name, why in [
        ("mentors/bo.yml", "it is a symbolic link"),
        ("mentors/ida.yml", "it is a symbolic link"),
        ("roles/hr.yml", "its folder leads outside the content folder"),
        ("roles/new/hr.yml", "its folder leads outside the content folder"),
    ]:
        for replace in (False, True):
            with pytest.raises(RefusedPath, match=why):
                write_content_file(content / name, "name: x\n", content, replace=replace)
    assert list(outside.iterdir()) == []
    assert path.read_text(encoding="utf-8") == "name: Anna Jensen\n"

    # A folder that is a link inside content is as good as the folder it leads to.
    (content / "programmes").symlink_to(content / "mentors")
    write_content_file(content / "programmes" / "p.yml", "name: P\n", content)
    assert (content / "mentors" / "p.yml").read_text(encoding="utf-8") == "name: P\n"


# -- values that would break a line ----------------------------------------------------------


def test_a_value_shown_in_a_message_stays_on_its_line(project: Path, run: Run) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerows(
        [
            ["Id", "Navn", "Antal mentees", "Niveau", "Ledig fra", f"Note{FORGED}"],
            ["", "Nina Ravn", FORGED, FORGED, FORGED, ""],
            [FORGED, "Ole Berg", "1", "Leder", "", ""],
        ]
    )
    (project / "ark.csv").write_text(buffer.getvalue(), encoding="utf-8")

    status, out, err = run("ark.csv")

    shown = "x\\n::error file=a,line=1::forged"
    assert status == 1
    assert out == [
        f"ark.csv:2: error: Antal mentees: expected a whole number, found '{shown}'",
        f"ark.csv:2: error: Niveau: unknown level '{shown}'; expected one of: Direktør, "
        "Afdelingschef, Leder, Teamleder, Specialist, Medarbejder",
        f"ark.csv:2: error: Ledig fra: expected a date such as 2026-09-01 or 01-09-2026, "
        f"found '{shown}'",
        f"ark.csv:3: error: Id: '{shown}' is not an id: use lowercase letters a-z, digits and "
        "'-'; did you mean 'x-error-file-a-line-1-forged'?",
    ]
    assert f"mentorsite: columns ignored: Note{shown}" in err
    assert not any(line.startswith("::") for line in out + err)

    # A workbook's sheet is named in a message too.
    workbook(project / "svar.xlsx", [["Navn"], ["Ida Holm"]], title="Svar\nerror forged")
    _, _, err = run("svar.xlsx")
    assert err[0] == "mentorsite: reading the sheet 'Svar\\nerror forged' of svar.xlsx"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("a\nb\r\nc\td", "a\\nb\\r\\nc\\td"),
        ("\x1b[31mrød\x07", "\\x1b[31mrød\\x07"),
        ("a\x85b\u2028c\u2029d\x0b\x0c", "a\\x85b\\u2028c\\u2029d\\x0b\\x0c"),
        ("Søren Ærø, 'IT' \\ \"x\"", "Søren Ærø, 'IT' \\ \"x\""),
    ],
)
def test_control_characters_are_shown_escaped(text: str, shown: str) -> None:
    assert one_line(text) == shown
    assert one_line(shown) == shown  # escaping twice changes nothing
    assert len(one_line(text).splitlines()) == 1


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
    ("text", "folded", "made_id"),
    [
        ("Søren Søgaard", "soerensoegaard", "soeren-soegaard"),
        ("Karen Ærø", "karenaeroe", "karen-aeroe"),
        ("  Åse  O'Brien-Müller ", "aaseobrienmuller", "aase-o-brien-muller"),
        ("E-mail adresse", "emailadresse", "e-mail-adresse"),
        ("Søren Strauß", "soerenstrauss", "soeren-strauss"),
        ("Bär", "baer", "baer"),
    ],
)
def test_text_is_compared_and_made_an_id_as_danes_spell_it(
    text: str, folded: str, made_id: str
) -> None:
    assert (fold(text), slug(text)) == (folded, made_id)


def test_a_name_is_found_as_a_keyboard_without_danish_letters_types_it() -> None:
    assert spellings("Ærø") == {"aeroe", "aero"}
    places = Vocabulary("location", {"aeroe": "Ærø", "bornholm": "Bornholm"})
    assert [places.find(typed) for typed in ("Aero", "ÆRØ", "aeroe", "Borholm")] == [
        "aeroe",
        "aeroe",
        "aeroe",
        None,
    ]


def test_names_sort_as_in_a_danish_dictionary() -> None:
    names = ["Åse", "Ærø", "Zealand", "Østergaard", "anders", "Bär", "Bo"]
    assert sorted(names, key=sort_key) == [
        "anders",
        "Bo",
        "Bär",
        "Zealand",
        "Ærø",
        "Østergaard",
        "Åse",
    ]


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
