"""Every path a build writes is registered once (generator/outputs.py): two outputs at one
path are a located Dutch error naming both data lines, before anything is written."""

from __future__ import annotations

import re

import pytest

from generator import outputs
from generator.build import Project, generate, planned_outputs, prepare
from generator.errors import DataError

NEW_SESSION = """
  - id: volledige-agenda-05-talent
    title: "Talent"
    body: "Stedennetwerk G40"
    letter: "De stukken over talent."
    items:
      - theme: talent
"""
"""A session whose PDF, `volledige-agenda-05-talent.pdf`, is the PDF of item 5 (talent) of
the session `volledige-agenda`."""


def test_a_session_whose_files_take_another_sessions_item_pdf_is_refused_at_both_lines(project: Project) -> None:
    path = project.data / "sessions.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    item_line = next(n for n, line in enumerate(lines, start=1) if line.strip() == "- theme: talent")
    path.write_text("\n".join(lines) + "\n" + NEW_SESSION, encoding="utf-8")
    id_line = len(lines) + 2
    assert path.read_text(encoding="utf-8").splitlines()[id_line - 1].strip() == "- id: volledige-agenda-05-talent"
    with pytest.raises(DataError) as caught:
        generate(project)  # what `make site` and `make generate` run first
    problems = [str(p) for p in caught.value.problems]
    located = re.compile(r"^data/sessions\.yaml:(\d+):(\d+): (.+) — (.+)$")
    assert all(located.match(p) for p in problems), problems
    at_new = [p for p in problems if p.startswith(f"data/sessions.yaml:{id_line}:")]
    at_item = [p for p in problems if p.startswith(f"data/sessions.yaml:{item_line}:")]
    assert len(at_new) == 1 and len(at_item) == 1, problems
    assert "dist/volledige-agenda-05-talent.pdf" in at_new[0] and f"regel {item_line}" in at_new[0]
    assert "agendapunt 5 van sessie 'volledige-agenda'" in at_new[0]
    assert "dist/volledige-agenda-05-talent.pdf" in at_item[0] and f"regel {id_line}" in at_item[0]
    assert not (project.root / "build" / "docs").exists(), "nothing is written before the check"


def test_the_real_data_writes_every_path_once() -> None:
    from tests.conftest import REPO

    prepared = prepare(Project(REPO))
    planned = planned_outputs(prepared.site, prepared.pages, prepared.files)
    assert outputs.problems(planned) == []
    dist = {o.path for o in planned if o.folder == outputs.DIST}
    assert {"volledige-agenda.zip", "volledige-agenda.pdf", "volledige-agenda-05-talent.pdf"} <= dist
    site = {o.path for o in planned if o.folder == outputs.SITE}
    assert {"", "steden/apeldoorn/", "open-data/steden.json", "_headers", "search/"} <= site


def test_a_file_inside_a_folder_one_output_fills_is_a_collision() -> None:
    index = outputs.Output(outputs.SITE, "search/", "de map van de zoekindex", whole_folder=True)
    page = outputs.Output(outputs.SITE, "search/", "de pagina content/search.md", ("content/search.md", 1, 1))
    redirect = outputs.Output(outputs.SITE, "steden/", "de verwijzing van /steden/", yields=True)
    cities = outputs.Output(outputs.SITE, "steden/", "de pagina 'Steden'", ("data/cities.yaml", 1, 1))
    problems = outputs.problems([index, page, redirect, cities])
    assert [str(p) for p in problems] == [
        "content/search.md:1:1: de pagina content/search.md komt op hetzelfde adres /search/ als de map van de "
        "zoekindex — kies een andere id: elk bestand dat de bouw maakt heeft een eigen plaats nodig"]


def test_make_check_refuses_the_same_collision_as_the_build(project: Project) -> None:
    """An editor's `make check` passes no data that the build would refuse for a collision."""
    from generator.commands import check

    path = project.data / "sessions.yaml"
    path.write_text(path.read_text(encoding="utf-8") + NEW_SESSION, encoding="utf-8")
    with pytest.raises(DataError) as by_check:
        check.run(project)
    with pytest.raises(DataError) as by_build:
        generate(project)
    assert sorted(map(str, by_check.value.problems)) == sorted(map(str, by_build.value.problems))
    assert len(by_check.value.problems) == 2
