"""bench/lighthouse.py judges the targets per kind: a page kept from search engines on
purpose (out of the sitemap, `noindex`) is not failed for being uncrawlable, and nothing else."""

from __future__ import annotations

from bench import lighthouse
from generator import kinds


def result(seo: int, seo_lost: list[str], performance: int = 100) -> dict:
    return {"scores": {"performance": performance, "accessibility": 100, "best-practices": 100, "seo": seo},
            "seo_lost": seo_lost}


def test_the_unlisted_kinds_are_the_ones_out_of_the_sitemap() -> None:
    assert lighthouse.UNLISTED == {k.label for k in kinds.KINDS if not k.sitemap}
    assert "404" in lighthouse.UNLISTED


def test_an_unlisted_kind_losing_only_crawlability_meets_the_seo_target() -> None:
    assert lighthouse.targets_met("404", result(63, ["is-crawlable"]))


def test_an_unlisted_kind_losing_another_seo_audit_fails() -> None:
    assert not lighthouse.targets_met("404", result(55, ["is-crawlable", "document-title"]))


def test_a_listed_kind_is_never_excused() -> None:
    listed = next(label for label in lighthouse.PAGE_KINDS if label not in lighthouse.UNLISTED)
    assert not lighthouse.targets_met(listed, result(63, ["is-crawlable"]))


def test_performance_below_target_fails_every_kind() -> None:
    assert not lighthouse.targets_met("404", result(100, [], performance=90))


def test_the_section_names_what_missed_its_target(monkeypatch) -> None:
    monkeypatch.setattr(lighthouse, "NPM_DIR", _npm_dir_with_version())
    results = {("in beeld", "mobiel"): {**result(100, [], performance=93), "lost": [], "unused_css": 0, "unused_js": 0},
               ("404", "mobiel"): {**result(63, ["is-crawlable"]), "lost": [], "unused_css": 0, "unused_js": 0}}
    lines, met = lighthouse.section(results)
    assert not met
    assert "**Doelen NIET gehaald** op: in beeld, mobiel (prestaties 93)." in lines


def _npm_dir_with_version():
    import json
    import tempfile
    from pathlib import Path

    folder = Path(tempfile.mkdtemp())
    (folder / "node_modules" / "lighthouse").mkdir(parents=True)
    (folder / "node_modules" / "lighthouse" / "package.json").write_text(json.dumps({"version": "12.2.3"}))
    return folder
