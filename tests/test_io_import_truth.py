"""Forms of other bureaus, provinces and years scored against truth files written by hand
from the forms themselves (tests/fixtures/variants/*.truth.txt, read by tests/truth_forms.py):
every field the form has and every indicator row, as the form writes them."""

from __future__ import annotations

import dataclasses

import pytest

from desktop.io.files import load_file
from tests.truth_forms import HERE, TRUTHS, read_truth, score


def _form(truth_path):
    return truth_path.name.removesuffix(".truth.txt")


def test_every_fixture_form_has_a_hand_written_truth():
    forms = {p.name for p in HERE.iterdir() if p.suffix in (".txt", ".xlsx", ".pdf")}
    forms -= {p.name for p in HERE.glob("*.truth.txt")}
    assert forms == {_form(t) for t in TRUTHS}
    for t in TRUTHS:
        (project,) = read_truth(t)
        assert project.fields and project.indicators


@pytest.mark.parametrize("truth_path", TRUTHS, ids=_form)
def test_the_reader_meets_the_hand_written_truth(truth_path):
    s = score(truth_path, load_file(HERE / _form(truth_path)).projects)
    assert s.right == s.total, f"{s.right}/{s.total}:\n" + "\n".join(s.misses)


def test_the_scorer_finds_a_wrong_cell():
    """A test that would pass with the bug is not a test: one changed cell costs a point."""
    truth = HERE / "a1-central-2023.txt.truth.txt"
    (p,) = load_file(HERE / "a1-central-2023.txt").projects
    first = dataclasses.replace(p.indicators[0], level2="质量指标")
    wrong = p.with_changes(name=p.name + " ", indicators=(first, *p.indicators[1:]))
    s = score(truth, [wrong])
    assert s.total - s.right == 2
