"""A guard against a reference-count bug of PySide6 6.12.0 on Python 3.11.

Measured (``bench/none_refcount.py``, and the minimal reproduction in
``tests/test_ui_refcounts.py``): in PySide6 6.12.0 every ``SignalInstance.emit()`` returns
``True`` without counting a reference, every Python override of a virtual that returns
``None`` (``data()`` for a role it does not handle) gives one reference of ``None`` away,
and so does ``QSortFilterProxyModel.invalidate()``. Each call lowers the count of the
singleton by one. Python 3.11 still counts references on ``None``, ``True`` and ``False``
(3.12 made them immortal): after enough filtering and opening of large projects — a few
minutes on a 10,000-project file — the count reaches zero and the interpreter aborts at
exit with ``Fatal Python error: none_dealloc`` (or ``bool_dealloc``), after the data was
written (exit code 0 or a crash report).

The guard gives these singletons what Python 3.12 gives them: a reference count so large
that no leak of this kind can bring it to zero (they are never freed anyway). On 3.12 and
later nothing is done.
"""

from __future__ import annotations

import ctypes
import sys

_HEADROOM = 1 << 40  # 10^12 lost references: years of continuous use


def immortalize_singletons() -> bool:
    """Raise the reference counts of None, True, False (and Ellipsis, NotImplemented) far
    out of reach of a leak; True if it was done (Python < 3.12 in CPython)."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    for obj in (None, True, False, Ellipsis, NotImplemented):
        refcnt = ctypes.c_ssize_t.from_address(id(obj))  # ob_refcnt is the first field
        if refcnt.value < _HEADROOM:
            refcnt.value += _HEADROOM
    return True
