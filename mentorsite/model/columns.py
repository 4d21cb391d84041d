"""The catalogue as a spreadsheet: its columns' headers in each language.

The export writes them and the import reads them back, so they are the file format's,
beside the model rather than in the site or in HR's tools.
"""

from __future__ import annotations

# The headers of the spreadsheet, by language. They are part of the file format that
# HR's own sheets and macros read, so they live with the format, not with the UI strings.
# "Id", not "ID": Excel takes a file that begins with "ID" for a SYLK file.
CSV_HEADERS: dict[str, dict[str, str]] = {
    "da": {
        "id": "Id",
        "name": "Navn",
        "title": "Stilling",
        "unit": "Enhed",
        "location": "Arbejdssted",
        "level": "Niveau",
        "languages": "Sprog",
        "qualifications": "Kan tilbyde",
        "models": "Mentorformer",
        "programmes": "Programmer",
        "capacity": "Pladser i alt",
        "mentees": "Mentees nu",
        "free_places": "Ledige pladser",
        "available_from": "Ledig fra",
        "email": "E-mail",
        "phone": "Telefon",
        "reviewed": "Profil bekræftet",
        "url": "Profilside",
    },
    "en": {
        "id": "Id",
        "name": "Name",
        "title": "Job title",
        "unit": "Unit",
        "location": "Location",
        "level": "Level",
        "languages": "Languages",
        "qualifications": "Can offer",
        "models": "Mentoring models",
        "programmes": "Programmes",
        "capacity": "Places in all",
        "mentees": "Current mentees",
        "free_places": "Free places",
        "available_from": "Available from",
        "email": "E-mail",
        "phone": "Phone",
        "reviewed": "Profile confirmed",
        "url": "Profile page",
    },
}

# Danish Excel reads ";" as the list separator, because the comma is the decimal separator.
CSV_DELIMITERS = {"da": ";", "en": ","}
