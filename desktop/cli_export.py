"""Command line: ``export`` (a .json, .xlsx or .db file of projects) and ``summary`` (a
year's 汇总 as .pdf or .xlsx)."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli_common import CliError
from desktop.cli_common import get_each as _get_each
from desktop.cli_common import left_out as _left_out
from desktop.cli_common import open_db as _open
from desktop.domain.money import format_money
from desktop.io import json_format
from desktop.io.files import atomic_write, atomic_write_text
from desktop.store import StoreError
from desktop.store.errors import BadProjectError
from desktop.store.exchange import export_db, shared_bases


def cmd_export(args: argparse.Namespace) -> int:
    target = Path(args.file)
    kind = target.suffix.lower()
    if kind not in (".json", ".db", ".xlsx"):
        suffix = target.suffix or target.name
        raise CliError(f"不支持导出为“{suffix}”，请使用 .json、.xlsx 或 .db 文件名")
    if kind == ".db" and target.exists() and target.resolve() == Path(args.db).resolve():
        raise CliError("不能导出到正在使用的数据文件本身")
    from desktop.store import review

    bad: list[BadProjectError] = []
    with _open(args.db) as repo:
        if args.project:
            projects = _get_each(
                repo, args.project, bad, "数据库中没有编号为“{}”的项目，未导出任何内容"
            )
        else:
            ids = None
            if args.unit:
                ids = review.submitted_by(repo, args.unit)
                if not ids:
                    raise CliError(f"没有“{args.unit}”报送的项目，未导出任何内容")
            if kind == ".xlsx":
                return _export_xlsx_streamed(repo, target, ids, bad)
            # everything: for a .db also the trash, so that it travels
            trash = kind == ".db" and ids is None
            projects = list(repo.all_projects(ids, trash=trash, skip_bad=bad))
        everything = not (args.project or args.unit)
        tombstones = repo.tombstones() if everything else []  # the deletions travel too
        bases = shared_bases(repo, projects) if kind == ".db" else []
        reviews = review.records(repo, [p.id for p in projects]) if kind == ".db" else None
        approved = review.approved_versions(repo, projects) if kind == ".db" else []
    if bad and not projects:
        _left_out(bad, "")
        raise CliError("没有可以导出的项目（都需要修复），未导出任何内容")
    if kind == ".json":
        atomic_write_text(target, json_format.dumps(projects))
    elif kind == ".xlsx":
        from desktop.io.xlsx_format import export_xlsx

        export_xlsx(projects, target)
    else:
        export_db(projects, target, tombstones, bases, reviews=reviews, approved=approved)
    print(f"已导出 {len(projects)} 个项目到“{target}”。")
    return _left_out(bad, "，未导出。")


def _export_xlsx_streamed(repo, target: Path, ids: list[str] | None, bad: list) -> int:
    """The workbook streamed: one project read and written at a time (memory stays flat).
    Projects that cannot be read are left out of the forms and of the 汇总 alike, and named."""
    from desktop.io.xlsx_format import export_xlsx

    if ids is None:
        rows = repo.summaries()
        ids = [s.id for s in rows]
    else:
        rows = [repo.summary(pid) for pid in ids]
    problems = repo.problems()
    if rows and all(s.id in problems for s in rows):
        list(repo.all_projects(ids, skip_bad=bad))  # reads none: names each in ``bad``
        _left_out(bad, "")
        raise CliError("没有可以导出的项目（都需要修复），未导出任何内容")
    written: set[str] = set()

    def readable():
        for project in repo.all_projects(ids, skip_bad=bad):
            written.add(project.id)
            yield project

    # export_xlsx reads the 汇总's rows after the forms: it covers the projects written
    export_xlsx(readable(), target, (s for s in rows if s.id in written))
    print(f"已导出 {len(written)} 个项目到“{target}”。")
    return _left_out(bad, "，未导出。")


def cmd_summary(args: argparse.Namespace) -> int:
    from desktop.domain.summary import summarize

    target = Path(args.out)
    kind = target.suffix.lower()
    if kind not in (".pdf", ".xlsx"):
        raise CliError("输出文件应以 .pdf 或 .xlsx 结尾")
    bad: list[StoreError] = []
    with _open(args.db) as repo:
        summaries = _year_rows(repo, args.year, bad)
        if bad and not summaries:
            _left_out(bad, "")
            raise CliError(f"{args.year} 年度没有可以汇总的项目（都需要修复），未生成汇总表")
        if kind == ".xlsx":
            from desktop.io.xlsx_format import export_xlsx

            export_xlsx([], target, summaries=summaries)
        else:
            from desktop.printing.summary_pdf import render_summary

            summary = summarize(args.year, summaries)
            atomic_write(target, lambda fh: render_summary(summary, fh))
    s = summarize(args.year, summaries)
    print(
        f"{args.year} 年度 {len(s.lines)} 个项目，项目资金合计 {format_money(s.total)} 元，"
        f"已保存到“{target}”。"
    )
    return _left_out(bad, "，未计入汇总。")


def _year_rows(repo, year: int, bad: list[StoreError]) -> list:
    """The year's list rows of the projects that can be read. Those that cannot, of that
    year or of a year that cannot be read (listed as year 0), go to ``bad``: their amounts
    and names are not to be trusted in a total."""
    problems = repo.problems()
    rows = []
    for s in repo.summaries():
        if s.year not in (year, 0):
            continue
        if not s.id.isascii():  # an id that cannot be read (shown as text of its own)
            bad.append(StoreError(f"项目 {s.id} 的数据有误（编号无效），需要修复。"))
        elif s.id in problems:
            _get_each(repo, [s.id], bad, "找不到项目“{}”")  # named as every command does
        elif s.year == year:
            rows.append(s)
    return rows
