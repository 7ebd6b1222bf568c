"""Qt's own open and save dialogs (where there is no system dialog: Linux without a desktop
portal) sized to the screen, with whole columns: Qt's default cut 大小/类型/修改日期 to a
few letters. On Windows the system's dialog is used and this changes nothing.

``FileDialogFitter`` is installed on the application, so the static
``QFileDialog.getOpenFileName``/``getSaveFileName`` calls get it too."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QFileDialog, QHeaderView, QTreeView

from desktop.ui.screen import fit_to_screen


def fit_columns(dialog: QFileDialog) -> None:
    """The detail view's columns as wide as their titles and contents; the name column
    takes the rest."""
    for view in dialog.findChildren(QTreeView):
        header = view.header()
        if header.count() < 2:
            continue
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, header.count()):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)


class FileDialogFitter(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QFileDialog):
            if not watched.property("jixiaoFitted"):
                watched.setProperty("jixiaoFitted", True)
                fit_to_screen(watched, 960, 600)
            fit_columns(watched)
            QTimer.singleShot(0, watched, lambda: fit_columns(watched))  # filled later
        return False
