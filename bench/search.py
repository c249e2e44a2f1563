"""`make bench`, search: what a reader downloads before the first results, at 1×, 10× and 100×
content, for our index and for Pagefind on the same built pages; whether each works from
file://; and how well the Dutch query suite (tests/search_queries.py) is answered.

Bytes are the gzip-compressed sizes of the files the browser requested (our index files as
`gzip -6` would send them; Pagefind's files are compressed already and count as they are).
Each query runs in a fresh browser context, so nothing is cached.
"""

from __future__ import annotations

import gzip
import statistics
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

from tests.browser import CHROMIUM, FLAGS, serve
from tests.search_queries import QUERIES

REPO = Path(__file__).resolve().parent.parent
PAGEFIND = [str(REPO / ".venv-engines" / "bin" / "python"), "-m", "pagefind"]
PAGE_VIEWS = ["", "agenda/", "agenda/talent/", "steden/zwolle/", "in-beeld/", "jaarverslag/tijdlijn/"]
SHOWN = 10
"""Results whose title and excerpt are loaded: the first screen of results."""

OURS_JS = """async q => {
  const input = document.querySelector('input.md-search__input');
  input.focus();
  input.value = q;
  input.dispatchEvent(new Event('input'));
  await new Promise((ok, fail) => { const t0 = Date.now(); (function wait() {
    const r = document.querySelector('.md-search-result');
    if (r && r.getAttribute('data-query') === q) ok(); else if (Date.now() - t0 > 20000) fail(new Error('timeout'));
    else setTimeout(wait, 20); })(); });
  return Array.from(document.querySelectorAll('.md-search-result__item > a')).map(a => a.href);
}"""

PAGEFIND_JS = """async ([root, q, shown]) => {
  const pf = await import(root + 'pagefind/pagefind.js');
  await pf.init();
  const r = await pf.search(q);
  const data = await Promise.all(r.results.slice(0, shown).map(x => x.data()));
  return data.map(d => new URL(d.url, root).href);
}"""


def gzip_bytes(path: Path) -> int:
    body = path.read_bytes()
    if body[:2] == b"\x1f\x8b":  # Pagefind stores its index gzip-compressed already
        return len(body)
    return len(gzip.compress(body, 6, mtime=0))


def run_pagefind(site: Path) -> None:
    subprocess.run([*PAGEFIND, "--site", str(site), "--root-selector", "article", "--force-language", "nl", "--silent"],
                   check=True)


def _requested(site: Path, urls: list[str], base: str, folder: str) -> int:
    total = 0
    for url in dict.fromkeys(urls):
        path = urlsplit(url).path
        if url.startswith(base) and path.startswith(f"/{folder}/"):
            total += gzip_bytes(site / path.lstrip("/"))
    return total


def measure(site: Path, engine: str, queries: list[tuple[str, tuple[str, ...]]]) -> dict:
    """Bytes per query before the first screen of results, search bytes on plain page views,
    and the top results per query (for precision and recall)."""
    from playwright.sync_api import sync_playwright

    folder = "search" if engine == "ours" else "pagefind"
    result: dict = {"bytes": [], "views": 0, "top": {}}
    with serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for view in PAGE_VIEWS:
            context = browser.new_context()
            page = context.new_page()
            urls: list[str] = []
            page.on("request", lambda r: urls.append(r.url))
            page.goto(base + view)
            page.wait_for_load_state("networkidle")
            result["views"] += _requested(site, urls, base, folder)
            context.close()
        for query, _ in queries:
            context = browser.new_context()
            page = context.new_page()
            urls = []
            page.on("request", lambda r: urls.append(r.url))
            page.goto(base)
            if engine == "ours":
                found = page.evaluate(OURS_JS, query)
            else:
                found = page.evaluate(PAGEFIND_JS, [base, query, SHOWN])
            result["bytes"].append(_requested(site, urls, base, folder))
            result["top"][query] = [urlsplit(u).path.lstrip("/") for u in found]
            context.close()
        browser.close()
    return result


def works_from_file(site: Path, engine: str) -> str:
    """'ja' when a search from file:// (every other request blocked) shows Apeldoorn's page,
    else the error the browser gave."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page()
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                   else route.abort())
        root = site.as_uri() + "/"
        page.goto(root + "index.html")
        try:
            if engine == "ours":
                found = page.evaluate(OURS_JS, "Apeldoorn")
            else:
                found = page.evaluate(PAGEFIND_JS, [root, "Apeldoorn", 3])
            answer = "ja" if any("apeldoorn" in u for u in found) else f"nee (gevonden: {found[:3]})"
        except Exception as error:  # the browser's refusal is the finding
            answer = "nee: " + str(error).splitlines()[0][:120]
        browser.close()
    return answer


def scores(top: dict[str, list[str]]) -> tuple[float, float, float]:
    """(recall@3, precision@1, mean reciprocal rank) of the query suite."""
    expected = dict(QUERIES)
    found = sum(sum(e in top[q][:3] for e in exp) for q, exp in expected.items())
    recall = found / sum(len(e) for e in expected.values())
    precision = statistics.mean(bool(top[q]) and top[q][0] in exp for q, exp in expected.items())
    rr = [next((1 / (i + 1) for i, u in enumerate(top[q]) if u in exp), 0.0) for q, exp in expected.items()]
    return recall, precision, statistics.mean(rr)


def kib(n: float) -> str:
    return f"{n / 1024:.1f} KiB"


def section(sites: dict[int, Path], lunr_index: dict[int, int]) -> list[str]:
    """The report's search section; `sites` are built sites with our index installed."""
    rows, quality = [], []
    worst_ours = 0
    for scale, site in sites.items():
        run_pagefind(site)
        for engine, name in (("ours", "eigen index"), ("pagefind", "Pagefind")):
            m = measure(site, engine, QUERIES)
            if engine == "ours":
                worst_ours = max(worst_ours, max(m["bytes"]))
            rows.append(f"| {scale}× | {name} | {kib(m['views'])} | {kib(statistics.median(m['bytes']))} | "
                        f"{kib(max(m['bytes']))} |")
            if scale == 1:
                recall, precision, mrr = scores(m["top"])
                missed = [q for q, exp in QUERIES if not all(e in m["top"][q][:3] for e in exp)]
                quality.append(f"| {name} | {recall:.0%} | {precision:.0%} | {mrr:.2f} | "
                               f"{', '.join(missed) if missed else '—'} |")
        rows.append(f"| {scale}× | lunr (mkdocs-material, vroeger) | {kib(lunr_index[scale])} | — | — |")
    one = sites[1]
    return ["## Zoeken", "",
            f"Per zoekvraag uit de suite ({len(QUERIES)} vragen, `tests/search_queries.py`), in een verse Chromium-"
            f"context: de gzip-bytes die de browser ophaalt tot de eerste {SHOWN} resultaten met titel en uittreksel "
            "er staan. *Paginabezoek*: zoekbytes bij het openen van "
            f"{len(PAGE_VIEWS)} pagina's zonder te zoeken (samen). lunr haalde vroeger bij elk eerste bezoek de hele "
            "`search_index.json` op (gzip-grootte hieronder).", "",
            "| schaal | zoeker | paginabezoek | mediaan tot eerste resultaten | slechtste vraag |",
            "| --- | --- | --- | --- | --- |", *rows, "",
            f"Grens: 150 KiB gzip tot de eerste resultaten; slechtste vraag met onze index over alle schalen: "
            f"**{kib(worst_ours)}**.", "",
            "Kwaliteit van de zoekvraagsuite bij 1× (de echte site): *recall@3* = verwachte pagina's in de top 3; "
            "*precisie@1* = de eerste treffer is een verwachte pagina; MRR = gemiddelde 1/rang van de eerste "
            "verwachte pagina.", "",
            "| zoeker | recall@3 | precisie@1 | MRR | mist |", "| --- | --- | --- | --- | --- |", *quality, "",
            f"Vanuit `file://` (alle andere verzoeken geblokkeerd): eigen index **{works_from_file(one, 'ours')}**; "
            f"Pagefind **{works_from_file(one, 'pagefind')}**.", ""]
