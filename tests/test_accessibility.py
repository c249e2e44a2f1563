"""Public readers: zero axe violations (WCAG 2.0/2.1 A and AA) on every kind of page, at a
desktop and a phone width; no third parties, no cookies. (That Dutch queries find their page
is tests/test_search_browser.py's, on the site and in a bundle.)"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from generator import kinds
from tests.browser import Watch, axe_violations, search, serve

PAGE_KINDS = {label: kinds.url(path) for label, path in kinds.samples("site").items()}
"""Every page kind's sample on the real data's site, by its Dutch label (generator/kinds.py)."""
ELSEWHERE = {k.label: k for k in kinds.KINDS if k.sample_site != "site"}
"""The kinds whose sample is on the two-period site, or in its whole-site bundle (the cover)."""


def sample_site(request: pytest.FixtureRequest, kind: kinds.Kind) -> tuple[Path, str]:
    """The built folder that holds `kind`'s sample, and the sample's address in it."""
    if kind.sample_site == "two_periods":
        return request.getfixturevalue("two_periods_built"), kinds.url(kind.sample)  # no period in it (see kinds.Kind.sample)
    return request.getfixturevalue("two_periods_bundle"), kinds.built(kind.sample)


WIDTHS = {"desktop": 1280, "telefoon": 375}

@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()



@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("path", PAGE_KINDS.values(), ids=PAGE_KINDS.keys())
def test_no_axe_violations(site_tabs, axe: Axe, site_url: str, path: str, width: int) -> None:
    page, watch = site_tabs.open(site_url + path, width)
    assert axe_violations(axe, page) == []
    assert watch.foreign == [] and watch.errors == []
    assert page.context.cookies() == []


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("label", ELSEWHERE)
def test_no_axe_violations_on_kinds_sampled_elsewhere(request: pytest.FixtureRequest, browser, axe: Axe, label: str,
                                                      width: int) -> None:
    folder, path = sample_site(request, ELSEWHERE[label])
    with serve(folder) as url:
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        watch = Watch(page, urlsplit(url).netloc)
        page.goto(url + path)
        page.wait_for_load_state("networkidle")
        assert axe_violations(axe, page) == []
        assert watch.foreign == [] and watch.errors == []
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_no_axe_violations_with_search_results_open(browser, axe: Axe, site_url: str, width: int, scheme: str) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url)
    assert search(page, "ondermijning")
    # Judge what the reader sees once the dialog has settled: no pointer left over a button
    # (its tooltip), no colour halfway through one of the theme's fades.
    page.mouse.move(0, 0)
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    assert axe_violations(axe, page) == []
    context.close()


def test_skip_link_and_visible_focus(browser, site_url: str) -> None:
    page = browser.new_page()
    page.goto(site_url + "agenda/2019-2022/")
    page.keyboard.press("Tab")
    focused = page.evaluate("() => [document.activeElement.textContent.trim(), "
                            "getComputedStyle(document.activeElement).outlineStyle]")
    assert focused[0] == "Ga naar inhoud"
    assert focused[1] != "none"
    page.close()


def test_security_txt_and_dutch_404(built_site: Path) -> None:
    security = (built_site / ".well-known" / "security.txt").read_text(encoding="utf-8")
    assert "Contact: " in security and "Expires: " in security and "Preferred-Languages: nl" in security
    not_found = (built_site / "404.html").read_text(encoding="utf-8")
    assert '<html lang="nl"' in not_found and "Pagina niet gevonden" in not_found


# --- Colour schemes (issue 25) -----------------------------------------------------------------

DARK_BACKGROUND = "() => getComputedStyle(document.body).backgroundColor"


@pytest.mark.parametrize("path", PAGE_KINDS.values(), ids=PAGE_KINDS.keys())
def test_no_axe_violations_in_the_dark_scheme(site_tabs, axe: Axe, site_url: str, path: str) -> None:
    """The dark scheme follows the reader's system (prefers-color-scheme) and passes axe,
    colour contrast included, on every kind of page."""
    page, watch = site_tabs.open(site_url + path, 1280, color_scheme="dark")
    red, green, blue = (int(v) for v in page.evaluate(DARK_BACKGROUND).strip("rgba()").split(",")[:3])
    assert max(red, green, blue) < 60, "the page is not dark"
    assert axe_violations(axe, page) == []
    assert watch.foreign == [] and watch.errors == []


FORCED = """() => {
  const canvas = getComputedStyle(document.body).backgroundColor;
  const shown = (e, pseudo) => { const s = getComputedStyle(e, pseudo);
    return s.display !== 'none' && s.visibility !== 'hidden' && s.maskImage && s.maskImage !== 'none' && e.getClientRects().length; };
  // Icons drawn as a mask over a background colour: that colour must not be the canvas's.
  const icons = [];
  for (const e of document.querySelectorAll('body *')) for (const pseudo of ['::before', '::after', null])
    if (shown(e, pseudo)) icons.push([e.className.baseVal ?? e.className, pseudo, getComputedStyle(e, pseudo).backgroundColor]);
  // (the contrast of each against the canvas is added below, once `ratio` is defined)
  const rgb = c => (c.match(/[\\d.]+/g) || []).slice(0, 3).map(Number).map(v => v / 255)
    .map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  const lum = c => { const [r, g, b] = rgb(c); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  // The map's names against the map's own background.
  const names = [...document.querySelectorAll('svg.kaart')].filter(s => s.getClientRects().length).flatMap(svg =>
    [...svg.querySelectorAll('text')].map(t => [t.textContent, ratio(getComputedStyle(t).fill, getComputedStyle(svg).backgroundColor)]));
  // Table rules: the cells' (on a phone, the rows' of the reading form).
  const cells = [...document.querySelectorAll('.md-typeset td, .md-typeset tr')].map(e => getComputedStyle(e))
    .filter(s => s.borderTopStyle !== 'none' && parseFloat(s.borderTopWidth) > 0).length;
  icons.forEach(icon => icon.push(/rgba\\(.*, 0\\)$/.test(icon[2]) ? 1 : ratio(icon[2], canvas)));
  return {canvas, icons, names, cells, header: getComputedStyle(document.querySelector('.md-header')).borderBottomStyle};
}"""


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("path", ["in-beeld/", "agenda/2019-2022/talent/", "steden/apeldoorn/"])
def test_forced_colours_keep_icons_borders_and_map_names(browser, site_url: str, path: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900}, forced_colors="active")
    page = context.new_page()
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    seen = page.evaluate(FORCED)
    assert seen["icons"], "no icon drawn as a mask: the check has nothing to check"
    assert [icon for icon in seen["icons"] if icon[3] < 3] == []  # an icon at least 3:1 against the canvas
    assert seen["cells"] > 0 and seen["header"] == "solid"
    if path == "in-beeld/":
        assert len(seen["names"]) >= 40 and [n for n in seen["names"] if n[1] < 4.5] == []
    context.close()
