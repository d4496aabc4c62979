"""Grids of touch buttons that reflow: as many columns as the widest button allows."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QGridLayout, QWidget


def columns_that_fit(widgets: Sequence[QWidget], width: int, gap: int, max_columns: int) -> int:
    """The most columns (up to ``max_columns``) in which every widget gets its size hint."""
    if not widgets:
        return 1
    widest = max(w.sizeHint().width() for w in widgets)
    for columns in range(max(1, max_columns), 1, -1):
        if columns * widest + (columns - 1) * gap <= width:
            return columns
    return 1


def fill_grid(grid: QGridLayout, widgets: Sequence[QWidget], columns: int) -> None:
    """Put ``widgets`` into ``grid`` row by row in ``columns`` equal columns."""
    for widget in widgets:
        grid.removeWidget(widget)
    for column in range(grid.columnCount()):
        grid.setColumnStretch(column, 0)
    for index, widget in enumerate(widgets):
        grid.addWidget(widget, index // columns, index % columns)
    for column in range(columns):
        grid.setColumnStretch(column, 1)
