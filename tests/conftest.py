"""Test set-up shared by every test. Qt runs offscreen unless a test starts its own Xvfb."""

from __future__ import annotations

import os

# Set once, before anything imports Qt; real-window tests pass their own DISPLAY to a subprocess.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
# Keep tests from reading or writing the developer's real kiosk directories.
os.environ.pop("KIOSK_CONFIG", None)

import gc
import logging
import sys
from collections.abc import Iterator

import pytest
from hypothesis import settings

# Hypothesis' per-example deadline (200 ms) measures the machine's load, not the code: on a
# busy CI runner it fails examples that pass on a rerun. Speed is measured in bench/.
settings.register_profile("kiosk", deadline=None)
settings.load_profile("kiosk")


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test gets a fresh, empty home and XDG dirs, so nothing leaks between tests
    and a test that writes to the home directory is caught."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for var, sub in (
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_STATE_HOME", ".local/state"),
        ("XDG_CACHE_HOME", ".cache"),
    ):
        monkeypatch.setenv(var, str(home / sub))


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    """Tests that run ``kiosk run`` in-process configure the ``kiosk`` logger (own handlers,
    no propagation); put logging back so later tests see records as a fresh process would."""
    loggers = [logging.getLogger(), logging.getLogger("kiosk")]
    saved = [(lg, list(lg.handlers), lg.level, lg.propagate, lg.disabled) for lg in loggers]
    yield
    for logger, handlers, level, propagate, disabled in saved:
        for handler in logger.handlers:
            if handler not in handlers:
                logger.removeHandler(handler)
                handler.close()
        for handler in handlers:
            if handler not in logger.handlers:
                logger.addHandler(handler)
        logger.setLevel(level)
        logger.propagate = propagate
        logger.disabled = disabled


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    """Delete the test's widgets and Qt objects now, in the GUI thread.

    pytest-qt closes widgets with ``deleteLater``, and ``processEvents`` never runs deferred
    deletes, so they would pile up into the next test. Objects that only a reference cycle
    still holds (a kiosk's player and its content watcher) are collected here too: left to
    Python's cyclic collector they die wherever it next runs, perhaps in a later test's load
    or render worker, and a QFileSystemWatcher destroyed from another thread warns ("Socket
    notifiers cannot be enabled or disabled from another thread") and has corrupted the heap.
    (The kiosk itself runs the collector on the GUI thread only: kiosk/ui/collector.py.)"""
    result = yield
    if "PySide6.QtCore" in sys.modules:
        from PySide6.QtCore import QCoreApplication, QEvent

        if QCoreApplication.instance() is not None:
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
            gc.collect()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    return result
