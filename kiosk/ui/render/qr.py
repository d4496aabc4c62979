"""QR codes drawn pixel-exact (whole pixels per module), so phones scan them from across
the room."""

from __future__ import annotations

import importlib.util
import sys
import threading
from types import ModuleType

from PySide6.QtGui import QColor, QImage, QPainter

#: Quiet zone around the symbol, in modules (the QR standard asks for 4).
QUIET_ZONE = 4


def qr_modules(data: str) -> tuple[tuple[bool, ...], ...]:
    # Medium error correction survives glare on the glass and a smudged screen.
    code = _segno().make(data, error="m", micro=False)
    return tuple(tuple(bool(v) for v in row) for row in code.matrix)


def _segno() -> ModuleType:
    """segno, imported when a QR code is first drawn (the contact and thank-you screens), but
    without what its file writers drag in.

    segno's SVG writer imports ``xml.sax.saxutils``, which imports ``urllib.request`` and with
    it ``http.client``, ``email``, ``ssl`` and OpenSSL: ~3 MB of PSS for a kiosk (more where
    nothing else loads OpenSSL) for a function (``prepare_input_source``) segno never calls.
    So while segno is imported, ``urllib.request`` is a stand-in (:func:`_on_first_use`) that
    imports the real module the first time anything reads from it."""
    if "segno" not in sys.modules and "urllib.request" not in sys.modules:
        import urllib

        stand_in = _on_first_use("urllib.request")
        # setdefault: a thread importing the real module meanwhile keeps it (no second copy).
        if sys.modules.setdefault("urllib.request", stand_in) is stand_in:
            vars(urllib)["request"] = stand_in  # as the import system sets a submodule on its package
    import segno

    return segno


def _on_first_use(name: str) -> ModuleType:
    """A module that stands for ``name`` until something reads from it, then imports the real
    one in its place and answers from it (a module ``__getattr__``, PEP 562).

    Unlike ``importlib.util.LazyLoader``'s modules, it has its own ``__spec__``, so an
    ``import`` statement that finds it in ``sys.modules`` (which reads ``__spec__``) does not
    load the real module."""
    stand_in = ModuleType(name)
    stand_in.__spec__ = importlib.util.find_spec(name)
    # Two threads reading the stand-in first at once: one takes it out and imports, the other
    # waits and gets the same module. Reentrant: the import may read the stand-in itself.
    swapping = threading.RLock()

    def load_and_get(attribute: str) -> object:
        with swapping:
            if sys.modules.get(name) is stand_in:
                del sys.modules[name]
            real = importlib.import_module(name)
        return getattr(real, attribute)

    stand_in.__getattr__ = load_and_get  # type: ignore[method-assign] # PEP 562: a module's own __getattr__
    return stand_in


def qr_image(data: str, largest: int, *, dark: QColor | None = None, light: QColor | None = None) -> QImage:
    """A square image of at most ``largest`` pixels: the code plus its quiet zone, each
    module a whole number of pixels (blurred module edges make scanning unreliable)."""
    modules = qr_modules(data)
    count = len(modules) + 2 * QUIET_ZONE
    module = max(1, largest // count)
    side = module * count
    image = QImage(side, side, QImage.Format.Format_RGB32)
    image.fill(light if light is not None else QColor("#ffffff"))
    painter = QPainter(image)
    colour = dark if dark is not None else QColor("#000000")
    for y, row in enumerate(modules):
        for x, on in enumerate(row):
            if on:
                painter.fillRect((x + QUIET_ZONE) * module, (y + QUIET_ZONE) * module, module, module, colour)
    painter.end()
    return image


def qr_matches(image: QImage, data: str) -> bool:
    """Whether ``image`` (as made by :func:`qr_image`) holds exactly ``data``'s modules;
    tests use it to read the code back from a rendered slide."""
    modules = qr_modules(data)
    count = len(modules) + 2 * QUIET_ZONE
    module = image.width() // count
    if module < 1:
        return False
    for y, row in enumerate(modules):
        for x, on in enumerate(row):
            pixel = QColor(
                image.pixel((x + QUIET_ZONE) * module + module // 2, (y + QUIET_ZONE) * module + module // 2)
            )
            if (pixel.lightness() < 128) != on:
                return False
    return True
