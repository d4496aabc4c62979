"""The staff PIN hash, its file and the wrong-PIN lockout."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.core import admin_pin
from kiosk.core.admin_pin import (
    ITERATIONS,
    Lockout,
    PinFileError,
    PinStore,
    hash_pin,
    parse_hash,
    pin_path,
    validate_pin,
    verify_pin,
)
from kiosk.core.clock import FixedClock

T0 = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# --- hashing -------------------------------------------------------------------------


def test_hash_format_and_iterations() -> None:
    stored = hash_pin("1234")
    algorithm, iterations, salt, digest = stored.split("$")
    assert algorithm == "pbkdf2_sha256"
    assert int(iterations) == ITERATIONS >= 600_000
    assert len(base64.b64decode(salt)) == 16
    # The digest is really PBKDF2-HMAC-SHA256 of the PIN with that salt and round count.
    expected = hashlib.pbkdf2_hmac("sha256", b"1234", base64.b64decode(salt), int(iterations))
    assert base64.b64decode(digest) == expected
    assert "1234" not in stored


def test_verify_right_and_wrong_pin() -> None:
    stored = hash_pin("482916")
    assert verify_pin("482916", stored) is True
    assert verify_pin("482917", stored) is False
    assert verify_pin("", stored) is False
    assert verify_pin("4829160", stored) is False


def test_salt_differs_per_hash() -> None:
    first, second = hash_pin("1234"), hash_pin("1234")
    assert first != second
    assert first.split("$")[2] != second.split("$")[2]
    assert verify_pin("1234", first) and verify_pin("1234", second)


def test_verify_uses_constant_time_compare(monkeypatch: pytest.MonkeyPatch) -> None:
    stored = hash_pin("1234")
    calls: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", spy)
    assert verify_pin("1234", stored) is True
    assert verify_pin("9999", stored) is False
    assert len(calls) == 2


@pytest.mark.parametrize(
    ("stored", "fragment"),
    [
        ("", "4 fields"),
        ("md5$600000$c2FsdHNhbHQ=$aGFzaA==", "algorithm"),
        ("pbkdf2_sha256$lots$c2FsdHNhbHQ=$aGFzaA==", "iterations"),
        ("pbkdf2_sha256$1000$c2FsdHNhbHQ=$" + base64.b64encode(b"x" * 32).decode(), "below the minimum"),
        ("pbkdf2_sha256$600000$not base64!$aGFzaA==", "base64"),
        ("pbkdf2_sha256$600000$c2FsdHNhbHQ=$aGFzaA==", "hash: expected 32 bytes"),
    ],
)
def test_damaged_hash_is_refused(stored: str, fragment: str) -> None:
    with pytest.raises(ValueError, match=fragment):
        parse_hash(stored)
    with pytest.raises(ValueError):
        verify_pin("1234", stored)


@pytest.mark.parametrize("pin", ["123", "123456789", "12a4", "", " 1234", "１２３４", "12 34"])
def test_invalid_pins(pin: str) -> None:
    with pytest.raises(ValueError, match="4 to 8 digits"):
        validate_pin(pin)


@pytest.mark.parametrize("pin", ["0000", "12345678", "90210"])
def test_valid_pins(pin: str) -> None:
    validate_pin(pin)


# --- the PIN file --------------------------------------------------------------------


def test_pin_store_set_and_check(tmp_path: Path) -> None:
    store = PinStore(pin_path(tmp_path / "data"))
    assert not store.is_set()
    assert store.check("1234") is False
    store.set("1234")
    assert store.is_set()
    assert store.check("1234") is True
    assert store.check("4321") is False
    assert mode(store.path) == 0o600
    assert mode(store.path.parent) == 0o700
    assert "1234" not in store.path.read_text()
    # A new store on the same file (the kiosk after a restart) knows the PIN.
    assert PinStore(store.path).check("1234") is True


def test_pin_file_is_0600_even_with_a_loose_umask(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        store = PinStore(tmp_path / "admin-pin")
        store.set("2468")
    finally:
        os.umask(old)
    assert mode(store.path) == 0o600


def test_set_replaces_atomically(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = PinStore(tmp_path / "admin-pin")
    store.set("1111")
    before = store.path.read_text()

    def crash(_src: object, _dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        store.set("2222")
    # The old file is whole and no temporary file is left behind.
    assert store.path.read_text() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["admin-pin"]
    monkeypatch.undo()
    store.set("2222")
    assert store.check("2222") and not store.check("1111")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["admin-pin"]


def test_set_rejects_invalid_pin_and_keeps_old(tmp_path: Path) -> None:
    store = PinStore(tmp_path / "admin-pin")
    store.set("1357")
    with pytest.raises(ValueError, match="4 to 8 digits"):
        store.set("12")
    assert store.check("1357")


def test_damaged_pin_file_names_the_file(tmp_path: Path) -> None:
    store = PinStore(tmp_path / "admin-pin")
    store.path.write_text("garbage\n")
    with pytest.raises(PinFileError, match=r"admin-pin: not a valid staff PIN hash: expected 4 fields"):
        store.check("1234")


# --- lockout -------------------------------------------------------------------------


def test_five_failures_lock_for_five_minutes() -> None:
    clock = FixedClock(T0)
    lockout = Lockout(clock)
    for left in (5, 4, 3, 2, 1):
        assert not lockout.is_locked()
        assert lockout.attempts_left() == left
        lockout.record_failure()
    assert lockout.is_locked()
    assert lockout.locked_until() == T0 + timedelta(seconds=300)
    assert lockout.remaining_seconds() == 300
    clock.advance(299)
    assert lockout.is_locked()
    assert lockout.remaining_seconds() == 1
    clock.advance(1)
    assert not lockout.is_locked()
    assert lockout.locked_until() is None
    assert lockout.attempts_left() == 5


def test_failures_while_locked_do_not_extend_the_lock() -> None:
    clock = FixedClock(T0)
    lockout = Lockout(clock, max_attempts=2, lock_seconds=60)
    lockout.record_failure()
    lockout.record_failure()
    clock.advance(30)
    lockout.record_failure()
    assert lockout.locked_until() == T0 + timedelta(seconds=60)


def test_success_resets_the_count() -> None:
    lockout = Lockout(FixedClock(T0))
    for _ in range(4):
        lockout.record_failure()
    lockout.record_success()
    for _ in range(4):
        lockout.record_failure()
    assert not lockout.is_locked()
    lockout.record_failure()
    assert lockout.is_locked()


def test_lockout_survives_a_restart(tmp_path: Path) -> None:
    clock = FixedClock(T0)
    state = PinStore(tmp_path / "admin-pin").lockout_path
    first = Lockout(clock, path=state)
    for _ in range(5):
        first.record_failure()
    assert mode(state) == 0o600
    clock.advance(100)
    again = Lockout(clock, path=state)
    assert again.is_locked()
    assert again.remaining_seconds() == 200
    clock.advance(200)
    assert not Lockout(clock, path=state).is_locked()


def test_failure_count_survives_a_restart(tmp_path: Path) -> None:
    clock = FixedClock(T0)
    state = tmp_path / "admin-pin.lockout"
    first = Lockout(clock, path=state)
    for _ in range(3):
        first.record_failure()
    second = Lockout(clock, path=state)
    assert second.attempts_left() == 2
    second.record_failure()
    second.record_failure()
    assert Lockout(clock, path=state).is_locked()
    assert json.loads(state.read_text())["locked_until"] is not None


def test_success_is_persisted(tmp_path: Path) -> None:
    clock = FixedClock(T0)
    state = tmp_path / "admin-pin.lockout"
    lockout = Lockout(clock, path=state)
    for _ in range(4):
        lockout.record_failure()
    lockout.record_success()
    assert Lockout(clock, path=state).attempts_left() == 5


@pytest.mark.parametrize(
    "text",
    [
        "{not json",
        '{"failures": -1, "locked_until": null}',
        '{"failures": 1, "locked_until": "2026-11-26T09:00:00"}',
        "[]",
    ],
)
def test_damaged_state_fails_closed(tmp_path: Path, text: str) -> None:
    state = tmp_path / "admin-pin.lockout"
    state.write_text(text)
    lockout = Lockout(FixedClock(T0), path=state)
    assert lockout.locked_until() == T0 + timedelta(seconds=300)


def test_clock_jumping_back_cannot_lock_for_longer_than_the_lock(tmp_path: Path) -> None:
    clock = FixedClock(T0)
    state = tmp_path / "admin-pin.lockout"
    lockout = Lockout(clock, path=state)
    for _ in range(5):
        lockout.record_failure()
    clock.set(T0 - timedelta(days=2))
    restarted = Lockout(clock, path=state)
    assert restarted.remaining_seconds() == 300


def test_unwritable_state_keeps_the_lock_in_memory(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    lockout = Lockout(FixedClock(T0), max_attempts=1, path=tmp_path / "admin-pin.lockout")

    def disk_full(path: Path, text: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(admin_pin, "write_private_atomic", disk_full)
    lockout.record_failure()
    assert lockout.is_locked()
    assert "cannot save the PIN lockout state" in caplog.text


def test_lockout_rejects_bad_settings() -> None:
    with pytest.raises(ValueError, match="max_attempts"):
        Lockout(FixedClock(T0), max_attempts=0)
    with pytest.raises(ValueError, match="lock_seconds"):
        Lockout(FixedClock(T0), lock_seconds=0)
