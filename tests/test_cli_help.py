"""The command line's help."""

from __future__ import annotations

import pytest


def test_the_command_list_names_every_format_import_reads(capsys):
    # import reads .xlsx and .pdf forms too, but `--help` said “.txt，或 .json”
    from desktop.cli import main

    with pytest.raises(SystemExit):
        main(["--help"])
    (line,) = [ln for ln in capsys.readouterr().out.splitlines() if ln.strip().startswith("import")]
    assert ".xlsx" in line and "PDF" in line and ".json" in line
