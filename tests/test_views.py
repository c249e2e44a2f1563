"""Typed views: every page template declares its view (generator/views.py `VIEW_TYPES`),
reads nothing its view does not declare, and gets nothing else when rendered."""

from __future__ import annotations

import dataclasses
import types
import typing
from pathlib import Path
from typing import Any, Union

import jinja2
import pytest
from markupsafe import Markup
from pydantic import BaseModel

from generator import passages
from generator.pages import pages
from generator.render import TEMPLATES, Page, environment, render_pages
from generator.validate import load_site
from generator.views import VIEW_TYPES, AgendaView, SourcesView, View
from tests import periods
from tests.conftest import REPO
from tests.template_reads import undeclared_reads, view_names

PAGE_TEMPLATES = sorted(p.name for p in TEMPLATES.glob("*.md.j2") if p.name != "base.md.j2")
"""Every page template: all but the frame they extend (and the partials they include)."""


def test_every_page_template_declares_its_view_type() -> None:
    assert sorted(VIEW_TYPES) == PAGE_TEMPLATES
    assert all(issubclass(view, View) and view.__dataclass_params__.frozen for view in VIEW_TYPES.values())


@pytest.mark.parametrize("template", PAGE_TEMPLATES)
def test_no_template_reads_what_its_view_does_not_declare(template: str) -> None:
    assert undeclared_reads(environment(), template, view_names(VIEW_TYPES[template])) == []


@pytest.mark.parametrize("source, problem", [
    ("{{ nope }}", "reads 'nope', which its view does not declare"),
    ("{{ agenda.nope }}", "reads '.nope', which AgendaFile does not declare"),
    ("{{ agenda.mission.quote.nope }}", "reads '.nope', which Quote does not declare"),
    ("{% for t in themes %}{{ t.nope }}{% endfor %}", "reads '.nope', which ThemeRow does not declare"),
    ("{% for t in agenda.themes %}{% for s in t.speerpunten %}{{ s.nope|link(s.title) }}{% endfor %}{% endfor %}",
     "reads '.nope', which Speerpunt does not declare"),
    ("{% with x = agenda.werkwijze %}{% include 'part' %}{% endwith %}", "reads '.nope', which Werkwijze does not"),
    ("{{ page.nope }}", "reads '.nope', which Page does not declare"),
    ("{{ other_agendas.title }}", "reads '.title' of a tuple"),
    ("{{ changes_url.title }}", "reads '.title' of a str"),
    ("{% if dataset is defined %}{{ dataset.nope }}{% endif %}", "reads '.nope', which Dataset does not declare"),
])
def test_the_check_finds_a_read_the_view_does_not_declare(source: str, problem: str) -> None:
    env = jinja2.Environment(loader=jinja2.DictLoader({"page": source, "part": "{{ x.nope }}"}))
    env.filters["link"] = lambda text, url: text
    found = undeclared_reads(env, "page", view_names(AgendaView))
    assert len(found) == 1 and problem in found[0], found


def test_the_check_passes_what_the_view_declares() -> None:
    source = ("{{ page.title }}{{ agenda.mission.quote.by if agenda.mission.quote }}{% for t in themes %}"
              "{{ t.title|link(t.url) }}{{ loop.index }}{% endfor %}{% for r in references %}{{ r.anchor }}{% endfor %}")
    env = jinja2.Environment(loader=jinja2.DictLoader({"page": source}))
    env.filters["link"] = lambda text, url: text
    assert undeclared_reads(env, "page", view_names(AgendaView)) == []


def test_rendering_refuses_a_view_of_another_type() -> None:
    view = SourcesView(intro="Een inleiding.", rows=(), description="Een beschrijving.")
    assert render_pages([Page("bronnen/index.md", "sources.md.j2", "Bronnen", view)])
    with pytest.raises(TypeError, match="home.md.j2 shows a HomeView, not a SourcesView"):
        render_pages([Page("index.md", "home.md.j2", "Stedenagenda G40", view)])


def _conforms(value: Any, annotation: Any, where: str) -> list[str]:
    """Where `value` is not what `annotation` declares, looking inside tuples and dataclasses."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if annotation is Any:
        return []
    if origin in (Union, types.UnionType):
        tries = [_conforms(value, a, where) for a in args]
        return [] if any(not t for t in tries) else min(tries, key=len)
    if origin is tuple:
        if not isinstance(value, tuple):
            return [f"{where}: {type(value).__name__}, not a tuple"]
        return [p for i, item in enumerate(value) for p in _conforms(item, args[0], f"{where}[{i}]")]
    if annotation is type(None):
        return [] if value is None else [f"{where}: {value!r}, not None"]
    if not isinstance(value, annotation):
        return [f"{where}: {type(value).__name__}, not a {annotation.__name__}"]
    if dataclasses.is_dataclass(annotation):
        hints = typing.get_type_hints(type(value))
        return [p for f in dataclasses.fields(value)
                for p in _conforms(getattr(value, f.name), hints[f.name], f"{where}.{f.name}")]
    assert issubclass(annotation, (str, int, Markup, BaseModel)), annotation
    return []


def _generated(data: Path) -> list[Page]:
    site, problems = load_site(data)
    assert not problems and site is not None
    return pages(site)


@pytest.fixture(scope="module")
def two_periods_data(tmp_path_factory: pytest.TempPathFactory) -> typing.Iterator[Path]:
    root, seeds = periods.copy_with_second_period(tmp_path_factory.mktemp("periods"))
    before = passages.SEEDS
    passages.SEEDS = seeds
    try:
        yield root / "data"
    finally:
        passages.SEEDS = before


def test_every_view_holds_what_it_declares(two_periods_data: Path) -> None:
    """Deep: every row, link and reference of every page is of its declared type (a dict or
    list where a row or tuple is declared fails), on the real data and with two periods
    (which adds the comparison page)."""
    generated = [*_generated(REPO / "data"), *_generated(two_periods_data)]
    assert {page.template for page in generated} == set(VIEW_TYPES) - {"cover.md.j2"}
    for page in generated:
        assert _conforms(page.view, VIEW_TYPES[page.template], page.path) == []
