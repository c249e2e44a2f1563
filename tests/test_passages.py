"""Every fact stands in the passage its record cites, not merely somewhere in the source.

The cases are derived from all records: each exact name, title, date, person,
organisation and city a record carries is looked up in the text of the passages it cites
(resolved by the validator from the anchors), after the folding the validator uses
(white space, typographic quotes, words broken at a line end).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator import passages, references
from generator.errors import Problem
from generator.models import DATE_BASES_IN_TEXT, Passage, Source
from generator.ownwords import LIMIT, longest_runs, per_file
from generator.pages.links import MONTHS
from generator.passages import fold, passage_problems, resolve
from generator.validate import load_site
from tests.conftest import REPO
from tests.fidelity import quoted_fragments

SITE, _PROBLEMS = load_site(REPO / "data")
assert SITE is not None, _PROBLEMS


@dataclass(frozen=True)
class Fact:
    where: str
    """The record, for the failure message."""
    text: str
    """The exact words that must stand in the passage."""
    cited: tuple[Passage, ...]
    """The passages the record cites."""
    any_case: bool = False
    alternatives: tuple[str, ...] = ()
    """Other exact forms that count too (an abbreviation's expansion)."""


def _passage_text(passage: Passage) -> str:
    return fold(passages.resolved(SITE, passage).text)


def _adjacent_texts(cited: tuple[Passage, ...]) -> list[str]:
    """Two cited passages that follow each other in the source with only white space between
    (a title over two short lines, bounded as two passages) read as one text."""
    found = [passages.resolved(SITE, p) for p in cited]
    joined = []
    for before, after in zip(found, found[1:]):
        raw = passages.source_text(passages.SEEDS / before.file).raw
        if before.file == after.file and before.end <= after.start and not raw[before.end:after.start].strip():
            joined.append(fold(raw[before.start:after.end]))
    return joined


def _date_words(date: str) -> str | None:
    parts = date.split("-")
    if len(parts) == 3:
        return f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]}"
    if len(parts) == 2:
        return MONTHS[int(parts[1]) - 1]
    return None


def _checked(fact: references.Fact) -> Iterator[Fact]:
    """The words a declared fact asks for: the value itself, each fragment it quotes, or
    the day and month of a date; a `place` fact is checked against the passages' section names."""
    rule, where = fact.rule, fact.where
    if rule.how == "quoted":
        yield from (Fact(where, fragment, fact.cited, rule.any_case) for fragment in quoted_fragments(fact.text))
    elif rule.how == "date":
        day = _date_words(fact.text)
        if day:
            yield Fact(where, day, fact.cited, rule.any_case)
    elif rule.how == "place":
        yield Fact(where, fact.text, (), alternatives=tuple(p.place for p in fact.cited))
    else:
        yield Fact(where, fact.text, fact.cited, rule.any_case, fact.alternatives)


def facts() -> Iterator[Fact]:
    """Every fact the models declare with `InPassage` (generator.markers), over all records."""
    for fact in references.facts(SITE):
        yield from _checked(fact)


FACTS = list(facts())


def _found(fact: Fact) -> bool:
    wanted = [fact.text, *fact.alternatives]
    if not fact.cited:  # a title checked against the section the record names
        return any(fold(fact.text) in fold(w) for w in fact.alternatives)
    texts = [_passage_text(p) for p in fact.cited] + [fold(p.place) for p in fact.cited] + _adjacent_texts(fact.cited)
    for word in wanted:
        needle = fold(word)
        for text in texts:
            if needle in text or (fact.any_case and needle.casefold() in text.casefold()):
                return True
    return False


def test_every_passage_rule_has_facts_in_the_data() -> None:
    """Each field declared `InPassage` gives facts on the real data: no rule is idle, and a
    rule that stopped deriving facts (a wrong `cited`) shows here."""
    declared = {f"{model.__name__}.{name}" for model in references.all_models()
                for name, marks in references.field_marks(model).items() if marks.in_passage}
    derived = {fact.field for fact in references.facts(SITE)}
    assert len(declared) > 40
    assert declared == derived, sorted(declared ^ derived)
    assert len(FACTS) > 500


@pytest.mark.parametrize("fact", FACTS, ids=lambda f: f"{f.where}: {f.text}"[:90])
def test_fact_stands_in_its_cited_passage(seeds: Path, fact: Fact) -> None:
    assert _found(fact), f"{fact.where}: {fact.text!r} staat niet in de geciteerde passage(s)"


def test_every_fact_bearing_record_cites_a_passage() -> None:
    """The models require passages; this counts them so a model change cannot drop them."""
    cited = list(passages.all_cited(SITE))
    files = {name for name, _, _ in cited}
    assert files >= {"agenda/2019-2022", "jaarverslagen/2021/activities", "jaarverslagen/2021/report", "people",
                     "organisations", "kernboodschappen", "archive",
                     "about", "cities", "sessions"}
    assert len(cited) >= len(SITE.all_activities) + len(SITE.people.people)


def test_a_source_date_stands_where_its_basis_says() -> None:
    """The year of a source's date stands in the passages its `date_basis` cites (the fact test
    above checks only day and month), and a date read from the web address stands in it."""
    for source in SITE.sources.sources:
        if source.date_basis in DATE_BASES_IN_TEXT:
            texts = " ".join(_passage_text(p) for p in source.date_passages)
            assert source.date[:4] in texts, f"{source.id}: {source.date[:4]} staat niet in de vindplaats"
        elif source.date_basis == "webadres":
            assert source.url and source.date in source.url, f"{source.id}: {source.date} staat niet in het webadres"
    assert {s.date_basis for s in SITE.sources.sources} >= {"tekst", "titel", "webadres", "copyright", "redactie"}


# --- own words ------------------------------------------------------------------------


def test_no_summary_pastes_ten_words_from_a_source(seeds: Path) -> None:
    runs = [r for r in longest_runs(SITE, seeds) if len(r.words) >= LIMIT]
    assert not runs, "\n".join(f"{r.file} {r.path}: {' '.join(r.words)}" for r in runs)


def test_the_own_words_measure_finds_a_pasted_sentence(seeds: Path) -> None:
    from generator.ownwords import Sources

    sources = Sources(seeds, [s.file for s in SITE.sources.sources])
    pasted = "Zo doe ik het: De Omgevingswet markeert de overgang naar de participatie-samenleving in het ruimtelijk domein."
    assert len(sources.longest(pasted)) >= LIMIT
    quoted = "Het rapport 'De Omgevingswet markeert de overgang naar de participatie-samenleving in het ruimtelijk domein' verscheen."
    assert len(sources.longest(quoted)) < 4
    assert per_file(longest_runs(SITE, seeds))


# --- words that change a meaning ----------------------------------------------------

QUALIFIERS = ["jaarlijks", "jaarlijkse", "meestal", "altijd", "nooit", "elk jaar", "ieder jaar", "steeds"]
"""Words that state how often or how always something is: they must come from the passage."""


def _qualified() -> Iterator[tuple[str, str, tuple[Passage, ...]]]:
    from generator.ownwords import prose

    def walk(value, cited, where):
        from pydantic import BaseModel

        if isinstance(value, BaseModel):
            own = getattr(value, "passages", None)
            if isinstance(own, list) and own:
                cited = tuple(own)
            elif own is not None and not isinstance(own, list):
                cited = tuple(p for name in type(own).model_fields for p in getattr(own, name))
            texts = [t for path, t in prose(value) if len(path) == 1]
            texts += [getattr(value, n) for n in ("description", "role") if isinstance(getattr(value, n, None), str)]
            for text in texts:
                yield where, text, cited
            for name in type(value).model_fields:
                yield from walk(getattr(value, name), cited, f"{where}.{name}")
        elif isinstance(value, list):
            for i, item in enumerate(value):
                yield from walk(item, cited, f"{where}[{i}]")

    for name, model in SITE.models.items():
        if name not in ("sources", "cities", "sessions"):
            yield from walk(model, (), name)


QUALIFIED = [(w, t, c) for w, t, c in _qualified() if c and any(re.search(rf"\b{q}\b", t) for q in QUALIFIERS)]


@pytest.mark.parametrize(("where", "text", "cited"), QUALIFIED, ids=lambda v: str(v)[:60])
def test_a_qualifier_comes_from_the_passage(seeds: Path, where: str, text: str, cited) -> None:
    passage_text = " ".join(_passage_text(p) for p in cited).casefold()
    for qualifier in QUALIFIERS:
        if re.search(rf"\b{qualifier}\b", text):
            assert re.search(rf"\b{qualifier}", passage_text), f"{where}: {qualifier!r} staat niet in de passage"


SUSPENDED = re.compile(r"\b(\w+)- (en|of|naar|tot) (\w+)")


def _suspended() -> list[tuple[str, str, tuple[Passage, ...]]]:
    """Every shortened compound ('tekort- en overschotberoepen') in our own texts, with the passages."""
    return [(where, m.group(0), cited) for where, text, cited in _qualified() if cited
            for m in SUSPENDED.finditer(text)]


@pytest.mark.parametrize(("where", "words", "cited"), _suspended(), ids=lambda v: str(v)[:60])
def test_a_shortened_compound_is_quoted_exactly(seeds: Path, where: str, words: str, cited) -> None:
    """'tekort- en overschotberoepen': a compound the source shortens keeps its conjunction."""
    passage_text = " ".join(_passage_text(p) for p in cited)
    first = words.split("-")[0]
    if re.search(rf"\b{re.escape(first.casefold())}- ", passage_text.casefold()):
        assert fold(words).casefold() in passage_text.casefold(), f"{where}: {words!r} staat zo niet in de passage"


# --- the validator -------------------------------------------------------------------

SOURCE = Source(id="jaarverslag", title="J", publisher="G40", date="2022", date_basis="redactie",
                kind="jaarverslag", file="004_a441b1ac5001b251.txt")


def test_an_anchor_resolves_to_its_paragraph(seeds: Path) -> None:
    where = resolve(seeds, SOURCE, Passage(source="jaarverslag", place="Thema Smart Cities",
                                           anchor="Thema Smart Cities In 2021 ging de themagroep"))
    assert not isinstance(where, str)
    assert (where.first_line, where.last_line) == (306, 316)
    assert where.text.rstrip().endswith("worden opgepakt.")


def test_an_end_anchor_extends_the_passage(seeds: Path) -> None:
    where = resolve(seeds, SOURCE, Passage(source="jaarverslag", place="Voorwoord", anchor="Iedere keer kijk ik weer",
                                           end="Paul Depla, voorzitter Stedennetwerk G40"))
    assert not isinstance(where, str)
    assert (where.first_line, where.last_line) == (3, 51)


def test_a_jump_to_another_column_ends_the_passage(seeds: Path) -> None:
    where = resolve(seeds, SOURCE, Passage(source="jaarverslag", place="Thema Human Capital",
                                           anchor="De centrale boodschap in het Overdrachtsdocument voor human"))
    assert not isinstance(where, str)
    assert "Ondernemers kunnen" in where.text and "Sterke Keten" not in where.text


def test_missing_and_ambiguous_anchors_are_refused(seeds: Path) -> None:
    missing = resolve(seeds, SOURCE, Passage(source="jaarverslag", place="x", anchor="de jaarlijkse studiereis"))
    assert missing == "het anker 'de jaarlijkse studiereis' staat niet in 004_a441b1ac5001b251.txt"
    twice = resolve(seeds, SOURCE, Passage(source="jaarverslag", place="x",
                                           anchor="De centrale boodschap in het Overdrachtsdocument"))
    assert twice == ("het anker 'De centrale boodschap in het Overdrachtsdocument' staat 3 keer in "
                     "004_a441b1ac5001b251.txt (regels 233, 258, 349)")


def test_a_broken_anchor_in_the_data_is_located(seeds: Path, project, write_data) -> None:
    path = project.data / "jaarverslagen" / "2021" / "activities.yaml"
    text = path.read_text(encoding="utf-8")
    broken = text.replace('anchor: "De studiereis met de Neprom"}', 'anchor: "De jaarlijkse studiereis met de Neprom"}')
    assert broken != text
    write_data("jaarverslagen/2021/activities", broken)
    site, problems = load_site(project.data)
    assert site is None
    line = broken[: broken.index("De jaarlijkse studiereis")].count("\n") + 1
    assert [(p.file, p.line) for p in problems] == [("data/jaarverslagen/2021/activities.yaml", line)]
    assert problems[0].message.startswith("het anker 'De jaarlijkse studiereis met de Neprom' staat niet in")


def test_a_changed_source_shows_which_passages_no_longer_resolve(seeds: Path, tmp_path: Path) -> None:
    """When a source text changes, every passage that no longer resolves is reported, located."""
    import shutil

    changed = tmp_path / "seeds"
    shutil.copytree(seeds, changed)
    report = changed / "004_a441b1ac5001b251.txt"
    report.write_text(report.read_text(encoding="utf-8").replace("De studiereis met de Neprom", "De reis met de Neprom"),
                      encoding="utf-8")
    problems = passage_problems(SITE, changed)
    assert problems and all(isinstance(p, Problem) and p.line > 0 for p in problems)
    assert {p.file for p in problems} >= {"data/jaarverslagen/2021/activities.yaml", "data/organisations.yaml"}
    assert all("De studiereis met de Neprom" in p.message for p in problems)


def test_an_anchor_longer_than_twelve_words_is_refused() -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="anchor-too-long"):
        Passage(source="x", place="y", anchor="een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien")


# --- placement in the two-column report ----------------------------------------------

_REPORT_HEADING = re.compile(r"^ ?(Thema [^\n]+?|Pijler [^\n]+?|Algemeen|Lobby|Voorwoord|Overige themagroepen|"
                             r"Informatie over de G40-steden)\s*$", re.M)


def _heading_before(raw: str, offset: int, pattern: re.Pattern[str] = _REPORT_HEADING) -> str | None:
    found = [m.group(1).strip() for m in pattern.finditer(raw[:offset])]
    return found[-1] if found else None


def _out_of_place(seeds: Path) -> list[tuple[str, str]]:
    """Records of the reports whose cited text does not stand under their own heading."""
    return [found for year in SITE.years for found in _out_of_place_in(seeds, year)]


def _out_of_place_in(seeds: Path, year) -> list[tuple[str, str]]:
    report = year.report
    report_file = next(s.file for s in SITE.sources.sources if s.id == report.source)
    raw = passages.source_text(seeds / report_file).raw
    groups = {g.id: (p, g) for p in report.pillars for g in p.groups}
    result = []

    def expected(group_id: str) -> set[str]:
        if group_id == report.foreword.id:
            return {"Voorwoord"}
        pillar, group = groups[group_id]
        return {"Algemeen", "Lobby"} if group.kind == "algemeen" else {group.heading}

    records = [(f"group {g.id}", g.id, g.passages, g.placement) for _, g in groups.values()]
    records += [(f"activity {a.id}", a.group, a.passages, a.placement) for a in year.activities.activities]
    for label, group_id, cited, placement in records:
        for passage in cited:
            if passage.source != report.source:
                continue
            start = passages.resolved(SITE, passage).start
            line_start = raw.rfind("\n", 0, start) + 1
            line_end = raw.find("\n", start)
            jump = raw[line_start:line_start + 2].startswith(" ") and not raw[line_start + 1:line_start + 2].isspace()
            under = _heading_before(raw, line_end)
            if (jump or under not in expected(group_id)) and not placement:
                result.append((label, passage.anchor))
    return result


def test_text_out_of_place_in_the_extraction_has_a_placement_note(seeds: Path) -> None:
    """Where the two-column extraction puts a record's text under another heading (or after a
    jump to another column), the record says so in `placement` (shown under 'Verantwoording')."""
    assert not _out_of_place(seeds)


def test_a_relocated_record_cites_the_place_where_its_text_stands(seeds: Path) -> None:
    """Issue 27: `place` is the document's own location, not the editors' grouping. A record
    whose text the extraction puts elsewhere (it has a `placement`) names the heading its text
    stands under, or "na '<kop>', zonder kop" for text continued from another column."""
    checked = 0
    for year in SITE.years:
        report_file = next(s.file for s in SITE.sources.sources if s.id == year.report.source)
        raw = passages.source_text(seeds / report_file).raw
        for activity in year.activities.activities:
            if not activity.placement:
                continue
            for passage in activity.passages:
                start = passages.resolved(SITE, passage).start
                heading = _heading_before(raw, raw.find("\n", start))
                assert heading and heading in passage.place, (activity.id, passage.place, heading)
                checked += 1
    assert checked


def test_a_city_role_carries_its_own_passage(seeds: Path, project, write_data) -> None:
    """Issue 17: a role can cite where the source names the city; a wrong anchor is located there."""
    from generator.pages import pages

    path = project.data / "jaarverslagen" / "2021" / "activities.yaml"
    text = path.read_text(encoding="utf-8")
    old = '      - {city: breda, role: "deelnemer aan de City Deal Impact Ondernemen"}\n'
    new = ('      - city: breda\n        role: "deelnemer aan de City Deal Impact Ondernemen"\n        passages:\n'
           '          - {source: jaarverslag-2021, place: "Thema Sociaal Ondernemerschap/Impact Ondernemen", '
           'anchor: "In de citydeal participeren de G40 steden"}\n')
    assert old in text
    write_data("jaarverslagen/2021/activities", text.replace(old, new))
    site, problems = load_site(project.data)
    assert not problems and site is not None
    breda = next(p for p in pages(site) if p.path == "steden/breda.md")
    assert "In de citydeal participeren de G40 steden" in [r.anchor for r in breda.view.references]

    write_data("jaarverslagen/2021/activities", text.replace(old, new.replace("In de citydeal participeren", "In de citydeal doen mee")))
    site, problems = load_site(project.data)
    line = text.replace(old, new).splitlines().index("          - {source: jaarverslag-2021, place: \"Thema Sociaal "
                                                      "Ondernemerschap/Impact Ondernemen\", anchor: \"In de citydeal "
                                                      "participeren de G40 steden\"}") + 1
    assert site is None and [(p.file, p.line) for p in problems] == [("data/jaarverslagen/2021/activities.yaml", line)]


def test_every_page_shows_its_passages_and_every_source_page_lists_them(seeds: Path) -> None:
    """The reader sees each cited passage in the page's 'Bron' block; the source's own page
    lists it under its section, with a link back to the page."""
    from generator.markdown import escape
    from generator.pages import pages
    from generator.render import render_pages

    generated = pages(SITE)
    rendered = render_pages(generated)
    sources = {p.view.source.id: p for p in generated if p.template == "source.md.j2"}
    files = {sid: page.view.source.file for sid, page in sources.items()}
    listed = {sid: {(s.place, passage.anchor) for s in page.view.taken for passage in s.passages}
              for sid, page in sources.items()}
    cited_pages = 0
    for page in generated:
        refs = [r for r in [*page.view.references, *getattr(page.view, "cited", ())] if r.anchor]
        cited_pages += bool(refs)
        for ref in refs:
            # The passage itself, quoted inside a disclosure, with the lines it stands on.
            quoted = f"??? quote citaat \"Citaat uit de bron ({ref.lines})\"\n\n"  # class citaat: kept out of search (chrome.py)
            assert quoted in rendered[page.path] and f"> {escape(ref.quote)}\n" in rendered[page.path], (page.path, ref)
            assert ref.quote and passages.fold(ref.quote) in passages.source_text(seeds / files[ref.source]).folded
            assert (ref.place, ref.anchor) in listed[ref.source], (page.path, ref)
    assert cited_pages > 150
    # The source page is a reading view: every passage quoted, in the document's order.
    for page in sources.values():
        for section in page.view.taken:
            for passage in section.passages:
                assert f"> {escape(passage.quote)}\n" in rendered[page.path], (page.path, passage.anchor)
        firsts = [section.line for section in page.view.taken]
        assert firsts == sorted(firsts), page.path
        for section in page.view.taken:
            assert [p.line for p in section.passages] == sorted(p.line for p in section.passages), section.place
    every = {p.anchor for _, _, p in passages.all_cited(SITE)}
    shown = {a for anchors in listed.values() for _, a in anchors}
    assert every - shown <= {p.anchor for p in SITE.sessions.sessions[0].letter_source}, every - shown
