"""``kiosk status [--json]``: is the kiosk running and painting, what content plays (and its
errors), requests pending and failed, when a request last got through, memory. The same facts
the running kiosk writes to ``monitoring.textfile`` for node_exporter (kiosk.core.health);
``--json`` adds the last 7 days' engagement figures (``insights``, as ``kiosk stats --format
json`` gives them) for fleets.

Exit 0 when a kiosk runs here and painted within the last minute, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.runtime import exitcodes

if TYPE_CHECKING:
    from kiosk.core.config import Config
    from kiosk.core.health import Health

#: A kiosk paints at least every 5 s (the heartbeat); older than this, it is frozen or stopped.
FRESH_FRAME_S = 60.0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help="kiosk.yaml to use (default: KIOSK_CONFIG, then the platform folder)",
    )
    parser.add_argument("--json", action="store_true", help="print the facts as JSON (for scripts and monitors)")


def run(args: argparse.Namespace) -> int:
    from kiosk.core.config import load_config
    from kiosk.core.paths import data_dir
    from kiosk.runtime.monitoring import health_of_this_kiosk

    loaded = load_config(args.config, os.environ)
    if loaded.config is None:
        for problem in loaded.problems:
            print(problem, file=sys.stderr)
        print("kiosk status: fix kiosk.yaml first (problems above)", file=sys.stderr)
        return exitcodes.PROBLEMS
    folder = data_dir(loaded.config["data.dir"])
    running, pid = _running(folder)
    health = health_of_this_kiosk(loaded.config, folder, running=running, pid=pid)
    insights, insights_problem = _insights(loaded.config, folder)
    if args.json:
        facts = health.to_dict()
        facts["insights"] = insights
        facts["insights_problem"] = insights_problem or None
        sys.stdout.write(json.dumps(facts, indent=1, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(_text(health, folder) + _insights_line(insights, insights_problem))
    age = health.last_frame_age()
    return exitcodes.OK if running and age is not None and age <= FRESH_FRAME_S else exitcodes.PROBLEMS


#: The period of the engagement figures status reports.
INSIGHTS_DAYS = 7


def _insights(config: Config, folder: Path) -> tuple[dict[str, object] | None, str]:
    """The last INSIGHTS_DAYS days' figures, read-only (a status check never creates the
    file); (None, why) when there are none to read."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    from kiosk.core.paths import stats_db_path
    from kiosk.core.stats.figures import read_figures
    from kiosk.core.stats.schema import StatsError
    from kiosk.runtime.doctor import clinic_timezone

    if not config["stats.enabled"]:
        return None, "off (stats.enabled: false)"
    path = stats_db_path(folder)
    if not path.is_file():
        return None, f"{path}: nothing counted yet"
    try:
        zone = ZoneInfo(clinic_timezone(config))
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    now = datetime.now(zone)
    try:
        figures = read_figures(path, now - timedelta(days=INSIGHTS_DAYS), now, zone)
    except StatsError as exc:
        return None, str(exc)
    return figures.to_dict(), ""


def _insights_line(insights: dict[str, object] | None, problem: str) -> str:
    if insights is None:
        return f"insights: {problem}\n"
    visits = insights["visits"]
    assert isinstance(visits, dict)
    share = visits["ended_in_request_share"]
    ended = "" if share is None else f", {share:.0%} ended in a request"
    return f"insights: {visits['total']} visit(s) in the last {INSIGHTS_DAYS} days{ended}, {insights['requests']} request(s)\n"


def _running(folder: Path) -> tuple[bool, int | None]:
    """Whether a kiosk holds the instance lock of ``folder`` (in the data folder, or where a
    kiosk puts it when the data folder cannot hold it), and its pid."""
    from kiosk.runtime.single_instance import LOCK_NAME, fallback_lock_folder, fallback_lock_name

    for directory, name in ((folder, LOCK_NAME), (fallback_lock_folder(), fallback_lock_name(folder))):
        held, pid = _held(directory, name)
        if held:
            return True, pid
    return False, None


def _held(directory: Path, name: str) -> tuple[bool, int | None]:
    """Tried by taking the lock for an instant: a kiosk starting in that instant exits with 3
    (already running) and its supervisor starts it again 3 s later. A missing lock file is
    never created."""
    from kiosk.runtime.single_instance import AlreadyRunning, InstanceLock

    if not (directory / name).is_file():
        return False, None
    lock = InstanceLock(directory, name)
    try:
        lock.acquire()
    except AlreadyRunning as held:
        return True, held.pid
    except OSError:
        return False, None
    lock.release()
    return False, None


def _text(health: Health, folder: Path) -> str:
    age = health.last_frame_age()
    frame = "never (here)" if health.last_frame is None else f"{_when(health.last_frame)} ({age:.0f} s ago)"
    if health.content_version is None:
        content = "unknown (the kiosk has not run here yet)"
    else:
        content = f"{health.content_version} ({health.content_origin}), {health.content_errors} error(s)"
    if health.requests is None:
        requests = f"unknown: {health.requests_problem}"
    else:
        requests = f"{health.requests.pending} pending, {health.requests.failed} failed"
    delivery = _when(health.last_delivery_success) if health.last_delivery_success else "never"
    memory = f"{health.memory_bytes / 1e6:.1f} MB" if health.memory_bytes is not None else "unknown"
    state = f"running (process {health.pid})" if health.running else "not running"
    lines = [
        f"kiosk {health.version}: {state}, data folder {folder}",
        f"last frame: {frame}",
        f"content: {content}",
        f"requests: {requests}",
        f"last delivery: {delivery}",
        f"memory: {memory}",
    ]
    return "\n".join(lines) + "\n"


def _when(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")
