"""The checks behind ``kiosk doctor``: what a kiosk PC needs, one OK/WARN/FAIL line per check.

For IT, after installing or when a kiosk misbehaves. Nothing is sent or changed: delivery
channels get a TCP connect only, the writable-folder checks write and delete a small file.
Exit 0 when nothing FAILed (warnings allowed), 1 otherwise.

The display is probed in a child process (``kiosk doctor --display-probe``) because Qt ends
the whole process when it cannot reach the X server; the other Qt checks run here on
Qt's offscreen platform, so they work even without a display.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from kiosk.runtime import exitcodes

if TYPE_CHECKING:
    from kiosk.core.config import Config
    from kiosk.core.content_home import ContentPlaces
    from kiosk.core.content_state import ContentState

OK, WARN, FAIL = "OK", "WARN", "FAIL"
#: A check that could not run here and says how to run it; not a failure.
SKIP = "SKIP"
#: A clock before this year is wrong (the year of this release): TLS to the delivery
#: channels fails and schedules show the wrong slides.
MIN_YEAR = 2026
FREE_WARN_MB = 500
FREE_FAIL_MB = 50
HEARTBEAT_STALE_S = 60.0
DISPLAY_PROBE_TIMEOUT_S = 30.0


@dataclass(frozen=True)
class Check:
    status: str
    name: str
    detail: str

    def line(self) -> str:
        return f"{self.status:<5}{self.name}: {self.detail}"


def run_checks(config_file: Path | None, env: Mapping[str, str], *, channel_timeout: float = 3.0) -> list[Check]:
    from kiosk.core.config import load_config

    checks: list[Check] = []
    loaded = load_config(config_file, env)
    if loaded.config is None:
        problems = "; ".join(str(p) for p in loaded.problems)
        checks.append(Check(FAIL, "config", problems))
        from kiosk.core.config import Config

        config = Config.defaults()
    else:
        where = str(loaded.config.path) if loaded.config.path else "no kiosk.yaml, defaults"
        # Mistakes under delivery: are the delivery line's FAIL (the kiosk runs without it).
        warnings = "; ".join(str(p) for p in loaded.problems if p not in loaded.config.delivery_problems)
        checks.append(Check(WARN if warnings else OK, "config", where + (f" ({warnings})" if warnings else "")))
        config = loaded.config

    checks.append(check_display(env))
    checks.extend(check_qt())
    checks.append(check_content(config, env))
    data, logs = _folders(config, env)
    checks.append(check_data_folder(data, env))
    checks.append(check_writable("log folder", logs, private=False))
    checks.append(check_database(data))
    checks.append(check_stats_database(data, enabled=config["stats.enabled"]))
    checks.extend(check_free_disk({"data folder": data, "log folder": logs}))
    checks.append(check_clock(config))
    checks.append(check_heartbeat(data))
    checks.append(check_last_crash(logs))
    checks.extend(check_channels(config, channel_timeout))
    return checks


def _folders(config: Config, env: Mapping[str, str]) -> tuple[Path, Path]:
    from kiosk.core.paths import data_dir, log_dir

    return data_dir(config["data.dir"], env), log_dir(config["log.dir"], env)


# --- display and Qt --------------------------------------------------------------------------


def display_probe() -> int:
    """In the child: start Qt on the real platform and describe the screens as JSON."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication(sys.argv[:1])
    screens = [
        {
            "name": s.name(),
            "width": s.geometry().width(),
            "height": s.geometry().height(),
            "x": s.geometry().x(),
            "y": s.geometry().y(),
        }
        for s in app.screens()
    ]
    print(json.dumps({"platform": app.platformName(), "screens": screens}))
    return exitcodes.OK


def _self_command() -> list[str]:
    # In a PyInstaller bundle sys.executable is the kiosk program itself.
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "kiosk"]


def check_display(env: Mapping[str, str]) -> Check:
    if sys.platform.startswith("linux") and not any(
        env.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    ):
        # Over SSH there is no display to probe; that says nothing about the kiosk's screen.
        return Check(
            SKIP,
            "display",
            "no display in this session (SSH?), so the screen was not probed; to check the kiosk's "
            "screen, run as the kiosk user: DISPLAY=:0 kiosk doctor",
        )
    try:
        result = subprocess.run(
            [*_self_command(), "doctor", "--display-probe"],
            capture_output=True,
            check=False,
            text=True,
            timeout=DISPLAY_PROBE_TIMEOUT_S,
            env=dict(env),
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired:
        return Check(FAIL, "display", f"Qt did not start within {DISPLAY_PROBE_TIMEOUT_S:g} s")
    except OSError as exc:
        return Check(FAIL, "display", f"could not start the display probe: {exc}")
    try:
        info = json.loads(result.stdout.strip().splitlines()[-1])
    except (IndexError, ValueError):
        reason = _qt_reason(result.stderr) or f"exit code {result.returncode}"
        where = env.get("DISPLAY") or env.get("WAYLAND_DISPLAY") or "no DISPLAY set"
        return Check(FAIL, "display", f"Qt cannot open the display ({where}): {reason}")
    screens = info["screens"]
    if not screens:
        return Check(FAIL, "display", f"{info['platform']}: no screens")
    described = ", ".join(f"{s['name'] or '?'} {s['width']}x{s['height']} at {s['x']},{s['y']}" for s in screens)
    status = OK
    if info["platform"] in ("offscreen", "minimal"):
        status = WARN  # nothing is visible on this platform; fine for tests, not for a lobby
    return Check(status, "display", f"{info['platform']}, {len(screens)} screen(s): {described}")


def _qt_reason(stderr: str) -> str:
    """Qt's own words for why it could not start: the "could not ..." lines, else the last."""
    lines = [line.strip() for line in stderr.strip().splitlines() if line.strip()]
    reasons = [line for line in lines if "could not" in line.lower() or "cannot" in line.lower()]
    return " / ".join(reasons[:2]) if reasons else (lines[-1] if lines else "")


def check_qt() -> list[Check]:
    from PySide6.QtCore import QLibraryInfo
    from PySide6.QtGui import QGuiApplication, QImageReader

    from kiosk.ui.render.fonts import FAMILY, fonts_dir, load_family

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0], "-platform", "offscreen"])
    checks: list[Check] = []
    family = load_family()
    if family == FAMILY:
        checks.append(Check(OK, "fonts", f"{FAMILY} loaded from {fonts_dir()}"))
    else:
        checks.append(Check(FAIL, "fonts", f"{FAMILY} did not load from {fonts_dir()}; text falls back to {family}"))

    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    wanted = "qwindows" if sys.platform == "win32" else "qxcb"
    found = (
        sorted(p.name for p in (plugins / "platforms").glob(f"*{wanted}*")) if (plugins / "platforms").is_dir() else []
    )
    if found:
        checks.append(Check(OK, "Qt platform plugin", f"{found[0]} in {plugins / 'platforms'}"))
    else:
        checks.append(Check(FAIL, "Qt platform plugin", f"no {wanted} plugin in {plugins / 'platforms'}"))
    formats = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
    missing = [f for f in ("png", "jpeg", "svg") if f not in formats]
    if missing:
        checks.append(
            Check(FAIL, "Qt image formats", f"missing {', '.join(missing)} (imageformats plugins in {plugins})")
        )
    else:
        checks.append(Check(OK, "Qt image formats", ", ".join(sorted(formats & {"png", "jpeg", "svg", "webp", "gif"}))))
    del app  # the application lives on for the process; only this reference goes
    return checks


# --- folders, database, disk -------------------------------------------------------------


def check_content(config: Config, env: Mapping[str, str] | None = None) -> Check:
    """Loads the content home as the kiosk would: errors are FAIL, naming what plays instead."""
    from kiosk.core.content_home import places_for
    from kiosk.core.content_state import read_state
    from kiosk.core.loader import load_deck

    places = places_for(config["content.dir"], config["data.dir"], env)
    folder = places.readable_folder()
    state = read_state(places.state_file)
    if not folder.is_dir():
        return Check(FAIL, "content", f"{folder}: no such folder{_playing_instead(state, places)}")
    result = load_deck(folder, now=datetime.now(UTC))
    if result.deck is None:
        first = "; ".join(str(p) for p in result.errors[:3])
        more = f" (and {len(result.errors) - 3} more)" if len(result.errors) > 3 else ""
        return Check(
            FAIL,
            "content",
            f"{folder}: {len(result.errors)} error(s): {first}{more}{_playing_instead(state, places)}; "
            f"see them all with: kiosk validate {folder}",
        )
    warnings = f", {len(result.warnings)} warning(s) (kiosk validate {folder})" if result.warnings else ""
    shipped = " (the shipped pack: the kiosk copies it here on first start)" if folder == places.shipped else ""
    return Check(
        WARN if result.warnings else OK,
        "content",
        f"{folder}{shipped}: {len(result.deck.slides)} slides, version {result.deck.version}{warnings}",
    )


def _playing_instead(state: ContentState | None, places: ContentPlaces) -> str:
    if state is None or Path(state.home) != places.home:
        return "; at start the kiosk plays its last good content, else the shipped pack"
    return f"; the kiosk is {state.summary()}"


def check_writable(name: str, folder: Path, *, private: bool) -> Check:
    from kiosk.core.paths import ensure_private_dir

    probe = folder / f".doctor-{os.getpid()}"
    try:
        if private:
            ensure_private_dir(folder)
        else:
            folder.mkdir(parents=True, exist_ok=True)
        probe.write_bytes(b"kiosk doctor\n")
        probe.unlink()
    except OSError as exc:
        return Check(FAIL, name, f"{folder} is not writable: {exc}")
    return Check(OK, name, f"{folder} is writable")


def check_data_folder(data: Path, env: Mapping[str, str] | None = None) -> Check:
    """The data folder must be writable; when it is not, say what the kiosk does without it."""
    from kiosk.runtime.single_instance import fallback_lock_folder

    check = check_writable("data folder", data, private=True)
    if check.status != FAIL:
        return check
    return Check(
        FAIL,
        check.name,
        f"{check.detail}. Without it requests cannot be stored (the request screen says so), the staff PIN "
        "cannot be read and there is no heartbeat file; the kiosk still plays its content and keeps its "
        f"single-instance lock in {fallback_lock_folder(env)}. Fix the folder or set data.dir (KIOSK_DATA_DIR)",
    )


def _could_be_a_folder(folder: Path) -> bool:
    """False when ``folder`` or the nearest part of its path that exists is not a folder."""
    existing = folder
    while not existing.exists() and existing.parent != existing:
        existing = existing.parent
    return existing.is_dir()


def check_database(data: Path) -> Check:
    from kiosk.core.paths import REQUESTS_DB_NAME
    from kiosk.core.requests.errors import StorageError
    from kiosk.core.requests.store import RequestStore

    path = data / REQUESTS_DB_NAME
    if not _could_be_a_folder(data):
        return Check(FAIL, "requests database", f"{path} cannot be reached: the data folder cannot be used (above)")
    if not path.exists():
        return Check(OK, "requests database", f"{path} not created yet (no requests so far)")
    try:
        with RequestStore(path) as store:
            result = store.integrity_check()
            counts = store.counts()
    except (StorageError, OSError) as exc:
        return Check(FAIL, "requests database", f"{path}: {exc}")
    if result != "ok":
        return Check(FAIL, "requests database", f"{path}: integrity check failed: {result[:300]}")
    total = sum(counts.values())
    return Check(OK, "requests database", f"{path}: integrity ok, {total} request(s)")


def check_stats_database(data: Path, *, enabled: bool) -> Check:
    """The engagement figures: never a FAIL (the kiosk plays without them), but IT hears when
    they are off, damaged (the kiosk moves the file aside and starts a new one) or unreadable."""
    from kiosk.core.paths import STATS_DB_NAME
    from kiosk.core.stats.schema import StatsDamaged, StatsError
    from kiosk.core.stats.store import StatsStore, damaged_copies

    name = "stats database"
    path = data / STATS_DB_NAME
    if not enabled:
        return Check(OK, name, "off (stats.enabled: false): nothing is counted")
    aside = damaged_copies(path)
    moved = f"; damaged copies moved aside: {', '.join(aside)}" if aside else ""
    if not path.exists():
        return Check(WARN if aside else OK, name, f"{path} not created yet (the kiosk creates it when it runs){moved}")
    try:
        with StatsStore(path, read_only=True) as store:
            found = store.quick_check()
            first = store.first_hour()
    except StatsDamaged as exc:
        return Check(WARN, name, f"{exc}; the kiosk moves it aside and counts into a new one{moved}")
    except (StatsError, OSError) as exc:
        return Check(WARN, name, f"{exc}: the kiosk plays on, but counts nothing it cannot write{moved}")
    if found is not None:
        return Check(WARN, name, f"{path}: quick check found: {found}; the kiosk moves it aside when it fails{moved}")
    since = "nothing counted yet" if first is None else f"figures since {_hour_text(first)} UTC"
    return Check(WARN if aside else OK, name, f"{path}: ok, {since}{moved}")


def _hour_text(hour: int) -> str:
    from kiosk.core.stats.events import hour_start

    return f"{hour_start(hour):%Y-%m-%d %H:%M}"


def check_free_disk(folders: Mapping[str, Path], usage: Callable[[Path], Any] = shutil.disk_usage) -> list[Check]:
    checks: list[Check] = []
    seen: set[int] = set()
    for name, folder in folders.items():
        existing = folder
        while not existing.exists() and existing.parent != existing:
            existing = existing.parent
        try:
            device = existing.stat().st_dev
            free_mb = usage(existing).free / (1024 * 1024)
        except OSError as exc:
            checks.append(Check(FAIL, f"free disk ({name})", f"{folder}: {exc}"))
            continue
        if device in seen:
            continue
        seen.add(device)
        detail = f"{free_mb:,.0f} MB free for {folder}"
        if free_mb < FREE_FAIL_MB:
            checks.append(
                Check(FAIL, "free disk", detail + f" (below {FREE_FAIL_MB} MB: requests are refused, logs lost)")
            )
        elif free_mb < FREE_WARN_MB:
            checks.append(Check(WARN, "free disk", detail + f" (below {FREE_WARN_MB} MB)"))
        else:
            checks.append(Check(OK, "free disk", detail))
    return checks


# --- clock, heartbeat, channels ------------------------------------------------------------


def check_clock(config: Config, now: datetime | None = None) -> Check:
    import zoneinfo

    moment = now or datetime.now(UTC)
    if moment.year < MIN_YEAR:
        return Check(
            FAIL, "clock", f"the clock says {moment:%Y-%m-%d %H:%M} UTC, before {MIN_YEAR}: set the time (NTP)"
        )
    zone_name = clinic_timezone(config)
    try:
        zone = zoneinfo.ZoneInfo(zone_name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return Check(FAIL, "clock", f"no time-zone data for {zone_name} (install tzdata)")
    local = moment.astimezone(zone)
    return Check(OK, "clock", f"{moment:%Y-%m-%d %H:%M} UTC = {local:%H:%M} {zone_name}")


def clinic_timezone(config: Config) -> str:
    """The time zone in the clinic.yaml the kiosk plays (UTC when it cannot be read): the
    clock check's, and the hours of the day ``kiosk stats`` counts visits in."""
    from kiosk.core.content_home import places_for, playing_folder

    return _clinic_timezone(playing_folder(places_for(config["content.dir"], config["data.dir"])))


def _clinic_timezone(content: Path) -> str:
    import yaml

    from kiosk.core.limits import MAX_YAML_BYTES
    from kiosk.core.regular_files import read_regular

    try:
        # Never a plain read: a named pipe in its place would hang the doctor.
        data = yaml.safe_load(read_regular(content / "clinic.yaml", MAX_YAML_BYTES))
        zone = data.get("timezone") if isinstance(data, dict) else None
    except (OSError, yaml.YAMLError):
        zone = None
    return zone if isinstance(zone, str) and zone else "UTC"


def check_heartbeat(data: Path, now: float | None = None) -> Check:
    from kiosk.runtime.heartbeat import HEARTBEAT_NAME, read_heartbeat

    path = data / HEARTBEAT_NAME
    try:
        painted = read_heartbeat(path)
    except FileNotFoundError:
        return Check(OK, "heartbeat", f"{path}: none (the kiosk has not run with this data folder)")
    except (OSError, ValueError, IndexError) as exc:
        return Check(WARN, "heartbeat", f"{path}: unreadable: {exc}")
    age = (time.time() if now is None else now) - painted
    if age > HEARTBEAT_STALE_S:
        return Check(
            WARN, "heartbeat", f"last frame painted {age:,.0f} s ago (stopped, or frozen if it should be running)"
        )
    return Check(OK, "heartbeat", f"last frame painted {age:.0f} s ago")


#: A crash within this many days is a WARN; an older one is only reported.
RECENT_CRASH_DAYS = 7


def check_last_crash(logs: Path, now: datetime | None = None) -> Check:
    """The newest crash, freeze or fatal error in the kiosk's log files, with its time."""
    from kiosk.runtime.crash_reports import last_crash

    report = last_crash(logs)
    if report is None:
        return Check(OK, "last crash", f"none in the logs in {logs}")
    status = OK
    try:
        when = datetime.strptime(report.time, "%Y-%m-%d %H:%M:%S")
    except ValueError:
        status = WARN
    else:
        # The log writes local time.
        moment = (now or datetime.now(UTC)).astimezone().replace(tzinfo=None)
        if (moment - when).total_seconds() < RECENT_CRASH_DAYS * 86400:
            status = WARN
    return Check(status, "last crash", report.describe())


def channel_endpoints(channels: Sequence[Any]) -> list[tuple[str, str, int]]:
    """(channel name, host, port) for each configured channel."""
    endpoints: list[tuple[str, str, int]] = []
    for channel in channels:
        if channel.type == "email":
            endpoints.append((channel.name, channel.host, channel.port))
        else:
            parts = urlsplit(channel.url)
            port = parts.port or (443 if parts.scheme == "https" else 80)
            endpoints.append((channel.name, parts.hostname or "", port))
    return endpoints


def check_channels(config: Config, timeout: float) -> list[Check]:
    from kiosk.core.delivery.config import delivery_setup, secret_file_problems

    setup = delivery_setup(config)
    if setup.off_by_mistake:
        return [Check(FAIL, "delivery", setup.summary())]
    channels = setup.channels
    secrets = secret_file_problems(channels, str(config.path or "kiosk.yaml"))
    if secrets:
        return [Check(FAIL, "delivery", "; ".join(str(p) for p in secrets))]
    if not channels:
        return [Check(WARN, "delivery", "no channels configured: requests stay on this kiosk (docs/delivery.md)")]
    checks: list[Check] = []
    for name, host, port in channel_endpoints(channels):
        started = time.monotonic()
        try:
            with socket.create_connection((host, port), timeout=timeout):
                pass
        except OSError as exc:
            reason = "timed out" if isinstance(exc, TimeoutError) else (exc.strerror or str(exc))
            checks.append(Check(FAIL, f"delivery {name}", f"cannot connect to {host}:{port}: {reason}"))
            continue
        checks.append(
            Check(
                OK,
                f"delivery {name}",
                f"{host}:{port} reachable in {(time.monotonic() - started) * 1000:.0f} ms (nothing sent)",
            )
        )
    return checks
