"""window: see gui/__init__.py for the layout."""
