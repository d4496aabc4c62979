"""``kiosk deliver``: IT sends waiting information requests now, or puts failed ones back.

``kiosk deliver --once`` sends everything due; ``--retry ID`` / ``--failed`` requeue failed
deliveries and send them; ``--status`` shows the queue. Output names request ids, channels
and errors only, never what a patient typed.

Exit codes: 0 everything sent in this run went out (``--status``: nothing has failed), 1 a
delivery will be retried or failed, or the config, content or database could not be read,
2 usage.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.runtime import exitcodes

if TYPE_CHECKING:
    from kiosk.core.config import Config
    from kiosk.core.delivery.config import ChannelConfig
    from kiosk.core.delivery.outbox import Outbox, RunSummary
    from kiosk.core.requests.store import RequestStore


def add_arguments(parser: argparse.ArgumentParser) -> None:
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--once", action="store_true", help="send every delivery that is due now, then exit")
    what.add_argument(
        "--retry", metavar="ID", help="put the failed deliveries of request ID back in the queue and send them"
    )
    what.add_argument("--failed", action="store_true", help="put every failed delivery back in the queue and send them")
    what.add_argument(
        "--status",
        action="store_true",
        help="show how many deliveries are pending, delivered and failed, and why the failed ones failed",
    )
    parser.add_argument(
        "--config", type=Path, help="the kiosk.yaml to read (default: $KIOSK_CONFIG, then the platform config folder)"
    )
    parser.add_argument(
        "--content",
        type=Path,
        metavar="DIR",
        help="content folder, for topic titles and the clinic's time zone "
        "(default: what the kiosk plays: its content home or last good content)",
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="the kiosk's data folder (default: data.dir from kiosk.yaml, $KIOSK_DATA_DIR, else the user data folder)",
    )


def _fail(message: str) -> int:
    print(f"kiosk deliver: {message}", file=sys.stderr)
    return exitcodes.PROBLEMS


def run(args: argparse.Namespace) -> int:
    from kiosk.core.config import load_config
    from kiosk.core.delivery.config import delivery_setup
    from kiosk.core.delivery.last_success import last_success_path
    from kiosk.core.paths import requests_db_path
    from kiosk.core.requests.errors import RequestNotFound, StorageError
    from kiosk.core.requests.store import RequestStore

    result = load_config(args.config, os.environ)
    if result.config is None:
        for problem in result.problems:
            print(problem, file=sys.stderr)
        return _fail("fix kiosk.yaml first (problems above)")
    config = result.config
    shown = str(config.path) if config.path else "kiosk.yaml"
    setup = delivery_setup(config)
    for problem in dict.fromkeys((*result.problems, *setup.problems)):
        print(problem, file=sys.stderr)
    if setup.off_by_mistake:
        return _fail("fix the delivery channels first (problems above)")
    channel_configs = setup.channels

    db = requests_db_path(args.data_dir or config["data.dir"])
    if not db.is_file():
        return _fail(f"no requests database at {db} (use --data-dir or KIOSK_DATA_DIR)")
    try:
        with RequestStore(db) as store:
            if args.status:
                return _status(store)
            if not channel_configs:
                return _fail(f"{shown}: delivery.channels: no channels are configured; see docs/delivery.md")
            if args.retry or args.failed:
                try:
                    count = store.retry_failed(args.retry)
                except RequestNotFound:
                    return _fail(f"no request with id {args.retry}")
                print(f"queued {count} failed deliver{'y' if count == 1 else 'ies'} again")
            outbox = _outbox(store, channel_configs, args.content or _playing(config), last_success_path(db.parent))
            if isinstance(outbox, int):
                return outbox
            outbox.queue_new_channels()
            summary = outbox.run_once()
            _report(summary)
            return exitcodes.OK if summary.retrying == 0 and summary.failed == 0 else exitcodes.PROBLEMS
    except StorageError as exc:
        return _fail(str(exc))


def _playing(config: Config) -> Path:
    """What the kiosk plays: the clinic's time zone and topic titles come from there."""
    from kiosk.core.content_home import places_for, playing_folder

    return playing_folder(places_for(config["content.dir"], config["data.dir"]))


def _outbox(
    store: RequestStore, channel_configs: tuple[ChannelConfig, ...], content_dir: Path, success_file: Path
) -> Outbox | int:
    from zoneinfo import ZoneInfo

    from kiosk.core.delivery.outbox import Outbox
    from kiosk.core.delivery.setup import build_channels
    from kiosk.core.loader import load_deck

    content = content_dir.resolve()
    loaded = load_deck(content)
    if loaded.deck is None:
        for problem in loaded.errors:
            print(problem, file=sys.stderr)
        return _fail(
            f"the content in {content} has errors (above); the clinic's time zone and topic titles come from it"
        )
    clinic = loaded.deck.clinic
    zone: ZoneInfo = clinic.timezone

    def title(topic_id: str) -> str | None:
        topic = clinic.topic(topic_id)
        return topic.title.get("en") if topic else None

    channels = build_channels(channel_configs, zone, clinic.name)
    # Also from the command line: status and monitoring show when a request last got through.
    return Outbox(store, channels, title, success_file=success_file)


def _report(summary: RunSummary) -> None:
    print(f"delivered {summary.delivered}, will retry {summary.retrying}, failed {summary.failed}")
    for name in summary.unreachable:
        print(f"channel {name}: could not deliver now; the rest of its queue waits for the next run")


def _status(store: RequestStore) -> int:
    from kiosk.core.requests.model import RequestStatus
    from kiosk.core.requests.outbox import DeliveryState

    counts = store.delivery_counts()
    failed = [
        (r.id, d)
        for r in store.list_requests(status=RequestStatus.FAILED)
        for d in store.deliveries(r.id)
        if d.state is DeliveryState.FAILED
    ]
    print(", ".join(f"{state.value} {counts[state]}" for state in DeliveryState))
    for request_id, d in failed:
        print(f"failed: request {request_id} on {d.channel} after {d.attempts} attempt(s): {d.last_error}")
    return exitcodes.PROBLEMS if failed else exitcodes.OK
