"""Safe extraction: only the manifest's regular files, each checked, nothing else, nowhere else."""

from __future__ import annotations

import gzip
import hashlib
import io
import tarfile
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.core.publish.deadline import CheckTimeout, Deadline
from kiosk.core.publish.extract import ExtractError, _CappedStream, extract_bundle
from kiosk.core.publish.manifest import ArchiveEntry, FileEntry, Manifest
from tests.helpers.publish_kit import Member, make_archive

FILES = {"clinic.yaml": b"name: x\n", "slides/a.yaml": b"id: a\n", "images/p.png": b"\x89PNG" + b"\x00" * 100}


def entry(path: str, data: bytes) -> FileEntry:
    return FileEntry(path, len(data), hashlib.sha256(data).hexdigest())


def manifest_for(files: dict[str, bytes]) -> Manifest:
    entries = tuple(entry(p, d) for p, d in files.items())
    return Manifest(1, datetime(2026, 1, 1, tzinfo=UTC), "ab", ArchiveEntry("a.tar.gz", 1, "0" * 64), entries)


def extract(tmp_path: Path, archive: bytes, files: dict[str, bytes] = FILES, deadline: float = 30.0) -> Path:
    path = tmp_path / "bundle.tar.gz"
    path.write_bytes(archive)
    staging = tmp_path / "work" / "staging"
    staging.parent.mkdir(exist_ok=True)
    extract_bundle(path, manifest_for(files), staging, Deadline(deadline))
    return staging


def good_members() -> list[Member]:
    return [Member(p, d) for p, d in FILES.items()]


def test_extracts_exactly_the_listed_files(tmp_path: Path) -> None:
    staging = extract(tmp_path, make_archive(good_members()))
    found = {p.relative_to(staging).as_posix(): p.read_bytes() for p in staging.rglob("*") if p.is_file()}
    assert found == FILES


@pytest.mark.parametrize(
    ("member", "message"),
    [
        (Member("images/link.png", type=tarfile.SYMTYPE, linkname="/etc/passwd"), "is a symbolic link"),
        (Member("images/hard.png", type=tarfile.LNKTYPE, linkname="clinic.yaml"), "is a hard link"),
        (Member("images/sub", type=tarfile.DIRTYPE), "is a folder"),
        (Member("slides/pipe", type=tarfile.FIFOTYPE), "is a FIFO"),
        (Member("slides/tty", type=tarfile.CHRTYPE), "is a character device"),
        (Member("slides/disk", type=tarfile.BLKTYPE), "is a block device"),
        (Member("../escaped.yaml", b"x"), "'../escaped.yaml' is in the archive but not in the manifest"),
        (Member("/tmp/absolute.yaml", b"x"), "'/tmp/absolute.yaml' is in the archive but not in the manifest"),
        (Member("slides/extra.yaml", b"x"), "'slides/extra.yaml' is in the archive but not in the manifest"),
        (Member("clinic.yaml", FILES["clinic.yaml"]), "'clinic.yaml' is in the archive twice"),
    ],
)
def test_anything_but_the_listed_regular_files_is_refused(tmp_path: Path, member: Member, message: str) -> None:
    with pytest.raises(ExtractError, match=message.replace("(", r"\(").replace(")", r"\)")):
        extract(tmp_path, make_archive([*good_members(), member]))
    outside = sorted(p.name for p in tmp_path.iterdir())
    assert outside == ["bundle.tar.gz", "work"]  # nothing escaped the staging folder


def test_a_link_first_is_refused_before_anything_follows_it(tmp_path: Path) -> None:
    # A link named like a folder, then a file "through" it: the classic tar escape.
    members = [Member("images", type=tarfile.SYMTYPE, linkname=str(tmp_path)), *good_members()]
    with pytest.raises(ExtractError, match="'images' is a symbolic link"):
        extract(tmp_path, make_archive(members))
    assert not (tmp_path / "p.png").exists()


def test_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ExtractError, match=r"'slides/a.yaml' listed in the manifest but missing"):
        extract(tmp_path, make_archive([m for m in good_members() if m.name != "slides/a.yaml"]))


def test_changed_file_is_refused(tmp_path: Path) -> None:
    members = [Member(m.name, m.data.replace(b"x", b"y")) for m in good_members()]
    with pytest.raises(ExtractError, match=r"'clinic.yaml' does not match its SHA-256"):
        extract(tmp_path, make_archive(members))


def test_size_different_from_the_manifest_is_refused_before_reading(tmp_path: Path) -> None:
    members = [Member(m.name, m.data + b"more") if m.name == "slides/a.yaml" else m for m in good_members()]
    with pytest.raises(ExtractError, match=r"'slides/a.yaml' is 10 bytes in the archive, 6 in the manifest"):
        extract(tmp_path, make_archive(members))


@pytest.mark.parametrize(
    ("fmt", "message"),
    [(tarfile.PAX_FORMAT, "extended \\(pax\\) header"), (tarfile.GNU_FORMAT, "GNU long-name header")],
)
def test_extended_headers_are_refused(tmp_path: Path, fmt: int, message: str) -> None:
    long_name = "slides/" + "n" * 120 + ".yaml"
    files = {**FILES, long_name: b"id: n\n"}
    with pytest.raises(ExtractError, match=message):
        extract(tmp_path, make_archive([*good_members(), Member(long_name, b"id: n\n")], fmt=fmt), files)


def test_not_an_archive(tmp_path: Path) -> None:
    with pytest.raises(ExtractError, match="the archive is damaged"):
        extract(tmp_path, b"<html>Not Found</html>")


def test_gzip_of_zeros_stops_at_the_first_block(tmp_path: Path) -> None:
    raw = io.BytesIO()
    with gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=1) as zipped:
        block = b"\x00" * (1 << 20)
        for _ in range(128):
            zipped.write(block)
    started = time.monotonic()
    with pytest.raises(ExtractError, match="missing from the archive"):
        extract(tmp_path, raw.getvalue())
    assert time.monotonic() - started < 0.5  # 128 MB were not unpacked


def test_decompressed_stream_is_capped(tmp_path: Path) -> None:
    source = gzip.GzipFile(fileobj=io.BytesIO(gzip.compress(b"\x00" * 1_000_000)))
    stream = _CappedStream(source, 50_000, Deadline(30))
    with pytest.raises(ExtractError, match="decompression bomb"):
        while stream.read(8192):
            pass
    assert stream.count <= 50_001


def test_truncated_archive_is_refused(tmp_path: Path) -> None:
    archive = make_archive(good_members())
    with pytest.raises(ExtractError):
        extract(tmp_path, archive[: len(archive) // 2])


def test_deadline_applies(tmp_path: Path) -> None:
    with pytest.raises(CheckTimeout, match="while unpacking the archive"):
        extract(tmp_path, make_archive(good_members()), deadline=0)
