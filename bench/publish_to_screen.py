"""Seconds from ``kiosk content publish`` finished to the changed slide on screen, for a real
kiosk pulling from a web server every 5 s.

The script makes a key pair, publishes the bundled content (``content/``) to a folder served
by a plain static web server on loopback (``publish_server.py``), and starts the real kiosk
(``python -m kiosk``) in a 1920x1080 window on a private Xvfb screen with ``content.source``
pointing at it and ``content.check_interval: 5s``. The kiosk prints each slide as it goes up
(``KIOSK_BENCH_SLIDES=1``: slide id, content version, monotonic time). Then, ``--runs`` times:
change the title of the slide on screen, publish, and time until that slide is shown again
from the new content version. The check interval is the floor of the spread (a publish lands
anywhere in the 5 s between two checks); the rest is download, verification, install, reload
and render. Prints JSON with every run and the median.

    .venv/bin/python bench/publish_to_screen.py [--runs 6] [--interval 5]
"""

from __future__ import annotations

import argparse
import json
import queue
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Run as `python bench/NAME.py`: the repository root makes bench.* and tests.helpers.* importable.
sys.path.insert(0, str(ROOT))

from bench.measures import kiosk_env, load_average  # noqa: E402 - after the path above
from bench.publish_server import CountingServer  # noqa: E402 - after the path above
from kiosk.core.publish.bundle import publish  # noqa: E402 - after the path above
from kiosk.core.publish.keys import generate_key_pair, load_private_key  # noqa: E402 - after the path above
from tests.helpers.xvfb import running_xvfb  # noqa: E402 - after the path above

SLIDE_LINE = re.compile(r"^slide (\S+) (\S+) (\d+\.\d+)(?: .*)?$")


def read_slides(stream: object, into: queue.Queue[tuple[str, str, float]]) -> None:
    for line in stream:  # type: ignore[attr-defined]  # a text pipe
        match = SLIDE_LINE.match(line.strip())
        if match:
            into.put((match.group(1), match.group(2), float(match.group(3))))


def retitle(pack: Path, slide_id: str, run: int) -> None:
    """Give the slide ``slide_id`` a new English title (the file is found by its id line)."""
    for path in (pack / "slides").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        if re.search(rf"^id: {re.escape(slide_id)}$", text, re.M):
            new = re.sub(r"^(title:\n  en: ).*$", rf"\g<1>Published change {run}", text, count=1, flags=re.M)
            path.write_text(new, encoding="utf-8")
            return
    raise LookupError(slide_id)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=6)
    parser.add_argument("--interval", type=float, default=5.0, help="content.check_interval in seconds")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-publish-") as tmp, running_xvfb() as display:
        work = Path(tmp)
        pair = generate_key_pair(work / "keys")
        key = load_private_key(pair.private_path)
        pack = work / "pack"
        shutil.copytree(ROOT / "content", pack)
        # Not byte for byte the pack the kiosk ships, so installing it is a change it plays.
        with (pack / "clinic.yaml").open("a", encoding="utf-8") as clinic:
            clinic.write("\n# published by bench/publish_to_screen.py\n")
        out = work / "out"
        publish(pack, out, key)
        server = CountingServer(out)
        config = work / "kiosk.yaml"
        config.write_text(
            f"content:\n  source: {server.url}\n  public_key: {pair.public_path}\n"
            f"  check_interval: {args.interval:g}s\ndata:\n  dir: {work / 'data'}\n"
            "lockdown:\n  enabled: false\n",
            encoding="utf-8",
        )
        env = kiosk_env(display, KIOSK_BENCH_SLIDES="1", KIOSK_CONFIG=str(config))
        proc = subprocess.Popen(
            [sys.executable, "-m", "kiosk"],
            cwd=work,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        shown: queue.Queue[tuple[str, str, float]] = queue.Queue()
        threading.Thread(target=read_slides, args=(proc.stdout, shown), daemon=True).start()
        seconds: list[float] = []
        try:
            # The first check installs the published pack in the kiosk's content home.
            slide_id, version, _ = shown.get(timeout=60)
            first_version = version
            while version == first_version:
                slide_id, version, _ = shown.get(timeout=60)
            for run in range(1, args.runs + 1):
                retitle(pack, slide_id, run)
                publish(pack, out, key)
                published = time.monotonic()
                old = version
                while True:
                    got_id, version, at = shown.get(timeout=120)
                    if got_id == slide_id and version != old:
                        seconds.append(at - published)
                        break
                    slide_id = got_id  # another slide came up first: change that one next time
                time.sleep(1.0)  # let the transition finish before the next change
        finally:
            proc.terminate()
            proc.wait(timeout=30)
            server.stop()
    print(
        json.dumps(
            {
                "benchmark": "publish_to_screen",
                "check_interval_s": args.interval,
                "runs_s": [round(s, 2) for s in seconds],
                "median_s": round(statistics.median(seconds), 2),
                "max_s": round(max(seconds), 2),
                "load_average": load_average(),
            },
            indent=2,
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
