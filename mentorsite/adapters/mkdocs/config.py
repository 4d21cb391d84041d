"""The options of the plugin, as written under `plugins: - mentorsite:` in mkdocs.yml."""

from __future__ import annotations

from datetime import date

from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError


class _RevisionOrDay(c.BaseConfigOption[str]):
    """A git revision, or a day that YAML may have read as a date: either as text."""

    def run_validation(self, value: object) -> str:
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, str) and value.strip():
            return value.strip()
        raise ValidationError("expected a revision (a tag, branch or commit) or a day (YYYY-MM-DD)")


class MentorsiteConfig(Config):
    content_dir = c.Type(str, default="content")
    """The content folder, relative to mkdocs.yml."""

    config_dir = c.Type(str, default="config")
    """The folder of organisation.yml and taxonomy.yml, relative to mkdocs.yml."""

    theme_dir = c.Optional(c.Type(str))
    """The organisation's own theme folder, searched before the default theme."""

    edition = c.Choice(("staff", "hr"), default="staff")
    """Which edition to build; `mentorsite build --edition` overrides it."""

    pairs_file = c.Optional(c.Type(str))
    """HR's private pairs file, relative to mkdocs.yml: the HR edition's overview counts the
    mentees waiting for a mentor from it. The staff edition never reads it.
    `mentorsite build --pairs` overrides it."""

    history_since = c.Optional(_RevisionOrDay())
    """Where the organisation's history begins, for content migrated into git: a revision
    (a tag, branch or commit; it and everything before it do not count) or a day
    (YYYY-MM-DD, from which commits count). A commit whose message holds `[skip history]`
    never counts."""

    history_skip = c.ListOfItems(c.Type(str), default=[])
    """Commits left out of the history, as `[skip history]` in a message leaves one out: for
    a commit whose message can no longer be changed (merged, or published)."""
