"""Turn parsed documents into models, and say precisely what is wrong with them.

`fields`: a document becomes a model, its field errors said as sentences for people;
`references`: every id a file names is defined; `consistency`: the checks that need more
than one field or one file (the unit tree, citations, paths that must stay in content/).
All of them read the models' declarations through `model.fields`.
"""

from mentorsite.validate.consistency import (
    check_citations,
    check_id,
    check_mentor,
    check_organisation,
    check_path,
    check_programme,
    check_responsibilities,
    check_taxonomy,
    cited_rules,
    content_file,
    stale_profile,
)
from mentorsite.validate.fields import MAX_CHOICES, field_name, ids_location, validate_document
from mentorsite.validate.planning import (
    against_advice,
    check_advice,
    check_rules_against_programmes,
)
from mentorsite.validate.references import check_references, references

__all__ = [
    "MAX_CHOICES",
    "against_advice",
    "check_advice",
    "check_citations",
    "check_id",
    "check_mentor",
    "check_organisation",
    "check_path",
    "check_programme",
    "check_references",
    "check_responsibilities",
    "check_rules_against_programmes",
    "check_taxonomy",
    "cited_rules",
    "content_file",
    "field_name",
    "ids_location",
    "references",
    "stale_profile",
    "validate_document",
]
