"""The reader's fixed Dutch sentences that page modules put on a page, in one place.

Each is a `str.format` pattern with named placeholders; what a sentence counts or names
comes from the data through them, never from the wording (a test scans this file and the
templates for number words and digits outside placeholders). The templates keep the prose
that lays out a page and states no fact; a fact on a page comes from a record with its
passage, or is labelled as the editors' own ("Indeling van de redactie").
"""

from __future__ import annotations

from generator.models import DateBasis

# --- page titles ---
HOME_TITLE = "Stedenagenda G40"
CHANGES_TITLE = "Wat is veranderd"
REPORT_TITLE = "Jaarverslag {year}"
TIMELINE_TITLE = "Tijdlijn {year}"
GENERAL_GROUP_TITLE = "{pillar}: algemeen"
CITIES_TITLE = "De {count} G40-steden"
PEOPLE_TITLE = "Personen"
SOURCES_TITLE = "Bronnen"
OPEN_DATA_TITLE = "Open data"
GLOSSARY_TITLE = "Begrippen en organisaties"
PICTURES_TITLE = "In beeld"
OLDER_PICTURES_TITLE = "In beeld: {year}"
ARCHIVE_TITLE = "Het archief {year}"
BUNDLES_TITLE = "Raadsbundels"
NEWS_TITLE = "Wat is er nieuw"

# --- headings a page module computes (another page links to them by their anchor) ---
MAP_HEADING = "De {count} steden op de kaart"

# --- one-line descriptions (search engines, link previews) ---
HOME_DESCRIPTION = "De agenda van het Stedennetwerk G40: {title} {subtitle}."
AGENDA_DESCRIPTION = "{title} De {themes} thema's en de randvoorwaarden van de G40."
WERKWIJZE_DESCRIPTION = "Hoe het Stedennetwerk G40 werkt, zoals de strategische agenda het beschrijft."
CHANGES_DESCRIPTION = "Wat er tussen de strategische agenda's van de G40 veranderde, thema voor thema."
REPORT_DESCRIPTION = "Wat het Stedennetwerk G40 in {year} deed, per pijler en themagroep."
TIMELINE_DESCRIPTION = "De activiteiten van het Stedennetwerk G40 in {year}, per maand."
CITIES_DESCRIPTION = "De {count} gemeenten van het Stedennetwerk G40, met hun provincie."
CITY_DESCRIPTION = "{name} ({province}) in het Stedennetwerk G40."
PEOPLE_DESCRIPTION = ("De mensen die de bronnen noemen, in hun publieke rol, met de activiteiten waarbij ze "
                      "betrokken waren.")
PICTURES_DESCRIPTION = "{map_heading} en het jaar {year} in grafieken, met de cijfers in tabellen."
OPEN_DATA_DESCRIPTION = "Alle gegevens van de Stedenagenda als JSON en CSV, met schema's en een DCAT-catalogus."
KERNBOODSCHAPPEN_DESCRIPTION = "De kernboodschappen van de G40: {asks}."
SOURCES_DESCRIPTION = "De brondocumenten waarop alle feiten op deze site berusten."
NEWS_DESCRIPTION = "Wat er op de site veranderde, per dag en per pagina, nieuwste eerst."
SOURCE_HEAD_TITLE = "Brondocument: {title}"
SOURCE_DESCRIPTION = "Brondocument: {title} ({publisher})."
ABOUT_DESCRIPTION = ("Wie de G40 is: {count} steden die samen het verschil willen maken voor hun inwoners "
                     "en regio's.")
GLOSSARY_DESCRIPTION = "Afkortingen en organisaties die in de agenda en het jaarverslag voorkomen."
BUNDLES_DESCRIPTION = ("De stukken per raadsessie: een zip om zonder internet te lezen en te doorzoeken, "
                       "en pdf's, ook één per agendapunt.")

# --- the identity block of a council PDF (generator/bundle.py) ---
ITEM_AT_MEETING = "agendapunt"
"""What a bundle calls its parts when it is for a meeting (the session has a date)."""
ITEM_OF_BUNDLE = "onderdeel"
"""What a bundle not tied to a meeting calls its parts: they are not agenda items."""
PARTS_AT_MEETING = "agendapunten"
PARTS_OF_BUNDLE = "onderdelen"
IDENTITY_SESSION = "Sessie"
IDENTITY_BUNDLE = "Bundel"
IDENTITY_FOR = "Voor"
IDENTITY_WHAT = "Wat dit is"
IDENTITY_SUMMARY = "Samenvatting van de redactie van: {of}"
IDENTITY_ORIGINAL = "Het origineel"
IDENTITY_VERSION = "Versie"
IDENTITY_DOCUMENT = "{title}{described}, {author}, {date}"
IDENTITY_DESCRIBED = " (titel van de redactie)"
IDENTITY_SOURCE = "{title}, {publisher}, {date}"
IDENTITY_IN = "in: {document}"
IDENTITY_AT = "; op:"
IDENTITY_TEXT_AT = "; de tekst op de site:"
IDENTITY_VERSION_TEXT = "stand van {date}, gemaakt uit de Stedenagenda G40:"
BUNDLE_ZIP_LABEL = "Bundel om zonder internet te lezen"
BUNDLE_PDF_LABEL = "Alle {parts} in één pdf"
PAGE_COUNT = "{count} pagina's"
ONE_PAGE = "{count} pagina"
UNKNOWN_AUTHOR = "onbekend"
"""The PDF's Author where the source does not say who wrote a document."""

# --- sentences a template puts on a page as they are ---
PROVINCE_NOTE = "De provincie is toegevoegd door de redactie; de bronnen noemen haar niet."
"""Wherever a province is shown (partials/province_note): the sources name none (audit of issue 27)."""
SOURCES_INTRO = ("Elk feit op deze site berust op een van deze documenten, behalve wat als aanvulling of indeling "
                 "van de redactie is gemarkeerd (zoals de provincies, de ligging op de kaart en de indeling bij de "
                 "agendathema's); elke pagina noemt onderaan het document en de plaats daarin.")
"""The opening of the Bronnen page, above the table of source documents."""
DATE_FROM_TEXT = "Het document noemt deze datum zelf (zie Bron onderaan de pagina)."
DATE_FROM_TITLE = ("Het document noemt geen datum van verschijnen; het jaar is het eerste van de periode in de "
                   "titel (zie Bron onderaan de pagina).")
DATE_FROM_ADDRESS = "Het document noemt zelf geen datum; die komt uit het webadres van het bestand."
DATE_FROM_COPYRIGHT = ("Het document noemt geen datum van verschijnen; het jaar komt uit de ©-regel (zie Bron "
                       "onderaan de pagina).")
DATE_FROM_EDITORS = "Het document noemt geen datum; deze datum is een schatting van de redactie."
DATE_BASIS: dict[DateBasis, str] = {
    "tekst": DATE_FROM_TEXT, "titel": DATE_FROM_TITLE, "webadres": DATE_FROM_ADDRESS,
    "copyright": DATE_FROM_COPYRIGHT, "redactie": DATE_FROM_EDITORS,
}
"""Beside a source's date (Bronnen and each source's page): where the date comes from, per
`Source.date_basis`; the passage it names is in the page's 'Bron' block."""

# --- what a reference points at when a page draws on a whole document ---
PLACE_REPORT_ACTIVITIES = "de activiteiten, per pijler en themagroep"
PLACE_AGENDA_THEMES = "de thema's en speerpunten"
PLACE_WHOLE_REPORT = "hele jaarverslag; data zoals het jaarverslag ze geeft"
PLACE_PICTURES = "alle themagroepen en activiteiten"
PLACE_WHOLE_BUNDLE = "de hele bundel"

# --- labels and phrases inside lists and tables ---
EXPLAINED_BY_EDITORS = "(uitleg van de redactie)"
"""After an expansion no source gives (`explained_by: redactie`): glossary, activity lists, tooltips."""
ACTIVITIES_HEADING = "Activiteiten"
CITY_OF_PERSON = "stad van {name} ({role})"
ROLES_JOINED = "; "
"""Between a city's roles in one activity, in the one row that activity gets."""
SOURCE_AGENDA = "De strategische agenda op deze site"
SOURCE_REPORT = "Het jaarverslag op deze site"
SOURCE_KERNBOODSCHAPPEN = "De kernboodschappen op deze site"
SOURCE_ABOUT = "Over de G40"
CHART_PER_THEME = "Activiteiten in {year} per agendathema"
CHART_PER_THEME_TEXT = ("Aantal activiteiten uit het jaarverslag {year} bij elk agendathema, in de indeling van de "
                        "redactie; een activiteit kan bij meer thema's horen.")
CHART_PER_MONTH = "Activiteiten per maand in {year}"
CHART_PER_MONTH_TEXT = "Aantal activiteiten waarvan het jaarverslag de maand noemt."
CHART_MATRIX = "Themagroepen en agendathema's"
CHART_MATRIX_TEXT = "Een gevuld vak: de redactie deelde de themagroep bij dat agendathema in."


_UNITS = ["", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf",
          "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien", "negentien"]
_TENS = ["", "", "twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig", "negentig"]


# --- a bundle built with the placeholder address (generator/address.py) ---
PLACEHOLDER_ADDRESS_WARNING = ("Deze bundel is een proefversie, gemaakt zonder het adres van de publieke site. Links "
                               "naar pagina's die niet in de bundel zitten gaan naar {placeholder}, een voorbeeldadres: "
                               "die werken niet. Gebruik voor de raad een bundel van de gepubliceerde site.")


def number_word(n: int) -> str:
    """A count in Dutch words, 1 to 100, as a sentence writes it ('acht', 'veertig',
    'eenenveertig', 'drieëntwintig'); a larger count stays in digits, as Dutch style writes it.

    Twenty lines of our own rather than a dependency: the lock has no number-to-words library
    (Babel formats digits, not words), and the site needs only counts of cities and themes."""
    if n < 1 or n > 100:
        return str(n)
    if n == 100:
        return "honderd"
    if n < 20:
        return _UNITS[n]
    tens, unit = divmod(n, 10)
    if not unit:
        return _TENS[tens]
    # 'en' becomes 'ën' after a unit that ends in e (twee, drie): drieëntwintig, tweeëndertig.
    joint = "ën" if _UNITS[unit].endswith("e") else "en"
    return f"{_UNITS[unit]}{joint}{_TENS[tens]}"
