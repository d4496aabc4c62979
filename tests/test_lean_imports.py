"""A plain kiosk (no ``content.source``, no delivery channel) never imports the code it does not
use: each of these is megabytes of PSS for the whole of a kiosk's life (bench/README.md,
"Where the memory goes"). A real ``kiosk run`` (offscreen) plays, builds its touch services,
is stopped with SIGTERM, and then lists every module it ever imported, and every source file
``linecache`` holds."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.core.resources import bundled_content_dir
from kiosk.runtime import exitcodes
from tests.helpers.kiosk_process import KioskProcess, kiosk_env

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.name != "posix", reason="stopped with SIGTERM"),
]

#: ``kiosk run`` through the real command line, then every module it imported, one a line, and
#: (in a second file) every source file linecache holds.
RUN_AND_LIST_MODULES = """
import linecache, sys
from pathlib import Path
from kiosk.cli import main
code = main(sys.argv[2:])
Path(sys.argv[1]).write_text("\\n".join(sorted(sys.modules)), encoding="utf-8")
Path(sys.argv[1] + ".sources").write_text("\\n".join(sorted(linecache.cache)), encoding="utf-8")
raise SystemExit(code)
"""

#: Module (or package) -> what it would cost a kiosk that does not need it.
NEVER_IMPORTED = {
    "cryptography": "signature checks of published content (content.source only): ~9 MB with OpenSSL",
    "kiosk.core.publish.loop": "the content update loop (content.source only)",
    "kiosk.core.delivery.email": "email delivery (smtplib, email): only with an email channel",
    "kiosk.core.delivery.webhook": "webhook delivery: only with a webhook channel",
    "ruamel": "the studio's round-trip YAML editing",
    "kiosk.core.studio": "the studio's editing model",
    "prometheus_client": "monitoring.textfile only",
    "jinja2": "the Material stylesheet's template engine: the stylesheet is pre-rendered (kiosk/ui/theme.py)",
    "_hashlib": "OpenSSL's libcrypto for hashlib, secrets and hmac: ~2.8 MB (kiosk/core/digests.py)",
    "ssl": "OpenSSL for TLS (only the delivery channels and content.source use it)",
    "http.client": "segno's SVG writer's xml.sax.saxutils -> urllib.request (kiosk/ui/render/qr.py)",
    "email": "the same urllib.request import, or the email channel",
}


def imported_by_plain_kiosk(root: Path) -> tuple[set[str], set[str]]:
    """(the modules, the source files in linecache) of a kiosk that played and built its touch
    screens."""
    listing = root / "modules.txt"
    env = kiosk_env(root)
    stderr_path = root / "stderr.txt"
    command = [
        sys.executable,
        "-c",
        RUN_AND_LIST_MODULES,
        str(listing),
        "run",
        "--content",
        str(bundled_content_dir()),
        "--windowed",
        "640x360",
    ]
    with stderr_path.open("w", encoding="utf-8") as stderr:
        proc = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=stderr, text=True, env=env
        )
    kiosk = KioskProcess(proc, root, env, stderr_path)
    try:
        kiosk.wait_first_frame()
        kiosk.wait_for_log("touch services ready")  # the staff and request screens' services, deferred
        proc.send_signal(signal.SIGTERM)
        assert kiosk.wait_exit(timeout=10) == exitcodes.OK, kiosk.stderr()[-3000:]
    finally:
        kiosk.kill()
    sources = Path(f"{listing}.sources").read_text(encoding="utf-8").splitlines()
    return set(listing.read_text(encoding="utf-8").split()), set(sources)


def test_a_plain_kiosk_imports_no_publishing_delivery_or_studio_code(tmp_path: Path) -> None:
    modules, sources = imported_by_plain_kiosk(tmp_path)
    assert "kiosk.ui.slideshow.player" in modules and "kiosk.core.requests.store" in modules  # it did play
    assert "segno" in modules  # it made a QR code (the thank-you screen's), without OpenSSL
    found = {
        name: why
        for name, why in NEVER_IMPORTED.items()
        if any(module == name or module.startswith(name + ".") for module in modules)
    }
    assert found == {}
    # PySide's import hook read every module's source into linecache (kiosk/runtime/qt_bindings.py):
    # 217 files, ~7 MB, before the Qt bindings step put Python's own import back.
    kept = sorted(source for source in sources if source.endswith(".py"))
    assert len(kept) <= 5, kept
