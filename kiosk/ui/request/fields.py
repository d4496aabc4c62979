"""Touch-sized inputs for the request form: a text field with its label and inline error,
toggle chips that re-flow into as many columns as fit, and big segmented choices."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QColor,
    QFocusEvent,
    QFontMetrics,
    QGuiApplication,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.assistive.marks import set_role
from kiosk.ui.request.keyboard import KeyboardMode


class TouchLineEdit(QLineEdit):
    """A line edit that tells the form when it is tapped, so the keyboard can come up.

    No context menu: a long press would otherwise offer Undo and Paste, and the clipboard
    could hold what the previous patient typed."""

    activated = Signal()

    def __init__(self, mode: KeyboardMode, max_length: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.keyboard_mode = mode
        self.setMaxLength(max_length)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setDragEnabled(False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        hints = Qt.InputMethodHint.ImhNoPredictiveText | Qt.InputMethodHint.ImhSensitiveData
        if mode is KeyboardMode.PHONE:
            hints |= Qt.InputMethodHint.ImhDialableCharactersOnly
        elif mode is KeyboardMode.EMAIL:
            hints |= Qt.InputMethodHint.ImhEmailCharactersOnly | Qt.InputMethodHint.ImhNoAutoUppercase
        self.setInputMethodHints(hints)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.activated.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)
        # A tap on the field that already has focus brings a hidden keyboard back.
        self.activated.emit()

    def forget(self) -> None:
        """Empty the field and its undo history (``clear()`` keeps the history: a patient
        could tap Undo and see what the previous one typed)."""
        self.setText("")


class TextField(QWidget):
    """A caption, the line edit and the inline error message under it."""

    def __init__(self, mode: KeyboardMode, max_length: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = QLabel(self)
        self.caption.setObjectName("fieldCaption")
        self.caption.setWordWrap(True)
        self.edit = TouchLineEdit(mode, max_length, self)
        self.caption.setBuddy(self.edit)
        self.error = ErrorLabel(self)
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.addWidget(self.caption)
        self._column.addWidget(self.edit)
        self._column.addWidget(self.error)

    def set_spacing(self, spacing: int) -> None:
        self._column.setSpacing(spacing)


class ErrorLabel(QLabel):
    """An inline message; takes no room while empty, so the form does not jump around."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fieldError")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setVisible(False)

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


class ToggleButton(QPushButton):
    """A big checkable button (a topic chip, a segment); never the default button."""

    def __init__(self, value: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.value = value
        self.setCheckable(True)
        self.setAutoDefault(False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)


class ChipGrid(QWidget):
    """Multi-select toggle chips laid out in as many equal columns as their labels allow; to a
    screen reader a group of check boxes, named by its question (the form links them)."""

    toggled = Signal()

    def __init__(self, values: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chipGrid")
        set_role(self, QAccessible.Role.Grouping)
        self.chips = [ToggleButton(v, self) for v in values]
        for chip in self.chips:
            chip.setObjectName("chip")
            chip.toggled.connect(lambda _on: self.toggled.emit())
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._columns = 0
        self._relayout(1)

    def set_spacing(self, spacing: int) -> None:
        self._grid.setHorizontalSpacing(spacing)
        self._grid.setVerticalSpacing(spacing)
        self._fit_columns(self.width())

    def selected(self) -> list[str]:
        return [c.value for c in self.chips if c.isChecked()]

    def set_selected(self, values: Sequence[str]) -> None:
        for chip in self.chips:
            chip.setChecked(chip.value in values)

    def chip(self, value: str) -> ToggleButton:
        return next(c for c in self.chips if c.value == value)

    def refit(self) -> None:
        """Call after labels or fonts change."""
        self._columns = 0
        self._fit_columns(self.width())

    def _relayout(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for chip in self.chips:
            self._grid.removeWidget(chip)
        for i, chip in enumerate(self.chips):
            self._grid.addWidget(chip, i // columns, i % columns)
        for c in range(max(columns, self._grid.columnCount())):
            self._grid.setColumnStretch(c, 1 if c < columns else 0)

    def _fit_columns(self, width: int) -> None:
        if not self.chips or width <= 0:
            return
        widest = max(c.sizeHint().width() for c in self.chips)
        spacing = max(0, self._grid.horizontalSpacing())
        columns = max(1, min(len(self.chips), (width + spacing) // (widest + spacing)))
        self._relayout(columns)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns(event.size().width())


class SegmentedChoice(QWidget):
    """Exactly one of a few big buttons is chosen (the preferred contact time): to a screen
    reader a group of radio buttons, named by its question (the form links them)."""

    changed = Signal(str)

    def __init__(self, values: Sequence[str], default: str, columns: int = 2, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("segmented")
        set_role(self, QAccessible.Role.Grouping)
        self._default = default
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons = [ToggleButton(v, self) for v in values]
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        for i, button in enumerate(self.buttons):
            button.setObjectName("segment")
            set_role(button, QAccessible.Role.RadioButton)
            self.group.addButton(button)
            self._grid.addWidget(button, i // columns, i % columns)
        self.group.buttonToggled.connect(self._on_toggled)
        self.set_value(default)

    def set_spacing(self, spacing: int) -> None:
        self._grid.setHorizontalSpacing(spacing)
        self._grid.setVerticalSpacing(spacing)

    def value(self) -> str:
        checked = self.group.checkedButton()
        return checked.value if isinstance(checked, ToggleButton) else self._default

    def set_value(self, value: str) -> None:
        for button in self.buttons:
            if button.value == value:
                button.setChecked(True)

    def button(self, value: str) -> ToggleButton:
        return next(b for b in self.buttons if b.value == value)

    def reset(self) -> None:
        self.set_value(self._default)

    def _on_toggled(self, button: QPushButton, checked: bool) -> None:
        if checked and isinstance(button, ToggleButton):
            self.changed.emit(button.value)


class WrapButton(QPushButton):
    """A push button whose label wraps onto more lines instead of being cut off (the submit
    button spells out what is missing, which is long in Spanish and in large text)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setObjectName("buttonLabel")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self._row = QHBoxLayout(self)
        self._row.addWidget(self.label)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def setText(self, text: str) -> None:
        self.label.setText(text)
        self.updateGeometry()

    def text(self) -> str:
        return self.label.text()

    def set_padding(self, padding: int) -> None:
        self._row.setContentsMargins(padding, padding // 2, padding, padding // 2)
        self.updateGeometry()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        margins = self._row.contentsMargins()
        inner = max(1, width - margins.left() - margins.right())
        return max(self.minimumHeight(), self.label.heightForWidth(inner) + margins.top() + margins.bottom())

    def sizeHint(self) -> QSize:
        margins = self._row.contentsMargins()
        hint = self.label.sizeHint()
        width = hint.width() + margins.left() + margins.right()
        return QSize(width, self.heightForWidth(max(width, self.width())))

    def minimumSizeHint(self) -> QSize:
        return QSize(self.minimumWidth(), self.minimumHeight())


@dataclass(frozen=True)
class TickColours:
    text: QColor
    #: the box's outline, and the tick's box when it is ticked
    box: QColor
    #: inside the empty box
    paper: QColor
    #: the tick on the filled box
    tick: QColor
    focus: QColor


class ConsentBox(QAbstractButton):
    """The consent tick box as one big row: a large box drawn here (the style's indicator is
    small and keeps the theme's colours in high contrast) and its sentence wrapping beside it.
    The whole row answers a tap; to a screen reader it is a check box."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("consent")
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._box, self._gap, self._min_height = 56, 24, 88
        black = QColor("#000000")
        self._colours = TickColours(black, black, QColor("#ffffff"), QColor("#ffffff"), black)

    def set_metrics(self, *, box: int, gap: int, min_height: int) -> None:
        self._box, self._gap, self._min_height = box, gap, min_height
        self.updateGeometry()
        self.update()

    def set_colours(self, colours: TickColours) -> None:
        self._colours = colours
        self.update()

    def box_rect(self) -> QRect:
        """Where the box is drawn: at the left, level with the first line of the sentence."""
        line = QFontMetrics(self.font()).lineSpacing()
        top = max(0, (self._text_top() + line // 2) - self._box // 2)
        return QRect(self._border(), top, self._box, self._box)

    def _border(self) -> int:
        return max(2, self._box // 16)

    def _text_left(self) -> int:
        return self._border() + self._box + self._gap

    def _text_top(self) -> int:
        height = self._text_height(self.width())
        return max(0, (self.height() - height) // 2)

    def _text_height(self, width: int) -> int:
        metrics = QFontMetrics(self.font())
        room = QRect(0, 0, max(1, width - self._text_left()), 1 << 20)
        return metrics.boundingRect(room, int(Qt.TextFlag.TextWordWrap), self.text()).height()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return max(self._min_height, self._text_height(width) + 2 * self._border(), self._box + 2 * self._border())

    def sizeHint(self) -> QSize:
        width = self._text_left() + QFontMetrics(self.font()).horizontalAdvance(self.text()) + self._border()
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        metrics = QFontMetrics(self.font())
        longest = max((metrics.horizontalAdvance(word) for word in self.text().split()), default=0)
        width = self._text_left() + longest + self._border()
        return QSize(width, self.heightForWidth(width))

    def paintEvent(self, _event: QPaintEvent) -> None:
        colours = self._colours
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            border = self._border()
            box = QRectF(self.box_rect())
            radius = self._box / 8
            painter.setPen(QPen(colours.box, border))
            painter.setBrush(colours.box if self.isChecked() else colours.paper)
            painter.drawRoundedRect(box.adjusted(border / 2, border / 2, -border / 2, -border / 2), radius, radius)
            if self.isChecked():
                pen = QPen(colours.tick, max(3.0, self._box / 9))
                pen.setCapStyle(Qt.PenCapStyle.RoundCap)
                pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
                painter.setPen(pen)
                s, x, y = box.width(), box.left(), box.top()
                painter.drawPolyline(
                    [
                        QPointF(x + 0.24 * s, y + 0.52 * s),
                        QPointF(x + 0.43 * s, y + 0.70 * s),
                        QPointF(x + 0.77 * s, y + 0.32 * s),
                    ]
                )
            if self.hasFocus():
                painter.setPen(QPen(colours.focus, border))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(
                    QRectF(self.rect()).adjusted(border / 2, border / 2, -border / 2, -border / 2), radius, radius
                )
            painter.setPen(colours.text)
            text = QRect(self._text_left(), self._text_top(), self.width() - self._text_left() - border, self.height())
            painter.drawText(
                text,
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap),
                self.text(),
            )
        finally:
            painter.end()

    def event(self, event: QEvent) -> bool:
        # The style sheet sets the font: the sentence's height changes with it.
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.updateGeometry()
        return super().event(event)


class DoubleTapGuard(QObject):
    """Makes a double tap on a guarded control one tap: a press that follows the previous
    press within the double-click interval is swallowed, with its double-click and release.

    Older hands often double-tap; without this a topic chip or the consent box would toggle
    twice and end up where it started. Event timestamps, not a clock, decide, so a test can
    replay an exact tap sequence. Keyboard keys are not guarded: "ll" is typed that fast.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._last_press: dict[QObject, int] = {}
        self._swallowing: set[QObject] = set()

    def guard(self, *widgets: QWidget) -> None:
        for widget in widgets:
            widget.installEventFilter(self)

    def forget(self, *widgets: QWidget) -> None:
        """Stop guarding widgets that are going away."""
        for widget in widgets:
            widget.removeEventFilter(self)
            self._last_press.pop(widget, None)
            self._swallowing.discard(widget)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonDblClick:
            self._swallowing.add(watched)
            return True
        if kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            interval = QGuiApplication.styleHints().mouseDoubleClickInterval()
            last = self._last_press.get(watched)
            if last is not None and 0 <= event.timestamp() - last < interval:
                self._swallowing.add(watched)
                return True
            self._last_press[watched] = event.timestamp()
            return False
        if kind == QEvent.Type.MouseButtonRelease and watched in self._swallowing:
            self._swallowing.discard(watched)
            return True
        return False
