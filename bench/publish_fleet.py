"""Several kiosks pulling from one server: how long until every kiosk has a new bundle, and
what the server sees.

Each kiosk is a separate process running the real ``UpdateLoop`` around the real ``Updater``
(``HttpSource``, installing into its own temp folder), checking every ``--interval`` seconds.
The script publishes the bundled content (``content/``) and serves it from a plain static web
server on loopback (``publish_server.py``), starts the kiosks, waits until all of them have
installed it, counts the requests of an idle period, then publishes a changed pack and waits
until every kiosk's status file shows the new serial. Several runs; medians across runs.

    .venv/bin/python bench/publish_fleet.py [--kiosks 10] [--interval 5] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Run as `python bench/NAME.py`: the repository root makes bench.* and tests.helpers.* importable.
sys.path.insert(0, str(ROOT))

from bench.publish_server import CountingServer, content_home_installer  # noqa: E402 - after the path above
from kiosk.core.publish.bundle import publish  # noqa: E402 - after the path above
from kiosk.core.publish.keys import generate_key_pair, load_private_key  # noqa: E402 - after the path above
from kiosk.core.publish.status import UPDATES_FILE  # noqa: E402 - after the path above


def run_kiosk(data: str, url: str, public_key: str, interval: float) -> None:
    """One kiosk: the update loop until stdin closes."""
    from kiosk.core.publish.http_source import HttpSource
    from kiosk.core.publish.loop import UpdateLoop
    from kiosk.core.publish.updater import Updater

    updater = Updater(HttpSource(url), Path(public_key), Path(data), content_home_installer(Path(data)))
    loop = UpdateLoop(updater.check, interval)
    loop.start()
    sys.stdin.read()
    loop.stop()


def accepted(data: Path) -> int:
    try:
        return int(json.loads((data / UPDATES_FILE).read_text()).get("accepted_serial") or 0)
    except (OSError, ValueError):
        return 0


def wait_all(datas: list[Path], serial: int, timeout: float) -> list[float]:
    """Seconds until each kiosk accepted ``serial`` (polling its status file every 20 ms)."""
    started = time.monotonic()
    done: dict[Path, float] = {}
    while len(done) < len(datas):
        if time.monotonic() - started > timeout:
            raise TimeoutError(f"{len(datas) - len(done)} kiosk(s) did not get serial {serial} in {timeout} s")
        for data in datas:
            if data not in done and accepted(data) >= serial:
                done[data] = time.monotonic() - started
        time.sleep(0.02)
    return sorted(done.values())


def one_run(kiosks: int, interval: float, idle: float) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="bench-fleet-") as tmp:
        work = Path(tmp)
        pair = generate_key_pair(work / "keys")
        key = load_private_key(pair.private_path)
        out = work / "out"
        first = publish(ROOT / "content", out, key)
        server = CountingServer(out)
        procs: list[subprocess.Popen[str]] = []
        try:
            datas = [work / f"kiosk{i}" for i in range(kiosks)]
            for data in datas:
                args = [
                    sys.executable,
                    __file__,
                    "--kiosk",
                    str(data),
                    server.url,
                    str(pair.public_path),
                    str(interval),
                ]
                procs.append(subprocess.Popen(args, stdin=subprocess.PIPE, text=True, env=dict(os.environ)))
            wait_all(datas, first.manifest.serial, timeout=120)
            idle_start_requests, _ = server.snapshot()
            time.sleep(idle)
            idle_requests = server.snapshot()[0] - idle_start_requests

            changed = work / "pack2"
            shutil.copytree(ROOT / "content", changed)
            with (changed / "clinic.yaml").open("a", encoding="utf-8") as handle:
                handle.write("# republished\n")
            requests_before, bytes_before = server.snapshot()
            second = publish(changed, out, key, unix_time=lambda: first.manifest.serial + 1)
            times = wait_all(datas, second.manifest.serial, timeout=interval * 3 + 60)
            requests_after, bytes_after = server.snapshot()
        finally:
            for proc in procs:
                if proc.stdin:
                    proc.stdin.close()
            for proc in procs:
                proc.wait(timeout=30)
            server.stop()
    return {
        "first_kiosk_s": times[0],
        "all_kiosks_s": times[-1],
        "requests_during_update": requests_after - requests_before,
        "bytes_served_during_update": bytes_after - bytes_before,
        "archive_bytes": second.manifest.archive.size,
        "idle_requests_per_kiosk_per_minute": idle_requests / kiosks / idle * 60,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kiosk", nargs=4, metavar=("DATA", "URL", "PUB", "INTERVAL"), help=argparse.SUPPRESS)
    parser.add_argument("--kiosks", type=int, default=10)
    parser.add_argument("--interval", type=float, default=5.0, help="content.check_interval of every kiosk (s)")
    parser.add_argument("--idle", type=float, default=15.0, help="seconds of idle checking to count")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if args.kiosk:
        data, url, public_key, interval = args.kiosk
        run_kiosk(data, url, public_key, float(interval))
        return 0
    runs = [one_run(args.kiosks, args.interval, args.idle) for _ in range(args.runs)]
    medians = {key: round(statistics.median(r[key] for r in runs), 3) for key in runs[0]}
    print(
        json.dumps(
            {
                "benchmark": "publish_fleet",
                "python": platform.python_version(),
                "kiosks": args.kiosks,
                "check_interval_s": args.interval,
                "runs": args.runs,
                "median": medians,
                "each_run": runs,
                "load_average": os.getloadavg(),
            },
            indent=1,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
