"""Writing a bundle: ``kiosk content publish DIR --out OUTDIR --key content.key``.

OUTDIR is meant to be copied as it is to a bucket, a web server or a share, so:

- archives are immutable and named by serial and hash (``content-<serial>-<sha12>.tar.gz``):
  a CDN may cache them for ever;
- ``manifest.json`` (manifest and signature in one file) is the only file that changes, and
  it is written last, after the archive is durable;
- the serial only grows: ``max(previous + 1, unix time)``, previous being the highest of the
  old manifest's serial and the archives' names;
- a few old archives stay (kiosks that read the old manifest a moment ago may still be
  downloading its archive), older ones are removed.

The archive is deterministic (sorted, fixed times and owners, plain ustar in gzip), and the
pack is validated twice: as it is, and as the kiosk will see it, unpacked from the archive
that was just written (with the kiosk's own extractor and loader).
"""

from __future__ import annotations

import dataclasses
import gzip
import hashlib
import os
import re
import stat
import tarfile
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.core.clock import Clock, SystemClock
from kiosk.core.loader import content_version, load_deck
from kiosk.core.problems import Problem
from kiosk.core.publish.deadline import Deadline
from kiosk.core.publish.envelope import peek_serial, seal
from kiosk.core.publish.extract import ExtractError, extract_bundle
from kiosk.core.publish.files import O_BINARY, O_NOFOLLOW, atomic_write_bytes, fsync_dir
from kiosk.core.publish.keys import key_id
from kiosk.core.publish.manifest import (
    DEFAULT_LIMITS,
    MANIFEST_NAME,
    ArchiveEntry,
    BundleLimits,
    FileEntry,
    Manifest,
    check_file_set,
    check_member_path,
)

ARCHIVE_NAME = re.compile(r"^content-(\d{1,19})-([0-9a-f]{12})\.tar\.gz$")
DEFAULT_KEEP = 3
_BUILDING = ".content-building"
_STALE_TEMP_SECONDS = 3600
_CHUNK = 1024 * 1024


class PublishRefused(Exception):
    """Nothing was written; ``problems`` are ``path:line: field: message`` lines to show."""

    def __init__(self, summary: str, problems: tuple[Problem, ...] = ()) -> None:
        super().__init__(summary)
        self.summary = summary
        self.problems = problems


@dataclass(frozen=True)
class PublishResult:
    manifest: Manifest
    archive_path: Path
    manifest_path: Path
    key_id: str
    removed: tuple[str, ...]
    warnings: tuple[Problem, ...]
    notes: tuple[str, ...]


def archive_name(serial: int, sha256: str) -> str:
    return f"content-{serial}-{sha256[:12]}.tar.gz"


def collect_files(pack: Path, limits: BundleLimits = DEFAULT_LIMITS) -> list[tuple[str, Path]]:
    """Every file of the pack as (bundle path, file), sorted; hidden names are skipped as the
    content version skips them. Links and special files are refused: kiosks extract only
    regular files."""
    problems: list[Problem] = []
    found: list[tuple[str, Path]] = []
    for dirpath, dirnames, filenames in os.walk(pack):
        base = Path(dirpath)
        for name in sorted(dirnames):
            if not name.startswith(".") and (base / name).is_symlink():
                rel = (base / name).relative_to(pack).as_posix()
                problems.append(
                    Problem(rel, None, "file", "is a link to a folder; publish only real files and folders")
                )
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and not (base / d).is_symlink())
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = base / name
            rel = path.relative_to(pack).as_posix()
            info = path.lstat()
            if stat.S_ISLNK(info.st_mode):
                problems.append(Problem(rel, None, "file", "is a link; replace it with the file itself"))
                continue
            if not stat.S_ISREG(info.st_mode):
                problems.append(Problem(rel, None, "file", "is not a regular file (a pipe, socket or device?)"))
                continue
            why = check_member_path(rel, limits)
            if why:
                problems.append(Problem(rel, None, "file", f"cannot be published: the path {why}"))
                continue
            found.append((rel, path))
    clash = check_file_set([rel for rel, _ in found])
    if clash:
        problems.append(Problem(".", None, "file", clash))
    if not problems and len(found) > limits.max_files:
        problems.append(Problem(".", None, "file", f"{len(found)} files, more than the limit of {limits.max_files}"))
    if problems:
        raise PublishRefused(f"{len(problems)} file(s) cannot be published", tuple(problems))
    return found


class _HashingWriter:
    """Counts and hashes what is written to ``target``."""

    def __init__(self, target: IO[bytes]) -> None:
        self._target = target
        self.digest = hashlib.sha256()
        self.size = 0

    def write(self, data: bytes) -> int:
        self.digest.update(data)
        self.size += len(data)
        return self._target.write(data)

    def flush(self) -> None:
        self._target.flush()


class _HashingReader:
    def __init__(self, source: IO[bytes]) -> None:
        self._source = source
        self.digest = hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        data = self._source.read(size)
        self.digest.update(data)
        return data


def write_archive(
    files: list[tuple[str, Path]], target: Path, limits: BundleLimits = DEFAULT_LIMITS
) -> tuple[ArchiveEntry, tuple[FileEntry, ...]]:
    """Write the deterministic archive of ``files`` to ``target`` (fsynced); the archive's
    entry (named later, once the serial is known) and each file's entry."""
    entries: list[FileEntry] = []
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | O_NOFOLLOW | O_BINARY, 0o644)
    with os.fdopen(fd, "wb") as raw:
        writer = _HashingWriter(raw)
        # mtime=0 and no file name in the gzip header: the same pack gives the same bytes.
        with (
            gzip.GzipFile(filename="", mode="wb", fileobj=writer, mtime=0, compresslevel=6) as zipped,
            tarfile.open(fileobj=zipped, mode="w|", format=tarfile.USTAR_FORMAT) as tar,
        ):
            for rel, path in files:
                entries.append(_add_file(tar, rel, path, limits))
                if sum(e.size for e in entries) > limits.max_total_bytes:
                    raise PublishRefused(f"the pack is more than the limit of {limits.max_total_bytes} bytes")
        raw.flush()
        os.fsync(raw.fileno())
    os.chmod(target, 0o644)  # readable by the web server that serves OUTDIR, whatever the umask
    return ArchiveEntry("", writer.size, writer.digest.hexdigest()), tuple(entries)


def _add_file(tar: tarfile.TarFile, rel: str, path: Path, limits: BundleLimits) -> FileEntry:
    source_fd = os.open(path, os.O_RDONLY | O_NOFOLLOW | O_BINARY)
    with os.fdopen(source_fd, "rb") as source:
        size = os.fstat(source.fileno()).st_size
        if size > limits.max_file_bytes:
            raise PublishRefused(f"{rel}: {size} bytes, more than the limit of {limits.max_file_bytes} per file")
        member = tarfile.TarInfo(rel)
        member.size = size
        member.mode = 0o644
        member.mtime = 0
        member.uid = member.gid = 0
        member.uname = member.gname = ""
        reader = _HashingReader(source)
        try:
            tar.addfile(member, reader)
        except ValueError as exc:  # a name ustar cannot hold
            raise PublishRefused(f"{rel}: cannot be stored in the archive: {exc}") from None
        except OSError as exc:
            if "unexpected end of data" in str(exc):  # tarfile's words when a file is shorter than its size
                raise PublishRefused(f"{rel}: the file shrank while it was being published; try again") from None
            raise
    return FileEntry(rel, size, reader.digest.hexdigest())


def previous_serial(out: Path) -> tuple[int, list[str]]:
    """The highest serial published to ``out`` so far (0 if none) and notes about it."""
    notes: list[str] = []
    serials = [int(m.group(1)) for p in out.iterdir() if (m := ARCHIVE_NAME.match(p.name))]
    manifest_path = out / MANIFEST_NAME
    if manifest_path.exists():
        try:
            serial = peek_serial(manifest_path.read_bytes())
        except OSError as exc:
            serial = None
            notes.append(f"cannot read the previous {MANIFEST_NAME} ({exc.strerror or exc})")
        if serial is None:
            notes.append(
                f"the previous {MANIFEST_NAME} is not readable; the serial continues from the archives and the clock"
            )
        else:
            serials.append(serial)
    return max(serials, default=0), notes


def publish(
    pack: Path,
    out: Path,
    private_key: Ed25519PrivateKey,
    *,
    clock: Clock | None = None,
    keep: int = DEFAULT_KEEP,
    limits: BundleLimits = DEFAULT_LIMITS,
    unix_time: Callable[[], float] = time.time,
) -> PublishResult:
    """Validate ``pack`` and write its bundle into ``out``; PublishRefused writes nothing."""
    if keep < 1:
        raise ValueError("keep at least the archive just published")
    if not pack.is_dir():
        raise PublishRefused(f"{pack}: content folder not found")
    # Links, pipes and devices first: the loader would block reading a FIFO.
    files = collect_files(pack, limits)
    loaded = load_deck(pack)
    if not loaded.ok:
        raise PublishRefused(f"the pack has {len(loaded.errors)} error(s)", loaded.problems)
    out.mkdir(parents=True, exist_ok=True)
    _remove_stale_temp_files(out, unix_time())
    building = out / f"{_BUILDING}.{os.getpid()}.tmp"
    building.unlink(missing_ok=True)
    try:
        archive, entries = write_archive(files, building, limits)
        created = (clock or SystemClock()).now().replace(microsecond=0)  # as the manifest states it
        draft = Manifest(0, created, "", archive, entries)
        version = _check_as_a_kiosk_would(building, draft)
        previous, notes = previous_serial(out)
        serial = max(previous + 1, int(unix_time()))
        name = archive_name(serial, archive.sha256)
        manifest = dataclasses.replace(
            draft, serial=serial, content_version=version, archive=dataclasses.replace(archive, name=name)
        )
        archive_path = out / name
        if archive_path.exists():
            raise PublishRefused(f"{archive_path} already exists; is another publish running into {out}?")
        os.replace(building, archive_path)
    except BaseException:
        building.unlink(missing_ok=True)
        raise
    fsync_dir(out)
    manifest_path = out / MANIFEST_NAME
    atomic_write_bytes(manifest_path, seal(manifest, private_key))
    removed = prune_archives(out, keep)
    return PublishResult(
        manifest, archive_path, manifest_path, key_id(private_key.public_key()), removed, loaded.warnings, tuple(notes)
    )


def _check_as_a_kiosk_would(archive: Path, draft: Manifest) -> str:
    """Unpack the new archive with the kiosk's extractor and validate it with the kiosk's loader;
    the content version of exactly what kiosks will get."""
    with tempfile.TemporaryDirectory(prefix="kiosk-publish-") as tmp:
        staged = Path(tmp) / "pack"
        try:
            extract_bundle(archive, draft, staged, Deadline(3600.0))
        except ExtractError as exc:
            raise PublishRefused(
                f"the archive just written does not unpack as it should ({exc}); please report"
            ) from None
        loaded = load_deck(staged)
        if not loaded.ok:
            # The folder changed while it was being packed.
            raise PublishRefused("the pack changed while it was being published and now has errors", loaded.errors)
        return content_version(staged)


def prune_archives(out: Path, keep: int) -> tuple[str, ...]:
    """Remove all but the ``keep`` newest archives (by serial); the names removed."""
    archives = sorted(
        ((int(m.group(1)), p) for p in out.iterdir() if (m := ARCHIVE_NAME.match(p.name)) and p.is_file()),
        reverse=True,
    )
    removed = []
    for _serial, path in archives[keep:]:
        path.unlink(missing_ok=True)
        removed.append(path.name)
    return tuple(removed)


def _remove_stale_temp_files(out: Path, now: float) -> None:
    """Temp files a killed publish left behind, which a sync to the bucket would copy."""
    for path in out.iterdir():
        if path.name.startswith((_BUILDING + ".", f".{MANIFEST_NAME}.")) and path.name.endswith(".tmp"):
            try:
                if now - path.lstat().st_mtime > _STALE_TEMP_SECONDS:
                    path.unlink()
            except OSError:
                pass  # another publish's file, gone or in use: not ours to fight over
