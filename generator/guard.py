"""The last guard: scan the built HTML for anything executable that data could have put there.

Escaping in the renderer is the real defence; this catches a mistake in it. A page may have
exactly as many `<script>` elements as the theme puts on every page (counted on 404.html),
scripts only from the site itself, no `on…=` event attributes, no script URLs and no
`<meta http-equiv="refresh">` (a redirect). Every published file a browser runs markup in
is scanned: `.html`, `.htm`, `.svg` and `.xml` (the last three may hold no script at all).
A URL's scheme is judged as a browser reads it: entities decoded (`java&#9;script:`), tabs
and newlines inside removed, controls and spaces around it trimmed. SVG's `<animate>` and
`<set>` may not change an `href` (they can turn a harmless link into a script URL). The build's own redirect pages for the addresses
of before the periods (generator/redirects.py) are written after this check, from ids only.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "data"}
_BAD_SCHEMES = ("javascript:", "vbscript:", "data:text/html")
_FORBIDDEN_TAGS = {"iframe", "object", "embed", "base"}
_ANIMATIONS = {"animate", "set", "animatemotion", "animatetransform", "discard"}
MARKUP_SUFFIXES = (".html", ".htm", ".svg", ".xml", ".xhtml")
"""Files a browser renders as markup: the guard scans each of them."""
_URL_NOISE = str.maketrans("", "", "\t\n\r")


def scheme_text(value: str) -> str:
    """A URL as a browser judges its scheme: tab and newline removed anywhere (the URL
    standard strips them), C0 controls and spaces trimmed around it, lowercase. Entities are
    already decoded by the parser (`convert_charrefs`)."""
    return value.translate(_URL_NOISE).strip("".join(map(chr, range(0x21)))).lower()


@dataclass(frozen=True)
class Finding:
    """Something executable where only text belongs."""

    page: str
    """The page, relative to the site folder."""
    what: str
    """What was found."""


class _Scan(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts = 0
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.scripts += 1
            src = dict(attrs).get("src") or ""
            if src.startswith(("http:", "https:", "//")):
                self.problems.append(f"<script> van een andere site: {src}")
        if tag in _FORBIDDEN_TAGS:
            self.problems.append(f"<{tag}>")
        if tag == "meta" and (dict(attrs).get("http-equiv") or "").strip().lower() in ("refresh", "set-cookie"):
            self.problems.append(f"<meta http-equiv={dict(attrs)['http-equiv']!r}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"attribuut {name}= op <{tag}>")
            if name in _URL_ATTRIBUTES and scheme_text(value or "").startswith(_BAD_SCHEMES):
                self.problems.append(f"{name}={value!r} op <{tag}>")
        if tag in _ANIMATIONS and (dict(attrs).get("attributename") or "").strip().lower() in ("href", "xlink:href"):
            self.problems.append(f"<{tag}> verandert een href")


def _scan(path: Path) -> _Scan:
    scan = _Scan()
    scan.feed(path.read_text(encoding="utf-8", errors="replace"))
    return scan


def findings(site: Path) -> list[Finding]:
    """Every suspicious element in the built site, page by page."""
    reference = site / "404.html"
    expected_scripts = _scan(reference).scripts if reference.exists() else None
    result = []
    for path in sorted(p for p in site.rglob("*") if p.suffix.lower() in MARKUP_SUFFIXES and p.is_file()):
        scan = _scan(path)
        page = path.relative_to(site).as_posix()
        result += [Finding(page, problem) for problem in scan.problems]
        expected = expected_scripts if path.suffix == ".html" else 0  # only MkDocs' pages carry the theme's
        if expected is not None and scan.scripts != expected:
            result.append(Finding(page, f"{scan.scripts} <script>-elementen, het thema zet er {expected}"))
    return result
