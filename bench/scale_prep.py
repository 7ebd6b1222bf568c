"""Inputs for ``bench/run_all.py``, made with the code on ``PYTHONPATH`` (so that an older
checkout reads files of its own schema version):

    python bench/scale_prep.py FOLDER N

FOLDER/N.db (``generate.make``), FOLDER/merge-N.db (that database with 250 projects changed
here) and FOLDER/incoming-N.db (1,000 projects from another machine: 250 changed there only,
250 changed on both sides, 500 new), FOLDER/import.json and FOLDER/import.db (1,000 new
projects, the same rows as JSON and as a database), and FOLDER/N.json with facts the
measurements need (a project with 10 indicators).
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

import desktop  # noqa: F401  (the code under test, from PYTHONPATH, before generate's path)

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("JIXIAO_DATA_DIR", tempfile.mkdtemp())

from generate import make, projects

from desktop.io import json_format
from desktop.store import open_repository
from desktop.store.exchange import export_db


def main() -> None:
    folder, n = Path(sys.argv[1]), int(sys.argv[2])
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / f"{n}.db"
    if not db.exists():
        make(n, folder / f"{n}.tmp.db")
        (folder / f"{n}.tmp.db").rename(db)
    if not (folder / "import.db").exists():
        fresh = projects(1000, seed=7)
        (folder / "import.json").write_text(json_format.dumps(fresh), encoding="utf-8")
        export_db(fresh, folder / "import.db")
    target, incoming = folder / f"merge-{n}.db", folder / f"incoming-{n}.db"
    if not incoming.exists():
        with open_repository(db, read_only=True) as repo:
            base = list(repo.all_projects(ids=[s.id for s in repo.summaries()[:500]]))
            ten = next(s.id for s in repo.summaries() if s.indicator_count == 10)
        work = Path(tempfile.mkdtemp())
        with open_repository(work / "other.db") as other:
            other.add(base)
            other.add(projects(500, seed=99))
            for p in base:
                other.save(p.with_changes(goal_annual=p.goal_annual + "（对方修改）"))
            export_db(other.all_projects(), folder / f"incoming-{n}.tmp.db")
        shutil.copyfile(db, folder / f"merge-{n}.tmp.db")
        with open_repository(folder / f"merge-{n}.tmp.db", backup=False) as repo:
            for p in repo.all_projects(ids=[x.id for x in base[250:]]):
                repo.save(p.with_changes(goal_overall=p.goal_overall + "（我方修改）"))
        (folder / f"merge-{n}.tmp.db").rename(target)
        (folder / f"{n}.json").write_text(json.dumps({"ten": ten}), encoding="utf-8")
        (folder / f"incoming-{n}.tmp.db").rename(incoming)
        shutil.rmtree(work, ignore_errors=True)
    print(folder, n, db.stat().st_size // 2**20, "MiB", flush=True)


if __name__ == "__main__":
    main()
