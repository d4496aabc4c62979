"""Writing a notice on the kiosk: a saved phrase or free text (English, and Spanish when the
clinic has it), its blanks ("{minutes}") filled in, a level, an end, and a preview drawn
exactly as the banner will be. Typing is done with the docked on-screen keyboard (the page
owns it); :meth:`NoticeComposer.draft` is what "Post" posts, and :meth:`problems` says why it
cannot be posted yet, in the validator's own words.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.core.fields import NOTICE_LEVELS
from kiosk.core.limits import LIMITS
from kiosk.core.notices.drafts import Draft, counted_length, problems_of
from kiosk.core.notices.ends import MAX_AHEAD, EndChoice, end_time
from kiosk.core.notices.model import Notice
from kiosk.core.notices.placeholders import blanks, fill
from kiosk.core.notices.showing import end_words
from kiosk.core.text import DEFAULT_LANGUAGE, LocalizedText
from kiosk.core.wording import MONTHS, day_and_time, language_of, weekday_name
from kiosk.ui.accessibility import describe
from kiosk.ui.admin.button_row import ButtonRow
from kiosk.ui.admin.widgets import plain_label, staff_button
from kiosk.ui.notices.banner_view import NoticeBannerView
from kiosk.ui.notices.board import NoticeBoard
from kiosk.ui.render.banner import needed_height
from kiosk.ui.request.fields import TouchLineEdit
from kiosk.ui.request.keyboard import KeyboardMode
from kiosk.ui.scale import px
from kiosk.ui.touch_screen import TouchPart

INFO, IMPORTANT = NOTICE_LEVELS
# What a text box takes: room for a phrase with its blanks unfilled; the filled text is what
# the limit applies to (the count under the box says where it stands).
TYPED_MAX = 2 * LIMITS.notice
# The chosen time's step, in minutes.
TIME_STEP = 15
_ENDS = (EndChoice.MINUTES_30, EndChoice.HOUR_1, EndChoice.HOURS_2, EndChoice.END_OF_DAY, EndChoice.AT)


class _Stepper(QWidget):
    """ "◀ value ▶": two big buttons around a label (a day, a time of day)."""

    stepped = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.back = staff_button()
        self.back.setText("◀")
        self.forward = staff_button()
        self.forward.setText("▶")
        self.value = plain_label(wrap=False)
        self.value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.back)
        row.addWidget(self.value, 1)
        row.addWidget(self.forward)
        self.back.clicked.connect(lambda: self.stepped.emit(-1))
        self.forward.clicked.connect(lambda: self.stepped.emit(1))


class NoticeComposer(TouchPart):
    """The notice being written. ``changed``: a text, a blank, the level or the end changed;
    ``fieldActivated(edit)``: a text box was tapped (the page brings the keyboard up)."""

    changed = Signal()
    fieldActivated = Signal(object)

    def __init__(self, board: NoticeBoard, language: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeComposer")
        self._board = board
        self._language = language
        # The kiosk notice being changed (its key), or None for a new one.
        self.editing: str | None = None
        self._values: dict[str, str] = {}
        self._level = INFO
        self._end = EndChoice.END_OF_DAY
        self._chosen_day = 0
        self._chosen_time = time(18, 0)
        self._screen = QSize(1920, 1080)
        self._build()
        self.retranslate()
        self.reset()

    # -- building --------------------------------------------------------------------------------

    def _build(self) -> None:
        self.title = plain_label(name="adminSubtitle")
        self.phrases_caption = plain_label()
        self._phrase_buttons: list[QPushButton] = []
        self._phrase_row = ButtonRow([])
        self._phrases_holder = QVBoxLayout()
        self._phrases_holder.setContentsMargins(0, 0, 0, 0)
        self._phrases_holder.addWidget(self._phrase_row)

        self.texts: dict[str, TouchLineEdit] = {}
        self.text_captions: dict[str, QLabel] = {}
        self.counts: dict[str, QLabel] = {}
        for language in self._board.languages:
            edit = TouchLineEdit(KeyboardMode.TEXT, TYPED_MAX)
            edit.textChanged.connect(self._typed)
            edit.activated.connect(lambda e=edit: self.fieldActivated.emit(e))
            self.texts[language] = edit
            self.text_captions[language] = plain_label()
            self.counts[language] = plain_label(wrap=False)
        self._blank_grid = QGridLayout()
        self._blank_grid.setContentsMargins(0, 0, 0, 0)
        self.blank_edits: dict[str, TouchLineEdit] = {}

        self.level_caption = plain_label()
        self.level_buttons: dict[str, QPushButton] = {}
        levels = QButtonGroup(self)
        for level in NOTICE_LEVELS:
            button = staff_button()
            button.setCheckable(True)
            button.clicked.connect(lambda _c=False, lv=level: self.set_level(lv))
            levels.addButton(button)
            self.level_buttons[level] = button
        self._levels_row = ButtonRow(list(self.level_buttons.values()))

        self.end_caption = plain_label()
        self.end_buttons: dict[EndChoice, QPushButton] = {}
        ends = QButtonGroup(self)
        for choice in _ENDS:
            button = staff_button()
            button.setCheckable(True)
            button.clicked.connect(lambda _c=False, c=choice: self.set_end(c))
            ends.addButton(button)
            self.end_buttons[choice] = button
        self._ends_row = ButtonRow(list(self.end_buttons.values()))
        self.day_stepper = _Stepper()
        self.time_stepper = _Stepper()
        self.day_stepper.stepped.connect(self._step_day)
        self.time_stepper.stepped.connect(self._step_time)
        self._at_row = QWidget()
        at = QHBoxLayout(self._at_row)
        at.setContentsMargins(0, 0, 0, 0)
        at.addWidget(self.day_stepper, 1)
        at.addWidget(self.time_stepper, 1)
        self.end_text = plain_label()

        self.preview_caption = plain_label()
        self.preview = NoticeBannerView(None, self._board.clinic.theme, language=self._language())
        self.preview.resized.connect(self._fit_preview)
        self.problems_label = plain_label(name="adminWarning")
        self.post_button = staff_button()
        self.post_button.setObjectName("postNotice")
        self.clear_button = staff_button()
        self._buttons_row = ButtonRow([self.clear_button, self.post_button], push_last_right=True)

        panel = QFrame(self)
        panel.setObjectName("adminPanel")
        column = QVBoxLayout(panel)
        column.addWidget(self.title)
        column.addWidget(self.phrases_caption)
        column.addLayout(self._phrases_holder)
        for language, edit in self.texts.items():
            caption = QHBoxLayout()
            caption.addWidget(self.text_captions[language], 1)
            caption.addWidget(self.counts[language])
            column.addLayout(caption)
            column.addWidget(edit)
        column.addLayout(self._blank_grid)
        column.addWidget(self.level_caption)
        column.addWidget(self._levels_row)
        column.addWidget(self.end_caption)
        column.addWidget(self._ends_row)
        column.addWidget(self._at_row)
        column.addWidget(self.end_text)
        column.addWidget(self.preview_caption)
        column.addWidget(self.preview)
        column.addWidget(self.problems_label)
        column.addWidget(self._buttons_row)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(panel)
        self._columns = (column, outer)

    def fill_phrases(self) -> None:
        """One button per saved phrase of the content (read again after a reload)."""
        self._phrases_holder.removeWidget(self._phrase_row)
        self._phrase_row.hide()
        self._phrase_row.deleteLater()
        self._phrase_buttons = []
        for phrase in self._board.phrases:
            button = staff_button()
            shown = fill(phrase.get(self._language()), dict.fromkeys(blanks(phrase.get("en")), "…"))
            button.setText(shown)
            describe(button, shown, self.tr("Starts the notice with this saved phrase"))
            button.clicked.connect(lambda _c=False, p=phrase: self.use_phrase(p))
            self._phrase_buttons.append(button)
        self._phrase_row = ButtonRow(self._phrase_buttons)
        self._phrases_holder.addWidget(self._phrase_row)
        self.phrases_caption.setVisible(bool(self._phrase_buttons))
        self._phrase_row.setVisible(bool(self._phrase_buttons))

    @property
    def phrase_buttons(self) -> list[QPushButton]:
        return list(self._phrase_buttons)

    # -- state -----------------------------------------------------------------------------------

    def reset(self) -> None:
        """An empty new notice: information, until the end of the day."""
        self.editing = None
        self._values.clear()
        for edit in self.texts.values():
            edit.forget()
        self._level = INFO
        self._end = EndChoice.END_OF_DAY
        now = self._board.now().astimezone(self._board.clinic.timezone)
        self._chosen_day = 0
        self._chosen_time = _next_step(now.time())
        self.fill_phrases()
        self._refresh()

    def use_phrase(self, phrase: LocalizedText) -> None:
        """Start from a saved phrase: its text in each language, its blanks to fill in."""
        for language, edit in self.texts.items():
            edit.setText(phrase.get(language) if (language == DEFAULT_LANGUAGE or phrase.has(language)) else "")
        self._refresh()
        first = next(iter(self.blank_edits.values()), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
            self.fieldActivated.emit(first)

    def edit_notice(self, notice: Notice) -> None:
        """Change a notice this kiosk posted: its texts, level and end, to post again."""
        self.reset()
        self.editing = notice.key
        for language, edit in self.texts.items():
            edit.setText(notice.text.values.get(language, ""))
        self._level = notice.level
        local = notice.until.astimezone(self._board.clinic.timezone)
        today = self._board.now().astimezone(self._board.clinic.timezone).date()
        self._end = EndChoice.AT
        self._chosen_day = max(0, (local.date() - today).days)
        self._chosen_time = local.time().replace(second=0, microsecond=0)
        self._refresh()

    def set_level(self, level: str) -> None:
        self._level = level
        self._refresh()

    def set_end(self, choice: EndChoice) -> None:
        self._end = choice
        self._refresh()

    def _step_day(self, step: int) -> None:
        self._chosen_day = max(0, min(MAX_AHEAD.days, self._chosen_day + step))
        self._refresh()

    def _step_time(self, step: int) -> None:
        moment = datetime.combine(date.today(), self._chosen_time) + timedelta(minutes=TIME_STEP * step)
        self._chosen_time = moment.time()
        self._refresh()

    def _typed(self) -> None:
        self._refresh()

    def _blank_typed(self, name: str, text: str) -> None:
        self._values[name] = text.strip()
        self._refresh(rebuild_blanks=False)

    # -- what it makes ---------------------------------------------------------------------------

    def filled(self) -> dict[str, str]:
        """Each language's text with the blanks filled in (empty texts left out)."""
        values = {name: value for name, value in self._values.items() if value}
        return {
            language: fill(edit.text().strip(), values) for language, edit in self.texts.items() if edit.text().strip()
        }

    def until(self) -> datetime:
        clinic = self._board.clinic
        now = self._board.now()
        if self._end is EndChoice.AT:
            day = now.astimezone(clinic.timezone).date() + timedelta(days=self._chosen_day)
            return end_time(EndChoice.AT, clinic, now, datetime.combine(day, self._chosen_time))
        return end_time(self._end, clinic, now)

    def draft(self) -> Draft:
        return Draft(self.filled(), self._level, self.until())

    def problems(self) -> list[str]:
        return problems_of(self.draft(), self._board.now(), self._board.languages)

    @property
    def level(self) -> str:
        return self._level

    # -- showing it ------------------------------------------------------------------------------

    def _refresh(self, *, rebuild_blanks: bool = True) -> None:
        if rebuild_blanks:
            self._rebuild_blanks()
        for level, button in self.level_buttons.items():
            button.setChecked(level == self._level)
        for choice, button in self.end_buttons.items():
            button.setChecked(choice is self._end)
        self._at_row.setVisible(self._end is EndChoice.AT)
        language = self._language()
        clinic = self._board.clinic
        now = self._board.now().astimezone(clinic.timezone)
        until = self.until().astimezone(clinic.timezone)
        day = now.date() + timedelta(days=self._chosen_day)
        self.day_stepper.value.setText(self._day_word(day, now.date(), language))
        self.time_stepper.value.setText(day_and_time(now.date(), self._chosen_time, now.date(), language))
        self.end_text.setText(
            self.tr("Shows until %1.").replace("%1", end_words(until, now, clinic.timezone, language))
        )
        texts = self.filled()
        for lang, label in self.counts.items():
            length = counted_length(texts[lang]) if lang in texts else 0
            label.setText(self.tr("%1 of %2").replace("%1", str(length or 0)).replace("%2", str(LIMITS.notice)))
        shown = texts.get(language) or texts.get(DEFAULT_LANGUAGE) or ""
        self.preview.show_draft(shown, self._level)
        self._fit_preview()
        self.preview.setVisible(bool(shown))
        self.preview_caption.setVisible(bool(shown))
        problems = self.problems() if texts else []
        self.problems_label.setText("\n".join(problems))
        self.problems_label.setVisible(bool(problems))
        self.post_button.setEnabled(bool(texts) and not problems)
        self.title.setText(self.tr("Change the notice") if self.editing else self.tr("New notice"))
        self.post_button.setText(self.tr("Save changes") if self.editing else self.tr("Post notice"))
        self.clear_button.setText(self.tr("Cancel") if self.editing else self.tr("Clear"))
        self._buttons_row.reflow()
        self.changed.emit()

    def _rebuild_blanks(self) -> None:
        names: list[str] = []
        for edit in self.texts.values():
            names += [n for n in blanks(edit.text()) if n not in names]
        if names == list(self.blank_edits):
            return
        while self._blank_grid.count():
            item = self._blank_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.blank_edits = {}
        for row, name in enumerate(names):
            mode = KeyboardMode.PHONE if name == "minutes" else KeyboardMode.TEXT
            edit = TouchLineEdit(mode, 40)
            edit.setText(self._values.get(name, ""))
            edit.textChanged.connect(lambda text, n=name: self._blank_typed(n, text))
            edit.activated.connect(lambda e=edit: self.fieldActivated.emit(e))
            caption = plain_label(self._blank_caption(name))
            describe(edit, self._blank_caption(name), self.tr("Fills in the blank in the notice's text"))
            self._blank_grid.addWidget(caption, row, 0)
            self._blank_grid.addWidget(edit, row, 1)
            self.blank_edits[name] = edit
        self._blank_grid.setColumnStretch(1, 1)
        self.apply_metrics(self._screen)

    def _day_word(self, day: date, today: date, language: str) -> str:
        days = (day - today).days
        if days == 0:
            return self.tr("Today")
        if days == 1:
            return self.tr("Tomorrow")
        lang = language_of(language)
        name = weekday_name(day.weekday(), lang)
        month = MONTHS[lang][day.month - 1]
        return f"{name} {day.day} {month}" if lang == "es" else f"{name}, {month} {day.day}"

    def _blank_caption(self, name: str) -> str:
        captions = {
            "minutes": self.tr("Minutes"),
            "time": self.tr("Time"),
            "name": self.tr("Name"),
        }
        return captions.get(name, name)

    def apply_metrics(self, screen: QSize) -> None:
        self._screen = QSize(screen)
        gap = px(screen, 16)
        for layout in self._columns:
            layout.setSpacing(gap)
        self._blank_grid.setHorizontalSpacing(gap)
        self._blank_grid.setVerticalSpacing(gap)
        for row in (self._phrase_row, self._levels_row, self._ends_row, self._buttons_row):
            row.setSpacing(gap)
        control = px(screen, 80)
        for edit in [*self.texts.values(), *self.blank_edits.values()]:
            edit.setFixedHeight(control)
        self.preview.set_look(screen=screen, theme=self._board.clinic.theme)
        self._fit_preview()

    def _fit_preview(self) -> None:
        """The preview as tall as the banner needs for the text being written, at the width
        it has (it wraps there as the real banner wraps across the screen)."""
        shown = self.preview.content[0] if self.preview.content else "x"
        look = self.preview.look()
        if look.strip_width <= 1:
            look = replace(look, width=look.screen.width())
        self.preview.setFixedHeight(needed_height(shown, look))

    def retranslate(self) -> None:
        self.phrases_caption.setText(self.tr("Saved phrases: tap one to start from it"))
        names = {"en": self.tr("English"), "es": self.tr("Spanish (optional)")}
        for language, caption in self.text_captions.items():
            caption.setText(names.get(language, language))
            describe(self.texts[language], names.get(language, language), self.tr("The notice's text"))
        self.level_caption.setText(self.tr("Level"))
        texts = {INFO: self.tr("Information"), IMPORTANT: self.tr("Important")}
        for level, button in self.level_buttons.items():
            button.setText(texts[level])
            describe(button, texts[level], self.tr("How the notice looks in the banner"))
        self.end_caption.setText(self.tr("Ends"))
        words = {
            EndChoice.MINUTES_30: self.tr("In 30 minutes"),
            EndChoice.HOUR_1: self.tr("In 1 hour"),
            EndChoice.HOURS_2: self.tr("In 2 hours"),
            EndChoice.END_OF_DAY: self.tr("End of day"),
            EndChoice.AT: self.tr("Date and time…"),
        }
        for choice, button in self.end_buttons.items():
            button.setText(words[choice])
            describe(button, words[choice], self.tr("When the notice stops showing"))
        describe(self.day_stepper.back, self.tr("Earlier day"))
        describe(self.day_stepper.forward, self.tr("Later day"))
        describe(self.time_stepper.back, self.tr("Earlier time"))
        describe(self.time_stepper.forward, self.tr("Later time"))
        self.preview_caption.setText(self.tr("Preview: as the banner shows it"))
        describe(self.post_button, self.tr("Post notice"), self.tr("Shows the notice on this kiosk now"))
        describe(self.clear_button, self.tr("Clear"), self.tr("Empties the notice being written"))
        self.fill_phrases()
        self._refresh()


def _next_step(moment: time) -> time:
    """The next whole quarter hour after ``moment`` (an end chosen by hand starts there)."""
    minutes = (moment.hour * 60 + moment.minute) // TIME_STEP * TIME_STEP + TIME_STEP
    minutes %= 24 * 60
    return time(minutes // 60, minutes % 60)
