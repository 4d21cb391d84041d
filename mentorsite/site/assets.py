"""The files published with the pages: photos in two sizes or drawn initials, materials,
and the catalogue as CSV and JSON."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from mentorsite.photos import AVATAR_COLOURS, initials_avatar
from mentorsite.site.exports import mentors_csv, mentors_json
from mentorsite.site.page import Asset
from mentorsite.site.views.profiles import initials

if TYPE_CHECKING:
    from mentorsite.site.index import SiteIndex


def assets(index: SiteIndex) -> list[Asset]:
    return [*images(index), *material_files(index), *exports(index)]


def images(index: SiteIndex) -> list[Asset]:
    """Each mentor's photo, resized for the profile and the card; or their initials, drawn."""
    content, routes = index.content, index.routes
    found = []
    for mentor_id, mentor in content.mentors.items():
        if mentor.photo:
            source = (content.source("mentor", mentor_id).parent / mentor.photo).resolve()
            found.append(Asset(routes.asset("photo", id=mentor_id), source, photo_size="profile"))
            found.append(Asset(routes.asset("card_photo", id=mentor_id), source, photo_size="card"))
        else:
            hue = int(hashlib.sha1(mentor_id.encode()).hexdigest(), 16) % len(AVATAR_COLOURS)
            drawn = initials_avatar(initials(mentor.name), hue)
            found.append(Asset(routes.asset("initials", id=mentor_id), text=drawn))
    return found


def material_path(index: SiteIndex, programme_id: str, relative: str) -> str:
    """Where a material file of a programme is published: its place under content/."""
    content = index.content
    source = (content.source("programme", programme_id).parent / relative).resolve()
    return index.routes.asset("material", path=source.relative_to(content.paths.content).as_posix())


def material_files(index: SiteIndex) -> list[Asset]:
    content = index.content
    found = {}
    for programme_id, programme in content.programmes.items():
        for material in programme.materials or []:
            if material.file:
                path = material_path(index, programme_id, material.file)
                source = (
                    content.source("programme", programme_id).parent / material.file
                ).resolve()
                found[path] = Asset(path, source)
    return list(found.values())


def exports(index: SiteIndex) -> list[Asset]:
    """The catalogue as data, with the same fields a card shows: HR-only fields left out of
    the staff edition."""
    organisation = index.content.organisation
    data = mentors_json(
        index.mentors,
        organisation=organisation.name,
        language=organisation.language,
        generated=index.today,
        hidden=index.hidden,
        site_url=index.site_url,
    )
    table = mentors_csv(index.mentors, language=organisation.language, hidden=index.hidden)
    routes = index.routes
    return [
        Asset(routes.asset("mentors_json"), text=data),
        Asset(routes.asset("mentors_csv"), text=table),
    ]
