"""Run as a program: open Kiosk Studio on a folder in a real window, retitle one slide as staff
would (typing into its English title box), save, print ``saved`` and quit.

    python -m tests.helpers.studio_driver FOLDER SLIDE_ID NEW_TITLE
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from kiosk.core.studio.model import StudioModel
from kiosk.core.studio.saving import SaveResult
from kiosk.ui.studio.window import StudioWindow


def main(folder: str, slide_id: str, title: str) -> int:
    app = QApplication([sys.argv[0]])
    window = StudioWindow(StudioModel.open(Path(folder)))
    window.show()
    outcome: list[SaveResult] = []

    def edit() -> None:
        key = window.model.find(slide_id)
        assert key is not None, slide_id
        window.select(key)
        box = window.slide_panel.rows()["title"].input.box("en")  # type: ignore[attr-defined]
        assert isinstance(box, QLineEdit)
        box.setFocus()
        box.selectAll()
        QTest.keyClicks(box, title)

        def saved(result: SaveResult) -> None:
            outcome.append(result)
            app.quit()

        window.saved.connect(saved)
        window.save()

    QTimer.singleShot(500, edit)
    QTimer.singleShot(60_000, app.quit)  # never hang a test run
    app.exec()
    window.shut_down()
    saved = bool(outcome) and outcome[0].saved
    print("saved" if saved else f"not saved: {outcome}", flush=True)
    return 0 if saved else 1


if __name__ == "__main__":
    raise SystemExit(main(*sys.argv[1:4]))
