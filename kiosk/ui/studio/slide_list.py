"""Slides at a glance: every slide in play order as the kiosk draws it, with its schedule
state and problems; reordered by drag and drop.

Thumbnails are the kiosk's own pictures of the slides (the render service, at background
priority, only for rows that are on screen), drawn from the deck of the last check that found
no error; until a newer one exists a slide keeps its last thumbnail.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from kiosk.core.model import Deck
from kiosk.core.studio.keys import DocKey
from kiosk.core.studio.schedule_status import ScheduleState
from kiosk.core.studio.slide_rows import SlideRow
from kiosk.ui.render.service import Priority, RenderResult, RenderService, RenderSpec

#: The thumbnail's size in the list (16:9), and the size slides are drawn at for it.
THUMB = QSize(192, 108)
THUMB_RENDER = QSize(960, 540)
ROW_HEIGHT = THUMB.height() + 16
MIME = "application/x-kiosk-studio-row"

KeyRole = Qt.ItemDataRole.UserRole + 1
RowRole = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class Thumbs:
    """Where thumbnails come from: the checked deck and the size (landscape or portrait)."""

    deck: Deck | None
    portrait: bool = False


class SlideListModel(QAbstractListModel):
    """The studio model's slide rows for a view; tells the studio model about moves."""

    def __init__(
        self,
        renders: RenderService,
        move: Callable[[int, int], None],
        describe: Callable[[SlideRow], str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._renders = renders
        self._move = move
        self._describe = describe
        self._rows: tuple[SlideRow, ...] = ()
        self._thumbs = Thumbs(None)
        self._images: dict[str, QPixmap] = {}
        self._asked: set[tuple[str, str, bool]] = set()

    # -- rows ----------------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[SlideRow]) -> None:
        rows = tuple(rows)
        if [r.key for r in rows] == [r.key for r in self._rows] and len(rows) == len(self._rows):
            self._rows = rows
            if rows:
                self.dataChanged.emit(self.index(0), self.index(len(rows) - 1))
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rows(self) -> tuple[SlideRow, ...]:
        return self._rows

    def row_of(self, key: DocKey) -> int | None:
        return next((i for i, row in enumerate(self._rows) if row.key == key), None)

    # -- thumbnails ----------------------------------------------------------------------------
    def set_thumbnail_deck(self, thumbs: Thumbs) -> None:
        """New slides to draw thumbnails from; rows keep their old picture until redrawn."""
        if thumbs == self._thumbs:
            return
        if thumbs.portrait != self._thumbs.portrait:
            self._images.clear()
        self._thumbs = thumbs
        self._renders.cancel_owner(self)
        self._asked.clear()
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1), [Qt.ItemDataRole.DecorationRole])

    def thumbnail(self, row: SlideRow) -> QPixmap | None:
        """The row's thumbnail, asking for it if it is not drawn for the newest deck yet."""
        deck = self._thumbs.deck
        if deck is not None and row.id is not None:
            slide = deck.slide(row.id) or next((s for s in deck.hidden if s.id == row.id), None)
            marker = (deck.version, row.id, self._thumbs.portrait)
            if slide is not None and marker not in self._asked:
                self._asked.add(marker)
                size = QSize(THUMB_RENDER.height(), THUMB_RENDER.width()) if self._thumbs.portrait else THUMB_RENDER
                self._renders.request(
                    RenderSpec.of(deck, slide, size, "en"),
                    partial(self._drawn, row.id),
                    priority=Priority.BACKGROUND,
                    owner=self,
                )
        return self._images.get(row.id or "")

    def _drawn(self, slide_id: str, result: RenderResult) -> None:
        if result.image is None:
            return
        box = QSize(THUMB.height() * 9 // 16, THUMB.height()) if self._thumbs.portrait else THUMB
        scaled = result.image.scaled(
            box, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        self._images[slide_id] = QPixmap.fromImage(scaled)
        for i, row in enumerate(self._rows):
            if row.id == slide_id:
                index = self.index(i)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    # -- Qt's model API ------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        if parent is not None and parent.isValid():
            return 0
        return len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.label
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{row.label}. {self._describe(row)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [self._describe(row)] + [str(p.problem) for p in row.problems]
            return "\n".join(lines)
        if role == Qt.ItemDataRole.DecorationRole:
            return self.thumbnail(row)
        if role == KeyRole:
            return row.key
        if role == RowRole:
            return row
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid():
            return base | Qt.ItemFlag.ItemIsDropEnabled
        if self._rows[index.row()].position is not None:
            base |= Qt.ItemFlag.ItemIsDragEnabled
        return base

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        data.setData(MIME, QByteArray(",".join(str(r) for r in rows).encode()))
        return data

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        if action != Qt.DropAction.MoveAction or not data.hasFormat(MIME):
            return False
        try:
            dragged = [int(r) for r in bytes(data.data(MIME).data()).decode().split(",") if r]
        except ValueError:
            return False
        if len(dragged) != 1 or not 0 <= dragged[0] < len(self._rows):
            return False
        target_row = parent.row() if row < 0 and parent.isValid() else row
        if target_row < 0:
            target_row = len(self._rows)
        self.move_row(dragged[0], target_row)
        # False: the move is done; the view must not also remove the dragged row itself.
        return False

    def move_row(self, source: int, before: int) -> None:
        """Move the row ``source`` so it comes just before row ``before`` (the end when
        ``before`` is past the last row), in play order."""
        origin = self._rows[source].position
        listed = [r.position for r in self._rows if r.position is not None]
        if origin is None or not listed:
            return
        if before >= len(self._rows):
            target = max(listed)
        else:
            after = self._rows[before].position
            if after is None:
                target = max(listed)
            else:
                target = after - 1 if after > origin else after
        if target != origin:
            self._move(origin, target)


class SlideDelegate(QStyledItemDelegate):
    """A thumbnail, the title, and a line with the kind, schedule state and problems."""

    def __init__(self, describe: Callable[[SlideRow], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._describe = describe

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(THUMB.width() + 120, ROW_HEIGHT)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        row: SlideRow | None = index.data(RowRole)
        if row is None:
            return
        painter.save()
        rect: QRect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = option.palette
        if selected:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.Highlight))
        text_colour = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        if row.hidden or row.schedule.state in (ScheduleState.ENDED, ScheduleState.NEVER, ScheduleState.UNLISTED):
            painter.setOpacity(0.55)
        thumb_rect = QRect(rect.left() + 8, rect.top() + 8, THUMB.width(), THUMB.height())
        pixmap = index.data(Qt.ItemDataRole.DecorationRole)
        if isinstance(pixmap, QPixmap) and not pixmap.isNull():
            target = QRect(0, 0, pixmap.width(), pixmap.height())
            target.moveCenter(thumb_rect.center())
            painter.drawPixmap(target, pixmap)
        else:
            painter.fillRect(thumb_rect, QColor("#dfe5e8"))
            painter.setPen(QColor("#5b6b73"))
            painter.drawText(thumb_rect, int(Qt.AlignmentFlag.AlignCenter), row.kind or "?")
        painter.setOpacity(1.0)
        left = thumb_rect.right() + 12
        width = rect.right() - left - 8
        title_font = QFont(option.font)
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(text_colour)
        metrics = QFontMetrics(title_font)
        title = metrics.elidedText(row.label, Qt.TextElideMode.ElideRight, width)
        painter.drawText(QRect(left, rect.top() + 10, width, metrics.height()), 0, title)
        body_font = QFont(option.font)
        painter.setFont(body_font)
        body_metrics = QFontMetrics(body_font)
        y = rect.top() + 14 + metrics.height()
        line = body_metrics.elidedText(self._describe(row), Qt.TextElideMode.ElideRight, width)
        painter.drawText(QRect(left, y, width, body_metrics.height()), 0, line)
        y += body_metrics.height() + 4
        errors, warnings = len(row.errors), len(row.warnings)
        if errors or warnings or row.needs_text:
            colour = QColor("#b3261e") if errors or row.needs_text else QColor("#8a5a00")
            painter.setPen(text_colour if selected else colour)
            words = self._problem_words(row)
            painter.drawText(
                QRect(left, y, width, body_metrics.height() * 2),
                int(Qt.TextFlag.TextWordWrap),
                body_metrics.elidedText(words, Qt.TextElideMode.ElideRight, width * 2),
            )
        painter.restore()

    def _problem_words(self, row: SlideRow) -> str:
        parts = []
        if row.errors:
            parts.append(self.tr("%n problem(s) to fix", "", len(row.errors)))
        if row.needs_text:
            parts.append(self.tr("needs its text"))
        if row.warnings:
            parts.append(self.tr("%n warning(s)", "", len(row.warnings)))
        return "; ".join(parts)


class SlideListView(QListView):
    """The list: one slide per row, dragged to reorder."""

    def __init__(self, model: SlideListModel, delegate: SlideDelegate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setItemDelegate(delegate)
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # Rows take the list's width (long titles are cut with "…"): no sideways scrolling.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(THUMB.width() + 240)
