"""The "Request more information" screen: the form with its docked on-screen keyboard, and
the thank-you screen shown once the store has acknowledged the request.

The form is laid out for the smallest supported screen (1366x768) in larger text:

- the three text fields sit above everything that scrolls (side by side in landscape), so a
  field is never scrolled out of sight, under the keyboard or otherwise;
- the choices (topics, contact time) scroll in between, with a "More below" strip under them
  when they do not fit (kiosk/ui/scroll_cue.py);
- the consent box, the privacy note and "Send" are always at the bottom, in view.

While the keyboard is up the form is in *typing mode*: only the fields, "Send" and the
keyboard are shown (the choices, the consent box and the privacy note come back with "Done"),
so the field being typed in, its label, the next field and "Send" are all in view.

A send with something missing ties each message to its field (the field's description and a
"described by" relation for screen readers), moves the focus to the first field in error
(scrolled into view, without the keyboard jumping up) and announces how many problems there
are. The request is stored (``submitter.submit``) before the thank-you screen appears; one
idempotency token per form makes a double tap store one request. What the patient typed is
never logged, and leaves the screen on submit, cancel and every session reset.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAccessible, QColor
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QScroller,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.clock import Clock
from kiosk.core.digests import token_urlsafe
from kiosk.core.model import Clinic
from kiosk.core.requests.errors import StorageError
from kiosk.core.requests.model import (
    EMAIL_MAX,
    NAME_MAX,
    PHONE_INPUT_MAX,
    ContactTime,
    FieldError,
    InfoRequest,
    RequestInput,
    StoredRequest,
    validate_request,
)
from kiosk.ui.accessibility import describe
from kiosk.ui.assistive.announce import announce
from kiosk.ui.assistive.marks import describe_with, label_with, set_role
from kiosk.ui.request.fields import (
    ChipGrid,
    ConsentBox,
    DoubleTapGuard,
    ErrorLabel,
    SegmentedChoice,
    TextField,
    TickColours,
    WrapButton,
)
from kiosk.ui.request.keyboard import KeyAction, KeyboardMode, OnScreenKeyboard
from kiosk.ui.request.messages import field_message
from kiosk.ui.request.style import PHONE_TEXT, Palette, request_stylesheet
from kiosk.ui.request.thanks_screen import ThanksScreen
from kiosk.ui.scale import REFERENCE_SIZE, min_gap, min_target, px, text_px
from kiosk.ui.scroll_cue import MoreBelow
from kiosk.ui.session import Session
from kiosk.ui.touch_screen import TouchScreen

log = logging.getLogger(__name__)

#: Height of fields, chips and buttons at 1920x1080 (the touch minimum is 72).
CONTROL_HEIGHT = 88
#: Default retention of delivered requests (kiosk.yaml ``retention_days``), for the privacy note.
DEFAULT_RETENTION_DAYS = 30


class Submitter(Protocol):
    """Stores a validated request and returns once it is durable (RequestStore fits)."""

    def submit(self, request: InfoRequest, idempotency_token: str) -> StoredRequest: ...


class RequestScreen(TouchScreen):
    """The form, then the thank-you screen; the shell hosts it as one screen."""

    #: The thank-you screen is done (timeout or "Done"); the shell goes home.
    finished = Signal()
    #: The patient cancelled; the shell goes back (to the menu).
    cancelled = Signal()
    #: A request id, after the store acknowledged it.
    submitted = Signal(str)
    #: The topic ids of the request just stored, and nothing else about it: the insights
    #: count requests per topic from these (kiosk/ui/insights/recorder.py).
    requestTopics = Signal(list)

    def __init__(
        self,
        session: Session,
        clinic: Clinic,
        submitter: Submitter,
        *,
        clock: Clock | None = None,
        thanks_seconds: float = 20.0,
        retention_days: int = DEFAULT_RETENTION_DAYS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("requestScreen", session=session, parent=parent)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        # A fixed minimum keeps the keyboard and field sizes from reaching the top-level window's
        # size constraints (the form scrolls instead); the shell's window stays full screen.
        self.setMinimumSize(1, 1)
        self._session = session
        self._clinic = clinic
        self._submitter = submitter
        self._thanks_seconds = thanks_seconds
        self._retention_days = retention_days
        self._known_topics = tuple(t.id for t in clinic.topics)
        self._token: str | None = None
        self._source_topic: str | None = None
        self._submitting = False
        self._attempted = False
        self._errors: tuple[FieldError, ...] = ()
        self._storage_failed = False
        self._style_key: tuple[object, ...] | None = None
        self._landscape: bool | None = None
        # The form moves the focus itself (first field, first error): no keyboard for that.
        self._quiet_focus = False

        self._build_form()
        self.thanks = ThanksScreen(clinic, clock=clock, parent=self)
        self.thanks.done.connect(self._on_thanks_done)
        self._stack = QStackedLayout(self)
        self._stack.addWidget(self._form_page)
        self._stack.addWidget(self.thanks)

        self._double_taps = DoubleTapGuard(self)
        self._double_taps.guard(
            *self.topics.chips,
            *self.contact_time.buttons,
            self.consent,
            self.cancel_button,
            self.submit_button,
            self.thanks.done_button,
            self.keyboard.action_key(KeyAction.NEXT, KeyboardMode.TEXT),
            self.keyboard.action_key(KeyAction.NEXT, KeyboardMode.EMAIL),
            self.keyboard.action_key(KeyAction.NEXT, KeyboardMode.PHONE),
        )
        session.resetRequested.connect(self.clear)

        self._new_token()
        self.retranslate()
        self._apply_layout(REFERENCE_SIZE)
        self._apply_style(force=True)

    # -- building -------------------------------------------------------------------------
    def _build_form(self) -> None:
        """The form page: header, the fields, the choices in a scroll area, the footer, the keyboard."""
        page = QWidget(self)
        page.setObjectName("requestForm")
        page.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._form_page = page
        self._build_header(page)
        self._build_fields(page)
        content = QWidget()
        content.setObjectName("formContent")
        content.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._content = content
        self._build_choices(content)
        self._build_scroll_area(page, content)
        self._build_footer(page)
        self._lay_out_page(page)

    def _build_header(self, page: QWidget) -> None:
        self.title = QLabel(page)
        self.title.setObjectName("screenTitle")
        self.title.setWordWrap(True)
        set_role(self.title, QAccessible.Role.Heading)
        self.intro = QLabel(page)
        self.intro.setWordWrap(True)
        self.cancel_button = QPushButton(page)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.cancel_button.clicked.connect(self._on_cancel)

    def _build_fields(self, page: QWidget) -> None:
        """Name, phone and email, each with its error line, and the hint under them: never in
        the scroll area (see the module)."""
        box = QWidget(page)
        box.setObjectName("formFields")
        self._fields_box = box
        self.name = TextField(KeyboardMode.TEXT, NAME_MAX, box)
        self.phone = TextField(KeyboardMode.PHONE, PHONE_INPUT_MAX, box)
        self.email = TextField(KeyboardMode.EMAIL, EMAIL_MAX, box)
        self.contact_hint = QLabel(box)
        self.contact_hint.setWordWrap(True)
        self.contact_error = ErrorLabel(box)
        self._fields_grid = QGridLayout(box)
        self._fields: list[TextField] = [self.name, self.phone, self.email]
        for field in self._fields:
            field.edit.activated.connect(lambda f=field: self._on_field_activated(f))
            field.edit.textChanged.connect(self._on_input_changed)

    def _build_choices(self, content: QWidget) -> None:
        """The two questions, each a group named by its question, with its error line."""
        self.topics_caption = QLabel(content)
        self.topics_caption.setObjectName("sectionTitle")
        self.topics_caption.setWordWrap(True)
        self.topics_error = ErrorLabel(content)
        self.topics = self._make_chips(content)
        self.time_caption = QLabel(content)
        self.time_caption.setObjectName("sectionTitle")
        self.time_caption.setWordWrap(True)
        self.time_error = ErrorLabel(content)
        self.contact_time = SegmentedChoice([c.value for c in ContactTime], ContactTime.ANY.value, parent=content)
        label_with(self.contact_time, self.time_caption)
        self.contact_time.changed.connect(lambda _v: self._on_input_changed())
        self._question_columns: list[QVBoxLayout] = []
        self._questions: list[QWidget] = []
        for caption, group, error in (
            (self.topics_caption, self.topics, self.topics_error),
            (self.time_caption, self.contact_time, self.time_error),
        ):
            question = QWidget(content)
            column = QVBoxLayout(question)
            column.setContentsMargins(0, 0, 0, 0)
            for widget in (caption, group, error):
                widget.setParent(question)
                column.addWidget(widget)
            column.addStretch(1)
            self._questions.append(question)
            self._question_columns.append(column)
        self._topics_column = self._question_columns[0]
        self._choices_grid = QGridLayout(content)

    def _build_scroll_area(self, page: QWidget, content: QWidget) -> None:
        self.scroll_area = QScrollArea(page)
        self.scroll_area.setWidget(content)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # A finger drags the choices (mouse drags stay clicks, as in the menu); patients do not
        # look for scroll bars, so "More below" says when there is more.
        QScroller.grabGesture(self.scroll_area.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        self.more_below = MoreBelow(
            self.scroll_area.verticalScrollBar(), lambda: self.scroll_area.viewport().height(), page
        )

    def _build_footer(self, page: QWidget) -> None:
        """The consent box and the privacy note, the form's own error line, "Send my request"
        and the docked keyboard."""
        self.consent = ConsentBox(page)
        self.consent.toggled.connect(lambda _on: self._on_input_changed())
        self.consent_error = ErrorLabel(page)
        self.privacy = QLabel(page)
        self.privacy.setObjectName("privacy")
        self.privacy.setWordWrap(True)
        self.form_error = ErrorLabel(page)
        self.form_error.setObjectName("formError")
        self.submit_button = WrapButton(page)
        self.submit_button.setObjectName("primaryButton")
        self.submit_button.setAutoDefault(False)
        self.submit_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.submit_button.clicked.connect(self._on_submit)

        self.keyboard = OnScreenKeyboard(page)
        self.keyboard.setVisible(False)
        self.keyboard.nextRequested.connect(self._on_next)
        self.keyboard.doneRequested.connect(self.hide_keyboard)

    def _lay_out_page(self, page: QWidget) -> None:
        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.title)
        titles.addWidget(self.intro)
        header.addLayout(titles, 1)
        header.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignTop)
        footer = QVBoxLayout()
        for widget in (self.consent, self.consent_error, self.privacy, self.form_error, self.submit_button):
            footer.addWidget(widget)
        self._header, self._footer = header, footer
        page_column = QVBoxLayout(page)
        page_column.setContentsMargins(0, 0, 0, 0)
        page_column.setSpacing(0)
        page_column.addLayout(header)
        page_column.addWidget(self._fields_box)
        page_column.addWidget(self.scroll_area, 1)
        page_column.addWidget(self.more_below)
        # In typing mode the choices are hidden: this takes up the height they leave.
        page_column.addStretch(0)
        page_column.addLayout(footer)
        page_column.addWidget(self.keyboard)

    def _make_chips(self, parent: QWidget) -> ChipGrid:
        chips = ChipGrid([t.id for t in self._clinic.topics], parent)
        chips.toggled.connect(self._on_input_changed)
        label_with(chips, self.topics_caption)
        return chips

    def set_clinic(self, clinic: Clinic) -> None:
        """New content was applied: topics, phone, follow-up and colours follow it. Topics a
        patient already chose stay chosen if the clinic still offers them."""
        chosen = self.topics.selected()
        self._clinic = clinic
        self._known_topics = tuple(t.id for t in clinic.topics)
        old = self.topics
        self.topics = self._make_chips(old.parentWidget() or self._content)
        self._topics_column.replaceWidget(old, self.topics)
        self._double_taps.forget(*old.chips)
        old.hide()
        old.deleteLater()
        self._double_taps.guard(*self.topics.chips)
        self.topics.set_selected([t for t in chosen if t in self._known_topics])
        if self._source_topic not in self._known_topics:
            self._source_topic = None
        self.thanks.set_clinic(clinic)
        self._landscape = None  # re-run the whole layout pass for the new chips
        self._apply_layout(self.screen_size())
        self.retranslate()
        self._apply_style(force=True)

    # -- size, orientation and style --------------------------------------------------------
    def apply_metrics(self) -> None:
        self._apply_layout(self.screen_size())
        self._apply_style()

    def restyle(self) -> None:
        self._apply_style(force=True)

    def _apply_layout(self, size: QSize) -> None:
        landscape = size.width() > size.height()
        if landscape != self._landscape:
            self._landscape = landscape
            self._arrange(landscape)
        gap = min_gap(size)
        margin = px(size, 48)
        spacing = px(size, 24)
        self._header.setContentsMargins(margin, px(size, 32), margin, spacing)
        self._header.setSpacing(spacing)
        self._fields_grid.setContentsMargins(margin, 0, margin, spacing)
        self._fields_grid.setHorizontalSpacing(px(size, 40))
        self._fields_grid.setVerticalSpacing(gap)
        self._choices_grid.setContentsMargins(margin, 0, margin, spacing)
        self._choices_grid.setHorizontalSpacing(px(size, 64))
        self._choices_grid.setVerticalSpacing(spacing)
        for column in self._question_columns:
            column.setSpacing(spacing)
        self._footer.setContentsMargins(margin, spacing, margin, spacing)
        self._footer.setSpacing(gap)
        control = max(min_target(size), px(size, CONTROL_HEIGHT))
        for field in self._fields:
            field.set_spacing(gap)
            field.edit.setFixedHeight(control)
        for button in [*self.topics.chips, *self.contact_time.buttons]:
            button.setFixedHeight(control)
        self.topics.set_spacing(max(gap, px(size, 16)))
        self.contact_time.set_spacing(max(gap, px(size, 16)))
        self.consent.set_metrics(box=px(size, 56), gap=px(size, 24), min_height=control)
        self.cancel_button.setFixedHeight(control)
        self.cancel_button.setMinimumWidth(px(size, 200))
        self.more_below.setMinimumHeight(min_target(size))
        # A control cut off at the bottom of the choices keeps a finger's gap from the cue.
        self.scroll_area.setViewportMargins(0, 0, 0, gap)
        self.submit_button.setMinimumHeight(max(min_target(size), px(size, 104)))
        self.submit_button.set_padding(px(size, 16))
        self.keyboard.set_screen_size(size)
        self.thanks.set_screen_size(size)

    def _arrange(self, landscape: bool) -> None:
        """Fields side by side and the two questions side by side in landscape; one column
        each in portrait."""
        grid = self._fields_grid
        for widget in (*self._fields, self.contact_hint, self.contact_error):
            grid.removeWidget(widget)
        columns = 3 if landscape else 1
        for index, field in enumerate(self._fields):
            grid.addWidget(field, index // columns, index % columns, Qt.AlignmentFlag.AlignTop)
        rows = -(-len(self._fields) // columns)
        grid.addWidget(self.contact_hint, rows, 0, 1, columns)
        grid.addWidget(self.contact_error, rows + 1, 0, 1, columns)
        for column in range(3):
            grid.setColumnStretch(column, 1 if column < columns else 0)
        choices = self._choices_grid
        for question in self._questions:
            choices.removeWidget(question)
        for index, question in enumerate(self._questions):
            if landscape:
                choices.addWidget(question, 0, index)
            else:
                choices.addWidget(question, index, 0)
        choices.setColumnStretch(0, 1)
        choices.setColumnStretch(1, 1 if landscape else 0)

    def _apply_style(self, *, force: bool = False) -> None:
        size = self.screen_size()
        key = (px(size, 1000), self._session.large_text, self._session.high_contrast)
        if key == self._style_key and not force:
            return
        self._style_key = key
        self.setStyleSheet(
            request_stylesheet(
                self._clinic.theme,
                size,
                large_text=self._session.large_text,
                high_contrast=self._session.high_contrast,
            )
        )
        palette = Palette.of(self._clinic.theme, high_contrast=self._session.high_contrast)
        self.thanks.phone.set_style(
            text_px(size, PHONE_TEXT, large_text=self._session.large_text), QColor(palette.primary)
        )
        self.consent.set_colours(
            TickColours(
                text=QColor(palette.text),
                box=QColor(palette.primary),
                paper=QColor(palette.field),
                tick=QColor(palette.on_primary),
                focus=QColor(palette.primary),
            )
        )
        self.topics.refit()

    # -- language ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        language = self._session.language
        self.title.setText(self.tr("Request more information"))
        self.intro.setText(self.tr("Leave your details and the clinic will contact you."))
        describe(self._form_page, self.tr("Request more information"), self.intro.text())
        self.cancel_button.setText(self.tr("Cancel"))
        describe(self.cancel_button, self.tr("Cancel"), self.tr("Clears the form and goes back"))
        descriptions = self._field_descriptions()
        captions = (
            (self.name, self.tr("Your name")),
            (self.phone, self.tr("Phone number")),
            (self.email, self.tr("Email address")),
        )
        for field, caption in captions:
            field.caption.setText(caption)
            describe(field.edit, caption, descriptions[field.edit])
        self.contact_hint.setText(self.tr("A phone number or an email address is enough."))
        self.topics_caption.setText(self.tr("What would you like to know more about?"))
        for topic in self._clinic.topics:
            chip = self.topics.chip(topic.id)
            chip.setText(topic.title.get(language))
            describe(chip, topic.title.get(language), self.tr("Tap to choose or un-choose this topic"))
        self.time_caption.setText(self.tr("When should we contact you?"))
        times = {
            ContactTime.MORNING.value: self.tr("Morning"),
            ContactTime.AFTERNOON.value: self.tr("Afternoon"),
            ContactTime.EVENING.value: self.tr("Evening"),
            ContactTime.ANY.value: self.tr("Any time"),
        }
        for value, label in times.items():
            button = self.contact_time.button(value)
            button.setText(label)
            describe(button, label, self.tr("Preferred time for the clinic to contact you"))
        self.consent.setText(self.tr("I agree that the clinic may contact me."))
        describe(self.consent, self.consent.text(), descriptions[self.consent])
        self.privacy.setText(
            self.tr(
                "Your name, phone or email and your choices are kept on this kiosk only until the "
                "clinic's front desk has received them, and are deleted %1 days after that. "
                "Only clinic staff see them."
            ).replace("%1", str(self._retention_days))
        )
        # The keyboard and the thank-you screen get the same LanguageChange after this screen;
        # the thank-you screen's follow-up text is the clinic's own, in the session's language.
        self.thanks.set_language(language)
        self._show_errors(self._errors)
        self._update_submit_label()
        self.topics.refit()

    def _field_descriptions(self) -> dict[QWidget, str]:
        """What each control says it is for, before any error message."""
        return {
            self.name.edit: self.tr("Type your name with the keyboard below"),
            self.phone.edit: self.tr("Type your phone number with the number pad below"),
            self.email.edit: self.tr("Type your email address with the keyboard below"),
            self.consent: self.tr("Required to send the request"),
        }

    # -- the patient's input ----------------------------------------------------------------
    def collect(self) -> RequestInput:
        """What the form holds now."""
        return RequestInput(
            name=self.name.edit.text(),
            phone=self.phone.edit.text(),
            email=self.email.edit.text(),
            topics=tuple(self.topics.selected()),
            contact_time=self.contact_time.value(),
            consent=self.consent.isChecked(),
            language=self._session.language,
            source_topic=self._source_topic,
        )

    def _missing(self) -> frozenset[str]:
        missing = set()
        if not self.name.edit.text().strip():
            missing.add("name")
        if not self.phone.edit.text().strip() and not self.email.edit.text().strip():
            missing.add("contact")
        if not self.consent.isChecked():
            missing.add("consent")
        return frozenset(missing)

    def _update_submit_label(self) -> None:
        if self._submitting:
            self.submit_button.setText(self.tr("Sending…"))
            return
        labels = {
            frozenset(): self.tr("Send my request"),
            frozenset({"name"}): self.tr("Add your name"),
            frozenset({"contact"}): self.tr("Add a phone number or email"),
            frozenset({"consent"}): self.tr("Tick the box to agree"),
            frozenset({"name", "contact"}): self.tr("Add your name and a phone number or email"),
            frozenset({"name", "consent"}): self.tr("Add your name and tick the box"),
            frozenset({"contact", "consent"}): self.tr("Add a phone number or email and tick the box"),
            frozenset({"name", "contact", "consent"}): self.tr(
                "Add your name, a phone number or email, and tick the box"
            ),
        }
        missing = self._missing()
        self.submit_button.setText(labels[missing])
        incomplete = bool(missing)
        if self.submit_button.property("incomplete") != incomplete:
            # Not ready to send looks different from ready (outlined, not filled): the words
            # are not the only difference (kiosk/ui/request/style.py).
            self.submit_button.setProperty("incomplete", incomplete)
            for widget in (self.submit_button, self.submit_button.label):
                widget.style().unpolish(widget)
                widget.style().polish(widget)
        describe(
            self.submit_button,
            labels[missing],
            self.tr("Sends your request to the clinic") if not missing else self.tr("Shows what is still missing"),
        )

    def _on_input_changed(self) -> None:
        self._update_submit_label()
        if self._attempted:
            # After a first try, messages go away as soon as the patient fixes the field.
            self._show_errors(validate_request(self.collect(), self._known_topics).errors)

    def _error_labels(self) -> dict[str, ErrorLabel]:
        return {
            "name": self.name.error,
            "phone": self.phone.error,
            "email": self.email.error,
            "contact": self.contact_error,
            "topics": self.topics_error,
            "source_topic": self.topics_error,
            "contact_time": self.time_error,
            "consent": self.consent_error,
            "language": self.form_error,
        }

    def _show_errors(self, errors: Sequence[FieldError]) -> None:
        self._errors = tuple(errors)
        by_field: dict[str, list[str]] = {}
        for error in errors:
            by_field.setdefault(error.field, []).append(field_message(error.code))
        labels = self._error_labels()
        shown: dict[ErrorLabel, list[str]] = {label: [] for label in labels.values()}
        for field_name, messages in by_field.items():
            shown[labels.get(field_name, self.form_error)].extend(messages)
        if self._storage_failed:
            shown[self.form_error].append(self.tr("We could not save your request. Please ask the front desk."))
        for label, messages in shown.items():
            label.show_message("\n".join(messages))
        self._link_errors()
        for field, name in ((self.name, "name"), (self.phone, "phone"), (self.email, "email")):
            invalid = name in by_field or (name != "name" and "contact" in by_field)
            if field.edit.property("invalid") != invalid:
                field.edit.setProperty("invalid", invalid)
                field.edit.style().unpolish(field.edit)
                field.edit.style().polish(field.edit)

    def _link_errors(self) -> None:
        """Each control's description ends with the message about it, and the message is
        linked to the control ("described by"), so a screen reader says why it is wrong."""
        field_messages: dict[QWidget, list[ErrorLabel]] = {
            self.name.edit: [self.name.error],
            self.phone.edit: [self.phone.error, self.contact_error],
            self.email.edit: [self.email.error, self.contact_error],
            self.consent: [self.consent_error],
        }
        for widget, description in self._field_descriptions().items():
            messages = [m for m in field_messages[widget] if m.text() and not m.isHidden()]
            describe_with(widget, messages)
            details = [m.text() for m in messages]
            describe(widget, widget.accessibleName() or "", " ".join([*details, description]))
        for group, message in ((self.topics, self.topics_error), (self.contact_time, self.time_error)):
            describe_with(group, [message] if message.text() else [])

    def _first_error_widget(self) -> QWidget | None:
        order = (
            ("name", self.name.edit),
            ("phone", self.phone.edit),
            ("email", self.email.edit),
            ("contact", self.phone.edit),
            ("topics", self.topics),
            ("source_topic", self.topics),
            ("contact_time", self.contact_time),
            ("consent", self.consent),
        )
        fields = {e.field for e in self._errors}
        return next((w for name, w in order if name in fields), None)

    def _focus_first_error(self) -> None:
        """The focus (and a screen reader) goes to the first field in error, scrolled into
        view; the keyboard stays down so the patient sees the messages."""
        first = self._first_error_widget()
        if first is None:
            return
        target = first
        if isinstance(first, ChipGrid):
            target = first.chips[0] if first.chips else first
        elif isinstance(first, SegmentedChoice):
            target = first.group.checkedButton() or first.buttons[0]
        self.hide_keyboard()
        self._focus_quietly(target)
        if self._content.isAncestorOf(first):
            self._keep_visible(first)

    def _focus_quietly(self, widget: QWidget) -> None:
        self._quiet_focus = True
        try:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
        finally:
            self._quiet_focus = False

    def _announce_errors(self) -> None:
        count = len({self._error_labels().get(e.field, self.form_error) for e in self._errors})
        if count == 1:
            text = self.tr("Not sent yet: 1 problem to fix.")
        else:
            text = self.tr("Not sent yet: %1 problems to fix.").replace("%1", str(count))
        announce(self, text)

    # -- focus ------------------------------------------------------------------------------
    def first_focus(self) -> QWidget | None:
        if self.showing_thanks:
            return self.thanks.done_button
        return self.name.edit

    def take_focus(self) -> None:
        target = self.first_focus()
        if target is not None:
            # The name field, highlighted, without the keyboard: a tap brings that up.
            self._focus_quietly(target)

    # -- keyboard ---------------------------------------------------------------------------
    @property
    def typing(self) -> bool:
        """The keyboard is up: the form shows only the fields and "Send" (see the module)."""
        return self.keyboard.isVisible()

    def _set_typing(self, typing: bool) -> None:
        self.keyboard.setVisible(typing)
        for widget in (self.scroll_area, self.consent, self.privacy):
            widget.setVisible(not typing)
        if typing:
            self.more_below.setVisible(False)
        else:
            self.more_below.sync()
        self.consent_error.setVisible(not typing and bool(self.consent_error.text()))
        # In landscape the keyboard takes half the height: the intro gives its line back.
        self.intro.setVisible(not (typing and self._landscape))

    def _on_field_activated(self, field: TextField) -> None:
        if self._stack.currentWidget() is not self._form_page or self._quiet_focus:
            return
        self.keyboard.set_target(field.edit, field.edit.keyboard_mode)
        self._set_typing(True)

    def _keep_visible(self, widget: QWidget) -> None:
        margin = px(self.size(), 24)
        self.scroll_area.ensureWidgetVisible(widget, 0, margin)
        # A change of layout (the keyboard going down) resizes the view only once it has run.
        QTimer.singleShot(0, self, lambda: self.scroll_area.ensureWidgetVisible(widget, 0, margin))

    def _on_next(self) -> None:
        target = self.keyboard.target()
        edits = [f.edit for f in self._fields]
        if target in edits and edits.index(target) + 1 < len(edits):
            following = self._fields[edits.index(target) + 1]
            following.edit.setFocus(Qt.FocusReason.TabFocusReason)
            self._on_field_activated(following)
        else:
            self.hide_keyboard()
            self.scroll_area.verticalScrollBar().setValue(0)
            first_topic = self.topics.chips[0] if self.topics.chips else self.consent
            self._focus_quietly(first_topic)

    def hide_keyboard(self) -> None:
        target = self.keyboard.target()
        self.keyboard.reset()
        self._set_typing(False)
        if target is not None and target.hasFocus():
            target.clearFocus()

    # -- submit, cancel, reset --------------------------------------------------------------
    def begin(self, topic_id: str | None) -> None:
        """A fresh form for a new patient, with ``topic_id`` (where they came from) chosen."""
        self.clear()
        topic = topic_id if topic_id in self._known_topics else None
        if topic_id is not None and topic is None:
            log.warning("request form opened from unknown topic %r; no topic pre-selected", topic_id)
        self._source_topic = topic
        if topic is not None:
            self.topics.set_selected([topic])

    def _new_token(self) -> None:
        self._token = token_urlsafe(24)

    def _on_submit(self) -> None:
        if self._submitting or self._token is None or self._stack.currentWidget() is not self._form_page:
            return  # the second tap of a double tap, or a tap after the request was stored
        self._attempted = True
        self._storage_failed = False
        result = validate_request(self.collect(), self._known_topics)
        self._show_errors(result.errors)
        if result.request is None:
            self._focus_first_error()
            self._announce_errors()
            return
        self._submitting = True
        self.submit_button.setEnabled(False)
        self._update_submit_label()
        self.submit_button.repaint()  # the store blocks the event loop for a moment
        try:
            stored = self._submitter.submit(result.request, self._token)
        except StorageError as exc:
            log.error("could not store a request: %s", exc)  # StorageError names no patient data
            self._storage_failed = True
        except Exception as exc:  # noqa: BLE001 - any failure must leave the form usable
            log.error("could not store a request: %s", type(exc).__name__)  # its text might hold input
            self._storage_failed = True
        finally:
            self._submitting = False
            self.submit_button.setEnabled(True)
            self._update_submit_label()
        if self._storage_failed:
            # Same token on a retry: if the store did commit, the retry stores nothing twice.
            self._show_errors(self._errors)
            announce(self, self.form_error.text(), urgent=True)
            return
        log.info("request %s stored; showing the thank-you screen", stored.id)
        self._token = None
        self._clear_form()
        self._stack.setCurrentWidget(self.thanks)
        self.thanks.start(self._thanks_seconds)
        self.requestTopics.emit(list(result.request.topics))
        self.thanks.done_button.setFocus(Qt.FocusReason.OtherFocusReason)
        announce(self.thanks, f"{self.thanks.title.text()} {self.thanks.follow_up.text()}")
        self.submitted.emit(stored.id)

    def _on_cancel(self) -> None:
        self.clear()
        self.cancelled.emit()

    def _on_thanks_done(self) -> None:
        self.clear()
        self.finished.emit()

    def clear(self) -> None:
        """Forget everything the patient chose or typed and show an empty form."""
        self.thanks.stop()
        self._clear_form()
        self._stack.setCurrentWidget(self._form_page)
        self._new_token()

    def _clear_form(self) -> None:
        self.hide_keyboard()
        for field in self._fields:
            field.edit.forget()
            if field.edit.hasFocus():
                field.edit.clearFocus()
        self.topics.set_selected([])
        self.contact_time.reset()
        self.consent.setChecked(False)
        self._source_topic = None
        self._attempted = False
        self._storage_failed = False
        self._show_errors(())
        self._update_submit_label()
        self.scroll_area.verticalScrollBar().setValue(0)

    # -- state read by tests and the shell --------------------------------------------------
    @property
    def showing_thanks(self) -> bool:
        return self._stack.currentWidget() is self.thanks

    @property
    def idempotency_token(self) -> str | None:
        return self._token
