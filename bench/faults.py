"""Fault injection over a long run: the kiosk's real window (offscreen), its real request
form, requests database and delivery worker (built by ``open_services`` from a real
kiosk.yaml, as ``kiosk run`` builds them), with a patient submitting requests all along,
while every ``--period`` seconds the world changes in one more way:

* **content replaced**: every slide file is rewritten (atomically, as an editor saves); every
  other time the new content is broken (a YAML syntax error, a picture that is not there, a
  named pipe in the folder), and the time after it is good again;
* **delivery failing and recovering**: the loopback SMTP server (aiosmtpd) answers 451 and the
  webhook's HTTP server is down, every other period; then both work again;
* **clock jumps** through the injected clock: an NTP step forward of an hour, a step back of
  two, a jump to a few seconds before the clinic's next daylight-saving change (which then
  passes during the period), a step back to the true time;
* **screen size changes**: the window goes 1920x1080 -> 1280x720 -> 1080x1920 (portrait) and
  back, as the kiosk sees a screen whose resolution changes (Xvfb's RandR offers one mode
  only, so xrandr cannot change it there);
* **disk nearly full** (as root, where a tmpfs can be mounted): the data folder is a small
  tmpfs; every fifth period a file fills it to the last byte, and the next period frees it.

At the end the servers work, the clock steps forward two hours (every retry is due) and the
worker drains the queue. Prints JSON: ``stalls`` (GUI loop turns slower than
``--stall-seconds``), ``restarts`` (the run is a child process, restarted on the same data
folder if it dies or freezes, as systemd would), ``requests_lost`` (thanked for but not in the
database or not delivered on every channel after the drain: must be 0), requests refused
(never thanked for: the disk was full), and PSS samples with their slope in MB per hour.
Exit 1 when a stall, restart or lost request happened. ``tests/test_faults_short.py`` runs 12
seconds of it; ``--minutes 15`` is the long run.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import gc
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

#: The webhook's signing secret, through the environment as kiosk.yaml names it.
SECRET_ENV = "KIOSK_FAULTS_HOOK_SECRET"
SIZES = ((1920, 1080), (1280, 720), (1080, 1920))
FAULTS = ("content", "delivery", "clock", "screen", "disk")


class SteppingClock:
    """The system clock plus an offset that the run steps, as NTP or a DST change would."""

    def __init__(self) -> None:
        self.offset = timedelta()

    def now(self) -> datetime:
        return datetime.now(UTC) + self.offset

    def step_to(self, at: datetime) -> None:
        self.offset = at - datetime.now(UTC)


def next_dst_change(zone: ZoneInfo, after: datetime) -> datetime:
    """The first instant after ``after`` at which ``zone``'s UTC offset changes (hour steps)."""
    at = after.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
    offset = at.astimezone(zone).utcoffset()
    for _ in range(24 * 400):
        following = at + timedelta(hours=1)
        if following.astimezone(zone).utcoffset() != offset:
            return following
        at = following
    raise ValueError(f"{zone} has no daylight-saving change in the next 400 days")


def pss_mb() -> float:
    for line in Path("/proc/self/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no Pss line in smaps_rollup")


def settled_pss_mb() -> float:
    """PSS with freed memory handed back first (as bench/soak.py measures)."""
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):  # not glibc: measure as is
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    return pss_mb()


def slope_mb_per_hour(samples: list[tuple[float, float]]) -> float | None:
    """Least-squares slope of (seconds, MB) over the samples after the first quarter (start-up
    and the first visit of every screen are not a trend)."""
    tail = samples[len(samples) // 4 :]
    if len(tail) < 3:
        return None
    xs, ys = [t for t, _ in tail], [m for _, m in tail]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    spread = sum((x - mx) ** 2 for x in xs)
    if spread == 0:
        return None
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / spread * 3600


def write_config(work: Path, smtp_port: int, http_url: str) -> Path:
    path = work / "kiosk.yaml"
    path.write_text(
        f"data:\n  dir: {work / 'data'}\n"
        "delivery:\n"
        "  channels:\n"
        "    - type: email\n"
        "      name: email\n"
        "      host: 127.0.0.1\n"
        f"      port: {smtp_port}\n"
        "      security: none\n"
        "      sender: kiosk@atlaspt.example\n"
        "      to: [desk@atlaspt.example]\n"
        "      timeout: 5\n"
        "    - type: webhook\n"
        "      name: webhook\n"
        f"      url: {http_url}\n"
        f"      secret_env: {SECRET_ENV}\n"
        "      timeout: 5\n",
        encoding="utf-8",
    )
    return path


def child(args: argparse.Namespace, work: Path) -> dict[str, object]:
    import faulthandler
    import logging

    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ[SECRET_ENV] = "faults-bench-secret-0123456789"
    from PySide6.QtCore import QSize, QTimer

    from kiosk.core.config import load_config
    from kiosk.core.loader import LoadResult, load_deck
    from kiosk.core.requests.outbox import DeliveryState
    from kiosk.core.requests.store import RequestStore
    from kiosk.core.resources import bundled_content_dir
    from kiosk.ui.app import build_kiosk, create_application, install_touch_screens, open_services
    from kiosk.ui.shell import MENU, REQUEST, SLIDESHOW
    from kiosk.ui.slideshow.player import PlayerTiming
    from tests.helpers.delivery_servers import HttpServer, start_smtp

    faulthandler.dump_traceback_later(args.hang_seconds + 60, exit=True)
    content = work / "content"
    if not content.exists():  # a restart keeps what the last run left
        shutil.copytree(bundled_content_dir(), content)
    pristine = {p.relative_to(bundled_content_dir()): p.read_bytes() for p in bundled_content_dir().rglob("*.yaml")}
    smtp = start_smtp()
    first_http = HttpServer()
    http: HttpServer | None = first_http
    http_port = first_http.port
    config_result = load_config(write_config(work, smtp.port, first_http.url), os.environ)
    if config_result.config is None:
        raise RuntimeError(f"kiosk.yaml: {[str(p) for p in config_result.problems]}")
    config = config_result.config
    app = create_application()
    clock = SteppingClock()
    size = [SIZES[0]]

    def load(root: Path) -> LoadResult:
        return load_deck(root, screen_size=size[0], now=clock.now())

    first = load(content)
    if first.deck is None:  # restarted while the content was broken: play the shipped pack
        first = load_deck(bundled_content_dir(), screen_size=size[0], now=clock.now())
    assert first.deck is not None
    kiosk = build_kiosk(
        app,
        first.deck,
        clock=clock,
        screen=app.primaryScreen(),
        windowed=QSize(*size[0]),
        transition="fade",
        timing=PlayerTiming(time_scale=args.time_scale, transition_ms=300),
        content_root=content,
        loader=load,
    )
    shell, player = kiosk.window, kiosk.player
    services = open_services(config, first.deck, clock)
    install_touch_screens(shell, first.deck, clock, services.requests, services.staff)
    shell.finish_setup()
    counts = dict.fromkeys(("slides_shown", "decks_applied", "requests_thanked", "requests_refused"), 0)
    counts.update({f"fault_{name}": 0 for name in FAULTS})
    player.slideShown.connect(lambda _id: counts.__setitem__("slides_shown", counts["slides_shown"] + 1))
    player.deckApplied.connect(lambda _v: counts.__setitem__("decks_applied", counts["decks_applied"] + 1))
    topics = [t.id for t in first.deck.clinic.topics]
    acked_file = work / "acked.txt"  # outside the data folder: a full disk must not lose the count
    run_id = f"{os.getpid()}"

    # -- the GUI loop's pulse (as bench/stress.py) -------------------------------------------
    stalls: list[float] = []
    last = [time.monotonic(), time.monotonic()]

    def beat() -> None:
        now = time.monotonic()
        gap, last[0] = now - last[0], now
        if gap > args.stall_seconds:
            stalls.append(round(gap, 3))
        if now - last[1] > 1.0:
            last[1] = now
            faulthandler.dump_traceback_later(args.hang_seconds, exit=True)

    # -- a patient -------------------------------------------------------------------------
    def submit() -> None:
        form = shell.request_screen
        if form is None:
            raise RuntimeError("the request form was not installed")
        n = counts["requests_thanked"] + counts["requests_refused"]
        name = f"Fault Patient {run_id}-{n}"
        shell.open_menu()
        form.begin(topics[n % len(topics)] if topics else None)
        shell.show_screen(REQUEST)
        form.name.edit.setText(name)
        form.phone.edit.setText(f"303-555-{n % 10_000:04d}")
        form.consent.setChecked(True)
        form.submit_button.click()
        if form._stack.currentWidget() is form.thanks:
            counts["requests_thanked"] += 1
            with acked_file.open("a", encoding="utf-8") as acked:
                acked.write(name + "\n")
                acked.flush()
                os.fsync(acked.fileno())
        else:
            counts["requests_refused"] += 1
        shell.go_home()

    # -- the faults ------------------------------------------------------------------------
    fifo = content / "slides" / "zz-pipe.yaml"
    filler = work / "data" / "filler.bin"
    zone = first.deck.clinic.timezone
    round_no = [0]
    received = {"emails": 0, "webhook_posts": 0}

    def rewrite_content(broken: bool) -> None:
        with contextlib.suppress(FileNotFoundError):
            fifo.unlink()
        first_slide = min(p for p in pristine if p.parts[0] == "slides")
        for relative, data in pristine.items():
            target = content / relative
            text = data.decode("utf-8") + f"\n# faults round {round_no[0]}\n"
            if broken and relative == first_slide:
                text += "title: [a list that never ends\n"  # a YAML syntax error
            elif broken and "image:" in text and relative.parts[0] == "slides":
                text = text.replace("image:", "image: missing-picture.png\n# was:", 1)
            temporary = target.with_suffix(".tmp-faults")
            temporary.write_text(text, encoding="utf-8")
            os.replace(temporary, target)
        if broken:
            os.mkfifo(fifo)

    def fill_disk() -> None:
        with contextlib.suppress(OSError), filler.open("wb") as out:
            while True:
                out.write(b"\0" * 65536)
                out.flush()

    def fault_round() -> None:
        r = round_no[0] = round_no[0] + 1
        rewrite_content(broken=r % 2 == 1)
        counts["fault_content"] += 1
        failing = r % 2 == 1
        smtp.handler.data_reply = "451 4.3.0 Try again later" if failing else None
        nonlocal http
        if failing and http is not None:
            received["webhook_posts"] += len(http.received)
            http.stop()
            http = None  # connection refused until the next period
        elif not failing and http is None:
            http = HttpServer(port=http_port)
        counts["fault_delivery"] += 1
        step = r % 4
        if step == 1:
            clock.offset += timedelta(hours=1)
        elif step == 2:
            clock.offset -= timedelta(hours=2)
        elif step == 3:
            clock.step_to(next_dst_change(zone, datetime.now(UTC)) - timedelta(seconds=args.period / 2))
        else:
            clock.offset = timedelta()
        counts["fault_clock"] += 1
        size[0] = SIZES[r % len(SIZES)]
        kiosk.top_level.resize(QSize(*size[0]))
        counts["fault_screen"] += 1
        if args.disk_full:
            if r % 5 == 4:
                fill_disk()
                counts["fault_disk"] += 1
            else:
                with contextlib.suppress(FileNotFoundError):
                    filler.unlink()

    samples: list[tuple[float, float]] = []
    started = time.monotonic()

    def sample() -> None:
        # The servers live in this process: count what they received and let it go, so the
        # PSS slope is the kiosk's, not a growing list of test messages.
        received["emails"] += len(smtp.handler.messages)
        smtp.handler.messages.clear()
        if http is not None:
            received["webhook_posts"] += len(http.received)
            http.received.clear()
        samples.append((round(time.monotonic() - started, 1), round(settled_pss_mb(), 1)))

    timers = []
    for interval_s, action in (
        (0.02, beat),
        (args.request_seconds, submit),
        (args.period, fault_round),
        (args.sample_seconds, sample),
    ):
        timer = QTimer()
        timer.setInterval(int(interval_s * 1000))
        timer.timeout.connect(action)
        timers.append(timer)

    def begin() -> None:
        last[0] = last[1] = time.monotonic()
        faulthandler.dump_traceback_later(args.hang_seconds, exit=True)
        sample()
        for timer in timers:
            timer.start()
        QTimer.singleShot(int(args.seconds * 1000), app.quit)

    QTimer.singleShot(0, begin)
    app.exec()
    for timer in timers:
        timer.stop()
    sample()
    # -- the drain: the world is well again ---------------------------------------------------
    with contextlib.suppress(FileNotFoundError):
        filler.unlink()
    with contextlib.suppress(FileNotFoundError):
        fifo.unlink()
    smtp.handler.data_reply = None
    if http is None:
        http = HttpServer(port=http_port)
    clock.offset = timedelta(hours=2)  # every retry (backoff caps at an hour) is due
    faulthandler.dump_traceback_later(args.drain_seconds + args.hang_seconds, exit=True)
    drain_started = time.monotonic()
    reader = RequestStore(work / "data" / "requests.db", clock=clock)

    def pending() -> int:
        return reader.delivery_counts().get(DeliveryState.PENDING, 0)

    while pending() and time.monotonic() - drain_started < args.drain_seconds:
        if services.worker is not None:
            services.worker.wake()
        app.processEvents()
        time.sleep(0.1)  # a benchmark waiting for another thread, not a test
    faulthandler.cancel_dump_traceback_later()
    drain_s = time.monotonic() - drain_started
    if shell.current_screen not in (SLIDESHOW, MENU):
        shell.go_home()
    shell.stop()
    if kiosk.watcher is not None:
        kiosk.watcher.stop()
    services.close(timeout=5)
    acked = acked_file.read_text(encoding="utf-8").split("\n") if acked_file.exists() else []
    acked = [name for name in acked if name]
    stored = {r.request.name: r for r in reader.list_requests()}
    missing = [name for name in acked if name not in stored]
    undelivered = [
        name
        for name in acked
        if name in stored and any(d.state is not DeliveryState.DELIVERED for d in reader.deliveries(stored[name].id))
    ]
    delivery_states = reader.delivery_counts()
    errors = {
        f"{d.channel}: {d.last_error}"
        for name in undelivered[:20]
        for d in reader.deliveries(stored[name].id)
        if d.last_error
    }
    integrity = reader.integrity_check()
    reader.close()
    smtp.stop()
    http.stop()
    return {
        "seconds": round(time.monotonic() - started, 1),
        "stalls": len(stalls),
        "stall_gaps_s": stalls[:20],
        **counts,
        "requests_thanked_all_runs": len(acked),
        "requests_missing": len(missing),
        "requests_undelivered": len(undelivered),
        "undelivered_examples": undelivered[:5],
        "deliveries_by_state": {state.value: n for state, n in delivery_states.items()},
        "last_errors": sorted(errors)[:5],
        "drain_s": round(drain_s, 1),
        "emails_received": received["emails"] + len(smtp.handler.messages),
        "webhook_posts_received": received["webhook_posts"] + len(http.received),
        "database_integrity": integrity,
        "pss_samples": samples,
        "pss_slope_mb_per_hour": slope_mb_per_hour(samples),
    }


def mount_small_disk(folder: Path, megabytes: int) -> str | None:
    """A tmpfs of ``megabytes`` on ``folder`` (as root); the reason when it cannot be had."""
    folder.mkdir(parents=True, exist_ok=True)
    if not sys.platform.startswith("linux") or os.geteuid() != 0:
        return "needs root on Linux to mount a small tmpfs"
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={megabytes}m,mode=0700", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    return None if done.returncode == 0 else f"mount failed: {done.stderr.strip()}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=15.0)
    parser.add_argument("--seconds", type=float, help="overrides --minutes")
    parser.add_argument("--period", type=float, default=60.0, help="seconds between fault rounds (default 60)")
    parser.add_argument("--request-seconds", type=float, default=5.0, help="a patient submits this often")
    parser.add_argument("--sample-seconds", type=float, default=30.0, help="PSS sample interval")
    parser.add_argument("--time-scale", type=float, default=0.1, help="real seconds per slide second")
    parser.add_argument("--stall-seconds", type=float, default=2.0)
    parser.add_argument("--hang-seconds", type=float, default=30.0, help="no loop turn this long: a freeze")
    parser.add_argument("--drain-seconds", type=float, default=120.0)
    parser.add_argument("--disk-mb", type=int, default=16, help="size of the data folder's tmpfs")
    parser.add_argument("--max-restarts", type=int, default=5)
    parser.add_argument("--child", metavar="WORK", help=argparse.SUPPRESS)
    parser.add_argument("--disk-full", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.seconds is None:
        args.seconds = args.minutes * 60
    if args.child:
        print(json.dumps(child(args, Path(args.child))), flush=True)
        return 0
    load_before = [float(x) for x in Path("/proc/loadavg").read_text().split()[:3]]
    with tempfile.TemporaryDirectory(prefix="kiosk-faults-") as tmp:
        work = Path(tmp)
        no_disk = mount_small_disk(work / "data", args.disk_mb)
        try:
            runs, restarts, exits = [], 0, []
            deadline = time.monotonic() + args.seconds
            while True:
                left = max(5.0, deadline - time.monotonic())
                command = [sys.executable, __file__, *sys.argv[1:], "--child", str(work), "--seconds", f"{left:.1f}"]
                if no_disk is None:
                    command.append("--disk-full")
                limit = left + args.drain_seconds + args.hang_seconds + 120
                try:
                    proc = subprocess.run(command, capture_output=True, text=True, timeout=limit, check=False)
                    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
                    code, err = proc.returncode, proc.stderr
                except subprocess.TimeoutExpired as exc:
                    lines, code = [], None
                    err = exc.stderr.decode() if isinstance(exc.stderr, bytes) else (exc.stderr or "")
                if code == 0 and lines:
                    runs.append(json.loads(lines[-1]))
                    break
                exits.append({"exit_code": code, "stderr_tail": err[-2000:]})
                restarts += 1
                if restarts > args.max_restarts or time.monotonic() > deadline:
                    break
        finally:
            if no_disk is None:
                subprocess.run(["umount", "-l", str(work / "data")], check=False)
    last = runs[-1] if runs else {}
    lost = (last.get("requests_missing", 0) + last.get("requests_undelivered", 0)) if runs else None
    summary = {
        "benchmark": "faults",
        "minutes": round(args.seconds / 60, 2),
        "period_s": args.period,
        "restarts": restarts,
        "exits": exits,
        "stalls": last.get("stalls"),
        "requests_lost": lost,
        "disk_full": "run" if no_disk is None else f"not run: {no_disk}",
        **{k: v for k, v in last.items() if k != "stalls"},
        "load_average_before": load_before,
        "load_average_after": [float(x) for x in Path("/proc/loadavg").read_text().split()[:3]],
    }
    print(json.dumps(summary, indent=2))
    return 0 if restarts == 0 and lost == 0 and last.get("stalls") == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
