"""HTTP headers for the public site, and its security.txt, written at build time.

A static site cannot set headers itself; the build writes them for the host: `_headers`
(Netlify, Cloudflare Pages and hosts like them) and `nginx-headers.conf` (an nginx snippet
to `include` in a `server` or `location` block). The Content-Security-Policy allows no
inline code: the theme's few inline scripts are allowed by their SHA-256 hash, computed
here from the built pages, so a theme update that changes them changes the policy too.
"""

from __future__ import annotations

import base64
import hashlib
import re
from datetime import datetime, timedelta, timezone
from html.parser import HTMLParser
from pathlib import Path

HEADER_FILE = "_headers"
NGINX_FILE = "nginx-headers.conf"
SECURITY_TXT = ".well-known/security.txt"
SECURITY_TXT_VALID = timedelta(days=180)
"""How long security.txt stays valid after the build's date (RFC 9116 asks for under a year)."""

_NOT_EXECUTED = {"application/json", "application/ld+json", "text/template"}


class _InlineScripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self._current: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "script" and not found.get("src") and (found.get("type") or "") not in _NOT_EXECUTED:
            self._current = []

    def handle_data(self, data: str) -> None:
        if self._current is not None:
            self._current.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._current is not None:
            self.scripts.append("".join(self._current))
            self._current = None


def inline_script_hashes(site: Path) -> list[str]:
    """The CSP source (`'sha256-…'`) of every distinct inline script in the built pages.

    The hash is over the script's text exactly as it stands between the tags (html.parser
    with `convert_charrefs=False` leaves that text as it is, as browsers do for scripts)."""
    hashes = set()
    for page in sorted(site.rglob("*.html")):
        parser = _InlineScripts()
        parser.feed(page.read_text(encoding="utf-8"))
        for script in parser.scripts:
            digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
            hashes.add(f"'sha256-{digest}'")
    return sorted(hashes)


def content_security_policy(script_hashes: list[str]) -> str:
    """A policy without 'unsafe-inline': everything from the site itself, nothing framed.
    `data:` images are the theme's icons (CSS masks)."""
    directives = [
        "default-src 'self'",
        "script-src 'self' " + " ".join(script_hashes) if script_hashes else "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
    return "; ".join(directives)


def headers(script_hashes: list[str]) -> dict[str, str]:
    """Every header the site should be served with."""
    return {
        "Content-Security-Policy": content_security_policy(script_hashes),
        "Referrer-Policy": "same-origin",
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    }


CACHE_HASHED = "public, max-age=31536000, immutable"
"""For a file whose name carries a hash of its content: a new version gets a new name."""
CACHE_OTHER = "public, max-age=0, must-revalidate"
"""For everything else (pages, our own stylesheets, the search files, open data): the browser
asks again every time and gets a 304 while nothing changed. Netlify sends exactly this for a
file no `_headers` rule gives a Cache-Control, so `_headers` names only the hashed files
(two matching rules with the same header would be joined into one value there); nginx has no
such default, so its snippet says it for every response."""
HASHED_NAME = re.compile(r"\.[0-9a-f]{8,}\.min\.(css|js)$")
"""The theme's fingerprinted assets (`main.57a0d79d.min.css`, `bundle.a5f9d56c.min.js`)."""


def hashed_files(site: Path) -> list[str]:
    """The address of every file in `site` whose name carries a content hash."""
    return sorted("/" + p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file() and HASHED_NAME.search(p.name))


def rules(site: Path) -> list[tuple[str, dict[str, str]]]:
    """Which headers go with which addresses, as `_headers` says it: every address gets the
    security headers, the hashed files also their long Cache-Control."""
    return [("/*", headers(inline_script_hashes(site))), *((path, {"Cache-Control": CACHE_HASHED}) for path in hashed_files(site))]


def header_files(site: Path) -> dict[str, bytes]:
    """`_headers` and the nginx snippet for the site in `site`, by file name.

    Both come from `rules`. In nginx a `location` with an `add_header` of its own inherits
    none from the server block, so each hashed file's location repeats the security headers."""
    found = rules(site)
    netlify = "".join(f"{path}\n" + "".join(f"  {name}: {value}\n" for name, value in values.items()) for path, values in found)
    every = found[0][1]
    nginx = ("# Generated by the stedenagenda build: include in the server block that serves site/\n"
             "# (deploy/nginx/stedenagenda.conf does). The same rules as _headers.\n"
             + _add_headers({**every, "Cache-Control": CACHE_OTHER}, "")
             + "".join(f"location = {path} {{\n" + _add_headers({**every, **values}, "    ") + "}\n"
                       for path, values in found[1:]))
    return {HEADER_FILE: netlify.encode(), NGINX_FILE: nginx.encode()}


def _add_headers(values: dict[str, str], indent: str) -> str:
    return "".join(f'{indent}add_header {name} "{value}" always;\n' for name, value in values.items())


def write_header_files(site: Path) -> None:
    for name, body in header_files(site).items():
        (site / name).write_bytes(body)


def security_txt(epoch: int, site_url: str) -> bytes:
    """security.txt (RFC 9116), valid for half a year from the build's date.

    The date is SOURCE_DATE_EPOCH (the last commit's time), not the clock, so two builds of
    one commit stay byte-identical; a site published long after its last commit should be
    rebuilt with a fresh SOURCE_DATE_EPOCH before Expires passes."""
    expires = datetime.fromtimestamp(epoch, tz=timezone.utc) + SECURITY_TXT_VALID
    base = site_url.rstrip("/")
    host = base.split("://", 1)[-1].split("/", 1)[0]
    return (
        "# Security contact for the Stedenagenda G40 site (RFC 9116). Generated at build time.\n"
        f"Contact: mailto:security@{host}\n"
        f"Expires: {expires.strftime('%Y-%m-%dT%H:%M:%S.000Z')}\n"
        "Preferred-Languages: nl, en\n"
        f"Canonical: {base}/{SECURITY_TXT}\n"
    ).encode()


ROBOTS_TXT = "robots.txt"


def robots_txt(site_url: str) -> bytes:
    """robots.txt (RFC 9309): every page may be crawled, and the sitemap is named by its
    absolute address, as the sitemaps protocol asks. The 404 page and the redirect stubs say
    `noindex` themselves."""
    base = site_url.rstrip("/")
    sitemap = f"Sitemap: {base}/sitemap.xml\n" if base else ""
    return f"# Generated at build time.\nUser-agent: *\nAllow: /\n{sitemap}".encode()
