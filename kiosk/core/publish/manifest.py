"""The manifest of a content bundle: what the archive holds, parsed strictly.

The manifest is the signed payload inside ``manifest.json`` (the envelope is in
:mod:`.envelope`). It lists the archive (name, size, SHA-256) and every file of the pack
(path, size, SHA-256), so a kiosk can check each byte it extracts. Paths are checked here
once for every platform a kiosk runs on: relative, no ``..``, no names Windows cannot hold,
no two paths that differ only in case or Unicode form.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

FORMAT_VERSION = 1
MANIFEST_NAME = "manifest.json"

_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_CONTENT_VERSION = re.compile(r"^[0-9a-f]{1,64}$")
_ARCHIVE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")
_WINDOWS_RESERVED = frozenset(
    ["con", "prn", "aux", "nul"] + [f"com{i}" for i in range(1, 10)] + [f"lpt{i}" for i in range(1, 10)]
)
_FORBIDDEN_CHARS = frozenset('\\:*?"<>|')
_MAX_SERIAL = 2**63 - 1


@dataclass(frozen=True)
class BundleLimits:
    """Caps a kiosk applies to any bundle, however well signed (a mistake or a stolen key must
    not fill the disk or the memory)."""

    max_manifest_bytes: int = 4 * 1024 * 1024
    max_files: int = 10_000
    max_file_bytes: int = 512 * 1024 * 1024
    max_total_bytes: int = 2 * 1024 * 1024 * 1024  # all files together, and the archive itself
    max_path_chars: int = 200
    max_depth: int = 8


DEFAULT_LIMITS = BundleLimits()


class ManifestError(ValueError):
    """A manifest that does not follow the format; the message says which field."""


@dataclass(frozen=True)
class FileEntry:
    path: str  # POSIX-style, relative to the pack's folder
    size: int
    sha256: str


@dataclass(frozen=True)
class ArchiveEntry:
    name: str  # a plain file name beside manifest.json
    size: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    serial: int
    created: datetime
    content_version: str
    archive: ArchiveEntry
    files: tuple[FileEntry, ...]

    @property
    def total_size(self) -> int:
        return sum(f.size for f in self.files)

    def to_dict(self) -> dict[str, Any]:
        return {
            "format_version": FORMAT_VERSION,
            "serial": self.serial,
            "created": format_time(self.created),
            "content_version": self.content_version,
            "archive": {"name": self.archive.name, "size": self.archive.size, "sha256": self.archive.sha256},
            "files": [{"path": f.path, "size": f.size, "sha256": f.sha256} for f in self.files],
        }

    def to_json_bytes(self) -> bytes:
        """Canonical bytes (sorted keys, ASCII only): the exact bytes that get signed."""
        return json.dumps(self.to_dict(), sort_keys=True, ensure_ascii=True, separators=(",", ":")).encode("ascii")


def format_time(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def check_member_path(path: str, limits: BundleLimits = DEFAULT_LIMITS) -> str | None:
    """Why ``path`` cannot be a file in a bundle (to follow the path in a message), or None."""
    if not path:
        return "is empty"
    if len(path) > limits.max_path_chars:
        return f"is longer than {limits.max_path_chars} characters"
    if any(ord(c) < 32 or ord(c) == 127 for c in path):
        return "holds a control character"
    if path.startswith("/"):
        return "is an absolute path"
    bad = sorted(set(path) & _FORBIDDEN_CHARS)
    if bad:
        return f"holds {' '.join(repr(c) for c in bad)}, which not every system allows in a file name"
    parts = path.split("/")
    if len(parts) > limits.max_depth:
        return f"is more than {limits.max_depth} folders deep"
    for part in parts:
        if part == "":
            return "has an empty folder name ('//' or a trailing '/')"
        if part in (".", ".."):
            return f"holds '{part}'"
        if part.startswith("."):
            return f"has a hidden name '{part}' (starting with '.')"
        if part.endswith((".", " ")):
            return f"has a name ending with a dot or a space ('{part}'), which Windows drops"
        if part.split(".")[0].lower() in _WINDOWS_RESERVED:
            return f"has a device name of Windows ('{part}')"
    return None


def _fold(path: str) -> str:
    # Two names one file system would treat as the same file (case, Unicode composition).
    return unicodedata.normalize("NFC", path).casefold()


def check_file_set(paths: list[str]) -> str | None:
    """Why these paths cannot live together in one folder tree, or None."""
    seen: dict[str, str] = {}
    for path in paths:
        key = _fold(path)
        if key in seen:
            other = seen[key]
            return (
                f"'{path}' is listed twice"
                if other == path
                else f"'{path}' and '{other}' differ only in case or accents"
            )
        seen[key] = path
    folders = {"/".join(p.split("/")[:i]) for p in seen for i in range(1, p.count("/") + 1)}
    for key, path in seen.items():
        if key in folders:
            return f"'{path}' is both a file and a folder"
    return None


def _require(obj: dict[str, Any], key: str, where: str) -> Any:
    if key not in obj:
        raise ManifestError(f"{where}{key}: missing")
    return obj[key]


def _int(value: Any, where: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ManifestError(f"{where}: expected a whole number, got {_describe(value)}")
    if not low <= value <= high:
        raise ManifestError(f"{where}: {value} is outside {low}..{high}")
    return value


def _str(value: Any, where: str, pattern: re.Pattern[str] | None = None, what: str = "") -> str:
    if not isinstance(value, str):
        raise ManifestError(f"{where}: expected text, got {_describe(value)}")
    if pattern is not None and not pattern.match(value):
        raise ManifestError(f"{where}: {_short(value)} is not {what}")
    return value


def _describe(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "text", bool: "true/false", type(None): "null"}.get(
        type(value), type(value).__name__
    )


def _short(value: str) -> str:
    return repr(value if len(value) <= 60 else value[:57] + "...")


def _only(obj: dict[str, Any], keys: tuple[str, ...], where: str) -> None:
    extra = sorted(set(obj) - set(keys))
    if extra:
        raise ManifestError(f"{where}{extra[0]}: unknown field")


def parse_manifest(data: bytes, limits: BundleLimits = DEFAULT_LIMITS) -> Manifest:
    """The manifest in ``data`` (UTF-8 JSON), or ManifestError naming the first problem."""
    if len(data) > limits.max_manifest_bytes:
        raise ManifestError(f"manifest is {len(data)} bytes, more than the limit of {limits.max_manifest_bytes}")
    try:
        obj = json.loads(data.decode("utf-8"), parse_constant=_refuse_constant)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise ManifestError(f"manifest is not valid JSON: {exc}") from None
    if not isinstance(obj, dict):
        raise ManifestError(f"manifest: expected an object, got {_describe(obj)}")
    version = _require(obj, "format_version", "")
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        raise ManifestError(
            f"format_version: bundle format {version} is newer than this kiosk understands ({FORMAT_VERSION}); "
            "update the kiosk program"
        )
    _int(version, "format_version", FORMAT_VERSION, FORMAT_VERSION)
    _only(obj, ("format_version", "serial", "created", "content_version", "archive", "files"), "")
    serial = _int(_require(obj, "serial", ""), "serial", 1, _MAX_SERIAL)
    created_text = _str(_require(obj, "created", ""), "created")
    try:
        created = datetime.fromisoformat(created_text)
    except ValueError:
        raise ManifestError(f"created: {_short(created_text)} is not a date and time") from None
    if created.tzinfo is None:
        raise ManifestError(f"created: {_short(created_text)} has no time zone")
    content_version = _str(
        _require(obj, "content_version", ""), "content_version", _CONTENT_VERSION, "a content version (hex)"
    )
    archive_obj = _require(obj, "archive", "")
    if not isinstance(archive_obj, dict):
        raise ManifestError(f"archive: expected an object, got {_describe(archive_obj)}")
    _only(archive_obj, ("name", "size", "sha256"), "archive.")
    archive = ArchiveEntry(
        name=_str(_require(archive_obj, "name", "archive."), "archive.name", _ARCHIVE_NAME, "a plain file name"),
        size=_int(_require(archive_obj, "size", "archive."), "archive.size", 1, limits.max_total_bytes),
        sha256=_str(_require(archive_obj, "sha256", "archive."), "archive.sha256", _SHA256, "a SHA-256 (64 hex)"),
    )
    if archive.name == MANIFEST_NAME:
        raise ManifestError(f"archive.name: cannot be {MANIFEST_NAME}")
    files_obj = _require(obj, "files", "")
    if not isinstance(files_obj, list):
        raise ManifestError(f"files: expected a list, got {_describe(files_obj)}")
    if not files_obj:
        raise ManifestError("files: the list is empty")
    if len(files_obj) > limits.max_files:
        raise ManifestError(f"files: {len(files_obj)} files, more than the limit of {limits.max_files}")
    files: list[FileEntry] = []
    for i, item in enumerate(files_obj):
        where = f"files[{i}]"
        if not isinstance(item, dict):
            raise ManifestError(f"{where}: expected an object, got {_describe(item)}")
        _only(item, ("path", "size", "sha256"), f"{where}.")
        path = _str(_require(item, "path", f"{where}."), f"{where}.path")
        why = check_member_path(path, limits)
        if why:
            raise ManifestError(f"{where}.path: {_short(path)} {why}")
        files.append(
            FileEntry(
                path=path,
                size=_int(_require(item, "size", f"{where}."), f"{where}.size", 0, limits.max_file_bytes),
                sha256=_str(_require(item, "sha256", f"{where}."), f"{where}.sha256", _SHA256, "a SHA-256 (64 hex)"),
            )
        )
    clash = check_file_set([f.path for f in files])
    if clash:
        raise ManifestError(f"files: {clash}")
    manifest = Manifest(serial, created, content_version, archive, tuple(files))
    if manifest.total_size > limits.max_total_bytes:
        raise ManifestError(
            f"files: {manifest.total_size} bytes in all, more than the limit of {limits.max_total_bytes}"
        )
    return manifest


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")
