"""Typed models, one per kind of data. Every field has a docstring: it becomes the
description in the JSON Schema, which editors see as a tooltip while typing.

Models hold data and check it; they never format it for a page (that is `render`'s job).
Pydantic v2 was chosen over dataclasses + jsonschema because one declaration gives both
the validation (with error locations we map back to YAML lines) and the JSON Schema.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
DATE_PATTERN = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"
URL_PATTERN = r"^(https?://[^\s<>\"]+|mailto:[^\s<>\"]+)$"

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
"""A stable id: lowercase letters, digits and single hyphens (`alphen-aan-den-rijn`)."""


def _one_line(value: str) -> str:
    if "\n" in value:
        raise ValueError("newline")
    return value


Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_one_line)]
"""An exact name or title, quoted from the source: one line of plain text."""

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
"""Prose in our own words; paragraphs are separated by an empty line."""

PartialDate = Annotated[str, StringConstraints(pattern=DATE_PATTERN)]
"""A date as precise as the source gives it: `2021`, `2021-03` or `2021-03-15`."""

Url = Annotated[str, StringConstraints(pattern=URL_PATTERN)]
"""An http(s) or mailto address."""

Province = Literal[
    "Drenthe", "Flevoland", "Fryslân", "Gelderland", "Groningen", "Limburg",
    "Noord-Brabant", "Noord-Holland", "Overijssel", "Utrecht", "Zeeland", "Zuid-Holland",
]


class Model(BaseModel):
    """Shared settings: unknown fields are errors, values cannot change after loading."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


# --- sources -------------------------------------------------------------------------


class Source(Model):
    """A source document the site publishes or cites."""

    id: Slug
    """Stable id, used by every reference to this document."""
    title: Name
    """The document's title, exactly as it gives it."""
    publisher: Name
    """Who published it."""
    date: PartialDate
    """When it was published, as precise as known."""
    kind: Literal["agenda", "standpunt", "jaarverslag", "webpagina", "raadsstukken", "brief", "notitie"]
    """What sort of document it is."""
    file: str = Field(pattern=r"^[0-9]{3}_[0-9a-f]{16}\.txt$")
    """The text extraction in `../shared/seeds/` that the data is taken from."""
    url: Url | None = None
    """Where the original can be found, if the text names an address."""


class SourcesFile(Model):
    """`data/sources.yaml`."""

    sources: list[Source] = Field(min_length=1)
    """Every source document."""


# --- cities --------------------------------------------------------------------------


class SourcePlace(Model):
    """A place in a source document: which document, and where in it."""

    source: Slug
    """Id of the document in `data/sources.yaml`."""
    place: Name
    """Chapter, section or theme group, in the document's own words."""


class City(Model):
    """A member municipality of the G40."""

    id: Slug
    """Stable id: the name in lowercase with hyphens (`s-hertogenbosch`)."""
    name: Name
    """The official name, exactly as the sources write it."""
    province: Province
    """The province the municipality lies in."""


class CitiesFile(Model):
    """`data/cities.yaml`."""

    membership: list[SourcePlace] = Field(min_length=1)
    """Where the sources state which municipalities are members."""
    province_note: Text
    """Where the provinces come from, since the sources do not name them."""
    cities: list[City] = Field(min_length=1)
    """The member municipalities, alphabetically."""


# --- agenda --------------------------------------------------------------------------


class Speerpunt(Model):
    """One numbered speerpunt (spearhead) of a theme, worded exactly as in the agenda."""

    number: int = Field(ge=1)
    """Its number in the theme's list."""
    title: Name
    """The exact wording, typos included."""
    remark: Text | None = None
    """A remark the source itself adds to the speerpunt, exact."""
    see: Slug | None = None
    """Id of the theme where the source says this speerpunt is worked out."""
    editor_note: Text | None = None
    """Our note on an obvious error in the source, shown as such."""


class MoreInfo(Model):
    """The 'Meer informatie' pointer at the end of a chapter."""

    label: Name
    """The theme group or pillar it names."""
    url: Url
    """The address it gives."""


class Related(Model):
    """Another chapter this chapter refers to."""

    target: Slug
    """Id of the theme referred to, or `randvoorwaarden`."""
    cited_as: Name
    """How the source cites it (its chapter numbers differ from the headings)."""


class Theme(Model):
    """One of the eight themes (chapters) of the strategic agenda."""

    id: Slug
    """Stable id, also the page's file name."""
    number: int = Field(ge=1)
    """The chapter number in the heading."""
    title: Name
    """The chapter title, exact."""
    intro: Text
    """Summary of the chapter's opening, in our own words."""
    speerpunten_intro: Text
    """Summary of the sentence that introduces the speerpunten."""
    speerpunten: list[Speerpunt]
    """The numbered speerpunten; empty only when the source gives none (say so in `gaps`)."""
    why: Text
    """Summary of 'Waarom doen we wat we doen?'."""
    approach: Text | None
    """Summary of 'G40-aanpak', or null when the chapter has no such section (say so in `gaps`)."""
    action: Text
    """Summary of 'Aan de slag'."""
    gaps: list[Text] = []
    """Where the source is silent or garbled, in plain words."""
    more_info: MoreInfo
    """The chapter's 'Meer informatie' pointer."""
    related: list[Related] = []
    """Other chapters this chapter refers to."""

    @model_validator(mode="after")
    def _gaps_explain_missing_parts(self) -> Theme:
        if (not self.speerpunten or self.approach is None) and not self.gaps:
            raise ValueError("missing-part-without-gap")
        numbers = [s.number for s in self.speerpunten]
        if numbers != list(range(1, len(numbers) + 1)):
            raise ValueError("speerpunt-numbering")
        return self


class NutshellItem(Model):
    """One line of 'Onze agenda in een notendop'."""

    phrase: Name
    """The phrase printed in bold in the source, exact."""
    target: Slug
    """Id of the theme it stands for, or `randvoorwaarden`."""
    summary: Text
    """The rest of the line, in our own words."""


class Nutshell(Model):
    """'Onze agenda in een notendop': the agenda in nine lines."""

    reference: Name
    """Where in the agenda the list stands."""
    note: Text | None = None
    """An editor's remark on the list."""
    items: list[NutshellItem] = Field(min_length=1)
    """The lines, in the source's order."""


class Quote(Model):
    """A short quotation, reproduced exactly with its author."""

    text: Name
    """The quoted words."""
    by: Name
    """Who said them."""


class Summary(Model):
    """A passage of the agenda summarised in our own words."""

    summary: Text
    """The summary."""
    reference: Name
    """The section(s) of the agenda it summarises."""


class Mission(Summary):
    """'Onze missie'."""

    quote: Quote | None = None
    """The quotation the mission ends with."""


class Point(Model):
    """A numbered point of the randvoorwaarden."""

    number: int = Field(ge=1)
    """Its number."""
    title: Name
    """Its heading, exact."""
    summary: Text
    """What it asks, in our own words."""


class RandSection(Model):
    """A section of 'Ruimte en slagkracht voor stad en regio'."""

    title: Name
    """The section heading, exact."""
    intro: Text
    """Summary of its introduction."""
    points: list[Point] = Field(min_length=1)
    """Its numbered points."""


class Closing(Model):
    """A closing section with a heading."""

    title: Name
    """The heading, exact."""
    summary: Text
    """Summary in our own words."""


class Randvoorwaarden(Model):
    """The chapter 'Ruimte en slagkracht voor stad en regio'."""

    title: Name
    """The chapter title, exact."""
    intro: Text
    """Summary of the chapter's opening."""
    sections: list[RandSection] = Field(min_length=1)
    """The financial agenda and the room for cities and regions."""
    closing: Closing
    """'De bestuurders aan zet'."""
    more_info: MoreInfo
    """The chapter's 'Meer informatie' pointer."""


class WerkwijzePoint(Model):
    """A paragraph of 'De werkwijze van de G40', keyed by the words it prints in bold."""

    keyword: Name
    """The bold words, exact."""
    summary: Text
    """The paragraph in our own words."""


class Werkwijze(Model):
    """The chapter 'De werkwijze van de G40'."""

    title: Name
    """The chapter title, exact."""
    points: list[WerkwijzePoint] = Field(min_length=1)
    """Its paragraphs."""


class AgendaFile(Model):
    """`data/agenda.yaml`: the strategic agenda 2019-2022."""

    source: Slug
    """Id of the agenda in `data/sources.yaml`."""
    title: Name
    """The agenda's title."""
    subtitle: Name
    """Its subtitle."""
    period: Name = Field(pattern=r"^\d{4}-\d{4}$")
    """The years it covers."""
    introduction: Summary
    """The opening pages."""
    mission: Mission
    """'Onze missie'."""
    nutshell: Nutshell
    """'Onze agenda in een notendop'."""
    themes: list[Theme] = Field(min_length=1)
    """The eight themes, in chapter order."""
    randvoorwaarden: Randvoorwaarden
    """'Ruimte en slagkracht voor stad en regio'."""
    werkwijze: Werkwijze
    """'De werkwijze van de G40'."""


RANDVOORWAARDEN_ID = "randvoorwaarden"
"""The id by which nutshell lines and cross-references point at the randvoorwaarden chapter."""

FILE_MODELS: dict[str, type[Model]] = {
    "sources": SourcesFile,
    "cities": CitiesFile,
    "agenda": AgendaFile,
}
"""Every data file, by name (`data/<name>.yaml`), with its model."""

ID_RE = re.compile(SLUG_PATTERN)
