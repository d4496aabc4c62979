"""Stress: the kiosk's real window (offscreen) with slides rendering all the time, while the
content changes every few hundred ms (the content watcher reloads it in its thread and the
player, menu, browser and request form take the new deck), a patient browses topics in both
languages and text sizes, requests are submitted through the real form into a real SQLite
file, the admin screen's request list is rebuilt (its rows deleted) again and again, and the
GUI thread makes and drops connected objects at will (``--churn`` per action).

This is the mix that froze the kiosk before the render service (README, "Rendering off the
GUI thread"): the GUI thread deleting connected Python-made widgets while a render thread
held the GIL. A stall is a turn of the GUI event loop slower than ``--stall-seconds``; a
freeze is none for ``--hang-seconds``, caught by faulthandler's watchdog (a C thread, so it
fires even when the GIL is held), which prints every thread's stack and ends the child.

The work runs in a child process; this script prints its JSON and exits 1 when there was any
stall or freeze. ``--seconds`` (default: ``--minutes`` 1) sets the length;
``tests/test_stress_short.py`` runs 20 s, ``--minutes 30`` is the long run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

#: Requests stored before the run: one page of the admin list (kiosk/ui/admin/request_list.py).
PAGE_OF_REQUESTS = 25


def child(args: argparse.Namespace, work: Path) -> dict[str, object]:
    import faulthandler

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSize, QTimer

    from kiosk.core.admin_pin import Lockout, PinStore
    from kiosk.core.clock import SystemClock
    from kiosk.core.loader import load_deck
    from kiosk.core.requests.model import ContactTime, InfoRequest
    from kiosk.core.requests.store import RequestStore
    from kiosk.core.resources import bundled_content_dir
    from kiosk.ui.app import RequestServices, StaffServices, build_kiosk, create_application
    from kiosk.ui.shell import ADMIN, BROWSE, MENU, REQUEST, SLIDESHOW
    from kiosk.ui.slideshow.player import PlayerTiming

    content = work / "content"
    shutil.copytree(bundled_content_dir(), content)
    app = create_application()
    clock = SystemClock()
    size = (1920, 1080)
    loaded = load_deck(content, screen_size=size, now=clock.now())
    if loaded.deck is None:
        raise RuntimeError(f"the bundled content does not load: {loaded.problems}")
    store = RequestStore(work / "requests.db", clock=clock)
    pins = PinStore(work / "pin.json")
    kiosk = build_kiosk(
        app,
        loaded.deck,
        clock=clock,
        screen=app.primaryScreen(),
        windowed=QSize(*size),
        transition="fade",
        # Slides change every half second or so: the slideshow renders all the time.
        timing=PlayerTiming(time_scale=0.04, transition_ms=120),
        content_root=content,
        loader=lambda root: load_deck(root, screen_size=size, now=clock.now()),
        requests=RequestServices(store, ("email",)),
        staff=StaffServices(pin_store=pins, lockout=Lockout(clock, path=pins.lockout_path), data_dir=work),
    )
    shell, player = kiosk.window, kiosk.player
    counts = {"slides_shown": 0, "decks_applied": 0, "reload_edits": 0, "browse_steps": 0}
    counts.update({"forms_submitted": 0, "admin_list_rebuilds": 0, "menu_visits": 0, "objects_dropped": 0})
    player.slideShown.connect(lambda _id: counts.__setitem__("slides_shown", counts["slides_shown"] + 1))
    player.deckApplied.connect(lambda _v: counts.__setitem__("decks_applied", counts["decks_applied"] + 1))
    topics = [t.id for t in loaded.deck.clinic.topics]

    # -- the GUI loop's pulse --------------------------------------------------------------
    gaps: list[float] = []
    stalls: list[float] = []
    last = [time.monotonic(), time.monotonic()]  # last beat, last watchdog re-arm
    # Start-up and the warm-up are watched too, for a freeze only.
    faulthandler.dump_traceback_later(args.hang_seconds + 60, exit=True)

    def beat() -> None:
        now = time.monotonic()
        gap = now - last[0]
        last[0] = now
        gaps.append(gap)
        if gap > args.stall_seconds:
            stalls.append(round(gap, 3))
        if now - last[1] > 1.0:
            last[1] = now
            faulthandler.dump_traceback_later(args.hang_seconds, exit=True)

    pulse = QTimer()
    pulse.setInterval(20)
    pulse.timeout.connect(beat)

    # -- staff edit the content every few hundred ms -----------------------------------------
    clinic_file = content / "clinic.yaml"
    clinic_text = clinic_file.read_text(encoding="utf-8")
    slide_files = sorted((content / "slides").glob("*.yaml"))
    slide_texts = [p.read_text(encoding="utf-8") for p in slide_files]

    def edit_content() -> None:
        n = counts["reload_edits"]
        counts["reload_edits"] = n + 1
        index = n % len(slide_files)
        # A new title on one slide, and every other time a new clinic name: new decks, so the
        # menu's cards and the form's topic chips are rebuilt and the old ones deleted.
        slide_files[index].write_text(slide_texts[index] + f"\n# stress edit {n}\n", encoding="utf-8")
        if n % 2:
            clinic_file.write_text(clinic_text + f"\n# stress edit {n}\n", encoding="utf-8")

    editor = QTimer()
    editor.setInterval(args.reload_ms)
    editor.timeout.connect(edit_content)

    # -- a patient and the front desk ------------------------------------------------------------
    def browse() -> None:
        if shell.current_screen != BROWSE:
            shell.open_menu()
            counts["menu_visits"] += 1
            shell.open_topic(topics[counts["menu_visits"] % len(topics)])
        step = 1 if counts["browse_steps"] % 6 < 3 else -1
        shell.browse.step(step)
        counts["browse_steps"] += 1
        if counts["browse_steps"] % 4 == 0:
            shell.session.set_language("es" if shell.session.language == "en" else "en")
        if counts["browse_steps"] % 7 == 0:
            shell.session.set_large_text(not shell.session.large_text)

    def submit_form() -> None:
        form = shell.request_screen
        if form is None:
            return
        form.begin(topics[counts["forms_submitted"] % len(topics)])
        shell.show_screen(REQUEST)
        n = counts["forms_submitted"]
        form.name.edit.setText(f"Stress Patient {n}")
        form.phone.edit.setText(f"303-555-{n % 10_000:04d}")
        form.consent.setChecked(True)
        form.submit_button.click()
        counts["forms_submitted"] += 1

    def admin_refresh() -> None:
        if ADMIN not in shell._screens:
            shell.show_screen(ADMIN)  # built on the first staff visit
            shell.go_home()
        admin = shell.screen_widget(ADMIN)
        # Rebuilding the list deletes every row widget (each with its connections).
        admin.requests.load()  # type: ignore[attr-defined]
        counts["admin_list_rebuilds"] += 1

    # The desk's list is rebuilt between the patient's steps: its rows are deleted while the
    # browser's renders run. Now and then the slideshow plays (and renders) meanwhile.
    actions = [browse, admin_refresh, browse, admin_refresh, browse, submit_form, admin_refresh, shell.go_home]
    turn = [0]

    def churn() -> None:
        # What the README now allows and the old rules forbade: make connected Python-made
        # objects and drop them (deleted later, inside the event loop, without the GIL), as
        # pytest-qt's waits and the old self-test did.
        for number in range(args.churn):
            timer = QTimer()
            timer.timeout.connect(churn)
            if number % 2:
                timer.timeout.disconnect(churn)  # as pytest-qt's waits did, every 10 ms
            timer.deleteLater()
        counts["objects_dropped"] += args.churn

    def act() -> None:
        action = actions[turn[0] % len(actions)]
        turn[0] += 1
        churn()
        action()
        if shell.current_screen in (MENU, REQUEST, ADMIN):
            shell.go_home()

    driver = QTimer()
    driver.setInterval(args.action_ms)
    driver.timeout.connect(act)

    def warm_up() -> None:
        # Every screen built and styled once (the first visit of each costs up to a second
        # or so, by design: the touch screens are built after the first slide); not measured.
        # A page of requests for the desk's list, so each rebuild deletes a page of rows.
        for n in range(PAGE_OF_REQUESTS):
            patient = InfoRequest(f"Earlier Patient {n}", "+13035550100", None, (topics[0],), ContactTime.ANY, "en")
            store.submit(patient, f"stress-warm-up-{n}", channels=("email",))
        shell.finish_setup()
        for action in (browse, submit_form, admin_refresh):
            action()
        shell.go_home()
        QTimer.singleShot(500, start)

    def start() -> None:
        last[0] = last[1] = time.monotonic()
        faulthandler.dump_traceback_later(args.hang_seconds, exit=True)
        pulse.start()
        editor.start()
        driver.start()
        QTimer.singleShot(int(args.seconds * 1000), app.quit)

    started = time.monotonic()
    QTimer.singleShot(0, warm_up)
    app.exec()
    elapsed = time.monotonic() - started
    faulthandler.cancel_dump_traceback_later()
    for timer in (pulse, editor, driver):
        timer.stop()
    if shell.current_screen != SLIDESHOW:
        shell.go_home()
    stop_started = time.monotonic()
    shell.stop()
    if kiosk.watcher is not None:
        kiosk.watcher.stop()
    stop_s = time.monotonic() - stop_started
    integrity = store.integrity_check()
    stored = sum(store.counts().values())
    store.close()
    ordered = sorted(gaps)
    return {
        "benchmark": "stress",
        "seconds": round(elapsed, 1),
        "stall_seconds": args.stall_seconds,
        "stalls": len(stalls),
        "stall_gaps_s": stalls[:20],
        "loop_turns": len(gaps),
        "gap_p99_ms": round(ordered[int(len(ordered) * 0.99)] * 1000, 1) if ordered else None,
        "gap_max_ms": round(ordered[-1] * 1000, 1) if ordered else None,
        "shutdown_s": round(stop_s, 2),
        # Renders the render service finished (slideshow and browser; None before it existed).
        "renders": getattr(getattr(player, "service", None), "renders_done", None),
        **counts,
        "requests_stored": stored - PAGE_OF_REQUESTS,
        "database_integrity": integrity,
        "hung": False,
    }


def run(args: argparse.Namespace) -> tuple[dict[str, object], str]:
    """The child's JSON (or a freeze report) and its stderr."""
    command = [sys.executable, str(Path(__file__).resolve()), "--child", *sys.argv[1:]]
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    limit = args.seconds + args.hang_seconds + 120
    started = time.monotonic()
    try:
        proc = subprocess.run(command, capture_output=True, text=True, timeout=limit, env=env, check=False)
    except subprocess.TimeoutExpired as exc:
        err = exc.stderr.decode() if isinstance(exc.stderr, bytes) else (exc.stderr or "")
        return {"benchmark": "stress", "hung": True, "stalls": 1, "reason": f"no answer in {limit:.0f} s"}, err
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if proc.returncode != 0 or not lines:
        froze = "Timeout (" in proc.stderr  # faulthandler's watchdog fired
        return {
            "benchmark": "stress",
            "hung": froze,
            "stalls": 1,
            "exit_code": proc.returncode,
            "after_s": round(time.monotonic() - started, 1),
            "reason": "the GUI thread froze (stacks on stderr)" if froze else "the child failed",
        }, proc.stderr
    return json.loads(lines[-1]), proc.stderr


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=1.0)
    parser.add_argument("--seconds", type=float, help="overrides --minutes")
    parser.add_argument("--stall-seconds", type=float, default=2.0, help="a loop turn slower than this is a stall")
    parser.add_argument("--hang-seconds", type=float, default=20.0, help="no loop turn for this long is a freeze")
    parser.add_argument("--reload-ms", type=int, default=500, help="how often staff edit the content")
    parser.add_argument("--action-ms", type=int, default=120, help="how often the patient or the desk acts")
    parser.add_argument(
        "--churn", type=int, default=50, help="connected objects made and dropped on the GUI thread per action"
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.seconds is None:
        args.seconds = args.minutes * 60
    if args.child:
        with tempfile.TemporaryDirectory(prefix="kiosk-stress-") as tmp:
            print(json.dumps(child(args, Path(tmp))), flush=True)
        return 0
    result, stderr = run(args)
    print(json.dumps(result, indent=2))
    if result.get("hung"):
        sys.stderr.write(stderr[-20000:])
    return 0 if result.get("stalls") == 0 and not result.get("hung") else 1


if __name__ == "__main__":
    sys.exit(main())
