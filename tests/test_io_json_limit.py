"""The JSON import limit follows the work: our own export of the largest database
exchanged as JSON (10,000 forms; larger files travel as .db) is admitted, a larger file
is refused before it is read."""

from __future__ import annotations

from dataclasses import replace

import pytest

from desktop.domain.limits import MAX_JSON_IMPORT_BYTES
from desktop.domain.model import new_id
from desktop.io import json_format
from desktop.io.files import load_file
from desktop.io.report import ImportFormatError

LARGEST_JSON_DATABASE = 10_000  # forms (docs/architecture.md, Trust model and limits)


def test_our_export_of_the_largest_json_database_fits_the_limit(sample_result):
    # a form as large as the average of a reviewer's file: 28 indicators
    pool = [i for p in sample_result.projects for i in p.indicators]
    form = replace(sample_result.projects[0], indicators=tuple((pool * 5)[:28]))
    forms = [replace(form, id=new_id()) for _ in range(20)]
    per_form = len(json_format.dumps(forms).encode("utf-8")) / len(forms)
    assert LARGEST_JSON_DATABASE * per_form <= MAX_JSON_IMPORT_BYTES


def test_a_json_file_over_the_limit_is_refused_before_it_is_read(tmp_path):
    huge = tmp_path / "huge.json"
    with open(huge, "wb") as fh:
        fh.truncate(MAX_JSON_IMPORT_BYTES + 1)  # sparse: no disk, nothing to read
    with pytest.raises(ImportFormatError, match="太大"):
        load_file(huge)
