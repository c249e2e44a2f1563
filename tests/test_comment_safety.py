"""The pull-request comment takes no markup from the data: a table of hostile values, each
put in every place of the report that shows a data value (record id, title, field value,
page title, passage, error line, check line), rendered as GitHub would (CommonMark with GFM
tables and bare addresses linked, markdown-it-py) must give exactly the elements the same
report gives with a harmless value, and the value's text only inside code. A mention
(`@name`) or an emoji code is only live in GitHub's text nodes: code holds them inert."""

from __future__ import annotations

import importlib.util

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from generator.diff import MARKDOWN, Revision, orphaned_links, passages_lost, compare, records_of, report
from tests.conftest import REPO

_spec = importlib.util.spec_from_file_location("pr_comment", REPO / "scripts" / "pr_comment.py")
pr_comment = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(pr_comment)

MARK = "ZQX"
"""Every payload holds it: where it lands in the rendered comment is what the test reads."""

HOSTILE = [
    f"{MARK}\n### Controle\n✅ FAKE-OK: alles in orde",
    f"{MARK} ![beeld](https://evil.example/x.png) @octocat",
    f"{MARK}`<details><summary>x</summary>` [link](https://evil.example) `",
    f"{MARK}\n```\n# kop\n```\nna het blok",
    f"```{MARK}",
    f"{MARK} <script>alert(1)</script> <!-- stedenagenda: wijzigingen en controle -->",
    f"{MARK} https://evil.example/bare www.evil.example mail@evil.example",
    f"{MARK} | a | b |\n| --- | --- |\n| c | d |",
    f"{MARK} ``` `` ` eind`",
    f"`{MARK} begint met een backtick",
    f"{MARK} &amp; &#x41; \\# \\` \\\\",
    f"{MARK} <https://evil.example> <mailto:a@evil.example>",
    f"{MARK}\n[x]: https://evil.example\n[x]",
    f"{MARK}\u2028### kop na een regelscheiding\r\n> citaat\x85- lijst",
    f"{MARK}\n* lijst\n- item\n1. item\n---\n===",
    f"{MARK} :tada: :+1: #123 owner/repo#1 GH-1",
    f"{MARK} **vet** _schuin_ ~~weg~~ [^1] $x$",
    f"{MARK}\n    ingesprongen code\n\n\n<div>blok</div>",
]
HARMLESS = f"{MARK} gewoon"

GFM = MarkdownIt("gfm-like")


def hostile_report(value: str) -> str:
    """A report that shows `value` in every place a data value can stand."""
    def city(name: str, anchor: str) -> dict:
        return {"cities": [{"id": "almere", "name": name, "province": value},
                           {"id": value, "name": value, "province": "Flevoland"}],
                "membership": [{"source": "bron", "place": value, "anchor": anchor},
                               {"source": value, "place": "plek", "anchor": "tweede"}]}

    base = Revision("`main`", {"cities": records_of("cities", {
        "cities": [{"id": "almere", "name": "Almere", "province": "Flevoland"}, {"id": "weg", "name": value}],
        "membership": [{"source": "bron", "place": value, "anchor": value}, {"source": value, "place": "p",
                                                                             "anchor": "tweede"}]})},
                    {"steden/weg.md": (value, "x"), "steden/index.md": ("Steden", "[weg](weg.md)"),
                     "steden/almere.md": ("Almere", "a")})
    head = Revision("de werkmap", {"cities": records_of("cities", {
        "cities": [{"id": "almere", "name": value, "province": value}, {"id": value, "name": value}],
        "membership": [{"source": "bron", "place": value, "anchor": value}]})},
                    {"steden/index.md": ("Steden", "y"), "steden/almere.md": (value, "b"),
                     f"steden/{value}.md": (value, "c")})
    warnings = [*orphaned_links(base, head, "https://stedenagenda.example.nl/", MARKDOWN)]
    assert warnings and passages_lost(compare(base.records, head.records), MARKDOWN)
    text = report(base, head, "https://stedenagenda.example.nl/", MARKDOWN, warnings)
    invalid = Revision("de werkmap", {}, None, [f"data/cities.yaml:1:1: {value}", value])
    return text + report(base, invalid, "", MARKDOWN) + "\n".join(MARKDOWN.block(value.splitlines()))


def _flat(tokens: list[Token]) -> list[Token]:
    out = []
    for token in tokens:
        out.append(token)
        out += _flat(token.children or [])
    return out


def _shape(tokens: list[Token]) -> list[tuple[str, str]]:
    return [(t.type, t.tag) for t in tokens]


def test_the_harmless_report_shows_every_place() -> None:
    text = hostile_report(HARMLESS)
    assert text.count(MARK) >= 15
    assert "Let op:** de pagina" in text and "verliest een passage" in text


@pytest.mark.parametrize("value", HOSTILE, ids=range(len(HOSTILE)))
def test_a_hostile_value_renders_to_no_element(value: str) -> None:
    harmless = _flat(GFM.parse(hostile_report(HARMLESS)))
    hostile = _flat(GFM.parse(hostile_report(value)))
    assert _shape(hostile) == _shape(harmless)
    for token in hostile:  # an `inline` token holds the raw line: its children are what renders
        if token.type != "inline" and MARK in token.content or any(MARK in str(v) for v in (token.attrs or {}).values()):
            assert token.type in ("code_inline", "fence"), (token.type, token.content)
    for token in hostile:  # nothing of the value became a link, an image or HTML
        if token.type in ("link_open", "image"):
            assert "evil" not in str(token.attrs)


def test_the_comment_is_cut_below_githubs_limit_with_its_fences_closed() -> None:
    long = "\n".join(["## Wat verandert er?", "", "```text", *(f"regel {i} " + "x" * 80 for i in range(2000)),
                      "```", "", "### Controle"])
    assert len(long) > 65_536
    cut = pr_comment.capped(long, pr_comment.LIMIT, "https://github.com/g40/stedenagenda/actions/runs/42")
    assert len(cut) <= pr_comment.LIMIT < 65_536
    assert cut.endswith("het artefact *site-en-bundels* bij [deze run](https://github.com/g40/stedenagenda/actions/"
                        "runs/42): `wijzigingen.md`.*\n")
    tokens = _flat(GFM.parse(cut))
    fences = [t for t in tokens if t.type == "fence"]
    assert len(fences) == 1 and "wijzigingen.md" not in fences[0].content  # closed before the closing words
    assert pr_comment.capped("kort\n", pr_comment.LIMIT) == "kort\n"


def test_an_address_that_could_break_out_of_a_link_is_not_linked() -> None:
    assert MARKDOWN.link("titel", "https://x.nl/a) [b](https://evil.example") == "`titel`"
    assert pr_comment.own_link("deze run", "javascript:alert(1)") == "deze run"
