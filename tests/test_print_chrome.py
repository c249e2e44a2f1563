"""Print leaves out what only the web needs (generator/chrome.py) and prints what the web folds away.

A page goes the way a bundle item goes: Markdown from a template, converted with the site's
extensions, inside the theme's article after the breadcrumbs that overrides/main.html puts
there; then made printable."""

from __future__ import annotations

import re
from pathlib import Path

import markdown as markdown_lib
from lxml import html as lxml_html

from generator import chrome, printing, search

SITE = "https://stedenagenda.example.nl/"
CRUMBS = ('<nav class="kruimels" aria-label="Kruimelpad"><ol><li><a href="../index.html">Home</a></li>'
          '<li><a href="index.html">Archief</a></li><li aria-current="page">Brief</li></ol></nav>')
PAGE = """Eerste alinea van de brief.

*De brief zelf toont geen datum.*

Tweede alinea.

**Let op:** de brief is niet ondertekend.

1. Eerste speerpunt
2. Tweede speerpunt

Derde alinea.

- Een opsomming

Deze gegevens als open data: [JSON](../open-data/x.json).
{: .web-only }

[Bewerk deze pagina](https://example.org/data/archive.yaml#L3){ .bewerk } (opent het gegevensbestand).

*Laatst gewijzigd: 1 maart 2024*{ .gewijzigd }

??? note "Verantwoording"

    Aantekeningen van de redactie over de brontekst en hoe die is gelezen.

    - De scan heeft twee bladzijden in omgekeerde volgorde.
"""


def built_item(folder: Path) -> Path:
    body = markdown_lib.Markdown(extensions=["tables", "admonition", "pymdownx.details", "abbr", "attr_list"]
                                 ).convert(PAGE)
    target = folder / "archief" / "brief.html"
    target.parent.mkdir(parents=True)
    target.write_text(f'<html><body><article class="md-content__inner md-typeset">{CRUMBS}<h1>Brief</h1>{body}'
                      "</article></body></html>", encoding="utf-8")
    return target


def printed_text(folder: Path) -> tuple[str, lxml_html.HtmlElement]:
    item = printing.Item(3, "Brief", "archief/brief.html", "brief")
    body = lxml_html.fragment_fromstring(str(printing.printable(item, folder, {}, SITE).body), create_parent="div")
    return " ".join(" ".join(body.itertext()).split()), body


def test_an_item_prints_from_its_first_paragraph_not_from_the_breadcrumbs(tmp_path: Path) -> None:
    built_item(tmp_path)
    text, body = printed_text(tmp_path)
    assert text.startswith("3.1 Eerste alinea van de brief. De brief zelf toont geen datum. 3.2 Tweede"), text[:80]
    for crumb in ("Home", "Archief"):
        assert crumb not in text
    assert "Bewerk deze pagina" not in text and "open data" not in text
    assert "Laatst gewijzigd" not in text  # the identity block says which version it is


def test_a_collapsed_note_prints_open_with_its_text(tmp_path: Path) -> None:
    built_item(tmp_path)
    text, body = printed_text(tmp_path)
    notes = body.xpath("//details")
    assert len(notes) == 1 and notes[0].get("open") is not None
    assert "Verantwoording" in notes[0].text_content()
    assert "twee bladzijden in omgekeerde volgorde" in text
    assert "Aantekeningen van de redactie over de brontekst" in text


def test_search_indexes_none_of_what_print_leaves_out(tmp_path: Path) -> None:
    page = search.read_page(built_item(tmp_path), "archief/brief.html")
    assert page.body.startswith("Eerste alinea van de brief."), page.body[:60]
    for gone in ("Home", "Bewerk deze pagina", "open data", "Laatst gewijzigd"):
        assert gone not in page.body
    assert {p.css_class for p in chrome.web_only()} <= chrome.search_skips() | chrome.whole_blocks()


def test_only_the_items_own_text_is_numbered_without_gaps_or_double_numbers(tmp_path: Path) -> None:
    """Remarks of the editors, the boxes about the text and the items of an ordered list
    (which have their own numbers) print without a paragraph number; no number is skipped."""
    built_item(tmp_path)
    text, body = printed_text(tmp_path)
    numbers = [n.text for n in body.xpath("//span[@class='nr']")]
    assert numbers == ["3.1", "3.2", "3.3", "3.4"], numbers
    assert "3.2 Tweede alinea." in text and "3.4 Een opsomming" in text
    for remark in ("De brief zelf toont geen datum.", "Let op:", "Eerste speerpunt", "Aantekeningen van de redactie",
                   "De scan heeft twee bladzijden"):
        before = text[:text.index(remark)].split()
        assert not re.fullmatch(r"\d+\.\d+", before[-1]), (remark, before[-1])
    assert not body.xpath("//p[not(normalize-space())]")  # no empty paragraph left by a web-only line
