"""Typed models, one per kind of data. Every field has a docstring: it becomes the
description in the JSON Schema, which editors see as a tooltip while typing.

Models hold data and check it; they never format it for a page (that is `render`'s job).
Pydantic v2 was chosen over dataclasses + jsonschema because one declaration gives both
the validation (with error locations we map back to YAML lines) and the JSON Schema.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from urllib.parse import urlsplit
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, model_validator

from generator.markers import InForce, InPassage, NotARef, Ref

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
DATE_PATTERN = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
URL_PATTERN = r"^(https?://[^\s<>\"]+|mailto:[^\s<>\"]+)$"
TERM_PATTERN = r"^[\w][\w&.' -]*$"
PERIOD_PATTERN = r"^\d{4}-\d{4}$"
SEED_FILE_PATTERN = r"^[0-9]{3}_[0-9a-f]{16}\.txt$"

SLUG_MAX_LENGTH = 80
"""Ids become file names (with a prefix and `.html`, `.zip`, `.pdf`), which most file
systems cap at 255 bytes; the longest id today has 60 characters."""

WINDOWS_RESERVED = frozenset({"con", "prn", "aux", "nul", *(f"com{n}" for n in range(10)),
                              *(f"lpt{n}" for n in range(10))})
"""Names Windows gives to devices: a file `con.html` or `aux.zip` cannot be made or opened
there, so an editor on Windows could not check out or unpack the site."""


def _not_reserved(value: str) -> str:
    """`index` is the file name of every folder's own page, so no record can have it; ids
    become file names, so no Windows device name either."""
    if value == "index":
        raise ValueError("reserved-id")
    if value in WINDOWS_RESERVED:
        raise ValueError("windows-id")
    return value


Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=SLUG_MAX_LENGTH), AfterValidator(_not_reserved)]
"""A stable id: lowercase letters, digits and single hyphens (`alphen-aan-den-rijn`)."""

ChapterId = Annotated[Slug, Ref("chapters")]
"""Id of a theme of the agenda in force, or `randvoorwaarden`."""


_MARKUP = re.compile(r"<\s*[A-Za-z/!?]|\]\s*\(")


def _plain_text(value: str) -> str:
    """Text is shown as typed; HTML or a Markdown link would not work, so say so early."""
    match = _MARKUP.search(value)
    if match:
        raise ValueError("markup-html" if match.group(0).lstrip().startswith("<") else "markup-link")
    return value


def _one_line(value: str) -> str:
    if "\n" in value:
        raise ValueError("newline")
    return value


NAME_MAX_LENGTH = 300
"""Characters in a name or title (the longest today is well under half of this)."""
TEXT_MAX_LENGTH = 4000
"""Characters in one prose field (the longest today has about 1,100): a pasted document
would otherwise multiply into every page, bundle and PDF that shows the text."""

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=NAME_MAX_LENGTH),
                 AfterValidator(_one_line), AfterValidator(_plain_text)]
"""An exact name or title, quoted from the source: one line of plain text."""

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=TEXT_MAX_LENGTH),
                 AfterValidator(_plain_text)]
"""Prose in our own words, plain text; paragraphs are separated by an empty line."""


def _strict_bool(value: object) -> object:
    """Only `true` and `false`: YAML 1.1's yes/no/on/off are not silently read as booleans."""
    if value in ("true", "false", True, False):
        return value in ("true", True)
    raise ValueError("strict-bool")


Flag = Annotated[bool, BeforeValidator(_strict_bool)]
"""`true` or `false`."""

def _calendar_date(value: str) -> str:
    """The pattern allows the 30th of February; the calendar does not."""
    if len(value) == 10:
        try:
            datetime.date.fromisoformat(value)
        except ValueError:
            raise ValueError("impossible-date") from None
    return value


PartialDate = Annotated[str, StringConstraints(pattern=DATE_PATTERN), AfterValidator(_calendar_date)]
"""A date as precise as the source gives it: year, year-month or year-month-day (ISO 8601)."""

def _no_userinfo(value: str) -> str:
    """`https://ons-adres.example@evil.example/` reads as our address and leads to
    evil.example: a web address with a user name or password before the host is refused."""
    if value.startswith(("http://", "https://")) and "@" in urlsplit(value).netloc:
        raise ValueError("url-userinfo")
    return value


Url = Annotated[str, StringConstraints(pattern=URL_PATTERN), AfterValidator(_no_userinfo)]
"""An http(s) or mailto address."""

Province = Literal[
    "Drenthe", "Flevoland", "Fryslân", "Gelderland", "Groningen", "Limburg",
    "Noord-Brabant", "Noord-Holland", "Overijssel", "Utrecht", "Zeeland", "Zuid-Holland",
]


class Model(BaseModel):
    """Shared settings: unknown fields are errors, values cannot change after loading."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


# --- passages ------------------------------------------------------------------------


ANCHOR_MAX_WORDS = 12
"""An anchor is a short quotation: long enough to be unique, short enough to stay a pointer."""


def _short_anchor(value: str) -> str:
    if len(value.split()) > ANCHOR_MAX_WORDS:
        raise ValueError("anchor-too-long")
    return value


Anchor = Annotated[str, StringConstraints(strip_whitespace=True, min_length=3), AfterValidator(_one_line),
                   AfterValidator(_short_anchor)]
"""Words copied verbatim from the source (at most twelve), found exactly once in it."""


class Passage(Model):
    """A passage of a source document: the document, its section, and where the passage starts.

    The validator finds `anchor` in the source text (it must occur exactly once) and takes
    the passage from there to the end of its paragraph (the next blank line, heading or jump
    to another column), or to the end of `end` when that is given."""

    source: Annotated[Slug, Ref("sources")]
    """Id of the document in `data/sources.yaml`."""
    place: Name
    """Chapter, section or theme group, in the document's own words."""
    anchor: Anchor
    """The first words of the passage, copied exactly from the source (at most twelve)."""
    end: Anchor | None = None
    """The last words of the passage, when it runs on past its first paragraph."""


Passages = Annotated[list[Passage], Field(min_length=1)]
"""Where the facts of a record stand: one passage, or more when they come from more places."""


# --- sources -------------------------------------------------------------------------


DateBasis = Literal["tekst", "titel", "webadres", "copyright", "redactie"]
"""Where a source's date comes from; `generator.wording.DATE_BASIS` has the reader's sentence
for each."""

DATE_BASES_IN_TEXT = frozenset({"tekst", "titel", "copyright"})
"""The bases for which the date stands in the document's text: its passage is cited."""


class Source(Model):
    """A source document the site publishes or cites."""

    id: Slug
    """Stable id, used by every reference to this document."""
    title: Name
    """The document's title, exactly as it gives it."""
    publisher: Name
    """Who published it."""
    date: Annotated[PartialDate, InPassage(how="date", cited="date_passages", when=("date_basis", "tekst"))]
    """When it was published, as precise as known."""
    date_basis: DateBasis
    """Where `date` comes from: `tekst` (the text names it), `titel` (the first year of the
    period in the title), `webadres` (the address of the file), `copyright` (the © line) or
    `redactie` (the text is silent: the editors' estimate)."""
    date_passages: list[Passage] = []
    """Where the date stands in this document's own text (required for `tekst`, `titel` and
    `copyright`; for `webadres` when the text prints the address; none for `redactie`)."""
    kind: Literal["agenda", "standpunt", "jaarverslag", "webpagina", "raadsstukken", "brief", "notitie"]
    """What sort of document it is."""
    file: str = Field(pattern=SEED_FILE_PATTERN)
    """The text extraction in `../shared/seeds/` that the data is taken from."""
    url: Url | None = None
    """Where the original can be found, if the text names an address."""
    paragraph_gap: int = Field(default=1, ge=1, le=3)
    """How many blank lines end a paragraph in the extraction: 2 where it puts a blank line
    after every line of text (then a passage runs on until two blank lines in a row)."""
    paragraph_width: int | None = Field(default=None, ge=20, le=200)
    """For an extraction that puts a blank line after every line and none between paragraphs
    (a scanned bundle): a line shorter than this many characters that ends a sentence ends
    its paragraph, and so does the line before a list item (•). Empty: only blank lines do."""

    @model_validator(mode="after")
    def _date_basis_cited(self) -> Source:
        if any(p.source != self.id for p in self.date_passages):
            raise ValueError("date-passage-elsewhere")
        if self.date_basis in DATE_BASES_IN_TEXT and not self.date_passages:
            raise ValueError("date-basis-passage")
        if self.date_basis == "redactie" and self.date_passages:
            raise ValueError("date-basis-editors")
        if self.date_basis == "webadres" and self.url is None:
            raise ValueError("date-basis-url")
        return self


class SourcesFile(Model):
    """`data/sources.yaml`."""

    sources: list[Source] = Field(min_length=1)
    """Every source document."""


# --- cities --------------------------------------------------------------------------


class City(Model):
    """A member municipality of the G40: its name stands in every member list of `membership`."""

    id: Slug
    """Stable id: the name in lowercase with hyphens (`s-hertogenbosch`)."""
    name: Annotated[Name, InPassage(cited="membership", each=True, checked="member")]
    """The official name, exactly as the sources write it."""
    province: Province
    """The province the municipality lies in."""
    map_place: Name | None = None
    """For the map: the place (in GeoNames) that stands for a municipality named after no
    single place, e.g. Hoofddorp for Haarlemmermeer. Default: the municipality's name."""
    search_aliases: list[Name] = []
    """Names readers use that the sources do not (`Den Bosch`): shown nowhere, found by search."""


class CitiesFile(Model):
    """`data/cities.yaml`."""

    membership: Passages
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
    title: Annotated[Name, InPassage()]
    """The exact wording, typos included."""
    remark: Annotated[Name, InPassage()] | None = None
    """A remark the source itself adds to the speerpunt, exact."""
    see: Annotated[Slug, Ref("themes")] | None = None
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

    target: ChapterId
    """Id of the theme referred to, or `randvoorwaarden`."""
    cited_as: Name
    """How the source cites it (its chapter numbers differ from the headings)."""


class ThemePassages(Model):
    """Where each part of a theme's page comes from."""

    intro: Passages
    """The chapter's opening (in italics under the heading)."""
    speerpunten: Passages
    """'De G40-agenda': the sentence introducing the speerpunten and their list."""
    why: Passages
    """'Waarom doen we wat we doen?'."""
    approach: list[Passage] = []
    """'G40-aanpak' (empty only when the chapter has none)."""
    action: Passages
    """'Aan de slag'."""


class Theme(Model):
    """One of the eight themes (chapters) of the strategic agenda."""

    id: Slug
    """Stable id, also the page's file name."""
    number: int = Field(ge=1)
    """The chapter number in the heading."""
    title: Annotated[Name, InPassage(how="place", cited="passages.intro")]
    """The chapter title, exact."""
    intro: Annotated[Text, InPassage(how="quoted")]
    """Summary of the chapter's opening, in our own words."""
    speerpunten_intro: Text
    """Summary of the sentence that introduces the speerpunten."""
    speerpunten: list[Speerpunt]
    """The numbered speerpunten; empty only when the source gives none (say so in `gaps`)."""
    why: Annotated[Text, InPassage(how="quoted")]
    """Summary of 'Waarom doen we wat we doen?'."""
    approach: Annotated[Text, InPassage(how="quoted")] | None
    """Summary of 'G40-aanpak', or null when the chapter has no such section (say so in `gaps`)."""
    action: Annotated[Text, InPassage(how="quoted")]
    """Summary of 'Aan de slag'."""
    gaps: list[Text] = []
    """Where the source is silent, in one short line each: readers see it."""
    notes: list[Text] = []
    """Editors' notes on the extraction (column order, placement): under 'Verantwoording'."""
    passages: ThemePassages
    """Where each part comes from."""
    more_info: MoreInfo
    """The chapter's 'Meer informatie' pointer."""
    related: list[Related] = []
    """Other chapters this chapter refers to."""

    @model_validator(mode="after")
    def _gaps_explain_missing_parts(self) -> Theme:
        if (not self.speerpunten or self.approach is None) and not self.gaps:
            raise ValueError("missing-part-without-gap")
        if (self.approach is None) != (not self.passages.approach):
            raise ValueError("approach-passage")
        numbers = [s.number for s in self.speerpunten]
        if numbers != list(range(1, len(numbers) + 1)):
            raise ValueError("speerpunt-numbering")
        return self


class NutshellItem(Model):
    """One line of 'Onze agenda in een notendop'."""

    phrase: Annotated[Name, InPassage()]
    """The phrase printed in bold in the source, exact."""
    target: ChapterId
    """Id of the theme it stands for, or `randvoorwaarden`."""
    summary: Text
    """The rest of the line, in our own words."""


class Nutshell(Model):
    """'Onze agenda in een notendop': the agenda in nine lines."""

    passages: Passages
    """Where in the agenda the list stands."""
    note: Text | None = None
    """An editor's remark on the list (shown under 'Verantwoording')."""
    items: list[NutshellItem] = Field(min_length=1)
    """The lines, in the source's order."""


class Quote(Model):
    """A short quotation, reproduced exactly with its author."""

    text: Annotated[Name, InPassage()]
    """The quoted words."""
    by: Annotated[Name, InPassage()]
    """Who said them."""
    language: Literal["nl", "en", "de", "fr"] = "nl"
    """The language the words are in (HTML `lang`), so a screen reader pronounces them right."""


class Summary(Model):
    """A passage of the agenda summarised in our own words."""

    summary: Text
    """The summary."""
    passages: Passages
    """The passages it summarises."""


class Mission(Summary):
    """'Onze missie'."""

    quote: Quote | None = None
    """The quotation the mission ends with."""


class Point(Model):
    """A numbered point of the randvoorwaarden."""

    number: int = Field(ge=1)
    """Its number."""
    title: Annotated[Name, InPassage(how="place")]
    """Its heading, exact."""
    summary: Annotated[Text, InPassage(how="quoted")]
    """What it asks, in our own words."""
    passages: Passages
    """Where it stands."""


class RandSection(Model):
    """A section of 'Ruimte en slagkracht voor stad en regio'."""

    title: Annotated[Name, InPassage(how="place")]
    """The section heading, exact."""
    intro: Text
    """Summary of its introduction."""
    passages: Passages
    """Where the introduction stands."""
    points: list[Point] = Field(min_length=1)
    """Its numbered points."""


class Closing(Model):
    """A closing section with a heading."""

    title: Annotated[Name, InPassage(how="place")]
    """The heading, exact."""
    summary: Text
    """Summary in our own words."""
    passages: Passages
    """Where it stands."""


class Randvoorwaarden(Model):
    """The chapter 'Ruimte en slagkracht voor stad en regio'."""

    title: Name
    """The chapter title, exact."""
    intro: Text
    """Summary of the chapter's opening."""
    passages: Passages
    """Where the opening stands."""
    sections: list[RandSection] = Field(min_length=1)
    """The financial agenda and the room for cities and regions."""
    closing: Closing
    """'De bestuurders aan zet'."""
    more_info: MoreInfo
    """The chapter's 'Meer informatie' pointer."""


class WerkwijzePoint(Model):
    """A paragraph of 'De werkwijze van de G40', keyed by the words it prints in bold."""

    keyword: Annotated[Name, InPassage()]
    """The bold words, exact."""
    summary: Text
    """The paragraph in our own words."""
    passages: Passages
    """Where the paragraph stands."""


class Werkwijze(Model):
    """The chapter 'De werkwijze van de G40'."""

    title: Name
    """The chapter title, exact."""
    points: list[WerkwijzePoint] = Field(min_length=1)
    """Its paragraphs."""


def _ordered_period(value: str) -> str:
    """A period runs from its first year to its last, and a year has no leading zero: a
    reversed period or one of year zero is a typing mistake."""
    if not re.fullmatch(r"\d{4}-\d{4}", value):
        return value  # the pattern says what is wrong
    first, last = (int(year) for year in value.split("-"))
    if value.startswith("0") or first > last:
        raise ValueError("period-order")
    return value


class AgendaFile(Model):
    """`data/agenda/<period>.yaml`: one strategic agenda (the file is named after its period)."""

    source: Annotated[Slug, Ref("sources")]
    """Id of the agenda in `data/sources.yaml`."""
    title: Name
    """The agenda's title."""
    subtitle: Name
    """Its subtitle."""
    period: Annotated[Name, AfterValidator(_ordered_period)] = Field(pattern=PERIOD_PATTERN)
    """The years it covers, first-last; also the file name and the folder of its pages."""
    undated_addresses: Flag = False
    """Whether the site's addresses from before it held more than one agenda (`agenda/…`
    without a period) lead to this agenda: true for the first agenda the site published."""
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


# --- people and organisations -------------------------------------------------------


class Person(Model):
    """Someone a source names, in the public role it gives them."""

    id: Slug
    """Stable id."""
    name: Annotated[Name, InPassage()]
    """The name exactly as the source writes it (only a surname if that is all it gives)."""
    role: Name
    """Their public role as the source describes it."""
    city: Annotated[Slug, Ref("cities"), InPassage()] | None = None
    """Id of the city the source ties them to, if any."""
    passages: Passages
    """Where a source names them in this role."""


class PeopleFile(Model):
    """`data/people.yaml`."""

    people: list[Person] = Field(min_length=1)
    """Everyone the sources name."""


COMMON_WORD_ZIPF = 4.0
"""A lowercase term at least this frequent in Dutch (Zipf scale of `wordfreq`: 4 is once
per 100,000 words) is an ordinary word: as a hover term it would mark up every page
(`de` gave 2,147 abbreviations). `amv` scores 2.5, `de` 7.7."""


def _not_a_common_word(value: str) -> str:
    """Terms written with a capital are names or abbreviations; lowercase ones must be rare."""
    if value == value.lower():
        from wordfreq import zipf_frequency  # loads the Dutch list only when a lowercase term needs it

        if len(value) < 2 or zipf_frequency(value, "nl") >= COMMON_WORD_ZIPF:
            raise ValueError("common-word")
    return value


Term = Annotated[str, StringConstraints(pattern=TERM_PATTERN, max_length=80), AfterValidator(_not_a_common_word)]
"""An abbreviation or name as it appears in running text."""


class Organisation(Model):
    """An organisation or abbreviation, explained in the glossary and on hover."""

    id: Slug
    """Stable id."""
    term: Annotated[Term, InPassage(alternatives=("also",))]
    """The abbreviation or name exactly as the sources write it."""
    also: list[Term] = []
    """Other spellings the sources use (e.g. `AMV` beside `amv`)."""
    expansion: Annotated[Name, InPassage(any_case=True, when=("explained_by", "bron"))] | None = None
    """What the abbreviation stands for."""
    explained_by: Literal["bron", "redactie"] | None = None
    """Whether a source spells the expansion out (`bron`) or the editors do (`redactie`)."""
    description: Name | None = None
    """A short description, from what the sources say."""
    note: Name | None = None
    """What the sources leave open, e.g. that they never spell the name out."""
    passages: list[Passage] = []
    """Where a source uses or explains the term (needed for an expansion or description from the sources)."""
    hover: Flag = True
    """Whether the term gets its explanation on hover everywhere (off for the network's own name)."""
    search_aliases: list[Name] = []
    """Names readers use that the sources do not: shown nowhere, found by search (the glossary)."""

    @model_validator(mode="after")
    def _expansion_has_an_origin(self) -> Organisation:
        if (self.expansion is None) != (self.explained_by is None):
            raise ValueError("expansion-origin")
        if (self.explained_by == "bron" or self.description) and not self.passages:
            raise ValueError("expansion-reference")
        return self


class OrganisationsFile(Model):
    """`data/organisations.yaml`."""

    organisations: list[Organisation] = Field(min_length=1)
    """Every organisation and abbreviation."""


# --- annual reports: one folder per year --------------------------------------------

class Foreword(Model):
    """The chair's foreword."""

    id: Slug
    """Id activities use to say they come from the foreword."""
    heading: Name
    """The heading, exact."""
    author: Annotated[Slug, Ref("people"), InPassage()]
    """Id of the person who wrote it."""
    summary: Annotated[Text, InPassage(how="quoted")]
    """The foreword in our own words."""
    passages: Passages
    """Where it stands."""
    highlights: list[Annotated[Slug, Ref("year-activities")]] = []
    """Ids of the activities it singles out."""


class ThemeGroup(Model):
    """A theme group of a pillar (or the pillar's general section)."""

    id: Slug
    """Stable id, also the page's file name."""
    title: Name
    """The group's name as the report uses it in its text."""
    heading: Annotated[Name, InPassage()]
    """The heading above it in the report, exact (it sometimes differs from the name)."""
    kind: Literal["algemeen", "themagroep"]
    """`algemeen` for a pillar's general section, `themagroep` for a theme group."""
    themes: list[ChapterId] = Field(min_length=1)
    """The agenda themes it works on."""
    summary: Annotated[Text, InPassage(how="quoted")]
    """What it did in the report's year, in one or two sentences."""
    passages: Passages
    """Where its text stands (more than one when the extraction splits it)."""
    placement: Text | None = None
    """Where the extraction garbled its place and how we reassembled it (under 'Verantwoording')."""


class Pillar(Model):
    """A pillar of the annual report, or 'Overige themagroepen'."""

    id: Slug
    """Stable id, also the page's file name."""
    title: Name
    """Its name."""
    heading: Annotated[Name, InPassage()]
    """The heading in the report, exact."""
    summary: Text
    """Its year in our own words."""
    passages: Passages
    """Where its heading and general section stand."""
    groups: list[ThemeGroup] = Field(min_length=1)
    """Its sections and theme groups, in the report's order."""


class ReportFile(Model):
    """`data/jaarverslagen/<year>/report.yaml`: one annual report (the folder is named after its year)."""

    source: Annotated[Slug, Ref("sources")]
    """Id of the report in `data/sources.yaml`."""
    year: int = Field(ge=1000, le=9999)
    """The year it covers; also the folder name and the folder of its pages."""
    undated_addresses: Flag = False
    """Whether the site's addresses from before it held more than one report (`jaarverslag/…`
    without a year) lead to this report: true for the first report the site published."""
    foreword: Foreword
    """The chair's foreword."""
    pillars: list[Pillar] = Field(min_length=1)
    """The pillars and the other theme groups."""


class CityRole(Model):
    """A city's part in an activity, in the source's terms."""

    city: Annotated[Slug, Ref("cities"), InPassage(checked="role-city")]
    """Id of the city: its name stands in the role's passage (refused by `make check` otherwise)."""
    role: Annotated[Name, InPassage(how="quoted")]
    """Its role (trekker, deelnemer, koploper, …)."""
    passages: list[Passage] = []
    """Where the source names the city in this role, when that is not the activity's own passage."""


class Activity(Model):
    """One thing the annual report says the network did (or saw happen) in the year."""

    id: Slug
    """Stable id, also the page's file name."""
    group: Annotated[Slug, Ref("groups-and-foreword")]
    """Id of the theme group (or `voorwoord`) it is reported under."""
    title: Annotated[Name, InPassage(how="quoted")]
    """A short title in our words; names of documents and events quoted exactly."""
    date: Annotated[PartialDate, InPassage(how="date")]
    """As precise as the source gives it."""
    summary: Annotated[Text, InPassage(how="quoted")]
    """What happened, in our own words."""
    people: Annotated[list[Annotated[Slug, Ref("people")]], InPassage()] = []
    """Ids of the people the source names."""
    organisations: Annotated[list[Annotated[Slug, Ref("organisations")]],
                             InPassage(any_case=True, alternatives=("also", "expansion"))] = []
    """Ids of partner organisations and abbreviations involved."""
    cities: list[CityRole] = []
    """The cities the source names, with their role."""
    themes: list[ChapterId] = Field(min_length=1)
    """The agenda themes it serves."""
    gaps: list[Annotated[Text, InPassage(how="quoted")]] = []
    """What the source leaves out about it, in one short line each: readers see it."""
    notes: list[Text] = []
    """Editors' notes on the extraction (broken words, columns): under 'Verantwoording'."""
    placement: Text | None = None
    """Where the extraction garbled its place and how we reassembled it (under 'Verantwoording')."""
    passages: Passages
    """Where the report tells it (more than one when the extraction splits it)."""


class ActivitiesFile(Model):
    """`data/jaarverslagen/<year>/activities.yaml`: the activities of one annual report."""

    activities: list[Activity] = Field(min_length=1)
    """Every activity of the annual report, in the report's order per group; ids are unique
    across all years."""


# --- kernboodschappen ---------------------------------------------------------------


class AnalysisPoint(Model):
    """A point of the problem analysis: quoted exactly when short, else summarised."""

    text: Annotated[Name, InPassage()] | None = None
    """The exact words, for short items."""
    summary: Text | None = None
    """Our summary, for long items."""

    @model_validator(mode="after")
    def _one_of_text_or_summary(self) -> AnalysisPoint:
        if (self.text is None) == (self.summary is None):
            raise ValueError("text-or-summary")
        return self


class Analysis(Model):
    """One list of the problem analysis."""

    heading: Annotated[Name, InPassage()]
    """Its heading, exact."""
    summary: Text
    """What the list is about."""
    points: list[AnalysisPoint] = Field(min_length=1)
    """The points."""
    closing: Annotated[Text, InPassage(how="quoted")] | None = None
    """The paragraph after the list, summarised."""
    passages: Passages
    """Where the list (and its closing paragraph) stand."""


class Needed(Model):
    """'Wat is nodig?'."""

    heading: Annotated[Name, InPassage()]
    """The heading, exact."""
    summary: Text
    """Summary."""
    passages: Passages
    """Where it stands."""


class Ask(Model):
    """One of the three asks."""

    number: int = Field(ge=1)
    """Its number."""
    title: Annotated[Name, InPassage()]
    """The ask, exact."""
    summary: Text
    """Its argument in our words."""
    points: list[Text] = Field(min_length=1)
    """What the G40 wants, summarised."""
    themes: list[ChapterId] = []
    """Agenda themes it concerns."""
    activities: list[Annotated[Slug, Ref("activities")]] = []
    """Activities of the annual reports that work on it."""
    passages: Passages
    """Where the ask and its points stand."""


class KernboodschappenFile(Model):
    """`data/kernboodschappen.yaml`."""

    source: Annotated[Slug, Ref("sources")]
    """Id in `data/sources.yaml`."""
    title: Name
    """The document's title."""
    analysis: list[Analysis] = Field(min_length=1)
    """The problem analysis."""
    needed: Needed
    """'Wat is nodig?'."""
    asks: list[Ask] = Field(min_length=1)
    """The three asks."""


# --- archive and about --------------------------------------------------------------


class Part(Model):
    """A labelled part of an archive document (a bottleneck, a scenario, a principle)."""

    label: Name
    """What kind of part, e.g. 'Scenario 1'."""
    title: Annotated[Name, InPassage()]
    """Its title or statement, exact."""
    summary: Text
    """Its content in our words."""
    passages: Passages
    """Where it stands."""


SHORT_TITLE_MAX = 80
"""Council systems (iBabs, NotuBiz) list a document by its title: longer than this it is cut off."""


def _short_title(value: str) -> str:
    if len(value) > SHORT_TITLE_MAX:
        raise ValueError("short-title-too-long")
    return value


class ArchiveDocument(Model):
    """A document of the archived council bundle."""

    id: Slug
    """Stable id, also the page's file name."""
    title: Annotated[Name, InPassage(when=("title_is_exact", True))]
    """The document's own title (`title_is_exact`) or our description of it."""
    title_is_exact: Flag
    """Whether `title` is the document's own title."""
    subtitle: Annotated[Name, InPassage()] | None = None
    """Its subtitle, exact."""
    short_title: Annotated[Name, AfterValidator(_short_title)] | None = None
    """The title council systems show (at most `SHORT_TITLE_MAX` characters), where `title`
    is longer: the PDFs, their bookmarks and the Raadsbundels page use it."""
    author: Annotated[Name, NotARef("who wrote it in the bundle's words: a body or 'onbekend', not a person of "
                                    "people.yaml")]
    """Who wrote it, as far as the bundle shows."""
    addressee: Name | None = None
    """To whom."""
    date: Annotated[PartialDate, InPassage(how="date", unless="date_note", any_case=True)]
    """When, as precise as known."""
    date_note: Text | None = None
    """How the date was established when the document does not show it."""
    summary: Annotated[Text, InPassage(how="quoted")]
    """Structured summary in our words."""
    parts: list[Part] = []
    """Its bottlenecks, scenarios or principles."""
    gaps: list[Annotated[Text, InPassage(how="quoted")]] = []
    """What the document leaves out (no date, no author), in one short line each: readers see it."""
    notes: list[Text] = []
    """Editors' notes on the scan (OCR errors, signatures): under 'Verantwoording'."""
    themes: list[ChapterId] = []
    """Agenda themes the document prefigures."""
    passages: Passages
    """Where the document stands in the bundle (its first and, with `end`, its last words)."""

    @model_validator(mode="after")
    def _council_title_fits(self) -> ArchiveDocument:
        if len(self.title) > SHORT_TITLE_MAX and self.short_title is None:
            raise ValueError("short-title-needed")
        return self

    @property
    def council_title(self) -> str:
        """The title a council system shows: the short title where the title is too long."""
        return self.short_title or self.title


class ArchiveFile(Model):
    """`data/archive.yaml`."""

    source: Annotated[Slug, Ref("sources")]
    """Id in `data/sources.yaml`."""
    title: Name
    """The archive page's title, e.g. the session the documents were for."""
    description: Name
    """One line on what the archive holds (the page's description for search engines)."""
    intro: Text
    """Why the archive matters, in our words."""
    documents: list[ArchiveDocument] = Field(min_length=1)
    """The documents, in the bundle's order."""


class AboutSection(Model):
    """A section of the 'Over de G40' page."""

    heading: Annotated[Name, InPassage()]
    """Heading, exact."""
    summary: Annotated[Text, InPassage(how="quoted")]
    """Our summary."""
    passages: Passages
    """Where it stands."""


class AboutFile(Model):
    """`data/about.yaml`."""

    source: Annotated[Slug, Ref("sources")]
    """Id in `data/sources.yaml`."""
    title: Name
    """Page title."""
    sections: list[AboutSection] = Field(min_length=1)
    """The sections."""


# --- council sessions ---------------------------------------------------------------

PageName = Literal["agenda", "werkwijze", "kernboodschappen", "jaarverslag", "tijdlijn", "steden",
                   "personen", "archief", "over-de-g40", "begrippen"]
"""Pages a bundle can name directly (the others are named by their data id): the page kinds
with a `bundle_page` in generator/kinds.py, which imports this module; tests/test_kinds.py
holds the two lists equal."""


class SessionItem(Model):
    """One item of a bundle: exactly one of the fields, naming a page of the site."""

    archive: Annotated[Slug, Ref("archive")] | None = None
    """Id of a document in `data/archive.yaml`."""
    theme: ChapterId | None = None
    """Id of an agenda theme, or `randvoorwaarden`."""
    page: PageName | None = None
    """One of the site's fixed pages."""
    pillar: Annotated[Slug, Ref("pillars")] | None = None
    """Id of a pillar of the annual report."""
    group: Annotated[Slug, Ref("groups")] | None = None
    """Id of a theme group of the annual report."""
    city: Annotated[Slug, Ref("cities")] | None = None
    """Id of a city."""
    activity: Annotated[Slug, Ref("activities")] | None = None
    """Id of an activity."""

    @model_validator(mode="after")
    def _exactly_one(self) -> SessionItem:
        if sum(value is not None for value in self.__dict__.values()) != 1:
            raise ValueError("one-item")
        return self


class Session(Model):
    """A council session and the bundle of documents that goes with it."""

    id: Slug
    """Stable id; the bundle is `dist/<id>.zip`."""
    title: Name
    """The session's title, shown on the cover and on every printed page."""
    date: Annotated[PartialDate, InForce()] | None = None
    """The session's date (none for a bundle that is not tied to a meeting)."""
    body: Name
    """The council or body the bundle is for."""
    letter: Annotated[Text, InPassage(how="quoted", cited="letter_source")]
    """The cover letter, in our own words."""
    letter_source: Passages | None = None
    """Where the letter's content comes from, if it summarises a source (one passage or more)."""
    items: list[SessionItem] = Field(min_length=1)
    """The bundled items, in order."""
    whole_site: Flag = False
    """Bundle the whole site; otherwise only the items and the pages they link to."""


class SessionsFile(Model):
    """`data/sessions.yaml`."""

    sessions: list[Session] = Field(min_length=1)
    """Every council session with a bundle."""


RANDVOORWAARDEN_ID = "randvoorwaarden"
"""The id by which nutshell lines and cross-references point at the randvoorwaarden chapter."""

FILE_MODELS: dict[str, type[Model]] = {
    "sources": SourcesFile,
    "cities": CitiesFile,
    "people": PeopleFile,
    "organisations": OrganisationsFile,
    "kernboodschappen": KernboodschappenFile,
    "archive": ArchiveFile,
    "about": AboutFile,
    "sessions": SessionsFile,
}
"""Every data file with a fixed name (`data/<name>.yaml`), with its model."""

AGENDA_FOLDER = "agenda"
"""`data/agenda/<period>.yaml`: one file per strategic agenda."""
REPORT_FOLDER = "jaarverslagen"
"""`data/jaarverslagen/<year>/`: one folder per annual report, with these files."""
REPORT_FILES: dict[str, type[Model]] = {"report": ReportFile, "activities": ActivitiesFile}
"""The files of one annual report's folder, with their models."""
SCHEMA_NAMES: dict[str, type[Model]] = {**FILE_MODELS, "agenda": AgendaFile, **REPORT_FILES}
"""One JSON Schema per kind of data file (`schemas/<name>.schema.json`)."""

PERIOD_NAME = re.compile(r"^[0-9]{4}-[0-9]{4}$")
YEAR_NAME = re.compile(r"^[0-9]{4}$")


def model_for(name: str) -> type[Model] | None:
    """The model of the data file `data/<name>.yaml`, or None for a file that is not ours:
    the fixed files, `agenda/<period>` and `jaarverslagen/<year>/<report|activities>`."""
    parts = name.split("/")
    if len(parts) == 1:
        return FILE_MODELS.get(name)
    if len(parts) == 2 and parts[0] == AGENDA_FOLDER and PERIOD_NAME.match(parts[1]):
        return AgendaFile
    if len(parts) == 3 and parts[0] == REPORT_FOLDER and YEAR_NAME.match(parts[1]):
        return REPORT_FILES.get(parts[2])
    return None


def schema_name(name: str) -> str:
    """The JSON Schema a data file uses: `agenda/<period>` → `agenda`."""
    parts = name.split("/")
    return parts[0] if parts[0] == AGENDA_FOLDER else parts[-1]


def data_files(data_dir: Path) -> list[str]:
    """The name of every data file (`data/<name>.yaml`) of the site, in a fixed order:
    the fixed files, then the agendas and the annual reports, oldest first."""
    names = list(FILE_MODELS)
    if data_dir.is_symlink():
        return names  # never followed; the check names the link (generator/validate.py)
    agendas = data_dir / AGENDA_FOLDER
    if agendas.is_dir() and not agendas.is_symlink():
        names += [f"{AGENDA_FOLDER}/{p.stem}" for p in sorted(agendas.glob("*.yaml")) if PERIOD_NAME.match(p.stem)]
    reports = data_dir / REPORT_FOLDER
    for folder in sorted(reports.glob("*")) if reports.is_dir() and not reports.is_symlink() else ():
        if folder.is_dir() and not folder.is_symlink() and YEAR_NAME.match(folder.name):
            names += [f"{REPORT_FOLDER}/{folder.name}/{file}" for file in REPORT_FILES]
    return names

ID_RE = re.compile(SLUG_PATTERN)
