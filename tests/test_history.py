"""Following changes (issue 25, point 5): each page's history from the git history of the
data records behind it, the page "Wat is er nieuw" and the Atom feed, on the fixture in a
git repository made here, with commit dates of our choosing (never the clock)."""

from __future__ import annotations

import os
import posixpath
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest

from generator import history
from generator.build import Project, prepare
from generator.bundle import bundle_files
from generator.pages import links, pages
from generator.validate import load_site
from tests.conftest import copy_fixture_project, fixture_seeds

ACTIVITY = "activiteiten/city-deal-impact-ondernemen.md"
ACTIVITIES = "data/jaarverslagen/2021/activities.yaml"
SITE_URL = "https://stedenagenda.example.nl/"


def commit(root: Path, message: str, when: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "GIT_AUTHOR_NAME": "Redactie",
           "GIT_AUTHOR_EMAIL": "redactie@example.nl", "GIT_COMMITTER_NAME": "Redactie",
           "GIT_COMMITTER_EMAIL": "redactie@example.nl"}
    subprocess.run(["git", "-C", str(root), "add", "-A"], check=True, env=env)
    subprocess.run(["git", "-C", str(root), "commit", "-q", "-m", message], check=True, env=env)


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture project with three commits: the data (1 March), a changed activity
    summary (15 March, 10:00 in Amsterdam), and a change outside the data (20 March)."""
    root = tmp_path_factory.mktemp("history") / "repo"
    root.mkdir()
    copy_fixture_project(root)
    subprocess.run(["git", "init", "-q", "-b", "main", str(root)], check=True)
    commit(root, "Data", "2026-03-01T09:00:00+01:00")
    path = root / ACTIVITIES
    text = path.read_text(encoding="utf-8")
    assert "Het ambtelijk kernteam vergaderde vier keer digitaal." in text
    path.write_text(text.replace("Het ambtelijk kernteam vergaderde vier keer digitaal.",
                                 "Het ambtelijke kernteam kwam vier keer digitaal bijeen."), encoding="utf-8")
    commit(root, "Summary reworded", "2026-03-15T10:00:00+01:00")
    (root / "NOTES.txt").write_text("not data\n", encoding="utf-8")
    commit(root, "Notes", "2026-03-20T10:00:00+01:00")
    return root


def changes_of(root: Path) -> list:
    with fixture_seeds():
        site, problems = load_site(root / "data")
        assert not problems
        return history.page_changes(root, site, pages(site))


def test_a_page_lists_what_changed_in_its_record_in_plain_dutch(repo: Path) -> None:
    found = history.page_history(changes_of(repo))
    assert [(c.day, c.what) for c in found[ACTIVITY]] == [("2026-03-15", "samenvatting aangepast"),
                                                          ("2026-03-01", "toegevoegd")]
    block = history.history_block(found[ACTIVITY], "../wat-is-er-nieuw.md")
    assert "## Wijzigingen op deze pagina" in block
    assert "- 15 maart 2026: samenvatting aangepast\n- 1 maart 2026: toegevoegd\n" in block
    # The page that lists every activity of the file names the one that changed; a city the
    # activity names, whose own record did not change, has only its first commit.
    timeline = [c.what for c in found["jaarverslag/2021/tijdlijn.md"] if c.day == "2026-03-15"]
    assert timeline == ["activiteit „City Deal Impact Ondernemen” aangepast"]
    assert [c.day for c in found["steden/apeldoorn.md"]] == ["2026-03-01"]
    # A commit outside data/ changes no page.
    assert not any(c.day == "2026-03-20" for changes in found.values() for c in changes)


def test_the_built_pages_news_page_and_feed_come_from_the_commits(repo: Path) -> None:
    with fixture_seeds():
        prepared = prepare(Project(repo))
    page = prepared.files[ACTIVITY].decode()
    assert "- 15 maart 2026: samenvatting aangepast" in page
    assert "*Laatst gewijzigd: 15 maart 2026*" in page  # the page's own last change, not its file's
    hand_written = prepared.files["toegankelijkheid.md"].decode()  # from its file under content/
    assert "## Wijzigingen op deze pagina\n\n- 1 maart 2026: toegevoegd\n" in hand_written
    news = prepared.files[links.NEWS].decode()
    newest = news.split("\n## ")[1]
    assert newest.startswith("15 maart 2026\n")
    assert "[City Deal Impact Ondernemen](activiteiten/city-deal-impact-ondernemen.md): samenvatting aangepast" in newest
    assert f"[Atom-feed]({SITE_URL}feed.xml)" in news
    parsed = feedparser.parse(prepared.files[history.FEED])
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.updated == "2026-03-15T10:00:00+01:00"
    assert parsed.feed.title == "Wat is er nieuw: Stedenagenda G40"
    newest_entries = [e for e in parsed.entries if e.updated == "2026-03-15T10:00:00+01:00"]
    assert parsed.entries[:len(newest_entries)] == newest_entries  # newest first
    activity = next(e for e in newest_entries if e.link == f"{SITE_URL}activiteiten/city-deal-impact-ondernemen/")
    assert activity.title == "City Deal Impact Ondernemen: samenvatting aangepast"
    assert activity.summary == "15 maart 2026: samenvatting aangepast."
    ids = [e.id for e in parsed.entries]
    assert len(ids) == len(set(ids)) == min(history.FEED_ENTRIES, len(changes_of(repo)))
    assert all(e.link.startswith(SITE_URL) and e.summary and e.updated for e in parsed.entries)
    # RFC 4287 4.1.1: a feed has an author or every entry has one; ids are IRIs.
    assert parsed.feed.author and all(i.startswith("tag:stedenagenda.example.nl,2026-03-") for i in ids)


def test_the_history_is_the_same_for_the_same_commits(repo: Path, tmp_path: Path) -> None:
    """Reproducible: a second clone elsewhere gives the same feed and news page bytes."""
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(repo), str(clone)], check=True)
    with fixture_seeds():
        first, second = prepare(Project(repo)), prepare(Project(clone))
    for name in (history.FEED, links.NEWS, ACTIVITY):
        assert first.files[name] == second.files[name], name


def test_a_shallow_clone_reports_only_commits_whose_parent_it_has(repo: Path, tmp_path: Path) -> None:
    """CI clones with --depth: the oldest commit it has cannot be compared with its parent,
    so it is not reported as 'toegevoegd' (that would date every page to the clone's edge)."""
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "2", f"file://{repo}", str(shallow)], check=True)
    assert changes_of(shallow) == []
    deeper = tmp_path / "deeper"
    subprocess.run(["git", "clone", "-q", "--depth", "3", f"file://{repo}", str(deeper)], check=True)
    found = history.page_history(changes_of(deeper))
    assert [(c.day, c.what) for c in found[ACTIVITY]] == [("2026-03-15", "samenvatting aangepast")]
    assert not any(c.what == "toegevoegd" for changes in found.values() for c in changes)


def test_without_git_the_site_builds_and_says_no_history_is_known(repo: Path, tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    shutil.copytree(repo, plain, ignore=shutil.ignore_patterns(".git"))
    with fixture_seeds():
        prepared = prepare(Project(plain))
    assert "Er zijn geen wijzigingen bekend" in prepared.files[links.NEWS].decode()
    assert "Wijzigingen op deze pagina" not in prepared.files[ACTIVITY].decode()
    parsed = feedparser.parse(prepared.files[history.FEED])
    assert not parsed.bozo and parsed.entries == []


def test_the_bundles_carry_the_history_as_a_static_list_and_no_feed(repo: Path) -> None:
    with fixture_seeds():
        prepared = prepare(Project(repo))
        files = bundle_files(prepared, prepared.site.sessions.sessions[0])
    assert "- 15 maart 2026: samenvatting aangepast" in files[ACTIVITY].decode()
    assert history.FEED not in files and "robots.txt" not in files


def test_one_line_per_day_and_a_page_made_that_day_was_made_that_day() -> None:
    from generator.pages.news import PageChange

    def change(time: str, what: str) -> PageChange:
        return PageChange(time[:10], time, "c" + time[11:13], ACTIVITY, "Titel", what)

    block = history.history_block([change("2026-03-15T12:00:00+01:00", "titel aangepast"),
                                   change("2026-03-15T10:00:00+01:00", "samenvatting aangepast"),
                                   change("2026-03-01T10:00:00+01:00", "bronnen aangepast"),
                                   change("2026-03-01T09:00:00+01:00", "toegevoegd")], "")
    assert "- 15 maart 2026: titel aangepast; samenvatting aangepast\n- 1 maart 2026: toegevoegd\n" in block
    assert "Wat is er nieuw" not in block  # no link where there is no page to link to
    assert history.history_block([], "x.md") == ""


MARKDOWN_LINK = re.compile(r"\]\(([^)\s]+)\)")


def missing_link_targets(files: dict[str, bytes]) -> list[tuple[str, str]]:
    """(page, link) for each relative Markdown link to a file `files` does not hold."""
    missing = []
    for path, body in files.items():
        if not path.endswith(".md"):
            continue
        for href in MARKDOWN_LINK.findall(body.decode()):
            target = urlsplit(href)
            if target.scheme or target.netloc or not target.path:
                continue
            if posixpath.normpath(posixpath.join(posixpath.dirname(path), target.path)) not in files:
                missing.append((path, href))
    return missing


def test_a_bundle_links_a_page_only_the_site_has_at_the_public_address(repo: Path, tmp_path: Path) -> None:
    """A change to a session shows on Raadsbundels, a page bundles lack; "Wat is er nieuw"
    names it, and in a bundle that link goes to the public site (MkDocs refused the build
    of a fresh clone over it)."""
    clone = tmp_path / "repo"
    shutil.copytree(repo, clone)
    sessions = clone / "data" / "sessions.yaml"
    text = sessions.read_text(encoding="utf-8")
    title = re.search(r"^    title: [^\"'\n]+$", text, re.M)
    assert title, "the fixture's session has an unquoted title"
    sessions.write_text(text.replace(title.group(0), title.group(0) + " (herzien)", 1), encoding="utf-8")
    commit(clone, "Session retitled", "2026-03-25T10:00:00+01:00")
    with fixture_seeds():
        prepared = prepare(Project(clone))
        news = prepared.files[links.NEWS].decode()
        assert f"]({links.BUNDLES})" in news, "the news page names Raadsbundels"
        files = bundle_files(prepared, prepared.site.sessions.sessions[0])
    assert links.BUNDLES not in files
    assert missing_link_targets(files) == []
    assert f"]({SITE_URL}raadsbundels/)" in files[links.NEWS].decode()
