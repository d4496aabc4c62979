"""The menu's layout: topic cards share the screen's height (no half-empty screen), any number
of topics lays out without overlap, titles wrap rather than being cut, each card says how many
slides it has, and the settings and the way out form a band at the bottom."""

from __future__ import annotations

import shutil
from itertools import combinations
from pathlib import Path

import pytest
import yaml
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from kiosk.core.resources import bundled_content_dir
from kiosk.ui.accessibility import touch_palette
from kiosk.ui.menu.layout import card_columns
from kiosk.ui.menu.topic_card import TopicCard
from kiosk.ui.scale import min_gap, px
from tests.helpers.kiosk import LANDSCAPE, PORTRAIT, running_kiosk

SMALL = QSize(1280, 800)
SIZES = {"landscape": LANDSCAPE, "portrait": PORTRAIT, "small": SMALL}
EXTRA_TITLES = (
    ("Rehabilitation after surgery", "Rehabilitación después de una cirugía"),
    ("Sports injuries", "Lesiones deportivas"),
    ("Balance and fall prevention", "Equilibrio y prevención de caídas"),
    ("Insurance and payment", "Seguros y formas de pago"),
)


def content_with_topics(destination: Path, count: int) -> Path:
    """The bundled content with ``count`` topics (1..8): the clinic's first ones, then extra
    topics with long titles, one slide each."""
    shutil.copytree(bundled_content_dir(), destination)
    clinic_file = destination / "clinic.yaml"
    clinic = yaml.safe_load(clinic_file.read_text(encoding="utf-8"))
    topics = clinic["topics"][:count]
    news = yaml.safe_load((destination / "slides" / "shockwave-news.yaml").read_text(encoding="utf-8"))
    for index in range(count - len(topics)):
        topic_id = f"extra-{index}"
        en, es = EXTRA_TITLES[index]
        topics.append({"id": topic_id, "title": {"en": en, "es": es}, "icon": "images/icon-about.svg"})
        slide = {**news, "id": f"{topic_id}-news", "topic": topic_id}
        (destination / "slides" / f"{topic_id}-news.yaml").write_text(
            yaml.safe_dump(slide, allow_unicode=True), encoding="utf-8"
        )
        clinic["playlist"].append(slide["id"])
    kept = {t["id"] for t in topics}
    for path in (destination / "slides").glob("*.yaml"):
        slide = yaml.safe_load(path.read_text(encoding="utf-8"))
        if slide.get("topic") not in kept:
            path.unlink()
            clinic["playlist"].remove(slide["id"])
    clinic["topics"] = topics
    clinic_file.write_text(yaml.safe_dump(clinic, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return destination


def deck_for(size: QSize, content: Path | None):
    from tests.helpers.kiosk import bundled_deck

    return bundled_deck(size, content)


def rect_in(widget: QWidget, root: QWidget) -> QRect:
    return QRect(widget.mapTo(root, QPoint(0, 0)), widget.size())


def open_menu(shell, language: str = "en", large_text: bool = False):
    shell.open_menu()
    shell.session.set_language(language)
    shell.session.set_large_text(large_text)
    QTest.qWait(0)
    menu = shell.menu
    menu.scroll_area.widget().layout().activate()
    return menu


def kiosk_with(qapp, qtbot, tmp_path: Path, size: QSize, topics: int | None):
    content = content_with_topics(tmp_path / "content", topics) if topics is not None else None
    if content is None:
        return running_kiosk(qapp, qtbot, size)
    from contextlib import contextmanager

    from kiosk.core.clock import FixedClock
    from kiosk.ui.app import build_kiosk
    from tests.helpers.kiosk import NOW

    @contextmanager
    def running():
        kiosk = build_kiosk(
            qapp,
            deck_for(size, content),
            clock=FixedClock(NOW),
            screen=qapp.primaryScreen(),
            windowed=size,
            transition="none",
        )
        qtbot.addWidget(kiosk.window)
        kiosk.window.debouncer.interval_ms = 0
        try:
            qtbot.waitUntil(lambda: kiosk.window.is_set_up, timeout=20000)
            yield kiosk, None
        finally:
            kiosk.window.stop()

    return running()


def layout_problems(menu, size: QSize) -> list[str]:
    """Cards that overlap or touch, texts cut inside a card, cards under the main action."""
    content = menu.scroll_area.widget()
    cards = [menu.topic_button(t.id) for t in menu.topics]
    problems = []
    for a, b in combinations(cards, 2):
        ra, rb = rect_in(a, content), rect_in(b, content)
        if ra.adjusted(-min_gap(size) + 1, -min_gap(size) + 1, 0, 0).intersects(rb) or ra.intersects(rb):
            problems.append(f"{a.objectName()} {ra.getRect()} and {b.objectName()} {rb.getRect()} overlap")
    request = rect_in(menu.request_button, content)
    for card in cards:
        rect = rect_in(card, content)
        if rect.bottom() >= request.top() or rect.right() > content.width():
            problems.append(f"{card.objectName()} {rect.getRect()} runs into the request button or off screen")
        title = card.title_label
        if title.heightForWidth(title.width()) > title.height():
            problems.append(
                f"{card.objectName()}: title cut ({title.height()} px of {title.heightForWidth(title.width())})"
            )
        longest = max(title.fontMetrics().horizontalAdvance(w) for w in title.text().split())
        if longest > title.width():
            problems.append(f"{card.objectName()}: a word of {longest} px in a title {title.width()} px wide")
        if card.detail_label.sizeHint().width() > card.detail_label.width():
            problems.append(f"{card.objectName()}: detail line cut")
        problems.extend(
            f"{card.objectName()}: {label.text()!r} outside its card"
            for label in (card.title_label, card.detail_label, card.icon_label)
            if label.isVisibleTo(card) and not card.rect().contains(label.geometry())
        )
    return problems


# -- filling the screen ---------------------------------------------------------------------


@pytest.mark.parametrize("size", [LANDSCAPE, PORTRAIT], ids=["landscape", "portrait"])
def test_cards_fill_the_height_and_the_band_is_at_the_bottom(qapp, qtbot, size) -> None:
    with running_kiosk(qapp, qtbot, size) as (kiosk, _clock):
        shell = kiosk.window
        menu = open_menu(shell)
        content = menu.scroll_area.widget()
        assert menu.scroll_area.verticalScrollBar().maximum() == 0  # everything on one screen
        back = rect_in(menu.back_button, content)
        # The way out is in the bottom margin's reach, not floating mid-screen.
        assert back.bottom() >= size.height() - px(size, 48) - px(size, 12)
        cards = [rect_in(menu.topic_button(t.id), content) for t in menu.topics]
        request = rect_in(menu.request_button, content)
        # No big empty band: the cards reach the main action, the main action the bottom band.
        assert request.top() - max(c.bottom() for c in cards) <= px(size, 48)
        band_top = rect_in(menu.separator, content).top()
        assert band_top - request.bottom() <= px(size, 60)
        # The cards take most of the height between the headline and the main action.
        top = rect_in(menu.title, content).bottom()
        rows = {c.top() for c in cards}
        assert sum(c.height() for c in cards if c.left() == cards[0].left()) >= 0.8 * (
            request.top() - top - len(rows) * px(size, 28)
        )
        assert layout_problems(menu, size) == []


@pytest.mark.parametrize("size", [LANDSCAPE, PORTRAIT], ids=["landscape", "portrait"])
def test_cards_show_their_icon_big_and_beside_the_title(qapp, qtbot, size) -> None:
    with running_kiosk(qapp, qtbot, size) as (kiosk, _clock):
        menu = open_menu(kiosk.window)
        for topic in menu.topics:
            card = menu.topic_button(topic.id)
            assert isinstance(card, TopicCard) and card.has_icon()
            icon = card.icon_label.geometry()
            assert icon.width() >= px(size, 100) and not icon.isEmpty()
            assert icon.right() < card.title_label.geometry().left()


@pytest.mark.parametrize("topics", [1, 4, 7, 8])
@pytest.mark.parametrize("size_name", list(SIZES))
@pytest.mark.parametrize("language, large_text", [("en", False), ("es", True)], ids=["en", "es-large"])
def test_any_number_of_topics_lays_out_without_overlap_or_cut_text(
    qapp, qtbot, tmp_path, topics, size_name, language, large_text
) -> None:
    size = SIZES[size_name]
    with kiosk_with(qapp, qtbot, tmp_path, size, topics) as (kiosk, _clock):
        menu = open_menu(kiosk.window, language, large_text)
        assert len(menu.topics) == topics
        assert layout_problems(menu, size) == []
        grid = menu.topics_grid
        assert grid.count() == topics
        bar = menu.scroll_area.verticalScrollBar()
        if not large_text and (size != SMALL or topics <= 4):
            assert bar.maximum() == 0, "normal text fits without scrolling"
        # The bottom band is below everything else, wherever the page ends.
        content = menu.scroll_area.widget()
        assert rect_in(menu.back_button, content).top() > rect_in(menu.request_button, content).bottom()


def test_few_topics_keep_cards_a_sensible_size(qapp, qtbot, tmp_path) -> None:
    with kiosk_with(qapp, qtbot, tmp_path, PORTRAIT, 1) as (kiosk, _clock):
        menu = open_menu(kiosk.window)
        card = menu.topic_button(menu.topics[0].id)
        assert card.height() <= px(PORTRAIT, 400)
        # The space the one card does not need is above the band, which stays at the bottom.
        back = rect_in(menu.back_button, menu.scroll_area.widget())
        assert back.bottom() >= PORTRAIT.height() - px(PORTRAIT, 60)


# -- titles and the slide count -------------------------------------------------------------


def test_long_titles_wrap_and_are_never_cut_in_spanish_larger_text_portrait(qapp, qtbot, tmp_path) -> None:
    with kiosk_with(qapp, qtbot, tmp_path, PORTRAIT, 7) as (kiosk, _clock):
        menu = open_menu(kiosk.window, "es", True)
        card = menu.topic_button("shockwave")
        assert card.text() == card.title_label.text() == "Terapia de ondas de choque"  # whole, no "..."
        wrapped = []
        for topic in menu.topics:
            title = menu.topic_button(topic.id).title_label
            assert title.wordWrap() and title.heightForWidth(title.width()) <= title.height()
            if title.height() >= 2 * title.fontMetrics().lineSpacing():
                wrapped.append(title.text())
        # "Equilibrio y prevención de caídas" does not fit one line here: it wraps, uncut.
        assert "Equilibrio y prevención de caídas" in wrapped
        assert layout_problems(menu, PORTRAIT) == []


def test_titles_wrap_in_narrow_cards(qapp, qtbot) -> None:
    card = TopicCard()
    qtbot.addWidget(card)
    card.set_content("Terapia de ondas de choque", "1 diapositiva")
    card.set_metrics(pad=20, gap=20, icon_min=60, icon_max=120)
    one_line = card.heightForWidth(2000)
    narrow = card.minimum_width()
    assert card.heightForWidth(narrow) > one_line  # more lines, so taller
    card.resize(narrow, card.heightForWidth(narrow))
    card.show()
    title = card.title_label
    assert title.heightForWidth(title.width()) <= title.height()
    assert card.rect().contains(card.detail_label.geometry())


@pytest.mark.parametrize(
    "language, expected",
    [
        ("en", {"dry-needling": "9 slides", "shockwave": "1 slide", "exercise": "5 slides", "about": "2 slides"}),
        (
            "es",
            {
                "dry-needling": "9 diapositivas",
                "shockwave": "1 diapositiva",
                "exercise": "5 diapositivas",
                "about": "2 diapositivas",
            },
        ),
    ],
)
def test_each_card_says_how_many_slides_it_has(qapp, qtbot, language, expected) -> None:
    with running_kiosk(qapp, qtbot) as (kiosk, clock):
        menu = open_menu(kiosk.window, language)
        deck = kiosk.player.deck
        for topic in menu.topics:
            assert len(deck.for_topic(topic.id, clock.now())) == int(expected[topic.id].split()[0])
            card = menu.topic_button(topic.id)
            assert card.detail_label.text() == expected[topic.id]
            assert card.accessibleName() == topic.title.get(language) == card.text()


# -- look and behaviour ------------------------------------------------------------------------


@pytest.mark.parametrize("high_contrast", [False, True], ids=["normal", "high-contrast"])
def test_a_card_and_its_texts_look_pressed_while_held(qapp, qtbot, high_contrast) -> None:
    with running_kiosk(qapp, qtbot) as (kiosk, _clock):
        shell = kiosk.window
        menu = open_menu(shell)
        shell.session.set_high_contrast(high_contrast)
        palette = touch_palette(kiosk.player.deck.clinic.theme, high_contrast=high_contrast)
        card = menu.topic_button("exercise")

        def colours() -> tuple[str, str]:
            background = card.grab().toImage().pixelColor(card.width() // 2, max(6, card.height() // 12)).name()
            text = card.title_label.palette().color(card.title_label.foregroundRole()).name()
            return background, text

        assert colours() == (palette.toggle.background, palette.toggle.foreground)
        assert card.detail_label.palette().color(card.detail_label.foregroundRole()).name() == palette.toggle.foreground
        QTest.mousePress(card, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(10, 10))
        assert colours() == (palette.toggle_pressed.background, palette.toggle_pressed.foreground)
        QTest.mouseRelease(card, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(10, 10))
        assert colours() == (palette.toggle.background, palette.toggle.foreground)


def test_a_tap_on_the_title_or_icon_is_a_tap_on_the_card(qapp, qtbot) -> None:
    with running_kiosk(qapp, qtbot) as (kiosk, _clock):
        menu = open_menu(kiosk.window)
        chosen: list[str] = []
        menu.topicChosen.connect(chosen.append)
        card = menu.topic_button("about")
        for label in (card.title_label, card.icon_label, card.detail_label):
            kiosk.window.debouncer.reset()
            QTest.mouseClick(card, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, label.geometry().center())
        assert chosen == ["about"] * 3


def test_larger_text_and_language_reflow_the_cards(qapp, qtbot) -> None:
    with running_kiosk(qapp, qtbot, PORTRAIT) as (kiosk, _clock):
        shell = kiosk.window
        menu = open_menu(shell)
        card = menu.topic_button("shockwave")
        normal = card.title_label.fontMetrics().height()
        menu = open_menu(shell, "es", True)
        assert card.title_label.text() == "Terapia de ondas de choque"
        assert card.title_label.fontMetrics().height() >= 1.3 * normal
        assert layout_problems(menu, PORTRAIT) == []
        menu = open_menu(shell, "en", False)
        assert card.title_label.text() == "Shockwave therapy"
        assert layout_problems(menu, PORTRAIT) == []
        assert menu.scroll_area.verticalScrollBar().maximum() == 0


# -- the column choice alone --------------------------------------------------------------------


def test_column_choice_prefers_cards_that_fit_and_are_wide() -> None:
    def needed(_width: int) -> int:
        return 150

    choose = card_columns
    assert choose(1, 1800, 600, 20, needed_height=needed, max_height=400, min_width=300) == 1
    assert choose(4, 1800, 600, 20, needed_height=needed, max_height=400, min_width=300) == 2
    assert choose(4, 1000, 1300, 20, needed_height=needed, max_height=400, min_width=300) == 1
    assert choose(7, 1800, 600, 20, needed_height=needed, max_height=400, min_width=300) == 3
    # Too narrow for two columns: one column, even if it has to scroll.
    assert choose(7, 500, 300, 20, needed_height=needed, max_height=400, min_width=300) == 1


def test_larger_text_keeps_its_switch_in_view_and_shows_there_is_more_below(qapp, qtbot) -> None:
    with running_kiosk(qapp, qtbot, LANDSCAPE) as (kiosk, _clock):
        menu = open_menu(kiosk.window, "es", False)
        bar = menu.scroll_area.verticalScrollBar()
        assert bar.maximum() == 0 and not menu.more_below.isVisible()
        QTest.mouseClick(
            menu.large_text_button, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(10, 10)
        )
        assert kiosk.window.session.large_text
        # Spanish in larger text runs past the bottom edge in landscape ...
        qtbot.waitUntil(lambda: bar.maximum() > 0)
        # ... yet the switch just pressed stays on screen, and the cue says there is more.
        viewport = menu.scroll_area.viewport()
        qtbot.waitUntil(
            lambda: viewport.rect().contains(
                menu.large_text_button.mapTo(viewport, menu.large_text_button.rect().bottomRight())
            )
        )
        # The cue sits under the page, never over a topic or a switch.
        cue = menu.more_below
        assert cue.isVisible() and cue.geometry().top() > menu.scroll_area.geometry().bottom()
        bar.setValue(0)
        assert cue.more_below
        bar.setValue(bar.maximum())
        assert not cue.more_below  # at the end it offers the way back up


def test_in_high_contrast_the_clinic_icons_sit_on_a_white_tile(qapp, qtbot) -> None:
    from PySide6.QtGui import QColor

    with running_kiosk(qapp, qtbot, LANDSCAPE) as (kiosk, _clock):
        menu = open_menu(kiosk.window)
        kiosk.window.session.set_high_contrast(True)
        qtbot.waitUntil(lambda: kiosk.window.session.high_contrast)
        for topic in menu.topics:
            label = menu.topic_button(topic.id).icon_label
            corner = label.grab().toImage().pixelColor(2, label.height() // 2)
            assert corner == QColor("#ffffff"), (topic.id, corner.name())
        kiosk.window.session.set_high_contrast(False)
        label = menu.topic_button(menu.topics[0].id).icon_label
        # In the clinic's colours the card itself is light: no tile.
        assert label.grab().toImage().pixelColor(2, label.height() // 2) != QColor("#000000")
