"""Abbreviations: an all-caps term also explains its capitalised spelling where the text
uses it as a name (NOVI/Novi), never a Dutch word opening a sentence (VIA/Via); `make
check` warns about a term that no page contains."""

from __future__ import annotations

from click.testing import CliRunner

from generator import wording
from generator.__main__ import cli
from generator.build import Project, generate, prepare
from generator.terms import case_variants

NOVI = """  - id: novi
    term: "NOVI"
    expansion: "Nationale Omgevingsvisie"
    explained_by: redactie
"""


def add_term(project: Project, entry: str) -> None:
    path = project.data / "organisations.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("organisations:\n", "organisations:\n" + entry, 1),
                    encoding="utf-8")


def check(project: Project) -> tuple[int, list[str]]:
    """The exit code and the warnings of `check` (its other lines are the summary)."""
    result = CliRunner().invoke(cli, ["check", "--root", str(project.root)])
    assert result.output.startswith("OK: "), result.output
    return result.exit_code, [line for line in result.output.splitlines() if ": let op: " in line]


def test_novi_written_novi_in_the_text_gets_the_hover(project: Project) -> None:
    add_term(project, NOVI)
    code, warnings = check(project)
    assert (code, warnings) == (0, [])
    generate(project)
    page = (project.docs / "agenda" / "2019-2022" / "ruimtelijke-kwaliteit.md").read_text(encoding="utf-8")
    assert "Novi" in page
    assert f"*[Novi]: Nationale Omgevingsvisie {wording.EXPLAINED_BY_EDITORS}" in page  # the editors' expansion, labelled
    assert "*[NOVI]: Nationale Omgevingsvisie" not in page  # only what the page uses


def test_a_dutch_word_opening_a_sentence_is_not_the_abbreviation(project: Project) -> None:
    definitions = prepare(project).abbreviations
    assert "VIA" in definitions and "Via" not in definitions
    assert "WGR" in definitions and "Wgr" in definitions  # 'uit de Wgr en …'
    assert case_variants("VIA", "Via de gemeente. Het loopt via de regio.") == []
    assert case_variants("NOVI", "met een uitvoerbare Omgevingswet en Novi.") == ["Novi"]
    assert case_variants("NOVI", "De Nationale Omgevingsvisie (Novi) wordt") == ["Novi"]
    assert case_variants("EU", "de Eu") == []  # two letters: too short to guess


def test_check_warns_about_a_term_on_no_page(project: Project) -> None:
    add_term(project, '  - id: xyzq\n    term: "XYZQ"\n    expansion: "nergens"\n    explained_by: redactie\n')
    code, warnings = check(project)
    assert code == 0
    assert warnings == ["data/organisations.yaml:9:11: let op: de term 'XYZQ' staat op geen enkele pagina — "
                         "controleer de schrijfwijze, of haal de term weg als geen tekst hem gebruikt"]


def test_check_names_the_spelling_the_text_uses(project: Project) -> None:
    add_term(project, '  - id: nationale-omgevingsvisie\n    term: "novi"\n    expansion: "de visie"\n'
                      '    explained_by: redactie\n')
    code, warnings = check(project)
    assert code == 0
    assert warnings == ["data/organisations.yaml:9:11: let op: de term 'novi' staat op geen enkele pagina — "
                         "de tekst schrijft 'Novi'; zet die schrijfwijze onder 'also' (of schrijf de term zoals "
                         "de tekst)"]


def test_the_real_data_has_no_unused_term(project: Project) -> None:
    assert check(project) == (0, [])


def test_a_spelling_another_term_names_stays_that_terms(project: Project) -> None:
    add_term(project, NOVI + '  - id: novi-naam\n    term: "Novi"\n    expansion: "de visie zelf"\n'
                      '    explained_by: redactie\n')
    definitions = prepare(project).abbreviations
    assert definitions["Novi"].endswith(f"de visie zelf {wording.EXPLAINED_BY_EDITORS}")
    assert definitions["NOVI"].endswith(f"Nationale Omgevingsvisie {wording.EXPLAINED_BY_EDITORS}")
