"""Ed25519 signing keys for content bundles (through ``cryptography``; no crypto of our own).

The private key (``content.key``, PKCS#8 PEM, mode 0600) stays on the publishing PC; kiosks
get only the public key (``content.pub``, SubjectPublicKeyInfo PEM). A key id, the start of
the SHA-256 of the raw public key, names a key in messages without showing it.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from kiosk.core.publish.files import atomic_write_bytes, create_exclusive

PRIVATE_KEY_NAME = "content.key"
PUBLIC_KEY_NAME = "content.pub"
PRIVATE_KEY_MODE = 0o600
PUBLIC_KEY_MODE = 0o644
#: Key files are a few hundred bytes; anything much bigger is not one of ours.
_MAX_KEY_FILE = 16 * 1024


class KeyFileError(Exception):
    """A key file that cannot be used; the message names the file."""


def key_id(public_key: Ed25519PublicKey) -> str:
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def verify(public_key: Ed25519PublicKey, signature: bytes, data: bytes) -> bool:
    try:
        public_key.verify(signature, data)
    except InvalidSignature:
        return False
    return True


@dataclass(frozen=True)
class KeyPair:
    private_path: Path
    public_path: Path
    key_id: str


def generate_key_pair(folder: Path, *, force: bool = False) -> KeyPair:
    """Write ``content.key`` (0600) and ``content.pub`` in ``folder``.

    An existing key is never replaced unless ``force``: losing it means every kiosk must be
    given a new public key. Without ``force`` the private key is created with O_EXCL, so two
    runs at once cannot both think they wrote it.
    """
    private_path = folder / PRIVATE_KEY_NAME
    public_path = folder / PUBLIC_KEY_NAME
    if not force:
        for path in (private_path, public_path):
            if path.exists() or path.is_symlink():
                raise KeyFileError(
                    f"{path} already exists; use --force to replace the key pair (kiosks then need the new {PUBLIC_KEY_NAME})"
                )
    folder.mkdir(parents=True, exist_ok=True)
    key = Ed25519PrivateKey.generate()
    private_pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    public_pem = key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    if force:
        atomic_write_bytes(private_path, private_pem, PRIVATE_KEY_MODE)
    else:
        try:
            with create_exclusive(private_path, PRIVATE_KEY_MODE) as handle:
                os.chmod(private_path, PRIVATE_KEY_MODE)  # the umask may have removed bits, never added
                handle.write(private_pem)
                handle.flush()
                os.fsync(handle.fileno())
        except FileExistsError:
            raise KeyFileError(f"{private_path} already exists; use --force to replace the key pair") from None
    atomic_write_bytes(public_path, public_pem, PUBLIC_KEY_MODE)
    return KeyPair(private_path, public_path, key_id(key.public_key()))


def _read_key_file(path: Path, what: str) -> bytes:
    try:
        info = path.stat()
    except FileNotFoundError:
        raise KeyFileError(f"{path}: {what} not found") from None
    except OSError as exc:
        raise KeyFileError(f"{path}: cannot read the {what}: {exc.strerror or exc}") from None
    if not stat.S_ISREG(info.st_mode):
        raise KeyFileError(f"{path}: not a file")
    if info.st_size > _MAX_KEY_FILE:
        raise KeyFileError(f"{path}: {info.st_size} bytes is far too big for a {what}")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise KeyFileError(f"{path}: cannot read the {what}: {exc.strerror or exc}") from None


def private_key_is_exposed(path: Path) -> bool:
    """Whether others than the owner may read the private key file (POSIX only)."""
    if os.name != "posix":
        return False
    try:
        return bool(path.stat().st_mode & 0o077)
    except OSError:
        return False


def load_private_key(path: Path) -> Ed25519PrivateKey:
    data = _read_key_file(path, "private key")
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except TypeError:
        raise KeyFileError(f"{path}: the private key is protected by a passphrase, which is not supported") from None
    except (ValueError, UnsupportedAlgorithm):
        hint = " (this is the public key; publish needs content.key)" if b"PUBLIC KEY" in data else ""
        raise KeyFileError(f"{path}: not a PEM private key{hint}") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise KeyFileError(
            f"{path}: an {type(key).__name__.removesuffix('PrivateKey') or 'other'} key, not Ed25519; make one with `kiosk content keygen`"
        )
    return key


def load_public_key(path: Path) -> Ed25519PublicKey:
    data = _read_key_file(path, "public key")
    if b"PRIVATE KEY" in data:
        # Never let the private key end up on kiosks: say so instead of quietly deriving from it.
        raise KeyFileError(f"{path}: this is a private key; kiosks need only the public key ({PUBLIC_KEY_NAME})")
    try:
        key = serialization.load_pem_public_key(data)
    except (ValueError, UnsupportedAlgorithm):
        raise KeyFileError(
            f"{path}: not a PEM public key (expected the {PUBLIC_KEY_NAME} that `kiosk content keygen` wrote)"
        ) from None
    if not isinstance(key, Ed25519PublicKey):
        raise KeyFileError(f"{path}: not an Ed25519 public key; make one with `kiosk content keygen`")
    return key
