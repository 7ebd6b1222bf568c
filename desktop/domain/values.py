"""Indicator values (年度指标值): structured, never just a string.

A value is either quantitative — an operator (=, ≥, ≤, >, <, or none), an exact Decimal
number and a unit — or qualitative text (``提高``, ``全市排名前列``), or empty.
The canonical rendering is ``{op}{number with at least 2 decimals}({unit})``, e.g.
``≥85.00(%)``; the parser accepts what real forms contain (full-width signs, ``>=``,
a space before the unit, no parentheses around a short unit, ``985米``, word operators
such as ``不低于90%``).

Besides its reading, a value keeps the text exactly as the clerk typed it or the form had it
(``entered``): the paper shows what was entered (``shown``), 审核 checks the reading.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

OPERATORS = ("=", "≥", "≤", ">", "<")

_OP_ALIASES = {">=": "≥", "=>": "≥", "<=": "≤", "=<": "≤", "≧": "≥", "≦": "≤", "⩾": "≥", "⩽": "≤"}
_NUMBER = r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+"
_QUANT = re.compile(
    rf"^(?P<op>>=|=>|<=|=<|[=≥≤><≧≦⩾⩽])?\s*(?P<num>{_NUMBER})\s*"
    r"(?:\((?P<punit>[^()]{0,20})\)|(?P<unit>[^\d\s()=≥≤<>,.+\-][^\d()=≥≤<>]{0,2}))?$"
)
# Operators written as words, longest first: "不低于90%" reads as ≥90(%).
_WORD_OPERATORS = (
    ("不低于", "≥"),
    ("不少于", "≥"),
    ("不小于", "≥"),
    ("大于等于", "≥"),
    ("不高于", "≤"),
    ("不超过", "≤"),
    ("不大于", "≤"),
    ("不多于", "≤"),
    ("小于等于", "≤"),
    ("大于", ">"),
    ("高于", ">"),
    ("超过", ">"),
    ("多于", ">"),
    ("小于", "<"),
    ("低于", "<"),
    ("少于", "<"),
    ("等于", "="),
)
# ... and after the number: "95%以上", "5个及以上", "1%以下", "3天以内".
_TRAILING_OPERATORS = (
    ("及以上", "≥"),
    ("以上", "≥"),
    ("及以下", "≤"),
    ("以下", "≤"),
    ("以内", "≤"),
)
# A bare unit ending like this is part of a sentence, not a unit: "3天内", "5个以上".
# A number followed by 年/月 and more words is a date, not a quantity: "2021年全年", "12月底".
_SENTENCE_TAILS = ("内", "上", "下", "前", "后", "右", "间", "起", "止", "余", "多")
# A sane range for indicator numbers: formatting expands the exponent, so ``1e999999999``
# would be a billion-digit string. Numbers outside are refused where they enter (codec) and
# read as text when typed or imported (``parse_value``).
MAX_NUMBER_EXPONENT = 15  # |number| < 10**16
MAX_NUMBER_DECIMALS = 20  # no finer than 10**-20


def number_in_range(number: Decimal) -> bool:
    """True for a finite number this program can format and store."""
    if not number.is_finite():
        return False
    if number.is_zero():
        return True
    if number.adjusted() > MAX_NUMBER_EXPONENT:
        return False
    _, digits, exponent = number.as_tuple()
    if exponent < -MAX_NUMBER_DECIMALS:  # trailing zeros do not count: 1.000…0
        zeros = len(digits) - len("".join(map(str, digits)).rstrip("0"))
        exponent += zeros
    return exponent >= -MAX_NUMBER_DECIMALS


@dataclass(frozen=True, slots=True)
class IndicatorValue:
    op: str | None = None
    number: Decimal | None = None
    unit: str = ""
    text: str = ""
    # The text as typed or imported ("" when the value was built in code); printed as is.
    entered: str = ""

    def __post_init__(self) -> None:
        if self.number is None:
            if self.op is not None or self.unit:
                raise ValueError("an operator or unit needs a number")
        else:
            if self.text:
                raise ValueError("a value is either a number or text, not both")
            if self.op is not None and self.op not in OPERATORS:
                raise ValueError(f"unknown operator {self.op!r}")
            if not self.number.is_finite():
                raise ValueError("the number must be finite")
            if not number_in_range(self.number):
                raise ValueError("the number is out of range")
            # Canonical scale: at least two decimals (85 → 85.00), so equal values store alike.
            object.__setattr__(self, "number", Decimal(format_number(self.number)))

    # -- constructors -----------------------------------------------------------------
    @classmethod
    def qualitative(cls, text: str) -> IndicatorValue:
        return cls(text=text.strip())

    @classmethod
    def quantitative(
        cls, op: str | None, number: Decimal | str | int, unit: str = ""
    ) -> IndicatorValue:
        return cls(op=op or None, number=Decimal(str(number)), unit=unit.strip())

    # -- queries ----------------------------------------------------------------------
    @property
    def is_empty(self) -> bool:
        return self.number is None and not self.text

    @property
    def is_quantitative(self) -> bool:
        return self.number is not None

    @property
    def kind(self) -> str:
        """``"number"``, ``"text"`` or ``"empty"``."""
        if self.number is not None:
            return "number"
        return "text" if self.text else "empty"

    def display(self) -> str:
        """The canonical rendering, e.g. ``≥85.00(%)``; qualitative text as written."""
        if self.number is None:
            return self.text
        out = (self.op or "") + format_number(self.number)
        if self.unit:
            out += f"({self.unit})"
        return out

    @property
    def shown(self) -> str:
        """What the paper shows: the text as entered, else the canonical rendering."""
        return self.entered or self.display()

    def same_reading(self, other: IndicatorValue) -> bool:
        """Equal op, number, unit and text, whatever was typed."""
        return (self.op, self.number, self.unit, self.text) == (
            other.op,
            other.number,
            other.unit,
            other.text,
        )

    def __str__(self) -> str:
        return self.display()


EMPTY = IndicatorValue()


def format_number(number: Decimal) -> str:
    """At least two decimals, more only when the number has them: 85 → 85.00, 0.125 → 0.125."""
    if number == 0:
        number = abs(number)
    exponent = number.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2:
        number = number.normalize()  # 0.1250 → 0.125, but 0.100 → 0.1 → "0.10"
        exponent = number.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2:
        return f"{number:f}"
    return f"{number:.2f}"


def normalize_value_text(text: str) -> str:
    """NFKC (full-width ＝＞＜（）％ and digits to ASCII) and trimmed."""
    return unicodedata.normalize("NFKC", text).strip()


def parse_value(text: str) -> IndicatorValue:
    """Parse a 年度指标值 as written on a form. Never raises for any string."""
    if text is None:
        return EMPTY
    raw = text.strip()
    if not raw:
        return EMPTY
    as_text = IndicatorValue(text=raw, entered=raw)
    s = normalize_value_text(raw)
    word_op = None
    for word, sign in _WORD_OPERATORS:
        if s.startswith(word):
            word_op, s = sign, s[len(word) :].lstrip()
            break
    else:
        for word, sign in _TRAILING_OPERATORS:  # "95%以上" reads as ≥95(%)
            if s.endswith(word) and len(s) > len(word):
                word_op, s = sign, s[: -len(word)].rstrip()
                break
    m = _QUANT.match(s)
    if m is None or (word_op and m.group("op")):
        return as_text
    unit = m.group("punit")
    if unit is None:
        unit = m.group("unit") or ""
        if unit.endswith(_SENTENCE_TAILS) or _is_date_text(m.group("num"), unit, m.group("op")):
            return as_text
    unit = " ".join(unit.split())
    op = m.group("op")
    op = word_op or (_OP_ALIASES.get(op, op) if op else None)
    try:
        number = Decimal(m.group("num").replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern only admits numbers
        return as_text
    if not number_in_range(number):
        return as_text
    return IndicatorValue(op=op, number=number, unit=unit, entered=raw)


def _is_date_text(number: str, unit: str, op: str | None) -> bool:
    """``2021年全年``, ``2021年``, ``12月底``: a time written in words, kept as text."""
    if unit[:1] not in ("年", "月"):
        return False
    if len(unit) > 1:
        return True
    return unit == "年" and op is None and number.isdigit() and 1900 <= int(number) <= 2100
