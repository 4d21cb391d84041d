"""The MkDocs plugin: a thin adapter that hands mentorsite's pages to MkDocs."""

from mentorsite.adapters.mkdocs.plugin import MentorsitePlugin

__all__ = ["MentorsitePlugin"]
