"""帮助 › 使用说明: the user guide shown in the program itself, with its screenshots, in the
window's language (docs/使用说明.md, docs/user-guide.en.md; both shipped with the program)."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QUrl
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from desktop.resources import guide_path as guide_for
from desktop.ui.screen import fit_to_screen

IMAGE_WIDTH = 760


def window_language() -> str:
    """The window's language: ``Translators.use`` sets QLocale's default along with the
    translations (a window built after a language switch reads the new one)."""
    return "en" if QLocale().language() == QLocale.Language.English else "zh_CN"


def guide_path(language: str | None = None):
    return guide_for(language or window_language())


class HelpDialog(QDialog):
    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setWindowTitle(self.tr("使用说明"))
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        path = guide_path()
        if path.is_file():
            self.browser.setSearchPaths([str(path.parent)])
            self.browser.document().setBaseUrl(QUrl.fromLocalFile(str(path)))
            self.browser.setMarkdown(path.read_text(encoding="utf-8"))
        else:
            self.browser.setPlainText(self.tr("找不到使用说明文件：{0}").format(path))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 860, 760)
        if path.is_file():  # scaled to the dialog as it fits this screen
            self._fit_images(min(IMAGE_WIDTH, self.width() - 100))

    def _fit_images(self, width: int) -> None:
        """Screenshots are wider than the dialog: show them scaled down to ``width``."""
        doc = self.browser.document()
        block = doc.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                fmt = fragment.charFormat()
                if fmt.isImageFormat():
                    image = fmt.toImageFormat()
                    picture = doc.resource(
                        QTextDocument.ResourceType.ImageResource.value, QUrl(image.name())
                    )
                    if picture is not None and picture.width() > width:
                        image.setWidth(width)
                        image.setHeight(picture.height() * width / picture.width())
                        cursor = QTextCursor(doc)
                        cursor.setPosition(fragment.position())
                        cursor.setPosition(
                            fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor
                        )
                        cursor.setCharFormat(image)
                it += 1
            block = block.next()
