"""The update status a kiosk keeps in its data folder, and what the content home says plays.

``content-updates.json`` is written by the updater after every check, atomically: the source
(redacted), the last check and its one-line result, the accepted serial (never goes back:
the rollback guard) and content version, the last success, and the manifest validators that
make an unchanged check cost one small request. ``content-state.json`` belongs to the
content home (what plays now); it is only read here, tolerantly.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from kiosk.core.publish.files import atomic_write_bytes
from kiosk.core.publish.manifest import format_time

UPDATES_FILE = "content-updates.json"
STATUS_FORMAT = 1
_MAX_STATUS_BYTES = 1024 * 1024

OUTCOME_INSTALLED = "installed"
OUTCOME_UP_TO_DATE = "up-to-date"
OUTCOME_FAILED = "failed"


class StatusFileError(Exception):
    """The status file exists but cannot be read as one."""


@dataclass(frozen=True)
class Rejected:
    """A signed bundle that failed for good (bad pack, archive not matching its manifest):
    not downloaded again until a new one is published."""

    serial: int
    archive_sha256: str
    reason: str


@dataclass(frozen=True)
class UpdateStatus:
    source: str | None = None  # redacted
    source_id: str | None = None
    last_check: datetime | None = None
    result: str = "no check yet"
    outcome: str = ""
    ok: bool = False
    accepted_serial: int = 0
    content_version: str | None = None
    last_success: datetime | None = None
    failures_in_a_row: int = 0
    validators: dict[str, Any] | None = field(default=None, compare=False)
    rejected: Rejected | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "format": STATUS_FORMAT,
            "source": self.source,
            "source_id": self.source_id,
            "last_check": format_time(self.last_check) if self.last_check else None,
            "result": self.result,
            "outcome": self.outcome,
            "ok": self.ok,
            "accepted_serial": self.accepted_serial,
            "content_version": self.content_version,
            "last_success": format_time(self.last_success) if self.last_success else None,
            "failures_in_a_row": self.failures_in_a_row,
            "manifest_validators": self.validators,
            "rejected": (
                {
                    "serial": self.rejected.serial,
                    "archive_sha256": self.rejected.archive_sha256,
                    "reason": self.rejected.reason,
                }
                if self.rejected
                else None
            ),
        }

    @classmethod
    def from_json(cls, obj: Any) -> UpdateStatus:
        """Field by field: a field of the wrong type reads as its default."""
        if not isinstance(obj, dict):
            raise StatusFileError("not a JSON object")
        rejected_obj = obj.get("rejected")
        rejected = None
        if isinstance(rejected_obj, dict):
            serial, sha, reason = (rejected_obj.get(k) for k in ("serial", "archive_sha256", "reason"))
            if isinstance(serial, int) and _is_int(serial) and isinstance(sha, str) and isinstance(reason, str):
                rejected = Rejected(serial, sha, reason)
        validators = obj.get("manifest_validators")
        return cls(
            source=_text(obj.get("source")),
            source_id=_text(obj.get("source_id")),
            last_check=_time(obj.get("last_check")),
            result=_text(obj.get("result")) or "no check yet",
            outcome=_text(obj.get("outcome")) or "",
            ok=obj.get("ok") is True,
            accepted_serial=obj["accepted_serial"]
            if _is_int(obj.get("accepted_serial")) and obj["accepted_serial"] > 0
            else 0,
            content_version=_text(obj.get("content_version")),
            last_success=_time(obj.get("last_success")),
            failures_in_a_row=obj["failures_in_a_row"] if _is_int(obj.get("failures_in_a_row")) else 0,
            validators=validators if isinstance(validators, dict) else None,
            rejected=rejected,
        )


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _time(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def _read_json(path: Path) -> Any:
    with path.open("rb") as handle:
        data = handle.read(_MAX_STATUS_BYTES + 1)
    if len(data) > _MAX_STATUS_BYTES:
        raise StatusFileError(f"{path}: larger than {_MAX_STATUS_BYTES} bytes")
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise StatusFileError(f"{path}: not valid JSON ({exc})") from None


def read_update_status(data_dir: Path) -> UpdateStatus | None:
    """The last check's status, None when no check has run; StatusFileError when damaged."""
    path = data_dir / UPDATES_FILE
    try:
        obj = _read_json(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StatusFileError(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        return UpdateStatus.from_json(obj)
    except StatusFileError as exc:
        raise StatusFileError(f"{path}: {exc}") from None


def write_update_status(data_dir: Path, status: UpdateStatus) -> None:
    text = json.dumps(status.to_json(), indent=1, ensure_ascii=False, sort_keys=False) + "\n"
    atomic_write_bytes(data_dir / UPDATES_FILE, text.encode("utf-8"), mode=0o600)


def describe_updates(data_dir: Path, source: str) -> str:
    """One line for staff: where content comes from and how the last check went."""
    try:
        status = read_update_status(data_dir)
    except StatusFileError as exc:
        return f"Updates from {source}: status unreadable ({exc})"
    if status is None or status.last_check is None:
        return f"Updates from {source}: not checked yet"
    when = status.last_check.astimezone().strftime("%Y-%m-%d %H:%M")
    return f"Updates from {source}: last check {when}: {status.result}"
