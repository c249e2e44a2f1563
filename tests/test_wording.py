"""Reader wording: the fixed sentences hold no counts (they come from the data), and the
sentences that stated what no source says are gone or labelled as the editors'."""

from __future__ import annotations

import ast
import dataclasses
import re
from pathlib import Path

import pytest

from generator import wording
from generator.pages import pages
from generator.render import TEMPLATES, render_pages
from generator.validate import Site, load_site
from generator.wording import number_word
from tests.conftest import REPO

NUMBER_WORDS = re.compile(r"\b(?:" + "|".join(sorted({number_word(n) for n in range(2, 101)}, key=len, reverse=True))
                          + r"|honderd|duizend|miljoen)\b", re.IGNORECASE)
"""Dutch number words from two up ('een'/'één' is also the article and 'alles in één pdf')."""
DIGITS = re.compile(r"(?<!\w)\d+(?!\w)")
"""A number on its own (not the digits of a name such as G40)."""
NOT_COUNTS = {
    ("cities.md.j2", "boost: 3"), ("city.md.j2", "boost: 3"), ("kernboodschappen.md.j2", "boost: 3"),
    ("randvoorwaarden.md.j2", "boost: 3"), ("theme.md.j2", "boost: 4"),
    ("raadsbundels.md.j2", "(3.1, 3.2, …)"),
}
"""Digits in templates that are no fact about the data: search ranking in the front matter
(not shown to readers) and an example of paragraph numbering."""


def _template_text(path: Path) -> str:
    """A template's literal text: what it writes around its placeholders and Jinja tags,
    without HTML attributes a reader does not read (`markdown="0"`, `tabindex="0"`)."""
    text = re.sub(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", " ", path.read_text(encoding="utf-8"), flags=re.DOTALL)
    return re.sub(r'\b(?!aria-label|placeholder|title|alt)[\w-]+="[^"]*"', " ", text)


def _python_text(path: Path, catalogue_only: bool = False) -> list[str]:
    """The string literals of a module that a reader may see: no docstrings, no format specs,
    and each placeholder `{name}` left out; with `catalogue_only`, only those assigned to
    module-level names (the catalogue, not the number-word function's tables)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    if catalogue_only:
        tree = ast.Module(body=[node for node in tree.body if isinstance(node, ast.Assign)
                                and not isinstance(node.value, ast.List)], type_ignores=[])
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and node.body
                  and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    specs = {id(part) for node in ast.walk(tree) if isinstance(node, ast.FormattedValue) and node.format_spec
             for part in ast.walk(node.format_spec)}
    return [re.sub(r"\{\w+\}", " ", node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in docstrings and id(node) not in specs]


def test_number_words_are_dutch() -> None:
    assert [number_word(n) for n in (1, 8, 9, 13, 20, 21, 23, 32, 40, 41, 99, 100)] == [
        "een", "acht", "negen", "dertien", "twintig", "eenentwintig", "drieëntwintig", "tweeëndertig", "veertig",
        "eenenveertig", "negenennegentig", "honderd"]
    assert number_word(101) == "101" and number_word(0) == "0"


def test_no_template_writes_a_count_of_its_own() -> None:
    found = []
    for path in sorted(TEMPLATES.rglob("*.j2")):
        name = path.relative_to(TEMPLATES).as_posix()
        text = _template_text(path)
        for allowed in (a for t, a in NOT_COUNTS if t == name):
            text = text.replace(allowed, " ")
        found += [f"{name}: {m.group()}" for m in NUMBER_WORDS.finditer(text)]
        found += [f"{name}: {m.group()}" for m in DIGITS.finditer(text)]
    assert found == []


def test_no_wording_or_page_module_writes_a_count_of_its_own() -> None:
    modules = [Path(wording.__file__), *sorted((REPO / "generator" / "pages").glob("*.py"))]
    found = [f"{path.name}: {text!r}" for path in modules for text in _python_text(path, path.name == "wording.py")
             if NUMBER_WORDS.search(text) or (path.name == "wording.py" and DIGITS.search(text))]
    assert len(_python_text(modules[0], True)) > 40  # the scan sees the catalogue
    assert found == []


def test_the_scan_finds_a_count() -> None:
    assert NUMBER_WORDS.findall("de veertig steden, de acht thema's, drieëntwintig") == [
        "veertig", "acht", "drieëntwintig"]
    assert _template_text(Path(TEMPLATES / "cities.md.j2")).count("telt") == 1
    assert "count" not in _template_text(Path(TEMPLATES / "cities.md.j2"))


CATALOGUE_ONLY = {"partials/province_note.md.j2": "province_note", "sources.md.j2": "intro"}
"""Templates whose reader sentence lives in the catalogue: each only lays out the one its view
carries (the field named here), and writes no prose of its own."""
PROSE = re.compile(r"[^\W\d_]{2,}\s+[^\W\d_]{2,}")
"""Two words with only white space between: the start of a sentence (a table's header cells
have a `|` between)."""


def _catalogue_sentences() -> dict[str, str]:
    """The catalogue's whole sentences (a full stop at the end) without a placeholder, by name;
    titles and labels are left out (a template may link to a page by its title)."""
    return {name: value for name, value in vars(wording).items()
            if name.isupper() and isinstance(value, str) and "{" not in value and value.endswith(".")}


@pytest.mark.parametrize("name", sorted(CATALOGUE_ONLY))
def test_a_template_with_a_catalogue_sentence_writes_no_prose_of_its_own(name: str) -> None:
    text = _template_text(TEMPLATES / name)
    assert PROSE.findall(text) == []
    assert "{{ %s }}" % CATALOGUE_ONLY[name] in (TEMPLATES / name).read_text(encoding="utf-8")


def test_no_template_copies_a_catalogue_sentence() -> None:
    sentences = _catalogue_sentences()
    assert {"PROVINCE_NOTE", "SOURCES_INTRO"} <= set(sentences)
    found = [f"{path.relative_to(TEMPLATES).as_posix()}: {name}" for path in sorted(TEMPLATES.rglob("*.j2"))
             for name, sentence in sentences.items() if sentence in path.read_text(encoding="utf-8")]
    assert found == []


def test_the_prose_scan_finds_a_sentence(tmp_path: Path) -> None:
    """The scan can fail: the sentence as the partial once wrote it is found, a table's header is not."""
    template = tmp_path / "province_note.md.j2"
    template.write_text("*De provincie is toegevoegd door de redactie.*\n| Document | Uitgever | Datum |\n"
                        "{{ province_note }}\n", encoding="utf-8")
    assert PROSE.findall(_template_text(template)) == ["De provincie", "is toegevoegd", "door de"]


@pytest.fixture(scope="module")
def site() -> Site:
    site, problems = load_site(REPO / "data")
    assert not problems and site is not None
    return site


def _rendered(site: Site) -> tuple[list, dict[str, str]]:
    generated = pages(site)
    return generated, render_pages(generated)


def test_the_three_sentences_are_gone(site: Site) -> None:
    generated, rendered = _rendered(site)
    assert not [path for path, text in rendered.items() if "Volgens het jaarverslag" in text]
    assert "middelgrote" not in rendered["index.md"]
    agenda = site.agendas[-1].agenda
    overview = next(p for p in generated if p.path == f"agenda/{agenda.period}/index.md")
    assert overview.view.description == f"{agenda.title} De {number_word(len(agenda.themes))} thema's en de " \
                                        "randvoorwaarden van de G40."
    chapters = [p for p in generated if p.template in ("theme.md.j2", "randvoorwaarden.md.j2")]
    assert len(chapters) == len(agenda.themes) + 1
    for page in chapters:
        work = rendered[page.path].split("## Wat deed de G40 in")[1]
        assert "Indeling van de redactie" in work or "De redactie deelde hier geen activiteiten" in work, page.path


EDITORS_MAPPING = {"agenda.md.j2", "theme.md.j2", "randvoorwaarden.md.j2", "group.md.j2", "activity.md.j2",
                   "pictures.md.j2"}
"""The templates that show the editors' mapping of theme groups and activities to agenda themes."""


def test_every_page_with_the_editors_mapping_says_so(site: Site) -> None:
    generated, rendered = _rendered(site)
    pages = [p for p in generated if p.template in EDITORS_MAPPING]
    assert {p.template for p in pages} == EDITORS_MAPPING
    assert [p.path for p in pages if "ndeling van de redactie" not in rendered[p.path]] == []


def test_the_agenda_page_does_not_count_its_themes_twice(site: Site) -> None:
    """The source speaks of nine themes counting the randvoorwaarden; the page lists eight and
    the randvoorwaarden apart, so the summary says how the source counts."""
    generated, rendered = _rendered(site)
    agenda = site.agendas[-1].agenda
    text = rendered[f"agenda/{agenda.period}/index.md"]
    if "negen thema's" in text:
        assert "randvoorwaarden mee" in text


def test_the_home_page_says_what_the_network_is_with_its_passage(site: Site) -> None:
    generated, rendered = _rendered(site)
    home = next(p for p in generated if p.path == "index.md")
    assert f"is een netwerk van {number_word(len(site.cities.cities))} steden." in rendered["index.md"]
    assert {r.anchor for r in home.view.references} >= {p.anchor for p in site.cities.membership}


def _without_one_city(site: Site) -> Site:
    """The site less a city that no other record names, so every count of cities drops by one."""
    named = {part.city for a in site.all_activities for part in a.cities} | {p.city for p in site.people.people}
    named |= {item.city for s in site.sessions.sessions for item in s.items}
    spare = next(c for c in reversed(site.cities.cities) if c.id not in named)
    cities = site.cities.model_copy(update={"cities": [c for c in site.cities.cities if c is not spare]})
    return dataclasses.replace(site, cities=cities)


@pytest.mark.parametrize("less", [False, True], ids=["real data", "one city less"])
def test_counts_of_cities_follow_the_data(site: Site, less: bool) -> None:
    site = _without_one_city(site) if less else site
    n = len(site.cities.cities)
    generated, rendered = _rendered(site)
    by_path = {p.path: p for p in generated}
    assert by_path["steden/index.md"].title == f"De {n} G40-steden"
    assert by_path["steden/index.md"].view.description.startswith(f"De {number_word(n)} gemeenten ")
    assert f"Het Stedennetwerk G40 telt {n} gemeenten." in rendered["steden/index.md"]
    assert f"is een netwerk van {number_word(n)} steden." in rendered["index.md"]
    assert f"[De {n} steden](steden/index.md)" in rendered["index.md"]
    assert f"(in-beeld.md#de-{n}-steden-op-de-kaart)" in rendered["index.md"]
    assert f"## De {n} steden op de kaart" in rendered["in-beeld.md"]
    assert by_path["over-de-g40.md"].view.description.startswith(f"Wie de G40 is: {number_word(n)} steden ")
    city = site.cities.cities[0]
    assert f"is een van de {number_word(n)} gemeenten van het Stedennetwerk G40." in rendered[f"steden/{city.id}.md"]
    werkwijze = f"agenda/{site.agendas[-1].period}/werkwijze.md"
    assert f"[de {n} steden van het netwerk]" in rendered[werkwijze]


def test_every_date_basis_has_its_sentence_on_the_sources_page(site: Site) -> None:
    """Each value of `Source.date_basis` has a reader's sentence in the catalogue, and the Bronnen
    page shows each source's beside its date (audit: a date read from a web address said nothing)."""
    from typing import get_args

    from generator.models import DateBasis

    assert set(wording.DATE_BASIS) == set(get_args(DateBasis))
    assert len(set(wording.DATE_BASIS.values())) == len(wording.DATE_BASIS)
    _, rendered = _rendered(site)
    rows = [line for line in rendered["bronnen/index.md"].splitlines() if line.startswith("| [")]
    assert len(rows) == len(site.sources.sources)
    for source, row in zip(site.sources.sources, rows):
        assert source.title in row and row.endswith(f"| {wording.DATE_BASIS[source.date_basis]} |")


def _sentences_in_code(path: Path) -> list[str]:
    """String literals of two or more words with a space between in `path`, docstrings aside (f-strings' literal
    parts count: `f"{term} in de bronnen."` writes a sentence too)."""
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.value) for node in ast.walk(tree)
                  if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)}
    return [f"{path.name}:{node.lineno}: {node.value!r}" for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
            and " " in node.value.strip() and len(re.findall(r"[^\W\d_]{2,}", node.value)) >= 2]


def test_page_modules_take_their_reader_sentences_from_the_catalogue() -> None:
    """Reader wording lives in generator/wording.py (or in a template): a page module that
    writes a Dutch phrase itself fails here."""
    pages_dir = Path(wording.__file__).parent / "pages"
    assert [s for path in sorted(pages_dir.glob("*.py")) for s in _sentences_in_code(path)] == []


def test_the_sentence_check_sees_a_phrase_in_an_f_string(tmp_path: Path) -> None:
    module = tmp_path / "organisations.py"
    module.write_text('"""Doc."""\ndef f(term):\n    """Doc too."""\n    return f"{term} in de bronnen."\n')
    assert _sentences_in_code(module) == ["organisations.py:4: ' in de bronnen.'"]
