"""The editor of one slide (or of the clinic's details): a row per field declared in
kiosk/core/fields.py, each with its input, its help and the validator's own messages about it.

The rows are generated from the declarations: a field added there appears here by itself
(named from its key until a translated label is added to :func:`field_label`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from kiosk.core.fields import FieldType
from kiosk.core.studio.editor import FieldState
from kiosk.core.studio.keys import DocKey
from kiosk.core.studio.model import StudioModel
from kiosk.core.studio.values import TopicValue
from kiosk.ui.studio.field_inputs import FieldInput, InputContext, make_input

ERROR_STYLE = "color: #b3261e;"
WARNING_STYLE = "color: #8a5a00;"
HELP_STYLE = "color: #5b6b73;"


def field_label(name: str) -> str:
    """A field's name for staff, in the studio's language (its key, readable, when new)."""
    labels = {
        "id": QCoreApplication.translate("Fields", "Id (file name)"),
        "kind": QCoreApplication.translate("Fields", "Kind of slide"),
        "topic": QCoreApplication.translate("Fields", "Topic"),
        "title": QCoreApplication.translate("Fields", "Title"),
        "duration": QCoreApplication.translate("Fields", "Time on screen"),
        "schedule": QCoreApplication.translate("Fields", "When it plays"),
        "hidden": QCoreApplication.translate("Fields", "Hidden"),
        "body": QCoreApplication.translate("Fields", "Text"),
        "image": QCoreApplication.translate("Fields", "Picture"),
        "items": QCoreApplication.translate("Fields", "Points"),
        "steps": QCoreApplication.translate("Fields", "Steps"),
        "caution": QCoreApplication.translate("Fields", "Safety note"),
        "hold": QCoreApplication.translate("Fields", "Hold each time"),
        "repetitions": QCoreApplication.translate("Fields", "Repetitions"),
        "sets": QCoreApplication.translate("Fields", "Sets"),
        "date": QCoreApplication.translate("Fields", "Date of the news"),
        "qr": QCoreApplication.translate("Fields", "QR code"),
        "qr_caption": QCoreApplication.translate("Fields", "QR code caption"),
        "name": QCoreApplication.translate("Fields", "Clinic name"),
        "phone": QCoreApplication.translate("Fields", "Phone"),
        "address": QCoreApplication.translate("Fields", "Address"),
        "website": QCoreApplication.translate("Fields", "Website"),
        "timezone": QCoreApplication.translate("Fields", "Time zone"),
        "languages": QCoreApplication.translate("Fields", "Languages"),
        "default_duration": QCoreApplication.translate("Fields", "Time on screen for every slide"),
        "theme": QCoreApplication.translate("Fields", "Colours"),
        "primary": QCoreApplication.translate("Fields", "Headers and buttons"),
        "accent": QCoreApplication.translate("Fields", "Highlights"),
        "background": QCoreApplication.translate("Fields", "Background"),
        "text": QCoreApplication.translate("Fields", "Text colour"),
        "logo": QCoreApplication.translate("Fields", "Logo"),
        "opening_hours": QCoreApplication.translate("Fields", "Opening hours"),
        "follow_up": QCoreApplication.translate("Fields", "After a request"),
        "topics": QCoreApplication.translate("Fields", "Topics"),
    }
    return labels.get(name, name.replace("_", " ").capitalize())


def kind_name(kind: str) -> str:
    """A slide kind's name for staff."""
    names = {
        "info": QCoreApplication.translate("Fields", "Information"),
        "bullets": QCoreApplication.translate("Fields", "Points"),
        "exercise": QCoreApplication.translate("Fields", "Exercise"),
        "news": QCoreApplication.translate("Fields", "News"),
        "contact": QCoreApplication.translate("Fields", "Contact"),
    }
    return names.get(kind, kind)


def field_help(name: str, doc: str) -> str:
    """A line of help under a field, for staff rather than for YAML (the declaration's own
    description when the studio has no better words yet)."""
    helps = {
        "id": QCoreApplication.translate(
            "Fields", "Names the slide's file: small letters, digits and dashes, e.g. cat-cow."
        ),
        "kind": QCoreApplication.translate("Fields", "Decided when the slide is added."),
        "topic": QCoreApplication.translate("Fields", "Where patients find the slide in the menu."),
        "title": QCoreApplication.translate("Fields", "The headline, large at the top."),
        "duration": QCoreApplication.translate(
            "Fields", "How long it stays on screen (4 s to 5 min); not set: the clinic's usual time."
        ),
        "schedule": QCoreApplication.translate("Fields", "Leave everything unticked and it always plays."),
        "hidden": QCoreApplication.translate(
            "Fields", "A hidden slide is kept and checked, but patients never see it (a draft, or out of season)."
        ),
        "body": QCoreApplication.translate(
            "Fields", "Paragraphs; **bold**, *italic*, and lines starting with - for a list."
        ),
        "image": QCoreApplication.translate(
            "Fields", "A PNG, JPEG or SVG picture; it is scaled to what the kiosk needs."
        ),
        "items": QCoreApplication.translate("Fields", "Short points, one per line."),
        "steps": QCoreApplication.translate("Fields", "Short steps, in order; each one is numbered on the slide."),
        "caution": QCoreApplication.translate("Fields", "A safety line, e.g. ask your therapist before you start."),
        "date": QCoreApplication.translate("Fields", "The day the news is about."),
        "qr": QCoreApplication.translate(
            "Fields", "What the QR code opens: tel:+13033224900 for a call, or an https:// address."
        ),
    }
    return helps.get(name, doc)


class FieldRow(QFrame):
    """Label, help, input and messages of one field."""

    def __init__(self, state: FieldState, field_input: FieldInput, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = state.path
        self.input = field_input
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 6)
        name = field_label(state.name) + (" *" if state.required else "")
        self.label = QLabel(f"<b>{name}</b>")
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setBuddy(field_input.focus_widget())
        self.help = QLabel(field_help(state.name, state.doc))
        self.help.setWordWrap(True)
        self.help.setStyleSheet(HELP_STYLE)
        self.messages = QLabel()
        self.messages.setWordWrap(True)
        self.messages.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.label)
        layout.addWidget(self.help)
        layout.addWidget(field_input)
        layout.addWidget(self.messages)
        field_input.focus_widget().setAccessibleDescription(state.doc)
        self.show_problems(state)

    def refresh(self, state: FieldState, *, force: bool) -> None:
        self.input.refresh(state, force=force)
        self.show_problems(state)

    def show_problems(self, state: FieldState) -> None:
        lines = [f"✖ {p.message}" for p in state.errors] + [f"⚠ {p.message}" for p in state.warnings]
        if state.placeholder:
            lines.append(QCoreApplication.translate("Fields", "✎ Still the new slide's example: write your own."))
        self.messages.setText("\n".join(lines))
        self.messages.setStyleSheet(ERROR_STYLE if state.errors or state.placeholder else WARNING_STYLE)
        self.messages.setVisible(bool(lines))
        # Assistive technology hears the message with the field, not only sees it in red.
        description = state.doc + ("\n" + "\n".join(lines) if lines else "")
        self.input.focus_widget().setAccessibleDescription(description)


class FieldPanel(QScrollArea):
    """Every field of one slide or of the clinic."""

    #: A field was edited (the window schedules a check and a preview).
    edited = Signal()

    def __init__(
        self, model: StudioModel, make_context: Callable[[DocKey], InputContext], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._model = model
        self._make_context = make_context
        self._key: DocKey | None = None
        self._rows: dict[str, FieldRow] = {}
        self.setWidgetResizable(True)
        self._body = QWidget()
        self._layout = QVBoxLayout(self._body)
        self._layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.header = QLabel()
        self.header.setWordWrap(True)
        self._layout.addWidget(self.header)
        self.setWidget(self._body)

    @property
    def key(self) -> DocKey | None:
        return self._key

    def rows(self) -> dict[str, FieldRow]:
        return dict(self._rows)

    def show_key(self, key: DocKey | None) -> None:
        """Edit ``key`` (a slide, or the clinic); None empties the panel."""
        self._key = key
        for row in self._rows.values():
            self._layout.removeWidget(row)
            row.setParent(None)
            row.deleteLater()
        self._rows = {}
        if key is None:
            self.header.setText(QCoreApplication.translate("Fields", "Choose a slide on the left to edit it."))
            return
        reason = self._model.not_editable(key)
        if reason is not None:
            self.header.setText(
                QCoreApplication.translate("Fields", "This slide cannot be edited here: {reason}").format(reason=reason)
            )
            return
        self.header.setText(self._title(key))
        context = self._make_context(key)
        topics: tuple[TopicValue, ...] = self._model.topics
        flag = QCoreApplication.translate("Fields", "Hidden: kept, but never shown on the kiosk")
        for state in self._model.fields(key):
            for shown in state.children if state.type is FieldType.THEME else (state,):
                field_input = make_input(shown, context, topics, flag, kind_name)
                if field_input is None:
                    continue
                field_input.edited.connect(self._edited)
                row = FieldRow(shown, field_input)
                self._rows[shown.path] = row
                self._layout.addWidget(row)

    def _title(self, key: DocKey) -> str:
        if key.is_clinic:
            return QCoreApplication.translate("Fields", "The clinic: name, colours, topics and hours ({file})").format(
                file=key.path
            )
        if key.is_notices:
            return QCoreApplication.translate(
                "Fields", "Notices for today on every kiosk, and phrases staff pick on a kiosk ({file})"
            ).format(file=key.path)
        kind = self._model.kind(key) or "?"
        return QCoreApplication.translate("Fields", "{kind} slide, in {file}").format(kind=kind_name(kind), file=key)

    def _edited(self) -> None:
        self.refresh()
        self.edited.emit()

    def refresh(self, *, force: bool = False) -> None:
        """Show the fields as they stand now (``force``: also in the box being typed in, e.g.
        after undo); rebuilt when the slide's fields changed shape."""
        key = self._key
        if key is None:
            return
        if self._model.not_editable(key) is not None:
            self.show_key(key)
            return
        states: dict[str, FieldState] = {}
        for state in self._model.fields(key):
            for shown in state.children if state.type is FieldType.THEME else (state,):
                states[shown.path] = state if shown is state else shown
        if set(states) != set(self._rows) and any(p not in states for p in self._rows):
            self.show_key(key)
            return
        for path, row in self._rows.items():
            row.refresh(states[path], force=force)

    def focus_field(self, path: str) -> bool:
        """Scroll to the field ``path`` (or the field it is part of) and put the cursor there."""
        candidates = [p for p in self._rows if path == p or path.startswith((p + ".", p + "["))]
        if not candidates:
            return False
        row = self._rows[max(candidates, key=len)]
        self.ensureWidgetVisible(row)
        row.input.focus_widget().setFocus(Qt.FocusReason.OtherFocusReason)
        return True
