"""Command line: ``python -m desktop import|export|list … --db DB``.

Exit status (also in ``--help``):

- 0 done;
- 1 done, but something needs attention: projects that could not be imported or merged
  (listed), projects whose data need repair and were left out of the command (listed),
  审核 errors (``check``), or — for ``import`` — something imported needs review (a field
  flagged 需复核 or a needs-review indicator, all listed);
- 2 nothing was done: bad arguments, an unreadable or refused input file, a database that
  cannot be used (missing, not ours, damaged, locked, read-only), a full disk;
- 130 interrupted (Ctrl+C).

``verify`` (a printed page against the data): 0 the page is the current version, 1 an
older or changed version (the changes listed), 2 a project not in the file or a mistyped
code.

Output cut short by the reader (``… | head``) ends the program quietly.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from desktop import APP_NAME, __version__
from desktop.cli_common import EXIT_FAILED, EXIT_OK, EXIT_PARTIAL, CliError
from desktop.cli_common import get_each as _get_each
from desktop.cli_common import left_out as _left_out
from desktop.cli_common import one_line as _one_line
from desktop.cli_common import open_db as _open
from desktop.cli_export import cmd_export, cmd_summary
from desktop.cli_review import REVIEW_COMMANDS, review_parsers
from desktop.domain.model import field_label
from desktop.domain.money import format_money
from desktop.io.files import (
    IMPORT_FORMATS,
    atomic_write,
    load_file,
    store_import,
)
from desktop.io.report import ERROR, REVIEW, ImportFormatError
from desktop.store import NotFoundError, StoreError
from desktop.store.errors import BadProjectError
from desktop.store.exchange import read_untrusted
from desktop.store.merge import CHOICE_LABELS, POLICIES, STATUS_LABELS, apply_merge, plan_merge

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


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m desktop",
        description=f"{APP_NAME}：财政项目支出绩效目标申报表的填报、审核与交换。",
        epilog="退出码：0 完成；1 完成，但有项目未能导入或合并、"
        "有项目的数据有误未被处理（已列出）、导入的内容需要复核、或审核有错误；"
        "2 未做任何修改（参数错误、输入文件无法读取或被拒绝、数据文件不能使用、磁盘已满）；"
        "130 已取消。"
        "verify：0 与当前数据一致，1 较早的版本或已改动，2 项目不在本文件中或校验码有误。",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="检查这个安装能否正常工作（界面、字体、翻译、打印）",
    )
    parser.add_argument(
        "--db",
        metavar="DB",
        help="不带命令时：用图形界面打开这个数据文件（默认为用户数据文件夹中的）",
    )
    db_parent = _Parser(add_help=False)
    db_parent.add_argument(
        "--db",
        metavar="DB",
        help="数据文件（.db）；只有 import 和 merge 在它不存在时新建",
        default=argparse.SUPPRESS,
    )
    sub = parser.add_subparsers(dest="command", metavar="命令", parser_class=_Parser)

    _add_form_commands(sub, db_parent)
    _add_file_commands(sub, db_parent)
    return parser


def _add_form_commands(sub, db_parent) -> None:
    """import, export, check, summary, rollover."""
    p = sub.add_parser(
        "import",
        parents=[db_parent],
        help="导入申报表（公开的文本 .txt、Excel .xlsx、PDF 或 .json）",
        description="导入申报表：按扩展名识别格式（" + "、".join(IMPORT_FORMATS) + "）。",
    )
    p.add_argument("file", metavar="FILE", help="要导入的文件")

    p = sub.add_parser(
        "export",
        parents=[db_parent],
        help="导出为 JSON 或 .db 文件",
        description="把项目导出为 JSON 文件，或导出为可以拷到其他电脑上合并的 .db 文件。",
    )
    p.add_argument("file", metavar="FILE.json|FILE.db", help="导出到的文件")
    p.add_argument(
        "--project", action="append", metavar="ID", help="只导出这个项目（可重复）；默认全部"
    )
    p.add_argument(
        "--unit",
        metavar="单位",
        help="只导出这个单位报送的项目（审核单位把状态和意见交回各单位时用）",
    )

    p = sub.add_parser(
        "check",
        parents=[db_parent],
        help="审核申报表",
        description="逐条列出问题（级别、项目、位置、说明）；有错误时退出码为 1。",
    )
    p.add_argument("--project", action="append", metavar="ID", help="只审核这个项目（可重复）")

    p = sub.add_parser(
        "summary",
        parents=[db_parent],
        help="年度汇总（PDF 或 Excel）",
        description="一个年度全部项目的汇总表，按项目类别和实施单位小计，并有合计。",
    )
    p.add_argument("--year", type=int, required=True, help="年度")
    p.add_argument("--out", required=True, metavar="FILE.pdf|FILE.xlsx", help="输出的文件")

    p = sub.add_parser(
        "rollover",
        parents=[db_parent],
        help="复制到下一年度",
        description="把一个年度的项目复制为下一年度的新项目（日期顺延一年，经常性项目保留金额，"
        "指标标为待核对）。",
    )
    p.add_argument("--year", type=int, required=True, help="从这个年度复制")
    p.add_argument("--project", action="append", metavar="ID", help="只复制这个项目（可重复）")


def _add_file_commands(sub, db_parent) -> None:
    """merge, print, list."""
    p = sub.add_parser(
        "merge",
        parents=[db_parent],
        help="合并另一台电脑导出的 .db 文件",
        description="把另一个 .db 文件中的项目合并进来（先预览，合并前自动备份）。",
    )
    p.add_argument("file", metavar="FROM.db", help="要合并的文件（不会被修改）")
    p.add_argument(
        "--policy",
        choices=sorted(POLICIES),
        help="双方都改过的项目的处理。不写时：改的是不同的地方就合并双方的修改，"
        "同一处改得不同就两份都保留。keep-both 两份都保留、theirs 采用对方的、mine 保留我的",
    )
    p.add_argument("--dry-run", action="store_true", help="只预览，不修改数据文件")

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
    p.add_argument(
        "--no-codes",
        action="store_true",
        help="页脚不印校验码和二维码（用于不得有其他内容的表）",
    )

    p = sub.add_parser(
        "verify",
        parents=[db_parent],
        help="核对纸质件：校验码或二维码与数据是否一致",
        description="核对打印的申报表：输入页脚的校验码（如 K7RM-4XQ2-H9TW），或扫描枪读出的"
        "二维码全文（加引号）。退出码：0 与当前数据一致；1 是较早的版本或内容已改动（列出改动）；"
        "2 项目不在本文件中，或校验码有误。",
    )
    p.add_argument("code", nargs="+", metavar="CODE", help="校验码或二维码的全文（可多个）")

    p = sub.add_parser(
        "list",
        parents=[db_parent],
        help="列出项目",
        description="每行一个项目：编号、年度、名称、项目资金总额、审核状态。",
    )
    p.add_argument("--year", type=int, help="只列出这一年度")
    review_parsers(sub, db_parent)


class _ClosedPipeAware:
    """stdout whose reader went away raises BrokenPipeError on Windows too, where writing to
    a closed pipe fails with EINVAL ("Invalid argument") instead of EPIPE."""

    def __init__(self, stream) -> None:
        self._stream = stream

    def _guarded(self, call, *args):
        try:
            return call(*args)
        except OSError as exc:
            if exc.errno == errno.EINVAL and not isinstance(exc, BrokenPipeError):
                raise BrokenPipeError(errno.EPIPE, "Broken pipe") from exc
            raise

    def write(self, text: str) -> int:
        return self._guarded(self._stream.write, text)

    def flush(self) -> None:
        self._guarded(self._stream.flush)

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    if sys.stdout is not None and not isinstance(sys.stdout, _ClosedPipeAware):
        sys.stdout = _ClosedPipeAware(sys.stdout)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.self_test:
        from desktop.selftest import run

        return run()
    if args.command is None:
        from desktop.ui.app import start

        return start(args.db)
    if not args.db:
        parser.error("the following arguments are required: --db")
    try:
        return _run(args)
    except BrokenPipeError:
        # The reader stopped reading (``… | head``): end quietly, without Python's own
        # complaint when the closed stdout is flushed at exit.
        with contextlib.suppress(OSError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK


def _run(args: argparse.Namespace) -> int:
    from desktop.store.exchange import sweep_stale_files

    sweep_stale_files([Path(args.db).parent])  # what killed runs left, older than a day
    try:
        return COMMANDS[args.command](args)
    except BrokenPipeError:
        raise
    except (CliError, StoreError, ImportFormatError) as exc:
        print(f"错误：{_one_line(str(exc))}", file=sys.stderr)
    except OSError as exc:
        print(f"错误：{_os_error(exc)}", file=sys.stderr)
    except MemoryError:
        print("错误：内存不足，未做任何修改。", file=sys.stderr)
    except KeyboardInterrupt:
        print("已取消。", file=sys.stderr)
        return 130
    return EXIT_FAILED


def _os_error(exc: OSError) -> str:
    """One line for a failed file operation."""
    from desktop.store.safefile import describe_os_error

    return describe_os_error(exc)


def _cmd_import(args: argparse.Namespace) -> int:
    from desktop.store.merge import split_reimport

    result = load_file(args.file)  # parse fully before the database is touched
    name = Path(args.file).name
    read = list(result.projects)
    with _open(args.db, create=True) as repo:
        if repo.read_only:
            raise CliError(f"数据文件“{args.db}”是只读的，无法导入。")
        # Projects this file already knows (our own export, edited and brought back) go
        # through the merge by project id, like a .db from another machine.
        incoming, fresh = split_reimport(repo, result.projects, name)
        merged = plan = None
        if incoming is not None:
            plan = plan_merge(repo, incoming, edited_outside=True)
            _print_plan(plan)
            merged = apply_merge(repo, plan, replan=True)
        result.projects = fresh
        summary = store_import(repo, result)
    indicators = sum(len(p.indicators) for p in read)
    print(
        f"已从“{name}”读取 {len(read)} 个项目（{indicators} 条指标），"
        f"新增 {summary.added} 个到“{args.db}”。"
    )
    if merged is not None:
        print(
            f"已有的项目按编号合并：替换 {merged.replaced} 个，"
            f"合并双方的修改 {merged.combined} 个，另存副本 {merged.copies + merged.forged} 个，"
            f"未变 {merged.unchanged} 个；被替换的版本已保存在历史版本中。"
        )
    if summary.skipped_identical:
        print(f"其中 {summary.skipped_identical} 个项目数据库中已有相同内容，未重复导入。")
    if no_funds := result.projects_without_funds:
        names = "、".join(f"“{p.name or '（无名称）'}”" for p in no_funds)
        print(f"注意：{len(no_funds)} 个项目的资金全部为 0 或没有找到：{names}。")
    reviews = result.of(REVIEW)
    if reviews:
        # the lines are the marks of every project read (also those the merge took)
        flagged = sum(len(p.field_flags) for p in read)
        counts = f"字段 {flagged} 个、指标 {sum(p.review_count for p in read)} 条"
        print(f"需要人工复核 {len(reviews)} 处（{counts}，已标记，可在程序中逐条修改）：")
        for item in reviews:
            print("  " + item.describe())
    others = [i for i in result.items if i.severity != REVIEW]
    if others:
        print("导入报告：")
        for item in others:
            print("  " + item.describe())
    attention = result.of(ERROR) or summary.needing_review or (plan is not None and plan.problems)
    return EXIT_PARTIAL if attention else EXIT_OK


def _cmd_merge(args: argparse.Namespace) -> int:
    source = Path(args.file)
    if source.exists() and source.resolve() == Path(args.db).resolve():
        raise CliError("不能把数据文件合并到它自己")
    incoming = read_untrusted(source)  # refuses the file as a whole, or returns checked rows
    with _open(args.db, create=True) as repo:
        if repo.read_only and not args.dry_run:
            raise CliError(f"数据文件“{args.db}”是只读的，无法合并。")
        plan = plan_merge(repo, incoming)
        plan.choose(args.policy)
        counts = _print_plan(plan)
        if args.dry_run:
            print(f"预览（未做任何修改）：{counts}。")
            return EXIT_OK
        # Under the write lock the plan is checked against the file again; if another
        # program changed one of its projects meanwhile, it is planned again (same policy).
        result = apply_merge(repo, plan, replan=True)
    print(
        f"已合并“{source.name}”：{counts}。新增 {result.added} 个，替换 {result.replaced} 个，"
        f"合并双方的修改 {result.combined} 个，另存副本 {result.copies + result.forged} 个，"
        f"移入回收站 {result.deleted} 个。"
        "被替换的版本已保存在历史版本中。"
    )
    if result.reviews:
        print(f"新的审核记录（状态、意见、答复）{result.reviews} 条。")
    return EXIT_PARTIAL if plan.problems else EXIT_OK


def _print_plan(plan) -> str:
    """The merge preview, one line per project (with its differences); returns the counts."""
    for item in plan.items:
        print(
            f"{STATUS_LABELS[item.status]}\t{CHOICE_LABELS[item.choice]}\t"
            f"{item.project_id}\t{item.name}"
        )
        changes = item.changes
        for change in changes[:40]:
            print(f"    {change}")
        if len(changes) > 40:
            print(f"    ……另有 {len(changes) - 40} 处不同")
    for problem in plan.problems:
        print(f"[未导入] {problem}")
    return (
        "，".join(
            f"{label} {plan.count(status)}"
            for status, label in STATUS_LABELS.items()
            if plan.count(status)
        )
        or "没有项目"
    )


def _cmd_list(args: argparse.Namespace) -> int:
    from desktop.domain.review import DRAFT, STATUS_LABELS
    from desktop.store.review import statuses

    with _open(args.db) as repo:
        status = statuses(repo)
        problems = repo.problems()
        for s in repo.summaries(year=args.year):
            label = STATUS_LABELS[status.get(s.id, DRAFT)]
            mark = "\t需要修复" if s.id in problems else ""
            print(f"{s.id}\t{s.year}\t{s.name}\t{format_money(s.total)}\t{label}{mark}")
        for pid, problem in problems.items():
            print(f"项目 {pid} 的数据有误（{_one_line(problem)}），需要修复。", file=sys.stderr)
    return EXIT_PARTIAL if problems else EXIT_OK


def _cmd_print(args: argparse.Namespace) -> int:
    from desktop.printing import SignOff, render  # reportlab only when printing

    target = Path(args.out)
    if target.suffix.lower() != ".pdf":
        raise CliError(f"输出文件应以 .pdf 结尾：“{target.name}”")
    from desktop.domain import audit

    def is_draft(p) -> bool:
        return audit.status(audit.check(p)) == audit.STATUS_ERROR

    signoff = SignOff(enabled=not args.no_signoff, filled_by=args.filled_by, phone=args.phone)
    bad: list[BadProjectError] = []
    with _open(args.db) as repo:
        if args.all:
            problems = repo.problems()
            if not [s for s in repo.summaries() if s.id not in problems]:
                _left_out([StoreError(p) for p in problems.values()], "")
                raise CliError("没有可打印的项目")
            # one at a time: memory does not grow with the count
            projects = repo.all_projects(skip_bad=bad)
        else:
            projects = _get_each(
                repo, args.project, bad, "数据库中没有编号为“{}”的项目，未打印任何内容"
            )
            if not projects:
                _left_out(bad, "")
                raise CliError("没有可打印的项目")
        from desktop.store.paper import record_print, stored_hashes

        record = None
        if not args.no_codes and not repo.read_only:

            def record(project, form) -> None:
                record_print(repo, project, form.pages, form.printed_at, form.content_hash)

        with repo.atomic():  # the record of prints is kept only if the PDF was written
            result = atomic_write(
                target,
                lambda fh: render(
                    projects,
                    fh,
                    signoff=signoff,
                    drafts=is_draft,
                    codes=not args.no_codes,
                    on_form=record,
                    content_hash=stored_hashes(repo),
                ),
            )
    count = len(result.pages_per_project)
    print(f"已打印 {count} 个项目，共 {result.pages} 页，保存到“{target}”。")
    if result.drafts:
        print(
            f"注意：{result.drafts} 个项目有审核错误，已带“草稿”水印（运行 check 查看）。",
            file=sys.stderr,
        )
    if result.missing:
        chars = "".join(sorted(result.missing))
        print(f"注意：字体中没有这些字符，已印为 □：{chars}", file=sys.stderr)
    return _left_out(bad, "，未打印。")


def _cmd_verify(args: argparse.Namespace) -> int:
    from desktop.store.paper import verify

    codes = args.code
    if codes[0].strip().upper() == "JX1":  # a QR text given without quotes: one text
        codes = [" ".join(codes)]
    worst = EXIT_OK
    with _open(args.db) as repo:
        for code in codes:
            verdict = verify(repo, code)
            for line in verdict.lines():
                print(line)
            worst = max(worst, verdict.exit_status)
    return worst


_TABS = {"basic": "基本信息", "funds": "项目资金", "goals": "绩效目标", "indicators": "绩效指标"}


def describe_location(location, rows) -> str:
    """Where a finding is (``rows``: the project's ``IndicatorColumns``)."""
    where = _TABS[location.tab]
    if (n := location.indicator) is not None:
        return f"{where}/第{n + 1}条（{rows.level1[n]}/{rows.level2[n]}/{rows.name[n]}）"
    field = field_label(location.field) if location.field else location.field
    return f"{where}/{field}" if field else where


def _cmd_check(args: argparse.Namespace) -> int:
    from desktop.domain import audit
    from desktop.domain.audit_columns import IndicatorColumns

    bad: list[BadProjectError] = []
    with _open(args.db) as repo:
        if args.project:
            found = _get_each(repo, args.project, bad, "数据库中没有编号为“{}”的项目")
            projects = ((p, IndicatorColumns.of(p)) for p in found)
        else:  # streamed, not all held at once; the indicators as columns (no object a row)
            projects = repo.projects_to_audit(skip_bad=bad)
        duplicates = repo.duplicate_keys()
        # The findings are printed once every project is read, so that a file that
        # cannot be read prints nothing but its error.
        lines, errors, warnings, count = [], 0, 0, 0
        for project, rows in projects:
            count += 1
            for f in audit.check(project, duplicates=duplicates, rows=rows):
                where = describe_location(f.location, rows)
                lines.append(f"{f.severity_label}\t{project.name}\t{where}\t{f.message}\n")
                errors += f.severity == audit.ERROR
                warnings += f.severity == audit.WARNING
    sys.stdout.write("".join(lines))
    print(f"审核了 {count} 个项目：错误 {errors} 条，警告 {warnings} 条。", file=sys.stderr)
    left_out = _left_out(bad, "，未审核。")
    return EXIT_PARTIAL if errors else left_out


def _cmd_rollover(args: argparse.Namespace) -> int:
    from desktop.domain.model import next_year_copy

    with _open(args.db) as repo:
        if repo.read_only:
            raise CliError(f"数据文件“{args.db}”是只读的。")
        if args.project:
            sources = []
            for pid in args.project:
                try:
                    sources.append(repo.get(pid))
                except NotFoundError as exc:
                    raise CliError(f"数据库中没有编号为“{pid}”的项目") from exc
            wrong = [p.name for p in sources if p.year != args.year]
            if wrong:
                raise CliError(f"这些项目不是 {args.year} 年度的：{'、'.join(wrong)}")
        else:
            skipped: list[BadProjectError] = []
            sources = list(
                repo.all_projects([s.id for s in repo.summaries(year=args.year)], skip_bad=skipped)
            )
            _left_out(skipped, "，未复制。")
        copies = [next_year_copy(p) for p in sources]
        repo.add(copies)
    print(f"已把 {len(copies)} 个项目复制到 {args.year + 1} 年度（指标已标为待核对）。")
    for p in copies:
        print(f"{p.id}\t{p.year}\t{p.name}")
    return EXIT_OK


def _review_command(name: str):
    """A command of the review loop (``cli_review``)."""

    def run(args: argparse.Namespace) -> int:
        return REVIEW_COMMANDS[name](args)

    return run


COMMANDS = {
    **{
        name: _review_command(name)
        for name in ("role", "submit", "review", "answer", "adjust", "opinions")
    },
    "summary": cmd_summary,
    "rollover": _cmd_rollover,
    "check": _cmd_check,
    "import": _cmd_import,
    "export": cmd_export,
    "merge": _cmd_merge,
    "list": _cmd_list,
    "print": _cmd_print,
    "verify": _cmd_verify,
}
