"""Every attack class of ``hostile_corpus``: a clear one-line refusal naming the file, or a
correct import — never a traceback; after a refusal the local database and the received
file are byte for byte unchanged; each case under 10 s of CPU time and 500 MB (peak memory
of the program), measured from the operating system's accounting of the child process."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.hostile_corpus import (
    BAD_VALUES,
    IMPORT,
    OPENED_ARGS,
    OPENED_COMMANDS,
    REFUSE,
    REPAIR,
    TARGET_ARGS,
    build,
)
from tests.hostile_corpus_exchange import give_back

# Peak memory is read from /proc and CPU time from wait4: the measurement is Linux's (the
# limits themselves are plain Python and hold everywhere).
pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="measures through /proc and os.wait4"
)

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "samples" / "2024-putuo-justice-bureau.txt"
MAX_SECONDS = 10.0
MAX_RSS_MB = 500

CASES = [
    "json-exponent-1e999999999",
    "json-int-5000-digits",
    "json-version-5000-digits",
    "json-lone-surrogate-and-nul",
    "json-deep-nesting",
    "json-nan",
    "json-not-utf8",
    "json-too-big",
    "json-counter-2^62-1",
    "json-850000-projects",
    "json-15M-empty-arrays",
    "text-too-big-sparse",
    "text-with-nul",
    "text-control-characters",
    "xlsx-one-cell-at-XFD1048576",
    "xlsx-150000-rows",
    "xlsx-300000-cells",
    "xlsx-billion-laughs",
    "xlsx-xxe",
    "xlsx-broken-xml",
    "xlsx-bad-shared-string-index",
    "xlsx-zip-bomb-part",
    "xlsx-not-a-zip",
    "xlsx-hidden-sheet-1e999999999",
    "xlsx-3M-shared-strings",
    "xlsx-2M-styles",
    "xlsx-9000-sheets",
    "pdf-embedded-data-inflates-to-100MB",
    "pdf-metadata-stream-inflates-to-100MB",
    "pdf-embedded-1e999999999",
    "pdf-content-stream-bomb",
    "pdf-200000-pages",
    "pdf-page-count-lies",
    "pdf-garbage",
    "pdf-49000-characters-on-100-pages",
    "pdf-20000-lines-on-50-pages",
    "pdf-3M-operators",
    "pdf-form-xobject-fan-out",
    "pdf-reference-cycle",
    "pdf-page-tree-cycle",
    *(
        f"db-{side}-{kind}"
        for kind in (
            "trigger",
            "trigger-named-sqlite1autoindex2t",
            "view",
            "generated-column",
            "check-constraint",
        )
        for side in ("received", "opened")
    ),
    "db-received-1e999999999",
    "db-received-counter-2^62-1",
    "db-received-control-characters",
    "db-received-3GB-sparse-journal",
    "db-received-truncated",
    "db-opened-truncated",
    "db-opened-50-bytes",
    "db-received-too-big-sparse",
    *(f"db-opened-{kind}-{command}" for kind in BAD_VALUES for command in OPENED_COMMANDS),
    "db-received-one-byte-short",
    *(f"db-opened-one-byte-short-{command}" for command in OPENED_COMMANDS),
    "db-received-2M-indicator-rows",
    "db-opened-2M-indicator-rows-list",
    "db-opened-name-200MB-export",
    "json-named-pipe",
    "db-named-pipe",
    "xlsx-link-to-dev-zero",
    "db-link-to-dev-zero",
    "export-db-disk-full",
    "export-xlsx-disk-full",
    "export-db-name-240-bytes",
    "export-xlsx-name-240-bytes",
    *(f"formulas-{ext}-to-xlsx-and-summary" for ext in ("json", "xlsx", "db")),
    "db-received-forges-my-counter",
    "json-received-forges-my-counter",
    *(f"export-{ext}-onto-read-only-file" for ext in ("xlsx", "json", "db")),
    *(f"export-{ext}-into-folder-without-write-permission" for ext in ("xlsx", "db")),
    "summary-pdf-into-folder-without-write-permission",
    "db-opened-in-folder-without-permission-list",
]
SLOW = {
    "xlsx-zip-bomb-part",
    "pdf-200000-pages",
    "pdf-page-count-lies",
    "db-received-2M-indicator-rows",
    "db-opened-2M-indicator-rows-list",
    "db-opened-name-200MB-export",
}
# The default run takes one or two of each class; ``-m slow`` runs them all.
DEFAULT = {
    "json-exponent-1e999999999",
    "json-int-5000-digits",
    "json-lone-surrogate-and-nul",
    "text-control-characters",
    "xlsx-one-cell-at-XFD1048576",
    "xlsx-billion-laughs",
    "xlsx-hidden-sheet-1e999999999",
    "xlsx-3M-shared-strings",
    "xlsx-2M-styles",
    "xlsx-9000-sheets",
    "pdf-embedded-data-inflates-to-100MB",
    "pdf-content-stream-bomb",
    "db-received-trigger",
    "db-opened-trigger-named-sqlite1autoindex2t",
    "db-received-3GB-sparse-journal",
    "db-opened-truncated",
    "db-received-counter-2^62-1",
    "json-850000-projects",
    "pdf-reference-cycle",
    "db-opened-number-1e999999999-print",
    "db-opened-versions-bad-json-check",
    "db-opened-one-byte-short-export",
    "json-named-pipe",
    "xlsx-link-to-dev-zero",
    "export-db-disk-full",
    "export-xlsx-name-240-bytes",
    "formulas-json-to-xlsx-and-summary",
    "formulas-db-to-xlsx-and-summary",
    "db-received-forges-my-counter",
    "json-received-forges-my-counter",
    "export-xlsx-onto-read-only-file",
    "export-db-into-folder-without-write-permission",
    "db-opened-in-folder-without-permission-list",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    from desktop.io.files import load_file
    from desktop.io.xlsx_format import export_xlsx
    from desktop.store import open_repository
    from desktop.store.exchange import export_db

    d = tmp_path_factory.mktemp("corpus")
    projects = load_file(SAMPLE).projects
    export_xlsx(projects, d / "own.xlsx")
    with open_repository(d / "src.db") as repo:
        repo.add(projects)
        export_db(repo.all_projects(), d / "own.db")
    local = d / "local-template.db"
    with open_repository(local) as repo:
        repo.add(projects[:3])
    cases = {
        c.name: c
        for c in build(
            d / "files", sample=SAMPLE, own_export=d / "own.xlsx", exported_db=d / "own.db"
        )
    }
    return cases, local


def test_the_corpus_lists_every_case(corpus):
    cases, _ = corpus
    assert set(cases) == set(CASES)
    assert {n for n, c in cases.items() if c.slow} == SLOW


def _digests(path: Path) -> dict[str, str]:
    out = {}
    for suffix in ("", "-journal", "-wal"):
        p = Path(f"{path}{suffix}")
        if p.is_file():
            if p.stat().st_size > 100 * 1024 * 1024:  # a sparse giant: size and head
                with open(p, "rb") as fh:
                    out[suffix] = (
                        f"{p.stat().st_size}:{hashlib.sha256(fh.read(1 << 20)).hexdigest()}"
                    )
            else:
                out[suffix] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def _rows(db: Path) -> str:
    """A digest of every project and indicator row (a working file's own bookkeeping in
    ``meta`` may change when it is opened; its forms must not)."""
    import sqlite3

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        h = hashlib.sha256()
        for table in ("projects", "indicators"):
            cursor = conn.execute(f"SELECT * FROM {table} ORDER BY rowid")
            for row in cursor:
                h.update(repr(row).encode("utf-8", "surrogatepass"))
        return h.hexdigest()
    finally:
        conn.close()


# The program, run so that it reports its own peak memory (VmHWM of its address space) at
# exit: the operating system's ru_maxrss of a child would include the test process's size
# copied at fork time.
_WRAPPER = """
import os, runpy, sys
sys.argv = ["desktop", *sys.argv[1:]]
try:
    runpy.run_module("desktop", run_name="__main__", alter_sys=True)
finally:
    with open("/proc/self/status") as status:
        peak = next(line.split()[1] for line in status if line.startswith("VmHWM"))
    with open(os.environ["JIXIAO_PEAK_FILE"], "w") as fh:
        fh.write(peak)
"""


#: the command's way to its own full disk: a mount namespace of its own with a tmpfs of
#: 12 KB on the output folder (gone with the process; ``exec`` keeps the measured pid)
_FULL_DISK = ["unshare", "-m", "sh", "-c", 'mount -t tmpfs -o size=12k tmpfs "$0" && exec "$@"']


def _on_a_full_disk(case, tmp_path: Path):
    """The case with its output folder in ``tmp_path`` (skipped where a mount namespace
    cannot be made: not root, not Linux)."""
    probe = subprocess.run([*_FULL_DISK, str(tmp_path), "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here: " + probe.stderr.decode()[:80])
    folder = tmp_path / case.file.parent.name
    folder.mkdir()
    return dataclasses.replace(case, file=folder / case.file.name)


#: the superuser without its power to ignore file permissions (and to change them back):
#: as root, permissions would not apply at all
_UNPRIVILEGED = [
    "setpriv",
    "--bounding-set",
    "-dac_override,-dac_read_search,-fowner",
    "--inh-caps",
    "-all",
]


def run_measured(
    args: list[str], cwd: Path, *, full: bool = False, unprivileged: bool = False
) -> tuple[int, str, str, float, float]:
    """Run the program; returns (exit code, stdout, stderr, CPU seconds, peak RSS in MB).
    ``full``: the folder of the output (the first path argument) is a full disk;
    ``unprivileged``: file permissions apply (as root: without the power to ignore them)."""
    out, err, peak = cwd / "stdout.txt", cwd / "stderr.txt", cwd / "peak.txt"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "JIXIAO_PEAK_FILE": str(peak)}
    prefix = [*_FULL_DISK, str(Path(args[1]).parent)] if full else []
    if unprivileged and os.geteuid() == 0:
        prefix = _UNPRIVILEGED + prefix
    start = time.monotonic()
    with open(out, "wb") as fo, open(err, "wb") as fe:
        proc = subprocess.Popen(
            [*prefix, sys.executable, "-c", _WRAPPER, *args],
            stdout=fo,
            stderr=fe,
            cwd=cwd,
            env=env,
        )
        timer = threading.Timer(60, proc.kill)  # a runaway case must not hang the suite
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.monotonic() - start
    # CPU seconds of the program (the machine is shared: wall time depends on the others);
    # a runaway is still caught by the 60 s kill and the wall-time bound below.
    seconds = usage.ru_utime + usage.ru_stime
    assert wall < 60, f"{args}: {wall:.0f} s wall time"
    rss_mb = int(peak.read_text()) / 1024  # kilobytes
    return (
        proc.returncode,
        out.read_text("utf-8", "replace"),
        err.read_text("utf-8", "replace"),
        seconds,
        rss_mb,
    )


@pytest.mark.parametrize(
    "name", [n if n in DEFAULT else pytest.param(n, marks=pytest.mark.slow) for n in CASES]
)
def test_hostile_input(corpus, name, tmp_path):
    cases, template = corpus
    case = cases[name]
    if case.unprivileged and os.geteuid() == 0 and not shutil.which("setpriv"):
        pytest.skip("running as root, and no setpriv to give up the power over permissions")
    try:
        _run_case(case, template, tmp_path)
    finally:
        give_back(tmp_path)  # a folder a case made unreadable, for pytest's clean-up


def _run_case(case, template: Path, tmp_path: Path) -> None:
    name = case.name
    local = tmp_path / "local.db"
    if case.full_disk:
        case = _on_a_full_disk(case, tmp_path)
    if case.command in OPENED_ARGS:
        # the working file itself; a copy, so the corpus file stays as built
        work = tmp_path / case.file.name
        shutil.copyfile(case.file, work)
        args = [a.format(out=tmp_path) for a in OPENED_ARGS[case.command]] + ["--db", str(work)]
        watched = [work]
        local = work
    else:
        shutil.copyfile(case.local or template, local)
        if case.prepare is not None:  # the case's file, made for this working file
            file, local = case.prepare(local, tmp_path)
            case = dataclasses.replace(case, file=file)
        if case.command in TARGET_ARGS:  # the file is what the template is written to
            args = [a.format(file=case.file) for a in TARGET_ARGS[case.command]]
            args += ["--db", str(local)]
            watched = [case.file]  # the copy of the template records its new place on opening
        else:
            args = [case.command, str(case.file), "--db", str(local)]
            watched = [case.file, local]
    before = {str(p): _digests(p) for p in watched}
    rows_before = _rows(local) if case.expect == REPAIR else None
    code, out, err = _measured(name, args, tmp_path, case)
    for follow in case.then:  # the next commands on the working file, each measured too
        more = [a.format(out=tmp_path) for a in follow] + ["--db", str(local)]
        next_code, next_out, next_err = _measured(name, more, tmp_path, case)
        assert next_code in (0, 1), (more, next_out, next_err)
        out, err = out + next_out, err + next_err
    if case.expect == REFUSE:
        assert code == 2, (code, out, err)
        lines = [line for line in err.splitlines() if line.strip()]
        assert len(lines) == 1 and lines[0].startswith("错误："), err
        assert case.file.name in lines[0], lines[0]
        after = {str(p): _digests(p) for p in watched}
        assert after == before, "a refused input changed a file"
        assert "Exception ignored" not in err, err
    elif case.expect == REPAIR:  # the others worked; the bad rows are left as they were
        assert code == 1, (code, out, err)
        assert _rows(local) == rows_before, "a bad row was changed"
        if case.check is not None:
            case.check(local, out, err)
    else:
        assert case.expect == IMPORT
        assert code in (0, 1), (code, out, err)
        assert _digests(case.file) == before[str(case.file)], "the received file was changed"
        assert case.check is not None, "an import case says what a correct import is"
        case.check(local, out, err)


def _measured(name: str, args: list[str], tmp_path: Path, case) -> tuple[int, str, str]:
    """One run of the program within the bounds: no traceback, CPU time and peak memory."""
    code, out, err, seconds, rss = run_measured(
        args, tmp_path, full=case.full_disk, unprivileged=case.unprivileged
    )
    print(f"{name} {args[0]}: exit {code}, {seconds:.2f} s CPU, peak {rss:.0f} MB")  # -s
    assert "Traceback" not in err and "Traceback" not in out, err
    assert "Exception ignored" not in err, err
    assert seconds < MAX_SECONDS, f"{name}: {seconds:.1f} s"
    assert rss < MAX_RSS_MB, f"{name}: {rss:.0f} MB"
    return code, out, err
