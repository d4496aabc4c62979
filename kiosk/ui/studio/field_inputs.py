"""One input per kind of field, chosen by the field's declared type (kiosk/core/fields.py).

Every input takes the field's current :class:`~kiosk.core.studio.editor.FieldState`, writes
edits straight into the studio model (each edit one undo step; typing in one text merges), and
is refreshed with the new state after any change. An input never overwrites what staff are
typing: a refresh that is not forced (undo, redo, a reload) leaves a focused box alone.
"""

from __future__ import annotations

import contextlib
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QEvent, QObject, QSize, Qt, QTime, Signal
from PySide6.QtGui import QColor, QImageReader, QKeyEvent, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.fields import NOTICE_LEVELS, FieldType
from kiosk.core.schedule import ALL_WEEKDAYS, TimeWindow
from kiosk.core.studio.editor import FieldState
from kiosk.core.studio.field_editor import FieldEditor
from kiosk.core.studio.pictures import PictureError
from kiosk.core.studio.schedule_values import ScheduleValue, Unreadable, parse_window
from kiosk.core.studio.values import DayHours, TextValue, TopicValue

LANGUAGE_NAMES = {"en": "English", "es": "Español"}


@dataclass(frozen=True)
class InputContext:
    """What inputs need beyond their field."""

    editor: FieldEditor
    #: The content folder: pictures are previewed from it.
    root: Path
    #: Asks staff for a picture file (None: cancelled).
    choose_picture: Callable[[], Path | None]
    #: Tells staff something went wrong (a picture that cannot be used...).
    report: Callable[[str], None]
    #: Model undo and redo, also from inside a text box (whose own undo would shadow them).
    undo_redo: Callable[[bool], None]


class _ModelUndo(QObject):
    """Sends Ctrl+Z / Ctrl+Shift+Z in a text box to the studio's undo and redo instead of the
    box's own (which knows nothing of the model's steps)."""

    def __init__(self, undo_redo: Callable[[bool], None], parent: QObject) -> None:
        super().__init__(parent)
        self._undo_redo = undo_redo

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and isinstance(event, QKeyEvent):
            for standard, redo in ((QKeySequence.StandardKey.Undo, False), (QKeySequence.StandardKey.Redo, True)):
                if event.matches(standard):
                    event.accept()
                    if event.type() == QEvent.Type.KeyPress:
                        self._undo_redo(redo)
                    return True
        return False


def _guard_undo(widget: QWidget, context: InputContext) -> None:
    widget.installEventFilter(_ModelUndo(context.undo_redo, widget))


class FieldInput(QWidget):
    """Base of the inputs: ``refresh`` shows a new state of the field."""

    #: The input changed the model (the editor panel refreshes the other fields).
    edited = Signal()

    def __init__(self, state: FieldState, context: InputContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.context = context

    @property
    def path(self) -> str:
        return self.state.path

    def refresh(self, state: FieldState, *, force: bool = False) -> None:
        self.state = state

    def focus_widget(self) -> QWidget:
        """What gets the keyboard focus when staff go to this field (from a problem)."""
        return self


def _set_text(box: QLineEdit | QPlainTextEdit, text: str, force: bool) -> None:
    if box.hasFocus() and not force:
        return
    current = box.text() if isinstance(box, QLineEdit) else box.toPlainText()
    # Texts are stored without edge spaces: the space just typed before the next word is no
    # change to undo (whether or not the box has the keyboard focus).
    if current == text or (not force and current.strip() == text.strip()):
        return
    blocked = box.blockSignals(True)
    try:
        if isinstance(box, QLineEdit):
            box.setText(text)
        else:
            box.setPlainText(text)
    finally:
        box.blockSignals(blocked)


# --- texts --------------------------------------------------------------------------------------


class TextInput(FieldInput):
    """A text in each language, side by side, each with its count against the real limit."""

    def __init__(self, state: FieldState, context: InputContext, parent: QWidget | None = None) -> None:
        super().__init__(state, context, parent)
        self._multiline = state.type is FieldType.MARKDOWN
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._boxes: dict[str, QLineEdit | QPlainTextEdit] = {}
        self._counts: dict[str, QLabel] = {}
        for language in context.editor.languages:
            column = QVBoxLayout()
            box: QLineEdit | QPlainTextEdit
            if self._multiline:
                plain = QPlainTextEdit()
                plain.setTabChangesFocus(True)
                plain.setMinimumHeight(96)
                plain.textChanged.connect(lambda lang=language: self._typed(lang))
                box = plain
            else:
                line = QLineEdit()
                line.textEdited.connect(lambda _text, lang=language: self._typed(lang))
                box = line
            _guard_undo(box, context)
            box.setAccessibleName(f"{state.name} ({LANGUAGE_NAMES.get(language, language)})")
            count = QLabel()
            count.setAlignment(Qt.AlignmentFlag.AlignRight)
            header = QHBoxLayout()
            header.addWidget(QLabel(LANGUAGE_NAMES.get(language, language)))
            header.addStretch(1)
            header.addWidget(count)
            column.addLayout(header)
            column.addWidget(box)
            layout.addLayout(column, 1)
            self._boxes[language] = box
            self._counts[language] = count
        self.refresh(state, force=True)

    def _typed(self, language: str) -> None:
        box = self._boxes[language]
        text = box.text() if isinstance(box, QLineEdit) else box.toPlainText()
        # Stripped: the kiosk shows no edge spaces, and a space typed on the way to the next
        # word must not make the file quote the text.
        self.context.editor.set_text(self.path, language, text.strip() or None)
        self.edited.emit()

    def refresh(self, state: FieldState, *, force: bool = False) -> None:
        super().refresh(state, force=force)
        value = state.value if isinstance(state.value, TextValue) else None
        for language, box in self._boxes.items():
            entry = value.get(language) if value is not None else None
            _set_text(box, entry.text or "" if entry is not None else "", force)
            self._show_count(language, entry.length if entry is not None else None, state.limit)

    def _show_count(self, language: str, length: int | None, limit: int | None) -> None:
        label = self._counts[language]
        if limit is None:
            label.setText("" if length is None else str(length))
            return
        used = length or 0
        label.setText(self.tr("{used} of {limit}").format(used=used, limit=limit))
        label.setStyleSheet("color: #b3261e; font-weight: bold;" if used > limit else "color: #5b6b73;")
        label.setAccessibleName(self.tr("{used} of {limit} characters").format(used=used, limit=limit))

    def focus_widget(self) -> QWidget:
        return next(iter(self._boxes.values()))

    def box(self, language: str) -> QLineEdit | QPlainTextEdit:
        return self._boxes[language]


class TextListInput(FieldInput):
    """Points or steps: one row of texts per item; add, remove and move them."""

    def __init__(self, state: FieldState, context: InputContext, parent: QWidget | None = None) -> None:
        super().__init__(state, context, parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._rows: list[tuple[QWidget, dict[str, QLineEdit], dict[str, QLabel]]] = []
        self._rows_box = QVBoxLayout()
        self._layout.addLayout(self._rows_box)
        self._add = QPushButton(self.tr("Add"))
        self._add.setAccessibleName(self.tr("Add an item to {field}").format(field=state.name))
        self._add.clicked.connect(self._add_item)
        self._layout.addWidget(self._add, 0, Qt.AlignmentFlag.AlignLeft)
        self.refresh(state, force=True)

    def _items(self, state: FieldState) -> tuple[TextValue | None, ...]:
        return tuple(state.value) if isinstance(state.value, tuple) else ()

    def refresh(self, state: FieldState, *, force: bool = False) -> None:
        super().refresh(state, force=force)
        items = self._items(state)
        if len(items) != len(self._rows):
            self._rebuild(len(items))
            force = True
        for index, item in enumerate(items):
            _widget, boxes, counts = self._rows[index]
            for language, box in boxes.items():
                entry = item.get(language) if item is not None else None
                _set_text(box, entry.text or "" if entry is not None else "", force)
                used = entry.length or 0 if entry is not None else 0
                if state.limit is not None:
                    counts[language].setText(f"{used}/{state.limit}")
                    counts[language].setStyleSheet("color: #b3261e;" if used > state.limit else "color: #5b6b73;")
        full = state.max_items is not None and len(items) >= state.max_items
        self._add.setEnabled(not full)
        self._add.setToolTip(self.tr("At most {count}").format(count=state.max_items) if full else "")

    def _rebuild(self, count: int) -> None:
        for widget, _boxes, _counts in self._rows:
            self._rows_box.removeWidget(widget)
            widget.setParent(None)
            widget.deleteLater()
        self._rows = []
        for index in range(count):
            self._rows.append(self._make_row(index, count))

    def _make_row(self, index: int, count: int) -> tuple[QWidget, dict[str, QLineEdit], dict[str, QLabel]]:
        widget = QWidget()
        layout = QHBoxLayout(widget)
        layout.setContentsMargins(0, 0, 0, 0)
        number = QLabel(f"{index + 1}.")
        number.setMinimumWidth(24)
        layout.addWidget(number)
        boxes: dict[str, QLineEdit] = {}
        counts: dict[str, QLabel] = {}
        for language in self.context.editor.languages:
            box = QLineEdit()
            box.setAccessibleName(
                self.tr("{field} {number} ({language})").format(
                    field=self.state.name, number=index + 1, language=LANGUAGE_NAMES.get(language, language)
                )
            )
            box.setPlaceholderText(LANGUAGE_NAMES.get(language, language))
            box.textEdited.connect(lambda text, i=index, lang=language: self._typed(i, lang, text))
            _guard_undo(box, self.context)
            label = QLabel()
            layout.addWidget(box, 1)
            layout.addWidget(label)
            boxes[language] = box
            counts[language] = label
        for text, name, step, enabled in (
            ("↑", self.tr("Move up"), -1, index > 0),
            ("↓", self.tr("Move down"), 1, index < count - 1),
        ):
            button = QToolButton()
            button.setText(text)
            button.setAccessibleName(f"{name} {index + 1}")
            button.setToolTip(name)
            button.setEnabled(enabled)
            button.clicked.connect(lambda _c=False, i=index, s=step: self._move(i, s))
            layout.addWidget(button)
        remove = QToolButton()
        remove.setText("✕")
        remove.setToolTip(self.tr("Remove"))
        remove.setAccessibleName(self.tr("Remove {number}").format(number=index + 1))
        remove.clicked.connect(lambda _c=False, i=index: self._remove(i))
        layout.addWidget(remove)
        self._rows_box.addWidget(widget)
        return widget, boxes, counts

    def _typed(self, index: int, language: str, text: str) -> None:
        self.context.editor.set_text(f"{self.path}[{index}]", language, text.strip() or None)
        self.edited.emit()

    def _add_item(self) -> None:
        # Content, not the studio's own words: the English text of the new item, to be replaced.
        self.context.editor.add_item(self.path, {"en": "New item"})
        self.edited.emit()

    def _remove(self, index: int) -> None:
        self.context.editor.remove_item(self.path, index)
        self.edited.emit()

    def _move(self, index: int, step: int) -> None:
        self.context.editor.move_item(self.path, index, index + step)
        self.edited.emit()

    def focus_widget(self) -> QWidget:
        if self._rows:
            return next(iter(self._rows[0][1].values()))
        return self._add


# --- plain values -------------------------------------------------------------------------------


class LineInput(FieldInput):
    """One line (names, ids, links, QR targets): written when staff leave the box or press Enter."""

    def __init__(self, state: FieldState, context: InputContext, parent: QWidget | None = None) -> None:
        super().__init__(state, context, parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.box = QLineEdit()
        self.box.setAccessibleName(state.name)
        self.box.editingFinished.connect(self._commit)
        _guard_undo(self.box, context)
        layout.addWidget(self.box)
        self.refresh(state, force=True)

    def _shown(self, state: FieldState) -> str:
        if state.value is not None:
            return str(state.value)
        return state.raw or ""

    def refresh(self, state: FieldState, *, force: bool = False) -> None:
        super().refresh(state, force=force)
        _set_text(self.box, self._shown(state), force)

    def _commit(self) -> None:
        text = self.box.text().strip()
        if text == self._shown(self.state).strip():
            return
        self.context.editor.set_value(self.path, text or None)
        self.edited.emit()

    def focus_widget(self) -> QWidget:
        return self.box


class KindInput(FieldInput):
    """The kind of slide, shown by name (it is chosen when the slide is added)."""

    def __init__(
        self, state: FieldState, context: InputContext, name_of: Callable[[str], str], parent: QWidget | None = None
    ) -> None:
        super().__init__(state, context, parent)
        self._name_of = name_of
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._label = QLabel()
        layout.addWidget(self._label)
        self.refresh(state, force=True)

    def refresh(self, state: FieldState, *, force: bool = False) -> None:
        super().refresh(state, force=force)
        self._label.setText(self._name_of(str(state.value or state.raw or "")))


class ChoiceInput(FieldInput):
    """A topic, or a time zone: one of a list."""

    def __init__(
        self,
        state: FieldState,
        context: InputContext,
        choices: list[tuple[str, str]],
        parent: QWidget | None = None,
        *,
        editable: bool = False,
    ) -> None:
        super().__init__(state, context, parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.combo = QComboBox()
        self.combo.setEditable(editable)
        self.combo.setAccessibleName(state.name)
        for value, label in choices:
            self.combo.addItem(label, value)
        self.combo.activated.connect(self._chosen)
        layout.addWidget(self.combo)
        layout.addStretch(1)
        self.refresh(state, force=True)

    def refresh(self, state: FieldState, *, force: bool = False) -> None:
        super().refresh(state, force=force)
        current = str(state.value or state.raw or "")
        index = self.combo.findData(current)
        blocked = self.combo.blockSignals(True)
        try:
            if index < 0 and current:
                self.combo.addItem(current, current)
                index = self.combo.count() - 1
            self.combo.setCurrentIndex(index)
        finally:
            self.combo.blockSignals(blocked)

    def _chosen(self, index: int) -> None:
        value = self.combo.itemData(index)
        if value is None and self.combo.isEditable():
            value = self.combo.currentText().strip()
        if value and value != self.state.value:
            self.context.editor.set_value(self.path, str(value))
            self.edited.emit()

    def focus_widget(self) -> QWidget:
        return self.combo


class NumberInput(FieldInput):
    """Seconds (durations) or a count; the lowest value means "not set" (the default)."""

    def __init__(self, state: FieldState, context: InputContext, parent: QWidget | None = None) -> None:
        super().__init__(state, context, parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._seconds = state.type in (FieldType.DURATION, FieldType.HOLD)
        self.box: QDoubleSpinBox | QSpinBox
        if self._seconds:
            box = QDoubleSpinBox()
            box.setDecimals(1)
            box.setRange(0, 600)
            box.setSingleStep(1)
            box.setSuffix(self.tr(" s"))
            self.box = box
        else:
            count = QSpinBox()
            count.setRange(0, 1000)
            self.box = count
        self.box.setSpecialValueText(self.tr("not set (default)"))
        self.box.setAccessibleName(state.name)
        self.box.editingFinished.connect(self._commit)
        layout.addWidget(self.box)
        layout.addStretch(1)
        self.refresh(state, force=True)

    def refresh(self, state: FieldState, *, force: bool = False) -> None:
        super().refresh(state, force=force)
        if self.box.hasFocus() and not force:
            return
        blocked = self.box.blockSignals(True)
        try:
            value = state.value if isinstance(state.value, (int, float)) and not isinstance(state.value, bool) else 0
            self.box.setValue(value)  # type: ignore[arg-type]  # int for the QSpinBox, float for seconds
        finally:
            self.box.blockSignals(blocked)

    def _commit(self) -> None:
        value = self.box.value()
        new: float | int | None = None if value == 0 else (float(value) if self._seconds else int(value))
        old = self.state.value
        if new == old:
            return
        self.context.editor.set_value(self.path, new)
        self.edited.emit()

    def focus_widget(self) -> QWidget:
        return self.box


class FlagInput(FieldInput):
    def __init__(self, state: FieldState, context: InputContext, label: str, parent: QWidget | None = None) -> None:
        super().__init__(state, context, parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.box = QCheckBox(label)
        self.box.setAccessibleName(label)
        self.box.toggled.connect(self._toggled)
        layout.addWidget(self.box)
        self.refresh(state, force=True)

    def refresh(self, state: FieldState, *, force: bool = False) -> None:
        super().refresh(state, force=force)
        blocked = self.box.blockSignals(True)
        self.box.setChecked(bool(state.value))
        self.box.blockSignals(blocked)

    def _toggled(self, on: bool) -> None:
        self.context.editor.set_value(self.path, True if on else None)
        self.edited.emit()

    def focus_widget(self) -> QWidget:
        return self.box


class DateInput(FieldInput):
    """A date picker with a calendar; "not set" leaves the field out."""

    def __init__(self, state: FieldState, context: InputContext, parent: QWidget | None = None) -> None:
        super().__init__(state, context, parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.box = QDateEdit()
        self.box.setCalendarPopup(True)
        self.box.setDisplayFormat("yyyy-MM-dd")
        self.box.setAccessibleName(state.name)
        self.box.dateChanged.connect(self._changed)
        layout.addWidget(self.box)
        layout.addStretch(1)
        self.refresh(state, force=True)

    def refresh(self, state: FieldState, *, force: bool = False) -> None:
        super().refresh(state, force=force)
        value = state.value if isinstance(state.value, date) else date.today()
        blocked = self.box.blockSignals(True)
        self.box.setDate(QDate(value.year, value.month, value.day))
        self.box.blockSignals(blocked)

    def _changed(self, value: QDate) -> None:
        new = date(value.year(), value.month(), value.day())
        if new != self.state.value:
            self.context.editor.set_value(self.path, new)
            self.edited.emit()

    def focus_widget(self) -> QWidget:
        return self.box


class ColourInput(FieldInput):
    """``#rrggbb`` with a swatch that opens a colour picker."""

    def __init__(self, state: FieldState, context: InputContext, parent: QWidget | None = None) -> None:
        super().__init__(state, context, parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.swatch = QPushButton()
        self.swatch.setFixedSize(QSize(40, 28))
        self.swatch.setAccessibleName(self.tr("Choose the colour for {field}").format(field=state.name))
        self.swatch.clicked.connect(self._pick)
        self.box = QLineEdit()
        self.box.setMaximumWidth(120)
        self.box.setAccessibleName(state.name)
        self.box.editingFinished.connect(self._commit)
        _guard_undo(self.box, context)
        layout.addWidget(self.swatch)
        layout.addWidget(self.box)
        layout.addStretch(1)
        self.refresh(state, force=True)

    def refresh(self, state: FieldState, *, force: bool = False) -> None:
        super().refresh(state, force=force)
        text = str(state.value or state.raw or "")
        _set_text(self.box, text, force)
        colour = QColor(text)
        self.swatch.setStyleSheet(
            f"background: {colour.name()}; border: 1px solid #5b6b73;" if colour.isValid() else ""
        )

    def _commit(self) -> None:
        text = self.box.text().strip()
        if text != (self.state.value or ""):
            self.context.editor.set_value(self.path, text or None)
            self.edited.emit()

    def _pick(self) -> None:
        chosen = QColorDialog.getColor(QColor(self.box.text().strip() or "#ffffff"), self, self.state.name)
        if chosen.isValid():
            self.box.setText(chosen.name())
            self._commit()

    def focus_widget(self) -> QWidget:
        return self.box


class PictureInput(FieldInput):
    """The picture as it is, and a button to choose another (imported and scaled)."""

    def __init__(self, state: FieldState, context: InputContext, parent: QWidget | None = None) -> None:
        super().__init__(state, context, parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.picture = QLabel()
        self.picture.setFixedSize(QSize(160, 90))
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setStyleSheet("background: #eef1f3; border: 1px solid #c9d1d5;")
        self.name = QLabel()
        self.name.setWordWrap(True)
        self.choose = QPushButton(self.tr("Choose picture…"))
        self.choose.setAccessibleName(self.tr("Choose a picture for {field}").format(field=state.name))
        self.choose.clicked.connect(self._choose)
        self.remove = QPushButton(self.tr("Remove"))
        self.remove.setAccessibleName(self.tr("Remove the picture from {field}").format(field=state.name))
        self.remove.clicked.connect(self._remove)
        column = QVBoxLayout()
        column.addWidget(self.name)
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose)
        buttons.addWidget(self.remove)
        buttons.addStretch(1)
        column.addLayout(buttons)
        layout.addWidget(self.picture)
        layout.addLayout(column, 1)
        self.refresh(state, force=True)

    def refresh(self, state: FieldState, *, force: bool = False) -> None:
        super().refresh(state, force=force)
        rel = str(state.value) if state.value else ""
        self.name.setText(rel or self.tr("No picture"))
        self.remove.setVisible(bool(rel) and not state.required)
        pixmap = QPixmap()
        if rel:
            reader = QImageReader(str(self.context.root / rel))
            reader.setAutoTransform(True)
            size = reader.size()
            if size.isValid():
                reader.setScaledSize(size.scaled(self.picture.size(), Qt.AspectRatioMode.KeepAspectRatio))
            image = reader.read()
            if not image.isNull():
                pixmap = QPixmap.fromImage(image)
        self.picture.setPixmap(pixmap)

    def _choose(self) -> None:
        path = self.context.choose_picture()
        if path is None:
            return
        try:
            self.context.editor.set_picture(self.path, path)
        except PictureError as exc:
            self.context.report(str(exc))
            return
        self.edited.emit()

    def _remove(self) -> None:
        self.context.editor.set_value(self.path, None)
        self.edited.emit()

    def focus_widget(self) -> QWidget:
        return self.choose


class UnreadableInput(FieldInput):
    """A value written in a way the studio cannot edit: shown as written, with a way out."""

    def __init__(self, state: FieldState, context: InputContext, parent: QWidget | None = None) -> None:
        super().__init__(state, context, parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.raw = QLineEdit(state.raw or "")
        self.raw.setReadOnly(True)
        self.raw.setAccessibleName(state.name)
        clear = QPushButton(self.tr("Clear it"))
        clear.setToolTip(self.tr("Remove what is written here, then fill the field in again"))
        clear.clicked.connect(self._clear)
        layout.addWidget(self.raw, 1)
        layout.addWidget(clear)

    def refresh(self, state: FieldState, *, force: bool = False) -> None:
        super().refresh(state, force=force)
        self.raw.setText(state.raw or "")

    def _clear(self) -> None:
        self.context.editor.set_value(self.path, None)
        self.edited.emit()


# --- schedules ----------------------------------------------------------------------------------


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


class _Bound(QWidget):
    """One end of a schedule: not set, a day, or a day and time."""

    changed = Signal()

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.on = QCheckBox(label)
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.at = QCheckBox(self.tr("at"))
        self.time = QDateTimeEdit()
        self.time.setDisplayFormat("HH:mm")
        for widget in (self.on, self.day, self.at, self.time):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.on.setAccessibleName(label)
        self.day.setAccessibleName(self.tr("{bound} day").format(bound=label))
        self.time.setAccessibleName(self.tr("{bound} time").format(bound=label))
        self.on.toggled.connect(self._toggled)
        self.at.toggled.connect(self._toggled)
        self.day.dateChanged.connect(lambda _d: self.changed.emit())
        self.time.timeChanged.connect(lambda _t: self.changed.emit())

    def _toggled(self) -> None:
        self._enable()
        self.changed.emit()

    def _enable(self) -> None:
        self.day.setEnabled(self.on.isChecked())
        self.at.setEnabled(self.on.isChecked())
        self.time.setEnabled(self.on.isChecked() and self.at.isChecked())

    def set_value(self, value: date | datetime | None, today: date) -> None:
        widgets = (self.on, self.day, self.at, self.time)
        states = [w.blockSignals(True) for w in widgets]
        try:
            self.on.setChecked(value is not None)
            day = value.date() if isinstance(value, datetime) else (value or today)
            self.day.setDate(_qdate(day))
            self.at.setChecked(isinstance(value, datetime))
            moment = value.time() if isinstance(value, datetime) else time(8, 0)
            self.time.setTime(QTime(moment.hour, moment.minute))
            self._enable()
        finally:
            for widget, state in zip(widgets, states, strict=True):
                widget.blockSignals(state)

    def value(self) -> date | datetime | None:
        if not self.on.isChecked():
            return None
        qd = self.day.date()
        day = date(qd.year(), qd.month(), qd.day())
        if not self.at.isChecked():
            return day
        qt = self.time.time()
        return datetime.combine(day, time(qt.hour(), qt.minute()))


class ScheduleInput(FieldInput):
    """From / until (dates, optionally times), days of the week and daily hours."""

    def __init__(self, state: FieldState, context: InputContext, parent: QWidget | None = None) -> None:
        super().__init__(state, context, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.start = _Bound(self.tr("From"))
        self.until = _Bound(self.tr("Until (the whole day)"))
        layout.addWidget(self.start)
        layout.addWidget(self.until)
        days = QHBoxLayout()
        self.days: list[QCheckBox] = []
        names = [
            self.tr("Mon"),
            self.tr("Tue"),
            self.tr("Wed"),
            self.tr("Thu"),
            self.tr("Fri"),
            self.tr("Sat"),
            self.tr("Sun"),
        ]
        for name in names:
            box = QCheckBox(name)
            box.setAccessibleName(name)
            box.toggled.connect(lambda _on: self._commit())
            days.addWidget(box)
            self.days.append(box)
        days.addStretch(1)
        layout.addLayout(days)
        hours = QHBoxLayout()
        hours.addWidget(QLabel(self.tr("Hours")))
        self.hours = QLineEdit()
        self.hours.setPlaceholderText(self.tr("all day, or e.g. 07:00-11:00, 16:00-19:00"))
        self.hours.setAccessibleName(self.tr("Hours"))
        self.hours.editingFinished.connect(self._commit)
        _guard_undo(self.hours, context)
        hours.addWidget(self.hours, 1)
        layout.addLayout(hours)
        self.note = QLabel()
        self.note.setStyleSheet("color: #b3261e;")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.start.changed.connect(self._commit)
        self.until.changed.connect(self._commit)
        self.refresh(state, force=True)

    def refresh(self, state: FieldState, *, force: bool = False) -> None:
        super().refresh(state, force=force)
        value = state.value if isinstance(state.value, ScheduleValue) else ScheduleValue()
        today = date.today()
        self.start.set_value(value.start, today)
        self.until.set_value(value.until, today)
        for index, box in enumerate(self.days):
            blocked = box.blockSignals(True)
            box.setChecked(index in value.days)
            box.blockSignals(blocked)
        _set_text(self.hours, ", ".join(str(w) for w in value.hours), force)
        self.note.setVisible(not state.readable)
        self.note.setText(
            self.tr("This schedule is written in a way the studio cannot show: {raw}").format(raw=state.raw)
        )

    def _commit(self) -> None:
        try:
            windows = tuple(parse_window(part) for part in self.hours.text().split(",") if part.strip())
        except Unreadable:
            self.note.setText(self.tr("Hours are written like 07:00-11:00, separated by commas."))
            self.note.setVisible(True)
            return
        days = frozenset(i for i, box in enumerate(self.days) if box.isChecked())
        value = ScheduleValue(
            start=self.start.value(), until=self.until.value(), days=days or ALL_WEEKDAYS, hours=windows
        )
        if value == self.state.value or (value.is_always and self.state.value is None):
            return
        self.note.setVisible(False)
        self.context.editor.set_schedule(None if value.is_always else value)
        self.edited.emit()

    def focus_widget(self) -> QWidget:
        return self.start.on


# --- the clinic's own lists ---------------------------------------------------------------------


class LanguagesInput(FieldInput):
    def __init__(self, state: FieldState, context: InputContext, parent: QWidget | None = None) -> None:
        super().__init__(state, context, parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for code, name in LANGUAGE_NAMES.items():
            box = QCheckBox(name)
            box.setEnabled(code != "en")  # English is always there
            box.toggled.connect(lambda _on: self._commit())
            layout.addWidget(box)
            self.boxes[code] = box
        layout.addStretch(1)
        self.refresh(state, force=True)

    def refresh(self, state: FieldState, *, force: bool = False) -> None:
        super().refresh(state, force=force)
        chosen = set(state.value) if isinstance(state.value, tuple) else set(LANGUAGE_NAMES)
        for code, box in self.boxes.items():
            blocked = box.blockSignals(True)
            box.setChecked(code in chosen or code == "en")
            box.blockSignals(blocked)

    def _commit(self) -> None:
        chosen = [code for code, box in self.boxes.items() if box.isChecked()]
        self.context.editor.set_value(self.path, chosen)
        self.edited.emit()


class OpeningHoursInput(FieldInput):
    """A line per day: ``08:00-18:00``, several windows with commas, or ``closed``."""

    def __init__(self, state: FieldState, context: InputContext, parent: QWidget | None = None) -> None:
        super().__init__(state, context, parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.boxes: list[QLineEdit] = []
        names = [
            self.tr("Monday"), self.tr("Tuesday"), self.tr("Wednesday"), self.tr("Thursday"),
            self.tr("Friday"), self.tr("Saturday"), self.tr("Sunday"),
        ]  # fmt: skip
        for index, name in enumerate(names):
            box = QLineEdit()
            box.setPlaceholderText(self.tr("not said"))
            box.setAccessibleName(name)
            box.editingFinished.connect(self._commit)
            _guard_undo(box, context)
            grid.addWidget(QLabel(name), index, 0)
            grid.addWidget(box, index, 1)
            self.boxes.append(box)
        self.note = QLabel()
        self.note.setStyleSheet("color: #b3261e;")
        grid.addWidget(self.note, len(names), 0, 1, 2)
        self.note.hide()
        self.refresh(state, force=True)

    def refresh(self, state: FieldState, *, force: bool = False) -> None:
        super().refresh(state, force=force)
        days: tuple[DayHours, ...] = state.value if isinstance(state.value, tuple) else ()
        by_day = {d.weekday: d for d in days}
        for index, box in enumerate(self.boxes):
            day = by_day.get(index)
            text = ""
            if day is not None and day.written:
                text = (day.raw or "") if not day.readable else (", ".join(str(w) for w in day.windows) or "closed")
            _set_text(box, text or "", force)

    def _commit(self) -> None:
        value: dict[int, list[TimeWindow]] = {}
        try:
            for index, box in enumerate(self.boxes):
                text = box.text().strip()
                if not text:
                    continue
                value[index] = (
                    [] if text.lower() == "closed" else [parse_window(part) for part in text.split(",") if part.strip()]
                )
        except Unreadable:
            self.note.setText(self.tr("Write hours like 08:00-18:00 (several with commas), or closed."))
            self.note.show()
            return
        self.note.hide()
        current = {d.weekday: list(d.windows) for d in (self.state.value or ()) if d.written and d.readable}
        if value == current:
            return
        self.context.editor.set_value(self.path, value or None)
        self.edited.emit()


class TopicsInput(FieldInput):
    """The topics: an id, a title in each language and an icon each."""

    def __init__(self, state: FieldState, context: InputContext, parent: QWidget | None = None) -> None:
        super().__init__(state, context, parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._rows: list[tuple[QWidget, QLineEdit, dict[str, QLineEdit]]] = []
        self._rows_box = QVBoxLayout()
        self._layout.addLayout(self._rows_box)
        add = QPushButton(self.tr("Add a topic"))
        add.clicked.connect(self._add)
        self._layout.addWidget(add, 0, Qt.AlignmentFlag.AlignLeft)
        self.refresh(state, force=True)

    def _topics(self, state: FieldState) -> tuple[TopicValue, ...]:
        return tuple(state.value) if isinstance(state.value, tuple) else ()

    def refresh(self, state: FieldState, *, force: bool = False) -> None:
        super().refresh(state, force=force)
        topics = self._topics(state)
        if len(topics) != len(self._rows):
            for widget, _id, _titles in self._rows:
                widget.setParent(None)
                widget.deleteLater()
            self._rows = [self._make_row(i) for i in range(len(topics))]
            force = True
        for (_widget, id_box, titles), topic in zip(self._rows, topics, strict=True):
            _set_text(id_box, topic.id or "", force)
            for language, box in titles.items():
                entry = topic.title.get(language) if topic.title is not None else None
                _set_text(box, entry.text or "" if entry is not None else "", force)

    def _make_row(self, index: int) -> tuple[QWidget, QLineEdit, dict[str, QLineEdit]]:
        widget = QWidget()
        layout = QHBoxLayout(widget)
        layout.setContentsMargins(0, 0, 0, 0)
        id_box = QLineEdit()
        id_box.setMaximumWidth(160)
        id_box.setAccessibleName(self.tr("Topic {number} id").format(number=index + 1))
        id_box.editingFinished.connect(lambda i=index, box=id_box: self._set_id(i, box.text()))
        _guard_undo(id_box, self.context)
        layout.addWidget(id_box)
        titles: dict[str, QLineEdit] = {}
        for language in self.context.editor.languages:
            box = QLineEdit()
            box.setPlaceholderText(LANGUAGE_NAMES.get(language, language))
            box.setAccessibleName(
                self.tr("Topic {number} title ({language})").format(
                    number=index + 1, language=LANGUAGE_NAMES.get(language, language)
                )
            )
            box.textEdited.connect(lambda text, i=index, lang=language: self._set_title(i, lang, text))
            _guard_undo(box, self.context)
            layout.addWidget(box, 1)
            titles[language] = box
        remove = QToolButton()
        remove.setText("✕")
        remove.setToolTip(self.tr("Remove this topic"))
        remove.setAccessibleName(self.tr("Remove topic {number}").format(number=index + 1))
        remove.clicked.connect(lambda _c=False, i=index: self._remove(i))
        layout.addWidget(remove)
        self._rows_box.addWidget(widget)
        return widget, id_box, titles

    def _set_id(self, index: int, text: str) -> None:
        topics = self._topics(self.state)
        if index < len(topics) and (topics[index].id or "") != text.strip():
            self.context.editor.set_value(f"{self.path}[{index}].id", text.strip() or None)
            self.edited.emit()

    def _set_title(self, index: int, language: str, text: str) -> None:
        self.context.editor.set_text(f"{self.path}[{index}].title", language, text.strip() or None)
        self.edited.emit()

    def _add(self) -> None:
        count = len(self._topics(self.state)) + 1
        self.context.editor.add_item(self.path, {"id": f"topic-{count}", "title": {"en": "New topic"}})
        self.edited.emit()

    def _remove(self, index: int) -> None:
        self.context.editor.remove_item(self.path, index)
        self.edited.emit()


class HolidaysInput(FieldInput):
    """clinic.yaml's holidays: a date and that day's hours ("08:00-12:00" or closed) each."""

    def __init__(self, state: FieldState, context: InputContext, parent: QWidget | None = None) -> None:
        super().__init__(state, context, parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._rows: list[tuple[QWidget, QDateEdit, QLineEdit]] = []
        self._rows_box = QVBoxLayout()
        self._layout.addLayout(self._rows_box)
        add = QPushButton(self.tr("Add a day"))
        add.clicked.connect(self._add)
        self._layout.addWidget(add, 0, Qt.AlignmentFlag.AlignLeft)
        self.refresh(state, force=True)

    def _days(self, state: FieldState) -> tuple[Any, ...]:
        return tuple(state.value) if isinstance(state.value, tuple) else ()

    def refresh(self, state: FieldState, *, force: bool = False) -> None:
        super().refresh(state, force=force)
        days = self._days(state)
        if len(days) != len(self._rows):
            for widget, _day, _hours in self._rows:
                widget.setParent(None)
                widget.deleteLater()
            self._rows = [self._make_row(i) for i in range(len(days))]
            force = True
        for (_widget, day_box, hours), day in zip(self._rows, days, strict=True):
            value = day.get("date")
            if isinstance(value, date):
                blocked = day_box.blockSignals(True)
                day_box.setDate(QDate(value.year, value.month, value.day))
                day_box.blockSignals(blocked)
            _set_text(hours, str(day.get("hours") or ""), force)

    def _make_row(self, index: int) -> tuple[QWidget, QDateEdit, QLineEdit]:
        widget = QWidget()
        layout = QHBoxLayout(widget)
        layout.setContentsMargins(0, 0, 0, 0)
        day_box = QDateEdit()
        day_box.setCalendarPopup(True)
        day_box.setDisplayFormat("yyyy-MM-dd")
        day_box.setAccessibleName(self.tr("Day {number}").format(number=index + 1))
        day_box.dateChanged.connect(lambda value, i=index: self._set_day(i, value))
        layout.addWidget(day_box)
        hours = QLineEdit()
        hours.setPlaceholderText(self.tr("08:00-12:00, or closed"))
        hours.setAccessibleName(self.tr("Day {number} hours").format(number=index + 1))
        hours.editingFinished.connect(lambda i=index, box=hours: self._set_hours(i, box.text()))
        _guard_undo(hours, self.context)
        layout.addWidget(hours, 1)
        remove = QToolButton()
        remove.setText("✕")
        remove.setToolTip(self.tr("Remove this day"))
        remove.setAccessibleName(self.tr("Remove day {number}").format(number=index + 1))
        remove.clicked.connect(lambda _c=False, i=index: self._remove(i))
        layout.addWidget(remove)
        self._rows_box.addWidget(widget)
        return widget, day_box, hours

    def _set_day(self, index: int, value: QDate) -> None:
        new = date(value.year(), value.month(), value.day())
        days = self._days(self.state)
        if index < len(days) and days[index].get("date") != new:
            self.context.editor.set_value(f"{self.path}[{index}].date", new)
            self.edited.emit()

    def _set_hours(self, index: int, text: str) -> None:
        days = self._days(self.state)
        if index < len(days) and str(days[index].get("hours") or "") != text.strip():
            self.context.editor.set_value(f"{self.path}[{index}].hours", text.strip() or "closed")
            self.edited.emit()

    def _add(self) -> None:
        model = self.context.editor.model
        today = model.now().astimezone(model.timezone).date()
        self.context.editor.add_item(self.path, {"date": today, "hours": "closed"})
        self.edited.emit()

    def _remove(self, index: int) -> None:
        self.context.editor.remove_item(self.path, index)
        self.edited.emit()


class NoticesInput(FieldInput):
    """notices.yaml's notices: a text in each language, a level and an end each. An end that
    has already passed is refused here (the notice would never show), as on the kiosk."""

    def __init__(self, state: FieldState, context: InputContext, parent: QWidget | None = None) -> None:
        super().__init__(state, context, parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._rows: list[tuple[QWidget, dict[str, QLineEdit], QComboBox, QDateTimeEdit]] = []
        self._rows_box = QVBoxLayout()
        self._layout.addLayout(self._rows_box)
        add = QPushButton(self.tr("Add a notice"))
        add.clicked.connect(self._add)
        self._layout.addWidget(add, 0, Qt.AlignmentFlag.AlignLeft)
        self.refresh(state, force=True)

    def _notices(self, state: FieldState) -> tuple[Any, ...]:
        return tuple(state.value) if isinstance(state.value, tuple) else ()

    def refresh(self, state: FieldState, *, force: bool = False) -> None:
        super().refresh(state, force=force)
        notices = self._notices(state)
        if len(notices) != len(self._rows):
            for widget, _texts, _level, _until in self._rows:
                widget.setParent(None)
                widget.deleteLater()
            self._rows = [self._make_row(i) for i in range(len(notices))]
            force = True
        for (_widget, texts, level, until), notice in zip(self._rows, notices, strict=True):
            text = notice.get("text")
            for language, box in texts.items():
                entry = text.get(language) if isinstance(text, TextValue) else None
                _set_text(box, (entry.text or "") if entry is not None else "", force)
            blocked = level.blockSignals(True)
            level.setCurrentIndex(max(0, level.findData(notice.get("level") or NOTICE_LEVELS[0])))
            level.blockSignals(blocked)
            end = notice.get("until")
            if isinstance(end, date):  # a datetime too
                moment = end if isinstance(end, datetime) else datetime.combine(end, time(23, 59))
                blocked = until.blockSignals(True)
                until.setDateTime(_qdatetime(moment))
                until.blockSignals(blocked)

    def _make_row(self, index: int) -> tuple[QWidget, dict[str, QLineEdit], QComboBox, QDateTimeEdit]:
        widget = QWidget()
        layout = QHBoxLayout(widget)
        layout.setContentsMargins(0, 0, 0, 0)
        texts: dict[str, QLineEdit] = {}
        for language in self.context.editor.languages:
            box = QLineEdit()
            box.setPlaceholderText(LANGUAGE_NAMES.get(language, language))
            box.setAccessibleName(
                self.tr("Notice {number} text ({language})").format(
                    number=index + 1, language=LANGUAGE_NAMES.get(language, language)
                )
            )
            box.textEdited.connect(lambda text, i=index, lang=language: self._set_text(i, lang, text))
            _guard_undo(box, self.context)
            layout.addWidget(box, 2)
            texts[language] = box
        level = QComboBox()
        for name, shown in zip(NOTICE_LEVELS, (self.tr("Information"), self.tr("Important")), strict=True):
            level.addItem(shown, name)
        level.setAccessibleName(self.tr("Notice {number} level").format(number=index + 1))
        level.currentIndexChanged.connect(lambda _i, i=index, box=level: self._set_level(i, str(box.currentData())))
        layout.addWidget(level)
        until = QDateTimeEdit()
        until.setCalendarPopup(True)
        until.setDisplayFormat("yyyy-MM-dd HH:mm")
        until.setAccessibleName(self.tr("Notice {number} shows until").format(number=index + 1))
        until.editingFinished.connect(lambda i=index, box=until: self._set_until(i, box.dateTime()))
        layout.addWidget(until)
        remove = QToolButton()
        remove.setText("✕")
        remove.setToolTip(self.tr("Remove this notice"))
        remove.setAccessibleName(self.tr("Remove notice {number}").format(number=index + 1))
        remove.clicked.connect(lambda _c=False, i=index: self._remove(i))
        layout.addWidget(remove)
        self._rows_box.addWidget(widget)
        return widget, texts, level, until

    def _now(self) -> datetime:
        """The clinic's wall clock now (naive, as notices.yaml writes times)."""
        model = self.context.editor.model
        return model.now().astimezone(model.timezone).replace(tzinfo=None, second=0, microsecond=0)

    def _set_text(self, index: int, language: str, text: str) -> None:
        self.context.editor.set_text(f"{self.path}[{index}].text", language, text.strip() or None)
        self.edited.emit()

    def _set_level(self, index: int, level: str) -> None:
        notices = self._notices(self.state)
        if index < len(notices) and (notices[index].get("level") or NOTICE_LEVELS[0]) != level:
            self.context.editor.set_value(f"{self.path}[{index}].level", level)
            self.edited.emit()

    def _set_until(self, index: int, value: QDateTime) -> None:
        moment = _from_qdatetime(value)
        notices = self._notices(self.state)
        if index >= len(notices) or notices[index].get("until") == moment:
            return
        if moment <= self._now():
            self.context.report(
                self.tr("That end has already passed: the notice would never show. Choose a later one.")
            )
            self.refresh(self.state, force=True)
            return
        self.context.editor.set_value(f"{self.path}[{index}].until", moment)
        self.edited.emit()

    def _add(self) -> None:
        # Until the end of today: the usual same-day notice (staff change the time as needed).
        end = datetime.combine(self._now().date(), time(23, 59))
        self.context.editor.add_item(
            self.path, {"text": {"en": self.tr("New notice")}, "level": NOTICE_LEVELS[0], "until": end}
        )
        self.edited.emit()

    def _remove(self, index: int) -> None:
        self.context.editor.remove_item(self.path, index)
        self.edited.emit()


def _qdatetime(moment: datetime) -> QDateTime:
    return QDateTime(QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute))


def _from_qdatetime(value: QDateTime) -> datetime:
    day, clock = value.date(), value.time()
    return datetime(day.year(), day.month(), day.day(), clock.hour(), clock.minute())


def _timezones() -> list[tuple[str, str]]:
    with contextlib.suppress(Exception):
        return [(name, name) for name in sorted(zoneinfo.available_timezones())]
    return []


def make_input(
    state: FieldState,
    context: InputContext,
    topics: tuple[TopicValue, ...],
    flag_label: str,
    kind_name: Callable[[str], str] = str,
) -> FieldInput | None:
    """The input for ``state``'s declared type; None for fields edited elsewhere (the playlist:
    the slide list's order)."""
    if not state.readable and state.present and state.type not in (FieldType.SCHEDULE,):
        return UnreadableInput(state, context)
    t = state.type
    if t in (FieldType.TEXT, FieldType.MARKDOWN):
        return TextInput(state, context)
    if t is FieldType.TEXT_LIST:
        return TextListInput(state, context)
    if t is FieldType.KIND:
        return KindInput(state, context, kind_name)
    if t is FieldType.TOPIC:
        choices = [
            (topic.id or "", f"{(topic.title.english if topic.title else None) or topic.id}") for topic in topics
        ]
        return ChoiceInput(state, context, choices)
    if t is FieldType.TIMEZONE:
        return ChoiceInput(state, context, _timezones(), editable=True)
    if t in (FieldType.DURATION, FieldType.HOLD, FieldType.COUNT):
        return NumberInput(state, context)
    if t is FieldType.FLAG:
        return FlagInput(state, context, flag_label)
    if t is FieldType.DATE:
        return DateInput(state, context)
    if t is FieldType.COLOUR:
        return ColourInput(state, context)
    if t is FieldType.IMAGE:
        return PictureInput(state, context)
    if t is FieldType.SCHEDULE:
        return ScheduleInput(state, context)
    if t is FieldType.LANGUAGES:
        return LanguagesInput(state, context)
    if t is FieldType.OPENING_HOURS:
        return OpeningHoursInput(state, context)
    if t is FieldType.TOPICS:
        return TopicsInput(state, context)
    if t is FieldType.NOTICES:
        return NoticesInput(state, context)
    if t is FieldType.HOLIDAYS:
        return HolidaysInput(state, context)
    if t is FieldType.LEVEL:
        return ChoiceInput(state, context, [(level, level) for level in NOTICE_LEVELS])
    if t is FieldType.PLAYLIST:
        return None
    if t is FieldType.THEME:
        return None  # its colours are shown one by one (the field's children)
    return LineInput(state, context)


__all__ = ["FieldInput", "InputContext", "make_input"]
