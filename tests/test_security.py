"""What a hostile or careless edit can do, finding by finding (issue #12): each data change
below once passed `make check` and did harm, or crashed, hung or leaked. Each is refused
with a located Dutch message, or rendered harmless, in the context where it would act."""

from __future__ import annotations

import csv
import io
import os
import re
import time
from pathlib import Path
from typing import Any

import markdown as python_markdown
import pytest
import yaml

from generator import markdown, wording
from generator.build import Project, checked_pages, hand_written_pages, prepare, published_as, validated_site
from generator.errors import DataError, Problem
from generator.load import MAX_DEPTH, load_document
from generator.opendata import csv_cell
from generator.terms import abbreviations
from generator.validate import load_site

LOCATED = re.compile(r"^data/[\w./-]+:[1-9]\d*:[1-9]\d*: ")


def data_of(project: Project, name: str) -> dict[str, Any]:
    """A data file as our loader reads it: every scalar the text the editor typed."""
    doc, problems = load_document(project.data / f"{name}.yaml", name)
    assert not problems
    return doc.data


def write(project: Project, name: str, data: Any) -> None:
    (project.data / f"{name}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                                               encoding="utf-8")


def replace_once(project: Project, name: str, old: str, new: str) -> list[str]:
    """Edit a data file as an editor would; return its lines as they were."""
    path = project.data / f"{name}.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {name}.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text.splitlines()


def problems_of(project: Project) -> list[Problem]:
    """Every problem `make check` reports (validation, then addresses of pages)."""
    site, problems = load_site(project.data)
    if problems:
        return problems
    try:
        checked_pages(site)
    except DataError as exc:
        return exc.problems
    return []


def only_problem(project: Project) -> Problem:
    problems = problems_of(project)
    assert len(problems) == 1, problems
    assert LOCATED.match(str(problems[0])) or problems[0].line >= 1, problems[0]
    return problems[0]


# --- 1, 13: text that MkDocs' theme prints raw ---------------------------------------

ATTRIBUTE_PAYLOADS = [
    '0;url=https://evil.example/" http-equiv="refresh',
    "x\">tekst",
    "x'>tekst",
    "Tom &amp; Jerry &lt;b&gt;",
    "&#34; onmouseover=&#34;alert(1)",
    "</title><script>alert(1)</script>",
]


@pytest.mark.parametrize("payload", ATTRIBUTE_PAYLOADS)
def test_html_text_is_inert_in_an_attribute_and_in_element_text(payload: str) -> None:
    from html.parser import HTMLParser

    class Collect(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.tags: list[tuple[str, list]] = []
            self.text = ""

        def handle_starttag(self, tag, attrs):
            self.tags.append((tag, attrs))

        def handle_data(self, data):
            self.text += data

    page = Collect()
    page.feed(f'<meta name="description" content="{markdown.html_text(payload)}"><title>{markdown.html_text(payload)}</title>')
    assert page.tags == [("meta", [("name", "description"), ("content", payload)]), ("title", [])]
    assert page.text == payload, "shown exactly as typed, entities and all"


@pytest.mark.parametrize("payload", ATTRIBUTE_PAYLOADS)
def test_front_matter_string_is_one_yaml_string_with_html_escaped_text(payload: str) -> None:
    value = yaml.safe_load(f"description: {markdown.front_matter_string(payload)}\n")["description"]
    assert value == markdown.html_text(payload)


# --- 2: abbreviation tooltips --------------------------------------------------------

TOOLTIP_PAYLOADS = ["&lt;img src=x onerror=alert(1)&gt;", "<img src=x onerror=alert(1)>", "a &amp; b", 'x" onmouseover="y']


@pytest.mark.parametrize("payload", TOOLTIP_PAYLOADS)
def test_abbreviation_title_is_text_even_after_the_tooltip_decodes_it_again(payload: str) -> None:
    html = python_markdown.markdown(f"Het VNG.\n\n{markdown.abbreviation_definition('VNG', payload)}\n",
                                    extensions=["abbr"])
    title = re.search(r'title="([^"]*)"', html).group(1)
    import html as html_lib

    in_dom = html_lib.unescape(title)       # the browser decodes the attribute once …
    shown = html_lib.unescape(in_dom)       # … and the tooltip's innerHTML once more
    assert "<" not in in_dom, "the tooltip's innerHTML gets no tag"
    assert shown == markdown.one_line(payload), "and shows the text as typed"


@pytest.mark.parametrize("field", ["expansion", "description", "note"])
def test_every_field_that_feeds_a_tooltip_goes_through_the_definition_escaping(project: Project, field: str) -> None:
    data = data_of(project, "organisations")
    org = next(o for o in data["organisations"] if o["term"] == "VNG")
    for other in ("expansion", "description", "note", "explained_by", "reference"):
        org.pop(other, None)
    org[field] = TOOLTIP_PAYLOADS[0]
    if field == "expansion":
        org["explained_by"] = "redactie"
    write(project, "organisations", data)
    definitions = abbreviations(validated_site(project).organisations)
    label = f" {wording.EXPLAINED_BY_EDITORS}" if field == "expansion" else ""
    assert definitions["VNG"] == markdown.abbreviation_definition("VNG", TOOLTIP_PAYLOADS[0] + label)


# --- 3: ids that would replace fixed pages ------------------------------------------

COLLISIONS = [
    ("cities", ("cities", 0), "index"),
    ("agenda/2019-2022", ("themes", 0), "index"),
    ("agenda/2019-2022", ("themes", 0), "werkwijze"),
    ("agenda/2019-2022", ("themes", 0), "randvoorwaarden"),
    ("archive", ("documents", 0), "index"),
    ("sources", ("sources", 0), "index"),
    ("jaarverslagen/2021/activities", ("activities", 0), "index"),
    ("jaarverslagen/2021/report", ("pillars", 0), "tijdlijn"),
]


@pytest.mark.parametrize(("name", "where", "new_id"), COLLISIONS, ids=lambda v: str(v))
def test_an_id_that_would_take_another_pages_address_is_refused_at_its_line(
        project: Project, name: str, where: tuple, new_id: str) -> None:
    """A copy of the first record, under an id whose page address is taken."""
    import copy

    data = data_of(project, name)
    records = data
    for part in where[:-1]:
        records = records[part]
    record = copy.deepcopy(records[where[-1]])
    record["id"] = new_id
    if "number" in record:
        record["number"] = "99"
    for g, group in enumerate(record.get("groups", [])):
        group["id"] = f"kopie-{g}"
    records.append(record)
    write(project, name, data)
    problems = problems_of(project)
    assert problems, f"id {new_id!r} was accepted"
    lines = (project.data / f"{name}.yaml").read_text(encoding="utf-8").splitlines()
    assert any(p.file == f"data/{name}.yaml" and ("hetzelfde adres" in p.message or "gereserveerd" in p.message)
               and new_id in lines[p.line - 1] for p in problems), problems


@pytest.mark.parametrize(("path", "url"), [("a/b.md", "a/b/"), ("a/b/index.md", "a/b/"), ("index.md", ""),
                                           ("open-data/x.csv", "open-data/x.csv")])
def test_published_as_follows_directory_urls(path: str, url: str) -> None:
    assert published_as(path) == url


# --- 4: links and other non-files ---------------------------------------------------

def test_a_linked_content_file_is_refused_and_not_read(project: Project) -> None:
    os.symlink("/proc/self/environ", project.content / "geheim.txt")
    with pytest.raises(DataError) as caught:
        hand_written_pages(project)
    assert "content/geheim.txt" in str(caught.value) and "symbolische link" in str(caught.value)
    assert "PATH=" not in str(caught.value)


def test_a_linked_content_folder_is_refused(project: Project, tmp_path: Path) -> None:
    (tmp_path / "elders").mkdir()
    (tmp_path / "elders" / "x.md").write_text("# x\n", encoding="utf-8")
    os.symlink(tmp_path / "elders", project.content / "map")
    with pytest.raises(DataError, match="content/map.*symbolische link"):
        hand_written_pages(project)


def test_a_linked_data_file_is_refused_and_its_target_never_printed(project: Project) -> None:
    (project.data / "about.yaml").unlink()
    os.symlink("/etc/passwd", project.data / "about.yaml")
    problems = problems_of(project)
    assert [p.file for p in problems] == ["data/about.yaml"]
    assert "symbolische link" in problems[0].message
    assert "root:" not in str(problems)


@pytest.mark.parametrize("kind", ["folder", "fifo"])
def test_a_data_file_that_is_a_folder_or_a_pipe_is_refused_without_hanging(project: Project, kind: str) -> None:
    path = project.data / "about.yaml"
    path.unlink()
    path.mkdir() if kind == "folder" else os.mkfifo(path)
    started = time.monotonic()
    problems = problems_of(project)
    assert time.monotonic() - started < 30
    assert [p.file for p in problems] == ["data/about.yaml"]


# --- 7: deep nesting ----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "about: " + "[" * 1000 + "]" * 1000 + "\n",
    "about: " + "{a: " * 1000 + "1" + "}" * 1000 + "\n",
    "about: " + "[" * 100_000 + "]" * 100_000 + "\n",
    "".join(" " * i + f"k{i}:\n" for i in range(200)) + " " * 200 + "x: 1\n",
], ids=["flow-lists-1000", "flow-maps-1000", "flow-lists-100000", "block-maps-200"])
def test_deep_nesting_is_a_located_problem(tmp_path: Path, text: str) -> None:
    path = tmp_path / "about.yaml"
    path.write_text(text, encoding="utf-8")
    doc, problems = load_document(path, "data/about.yaml")
    assert problems and all(p.line >= 1 and p.column >= 1 for p in problems)
    assert f"dieper genest dan {MAX_DEPTH}" in problems[0].message


# --- 8: block syntax at the start of a value ---------------------------------------

@pytest.mark.parametrize("text", ['!!! danger "Gehackt"', '??? note "x"', "!!!note", "- !!! danger"])
def test_admonition_markers_stay_text(text: str) -> None:
    for page in (f"{markdown.escape(text)}\n", f"- {markdown.escape(text)}\n", f"1. {markdown.escape(text)}\n"):
        html = python_markdown.markdown(page, extensions=["admonition", "abbr", "attr_list", "tables"])
        assert "admonition" not in html, html


# --- 9: what passes check must build -------------------------------------------------

def test_a_city_without_coordinates_fails_check_at_its_name(project: Project) -> None:
    text = (project.data / "cities.yaml").read_text(encoding="utf-8")
    (project.data / "cities.yaml").write_text(text.replace("name: \"Zwolle\"", "name: \"Zwollendam\"", 1), encoding="utf-8")
    problem = only_problem(project)
    assert problem.file == "data/cities.yaml" and "GeoNames" in problem.message
    line = text.splitlines()[problem.line - 1]
    assert "Zwolle" in line


def test_an_id_too_long_for_a_file_name_is_refused(project: Project) -> None:
    long_id = "a" * 300
    text = (project.data / "sessions.yaml").read_text(encoding="utf-8")
    (project.data / "sessions.yaml").write_text(text.replace("id: volledige-agenda", f"id: {long_id}", 1),
                                                encoding="utf-8")
    problem = only_problem(project)
    assert problem.file == "data/sessions.yaml"
    assert len(str(problem)) < 400, "the message quotes a part of the id, not all of it"


def test_a_two_megabyte_id_gives_a_short_message(project: Project) -> None:
    text = (project.data / "cities.yaml").read_text(encoding="utf-8")
    (project.data / "cities.yaml").write_text(text.replace("id: zwolle", "id: Z" + "x" * 2_000_000, 1),
                                              encoding="utf-8")
    started = time.monotonic()
    problems = problems_of(project)
    assert time.monotonic() - started < 30
    assert problems and all(len(str(p)) < 600 for p in problems)
    assert any("…" in p.message and len(p.message) < 200 for p in problems)


# --- 10: calendar dates --------------------------------------------------------------

@pytest.mark.parametrize("date", ["2021-02-30", "2021-02-29", "2021-04-31", "２０２１-０３-０１", "2021-0３"])
def test_impossible_dates_are_refused(project: Project, date: str) -> None:
    text = (project.data / "jaarverslagen" / "2021" / "activities.yaml").read_text(encoding="utf-8")
    first = re.search(r'date: "?(\d{4}(?:-\d\d){0,2})"?', text)
    (project.data / "jaarverslagen" / "2021" / "activities.yaml").write_text(
        text[: first.start()] + f'date: "{date}"' + text[first.end():], encoding="utf-8")
    problem = only_problem(project)
    assert problem.line == text[: first.start()].count("\n") + 1
    assert "datum" in problem.message


@pytest.mark.parametrize("date", ["2020-02-29", "2021", "2021-12", "2021-04-30"])
def test_real_dates_pass(project: Project, date: str) -> None:
    text = (project.data / "jaarverslagen" / "2021" / "activities.yaml").read_text(encoding="utf-8")
    first = re.search(r'date: "?(\d{4}(?:-\d\d){0,2})"?', text)
    (project.data / "jaarverslagen" / "2021" / "activities.yaml").write_text(
        text[: first.start()] + f'date: "{date}"' + text[first.end():], encoding="utf-8")
    assert problems_of(project) == []


# --- 15: CSV, invisible characters, terms ------------------------------------------

@pytest.mark.parametrize("text", ["=HYPERLINK(\"https://evil.example\")", "+1+2", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_csv_cells_never_start_a_formula(text: str) -> None:
    out = io.StringIO()
    csv.writer(out).writerow([csv_cell(text)])
    cell = next(csv.reader(io.StringIO(out.getvalue())))[0]
    assert cell == "'" + text


def test_the_open_data_csv_neutralises_a_formula_title(project: Project) -> None:
    text = (project.data / "sources.yaml").read_text(encoding="utf-8")
    first = re.search(r"title: .*", text)
    (project.data / "sources.yaml").write_text(
        text[: first.start()] + 'title: "=HYPERLINK(\\"https://evil.example\\")"' + text[first.end():],
        encoding="utf-8")
    files = prepare(project).files
    rows = list(csv.DictReader(io.StringIO(files["open-data/bronnen.csv"].decode())))
    assert rows[0]["title"].startswith("'=HYPERLINK")
    assert all(not v.startswith(("=", "+", "-", "@")) for row in rows for v in row.values())


@pytest.mark.parametrize("char", ["\x00", "\x1b", "\x07", "\x85", "\u202e", "\u2066", "\u200f"])
def test_control_and_bidi_characters_are_refused_where_they_stand(project: Project, char: str) -> None:
    lines = replace_once(project, "cities", 'name: "Zwolle"', f'name: "Zwo\\u{ord(char):04x}lle"')
    problem = only_problem(project)
    assert f"U+{ord(char):04X}" in problem.message
    assert "name:" in lines[problem.line - 1]


@pytest.mark.parametrize(("old", "new", "message"), [
    ('term: "VNG"', 'term: "de"', "gewoon Nederlands woord"),
    ('term: "EZK"', 'term: "BZK"', "staat er al"),
], ids=["common-word", "repeated"])
def test_a_term_that_would_mark_up_the_wrong_words_is_refused(project: Project, old: str, new: str, message: str) -> None:
    lines = replace_once(project, "organisations", old, new)
    problem = only_problem(project)
    assert message in problem.message
    assert old in lines[problem.line - 1]


def test_the_real_data_passes_every_rule_above(project: Project) -> None:
    assert problems_of(project) == []
