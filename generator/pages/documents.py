"""Pages about documents: kernboodschappen, sources, the archive, 'Over de G40', glossary, pictures."""

from __future__ import annotations

from dataclasses import replace

from generator import wording
from generator.pages import links
from generator.pages.links import (
    ABOUT, ARCHIVE, GLOSSARY, KERNBOODSCHAPPEN, SOURCES, Context, archive_path, partial_date, relative,
    source_path,
)
from generator.render import Page
from generator.terms import editors_label
from generator.validate import ReportYear, Site
from generator.views import (
    Reference,
    AboutView, ArchiveDocumentView, ArchiveRow, ArchiveView, ChapterCount, DatasetRow, GlossaryRow, GlossaryView,
    KernboodschappenView, LegendEntry, Link, MapCity, MatrixRow, MonthCount, OpenDataView, PicturesView, SourceRow,
    SourcesView, SourceView, TakenPassage, TakenSection, AskRow,
)
from generator.wording import number_word


def pages(ctx: Context) -> list[Page]:
    sources = [source(ctx, i) for i in range(len(ctx.site.sources.sources))]
    archive = [archive_document(ctx, i) for i in range(len(ctx.site.archive.documents))]
    older = [pictures(ctx, year=y) for y in reversed(ctx.site.years[:-1])]
    return [source_index(ctx), *sources, archive_index(ctx), *archive, about(ctx), glossary(ctx), open_data(ctx),
            pictures(ctx), *older]


def map_address(site: Site) -> str:
    """The map's heading on the page 'In beeld', as MkDocs' table of contents names it
    (`toc`'s own slugify), so other pages link to it."""
    from markdown.extensions.toc import slugify

    return links.PICTURES + "#" + slugify(wording.MAP_HEADING.format(count=len(site.cities.cities)), "-")


def pictures_path(year: int | None = None) -> str:
    """'In beeld' shows the newest report; each older report's charts have a page of their own."""
    return links.PICTURES if year is None else f"{links.REPORT_FOLDER}/{year}/in-beeld.md"


def pictures(ctx: Context, directory_urls: bool = True, year: ReportYear | None = None) -> Page:
    """'In beeld': map, activities per theme, groups × themes, activities per month, for
    one report (the newest on the page 'In beeld', with a switch to the older ones).

    Links inside an SVG are raw HTML that MkDocs does not rewrite, so they are written for
    the build they go into: directory URLs on the public site, .html files in a bundle."""
    from collections import Counter

    from generator import pictures as draw

    site = ctx.site
    report_year = year or site.years[-1]
    here = pictures_path(year.year if year else None)
    report, activities = report_year.report, report_year.activities.activities
    period = site.agenda_at(report.year)

    def raw_href(path: str) -> str:
        target = relative(here, path).removesuffix(".md")
        # With directory URLs this page is served as <name>/, one folder deeper than its file.
        return f"../{target}/" if directory_urls else f"{target}.html"

    placed = draw.coordinates(list(site.cities.cities))
    hrefs = {p.city.id: raw_href(links.city_path(p.city.id)) for p in placed}
    city_rows = tuple(MapCity(p.city.name, relative(here, links.city_path(p.city.id)), p.city.province,
                              f"{p.latitude:.3f}", f"{p.longitude:.3f}") for p in placed)
    chapters = [t.id for t in period.agenda.themes] + ["randvoorwaarden"]
    counts = Counter(t for a in activities for t in a.themes)
    per_theme = [(ctx.chapter_titles[period.period, c], counts[c]) for c in chapters]
    months = Counter(a.date[:7] for a in activities if len(a.date) >= 7)
    per_month = [(f"{links.MONTHS[m - 1]} {report.year}", months[f"{report.year}-{m:02d}"]) for m in range(1, 13)]
    undated = sum(1 for a in activities if len(a.date) == 4)
    groups = [g for p in report.pillars for g in p.groups if g.kind == "themagroep"]
    cells = {(i, j) for i, g in enumerate(groups) for j, c in enumerate(chapters) if c in g.themes}
    short = [str(t.number) for t in period.agenda.themes] + ["R"]
    others = tuple(Link(str(y.year), relative(here, pictures_path(None if y is site.years[-1] else y.year)))
                   for y in reversed(site.years) if y is not report_year)
    title = wording.PICTURES_TITLE if year is None else wording.OLDER_PICTURES_TITLE.format(year=report.year)
    map_heading = wording.MAP_HEADING.format(count=len(site.cities.cities))
    return Page(here, "pictures.md.j2", title, PicturesView(
        map=draw.city_map(placed, hrefs), phone_map=draw.phone_map(placed, hrefs),
        map_legend=draw.map_legend(placed, hrefs),
        map_heading=map_heading, cities=city_rows, attribution=draw.ATTRIBUTION, year=report.year, other_years=others,
        theme_chart=draw.bar_chart(per_theme, wording.CHART_PER_THEME.format(year=report.year),
                                   wording.CHART_PER_THEME_TEXT.format(year=report.year), "thema"),
        per_theme=tuple(ChapterCount(title, relative(here, links.theme_path(period.period, c)), n)
                        for c, (title, n) in zip(chapters, per_theme)),
        month_chart=draw.bar_chart(per_month, wording.CHART_PER_MONTH.format(year=report.year),
                                   wording.CHART_PER_MONTH_TEXT, "maand"),
        per_month=tuple(MonthCount(m, n) for m, n in per_month), undated=undated,
        matrix=draw.matrix([g.title for g in groups], short, cells, wording.CHART_MATRIX, wording.CHART_MATRIX_TEXT),
        legend=tuple(LegendEntry(s, ctx.chapter_titles[period.period, c]) for s, c in zip(short, chapters)),
        matrix_rows=tuple(MatrixRow(g.title, relative(here, ctx.group_path(report.year, g.id)),
                                    ", ".join(ctx.chapter_titles[period.period, t] for t in g.themes))
                          for g in groups),
        timeline_url=relative(here, links.timeline_path(report.year)), province_note=wording.PROVINCE_NOTE,
        description=wording.PICTURES_DESCRIPTION.format(map_heading=map_heading, year=report.year),
        references=(ctx.reference(here, report.source, wording.PLACE_PICTURES),)
        + ctx.cite(here, site.cities.membership),
    ), ctx.origin(report_year.activities_name))


def open_data(ctx: Context) -> Page:
    """The open-data page: every data set with its files and schema, and the catalogue."""
    from generator.opendata import DATASETS

    here = links.OPEN_DATA
    rows = tuple(DatasetRow(title=d.title(ctx.site), description=d.description(ctx.site),
                            json=files.json, csv=files.csv, page=files.page,
                            schema=relative(here, f"open-data/{d.name}.schema.json"))
                 for d in DATASETS for files in [ctx.dataset(here, d.name)])
    return Page(here, "open_data.md.j2", wording.OPEN_DATA_TITLE, OpenDataView(
        rows=rows, catalogue=relative(here, "open-data/catalogus.jsonld"),
        description=wording.OPEN_DATA_DESCRIPTION,
    ), ctx.origin("sources"))


def kernboodschappen_pages(ctx: Context) -> list[Page]:
    here, k = KERNBOODSCHAPPEN, ctx.site.kernboodschappen
    period = ctx.period_at(ctx.site.source_year(k.source))
    asks = tuple(AskRow(
        number=a.number, title=a.title, summary=a.summary, points=tuple(a.points),
        themes=tuple(ctx.chapter_link(here, period, t) for t in a.themes),
        activities=tuple(ctx.activity_link(here, ctx.activities[i]) for i in a.activities),
        activity_years=", ".join(sorted({str(ctx.year_of[i].year) for i in a.activities})),
    ) for a in k.asks)
    return [Page(here, "kernboodschappen.md.j2", k.title, KernboodschappenView(
        k=k, asks=asks, dataset=ctx.dataset(here, "kernboodschappen"),
        published=partial_date(ctx.sources[k.source].date),
        description=wording.KERNBOODSCHAPPEN_DESCRIPTION.format(asks="; ".join(a.title for a in k.asks)),
        references=ctx.cite(here, [*(p for a in k.analysis for p in a.passages), *k.needed.passages,
                                   *(p for a in k.asks for p in a.passages)]),
    ), ctx.origin("kernboodschappen"))]


def source_index(ctx: Context) -> Page:
    here = SOURCES
    sources = ctx.site.sources.sources
    rows = tuple(SourceRow(s.title, relative(here, source_path(s.id)), partial_date(s.date), s.publisher,
                           wording.DATE_BASIS[s.date_basis])
                 for s in sources)
    return Page(here, "sources.md.j2", wording.SOURCES_TITLE, SourcesView(
        intro=wording.SOURCES_INTRO, rows=rows, dataset=ctx.dataset(here, "bronnen"),
        description=wording.SOURCES_DESCRIPTION,
        references=ctx.cite(here, [p for s in sources for p in s.date_passages]),
    ), ctx.origin("sources"))


def archive_title(ctx: Context) -> str:
    """'Het archief' with the year of its source, as the menu and the cover name it."""
    return wording.ARCHIVE_TITLE.format(year=ctx.site.source_year(ctx.site.archive.source))


def source_pages(ctx: Context) -> dict[str, tuple[str, str]]:
    """Per source id: the link to the part of this site made from it (label, page)."""
    site = ctx.site
    result = {p.agenda.source: (wording.SOURCE_AGENDA, links.agenda_path(p.period))
              for p in site.agendas}
    result.update({y.report.source: (wording.SOURCE_REPORT, links.report_path(y.year)) for y in site.years})
    result[site.kernboodschappen.source] = (wording.SOURCE_KERNBOODSCHAPPEN, KERNBOODSCHAPPEN)
    result[site.about.source] = (wording.SOURCE_ABOUT, ABOUT)
    result[site.archive.source] = (archive_title(ctx), ARCHIVE)
    return result


def source(ctx: Context, index: int) -> Page:
    source = ctx.site.sources.sources[index]
    here = source_path(source.id)
    label, target = source_pages(ctx).get(source.id, (None, None))
    return Page(here, "source.md.j2", source.title, SourceView(
        source=source, date=partial_date(source.date), date_basis=wording.DATE_BASIS[source.date_basis],
        index_url=relative(here, SOURCES), head_title=wording.SOURCE_HEAD_TITLE.format(title=source.title),
        content=Link(label, relative(here, target)) if label and target else None,
        description=wording.SOURCE_DESCRIPTION.format(title=source.title, publisher=source.publisher),
        references=ctx.cite(here, source.date_passages),
    ), ctx.origin("sources", ("sources", index)))


def with_what_was_taken(generated: list[Page]) -> list[Page]:
    """The pages, each source page with its 'what the site took from it': per section, in
    the source's order, each cited passage (by its first words) with the pages that use it."""
    sources = {p.view.source.id: p for p in generated if isinstance(p.view, SourceView)}
    # Per source, per place, per anchor: (the reference, the pages that cite it, in order).
    sections: dict[str, dict[str, dict[str, tuple[Reference, list[Link]]]]] = {source_id: {} for source_id in sources}
    for page in generated:
        cited = page.view.cited if isinstance(page.view, GlossaryView) else ()
        for ref in [*page.view.references, *cited]:
            if ref.source not in sources or not ref.anchor:
                continue
            here = sources[ref.source].path
            passages = sections[ref.source].setdefault(ref.place, {})
            _, uses = passages.setdefault(ref.anchor, (ref, []))
            use = Link(page.title, relative(here, page.path))
            if use not in uses:
                uses.append(use)
    result = []
    for page in generated:
        if isinstance(page.view, SourceView):
            page = replace(page, view=replace(page.view, taken=_taken(sections[page.view.source.id])))
        result.append(page)
    return result


def _taken(places: dict[str, dict[str, tuple[Reference, list[Link]]]]) -> tuple[TakenSection, ...]:
    """A source page's sections, in the source's order: each section's passages by line, quoted."""
    taken = []
    for place, passages in places.items():
        cited = sorted((TakenPassage(anchor, ref.line, tuple(uses), ref.lines, ref.quote)
                        for anchor, (ref, uses) in passages.items()),
                       key=lambda p: p.line)
        taken.append(TakenSection(place, cited[0].line, tuple(cited)))
    return tuple(sorted(taken, key=lambda s: (s.line, s.place)))


def archive_index(ctx: Context) -> Page:
    here, archive = ARCHIVE, ctx.site.archive
    rows = tuple(ArchiveRow(d.title, relative(here, archive_path(d.id)), partial_date(d.date), d.author)
                 for d in archive.documents)
    return Page(here, "archive.md.j2", archive.title, ArchiveView(
        archive=archive, rows=rows,
        description=archive.description,
        references=(ctx.reference(here, archive.source, wording.PLACE_WHOLE_BUNDLE),),
    ), ctx.origin("archive"))


def archive_document(ctx: Context, index: int) -> Page:
    document = ctx.site.archive.documents[index]
    here = archive_path(document.id)
    period = ctx.period_at(ctx.site.source_year(ctx.site.archive.source))
    return Page(here, "archive_document.md.j2", document.title, ArchiveDocumentView(
        document=document, date=partial_date(document.date),
        themes=tuple(ctx.chapter_link(here, period, t) for t in document.themes),
        index_url=relative(here, ARCHIVE),
        description=document.summary,
        references=ctx.cite(here, [*document.passages, *(p for part in document.parts for p in part.passages)]),
        verantwoording=tuple(document.notes),
    ), ctx.origin("archive", ("documents", index)))


def about(ctx: Context) -> Page:
    here, about = ABOUT, ctx.site.about
    return Page(here, "about.md.j2", about.title, AboutView(
        about=about,
        description=wording.ABOUT_DESCRIPTION.format(count=number_word(len(ctx.site.cities.cities))),
        references=ctx.cite(here, [p for section in about.sections for p in section.passages]),
    ), ctx.origin("about"))


def glossary(ctx: Context) -> Page:
    here = GLOSSARY
    rows = tuple(GlossaryRow(
        id=o.id, term=o.term, also=tuple(o.also), expansion=o.expansion, expansion_label=editors_label(o),
        description=o.description, note=o.note,
        references=ctx.cite(here, o.passages),
    ) for o in sorted(ctx.site.organisations.organisations, key=lambda o: o.term.casefold()))
    return Page(here, "glossary.md.j2", wording.GLOSSARY_TITLE, GlossaryView(
        rows=rows, dataset=ctx.dataset(here, "organisaties"),
        cited=tuple(ref for row in rows for ref in row.references),
        search_aliases=tuple(a for o in ctx.site.organisations.organisations for a in o.search_aliases),
        description=wording.GLOSSARY_DESCRIPTION,
    ), ctx.origin("organisations"), tooltips=False)
