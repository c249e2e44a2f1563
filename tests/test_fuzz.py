"""Fuzzing the loader, the validator and the renderer with generated input (hypothesis):
no traceback, no hang, every problem located, and whatever passes the check renders.

Deterministic (`derandomize`), so CI runs the same examples every time; bounded by the
number of examples, so the suite takes under a minute on two cores."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, event, example, given, settings
from lxml import html as lxml_html
from hypothesis import strategies as st

from generator import search
from generator.build import Project, checked_pages, prepare
from generator.errors import DataError, Problem
from generator.load import load_document
from generator.models import data_files
from generator.validate import load_site
from tests.conftest import FIXTURE_DATA, REPO, fixture_seeds
from tests.test_injection import PAYLOADS, set_at, string_paths

FUZZ = settings(max_examples=40, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

ISSUE_28 = ["Titel\ufffe", "x" * 100_000, "a\x00b", "a\x1b[2Kb", "Over\u061cde", "Over\u200bde", "Over\u2028de",
            "Over\ufeffde", "Over\U000e0041de", "\u041cKB", "\uff2d\uff2b\uff22", "Cafe\u0301", "woord " * 2000,
            "https://stedenagenda.example.nl@evil.example/", "<a href=\"java&#9;script:alert(1)\">x</a>",
            "ondermijningsfondsbestuursvoorzittersverkiezingscommissie" * 5]
"""The cases of issue 28 that passed the check and then broke the build, or should not have passed."""

hostile_text = st.one_of(
    st.text(max_size=200),
    st.sampled_from(ISSUE_28),
    st.text(alphabet=st.characters(categories=["Cf", "Zl", "Zp", "Co", "Cn"]), min_size=1, max_size=5).map(
        lambda invisible: f"Over{invisible}de G40"),
    st.integers(min_value=250, max_value=2000).map(lambda n: "ab" * n),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cc", "Cs"]), min_size=1, max_size=200),
    st.sampled_from(PAYLOADS),
    st.text(alphabet=st.sampled_from(list("[]{}:-#&*!|>'\"\\\n\t %@`?,") + ["\u202e", "\x00", "\x1b", "é"]),
            max_size=120),
)

scalars = st.one_of(st.none(), st.booleans(), st.integers(), hostile_text)
documents = st.recursive(scalars, lambda children: st.one_of(
    st.lists(children, max_size=5), st.dictionaries(hostile_text, children, max_size=5)), max_leaves=30)


def located_in(problem: Problem, text: str) -> bool:
    """A problem points at a real place in the file (line 0 only for whole-file problems)."""
    lines = text.count("\n") + 2
    return (problem.line == 0 and problem.column == 0) or (1 <= problem.line <= lines and problem.column >= 1)


def with_data(change) -> tuple[Path, list[Problem], Any]:
    """A copy of the fixture's data (tests/fixture/: every kind of record, a third of the
    real data's size, so each example is quick), changed; its problems (check) and, when
    there are none, its prepared pages (build)."""
    root = Path(tempfile.mkdtemp(prefix="fuzz-"))
    try:
        shutil.copytree(FIXTURE_DATA, root / "data")
        shutil.copytree(REPO / "content", root / "content")
        shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
        change(root / "data")
        with fixture_seeds():
            site, problems = load_site(root / "data")
            if problems:
                return root, problems, None
            try:
                checked_pages(site)
            except DataError as exc:
                return root, exc.problems, None
            return root, [], prepare(Project(root))
    finally:
        shutil.rmtree(root, ignore_errors=True)


@FUZZ
@given(text=st.one_of(st.text(max_size=2000), st.binary(max_size=2000).map(lambda b: b.decode("latin-1"))))
def test_any_text_loads_or_gives_located_problems(tmp_path_factory, text: str) -> None:
    path = tmp_path_factory.mktemp("doc") / "about.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogateescape")
    doc, problems = load_document(path, "data/about.yaml")
    assert all(located_in(p, text) for p in problems), problems
    assert all(len(str(p)) < 1000 for p in problems)


@FUZZ
@given(name=st.sampled_from(sorted(data_files(FIXTURE_DATA))), document=documents)
def test_any_yaml_document_in_any_data_file_is_checked_without_a_traceback(name: str, document: Any) -> None:
    text = yaml.safe_dump(document, allow_unicode=True)

    def change(data: Path) -> None:
        (data / f"{name}.yaml").write_text(text, encoding="utf-8")

    _, problems, _ = with_data(change)
    assert problems, "a random document is not valid data"
    assert all(p.file == f"data/{name}.yaml" or p.file.startswith("data/") for p in problems)
    assert all(located_in(p, text) for p in problems if p.file == f"data/{name}.yaml"), problems


def prose_field_names() -> set[str]:
    """Names of model fields that take free text (Name or Text): where an editor types."""
    from generator import models

    names = set()
    for model in vars(models).values():
        if isinstance(model, type) and issubclass(model, models.Model):
            for field_name, field in model.model_fields.items():
                if "_plain_text" in repr(field.annotation) + repr(field.metadata):
                    names.add(field_name)
    return names


REAL = {name: load_document(FIXTURE_DATA / f"{name}.yaml", name)[0].data for name in data_files(FIXTURE_DATA)}
"""The fixture's data (the name is older than the fixture: the fuzzer changes a copy of it)."""
PROSE = prose_field_names()
TEXT_FIELDS = [(name, path) for name in sorted(REAL) for path, _ in string_paths(REAL[name])
               if next((part for part in reversed(path) if isinstance(part, str)), None) in PROSE]


def later_stages(prepared) -> None:
    """What broke after a passing check, run on the generated pages without MkDocs or
    Chromium: the search index over every word (a long word overflowed its recursion) and
    every page's text handed to lxml, as printing does (a noncharacter made lxml refuse).
    MkDocs and Chromium are left out: they take a minute per build, and they read only the
    Markdown and HTML these stages read, which escaping makes inert (tests/test_injection.py)."""
    texts = {path: body.decode("utf-8") for path, body in prepared.files.items() if path.endswith(".md")}
    pages = [search.PageText(url=path, title=path, parts=[(search.BODY, text)]) for path, text in texts.items()]
    assert search.index_files(search.build_index(pages))
    for text in texts.values():
        lxml_html.Element("p").text = text


def with_issue_28(test):
    """Each case of issue 28 alone in the about page's title, a field that takes any text
    (other fields may refuse a value for another reason, e.g. a name not in its passage)."""
    for value in ISSUE_28:
        test = example(targets=[TEXT_FIELDS[0]], values=[value] * 4).via("issue 28")(test)
    return test


@settings(FUZZ, max_examples=24)
@given(targets=st.lists(st.sampled_from(TEXT_FIELDS), min_size=1, max_size=4, unique=True),
       values=st.lists(hostile_text, min_size=4, max_size=4))
@with_issue_28
def test_whatever_passes_the_check_renders(targets, values) -> None:
    """If the check accepts the data, the build completes: the pages render and the stages
    after them that broke (search, lxml) run. Bounded: the issue's cases and 24 generated
    examples on the fixture data."""
    def change(data: Path) -> None:
        changed = {name: yaml.safe_load(yaml.safe_dump(REAL[name])) for name, _ in targets}
        for (name, path), value in zip(targets, values):
            set_at(changed[name], path, value)
        for name, document in changed.items():
            (data / f"{name}.yaml").write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False),
                                               encoding="utf-8")

    _, problems, prepared = with_data(change)
    event("valid" if not problems else "refused")
    if problems:
        assert all(p.line >= 1 for p in problems if p.file.startswith("data/")), problems
    else:
        assert prepared.pages, "a valid change renders every page"
        later_stages(prepared)
