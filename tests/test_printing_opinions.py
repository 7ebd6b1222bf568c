"""打印审核意见: one project's opinions and answers as one A4 table."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from desktop.cli import main
from desktop.domain import review as rv
from desktop.store import open_repository
from desktop.store import review as store
from tests.test_cli_review_loop import form


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_the_opinions_print_as_one_table_with_their_answers(tmp_path, capsys):
    db, pdf = tmp_path / "r.db", tmp_path / "意见.pdf"
    f = form("普法宣传", "甲司法所")
    with open_repository(db) as repo:
        repo.add([f])
        store.set_identity(repo, store.Identity("区司法局财务科", rv.ROLE_REVIEWER, "李四"))
        store.move(repo, [f.id], rv.SUBMITTED, unit="甲司法所")
        a = store.add_opinion(repo, f.id, 4, "财政资金<与批复>不符 & 请核对", field="funds.fiscal")
        b = store.add_opinion(repo, f.id, 2, "请写明培训对象", indicator=0)
        store.set_state(repo, a.id, rv.FIXED, unit="甲司法所", person="张三")
        store.set_state(repo, b.id, rv.EXPLAINED, "培训对象为社区居民", unit="甲司法所", person="")
        store.set_state(repo, a.id, rv.CONFIRMED)
    assert main(["opinions", "--db", str(db), "--project", f.id, "--pdf", str(pdf)]) == 0
    assert "2 条审核意见" in capsys.readouterr().out
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert text.count("\f") == 1  # one page
    # Words that fit on one line of their cell (wrapped cells interleave in the text).
    flat = text.replace(" ", "")
    for words in (
        "绩效目标审核意见",
        "项目名称：普法宣传",
        "审核状态：已报送",
        "财政资金<与批复>不符&",  # printed as written, not as markup
        "4指标与指标值不",
        "请写明培训对象",
        "已说明：培训对象为社区居民",
        "审核单位已确认",
        "（甲司法所）",
    ):
        assert words in flat, words
