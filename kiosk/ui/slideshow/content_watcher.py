"""Hot reload: notices saves in the content folder and loads the new deck off the GUI thread.

The load runs in a plain Python thread and its outcome is collected by a timer on the GUI
thread that runs only while a load is under way: no Qt signal is emitted from the thread.

``QFileSystemWatcher`` reports most saves at once; editors that save by writing a new file and
renaming it over the old one make the watcher drop that path, so every path is re-added after
each event. Events are debounced (an editor saving several files is one reload), and a cheap
poll of names, sizes and modification times every second catches what watchers miss on some
filesystems (network shares, some container mounts).
"""

from __future__ import annotations

import logging
import os
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QObject, Qt, QTimer, Signal

log = logging.getLogger(__name__)

#: How long ``stop`` waits for a load in progress.
STOP_WAIT_S = 2.0
#: Sub-folders of a content folder whose files are watched.
WATCHED_DIRS = ("slides", "images")

if TYPE_CHECKING:
    from kiosk.ui.slideshow.player import LoadOutcome

#: Loads a content folder: kiosk.core.loader.load_deck, or the content home's refresh.
Loader = Callable[[Path], "LoadOutcome"]
Fingerprint = tuple[tuple[str, int, int], ...]


def content_fingerprint(root: Path) -> Fingerprint:
    """Names, sizes and modification times of every file under ``root`` (no reading)."""
    entries: list[tuple[str, int, int]] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            path = Path(dirpath, name)
            try:
                stat = path.stat()
            except OSError:  # removed while walking
                continue
            entries.append((str(path.relative_to(root)), stat.st_size, stat.st_mtime_ns))
    return tuple(sorted(entries))


class _Load(threading.Thread):
    """Loads the folder once in a plain Python thread: it makes no QObject and emits no Qt
    signal (README, "Rendering off the GUI thread"); the watcher collects the outcome."""

    def __init__(self, loader: Loader, root: Path) -> None:
        super().__init__(name="content-load", daemon=True)
        self._loader = loader
        self._root = root
        self.result: object = None
        self.crash = ""

    def run(self) -> None:
        try:
            self.result = self._loader(self._root)
        except Exception:  # noqa: BLE001 - the loader reports problems as values; anything else is a bug, sent on with its traceback
            self.crash = traceback.format_exc()


class ContentWatcher(QObject):
    """Emits ``loaded(LoadResult)`` after the content under ``root`` changed."""

    loaded = Signal(object)
    changed = Signal()

    def __init__(
        self,
        root: Path,
        loader: Loader,
        *,
        debounce_ms: int = 300,
        poll_ms: int = 1000,
        collect_ms: int = 20,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.root = root
        self._loader = loader
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self._on_event)
        self._watcher.fileChanged.connect(self._on_event)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(debounce_ms)
        self._debounce.timeout.connect(self._check)
        self._poll = QTimer(self)
        self._poll.setTimerType(Qt.TimerType.CoarseTimer)
        self._poll.setInterval(poll_ms)
        self._poll.timeout.connect(self._check)
        self._load: _Load | None = None
        # Looks for the load's outcome; runs only while a load is under way.
        self._collect = QTimer(self)
        self._collect.setInterval(collect_ms)
        self._collect.timeout.connect(self._collect_load)
        self._fingerprint: Fingerprint = ()
        self._loading = False
        self._again = False
        #: How many times the folder was checked (events and polls), for tests.
        self.checks_done = 0

    def start(self) -> None:
        """Start watching; the content as it is now counts as already loaded."""
        self._fingerprint = content_fingerprint(self.root)
        self._rewatch()
        self._poll.start()

    def stop(self) -> None:
        self._poll.stop()
        self._debounce.stop()
        paths = self._watcher.files() + self._watcher.directories()
        if paths:
            self._watcher.removePaths(paths)
        self._collect.stop()
        load, self._load = self._load, None
        if load is not None:
            # A load reads files and parses YAML (a second or so); it is a daemon thread, so
            # one stuck on a dead network share never holds up the kiosk's exit.
            load.join(STOP_WAIT_S)

    @property
    def watched_paths(self) -> list[str]:
        return sorted(self._watcher.files() + self._watcher.directories())

    def _rewatch(self) -> None:
        wanted = {str(self.root)}
        for sub in WATCHED_DIRS:
            if (self.root / sub).is_dir():
                wanted.add(str(self.root / sub))
        for rel, _size, _mtime in self._fingerprint:
            wanted.add(str(self.root / rel))
        have = set(self._watcher.files()) | set(self._watcher.directories())
        missing = sorted(p for p in wanted - have if os.path.exists(p))
        if missing:
            self._watcher.addPaths(missing)

    def _on_event(self, _path: str) -> None:
        self._debounce.start()  # restart: a burst of saves is one reload

    def _check(self) -> None:
        self.checks_done += 1
        fingerprint = content_fingerprint(self.root)
        self._rewatch_with(fingerprint)
        if fingerprint == self._fingerprint:
            return
        self._fingerprint = fingerprint
        self.changed.emit()
        if self._loading:
            self._again = True
            return
        self._loading = True
        log.info("content changed in %s: reloading", self.root)
        self._load = _Load(self._loader, self.root)
        self._load.start()
        self._collect.start()

    def _collect_load(self) -> None:
        load = self._load
        if load is None:
            self._collect.stop()
            return
        if load.is_alive():
            return
        self._collect.stop()
        self._load = None
        if load.crash:
            self._on_crashed(load.crash)
        else:
            self._on_loaded(load.result)

    def _rewatch_with(self, fingerprint: Fingerprint) -> None:
        previous = self._fingerprint
        self._fingerprint = fingerprint
        try:
            self._rewatch()
        finally:
            self._fingerprint = previous

    def _on_loaded(self, result: object) -> None:
        self._loading = False
        self.loaded.emit(result)
        if self._again:
            self._again = False
            self._fingerprint = ()  # force the next check to load
            self._check()

    def _on_crashed(self, trace: str) -> None:
        self._loading = False
        log.error("reloading content crashed; still playing the last good deck:\n%s", trace)
