"""Loading Qt's Python bindings without the import hook that keeps every module's source.

Importing PySide6 replaces ``builtins.__import__`` with its own function (shibokensupport's
``feature.py``, PYSIDE-1019 and PYSIDE-2029) so that ``from __feature__ import snake_case`` can
rename Qt's methods for the modules that ask. To find the modules that might, the hook reads
the whole source of every module imported after PySide6 (``inspect.getsource``), and
``linecache`` keeps every line of it for the life of the process: in a kiosk installed from
source that was 217 files, ~7 MB of PSS after a minute of play (bench/README.md, "Where the
memory goes"), for a feature the kiosk never uses. Freeing the cache later does not give the
memory back: the lines were allocated between the modules' own objects.

The import the hook wraps stays in ``builtins.__orig_import__``. That is not Python's own
``__import__`` but shiboken's ``__lazy_import__``, which wraps it in turn so that Qt classes are
made on first use (also through ``from PySide6.QtX import *``): it is kept, and reads no source.
Putting it back only means a later ``from __feature__ import ...`` would not work. Modules the
hook never saw keep Qt's normal names (PySide's feature selection falls back to the last
selection, which is none).
A PyInstaller bundle ships no sources, so there the hook found nothing to keep anyway.
"""

from __future__ import annotations

import builtins


def load_qt_bindings() -> bool:
    """Import PySide6 and put back the import its feature hook wraps (shiboken's lazy import,
    not the builtin one: see above); True when there was a hook to remove."""
    import PySide6.QtCore  # noqa: F401 - importing it installs the hook undone below

    original = getattr(builtins, "__orig_import__", None)
    if original is None or builtins.__import__ is original:
        return False
    builtins.__import__ = original
    return True
