"""The history of the rules, roles, programmes and responsibilities, read from git.

A site is built from a git checkout; its log is the record of what changed and when.
This module asks git for that record with a fixed, small number of processes (one
`git log` for every commit, one `git cat-file --batch` for every file version) and
hands back each version of each file parsed, for `changes` to put into words.

Only committed history counts: uncommitted edits are not yet a change anyone agreed to.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

from mentorsite.history.bounds import SKIP_MARK, bounds, skipped
from mentorsite.history.bounds import HistoryError as HistoryError  # raised by read_history
from mentorsite.load.cache import LastResult
from mentorsite.load.documents import parse_mapping
from mentorsite.model.kinds import FILE_KINDS
from mentorsite.project import Paths

# The kinds whose history is kept: the folder under content/ of each kind kept one file per
# id, and the name of each kind that is one file (content/responsibilities.yml), which is
# also its id.
HISTORY_FOLDERS = {k.folder: k.name for k in FILE_KINDS.values() if k.history and k.folder}
HISTORY_FILES = {
    PurePosixPath(k.where).stem: k.name for k in FILE_KINDS.values() if k.history and not k.folder
}
_SUFFIXES = (".yml", ".yaml")
_NO_BLOB = "0" * 40

# Variables that would point git at another repository, index or pathspec syntax than
# the one the content folder is in (they are set, for example, inside a git hook).
_FOREIGN_VARIABLES = (
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_INDEX_FILE",
    "GIT_OBJECT_DIRECTORY",
    "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    "GIT_COMMON_DIR",
    "GIT_NAMESPACE",
    "GIT_PREFIX",
    "GIT_LITERAL_PATHSPECS",
    "GIT_GLOB_PATHSPECS",
    "GIT_NOGLOB_PATHSPECS",
    "GIT_ICASE_PATHSPECS",
)

# Settings that a user's configuration could change and the parser relies on.
_CONFIG = (
    "core.quotepath=off",
    "log.showSignature=false",
    "log.showRoot=true",
    "diff.relative=false",
    "color.ui=never",
)

SHALLOW_ADVICE = (
    "the history is cut off: this is a shallow clone; fetch the full history with "
    "`git fetch --unshallow` (`fetch-depth: 0` in GitHub Actions, `GIT_DEPTH: 0` in GitLab CI)"
)


@dataclass(frozen=True)
class Commit:
    sha: str
    short: str
    day: date  # the author date: when the change was written
    subject: str


@dataclass(frozen=True)
class Unreadable:
    """A version of a file that is not valid YAML, or holds no mapping of fields."""

    reason: str


@dataclass(frozen=True)
class Revision:
    """One file as one commit changed it.

    `id` is the file's id today, so that a file renamed since keeps its older history;
    `renamed_from` is the file's path before this commit when this commit renamed it.
    `before` is None when the commit added the file, `after` when it deleted it; either
    may be `Unreadable`. `cut_off` marks the oldest commit of a shallow clone: the file
    was not added there, its earlier history is just missing.
    """

    commit: Commit
    kind: str  # "rule", "role", "programme" or "responsibilities"
    id: str
    path: str  # the file's path in this commit, relative to the content folder
    before: Any
    after: Any
    renamed_from: str | None = None  # relative to the content folder, like `path`
    cut_off: bool = False


# Why there is no history, or why it is incomplete: a key for the site's locale files.
NO_GIT = "no_git"
NOT_A_CHECKOUT = "not_a_checkout"
NO_COMMITS = "no_commits"
OUTSIDE_REPOSITORY = "outside_repository"
GIT_FAILED = "git_failed"
SHALLOW = "shallow"


@dataclass(frozen=True)
class History:
    """The revisions of the content, newest first, or why there are none.

    `reason` is an English sentence for the command line and logs; `status` is the same
    as a key (`no_git`, `not_a_checkout`, `no_commits`, `outside_repository`,
    `git_failed`, `shallow`) for a site in another language.
    """

    available: bool
    reason: str | None = None
    status: str | None = None
    shallow: bool = False
    revisions: tuple[Revision, ...] = ()
    head: str | None = None

    @property
    def commits(self) -> list[Commit]:
        """The commits that changed the content, newest first."""
        return list(dict.fromkeys(revision.commit for revision in self.revisions))


def _unavailable(status: str, reason: str) -> History:
    return History(available=False, reason=reason, status=status)


LAST_READ: LastResult[History] = LastResult()
"""The history last read, kept while HEAD does not move: a preview server rebuilds often,
and the log of a long-lived repository is not free."""


@dataclass(frozen=True)
class _Repository:
    top: Path  # the repository's top folder
    prefix: str  # the content folder's path in it, with a trailing "/", or ""
    shallow: bool
    grafts: frozenset[str]  # where a shallow clone's history is cut off


def read_history(
    paths: Paths,
    since: str | None = None,
    *,
    begins: str | None = None,
    skip: Sequence[str] = (),
    cache: LastResult[History] = LAST_READ,
) -> History:
    """The committed history of the content, newest first; only `since..HEAD` if given,
    or only the commits written on or after `since` when it is a day (YYYY-MM-DD).

    `begins` (the plugin's `history_since`) is where the organisation's history begins,
    for content that was migrated into git: a revision, whose own commit and everything
    before it do not count, or a day (YYYY-MM-DD), from which commits count. A commit
    whose message holds SKIP_MARK never counts, nor one of `skip` (the plugin's
    `history_skip`: commits whose message can no longer be changed).

    Never raises for a missing git, a folder outside git or an empty repository (the
    History says why it is not available); raises HistoryError for an unknown `since`
    or `begins`. While HEAD does not move, `cache` gives the same History again.
    """
    if shutil.which("git") is None:
        return _unavailable(NO_GIT, "git is not installed")
    repository = _repository(paths)
    if isinstance(repository, History):
        return repository
    top, prefix = repository.top, repository.prefix
    head = _resolve(top, "HEAD")
    if head is None:
        return _unavailable(NO_COMMITS, "the repository has no commits yet")
    starts, first_day = bounds(since, begins, lambda rev: _resolve(top, rev), repository.shallow)
    left_out = skipped(list(skip), lambda rev: _resolve(top, rev), repository.shallow)
    key = (top, prefix, head, tuple(starts), first_day, left_out, repository.grafts)
    kept = cache.get(key)
    if kept is not None:
        return kept
    revisions = _read_revisions(top, prefix, head, starts, repository.grafts)
    if not isinstance(revisions, str):
        revisions = [
            r
            for r in revisions
            if r.commit.sha not in left_out and (first_day is None or r.commit.day >= first_day)
        ]
    if isinstance(revisions, str):
        return _unavailable(GIT_FAILED, revisions)
    shallow = repository.shallow
    history = History(
        available=True,
        reason=SHALLOW_ADVICE if shallow else None,
        status=SHALLOW if shallow else None,
        shallow=shallow,
        revisions=tuple(revisions),
        head=head,
    )
    return cache.keep(key, history)


def _repository(paths: Paths) -> _Repository | History:
    """Where the content is in its git repository; or, as a History, why it is in none."""
    folder = paths.content if paths.content.is_dir() else paths.root
    if not folder.is_dir():
        return _unavailable(NOT_A_CHECKOUT, f"the folder {folder} does not exist")
    try:
        found = _git(
            folder,
            "rev-parse",
            "--show-toplevel",
            "--is-shallow-repository",
            "--git-path",
            "shallow",
        )
    except FileNotFoundError:
        return _unavailable(NO_GIT, "git is not installed")
    except OSError as error:
        return _unavailable(GIT_FAILED, f"git could not be run: {error.strerror}")
    if found.returncode != 0:
        message = _first_line(found.stderr)
        if "not a git repository" in message:
            return _unavailable(NOT_A_CHECKOUT, "not a git checkout")
        return _unavailable(GIT_FAILED, f"git could not read the repository: {message}")
    top_line, shallow_line, shallow_file = [*found.stdout.splitlines(), "", "", ""][:3]
    top = Path(top_line).resolve()
    shallow = shallow_line.strip() == "true"
    try:
        prefix = paths.content.resolve().relative_to(top).as_posix()
    except ValueError:
        return _unavailable(OUTSIDE_REPOSITORY, "the content folder is outside the git repository")
    grafts = _shallow_commits(folder / shallow_file) if shallow else frozenset()
    return _Repository(top, "" if prefix == "." else prefix + "/", shallow, grafts)


# -- git ------------------------------------------------------------------------------------


def _git(
    where: Path, *args: str, input: bytes | None = None
) -> subprocess.CompletedProcess[str] | subprocess.CompletedProcess[bytes]:
    """Run one git command with settings that no user configuration can change.

    Text output for the small commands; bytes when `input` is given (cat-file).
    """
    environment = {k: v for k, v in os.environ.items() if k not in _FOREIGN_VARIABLES}
    environment.update(LC_ALL="C", GIT_TERMINAL_PROMPT="0", GIT_NO_LAZY_FETCH="1")
    command = ["git", "--no-pager"]
    for setting in _CONFIG:
        command += ["-c", setting]
    return _run(
        [*command, *args],
        cwd=where,
        env=environment,
        input=input,
        capture_output=True,
        text=input is None,
        encoding="utf-8" if input is None else None,
        errors="replace" if input is None else None,
        check=False,
    )


def _run(command: list[str], **options: Any) -> subprocess.CompletedProcess[Any]:
    # Every git process goes through here: tests count them.
    return subprocess.run(command, **options)


def _first_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[0].removeprefix("fatal: ") if lines else "unknown error"


def _resolve(top: Path, revision: str) -> str | None:
    found = _git(top, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    if found.returncode != 0:
        return None
    return found.stdout.strip() or None


def _shallow_commits(path: Path) -> frozenset[str]:
    """The commits at which a shallow clone's history is cut off (git lists them there)."""
    try:
        return frozenset(path.read_text(encoding="ascii").split())
    except (OSError, UnicodeDecodeError):
        return frozenset()


_FORMAT = "%x1e%H%x1f%ad%x1f%s"


@dataclass
class _Entry:
    commit: Commit
    status: str
    old_blob: str
    new_blob: str
    old_path: str
    new_path: str


def _read_revisions(
    top: Path, prefix: str, head: str, starts: list[str], grafts: frozenset[str]
) -> list[Revision] | str:
    pathspecs = [f":(literal){prefix}{folder}" for folder in HISTORY_FOLDERS]
    pathspecs += [
        f":(literal){prefix}{stem}{suffix}" for stem in HISTORY_FILES for suffix in _SUFFIXES
    ]
    log = _git(
        top,
        "log",
        "--raw",
        "-z",
        "--no-abbrev",
        "--find-renames",
        "--no-merges",
        "--date-order",
        "--date=short",
        "--encoding=UTF-8",
        "--no-ext-diff",
        "--no-textconv",
        "--invert-grep",
        "--fixed-strings",
        f"--grep={SKIP_MARK}",
        f"--format={_FORMAT}",
        head,
        *(f"^{start}" for start in starts),
        "--",
        *pathspecs,
    )
    if log.returncode != 0:
        return f"git log failed: {_first_line(log.stderr)}"
    entries = _parse_log(log.stdout)
    blobs = _read_blobs(top, {b for e in entries for b in (e.old_blob, e.new_blob)})
    return _revisions(entries, prefix, blobs, grafts)


def _parse_log(output: str) -> list[_Entry]:
    """Entries of `git log --raw -z`: a header per commit, then its changed files."""
    entries: list[_Entry] = []
    tokens = output.split("\0")
    commit: Commit | None = None
    at = 0
    while at < len(tokens):
        token = tokens[at].lstrip("\n")
        at += 1
        if token.startswith("\x1e"):
            sha, day, subject = ([*token[1:].split("\x1f", 2), "", ""])[:3]
            commit = Commit(sha, sha[:7], _day(day), subject)
        elif token.startswith(":") and commit is not None:
            meta = token[1:].split()
            if len(meta) < 5:
                continue
            old_mode, new_mode, old_blob, new_blob, status = meta[:5]
            letter = status[:1]
            old_path = tokens[at] if at < len(tokens) else ""
            at += 1
            new_path = old_path
            if letter in "RC":
                new_path = tokens[at] if at < len(tokens) else ""
                at += 1
            # Only plain files are content; a symlink or submodule has no YAML to read.
            if old_mode not in ("000000", "100644", "100755"):
                old_blob = _NO_BLOB
            if new_mode not in ("000000", "100644", "100755"):
                new_blob = _NO_BLOB
            entries.append(_Entry(commit, letter, old_blob, new_blob, old_path, new_path))
    return entries


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return date(1970, 1, 1)


def _read_blobs(top: Path, blobs: set[str]) -> dict[str, bytes]:
    """Every file version at once, through one `git cat-file --batch`."""
    wanted = sorted(blob for blob in blobs if blob and blob != _NO_BLOB)
    if not wanted:
        return {}
    found = _git(top, "cat-file", "--batch", input="".join(f"{b}\n" for b in wanted).encode())
    output: bytes = found.stdout
    contents: dict[str, bytes] = {}
    at = 0
    while at < len(output):
        end = output.find(b"\n", at)
        if end < 0:
            break
        header = output[at:end].decode("ascii", "replace").split()
        at = end + 1
        if len(header) == 3 and header[1] == "blob" and header[2].isdigit():
            size = int(header[2])
            contents[header[0]] = output[at : at + size]
            at += size + 1  # the content, then a newline
    return contents


def _classify(path: str, prefix: str) -> tuple[str, str] | None:
    """The kind and id of a path of the repository, or None when its history is not kept."""
    if not path.startswith(prefix):
        return None
    parts = PurePosixPath(path[len(prefix) :]).parts
    name = parts[-1] if parts else ""
    if not name.endswith(_SUFFIXES) or name.startswith("."):
        return None
    stem = name.rsplit(".", 1)[0]
    if len(parts) == 1 and stem in HISTORY_FILES:
        return HISTORY_FILES[stem], stem
    if len(parts) == 2 and parts[0] in HISTORY_FOLDERS:
        return HISTORY_FOLDERS[parts[0]], stem
    return None


def _revisions(
    entries: list[_Entry], prefix: str, blobs: dict[str, bytes], grafts: frozenset[str]
) -> list[Revision]:
    """Revisions newest first, each under the id its file has today."""
    parsed: dict[str, Any] = {}

    def version(blob: str) -> Any:
        if blob == _NO_BLOB:
            return None
        if blob not in parsed:
            parsed[blob] = _parse(blobs[blob]) if blob in blobs else Unreadable("missing")
        return parsed[blob]

    # Going back in time, a renamed file's older path stands for the path it has today.
    today: dict[str, str] = {}
    revisions = []

    def add(path: str, before: Any, after: Any, **marks: Any) -> None:
        where = _classify(today.get(path, path), prefix)
        if where is not None:
            revisions.append(
                Revision(entry.commit, *where, path[len(prefix) :], before, after, **marks)
            )

    for entry in entries:
        old = _classify(entry.old_path, prefix)
        new = _classify(entry.new_path, prefix)
        before, after = version(entry.old_blob), version(entry.new_blob)
        if entry.status != "R":
            add(
                entry.new_path,
                before,
                after,
                cut_off=entry.status == "A" and entry.commit.sha in grafts,
            )
        elif old is not None and new is not None and old[0] == new[0]:
            add(entry.new_path, before, after, renamed_from=entry.old_path[len(prefix) :])
            today[entry.old_path] = today.get(entry.new_path, entry.new_path)
        else:
            # Moved into or out of what is kept, or to another kind: an addition and a
            # deletion, each seen where it happened.
            add(entry.new_path, None, after)
            add(entry.old_path, before, None)
    return revisions


def _parse(data: bytes) -> Any:
    """A file version's fields, or Unreadable: an old mistake must not stop today's build."""
    fields = parse_mapping(data)
    return Unreadable(fields) if isinstance(fields, str) else fields
