"""Golden files: the generated Markdown of a few pages, one case per file.

Regenerate deliberately with `pytest tests/test_golden.py --update-golden` and review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.pages import pages
from generator.render import render_pages
from generator.terms import abbreviations
from generator.validate import load_site
from tests.conftest import REPO

GOLDEN = Path(__file__).parent / "golden"
CASES = [
    "index.md",
    "agenda/2019-2022/index.md",
    "agenda/2019-2022/talent.md",
    "agenda/2019-2022/ruimtelijke-kwaliteit.md",
    "agenda/2019-2022/randvoorwaarden.md",
    "steden/index.md",
    "steden/s-hertogenbosch.md",
    "steden/apeldoorn.md",
    "kernboodschappen.md",
    "jaarverslag/2021/index.md",
    "jaarverslag/2021/sociaal/armoede-schulden.md",
    "jaarverslag/2021/tijdlijn.md",
    "activiteiten/city-deal-impact-ondernemen.md",
    "archief/g32-discussienotitie.md",
    "begrippen.md",
    "bronnen/jaarverslag-2021.md",
    "activiteiten/uitvoeringsagenda-mkb.md",
    "archief/aanbiedingsbrief-raadsessie.md",
]


@pytest.fixture(scope="module")
def rendered() -> dict[str, str]:
    site, problems = load_site(REPO / "data")
    assert not problems
    return render_pages(pages(site), abbreviations(site.organisations))


@pytest.mark.parametrize("page", CASES)
def test_generated_markdown_matches_golden_file(rendered: dict[str, str], page: str, update_golden: bool) -> None:
    golden = GOLDEN / page.replace("/", "__")
    if update_golden:
        golden.write_text(rendered[page], encoding="utf-8")
    assert golden.exists(), f"no golden file for {page}: run pytest --update-golden"
    assert rendered[page] == golden.read_text(encoding="utf-8")
