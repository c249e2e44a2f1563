"""Our own Dutch search: a chunked index built from the finished HTML, and a small engine
that loads it by `<script>` tags, so the same files work on the web and from `file://`.

Why not mkdocs-material's lunr or Pagefind: see docs/DEVELOPING.md (Zoeken). In short:
lunr ships the whole index on every page view and cannot stem what it appends `*` to;
Pagefind chunks its index but loads it with `fetch` and WebAssembly, which `file://` refuses,
and matches only word prefixes (no compound parts, no typos, no irregular plurals).

The build reads every page's article from the built site, never the Markdown: what the
reader sees is what gets indexed. Each index key carries its postings with the kind of
match already weighed in:

- the word itself (1.0), split on anything that is not a letter or digit, and never across
  elements (SVG labels, table cells), since every tag but inline formatting separates;
- the other forms of its lemma (0.8; simplemma's Dutch dictionary: steden ↔ stad);
- the parts of a compound (0.4; split with wordfreq's Dutch frequency list: gemeentefonds →
  gemeente + fonds), low enough that a page about the part itself ranks first;
- the page's search aliases from the data (`search_aliases`), weighed like its title.

Inflected forms that stand on no page point to their lemma. Keys are grouped into shards by
prefix, split further while a shard is bigger than SHARD_BUDGET, so a query loads one or two
small files however large the site grows.
"""

from __future__ import annotations

import functools
import gzip
import json
import math
import shutil
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import regex

from generator import chrome, kinds

ASSETS = Path(__file__).resolve().parent / "search_assets"
FOLDER = "search"
"""Where the index and the engine go in a built site."""

WORD = regex.compile(r"[\p{L}\p{N}]+")
"""A word: letters and digits; everything else (quotes, brackets, slashes, hyphens,
apostrophes, punctuation) separates. The engine uses the same expression."""

INLINE = {"a", "abbr", "b", "cite", "code", "em", "i", "kbd", "mark", "q", "s", "small", "span", "strong", "sub",
          "sup", "u", "var", "time", "data", "dfn", "del", "ins"}
"""Tags inside which a word may continue (`<strong>Rijks</strong>overheid`); every other tag
separates, so SVG labels and table cells are never glued together."""

SKIP = {"script", "style", "template", "noscript"}
NOT_PROSE = {"table", "svg", "figure", "details"}
"""Where a page's text is not running prose: indexed, but not its excerpt (nor is the title
of a note block, "Bron")."""

CHROME = chrome.search_skips()
"""Classes of what stands in the article but is not the page's content (generator/chrome.py)."""
WHOLE_BLOCKS = chrome.whole_blocks()
"""Classes of links whose whole paragraph is not content: "Bewerk deze pagina"."""

TITLE, HEADING, BODY = 10.0, 4.0, 1.0
"""Weight of a word by where it stands; aliases count as title."""
LEMMA, PART = 0.8, 0.4
"""Weight of a match by another form of the lemma, and by a part of a compound."""

SHARD_BUDGET = 96 * 1024
"""Raw bytes above which a shard is split by one more letter (about 25-35 KiB gzipped)."""
DOC_CHUNK = 48
"""Result entries (title, link, excerpt) per file: a page of results loads a few of these."""
EXCERPT = 160
"""Characters of a page's text shown under its title in the results."""

HEAD_MIN_ZIPF, LEFT_MIN_ZIPF = 3.0, 2.5
"""How common (wordfreq's Zipf scale: 3 = once per million words) a compound's last part
and its other parts must be; below that, splits are mostly accidents (`ondermijning` is not
`onder` + `mijning`). A last part of eight letters or more is rarely an accident, so it
may be rarer (`taakdifferentiatie`)."""
SHORT_MIN_ZIPF = 4.5
SUFFIXES = {"lijk", "lijke", "heid", "heden", "baar", "bare", "schap", "schappen", "loos", "loze", "zaam", "zame",
            "achtig", "achtige", "ing", "ingen", "tje", "tjes", "isch", "ische", "erij", "ster", "sters", "ende"}
"""Endings that make a derivation, not a compound, though some are words on their own
(`gemeentelijk` is not `gemeente` + `lijk`)."""
LINKS = ("s", "e", "en", "er")
"""What Dutch puts between the parts of a compound (`opschaling-s-korting`, `stad-s-deel`)."""


def fold(text: str) -> str:
    """Lowercase without diacritics: `Financiën` and `financien` are one word."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def words(text: str) -> list[str]:
    """The folded words of a text."""
    return WORD.findall(fold(text))


# --- reading built pages ------------------------------------------------------------------


@dataclass
class PageText:
    """What the index needs of one built page."""

    url: str
    title: str = ""
    parts: list[tuple[float, str]] = field(default_factory=list)
    """(weight, text) in reading order."""
    aliases: list[str] = field(default_factory=list)
    excluded: bool = False
    """The page asks to stay out of search (the print page of a bundle repeats every piece)."""
    prose: list[str] = field(default_factory=list)
    """The body's running text, outside tables, pictures and collapsed notes, as written: the
    excerpt reads as sentences, not as "Gegeven Waarde Provincie …" from a table's cells."""

    @property
    def body(self) -> str:
        return _joined(t for w, t in self.parts if w == BODY)


def _joined(pieces: Iterable[str]) -> str:
    """Text pieces as one line: pieces split by inline markup join as written (`<em>x</em>.`
    is "x.", not "x ."); element boundaries already added their own space."""
    return " ".join("".join(pieces).split())


class _Article(HTMLParser):
    """The article of a mkdocs-material page: title, headings and text, split at every
    non-inline tag; and the search aliases the page carries in its head."""

    VOID = {"meta", "link", "br", "img", "hr", "input", "wbr", "area", "col", "source", "path", "circle", "rect",
            "line", "polygon", "polyline", "ellipse", "use", "stop"}

    def __init__(self, page: PageText) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.stack: list[str] = []
        """What each open element inside the article is: "skip", "title", "heading" or ""."""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        classes = a.get("class") or ""
        if tag == "meta" and a.get("name") == "stedenagenda:search-alias" and a.get("content"):
            self.page.aliases.append(a["content"] or "")
        if tag == "meta" and a.get("name") == "stedenagenda:search-exclude":
            self.page.excluded = True
        if not self.stack:
            if tag == "article" and "md-content__inner" in classes:
                self.stack.append("")
            return
        if tag not in INLINE:
            self._separate()
        if tag in self.VOID:
            return
        if tag == "a" and WHOLE_BLOCKS & set(classes.split()) and len(self.stack) > 1:
            self.stack[-1] = "skip"  # the edit link's paragraph; the link comes first in it
        if tag in SKIP or CHROME & set(classes.split()):
            self.stack.append("skip")
        elif tag in NOT_PROSE or "admonition-title" in classes.split():
            self.stack.append("table")
        elif tag == "h1":
            self.stack.append("title")
        elif tag in ("h2", "h3", "h4", "h5", "h6"):
            self.stack.append("heading")
        else:
            self.stack.append("")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.stack and tag not in INLINE:
            self._separate()
        elif not self.stack:
            self.handle_starttag(tag, attrs) if tag == "meta" else None

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or tag in self.VOID:
            return
        self.stack.pop()
        if tag not in INLINE:
            self._separate()

    def _separate(self) -> None:
        self.page.parts.append((BODY, " "))
        self.page.prose.append(" ")

    def handle_data(self, data: str) -> None:
        if not self.stack or "skip" in self.stack:
            return
        if "title" in self.stack:
            self.page.title += data
            self.page.parts.append((TITLE, data))
        else:
            self.page.parts.append((HEADING if "heading" in self.stack else BODY, data))
            if "heading" not in self.stack and "table" not in self.stack:
                self.page.prose.append(data)


def read_page(path: Path, url: str) -> PageText:
    page = PageText(url)
    _Article(page).feed(path.read_text(encoding="utf-8"))
    page.title = " ".join(page.title.split())
    return page


def site_pages(site: Path, directory_urls: bool) -> list[PageText]:
    """Every content page of a built site, in path order, with the link the results use."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel in kinds.unsearched() or rel.startswith(f"{FOLDER}/"):
            continue
        url = rel[: -len("index.html")] if directory_urls and rel.endswith("index.html") else rel
        page = read_page(path, url)
        if page.title and not page.excluded:
            pages.append(page)
    return pages


# --- Dutch: lemmas and compounds ------------------------------------------------------------


@functools.cache
def _frequencies() -> dict[str, float]:
    import wordfreq

    folded: dict[str, float] = defaultdict(float)
    for w, f in wordfreq.get_frequency_dict("nl", wordlist="large").items():
        folded[fold(w)] += f  # `energie` and `énergie` are one word once folded
    return dict(folded)


def zipf(word: str) -> float:
    f = _frequencies().get(word, 0.0)
    return math.log10(f) + 9 if f > 0 else 0.0


@functools.cache
def _lemma_dictionary() -> dict[str, str]:
    from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory

    return {fold(k): fold(v) for k, v in DefaultDictionaryFactory().get_dictionary("nl").items()}


@functools.cache
def _forms_by_lemma() -> dict[str, list[str]]:
    forms: dict[str, list[str]] = defaultdict(list)
    for form, lemma in _lemma_dictionary().items():
        if form != lemma and WORD.fullmatch(form):
            forms[lemma].append(form)
    return forms


def lemma(word: str) -> str:
    """The dictionary form of a folded word (itself when the dictionary does not know it)."""
    return _lemma_dictionary().get(word, word)


def forms(lemma_: str) -> list[str]:
    """The inflected forms the dictionary knows for a lemma."""
    return _forms_by_lemma().get(lemma_, [])


def commonness(part: str) -> float:
    """How common a word or its lemma is, on the Zipf scale."""
    return max(zipf(part), zipf(lemma(part)))


def _known(part: str, minimum: float) -> bool:
    """Whether a part is a common enough word to stand in a compound; three-letter parts
    must be very common (`wet`, `weg`), or `bestuurlijk` would be `bes` + `tuurlijk`."""
    if len(part) < 3 or part in SUFFIXES:
        return False
    return commonness(part) >= (minimum if len(part) > 3 else SHORT_MIN_ZIPF)


@functools.cache
def compound_parts(word: str, depth: int = 0) -> tuple[str, ...]:
    """The parts of a Dutch compound (`ondermijningsfonds` → `ondermijning`, `fonds`), or ()
    when the word is no compound we can tell. The longest known last part wins; the rest may
    itself be a compound, joined by a linking `s`, `e`, `en` or `er`."""
    if len(word) < 7 or depth > 2 or not word.isalpha():
        return ()
    for cut in range(3, len(word) - 3):
        head, left = word[cut:], word[:cut]
        if not _known(head, HEAD_MIN_ZIPF if len(head) < 8 else LEFT_MIN_ZIPF - 0.5):
            continue
        stems = [left[: len(left) - len(link)] for link in ("", *LINKS) if left.endswith(link)]
        known = [s for s in stems if _known(s, LEFT_MIN_ZIPF)]
        if known:  # `stads` and `stad` are both words; the commoner is the part
            return (max(known, key=commonness), head)
        for stem in stems:
            inner = compound_parts(stem, depth + 1)
            if inner:
                return (*inner, head)
    return ()


# --- the index ------------------------------------------------------------------------------


@dataclass
class Index:
    """Keys to postings ({doc: score}), and inflected forms that point to a key."""

    docs: list[PageText]
    postings: dict[str, dict[int, float]]
    redirects: dict[str, str]


def _add(postings: dict[str, dict[int, float]], key: str, doc: int, score: float) -> None:
    bucket = postings.setdefault(key, {})
    if score > bucket.get(doc, 0.0):
        bucket[doc] = score


def page_scores(page: PageText) -> dict[str, float]:
    """Each word of a page with its score: where it stands (title, heading, body) and how often."""
    best: dict[str, float] = {}
    count: dict[str, int] = defaultdict(int)
    runs: list[tuple[float, str]] = []
    for weight, text in page.parts:  # text split by inline markup is one word: <b>Rijks</b>overheid
        if runs and runs[-1][0] == weight:
            runs[-1] = (weight, runs[-1][1] + text)
        else:
            runs.append((weight, text))
    for weight, text in [*runs, *((TITLE, a) for a in page.aliases)]:
        for w in words(text):
            count[w] += 1
            best[w] = max(best.get(w, 0.0), weight)
    return {w: best[w] + min(count[w], 10) * 0.1 for w in best}


def build_index(pages: list[PageText]) -> Index:
    postings: dict[str, dict[int, float]] = {}
    groups: dict[str, set[str]] = defaultdict(set)
    scored = [page_scores(p) for p in pages]
    for doc, scores in enumerate(scored):
        for w, s in scores.items():
            _add(postings, w, doc, s)
            groups[lemma(w)].add(w)
    # Other forms of the same lemma: `steden` finds `stad` and back.
    for doc, scores in enumerate(scored):
        for w, s in scores.items():
            l = lemma(w)
            for other in groups[l] | {l}:
                if other != w:
                    _add(postings, other, doc, s * LEMMA)
    # Parts of compounds, and the other forms of those parts.
    for doc, scores in enumerate(scored):
        for w, s in scores.items():
            for part in compound_parts(w):
                _add(postings, part, doc, s * PART)
                if lemma(part) != part:
                    _add(postings, lemma(part), doc, s * PART)
    redirects = {}
    for key in list(postings):
        for form in forms(key):
            if form not in postings:
                redirects[form] = key
    return Index(pages, postings, redirects)


def shard_of(key: str, prefixes: set[str]) -> str:
    for n in range(len(key), 0, -1):
        if key[:n] in prefixes:
            return key[:n]
    raise KeyError(key)


def _entry(index: Index, key: str) -> list | str:
    if key in index.redirects:
        return index.redirects[key]
    flat: list[int] = []
    previous = 0
    for doc, score in sorted(index.postings[key].items()):
        flat += [doc - previous, max(1, round(score * 10))]
        previous = doc
    return flat


def shards(index: Index) -> dict[str, dict[str, list | str]]:
    """Keys by shard prefix: first two letters, one more while a shard is over budget."""
    entries = {k: _entry(index, k) for k in sorted({*index.postings, *index.redirects})}
    result: dict[str, dict[str, list | str]] = {}

    def place(prefix: str, keys: list[str]) -> None:
        size = sum(len(k) + len(json.dumps(entries[k], separators=(",", ":"))) for k in keys)
        longer = [k for k in keys if len(k) > len(prefix)]
        if size <= SHARD_BUDGET or not longer:
            result[prefix] = {k: entries[k] for k in keys}
            return
        result[prefix] = {k: entries[k] for k in keys if len(k) <= len(prefix)}
        by_next: dict[str, list[str]] = defaultdict(list)
        for k in longer:
            by_next[k[: len(prefix) + 1]].append(k)
        for sub, sub_keys in sorted(by_next.items()):
            place(sub, sub_keys)

    by_first: dict[str, list[str]] = defaultdict(list)
    for k in entries:
        by_first[k[:2]].append(k)
    for prefix, keys in sorted(by_first.items()):
        place(prefix, keys)
    return {p: keys for p, keys in result.items() if keys or p in by_first}


def file_name(prefix: str) -> str:
    """A shard's file name: the prefix when it is plain ASCII, else its code points."""
    if prefix.isascii() and prefix.isalnum():
        return prefix
    return "u" + "-".join(f"{ord(c):x}" for c in prefix)


def excerpt(page: PageText) -> str:
    """The first words of the page's running text (its body when it has none: a page of tables)."""
    text = _joined(page.prose) or page.body
    if len(text) <= EXCERPT:
        return text
    cut = text.rfind(" ", 0, EXCERPT)
    return text[: cut if cut > 80 else EXCERPT] + " …"


def _script(call: str, name: str, value: object) -> bytes:
    payload = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return f"window.stedenagendaZoek.{call}({json.dumps(name)},{payload});\n".encode()


def index_files(index: Index) -> dict[str, bytes]:
    """The files of the index, by path inside the search folder. Each is a script that hands
    its data to the engine, so `<script>` tags load it where `fetch` may not (file://)."""
    files: dict[str, bytes] = {}
    by_prefix = shards(index)
    for prefix, keys in by_prefix.items():
        files[f"t/{file_name(prefix)}.js"] = _script("shard", prefix, keys)
    docs = [[p.url, p.title, excerpt(p)] for p in index.docs]
    for start in range(0, len(docs), DOC_CHUNK):
        files[f"d/{start // DOC_CHUNK}.js"] = _script("docs", str(start // DOC_CHUNK), docs[start:start + DOC_CHUNK])
    vocabulary = sorted(k for k in {*index.postings, *index.redirects} if len(k) >= 4 and not k.isdigit())
    files["woorden.js"] = _script("words", "all", "\n".join(vocabulary))
    manifest = {"shards": {p: file_name(p) for p in by_prefix}, "docChunk": DOC_CHUNK, "docs": len(docs)}
    files["manifest.js"] = _script("manifest", "index", manifest)
    return files


def install(site: Path, directory_urls: bool) -> dict[str, int]:
    """Index the built site in `site` and put the index and the engine in `site/search/`,
    replacing mkdocs-material's lunr index, worker and stemmers, which nothing loads any more.
    Returns the number of pages and keys."""
    for leftover in (site / FOLDER, site / "assets" / "javascripts" / "lunr", site / "assets" / "javascripts" / "workers"):
        if leftover.exists():
            shutil.rmtree(leftover)
    index = build_index(site_pages(site, directory_urls))
    target = site / FOLDER
    for rel, body in index_files(index).items():
        (target / rel).parent.mkdir(parents=True, exist_ok=True)
        (target / rel).write_bytes(body)
    for asset in sorted(ASSETS.iterdir()):
        shutil.copy(asset, target / asset.name)
    return {"pages": len(index.docs), "keys": len(index.postings) + len(index.redirects)}


def gzip_size(body: bytes) -> int:
    return len(gzip.compress(body, 6, mtime=0))
