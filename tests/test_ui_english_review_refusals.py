"""A review step the program refuses says why in the window's language: 报送 before this
machine's unit is set, 报送 a form already approved. Through the real menu action; the
sentences are written here by hand (the form's name is the clerk's data)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from desktop.domain import review as rv
from desktop.domain.model import Project
from desktop.store import review as review_store
from desktop.ui.commands import AddProjectsCommand
from tests.in_each_language import said


def with_project(c) -> Project:
    project = Project(name="Legal aid", year=2026, revision=1)
    c.session.undo_stack.push(AddProjectsCommand(c.session, [project], "add"))
    c.window.select_project(project.id)
    c.window.show()
    QApplication.processEvents()
    return project


def the_warning(dialogs) -> str:
    boxes = [text for kind, text in dialogs if kind == "warning"]
    assert len(boxes) == 1, dialogs
    return boxes[0]


def test_submitting_before_the_unit_is_set(window_in_each_language, dialogs, expect_box):
    c, language = window_in_each_language
    expect_box("warning")
    with_project(c)
    c.window.review.act_submit.trigger()
    said(
        the_warning(dialogs),
        language,
        "Set this unit first (Settings › This unit, or --unit on the command line).",
        "请先设置本机单位（设置 › 本机单位，或命令行 --unit）。",
    )


def test_submitting_a_form_already_approved(window_in_each_language, dialogs, expect_box):
    c, language = window_in_each_language
    expect_box("warning")
    project = with_project(c)
    reviewer = review_store.Identity("Finance section", rv.ROLE_REVIEWER)
    c.session.set_identity(reviewer)
    c.session.move([project.id], rv.SUBMITTED)
    c.session.move([project.id], rv.APPROVED)
    c.session.set_identity(review_store.Identity("Legal Aid Centre", rv.ROLE_UNIT))
    c.window.select_project(project.id)
    c.window.review.act_submit.trigger()
    said(
        the_warning(dialogs),
        language,
        "“Legal aid” is at “Approved”; it cannot be submitted.",
        "“Legal aid”当前为审核通过，不能报送。",
        name="Legal aid",
    )
