"""Validate every data file: typed models first, then the references between files.

All problems of a run are collected and returned together, sorted, each located at the
line and column of the key or value at fault.
"""

from __future__ import annotations

import bisect
import functools
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from pydantic import ValidationError

from generator import references
from generator.errors import Problem
from generator.lookalike import look_alike_key
from generator.load import Document, Path_, collector_paused, load_document, quoted
from generator.passages import passage_problems
from generator.references import suggestion
from generator.models import (
    SHORT_TITLE_MAX,
    AGENDA_FOLDER, DATE_PATTERN, FILE_MODELS, REPORT_FILES, REPORT_FOLDER, SLUG_PATTERN,
    URL_PATTERN, AboutFile, ActivitiesFile, Activity, AgendaFile, ArchiveFile, CitiesFile,
    PERIOD_PATTERN, SEED_FILE_PATTERN, TERM_PATTERN, KernboodschappenFile, Model, OrganisationsFile,
    PeopleFile, ReportFile, SessionsFile, SourcesFile, data_files,
    model_for,
)


@dataclass(frozen=True)
class AgendaPeriod:
    """One strategic agenda, with the data file it comes from."""

    name: str
    """Its data file (`agenda/<period>`, under data/ with `.yaml`)."""
    agenda: AgendaFile
    """The agenda."""

    @property
    def period(self) -> str:
        return self.agenda.period

    @property
    def first_year(self) -> int:
        return int(self.agenda.period.split("-")[0])


@dataclass(frozen=True)
class ReportYear:
    """One annual report and its activities, with the data files they come from."""

    report_name: str
    """The report's data file (`jaarverslagen/<year>/report`)."""
    activities_name: str
    """The activities' data file (`jaarverslagen/<year>/activities`)."""
    report: ReportFile
    """The report: foreword, pillars, theme groups."""
    activities: ActivitiesFile
    """Its activities."""

    @property
    def year(self) -> int:
        return self.report.year

    @property
    def first_year(self) -> int:
        return self.report.year


def _at_year(items: tuple, starts: tuple[int, ...], year: int | None):
    """The item in force in `year`: the newest that starts in or before it, else the oldest;
    the newest when there is no year. `items` run oldest first; `starts` are their first
    years. A search, not a walk: every page asks, so a walk made the generator grow with
    pages × years (bench/RESULTS.md, Schaal)."""
    if year is None:
        return items[-1]
    return items[max(bisect.bisect_right(starts, year) - 1, 0)]


def year_of(date: str | None) -> int | None:
    """The year of a partial date (its first four digits), None without a date."""
    return int(date[:4]) if date else None


@dataclass(frozen=True)
class Site:
    """Everything the renderer needs: the validated models and where they came from."""

    agendas: tuple[AgendaPeriod, ...]
    """The strategic agendas, oldest first."""
    years: tuple[ReportYear, ...]
    """The annual reports with their activities, oldest first."""
    cities: CitiesFile
    """The member municipalities."""
    sources: SourcesFile
    """The source documents."""
    people: PeopleFile
    """The people the sources name."""
    organisations: OrganisationsFile
    """Organisations and abbreviations."""
    kernboodschappen: KernboodschappenFile
    """The Kernboodschappen G40."""
    archive: ArchiveFile
    """The archived council documents."""
    about: AboutFile
    """The 'Over de G40' page."""
    sessions: SessionsFile
    """Council sessions and their bundles."""
    documents: dict[str, Document]
    """The loaded YAML per file name, for line numbers ("bewerk" links)."""
    models: dict[str, Model]
    """The validated model per file name (`agenda/<period>`, `jaarverslagen/<year>/report`, …)."""

    @property
    def all_activities(self) -> list[Activity]:
        """Every activity of every report, oldest report first, each in its report's order."""
        return [a for year in self.years for a in year.activities.activities]

    def agenda_at(self, year: int | None) -> AgendaPeriod:
        """The agenda in force in a year (the oldest for a year before all; the newest for None)."""
        return _at_year(self.agendas, self._agenda_starts, year)

    def report_at(self, year: int | None) -> ReportYear:
        """The report of a year, or the latest before it (the oldest for a year before all;
        the newest for None)."""
        return _at_year(self.years, self._report_starts, year)

    @functools.cached_property
    def _agenda_starts(self) -> tuple[int, ...]:
        return tuple(agenda.first_year for agenda in self.agendas)

    @functools.cached_property
    def _report_starts(self) -> tuple[int, ...]:
        return tuple(year.first_year for year in self.years)

    def source_year(self, source_id: str) -> int | None:
        return next((year_of(s.date) for s in self.sources.sources if s.id == source_id), None)


SKIPPED = "dit bestand is daarna niet verder gecontroleerd (velden en verwijzingen): herstel dit eerst"
"""Said once per file that could not be read, after its first problem's hint."""


@collector_paused()
def load_site(data_dir: Path, display_prefix: str = "data") -> tuple[Site | None, list[Problem]]:
    """Load and validate every data file; the site is None when there is any problem.

    All rounds run in one go: syntax and fields of every file, then the references between
    files and the cited passages of every file that has valid fields. A file that cannot be
    read is left out of the later rounds, and its first message says so; references to
    what such a file holds are not checked (they would all look unknown)."""
    problems: list[Problem] = []
    documents: dict[str, Document] = {}
    models: dict[str, Model] = {}
    failed: set[str] = set()
    if data_dir.is_symlink():  # its files would be read from wherever it points
        return None, _unexpected_files(data_dir, display_prefix, set())
    names = data_files(data_dir)
    for name in names:
        model = model_for(name)
        if model is None:  # pragma: no cover - data_files only lists names with a model
            continue
        path = data_dir / f"{name}.yaml"
        display = f"{display_prefix}/{name}.yaml"
        if not path.exists() and not path.is_symlink():
            problems.append(Problem(display, 0, 0, "bestand ontbreekt", f"maak {display} aan"))
            failed.add(name)
            continue
        doc, found = load_document(path, display)
        documents[name] = doc
        if found:
            failed.add(name)
            first = min(found)
            problems += [_skipped(first), *(p for p in found if p != first)]
            continue
        try:
            models[name] = model.model_validate(doc.data)
        except ValidationError as exc:
            failed.add(name)
            problems += [_model_problem(error, doc, model) for error in exc.errors()]
    problems += _unexpected_files(data_dir, display_prefix, set(names))
    if not any(n.startswith(f"{AGENDA_FOLDER}/") for n in names):
        problems.append(Problem(f"{display_prefix}/{AGENDA_FOLDER}", 0, 0, "er is geen strategische agenda",
                                f"zet een agenda in {display_prefix}/{AGENDA_FOLDER}/<periode>.yaml, "
                                "met als naam het eerste en laatste jaar (jjjj-jjjj.yaml)"))
    if not any(n.startswith(f"{REPORT_FOLDER}/") for n in names):
        problems.append(Problem(f"{display_prefix}/{REPORT_FOLDER}", 0, 0, "er is geen jaarverslag",
                                f"zet een jaarverslag in {display_prefix}/{REPORT_FOLDER}/<jaar>/ "
                                "(report.yaml en activities.yaml)"))
    misnamed = _periods_named_right(documents, models)
    problems += misnamed
    site = None if misnamed else _site(names, documents, models, failed)  # scopes are read from the names
    if site is None:
        return None, sorted(set(problems))
    unread = frozenset(failed | {name.split("/")[0] for name in failed if "/" in name})
    problems += reference_problems(site, unread)
    if "sources" not in failed:
        problems += passage_problems(site)
    if problems:
        return None, sorted(set(problems))
    problems = sorted(set(references.checked_fact_problems(site)))
    return (None, problems) if problems else (site, [])


def _skipped(problem: Problem) -> Problem:
    """`problem`, saying that its file is left out of the later rounds."""
    hint = f"{problem.hint}; {SKIPPED}" if problem.hint else SKIPPED
    return Problem(problem.file, problem.line, problem.column, problem.message, hint)


class _Unread:
    """Stands in for a data file that could not be read, in the later rounds: every list
    it would hold is empty (references to it are not checked, see `Target.reads`)."""

    def __getattr__(self, name: str) -> list:
        return []


def _site(names: list[str], documents: dict[str, Document], models: dict[str, Model],
          failed: set[str]) -> Site | None:
    """The site of the files that validated, for the later rounds (an unread activities file
    counts as one without activities); None when no agenda or no report validated, which
    every reference is read in."""
    agendas = tuple(AgendaPeriod(n, models[n]) for n in names  # type: ignore[arg-type]
                    if n.startswith(f"{AGENDA_FOLDER}/") and n in models)
    reports = [n for n in names if n.startswith(f"{REPORT_FOLDER}/") and n.endswith("/report") and n in models]
    years = tuple(ReportYear(n, n.replace("/report", "/activities"), models[n],  # type: ignore[arg-type]
                             models.get(n.replace("/report", "/activities"), _Unread()))  # type: ignore[arg-type]
                  for n in reports)
    if not agendas or not years:
        return None
    orphans = {n for n in models if n.startswith(f"{REPORT_FOLDER}/") and n.rsplit("/", 1)[0] + "/report" not in reports}
    kept = {n: m for n, m in models.items() if n not in orphans}
    fixed = {name: models.get(name, _Unread()) for name in FILE_MODELS}
    return Site(agendas=agendas, years=years, documents=documents, models=kept, **fixed)  # type: ignore[arg-type]


def _unexpected_files(data_dir: Path, prefix: str, known: set[str]) -> list[Problem]:
    """A Dutch problem for every entry under data/ the site would not read: a link (never
    followed: it could publish any file of the building machine), a `.yml` file, a copy
    (`<periode> kopie.yaml`), a folder of its own; never an assertion."""
    if data_dir.is_symlink():
        return [Problem(prefix, 0, 0, "de map is een symbolische link", _NO_LINKS)]
    problems = []
    for folder, subfolders, names in os.walk(data_dir, followlinks=False):
        subfolders.sort()
        for entry in sorted(subfolders + names):
            path = Path(folder) / entry
            rel = path.relative_to(data_dir).as_posix()
            display = f"{prefix}/{rel}"
            if path.is_symlink() and rel.endswith(".yaml") and rel.removesuffix(".yaml") in known:
                continue  # a data file's own link: load_document says so, at that file
            if path.is_symlink():
                problems.append(Problem(display, 0, 0, "dit is een symbolische link, geen gewoon bestand", _NO_LINKS))
            elif entry in subfolders:
                if rel not in _known_folders(known) and rel.removesuffix(".yaml") not in known:  # else: load says
                    problems.append(_unknown_folder(display, rel))
            elif rel.endswith(".yaml") and rel.removesuffix(".yaml") in known:
                continue
            elif rel.endswith(".yml"):
                problems.append(Problem(display, 0, 0, "een gegevensbestand eindigt op .yaml, niet op .yml",
                                        f"hernoem het naar {entry.removesuffix('.yml')}.yaml"))
            else:
                what = "onbekend gegevensbestand" if rel.endswith(".yaml") else "onbekend bestand in de gegevensmap"
                problems.append(Problem(display, 0, 0, what,
                                        f"verwijder het of geef het een juiste naam; {_EXPECTED}"))
    return problems


_NO_LINKS = "zet de inhoud zelf in de repository in plaats van een link"
_EXPECTED = (f"bekende bestanden zijn: {', '.join(f'{n}.yaml' for n in FILE_MODELS)}, "
             f"{AGENDA_FOLDER}/<periode>.yaml (jjjj-jjjj.yaml) en "
             f"{REPORT_FOLDER}/<jaar>/ met {' en '.join(f'{n}.yaml' for n in REPORT_FILES)}")


def _known_folders(known: set[str]) -> set[str]:
    """The folders that hold known data files (`agenda`, `jaarverslagen/<jaar>`, …)."""
    folders = {AGENDA_FOLDER, REPORT_FOLDER}
    return folders | {name.rsplit("/", 1)[0] for name in known if "/" in name}


def _unknown_folder(display: str, rel: str) -> Problem:
    if rel.startswith(f"{REPORT_FOLDER}/") and rel.count("/") == 1:
        return Problem(display, 0, 0, "de map van een jaarverslag heet naar het jaar",
                       "noem de map naar het jaar van het verslag, vier cijfers (jjjj)")
    return Problem(display, 0, 0, "onbekende map in de gegevensmap", f"verwijder de map; {_EXPECTED}")


def _periods_named_right(documents: dict[str, Document], models: dict[str, Model]) -> list[Problem]:
    """Each agenda file is named after its period and each report folder after its year (the
    names are the pages' addresses); at most one of each leads the addresses without one."""
    problems = []
    undated: dict[str, list[str]] = {AGENDA_FOLDER: [], REPORT_FOLDER: []}
    for name, model in models.items():
        doc = documents[name]
        if isinstance(model, AgendaFile):
            if name.split("/")[1] != model.period:
                line, column = doc.where(("period",))
                problems.append(Problem(doc.name, line, column,
                                        f"de periode {quoted(model.period)} past niet bij de bestandsnaam",
                                        f"noem het bestand {model.period}.yaml, of verbeter de periode"))
            if model.undated_addresses:
                undated[AGENDA_FOLDER].append(name)
        if isinstance(model, ReportFile):
            if name.split("/")[1] != str(model.year):
                line, column = doc.where(("year",))
                problems.append(Problem(doc.name, line, column,
                                        f"het jaar {model.year} past niet bij de map {name.split('/')[1]}",
                                        f"zet het verslag in de map {model.year}, of verbeter het jaar"))
            if model.undated_addresses:
                undated[REPORT_FOLDER].append(name)
    for folder, names in undated.items():
        for name in names[1:]:
            doc = documents[name]
            line, column = doc.where(("undated_addresses",))
            problems.append(Problem(doc.name, line, column, "'undated_addresses' staat al bij "
                                    f"{documents[names[0]].name}",
                                    "de oude adressen kunnen maar naar één periode leiden; zet het hier op false"))
    return problems


# --- pydantic errors in Dutch --------------------------------------------------------

_TYPE_NAMES = {"list": "een lijst (regels die met '- ' beginnen)", "dict": "een groep velden (naam: waarde)",
               "model": "een groep velden (naam: waarde)", "string": "tekst", "int": "een heel getal"}

_PATTERN_TEXT = {
    SLUG_PATTERN: ("is geen geldige id", "gebruik alleen kleine letters, cijfers en losse streepjes, "
                   "zoals 'alphen-aan-den-rijn'"),
    DATE_PATTERN: ("is geen geldige datum", "schrijf het jaar, jaar-maand of jaar-maand-dag, "
                   "zoals 'jjjj', 'jjjj-mm' of 'jjjj-mm-dd', tussen aanhalingstekens"),
    URL_PATTERN: ("is geen geldig webadres", "gebruik een adres dat begint met https://, http:// of mailto:"),
    TERM_PATTERN: ("is geen geldig begrip", "begin met een letter of cijfer; daarna alleen letters, cijfers, "
                   "spaties en & . ' -"),
    PERIOD_PATTERN: ("is geen periode", "schrijf het eerste en het laatste jaar als jjjj-jjjj"),
    SEED_FILE_PATTERN: ("is geen naam van een brontekst", "de naam van het .txt-bestand in ../shared/seeds/, "
                        "zoals 001_0123456789abcdef.txt"),
}

_VALUE_ERRORS = {
    "newline": ("een naam of titel past op één regel", "haal de regeleinden weg"),
    "missing-part-without-gap": ("dit thema mist speerpunten of een G40-aanpak zonder uitleg",
                                 "leg in 'gaps' uit wat de bron niet geeft"),
    "date-passage-elsewhere": ("de vindplaats van de datum van een bron staat in die bron zelf",
                               "zet bij 'date_passages' de id van deze bron als 'source'"),
    "date-basis-passage": ("bij date_basis tekst, titel of copyright hoort de vindplaats van de datum",
                           "voeg 'date_passages: [{source: …, place: …, anchor: …}]' toe met de woorden waar de "
                           "datum staat"),
    "date-basis-editors": ("een datum van de redactie (date_basis: redactie) staat niet in de tekst",
                           "haal 'date_passages' weg, of kies de date_basis die zegt waar de datum staat"),
    "date-basis-url": ("bij date_basis webadres hoort het webadres van het bestand",
                       "vul 'url' in met het adres waar de datum uit komt"),
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
    "windows-id": ("deze id is op Windows de naam van een apparaat (con, prn, aux, nul, com1–9, lpt1–9)",
                   "ids worden bestandsnamen; kies een andere id"),
    "url-userinfo": ("een webadres met een naam of wachtwoord voor de @ leidt naar een andere site dan het lijkt",
                     "haal het deel tot en met de @ weg"),
    "period-order": ("een periode loopt van het eerste naar het laatste jaar",
                     "schrijf het vroegste jaar eerst (jjjj-jjjj), zonder nul vooraan"),
    "reserved-id": ("de id 'index' is gereserveerd", "elke map heeft een eigen pagina 'index'; kies een andere id"),
    "impossible-date": ("deze datum bestaat niet", "controleer dag en maand (februari heeft 28 dagen, in een "
                                                   "schrikkeljaar 29; april, juni, september en november 30)"),
    "common-word": ("dit is een gewoon Nederlands woord, geen afkorting of naam",
                    "een begrip krijgt op elke pagina waar het staat een uitleg bij aanwijzen; kies een "
                    "afkorting of naam zoals de bron die schrijft"),
    "short-title-too-long": (f"deze korte titel is langer dan {SHORT_TITLE_MAX} tekens",
                             "iBabs en NotuBiz tonen een titel in hun lijsten; kort hem in"),
    "short-title-needed": (f"de titel is langer dan {SHORT_TITLE_MAX} tekens en er is geen korte titel",
                           f"voeg 'short_title' toe: de titel die iBabs en NotuBiz tonen, hooguit {SHORT_TITLE_MAX} tekens"),
    "one-item": ("een onderdeel van een bundel noemt precies één pagina",
                 "gebruik één van: archive, theme, page, pillar, group, city, activity"),
    "anchor-too-long": ("een anker is een kort citaat van hooguit twaalf woorden",
                        "neem alleen de eerste woorden van de passage; gebruik 'end' voor waar zij eindigt"),
    "approach-passage": ("'approach' en 'passages.approach' horen bij elkaar",
                         "geef de passage van de G40-aanpak, of laat beide weg als het hoofdstuk er geen heeft"),
    "text-or-summary": ("een punt heeft óf 'text' (letterlijk) óf 'summary' (samengevat)",
                        "gebruik precies één van de twee"),
}


_UNKNOWN = ("deze waarde past hier niet",
            "de beschrijving van het veld staat in schemas/ en verschijnt als tip in een editor met YAML-ondersteuning")


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
        swallowed = _swallowed_field(doc, path[:-1], field)
        if swallowed:
            (line, column), message, hint = swallowed
    elif kind == "extra_forbidden":
        line, column = doc.where(path, key=True)
        allowed = _field_names(model, loc[:-1])
        message = f"onbekend veld {quoted(field)}"
        hint = suggestion(field, allowed) or f"toegestaan zijn: {', '.join(allowed)}"
    elif kind == "string_pattern_mismatch":
        pattern = error.get("ctx", {}).get("pattern", "")
        text, hint = _PATTERN_TEXT.get(pattern, ("heeft niet de juiste vorm", _UNKNOWN[1]))
        message = f"{quoted(value)} {text}"
    elif kind in ("string_too_short", "too_short"):
        message, hint = f"{quoted(field)} mag niet leeg zijn", "vul een waarde in of verwijder het veld als dat mag"
    elif kind == "literal_error":
        message = f"{quoted(value)} is geen toegestane waarde voor {quoted(field)}"
        expected = str(error.get("ctx", {}).get("expected", ""))
        hint = "kies uit: " + expected.replace("' or '", "' of '")  # pydantic joins the last choice with "or"
    elif kind == "string_too_long":
        limit = error.get("ctx", {}).get("max_length")
        message = f"{quoted(field)} is te lang ({len(value) if isinstance(value, str) else '?'} tekens, de grens is {limit})"
        hint = "kort de tekst in; de site geeft een samenvatting in eigen woorden, geen hele documenten"
    elif kind in ("less_than_equal", "less_than"):
        message = f"{quoted(value)} is te groot"
        hint = f"de grootste waarde is {error.get('ctx', {}).get('le', error.get('ctx', {}).get('lt'))}"
    elif kind.startswith("int_"):
        message, hint = f"verwacht een heel getal, kreeg {quoted(value)}", "schrijf alleen cijfers, zoals 3"
    elif kind == "greater_than_equal":
        message = f"{quoted(value)} is te klein"
        hint = f"de kleinste waarde is {error.get('ctx', {}).get('ge')}"
    elif kind.endswith("_type") and kind.split("_")[0] in _TYPE_NAMES:
        expected = _TYPE_NAMES[kind.split("_")[0]]
        message, hint = f"verwacht {expected}, kreeg {_describe(value)}", "controleer de inspringing en de vorm"
    elif kind == "value_error":
        key = str(error.get("ctx", {}).get("error", ""))
        message, hint = _VALUE_ERRORS.get(key, _UNKNOWN)
        if isinstance(value, str):
            message = f"{message} (kreeg {quoted(value)})"
    else:  # a pydantic error we have no own text for: still Dutch (pydantic's is English)
        message, hint = f"{_UNKNOWN[0]} (kreeg {_describe(value)})", _UNKNOWN[1]
    return Problem(doc.name, line, column, message, hint)


def _swallowed_field(doc: Document, record: Path_, field: str) -> tuple[tuple[int, int], str, str] | None:
    """Where a 'missing' field stands after all, indented too far, so that YAML read it as
    more lines of the text above it (a `>-` text takes every line indented further than its
    key): the place, the message and the fix. None when the field is not in the record."""
    columns = [column for path, (_, column) in doc.keys.items() if path[:-1] == record]
    if not columns or not doc.text:
        return None
    column = min(columns)
    lines = doc.text.splitlines()
    start = doc.where(record)[0]
    for number in range(start + 1, len(lines) + 1):
        text = lines[number - 1]
        indent = len(text) - len(text.lstrip(" "))
        if text.strip() and not text.lstrip().startswith("#") and indent < column - 1:
            return None  # the record ends here
        if text.lstrip().startswith(f"{field}:") and indent > column - 1:
            above = max(((at, path[-1]) for path, (at, _) in doc.keys.items() if path[:-1] == record and at < number),
                        default=None)
            part = f" van {quoted(above[1])}" if above else ""
            return ((number, indent + 1), f"veld {quoted(field)} staat te ver ingesprongen en is zo deel geworden "
                    f"van de tekst{part} erboven",
                    f"zet '{field}:' recht onder de andere velden van dit item ({column - 1} spaties vanaf het begin "
                    "van de regel)")
    return None


def _describe(value: Any) -> str:
    if value is None:
        return "niets"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, dict):
        return "een groep velden"
    return quoted(value)


# --- references between files ------------------------------------------------------


def reference_problems(site: Site, unread: frozenset[str] = frozenset()) -> Iterable[Problem]:
    """Ids unique per kind, and every id reference pointing at something that exists.

    Which fields are references, and to what, is declared on the model fields (`Ref`); the
    check is one generic pass (`generator.references`). A reference to an agenda theme or a
    report's group is read in the agenda or report in force in the year of the record:
    ids stay stable across periods, so `armoede-schulden` of one year is not that of another."""
    yield from _repeated_ids(site)
    yield from references.reference_problems(site, unread)
    yield from _repeated_terms(site)
    yield from _places_off_the_map(site)
    yield from _misleading_aliases(site)


def _repeated_ids(site: Site) -> Iterable[Problem]:
    """Ids unique per kind: sources, cities, people, organisations, archive documents and
    sessions per file; activities over all years; themes (and their numbers) per agenda;
    pillars, theme groups and the foreword per report."""
    docs = site.documents
    yield from _unique_ids(docs.get("sources"), ("sources",), [s.id for s in site.sources.sources])
    yield from _unique_ids(docs.get("cities"), ("cities",), [c.id for c in site.cities.cities])
    yield from _unique_ids(docs.get("people"), ("people",), [p.id for p in site.people.people])
    yield from _unique_ids(docs.get("organisations"), ("organisations",), [o.id for o in site.organisations.organisations])
    activity_paths = [(year.activities_name, ("activities", a), activity.id)
                      for year in site.years for a, activity in enumerate(year.activities.activities)]
    yield from _unique_across_files(docs, activity_paths)
    yield from _unique_ids(docs.get("archive"), ("documents",), [d.id for d in site.archive.documents])
    yield from _unique_ids(docs.get("sessions"), ("sessions",), [s.id for s in site.sessions.sessions])
    for period in site.agendas:
        agenda, name = period.agenda, period.name
        yield from _unique_ids(docs[name], ("themes",), [t.id for t in agenda.themes])
        yield from _unique_numbers(docs[name], ("themes",), [t.number for t in agenda.themes])
    for year in site.years:
        report, name = year.report, year.report_name
        pillar_ids = yield from _unique_ids(docs[name], ("pillars",), [p.id for p in report.pillars])
        group_paths = [(("pillars", p, "groups", g), group.id)
                       for p, pillar in enumerate(report.pillars) for g, group in enumerate(pillar.groups)]
        yield from _unique_paths(docs[name], group_paths, taken=pillar_ids | {report.foreword.id})


def _unique_across_files(docs: dict[str, Document], items: list[tuple[str, Path_, str]]):
    """Like `_unique_ids`, for ids that must be unique over several files (activities of
    all years share one folder of pages)."""
    seen: dict[str, tuple[str, Path_]] = {}
    for name, path, item_id in items:
        if item_id in seen:
            doc = docs[name]
            line, column = doc.where(path + ("id",))
            first_name, first_path = seen[item_id]
            first_line = docs[first_name].where(first_path + ("id",))[0]
            first = f"op regel {first_line}" if first_name == name else f"in {docs[first_name].name} regel {first_line}"
            yield Problem(doc.name, line, column, f"id {quoted(item_id)} komt twee keer voor",
                          f"de eerste staat {first}; geef elk item een eigen id")
        else:
            seen[item_id] = (name, path)
    return set(seen)


def _repeated_terms(site: Site) -> Iterable[Problem]:
    """A term (or other spelling) may explain one thing only: otherwise the last would win."""
    doc = site.documents.get("organisations")
    first: dict[str, int] = {}
    for o, org in enumerate(site.organisations.organisations):
        spellings = [(("organisations", o, "term"), org.term)]
        spellings += [(("organisations", o, "also", a), term) for a, term in enumerate(org.also)]
        for path, spelling in spellings:
            term = look_alike_key(spelling)  # `МKB` (Cyrillic М) would look like `MKB` and explain it twice
            if term in first and first[term] != o:
                line, column = doc.where(path)
                earlier = doc.where(("organisations", first[term], "term"))[0]
                yield Problem(doc.name, line, column, f"het begrip {quoted(spelling)} staat er al",
                              f"het eerste staat bij regel {earlier}; voeg de twee samen of kies een andere schrijfwijze")
            first.setdefault(term, o)


def _places_off_the_map(site: Site) -> Iterable[Problem]:
    """Every city must be findable in GeoNames for the map, or the build would stop there."""
    from generator.geo import dutch_places

    places = dutch_places()
    doc = site.documents.get("cities")
    for c, city in enumerate(site.cities.cities):
        if (city.map_place or city.name) not in places:
            field = "map_place" if city.map_place else "name"
            line, column = doc.where(("cities", c, field))
            yield Problem(doc.name, line, column, f"{quoted(city.map_place or city.name)} staat niet in GeoNames, "
                          "dus de stad kan niet op de kaart",
                          "zet bij 'map_place' de plaats uit GeoNames die de gemeente op de kaart voorstelt, "
                          "bijvoorbeeld Hoofddorp voor Haarlemmermeer")


ALIAS_HINT = ("een zoeknaam is een andere naam voor dit item zelf, zoals 'Den Bosch' voor 's-Hertogenbosch; "
              "een naam van een andere plaats stuurt lezers die daarop zoeken naar de verkeerde pagina: haal hem weg")


def _misleading_aliases(site: Site) -> Iterable[Problem]:
    """A search alias must not be another member's name or alias, nor a Dutch place in
    GeoNames other than the record's own: the search would send a reader who types
    'Den Haag' to Delft. A city's own place (its name or `map_place`, and GeoNames' other
    names for it) is allowed."""
    from generator.geo import dutch_places

    places = {name.casefold(): place["name"] for name, place in dutch_places().items()}
    members: dict[str, list[tuple[int, str]]] = {}
    for c, city in enumerate(site.cities.cities):  # names before aliases: a name is what an alias takes
        members.setdefault(city.name.casefold(), []).append((c, f"de naam van de G40-gemeente {quoted(city.name)}"))
    for c, city in enumerate(site.cities.cities):
        for name in city.search_aliases:
            members.setdefault(name.casefold(), []).append((c, f"ook een zoeknaam van {quoted(city.name)}"))
    records: list[tuple[str, Path_, list[str], set[str], int | None]] = []
    for c, city in enumerate(site.cities.cities):
        own = {places.get(n.casefold()) for n in (city.name, city.map_place) if n} - {None}
        records.append(("cities", ("cities", c), city.search_aliases, own, c))  # type: ignore[arg-type]
    for o, organisation in enumerate(site.organisations.organisations):
        records.append(("organisations", ("organisations", o), organisation.search_aliases, set(), None))
    for file, path, aliases, own, city in records:
        doc = site.documents.get(file)
        for a, alias in enumerate(aliases):
            member = next((m for m in members.get(alias.casefold(), []) if m[0] != city), None)
            place = places.get(alias.casefold())
            if member:
                what = member[1]
            elif place and place not in own:
                what = f"in GeoNames de plaats {quoted(place)}"
            else:
                continue
            line, column = doc.where(path + ("search_aliases", a)) if doc else (0, 0)
            yield Problem(f"data/{file}.yaml", line, column, f"zoeknaam {quoted(alias)} is {what}", ALIAS_HINT)


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


def _unique_ids(doc: Document | None, path: Path_, ids: list[str]):
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


