"""kiosk.core.digests: the same hashes as hashlib, random tokens as secrets makes them, and none of
it loads OpenSSL (hashlib, hmac and secrets do, ~2.8 MB for a kiosk's whole life)."""

from __future__ import annotations

import base64
import hashlib
import re
import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st

from kiosk.core import digests


@given(st.binary(max_size=2048), st.integers(min_value=1, max_value=64))
def test_blake2b_is_hashlibs(data: bytes, size: int) -> None:
    # hashlib's BLAKE2 is the same built-in module: this checks the arguments are passed on.
    ours = digests.blake2b(digest_size=size)
    ours.update(data)
    assert ours.hexdigest() == hashlib.blake2b(data, digest_size=size).hexdigest()
    assert digests.blake2b(data, digest_size=size).digest() == hashlib.blake2b(data, digest_size=size).digest()


@given(st.binary(max_size=2048))
def test_sha256_is_hashlibs(data: bytes) -> None:
    # hashlib's SHA-256 is OpenSSL's: two implementations, one answer (lock names stay the same).
    assert digests.sha256(data).hexdigest() == hashlib.sha256(data).hexdigest()


def test_tokens_have_the_length_and_alphabet_of_secrets_tokens() -> None:
    assert len(digests.token_bytes(10)) == 10
    assert re.fullmatch(r"[0-9a-f]{16}", digests.token_hex(8))
    token = digests.token_urlsafe(24)
    assert re.fullmatch(r"[A-Za-z0-9_-]{32}", token)
    assert len(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))) == 24
    assert len({digests.token_hex(8) for _ in range(100)}) == 100


def test_none_of_it_loads_openssl() -> None:
    code = (
        "import sys\n"
        "from kiosk.core import digests\n"
        "digests.blake2b(b'x', digest_size=8).hexdigest(); digests.sha256(b'x').hexdigest()\n"
        "digests.token_hex(4); digests.token_bytes(4); digests.token_urlsafe(4)\n"
        "loaded = sorted(m for m in ('_hashlib', 'hashlib', 'hmac', 'secrets', '_ssl') if m in sys.modules)\n"
        "assert not loaded, loaded\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_the_known_blake2b_and_sha256_answers() -> None:
    # RFC 7693 appendix A ("abc", 64 bytes) and FIPS 180-2 ("abc"), not another library's say-so.
    assert digests.blake2b(b"abc").hexdigest().startswith("ba80a53f981c4d0d6a2797b69f12f6e9")
    assert digests.sha256(b"abc").hexdigest() == ("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
