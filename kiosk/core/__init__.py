"""The Qt-free core: content model and loading, scheduling, validation, requests.

Nothing under ``kiosk.core`` may import Qt, the views or the command line; the
import-linter contract in ``pyproject.toml`` (checked by ``tests/test_architecture.py``)
enforces it, so the core stays testable without a ``QApplication``.
"""
