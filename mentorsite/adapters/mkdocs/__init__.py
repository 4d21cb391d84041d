"""The MkDocs adapter: the plugin (plugin.py) and the project as MkDocs sees it (project.py).

It runs on MkDocs 1.6 or on ProperDocs, its maintained fork: engine.py chooses, before any
module here imports `mkdocs`.
"""

from mentorsite.adapters.mkdocs import engine as engine
