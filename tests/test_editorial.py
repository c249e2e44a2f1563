"""The editors' own mapping is labelled wherever it is shown.

The sources do not link the annual report's theme groups and activities to the agenda's
themes, nor the kernboodschappen to either: the editors do (`themes` on groups, activities,
asks and archive documents; `activities` on asks). Every list, table or chart that shows such
a link says so in the same place: the word "redactie" in the block that holds the link or in
the sentence just before it. The cases come from the whole rendered fixture: every link from a
page about a group, activity, ask or document to a theme, and from a theme or the
kernboodschappen to a group or activity.
"""

from __future__ import annotations

import posixpath
import re

from generator import wording
from generator.pages import pages
from tests.conftest import fixture_seeds

LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")
LABEL = "redactie"

# Which page kinds show a mapping, and to which kinds of page it points.
MAPPED = {
    "activity.md.j2": {"theme"},
    "group.md.j2": {"theme"},
    "archive_document.md.j2": {"theme"},
    "kernboodschappen.md.j2": {"theme", "group", "activity"},
    "pictures.md.j2": {"theme", "group"},
    "theme.md.j2": {"group", "activity"},
    "randvoorwaarden.md.j2": {"group", "activity"},
}
KIND_OF_TEMPLATE = {"theme.md.j2": "theme", "randvoorwaarden.md.j2": "theme", "group.md.j2": "group",
                    "activity.md.j2": "activity"}


def _blocks(markdown: str) -> list[str]:
    """The page's blocks (paragraphs, lists, tables), up to its 'Bron' block."""
    body = markdown.split('!!! quote "Bron"')[0]
    return [b for b in re.split(r"\n\s*\n", body) if b.strip()]


def unlabelled(site, rendered: dict[str, str]) -> list[tuple[str, str]]:
    with fixture_seeds():
        generated = pages(site)
    kind_of = {p.path: KIND_OF_TEMPLATE.get(p.template) for p in generated}
    found = []
    for page in generated:
        wanted = MAPPED.get(page.template)
        if not wanted:
            continue
        blocks = _blocks(rendered[page.path])
        for index, block in enumerate(blocks):
            if block.lstrip().startswith("#"):
                continue
            targets = {posixpath.normpath(posixpath.join(posixpath.dirname(page.path), t)) for t in LINK.findall(block)}
            if not any(kind_of.get(t) in wanted and t != page.path for t in targets):
                continue
            context = block + (blocks[index - 1] if index else "")
            if LABEL not in context.lower():
                found.append((page.path, block[:160]))
    return found


def test_every_editorial_mapping_is_labelled_beside_it(fixture_site, fixture_rendered) -> None:
    found = unlabelled(fixture_site, fixture_rendered)
    assert not found, found


def test_the_check_finds_an_unlabelled_mapping(fixture_site, fixture_rendered) -> None:
    """The test can fail: with the label taken off a page, its lists are reported."""
    stripped = {path: text.replace("redactie", "r.") for path, text in fixture_rendered.items()}
    found = unlabelled(fixture_site, stripped)
    kinds = {path.split("/")[0] for path, _ in found}
    assert {"activiteiten", "agenda", "kernboodschappen.md", "in-beeld.md"} <= kinds, kinds


PROVINCE_NOTE = wording.PROVINCE_NOTE
"""The sentence that says the provinces are the editors' (no source names one)."""


def pages_showing_a_province_without_the_note(site, rendered: dict[str, str]) -> list[str]:
    provinces = {city.province for city in site.cities.cities}
    return sorted(path for path, text in rendered.items()
                  if any(f"| {province} |" in text for province in provinces) and PROVINCE_NOTE not in text)


def test_every_page_that_shows_a_province_says_the_editors_added_it(fixture_site, fixture_rendered) -> None:
    assert pages_showing_a_province_without_the_note(fixture_site, fixture_rendered) == []
    # And the check can fail: without the sentence, the pages with provinces are found.
    stripped = {path: text.replace(PROVINCE_NOTE, "") for path, text in fixture_rendered.items()}
    assert len(pages_showing_a_province_without_the_note(fixture_site, stripped)) >= 3
