"""The touch menu: the clinic's topics, "Request more information", language, larger text,
high contrast and the way back to the slideshow."""

from __future__ import annotations

from datetime import datetime
from functools import partial

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QScroller,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.clock import Clock
from kiosk.core.model import Deck, Topic
from kiosk.ui.accessibility import SCOPE_PROPERTY, describe, make_toggle
from kiosk.ui.menu.layout import card_columns, even_columns_that_fit, fill_grid
from kiosk.ui.menu.topic_card import TopicCard
from kiosk.ui.menu.touch import Debouncer, on_tap
from kiosk.ui.scale import min_gap, min_target, px
from kiosk.ui.scroll_cue import MoreBelow
from kiosk.ui.session import Session
from kiosk.ui.touch_screen import TouchScreen

# Language switch: each language named in itself, so a patient finds their own.
LANGUAGE_NAMES = (("en", "English"), ("es", "Español"))
# The tallest a topic card grows (at 1080p) when there are few topics and room to spare.
MAX_CARD_HEIGHT = 400


def playing_topics(deck: Deck, at: datetime) -> tuple[Topic, ...]:
    """The clinic's topics that have at least one slide playing at ``at``, in clinic order."""
    return tuple(t for t in deck.clinic.topics if deck.for_topic(t.id, at))


class MenuScreen(TouchScreen):
    topicChosen = Signal(str)
    requestInfo = Signal()
    backHome = Signal()

    def __init__(
        self,
        session: Session,
        deck: Deck,
        clock: Clock,
        *,
        debouncer: Debouncer | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("menuScreen", session=session, parent=parent)
        self.setProperty(SCOPE_PROPERTY, "true")
        self._session = session
        self._deck = deck
        self._clock = clock
        self._debounce = debouncer if debouncer is not None else Debouncer()
        self._topics: tuple[Topic, ...] = ()
        self._topic_buttons: list[TopicCard] = []

        content = self._build_scroll_area()
        self._build_top(content)
        self._build_settings_band(content)
        self._lay_out(content)
        self._connect_controls()

        self.refresh_topics()
        self._sync_toggles()
        self.retranslate()
        self.reflow()

    # -- building ------------------------------------------------------------------------------
    def _build_scroll_area(self) -> QWidget:
        """The page scrolls as a whole; returns the widget that holds it."""
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # A tap on a switch must not hand the focus (and a screen reader) to the unnamed page.
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        content = QWidget()
        self.scroll_area.setWidget(content)
        # A finger drags the list; mouse drags stay clicks (the scroller would delay presses).
        QScroller.grabGesture(self.scroll_area.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        # Larger Spanish text in landscape runs past the bottom edge: say so, under the page
        # rather than over it (it never covers a topic).
        self.more_below = MoreBelow(
            self.scroll_area.verticalScrollBar(), lambda: self.scroll_area.viewport().height(), self
        )
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.scroll_area, 1)
        outer.addWidget(self.more_below)
        return content

    def _build_top(self, content: QWidget) -> None:
        """The headline, the topic cards' grid and "Request more information"."""
        self.title = QLabel(content)
        self.title.setProperty("role", "headline")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.topics_grid = QGridLayout()
        self.request_button = QPushButton(content)
        # The one main action: bigger than the rest and filled (touch stylesheet).
        self.request_button.setProperty("role", "primary")

    def _build_settings_band(self, content: QWidget) -> None:
        # Language, text size, contrast and the way out sit together in a band at the bottom.
        self.separator = QFrame(content)
        self.separator.setProperty("role", "rule")
        self.settings_label = QLabel(content)
        self.settings_label.setWordWrap(True)
        self.settings_grid = QGridLayout()
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
        self.back_button = QPushButton(content)
        # Layouts only, no container widget: the band shows the page's own colours.
        self.band = QGridLayout()

    def _lay_out(self, content: QWidget) -> None:
        self._layout = QVBoxLayout(content)
        self._layout.addWidget(self.title)
        self._layout.addLayout(self.topics_grid, 1)
        self._layout.addWidget(self.request_button)
        # Whatever height the cards do not take (few topics) goes here, above the bottom band.
        self._layout.addStretch(0)
        self._layout.addLayout(self.band)

    def _connect_controls(self) -> None:
        for button in self._all_fixed_buttons():
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        on_tap(self.request_button, self._debounce, self.requestInfo.emit)
        on_tap(self.back_button, self._debounce, self.backHome.emit)
        # Toggles act at once (no debounce): a double tap toggles twice, as a switch should.
        self.large_text_button.toggled.connect(self._session.set_large_text)
        self.high_contrast_button.toggled.connect(self._session.set_high_contrast)
        self._session.languageChanged.connect(self._sync_toggles)
        self._session.largeTextChanged.connect(self._sync_toggles)
        self._session.largeTextChanged.connect(self._keep_switch_in_view)
        self._session.highContrastChanged.connect(self._sync_toggles)
        self._session.resetRequested.connect(self.clear)

    # -- what the shell calls ----------------------------------------------------------------
    def set_deck(self, deck: Deck) -> None:
        self._deck = deck
        self.refresh_topics()

    def first_focus(self) -> QWidget | None:
        """The first topic (a screen reader starts at the top), else the request button."""
        return self._topic_buttons[0] if self._topic_buttons else self.request_button

    def refresh_topics(self) -> None:
        """Rebuild the topic buttons from content: topics that have slides playing now."""
        topics = playing_topics(self._deck, self._clock.now())
        if topics == self._topics and self._topic_buttons:
            return
        for button in self._topic_buttons:
            self.topics_grid.removeWidget(button)
            button.hide()
            button.deleteLater()
        self._topic_buttons = []
        self._topics = topics
        content = self.scroll_area.widget()
        for topic in self._topics:
            card = TopicCard(content)
            card.setObjectName(f"topic_{topic.id}")
            card.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            if topic.icon is not None:
                card.set_content("", "", QIcon(str(topic.icon.path)))
            on_tap(card, self._debounce, partial(self.topicChosen.emit, topic.id))
            # The cards' fonts are restyled after the menu's own StyleChange: lay out again then.
            card.textSizeChanged.connect(self.reflow)
            self._topic_buttons.append(card)
        self._retranslate_topics()
        self.reflow()

    def clear(self) -> None:
        """A new patient: toggles follow the (reset) session, the list is back at the top."""
        self._sync_toggles()
        self.scroll_area.verticalScrollBar().setValue(0)

    @property
    def topics(self) -> tuple[Topic, ...]:
        return self._topics

    def topic_button(self, topic_id: str) -> TopicCard:
        for topic, button in zip(self._topics, self._topic_buttons, strict=True):
            if topic.id == topic_id:
                return button
        raise KeyError(topic_id)

    # -- texts ---------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.title.setText(self.tr("What would you like to know?"))
        self.request_button.setText(self.tr("Request more information"))
        describe(
            self.request_button,
            self.tr("Request more information"),
            self.tr("Leave your name and phone or email, and the clinic will contact you."),
        )
        self.settings_label.setText(self.tr("Language and display"))
        # Each language button shows its language's own name; what it does is said in the
        # language on screen now (never "Show the screens in Español").
        descriptions = {
            "en": self.tr("Show the screens in English."),
            "es": self.tr("Show the screens in Spanish."),
        }
        for code, button in self.language_buttons.items():
            describe(button, button.text(), descriptions[code])
        self.large_text_button.setText(self.tr("Larger text"))
        describe(self.large_text_button, self.tr("Larger text"), self.tr("Makes all text on the screens larger."))
        self.high_contrast_button.setText(self.tr("High contrast"))
        describe(
            self.high_contrast_button,
            self.tr("High contrast"),
            self.tr("Shows the screens in black, white and yellow."),
        )
        self.back_button.setText(self.tr("Back to slideshow"))
        describe(self.back_button, self.tr("Back to slideshow"), self.tr("Closes the menu and forgets your choices."))
        self._retranslate_topics()
        self.reflow()

    def _retranslate_topics(self) -> None:
        language = self._session.language
        now = self._clock.now()
        for topic, card in zip(self._topics, self._topic_buttons, strict=True):
            title = topic.title.get(language)
            slides = len(self._deck.for_topic(topic.id, now))
            card.set_content(title, self.slide_count(slides))
            describe(card, title, self.tr("Shows the slides about %1.").replace("%1", title))

    def slide_count(self, slides: int) -> str:
        """ "1 slide" / "9 slides", in the session's language."""
        # Two strings rather than Qt's %n plural forms: English has no catalogue to supply
        # its plural, and both languages have just "one" and "more".
        if slides == 1:
            return self.tr("1 slide")
        return self.tr("%1 slides").replace("%1", str(slides))

    def _keep_switch_in_view(self, *_args: object) -> None:
        # Larger text grows the page; the switch the patient just pressed must not slide out of
        # sight (they may want it off again). After the reflow the new fonts cause.
        QTimer.singleShot(0, self, self._show_large_text_switch)

    def _show_large_text_switch(self) -> None:
        if self.isVisible():
            self.scroll_area.ensureWidgetVisible(self.large_text_button, 0, px(self.size(), 48))

    def _sync_toggles(self, *_args: object) -> None:
        for code, button in self.language_buttons.items():
            button.setChecked(code == self._session.language)
        for button, on in (
            (self.large_text_button, self._session.large_text),
            (self.high_contrast_button, self._session.high_contrast),
        ):
            button.blockSignals(True)
            button.setChecked(on)
            button.blockSignals(False)

    # -- layout --------------------------------------------------------------------------------
    def _all_fixed_buttons(self) -> list[QPushButton]:
        return [
            self.request_button,
            *self.language_buttons.values(),
            self.large_text_button,
            self.high_contrast_button,
            self.back_button,
        ]

    def _settings_buttons(self) -> list[QPushButton]:
        return [*self.language_buttons.values(), self.large_text_button, self.high_contrast_button]

    def reflow(self) -> None:
        size = self.screen_size()
        margin, gap = px(size, 48), max(min_gap(size), px(size, 20))
        spacing = px(size, 28)
        self._layout.setContentsMargins(margin, margin, margin, margin)
        self._layout.setSpacing(spacing)
        scroll_bar = self.scroll_area.verticalScrollBar()
        width = size.width() - 2 * margin - (scroll_bar.width() if scroll_bar.isVisible() else 0)
        self.request_button.setMinimumHeight(px(size, 104))
        self.more_below.setMinimumHeight(min_target(size))
        self.separator.setFixedHeight(max(2, px(size, 3)))
        self._arrange_band(width, gap, spacing)
        self._card_pad, self._icon_min = px(size, 28), px(size, 72)
        for card in self._topic_buttons:
            card.set_metrics(pad=self._card_pad, gap=self._card_pad, icon_min=self._icon_min, icon_max=px(size, 168))
        # The height left for the cards once the headline, the main action and the band are in.
        taken = (
            2 * margin
            + 3 * spacing
            + self.title.heightForWidth(width)
            + max(self.request_button.minimumHeight(), self.request_button.sizeHint().height())
            + self._band_height(width)
        )
        self._arrange_cards(width, size.height() - taken, gap, px(size, MAX_CARD_HEIGHT))

    def _arrange_band(self, width: int, gap: int, spacing: int) -> None:
        """Switches and "Back to slideshow" side by side when they fit, else the way out below."""
        band, toggles = self.band, self._settings_buttons()
        band.setHorizontalSpacing(spacing)
        band.setVerticalSpacing(gap)
        self.settings_grid.setHorizontalSpacing(gap)
        self.settings_grid.setVerticalSpacing(gap)
        beside = even_columns_that_fit(toggles, width - self.back_button.sizeHint().width() - spacing, gap)
        side_by_side = beside >= 2
        columns = beside if side_by_side else even_columns_that_fit(toggles, width, gap)
        fill_grid(self.settings_grid, toggles, columns)
        for widget in (self.separator, self.settings_label, self.back_button):
            band.removeWidget(widget)
        band.removeItem(self.settings_grid)
        band.addWidget(self.separator, 0, 0, 1, 2)
        band.addWidget(self.settings_label, 1, 0, 1, 2)
        corner = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom
        if side_by_side:
            band.addLayout(self.settings_grid, 2, 0)
            band.addWidget(self.back_button, 2, 1, corner)
        else:
            band.addLayout(self.settings_grid, 2, 0, 1, 2)
            band.addWidget(self.back_button, 3, 0, 1, 2, corner)
        band.setColumnStretch(0, 1)
        band.setColumnStretch(1, 0)
        band.invalidate()

    def _band_height(self, width: int) -> int:
        self.band.activate()
        return self.band.heightForWidth(width) if self.band.hasHeightForWidth() else self.band.sizeHint().height()

    def _arrange_cards(self, width: int, height: int, gap: int, max_height: int) -> None:
        """Cards share the height left (up to ``max_height`` each) in the columns that suit them."""
        cards = self._topic_buttons
        self.topics_grid.setHorizontalSpacing(gap)
        self.topics_grid.setVerticalSpacing(gap)
        if not cards:
            return

        def needed(card_width: int) -> int:
            return max(card.heightForWidth(card_width) for card in cards)

        columns = card_columns(
            len(cards),
            width,
            height,
            gap,
            needed_height=needed,
            max_height=max_height,
            min_width=max(card.minimum_width() for card in cards),
            title_lines=lambda w: max(card.title_lines(w) for card in cards),
        )
        card_width = (width - (columns - 1) * gap) // columns
        # One icon size for all: the largest that leaves every title its room.
        icon = min(card.icon_for(card_width) for card in cards)
        for card in cards:
            card.set_metrics(pad=self._card_pad, gap=self._card_pad, icon_min=self._icon_min, icon_max=icon)
        # Every card as tall as the one with the most text needs: an even grid, even icons.
        shortest = needed(card_width)
        for card in cards:
            card.setMinimumHeight(shortest)
            card.setMaximumHeight(max(max_height, shortest))
        fill_grid(self.topics_grid, cards, columns)
        for row in range(self.topics_grid.rowCount()):
            self.topics_grid.setRowStretch(row, 1 if row * columns < len(cards) else 0)

    def apply_metrics(self) -> None:
        self.reflow()

    def event(self, event: QEvent) -> bool:
        # Fonts change with larger text / the stylesheet: size hints change, so reflow.
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self.reflow()
        return super().event(event)
