"""Bytes and time of an update check when nothing was published since the last one.

Publishes the bundled content (``content/``) to a temp folder, serves it from a plain static
web server on loopback (Python's http.server: Last-Modified only), lets an Updater install it,
then times ``--checks`` unchanged checks (each a conditional GET answered 304). Bytes are the
HTTP bytes each way as the kiosk's socket saw them (TLS would add its handshake on top).

    .venv/bin/python bench/publish_unchanged_check.py [--checks 50]
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Run as `python bench/NAME.py`: the repository root makes bench.* and tests.helpers.* importable.
sys.path.insert(0, str(ROOT))

from bench.publish_server import CountingServer, content_home_installer  # noqa: E402 - after the path above
from kiosk.core.publish.bundle import publish  # noqa: E402 - after the path above
from kiosk.core.publish.http_source import HttpSource  # noqa: E402 - after the path above
from kiosk.core.publish.keys import generate_key_pair, load_private_key  # noqa: E402 - after the path above
from kiosk.core.publish.updater import Updater  # noqa: E402 - after the path above


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--checks", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-publish-") as tmp:
        work = Path(tmp)
        pair = generate_key_pair(work / "keys")
        result = publish(ROOT / "content", work / "out", load_private_key(pair.private_path))
        manifest_bytes = result.manifest_path.stat().st_size
        server = CountingServer(work / "out")
        try:
            source = HttpSource(server.url)
            updater = Updater(source, pair.public_path, work / "data", content_home_installer(work / "data"))
            first = updater.check()
            if first.outcome != "installed":
                print(json.dumps({"error": first.message}))
                return 1
            first_bytes = source.stats.received
            sent, received, times = [], [], []
            for _ in range(args.checks):
                before_sent, before_received = source.stats.sent, source.stats.received
                started = time.perf_counter()
                check = updater.check()
                times.append((time.perf_counter() - started) * 1000)
                if check.outcome != "up-to-date":
                    print(json.dumps({"error": check.message}))
                    return 1
                sent.append(source.stats.sent - before_sent)
                received.append(source.stats.received - before_received)
            requests, _ = server.snapshot()
        finally:
            server.stop()
    print(
        json.dumps(
            {
                "benchmark": "publish_unchanged_check",
                "python": platform.python_version(),
                "bundle": {
                    "files": len(result.manifest.files),
                    "archive_bytes": result.manifest.archive.size,
                    "manifest_bytes": manifest_bytes,
                },
                "first_check_bytes_received": first_bytes,
                "checks": args.checks,
                "requests_per_unchanged_check": (requests - 2) / args.checks,
                "statuses_304": server.statuses.get(304, 0),
                "bytes_sent_per_check_median": statistics.median(sent),
                "bytes_received_per_check_median": statistics.median(received),
                "bytes_per_check_median": statistics.median(s + r for s, r in zip(sent, received, strict=True)),
                "check_ms_median": round(statistics.median(times), 2),
                "check_ms_p95": round(sorted(times)[max(0, int(0.95 * len(times)) - 1)], 2),
            },
            indent=1,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
