"""The staff PIN: a salted PBKDF2-SHA256 hash in a private file, and the wrong-PIN lockout.

The PIN itself is never stored or logged. The hash file and the lockout state live in the
kiosk's data folder (0600 files in a 0700 folder), each written by atomic replace so a power
cut leaves the old file or the new one, never half of either. The lockout is on disk because a
restart (pulling the plug) must not be a way to get five more guesses.
"""

from __future__ import annotations

import base64
import itertools
import json
import logging
import os
import re
from collections.abc import Iterable
from datetime import datetime, timedelta
from pathlib import Path

from kiosk.core.clock import Clock
from kiosk.core.paths import ensure_private_dir

log = logging.getLogger(__name__)

ALGORITHM = "pbkdf2_sha256"
#: OWASP's 2023 figure for PBKDF2-HMAC-SHA256; about 0.7 s on a kiosk-class CPU.
ITERATIONS = 600_000
#: Bytes in a SHA-256 digest, the derived key's length.
HASH_BYTES = 32
#: Hashes with fewer rounds are refused as damaged or tampered with, never checked.
MIN_ITERATIONS = 600_000
SALT_BYTES = 16
PIN_MIN_DIGITS = 4
PIN_MAX_DIGITS = 8
PIN_FILE_NAME = "admin-pin"
LOCKOUT_SUFFIX = ".lockout"
FILE_MODE = 0o600
MAX_ATTEMPTS = 5
LOCK_SECONDS = 300.0

_PIN_RE = re.compile(r"[0-9]+", re.ASCII)


class PinFileError(ValueError):
    """The PIN file exists but cannot be read or does not hold a valid hash."""


def pin_path(data_dir: Path) -> Path:
    """Where the staff PIN hash lives inside the kiosk's data folder."""
    return data_dir / PIN_FILE_NAME


def validate_pin(pin: str) -> None:
    """Raise ValueError (a message for staff, without the PIN) unless ``pin`` is 4-8 digits."""
    if not isinstance(pin, str) or not _PIN_RE.fullmatch(pin):
        raise ValueError(f"the PIN must be {PIN_MIN_DIGITS} to {PIN_MAX_DIGITS} digits (0-9 only)")
    if not PIN_MIN_DIGITS <= len(pin) <= PIN_MAX_DIGITS:
        raise ValueError(f"the PIN must be {PIN_MIN_DIGITS} to {PIN_MAX_DIGITS} digits long (got {len(pin)} digits)")


#: The PINs people choose most often that the rules in :func:`weak_pin_reason` do not catch:
#: straight lines on a phone keypad, and favourites from published PIN-frequency studies.
COMMON_PINS = frozenset({"2580", "0852", "1470", "0741", "3690", "0963", "1004", "5683"})
#: Four-digit PINs in this range read as a year (a birth year, this year).
YEARS = range(1900, 2100)


def weak_pin_reason(pin: str, avoid: Iterable[str] = ()) -> str | None:
    """Why ``pin`` (already 4-8 digits) is too easy to guess, or None when it is not.

    ``avoid``: digit strings a patient can read in the room (the clinic's phone number); a
    PIN found anywhere in one of them is refused. The reason never repeats the PIN.
    """
    digits = [int(c) for c in pin]
    steps = {b - a for a, b in itertools.pairwise(digits)}
    if len(steps) == 1:
        (step,) = steps
        if step == 0:
            return "all its digits are the same (like 0000)"
        return "its digits go up or down in equal steps (like 1234, 4321 or 2468)"
    if {(b - a) % 10 for a, b in itertools.pairwise(digits)} in ({1}, {9}):
        return "its digits count up or down (like 7890)"
    for size in range(1, len(pin) // 2 + 1):
        if len(pin) % size == 0 and pin == pin[:size] * (len(pin) // size):
            return "it repeats a shorter group of digits (like 1212)"
    if len(pin) % 2 == 0 and all(pin[i] == pin[i + 1] for i in range(0, len(pin), 2)):
        return "its digits come in pairs (like 1122)"
    if len(pin) == 4 and int(pin) in YEARS:
        return "it reads as a year"
    if pin in COMMON_PINS:
        return "it is one of the most common PINs"
    if any(pin in "".join(c for c in text if c.isdigit()) for text in avoid):
        return "it is part of the clinic's phone number, which patients can read on the screen"
    return None


def weak_pin_rules_markdown() -> str:
    """The PIN rules as ``docs/admin.md`` states them (a test keeps it current)."""
    return (
        f"- The PIN is {PIN_MIN_DIGITS} to {PIN_MAX_DIGITS} digits (0-9).\n"
        "- `kiosk set-pin` refuses a PIN a patient could guess from the room, and says why: all digits the\n"
        "  same (0000), digits going up or down in equal steps (1234, 4321, 2468, 7890), a repeated group\n"
        f"  (1212, 123123), digits in pairs (1122), a four-digit year ({YEARS.start}-{YEARS.stop - 1}), one of\n"
        f"  the most common PINs ({', '.join(sorted(COMMON_PINS))}), or any part of the clinic's phone\n"
        "  number (`phone` in `clinic.yaml` of the content the kiosk plays: `content.dir` in `kiosk.yaml`,\n"
        "  else the content folder in the data folder, else the shipped pack).\n"
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _derive(pin: str, salt: bytes, iterations: int) -> bytes:
    # hashlib (and hmac, below) load OpenSSL: only when a PIN is set or checked, not for a
    # kiosk's whole life (kiosk/core/digests.py).
    import hashlib

    return hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), salt, iterations)


def hash_pin(pin: str) -> str:
    """``pbkdf2_sha256$<iterations>$<salt b64>$<hash b64>`` with a fresh random salt."""
    salt = os.urandom(SALT_BYTES)
    return f"{ALGORITHM}${ITERATIONS}${_b64(salt)}${_b64(_derive(pin, salt, ITERATIONS))}"


def parse_hash(stored: str) -> tuple[int, bytes, bytes]:
    """(iterations, salt, hash) from a stored hash; ValueError saying which part is wrong."""
    parts = stored.strip().split("$")
    if len(parts) != 4:
        raise ValueError("expected 4 fields separated by '$' (algorithm$iterations$salt$hash)")
    algorithm, iterations_text, salt_text, hash_text = parts
    if algorithm != ALGORITHM:
        raise ValueError(f"algorithm: expected {ALGORITHM!r}, got {algorithm!r}")
    if not iterations_text.isascii() or not iterations_text.isdigit():
        raise ValueError(f"iterations: expected a whole number, got {iterations_text!r}")
    iterations = int(iterations_text)
    if iterations < MIN_ITERATIONS:
        raise ValueError(f"iterations: {iterations} is below the minimum of {MIN_ITERATIONS}")
    try:
        salt = base64.b64decode(salt_text, validate=True)
        digest = base64.b64decode(hash_text, validate=True)
    except ValueError:
        raise ValueError("salt or hash: not valid base64") from None
    if len(salt) < 8:
        raise ValueError("salt: shorter than 8 bytes")
    if len(digest) != HASH_BYTES:
        raise ValueError(f"hash: expected {HASH_BYTES} bytes, got {len(digest)}")
    return iterations, salt, digest


def verify_pin(pin: str, stored: str) -> bool:
    """Whether ``pin`` matches ``stored``; the comparison takes the same time either way.

    Raises ValueError when ``stored`` is not a hash this module wrote.
    """
    import hmac

    iterations, salt, expected = parse_hash(stored)
    return hmac.compare_digest(_derive(pin, salt, iterations), expected)


def _fsync_dir(directory: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_private_atomic(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` in one step, mode 0600, durable when this returns."""
    ensure_private_dir(path.parent)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    try:
        try:
            os.write(fd, text.encode("utf-8"))
            os.fsync(fd)
        finally:
            os.close(fd)
        os.chmod(tmp, FILE_MODE)  # O_CREAT's mode is filtered by the umask, and O_TRUNC keeps an old mode
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


class PinStore:
    """The staff PIN's hash in ``path`` (one line, mode 0600)."""

    def __init__(self, path: Path):
        self.path = Path(path)

    @property
    def lockout_path(self) -> Path:
        """Where the wrong-PIN lockout for this PIN is kept."""
        return self.path.with_name(self.path.name + LOCKOUT_SUFFIX)

    def is_set(self) -> bool:
        return self.path.is_file()

    def set(self, pin: str) -> None:
        """Store a new PIN (4-8 digits, else ValueError); the old one stops working at once."""
        validate_pin(pin)
        write_private_atomic(self.path, hash_pin(pin) + "\n")
        log.info("staff PIN changed (%s)", self.path)

    def _stored(self) -> str:
        try:
            return self.path.read_text(encoding="ascii")
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise PinFileError(f"{self.path}: cannot read the staff PIN file: {reason}") from None

    def check(self, pin: str) -> bool:
        """Whether ``pin`` is the staff PIN. False when no PIN is set; PinFileError when the
        file is damaged (so staff are told to set the PIN again instead of guessing)."""
        if not self.is_set():
            return False
        stored = self._stored()
        try:
            return verify_pin(pin, stored)
        except ValueError as exc:
            raise PinFileError(f"{self.path}: not a valid staff PIN hash: {exc}") from None


class Lockout:
    """Counts wrong PINs; ``max_attempts`` in a row lock the pad for ``lock_seconds``.

    With ``path`` the count and the end of the lock survive restarts. A state file that cannot
    be read counts as locked (fail closed): it is only ever written whole, so damage means
    someone tampered with it. A lock never lasts longer than ``lock_seconds`` from now, so a
    clock that jumped backwards cannot lock staff out for hours.
    """

    def __init__(
        self,
        clock: Clock,
        max_attempts: int = MAX_ATTEMPTS,
        lock_seconds: float = LOCK_SECONDS,
        *,
        path: Path | None = None,
    ):
        if max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")
        if lock_seconds <= 0:
            raise ValueError("lock_seconds must be positive")
        self._clock = clock
        self.max_attempts = max_attempts
        self.lock_seconds = float(lock_seconds)
        self._path = path
        self._failures = 0
        self._locked_until: datetime | None = None
        if path is not None:
            self._load(path)

    def _load(self, path: Path) -> None:
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return
        except OSError as exc:
            log.warning("%s: cannot read the PIN lockout state (%s); locking the PIN pad", path, exc.strerror)
            self._lock_now()
            return
        try:
            data = json.loads(text)
            failures = data["failures"]
            until_text = data["locked_until"]
            if not isinstance(failures, int) or isinstance(failures, bool) or failures < 0:
                raise ValueError("failures: expected a whole number >= 0")
            until = None if until_text is None else datetime.fromisoformat(until_text)
            if until is not None and until.tzinfo is None:
                raise ValueError("locked_until: expected a time with a UTC offset")
        except (ValueError, KeyError, TypeError) as exc:
            log.warning("%s: damaged PIN lockout state (%s); locking the PIN pad", path, exc)
            self._lock_now()
            return
        self._failures = min(failures, self.max_attempts - 1)
        self._locked_until = until

    def _lock_now(self) -> None:
        self._failures = 0
        self._locked_until = self._clock.now() + timedelta(seconds=self.lock_seconds)

    def _save(self) -> None:
        if self._path is None:
            return
        until = None if self._locked_until is None else self._locked_until.isoformat()
        try:
            write_private_atomic(self._path, json.dumps({"failures": self._failures, "locked_until": until}) + "\n")
        except OSError as exc:
            # The in-memory lock still holds; only a restart could get round it.
            log.error("%s: cannot save the PIN lockout state: %s", self._path, exc.strerror or exc)

    @property
    def failures(self) -> int:
        """Wrong PINs since the last success or lock."""
        return self._failures

    def attempts_left(self) -> int:
        return 0 if self.is_locked() else self.max_attempts - self._failures

    def record_failure(self) -> None:
        if self.is_locked():
            return
        self._failures += 1
        if self._failures >= self.max_attempts:
            self._lock_now()
            log.warning("%d wrong staff PINs: PIN pad locked for %.0f s", self.max_attempts, self.lock_seconds)
        self._save()

    def record_success(self) -> None:
        if self._failures or self._locked_until is not None:
            self._failures = 0
            self._locked_until = None
            self._save()

    def locked_until(self) -> datetime | None:
        """When the lock ends, or None when the pad is not locked."""
        if self._locked_until is None:
            return None
        now = self._clock.now()
        latest = now + timedelta(seconds=self.lock_seconds)
        if self._locked_until > latest:
            self._locked_until = latest
        if now >= self._locked_until:
            return None
        return self._locked_until

    def is_locked(self) -> bool:
        return self.locked_until() is not None

    def remaining_seconds(self) -> float:
        """Seconds until the lock ends (0 when not locked)."""
        until = self.locked_until()
        return 0.0 if until is None else (until - self._clock.now()).total_seconds()
