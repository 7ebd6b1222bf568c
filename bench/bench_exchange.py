"""Exchange speed: export 1,000 projects to a .db file; merge a 1,000-project file into a
10,000-project database (backup included).

    .venv/bin/python bench/bench_exchange.py
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    folder = Path(tempfile.mkdtemp())
    os.environ["JIXIAO_DATA_DIR"] = str(folder / "data")
    from bench.generate import make, projects
    from desktop.store import open_repository
    from desktop.store.exchange import export_db, read_untrusted
    from desktop.store.merge import apply_merge, plan_merge

    big = make(10_000, folder / "10000.db")
    thousand = make(1_000, folder / "1000.db")
    with open_repository(thousand) as repo:
        all_thousand = list(repo.all_projects())
    export_times = []
    for n in range(5):
        t0 = time.perf_counter()
        export_db(all_thousand, folder / f"export{n}.db")
        export_times.append(time.perf_counter() - t0)
    print(f"export 1,000 projects: median {statistics.median(export_times):.2f} s")

    # 1,000 incoming: 500 new, 250 changed there (theirs newer), 250 changed on both sides
    with open_repository(big) as repo:
        base = list(repo.all_projects(ids=[s.id for s in repo.summaries()[:500]]))
    incoming_db = folder / "incoming.db"
    with open_repository(folder / "other.db") as other:
        other.add(base)
        other.add(projects(500, seed=99))
        for p in base:
            other.save(p.with_changes(goal_annual=p.goal_annual + "（对方修改）"))
        export_db(other.all_projects(), incoming_db)
    merge_times = []
    for n in range(3):
        target = folder / f"target{n}.db"
        shutil.copyfile(big, target)
        with open_repository(target) as repo:
            for p in repo.all_projects(ids=[x.id for x in base[250:]]):
                repo.save(p.with_changes(goal_overall=p.goal_overall + "（我方修改）"))
            t0 = time.perf_counter()
            plan = plan_merge(repo, read_untrusted(incoming_db))
            result = apply_merge(repo, plan)
            merge_times.append(time.perf_counter() - t0)
    print(
        f"merge 1,000 into 10,000 (read, check, plan, backup, apply): median "
        f"{statistics.median(merge_times):.2f} s — added {result.added}, "
        f"replaced {result.replaced}, copies {result.copies}"
    )


if __name__ == "__main__":
    main()
