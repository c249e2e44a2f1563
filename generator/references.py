"""References and passage rules, read from the markers on the model fields.

A field declares what it holds (`generator.markers`): `Ref("cities")` for the id of a city,
`InPassage()` for a name that must stand in the record's cited passage. This module walks
every validated model once, with the path of each value (so `Document.where` gives its
line and column), and

- checks every `Ref` against the ids of its target (`TARGETS`, declared once here);
- lists the passage facts (`facts`): the passage test checks them all, `make check` those
  marked `checked` (a city that is not in the sources' member list).

A new reference field is checked as soon as it carries its marker: nothing here changes.
"""

from __future__ import annotations

import difflib
import functools
import re
import typing
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator

from pydantic import BaseModel

from generator.errors import Problem
from generator.load import Document, Path_, quoted
from generator.markers import InForce, InPassage, NotARef, Ref
from generator.models import AGENDA_FOLDER, RANDVOORWAARDEN_ID, REPORT_FOLDER, Passage

if TYPE_CHECKING:
    from generator.validate import AgendaPeriod, ReportYear, Site


# --- the markers of a model's fields ---------------------------------------------------


@dataclass(frozen=True)
class Marks:
    """What one field of a model declares."""

    ref: Ref | None = None
    not_a_ref: NotARef | None = None
    in_passage: InPassage | None = None
    in_force: bool = False


def _markers(annotation: Any) -> Iterator[Any]:
    """Every marker in a type, however deep (`list[Annotated[Slug, Ref(…)]] | None`)."""
    if typing.get_origin(annotation) is typing.Annotated:
        yield from (m for m in annotation.__metadata__ if isinstance(m, (Ref, NotARef, InPassage, InForce)))
    for arg in typing.get_args(annotation):
        yield from _markers(arg)


@functools.cache
def field_marks(model: type[BaseModel]) -> dict[str, Marks]:
    """The marks of every field of `model` that declares one."""
    hints = typing.get_type_hints(model, include_extras=True)
    marks: dict[str, Marks] = {}
    for name in model.model_fields:
        found = list(_markers(hints[name]))
        if found:
            marks[name] = Marks(
                ref=next((m for m in found if isinstance(m, Ref)), None),
                not_a_ref=next((m for m in found if isinstance(m, NotARef)), None),
                in_passage=next((m for m in found if isinstance(m, InPassage)), None),
                in_force=any(isinstance(m, InForce) for m in found))
    return marks


def all_models() -> list[type[BaseModel]]:
    """Every model a data file can hold, each once: the files' models and those inside them."""
    from generator.models import SCHEMA_NAMES

    found: list[type[BaseModel]] = []

    def visit(annotation: Any) -> None:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            if annotation not in found:
                found.append(annotation)
                for hint in typing.get_type_hints(annotation).values():
                    visit(hint)
        for arg in typing.get_args(annotation):
            visit(arg)

    for model in SCHEMA_NAMES.values():
        visit(model)
    return found


@dataclass(frozen=True)
class Marked:
    """One value of a marked field, where it stands."""

    path: Path_
    """From the file's root to the value (a list item's index included)."""
    records: tuple[BaseModel, ...]
    """The records from the file's root to the one holding the field."""
    steps: tuple[Path_, ...]
    """The path of each of `records` from the root."""
    field: str
    """The field's name."""
    marks: Marks
    value: Any


def marked_values(model: BaseModel) -> Iterator[Marked]:
    """Every value of every marked field inside a model, with its path and its records."""
    yield from _walk(model, (), (), ())


def _walk(value: Any, path: Path_, records: tuple[BaseModel, ...], steps: tuple[Path_, ...]) -> Iterator[Marked]:
    if isinstance(value, BaseModel):
        records, steps = records + (value,), steps + (path,)
        marks = field_marks(type(value))
        for name in type(value).model_fields:
            item = getattr(value, name)
            if name in marks and item is not None:
                items = enumerate(item) if isinstance(item, list) else [(None, item)]
                for index, one in items:
                    here = path + (name,) if index is None else path + (name, index)
                    yield Marked(here, records, steps, name, marks[name], one)
            yield from _walk(item, path + (name,), records, steps)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, path + (index,), records, steps)


# --- the targets of references ---------------------------------------------------------


@dataclass(frozen=True)
class Scope:
    """The agenda and report a reference is read in (ids stay stable across periods)."""

    agenda: AgendaPeriod
    report: ReportYear


@dataclass(frozen=True)
class Target:
    """What a `Ref` can point at."""

    unknown: str
    """The start of the message for an id that is not there ("onbekende stad")."""
    records: Callable[[Site, Scope], dict[str, Any]]
    """Its records by id, in a scope."""
    words: tuple[str, ...]
    """Field names (or their last word) that hold such ids or names: such a field declares
    `Ref` or `NotARef` (tests/test_references.py)."""
    name_field: str | None = None
    """The field whose value stands in the passage, for an `InPassage` on a `Ref`."""
    reads: str = ""
    """The data file (or folder of files) its records come from: when that file could not be
    read, references to it are not checked (`make check` reports that file's own errors)."""


def _groups(report: ReportYear) -> dict[str, Any]:
    return {g.id: g for p in report.report.pillars for g in p.groups}


TARGETS: dict[str, Target] = {
    "sources": Target("onbekende bron", lambda site, _: {s.id: s for s in site.sources.sources}, ("source", "sources"), reads="sources"),
    "cities": Target("onbekende stad", lambda site, _: {c.id: c for c in site.cities.cities}, ("city", "cities"),
                     name_field="name", reads="cities"),
    "people": Target("onbekende persoon", lambda site, _: {p.id: p for p in site.people.people},
                     ("person", "people", "author"), name_field="name", reads="people"),
    "organisations": Target("onbekende organisatie",
                            lambda site, _: {o.id: o for o in site.organisations.organisations},
                            ("organisation", "organisations"), name_field="term", reads="organisations"),
    "activities": Target("onbekende activiteit", lambda site, _: {a.id: a for a in site.all_activities},
                         ("activity", "activities"), reads=REPORT_FOLDER),
    "year-activities": Target("onbekende activiteit",
                              lambda _, scope: {a.id: a for a in scope.report.activities.activities},
                              ("highlights",), reads=REPORT_FOLDER),
    "archive": Target("onbekend archiefstuk", lambda site, _: {d.id: d for d in site.archive.documents},
                      ("archive", "document", "documents"), reads="archive"),
    "themes": Target("onbekend thema", lambda _, scope: {t.id: t for t in scope.agenda.agenda.themes}, ("see",), reads=AGENDA_FOLDER),
    "chapters": Target("onbekend thema",
                       lambda _, scope: {**{t.id: t for t in scope.agenda.agenda.themes}, RANDVOORWAARDEN_ID: None},
                       ("theme", "themes", "target", "chapter", "chapters"),
                       reads=AGENDA_FOLDER),
    "pillars": Target("onbekende pijler", lambda _, scope: {p.id: p for p in scope.report.report.pillars},
                      ("pillar", "pillars"), reads=REPORT_FOLDER),
    "groups": Target("onbekende themagroep", lambda _, scope: _groups(scope.report), ("group", "groups"),
                    reads=REPORT_FOLDER),
    "groups-and-foreword": Target("onbekende themagroep",
                                  lambda _, scope: {**_groups(scope.report),
                                                    scope.report.report.foreword.id: scope.report.report.foreword},
                                  ("group",), reads=REPORT_FOLDER),
}
"""Every target a `Ref` may name, with how to collect its ids from the site. Targets of one
agenda or report (themes, groups) are read in the record's scope: the agenda of its own file,
the report of its own year, or for other files the agenda and report in force in the year of
their source (`source`) or of a record's `InForce` date (a session)."""


def _file_scope(site: Site, name: str) -> Scope:
    """The agenda and report a data file's references are read in."""
    folder = name.split("/")[0]
    if folder == AGENDA_FOLDER:
        agenda = next(a for a in site.agendas if a.name == name)
        return Scope(agenda, site.report_at(agenda.first_year))
    if folder == REPORT_FOLDER:
        year = int(name.split("/")[1])
        return Scope(site.agenda_at(year), next(y for y in site.years if y.year == year))
    source = getattr(site.models[name], "source", None)
    year = site.source_year(source) if isinstance(source, str) else None
    return Scope(site.agenda_at(year), site.report_at(year))


def _scope(site: Site, file_scope: Scope, records: tuple[BaseModel, ...]) -> Scope:
    """The file's scope, unless a record around the value has an `InForce` date (the innermost wins)."""
    for record in reversed(records):
        for name, marks in field_marks(type(record)).items():
            if marks.in_force:
                date = getattr(record, name)
                year = int(date[:4]) if date else None
                return Scope(site.agenda_at(year), site.report_at(year))
    return file_scope


def reference_problems(site: Site, unread: frozenset[str] = frozenset()) -> Iterator[Problem]:
    """A located problem for every `Ref` whose id is not among its target's; references to
    targets whose file (or folder, see `Target.reads`) is in `unread` are not checked."""
    for name, model in site.models.items():
        doc = site.documents[name]
        file_scope = _file_scope(site, name)
        for marked in marked_values(model):
            ref = marked.marks.ref
            if ref is None or TARGETS[ref.target].reads in unread:
                continue
            target = TARGETS[ref.target]
            known = target.records(site, _scope(site, file_scope, marked.records))
            if marked.value not in known:
                yield unknown_id(doc, marked.path, marked.value, set(known), target.unknown)


def unknown_id(doc: Document, path: Path_, value: str, known: set[str], unknown: str) -> Problem:
    """`unknown` names the kind ("onbekende bron"); the hint suggests the closest id."""
    line, column = doc.where(path)
    hint = suggestion(value, sorted(known)) or f"bekende ids: {', '.join(sorted(known))}"
    return Problem(doc.name, line, column, f"{unknown} {quoted(value)}", hint)


def suggestion(wrong: str, choices: Iterable[str]) -> str:
    """'bedoelde je …?' for the closest choice, or an empty string."""
    if len(wrong) > 100:  # difflib is quadratic: a pasted paragraph would stall the check
        return ""
    close = difflib.get_close_matches(wrong, list(choices), n=1, cutoff=0.6)
    return f"bedoelde je {quoted(close[0])}?" if close else ""


# --- passage facts -------------------------------------------------------------------------


@dataclass(frozen=True)
class Fact:
    """Words that must stand in the passages a record cites."""

    file: str
    """The data file (`agenda/<period>`)."""
    path: Path_
    """Where the value stands in it."""
    text: str
    """The value (for `quoted`, the whole text; for `date`, the partial date)."""
    rule: InPassage
    """The field's rule."""
    cited: tuple[Passage, ...]
    """The passages it must stand in."""
    alternatives: tuple[str, ...] = ()
    """Other words that count too (an abbreviation's other spellings and its expansion)."""
    field: str = ""
    """The declaring field, `Model.field`."""

    @property
    def where(self) -> str:
        return f"{self.file} " + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in self.path).lstrip(".")


def facts(site: Site) -> Iterator[Fact]:
    """Every passage fact the models' `InPassage` markers declare, over all data files."""
    for name, model in site.models.items():
        for marked in marked_values(model):
            rule = marked.marks.in_passage
            if rule is None or not _applies(rule, marked.records[-1]):
                continue
            cited = _cited(rule, marked)
            if not cited:
                continue  # a record that cites nothing (an organisation the sources only name)
            if marked.marks.ref is None:
                text, alternatives = marked.value, _values(marked.records[-1], rule.alternatives)
            else:
                target = TARGETS[marked.marks.ref.target]
                assert target.name_field, f"{marked.marks.ref.target} has no name_field for InPassage"
                record = target.records(site, _file_scope(site, name))[marked.value]
                text, alternatives = getattr(record, target.name_field), _values(record, rule.alternatives)
            for group in ([(p,) for p in cited] if rule.each else [cited]):
                yield Fact(name, marked.path, text, rule, group, alternatives,
                           f"{type(marked.records[-1]).__name__}.{marked.field}")


def _applies(rule: InPassage, record: BaseModel) -> bool:
    if rule.when is not None and getattr(record, rule.when[0]) != rule.when[1]:
        return False
    return not (rule.unless and getattr(record, rule.unless))


def _values(record: Any, fields: tuple[str, ...]) -> tuple[str, ...]:
    """The values of `fields` of a record, lists flattened, unset ones left out."""
    found: list[str] = []
    for field in fields:
        value = getattr(record, field)
        found += value if isinstance(value, list) else [value] if value else []
    return tuple(found)


def _cited(rule: InPassage, marked: Marked) -> tuple[Passage, ...]:
    """The passages of the nearest record (this one first) that has the rule's `cited` field
    set; where that field groups passages per part (a theme's `passages.intro`, `.why`, …),
    the part named after the field the value sits under."""
    first, *rest = rule.cited.split(".")
    for record, step in zip(reversed(marked.records), reversed(marked.steps)):
        value = getattr(record, first, None)
        for part in rest:
            value = getattr(value, part, None)
        if isinstance(value, BaseModel) and not isinstance(value, Passage):
            below = marked.path[len(step)]
            value = getattr(value, below, None) if isinstance(below, str) else None
        if isinstance(value, Passage):
            return (value,)
        if value:
            return tuple(value)
    return ()


def stands_in(words: str, texts: Iterable[str]) -> bool:
    """Whether the folded words stand, as whole words, in one of the folded texts."""
    from generator.passages import fold

    pattern = re.compile(rf"(?<!\w){re.escape(fold(words))}(?!\w)")
    return any(pattern.search(text) for text in texts)


CHECKED_TEXT: dict[str, tuple[str, str]] = {
    "member": ("staat niet in de ledenlijst van de G40 in",
               "alleen gemeenten die de bronnen als lid noemen horen in data/cities.yaml; schrijf de naam precies "
               "zoals de ledenlijst (de passages bij 'membership')"),
    "role-city": ("staat niet in de passage van deze rol:",
                  "geef de rol een eigen passage ('passages' bij de stad) waarin de bron de stad bij naam noemt, "
                  "of laat de stad weg als de bron haar niet noemt"),
}
"""The Dutch message and hint per `InPassage.checked` key."""


def checked_fact_problems(site: Site) -> Iterator[Problem]:
    """A located problem for every value marked `checked` whose words are not in each of its
    passages (resolved: run after the passages themselves are found), naming where they are not."""
    from generator.passages import fold, resolved

    missing: dict[tuple[str, Path_], list[Fact]] = {}
    for fact in facts(site):
        if not fact.rule.checked:
            continue
        assert fact.rule.how == "exact", "only exact facts are checked by make check"
        texts = [fold(resolved(site, p).text) for p in fact.cited]
        if not any(stands_in(w, texts) for w in (fact.text, *fact.alternatives)):
            missing.setdefault((fact.file, fact.path), []).append(fact)
    for (file, path), found in missing.items():
        doc, fact = site.documents[file], found[0]
        message, hint = CHECKED_TEXT[fact.rule.checked or ""]
        places = " en ".join(dict.fromkeys(f"{p.source} ({p.place})" for f in found for p in f.cited))
        line, column = doc.where(path)
        yield Problem(doc.name, line, column, f"{quoted(fact.text)} {message} {places}", hint)
