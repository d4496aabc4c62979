"""Taps for the offscreen UI tests (a left click is what a touch screen's tap arrives as)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget


def tap(widget: QWidget, pos: QPoint | None = None) -> None:
    """A tap on ``widget`` at ``pos`` (its own coordinates), by default its centre."""
    where = widget.rect().center() if pos is None else pos
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, where)
