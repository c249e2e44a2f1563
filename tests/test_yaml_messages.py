"""YAML syntax messages at the line where the editor must act, with the exact Dutch text:
small files in tmp_path, so each case reads as the mistake it is (the corpus in
tests/invalid/ has the same mistakes in the real data)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.load import load_document

UNCLOSED = ('YAML-syntaxfout: het aanhalingsteken " aan het begin van deze tekst wordt niet gesloten — zet een " '
            'aan het eind van de tekst op deze regel')
AFTER = ("YAML-syntaxfout: de tekst gaat door na het sluitende aanhalingsteken {q} — zet de hele tekst tussen dubbele "
         "aanhalingstekens en schrijf aanhalingstekens in de tekst als ‘…’ of “…”, of zet de tekst met '>-' op de "
         "regels eronder (zie CONTRIBUTING.md, 'Tekst die met een aanhalingsteken begint')")
INDENT = ("YAML-syntaxfout: veld 'themes' staat verder ingesprongen dan het veld 'title' erboven — zet 'themes:' "
          "recht onder 'title:' (4 spaties vanaf het begin van de regel)")

CASES = {
    "quote left open, the next line has quotes": (
        'items:\n  - id: a\n    title: "Eerste\n    summary: "Tweede"\n  - id: b\n    title: "x"\n',
        f"data/x.yaml:3:12: {UNCLOSED}"),
    "quote left open to the end of the file": (
        'items:\n  - id: a\n    title: "Eerste\n    summary: tekst\n',
        f"data/x.yaml:3:12: {UNCLOSED}"),
    "text after a closing double quote": (
        'items:\n  - id: a\n    summary: "Afschaffen" van de regel\n',
        f"data/x.yaml:3:27: {AFTER.format(q=chr(34))}"),
    "text after a closing single quote": (
        "items:\n  - id: a\n    summary: 'Een thuis' verscheen\n",
        f"data/x.yaml:3:26: {AFTER.format(q=chr(39))}"),
    "field indented under a plain value": (
        'items:\n  - id: a\n    title: x\n      themes: [a]\n',
        f"data/x.yaml:4:7: {INDENT}"),
    "field indented under a quoted value": (
        'items:\n  - id: a\n    title: "x"\n      themes: [a]\n',
        f"data/x.yaml:4:7: {INDENT}"),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_the_message_points_at_the_mistake(tmp_path: Path, case: str) -> None:
    text, expected = CASES[case]
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    _, problems = load_document(path, "data/x.yaml")
    assert [str(p) for p in problems] == [expected]


def test_quotes_inside_a_flow_mapping_are_not_taken_for_the_mistake(tmp_path: Path) -> None:
    """A `{…: "…", …: "…"}` line above a tab keeps the tab's own message."""
    path = tmp_path / "x.yaml"
    path.write_text('items:\n  - {source: x, place: "P", anchor: "A"}\n\tname: b\n', encoding="utf-8")
    _, problems = load_document(path, "data/x.yaml")
    assert [str(p) for p in problems] == [
        "data/x.yaml:3:1: YAML-syntaxfout: er staat een tab in de inspringing — gebruik spaties in plaats van tabs"]
