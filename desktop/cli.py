"""Command line: ``python -m desktop import|export|list … --db DB``.

Exit status: 0 done; 1 done, but some projects could not be imported (listed); 2 nothing
was done (bad arguments, unreadable input, a database that cannot be used).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from desktop import APP_NAME, __version__
from desktop.domain.money import format_money
from desktop.io import json_format
from desktop.io.files import (
    IMPORT_FORMATS,
    atomic_write,
    atomic_write_text,
    load_file,
    store_import,
)
from desktop.io.report import ERROR, REVIEW, ImportFormatError
from desktop.store import NotFoundError, Repository, StoreError, open_repository

EXIT_OK, EXIT_PARTIAL, EXIT_FAILED = 0, 1, 2

_ARGPARSE_MESSAGES = [
    (r"the following arguments are required: (.*)", r"缺少参数：\1"),
    (r"unrecognized arguments: (.*)", r"无法识别的参数：\1"),
    (
        r"argument (\S+): invalid choice: (.*?) \(choose from (.*)\)",
        r"参数 \1 的值 \2 无效（可选：\3）",
    ),
    (r"argument (\S+): invalid int value: (.*)", r"参数 \1 应为整数，而不是 \2"),
    (r"argument (\S+): expected one argument", r"参数 \1 后面缺少值"),
    (r"argument (\S+): expected at least one argument", r"参数 \1 后面至少需要一个值"),
]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        for pattern, replacement in _ARGPARSE_MESSAGES:
            if re.fullmatch(pattern, message):
                message = re.sub(pattern, replacement, message)
                break
        self.print_usage(sys.stderr)
        self.exit(EXIT_FAILED, f"{self.prog}：参数错误：{message}\n")


class CliError(Exception):
    """Stops a command with a one-line message and exit status 2."""


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m desktop",
        description=f"{APP_NAME}：财政项目支出绩效目标申报表的填报、审核与交换。",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--db",
        metavar="DB",
        help="不带命令时：用图形界面打开这个数据文件（默认为用户数据文件夹中的）",
    )
    db_parent = _Parser(add_help=False)
    db_parent.add_argument(
        "--db", metavar="DB", help="数据文件（.db）；不存在时新建", default=argparse.SUPPRESS
    )
    sub = parser.add_subparsers(dest="command", metavar="命令", parser_class=_Parser)

    p = sub.add_parser(
        "import",
        parents=[db_parent],
        help="导入申报表（公开的文本格式 .txt，或 .json）",
        description="导入申报表：按扩展名识别格式（" + "、".join(IMPORT_FORMATS) + "）。",
    )
    p.add_argument("file", metavar="FILE", help="要导入的文件")

    p = sub.add_parser(
        "export", parents=[db_parent], help="导出为 JSON", description="把项目导出为 JSON 文件。"
    )
    p.add_argument("file", metavar="FILE.json", help="导出到的文件")
    p.add_argument(
        "--project", action="append", metavar="ID", help="只导出这个项目（可重复）；默认全部"
    )

    p = sub.add_parser(
        "print",
        parents=[db_parent],
        help="打印为 PDF（正式表样）",
        description="把申报表按正式表样输出为一个 PDF 文件，每个项目从新的一页开始。",
    )
    p.add_argument("--out", required=True, metavar="FILE.pdf", help="输出的 PDF 文件")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--project", action="append", metavar="ID", help="打印这个项目（可重复）")
    which.add_argument("--all", action="store_true", help="打印全部项目")
    p.add_argument("--no-signoff", action="store_true", help="不打印签字栏（用于公开的版本）")
    p.add_argument("--filled-by", default="", metavar="姓名", help="签字栏中的填报人")
    p.add_argument("--phone", default="", metavar="电话", help="签字栏中的联系电话")

    p = sub.add_parser(
        "list",
        parents=[db_parent],
        help="列出项目",
        description="每行一个项目：编号、年度、名称、项目资金总额。",
    )
    p.add_argument("--year", type=int, help="只列出这一年度")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from desktop.ui.app import run_gui  # Qt is loaded only for the window

        return run_gui(args.db)
    if not args.db:
        parser.error("the following arguments are required: --db")
    try:
        return COMMANDS[args.command](args)
    except CliError as exc:
        print(f"错误：{exc}", file=sys.stderr)
    except (StoreError, ImportFormatError) as exc:
        print(f"错误：{exc}", file=sys.stderr)
    except OSError as exc:
        print(f"错误：{exc.strerror or exc}（{exc.filename or ''}）", file=sys.stderr)
    except KeyboardInterrupt:
        print("已取消。", file=sys.stderr)
        return 130
    return EXIT_FAILED


def _open(db: str) -> Repository:
    """Open the database, creating it (and saying so) when it does not exist yet."""
    existed = Path(db).exists()
    repo = open_repository(db)
    if not existed:
        print(f"已新建数据文件“{db}”。", file=sys.stderr)
    return repo


def _cmd_import(args: argparse.Namespace) -> int:
    result = load_file(args.file)  # parse fully before the database is touched
    with _open(args.db) as repo:
        if repo.read_only:
            raise CliError(f"数据文件“{args.db}”是只读的，无法导入。")
        summary = store_import(repo, result)
    indicators = sum(len(p.indicators) for p in result.projects)
    print(
        f"已从“{Path(args.file).name}”读取 {len(result.projects)} 个项目（{indicators} 条指标），"
        f"新增 {summary.added} 个到“{args.db}”。"
    )
    if summary.skipped_identical:
        print(f"其中 {summary.skipped_identical} 个项目数据库中已有相同内容，未重复导入。")
    reviews = result.of(REVIEW)
    if reviews:
        print(f"需要人工复核的指标 {len(reviews)} 条（已标记，可在程序中逐条修改）：")
        for item in reviews:
            print("  " + item.describe())
    others = [i for i in result.items if i.severity != REVIEW]
    if others:
        print("导入报告：")
        for item in others:
            print("  " + item.describe())
    return EXIT_PARTIAL if result.of(ERROR) else EXIT_OK


def _cmd_export(args: argparse.Namespace) -> int:
    target = Path(args.file)
    if target.suffix.lower() != ".json":
        raise CliError(f"不支持导出为“{target.suffix or target.name}”，请使用 .json 文件名")
    with _open(args.db) as repo:
        if args.project:
            projects = []
            for pid in args.project:
                try:
                    projects.append(repo.get(pid))
                except NotFoundError as exc:
                    raise CliError(f"数据库中没有编号为“{pid}”的项目，未导出任何内容") from exc
        else:
            projects = list(repo.all_projects())
    atomic_write_text(target, json_format.dumps(projects))
    print(f"已导出 {len(projects)} 个项目到“{target}”。")
    return EXIT_OK


def _cmd_list(args: argparse.Namespace) -> int:
    with _open(args.db) as repo:
        for s in repo.summaries(year=args.year):
            print(f"{s.id}\t{s.year}\t{s.name}\t{format_money(s.total)}")
    return EXIT_OK


def _cmd_print(args: argparse.Namespace) -> int:
    from desktop.printing import SignOff, render  # reportlab only when printing

    target = Path(args.out)
    if target.suffix.lower() != ".pdf":
        raise CliError(f"输出文件应以 .pdf 结尾：“{target.name}”")
    with _open(args.db) as repo:
        if args.all:
            projects = list(repo.all_projects())
        else:
            projects = []
            for pid in args.project:
                try:
                    projects.append(repo.get(pid))
                except NotFoundError as exc:
                    raise CliError(f"数据库中没有编号为“{pid}”的项目，未打印任何内容") from exc
    if not projects:
        raise CliError("没有可打印的项目")
    signoff = SignOff(enabled=not args.no_signoff, filled_by=args.filled_by, phone=args.phone)
    result = atomic_write(target, lambda fh: render(projects, fh, signoff=signoff))
    print(f"已打印 {len(projects)} 个项目，共 {result.pages} 页，保存到“{target}”。")
    if result.missing:
        chars = "".join(sorted(result.missing))
        print(f"注意：字体中没有这些字符，已印为 □：{chars}", file=sys.stderr)
    return EXIT_OK


COMMANDS = {
    "import": _cmd_import,
    "export": _cmd_export,
    "list": _cmd_list,
    "print": _cmd_print,
}
