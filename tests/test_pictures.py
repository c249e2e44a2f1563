"""Pictures: static, accessible SVG with the same data as a table, working offline."""

from __future__ import annotations

import re
from pathlib import Path

from generator import pictures
from generator.validate import load_site
from tests.conftest import REPO
from tests.html import Page

SITE, _ = load_site(REPO / "data")
assert SITE is not None


def test_four_pictures_each_with_title_description_and_a_table(built_site: Path) -> None:
    """Four pictures; the map twice (names for a wide screen, numbers for a phone)."""
    html = (built_site / "in-beeld" / "index.html").read_text(encoding="utf-8")
    svgs = re.findall(r'<svg [^>]*class="plaatje[^"]*".*?</svg>', html, re.S)
    assert len(svgs) == 5 and len([s for s in svgs if "kaart--telefoon" in s]) == 1
    for svg in svgs:
        assert ('role="img"' in svg or 'role="group"' in svg) and "<title id=" in svg and "<desc id=" in svg
    assert html.count("<table>") == 4


def test_every_city_is_a_dot_linking_to_its_page(built_site: Path) -> None:
    html = (built_site / "in-beeld" / "index.html").read_text(encoding="utf-8")
    svg = re.search(r'<svg [^>]*class="plaatje[^"]*".*?</svg>', html, re.S).group(0)
    hrefs = re.findall(r'<a href="([^"]+)"><circle', svg)
    assert len(hrefs) == 40
    for href in hrefs:
        assert (built_site / "in-beeld" / href / "index.html").resolve().exists(), href


def test_bar_chart_numbers_match_the_data(built_site: Path) -> None:
    page = Page(built_site / "in-beeld" / "index.html")
    count = sum(1 for a in SITE.all_activities if "veilige-stad" in a.themes)
    assert f"Veilige stad {count}" in page.text


def test_offline_bundle_links_dots_to_html_files(tmp_path: Path) -> None:
    from generator.build import prepare
    from generator.bundle import bundle_files
    from tests.conftest import copy_project

    project = copy_project(tmp_path)
    prepared = prepare(project)
    text = bundle_files(prepared, prepared.site.sessions.sessions[0])["in-beeld.md"].decode()
    assert 'href="steden/apeldoorn.html"' in text and 'href="steden/apeldoorn/"' not in text


def test_cached_places_equal_the_package_data_and_a_broken_cache_is_rebuilt(tmp_path: Path, monkeypatch) -> None:
    from generator import geo

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    fresh = geo.dutch_places()
    [cache] = (tmp_path / "stedenagenda").glob("geonames-nl-*.json")
    assert geo.dutch_places() == fresh == geo._dutch_places_from_package()
    assert fresh["Almere Stad"]["name"] == "Almere Stad"
    cache.write_text("{ half", encoding="utf-8")
    assert geo.dutch_places() == fresh
    assert cache.read_text(encoding="utf-8").startswith("{")


def test_more_cities_than_the_map_has_room_for_leave_names_out_never_overlap() -> None:
    """`make bench`'s 10× data has 400 cities on one map: names that find no room are left
    out (their dot stays, with its tooltip), the rest overlap nothing; the build goes on."""
    points = [(100 + (i % 20) * 3.0, 100 + (i // 20) * 3.0) for i in range(400)]
    labels = pictures.place_labels(points, [f"Stad {i}" for i in range(400)], 13, 400, 500)
    placed = [label.box for label in labels if label is not None]
    assert 0 < len(placed) < 400
    assert not any(a.overlaps(b) for i, a in enumerate(placed) for b in placed[i + 1:])


def _work_of_placing(copies: int, monkeypatch) -> int:
    """How many boxes `place_labels` compares to place the 40 real cities, each `copies` times
    at its own spot (as `make bench`'s synthetic data stacks them)."""
    points = [pictures.project(p.latitude, p.longitude, pictures.MAP_WIDTH)
              for p in pictures.coordinates(list(SITE.cities.cities))]
    stacked = [point for point in points for _ in range(copies)]
    names = [f"Stad {n}" for n in range(len(stacked))]
    calls = 0
    overlaps = pictures.Box.overlaps

    def counted(self, other) -> bool:
        nonlocal calls
        calls += 1
        return overlaps(self, other)

    monkeypatch.setattr(pictures.Box, "overlaps", counted)
    labels = pictures.place_labels(stacked, names, pictures.MAP_FONT, pictures.MAP_WIDTH,
                                   pictures.map_height(pictures.MAP_WIDTH))
    boxes = [label.box for label in labels if label is not None]
    monkeypatch.setattr(pictures.Box, "overlaps", overlaps)
    assert not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])
    return calls


def test_placing_names_grows_linearly_with_the_cities(monkeypatch) -> None:
    """Counted in box comparisons, not seconds: ten times the cities may cost at most about ten
    times the work. Testing every spot against every dot and name made it quadratic (`make
    bench`: 993 s at 100×)."""
    work = {copies: _work_of_placing(copies, monkeypatch) for copies in (10, 100)}
    assert work[100] <= 12 * work[10], work
