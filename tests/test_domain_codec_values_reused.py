"""Reading many indicators whose values repeat ("≥95%" on row after row): a value read
before gives the same result as reading it afresh, and input that is refused is refused
every time, whatever was read before it."""

from __future__ import annotations

import uuid

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain import codec
from desktop.domain.codec import CodecError, project_from_dict

PID = str(uuid.UUID(int=7))

# Few choices a field, so that rows differing in one field only are common.
fields = st.fixed_dictionaries(
    {},
    optional={
        "op": st.sampled_from(["≥", "≈", 1]),
        "number": st.sampled_from(["95", "95.0", "1e999", 95, ["95"]]),
        "unit": st.sampled_from(["", "%"]),
        "text": st.sampled_from(["", "满意", "\x00坏"]),
        "entered": st.sampled_from(["", "≥95%"]),
        "value": st.sampled_from(["", "良好"]),
    },
)


def read(indicator: dict):
    obj = {"id": PID, "year": 2025, "indicators": [{**indicator, "name": "满意度"}]}
    try:
        return project_from_dict(obj).indicators[0].value
    except CodecError as exc:
        return ("refused", str(exc))


@settings(max_examples=400, deadline=None)
@given(st.lists(fields, min_size=1, max_size=8))
def test_a_value_read_again_is_what_reading_it_afresh_gives(rows):
    seen = [read(r) for r in rows]  # later rows may find what earlier ones left
    for row, value in zip(rows, seen, strict=True):
        codec._VALUES.clear()
        assert read(row) == value
        if not isinstance(value, tuple):
            assert value.number == read(row).number  # the same canonical scale too


def test_a_refused_number_stays_refused_after_good_ones():
    good = {"op": "≥", "number": "95", "unit": "%"}
    assert read(good).number is not None
    assert read(good) == read(dict(good))
    assert read({**good, "number": "1e999"})[0] == "refused"
    assert read({**good, "text": "满意"})[0] == "refused"
    assert read({**good, "op": "≈"})[0] == "refused"
