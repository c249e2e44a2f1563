"""What a built page's article holds besides its content: declared once, here.

Print (generator/printing.py), search (generator/search.py) and the tests that check them
read this one list. A part left off it shows up where it does not belong: the breadcrumbs,
missing from the print filter's own hand list, made every item PDF start with "1. Home /
2. Archief / …", numbered as paragraphs.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Part:
    """One kind of element in the article that is not the page's own text."""

    css_class: str
    """The class that marks it in the built HTML."""
    what: str
    """What it is, for the reader of this list."""
    printed: bool = False
    """Whether a PDF keeps it (paper has no menu, no links to follow, no edit button)."""
    whole_block: bool = False
    """Whether the element is a link whose whole paragraph goes with it (the edit line)."""


PARTS = (
    Part("kruimels", "het kruimelpad: de titels van de pagina's boven deze"),
    Part("web-only", "'Terug naar …' en de regel met open-data-bestanden"),
    Part("wijzigingen", "'Wijzigingen op deze pagina': de geschiedenis van de gegevens, niet de inhoud; een pdf is "
         "een stuk voor één vergadering"),
    Part("gewijzigd", "'Laatst gewijzigd': op papier zegt het identiteitsblok van welke versie het stuk is"),
    Part("md-source-file", "de regel van het thema over het bronbestand"),
    Part("md-content__button", "de bewerkknop van het thema"),
    Part("headerlink", "¶, de link naar een kop"),
    Part("bewerk", "'Bewerk deze pagina' en de zin erachter", whole_block=True),
    Part("citaat", "het geciteerde bronfragment: de woorden van de bron, niet van de site (de bronpagina en de "
         "pdf's geven het); gevonden, liet het de bronpagina's boven de pagina's van de site komen", printed=True),
)
"""Every part of the article that is not content. Search leaves all of them out (indexed,
they made every excerpt start with "Home …" and `gewijzigd` find every page); print leaves
out those not `printed`."""

UNNUMBERED_BOXES = ("admonition", "details")
"""Boxes whose paragraphs print without a paragraph number: the source ('Bron'), notes
('Let op', 'Verantwoording'). They are about the text, not the text itself."""

OPENED_IN_PRINT = "details"
"""Collapsible blocks ('Verantwoording') open on the web by a click; on paper they are
printed open, or they show as ▶ with their title and none of their text."""


def _has_class(css_class: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {css_class} ')"


def xpath(parts: tuple[Part, ...] | list[Part], within: str = ".//") -> str:
    """One XPath for `parts`, each element to drop whole (the edit link: its paragraph)."""
    return " | ".join(f"{within}*[{_has_class(p.css_class)}]" + ("/.." if p.whole_block else "") for p in parts)


def web_only() -> list[Part]:
    """What print leaves out."""
    return [p for p in PARTS if not p.printed]


def search_skips() -> set[str]:
    """The classes of the elements search does not index (whole blocks: see `whole_blocks`)."""
    return {p.css_class for p in PARTS if not p.whole_block}


def whole_blocks() -> set[str]:
    """The classes of links whose whole paragraph search does not index."""
    return {p.css_class for p in PARTS if p.whole_block}
