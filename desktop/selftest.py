"""``--self-test``: does this installation work? Useful in CI on the frozen bundle and on a
clerk's PC when something is odd.

Starts the main window offscreen on a temporary database, imports the bundled sample, runs
审核, prints one PDF and checks its fonts are embedded, checks reportlab's C speed-ups are
there, exports a .db and opens it read-only, prints a page through QPrinter (into a PDF
file), finds the user guide in both languages with every picture it shows, and proves the
bundled font and the translations are really there by using them.
Prints one line; exit status 0 or 1.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass
class _State:
    step: str = "启动"  # the step under way, named when it fails


def _check_app(folder: Path, state: _State):
    """Start-up, fonts, translations, a database with the sample, 审核, printing."""
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtGui import QFontDatabase

    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder / "settings")
    )
    from desktop.ui.app import Controller, make_app

    state.step = "字体"
    app, translators = make_app([sys.argv[0]])
    families = QFontDatabase.families()
    if "AR PL UMing CN" not in families:
        raise RuntimeError("附带的中文字体没有加载")
    state.step = "翻译"
    if not translators.use("en") or QCoreApplication.translate("MainWindow", "文件(&F)") != "&File":
        raise RuntimeError("英文翻译没有加载")
    if not translators.use("zh_CN"):
        raise RuntimeError("Qt 的中文翻译（qtbase_zh_CN）没有加载")
    state.step = "数据库"
    controller = Controller(app, translators)
    if not controller.open(folder / "自检 数据.db"):
        raise RuntimeError("无法创建数据库")
    state.step = "导入示例"
    controller.load_sample()
    window = controller.window
    count = window.model.rowCount()
    if count != 13:
        raise RuntimeError(f"示例应有 13 个项目，实际 {count} 个")
    state.step = "审核"
    from desktop.domain import audit

    projects = list(controller.session.repo.all_projects())
    findings = [f for p in projects for f in audit.check(p)]
    errors = sum(f.severity == audit.ERROR for f in findings)
    if errors != 10:
        raise RuntimeError(f"示例的审核错误应为 10 条，实际 {errors} 条")
    state.step = "打印"
    from desktop.printing import render

    pdf = folder / "自检.pdf"
    result = render(projects[:1], pdf)
    data = pdf.read_bytes()
    if result.pages != 1 or b"/FontFile2" not in data or result.missing:
        raise RuntimeError("PDF 中的字体没有嵌入")
    return controller, projects, count, findings, data, pdf


def _check_files(folder: Path, projects, pdf: Path, state: _State) -> None:
    """Reading a PDF back, the C speed-ups, read-only opening, QPrinter, Excel."""
    state.step = "读取 PDF"
    from desktop.io.pdf_format import load_pdf
    from desktop.printing import render

    plain = folder / "自检-表格.pdf"
    render(projects[:1], plain, embed=False)  # read back from its tables (pdfplumber)
    back = load_pdf(plain).projects
    if [p.funds for p in back] != [projects[0].funds]:
        raise RuntimeError("从 PDF 读回的金额不一致")
    state.step = "reportlab C 加速"
    import importlib.util

    if importlib.util.find_spec("_rl_accel") is None:
        raise RuntimeError("reportlab 的 C 加速模块（_rl_accel）没有打包")
    state.step = "只读打开导出的文件"
    from desktop.store import open_repository
    from desktop.store.exchange import export_db

    exported = folder / "自检 导出#1.db"  # a space and a '#' must survive the file: URI
    export_db(projects[:2], exported)
    with open_repository(exported, create=False, read_only=True) as copy:
        if not copy.read_only or copy.count_all() != 2:
            raise RuntimeError("导出的 .db 文件以只读方式打开后内容不符")
    state.step = "QPrinter 打印"
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPrintSupport import QPrinter

    from desktop.ui.print_dialog import PRINT_DPI, print_document

    document = QPdfDocument(None)
    document.load(str(pdf))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = folder / "自检 打印.pdf"
    printer.setOutputFileName(str(printed))
    printer.setResolution(PRINT_DPI)
    sent = print_document(document, printer)
    document.close()
    if sent != 1 or not printed.read_bytes().startswith(b"%PDF"):
        raise RuntimeError(f"打印到 PDF 文件失败（{sent} 页）")
    state.step = "Excel"
    from desktop.io.xlsx_format import export_xlsx
    from desktop.io.xlsx_read import load_xlsx

    export_xlsx(projects[:2], folder / "自检.xlsx")
    if load_xlsx(folder / "自检.xlsx").projects != projects[:2]:
        raise RuntimeError("Excel 导出后读回的内容不一致")


def _check_guides(state: _State) -> None:
    """The user guide (F1) in both languages of the window, with every picture it shows."""
    state.step = "使用说明"
    from desktop.resources import GUIDES, guide_path, guide_pictures

    for language in GUIDES:
        path = guide_path(language)
        if not path.is_file():
            raise RuntimeError(f"缺少使用说明 {path}")
        missing = [
            name
            for name in guide_pictures(path.read_text(encoding="utf-8"))
            if not (path.parent / name).is_file()
        ]
        if missing:
            raise RuntimeError(f"{path.name} 中的图片缺少：{'、'.join(missing)}")


def run() -> int:
    started = time.perf_counter()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    folder = Path(tempfile.mkdtemp(prefix="jixiao-selftest-"))
    os.environ["JIXIAO_DATA_DIR"] = str(folder / "data")
    state = _State()
    try:
        controller, projects, count, findings, data, pdf = _check_app(folder, state)
        _check_files(folder, projects, pdf, state)
        _check_guides(state)
        controller.shutdown()
    except Exception as exc:  # the point is to report anything at all
        _say(f"自检失败（{state.step}）：{type(exc).__name__}: {exc}")
        return 1
    finally:
        shutil.rmtree(folder, ignore_errors=True)  # nothing left behind in %TEMP%
    seconds = time.perf_counter() - started
    _say(
        f"自检通过：{count} 个示例项目，审核 {len(findings)} 条，PDF {len(data) // 1024} KB，"
        f"字体和翻译已加载，只读打开和 QPrinter 打印正常，用时 {seconds:.1f} 秒。"
    )
    return 0


def _say(line: str) -> None:
    """Print the verdict; a windowed Windows build has no console, so write it to a file."""
    if sys.stdout is not None:
        print(line)
        return
    report = Path(tempfile.gettempdir()) / "jixiao-selftest.txt"
    report.write_text(line + "\n", encoding="utf-8")
