"""The content hash's canonical form: the fast path for exact types gives what the general
rules give (hashes are compared across files and versions, so they must never change)."""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import date
from decimal import Decimal

from desktop.domain.model import Funds, Indicator, _canonical
from desktop.domain.values import IndicatorValue, parse_value
from tests.ui_helpers import generated_projects


def _general(value):
    """The rules as first written (before the fast path)."""
    if isinstance(value, tuple | list):
        return [_general(v) for v in value]
    if isinstance(value, Indicator | Funds | IndicatorValue):
        return [_general(getattr(value, f.name)) for f in fields(value)]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def test_fast_canonical_form_equals_the_general_rules(sample_result):
    projects = [*sample_result.projects, *generated_projects(30)]
    odd = projects[0]
    projects.append(
        replace(
            odd,
            start_date=date(2024, 2, 29),
            indicators=(
                replace(odd.indicators[0], value=parse_value("≥1e3(%)"), source_line=None),
                replace(odd.indicators[0], value=IndicatorValue(), needs_review=True),
            ),
        )
    )
    for p in projects:
        assert repr(_canonical(p.content())) == repr(_general(p.content()))
