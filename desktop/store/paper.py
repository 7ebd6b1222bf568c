"""Checking a printed page against the data (核对纸质件), and the record of what was printed.

Each printed page carries a check code (``domain.checkcode``): 28 bits of the project id,
14 bits of the content hash at printing, the page. Checking one finds the project whose id
has those bits (in the projects, the trash, the history and the record of prints), then the
version: the current content (与当前数据一致), or an earlier one kept in the record of
prints (schema v8 ``printed``: each printed version once, with its revision) or in the
history of replaced versions (这是第 3 版，当前是第 5 版, with the fields and indicators
changed since, old → new). A code that fails its check character is a typing error.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from desktop.domain.checkcode import CheckCodeError, Stamp, id_key, parse
from desktop.domain.codec import project_from_dict, project_to_dict
from desktop.domain.model import Project
from desktop.store.errors import guarded
from desktop.store.repository import Repository

MATCH, CHANGED, UNKNOWN, BAD_CODE = "match", "changed", "unknown", "bad_code"
EXIT_STATUS = {MATCH: 0, CHANGED: 1, UNKNOWN: 2, BAD_CODE: 2}


def stored_hashes(repo: Repository) -> Callable[[Project], str]:
    """A project's content hash as the file keeps it (for printing many forms without
    hashing each again); computed when the file holds another revision of it."""

    def content_hash(project: Project) -> str:
        try:
            row = repo.conn.execute(
                "SELECT content_hash FROM projects WHERE id = ? AND revision = ?",
                [project.id, project.revision],
            ).fetchone()
        except sqlite3.Error:
            row = None  # a locked file: hashed here instead
        return row[0] if row and row[0] else project.content_hash()

    return content_hash


@guarded
def record_print(
    repo: Repository, project: Project, pages: int, printed_at: datetime, digest: str = ""
) -> None:
    """Remember that this version of ``project`` was printed (its content once; the
    revision, the number of pages and the time of the last print updated). ``digest``:
    the content hash the pages' codes carry (computed when not given)."""
    digest = digest or project.content_hash()
    when = printed_at.strftime("%Y-%m-%d %H:%M")
    with repo.atomic():
        known = repo.conn.execute(
            "UPDATE printed SET revision = ?, pages = ?, printed_at = ? "
            "WHERE project_id = ? AND content_hash = ?",
            [project.revision, pages, when, project.id, digest],
        ).rowcount
        if not known:
            repo.conn.execute(
                "INSERT INTO printed (project_id, content_hash, revision, pages, printed_at, "
                "data) VALUES (?, ?, ?, ?, ?, ?)",
                [
                    project.id,
                    digest,
                    project.revision,
                    pages,
                    when,
                    json.dumps(project_to_dict(project), ensure_ascii=False),
                ],
            )


# What a verdict says (``Verdict.kind``), worded in Chinese for the command line; the
# window words each in its language (``ui/paper_check.py``).
MATCHES, CHANGED_SINCE, DELETED, NOT_HERE, MISTYPED = (
    "matches", "changed", "deleted", "not_here", "mistyped",
)  # fmt: skip
# what is known of the changes of a CHANGED_SINCE verdict
CHANGES_LISTED, SAME_CONTENT, NOT_KEPT = "listed", "same", "not_kept"


@dataclass
class Verdict:
    """The answer for one page: ``status`` (MATCH…), ``kind`` (MATCHES…) and what it needs
    (``changes_known``, ``trashed``, the revisions; ``error``: a refused code's reason)."""

    status: str  # MATCH, CHANGED, UNKNOWN, BAD_CODE
    kind: str
    stamp: Stamp | None = None
    project_id: str = ""
    name: str = ""
    year: int = 0
    page: int = 0
    pages: int = 0
    printed_revision: int | None = None
    current_revision: int | None = None
    content_hash: str = ""  # of the printed version, when known
    printed_at: str = ""
    changes: list[str] = field(default_factory=list)  # old → new, by the form's labels
    changes_known: str = ""  # CHANGES_LISTED, SAME_CONTENT, NOT_KEPT
    trashed: bool = False
    error: CheckCodeError | None = None

    @property
    def message(self) -> str:
        """The answer in one line, in Chinese (as every store message)."""
        trashed = "（该项目在回收站中）" if self.trashed else ""
        if self.kind == MISTYPED:
            return str(self.error)
        if self.kind == MATCHES:
            return "与当前数据一致" + trashed
        if self.kind == DELETED:
            return "项目已从本文件中彻底删除"
        if self.kind == NOT_HERE:
            return "项目不在本文件中"
        now = f"当前是第 {self.current_revision} 版"
        if self.printed_revision is not None:
            head = f"这是第 {self.printed_revision} 版，{now}"
        else:
            head = f"这是较早的版本，{now}"
        if self.changes_known == NOT_KEPT:
            return head + "（打印的版本未保存在本文件中，无法列出改动）" + trashed
        if self.changes_known == SAME_CONTENT:
            return head + "，内容相同" + trashed
        return f"{head}，有 {len(self.changes)} 处改动" + trashed

    @property
    def exit_status(self) -> int:
        return EXIT_STATUS[self.status]

    @property
    def form(self) -> str:
        """Which form: ``社区矫正（2024年度）``."""
        if not self.project_id:
            return ""
        return f"{self.name or '（未命名项目）'}（{self.year}年度）"

    @property
    def title(self) -> str:
        """Which form and page: ``社区矫正（2024年度）第 2 页 共 3 页``."""
        where = self.form
        if where and self.page:
            where += f"第 {self.page} 页 共 {self.pages} 页"
        return where

    def lines(self) -> list[str]:
        """The answer as printed by the CLI: title and answer, then the changes."""
        head = f"{self.title}：{self.message}" if self.title else self.message
        return [head, *(f"  {c}" for c in self.changes)]


def _candidates(repo: Repository, key: int) -> list[str]:
    """Ids this file knows (projects, trash, history, prints, tombstones) with ``key``."""
    ids: set[str] = set()
    for sql in (
        "SELECT id FROM projects",
        "SELECT DISTINCT project_id FROM history",
        "SELECT DISTINCT project_id FROM printed",
        "SELECT project_id FROM tombstones",
    ):
        ids.update(r[0] for r in repo.conn.execute(sql) if id_key(r[0]) == key)
    return sorted(ids)


def _versions(repo: Repository, project_id: str, stamp: Stamp):
    """Earlier versions of the project that are the one printed: (revision or None, the
    project, print time) from the record of prints, then from the history."""
    for rev, digest, when, data in repo.conn.execute(
        "SELECT revision, content_hash, printed_at, data FROM printed WHERE project_id = ? "
        "ORDER BY printed_at DESC",
        [project_id],
    ):
        if stamp.matches_hash(digest):
            yield rev, digest, data, when
    for digest, data in repo.conn.execute(
        "SELECT content_hash, data FROM history WHERE project_id = ? ORDER BY id DESC",
        [project_id],
    ):
        if stamp.matches_hash(digest):
            yield None, digest, data, ""


def _load(data: str) -> Project | None:
    try:
        return project_from_dict(json.loads(data))
    except (ValueError, TypeError, KeyError, RecursionError):
        return None  # a damaged record: checked as if it were not there


@guarded
def verify(repo: Repository, text: str) -> Verdict:
    """Check one page: ``text`` is the check code as printed (typed in any case, with or
    without the dashes) or a QR code's whole text."""
    from desktop.domain.diff import field_changes

    try:
        stamp = parse(text)
    except CheckCodeError as exc:
        return Verdict(BAD_CODE, MISTYPED, error=exc)
    ids = _candidates(repo, stamp.id_key)
    found: list[Verdict] = []
    for pid in ids:
        row = repo.conn.execute(
            "SELECT name, year, revision, content_hash, deleted_at FROM projects WHERE id = ?",
            [pid],
        ).fetchone()
        verdict = Verdict(UNKNOWN, NOT_HERE, stamp, pid, page=stamp.page, pages=stamp.pages)
        verdict.printed_revision = stamp.revision
        if stamp.printed_at is not None:
            verdict.printed_at = stamp.printed_at.strftime("%Y-%m-%d %H:%M")
        current = None
        if row is not None:
            verdict.name, verdict.year, verdict.current_revision = row[0], row[1], row[2]
            verdict.trashed = bool(row[4])
            if stamp.matches_hash(row[3]):
                if verdict.printed_revision is None:  # a typed code: the current content
                    verdict.printed_revision = row[2]
                verdict.status = MATCH
                verdict.content_hash = row[3]
                verdict.kind = MATCHES
                found.append(verdict)
                continue
            current = repo.get(pid)
        for rev, digest, data, when in _versions(repo, pid, stamp):
            old = _load(data)
            if old is None:
                continue
            verdict.content_hash = digest
            if verdict.printed_revision is None:
                verdict.printed_revision = rev if rev is not None else old.revision
            verdict.printed_at = verdict.printed_at or when
            if not verdict.pages:  # a form of more than 90 pages, typed: from the record
                verdict.pages = _recorded_pages(repo, pid, digest)
            if current is None:  # deleted for good: only its history is left
                verdict.name, verdict.year = old.name, old.year
            else:
                verdict.changes = field_changes(old, current)
            break
        if current is None:
            if not verdict.name:
                continue  # a project this file never had: another key's id
            if not verdict.content_hash:
                continue
            verdict.kind = DELETED
            found.append(verdict)
            continue
        verdict.status, verdict.kind = CHANGED, CHANGED_SINCE
        if not verdict.content_hash:
            verdict.changes_known = NOT_KEPT
        else:
            verdict.changes_known = CHANGES_LISTED if verdict.changes else SAME_CONTENT
        found.append(verdict)
    if not found:
        return Verdict(UNKNOWN, NOT_HERE, stamp, page=stamp.page, pages=stamp.pages)
    order = {MATCH: 0, CHANGED: 1, UNKNOWN: 2}
    return min(found, key=lambda v: order[v.status])


def _recorded_pages(repo: Repository, project_id: str, digest: str) -> int:
    row = repo.conn.execute(
        "SELECT pages FROM printed WHERE project_id = ? AND content_hash = ?", [project_id, digest]
    ).fetchone()
    return row[0] if row else 0


@dataclass
class PaperBatch:
    """Pages checked one after another: which pages of which forms are there."""

    seen: dict[tuple[str, str], set[int]] = field(default_factory=dict)
    info: dict[tuple[str, str], Verdict] = field(default_factory=dict)

    def add(self, verdict: Verdict) -> bool:
        """Count a page of a known form; False for an unknown or mistyped code, and for a
        page already counted."""
        if verdict.status not in (MATCH, CHANGED) or not verdict.page:
            return False
        key = (verdict.project_id, verdict.content_hash or str(verdict.stamp))
        pages = self.seen.setdefault(key, set())
        if verdict.page in pages:
            return False
        pages.add(verdict.page)
        self.info[key] = verdict
        return True

    def summary(self) -> list[tuple[Verdict, list[int], list[int]]]:
        """For each form: its last verdict, the pages present and the pages missing."""
        out = []
        for key, pages in self.seen.items():
            v = self.info[key]
            missing = [n for n in range(1, v.pages + 1) if n not in pages]
            out.append((v, sorted(pages), missing))
        return out


def page_list(numbers: list[int]) -> str:
    """1, 2, 3, 5 → ``1–3、5``."""
    parts: list[str] = []
    start = prev = None
    for n in numbers:
        if start is None:
            start = prev = n
        elif n == prev + 1:
            prev = n
        else:
            parts.append(f"{start}" if start == prev else f"{start}–{prev}")
            start = prev = n
    if start is not None:
        parts.append(f"{start}" if start == prev else f"{start}–{prev}")
    return "、".join(parts)
