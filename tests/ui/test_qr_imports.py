"""The QR code's encoder (segno) without what its SVG writer drags in: urllib.request, and with
it http.client, email, ssl and OpenSSL (kiosk/ui/render/qr.py). In a fresh interpreter, as the
kiosk runs: after its Qt bindings step, whose undone import hook would itself read the stand-in."""

from __future__ import annotations

import os
import subprocess
import sys

CODE = """
import sys
from kiosk.runtime.qt_bindings import load_qt_bindings
load_qt_bindings()
from kiosk.ui.render.qr import qr_modules
modules = qr_modules("tel:+13033224900")
assert len(modules) == 25 and any(any(row) for row in modules)
heavy = sorted(m for m in ("http.client", "email", "ssl", "_hashlib") if m in sys.modules)
assert not heavy, heavy

# Anything that does use urllib.request gets the whole module, however it imports it.
import urllib.request
assert urllib.request.Request("http://example.org/").host == "example.org"
from urllib.request import pathname2url
assert pathname2url("/a b") == "/a%20b"
import xml.sax.saxutils
url = "file://" + xml.sax.saxutils.__file__  # not a path: read through urllib.request.urlopen
assert len(xml.sax.saxutils.prepare_input_source(url).getByteStream().read(10)) == 10
assert "__file__" in vars(sys.modules["urllib.request"]) and "http.client" in sys.modules  # the real one
print("ok")
"""


def test_segno_is_imported_without_urllib_request_until_something_uses_it() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CODE],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
