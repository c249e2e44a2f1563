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


def line_of(path: Path, text: str) -> int:
    """The line of `path` where `text` starts (derived, so an edit to the data moves it along)."""
    body = path.read_text(encoding="utf-8")
    assert text in body, f"{text!r} not in {path}"
    return body.split(text, 1)[0].count("\n") + 1


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
        "houd er één over; dit bestand is daarna niet verder gecontroleerd (velden en verwijzingen): "
        "herstel dit eerst\n1 fout in 1 bestand; er is niets gebouwd.\n"
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
    assert lines[2].startswith("data/sources.yaml:22:11: 'oktober 2021' is geen geldige datum")
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


def test_one_run_reports_syntax_fields_and_references_of_every_file(project: Project) -> None:
    """A syntax error in one file, a wrong field in another and an unknown id in a third
    come out of one run; the unreadable file says it was left out of the later rounds, and
    references to what it holds are not reported as unknown."""
    replace_in(project.data / "cities.yaml", '    name: "Almere"\n', '    name: "Almere\n')
    replace_in(project.data / "jaarverslagen/2021/activities.yaml", '    date: "2021-03"\n', '    date: [2021]\n')
    replace_in(project.data / "people.yaml", "    city: breda\n", "    city: bredaa\n")
    replace_in(project.data / "people.yaml", '    name: "André Krouwel"\n', '    name: "André Krouwel"\n    nam: x\n')
    code, output = run_check(project)
    lines = output.splitlines()
    assert code == 1
    assert lines[0] == ('data/cities.yaml:21:11: YAML-syntaxfout: het aanhalingsteken " aan het begin van deze tekst '
                        'wordt niet gesloten — zet een " aan het eind van de tekst op deze regel; dit bestand is '
                        'daarna niet verder gecontroleerd (velden en verwijzingen): herstel dit eerst')
    date = line_of(project.data / "jaarverslagen/2021/activities.yaml", "    date: [2021]\n")
    assert lines[1].startswith(f"data/jaarverslagen/2021/activities.yaml:{date}:11: verwacht tekst, kreeg een lijst")
    assert lines[2].startswith("data/people.yaml:14:5: onbekend veld 'nam'")
    assert lines[-1] == "3 fouten in 3 bestanden; er is niets gebouwd."
    assert "bredaa" not in output  # cities.yaml could not be read: its ids are not known


def test_references_are_reported_with_field_errors_of_other_files(project: Project) -> None:
    replace_in(project.data / "people.yaml", "    city: breda\n", "    city: bredaa\n")
    replace_in(project.data / "jaarverslagen/2021/activities.yaml", '    date: "2021-03"\n', '    date: [2021]\n')
    code, output = run_check(project)
    assert code == 1
    line = line_of(project.data / "people.yaml", "    city: bredaa\n")
    assert f"data/people.yaml:{line}:11: onbekende stad 'bredaa' — bedoelde je 'breda'?" in output.splitlines()
    assert output.splitlines()[-1] == "2 fouten in 2 bestanden; er is niets gebouwd."


def test_a_summary_pasted_from_its_source_fails_with_the_run_quoted(project: Project) -> None:
    """Own words are enforced: a run of ownwords.LIMIT words or more shared with a source is
    a located error that quotes the run and says where it stands in the source; a name
    between single quotes does not count."""
    replace_in(project.data / "jaarverslagen/2021/activities.yaml",
               "      De G40 werkte mee aan de propositie 'De winst van het sociaal domein', waarin gemeenten\n"
               "      het Rijk vragen om aandacht voor drie opgaven: bestaanszekerheid herstellen,\n"
               "      kansengelijkheid vergroten en gezond leven makkelijker maken.\n",
               "      De G40 werkte mee aan de propositie 'De winst van het sociaal domein' waarin de gemeenten\n"
               "      aandacht vragen van het Rijk voor de drie opgaven: het herstellen van bestaanszekerheid.\n")
    code, output = run_check(project)
    line = line_of(project.data / "jaarverslagen/2021/activities.yaml", "propositie 'De winst van het sociaal domein' "
                   "waarin de gemeenten") - 1  # the summary's first line: `summary: >-`
    assert code == 1
    assert output == (
        f"data/jaarverslagen/2021/activities.yaml:{line}:14: 16 woorden achter elkaar staan zo ook in de bron "
        "jaarverslag-2021 (004_a441b1ac5001b251.txt, regel 99): „waarin de gemeenten aandacht vragen van het rijk "
        "voor de drie opgaven het herstellen van bestaanszekerheid”"
        " — vat samen in eigen woorden (hooguit 9 woorden achter elkaar gelijk aan de bron); een naam van een "
        "document of evenement mag letterlijk, tussen enkele aanhalingstekens\n"
        "1 fout in 1 bestand; er is niets gebouwd.\n")


def test_an_alias_that_names_another_place_is_refused(project: Project) -> None:
    """The GeoNames places and the other members: 'Den Haag' as Delft's alias would send a
    reader to the wrong city; 'Delft' as another member's alias too; an organisation cannot
    take a city's name. The city's own other names (Den Bosch) pass: see the valid data."""
    replace_in(project.data / "cities.yaml", '    name: "Almere"\n',
               '    name: "Almere"\n    search_aliases: ["Den Haag", "Delft", "Den Bosch", "Almere Stad"]\n')
    replace_in(project.data / "organisations.yaml", '    search_aliases: ["Technische Universiteit Delft"]',
               '    search_aliases: ["Technische Universiteit Delft", "delft"]')
    code, output = run_check(project)
    org_line = line_of(project.data / "organisations.yaml", '    search_aliases: ["Technische Universiteit Delft", "delft"]')
    hint = ("een zoeknaam is een andere naam voor dit item zelf, zoals 'Den Bosch' voor 's-Hertogenbosch; een naam "
            "van een andere plaats stuurt lezers die daarop zoeken naar de verkeerde pagina: haal hem weg")
    assert code == 1
    assert output == (
        f"data/cities.yaml:22:22: zoeknaam 'Den Haag' is in GeoNames de plaats 'The Hague' — {hint}\n"
        f"data/cities.yaml:22:34: zoeknaam 'Delft' is de naam van de G40-gemeente 'Delft' — {hint}\n"
        f"data/cities.yaml:22:43: zoeknaam 'Den Bosch' is ook een zoeknaam van \"'s-Hertogenbosch\" — {hint}\n"
        f"data/cities.yaml:88:22: zoeknaam 'Den Bosch' is ook een zoeknaam van 'Almere' — {hint}\n"
        f"data/organisations.yaml:{org_line}:55: zoeknaam 'delft' is de naam van de G40-gemeente 'Delft' — {hint}\n"
        "5 fouten in 2 bestanden; er is niets gebouwd.\n")


def test_a_role_whose_passage_does_not_name_its_city_is_refused(project: Project) -> None:
    replace_in(project.data / "jaarverslagen/2021/activities.yaml",
               "      - {city: eindhoven, role: \"samen met Apeldoorn trekker van de thema's 'beweging naar de "
               "voorkant' en 'wijkgericht werken'\"}",
               "      - {city: breda, role: \"samen met Apeldoorn trekker van de thema's 'beweging naar de "
               "voorkant' en 'wijkgericht werken'\"}")
    code, output = run_check(project)
    line = line_of(project.data / "jaarverslagen/2021/activities.yaml", "      - {city: breda, role: \"samen met")
    assert code == 1
    assert output == (
        f"data/jaarverslagen/2021/activities.yaml:{line}:16: 'Breda' staat niet in de passage van deze rol: "
        "jaarverslag-2021 (Thema Zorg Jeugd en Onderwijs) — geef de rol een eigen passage ('passages' bij de stad) "
        "waarin de bron de stad bij naam noemt, of laat de stad weg als de bron haar niet noemt\n"
        "1 fout in 1 bestand; er is niets gebouwd.\n")


def test_every_list_of_own_texts_is_measured_for_own_words() -> None:
    """`list[Text]` with `Field(min_length=1)` (an ask's points) was skipped: its MinLen hid
    the validators inside. Every such field of every model is our prose now."""
    from generator.models import Ask
    from generator.ownwords import _is_prose
    from generator.references import all_models

    assert _is_prose(Ask.model_fields["points"])
    lists = [(model.__name__, name) for model in all_models() for name, field in model.model_fields.items()
             if str(field.annotation).startswith("list[") and "_plain_text" in str(field.annotation)
             and "_one_line" not in str(field.annotation)]
    assert lists and all(_is_prose(model.model_fields[name]) for model in all_models()
                         for model_name, name in lists if model.__name__ == model_name)
