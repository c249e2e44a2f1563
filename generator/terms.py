"""Abbreviations and the text they explain: which spellings get the explanation on hover,
and which terms occur nowhere (so an editor learns that a new term does nothing).

A term is matched as written. An all-caps abbreviation also matches the same letters
capitalised ('Novi' for NOVI, 'Wgr' for WGR) where the text uses that spelling as a name:
after a lowercase word, so a Dutch word that merely opens a sentence ('Via', for the VIA)
is not taken for the abbreviation. Other spellings go in the term's `also`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from generator import markdown, wording
from generator.errors import Problem
from generator.models import Organisation, OrganisationsFile
from generator.render import TEMPLATES


def strings(value: Any) -> Iterator[str]:
    """Every text in a loaded YAML value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def data_text(site, skip: tuple[str, int] | None = None) -> str:
    """All text of the data files (less the organisation at `skip`: ('organisations', index))."""
    parts = []
    for name, doc in site.documents.items():
        if skip and name == skip[0]:
            parts += [s for i, item in enumerate(doc.data.get("organisations", [])) if i != skip[1]
                      for s in strings(item)]
        else:
            parts += strings(doc.data)
    return "\n".join(parts)


def case_variants(term: str, text: str) -> list[str]:
    """The capitalised spelling of an all-caps abbreviation, when `text` uses it as a name."""
    if not (len(term) >= 3 and term.isalpha() and term.isupper()):
        return []
    variant = term.capitalize()
    used_as_name = re.search(rf"[a-zà-ÿ][,;:]?\s+\(?{re.escape(variant)}(?!\w)", text)
    return [variant] if used_as_name else []


def spellings(organisation: Organisation, text: str) -> list[str]:
    """Every spelling of the organisation's term that gets its explanation."""
    written = [organisation.term, *organisation.also]
    variants = [v for term in written for v in case_variants(term, text) if v not in written]
    return written + sorted(set(variants))


def _occurs(term: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(term)}(?!\w)", text) is not None


def unused_terms(site, content: Path | None = None) -> list[Problem]:
    """A warning for every term (or `also` spelling) that no page text contains, in any
    spelling that would get the explanation; with the spelling the text does use, if any."""
    fixed = "\n".join(p.read_text(encoding="utf-8") for p in sorted(TEMPLATES.rglob("*.j2")))
    if content is not None and content.is_dir():
        fixed += "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in sorted(content.rglob("*.md")))
    doc = site.documents["organisations"]
    # An activity that names an organisation lists it, term and all, on its page.
    listed = {org for activity in site.all_activities for org in activity.organisations}
    ids = {o.id for o in site.organisations.organisations}
    warnings = []
    for index, organisation in enumerate(site.organisations.organisations):
        if organisation.id in listed:
            continue
        text = data_text(site, skip=("organisations", index)) + "\n" + fixed
        for position, term in enumerate([organisation.term, *organisation.also]):
            if _occurs(term, text) or any(_occurs(v, text) for v in case_variants(term, text)):
                continue
            path = ("organisations", index, "term") if position == 0 else ("organisations", index, "also", position - 1)
            line, column = doc.where(path)
            other = next((m.group(0) for m in re.finditer(rf"(?<!\w){re.escape(term)}(?!\w)", text, re.IGNORECASE)
                          if m.group(0) not in ids), None)
            if other:
                hint = (f"de tekst schrijft {other!r}; zet die schrijfwijze onder 'also' "
                        "(of schrijf de term zoals de tekst)")
            else:
                hint = "controleer de schrijfwijze, of haal de term weg als geen tekst hem gebruikt"
            warnings.append(Problem(doc.name, line, column, f"let op: de term {term!r} staat op geen enkele pagina",
                                    hint))
    return warnings


def editors_label(organisation: Organisation) -> str | None:
    """The label an expansion gets when the editors wrote it out and no source does."""
    return wording.EXPLAINED_BY_EDITORS if organisation.explained_by == "redactie" else None


def expansion_text(organisation: Organisation) -> str | None:
    """The expansion as a reader sees it beside or over the term: labelled when it is the editors'."""
    if organisation.expansion is None:
        return None
    label = editors_label(organisation)
    return f"{organisation.expansion} {label}" if label else organisation.expansion


def abbreviations(organisations: OrganisationsFile, text: str = "") -> dict[str, str]:
    """Python-Markdown `abbr` definitions by term, so every abbreviation is explained on hover.

    `text` is the data's text: an all-caps abbreviation that it writes capitalised as a
    name ('Novi' for NOVI) gets that spelling too (see generator/terms.py)."""
    written = {t for org in organisations.organisations for t in [org.term, *org.also]}
    definitions = {}
    for org in organisations.organisations:
        title = expansion_text(org) or org.description or org.note
        if title is None or not org.hover:
            continue
        own = {org.term, *org.also}
        for term in spellings(org, text):
            if term in own or term not in written:  # a spelling another term names is that term's
                definitions[term] = markdown.abbreviation_definition(term, title)
    return definitions
