"""`mentorsite check` answers properly whatever HR does to a file: fuzzed edits, and known cases.

A proper answer is exit status 0 or 1, one `PATH:LINE:COL: error|warning: MESSAGE` line on
stdout per problem, no crash, and nothing a terminal or a CI runner would act on: no raw
control character and no line that starts with `::` (a GitHub Actions workflow command).
"""

from __future__ import annotations

import io
import itertools
import re
import shutil
import unicodedata
from collections.abc import Iterator
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from conftest import REPO, copy_example, edit
from mentorsite.adapters.cli.main import main

# The files HR edits, by kind: a kind is drawn first, so that the twenty mentors do not
# crowd out the two config files.
KINDS = {
    "mentor": "content/mentors/*.yml",
    "programme": "content/programmes/*.yml",
    "rule": "content/rules/*.yml",
    "role": "content/roles/*.yml",
    "responsibilities": "content/responsibilities.yml",
    "organisation": "config/organisation.yml",
    "taxonomy": "config/taxonomy.yml",
}
FILES = {
    kind: sorted(path.relative_to(REPO).as_posix() for path in REPO.glob(pattern))
    for kind, pattern in KINDS.items()
}

# Replacement values, as YAML source that is valid both in block and in flow context.
LONG = '"' + "lang tekst " * 2000 + '"'
FORGED = '"x\\n::error file=content/x.yml,line=1::forged"'
OTHER_TYPES = [
    "[a, b]",
    "[]",
    "{a: 1}",
    "{}",
    "42",
    "0",
    "true",
    "null",
    '""',
    LONG,
    '"line one\\nline two"',
    '"bell \\a here"',
    '"escape \\e[31mred\\e[0m"',
    '"nul \\0 here"',
    '"carriage\\rreturn"',
    FORGED,
    '"::warning::forged"',
]
DATES = ["9999-12-31", "0000-00-00", "0001-01-01", "2026-02-30", "2026-13-01", "1900-01-01"]
NUMBERS = [
    "1234567890123456789012345678901234567890",
    "-1234567890123456789012345678901234567890",
    "-1",
    "1e309",
    "1.0e+309",
    ".nan",
    ".inf",
    "-.inf",
    "0.5",
    "0x10",
]
TAGS = [
    "!!timestamp nonsense",
    "!!bool maybe",
    "!!int abc",
    "!!float abc",
    "!!binary zzz",
    "!!binary aGVsbG8=",
    "!!python/object:os.system",
    "!custom x",
    "!!set {a, b}",
    "!!omap [a: 1]",
    "!!str 12",
    "!!null x",
]
# Characters a YAML reader refuses: the file stops parsing.
RAW = ["raw \x07 bell", "raw \x1b[31m escape", "raw \x00 nul"]
ANY_VALUE = OTHER_TYPES + DATES + NUMBERS + TAGS + RAW
PATHS = [
    '"a\\0b"',
    '"' + "a" * 300 + '.md"',
    '"a\\nb"',
    '"/etc/passwd"',
    '"../../../mkdocs.yml"',
    '""',
    '"nowhere.md"',
]

PATH_KEYS = ("file", "photo")
DATE = re.compile(r"\d{4}-\d\d-\d\d")
NUMBER = re.compile(r"-?\d+(\.\d+)?")

# Where a value stands: after `key: ` on a block line, after `key: ` inside `{...}`, an item
# of `[...]`, or a plain item of a block list. Block scalars (`|`, `>`) are left alone.
SLOTS = [
    re.compile(r"^ *(?:- )?(?P<key>[\w-]+): +(?P<value>[^|>#\s].*?) *$", re.MULTILINE),
    re.compile(r"(?<=[{,] )(?P<key>[\w-]+): (?P<value>\"[^\"]*\"|[^,{}\[\]\"]+?)(?=[,}])"),
    re.compile(r"(?:(?<=\[)|(?<=, ))(?P<value>[\w-]+)(?=[,\]])"),
    re.compile(r"^ *- (?![\w-]+:(?: |$))(?P<value>[^{\[\s#].*?) *$", re.MULTILINE),
]

_folders = itertools.count()


# -- mutations ------------------------------------------------------------------------------


class _Shown:
    """Hypothesis shows a failing example with its repr, not field by field."""

    def _repr_pretty_(self, printer, cycle: bool) -> None:
        printer.text(repr(self))


@dataclass(frozen=True)
class DeleteLine(_Shown):
    line: int

    def __repr__(self) -> str:
        return f"DeleteLine({self.line})"

    def apply(self, text: str) -> str:
        lines = text.split("\n")
        del lines[self.line - 1]
        return "\n".join(lines)


@dataclass(frozen=True)
class SwapLines(_Shown):
    line: int
    other: int

    def __repr__(self) -> str:
        return f"SwapLines({self.line}, {self.other})"

    def apply(self, text: str) -> str:
        lines = text.split("\n")
        a, b = self.line - 1, self.other - 1
        lines[a], lines[b] = lines[b], lines[a]
        return "\n".join(lines)


@dataclass(frozen=True)
class DuplicateLine(_Shown):
    line: int

    def __repr__(self) -> str:
        return f"DuplicateLine({self.line})"

    def apply(self, text: str) -> str:
        lines = text.split("\n")
        lines.insert(self.line - 1, lines[self.line - 1])
        return "\n".join(lines)


@dataclass(frozen=True)
class ReplaceValue(_Shown):
    line: int
    key: str
    old: str
    new: str
    start: int
    end: int

    def apply(self, text: str) -> str:
        return text[: self.start] + self.new + text[self.end :]

    def __repr__(self) -> str:
        return f"ReplaceValue(line={self.line}, key={self.key!r}, new={_short(self.new)})"


@dataclass(frozen=True)
class Mutation(_Shown):
    path: str
    edits: tuple
    text: str

    def __repr__(self) -> str:  # the text is long and the edits say what it is
        return f"Mutation(path={self.path!r}, edits={self.edits!r})"


def _short(value: str) -> str:
    return repr(value) if len(value) < 80 else f"{value[:60]!r}… ({len(value)} characters)"


def value_slots(text: str) -> list[ReplaceValue]:
    """Every value of the text that a replacement can stand in for, in reading order."""
    found = {}
    for pattern in SLOTS:
        for match in pattern.finditer(text):
            start, end = match.span("value")
            key = match.groupdict().get("key") or "[item]"
            line = text.count("\n", 0, start) + 1
            found.setdefault(start, ReplaceValue(line, key, match["value"], "", start, end))
    return [found[start] for start in sorted(found)]


def replacements(slot: ReplaceValue) -> st.SearchStrategy[str]:
    """Any value, and more often one close to the kind of value the slot holds."""
    if slot.key in PATH_KEYS:
        near = PATHS
    elif DATE.fullmatch(slot.old):
        near = DATES
    elif NUMBER.fullmatch(slot.old):
        near = NUMBERS
    else:
        near = TAGS
    return st.one_of(st.sampled_from(near), st.sampled_from(ANY_VALUE))


@st.composite
def an_edit(draw: st.DrawFn, text: str):
    """One edit of the text: a line deleted, swapped or duplicated, or a value replaced."""
    count = text.count("\n") + 1
    line = st.integers(1, count)
    slots = value_slots(text)
    kinds = ["delete", "swap", "duplicate"] + (["replace"] * 3 if slots else [])
    kind = draw(st.sampled_from(kinds))
    if kind == "delete":
        return DeleteLine(draw(line))
    if kind == "swap":
        return SwapLines(draw(line), draw(line))
    if kind == "duplicate":
        return DuplicateLine(draw(line))
    # Dates, numbers and material paths are where the known crashes were: aim at them often.
    typed = [slot for slot in slots if DATE.fullmatch(slot.old) or NUMBER.fullmatch(slot.old)]
    files = [slot for slot in slots if slot.key in PATH_KEYS]
    pool = draw(st.sampled_from([pool for pool in (slots, typed, files) if pool]))
    slot = draw(st.sampled_from(pool))
    return ReplaceValue(
        slot.line, slot.key, slot.old, draw(replacements(slot)), slot.start, slot.end
    )


@st.composite
def mutations(draw: st.DrawFn) -> Mutation:
    """One example file with one to three edits."""
    kind = draw(st.sampled_from(sorted(FILES)))
    path = draw(st.sampled_from(FILES[kind]))
    text = (REPO / path).read_text(encoding="utf-8")
    edits = []
    for _ in range(draw(st.integers(1, 3))):
        change = draw(an_edit(text))
        text = change.apply(text)
        edits.append(change)
    return Mutation(path, tuple(edits), text)


# -- running check and judging its answer ---------------------------------------------------

PROBLEM = re.compile(
    r"(?P<path>[^:\s][^:]*):(?P<line>[1-9]\d*):(?P<column>[1-9]\d*): "
    r"(?P<severity>error|warning): \S"
)


@pytest.fixture(autouse=True)
def _crashes_raise(monkeypatch: pytest.MonkeyPatch) -> None:
    # Without it the CLI's catch-all turns a crash into one line and exit 1.
    monkeypatch.setenv("MENTORSITE_DEBUG", "1")


def run_check(project: Path) -> tuple[int, str, str]:
    """`mentorsite check` in-process: the exit status, stdout and stderr."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = main(["check", "-f", str(project / "mkdocs.yml")])
    return status, out.getvalue(), err.getvalue()


class _DatesAsText(yaml.SafeLoader):
    """The safe loader, but a date no calendar has (2026-02-30) is text: a value for the
    validator to judge at its field (a title may read 0000-00-00), not broken YAML."""

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> object:
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            return node.value


_DatesAsText.add_constructor("tag:yaml.org,2002:timestamp", _DatesAsText.construct_yaml_timestamp)


def parses(text: str) -> bool:
    """Whether the text is YAML a safe loader reads; if not, `check` must say so."""
    try:
        yaml.load(text, Loader=_DatesAsText)  # a SafeLoader: no arbitrary objects
    except Exception:
        return False
    return True


def lines(output: str) -> Iterator[str]:
    # Not splitlines(): it also splits at \x1c-\x1e, \x85 and \u2028, which would hide them.
    yield from output.removesuffix("\n").split("\n") if output else ()


def assert_answers_properly(project: Path, path: str, text: str, answer: tuple) -> None:
    """The properties every answer of `check` has, whatever was done to `path`."""
    status, out, err = answer
    assert status in (0, 1)
    assert "Traceback" not in out + err
    assert "mentorsite: error:" not in err, err
    for line in [*lines(out), *lines(err)]:
        controls = [c for c in line if c != "\t" and unicodedata.category(c) == "Cc"]
        assert not controls, f"raw control characters {controls!r} in {line!r}"
        assert not line.startswith("::"), f"a forged workflow command: {line!r}"
    for line in lines(err):
        assert line.startswith("mentorsite: "), f"a line of its own on stderr: {line!r}"
    errors = 0
    for line in lines(out):
        problem = PROBLEM.match(line)
        assert problem, f"not PATH:LINE:COL: error|warning: MESSAGE: {line!r}"
        assert not Path(problem["path"]).is_absolute(), line
        assert (project / problem["path"]).exists(), f"no such file: {line!r}"
        errors += problem["severity"] == "error"
    assert status == (1 if errors else 0), out
    if not parses(text):
        mine = [line for line in lines(out) if line.startswith(f"{path}:")]
        assert any(": error: " in line for line in mine), f"{path} does not parse:\n{out}"


# -- the property ---------------------------------------------------------------------------


@settings(
    max_examples=400,
    derandomize=True,
    database=None,
    deadline=None,
    # tmp_path is only a parent: each example copies the project into a folder of its own,
    # and the autouse fixtures set environment variables that are the same for all.
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(mutation=mutations())
def test_check_answers_properly_whatever_the_edit(tmp_path: Path, mutation: Mutation) -> None:
    # A fresh folder each time: the loader's caches are keyed on path, mtime and size.
    project = copy_example(tmp_path / f"example-{next(_folders)}")
    try:
        (project / mutation.path).write_bytes(mutation.text.encode("utf-8"))
        note("\n".join(changed_lines(mutation)))
        answer = run_check(project)
        note(f"stdout:\n{answer[1]}")
        assert_answers_properly(project, mutation.path, mutation.text, answer)
    finally:
        shutil.rmtree(project, ignore_errors=True)


def changed_lines(mutation: Mutation) -> list[str]:
    before = (REPO / mutation.path).read_text(encoding="utf-8").split("\n")
    after = mutation.text.split("\n")
    return [f"{n}: {line[:200]!r}" for n, line in enumerate(after, 1) if line not in before]


# -- known cases ----------------------------------------------------------------------------

ANNA = "content/mentors/anna-jensen.yml"
KORPS = "content/programmes/mentorkorps.yml"
GROUP_SIZE = "content/rules/group-size.yml"
ORGANISATION = "config/organisation.yml"
HUGE = "1234567890123456789012345678901234567890"
LONG_NAME = "a" * 300  # longer than a file name may be (255 bytes)
QUALIFICATION = '["delegaton\\n::error file=x,line=1::forged", '


@pytest.mark.parametrize(
    ("path", "old", "new", "named"),
    [
        (ANNA, "reviewed: 2026-09-01", "reviewed: 9999-12-31", "reviewed"),
        (ANNA, "reviewed: 2026-09-01", "reviewed: 2026-02-30", "reviewed"),
        (GROUP_SIZE, "effective: 2026-11-01", "effective: 2026-02-30", "effective"),
        (
            ORGANISATION,
            "profile_review_months: 12",
            f"profile_review_months: {HUGE}",
            "profile_review_months",
        ),
        (GROUP_SIZE, "effective: 2026-11-01", "effective: !!timestamp nonsense", "effective"),
        (GROUP_SIZE, "effective: 2026-11-01", "effective: !!bool maybe", "effective"),
        (ANNA, "capacity: 2", "capacity: !!int abc", "capacity"),
        (ANNA, "capacity: 2", "capacity: !!float abc", "capacity"),
        (KORPS, "file: ../materials/mentoraftale.md", 'file: "a\\0b"', "file"),
        (KORPS, "file: ../materials/mentoraftale.md", f'file: "{LONG_NAME}.md"', "file"),
        (ANNA, "photo: anna-jensen.jpg", f'photo: "{LONG_NAME}.jpg"', "photo"),
        (ANNA, "title: Afdelingschef", "title: Afdelings\x07chef", "title"),
        (ANNA, "title: Afdelingschef, IT-udvikling", 'title: "Afdelings\\achef"', "title"),
        (
            ANNA,
            "qualifications: [delegation, ",
            f"qualifications: {QUALIFICATION}",
            "qualifications",
        ),
    ],
    ids=[
        "reviewed-9999-12-31",
        "reviewed-2026-02-30",
        "effective-2026-02-30",
        "profile_review_months-40-digits",
        "effective-timestamp-tag",
        "effective-bool-tag",
        "capacity-int-tag",
        "capacity-float-tag",
        "material-file-nul",
        "material-file-name-too-long",
        "photo-name-too-long",
        "title-raw-bell",
        "title-escaped-bell",
        "qualification-forged-workflow-command",
    ],
)
def test_known_bad_values_are_errors_at_their_line(
    project: Path, path: str, old: str, new: str, named: str
) -> None:
    file = project / path
    assert old in file.read_text(encoding="utf-8")
    edit(file, lambda s: s.replace(old, new, 1))
    text = file.read_text(encoding="utf-8")
    line = text[: text.index(new)].count("\n") + 1
    answer = run_check(project)
    assert_answers_properly(project, path, text, answer)
    status, out, _ = answer
    assert status == 1
    located = re.compile(rf"{re.escape(path)}:{line}:\d+: error: .*\b{re.escape(named)}\b")
    assert any(located.match(problem) for problem in lines(out)), out


def test_github_annotations_cannot_be_forged(project: Path) -> None:
    edit(
        project / ANNA,
        lambda s: s.replace("qualifications: [delegation, ", "qualifications: " + QUALIFICATION, 1),
    )
    out = io.StringIO()
    with redirect_stdout(out), redirect_stderr(io.StringIO()):
        status = main(["check", "-f", str(project / "mkdocs.yml"), "--format", "github"])
    assert status == 1
    for line in lines(out.getvalue()):
        assert re.match(r"::(error|warning) file=[\w./-]+(,line=\d+,col=\d+)?::", line), line
        assert not line.startswith("::error file=x"), line
