"""Which engine runs the plugin and `mentorsite build`: ProperDocs or MkDocs 1.6.

ProperDocs is the maintained fork of MkDocs 1.6 and keeps its modules under its own name;
once `properdocs.replacement` is imported, `import mkdocs.config` loads
`properdocs.config`, as `properdocs build` arranges for the plugins it runs. Every module
of this adapter is imported after this one (the package imports it first), so their
`mkdocs` imports work with either engine.

The choice: the engine already running (under `mkdocs build` or `properdocs build`);
else ProperDocs when it is installed, since nothing installs it unasked and it is the one
still maintained; else MkDocs, which mentorsite and Material for MkDocs depend on.
"""

from __future__ import annotations

import importlib.util
import logging
import sys
from collections.abc import Callable

MKDOCS = "mkdocs"
PROPERDOCS = "properdocs"


class EngineMissing(ImportError):
    """Neither engine is installed."""


def choose(running: str | None, installed: Callable[[str], bool]) -> str | None:
    """The engine to use: the one running, else ProperDocs, else MkDocs; None if neither."""
    if running is not None:
        return running
    for name in (PROPERDOCS, MKDOCS):
        if installed(name):
            return name
    return None


def _running() -> str | None:
    module = sys.modules.get(MKDOCS)
    # Under `properdocs build`, `mkdocs` is ProperDocs' own package under the old name.
    return None if module is None else module.__name__


def _installed(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


ENGINE = choose(_running(), _installed)

if ENGINE == PROPERDOCS and MKDOCS not in sys.modules:
    import properdocs.replacement  # noqa: F401  (from here on, mkdocs.* is ProperDocs)

    # As ProperDocs' own command line does: what plugins log under the old name ("mkdocs.…")
    # goes where ProperDocs' own messages go, and counts towards --strict.
    logging.getLogger(MKDOCS).parent = logging.getLogger(PROPERDOCS)


def require() -> str:
    """The engine's name; a sentence for the user when there is none."""
    if ENGINE is None:
        raise EngineMissing(
            "neither MkDocs nor ProperDocs is installed: install one of them "
            "(pip install properdocs, or pip install 'mkdocs>=1.6,<2')"
        )
    return ENGINE


def logger_name() -> str:
    """The logger the engine writes its messages to: "mkdocs" or "properdocs"."""
    return ENGINE or MKDOCS
