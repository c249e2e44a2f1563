"""Check a build for publishing: no file in it may name the placeholder address.

    .venv/bin/python scripts/publish_check.py site/ dist/ [--expect https://echte.host/]

Reads every file under the given folders (following the site/ and dist/ links): text files
as bytes, gzip files unpacked, every member of every zip (recursively), and every PDF twice:
all its objects and decoded streams (link targets, metadata, XMP) through pikepdf, and its
visible text through pdftotext (text in a PDF's page streams is glyph codes, not letters).
Prints, in Dutch, each file that still holds the placeholder, and exits 1 if there is one.
With `--expect`, the real address must be found in the sitemap and in at least one PDF link,
so a check that reads nothing can't pass. The publish job of the deploy workflow runs it
after `make publish`; scripts/publish-path runs it on a clean clone.
"""

from __future__ import annotations

import argparse
import gzip
import io
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import pikepdf

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from generator.address import PLACEHOLDER_HOST  # noqa: E402

TEXT = {".html", ".xml", ".json", ".jsonld", ".js", ".css", ".csv", ".txt", ".webmanifest", ".conf", ".md", ".svg"}
"""Read as bytes; also the host files `_headers` and `_redirects` (no suffix)."""


def found_in(name: str, body: bytes, needle: bytes) -> list[str]:
    """Where in this file (`name`, a path or `archive.zip:member`) the needle stands."""
    suffix = Path(name).suffix.lower()
    if suffix == ".zip":
        hits = []
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            for member in archive.namelist():
                hits += found_in(f"{name}:{member}", archive.read(member), needle)
        return hits
    if suffix == ".gz":
        return found_in(f"{name}:{Path(name).stem}", gzip.decompress(body), needle)
    if suffix == ".pdf":
        return [f"{name} ({where})" for where in pdf_hits(body, needle)]
    if suffix in TEXT or Path(name).name in ("_headers", "_redirects") or needle in body:
        return [name] if needle in body else []
    return []


def pdf_hits(body: bytes, needle: bytes) -> list[str]:
    """'objecten' when an object or decoded stream holds the needle, 'tekst' when the visible text does."""
    hits = []
    with pikepdf.open(io.BytesIO(body)) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream):
                try:
                    data = obj.read_bytes()
                except pikepdf.PdfError:
                    data = obj.read_raw_bytes()
                if needle in data or needle in repr(obj.stream_dict).encode():
                    hits.append("objecten")
                    break
            elif needle in repr(obj).encode():
                hits.append("objecten")
                break
    with tempfile.NamedTemporaryFile(suffix=".pdf") as tmp:
        tmp.write(body)
        tmp.flush()
        text = subprocess.run(["pdftotext", "-q", tmp.name, "-"], capture_output=True, check=True).stdout
    if needle in text.replace(b"\n", b""):
        hits.append("tekst")
    return hits


def pdf_links(body: bytes) -> list[str]:
    with pikepdf.open(io.BytesIO(body)) as pdf:
        return [str(annot.A.URI) for page in pdf.pages for annot in page.get("/Annots", [])
                if "/A" in annot and "/URI" in annot.A]


def files(folders: list[Path]) -> list[tuple[str, Path]]:
    found = []
    for folder in folders:
        root = folder.resolve()
        for path in sorted(root.rglob("*")):
            if path.is_file():
                found.append((f"{folder.name}/{path.relative_to(root).as_posix()}", path))
    return found


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--expect", help="the real public address, which the build must use")
    args = parser.parse_args(argv)
    needle = PLACEHOLDER_HOST.encode()
    everything = files(args.folders)
    hits = [hit for name, path in everything for hit in found_in(name, path.read_bytes(), needle)]
    kinds: dict[str, int] = {}
    for name, _ in everything:
        suffix = Path(name).suffix.lower() or Path(name).name
        kinds[suffix] = kinds.get(suffix, 0) + 1
    print(f"gelezen: {len(everything)} bestanden (" + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())) + ")")
    problems = [f"het voorbeeldadres ({PLACEHOLDER_HOST}) staat nog in {hit}" for hit in hits]
    if args.expect:
        expected = args.expect.rstrip("/") + "/"
        sitemaps = [path for name, path in everything if name.endswith("/sitemap.xml")]
        if not sitemaps or not all(expected.encode() in p.read_bytes() for p in sitemaps):
            problems.append(f"de sitemap noemt {expected} niet")
        links = [link for name, path in everything if name.endswith(".pdf") for link in pdf_links(path.read_bytes())]
        if not any(link.startswith(expected) for link in links):
            problems.append(f"geen enkele pdf linkt naar {expected}")
    for problem in problems:
        print(f"fout: {problem}", file=sys.stderr)
    if problems:
        return 1
    print(f"in orde: nergens {PLACEHOLDER_HOST}" + (f"; sitemap en pdf's linken naar {args.expect}" if args.expect else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
