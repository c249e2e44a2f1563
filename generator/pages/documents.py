"""Pages about documents: kernboodschappen, sources, the 2012 archive, 'Over de G40', glossary."""

from __future__ import annotations

from generator.pages import links
from generator.pages.links import (
    ABOUT, ARCHIVE, GLOSSARY, KERNBOODSCHAPPEN, SOURCES, Context, archive_path, partial_date, relative,
    source_path,
)
from generator.render import Page


def pages(ctx: Context) -> list[Page]:
    sources = [source(ctx, i) for i in range(len(ctx.site.sources.sources))]
    archive = [archive_document(ctx, i) for i in range(len(ctx.site.archive.documents))]
    return [source_index(ctx), *sources, archive_index(ctx), *archive, about(ctx), glossary(ctx), open_data(ctx)]


def open_data(ctx: Context) -> Page:
    """The open-data page: every data set with its files and schema, and the catalogue."""
    from generator.opendata import DATASETS

    here = links.OPEN_DATA
    rows = [{"title": d.title, "description": d.description, **ctx.dataset(here, d.name),
             "schema": relative(here, f"open-data/{d.name}.schema.json")} for d in DATASETS]
    return Page(here, "open_data.md.j2", "Open data", {
        "rows": rows, "catalogue": relative(here, "open-data/catalogus.jsonld"),
        "description": "Alle gegevens van de Stedenagenda als JSON en CSV, met schema's en een DCAT-catalogus.",
        "references": [],
    }, ctx.origin("sources"))


def kernboodschappen_pages(ctx: Context) -> list[Page]:
    here, k = KERNBOODSCHAPPEN, ctx.site.kernboodschappen
    asks = [{
        "number": a.number, "title": a.title, "summary": a.summary, "points": a.points,
        "themes": [ctx.chapter_link(here, t) for t in a.themes],
        "activities": [ctx.activity_link(here, ctx.activities[i]) for i in a.activities],
    } for a in k.asks]
    return [Page(here, "kernboodschappen.md.j2", k.title, {
        "k": k, "asks": asks, "dataset": ctx.dataset(here, "kernboodschappen"),
        "description": "De kernboodschappen van de G40 over besturen in de regio, de kracht van de stad en "
                       "instrumenten tegen kansenongelijkheid.",
        "references": [ctx.reference(here, k.source, "hele document")],
    }, ctx.origin("kernboodschappen"))]


def source_index(ctx: Context) -> Page:
    here = SOURCES
    rows = [{"title": s.title, "url": relative(here, source_path(s.id)), "date": partial_date(s.date),
             "publisher": s.publisher} for s in ctx.site.sources.sources]
    return Page(here, "sources.md.j2", "Bronnen", {
        "rows": rows, "dataset": ctx.dataset(here, "bronnen"),
        "description": "De brondocumenten waarop alle feiten op deze site berusten.",
        "references": [],
    }, ctx.origin("sources"))


_SOURCE_PAGES = {"strategische-agenda": ("De strategische agenda op deze site", "agenda/index.md"),
                 "kernboodschappen": ("De kernboodschappen op deze site", KERNBOODSCHAPPEN),
                 "jaarverslag-2021": ("Het jaarverslag op deze site", "jaarverslag/index.md"),
                 "g40-steden-maken-verschil": ("Over de G40", ABOUT),
                 "raadsessie-2012": ("Het archief 2012", ARCHIVE)}


def source(ctx: Context, index: int) -> Page:
    source = ctx.site.sources.sources[index]
    here = source_path(source.id)
    label, target = _SOURCE_PAGES.get(source.id, (None, None))
    return Page(here, "source.md.j2", source.title, {
        "source": source, "date": partial_date(source.date),
        "index_url": relative(here, SOURCES),
        "content": {"title": label, "url": relative(here, target)} if target else None,
        "description": f"Brondocument: {source.title} ({source.publisher}).",
        "references": [],
    }, ctx.origin("sources", ("sources", index)))


def archive_index(ctx: Context) -> Page:
    here, archive = ARCHIVE, ctx.site.archive
    rows = [{"title": d.title, "url": relative(here, archive_path(d.id)), "date": partial_date(d.date),
             "author": d.author} for d in archive.documents]
    return Page(here, "archive.md.j2", "Archief: de raadsessie van 13 december 2012", {
        "archive": archive, "rows": rows,
        "description": "Stukken uit 2012 over de bestuurlijke toekomst van de Stadsregio Amsterdam en de "
                       "discussienotitie van het G32-Stedennetwerk.",
        "references": [ctx.reference(here, archive.source, "de hele bundel")],
    }, ctx.origin("archive"))


def archive_document(ctx: Context, index: int) -> Page:
    document = ctx.site.archive.documents[index]
    here = archive_path(document.id)
    return Page(here, "archive_document.md.j2", document.title, {
        "document": document, "date": partial_date(document.date),
        "themes": [ctx.chapter_link(here, t) for t in document.themes],
        "index_url": relative(here, ARCHIVE),
        "description": document.summary,
        "references": [ctx.reference(here, ctx.site.archive.source, document.title)],
    }, ctx.origin("archive", ("documents", index)))


def about(ctx: Context) -> Page:
    here, about = ABOUT, ctx.site.about
    return Page(here, "about.md.j2", about.title, {
        "about": about,
        "description": "Wie de G40 is: veertig steden die samen het verschil willen maken voor hun inwoners en regio's.",
        "references": [ctx.reference(here, about.source, "hele pagina")],
    }, ctx.origin("about"))


def glossary(ctx: Context) -> Page:
    here = GLOSSARY
    rows = [{
        "id": o.id, "term": o.term, "also": o.also, "expansion": o.expansion, "explained_by": o.explained_by,
        "description": o.description, "note": o.note,
        "reference": ctx.reference(here, o.reference.source, o.reference.place) if o.reference else None,
    } for o in sorted(ctx.site.organisations.organisations, key=lambda o: o.term.casefold())]
    return Page(here, "glossary.md.j2", "Begrippen en organisaties", {
        "rows": rows, "dataset": ctx.dataset(here, "organisaties"),
        "description": "Afkortingen en organisaties die in de agenda en het jaarverslag voorkomen.",
        "references": [],
    }, ctx.origin("organisations"))
