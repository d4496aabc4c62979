"""Signing keys: file modes, never overwriting a key by accident, clear errors for wrong files."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.core.publish.keys import (
    KeyFileError,
    generate_key_pair,
    key_id,
    load_private_key,
    load_public_key,
    private_key_is_exposed,
)

posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@posix_only
@pytest.mark.parametrize("umask", [0o000, 0o022, 0o077])
def test_keygen_writes_a_private_key_only_its_owner_reads(tmp_path: Path, umask: int) -> None:
    old = os.umask(umask)
    try:
        pair = generate_key_pair(tmp_path / "keys")
    finally:
        os.umask(old)
    assert mode(pair.private_path) == 0o600
    assert mode(pair.public_path) == 0o644
    assert not private_key_is_exposed(pair.private_path)
    private = load_private_key(pair.private_path)
    public = load_public_key(pair.public_path)
    assert key_id(private.public_key()) == key_id(public) == pair.key_id


def test_keygen_never_overwrites_without_force(tmp_path: Path) -> None:
    first = generate_key_pair(tmp_path)
    before = first.private_path.read_bytes()
    with pytest.raises(KeyFileError, match="already exists; use --force"):
        generate_key_pair(tmp_path)
    assert first.private_path.read_bytes() == before
    second = generate_key_pair(tmp_path, force=True)
    assert second.private_path.read_bytes() != before and second.key_id != first.key_id
    if os.name == "posix":
        assert mode(second.private_path) == 0o600


def test_keygen_refuses_when_only_the_public_key_is_there(tmp_path: Path) -> None:
    (tmp_path / "content.pub").write_text("old")
    with pytest.raises(KeyFileError, match=r"content\.pub already exists"):
        generate_key_pair(tmp_path)
    assert not (tmp_path / "content.key").exists()


@posix_only
def test_keygen_does_not_follow_a_planted_link(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere"
    (tmp_path / "keys").mkdir()
    (tmp_path / "keys" / "content.key").symlink_to(target)
    with pytest.raises(KeyFileError, match="already exists"):
        generate_key_pair(tmp_path / "keys")
    assert not target.exists()


@posix_only
def test_a_readable_private_key_is_flagged(tmp_path: Path) -> None:
    pair = generate_key_pair(tmp_path)
    os.chmod(pair.private_path, 0o644)
    assert private_key_is_exposed(pair.private_path)


def test_key_loading_errors_name_the_file(tmp_path: Path) -> None:
    pair = generate_key_pair(tmp_path)
    with pytest.raises(KeyFileError, match="this is the public key"):
        load_private_key(pair.public_path)
    with pytest.raises(KeyFileError, match="this is a private key; kiosks need only the public key"):
        load_public_key(pair.private_path)
    with pytest.raises(KeyFileError, match=r"nope\.pub: public key not found"):
        load_public_key(tmp_path / "nope.pub")
    (tmp_path / "junk.pub").write_text("hello")
    with pytest.raises(KeyFileError, match="not a PEM public key"):
        load_public_key(tmp_path / "junk.pub")
    with pytest.raises(KeyFileError, match="not a file"):
        load_public_key(tmp_path)
    (tmp_path / "huge.pub").write_bytes(b"x" * 100_000)
    with pytest.raises(KeyFileError, match="far too big"):
        load_public_key(tmp_path / "huge.pub")


def test_keys_of_another_algorithm_are_refused(tmp_path: Path) -> None:
    other = ec.generate_private_key(ec.SECP256R1())
    (tmp_path / "ec.key").write_bytes(
        other.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    (tmp_path / "ec.pub").write_bytes(
        other.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    with pytest.raises(KeyFileError, match="not Ed25519"):
        load_private_key(tmp_path / "ec.key")
    with pytest.raises(KeyFileError, match="not an Ed25519 public key"):
        load_public_key(tmp_path / "ec.pub")


def test_passphrase_protected_private_key_is_refused_clearly(tmp_path: Path) -> None:
    key = Ed25519PrivateKey.generate()
    (tmp_path / "locked.key").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(b"secret"),
        )
    )
    with pytest.raises(KeyFileError, match="passphrase"):
        load_private_key(tmp_path / "locked.key")
