"""A corpus of broken inputs (tests/invalid/*.yaml), each with the message an editor gets.

Each case names a data file and how to break it (find/replace, append, whole content, a
foreign encoding, padding, deletion) and what the first reported problem must say: its
message, and a snippet of the line it must point at (with `occurrence`, 0-based, when the
snippet stands on several lines). Every case also checks that nothing
was written: `generate` fails before build/docs exists.
"""

from __future__ import annotations

import re
import time
import tracemalloc
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from generator.__main__ import cli
from generator.build import Project
from generator.load import load_document

CASES = sorted((Path(__file__).parent / "invalid").glob("*.yaml"))
LOCATED = re.compile(r"^(?:Error: )?(data/[\w./-]+):(\d+):(\d+): (.*)$")


def apply(case: dict, data: Path) -> Path:
    path = data / case["file"]
    if case.get("delete"):
        path.unlink()
        return path
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if "content" in case:
        text = case["content"]
    for find_key, replace_key in (("find", "replace"), ("second_find", "second_replace")):
        if find_key in case:
            assert case[find_key] in text, f"{case[find_key]!r} not found in {path.name}"
            text = text.replace(case[find_key], case[replace_key], 1)
    text += case.get("append", "")
    body = text.encode(case.get("encoding", "utf-8"))
    if "pad" in case:
        body += b"#" + b"x" * case["pad"] + b"\n"
    path.write_bytes(body)
    return path


def test_the_corpus_has_at_least_forty_cases() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize("case_file", CASES, ids=lambda p: p.stem)
def test_broken_input_is_reported_where_it_is_and_nothing_is_written(case_file: Path, project: Project) -> None:
    case = yaml.safe_load(case_file.read_text(encoding="utf-8"))
    expect = case["expect"]
    path = apply(case, project.data)

    result = CliRunner().invoke(cli, ["check", "--root", str(project.root)])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    reported = [line for line in result.output.splitlines() if expect["message"] in line]
    assert reported, result.output
    first = reported[0]
    assert re.search(r"\d+ fout(en)? in \d+ bestand(en)?; er is niets gebouwd\.$", result.output.strip())
    if expect["line_contains"]:
        match = LOCATED.match(first)
        assert match and match.group(1) == f"data/{case['file']}", first
        lines = path.read_bytes().decode("utf-8", errors="replace").splitlines()
        line = int(match.group(2))
        assert expect["line_contains"] in lines[line - 1], f"line {line}: {lines[line - 1]!r}"
        if "occurrence" in expect:
            hits = [i + 1 for i, text in enumerate(lines) if expect["line_contains"] in text]
            assert line == hits[expect["occurrence"]], f"expected occurrence {expect['occurrence']} of {hits}"

    generated = CliRunner().invoke(cli, ["generate", "--root", str(project.root)])
    assert generated.exit_code == 1
    assert not project.docs.exists(), "a failed check must not write any page"


def test_alias_bomb_is_refused_fast_and_small(tmp_path: Path) -> None:
    levels = ["a: &a [" + ", ".join(["x"] * 9) + "]"]
    for previous, name in zip("abcdefghijklmnopqrstuvwxy", "bcdefghijklmnopqrstuvwxyz"):
        levels.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(levels) + "\n", encoding="utf-8")  # 9**26 items if expanded
    tracemalloc.start()
    started = time.perf_counter()
    doc, problems = load_document(path, "data/bomb.yaml")
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert problems and "aliassen" in problems[0].message
    assert elapsed < 2 and peak < 20 * 1024 * 1024


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbfa: b\n")
    doc, problems = load_document(path, "data/bom.yaml")
    assert problems == [] and doc.data == {"a": "b"}
