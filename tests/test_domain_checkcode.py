"""The check code printed on each page: round trip, and every typing error of the two
common kinds (one character changed, two neighbours swapped) refused by the check
character."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain import checkcode
from desktop.domain.checkcode import ALPHABET, CheckCodeError, Stamp, parse, stamp_for

AMBIGUOUS = set("0O1IL")

stamps = st.builds(
    lambda pid, digest, rev, pages, at, frac: stamp_for(
        str(pid), digest, rev, max(1, round(frac * pages)), pages, at
    ),
    st.uuids(),
    st.text("0123456789abcdef", min_size=64, max_size=64),
    st.integers(1, 10**6),
    st.integers(1, 120),
    st.datetimes(datetime(2020, 1, 1), datetime(2099, 12, 31)),
    st.floats(0, 1),
)


def _errors(code: str):
    """Every single substitution and every adjacent transposition of ``code``."""
    for i, ch in enumerate(code):
        for other in ALPHABET:
            if other != ch:
                yield code[:i] + other + code[i + 1 :]
    for i in range(len(code) - 1):
        if code[i] != code[i + 1]:
            yield code[:i] + code[i + 1] + code[i] + code[i + 2 :]


def test_the_alphabet_has_no_look_alikes_and_a_prime_size():
    assert not AMBIGUOUS & set(ALPHABET)
    assert len(set(ALPHABET)) == 31  # prime: the weighted check catches every error below


def _check_every_error_refused(stamp: Stamp) -> None:
    code = stamp.code
    assert len(code) == 12 and set(code) <= set(ALPHABET)
    assert checkcode.is_valid(code)
    for wrong in _errors(code):
        assert not checkcode.is_valid(wrong), (code, wrong)
        with pytest.raises(CheckCodeError, match="校验码有误"):
            parse(checkcode.grouped(wrong))


@settings(max_examples=80, deadline=None)
@given(stamps)
def test_every_single_substitution_and_adjacent_swap_is_refused(stamp):
    _check_every_error_refused(stamp)


@pytest.mark.slow
@settings(max_examples=5000, deadline=None)
@given(stamps)
def test_every_single_substitution_and_adjacent_swap_is_refused_many(stamp):
    _check_every_error_refused(stamp)


@settings(max_examples=150, deadline=None)
@given(stamps)
def test_code_and_qr_text_give_back_what_was_printed(stamp):
    typed = parse(checkcode.grouped(stamp.code).lower())
    assert (typed.id_key, typed.hash_key) == (stamp.id_key, stamp.hash_key)
    if stamp.pages <= checkcode.MAX_PAGES:
        assert (typed.page, typed.pages) == (stamp.page, stamp.pages)
    else:  # a form of more than 90 pages: the code says only "beyond"; the QR has them
        assert (typed.page, typed.pages) == (0, 0)
    scanned = parse(stamp.qr_text)
    assert scanned == stamp
    assert scanned.code == stamp.code
    # Digits (QR's numeric mode, 34 of them: a version 1 symbol at level M) for every form
    # of up to 90 pages printed since 2020, which a scanner types the same under any
    # keyboard layout and input method; the longer text of the first format otherwise.
    # (24 bits of minutes from 2020: until November 2051; 16 bits of revision)
    since = stamp.printed_at - datetime(2020, 1, 1)
    fits = stamp.pages <= checkcode.MAX_PAGES and since < timedelta(minutes=1 << 24)
    if fits and stamp.revision < 1 << 16:
        assert len(stamp.qr_text) == 34 and stamp.qr_text.isdigit()
    else:
        assert stamp.qr_text.startswith("JX1 ")
    assert set(stamp.qr_text) <= set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ /")


def test_the_code_identifies_project_version_and_page():
    pid = str(uuid.uuid4())
    at = datetime(2026, 12, 4, 22, 3)
    a = stamp_for(pid, "3f" * 32, 3, 1, 2, at)
    assert stamp_for(pid, "3f" * 32, 3, 2, 2, at).code != a.code  # another page
    assert stamp_for(pid, "40" * 32, 3, 1, 2, at).code != a.code  # other content
    assert stamp_for(str(uuid.uuid4()), "3f" * 32, 3, 1, 2, at).code != a.code
    # The print time and revision are in the QR text, not in the code: a reprint of the
    # same content has the same code.
    assert stamp_for(pid, "3f" * 32, 4, 1, 2, datetime(2027, 1, 1)).code == a.code
    scanned = parse(a.qr_text)
    assert (scanned.revision, scanned.printed_at, scanned.page, scanned.pages) == (3, at, 1, 2)
    assert scanned.hash_prefix == "3f3f3f3" and len(a.qr_text) == 34


def test_a_qr_text_of_the_first_format_is_still_read():
    """Papers printed before the compact QR text carry ``JX1 CODE R P T H``."""
    pid = str(uuid.uuid4())
    stamp = stamp_for(pid, "3f" * 32, 3, 2, 5, datetime(2026, 12, 4, 22, 3))
    old = f"JX1 {stamp.code} R3 P2/5 T202612042203 H3F3F3F3F3F3F"
    scanned = parse(old)
    assert (scanned.id_key, scanned.hash_key, scanned.page, scanned.pages) == (
        stamp.id_key,
        stamp.hash_key,
        2,
        5,
    )
    assert scanned.revision == 3 and scanned.printed_at == datetime(2026, 12, 4, 22, 3)
    assert scanned.matches_hash("3f" * 32) and not scanned.matches_hash("3f" * 5 + "00" * 27)


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        ("", "请输入"),
        ("K7RM-4XQ2", "应为 12 个字符"),
        ("K7RM-4XQ2-H9T0", "0"),
        ("K7RM-4XQ2-H9TI", "I"),
        ("JX1 GARBAGE", "二维码"),
    ],
)
def test_refusals_say_why(typed, why):
    with pytest.raises(CheckCodeError) as err:
        parse(typed)
    assert why in str(err.value)


def test_typed_forms_accepted():
    stamp = stamp_for(str(uuid.uuid4()), "ab" * 32, 1, 1, 1, datetime(2026, 1, 1))
    code = stamp.code
    fullwidth = "".join(chr(ord(c) + 0xFEE0) for c in code)  # an input method's ＫＲ７…
    for typed in (
        code,
        code.lower(),
        checkcode.grouped(code),
        f" {code[:6]} {code[6:]} ",
        fullwidth,
    ):
        assert parse(typed).id_key == stamp.id_key


def test_a_qr_text_whose_parts_disagree_is_refused():
    stamp = stamp_for(str(uuid.uuid4()), "ab" * 32, 1, 2, 3, datetime(2026, 1, 1))
    text = f"JX1 {stamp.code} R1 P2/3 T202601010000 HABABABABABA"  # the first format
    with pytest.raises(CheckCodeError, match="页码"):
        parse(text.replace("P2/3", "P3/3"))
    with pytest.raises(CheckCodeError, match="不符"):
        parse(text.replace("HABAB", "H0000"))
