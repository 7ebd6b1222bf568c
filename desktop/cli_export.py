"""Command line: ``export`` (a .json, .xlsx or .db file of projects) and ``summary`` (a
year's 汇总 as .pdf or .xlsx)."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli_common import EXIT_OK, CliError
from desktop.cli_common import get_each as _get_each
from desktop.cli_common import left_out as _left_out
from desktop.cli_common import open_db as _open
from desktop.domain.money import format_money
from desktop.io import json_format
from desktop.io.files import atomic_write, atomic_write_text
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
        if kind == ".xlsx" and not args.project:
            # Streamed: one project read and written at a time (memory stays flat).
            from desktop.io.xlsx_format import export_xlsx

            summaries = repo.summaries()
            export_xlsx(repo.all_projects([s.id for s in summaries]), target, summaries)
            print(f"已导出 {len(summaries)} 个项目到“{target}”。")
            return EXIT_OK
        if args.project:
            projects = _get_each(
                repo, args.project, bad, "数据库中没有编号为“{}”的项目，未导出任何内容"
            )
            tombstones = []
        elif args.unit:
            ids = review.submitted_by(repo, args.unit)
            if not ids:
                raise CliError(f"没有“{args.unit}”报送的项目，未导出任何内容")
            projects = list(repo.all_projects(ids))
            tombstones = []
        else:  # everything: for a .db also the trash and the deletions, so they travel
            projects = list(repo.all_projects(trash=kind == ".db", skip_bad=bad))
            tombstones = repo.tombstones()
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


def cmd_summary(args: argparse.Namespace) -> int:
    from desktop.domain.summary import summarize

    target = Path(args.out)
    kind = target.suffix.lower()
    if kind not in (".pdf", ".xlsx"):
        raise CliError("输出文件应以 .pdf 或 .xlsx 结尾")
    with _open(args.db) as repo:
        summaries = repo.summaries(year=args.year)
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
    return EXIT_OK
