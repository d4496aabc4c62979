"""Regression guard for the PySide6 6.12.0 / CPython 3.11 ``none_dealloc`` defect.

6.12.0 drops a reference to ``None`` on every call of a method that returns nothing; after
some thousands of calls CPython aborts with "Fatal Python error: none_dealloc". The pin in
pyproject.toml avoids it; this test fails if a future pin brings it back.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QPointF
from PySide6.QtGui import QImage, QPainter

CALLS = 100_000


def test_void_methods_keep_none_refcount(qapp) -> None:
    image = QImage(16, 16, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    point = QPointF(1.0, 1.0)
    try:
        before = sys.getrefcount(None)
        for i in range(CALLS):
            painter.setOpacity(0.5)  # returns nothing
            point.setX(float(i & 7))  # returns nothing, another binding path
        after = sys.getrefcount(None)
    finally:
        painter.end()
    # Unrelated code may take or drop a handful of references; the defect loses 2 per loop.
    assert abs(after - before) < 1_000, f"None refcount moved by {after - before} over {CALLS} calls"
