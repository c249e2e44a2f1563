"""Open data: every data set as JSON and CSV, with a JSON Schema, and a DCAT-AP-DONL
catalogue so data.overheid.nl can harvest them. Generated from the validated models."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import Any, Callable

from pydantic import BaseModel, TypeAdapter

from generator.models import Activity, Ask, City, Organisation, Source, Theme
from generator.validate import Site

FOLDER = "open-data"
LICENSE_UNKNOWN = "http://standaarden.overheid.nl/owms/terms/licentieonbekend"
"""The sources state no licence; the publisher must choose one (DONL's value for 'unknown')."""
PUBLISHER = "Stedennetwerk G40"
PUBLISHER_URL = "http://www.g40stedennetwerk.nl"


class SpeerpuntRow(BaseModel):
    """A speerpunt with the theme it belongs to (the flat form of the agenda)."""

    theme: str
    """Id of the theme."""
    theme_number: int
    """The theme's chapter number."""
    number: int
    """The speerpunt's number within the theme."""
    title: str
    """The speerpunt, exact."""
    remark: str | None = None
    """The source's own remark."""
    editor_note: str | None = None
    """The editors' note on an error in the source."""


class ThemeRow(Theme):
    """A theme with the agenda it belongs to (theme ids stay the same from agenda to agenda)."""

    period: str
    """The period of its agenda."""


class PeriodSpeerpuntRow(SpeerpuntRow):
    """A speerpunt with its theme and agenda."""

    period: str
    """The period of its agenda."""


class ActivityRow(Activity):
    """An activity with the year of the annual report it comes from."""

    year: int
    """The year of its annual report."""


def periods(site: Site) -> str:
    """The agendas' periods, for titles: one `first-last`, or several separated by commas."""
    return ", ".join(p.period for p in site.agendas)


def report_years(site: Site) -> str:
    """'het jaarverslag <year>', or 'de jaarverslagen <first>–<last>'."""
    years = [y.year for y in site.years]
    return f"het jaarverslag {years[0]}" if len(years) == 1 else f"de jaarverslagen {years[0]}–{years[-1]}"


@dataclass(frozen=True)
class Dataset:
    """One published data set."""

    name: str
    """File name without extension."""
    title: Callable[[Site], str]
    """Dutch title (it names the periods the data covers)."""
    description: Callable[[Site], str]
    """Dutch description."""
    model: type[BaseModel]
    """The model of one row."""
    rows: Callable[[Site], list[BaseModel]]
    """The rows, from the validated data."""


DATASETS = [
    Dataset("themas", lambda s: f"Thema's van de strategische agenda {periods(s)}",
            lambda s: "De thema's met samenvattingen, speerpunten en verwijzingen, met de periode van hun agenda.",
            ThemeRow,
            lambda s: [ThemeRow(**t.model_dump(), period=p.period) for p in s.agendas for t in p.agenda.themes]),
    Dataset("speerpunten", lambda s: f"Speerpunten van de strategische agenda {periods(s)}",
            lambda s: "Alle speerpunten, letterlijk, met hun thema en de periode van hun agenda.",
            PeriodSpeerpuntRow,
            lambda s: [PeriodSpeerpuntRow(theme=t.id, theme_number=t.number, number=sp.number, title=sp.title,
                                          remark=sp.remark, editor_note=sp.editor_note, period=p.period)
                       for p in s.agendas for t in p.agenda.themes for sp in t.speerpunten]),
    Dataset("kernboodschappen", lambda s: "Kernboodschappen G40: de drie vragen",
            lambda s: f"De drie vragen van de Kernboodschappen G40 ({s.source_year(s.kernboodschappen.source)}), "
                      "samengevat, met thema's en activiteiten.", Ask,
            lambda s: list(s.kernboodschappen.asks)),
    Dataset("activiteiten", lambda s: f"Activiteiten uit {report_years(s)}",
            lambda s: f"Elke activiteit uit {report_years(s)}: datum, samenvatting, personen, steden en thema's, "
                      "met het jaar van het verslag.", ActivityRow,
            lambda s: [ActivityRow(**a.model_dump(), year=y.year) for y in s.years for a in y.activities.activities]),
    Dataset("steden", lambda s: "De 40 gemeenten van de G40", lambda s: "Id, naam en provincie van elke G40-gemeente.",
            City, lambda s: list(s.cities.cities)),
    Dataset("organisaties", lambda s: "Organisaties en afkortingen",
            lambda s: "Organisaties en afkortingen uit de bronnen, met uitleg en herkomst van de uitleg.", Organisation,
            lambda s: list(s.organisations.organisations)),
    Dataset("bronnen", lambda s: "Brondocumenten", lambda s: "De documenten waarop de gegevens berusten.", Source,
            lambda s: list(s.sources.sources)),
]


def _json(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=1, sort_keys=False) + "\n").encode()


def _csv(rows: list[dict[str, Any]], fields: list[str]) -> bytes:
    """One row per record; lists joined with ';', nested records as JSON."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: csv_cell(_cell(row.get(k))) for k in fields})
    return out.getvalue().encode()


FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
"""Spreadsheets run a cell that starts with one of these as a formula (`=HYPERLINK(…)`)."""


def csv_cell(text: str) -> str:
    """A CSV cell a spreadsheet shows as text: a leading formula character gets an
    apostrophe before it, as OWASP advises against CSV injection (the open-data page says
    so). Quoting of separators and quotes is the csv module's."""
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ";".join(v if isinstance(v, str) else json.dumps(v, ensure_ascii=False) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def files(site: Site, site_url: str) -> dict[str, bytes]:
    """Every open-data file under open-data/, by docs path."""
    result: dict[str, bytes] = {}
    for dataset in DATASETS:
        rows = [row.model_dump(mode="json") for row in dataset.rows(site)]
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": f"{dataset.name}.schema.json",
                  "title": dataset.title(site), **TypeAdapter(list[dataset.model]).json_schema()}
        result[f"{FOLDER}/{dataset.name}.json"] = _json(rows)
        result[f"{FOLDER}/{dataset.name}.csv"] = _csv(rows, list(dataset.model.model_fields))
        result[f"{FOLDER}/{dataset.name}.schema.json"] = _json(schema)
    result[f"{FOLDER}/catalogus.jsonld"] = _json(catalogue(site, site_url))
    return result


def catalogue(site: Site, site_url: str) -> dict[str, Any]:
    """A DCAT-AP-DONL catalogue (JSON-LD) of the data sets and their distributions."""
    base = site_url.rstrip("/") + f"/{FOLDER}/"
    publisher = {"@type": "foaf:Agent", "foaf:name": PUBLISHER}
    return {
        "@context": {"dcat": "http://www.w3.org/ns/dcat#", "dct": "http://purl.org/dc/terms/",
                     "foaf": "http://xmlns.com/foaf/0.1/", "vcard": "http://www.w3.org/2006/vcard/ns#",
                     "overheid": "http://standaarden.overheid.nl/owms/terms/"},
        "@id": base + "catalogus.jsonld",
        "@type": "dcat:Catalog",
        "dct:title": {"@language": "nl", "@value": "Open data van de Stedenagenda G40"},
        "dct:description": {"@language": "nl", "@value": "De gegevens achter de Stedenagenda G40, uit openbare "
                                                          "documenten van het Stedennetwerk G40."},
        "dct:publisher": publisher,
        "dct:language": {"@id": "http://publications.europa.eu/resource/authority/language/NLD"},
        "dcat:dataset": [{
            "@id": base + dataset.name,
            "@type": "dcat:Dataset",
            "dct:identifier": base + dataset.name,
            "dct:title": {"@language": "nl", "@value": dataset.title(site)},
            "dct:description": {"@language": "nl", "@value": dataset.description(site)},
            "dct:publisher": publisher,
            "dct:license": {"@id": LICENSE_UNKNOWN},
            "dct:language": {"@id": "http://publications.europa.eu/resource/authority/language/NLD"},
            "overheid:authority": {"@id": PUBLISHER_URL},
            "dcat:contactPoint": {"@type": "vcard:Organization", "vcard:fn": PUBLISHER,
                                  "vcard:hasURL": {"@id": PUBLISHER_URL}},
            "dcat:distribution": [{
                "@type": "dcat:Distribution",
                "dct:title": {"@language": "nl", "@value": f"{dataset.title(site)} ({kind.upper()})"},
                "dcat:accessURL": {"@id": base + f"{dataset.name}.{kind}"},
                "dcat:downloadURL": {"@id": base + f"{dataset.name}.{kind}"},
                "dcat:mediaType": media,
                "dct:format": kind.upper(),
                "dct:license": {"@id": LICENSE_UNKNOWN},
                "dct:conformsTo": {"@id": base + f"{dataset.name}.schema.json"},
            } for kind, media in (("json", "application/json"), ("csv", "text/csv"))],
        } for dataset in DATASETS],
    }
