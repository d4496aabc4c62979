"""``kiosk requests list|export``: staff read the stored requests from the command line.

Exit codes: 0 ok, 1 the database could not be read (missing, unreadable, too new), 2 usage.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from kiosk.runtime import exitcodes

if TYPE_CHECKING:
    from kiosk.core.requests.model import StoredRequest

STATUSES = ("new", "delivered", "failed", "contacted")
OUT_FILE_MODE = 0o600  # an export holds patient data: private to the user who made it


def parse_since(text: str) -> datetime:
    """``2026-11-01`` (start of that day) or ``2026-11-01T08:30`` (with an optional offset);
    without an offset the machine's local time zone is meant, as staff read dates."""
    try:
        if len(text) == 10:
            moment = datetime.combine(date.fromisoformat(text), time())
        else:
            moment = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid date {text!r}: use YYYY-MM-DD or YYYY-MM-DDTHH:MM") from None
    return moment if moment.tzinfo is not None else moment.astimezone()


def _add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--status", choices=STATUSES, help="only requests in this status")
    parser.add_argument(
        "--since",
        type=parse_since,
        metavar="DATE",
        help="only requests made at or after DATE (YYYY-MM-DD or YYYY-MM-DDTHH:MM, local time)",
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="the kiosk's data folder (default: $KIOSK_DATA_DIR, else the user data folder)",
    )


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    list_parser = actions.add_parser(
        "list", help="show requests as a table", description="Show stored requests as a table, oldest first."
    )
    _add_common(list_parser)
    export_parser = actions.add_parser(
        "export", help="write requests as CSV or JSON", description="Write stored requests as CSV (for Excel) or JSON."
    )
    _add_common(export_parser)
    export_parser.add_argument("--format", choices=("csv", "json"), required=True)
    export_parser.add_argument("--out", metavar="FILE", help="write to FILE (default: standard output)")
    retry_parser = actions.add_parser(
        "retry",
        help="send failed requests again",
        description="Put the failed deliveries of one request (ID) or of every failed request "
        "(--failed) back in the queue and send them now (the same as kiosk deliver --retry).",
    )
    which = retry_parser.add_mutually_exclusive_group(required=True)
    which.add_argument("id", nargs="?", metavar="ID", help="the request to send again")
    which.add_argument("--failed", action="store_true", help="every request whose delivery failed")
    retry_parser.add_argument("--config", type=Path, help="the kiosk.yaml to read")
    retry_parser.add_argument("--content", type=Path, metavar="DIR", help="content folder (topic titles, time zone)")
    retry_parser.add_argument("--data-dir", metavar="DIR", help="the kiosk's data folder")


def _load(args: argparse.Namespace) -> list[StoredRequest] | int:
    from kiosk.core.paths import requests_db_path
    from kiosk.core.requests.errors import StorageError
    from kiosk.core.requests.model import RequestStatus
    from kiosk.core.requests.store import RequestStore

    path = requests_db_path(args.data_dir)
    if not path.is_file():
        # Opening would create an empty database in what is probably the wrong folder.
        print(f"kiosk requests: no requests database at {path} (use --data-dir or KIOSK_DATA_DIR)", file=sys.stderr)
        return exitcodes.PROBLEMS
    try:
        with RequestStore(path) as store:
            status = RequestStatus(args.status) if args.status else None
            return store.list_requests(status=status, since=args.since)
    except StorageError as exc:
        print(f"kiosk requests: {exc}", file=sys.stderr)
        return exitcodes.PROBLEMS


def _table(requests: list[StoredRequest]) -> str:
    headers = ("ID", "CREATED (UTC)", "STATUS", "NAME", "PHONE", "EMAIL", "TIME", "LANG", "TOPICS")
    rows = [
        (
            r.id,
            r.created_at.strftime("%Y-%m-%d %H:%M"),
            r.status.value,
            " ".join(r.request.name.split()),  # a stray newline must not break the table
            r.request.phone or "-",
            r.request.email or "-",
            r.request.contact_time.value,
            r.request.language,
            ", ".join(r.request.topics) or "-",
        )
        for r in requests
    ]
    widths = [max(len(h), *(len(row[i]) for row in rows)) if rows else len(h) for i, h in enumerate(headers)]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip() for line in (headers, *rows)
    ]
    return "\n".join(lines) + f"\n({len(rows)} request{'s' if len(rows) != 1 else ''})\n"


def _open_out(path: str) -> BinaryIO:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, OUT_FILE_MODE)
    return os.fdopen(fd, "wb")


def run(args: argparse.Namespace) -> int:
    if args.action == "retry":
        # One implementation of retrying: the delivery command's.
        from kiosk.cli import deliver

        return deliver.run(
            argparse.Namespace(
                once=False,
                status=False,
                retry=args.id,
                failed=args.failed,
                config=args.config,
                content=args.content,
                data_dir=args.data_dir,
            )
        )
    loaded = _load(args)
    if isinstance(loaded, int):
        return loaded
    if args.action == "list":
        sys.stdout.write(_table(loaded))
        sys.stdout.flush()
        return exitcodes.OK

    from kiosk.core.requests import export

    if args.out:
        try:
            with _open_out(args.out) as stream:
                export.write(loaded, args.format, stream)
        except OSError as exc:
            print(f"kiosk requests: cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
            return exitcodes.PROBLEMS
        print(f"kiosk requests: wrote {len(loaded)} requests to {Path(args.out)}", file=sys.stderr)
    else:
        sys.stdout.flush()
        export.write(loaded, args.format, sys.stdout.buffer)
        sys.stdout.buffer.flush()
    return exitcodes.OK
