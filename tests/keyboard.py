"""Keyboard journeys that run the same in Chromium (Playwright) and Firefox ESR (tests/bidi.py).

A page here is anything with `goto(url)`, `evaluate(function_source, arg)` and
`keyboard.press(key)` / `keyboard.type(text)`: Playwright's Page, or bidi.FirefoxPage.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any, Callable

WIDTHS = {"320": (320, 700, 1), "375": (375, 800, 1), "768": (768, 900, 1), "1280": (1280, 900, 1),
          "200%": (640, 450, 2)}
"""Viewports of the journeys: width, height, device pixel ratio. A 1280 × 900 desktop zoomed
to 200 % lays the page out as 640 × 450 CSS pixels at two device pixels each."""

PAGES = ["", "agenda/2019-2022/talent/", "steden/zwolle/"]
"""The home page (many ways in), an agenda theme (menu entry with its contents, tables) and
a city (outside the menu: its section marked, long lists)."""

SETTLE_SECONDS = 2.0
"""How long a stop that looks hidden or covered may take to come into view (judged again
every tenth of a second): the scroll that focus causes can be smooth, and under load the
theme's scroll handlers lag behind the key."""

MAX_STOPS = 600
"""More Tab stops than any page has: the walk ends when focus comes round again."""

STOP = """() => {
  const e = document.activeElement;
  if (!e || e === document.body || e === document.documentElement) return null;
  const r = e.getBoundingClientRect();
  const style = getComputedStyle(e);
  const seen = r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
  // What is painted at the middle of a box of it inside the window (a link wrapped over two
  // lines has a box per line): itself, or something in it.
  const mine = h => !!h && (h === e || e.contains(h));
  const uncovered = seen && [...e.getClientRects()].some(b => {
    const x = (Math.max(b.left, 0) + Math.min(b.right, innerWidth)) / 2;
    const y = (Math.max(b.top, 0) + Math.min(b.bottom, innerHeight)) / 2;
    return b.width > 0 && b.height > 0 && mine(document.elementFromPoint(x, y));
  });
  const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = c => { const [r, g, b] = rgb(c).map(v => v / 255).map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
                     return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  // The colour around the element: the first ancestor with a background of its own.
  let back = null;
  for (let n = e.parentElement; n && !back; n = n.parentElement) {
    const c = getComputedStyle(n).backgroundColor;
    if (rgb(c).length === 3 || (rgb(c)[3] || 0) > 0.5) back = c;
  }
  back = back || getComputedStyle(document.body).backgroundColor;
  const ring = [style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 ? style.outlineColor : null,
                (style.boxShadow.match(/rgba?\\([^)]*\\)/) || [null])[0]].filter(Boolean);
  return {
    what: e.outerHTML.slice(0, 100).replace(/\\s+/g, ' '),
    seen, uncovered,
    contrast: Math.max(0, ...ring.map(c => ratio(c, back))),
    search: document.getElementById('__search').checked,
    drawer: document.getElementById('__drawer').checked,
    key: e.id || e.getAttribute('href') || e.outerHTML.slice(0, 60),
  };
}"""
"""Where focus is, whether it is seen and not covered, the contrast of its ring against what
is around it, and whether the search dialog or the drawer is open."""


@dataclass(frozen=True)
class Stop:
    what: str
    seen: bool
    uncovered: bool
    contrast: float
    search: bool
    drawer: bool
    key: str


def tab_walk(page: Any) -> list[Stop]:
    """Every Tab stop of the page from its top, in order, until focus comes round again."""
    stops: list[Stop] = []
    keys: set[tuple[str, str]] = set()
    for _ in range(MAX_STOPS):
        page.keyboard.press("Tab")
        found = page.evaluate(STOP)
        deadline = time.monotonic() + SETTLE_SECONDS
        while found is not None and not (found["seen"] and found["uncovered"]) and time.monotonic() < deadline:
            # Judged as a reader sees it: once the scroll that focus caused has been handled
            # (the theme moves its header and back-to-top button on scroll events; under
            # load that lags a moment behind the key). What stays hidden is still found.
            time.sleep(0.1)
            found = page.evaluate(STOP)
        if found is None:  # past the last stop, focus is on the document (Firefox) or its body
            if stops:
                break
            continue
        stop = Stop(**found)
        if (stop.key, stop.what) in keys:
            break
        keys.add((stop.key, stop.what))
        stops.append(stop)
    return stops


def problems(stops: list[Stop]) -> list[str]:
    """What a keyboard reader would meet: a stop not seen, covered, with a faint ring, or one
    that opened the search dialog or the drawer by itself."""
    found = []
    for n, s in enumerate(stops, 1):
        if not s.seen:
            found.append(f"{n}: niet te zien: {s.what}")
        elif not s.uncovered:
            found.append(f"{n}: bedekt: {s.what}")
        if s.contrast < 3:
            found.append(f"{n}: focusring {s.contrast:.2f}:1: {s.what}")
        if s.search or s.drawer:
            found.append(f"{n}: {'zoeken' if s.search else 'menu'} ging vanzelf open: {s.what}")
    return found


def lasting_problems(first: list[str], open_page: Callable[[], Any]) -> list[str]:
    """Of the problems `first` that a walk found, those a second walk over the page opened
    again (`open_page()`) meets as well (numbered as in the second walk).

    A fault of the page is met on every walk. Once in CI, a headless Firefox left a focused
    link of the home page out of sight for good (at 1280 px; two seconds of waiting did not
    bring it into view), and it was in view in every walk of that page here, with the
    processors kept busy too. A stop out of sight only once is the browser's hiccup; one out of
    sight again is the page's fault, and is reported."""
    if not first:
        return []
    again = problems(tab_walk(open_page()))
    return [p for p in again if _unnumbered(p) in {_unnumbered(q) for q in first}]


def _unnumbered(problem: str) -> str:
    """A problem without its stop number: a stop's number can differ between walks."""
    return problem.split(": ", 1)[1]


STATE = """() => ({
  search: document.getElementById('__search').checked,
  drawer: document.getElementById('__drawer').checked,
  focus: document.activeElement.outerHTML.slice(0, 100),
  role: document.activeElement.getAttribute('role'),
  selected: document.activeElement.getAttribute('aria-selected'),
  index: [...document.querySelectorAll('.md-search-result__link')].indexOf(document.activeElement),
  input: document.activeElement.classList.contains('md-search__input'),
  menuButton: document.activeElement.dataset.schakel === '__drawer',
  searchButton: document.activeElement.dataset.schakel === '__search',
  inDrawer: !!document.activeElement.closest('.md-sidebar--primary'),
  expanded: [...document.querySelectorAll('[data-schakel]')].map(b => b.getAttribute('aria-expanded')),
})"""
"""The state of the search dialog, the drawer and focus."""

ANSWERED = "q => document.querySelector('.md-search-result').getAttribute('data-query') === q"
"""True once the result list answers query q."""

SETTLED = ("() => document.getAnimations().every(a => a.playState !== 'running')"
           " && !document.body.hasAttribute('data-md-scrolllock')")
"""True once no transition (the theme's fades and slides) is under way and the page scrolls
again: below 960 px the theme locks the page's scrolling while the search is open and lets
go 100 ms after it closes; until then Tab could not scroll a stop into view."""
