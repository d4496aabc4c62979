"""A topic on the menu as a big card: the topic's icon, its title (wrapping to more lines
rather than being cut) and a short detail line under it.

The card is a QPushButton, so taps, focus, debounce, the pressed look and accessibility work
as for every other button; ``text()`` is the title. The button itself only draws its panel;
the icon and texts are child labels that let every mouse event through to the button.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QStyle, QStyleOptionButton, QStylePainter, QWidget


class TopicCard(QPushButton):
    #: The card's texts changed size (a new font, larger text): the menu lays the cards out again.
    textSizeChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "topic")
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.icon_label = QLabel(self)
        self.icon_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.icon_label.setProperty("role", "topicIcon")
        self.title_label = QLabel(self)
        self.title_label.setProperty("role", "topicTitle")
        self.title_label.setWordWrap(True)
        self.detail_label = QLabel(self)
        self.detail_label.setProperty("role", "topicDetail")
        for label in self._labels():
            label.setTextFormat(Qt.TextFormat.PlainText)
            # The whole card is the target: a press on the title is a press on the card.
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._icon = QIcon()
        self._icon_shown = 0
        self._pad, self._gap, self._icon_min, self._icon_max = 24, 24, 64, 160
        self._text_sizes: tuple[object, ...] = ()
        self._styled_down = False
        self.pressed.connect(self._follow_down)
        self.released.connect(self._follow_down)

    def _labels(self) -> tuple[QLabel, ...]:
        return (self.icon_label, self.title_label, self.detail_label)

    # -- content ------------------------------------------------------------------------------
    def set_content(self, title: str, detail: str, icon: QIcon | None = None) -> None:
        self.setText(title)
        self.title_label.setText(title)
        self.detail_label.setText(detail)
        self.detail_label.setVisible(bool(detail))
        if icon is not None:
            self._icon = icon
            self._icon_shown = 0
        self.updateGeometry()
        self._place()

    def set_metrics(self, *, pad: int, gap: int, icon_min: int, icon_max: int) -> None:
        """Padding, the gap between icon and text, and the icon's size range, in pixels."""
        metrics = (pad, gap, icon_min, max(icon_min, icon_max))
        if metrics == (self._pad, self._gap, self._icon_min, self._icon_max):
            return
        self._pad, self._gap, self._icon_min, self._icon_max = metrics
        self.updateGeometry()
        self._place()

    def has_icon(self) -> bool:
        return not self._icon.isNull()

    # -- size ---------------------------------------------------------------------------------
    def _icon_room(self, icon: int) -> int:
        return icon + self._gap if self.has_icon() else 0

    def _text_height(self, text_width: int) -> int:
        height = self.title_label.heightForWidth(max(1, text_width))
        if self.detail_label.text():
            height += self._line_gap() + self.detail_label.sizeHint().height()
        return height

    def _line_gap(self) -> int:
        return max(2, self._pad // 4)

    def _single_line_width(self) -> int:
        metrics = self.title_label.fontMetrics()
        # A little slack: the label's text layout may want a pixel or two more than the advance.
        title = metrics.horizontalAdvance(self.title_label.text()) + metrics.averageCharWidth() // 2
        return max(title, self.detail_label.sizeHint().width() if self.detail_label.text() else 0)

    def hasHeightForWidth(self) -> bool:
        return True

    def _vertical_pad(self) -> int:
        # Less above and below than at the sides: rows of cards fit on shorter screens.
        return max(4, self._pad * 2 // 3)

    def icon_for(self, width: int) -> int:
        """The icon's size in a card ``width`` wide (before the card's height limits it):
        large, but smaller if that keeps the title on one line, and always leaving the title's
        longest word its room."""
        if not self.has_icon():
            return 0
        room = width - 2 * self._pad - self._gap
        icon = min(self._icon_max, int(width * 0.2), room - self._widest_unbreakable())
        if room - self._single_line_width() - 1 >= self._icon_min:
            icon = min(icon, room - self._single_line_width() - 1)
        return max(self._icon_min, icon)

    def title_lines(self, width: int) -> int:
        """How many lines the title takes in a card ``width`` wide."""
        text_width = width - 2 * self._pad - self._icon_room(self.icon_for(width))
        line = max(1, self.title_label.fontMetrics().lineSpacing())
        return max(1, round(self.title_label.heightForWidth(max(1, text_width)) / line))

    def heightForWidth(self, width: int) -> int:
        # Text measured beside the largest icon this width gets: the icon only shrinks later.
        text_width = width - 2 * self._pad - self._icon_room(self.icon_for(width))
        icon = self._icon_min if self.has_icon() else 0
        return 2 * self._vertical_pad() + max(icon, self._text_height(text_width))

    def sizeHint(self) -> QSize:
        width = 2 * self._pad + self._icon_room(self._icon_min) + self._single_line_width() + 1
        return QSize(width, self.heightForWidth(width))

    def _widest_unbreakable(self) -> int:
        """The widest text that cannot wrap: the title's longest word, or the detail line."""
        metrics = self.title_label.fontMetrics()
        longest = max((metrics.horizontalAdvance(word) for word in self.title_label.text().split()), default=0)
        detail = self.detail_label.sizeHint().width() if self.detail_label.text() else 0
        return max(longest, detail) + 1

    def minimum_width(self) -> int:
        """The narrowest card in which no word of the title has to be cut."""
        return 2 * self._pad + self._icon_room(self._icon_min) + self._widest_unbreakable()

    def minimumSizeHint(self) -> QSize:
        width = self.minimum_width()
        return QSize(width, self.heightForWidth(width))

    # -- placing the icon and texts --------------------------------------------------------------
    def _place(self) -> None:
        width, height = self.width(), self.height()
        icon = min(self.icon_for(width), height - 2 * self._vertical_pad()) if self.has_icon() else 0
        text_x = self._pad + self._icon_room(icon)
        text_width = max(1, width - text_x - self._pad)
        title_height = self.title_label.heightForWidth(text_width)
        block = self._text_height(text_width)
        top = max(self._vertical_pad(), (height - block) // 2)
        self.title_label.setGeometry(text_x, top, text_width, title_height)
        self.detail_label.setGeometry(
            text_x, top + title_height + self._line_gap(), text_width, self.detail_label.sizeHint().height()
        )
        self.icon_label.setVisible(icon > 0)
        if icon > 0:
            self.icon_label.setGeometry(self._pad, (height - icon) // 2, icon, icon)
            if icon != self._icon_shown:
                self._icon_shown = icon
                self.icon_label.setPixmap(self._icon.pixmap(QSize(icon, icon), self.devicePixelRatioF()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place()

    def event(self, event: QEvent) -> bool:
        # A label's font changed (larger text, a new style sheet): the card's size changes too.
        if event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
            self._place()
            sizes = (self.title_label.font().key(), self.detail_label.font().key())
            if sizes != self._text_sizes:
                self._text_sizes = sizes
                self.textSizeChanged.emit()
        elif event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self.updateGeometry()
        return super().event(event)

    # -- look ---------------------------------------------------------------------------------
    def _follow_down(self) -> None:
        # The labels' pressed colours come from a rule on the card's "down" property (style
        # sheets match an ancestor's properties, not its :pressed state), and style sheets do
        # not follow property changes by themselves: restyle the labels with the panel.
        down = self.isDown()
        if down == self._styled_down:
            return
        self._styled_down = down
        for label in self._labels():
            label.style().unpolish(label)
            label.style().polish(label)
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        # Only the panel (background, border, pressed and focus look): the labels draw the rest.
        painter = QStylePainter(self)
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = ""
        option.icon = QIcon()
        painter.drawControl(QStyle.ControlElement.CE_PushButton, option)
