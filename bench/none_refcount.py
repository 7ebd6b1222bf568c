"""Investigation of "Fatal Python error: none_dealloc" at exit (issue 14, item 7).

On Python 3.11 ``None`` is an ordinary object with a reference count. A C extension that
hands out ``None`` without counting a reference makes the count fall by one per call; after
enough calls it reaches zero and the interpreter aborts at exit (none_dealloc). This script
drives the window the way the report describes (a 10,000-project file, filtering, opening
projects with 50-500 indicators) and prints how ``sys.getrefcount(None)`` moves per step:
a step that makes it fall steadily is the culprit.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/none_refcount.py bench/data/10000.db
"""

from __future__ import annotations

import gc
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    db = Path(sys.argv[1])
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    from desktop.ui.app import Controller, make_app

    app, translators = make_app([])
    controller = Controller(app, translators)
    controller.open(db)
    controller.wait_for_checks()
    window = controller.window
    repo = controller.session.repo

    def count() -> int:
        gc.collect()
        app.processEvents()
        return sys.getrefcount(None)

    def step(label: str, action, repeat: int = 5) -> None:
        deltas = []
        for _ in range(repeat):
            before = count()
            action()
            app.processEvents()
            deltas.append(count() - before)
        print(f"{label:40s} None refcount change per run: {deltas}", flush=True)

    texts = ("法", "法律", "法律援", "法律援助", "法律援助 满", "")
    step("filter (6 keystrokes)", lambda: [window.search.setText(t) for t in texts])
    big = sorted(repo.summaries(), key=lambda s: -s.indicator_count)[:20]
    print("largest projects:", [s.indicator_count for s in big[:5]], flush=True)
    it = iter(big * 3)
    step("open a large project", lambda: window.select_project(next(it).id), repeat=10)
    tree = window.editor.indicator_tree if hasattr(window.editor, "indicator_tree") else None
    if tree is not None:
        step("expand the indicator tree", tree.expandAll)
    step(
        "hover data() over the list",
        lambda: [
            window.proxy.data(window.proxy.index(r, c))
            for r in range(min(200, window.proxy.rowCount()))
            for c in range(window.proxy.columnCount())
        ],
    )
    print("None refcount before shutdown:", count(), flush=True)
    controller.shutdown()
    print("None refcount after shutdown:", count(), flush=True)


if __name__ == "__main__":
    main()
