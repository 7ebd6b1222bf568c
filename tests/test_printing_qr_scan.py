"""A printed page's QR code read back from a scan of the WHOLE page, as a photocopy is
scanned: every page of the 13 sample forms rendered at 150 dpi grey, and at 300 dpi grey
blurred (σ 0.6 pixel, a copier's and a scanner's softness) and scaled down to 150 dpi;
zbar decodes the page, and the text it reads names the page's project and page number in
the file that was printed."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.cli import main
from desktop.store import open_repository
from desktop.store.paper import MATCH, verify

pytestmark = pytest.mark.skipif(
    not all(shutil.which(t) for t in ("pdftoppm", "zbarimg", "convert")),
    reason="pdftoppm (poppler-utils), zbarimg (zbar-tools) and convert (ImageMagick) needed",
)


@pytest.fixture(scope="module")
def printed(tmp_path_factory, sample_result):
    folder = tmp_path_factory.mktemp("scan")
    db, pdf = folder / "申报.db", folder / "申报表.pdf"
    with open_repository(db) as repo:
        repo.add(list(sample_result.projects))
        ids = [p.id for p in sample_result.projects]
    args = ["print", "--db", str(db), "--out", str(pdf)]
    for pid in ids:
        args += ["--project", pid]
    assert main(args) == 0
    assert len(ids) == 13
    return db, pdf, ids


def _zbar(image: Path) -> list[str]:
    out = subprocess.run(["zbarimg", "-q", "--raw", str(image)], capture_output=True, text=True)
    return [line for line in out.stdout.splitlines() if line]


def _expected_pages(pdf: Path, ids: list[str]) -> list[tuple[str, int, int]]:
    """(project id, page, pages) of each sheet, read from the page's own footer text
    (第 x 页 共 y 页) and the forms' order."""
    out: list[tuple[str, int, int]] = []
    form = -1
    for page in PdfReader(pdf).pages:
        text = page.extract_text()
        m = re.search(r"第\s*(\d+)\s*页\s*共\s*(\d+)\s*页", text)
        assert m, text[-200:]
        n, total = int(m[1]), int(m[2])
        form += n == 1
        out.append((ids[form], n, total))
    return out


def _check(db: Path, texts: list[list[str]], expected) -> int:
    decoded = 0
    with open_repository(db, read_only=True) as repo:
        for found, (pid, n, total) in zip(texts, expected, strict=True):
            if len(found) != 1:
                continue
            verdict = verify(repo, found[0])
            assert verdict.status == MATCH, verdict.lines()
            assert (verdict.project_id, verdict.page, verdict.pages) == (pid, n, total)
            decoded += 1
    return decoded


def test_every_whole_page_scanned_at_150_dpi_decodes_to_its_project_and_page(printed, tmp_path):
    db, pdf, ids = printed
    expected = _expected_pages(pdf, ids)
    subprocess.run(["pdftoppm", "-r", "150", "-gray", str(pdf), str(tmp_path / "p")], check=True)
    images = sorted(tmp_path.glob("p-*.pgm"))
    assert len(images) == len(expected) >= 13
    assert _check(db, [_zbar(i) for i in images], expected) == len(expected)


def test_every_whole_page_at_300_dpi_blurred_and_scaled_to_150_decodes(printed, tmp_path):
    db, pdf, ids = printed
    expected = _expected_pages(pdf, ids)
    subprocess.run(["pdftoppm", "-r", "300", "-gray", str(pdf), str(tmp_path / "p")], check=True)
    images = sorted(tmp_path.glob("p-*.pgm"))
    assert len(images) == len(expected)
    texts = []
    for image in images:
        low = image.with_suffix(".150.pgm")
        subprocess.run(
            ["convert", str(image), "-blur", "0x0.6", "-resize", "50%", str(low)], check=True
        )
        texts.append(_zbar(low))
        image.unlink()
    assert _check(db, texts, expected) == len(expected)
