"""The last guard: scan the built HTML for anything executable that data could have put there.

Escaping in the renderer is the real defence; this catches a mistake in it. A page may have
exactly as many `<script>` elements as the theme puts on every page (counted on 404.html),
scripts only from the site itself, no `on…=` event attributes, no script URLs and no
`<meta http-equiv="refresh">` (a redirect). The build's own redirect pages for the addresses
of before the periods (generator/redirects.py) are written after this check, from ids only.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "data"}
_BAD_SCHEMES = ("javascript:", "vbscript:", "data:text/html")
_FORBIDDEN_TAGS = {"iframe", "object", "embed", "base"}


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
            if name in _URL_ATTRIBUTES and (value or "").strip().lower().startswith(_BAD_SCHEMES):
                self.problems.append(f"{name}={value!r} op <{tag}>")


def _scan(path: Path) -> _Scan:
    scan = _Scan()
    scan.feed(path.read_text(encoding="utf-8"))
    return scan


def findings(site: Path) -> list[Finding]:
    """Every suspicious element in the built site, page by page."""
    reference = site / "404.html"
    expected_scripts = _scan(reference).scripts if reference.exists() else None
    result = []
    for path in sorted(site.rglob("*.html")):
        scan = _scan(path)
        page = path.relative_to(site).as_posix()
        result += [Finding(page, problem) for problem in scan.problems]
        if expected_scripts is not None and scan.scripts != expected_scripts:
            result.append(Finding(page, f"{scan.scripts} <script>-elementen, het thema zet er {expected_scripts}"))
    return result
