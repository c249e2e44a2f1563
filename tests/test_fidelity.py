"""Every exact name in the data occurs in the source it comes from."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.validate import load_site
from tests.conftest import REPO
from tests.fidelity import occurs, searchable

SITE, _ = load_site(REPO / "data")
assert SITE is not None, "the repository's own data must validate"


def _source_text(seeds: Path, source_id: str) -> tuple[str, str]:
    source = next(s for s in SITE.sources.sources if s.id == source_id)
    return searchable((seeds / source.file).read_text(encoding="utf-8"))


def _agenda_names() -> list[tuple[str, str, str]]:
    """(source id, where, name) for every exact name of every agenda."""
    return [(period.agenda.source, where, name) for period in SITE.agendas for where, name in _names_of(period.agenda)]


def _names_of(agenda) -> list[tuple[str, str]]:
    names = []
    for theme in agenda.themes:
        names.append((f"thema {theme.number}", theme.title))
        names.append((f"thema {theme.number} meer informatie", theme.more_info.label))
        names += [(f"thema {theme.number} speerpunt {s.number}", s.title) for s in theme.speerpunten]
        names += [(f"thema {theme.number} opmerking", s.remark) for s in theme.speerpunten if s.remark]
        names += [(f"thema {theme.number} verwijzing", r.cited_as) for r in theme.related]
    names += [("notendop", item.phrase) for item in agenda.nutshell.items]
    chapter = agenda.randvoorwaarden
    names += [("randvoorwaarden", chapter.title), ("randvoorwaarden", chapter.closing.title)]
    for section in chapter.sections:
        names.append(("randvoorwaarden", section.title))
        names += [(f"randvoorwaarden punt {p.number}", p.title) for p in section.points]
    names += [("werkwijze", agenda.werkwijze.title)]
    names += [("werkwijze", p.keyword) for p in agenda.werkwijze.points]
    if agenda.mission.quote:
        names += [("citaat", agenda.mission.quote.text), ("citaat", agenda.mission.quote.by)]
    return names


@pytest.mark.parametrize(("source", "where", "name"), _agenda_names(), ids=lambda v: str(v)[:60])
def test_agenda_name_occurs_in_the_agenda(seeds: Path, source: str, where: str, name: str) -> None:
    assert occurs(name, _source_text(seeds, source)), f"{where}: {name!r} is not in the source"


@pytest.mark.parametrize("period", SITE.agendas, ids=lambda p: p.period)
def test_agenda_title_occurs_on_its_cover(seeds: Path, period) -> None:
    agenda = _source_text(seeds, period.agenda.source)
    assert occurs(period.agenda.title, agenda, any_case=True)
    assert occurs(period.agenda.subtitle, agenda, any_case=True)
    assert occurs(period.agenda.period, agenda), "the period the file is named after is the source's"


@pytest.mark.parametrize("city", [c.name for c in SITE.cities.cities])
def test_city_name_occurs_in_every_membership_source(seeds: Path, city: str) -> None:
    for place in SITE.cities.membership:
        assert occurs(city, _source_text(seeds, place.source)), f"{city!r} not in {place.source}"


def test_the_sources_list_exactly_forty_cities_and_so_does_the_data() -> None:
    assert len(SITE.cities.cities) == 40
    assert len({c.name for c in SITE.cities.cities}) == 40


def test_fidelity_check_notices_a_changed_name(seeds: Path) -> None:
    """The comparison is not vacuous: one changed letter is caught."""
    agenda = _source_text(seeds, "strategische-agenda")
    assert occurs("Preventie en sterke basis", agenda)
    assert not occurs("Preventie en sterke basis!", agenda)
    assert not occurs("Een inspirerende Novi als basis voor nieuw partnerschap", agenda)
