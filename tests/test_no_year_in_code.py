"""No year is written into the generator or its templates: every year on the site comes
from the data (an agenda's period, a report's year, a source's date), so the next annual
report or agenda needs a new data file, not a programmer."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import REPO

YEAR = re.compile(r"(?<![0-9A-Za-z\\])(19|20)[0-9]{2}(?![0-9])")
"""Four digits from 1900 to 2099 standing alone (not in `\\u2066`, a character escape)."""

NOT_CONTENT = (
    "tag:yaml.org,2002:",                    # YAML's tag URIs
    "json-schema.org/draft/2020-12/schema",  # the JSON Schema dialect
    "www.w3.org/2000/svg",                   # the SVG namespace
    "www.w3.org/2006/vcard/ns#",             # the vCard namespace in the open-data catalogue
    "www.w3.org/2005/Atom",                  # the Atom namespace of the feed of changes
)
"""Fixed identifiers of standards that happen to contain a year; nothing a reader sees."""


def code_files() -> list[Path]:
    """Every Python module and template of the generator (JavaScript and CSS assets too),
    the theme's overrides and the MkDocs configuration."""
    found = [p for folder in (REPO / "generator", REPO / "overrides") for p in folder.rglob("*")
             if p.is_file() and p.suffix in {".py", ".j2", ".js", ".css", ".html"} and "__pycache__" not in p.parts]
    return sorted([*found, REPO / "mkdocs.yml"])


def years_in(text: str) -> list[tuple[int, str]]:
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        for identifier in NOT_CONTENT:
            line = line.replace(identifier, "")
        if YEAR.search(line):
            found.append((number, line.strip()))
    return found


def test_no_year_literal_in_the_generator_or_its_templates() -> None:
    found = [f"{path.relative_to(REPO)}:{number}: {line}" for path in code_files()
             for number, line in years_in(path.read_text(encoding="utf-8"))]
    assert found == [], "years belong in the data:\n" + "\n".join(found)


def test_the_check_finds_a_year_in_a_comment_and_a_template() -> None:
    assert years_in("# the report of 2021\nx = 1") == [(1, "# the report of 2021")]
    assert years_in("## Rollen in 1999") == [(1, "## Rollen in 1999")]
    assert years_in("<svg xmlns='http://www.w3.org/2000/svg'>") == []
    assert years_in("count = 12021") == []  # a longer number is not a year


def test_the_scan_covers_the_templates_and_the_page_modules() -> None:
    names = {p.relative_to(REPO).as_posix() for p in code_files()}
    assert "generator/templates/city.md.j2" in names
    assert "generator/pages/report.py" in names
    assert "generator/templates/partials/work.md.j2" in names
    assert "overrides/main.html" in names and "mkdocs.yml" in names
