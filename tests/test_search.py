"""The search index in-process: words split where a reader expects, never glued across
elements; Dutch lemmas and compound parts from real lexicons; aliases; shards that stay small."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator import search


def page_from(tmp_path: Path, article: str, head: str = "") -> search.PageText:
    path = tmp_path / "index.html"
    path.write_text(f'<html><head>{head}</head><body><nav>Menu Kernboodschappen</nav>'
                    f'<article class="md-content__inner md-typeset">{article}</article></body></html>', encoding="utf-8")
    return search.read_page(path, "x/")


@pytest.mark.parametrize(("text", "expected"), [
    ("een '(TEST)' in een speerpunt", ["een", "test", "in", "een", "speerpunt"]),
    ("de Raad voor het Openbaar Bestuur (ROB) en het (IBP)", ["de", "raad", "voor", "het", "openbaar", "bestuur", "rob",
                                                              "en", "het", "ibp"]),
    ("‘Een thuis voor iedereen’ en “Wind tegen tij”", ["een", "thuis", "voor", "iedereen", "en", "wind", "tegen", "tij"]),
    ("Duurzaamheid/Energie- en grondstoffentransitie", ["duurzaamheid", "energie", "en", "grondstoffentransitie"]),
    ("'s-Hertogenbosch, Sittard-Geleen; G40.", ["s", "hertogenbosch", "sittard", "geleen", "g40"]),
    ("Financiën, één, Zó", ["financien", "een", "zo"]),
])
def test_words_split_on_quotes_brackets_slashes_and_punctuation(text: str, expected: list[str]) -> None:
    assert search.words(text) == expected


def test_adjacent_elements_are_never_glued_but_inline_markup_is_one_word(tmp_path: Path) -> None:
    page = page_from(tmp_path, '<h1>Titel<a class="headerlink" href="#t">¶</a></h1>'
                     '<svg><text>Financiën</text><text>Duurzaamheid</text><g><text>Europa</text></g></svg>'
                     '<table><tr><td>Almere</td><td>Flevoland</td></tr></table>'
                     '<p><strong>Rijks</strong>overheid<br>regels</p><script>var geheim = 1;</script>')
    found = set(search.page_scores(page))
    assert {"financien", "duurzaamheid", "europa", "almere", "flevoland", "rijksoverheid", "regels"} <= found
    assert not {w for w in found if w.startswith("financienduurzaamheid") or w == "almereflevoland"}
    assert "geheim" not in found and "menu" not in found  # scripts and the menu are not the page's text
    assert page.title == "Titel"


def test_title_outweighs_body_and_aliases_count_as_title(tmp_path: Path) -> None:
    page = page_from(tmp_path, "<h1>'s-Hertogenbosch</h1><h2>Rollen</h2><p>stad in Brabant</p>",
                     head='<meta name="stedenagenda:search-alias" content="Den Bosch">')
    scores = search.page_scores(page)
    assert page.aliases == ["Den Bosch"]
    assert scores["bosch"] == scores["hertogenbosch"] > scores["rollen"] > scores["stad"]


@pytest.mark.parametrize(("word", "parts"), [
    ("gemeentefonds", ("gemeente", "fonds")),
    ("ondermijningsfonds", ("ondermijning", "fonds")),
    ("energiearmoede", ("energie", "armoede")),
    ("opschalingskorting", ("opschaling", "korting")),
    ("stadsdeel", ("stad", "deel")),
    ("vuurwerkverbod", ("vuurwerk", "verbod")),
    ("wetsvoorstel", ("wet", "voorstel")),
    # derivations and plain words are no compounds
    ("gemeentelijk", ()),
    ("bestuurlijk", ()),
    ("ondermijning", ()),
    ("leefbaarheid", ()),
    ("gemeenten", ()),
])
def test_compounds_split_with_the_dutch_frequency_list(word: str, parts: tuple[str, ...]) -> None:
    assert search.compound_parts(word) == parts


@pytest.mark.parametrize(("form", "lemma"), [("steden", "stad"), ("wijken", "wijk"), ("gemeenten", "gemeente"),
                                             ("fondsen", "fonds"), ("stad", "stad")])
def test_inflections_come_from_the_dutch_lemma_dictionary(form: str, lemma: str) -> None:
    assert search.lemma(form) == lemma
    if form != lemma:
        assert form in search.forms(lemma)


def index_of(tmp_path: Path, pages: dict[str, str]) -> search.Index:
    built = []
    for i, (title, body) in enumerate(pages.items()):
        folder = tmp_path / str(i)
        folder.mkdir()
        built.append(page_from(folder, f"<h1>{title}</h1><p>{body}</p>"))
    return search.build_index(built)


def test_index_finds_forms_parts_and_ranks_the_word_itself_first(tmp_path: Path) -> None:
    index = index_of(tmp_path, {"Veilige stad": "ondermijning", "Fondsen": "het gemeentefonds en de binnenstad",
                                "Wijken": "de wijk"})
    post = index.postings
    assert set(post["fonds"]) == {1} and set(post["stad"]) == {0, 1}
    assert post["stad"][0] > post["stad"][1]  # the theme about the city beats a compound that contains it
    assert set(post["wijken"]) == {2} and set(post["wijk"]) == {2}
    assert index.redirects["steden"] == "stad"  # a plural that stands nowhere points to its lemma


def test_shards_stay_under_budget_and_every_key_has_one_home(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(search, "SHARD_BUDGET", 400)
    index = index_of(tmp_path, {f"Pagina {i}": " ".join(f"gemeente{chr(97 + j)}{i} gemeentefonds" for j in range(20))
                                for i in range(5)})
    shards = search.shards(index)
    prefixes = set(shards)
    homes = {key: search.shard_of(key, prefixes) for key in {*index.postings, *index.redirects}}
    assert all(key in shards[home] for key, home in homes.items())
    assert sum(len(keys) for keys in shards.values()) == len(homes)
    assert any(len(p) > 2 for p in prefixes)  # the big "ge" shard was split further
    files = search.index_files(index)
    assert all(re.fullmatch(r"window\.stedenagendaZoek\.\w+\(.*\);\n", body.decode(), re.S) for body in files.values())
    manifest = json.loads(files["manifest.js"].decode().split(",", 1)[1].rsplit(");", 1)[0])
    assert manifest["docs"] == 5 and set(manifest["shards"]) == prefixes


def test_built_site_has_the_index_and_no_lunr(built_site: Path) -> None:
    folder = built_site / "search"
    assert (folder / "zoek.js").exists() and (folder / "manifest.js").exists()
    assert not (folder / "search_index.json").exists()
    assert not (built_site / "assets" / "javascripts" / "lunr").exists()
    assert not (built_site / "assets" / "javascripts" / "workers").exists()
    vocabulary = (folder / "woorden.js").read_text(encoding="utf-8")
    # The In beeld picture's labels stand apart; the old index glued them.
    assert "\\nfinancien\\n" in vocabulary and "\\nduurzaamheid\\n" in vocabulary
    assert "financienduurzaamheid" not in vocabulary


def test_breadcrumbs_and_page_chrome_are_not_the_page_text(tmp_path: Path) -> None:
    page = page_from(tmp_path, '<nav class="kruimels" aria-label="Kruimelpad"><ol><li><a href="/">Home</a></li>'
                     '<li><a href="../">Strategische agenda</a></li><li aria-current="page">Talent</li></ol></nav>'
                     '<h1>Talent</h1><p>Werk voor iedereen.</p>'
                     '<p class="web-only">Terug naar alle thema\'s.</p>'
                     '<p><a class="bewerk" href="x">Bewerk deze pagina</a> (opent het gegevensbestand).</p>'
                     '<p><em class="gewijzigd">Laatst gewijzigd: 24 november 2026</em></p><p>Slotzin.</p>')
    found = set(search.page_scores(page))
    assert {"talent", "werk", "iedereen", "slotzin"} <= found
    assert not found & {"home", "strategische", "agenda", "terug", "bewerk", "gegevensbestand", "gewijzigd", "laatst"}
    assert search.excerpt(page) == "Werk voor iedereen. Slotzin."


def test_excerpt_reads_as_sentences_without_table_cells_first(tmp_path: Path) -> None:
    page = page_from(tmp_path, '<h1>Almere</h1><table><thead><tr><th>Gegeven</th><th>Waarde</th></tr></thead>'
                     '<tbody><tr><td>Provincie</td><td>Flevoland</td></tr></tbody></table>'
                     '<p><strong>Almere</strong> is een <em>stad</em>, in <a href="x">Flevoland</a>.</p>'
                     '<div class="admonition quote"><p class="admonition-title">Bron</p><p>Jaarverslag (2021).</p></div>')
    assert search.excerpt(page) == "Almere is een stad, in Flevoland. Jaarverslag (2021)."
    assert {"gegeven", "provincie", "flevoland"} <= set(search.page_scores(page))  # the table is still found


PUNCTUATION_AFTER_SPACE = re.compile(r"\s[.,;:!?)\]»”’]")


def test_every_excerpt_of_the_site_reads_as_sentences(built_site: Path) -> None:
    """Every result's excerpt, as search shows it: no space before punctuation, and no page
    whose running text comes after a table begins with that table's cells."""
    pages = search.site_pages(built_site, directory_urls=True)
    bad = {p.url: search.excerpt(p) for p in pages if PUNCTUATION_AFTER_SPACE.search(search.excerpt(p))}
    assert not bad, bad
    table_first = {p.url: search.excerpt(p) for p in pages if search.excerpt(p).startswith(("Gegeven Waarde", "Gegeven"))}
    assert not table_first, table_first
    assert len(pages) > 100
