"""mentorsite: a mentoring programme kept as YAML in git, published as a static site."""

__version__ = "0.2.0"
