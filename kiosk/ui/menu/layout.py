"""Grids of touch buttons and topic cards that reflow with the screen and the text size."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QGridLayout, QWidget

#: Among layouts that fit: what each extra line of the longest title costs, in the units of a
#: card's aspect ratio being off by a factor of e.
LINE_COST = 0.3
#: Among layouts that must scroll: what overflowing by the whole height costs, and what each
#: extra title line costs (more: many short lines in narrow cards read worse than a scroll).
OVERFLOW_COST = 3.0
SCROLLED_LINE_COST = 0.6
#: What each empty place in the last row costs (a lone card under a full row looks lost).
EMPTY_CELL_COST = 0.25


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


def even_columns_that_fit(widgets: Sequence[QWidget], width: int, gap: int) -> int:
    """Like :func:`columns_that_fit`, but only counts that fill every row (4 buttons: 4, 2
    or 1 columns), so a group of switches never leaves one alone on a row of its own."""
    count = len(widgets)
    for columns in range(count, 0, -1):
        if count % columns == 0 and columns_that_fit(widgets, width, gap, columns) == columns:
            return columns
    return 1


def card_columns(
    count: int,
    width: int,
    height: int,
    gap: int,
    *,
    needed_height: Callable[[int], int],
    max_height: int,
    min_width: int,
    title_lines: Callable[[int], int] = lambda _width: 1,
    max_columns: int = 4,
    ideal_aspect: float = 3.0,
) -> int:
    """How many columns of cards to lay ``count`` cards out in, in a ``width`` x ``height`` area.

    A layout in which every card gets the height its content needs (``needed_height(card
    width)``) beats any that must scroll. Among those that fit, the one whose cards (as tall as
    the rows allow, up to ``max_height``) are closest to ``ideal_aspect`` (an icon beside a
    title, an easy target) with the fewest wrapped title lines (``title_lines(card width)``)
    and empty places in the last row wins; among those that scroll, the one that overflows least with the fewest title lines.
    Cards narrower than ``min_width`` (a title's longest word would not fit) are never chosen.
    """
    if count <= 1:
        return 1
    best: tuple[tuple[int, float], int] | None = None
    for columns in range(1, min(count, max_columns) + 1):
        card_width = (width - (columns - 1) * gap) // columns
        if columns > 1 and card_width < min_width:
            break
        rows = -(-count // columns)
        needed = needed_height(card_width)
        extra_lines = title_lines(card_width) - 1
        overflow = rows * needed + (rows - 1) * gap - height
        if overflow <= 0:
            card_height = min((height - (rows - 1) * gap) // rows, max(max_height, needed))
            aspect = abs(math.log((card_width / max(1, card_height)) / ideal_aspect))
            key = (0, aspect + LINE_COST * extra_lines + EMPTY_CELL_COST * (rows * columns - count))
        else:
            key = (1, OVERFLOW_COST * overflow / max(1, height) + SCROLLED_LINE_COST * extra_lines)
        if best is None or key < best[0]:
            best = (key, columns)
    return best[1] if best is not None else 1
