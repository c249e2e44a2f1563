"""scripts/publish_check.py (issue 29): the check a publishing build passes before it goes out
finds the placeholder address wherever a file can hold it (text, gzip, zip in zip, a PDF's
link and metadata), and with `--expect` insists the real address is used."""

from __future__ import annotations

import gzip
import importlib.util
import io
import zipfile
from pathlib import Path

import pikepdf
import pytest

from generator.address import PLACEHOLDER

REAL = "https://stedenagenda.g40.test/"

_spec = importlib.util.spec_from_file_location("publish_check", Path(__file__).resolve().parent.parent / "scripts" / "publish_check.py")
publish_check = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(publish_check)  # type: ignore[union-attr]


def pdf_linking_to(url: str, title: str = "Raadsbundel") -> bytes:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.pages[0].Annots = pdf.make_indirect(pikepdf.Array([pikepdf.Dictionary(
        Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link, Rect=[0, 0, 10, 10],
        A=pikepdf.Dictionary(S=pikepdf.Name.URI, URI=pikepdf.String(url)))]))
    pdf.docinfo["/Title"] = title
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def zipped(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in members.items():
            archive.writestr(name, body)
    return out.getvalue()


def a_build(folder: Path, address: str) -> Path:
    """A publishing build in miniature, every link to `address`."""
    page = f'<link rel="canonical" href="{address}agenda/">'.encode()
    files = {
        "site/index.html": page,
        "site/sitemap.xml": f"<urlset><url><loc>{address}</loc></url></urlset>".encode(),
        "site/sitemap.xml.gz": gzip.compress(f"<loc>{address}</loc>".encode()),
        "site/open-data/catalogus.jsonld": f'{{"@id": "{address}open-data/"}}'.encode(),
        "site/bundels/sessie.pdf": pdf_linking_to(address + "steden/"),
        "site/bundels/sessie.zip": zipped({"index.html": page, "in/binnen.zip": zipped({"a.html": page})}),
        "dist/sessie.pdf": pdf_linking_to(address + "steden/"),
    }
    for rel, body in files.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_bytes(body)
    return folder


def test_a_build_with_the_real_address_passes(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    build = a_build(tmp_path, REAL)
    assert publish_check.main([str(build / "site"), str(build / "dist"), "--expect", REAL]) == 0
    assert "in orde" in capsys.readouterr().out


@pytest.mark.parametrize("where", ["site/index.html", "site/sitemap.xml.gz", "site/open-data/catalogus.jsonld",
                                   "site/bundels/sessie.zip", "dist/sessie.pdf", "pdf-title"])
def test_the_placeholder_anywhere_fails(tmp_path: Path, capsys: pytest.CaptureFixture, where: str) -> None:
    build = a_build(tmp_path, REAL)
    placeholder = a_build(tmp_path / "other", PLACEHOLDER)
    if where == "pdf-title":  # only in the metadata, no link
        (build / "dist/sessie.pdf").write_bytes(pdf_linking_to(REAL, title=f"Zie {PLACEHOLDER}"))
        where = "dist/sessie.pdf"
    elif where == "site/bundels/sessie.zip":  # only in the zip inside the zip
        (build / where).write_bytes(zipped({"index.html": b"x", "in/binnen.zip": zipped({"a.html": PLACEHOLDER.encode()})}))
    else:
        (build / where).write_bytes((placeholder / where).read_bytes())
    assert publish_check.main([str(build / "site"), str(build / "dist")]) == 1
    err = capsys.readouterr().err
    assert f"staat nog in {where}" in err


def test_expect_fails_when_nothing_uses_the_real_address(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    build = a_build(tmp_path, "https://andere.g40.test/")
    assert publish_check.main([str(build / "site"), "--expect", REAL]) == 1
    err = capsys.readouterr().err
    assert "de sitemap noemt" in err and "geen enkele pdf linkt" in err
