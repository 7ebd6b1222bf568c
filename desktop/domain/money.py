"""Exact money: amounts are integer 分 (fen) everywhere; Decimal only at the edges.

``parse_money`` accepts what clerks and published forms write (``5,100,000.00``,
``5100000``, ``0``, ``0.00``, full-width digits, a leading ¥ or a trailing 元, amounts in
万元 such as ``510万`` or ``510万元``) and refuses anything that is not an exact, non-negative
amount of 分. ``format_money`` writes ``5,100,000.00``; ``format_wan`` writes ``510万元``.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from desktop.domain.messages import QT_TRANSLATE_NOOP, Message

Fen = int

_GROUPED = re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_PLAIN = re.compile(r"^[+-]?\d+(?:\.\d+)?$")
_MAX_YUAN = Decimal("1e15")  # far beyond any budget; guards against absurd input
#: the largest amount read (999,999,999,999,999.99 元): a field for amounts shows it whole
MAX_FEN: Fen = int(_MAX_YUAN * 100) - 1


class MoneyError(ValueError):
    """An amount that cannot be read exactly. ``str(err)`` is a message for the user."""


WAN = Decimal(10_000)


def parse_decimal_amount(text: str) -> Decimal:
    """Parse an amount of 元 written by a person into a Decimal (no rounding, no float).
    ``510万`` / ``510万元`` are read as 5,100,000 元."""
    if not isinstance(text, str):
        raise MoneyError(Message(QT_TRANSLATE_NOOP("domain", "金额必须是文字")))
    if len(text) > 100:
        raise MoneyError(Message(QT_TRANSLATE_NOOP("domain", "金额太长")))
    s = unicodedata.normalize("NFKC", text).strip()
    s = s.replace("，", ",").replace(" ", "")
    if s.startswith(("¥", "￥")):
        s = s[1:]
    if s.endswith("元"):
        s = s[:-1]
    scale = Decimal(1)
    if s.endswith("万"):
        s, scale = s[:-1], WAN
        if not s:
            raise MoneyError(Message(QT_TRANSLATE_NOOP("domain", "“万”前面缺少数字")))
    if not s:
        raise MoneyError(Message(QT_TRANSLATE_NOOP("domain", "金额为空")))
    if "," in s:
        if not _GROUPED.match(s):
            raise MoneyError(
                Message(
                    QT_TRANSLATE_NOOP("domain", "金额“{text}”的千位分隔符位置不对"),
                    text=text.strip(),
                )
            )
        s = s.replace(",", "")
    elif not _PLAIN.match(s):
        raise MoneyError(
            Message(
                QT_TRANSLATE_NOOP("domain", "“{text}”不是金额，只能包含数字、小数点和千位分隔符"),
                text=text.strip(),
            )
        )
    try:
        value = Decimal(s)
    except InvalidOperation as exc:  # pragma: no cover - the regexes above rule this out
        raise MoneyError(
            Message(QT_TRANSLATE_NOOP("domain", "“{text}”不是金额"), text=text.strip())
        ) from exc
    value *= scale
    if abs(value) >= _MAX_YUAN:
        raise MoneyError(
            Message(QT_TRANSLATE_NOOP("domain", "金额“{text}”太大"), text=text.strip())
        )
    return value


def to_fen(yuan: Decimal) -> Fen:
    """Convert an exact Decimal amount of 元 to integer 分; refuse fractions of a 分."""
    fen = yuan * 100
    if fen != fen.to_integral_value():
        raise MoneyError(
            Message(
                QT_TRANSLATE_NOOP("domain", "金额“{yuan}”最多只能有两位小数（精确到分）"), yuan=yuan
            )
        )
    return int(fen)


def parse_money(text: str) -> Fen:
    """Parse ``5,100,000.00`` / ``5100000`` / ``510万`` / ``0`` into integer 分.
    A negative amount is refused: no field of the form takes one."""
    value = parse_decimal_amount(text)
    if value < 0:
        raise MoneyError(
            Message(QT_TRANSLATE_NOOP("domain", "金额“{text}”不能是负数"), text=text.strip())
        )
    return to_fen(value)


def format_wan(fen: Fen) -> str:
    """Integer 分 as 万元, exact, without trailing zeros: 510000000 → ``510万元``,
    512345 → ``0.512345万元``."""
    wan = (Decimal(int(fen)) / 100 / WAN).normalize()
    text = f"{wan:f}"
    return f"{text}万元"


def format_money(fen: Fen) -> str:
    """Format integer 分 as ``5,100,000.00`` (a minus sign for negative amounts)."""
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(int(fen)), 100)
    return f"{sign}{yuan:,}.{cents:02d}"


def fen_to_decimal(fen: Fen) -> Decimal:
    """Integer 分 as a Decimal of 元 with two places (for JSON and spreadsheets)."""
    return (Decimal(int(fen)) / 100).quantize(Decimal("0.01"))


def decimal_string(fen: Fen) -> str:
    """Integer 分 as a plain decimal string with two places: ``"5100000.00"``."""
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(int(fen)), 100)
    return f"{sign}{yuan}.{cents:02d}"
