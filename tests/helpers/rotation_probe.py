"""A window of four coloured buttons, one per quarter, shown turned in a RotatedWindow on a
real X screen (tests/test_real_window_rotation.py starts it under Xvfb):

    python -m tests.helpers.rotation_probe DEGREES SCREENSHOT.png

Prints ``ready`` once the screen is saved to SCREENSHOT.png (the X server's own pixels), then
``clicked NAME`` for every button clicked.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QGridLayout, QPushButton, QWidget

from kiosk.ui.rotation import RotatedWindow

#: name, row, column, colour: the content's quarters as laid out (before turning).
QUARTERS = (
    ("top-left", 0, 0, "#d00000"),
    ("top-right", 0, 1, "#00b000"),
    ("bottom-left", 1, 0, "#0000d0"),
    ("bottom-right", 1, 1, "#e0e000"),
)


def main(argv: list[str]) -> int:
    degrees, shot = int(argv[0]), Path(argv[1])
    app = QApplication([sys.argv[0]])
    content = QWidget()
    grid = QGridLayout(content)
    grid.setContentsMargins(0, 0, 0, 0)
    grid.setSpacing(0)
    for name, row, column, colour in QUARTERS:
        button = QPushButton(name)
        button.setStyleSheet(f"QPushButton {{ background: {colour}; border: none; color: {colour}; }}")
        button.setSizePolicy(button.sizePolicy().Policy.Expanding, button.sizePolicy().Policy.Expanding)
        button.clicked.connect(lambda _checked=False, name=name: print(f"clicked {name}", flush=True))
        grid.addWidget(button, row, column)
    window = RotatedWindow(content, degrees)
    screen = app.primaryScreen()
    window.setGeometry(screen.geometry())
    window.showFullScreen()

    def save() -> None:
        screen.grabWindow(0).save(str(shot))
        print("ready", flush=True)

    QTimer.singleShot(700, save)
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
