"""References and passage rules live on the model fields (generator.markers); one generic
pass checks them (generator.references). These tests keep the declarations complete and
show that a new reference field needs no change to the validator."""

from __future__ import annotations

import dataclasses
import typing
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, StringConstraints

from generator import references
from generator.build import Project
from generator.load import load_document
from generator.markers import Ref
from generator.models import SLUG_PATTERN, Name, PeopleFile, Person, Slug
from generator.references import CHECKED_TEXT, TARGETS, all_models, field_marks, reference_problems
from generator.validate import load_site
from tests.conftest import REPO
from tests.test_check import replace_in, run_check

SITE, _PROBLEMS = load_site(REPO / "data")
assert SITE is not None, _PROBLEMS

TARGET_WORDS = {word for target in TARGETS.values() for word in target.words}
"""Field names (or their last word) that say a field holds ids or names of a target."""


def _leaves(annotation: Any) -> list[Any]:
    """The innermost types of a field (inside lists, unions and Annotated), with their Annotated metadata."""
    if typing.get_origin(annotation) is Annotated:
        inner = typing.get_args(annotation)[0]
        if not typing.get_args(inner):
            return [annotation]
        return _leaves(inner)
    args = typing.get_args(annotation)
    return [leaf for arg in args for leaf in _leaves(arg)] if args else [annotation]


def _is_slug(leaf: Any) -> bool:
    return typing.get_origin(leaf) is Annotated and any(
        isinstance(m, StringConstraints) and m.pattern == SLUG_PATTERN for m in leaf.__metadata__)


def _holds_text(leaf: Any) -> bool:
    base = typing.get_args(leaf)[0] if typing.get_origin(leaf) is Annotated else leaf
    return base is str


def undeclared_fields(models: list[type[BaseModel]]) -> list[str]:
    """`Model.field` for every field that holds ids or names and declares neither `Ref` nor
    `NotARef`: a slug other than the record's own `id`, or text named after a target
    (`city`, `organisations`, `author`, …)."""
    found = []
    for model in models:
        hints = typing.get_type_hints(model, include_extras=True)
        marks = field_marks(model)
        for name in model.model_fields:
            leaves = _leaves(hints[name])
            slug = name != "id" and any(_is_slug(leaf) for leaf in leaves)
            named = name.split("_")[-1] in TARGET_WORDS and any(_holds_text(leaf) for leaf in leaves)
            declared = name in marks and (marks[name].ref or marks[name].not_a_ref)
            if (slug or named) and not declared:
                found.append(f"{model.__name__}.{name}")
    return found


def test_every_id_or_name_field_declares_what_it_is() -> None:
    """A field holding ids or names carries `Ref(target)` or `NotARef(reason)`: a new
    reference field cannot be left unchecked by forgetting it."""
    models = all_models()
    assert len(models) > 30
    assert undeclared_fields(models) == []


def test_an_undeclared_reference_field_is_noticed() -> None:
    class Club(BaseModel):
        id: Slug
        organisations: list[Slug] = []
        chair: Slug
        city: Name
        name: Name

    assert undeclared_fields([Club]) == ["Club.organisations", "Club.chair", "Club.city"]


def test_every_marker_names_what_exists() -> None:
    """Every `Ref` names a declared target; a name rule on a reference has a name to look up;
    a rule `make check` refuses has its Dutch message; `NotARef` says why."""
    for model in all_models():
        for name, marks in field_marks(model).items():
            where = f"{model.__name__}.{name}"
            assert not (marks.ref and marks.not_a_ref), where
            if marks.ref:
                assert marks.ref.target in TARGETS, where
                if marks.in_passage:
                    assert TARGETS[marks.ref.target].name_field, where
            if marks.not_a_ref:
                assert len(marks.not_a_ref.reason) > 10, where
            if marks.in_passage and marks.in_passage.checked:
                assert marks.in_passage.checked in CHECKED_TEXT, where
                assert marks.in_passage.how == "exact", where


def test_every_target_is_referred_to() -> None:
    used = {marks.ref.target for model in all_models() for marks in field_marks(model).values() if marks.ref}
    assert used == set(TARGETS)


def test_every_reference_of_the_real_data_is_walked() -> None:
    """The generic pass reaches references at every depth: a session item, a city role,
    a nutshell line, a passage's source."""
    walked = {(name, m.field) for name, model in SITE.models.items()
              for m in references.marked_values(model) if m.marks.ref}
    assert {("sessions", "theme"), ("sessions", "archive"), ("jaarverslagen/2021/activities", "city"),
            ("agenda/2019-2022", "target"), ("people", "source"), ("cities", "source")} <= walked
    assert len([m for model in SITE.models.values() for m in references.marked_values(model) if m.marks.ref]) > 700


# --- a new reference field is checked without touching the validator ----------------


class PersonWithOrganisations(Person):
    """A throwaway model: `Person` with a new reference field, declared only here."""

    organisations: list[Annotated[Slug, Ref("organisations")]] = []


class PeopleWithOrganisations(PeopleFile):
    people: list[PersonWithOrganisations]  # type: ignore[assignment]


def test_a_new_reference_field_is_checked_without_touching_the_validator(tmp_path: Path) -> None:
    text = (REPO / "data" / "people.yaml").read_text(encoding="utf-8")
    old = '    role: "voorzitter Stedennetwerk G40"\n'
    assert old in text
    path = tmp_path / "people.yaml"
    path.write_text(text.replace(old, old + "    organisations: [g40, vgn]\n", 1), encoding="utf-8")
    doc, found = load_document(path, "data/people.yaml")
    assert not found
    people = PeopleWithOrganisations.model_validate(doc.data)
    site = dataclasses.replace(SITE, models={**SITE.models, "people": people},
                               documents={**SITE.documents, "people": doc})

    problems = list(reference_problems(site))

    line = text[:text.index(old)].count("\n") + 2  # the line after the role
    assert [str(p) for p in problems] == [
        f"data/people.yaml:{line}:26: onbekende organisatie 'vgn' — bedoelde je 'vng'?"]


# --- membership ---------------------------------------------------------------------


def test_a_city_not_in_the_sources_member_list_is_refused(project: Project) -> None:
    """Den Haag as a 41st member: both member lists in the sources leave it out."""
    replace_in(project.data / "cities.yaml", "  - id: delft\n",
               '  - id: den-haag\n    name: "Den Haag"\n    province: Zuid-Holland\n  - id: delft\n')
    code, output = run_check(project)
    assert code == 1
    lines = (project.data / "cities.yaml").read_text(encoding="utf-8").splitlines()
    line = lines.index('    name: "Den Haag"') + 1
    assert output == (
        f"data/cities.yaml:{line}:11: 'Den Haag' staat niet in de ledenlijst van de G40 in strategische-agenda "
        "(De werkwijze van de G40: De gemeenten van de G40) en jaarverslag-2021 (Informatie over de G40-steden) — "
        "alleen gemeenten die de bronnen als lid noemen horen in data/cities.yaml; schrijf de naam precies zoals "
        "de ledenlijst (de passages bij 'membership')\n1 fout in 1 bestand; er is niets gebouwd.\n")


def test_a_member_is_matched_as_a_whole_name() -> None:
    """'Venl' is not Venlo: a name stands in the member list only as whole words."""
    from generator.passages import fold

    listed = [fold("Oss, Roosendaal, Sittard-Geleen, Schiedam, Tilburg, Venlo, ’s-Hertogenbosch")]
    assert references.stands_in("Venlo", listed) and references.stands_in("'s-Hertogenbosch", listed)
    assert not references.stands_in("Venl", listed) and not references.stands_in("Geleen-Sittard", listed)


def test_the_city_pages_count_the_members_from_the_data(project: Project) -> None:
    """'een van de veertig gemeenten' is the number of cities in the data, each of which the
    check finds in the sources' member list: one city fewer reads 'negenendertig'."""
    from generator.pages import pages
    from generator.render import render_pages

    referred = {m.value for model in SITE.models.values() for m in references.marked_values(model)
                if m.marks.ref and m.marks.ref.target == "cities"}
    unused = next(c for c in SITE.cities.cities if c.id not in referred)
    path = project.data / "cities.yaml"
    text = path.read_text(encoding="utf-8")
    block = f'  - id: {unused.id}\n    name: "{unused.name}"\n    province: {unused.province}\n'
    assert block in text
    path.write_text(text.replace(block, ""), encoding="utf-8")
    site, problems = load_site(project.data)
    assert site is not None, problems

    for data, words in ((SITE, "veertig"), (site, "negenendertig")):
        generated = pages(data)
        rendered = render_pages([p for p in generated if p.path == "steden/breda.md"])
        assert f"**Breda** is een van de {words} gemeenten van het Stedennetwerk G40." in rendered["steden/breda.md"]
        index = next(p for p in generated if p.path == "steden/index.md")
        assert index.view.description == f"De {words} gemeenten van het Stedennetwerk G40, met hun provincie."


def test_every_target_says_which_file_it_reads() -> None:
    """`Target.reads` lets `make check` skip references into a file it could not read
    (instead of calling every such id unknown): each target names a data file or folder."""
    from generator.models import AGENDA_FOLDER, FILE_MODELS, REPORT_FOLDER
    from generator.references import TARGETS

    assert {name: target.reads for name, target in TARGETS.items()
            if target.reads not in {*FILE_MODELS, AGENDA_FOLDER, REPORT_FOLDER}} == {}
