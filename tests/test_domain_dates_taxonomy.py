from datetime import date

import pytest

from desktop.domain.dates import DateError, parse_date
from desktop.domain.model import Project
from desktop.domain.taxonomy import taxonomy


@pytest.mark.parametrize(
    "text",
    ["2026-01-01", "2026/1/1", "2026.1.1", "2026年1月1日", "20260101", "2026-01-01 00:00:00"],
)
def test_dates_as_written(text):
    assert parse_date(text) == date(2026, 1, 1)


@pytest.mark.parametrize("text", ["", "2026-13-01", "2026-02-30", "明年", "1/1/2026"])
def test_bad_dates(text):
    with pytest.raises(DateError):
        parse_date(text)


def test_profiles_by_year():
    tax = taxonomy()
    assert tax.profile_for_year(2020).id == "classic"
    assert tax.profile_for_year(2024).id == "2021"
    classic = tax.profile("classic")
    assert classic.level1_names == ("产出指标", "效益指标", "满意度指标")
    assert classic.level2_for("产出指标") == ("数量指标", "质量指标", "时效指标", "成本指标")
    modern = tax.profile("2021")
    assert modern.level1_names[0] == "成本指标"
    assert modern.fits("成本指标", "经济成本指标")
    assert not modern.fits("产出指标", "成本指标")
    assert tax.parents_of("服务对象满意度指标") == {"满意度指标"}


def test_best_profile_follows_the_form():
    tax = taxonomy()
    # a 2022 form still written the classic way (成本指标 under 产出指标)
    assert tax.best_profile(2022, [("产出指标", "成本指标")]).id == "classic"
    assert tax.best_profile(2022, [("产出指标", "数量指标")]).id == "2021"
    assert tax.best_profile(2019, [("成本指标", "经济成本指标")]).id == "2021"


def test_a_projects_profile_is_its_own_else_its_years():
    tax = taxonomy()
    # a 2024 form written the classic way keeps the classic table (the one rule for
    # audit, the editor, printing and the workbook)
    assert tax.profile_of(Project(year=2024, profile="classic")).id == "classic"
    assert tax.profile_of(Project(year=2019, profile="2021")).id == "2021"
    # an id this taxonomy does not know (a newer program's file): the year's table
    assert tax.profile_of(Project(year=2024, profile="2030")).id == "2021"
    assert tax.profile_of(Project(year=2020, profile="")).id == "classic"
