"""Validate every data file: typed models first, then the references between files.

All problems of a run are collected and returned together, sorted, each located at the
line and column of the key or value at fault.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from pydantic import ValidationError

from generator.errors import Problem
from generator.load import Document, Path_, collector_paused, load_document, quoted
from generator.passages import passage_problems
from generator.models import (
    DATE_PATTERN, FILE_MODELS, RANDVOORWAARDEN_ID, SLUG_PATTERN, URL_PATTERN,
    AboutFile, ActivitiesFile, AgendaFile, ArchiveFile, CitiesFile, KernboodschappenFile, Model,
    OrganisationsFile, PeopleFile, ReportFile, SessionsFile, SourcesFile,
)


@dataclass(frozen=True)
class Site:
    """Everything the renderer needs: the validated models and where they came from."""

    agenda: AgendaFile
    """The strategic agenda."""
    cities: CitiesFile
    """The member municipalities."""
    sources: SourcesFile
    """The source documents."""
    people: PeopleFile
    """The people the sources name."""
    organisations: OrganisationsFile
    """Organisations and abbreviations."""
    report: ReportFile
    """The annual report 2021: foreword, pillars, theme groups."""
    activities: ActivitiesFile
    """The activities of the annual report."""
    kernboodschappen: KernboodschappenFile
    """The Kernboodschappen G40."""
    archive: ArchiveFile
    """The 2012 council documents."""
    about: AboutFile
    """The 'Over de G40' page."""
    sessions: SessionsFile
    """Council sessions and their bundles."""
    documents: dict[str, Document]
    """The loaded YAML per file name, for line numbers ("bewerk" links)."""


@collector_paused()
def load_site(data_dir: Path, display_prefix: str = "data") -> tuple[Site | None, list[Problem]]:
    """Load and validate every data file; the site is None when there is any problem."""
    problems: list[Problem] = []
    documents: dict[str, Document] = {}
    models: dict[str, Model] = {}
    for name, model in FILE_MODELS.items():
        path = data_dir / f"{name}.yaml"
        display = f"{display_prefix}/{name}.yaml"
        if not path.exists() and not path.is_symlink():
            problems.append(Problem(display, 0, 0, "bestand ontbreekt", f"maak {display} aan"))
            continue
        doc, found = load_document(path, display)
        documents[name] = doc
        problems += found
        if found:
            continue
        try:
            models[name] = model.model_validate(doc.data)
        except ValidationError as exc:
            problems += [_model_problem(error, doc, model) for error in exc.errors()]
    unexpected = sorted(p.name for p in data_dir.glob("*.yaml") if p.stem not in FILE_MODELS)
    for name in unexpected:
        problems.append(Problem(f"{display_prefix}/{name}", 0, 0, "onbekend gegevensbestand",
                                f"bekende bestanden zijn: {', '.join(f'{n}.yaml' for n in FILE_MODELS)}"))
    if problems:
        return None, sorted(set(problems))
    site = Site(documents=documents, **models)  # type: ignore[arg-type]
    problems = sorted(set(reference_problems(site))) or sorted(set(passage_problems(site)))
    return (None, problems) if problems else (site, [])


# --- pydantic errors in Dutch --------------------------------------------------------

_TYPE_NAMES = {"list": "een lijst (regels die met '- ' beginnen)", "dict": "een groep velden (naam: waarde)",
               "model": "een groep velden (naam: waarde)", "string": "tekst", "int": "een heel getal"}

_PATTERN_TEXT = {
    SLUG_PATTERN: ("is geen geldige id", "gebruik alleen kleine letters, cijfers en losse streepjes, "
                   "zoals 'alphen-aan-den-rijn'"),
    DATE_PATTERN: ("is geen geldige datum", "schrijf het jaar, jaar-maand of jaar-maand-dag, "
                   "zoals '2021', '2021-03' of '2021-03-15', tussen aanhalingstekens"),
    URL_PATTERN: ("is geen geldig webadres", "gebruik een adres dat begint met https://, http:// of mailto:"),
}

_VALUE_ERRORS = {
    "newline": ("een naam of titel past op één regel", "haal de regeleinden weg"),
    "missing-part-without-gap": ("dit thema mist speerpunten of een G40-aanpak zonder uitleg",
                                 "leg in 'gaps' uit wat de bron niet geeft"),
    "speerpunt-numbering": ("de speerpunten zijn niet doorlopend genummerd vanaf 1",
                            "nummer ze 1, 2, 3, … in de volgorde van de bron"),
    "expansion-origin": ("'expansion' en 'explained_by' horen bij elkaar",
                         "vul beide in (explained_by: bron of redactie) of laat beide weg"),
    "expansion-reference": ("een uitleg of beschrijving uit de bron heeft een vindplaats nodig",
                            "voeg 'passages: [{source: …, place: …, anchor: …}]' toe"),
    "markup-html": ("HTML is niet toegestaan in tekst", "schrijf gewone tekst; de site toont tekst precies zoals "
                                                         "hij er staat, zonder opmaak"),
    "markup-link": ("een Markdown-link werkt niet in tekst", "schrijf gewone tekst; webadressen horen in een "
                                                               "veld als 'url'"),
    "strict-bool": ("hier hoort true of false", "schrijf true of false (niet yes/no/on/off)"),
    "reserved-id": ("de id 'index' is gereserveerd", "elke map heeft een eigen pagina 'index'; kies een andere id"),
    "impossible-date": ("deze datum bestaat niet", "controleer dag en maand (februari heeft 28 dagen, in een "
                                                   "schrikkeljaar 29; april, juni, september en november 30)"),
    "common-word": ("dit is een gewoon Nederlands woord, geen afkorting of naam",
                    "een begrip krijgt op elke pagina waar het staat een uitleg bij aanwijzen; kies een "
                    "afkorting of naam zoals de bron die schrijft"),
    "one-item": ("een onderdeel van een bundel noemt precies één pagina",
                 "gebruik één van: archive, theme, page, pillar, group, city, activity"),
    "anchor-too-long": ("een anker is een kort citaat van hooguit twaalf woorden",
                        "neem alleen de eerste woorden van de passage; gebruik 'end' voor waar zij eindigt"),
    "approach-passage": ("'approach' en 'passages.approach' horen bij elkaar",
                         "geef de passage van de G40-aanpak, of laat beide weg als het hoofdstuk er geen heeft"),
    "text-or-summary": ("een punt heeft óf 'text' (letterlijk) óf 'summary' (samengevat)",
                        "gebruik precies één van de twee"),
}


def _field_names(model: type[Model], loc: tuple[Any, ...]) -> list[str]:
    """The fields allowed at `loc` (for 'did you mean' on unknown fields)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        field = getattr(current, "model_fields", {}).get(part)
        if field is None:
            return []
        current = _inner_model(field.annotation)
    return list(getattr(current, "model_fields", {}))


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, Model):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def suggestion(wrong: str, choices: Iterable[str]) -> str:
    """'bedoelde je …?' for the closest choice, or an empty string."""
    if len(wrong) > 100:  # difflib is quadratic: a pasted paragraph would stall the check
        return ""
    close = difflib.get_close_matches(wrong, list(choices), n=1, cutoff=0.6)
    return f"bedoelde je {quoted(close[0])}?" if close else ""


def _model_problem(error: dict[str, Any], doc: Document, model: type[Model]) -> Problem:
    """Translate one pydantic error into a located Dutch problem."""
    loc = tuple(error["loc"])
    kind = error["type"]
    value = error.get("input")
    path: Path_ = loc
    line, column = doc.where(path)
    field = next((p for p in reversed(loc) if isinstance(p, str)), "")
    if kind == "missing":
        line, column = doc.where(path[:-1])
        message, hint = f"verplicht veld {quoted(field)} ontbreekt", f"voeg '{field}: …' toe"
    elif kind == "extra_forbidden":
        line, column = doc.where(path, key=True)
        allowed = _field_names(model, loc[:-1])
        message = f"onbekend veld {quoted(field)}"
        hint = suggestion(field, allowed) or f"toegestaan zijn: {', '.join(allowed)}"
    elif kind == "string_pattern_mismatch":
        pattern = error.get("ctx", {}).get("pattern", "")
        text, hint = _PATTERN_TEXT.get(pattern, ("heeft niet de juiste vorm", f"verwacht patroon {pattern}"))
        message = f"{quoted(value)} {text}"
    elif kind in ("string_too_short", "too_short"):
        message, hint = f"{quoted(field)} mag niet leeg zijn", "vul een waarde in of verwijder het veld als dat mag"
    elif kind == "literal_error":
        message = f"{quoted(value)} is geen toegestane waarde voor {quoted(field)}"
        hint = f"kies uit: {error.get('ctx', {}).get('expected', '')}"
    elif kind in ("int_parsing", "int_type", "int_from_float"):
        message, hint = f"verwacht een heel getal, kreeg {quoted(value)}", "schrijf alleen cijfers, zoals 3"
    elif kind == "greater_than_equal":
        message = f"{quoted(value)} is te klein"
        hint = f"de kleinste waarde is {error.get('ctx', {}).get('ge')}"
    elif kind.endswith("_type") and kind.split("_")[0] in _TYPE_NAMES:
        expected = _TYPE_NAMES[kind.split("_")[0]]
        message, hint = f"verwacht {expected}, kreeg {_describe(value)}", "controleer de inspringing en de vorm"
    elif kind == "value_error":
        key = str(error.get("ctx", {}).get("error", ""))
        message, hint = _VALUE_ERRORS.get(key, (error["msg"], ""))
        if isinstance(value, str):
            message = f"{message} (kreeg {quoted(value)})"
    else:  # pragma: no cover - a pydantic error we have no Dutch text for yet
        message, hint = f"{error['msg']} (kreeg {quoted(value)})", ""
    return Problem(doc.name, line, column, message, hint)


def _describe(value: Any) -> str:
    if value is None:
        return "niets"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, dict):
        return "een groep velden"
    return quoted(value)


# --- references between files ------------------------------------------------------


def reference_problems(site: Site) -> Iterable[Problem]:
    """Ids unique per kind, and every id reference pointing at something that exists."""
    docs = site.documents
    sources = yield from _unique_ids(docs["sources"], ("sources",), [s.id for s in site.sources.sources])
    themes = yield from _unique_ids(docs["agenda"], ("themes",), [t.id for t in site.agenda.themes])
    cities = yield from _unique_ids(docs["cities"], ("cities",), [c.id for c in site.cities.cities])
    people = yield from _unique_ids(docs["people"], ("people",), [p.id for p in site.people.people])
    organisations = yield from _unique_ids(docs["organisations"], ("organisations",),
                                           [o.id for o in site.organisations.organisations])
    activities = yield from _unique_ids(docs["activities"], ("activities",),
                                        [a.id for a in site.activities.activities])
    yield from _unique_ids(docs["archive"], ("documents",), [d.id for d in site.archive.documents])
    pillar_ids = yield from _unique_ids(docs["report"], ("pillars",), [p.id for p in site.report.pillars])
    group_paths = [(("pillars", p, "groups", g), group.id)
                   for p, pillar in enumerate(site.report.pillars) for g, group in enumerate(pillar.groups)]
    groups = yield from _unique_paths(docs["report"], group_paths, taken=pillar_ids | {site.report.foreword.id})
    yield from _unique_numbers(docs["agenda"], ("themes",), [t.number for t in site.agenda.themes])
    chapters = themes | {RANDVOORWAARDEN_ID}

    checks: list[tuple[str, Path_, str, set[str], str]] = [
        ("agenda", ("source",), site.agenda.source, sources, "onbekende bron"),
        ("report", ("source",), site.report.source, sources, "onbekende bron"),
        ("kernboodschappen", ("source",), site.kernboodschappen.source, sources, "onbekende bron"),
        ("archive", ("source",), site.archive.source, sources, "onbekende bron"),
        ("about", ("source",), site.about.source, sources, "onbekende bron"),
        ("report", ("foreword", "author"), site.report.foreword.author, people, "onbekende persoon"),
    ]
    checks += [("cities", ("membership", i, "source"), m.source, sources, "onbekende bron")
               for i, m in enumerate(site.cities.membership)]
    checks += [("agenda", ("nutshell", "items", i, "target"), item.target, chapters, "onbekend thema")
               for i, item in enumerate(site.agenda.nutshell.items)]
    for t, theme in enumerate(site.agenda.themes):
        checks += [("agenda", ("themes", t, "related", r, "target"), rel.target, chapters, "onbekend thema")
                   for r, rel in enumerate(theme.related)]
        checks += [("agenda", ("themes", t, "speerpunten", i, "see"), sp.see, themes, "onbekend thema")
                   for i, sp in enumerate(theme.speerpunten) if sp.see is not None]
    checks += [("people", ("people", i, "city"), p.city, cities, "onbekende stad")
               for i, p in enumerate(site.people.people) if p.city is not None]
    checks += [("report", ("foreword", "highlights", i), a, activities, "onbekende activiteit")
               for i, a in enumerate(site.report.foreword.highlights)]
    for p, pillar in enumerate(site.report.pillars):
        for g, group in enumerate(pillar.groups):
            checks += _list_checks("report", ("pillars", p, "groups", g, "themes"), group.themes, chapters,
                                   "onbekend thema")
    for a, activity in enumerate(site.activities.activities):
        here: Path_ = ("activities", a)
        checks.append(("activities", here + ("group",), activity.group, groups | {site.report.foreword.id},
                       "onbekende themagroep"))
        checks += _list_checks("activities", here + ("people",), activity.people, people, "onbekende persoon")
        checks += _list_checks("activities", here + ("organisations",), activity.organisations, organisations,
                               "onbekende organisatie")
        checks += _list_checks("activities", here + ("themes",), activity.themes, chapters, "onbekend thema")
        checks += [("activities", here + ("cities", c, "city"), role.city, cities, "onbekende stad")
                   for c, role in enumerate(activity.cities)]
    for k, ask in enumerate(site.kernboodschappen.asks):
        checks += _list_checks("kernboodschappen", ("asks", k, "themes"), ask.themes, chapters, "onbekend thema")
        checks += _list_checks("kernboodschappen", ("asks", k, "activities"), ask.activities, activities,
                               "onbekende activiteit")
    for d, document in enumerate(site.archive.documents):
        checks += _list_checks("archive", ("documents", d, "themes"), document.themes, chapters, "onbekend thema")
    yield from _unique_ids(docs["sessions"], ("sessions",), [s.id for s in site.sessions.sessions])
    kinds = {"archive": ({d.id for d in site.archive.documents}, "onbekend archiefstuk"),
             "theme": (chapters, "onbekend thema"), "pillar": (pillar_ids, "onbekende pijler"),
             "group": (groups, "onbekende themagroep"), "city": (cities, "onbekende stad"),
             "activity": (activities, "onbekende activiteit")}
    for s, session in enumerate(site.sessions.sessions):
        if session.letter_source:
            checks.append(("sessions", ("sessions", s, "letter_source", "source"), session.letter_source.source,
                           sources, "onbekende bron"))
        for i, item in enumerate(session.items):
            for kind, (known, unknown) in kinds.items():
                value = getattr(item, kind)
                if value is not None:
                    checks.append(("sessions", ("sessions", s, "items", i, kind), value, known, unknown))
    for name, path, value, known, unknown in checks:
        yield from _resolve(docs[name], path, value, known, unknown)
    yield from _repeated_terms(site)
    yield from _places_off_the_map(site)


def _repeated_terms(site: Site) -> Iterable[Problem]:
    """A term (or other spelling) may explain one thing only: otherwise the last would win."""
    doc = site.documents["organisations"]
    first: dict[str, int] = {}
    for o, org in enumerate(site.organisations.organisations):
        spellings = [(("organisations", o, "term"), org.term)]
        spellings += [(("organisations", o, "also", a), term) for a, term in enumerate(org.also)]
        for path, term in spellings:
            if term in first and first[term] != o:
                line, column = doc.where(path)
                earlier = doc.where(("organisations", first[term], "term"))[0]
                yield Problem(doc.name, line, column, f"het begrip {quoted(term)} staat er al",
                              f"het eerste staat bij regel {earlier}; voeg de twee samen of kies een andere schrijfwijze")
            first.setdefault(term, o)


def _places_off_the_map(site: Site) -> Iterable[Problem]:
    """Every city must be findable in GeoNames for the map, or the build would stop there."""
    from generator.pictures import dutch_places

    places = dutch_places()
    doc = site.documents["cities"]
    for c, city in enumerate(site.cities.cities):
        if (city.map_place or city.name) not in places:
            field = "map_place" if city.map_place else "name"
            line, column = doc.where(("cities", c, field))
            yield Problem(doc.name, line, column, f"{quoted(city.map_place or city.name)} staat niet in GeoNames, "
                          "dus de stad kan niet op de kaart",
                          "zet bij 'map_place' de plaats uit GeoNames die de gemeente op de kaart voorstelt, "
                          "bijvoorbeeld Hoofddorp voor Haarlemmermeer")


def _list_checks(name: str, path: Path_, values: list[str], known: set[str], unknown: str):
    return [(name, path + (i,), value, known, unknown) for i, value in enumerate(values)]


def _unique_paths(doc: Document, items: list[tuple[Path_, str]], taken: set[str]):
    """Like `_unique_ids`, for ids spread over nested lists; `taken` ids may not be reused."""
    seen: dict[str, Path_] = {}
    for path, item_id in items:
        if item_id in seen or item_id in taken:
            line, column = doc.where(path + ("id",))
            yield Problem(doc.name, line, column, f"id {quoted(item_id)} komt twee keer voor", "geef elk item een eigen id")
        else:
            seen[item_id] = path
    return set(seen)


def _unique_ids(doc: Document, path: Path_, ids: list[str]):
    """Report repeated ids; return the set of ids."""
    seen: dict[str, int] = {}
    for index, item_id in enumerate(ids):
        if item_id in seen:
            line, column = doc.where(path + (index, "id"))
            first = doc.where(path + (seen[item_id], "id"))[0]
            yield Problem(doc.name, line, column, f"id {quoted(item_id)} komt twee keer voor",
                          f"de eerste staat op regel {first}; geef elk item een eigen id")
        else:
            seen[item_id] = index
    return set(seen)


def _unique_numbers(doc: Document, path: Path_, numbers: list[int]):
    seen: set[int] = set()
    for index, number in enumerate(numbers):
        if number in seen:
            line, column = doc.where(path + (index, "number"))
            yield Problem(doc.name, line, column, f"nummer {number} komt twee keer voor", "geef elk thema een eigen nummer")
        seen.add(number)


def _resolve(doc: Document, path: Path_, value: str, known: set[str], unknown: str):
    """A problem when `value` is not one of the `known` ids; `unknown` names the kind ("onbekende bron")."""
    if value in known:
        return
    line, column = doc.where(path)
    hint = suggestion(value, sorted(known)) or f"bekende ids: {', '.join(sorted(known))}"
    yield Problem(doc.name, line, column, f"{unknown} {quoted(value)}", hint)
