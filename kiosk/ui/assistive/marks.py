"""What a screen declares about its widgets for assistive technology.

Marks are dynamic properties on the widgets themselves, so they live and die with them and
cost nothing until a screen reader asks (kiosk/ui/assistive/interfaces.py reads them).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget

ROLE = "accessibleRole"
LABELLED_BY = "accessibleLabelledBy"
DESCRIBED_BY = "accessibleDescribedBy"
#: The reverse links, on the label or message, so both ends of a relation report it.
LABEL_FOR = "accessibleLabelFor"
DESCRIPTION_FOR = "accessibleDescriptionFor"


def set_role(widget: QWidget, role: QAccessible.Role) -> None:
    """What ``widget`` is to a screen reader (a heading, a radio button, a group...)."""
    widget.setProperty(ROLE, int(role.value))


def role_of(widget: QWidget) -> QAccessible.Role | None:
    value = widget.property(ROLE)
    return QAccessible.Role(value) if isinstance(value, int) else None


def label_with(widget: QWidget, label: QWidget) -> None:
    """``label`` (a question, a caption) names ``widget`` (a group of choices)."""
    widget.setProperty(LABELLED_BY, [label])
    label.setProperty(LABEL_FOR, [widget])


def describe_with(widget: QWidget, messages: Sequence[QWidget]) -> None:
    """``messages`` (an error under a field) describe ``widget``; replaces earlier ones."""
    for old in linked(widget, DESCRIBED_BY):
        old.setProperty(DESCRIPTION_FOR, [w for w in linked(old, DESCRIPTION_FOR) if w is not widget])
    widget.setProperty(DESCRIBED_BY, list(messages))
    for message in messages:
        message.setProperty(DESCRIPTION_FOR, [*linked(message, DESCRIPTION_FOR), widget])


def linked(widget: QWidget, mark: str) -> list[QWidget]:
    value = widget.property(mark)
    if not isinstance(value, list):
        return []
    return [w for w in value if isinstance(w, QWidget)]


@dataclass(frozen=True)
class AccessibleAction:
    """Something a screen reader user can do to a widget that has no button for it (the
    slideshow's "Open the menu", which a tap anywhere does)."""

    #: What a screen reader lists and asks for (AT-SPI's action name), in the screen's language.
    label: str
    description: str
    run: Callable[[], None]


@runtime_checkable
class HasActions(Protocol):
    def accessible_actions(self) -> Sequence[AccessibleAction]: ...
