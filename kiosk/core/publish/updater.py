"""One update check: manifest, signature, serial, archive, safe extraction, validation, install.

Content gets in only through the injected ``install(staged, manifest)`` callable, and only
after every check passed. Each check ends with one line in the status file, whatever
happened; no failure is sticky (the next check starts from scratch), except that a signed
bundle that failed for good (it does not validate, or its archive does not match its own
manifest) is not downloaded again until a newer one is published.
"""

from __future__ import annotations

import logging
import shutil
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from kiosk.core.clock import Clock, SystemClock
from kiosk.core.loader import content_version, load_deck
from kiosk.core.publish.deadline import CheckTimeout, Deadline
from kiosk.core.publish.envelope import SignatureError, open_envelope
from kiosk.core.publish.extract import ExtractError, extract_bundle
from kiosk.core.publish.files import CheckBusy, create_exclusive, exclusive_lock
from kiosk.core.publish.keys import KeyFileError, load_public_key
from kiosk.core.publish.manifest import DEFAULT_LIMITS, BundleLimits, Manifest, ManifestError
from kiosk.core.publish.sources import FetchError, ManifestFetch, Source
from kiosk.core.publish.status import (
    OUTCOME_FAILED,
    OUTCOME_INSTALLED,
    OUTCOME_UP_TO_DATE,
    Rejected,
    StatusFileError,
    UpdateStatus,
    read_update_status,
    write_update_status,
)
from kiosk.core.publish.urls import REDACTED

log = logging.getLogger(__name__)

#: ``install(staged, manifest)``: make the checked pack in ``staged`` the content that plays
#: (e.g. rename it into the content home). ``staged`` is on the data folder's disk; whatever
#: is left there afterwards is deleted. Raising means "not installed": the check fails and
#: the next one tries again. May be called again for a bundle it already installed if the
#: process died before the status was written.
InstallFn = Callable[[Path, Manifest], None]

WORK_DIR_NAME = "content-incoming"
LOCK_NAME = "check.lock"
DEFAULT_DEADLINE = 900.0
#: Free space kept on top of the archive and the unpacked files.
DISK_MARGIN = 64 * 1024 * 1024
OUTCOME_BUSY = "busy"


@dataclass(frozen=True)
class CheckResult:
    ok: bool
    outcome: str  # installed, up-to-date, failed, busy
    message: str  # one line, no secrets
    serial: int | None = None
    content_version: str | None = None

    def __str__(self) -> str:
        return self.message


class _Failed(Exception):
    """The check failed; ``rejected`` marks a signed bundle that will never pass as it is."""

    def __init__(self, message: str, rejected: Rejected | None = None) -> None:
        super().__init__(message)
        self.rejected = rejected


@dataclass
class _Progress:
    """How far one check got: the manifest fetched (its validators are kept only when the
    check ends for good) and a bundle refused for good."""

    fetched: ManifestFetch | None = None
    rejected: Rejected | None = None


class Updater:
    """Checks ``source`` for a newer bundle signed by ``public_key`` (a key or the path of a
    ``.pub`` file, read at every check so IT can fix it without a restart)."""

    def __init__(
        self,
        source: Source,
        public_key: Ed25519PublicKey | Path,
        data_dir: Path,
        install: InstallFn,
        *,
        deadline: float = DEFAULT_DEADLINE,
        clock: Clock | None = None,
        limits: BundleLimits = DEFAULT_LIMITS,
        disk_margin: int = DISK_MARGIN,
    ) -> None:
        self.source = source
        self._public_key = public_key
        self.data_dir = data_dir
        self.work_dir = data_dir / WORK_DIR_NAME
        self._install = install
        self._deadline = deadline
        self._clock = clock or SystemClock()
        self._limits = limits
        self._disk_margin = disk_margin

    def status(self) -> UpdateStatus | None:
        try:
            return read_update_status(self.data_dir)
        except StatusFileError:
            return None

    def check(self, cancel: threading.Event | None = None) -> CheckResult:
        """Run one check now; never raises for a network, signature, archive or content fault."""
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
            self.work_dir.mkdir(exist_ok=True, mode=0o700)
            with exclusive_lock(self.work_dir / LOCK_NAME):
                return self._locked_check(cancel)
        except CheckBusy as exc:
            return CheckResult(False, OUTCOME_BUSY, str(exc))
        except OSError as exc:
            message = self._scrub(f"failed: cannot use the data folder {self.data_dir}: {exc.strerror or exc}")
            log.error("content update: %s", message)
            return CheckResult(False, OUTCOME_FAILED, message)

    def _locked_check(self, cancel: threading.Event | None) -> CheckResult:
        try:
            previous = read_update_status(self.data_dir) or UpdateStatus()
            damaged = False
        except StatusFileError as exc:
            # Only the rollback guard is lost; what plays is the content home's business.
            previous, damaged = UpdateStatus(), True
            log.warning("content update: status file damaged, starting afresh: %s", exc)
        if previous.source_id != self.source.identity:
            previous = replace(previous, validators=None, rejected=None)
        self._clean_work_dir()
        progress = _Progress()
        try:
            result = self._run(previous, Deadline(self._deadline, cancel), progress)
        except _Failed as exc:
            result = CheckResult(False, OUTCOME_FAILED, self._scrub(f"failed: {exc}"))
            progress.rejected = exc.rejected
            if exc.rejected is None:
                progress.fetched = None  # keep the validators of the last manifest handled for good
        except CheckTimeout as exc:
            result = CheckResult(False, OUTCOME_FAILED, self._scrub(f"failed: {exc}"))
            progress.fetched = None
        except Exception as exc:  # a bug must not stop the kiosk's update loop; it is logged and shown
            log.exception("content update: internal error")
            result = CheckResult(False, OUTCOME_FAILED, self._scrub(f"failed: internal error (please report): {exc!r}"))
            progress.fetched = None
        finally:
            self._clean_work_dir()
        if damaged and result.ok:
            result = replace(result, message=f"{result.message} (the damaged status file was replaced)")
        self._record(previous, result, progress)
        return result

    def _run(self, previous: UpdateStatus, deadline: Deadline, progress: _Progress) -> CheckResult:
        public_key = self._load_key()
        try:
            fetched = self.source.fetch_manifest(previous.validators, deadline, self._limits.max_manifest_bytes + 4096)
        except FetchError as exc:
            raise _Failed(str(exc)) from None
        progress.fetched = fetched
        accepted = previous.accepted_serial
        if fetched.unchanged:
            if previous.rejected is not None and previous.rejected.serial > accepted:
                raise _Failed(
                    f"serial {previous.rejected.serial} was refused: {previous.rejected.reason}", previous.rejected
                )
            return CheckResult(
                True,
                OUTCOME_UP_TO_DATE,
                f"up to date: serial {accepted} (unchanged)",
                accepted,
                previous.content_version,
            )
        assert fetched.data is not None
        try:
            manifest = open_envelope(fetched.data, public_key, self._limits)
        except SignatureError as exc:
            raise _Failed(f"{self.source.display}: {exc}") from None
        except ManifestError as exc:
            raise _Failed(f"{self.source.display}: manifest: {exc}") from None
        if manifest.serial < accepted:
            raise _Failed(
                f"refused serial {manifest.serial}: older than the accepted serial {accepted} "
                "(a stale copy, or a rollback attack); to go back to older content, publish it again"
            )
        if manifest.serial == accepted:
            return CheckResult(
                True, OUTCOME_UP_TO_DATE, f"up to date: serial {accepted}", accepted, previous.content_version
            )
        memo = previous.rejected
        if memo is not None and (memo.serial, memo.archive_sha256) == (manifest.serial, manifest.archive.sha256):
            raise _Failed(f"serial {memo.serial} was refused: {memo.reason}", memo)
        staged = self._download_and_stage(manifest, deadline)
        deadline.check("handing the new content over")
        try:
            self._install(staged, manifest)
        except Exception as exc:  # whatever the content home raises, the check reports it
            log.exception("content update: install failed")
            raise _Failed(f"install of serial {manifest.serial} failed: {exc}") from None
        size = _size_text(manifest.total_size)
        message = f"installed serial {manifest.serial} (content {manifest.content_version}, {len(manifest.files)} files, {size})"
        return CheckResult(True, OUTCOME_INSTALLED, message, manifest.serial, manifest.content_version)

    def _download_and_stage(self, manifest: Manifest, deadline: Deadline) -> Path:
        archive = manifest.archive
        needed = archive.size + manifest.total_size + self._disk_margin
        free = shutil.disk_usage(self.work_dir).free
        if free < needed:
            raise _Failed(
                f"not enough disk space for serial {manifest.serial}: {_size_text(needed)} needed, {_size_text(free)} free"
            )
        download = self.work_dir / f"download-{manifest.serial}.part"
        with create_exclusive(download, 0o600) as out:
            try:
                sha256 = self.source.fetch_archive(archive.name, archive.size, out, deadline)
            except FetchError as exc:
                raise _Failed(str(exc)) from None
        if sha256 != archive.sha256:
            raise _Failed(f"{archive.name}: its SHA-256 does not match the signed manifest (damaged or tampered with)")
        staged = self.work_dir / f"staging-{manifest.serial}"
        refuse = Rejected(manifest.serial, archive.sha256, "")
        try:
            extract_bundle(download, manifest, staged, deadline)
        except ExtractError as exc:
            raise _Failed(f"serial {manifest.serial}: {exc}", replace(refuse, reason=str(exc))) from None
        download.unlink()
        deadline.check("validating the new content")
        loaded = load_deck(staged)
        if not loaded.ok:
            errors = loaded.errors
            reason = f"the pack does not validate ({len(errors)} error(s)); first: {errors[0]}"
            raise _Failed(f"serial {manifest.serial}: {reason}", replace(refuse, reason=reason))
        version = content_version(staged)
        if version != manifest.content_version:
            reason = f"content version {version} differs from the manifest's {manifest.content_version}"
            raise _Failed(f"serial {manifest.serial}: {reason}", replace(refuse, reason=reason))
        return staged

    def _load_key(self) -> Ed25519PublicKey:
        if isinstance(self._public_key, Ed25519PublicKey):
            return self._public_key
        try:
            return load_public_key(self._public_key)
        except KeyFileError as exc:
            raise _Failed(f"content.public_key: {exc}") from None

    def _record(self, previous: UpdateStatus, result: CheckResult, progress: _Progress) -> None:
        fetched, rejected = progress.fetched, progress.rejected
        now = self._clock.now()
        accepted = previous.accepted_serial
        version = previous.content_version
        if result.outcome == OUTCOME_INSTALLED and result.serial is not None:
            accepted, version = result.serial, result.content_version
        status = UpdateStatus(
            source=self.source.display,
            source_id=self.source.identity,
            last_check=now,
            result=result.message,
            outcome=result.outcome,
            ok=result.ok,
            accepted_serial=accepted,
            content_version=version,
            last_success=now if result.ok else previous.last_success,
            failures_in_a_row=0 if result.ok else previous.failures_in_a_row + 1,
            validators=dict(fetched.validators) if fetched is not None else previous.validators,
            rejected=rejected
            if rejected is not None
            else (None if result.outcome == OUTCOME_INSTALLED else previous.rejected),
        )
        if result.message != previous.result:
            log.log(logging.INFO if result.ok else logging.WARNING, "content update: %s", result.message)
        try:
            write_update_status(self.data_dir, status)
        except OSError as exc:
            log.error("content update: cannot write the status file: %s", exc)

    def _clean_work_dir(self) -> None:
        """Leftovers of a check that was killed: partial downloads and staging folders."""
        for path in self.work_dir.iterdir():
            if path.name.startswith("download-") and path.name.endswith(".part"):
                path.unlink(missing_ok=True)
            elif path.name.startswith("staging-"):
                if path.is_dir() and not path.is_symlink():
                    shutil.rmtree(path, ignore_errors=True)
                else:
                    path.unlink(missing_ok=True)

    def _scrub(self, text: str) -> str:
        for secret in self.source.secrets:
            if secret:
                text = text.replace(secret, REDACTED)
        return text


def _size_text(size: int) -> str:
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if size >= scale:
            return f"{size / scale:.1f} {unit}"
    return f"{size} bytes"
