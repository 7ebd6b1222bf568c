"""Command line of the review loop: ``role``, ``submit``, ``review``, ``answer``, ``adjust``,
``opinions`` (see ``domain/review.py`` and ``store/review.py``)."""

from __future__ import annotations

import argparse

from desktop import cli_common as cli
from desktop.domain import review as rv
from desktop.store import NotFoundError
from desktop.store import review as store


def review_parsers(sub, db_parent) -> None:
    """The review loop: role, submit, review, answer, opinions."""
    who = argparse.ArgumentParser(add_help=False)
    who.add_argument("--unit", metavar="单位", help="以这个单位的名义（默认为本机单位）")
    who.add_argument("--person", metavar="姓名", help="经办人（默认为本机设置的）")

    p = sub.add_parser(
        "role",
        parents=[db_parent],
        help="本机单位与角色（填报单位 / 审核单位）",
        description="显示或设置这个数据文件的本机单位、角色和经办人。",
    )
    p.add_argument("--unit", metavar="单位", help="本机单位")
    p.add_argument("--role", choices=["unit", "reviewer"], help="unit 填报单位，reviewer 审核单位")
    p.add_argument("--person", metavar="姓名", help="经办人")

    p = sub.add_parser(
        "submit",
        parents=[db_parent, who],
        help="报送项目（编制中、退回修改或调整中 → 已报送）",
        description="把项目标为已报送，然后用 export 导出 .db 文件交给审核单位。",
    )
    p.add_argument("--project", action="append", required=True, metavar="ID", help="项目（可重复）")

    p = sub.add_parser(
        "review",
        parents=[db_parent, who],
        help="审核：提出意见、退回修改、审核通过、确认意见",
        description="审核单位提出审核意见（代码见 opinions --codes），或退回修改、审核通过。",
    )
    p.add_argument("--project", action="append", metavar="ID", help="项目（可重复）")
    act = p.add_mutually_exclusive_group(required=True)
    act.add_argument("--opinion", type=int, metavar="CODE", help="提出一条意见，CODE 为原因代码")
    act.add_argument("--return", dest="ret", action="store_true", help="退回修改")
    act.add_argument("--approve", action="store_true", help="审核通过")
    act.add_argument("--confirm", metavar="OPINION", help="确认这条意见已处理好")
    p.add_argument("--text", default="", metavar="T", help="意见的内容（或退回的原因）")
    place = p.add_mutually_exclusive_group()
    place.add_argument("--field", metavar="KEY", help="针对的字段（name、funds.fiscal 等）")
    place.add_argument("--indicator", metavar="NAME", help="针对的指标（三级指标名称或第几条）")

    p = sub.add_parser(
        "answer",
        parents=[db_parent, who],
        help="答复审核意见（已修改 / 已说明）",
        description="填报单位答复一条审核意见：--fixed 已按意见修改，--explain 说明理由。",
    )
    p.add_argument("--opinion", required=True, metavar="ID", help="意见编号（opinions 的最后一列）")
    how = p.add_mutually_exclusive_group(required=True)
    how.add_argument("--fixed", action="store_true", help="已修改")
    how.add_argument("--explain", metavar="说明", help="已说明：说明的内容")
    p.add_argument("--text", default="", help="修改的说明（可选）")

    p = sub.add_parser(
        "adjust",
        parents=[db_parent, who],
        help="申请调整已审核通过的项目",
        description="已审核通过的项目在修改前申请调整，需要说明原因；审核通过的版本保留在历史版本中。",
    )
    p.add_argument("--project", action="append", required=True, metavar="ID", help="项目（可重复）")
    p.add_argument("--reason", required=True, metavar="原因", help="调整的原因")

    p = sub.add_parser(
        "opinions",
        parents=[db_parent],
        help="列出审核意见",
        description="每行一条意见：项目、位置、代码及原因、内容、状态（答复）、意见编号。",
    )
    p.add_argument("--project", action="append", metavar="ID", help="只列出这个项目的（可重复）")
    p.add_argument("--codes", action="store_true", help="列出意见原因的代码")
    p.add_argument(
        "--pdf", metavar="FILE.pdf", help="打印审核意见：把一个项目的意见和答复输出为 A4 表格"
    )


def _project(repo, pid: str):
    try:
        return repo.get(pid)
    except NotFoundError as exc:
        raise cli.CliError(f"数据库中没有编号为“{pid}”的项目，未做任何修改") from exc


def _writable(repo, db: str) -> None:
    if repo.read_only:
        raise cli.CliError(f"数据文件“{db}”是只读的。")


def _cmd_role(args: argparse.Namespace) -> int:
    with cli.open_db(args.db) as repo:
        me = store.identity(repo)
        if args.unit is not None or args.role is not None or args.person is not None:
            _writable(repo, args.db)
            me = store.Identity(
                me.unit if args.unit is None else args.unit,
                me.role if args.role is None else args.role,
                me.person if args.person is None else args.person,
            )
            store.set_identity(repo, me)
            me = store.identity(repo)
    unit = me.unit or "（未设置）"
    print(f"本机单位：{unit}\t角色：{rv.ROLE_LABELS[me.role]}\t经办人：{me.person}")
    return cli.EXIT_OK


def _cmd_submit(args: argparse.Namespace) -> int:
    with cli.open_db(args.db) as repo:
        _writable(repo, args.db)
        for pid in args.project:
            _project(repo, pid)
        events = store.move(repo, args.project, rv.SUBMITTED, unit=args.unit, person=args.person)
        for e in events:
            print(f"{e.project_id}\t{rv.STATUS_LABELS[e.from_status]} → 已报送\t{e.unit}")
    print(f"已报送 {len(events)} 个项目；请用 export 导出 .db 文件交给审核单位。")
    return cli.EXIT_OK


def _indicator(project, name: str) -> int:
    if name.isdigit():
        n = int(name) - 1
        if not 0 <= n < len(project.indicators):
            raise cli.CliError(f"“{project.name}”没有第 {name} 条指标")
        return n
    found = [n for n, i in enumerate(project.indicators) if i.name == name.strip()]
    if not found:
        raise cli.CliError(f"“{project.name}”没有名为“{name}”的三级指标")
    if len(found) > 1:
        numbers = "、".join(str(n + 1) for n in found)
        raise cli.CliError(
            f"“{name}”出现了 {len(found)} 次（第 {numbers} 条），请用 --indicator 第几条"
        )
    return found[0]


def _cmd_review(args: argparse.Namespace) -> int:
    with cli.open_db(args.db) as repo:
        _writable(repo, args.db)
        if args.confirm:
            change = store.set_state(
                repo, args.confirm, rv.CONFIRMED, unit=args.unit, person=args.person
            )
            print(f"意见 {change.opinion_id} 已确认。")
            return cli.EXIT_OK
        if not args.project:
            raise cli.CliError("缺少参数：--project")
        projects = [_project(repo, pid) for pid in args.project]
        if args.opinion is not None:
            if len(projects) != 1:
                raise cli.CliError("一条意见只针对一个项目")
            project = projects[0]
            indicator = None if args.indicator is None else _indicator(project, args.indicator)
            opinion = store.add_opinion(
                repo,
                project.id,
                args.opinion,
                args.text,
                field=args.field,
                indicator=indicator,
                unit=args.unit,
                person=args.person,
            )
            print(
                f"已提出意见 {opinion.id}：{rv.opinion_place(opinion, project)}\t"
                f"{opinion.code} {opinion.reason}\t{opinion.text}"
            )
            return cli.EXIT_OK
        if args.field or args.indicator:
            raise cli.CliError("--field 和 --indicator 只能与 --opinion 一起使用")
        to = rv.RETURNED if args.ret else rv.APPROVED
        events = store.move(
            repo, [p.id for p in projects], to, unit=args.unit, person=args.person, note=args.text
        )
    for e in events:
        print(f"{e.project_id}\t{rv.STATUS_LABELS[e.from_status]} → {rv.STATUS_LABELS[to]}")
    print(
        f"已{rv.STATUS_LABELS[to]} {len(events)} 个项目；"
        "请用 export --unit 导出交回各单位的 .db 文件。"
    )
    return cli.EXIT_OK


def _cmd_answer(args: argparse.Namespace) -> int:
    with cli.open_db(args.db) as repo:
        _writable(repo, args.db)
        if args.fixed:
            state, text = rv.FIXED, args.text
        else:
            state, text = rv.EXPLAINED, args.explain
        store.set_state(repo, args.opinion, state, text, unit=args.unit, person=args.person)
    print(f"意见 {args.opinion}：{rv.STATE_LABELS[state]}。")
    return cli.EXIT_OK


def _cmd_adjust(args: argparse.Namespace) -> int:
    with cli.open_db(args.db) as repo:
        _writable(repo, args.db)
        for pid in args.project:
            _project(repo, pid)
        events = store.move(
            repo, args.project, rv.ADJUSTING, unit=args.unit, person=args.person, note=args.reason
        )
    print(f"已申请调整 {len(events)} 个项目；审核通过的版本保留在历史版本中。")
    return cli.EXIT_OK


def _cmd_opinions(args: argparse.Namespace) -> int:
    if args.codes:
        for r in rv.reasons():
            print(f"{r.code}\t{r.text}")
        return cli.EXIT_OK
    if args.pdf:
        return _print_opinions(args)
    with cli.open_db(args.db) as repo:
        if args.project:
            for pid in args.project:
                _project(repo, pid)
            states = [s for pid in args.project for s in store.opinions(repo, pid)]
        else:
            states = store.opinions(repo)
        projects = {}
        for s in states:
            pid = s.opinion.project_id
            if pid not in projects:
                projects[pid] = repo.get(pid) if repo.exists(pid) else None
        for s in states:
            o = s.opinion
            project = projects[o.project_id]
            name = project.name if project is not None else o.project_id
            state = s.state_label + (f"（{s.answer}）" if s.answer else "")
            where = rv.opinion_place(o, project)
            print(f"{name}\t{where}\t{o.code} {o.reason}\t{o.text}\t{state}\t{o.id}")
    return cli.EXIT_OK


def _print_opinions(args: argparse.Namespace) -> int:
    from pathlib import Path

    from desktop.io.files import atomic_write
    from desktop.printing.opinions_pdf import render_opinions

    target = Path(args.pdf)
    if target.suffix.lower() != ".pdf":
        raise cli.CliError(f"输出文件应以 .pdf 结尾：“{target.name}”")
    if not args.project or len(args.project) != 1:
        raise cli.CliError("打印审核意见需要指定一个项目（--project）")
    with cli.open_db(args.db) as repo:
        project = _project(repo, args.project[0])
        recs = store.records(repo, [project.id])
        states = rv.opinion_states(recs, project.id)
        status = rv.current_status(recs.events)
        atomic_write(
            target,
            lambda fh: render_opinions(project, states, fh, status=status, events=recs.events),
        )
    print(f"已把“{project.name}”的 {len(states)} 条审核意见打印到“{target}”。")
    return cli.EXIT_OK


REVIEW_COMMANDS = {
    "role": _cmd_role,
    "submit": _cmd_submit,
    "review": _cmd_review,
    "answer": _cmd_answer,
    "adjust": _cmd_adjust,
    "opinions": _cmd_opinions,
}
