"""``kiosk studio``: open a content folder in the studio window and run until it closes.

The folder is the one given, else this computer's content home (the folder its kiosk plays,
filled from the shipped pack if it does not exist yet). When it is the content home, saves
take the kiosk's content lock and the window lists the kiosk's kept versions.
"""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from kiosk.runtime import exitcodes

log = logging.getLogger("kiosk.studio")


@dataclass(frozen=True)
class StudioOptions:
    folder: Path | None = None
    config: Path | None = None
    language: str = "en"
    size: tuple[int, int] = (1920, 1080)


def run_studio(options: StudioOptions) -> int:
    from kiosk.core.content_home import ContentPlaces, configured_places, prepare_home
    from kiosk.core.loader import CLINIC_FILE
    from kiosk.runtime.logging_setup import configure_logging

    configure_logging()
    places: ContentPlaces | None = configured_places(os.environ, options.config)
    assert places is not None
    if options.folder is not None:
        folder = options.folder.expanduser().absolute()
        if not folder.is_dir():
            print(f"kiosk studio: {folder}: no such folder", file=sys.stderr)
            return exitcodes.USAGE
        if folder != places.home:
            places = None  # another folder: no kiosk history, no kiosk lock
    else:
        report = prepare_home(places)
        folder = places.home
        if report.action == "unavailable":
            print(f"kiosk studio: {folder}: the content folder cannot be prepared: {report.detail}", file=sys.stderr)
            return exitcodes.PROBLEMS
    if not (folder / CLINIC_FILE).is_file():
        print(f"kiosk studio: {folder} has no {CLINIC_FILE}; is this a content folder?", file=sys.stderr)
        return exitcodes.USAGE

    from kiosk.runtime.qt_bindings import load_qt_bindings

    load_qt_bindings()  # before the studio's modules: PySide's import hook would keep their source

    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QApplication

    from kiosk.core.studio.model import StudioModel
    from kiosk.ui.i18n import Translations
    from kiosk.ui.render.fonts import load_family
    from kiosk.ui.studio.window import StudioWindow

    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setApplicationName("kiosk-studio")
    app.setOrganizationName("clinic-kiosk")
    load_family()  # the slides' own typeface, as on the kiosk
    translations = Translations(parent=app)
    translations.set_language(options.language)
    model = StudioModel.open(folder, places=places, screen_size=options.size)
    window = StudioWindow(model, translations=translations, kiosk_size=QSize(*options.size))
    screen = app.primaryScreen()
    if screen is not None:
        # The whole desktop: with a window manager that is "maximized"; without one (a bare X
        # server) showMaximized alone would leave the default size.
        window.setGeometry(screen.availableGeometry())
    window.showMaximized()
    log.info("studio open on %s", folder)
    if os.environ.get("KIOSK_STUDIO_READY_EXIT"):
        # For CI and benchmarks: quit once the first slide is drawn (the bundle really works).
        def ready() -> None:
            print("studio-ready", flush=True)
            app.quit()

        window.preview.shown.connect(ready)
    code = int(app.exec())
    window.shut_down()
    return code
