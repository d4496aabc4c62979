"""The accessible interfaces Qt hands to a screen reader for the kiosk window's own widgets.

Qt describes a QPushButton or a QLabel by itself, but not well enough for a touch kiosk:

- a control scrolled out of sight (under the keyboard, below the fold) still says "showing",
  so a screen reader reads, and offers to press, what nobody can see;
- a checkable push button is always a "check box", even when it is one of a few exclusive
  choices (a radio button), and a row of choices has no name of its own;
- a slide is a picture: its words are nowhere.

:func:`install` (the kiosk's shell calls it) adds a factory that Qt asks first, for every
object an assistive technology looks at. It answers for buttons, labels and plain containers with
interfaces that read the marks screens set (kiosk/ui/assistive/marks.py), compute the
off-screen state from what is really visible, and expose slide text items
(kiosk/ui/assistive/slide_reader.py). Everything else (text fields with their text
interface, scroll areas, scroll bars) keeps Qt's own interface.

Qt only asks while an assistive technology is connected (the AT-SPI bus on Linux): without
one none of this runs. PySide keeps every interface it is given alive until the application
ends, which is a few hundred bytes per widget while a screen reader is in use.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRect
from PySide6.QtGui import QAccessible, QAccessibleActionInterface, QAccessibleInterface
from PySide6.QtWidgets import QAbstractButton, QAccessibleWidget, QLabel, QPushButton, QWidget

from kiosk.ui.assistive.marks import (
    DESCRIBED_BY,
    DESCRIPTION_FOR,
    LABEL_FOR,
    LABELLED_BY,
    HasActions,
    linked,
    role_of,
)
from kiosk.ui.assistive.slide_reader import SlideTextItem

log = logging.getLogger(__name__)

#: The application property that says the factory is installed (once per application).
INSTALLED = "kioskAccessibleFactory"
_Relation = QAccessible.RelationFlag
RelationList = list[tuple[QAccessibleInterface, QAccessible.RelationFlag]]


def install(app: QCoreApplication) -> None:
    """Have Qt ask :func:`interface_for` first (once per application)."""
    if app.property(INSTALLED):
        return
    app.setProperty(INSTALLED, True)
    QAccessible.installFactory(_factory)


def _factory(_class_name: str, obj: QObject) -> QAccessibleInterface | None:
    try:
        return interface_for(obj)
    except Exception:  # a screen reader's question must never take the kiosk down
        log.exception("accessible interface for %s failed", type(obj).__name__)
        return None


def interface_for(obj: QObject) -> QAccessibleInterface | None:
    """Our interface for ``obj``, or None for Qt's own."""
    # Every widget of the application, not only those already in the kiosk window: Qt asks
    # once per object and keeps the answer, often while a screen is still being built.
    if not isinstance(obj, QWidget):
        return None
    if isinstance(obj, SlideTextItem):
        return SlidePartInterface(obj)
    if isinstance(obj, QAbstractButton):
        return ButtonInterface(obj)
    if isinstance(obj, QLabel):
        # A picture (the QR code) keeps Qt's interface, which describes the image.
        pixmap = obj.pixmap()
        return LabelInterface(obj) if pixmap is None or pixmap.isNull() else None
    if _plain_container(obj):
        return KioskInterface(obj, QAccessible.Role.Client)
    return None


def _plain_container(widget: QWidget) -> bool:
    """A QWidget or QFrame, or the kiosk's own subclass of one: a box other widgets sit in
    (not a scroll area, stack or slider, which keep Qt's interfaces)."""
    for cls in type(widget).__mro__:
        if cls.__module__.startswith("PySide6."):
            return cls.__name__ in ("QWidget", "QFrame")
    return False


def scrolled_out_of_sight(widget: QWidget) -> bool:
    """Shown, but no part of it can be seen: scrolled out of its scroll area's view."""
    return widget.isVisible() and widget.visibleRegion().isEmpty()


class KioskInterface(QAccessibleWidget):
    """Qt's widget interface plus the marks: role, relations, actions and off-screen state."""

    def __init__(self, widget: QWidget, role: QAccessible.Role) -> None:
        super().__init__(widget, role)
        self._default_role = role

    def role(self) -> QAccessible.Role:
        return role_of(self.widget()) or self.default_role()

    def default_role(self) -> QAccessible.Role:
        if linked(self.widget(), LABELLED_BY):
            return QAccessible.Role.Grouping
        return self._default_role

    def text(self, kind: QAccessible.Text) -> str:
        widget = self.widget()
        if kind == QAccessible.Text.Name and not widget.accessibleName():
            labels = linked(widget, LABELLED_BY)
            if labels:
                return _visible_text(labels[0])
        return str(super().text(kind))

    def state(self) -> Any:
        state = super().state()
        if not state.invisible and scrolled_out_of_sight(self.widget()):
            state.offscreen = True
        return state

    def relations(self, match: QAccessible.RelationFlag = _Relation.AllRelations) -> RelationList:
        found: RelationList = list(super().relations(match))
        widget = self.widget()
        # (other, relation): "other is <relation> of this widget", as Qt defines it.
        wanted = (
            (LABELLED_BY, _Relation.Label),
            (LABEL_FOR, _Relation.Labelled),
            (DESCRIBED_BY, _Relation.DescriptionFor),
            (DESCRIPTION_FOR, _Relation.Described),
        )
        for mark, relation in wanted:
            if not match & relation:
                continue
            for other in linked(widget, mark):
                iface = QAccessible.queryAccessibleInterface(other)
                if iface is not None and not any(i is iface and r == relation for i, r in found):
                    found.append((iface, relation))
        return found

    # -- actions -------------------------------------------------------------------------------
    def _own_actions(self) -> dict[str, Any]:
        widget = self.widget()
        if isinstance(widget, HasActions):
            return {action.label: action for action in widget.accessible_actions()}
        return {}

    def actionNames(self) -> list[str]:
        return [*self._own_actions(), *super().actionNames()]

    def localizedActionName(self, name: str) -> str:
        action = self._own_actions().get(name)
        return action.label if action is not None else str(super().localizedActionName(name))

    def localizedActionDescription(self, name: str) -> str:
        action = self._own_actions().get(name)
        return action.description if action is not None else str(super().localizedActionDescription(name))

    def doAction(self, name: str) -> None:
        action = self._own_actions().get(name)
        if action is not None:
            if self.widget().isEnabled():
                action.run()
            return
        super().doAction(name)


def _visible_text(widget: QWidget) -> str:
    if widget.accessibleName():
        return widget.accessibleName()
    if isinstance(widget, (QLabel, QAbstractButton)):
        return widget.text()
    return ""


class ButtonInterface(KioskInterface):
    """A push button, check box or radio button (its mark says which; a checkable button
    without one is a check box, as Qt has it)."""

    def __init__(self, button: QAbstractButton) -> None:
        super().__init__(button, QAccessible.Role.PushButton)
        self._button = button

    def default_role(self) -> QAccessible.Role:
        button = self._button
        return QAccessible.Role.CheckBox if button.isCheckable() else QAccessible.Role.PushButton

    def text(self, kind: QAccessible.Text) -> str:
        button = self._button
        if kind == QAccessible.Text.Name and not button.accessibleName():
            return button.text().replace("&", "")
        return super().text(kind)

    def state(self) -> Any:
        state = super().state()
        button = self._button
        if button.isCheckable():
            state.checkable = True
            state.checked = button.isChecked()
        state.pressed = button.isDown()
        if isinstance(button, QPushButton) and button.isDefault():
            state.defaultButton = True
        return state

    def actionNames(self) -> list[str]:
        press = QAccessibleActionInterface.pressAction()
        return [press, *(n for n in super().actionNames() if n != press)]

    def doAction(self, name: str) -> None:
        if name in (QAccessibleActionInterface.pressAction(), QAccessibleActionInterface.toggleAction()):
            button = self._button
            if button.isEnabled():
                button.click()
            return
        super().doAction(name)


class LabelInterface(KioskInterface):
    """Text on a touch screen: static text, a heading, a question that names a group, an
    error message that describes a field."""

    def __init__(self, label: QLabel) -> None:
        super().__init__(label, QAccessible.Role.StaticText)
        self._label = label

    def default_role(self) -> QAccessible.Role:
        return QAccessible.Role.StaticText

    def text(self, kind: QAccessible.Text) -> str:
        label = self._label
        if kind == QAccessible.Text.Name and not label.accessibleName():
            return label.text()
        return super().text(kind)

    def state(self) -> Any:
        state = super().state()
        state.readOnly = True
        return state

    def relations(self, match: QAccessible.RelationFlag = _Relation.AllRelations) -> RelationList:
        found = super().relations(match)
        buddy = self._label.buddy()
        if buddy is not None and match & _Relation.Labelled:
            iface = QAccessible.queryAccessibleInterface(buddy)
            if iface is not None:
                found.append((iface, _Relation.Labelled))
        return found


class SlidePartInterface(KioskInterface):
    """A slide's words (kiosk/ui/assistive/slide_reader.py): a hidden widget, as it paints
    nothing, that says where on the slide its text is drawn and is showing while that is."""

    def __init__(self, item: SlideTextItem) -> None:
        super().__init__(item, item.role)
        self._item = item

    def default_role(self) -> QAccessible.Role:
        return self._item.role

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Name:
            return self._item.text
        return super().text(kind)

    def rect(self) -> QRect:
        item = self._item
        host = item.parentWidget()
        if host is None or not host.isVisible() or not item.text:
            return QRect()
        return QRect(host.mapToGlobal(item.geometry().topLeft()), item.geometry().size())

    def state(self) -> Any:
        state = super().state()
        item = self._item
        host = item.parentWidget()
        state.invisible = host is None or not host.isVisible() or not item.text
        state.offscreen = (
            host is not None and not state.invisible and not host.visibleRegion().intersects(item.geometry())
        )
        state.readOnly = True
        return state
