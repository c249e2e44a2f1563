"""The shipped nginx configuration (deploy/nginx/, issue 29) under Debian's nginx, on a small
site made here with the build's own header and redirect writers: types, gzip, caching, the
404 status, 301s, and what readers must not get. The real site's headers against `_headers`,
and its old addresses, are checked in tests/test_headers.py; the browser tests all run on
nginx through `tests.browser.serve`."""

from __future__ import annotations

import gzip
import http.client
import io
import json
import subprocess
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from generator import headers, redirects
from tests.browser import NGINX, NGINX_CONFIG, serve

pytestmark = pytest.mark.integration

PAGE = "<!doctype html><html lang=nl><head><title>Stedenagenda</title></head><body>" + "<p>tekst</p>" * 60 + "</body></html>"

FILES: dict[str, bytes] = {
    "index.html": PAGE.encode(),
    "agenda/index.html": PAGE.encode(),
    "agenda/2019-2022/talent/index.html": PAGE.encode(),
    "404.html": PAGE.replace("Stedenagenda", "Pagina niet gevonden").encode(),
    "assets/stylesheets/main.0123abcd.min.css": b"body{color:#000}" * 40,
    "assets/javascripts/bundle.89abcdef.min.js": b"var a=1;" * 60,
    "assets/stylesheets/stedenagenda.css": b".x{margin:0}" * 40,
    "assets/images/favicon.png": b"\x89PNG\r\n\x1a\n" + bytes(300),
    "search/zoek.js": b"window.x=1;" * 40,
    "site.webmanifest": json.dumps({"name": "Stedenagenda", "icons": []}).encode() * 10,
    "sitemap.xml": b"<?xml version='1.0'?><urlset>" + b"<url><loc>https://x/</loc></url>" * 20 + b"</urlset>",
    "open-data/steden.json": json.dumps([{"id": "almere"}] * 40).encode(),
    "open-data/catalogus.jsonld": json.dumps({"@context": "https://www.w3.org/ns/dcat"} | {"x": "y" * 400}).encode(),
    "open-data/steden.csv": b"id,naam\n" + b"almere,Almere\n" * 40,
    "in-beeld/kaart.svg": b"<svg xmlns='http://www.w3.org/2000/svg'>" + b"<circle r='1'/>" * 40 + b"</svg>",
    "bundels/raadsessie.pdf": b"%PDF-1.7\n" + bytes(400),
    ".well-known/security.txt": b"Contact: mailto:security@stedenagenda.example.nl\n",
    ".git/config": b"[core]\n",
}
"""A site in miniature: one file of every type the build publishes."""

TYPES = {
    "/": "text/html; charset=utf-8",
    "/assets/stylesheets/stedenagenda.css": "text/css; charset=utf-8",
    "/search/zoek.js": "application/javascript; charset=utf-8",
    "/site.webmanifest": "application/manifest+json; charset=utf-8",
    "/sitemap.xml": "text/xml; charset=utf-8",
    "/open-data/steden.json": "application/json; charset=utf-8",
    "/open-data/catalogus.jsonld": "application/ld+json; charset=utf-8",
    "/open-data/steden.csv": "text/csv; charset=utf-8",
    "/in-beeld/kaart.svg": "image/svg+xml; charset=utf-8",
    "/bundels/raadsessie.zip": "application/zip",
    "/bundels/raadsessie.pdf": "application/pdf",
    "/assets/images/favicon.png": "image/png",
    "/.well-known/security.txt": "text/plain; charset=utf-8",
}
COMPRESSED = {"/", "/assets/stylesheets/stedenagenda.css", "/search/zoek.js", "/site.webmanifest", "/sitemap.xml",
              "/open-data/steden.json", "/open-data/catalogus.jsonld", "/open-data/steden.csv", "/in-beeld/kaart.svg",
              "/assets/stylesheets/main.0123abcd.min.css", "/assets/javascripts/bundle.89abcdef.min.js"}
"""Text is sent gzip-compressed to a browser that asks; zip, PDF and PNG are compressed already."""


@pytest.fixture(scope="module")
def small_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("nginx-site")
    for rel, body in FILES.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_bytes(body)
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("index.html", PAGE)
    (site / "bundels" / "raadsessie.zip").write_bytes(archive.getvalue())
    headers.write_header_files(site)
    build = tmp_path_factory.mktemp("nginx-build")
    redirects.write_plan(build, {"agenda/talent.md": "agenda/2019-2022/talent.md"}, {"agenda/2019-2022/talent.md": "Talent"})
    assert redirects.install(site, build, "https://stedenagenda.example.nl/") == ["agenda/talent/"]
    return site


@pytest.fixture(scope="module")
def base(small_site: Path):
    with serve(small_site) as url:
        yield url


def fetch(base: str, path: str, **request_headers: str) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection(urlsplit(base).netloc, timeout=10)
    connection.request("GET", path, headers=request_headers)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, body


def test_the_shipped_configuration_passes_nginx_own_check(small_site: Path, tmp_path: Path) -> None:
    for name in ("nginx.conf", "stedenagenda.conf", "listen.conf"):
        (tmp_path / name).write_bytes((NGINX_CONFIG / name).read_bytes())
    (tmp_path / "site").symlink_to(small_site)
    (tmp_path / "tmp").mkdir()
    result = subprocess.run([NGINX, "-t", "-p", f"{tmp_path}/", "-c", str(tmp_path / "nginx.conf"), "-e", "stderr"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "test is successful" in result.stderr


@pytest.mark.parametrize("path", TYPES)
def test_every_published_type_has_its_content_type(base: str, path: str) -> None:
    status, sent, _ = fetch(base, path)
    assert status == 200
    assert sent["content-type"] == TYPES[path]


@pytest.mark.parametrize("path", sorted(TYPES.keys() | COMPRESSED))
def test_text_is_gzipped_and_the_rest_is_not(base: str, path: str) -> None:
    status, sent, body = fetch(base, path, **{"Accept-Encoding": "gzip"})
    assert status == 200
    if path in COMPRESSED:
        assert sent.get("content-encoding") == "gzip" and "Accept-Encoding" in sent.get("vary", "")
        original = FILES.get(path.lstrip("/") or "index.html")
        assert gzip.decompress(body) == original
    else:
        assert "content-encoding" not in sent


def test_hashed_assets_are_cached_for_a_year_and_the_rest_is_revalidated(base: str, small_site: Path) -> None:
    long = {"/assets/stylesheets/main.0123abcd.min.css", "/assets/javascripts/bundle.89abcdef.min.js"}
    assert set(headers.hashed_files(small_site)) == long
    for path in sorted(TYPES.keys() | long | {"/bestaat-niet/"}):
        _, sent, _ = fetch(base, path)
        assert sent["cache-control"] == (headers.CACHE_HASHED if path in long else headers.CACHE_OTHER), path
        # A location with its own add_header inherits none: the hashed files keep the policy too.
        assert sent["content-security-policy"].startswith("default-src 'self'"), path


def test_a_missing_page_is_the_404_page_with_status_404(base: str) -> None:
    for path in ("/bestaat-niet/", "/agenda/bestaat-niet", "/open-data/x.json"):
        status, sent, body = fetch(base, path)
        assert status == 404, path
        assert b"Pagina niet gevonden" in body
        assert sent["x-content-type-options"] == "nosniff"


def test_old_addresses_and_folders_without_slash_answer_301_with_a_path(base: str) -> None:
    for path, target in [("/agenda/talent/", "/agenda/2019-2022/talent/"), ("/agenda/talent", "/agenda/2019-2022/talent/"),
                         ("/agenda", "/agenda/")]:
        status, sent, _ = fetch(base, path)
        assert (status, sent["location"]) == (301, target), path
        assert sent["referrer-policy"] == "same-origin"


def test_host_files_and_dot_files_are_not_served(base: str) -> None:
    for path in ("/_headers", "/_redirects", "/nginx-headers.conf", "/nginx-redirects.conf", "/.git/config"):
        status, _, body = fetch(base, path)
        assert status == 404 and b"Pagina niet gevonden" in body, path
    assert fetch(base, "/.well-known/security.txt")[0] == 200


def test_make_test_and_ci_install_nginx_before_the_tests() -> None:
    """A fresh machine gets Debian's nginx the way it gets Chromium: scripts/ensure-nginx runs
    before pytest in `make test` and in .ci/run (and before Lighthouse in `make bench`)."""
    repo = NGINX_CONFIG.parent.parent
    makefile = (repo / "Makefile").read_text(encoding="utf-8")
    for target, runner in (("test", "$(PY) -m pytest"), ("bench", "$(PY) -m bench.run")):
        recipe = makefile.split(f"\n{target}: ", 1)[1].split("\n\n", 1)[0]
        assert recipe.index("scripts/ensure-nginx") < recipe.index(runner), target
    ci = (repo / ".ci" / "run").read_text(encoding="utf-8")
    assert ci.index("scripts/ensure-nginx") < ci.index("make test")
    script = (repo / "scripts" / "ensure-nginx").read_text(encoding="utf-8")
    assert "apt-get install -y -qq nginx" in script and "policy-rc.d" in script
