"""审核 messages quote what the clerk typed."""

from __future__ import annotations


def test_audit_lines_quote_the_indicator_value_as_the_clerk_typed_it():
    # the clerk typed 10个 and 120%; the 审核 panel said 10.00(个) and 120.00(%)
    from desktop.domain import audit
    from desktop.domain.model import Indicator
    from desktop.domain.values import parse_value
    from tests.test_domain_audit import good

    p = good()
    p = p.with_changes(
        indicators=(
            Indicator("产出指标", "数量指标", "办案数量", parse_value("10个")),
            Indicator("产出指标", "质量指标", "结案率", parse_value("≥120%")),
            *p.indicators[2:],
        )
    )
    lines = {f.rule: f.message for f in audit.check(p)}
    assert "10个" in lines["indicators.number_without_operator"]
    assert "10.00" not in lines["indicators.number_without_operator"]
    assert "≥120%" in lines["indicators.percent"]
