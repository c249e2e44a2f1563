"""`check` reports every mistake as file:line:column, in Dutch, all at once, exit 1."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from generator.__main__ import cli
from generator.build import Project
from generator.load import load_document
from tests.conftest import REPO


def run_check(project: Project) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["check", "--root", str(project.root)])
    return result.exit_code, result.output


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_valid_data_passes_with_counts(project: Project) -> None:
    from generator.passages import all_cited
    from generator.validate import load_site

    site, _ = load_site(project.data)
    cited = len({p for _, _, p in all_cited(site)})  # the count follows the data (issue 27 split long ones)
    code, output = run_check(project)
    assert (code, output) == (0, "OK: 8 thema's, 32 speerpunten, 18 themagroepen, 100 activiteiten, "
                                 "40 steden (12 met een rol in 2021), 29 personen, 52 begrippen, "
                                 "5 archiefstukken, 5 bronnen.\n"
                                 f"Bronnen: {cited} passages, alle gevonden. Eigen woorden: langste reeks woorden "
                                 "gelijk aan de bron (grens 10): about.yaml 8, agenda/2019-2022.yaml 9, archive.yaml 9, "
                                 "jaarverslagen/2021/activities.yaml 9, jaarverslagen/2021/report.yaml 7, "
                                 "kernboodschappen.yaml 9, sessions.yaml 7.\n")


def test_duplicate_key(project: Project) -> None:
    replace_in(project.data / "cities.yaml", "    name: \"Almere\"\n", "    name: \"Almere\"\n    name: \"Almere\"\n")
    code, output = run_check(project)
    assert code == 1
    assert output == (
        "data/cities.yaml:22:5: sleutel 'name' staat hier twee keer — de eerste staat op regel 21; "
        "houd er één over\n1 fout in 1 bestand; er is niets gebouwd.\n"
    )


def test_unknown_field_suggests_the_right_one(project: Project) -> None:
    replace_in(project.data / "cities.yaml", "    province: Drenthe", "    provincie: Drenthe")
    code, output = run_check(project)
    assert code == 1
    assert "data/cities.yaml:37:5: onbekend veld 'provincie' — bedoelde je 'province'?" in output
    assert "data/cities.yaml:35:5: verplicht veld 'province' ontbreekt — voeg 'province: …' toe" in output
    assert output.endswith("2 fouten in 1 bestand; er is niets gebouwd.\n")


def test_syntax_error_keeps_the_parsers_position(project: Project) -> None:
    replace_in(project.data / "sources.yaml", 'publisher: "Stedennetwerk G40"', 'publisher: "Stedennetwerk G40')
    code, output = run_check(project)
    assert code == 1
    assert output.startswith("data/sources.yaml:")
    assert "YAML-syntaxfout" in output
    assert "Traceback" not in output


def test_tab_in_indentation(project: Project) -> None:
    replace_in(project.data / "cities.yaml", "    province: Drenthe", "\tprovince: Drenthe")
    code, output = run_check(project)
    assert code == 1
    assert "data/cities.yaml:37:1: YAML-syntaxfout: er staat een tab in de inspringing — gebruik spaties in plaats van tabs" in output


def test_unknown_reference_suggests_an_id(project: Project) -> None:
    path = project.data / "agenda" / "2019-2022.yaml"
    line = path.read_text(encoding="utf-8").splitlines().index("      target: zorgstelsel") + 1
    replace_in(path, "      target: zorgstelsel", "      target: zorgstelse")
    code, output = run_check(project)
    assert code == 1
    assert output == (
        f"data/agenda/2019-2022.yaml:{line}:15: onbekend thema 'zorgstelse' — bedoelde je 'zorgstelsel'?\n"
        "1 fout in 1 bestand; er is niets gebouwd.\n"
    )


def test_bad_id_and_wrong_province_are_reported_together_across_files(project: Project) -> None:
    replace_in(project.data / "cities.yaml", "  - id: assen", "  - id: Assen")
    replace_in(project.data / "cities.yaml", "    province: Overijssel", "    province: Twente")
    replace_in(project.data / "sources.yaml", '    date: "2021-10"', '    date: "oktober 2021"')
    code, output = run_check(project)
    assert code == 1
    lines = output.splitlines()
    assert lines[0] == ("data/cities.yaml:19:15: 'Twente' is geen toegestane waarde voor 'province' — "
                        "kies uit: 'Drenthe', 'Flevoland', 'Fryslân', 'Gelderland', 'Groningen', 'Limburg', "
                        "'Noord-Brabant', 'Noord-Holland', 'Overijssel', 'Utrecht', 'Zeeland' of 'Zuid-Holland'")
    assert lines[1].startswith("data/cities.yaml:35:9: 'Assen' is geen geldige id — gebruik alleen kleine letters")
    assert lines[2].startswith("data/sources.yaml:17:11: 'oktober 2021' is geen geldige datum")
    assert lines[3] == "3 fouten in 2 bestanden; er is niets gebouwd."


def test_theme_without_speerpunten_needs_a_gap(project: Project) -> None:
    replace_in(project.data / "agenda" / "2019-2022.yaml", "    gaps:\n      - \"De agenda noemt voor dit thema geen speerpunten",
               "    # gaps:\n      # - \"De agenda noemt voor dit thema geen speerpunten")
    code, output = run_check(project)
    assert code == 1
    line = (project.data / "agenda" / "2019-2022.yaml").read_text(encoding="utf-8").splitlines().index("  - id: talent") + 1
    assert output.startswith(f"data/agenda/2019-2022.yaml:{line}:5: ")
    assert "dit thema mist speerpunten of een G40-aanpak zonder uitleg — leg in 'gaps' uit wat de bron niet geeft" in output


def test_yaml_11_words_stay_the_text_the_editor_typed(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("a: no\nb: on\nc: 1.10\nd: 010\ne: 2021-03-01\nf: ~\ng: 'yes'\n", encoding="utf-8")
    doc, problems = load_document(path, "data/x.yaml")
    assert problems == []
    assert doc.data == {"a": "no", "b": "on", "c": "1.10", "d": "010", "e": "2021-03-01", "f": None, "g": "yes"}
    assert doc.values[("e",)] == (5, 4)


def test_loading_and_rendering_leave_the_cycle_collector_as_it_was() -> None:
    """Loading and rendering pause Python's cycle collector for speed; they must not leave
    it off, nor on."""
    import gc

    from generator.render import render_pages
    from generator.validate import load_site

    assert gc.isenabled()
    load_site(REPO / "data")
    assert gc.isenabled()
    render_pages([])
    assert gc.isenabled()
    gc.disable()
    try:
        load_site(REPO / "data")
        assert not gc.isenabled()
    finally:
        gc.enable()
