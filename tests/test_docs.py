"""The README and the developer document stay short, true and linked: they open with the two
commands, carry no hand-written figure (figures live only in bench/RESULTS.md, written by
`make bench`), and every relative link in them and in CONTRIBUTING.md points at a file, and
at a heading when it names one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import REPO

README = REPO / "README.md"
DEVELOPING = REPO / "docs" / "DEVELOPING.md"
CONTRIBUTING = REPO / "CONTRIBUTING.md"
PROSE = [README, DEVELOPING]
LINKED = [README, DEVELOPING, CONTRIBUTING]

NUMBER = r"\d+(?:[.,]\d+)?"
# A measurement in prose: a duration, a size, a share, a measured ratio or a Lighthouse score.
# Design parameters that are not measured (px, pt, mm, the 10× and 100× scales) stay allowed.
FIGURE = re.compile(
    rf"(?<![\w.,]){NUMBER}\s*"
    r"(?:ms|s|sec|seconden?|min|minuten?|minuut|uur|u)(?![\w])"
    rf"|(?<![\w.,]){NUMBER}\s*(?:[KMG]i?B|[kKMG]B|bytes?)\b"
    rf"|(?<![\w.,]){NUMBER}\s*%"
    rf"|(?<![\w.,])\d+[.,]\d+\s*×"
    rf"|(?<![\w.,]){NUMBER}\s*×\s*(?:sneller|trager|zo snel|zo traag|zo groot)"
    r"|\b(?:prestaties|toegankelijkheid|goede praktijken|SEO|score|scores)\b[^.\n|]{0,25}?(?<![\w.])\d{2,3}\b"
    r"|(?<![\w.,])\d+\s*(?:pagina's|bestanden|pdf's|zoekvragen|afkortingen|runs)\b",
    re.IGNORECASE,
)
# Markdown links [text](target), not images' alt text or autolinks; targets without a scheme.
LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s]+)\)")


def figures(text: str) -> list[str]:
    return [m.group(0) for m in FIGURE.finditer(text)]


def relative_links(text: str) -> list[str]:
    return [t for t in LINK.findall(text) if not re.match(r"[a-z][a-z0-9+.-]*:", t, re.I)]


def heading_anchors(text: str) -> set[str]:
    """GitHub's anchors: lower case, punctuation and symbols dropped, spaces become hyphens."""
    without_code = re.sub(r"```.*?```", "", text, flags=re.S)
    headings = re.findall(r"^#{1,6}\s+(.+?)\s*$", without_code, re.M)
    return {re.sub(r"[^\w\- ]", "", h.lower()).replace(" ", "-") for h in headings}


@pytest.mark.parametrize("text", ["21 s", "0,73 s", "28 min", "27 min 58 s", "79 KiB", "1,2 MiB",
                                  "PDF, 91 kB", "0.25 s per stuk", "73%", "20 %", "0,75×",
                                  "ruim 10× sneller", "prestaties 98 tot 100", "Lighthouse-score 94",
                                  "202 pagina's", "23 bestanden", "in 28 minuten", "80 ms"])
def test_the_figure_pattern_sees_a_measurement(text: str) -> None:
    assert figures(text), text


@pytest.mark.parametrize("text", ["13 px", "375 px", "A4, 11 pt, 25 mm marge", "bij 10× en 100×",
                                  "Python 3.11+", "U+0000–U+001F", "make diff BASE=HEAD~1",
                                  "id's langer dan 80 tekens", "Zipf ≥ 3", "agenda/2019-2022.yaml",
                                  "(3.1, 3.2, …)", "raadsessie-2012-12-13-03-g32-discussienotitie.pdf",
                                  "WCAG 2.1 AA", "PDF 1.7", "`make serve PORT=8001`"])
def test_the_figure_pattern_lets_design_parameters_pass(text: str) -> None:
    assert not figures(text), (text, figures(text))


@pytest.mark.parametrize("path", PROSE, ids=lambda p: p.name)
def test_no_hand_written_figures(path: Path) -> None:
    """Timings, sizes, shares and scores go stale the day after they are typed: they belong
    in bench/RESULTS.md, which `make bench` writes; the prose points at its section."""
    found = figures(path.read_text(encoding="utf-8"))
    assert not found, f"{path.relative_to(REPO)}: met de hand geschreven cijfers {found}; zet ze in bench/RESULTS.md"


def test_readme_opens_with_make_site_then_make_test() -> None:
    lines = README.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# ")
    body = [line for line in lines[1:] if line.strip()]
    assert body[0] == "```sh", "the README opens with the commands, before any prose"
    block = body[1:body.index("```")]
    commands = [line.split("#")[0].strip() for line in block if line.split("#")[0].strip()]
    assert commands == ["make site", "make test"]


def test_ci_runs_the_readme_test_command() -> None:
    """.ci/run promises 'exactly the README's test command'."""
    ci = [line.strip() for line in (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
          if line.strip() and not line.lstrip().startswith("#")]
    assert ci[-1] == "make test"
    assert "make test   #" in README.read_text(encoding="utf-8")


def test_readme_is_read_in_five_minutes() -> None:
    assert len(README.read_text(encoding="utf-8").splitlines()) <= 80


def test_readme_points_to_the_next_documents() -> None:
    targets = set(relative_links(README.read_text(encoding="utf-8")))
    assert {"CONTRIBUTING.md", "docs/DEVELOPING.md", "bench/RESULTS.md"} <= targets


@pytest.mark.parametrize("path", LINKED, ids=lambda p: p.name)
def test_relative_links_resolve(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    broken = []
    for target in relative_links(text):
        file, _, anchor = target.partition("#")
        resolved = (path.parent / file).resolve() if file else path
        if not resolved.is_file():
            broken.append(target)
        elif anchor and resolved.suffix == ".md" and anchor not in heading_anchors(resolved.read_text(encoding="utf-8")):
            broken.append(target)
    assert not broken, f"{path.relative_to(REPO)}: links zonder doel {broken}"


def test_the_developer_document_is_not_published() -> None:
    """docs/ sits beside the site's own docs_dir, never inside it."""
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    docs_dir = re.search(r"^docs_dir:\s*(\S+)", config, re.M)
    assert docs_dir and not (REPO / docs_dir.group(1)).resolve().is_relative_to(DEVELOPING.parent.resolve())
    assert not DEVELOPING.parent.resolve().is_relative_to((REPO / docs_dir.group(1)).resolve())
