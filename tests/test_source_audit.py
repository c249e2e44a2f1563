"""The six errors the source audit found, each with a check that would have caught it.

Each test runs the check on the data as it is and on the old, wrong wording, so it shows
both that the data is right now and that the check notices the error."""

from __future__ import annotations

import re
from pathlib import Path

from generator.passages import fold, source_text
from tests.test_passages import SITE, Fact, _found, _passage_text

AGENDA_FILE = next(s.file for s in SITE.sources.sources if s.id == SITE.agendas[-1].agenda.source)


def _agenda_text(seeds: Path) -> str:
    return source_text(seeds / AGENDA_FILE).raw


def _chapters(raw: str) -> list[tuple[str, str]]:
    """(heading, text) of the eight numbered chapters, as the source marks them."""
    heads = list(re.finditer(r"^#{1,2} (\d) (.+)$", raw, re.M))
    ends = [m.start() for m in heads[1:]] + [raw.index("# Ruimte en slagkracht")]
    return [(m.group(2), raw[m.end():end]) for m, end in zip(heads, ends)]


def test_1_the_nutshell_follows_the_chapter_order(seeds: Path) -> None:
    raw = _agenda_text(seeds)
    nutshell = raw[raw.index("Onze agenda in een notendop"):raw.index("# 1 ")]
    by_phrase = {i.phrase: i.target for i in SITE.agendas[-1].agenda.nutshell.items}
    order_in_source = [by_phrase[p] for p in sorted(by_phrase, key=lambda p: nutshell.index(p))]
    chapter_order = [t.id for t in sorted(SITE.agendas[-1].agenda.themes, key=lambda t: raw.index(f"{t.number} {t.title}"))]
    assert order_in_source[:-1] == chapter_order
    note = SITE.agendas[-1].agenda.nutshell.note or ""
    assert "wijkt af" not in note, "a note says the nutshell's order differs from the chapters', which it does not"


def test_2_every_section_the_source_gives_is_in_the_data(seeds: Path) -> None:
    chapters = _chapters(_agenda_text(seeds))
    assert len(chapters) == len(SITE.agendas[-1].agenda.themes) == 8
    for theme, (title, text) in zip(SITE.agendas[-1].agenda.themes, chapters):
        assert title == theme.title
        has_approach = bool(re.search(r"^#+ \**(De )?G40-aanpak", text, re.M))
        assert (theme.approach is not None) == has_approach, f"{theme.id}: G40-aanpak in source: {has_approach}"
        has_list = bool(re.search(r"^\s*- 1\**\s", text, re.M))
        assert bool(theme.speerpunten) == has_list, theme.id
        assert not any("G40-aanpak" in gap for gap in theme.gaps), theme.id


def test_3_human_capital_speaks_of_mobility_between_occupations(seeds: Path) -> None:
    from tests.test_passages import SUSPENDED

    activity = next(a for a in SITE.all_activities if a.id == "overdracht-human-capital")
    passage = " ".join(_passage_text(p) for p in activity.passages)

    def shortened_compounds_match(text: str) -> bool:
        return all(fold(m.group(0)).casefold() in passage.casefold() for m in SUSPENDED.finditer(text))

    assert shortened_compounds_match(activity.summary)
    assert not shortened_compounds_match("meer overstap van tekort- naar overschotberoepen")


def test_4_the_cover_letter_speaks_only_of_the_regiomiddag(seeds: Path) -> None:
    letter = next(d for d in SITE.archive.documents if d.id == "aanbiedingsbrief-raadsessie")
    cited = tuple(letter.passages)
    assert _found(Fact("aanbiedingsbrief", "Regiomiddag", cited))
    assert not _found(Fact("aanbiedingsbrief", "Regiodag", cited)), "the cover letter's own passage has no 'Regiodag'"
    assert "Regiodag" not in " ".join([letter.summary, *letter.gaps, *letter.notes])


def test_5_a_letter_in_the_first_person_has_no_collective_author_and_only_a_signed_letter_a_garbled_signature(
        seeds: Path) -> None:
    for document in SITE.archive.documents:
        text = " ".join(_passage_text(p) for p in document.passages)
        if re.search(r"\b(ik|doe ik)\b", text):
            assert not re.match(r"(het college|Dagelijks Bestuur)", document.author), document.id
        says_garbled = any("ondertekening" in n and "onleesbaar" in n for n in [*document.gaps, *document.notes])
        assert says_garbled == ("Hoogachtend" in text), document.id
    session = SITE.sessions.sessions[0]
    assert "Het college stuurt" not in session.letter


def test_6_the_study_trip_is_not_called_annual(seeds: Path) -> None:
    neprom = next(o for o in SITE.organisations.organisations if o.id == "neprom")
    cited = tuple(neprom.passages)
    passage = " ".join(_passage_text(p) for p in cited)
    assert "jaarlijks" not in (neprom.description or "")
    assert not re.search(r"\bjaarlijks", passage), "the source never calls the trip annual"
    assert _found(Fact("neprom", "Neprom", cited))
