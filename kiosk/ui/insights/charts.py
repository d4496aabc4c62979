"""Simple painted charts for the insights: bars with their figures written beside them, so a
chart reads without a legend, and the same figures as text for assistive technology.

They take their colours from their palette (text: WindowText, bars: Highlight, tracks: Mid)
and their sizes from their font, so the admin screen's style sheet (larger text, high
contrast) and the studio's desktop look both apply without a setting of their own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    #: the figure as written beside the bar, e.g. "12 opened · 31 slides · 4 min"
    text: str


class BarChart(QWidget):
    """One horizontal bar per row: its label above, the bar, its figure after the bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: tuple[Bar, ...] = ()
        self._empty = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    @property
    def bars(self) -> tuple[Bar, ...]:
        return self._bars

    def set_bars(self, bars: Sequence[Bar], empty_text: str) -> None:
        self._bars = tuple(bars)
        self._empty = empty_text
        lines = [f"{bar.label}: {bar.text}" for bar in self._bars] or [empty_text]
        self.setAccessibleDescription("\n".join(lines))
        self.updateGeometry()
        self.update()

    def _row_height(self) -> int:
        line = QFontMetrics(self.font()).height()
        return 2 * line + line // 2

    def sizeHint(self) -> QSize:
        line = QFontMetrics(self.font()).height()
        rows = max(1, len(self._bars))
        return QSize(20 * line, rows * self._row_height() if self._bars else 2 * line)

    def minimumSizeHint(self) -> QSize:
        return QSize(10 * QFontMetrics(self.font()).height(), self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            palette = self.palette()
            text = palette.color(QPalette.ColorRole.WindowText)
            painter.setPen(text)
            metrics = QFontMetrics(self.font())
            line = metrics.height()
            if not self._bars:
                painter.drawText(
                    self.rect(), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), self._empty
                )
                return
            top_value = max((bar.value for bar in self._bars), default=0.0) or 1.0
            widest_text = max(metrics.horizontalAdvance(bar.text) for bar in self._bars)
            track = max(line, self.width() - widest_text - line)
            for row, bar in enumerate(self._bars):
                y = row * self._row_height()
                painter.setPen(text)
                painter.drawText(
                    QRectF(0, y, self.width(), line),
                    int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                    metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, self.width()),
                )
                bar_top = y + line + line * 0.1
                height = line * 0.8
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(palette.color(QPalette.ColorRole.Mid))
                painter.drawRect(QRectF(0, bar_top + height * 0.45, track, height * 0.1))
                painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
                width = track * max(0.0, bar.value) / top_value
                if bar.value > 0:
                    painter.drawRoundedRect(QRectF(0, bar_top, max(width, line * 0.2), height), 3, 3)
                painter.setPen(text)
                # In one column after the tracks: never over a track, and easy to read down.
                painter.drawText(
                    QRectF(track + line * 0.4, y + line, widest_text + line, line),
                    int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                    bar.text,
                )
        finally:
            painter.end()


class HourChart(QWidget):
    """Visits per hour of the day: 24 columns, every third hour labelled under them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._counts: tuple[int, ...] = (0,) * 24
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    @property
    def counts(self) -> tuple[int, ...]:
        return self._counts

    def set_counts(self, counts: Sequence[int], describe: str) -> None:
        if len(counts) != 24:
            raise ValueError("an hour chart needs 24 counts")
        self._counts = tuple(counts)
        self.setAccessibleDescription(describe)
        self.update()

    def sizeHint(self) -> QSize:
        line = QFontMetrics(self.font()).height()
        return QSize(24 * line, 8 * line)

    def minimumSizeHint(self) -> QSize:
        line = QFontMetrics(self.font()).height()
        return QSize(12 * line, 8 * line)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            palette = self.palette()
            metrics = QFontMetrics(self.font())
            line = metrics.height()
            top = max(self._counts) or 1
            column = self.width() / 24
            chart_top, chart_bottom = line * 1.2, self.height() - line * 1.2
            painter.setPen(palette.color(QPalette.ColorRole.Mid))
            painter.drawLine(0, round(chart_bottom), self.width(), round(chart_bottom))
            painter.setPen(palette.color(QPalette.ColorRole.WindowText))
            painter.drawText(
                QRectF(0, 0, self.width(), line),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                str(top),
            )
            for hour, count in enumerate(self._counts):
                x = hour * column
                if count:
                    height = (chart_bottom - chart_top) * count / top
                    painter.fillRect(
                        QRectF(x + column * 0.15, chart_bottom - height, column * 0.7, height),
                        palette.color(QPalette.ColorRole.Highlight),
                    )
                if hour % 3 == 0:
                    painter.drawText(
                        QRectF(x - column, chart_bottom + line * 0.1, column * 3, line),
                        int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                        f"{hour:02}",
                    )
        finally:
            painter.end()


@dataclass(frozen=True)
class Part:
    label: str
    count: int


class ShareBar(QWidget):
    """One bar split into parts (how visits ended), each part's label and share beneath it.
    Parts are told apart by shade and by the written labels, never by colour alone."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._parts: tuple[Part, ...] = ()
        self._empty = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    @property
    def parts(self) -> tuple[Part, ...]:
        return self._parts

    def set_parts(self, parts: Sequence[Part], empty_text: str) -> None:
        self._parts = tuple(parts)
        self._empty = empty_text
        total = sum(p.count for p in self._parts)
        self.setAccessibleDescription(
            "\n".join(f"{p.label}: {p.count} ({round(100 * p.count / total)} %)" for p in self._parts)
            if total
            else empty_text
        )
        self.updateGeometry()
        self.update()

    def legend_lines(self) -> list[str]:
        total = sum(p.count for p in self._parts)
        return [f"{p.label}: {p.count} ({round(100 * p.count / total)} %)" for p in self._parts] if total else []

    def sizeHint(self) -> QSize:
        line = QFontMetrics(self.font()).height()
        return QSize(20 * line, line * (2 + max(1, len(self._parts))))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            palette = self.palette()
            metrics = QFontMetrics(self.font())
            line = metrics.height()
            text = palette.color(QPalette.ColorRole.WindowText)
            total = sum(p.count for p in self._parts)
            painter.setPen(text)
            if not total:
                painter.drawText(
                    self.rect(), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), self._empty
                )
                return
            shades = _shades(
                palette.color(QPalette.ColorRole.Highlight), palette.color(QPalette.ColorRole.Window), len(self._parts)
            )
            x = 0.0
            for part, shade in zip(self._parts, shades, strict=True):
                width = self.width() * part.count / total
                painter.fillRect(QRectF(x, 0, width, line * 1.2), shade)
                x += width
            painter.setPen(text)
            for row, (line_text, shade) in enumerate(zip(self.legend_lines(), shades, strict=True)):
                y = line * (1.6 + row)
                painter.fillRect(QRectF(0, y + line * 0.2, line * 0.8, line * 0.6), shade)
                painter.drawRect(QRectF(0, y + line * 0.2, line * 0.8, line * 0.6))
                painter.drawText(
                    QRectF(line * 1.2, y, self.width(), line),
                    int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                    line_text,
                )
        finally:
            painter.end()


def _shades(strong: QColor, background: QColor, count: int) -> list[QColor]:
    """``count`` shades from ``strong`` towards ``background``: the first part stands out."""
    shades = []
    for index in range(count):
        mix = index / max(1, count) * 0.8
        shades.append(
            QColor(
                round(strong.red() + (background.red() - strong.red()) * mix),
                round(strong.green() + (background.green() - strong.green()) * mix),
                round(strong.blue() + (background.blue() - strong.blue()) * mix),
            )
        )
    return shades
