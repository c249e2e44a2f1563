"""`make bench`, search: what a reader downloads before the first results, at 1×, 10× and 100×
content, for our index and for Pagefind on the same built pages; whether each works from
file://; and how well the Dutch query suite (tests/search_queries.py) is answered.

Bytes are the gzip-compressed sizes of the files the browser requested (our index files as
`gzip -6` would send them; Pagefind's files are compressed already and count as they are).
Each query runs in a fresh browser context, so nothing is cached. Our search is used as a
reader uses it: click the box, type the query; once fast (the engine waits 80 ms after the
last key, so one search runs) and once a letter every 120 ms (every prefix is searched and
loads its shards: the most a query can cost).

`make bench` (bench/run.py) calls `section`; on its own, in a few minutes:
`.venv/bin/python -m bench.search [--scales 1,10,100]` builds the synthetic sites and prints
the section (it writes no file).
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

from tests.browser import CHROMIUM, FLAGS, serve
from tests.search_queries import QUERIES

REPO = Path(__file__).resolve().parent.parent
PAGEFIND = [str(REPO / ".venv-engines" / "bin" / "python"), "-m", "pagefind"]
PAGE_VIEWS = ["", "agenda/2019-2022/", "agenda/2019-2022/talent/", "steden/zwolle/", "in-beeld/", "jaarverslag/2021/tijdlijn/"]
"""Pages of the real data (one agenda, one report); the bench builds them without the redirect pages."""
SHOWN = 10
"""Results whose title and excerpt are loaded: the first screen of results."""

SLOW = 120
"""Milliseconds between keys when typing letter by letter (longer than the engine's 80 ms wait)."""

RESULTS_FOR = """q => { const r = document.querySelector('.md-search-result');
  return r && r.getAttribute('data-query') === q; }"""
RESULT_LINKS = "() => Array.from(document.querySelectorAll('.md-search-result__item > a')).map(a => a.href)"

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


def type_query(page, query: str, delay: int) -> list[str]:
    """Click the search box, type `query` (`delay` ms between keys), return the result links
    once the results answer the whole query."""
    page.locator("input.md-search__input").click()
    page.keyboard.type(query, delay=delay)
    page.wait_for_function(RESULTS_FOR, arg=query, timeout=30000)
    return page.evaluate(RESULT_LINKS)


def measure(site: Path, engine: str, queries: list[tuple[str, tuple[str, ...]]]) -> dict:
    """Search bytes on plain page views (and how many search files they requested), bytes per
    query before the first screen of results (typed fast, and for our engine also letter by
    letter), and the top results per query (for precision and recall)."""
    from playwright.sync_api import sync_playwright

    folder = "search" if engine == "ours" else "pagefind"
    result: dict = {"bytes": [], "slow": [], "views": 0, "view_files": 0, "top": {}}
    with serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for view in PAGE_VIEWS:
            context = browser.new_context()
            page = context.new_page()
            urls: list[str] = []
            page.on("request", lambda r: urls.append(r.url))
            page.goto(base + view)
            page.wait_for_load_state("networkidle")
            page.mouse.wheel(0, 2000)  # read on, without touching search
            page.wait_for_timeout(300)
            result["views"] += _requested(site, urls, base, folder)
            result["view_files"] += len([u for u in urls if urlsplit(u).path.startswith(f"/{folder}/")])
            context.close()
        for query, _ in queries:
            for delay in ((0, SLOW) if engine == "ours" else (0,)):
                context = browser.new_context()
                page = context.new_page()
                urls = []
                page.on("request", lambda r: urls.append(r.url))
                page.goto(base)
                page.wait_for_load_state("networkidle")
                if engine == "ours":
                    found = type_query(page, query, delay)
                else:
                    found = page.evaluate(PAGEFIND_JS, [base, query, SHOWN])
                result["bytes" if delay == 0 else "slow"].append(_requested(site, urls, base, folder))
                if delay == 0:
                    result["top"][query] = [urlsplit(u).path.lstrip("/") for u in found]
                context.close()
        browser.close()
    return result


def public_path(link: str, bundle: Path) -> str:
    """A result link inside an offline bundle as the public site names the page
    (`agenda/index.html` → `agenda/`, `begrippen.html` → `begrippen/`)."""
    rel = Path(unquote(urlsplit(link).path)).relative_to(bundle).as_posix()
    if rel == "index.html":
        return ""
    if rel.endswith("/index.html"):
        return rel[: -len("index.html")]
    return rel.removesuffix(".html") + "/"


def bundle_top(bundle: Path, queries: list[tuple[str, tuple[str, ...]]]) -> dict[str, list[str]]:
    """The top results per query in an offline bundle opened from file://, every other request
    blocked (typed into the box, as on the site), as public-site paths."""
    from playwright.sync_api import sync_playwright

    top = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page()
        blocked: list[str] = []
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                   else (blocked.append(route.request.url), route.abort()))
        page.goto((bundle / "index.html").as_uri())
        for query, _ in queries:
            page.locator("input.md-search__input").fill("")
            top[query] = [public_path(link, bundle) for link in type_query(page, query, 0)]
        browser.close()
    if blocked:
        raise SystemExit(f"the offline bundle asked for the network: {blocked[:3]}")
    return top


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


def quality_row(name: str, top: dict[str, list[str]]) -> str:
    recall, precision, mrr = scores(top)
    missed = [q for q, exp in QUERIES if not all(e in top[q][:3] for e in exp)]
    return f"| {name} | {recall:.0%} | {precision:.0%} | {mrr:.2f} | {', '.join(missed) if missed else '—'} |"


def section(sites: dict[int, Path], lunr_index: dict[int, int], bundle: Path | None = None) -> list[str]:
    """The report's search section; `sites` are built sites with our index installed,
    `bundle` the full offline bundle (folder) of the 1× site."""
    rows, quality = [], []
    worst_ours = 0
    for scale, site in sites.items():
        run_pagefind(site)
        for engine, name in (("ours", "eigen index"), ("pagefind", "Pagefind")):
            m = measure(site, engine, QUERIES)
            print(f"bench search: {scale}× {name}: views {m['views']} B in {m['view_files']} files, "
                  f"median {statistics.median(m['bytes'])} B, max {max(m['bytes'])} B"
                  + (f", letter by letter median {statistics.median(m['slow'])} B, max {max(m['slow'])} B"
                     if m["slow"] else ""), file=sys.stderr, flush=True)
            slow = (f"{kib(statistics.median(m['slow']))} | {kib(max(m['slow']))}" if m["slow"] else "— | —")
            if engine == "ours":
                worst_ours = max(worst_ours, max(m["bytes"]), max(m["slow"]))
            rows.append(f"| {scale}× | {name} | {kib(m['views'])} ({m['view_files']} bestanden) | "
                        f"{kib(statistics.median(m['bytes']))} | {kib(max(m['bytes']))} | {slow} |")
            if scale == 1:
                quality.append(quality_row(f"{name}, site", m["top"]))
        rows.append(f"| {scale}× | lunr (mkdocs-material, vroeger) | {kib(lunr_index[scale])} | — | — | — | — |")
    if bundle is not None:
        quality.append(quality_row("eigen index, offline bundel (`file://`)", bundle_top(bundle, QUERIES)))
    one = sites[1]
    return ["## Zoeken", "",
            f"Per zoekvraag uit de suite ({len(QUERIES)} vragen, `tests/search_queries.py`), in een verse Chromium-"
            f"context: de gzip-bytes die de browser ophaalt tot de eerste {SHOWN} resultaten met titel en uittreksel "
            "er staan. Onze zoeker: zoekveld aanklikken en typen, snel (na de laatste toets wacht de zoeker 80 ms, "
            f"dus één zoekactie) en letter voor letter (elke {SLOW} ms een toets: elk begin van het woord wordt "
            "gezocht en laadt zijn shards, het meeste wat een vraag kan kosten). Pagefind: via zijn eigen API. "
            "*Paginabezoek*: zoekbytes (en zoekbestanden) bij het openen, laden en scrollen van "
            f"{len(PAGE_VIEWS)} pagina's zonder het zoekveld aan te raken (samen). lunr haalde vroeger bij elk eerste "
            "bezoek de hele `search_index.json` op (gzip-grootte hieronder).", "",
            "| schaal | zoeker | paginabezoek | mediaan tot eerste resultaten | slechtste vraag "
            "| letter voor letter: mediaan | letter voor letter: slechtste |",
            "| --- | --- | --- | --- | --- | --- | --- |", *rows, "",
            f"Grens: 150 KiB gzip tot de eerste resultaten; slechtste vraag met onze index over alle schalen en "
            f"beide manieren van typen: **{kib(worst_ours)}**.", "",
            "Kwaliteit van de zoekvraagsuite bij 1× (de echte gegevens), op de site en in de volledige offline bundel: "
            "*recall@3* = verwachte pagina's in de top 3; *precisie@1* = de eerste treffer is een verwachte pagina; "
            "MRR = gemiddelde 1/rang van de eerste verwachte pagina.", "",
            "| zoeker | recall@3 | precisie@1 | MRR | mist |", "| --- | --- | --- | --- | --- |", *quality, "",
            f"Vanuit `file://` (alle andere verzoeken geblokkeerd): eigen index **{works_from_file(one, 'ours')}**; "
            f"Pagefind **{works_from_file(one, 'pagefind')}**.", ""]


def lunr_bytes(site: Path) -> int:
    """The gzip size of the index mkdocs-material's lunr fetched on every first page view."""
    return len(gzip.compress((site / "search" / "search_index.json").read_bytes(), 6, mtime=0))


def full_bundle(project) -> Path:
    """The whole-site offline bundle of a project, built (not zipped) as `make site` builds it."""
    from generator.build import prepare
    from generator.bundle import build_bundle

    prepared = prepare(project)
    session = next(s for s in prepared.site.sessions.sessions if s.whole_site)
    return build_bundle(project, prepared, session).folder


def main() -> None:
    """Build the 1× (real) and synthetic sites, index them, and print the search section."""
    from bench.synthetic import make_project
    from generator import search
    from generator.build import generate

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="1,10,100", help="comma-separated; 1 must be among them")
    scales = [int(n) for n in parser.parse_args().scales.split(",")]
    if not Path(PAGEFIND[0]).exists():
        raise SystemExit("Pagefind ontbreekt: maak eerst .venv-engines (make .venv-engines/.installed-from-lock)")
    work = Path(tempfile.mkdtemp(prefix="stedenagenda-bench-search-"))
    try:
        sites, lunr, projects = {}, {}, {}
        for n in scales:
            project = projects[n] = make_project(work / f"x{n}", n)
            subprocess.run(["git", "init", "-q"], cwd=project.root, check=True)
            generate(project)
            sites[n] = work / f"site{n}"
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(project.config),
                            "-d", str(sites[n])], cwd=REPO, check=True)
            lunr[n] = lunr_bytes(sites[n])
            counts = search.install(sites[n], directory_urls=True)
            print(f"bench search: {n}× built, {counts['pages']} pages, {counts['keys']} keys", file=sys.stderr,
                  flush=True)
        print("\n".join(section(sites, lunr, full_bundle(projects[1]))))
    finally:
        import shutil

        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
