"""A row of buttons that wraps onto more rows when their texts do not fit the width.

Landscape screens fit a whole row; portrait screens and longer Spanish texts do not, and a
squeezed button clips its text. The owner calls :meth:`ButtonRow.reflow` after changing texts
or styles; a resize reflows by itself.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QPushButton, QWidget


class ButtonRow(QWidget):
    def __init__(
        self, buttons: Sequence[QPushButton], *, push_last_right: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._buttons = list(buttons)
        self._push_last_right = push_last_right
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._columns = 0
        self.reflow()

    def setSpacing(self, spacing: int) -> None:
        self._grid.setSpacing(spacing)
        self.reflow()

    def rows(self) -> int:
        return -(-len(self._buttons) // max(1, self._columns))

    def _needed(self, columns: int) -> int:
        """Width of the widest row when laid out in ``columns`` columns."""
        spacing = max(0, self._grid.spacing())
        widest = 0
        for start in range(0, len(self._buttons), columns):
            chunk = self._buttons[start : start + columns]
            widest = max(widest, sum(b.sizeHint().width() for b in chunk) + spacing * (len(chunk) - 1))
        # A grid gives every column the width of its widest cell.
        per_column = [
            max(self._buttons[i].sizeHint().width() for i in range(c, len(self._buttons), columns))
            for c in range(columns)
        ]
        needed = max(widest, sum(per_column) + spacing * (columns - 1))
        if columns == len(self._buttons) and self._push_last_right:
            needed += spacing  # the stretch column before the last button has its own gap
        return needed

    def reflow(self) -> None:
        # Let the parent layout offer less than one row needs, so that this can wrap.
        self.setMinimumWidth(max((b.sizeHint().width() for b in self._buttons), default=0))
        count = len(self._buttons)
        width = self.width()
        columns = count
        if width > 1:
            rows = 1
            # Balanced rows (3 + 3, not 5 + 1): the fewest rows whose widest row fits.
            while columns > 1 and self._needed(columns) > width:
                rows += 1
                columns = -(-count // rows)
        if columns == self._columns:
            return
        self._columns = columns
        for button in self._buttons:
            self._grid.removeWidget(button)
        for column in range(self._grid.columnCount()):
            self._grid.setColumnStretch(column, 0)
        if columns == count and self._push_last_right and count > 1:
            # One row: the last button (e.g. Exit kiosk) sits apart at the right edge.
            for index, button in enumerate(self._buttons[:-1]):
                self._grid.addWidget(button, 0, index)
            self._grid.setColumnStretch(count - 1, 1)
            self._grid.addWidget(self._buttons[-1], 0, count)
            return
        for index, button in enumerate(self._buttons):
            self._grid.addWidget(button, index // columns, index % columns)
        if columns == count:
            self._grid.setColumnStretch(count, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.reflow()
