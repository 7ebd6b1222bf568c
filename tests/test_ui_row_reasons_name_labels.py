"""Why a stored row cannot be read names the column as the form does — 项目名称 / Project
name, 财政资金 / fiscal funds, 一级指标 / Level 1 — never by its internal column name; the
own file's deletion records and kept versions say what is wrong in the window's language too.
The sentences are written here by hand from the form's words."""

from __future__ import annotations

import sqlite3

import pytest

from desktop.domain.model import Indicator, Project
from desktop.store import open_repository, rows
from desktop.ui.audit_text import error_text


@pytest.fixture
def stored(tmp_path):
    """A file with one project of one indicator; ``change(sql)`` spoils its rows."""
    path = tmp_path / "rows.db"
    project = Project(
        name="法律援助", year=2026, indicators=(Indicator("产出指标", "数量指标", "件数"),)
    )
    with open_repository(path) as repo:
        repo.add([project])
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row

    def read_after(sql: str) -> rows.BadRowError:
        conn.execute(sql)
        r = conn.execute("SELECT * FROM projects").fetchone()
        indicators = conn.execute("SELECT * FROM indicators").fetchall()
        with pytest.raises(rows.BadRowError) as exc:
            rows.project_from_row(r, indicators)
        return exc.value

    yield read_after
    conn.close()


def both(exc: Exception, translators) -> tuple[str, str]:
    translators.use("en")
    try:
        english = error_text(exc)
    finally:
        translators.use("zh_CN")
    return str(exc), english


@pytest.mark.parametrize(
    ("sql", "chinese", "english"),
    [
        ("UPDATE projects SET name = X'00'", "“项目名称”不是文字", "“Project name” is not text"),
        (
            "UPDATE projects SET funds_fiscal = 1.5",
            "金额“财政资金”无效",
            "the amount “fiscal funds” is invalid",
        ),
        ("UPDATE indicators SET level1 = X'07'", "“一级指标”不是文字", "“Level 1” is not text"),
        (
            "UPDATE projects SET versions = '{'",
            "版本记录无效（不是有效的 JSON）",
            "the version record is invalid (not valid JSON)",
        ),
    ],
)
def test_a_bad_column_is_named_by_its_label(stored, app_and_translators, sql, chinese, english):
    _, translators = app_and_translators
    said, said_in_english = both(stored(sql), translators)
    assert said == chinese
    assert said_in_english == english


def test_a_deletion_record_and_a_kept_version(app_and_translators):
    _, translators = app_and_translators
    with pytest.raises(rows.BadRowError) as exc:
        rows.tombstone_fields(("not-an-id", "法律援助", "2026-01-01T00:00:00Z", "{}"))
    assert both(exc.value, translators) == (
        "删除记录的编号无效",
        "the id of a deletion record is invalid",
    )
    with pytest.raises(rows.BadRowError) as exc:
        rows.history_project('{"id": "x", "year": 2026}')
    assert both(exc.value, translators) == (
        "历史版本无效：编号不是有效的 UUID：x",
        "a kept version is invalid: the id is not a valid UUID: x",
    )
    with pytest.raises(rows.BadRowError) as exc:
        rows.history_project("[1, 2")
    assert both(exc.value, translators) == (
        "历史版本无效（不是有效的 JSON）",
        "the kept version is invalid (not valid JSON)",
    )


def test_a_key_of_a_received_form_is_named_by_its_label(app_and_translators):
    from desktop.domain.codec import CodecError, project_from_dict

    _, translators = app_and_translators
    form = {"id": "5b0c2a1e-8f3d-4c6e-9a27-3d1f6b8e4c10", "year": 2026}
    with pytest.raises(CodecError) as exc:
        project_from_dict({**form, "start_date": 20260102})
    assert both(exc.value, translators) == (
        "“计划开始日期”应写成 YYYY-MM-DD",
        "“Planned start date” should be written YYYY-MM-DD",
    )
    with pytest.raises(CodecError) as exc:
        project_from_dict({**form, "year": "2026"})
    assert both(exc.value, translators) == ("“年度”应为整数", "“Year” should be a whole number")
    with pytest.raises(CodecError) as exc:
        project_from_dict({**form, "funds_written": "500万"})
    assert both(exc.value, translators) == (
        "金额写法记录应为 {金额字段: 文字} 对象",
        "the record of amounts as written should be an object {amount field: text}",
    )
