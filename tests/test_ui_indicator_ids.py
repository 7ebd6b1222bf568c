"""In the indicator tree, a moved or edited row keeps its id; a pasted row (or one copied
from another project) is a new indicator with a new id."""

from desktop.domain.model import Indicator
from desktop.domain.taxonomy import taxonomy
from desktop.domain.values import parse_value
from desktop.ui.indicator_model import IndicatorTreeModel


def model_with_rows():
    profile = taxonomy().profile_for_year(2024)
    changes = []
    model = IndicatorTreeModel(profile, lambda rows, text, select: changes.append(rows))
    rows = [
        Indicator("产出指标", "数量指标", "场次", parse_value("10个")),
        Indicator("产出指标", "数量指标", "人次", parse_value("100人")),
    ]
    model.set_indicators(rows, profile)
    return model, rows, changes


def test_pasted_rows_are_new_indicators(qtbot):
    model, rows, changes = model_with_rows()
    model.add_rows([rows[0]], "粘贴")  # the same row pasted again
    (after,) = changes
    assert len(after) == 3 and len({i.uid for i in after}) == 3
    assert [i.uid for i in after[:2]] == [i.uid for i in rows]


def test_a_moved_or_edited_row_keeps_its_id(qtbot):
    model, rows, changes = model_with_rows()
    node = model.node(model.first_indicator_index())
    model.move(node, 1)
    assert [i.uid for i in changes[-1]] == [rows[1].uid, rows[0].uid]
    model.setData(model.first_indicator_index(), "座谈")  # rename the first row (场次)
    assert len(changes) == 2 and changes[-1][0].name == "座谈"
    assert [i.uid for i in changes[-1]] == [rows[0].uid, rows[1].uid]
