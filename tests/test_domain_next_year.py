"""Next year's copy of a form."""

from __future__ import annotations

from pathlib import Path


def test_the_next_year_copy_of_an_imported_form_keeps_its_date_style(tmp_path):
    # 主体班 imported with 2021年1月1日 printed its 2022 copy as 2022-01-01
    from desktop.domain.dates import format_date
    from desktop.domain.model import next_year_copy
    from desktop.io.files import load_file

    (form,) = load_file(Path(__file__).parent / "fixtures/variants/e1-keyvalue-2021.txt").projects
    assert form.date_style == "cn"
    copy = next_year_copy(form)
    assert copy.date_style == "cn"
    assert format_date(copy.start_date, copy.date_style) == "2022年1月1日"
