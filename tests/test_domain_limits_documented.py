"""Every limit is a name in ``domain/limits.py``, and docs/architecture.md lists each one
with its value and why it is that size (its table "Every limit, by name")."""

from __future__ import annotations

import re

from desktop.domain import limits
from tests.conftest import ROOT


def _names_in_module() -> set[str]:
    return {n for n in vars(limits) if n.isupper() and n != "MB"}


def _names_in_doc() -> set[str]:
    doc = (ROOT / "docs" / "architecture.md").read_text("utf-8")
    table = doc.split("### Every limit, by name", 1)[1].split("\n\n", 3)[2]
    names: set[str] = set()
    for line in table.splitlines():
        if line.startswith("| `"):
            first = line.split("|")[1]
            names.update(re.findall(r"`([A-Z_]+)`", first))
    return names


def test_every_limit_is_in_the_doc_and_every_one_there_is_a_limit():
    assert len(_names_in_doc()) > 40  # the table was found
    assert _names_in_module() - _names_in_doc() == set(), "limits missing in the doc"
    assert _names_in_doc() - _names_in_module() == set(), "the doc names limits that are not"
