"""A plain kiosk (no ``content.source``, no delivery channel) never imports the code it does not
use: each of these is megabytes of PSS for the whole of a kiosk's life (bench/README.md,
"Where the memory goes"). A real ``kiosk run`` (offscreen) plays, builds its touch services,
is stopped with SIGTERM, and then lists every module it ever imported."""

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

#: ``kiosk run`` through the real command line, then every module it imported, one a line.
RUN_AND_LIST_MODULES = """
import sys
from pathlib import Path
from kiosk.cli import main
code = main(sys.argv[2:])
Path(sys.argv[1]).write_text("\\n".join(sorted(sys.modules)), encoding="utf-8")
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
}


def imported_by_plain_kiosk(root: Path) -> set[str]:
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
    return set(listing.read_text(encoding="utf-8").split())


def test_a_plain_kiosk_imports_no_publishing_delivery_or_studio_code(tmp_path: Path) -> None:
    modules = imported_by_plain_kiosk(tmp_path)
    assert "kiosk.ui.slideshow.player" in modules and "kiosk.core.requests.store" in modules  # it did play
    found = {
        name: why
        for name, why in NEVER_IMPORTED.items()
        if any(module == name or module.startswith(name + ".") for module in modules)
    }
    assert found == {}
