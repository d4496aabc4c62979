"""The admin screen's Notices page: the live banner, every notice showing (ending one early,
changing one this kiosk posted), and the composer with the on-screen keyboard docked under it.

Posting goes through the notices board, which keeps the kiosk's own notices in its data
folder (never in the content pack) and tells the slideshow and the topic browser at once.
A notice that cannot be posted says why (the validator's rules, or the disk's reason), and
nothing changes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from kiosk.core.notices.drafts import NoticeRefused
from kiosk.core.notices.model import Notice
from kiosk.core.notices.showing import end_words
from kiosk.ui.accessibility import describe
from kiosk.ui.admin.button_row import ButtonRow
from kiosk.ui.admin.notice_composer import NoticeComposer
from kiosk.ui.admin.widgets import plain_label, staff_button
from kiosk.ui.notices.banner_view import NoticeBannerView
from kiosk.ui.notices.board import NoticeBoard
from kiosk.ui.request.fields import TouchLineEdit
from kiosk.ui.request.keyboard import OnScreenKeyboard
from kiosk.ui.scale import px
from kiosk.ui.touch_screen import TouchPart

log = logging.getLogger(__name__)


class NoticeRow(QFrame):
    """One notice showing: its text, level, end and origin; End now (and Change, for this
    kiosk's own)."""

    endRequested = Signal(object)
    changeRequested = Signal(object)

    def __init__(self, notice: Notice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("adminRow")
        self.notice = notice
        self.text = plain_label()
        self.detail = plain_label()
        self.end_button = staff_button()
        self.end_button.clicked.connect(lambda: self.endRequested.emit(self.notice))
        self.change_button = staff_button()
        self.change_button.clicked.connect(lambda: self.changeRequested.emit(self.notice))
        self.change_button.setVisible(not notice.from_pack)
        self.buttons = ButtonRow([self.change_button, self.end_button])
        column = QVBoxLayout(self)
        column.addWidget(self.text)
        column.addWidget(self.detail)
        column.addWidget(self.buttons)
        self.column = column


class NoticesPage(TouchPart):
    """What shows, and a notice to post. ``status(str)``: a line for the admin screen's status."""

    status = Signal(str)

    def __init__(self, board: NoticeBoard, language: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticesPage")
        self._board = board
        self._language = language
        self._rows: list[NoticeRow] = []
        self._screen = QSize(1920, 1080)
        self._open = False

        self.live_caption = plain_label()
        self.live = NoticeBannerView(board, board.clinic.theme, language=language())
        self.none_label = plain_label()
        self.problem = plain_label(name="adminWarning")
        self.list_caption = plain_label()
        self._list = QVBoxLayout()
        self._list.setContentsMargins(0, 0, 0, 0)
        self.composer = NoticeComposer(board, language)
        self.composer.fieldActivated.connect(self._on_field_activated)
        self.composer.post_button.clicked.connect(self.post)
        self.composer.clear_button.clicked.connect(self._clear)

        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.live_caption)
        column.addWidget(self.live)
        column.addWidget(self.none_label)
        column.addWidget(self.problem)
        column.addWidget(self.list_caption)
        column.addLayout(self._list)
        column.addWidget(self.composer)
        column.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(content)

        self.keyboard = OnScreenKeyboard()
        self.keyboard.hide()
        self.keyboard.nextRequested.connect(self._next_field)
        self.keyboard.doneRequested.connect(self.hide_keyboard)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area, 1)
        outer.addWidget(self.keyboard)
        self._layouts = (column, outer)

        board.changed.connect(self._board_changed)
        board.turned.connect(self._show_live)
        self.retranslate()

    # -- opening and closing (the admin screen calls these) -------------------------------------

    def opened(self) -> None:
        self._open = True
        self.composer.reset()
        self.refresh()

    def closed(self) -> None:
        """Forget the notice being written (the next staff member starts afresh)."""
        self._open = False
        self.hide_keyboard()
        self.composer.reset()
        self._set_rows([])

    def refresh(self) -> None:
        self._set_rows(list(self._board.showing()))
        self._show_live()
        problem = self._board.problem
        self.problem.setText(
            self.tr("Notices posted on this kiosk earlier could not be read: %1").replace("%1", problem or "")
        )
        self.problem.setVisible(bool(problem))

    def _board_changed(self) -> None:
        if self._open:
            self.refresh()
            self.composer.fill_phrases()

    def _show_live(self) -> None:
        self.live.set_language(self._language())
        self.live.follow()
        shows = self.live.content is not None
        self.live.setVisible(shows)
        self.none_label.setVisible(not shows)
        self._fit_live()

    def _fit_live(self) -> None:
        look_screen = self._screen
        self.live.set_look(screen=look_screen, theme=self._board.clinic.theme)
        height = self._board.reserve(look_screen, self._language())
        if height > 0:
            self.live.setFixedHeight(height)

    # -- the list --------------------------------------------------------------------------------

    @property
    def rows(self) -> list[NoticeRow]:
        return list(self._rows)

    def _set_rows(self, notices: list[Notice]) -> None:
        for row in self._rows:
            self._list.removeWidget(row)
            row.hide()
            row.deleteLater()
        self._rows = []
        for notice in notices:
            row = NoticeRow(notice)
            row.endRequested.connect(self.end)
            row.changeRequested.connect(self.change)
            self._list.addWidget(row)
            self._rows.append(row)
            self._word_row(row)
        self.list_caption.setVisible(bool(self._rows))
        self.apply_metrics(self._screen)

    def _word_row(self, row: NoticeRow) -> None:
        notice = row.notice
        language = self._language()
        clinic = self._board.clinic
        row.text.setText(self._board.text(notice, language))
        now = self._board.now().astimezone(clinic.timezone)
        until = notice.until.astimezone(clinic.timezone)
        when = end_words(until, now, clinic.timezone, language)
        level = self.tr("Important") if notice.important else self.tr("Information")
        origin = (
            self.tr("from the content (notices.yaml)") if notice.from_pack else self.tr("posted on this kiosk only")
        )
        row.detail.setText(self.tr("%1 · until %2 · %3").replace("%1", level).replace("%2", when).replace("%3", origin))
        row.end_button.setText(self.tr("End now"))
        describe(row.end_button, self.tr("End now"), self.tr("Stops showing this notice on this kiosk"))
        row.change_button.setText(self.tr("Change"))
        describe(row.change_button, self.tr("Change"), self.tr("Puts this notice in the editor below"))
        row.buttons.reflow()

    # -- actions ---------------------------------------------------------------------------------

    def post(self) -> None:
        """Post (or save the change of) the notice being written."""
        draft = self.composer.draft()
        editing = self.composer.editing
        try:
            if editing is not None:
                self._board.change(editing, draft)
            else:
                self._board.post(draft)
        except NoticeRefused as exc:
            self.status.emit(self.tr("Not posted: %1").replace("%1", str(exc)))
            return
        except OSError as exc:
            log.error("admin screen: cannot save a notice: %s", exc)
            self.status.emit(self.tr("The notice could not be saved: %1").replace("%1", str(exc.strerror or exc)))
            return
        self.hide_keyboard()
        self.status.emit(
            self.tr("Notice changed.") if editing else self.tr("Posted: the notice shows on this kiosk now.")
        )
        self.composer.reset()
        self.refresh()
        self.scroll_area.verticalScrollBar().setValue(0)

    def end(self, notice: Notice) -> None:
        try:
            self._board.end(notice)
        except OSError as exc:
            log.error("admin screen: cannot end a notice: %s", exc)
            self.status.emit(self.tr("The notice could not be ended: %1").replace("%1", str(exc.strerror or exc)))
            return
        if self.composer.editing == notice.key:
            self.composer.reset()
        self.status.emit(self.tr("Notice ended."))
        self.refresh()

    def change(self, notice: Notice) -> None:
        self.composer.edit_notice(notice)
        QTimer.singleShot(0, self, lambda: self.scroll_area.ensureWidgetVisible(self.composer.title))

    def _clear(self) -> None:
        self.hide_keyboard()
        self.composer.reset()

    # -- the keyboard ----------------------------------------------------------------------------

    def _on_field_activated(self, edit: TouchLineEdit) -> None:
        self.keyboard.set_target(edit, edit.keyboard_mode)
        self.keyboard.show()
        margin = px(self._screen, 24)
        self.scroll_area.ensureWidgetVisible(edit, 0, margin)
        # The keyboard's appearance shrinks the view only once the layout has run.
        QTimer.singleShot(0, self, lambda: self.scroll_area.ensureWidgetVisible(edit, 0, margin))

    def _fields(self) -> list[TouchLineEdit]:
        return [*self.composer.texts.values(), *self.composer.blank_edits.values()]

    def _next_field(self) -> None:
        fields = self._fields()
        target = self.keyboard.target()
        if target in fields and fields.index(target) + 1 < len(fields):
            following = fields[fields.index(target) + 1]
            following.setFocus(Qt.FocusReason.TabFocusReason)
            self._on_field_activated(following)
        else:
            self.hide_keyboard()

    def hide_keyboard(self) -> None:
        target = self.keyboard.target()
        self.keyboard.hide()
        self.keyboard.reset()
        if target is not None and target.hasFocus():
            target.clearFocus()

    # -- look ------------------------------------------------------------------------------------

    def apply_metrics(self, screen: QSize) -> None:
        self._screen = QSize(screen)
        gap = px(screen, 16)
        for layout in self._layouts:
            layout.setSpacing(gap)
        for row in self._rows:
            row.column.setSpacing(gap)
            row.buttons.setSpacing(gap)
        self.keyboard.set_screen_size(screen)
        self.composer.apply_metrics(screen)
        self._fit_live()

    def retranslate(self) -> None:
        self.live_caption.setText(self.tr("Showing now on this kiosk:"))
        self.none_label.setText(self.tr("No notice shows now."))
        self.list_caption.setText(self.tr("Notices showing now"))
        for row in self._rows:
            self._word_row(row)
        self._show_live()
        self.composer.retranslate()

    def labels(self) -> list[QLabel]:
        """Every label on the page (tests check none shows patient data or markup)."""
        return self.findChildren(QLabel)
