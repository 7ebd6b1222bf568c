"""Realistic databases for benchmarks: projects shaped like the 2024 sample forms.

    .venv/bin/python bench/generate.py 10000 bench/data/10000.db

Fixed seed; names, units, goals and 5–50 indicators per project are drawn from the sample's
own forms, so sizes and text lengths are those of real forms.
"""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop.domain.model import Funds, new_id  # noqa: E402
from desktop.io.published_text import parse_published_text  # noqa: E402
from desktop.store import open_repository  # noqa: E402

SAMPLE = ROOT / "resources" / "samples" / "2024-putuo-justice-bureau.txt"
UNITS = [
    "上海市普陀区司法局",
    "上海市普陀区法律援助中心",
    "上海市普陀区公证处",
    "长寿路街道司法所",
    "真如镇街道司法所",
    "甘泉路街道司法所",
    "宜川路街道司法所",
]


def projects(n: int, seed: int = 2024) -> list:
    rng = random.Random(seed)
    forms = parse_published_text(SAMPLE.read_text(encoding="utf-8")).projects
    pool = [i for f in forms for i in f.indicators if not i.needs_review]
    out = []
    for k in range(n):
        base = rng.choice(forms)
        year = rng.choice(range(2019, 2027))
        total = rng.randrange(1_000, 9_000_000) * 100
        count = rng.randrange(5, 51)
        indicators = sorted(
            rng.sample(pool, min(count, len(pool)))
            if count <= len(pool)
            else [rng.choice(pool) for _ in range(count)],
            key=lambda i: ("产出指标", "效益指标", "满意度指标").index(i.level1),
        )
        out.append(
            replace(
                base,
                id=new_id(),
                year=year,
                name=f"{base.name}（{rng.choice(UNITS)[-5:]}{k:05d}）",
                implementing_unit=rng.choice(UNITS),
                funds=Funds(total, total, 0, total, total, 0, 0),
                indicators=tuple(indicators),
                profile="",
            )
        )
    return out


def make(n: int, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()
    with open_repository(path) as repo:
        repo.add(projects(n))
    return path


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    target = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "bench" / "data" / f"{count}.db"
    make(count, target)
    print(target, target.stat().st_size // 1024, "KiB")
