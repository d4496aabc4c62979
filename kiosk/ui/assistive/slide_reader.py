"""A slide's words for a screen reader: a slide reaches the screen as a picture, so each of its
texts (kiosk/ui/render/slide_parts.py) becomes an item where the renderer drew it
(kiosk/ui/render/text_regions.py), in reading order, under the widget that shows the slide.

The items are hidden widgets: they paint nothing and take no input (the picture shows the
words, the host takes the taps), and their interface (kiosk/ui/assistive/interfaces.py) says
they are showing wherever their text is in view.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import QWidget

from kiosk.ui.render.slide_parts import SlidePart
from kiosk.ui.render.text_regions import TextRegions

#: The role of the "Slide 3 of 17" item a host adds after the slide's own parts.
COUNTER = "counter"
#: Short texts that are labels rather than paragraphs.
_LABEL_ROLES = frozenset({"badge", "date", "chip", "phone", COUNTER})


def accessible_role(part: SlidePart) -> QAccessible.Role:
    if part.is_heading:
        return QAccessible.Role.Heading
    return QAccessible.Role.StaticText if part.role in _LABEL_ROLES else QAccessible.Role.Paragraph


class SlideTextItem(QWidget):
    """One text of the slide on screen; never shown (see the module)."""

    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()
        self.role = QAccessible.Role.Paragraph
        self.text = ""

    def set_part(self, role: QAccessible.Role, text: str, rect: QRect) -> None:
        changed = (role, text) != (self.role, self.text)
        self.role, self.text = role, text
        self.setGeometry(rect)
        if changed:
            QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.NameChanged))


class SlideReader:
    """The text items of the slide a ``host`` widget shows."""

    def __init__(self, host: QWidget) -> None:
        self._host = host
        self._items: list[SlideTextItem] = []

    @property
    def items(self) -> list[SlideTextItem]:
        """The items in reading order, including unused ones (empty text, not showing)."""
        return list(self._items)

    def texts(self) -> list[str]:
        return [item.text for item in self._items if item.text]

    def show(
        self,
        parts: Sequence[SlidePart],
        regions: TextRegions,
        *,
        scale_x: float = 1.0,
        scale_y: float = 1.0,
        offset_y: float = 0.0,
        extra: Sequence[tuple[SlidePart, QRectF]] = (),
    ) -> None:
        """Put ``parts`` where ``regions`` (in image pixels) say they are drawn, the image
        being shown scaled by ``scale_x``/``scale_y`` and moved up by ``offset_y``; a part
        with no region of its own covers the whole host. ``extra`` parts follow, at
        rectangles in the host's own coordinates (what the host paints itself)."""
        placed: list[tuple[SlidePart, QRect]] = []
        used: dict[str, int] = {}
        for part in parts:
            nth = used.get(part.role, 0)
            used[part.role] = nth + 1
            found = regions.get(part.role, ())
            rect = self._host.rect()
            if nth < len(found):
                region = found[nth]
                rect = QRectF(
                    region.x() * scale_x,
                    region.y() * scale_y - offset_y,
                    region.width() * scale_x,
                    region.height() * scale_y,
                ).toAlignedRect()
            placed.append((part, rect))
        placed.extend((part, rect.toAlignedRect()) for part, rect in extra)
        while len(self._items) < len(placed):
            self._items.append(SlideTextItem(self._host))
        for item, (part, rect) in zip(self._items, placed, strict=False):
            item.set_part(accessible_role(part), part.words, rect)
        for item in self._items[len(placed) :]:
            item.set_part(QAccessible.Role.Paragraph, "", QRect())

    def clear(self) -> None:
        self.show((), {})
