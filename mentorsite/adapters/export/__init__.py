"""The export: the site written out as a plain project for Zensical, MkDocs or ProperDocs."""
