"""The home page: the programmes, and a way in for each role."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mentorsite.site.page import Page

if TYPE_CHECKING:
    from mentorsite.site.index import SiteIndex


def pages(index: SiteIndex) -> list[Page]:
    routes = index.routes
    context = {
        "programmes": index.programmes,
        "roles": list(index.roles.values()),
        "mentor_count": len(index.mentors),
        "catalogue_url": routes.page("catalogue").url,
        "roles_url": routes.page("roles").url,
        "rules_url": routes.page("rules").url,
        "organisation": index.content.organisation.name,
    }
    title = index.content.organisation.name
    return [Page(routes.page("home"), "home.html.j2", title, context, hide=("toc",))]
