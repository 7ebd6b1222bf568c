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


def test_a_duplicated_project_is_a_new_form_with_new_row_ids(make_controller, tmp_path):
    c = make_controller(tmp_path / "dup.db")
    c.load_sample()
    w = c.window
    repo = w.session.repo
    original = next(p for p in repo.all_projects() if p.name == "人民调解")
    w.select_project(original.id)
    w.act_duplicate.trigger()
    (copy,) = [p for p in repo.all_projects() if p.name == "人民调解（副本）"]
    assert [i.name for i in copy.indicators] == [i.name for i in original.indicators]
    assert not {i.uid for i in copy.indicators} & {i.uid for i in original.indicators}


def test_the_window_warns_of_a_possible_duplicate(make_controller, tmp_path):
    from desktop.domain.model import Project

    c = make_controller(tmp_path / "same.db")
    c.load_sample()
    w = c.window
    repo = w.session.repo
    original = next(p for p in repo.all_projects() if p.name == "人民调解")
    repo.add([Project(year=original.year, name="人民调解（来自交换.db）")])
    w.select_project(original.id)
    w.refresh_audit()
    messages = [
        w.audit_panel.tree.topLevelItem(n).text(3)
        for n in range(w.audit_panel.tree.topLevelItemCount())
    ]
    assert any(m.startswith("可能重复") for m in messages), messages
