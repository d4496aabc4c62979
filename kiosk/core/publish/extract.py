"""Safe extraction of a bundle's archive into a fresh staging folder.

The archive's SHA-256 is checked before this runs, so only the holder of the signing key can
shape it; these checks are the second line, against a mistake or a stolen key. Only regular
files that the manifest lists are written, each exactly once, with its size and SHA-256
checked; links, folders, devices, FIFOs and extended (pax/GNU) headers are refused before
``tarfile`` acts on them; the decompressed stream is capped near what the manifest declares,
so a decompression bomb stops early. Nothing is ever written outside the staging folder.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import os
import tarfile
import zlib
from pathlib import Path
from typing import IO, Any, Protocol

from kiosk.core.publish.deadline import Deadline
from kiosk.core.publish.files import create_exclusive, fsync_dir
from kiosk.core.publish.manifest import FileEntry, Manifest

_CHUNK = 256 * 1024
#: Per member: a 512-byte header and at most 511 bytes of padding (plain ustar, no extended headers).
_MEMBER_OVERHEAD = 1024
#: The end-of-archive blocks and the last record's padding.
_END_OVERHEAD = 2 * tarfile.RECORDSIZE
_TYPE_NAMES = {
    tarfile.DIRTYPE: "a folder",
    tarfile.SYMTYPE: "a symbolic link",
    tarfile.LNKTYPE: "a hard link",
    tarfile.CHRTYPE: "a character device",
    tarfile.BLKTYPE: "a block device",
    tarfile.FIFOTYPE: "a FIFO (named pipe)",
    tarfile.CONTTYPE: "a contiguous file",
    tarfile.GNUTYPE_SPARSE: "a sparse file",
    tarfile.XHDTYPE: "an extended (pax) header",
    tarfile.XGLTYPE: "a global pax header",
    tarfile.SOLARIS_XHDTYPE: "an extended header",
    tarfile.GNUTYPE_LONGNAME: "a GNU long-name header",
    tarfile.GNUTYPE_LONGLINK: "a GNU long-link header",
}


class ExtractError(Exception):
    """The archive does not hold exactly the manifest's files; the message says how."""


class _RegularFilesOnly(tarfile.TarInfo):
    """Refuses every member but a plain regular file as soon as its header is read, before
    tarfile follows it (extended headers would make tarfile read their data into memory)."""

    @classmethod
    def frombuf(cls, buf: bytes | bytearray, encoding: str, errors: str) -> Any:  # tarfile's own signature
        member = super().frombuf(buf, encoding, errors)
        if member.type not in (tarfile.REGTYPE, tarfile.AREGTYPE):
            kind = _TYPE_NAMES.get(member.type, f"an entry of type {member.type!r}")
            raise ExtractError(f"{member.name!r} is {kind}; a bundle holds only regular files")
        return member


class _Readable(Protocol):
    def read(self, size: int, /) -> bytes: ...


class _CappedStream(io.RawIOBase):
    """The decompressed archive, refusing to give more than ``limit`` bytes."""

    def __init__(self, source: _Readable, limit: int, deadline: Deadline) -> None:
        super().__init__()
        self._source = source
        self._limit = limit
        self._deadline = deadline
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        self._deadline.check("unpacking the archive")
        view = memoryview(buffer)
        data = self._source.read(min(len(view), self._limit - self.count + 1))
        self.count += len(data)
        if self.count > self._limit:
            raise ExtractError(
                f"the archive unpacks to more than the {self._limit} bytes its manifest allows (a decompression bomb?)"
            )
        view[: len(data)] = data
        return len(data)


def extract_bundle(archive: Path, manifest: Manifest, staging: Path, deadline: Deadline) -> None:
    """Unpack ``archive`` into ``staging`` (which must not exist yet), checking every file
    against ``manifest``; ExtractError on any difference. The caller removes ``staging`` on
    failure."""
    expected = {entry.path: entry for entry in manifest.files}
    limit = manifest.total_size + _MEMBER_OVERHEAD * len(expected) + _END_OVERHEAD
    staging.mkdir(mode=0o755)
    folders: set[Path] = {staging}
    written: set[str] = set()
    try:
        with archive.open("rb") as raw, gzip.GzipFile(fileobj=raw, mode="rb") as unzipped:
            stream = _CappedStream(unzipped, limit, deadline)
            with tarfile.open(fileobj=stream, mode="r|", tarinfo=_RegularFilesOnly) as tar:
                for member in tar:
                    entry = expected.get(member.name)
                    if entry is None:
                        raise ExtractError(f"{member.name!r} is in the archive but not in the manifest")
                    if member.name in written:
                        raise ExtractError(f"{member.name!r} is in the archive twice")
                    if member.size != entry.size:
                        raise ExtractError(
                            f"{member.name!r} is {member.size} bytes in the archive, {entry.size} in the manifest"
                        )
                    source = tar.extractfile(member)
                    if source is None:  # only for non-regular members, which frombuf refused
                        raise ExtractError(f"{member.name!r} cannot be read")
                    _write_member(source, entry, staging, folders, deadline)
                    written.add(member.name)
    except (tarfile.TarError, EOFError, zlib.error, gzip.BadGzipFile) as exc:
        raise ExtractError(f"the archive is damaged: {exc}") from None
    missing = sorted(set(expected) - written)
    if missing:
        more = f" and {len(missing) - 1} more" if len(missing) > 1 else ""
        raise ExtractError(f"{missing[0]!r}{more} listed in the manifest but missing from the archive")
    for folder in sorted(folders, key=lambda p: len(p.parts), reverse=True):
        fsync_dir(folder)


def _write_member(source: IO[bytes], entry: FileEntry, staging: Path, folders: set[Path], deadline: Deadline) -> None:
    # entry.path was checked by the manifest parser: relative, no "..", no empty or hidden parts.
    target = staging.joinpath(*entry.path.split("/"))
    parent = target.parent
    if parent not in folders:
        parent.mkdir(parents=True, exist_ok=True, mode=0o755)
        folders.update(p for p in (parent, *parent.parents) if p.is_relative_to(staging))
    digest = hashlib.sha256()
    left = entry.size
    with create_exclusive(target, 0o644) as out:
        while left:
            deadline.check("unpacking the archive")
            chunk = source.read(min(_CHUNK, left))
            if not chunk:
                raise ExtractError(f"{entry.path!r} ends early in the archive")
            digest.update(chunk)
            out.write(chunk)
            left -= len(chunk)
        out.flush()
        os.fsync(out.fileno())
    if digest.hexdigest() != entry.sha256:
        raise ExtractError(f"{entry.path!r} does not match its SHA-256 in the manifest")
