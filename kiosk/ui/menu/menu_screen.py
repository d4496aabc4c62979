"""The touch menu: the clinic's topics, "Request more information", language, larger text,
high contrast and the way back to the slideshow."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup, QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QScrollArea, QScroller, QVBoxLayout,
    QWidget,
)

from kiosk.core.clock import Clock
from kiosk.core.model import Deck, Topic
from kiosk.ui.accessibility import SCOPE_PROPERTY, describe, make_toggle
from kiosk.ui.menu.layout import columns_that_fit, fill_grid
from kiosk.ui.menu.touch import Debouncer, on_tap
from kiosk.ui.scale import min_gap, px
from kiosk.ui.session import Session

# Language switch: each language named in itself, so a patient finds their own.
LANGUAGE_NAMES = (("en", "English"), ("es", "Español"))


def playing_topics(deck: Deck, at: datetime) -> tuple[Topic, ...]:
    """The clinic's topics that have at least one slide playing at ``at``, in clinic order."""
    return tuple(t for t in deck.clinic.topics if deck.for_topic(t.id, at))


class MenuScreen(QWidget):
    topicChosen = Signal(str)
    requestInfo = Signal()
    backHome = Signal()

    def __init__(
        self, session: Session, deck: Deck, clock: Clock, *, debouncer: Debouncer | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("menuScreen")
        self.setProperty(SCOPE_PROPERTY, "true")
        self._session = session
        self._deck = deck
        self._clock = clock
        self._debounce = debouncer if debouncer is not None else Debouncer()
        self._topics: tuple[Topic, ...] = ()
        self._topic_buttons: list[QPushButton] = []

        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        content = QWidget()
        self.scroll.setWidget(content)
        # A finger drags the list; mouse drags stay clicks (the scroller would delay presses).
        QScroller.grabGesture(self.scroll.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll)

        self.title = QLabel(content)
        self.title.setProperty("role", "headline")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.topics_grid = QGridLayout()
        self.request_button = QPushButton(content)
        self.settings_label = QLabel(content)
        self.settings_label.setWordWrap(True)
        self.language_buttons: dict[str, QPushButton] = {}
        self._language_group = QButtonGroup(self)
        self._language_group.setExclusive(True)
        for code, name in LANGUAGE_NAMES:
            button = QPushButton(name, content)
            make_toggle(button)
            button.setObjectName(f"language_{code}")
            self._language_group.addButton(button)
            self.language_buttons[code] = button
            # Choosing a language twice is harmless: no debounce, so it never feels ignored.
            button.clicked.connect(lambda _checked=False, c=code: self._session.set_language(c))
        self.large_text_button = QPushButton(content)
        make_toggle(self.large_text_button)
        self.high_contrast_button = QPushButton(content)
        make_toggle(self.high_contrast_button)
        self.settings_grid = QGridLayout()
        self.back_button = QPushButton(content)

        self._layout = QVBoxLayout(content)
        self._layout.addWidget(self.title)
        self._layout.addLayout(self.topics_grid)
        self._layout.addWidget(self.request_button)
        self._layout.addSpacing(1)
        self._layout.addWidget(self.settings_label)
        self._layout.addLayout(self.settings_grid)
        self._layout.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.back_button)
        self._layout.addLayout(row)

        for button in self._all_fixed_buttons():
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        on_tap(self.request_button, self._debounce, self.requestInfo.emit)
        on_tap(self.back_button, self._debounce, self.backHome.emit)
        # Toggles act at once (no debounce): a double tap toggles twice, as a switch should.
        self.large_text_button.toggled.connect(self._session.set_large_text)
        self.high_contrast_button.toggled.connect(self._session.set_high_contrast)
        session.languageChanged.connect(self._on_language)
        session.largeTextChanged.connect(self._sync_toggles)
        session.highContrastChanged.connect(self._sync_toggles)
        session.resetRequested.connect(self.clear)

        self.refresh_topics()
        self._sync_toggles()
        self.retranslate()
        self.reflow()

    # -- what the shell calls ----------------------------------------------------------------
    def set_deck(self, deck: Deck) -> None:
        self._deck = deck
        self.refresh_topics()

    def refresh_topics(self) -> None:
        """Rebuild the topic buttons from content: topics that have slides playing now."""
        topics = playing_topics(self._deck, self._clock.now())
        if topics == self._topics and self._topic_buttons:
            return
        for button in self._topic_buttons:
            self.topics_grid.removeWidget(button)
            button.hide()
            button.setParent(None)
            button.deleteLater()
        self._topic_buttons = []
        self._topics = topics
        content = self.scroll.widget()
        for topic in self._topics:
            button = QPushButton(content)
            button.setObjectName(f"topic_{topic.id}")
            # A light card: the clinic's topic icons are drawn for a light background.
            button.setProperty("role", "topic")
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            if topic.icon is not None:
                button.setIcon(QIcon(str(topic.icon.path)))
            on_tap(button, self._debounce, lambda t=topic.id: self.topicChosen.emit(t))
            self._topic_buttons.append(button)
        self._retranslate_topics()
        self.reflow()

    def clear(self) -> None:
        """A new patient: toggles follow the (reset) session, the list is back at the top."""
        self._sync_toggles()
        self.scroll.verticalScrollBar().setValue(0)

    @property
    def topics(self) -> tuple[Topic, ...]:
        return self._topics

    def topic_button(self, topic_id: str) -> QPushButton:
        for topic, button in zip(self._topics, self._topic_buttons):
            if topic.id == topic_id:
                return button
        raise KeyError(topic_id)

    # -- texts ---------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.title.setText(self.tr("What would you like to know?"))
        self.request_button.setText(self.tr("Request more information"))
        describe(self.request_button, self.tr("Request more information"),
                 self.tr("Leave your name and phone or email, and the clinic will contact you."))
        self.settings_label.setText(self.tr("Language and display"))
        for code, button in self.language_buttons.items():
            describe(button, button.text(), self.tr("Show the screens in %1.").replace("%1", button.text()))
        self.large_text_button.setText(self.tr("Larger text"))
        describe(self.large_text_button, self.tr("Larger text"), self.tr("Makes all text on the screens larger."))
        self.high_contrast_button.setText(self.tr("High contrast"))
        describe(self.high_contrast_button, self.tr("High contrast"),
                 self.tr("Shows the screens in black, white and yellow."))
        self.back_button.setText(self.tr("Back to slideshow"))
        describe(self.back_button, self.tr("Back to slideshow"),
                 self.tr("Closes the menu and forgets your choices."))
        self._retranslate_topics()
        self.reflow()

    def _retranslate_topics(self) -> None:
        language = self._session.language
        for topic, button in zip(self._topics, self._topic_buttons):
            title = topic.title.get(language)
            button.setText(title)
            describe(button, title, self.tr("Shows the slides about %1.").replace("%1", title))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _on_language(self, _language: str) -> None:
        # The shell's translators are already swapped (connected first); Qt's LanguageChange
        # event comes later, so retranslate now to avoid a frame in the old language.
        self._sync_toggles()
        self.retranslate()

    def _sync_toggles(self, *_args: object) -> None:
        for code, button in self.language_buttons.items():
            button.setChecked(code == self._session.language)
        for button, on in ((self.large_text_button, self._session.large_text),
                           (self.high_contrast_button, self._session.high_contrast)):
            button.blockSignals(True)
            button.setChecked(on)
            button.blockSignals(False)

    # -- layout --------------------------------------------------------------------------------
    def _all_fixed_buttons(self) -> list[QPushButton]:
        return [self.request_button, *self.language_buttons.values(), self.large_text_button,
                self.high_contrast_button, self.back_button]

    def _settings_buttons(self) -> list[QPushButton]:
        return [*self.language_buttons.values(), self.large_text_button, self.high_contrast_button]

    def reflow(self) -> None:
        size = self.size() if not self.size().isEmpty() else QSize(1920, 1080)
        margin, gap = px(size, 48), max(min_gap(size), px(size, 20))
        self._layout.setContentsMargins(margin, margin, margin, margin)
        self._layout.setSpacing(px(size, 28))
        icon = px(size, 72)
        for button in self._topic_buttons:
            button.setIconSize(QSize(icon, icon))
        width = size.width() - 2 * margin
        for grid, widgets, most in ((self.topics_grid, self._topic_buttons, 2),
                                    (self.settings_grid, self._settings_buttons(), 4)):
            grid.setHorizontalSpacing(gap)
            grid.setVerticalSpacing(gap)
            fill_grid(grid, widgets, columns_that_fit(widgets, width, gap, most))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.reflow()

    def event(self, event: QEvent) -> bool:
        # Fonts change with larger text / the stylesheet: size hints change, so reflow.
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self.reflow()
        return super().event(event)
