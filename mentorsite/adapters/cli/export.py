"""`mentorsite export`: check, then write the site as a plain project for another engine.

Like a build, the export is written in a temporary folder beside the target and swapped
in only when it is complete; a folder that mentorsite did not export is replaced only
with --force.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from mentorsite.adapters.cli.check import check
from mentorsite.adapters.cli.console import existing_config_file, say
from mentorsite.adapters.export.project import ExportError, export, read_source
from mentorsite.output import EXPORT_MARKER, not_ours, swap_in, unsafe_target


def run_export(args: argparse.Namespace) -> int:
    config_file = existing_config_file(args)
    if config_file is None:
        return 1
    if args.pairs and args.edition != "hr":
        say("the pairs file is read by the HR edition only (--edition hr)")
    pairs = Path(args.pairs) if args.pairs else None
    try:
        source = read_source(config_file, edition=args.edition, pairs=pairs)
    except ExportError as error:
        say(f"error: {error}")
        return 1
    target = Path(args.output).resolve()
    refused = unsafe_target(target, config_file.parent, source.sources)
    if refused is None and not args.force:
        refused = not_ours(target, EXPORT_MARKER)
        refused = refused and f"{refused} (add --force to replace it)"
    if refused:
        say(f"error: {refused}; nothing was exported")
        return 1
    status, result = check(source.paths, strict=args.strict)
    if status or result.content is None:
        say("nothing was exported; the previous export is as it was")
        return status or 1
    target.parent.mkdir(parents=True, exist_ok=True)
    workdir = Path(tempfile.mkdtemp(prefix=f".{target.name}-exporting-", dir=target.parent))
    try:
        exported = export(source, result.content, workdir)
    except ExportError as error:
        shutil.rmtree(workdir, ignore_errors=True)
        say(f"error: {error}")
        say("nothing was exported; the previous export is as it was")
        return 1
    except BaseException:
        shutil.rmtree(workdir, ignore_errors=True)
        raise
    (workdir / EXPORT_MARKER).write_text(
        "Written by `mentorsite export`: the next export replaces this folder.\n", encoding="utf-8"
    )
    swap_in(workdir, target)
    for note in exported.notes:
        say(note)
    say(
        f"exported the {source.edition.value} edition to {target}: {exported.pages} pages, "
        f"{exported.files} files; build it there with `zensical build`, `mkdocs build` or "
        "`properdocs build`"
    )
    return 0
