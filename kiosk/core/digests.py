"""Hashes and random tokens for a kiosk that never loads OpenSSL.

``hashlib`` loads OpenSSL's libcrypto the moment it is imported, and ``secrets`` and ``hmac``
import ``hashlib``: ~2.8 MB of PSS for the whole life of a kiosk that only needs a BLAKE2
fingerprint of its content, a SHA-256 of a folder name and some random bytes
(bench/README.md, "Where the memory goes"). CPython builds BLAKE2 and SHA-256 in as modules of
their own; they are used here as ``random`` uses ``_sha512``, with ``hashlib`` as the fallback
(an interpreter built without them, or where they were renamed: ``_sha2`` since 3.12).

The random tokens are ``os.urandom``, which is what ``secrets`` returns as well. The publishing
code, the webhook signatures and the staff PIN's key derivation use ``hashlib`` and ``hmac``
themselves: they only run where that is needed.
"""

from __future__ import annotations

import base64
import os
from typing import Protocol


class Digest(Protocol):
    def update(self, data: bytes, /) -> None: ...
    def digest(self) -> bytes: ...
    def hexdigest(self) -> str: ...


def blake2b(data: bytes = b"", *, digest_size: int = 64) -> Digest:
    try:
        from _blake2 import blake2b as built_in
    except ImportError:  # pragma: no cover - CPython has it built in
        from hashlib import blake2b as built_in
    return built_in(data, digest_size=digest_size)


def sha256(data: bytes = b"") -> Digest:
    try:
        from _sha256 import sha256 as built_in  # type: ignore[import-not-found,unused-ignore] # CPython 3.11
    except ImportError:  # pragma: no cover - CPython 3.12 renamed it
        try:
            from _sha2 import sha256 as built_in  # type: ignore[import-not-found,no-redef,unused-ignore] # 3.12+
        except ImportError:
            from hashlib import sha256 as built_in  # type: ignore[assignment,unused-ignore] # any other build
    digest: Digest = built_in(data)
    return digest


def token_bytes(nbytes: int) -> bytes:
    """``nbytes`` random bytes from the operating system (as ``secrets.token_bytes``)."""
    return os.urandom(nbytes)


def token_hex(nbytes: int) -> str:
    """``nbytes`` random bytes as hexadecimal text (as ``secrets.token_hex``)."""
    return os.urandom(nbytes).hex()


def token_urlsafe(nbytes: int) -> str:
    """``nbytes`` random bytes as URL-safe Base64 text (as ``secrets.token_urlsafe``)."""
    return base64.urlsafe_b64encode(os.urandom(nbytes)).rstrip(b"=").decode("ascii")
