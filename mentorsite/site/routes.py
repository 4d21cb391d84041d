"""Where every page and file of the site goes: one table, one place.

A page's path is the source path an engine sees (`mentors/anna-jensen.md`); its URL is
what the engine makes of it, with or without directory URLs. Views ask here for both;
templates receive URLs and never compose them.
"""

from __future__ import annotations

from dataclasses import dataclass

# Each kind of page, and the pattern of its source path.
PAGES = {
    "home": "index.md",
    "programmes": "programmes/index.md",
    "programme": "programmes/{id}.md",
    "checklist": "programmes/{programme}/{role}.md",
    "catalogue": "mentors/index.md",
    "facet": "mentors/{folder}/{id}.md",
    "profile": "mentors/{id}.md",
    "roles": "roles/index.md",
    "role": "roles/{id}.md",
    "rules": "rules/index.md",
    "rule": "rules/{id}.md",
    "changes": "changes/index.md",
    "role_changes": "changes/{role}.md",
    "guide": "guide/index.md",
    "fields": "guide/fields.md",
    "hr": "hr/index.md",
}

# Each kind of file published beside the pages. A profile's images stand in its folder.
ASSETS = {
    "photo": "mentors/{id}/photo.jpg",
    "card_photo": "mentors/{id}/card.jpg",
    "initials": "mentors/{id}/initials.svg",
    "material": "files/{path}",
    "mentors_json": "mentors.json",
    "mentors_csv": "mentors.csv",
    "stylesheet": "assets/mentorsite/mentorsite.css",
    "script": "assets/mentorsite/mentorsite.js",
}

# The page kind that lists the items of a kind of content, and each item's page.
ITEM_PAGES = {"programme": "programme", "mentor": "profile", "role": "role", "rule": "rule"}


@dataclass(frozen=True)
class Route:
    path: str  # the source path, e.g. "mentors/anna-jensen.md"
    url: str  # from the site's root, e.g. "mentors/anna-jensen/"


class Routes:
    """Paths and URLs of one site: directory URLs (`a/`) or not (`a.html`)."""

    def __init__(self, directory_urls: bool = True) -> None:
        self.directory_urls = directory_urls

    def page(self, kind: str, **parts: str) -> Route:
        path = PAGES[kind].format(**parts)
        return Route(path, self.url_of(path))

    def item(self, kind: str, item_id: str) -> Route:
        """The page of a programme, mentor, role or rule."""
        return self.page(ITEM_PAGES[kind], id=item_id)

    def asset(self, kind: str, **parts: str) -> str:
        """A file's path, which is also its URL."""
        return ASSETS[kind].format(**parts)

    def file_url(self, path: str) -> str:
        """A published file's URL: a Markdown file becomes a page of its own."""
        return self.url_of(path) if path.endswith(".md") else path

    def anchor(self, kind: str, fragment: str, **parts: str) -> str:
        return f"{self.page(kind, **parts).url}#{fragment}"

    def url_of(self, path: str) -> str:
        """The URL an engine gives a Markdown source path, from the site's root."""
        stem = path[: -len(".md")]
        if stem == "index" or stem.endswith("/index"):
            return stem[: -len("index")]
        return f"{stem}/" if self.directory_urls else f"{stem}.html"


def relative_url(base: str, target: str) -> str:
    """A link from the page at URL `base` to `target`, both from the site's root.

    Called for every link of every page, so it compares path segments directly rather
    than through posixpath.relpath, which is several times slower.
    """
    folders = base.split("/")[:-1]  # "a/b/" and "a/b.html" both lie in a/b/ and a/
    parts = target.split("/")
    common = 0
    while common < len(folders) and common < len(parts) - 1 and folders[common] == parts[common]:
        common += 1
    return "../" * (len(folders) - common) + "/".join(parts[common:]) or "./"
