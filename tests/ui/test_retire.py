"""Replaced widgets are deleted only while no slide is being rendered (kiosk/ui/retire.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget
from shiboken6 import Shiboken

from kiosk.ui.retire import Retirer
from tests.helpers.kiosk import running_kiosk


def test_a_retired_widget_is_hidden_at_once_and_deleted_when_no_render_runs(qapp, qtbot) -> None:
    busy = [True]
    retirer = Retirer(lambda: busy[0])
    host = QWidget()
    qtbot.addWidget(host)
    button = QPushButton("old", host)
    button.clicked.connect(lambda: None)  # a connection: what made deletion dangerous
    host.show()
    retirer.retire(button)
    assert not button.isVisible() and Shiboken.isValid(button) and retirer.waiting == 1
    busy[0] = False
    qtbot.waitUntil(lambda: not Shiboken.isValid(button))
    assert retirer.waiting == 0


def test_a_content_reload_retires_the_old_topic_cards_and_chips(qapp, qtbot, tmp_path) -> None:
    from kiosk.core.requests.store import RequestStore
    from kiosk.ui.app import RequestServices

    store = RequestStore(tmp_path / "requests.db")
    with running_kiosk(qapp, qtbot, requests=RequestServices(store)) as (kiosk, _clock):
        shell = kiosk.window
        retired: list[QWidget] = []
        real = shell.retirer.retire

        def retire(widget: QWidget) -> None:
            retired.append(widget)
            real(widget)

        shell.retirer.retire = retire  # type: ignore[method-assign]  # a spy on the real method
        old_cards = [shell.menu.topic_button(t.id) for t in shell.menu.topics]
        old_chips = shell.request_screen.topics
        deck = kiosk.player.deck
        from dataclasses import replace

        # The same clinic with one topic fewer: new cards and chips are built.
        clinic = replace(deck.clinic, topics=deck.clinic.topics[:-1])
        shell.menu.set_deck(replace(deck, clinic=clinic))
        shell.request_screen.set_clinic(clinic)
        assert set(map(id, old_cards)) <= set(map(id, retired)) and old_chips in retired
        qtbot.waitUntil(lambda: shell.retirer.waiting == 0, timeout=10000)
        assert not any(Shiboken.isValid(w) for w in old_cards)
    store.close()
