"""Render page views into Markdown, one template per kind of page.

This module owns the Jinja `Environment`. The views (generator/pages/) hand each template
plain, ready-made values (titles, texts, relative links), so templates only lay them out.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Callable

import jinja2

from generator import markdown
from generator.load import collector_paused
from generator.views import VIEW_TYPES, View

TEMPLATES = Path(__file__).parent / "templates"
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]


@dataclass(frozen=True)
class Page:
    """One generated Markdown page."""

    path: str
    """Where it goes under the docs folder, e.g. `agenda/zorgstelsel.md`."""
    template: str
    """The template that lays it out."""
    title: str
    """The page title (h1, browser tab, navigation)."""
    view: View
    """What the template shows: an instance of the view type `VIEW_TYPES` declares for it."""
    origin: tuple[str, int] | None = None
    """The data file and line the page comes from, for its "bewerk" link."""
    tooltips: bool = True
    """Whether the page ends with the definitions of the abbreviations it uses, which the
    theme shows as tooltips. The glossary explains every term in its own text; its 69 tooltips
    only cost a phone's time (Lighthouse performance 94 there)."""


def environment() -> jinja2.Environment:
    """The one Jinja environment: every `{{ }}` is Markdown-escaped unless it is Markup."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        # Compiled templates are kept between runs (keyed by each template's checksum):
        # compiling them took a third of the generator's time at today's volume.
        bytecode_cache=jinja2.FileSystemBytecodeCache(),
        # Templates do not change during a run: no stat of the file on every page.
        auto_reload=False,
        autoescape=False,
        finalize=markdown.escape,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["paragraphs"] = markdown.paragraphs
    env.filters["link"] = markdown.link
    env.filters["anchor"] = markdown.anchor
    env.filters["css_string"] = markdown.css_string
    env.filters["front_matter_string"] = markdown.front_matter_string
    return env


def abbreviations_used(text: str, definitions: dict[str, str]) -> str:
    """The definitions of the terms that occur in `text`, for the end of that page.

    Only those: the `abbr` extension takes one definition at a time and has every block
    processor test the rest again, so fifty definitions on every page made a third of
    MkDocs' build time. A term counts when it occurs at all, whole word or not, across a
    line break too: one definition too many costs little, one too few would lose a hover."""
    return _finder(tuple(definitions.items()))(text)


@functools.cache
def _finder(definitions: tuple[tuple[str, str], ...]) -> Callable[[str], str]:
    """For one set of definitions: text → the definitions of the terms in it, in order.

    One regex for all terms, as written and as escaped in Markdown, instead of a substring
    search per term (several times faster at 10x the data). Each search starts one
    character after the last find, so terms that overlap are all found; at one place it
    finds the longest, and the terms inside that one count too (`inside`)."""
    if not definitions:
        return lambda text: ""
    owners: dict[str, set[int]] = {}
    for index, (term, _) in enumerate(definitions):
        for needle in (markdown.one_line(term), str(markdown.escape(term))):
            owners.setdefault(needle, set()).add(index)
    inside = {found: {i for needle, ids in owners.items() if needle in found for i in ids} for found in owners}
    longest_first = sorted(owners, key=lambda needle: (-len(needle), needle))
    search = re.compile("|".join(re.escape(n).replace("\\ ", r"\s+") for n in longest_first)).search
    lines = [line for _, line in definitions]

    def used(text: str) -> str:
        indexes: set[int] = set()
        match = search(text)
        while match:
            indexes |= inside[markdown.one_line(match.group())]
            match = search(text, match.start() + 1)
        return "".join(lines[i] + "\n" for i in sorted(indexes))

    return used


def with_abbreviations(text: str, definitions: dict[str, str]) -> str:
    """A page's Markdown ending with the definitions of the abbreviations it uses."""
    used = abbreviations_used(text, definitions)
    return f"{text.rstrip()}\n\n{used}" if used else text


def edit_url(edit_base: str, file: str, line: int | None = None) -> str:
    """Where an editor changes a file on the repository host, at the line when known."""
    return f"{edit_base.rstrip('/')}/{file}" + (f"#L{line}" if line else "")


def changed_line(day: str | None) -> str:
    """The page's "Laatst gewijzigd" line for a date `YYYY-MM-DD`, or nothing without one."""
    if not day:
        return ""
    year, month, date = (int(part) for part in day.split("-"))
    return f"\n*Laatst gewijzigd: {date} {MONTHS[month - 1]} {year}*{{ .gewijzigd }}\n"


@collector_paused()
def render_pages(generated: list[Page], definitions: dict[str, str] | None = None, edit_base: str = "",
                 changed: dict[str, str] | None = None, history: dict[str, str] | None = None) -> dict[str, str]:
    """Every generated page as {path under docs: Markdown text}, each ending with the
    definitions of the abbreviations it uses. `changed` gives, per page or else per data
    file, the day it last changed; a page says when it, or else its data file, did. `history` gives, per page, its
    "Wijzigingen op deze pagina" block (generator/history.py)."""
    env = environment()
    result = {}
    for page in generated:
        edit = edit_url(edit_base, *page.origin) if edit_base and page.origin else None
        day = (changed or {}).get(page.path) or ((changed or {}).get(page.origin[0]) if page.origin else None)
        text = env.get_template(page.template).render(page=page, edit=edit,
                                                      changed=(history or {}).get(page.path, "") + changed_line(day),
                                                      **view_names(page))
        result[page.path] = with_abbreviations(text, definitions or {}) if page.tooltips else text
    return result


def view_names(page: Page) -> dict[str, Any]:
    """The names a page's template reads at its top level: the fields of its view (one level
    deep: nested rows stay objects). A view of another type than the template declares is
    refused, so a template never meets a field its view does not have."""
    expected = VIEW_TYPES.get(page.template)
    if expected is None or type(page.view) is not expected:
        raise TypeError(f"{page.path}: {page.template} shows a {expected.__name__ if expected else '(no view type)'},"
                        f" not a {type(page.view).__name__}")
    return {f.name: getattr(page.view, f.name) for f in fields(page.view)}


def navigation(generated: list[Page], hand_written: list[str], order: dict[str, str], hidden: set[str]) -> list[Any]:
    """The `nav` of mkdocs.yml, mirroring the folders.

    `order` lists, in order, the folders (with their section label) and the top-level pages
    (with their label) that make up the navigation; hand-written pages follow. Pages in a
    folder named in `hidden` stay out of the navigation but for the folder's index, which
    stands as a plain page: they are reached through its links, and a menu that grows with
    the data would be repeated, whole, in every page.
    """
    tree: dict[str, Any] = {}
    for page in generated:
        parts = page.path.split("/")
        if parts[0] in hidden and parts[1:] != ["index.md"]:
            continue
        node = tree
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        # MkDocs' theme prints menu labels without escaping them.
        label = markdown.html_text(page.title)
        node.setdefault("", []).append(page.path if parts[-1] == "index.md" and len(parts) > 1 else {label: page.path})
    titles = {p.path: markdown.html_text(p.title) for p in generated}
    nav: list[Any] = []
    for key, label in order.items():
        if key.endswith(".md"):
            nav.append({label: key})
        elif key in tree:
            items = _nav_items(tree[key], titles)
            if len(items) == 1 and isinstance(items[0], dict):  # one period: its pages are the folder's
                items = next(iter(items[0].values()))
            nav.append({label: items[0] if items == [f"{key}/index.md"] else items})
    return nav + hand_written


def _nav_items(node: dict[str, Any], titles: dict[str, str]) -> list[Any]:
    items = list(node.get("", []))
    for name, child in node.items():
        if name:
            index = next((e for e in child.get("", []) if isinstance(e, str)), None)
            inner = _nav_items(child, titles)
            items.append({titles.get(index, name): index if inner == [index] else inner})
    return items
