"""12.14: the print page rewrites only real link targets, never text that looks like one.

Each payload goes the way text from YAML goes to a printed page: escaped for Markdown by
the renderer, converted by Python-Markdown with the site's extensions into a built page,
then made printable. It must come out as the same text, and the only links must be ours."""

from __future__ import annotations

from pathlib import Path

import markdown as markdown_lib
import pytest
from lxml import html as lxml_html

from generator import markdown, printing

SITE = "https://stedenagenda.example.nl/"
PAYLOADS = [
    "https://evil.example/)](javascript:alert(1))",
    "[klik](javascript:alert(1))",
    "](../agenda/index.html)",
    "tekst ](../steden/apeldoorn.html#x) meer",
    '<a href="javascript:alert(1)">x</a>',
    "{: onclick=alert(1) }",
    "`](x)` en ](#anker)",
    "*[G32]: vals",
    "![beeld](file:///etc/passwd)",
    "<https://evil.example/>",
]


def built_page(folder: Path, path: str, markdown_text: str) -> None:
    """A page as MkDocs would build it: the converted Markdown inside the theme's article."""
    body = markdown_lib.Markdown(extensions=["tables", "admonition", "abbr", "attr_list"]).convert(markdown_text)
    target = folder / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(f'<html><body><article class="md-content__inner md-typeset"><h1>Titel</h1>{body}'
                      "</article></body></html>", encoding="utf-8")


def printed(folder: Path, in_document: dict[str, int]) -> lxml_html.HtmlElement:
    item = printing.Item(1, "Titel", "archief/stuk.html", "stuk")
    return lxml_html.fragment_fromstring(str(printing.printable(item, folder, in_document, SITE).body),
                                         create_parent="div")


@pytest.mark.parametrize("payload", PAYLOADS)
def test_text_that_looks_like_a_link_is_printed_as_typed(tmp_path: Path, payload: str) -> None:
    text = (f"{markdown.escape(payload)}\n\n"
            f"{markdown.link('de agenda', '../agenda/index.html')} en {markdown.link('stuk twee', 'twee.html#kop')}\n")
    built_page(tmp_path, "archief/stuk.html", text)
    body = printed(tmp_path, {"archief/stuk.html": 1, "archief/twee.html": 2})
    for marker in body.xpath("//span[@class='nr']"):
        marker.drop_tree()
    first = " ".join(body.xpath("//p")[0].text_content().split())
    assert first == " ".join(payload.split())
    assert body.xpath("//a/@href") == [SITE + "agenda/", "#p2-kop"]
    assert not body.xpath("//@onclick") and not body.xpath("//img")


def test_only_web_and_mail_links_survive_a_built_page(tmp_path: Path) -> None:
    page = tmp_path / "archief" / "stuk.html"
    page.parent.mkdir(parents=True)
    page.write_text('<html><body><article class="md-content__inner md-typeset"><h1>T</h1>'
                    '<p><a href="javascript:alert(1)">een</a> <a href="file:///etc/passwd">twee</a> '
                    '<a href="mailto:a@b.nl">drie</a> <a href="https://g40.example/x">vier</a> '
                    '<a href="../bronnen/raadsessie-2012.html">vijf</a> <a href="#kop">zes</a></p>'
                    '<h2 id="kop">Kop</h2></article></body></html>', encoding="utf-8")
    body = printed(tmp_path, {"archief/stuk.html": 1})
    assert body.xpath("//a/@href") == ["mailto:a@b.nl", "https://g40.example/x",
                                       SITE + "bronnen/raadsessie-2012/", "#p1-kop"]
    # Paper has no links: an address on the web or for mail is printed after its text.
    assert "een twee drie (a@b.nl) vier (https://g40.example/x) vijf zes" in " ".join(body.text_content().split())


def test_without_chromium_the_build_stops_with_a_dutch_instruction(monkeypatch: pytest.MonkeyPatch,
                                                                   tmp_path: Path) -> None:
    from generator.errors import BuildError

    monkeypatch.setattr(printing, "CHROMIUM", str(tmp_path / "geen-chromium"))
    with pytest.raises(BuildError, match="Chromium ontbreekt .*apt-get install chromium"):
        with printing.Printer():
            pass


@pytest.mark.parametrize(("html_text", "printed"), [
    ('<p>Het <abbr title="Vereniging van Nederlandse Gemeenten">VNG</abbr> en de VNG.</p>',
     "Het VNG (Vereniging van Nederlandse Gemeenten) en de VNG."),
    ('<p>Het <abbr title="G32-Stedennetwerk">G32</abbr>-Stedennetwerk en de '
     '<abbr title="G32-Stedennetwerk">G32</abbr>.</p>',
     "Het G32-Stedennetwerk en de G32 (G32-Stedennetwerk)."),
    ('<p><abbr title="Wonen &amp;amp; Zorg &amp;lt;b&amp;gt;">WZ</abbr> nu.</p>', "WZ (Wonen & Zorg <b>) nu."),
], ids=["first-use", "not-inside-a-compound", "escaped-title"])
def test_abbreviations_are_written_out_once_as_text(html_text: str, printed: str) -> None:
    body = lxml_html.fromstring(f"<div>{html_text}</div>")
    printing._write_out_abbreviations(body)
    assert body.text_content() == printed
    assert not body.xpath(".//abbr") and not body.xpath(".//b")
