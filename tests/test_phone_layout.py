"""Phones (issue 25): at 375 px no table or chart of any page is cut off. Tables take a
reading form (each row a block, each cell named by its column: generator/phone_tables.py
and toegang.css); charts shrink with the column and keep their proportions."""

from __future__ import annotations

import re
from pathlib import Path

from tests.browser import Watch

LAYOUT = """() => {
  const width = innerWidth, out = [];
  if (document.scrollingElement.scrollWidth > width) out.push('pagina ' + document.scrollingElement.scrollWidth + ' px breed');
  for (const table of document.querySelectorAll('.md-content table')) {
    const r = table.getBoundingClientRect();
    if (r.right > width + 0.5 || table.scrollWidth > table.clientWidth + 1) out.push('tabel afgesneden: ' + table.rows[0].textContent.trim().slice(0, 60));
    if (getComputedStyle(table).display !== 'block') out.push('tabel zonder leesvorm: ' + table.rows[0].textContent.trim().slice(0, 60));
    for (const td of table.querySelectorAll('tbody td'))
      if (!td.dataset.label && table.tHead && table.tHead.rows[0].cells[td.cellIndex].textContent.trim()) out.push('cel zonder kolomnaam');
  }
  for (const svg of document.querySelectorAll('.md-content svg.plaatje, .md-content svg.kaart')) {
    if (!svg.getClientRects().length) continue;  // the map drawn for the other width
    const r = svg.getBoundingClientRect(), box = svg.viewBox.baseVal;
    if (r.right > width + 0.5 || r.right > svg.parentElement.getBoundingClientRect().right + 0.5) out.push('plaatje afgesneden: ' + svg.id + svg.getAttribute('aria-labelledby'));
    if (Math.abs(r.width / r.height - box.width / box.height) > 0.01 * box.width / box.height) out.push('plaatje vervormd: ' + svg.getAttribute('aria-labelledby'));
  }
  return out;
}"""


def pages_with_tables_or_pictures(site: Path) -> list[str]:
    """Every built page that has a table or a picture, as its address in the site."""
    found = []
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        if "<table" in html or re.search(r'<svg [^>]*class="(plaatje|kaart)', html):
            found.append(page.relative_to(site).as_posix().removesuffix("index.html"))
    return found


def test_no_table_or_chart_is_cut_at_375_px(browser, built_site: Path, site_url: str) -> None:
    paths = pages_with_tables_or_pictures(built_site)
    assert len(paths) > 50 and "in-beeld/" in paths and "bronnen/kernboodschappen/" in paths
    page = browser.new_page(viewport={"width": 375, "height": 800})
    watch = Watch(page, site_url.split("/")[2])
    cut = {}
    for path in paths:
        page.goto(site_url + path)
        found = page.evaluate(LAYOUT)
        if found:
            cut[path] = found
    page.close()
    assert cut == {}
    assert watch.foreign == [] and watch.errors == []
