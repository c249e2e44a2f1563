"""The report, kernboodschappen, archive and glossary: exact names occur in their source."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.pages.links import MONTHS
from generator.validate import load_site
from tests.conftest import REPO
from tests.fidelity import occurs, quoted_fragments, searchable

SITE, _ = load_site(REPO / "data")
assert SITE is not None


def text_of(seeds: Path, source_id: str) -> tuple[str, str]:
    source = next(s for s in SITE.sources.sources if s.id == source_id)
    return searchable((seeds / source.file).read_text(encoding="utf-8"))


def all_sources(seeds: Path) -> list[tuple[str, str]]:
    return [text_of(seeds, s.id) for s in SITE.sources.sources]


YEARS = {year.year: year for year in SITE.years}


@pytest.mark.parametrize("year", SITE.years, ids=lambda y: str(y.year))
def test_every_theme_group_heading_of_the_report_has_a_record(seeds: Path, year) -> None:
    raw = (seeds / next(s.file for s in SITE.sources.sources if s.id == year.report.source)).read_text(encoding="utf-8")
    headings = {" ".join(m.group(0).split()) for m in re.finditer(r"(?m)^ ?Thema [^\n]+", raw)}
    recorded = {g.heading for p in year.report.pillars for g in p.groups}
    assert headings, "the report's theme group headings were found"
    assert headings <= recorded, headings - recorded


@pytest.mark.parametrize("year", SITE.years, ids=lambda y: str(y.year))
def test_report_year_is_the_year_its_source_reports_on(seeds: Path, year) -> None:
    title = next(s.title for s in SITE.sources.sources if s.id == year.report.source)
    assert str(year.year) in title.split(), f"the report of {year.year} is the source {title!r}"
    assert occurs(str(year.year), text_of(seeds, year.report.source))


@pytest.mark.parametrize("year", SITE.years, ids=lambda y: str(y.year))
def test_pillar_and_group_headings_occur_in_the_report(seeds: Path, year) -> None:
    report = text_of(seeds, year.report.source)
    for pillar in year.report.pillars:
        assert occurs(pillar.heading, report), pillar.heading
        for group in pillar.groups:
            assert occurs(group.heading, report), group.heading


def test_there_are_well_over_sixty_activities() -> None:
    assert all(len(year.activities.activities) >= 60 for year in SITE.years)


@pytest.mark.parametrize(("year", "activity"), [(y.year, a) for y in SITE.years for a in y.activities.activities],
                         ids=lambda v: v.id if hasattr(v, "id") else str(v))
def test_activity_names_and_dates_occur_in_the_report(seeds: Path, year: int, activity) -> None:
    report = text_of(seeds, YEARS[year].report.source)
    texts = [activity.title, activity.summary, *(r.role for r in activity.cities)]
    for fragment in (f for t in texts for f in quoted_fragments(t)):
        assert occurs(fragment, report), f"{activity.id}: '{fragment}' is not in the report"
    parts = activity.date.split("-")
    if len(parts) == 3:
        day = f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]}"
        assert occurs(day, report), f"{activity.id}: {day!r} not in the report"
    elif len(parts) == 2:
        assert occurs(MONTHS[int(parts[1]) - 1], report), activity.id
    people = {p.id: p for p in SITE.people.people}
    for person_id in activity.people:
        assert occurs(people[person_id].name, report), person_id


def test_every_person_is_named_in_a_source(seeds: Path) -> None:
    texts = all_sources(seeds)
    for person in SITE.people.people:
        assert any(occurs(person.name, t) for t in texts), person.name


def test_every_organisation_term_and_sourced_expansion_occurs(seeds: Path) -> None:
    texts = all_sources(seeds)
    for org in SITE.organisations.organisations:
        for term in [org.term, *org.also]:
            assert any(occurs(term, t) for t in texts), term
        if org.explained_by == "bron":
            assert org.passages
            assert any(occurs(org.expansion, text_of(seeds, p.source), any_case=True) for p in org.passages), \
                org.expansion


def test_kernboodschappen_exact_words_occur(seeds: Path) -> None:
    source = text_of(seeds, SITE.kernboodschappen.source)
    k = SITE.kernboodschappen
    exact = [k.needed.heading, *(a.heading for a in k.analysis), *(a.title for a in k.asks),
             *(p.text for a in k.analysis for p in a.points if p.text)]
    exact += [f for a in k.analysis if a.closing for f in quoted_fragments(a.closing)]
    for words in exact:
        assert occurs(words, source), words


def test_archive_exact_titles_occur(seeds: Path) -> None:
    source = text_of(seeds, SITE.archive.source)
    for document in SITE.archive.documents:
        exact = [p.title for p in document.parts] + ([document.title] if document.title_is_exact else [])
        exact += [document.subtitle] if document.subtitle else []
        exact += quoted_fragments(document.summary)
        for words in exact:
            assert occurs(words, source), f"{document.id}: {words!r}"


def test_about_headings_and_quotes_occur(seeds: Path) -> None:
    source = text_of(seeds, SITE.about.source)
    for section in SITE.about.sections:
        assert occurs(section.heading, source), section.heading
        for fragment in quoted_fragments(section.summary):
            assert occurs(fragment, source), fragment


def test_quoted_fragments_are_found() -> None:
    assert quoted_fragments("het boek 'Zó werkt het Sociaal Domein' en regio's 'X'") == ["Zó werkt het Sociaal Domein", "X"]
