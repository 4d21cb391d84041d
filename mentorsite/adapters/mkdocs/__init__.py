"""The MkDocs adapter: the plugin (plugin.py) and the project as MkDocs sees it (project.py)."""
