"""Vendored files are exactly the pinned package's files (vendor/checksums.txt)."""

from __future__ import annotations

import hashlib

from tests.conftest import REPO


def test_every_vendored_file_matches_its_checksum() -> None:
    vendor = REPO / "vendor"
    lines = (vendor / "checksums.txt").read_text(encoding="utf-8").splitlines()
    assert lines
    for line in lines:
        digest, name = line.split(maxsplit=1)
        assert hashlib.sha256((vendor / name).read_bytes()).hexdigest() == digest, name
    listed = {line.split(maxsplit=1)[1] for line in lines}
    shipped = {p.relative_to(vendor).as_posix() for p in vendor.rglob("*") if p.is_file()} - {
        "README.md", "package.json", "checksums.txt"}
    assert shipped == listed
