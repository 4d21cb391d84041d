"""The options of the plugin, as written under `plugins: - mentorsite:` in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


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
