"""bench/tests.py writes its own section of bench/RESULTS.md and nothing else."""

from __future__ import annotations

from pathlib import Path

from bench import tests as test_time

RESULTS = """# Benchmark

Gemeten met `make bench` op 2 cores; 1 runs per meting, mediaan.

## De echte site (1×)

tabel

## Voorbeeld (`make serve`)

Van het opslaan tot de pagina: 1 s.

`generate_share` = 0.5.
"""


def lines(seconds: float, summary: str = "1540 passed, 3 deselected in 590.00s (0:09:50)") -> list[str]:
    return test_time.section(seconds, 0, summary, "abc1234", 0.1, "2026-12-03 12:00 UTC")


def test_the_section_says_time_counts_and_whether_the_target_is_met() -> None:
    text = "\n".join(lines(590))
    assert text.startswith("## Tests\n") and "**9 min 50 s**" in text and "1540 passed" in text
    assert "**gehaald**" in text
    assert "**NIET gehaald**" in "\n".join(lines(601))
    assert "**NIET gehaald**" in "\n".join(test_time.section(300, 1, "2 failed, 5 passed in 300s", "abc", 0, "nu"))
    assert test_time.counts("2 failed, 5 passed, 1 error in 3s") == {"failed": 2, "passed": 5, "error": 1}


def test_writing_adds_then_replaces_only_its_own_section(tmp_path: Path) -> None:
    path = tmp_path / "RESULTS.md"
    path.write_text(RESULTS, encoding="utf-8")
    test_time.write_section(path, lines(590))
    first = path.read_text(encoding="utf-8")
    assert first.replace("\n".join(lines(590)) + "\n", "") == RESULTS, "only the section was added"
    assert first.index("## Tests") < first.index("`generate_share`")
    test_time.write_section(path, lines(420))
    second = path.read_text(encoding="utf-8")
    assert second.count("## Tests") == 1 and "**7 min 00 s**" in second and "9 min 50 s" not in second
    assert second.replace("\n".join(lines(420)) + "\n", "") == RESULTS


def test_make_bench_keeps_the_section_when_it_rewrites_the_file(tmp_path: Path) -> None:
    path = tmp_path / "RESULTS.md"
    path.write_text(RESULTS, encoding="utf-8")
    assert test_time.kept_section(path) == []
    test_time.write_section(path, lines(590))
    assert test_time.kept_section(path) == lines(590)


def test_make_bench_carries_the_section_over() -> None:
    """bench/run.py puts the kept section into the file it writes."""
    source = (Path(test_time.__file__).parent / "run.py").read_text(encoding="utf-8")
    assert "test_time.kept_section(" in source
