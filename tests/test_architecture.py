"""The shape of the code: layers import only downward, no import cycles, rooms of a size a
reader can hold (files ≤ 700 lines, functions ≤ 80 lines)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "desktop"
MAX_FILE_LINES = 700
MAX_FUNCTION_LINES = 80
# Rooms allowed over the limits for a while (none today): each may not grow, and must leave
# this list once it is split — the test fails when an entry is no longer over the limit or has
# grown.
OVERSIZE: dict[str, int] = {}

# What each layer may import of the program (besides itself); the arrows of
# docs/architecture.md: domain ← store ← io, printing ← ui, cli. "base" is the package's
# name and version and where its resources are (standard library only), for everyone.
ALLOWED = {
    "base": set(),
    "domain": {"base"},
    "store": {"base", "domain"},
    "io": {"base", "domain", "store"},
    "printing": {"base", "domain"},
    "ui": {"base", "domain", "store", "io", "printing", "top"},
    "cli": {"base", "domain", "store", "io", "printing", "top", "ui"},
    "top": {"base", "domain", "store", "io", "printing", "ui", "cli"},  # __main__, selftest
}
BASE = {"desktop", "desktop.resources", "desktop.system_libs"}
# Third-party packages a layer must never import.
FORBIDDEN = {
    "base": {"PySide6", "sqlite3", "sqlite_utils", "reportlab", "openpyxl", "pdfplumber"},
    "domain": {"PySide6", "sqlite3", "sqlite_utils", "reportlab", "openpyxl", "pdfplumber"},
    "store": {"PySide6", "reportlab", "openpyxl", "pdfplumber"},
    "io": {"PySide6", "reportlab"},
    "printing": {"PySide6", "sqlite3", "sqlite_utils"},
}


def modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def layer(module: str) -> str:
    if module in BASE:
        return "base"
    parts = module.split(".")
    if len(parts) >= 2 and parts[1] in ("domain", "store", "io", "printing", "ui"):
        return parts[1]
    if module == "desktop.cli":
        return "cli"
    return "top"


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imports(path: Path, *, top_level_only: bool) -> list[tuple[str, int]]:
    """(imported module, line) of a file; ``top_level_only``: those run at import time."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []

    def visit(nodes, top: bool) -> None:
        for node in nodes:
            if isinstance(node, ast.If) and _type_checking(node):
                continue
            if isinstance(node, ast.Import):
                found.extend((a.name, node.lineno) for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.append((node.module, node.lineno))
                found.extend((f"{node.module}.{a.name}", node.lineno) for a in node.names)
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and top_level_only:
                continue
            if isinstance(node, ast.ClassDef | ast.If | ast.Try | ast.With) or (
                not top_level_only and hasattr(node, "body")
            ):
                for field in ("body", "orelse", "finalbody", "handlers"):
                    visit(getattr(node, field, []) or [], top)

    visit(tree.body, True)
    return found


def test_no_layer_imports_upward_or_what_it_must_not_use():
    known = modules()
    problems = []
    for module, path in known.items():
        own = layer(module)
        for name, line in imports(path, top_level_only=False):
            if name.startswith("desktop."):
                target = next((m for m in (name, name.rsplit(".", 1)[0]) if m in known), None)
                if target is None:
                    continue
                other = layer(target)
                if other != own and other not in ALLOWED[own]:
                    problems.append(f"{path.relative_to(ROOT)}:{line} {own} imports {target}")
            elif name.split(".")[0] in FORBIDDEN.get(own, ()):
                problems.append(f"{path.relative_to(ROOT)}:{line} {own} imports {name}")
    assert problems == []


def test_no_import_cycles():
    known = modules()
    graph = {m: set() for m in known}
    for module, path in known.items():
        for name, _line in imports(path, top_level_only=False):  # lazy imports count too
            for target in (name, name.rsplit(".", 1)[0]):
                if target in known and target != module:
                    graph[module].add(target)
                    break
    # a package importing its own modules (desktop.store → desktop.store.x) is its export list
    for module in graph:
        graph[module] = {t for t in graph[module] if not t.startswith(module + ".")}
    cycles = _strongly_connected(graph)
    assert [sorted(c) for c in cycles if len(c) > 1] == []


def _strongly_connected(graph: dict[str, set[str]]) -> list[set[str]]:
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[set[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.add(w)
                if w == v:
                    break
            out.append(component)

    for v in graph:
        if v not in index:
            visit(v)
    return out


def test_files_and_functions_are_of_a_size_to_read():
    too_long = []
    sizes = {}
    for path in modules().values():
        text = path.read_text(encoding="utf-8")
        name = path.relative_to(ROOT).as_posix()
        sizes[name] = text.count("\n")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                start = min([node.lineno] + [d.lineno for d in node.decorator_list])
                key = f"{name}:{node.name}"
                sizes[key] = max(sizes.get(key, 0), node.end_lineno - start + 1)
    for key, size in sizes.items():
        limit = MAX_FUNCTION_LINES if ":" in key else MAX_FILE_LINES
        if size > max(limit, OVERSIZE.get(key, 0)):
            too_long.append(f"{key}: {size} lines")
    for key in OVERSIZE:
        limit = MAX_FUNCTION_LINES if ":" in key else MAX_FILE_LINES
        if sizes.get(key, 0) <= limit:
            too_long.append(f"{key} is within the limit now: take it off OVERSIZE")
    assert too_long == []
