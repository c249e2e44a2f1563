"""Golden files: the generated Markdown of a few pages, one case per file.

Regenerate deliberately with `pytest tests/test_golden.py --update-golden` and review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import bundle, kinds
from generator.build import prepare
from generator.pages import pages
from generator.render import render_pages
from generator.terms import abbreviations
from generator.validate import load_site
from tests.conftest import REPO, copy_project, seeds_at

GOLDEN = Path(__file__).parent / "golden"
EXTRA = [
    "agenda/2019-2022/ruimtelijke-kwaliteit.md",
    "bronnen/jaarverslag-2021.md",
    "steden/s-hertogenbosch.md",
    "activiteiten/uitvoeringsagenda-mkb.md",
    "archief/aanbiedingsbrief-raadsessie.md",
]
"""Pages beyond one per kind (generator/kinds.py): a name with an apostrophe, a theme with
more work, a source with the most passages taken, an activity without a city, a letter."""
CASES = [*kinds.samples("site", generated=True).values(), *EXTRA]
"""One page per generated kind (its sample) on the real data, and the extras."""
OTHER_CASES = {f"{k.sample_site}:{k.sample}": k for k in kinds.KINDS if k.template and k.sample_site != "site"}
"""(Their samples name no period: those of the two-period data are not the real data's.)"""
"""The kinds whose sample is on the two-period data (tests/periods.py) or a bundle's cover."""


def golden_file(case: str) -> Path:
    return GOLDEN / case.replace(":", "__").replace("/", "__")


@pytest.fixture(scope="module")
def rendered() -> dict[str, str]:
    site, problems = load_site(REPO / "data")
    assert not problems
    return render_pages(pages(site), abbreviations(site.organisations))


@pytest.fixture(scope="module")
def rendered_elsewhere(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The two-period data's pages, and the whole-site bundle's cover, by `site:path`."""
    from tests import periods

    root, seeds = periods.copy_with_second_period(tmp_path_factory.mktemp("golden-periods"))
    with seeds_at(seeds):
        site, problems = load_site(root / "data")
        assert not problems
        result = {f"two_periods:{p}": text for p, text in render_pages(pages(site), abbreviations(site.organisations)).items()}
    prepared = prepare(copy_project(tmp_path_factory.mktemp("golden-bundle")))
    session = next(s for s in prepared.site.sessions.sessions if s.whole_site)
    cover = bundle.bundle_pages(prepared, session)
    result.update({f"bundle:{p}": text for p, text in render_pages(cover, prepared.abbreviations).items()})
    return result


def compare(text: str, golden: Path, update_golden: bool) -> None:
    if update_golden:
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden.name}: run pytest --update-golden"
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("page", CASES)
def test_generated_markdown_matches_golden_file(rendered: dict[str, str], page: str, update_golden: bool) -> None:
    compare(rendered[page], golden_file(page), update_golden)


@pytest.mark.parametrize("case", OTHER_CASES)
def test_other_data_markdown_matches_golden_file(rendered_elsewhere: dict[str, str], case: str,
                                                 update_golden: bool) -> None:
    compare(rendered_elsewhere[case], golden_file(case), update_golden)


def test_every_page_kind_has_a_golden_file() -> None:
    """A kind with a template and no golden file would change unnoticed."""
    cases = {*CASES, *OTHER_CASES}
    wanted = {k.name: k.sample_path() if k.sample_site == "site" else f"{k.sample_site}:{k.sample}"
              for k in kinds.KINDS if k.template}
    missing = [name for name, case in wanted.items() if case not in cases or not golden_file(case).exists()]
    assert missing == [], f"page kinds without a golden file: {missing} (run pytest --update-golden)"
