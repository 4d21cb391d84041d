"""The MkDocs plugin: a thin adapter that hands mentorsite's pages to MkDocs."""

from .plugin import MentorsitePlugin

__all__ = ["MentorsitePlugin"]
