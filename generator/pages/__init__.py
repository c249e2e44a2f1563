"""The page views: one module per part of the site, each returning its pages in order."""

from __future__ import annotations

from generator.pages import agenda, documents, places, report, sessions
from generator.pages.links import Context
from generator.render import Page
from generator.validate import Site


def pages(site: Site) -> list[Page]:
    """Every generated page, in navigation order."""
    context = Context(site)
    generated = [*agenda.pages(context), *documents.kernboodschappen_pages(context), *report.pages(context),
                 *places.pages(context), *documents.pages(context)]
    return [*generated, sessions.bundles(context, {page.path: page.title for page in generated})]
