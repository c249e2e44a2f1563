"""Text from YAML never reaches a page as live HTML or Markdown."""

from __future__ import annotations

import markdown as python_markdown
import pytest
import yaml

from generator.markdown import escape, link, paragraphs
from tests.conftest import REPO

EXTENSIONS = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))["markdown_extensions"]

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[klik](javascript:alert(1))",
    "![plaatje](http://evil.example/x.png)",
    "tekst {: onclick=alert(1) }",
    "# Kop",
    "regel\n# Kop op de volgende regel",
    "- lijst",
    "1. genummerd",
    "cel | nog een cel",
    "**vet** en _schuin_ en `code`",
    "&lt;script&gt; en &amp;",
    "<http://evil.example>",
    "*[HTML]: afkorting",
    "===",
    "    ingesprongen code",
    "tekst\\",
    '!!! danger "Gehackt"',
    "??? note",
]


def _render(markdown_text: str) -> str:
    extensions = [e if isinstance(e, str) else next(iter(e)) for e in EXTENSIONS]
    return python_markdown.markdown(markdown_text, extensions=extensions)


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_renders_as_one_plain_paragraph(text: str) -> None:
    html = _render(str(escape(text)))
    assert html.startswith("<p>") and html.endswith("</p>")
    inner = html[3:-4]
    assert "<" not in inner, html  # no element at all: the text is text


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_survives_in_a_table_cell_and_a_heading(text: str) -> None:
    page = f"## {escape(text)}\n\n| a | b |\n| --- | --- |\n| {escape(text)} | x |\n"
    html = _render(page)
    tags = _tags(html)
    assert [tag for tag, _ in tags].count("td") == 2
    assert {tag for tag, _ in tags} <= {"h2", "table", "thead", "tbody", "tr", "th", "td"}, html
    # Only the heading's id, and each cell's column name for the phone's reading form
    # (generator/phone_tables.py), which is the header's text.
    assert all(name == "id" or (tag, name, value) in {("td", "data-label", "a"), ("td", "data-label", "b")}
               for tag, attrs in tags for name, value in attrs.items()), html


def _tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    from html.parser import HTMLParser

    found: list[tuple[str, dict[str, str | None]]] = []

    class Collect(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.append((tag, dict(attrs)))

    Collect().feed(html)
    return found


def test_escaped_text_reads_back_as_the_original_text() -> None:
    text = "Zorg|Jeugd|Onderwijs: 'de Juiste Zorg' <op> de *juiste* plek #1 {x} [y] \\z"
    html = _render(str(escape(text)))
    from html import unescape
    assert unescape(html[3:-4]) == text


def test_paragraphs_keep_paragraph_breaks_only() -> None:
    assert str(paragraphs("een\ntwee\n\n# drie")) == "een twee\n\n\\# drie"


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "vbscript:x", "http://a b"])
def test_link_refuses_unsafe_urls(url: str) -> None:
    with pytest.raises(ValueError):
        link("x", url)


def test_link_encodes_brackets_in_urls() -> None:
    assert str(link("x", "https://example.nl/a_(b)")) == "[x](https://example.nl/a_%28b%29)"
