"""Helpers for the publishing benchmarks (not a benchmark itself): a static web server on
loopback, Python's own ``SimpleHTTPRequestHandler`` (Last-Modified and If-Modified-Since, no
ETag, like a plain web server), counting requests, 304s and bytes written; and the kiosk's
real content home as the place pulled bundles are installed.
"""

from __future__ import annotations

import functools
import threading
from collections import Counter
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from kiosk.core.content_home import content_places
from kiosk.core.content_library import ContentLibrary
from kiosk.core.publish.manifest import Manifest
from kiosk.core.publish.updater import InstallFn


def content_home_installer(data: Path) -> InstallFn:
    """Install into the content home of a kiosk whose data folder is ``data``."""
    library = ContentLibrary(content_places(data))

    def install(staged: Path, manifest: Manifest) -> None:
        library.install(staged, origin=f"published bundle, serial {manifest.serial}")

    return install


class CountingServer:
    def __init__(self, root: Path) -> None:
        self.requests: Counter[str] = Counter()
        self.statuses: Counter[int] = Counter()
        self.bytes_out = 0
        self._lock = threading.Lock()
        outer = self

        class Handler(SimpleHTTPRequestHandler):
            def log_request(self, code: Any = "-", size: Any = "-") -> None:
                with outer._lock:
                    outer.requests[self.path.split("?")[0].lstrip("/")] += 1
                    outer.statuses[int(code) if str(code).isdigit() else 0] += 1

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def setup(self) -> None:
                super().setup()
                inner = self.wfile

                class Counted:
                    def write(self, data: bytes) -> int:
                        with outer._lock:
                            outer.bytes_out += len(data)
                        return int(inner.write(data))

                    def flush(self) -> None:
                        inner.flush()

                    def close(self) -> None:
                        inner.close()

                    @property
                    def closed(self) -> bool:
                        return bool(inner.closed)

                self.wfile = Counted()  # type: ignore[assignment]  # counts what the handler writes

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(root)))
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        self._thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()

    def snapshot(self) -> tuple[int, int]:
        with self._lock:
            return sum(self.requests.values()), self.bytes_out

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self._thread.join(timeout=10)
