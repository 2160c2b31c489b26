"""Utveckla Västernorrland: the content core (models, validation, views, renderers).

Nothing in this package imports MkDocs except `mkdocs_plugin`, the thin adapter.
"""

from .content.site import Entry, Site, build_date
from .content.validate import load_site

__all__ = ["Entry", "Site", "build_date", "load_site"]
