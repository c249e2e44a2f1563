"""The public address of the site: ONE setting, the environment variable `STEDENAGENDA_SITE_URL`.

Everything that writes an absolute URL takes it from `site_url()`: MkDocs (canonical links,
the sitemap, the 404 page; the generated build/mkdocs.yml carries it), the open-data
catalogue, security.txt, the links from a bundle and its PDFs to the public site, and the
page links in `make diff`. An environment variable rather than a line in mkdocs.yml, because
the address belongs to where a build is published, not to the content: the deploy workflow
sets it from a repository variable, a local build leaves it unset.

Unset, the address is `PLACEHOLDER`. A local build then says, in the terminal and on every
bundle cover, that links to the public site will not work; a build for publishing
(`make publish`, `build --publish`) refuses it.
"""

from __future__ import annotations

import os
from urllib.parse import urlsplit

from generator.errors import BuildError

VARIABLE = "STEDENAGENDA_SITE_URL"
PLACEHOLDER = "https://stedenagenda.example.nl/"
"""The address of a local build: `.example.nl` is reserved, so it never reaches anyone's site."""
PLACEHOLDER_HOST = urlsplit(PLACEHOLDER).hostname or ""
"""What the publish check looks for in every file a publishing build writes."""

TERMINAL_WARNING = (f"let op: {VARIABLE} is niet gezet, dus deze build gebruikt het voorbeeldadres {PLACEHOLDER}. "
                    "Links naar de publieke site (in de pdf's, de bundels, de sitemap, canonical links en open data) "
                    f"werken niet. Voor een echte publicatie: {VARIABLE}=https://… make publish")


def site_url() -> str:
    """The public address, ending in `/`: the variable's value, or the placeholder when unset.

    A value that is no plain https address (with a host, without query or fragment) is a
    Dutch error: a wrong address would put broken links in every PDF."""
    value = os.environ.get(VARIABLE, "").strip()
    if not value:
        return PLACEHOLDER
    parts = urlsplit(value)
    if parts.scheme != "https" or not parts.hostname or parts.query or parts.fragment or "@" in parts.netloc:
        raise BuildError(f"{VARIABLE}={value!r} is geen bruikbaar adres — geef het https-adres van de "
                         "publieke site, zoals https://stedenagenda.nl/ (zonder ? of #).")
    return value if value.endswith("/") else value + "/"


def is_placeholder(url: str) -> bool:
    return urlsplit(url).hostname == PLACEHOLDER_HOST


def publishing_site_url() -> str:
    """The address for a build that is going to be published: never the placeholder."""
    url = site_url()
    if is_placeholder(url):
        raise BuildError(f"{VARIABLE} is niet gezet (of is het voorbeeldadres {PLACEHOLDER}): een build om te "
                         "publiceren heeft het echte adres nodig, anders linken de pdf's, de bundels, de sitemap, "
                         "de canonical links en de open data naar een site die niet bestaat — zet het adres, "
                         f"bijvoorbeeld {VARIABLE}=https://stedenagenda.nl/ make publish")
    return url
