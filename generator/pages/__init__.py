"""The page views: one module per part of the site, each returning its pages in order."""

from __future__ import annotations

from dataclasses import replace

from generator.pages import agenda, documents, news, places, report, sessions
from generator.pages.links import Context
from generator.render import Page
from generator.validate import Site
from generator.views import Reference


def pages(site: Site) -> list[Page]:
    """Every generated page, in navigation order."""
    context = Context(site)
    generated = [*agenda.pages(context), *documents.kernboodschappen_pages(context), *report.pages(context),
                 *places.pages(context), *documents.pages(context)]
    generated = [_with_original_once(page) for page in documents.with_what_was_taken(generated)]
    return [*generated, sessions.bundles(context, {page.path: page.title for page in generated}), news.page()]


def _with_original_once(page: Page) -> Page:
    """The page with the address of an original document given once in its 'Bron' block,
    at its first passage."""
    return replace(page, view=replace(page.view, references=original_once(page.view.references)))


def original_once(references: tuple[Reference, ...]) -> tuple[Reference, ...]:
    """The references, each source's original address kept at its first reference only."""
    seen: set[str] = set()
    result = []
    for ref in references:
        result.append(replace(ref, original=None) if ref.source in seen else ref)
        seen.add(ref.source)
    return tuple(result)
