"""Files written by the program: permissions as for any new file, kept when replaced."""

from __future__ import annotations

import os
import stat

import pytest

from desktop.store.safefile import atomic_write


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_an_exported_file_can_be_read_by_colleagues_like_any_other_new_file(tmp_path):
    # a PDF/xlsx/.db written for someone else must not come out readable by its owner only
    old = os.umask(0o022)
    try:
        target = tmp_path / "社区矫正.pdf"
        atomic_write(target, lambda fh: fh.write(b"%PDF-1.4"))
        assert stat.S_IMODE(target.stat().st_mode) == 0o644
    finally:
        os.umask(old)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_a_replaced_file_keeps_its_permissions(tmp_path):
    target = tmp_path / "all.xlsx"
    target.write_bytes(b"old")
    target.chmod(0o640)
    atomic_write(target, lambda fh: fh.write(b"new"))
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
