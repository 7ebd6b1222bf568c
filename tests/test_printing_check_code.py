"""The check code and QR code on every printed page, read back from the paper (pdftoppm +
zbar) and checked against the data: the current version, an edited form, a mistyped code,
a page of another file."""

from __future__ import annotations

import base64
import json
import random
import shutil
import subprocess
import zlib
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageChops
from pypdf import PdfReader
from reportlab.graphics.barcode import qrencoder

from desktop.cli import main
from desktop.domain import checkcode
from desktop.domain.model import new_id
from desktop.domain.values import parse_value
from desktop.printing import qr, render
from desktop.printing.layout import MARGIN_BOTTOM, PAGE_H
from desktop.store import open_repository
from desktop.store.paper import BAD_CODE, CHANGED, MATCH, UNKNOWN, PaperBatch, verify

needs_tools = pytest.mark.skipif(
    not (shutil.which("pdftoppm") and shutil.which("zbarimg")),
    reason="pdftoppm (poppler-utils) and zbarimg (zbar-tools) are needed",
)
AT = datetime(2026, 12, 4, 22, 3)


def test_the_symbol_is_reportlabs_module_for_module():
    """The fast per-page encoder draws exactly what reportlab's own encoder makes with the
    same mask."""
    rnd = random.Random(7)
    for k in range(80):
        digits = k % 2  # numeric mode (the compact texts), else alphanumeric
        chars = "0123456789" if digits else qr.ALNUM
        text = "".join(rnd.choice(chars) for _ in range(rnd.randint(1, 90)))
        if k < 4:
            text = "1" + "".join(rnd.choice("0123456789") for _ in range(33))
            digits = 1
        n, rows = qr.matrix(text)
        ref = qrencoder.QRCode(qr._version_for(len(text), bool(digits)), qr.LEVEL)
        ref.addData(text)
        ref.makeImpl(False, qr.MASK)
        assert n == ref.moduleCount
        assert [[bool(r >> (n - 1 - c) & 1) for c in range(n)] for r in rows] == [
            [bool(x) for x in row] for row in ref.modules
        ]


def test_a_compact_qr_text_is_a_version_1_symbol():
    """34 digits: the most a 21-module symbol holds at level M, the largest modules the
    footer margin has room for."""
    from desktop.printing.check_stamp import PrintedForm

    form = PrintedForm("any-id", 7, "c0ffee" * 10 + "abcd", 3, AT)
    for n in (1, 2, 3):
        text = form.page(n)[1]
        assert len(text) == 34 and text.isdigit()
        assert qr.matrix(text)[0] == 21
    assert qr.LEVEL == qrencoder.QRErrorCorrectLevel.M
    assert qr._version_for(35, True) == 2  # one more digit needs a larger symbol


def test_each_pages_code_and_qr_text_are_its_stamps():
    from desktop.printing.check_stamp import PrintedForm

    form = PrintedForm("any-id", 7, "c0ffee" * 10 + "abcd", 93, AT)
    for n in (1, 2, 90, 93):
        stamp = form.stamp(n)
        assert form.page(n) == (stamp.code, stamp.qr_text)
        assert checkcode.parse(stamp.qr_text) == stamp


@settings(max_examples=60)
@given(
    st.integers(0, 1 << 17),  # revisions past the compact format's 16 bits too
    st.integers(1, 95),
    st.floats(0, 1),
    st.datetimes(datetime(2019, 1, 1), datetime(2060, 1, 1)),  # before its origin too
)
def test_any_pages_code_and_qr_text_are_its_stamps(revision, pages, frac, at):
    from desktop.printing.check_stamp import PrintedForm

    form = PrintedForm("an-id", revision, "0123456789abcdef" * 4, pages, at)
    for n in {1, max(1, round(frac * pages)), pages}:
        stamp = form.stamp(n)
        assert form.page(n) == (stamp.code, stamp.qr_text)


@pytest.fixture
def printed(tmp_path, sample_result):
    """A file with three forms (one of several pages), printed through the CLI."""
    db = tmp_path / "申报.db"
    projects = list(sample_result.projects[:3])
    long = projects[0]
    projects[0] = long.with_changes(
        indicators=tuple(replace(i, uid=new_id()) for i in long.indicators * 6)
    )  # several pages
    with open_repository(db) as repo:
        repo.add(projects)
        ids = [p.id for p in projects]
    pdf = tmp_path / "申报表.pdf"
    args = ["print", "--db", str(db), "--out", str(pdf)]
    for pid in ids:
        args += ["--project", pid]
    assert main(args) == 0
    return db, pdf, ids


STRIP = round(MARGIN_BOTTOM / 72 * 300)  # the bottom margin at 300 dpi, in pixels


def _pages(pdf: Path, folder: Path, first: int = 1, last: int = 0, whole: bool = False):
    """Pages rendered at 300 dpi grey: whole, or the footer strip where a hand scanner is
    held (as fast to render and read as a scanner gun is to aim)."""
    args = ["pdftoppm", "-r", "300", "-gray", "-png", "-f", str(first)]
    if last:
        args += ["-l", str(last)]
    if not whole:
        args += ["-y", str(3508 - STRIP), "-H", str(STRIP), "-W", "2481"]
    prefix = folder / ("whole" if whole else "strip")
    subprocess.run([*args, str(pdf), str(prefix)], check=True)
    return sorted(folder.glob(f"{prefix.name}-*.png"))


def _zbar(image: Image.Image, folder: Path) -> list[str]:
    path = folder / "scan.png"
    image.save(path)
    out = subprocess.run(
        ["zbarimg", "-q", "--raw", str(path)], capture_output=True, text=True
    ).stdout
    return [line for line in out.splitlines() if line]


def _scan(page: Path, folder: Path) -> tuple[str, str]:
    """The QR text read at 300 dpi grey, and from the same image scanned at 150 dpi (the
    footer strip, where a scanner gun is aimed; whole pages: test_printing_qr_scan.py)."""
    image = Image.open(page)
    at300 = _zbar(image, page.parent)
    low = image.resize((image.width // 2, image.height // 2), Image.Resampling.BOX)
    if low.height > STRIP:
        low = low.crop((0, low.height - STRIP // 2, low.width, low.height))
    at150 = _zbar(low, page.parent)
    assert len(at300) == 1 and len(at150) == 1, (page.name, at300, at150)
    return at300[0], at150[0]


@needs_tools
def test_every_page_decodes_at_300_and_150_dpi_and_matches_the_data(printed, tmp_path):
    db, pdf, ids = printed
    images = _pages(pdf, tmp_path)
    whole = _pages(pdf, tmp_path, 1, 1, whole=True)  # the first page whole, too
    assert _zbar(Image.open(whole[0]), tmp_path) == [_scan(images[0], tmp_path)[0]]
    embedded = _embedded_codes(pdf)
    assert [f["project_id"] for f in embedded] == ids
    expected_pages = [
        (pid, n, f["pages"])
        for pid, f in zip(ids, embedded, strict=True)
        for n in range(1, f["pages"] + 1)
    ]
    assert len(images) == len(expected_pages) >= 4
    batch = PaperBatch()
    with open_repository(db, read_only=True) as repo:
        for image, (pid, n, total) in zip(images, expected_pages, strict=True):
            text300, text150 = _scan(image, tmp_path)
            assert text300 == text150
            verdict = verify(repo, text300)
            assert verdict.status == MATCH, verdict.lines()
            assert (verdict.project_id, verdict.page, verdict.pages) == (pid, n, total)
            assert verdict.message == "与当前数据一致"
            # The PDF's data says the same as the paper.
            form = embedded[ids.index(pid)]
            assert form["qr"][n - 1] == text300
            code = checkcode.parse(text300).code
            assert form["codes"][n - 1] == checkcode.grouped(code)
            # The code as a clerk types it gives the same answer.
            typed = verify(repo, checkcode.grouped(code).lower())
            assert (typed.status, typed.project_id, typed.page) == (MATCH, pid, n)
            assert batch.add(verdict)
    summary = batch.summary()
    assert all(not missing for _, _, missing in summary) and len(summary) == 3


def _embedded_codes(pdf: Path) -> list[dict]:
    raw = PdfReader(pdf).metadata["/JixiaoProjects"]
    return json.loads(zlib.decompress(base64.b64decode(raw)))["check_codes"]


@needs_tools
def test_after_an_edit_the_paper_names_the_changed_fields(printed, tmp_path, capsys):
    db, pdf, ids = printed
    pages = len(PdfReader(pdf).pages)
    text, _ = _scan(_pages(pdf, tmp_path, pages, pages)[0], tmp_path)  # the last form's page
    with open_repository(db) as repo:
        old = repo.get(ids[2])
        changed = old.with_changes(
            name=old.name + "（调整）",
            indicators=(_with_value(old.indicators[0], "≥99(%)"), *old.indicators[1:]),
        )
        repo.save(changed)
        verdict = verify(repo, text)
    assert verdict.status == CHANGED
    assert verdict.message.startswith(f"这是第 {old.revision} 版，当前是第 {old.revision + 1} 版")
    # The changed fields by their labels on the form, old → new (the differing words marked).
    name_line = next(line for line in verdict.changes if line.startswith("项目名称："))
    before, after = name_line.split(" → ")
    assert old.name in before and f"{old.name}（调整）" in after.replace("〔+", "").replace(
        "〕", ""
    )
    first = old.indicators[0]
    assert any(
        line.startswith(f"指标 {first.level1}/{first.level2}/{first.name}：")
        and "≥99(%)" in line.split(" → ")[1]
        for line in verdict.changes
    ), verdict.changes
    # The CLI: the same answer, exit 1, the changed fields by their labels.
    code = checkcode.grouped(checkcode.parse(text).code)
    capsys.readouterr()
    assert main(["verify", code, "--db", str(db)]) == 1
    out = capsys.readouterr().out
    assert "这是第" in out and "\n  项目名称：" in out


def _with_value(indicator, text):
    from dataclasses import replace

    return replace(indicator, value=parse_value(text))


def test_mistyped_codes_are_refused_by_the_check_character(printed, capsys):
    db, _pdf, ids = printed
    with open_repository(db, read_only=True) as repo:
        project = repo.get(ids[1])
    code = checkcode.stamp_for(project.id, project.content_hash(), project.revision, 1, 1, AT).code
    changed = code[:5] + ("A" if code[5] != "A" else "B") + code[6:]
    i = next(k for k in range(11) if code[k] != code[k + 1])
    swapped = code[:i] + code[i + 1] + code[i] + code[i + 2 :]
    assert main(["verify", checkcode.grouped(code), "--db", str(db)]) == 0
    for wrong in (changed, swapped):
        capsys.readouterr()
        assert main(["verify", checkcode.grouped(wrong), "--db", str(db)]) == 2
        assert "校验码有误" in capsys.readouterr().out
    with open_repository(db, read_only=True) as repo:
        assert verify(repo, changed).status == BAD_CODE


def test_a_page_of_another_file_is_not_in_this_file(printed, tmp_path, sample_result, capsys):
    db, _pdf, _ids = printed
    other = sample_result.projects[5]  # never added to this file
    stamp = checkcode.stamp_for(other.id, other.content_hash(), 3, 1, 2, AT)
    with open_repository(db, read_only=True) as repo:
        verdict = verify(repo, stamp.qr_text)
    assert verdict.status == UNKNOWN and verdict.message == "项目不在本文件中"
    assert main(["verify", stamp.qr_text, "--db", str(db)]) == 2
    assert "项目不在本文件中" in capsys.readouterr().out


def test_codes_off_leave_the_footer_as_it_was_and_never_touch_the_grid(tmp_path, sample_result):
    """The codes sit below the table only: a page with them differs from the same page
    without them nowhere above the bottom margin."""
    if not shutil.which("pdftoppm"):
        pytest.skip("pdftoppm is needed")
    project = sample_result.projects[0]
    project = project.with_changes(
        indicators=tuple(replace(i, uid=new_id()) for i in project.indicators * 6)
    )
    with_codes, without = tmp_path / "with.pdf", tmp_path / "without.pdf"
    a = render([project], with_codes, printed_at=AT)
    b = render([project], without, codes=False)
    assert a.pages == b.pages >= 2 and len(a.forms) == 1 and not b.forms
    for name in ("with", "without"):
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                "72",
                "-gray",
                "-png",
                str(tmp_path / f"{name}.pdf"),
                str(tmp_path / name),
            ],
            check=True,
        )
    for n in range(1, a.pages + 1):
        one = Image.open(tmp_path / f"with-{n}.png")
        two = Image.open(tmp_path / f"without-{n}.png")
        box = ImageChops.difference(one, two).getbbox()
        assert box is not None  # the code is there
        top = box[1] / one.height * PAGE_H  # points from the top of the page
        assert top >= PAGE_H - MARGIN_BOTTOM, (n, box)


def test_printing_without_codes_records_nothing_and_with_codes_each_version_once(
    tmp_path, sample_result
):
    db = tmp_path / "a.db"
    with open_repository(db) as repo:
        repo.add(sample_result.projects[:2])
        pid = sample_result.projects[0].id
    command = ["print", "--db", str(db), "--project", pid, "--out"]
    assert main([*command, str(tmp_path / "x.pdf"), "--no-codes"]) == 0
    with open_repository(db, read_only=True) as repo:
        assert repo.conn.execute("SELECT count(*) FROM printed").fetchone()[0] == 0
    for name in ("y.pdf", "z.pdf"):  # the same version printed twice: recorded once
        assert main([*command, str(tmp_path / name)]) == 0
    with open_repository(db, read_only=True) as repo:
        rows = repo.conn.execute("SELECT project_id, pages FROM printed").fetchall()
    assert rows == [(pid, 1)]


def test_the_stored_content_hash_is_the_forms_own(repo, sample_result):
    """Printing many forms takes each content hash from the file (no hashing again); it is
    the one the form has, and a form not as saved is hashed itself."""
    from desktop.store.paper import stored_hashes

    repo.add(sample_result.projects[:2])
    saved = repo.get(sample_result.projects[0].id)
    hashes = stored_hashes(repo)
    assert hashes(saved) == saved.content_hash()
    edited = saved.with_changes(name="另一个名称", revision=saved.revision + 1)
    assert hashes(edited) == edited.content_hash() != saved.content_hash()


def test_the_encoder_loads_alone_and_in_a_frozen_build(monkeypatch):
    """From source the encoder module is loaded without reportlab's barcode package (its
    widgets and Platypus cost 0.1 s at each start); a frozen build, which has no source
    files, gets it the package's way — the same encoder either way."""
    import sys
    from pathlib import Path

    monkeypatch.delitem(sys.modules, "reportlab.graphics.barcode.qrencoder", raising=False)
    alone = qr._load_qrencoder()
    assert alone.__name__ == "desktop.printing._qrencoder"
    monkeypatch.setattr(Path, "is_file", lambda self: False)
    frozen = qr._load_qrencoder()
    assert frozen.__name__ == "reportlab.graphics.barcode.qrencoder"
    assert frozen.QRCode.makeImpl.__code__.co_code == alone.QRCode.makeImpl.__code__.co_code


def test_a_file_locked_by_another_program_is_said_in_a_sentence(printed):
    import sqlite3

    from desktop.store import StoreError

    db, _pdf, ids = printed
    with open_repository(db) as repo:
        digest = repo.conn.execute(
            "SELECT content_hash FROM projects WHERE id = ?", [ids[1]]
        ).fetchone()[0]
        code = checkcode.stamp_for(ids[1], digest, 1, 1, 1, AT).code
        assert verify(repo, code).status == MATCH
        other = sqlite3.connect(db, isolation_level=None)
        other.execute("BEGIN EXCLUSIVE")
        try:
            with repo.patience(0.05), pytest.raises(StoreError) as err:
                verify(repo, code)
        finally:
            other.execute("ROLLBACK")
            other.close()
    assert "占用" in str(err.value)


def test_dark_modules_are_thinned_only_where_they_meet_light_ones():
    """Each module is SUB × SUB pixels; a dark module's edge pixel row or column is light
    where the neighbour on that side is light (its corner also when the diagonal one is);
    everything else of a dark module is dark, and a light module is all light."""
    rnd = random.Random(11)
    k = qr.SUB
    for _ in range(12):
        text = "1" + "".join(rnd.choice("0123456789") for _ in range(33))
        n, rows = qr.matrix(text)

        def dark(r, c, n=n, rows=rows):
            return 0 <= r < n and 0 <= c < n and bool(rows[r] >> (n - 1 - c) & 1)

        data = qr.image_data(n, rows)  # rows of whole bytes, the first pixel the highest bit
        per_row = -(-n * k // 8)
        assert len(data) == n * k * per_row
        for y in range(n * k):
            packed = int.from_bytes(data[y * per_row : (y + 1) * per_row], "big")
            pad = per_row * 8 - n * k  # the bits after the symbol's width: light
            assert packed & ((1 << pad) - 1) == 0, (text, y)
            line = packed >> pad
            r, i = divmod(y, k)
            for x in range(n * k):
                c, j = divmod(x, k)
                dr = -1 if i == 0 else 1 if i == k - 1 else 0
                dc = -1 if j == 0 else 1 if j == k - 1 else 0
                expected = (
                    dark(r, c)
                    and (not dr or dark(r + dr, c))
                    and (not dc or dark(r, c + dc))
                    and (not (dr and dc) or dark(r + dr, c + dc))
                )
                assert bool(line >> (n * k - 1 - x) & 1) == expected, (text, y, x)
