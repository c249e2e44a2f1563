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
    documents.list_what_was_taken(generated)
    for page in generated:
        _original_once(page.view.get("references", []))
    return [*generated, sessions.bundles(context, {page.path: page.title for page in generated})]


def _original_once(references: list[dict]) -> None:
    """The address of an original document is given once per 'Bron' block, at its first passage."""
    seen = set()
    for ref in references:
        if ref["source"] in seen:
            ref["original"] = None
        seen.add(ref["source"])
