"""Keyboard readers (issue 25): at phone, tablet and desktop widths and at 200 % zoom, in
Chromium and in Debian's Firefox ESR (over WebDriver BiDi), every Tab stop is seen, not
covered, and ringed at 3:1 or more; the search opens only on purpose, as a dialog whose
results are a listbox, and closes on Escape and when focus leaves it; the menu button opens
and closes the drawer, which is out of the Tab order while closed."""

from __future__ import annotations

from typing import Callable, Iterator
from urllib.parse import urlsplit

import pytest

from tests.bidi import foreign_requests
from tests.keyboard import ANSWERED, PAGES, SETTLED, STATE, WIDTHS, lasting_problems, problems, tab_walk

BROWSERS = ["chromium", "firefox-esr"]


@pytest.fixture(params=BROWSERS)
def open_page(request: pytest.FixtureRequest, site_url: str) -> Iterator[Callable]:
    """A function (width label, path) → a page of the served site in this test's browser."""
    opened: list = []

    def open_(width: str, path: str):
        w, h, scale = WIDTHS[width]
        if request.param == "chromium":
            context = request.getfixturevalue("browser").new_context(viewport={"width": w, "height": h},
                                                                   device_scale_factor=scale)
            opened.append(context)
            page = context.new_page()
        else:
            page = request.getfixturevalue("firefox").new_page(w, h, scale)
            opened.append(page)
        page.goto(site_url + path)
        return page

    yield open_
    for thing in opened:
        thing.close()
    if request.param == "firefox-esr":
        assert foreign_requests(request.getfixturevalue("firefox"), urlsplit(site_url).netloc) == []


@pytest.mark.parametrize("width", WIDTHS)
def test_every_tab_stop_is_seen_uncovered_and_ringed(open_page, width: str) -> None:
    for path in PAGES:
        stops = tab_walk(open_page(width, path))
        assert len(stops) >= 15, (path, stops)  # the walk went through the page, not just its header
        assert lasting_problems(problems(stops), lambda: open_page(width, path)) == [], path


@pytest.mark.parametrize("width", ["375", "1280"])
def test_search_dialog_opens_on_purpose_and_results_follow_the_listbox_pattern(open_page, width: str) -> None:
    page = open_page(width, "agenda/2019-2022/")
    # Tab onto the search box (or its button) opens nothing.
    for _ in range(4):
        page.keyboard.press("Tab")
        assert page.evaluate(STATE)["search"] is False
    before = page.evaluate(STATE)["focus"]
    page.keyboard.press("/")
    state = page.evaluate(STATE)
    assert state["search"] and state["input"] and "true" in state["expanded"], state
    page.keyboard.type("wonen")
    page.wait_for_function(ANSWERED, arg="wonen")
    page.keyboard.press("Tab")  # the listbox is the next Tab stop: its first option
    state = page.evaluate(STATE)
    assert (state["role"], state["selected"], state["index"]) == ("option", "true", 0), state
    page.keyboard.press("ArrowDown")
    assert page.evaluate(STATE)["index"] == 1
    page.keyboard.press("End")
    last = page.evaluate(STATE)
    assert last["index"] >= 2 and last["selected"] == "true"
    page.keyboard.press("Home")
    page.keyboard.press("ArrowUp")
    assert page.evaluate(STATE)["input"]
    page.keyboard.press("ArrowDown")
    assert page.evaluate(STATE)["index"] == 0
    page.keyboard.press("Escape")
    state = page.evaluate(STATE)
    assert state["search"] is False and "true" not in state["expanded"], state
    # Focus goes back where the reader was (on a wide screen the box stays in the header).
    assert state["input"] if width == "1280" else state["focus"] == before, state
    # Enter on the box or on the search button opens it again, with the results; focus
    # that leaves the dialog (Tab past the results and their button) closes it.
    if width != "1280":
        for _ in range(4):
            if page.evaluate(STATE)["searchButton"]:
                break
            page.keyboard.press("Shift+Tab")
        assert page.evaluate(STATE)["searchButton"]
    page.keyboard.press("Enter")
    assert page.evaluate(STATE)["search"] is True
    page.wait_for_function(ANSWERED, arg="wonen")
    for _ in range(3):
        page.keyboard.press("Tab")
    # The dialog closes a task after focus left it (zoek's focusout handler waits one tick).
    page.wait_for_function("() => !document.getElementById('__search').checked", timeout=2000)
    state = page.evaluate(STATE)
    assert state["search"] is False, state
    # Every stop after it is seen again, once the theme's overlay has faded out.
    page.wait_for_function(SETTLED)
    stops = tab_walk(page)
    assert problems(stops) == []


@pytest.mark.parametrize("width", ["320", "768"])
def test_menu_button_opens_the_drawer_and_escape_closes_it(open_page, width: str) -> None:
    page = open_page(width, "steden/zwolle/")
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Tab")
    assert page.evaluate(STATE)["menuButton"]
    page.keyboard.press("Enter")
    state = page.evaluate(STATE)
    assert state["drawer"] and state["expanded"][0] == "true", state
    for _ in range(3):  # on through the search button into the drawer's links
        page.keyboard.press("Tab")
        state = page.evaluate(STATE)
        if state["inDrawer"]:
            break
    assert state["inDrawer"] and state["drawer"], state
    page.keyboard.press("Escape")
    state = page.evaluate(STATE)
    assert not state["drawer"] and state["menuButton"] and state["expanded"][0] == "false", state


OFF_SCREEN = "position:absolute;left:-9999px"


def three_links(browser, hidden: bool):
    """A page of three links, the middle one kept off-screen if `hidden`."""
    page = browser.new_page(viewport={"width": 375, "height": 800})
    page.set_content('<input type="checkbox" id="__search" hidden><input type="checkbox" id="__drawer" hidden>'
                     f'<a href="#een">een</a> <a href="#weg" style="{OFF_SCREEN if hidden else ""}">weg</a> '
                     '<a href="#drie">drie</a>')
    return page


def test_the_walk_reports_a_stop_no_one_can_see(browser) -> None:
    """The control for the walk's patience: a link kept off-screen stays unseen however long
    the walk waits for it, and is reported; the links around it are not."""
    page = three_links(browser, hidden=True)
    stops = tab_walk(page)
    page.close()
    assert [stop.key for stop in stops] == ["#een", "#weg", "#drie"]
    assert [p for p in problems(stops) if "niet te zien" in p] == [f'2: niet te zien: <a href="#weg" style="{OFF_SCREEN}">weg</a>']


def test_a_problem_is_lasting_when_a_second_walk_meets_it_too(browser) -> None:
    """The control for the second walk: a stop hidden on every opening is reported; one
    hidden on the first opening only (as a browser's hiccup would) is not."""
    def first_walk(hidden: bool) -> list[str]:
        return problems(tab_walk(three_links(browser, hidden)))

    always = lasting_problems(first_walk(hidden=True), lambda: three_links(browser, hidden=True))
    once = lasting_problems(first_walk(hidden=True), lambda: three_links(browser, hidden=False))
    assert [p for p in always if "niet te zien" in p] == [f'2: niet te zien: <a href="#weg" style="{OFF_SCREEN}">weg</a>']
    assert [p for p in once if "niet te zien" in p] == []
