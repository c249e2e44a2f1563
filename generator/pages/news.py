"""The page "Wat is er nieuw": every page's changes, newest first, from the history of the
data (generator/history.py finds them in git; this module only lays them out)."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from generator import wording
from generator.pages.links import NEWS, partial_date, relative
from generator.render import Page
from generator.views import NewsDay, NewsItem, NewsView

SHOWN = 100
"""The newest changes the page lists; each page lists its own in full."""


@dataclass(frozen=True)
class PageChange:
    """What one commit changed on one page."""

    day: str
    """The commit's day, `YYYY-MM-DD` (committer date)."""
    time: str
    """The commit's time, ISO 8601 with its offset."""
    commit: str
    path: str
    """The page, by docs path."""
    title: str
    what: str
    """In plain Dutch, without the date: `samenvatting aangepast`."""


def page(changes: tuple[PageChange, ...] = (), feed_url: str = "") -> Page:
    """The page, from the changes newest first; without them (no git history, or before the
    history is read) it says that nothing is known."""
    shown = changes[:SHOWN]
    days = tuple(NewsDay(partial_date(day), tuple(NewsItem(c.title, relative(NEWS, c.path), c.what) for c in group))
                 for day, group in groupby(shown, key=lambda c: c.day))
    return Page(NEWS, "news.md.j2", wording.NEWS_TITLE, NewsView(
        description=wording.NEWS_DESCRIPTION, days=days, shown=len(shown), total=len(changes), feed_url=feed_url,
    ))
