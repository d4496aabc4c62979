"""The request form in a real window on a virtual X screen: real clicks (xdotool) on the
on-screen keyboard type a name with Spanish letters and a phone number, and submit.

The window runs in a child process (this file, run as a script); it reports where its keys
are on the screen each time the keyboard changes, and the request id once stored.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

import pytest

WIDTH, HEIGHT = 1080, 1920  # portrait: the layout that was hardest to fit
TIMEOUT = 60

pytestmark = [
    pytest.mark.xvfb,
    pytest.mark.skipif(
        shutil.which("Xvfb") is None or shutil.which("xdotool") is None,
        reason="Xvfb and xdotool are not installed (.ci/run installs them)",
    ),
]


# --- the child: the form in a real window ----------------------------------------------------


def child_main(db_path: str) -> int:
    from PySide6.QtCore import QPoint, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    from kiosk.core.loader import load_deck
    from kiosk.core.requests.store import RequestStore
    from kiosk.core.resources import bundled_content_dir
    from kiosk.ui.request.form_screen import RequestScreen
    from kiosk.ui.request.keyboard import KeyAction
    from kiosk.ui.session import Session
    from kiosk.ui.theme import apply_theme

    app = QApplication(sys.argv[:1])
    clinic = load_deck(bundled_content_dir()).raise_for_errors().clinic
    apply_theme(app, clinic.theme)
    store = RequestStore(db_path)
    session = Session("en")

    class Submitter:
        def submit(self, request, idempotency_token):
            return store.submit(request, idempotency_token, channels=["email"])

    screen = RequestScreen(session, clinic, Submitter(), thanks_seconds=600)
    screen.setGeometry(app.primaryScreen().geometry())
    screen.showFullScreen()

    def centre(widget: QWidget) -> list[int]:
        point = widget.mapToGlobal(QPoint(widget.width() // 2, widget.height() // 2))
        return [point.x(), point.y()]

    def report() -> None:
        keyboard = screen.keyboard
        keys = {}
        if keyboard.isVisible():
            for key in keyboard.key_buttons():
                name = key.spec.text if key.spec.action in (KeyAction.CHAR, KeyAction.TEXT) else key.spec.action.value
                keys[name] = centre(key)
        targets = {
            "name": screen.name.edit,
            "phone": screen.phone.edit,
            "consent": screen.consent,
            "submit": screen.submit_button,
        }
        print(
            json.dumps(
                {
                    "mode": keyboard.mode().value if keyboard.isVisible() else None,
                    "keys": keys,
                    "targets": {name: centre(widget) for name, widget in targets.items()},
                }
            ),
            flush=True,
        )

    def report_soon() -> None:
        QTimer.singleShot(300, report)  # after the keyboard's layout and the scroll settled

    for field in (screen.name, screen.phone):
        field.edit.activated.connect(report_soon)
    screen.keyboard.doneRequested.connect(report_soon)
    screen.submitted.connect(lambda request_id: print(json.dumps({"submitted": request_id}), flush=True))
    QTimer.singleShot(1000, report)
    code = app.exec()
    store.close()
    return code


# --- the test --------------------------------------------------------------------------------


@pytest.fixture
def xvfb_display() -> Iterator[str]:
    # Imported here: this file also runs as the child's script, where tests/ is not on the path.
    from tests.helpers.xvfb import running_xvfb

    with running_xvfb(WIDTH, HEIGHT) as display:
        yield display


def read_message(stream: IO[str], want: str, mode: str | None = None) -> dict[str, Any]:
    for line in stream:
        message = json.loads(line)
        if want in message and (mode is None or message.get("mode") == mode):
            return message
    raise AssertionError(f"the window exited before reporting {want} {mode or ''}")


def test_real_clicks_on_the_keyboard_submit_a_request(tmp_path: Path, xvfb_display: str) -> None:
    from kiosk.core.requests.store import RequestStore

    db = tmp_path / "data" / "requests.db"
    env = {**os.environ, "DISPLAY": xvfb_display, "QT_QPA_PLATFORM": "xcb"}

    def click(point: Sequence[int]) -> None:
        x, y = point
        subprocess.run(["xdotool", "mousemove", str(x), str(y), "click", "1"], env=env, check=True, timeout=TIMEOUT)

    proc = subprocess.Popen(
        [sys.executable, __file__, str(db)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    try:
        assert proc.stdout is not None
        first = read_message(proc.stdout, "targets")
        click(first["targets"]["name"])
        letters = read_message(proc.stdout, "keys", "text")["keys"]
        for key in ("shift", "a", "n", "a", "space", "shift", "n", "ú", "ñ", "e", "z"):
            click(letters[key])
        click(letters["next"])
        pad = read_message(proc.stdout, "keys", "phone")["keys"]
        for key in "303-555-0123":
            click(pad[key])
        click(pad["done"])
        form = read_message(proc.stdout, "targets", None)
        while form.get("mode") is not None:
            form = read_message(proc.stdout, "targets", None)
        click(form["targets"]["consent"])
        click(form["targets"]["submit"])
        submitted = read_message(proc.stdout, "submitted")
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=TIMEOUT)
    assert "Ana Núñez" not in err
    with RequestStore(db) as store:
        [stored] = store.list_requests()
    assert stored.id == submitted["submitted"]
    assert (stored.request.name, stored.request.phone) == ("Ana Núñez", "+13035550123")


if __name__ == "__main__":
    sys.exit(child_main(sys.argv[1]))
