"""Issue 28: hostile and mistaken input is refused before it can crash, hang or mislead.

Each case of the issue's probe is here, on the small fixture data (tests/fixture/) or on a
single file: bounded input before parsing (generator/limits.py), one rule for text, no link
followed, Dutch and located messages (also for I/O errors), one lock naming its holder, and
the HTML guard on every published markup file. The property test is in tests/test_fuzz.py.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator import guard, limits
from generator.__main__ import cli
from generator.build import build_lock, hand_written_pages
from generator.errors import DataError, Problem
from generator.load import load_document
from generator.validate import load_site
from tests.conftest import FIXTURE_DATA, REPO, copy_fixture_project, fixture_seeds

ENGLISH = re.compile(r"\b(should|Input|String|Value error|valid|characters|less than|greater than|"
                     r"special characters|not allowed|Traceback|Error)\b")
"""Words of pydantic's, libyaml's and Python's own messages: none may reach an editor."""
LOCATED = re.compile(r"^data/[^:]+:\d+:\d+: ")


def load_text(tmp_path: Path, text: str | bytes) -> list[Problem]:
    path = tmp_path / "about.yaml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return load_document(path, "data/about.yaml")[1]


def dutch_and_located(problems: list[Problem]) -> None:
    assert problems
    for problem in problems:
        assert not ENGLISH.search(str(problem)), str(problem)
        assert problem.line >= 1 and problem.column >= 1, str(problem)


def fixture_problems(tmp_path: Path, change) -> list[Problem]:
    """The problems of a copy of the fixture's data after `change(data)`."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    change(data)
    with fixture_seeds():
        return load_site(data)[1]


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# --- 1. bounded input before parsing ----------------------------------------------------------


def test_a_hundred_thousand_nested_keys_are_refused_without_a_crash(tmp_path: Path) -> None:
    """`? ? ? … x` crashed libyaml's composer with a segmentation fault (in a child process
    here, so that a crash fails this test instead of ending the run)."""
    path = tmp_path / "about.yaml"
    path.write_text("about:\n  " + "? " * 50000 + "x\n", encoding="utf-8")
    code = ("import sys; from pathlib import Path; from generator.load import load_document; "
            f"print(*load_document(Path({str(path)!r}), 'data/about.yaml')[1], sep='\\n')")
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert re.match(r"data/about.yaml:2:\d+: de gegevens zijn hier dieper genest dan 40 niveaus", result.stdout)


@pytest.mark.parametrize("raw, line, column", [
    (b"title: a\x00b\n", 1, 9), (b"title: a\x1b[2Kb\n", 1, 9), ("title: a\ufffeb\n".encode(), 1, 9),
    (b"source: x\ntitle: 'a\x07'\n", 2, 10),
])
def test_raw_control_characters_and_noncharacters_are_located_in_dutch(tmp_path: Path, raw: bytes, line: int,
                                                                       column: int) -> None:
    """NUL, ESC and U+FFFE were reported at 1:1 in libyaml's English."""
    problems = load_text(tmp_path, raw)
    dutch_and_located(problems)
    assert (problems[0].line, problems[0].column) == (line, column), problems
    assert "onzichtbaar of ongeldig teken U+" in problems[0].message


@pytest.mark.parametrize("character", ["\u061c", "\u200b", "\u200d", "\u2028", "\u2029", "\ufeff", "\U000e0041",
                                       "\ufdd0", "\U0001ffff", "\u202e", "\u2066"])
@pytest.mark.parametrize("how", ["raw", "escaped"])
def test_invisible_characters_are_refused_typed_or_escaped(tmp_path: Path, character: str, how: str) -> None:
    """U+061C, U+200B, U+2028, U+FEFF and tag characters were published."""
    value = character if how == "raw" else f"\\U{ord(character):08x}"
    problems = load_text(tmp_path, f'title: "Over{value} de G40"\n')
    dutch_and_located(problems)
    assert f"U+{ord(character):04X}" in problems[0].message


def test_a_bom_at_the_start_is_not_a_character_inside(tmp_path: Path) -> None:
    assert load_text(tmp_path, "\ufefftitle: Over de G40\n".encode()) == []


@pytest.mark.parametrize("text, message", [
    ("title: " + "x" * 400_000 + "\n", "een woord van 400000 tekens zonder spatie ('xxxx"),
    ("title: " + "abc " * 6000 + "\n", f"deze waarde is 23999 tekens lang, de grens is {limits.MAX_SCALAR}"),
    ("items: [" + "1, " * 30_000 + "]\n", f"te veel haakjes en komma's (30002, de grens is {limits.MAX_FLOW_TOKENS})"),
    ("items:\n" + "  - a\n" * 501, f"deze lijst heeft 501 items, de grens is {limits.MAX_ITEMS}"),
    ("a: b\n" * 50_001, f"het bestand heeft 50002 regels, de grens is {limits.MAX_LINES}"),
    ("a: " + "[" * 1000 + "]" * 1000 + "\n", "dieper genest dan 40 niveaus"),
])
def test_every_bound_is_a_located_dutch_problem(tmp_path: Path, text: str, message: str) -> None:
    """A 400,000-letter word overflowed search's recursion after minutes; flow tokens,
    items and lines bound the node tree the composer builds."""
    problems = load_text(tmp_path, text)
    dutch_and_located(problems)
    assert message in problems[0].message, problems


def test_values_are_normalised_to_nfc(tmp_path: Path) -> None:
    path = tmp_path / "about.yaml"
    path.write_text("title: Cafe\u0301\n", encoding="utf-8")
    assert load_document(path, "data/about.yaml")[0].data == {"title": "Caf\u00e9"}


# --- 3. one rule for text ------------------------------------------------------------------------


def add_organisation(term: str):
    def change(data: Path) -> None:
        with (data / "organisations.yaml").open("a", encoding="utf-8") as handle:
            handle.write(f"  - id: lookalike\n    term: {term}\n    expansion: Iets anders\n    explained_by: redactie\n")
    return change


@pytest.mark.parametrize("term", ["\u0412ZK", "\uff22\uff3a\uff2b", "B\u0396K"])
def test_look_alike_terms_are_one_term(tmp_path: Path, term: str) -> None:
    """Cyrillic В, fullwidth ＢＺＫ and Greek Ζ explained `BZK` a second time (case is kept:
    `Novi` and `NOVI` are two terms on purpose, tests/test_terms.py)."""
    problems = fixture_problems(tmp_path, add_organisation(term))
    assert [p.message for p in problems] == [f"het begrip {term!r} staat er al"], problems


def test_decomposed_accents_make_the_same_term(tmp_path: Path) -> None:
    def change(data: Path) -> None:
        add_organisation("Cafe\u0301")(data)
        add_organisation("Caf\u00e9")(data)
        replace_in(data / "organisations.yaml", "id: lookalike", "id: lookalike-twee")
    problems = fixture_problems(tmp_path, change)
    assert any("staat er al" in p.message for p in problems), problems


@pytest.mark.parametrize("file, old, new, message", [
    ("agenda/2019-2022.yaml", "period: 2019-2022", "period: 2022-2019", "een periode loopt van het eerste"),
    ("agenda/2019-2022.yaml", "period: 2019-2022", "period: 0000-0000", "een periode loopt van het eerste"),
    ("sessions.yaml", "  - id: raadsessie-2012-12-13\n", "  - id: raadsessie-2012-12-13\n    whole_site: yes\n",
     "hier hoort true of false"),
    ("sessions.yaml", "  - id: raadsessie-2012-12-13\n", "  - id: raadsessie-2012-12-13\n    whole_site: \"on\"\n",
     "hier hoort true of false"),
    ("sources.yaml", "url: http://www.g40stedennetwerk.nl", "url: https://stedenagenda.example.nl@evil.example/",
     "een webadres met een naam of wachtwoord"),
    ("cities.yaml", "id: apeldoorn", "id: con", "op Windows de naam van een apparaat"),
    ("cities.yaml", "id: apeldoorn", "id: aux", "op Windows de naam van een apparaat"),
    ("cities.yaml", "id: apeldoorn", "id: " + "a" * 81, "'id' is te lang (81 tekens, de grens is 80)"),
    ("jaarverslagen/2021/report.yaml", "year: 2021", "year: 10000", "'10000' is te groot"),
    ("sources.yaml", "paragraph_gap: 2", "paragraph_gap: 4", "'4' is te groot"),
    ("organisations.yaml", "term: BZK", "term: '-BZK'", "is geen geldig begrip"),
    ("organisations.yaml", "expansion: ministerie van", "expansion: " + "heel lang " * 40 + "ministerie van",
     "'expansion' is te lang"),
])
def test_mistakes_the_check_let_through_or_said_in_english_are_dutch(tmp_path: Path, file: str, old: str, new: str,
                                                                     message: str) -> None:
    problems = fixture_problems(tmp_path, lambda data: replace_in(data / file, old, new))
    assert any(message in p.message for p in problems), problems
    for problem in problems:
        assert not ENGLISH.search(str(problem)) and "^" not in str(problem), str(problem)  # no raw regex
        assert LOCATED.match(str(problem)) and problem.line >= 1, str(problem)


@pytest.mark.parametrize("make, reported, message", [
    (lambda data: shutil.copy(data / "agenda/2019-2022.yaml", data / "agenda/2019-2022 kopie.yaml"),
     "data/agenda/2019-2022 kopie.yaml", "onbekend gegevensbestand"),
    (lambda data: (data / "jaarverslagen/concept").mkdir(), "data/jaarverslagen/concept", "heet naar het jaar"),
    (lambda data: (data / "about.yml").write_text("a: b\n"), "data/about.yml", "eindigt op .yaml, niet op .yml"),
    (lambda data: (data / "losse-map").mkdir(), "data/losse-map", "onbekende map"),
    (lambda data: (data / "jaarverslagen/2021/notities.txt").write_text("x"), "data/jaarverslagen/2021/notities.txt",
     "onbekend bestand"),
])
def test_unknown_files_in_data_are_named_in_dutch(tmp_path: Path, make, reported: str, message: str) -> None:
    """A copy or a folder raised an AssertionError in validate.py (also in make diff); a
    `.yml` file was ignored without a word."""
    project = copy_fixture_project(tmp_path)
    make(project.data)
    with fixture_seeds():
        result = CliRunner().invoke(cli, ["check", "--root", str(project.root)])
    assert result.exit_code == 1 and result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output and "AssertionError" not in result.output
    assert any(line.startswith(f"{reported}:0:0: ") and message in line for line in result.output.splitlines()), \
        result.output


# --- 4. no link is followed ----------------------------------------------------------------------


@pytest.mark.parametrize("link", ["data", "data/agenda", "data/jaarverslagen/2021", "data/about.yaml"])
def test_links_under_data_are_refused(tmp_path: Path, link: str) -> None:
    """Symlinked folders were followed outside the checkout, though the README said no."""
    project = copy_fixture_project(tmp_path / "project")
    real = tmp_path / "elsewhere"
    shutil.move(project.root / link, real)
    (project.root / link).symlink_to(real)
    with fixture_seeds():
        site, problems = load_site(project.data)
    assert site is None
    assert [str(p) for p in problems if p.file == link and "symbolische link" in p.message], problems


@pytest.mark.parametrize("link", ["content", "content/colofon.md"])
def test_links_under_content_are_refused(tmp_path: Path, link: str) -> None:
    project = copy_fixture_project(tmp_path / "project")
    real = tmp_path / "elsewhere"
    shutil.move(project.root / link, real)
    (project.root / link).symlink_to(real)
    with pytest.raises(DataError) as raised:
        hand_written_pages(project)
    assert link in str(raised.value) and "symbolische link" in str(raised.value)


def test_the_editors_guide_says_links_are_refused() -> None:
    assert "symbolische link in `data/` of `content/` wordt\n   nooit gevolgd" in (REPO / "CONTRIBUTING.md").read_text(
        encoding="utf-8")


# --- 5. Dutch everywhere --------------------------------------------------------------------------


def test_file_names_and_values_are_printed_with_control_characters_visible() -> None:
    """ANSI escapes in a file name erased lines and printed a fake green "OK"."""
    shown = str(Problem("data/a\x1b[2K\x1b[32mOK.yaml", 0, 0, "onbekend bestand \u202egnp.exe", "x\ty"))
    assert "\x1b" not in shown and "\u202e" not in shown and "\t" not in shown
    assert shown.startswith("data/a\\x1b[2K\\x1b[32mOK.yaml:0:0:") and "\\u202e" in shown


@pytest.mark.parametrize("code, reason", [(errno.ENOSPC, "de schijf is vol"),
                                          (errno.EROFS, "alleen gelezen kan worden"),
                                          (errno.EACCES, "je mag hier niet schrijven")])
def test_io_errors_are_dutch_and_name_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int,
                                               reason: str) -> None:
    """A read-only output folder or a full disk gave an English traceback."""
    project = copy_fixture_project(tmp_path)
    target = project.docs / "index.md"

    def refuse(*args, **kwargs):
        raise OSError(code, os.strerror(code), str(target))

    monkeypatch.setattr("generator.build.sync_tree", refuse)
    monkeypatch.chdir(project.root)
    with fixture_seeds():
        result = CliRunner().invoke(cli, ["generate", "--root", str(project.root)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output and os.strerror(code) not in result.output
    assert result.output.startswith("build/docs/index.md:0:0: ") and reason in result.output, result.output


# --- 6. one lock ---------------------------------------------------------------------------------


@pytest.mark.parametrize("command, name", [(["generate"], "make generate"), (["build", "--no-bundles"], "make site")])
def test_a_second_writer_is_told_who_holds_the_lock(tmp_path: Path, command: list[str], name: str) -> None:
    """`make generate` or `make serve` during `make site` took no lock."""
    project = copy_fixture_project(tmp_path)
    with build_lock(project, "make serve"):
        result = CliRunner().invoke(cli, [*command, "--root", str(project.root)])
    assert result.exit_code == 1
    assert re.match(rf"{name} kan nu niet: make serve \(proces {os.getpid()}, sinds \d\d:\d\d:\d\d\) schrijft al",
                    result.output), result.output
    assert not project.docs.exists(), "nothing was written"
    with build_lock(project, "make generate"):  # released again
        pass


# --- 7. the guard covers every published file ------------------------------------------------------


@pytest.mark.parametrize("name, body, found", [
    ("a.html", '<a href="java&#9;script:alert(1)">x</a>', "href="),
    ("a.html", '<a href="&#32;JaVa&#10;Script:alert(1)">x</a>', "href="),
    ("a.html", '<svg><a href="#"><animate attributeName="href" to="javascript:alert(1)"/></a></svg>',
     "<animate> verandert een href"),
    ("a.html", '<svg><a><set attributeName="xlink:href" to="javascript:alert(1)"/></a></svg>', "<set> verandert"),
    ("proef.htm", '<p>x</p><script src="proef.js"></script>', "1 <script>-elementen"),
    ("beeld.svg", '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "1 <script>"),
    ("feed.xml", '<feed><a xmlns="http://www.w3.org/1999/xhtml" href="javascript:x">x</a></feed>', "href="),
])
def test_the_guard_reads_every_markup_file_as_a_browser_does(tmp_path: Path, name: str, body: str, found: str) -> None:
    (tmp_path / name).write_text(body, encoding="utf-8")
    assert any(found in f.what for f in guard.findings(tmp_path)), guard.findings(tmp_path)


@pytest.mark.parametrize("name, body", [("proef.js", "alert(1)"), ("proef.htm", "<p>x</p><SCRIPT>alert(1)</SCRIPT>"),
                                        ("pagina.md", "Tekst\n\n< script src=x></script>")])
def test_no_script_in_content(tmp_path: Path, name: str, body: str) -> None:
    """`content/proef.htm` with `proef.js` ran under the shipped CSP."""
    project = copy_fixture_project(tmp_path)
    (project.content / name).write_text(body, encoding="utf-8")
    with pytest.raises(DataError) as raised:
        hand_written_pages(project)
    assert f"content/{name}:" in str(raised.value) and "hoort niet in content/" in str(raised.value)


def test_contributing_says_who_may_edit_content() -> None:
    text = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "**`content/` is van de ontwikkelaars.**" in text


# --- 1. the preview survives a bad save ------------------------------------------------------------


def test_the_preview_survives_a_file_that_crashed_the_parser_and_says_so_once(tmp_path: Path) -> None:
    """Under `make serve` the preview process died on `? ? ? …` (a segmentation fault)."""
    from generator.commands import serve

    project = copy_fixture_project(tmp_path)
    said: list[str] = []
    regenerator = serve.Regenerator(project, echo=lambda message, err=False: said.append(message))
    about = project.data / "about.yaml"
    good = about.read_text(encoding="utf-8")
    with fixture_seeds():
        about.write_text("about:\n  " + "? " * 50000 + "x\n", encoding="utf-8")
        regenerator.regenerate()
        regenerator.regenerate()
        about.write_text(good, encoding="utf-8")
        regenerator.regenerate()
    assert len(said) == 3 and said[0].startswith("data/about.yaml:2:") and "dieper genest" in said[0], said
    assert said[1] == "fouten opgelost; het voorbeeld is weer bij." and said[2].startswith("bijgewerkt: ")

