"""Names as Danes write, compare and sort them: one table of letters for the whole package.

"Søren Strauß" is `soeren-strauss` as an id, whether `mentorsite new` suggests it or
`mentorsite import` makes it from a spreadsheet's row; it is found when HR types
"Soeren" or "Soren"; and Ærø sorts after Zealand, as in a Danish dictionary.
"""

from __future__ import annotations

import re
import unicodedata

# Letters spelt out as Danes write them without the letter: "Søgaard" is "Soegaard", and
# the Swedish and German ä and ö are the Danish æ and ø. Any other accent is dropped.
_SPELT = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "ä": "ae", "ö": "oe", "ß": "ss"})
# ... or as a keyboard without them gives them: "Sogaard".
_BARE = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ß": "ss"})
# The Danish alphabet ends z, æ, ø, å; ä and ö sort as æ and ø.
_DANISH_ORDER = str.maketrans({"æ": "z{", "ø": "z|", "å": "z}", "ä": "z{", "ö": "z|"})


def _ascii(text: str, letters: dict[int, str]) -> str:
    """Lower case ASCII: the letters of the table spelt out, every other accent dropped."""
    text = unicodedata.normalize("NFC", text).casefold().translate(letters)
    return "".join(c for c in unicodedata.normalize("NFKD", text) if c.isascii())


def fold(text: str, *, bare: bool = False) -> str:
    """`text` for comparing: lower case a-z and digits only, æ, ø and å spelt out.

    "E-mail adresse" and "E-mailadresse" fold alike; with `bare`, æ, ø and å are the
    letters a keyboard without them gives ("Ærø" is "aero" rather than "aeroe").
    """
    return "".join(c for c in _ascii(text, _BARE if bare else _SPELT) if c.isalnum())


def spellings(text: str) -> set[str]:
    """The ways `text` may be typed: "Ærø" as "aeroe" and "aero"."""
    return {fold(text), fold(text, bare=True)} - {""}


def slug(text: str) -> str:
    """An id made from a name: "Søren Strauß" gives "soeren-strauss"; "" when nothing is left."""
    return re.sub(r"[^a-z0-9]+", "-", _ascii(text, _SPELT)).strip("-")


def sort_key(name: str) -> str:
    """Names in Danish alphabetical order (æ, ø, å after z), which also suits English."""
    return name.casefold().translate(_DANISH_ORDER)
