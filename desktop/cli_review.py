"""Command line of the review loop: ``role``, ``submit``, ``review``, ``answer``, ``adjust``,
``opinions`` (see ``domain/review.py`` and ``store/review.py``)."""

from __future__ import annotations

import argparse

import desktop.cli as cli
from desktop.domain import review as rv
from desktop.store import NotFoundError
from desktop.store import review as store


def _project(repo, pid: str):
    try:
        return repo.get(pid)
    except NotFoundError as exc:
        raise cli.CliError(f"数据库中没有编号为“{pid}”的项目，未做任何修改") from exc


def _writable(repo, db: str) -> None:
    if repo.read_only:
        raise cli.CliError(f"数据文件“{db}”是只读的。")


def _cmd_role(args: argparse.Namespace) -> int:
    with cli._open(args.db) as repo:
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
    with cli._open(args.db) as repo:
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
    with cli._open(args.db) as repo:
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
    with cli._open(args.db) as repo:
        _writable(repo, args.db)
        if args.fixed:
            state, text = rv.FIXED, args.text
        else:
            state, text = rv.EXPLAINED, args.explain
        store.set_state(repo, args.opinion, state, text, unit=args.unit, person=args.person)
    print(f"意见 {args.opinion}：{rv.STATE_LABELS[state]}。")
    return cli.EXIT_OK


def _cmd_adjust(args: argparse.Namespace) -> int:
    with cli._open(args.db) as repo:
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
    with cli._open(args.db) as repo:
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
    with cli._open(args.db) as repo:
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
