"""An index made before the tree was rebuilt (a view's stale index) finds nothing: it never
reaches freed memory, however many rebuilds ago it was made."""

import gc

from desktop.domain.model import Indicator
from desktop.domain.taxonomy import taxonomy
from desktop.domain.values import parse_value
from desktop.ui.indicator_model import IndicatorTreeModel


def test_an_index_from_many_rebuilds_ago_is_just_stale(qtbot):
    profile = taxonomy().profile_for_year(2024)
    model = IndicatorTreeModel(profile, lambda *args: None)
    rows = [Indicator("产出指标", "数量指标", "场次", parse_value("10个"))]
    model.set_indicators(rows, profile)
    old = model.first_indicator_index()
    assert model.node(old) is not None and model.flags(old)
    for n in range(10):  # each a new shape: the tree is rebuilt, its nodes dropped
        rows = [*rows, Indicator("产出指标", "质量指标", f"指标{n}", parse_value("提升"))]
        model.set_indicators(rows, profile)
        gc.collect()
    assert model.node(old) is None
    assert not model.parent(old).isValid()
    assert model.rowCount(old) == 0
    assert model.index(0, 0, old).isValid() is False
    assert model.mimeData([old]) is not None  # nothing to drag, no crash
    assert model.first_indicator_index().isValid()
